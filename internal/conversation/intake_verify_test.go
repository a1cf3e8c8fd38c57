package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A statement at the details step that opens with a word a question may open with ("When I
// moved house…", "Did not get any reply…") is the details, filed; only a message that ends with
// a question mark, or opens as a question does (a question word, an auxiliary and its subject:
// "will you tell the ICO"), is answered (a review: the answering of questions at the details
// step answered these, and dropped them).
func TestAStatementOpeningLikeAQuestionIsFiled(t *testing.T) {
	for _, says := range []string{
		"When I moved house in 2019 you sent a letter to my old address",
		"Where I was filmed: the library CCTV on 3 May",
		"Did not get any reply to my letter of 3 March",
		"Is about the CCTV at the library on 3 May",
		"Who I spoke to at the housing office, and what they wrote down",
		"How my details got to the landlord, that's what I want to know",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: says, kind: conversation.KindIntake, contains: []string{"Shall I send"}, lacks: []string{"don't answer that", "still open"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Contains(t, cases[0].Description, says)
		})
	}
	// A question without its question mark is still answered.
	for _, asks := range []string{"will you tell the ICO about my complaint", "what do you do with my complaint", "is it free", "does the council tell the ICO"} {
		t.Run(asks, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("you sent my file to the wrong address, I want to complain", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: asks, kind: conversation.KindIntake, contains: []string{"still open"}, lacks: []string{"Shall I send"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepDescription, last.Intake.Step)
		})
	}
}

// At the summary, a statement opening like a question is no question answered either: it is
// asked about as any other message that is not a yes.
func TestAStatementAtTheSummaryIsNotAnsweredAsAQuestion(t *testing.T) {
	for _, says := range []string{"When I said housing I meant the repairs team", "Did not mean to put housing"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: "all of it", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
				line{says: says, kind: conversation.KindIntake, lacks: []string{"don't answer that", "privacy notices"}}))
			assert.Empty(t, q.cases())
		})
	}
}
