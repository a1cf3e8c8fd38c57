package eval_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/eval"
	"github.com/privacybot/privacybot/internal/notice"
)

// The sweep decides each question again from one pass of judgements; at any threshold it must
// count what the engine really does at that threshold, or a council would choose one on numbers
// the bot doesn't keep to.
func TestSweepCountsWhatTheEngineDoesAtEachThreshold(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	qs := load(t, filepath.Join("..", "..", "testdata", "eval", "questions.jsonl"))
	e := engine(t, c)
	ctx := context.Background()
	sw, err := eval.SweepThresholds(ctx, qs, e.Composer, e.Composer.Abstention, eval.Options{})
	require.NoError(t, err)
	assert.Equal(t, e.Composer.Abstention.Threshold, sw.Current)

	trained := e.Composer.Abstention
	for _, o := range sw.Outcomes {
		if o.Threshold != sw.Current && o.Threshold != 0.3 && o.Threshold != 0.85 {
			continue
		}
		m := *trained
		m.Threshold = o.Threshold
		e.Composer.Abstention = &m
		rep, err := eval.Run(ctx, qs, e.Index, e.Composer, eval.Options{})
		require.NoError(t, err)
		assert.InDelta(t, rep.AnswerAccuracy, o.AnswerAccuracy, 1e-9, "answer accuracy at %.2f", o.Threshold)
		assert.InDelta(t, rep.AbstainPrecision, o.AbstainPrecision, 1e-9, "abstention precision at %.2f", o.Threshold)
		assert.InDelta(t, rep.AbstainRecall, o.AbstainRecall, 1e-9, "abstention recall at %.2f", o.Threshold)
		assert.Equal(t, rep.Questions, o.RightAnswers+o.WrongAnswers+o.FalseAbstentions+o.RightAbstentions+o.MissedAbstentions)
	}
	e.Composer.Abstention = trained

	// The answers Run counts as unsure are those the sweep gives at the threshold but not at
	// SureAt: the two count the same band.
	rep, err := eval.Run(ctx, qs, e.Index, e.Composer, eval.Options{})
	require.NoError(t, err)
	var cur, sure eval.ThresholdOutcome
	for _, o := range sw.Outcomes {
		switch o.Threshold {
		case sw.Current:
			cur = o
		case answer.SureAt:
			sure = o
		}
	}
	answered := func(o eval.ThresholdOutcome) int { return o.RightAnswers + o.WrongAnswers + o.MissedAbstentions }
	assert.Equal(t, answered(cur)-answered(sure), rep.UnsureAnswers)
	assert.Equal(t, cur.RightAnswers-sure.RightAnswers, rep.UnsureRight)
	assert.Equal(t, cur.MissedAbstentions-sure.MissedAbstentions, rep.UnsureUnanswerable)
	assert.Positive(t, rep.UnsureAnswers, "the development set has answers in the band")
	assert.Equal(t, cur.RightAnswers+cur.RightAbstentions, rep.Right, "decided right: right answers and right abstentions")

	// The thresholds it recommends are the best on the set, by each count.
	for _, o := range sw.Outcomes {
		at := func(threshold float64) eval.ThresholdOutcome {
			for _, x := range sw.Outcomes {
				if x.Threshold == threshold {
					return x
				}
			}
			t.Fatalf("no outcome at %v", threshold)
			return eval.ThresholdOutcome{}
		}
		most, cautious := at(sw.MostRight), at(sw.Cautious)
		assert.GreaterOrEqual(t, most.RightAnswers+most.RightAbstentions, o.RightAnswers+o.RightAbstentions)
		wrong := func(x eval.ThresholdOutcome) int { return x.WrongAnswers + x.MissedAbstentions }
		assert.LessOrEqual(t, 2*wrong(cautious)+cautious.FalseAbstentions, 2*wrong(o)+o.FalseAbstentions)
	}

	// A higher threshold never answers a question a lower one abstained on.
	for i := 1; i < len(sw.Outcomes); i++ {
		lo, hi := sw.Outcomes[i-1], sw.Outcomes[i]
		assert.LessOrEqual(t, hi.RightAnswers+hi.WrongAnswers+hi.MissedAbstentions, lo.RightAnswers+lo.WrongAnswers+lo.MissedAbstentions)
	}
}

// A question a rule read after the model abstains on (Judgement.Vetoed) is abstained on at every
// threshold: right when the notices don't answer it, wrong when they do.
func TestAVetoedJudgementIsAbstainedOnWhateverTheThreshold(t *testing.T) {
	js := []eval.Judgement{
		{ID: "not answered by the notices", Signals: []float64{1}, Vetoed: true, Unanswerable: true},
		{ID: "nor this", Signals: []float64{1}, Vetoed: true, Unanswerable: true},
		{ID: "answered by the notices", Signals: []float64{1}, Vetoed: true, Right: true},
	}
	assert.Equal(t, 2, eval.RightOutcomes(js, func([]float64) bool { return true }), "the two the notices don't answer")
}
