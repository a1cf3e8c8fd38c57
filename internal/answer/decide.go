package answer

// Deciding whether to answer: the signals of how well the best sentence fits the question, and
// the abstention model that weighs them, learnt from the development question sets.
//
// One threshold on coverage can't tell "how long do you keep compliments?" after a story about a
// bin man (a low coverage, but the sentence names compliments and a period) from "how long do you
// keep CCTV footage?" (a fair coverage of "how long" and "keep", but nothing about CCTV). Several
// signals together can: the model is a logistic regression over them, small enough to read
// (`privacybot ask --explain` shows what each signal added).

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/privacybot/privacybot/internal/logreg"
)

// signalNames name the signals the decision reads, in the order of their vector.
var signalNames = []string{
	"coverage",        // share of the question's weight the best sentence covers
	"matched",         // that weight, in units of the rarest word's (at most 4)
	"unseen",          // share of the topic in words no notice uses
	"gap",             // share of the question in the heaviest topic word the best sentence misses
	"kind",            // the question asks for a kind of fact (a period, a number), which the sentence states
	"size",            // the question's total weight, in units of the rarest word's (at most 8)
	"requirements",    // how many things the question asks about (log)
	"rank",            // the retrieval score of the best sentence's passage relative to the best passage's
	"position",        // that passage's place among those retrieved, over 8
	"passage",         // how much of the question the passage's sentences cover together
	"heading",         // how much of it the passage's heading names
	"asking clause",   // how much of the topic of the question's asking clause (the end, in a story) the best sentence covers
	"topic met",       // the best sentence names the question's heaviest topic word itself
	"margin",          // how much better it covers the question than the best sentence of another passage
	"words",           // the question's length in words (log)
	"everyday",        // share of the question's weight in everyday words
	"coverage²",       // coverage matters most in the middle of its range
	"unseen×coverage", // words no notice uses say most when the rest matches well
	"asking words",    // share of the words of the asking sentence the best sentence (or its context) uses
	"near words",      // the best sentence's coverage counting words near in meaning to the question's (nearCoverage)
}

// fit is a question's analysis as the signals read it.
type fit struct {
	reqs     []requirement
	total    float64
	clause   []bool // which requirements the asking clause makes
	clauseW  float64
	heaviest int // the heaviest topic requirement, -1 for none
	everyday float64
	words    int
	kind     string
	unseen   float64
	topScore float64
}

// fitOf analyses a question, and its asking clause, for the signals.
func (c *Composer) fitOf(asked, clause string, reqs []requirement, total float64, kind string, hits []Hit) fit {
	f := fit{reqs: reqs, total: total, heaviest: -1, words: len(Words(asked)), kind: kind, unseen: c.unseenShare(reqs), topScore: hits[0].Score}
	inClause := conceptsOf(c.requirements(clause))
	f.clause = make([]bool, len(reqs))
	heaviestW := 0.0
	for i, r := range reqs {
		if r.everyday {
			f.everyday += r.weight
		} else if r.weight > heaviestW {
			f.heaviest, heaviestW = i, r.weight
		}
		if madeIn(r, inClause) {
			f.clause[i] = true
			f.clauseW += r.weight
		}
	}
	if total > 0 {
		f.everyday /= total
	}
	return f
}

// askingClause is the part of a question that asks: its last sentence with a question mark,
// else its last; and of that, what follows the last comma before a question word. A story tells
// its context first ("I sent in a thank you for a brilliant bin man") and asks at the end ("how
// long do you keep compliments?").
func askingClause(q string) string {
	clause := askingSentence(q)
	if loc := clauseStartRe.FindAllStringIndex(clause, -1); len(loc) > 0 {
		clause = strings.TrimSpace(clause[loc[len(loc)-1][0]+1:])
	}
	return clause
}

// askingSentence is the sentence of a question that asks: its last with a question mark, else
// its last.
func askingSentence(q string) string {
	ss := sentences(q)
	for i := len(ss) - 1; i >= 0; i-- {
		if strings.Contains(ss[i], "?") {
			return ss[i]
		}
	}
	if len(ss) > 0 {
		return ss[len(ss)-1]
	}
	return q
}

// clauseStartRe finds a comma opening a question within a sentence: ", how long do you keep…".
var clauseStartRe = regexp.MustCompile(`(?i),\s+(?:so\s+|and\s+|but\s+)?(?:how|what|who|when|where|why|which|can|could|do|does|did|is|are|will|would|should|may|am)\b`)

// signals describes how well the best candidate fits the question, in signalNames' order.
func (c *Composer) signals(f fit, hits []Hit, cands []candidate) []float64 {
	best := cands[0]
	var matched, size, rank float64
	if c.maxIDF > 0 {
		matched, size = best.coverage*f.total/c.maxIDF, f.total/c.maxIDF
	}
	if f.topScore > 0 {
		rank = hits[best.hit].Score / f.topScore
	}
	margin := best.coverage
	for _, cd := range cands[1:] {
		if cd.hit != best.hit {
			margin = best.coverage - cd.coverage
			break
		}
	}
	clauseCov := best.coverage
	if f.clauseW > 0 {
		var got float64
		for i, r := range f.reqs {
			if f.clause[i] {
				got += best.met[i] * r.weight
			}
		}
		clauseCov = got / f.clauseW
	}
	topicMet := f.heaviest < 0 || best.met[f.heaviest] >= 1
	return []float64{
		best.coverage, math.Min(matched, 4), f.unseen, best.gap, oneIf(f.kind != ""), math.Min(size, 8),
		math.Log1p(float64(len(f.reqs))), rank, float64(best.hit) / 8, best.passCov, best.headCov,
		clauseCov, oneIf(topicMet), margin, math.Log1p(float64(f.words)), f.everyday,
		best.coverage * best.coverage, f.unseen * best.coverage, best.askedInContext, best.near,
	}
}

func oneIf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// SignalNames are the names of the signals, in the order of Judged.Signals.
func SignalNames() []string { return slices.Clone(signalNames) }

// Judged is an answer given however well its best sentence fits, with the signals the decision
// to abstain would have read: what the abstention model learns from.
type Judged struct {
	Answer  Answer
	Signals []float64 // nil when no sentence could answer at all (the composer abstained)
	// Vetoed says the composer abstains whatever the model says, by a rule read after it: the
	// question asks about someone the best passage doesn't name, or whether the person is told
	// and no sentence says. A threshold sweep counts it abstained at every threshold.
	Vetoed bool
}

// AnswerAnyway answers as Answer does, but answers whenever a sentence could (one stating the
// kind of fact asked for, about its topic), and gives the signals the decision would have read.
func (c *Composer) AnswerAnyway(ctx context.Context, q Question) (Judged, error) {
	var j Judged
	ans, err := c.answerWith(ctx, q, nil, &j)
	j.Answer = ans
	return j, err
}

// AbstentionModel is a logistic regression over the signals: the probability that the best
// sentence answers the question. The composer answers when it is at least Threshold.
type AbstentionModel struct {
	Signals      []string `json:"signals"` // the signals' names when it was trained
	logreg.Model          // Probability: that the sentence the signals describe answers
	Threshold    float64  `json:"threshold"`
	// Trained says on what: the question sets and how many of their questions taught it.
	Trained string `json:"trained"`
}

// SureAt is the probability from which the bot is sure enough of an answer to give it without
// a doubt; between the threshold and it, the answer is hedged (Answer.Hedged). On the validation
// sets, whose notices nobody tuned on, the answers given under 0.8 were right 67 times in 140
// (48%); from 0.8 to 0.9, 102 in 161; from 0.9, 460 in 562 (privacybot eval --sweep, round 32).
const SureAt = 0.8

// sureFrom is the probability from which an answer is given without a doubt, at an abstention
// threshold: SureAt, or the threshold itself when a council sets it higher.
func sureFrom(threshold float64) float64 { return max(threshold, SureAt) }

// Check reports whether a model reads the signals this composer gives.
func (m *AbstentionModel) Check() error {
	if !slices.Equal(m.Signals, signalNames) {
		return fmt.Errorf("the abstention model reads the signals %q, the composer gives %q: retrain it (make train)", m.Signals, signalNames)
	}
	if err := m.Model.Check(len(signalNames)); err != nil {
		return fmt.Errorf("the abstention model: %w", err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		return fmt.Errorf("the abstention model's threshold %v is not between 0 and 1", m.Threshold)
	}
	return nil
}

// ParseAbstentionModel reads a model's JSON and checks it reads this composer's signals.
func ParseAbstentionModel(data []byte) (*AbstentionModel, error) {
	var m AbstentionModel
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("read abstention model: %w", err)
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return &m, nil
}

// abstentionJSON is the model trained on the development question sets (make train).
//
//go:embed abstention.json
var abstentionJSON []byte

// DefaultAbstention is the model trained on the development question sets, or an error when
// it doesn't read the signals this composer gives (a signal was added without retraining).
var DefaultAbstention = sync.OnceValues(func() (*AbstentionModel, error) { return ParseAbstentionModel(abstentionJSON) })
