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
