package conversation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// "no wait, I want it corrected" changes an erasure into a correction at any step, as "actually I
// want it corrected instead" did: a QA pass had it read as a contact ("That doesn't look like an
// e-mail address"), and the case was filed as an erasure.
func TestNoWaitIWantItCorrectedChangesTheRight(t *testing.T) {
	for _, change := range []string{"no wait, I want it corrected - my address is wrong", "no wait, I want it corrected", "I want it corrected - my address is wrong"} {
		for at := 0; at <= 2; at++ { // said at the name, the contact, the details
			t.Run(fmt.Sprintf("%s/%d", change, at), func(t *testing.T) {
				bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
				session := ""
				say := func(v string) conversation.Reply {
					rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "web", Org: "Milton Keynes", Text: v, MessageID: v})
					require.NoError(t, err)
					session = rep.Session
					return rep
				}
				say("please delete my data")
				answers := []string{"Tom Baker", "tom@example.com", "skip"}
				for _, a := range answers[:at] {
					say(a)
				}
				rep := say(change)
				assert.Contains(t, rep.Answer.Answer, "changed the request to: Right to rectification", "%q at step %d", change, at)
				assert.NotContains(t, rep.Answer.Answer, "doesn't look like")
				for _, a := range answers[at:] {
					say(a)
				}
				for i := 0; i < 4 && rep.Kind != conversation.KindSubmitted; i++ {
					if rep = say("yes"); rep.Kind != conversation.KindSubmitted {
						rep = say("my address is 2 Low Road, not 12 Low Road")
					}
				}
				require.Len(t, q.cases(), 1, rep.Answer.Answer)
				assert.Equal(t, dpo.Rectification, q.cases()[0].Type)
			})
		}
	}
}

// A "no wait" that gives the name or contact asked for is that answer, not a change of right.
func TestNoWaitWithAnAnswerIsTheAnswer(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "please delete my data", kind: conversation.KindIntake, contains: []string{"erasure", "full name"}},
		{says: "Tom Bker", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "no wait, my name is Tom Baker", kind: conversation.KindIntake, lacks: []string{"changed the request"}},
		{says: "tom@example.com", kind: conversation.KindIntake, lacks: []string{"changed the request"}},
		{says: "no wait, it's tom.baker@example.com", kind: conversation.KindIntake, lacks: []string{"changed the request"}},
		{says: "no wait, my address is 2 Low Road, MK1 1AA", kind: conversation.KindIntake, lacks: []string{"changed the request"}},
	})
	assert.Empty(t, q.cases())
}
