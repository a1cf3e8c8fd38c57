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

// A question naming another council, asked at a step of one council's request, is answered for
// that council as it would be outside the request, and the step asked again (a QA pass: "who is
// the DPO for bucks?" during a Milton Keynes request was "not answered" by Milton Keynes's notices).
func TestAnotherCouncilsQuestionMidRequest(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "who is the DPO for bucks?", kind: conversation.KindIntake, contains: []string{"Buckinghamshire Council", "Maria Damigos", "still open", "contact you"}, lacks: []string{"don't answer that"}},
		{says: "who is the DPO for MK?", kind: conversation.KindIntake, contains: []string{"01908 254900", "still open"}},
		{says: "jane@example.com", kind: conversation.KindIntake, contains: []string{"service"}},
	})
	// A chat of one council answers as it does outside a request: whose contact to use instead.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "who is the DPO for bucks?", kind: conversation.KindIntake, contains: []string{"For Buckinghamshire Council, contact", "Maria Damigos", "still open"}, lacks: []string{"don't answer that"}},
	})
}
