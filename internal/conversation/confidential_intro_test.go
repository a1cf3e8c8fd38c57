package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// The request to keep an address confidential, taken after the complaint that it was let out,
// says what it is for: a verifying QA pass had it open, and its case's excerpt too, with a quote
// of the notices on the right to object to the use of an NHS Number.
func TestTheConfidentialityRequestSaysWhatItIsFor(t *testing.T) {
	for _, org := range []string{"Milton Keynes", "Buckinghamshire"} {
		t.Run(org, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, org, []line{
				{says: "my abuser found out where I live from a council letter", kind: conversation.KindSafeguarding},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint"}},
				{says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "skip"},
				{says: "yes", kind: conversation.KindSubmitted},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"keep your address confidential", "Right to object"},
					lacks: []string{"NHS", "What the notices say", "It sounds like"}},
				{says: "skip"}, {says: "skip"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 2)
			assert.Equal(t, "objection", string(cases[1].Type))
			assert.NotContains(t, cases[1].Excerpt, "NHS")
			assert.Contains(t, cases[1].Excerpt, "Bot: I'll take your request to keep your address confidential")
		})
	}
}
