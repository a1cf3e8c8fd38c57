package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A writer who fled abuse and fears being found through the council, or whose partner controls
// their post, is spoken to as one at risk (a verifying QA pass): "I fled domestic abuse … how do I
// stop my ex finding my address through the council?" got an abstention and the confidentiality
// offer only, and "my husband reads all my letters so please don't post anything to my house" a
// quoted list of 19 recipients. They get 999, the domestic abuse helpline and the offer of the
// request that keeps their address confidential, which asks for a contact safe to use.
func TestAWriterWhoFledAbuseOrWhosePostIsReadIsSpokenTo(t *testing.T) {
	for _, says := range []string{
		"I fled domestic abuse and moved to Milton Keynes, how do I stop my ex finding my address through the council?",
		"I escaped an abusive relationship and moved here, how do I stop my ex finding my address through the council?",
		"my husband reads all my letters so please don't post anything to my house",
		"my partner is controlling and reads all my post, can you email me instead?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindSafeguarding,
					contains: []string{"999", "0808 2000 247", `say "yes"`},
					lacks:    []string{"Call the safeguarding team.", "trade unions", "reliable answer", "If you want the council to keep your address confidential"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}},
				{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe"}, lacks: []string{"Give one of"}},
			})
		})
	}
}

// Told that someone at the council gave their address to an ex, with no question, the writer is
// told where to turn and offered a complaint, as when they ask about it (a verifying QA pass: "I'm
// worried my social worker told my ex where I live" got a hedged quote on social workers' access,
// and nothing else). No alarm: no fear for their safety is said.
func TestAnAddressToldToAnExIsAGrievance(t *testing.T) {
	for _, says := range []string{
		"I'm worried my social worker told my ex where I live",
		"my support worker gave my ex my new address",
		"I think the housing officer told my ex husband my address",
		"i'm scared my caseworker passed my details to my ex",
		"my housing officer passed my address to my ex partner",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			rep := script(t, bot, "Milton Keynes", []line{{says: says,
				contains: []string{"puts you at risk", "0808 2000 247", "complain", `say "yes"`}}})
			assert.Equal(t, conversation.KindAnswer, rep.Kind)
			assert.False(t, rep.Answer.Safeguarding)
			assert.Empty(t, q.cases())
		})
	}
	// Someone's details told to their ex by family is no grievance against the council.
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "my sister told my ex where I live, can the council do anything?", lacks: []string{"complain to the council's data protection team"}}})
}
