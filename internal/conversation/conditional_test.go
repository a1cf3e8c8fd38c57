package conversation_test

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/conversation"
)

// "if I withdraw my consent will you still provide the service" asks what follows from
// withdrawing: the chat answers it from the notices and offers the request, and starts no intake
// (a QA pass asked "Which council?" for a withdrawal). The offer taken starts it; a wish said
// plainly starts it at once.
func TestAConsequenceAskedAsAConditionalIsAnswered(t *testing.T) {
	now := time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC)
	bot, _ := newBot(t, now)
	script(t, bot, "Milton Keynes", []line{
		{says: "if I withdraw my consent will you still provide the service", kind: conversation.KindAnswer,
			contains: []string{"If you'd like to make this request — Right to withdraw consent"}},
		{says: "yes", kind: conversation.KindIntake},
	})
	bot, _ = newBot(t, now)
	script(t, bot, "", []line{
		{says: "if I object to you using my NHS number will I still get care", kind: conversation.KindAnswer, lacks: []string{"Which council"}},
	})
	bot, _ = newBot(t, now)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want to withdraw my consent", kind: conversation.KindIntake},
	})
}
