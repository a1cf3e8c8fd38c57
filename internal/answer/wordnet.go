package answer

// WordNet's synonyms: a question's word that no notice uses may be a word for what a notice says
// in its own ("rubbish" for "waste", "abroad" for "overseas", "America" for "the United States").

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

//go:embed wordnet-synonyms.tsv.gz
var wordnetGz []byte

var (
	wordnetOnce sync.Once
	wordnet     map[string][]string
)

// wordnetSynonyms are the words of a word's most frequent WordNet sense in each part of speech,
// most frequent sense first.
func wordnetSynonyms(word string) []string {
	wordnetOnce.Do(func() {
		wordnet = map[string][]string{}
		zr, err := gzip.NewReader(bytes.NewReader(wordnetGz))
		if err != nil {
			panic("wordnet-synonyms.tsv.gz: " + err.Error()) // embedded; covered by tests
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			fields := strings.Split(line, "\t")
			wordnet[fields[0]] = fields[1:]
		}
		if err := sc.Err(); err != nil {
			panic("wordnet-synonyms.tsv.gz: " + err.Error())
		}
	})
	return wordnet[word]
}

// lemmas are the dictionary forms an inflected word may have ("wiped" → "wiped", "wipe", "wip").
func lemmas(w string) []string {
	out := []string{w}
	for _, suf := range []struct{ cut, add string }{{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}} {
		if base, ok := strings.CutSuffix(w, suf.cut); ok && len(base) >= 3 {
			out = append(out, base+suf.add)
		}
	}
	return out
}

// synonym is the word or phrase of the corpus that WordNet gives as a synonym of a word the
// corpus doesn't use: of its most frequent sense that has one.
func (l *Lexicon) synonym(w string) (string, bool) {
	for _, lemma := range lemmas(w) {
		for _, s := range wordnetSynonyms(lemma) {
			if l.uses(s) {
				return s, true
			}
		}
	}
	return "", false
}

// uses reports whether the corpus uses every word of a phrase that means something.
func (l *Lexicon) uses(phrase string) bool {
	n := 0
	for _, w := range strings.Fields(phrase) {
		if stopWords[w] {
			continue
		}
		if !l.stems[Stem(w)] {
			return false
		}
		n++
	}
	return n > 0
}
