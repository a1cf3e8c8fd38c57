package eval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/eval"
	"github.com/privacybot/privacybot/internal/index/indextest"
)

// apart is a composer asked to answer, then to rank, as the evaluation asked it before.
type apart struct{ c *answer.Composer }

func (a apart) Answer(ctx context.Context, q answer.Question) (answer.Answer, error) {
	return a.c.Answer(ctx, q)
}

func (a apart) Retrieve(ctx context.Context, q answer.Question) ([]answer.Hit, error) {
	return a.c.Retrieve(ctx, q)
}

// The composer evaluated as answerer and retriever composes a question once when its answer
// and the ranking recall is measured on read it alike (answers of K 10, as recall), and the
// report is what it was; otherwise (K 5, as make eval runs) it composes twice, as before.
func TestEvaluationComposesOnceWhenAnswerAndRankingReadAlike(t *testing.T) {
	ctx := context.Background()
	e := indextest.Bundled(t)
	searched := &indextest.CountingRetriever{R: e.Index}
	comp := answer.NewComposer(searched, e.Corpus, e.Composer.Vocab)
	qs := []eval.Question{
		{ID: "kept", Question: "How long do you keep complaint records?", Notices: []string{"mkc-customer-services"}, AnswerContains: []string{"6 years"}},
		{ID: "shared", Question: "Who do you share my council tax details with?", Notices: []string{"mkc-customer-services"}, AnswerContains: []string{"police"}},
	}
	for _, tc := range []struct {
		k    int
		once bool
	}{{k: 10, once: true}, {k: 5}} {
		opt := eval.Options{K: tc.k}
		searched.Reset()
		want, err := eval.Run(ctx, qs, apart{comp}, apart{comp}, opt)
		require.NoError(t, err)
		twice := searched.Searches()
		searched.Reset()
		got, err := eval.Run(ctx, qs, comp, comp, opt)
		require.NoError(t, err)
		assert.Equal(t, want, got, "K %d", tc.k)
		if tc.once {
			assert.Equal(t, twice/2, searched.Searches(), "composed once a question (K %d)", tc.k)
		} else {
			assert.Equal(t, twice, searched.Searches(), "composed twice a question (K %d)", tc.k)
		}
	}
}
