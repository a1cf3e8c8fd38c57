package answer

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
	"gopkg.in/yaml.v3"
)

// The composer analyses text the way the Bleve index does (lower case, English stop words, the
// Porter stemmer), so that a term the index matched is a term the composer can find in a sentence.

//go:embed vocabulary.yaml
var vocabularyYAML []byte

// Vocabulary is the domain's vocabulary: groups of equivalent words and phrase rewrites.
type Vocabulary struct {
	// Groups are sets of equivalent words, as written (not stemmed).
	Groups [][]string
	// Phrases maps a phrase people say to words the notices use.
	Phrases map[string]string

	stemGroup map[string]int // stem → group
	groupStem [][]string     // group → stems
	phraseRes []phraseRule
}

type phraseRule struct {
	re   *regexp.Regexp
	with string
}

// DefaultVocabulary is the bundled vocabulary for privacy enquiries.
func DefaultVocabulary() *Vocabulary {
	v, err := ParseVocabulary(vocabularyYAML)
	if err != nil {
		panic(fmt.Sprintf("bundled vocabulary.yaml: %v", err)) // a build-time defect, caught by tests
	}
	return v
}

// ParseVocabulary reads a vocabulary file.
func ParseVocabulary(data []byte) (*Vocabulary, error) {
	var doc struct {
		Synonyms [][]string        `yaml:"synonyms"`
		Phrases  map[string]string `yaml:"phrases"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse vocabulary: %w", err)
	}
	v := &Vocabulary{Groups: doc.Synonyms, Phrases: doc.Phrases, stemGroup: map[string]int{}}
	for i, g := range doc.Synonyms {
		var stems []string
		for _, w := range g {
			s := Stem(w)
			if _, dup := v.stemGroup[s]; !dup {
				v.stemGroup[s] = i
			}
			stems = append(stems, s)
		}
		v.groupStem = append(v.groupStem, stems)
	}
	keys := make([]string, 0, len(doc.Phrases))
	for k := range doc.Phrases {
		keys = append(keys, k)
	}
	// Longer phrases first, so "data protection officer" wins over a shorter overlap.
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	for _, k := range keys {
		re, err := regexp.Compile(`(?i)\b` + regexp.QuoteMeta(k) + `\b`)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %w", k, err)
		}
		v.phraseRes = append(v.phraseRes, phraseRule{re: re, with: doc.Phrases[k]})
	}
	return v, nil
}

// Rewrite appends the notice words for the phrases a question uses, keeping the question.
func (v *Vocabulary) Rewrite(q string) string {
	var extra []string
	for _, r := range v.phraseRes {
		if r.re.MatchString(q) {
			extra = append(extra, r.with)
		}
	}
	if len(extra) == 0 {
		return q
	}
	return q + " " + strings.Join(extra, " ")
}

// Equivalents returns the stems equivalent to a stem, itself included.
func (v *Vocabulary) Equivalents(stem string) []string {
	if g, ok := v.stemGroup[stem]; ok {
		return v.groupStem[g]
	}
	return []string{stem}
}

// Concept maps a stem to a representative of its synonym group, so equivalent words compare equal.
func (v *Vocabulary) Concept(stem string) string {
	if g, ok := v.stemGroup[stem]; ok {
		return v.groupStem[g][0]
	}
	return stem
}

// Stem is the Porter stem of a lower-case word.
func Stem(w string) string { return porter.StemString(strings.ToLower(w)) }

// Words splits text into lower-case words (letters and digits).
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Terms is the analysed form of text: words that aren't stop words, stemmed.
func Terms(s string) []string {
	var out []string
	for _, w := range Words(s) {
		if stopWords[w] || len(w) > 40 {
			continue
		}
		st := Stem(w)
		if stopWords[st] {
			continue // an inflection of a stop word ("asks")
		}
		out = append(out, st)
	}
	return out
}

// stopWords are words that say nothing about a passage's topic: function words and the words
// every question about a privacy notice uses.
var stopWords = setOf(`a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each few for from
further had has have having he her here hers herself him himself his how i if in into is isn it its itself just
let me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same
she should so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with won would you your yours
yourself yourselves s t u ur pls please hi hello thanks thank tell know like want wants need needs get got ask
asking asked im ive id youre dont doesnt cant wont also us does anyone someone something whether
caller callers asks actually really stuff things thing anyway ever now come came still back couple hang hanging
wondering wonder bit lot lots okay ok oh much many ve ll re d go going gone went once anymore afterwards
everything anyway`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// IsStopWord reports whether a lower-case word says nothing about a passage's topic.
func IsStopWord(w string) bool { return stopWords[w] || stopWords[Stem(w)] }
