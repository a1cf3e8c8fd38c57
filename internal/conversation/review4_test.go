package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A relative's possessive typed without its apostrophe ("my sons info") is a request for them, as
// "my son's info" is: their name asked, proof of authority, and no date until it arrives (a QA
// pass filed these as the asker's own, due in a month).
func TestARelativesRecordsTypedWithoutTheApostropheAreTheirs(t *testing.T) {
	for _, says := range []string{"can u delete my sons info", "i want a copy of my daughters file", "please delete my sons data",
		"correct my wifes address", "stop usin my kids data", "my husbands details are wrong"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"proof that you may act for them", "full name"}, lacks: []string{"within one calendar month"}},
				{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
				{says: "Sam Hill", kind: conversation.KindIntake},
				{says: "kate@example.com"}, {says: "skip"},
				{says: "everything", contains: []string{"On behalf of: Sam Hill"}},
				{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that you may act for them"}},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.True(t, cases[0].Requester.OnBehalfOf)
			assert.True(t, cases[0].Due.IsZero(), "no date until proof of authority arrives")
		})
	}
}
