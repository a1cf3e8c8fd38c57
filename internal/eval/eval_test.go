package eval_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/eval"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
)

// run evaluates the engine built from a corpus on a question set and logs the report: in full
// for a development set, its totals only for a set that measures generalisation (held out, so
// that nobody reads what it misses, not even when a floor fails).
func run(t *testing.T, c *notice.Corpus, questions string, opt eval.Options, heldOut bool) eval.Report {
	t.Helper()
	qs := load(t, questions)
	e := engine(t, c)
	rep, err := eval.Run(context.Background(), qs, e.Composer, e.Composer, opt)
	require.NoError(t, err)
	if heldOut {
		t.Logf("%s: recall@3 %.3f, answer accuracy %.3f, abstention precision %.3f, recall %.3f (misses not shown)",
			questions, rep.RecallAt3, rep.AnswerAccuracy, rep.AbstainPrecision, rep.AbstainRecall)
		return rep
	}
	var buf bytesWriter
	eval.Print(&buf, rep)
	t.Logf("%s:\n%s", questions, buf)
	return rep
}

func load(t *testing.T, questions string) []eval.Question {
	t.Helper()
	f, err := os.Open(questions)
	require.NoError(t, err)
	defer f.Close()
	qs, err := eval.Load(f)
	require.NoError(t, err)
	return qs
}

func engine(t *testing.T, c *notice.Corpus) *indextest.Engine {
	t.Helper()
	e, err := indextest.Build(c)
	require.NoError(t, err)
	t.Cleanup(func() { e.Index.Close() })
	e.Composer.Now = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	return e
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
//
// The recall@3 floors were raised for every set once passages were ranked as the composer reads
// them (Composer.Retrieve, 7 December 2026): to the level then measured, rounded down to the
// hundredth at least half a point under it.
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

// A questionSet is a file of questions under testdata/eval/ (asked of the bundled notices) or a
// corpus directory under testdata/ with its questions.jsonl, and the floors it is held to.
type questionSet struct {
	name   string // "eval/heldout2.jsonl" or "dev-corpus2"
	group  setGroup
	floors floors
}

// setGroup is what a question set is for.
type setGroup string

const (
	// development sets are tuned against: their misses are read, and the abstention model is
	// trained on them.
	development setGroup = "development"
	// validation sets choose between the variants of a round: only their totals are read.
	validation setGroup = "validation"
	// test sets are measured once a round is chosen, with its engine and the one before.
	test setGroup = "test"
)

// heldOut reports whether a set measures generalisation: never tuned against, only its totals
// are read, not even when a floor fails.
func (g setGroup) heldOut() bool { return g != development }

// questionSets, with what each measured when (recall@3 / answer accuracy / abstention precision
// / abstention recall). Every set was written by someone who never saw the engine and measured
// once before it was tuned against.
var questionSets = []questionSet{
	// Rounds 19 to 27 (one session) replaced the abstention thresholds with a model trained on the
	// development sets (internal/answer/decide.go), quoted the sentence that goes on about the best
	// one, favoured sentences of the answer type a question asks in (a reason for "why"), and
	// answered a question naming its council from that council's notices only. Each set says where it
	// was before round 19 and where it is after round 27 (the model trained on 17 development sets).
	// The model answers more questions right and abstains with more precision, for some right
	// abstentions on some sets: the floors lowered for that say so.

	// The first development set. Rounds 19 to 27: 0.962 / 0.899 / 1.000 / 1.000 → 0.962 / 0.911 /
	// 0.952 / 1.000 (91 → 92 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.962 / 0.899 /
	// 0.952 / 1.000 (91 right), its accuracy floor lowered for the one answer lost.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained):
	// 0.962 / 0.886 / 0.952 / 1.000 (90 right), its accuracy floor lowered for the one answer lost;
	// still above #2's targets.
	// Passages ranked as the composer reads them (Composer.Retrieve): recall@3 rose on 24 of the 29
	// development and validation sets and 20 of the 22 test sets, and fell on this one (0.962 to 0.949); its
	// recall floor lowered to it.
	{"eval/questions.jsonl", development, floors{recall3: 0.94, accuracy: 0.88, abstainPrecision: 0.95, abstainRecall: 1}},
	// Before tuning: accuracy 0.713. Rounds 19 to 27: 0.917 / 0.880 / 0.909 / 1.000 → 0.917 / 0.852 /
	// 0.769 / 1.000 (115 → 112 right). Abstention precision floor lowered: three more wrong
	// abstentions. Round 29 (the asking sentence weighs more, retrained): 0.917 / 0.843 / 0.741 /
	// 1.000 (111 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.917 / 0.843 /
	// 0.760 / 0.950 (110 right), its abstention recall floor lowered for one question the notices
	// don't answer answered.
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.917 / 0.833 / 0.769 / 1.000, 110 of 128 right.
	{"eval/questions2.jsonl", development, floors{recall3: 0.93, accuracy: 0.83, abstainPrecision: 0.74, abstainRecall: 0.95}},
	// Every fact of every notice. Before tuning: accuracy 0.692; rounds four 0.779, five 0.797, seven
	// 0.814, eight to twelve 0.826. Rounds 19 to 27: 0.872 / 0.826 / 0.893 / 0.926 → 0.872 / 0.831 /
	// 0.806 / 0.926 (167 → 168 right).
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained):
	// 0.878 / 0.820 / 0.806 / 0.926 (166 right), its accuracy floor lowered for two answers lost.
	// Round 33 (acronyms the notices define, prices told from how a fee is paid, dev-corpus15
	// trained on; retrained): 0.878 / 0.814 / 0.781 / 0.926 (165 right), its precision floor lowered.
	{"eval/questions3.jsonl", development, floors{recall3: 0.91, accuracy: 0.81, abstainPrecision: 0.78, abstainRecall: 0.92}},
	// Two fictional councils in four formats. Before tuning: accuracy 0.611; rounds five 0.779, seven
	// 0.805, eight to twelve 0.850. Rounds 19 to 27: 0.885 / 0.850 / 0.760 / 0.679 → 0.885 / 0.850 /
	// 0.840 / 0.750 (115 → 117 right). Round 28 (the asking sentence names the council, retrained):
	// 0.885 / 0.858 / 0.870 / 0.714 (117 right), its abstention recall floor lowered for one more
	// right answer and one fewer right abstention. Round 29 (the asking sentence weighs more,
	// retrained): 0.885 / 0.850 / 0.840 / 0.750 (117 right).
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.885 / 0.850 / 0.815 / 0.786, 118 of 141 right.
	// Round 34 (a kind of fact asked adds to a passage's score instead of halving the others'; retrained): 0.938 / 0.850 / 0.793 / 0.821, 119 right, its precision floor lowered.
	{"dev-corpus", development, floors{recall3: 0.93, accuracy: 0.84, abstainPrecision: 0.79, abstainRecall: 0.71}},
	// Bereavement, school admissions, a main notice, waste, electoral registration. Before tuning:
	// 0.836 / 0.633 / 0.382 / 0.406; round 8: accuracy 0.641, abstention 0.471 / 0.5; round 9: 0.648,
	// 0.526 / 0.625; rounds 10 to 12: 0.664, 0.571 / 0.625; round 18 (call recording) lost a long
	// story's answer: 0.656, 0.541 / 0.625. Rounds 19 to 27: 0.852 / 0.656 / 0.541 / 0.625 → 0.852 /
	// 0.672 / 0.600 / 0.750 (104 → 110 right).
	{"dev-corpus2", development, floors{recall3: 0.87, accuracy: 0.67, abstainPrecision: 0.6, abstainRecall: 0.75}},
	// Public health, blue badges, community safety, councillors' casework; a third long stories.
	// Before tuning (after round 12): 0.813 / 0.500 / 0.255 / 0.464; round 13 (long questions
	// answered by what they ask): 0.813 / 0.545 / 0.289 / 0.464; round 14 (hours, how often, "how
	// long do I have to…"): 0.813 / 0.545 / 0.319 / 0.536. Rounds 19 to 27: 0.821 / 0.580 / 0.340 /
	// 0.571 → 0.821 / 0.643 / 0.476 / 0.714 (81 → 92 right). Round 28: 0.821 / 0.634 / 0.488 / 0.714
	// (91 right). Round 29 (the asking sentence weighs more, retrained): 0.821 / 0.598 / 0.463 / 0.679
	// (86 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.821 / 0.625 /
	// 0.486 / 0.643 (88 right), its abstention recall floor lowered for one right abstention
	// fewer.
	{"dev-corpus3", development, floors{recall3: 0.87, accuracy: 0.59, abstainPrecision: 0.46, abstainRecall: 0.64}},
	// Job applicants, local welfare support, museums and archives, complaints; a third long stories.
	// Before tuning (after round 15): 0.848 / 0.571 / 0.326 / 0.577. Round 16 ("docs", "the
	// recruitment team"): 0.838 / 0.590 / 0.341 / 0.577; round 17 (how long someone else keeps
	// something): 0.838 / 0.590 / 0.356 / 0.615. Rounds 19 to 27: 0.838 / 0.590 / 0.370 / 0.654 →
	// 0.838 / 0.714 / 0.459 / 0.654 (79 → 92 right). Round 29 (the asking sentence weighs more,
	// retrained): 0.838 / 0.705 / 0.462 / 0.692 (92 right).
	{"dev-corpus4", development, floors{recall3: 0.90, accuracy: 0.7, abstainPrecision: 0.45, abstainRecall: 0.65}},
	// Council housing, allotments, early help, pest control. Before tuning (after round 20): 0.920 /
	// 0.732 / 0.696 / 0.571; trained on from round 22. Rounds 19 to 27: 0.920 / 0.705 / 0.621 / 0.643
	// → 0.920 / 0.750 / 0.810 / 0.607 (97 → 101 right). Round 29 (the asking sentence weighs more,
	// retrained): 0.920 / 0.741 / 0.773 / 0.607 (100 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.920 / 0.768 /
	// 0.739 / 0.607 (103 right), its abstention precision floor lowered for one more false
	// abstention.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained):
	// 0.920 / 0.786 / 0.708 / 0.607 (105 right), its precision floor lowered for one more false
	// abstention.
	// Round 33's fix (a possessive names its council, "MK's"; retrained): 0.920 / 0.786 / 0.680 /
	// 0.607 (105 right), its precision floor lowered for one more false abstention.
	// Round 34 (a kind of fact asked adds to a passage's score instead of halving the others'; retrained): 0.920 / 0.795 / 0.667 / 0.571, 106 → 105 right, its abstention floors lowered.
	{"dev-corpus5", development, floors{recall3: 0.91, accuracy: 0.74, abstainPrecision: 0.66, abstainRecall: 0.57}},
	// Private sector housing, the coroner, domestic abuse support, events and filming. Before tuning
	// (after round 20): 0.866 / 0.750 / 0.600 / 0.429; trained on from round 22. Rounds 19 to 27:
	// 0.866 / 0.696 / 0.500 / 0.679 → 0.866 / 0.741 / 0.621 / 0.643 (97 → 101 right). Round 29 (the
	// asking sentence weighs more, retrained): 0.866 / 0.732 / 0.594 / 0.679 (101 right).
	// Passages ranked as the composer reads them (Composer.Retrieve): recall@3 rose on 24 of the 29
	// development and validation sets and 20 of the 22 test sets, and fell on this one (0.866 to 0.857); its
	// recall floor lowered to it.
	{"dev-corpus6", development, floors{recall3: 0.85, accuracy: 0.73, abstainPrecision: 0.59, abstainRecall: 0.64}},
	// Adult social care charging, leisure and swimming, housing benefit overpayments and fraud, the
	// contact centre. Before tuning (after round 22): 0.866 / 0.723 / 0.714 / 0.357; trained on from
	// round 23. Rounds 19 to 27: 0.866 / 0.661 / 0.423 / 0.393 → 0.866 / 0.714 / 0.650 / 0.464 (85 →
	// 93 right).
	{"dev-corpus7", development, floors{recall3: 0.86, accuracy: 0.71, abstainPrecision: 0.65, abstainRecall: 0.46}},
	// SEND, a long formal corporate notice, doorstep crime, community grants. Before tuning (after
	// round 22): 0.830 / 0.670 / 0.500 / 0.464; trained on from round 23. Rounds 19 to 27: 0.830 /
	// 0.607 / 0.425 / 0.607 → 0.830 / 0.670 / 0.533 / 0.571 (85 → 91 right). Round 28: 0.830 / 0.670
	// / 0.516 / 0.571 (91 right: one more false abstention), its precision floor lowered.
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.830 / 0.696 /
	// 0.517 / 0.536 (93 right): it lost four, mostly to false abstentions where the sentence that
	// answers covers less of a long question than the one quoted before it. December 2026 (a bullet
	// quoted with its list's lead-in, retrained): 0.830 / 0.714 / 0.500 / 0.571 (96 right, was 97:
	// one more question the notices don't answer answered), its precision floor lowered; the
	// development sets gained two and the validation sets one.
	// Round 34 (a kind of fact asked adds to a passage's score instead of halving the others'; retrained): 0.884 / 0.696 / 0.485 / 0.571, 97 → 94 right (two stories abstained on, one grant question answered), its precision floor lowered.
	{"dev-corpus8", development, floors{recall3: 0.87, accuracy: 0.66, abstainPrecision: 0.48, abstainRecall: 0.53}},
	// Children in care, CCTV and body-worn cameras, business rates and grants, registration. Before
	// tuning (after round 24): 0.821 / 0.696 / 0.488 / 0.714, 98 of 140 right (the engine before
	// round 19: 0.821 / 0.616 / 0.364 / 0.571, 85); trained on from round 25. Rounds 19 to 27: 0.821
	// / 0.616 / 0.364 / 0.571 → 0.821 / 0.696 / 0.524 / 0.786 (85 → 100 right).
	{"dev-corpus9", development, floors{recall3: 0.87, accuracy: 0.69, abstainPrecision: 0.52, abstainRecall: 0.78}},
	// Homelessness, website and online accounts, planning enforcement, a staff notice. Before tuning
	// (after round 24): 0.884 / 0.705 / 0.579 / 0.786, 101 of 140 right (before round 19: 0.884 /
	// 0.661 / 0.477 / 0.750, 95); trained on from round 25. Rounds 19 to 27: 0.884 / 0.661 / 0.477 /
	// 0.750 → 0.884 / 0.705 / 0.561 / 0.821 (95 → 102 right). Round 28: 0.884 / 0.705 / 0.564 / 0.786
	// (101 right). Round 29 (the asking sentence weighs more, retrained): 0.884 / 0.750 / 0.550 /
	// 0.786 (106 right).
	{"dev-corpus10", development, floors{recall3: 0.89, accuracy: 0.7, abstainPrecision: 0.55, abstainRecall: 0.78}},
	// Electoral canvass and postal votes, blue badges, FOI and EIR requests, cemetery fees. Before
	// tuning (after round 26): 0.839 / 0.732 / 0.522 / 0.429, 94 of 140 right (before round 19: 0.839
	// / 0.688 / 0.400 / 0.500, 91); trained on from round 27. Rounds 19 to 27: 0.839 / 0.688 / 0.400
	// / 0.500 → 0.839 / 0.732 / 0.542 / 0.464 (91 → 95 right).
	{"dev-corpus11", development, floors{recall3: 0.89, accuracy: 0.73, abstainPrecision: 0.54, abstainRecall: 0.46}},
	// Direct payments, food safety, school admission appeals, estate services. Before tuning (after
	// round 26): 0.866 / 0.759 / 0.500 / 0.393, 96 of 140 right (before round 19: 0.866 / 0.732 /
	// 0.375 / 0.321, 91); trained on from round 27. Rounds 19 to 27: 0.866 / 0.732 / 0.375 / 0.321 →
	// 0.866 / 0.759 / 0.500 / 0.393 (91 → 96 right). Round 28: 0.866 / 0.750 / 0.478 / 0.393 (95
	// right).
	{"dev-corpus12", development, floors{recall3: 0.87, accuracy: 0.75, abstainPrecision: 0.47, abstainRecall: 0.39}},
	// Noise nuisance, consultations and surveys, the virtual school, garden and bulky waste. Before
	// tuning (after round 26): 0.830 / 0.696 / 0.600 / 0.536, 93 of 140 right (before round 19: 0.830
	// / 0.679 / 0.516 / 0.571, 92); trained on from round 27. Rounds 19 to 27: 0.830 / 0.679 / 0.516
	// / 0.571 → 0.830 / 0.696 / 0.593 / 0.571 (92 → 94 right). Round 30 (phone and e-mail questions
	// asked as "phone number for X", retrained): 0.830 / 0.688 / 0.581 / 0.643 (95 right).
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.830 / 0.714 / 0.571 / 0.571, 96 of 140 right.
	{"dev-corpus13", development, floors{recall3: 0.90, accuracy: 0.68, abstainPrecision: 0.57, abstainRecall: 0.57}},
	// Councillors' interests and allowances, the housing register, family hubs, sundry debts. Before
	// tuning (after round 26): 0.884 / 0.696 / 0.773 / 0.607, 95 of 140 right (before round 19: 0.884
	// / 0.652 / 0.500 / 0.500, 87); trained on from round 27. Rounds 19 to 27: 0.884 / 0.652 / 0.500
	// / 0.500 → 0.884 / 0.696 / 0.783 / 0.643 (87 → 96 right).
	{"dev-corpus14", development, floors{recall3: 0.88, accuracy: 0.69, abstainPrecision: 0.78, abstainRecall: 0.64}},
	// E-petitions and public speaking, HMO licensing, the Household Support Fund, LADO allegations
	// (two new councils), written by a helper who never saw the engine. Before tuning (round 32):
	// 0.795 / 0.661 / 0.522 / 0.429, 86 of 140 right; trained on from round 33. Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained):
	// 0.795 / 0.696 / 0.550 / 0.393, 89 right.
	{"dev-corpus15", development, floors{recall3: 0.82, accuracy: 0.69, abstainPrecision: 0.55, abstainRecall: 0.39}},

	// Written with the first development set. Round 9 (questions asking for a name) traded one right
	// answer for one right abstention: accuracy 0.649 → 0.622, abstention 0.857 / 0.667 → 0.778 /
	// 0.778; round 10 took recall@3 from 0.784 to 0.811. Rounds 19 to 27: 0.811 / 0.649 / 0.778 /
	// 0.778 → 0.811 / 0.649 / 0.700 / 0.778 (31 → 31 right). Abstention precision floor lowered: one
	// more wrong abstention.
	{"eval/heldout.jsonl", validation, floors{recall3: 0.86, accuracy: 0.64, abstainPrecision: 0.7, abstainRecall: 0.77}},
	// 111 questions. When written (start of the session of rounds 8 to 15): 0.739 / 0.534 / 0.343 /
	// 0.522; round 8 (prices, ages, everyday spoken words): 0.739 / 0.557 / 0.367 / 0.478 — two more
	// right answers for one fewer right abstention, its floor lowered for that; round 9 (names, the
	// configured DPO contact): 0.739 / 0.557 / 0.406 / 0.565; round 14: 0.739 / 0.557 / 0.438 /
	// 0.609. Rounds 19 to 27: 0.739 / 0.557 / 0.438 / 0.609 → 0.739 / 0.614 / 0.519 / 0.609 (63 → 68
	// right). Round 28 (the abstention model retrained after a scoping rule): 0.739 / 0.602 / 0.500 /
	// 0.609 (67 right), floors lowered for that one false abstention.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.739 / 0.614 / 0.483 / 0.609 (70 → 68 right), its precision floor lowered.
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.739 / 0.614 / 0.467 / 0.609, its precision floor lowered.
	{"eval/heldout2.jsonl", validation, floors{recall3: 0.80, accuracy: 0.6, abstainPrecision: 0.46, abstainRecall: 0.6}},
	// Councils nobody tuned on, in the three formats a council may drop in. Round 8 kept accuracy
	// (0.704) and lost one of its seven right abstentions (0.545 / 0.857 → 0.455 / 0.714); its floor
	// was lowered for that, the trade being more right answers on the other sets. Rounds 19 to 27:
	// 0.889 / 0.741 / 0.500 / 0.714 → 0.889 / 0.704 / 0.500 / 0.857 (25 → 25 right).
	{"unseen-corpus", validation, floors{recall3: 0.92, accuracy: 0.7, abstainPrecision: 0.5, abstainRecall: 0.85}},
	// Fostering and adoption, registration, trading standards, parking permits. When written: 0.794 /
	// 0.515 / 0.292 / 0.438; round 8: 0.794 / 0.632 / 0.5 / 0.438; round 9: 0.794 / 0.632 / 0.533 /
	// 0.5; rounds 10 to 12: 0.794 / 0.647 / 0.571 / 0.5; round 17: 0.794 / 0.647 / 0.6 / 0.563.
	// Rounds 19 to 27: 0.794 / 0.647 / 0.600 / 0.562 → 0.794 / 0.632 / 0.529 / 0.562 (53 → 52 right).
	// Floors lowered: one answer fewer, one more wrong abstention.
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.794 / 0.632 /
	// 0.476 / 0.625 (53 right), its abstention precision floor lowered for one more false
	// abstention.
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.794 / 0.647 / 0.455 / 0.625, its precision floor lowered.
	{"unseen-corpus2", validation, floors{recall3: 0.87, accuracy: 0.63, abstainPrecision: 0.45, abstainRecall: 0.56}},
	// Libraries, environmental enforcement, young carers, council tax; written for round 22 and a
	// validation set since. When written (after round 20): 0.854 / 0.708 / 0.667 / 0.667. Rounds 19
	// to 27: 0.854 / 0.625 / 0.543 / 0.792 → 0.854 / 0.719 / 0.704 / 0.792 (79 → 88 right). Round 28:
	// 0.854 / 0.719 / 0.667 / 0.750 (87 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.854 / 0.740 /
	// 0.643 / 0.750 (89 right), its abstention precision floor lowered for one more false
	// abstention.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.854 / 0.698 / 0.643 / 0.750 (89 → 85 right), its accuracy floor lowered.
	// Round 33 (acronyms the notices define; dev-corpus15 trained on; retrained): 0.854 / 0.698 / 0.621 / 0.750, its precision floor lowered.
	// Round 34 (a kind of fact asked adds to a passage's score instead of halving the others'; retrained): 0.885 / 0.719 / 0.586 / 0.708, its recall@3 and abstention floors lowered.
	{"unseen-corpus7", validation, floors{recall3: 0.88, accuracy: 0.69, abstainPrecision: 0.58, abstainRecall: 0.70}},
	// Parking, adult safeguarding, health checks and weight management; a validation set, written
	// after round 24. When written: 0.863 / 0.637 / 0.478 / 0.550, 62 of 100 right (the engine before
	// round 19: 0.863 / 0.625 / 0.478 / 0.550, 61). Rounds 19 to 27: 0.863 / 0.625 / 0.478 / 0.550 →
	// 0.863 / 0.637 / 0.500 / 0.600 (61 → 63 right).
	{"unseen-corpus8", validation, floors{recall3: 0.89, accuracy: 0.63, abstainPrecision: 0.5, abstainRecall: 0.6}},
	// Four more validation corpora, written as development corpora 15 to 18 and measured once
	// before anything was tuned on them; a session's experiments (learnt associations, and
	// training the abstention model on them too) were chosen against on unseen-corpus11 and 12
	// and then not kept, so the engine that measures them never learnt from them.
	// Home energy grants, holiday activities and food, dial-a-ride, the National Fraud Initiative:
	// 0.911 / 0.661 / 0.588 / 0.357, 84 of 140 right. Round 29 (the asking sentence weighs more,
	// retrained): 0.911 / 0.679 / 0.556 / 0.357 (86 right).
	// Passages ranked as the composer reads them (Composer.Retrieve): recall@3 rose on 24 of the 29
	// development and validation sets and 20 of the 22 test sets, and fell on this one (0.911 to 0.884); its
	// recall floor lowered to it.
	{"unseen-corpus11", validation, floors{recall3: 0.88, accuracy: 0.66, abstainPrecision: 0.55, abstainRecall: 0.35}},
	// Emergency planning, the music service, harbour moorings, youth justice: 0.902 / 0.759 /
	// 0.562 / 0.321, 94 of 140 right.
	// Round 31 (the asking sentence's own words choose the sentence, retrained): 0.902 / 0.795 /
	// 0.571 / 0.286 (97 right), its abstention recall floor lowered for two right abstentions
	// fewer.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.902 / 0.804 / 0.529 / 0.321 (97 → 99 right), its precision floor lowered for one more false
	// abstention.
	{"unseen-corpus12", validation, floors{recall3: 0.92, accuracy: 0.75, abstainPrecision: 0.52, abstainRecall: 0.28}},
	// Sports pitch bookings, flood risk and sandbags, webcasting council meetings, the self-build
	// register: 0.929 / 0.821 / 0.818 / 0.321, 101 of 140 right.
	{"unseen-corpus13", validation, floors{recall3: 0.94, accuracy: 0.82, abstainPrecision: 0.81, abstainRecall: 0.32}},
	// Fleet telematics, translation and interpreting, Gypsy and Traveller sites, road safety:
	// 0.821 / 0.661 / 0.375 / 0.321, 83 of 140 right. Round 29 (the asking sentence weighs more,
	// retrained): 0.821 / 0.679 / 0.348 / 0.286 (84 right).
	{"unseen-corpus14", validation, floors{recall3: 0.91, accuracy: 0.66, abstainPrecision: 0.34, abstainRecall: 0.28}},
	// The pension fund, care leavers, EV charging, tourism and the box office (two new councils),
	// written by a helper who never saw the engine, committed before it was measured; with the engine of round 32: 0.857 / 0.661 / 0.345 / 0.357, 84 of
	// 140 right.
	{"unseen-corpus19", validation, floors{recall3: 0.88, accuracy: 0.66, abstainPrecision: 0.34, abstainRecall: 0.35}},

	// The final test sets, never used to choose anything. test3 and unseen-corpus3 (licensing,
	// environmental health, adult learning, youth services) measured after round 14: 0.764 / 0.542 /
	// 0.385 / 0.556 and 0.875 / 0.672 / 0.556 / 0.625. (test3's accuracy then flickered between 0.542
	// and 0.556 from run to run, until retrieval broke ties the same way every time.) Test sets 3 to
	// 5 were measured again after rounds 19, 20, 22, 24, 25, 26 and 27, never to choose. Rounds 19 to
	// 27: 0.764 / 0.556 / 0.385 / 0.556 → 0.764 / 0.639 / 0.500 / 0.667 (50 → 58 right).
	{"eval/test3.jsonl", test, floors{recall3: 0.85, accuracy: 0.63, abstainPrecision: 0.5, abstainRecall: 0.66}},
	// Round 16, chosen on the development and validation sets, cost unseen-corpus3 one right answer
	// (accuracy 0.672 → 0.656); its floor records that, it did not choose. Rounds 19 to 27: 0.875 /
	// 0.656 / 0.556 / 0.625 → 0.875 / 0.641 / 0.550 / 0.688 (52 → 52 right).
	// Round 33 (acronyms the notices define, prices told from how a fee is paid, dev-corpus15 trained on), measured once:
	// 0.875 / 0.656 / 0.500 / 0.688, its precision floor lowered.
	{"unseen-corpus3", test, floors{recall3: 0.88, accuracy: 0.64, abstainPrecision: 0.5, abstainRecall: 0.68}},
	// test4 and unseen-corpus4 (school transport, concessionary travel, home adaptations), written
	// while round 15 was tuned, measured after it: 0.656 / 0.375 / 0.297 / 0.688 and 0.911 / 0.571 /
	// 0.375 / 0.643. Rounds 19 to 27: 0.656 / 0.375 / 0.297 / 0.688 → 0.656 / 0.453 / 0.448 / 0.812
	// (35 → 42 right). Round 28 (measured once, after it was settled on the other sets): 0.656 /
	// 0.438 / 0.448 / 0.812 (41 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained), measured once:
	// 0.656 / 0.453 / 0.444 / 0.750 (41 right), its abstention recall floor lowered.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.656 / 0.469 / 0.407 / 0.688 (41 → 41 right), one more answer and one fewer right abstention.
	{"eval/test4.jsonl", test, floors{recall3: 0.72, accuracy: 0.43, abstainPrecision: 0.4, abstainRecall: 0.68}},
	// Rounds 19 to 27: 0.911 / 0.571 / 0.375 / 0.643 → 0.911 / 0.661 / 0.467 / 0.500 (41 → 44 right).
	// Abstention recall floor lowered: two right abstentions fewer, five right answers more. Round 29
	// (the asking sentence weighs more, retrained): 0.911 / 0.679 / 0.462 / 0.429 (44 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained), measured once:
	// 0.911 / 0.643 / 0.462 / 0.429 (42 right), its accuracy floor lowered for two answers lost.
	{"unseen-corpus4", test, floors{recall3: 0.94, accuracy: 0.64, abstainPrecision: 0.46, abstainRecall: 0.42}},
	// test5 and unseen-corpus5 (telecare, street naming and numbering, markets), written while round
	// 16 was tuned, measured after it: 0.655 / 0.291 / 0.25 / 0.6 and 0.696 / 0.518 / 0.263 / 0.357.
	// Rounds 19 to 27: 0.655 / 0.291 / 0.250 / 0.600 → 0.655 / 0.382 / 0.323 / 0.667 (25 → 31 right).
	{"eval/test5.jsonl", test, floors{recall3: 0.75, accuracy: 0.38, abstainPrecision: 0.32, abstainRecall: 0.66}},
	// Rounds 19 to 27: 0.696 / 0.518 / 0.263 / 0.357 → 0.696 / 0.518 / 0.312 / 0.357 (34 → 34 right).
	{"unseen-corpus5", test, floors{recall3: 0.74, accuracy: 0.51, abstainPrecision: 0.31, abstainRecall: 0.35}},
	// test6 (the bundled notices) and unseen-corpus6 (free school meals, trees, apprenticeships),
	// written while round 19 was tuned, measured after round 24 (64 and 50 right) and again after
	// rounds 25 (63 and 49), 26 (64 and 50) and 27, choosing nothing. Rounds 19 to 27: 0.906 / 0.812
	// / 0.733 / 0.688 → 0.906 / 0.828 / 0.800 / 0.750 (63 → 65 right).
	// Round 31 (the asking sentence's own words choose the sentence, retrained), measured once:
	// 0.906 / 0.812 / 0.765 / 0.812 (65 right), its accuracy and precision floors lowered.
	{"eval/test6.jsonl", test, floors{recall3: 0.91, accuracy: 0.81, abstainPrecision: 0.76, abstainRecall: 0.75}},
	// Rounds 19 to 27: 0.844 / 0.594 / 0.467 / 0.438 → 0.844 / 0.656 / 0.667 / 0.500 (45 → 50 right).
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.844 / 0.688 / 0.625 / 0.625 (56 → 54 right), its precision floor lowered.
	{"unseen-corpus6", test, floors{recall3: 0.91, accuracy: 0.65, abstainPrecision: 0.62, abstainRecall: 0.5}},
	// test7 (the bundled notices) and unseen-corpus9 (school attendance, Disabled Facilities
	// Grants, taxi licensing), written after round 27 and measured once: 0.859 / 0.703 / 0.667 /
	// 0.625 and 0.764 / 0.625 / 0.625 / 0.556, 55 of 80 and 55 of 90 right (the engine before round
	// 19: 0.859 / 0.641 / 0.476 / 0.625 and 0.764 / 0.597 / 0.474 / 0.500, 51 and 52). Round 29 (the
	// asking sentence weighs more, retrained): 0.859 / 0.703 / 0.625 / 0.625 (55 right).
	{"eval/test7.jsonl", test, floors{recall3: 0.87, accuracy: 0.7, abstainPrecision: 0.62, abstainRecall: 0.62}},
	{"unseen-corpus9", test, floors{recall3: 0.85, accuracy: 0.62, abstainPrecision: 0.62, abstainRecall: 0.55}},
	// test8 (the bundled notices) and unseen-corpus10 (dog warden and stray dogs, public rights of
	// way, a community lottery), written after round 27 and measured with the engine of round 27:
	// 0.859 / 0.750 / 0.632 / 0.750 and 0.875 / 0.750 / 0.562 / 0.500, 60 of 80 and 63 of 90 right.
	// Round 28: test8 0.859 / 0.750 / 0.600 / 0.750 (60 right), unseen-corpus10 unchanged (63).
	{"eval/test8.jsonl", test, floors{recall3: 0.90, accuracy: 0.74, abstainPrecision: 0.6, abstainRecall: 0.74}},
	{"unseen-corpus10", test, floors{recall3: 0.89, accuracy: 0.74, abstainPrecision: 0.56, abstainRecall: 0.49}},
	// test9 (the bundled notices, 80 questions) and unseen-corpus15 (taxi and private hire
	// licensing, public health funerals, home to school transport, private water supplies; 140),
	// written after round 30 by helpers who never saw the engine, and measured once with the
	// engines of round 27 (the start of that session) and round 30: 0.833 / 0.683 / 0.571 / 0.600 →
	// 0.867 / 0.683 / 0.583 / 0.700 (53 → 55 of 80 right) and 0.888 / 0.735 / 0.615 / 0.381 → 0.888 /
	// 0.745 / 0.667 / 0.381 (88 → 89 of 140).
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.867 / 0.667 / 0.565 / 0.650 (55 → 53 right).
	// Passages ranked as the composer reads them (Composer.Retrieve): recall@3 rose on 24 of the 29
	// development and validation sets and 20 of the 22 test sets, and fell on this one (0.867 to 0.833); its
	// recall floor lowered to it.
	{"eval/test9.jsonl", test, floors{recall3: 0.83, accuracy: 0.66, abstainPrecision: 0.56, abstainRecall: 0.65}},
	// Round 31 (the asking sentence's own words choose the sentence, retrained), measured once:
	// 0.888 / 0.755 / 0.615 / 0.381 (90 right), its abstention precision floor lowered.
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// 0.888 / 0.745 / 0.556 / 0.357 (90 → 88 right).
	{"unseen-corpus15", test, floors{recall3: 0.89, accuracy: 0.74, abstainPrecision: 0.55, abstainRecall: 0.35}},
	// test10 (the bundled notices, 80 questions) and unseen-corpus16 (discretionary housing
	// payments, animal welfare licensing, 16-18 participation tracking, skip and scaffolding
	// permits; 140), written after round 31 by helpers who never saw the engine, and measured once
	// with the engines of round 30 (the start of that session) and round 31: 0.900 / 0.750 /
	// 0.625 / 0.750 → 0.900 / 0.750 / 0.682 / 0.750 (60 → 60 of 80 right) and 0.796 / 0.531 /
	// 0.605 / 0.619 → 0.796 / 0.541 / 0.574 / 0.643 (78 → 80 of 140).
	// Round 32 (words near in meaning and the sentence's gist, with GloVe vectors; retrained), measured once:
	// test10 0.900 / 0.733 / 0.682 / 0.750 (60 → 59 right), its accuracy floor lowered;
	// unseen-corpus16 0.796 / 0.561 / 0.587 / 0.643 (80 → 82 right).
	{"eval/test10.jsonl", test, floors{recall3: 0.94, accuracy: 0.73, abstainPrecision: 0.68, abstainRecall: 0.75}},
	{"unseen-corpus16", test, floors{recall3: 0.83, accuracy: 0.54, abstainPrecision: 0.57, abstainRecall: 0.64}},
	// test11 (the bundled notices, 80 questions) and unseen-corpus17 (council tax reduction,
	// pavement licences and street trading, penalty charge notices, planning applications; two
	// new councils, 140), written during round 32 by a helper who never saw the engine, committed
	// before they were measured, and measured once with the engines of round 31 (the start of that
	// session) and round 32: 0.859 / 0.797 / 0.733 / 0.688 → 0.859 / 0.766 / 0.786 / 0.688 (62 →
	// 60 of 80 right) and 0.795 / 0.589 / 0.324 / 0.393 → 0.795 / 0.625 / 0.367 / 0.393 (77 → 81
	// of 140).
	// Round 33 (acronyms the notices define, prices told from how a fee is paid, dev-corpus15 trained on), measured once:
	// test11 0.859 / 0.766 / 0.733 / 0.688, its precision floor lowered.
	{"eval/test11.jsonl", test, floors{recall3: 0.90, accuracy: 0.76, abstainPrecision: 0.73, abstainRecall: 0.68}},
	{"unseen-corpus17", test, floors{recall3: 0.83, accuracy: 0.62, abstainPrecision: 0.36, abstainRecall: 0.39}},
	// test12 (the bundled notices, 80 questions) and unseen-corpus18 (local land charges, Homes for
	// Ukraine, highway claims, welfare rights and money advice; two new councils, 140), written by
	// a helper who never saw the engine, committed before they were measured, and measured once
	// with the engine of round 32 (the start of the session that found no round 33 to keep):
	// 0.734 / 0.578 / 0.579 / 0.688 (48 of 80 right) and 0.920 / 0.732 / 0.481 / 0.464 (95 of
	// 140). The bundled notices' fresh questions find the passage that answers in the top three
	// far less often than the development sets' do (0.734 against 0.87 to 0.96).
	{"eval/test12.jsonl", test, floors{recall3: 0.80, accuracy: 0.57, abstainPrecision: 0.57, abstainRecall: 0.68}},
	// Round 33 (acronyms the notices define, prices told from how a fee is paid, dev-corpus15 trained on), measured once:
	// unseen-corpus18 0.920 / 0.723 / 0.483 / 0.500, its accuracy floor lowered. Round 35 (sending
	// data abroad or to the US read as disclosing it to third countries; retrained; kept for
	// leave-one-out 1,900 against 1,897, development 1,906 against 1,905, validation 832 as before,
	// validation conversations 191 against 192): 0.920 / 0.714 / 0.483 / 0.500, one answer fewer
	// (the test sets 1,412 against 1,407), its accuracy floor lowered again.
	// Passages ranked as the composer reads them (Composer.Retrieve): recall@3 rose on 24 of the 29
	// development and validation sets and 20 of the 22 test sets, and fell on this one (0.920 to 0.902); its
	// recall floor lowered to it.
	{"unseen-corpus18", test, floors{recall3: 0.90, accuracy: 0.71, abstainPrecision: 0.48, abstainRecall: 0.46}},
	// test13 (the bundled notices, 80 questions, 16 unanswerable) and unseen-corpus20 (procurement,
	// holiday lets registration, 0-19 public health nursing, sports development; two new councils,
	// 140), written by a helper who never saw the engine, committed before they were measured:
	// measured once with the engine of round 32 (the start of the session): 0.891 / 0.781 / 0.750 /
	// 0.750 (62 of 80 right) and 0.848 / 0.786 / 0.632 / 0.429 (100 of 140).
	{"eval/test13.jsonl", test, floors{recall3: 0.90, accuracy: 0.78, abstainPrecision: 0.75, abstainRecall: 0.75}},
	// Round 33 (acronyms the notices define, prices told from how a fee is paid, dev-corpus15 trained on), measured once:
	// test13 unchanged; unseen-corpus20 0.848 / 0.786 / 0.600 / 0.429, its precision floor lowered.
	// All test sets: 1,378 → 1,385 of 2,060 right.
	{"unseen-corpus20", test, floors{recall3: 0.87, accuracy: 0.78, abstainPrecision: 0.6, abstainRecall: 0.42}},
}

func TestQuestionSets(t *testing.T) {
	totals := groupTotals{}
	for _, qs := range questionSets {
		if !runs(qs.group) {
			continue
		}
		t.Run(qs.name, func(t *testing.T) {
			rep := qs.evaluate(t)
			totals.add(qs.group, rep.Right, rep.Questions)
			check(t, rep, qs.floors)
		})
	}
	// What a round is chosen by (make eval prints it): the development sets, each left out in
	// turn for the abstention model (make train logs that count), and the validation sets.
	totals.log(t, "decided right, %s sets: %d of %d")
}

// groupTotals adds up, for each group of sets run, how many questions or turns were decided
// right, of how many.
type groupTotals map[setGroup][2]int

func (g groupTotals) add(group setGroup, right, of int) {
	g[group] = [2]int{g[group][0] + right, g[group][1] + of}
}

// log writes each group's totals with format ("decided right, %s sets: %d of %d"), in the
// groups' order, for make eval to read.
func (g groupTotals) log(t *testing.T, format string) {
	t.Helper()
	for _, group := range []setGroup{development, validation, test} {
		if runs(group) {
			t.Logf(format, group, g[group][0], g[group][1])
		}
	}
}

// testdataCorpus is the notices of a corpus directory under testdata/.
func testdataCorpus(t *testing.T, dir string) *notice.Corpus {
	t.Helper()
	c, err := notice.Load(os.DirFS(filepath.Join("..", "..", "testdata", dir)))
	require.NoError(t, err)
	return c
}

// evaluate runs the engine over the set's notices (the bundled ones for a file under eval/).
func (qs questionSet) evaluate(t *testing.T) eval.Report {
	t.Helper()
	c, questions := qs.files(t)
	return run(t, c, questions, eval.Options{}, qs.group.heldOut())
}

// files are the set's notices and its questions file.
func (qs questionSet) files(t *testing.T) (*notice.Corpus, string) {
	t.Helper()
	td := filepath.Join("..", "..", "testdata")
	if strings.HasPrefix(qs.name, "eval/") {
		return bundled(t), filepath.Join(td, qs.name)
	}
	return testdataCorpus(t, qs.name), filepath.Join(td, qs.name, "questions.jsonl")
}

// groups limits the question and conversation sets run to these groups (make eval runs the
// development and validation sets only, so that no test set's floor is seen failing while a
// round is chosen); empty runs every set.
var groups = flag.String("groups", "", "run only the question and conversation sets of these groups, comma-separated (development,validation,test)")

// runs reports whether the sets of a group are to be run.
func runs(g setGroup) bool {
	return *groups == "" || slices.Contains(strings.Split(*groups, ","), string(g))
}

var update = flag.Bool("update", false, "retrain the abstention model on the development sets and write internal/answer/abstention.json (make train)")

// How the abstention model is trained. The penalty and the threshold were swept together
// (penalty 0.001 to 0.03, threshold 0.5 to 0.65), each model trained on all development sets but
// one and measured on that one, in turn, and on the validation sets; last with 17 development and
// 6 validation sets, 2,893 questions. These give nearly the most right outcomes (2,070; the best
// 2,083) and the most when answering a question the notices don't answer counts as twice as
// wrong as abstaining on one they do (2,447): a quote that doesn't answer misleads, the DPO's
// contact doesn't.
const (
	trainL2         = 0.01
	trainIterations = 1500
	trainThreshold  = 0.6
)

// The embedded abstention model is the one the development sets train now: a change to the
// engine's signals or to a development set that would change it fails here until it is
// retrained (make train). The held-out and test sets never teach it.
func TestAbstentionModelIsTrainedOnTheDevelopmentSets(t *testing.T) {
	bySet := map[string][]eval.Judgement{}
	var all []eval.Judgement
	var names []string
	for _, qs := range questionSets {
		if qs.group.heldOut() {
			continue
		}
		c, questions := qs.files(t)
		e := engine(t, c)
		js, err := eval.Judgements(context.Background(), load(t, questions), e.Composer, eval.Options{})
		require.NoError(t, err)
		bySet[qs.name] = js
		all = append(all, js...)
		names = append(names, qs.name)
	}
	examples := eval.Examples(all)
	m, err := eval.TrainAbstention(examples, trainL2, trainIterations)
	require.NoError(t, err)
	m.Threshold = trainThreshold
	m.Trained = fmt.Sprintf("%d questions of the development sets %s", len(examples), strings.Join(names, ", "))
	path := filepath.Join("..", "answer", "abstention.json")
	if *update {
		b, err := json.MarshalIndent(m, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
	}
	shipped, err := answer.DefaultAbstention()
	if *update {
		shipped, err = answer.ParseAbstentionModel(mustRead(t, path))
	}
	require.NoError(t, err, "the embedded abstention model must read the composer's signals")
	assert.Equal(t, m.Trained, shipped.Trained, "the development sets changed: retrain the abstention model (make train)")
	assert.Equal(t, m.Threshold, shipped.Threshold, "retrain the abstention model (make train)")
	assert.InDelta(t, m.Bias, shipped.Bias, 1e-6, "the engine's signals changed: retrain the abstention model (make train)")
	assert.InDeltaSlice(t, m.Weights, shipped.Weights, 1e-6, "the engine's signals changed: retrain the abstention model (make train)")

	// How well the model generalises: trained on all development sets but one, measured on that
	// one, each in turn. Logged, for whoever changes the signals.
	right := 0
	for _, held := range names {
		var rest []eval.Judgement
		for _, name := range names {
			if name != held {
				rest = append(rest, bySet[name]...)
			}
		}
		mm, err := eval.TrainAbstention(eval.Examples(rest), trainL2, trainIterations)
		require.NoError(t, err)
		right += eval.RightOutcomes(bySet[held], func(sig []float64) bool { return mm.Probability(sig) >= trainThreshold })
	}
	t.Logf("leave one development set out: %d of %d questions decided right (trained on all: %d)", right, len(all),
		eval.RightOutcomes(all, func(sig []float64) bool { return m.Probability(sig) >= trainThreshold }))
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// The first development set has the questions the issue asks for: at least 60.
func TestDevelopmentSetSize(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "eval", "questions.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	qs, err := eval.Load(f)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(qs), 60)
}

// Scoped to each question's own notices (the per-notice benchmark), retrieval must do as well as
// across the whole corpus. Not always at least as well: the composer ranks passages partly by
// their retrieval score relative to the best one searched (Composer.Retrieve), so the order
// within a notice shifts when other notices are not searched; one question may move from fifth
// place to sixth ("after a safeguarding review, will the family get names…?"), none further.
func TestScopedIsNoWorse(t *testing.T) {
	file := filepath.Join("..", "..", "testdata", "eval", "questions.jsonl")
	all := run(t, bundled(t), file, eval.Options{}, false)
	scoped := run(t, bundled(t), file, eval.Options{Scoped: true}, false)
	assert.GreaterOrEqual(t, scoped.RecallAt5, all.RecallAt5-1/float64(all.Answerable))
	assert.GreaterOrEqual(t, scoped.RecallAt3, all.RecallAt3-1/float64(all.Answerable))
}

func TestLoadNamesTheBadLine(t *testing.T) {
	_, err := eval.Load(strings.NewReader(`{"id":"a","question":"q"}` + "\n" + `{"id":"b",` + "\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 2")
	_, err = eval.Load(strings.NewReader(`{"id":"a","question":"q"}` + "\n" + `{"id":"a","question":"r"}` + "\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "also on line 1")
}

// A question set teaches the abstention model what an answer looks like and what an abstention
// should: a question answered wrong teaches nothing (answering and abstaining are both wrong).
func TestExamplesLabelWhatTheModelShouldHaveDone(t *testing.T) {
	e := engine(t, bundled(t))
	qs := []eval.Question{
		{ID: "answered", Question: "How long do you keep complaint records?", Notices: []string{"mkc-customer-services"}, AnswerContains: []string{"6 years"}},
		{ID: "unanswerable", Question: "How long do you keep the footage from the cameras on the bin lorries?", Unanswerable: true},
		{ID: "answered wrong", Question: "How long do you keep complaint records?", Notices: []string{"mkc-customer-services"}, AnswerContains: []string{"a phrase no notice has"}},
		{ID: "classifier only", Question: "I want a copy of my data", Request: "access"},
	}
	js, err := eval.Judgements(context.Background(), qs, e.Composer, eval.Options{})
	require.NoError(t, err)
	require.Len(t, js, 3, "a classifier-only question is not judged")
	ex := eval.Examples(js)
	require.Len(t, ex, 2)
	assert.True(t, ex[0].Answers)
	assert.False(t, ex[1].Answers)
	always := func([]float64) bool { return true }
	assert.Equal(t, 1, eval.RightOutcomes(js, always), "answering everything gets the answered question right")
	assert.Equal(t, 1, eval.RightOutcomes(js, func([]float64) bool { return false }), "abstaining on everything gets the unanswerable one right")
	assert.Len(t, ex[0].Signals, len(answer.SignalNames()))
}

// signalsWith are signals that are all zero but for the coverage.
func signalsWith(coverage float64) []float64 {
	s := make([]float64, len(answer.SignalNames()))
	s[0] = coverage
	return s
}

func TestTrainAbstentionLearnsWhatAnAnswerLooksLike(t *testing.T) {
	var examples []eval.Example
	for i := range 40 {
		cov := float64(i) / 40
		examples = append(examples, eval.Example{Signals: signalsWith(cov), Answers: cov >= 0.5})
	}
	m, err := eval.TrainAbstention(examples, 0.01, 500)
	require.NoError(t, err)
	assert.Greater(t, m.Probability(signalsWith(0.9)), 0.8, "a sentence covering most of the question answers")
	assert.Less(t, m.Probability(signalsWith(0.1)), 0.2, "one covering little of it doesn't")
	require.NoError(t, m.Check())

	again, err := eval.TrainAbstention(examples, 0.01, 500)
	require.NoError(t, err)
	assert.Equal(t, m, again, "the same examples train the same model")

	_, err = eval.TrainAbstention(nil, 0.01, 500)
	assert.ErrorContains(t, err, "no examples")
	_, err = eval.TrainAbstention([]eval.Example{{Signals: []float64{1}}}, 0.01, 500)
	assert.ErrorContains(t, err, "1 signals")
}

// Every question file under testdata, in the question sets or not yet, parses; names notices its
// corpus has; and gives, for each question the notices answer, a string its notice says: a
// question no answer could match would count as the engine's miss.
func TestEveryQuestionFileIsAnsweredByItsNotices(t *testing.T) {
	td := filepath.Join("..", "..", "testdata")
	files, err := filepath.Glob(filepath.Join(td, "eval", "*.jsonl"))
	require.NoError(t, err)
	dirs, err := filepath.Glob(filepath.Join(td, "*", "questions.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	require.NotEmpty(t, dirs)
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	check := func(t *testing.T, c *notice.Corpus, qs []eval.Question) {
		for _, q := range qs {
			if len(q.Notices) == 0 && !q.Unanswerable {
				continue // a classifier-only question
			}
			var texts []string
			for _, id := range q.Notices {
				n, ok := c.Notice(id)
				if assert.True(t, ok, "%s names notice %q, which its corpus hasn't", q.ID, id) {
					texts = append(texts, fold(n.Body))
				}
			}
			if q.Unanswerable || len(texts) == 0 {
				continue
			}
			said := false
			for _, want := range q.AnswerContains {
				for _, text := range texts {
					said = said || strings.Contains(text, fold(want))
				}
			}
			assert.True(t, said, "%s: no notice it names says any of %q", q.ID, q.AnswerContains)
		}
	}
	c := bundled(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { check(t, c, load(t, f)) })
	}
	conversations, err := filepath.Glob(filepath.Join(td, "conversations", "*.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, conversations)
	for _, f := range conversations {
		t.Run("conversations/"+filepath.Base(f), func(t *testing.T) { check(t, c, turnsOf(loadConversations(t, f))) })
	}
	inCorpora, err := filepath.Glob(filepath.Join(td, "*", "conversations.jsonl"))
	require.NoError(t, err)
	for _, f := range inCorpora {
		name := filepath.Join(filepath.Base(filepath.Dir(f)), filepath.Base(f))
		t.Run(name, func(t *testing.T) { check(t, corpusOf(t, name), turnsOf(loadConversations(t, f))) })
	}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		if filepath.Base(dir) == "eval" {
			continue // testdata/eval/questions.jsonl asks the bundled notices: checked above
		}
		t.Run(filepath.Base(dir), func(t *testing.T) { check(t, testdataCorpus(t, filepath.Base(dir)), load(t, f)) })
	}
}
