package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// What is held about the writer, asked, is answered from the notices and a copy of their data
// offered, one "yes" away; asked to be sent or shown it, the request is taken (a web QA pass:
// "what info does customer services hold about me" went straight to "Which council is this
// request for?").
func TestWhatIsHeldAskedIsAnsweredAndOffered(t *testing.T) {
	for _, says := range []string{
		"what info does customer services hold about me",
		"what data do you have on me",
		"what do you hold about me?",
		"which of my details does housing keep",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: says, kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access", "say \"yes\""},
					lacks: []string{"Which council is this request for"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Which council"}},
			})
			assert.Empty(t, q.cases())
		})
	}
	for _, says := range []string{"i want to see what you hold about me", "please send me everything you hold on me"} {
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
