package conversation_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Asked to see "the file" after the safeguarding reply, the resident is told what the notices say
// of the right of access and offered the request, as a calm "can I see my file?" is (a QA pass: a
// hedged quote about the website's log files, and no request offered). The safety contacts given
// are not said again.
func TestTheFileAskedForAfterADangerIsOffered(t *testing.T) {
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "my dad hits me when hes drunk and social services have a file on us, can i see it", kind: conversation.KindSafeguarding, contains: []string{"999"}},
		{says: "im ok right now. can i see the file though?", kind: conversation.KindAnswer,
			contains: []string{"the right to see most records", `say "yes"`, "Right of access"},
			lacks:    []string{"Log files", "may not answer", "999", "Call the safeguarding team."}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"full name"}},
	})
	// Alone, too.
	bot, _ = newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "can i see the file though?", kind: conversation.KindAnswer,
		contains: []string{`say "yes"`, "Right of access"}, lacks: []string{"Log files"}}})
}
