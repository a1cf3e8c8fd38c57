package conversation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A relative's possessive typed without its apostrophe ("my sons info") is a request for them, as
// "my son's info" is: their name asked, proof of authority, and no date until it arrives (a QA
// pass filed these as the asker's own, due in a month).
func TestARelativesRecordsTypedWithoutTheApostropheAreTheirs(t *testing.T) {
	for _, says := range []string{"can u delete my sons info", "i want a copy of my daughters file", "please delete my sons data",
		"correct my wifes address", "stop usin my kids data", "my husbands details are wrong"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"proof that you may act for them", "full name"}, lacks: []string{"within one calendar month"}},
				{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
				{says: "Sam Hill", kind: conversation.KindIntake},
				{says: "kate@example.com"}, {says: "skip"},
				{says: "everything", contains: []string{"On behalf of: Sam Hill"}},
				{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that you may act for them"}},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.True(t, cases[0].Requester.OnBehalfOf)
			assert.True(t, cases[0].Due.IsZero(), "no date until proof of authority arrives")
		})
	}
}

// Someone else's address or whereabouts asked for however it is typed gets the plain answer that
// the council gives out no one's details this way, and no request: "i need his new adress" was
// filed as a request to correct records, "where is he now" got "the notices don't answer that",
// and a landlord's "tell me where he's gone" the safeguarding reply (a QA pass).
func TestSomeoneElsesAddressHoweverTypedIsNoRequest(t *testing.T) {
	for _, says := range []string{"my tenant left owing rent, i need his new adress", "my lodger left owing rent, where is he now",
		"tenant gone owing rent need his forwarding adress", "I need to find where my brother lives now",
		"I'm a landlord, my tenant did a runner, can you tell me where he's gone"} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		rep := script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindHelp, contains: []string{"doesn't give out another person's details"}, lacks: []string{"Call the safeguarding team"}},
		})
		assert.False(t, rep.Answer.Safeguarding, says)
		assert.Empty(t, q.cases(), says)
	}
	// A child who ran away is still a worry first.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I need to find where my daughter lives now, she ran away", kind: conversation.KindSafeguarding, contains: []string{"Call the safeguarding team"}},
	})
}

// A relative's records named without a verb start the request for them, as "I want my dad's
// records" does; "my data for my mum" asks whose they are. Asked what is held on a relative, the
// question is answered and the request offered (a QA pass answered all of these from the notices).
func TestARelativesRecordsNamedAloneStartTheRequest(t *testing.T) {
	for _, says := range []string{"the records you hold for my dad", "records for my dad", "the data you hold on my dad", "copy of my dad's data"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindIntake, contains: []string{"a copy of their data", "proof that you may act for them", "full name"}},
			{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
		})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my data for my mum", kind: conversation.KindIntake, contains: []string{"your own records, or for your mum's?"}},
	})
	for _, says := range []string{"wot do u hav on my dad", "what data do you hold on my dad?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindAnswer, contains: []string{"a copy of their data), for someone else", `say "yes" to start it`}},
			{says: "yes", kind: conversation.KindIntake, contains: []string{"proof that you may act for them", "full name"}},
		})
	}
}

// Said at the details to be for someone else, the request asks their name and then the details
// still to come, not the summary (a QA pass filed only the first words, and refused the details
// typed at the summary); the team is told the first words read as the requester's own.
func TestForSomeoneElseSaidAtTheDetailsStillTakesTheDetails(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
		{says: "actually it's for my dad, not me", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
		{says: "John Hill", kind: conversation.KindIntake, contains: []string{"what would you like the council to do?"}, lacks: []string{"Shall I send"}},
		{says: "his housing records", kind: conversation.KindIntake, contains: []string{"On behalf of: John Hill", "his housing records", "Shall I send"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that you may act for them"}},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Note from the chat: The request was changed in the chat to be for someone else (John Hill); the request's first words read as the requester's own.\n"+
		"I want a copy of my data\nhis housing records", cases[0].Description)
	assert.True(t, cases[0].Due.IsZero())

	// Said at the summary, it goes back to the summary, with the details given.
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"}, {says: "my housing file"},
		{says: "it's for my dad actually", contains: []string{"what is their name?"}},
		{says: "John Hill", contains: []string{"On behalf of: John Hill", "my housing file", "Shall I send"}},
	})
}

// Changed from a relative's records to the requester's own, the request is filed as theirs with
// what they said they want, and the team is told of the change, as of a council corrected (a QA
// pass: no note, and first words asking for the mum's data).
func TestChangedToTheRequestersOwnIsNoted(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want my mum's data", contains: []string{"a copy of their data"}},
		{says: "Kate Hill", contains: []string{"what is their name?"}},
		{says: "all my records", contains: []string{"contact you"}},
		{says: "kate@example.com"}, {says: "skip"},
		{says: "everything", contains: []string{"a copy of your data", "Note for the team: The request was changed in the chat to be the requester's own"}, lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.False(t, cases[0].Requester.OnBehalfOf)
	assert.Equal(t, "Note from the chat: The request was changed in the chat to be the requester's own; the request's first words read as for someone else.\n"+
		"I want my mum's data\nall my records\neverything", cases[0].Description)

	// Whose the records are, asked because the first words didn't say, is no change.
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my records for my mum", contains: []string{"your own records, or for your mum's?"}},
		{says: "mine", contains: []string{"full name"}},
		{says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
		{says: "everything", lacks: []string{"Note for the team"}},
	})
}

// A request asked for beside a danger told keeps its words: said while a request is taken, they
// are kept with it, and the excerpt shows the "Your request is still open" the next message
// answered (a QA pass filed "Please delete my data" alone, the "yes" reading as a reply to the
// safeguarding contacts); said first, the request is offered in them, and "yes" starts it.
func TestARequestSaidBesideADangerKeepsItsWords(t *testing.T) {
	const says = "He hit me and I'm scared he'll find where I live. Please delete my old address records"
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "Please delete my data"}, {says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
		{says: says, kind: conversation.KindSafeguarding, contains: []string{"999", `I've kept "Please delete my old address records"`, "Your request is still open"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Please delete my old address records", "Shall I send"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Contains(t, cases[0].Description, "Please delete my data\nPlease delete my old address records")
	assert.Contains(t, cases[0].Excerpt, "Your request is still open: when you're ready, briefly, what would you like the council to do?")

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: says, kind: conversation.KindSafeguarding, contains: []string{"999", `"Please delete my old address records"`, `say "yes" to start it`}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to erasure", "full name"}},
		{says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases = q.cases()
	require.Len(t, cases, 1)
	assert.True(t, strings.HasSuffix(cases[0].Description, "safeguarding contacts (see the conversation excerpt).\nPlease delete my old address records"), cases[0].Description)
}

// The conversation's own readings of whom a request is for take a relative's possessive typed
// without its apostrophe as they take it with one: "my sons" answers "your own records, or your
// son's?", and "its for my sons records" at the details makes the request his, asking his name
// rather than noting it as "records" (or, with the apostrophe, "'s records").
func TestTheConversationReadsARelativesPossessiveWithoutItsApostrophe(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my records for my son", contains: []string{"your own records, or for your son's?"}},
		{says: "my sons", kind: conversation.KindIntake, contains: []string{"proof that you may act for them", "full name"}, lacks: []string{"didn't follow"}},
	})
	for _, says := range []string{"actually its for my sons records not mine", "actually it's for my son's records not mine"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data"}, {says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
			{says: says, kind: conversation.KindIntake, contains: []string{"what is their name?"}, lacks: []string{"the request is for"}},
			{says: "Tom Hill", kind: conversation.KindIntake, contains: []string{"what would you like the council to do?"}},
		})
	}
}

// A resident's own records, named beside a relative, are their own request, due in a month: the
// chat's own reader of "for my mum" filed "delete my old address, I moved in to care for my mum"
// for the mum, with no date (a review). Where either may be meant ("my data for my grandson"),
// whose is asked, of any relative the classifier knows; someone else's records are still theirs.
func TestOwnRecordsBesideARelativeAreTheResidentsOwn(t *testing.T) {
	for _, says := range []string{"Please delete my old address, I moved in to care for my mum",
		"I want a copy of my housing file for my son's school application", "please delete my account, my sons name is on it too",
		"I want a copy of my data, I look after my nephew"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"your data", "within one calendar month", "full name"}, lacks: []string{"your own records, or", "proof that you may act"}},
				{says: "Kate Hill", contains: []string{"contact you"}},
				{says: "kate@example.com"}, {says: "skip"}, {says: "as above"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.False(t, cases[0].Requester.OnBehalfOf)
			assert.False(t, cases[0].Due.IsZero())
		})
	}
	for says, who := range map[string]string{"I'd like my data for my grandson": "grandson's", "I'd like my data for my nephew": "nephew's",
		"I'd like my data for my mum": "mum's", "I want a copy of my records for my kids": "kids'"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindIntake, contains: []string{"your own records, or for your " + who + "?"}},
			{says: "my " + who, contains: []string{"proof that you may act for them", "full name"}},
		})
	}
	for _, says := range []string{"please delete my son's account", "I want a copy of the records you hold for my nephew", "delete my mum's new address from your records"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindIntake, contains: []string{"their data", "proof that you may act for them"}, lacks: []string{"your own records, or"}},
		})
	}
}

// Another person's detail to come off, or go on, the resident's own records is the resident's
// request, not a request for someone else's details: "I don't want my ex-husband's address on my
// records any more" was refused, its "don't want" read as wanting the address (a review). Asking
// to be given someone's details is still refused.
func TestAnothersDetailOnTheResidentsRecordsIsTheirRequest(t *testing.T) {
	for says, typ := range map[string]string{"I don't want my ex-husband's address on my records any more": "erasure",
		"I want my ex's phone number taken off my account": "erasure", "I want my mum's new address put on my account": "rectification",
		"please take my ex's number off my file": "erasure"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"another person's details", "their data", "proof that you may act"}},
				{says: "Kate Hill", contains: []string{"contact you"}},
				{says: "kate@example.com"}, {says: "skip"}, {says: "as above"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, typ, string(cases[0].Type))
			assert.False(t, cases[0].Requester.OnBehalfOf)
			assert.False(t, cases[0].Due.IsZero())
		})
	}
	for _, says := range []string{"I want my ex's phone number", "I don't have it any more, can you give me my ex's phone number", "can you give me my nephew's address"} {
		bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp, contains: []string{"doesn't give out another person's details"}}})
		assert.Empty(t, q.cases(), says)
	}
}

// The second of two requests in one message is whose its own words say: "… for my mum and I want
// my address corrected", answered "hers", filed the address for the mum with no date (a review).
// Words that say nothing of whose ("and then delete them") are about the first request's records.
func TestTheSecondRequestIsWhoseItsOwnWordsSay(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my records for my mum and I want my address corrected", contains: []string{"your own records, or for your mum's?"}},
		{says: "hers"}, {says: "Kate Hill"}, {says: "Ann Hill"}, {says: "kate@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Right to rectification"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"correcting inaccurate data", "within one calendar month"}, lacks: []string{"their data", "proof that you may act"}},
		{says: "skip"}, {says: "as above", contains: []string{"Name: Kate Hill"}, lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	assert.True(t, cases[0].Requester.OnBehalfOf)
	assert.Equal(t, "rectification", string(cases[1].Type))
	assert.False(t, cases[1].Requester.OnBehalfOf)
	assert.False(t, cases[1].Due.IsZero())

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my mum's records and then delete them", contains: []string{"their data"}},
		{says: "Kate Hill"}, {says: "Ann Hill"}, {says: "kate@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"deleting their data"}},
		{says: "skip"}, {says: "as above", contains: []string{"On behalf of: Ann Hill"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases = q.cases()
	require.Len(t, cases, 2)
	assert.True(t, cases[1].Requester.OnBehalfOf)
}

// A request of another type said beside a danger, while a request is taken, is a request of its
// own, offered once this one is sent, after the safeguarding reply: "Stop sending letters to my
// address" during a request for a copy was added to the copy's details (a review). One of the same
// type is still kept with the request's words.
func TestARequestOfAnotherTypeSaidBesideADangerIsItsOwn(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
		{says: "He hit me. Stop sending letters to my address.", kind: conversation.KindSafeguarding,
			contains: []string{"If anyone is in immediate danger, call 999.\nCall the safeguarding team.", `"Stop sending letters to my address."`, "Right to object", "Your request is still open"},
			lacks:    []string{"I've kept"}},
		{says: "my housing file", contains: []string{"Shall I send"}, lacks: []string{"Stop sending letters"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Right to object"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}},
		{says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	assert.Equal(t, "access", string(cases[0].Type))
	assert.NotContains(t, cases[0].Description, "Stop sending letters")
	assert.Equal(t, "objection", string(cases[1].Type))
	assert.Contains(t, cases[1].Description, "Stop sending letters to my address.")
}

// "Yes" to "your own records, or your mum's?" is told what to say, not "Sorry, I didn't follow"
// again and again (a QA pass); "my own" then takes it.
func TestAYesToWhoseRecordsIsToldTheChoices(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I'd like to request my data for my mum", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindIntake, contains: []string{`"my own" or "my mum's"`}, lacks: []string{"didn't follow"}},
		{says: "my own", kind: conversation.KindIntake, contains: []string{"full name"}},
	})
}

// Saying at the details step that the request is for someone else, with what they want in the
// same message, keeps what they want (a QA pass lost "her address should be 2 Low Rd"); saying
// only whose it is adds nothing.
func TestWhatTheyWantIsKeptWhenTheRequestTurnsOutToBeForSomeoneElse(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my address is wrong", kind: conversation.KindIntake},
		{says: "Milton Keynes", kind: conversation.KindIntake},
		{says: "Jo Smith", kind: conversation.KindIntake},
		{says: "jo.smith@example.org", kind: conversation.KindIntake},
		{says: "skip", kind: conversation.KindIntake},
		{says: "it is for my mum, her address should be 2 Low Rd", kind: conversation.KindIntake},
		{says: "Mary Smith", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"2 Low Rd"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Contains(t, q.cases()[0].Description, "her address should be 2 Low Rd")
	assert.Equal(t, "Mary Smith", q.cases()[0].Requester.OnBehalfOfWhom)
}

// A form sent from a chat in which the bot gave the safeguarding contacts carries the note for the
// team, and nothing of what was said; one from another chat carries none (a review: untested).
func TestAFormFromAChatThatToldOfRiskIsNoted(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	first := script(t, bot, "Milton Keynes", []line{{says: "my ex is threatening to kill me", kind: conversation.KindSafeguarding}})
	for i, session := range []string{first.Session, ""} {
		_, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: "Jo Bloggs",
			Contact: "jo@example.org", Description: "my housing file", Channel: "web", Session: session, IdempotencyKey: fmt.Sprintf("form-%d", i)})
		require.NoError(t, err)
	}
	cases := q.cases()
	require.Len(t, cases, 2)
	assert.Contains(t, cases[0].Description, "risk to someone's safety")
	assert.NotContains(t, cases[0].Description, "kill")
	assert.NotContains(t, cases[1].Description, "risk to someone's safety")
}
