package answer

// Explaining an answer: what the composer made of a question and why it answered or abstained,
// for whoever maintains the vocabulary or adds notices ("why doesn't it answer this?").

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Explanation is what the composer made of a question and why it answered or abstained.
type Explanation struct {
	// Asked is the question in the notices' words (acronyms and misspellings read as theirs).
	Asked        string                 `json:"asked"`
	Kind         string                 `json:"kind,omitempty"`
	Requirements []ExplainedRequirement `json:"requirements"`
	UnseenShare  float64                `json:"unseen_share"`
	Hits         []string               `json:"hits"`
	Candidates   []ExplainedCandidate   `json:"candidates"`
	// Signals are what the abstention model read of the best sentence, and Probability what it
	// made of them.
	Signals     []ExplainedSignal `json:"signals,omitempty"`
	Probability *float64          `json:"probability,omitempty"`
	Decision    string            `json:"decision"`
	Answer      Answer            `json:"answer"`
	// ranked are the passages searched, best answering first (rankByCandidates): what Retrieve
	// gives; nil when the composer decided before reading any sentence.
	ranked []Hit
}

// ExplainedRequirement is one thing the question asks about and its weight.
type ExplainedRequirement struct {
	Concepts []string `json:"concepts"`
	Weight   float64  `json:"weight"`
	Everyday bool     `json:"everyday,omitempty"`
	Phrase   bool     `json:"phrase,omitempty"`
	Unseen   bool     `json:"unseen,omitempty"` // no notice uses it
}

// ExplainedCandidate is a sentence that could answer, with its scores.
type ExplainedCandidate struct {
	Passage  string  `json:"passage"`
	Text     string  `json:"text"`
	Coverage float64 `json:"coverage"`
	// Asked is the share of the asking sentence's own words the sentence uses.
	Asked float64 `json:"asked"`
	// Near is the coverage counting words near in meaning; Gist how near the sentence as a whole
	// is to the question (word vectors).
	Near  float64 `json:"near"`
	Gist  float64 `json:"gist"`
	Score float64 `json:"score"`
	Gap   float64 `json:"gap"`
}

// ExplainedSignal is one signal of the best sentence's fit and what it added to the abstention
// model's log-odds that the sentence answers.
type ExplainedSignal struct {
	Name         string  `json:"name"`
	Value        float64 `json:"value"`
	Contribution float64 `json:"contribution"`
}

// explainCandidates is how many candidates an explanation lists.
const explainCandidates = 6

// Explain answers a question and says why it answered or abstained.
func (c *Composer) Explain(ctx context.Context, q Question) (Explanation, error) {
	var ex Explanation
	ans, err := c.answerRespelt(ctx, q, &ex)
	ex.Answer = ans
	return ex, err
}

func (ex *Explanation) start(c *Composer, asked string, reqs []requirement, hits []Hit) {
	if ex == nil {
		return
	}
	ex.Asked = asked
	ex.requirements(c, reqs)
	for _, h := range hits {
		ex.Hits = append(ex.Hits, fmt.Sprintf("%s %.3f %s", h.Passage.ID, h.Score, h.Passage.Section()))
	}
}

// requirements records what the question requires, as weighed when the decision is taken.
func (ex *Explanation) requirements(c *Composer, reqs []requirement) {
	ex.Requirements = nil
	for _, r := range reqs {
		unseen := true
		for _, k := range r.concepts {
			if _, ok := c.idf[k]; ok {
				unseen = false
			}
		}
		ex.Requirements = append(ex.Requirements, ExplainedRequirement{Concepts: r.concepts, Weight: round(r.weight),
			Everyday: r.everyday, Phrase: r.phrase, Unseen: unseen})
	}
	ex.UnseenShare = round(c.unseenShare(reqs))
}

// candidates records the kind of fact asked for, what else the question requires (without the
// words that only ask for the kind) and the best sentences.
func (ex *Explanation) candidates(c *Composer, kind string, reqs []requirement, hits []Hit, cands []candidate) {
	if ex == nil {
		return
	}
	ex.Kind = kind
	ex.requirements(c, reqs)
	ex.ranked = rankByCandidates(hits, cands)
	for i, cd := range cands {
		if i == explainCandidates {
			break
		}
		ex.Candidates = append(ex.Candidates, ExplainedCandidate{Passage: hits[cd.hit].Passage.ID, Text: shorten(strings.ReplaceAll(cd.unit.quote(), "\n", " / "), 160),
			Coverage: round(cd.coverage), Asked: round(cd.asked), Near: round(cd.near), Gist: round(cd.gist), Score: round(cd.score), Gap: round(cd.gap)})
	}
}

// weigh records what the abstention model read and made of it.
func (ex *Explanation) weigh(m *AbstentionModel, sig []float64, p float64) {
	if ex == nil {
		return
	}
	for i, add := range m.Contributions(sig) {
		ex.Signals = append(ex.Signals, ExplainedSignal{Name: signalNames[i], Value: round(sig[i]), Contribution: round(add)})
	}
	p = round(p)
	ex.Probability = &p
}

func (ex *Explanation) decide(why string) {
	if ex != nil && ex.Decision == "" {
		ex.Decision = why
	}
}

// Print writes an explanation for a terminal.
func (ex Explanation) Print(w io.Writer) {
	fmt.Fprintf(w, "asked:      %s\n", ex.Asked)
	if ex.Kind != "" {
		fmt.Fprintf(w, "kind:       %s\n", ex.Kind)
	}
	fmt.Fprintln(w, "requires:")
	for _, r := range ex.Requirements {
		var flags []string
		for _, f := range []struct {
			on   bool
			name string
		}{{r.Everyday, "everyday"}, {r.Phrase, "phrase"}, {r.Unseen, "unseen"}} {
			if f.on {
				flags = append(flags, f.name)
			}
		}
		fmt.Fprintf(w, "  %-40s %.3f %s\n", strings.Join(r.Concepts, " "), r.Weight, strings.Join(flags, ","))
	}
	fmt.Fprintf(w, "unseen:     %.2f of the topic\n", ex.UnseenShare)
	fmt.Fprintln(w, "passages:")
	for _, h := range ex.Hits {
		fmt.Fprintf(w, "  %s\n", h)
	}
	fmt.Fprintln(w, "sentences:")
	for _, cd := range ex.Candidates {
		fmt.Fprintf(w, "  cov %.2f asked %.2f near %.2f gist %.2f gap %.2f score %.2f %s: %s\n", cd.Coverage, cd.Asked, cd.Near, cd.Gist, cd.Gap, cd.Score, cd.Passage, cd.Text)
	}
	if ex.Probability != nil {
		fmt.Fprintf(w, "signals (of the best sentence; what each added to the log-odds that it answers):\n")
		for _, s := range ex.Signals {
			fmt.Fprintf(w, "  %-18s %6.2f %+6.2f\n", s.Name, s.Value, s.Contribution)
		}
		fmt.Fprintf(w, "answers:    %.2f\n", *ex.Probability)
	}
	fmt.Fprintf(w, "decision:   %s\n", ex.Decision)
}
