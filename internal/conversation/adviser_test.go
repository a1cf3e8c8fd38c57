package conversation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/rights"
)

// logged plays an adviser's chat (the phone channel, scoped to org as the CLI's /org scopes it,
// or to none): "/request typ", then lines, each reply checked as script checks them. It returns
// the last reply.
func logged(t *testing.T, bot *conversation.Bot, org string, typ rights.Type, lines []line) conversation.Reply {
	t.Helper()
	ctx := context.Background()
	turn := conversation.Turn{Session: "desk-1", Channel: "phone", Org: org, Text: "/request " + string(typ), MessageID: "desk-1/0"}
	rep, err := bot.StartIntake(ctx, turn, typ)
	require.NoError(t, err)
	for i, l := range lines {
		turn.Session, turn.Text, turn.MessageID = rep.Session, l.says, fmt.Sprintf("desk-1/%d", i+1)
		rep, err = bot.Reply(ctx, turn)
		require.NoError(t, err, "line %d: %q", i, l.says)
		l.check(t, i, rep)
	}
	return rep
}

// assertOnBehalf checks the one case filed: the caller's request for someone else, waiting for
// proof of authority with no due date, and nothing in it saying the request's first words (a
// command has none) read otherwise.
func assertOnBehalf(t *testing.T, q queue, requester, whom string) {
	t.Helper()
	cases := q.cases()
	require.Len(t, cases, 1)
	c := cases[0]
	assert.Equal(t, requester, c.Requester.Name)
	assert.True(t, c.Requester.OnBehalfOf, "on behalf of someone else")
	assert.Equal(t, whom, c.Requester.OnBehalfOfWhom)
	assert.True(t, c.Due.IsZero(), "no due date until proof of authority arrives: %v", c.Due)
	assert.NotContains(t, c.Description, "first words")
}

// An adviser says the caller's request is for someone else as advisers speak, of the caller in
// the third person: at the name step it takes the on-behalf path "it's for my mum" takes, not
// "Please give the requester's name", and the caller's own name and the other person's may come
// in one line. A QA pass filed "caller is Tom Baker, calling for his son Liam Baker" as Tom's own
// request, with a firm due date and Liam's name nowhere.
func TestAnAdviserSaysTheRequestIsForSomeoneElseInTheThirdPerson(t *testing.T) {
	for _, says := range []string{"it's for her husband", "on behalf of her son", "for his mum", "she is calling on behalf of her mother",
		"the caller is acting for her mum", "it's not for the caller, it's for her son", "it's for someone else", "for the caller's dad"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			logged(t, bot, "", rights.Access, []line{
				{says: "MK"},
				{says: says, kind: conversation.KindIntake, contains: []string{"their name next", "proof", "starts when that arrives", "requester's full name"}, lacks: []string{"Please give"}},
				{says: "Ann Lee", contains: []string{"what is that person's name?"}},
				{says: "Sam Lee"}, {says: "ann@example.com"}, {says: "skip"},
				{says: "the file", contains: []string{"On behalf of: Sam Lee", "their data"}},
				{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that they may act for them"}, lacks: []string{"must respond by"}},
			})
			assertOnBehalf(t, q, "Ann Lee", "Sam Lee")
		})
	}

	// Both names in one line: the caller's, then the person's, and on to the contact.
	for says, names := range map[string][2]string{
		"caller is Tom Baker, calling for his son Liam Baker":      {"Tom Baker", "Liam Baker"},
		"Tom Baker for his son Liam Baker":                         {"Tom Baker", "Liam Baker"},
		"her name is Linda Croft, on behalf of her mum Joan Croft": {"Linda Croft", "Joan Croft"},
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			logged(t, bot, "", rights.Access, []line{
				{says: "MK"},
				{says: says, contains: []string{"the request is for " + names[1], "proof", "contact the requester"}},
				{says: "07700 900123"}, {says: "skip"}, {says: "his school records"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			assertOnBehalf(t, q, names[0], names[1])
		})
	}

	// Said at the summary: the request becomes one for someone else there, their name asked if
	// not given, and back to the summary.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "the school file"},
		{says: "it's for his son Liam Baker", contains: []string{"the request is for Liam Baker", "On behalf of: Liam Baker", "yes / no"}, lacks: []string{"Please answer yes"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Ann Lee", "Liam Baker")
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "the school file"},
		{says: "it's for her son", contains: []string{"what is that person's name?"}},
		{says: "Liam Lee", contains: []string{"On behalf of: Liam Lee", "yes / no"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Ann Lee", "Liam Lee")

	// In the details, "for her son's school" is what the request is about, not whom it is for.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"},
		{says: "the letters she sent for her son's school place", lacks: []string{"On behalf of"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.False(t, q.cases()[0].Requester.OnBehalfOf)
}

// What the chat tells the team of a request logged with /request says something: no note that
// "the request's first words read as the requester's own" (a command has no first words), and no
// "Said with the contact: her number is …" for a contact given with its label; what is said with
// a contact that says something ("she works nights") is still noted (a QA pass).
func TestARequestLoggedByCommandHasNoNoteThatSaysNothing(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "it's for my mum"}, {says: "Ann Lee"}, {says: "Joan Lee"},
		{says: "her number is 07700 900123"}, {says: "skip"},
		{says: "her care file", lacks: []string{"Note for the team", "Said with the contact"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Ann Lee", "Joan Lee")
	assert.Equal(t, "her care file", q.cases()[0].Description)

	for _, says := range []string{"his mobile is 07700 900123", "she says use 07700 900123", "the caller's number is 07700 900123"} {
		bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		logged(t, bot, "", rights.Access, []line{{says: "MK"}, {says: "Ann Lee"}, {says: says}, {says: "skip"}, {says: "her file"}, {says: "yes"}})
		require.Len(t, q.cases(), 1, says)
		assert.Equal(t, "her file", q.cases()[0].Description, says)
	}

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{{says: "MK"}, {says: "Ann Lee"}, {says: "07700 900123, she works nights"}, {says: "skip"}, {says: "her file"}, {says: "yes"}})
	require.Len(t, q.cases(), 1)
	assert.Contains(t, q.cases()[0].Description, "Said with the contact: …, she works nights")
}

// An adviser's correction of a name changes the name it is of, and only the part it corrects: a
// surname "spelt Aly" is the surname, a name spelt out letter by letter is the word it spells, and
// the name of the person the request is for ("his dad's name is …") is theirs, never the
// requester's. A QA pass changed a name to "Mohammed spelt" and to "A-L-Y", put the dad's name in
// place of the requester's, and refused "the dad's name is …" at the contact step as no e-mail.
func TestAnAdvisersNameCorrectionChangesTheNameItCorrects(t *testing.T) {
	for says, want := range map[string]string{
		"her surname is spelt Aly":        "Mohammed Aly",
		"sorry, her name is spelt A-L-Y":  "Mohammed Aly",
		"her surname is spelt A-L-Y":      "Mohammed Aly",
		"her last name is actually Aly":   "Mohammed Aly",
		"sorry, her name is Mohamed Ali":  "Mohamed Ali",
		"her first name is spelt Mohamed": "Mohamed Ali",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			rep := logged(t, bot, "", rights.Access, []line{
				{says: "MK"}, {says: "Mohammed Ali"}, {says: "07700 900123"}, {says: "skip"}, {says: "her file"},
				{says: says, contains: []string{"Name: " + want, "yes / no"}},
			})
			assert.Equal(t, want, rep.Intake.Fields["name"])
		})
	}
	// A word the name has nothing near: which part it replaces is asked, and nothing changes.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Mohammed Ali"}, {says: "07700 900123"}, {says: "skip"}, {says: "her file"},
		{says: "her name is spelt Khan", contains: []string{"full name as it should be"}},
	})
	assert.Equal(t, "Mohammed Ali", rep.Intake.Fields["name"])

	// The name of the person the request is for, at the summary and at another step.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "it's for his dad"}, {says: "Tom Wilson"}, {says: "Frank Wilson"}, {says: "07700 900123"}, {says: "skip"}, {says: "his file"},
		{says: "his dad's name is Francis Wilson", contains: []string{"changed the name of the person the request is for to Francis Wilson", "Name: Tom Wilson", "On behalf of: Francis Wilson"},
			lacks: []string{"requester's full name"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Tom Wilson", "Francis Wilson")
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "it's for his dad"}, {says: "Tom Wilson"}, {says: "Frank Wilson"},
		{says: "sorry the dad's name is Francis Wilson not Frank", contains: []string{"changed the name of the person the request is for to Francis Wilson", "contact the requester"},
			lacks: []string{"doesn't look like"}},
		{says: "07700 900123"}, {says: "skip"}, {says: "his file"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Tom Wilson", "Francis Wilson")

	// The adviser called the caller "her" ("for her husband"): "his surname" is the husband's.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "it's for her husband"}, {says: "Linda Croft"}, {says: "Brian Croft"}, {says: "07700 900123"}, {says: "skip"}, {says: "his file"},
		{says: "his surname is spelt C-R-O-F-T-E", contains: []string{"On behalf of: Brian Crofte", "Name: Linda Croft\n"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	assertOnBehalf(t, q, "Linda Croft", "Brian Crofte")
}

// An adviser whose chat is scoped to one council (the CLI's /org) logs a caller who meant another:
// the caller's correction moves the request there, as in a chat scoped to none, and the adviser is
// told their scope, whose notices answer questions, stays. A QA pass was told to cancel, and a
// "yes" filed it with Buckinghamshire. A council's own widget still takes its requests only.
func TestAnAdviserScopedToACouncilMovesTheRequestToTheCouncilMeant(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "Buckinghamshire Council", rights.Access, []line{
		{says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "her housing file", contains: []string{"Council: Buckinghamshire Council"}},
		{says: "actually I meant Milton Keynes", contains: []string{"changed the council to Milton Keynes City Council", "still answered from Buckinghamshire Council's notices",
			"Council: Milton Keynes City Council"}, lacks: []string{"cancel"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Milton Keynes City Council", q.cases()[0].Organisation)

	// "wrong council" without which: asked, and on through the steps not yet answered.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "Buckinghamshire Council", rights.Access, []line{
		{says: "Ann Lee"}, {says: "ann@example.com"},
		{says: "sorry wrong council", contains: []string{"Which council"}},
		{says: "MK", contains: []string{"service"}}, {says: "skip"}, {says: "her file", contains: []string{"Council: Milton Keynes City Council"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Milton Keynes City Council", q.cases()[0].Organisation)
	assert.Empty(t, q.cases()[0].Service)

	// A resident on Buckinghamshire's widget is told whom to ask.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire Council", []line{
		{says: "I want a copy of my data"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "my housing file"},
		{says: "actually I meant Milton Keynes", contains: []string{"takes requests for Buckinghamshire Council only"}},
	})
	assert.Empty(t, q.cases())
}

// "What do I tell her?" after logging a caller's request says where that request stands, to read
// out (a QA pass: "the notices don't answer that", with both councils' contacts).
func TestWhatToTellTheCallerAfterLogging(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "her housing file"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "what do I tell her?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001"}, lacks: []string{"don't answer that"}},
	})
}

// A review of the adviser's fixes: a new caller's question is not read the last caller's request;
// a name in a request's details is what it is about, not a correction; a relative word naming a
// service ("child benefit", "carer's assessment") is no request for someone else.
func TestAdviserFixesReview(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"}, {says: "her housing file"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "new caller asks about CCTV, what do I tell him?", lacks: []string{"DPO-2026-000001"}},
	})

	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my name is wrong on my council tax account", kind: conversation.KindIntake},
		{says: "Milton Keynes"}, {says: "Jane Jones"}, {says: "jane@example.com"}, // the service was in the first message
		{says: "my surname Jones should be Smith since I married", lacks: []string{"I've changed your name"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Jane Jones", q.cases()[0].Requester.Name)
	assert.Contains(t, q.cases()[0].Description, "should be Smith since I married")

	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Milton Keynes"}, {says: "Jane Jones"}, {says: "jane@example.com"}, {says: "skip"},
		{says: "it's for my child benefit claim", lacks: []string{"their name", "that person's name"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.False(t, q.cases()[0].Requester.OnBehalfOf, "the resident's own request")
	assert.False(t, q.cases()[0].Due.IsZero(), "due in a month")
}

// The name of the person a caller's request is for is the name said beside who they are to the
// caller, wherever it comes in the reply; who they are alone ("mum", "my mother"), or a
// sentence's first capitalised word, is no name (a QA pass filed "On behalf of: Copy" from "Copy
// of all records about her mother Margaret Whitfield", and took "mum" and "Dad" for names).
func TestTheNameOfWhomACallersRequestIsForIsTakenFromBesideWhoTheyAre(t *testing.T) {
	const first = "caller wants a copy of the records we hold on her elderly mother, she has power of attorney"
	for _, says := range []string{"her mum Margaret Whitfield", "Copy of all records about her mother Margaret Whitfield", "Margaret Whitfield (mother)"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
			scriptOn(t, bot, "phone", "desk-name", "Milton Keynes", []line{
				{says: first}, {says: "Sarah Whitfield", contains: []string{"what is that person's name?"}},
				{says: says, contains: []string{"contact the requester"}},
				{says: "07700 900123"}, {says: "skip"},
				{says: "all her care records", contains: []string{"On behalf of: Margaret Whitfield"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			assertOnBehalf(t, q, "Sarah Whitfield", "Margaret Whitfield")
		})
	}
	for _, says := range []string{"mum", "Dad", "my mother", "Copy of all records"} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
			scriptOn(t, bot, "phone", "desk-name", "Milton Keynes", []line{
				{says: first}, {says: "Sarah Whitfield"},
				{says: says, kind: conversation.KindIntake, contains: []string{"Please give the name of the person the request is for", "what is that person's name?"}},
				{says: "Margaret Whitfield", contains: []string{"contact the requester"}},
			})
		})
	}
}

// A request an adviser says came by letter, e-mail or voicemail, or on an earlier day, is not
// promised a month from the call: the first reply says the month runs from the day it arrived
// and how to log it with that day, the date filled in when the message gives one; and the
// summary shows the day and the way it is filed with, so a wrong one is caught (a QA pass filed a
// letter of a week before as a call received that day).
func TestARequestThatArrivedEarlierIsLoggedWithItsDay(t *testing.T) {
	now := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	for says, command := range map[string]string{
		"we got a letter last week (1 Dec) from Mr Jones asking for a copy of all his records": "/request access --received 2026-12-01 --via post",
		"Mr Jones emailed us yesterday asking for a copy of his records":                       "/request access --received 2026-12-07 --via email",
		"caller left a voicemail asking for a copy of all her records":                         "/request access --received YYYY-MM-DD --via phone",
		"caller rang on 30th November asking for a copy of all his records":                    "/request access --received 2026-11-30 --via phone",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, now)
			scriptOn(t, bot, "phone", "desk-arrived", "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"time limit runs from the day it reached the council", command},
					lacks: []string{"by Friday 8 January 2027"}},
			})
		})
	}

	bot, q := newBot(t, now)
	scriptOn(t, bot, "phone", "desk-arrived", "Milton Keynes", []line{
		{says: "caller wants a copy of all her records", contains: []string{"by Friday 8 January 2027"}, lacks: []string{"reached the council"}},
		{says: "Ann Lee"}, {says: "ann@example.com"}, {says: "skip"},
		{says: "her housing file", contains: []string{"- Received: Tuesday 8 December 2026, by phone\n"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	// A resident's summary has no such line: the request arrives as it is typed.
	bot, _ = newBot(t, now)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Ann Lee", "ann@example.com", "skip"),
		line{says: "my housing file", contains: []string{"Shall I send"}, lacks: []string{"Received:"}}))
}
