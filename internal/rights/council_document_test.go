package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A copy of one of the council's own documents ("the information asset register") is no copy of
// the resident's data: a QA pass had it as a subject access request. A copy of one's own file is.
func TestACopyOfACouncilDocumentIsNoAccessRequest(t *testing.T) {
	for _, text := range []string{
		"can I get a copy of the information asset register",
		"can i see the council's record of processing activities",
		"could you send me a copy of your retention schedule",
		"where can I get a copy of the data protection policy",
	} {
		got := Classify(text)
		assert.Equal(t, None, got.Type, text)
		assert.False(t, got.Actionable, text)
	}
	for _, text := range []string{
		"can I get a copy of my housing file",
		"please send me a copy of the information you hold about me",
	} {
		assert.Equal(t, Access, Classify(text).Type, text)
	}
}
