package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A subject access request that also asks for one of the council's documents is still a subject
// access request: the document rule (weight 6) must not outweigh the writer's own data asked for
// (a review found both of these read as no right at all).
func TestACouncilDocumentAskedWithOnesOwnDataIsStillAccess(t *testing.T) {
	for _, text := range []string{
		"Please send me all the data you hold on me. Also can I see your retention policy?",
		"I want a copy of all my records and a copy of your retention schedule",
	} {
		got := Classify(text)
		assert.Equal(t, Access, got.Type, text)
		assert.True(t, got.Actionable, text)
	}
}
