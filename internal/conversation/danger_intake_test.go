package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A danger told while a request is taken, which is no answer to the step, gets the safeguarding
// reply and the request still open, not "That doesn't look like an e-mail address" (a QA sweep).
// An answer with a danger beside it is still taken for its step.
func TestADangerDuringARequestIsNotRefusedAsAnAnswer(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []line
	}{
		{"at the contact step", []line{{says: "I want a copy of my data"}, {says: "Jo Bloggs"}}},
		{"at the name step", []line{{says: "I want a copy of my data"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", append(tc.lines,
				line{says: "my ex keeps turning up at my new flat", kind: conversation.KindSafeguarding,
					contains: []string{"999", "Your request is still open: when you're ready"},
					lacks:    []string{"doesn't look like", "Please give your name"}},
			))
			assert.Empty(t, q.cases())
		})
	}
	bot, q := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
		{says: "my ex keeps turning up at my new flat", kind: conversation.KindSafeguarding},
		{says: "jo@example.com", kind: conversation.KindIntake, contains: []string{"Which council service"}},
		{says: "skip"}, {says: "skip"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	if assert.Len(t, cases, 1) {
		assert.Equal(t, "jo@example.com", cases[0].Requester.Contact.Value)
		assert.True(t, cases[0].Safeguarding)
		assert.NotContains(t, cases[0].Excerpt, "doesn't look like")
	}
}
