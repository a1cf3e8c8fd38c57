// Package index is the Bleve adapter: it indexes the passages of a corpus with an explicit
// mapping (English analysis with stemming, boosted heading and title fields, keyword fields for
// notice, organisation and service, the domain's synonyms) and implements answer.Retriever.
//
// Bleve's large Index interface stays inside this package. It imports the domain (notice,
// answer) and no other adapter.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/notice"
)

// Field names of an indexed passage.
const (
	fieldBody    = "body"
	fieldNotice  = "notice"
	fieldOrg     = "org"
	fieldService = "service"
	fieldKinds   = "kinds"

	synonymCollection = "privacy-vocabulary"
	synonymSource     = "privacy"

	// unitSep joins a passage ID and the number of one of its pieces in a document ID.
	unitSep = "~"

	// DefaultK is how many passages a question retrieves when it doesn't say.
	DefaultK = 5
	// MaxK bounds what one question may ask for.
	MaxK = 50
)

// Query boosts. A passage's heading and its notice's title are searched with its text, in one
// body field, at the text's weight: the heading's part in choosing what answers is the
// composer's (HeadingWeight), which reads it sentence by sentence. Heading and title fields
// searched apart and boosted decided fewer questions right (round 33, leave-one-development-set-out
// with the abstention model retrained, of 2,398: a heading field at 0.3 or 0.6 of the body's
// weight, 1,773 and 1,763; the title at 0.3, 1,797; neither, 1,795).
const (
	boostText = 1.0
	boostOrg  = 0.8 // an organisation the question names
	// boostKind favours a piece stating the kind of fact asked for ("what's the phone number"
	// → a piece with a phone number), which often shares few words with the question.
	boostKind = 0.6
	// boostContext weighs the words of what a conversation was about against the question's.
	boostContext = 0.3
)

// doc is what Bleve indexes for one passage; the passage itself stays in memory.
type doc struct {
	Body    string   `json:"body"` // the heading path, notice title and text: what the passage is about
	Notice  string   `json:"notice"`
	Org     string   `json:"org"`
	Service string   `json:"service"`
	Kinds   []string `json:"kinds"` // the kinds of fact the piece states (answer.Kinds)
}

// Index retrieves passages of a corpus. It is safe for concurrent use.
type Index struct {
	bleve    bleve.Index
	passages map[string]notice.Passage
	corpus   *notice.Corpus
	vocab    *answer.Vocabulary
	hash     string
	dir      string // "" when in memory
	orgWords map[string]bool
	lex      *answer.Lexicon // a question's acronyms and misspellings, in the corpus's words
}

// orgWords are the words of the organisations' names ("mk", "bucks", "council"): a question
// that uses them is scoped by them (the organisation clause), and they say nothing about which
// of an organisation's passages answers.
func orgWords(c *notice.Corpus) map[string]bool {
	m := map[string]bool{"council": true, "councils": true}
	for _, o := range c.Organisations.All() {
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			for _, w := range answer.Words(name) {
				m[w] = true
			}
		}
	}
	return m
}

var _ answer.Retriever = (*Index)(nil)

// Build indexes a corpus in memory.
func Build(c *notice.Corpus, vocab *answer.Vocabulary) (*Index, error) {
	ix, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	return fill(ix, c, vocab, "")
}

// hashFile records which corpus a persisted index was built from.
const hashFile = "corpus.sha256"

// BuildAt writes a persisted index of the corpus to dir, replacing what is there.
func BuildAt(dir string, c *notice.Corpus, vocab *answer.Vocabulary) (*Index, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("remove old index %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("create index parent %s: %w", filepath.Dir(dir), err)
	}
	bix, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err := fill(bix, c, vocab, dir)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, hashFile), []byte(ix.hash+"\n"), 0o644); err != nil {
		_ = bix.Close()
		return nil, fmt.Errorf("write index hash: %w", err)
	}
	return ix, nil
}

// Open opens the persisted index in dir; when it is missing, unreadable or was built from a
// different corpus (or vocabulary), it is rebuilt there. rebuilt says which happened.
func Open(dir string, c *notice.Corpus, vocab *answer.Vocabulary) (ix *Index, rebuilt bool, err error) {
	want := CorpusHash(c, vocab)
	got, readErr := os.ReadFile(filepath.Join(dir, hashFile))
	if readErr == nil && strings.TrimSpace(string(got)) == want {
		bix, err := bleve.Open(dir)
		if err == nil {
			passages := map[string]notice.Passage{}
			for _, p := range c.Passages() {
				passages[p.ID] = p
			}
			return &Index{bleve: bix, passages: passages, corpus: c, vocab: vocab, hash: want, dir: dir, orgWords: orgWords(c),
				lex: answer.NewLexicon(c.Passages(), vocab)}, false, nil
		}
	}
	ix, err = BuildAt(dir, c, vocab)
	return ix, true, err
}

// CorpusHash identifies a corpus and vocabulary: a persisted index built from another is stale.
func CorpusHash(c *notice.Corpus, vocab *answer.Vocabulary) string {
	h := sha256.New()
	fmt.Fprintf(h, "privacybot-index-v6\n")
	for _, n := range c.Notices {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%d\x00%s\x00", n.ID, n.Title, n.Organisation, n.Service, n.Source, n.UpdatedString(), len(n.Body), n.Body)
	}
	for _, o := range c.Organisations.All() {
		fmt.Fprintf(h, "org\x00%s\x00%s\x00", o.Name, strings.Join(o.Aliases, "\x00"))
	}
	for _, g := range vocab.Groups {
		fmt.Fprintf(h, "syn\x00%s\x00", strings.Join(g, "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func fill(bix bleve.Index, c *notice.Corpus, vocab *answer.Vocabulary, dir string) (*Index, error) {
	ix := &Index{bleve: bix, passages: map[string]notice.Passage{}, corpus: c, vocab: vocab, hash: CorpusHash(c, vocab), dir: dir, orgWords: orgWords(c),
		lex: answer.NewLexicon(c.Passages(), vocab)}
	batch := bix.NewBatch()
	for i, g := range vocab.Groups {
		def := &bleve.SynonymDefinition{Synonyms: g}
		if err := batch.IndexSynonym(fmt.Sprintf("syn-%d", i), synonymCollection, def); err != nil {
			_ = bix.Close()
			return nil, fmt.Errorf("index synonyms %v: %w", g, err)
		}
	}
	for _, p := range c.Passages() {
		ix.passages[p.ID] = p
		org, _ := c.Organisations.Canonical(p.Organisation)
		about := p.Section() + "\n" + p.Title + "\n"
		// Each quotable piece is indexed on its own, so that one bullet of a long list or one
		// sentence of a long paragraph is not drowned by the rest of its passage.
		us := answer.Units(p.Text)
		var kinds []string
		var unitKinds [][]string
		if len(us) < 2 {
			kinds = answer.Kinds(p.Text)
		} else {
			kinds, unitKinds = answer.KindsOfUnits(p.Text, us)
		}
		d := doc{Body: about + p.Text, Notice: p.NoticeID, Org: org, Service: p.Service, Kinds: kinds}
		if err := batch.Index(p.ID, d); err != nil {
			_ = bix.Close()
			return nil, fmt.Errorf("index passage %s: %w", p.ID, err)
		}
		if len(us) < 2 {
			continue
		}
		for i, u := range us {
			d.Body = about + u
			d.Kinds = unitKinds[i]
			if err := batch.Index(fmt.Sprintf("%s%s%d", p.ID, unitSep, i), d); err != nil {
				_ = bix.Close()
				return nil, fmt.Errorf("index passage %s unit %d: %w", p.ID, i, err)
			}
		}
	}
	if err := bix.Batch(batch); err != nil {
		_ = bix.Close()
		return nil, fmt.Errorf("write index batch: %w", err)
	}
	return ix, nil
}

// newMapping is the explicit index mapping: no dynamic fields, nothing stored (passages are kept
// in memory, which is faster than asking Bleve for stored fields or highlights).
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	if err := im.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymCollection,
		"analyzer":   en.AnalyzerName,
	}); err != nil {
		panic(fmt.Sprintf("synonym source: %v", err)) // static configuration; covered by tests
	}
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.SynonymSource = synonymSource
		f.Store = false
		f.IncludeTermVectors = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldBody, text())
	dm.AddFieldMappingsAt(fieldNotice, kw())
	dm.AddFieldMappingsAt(fieldOrg, kw())
	dm.AddFieldMappingsAt(fieldService, kw())
	dm.AddFieldMappingsAt(fieldKinds, kw())
	im.DefaultMapping = dm
	im.DefaultAnalyzer = en.AnalyzerName
	return im
}

// ErrUnknownOrganisation is returned when a question is scoped to an organisation the corpus
// doesn't know.
var ErrUnknownOrganisation = errors.New("unknown organisation")

// ErrUnknownNotice is what every *UnknownNoticeError is (errors.Is): a question was scoped to a
// notice the corpus doesn't have, or to another organisation's.
var ErrUnknownNotice = errors.New("unknown notice")

// UnknownNoticeError is returned when a question is scoped to a notice the corpus doesn't have
// (Organisation is empty), or to a notice of another organisation than the question's, which
// would leave nothing to answer with.
type UnknownNoticeError struct {
	ID                   string // the notice id the question gave
	Organisation         string // the notice's organisation (canonical), when the notice exists
	QuestionOrganisation string // the organisation the question was scoped to (canonical), then
}

func (e *UnknownNoticeError) Error() string { return ErrUnknownNotice.Error() + ": " + e.Detail() }

// Detail says which notice, and when it is another organisation's, whose: `"nope"`, or
// `"mkc-customer-services" is Milton Keynes City Council's notice, not Buckinghamshire Council's`.
func (e *UnknownNoticeError) Detail() string {
	if e.Organisation == "" {
		return fmt.Sprintf("%q", e.ID)
	}
	return fmt.Sprintf("%q is %s's notice, not %s's", e.ID, e.Organisation, e.QuestionOrganisation)
}

// Unwrap makes errors.Is(err, ErrUnknownNotice) true.
func (e *UnknownNoticeError) Unwrap() error { return ErrUnknownNotice }

// searchText is a question's text as the notices would say it: its acronyms and misspellings in
// the corpus's words (Lexicon.Expand), with the notices' words for its phrases (Vocabulary.Rewrite).
func (ix *Index) searchText(s string) string {
	return ix.vocab.Rewrite(ix.lex.Expand(s))
}

// searchWords are the words of a search text that search: neither stop words nor the words of
// the organisations' names.
func (ix *Index) searchWords(text string) []string {
	var words []string
	for _, w := range answer.Words(text) {
		if !answer.IsStopWord(w) && !ix.orgWords[w] {
			words = append(words, w)
		}
	}
	return words
}

// Retrieve returns the passages that best match the question, best first.
func (ix *Index) Retrieve(ctx context.Context, q answer.Question) ([]answer.Hit, error) {
	k := q.K
	if k <= 0 {
		k = DefaultK
	}
	if k > MaxK {
		k = MaxK
	}
	text := ix.searchText(q.Text)
	words := ix.searchWords(text)
	// What the conversation was about is searched beside the question, weighing less: within a
	// notice its words ("complaint records") outweighed what a follow-up asks now ("who do they
	// share it with?"). A follow-up that asks nothing of its own ("and for Bucks?") is its context.
	var about []string
	if q.Context != "" {
		for _, w := range ix.searchWords(ix.searchText(q.Context)) {
			if !slices.Contains(words, w) && !slices.Contains(about, w) {
				about = append(about, w)
			}
		}
		if len(words) == 0 {
			words, about = about, nil
		}
	}
	if len(words) == 0 { // "Bucks council?": the organisation is all it says
		for _, w := range answer.Words(text) {
			if !answer.IsStopWord(w) {
				words = append(words, w)
			}
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	if len(words) > 64 { // a 100 KB question is not 10,000 clauses
		words = words[:64]
	}
	phrase := strings.Join(words, " ")
	body := bleve.NewMatchQuery(phrase)
	body.SetField(fieldBody)
	body.SetBoost(boostText)
	should := []query.Query{body}
	if len(about) > 0 {
		if len(about) > 64 {
			about = about[:64]
		}
		aq := bleve.NewMatchQuery(strings.Join(about, " "))
		aq.SetField(fieldBody)
		aq.SetBoost(boostContext)
		should = append(should, aq)
	}
	var bonus []query.Query // a kind of fact asked for: adds to a passage's score, never needed
	if kind := answer.AskedKind(q.Text); kind != "" {
		t := bleve.NewTermQuery(kind)
		t.SetField(fieldKinds)
		t.SetBoost(boostKind)
		bonus = append(bonus, t)
	}
	if answer.IsDefinitionQuestion(q.Text) {
		// "What is a cookie?": the sentence that says what it is, among the many that mention it.
		t := bleve.NewTermQuery(answer.KindDefinition)
		t.SetField(fieldKinds)
		t.SetBoost(boostKind)
		bonus = append(bonus, t)
	}
	var must []query.Query
	if q.Organisation != "" {
		org, ok := ix.corpus.Organisations.Canonical(q.Organisation)
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrUnknownOrganisation, q.Organisation)
		}
		t := bleve.NewTermQuery(org)
		t.SetField(fieldOrg)
		must = append(must, t)
	} else {
		// An organisation the question names counts in its favour, without shutting others out
		// ("do you share with Bucks Fire and Rescue?" is not a question about Buckinghamshire).
		for _, org := range ix.corpus.Organisations.Mentioned(q.Text) {
			t := bleve.NewTermQuery(org)
			t.SetField(fieldOrg)
			t.SetBoost(boostOrg)
			should = append(should, t)
		}
	}
	if q.NoticeID != "" {
		n, ok := ix.corpus.Notice(q.NoticeID)
		if !ok {
			return nil, &UnknownNoticeError{ID: q.NoticeID}
		}
		org, _ := ix.corpus.Organisations.Canonical(q.Organisation)
		if nOrg, _ := ix.corpus.Organisations.Canonical(n.Organisation); q.Organisation != "" && org != nOrg {
			// Both filters would leave nothing, and "the notices don't answer that" would be a lie.
			return nil, &UnknownNoticeError{ID: q.NoticeID, Organisation: nOrg, QuestionOrganisation: org}
		}
		t := bleve.NewTermQuery(q.NoticeID)
		t.SetField(fieldNotice)
		must = append(must, t)
	}
	// The question's words (or a council it names) must match; the kind of fact asked adds to
	// the score. In one disjunction, Bleve scales a passage's score by the share of clauses it
	// meets, so a passage meeting only the words scored half when the question also asked a kind
	// of fact, below passages meeting only the kind: "what is special category data?" read eight
	// definitions of other things.
	bq := bleve.NewBooleanQuery()
	bq.AddMust(append(must, bleve.NewDisjunctionQuery(should...))...)
	if len(bonus) > 0 {
		bq.AddShould(bonus...)
		bq.SetMinShould(0)
	}
	var root query.Query = bq
	// Pieces and whole passages are both documents: ask for enough to find k passages.
	req := bleve.NewSearchRequestOptions(root, k*5, 0, false)
	// Equal scores are common (two notices of one council share a paragraph word for word): the
	// document ID breaks the tie, so the same question always gets the same answer.
	req.SortBy([]string{"-_score", "_id"})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	hits := make([]answer.Hit, 0, k)
	seen := map[string]bool{}
	for _, h := range res.Hits { // best first: a passage scores as its best document
		id, _, _ := strings.Cut(h.ID, unitSep)
		p, ok := ix.passages[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		hits = append(hits, answer.Hit{Passage: p, Score: steady(h.Score)})
		if len(hits) == k {
			break
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Passage.ID < hits[j].Passage.ID
	})
	return hits, nil
}

// steady rounds a score to nine decimal places: Bleve sums a score's parts in no fixed order, so
// two passages with the same words can score 0.1285261647044026 in one run and
// 0.12852616470440256 in the next; rounded, they tie, and the tie is broken by passage ID.
func steady(score float64) float64 { return math.Round(score*1e9) / 1e9 }

// Stats describes an index.
type Stats struct {
	Notices  int    `json:"notices"`
	Passages int    `json:"passages"`
	Synonyms int    `json:"synonym_groups"`
	Hash     string `json:"corpus_hash"`
	Dir      string `json:"dir,omitempty"`
}

// Stats reports what the index holds.
func (ix *Index) Stats() Stats {
	return Stats{Notices: len(ix.corpus.Notices), Passages: len(ix.passages), Synonyms: len(ix.vocab.Groups), Hash: ix.hash, Dir: ix.dir}
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bleve.Close() }
