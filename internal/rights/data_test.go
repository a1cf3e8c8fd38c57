package rights

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// example is one labelled message from testdata/rights/*.jsonl.
type example struct {
	Text         string `json:"text"`
	Type         Type   `json:"type"`
	Actionable   bool   `json:"actionable"`
	Safeguarding bool   `json:"safeguarding"`
	OnBehalf     bool   `json:"on_behalf"`
}

func loadExamples(t testing.TB, name string) []example {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "rights", name)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []example
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var ex example
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ex), "%s:%d", path, line)
		_, err := ParseType(string(ex.Type))
		require.NoError(t, err, "%s:%d", path, line)
		out = append(out, ex)
	}
	require.NoError(t, sc.Err())
	return out
}

// metrics summarises a classifier run over labelled examples.
type metrics struct {
	n                    int
	actionableAcc        float64 // informational-vs-actionable accuracy
	typeAcc              float64
	onBehalfAcc          float64
	safeRecall, safePrec float64
	f1                   map[Type]float64
	misses               []string
}

func evaluate(exs []example) metrics {
	m := metrics{n: len(exs), f1: map[Type]float64{}}
	tp, fp, fn := map[Type]int{}, map[Type]int{}, map[Type]int{}
	var act, typ, beh, sTP, sFP, sFN int
	for _, ex := range exs {
		in, tr := classify(ex.Text)
		ok := true
		if in.Actionable == ex.Actionable {
			act++
		} else {
			ok = false
		}
		if in.Type == ex.Type {
			typ++
			tp[ex.Type]++
		} else {
			fp[in.Type]++
			fn[ex.Type]++
			ok = false
		}
		if in.OnBehalf == ex.OnBehalf {
			beh++
		} else {
			ok = false
		}
		switch {
		case in.Safeguarding && ex.Safeguarding:
			sTP++
		case in.Safeguarding:
			sFP++
			ok = false
		case ex.Safeguarding:
			sFN++
			ok = false
		}
		if !ok {
			m.misses = append(m.misses, fmtMiss(ex, in, tr))
		}
	}
	n := float64(len(exs))
	m.actionableAcc, m.typeAcc, m.onBehalfAcc = float64(act)/n, float64(typ)/n, float64(beh)/n
	m.safeRecall = ratio(sTP, sTP+sFN)
	m.safePrec = ratio(sTP, sTP+sFP)
	for _, t := range Types() {
		p, r := ratio(tp[t], tp[t]+fp[t]), ratio(tp[t], tp[t]+fn[t])
		if p+r > 0 {
			m.f1[t] = 2 * p * r / (p + r)
		}
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func fmtMiss(ex example, in Intent, tr trace) string {
	return "want " + string(ex.Type) + "/" + boolStr(ex.Actionable, "act", "info") + boolStr(ex.OnBehalf, "/behalf", "") + boolStr(ex.Safeguarding, "/SAFE", "") +
		" got " + string(in.Type) + "/" + boolStr(in.Actionable, "act", "info") + boolStr(in.OnBehalf, "/behalf", "") + boolStr(in.Safeguarding, "/SAFE", "") +
		"  " + ex.Text + "\n      " + tr.String()
}

func boolStr(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func (m metrics) log(t *testing.T, name string) {
	t.Logf("%s: n=%d actionable-acc=%.3f type-acc=%.3f on-behalf-acc=%.3f safeguarding recall=%.2f precision=%.2f",
		name, m.n, m.actionableAcc, m.typeAcc, m.onBehalfAcc, m.safeRecall, m.safePrec)
	for _, ty := range Types() {
		t.Logf("  F1 %-18s %.3f", ty, m.f1[ty])
	}
	for _, s := range m.misses {
		t.Logf("  miss: %s", s)
	}
}

// TestLabelledMessages holds the classifier to the bar on the labelled set
// the rules were written against.
func TestLabelledMessages(t *testing.T) {
	exs := loadExamples(t, "messages.jsonl")
	require.GreaterOrEqual(t, len(exs), 170)
	m := evaluate(exs)
	m.log(t, "messages.jsonl")
	if m.actionableAcc < 0.95 {
		t.Errorf("actionable accuracy %.3f < 0.95", m.actionableAcc)
	}
	for _, ty := range Types() {
		if m.f1[ty] < 0.9 {
			t.Errorf("F1 for %s is %.3f < 0.9", ty, m.f1[ty])
		}
	}
	if m.safeRecall < 1 {
		t.Errorf("safeguarding recall %.2f < 1: an urgent message was missed", m.safeRecall)
	}
	if m.safePrec < 0.95 {
		t.Errorf("safeguarding precision %.2f < 0.95", m.safePrec)
	}
}

// TestLabelledMessages2 holds the classifier to the second labelled set,
// written later by someone who never saw the rules. It was measured before
// any tuning (actionable 0.902, type 0.883, safeguarding recall 0.21) and
// the rules were then generalised by categories of wording; the floors sit
// just under what the rules now reach. Safeguarding recall is held at 0.97
// at least: missing an urgent message is the worst failure of the product.
func TestLabelledMessages2(t *testing.T) {
	exs := loadExamples(t, "messages2.jsonl")
	require.GreaterOrEqual(t, len(exs), 250)
	m := evaluate(exs)
	m.log(t, "messages2.jsonl")
	if m.safeRecall < 0.97 {
		t.Errorf("safeguarding recall %.2f < 0.97: an urgent message was missed", m.safeRecall)
	}
	if m.safePrec < 0.95 {
		t.Errorf("safeguarding precision %.2f < 0.95", m.safePrec)
	}
	if m.actionableAcc < 0.97 {
		t.Errorf("actionable accuracy %.3f < 0.97", m.actionableAcc)
	}
	if m.typeAcc < 0.97 {
		t.Errorf("type accuracy %.3f < 0.97", m.typeAcc)
	}
	if m.onBehalfAcc < 0.95 {
		t.Errorf("on-behalf accuracy %.3f < 0.95", m.onBehalfAcc)
	}
	for _, ty := range Types() {
		if m.f1[ty] < 0.95 {
			t.Errorf("F1 for %s is %.3f < 0.95", ty, m.f1[ty])
		}
	}
}

// TestHeldOut watches generalisation on messages never used for tuning. Its
// floors are deliberately weaker; the numbers are logged for the report.
func TestHeldOut(t *testing.T) {
	exs := loadExamples(t, "heldout.jsonl")
	require.GreaterOrEqual(t, len(exs), 50)
	m := evaluate(exs)
	m.log(t, "heldout.jsonl")
	if m.actionableAcc < 0.85 {
		t.Errorf("held-out actionable accuracy %.3f < 0.85", m.actionableAcc)
	}
	if m.typeAcc < 0.75 {
		t.Errorf("held-out type accuracy %.3f < 0.75", m.typeAcc)
	}
	if m.safeRecall < 0.8 {
		t.Errorf("held-out safeguarding recall %.2f < 0.8", m.safeRecall)
	}
}
