package answer

// The lexicon: a question's words the notices don't use, read as words they do (acronyms,
// misspellings, WordNet synonyms).

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/editdist"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/wordvec"
)

// Lexicon is what a corpus's own words say about the words of a question it doesn't use: a
// misspelling of one of its words ("assesment"), or the initials of one of its names ("DoLS" for
// "Deprivation of Liberty Safeguards", "hb" for "Housing Benefit"). People abbreviate what their
// council's notices spell out; the notices of any council spell out their own names.
type Lexicon struct {
	words    map[string]int                 // lower-case word → occurrences in the corpus
	stems    map[string]bool                // the stems of those words
	byFirst  map[rune][]string              // words of six letters or more, by first letter
	acronyms map[string]map[string]*acronym // initials → lower-case phrase → what is known of it
	vocab    *Vocabulary

	targetsOnce sync.Once
	targets     map[rune][]string // slipTargets
}

// acronym is the phrase a set of initials stands for, and whether every word of it is written
// with a capital (a proper name, which a lower-case "hb" may abbreviate).
type acronym struct {
	phrase string
	count  int
	proper bool
}

// acronymFiller are the small words an acronym usually skips ("Deprivation of Liberty
// Safeguards" is "DoLS" or "DLS").
var acronymFiller = setOf(`of and the for to in on with at by`)

// NewLexicon learns the words and names of a corpus's passages. vocab's words are known words
// too: they are never corrected into a notice's word.
func NewLexicon(passages []notice.Passage, vocab *Vocabulary) *Lexicon {
	l := &Lexicon{words: map[string]int{}, stems: map[string]bool{}, byFirst: map[rune][]string{}, acronyms: map[string]map[string]*acronym{}, vocab: vocab}
	for _, p := range passages {
		for _, line := range strings.Split(p.Section()+"\n"+p.Title+"\n"+p.Text, "\n") {
			for _, s := range sentences(line) {
				for _, run := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;:()[]\"“”", r) }) {
					l.learnRun(run)
				}
			}
		}
	}
	for w := range l.words {
		l.stems[Stem(w)] = true
		if r := []rune(w); len(r) >= 6 {
			l.byFirst[r[0]] = append(l.byFirst[r[0]], w)
		}
	}
	for _, ws := range l.byFirst {
		sort.Strings(ws)
	}
	return l
}

// learnRun counts the words of a run of text without punctuation and the acronyms its phrases
// make.
func (l *Lexicon) learnRun(run string) {
	var ws []string
	// "Anti-Social Behaviour" is ASB: each part of a hyphenated word has its initial.
	for _, w := range strings.FieldsFunc(run, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		ws = append(ws, w)
		l.words[strings.ToLower(w)]++
	}
	// A phrase's terms are its words' (Terms splits at what splits words): each word is stemmed
	// once, not once for each of the phrases it is in.
	terms := make([][]string, len(ws))
	for i, w := range ws {
		terms[i] = Terms(w)
	}
	for i := range ws {
		if acronymFiller[strings.ToLower(ws[i])] {
			continue
		}
		for j := i + 1; j < len(ws) && j < i+6; j++ {
			if acronymFiller[strings.ToLower(ws[j])] {
				continue
			}
			phrase := ws[i : j+1]
			if hasStopWord(phrase) {
				continue // "as it" is not what "AI" stands for
			}
			proper := true
			var all, content strings.Builder
			for _, w := range phrase {
				first, _ := utf8.DecodeRuneInString(w)
				all.WriteRune(unicode.ToLower(first))
				if acronymFiller[strings.ToLower(w)] {
					continue
				}
				if !unicode.IsUpper(first) {
					proper = false
				}
				content.WriteRune(unicode.ToLower(first))
			}
			text := strings.Join(phrase, " ")
			id := strings.Join(slices.Concat(terms[i:j+1]...), " ") // "payment" and "payments" are one phrase
			for ki, key := range []string{all.String(), content.String()} {
				if utf8.RuneCountInString(key) < 2 || ki == 1 && len(key) == 2 && len(key) < len(phrase) {
					continue // two letters stand for two words, not "Accident and incident"
				}
				byPhrase := l.acronyms[key]
				if byPhrase == nil {
					byPhrase = map[string]*acronym{}
					l.acronyms[key] = byPhrase
				}
				a := byPhrase[id]
				if a == nil {
					a = &acronym{phrase: text}
					byPhrase[id] = a
				}
				a.proper = a.proper || proper
				a.count++
			}
		}
	}
}

// hasStopWord reports whether a phrase has a stop word other than the small words acronyms skip.
func hasStopWord(phrase []string) bool {
	for _, w := range phrase {
		if w = strings.ToLower(w); stopWords[w] && !acronymFiller[w] {
			return true
		}
	}
	return false
}

// Expand rewrites the words of a question the corpus doesn't use into the corpus's words: an
// acronym into the phrase it stands for, a misspelling into the word meant. A word it can't
// place is left as it is, and so is every other word.
func (l *Lexicon) Expand(q string) string {
	if l == nil {
		return q
	}
	return eachWord(sectionRe.ReplaceAllString(heldAbout(q), "section $1"), func(w, _ string) string { return l.replace(w) })
}

// heldAbout is a question that asks what is kept about someone ("what do you keep about me?",
// "what is stored on my children?") with its verb read as "hold": it asks what information is
// held, as the notices' "What information do we hold?" does, not how long it is kept, which the
// retention words "keep", "store" and "held" are read as. A question that asks how long is kept
// as it is.
func heldAbout(q string) string {
	if howLongRe.MatchString(q) {
		return q
	}
	return heldAboutRe.ReplaceAllString(q, "${1}hold${2}")
}

var (
	// heldAboutRe is "what" or "which", a few words, a verb of keeping, and whom it is about:
	// group 1 runs to the verb, group 2 from it.
	heldAboutRe = regexp.MustCompile(`(?i)\b((?:what|which)\b(?:\s+[\w'’]+){0,5}?\s+)(?:keeps?|kept|keeping|stores?|stored|storing|held|retains?|retained)` +
		`((?:\s+[\w'’]+){0,3}?\s+(?:about|on)\s+(?:me|us|you|him|her|them|my|our|your|his|their|people|residents|individuals|someone|anyone)\b)`)
	// howLongRe asks for a period.
	howLongRe = regexp.MustCompile(`(?i)\bhow\s+(?:long|many\s+(?:years|months|weeks|days))\b|\buntil\s+when\b|\bfor\s+how\b`)
)

// eachWord is text with each of its words (runs of letters) as f makes it, given the word and the
// one before it (lower case; "" at the start); what is between words is kept. A part of a
// hyphenated word ("PAR-Q", "opt-out") is no word on its own, and is kept as it is.
func eachWord(text string, f func(w, before string) string) string {
	var b strings.Builder
	start, before := -1, ""
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		if start > 0 && text[start-1] == '-' || end < len(text) && text[end] == '-' {
			b.WriteString(w)
		} else {
			b.WriteString(f(w, before))
		}
		before, start = strings.ToLower(w), -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(text))
	return b.String()
}

// sectionRe finds the shorthand for a section of an Act: "s115", "s.115", "s 17".
var sectionRe = regexp.MustCompile(`(?i)\bs\.?\s?(\d{1,3}[A-Z]?)\b`)

// replace is a word of a question, or what the corpus calls it.
func (l *Lexicon) replace(w string) string {
	low := strings.ToLower(w)
	if l.known(low) {
		return w
	}
	n := utf8.RuneCountInString(low)
	if n >= 2 && n <= 5 && (low != w || !spokenWithin(low, commonSpokenRank)) {
		// "far" in lower case is the word, not "Fire and Rescue"; "FAR" may be either.
		if p, ok := l.acronym(w); ok {
			return p
		}
	}
	if c, ok := l.misspelt(low); ok {
		return c
	}
	if n >= minSynonymed && !slices.ContainsFunc(lemmas(low), everydayWord) && !isGenericConcept(Stem(low)) {
		// An everyday word has too many senses for its first one to be the one meant ("cover",
		// "next", "problem"); a rarer word has few ("rubbish", "abroad").
		if s, ok := l.synonym(low); ok {
			return s
		}
	}
	return w
}

// known reports whether a lower-case word is one the notices or the vocabulary use, or a stop
// word: a word meant as it is.
func (l *Lexicon) known(low string) bool {
	return l.words[low] > 0 || stopWords[low] || l.stems[Stem(low)] || l.vocab.known(low)
}

// misspelt finds the notices' word a lower-case word no notice uses is a slip of.
func (l *Lexicon) misspelt(low string) (string, bool) {
	n := utf8.RuneCountInString(low)
	if n >= minCorrected && !commonWords[Stem(low)] {
		return l.correction(low)
	}
	if n >= minCorrectedNonWord && !englishWord(low) {
		// A shorter word is corrected only when it is no word at all and the slip is one of the
		// commonest: a double letter typed once ("oficer", "acess") or two letters swapped
		// ("recieve"). The word lists are American and general: a British word they lack, met
		// beside a notice's word one slip away, would be read as that word ("carers" as
		// "careers", where a notice says "careers" and never "carers").
		if c, ok := l.correction(low); ok && commonSlip([]rune(low), []rune(c)) {
			return c, true
		}
	}
	return "", false
}

// acronym finds the phrase a word's letters are the initials of: any phrase for a word written
// with capitals ("LPA"), a proper name for one written in lower case ("hb"). The most frequent
// phrase wins; none when two are as frequent.
func (l *Lexicon) acronym(w string) (string, bool) {
	low := strings.ToLower(w)
	lower := low == w
	best, bestN, tie := "", 0, false
	for _, a := range l.acronyms[low] {
		if lower && !a.proper {
			continue
		}
		switch {
		case a.count > bestN:
			best, bestN, tie = a.phrase, a.count, false
		case a.count == bestN && a.phrase != best:
			tie = true
		}
	}
	return best, bestN > 0 && !tie
}

// everydayWord reports whether a word (lower case) is one people say all the time.
func everydayWord(w string) bool {
	return spokenWithin(w, commonSpokenRank) || commonWords[Stem(w)] || stopWords[w]
}

// minSynonymed is the shortest word read as its WordNet synonym.
const minSynonymed = 4

// minCorrected is the shortest word the lexicon corrects: a shorter one is as likely a word of
// its own ("counts", "carers") as a slip of one the notices use ("courts", "careers").
const minCorrected = 8

// minCorrectedNonWord is the shortest word the lexicon corrects when it is no English word at all
// ("oficer", "acess"): one that is a word ("counts") may be meant as it is, one that isn't can only
// be a slip.
const minCorrectedNonWord = 5

// englishWord reports whether a lower-case word is an English word: one of the 60,000 commonest
// (the word vectors'), or of spoken English.
func englishWord(w string) bool {
	if _, ok := wordvec.Lookup(wordvec.Stem(w)); ok {
		return true
	}
	_, spoken := spokenRank[w]
	return spoken
}

// correction finds the corpus word a misspelt word means: one letter added, dropped, changed or
// two swapped, with the same first letter and the same last two letters (a different ending is
// another word: "browse" and "browser"). The most frequent such word wins; none when two are
// as frequent.
func (l *Lexicon) correction(w string) (string, bool) {
	r := []rune(w)
	best, bestN, tie := "", 0, false
	for _, c := range l.byFirst[r[0]] {
		cr := []rune(c)
		if len(cr) < minCorrectedNonWord || abs(len(cr)-len(r)) > 1 || string(cr[len(cr)-2:]) != string(r[len(r)-2:]) || editdist.Runes(r, cr) > 1 {
			continue
		}
		switch n := l.words[c]; {
		case n > bestN:
			best, bestN, tie = c, n, false
		case n == bestN:
			tie = true
		}
	}
	return best, bestN > 0 && !tie
}

// commonSlip reports whether typed is meant with one of its letters doubled (or a doubled one
// typed once more), or with two neighbouring letters swapped.
func commonSlip(typed, meant []rune) bool {
	switch len(meant) - len(typed) {
	case 1, -1:
		long, short := meant, typed
		if len(typed) > len(meant) {
			long, short = typed, meant
		}
		for i := 1; i < len(long); i++ {
			// long without its i-th letter, which repeats the one before it.
			if long[i] == long[i-1] && string(long[:i])+string(long[i+1:]) == string(short) {
				return true
			}
		}
	case 0:
		for i := 0; i+1 < len(typed); i++ {
			if typed[i] != meant[i] {
				return typed[i] == meant[i+1] && typed[i+1] == meant[i] && string(typed[i+2:]) == string(meant[i+2:])
			}
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// known reports whether a lower-case word is one the vocabulary lists.
func (v *Vocabulary) known(w string) bool {
	if v == nil {
		return false
	}
	if _, ok := v.stemGroup[Stem(w)]; ok {
		return true
	}
	for k := range v.Phrases {
		for _, pw := range strings.Fields(k) {
			if pw == w {
				return true
			}
		}
	}
	return false
}
