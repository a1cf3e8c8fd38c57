package conversation_test

// Ways a request could be filed wrong, found by a second review of this round's changes.

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
)

var reviewNow = time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC)

// "please do not send it yet" at the confirm step must not send it.
func TestPleaseDoNotSendIsNotYes(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Shall"}},
		{says: "please do not send it yet, my email is wrong", lacks: []string{"DPO-2026"}},
	})
	assert.Empty(t, q.cases(), "nothing was confirmed")
}

// A flag that came from the details survives a change of right made afterwards.
func TestSwitchAfterDetailsKeepsFlagAndDetails(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "please delete my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "the evidence your enforcement officers used to prosecute me for fly-tipping", kind: conversation.KindIntake, contains: []string{"Shall"}},
		{says: "actually, I'd rather just get a copy of my data instead", kind: conversation.KindIntake, contains: []string{"changed the request to"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Contains(t, q.cases()[0].Description, "prosecute me", "the details given survive the change of right")
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement, "the flag stays until the DPO decides")
}

// The second right of a message whose first request was flagged from its details is flagged too.
func TestSecondRightFlaggedFromDetails(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it all", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "the file your trading standards officers used to prosecute me", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "yes", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 2)
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement)
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[1].LawEnforcement, "same file, same regime question")
}

// "I don't have a reference" inside an actionable request must not swallow the request.
func TestNoReferenceDoesNotSwallowARequest(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I don't have a reference number for my council tax account but please delete my data", kind: conversation.KindIntake},
	})
	script(t, bot, "Milton Keynes", []line{
		{says: "I posted a letter about my bins last week, I want a copy of my data", kind: conversation.KindIntake},
	})
}

func TestYesAnswersOtherQuestions(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	for _, q := range []string{
		"can my ex get a copy of my data?",
		"can my landlord get a copy of my records from you?",
		"can I get my benefit fraud file deleted?",
		"can you delete my council tax debt records?",
		"can I see my neighbour's records?",
		"can I get a copy of my husband's social care file?",
	} {
		in := rights.Classify(q)
		last := script(t, bot, "Milton Keynes", []line{{says: q}})
		t.Logf("%q type=%s act=%v conf=%.2f -> %q", q, in.Type, in.Actionable, in.Confidence, last.Answer.Answer)
		assert.NotContains(t, last.Answer.Answer, "Yes: I can take", q)
	}
}

// Switching to the right that was the second one offers it again after submit: a duplicate.
func TestSwitchToTheSecondRightIsNotOfferedTwice(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it all", kind: conversation.KindIntake},
		{says: "actually, I'd rather you just delete it all instead", kind: conversation.KindIntake, contains: []string{"changed the request to"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, lacks: []string{"You also asked for something else (Right to erasure"}},
	})
	require.Len(t, q.cases(), 1)
}

// The second right's intro promises the date the case will get: counted from the first message.
func TestSecondRightIntroDateMatchesTheCase(t *testing.T) {
	cur := time.Date(2026, 9, 29, 22, 50, 0, 0, time.UTC) // 23:50 on Tue 29 Sep in London
	bot, q := newBot(t, cur)
	bot.Now = func() time.Time { return cur }
	bot.Sessions.Now = func() time.Time { return cur }
	session := ""
	var last conversation.Reply
	for i, says := range []string{"send me a copy of my data and then delete it all", "Jo Bloggs", "jo@example.com", "skip", "skip", "yes", "yes"} {
		if i == 1 {
			cur = cur.Add(20 * time.Minute) // past midnight in London
		}
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "web", Org: "Milton Keynes", Text: says, MessageID: fmt.Sprint(i)})
		require.NoError(t, err)
		session, last = rep.Session, rep
	}
	require.Len(t, q.cases(), 1)
	assert.Contains(t, last.Answer.Answer, "by Thursday 29 October 2026", "received 29 Sep, as the case will be: %s", last.Answer.Answer)
}

// What a fourth QA pass found after a status check or two requests, and during one.
func TestAfterAStatusCheckAndDuringARequest(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", accessRequest("jo@example.com"))
	q.setStatus("DPO-2026-000001", dpo.AwaitingClarification)
	script(t, bot, "", []line{
		{says: "DPO-2026-000001", kind: conversation.KindStatus},
		{says: "jo@exmaple.com", kind: conversation.KindStatus, contains: []string{"couldn't find"}},
		{says: "sorry typo, it's jo@example.com", kind: conversation.KindStatus, contains: []string{"reply to the data protection team's message"}},
		{says: "when is it due?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001"}},
	})

	// Two requests sent: both references, and "cancel the first one" withdraws nothing here.
	bot, _ = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it all", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "yes", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "what is my reference again?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001", "DPO-2026-000002"}},
		{says: "actually I've changed my mind, cancel the first one", contains: []string{"can't be withdrawn in this chat"}, lacks: []string{"full name"}},
	})

	// Asking for a person mid-request gets whom to ask, and the request waits.
	bot, _ = newBot(t, reviewNow)
	last := script(t, bot, "", []line{
		{says: "please delete my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "I want to talk to a real person", contains: []string{"can't put you through", "Your request is still open"}, lacks: []string{"didn't recognise that council"}},
	})
	require.NotNil(t, last.Intake)

	// A complaint to the regulator is not one to the council.
	bot, q = newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{{says: "I want to complain to the ICO", kind: conversation.KindAnswer}})
	assert.Empty(t, q.cases())
}

// A survivor asking for their address to be kept confidential gets the request taken (an
// objection to its disclosure), after the safeguarding reply when they say they are in danger.
func TestKeepingAnAddressConfidential(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{{says: "mark my records as confidential so my ex can't find me", kind: conversation.KindIntake,
		contains: []string{"Right to object"}}})
	script(t, bot, "Milton Keynes", []line{
		{says: "please don't give my new address to anyone, I've fled domestic abuse", kind: conversation.KindSafeguarding,
			contains: []string{"999", "keep your address confidential"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}},
	})
	// Said as what is happening, not as a request (a tenth QA pass): someone with access looking
	// the address up.
	script(t, bot, "Milton Keynes", []line{
		{says: "please help my ex partner works at the council and i think hes been looking up my new address on the system. im terrified he'll turn up, he's already threatened me. can you stop him seeing my records",
			kind: conversation.KindSafeguarding, contains: []string{"999", "keep your address confidential"}},
	})
	for _, says := range []string{
		"can i get my council tax file? my ex partner said he'd hurt me if he ever found me, please don't let him get my new address",
		"my ex has said he'll kill me, he's been asking around where I live. can I see what the council has on me and stop them giving my address out",
	} {
		bot, _ := newBot(t, reviewNow)
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindSafeguarding, contains: []string{"999", "keep your address confidential"}}})
	}
}

// The excerpt leaves out a name or a contact with letters or signs Go's \b doesn't know.
func TestTheExcerptLeavesOutNonASCIINamesAndContacts(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Zoë Brontë", kind: conversation.KindIntake},
		{says: "+44 7700 900123", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "everything about Zoë since 2020", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.NotContains(t, q.cases()[0].Excerpt, "Zoë")
	assert.NotContains(t, q.cases()[0].Excerpt, "+44 7700 900123")
}

// A returning resident, or one waiting for a request made elsewhere, is told where to ask, not
// given a quote; the request form refuses an e-mail address for a name.
func TestAskingAfterARequestTheChatDidntTake(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{{says: "what is my reference again?", kind: conversation.KindHelp, contains: []string{"only look up requests made in this chat"}}})
	script(t, bot, "Milton Keynes", []line{{says: "this is ridiculous, I've been waiting 3 months for my data", kind: conversation.KindStatus, contains: []string{"give its reference"}}})
	_, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: "ida@example.com",
		Contact: "ida@example.com", Description: "a copy"})
	var fe *dpo.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "name", fe.Field)
}

// A polite request that introduces its writer by name is taken, whatever the safeguarding model
// makes of it (a QA pass found it answered with the safeguarding reply alone): the resident
// never has to ask again.
func TestAPoliteRequestIsTakenWhateverTheModelSays(t *testing.T) {
	for _, says := range []string{"hi, I'm Kate and I want a copy of everything you hold on me please",
		"hi, I'm Tom and I'd like everything you've got on me please"} {
		bot, _ := newBot(t, reviewNow)
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}}})
	}
}

// A request that has had no reply is not offered again: the resident is told how to check it, the
// time limit, and whom the notices say to complain to ("I've been waiting 3 months for my subject
// access request and nobody has replied. who do I complain to???" got "the notices don't answer
// that" and an offer of a new request, a QA pass).
func TestALateReplyIsNotOfferedANewRequest(t *testing.T) {
	bot, q := newBot(t, reviewNow)
	for _, tc := range []struct{ org, says, complaint string }{
		{"", "this is ridiculous, I've been waiting 3 months for my subject access request and nobody has replied. who do I complain to???", "Information Commissioner"},
		{"", "I made a SAR to milton keynes in august and they still havent replied, its way past the deadline", "Data Protection Officer"},
		{"Buckinghamshire", "I asked for my records in September and have heard nothing", "Information Commissioner"},
		// Said other ways (a QA pass got a new request, or "don't answer").
		{"", "the council has ignored my request for my data for months", "Information Commissioner"},
		{"Milton Keynes", "I emailed MK for a copy of my records in September and still nothing. can I complain?", "Data Protection Officer"},
		{"", "my subject access request is late", "Information Commissioner"},
	} {
		last := script(t, bot, tc.org, []line{{says: tc.says, kind: conversation.KindStatus,
			contains: []string{"give its reference", "one calendar month", tc.complaint}, lacks: []string{"say \"yes\" to start it", "don't answer"}}})
		assert.NotEmpty(t, last.Answer.Citations, tc.says)
	}
	// A question about response times, and a new request, are not late replies.
	script(t, bot, "Milton Keynes", []line{{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}}})
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data", kind: conversation.KindIntake}})
	script(t, bot, "Milton Keynes", []line{{says: "I was late paying, do you share my data with debt collectors?", lacks: []string{"give its reference"}}})
	// Another request late is no data request's (a review).
	for _, says := range []string{"the council has ignored my request for a new bin, how long do you keep complaints?", "my request for a parking permit is late, who do I complain to?"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"give its reference"}}})
	}
	assert.Empty(t, q.cases())
}

// In a chat scoped to one council, a follow-up refused as another council's leaves the topic,
// not that council, for the next: after "and MK?" was refused, "how long do you keep it?" was
// refused again as Milton Keynes's (a QA pass of advisers).
func TestAFollowUpRefusedAsAnotherCouncilsLeavesItsTopic(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Buckinghamshire", []line{
		{says: "do you share with the police?", kind: conversation.KindAnswer},
		{says: "and MK?", contains: []string{"I'm answering from Buckinghamshire Council's notices only"}},
		{says: "how long do you keep it?", lacks: []string{"That asks about Milton Keynes"}},
	})
}

// Waiting for something else is no late request: the question is answered (a review found
// these taken for late replies to a request).
func TestWaitingForSomethingElseIsNoLateRequest(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	for _, says := range []string{"I have been waiting for a repair. How long do you keep complaint records about my file?",
		"My council tax is overdue. How long do you keep my information?"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"give its reference"}}})
	}
}

// A question's personal details are not what it asks about, but a name the notices publish is:
// "who is Maria Damigos?" was asked as "who is" and abstained, and "Who is the data protection
// officer? My dob is 03/03/1985" abstained through Ask (the adviser's and Slack's way in).
func TestAQuestionKeepsPublishedNamesAndLosesPersonalDetails(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	bot.Redact = redact.Keeping([]string{"Maria Damigos"}, redact.Text)
	script(t, bot, "", []line{{says: "who is Maria Damigos?", kind: conversation.KindAnswer, contains: []string{"Data Protection Officer"}, lacks: []string{"don't answer"}}})
	for _, q := range []string{"Who is the data protection officer? My dob is 03/03/1985", "I'm at MK2 3AB, how long do you keep complaint records?"} {
		ans, err := bot.Ask(context.Background(), answer.Question{Text: q})
		require.NoError(t, err)
		assert.False(t, ans.Abstained, "%q: %s", q, ans.Answer)
		assert.Equal(t, q, ans.Question)
	}
}

// Someone else's records are offered as someone else's: a landlord asking for a tenant's records
// was offered "a copy of your data" (a QA pass).
func TestSomeoneElsesRecordsAreOfferedAsTheirs(t *testing.T) {
	bot, _ := newBot(t, reviewNow)
	script(t, bot, "Milton Keynes", []line{{says: "can I get a copy of my tenant's housing benefit records?",
		contains: []string{"a copy of their data), for someone else", "proof that you may act for them"}, lacks: []string{"a copy of your data"}}})
}
