package conversation_test

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An adviser's account of a caller's wish, typed in the third person, starts the caller's request
// for the right the caller asked for (a QA pass of advisers): a changed address was taken as a
// request for a copy, and a wish to stop a sharing was answered with the notices' list of
// recipients and nothing to log.
func TestAnAdviserIsLedToLogTheCallersWish(t *testing.T) {
	for says, right := range map[string]string{
		"caller has moved house, wants us to update her address on our records, she lives in Olney now": "Right to rectification",
		"caller says we have her old address, she moved last month":                                     "Right to rectification",
		"caller wants to stop us sharing his data with the police":                                      "Right to object",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			scriptOn(t, bot, "phone", "", "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{right}, lacks: []string{"Right of access"}},
			})
		})
	}
}
