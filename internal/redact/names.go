package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names are found only where the writer introduces themselves, because a capitalised word on its
// own is as likely a place, a council or a job title. Then every other whole-word use of those
// name words in the same text is redacted too ("my name is Jane Smith … Mrs Smith called").

// nameTriggerRE finds the phrases that introduce a name. Groups: 1 strong ("my name is", "name:"),
// 2 weak ("I'm", "I am"), 3 "this is", 4 a sign-off ("Kind regards,"), 5 someone close named
// after who they are ("my son Oliver Smith", "my husband, David Jones,"), weak too.
var nameTriggerRE = newPattern(`(?i)(?:`+
	`(my\s+(?:full\s+)?name\s+is|my\s+name['’]s|(?:(?:full|first|last|given)\s+)?(?:sur|fore)?name\s*[:=])`+
	`|(i['’]?m|i\s+am)\b`+
	`|(this\s+is)\b`+
	`|((?:kind|best|warm|many)\s+(?:regards|thanks|wishes)|regards|thanks|yours\s+(?:sincerely|faithfully|truly)|thank\s+you|cheers)\s*[,.!\-]?`+
	`|(my\s+(?:son|daughter|mum|mother|mom|dad|father|husband|wife|partner|brother|sister|nan|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|nephew|niece|client|friend|neighbour|neighbor|carer|stepson|stepdaughter|stepmum|stepdad|boyfriend|girlfriend|lad|boy|girl))\b\s*,?`+
	`)`, 64, wordStartWith("my", "name", "full", "first", "last", "given", "sur", "fore", "i'", "i’", "im", "i ",
	"this", "kind", "best", "warm", "many", "regards", "thank", "yours", "cheers"))

// nameMode says how sure a trigger is that a name follows.
type nameMode int

const (
	strongName  nameMode = iota // any case, stop at the first ordinary word
	weakName                    // capitalised words only; an organisation word means it isn't a person
	signOffName                 // like weak, and the name must end its line
)

// nameStop are words that end a name (or, first, show there is none): "I'm not sure", "my name
// is jane and i live …", "I'm Writing to ask".
var nameStop = setOf(`a an the and or but so i i'm i’m im me my mine we our you your he she it its they
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
	myself yourself himself herself themselves`)

// orgWords show that a capitalised phrase is an organisation or a role, not a person: "This is
// Milton Keynes Council", "Name: Data Protection Officer".
var orgWords = setOf(`council borough county city district parish town department dept team service
	services office officer protection data privacy information governance manager director head
	unit authority trust nhs gdpr ico ltd limited plc group centre center school college university
	hospital police government committee board agency company association society foundation
	partnership controller processor administrator admin support helpdesk desk bot privacybot
	assistant notice policy request requests subject access`)

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
	nameTriggerRE.each(s, func(m []int) int {
		var mode nameMode
		switch {
		case m[2] >= 0:
			mode = strongName
			if !nameLabelOK(s, m[2], m[3]) {
				return -1
			}
		case m[4] >= 0, m[6] >= 0, len(m) > 10 && m[10] >= 0:
			mode = weakName
		default:
			mode = signOffName
		}
		start, end, toks := readName(s, m[1], mode)
		if end <= start {
			return m[1]
		}
		out = append(out, span{KindName, start, end})
		for _, t := range toks {
			if words == nil {
				words = make(map[string]bool)
			}
			// Each word costs a pass over s; a real message introduces a handful of people.
			if len(words) < maxRepeatWords {
				words[t] = true
			}
		}
		return end
	})
	for w := range words {
		out = findWord(s, w, out)
		if r, size := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out = findWord(s, string(unicode.ToUpper(r))+w[size:], out)
		}
	}
	return out
}

// nameLabelOK reports whether a "name:" label at s[start:end] labels a person's name: "my name
// is", or "Name:"/"Full name:" starting a line or a sentence, not "Controller name:" or "File
// name:".
func nameLabelOK(s string, start, end int) bool {
	if strings.HasPrefix(strings.ToLower(s[start:end]), "my") {
		return true
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
	for pos := i; names < 4; {
		tok, next := readNameToken(s, pos)
		if tok == "" {
			break
		}
		lower := strings.ToLower(strings.TrimSuffix(tok, "."))
		first, _ := utf8.DecodeRuneInString(tok)
		switch {
		case nameTitles[lower] && names == 0:
			// a title is kept with the name but is not a name word
		case orgWords[lower]:
			if mode != strongName {
				return 0, 0, nil // "This is Milton Keynes Council": not a person
			}
			return start, end, words
		case nameStop[lower]:
			return start, end, words
		case mode != strongName && unicode.IsLower(first):
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
