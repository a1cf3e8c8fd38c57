package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// asideIsNoAlarm says aside at the service step of a request, which goes on to be sent: the step
// is asked again, with no emergency contacts, and the case is not flagged.
func asideIsNoAlarm(t *testing.T, aside string) {
	bot, q := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
		{says: "jo@example.com", kind: conversation.KindIntake, contains: []string{"Which council service"}},
		{says: aside, kind: conversation.KindIntake, lacks: []string{"999", "safeguarding"}},
		{says: "skip"}, {says: "my housing file"},
		{says: "yes", kind: conversation.KindSubmitted, lacks: []string{"risk to someone's safety"}},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.False(t, cases[0].Safeguarding)
}

// A resident back from seeing to their children mid-request is asked the step again, not given
// the emergency contacts: "sorry had to go and get the kids, where was I?" at the service step
// got "If anyone is in immediate danger, call 999", and the case was flagged and its summary told
// the resident they "said something the chat read as a risk to someone's safety" (a QA pass).
func TestBackFromTheKidsMidRequestIsNoAlarm(t *testing.T) {
	for _, says := range []string{
		"sorry had to go and get the kids, where was I?",
		"sorry, had to pick up the kids",
		"back now, had to sort the kids out",
		"sorry the baby was crying, where were we",
	} {
		t.Run(says, func(t *testing.T) { asideIsNoAlarm(t, says) })
	}
}

// The same aside in other words, from a verifying QA pass: 6 of 10 still raised the alarm and
// flagged the case. Real danger told the same way still does.
func TestOrdinaryChildcareAsidesMidRequestAreNoAlarm(t *testing.T) {
	for _, says := range []string{
		"the kids were screaming so I had to go, can I carry on with my request",
		"back now, my toddler fell over and was crying. can we carry on?",
		"had to pop out to pick up my son, where were we",
		"sorry my little boy hurt himself, I'm back now",
		"I'm back, had to stop my two fighting over the ipad",
		"my son was screaming the house down, sorry, carry on",
	} {
		t.Run(says, func(t *testing.T) { asideIsNoAlarm(t, says) })
	}
	for _, says := range []string{
		"sorry, I had to get the kids out, he's smashing the place up",
		"sorry, my son is screaming because his dad hit him",
		"back now, the baby was crying because he hit her",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
				{says: "jo@example.com", kind: conversation.KindIntake, contains: []string{"Which council service"}},
				{says: says, contains: []string{"999"}},
			})
		})
	}
}

// A question the notices can't answer, asked before the details are asked for, is told how to
// put it to the team where the request is: at the council or the name, "write the question into
// the details" asked for what hadn't been asked yet (a QA pass). Before the details it is "when I
// ask for them", as it is at every step before them; at the summary, by saying "the details".
func TestAQuestionTheNoticesDontAnswerIsToldWhereToPutIt(t *testing.T) {
	const asked = "how many parking tickets did you issue last year?"
	later := "add the question to the details when I ask for them"
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: asked, kind: conversation.KindIntake, contains: []string{later, "which council"}, lacks: []string{"write the question into the details"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: asked, kind: conversation.KindIntake, contains: []string{later, "full name"}, lacks: []string{"write the question into the details"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake},
		{says: asked, kind: conversation.KindIntake, contains: []string{later, "contact"}},
		{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip", kind: conversation.KindIntake, contains: []string{"what would you like"}},
	})
}
