package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/eval"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
)

// run evaluates the engine built from a corpus on a question set.
func run(t *testing.T, c *notice.Corpus, questions string, opt eval.Options) eval.Report {
	t.Helper()
	f, err := os.Open(questions)
	require.NoError(t, err)
	defer f.Close()
	qs, err := eval.Load(f)
	require.NoError(t, err)
	e, err := indextest.Build(c)
	require.NoError(t, err)
	t.Cleanup(func() { e.Index.Close() })
	e.Composer.Now = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	rep, err := eval.Run(context.Background(), qs, e.Index, e.Composer, opt)
	require.NoError(t, err)
	if heldOut(questions) {
		// The sets that measure generalisation are never tuned against: what they miss is not
		// printed, not even when a floor fails, so that nobody reads it.
		t.Logf("%s: recall@3 %.3f, answer accuracy %.3f, abstention precision %.3f, recall %.3f (misses not shown)",
			questions, rep.RecallAt3, rep.AnswerAccuracy, rep.AbstainPrecision, rep.AbstainRecall)
		return rep
	}
	var buf bytesWriter
	eval.Print(&buf, rep)
	t.Logf("%s:\n%s", questions, buf)
	return rep
}

// heldOut reports whether a question set measures generalisation (held-out, unseen and test
// sets), rather than being one to develop against.
func heldOut(questions string) bool {
	for _, s := range []string{"heldout", "unseen-corpus", "test3", "test4"} {
		if strings.Contains(questions, s) {
			return true
		}
	}
	return false
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }
func (b bytesWriter) String() string               { return string(b) }

func bundled(t *testing.T) *notice.Corpus {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	return c
}

// floors are the numbers a change must not fall below: each set's measured level when it was
// last raised, a little under. They guard against regressions; the targets (recall@3 ≥
// 0.95, answer accuracy ≥ 0.85, abstention precision and recall ≥ 0.9 on every set) are logged,
// and met so far only where the floor says so.
type floors struct{ recall3, accuracy, abstainPrecision, abstainRecall float64 }

func check(t *testing.T, rep eval.Report, f floors) {
	t.Helper()
	assert.GreaterOrEqual(t, rep.RecallAt3, f.recall3, "recall@3 regressed")
	assert.GreaterOrEqual(t, rep.AnswerAccuracy, f.accuracy, "answer accuracy regressed")
	assert.GreaterOrEqual(t, rep.AbstainPrecision, f.abstainPrecision, "abstention precision regressed")
	assert.GreaterOrEqual(t, rep.AbstainRecall, f.abstainRecall, "abstention recall regressed")
	met := rep.RecallAt3 >= 0.95 && rep.AnswerAccuracy >= 0.85 && rep.AbstainPrecision >= 0.9 && rep.AbstainRecall >= 0.9
	t.Logf("issue #2 targets met on this set: %v", met)
}

// The first development set: tuned against.
func TestDevelopmentSet(t *testing.T) {
	rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "questions.jsonl"), eval.Options{})
	assert.GreaterOrEqual(t, rep.Questions, 60)
	check(t, rep, floors{recall3: 0.95, accuracy: 0.89, abstainPrecision: 0.95, abstainRecall: 0.95})
}

// The second development set, written later by someone who never saw the engine; measured once
// before it was tuned against (answer accuracy 0.713).
func TestDevelopmentSet2(t *testing.T) {
	rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "questions2.jsonl"), eval.Options{})
	check(t, rep, floors{recall3: 0.88, accuracy: 0.865, abstainPrecision: 0.9, abstainRecall: 0.94})
}

// The third development set, written by someone who never saw the engine, going through every
// fact of every notice; measured once before it was tuned against (answer accuracy 0.692), then
// tuned in rounds four (0.779), five (0.797), seven (0.814) and eight to twelve (0.826).
func TestDevelopmentSet3(t *testing.T) {
	rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "questions3.jsonl"), eval.Options{})
	check(t, rep, floors{recall3: 0.86, accuracy: 0.82, abstainPrecision: 0.88, abstainRecall: 0.88})
}

// The held-out set was written with the first development set and is never tuned against: it
// measures generalisation to questions nobody has seen. Round 9 (questions asking for a name)
// traded one right answer for one right abstention: accuracy 0.649 → 0.622, abstention precision
// 0.857 → 0.778, recall 0.667 → 0.778.
func TestHeldOutSet(t *testing.T) {
	rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "heldout.jsonl"), eval.Options{})
	check(t, rep, floors{recall3: 0.8, accuracy: 0.64, abstainPrecision: 0.77, abstainRecall: 0.77})
}

// The second held-out set: 111 questions on the bundled notices, written by a helper who never
// saw the engine, and never tuned against (only its totals are read). At the start of the session
// it was written in: recall@3 0.739, answer accuracy 0.534, abstention precision 0.343, recall
// 0.522. Round 8 (answer kinds for prices and ages, everyday spoken words): 0.739 / 0.557 / 0.367 /
// 0.478 — two more right answers for one fewer right abstention; its floor was lowered for that.
// Round 9 (names, the configured DPO contact): 0.739 / 0.557 / 0.406 / 0.565. Round 14: 0.739 /
// 0.557 / 0.438 / 0.609.
func TestHeldOutSet2(t *testing.T) {
	rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "heldout2.jsonl"), eval.Options{})
	check(t, rep, floors{recall3: 0.73, accuracy: 0.55, abstainPrecision: 0.43, abstainRecall: 0.6})
}

// Notices of two other (fictional) councils in four formats, written to tune the engine for
// notices it hasn't seen; measured once before tuning (answer accuracy 0.611), then tuned in
// rounds five (0.779), seven (0.805) and eight to twelve (0.850).
func TestDevelopmentCorpus(t *testing.T) {
	check(t, runCorpus(t, "dev-corpus"), floors{recall3: 0.88, accuracy: 0.845, abstainPrecision: 0.74, abstainRecall: 0.64})
}

// Five notices of two more fictional councils (services the other corpora don't cover), written
// by someone who never saw the engine; measured once before tuning: recall@3 0.836, answer
// accuracy 0.633, abstention precision 0.382 and recall 0.406; tuned in round 8 (0.641, 0.471,
// 0.5), round 9 (0.648, 0.526, 0.625) and rounds 10 to 12 (0.664, 0.571, 0.625).
func TestDevelopmentCorpus2(t *testing.T) {
	check(t, runCorpus(t, "dev-corpus2"), floors{recall3: 0.85, accuracy: 0.66, abstainPrecision: 0.55, abstainRecall: 0.62})
}

// Four notices of two more fictional councils (public health, blue badges, community safety,
// councillors' casework), a third of the questions long stories; written by a helper who never
// saw the engine and measured once before tuning (after round 12): recall@3 0.813, answer accuracy
// 0.500, abstention precision 0.255, recall 0.464 (the engine at the start of the session: 0.813 /
// 0.500 / 0.263 / 0.536). Round 13 (long questions answered by what they ask): 0.813 / 0.545 /
// 0.289 / 0.464. Round 14 (opening hours, how often, "how long do I have to…"): 0.813 / 0.545 /
// 0.319 / 0.536.
func TestDevelopmentCorpus3(t *testing.T) {
	check(t, runCorpus(t, "dev-corpus3"), floors{recall3: 0.81, accuracy: 0.54, abstainPrecision: 0.31, abstainRecall: 0.53})
}

// Notices of councils nobody tuned on, in the three formats a council may drop in. Round 8 kept
// answer accuracy (0.704) and lost one of its seven right abstentions (abstention precision 0.545
// → 0.455, recall 0.857 → 0.714); its floor was lowered for that, the trade being more right
// answers on every other generalisation set.
func TestUnseenCorpus(t *testing.T) {
	check(t, runCorpus(t, "unseen-corpus"), floors{recall3: 0.85, accuracy: 0.7, abstainPrecision: 0.45, abstainRecall: 0.71})
}

// Four notices of two more councils nobody tuned on (fostering and adoption, registration of
// births, deaths and marriages, trading standards, parking permits), never tuned against. At
// the start of the session it was written in: recall@3 0.794, answer accuracy 0.515, abstention
// precision 0.292, recall 0.438. Round 8: 0.794 / 0.632 / 0.5 / 0.438. Round 9: 0.794 / 0.632 /
// 0.533 / 0.5. Rounds 10 to 12: 0.794 / 0.647 / 0.571 / 0.5.
func TestUnseenCorpus2(t *testing.T) {
	check(t, runCorpus(t, "unseen-corpus2"), floors{recall3: 0.79, accuracy: 0.64, abstainPrecision: 0.56, abstainRecall: 0.5})
}

// The final test sets, written by a helper who never saw the engine and measured once, at the
// end of the session that tuned rounds 8 to 14 (never used to choose anything): test3 on the
// bundled notices and unseen-corpus3 (licensing, environmental health, adult learning and youth
// services of two new councils). The engine at the start of that session scored test3 0.764 /
// 0.444 / 0.226 / 0.389 and unseen-corpus3 0.859 / 0.641 / 0.476 / 0.625.
func TestTestSets(t *testing.T) {
	t.Run("test3", func(t *testing.T) {
		rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "test3.jsonl"), eval.Options{})
		check(t, rep, floors{recall3: 0.76, accuracy: 0.54, abstainPrecision: 0.38, abstainRecall: 0.55})
	})
	t.Run("unseen-corpus3", func(t *testing.T) {
		check(t, runCorpus(t, "unseen-corpus3"), floors{recall3: 0.87, accuracy: 0.67, abstainPrecision: 0.55, abstainRecall: 0.62})
	})
	// Written while round 15 was tuned, measured once after it: test4 0.656 / 0.375 / 0.297 /
	// 0.688 (session start 0.656 / 0.281 / 0.259 / 0.875); unseen-corpus4 (school transport,
	// concessionary travel, home adaptations) 0.911 / 0.571 / 0.375 / 0.643 (start 0.911 / 0.518 /
	// 0.345 / 0.714).
	t.Run("test4", func(t *testing.T) {
		rep := run(t, bundled(t), filepath.Join("..", "..", "testdata", "eval", "test4.jsonl"), eval.Options{})
		check(t, rep, floors{recall3: 0.65, accuracy: 0.37, abstainPrecision: 0.29, abstainRecall: 0.68})
	})
	t.Run("unseen-corpus4", func(t *testing.T) {
		check(t, runCorpus(t, "unseen-corpus4"), floors{recall3: 0.9, accuracy: 0.57, abstainPrecision: 0.37, abstainRecall: 0.64})
	})
}

// runCorpus evaluates a corpus under testdata/ on the questions.jsonl beside its notices.
func runCorpus(t *testing.T, name string) eval.Report {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", name)
	c, err := notice.Load(os.DirFS(dir))
	require.NoError(t, err)
	return run(t, c, filepath.Join(dir, "questions.jsonl"), eval.Options{})
}

// Scoped to each question's own notices (the per-notice benchmark), retrieval must do at least as
// well as across the whole corpus.
func TestScopedIsNoWorse(t *testing.T) {
	file := filepath.Join("..", "..", "testdata", "eval", "questions.jsonl")
	all := run(t, bundled(t), file, eval.Options{})
	scoped := run(t, bundled(t), file, eval.Options{Scoped: true})
	assert.GreaterOrEqual(t, scoped.RecallAt5, all.RecallAt5)
}

func TestLoadNamesTheBadLine(t *testing.T) {
	_, err := eval.Load(strings.NewReader(`{"id":"a","question":"q"}` + "\n" + `{"id":"b",` + "\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 2")
	_, err = eval.Load(strings.NewReader(`{"id":"a","question":"q"}` + "\n" + `{"id":"a","question":"r"}` + "\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "also on line 1")
}
