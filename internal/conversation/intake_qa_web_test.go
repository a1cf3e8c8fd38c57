package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A way of dropping the request followed by why ("nah leave it actually, I'll email them
// myself") cancels it at any step, as the bare "nah leave it" does (a web QA pass: at the contact
// step it was "That doesn't look like an e-mail address…", and so was the "yes" after it).
func TestACancelWithAReasonCancelsAtAnyStep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []line
		says  string
	}{
		{"at the contact step", upTo("I want a copy of my data", "Sandra Okafor", "", ""), "nah leave it actually, I'll email them myself"},
		{"at the name step", upTo("I want a copy of my data", "", "", ""), "leave it, I'll do it another time"},
		{"at the service step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", ""), "no scrap that, don't bother"},
		{"at the details step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), "ok forget that, I'll ring them tomorrow"},
		{"at the summary", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "skip"), line{says: "skip"}),
			"nah leave it then, I'll contact the council myself thanks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(tc.lines,
				line{says: tc.says, kind: conversation.KindCancelled, contains: []string{"cancelled"}},
				line{says: "yes", lacks: []string{"doesn't look like an e-mail address"}}))
			assert.Empty(t, q.cases())
		})
	}
	// Dropping one thing to say another is no cancel.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
		line{says: "scrap that, I want the housing file", kind: conversation.KindIntake, contains: []string{"Shall I send"}}))
}
