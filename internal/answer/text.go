package answer

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/privacybot/privacybot/internal/wordvec"
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
	re    *regexp.Regexp
	words []string // the phrase's words in lower case: a question without one of them can't match
	with  string
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
		re, err := regexp.Compile(`(?i)\b` + phrasePattern(k) + `\b`)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %w", k, err)
		}
		v.phraseRes = append(v.phraseRes, phraseRule{re: re, words: strings.Fields(strings.ToLower(k)), with: doc.Phrases[k]})
	}
	return v, nil
}

// phraseGap is what may stand between the words of a phrase: up to two function words, so that
// "hand it over", "is it a computer that decides" and "take my consent back" read as "hand over",
// "computer decides" and "take back".
const phraseGap = `(?:\W+(?:a|an|the|it|its|that|this|which|who|to|be|is|are|was|will|would|can|could|may|might|me|my|your|our|their|them|him|her|his|of|all|any)){0,2}\W+`

// phrasePattern is the regular expression of a phrase whose words may be parted by phraseGap.
// An acronym may be plural: "DPOs" are DPOs. (Any phrase's last word plural, as "data protection
// officers", decided 4 fewer development questions right when each set was left out in turn.)
func phrasePattern(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	if len(words) == 1 && len(phrase) <= 4 && !strings.HasSuffix(phrase, "s") {
		words[0] += `s?`
	}
	return strings.Join(words, phraseGap)
}

// Rewrite appends the notice words for the phrases a question uses, keeping the question.
func (v *Vocabulary) Rewrite(q string) string {
	var extra []string
	lower := strings.ToLower(q)
	for _, r := range v.phraseRes {
		if r.mayMatch(lower) && r.re.MatchString(q) {
			extra = append(extra, r.with)
		}
	}
	if len(extra) == 0 {
		return q
	}
	return q + " " + strings.Join(extra, " ")
}

// mayMatch reports whether a lower-cased question has every word of the phrase somewhere, which
// its expression needs: most questions lack one, and the check costs a fraction of the
// expression's backtracking over the whole question.
func (r phraseRule) mayMatch(lower string) bool {
	for _, w := range r.words {
		if !strings.Contains(lower, w) {
			return false
		}
	}
	return true
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

// Stem is the stem the notices' words are compared by: the Porter stem, except that the people
// and bodies that do something keep their own ("employer" is not "employment"); see
// wordvec.Stem, whose stems the word vectors are made for.
func Stem(w string) string { return wordvec.Stem(w) }

// Words splits text into lower-case words (letters and digits).
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Terms is the analysed form of text: words that aren't stop words, stemmed.
func Terms(s string) []string {
	var out []string
	for _, t := range termWords(s) {
		out = append(out, t.term)
	}
	return out
}

// termWord is a word of text as written (lower case) and its term.
type termWord struct{ word, term string }

// termWords are Terms with the words they come from: how common a word is depends on the word
// as written ("parking"), not its stem ("park").
func termWords(s string) []termWord {
	var out []termWord
	for _, w := range Words(s) {
		if stopWords[w] || len(w) > 40 {
			continue
		}
		st := Stem(w)
		if stopWords[st] {
			continue // an inflection of a stop word ("asks")
		}
		out = append(out, termWord{w, st})
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
whoever whatever whichever wherever whenever caller callers asks actually really stuff things thing anyway ever now come came still back couple hang hanging
wondering wonder bit lot lots okay ok oh much many ve ll re d go going gone went once anymore afterwards
everything anyway`)

// commonShare is the weight of an everyday word ("sorted", "problem", "according") as a share of
// the weight its rarity in the notices would give it. Rarity in a few pages of privacy notices
// doesn't make "sorted" the topic of a question, as it makes "CCTV" or "ANPR" one: people wrap a
// question in everyday words the notices have no reason to use.
const commonShare = 0.3

// commonWords are stems of everyday English words that carry the wording of a question rather
// than its topic: general verbs, adverbs and nouns of conversation. They still count when a
// sentence has them, only less. Privacy notices' own topics (records, cookies, complaints,
// security…) are not here.
var commonWords = stemSet(`able according actual add again ago agree almost along already alright although always
amount another answer answered answering anybody anything anyhow anywhere appear apply applied around arrive
away bad basically become before begin believe best better big bother bring brought busy called calling carry case
certain certainly clear close closed completely consider currently deal dealing decide
different done doubt during early easy either else end ended ending enough entire even evening every everybody
exactly example except fact fair far feel felt few fine find finish finished follow found free friend full
general give given gives giving good great guess guy happen happened happening happens hard have hear heard help
home honest hope however idea important instead keen kind last late later least leave left
less little live look looking looks lose lost lot made main make makes making matter maybe mean means meant
meet mention mentioned might mind minute moment morning much must near nearly never new next
nice night normal normally note nothing often old open other otherwise page part particular past people
perhaps phoned place plan point possible possibly pretty probably problem problems properly put question quick
quickly quite rang rather read ready real reason recent recently remember right round run said same saw say
saying says second seem seems set several short show side simple since small sort sorted
sorting sound start started still stuff sure take taken talk talked talking tell telling thing think thought
today told took top total touch tried true try trying turn turned type typed understand unless upon use
usual usually various view wait want way well whatever whole wish word world worry year
yes yesterday yet
gave went wrote written thought bought brought knew known seen saw felt heard did done
story stories suppose supposed inside cover covered covers literally honestly genuinely seriously
mate bloke lady chap folks everyone somebody somewhere someday weird odd strange scary creepy annoying
anyway properly basically fully totally curious confused confusing wondered ahead`)

func stemSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[Stem(w)] = true
	}
	return m
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// IsStopWord reports whether a lower-case word says nothing about a passage's topic.
func IsStopWord(w string) bool { return stopWords[w] || stopWords[Stem(w)] }
