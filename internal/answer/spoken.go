package answer

// How common a word is in everyday speech: a question's word no notice uses is its topic when
// people rarely say it ("CCTV", "parking", "Caldicott"), and only its wording when they say it
// all the time ("whoever", "pay", "mail", "without").

import (
	_ "embed"
	"strings"
)

//go:embed spoken-english.txt
var spokenEnglish string

// spokenRank maps a word (lower case, as written) to its rank in spoken English, 1 being the
// most frequent; rarer words are absent. Words, not stems: "park" is an everyday word, "parking"
// a topic.
var spokenRank = func() map[string]int {
	m := map[string]int{}
	rank := 0
	for _, line := range strings.Split(spokenEnglish, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		rank++
		if m[w] == 0 {
			m[w] = rank
		}
	}
	return m
}()

// Ranks in spoken English: within everydaySpokenRank, a word the notices don't use is taken for
// the wording of a question, not its topic; within commonSpokenRank, a word has too many senses
// for WordNet's first to be the one meant ("print", "cover", "problem").
const (
	everydaySpokenRank = 2000
	commonSpokenRank   = 5000
)

// spokenWithin reports whether a word (lower case) is among the rank most frequent of spoken
// English.
func spokenWithin(word string, rank int) bool {
	r, ok := spokenRank[word]
	return ok && r <= rank
}
