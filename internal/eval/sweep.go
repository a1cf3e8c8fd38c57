package eval

// Sweeping the abstention threshold: what each threshold would decide on a question set, so a
// council can choose between answering more questions and referring more to its DPO with its
// own questions and notices in front of it, not the development sets'.

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/privacybot/privacybot/internal/answer"
)

// ThresholdOutcome is how one abstention threshold decides a question set. Its JSON keys are a
// contract of `eval --sweep --json`.
type ThresholdOutcome struct {
	Threshold float64 `json:"threshold"`
	// The five outcomes, which add up to the questions.
	RightAnswers      int     `json:"right_answers"`      // answerable, answered right
	WrongAnswers      int     `json:"wrong_answers"`      // answerable, answered with the wrong sentence
	FalseAbstentions  int     `json:"false_abstentions"`  // answerable, but abstained
	RightAbstentions  int     `json:"right_abstentions"`  // not answered by the notices, abstained
	MissedAbstentions int     `json:"missed_abstentions"` // not answered by the notices, answered anyway
	AnswerAccuracy    float64 `json:"answer_accuracy"`
	AbstainPrecision  float64 `json:"abstain_precision"`
	AbstainRecall     float64 `json:"abstain_recall"`
}

// Sweep is the outcomes of a question set at each threshold, the composer's own among them.
type Sweep struct {
	Current  float64            `json:"current_threshold"` // the threshold the engine answers with
	Outcomes []ThresholdOutcome `json:"outcomes"`
	// MostRight is the threshold that decides the most questions right; Cautious the one that
	// does when a wrong answer counts twice (an answer to a question the notices don't answer,
	// or the wrong sentence quoted, misleads; an abstention gives the contact). Ties go to the
	// threshold nearest the current one.
	MostRight float64 `json:"most_right"`
	Cautious  float64 `json:"most_right_cautious"`
}

// SweepThresholds answers each question once, regardless of fit, and decides it again at each
// threshold from 0.05 to 0.95 and at the model's own: the same decisions eval.Run counts at
// that one, at a twentieth of the cost of running it at each. One threshold is moved for every
// organisation; an organisation's own abstain_threshold (organisations.yaml) is not applied.
func SweepThresholds(ctx context.Context, qs []Question, j Judge, m *answer.AbstentionModel, opt Options) (Sweep, error) {
	if m == nil {
		return Sweep{}, fmt.Errorf("sweep thresholds: the composer has no abstention model")
	}
	js, err := Judgements(ctx, qs, j, opt)
	if err != nil {
		return Sweep{}, err
	}
	probs := make([]float64, len(js)) // worked out once, read at every threshold
	for i, jg := range js {
		if jg.Signals != nil {
			probs[i] = m.Probability(jg.Signals)
		}
	}
	sw := Sweep{Current: m.Threshold}
	for _, t := range sweptThresholds(m.Threshold) {
		sw.Outcomes = append(sw.Outcomes, outcomeAt(t, js, probs))
	}
	sw.MostRight = sw.best(func(o ThresholdOutcome) int { return o.right() })
	sw.Cautious = sw.best(func(o ThresholdOutcome) int { return o.right() - o.WrongAnswers - o.MissedAbstentions })
	return sw, nil
}

// right counts the outcomes a threshold got right.
func (o ThresholdOutcome) right() int { return o.RightAnswers + o.RightAbstentions }

// best is the threshold of the highest score, the nearest the current one among equals.
func (sw Sweep) best(score func(ThresholdOutcome) int) float64 {
	best, bestScore := sw.Current, math.MinInt
	for _, o := range sw.Outcomes {
		s := score(o)
		if s > bestScore || s == bestScore && math.Abs(o.Threshold-sw.Current) < math.Abs(best-sw.Current) {
			best, bestScore = o.Threshold, s
		}
	}
	return best
}

// sweptThresholds are 0.05, 0.10, … 0.95 and the current threshold, in order.
func sweptThresholds(current float64) []float64 {
	ts := []float64{current}
	for i := 1; i <= 19; i++ {
		if t := float64(i) / 20; math.Abs(t-current) > 1e-9 {
			ts = append(ts, t)
		}
	}
	slices.Sort(ts)
	return ts
}

// outcomeAt counts what threshold t decides, answering where the probability is at least t as
// the composer does.
func outcomeAt(t float64, js []Judgement, probs []float64) ThresholdOutcome {
	o := decided(js, func(i int) bool { return probs[i] >= t })
	o.Threshold = t
	return o
}

// decided counts the outcomes of answering the judgements answers(i) says to answer; one without
// signals (no sentence could answer), or vetoed by a rule read after the model, is abstained on
// whatever it says.
func decided(js []Judgement, answers func(i int) bool) ThresholdOutcome {
	var o ThresholdOutcome
	var answerable, unanswerable int
	for i, jg := range js {
		answered := jg.Signals != nil && !jg.Vetoed && answers(i)
		switch {
		case jg.Unanswerable && answered:
			o.MissedAbstentions++
		case jg.Unanswerable:
			o.RightAbstentions++
		case !answered:
			o.FalseAbstentions++
		case jg.Right:
			o.RightAnswers++
		default:
			o.WrongAnswers++
		}
		if jg.Unanswerable {
			unanswerable++
		} else {
			answerable++
		}
	}
	if answerable > 0 {
		o.AnswerAccuracy = float64(o.RightAnswers) / float64(answerable)
	}
	o.AbstainPrecision = ratio(float64(o.RightAbstentions), float64(o.RightAbstentions+o.FalseAbstentions))
	o.AbstainRecall = ratio(float64(o.RightAbstentions), float64(unanswerable))
	return o
}

// PrintSweep writes the outcomes as a table for people, marking the engine's own threshold.
func PrintSweep(w io.Writer, sw Sweep) {
	fmt.Fprintf(w, "%-10s %7s %7s %9s %7s %9s %8s %9s %8s\n", "threshold", "right", "wrong", "wrongly", "right", "missed", "answer", "abstain", "abstain")
	fmt.Fprintf(w, "%-10s %7s %7s %9s %7s %9s %8s %9s %8s\n", "", "answers", "answers", "abstained", "abst.", "abst.", "accuracy", "precision", "recall")
	for _, o := range sw.Outcomes {
		mark := ""
		if o.Threshold == sw.Current {
			mark = "  ← current"
		}
		fmt.Fprintf(w, "%-10.2f %7d %7d %9d %7d %9d %8.3f %9.3f %8.3f%s\n", o.Threshold, o.RightAnswers, o.WrongAnswers,
			o.FalseAbstentions, o.RightAbstentions, o.MissedAbstentions, o.AnswerAccuracy, o.AbstainPrecision, o.AbstainRecall, mark)
	}
	fmt.Fprintf(w, "\nmost questions decided right at %.2f; counting a wrong answer twice, at %.2f.\n", sw.MostRight, sw.Cautious)
	fmt.Fprintln(w, "On a few dozen questions a threshold or two either way is noise: prefer the current one unless the gain is several questions.")
}
