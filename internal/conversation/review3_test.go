package conversation_test

// Third review: failing tests. Run: go test ./internal/conversation -run Test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

var review3Intake = []line{
	{says: "I want a copy of my data", kind: conversation.KindIntake},
	{says: "Jo Bloggs", kind: conversation.KindIntake},
	{says: "jo@example.com", kind: conversation.KindIntake},
	{says: "skip", kind: conversation.KindIntake},
	{says: "as above", kind: conversation.KindIntake, contains: []string{"Shall"}},
}

// P1: a yes that carries a correction must not send the request with the old details.
func TestYesWithACorrectionSendsNothing(t *testing.T) {
	for _, says := range []string{
		"yes, except my email is jo2@example.com",
		"send it to jo2@example.com instead",
		"ok, my email is actually jo2@example.com",
		"yes however the service is housing",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, reviewNow)
			script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...), line{says: says, lacks: []string{"DPO-2026"}}))
			assert.Empty(t, q.cases(), "sent with jo@example.com although the resident corrected it")
		})
	}
}

// P1: a question about confidentiality is no objection request.
func TestKeepingDataPrivateIsAQuestion(t *testing.T) {
	for _, says := range []string{"how do you keep my data private?", "Will you keep my complaint confidential?"} {
		bot, _ := newBot(t, reviewNow)
		rep := script(t, bot, "Milton Keynes", []line{{says: says}})
		assert.NotEqual(t, conversation.KindIntake, rep.Kind, "%q started: %s", says, rep.Answer.Answer)
	}
}

// P1: a complaint to the council that threatens to go to the ICO is still a complaint to take.
func TestComplaintMentioningTheICOIsTaken(t *testing.T) {
	for _, says := range []string{
		"I want to complain about how you shared my address with my neighbour, or I'll go to the ICO",
		"I want to make a complaint about a data breach. If you don't sort it I will report you to the Information Commissioner",
	} {
		bot, _ := newBot(t, reviewNow)
		rep := script(t, bot, "Milton Keynes", []line{{says: says}})
		assert.Equal(t, conversation.KindIntake, rep.Kind, "%q: %s", says, rep.Answer.Answer)
	}
}

// P1: "she'd shoot me an email" is no threat, and the request beside it is taken.
func TestShootMeAnEmailIsNoEmergency(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data. The officer said she'd shoot me an email with it", kind: conversation.KindIntake},
	})
}

// P1: a survivor offered the confidentiality request mid-request, who says "yes", gets it: the
// "yes" sent the open request instead and the offer vanished.
func TestConfidentialityOfferedMidRequestIsNotLost(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...),
		line{says: "my ex is threatening me, please don't give him my address", kind: conversation.KindSafeguarding},
		line{says: "yes"},
		line{says: "yes"},
		line{says: "skip"},
		line{says: "as above"},
		line{says: "yes"},
	))
	var types []string
	for _, c := range q.cases() {
		types = append(types, string(c.Type))
	}
	assert.Contains(t, types, "objection", "the confidentiality request the bot offered was never taken: %v", types)
	for _, c := range q.cases() {
		if c.Type == "objection" {
			assert.Contains(t, c.Description, "don't give him my address", "in the words that asked for it")
		}
	}
}

// P2: "call me back on 07700 900123" at the contact step is the contact; "talking to an officer" in
// the details is a detail.
func TestWantsPersonDoesNotEatAStepAnswer(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "please call me back on 07700 900123", kind: conversation.KindIntake, contains: []string{"service"}},
	})
	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "housing", kind: conversation.KindIntake},
		{says: "the notes from when I was talking to an officer at the housing desk", kind: conversation.KindIntake, contains: []string{"Shall"}},
	})
}

// P2: "any update"/"any news" in a question about the notices is no status check.
func TestAnyUpdateToTheNoticeIsAQuestion(t *testing.T) {
	for _, says := range []string{"Has there been any update to your privacy notice?", "any news on how long you keep CCTV footage?"} {
		bot, _ := newBot(t, reviewNow)
		rep := script(t, bot, "Milton Keynes", []line{{says: says}})
		assert.NotContains(t, rep.Answer.Answer, "I can only look up requests made in this chat", says)
	}
}

// P3: "cancel the second one" when the second was only offered: nothing was sent, and the reply
// must not say it was; "I don't want to cancel the first one" is no wish to withdraw.
func TestCancelOneReadsTheConversation(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it all", kind: conversation.KindIntake},
		{says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "cancel the second one", lacks: []string{"has been sent can't be withdrawn"}},
	})
	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...),
		line{says: "yes", kind: conversation.KindSubmitted},
		line{says: "I don't want to cancel the first one, just tell me when it is due", lacks: []string{"can't be withdrawn"}},
	))
}

var _ = require.NoError
var _ = context.Background
var _ = fmt.Sprint

// What a fifth QA pass found: a name and contact given together with labels, several references
// in one message, a clarification's status with whom to reply to, a complaint switched to, and a
// safeguarding reply on `ask` with the crisis lines and nothing else.
func TestFifthQAPass(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Name: Kate Hill. Phone: 07700900123", kind: conversation.KindIntake, contains: []string{"Which council service"}},
		{says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Kate Hill", q.cases()[0].Requester.Name)

	bot, q = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", accessRequest("jo@example.com"))
	script(t, bot, "Milton Keynes", []line{{says: "hello"}, {says: "I want to delete my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "skip"}, {says: "yes", kind: conversation.KindSubmitted}})
	q.setStatus("DPO-2026-000002", dpo.AwaitingClarification)
	script(t, bot, "", []line{{says: "DPO-2026-000001 and DPO-2026-000002, my email is jo@example.com", kind: conversation.KindStatus,
		contains: []string{"DPO-2026-000001 is", "DPO-2026-000002 is", "01908 254900"}}})

	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "actually I want to make a complaint instead", kind: conversation.KindIntake, contains: []string{"changed the request to: Complaint"}},
	})

	bot, _ = newBot(t, reviewNow)
	bot.Crisis = "Talk to Samaritans on 116 123."
	ans, err := bot.Ask(context.Background(), answer.Question{Text: "I want to kill myself"})
	require.NoError(t, err)
	assert.True(t, ans.Safeguarding)
	assert.False(t, ans.Abstained)
	assert.Contains(t, ans.Answer, "Samaritans")
	assert.NotContains(t, ans.Answer, "don't answer that")
}

// What a fourth review and a sixth QA pass found at the confirm step, the contact step, on
// cancelling, and in confidentiality questions.
func TestConfirmContactAndCancelRoundSix(t *testing.T) {
	for _, says := range []string{"yes, name should be Joanna Bloggs", "Yes. Surname is Blogs", "yes, also include the CCTV"} {
		bot, q := newBot(t, reviewNow)
		script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...), line{says: says, lacks: []string{"DPO-2026"}}))
		assert.Empty(t, q.cases(), says)
	}
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...),
		line{says: "sorry the email is wrong, it's jo2@example.com", contains: []string{"I've changed the contact", "jo2@example.com"}},
		line{says: "yes please, nothing to change", kind: conversation.KindSubmitted}))
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "jo2@example.com", q.cases()[0].Requester.Contact.Value)

	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "1 sec let me check", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
		{says: "12 March 1985", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
	})

	bot, q = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...),
		line{says: "my ex is threatening me, please don't give him my address", kind: conversation.KindSafeguarding},
		line{says: "cancel", kind: conversation.KindCancelled, contains: []string{"Right to object"}},
		line{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}}))

	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{{says: "Is it possible to keep my address hidden from my ex?", contains: []string{"keep your address confidential"}}})
}

// A seventh QA pass: yes said in many ways sends; "my name is wrong" changes no name; rural
// addresses are addresses.
func TestYesNamesAndAddressesRoundSeven(t *testing.T) {
	for _, says := range []string{"yes pls", "yes ta", "yes, cheers", "yes thank you so much", "Yes that is correct", "yes :)", "Yes – please", "please do", "that's right", "Yes!"} {
		bot, q := newBot(t, reviewNow)
		script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...), line{says: says, kind: conversation.KindSubmitted}))
		assert.Len(t, q.cases(), 1, says)
	}
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...),
		line{says: "my name is wrong", lacks: []string{"Name: wrong"}},
	))
	assert.Empty(t, q.cases())
	for _, address := range []string{"Holly Cottage, The Lee", "Hillside, Chartridge", "PO Box 123, Aylesbury", "14 Church Lane, Wendover"} {
		c, err := conversation.ContactOf(address)
		require.NoError(t, err, address)
		assert.Equal(t, "postal", string(c.Kind), address)
	}
}

// A fifth review: ordinary messages that mention an address, privacy or a file start nothing and
// offer nothing they didn't ask for.
func TestNoConfidentialityOfferForOrdinaryQuestions(t *testing.T) {
	for _, says := range []string{"The council doesn't have my new address", "I can't find the postal address for your DPO", "Do you keep CCTV footage private?",
		"how do you stop them seeing my records if they don't need to?", "how do I look up my address on the electoral register?"} {
		bot, _ := newBot(t, reviewNow)
		last := script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"keep your address confidential"}}})
		assert.NotEqual(t, conversation.KindIntake, last.Kind, says)
	}
}

// A status check by postal address finds it with other words around it.
func TestStatusByPostalAddressWithOtherWords(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", accessRequest("14 Church Lane, Wendover, HP22 6AA"))
	script(t, bot, "", []line{{says: "Any update on DPO-2026-000001? 14 Church Lane, Wendover, HP22 6AA", kind: conversation.KindStatus,
		contains: []string{"is received"}}})
}

// A further wish after a request is a request; two rights whose first is the other one offer it.
func TestFurtherAndFirstRights(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", append(accessRequest("jo@example.com"),
		line{says: "I'd also like you to delete my old council tax account", kind: conversation.KindIntake, contains: []string{"Right to erasure"}}))
	bot, _ = newBot(t, reviewNow)
	last := script(t, bot, "Milton Keynes", []line{{says: "I want to correct my address and get a copy of my file", kind: conversation.KindIntake}})
	assert.Contains(t, last.Answer.Answer, "You also asked for something else")
}

// A yes typed short or drawn out at the summary sends (a QA pass: "ye" and "yas" were asked again).
func TestShortAndDrawnOutYesSends(t *testing.T) {
	for _, says := range []string{"ye", "yas", "yea thanks"} {
		bot, q := newBot(t, reviewNow)
		script(t, bot, "Milton Keynes", append(append([]line{}, review3Intake...), line{says: says, kind: conversation.KindSubmitted}))
		assert.Len(t, q.cases(), 1, says)
	}
}
