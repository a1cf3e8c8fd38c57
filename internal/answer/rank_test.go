package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/notice"
)

// orderedRetriever gives a corpus's passages in a fixed order, best first, whatever is asked:
// a lexical ranking that put a passage sharing the question's words above the one answering it.
type orderedRetriever struct {
	c     *notice.Corpus
	order []string // sections, best first
}

func (o orderedRetriever) Retrieve(_ context.Context, q Question) ([]Hit, error) {
	var hits []Hit
	for i, sec := range o.order {
		for _, p := range o.c.Passages() {
			if p.Section() == sec {
				hits = append(hits, Hit{Passage: p, Score: 1 / float64(i+1)})
			}
		}
	}
	return hits, nil
}

// Passages are ranked as the composer reads the question: the one whose sentence answers first,
// scored by that sentence; those no sentence of which could answer after, in the retriever's
// order, scored 0; k of them.
func TestRetrieveRanksThePassageThatAnswersFirst(t *testing.T) {
	c, err := notice.Load(fstest.MapFS{
		"waste.md": {Data: []byte("---\nid: waste\ntitle: Waste privacy notice\norganisation: Westmere Borough Council\n---\n" +
			"Complaints about complaints\nComplaints about missed collections and complaints about crews are complaints we record as complaints.\n\n" +
			"How long we keep it\nWe keep complaint records for 6 years after the complaint is closed.\n\n" +
			"Who we are\nWestmere Borough Council collects household waste.\n")},
	})
	require.NoError(t, err)
	lexical := orderedRetriever{c, []string{"Complaints about complaints", "Who we are", "How long we keep it"}}
	comp := NewComposer(lexical, c, DefaultVocabulary())

	hits, err := comp.Retrieve(context.Background(), Question{Text: "How long do you keep complaint records?", K: 2})
	require.NoError(t, err)
	require.Len(t, hits, 2, "k of them")
	assert.Equal(t, "How long we keep it", hits[0].Passage.Section(), "the passage stating the period")
	assert.Greater(t, hits[0].Score, 0.0)
	assert.Equal(t, "Complaints about complaints", hits[1].Passage.Section(), "then the rest in the retriever's order")
	assert.Zero(t, hits[1].Score, "no sentence of it states a period")

	// The answer is what it was: the composer still reads the retriever's ranking.
	ans, err := comp.Answer(context.Background(), Question{Text: "How long do you keep complaint records?"})
	require.NoError(t, err)
	assert.Contains(t, ans.Answer, "6 years")
}

// A question decided before any sentence is read (it asks of another council than its scope)
// is ranked as the retriever ranks it.
func TestRetrieveFallsBackToTheRetrieversRanking(t *testing.T) {
	comp := roundFiveComposer(t)
	q := Question{Text: "How long does Northam keep council tax accounts?", Organisation: "Eastby", K: 3}
	lexical, err := comp.Retriever.Retrieve(context.Background(), q)
	require.NoError(t, err)
	require.NotEmpty(t, lexical)
	hits, err := comp.Retrieve(context.Background(), q)
	require.NoError(t, err)
	assert.Equal(t, lexical[:min(3, len(lexical))], hits)
}

// countingRetriever counts the searches made of it.
type countingRetriever struct {
	r Retriever
	n int
}

func (c *countingRetriever) Retrieve(ctx context.Context, q Question) ([]Hit, error) {
	c.n++
	return c.r.Retrieve(ctx, q)
}

// AnswerRanked gives what Answer and Retrieve give, composing once when the ranking asked for is
// of the question answered (K 0 and 5 are both the default); of another, it leaves the ranking
// to the caller. Decided before reading a sentence, it ranks as the retriever does, as Retrieve.
func TestAnswerRankedComposesOnce(t *testing.T) {
	ctx := context.Background()
	comp := roundFiveComposer(t)
	searched := &countingRetriever{r: comp.Retriever}
	comp.Retriever = searched
	for _, tc := range []struct {
		q      Question
		before bool // decided before reading a sentence: the retriever's ranking is one search more
	}{
		{q: Question{Text: "How long does Northam keep council tax accounts?"}},
		{q: Question{Text: "How long does Northam keep council tax accounts?", Organisation: "Eastby", K: 3}, before: true},
		{q: Question{Text: "Who do you share my data with?", K: 2}},
	} {
		q := tc.q
		rank := q
		if rank.K == 0 {
			rank.K = 5
		}
		want, err := comp.Answer(ctx, q)
		require.NoError(t, err)
		wantHits, err := comp.Retrieve(ctx, rank)
		require.NoError(t, err)

		searched.n = 0
		got, hits, err := comp.AnswerRanked(ctx, q, rank)
		require.NoError(t, err)
		assert.Equal(t, want, got, q.Text)
		assert.Equal(t, wantHits, hits, q.Text)
		composedOnce := searched.n
		searched.n = 0
		_, err = comp.Answer(ctx, q)
		require.NoError(t, err)
		if tc.before {
			composedOnce--
		}
		assert.Equal(t, searched.n, composedOnce, "composed once: %s", q.Text)

		other := rank
		other.K = 10
		got, hits, err = comp.AnswerRanked(ctx, q, other)
		require.NoError(t, err)
		assert.Equal(t, want, got, q.Text)
		assert.Nil(t, hits, "read otherwise: ranked apart")
	}
}

// BenchmarkAnswerAndRank is a question answered and its passages ranked, as the evaluation and
// the language model's prompt want them: asked apart, then at once.
func BenchmarkAnswerAndRank(b *testing.B) {
	ctx := context.Background()
	comp := roundFiveComposer(b)
	q := Question{Text: "How long does Northam keep council tax accounts?"}
	b.Run("apart", func(b *testing.B) {
		for range b.N {
			if _, err := comp.Answer(ctx, q); err != nil {
				b.Fatal(err)
			}
			if _, err := comp.Retrieve(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("at-once", func(b *testing.B) {
		for range b.N {
			if _, _, err := comp.AnswerRanked(ctx, q, q); err != nil {
				b.Fatal(err)
			}
		}
	})
}
