package hybrid_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/hybrid"
	"github.com/privacybot/privacybot/internal/llm/llmtest"
	"github.com/privacybot/privacybot/internal/notice"
)

// fakeEmbedder embeds with the fake model's word-hash vectors and counts its calls.
type fakeEmbedder struct {
	model         string
	passages      int // texts embedded as passages
	fail          error
	failQuestions error
	// shape, when set, gives the i-th passage's vector its length (a model's bug); questionLen,
	// when not zero, the question's.
	shape       func(i int) int
	questionLen int
	questions   []string // texts embedded as questions
}

func (f *fakeEmbedder) Model() string { return f.model }

func (f *fakeEmbedder) EmbedPassages(_ context.Context, texts []string) ([][]float32, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	f.passages += len(texts)
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = llmtest.Embedding(t)
		if f.shape != nil {
			out[i] = resize(out[i], f.shape(i))
		}
	}
	return out, nil
}

func resize(v []float32, n int) []float32 {
	out := make([]float32, n)
	copy(out, v)
	return out
}

func (f *fakeEmbedder) EmbedQuestion(_ context.Context, q string) ([]float32, error) {
	if f.failQuestions != nil {
		return nil, f.failQuestions
	}
	f.questions = append(f.questions, q)
	if f.questionLen != 0 {
		return resize(llmtest.Embedding(q), f.questionLen), nil
	}
	return llmtest.Embedding(q), nil
}

// lexicalOnly retrieves the passages of the question's scope whose text has a word of the
// question, in corpus order.
type lexicalOnly struct{ c *notice.Corpus }

func (l lexicalOnly) Retrieve(_ context.Context, q answer.Question) ([]answer.Hit, error) {
	var hits []answer.Hit
	for _, p := range l.c.Passages() {
		if q.Organisation != "" && p.Organisation != q.Organisation {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(q.Text)) {
			if len(w) > 4 && strings.Contains(strings.ToLower(p.Text), w) {
				hits = append(hits, answer.Hit{Passage: p, Score: 1})
				break
			}
		}
	}
	return hits, nil
}

func corpus(t *testing.T, cctv string) *notice.Corpus {
	t.Helper()
	c, err := notice.Load(fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Northshire Council\n  - name: Eastbridge Council\n")},
		"n.md": {Data: []byte("---\nid: n\ntitle: Northshire notice\norganisation: Northshire Council\n---\n" +
			"Cameras\n" + cctv + "\n\nComplaints\nComplaint records are kept for six years.\n")},
		"e.md": {Data: []byte("---\nid: e\ntitle: Eastbridge notice\norganisation: Eastbridge Council\n---\n" +
			"Cameras\nCamera recordings are wiped after a month.\n")},
	})
	require.NoError(t, err)
	return c
}

// A passage that shares no word the lexical retriever matches, but is near the question by
// embedding, is found; the scope of the question still holds.
func TestFusesTheNearestPassagesIn(t *testing.T) {
	c := corpus(t, "CCTV tape of the car park is kept one week.")
	r, err := hybrid.New(context.Background(), lexicalOnly{c}, c, &fakeEmbedder{model: "m"}, "")
	require.NoError(t, err)

	// Every word is one the lexical retriever skips; the embedding finds the passage.
	hits, err := r.Retrieve(context.Background(), answer.Question{Text: "is cctv tape kept long", K: 3})
	require.NoError(t, err)
	require.NotEmpty(t, hits)
	assert.Contains(t, hits[0].Passage.Text, "CCTV tape")

	scoped, err := r.Retrieve(context.Background(), answer.Question{Text: "camera recordings wiped when", Organisation: "Eastbridge Council", K: 3})
	require.NoError(t, err)
	for _, h := range scoped {
		assert.Equal(t, "Eastbridge Council", h.Passage.Organisation, "a scoped question gets its council's passages only")
	}
}

// When the question can't be embedded, the lexical ranking is returned as it is.
func TestFallsBackToTheLexicalRanking(t *testing.T) {
	c := corpus(t, "Camera recordings are wiped after a month.")
	var fellBack error
	r, err := hybrid.New(context.Background(), lexicalOnly{c}, c, &fakeEmbedder{model: "m", failQuestions: errors.New("429")}, "")
	require.NoError(t, err)
	r.OnFallback = func(err error) { fellBack = err }
	hits, err := r.Retrieve(context.Background(), answer.Question{Text: "how long are complaint records kept", K: 2})
	require.NoError(t, err)
	require.Len(t, hits, 1)
	assert.Contains(t, hits[0].Passage.Text, "Complaint records")
	assert.EqualError(t, fellBack, "429")

	_, err = hybrid.New(context.Background(), lexicalOnly{c}, c, &fakeEmbedder{model: "m", fail: errors.New("down")}, "")
	assert.EqualError(t, err, "down", "passages that can't be embedded are the caller's to fall back from")
}

// Passage vectors are computed once for a model and corpus, read from the cache after that, and
// computed again when the passages or the model change.
func TestCachesPassageVectors(t *testing.T) {
	dir := t.TempDir()
	c := corpus(t, "Camera recordings are wiped after a month.")
	e := &fakeEmbedder{model: "m"}
	_, err := hybrid.New(context.Background(), lexicalOnly{c}, c, e, dir)
	require.NoError(t, err)
	first := e.passages
	require.Positive(t, first)

	_, err = hybrid.New(context.Background(), lexicalOnly{c}, c, e, dir)
	require.NoError(t, err)
	assert.Equal(t, first, e.passages, "read from the cache")

	changed := corpus(t, "Camera recordings are wiped after 31 days.")
	_, err = hybrid.New(context.Background(), lexicalOnly{changed}, changed, e, dir)
	require.NoError(t, err)
	assert.Equal(t, 2*first, e.passages, "a changed notice is embedded again")

	_, err = hybrid.New(context.Background(), lexicalOnly{changed}, changed, &fakeEmbedder{model: "other"}, dir)
	require.NoError(t, err)
	files, _ := filepath.Glob(filepath.Join(dir, "embeddings-*.json"))
	assert.Len(t, files, 1, "vectors of an earlier corpus or model are removed")
}

// Passage vectors that don't share one non-zero length can't be compared: refused at start-up
// (the caller answers from the index alone) and not cached.
func TestRefusesPassageVectorsOfDifferingLengths(t *testing.T) {
	c := corpus(t, "Camera recordings are wiped after a month.")
	tests := map[string]func(i int) int{
		"differing lengths": func(i int) int { return 64 - i%2 },
		"empty vectors":     func(int) int { return 0 },
	}
	for name, shape := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			_, err := hybrid.New(context.Background(), lexicalOnly{c}, c, &fakeEmbedder{model: "m", shape: shape}, dir)
			require.Error(t, err)
			files, _ := filepath.Glob(filepath.Join(dir, "embeddings-*.json"))
			assert.Empty(t, files, "nothing cached")
		})
	}
}

// A question vector of another length than the passages' is answered from the index alone,
// said once.
func TestQuestionVectorOfAnotherLength(t *testing.T) {
	c := corpus(t, "Camera recordings are wiped after a month.")
	r, err := hybrid.New(context.Background(), lexicalOnly{c}, c, &fakeEmbedder{model: "m", questionLen: 32}, "")
	require.NoError(t, err)
	var told []error
	r.OnFallback = func(err error) { told = append(told, err) }
	for _, q := range []string{"how long are complaint records kept", "are complaint records kept long"} {
		hits, err := r.Retrieve(context.Background(), answer.Question{Text: q, K: 2})
		require.NoError(t, err)
		require.Len(t, hits, 1, "the lexical ranking alone")
		assert.Contains(t, hits[0].Passage.Text, "Complaint records")
	}
	require.Len(t, told, 1, "said once")
	assert.ErrorIs(t, told[0], hybrid.ErrDimensions)
}

// The question is embedded as typed (AsTyped, when the caller rewrote Text), and once however
// often it is retrieved for in a turn.
func TestEmbedsAQuestionAsTypedOnce(t *testing.T) {
	c := corpus(t, "Camera recordings are wiped after a month.")
	e := &fakeEmbedder{model: "m"}
	r, err := hybrid.New(context.Background(), lexicalOnly{c}, c, e, "")
	require.NoError(t, err)
	q := answer.Question{Text: "how long is closed-circuit television kept", AsTyped: "how long is CCTV kept", K: 2}
	for range 3 {
		_, err := r.Retrieve(context.Background(), q)
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"how long is CCTV kept"}, e.questions)
}
