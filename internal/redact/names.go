package redact

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names are found only where the writer introduces themselves, because a capitalised word on its
// own is as likely a place, a council or a job title. Then every other whole-word use of those
// name words in the same text is redacted too ("my name is Jane Smith … Mrs Smith called").

// relations are the people close to the writer whom residents name: "my son Oliver", "my mum's
// name is Mary" (or "my sons name is", as it is often typed), a former partner ("my ex Liam", "my
// ex-husband Liam"), an in-law ("my sister-in-law Kwame") and the workers in the writer's life
// ("my social worker Sarah Jones", "my GP Dr Patel"), and friends and partners by the words
// residents use for them ("my mate siobhan", "my bf jay", "my fiancée amy", "my best friend jo":
// a QA pass found only "friend" cued a name). The longer forms come first, since the first
// alternative that matches wins: "my brother-in-law" must not stop at "my brother", "my bff"
// at "my bf".
const relations = `(?:(?:best|close|good|old)\s+(?:friend|mate)|foster[\s-]?(?:carer|parent|mum|mom|dad|mother|father)|child[\s-]?minder|nanny|babysitter|(?:son|daughter|mother|father|brother|sister)[\s-]*in[\s-]*law|` +
	`ex[\s-]?(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?)|ex|` +
	`(?:social|support|key|case|family|link|youth|housing)[\s-]?worker|` +
	`(?:housing|probation|liaison|tenancy)\s+officer|health\s+visitor|` +
	`teacher|gp|doctor|midwife|therapist|counsellor|counselor|solicitor|landlord|landlady|` +
	`son|daughter|mum|mother|mom|dad|father|husband|wife|partner|brother|sister|nan|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|nephew|niece|client|friend|neighbour|neighbor|carer|stepson|stepdaughter|stepmum|stepdad|boyfriend|girlfriend|lad|boy|girl|child|kid|baby|` +
	`mate|bestie|bff|bf|gf|pal|buddy|hubby|wifey|fianc[eé]e?)`

// personNouns are the words for someone the writer does not name by how they are related: "the
// man next door", "a woman was shouting".
const personNouns = `man|woman|lady|guy|bloke|person`

// nameTriggerRE finds the phrases that introduce a name. Groups: 1 an introduction that also
// admits lower-case names ("hi it's dave", "call me Sam", "I'm called Priya"), 2 strong ("my name
// is", "my son's name is", "my names" as it is often typed, "name:", "me llamo"), 3 weak ("I'm",
// "I am"), 4 "this is", 5 a sign-off ("Kind regards,"), 6 someone close named after who they are
// ("my son Oliver Smith", "my daughter emily brown", "my husband, David Jones,"), which admits
// lower-case names too, or said to be someone ("my son is Gary Holt", relativeIsName), 7 the
// housing officer, the social worker and the like, 8 a name's label with no colon ("surname
// Kowalski", "my first name is Wojciech"), after which only a capitalised name counts, since
// "surname is required on the form" names nobody; 9 a correction ("sorry I meant Jane"), after
// which only a capitalised name counts.
var nameTriggerRE = newPattern(`(?i)(?:`+
	`((?:hi|hiya|hello|hey|morning|afternoon|evening|good\s+(?:morning|afternoon|evening))(?:\s+there)?\b[\s,!.\-]*(?:it['’]?s|this\s+is)|(?:i['’]?m|i\s+am)\s+(?:called|known\s+as)|(?:please\s+|just\s+)?call\s+me)\b`+
	`|((?:my|his|her)(?:\s+`+relations+`(?:['’]?s|s['’])?)?\s+(?:full\s+|first\s+|last\s+)?name(?:\s+is|['’]?s\b)|(?:(?:full|first|last|given)\s+)?(?:sur|fore)?name\s*[:=]|`+foreignNameIs+`)`+
	`|(i['’]?m|i\s+am|called|named|(?:`+personNouns+`|he|she)\s+(?:is|was))\b`+
	`|(this\s+is)\b`+
	`|((?:kind|best|warm|many)\s+(?:regards|thanks|wishes)|regards|thanks|yours\s+(?:sincerely|faithfully|truly)|thank\s+you|cheers)\s*[,.!\-]?`+
	`|((?:my|our)\s+(?:`+relations+`['’]s\s+)?`+relations+`)(?:\b|\s)\s*[,(]?`+ // \b is ASCII: none after "fiancé"
	`|(the\s+(?:(?:social|support|key|case|family|link|youth|housing)[\s-]?worker|(?:housing|probation|liaison|tenancy)\s+officer|health\s+visitor|landlord|landlady|child[\s-]?minder|foster\s+carer|solicitor|midwife|teacher|head\s*teacher))\b\s*[,(]?`+
	`|((?:first|last|given|family|middle|maiden)\s+name|surname|forename)(?:\s+(?:is|was))?\b`+
	`|(sorry[\s,.!\-]*i\s+meant(?:\s+to\s+(?:say|write|type|put))?)\b`+
	`)`, 96, wordStartWith("sorry", "our", "the", "called", "named", "man", "woman", "lady", "guy", "bloke", "person", "he", "she", "my", "his", "her", "name", "full", "first", "last", "given", "family", "middle", "maiden", "sur", "fore", "i'", "i’", "im", "i ",
	"this", "kind", "best", "warm", "many", "regards", "thank", "yours", "cheers",
	"hi", "hello", "hey", "morning", "afternoon", "evening", "good", "call", "please", "just",
	"me", "je", "naz", "mam", "ma", "mă", "cham", "meu", "ich", "mein", "fy", "mi", "mon", "ik", "numele"))

// foreignNameIs is "my name is" in the languages residents most often write in besides English:
// Spanish, French, Polish, Romanian, Portuguese, German, Welsh, Italian and Dutch.
const foreignNameIs = `me\s+llamo|mi\s+nombre\s+es|je\s+m['’]appelle|mon\s+nom\s+est|nazywam\s+si[eę]|mam\s+na\s+imi[eę]|` +
	`m[ăa]\s+numesc|numele\s+meu\s+este|chamo-me|me\s+chamo|meu\s+nome\s+[ée]|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|` +
	`fy\s+enw\s+(?:i\s+)?yw|mi\s+chiamo|ik\s+heet|mijn\s+naam\s+is`

// nameMode says how sure a trigger is that a name follows.
type nameMode int

const (
	strongName  nameMode = iota // any case, stop at the first ordinary word
	weakName                    // capitalised words only; an organisation word means it isn't a person
	signOffName                 // like weak, and the name must end its line
	looseName                   // after "hi it's", "call me", "my son": lower case too, but at most two ordinary words
)

// maxLowerNameWords bounds a lower-case name after a loose trigger: "my daughter emily brown goes
// to school" ends before "goes" even though no list could hold every verb.
const maxLowerNameWords = 2

// notNameWords are lower-case words that follow "my son", "call me" or "hi it's" and are not a
// name: "my son goes to school", "call me asap", "my husband wants a copy". Words ending in "ing"
// or "n't" are recognised without a list (see notAName).
var notNameWords = setOf(`goes went gone go lives attends attended works worked told tells said says
	asked asks wants wanted got gets gave give gives took takes came comes come moved passed died
	keeps kept knows knew heard found tried tries became turned visited visits stays stayed plays
	played studies studied suffers suffered looks looked pays paid owes owed rents rented owns owned
	shares shared signed filled reported complained requested submitted claims claimed receives
	received applied started starts left leaves uses used thinks thought believes saw sees rang
	phoned emailed wrote writes sent made makes did done has had is was were are does will would
	should could can cannot may might must shall isnt wasnt doesnt didnt cant wont again asap later
	soon sometime anytime whenever once twice every never always usually often sometimes recently
	quickly urgently immediately back tomorrow tonight quick question query about regarding re`)

// notAName reports whether the lower-case word lw, read where a loose trigger admits lower-case
// names, is an ordinary word instead.
func notAName(lw string) bool {
	return notNameWords[lw] || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t") ||
		utf8.RuneCountInString(lw) >= 5 && strings.HasSuffix(lw, "ing")
}

// afterVerb are words that follow a verb rather than a name: "my partner hits me", "my partner
// beat the kids". Prepositions are not among them, since a name is followed by one as often as a
// verb: "my son oliver in year 5", "my daughter emily at st marys".
var afterVerb = setOf(`me him her us them it you everyone everybody everything anyone anybody
	nobody my his their our your its the a an this these those`)

// pastVerbs are past tenses without "-ed" that residents write after "my partner" ("my partner hit
// me", "my ex took the kids"), read as verbs wherever they stand. Past tenses that are also names
// (Drew, Rose) are left out, as are those notNameWords holds already.
var pastVerbs = setOf(`hit beat ran threw drank ate stole broke bit spat fought swore slept struck
	hurt shook shut sold spent stood stuck tore wore woke drove rode fell forgot hid held bought
	brought caught dealt taught lost led lent let put quit sat`)

// edNames are first names ending in "-ed". Any other lower-case word ending so after "my partner"
// is read as a verb ("my husband cheated."), these as names ("my son mohammed.").
var edNames = setOf(`ahmed mohammed muhammed mohamed muhamed mehmed hamed hameed saeed syed sayed
	javed naveed waheed rasheed fareed majeed fred alfred wilfred winifred mildred manfred ed ned
	ted jed zed reed jared`)

// lowerRelativeName returns where the lower-case name s[start:end], read after "my son" or "my
// partner", ends once what the words say is checked, or start if it is none. A disclosure such as
// "my partner hits me" or "my husband drinks and shouts" names nobody, and hiding its verb hides
// what the resident asked about. So a verb with the "-s" of "hits" or "bullies" or a past tense
// such as "hit" or "took" (pastVerbs) never starts a name. Two words name someone ("my daughter
// emily brown") unless the second is an ordinary word. A single word ending in "-ed" is a verb
// ("my husband cheated again") unless it is a name such as "ahmed" (edNames). Any other single
// word counts only where a name could stand: before a verb ("my husband tom wants a copy"),
// "and", "who", a preposition ("my son oliver in year 5") or punctuation, and not before a
// pronoun or an article ("my partner beat me").
func lowerRelativeName(s string, start, end int) int {
	tok, next := readNameToken(s, start)
	first := strings.TrimSuffix(tok, ".")
	if thirdPersonVerb(first) || pastVerbs[first] {
		return start
	}
	firstEnd := start + len(first)
	if next > 0 && next < end {
		second, _ := readNameToken(s, next)
		if !ordinaryWord(strings.ToLower(strings.TrimSuffix(second, "."))) {
			return end // "my daughter emily brown"
		}
	}
	var following string
	if next > 0 {
		following, _ = readNameToken(s, next)
		following = strings.ToLower(strings.TrimSuffix(following, "."))
	}
	switch {
	case strings.HasSuffix(first, "ed") && !edNames[first]:
		return start // "my husband cheated.", "my partner slapped me"
	case following != "" && notAName(following):
		return firstEnd // "my husband tom wants a copy"
	case afterVerb[following]:
		return start
	}
	return firstEnd
}

// roleFollowers are nouns that follow "my GP", "my social worker" or "my mum" where no name does:
// "my GP surgery", "my social worker's report", "my support worker hours", "my ex employer".
var roleFollowers = setOf(`surgery surgeries practice appointment appointments visit visits report reports
	notes letter letters plan plans meeting meetings referral referrals assessment assessments clinic
	review reviews hours number numbers details name names file files office team assistant
	employer employers boss colleague colleagues workplace work house home flat property firm`)

// relativeNameStarts reports whether the word at byte start, read after "my son", "my ex" or "my
// social worker", can start a name: a title, or a word that is not an ordinary word ("my carer
// allowance") nor a noun that follows a role ("my GP surgery"). Names that are also words count
// ("my son Will").
func relativeNameStarts(s string, start int) bool {
	tok, _ := readNameToken(s, start)
	lw := strings.ToLower(strings.TrimSuffix(tok, "."))
	if nameTitles[lw] || noRepeat[lw] {
		return true
	}
	return !roleFollowers[lw] && !ordinaryWord(lw)
}

// thirdPersonVerb reports whether the lower-case word w looks like a verb with the "-s" of "he
// hits", "she bullies", "he punches", "he drinks": a consonant other than s before the final s,
// or "-ies", "-ches", "-shes". First names rarely end so in English ("james" and "charles" end in
// "es", "jess" in "ss", "rhys" in "ys"); the few that do (Lars, Hans) are missed only when written in
// lower case.
func thirdPersonVerb(w string) bool {
	if utf8.RuneCountInString(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	for _, suf := range []string{"ies", "ches", "shes"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return strings.IndexByte("bcdfghjklmnprtvwxz", w[len(w)-2]) >= 0
}

// startsLower reports whether the word at byte i starts with a lower-case letter.
func startsLower(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLower(r)
}

// nameStop are words that end a name (or, first, show there is none): "I'm not sure", "my name
// is jane and i live …", "I'm Writing to ask".
var nameStop = setOf(`a an the and or but so i i'm i’m im me my mine we our you your he she it its it's it’s they
	their them this that these those here there from at in on of to for with by about regarding re
	as is am are was were be been being have has had do does did not no yes ok okay please thanks
	thank hi hello dear just also still only very really too now currently already sorry afraid happy
	glad unhappy concerned worried writing calling contacting emailing messaging asking looking trying
	wondering hoping requesting making submitting applying going getting having unable able
	interested sure unsure confused new aware disappointed frustrated annoyed upset fine well good
	who which what when where why how live living lived want wanted would could should can will need
	needs like called named speaking reaching following resident tenant customer age aged over under
	after before if then than because since while until all any some one two born mum mother dad
	father son daughter wife husband partner carer parent guardian friend neighbour neighbor here
	monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday important urgent
	interested correct right wrong glad pleased available back home out off up down into onto via
	myself yourself himself herself themselves
	et und oraz ale si și ac ich je yo eu jestem soy sou sono ist est es`)

// statusWords describe the writer, not name them: "I'm Deaf, how do I contact the DPO?", "I'm
// Single", "I'm Retired". Residents capitalise them; they end a name like nameStop.
var statusWords = setOf(`deaf deafblind blind disabled partially sighted registered autistic dyslexic
	dyspraxic epileptic diabetic neurodivergent pregnant single married divorced separated widowed
	bereaved homeless housebound bedbound unemployed employed self-employed redundant furloughed
	retired pensioner student vulnerable elderly sick ill unwell terminally anonymous
	transgender trans gay lesbian bisexual muslim christian jewish hindu sikh british foreign`)

// orgWords show that a capitalised phrase is an organisation, a service or a role, not a person:
// "This is Milton Keynes Council", "Name: Data Protection Officer", "hi it's Adult Social Care".
var orgWords = setOf(`council borough county city district parish town department dept team service
	services office officer protection data privacy information governance manager director head
	unit authority trust nhs gdpr ico ltd limited plc group centre center school college university
	hospital police government committee board agency company association society foundation
	partnership controller processor administrator admin support helpdesk desk bot privacybot
	assistant notice policy request requests subject access adult adults social care children's
	childrens housing benefits revenues tax planning highways waste environmental health library
	libraries registration registrars electoral elections licensing parking education safeguarding`)

// nameTitles may precede a name and are redacted with it, but are not names themselves.
var nameTitles = setOf(`mr mrs ms miss mx dr prof sir dame lady lord rev`)

// nameParticles are lowercase words inside names ("Ludwig van Beethoven").
var nameParticles = setOf(`van von de da di du del der den la le bin binti al el ter ten`)

// noRepeat are name words that are also common words or months; they are redacted where the
// person introduced themselves, but other uses in the text are left alone ("May", "Will", "Hope").
var noRepeat = setOf(`will may mark bill rose grace hope faith joy pat sue rob jack frank art guy
	ray dawn eve june april august summer holly ivy lily ruby amber penny robin miles chase drew dean
	page bob nick sunny violet iris daisy heather crystal earl king baker young white black green
	brown long little hill wood hall bishop cook park lane street north south east west
	january february march july september october november december`)

// maxRepeatWords bounds how many name words are looked for elsewhere in one text.
const maxRepeatWords = 32

func findNames(s string, out []span) []span {
	var words map[string]bool
	addWords := func(toks []string) {
		for _, t := range toks {
			if words == nil {
				words = make(map[string]bool)
			}
			// Each word costs a pass over s; a real message introduces a handful of people.
			if len(words) < maxRepeatWords {
				words[t] = true
			}
		}
	}
	nameTriggerRE.each(s, func(m []int) int {
		var mode nameMode
		switch {
		case m[2] >= 0, m[12] >= 0:
			mode = looseName
		case m[14] >= 0:
			// "the housing officer, Gemma Lloyd, said …": only a capitalised name, since "the
			// landlord never replied" names nobody.
			mode = looseName
			if j := skipSpaces(s, m[1]); j >= len(s) || startsLower(s, j) {
				return -1
			}
		case m[6] >= 0 && !calledAfterVerb(s, m[6], m[7]):
			return -1
		case m[4] >= 0:
			mode = strongName
			if !nameLabelOK(s, m[4], m[5]) {
				return -1
			}
		case m[6] >= 0, m[8] >= 0, m[16] >= 0, m[18] >= 0:
			mode = weakName
		default:
			mode = signOffName
		}
		start, end, toks := readName(s, m[1], mode)
		switch {
		case end > start:
		case m[12] >= 0:
			start, end, toks = relativeIsName(s, m[1]) // "my son is Gary Holt"
		case mode == signOffName:
			start, end, toks = lowerSignOff(s, m[1], formalSignOff(s[m[10]:m[11]])) // "regards, jane doe"
		}
		if (m[12] >= 0 || m[14] >= 0) && end > start && !relativeNameStarts(s, start) {
			return m[1] // "my carer allowance stopped", "my GP Surgery has my records"
		}
		if m[12] >= 0 && end > start && startsLower(s, start) {
			// "my partner hits me": a lower-case word after "my partner" may say what they do.
			if e := lowerRelativeName(s, start, end); e < end {
				end = e
				toks = nil
				if w := s[start:end]; utf8.RuneCountInString(w) >= 2 && !noRepeat[w] {
					toks = []string{w}
				}
			}
		}
		if (m[6] >= 0 || m[8] >= 0) && end > start && (describesPlace(s, start, end) || legalRoleRE.MatchString(s[start:min(len(s), start+40)])) {
			return m[1] // "I'm Bucks resident", "I'm Power of Attorney for mum": not a person's name
		}
		if m[18] >= 0 && end > start && (monthNameRE.MatchString(s[start:end]) || s[start:end] == strings.ToUpper(s[start:end]) ||
			followedByWord(s, end, "of")) {
			return m[1] // "sorry I meant March", "… DPO", "… Freedom of Information": no one's name
		}
		if end <= start && m[6] >= 0 && closeOneCalled(s, m[6], m[7]) {
			start, end, toks = lowerCalledName(s, m[1]) // "my partner is called jamie"
		}
		if end <= start && (m[6] >= 0 && strings.HasPrefix(strings.ToLower(s[m[6]:m[7]]), "i") || m[8] >= 0) {
			// "i'm ahmed khan", "this is sam jones from flat 2": a full name, typed in lower case.
			start, end, toks = lowerFullName(s, m[1], m[6] >= 0)
			if end <= start && m[6] >= 0 {
				start, end, toks = lowerFirstName(s, m[1]) // "hi im sarah, can i see my file"
			}
		}
		if end <= start {
			return m[1]
		}
		if m[4] >= 0 && len(toks) == 1 {
			// "Name: Kowalski, Wojciech": a form's "Surname, Forename" is one name.
			if e, w := forenameAfterComma(s, end); e > 0 {
				end, toks = e, append(toks, w)
			}
		}
		out = append(out, span{KindName, start, end})
		// People restate a name in full: "it's dave, dave jones".
		if s2, e2, more := restatedName(s, start, end, mode); e2 > s2 {
			out = append(out, span{KindName, s2, e2})
			toks = append(toks, more...)
			end = e2
		}
		// And correct one: "my name is Jane not Kate".
		if s2, e2, more := correctedName(s, end, mode); e2 > s2 {
			out = append(out, span{KindName, s2, e2})
			toks = append(toks, more...)
			end = e2
		}
		addWords(toks)
		return end
	})
	out = findBareNames(s, out, addWords)
	out = findLowerNames(s, out, addWords)
	out = findOpeningLowerName(s, out, addWords)
	out = findLowerNamesHere(s, out, addWords)
	out = findLowerNameAlone(s, out, addWords)
	out = findLowerNameBeforeAddress(s, out, addWords)
	out = findLowerFirstNames(s, out, addWords)
	out = findInitialNames(s, out, addWords)
	out = findBracketedNames(s, out, addWords)
	// A full name given again is redacted whole, even where a word of it is also a word and so
	// not looked for on its own: "my ex Dean Smith … Dean Smith must not get my address", and
	// capitalised where it was typed in lower case: "im mark taylor … Mark Taylor".
	var phrases []string
	for _, sp := range out {
		if p := s[sp.start:sp.end]; sp.kind == KindName && strings.ContainsRune(p, ' ') && len(phrases) < maxRepeatWords && !slices.Contains(phrases, p) {
			phrases = append(phrases, p)
		}
	}
	for _, p := range phrases {
		out = findWord(s, p, out)
		if p == strings.ToLower(p) {
			out = findWord(s, titleCase(p), out)
		}
	}
	var surnames []string
	for w := range words {
		from := len(out)
		out = findWord(s, w, out)
		if r, size := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out = findWord(s, string(unicode.ToUpper(r))+w[size:], out)
		}
		surnames = extendSurnames(s, out[from:], surnames)
	}
	for _, w := range surnames {
		if !words[w] {
			out = findWord(s, w, out)
		}
	}
	return out
}

// titleCase is the lower-case phrase p with each word capitalised ("mark taylor" → "Mark Taylor").
func titleCase(p string) string {
	var b strings.Builder
	b.Grow(len(p))
	up := true
	for _, r := range p {
		if up {
			r = unicode.ToUpper(r)
		}
		up = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}

// relativeIsName reads the full name of someone close to the writer said to be who they are
// after "my son", "my neighbour" and the like, at byte i: "my son is Gary Holt", "my husband was
// David Jones". Only two or three capitalised words count, none an ordinary, place or
// organisation word (readCapitalisedName) and no street ("my dad is Station Road's postman"), for
// "my son is Autistic", "my mum is Power of Attorney" and "my daughter is Year 5" say what they
// are, not who.
func relativeIsName(s string, i int) (start, end int, words []string) {
	i = skipSpaces(s, i)
	tok, next := readNameToken(s, i)
	if next == 0 || !strings.EqualFold(tok, "is") && !strings.EqualFold(tok, "was") {
		return 0, 0, nil
	}
	e, w, n := readCapitalisedName(s, next, 3)
	if n < 2 {
		return 0, 0, nil
	}
	name := s[next:e]
	first, _ := readNameToken(s, next)
	if streetName(name) || startsWithWord(name) || streetFirstWords[strings.ToLower(first)] || legalRoleRE.MatchString(name) {
		return 0, 0, nil
	}
	return next, e, w
}

// formalSignOff reports whether the sign-off words are a letter's ("Kind regards", "Yours
// sincerely", "Best wishes"), after which only a signature comes, rather than a chat's thanks.
func formalSignOff(words string) bool {
	lw := strings.ToLower(words)
	return strings.Contains(lw, "regards") || strings.Contains(lw, "wishes") || strings.Contains(lw, "yours")
}

// signOffWords follow a chat's "thanks" or "cheers" in lower case and are no name: "cheers
// love", "thanks lots xx".
var signOffWords = setOf(`love hun hon babe pal bud buddy lots loads heaps kindly muchly xx xxx xo
	xox xoxo guys everyone folks team bot chatbot dear`)

// lowerSignOff reads a name typed in lower case after a sign-off at byte i, ending its line:
// "regards, jane doe", "Kind regards\njane". After a letter's sign-off (formal) one or two words
// count; after "thanks" or "cheers" only two, since "thanks love" and "cheers pal" name nobody.
// Each word must be able to be a name (lowerNameWord): "regards council tax team" is kept.
func lowerSignOff(s string, i int, formal bool) (start, end int, words []string) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	pos := i
	for len(words) < 2 && pos > 0 {
		tok, next := readNameToken(s, pos)
		w := strings.TrimSuffix(tok, ".")
		if !lowerNameWord(w) || signOffWords[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || describesState(w) {
			break // "thank you, that's helpful" says how it was, not who wrote it
		}
		words = append(words, w)
		end = pos + len(w)
		pos = next
	}
	if len(words) == 0 || !formal && len(words) < 2 || !lineEndsAt(s, end) {
		return 0, 0, nil
	}
	return i, end, words
}

// skipSpaces returns the first byte at or after i that is no space or tab.
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// calledAfterVerb reports whether the weak trigger s[start:end] introduces a name: "I'm", "he
// is", "the man was", or "called" and "named" after "is", "was" or "'s" ("He's called Tyrone
// Brown", "my dad is called Barry"), not after "I called" or "they named".
func calledAfterVerb(s string, start, end int) bool {
	w := strings.ToLower(s[start:end])
	if w != "called" && w != "named" {
		return true
	}
	before := lowerTail(strings.TrimRight(s[:start], " \t"), 16)
	for _, v := range []string{"'s", "’s", " is", " was", " are", " were", " be", " been"} {
		if strings.HasSuffix(before, v) || before == strings.TrimSpace(v) {
			return true
		}
	}
	return false
}

// closeCalledRE ends the words before "called" or "named" that say someone close to the writer
// is called so now: "my partner is", "my son's", "my mum's carer is", "she's".
var closeCalledRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(?:my|our|his|her|their)\s+(?:` + relations + `['’]s\s+)?` + relations + `|he|she)(?:\s+is|['’]s)$`)

// closeOneCalled reports whether "called" or "named" at s[start:end] says what someone close to
// the writer is called: "my partner is called jamie", "my son's named oliver", "she's called jo".
// "was called" is left to capitalised names, since "my son was called ugly" says what bullies
// said; so are "the app is called fixmystreet" and "my condition is called fibromyalgia".
func closeOneCalled(s string, start, end int) bool {
	w := s[start:end]
	if !strings.EqualFold(w, "called") && !strings.EqualFold(w, "named") {
		return false
	}
	return closeCalledRE.MatchString(lowerTail(strings.TrimRight(s[:start], " \t"), 64))
}

// calledNameFollowers may follow the name of someone close typed in lower case after "is
// called": "my son is called oliver and he …", "my partner is called jamie he hits me".
var calledNameFollowers = setOf(`and but who he she they his her aged age born dob from`)

// lowerCalledName reads the name, typed in lower case, of someone close said to be called so at
// byte i (closeOneCalled): one or two words that may be names (lowerNameWord), the first of them
// saying nothing of how someone is ("my son is called fat", "… called useless"), then
// punctuation, the end or a word of calledNameFollowers. "my son is called names at school" and
// "my daughter is called thick by other kids" name nobody.
func lowerCalledName(s string, i int) (start, end int, words []string) {
	i = skipSpaces(s, i)
	pos := i
	var name []string
	var ends []int // where each word of the name ends: words may stand apart by any space
	for k := 0; k < 2 && (k == 0 || pos > 0); k++ {
		tok, next := readNameToken(s, pos)
		w := strings.TrimSuffix(tok, ".")
		if !lowerNameWord(w) || k == 0 && (describesState(w) || lowerStates[w]) {
			break
		}
		name, ends = append(name, w), append(ends, pos+len(w))
		if w != tok {
			break
		}
		if next == 0 {
			next = afterBlanks(s, pos+len(tok)) // "jamie  smith", "jamie\tsmith": typed apart, still one name
		}
		pos = next
	}
	for ; len(name) > 0; name = name[:len(name)-1] {
		end = ends[len(name)-1]
		if clauseEndsAt(s, end, ",.!?;:-\n\r)") || followedByAny(s, end, calledNameFollowers) {
			break
		}
	}
	if len(name) == 0 {
		return 0, 0, nil
	}
	for _, w := range name {
		if !noRepeat[w] {
			words = append(words, w)
		}
	}
	return i, end, words
}

// extendSurnames widens each span of a capitalised name word found again elsewhere over the
// surname that follows it, so that "I'm Kate. Kate Hill is my full name" keeps neither, and
// returns surnames with those surnames added. The surname is a capitalised word after one space
// that is no ordinary, place or organisation word, nor a street type unless surnames are also
// that ("Hill", "Green").
func extendSurnames(s string, spans []span, surnames []string) []string {
	for k := range spans {
		sp := &spans[k]
		if !unicode.IsUpper([]rune(s[sp.start:sp.end])[0]) || sp.end+1 >= len(s) || s[sp.end] != ' ' {
			continue
		}
		tok, _ := readNameToken(s, sp.end+1)
		bare := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(tok, "."), "'s"), "’s") // "Brown's EHCP": [name]'s
		if r, _ := utf8.DecodeRuneInString(bare); !unicode.IsUpper(r) || utf8.RuneCountInString(bare) < 2 {
			continue
		}
		lw := strings.ToLower(bare)
		if ordinaryWord(lw) || titleWords[bare] || nameTitles[lw] || streetWords[lw] && !surnameWords[lw] {
			continue
		}
		sp.end += 1 + len(bare)
		if !noRepeat[lw] && len(surnames) < maxRepeatWords {
			surnames = append(surnames, bare)
		}
	}
	return surnames
}

// describesPlace reports whether s[start:end], read after "I'm" or "this is", is where the writer
// lives or comes from, not their name, because a word such as "resident" follows: "I'm Bucks
// resident", "I'm Milton Keynes resident", "I'm Leeds Resident". A phrase with a place or a
// nationality in it counts, and so does a single word unless "of" follows the noun ("Hi I'm Ahmed
// resident of Bletchley"). A full name stays a name: "I'm John Smith tenant of MK council".
func describesPlace(s string, start, end int) bool {
	if !followedByAny(s, end, placeNounWords) {
		return false
	}
	words := strings.Fields(s[start:end])
	for _, w := range words {
		if lw := strings.ToLower(strings.TrimSuffix(w, ".")); placeWords[lw] || nationalityWords[lw] {
			return true
		}
	}
	if len(words) > 1 {
		return false
	}
	if _, next := readNameToken(s, end+1); next > 0 {
		of, _ := readNameToken(s, next)
		return !strings.EqualFold(of, "of")
	}
	return true
}

// legalRoleRE is a role in law a resident acts in for someone else, capitalised as people do:
// "I'm Power of Attorney for my mum", "I am Executor of her estate". Read as a name, "Power"
// (also a surname) would hide what the request is.
var legalRoleRE = regexp.MustCompile(`(?i)^(?:lasting\s+|enduring\s+)?power\s+of\s+attorney\b|^(?:executor|executrix|appointee|deputy|attorney|trustee|next\s+of\s+kin)\b`)

// nameLabelOK reports whether a "name:" label at s[start:end] labels a person's name: "my name
// is", or "Name:"/"Full name:" starting a line or a sentence, after a word that says whose name
// it is or not ("Caller name:", "Customer's name:", personLabelWords), not "Controller name:" or
// "File name:".
func nameLabelOK(s string, start, end int) bool {
	if l := strings.TrimRight(s[start:end], " \t\n"); !strings.HasSuffix(l, ":") && !strings.HasSuffix(l, "=") {
		return true // "my name is", "his name is"
	}
	if before := strings.TrimRight(s[:start], " \t"); len(before) < start {
		w := lastWord(before)
		if base, _ := possessiveOf(w); personLabelWords[strings.ToLower(base)] {
			start = len(before) - len(w)
		}
	}
	for i := start - 1; i >= 0; i-- {
		switch s[i] {
		case '\n', '.', '!', '?', ';', ',', '(':
			return true
		case ' ', '\t', '\r', '-', '*', '>', ':', '|':
			continue
		default:
			return false
		}
	}
	return true
}

// personLabelWords open the labels of a person's name in the notes call handlers and forms
// paste into the chat: "Caller name: Ewa Nowak", "Customer's name: Li Wei", "Tenant name: …".
// Labels of things ("Controller name:", "File name:", "Service name:") are left out: what
// follows them is an organisation or a file, which the bot needs to read.
var personLabelWords = setOf(`caller customer resident client tenant applicant requester requestor
	complainant claimant patient pupil student child person contact subject holder occupant
	householder leaseholder homeowner sender writer enquirer respondent`)

// readName reads the name that starts after optional spaces at byte i of s. It returns the span
// of the name (titles included) and the words to redact elsewhere.
func readName(s string, i int, mode nameMode) (start, end int, words []string) {
	// Skip to the name: spaces, and for a sign-off also the line break before it.
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' || r == '\u00a0' || mode == signOffName && (r == '\n' || r == '\r') {
			i += size
			continue
		}
		break
	}
	start, end = i, i
	names := 0
	lowerRun := false // the name so far is in lower case ("emily brown")
	for pos := i; names < 4; {
		tok, next := readNameToken(s, pos)
		if tok == "" {
			break
		}
		// A possessive ends the name, without its "'s": "my son Jack Brown's EHCP" names Jack
		// Brown, and "EHCP" is what is his.
		if base, ok := possessiveOf(tok); ok {
			tok, next = base, 0
		}
		lower := strings.ToLower(strings.TrimSuffix(tok, "."))
		first, _ := utf8.DecodeRuneInString(tok)
		lowerOK := mode == looseName && unicode.IsLower(first) && (names == 0 || lowerRun) &&
			names < maxLowerNameWords && !notAName(lower) ||
			names == 0 && pos > i && lowerNameWord(lower) // after a title: "this is Mrs patel", "regards, mr jones"
		switch {
		case nameTitles[lower] && names == 0:
			// a title is kept with the name but is not a name word
		case orgWords[lower]:
			if mode != strongName {
				return 0, 0, nil // "This is Milton Keynes Council": not a person
			}
			return start, end, words
		case statusWords[lower]:
			return start, end, words
		case names == 0 && pos == i && mode != strongName && unicode.IsUpper(first) && describesWriter(lower):
			return 0, 0, nil // "I'm Polish", "I'm Aylesbury based": no title, and no name
		case (tok == "y" || tok == "e") && names > 0:
			// "and" in Spanish, Italian and Portuguese ends a name; "Y." and "E." are initials.
			return start, end, words
		case nameStop[lower] && !(names == 0 && noRepeat[lower] && unicode.IsUpper(first) && (mode == weakName || mode == strongName)):
			// A capitalised name that is also a word counts where the writer introduces
			// themselves ("I'm Will and …", "my name is Will").
			return start, end, words
		case mode != strongName && unicode.IsLower(first) && !lowerOK:
			if !nameParticles[lower] || names == 0 {
				return start, end, words
			}
			// A particle counts only if a capitalised word follows it.
			if nt, _ := readNameToken(s, next); nt == "" || !unicode.IsUpper([]rune(nt)[0]) {
				return start, end, words
			}
		default:
			if !unicode.IsLetter(first) {
				return start, end, words
			}
			if names == 0 {
				lowerRun = unicode.IsLower(first)
			}
			names++
			if utf8.RuneCountInString(lower) >= 2 && !noRepeat[lower] {
				words = append(words, strings.TrimSuffix(tok, "."))
			}
		}
		end = pos + len(tok)
		if strings.HasSuffix(tok, ".") && !isInitial(tok) {
			end-- // a full stop after a name ends the sentence, and the name
			break
		}
		pos = next
		if pos == 0 {
			break
		}
	}
	if names == 0 {
		return 0, 0, nil
	}
	if mode == signOffName && !lineEndsAt(s, end) {
		return 0, 0, nil // "Thanks, John Lewis is where I bought it" is not a signature
	}
	return start, end, words
}

// forenameAfterComma reads a forename after the comma at byte i of a name that gave only a
// surname after a label ("Name: Kowalski, Wojciech"): one capitalised word, no ordinary, place or
// organisation word, ending its line or clause. It returns the end of the forename and the
// forename, or 0 ("Name: Kowalski, Olney", "my name is Sam, I need help").
func forenameAfterComma(s string, i int) (int, string) {
	if i >= len(s) || s[i] != ',' {
		return 0, ""
	}
	j := skipSpaces(s, i+1)
	tok, next := readNameToken(s, j)
	w := strings.TrimSuffix(tok, ".")
	r, _ := utf8.DecodeRuneInString(w)
	if w == "" || next > 0 || !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 2 || ordinaryWord(strings.ToLower(w)) {
		return 0, ""
	}
	e := j + len(w)
	if !clauseEndsAt(s, e, ".,;!?)\n\r") {
		return 0, ""
	}
	return e, w
}

// possessiveOf is a word without its possessive "'s" ("Brown's" → "Brown"), and whether it had one.
func possessiveOf(tok string) (string, bool) {
	for _, suffix := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(tok, suffix); ok && utf8.RuneCountInString(base) >= 2 {
			return base, true
		}
	}
	return tok, false
}

// restatedName returns the span and words of a name restated in full after a comma, starting
// with the same word as the name at s[start:end] ("it's dave, dave jones"), or an empty span.
func restatedName(s string, start, end int, mode nameMode) (int, int, []string) {
	i := end
	if i >= len(s) || s[i] != ',' {
		return 0, 0, nil
	}
	for i++; i < len(s) && s[i] == ' '; i++ {
	}
	first, _ := readNameToken(s, start)
	again, _ := readNameToken(s, i)
	if first == "" || !strings.EqualFold(first, again) {
		return 0, 0, nil
	}
	return readName(s, i, mode)
}

// monthNameRE is a month's name alone, which after "sorry I meant" corrects a date.
var monthNameRE = regexp.MustCompile(`(?i)^` + monthPattern + `$`)

// correctedName returns the span and words of a name said to be wrong after the name that ends
// at byte end ("my name is Jane not Kate", "I'm Jane, not Kate"), or an empty span: it may be
// the resident's too (a name they also go by, or the one the council's records hold). It is read
// as the first was, but capitalised unless the trigger was "my name is", so that "I'm Jane not
// sure" names no one else.
func correctedName(s string, end int, mode nameMode) (int, int, []string) {
	i := end
	if i < len(s) && s[i] == ',' {
		i++
	}
	i = skipSpaces(s, i)
	if !hasPrefixFold(s[i:], "not ") {
		return 0, 0, nil
	}
	if mode != strongName {
		mode = weakName
	}
	return readName(s, skipSpaces(s, i+len("not ")), mode)
}

// initialNameCueRE ends the words after which an initial and a surname are someone's name:
// "in (the) name of", "name is", "name's", "called", "named".
var initialNameCueRE = newPattern(`(?i)(?:in\s+(?:the\s+)?name\s+of|name(?:\s+is|['’]s)|called|named)\s+`, 24,
	wordStartWith("in ", "name", "called"))

// findInitialNames appends the spans of an initial and a surname said after initialNameCueRE
// ("the account is in name of k. wright", "the name is K Wright", "he's called j. smith"), and
// reports the surname to addWords. readName takes them after "my name is" only, and capitalised
// after "is called"; an initial and a surname are a person's in any case wherever words say a
// name follows.
func findInitialNames(s string, out []span, addWords func([]string)) []span {
	initialNameCueRE.each(s, func(m []int) int {
		end, surname := initialAndSurname(s, m[1])
		if end == 0 {
			return -1
		}
		out = append(out, span{KindName, m[1], end})
		if !noRepeat[strings.ToLower(surname)] {
			addWords([]string{surname})
		}
		return end
	})
	return out
}

// initialAndSurname returns the end of an initial and a surname at byte i, and the surname, or 0:
// a letter with a full stop ("k. wright"), or a capital without one ("K Wright"), since "called
// u earlier" and "called a cab" name no one, then one space and a word that may be a name in any
// case (lowerNameWord), its possessive aside ("k. wright's account").
func initialAndSurname(s string, i int) (int, string) {
	tok, next := readNameToken(s, i)
	letter := strings.TrimSuffix(tok, ".")
	r, _ := utf8.DecodeRuneInString(letter)
	if next == 0 || utf8.RuneCountInString(letter) != 1 || tok == letter && (!unicode.IsUpper(r) || letter == "A" || letter == "I") {
		return 0, ""
	}
	w, _ := readNameToken(s, next)
	surname, _ := possessiveOf(strings.TrimSuffix(w, "."))
	if !lowerNameWord(strings.ToLower(surname)) {
		return 0, ""
	}
	return next + len(surname), surname
}

// personWordRE finds a word that describes a person: someone close to the writer (relations:
// "neighbour", "my ex", "my son") or a man or a woman (personNouns).
var personWordRE = regexp.MustCompile(`(?i)\b(?:` + relations + `|` + personNouns + `)\b`)

// findBracketedNames appends the spans of first names put in brackets after the person they
// name ("Neighbour at number 12 (Gary)", "the man next door (Gary Holt) keeps parking …") and
// reports their words to addWords. Only a common first name counts (firstNames), capitalised,
// alone or before a surname, and only where a word of the sentence before the bracket describes
// a person (personWordRE): "(optional)", "(CCTV)", "(GDPR)" and "(Milton Keynes)" are no one's,
// and "(max)" after "my son is allowed 2 hours" is a limit.
func findBracketedNames(s string, out []span, addWords func([]string)) []span {
	for p := 0; ; {
		k := strings.IndexByte(s[p:], '(')
		if k < 0 {
			return out
		}
		open := p + k
		p = open + 1
		end, words := bracketedName(s, open+1)
		if end == 0 {
			continue
		}
		// The sentence's words just before the bracket, not the whole of a long one: a scan
		// back to the start of each sentence made "(Gary)" said many times quadratic.
		before := s[max(0, open-maxPersonLookBack):open]
		if !personWordRE.MatchString(before[sentenceStartBefore(before, len(before)):]) {
			continue
		}
		out = append(out, span{KindName, open + 1, end})
		addWords(words)
		p = end
	}
}

// maxPersonLookBack bounds how far before a bracket findBracketedNames looks for a person.
const maxPersonLookBack = 80

// bracketedName returns the end of a capitalised first name at byte i that fills a bracket, with
// the surname after it if one does ("Gary)", "Gary Holt)"), and its words, or 0.
func bracketedName(s string, i int) (int, []string) {
	first, next := readNameToken(s, i)
	r, size := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || strings.ToLower(first[size:]) != first[size:] || !firstNames[strings.ToLower(first)] {
		return 0, nil // "(MAX)", "(max)": a limit, not a name
	}
	end, words := i+len(first), []string{first}
	if next > 0 {
		last, _ := readNameToken(s, next)
		if !lowerNameWord(strings.ToLower(last)) {
			return 0, nil
		}
		end, words = next+len(last), append(words, last)
	}
	if end >= len(s) || s[end] != ')' {
		return 0, nil
	}
	return end, words
}

// readNameToken reads one word of a name at byte i: letters, marks, apostrophes and hyphens
// ("O'Neil", "Smith-Jones", "Zoë"), with a full stop after an initial or title ("J.", "Mr.").
// next is where the following word starts if exactly one space separates them, else 0.
func readNameToken(s string, i int) (tok string, next int) {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) || j > i && (r == '\'' || r == '’' || r == '-') {
			j += size
			continue
		}
		break
	}
	// Apostrophes and hyphens at the end belong to the sentence ("the Smiths' house").
	for j > i {
		r, size := utf8.DecodeLastRuneInString(s[i:j])
		if r != '\'' && r != '’' && r != '-' {
			break
		}
		j -= size
	}
	if j == i {
		return "", 0
	}
	if j < len(s) && s[j] == '.' {
		j++
	}
	tok = s[i:j]
	if j < len(s) {
		if r, size := utf8.DecodeRuneInString(s[j:]); r == ' ' || r == '\u00a0' {
			if !wordAfter(s, j+size) {
				return tok, 0
			}
			return tok, j + size
		}
	}
	return tok, 0
}

// nameWords yields the words readNameToken reads from byte i on, each with where it starts, for as
// long as a single space separates one from the next: the words of a name or a street, up to a
// comma, a line's end or a wider gap.
func nameWords(s string, i int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for {
			tok, next := readNameToken(s, i)
			if tok == "" || !yield(i, tok) || next == 0 {
				return
			}
			i = next
		}
	}
}

// afterBlanks is the start of the word after the spaces and tabs at byte i, or 0 when none
// follows on the line.
func afterBlanks(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j == i || !wordAfter(s, j) {
		return 0
	}
	return j
}

// isInitial reports whether tok is a single letter or a title followed by a full stop.
func isInitial(tok string) bool {
	w := strings.TrimSuffix(tok, ".")
	return utf8.RuneCountInString(w) == 1 || nameTitles[strings.ToLower(w)]
}

// lineEndsAt reports whether only punctuation and spaces follow byte i up to the end of its line.
func lineEndsAt(s string, i int) bool {
	for _, r := range s[i:] {
		switch {
		case r == '\n' || r == '\r':
			return true
		case unicode.IsSpace(r) || r == '.' || r == ',' || r == '!':
		default:
			return false
		}
	}
	return true
}

// findWord appends a span for every whole-word occurrence of w in s.
func findWord(s, w string, out []span) []span {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(w)
		if !isLetterOrDigit(runeBefore(s, start)) && !isLetterOrDigit(runeAfter(s, end)) {
			out = append(out, span{KindName, start, end})
		}
		i = end
	}
	return out
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
