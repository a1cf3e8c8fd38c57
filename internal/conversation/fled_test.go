package conversation_test

import (
	"testing"

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
