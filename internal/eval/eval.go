// Package eval measures the answer engine on a question set: retrieval recall and MRR, answer
// accuracy, abstention precision and recall, and (when questions say what they request) the
// rights classifier's accuracy.
//
// Question sets are written before tuning and never edited to turn a miss into a hit. This
// package imports only the domain.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/rights"
)

// Question is one line of a question set (JSONL). Unknown keys are ignored.
type Question struct {
	ID             string   `json:"id"`
	Question       string   `json:"question"`
	Notices        []string `json:"notices"`
	AnswerContains []string `json:"answer_contains"`
	Unanswerable   bool     `json:"unanswerable"`
	Org            string   `json:"org,omitempty"`
	// Request is what the message asks to do: a right's name when it exercises one, "none" for
	// an information question. Optional.
	Request    string `json:"request,omitempty"`
	Actionable *bool  `json:"actionable,omitempty"`
}

// Load reads a JSONL question set, naming the line of any error.
func Load(r io.Reader) ([]Question, error) {
	return loadLines(r, "questions", func(q *Question) (*string, error) {
		if strings.TrimSpace(q.Question) == "" {
			return nil, errors.New("no question")
		}
		return &q.ID, nil
	})
}

// loadLines reads a JSONL file of Ts (blank lines and // comments skipped), checking each with
// check, which returns the T's id: an empty id becomes "line-N", and an id on two lines is refused.
// Errors name the line.
func loadLines[T any](r io.Reader, what string, check func(v *T) (id *string, err error)) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	ids := map[string]int{}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "//") {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		id, err := check(&v)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if *id == "" {
			*id = fmt.Sprintf("line-%d", line)
		}
		if prev, dup := ids[*id]; dup {
			return nil, fmt.Errorf("line %d: id %q is also on line %d", line, *id, prev)
		}
		ids[*id] = line
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no %s", what)
	}
	return out, nil
}

// Options says how to run an evaluation.
type Options struct {
	K      int  // answers cite at most K passages (default 5)
	Scoped bool // search only each question's own notices
}

// Miss is a question the engine got wrong, and how.
type Miss struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	Kind     string   `json:"kind"` // "retrieval", "answer", "false_abstention", "missed_abstention", "intent"
	Expected []string `json:"expected,omitempty"`
	Got      string   `json:"got,omitempty"`
}

// Report is the result of an evaluation; its JSON keys are a contract of `eval --json`.
type Report struct {
	RecallAt1        float64 `json:"recall_at_1"`
	RecallAt3        float64 `json:"recall_at_3"`
	RecallAt5        float64 `json:"recall_at_5"`
	MRR              float64 `json:"mrr"`
	AnswerAccuracy   float64 `json:"answer_accuracy"`
	AbstainPrecision float64 `json:"abstain_precision"`
	AbstainRecall    float64 `json:"abstain_recall"`
	Questions        int     `json:"questions"`
	Answerable       int     `json:"answerable"`
	Unanswerable     int     `json:"unanswerable"`
	// Right is how many questions were decided right: answered right, or abstained on when the
	// notices don't answer them. Sets of any size add up by it.
	Right int `json:"right"`
	// UnsureAnswers are the answers given unsure (hedged, with the contact), and UnsureRight
	// how many of them were right: whether the unsure band suits these notices.
	// UnsureUnanswerable are those given to questions the notices don't answer: of the missed
	// abstentions, the ones that at least said the notices may not answer and gave the contact.
	UnsureAnswers      int      `json:"unsure_answers"`
	UnsureRight        int      `json:"unsure_right"`
	UnsureUnanswerable int      `json:"unsure_unanswerable"`
	IntentAccuracy     *float64 `json:"intent_accuracy,omitempty"`
	ActionableAccuracy *float64 `json:"actionable_accuracy,omitempty"`
	Misses             []Miss   `json:"misses"`
	// Modes, when hybrid retrieval is on, are the reports of the lexical ranking alone ("bm25")
	// and of the fused one ("hybrid", the engine's own, which the keys above repeat), side by side.
	Modes map[string]*Report `json:"modes,omitempty"`
}

// Run evaluates an answerer (and the retriever behind it) on a question set.
func Run(ctx context.Context, qs []Question, r answer.Retriever, a answer.Answerer, opt Options) (Report, error) {
	if opt.K <= 0 {
		opt.K = 5
	}
	rep := Report{Misses: []Miss{}}
	var (
		hit1, hit3, hit5, rr, correct float64
		abstained, abstainedRight     float64
		intentN, intentOK, actOK      float64
	)
	for _, q := range qs {
		if q.Request != "" {
			intentN++
			in := rights.Classify(q.Question)
			got := string(rights.None)
			if in.Actionable {
				got = string(in.Type)
			}
			wantAct := q.Request != string(rights.None)
			if q.Actionable != nil {
				wantAct = *q.Actionable
			}
			if got == q.Request {
				intentOK++
			} else {
				rep.Misses = append(rep.Misses, Miss{ID: q.ID, Question: q.Question, Kind: "intent", Expected: []string{q.Request}, Got: got})
			}
			if in.Actionable == wantAct {
				actOK++
			}
			if len(q.Notices) == 0 && !q.Unanswerable {
				continue // a classifier-only question
			}
		}
		rep.Questions++
		hits, ans, err := retrieveAndAnswer(ctx, r, a, q, opt)
		if err != nil {
			return rep, fmt.Errorf("question %s: %w", q.ID, err)
		}
		if ans.Abstained {
			abstained++
			if q.Unanswerable {
				abstainedRight++
			}
		}
		right := !q.Unanswerable && answeredRight(ans, q)
		if ans.Hedged {
			rep.UnsureAnswers++
			switch {
			case right:
				rep.UnsureRight++
			case q.Unanswerable:
				rep.UnsureUnanswerable++
			}
		}
		if q.Unanswerable {
			rep.Unanswerable++
			if !ans.Abstained {
				rep.Misses = append(rep.Misses, Miss{ID: q.ID, Question: q.Question, Kind: "missed_abstention", Got: firstLine(ans.Answer)})
			}
			continue
		}
		rep.Answerable++
		rank := 0
		for i, h := range hits {
			if contains(q.Notices, h.Passage.NoticeID) && mentions(h.Passage.Text+" "+h.Passage.Section(), q.AnswerContains) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			hit1++
		}
		if rank >= 1 && rank <= 3 {
			hit3++
		}
		if rank >= 1 && rank <= 5 {
			hit5++
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		} else {
			rep.Misses = append(rep.Misses, Miss{ID: q.ID, Question: q.Question, Kind: "retrieval", Expected: q.AnswerContains, Got: topPassage(hits)})
		}
		if right {
			correct++
		} else if ans.Abstained {
			rep.Misses = append(rep.Misses, Miss{ID: q.ID, Question: q.Question, Kind: "false_abstention", Expected: q.AnswerContains})
		} else {
			rep.Misses = append(rep.Misses, Miss{ID: q.ID, Question: q.Question, Kind: "answer", Expected: q.AnswerContains, Got: firstLine(ans.Answer)})
		}
	}
	if n := float64(rep.Answerable); n > 0 {
		rep.RecallAt1, rep.RecallAt3, rep.RecallAt5 = hit1/n, hit3/n, hit5/n
		rep.MRR, rep.AnswerAccuracy = rr/n, correct/n
	}
	rep.AbstainPrecision = ratio(abstainedRight, abstained)
	rep.AbstainRecall = ratio(abstainedRight, float64(rep.Unanswerable))
	rep.Right = int(correct + abstainedRight)
	if intentN > 0 {
		ia, aa := intentOK/intentN, actOK/intentN
		rep.IntentAccuracy, rep.ActionableAccuracy = &ia, &aa
	}
	sort.SliceStable(rep.Misses, func(i, j int) bool { return rep.Misses[i].Kind < rep.Misses[j].Kind })
	return rep, nil
}

// ratio is a/b, and 1 when there was nothing to get wrong.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func questionFor(q Question, opt Options) answer.Question {
	aq := answer.Question{Text: q.Question, Organisation: q.Org, K: opt.K}
	if opt.Scoped && len(q.Notices) == 1 {
		aq.NoticeID = q.Notices[0]
	}
	return aq
}

// ranker is an answerer that ranks passages as it answers (answer.Composer): when it is the
// retriever too, its ranking for a question it reads alike is the retriever's, composed once.
type ranker interface {
	AnswerRanked(ctx context.Context, q, rank answer.Question) (answer.Answer, []answer.Hit, error)
}

// retrieveAndAnswer ranks passages for a question (retrieve) and answers it. The composer ranks
// passages by answering: asked for both of the same question, it composes once. (Not of the
// question sets as run, whose answers read K passages and whose recall ten: each composed twice.)
func retrieveAndAnswer(ctx context.Context, r answer.Retriever, a answer.Answerer, q Question, opt Options) ([]answer.Hit, answer.Answer, error) {
	aq := questionFor(q, opt)
	if rk, ok := a.(ranker); ok && any(rk) == any(r) && (!opt.Scoped || len(q.Notices) == 0) {
		ans, hits, err := rk.AnswerRanked(ctx, aq, retrievalQuestion(q))
		if err != nil {
			return nil, ans, err
		}
		if hits == nil { // read otherwise: ranked apart
			hits, err = retrieve(ctx, r, q, opt)
		}
		return hits, ans, err
	}
	hits, err := retrieve(ctx, r, q, opt)
	if err != nil {
		return nil, answer.Answer{}, err
	}
	ans, err := a.Answer(ctx, aq)
	return hits, ans, err
}

// retrievalQuestion is the question whose passages recall is measured on, unscoped.
func retrievalQuestion(q Question) answer.Question {
	return answer.Question{Text: q.Question, Organisation: q.Org, K: 10}
}

// retrieve ranks passages for a question: scoped to each of its notices (merged by score) when
// asked, else across the corpus (or its organisation).
func retrieve(ctx context.Context, r answer.Retriever, q Question, opt Options) ([]answer.Hit, error) {
	if !opt.Scoped || len(q.Notices) == 0 {
		return r.Retrieve(ctx, retrievalQuestion(q))
	}
	var all []answer.Hit
	for _, n := range q.Notices {
		hits, err := r.Retrieve(ctx, answer.Question{Text: q.Question, NoticeID: n, K: 10})
		if err != nil {
			return nil, err
		}
		all = append(all, hits...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	return all, nil
}

// answeredRight: the composed answer itself quotes one of the expected strings and cites one of
// the question's notices.
func answeredRight(a answer.Answer, q Question) bool {
	if a.Abstained || !mentions(a.Answer, q.AnswerContains) {
		return false
	}
	for _, c := range a.Citations {
		if contains(q.Notices, c.Notice) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// mentions compares ignoring case and runs of white space.
func mentions(text string, wants []string) bool {
	t := fold(text)
	for _, w := range wants {
		if w = fold(w); w != "" && strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func firstLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

func topPassage(hits []answer.Hit) string {
	if len(hits) == 0 {
		return "(nothing retrieved)"
	}
	return hits[0].Passage.ID + ": " + firstLine(hits[0].Passage.Text)
}

// Print writes a report for people.
func Print(w io.Writer, rep Report) {
	if lex, fused := rep.Modes["bm25"], rep.Modes["hybrid"]; lex != nil && fused != nil {
		printModes(w, *lex, *fused)
		rep = *fused // its misses follow
		rep.Modes = nil
		fmt.Fprintln(w, "\nhybrid:")
	}
	fmt.Fprintf(w, "questions          %d (%d answerable, %d unanswerable)\n", rep.Questions, rep.Answerable, rep.Unanswerable)
	fmt.Fprintf(w, "recall@1           %.3f\nrecall@3           %.3f\nrecall@5           %.3f\nMRR                %.3f\n", rep.RecallAt1, rep.RecallAt3, rep.RecallAt5, rep.MRR)
	fmt.Fprintf(w, "answer accuracy    %.3f\nabstain precision  %.3f\nabstain recall     %.3f\n", rep.AnswerAccuracy, rep.AbstainPrecision, rep.AbstainRecall)
	fmt.Fprintf(w, "decided right      %d of %d\n", rep.Right, rep.Questions)
	if rep.UnsureAnswers > 0 {
		fmt.Fprintf(w, "unsure answers     %d (%d right, %d to questions the notices don't answer)\n", rep.UnsureAnswers, rep.UnsureRight, rep.UnsureUnanswerable)
	}
	if rep.IntentAccuracy != nil {
		fmt.Fprintf(w, "intent accuracy    %.3f\nactionable acc.    %.3f\n", *rep.IntentAccuracy, *rep.ActionableAccuracy)
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintf(w, "\nmisses (%d):\n", len(rep.Misses))
		for _, m := range rep.Misses {
			fmt.Fprintf(w, "  %-18s %-10s %s\n", m.Kind, m.ID, m.Question)
			if len(m.Expected) > 0 {
				fmt.Fprintf(w, "  %-18s %-10s   expected %q\n", "", "", m.Expected)
			}
			if m.Got != "" {
				fmt.Fprintf(w, "  %-18s %-10s   got %s\n", "", "", m.Got)
			}
		}
	}
}

// printModes shows the lexical and the hybrid reports' numbers side by side.
func printModes(w io.Writer, lex, fused Report) {
	fmt.Fprintf(w, "%-18s %8s %8s\n", "", "bm25", "hybrid")
	for _, m := range []struct {
		name     string
		lex, fus float64
	}{
		{"recall@1", lex.RecallAt1, fused.RecallAt1}, {"recall@3", lex.RecallAt3, fused.RecallAt3},
		{"recall@5", lex.RecallAt5, fused.RecallAt5}, {"MRR", lex.MRR, fused.MRR},
		{"answer accuracy", lex.AnswerAccuracy, fused.AnswerAccuracy},
		{"abstain precision", lex.AbstainPrecision, fused.AbstainPrecision},
		{"abstain recall", lex.AbstainRecall, fused.AbstainRecall},
	} {
		fmt.Fprintf(w, "%-18s %8.3f %8.3f\n", m.name, m.lex, m.fus)
	}
}
