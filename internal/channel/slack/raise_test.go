package slack

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The "Raise a request with the DPO" button under an answer that offered a right opens the form
// with that right chosen, so that staff don't pick it again (a review: the form always opened
// blank). An answer about no right, or a button from before the right was carried, opens it with
// none chosen.
func TestRaiseButtonOpensTheFormWithTheRightOffered(t *testing.T) {
	for _, tc := range []struct {
		name, asks string
		value      func(raise string) string // the button's value as pressed; nil presses the rendered one
		want       string                    // the right chosen in the form; "" for none
	}{
		{name: "erasure asked about", asks: "can I get my data deleted?", want: "erasure"},
		{name: "what is held", asks: "what do you hold about me?", want: "access"},
		{name: "no right", asks: "how long are complaint records kept?", want: ""},
		{name: "an old button", asks: "can I get my data deleted?", want: "",
			value: func(string) string { return `{"c":"C1","t":"1700000000.000100","s":"C1:1700000000.000100"}` }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			ev := appMention("Ev1", "C1", "1700000000.000100", "<@UBOT> "+tc.asks)
			require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", ev).Code)
			waitFor(t, "an answer in the thread", func() bool { return len(h.slack.inThread("C1", "1700000000.000100")) > 0 })
			raise := raiseButtonValue(t, h.slack.inThread("C1", "1700000000.000100")[0])
			if tc.value != nil {
				raise = tc.value(raise)
			}
			require.Equal(t, http.StatusOK, pressRaise(t, h, raise).Code)
			waitFor(t, "views.open", func() bool { return len(h.slack.posts("views.open")) == 1 })
			assert.Equal(t, tc.want, rightChosen(t, h.slack.posts("views.open")[0].View))
		})
	}
}

// pressRaise presses, as U1 with trigger TRIG-RAISE, a "Raise a request" button carrying value
// under the reply in thread 1700000000.000100 of C1.
func pressRaise(t *testing.T, h *harness, value string) *httptest.ResponseRecorder {
	t.Helper()
	return h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
		"type": "block_actions", "trigger_id": "TRIG-RAISE", "user": map[string]any{"id": "U1"},
		"channel":   map[string]any{"id": "C1"},
		"container": map[string]any{"type": "message", "channel_id": "C1", "message_ts": "1700000000.000200", "thread_ts": "1700000000.000100"},
		"actions":   []map[string]any{{"action_id": actionRaise, "block_id": "reply_actions", "type": "button", "value": value}},
	}))
}

// raiseButtonValue is the value of the "Raise a request" button under a posted reply.
func raiseButtonValue(t *testing.T, c apiCall) string {
	t.Helper()
	for _, b := range blocksOf(t, c) {
		els, _ := b["elements"].([]any)
		for _, el := range els {
			if el, ok := el.(map[string]any); ok && el["action_id"] == actionRaise {
				return el["value"].(string)
			}
		}
	}
	require.Fail(t, "no request button", c.Blocks)
	return ""
}

// rightChosen is the value of the initial option of an opened form's "What is the request?"
// select: "" when none is chosen.
func rightChosen(t *testing.T, view map[string]any) string {
	t.Helper()
	blocks, _ := view["blocks"].([]any)
	for _, b := range blocks {
		if b, ok := b.(map[string]any); ok && b["block_id"] == fieldType {
			el, _ := b["element"].(map[string]any)
			initial, _ := el["initial_option"].(map[string]any)
			value, _ := initial["value"].(string)
			return value
		}
	}
	require.Fail(t, "no request type in the form", "%v", view)
	return ""
}
