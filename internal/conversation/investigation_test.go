package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// "I want all the information Buckinghamshire Council holds about the fly-tipping investigation
// against me" asks for the writer's data: it is taken as an access request (a QA pass told the
// resident "I'll pass your complaint…" and filed a complaint), and, being about a fly-tipping
// investigation, flagged for the DPO as possibly Part 3, with no date promised.
func TestTheFileOnAnInvestigationAgainstMeIsAnAccessRequestFlaggedPart3(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me", kind: conversation.KindIntake,
			contains: []string{"Right of access", "different rules may apply"}, lacks: []string{"complaint", "(by "}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001", "confirm the time limit"}},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Access, q.cases()[0].Type)
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement)
}
