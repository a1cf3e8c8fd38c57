package llm

// Checks of what a generated answer may say in words rather than digits: a contact spelled out,
// a law, an organisation, a person's name. Each must be in a cited passage (a contact, in any
// passage), or the answer is not shown.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/redact"
)

// Reasons for the checks of this file (see check.go for the others).
const (
	ReasonUnsupportedLaw          = "unsupported_law"          // an Act or Regulation no cited passage names
	ReasonUnsupportedOrganisation = "unsupported_organisation" // a council or organisation other than the cited passages'
	ReasonUnsupportedName         = "unsupported_name"         // a person's name no cited passage gives
)

// Sources is what a generated answer is checked against besides its passages' text.
type Sources struct {
	// Organisations are the passages' organisations, in the passages' order; nil when unknown.
	Organisations []string
	// Question is what the resident asked: a name they gave needs no passage.
	Question string
	// Known are the corpus's organisations, with their other names and places; nil for none.
	Known *notice.Organisations
}

// contactRedactor finds e-mail addresses and phone numbers however they are written, spelled out
// in words too ("dpo at evil dot com", "zero one nine zero eight …").
var contactRedactor = redact.New(redact.WithKinds(redact.KindEmail, redact.KindPhone))

// UnsupportedSpelledContacts returns the e-mail addresses and phone numbers text spells out in
// words that no passage gives, in digits or in words.
func UnsupportedSpelledContacts(text string, passages []string) []string {
	all := strings.Join(passages, "\n")
	have := phonesIn(all)
	for _, e := range emailRe.FindAllString(all, -1) {
		have[strings.ToLower(strings.TrimRight(e, "."))] = true
	}
	for _, f := range spelledContacts(all) {
		have[f.key] = true
	}
	var bad []string
	for _, f := range spelledContacts(text) {
		if !have[f.key] {
			bad = append(bad, f.text)
		}
	}
	return bad
}

// spelledContacts are the contacts the redactor finds in text that aren't written plainly (those
// UnsupportedContacts checks), each with its normal form as key.
func spelledContacts(text string) []fact {
	text = citeRe.ReplaceAllString(text, " ")
	_, found := contactRedactor.Redact(text)
	var out []fact
	for _, f := range found {
		s := text[f.Start:f.End]
		if f.Kind == redact.KindEmail {
			if emailRe.MatchString(s) {
				continue
			}
			out = append(out, fact{key: spelledEmail(s), text: s})
			continue
		}
		if phoneRe.FindString(s) == strings.TrimSpace(s) {
			continue
		}
		out = append(out, fact{key: spokenDigits(s), text: s})
	}
	return out
}

var (
	spelledAtRe  = regexp.MustCompile(`(?i)\s*(?:[(\[]\s*at\s*[)\]]|\bat\b)\s*`)
	spelledDotRe = regexp.MustCompile(`(?i)\s*(?:[(\[]\s*dot\s*[)\]]|\bdot\b)\s*`)
)

// spelledEmail is "dpo at evil dot com" as an address: "dpo@evil.com".
func spelledEmail(s string) string {
	s = spelledAtRe.ReplaceAllString(s, "@")
	s = spelledDotRe.ReplaceAllString(s, ".")
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// spokenDigits is a phone number said in words and digits as its digits, +44 as 0: "oh one nine
// double oh …" is "01900…". The redactor reads the words ("hundred" too), as it does to find them.
func spokenDigits(s string) string {
	d := redact.SpokenPhoneNumber(s)
	if d == "" {
		d = strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	d = strings.TrimPrefix(d, "+")
	if strings.HasPrefix(d, "44") && len(d) >= 12 {
		d = "0" + strings.TrimPrefix(strings.TrimPrefix(d, "44"), "0")
	}
	return d
}

// lawRe finds a named law: capitalised words, joined by "of", "and", "for" …, ending in Act,
// Regulation(s) or Directive ("Freedom of Information Act", "General Data Protection Regulation").
var lawRe = regexp.MustCompile(`\b((?:[A-Z][\w’'-]*\s+(?:(?:of|and|for|on|to|in)\s+(?:the\s+)?)?)+)(Acts?|Regulations?|Directive)\b`)

// unsupportedLaws returns the laws text names that no cited passage names; cited is the cited
// passages joined and folded (foldSpace).
func unsupportedLaws(text, cited string) []string {
	var bad []string
	for _, g := range lawRe.FindAllStringSubmatch(citeRe.ReplaceAllString(text, " "), -1) {
		words := withoutOpeners(g[1]) // "Under Freedom of Information Act": "Under" is not the law's
		if len(words) == 0 {
			continue // "This Act", "The Regulations"
		}
		name := strings.Join(append(words, g[2]), " ")
		// "the UK General Data Protection Regulation" is the one a notice calls "the General Data
		// Protection Regulation" (a review: refused).
		bare := strings.Join(append(slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "UK" || w == "EU" }), g[2]), " ")
		if !strings.Contains(cited, foldSpace(name)) && !strings.Contains(cited, foldSpace(bare)) {
			bad = append(bad, name)
		}
	}
	return bad
}

// sentenceOpeners are capitalised words that open a sentence before a name, not part of it.
var sentenceOpeners = map[string]bool{"under": true, "the": true, "this": true, "that": true, "these": true, "by": true,
	"as": true, "in": true, "according": true, "per": true, "your": true, "our": true, "their": true, "its": true,
	"if": true, "when": true, "since": true, "because": true, "and": true, "but": true, "also": true, "both": true,
	"so": true, "a": true, "an": true, "for": true, "with": true, "from": true, "to": true, "at": true, "on": true}

// withoutOpeners returns the words of s, a name's capitalised words as a pattern found them,
// after the sentence openers before them ("Under Freedom of Information" is "Freedom of
// Information"; nothing is left of "This").
func withoutOpeners(s string) []string {
	words := strings.Fields(s)
	for len(words) > 0 && sentenceOpeners[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return words
}

func foldSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("’", "'").Replace(s)), " "))
}

// councilRe finds a council named by its place: "Bedford Borough Council".
var councilRe = regexp.MustCompile(`\b((?:[A-Z][\w’'-]*\s+){1,4})((?:City|County|Borough|District|Town|Parish)\s+)?Council\b`)

// unsupportedOrganisations returns the organisations text names that are none of the cited
// passages' organisations (orgs) and none the cited passages name themselves; cited is the cited
// passages joined one a line, and folded is cited folded (foldSpace).
func unsupportedOrganisations(text, cited, folded string, orgs []string, known *notice.Organisations) []string {
	text = citeRe.ReplaceAllString(text, " ")
	ok := map[string]bool{}
	canonical := func(name string) string {
		if known != nil {
			if c, found := known.Canonical(name); found {
				return c
			}
		}
		return foldSpace(name)
	}
	for _, o := range orgs {
		ok[canonical(o)] = true
	}
	if known != nil {
		for _, o := range known.NamedIn(cited) {
			ok[o] = true
		}
	}
	var bad []string
	if known != nil {
		for _, o := range known.NamedIn(text) {
			if !ok[o] {
				bad = append(bad, o)
			}
		}
	}
	for _, g := range councilRe.FindAllStringSubmatch(text, -1) {
		words := withoutOpeners(g[1])
		if len(words) == 0 {
			continue // "The Council"
		}
		name := strings.Join(words, " ") + " " + g[2] + "Council"
		if known != nil {
			if _, found := known.Canonical(name); found {
				continue // checked by its canonical name above
			}
			if len(known.NamedIn(name)) > 0 {
				continue // "Contact Milton Keynes City Council's …": a known council, checked above
			}
		}
		if !ok[foldSpace(name)] && !strings.Contains(folded, foldSpace(name)) {
			bad = append(bad, name)
		}
	}
	return bad
}

var (
	// capitalisedRunRe finds two or more capitalised words in a row: "John Fakename". A word in
	// capitals ("UK GDPR") is an initialism, not a name.
	capitalisedRunRe = regexp.MustCompile(`\b[A-Z][a-z][\p{L}'’-]*(?:\s+[A-Z][a-z][\p{L}'’-]*)+`)
	sentenceStartRe  = regexp.MustCompile(`(?:^|[.!?:;]\s*|\n\s*(?:[-•*]\s*)?)$`)
	lowerWordRe      = regexp.MustCompile(`\b[a-z][a-z'’-]*\b`)
)

// unsupportedNames returns the people text names that no cited passage, nor the question, names:
// runs of capitalised words of which one at least is no ordinary word of the passages and which
// name no organisation or place known. cited is the cited passages joined and folded (foldSpace).
func unsupportedNames(text, cited, question string, ordinary *ordinaryWords, known *notice.Organisations) []string {
	text = citeRe.ReplaceAllString(text, " ")
	asked := foldSpace(question)
	var bad []string
	for _, loc := range capitalisedRunRe.FindAllStringIndex(text, -1) {
		words := strings.Fields(text[loc[0]:loc[1]])
		if sentenceStartRe.MatchString(text[:loc[0]]) && ordinary.has(words[0]) {
			words = words[1:] // "The Data Protection Officer": a sentence's "The"
		}
		if len(words) < 2 {
			continue
		}
		title := true
		for _, w := range words {
			title = title && ordinary.has(w)
		}
		if title {
			continue // a title, not a name: "Data Protection Officer"
		}
		name := strings.Join(words, " ")
		f := foldSpace(name)
		if strings.Contains(cited, f) || strings.Contains(asked, f) {
			continue
		}
		if known != nil {
			if _, found := known.Canonical(name); found || len(known.NamedIn(name)) > 0 || len(known.PlacesSaid("in "+name)) > 0 {
				continue // an organisation (checked apart) or a place
			}
		}
		bad = append(bad, name)
	}
	return bad
}

// ordinaryWords are the words the system prompt, the passages and the answer write in lower case,
// and the words that open a sentence (sentenceOpeners): words that, capitalised, are a title or a
// sentence's start rather than a name.
type ordinaryWords struct {
	system map[string]bool // the system prompt's (lowerWords), read once by the Answerer
	texts  []string        // the passages and the answer, read for theirs when first asked
	words  map[string]bool // theirs, once read
}

// has reports whether w, capitalised or not, is an ordinary word.
func (o *ordinaryWords) has(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	if sentenceOpeners[w] || o.system[w] {
		return true
	}
	if o.words == nil {
		o.words = lowerWords(o.texts...) // an answer with no capitalised run never reads them
	}
	return o.words[w]
}

// lowerWords are the words texts write in lower case, without a possessive's 's.
func lowerWords(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, t := range texts {
		for _, w := range lowerWordRe.FindAllString(t, -1) {
			out[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")] = true
		}
	}
	return out
}
