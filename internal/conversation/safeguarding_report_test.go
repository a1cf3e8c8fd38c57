package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// gapsNow is when the QA sweep's conversations are replayed.
var gapsNow = time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC)

// Someone wanting to report a child at risk, asking whether they will be known for it, is told
// whom to report to first, and then their question is answered (a QA sweep: a passage on child
// deaths alone). Reporting a neighbour for noise is no emergency.
func TestReportingAChildGetsTheSafeguardingReplyAndAnAnswer(t *testing.T) {
	for _, says := range []string{
		"I want to report child neglect, will the parents know it was me",
		"I'm worried about a child next door, if I report it will they know it was me",
		"will the family find out who reported them to social services",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindSafeguarding,
				contains: []string{"999", "Call the safeguarding team.", "And to what you asked"}}})
			assert.Empty(t, q.cases())
		})
	}
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "if I report my neighbour for noise will they find out it was me", kind: conversation.KindAnswer,
		lacks: []string{"999", "Call the safeguarding team."}}})
}
