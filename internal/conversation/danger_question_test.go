package conversation_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// A message the vocabulary takes for urgent that also asks the notices something is answered
// after the safety contacts, not instead of them (a QA pass: "the neighbour threatened to kill my
// cat and i reported it, do you share that with police" got the safeguarding reply alone). What
// is searched is the question said after the danger, whose words found nothing.
func TestAnUrgentMessageAskingTheNoticesIsAnsweredToo(t *testing.T) {
	says := "the neighbour threatened to kill my cat and i reported it, do you share that with police"
	bot, _ := newBot(t, gapsNow)
	rep := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindSafeguarding,
		contains: []string{"999", "And to what you asked", "Thames Valley Police"}}})
	assert.True(t, rep.Answer.Safeguarding)
	assert.NotEmpty(t, rep.Answer.Citations)

	// An adviser's look-up (privacybot ask) reads the same.
	ans, err := bot.Ask(context.Background(), answer.Question{Text: says, Organisation: "Milton Keynes"})
	require.NoError(t, err)
	assert.True(t, ans.Safeguarding)
	assert.Contains(t, ans.Answer, "Thames Valley Police")

	// The notices not answering adds nothing to the safety contacts.
	bot, _ = newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "my dad hits me when he's drunk, what should I do?", kind: conversation.KindSafeguarding,
		contains: []string{"999"}, lacks: []string{"And to what you asked", "reliable answer", "may not answer"}}})
}
