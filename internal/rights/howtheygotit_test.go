package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A question of how, where or why the council got the writer's data is a question, whatever
// grievance is told before it: "the council sent a letter to my old address, how did they get my
// new one" started a complaint, its question after a comma not opening a sentence as "open:wh"
// reads one. The notices answer it (or the bot abstains), and a request may be offered. Said with
// what the writer wants done, it is still a request.
func TestHowTheCouncilGotMyDataIsAQuestion(t *testing.T) {
	for _, text := range []string{
		"the council sent a letter to my old address, how did they get my new one",
		"you wrote to me at my new flat, where did you get my address from",
		"the council texted me but I never gave them my number, how did they get it",
		"housing sent a letter to my new address, how do they know where I moved to",
		"the council emailed my work address, why do they even have it",
		"someone at the council phoned my mobile, where did they get hold of my number",
	} {
		in, tr := classify(text)
		assert.False(t, in.Actionable, "%q: %s", text, tr)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
	for _, tc := range []classified{
		{"the council sent a letter to my old address, I want to complain", Complaint, true},
		{"the council emailed my work address, why do they even have it? I want to complain", Complaint, true},
		{"you sent my letters to my old address, how did that happen? please delete my old address", Erasure, true},
	} {
		in, tr := classify(tc.text)
		assert.Equal(t, tc.actionable, in.Actionable, "%q: %s", tc.text, tr)
		assert.Equal(t, tc.want, in.Type, "%q: %s", tc.text, tr)
	}
}
