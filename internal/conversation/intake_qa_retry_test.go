package conversation_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// An e-mail address with a slip in its domain ("tom@gmial.com") is a readable address, asked
// about, never one of the replies that are no address: said again it is asked about again, and
// a "yes" takes the address suggested, after a refused date too (a QA pass: "Sorry, I still can't
// read that as a way to reach you").
func TestAMistypedEmailIsAskedAboutNotCountedAsNoAddress(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before []string // what the resident says at the contact step before the address
		then   []string // what they say after "did you mean …?", the last taking the suggestion
	}{
		{"yes after a date", []string{"07/12/2026", "tom@gmial.com"}, []string{"yes"}},
		{"the address again, then yes, after a date", []string{"07/12/2026", "tom@gmial.com"}, []string{"tom@gmial.com", "yes"}},
		{"the address three times, then yes", []string{"tom@gmial.com"}, []string{"tom@gmial.com", "tom@gmial.com", "yes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			lines := upTo("I want a copy of my data", "Tom Hart", "", "")
			for _, says := range tc.before {
				lines = append(lines, line{says: says, kind: conversation.KindIntake})
			}
			lines[len(lines)-1].contains = []string{"did you mean tom@gmail.com?"}
			for _, says := range tc.then[:len(tc.then)-1] {
				lines = append(lines, line{says: says, kind: conversation.KindIntake, contains: []string{"tom@gmial.com looks like a slip", "did you mean tom@gmail.com?"}, lacks: []string{"still can't read"}})
			}
			lines = append(lines,
				line{says: tc.then[len(tc.then)-1], kind: conversation.KindIntake, contains: []string{"will contact you at tom@gmail.com", "service"}, lacks: []string{"still can't read"}},
				line{says: "skip"}, line{says: "my council tax records"},
				line{says: "yes", kind: conversation.KindSubmitted})
			script(t, bot, "Milton Keynes", lines)
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "tom@gmail.com"}, cases[0].Requester.Contact)
		})
	}
}

// A "yes" right after a request was sent confirms what was sent, on every channel, an adviser's
// too: it says so with the reference (a QA pass: "Go ahead: ask me about the privacy notices").
// A "yes" to the other request offered with it takes that one up.
func TestAYesAfterARequestWasSent(t *testing.T) {
	bot, q := newBot(t, qaNow)
	turn := conversation.Turn{Session: "desk-9", Channel: "phone", Text: "/request access", MessageID: "desk-9/1"}
	rep, err := bot.StartIntake(context.Background(), turn, rights.Access)
	require.NoError(t, err)
	for _, says := range []string{"Buckinghamshire", "Ivy Lee", "ivy@example.com", "skip", "copy of everything", "yes"} {
		turn.Text = says
		rep, err = bot.Reply(context.Background(), turn)
		require.NoError(t, err, "%q", says)
	}
	require.Equal(t, conversation.KindSubmitted, rep.Kind, rep.Answer.Answer)
	ref := rep.Reference
	for _, says := range []string{"yes", "submit"} {
		turn.Text = says
		rep, err = bot.Reply(context.Background(), turn)
		require.NoError(t, err)
		assert.Contains(t, rep.Answer.Answer, "That request was already sent", says)
		assert.Contains(t, rep.Answer.Answer, ref, says)
	}
	turn.Text = "ok"
	rep, err = bot.Reply(context.Background(), turn)
	require.NoError(t, err)
	assert.NotContains(t, rep.Answer.Answer, "already sent", "an ok acknowledges")
	assert.Len(t, q.cases(), 1)

	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it", kind: conversation.KindIntake},
		{says: "Ivy Lee"}, {says: "ivy@example.com"}, {says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Say \"yes\" and I'll take that request now"}},
		{says: "yes", kind: conversation.KindIntake, lacks: []string{"already sent"}},
	})
}
