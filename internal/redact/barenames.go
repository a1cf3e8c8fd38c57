package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A capitalised phrase on its own is as likely a place or a service as a person, so findNames
// needs an introduction. Some contexts say "a person" without one, and these are read here:
//
//   - a title: "Mr Ahmed Khan asking: …", "… spoke to Dr Okafor"
//   - a full name, then "here", opening a sentence: "Kwame Mensah here. who is the DPO?", or in
//     lower case, "john smith here, who is the dpo" (findLowerNamesHere)
//   - a full name after "It's" opening a sentence: "It's Dave Smith, how long …"
//   - a full name after "From:": "From: Anna Kowalska."
//   - a name after a dash that ends the message: "… thanks - Jane Smith"
//   - a full name, then an address: "Jane Doe, 4 Park Lane", or in lower case opening a
//     sentence, "tom hart, flat 2 the maltings" (findLowerNameBeforeAddress)
//   - a full name that is the whole message: "Andrei Popescu" (residents answer "what is your
//     name?" so); a council's services typed alone ("Blue Badge", "Council Tax") are kept by
//     the ordinary and organisation words; in lower case, opened by a common first name: "john
//     smith" (findLowerNameAlone)
//   - a full name on a line of its own in a longer message: "I need my records.\nKate Hill\nThanks"
//
// A surname that is also a street type or a word ("Kate Hill", "Mary Green") may end a full name
// that is the whole message, a line of its own or before an address, but not after a street's
// first word ("Castle Hill", "Church Green"), and such a word never starts one ("Green Belt").
//
// A full name is two or three capitalised words, none of them an ordinary word (ordinaryWord) or
// an organisation's (orgWords): "It's Adult Social Care" and "Mr Men books" are not people.

// titleWords may open a name anywhere. "MS" in capitals is multiple sclerosis, not a title.
var titleWords = setOf(`Mr Mrs Ms Miss Mx Dr MR MRS MISS MX DR`)

// lowerNameFollowers may follow a lower-case name after "i'm": "i'm ahmed khan and i …", "im
// john smith born 14/03/1962" (a date of birth follows a name, never a phrase such as "i'm fed
// up"), "this is john smith speaking" (how callers open; a QA pass found it kept).
var lowerNameFollowers = setOf(`and from here of in at living born aged age dob speaking calling`)

// findBareNames appends the spans of names found in the contexts above, and reports each name's
// words to addWords so that findNames redacts their other uses too.
func findBareNames(s string, out []span, addWords func([]string)) []span {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c < 'A' || c > 'Z') || wordBefore(s, i) {
			continue
		}
		if c >= 0x80 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(r) {
				continue
			}
		}
		start, end, words := bareName(s, i)
		if end > start {
			out = append(out, span{KindName, start, end})
			addWords(words)
			i = end - 1
		}
	}
	return out
}

// bareName returns the span of the name starting with the capitalised word at byte i when its
// context says it is a person's, and the name's words.
func bareName(s string, i int) (start, end int, words []string) {
	tok, next := readNameToken(s, i)
	if titleWords[strings.TrimSuffix(tok, ".")] {
		if next == 0 {
			return 0, 0, nil
		}
		if e, w, n := readCapitalisedName(s, next, 3); n > 0 {
			return next, e, w // the title stays, as in "Mrs [name] has moved"
		}
		return 0, 0, nil
	}
	e, w, n := readCapitalisedName(s, i, 3)
	if n == 0 {
		return 0, 0, nil
	}
	before := strings.TrimRight(s[:i], " \t\u00a0")
	switch {
	case n >= 2 && followedByWord(s, e, "here") && (atSentenceStart(s, i) || strings.HasSuffix(before, ",")):
	case n >= 2 && followedByWord(s, e, "from") && atSentenceStart(s, i) && !streetName(s[i:e]) && !startsWithWord(s[i:e]):
	case n >= 2 && openingWord(before, "does", "did", "is", "was", "can", "could", "will", "has") && !streetName(s[i:e]) && !startsWithWord(s[i:e]) && !namesPlace(s[i:e]):
	case spokeTo(before) && !streetName(s[i:e]) && !startsWithWord(s[i:e]) && (n >= 2 || nameEndsClause(s, e) || followedByAny(s, e, lowerNameFollowers)):
	case n >= 2 && openingWord(before, "it's", "it’s", "its", "it is") && nameEndsClause(s, e):
	case n >= 2 && openingWord(before, "from:"):
	case endsWithDash(before) && restIsPunct(s, e):
	case n >= 2 && addressFollows(s, e) && !streetName(s[i:e]):
	case n >= 2 && contactFollows(s, e) && !streetName(s[i:e]) && !startsWithWord(s[i:e]): // "Ravi Patel, 07700 900456"
	case n >= 2 && strings.TrimSpace(s[:i]) == "" && restIsPunct(s, e) && !streetName(s[i:e]) && !startsWithWord(s[i:e]):
	case n >= 2 && lineAlone(s, i, e) && !streetName(s[i:e]) && !startsWithWord(s[i:e]):
	case n >= 2 && firstNameFirst(s[i:e]) && !streetName(s[i:e]) && !strings.EqualFold(lastWord(before), "the"): // "data about Jane Smith" (firstnames.go); "the Elizabeth Line" is none
		// A possessive ends the name, and stays: "Jack Brown's EHCP" is "[name]'s EHCP".
		for _, p := range []string{"'s", "’s"} {
			if k := strings.Index(s[i:e], p); k > 0 && (i+k+len(p) == e || s[i+k+len(p)] == ' ') {
				e = i + k
				w = strings.Fields(s[i:e])
			}
		}
	default:
		return 0, 0, nil
	}
	return i, e, w
}

// readCapitalisedName reads up to maxWords capitalised words of a name at byte i ("Anna
// Kowalska", "Ludwig van Beethoven", "J. Smith") and returns where the name ends, its words to
// redact elsewhere and how many words it has; n is 0 if an ordinary or an organisation's word
// is among them or no name is there.
func readCapitalisedName(s string, i, maxWords int) (end int, words []string, n int) {
	end = i
	for pos := i; ; {
		tok, next := readNameToken(s, pos)
		if tok == "" {
			break
		}
		bare := strings.TrimSuffix(tok, ".")
		lower := strings.ToLower(bare)
		first, _ := utf8.DecodeRuneInString(tok)
		if !unicode.IsUpper(first) {
			if !nameParticles[lower] || n == 0 || next == 0 {
				break
			}
			if nt, _ := readNameToken(s, next); nt == "" || !unicode.IsUpper([]rune(nt)[0]) {
				break
			}
		} else {
			if n > 0 && townSurnames[lower] && !orgWords[lower] {
				// "Wendy Chesham here": a town after a first name is a surname, and ends the name.
				n++
				words = append(words, bare)
				end = pos + len(strings.TrimSuffix(tok, "."))
				break
			}
			if orgWords[lower] || ordinaryWord(lower) && !isInitial(tok) {
				return 0, nil, 0
			}
			if n == maxWords {
				return 0, nil, 0 // a long run of capitals is a heading or a place, not a name
			}
			n++
			if utf8.RuneCountInString(lower) >= 2 && !noRepeat[lower] {
				words = append(words, bare)
			}
		}
		end = pos + len(tok)
		if strings.HasSuffix(tok, ".") && !isInitial(tok) {
			end--
			break
		}
		if next == 0 {
			break
		}
		pos = next
	}
	return end, words, n
}

// townSurnames are towns of a word of their own that are also surnames: after a first name they
// are one ("Sarah Marlow here", "Peter Olney here"), where their being places kept them before.
// Words that are only part of a town's name ("Keynes", "Wycombe") are not among them.
var townSurnames = setOf(`aylesbury amersham beaconsfield bletchley buckingham burnham chesham denham
	marlow olney wendover wolverton winslow haddenham hazlemere iver`)

// atSentenceStart reports whether a sentence or a line starts at byte i.
func atSentenceStart(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t\u00a0\"'“‘(")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '\n', '\r', '.', '!', '?':
		return true
	}
	return false
}

// openingWord reports whether before (the text before a name, spaces trimmed) ends with one of
// words, case aside, and that word opens a sentence.
func openingWord(before string, words ...string) bool {
	for _, w := range words {
		if len(before) < len(w) || !hasPrefixFold(before[len(before)-len(w):], w) {
			continue
		}
		at := len(before) - len(w)
		if !wordBefore(before, at) && atSentenceStart(before, at) {
			return true
		}
	}
	return false
}

// followedByWord reports whether the word w (lower case) follows byte i after one space, and
// ends there.
func followedByWord(s string, i int, w string) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	i++
	return hasPrefixFold(s[i:], w) && !wordAfter(s, i+len(w))
}

// followedByAny reports whether one of words (lower case) follows byte i after one space, a full
// stop after it aside.
func followedByAny(s string, i int, words map[string]bool) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	tok, _ := readNameToken(s, i+1)
	return tok != "" && words[strings.ToLower(strings.TrimSuffix(tok, "."))]
}

// nameEndsClause reports whether the name ending at byte i ends its clause: punctuation, the
// end, or "here", "from" or "and" follow ("It's Dave Smith, how long …").
func nameEndsClause(s string, i int) bool {
	if clauseEndsAt(s, i, ",.!?;:-\n\r") {
		return true
	}
	return followedByWord(s, i, "here") || followedByWord(s, i, "from") || followedByWord(s, i, "and")
}

// clauseEndsAt reports whether the text ends at byte i, or one of the bytes in punct follows it,
// spaces and tabs aside. Spaces are skipped so that what is redacted does not depend on whether
// a resident left one at the end ("i'm ahmed khan "), nor on whether a line break follows it:
// the web chat stores messages as typed, `privacybot redact` reads them with a final line break.
func clauseEndsAt(s string, i int, punct string) bool {
	j := skipSpaces(s, i)
	return j >= len(s) || strings.IndexByte(punct, s[j]) >= 0
}

// endsWithDash reports whether before ends with a dash that stands alone ("thanks - Jane").
func endsWithDash(before string) bool {
	for _, d := range []string{"--", "-", "–", "—"} {
		if t, ok := strings.CutSuffix(before, d); ok {
			return t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\n")
		}
	}
	return false
}

// restIsPunct reports whether nothing but spaces and punctuation follow byte i.
func restIsPunct(s string, i int) bool {
	return strings.TrimRightFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
}

// addressFollows reports whether a street address starts after a comma or spaces at byte i
// ("Jane Doe, 4 Park Lane").
func addressFollows(s string, i int) bool {
	if i < len(s) && s[i] == ',' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || !isDigit(s[i]) && !flatWordAt(s, i) {
		return false
	}
	return addressRE.re.MatchString(s[i:min(len(s), i+addressRE.maxLen)]) || flatAddressAt(s, i) > 0
}

// findLowerNameBeforeAddress appends the span of a full name typed in lower case that opens a
// sentence before a comma and an address, as residents give both before their question ("tom
// hart, flat 2 the maltings olney. how long …": a QA pass found both kept): two words that may
// be a name (lowerNameWord, not wordShaped), so "council tax, 4 high street" names no one. Only
// each comma is looked at, so text without one costs a single search.
func findLowerNameBeforeAddress(s string, out []span, addWords func([]string)) []span {
	for p := 0; p < len(s); {
		k := strings.IndexByte(s[p:], ',')
		if k < 0 {
			break
		}
		comma := p + k
		p = comma + 1
		second := wordStartBefore(s, comma)
		if second == comma || second < 2 || s[second-1] != ' ' {
			continue
		}
		first := wordStartBefore(s, second-1)
		if first == second-1 || !atSentenceStart(s, first) {
			continue
		}
		w1, w2 := s[first:second-1], s[second:comma]
		if !lowerNameWord(w1) || !lowerNameWord(w2) || wordShaped(w1) || wordShaped(w2) || !addressFollows(s, comma) {
			continue
		}
		out = append(out, span{KindName, first, comma})
		for _, w := range []string{w1, w2} {
			if !noRepeat[w] {
				addWords([]string{w})
			}
		}
	}
	return out
}

// contactFollows reports whether an e-mail address or a phone number follows byte i after a comma
// or a dash: "Ravi Patel, 07700 900456", "Wei Zhang - wei@example.com" (a QA pass found names of
// South Asian, Chinese and West African origin kept there, no first-name list holding them).
func contactFollows(s string, i int) bool {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == '-' || s[j] == ':') {
		j++
	}
	sep := s[i:j]
	if j >= len(s) || !strings.ContainsAny(sep, ",:") && !(strings.Contains(sep, "-") && strings.Contains(sep, " ")) {
		return false // "Ref DPO-2026-000123": a hyphen joins a reference, not a name and a number
	}
	tok := s[j:]
	if k := strings.IndexAny(tok, " ,;"); k >= 0 {
		tok = tok[:k]
	}
	if strings.Contains(tok, "@") {
		return true
	}
	digits := 0
	for k := j; k < len(s) && k < j+20 && (isDigit(s[k]) || s[k] == ' ' || s[k] == '+' || s[k] == '(' || s[k] == ')' || s[k] == '-'); k++ {
		if isDigit(s[k]) {
			digits++
		}
	}
	return digits >= 10
}

// streetWords are the street types of streetSuffix.
var streetWords = setOf(strings.NewReplacer("(?:", "", ")", "", "|", " ", "?", "").Replace(streetSuffix))

// streetName reports whether the phrase name is a street ("Station Road", "Castle Hill"), not a
// person whose surname is a street type ("Kate Hill", "Mary Green").
func streetName(name string) bool {
	return streetWord(name) && !surnameEnds(name)
}

// lineAlone reports whether s[i:e] is the whole of its line, but for spaces and a full stop or
// comma after it, in a message of more than one line ("I need my records.\nKate Hill\nThanks"):
// residents put their name on a line of its own as they would sign a letter.
func lineAlone(s string, i, e int) bool {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j == 0 {
		// The first line of a longer message: "Jo Bloggs\njo@example.com".
		k := strings.IndexAny(s[e:], "\n\r")
		return k >= 0 && lineEndsAt(s, e) && strings.TrimSpace(s[e+k:]) != ""
	}
	if s[j-1] != '\n' && s[j-1] != '\r' {
		return false
	}
	return lineEndsAt(s, e)
}

// streetWord reports whether the phrase name ends with a street type, so that it is the street of
// an address ("Station Road, 4 Park Lane"), not a person.
func streetWord(name string) bool {
	return streetWords[strings.ToLower(lastWord(name))]
}

// lowerFullName reads a name written in lower case after "i'm" at byte i ("i'm ahmed khan, who
// is …"): exactly two words that may be names (lowerNameWord), then punctuation, the end or a
// word that follows names ("and", "from"). "i'm not happy", "i'm looking for" and "this is
// tenancy fraud, how do i report it" are not names.
//
// A question straight after the two words, with no comma, counts too where both words may be a
// name by the stricter test of lowerNamesBeforeQuestion: "im sarah jones how long do you keep my
// data". After "i'm" (selfIntro) two such words are the writer; after "this is" or "it's" they
// are as often what the message is about ("this is road closure how do i apply"), so there the
// question must be about the writer's own things ("this is mark taylor can i see my file").
func lowerFullName(s string, i int, selfIntro bool) (start, end int, words []string) {
	i = skipSpaces(s, i)
	pos := i
	var name [2]string
	for k := range name {
		if k > 0 && pos == 0 {
			return 0, 0, nil
		}
		tok, next := readNameToken(s, pos)
		first, _ := utf8.DecodeRuneInString(tok)
		if tok == "" || strings.HasSuffix(tok, ".") && k == 0 || !unicode.IsLower(first) ||
			!lowerNameWord(strings.TrimSuffix(tok, ".")) {
			return 0, 0, nil
		}
		name[k] = strings.TrimSuffix(tok, ".")
		end = pos + len(name[k])
		pos = next
	}
	if !clauseEndsAt(s, end, ",.!?;:-\n\r)") && !followedByAny(s, end, lowerNameFollowers) &&
		!(questionFollows(s, end) && lowerNamesBeforeQuestion(name[0], name[1]) && (selfIntro || asksForOwn(s, end))) &&
		!(selfIntro && detailsFollow(s, end)) {
		return 0, 0, nil
	}
	for _, w := range name {
		if !noRepeat[w] {
			words = append(words, w) // "mark" is redacted here, not in "please mark it urgent"
		}
	}
	return i, end, words
}

// detailsFollow reports whether the writer's details follow a name at byte i after a space, as
// residents type them on one line with no comma: a number (a house's, a phone's: "im john smith
// 22 tudeley hale", "im john smith 07700900123") or a postcode ("im john smith mk6 2hy").
func detailsFollow(s string, i int) bool {
	return i+1 < len(s) && s[i] == ' ' && (isDigit(s[i+1]) || postcodeAt(s, i+1))
}

// questionWords open a question that follows a name typed without a comma: "im sarah jones how
// long …". askVerbs open one with a pronoun or a determiner after them (askObjects): "… can i
// see my file", "… do you keep cctv".
var (
	questionWords = setOf(`who what how when where why which whose`)
	askVerbs      = setOf(`can could may do does did will would should is are have has`)
	askObjects    = setOf(`i you u we my me it the they someone anyone somebody anybody`)
)

// questionFollows reports whether a question starts after one space at byte i: a word of
// questionWords, or one of askVerbs and then one of askObjects.
func questionFollows(s string, i int) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	tok, next := readNameToken(s, i+1)
	lw := strings.ToLower(tok)
	if questionWords[lw] {
		return true
	}
	if !askVerbs[lw] || next == 0 {
		return false
	}
	obj, _ := readNameToken(s, next)
	return askObjects[strings.ToLower(obj)]
}

// asksForOwn reports whether the rest of the sentence after byte i speaks of the writer's own
// things: "my", "me", "mine" or "myself" ("… can i see my file", "… do you hold data on me").
func asksForOwn(s string, i int) bool {
	rest := s[i:sentenceEndAfter(s, i)]
	for p := 0; p < len(rest); {
		a, b := nextASCIIWord(rest, p)
		if a < 0 {
			break
		}
		switch strings.ToLower(rest[a:b]) {
		case "my", "me", "mine", "myself":
			return true
		}
		p = b
	}
	return false
}

// lowerNamesBeforeQuestion reports whether first and last, two lower-case words read after
// "i'm", "this is" or "it's" with a question straight after them, may be a name. Without a comma
// or "and" to end them the words are read more strictly than lowerFullName's: each is no abstract
// noun (wordShaped: "this is antisocial behaviour who …");
// the first says nothing of how the writer is (describesState, lowerStates: "im ex forces can i
// …") and is no adverb ("this is absolutely ridiculous why …", "im visually impaired how …"); the
// last is no adjective ("this is frankly outrageous why …", "im newly qualified can i …"). A surname with such an ending
// ("Constable") is missed here, not after a comma.
func lowerNamesBeforeQuestion(first, last string) bool {
	if wordShaped(first) || wordShaped(last) || describesState(first) || lowerStates[first] || adverbShaped(first) {
		return false
	}
	for _, e := range []string{"ed", "ous", "ful", "less", "able", "ible"} {
		if strings.HasSuffix(last, e) && len(last) >= len(e)+3 && !edNames[last] {
			return false
		}
	}
	return true
}

// adverbShaped reports whether w ends as adverbs do and names do not ("absolutely", "visually",
// "legally", "seriously"). A bare "-ly" ends names too (Emily, Kelly, Stanley), as does a short
// "-ally" (Sally).
func adverbShaped(w string) bool {
	if strings.HasSuffix(w, "ally") && utf8.RuneCountInString(w) >= 7 {
		return true
	}
	for _, e := range []string{"ously", "ually", "utely", "etely", "ibly", "ably", "ently", "antly", "ively", "edly"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// lowerFirstName reads a first name alone, written in lower case after "i'm" at byte i ("hi im
// sarah, can i see my file", "i'm priya and i want my records"): one word that may be a name
// (lowerNameWord), then punctuation, the end or "and", "from", "here". A word that says how the
// writer is rather than who ("im pregnant", "i'm unemployed", "im skint.") is a word of the
// lists or has an adjective's ending, and is kept.
func lowerFirstName(s string, i int) (start, end int, words []string) {
	i = skipSpaces(s, i)
	tok, _ := readNameToken(s, i)
	w := strings.TrimSuffix(tok, ".")
	if !lowerNameWord(w) || describesState(w) || lowerStates[w] {
		return 0, 0, nil
	}
	end = i + len(w)
	if !clauseEndsAt(s, end, ",.!?;:-\n\r)") && !followedByAny(s, end, lowerFirstNameFollowers) {
		return 0, 0, nil
	}
	if noRepeat[w] {
		return i, end, nil
	}
	return i, end, []string{w}
}

// lowerFirstNameFollowers may follow a first name typed alone after "i'm": "im sarah and i …",
// "i'm dev from flat 2", "im jo here".
var lowerFirstNameFollowers = setOf(`and from here`)

// lowerStates are words residents type after "im" that say what they are, which neither the
// lists of ordinary words nor an adjective's ending catch. Kept here, not in statusWords, since
// some are surnames too ("my name is Jack White").
var lowerStates = setOf(`alive abroad clean sober livid innocent young black white asian mixed vegan
	catholic atheist agoraphobic bipolar schizophrenic paranoid menopausal widow widower executor
	foster adoptive staff contractor squatter hmm ex fat ugly thick dumb lazy
	one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
	seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred`)

// adjectiveEndings end the words that say how someone is ("pregnant", "unemployed", "homeless",
// "hopeful", "anxious", "vulnerable"). Endings that first names share are left out: "-ly"
// (Emily, Kelly), "-ic" (Eric), "-ish" (Manish), "-ent" (Vincent), "-al" (Bilal), "-ive" (Clive).
var adjectiveEndings = []string{"ed", "ing", "less", "ful", "ous", "able", "ible", "ant"}

// describesState reports whether w, read after "i'm", says how the writer is: a word with an
// adjective's ending, or one starting "un" or "over" ("unwell", "overwhelmed").
func describesState(w string) bool {
	if strings.HasPrefix(w, "un") || strings.HasPrefix(w, "over") {
		return true
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) && len(w) >= len(e)+3 {
			return e != "ed" || !edNames[w] // "im ahmed" names the writer
		}
	}
	return false
}

// spokeTo reports whether before (the text before a name, spaces trimmed) ends with a phrase
// that names the person spoken to: "I spoke to Helen in the planning team", "I asked for Bob".
func spokeTo(before string) bool {
	lb := lowerTail(before, 24) // the phrase ends there
	for _, p := range []string{"spoke to", "spoken to", "speak to", "speaking to", "talked to", "talking to", "talk to", "asked for", "ask for", "spoke with", "dealt with"} {
		if strings.HasSuffix(lb, p) && !wordBefore(lb, len(lb)-len(p)) {
			return true
		}
	}
	return false
}

// lowerTitles may open a name typed in lower case: "mrs jones next door".
var lowerTitles = setOf(`mr mrs`)

var lowerTitleStart = wordStartIn("m") // the first letter of lowerTitles

// findLowerNames appends the spans of names typed in lower case after a title ("mrs jones next
// door", "Mr smith"). Two lower-case words typed alone are left: far more often a topic ("direct
// payments") than a name.
func findLowerNames(s string, out []span, addWords func([]string)) []span {
	for i := 0; i < len(s); i++ {
		if !lowerTitleStart(s, i) {
			continue
		}
		tok, next := readNameToken(s, i)
		if !inSetFold(lowerTitles, strings.TrimSuffix(tok, ".")) || next == 0 {
			continue
		}
		w, _ := readNameToken(s, next)
		w = strings.TrimSuffix(w, ".")
		if !lowerNameWord(w) {
			continue
		}
		end, words := next+len(w), []string{w}
		if after := skipSpaces(s, end); after > end && firstNames[w] {
			// The surname after a first name: "mrs susan clarke" kept "clarke".
			if last, _ := readNameToken(s, after); lowerNameWord(last) && !wordShaped(last) && !afterNameVerbs[last] {
				end, words = after+len(last), append(words, last)
			}
		}
		out = append(out, span{KindName, next, end})
		addWords(words)
		i = end
	}
	return out
}

// afterNameVerbs follow a name typed in lower case and are no surname: "mrs susan said".
var afterNameVerbs = setOf(`said says told tells keeps kept lives lived called calls rang rings came comes
	went goes got gets left leaves parks parked shouts shouted plays played owns owned has had
	wants wanted asked asks sent sends put puts let lets does did will would can could should
	shall may might must also always never still just again too next`)

// hereFollowers may follow "here" after a full name typed in lower case, where a question or
// what the writer wants starts without punctuation: "john smith here who is the dpo".
var hereFollowers = setOf(`who what how when where why can could do does did i im i'm i’m and again
	just asking wondering about re regarding with`)

// findLowerNamesHere appends the spans of full names typed in lower case before "here" that open
// a sentence or follow a greeting's comma, as residents start a chat ("john smith here, who is
// the dpo", "hi, jo bloggs here."): two words, neither an ordinary, place, service or role word
// (lowerNameWord), so "same problem here", "new tenant here" and "ward councillor here" stay.
// "here" must end its clause or lead into the question, not start a phrase ("dog mess here is
// everywhere"). Only each "here" is looked at, so text without one costs a single search.
func findLowerNamesHere(s string, out []span, addWords func([]string)) []span {
	for p := 0; p < len(s); {
		k := strings.Index(s[p:], "here")
		if k < 0 {
			break
		}
		h := p + k
		p = h + len("here")
		if h < 2 || s[h-1] != ' ' || wordAfter(s, p) || !clauseGoesOn(s, p) {
			continue
		}
		second := wordStartBefore(s, h-1)
		if second < 2 || s[second-1] != ' ' {
			continue
		}
		first := wordStartBefore(s, second-1)
		if first == second-1 {
			continue
		}
		before := strings.TrimRight(s[:first], " \t\u00a0")
		if !atSentenceStart(s, first) && !strings.HasSuffix(before, ",") {
			continue
		}
		w1, w2 := s[first:second-1], s[second:h-1]
		if !lowerNameWord(w1) || !lowerNameWord(w2) || wordShaped(w1) || wordShaped(w2) {
			continue
		}
		out = append(out, span{KindName, first, h - 1})
		addWords([]string{w1, w2})
	}
	return out
}

// wordShaped reports whether a lower-case word ends as words do and names seldom: "-where" or an
// abstract noun's ending ("rats everywhere here", "mould infestation here", "anti-social
// behaviour here"). No list of words holds them all; "-ly", "-ed", "-our", "-ment", "-ity" and
// "-ness" end names too (Emily, Alfred, Seymour, Clement, Charity, Ness).
func wordShaped(w string) bool {
	for _, suffix := range []string{"where", "ments", "tion", "tions", "sion", "ities", "iour", "nesses"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
}

// wordStartBefore returns where the word of letters, apostrophes and hyphens that ends at byte i
// starts (i itself if none does).
func wordStartBefore(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		i -= size
	}
	return i
}

// clauseGoesOn reports whether what follows "here" ending at byte i ends the clause (the end,
// punctuation, a line break) or is a word of hereFollowers.
func clauseGoesOn(s string, i int) bool {
	if clauseEndsAt(s, i, ",.!?;:-\n\r)") {
		return true
	}
	return followedByAny(s, i, hereFollowers)
}

// findLowerNameAlone appends the span of a message that is nothing but a full name typed in
// lower case, as residents answer "what is your name?" or say who they are first ("john smith",
// "priya patel."): two or three words, the first a common first name (firstNames), each able to
// be a name (lowerNameWord, not wordShaped). Two lower-case words alone are more often a topic
// ("direct payments", "council tax"), which no first name opens (a QA pass: "john smith" was kept
// in a transcript said to have personal details removed).
func findLowerNameAlone(s string, out []span, addWords func([]string)) []span {
	start := skipSpaces(s, 0)
	end := len(strings.TrimRight(s, " \t\r\n.!,"))
	if end <= start {
		return out
	}
	words := strings.Fields(s[start:end])
	// A greeting before the name, or thanks after it, is no part of it: "hi john smith", "jack
	// smith please" (a review).
	if len(words) > 2 && nameGreetings[strings.Trim(words[0], ",")] {
		after := start + strings.Index(s[start:], words[0]) + len(words[0])
		start = after + strings.Index(s[after:], words[1])
		words = words[1:]
	}
	if n := len(words); n > 2 && nameThanks[words[n-1]] {
		words = words[:n-1]
		end = strings.LastIndex(s[:end], words[len(words)-1]) + len(words[len(words)-1])
	}
	words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",")
	if len(words) < 2 || len(words) > 3 || !firstNames[words[0]] {
		return out
	}
	for _, w := range words {
		if !lowerNameWord(w) || wordShaped(w) {
			return out
		}
	}
	addWords(words)
	return append(out, span{KindName, start, end})
}

// nameGreetings and nameThanks may open and close a message that is otherwise a name.
var (
	nameGreetings = setOf(`hi hello hey hiya morning afternoon evening`)
	nameThanks    = setOf(`please pls thanks thank thx ta cheers here`)
)

// findOpeningLowerName appends the span of a full name typed in lower case after "it's" opening
// a line, as people start a message to someone who knows them: "it's jane smith here". A phrase
// of ordinary words ("it's council tax again") is no name (lowerFullName).
func findOpeningLowerName(s string, out []span, addWords func([]string)) []span {
	for line := 0; line < len(s); {
		i := skipSpaces(s, line)
		for _, opening := range []string{"it's ", "it’s ", "its ", "it is "} {
			if hasPrefixFold(s[i:], opening) {
				if start, end, words := lowerFullName(s, i+len(opening), false); end > start {
					out = append(out, span{KindName, start, end})
					addWords(words)
				}
				break
			}
		}
		nl := strings.IndexByte(s[line:], '\n')
		if nl < 0 {
			break
		}
		line += nl + 1
	}
	return out
}

// lowerNameWord reports whether w is a lower-case word that may be a name: letters, apostrophes
// and hyphens only, at least two letters, no ordinary, place, organisation or role word.
func lowerNameWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || nameParticles[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return !ordinaryWord(w) && !roleFollowers[w] && !lowerServiceWords[w] && !nameTitles[w]
}

// lowerServiceWords are words residents type alone, in lower case, that no list above holds:
// "cctv footage", "tenancy agreement", roles they say they hold ("ward councillor here", "im
// army veteran can i …", "im lpa holder can i …") and what they report ("this is damp mould who
// do i tell", "this is tenancy fraud how do i …").
var lowerServiceWords = setOf(`cctv footage tenancy agreement ehcp sen foi sar dpo gp nhs dbs
	send pip esa jsa uc hmo council tax bin bins day bank hello hi hey thanks cheers yes no ok okay
	please help faq info councillor cllr governor trustee clerk mp leader former veteran survivor
	holder trader agent artist warden executor attorney lpa dv time bound illiterate mums dads hair
	damp mould mold leak leaks sewage asbestos disrepair fraud scam spam harassment dispute stuff`)

// lowerTail is the last n bytes of s (or all of it), lower-cased: what a check of the words just
// before a candidate needs. Lower-casing all the text before each candidate was quadratic.
func lowerTail(s string, n int) string {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return strings.ToLower(s)
}
