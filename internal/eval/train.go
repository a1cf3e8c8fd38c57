package eval

import (
	"context"
	"fmt"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/logreg"
)

// Judge answers however well the best sentence fits and says how well it does: the composer.
type Judge interface {
	AnswerAnyway(ctx context.Context, q answer.Question) (answer.Judged, error)
}

// Judgement is what answering a question regardless of fit showed: the signals of its best
// sentence and whether that sentence answered it right.
type Judgement struct {
	ID           string
	Signals      []float64 // nil when no sentence could answer: the composer abstains whatever the model says
	Vetoed       bool      // a rule read after the model abstains whatever it says (answer.Judged.Vetoed)
	Unanswerable bool
	Right        bool // answerable, and answered right
}

// Judgements answers each question of a set regardless of fit.
func Judgements(ctx context.Context, qs []Question, j Judge, opt Options) ([]Judgement, error) {
	var out []Judgement
	for _, q := range qs {
		if len(q.Notices) == 0 && !q.Unanswerable {
			continue // a classifier-only question
		}
		got, err := j.AnswerAnyway(ctx, questionFor(q, opt))
		if err != nil {
			return nil, fmt.Errorf("question %s: %w", q.ID, err)
		}
		out = append(out, Judgement{ID: q.ID, Signals: got.Signals, Vetoed: got.Vetoed, Unanswerable: q.Unanswerable,
			Right: !q.Unanswerable && answeredRight(got.Answer, q)})
	}
	return out, nil
}

// Examples are what judgements teach the abstention model. An unanswerable question is an
// example of a best sentence that doesn't answer; an answerable one whose best sentence answers
// right, of one that does. An answerable question answered wrong teaches nothing: answering it
// and abstaining are both wrong. Nor does one no sentence could answer. (Taught as sentences
// that don't answer, they made the model abstain more: of the 2,398 development questions left
// out a set at a time, 1,764 to 1,788 right at a weight of 0.3, against 1,796; round 33.)
func Examples(js []Judgement) []Example {
	var out []Example
	for _, j := range js {
		if j.Signals != nil && (j.Unanswerable || j.Right) {
			out = append(out, Example{Signals: j.Signals, Answers: j.Right})
		}
	}
	return out
}

// RightOutcomes counts the questions a decision gets right: an answer that answers, or an
// abstention on a question the notices don't answer.
func RightOutcomes(js []Judgement, answers func(signals []float64) bool) int {
	return decided(js, func(i int) bool { return answers(js[i].Signals) }).right()
}

// Example is one question's signals and whether answering it was right (its best sentence
// answered) or wrong (the notices don't answer it).
type Example struct {
	Signals []float64
	Answers bool
}

// TrainAbstention fits the model by gradient descent on the log loss with an L2 penalty, each
// signal standardised so that the penalty treats them alike (logreg.Train). It is
// deterministic: the same examples give the same model.
func TrainAbstention(examples []Example, l2 float64, iterations int) (*answer.AbstentionModel, error) {
	signals := answer.SignalNames()
	xs := make([][]float64, len(examples))
	ys := make([]float64, len(examples))
	for k, e := range examples {
		if len(e.Signals) != len(signals) {
			return nil, fmt.Errorf("train abstention model: an example has %d signals, want %d", len(e.Signals), len(signals))
		}
		xs[k], ys[k] = e.Signals, target(e)
	}
	m, err := logreg.Train(xs, ys, nil, l2, iterations)
	if err != nil {
		return nil, fmt.Errorf("train abstention model: %w", err)
	}
	return &answer.AbstentionModel{Signals: signals, Model: *m, Threshold: 0.5}, nil
}

// target is what the model should give an example: 1 when its sentence answers.
func target(e Example) float64 {
	if e.Answers {
		return 1
	}
	return 0
}
