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

// Examples are what a question set teaches the abstention model. An unanswerable question is an
// example of a best sentence that doesn't answer; an answerable one whose best sentence answers
// right, of one that does. An answerable question answered wrong teaches nothing: answering it
// and abstaining are both wrong. Nor does one no sentence could answer (the composer abstains
// before the model is asked).
func Examples(ctx context.Context, qs []Question, j Judge, opt Options) ([]answer.Example, error) {
	var out []answer.Example
	for _, q := range qs {
		if len(q.Notices) == 0 && !q.Unanswerable {
			continue // a classifier-only question
		}
		got, err := j.AnswerAnyway(ctx, questionFor(q, opt))
		if err != nil {
			return nil, fmt.Errorf("question %s: %w", q.ID, err)
		}
		switch {
		case got.Signals == nil:
		case q.Unanswerable:
			out = append(out, answer.Example{Signals: got.Signals, Answers: false})
		case answeredRight(got.Answer, q):
			out = append(out, answer.Example{Signals: got.Signals, Answers: true})
		}
	}
	return out, nil
}
