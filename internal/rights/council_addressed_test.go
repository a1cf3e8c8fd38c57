package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// An order after the council it is addressed to is a request, as one after a greeting is:
// "buckinghamshire council - delete my data" was answered as a question about erasure (the dash
// is gone once the message is normalised). A question about what a council does, or a sentence
// about "my council", is still none.
func TestAnOrderAddressedToACouncilIsARequest(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Type
	}{
		{"buckinghamshire council - delete my data", Erasure},
		{"milton keynes council – delete my records", Erasure},
		{"Milton Keynes Council, stop sending me letters", Objection},
		{"bucks county council please correct my address", Rectification},
		{"hi milton keynes council please delete my records", Erasure},
	} {
		got := Classify(tc.text)
		assert.Equal(t, tc.want, got.Type, tc.text)
		assert.True(t, got.Actionable, tc.text)
	}
	for _, text := range []string{"does the council delete my data", "the council delete my data after a year?", "my council deletes my data",
		"council tax delete my data", "how does milton keynes council delete my data"} {
		assert.False(t, Classify(text).Actionable, text)
	}
}
