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

// everydaySpokenRank is the rank in spoken English within which a word the notices don't use is
// taken for the wording of a question, not its topic.
const everydaySpokenRank = 2000

// spokenEveryday reports whether a word (lower case) is one people say all the time.
func spokenEveryday(word string) bool {
	r, ok := spokenRank[word]
	return ok && r <= everydaySpokenRank
}

// commonSpokenRank is the rank in spoken English within which a word has too many senses for
// WordNet's first to be the one meant ("print", "cover", "problem").
const commonSpokenRank = 5000

// spokenCommon reports whether a word (lower case) is among the commonest of spoken English.
func spokenCommon(word string) bool {
	r, ok := spokenRank[word]
	return ok && r <= commonSpokenRank
}
