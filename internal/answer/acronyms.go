package answer

// Acronyms a corpus defines: "houses in multiple occupation (HMOs)" makes HMO and the phrase one
// thing wherever either is written.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// definedAcronym is an acronym a notice spells out, as concepts: the acronym's, and the
// phrase's in order.
type definedAcronym struct {
	acronym string
	phrase  []string
}

// Acronyms maps what a corpus's notices define to each other: a question asks about "HMOs" or
// "the LADO" where the sentence that answers, its heading or its notice's title spells the
// phrase out ("Houses in multiple occupation and landlord licensing privacy notice"), and the
// other way about. Only definitions the notices write are read, never a guess: a notice that
// says "Local Authority Designated Officer (LADO)" says they are one.
type Acronyms struct {
	v    *Vocabulary
	defs []definedAcronym
}

// acronymDefRe finds where a notice defines an acronym: two to seven letters in brackets, at
// least two of them capitals, perhaps with a plural s ("(HMOs)", "(DWP)", "(UKHSA)").
var acronymDefRe = regexp.MustCompile(`\(([A-Z][A-Za-z]{1,6}?)s?\)`)

// maxAcronymWords is how far back a definition's phrase may start.
const maxAcronymWords = 8

// NewAcronyms reads the acronyms texts define.
func NewAcronyms(v *Vocabulary, texts []string) *Acronyms {
	a := &Acronyms{v: v}
	seen := map[string]bool{}
	for _, text := range texts {
		for _, m := range acronymDefRe.FindAllStringSubmatchIndex(text, -1) {
			acr := text[m[2]:m[3]]
			if countUpper(acr) < 2 {
				continue
			}
			phrase := phraseBefore(text[:m[0]], strings.ToLower(acr))
			if phrase == "" {
				continue
			}
			d := definedAcronym{phrase: a.concepts(phrase)}
			if ks := a.concepts(acr); len(ks) == 1 && len(d.phrase) > 1 {
				d.acronym = ks[0]
			} else {
				continue // a stop word ("IT", "US"), or a phrase of one word: no acronym to read
			}
			key := d.acronym + "\x00" + strings.Join(d.phrase, " ")
			if !seen[key] {
				seen[key] = true
				a.defs = append(a.defs, d)
			}
		}
	}
	return a
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// phraseBefore is the phrase at the end of text whose initials spell acr ("Department for Work
// and Pensions" for "dwp", "HM Revenue and Customs" for "hmrc"), or "".
func phraseBefore(text, acr string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	var kept []string
	for i := len(words) - 1; i >= 0 && len(kept) < maxAcronymWords; i-- {
		w := strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || strings.ContainsAny(words[i], ".;:,()") && i < len(words)-1 && !strings.HasSuffix(words[i], "'s") {
			break // a phrase doesn't reach over punctuation
		}
		kept = append([]string{w}, kept...)
		if initials(kept, false) == acr || initials(kept, true) == acr {
			return strings.Join(kept, " ")
		}
	}
	return ""
}

// initials are the first letters of a phrase's words, the small words skipped unless withSmall;
// a word in capitals gives all its letters ("HM Revenue and Customs" is HMRC).
func initials(words []string, withSmall bool) string {
	var b strings.Builder
	for _, w := range words {
		low := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if !withSmall && acronymFiller[low] {
			continue
		}
		if len(w) > 1 && countUpper(w) == len([]rune(w)) {
			b.WriteString(low)
			continue
		}
		if r := []rune(low); len(r) > 0 {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

func (a *Acronyms) concepts(s string) []string {
	var out []string
	for _, t := range Terms(s) {
		out = append(out, a.v.Concept(t))
	}
	return out
}

// Concepts are the concepts of text, with what its acronyms and their phrases stand for: a
// text that spells out "houses in multiple occupation" names HMOs, and one that says "HMO" names
// houses in multiple occupation.
func (a *Acronyms) Concepts(s string) map[string]bool {
	ks := a.concepts(s)
	m := make(map[string]bool, len(ks))
	for _, k := range ks {
		m[k] = true
	}
	for _, d := range a.defs {
		switch {
		case m[d.acronym]:
			for _, k := range d.phrase {
				m[k] = true
			}
		case containsRun(ks, d.phrase):
			m[d.acronym] = true
		}
	}
	return m
}

// containsRun reports whether run occurs in ks, in order and unbroken.
func containsRun(ks, run []string) bool {
	for i := range ks {
		if i+len(run) > len(ks) {
			return false
		}
		if slices.Equal(ks[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
