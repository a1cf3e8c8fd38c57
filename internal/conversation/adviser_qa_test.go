package conversation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An adviser's account of a caller's wish, typed in the third person, starts the caller's request
// for the right the caller asked for (a QA pass of advisers): a changed address was taken as a
// request for a copy, and a wish to stop a sharing was answered with the notices' list of
// recipients and nothing to log.
func TestAnAdviserIsLedToLogTheCallersWish(t *testing.T) {
	for says, right := range map[string]string{
		"caller has moved house, wants us to update her address on our records, she lives in Olney now": "Right to rectification",
		"caller says we have her old address, she moved last month":                                     "Right to rectification",
		"caller wants to stop us sharing his data with the police":                                      "Right to object",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			scriptOn(t, bot, "phone", "", "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{right}, lacks: []string{"Right of access"}},
			})
		})
	}
}

// A caller's question and request in one sentence, joined by "and", get the answer and the
// command to log the request, as two sentences do (a QA pass of advisers: "how long do you keep my
// data and I want it deleted" got only the answer). The command is given once.
func TestAnAdviserIsGivenTheCommandForARequestJoinedToAQuestion(t *testing.T) {
	for _, says := range []string{
		"how long do you keep my data and I want it deleted",
		"how long do you keep my data, I want it deleted",
		"how long do you keep my data? I want it deleted",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			rep := scriptOn(t, bot, "phone", "", "Milton Keynes", []line{
				{says: says, kind: conversation.KindAnswer, contains: []string{"log it with /request erasure"}},
			})
			assert.Equal(t, 1, strings.Count(rep.Answer.Answer, "/request erasure"), rep.Answer.Answer)
		})
	}
	// A clause that asks for nothing of the data is no request beside the question.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	scriptOn(t, bot, "phone", "", "Milton Keynes", []line{
		{says: "how long do you keep my data and I need to know today", kind: conversation.KindAnswer, lacks: []string{"/request"}},
	})
}
