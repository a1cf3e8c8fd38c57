package conversation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// scriptOn is script on a channel other than the web.
func scriptOn(t *testing.T, bot *conversation.Bot, channel, session, org string, lines []line) conversation.Reply {
	t.Helper()
	var last conversation.Reply
	for i, l := range lines {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: channel, Org: org, Text: l.says, MessageID: fmt.Sprintf("%s/%d", session, i)})
		require.NoError(t, err, "line %d: %q", i, l.says)
		session = rep.Session
		l.check(t, i, rep)
		last = rep
	}
	return last
}

// "what do you hold about me", answered, offers the copy on every channel with a queue: the
// intake took it everywhere before it was answered, and Slack, Discord and the CLI dropped it.
func TestWhatIsHeldIsOfferedOnEveryChannel(t *testing.T) {
	for _, channel := range []string{"slack", "discord", "cli"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		scriptOn(t, bot, channel, channel+"-held", "Milton Keynes", []line{
			{says: "what info does customer services hold about me", kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access"}},
			{says: "yes", kind: conversation.KindIntake, contains: []string{"full name"}},
		})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	scriptOn(t, bot, "phone", "desk-held", "Milton Keynes", []line{
		{says: "what info does customer services hold about me", kind: conversation.KindAnswer, contains: []string{"log it with /request access"}},
	})
	// Staff asking how a request is made are answered only, as before.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	scriptOn(t, bot, "slack", "slack-how", "Milton Keynes", []line{
		{says: "how do I make a subject access request?", kind: conversation.KindAnswer, lacks: []string{"If you'd like to make this request"}},
	})
}
