package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// A phone number said aloud after a lead-in ("call me on …", "it's …") at the contact step is the
// contact, as a bare one is, and no safeguarding concern: the number was taken with its lead-in
// stripped, but the alarm was read off the raw reply, so "call me on oh 7 7 double 1 …" was told
// "If anyone is in immediate danger, call 999" (a review).
func TestASpokenPhoneNumberWithALeadInRaisesNoAlarm(t *testing.T) {
	for _, says := range []string{
		"call me on oh 7 7 double 1 2 3 4 5 6 7",
		"it's oh 7 7 double 1 2 3 4 5 6 7",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Otto Bauer"},
				{says: says, kind: conversation.KindIntake, contains: []string{"service"}, lacks: []string{"danger", "999", "doesn't look like"}},
				{says: "skip"},
				{says: "one of my records", contains: []string{"Contact: 07711234567"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: "07711234567"}, cases[0].Requester.Contact)
		})
	}
}
