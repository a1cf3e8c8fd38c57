package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// mkRequest is Sarah's access request to Milton Keynes, made in a chat about no council in
// particular, through to its reference DPO-2026-000001.
var mkRequest = []line{
	{says: "I want a copy of my data from Milton Keynes", kind: conversation.KindIntake},
	{says: "Sarah Okafor", kind: conversation.KindIntake},
	{says: "sarah.okafor1982@gmail.com", kind: conversation.KindIntake},
	{says: "skip", kind: conversation.KindIntake},
	{says: "skip", kind: conversation.KindIntake},
	{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001"}},
}

// A reference typed with its number short ("DPO-2026-1") and words round it is a status check,
// with the contact in the message or asked for; a contact that doesn't match says so, tells
// nothing of the request, and the right one then finds it.
func TestStatusChecksAsResidentsTypeThem(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	script(t, bot, "", mkRequest)

	script(t, bot, "", []line{
		{says: "DPO-2026-1 update please", kind: conversation.KindStatus, contains: []string{"To check DPO-2026-000001", "e-mail address"}},
		{says: "sarah.okafor1982@gmail.com", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001 is received"}},
	})
	for _, says := range []string{"status of dpo 2026 1 please, email Sarah.Okafor1982@Gmail.com", "any news on DPO-2026-001? sarah.okafor1982@gmail.com",
		"any news on DPO-2026-0000001? sarah.okafor1982@gmail.com", "ref 2026-0000001 sarah.okafor1982@gmail.com"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"DPO-2026-000001 is received", "Monday 5 October 2026"},
			lacks: []string{"HP20 1UA", "may not answer"}}})
	}
	for _, wrong := range []string{"sarah.okafor@gmail", "Sarah Okafor", "my email is sarah@example"} {
		script(t, bot, "", []line{
			{says: "DPO-2026-000001", kind: conversation.KindStatus},
			{says: wrong, kind: conversation.KindStatus, contains: []string{"doesn't match", "DPO-2026-000001"}, lacks: []string{"received", "due", "Milton Keynes"}},
			{says: "sarah.okafor1982@gmail.com", kind: conversation.KindStatus, contains: []string{"is received"}},
		})
	}
	// A mismatched contact that is a contact still gets the queue's "couldn't find".
	script(t, bot, "", []line{
		{says: "DPO-2026-000001", kind: conversation.KindStatus},
		{says: "jo@example.com", kind: conversation.KindStatus, contains: []string{"couldn't find a request DPO-2026-000001"}, lacks: []string{"received"}},
	})
	// Asked for the contact, a question is still answered as one.
	script(t, bot, "Milton Keynes", []line{
		{says: "DPO-2026-000001", kind: conversation.KindStatus},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer},
	})
	// "DPO" with a year is no reference without a number after it.
	script(t, bot, "Milton Keynes", []line{{says: "who was the DPO in 2024", lacks: []string{"To check"}}})

	// A short number set off by a space is a reference when nothing but a word asking after it,
	// the contact or a question mark follows; hyphenated, whatever follows (review E).
	for _, says := range []string{"status of dpo 2026 1 please", "dpo 2026 1", "DPO 2026 1?", "dpo-2026-1 where is it up to", "dpo 2026 1 sarah.okafor1982@gmail.com",
		"my reference is DPO 2026 1, any news", "DPO 2026 1 any update?"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"DPO-2026-000001"}}})
	}
	for _, says := range []string{"I emailed the DPO 2025 3 times and nobody answered", "I wrote to your DPO 2026 2 weeks ago about my neighbour",
		"the DPO 2024 12 month report, is it published?"} {
		last := script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"To check", "DPO-2025-", "DPO-2026-", "DPO-2024-"}}})
		assert.NotEqual(t, conversation.KindStatus, last.Kind, says)
	}

	// Its year and number introduced as a reference, without "DPO", are one too (a QA pass); its
	// digits are no phone number.
	script(t, bot, "", []line{
		{says: "has anything happened with ref 2026-000001", kind: conversation.KindStatus, contains: []string{"To check DPO-2026-000001"}},
		{says: "sarah.okafor1982@gmail.com", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001 is received"}},
	})
	for _, says := range []string{"reference 2026-000001, sarah.okafor1982@gmail.com", "my reference number is 2026 000001 and my email is sarah.okafor1982@gmail.com"} {
		script(t, bot, "", []line{{says: says, kind: conversation.KindStatus, contains: []string{"DPO-2026-000001 is received"}}})
	}
	for _, says := range []string{"my council tax reference 2026000001 is wrong", "what was the reference 2025-26 budget for data protection?", "I have 2026-000001 written down somewhere",
		"my council tax reference is 2026 000001, why do you hold my bank details?", "planning ref 2026-000001: who sees my comments?"} {
		last := script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"To check", "DPO-2026-000001"}}})
		assert.NotEqual(t, conversation.KindStatus, last.Kind, says)
	}
}

// After a request is sent, adding to it is the data protection team's to take: the resident is
// told to reply to them or contact them, quoting the reference, with the contact of the council
// the request went to; withdrawing it by its reference gives that council's contact alone.
func TestAddingToOrWithdrawingASentRequest(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "", append(append([]line{}, mkRequest...),
		line{says: "actually can i add my old address to the request, it was 5 Elm Road MK3 6AB", kind: conversation.KindHelp,
			contains: []string{"can't be changed in this chat", "quoting DPO-2026-000001", "01908 254900"}, lacks: []string{"HP20 1UA", "don't answer"}},
		line{says: "I forgot to mention my previous surname was Adeyemi", kind: conversation.KindHelp, contains: []string{"quoting DPO-2026-000001"}},
		// Without naming the request (a QA pass got quotes about holding phone numbers).
		line{says: "can I add my phone number too? 07700 900777", kind: conversation.KindHelp, contains: []string{"quoting DPO-2026-000001"}},
		line{says: "i want to withdraw my request DPO-2026-000001", kind: conversation.KindHelp,
			contains: []string{"withdraw DPO-2026-000001", "01908 254900"}, lacks: []string{"HP20 1UA"}},
		line{says: "can I get an update on my request?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001 is received"}},
	))
	assert.Len(t, q.cases(), 1, "nothing added makes a new case")

	// A reference the conversation didn't make: the team, quoting it, and every council's contact.
	script(t, bot, "", []line{{says: "how do I add something to DPO-2026-000001?", kind: conversation.KindHelp, contains: []string{"quoting DPO-2026-000001", "01908 254900"}}})
	// Without a request in the conversation, only one that can be a request to the DPO, said to
	// have been made before.
	for _, says := range []string{"I need to add my new address to the SAR I sent last week", "can I add my housing file to my existing subject access request?",
		"I've already put in a subject access request, can I include my council tax records in it too", "please add my old address to the SAR that was submitted in March"} {
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"can't be changed in this chat"}}})
	}
	for _, says := range []string{"how do I update my address on my council tax account?", "what do you put on my housing application?", "I forgot to mention, how long do you keep CCTV?"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"can't be changed in this chat"}}})
	}
}

// A request named in a conversation that has sent none, with nothing saying it was made before,
// is one to make: "Please include my council tax records in my subject access request" starts the
// intake (review A). It was turned away as "a request that has been sent", and nothing was taken.
func TestARequestNamedButNotYetMadeIsTaken(t *testing.T) {
	for _, tc := range []struct{ org, says string }{
		{"", "I want to include my housing emails in my subject access request to Milton Keynes"},
		{"Milton Keynes", "Please include my council tax records in my subject access request"},
		{"Milton Keynes", "I want to add my parking fines to my SAR"},
		{"Milton Keynes", "I'd like to include the emails I sent to housing in my subject access request"},
	} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, tc.org, []line{{says: tc.says, kind: conversation.KindIntake, contains: []string{"Right of access", "full name"},
			lacks: []string{"can't be changed"}}})
		require.NotNil(t, last.Intake, tc.says)
		assert.Equal(t, "Milton Keynes City Council", last.Intake.Fields["organisation"], tc.says)
		assert.Equal(t, tc.says, last.Intake.Fields["description"], "the request in the resident's words")
	}
}

// After a request is sent or its status checked, withdrawing or adding to it in loose words
// ("please withdraw it", "can I cancel it?", "also can you add my council tax records to it")
// gets the withdraw or add reply, with that request's reference and its council's contact: they
// started a request to withdraw consent, or got "the notices don't answer that" (a QA pass).
func TestWithdrawingOrAddingToItInLooseWords(t *testing.T) {
	withdraw := []string{"please withdraw it", "actually I want to withdraw it", "can I cancel it?", "I don't need it any more, you can close it", "how do I call it off?"}
	for _, says := range withdraw {
		bot, q := newBot(t, qaNow)
		script(t, bot, "", append(append([]line{}, mkRequest...),
			line{says: says, kind: conversation.KindHelp, contains: []string{"can't be withdrawn in this chat", "withdraw DPO-2026-000001", "01908 254900"},
				lacks: []string{"HP20 1UA", "withdraw consent"}}))
		assert.Len(t, q.cases(), 1, "%q makes no new case", says)
	}
	bot, q := newBot(t, qaNow)
	script(t, bot, "", append(append([]line{}, mkRequest...),
		line{says: "also can you add my council tax records to it", kind: conversation.KindHelp,
			contains: []string{"can't be changed in this chat", "quoting DPO-2026-000001", "01908 254900"}, lacks: []string{"HP20 1UA", "don't answer"}}))
	assert.Len(t, q.cases(), 1)

	// After a status check in another conversation: the request checked, and its council's contact.
	for _, says := range []string{"please withdraw it", "can you include my housing file in it as well?"} {
		script(t, bot, "Buckinghamshire", []line{
			{says: "DPO-2026-000001 sarah.okafor1982@gmail.com", kind: conversation.KindStatus, contains: []string{"is received"}},
			{says: says, kind: conversation.KindHelp, contains: []string{"DPO-2026-000001", "01908 254900"}, lacks: []string{"HP20 1UA"}},
		})
	}

	// What stays as it was: other things said of "it" after a request, and "it" in a conversation
	// that sent none.
	for _, says := range []string{"I don't want it shared with the police", "when will you close it?", "can I withdraw my consent for the newsletter?",
		"I don't want to cancel it, just tell me when it is due", "what do you put in it?",
		"please don't close it, I still need it", "the letter said you would close it after a month, is that right?"} {
		bot, _ := newBot(t, qaNow)
		script(t, bot, "", append(append([]line{}, mkRequest...), line{says: says, lacks: []string{"can't be withdrawn", "can't be changed"}}))
	}
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{{says: "can I cancel it?", lacks: []string{"can't be withdrawn in this chat", "DPO-2026"}}})
}

// An extension's reason is read out as a sentence of its own, with its full stop whether or not
// the DPO typed one (a QA pass: "The reason for the extension: x The data protection team…").
func TestStatusCheckReadsTheExtensionReasonAsASentence(t *testing.T) {
	for _, tc := range []struct{ reason, want string }{
		{"the records are held in three archives", "The reason for the extension: the records are held in three archives."},
		{"The records are held in three archives.", "The reason for the extension: The records are held in three archives."},
		{"records in three archives (and on microfiche)", "The reason for the extension: records in three archives (and on microfiche)."},
		{"  records in three archives!  ", "The reason for the extension: records in three archives!"},
	} {
		bot, q := newBot(t, qaNow)
		script(t, bot, "", mkRequest)
		_, err := q.Extend(t.Context(), "DPO-2026-000001", tc.reason, "alex")
		require.NoError(t, err)
		last := script(t, bot, "", []line{{says: "DPO-2026-000001 sarah.okafor1982@gmail.com", kind: conversation.KindStatus, contains: []string{tc.want}}})
		assert.NotContains(t, last.Answer.Answer, "..", tc.reason)
		assert.NotContains(t, last.Answer.Answer, "!.", tc.reason)
	}
}
