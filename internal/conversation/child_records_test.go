package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A parent asking for the records of what happened to their child is offered a request for
// someone else, as other requests for a child are (a QA pass: "my son was hurt at school and i
// want the safeguarding review records" abstained, with no request offered).
func TestAChildsRecordsWantedAreOfferedForSomeoneElse(t *testing.T) {
	bot, q := newBot(t, gapsNow)
	says := "my son was hurt at school and i want the safeguarding review records"
	script(t, bot, "Milton Keynes", []line{
		{says: says, kind: conversation.KindAnswer, contains: []string{"for someone else", `say "yes"`}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"asking for someone else", "full name"}},
	})
	assert.Empty(t, q.cases())
	in := bot.Classify(says)
	assert.Equal(t, "access", string(in.Type))
	assert.True(t, in.OnBehalf)
}

// Told whom the request offered is for ("no its for him, im his mum"), the offer stands, and
// "yes please" starts it for the child named (a QA pass: answered with a quote about recipients,
// and "yes please" then got "Go ahead: ask me about the privacy notices").
func TestWhomTheOfferIsForKeepsIt(t *testing.T) {
	for _, says := range []string{"no its for him, im his mum", "its for him", "im his dad", "no, for my son"} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: "can i get a copy of what childrens services have on my son? hes 12. his name is Leo Grant", contains: []string{"for someone else", `say "yes"`}},
				{says: says, contains: []string{`Say "yes"`, "proof that you may act for"}, lacks: []string{"recipients", "reliable answer"}},
				{says: "yes please", kind: conversation.KindIntake, contains: []string{"Leo Grant", "full name"}},
			})
		})
	}
	// "no" alone still declines it.
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "can i get a copy of what childrens services have on my son? hes 12. his name is Leo Grant", contains: []string{`say "yes"`}},
		{says: "no", contains: []string{"I haven't made a request"}},
	})
}
