package answer

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	porter "github.com/blevesearch/go-porterstemmer"
	"gopkg.in/yaml.v3"

	"github.com/privacybot/privacybot/internal/notice"
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
		re, err := regexp.Compile(`(?i)\b` + phrasePattern(k) + `\b`)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %w", k, err)
		}
		v.phraseRes = append(v.phraseRes, phraseRule{re: re, with: doc.Phrases[k]})
	}
	return v, nil
}

// phraseGap is what may stand between the words of a phrase: up to two function words, so that
// "hand it over", "is it a computer that decides" and "take my consent back" read as "hand over",
// "computer decides" and "take back".
const phraseGap = `(?:\W+(?:a|an|the|it|its|that|this|which|who|to|be|is|are|was|will|would|can|could|may|might|me|my|your|our|their|them|him|her|his|of|all|any)){0,2}\W+`

// phrasePattern is the regular expression of a phrase whose words may be parted by phraseGap.
func phrasePattern(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, phraseGap)
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

// Stem is the Porter stem of a word, except that the people and bodies that do something keep
// their own stem: Porter makes "employer" and "employment", "officer" and "office", "provider"
// and "provide" one word, and a question about an employer is not answered by the name of an
// employment service.
func Stem(w string) string {
	w = strings.ToLower(w)
	if agentNouns[w] {
		return w
	}
	if one := strings.TrimSuffix(w, "s"); agentNouns[one] {
		return one
	}
	return porter.StemString(w)
}

// agentNouns are the "-er" and "-or" nouns of privacy notices whose Porter stem is that of a
// different word (employ, offic, provid, control, review, manag, advis, process, own, use).
var agentNouns = setOf(`employer officer provider controller reviewer manager adviser advisor
processor owner user carer worker volunteer supplier partner commissioner`)

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

// Answer kinds: what shape of fact a question asks for. "How long do you keep…" wants a period,
// "what's the phone number…" a phone number. A sentence without that shape of fact doesn't
// answer, however many of the question's words it shares; and when no sentence of the notices
// has it, the bot abstains. The shapes are those of any council's notice, not of particular ones.
const (
	KindPhone    = "phone"    // a telephone number
	KindPostcode = "postcode" // a postal address, which ends in a UK postcode
	KindEmail    = "email"    // an e-mail address
	KindDuration = "duration" // how long something is kept: a period, "until …", a retention schedule
	KindDeadline = "deadline" // how soon something must be done: a number of days, weeks or months
	KindDate     = "date"     // a calendar date
	KindPrice    = "price"    // what something costs: an amount, or that there is no charge
	KindAge      = "age"      // how old someone must be: "aged 12 or over", "under 18"
	KindName     = "name"     // a person's or a company's name: "Nadia Okonjo", "Greenline Waste Services Ltd"
	KindHours    = "hours"    // opening hours: "9am to 5pm", "Monday to Friday"
	KindOften    = "often"    // how often something happens: "every two years", "annually"
	KindCount    = "count"    // how many of something there are: "39 councillors", "three cameras"
	// KindContact is any way to reach someone: a phone number, a postal address or an e-mail.
	// "Who is the data protection officer?" asks for it: the notices answer with a contact block.
	KindContact = "contact"
	// KindDefinition is a sentence saying what something is or does ("A cookie is a small text
	// file …", "We are a partnership team …"). It is never a gate, only a preference for
	// "what is …?" questions (IsDefinitionQuestion).
	KindDefinition = "definition"
)

const (
	numberWords = `\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|hundred`
	monthNames  = `january|february|march|april|may|june|july|august|september|october|november|december`
)

// kindRes find each kind of fact in a sentence.
var kindRes = map[string]*regexp.Regexp{
	KindPhone:    regexp.MustCompile(`(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b`),
	KindPostcode: regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`),
	KindEmail:    regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`),
	KindDuration: regexp.MustCompile(`(?i)\b(?:` + numberWords + `)(?:\s+|-)(?:calendar\s+|working\s+|business\s+|full\s+)?(?:years?|months?|weeks?|days?|hours?)\b|\buntil\b|\bfor as long as\b|\bno longer than\b|\bretention (?:schedules?|periods?|polic(?:y|ies))\b|\bpermanently\b|\bindefinitely\b|\bperiods? (?:of time )?(?:that|for which) (?:we|the|your|it)\b`),
	KindDeadline: regexp.MustCompile(`(?i)\b(?:` + numberWords + `)(?:\s+|-)(?:calendar\s+|working\s+|business\s+|clear\s+)?(?:days?|weeks?|months?)\b`),
	KindPrice:    regexp.MustCompile(`(?i)£\s?\d|\bfree of charge\b|\b(?:is|are|it's|is usually|are usually)\s+free\b|\bno (?:charge|fee|cost)\b|\bwithout (?:charge|a fee)\b|\bnot (?:charge|make a charge)\b|\b(?:a|an|the)\s+(?:reasonable\s+|administrative\s+|admin\s+|small\s+)?(?:fee|charge)\b|\bfees?\s+(?:is|are|of|for)\b`),
	KindHours:    regexp.MustCompile(`(?i)\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b24 hours\b|\bopening (?:hours|times)\b`),
	KindOften:    regexp.MustCompile(`(?i)\bevery\b|\b(?:hourly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b|\bonce (?:a|an|every)\b|\btimes? (?:a|an|per|each)\b|\beach (?:day|week|month|year)\b|\b(?:a|per) (?:day|week|month|year)\b`),
	KindCount:    regexp.MustCompile(`(?i)\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b`),
	KindAge:      regexp.MustCompile(`(?i)\baged?\s+(?:\d+|under|over|between)\b|\b\d+\s+(?:years?\s+)?(?:or over|or older|and over|or above|or under|and under)\b|\b(?:under|over)(?: the age of)?\s+\d+\b|\b\d+\s*-?\s*years?\s*-?\s*old\b|\bages? of\s+\d+`),
	KindDate:     regexp.MustCompile(`(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:` + monthNames + `)\s+\d{4}\b|\b(?:` + monthNames + `)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b`),
}

// kindWords are the words with which a question asks for a kind of fact; a sentence that has
// the fact says them ("Tel No: 01908 …" answers "what's the phone number").
var kindWords = map[string]string{
	KindPhone:    "phone telephone number ring call contact",
	KindPostcode: "postal post address write send based located",
	KindEmail:    "email address",
	KindDuration: "long keep retention period years time",
	KindDeadline: "long days weeks months quickly soon fast time limit deadline respond reply answer keep retention period years",
	KindDate:     "date updated changed reviewed published",
	KindAge:      "age aged old years year",
	KindHours:    "time times open opening hours close closing",
	KindOften:    "often frequently",
	KindCount:    "many number",
	KindName:     "name named company companies firm supplier contractor provider person",
	KindPrice:    "cost costs charge charges fee fees pay price much free fine fined",
	KindContact:  "contact details reach touch address",
}

// askedKindRes recognise the questions that ask for a kind of fact, most specific first.
var askedKindRes = []struct {
	kind string
	re   *regexp.Regexp
}{
	{KindDeadline, regexp.MustCompile(`\bhow long (?:do|does|have|has|will|would) (?:i|we|you|they|he|she|it|the council|my \w+)\s+(?:have|got|get)\s+to\s+(?:ask|appeal|challenge|request|apply|complain|object|respond|reply|tell|report|pay|send|return|renew|decide|register)\b|\bhow many (?:working |calendar )?(?:days|weeks)\b|\bhow (?:quickly|soon|fast)\b|\btime ?limits?\b|\bdeadlines?\b|\bhow long\b[^?.!]*\b(?:to|till|until|before)\s+(?:respond|reply|answer|deal with|process|get back|send|provide|give|do|complete|take)\b|\bhow long (?:are|is) (?:they|you|the council|it) allowed\b`)},
	{KindPrice, regexp.MustCompile(`\bhow much\b[^?.!]*\b(?:cost|costs|charge|charges|charged|pay|fee|fees|fine|fined|price)\b|\b(?:cost|costs|charge|charged|fee|fees|fine|fined|price)\b[^.!]{0,80}\bhow much\b|\b(?:is|are) there (?:a|an|any)\s+(?:[\w']+\s+)?(?:fee|fees|charge|charges|cost)\b|\b(?:do|does|will|would|did) (?:i|we|you|they|it|the council)\s+(?:have to\s+|need to\s+|still\s+)?(?:pay|charge)\b|\bis (?:it|that|this) free\b|\bfree of charge\b|\bwhat(?:'s| is| are)? the (?:fee|fees|charge|charges|cost|price)\b`)},
	{KindDuration, regexp.MustCompile(`\bhow long\b|\bretention (?:period|time)s?\b|\bretention\s*(?:[-–—?:]|$|(?:for|of|on)\b)|\bhow many (?:years|months)\b|\bfor how long\b`)},
	{KindDate, regexp.MustCompile(`\bwhen (?:was|were|did)\b[^?.!]*\b(?:updated?|changed?|reviewed?|published|written|revised)\b|\bwhat date\b|\blast (?:updated|changed|reviewed|revised)\b`)},
	{KindHours, regexp.MustCompile(`\bwhat time (?:does|do|is|are)\b[^?.!]*\b(?:open|close|shut|answer|staffed)\b|\bopening (?:hours|times)\b|\bwhen (?:is|are|does|do)\b[^?.!]*\bopen\b`)},
	{KindOften, regexp.MustCompile(`\bhow often\b|\bhow frequently\b`)},
	{KindCount, regexp.MustCompile(`^\W*(?:so\s+|and\s+)?how many\s+(?:[a-z]+\s+){0,2}?(?:do|does|did|are|is|were|has|have|will)\b`)},
	{KindAge, regexp.MustCompile(`\b(?:at )?what age\b|\bhow old\b|\b(?:minimum|youngest) age\b|\bage limit\b|\bold enough\b`)},
	{KindName, regexp.MustCompile(`\bwhat(?:'s|s| is| are)? (?:the |their |his |her |its )?names?\b|\bnames? of (?:the|your|their|its|our)\b|\bwhich (?:\w+ )?(?:company|companies|firm|firms|supplier|suppliers|contractor|contractors)\b|\bwho (?:is|are) (?:the )?named\b|\bnamed (?:person|officer|contact|individual)\b|\bi want a name\b`)},
	{KindEmail, regexp.MustCompile(`\b(?:what|what's|whats|which|give me|need)\b[^?.!]*\b(?:the|an|their|its|a)\s+e-?mail(?: address)?\b`)},
	{KindPhone, regexp.MustCompile(`^(?:[\w']+\s+){0,6}(?:phone|telephone|tel|contact|helpline)\s*(?:number|no)\b[^?.!]{0,30}$|\b(?:what|what's|whats|which|give me|need)\b[^?.!]*\b(?:the|a|their|its)\s+(?:[\w']+\s+){0,3}?(?:phone|telephone|tel|contact|helpline)\s*(?:number|no)\b|\b(?:who|where|what number)\b[^?.!]*\b(?:do|should|can|could)\s+i\s+(?:ring|call|phone|telephone)\b|\bnumber\s+(?:to|for|i can)\s+(?:ring|call)\b`)},
	{KindContact, regexp.MustCompile(`\bwho(?:'s| is| are)\s+(?:the|your|their|its|our)?\s*(?:[\w']+\s+){0,3}?(?:data protection officer|dpo|data controller|controller|data protection (?:team|lead))\b|\bcontact (?:details|info|information)\b`)},
	{KindPostcode, regexp.MustCompile(`\b(?:postal|post|mailing|office)\s+address\b|\baddress\s+(?:to|for)\s+(?:write|send|post)\b|\bwhere\b[^?.!]*\b(?:write to|send (?:a letter|post)|based|located)\b|\b(?:what|what's|whats|which)\b[^?.!]*\bthe\s+address\b`)},
}

// AskedKind says what kind of fact a question asks for (KindPhone, KindDuration, …), or "" when
// it asks for none in particular.
func AskedKind(question string) string {
	q := strings.ToLower(question)
	for _, k := range askedKindRes {
		if k.re.MatchString(q) {
			return k.kind
		}
	}
	return ""
}

// HasKind reports whether text states a fact of the kind.
func HasKind(text, kind string) bool {
	if kind == KindDefinition {
		return definitionRe.MatchString(text)
	}
	if kind == KindName {
		return hasName(text)
	}
	if kind == KindContact {
		return HasKind(text, KindPhone) || HasKind(text, KindPostcode) || HasKind(text, KindEmail)
	}
	re, ok := kindRes[kind]
	if !ok {
		return false
	}
	if kind == KindEmail {
		text = strings.ReplaceAll(text, "[email protected]", "") // a placeholder the captured pages left
	}
	return re.MatchString(text)
}

// Kinds lists the kinds of fact text states, in a fixed order, for the index to favour a passage
// stating the kind a question asks for. A number (KindCount) is in most passages, so it is not
// listed: favouring every passage says nothing.
func Kinds(text string) []string {
	var out []string
	for _, k := range []string{KindPhone, KindPostcode, KindEmail, KindDuration, KindDeadline, KindDate, KindPrice, KindAge, KindName, KindHours, KindOften, KindContact, KindDefinition} {
		if HasKind(text, k) {
			out = append(out, k)
		}
	}
	return out
}

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
			for ki, key := range []string{all.String(), content.String()} {
				if utf8.RuneCountInString(key) < 2 || ki == 1 && len(key) == 2 && len(key) < len(phrase) {
					continue // two letters stand for two words, not "Accident and incident"
				}
				text := strings.Join(phrase, " ")
				byPhrase := l.acronyms[key]
				if byPhrase == nil {
					byPhrase = map[string]*acronym{}
					l.acronyms[key] = byPhrase
				}
				id := strings.Join(Terms(text), " ") // "payment" and "payments" are one phrase
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
	q = sectionRe.ReplaceAllString(q, "section $1")
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := q[start:end]
		if start > 0 && q[start-1] == '-' || end < len(q) && q[end] == '-' {
			b.WriteString(w) // a part of "PAR-Q" or "opt-out" is not a word on its own
		} else {
			b.WriteString(l.replace(w))
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

// sectionRe finds the shorthand for a section of an Act: "s115", "s.115", "s 17".
var sectionRe = regexp.MustCompile(`(?i)\bs\.?\s?(\d{1,3}[A-Z]?)\b`)

// replace is a word of a question, or what the corpus calls it.
func (l *Lexicon) replace(w string) string {
	low := strings.ToLower(w)
	if l.words[low] > 0 || stopWords[low] || l.stems[Stem(low)] || l.vocab.known(low) {
		return w
	}
	n := utf8.RuneCountInString(low)
	if n >= 2 && n <= 5 && (low != w || !spokenCommon(low)) {
		// "far" in lower case is the word, not "Fire and Rescue"; "FAR" may be either.
		if p, ok := l.acronym(w); ok {
			return p
		}
	}
	if n >= minCorrected && !commonWords[Stem(low)] {
		if c, ok := l.correction(low); ok {
			return c
		}
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
func everydayWord(w string) bool { return spokenCommon(w) || commonWords[Stem(w)] || stopWords[w] }

// minSynonymed is the shortest word read as its WordNet synonym.
const minSynonymed = 4

// minCorrected is the shortest word the lexicon corrects: a shorter one is as likely a word of
// its own ("counts", "carers") as a slip of one the notices use ("courts", "careers").
const minCorrected = 8

// correction finds the corpus word a misspelt word means: one letter added, dropped, changed or
// two swapped, with the same first letter and the same last two letters (a different ending is
// another word: "browse" and "browser"). The most frequent such word wins; none when two are
// as frequent.
func (l *Lexicon) correction(w string) (string, bool) {
	r := []rune(w)
	best, bestN, tie := "", 0, false
	for _, c := range l.byFirst[r[0]] {
		cr := []rune(c)
		if len(cr) < minCorrected || abs(len(cr)-len(r)) > 1 || string(cr[len(cr)-2:]) != string(r[len(r)-2:]) || editDistance(r, cr) > 1 {
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal string alignment distance: insertions, deletions, substitutions
// and swaps of neighbouring letters.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
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

// companyRe finds a company's name: capitalised words ending in Ltd, Limited, plc or LLP.
var companyRe = regexp.MustCompile(`\b[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}\s+(?:Ltd|Limited|plc|PLC|LLP)\b`)

// personRe finds what may be a person's name: two or three capitalised words, after "is" or
// "by" or on a line of their own ("Our Data Protection Officer is Nadia Okonjo.", "Maria
// Damigos").
var personRe = regexp.MustCompile(`(?m)(?:\b(?:is|are|by)\s+|^\s*)((?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b\.?\s*(?:$|[,.;(])`)

// roleWords are capitalised words of roles, bodies and places, never of a person's name.
var roleWords = setOf(`data protection officer council team service services office information commissioner
customer customers centre center department city borough county district civic house hall square street road lane
general regulation act safeguarding board trust nhs health care social adult children library libraries
privacy notice policy statement website registration electoral elections cabinet national fraud initiative
the our your their a an this that`)

// hasName reports whether text names a person or a company.
func hasName(text string) bool {
	if companyRe.MatchString(text) {
		return true
	}
	for _, m := range personRe.FindAllStringSubmatch(text, -1) {
		role := false
		for _, w := range strings.Fields(m[2]) {
			if roleWords[strings.ToLower(w)] {
				role = true
			}
		}
		if !role {
			return true
		}
	}
	return false
}
