package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Children playing with a toy is no danger, and the question after it is answered: "my son keeps
// hitting his brother with a lightsaber, anyway who is the DPO for Bucks?" got the emergency reply
// and no answer (a QA pass). Harm to a child from anyone else, or with no toy, still raises the
// alarm.
func TestSiblingsPlayingIsNoAlarmAndTheQuestionIsAnswered(t *testing.T) {
	for _, says := range []string{
		"my son keeps hitting his brother with a lightsaber, anyway who is the DPO for Bucks?",
		"the twins keep bashing each other with pillows. anyway, who is the data protection officer for Buckinghamshire?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			rep := script(t, bot, "Buckinghamshire", []line{
				{says: says, kind: conversation.KindAnswer, contains: []string{"Data Protection Officer"}, lacks: []string{"999", "safeguarding", "don't answer"}},
			})
			assert.False(t, rep.Answer.Abstained)
		})
	}
	for _, says := range []string{
		"my partner keeps hitting my son",
		"my son's dad hits him",
		"my partner keeps hitting my son with a lightsaber, anyway who is the DPO for Bucks?",
		"my son keeps hitting his brother with a belt, anyway who is the DPO for Bucks?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Buckinghamshire", []line{{says: says, contains: []string{"999"}}})
		})
	}
}
