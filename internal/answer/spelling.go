package answer

// Everyday words mistyped. A resident typing on a phone, or unsure of spelling, asks "how lng do
// u kepp complaint records", "wat is the dpo", "who do you shair my data with". The lexicon
// corrects a notice's own longer words (lexicon.go: "assesment"); these are the short everyday
// words a question is asked with, which carry what kind of answer is wanted ("how long",
// "keep", "share"), and the text-message spellings everyone knows.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textSpeak maps text-message spellings to the words meant. Only spellings that are no word of
// their own: "ill", "wont" and "cos" are words.
var textSpeak = map[string]string{
	"u": "you", "ur": "your", "yr": "your", "r": "are", "y": "why",
	"wat": "what", "wot": "what", "wht": "what", "hw": "how", "wen": "when", "wer": "where", "whr": "where",
	"pls": "please", "plz": "please", "abt": "about", "coz": "because", "cuz": "because", "bcoz": "because", "becoz": "because",
	"knw": "know", "dnt": "don't", "cnt": "can't", "wud": "would", "cud": "could", "shud": "should",
	"ppl": "people", "thx": "thanks", "tho": "though", "thru": "through", "nd": "and", "wiv": "with",
	"im": "I'm", "dont": "don't", "cant": "can't", "doesnt": "doesn't", "didnt": "didn't", "whats": "what's",
}

// minEveryday is the shortest slip read as an everyday word: two letters are too few to tell
// what was meant ("mk" is a place).
const minEveryday = 3

// everyday finds the everyday word, or the notices' word, that a lower-case word which is no
// English word was typed for: one letter added, dropped, changed or two swapped ("lng", "kepp",
// "wich"), or, in a longer word, two letters that sound the same ("shair" for "share"). It
// starts with the same letter (people rarely slip on the first). A word the notices use wins
// over one they don't, then the commoner in spoken English, then the one the notices use most;
// none when two are as common. Only words of spoken English within maxRank are candidates, and
// the notices' own words when maxRank is beyond commonSpokenRank.
func (l *Lexicon) everyday(w string, maxRank int) (string, bool) {
	r := []rune(w)
	if len(r) < minEveryday {
		return "", false
	}
	key := soundex(w)
	best, bestRank, bestN, tie := "", 0, 0, false
	consider := func(c string) {
		cr := []rune(c)
		if len(cr) < minEveryday || cr[0] != r[0] || abs(len(cr)-len(r)) > 1 {
			return
		}
		switch d := editDistance(r, cr); {
		case d == 1:
		case d == 2 && len(r) >= minCorrectedNonWord && soundex(c) == key:
		default:
			return
		}
		rank, ok := spokenRank[c]
		if !ok || rank > commonSpokenRank {
			rank = commonSpokenRank + 1
		}
		if rank > maxRank {
			return
		}
		n := l.words[c]
		if n == 0 {
			rank += commonSpokenRank + 1 // a word the notices use first: what the question is about
		}
		switch {
		case best == "" || rank < bestRank || rank == bestRank && n > bestN:
			best, bestRank, bestN, tie = c, rank, n, false
		case rank == bestRank && n == bestN && c != best:
			tie = true
		}
	}
	for c, rank := range spokenRank {
		if rank <= commonSpokenRank {
			consider(c)
		}
	}
	for c := range l.words {
		if _, spoken := spokenRank[c]; !spoken {
			consider(c)
		}
	}
	return best, best != "" && !tie
}

// soundex is a word's American Soundex code: its first letter and the sounds of the next three
// consonants, so that words spelt as they sound share it ("shair" and "share" are S600).
func soundex(w string) string {
	const codes = "01230120022455012623010202" // a to z
	out := make([]byte, 0, 4)
	var last byte
	for i := 0; i < len(w) && len(out) < 4; i++ {
		ch := w[i] | 0x20
		if ch < 'a' || ch > 'z' {
			continue
		}
		code := codes[ch-'a']
		if len(out) == 0 {
			out = append(out, ch-0x20)
			last = code
			continue
		}
		if code != '0' && code != last {
			out = append(out, code)
		}
		if ch != 'h' && ch != 'w' {
			last = code // h and w don't part two consonants of one sound; vowels do
		}
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}

// isLowerWord reports whether a word was typed in lower case (a slip, not a name).
func isLowerWord(w string) bool {
	for len(w) > 0 {
		r, size := utf8.DecodeRuneInString(w)
		if r >= 'A' && r <= 'Z' {
			return false
		}
		w = w[size:]
	}
	return true
}

// hasVowel reports whether a lower-case word has a vowel (y counts: "fly", "my").
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

// Respell is a question with its mistyped everyday words as meant ("how lng do u kepp complant
// records" is "how long do you keep complant records"; the notices' longer words are Expand's).
// Every other word is left as typed.
func (l *Lexicon) Respell(q string) string {
	if l == nil {
		return q
	}
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := q[start:end]
		if start > 0 && q[start-1] == '-' || end < len(q) && q[end] == '-' {
			b.WriteString(w)
		} else {
			b.WriteString(l.respellWord(w))
		}
		start = -1
	}
	for i, r := range q {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(q))
	return b.String()
}

// respellWord is a word as meant: a text-message spelling's word, or the everyday or notice
// word a lower-case slip that is no word was typed for. A name (capitals), a word the notices
// or the vocabulary use and the notices' initials ("lpa" is not "lap") are kept.
func (l *Lexicon) respellWord(w string) string {
	if s, ok := textSpeak[w]; ok {
		return s // "wat", "hw": in lower case only, as "R" or "Y" may be an initial
	}
	low := strings.ToLower(w)
	if !isLowerWord(w) || l.words[low] > 0 || stopWords[low] || l.stems[Stem(low)] || l.vocab.known(low) || len(l.acronyms[low]) > 0 {
		return w
	}
	switch {
	case !englishWord(low):
		if c, ok := l.correction(low); ok && utf8.RuneCountInString(low) >= minCorrectedNonWord {
			return c // the notices' word, as Expand reads it ("complant" is "complaint")
		}
		if c, ok := l.everyday(low, commonSpokenRank+1); ok {
			return c
		}
	case !hasVowel(low) && !spokenWithin(low, commonSpokenRank):
		// In the word vectors as an acronym ("lng", liquefied natural gas), and still typed for
		// an everyday word.
		if c, ok := l.everyday(low, everydaySpokenRank); ok {
			return c
		}
	}
	return w
}
