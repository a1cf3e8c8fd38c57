package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A writer escaping a partner's abuse is spoken to, not told how to report a concern about
// someone else: "I've had to leave my partner because he was violent and I'm in a refuge now …
// Can you make sure my new address is kept secret?" got "To report a concern about a child or an
// adult at risk, contact your council's … safeguarding team" (a QA pass). They get 999, the
// domestic abuse helpline and the offer to keep their address confidential; and the request,
// taken, asks for a contact that is safe for the council to use, and tells the team to check.
func TestAWriterEscapingAbuseIsSpokenTo(t *testing.T) {
	for _, says := range []string{
		"I've had to leave my partner because he was violent and I'm in a refuge now in Aylesbury… Can you make sure my new address is kept secret?",
		"I left my husband because he was abusive and I'm staying in a refuge, please don't give my new address to anyone",
		"I'm in a women's refuge after my boyfriend beat me, can you hide my address",
		"my ex keeps turning up at my new flat",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Buckinghamshire", []line{
				{says: says, kind: conversation.KindSafeguarding,
					contains: []string{"999", "0808 2000 247", "keep your address confidential", `say "yes"`},
					lacks:    []string{"Call the safeguarding team."}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}},
				{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe"}, lacks: []string{"Give one of"}},
				{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"}, {says: "as above"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.True(t, cases[0].Safeguarding)
			assert.Contains(t, cases[0].Description, "check it is safe")
		})
	}
	// Someone reporting another at risk still gets the safeguarding team, and their request asks
	// for a contact as any does; a writer escaping abuse whose child is harmed too gets both (a
	// review: the team was dropped).
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "my husband hits our daughter, I left him last week", kind: conversation.KindSafeguarding,
			contains: []string{"999", "0808 2000 247", "Call the safeguarding team."}},
	})
	bot, _ = newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "my neighbour's husband beats her, I can hear it through the wall right now", kind: conversation.KindSafeguarding,
			contains: []string{"999", "Call the safeguarding team."}, lacks: []string{"0808 2000 247"}},
		{says: "I want a copy of my data"}, {says: "Jo Bloggs", contains: []string{"Give one of"}},
	})
}
