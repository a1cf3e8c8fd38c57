package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// pauses are messages that are only a pause in the chat or a return to it (a verifying QA
// pass): at the details step each was filed as the request's details, at the contact step
// refused as no e-mail address, and with nothing open answered from the notices.
var pauses = []string{
	"hang on", "erm", "one sec", "brb", "sorry, phone rang", "back, had to feed the dog",
	"hang on, someone's at the door", "sorry had to take my daughter to school, back now",
	// paraphrases
	"um", "one moment please", "give me a minute", "hold on, the phone's ringing", "sorry, had to take a call",
	"sorry about that, had to let the dog out", "back now, the kettle", "sorry, had to go to the loo",
	"ok I'm back, had to pick up the kids from nursery", "just a sec, the postman's here", "Right, I'm back. Carry on",
	"sorry, the delivery came, where was I?", "had to drop the kids off at school, sorry",
}

// returns are a return after the doorbell or the post, which the word-vector model read as
// urgent: the safeguarding reply, and mid-request a flagged case (a verifying QA pass).
var returns = []string{
	"ok I'm back, the doorbell went. where were we up to?",
	"ok I'm back, the doorbell rang. where were we?",
	"ok I'm back, the postman came. where were we up to?",
	"sorry about that, someone was at the door, I'm back now",
	// paraphrases
	"Sorry, the doorbell went! I'm back",
	"back now, somebody was at the door. where was I?",
	"ok sorry, the phone rang. where were we up to?",
}

// A pause or a return at the details step is not the details: the request is still open, its
// question asked again, and the details taken from the next message (a verifying QA pass: a
// resident who then said "yes" filed chat noise).
func TestAPauseIsNotTheDetails(t *testing.T) {
	for _, says := range append(append([]string{}, pauses...), returns...) {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "what would you like the council to do"},
					lacks: []string{"Shall I send this", "call 999"}},
				line{says: "my housing file please", kind: conversation.KindIntake, contains: []string{"Shall I send this"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			assert.Nil(t, last.Intake, "sent")
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.NotContains(t, cases[0].Description, says, "the pause is no detail")
			assert.Contains(t, cases[0].Description, "my housing file please")
			assert.False(t, cases[0].Safeguarding, "no danger was told")
		})
	}
}

// At the contact step a pause is no contact to refuse; at the summary it is no change asked for
// (a verifying QA pass: "sorry, phone rang" sent the resident back to change their contact).
func TestAPauseAtTheContactStepAndTheSummary(t *testing.T) {
	for _, says := range append(append([]string{}, pauses...), returns...) {
		t.Run("at the contact step: "+says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "", ""),
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "how should the data protection team contact you"},
					lacks: []string{"doesn't look like", "call 999"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepContact, last.Intake.Step)
			assert.Empty(t, last.Intake.Fields["contact"])
			assert.Empty(t, q.cases())
		})
		t.Run("at the summary: "+says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "skip"),
				line{says: "all of it"},
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "Shall I send this"},
					lacks: []string{"call 999"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepConfirm, last.Intake.Step)
			assert.Equal(t, "sandra@example.com", last.Intake.Fields["contact"])
			assert.Empty(t, q.cases())
		})
	}
}

// With nothing open, a pause or a return gets the short help reply: no answer from the notices,
// and no safeguarding reply (a verifying QA pass: "sorry had to take my daughter to school, back
// now" got a list of recipients, and the doorbell the safeguarding contacts).
func TestAPauseWithNothingOpenIsSmallTalk(t *testing.T) {
	for _, says := range append(append([]string{}, pauses...), returns...) {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindHelp,
				lacks: []string{"may not answer", "call 999", "share"}}})
			assert.Empty(t, last.Answer.Citations)
			assert.False(t, last.Answer.Safeguarding)
			assert.Empty(t, q.cases())
		})
	}
}

// A message that says a return and a danger is no pause: only the whole message, from closed
// lists, is one, so the danger in it still gets the safeguarding reply, in a request or not.
func TestADangerBesideAReturnIsStillADanger(t *testing.T) {
	for _, says := range []string{
		"I'm back, he hit me, where were we",
		"sorry, my ex was at the door, I'm back now",
		"back now, he's threatening to kill me. where were we?",
	} {
		t.Run("nothing open: "+says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", []line{{says: says, contains: []string{"call 999"}}})
		})
		t.Run("at the details step: "+says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: says, contains: []string{"call 999"}}))
		})
	}
}

// A pause after the bot offered to take a request leaves the offer standing: "yes" after it
// takes the request.
func TestAPauseKeepsAnOffer(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "Who do you share my data with? Please delete it.", contains: []string{"yes"}},
		{says: "sorry, phone rang", kind: conversation.KindHelp},
		{says: "yes", kind: conversation.KindIntake},
	})
}
