package conversation_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// What is held about the writer, asked, is answered from the notices and a copy of their data
// offered, one "yes" away; asked to be sent or shown it, the request is taken (a web QA pass:
// "what info does customer services hold about me" went straight to "Which council is this
// request for?").
func TestWhatIsHeldAskedIsAnsweredAndOffered(t *testing.T) {
	// "yes" asks which council, unless the question named a service only one council's notices
	// cover ("customer services" is Milton Keynes's notice), whose request it then is.
	for says, then := range map[string]string{
		"what info does customer services hold about me": "this request goes to its data protection team",
		"what data do you have on me":                    "Which council",
		"what do you hold about me?":                     "Which council",
		"which of my details does housing keep":          "Which council",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: says, kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access", "say \"yes\""},
					lacks: []string{"Which council is this request for"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{then}},
			})
			assert.Empty(t, q.cases())
		})
	}
	// An order after a comma is one as after a "?" (a review: "…, send it to me" was answered).
	for _, says := range []string{"i want to see what you hold about me", "please send me everything you hold on me",
		"what do you hold about me, send it to me", "what do you hold about me? send it to me"} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			script(t, bot, "", []line{{says: says, kind: conversation.KindIntake, contains: []string{"Right of access", "Which council"}}})
		})
	}
}

// A question asked at the council or name step is answered and the step asked again: never taken
// for the council, unless a council is said on its own beside it, nor for a name (an adviser's QA
// pass: the next caller's "i live in aylesbury, whats the dpo phone number" was taken for the
// council, and "who is the dpo" refused as a name; "wait, how long do you keep complaint records
// anyway?" was told to cancel the request to ask it).
func TestAQuestionAtTheCouncilOrNameStepIsAnswered(t *testing.T) {
	bot, q := newBot(t, qaNow)
	last := script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "i live in aylesbury, whats the dpo phone number", kind: conversation.KindIntake, contains: []string{"still open", "which council"},
			lacks: []string{"full name"}},
	})
	require.NotNil(t, last.Intake)
	assert.Empty(t, last.Intake.Fields["organisation"], "no council taken from a question")
	last = script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "milton keynes, who is the dpo?", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "who is the dpo", kind: conversation.KindIntake, contains: []string{"still open", "full name"}, lacks: []string{"doesn't look like a name", "Please give your name"}},
		{says: "wait, how long do you keep complaint records anyway?", kind: conversation.KindIntake,
			contains: []string{"6 years", "still open", "full name"}, lacks: []string{"cancel\" to stop it and ask"}},
		{says: "Sandra Okafor", kind: conversation.KindIntake, contains: []string{"contact"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Sandra Okafor", last.Intake.Fields["name"])
	assert.Empty(t, q.cases())
}

// The name of the person a request is for, said at its first steps ("his name is Harold Finch"),
// is kept, in whatever case it is typed, and not asked for again; what comes before it answers
// the step (a QA pass asked for the father's name later).
func TestTheirNameSaidEarlyIsKept(t *testing.T) {
	for name, lines := range map[string][]line{
		"in lower case in the first message": {{says: "i want a copy of my dads records his name is harold finch"}, {says: "Milton Keynes"}},
		"at the whose step":                  {{says: "I'd like to request my data for my dad"}, {says: "his, his name is Harold Finch"}, {says: "Milton Keynes"}},
		"at the whose step, alone":           {{says: "I'd like to request my data for my dad"}, {says: "his name is Harold Finch"}, {says: "Milton Keynes"}},
		"at the council step":                {{says: "I want a copy of my dad's records"}, {says: "Milton Keynes, his name is Harold Finch", contains: []string{"Harold Finch", "full name"}}},
	} {
		t.Run(name, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "", append(lines,
				line{says: "Sam Finch", kind: conversation.KindIntake, contains: []string{"contact"}, lacks: []string{"what is their name"}}))
			require.NotNil(t, last.Intake)
			assert.True(t, strings.EqualFold("Harold Finch", last.Intake.Fields["on_behalf_of"]), "their name: %q", last.Intake.Fields["on_behalf_of"])
			assert.Equal(t, "Sam Finch", last.Intake.Fields["name"])
			assert.Equal(t, "Milton Keynes City Council", last.Intake.Fields["organisation"])
		})
	}
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "", []line{{says: "I want a copy of my dad's records"}, {says: "Milton Keynes"},
		{says: "Sam Finch, his name is Harold Finch", kind: conversation.KindIntake, contains: []string{"Harold Finch", "contact"}}})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Harold Finch", last.Intake.Fields["on_behalf_of"])
	assert.Equal(t, "Sam Finch", last.Intake.Fields["name"], "the requester's own name, before theirs")
}

// A request whose right is changed midway is filed with details that open with what is wanted
// now, the change noted with the first words (a QA pass: an erasure case whose details began
// "can i have a copy of my housing file please").
func TestAChangedRightsDetailsSayWhatIsWantedNow(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "can i have a copy of my housing file please", kind: conversation.KindIntake, contains: []string{"Right of access"}},
		{says: "Sam Jones", kind: conversation.KindIntake},
		{says: "actually, just delete it instead", kind: conversation.KindIntake, contains: []string{"changed the request to: Right to erasure"}},
		{says: "sam@example.com", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Details: actually, just delete it instead\n(Changed during the chat: first asked as Right of access"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, dpo.Erasure, cases[0].Type)
	assert.True(t, strings.HasPrefix(cases[0].Description, "actually, just delete it instead"), cases[0].Description)
	assert.Contains(t, cases[0].Description, "\"can i have a copy of my housing file please\"", "what it is about stays, as the first words")
}
