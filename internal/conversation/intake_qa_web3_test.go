package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A question asked at the summary is answered from the notices (or told they don't answer it),
// and the confirmation asked again; the request is not changed, and a "yes" then sends it (a web
// QA pass: "is this going to cost me anything?" got "Please answer yes…").
func TestAQuestionAtTheSummaryIsAnswered(t *testing.T) {
	for _, asks := range []string{
		"is this going to cost me anything?",
		"will I have to pay for this?",
		"how long do you keep my request?",
	} {
		t.Run(asks, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "skip"),
				line{says: "all of it", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
				line{says: asks, kind: conversation.KindIntake, contains: []string{"still open", "Shall I send this to the data protection team? (yes / no)"},
					lacks: []string{"Please answer yes"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "I want a copy of my data\nall of it", cases[0].Description, "the question is no detail")
		})
	}
}
