package conversation_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// Someone at risk who says so while a request is being taken gets the safeguarding reply first;
// what they said is not taken for a council, a name or the details, and the request waits.
func TestSafeguardingInterruptsARequest(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "i want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "my neighbour is hurting her child", kind: conversation.KindSafeguarding,
			contains: []string{"999", "Your request is still open", "which council"}},
		{says: "mk", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "I'm scared he'll kill me", kind: conversation.KindSafeguarding, contains: []string{"999", "contact"}},
	})
	require.NotNil(t, last.Intake, "the request is still open")
	assert.Equal(t, "Jo Bloggs", last.Intake.Fields["name"])
	assert.Equal(t, conversation.StepContact, last.Intake.Step)
	assert.Empty(t, q.cases())
}

// A step's answer that only the safeguarding model reads as urgent ("Joan Whitfield, she lives at
// 22 Church Street…", "I am 84 and my carer comes Tuesdays") gets the safeguarding contacts and is
// taken for its step: a QA pass found carers' and older people's answers dropped and the step
// asked again. A word of danger still pauses the request.
func TestAnAnswerOnlyTheModelFindsUrgentIsTakenForItsStep(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	modelOnly := map[string]bool{"Joan Whitfield, she lives at 22 Church Street": true, "I am 84 and my carer comes Tuesdays": true}
	bot.Classify = func(text string) rights.Intent {
		if modelOnly[text] {
			return rights.Intent{Type: rights.None, Safeguarding: true, ByModel: true, Confidence: 0.6}
		}
		return rights.Classify(text)
	}
	last := script(t, bot, "Milton Keynes", []line{
		{says: "please delete my mum's data, I have power of attorney", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Susan Whitfield", kind: conversation.KindIntake},
		{says: "Joan Whitfield, she lives at 22 Church Street", kind: conversation.KindIntake, contains: []string{"999", "How should the data protection team contact you?"}},
		{says: "susan@example.com", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "adult social care", kind: conversation.KindIntake},
		{says: "I am 84 and my carer comes Tuesdays", kind: conversation.KindIntake, contains: []string{"999", "Name: Susan Whitfield", "I am 84", "Their address: 22 Church Street"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Joan Whitfield", last.Intake.Fields["on_behalf_of"])
	assert.Empty(t, q.cases())
}

// What a requester types at each step is read as a person would: a name without "my name is",
// a contact without the sentence around it, "it's for me" when asked whose behalf, and ways of
// changing their mind.
func TestIntakeReadsRepliesAsTheyAreMeant(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my husband wants a copy of the data you hold on me", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "12345", kind: conversation.KindIntake, contains: []string{"Please give your name"}},
		{says: "kate@example.com", kind: conversation.KindIntake, contains: []string{"Please give your name"}},
		{says: "prefer not to say", kind: conversation.KindIntake, contains: []string{"needs your name"}},
		{says: "why do you need my name?", kind: conversation.KindIntake, contains: []string{"needs your name"}},
		{says: "my name is Kate Hill", kind: conversation.KindIntake, contains: []string{"their name"}},
		{says: "07700 900123", kind: conversation.KindIntake, contains: []string{"it's for me"}},
		{says: "no it's for me", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "my email is kate@example.com please", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "who else will see it?", kind: conversation.KindIntake, contains: []string{"still open", "service"}, lacks: []string{"looks like a question"}},
		{says: "how long will this take?", kind: conversation.KindIntake, contains: []string{"one calendar month", "service"}, lacks: []string{"looks like a question"}},
		{says: "do you need my ID?", kind: conversation.KindIntake, contains: []string{"won't ask for identity documents", "service"}, lacks: []string{"looks like a question"}},
		{says: "12 High Street, Bletchley, MK2 2AB", kind: conversation.KindIntake, contains: []string{"looks like an address", "service"}},
		{says: "skip", kind: conversation.KindIntake},
		{says: "everything", kind: conversation.KindIntake, contains: []string{"Name: Kate Hill", "Contact: kate@example.com"}, lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"must respond by"}},
	})
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, "Kate Hill", c.Requester.Name)
	assert.Equal(t, "kate@example.com", c.Requester.Contact.Value)
	assert.False(t, c.Requester.OnBehalfOf)
	assert.False(t, c.Due.IsZero(), "her own request's month starts now")

	for _, changed := range []string{"actually never mind", "i've changed my mind", "dont want to do this anymore"} {
		script(t, bot, "", []line{
			{says: "delete my data", kind: conversation.KindIntake},
			{says: changed, kind: conversation.KindCancelled},
		})
	}
}

// "cancel" with no request under way cancels nothing and starts nothing.
func TestCancelWithNothingToCancel(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "delete my data", kind: conversation.KindIntake},
		{says: "cancel", kind: conversation.KindCancelled},
		{says: "cancel", kind: conversation.KindHelp, contains: []string{"nothing to cancel"}},
	})
	script(t, bot, "", []line{{says: "cancel", kind: conversation.KindHelp, contains: []string{"nothing to cancel"}}})
	assert.Empty(t, q.cases())
}

// A form naming a council the bot doesn't serve is refused, so no case lands where no DPO looks.
func TestFormForAnUnknownCouncilIsRefused(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	_, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Narnia Council", Name: "Ann Lee",
		Contact: "ann@example.com", Description: "x"})
	var fe *dpo.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "org", fe.Field)
	assert.Contains(t, fe.Reason, "Buckinghamshire Council")
	assert.Empty(t, q.cases())
}

// A request naming its council needs no "which council?"; one made in a chat scoped to another
// council is not filed with the wrong council's DPO: the person is told whose it is.
func TestARequestGoesToTheCouncilItNames(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "I want a copy of my data from Buckinghamshire Council", kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"Which council"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Buckinghamshire Council", last.Intake.Fields["organisation"])

	script(t, bot, "Buckinghamshire Council", []line{
		{says: "please delete my data held by milton keynes council", kind: conversation.KindAnswer,
			contains: []string{"Milton Keynes City Council", "01908 254900"}, lacks: []string{"full name"}},
	})
	assert.Empty(t, q.cases())
}

// A "yes" sent to a conversation that has ended (idle too long, or the service restarted)
// confirmed nothing now: the person is told that the conversation ended, and how to tell whether
// a request was sent (a reference), not invited to ask a question. Nor are they told nothing was
// sent: a request confirmed before the end was (a QA pass).
func TestAYesToAnEndedConversationSaysHowToTellWhatWasSent(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep, err := bot.Reply(context.Background(), conversation.Turn{Session: "ended-123", Channel: "web", Text: "yes"})
	require.NoError(t, err)
	assert.Equal(t, conversation.KindHelp, rep.Kind)
	assert.Contains(t, rep.Answer.Answer, "That conversation had ended")
	assert.Contains(t, rep.Answer.Answer, "If you confirmed a request and were given a reference")
	assert.Contains(t, rep.Answer.Answer, "didn't get a reference, please start it again")
	assert.NotContains(t, rep.Answer.Answer, "nothing was sent")
	assert.Empty(t, q.cases())

	// Only its first message: the conversation goes on as any other, under the id it was given.
	assert.NotEqual(t, "ended-123", rep.Session, "on the web a new conversation gets an id the bot chose")
	rep, err = bot.Reply(context.Background(), conversation.Turn{Session: rep.Session, Channel: "web", Text: "yes"})
	require.NoError(t, err)
	assert.NotContains(t, rep.Answer.Answer, "had ended")
}

// A request begun by command (the adviser's /request) in a conversation the bot didn't know is
// its first message: once the request is sent, an "ok" or "yes" is not taken for a reply to a
// conversation that had ended. QA found "ok" after a filed request answered "nothing was sent",
// and advisers filed the request again.
func TestAnOKAfterARequestStartedByCommandIsNotAnEndedConversation(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	turn := conversation.Turn{Session: "desk-7", Channel: "phone", Text: "/request access", MessageID: "desk-7/1"}
	rep, err := bot.StartIntake(ctx, turn, rights.Access)
	require.NoError(t, err)
	require.NotNil(t, rep.Intake)
	for _, says := range []string{"Buckinghamshire", "Ivy Lee", "ivy@example.com", "skip", "copy of everything", "yes"} {
		turn.Text = says
		rep, err = bot.Reply(ctx, turn)
		require.NoError(t, err, "%q", says)
	}
	require.Equal(t, conversation.KindSubmitted, rep.Kind, rep.Answer.Answer)
	for _, says := range []string{"yes", "ok"} {
		turn.Text = says
		rep, err = bot.Reply(ctx, turn)
		require.NoError(t, err)
		assert.NotContains(t, rep.Answer.Answer, "had ended", "%q after the request was sent", says)
	}
	assert.Len(t, q.cases(), 1)
}

// A message a channel says begins a conversation (a new Slack mention, under its own thread's id)
// is no reply to one that ended: "ok" there is answered, not told a conversation had ended. The same id
// without the mark, as a reply in a thread the bot lost on a restart, still is.
func TestAMessageThatStartsAConversationIsNotAnEndedOne(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	rep, err := bot.Reply(ctx, conversation.Turn{Session: "C1:1700000000.000100", Channel: "slack", Text: "ok", Starts: true})
	require.NoError(t, err)
	assert.NotContains(t, rep.Answer.Answer, "had ended")
	rep, err = bot.Reply(ctx, conversation.Turn{Session: "C1:1700000000.000200", Channel: "slack", Text: "yes"})
	require.NoError(t, err)
	assert.Contains(t, rep.Answer.Answer, "had ended")
}

// A request's details may be as long as a request form's description (5,000 characters, with
// the request's first words), not only as long as a question (2,000): a longer paste is told the
// limit, and the request goes on. QA saw 2,500 characters of details refused as "the question".
func TestARequestsDetailsMayBeLongerThanAQuestion(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	details := strings.Repeat("my housing repair records from 2019 ", 110) // 3,960 characters
	require.Greater(t, len(details), 2000)
	say := func(session, text string) conversation.Reply {
		rep, err := bot.Reply(ctx, conversation.Turn{Session: session, Channel: "web", Org: "Milton Keynes", Text: text})
		require.NoError(t, err, "%.40q", text)
		return rep
	}
	rep := say("", "I want a copy of my data")
	for _, text := range []string{"Jo Bloggs", "jo@example.com", "skip"} {
		rep = say(rep.Session, text)
	}
	require.Equal(t, conversation.StepDescription, rep.Intake.Step)

	// Past the room the description has: said so, and the details asked for again.
	room := conversation.MaxDescriptionRunes - len("I want a copy of my data") - 1
	rep = say(rep.Session, strings.Repeat("x", room+1))
	assert.Equal(t, conversation.KindIntake, rep.Kind)
	assert.Contains(t, rep.Answer.Answer, fmt.Sprintf("the details are too long (at most %s characters)", conversation.Thousands(room)))
	require.Equal(t, conversation.StepDescription, rep.Intake.Step)

	rep = say(rep.Session, details)
	require.Equal(t, conversation.StepConfirm, rep.Intake.Step, rep.Answer.Answer)
	rep = say(rep.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, rep.Kind)
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Contains(t, cases[0].Description, strings.TrimSpace(details))
	assert.LessOrEqual(t, len(cases[0].Description), conversation.MaxDescriptionRunes)

	// A question is still a question's length, and so is the answer to any other step.
	_, err := bot.Reply(ctx, conversation.Turn{Channel: "web", Text: details})
	assert.ErrorIs(t, err, answer.ErrQuestionTooLong)
	rep = say("", "I want a copy of my data")
	rep = say(rep.Session, strings.Repeat("Jo ", 700))
	assert.Equal(t, conversation.StepName, rep.Intake.Step)
	assert.Contains(t, rep.Answer.Answer, "too long")
}

// On the web an id the bot didn't issue resumes nothing: two people who both send "shared-1"
// don't share a conversation, and one never sees the other's request.
func TestAWebSessionIDMustHaveBeenIssued(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	turn := func(session, text string) conversation.Reply {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "web", Org: "Milton Keynes", Text: text})
		require.NoError(t, err)
		return rep
	}
	first := turn("shared-1", "I want a copy of my data")
	alice := turn(first.Session, "Alice Victim")
	require.NotNil(t, alice.Intake)
	assert.Equal(t, "Alice Victim", alice.Intake.Fields["name"])

	other := turn("shared-1", "hmm?")
	assert.NotEqual(t, first.Session, other.Session)
	assert.Nil(t, other.Intake)
	assert.NotContains(t, other.Answer.Answer, "Alice")
	// Nor does the web resume another channel's conversation, whose id may be guessed.
	key := "discord:1111111111:2222222222"
	for _, says := range []string{"I want a copy of my data", "Alice Victim", "alice@example.com"} {
		_, err := bot.Reply(context.Background(), conversation.Turn{Session: key, Channel: "discord", Org: "Milton Keynes", Text: says})
		require.NoError(t, err)
	}
	web := turn(key, "hmm?")
	assert.NotEqual(t, key, web.Session)
	assert.Nil(t, web.Intake)
	disc, err := bot.Reply(context.Background(), conversation.Turn{Session: key, Channel: "discord", Org: "Milton Keynes", Text: "skip"})
	require.NoError(t, err)
	require.NotNil(t, disc.Intake, "the Discord conversation goes on")
	assert.Equal(t, "Alice Victim", disc.Intake.Fields["name"])
}

// A resident asking how to make a request is offered to have it taken, and "yes" starts it.
func TestAskingHowToMakeARequestOffersToTakeIt(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how do I make a subject access request to Bucks?", kind: conversation.KindAnswer, contains: []string{"say \"yes\" to start it"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}, lacks: []string{"Which council"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake, contains: []string{"Council: Buckinghamshire Council"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Access, q.cases()[0].Type)

	// Anything else after the offer is read as usual; the offer lapses.
	script(t, bot, "", []line{
		{says: "can I get my data deleted?", kind: conversation.KindAnswer, contains: []string{"say \"yes\""}},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, lacks: []string{"say \"yes\""}},
		{says: "yes", kind: conversation.KindHelp},
	})
	assert.Len(t, q.cases(), 1)
}

// Asking to talk to a person puts nothing on the DPO's queue: the bot says it can't put them
// through and gives the data protection contact, as the notices state it.
func TestAskingForAPersonGivesTheContact(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"I want to talk to a real person", "can someone call me back?", "can I speak to a human"} {
		rep := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"can't put you through", "01908 254900"}}})
		assert.NotEmpty(t, rep.Citations, "the contact is cited")
	}
	assert.Empty(t, q.cases())
}

// Withdrawing a request already sent is the data protection team's to do: the bot says so and
// gives their contact, and starts no request of its own.
func TestWithdrawingASentRequest(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"I want to cancel my request", "withdraw my request please", "can I cancel the subject access request I sent?"} {
		script(t, bot, "Buckinghamshire Council", []line{{says: says, kind: conversation.KindHelp, contains: []string{"giving its reference", "Maria Damigos"}}})
	}
	script(t, bot, "", []line{{says: "I want to cancel", kind: conversation.KindHelp, contains: []string{"nothing to cancel"}}})
	assert.Empty(t, q.cases())
}

// Second QA pass: what residents type mid-request, read as meant.
func TestIntakeReadsMoreRepliesAsMeant(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data from milton keynes council", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "I want to think about it now", kind: conversation.KindIntake, contains: []string{"Please give your name"}},
		{says: "can I stay anonymous", kind: conversation.KindIntake, contains: []string{"Please give your name"}},
		{says: "it's for my mum", kind: conversation.KindIntake, contains: []string{"their name next", "full name"}},
		{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"their name"}},
		{says: "sorry I meant my data", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "actually I meant Buckinghamshire council", kind: conversation.KindIntake, contains: []string{"changed the council to Buckinghamshire Council", "contact"}},
		{says: "my address is 12 Tonbridge Road, Aylesbury, HP20 1AA please", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "skip", kind: conversation.KindIntake},
		{says: "everything", kind: conversation.KindIntake, contains: []string{"Council: Buckinghamshire Council", "Contact: 12 Tonbridge Road, Aylesbury, HP20 1AA"}, lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, "Buckinghamshire Council", c.Organisation)
	assert.False(t, c.Requester.OnBehalfOf)

	// The status check finds it with the reference typed loosely (the queue matches the contact
	// however it is punctuated: dpo.normaliseContact).
	script(t, bot, "", []line{
		{says: "dpo 2026 000001 12 Tonbridge Road, Aylesbury, HP20 1AA", kind: conversation.KindStatus, contains: []string{"received"}},
	})

	// A chat scoped to one council doesn't move a request to another.
	script(t, bot, "Milton Keynes", []line{
		{says: "delete my data", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "actually it's Bucks", kind: conversation.KindIntake, contains: []string{"takes requests for Milton Keynes City Council only"}},
	})
}

// Right after making a request, the same conversation asks after it without repeating the
// reference and contact.
func TestAskingAfterTheRequestJustMade(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", append(accessRequest("jo@example.com"),
		line{says: "what's the status of my request?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001", "received", "Monday 5 October 2026"}},
		line{says: "when will I hear back?", kind: conversation.KindStatus, contains: []string{"Monday 5 October 2026"}},
		line{says: "is it being dealt with?", kind: conversation.KindStatus}, // a QA pass: answered from the notices
		line{says: "what is my reference again?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001"}},
	))
	// Another conversation knows nothing of it.
	script(t, bot, "", []line{{says: "what's the status of my request?", kind: conversation.KindStatus, contains: []string{"give its reference"}}})
}

// A question about the web chat itself is answered from what the chat does, pointing to its own
// notice; a message that asks nothing yet gets what the bot is for, not every council's address.
func TestQuestionsAboutTheChatAndBareMessages(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"what do you do with this chat", "do you store what I type here?"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindHelp, contains: []string{"How this chat uses your information"}, lacks: []string{"privacy notices don't answer that"}}})
	}
	for _, says := range []string{"?", "huh", "hello? anyone there?"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindHelp, contains: []string{"automated assistant"}, lacks: []string{"HP20 1UA"}}})
	}
}

// A safeguarding message that also gives a reference gets the safeguarding reply first.
func TestSafeguardingComesBeforeAStatusCheck(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: "DPO-2026-000001 my husband is beating me and I'm scared", kind: conversation.KindSafeguarding, contains: []string{"999"}}})
}

// Names that look like words are names: an initial, a short surname.
func TestShortNamesAreNames(t *testing.T) {
	for _, name := range []string{"I Khan", "A Patel", "Do Van Thanh", "Mary-Jo O'Neill", "Ludwig van Beethoven"} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: name, kind: conversation.KindIntake, contains: []string{"contact"}},
		})
		assert.Empty(t, q.cases())
	}
}

// A spreadsheet formula, markup or a template is no one's name: the name step says why and asks
// again, and the name given next is kept (a QA pass took `=HYPERLINK("http://evil","x") Smith`,
// which a DPO's spreadsheet would have run). The person a request is for is asked the same way.
func TestAFormulaOrMarkupIsNoName(t *testing.T) {
	for _, says := range []string{`=HYPERLINK("http://evil","x") Smith`, `<b>Jo</b> Smith`, `{{name}}`, `Jo "Bob" Smith`, `+Jo Smith`, `-cmd|' /C calc'!A0`} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data", kind: conversation.KindIntake},
				{says: says, kind: conversation.KindIntake, contains: []string{"doesn't look like a name", "full name"}, lacks: []string{"How should"}},
				{says: "Jo Smith", contains: []string{"How should"}},
				{says: "jo@example.com"}, {says: "skip"}, {says: "all of it", contains: []string{"Name: Jo Smith"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, "Jo Smith", q.cases()[0].Requester.Name)
		})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my mum's records", kind: conversation.KindIntake},
		{says: "Jo Smith"},
		{says: `=HYPERLINK("http://evil","x")`, kind: conversation.KindIntake, lacks: []string{"How should"}},
	})
	assert.Empty(t, last.Intake.Fields["on_behalf_of"])
}

// Real names pass however they are written: apostrophes, hyphens, accents, titles with full
// stops, other scripts, a maiden name in brackets.
func TestNamesInEveryScriptAreNames(t *testing.T) {
	for _, name := range []string{"Siobhan O'Brien", "Sarah O’Brien", "Anne-Marie Smith", "Zoë Ward", "Nguyễn Văn An", "Dr Jane Smith",
		"Mr. A. Khan", "محمد علي", "王伟", "Jane Smith (née Jones)"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: name, kind: conversation.KindIntake, contains: []string{"How should"}},
		})
		assert.Equal(t, name, last.Intake.Fields["name"])
	}
}

// A request for what the council holds for an investigation or prosecution may be a Part 3 one
// (reference rule 8): it is flagged for the DPO, and no one-month date is promised, at the start,
// on the reference or on a status check. An ordinary request is not flagged.
func TestALawEnforcementRequestIsFlaggedAndPromisesNoDate(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of the evidence your enforcement officers used to prosecute me", kind: conversation.KindIntake,
			contains: []string{"different rules may apply", "confirm the time limit"}, lacks: []string{"must respond within one calendar month", "(by "}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001", "confirm the time limit"}, lacks: []string{"must respond by"}},
		{says: "when will I hear back?", kind: conversation.KindStatus, contains: []string{"confirm the time limit"}},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement)

	// Said only when describing it, the flag is still raised.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want everything you hold on me", kind: conversation.KindIntake, contains: []string{"within one calendar month"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "the notes of my interview under caution about the fly-tipping", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"confirm the time limit"}},
	})
	assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement)

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", accessRequest("jo@example.com"))
	assert.Equal(t, dpo.NotLawEnforcement, q.cases()[0].LawEnforcement)
}

// What a requester is told of a possibly law-enforcement (Part 3) request follows the DPO's
// decision, by the queue's own rule: while it is flagged, no date; cleared as no Part 3 request,
// the UK GDPR date, counted from when it was received; once closed, only that it is closed.
func TestStatusOfALawEnforcementRequestFollowsTheDPOsDecision(t *testing.T) {
	prosecution := []line{
		{says: "I want a copy of the evidence your enforcement officers used to prosecute me", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001"}},
	}
	check := line{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus}
	ctx := context.Background()

	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", prosecution)
	flagged := check
	flagged.contains, flagged.lacks = []string{"is received", "confirm the time limit"}, []string{"due by"}
	script(t, bot, "", []line{flagged})
	_, err := q.MarkLawEnforcement(ctx, "DPO-2026-000001", dpo.NotLawEnforcement, "the evidence is held for a licensing review, not a prosecution", "dpo@test")
	require.NoError(t, err)
	cleared := check
	cleared.contains, cleared.lacks = []string{"is received", "due by Monday 5 October 2026"}, []string{"time limit"}
	script(t, bot, "", []line{cleared})

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", prosecution)
	_, err = q.MarkLawEnforcement(ctx, "DPO-2026-000001", dpo.LawEnforcementConfirmed, "held for a prosecution", "dpo@test")
	require.NoError(t, err)
	q.setStatus("DPO-2026-000001", dpo.Completed)
	closed := check
	closed.contains, closed.lacks = []string{"is completed"}, []string{"time limit", "due by"}
	script(t, bot, "", []line{closed})
}

// A status check on an open request past its due date says the date has passed.
func TestStatusOfAnOverdueRequestSaysSo(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", accessRequest("jo@example.com"))
	later, _ := newBot(t, time.Date(2026, 10, 7, 9, 0, 0, 0, time.UTC))
	later.Queue = bot.Queue
	script(t, later, "", []line{{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus,
		contains: []string{"was due by Monday 5 October 2026, which has passed"}}})
}

// An offer to take a request is taken up in other words than "yes".
func TestAnOfferIsTakenUpInOtherWords(t *testing.T) {
	for _, says := range []string{"please do", "go on then", "sure"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{
			{says: "can I get my data deleted?", kind: conversation.KindAnswer, contains: []string{"say \"yes\""}},
			{says: says, kind: conversation.KindIntake, contains: []string{"Right to erasure"}},
		})
	}
}

// accessRequest is a resident's access request taken through to its reference, contact given.
func accessRequest(contact string) []line {
	return []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: contact, kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-"}},
	}
}

// Asked which council, a resident names it as they would: by any of its names in a sentence.
func TestWhichCouncilInTheResidentsWords(t *testing.T) {
	for says, want := range map[string]string{"the bucks one": "Buckinghamshire Council", "mk council please": "Milton Keynes City Council",
		"Milton Keynes": "Milton Keynes City Council", "buckinghamshire": "Buckinghamshire Council"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
			{says: says, kind: conversation.KindIntake, contains: []string{"full name"}},
		})
		assert.Equal(t, want, last.Intake.Fields["organisation"], says)
	}
}

// What the QA pass found residents type in a request's steps: "stop using my data" is an
// objection, not the command "stop"; "skip" or "idk" is no name; "as above" keeps the first
// message, and details add to it.
func TestIntakeStepsTakeWhatResidentsMean(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "stop", kind: conversation.KindHelp, contains: []string{"nothing to cancel"}}})
	for _, says := range []string{"stop using my data", "Stop processing my data please"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"nothing to cancel"}}})
	}
	for _, name := range []string{"skip", "idk", "housing"} {
		script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: name, kind: conversation.KindIntake, contains: []string{"full name"}},
		})
	}
	script(t, bot, "Milton Keynes", []line{
		{says: "Please delete everything the parking team holds about me, I moved away", kind: conversation.KindIntake},
		{says: "Ann Lee", kind: conversation.KindIntake},
		{says: "ann@example.com", kind: conversation.KindIntake, contains: []string{"what would you like"}}, // the service was in the first message
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Details: Please delete everything the parking team holds about me, I moved away"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.NotEmpty(t, q.cases())
	assert.Equal(t, "Please delete everything the parking team holds about me, I moved away", q.cases()[len(q.cases())-1].Description)
}

// "cancel my request DPO-…" says how to withdraw it, not only its status.
func TestCancellingARequestByItsReference(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", append(accessRequest("jo@example.com"),
		line{says: "cancel my request DPO-2026-000001", contains: []string{"can't be withdrawn in this chat", "DPO-2026-000001"}}))
	for _, says := range []string{"please cancel DPO-2026-000001, email jo@example.com", "I've changed my mind, cancel DPO-2026-000001"} {
		script(t, bot, "", []line{{says: says, contains: []string{"can't be withdrawn in this chat"}, lacks: []string{"is received"}}})
	}
	// Without a reference, in the conversation that sent it: that council's contact only.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data from Milton Keynes", kind: conversation.KindIntake},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "cancel my request", contains: []string{"can't be withdrawn", "01908 254900"}, lacks: []string{"HP20 1UA"}},
	})
}

// A closed request is due by nothing: its status says so without a date.
func TestStatusOfAClosedRequestGivesNoDueDate(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", accessRequest("jo@example.com"))
	q.setStatus("DPO-2026-000001", dpo.Completed)
	script(t, bot, "", []line{{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus,
		contains: []string{"is completed"}, lacks: []string{"due by"}}})
}

// A complaint is told what happens to a complaint, not a subject access request's rules.
func TestAComplaintIsNotToldTheRightsRequestRules(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want to complain about how you handled my data", kind: conversation.KindIntake,
			contains: []string{"pass your complaint", "look into it"}, lacks: []string{"restarts that month", "must respond within one calendar month"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "you sent my letter to my old address", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"aims to reply by"}, lacks: []string{"must respond"}},
	})
}

// "How long will it take to get my data?" asks how long the council has to reply, not how long
// it keeps records: the answer gives what the law says now (as the intake does), and no
// retention period.
func TestHowLongARequestTakes(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"how long will it take to get my data?", "how long until I get my records?",
		"how long does the council have to answer a subject access request?", "is it 20 working days to get my records?",
		"how long does milton keynes council have to provide the information for a subject access request"} {
		last := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindAnswer,
			contains: []string{"must respond within one calendar month"}}})
		assert.NotRegexp(t, `\d+ years`, last.Answer.Answer, says)
	}
	// Retention is still retention.
	last := script(t, bot, "Milton Keynes", []line{{says: "how long do you keep complaint records?", kind: conversation.KindAnswer,
		contains: []string{"6 years"}}})
	assert.NotContains(t, last.Answer.Answer, "one calendar month")
}

// A resident who changes the right they ask for mid-request gets the one they now want filed,
// not the first one: a copy asked for must not become an erasure.
func TestChangingTheRightMidRequest(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "please delete my data", kind: conversation.KindIntake, contains: []string{"erasure"}},
		{says: "actually, I'd rather just get a copy of my data instead", kind: conversation.KindIntake,
			contains: []string{"changed the request to: Right of access", "full name"}},
		{says: "no wait, I'd like a copy of my data rather than deleting it", kind: conversation.KindIntake,
			contains: []string{"full name"}, lacks: []string{"restrict"}},
		{says: "Tom Baker", kind: conversation.KindIntake},
		{says: "tom@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Type: Right of access", "Details: actually, I'd rather just get a copy of my data instead\n(Changed during the chat: first asked as Right to erasure"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Access, q.cases()[0].Type)
	assert.Contains(t, q.cases()[0].Description, "I'd rather just get a copy", "the details say what the request became, and note what it was")

	// Said at any step, as a question too.
	for _, change := range []string{"actually I'd rather have a copy", "actually can I just get a copy?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{
			{says: "Please delete all my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
			{says: change, kind: conversation.KindIntake, contains: []string{"changed the request to: Right of access", "Which council"}},
		})
	}

	// A description that only names records is no change of right.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my address is wrong on your records", kind: conversation.KindIntake},
		{says: "Tom Baker", kind: conversation.KindIntake},
		{says: "tom@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "please delete the old address and put 4 Elm Road instead", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assert.Equal(t, dpo.Rectification, q.cases()[0].Type)
}

// The conversation stored with a case doesn't keep the name and contact the requester gave at
// the steps, even where the redactor can't tell them from words ("Kate Hill" typed alone).
func TestTheCaseExcerptLeavesOutTheRequestersDetails(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Kate Hill", kind: conversation.KindIntake},
		{says: "07700 900123", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "my records, I'm kate hill from the hill estate", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	ex := q.cases()[0].Excerpt
	assert.NotContains(t, strings.ToLower(ex), "kate")
	assert.NotContains(t, ex, "Hill")
	assert.Contains(t, ex, "the hill estate", "a word of the name, written as a word, stays")
	assert.NotContains(t, ex, "07700 900123")
	assert.Contains(t, ex, "I want a copy of my data")
	assert.Equal(t, "Kate Hill", q.cases()[0].Requester.Name, "the case keeps them in their fields")
}

// A message in another language is told the chat reads English only, with the contact; it is not
// answered as a question the notices don't cover (which the DPO's team would list as a gap).
func TestAMessageInAnotherLanguage(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"Chcę kopię moich danych osobowych", "Dw i eisiau copi o fy nata", "quiero una copia de mis datos please",
		"我想要我的数据副本", "میں اپنے ڈیٹا کی کاپی چاہتا ہوں", "Я хочу удалить свои данные", "Ich möchte meine Daten löschen",
		"Faint gwybodaeth amdanaf i ydych chi'n ei gadw?"} { // a QA pass: answered as an English question
		last := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"only read and answer messages in English", "01908 254900"}}})
		assert.False(t, last.Abstained, says)
	}
	for _, says := range []string{"how lng do u kep complant recrds", "who is the dpo for mk", "can i get a copi of my data from the cyngor"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"only read and answer messages in English"}}})
	}
}

// A message about suicide or self-harm gets the crisis line before the safeguarding team; in a
// chat of one council, the safeguarding team is named as that council's.
func TestSafeguardingRepliesFitTheMessage(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Crisis = "Talk to Samaritans on 116 123."
	bot.Safeguarding = "Contact your council's safeguarding team."
	last := script(t, bot, "Milton Keynes", []line{{says: "i dont want to live anymore", kind: conversation.KindSafeguarding,
		contains: []string{"999", "Samaritans on 116 123", "Milton Keynes City Council's safeguarding team"}}})
	assert.Less(t, strings.Index(last.Answer.Answer, "Samaritans"), strings.Index(last.Answer.Answer, "safeguarding team"))
	script(t, bot, "", []line{{says: "my neighbour's husband hits her and she's scared", kind: conversation.KindSafeguarding,
		contains: []string{"999", "your council's safeguarding team"}, lacks: []string{"Samaritans", "Domestic Abuse Helpline"}}})
	// The one at risk from a partner is given the domestic abuse helpline instead of how to report
	// a concern about someone else.
	script(t, bot, "", []line{{says: "my partner hits me and I'm scared", kind: conversation.KindSafeguarding,
		contains: []string{"999", "Domestic Abuse Helpline"}, lacks: []string{"Samaritans", "safeguarding team"}}})
}

// "Send me a copy of my data and then delete it all" asks for two rights: the first is taken,
// and the second is offered once it is sent, not dropped.
func TestASecondRightInTheSameMessageIsOffered(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "send me a copy of my data and then delete it all", kind: conversation.KindIntake,
			contains: []string{"Right of access", "You also asked for something else (Right to erasure"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: "jo@example.com", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001", "Say \"yes\" and I'll take that request now"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to erasure", "Which council service"}, lacks: []string{"full name"}},
		{says: "already told you", kind: conversation.KindIntake},
		{says: "already told you", kind: conversation.KindIntake, contains: []string{"Name: Jo Bloggs", "Contact: jo@example.com"}, lacks: []string{"Service:"}},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Access, q.cases()[0].Type)

	// One right, said at length, is one request.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "please delete my data and my son's data from the parking system", kind: conversation.KindIntake,
		lacks: []string{"You also asked"}}})
}

// Right after a request is sent, "how long will it take?" and "when will I get my data?" ask
// about that request: its date, never an offer to make another.
func TestHowLongAfterARequestIsThatRequestsDate(t *testing.T) {
	for _, says := range []string{"how long will it take?", "when will I get my data?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", append(accessRequest("jo@example.com"),
			line{says: says, kind: conversation.KindStatus, contains: []string{"DPO-2026-000001", "Monday 5 October 2026"}, lacks: []string{"say \"yes\""}}))
	}
}

// Right after a request is sent, "what happens now?" is answered with that request's date and
// what the team may ask for, not "the notices don't answer that"; without a request made in the
// conversation it is a question like any other.
func TestWhatHappensNowAfterARequest(t *testing.T) {
	for _, says := range []string{"what happens now?", "ok, what happens next?", "so what's next", "thanks. what do I do now?", "Now what?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", append(accessRequest("jo@example.com"),
			line{says: says, kind: conversation.KindStatus, contains: []string{"DPO-2026-000001", "Monday 5 October 2026", "proof of your identity", "one calendar month"},
				lacks: []string{"don't answer", "say \"yes\""}}))
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "what happens now?", lacks: []string{"DPO-2026", "What happens next"}}})
}

// A resident who says the bot is useless is given whom to ask, not "the notices don't answer
// that" (which the DPO's team would list as a gap in the notices).
func TestAFedUpResidentIsGivenAPerson(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"you're useless", "youre useless", "u r useless", "f*** off you stupid bot", "this is a joke", "useless bot"} {
		last := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"sorry I haven't been able to help", "01908 254900"}}})
		assert.False(t, last.Abstained, says)
	}
	script(t, bot, "Milton Keynes", []line{{says: "is the DPO useless at replying?", lacks: []string{"sorry I haven't been able to help"}}})
}

// Thanks and greetings with a word more ("thanks very much, that's helpful", "good afternoon, I
// hope you are well", "cheers mate") are small talk, not questions answered with quotes.
func TestPoliteSmallTalkIsNotAQuestion(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"thanks very much, that's helpful", "good afternoon, I hope you are well", "hello dear", "cheers mate", "Adios", "Bonjour", "Danke",
		"😀😀😀", "👍"} { // emoji alone ask nothing: not a gap in the notices for the DPO's list
		last := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp}})
		assert.Empty(t, last.Citations, says)
	}
}

// A request made outside the chat, or a lost reference, gets whom to ask, not a quote.
func TestARequestMadeElsewhereGetsTheContact(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I sent a SAR to Milton Keynes council 3 months ago and heard nothing", kind: conversation.KindStatus, contains: []string{"give its reference"}},
		{says: "I emailed them", kind: conversation.KindHelp, contains: []string{"only look up requests made in this chat", "01908 254900"}},
	})
	for _, says := range []string{"I don't have a reference", "shoot, I forgot my reference"} {
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"only look up requests made in this chat"}}})
	}
}

// Asked whether a request can be made here, the chat says it can and offers to take it, rather
// than "the notices don't answer that" and then the offer.
func TestCanIMakeARequestHere(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Classify = func(string) rights.Intent { return rights.Intent{Type: rights.Access, Confidence: 0.8} }
	last := script(t, bot, "Milton Keynes", []line{{says: "can I do my SAR here?", kind: conversation.KindAnswer,
		contains: []string{"say \"yes\" to start it"}, lacks: []string{"don't answer that"}}})
	assert.False(t, last.Abstained)
}

// What a third QA pass found typed at a request's steps: the council's name is no one's name; a
// name given with a contact gives both; "yes that's right" at the details keeps the request;
// "I'm not sure which service" skips it; "sure" sends it.
func TestIntakeStepsRoundThree(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I would like to see what the council has on file about me please", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Buckinghamshire", kind: conversation.KindIntake, contains: []string{"That's the council"}},
		{says: "Lucy Brown, lucy@example.com", kind: conversation.KindIntake, contains: []string{"Which council service"}},
		{says: "I'm not sure which service", kind: conversation.KindIntake, contains: []string{"Briefly"}},
		{says: "yes that's right", kind: conversation.KindIntake, contains: []string{"Details: I would like to see what the council has on file about me please\nShall"}},
		{says: "sure", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, "Lucy Brown", c.Requester.Name)
	assert.Equal(t, "lucy@example.com", c.Requester.Contact.Value)
	assert.Empty(t, c.Service)
}

// What a review of this round's changes found, each a way a request could be filed wrong.
func TestRequestsKeepWhatTheyWereAbout(t *testing.T) {
	t.Run("changing the right keeps the law-enforcement flag", func(t *testing.T) {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "please delete the evidence your enforcement officers used to prosecute me", kind: conversation.KindIntake},
			{says: "actually, I'd rather just get a copy of my data instead", kind: conversation.KindIntake, contains: []string{"changed the request to: Right of access"}},
			{says: "Jo Bloggs", kind: conversation.KindIntake},
			{says: "jo@example.com", kind: conversation.KindIntake},
			{says: "skip", kind: conversation.KindIntake},
			{says: "as above", kind: conversation.KindIntake},
			{says: "yes", kind: conversation.KindSubmitted, lacks: []string{"must respond by"}},
		})
		assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[0].LawEnforcement)
		assert.Contains(t, q.cases()[0].Description, "prosecute me")
	})
	t.Run("the second right of a law-enforcement message is flagged and dated from it", func(t *testing.T) {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "send me a copy of the evidence you used to prosecute me and then delete it all", kind: conversation.KindIntake},
			{says: "Jo Bloggs", kind: conversation.KindIntake},
			{says: "jo@example.com", kind: conversation.KindIntake},
			{says: "skip", kind: conversation.KindIntake},
			{says: "skip", kind: conversation.KindIntake},
			{says: "yes", kind: conversation.KindSubmitted},
			{says: "yes", kind: conversation.KindIntake, lacks: []string{"must respond within one calendar month"}},
			{says: "skip", kind: conversation.KindIntake},
			{says: "as above", kind: conversation.KindIntake},
			{says: "yes", kind: conversation.KindSubmitted, lacks: []string{"must respond by"}},
		})
		require.Len(t, q.cases(), 2)
		assert.Equal(t, dpo.Erasure, q.cases()[1].Type)
		assert.Equal(t, dpo.LawEnforcementSuspected, q.cases()[1].LawEnforcement)
		assert.Equal(t, q.cases()[0].Received, q.cases()[1].Received, "asked for in the same message")
		assert.Contains(t, q.cases()[1].Description, "prosecute me")
	})
	t.Run("a complaint is never flagged as law enforcement", func(t *testing.T) {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "I want to complain that you gave my details to the police without telling me", kind: conversation.KindIntake,
				lacks: []string{"different rules may apply"}},
			{says: "how long will it take?", kind: conversation.KindIntake, contains: []string{"pass your complaint"}, lacks: []string{"restarts that month"}},
			{says: "Jo Bloggs", kind: conversation.KindIntake},
			{says: "jo@example.com", kind: conversation.KindIntake},
			{says: "skip", kind: conversation.KindIntake},
			{says: "as above", kind: conversation.KindIntake},
			{says: "yes", kind: conversation.KindSubmitted},
		})
		assert.Equal(t, dpo.NotLawEnforcement, q.cases()[0].LawEnforcement)
	})
	t.Run("details given again at the confirm step replace the details", func(t *testing.T) {
		for _, change := range [][]line{
			{{says: "no", kind: conversation.KindIntake, contains: []string{"What would you like to change?"}},
				{says: "the details", kind: conversation.KindIntake, contains: []string{"Briefly"}}},
			{{says: "start again", kind: conversation.KindIntake, contains: []string{"full name"}},
				{says: "Jo Bloggs", kind: conversation.KindIntake},
				{says: "jo@example.com", kind: conversation.KindIntake},
				{says: "skip", kind: conversation.KindIntake}},
		} {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", append(append([]line{
				{says: "I want a copy of my data", kind: conversation.KindIntake},
				{says: "Jo Bloggs", kind: conversation.KindIntake},
				{says: "jo@example.com", kind: conversation.KindIntake},
				{says: "skip", kind: conversation.KindIntake},
				{says: "my council tax records from 2019", kind: conversation.KindIntake},
			}, change...),
				line{says: "my parking permit records from 2021", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			assert.Equal(t, "I want a copy of my data\nmy parking permit records from 2021", q.cases()[0].Description)
		}
	})
}

// A pause or an aside at the name step ("erm", "hang on", "no just asking really") is no name: the
// question is asked again, kindly, with how to stop. Names made of such words are still names
// ("Hang Nguyen"), and a name typed in lower case is one (a QA pass as residents).
func TestAPauseIsNoName(t *testing.T) {
	for _, says := range []string{"no just asking really", "just wondering", "hang on", "erm", "Hang on", "Erm...", "hmm let me think", "one sec", "Just Wondering", "No, I was just asking"} {
		bot, q := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: says, kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"How should the data protection team contact you"}},
		})
		require.NotNil(t, last.Intake, says)
		assert.Empty(t, last.Intake.Fields["name"], says)
		assert.Empty(t, q.cases())
	}
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "hang on", kind: conversation.KindIntake, contains: []string{"take your time", "cancel"}},
		{says: "Hang Nguyen", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
	})
	for _, name := range []string{"Hang Nguyen", "hang nguyen", "Joy Oh", "So-yeon Park", "Will Just", "No Min-jun", "Hang", "jo bloggs"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: name, kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
		})
		require.NotNil(t, last.Intake, name)
		assert.Equal(t, name, last.Intake.Fields["name"])
	}
}

// A message that asks a question and, in another sentence, makes a request: the question is
// answered and the request offered; "yes" takes it, with the whole message as its details (a QA
// pass: "Who do you share my data with? Please delete it." was answered and the request lost).
func TestAQuestionWithARequestOffersTheRequest(t *testing.T) {
	for _, tc := range []struct {
		says string
		typ  rights.Type
	}{
		{"who do you share my data with? please delete it", rights.Erasure},
		{"Do you share my data with the police? I want a copy of everything you hold.", rights.Access},
		{"How long do you keep complaint records? I want mine deleted.", rights.Erasure},
		{"can you delete my data? how long do you keep it anyway", rights.Erasure},
		// The whole message reads as a request, and still asks first (a QA pass: the question
		// was dropped for the request's first step).
		{"Do you share my data with the police? Please delete it.", rights.Erasure},
		{"Do you sell my data? If so I want it deleted.", rights.Erasure},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			last := script(t, bot, "Milton Keynes", []line{
				// Answered from the notices ([1]), and the request offered.
				{says: tc.says, kind: conversation.KindAnswer, contains: []string{"[1]", "I can pass it to the data protection team", tc.typ.Label(), `say "yes"`}},
				{says: "yes", kind: conversation.KindIntake},
			})
			require.NotNil(t, last.Intake)
			assert.Equal(t, string(tc.typ), last.Intake.Type)
			assert.Contains(t, last.Intake.Fields["description"], tc.says)
			assert.Empty(t, q.cases(), "nothing is sent before the resident confirms")
		})
	}
	// A sentence about a request, not making one, is no request.
	for _, says := range []string{
		"I don't want you to delete my data. Who sees it?",
		"I want to know who sees my data. Do you share it with the police?",
		// A request told of, made before or someone else's, is none now (a QA pass).
		"My husband asked for his records to be erased last year. Do you keep complaints?",
		"I asked for my records to be deleted in March. Why do you still have them?",
		"Someone told me you sell data. Is that true?",
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"I can pass it"}}})
	}
}

// At the council step, what else the answer gives is kept (a QA pass: "mk, my name is Tom Hardy
// and my email is …" set the council, then asked the name again and lost the e-mail address),
// and "both" is told that each council takes its own request.
func TestTheCouncilStepKeepsTheDetailsGivenWithIt(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "please send me a copy of my data", contains: []string{"Which council"}},
		{says: "both", kind: conversation.KindIntake, contains: []string{"one request for each", "Which council"}},
		{says: "tom.hardy@example.org", kind: conversation.KindIntake, contains: []string{"noted your contact details", "Which council"}},
		{says: "Bletchley", kind: conversation.KindIntake, contains: []string{"What is your full name"}}, // a town of the council's (a QA pass)
		{says: "mk, my name is Tom Hardy", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "skip"},
		{says: "as above", contains: []string{"Name: Tom Hardy", "Contact: tom.hardy@example.org", "Milton Keynes City Council"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Tom Hardy", q.cases()[0].Requester.Name)

	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "please send me a copy of my data"},
		{says: "mk, my name is Tom Hardy and my email is tom.hardy@example.org", kind: conversation.KindIntake, contains: []string{"service"}},
	})
	assert.Equal(t, "tom.hardy@example.org", last.Intake.Fields["contact"])
	assert.Equal(t, "Tom Hardy", last.Intake.Fields["name"])
}

// Someone at risk who also asks for their records gets the safeguarding reply first and is told
// the request can still be taken (a QA pass: "… i want to see what they wrote about me …" got
// no word of it); someone who asks for nothing is not offered a request.
func TestSafeguardingKeepsTheRequestInMind(t *testing.T) {
	for _, tc := range []struct {
		says   string
		offers bool
	}{
		{"my partner hits me, I want a copy of my records", true},
		{"i cant cope anymore, social services took my kids and i want to see what they wrote about me, i dont see the point in living", true},
		{"he hit me again last night and I'm scared to go home", false},
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{{says: tc.says, kind: conversation.KindSafeguarding}})
		assert.Equal(t, tc.offers, strings.Contains(last.Answer.Answer, "I can still take your request"), tc.says)
	}
}

// The case's excerpt holds the conversation the request came from, from the question before it
// to the confirmation: a request takes more turns than the session keeps, and a QA pass found an
// excerpt starting at the council's name, the request itself lost.
func TestTheExcerptKeepsTheWholeRequest(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how long do you keep complaint records?"},
		{says: "I want a copy of the complaint file you hold on me", kind: conversation.KindIntake},
		{says: "erm"},
		{says: "milton keyns"},
		{says: "Jo Bloggs"},
		{says: "what do you need my contact for?", contains: []string{"a way to reach you", "How should"}},
		{says: "jo@example.com"},
		{says: "complaints"},
		{says: "the complaint I made in March"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	excerpt := q.cases()[0].Excerpt
	assert.Contains(t, excerpt, "how long do you keep complaint records?")
	assert.Contains(t, excerpt, "I want a copy of the complaint file you hold on me")
	assert.Contains(t, excerpt, "the complaint I made in March")

	// A long conversation before a long request: the request's own words still stay, with the
	// end (a review: cutting the middle began at the request).
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	var lines []line
	for _, asked := range []string{"who is the dpo?", "how long do you keep complaint records?", "who do you share my data with?",
		"do you use cookies?", "what is the ICO?", "can I complain?"} {
		lines = append(lines, line{says: asked})
	}
	lines = append(lines, line{says: "I want a copy of the complaint file you hold on me", kind: conversation.KindIntake}, line{says: "mk"})
	for range 20 {
		lines = append(lines, line{says: "erm"})
	}
	lines = append(lines, line{says: "Jo Bloggs"}, line{says: "jo@example.com"}, line{says: "complaints"},
		line{says: "the complaint I made in March"}, line{says: "yes", kind: conversation.KindSubmitted})
	script(t, bot, "", lines)
	require.Len(t, q.cases(), 1)
	excerpt = q.cases()[0].Excerpt
	assert.Contains(t, excerpt, "who is the dpo?")
	assert.Contains(t, excerpt, "Resident: I want a copy of the complaint file you hold on me", "the request as said, not only its summary")
	assert.Contains(t, excerpt, "the complaint I made in March")
	assert.LessOrEqual(t, strings.Count(excerpt, "Resident: "), 20, "the log is bounded")
}

// Asked whose behalf, people say who the person is to them beside the name; the name is taken
// without it (a QA pass: "Arjun Sharma, my son" was refused). The first reply to a request for
// someone else promises no date: the month starts when proof of authority arrives.
func TestTheirNameIsTakenWithoutWhoTheyAre(t *testing.T) {
	for _, says := range []string{"Arjun Sharma, my son", "his name is Arjun Sharma", "my son Arjun Sharma", "Arjun Sharma (my son)", "my son is Arjun Sharma",
		"Arjun Sharma (son)"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Buckinghamshire", []line{
			{says: "I want to see the records you have on my son, he is 9", kind: conversation.KindIntake,
				contains: []string{"proof that you may act for them", "starts when that arrives"}, lacks: []string{"by Monday", "respond within one calendar month of receiving it"}},
			{says: "Priya Sharma", contains: []string{"their name"}},
			{says: says, kind: conversation.KindIntake, contains: []string{"contact"}},
		})
		assert.Equal(t, "Arjun Sharma", last.Intake.Fields["on_behalf_of"], says)
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my mum's records, I have power of attorney for her"},
		{says: "Priya Sharma"},
		{says: "my mum", contains: []string{"Please give the name of the person"}}, // who, but no name
		{says: "her social care records", contains: []string{"Please give the name of the person"}},
		{says: "linda.jones@gmial.com", contains: []string{"Please give the name of the person"}}, // a QA pass stored it as her name
		{says: "why do you need her name?", contains: []string{"needs the name of the person the request is for"}},
		{says: "my mum, Joan Lewis", contains: []string{"contact"}},
	})
	assert.Equal(t, "Joan Lewis", last.Intake.Fields["on_behalf_of"])
}

// A second request in a conversation may take the first one's council, name and contact with
// "same as before" (a QA pass stored "same as before" as the requester's name).
func TestASecondRequestTakesTheFirstsDetails(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data", contains: []string{"Which council"}, lacks: []string{"same as before"}},
		{says: "mk"}, {says: "Sarah Okafor"}, {says: "sarah.okafor@gmail.com"}, {says: "skip"}, {says: "my housing file"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "I also want you to correct my date of birth on my council tax account", kind: conversation.KindIntake, contains: []string{`"same as before"`}},
		// Said once, the council, the name and the contact (a QA pass: said three times over);
		// the service was said.
		{says: "same as before", kind: conversation.KindIntake, contains: []string{"council (Milton Keynes City Council), name (Sarah Okafor) and contact (sarah.okafor@gmail.com)", "what would you like"}},
		{says: "it should be 3 March 1980"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	second := cases[1]
	assert.Equal(t, "Sarah Okafor", second.Requester.Name)
	assert.Equal(t, "sarah.okafor@gmail.com", second.Requester.Contact.Value)
	assert.Equal(t, "Milton Keynes City Council", second.Organisation)

	// For someone else: the same person as before; and "same as before" is never a name (a
	// review found it filed as the person a request was for).
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want to see the records you have on my son, he is 9"},
		{says: "Priya Sharma"}, {says: "Arjun Sharma"}, {says: "priya@example.com"}, {says: "skip"}, {says: "his school records"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "I also want my son's social care records deleted", kind: conversation.KindIntake},
		{says: "same as before"}, // the name and the contact
		{says: "same as before", contains: []string{"what would you like"}}, // the son; the service was said
		{says: "the ones from 2019"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 2)
	assert.Equal(t, "Arjun Sharma", q.cases()[1].Requester.OnBehalfOfWhom)

	// "also … ? same details" is a second request, not a question (a QA pass).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "can you also delete my old parking account? same details", kind: conversation.KindIntake, lacks: []string{"don't answer"}},
	})
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my data"},
		{says: "same as before", contains: []string{"no earlier request in this conversation", "full name"}},
	})

	// "same name" is the name only, and what is used is said back (a QA pass: the contact was
	// filled unseen, and the next answer taken for the service).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Sarah Okafor"}, {says: "sarah.okafor@gmail.com"}, {says: "skip"}, {says: "my housing file"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "I also want my council tax records corrected"},
		{says: "same name", contains: []string{"name (Sarah Okafor)", "contact"}, lacks: []string{"sarah.okafor@gmail.com"}},
	})
	assert.Empty(t, last.Intake.Fields["contact"])
}

// An e-mail address typed with a space in it is asked again: "tom hardy@gmail.com" is someone
// else's address (a QA pass found it kept as hardy@gmail.com).
func TestAnEmailAddressWithASpaceIsAskedAgain(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Tom Hardy"},
		{says: "tom hardy@gmail.com", contains: []string{"has no spaces", "tomhardy@gmail.com", "tom.hardy@gmail.com"}},
		{says: "email tom.hardy@gmail.com", contains: []string{"service"}},
	})
	assert.Equal(t, "tom.hardy@gmail.com", last.Intake.Fields["contact"])
}

// A contact the resident says is an old one, to delete, is what the request is about, not where
// to reach them (a QA pass: the team would have written to the address to be deleted).
func TestAnOldContactToDeleteIsNotTheContact(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want you to delete my old email address from your records", kind: conversation.KindIntake},
		{says: "Sarah Okafor"},
		{says: "my old address was s.okafor@hotmail.com, please delete it", kind: conversation.KindIntake, contains: []string{"added that to the request's details", "contact"}},
		{says: "sarah.okafor@gmail.com", contains: []string{"service"}},
		{says: "skip"},
		{says: "from the housing team"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, "sarah.okafor@gmail.com", c.Requester.Contact.Value)
	assert.Contains(t, c.Description, "s.okafor@hotmail.com")
	assert.Contains(t, c.Description, "from the housing team")

	// Given at the council step, too (a review: filed as the contact to use); and a contact to
	// use beside words about another, old one is the one to use.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "I want you to delete my old email address from your records"},
		{says: "mk, my old email is s.okafor@hotmail.com, please delete it", kind: conversation.KindIntake},
	})
	assert.Empty(t, last.Intake.Fields["contact"])
	assert.Contains(t, last.Intake.Fields["description"], "s.okafor@hotmail.com")
	for _, says := range []string{"jo@example.com, please don't use my old phone number", "jo@example.com (I no longer use my landline)",
		"my old email was tom@old.com, use jo@example.com", "jo@example.com (tom@old.com is no longer used)"} {
		bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last = script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: says, contains: []string{"service"}}})
		assert.Equal(t, "jo@example.com", last.Intake.Fields["contact"], says)
	}
}

// A contact sent alone, then the reference: the status check uses the contact (a QA pass asked
// for it again).
func TestAContactThenAReferenceIsAStatusCheck(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Sarah Jones"}, {says: "sarah.jones@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	ref := last.Reference
	script(t, bot, "", []line{ // a new conversation, as a resident checking days later
		{says: "sarah.jones@example.com", kind: conversation.KindStatus, contains: []string{"send its reference"}},
		{says: ref, kind: conversation.KindStatus, contains: []string{ref}, lacks: []string{"please give the e-mail address"}},
	})
}

// A reference typed wrong, or a contact sent alone, is a status check gone wrong, not a question
// for the notices: the resident is told what a reference looks like (a QA pass: answered "the
// notices don't answer that", and counted as a gap in them).
func TestAMistypedReferenceIsToldWhatOneLooksLike(t *testing.T) {
	for _, says := range []string{"DPO-2026-1000001 sarah.okafor@gmail.com", "DOP-2026-000001 sarah.okafor@gmail.com", "ref DP0-2026-000001", "DPO-2O26-000001"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"References look like DPO-2026-000123"}}})
	}
	for _, says := range []string{"07700 900123", "sarah.okafor@gmail.com",
		// A QA pass: answered from the notices.
		"12 High Street, Aylesbury HP20 1AA", "MK9 3HS", "my email is jo@example.com", "jo@example.com - any update?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"send its reference"}, lacks: []string{"don't answer"}}})
	}
	// A real reference is still checked, and a question naming the DPO is still a question.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: "DPO-2026-000001", kind: conversation.KindStatus, contains: []string{"please give the e-mail address"}}})
	// So is one with zeros more in front of its number, as the queue commands and the dashboard read it.
	for _, says := range []string{"DPO-2026-0000001", "dpo 2026 00000001 any update?", "my ref is 2026-0000001"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"please give the e-mail address"}, lacks: []string{"can't read it"}}})
	}
	// Its words are no address (a QA pass: "couldn't find a request … with that contact").
	script(t, bot, "", []line{{says: "hello, reference DPO-2026-000001, what's the status?", kind: conversation.KindStatus, contains: []string{"please give the e-mail address"}}})
	script(t, bot, "", []line{{says: "who is the DPO?", kind: conversation.KindAnswer}})
	script(t, bot, "", []line{{says: "do you share my email jo@example.com with the police?", kind: conversation.KindAnswer}})
}

// A request begun before its council is known quotes no council's notice about the right: it
// would be another council's to half the residents (a QA pass). Once scoped, it quotes its own.
func TestARequestQuotesOnlyItsOwnCouncilsNotices(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	unscoped := script(t, bot, "", []line{{says: "please send me a copy of my data", kind: conversation.KindIntake, lacks: []string{"What the notices say"}}})
	assert.Empty(t, unscoped.Citations)
	scoped := script(t, bot, "Buckinghamshire", []line{{says: "please send me a copy of my data", kind: conversation.KindIntake}})
	for _, c := range scoped.Citations {
		assert.Equal(t, "Buckinghamshire Council", c.Organisation)
	}
}

// A request for someone else taken through the offer is one for someone else: their name is
// asked, and no date is promised (a QA pass: filed as the resident's own, due in a month).
func TestAnOfferedRequestForSomeoneElse(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "How long do you keep adult social care records? Please delete my mum's.", contains: []string{"I can pass it"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"proof that you may act for them"}, lacks: []string{"respond within one calendar month of receiving it"}},
		{says: "Priya Sharma", contains: []string{"their name"}},
	})
}

// "no" to an offer declines it: nothing is made, and it is no goodbye (a QA pass).
func TestNoToAnOfferDeclinesIt(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "who do you share my data with? please delete it", contains: []string{"I can pass it"}},
		{says: "maybe later", kind: conversation.KindHelp, contains: []string{"haven't made a request"}, lacks: []string{"Goodbye", "don't answer"}},
		{says: "yes", lacks: []string{"It sounds like you want to make a request"}},
	})
	assert.Empty(t, q.cases())
}

// A request with a question about the request itself, or one the notices don't answer, is taken
// as a request (a QA pass: "Please delete my account. Can you do that?" got "the notices don't
// answer that" and an offer).
func TestARequestWithAQuestionAboutItIsTaken(t *testing.T) {
	for _, says := range []string{"Please delete my account. Can you do that?", "Please delete my data. What do I need to do?",
		"I'd like a copy of my data please. What do I need to do?", "I want my data deleted. What happens next?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{{says: says, kind: conversation.KindIntake, lacks: []string{"don't answer that"}}})
	}
}

// An adviser corrects what the caller gave as they say it, in the third person, at whatever step
// the request has reached: "sorry, his name is actually Jon Browne" at the service step was filed
// as the service, "his phone is …" and "his name is …" at the summary were not taken, "actually
// make that Milton Keynes not Bucks" was not understood, and "no wait, Mary Jones-Smith" at the
// contact step was refused as no contact (a QA pass of advisers).
func TestAnAdviserCorrectsTheCallersDetailsInTheThirdPerson(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	turn := conversation.Turn{Session: "desk-9", Channel: "phone", Text: "/request erasure"}
	rep, err := bot.StartIntake(ctx, turn, rights.Erasure)
	require.NoError(t, err)
	for _, l := range []line{
		{says: "Bucks"},
		{says: "John Brown"},
		{says: "07700 900123"},
		{says: "sorry, his name is actually Jon Browne", contains: []string{"I've changed the requester's name to Jon Browne", "service"}},
		{says: "library"},
		{says: "delete his library account and borrowing history", contains: []string{"Service: library", "Name: Jon Browne"}},
		{says: "his phone is 07700 900999", contains: []string{"Contact: 07700 900999"}},
		{says: "actually make that Milton Keynes not Bucks", contains: []string{"Council: Milton Keynes City Council"}},
		{says: "yes", kind: conversation.KindSubmitted},
	} {
		turn.Text = l.says
		rep, err = bot.Reply(ctx, turn)
		require.NoError(t, err, "%q", l.says)
		if l.kind != "" {
			assert.Equal(t, l.kind, rep.Kind, "%q → %s", l.says, rep.Answer.Answer)
		}
		for _, want := range l.contains {
			assert.Contains(t, rep.Answer.Answer, want, "%q", l.says)
		}
	}
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Jon Browne", cases[0].Requester.Name)
	assert.Equal(t, "Milton Keynes City Council", cases[0].Organisation)
	assert.Equal(t, "library", cases[0].Service)

	turn = conversation.Turn{Session: "desk-10", Channel: "phone", Text: "/request access"}
	_, err = bot.StartIntake(ctx, turn, rights.Access)
	require.NoError(t, err)
	for _, says := range []string{"MK", "Mary Jones", "no wait, Mary Jones-Smith"} {
		turn.Text = says
		rep, err = bot.Reply(ctx, turn)
		require.NoError(t, err)
	}
	assert.Contains(t, rep.Answer.Answer, "I've changed the requester's name to Mary Jones-Smith")
	assert.Equal(t, "Mary Jones-Smith", rep.Intake.Fields["name"])

	// A resident's "her name is …" corrects the person the request is for.
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my mum's records"},
		{says: "Susan Hall"},
		{says: "Joan Hal"},
		{says: "susan@example.com"},
		{says: "sorry her name is Joan Hall", contains: []string{"I've changed the name of the person the request is for to Joan Hall"}},
	})
	assert.Equal(t, "Joan Hall", last.Intake.Fields["on_behalf_of"])
	assert.Equal(t, "Susan Hall", last.Intake.Fields["name"])
}

// A contact taken back for another in the same answer is not the one used: "x@gmail.com ,
// actually no use x@outlook.com the gmail one is old" kept the gmail address, and "tom@gmail.com
// no wait use tom.reed@outlook.com instead" said it would write to tom@gmail.com (a QA pass).
func TestAContactTakenBackIsNotUsed(t *testing.T) {
	for _, tc := range []struct{ says, want, lacks string }{
		{"a.alrashid@gmail.com , actually no use a.alrashid@outlook.com the gmail one is old", "Contact: a.alrashid@outlook.com", "Contact: a.alrashid@gmail.com"},
		{"tom@gmail.com no wait use tom.reed@outlook.com instead", "Contact: tom.reed@outlook.com", "tom@gmail.com"},
		{"jo@example.com or 07700 900123", "Contact: jo@example.com", ""},
		{"07700 900123 is my old number, use jo@example.com", "Contact: jo@example.com", "Contact: 07700"},
		{"tom@gmail.com - no, tom.reed@outlook.com is better", "Contact: tom.reed@outlook.com", "Contact: tom@gmail.com"},
		// A "sorry" that takes nothing back: both kept (a review found the e-mail dropped).
		{"jo@example.com, sorry I'm hopeless with computers, or my mobile 07700 900123", "Contact: jo@example.com", ""},
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		lacks := []string{}
		if tc.lacks != "" {
			lacks = append(lacks, tc.lacks)
		}
		script(t, bot, "Milton Keynes", []line{
			{says: "I want to withdraw my consent for email updates"},
			{says: "Ahmed Al-Rashid"},
			{says: tc.says, kind: conversation.KindIntake},
			{says: "skip"},
			{says: "the newsletter", contains: []string{tc.want}, lacks: lacks},
		})
	}
}

// A phone number typed in words at the contact step is the number, in digits: an older
// resident's "my phone is oh one nine oh eight, six double four, three two one" was filed as a
// postal address, and her status check with the number could never find the request (a QA pass).
func TestAPhoneNumberInWordsIsTheContact(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I object to you using my NHS number in adult social care"},
		{says: "MRS DOROTHY HIGGINS"},
		{says: "my phone is oh one nine oh eight, six double four, three two one", contains: []string{"what would you like"}}, // the service was said
		{says: "I dont want the NHS number used", contains: []string{"Contact: 01908644321"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "01908644321", cases[0].Requester.Contact.Value)
	ref := cases[0].Ref
	script(t, bot, "Milton Keynes", []line{
		{says: "status " + ref + ", my phone is oh one nine oh eight, six double four, three two one", kind: conversation.KindStatus,
			contains: []string{ref}, lacks: []string{"couldn't find"}},
	})
	// The letter O typed for the first zero (a QA pass kept "1908 644321").
	script(t, bot, "Milton Keynes", []line{
		{says: "status " + ref + " o1908 644321", kind: conversation.KindStatus, contains: []string{ref}, lacks: []string{"couldn't find"}},
	})
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Dot Higgins"}, {says: "o1908 644321"}, {says: "skip"},
		{says: "everything", contains: []string{"Contact: 01908 644321"}},
	})
	// An e-mail address is kept as typed (a review).
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Dot Higgins"}, {says: "o1908@example.com"}, {says: "skip"},
		{says: "everything", contains: []string{"Contact: o1908@example.com"}},
	})
}

// An adviser asking after a caller's request is asked for its reference, not quoted passages (a
// QA pass of advisers got the rectification row and the on-behalf form).
func TestAnAdviserAskingAfterACallersRequestIsAskedForItsReference(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep, err := bot.Reply(context.Background(), conversation.Turn{Session: "desk-11", Channel: "phone",
		Text: "the caller wants to know what is happening with her request"})
	require.NoError(t, err)
	assert.Equal(t, conversation.KindStatus, rep.Kind, rep.Answer.Answer)
	assert.Contains(t, rep.Answer.Answer, "give its reference")
	rep, err = bot.Reply(context.Background(), conversation.Turn{Session: "desk-13", Channel: "phone",
		Text: "Mr Jones wants to know where his request is up to"})
	require.NoError(t, err)
	assert.Equal(t, conversation.KindStatus, rep.Kind, rep.Answer.Answer)
}

// A request asked of both councils is one for each: once the first is sent, the other council's
// is offered with the same name and contact (a QA pass: "please delete my data from both MK and
// Bucks" filed Milton Keynes's, and Buckinghamshire's was never offered).
func TestARequestOfBothCouncilsOffersTheOthersOnceSent(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "please delete my data from both MK and Bucks, i moved away", kind: conversation.KindIntake, contains: []string{"one request for each", "Which council"}},
		{says: "both", contains: []string{"one request for each"}},
		{says: "MK"},
		{says: "Sam Reed"},
		{says: "sam@example.com"},
		{says: "skip"},
		{says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"say \"yes\" and I'll take the same request for Buckinghamshire Council"}},
		{says: "yes", kind: conversation.KindIntake, lacks: []string{"full name", "Which council is"}},
		{says: "skip"},
		{says: "everything", contains: []string{"Council: Buckinghamshire Council", "Name: Sam Reed", "Contact: sam@example.com"}},
		{says: "yes", kind: conversation.KindSubmitted, lacks: []string{"too, which answers for its own records"}},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	assert.ElementsMatch(t, []string{"Milton Keynes City Council", "Buckinghamshire Council"}, []string{cases[0].Organisation, cases[1].Organisation})

	// A chat scoped to one council takes its own, and gives the other's contact (a review: the
	// other was dropped without a word).
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "please delete my data from both MK and Bucks", kind: conversation.KindIntake},
		{says: "Sam Reed"}, {says: "sam@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"You asked Buckinghamshire Council too", "Walton Street"}},
	})
	require.Len(t, q.cases(), 1)
}

// A pasted letter gives the writer's name as it is signed and the phone number it labels: a QA
// pass's letter ("… my telephone number is 01908 562 781 … Yours faithfully, Mrs Patricia
// Collins") was asked both again, and "Patricia Collins, as I said" was filed as the name; a
// reply pointing back to the letter for the contact was refused.
func TestAPastedLetterGivesItsSignatureAndContact(t *testing.T) {
	letter := "Dear Sir/Madam, I am writing to request a copy of the records you hold about my late husband Mr Geoffrey Collins. " +
		"My address is 9 Wren Close, Stony Stratford, Milton Keynes MK11 1PQ and my telephone number is 01908 562 781. Yours faithfully, Mrs Patricia Collins"
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{{says: letter, kind: conversation.KindIntake, lacks: []string{"What is your full name?"}}})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Patricia Collins", last.Intake.Fields["name"])
	assert.Equal(t, "01908 562 781", last.Intake.Fields["contact"])

	// Said again with "as I said", the name is the name; the contact pointed back to is the letter's.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last = script(t, bot, "Milton Keynes", []line{
		{says: "Please delete my late husband's records. I'm on 01908 562781 most mornings."},
		{says: "Patricia Collins, as I said", contains: []string{"their name"}},
		{says: "Geoffrey Collins", contains: []string{"contact you"}},
		{says: "the phone number in my message above", contains: []string{"service"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Patricia Collins", last.Intake.Fields["name"])
	assert.Equal(t, "01908 562781", last.Intake.Fields["contact"])
}

// "sorry wrong council" asks which council, rather than reading "wrong" as a request to correct
// records filed with the council said to be wrong (a QA pass); a council named with it, or "send
// it to Bucks instead", is the council.
func TestAWrongCouncilIsAskedAgain(t *testing.T) {
	steps := []string{"I want a copy of my data", "Bucks", "Lena Novak", "lena2@example.com", "skip", "all"}
	for _, tc := range []struct{ says, contains, council string }{
		{"sorry wrong council", "Which council is this request for?", "Milton Keynes City Council"},
		{"the council is wrong", "Which council is this request for?", "Milton Keynes City Council"},
		{"sorry wrong council, I live in Bletchley", "I've changed the council to Milton Keynes City Council", ""},
		{"can you send it to MK instead", "I've changed the council to Milton Keynes City Council", ""},
	} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		var lines []line
		for _, s := range steps {
			lines = append(lines, line{says: s})
		}
		lines = append(lines, line{says: tc.says, contains: []string{tc.contains}, lacks: []string{"Right to rectification"}})
		if tc.council != "" {
			lines = append(lines, line{says: "MK"})
		}
		lines = append(lines, line{says: "yes", kind: conversation.KindSubmitted})
		script(t, bot, "", lines)
		cases := q.cases()
		require.Len(t, cases, 1, tc.says)
		assert.Equal(t, "Milton Keynes City Council", cases[0].Organisation, tc.says)
		assert.Equal(t, dpo.Access, cases[0].Type, tc.says)
	}
}

// The person a request is for, named where the asker's own name was asked, with where they live
// ("Joan Whitfield, she lives at 22 Church Street…"), is that person, not the asker: a QA pass
// filed the mother as the requester and her address as the carer's contact. And named with a full
// stop before where they live, at their own step, they are taken.
func TestThePersonARequestIsForNamedWithWhereTheyLive(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Classify = func(text string) rights.Intent { // the safeguarding model aside: the steps are tested here
		in := rights.Classify(text)
		in.Safeguarding, in.ByModel = false, false
		return in
	}
	script(t, bot, "Buckinghamshire", []line{
		{says: "please delete my mum's data", kind: conversation.KindIntake},
		{says: "Joan Whitfield, she lives at 22 Church Street, Amersham HP7 0AA", contains: []string{"I've noted Joan Whitfield as the person the request is for", "your own name"}},
		{says: "Susan Whitfield", contains: []string{"contact you"}},
		{says: "susan@example.com"}, {says: "skip"},
		{says: "everything", contains: []string{"Name: Susan Whitfield", "On behalf of: Joan Whitfield", "Contact: susan@example.com", "Their address: 22 Church Street"}},
	})
	assert.Empty(t, q.cases())
	last := script(t, bot, "Buckinghamshire", []line{
		{says: "please delete my mum's data"}, {says: "Susan Whitfield"},
		{says: "Joan Whitfield. she lives at 22 Church Street Amersham", contains: []string{"contact you"}},
	})
	assert.Equal(t, "Joan Whitfield", last.Intake.Fields["on_behalf_of"])
}

// A name corrected as people say it, at the service step, changes the name it corrects, not the
// service (a QA pass filed "sorry my mum's name is Joan Hall" and the like as the service).
func TestNamesCorrectedAsPeopleSayThem(t *testing.T) {
	for _, fix := range []string{"sorry my mum's name is Joan Hall", "her surname is Hall not Hal", "oops, it's Joan Hall",
		"I meant Joan Hall", "the person it's for is Joan Hall"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my mum's records"}, {says: "Sarah Hall"}, {says: "Joan Hal"}, {says: "sarah@example.com"},
			{says: fix, contains: []string{"I've changed the name of the person the request is for to Joan Hall", "service"}},
		})
		assert.Empty(t, last.Intake.Fields["service"], fix)
		assert.Equal(t, "Sarah Hall", last.Intake.Fields["name"], fix)
	}
	for fix, want := range map[string]string{"sorry, it's Jon Browne": "Jon Browne", "his surname is Browne with an e": "John Browne"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		turn := conversation.Turn{Session: "desk-12", Channel: "phone", Text: "/request access"}
		_, err := bot.StartIntake(context.Background(), turn, rights.Access)
		require.NoError(t, err)
		var rep conversation.Reply
		for _, says := range []string{"MK", "John Brown", "07700 900123", fix} {
			turn.Text = says
			rep, err = bot.Reply(context.Background(), turn)
			require.NoError(t, err)
		}
		assert.Equal(t, want, rep.Intake.Fields["name"], fix)
		assert.Empty(t, rep.Intake.Fields["service"], fix)
	}
}

// An adviser gives the caller's name as they say it: "her name is Linda Croft" was refused, and
// the next line ("she says use 07700 900321") filed as the name (a QA pass).
func TestAnAdviserGivesTheCallersNameInTheThirdPerson(t *testing.T) {
	for _, says := range []string{"her name is Linda Croft", "she's called Linda Croft", "caller is Mrs Linda Croft", "the caller's name is Linda Croft"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		var rep conversation.Reply
		for _, line := range []string{"the caller wants a copy of her records from MK", says, "she says use 07700 900321"} {
			var err error
			rep, err = bot.Reply(context.Background(), conversation.Turn{Session: "desk-14", Channel: "phone", Text: line})
			require.NoError(t, err)
		}
		require.NotNil(t, rep.Intake, says)
		assert.Equal(t, "Linda Croft", rep.Intake.Fields["name"], says)
		assert.Equal(t, "07700 900321", rep.Intake.Fields["contact"], says)
	}
}

// "wrong council" in the details is what went wrong, not the request's council corrected; a
// request to move records names where they go, not the council that holds them; "Bucks Fire and
// Rescue" is not Buckinghamshire Council (three QA passes).
func TestCouncilsNamedInPassingAreNotTheRequestsCouncil(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "please delete my data"}, {says: "MK"}, {says: "Helen Ward"}, {says: "07812 345678"}, {says: "skip"},
		{says: "my details were passed to the wrong council by mistake", contains: []string{"Council: Milton Keynes City Council", "wrong council by mistake"}, lacks: []string{"Which council is this request for?"}},
	})
	for _, says := range []string{"I'd like my records moved to Bucks council, I've moved to Aylesbury", "I'd like my records not shared with Bucks Fire and Rescue"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "", []line{{says: says, kind: conversation.KindIntake}})
		assert.Empty(t, last.Intake.Fields["organisation"], says)
	}
	// Sent to the requester by the council: that council's (a review).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{{says: "I'd like a copy of my data sent to me by Bucks council", kind: conversation.KindIntake}})
	assert.Equal(t, "Buckinghamshire Council", last.Intake.Fields["organisation"])
	// "another council" in an answer is no correction of this one's (a review).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "please delete my data"}, {says: "Helen Ward"}, {says: "07812 345678"},
		{says: "housing, I moved from another council", lacks: []string{"Which council is this request for?"}},
	})
}

// A request for someone who has died says so to the team: "(deceased)" went with the name's
// brackets, and "my dad died last month" was filed as any other request (a QA pass).
func TestARequestForSomeoneWhoHasDiedSaysSo(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "My dad died last month. Can I get a copy of his social care records?"},
		{says: "yes"}, {says: "Ann Reid"}, {says: "Peter Reid (deceased)"}, {says: "ann@example.com"},
		{says: "his care notes", contains: []string{"On behalf of: Peter Reid", "The person the request is for has died."}},
	})
}

// A request for the records of someone who has died is promised no month: the rights and their
// time limit are a living person's, and the notices say nothing of the dead. The chat said "the
// one-month time limit starts when that arrives" to a bereaved daughter. Said first or only when
// their name is asked ("her name was Mary Smith, she passed away in March"), the team will say
// how it deals with it; to an adviser, as the caller is to be told.
func TestARequestForSomeoneWhoDiedIsPromisedNoMonth(t *testing.T) {
	const toResident = "As the person the request is for has died, the team will tell you how they deal with a request for their records"
	const toAdviser = "As the person the request is for has died, the team will tell the requester how they deal"
	for _, tc := range []struct {
		channel, first, theirName, told string
		toldAtName                      bool
	}{
		{channel: "web", first: "My mum died last month, can I get a copy of her records?", theirName: "her name was Mary Smith", told: toResident},
		{channel: "web", first: "I want a copy of my mum's records", theirName: "her name was Mary Smith, she passed away in March", told: toResident, toldAtName: true},
		{channel: "phone", first: "caller wants a copy of her late husband's records", theirName: "John Smith", told: toAdviser},
	} {
		t.Run(tc.first, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			start := []line{{says: tc.first, kind: conversation.KindIntake, contains: []string{"Right of access"}}}
			if tc.channel == "web" && !tc.toldAtName {
				start = []line{{says: tc.first, contains: []string{`say "yes"`}}, {says: "yes", kind: conversation.KindIntake}}
			}
			if tc.toldAtName {
				start[0].contains = append(start[0].contains, "one-month time limit")
			} else {
				start[len(start)-1].contains = append(start[len(start)-1].contains, tc.told)
				start[len(start)-1].lacks = []string{"one-month", "one calendar month"}
			}
			atName := line{says: tc.theirName, kind: conversation.KindIntake}
			if tc.toldAtName {
				atName.contains = []string{tc.told}
			}
			lines := append(start, line{says: "Jane Smith"}, atName, line{says: "jane@example.com"}, line{says: "skip"},
				line{says: "everything", contains: []string{"The person the request is for has died."}},
				line{says: "yes", kind: conversation.KindSubmitted, contains: []string{tc.told}, lacks: []string{"one-month", "must respond by"}})
			scriptOn(t, bot, tc.channel, "", "Milton Keynes", lines)
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.True(t, cases[0].AwaitingID, "no month runs until the team has what it needs")
			assert.True(t, cases[0].Due.IsZero())
			assert.Contains(t, cases[0].Requester.OnBehalfOfWhom, "Smith")
		})
	}
}

// Who the asker is to the person the request is for, said with their own name, is no part of
// the name: a web QA pass stored "im his son, Tom Hale" as the name "his son, Tom Hale". Who they
// are goes in the details, for the team's proof of authority.
func TestTheAskersRelationSaidWithTheirNameIsNoPartOfIt(t *testing.T) {
	const first = "my dad passed away in october and i want to see what the council held on him, he was getting adult social care. his name was Robert Hale"
	for _, says := range []string{"im his son, Tom Hale", "I'm his son Tom Hale", "Tom Hale, his son", "Tom Hale (his son)"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: first}, {says: "yes", contains: []string{"full name"}},
				{says: says, contains: []string{"How should the data protection team contact you?"}},
				{says: "tom@example.com"},
				{says: "his care records", contains: []string{"Name: Tom Hale\n", "On behalf of: Robert Hale", "The requester is their son."}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, "Tom Hale", q.cases()[0].Requester.Name)
		})
	}
}

// A title or an initial with its full stop is part of the name before an address (a review: "Mr.
// John Smith, 4 Park Lane, …" was filed as "Mr").
func TestAFullStopInANameIsNoEndOfIt(t *testing.T) {
	for _, says := range []string{"Mr. John Smith, 4 Park Lane, Olney MK46 4BB", "John A. Smith, 4 Park Lane, Olney MK46 4BB"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: says}})
		assert.Contains(t, last.Intake.Fields["name"], "John", says)
		assert.Equal(t, "4 Park Lane, Olney MK46 4BB", last.Intake.Fields["contact"], says)
	}
}

// A bare correction goes to the name it is nearer, a first name counting most: a family shares a
// surname (a review: "sorry, it's Mary Smith" renamed the son John Smith).
func TestABareCorrectionGoesToTheNearerName(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my son's records"}, {says: "Mary Smtih"}, {says: "John Smith"}, {says: "mary@example.com"},
		{says: "sorry, it's Mary Smith", contains: []string{"I've changed your name to Mary Smith"}},
	})
	assert.Equal(t, "Mary Smith", last.Intake.Fields["name"])
	assert.Equal(t, "John Smith", last.Intake.Fields["on_behalf_of"])
}

// A surname ending in "tel" is no contact label ("Ravi Patel, 07700 900456" was filed as "Ravi
// Pa", a QA pass), and "name's Callum Stewart" or "sure - Callum Stewart" is the name alone.
func TestNamesAsTypedBesideContacts(t *testing.T) {
	for says, want := range map[string]string{"Ravi Patel, 07700 900456": "Ravi Patel", "Sam Patel - sam.patel@gmail.com": "Sam Patel",
		"name's Callum Stewart": "Callum Stewart", "sure - Callum James Stewart": "Callum James Stewart"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: says}})
		assert.Equal(t, want, last.Intake.Fields["name"], says)
	}
}

// Said after the asker's own details: the request is for someone else ("actually I'm asking for
// my son Arjun Patel" was filed as the asker's own, the sentence as the service), and "also my
// phone is …" is another way to reach them (the contact was cleared, or the number filed as the
// service) (a QA pass).
func TestSaidLaterTheRequestIsForSomeoneElseOrThereIsAnotherContact(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "delete my data please, milton keynes council"}, {says: "Sam Patel"}, {says: "sam.patel@gmail.com"},
		{says: "actually I'm asking for my son Arjun Patel", contains: []string{"the request is for Arjun Patel", "service"}},
		{says: "also my phone is 07700 900555", contains: []string{"I've added 07700 900555"}},
		{says: "school transport"}, {says: "Remove him from the mailing list"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Arjun Patel", cases[0].Requester.OnBehalfOfWhom)
	assert.Equal(t, "sam.patel@gmail.com", cases[0].Requester.Contact.Value)
	assert.Equal(t, "school transport", cases[0].Service)
	assert.Contains(t, cases[0].Description, "07700 900555")
	assert.Equal(t, dpo.AwaitingVerification, cases[0].Status)
}

// A postal address given over two lines is one contact: "Flat 2, 10 Queens Court," then "Milton
// Keynes MK9 2AB" at the next step was refused as no service and the postcode lost (a QA pass).
func TestAPostalAddressOverTwoLinesIsOneContact(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "Flat 2, 10 Queens Court,"},
		{says: "Milton Keynes MK9 2AB", contains: []string{"I've added that to your address", "service"}},
	})
	assert.Equal(t, "Flat 2, 10 Queens Court, Milton Keynes MK9 2AB", last.Intake.Fields["contact"])
	// An address at the service step after an e-mail contact is still no service.
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"},
		{says: "12 High Street, Bletchley, MK2 2AB", contains: []string{"looks like an address"}},
	})
}

// Part of the details taken back at the summary has them typed again, not sent whole (a QA pass:
// "no, don't include the landlord licensing bit" was asked what to change, and "yes" sent it all).
func TestPartOfTheDetailsTakenBackAtTheSummary(t *testing.T) {
	for _, takeBack := range []string{"no, don't include the landlord licensing bit", "take out the landlord licensing bit", "just the surveys"} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Buckinghamshire", []line{
			{says: "I object to my data being used in your tenant satisfaction research"}, {says: "Imran Hussain"}, {says: "imran.h@gmail.com"}, {says: "housing"},
			{says: "Please stop using my contact details for surveys, and also remove me from the landlord licensing mailing list"},
			{says: takeBack, contains: []string{"Please type the details again"}},
			{says: "Please stop using my contact details for surveys", contains: []string{"Shall I send this"}},
			{says: "yes", kind: conversation.KindSubmitted},
		})
		require.Len(t, q.cases(), 1, takeBack)
		assert.NotContains(t, q.cases()[0].Description, "landlord licensing", takeBack)
	}
}

// Corrections typed at the details step correct their field: "sorry my number ends 98 not 99"
// and "actually the service is housing not planning" were filed as the details (a QA pass).
func TestCorrectionsAtTheDetailsStep(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "07456 778899"}, {says: "planning"},
		{says: "sorry my number ends 98 not 99", contains: []string{"I've changed the contact to 07456 778898"}},
		{says: "actually the service is housing not planning", contains: []string{"I've changed the service to housing"}},
	})
	assert.Equal(t, "07456 778898", last.Intake.Fields["contact"])
	assert.Equal(t, "housing", last.Intake.Fields["service"])
	assert.NotContains(t, last.Intake.Fields["description"], "ends 98")
	assert.NotContains(t, last.Intake.Fields["description"], "service is housing")
}

// Names as people give them at the steps (a QA pass refused each): whom the request is for with
// "it's for …" or with a word about them after a comma; the asker's name with "you can email me
// at …"; and "ok send it now" sends.
func TestStepAnswersAsPeopleGiveThem(t *testing.T) {
	for says, want := range map[string]string{"it's for my mother, Anita Sharma": "Anita Sharma", "it's for Anita Sharma": "Anita Sharma", "Jean Baker, she's 84": "Jean Baker"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my mum's records"}, {says: "Priya Sharma"}, {says: says}})
		assert.Equal(t, want, last.Intake.Fields["on_behalf_of"], says)
	}
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Sam Patel, you can email me at sam.patel@gmail.com"}})
	assert.Equal(t, "Sam Patel", last.Intake.Fields["name"])
	assert.Equal(t, "sam.patel@gmail.com", last.Intake.Fields["contact"])
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Sam Patel"}, {says: "sam@example.com"}, {says: "skip"},
		{says: "everything"}, {says: "ok send it now", kind: conversation.KindSubmitted}})
	assert.Len(t, q.cases(), 1)
}

// Asking for a relative's records, naming them in the first message: a request for someone
// else's data, said so, whose name is not asked again ("I'm asking on behalf of my father, John
// Smith, for …" was answered; "I'd like to see what MK holds about my mum" was no request) (a QA
// pass).
func TestARelativesRequestNamedInTheFirstMessage(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "I'm asking on behalf of my father, John Smith, for a copy of his social care records from MK", kind: conversation.KindIntake,
			contains: []string{"a copy of their data"}},
		{says: "Sue Smith", contains: []string{"contact you"}},
	})
	assert.Equal(t, "John Smith", last.Intake.Fields["on_behalf_of"])
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: "I'd like to see what Milton Keynes City Council holds about my mum", kind: conversation.KindIntake}})
}

// Regressions a QA pass found in the last changes: in a request to correct records, "it ends 98
// not 99" is what to correct, not the contact; in an erasure request, "also my phone number …
// please delete it" is what to delete, not another contact. And the service is kept without the
// words around it; an adviser is told to give the reference to the requester.
func TestDetailsThatLookLikeContactCorrections(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "my phone number is wrong on my account"}, {says: "Milton Keynes"}, {says: "Dan Fox"}, {says: "07700 900199"},
		{says: "Council tax, I think"}, {says: "it ends 98 not 99", contains: []string{"Contact: 07700 900199", "it ends 98 not 99", "Service: Council tax\n"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	bot, q2 := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want my data deleted"}, {says: "Buckinghamshire"}, {says: "Zara Ali"}, {says: "zara.ali@example.com"}, {says: "skip"},
		{says: "also my phone number 07700 900555 please delete it", lacks: []string{"another way to reach you"}},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "07700 900199", q.cases()[0].Requester.Contact.Value)
	assert.Empty(t, q2.cases())

	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	turn := conversation.Turn{Session: "desk-15", Channel: "phone", Text: "/request access"}
	_, err := bot.StartIntake(context.Background(), turn, rights.Access)
	require.NoError(t, err)
	var rep conversation.Reply
	for _, says := range []string{"MK", "Ann Lee", "ann@example.com", "skip", "her housing file", "yes"} {
		turn.Text = says
		rep, err = bot.Reply(context.Background(), turn)
		require.NoError(t, err)
	}
	assert.Contains(t, rep.Answer.Answer, "give it to the requester")
	assert.NotContains(t, rep.Answer.Answer, "Your reference")
}

// An adviser logging a request for someone else is told what the requester will be asked for, not
// addressed as the requester (a QA pass).
func TestAnAdviserIsToldWhatTheRequesterWillBeAskedFor(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	var rep conversation.Reply
	for _, says := range []string{"the caller wants a copy of her son's records from MK", "Ann Lee", "Tom Lee", "ann@example.com", "skip", "his school file", "yes"} {
		var err error
		rep, err = bot.Reply(context.Background(), conversation.Turn{Session: "desk-16", Channel: "phone", Text: says})
		require.NoError(t, err, says)
	}
	require.Equal(t, conversation.KindSubmitted, rep.Kind, rep.Answer.Answer)
	assert.Contains(t, rep.Answer.Answer, "ask them for proof that they may act for them")
	assert.NotContains(t, rep.Answer.Answer, "you may act for them")
}

// countingAnswerer counts the questions a (costly) answerer is asked.
type countingAnswerer struct {
	answer.Answerer
	asked int
}

func (c *countingAnswerer) Answer(ctx context.Context, q answer.Question) (answer.Answer, error) {
	c.asked++
	return c.Answerer.Answer(ctx, q)
}

// A question asked beside a request is checked against the notices by the Decider (the
// extractive answerer), and only answered by the Answerer (a language model): one model call,
// not two (a review: it was asked of the model once to see it answered, once to answer).
func TestAQuestionBesideARequestIsAnsweredOnce(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	model := &countingAnswerer{Answerer: bot.Answerer}
	bot.Decider, bot.Answerer = bot.Answerer, model
	script(t, bot, "Milton Keynes", []line{
		{says: "Do you share my data with the police? Please delete it.", kind: conversation.KindAnswer, contains: []string{"[1]", "I can pass it to the data protection team"}},
	})
	assert.Equal(t, 1, model.asked)
}

// A request for someone else's records goes the way of one however it is worded: their name is
// asked, the team will ask for proof of authority, and no date is given until it arrives. "My
// data for my mum" may be the asker's records sent to her, so whose they are is asked first, once
// (a QA pass filed each of these as the asker's own, or took no request).
func TestARequestForSomeoneElseHoweverItIsWorded(t *testing.T) {
	for _, tt := range []struct {
		name    string
		opening []line // up to "What is your full name?"
	}{
		{"my data for my mum, asked whose", []line{
			{says: "I'd like to request my data for my mum", kind: conversation.KindIntake,
				contains: []string{"Is this request for your own records, or for your mum's?"}, lacks: []string{"must respond within", "full name"}},
			{says: "my mum's", kind: conversation.KindIntake, contains: []string{"proof that you may act for them", "full name"}}}},
		{"my mum's data", []line{{says: "I want my mum's data", kind: conversation.KindIntake}}},
		{"my dad's records for him, offered", []line{
			{says: "can I get my dad's records for him", kind: conversation.KindAnswer, contains: []string{"for someone else"}},
			{says: "yes", kind: conversation.KindIntake}}},
		{"my data on behalf of my mother", []line{{says: "request my data on behalf of my mother", kind: conversation.KindIntake}}},
		{"the records held for my dad", []line{{says: "I'd like to request the records you hold for my dad", kind: conversation.KindIntake}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", append(tt.opening,
				line{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
				line{says: "Anita Hill", kind: conversation.KindIntake},
				line{says: "kate@example.com"}, line{says: "skip"},
				line{says: "everything", contains: []string{"a copy of their data", "On behalf of: Anita Hill"}},
				line{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that you may act for them"}},
			))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "Anita Hill", cases[0].Requester.OnBehalfOfWhom)
			assert.True(t, cases[0].Due.IsZero(), "no date until proof of authority arrives")
		})
	}

	// Said to be the asker's own, it is theirs, with its month starting now; said with her name,
	// it is not asked again.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my records for my mum"},
		{says: "yes", contains: []string{`please say which: "my own" or "my mum's"`}}, // a yes says neither
		{says: "hmm", contains: []string{"Sorry, I didn't follow", "your own records, or for your mum's?"}},
		{says: "mine, not my mum's", contains: []string{"must respond within one calendar month", "full name"}},
		{says: "Kate Hill", contains: []string{"contact you"}}, {says: "kate@example.com"}, {says: "skip"}, {says: "everything", lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.False(t, q.cases()[0].Requester.OnBehalfOf)
	assert.False(t, q.cases()[0].Due.IsZero())
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my records for my mum"},
		{says: "for my mum, Anita Sharma", contains: []string{"the request is for Anita Sharma", "full name"}},
		{says: "Kate Sharma", contains: []string{"contact you"}},
	})
	assert.Equal(t, "Anita Sharma", last.Intake.Fields["on_behalf_of"])

	// The widget shows the two answers as buttons.
	first := script(t, bot, "Milton Keynes", []line{{says: "I'd like to request my data for my mum"}})
	require.NotNil(t, first.Intake)
	assert.Equal(t, conversation.StepWhose, first.Intake.Step)
	assert.Equal(t, []string{"My own", "My mum's"}, first.Intake.Options)
}

// Someone else's address or phone number is no right of the asker's: the chat says plainly that
// the council doesn't give them out this way, and who decides what the law allows (the data
// protection team, as the notices give its contact), and starts no request (a QA pass: a
// landlord's "can you give me his new address?" started a request to correct records).
func TestSomeoneElsesDetailsStartNoRequest(t *testing.T) {
	for _, says := range []string{
		"my tenant left owing rent, can you give me his new address?",
		"what is my neighbour's address? he owes me money",
		"My ex-partner moved out, can you tell me her phone number?",
	} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		rep := script(t, bot, "Buckinghamshire Council", []line{{says: says,
			contains: []string{"doesn't give out another person's details", "Maria Damigos"}, lacks: []string{"It sounds like you want to make a request", "full name"}}})
		assert.Nil(t, rep.Intake, says)
		assert.False(t, rep.Answer.Request.Actionable, says)
		assert.Empty(t, q.cases(), says)
	}
	// Their details to correct are still a request.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire Council", []line{
		{says: "please change my mum's address on her council tax account, I have power of attorney", kind: conversation.KindIntake},
	})
}

// A danger told while a request is being taken gets the safeguarding reply, and the case the
// request becomes tells the data protection team so, first, with nothing of what was told: that
// stays in the conversation's excerpt, where it went before (a QA pass: the case bore no trace of
// it). So does a danger told before the request, in the same conversation, or one only the model
// read as urgent.
func TestADangerToldInTheConversationIsNotedOnTheCase(t *testing.T) {
	const disclosure = "he's threatening me and I'm scared he'll find where I live"
	modelOnly := "I am 84 and my carer comes Tuesdays"
	for _, tt := range []struct {
		name  string
		lines []line
		// takenForItsStep is set when the message is taken for the step's answer too, as one
		// only the model reads as urgent is (TestAnAnswerOnlyTheModelFindsUrgentIsTakenForItsStep).
		takenForItsStep bool
	}{
		{"at the details step", []line{
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"},
			{says: disclosure, kind: conversation.KindSafeguarding, contains: []string{"999", "Your request is still open"}},
			{says: "my housing file", contains: []string{"Shall I send this"}, lacks: []string{"Note for the team", "read as a risk"}}}, false},
		{"before the request", []line{
			{says: disclosure, kind: conversation.KindSafeguarding},
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "my housing file"}}, false},
		{"read as urgent by the model alone", []line{
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"},
			{says: modelOnly, kind: conversation.KindIntake, contains: []string{"999", "Shall I send this"}, lacks: []string{"Note for the team"}}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			bot.Classify = func(text string) rights.Intent {
				if text == modelOnly {
					return rights.Intent{Type: rights.None, Safeguarding: true, ByModel: true, Confidence: 0.6}
				}
				return rights.Classify(text)
			}
			script(t, bot, "Milton Keynes", append(tt.lines, line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			first, _, _ := strings.Cut(cases[0].Description, "\n")
			assert.Equal(t, "Note from the chat: In this conversation the requester said something the chat read as a risk to someone's safety, "+
				"and was given the safeguarding contacts (see the conversation excerpt).", first)
			if !tt.takenForItsStep {
				assert.NotContains(t, cases[0].Description, "threatening", "what was told stays in the excerpt")
				assert.Contains(t, cases[0].Excerpt, disclosure)
			}
		})
	}

	// A conversation with no danger in it has no such note.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"},
		{says: "my housing file", lacks: []string{"Note for the team"}}, {says: "yes", kind: conversation.KindSubmitted}})
	require.Len(t, q.cases(), 1)
	assert.NotContains(t, q.cases()[0].Description, "Note from the chat")
}

// A council the resident corrects mid-request takes the request, and the words they first wrote
// stay as they wrote them, for they are what they said; but the case tells the team, before those
// words, that the council was corrected and which one the words name (a QA pass: Buckinghamshire's
// case read "I want MK council to delete everything …", nothing saying why it was theirs).
func TestACouncilCorrectedMidRequestIsNotedBeforeTheFirstWords(t *testing.T) {
	const first = "I want MK council to delete everything they have on me"
	const note = "Note from the chat: The council was corrected in the chat to Buckinghamshire Council; the request's first words name Milton Keynes City Council."
	for _, tt := range []struct {
		name  string
		lines []line
	}{
		{"named at the next step", []line{{says: first}, {says: "sorry, it's Buckinghamshire not MK", contains: []string{"changed the council to Buckinghamshire Council"}},
			{says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "everything", contains: []string{"- Note for the team: The council was corrected"}}}},
		{"wrong, and asked again", []line{{says: first}, {says: "Jo Bloggs"}, {says: "sorry wrong council", contains: []string{"Which council"}},
			{says: "Buckinghamshire"}, {says: "jo@example.com", contains: []string{"service"}}, {says: "skip"}, {says: "everything"}}},
		{"at the summary", []line{{says: first}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "everything"},
			{says: "actually it should go to Bucks", contains: []string{"changed the council to Buckinghamshire Council", "Note for the team"}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", append(tt.lines, line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "Buckinghamshire Council", cases[0].Organisation)
			assert.True(t, strings.HasPrefix(cases[0].Description, note+"\n"+first), cases[0].Description)
		})
	}

	// Switched back, or never changed, the words name the council they go to: nothing to note.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: first}, {says: "actually I meant Bucks"}, {says: "no sorry, it is MK after all", contains: []string{"changed the council to Milton Keynes City Council"}},
		{says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "everything", lacks: []string{"Note for the team"}},
		{says: "yes", kind: conversation.KindSubmitted}})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, first+"\neverything", q.cases()[0].Description)
}

// "Yes" to the bot's own "did you mean tom@hotmail.com?" takes that address, in the words people
// say it in, and "no" asks for the address again (a QA pass: "yes" got "That doesn't look like an
// e-mail address", and the resident had to type it again). The same holds where else the intake
// asks: an address given with the name, or corrected later, and one of two meant by a space.
func TestAYesToDidYouMeanTakesTheAddressMeant(t *testing.T) {
	for _, yes := range []string{"yes", "Yes that's right", "yep", "correct", "that one", "yes, that's the one thanks"} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data"}, {says: "Tom Hardy"},
			{says: "tom@hotmial.com", contains: []string{"did you mean tom@hotmail.com?", `Say "yes" to use it`}},
			{says: yes, kind: conversation.KindIntake, contains: []string{"contact you at tom@hotmail.com", "service"}, lacks: []string{"doesn't look like"}},
			{says: "skip"}, {says: "my housing file", contains: []string{"tom@hotmail.com"}, lacks: []string{"Right to rectification"}},
			{says: "yes", kind: conversation.KindSubmitted},
		})
		require.Len(t, q.cases(), 1, yes)
		assert.Equal(t, "tom@hotmail.com", q.cases()[0].Requester.Contact.Value, yes)
	}

	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Tom Hardy"},
		{says: "tom@hotmial.com", contains: []string{"did you mean tom@hotmail.com?"}},
		{says: "no", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you?"}, lacks: []string{"tom@hotmail.com", "doesn't look like"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"doesn't look like"}}, // nothing is offered any more
	})
	assert.Empty(t, last.Intake.Fields["contact"])

	// Given with the name, the address is asked about, not dropped unsaid.
	last = script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"},
		{says: "Tom Hardy, tom@hotmial.com", contains: []string{"did you mean tom@hotmail.com?"}},
		{says: "yep", contains: []string{"contact you at tom@hotmail.com", "service"}},
	})
	assert.Equal(t, "tom@hotmail.com", last.Intake.Fields["contact"])

	// Corrected later, or at the summary, the address is not taken as typed, nor filed as the
	// details: asked about, and "yes" changes the contact.
	last = script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Tom Hardy"}, {says: "tom@hotmail.com"}, {says: "housing"},
		{says: "sorry my email is actually tom2@hotmial.com", contains: []string{"did you mean tom2@hotmail.com?", "what would you like the council to do"}},
		{says: "yes", contains: []string{"changed the contact to tom2@hotmail.com", "what would you like the council to do"}},
		{says: "my housing file"},
		{says: "send it to tom3@gmial.com", contains: []string{"did you mean tom3@gmail.com?"}, lacks: []string{"I've changed the contact"}},
		{says: "no", kind: conversation.KindIntake, contains: []string{"the contact stays tom2@hotmail.com", "Shall I send this"}},
	})
	assert.Equal(t, "tom2@hotmail.com", last.Intake.Fields["contact"])
	assert.NotContains(t, last.Intake.Fields["description"], "hotmial")

	// Two addresses offered: "yes" asks which, and "the second" takes it.
	last = script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Tom Hardy"},
		{says: "tom hardy@gmail.com", contains: []string{"tomhardy@gmail.com or tom.hardy@gmail.com"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Which did you mean"}},
		{says: "the second one", contains: []string{"contact you at tom.hardy@gmail.com"}},
	})
	assert.Equal(t, "tom.hardy@gmail.com", last.Intake.Fields["contact"])

	// A mobile number a digit short has no address to offer: "yes it's right" is told why it
	// can't be, not that it is no phone number.
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Tom Hardy"},
		{says: "07700 90012", contains: []string{"please check it"}},
		{says: "yes it's right", kind: conversation.KindIntake, contains: []string{"11 digits", "07700 90012 has 9 after the 0"}, lacks: []string{"doesn't look like"}},
	})
}

// An adviser logging one caller's request after another's in one chat: the second case's excerpt
// holds nothing of the first caller (a QA pass: Bob's case held Alice's details and reference).
func TestTheNextCallersCaseHoldsNothingOfTheLast(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	n := 0 // the chat numbers each line it reads
	for _, caller := range [][]string{
		{"MK", "Alice Wong", "alice.wong@example.org", "skip", "her housing benefit file, she has a mental health condition", "yes"},
		{"MK", "Bob Hart", "bob.hart@example.org", "skip", "his parking permit records", "yes"},
	} {
		n++
		turn := conversation.Turn{Session: "desk-20", Channel: "phone", Text: "/request access", MessageID: fmt.Sprintf("desk-20/%d", n)}
		rep, err := bot.StartIntake(ctx, turn, rights.Access)
		require.NoError(t, err)
		for _, says := range caller {
			n++
			turn.Text, turn.MessageID = says, fmt.Sprintf("desk-20/%d", n)
			rep, err = bot.Reply(ctx, turn)
			require.NoError(t, err, says)
		}
		require.Equal(t, conversation.KindSubmitted, rep.Kind, rep.Answer.Answer)
	}
	// "When will they hear back?" is of this caller's request only.
	n++
	rep, err := bot.Reply(ctx, conversation.Turn{Session: "desk-20", Channel: "phone", Text: "when will she hear back?", MessageID: fmt.Sprintf("desk-20/%d", n)})
	require.NoError(t, err)
	assert.Contains(t, rep.Answer.Answer, "DPO-2026-000002")
	assert.NotContains(t, rep.Answer.Answer, "DPO-2026-000001")
	cases := q.cases()
	require.Len(t, cases, 2)
	second := cases[1]
	require.Equal(t, "Bob Hart", second.Requester.Name)
	for _, first := range []string{"Alice", "alice.wong", "mental health", cases[0].Ref} {
		assert.NotContains(t, second.Excerpt, first)
		assert.NotContains(t, second.Description, first)
	}
}
