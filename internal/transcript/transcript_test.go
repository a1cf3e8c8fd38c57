package transcript

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Two residents talking at once: each question gets its own session's reply, and a question the
// bot never replied to (a lost line) keeps no one else's.
func TestQuestionsPairsEachQuestionWithItsReply(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	got := Questions([]Entry{
		{Session: "a", Role: RoleResident, Text: "how long do you keep CCTV footage?", At: at},
		{Session: "b", Role: RoleResident, Text: "who is the DPO?", Org: "Bucks", At: at},
		{Session: "b", Role: RoleBot, Text: "Maria Damigos", Outcome: "answered"},
		{Session: "a", Role: RoleBot, Text: "The privacy notices I have don't answer that", Outcome: "abstained"},
		{Session: "c", Role: RoleResident, Text: "hello?"},
		{Session: "a", Role: RoleResident, Text: "and for parking?"},
		{Session: "a", Role: RoleBot, Text: "The notices may not answer this exactly", Outcome: "unsure"},
	})
	assert.Equal(t, []Question{
		{Session: "a", Text: "how long do you keep CCTV footage?", At: at, Outcome: "abstained", Answer: "The privacy notices I have don't answer that"},
		{Session: "b", Text: "who is the DPO?", Org: "Bucks", At: at, Outcome: "answered", Answer: "Maria Damigos"},
		{Session: "c", Text: "hello?"},
		{Session: "a", Text: "and for parking?", Outcome: "unsure", Answer: "The notices may not answer this exactly"},
	}, got)
}
