package conversation_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An adviser's "yes" to the hint "log it with /request access" is told again how to log it: a QA
// pass got the generic "Go ahead: ask me …".
func TestYesToTheRequestHintSaysHowToLogIt(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	say := func(session, text, id string) conversation.Reply {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "phone", Org: "Milton Keynes", Text: text, MessageID: id})
		require.NoError(t, err)
		return rep
	}
	rep := say("desk-9", "what information do you hold about me?", "d0")
	require.Contains(t, rep.Answer.Answer, "log it with /request access")
	rep = say(rep.Session, "yes", "d1")
	assert.Contains(t, rep.Answer.Answer, "Type /request access to log it")
	assert.NotContains(t, rep.Answer.Answer, "Go ahead")
}
