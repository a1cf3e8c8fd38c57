package conversation_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// A message the vocabulary takes for urgent that also asks the notices something is answered
// too, not given the safety contacts instead (a QA pass: "the neighbour threatened to kill my cat
// and i reported it, do you share that with police" got the safeguarding reply alone). What is
// searched is the question said after the danger, whose words found nothing. A danger to someone
// else reported already is answered first, with the contacts as a short line after it; any other
// gets the safeguarding reply first.
func TestAnUrgentMessageAskingTheNoticesIsAnsweredToo(t *testing.T) {
	says := "the neighbour threatened to kill my cat and i reported it, do you share that with police"
	bot, _ := newBot(t, gapsNow)
	rep := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindSafeguarding,
		contains: []string{"Thames Valley Police", "\n\nIf anyone is in immediate danger, call 999. Call the safeguarding team."},
		lacks:    []string{"This chat can't act on safeguarding concerns"}}})
	assert.True(t, rep.Answer.Safeguarding)
	assert.NotEmpty(t, rep.Answer.Citations)
	assert.Less(t, strings.Index(rep.Answer.Answer, "Thames Valley Police"), strings.Index(rep.Answer.Answer, "999"), "the answer first")

	// Not reported, the danger comes first.
	bot, _ = newBot(t, gapsNow)
	rep = script(t, bot, "Milton Keynes", []line{{says: "the neighbour threatened to kill my cat, do you share that with police", kind: conversation.KindSafeguarding,
		contains: []string{"999", "And to what you asked", "Thames Valley Police"}}})
	assert.Less(t, strings.Index(rep.Answer.Answer, "999"), strings.Index(rep.Answer.Answer, "Thames Valley Police"), "the safeguarding reply first")

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
