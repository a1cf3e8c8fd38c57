package conversation_test

import (
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
