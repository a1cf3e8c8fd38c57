// Package hybrid fuses two rankings of the notices' passages: the lexical one (Bleve's) and the
// passages nearest the question by embedding, by reciprocal rank fusion. It is optional: it runs
// only when an embedding model is configured, and any failure of the model leaves the lexical
// ranking as it is.
//
// Passage vectors are cached on disk, keyed by the model and the passages' text, and computed
// again only when either changes. This package imports the domain (answer, notice) and no
// adapter: the embedding model and the lexical index come in through small interfaces.
package hybrid

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/notice"
)

// Embedder turns text into vectors (the llm package's Embedder is one).
type Embedder interface {
	Model() string
	EmbedPassages(ctx context.Context, texts []string) ([][]float32, error)
	EmbedQuestion(ctx context.Context, q string) ([]float32, error)
}

// rrfK is reciprocal rank fusion's constant: a passage at rank r in a ranking adds 1/(rrfK + r).
// 60 is the value of the method's paper (Cormack, Clarke and Büttcher, 2009), robust across
// collections.
const rrfK = 60

// Retriever is a lexical retriever with the passages nearest the question by embedding fused in.
type Retriever struct {
	lexical  answer.Retriever
	corpus   *notice.Corpus
	embed    Embedder
	passages []notice.Passage
	vectors  [][]float32

	dim int // the length every vector has

	mu      sync.Mutex
	recent  map[string][]float32 // question vectors by the text embedded
	dimOnce atomic.Bool          // a question vector of another length was reported
	// OnFallback, when set, is told each time the question couldn't be embedded and the lexical
	// ranking was returned alone; once only when the question's vector has another length than
	// the passages' (ErrDimensions), as it will have again.
	OnFallback func(err error)
}

var _ answer.Retriever = (*Retriever)(nil)

// New embeds the corpus's passages, or reads their vectors from cacheDir when the model and the
// passages are the ones they were made from, and writes them there when not. An empty cacheDir
// keeps them in memory only.
func New(ctx context.Context, lexical answer.Retriever, c *notice.Corpus, e Embedder, cacheDir string) (*Retriever, error) {
	r := &Retriever{lexical: lexical, corpus: c, embed: e, passages: c.Passages(), recent: map[string][]float32{}}
	key := cacheKey(e.Model(), r.passages)
	file := ""
	if cacheDir != "" {
		file = filepath.Join(cacheDir, "embeddings-"+key[:16]+".json")
		if vs, err := readCache(file, key, len(r.passages)); err == nil {
			if d := dimension(vs); d > 0 {
				r.vectors, r.dim = vs, d
				return r, nil
			}
		}
	}
	texts := make([]string, len(r.passages))
	for i, p := range r.passages {
		texts[i] = p.Title + "\n" + p.Section() + "\n" + p.Text
	}
	vs, err := e.EmbedPassages(ctx, texts)
	if err != nil {
		return nil, err
	}
	if len(vs) != len(r.passages) {
		return nil, fmt.Errorf("embedded %d passages, got %d vectors", len(r.passages), len(vs))
	}
	// Vectors of differing lengths can't be compared (cosine would be 0, the ranking arbitrary):
	// refused, and not cached.
	if r.dim = dimension(vs); r.dim == 0 {
		return nil, fmt.Errorf("embedding model %s: %w", e.Model(), errBadVectors(vs))
	}
	r.vectors = vs
	if file != "" {
		if err := writeCache(file, key, vs); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Retrieve ranks passages lexically and by embedding and fuses the two rankings.
func (r *Retriever) Retrieve(ctx context.Context, q answer.Question) ([]answer.Hit, error) {
	k := q.K
	if k <= 0 {
		k = 5
	}
	wide := q
	wide.K = max(2*k, 10) // each ranking looks wider than the answer needs
	lexical, err := r.lexical.Retrieve(ctx, wide)
	if err != nil {
		return nil, err // an unknown organisation or notice: the asker's to fix
	}
	qv, err := r.question(ctx, q)
	if err == nil && len(qv) != r.dim {
		err = fmt.Errorf("%w: the question's has %d numbers, the passages' %d", ErrDimensions, len(qv), r.dim)
		if r.dimOnce.Swap(true) {
			return lexical[:min(k, len(lexical))], nil // said once; the model won't change its mind
		}
	}
	if err != nil {
		if r.OnFallback != nil {
			r.OnFallback(err)
		}
		return lexical[:min(k, len(lexical))], nil
	}
	fused := map[string]float64{}
	byID := map[string]notice.Passage{}
	for i, h := range lexical {
		fused[h.Passage.ID] += 1 / float64(rrfK+i+1)
		byID[h.Passage.ID] = h.Passage
	}
	for i, n := range r.nearest(qv, q, wide.K) {
		fused[n.ID] += 1 / float64(rrfK+i+1)
		byID[n.ID] = n
	}
	hits := make([]answer.Hit, 0, len(fused))
	for id, s := range fused {
		hits = append(hits, answer.Hit{Passage: byID[id], Score: s})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Passage.ID < hits[j].Passage.ID
	})
	return hits[:min(k, len(hits))], nil
}

// ErrDimensions is why a question was answered from the index alone when the model gave its
// vector another length than the passages'.
var ErrDimensions = errors.New("the embedding model's vectors changed length")

// dimension is the length all the vectors share; 0 when they don't, or it is 0.
func dimension(vs [][]float32) int {
	if len(vs) == 0 {
		return 0
	}
	for _, v := range vs {
		if len(v) != len(vs[0]) {
			return 0
		}
	}
	return len(vs[0])
}

// errBadVectors says how the passages' vectors are unusable.
func errBadVectors(vs [][]float32) error {
	lengths := map[int]int{}
	for _, v := range vs {
		lengths[len(v)]++
	}
	if len(lengths) == 1 {
		return errors.New("the passages' vectors are empty")
	}
	return fmt.Errorf("the passages' vectors have %d different lengths", len(lengths))
}

// recentQuestions is how many question vectors are kept: a turn embeds its question once
// though both the extractive answerer and the model retrieve for it (and each council named
// retrieves again).
const recentQuestions = 32

// question embeds the question as the person typed it (AsTyped): the text the composer searches
// with has its acronyms expanded, and personal data rewritten so escapes redaction. A question
// embedded lately is not embedded again.
func (r *Retriever) question(ctx context.Context, q answer.Question) ([]float32, error) {
	text := q.AsTyped
	if text == "" {
		text = q.Text
	}
	r.mu.Lock()
	v, ok := r.recent[text]
	r.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := r.embed.EmbedQuestion(ctx, text)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.recent) >= recentQuestions {
		clear(r.recent) // simpler than an LRU; what matters is the turn in progress
	}
	r.recent[text] = v
	return v, nil
}

// nearest are the n passages in the question's scope most like it by cosine similarity.
func (r *Retriever) nearest(qv []float32, q answer.Question, n int) []notice.Passage {
	org := ""
	if q.Organisation != "" {
		org, _ = r.corpus.Organisations.Canonical(q.Organisation)
	}
	type scored struct {
		i   int
		sim float64
	}
	var all []scored
	for i, p := range r.passages {
		if q.NoticeID != "" && p.NoticeID != q.NoticeID {
			continue
		}
		if org != "" {
			if po, _ := r.corpus.Organisations.Canonical(p.Organisation); po != org {
				continue
			}
		}
		all = append(all, scored{i, cosine(qv, r.vectors[i])})
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].sim > all[b].sim })
	out := make([]notice.Passage, 0, n)
	for _, s := range all[:min(n, len(all))] {
		out = append(out, r.passages[s.i])
	}
	return out
}

func cosine(a, b []float32) float64 {
	if len(a) != len(b) {
		return 0
	}
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// cacheKey identifies the vectors of a model over passages.
func cacheKey(model string, ps []notice.Passage) string {
	h := sha256.New()
	fmt.Fprintf(h, "privacybot-embeddings-v1\x00%s\x00", model)
	for _, p := range ps {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", p.ID, p.Title, p.Section(), p.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type cacheFile struct {
	Key     string      `json:"key"`
	Vectors [][]float32 `json:"vectors"`
}

var errStale = errors.New("embedding cache is for other passages or another model")

func readCache(file, key string, n int) ([][]float32, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var c cacheFile
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if c.Key != key || len(c.Vectors) != n {
		return nil, errStale
	}
	return c.Vectors, nil
}

// writeCache writes the vectors to a temporary file and renames it into place, so that a crash
// never leaves half a cache.
func writeCache(file, key string, vs [][]float32) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	b, err := json.Marshal(cacheFile{Key: key, Vectors: vs})
	if err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	// Vectors of an earlier corpus or model are never read again.
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "embeddings-*.json"))
	for _, o := range old {
		if o != file {
			_ = os.Remove(o)
		}
	}
	return nil
}
