package answer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The vocabulary's concepts have the vectors of their words, and say what people mean: a word
// is nearer its near-synonym than an unrelated word.
func TestConceptVectorsSayWhichWordsAreNearInMeaning(t *testing.T) {
	v := DefaultVocabulary()
	near := func(a, b string) float64 {
		va, ok := v.conceptVector(v.Concept(Stem(a)))
		require.True(t, ok, a)
		vb, ok := v.conceptVector(v.Concept(Stem(b)))
		require.True(t, ok, b)
		return va.Cosine(vb)
	}
	for _, tt := range []struct{ word, nearer, further string }{
		{"pictures", "photographs", "payments"},
		{"doctor", "GP", "school"},
		{"boss", "employer", "landlord"},
		{"cameras", "CCTV", "pension"},
	} {
		assert.Greater(t, near(tt.word, tt.nearer), near(tt.word, tt.further), "%q is nearer %q than %q", tt.word, tt.nearer, tt.further)
	}
	_, ok := v.conceptVector("alderbi")
	assert.False(t, ok, "a council's name has no vector")
}
