package eval

import (
	"context"
	"fmt"

	"github.com/privacybot/privacybot/internal/answer"
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
		out = append(out, Judgement{ID: q.ID, Signals: got.Signals, Unanswerable: q.Unanswerable,
			Right: !q.Unanswerable && answeredRight(got.Answer, q)})
	}
	return out, nil
}

// Examples are what judgements teach the abstention model. An unanswerable question is an
// example of a best sentence that doesn't answer; an answerable one whose best sentence answers
// right, of one that does. An answerable question answered wrong teaches nothing: answering it
// and abstaining are both wrong. Nor does one no sentence could answer.
func Examples(js []Judgement) []answer.Example {
	var out []answer.Example
	for _, j := range js {
		if j.Signals != nil && (j.Unanswerable || j.Right) {
			out = append(out, answer.Example{Signals: j.Signals, Answers: j.Right})
		}
	}
	return out
}

// RightOutcomes counts the questions a decision gets right: an answer that answers, or an
// abstention on a question the notices don't answer.
func RightOutcomes(js []Judgement, answers func(signals []float64) bool) int {
	n := 0
	for _, j := range js {
		if j.Signals != nil && answers(j.Signals) {
			if j.Right {
				n++
			}
		} else if j.Unanswerable {
			n++
		}
	}
	return n
}
