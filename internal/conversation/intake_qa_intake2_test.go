package conversation_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An address spelt out with a name before "at" ("priya patel at gmail dot com") keeps the name:
// it was offered as patel@gmail.com, and a "yes" would have had the team write to a stranger (a
// QA pass). Whether the words are joined with a dot is not said, so both are offered and the
// resident says which; an address spelt out whole is offered as before.
func TestASpokenEmailKeepsTheNameBeforeAt(t *testing.T) {
	for _, tc := range []struct{ says, pick, want, offered, other string }{
		{"priya patel at gmail dot com", "the first", "priya.patel@gmail.com", "did you mean priya.patel@gmail.com or priyapatel@gmail.com?", ""},
		{"my email is priya patel at gmail dot com", "the second", "priyapatel@gmail.com", "did you mean priya.patel@gmail.com or priyapatel@gmail.com?", ""},
		{"john dot smith at yahoo dot co dot uk", "yes", "john.smith@yahoo.co.uk", "did you mean john.smith@yahoo.co.uk?", ""},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Priya Patel", "", ""),
				line{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.offered}, lacks: []string{"did you mean patel@"}},
				line{says: tc.pick, kind: conversation.KindIntake, contains: []string{tc.want, "service"}},
				line{says: "skip"},
				line{says: "all of it", contains: []string{"Contact: " + tc.want}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, tc.want, cases[0].Requester.Contact.Value)
		})
	}
}

// A danger said with the contact ("my email is … but my husband reads it and hes violent") is
// not taken as the contact: the resident is told where to turn, the address the one they fear
// reads is not used, one safe to use is asked for, and the case is flagged and noted for the team
// (a QA pass: the address was taken and the request moved on, with nothing said or noted).
func TestADangerSaidWithTheContactIsNotTakenAsIt(t *testing.T) {
	for _, says := range []string{
		"my email is jsmith@outlook.com but my husband reads it and hes violent",
		"jsmith@outlook.com - my partner checks my emails though and I'm scared of him",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Smith", "", ""),
				line{says: says, kind: conversation.KindSafeguarding,
					contains: []string{"999", "0808 2000 247", "won't use jsmith@outlook.com", "safe for you", "still open"},
					lacks:    []string{"service"}},
				line{says: "07700 900123", kind: conversation.KindIntake, contains: []string{"service"}},
				line{says: "skip"},
				line{says: "all of it", contains: []string{"Contact: 07700 900123"}, lacks: []string{"jsmith@outlook.com", "Note for the team", "afraid", "at risk"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			c := cases[0]
			assert.True(t, c.Safeguarding, "the case is flagged")
			assert.Equal(t, "07700 900123", c.Requester.Contact.Value)
			assert.Contains(t, c.Description, "check it is safe to contact them")
			assert.NotContains(t, c.Description, "jsmith@outlook.com")
		})
	}

	// The same contact given again is asked about before it is used: theirs to choose.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Smith", "", ""),
		line{says: "my email is jsmith@outlook.com but my husband reads it and hes violent", kind: conversation.KindSafeguarding},
		line{says: "jsmith@outlook.com", kind: conversation.KindIntake, contains: []string{"someone you're afraid of can see jsmith@outlook.com", "safe to use after all"}, lacks: []string{"service"}},
		line{says: "yes", kind: conversation.KindIntake, contains: []string{"jsmith@outlook.com", "service"}},
		line{says: "skip"}, line{says: "all of it"}, line{says: "yes", kind: conversation.KindSubmitted}))
	require.Len(t, q.cases(), 1)
	assert.True(t, q.cases()[0].Safeguarding)
	assert.Contains(t, q.cases()[0].Description, "check it is safe to contact them")
}

// The same request made again the same day in a new chat, the e-mail address or the name typed
// with other capitals or spacing, is the case made first (a QA pass: each made a second case).
// A request of another type, to another council, or saying something else is still its own.
func TestTheSameRequestTypedDifferentlyTheSameDayIsOneCase(t *testing.T) {
	request := func(first, org, name, contact, details string) []line {
		return []line{{says: first, kind: conversation.KindIntake}, {says: org}, {says: name}, {says: contact}, {says: "skip"}, {says: details},
			{says: "yes", kind: conversation.KindSubmitted}}
	}
	const access = "I want a copy of my data"
	for _, tc := range []struct {
		name  string
		again []line
		cases int
	}{
		{"the e-mail's capitals", request(access, "Milton Keynes", "John Smith", "John.Smith@example.com", "my housing file"), 1},
		{"the name in lower case", request(access, "Milton Keynes", "john  smith", "John.Smith@Example.com", "my housing file"), 1},
		{"other details", request(access, "Milton Keynes", "John Smith", "John.Smith@Example.com", "my council tax file"), 2},
		{"another council", request(access, "Buckinghamshire", "John Smith", "John.Smith@Example.com", "my housing file"), 2},
		{"another right", request("please delete my data", "Milton Keynes", "John Smith", "John.Smith@Example.com", "my housing file"), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			first := script(t, bot, "", request(access, "Milton Keynes", "John Smith", "John.Smith@Example.com", "my housing file"))
			again := script(t, bot, "", tc.again)
			assert.Len(t, q.cases(), tc.cases)
			if tc.cases == 1 {
				assert.Equal(t, first.Reference, again.Reference)
				assert.Contains(t, again.Answer.Answer, "You already sent this request")
			} else {
				assert.NotEqual(t, first.Reference, again.Reference)
			}
		})
	}
}

// A long name, as many cultures have, is taken up to the name's limit (200 characters), in the
// chat and on the form; one refused is told why (a QA pass: "Maria Fernanda de los Angeles
// Rodriguez-Villanueva y Garcia-Montenegro" was asked for a name again and again, with no reason).
func TestALongNameIsTaken(t *testing.T) {
	const long = "Maria Fernanda de los Angeles Rodriguez-Villanueva y Garcia-Montenegro"
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: long, kind: conversation.KindIntake, contains: []string{"contact"}, lacks: []string{"Please give your name"}},
		{says: "maria@example.com"}, {says: "skip"}, {says: "all of it", contains: []string{"Name: " + long}},
		{says: "yes", kind: conversation.KindSubmitted}})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, long, q.cases()[0].Requester.Name)

	rep, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: long + " de la Cruz",
		Contact: "maria@example.com", Description: "all of it", Channel: "slack"})
	require.NoError(t, err)
	assert.Equal(t, conversation.KindSubmitted, rep.Kind)

	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "well it is kind of long so here goes then", kind: conversation.KindIntake, contains: []string{"reads as a sentence", "A long name is fine", "full name"}},
		{says: "Jo Smith 2", kind: conversation.KindIntake, contains: []string{"no digits", "full name"}},
	})
}

// An unusual address the resident says is right, after "did you mean …?", is kept as typed: "no,
// it's right", or the address typed again after a "no" (a QA pass: "OK, I won't use it", and the
// same question every time it was typed). One the team's queue can't take is refused, saying why.
func TestAnAddressSaidToBeRightIsKeptAsTyped(t *testing.T) {
	const typed = "jsmith@hotmial.co.uk"
	asked := "did you mean jsmith@hotmail.co.uk?"
	for _, tc := range []struct {
		name  string
		lines []line
	}{
		{"no it's right", []line{{says: typed, contains: []string{asked}}, {says: "no its right", contains: []string{"keep " + typed + " as you typed it", "service"}}}},
		{"no, that's correct", []line{{says: typed, contains: []string{asked}}, {says: "No, that's correct.", contains: []string{"as you typed it"}}}},
		{"typed again after a no", []line{{says: typed, contains: []string{asked}}, {says: "no", contains: []string{"won't use it"}},
			{says: typed, contains: []string{"keep " + typed + " as you typed it", "service"}, lacks: []string{"did you mean"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(append(upTo("I want a copy of my data", "John Smith", "", ""), tc.lines...),
				line{says: "skip"}, line{says: "all of it", contains: []string{"Contact: " + typed}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			require.Len(t, q.cases(), 1)
			assert.Equal(t, typed, q.cases()[0].Requester.Contact.Value)
		})
	}
	// "that's right" still says yes to the address offered.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "John Smith", "", ""),
		line{says: typed, contains: []string{asked}}, line{says: "that's right", contains: []string{"jsmith@hotmail.co.uk", "service"}, lacks: []string{"as you typed"}}))
}

// The summary shown to the resident, on a screen someone else may see, says nothing of a risk
// the chat read: the note is on the case, for the team, first in its description (a QA pass
// showed "Note for the team: … a risk to someone's safety" on screen).
func TestTheSummaryShowsNoNoteOfARisk(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "my ex is violent and he's threatening me", kind: conversation.KindSafeguarding},
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "07700 900123"}, {says: "skip"},
		{says: "all of it", contains: []string{"Your request:", "Contact: 07700 900123", "Shall I send this"},
			lacks: []string{"Note for the team", "risk", "safeguarding", "partner"}},
		{says: "yes", kind: conversation.KindSubmitted}})
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.True(t, c.Safeguarding)
	assert.Contains(t, c.Description, "Note from the chat: In this conversation the requester said something the chat read as a risk")
	assert.Contains(t, c.Description, "check it is safe to contact them")
}
