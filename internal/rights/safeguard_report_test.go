package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Someone wanting to report a child at risk, and asking whether they will be known for it, is
// urgent, less surely than a cue (ByModel), so the conversation answers the question too (a QA
// sweep: "I want to report child neglect, will the parents know it was me" got a passage on
// child deaths and no one to report to). Reporting a neighbour for noise, or asking who reported
// the writer, is not.
func TestReportingAChildAndFearingToBeKnownIsUrgent(t *testing.T) {
	for _, text := range []string{
		"I want to report child neglect, will the parents know it was me",
		"I'm worried about a child next door, if I report it will they know it was me",
		"will the family find out who reported them to social services",
		"i'm thinking of reporting the baby next door, will the parents find out it was me",
	} {
		got, tr := classify(text)
		assert.True(t, got.Safeguarding, "%q must be urgent; %s", text, tr)
		assert.True(t, got.ByModel, "%q: less sure than a cue, so its question is answered too; %s", text, tr)
		assert.True(t, got.OnBehalf, "%q: the child is at risk, not the writer", text)
		assert.False(t, got.Actionable, text)
	}
	assertCalm(t, []string{
		"if I report my neighbour for noise will they find out it was me",
		"I reported my landlord to the council, will he know it was me",
		"can I find out who reported me to social services about my kids",
		"If I make a SAR, will third party info like who reported me to social services be redacted?",
		"will my neighbour know I reported their noise",
	})
}
