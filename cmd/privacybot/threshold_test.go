package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
)

// A council that would rather refer a question to its DPO than risk a wrong answer raises the
// abstention threshold, for one question with the flag or for every channel with the variable.
func TestAbstainThresholdChangesTheDecision(t *testing.T) {
	const q = "How long do you keep complaint records?"
	code, ans, stderr := askJSON(t, q)
	require.Equal(t, exitOK, code, stderr)
	require.False(t, ans.Abstained, "answered at the trained threshold")

	code, ans, stderr = askJSON(t, q, "--abstain-threshold", "0.999")
	require.Equal(t, exitNoMatch, code, stderr)
	assert.True(t, ans.Abstained, "a sceptical threshold abstains")
	assert.Contains(t, ans.Answer, "data protection", "and gives the contact")

	code, stdout, stderr := runCLI(t, map[string]string{"PRIVACYBOT_ABSTAIN_THRESHOLD": "0.999"}, "ask", "--json", q)
	require.Equal(t, exitNoMatch, code, stderr)
	assert.Contains(t, stdout, `"abstained": true`)

	code, _, stderr = runCLI(t, map[string]string{"PRIVACYBOT_ABSTAIN_THRESHOLD": "0.999"}, "ask", "--abstain-threshold", "0.5", q)
	assert.Equal(t, exitOK, code, "the flag overrides the variable: %s", stderr)
}

func TestAbstainThresholdOutOfRangeIsRefused(t *testing.T) {
	code, _, stderr := runCLI(t, nil, "ask", "--abstain-threshold", "1.5", "who is the DPO?")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "between 0 and 1")

	code, _, stderr = runCLI(t, map[string]string{"PRIVACYBOT_ABSTAIN_THRESHOLD": "60"}, "serve")
	assert.NotEqual(t, exitOK, code, "the server doesn't start with a threshold it can't use")
	assert.Contains(t, stderr, "PRIVACYBOT_ABSTAIN_THRESHOLD")
}

// eval --sweep shows what each threshold decides on a council's own questions: its JSON is a
// contract for whoever charts it.
func TestEvalSweep(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(
		`{"id":"a","question":"How long do you keep complaint records?","notices":["mkc-customer-services"],"answer_contains":["6 years"]}`+"\n"+
			`{"id":"b","question":"How long do you keep CCTV footage?","unanswerable":true}`+"\n"+
			`{"id":"c","question":"Who is the data protection officer at Buckinghamshire?","notices":["buckinghamshire-privacy-policy"],"answer_contains":["Maria Damigos"]}`+"\n"), 0o644))
	code, stdout, stderr := runCLI(t, nil, "eval", "--questions", file, "--sweep", "--json", "--abstain-threshold", "0.62")
	require.Equal(t, exitOK, code, stderr)
	var sw struct {
		Current  float64          `json:"current_threshold"`
		Outcomes []map[string]any `json:"outcomes"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &sw), stdout)
	assert.Equal(t, 0.62, sw.Current)
	assert.Contains(t, stdout, `"most_right"`)
	assert.Contains(t, stdout, `"most_right_cautious"`)
	require.Len(t, sw.Outcomes, 20, "0.05 to 0.95, and the current threshold between them")
	var prev float64
	for _, o := range sw.Outcomes {
		sum := 0.0
		for _, k := range []string{"right_answers", "wrong_answers", "false_abstentions", "right_abstentions", "missed_abstentions"} {
			require.Contains(t, o, k)
			sum += o[k].(float64)
		}
		assert.Equal(t, 3.0, sum, "every question has one outcome at %v", o["threshold"])
		for _, k := range []string{"threshold", "answer_accuracy", "abstain_precision", "abstain_recall"} {
			assert.Contains(t, o, k)
		}
		assert.Greater(t, o["threshold"].(float64), prev, "in order")
		prev = o["threshold"].(float64)
	}
	last := sw.Outcomes[len(sw.Outcomes)-1]
	assert.Equal(t, 0.95, last["threshold"])

	code, stdout, stderr = runCLI(t, nil, "eval", "--questions", file, "--sweep")
	require.Equal(t, exitOK, code, stderr)
	assert.Regexp(t, `(?m)^0\.60 .*← current$`, stdout, "the table marks the threshold the engine answers with")
	assert.Regexp(t, `most questions decided right at 0\.\d\d; counting a wrong answer twice, at 0\.\d\d`, stdout)
}

// An adviser reading out an answer the bot is unsure of has the contact to read out next.
func TestAnUnsureAnswerPrintsTheContact(t *testing.T) {
	ans := answer.Answer{Answer: "The notices may not answer this exactly. The closest they come:\n• “…” [1]", Hedged: true,
		Contact:   &answer.Contact{Organisation: "Milton Keynes City Council", Text: "Data Protection Officer\n01908 254900"},
		Citations: []answer.Citation{{N: 1, Title: "Customer services team privacy notice"}}}
	var b bytes.Buffer
	printAnswer(&b, ans)
	assert.Contains(t, b.String(), "Data protection contact, Milton Keynes City Council:\nData Protection Officer\n01908 254900")

	// Each council an unsure answer quotes: "contact Buckinghamshire Council's data protection
	// team [5]" printed only Milton Keynes's (a QA pass of advisers).
	b.Reset()
	ans.Contacts = []answer.Contact{*ans.Contact, {Organisation: "Buckinghamshire Council", Text: "Walton Street, Aylesbury HP20 1UA"}}
	printAnswer(&b, ans)
	assert.Contains(t, b.String(), "Data protection contact, Milton Keynes City Council:\nData Protection Officer\n01908 254900")
	assert.Contains(t, b.String(), "Data protection contact, Buckinghamshire Council:\nWalton Street, Aylesbury HP20 1UA")

	b.Reset()
	ans.Hedged = false
	printAnswer(&b, ans)
	assert.NotContains(t, b.String(), "01908 254900", "a sure answer carries no contact")
}
