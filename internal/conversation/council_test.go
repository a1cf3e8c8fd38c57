package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// A council named at the end of a request, after a clause about where something went, is the
// council asked: "Which council?" is not asked of it (a QA pass asked it, and the same sentence
// with the council first was taken). Records to be moved "to Bucks council" still name only
// where they go (TestCouncilsNamedInPassingAreNotTheRequestsCouncil).
func TestACouncilNamedAtTheEndIsTheRequestsCouncil(t *testing.T) {
	for says, council := range map[string]string{
		"I want a copy of what you passed to the police about me, Milton Keynes council":        "Milton Keynes City Council",
		"I want a copy of what you forwarded to the landlord about me, Buckinghamshire Council": "Buckinghamshire Council",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			first := script(t, bot, "", []line{{says: says, kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"Which council"}}})
			assert.Equal(t, council, first.Intake.Fields["organisation"])
		})
	}
	// And filed with it, flagged as the Part 3 request it may be.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of what you passed to the police about me, Milton Keynes council", lacks: []string{"Which council"}},
		{says: "Ben Carter"}, {says: "ben.carter@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Milton Keynes City Council", cases[0].Organisation)
	assert.Equal(t, dpo.LawEnforcementSuspected, cases[0].LawEnforcement)
}
