package answer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bundled vectors load, one of unit length for each stem, and say what people mean: a word
// is nearer its near-synonym than an unrelated word.
func TestWordVectorsSayWhichWordsAreNearInMeaning(t *testing.T) {
	vecs := wordVectors()
	require.Greater(t, len(vecs), 40000, "stems with a vector")
	for _, stem := range []string{Stem("keep"), Stem("photographs"), Stem("doctor")} {
		vec, ok := vecs[stem]
		require.True(t, ok, stem)
		assert.InDelta(t, 1, vec.cosine(vec), 1e-5, "%q with itself", stem)
	}
	v := DefaultVocabulary()
	near := func(a, b string) float64 {
		va, ok := v.conceptVector(v.Concept(Stem(a)))
		require.True(t, ok, a)
		vb, ok := v.conceptVector(v.Concept(Stem(b)))
		require.True(t, ok, b)
		return va.cosine(vb)
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

// A damaged vectors file is an error that says where, not a panic or a silent half table.
func TestReadWordVectorsNamesWhatIsBroken(t *testing.T) {
	good := "privacybot word vectors 1\n1 3\n\x04keep\x7f\x00\x00"
	m, err := readWordVectors([]byte(good))
	require.NoError(t, err)
	assert.Equal(t, []int8{127, 0, 0}, m["keep"].v)
	assert.InDelta(t, 1, m["keep"].cosine(m["keep"]), 1e-6)

	for _, tt := range []struct{ name, data, want string }{
		{"another format", "word2vec 1\n1 3\n", "header"},
		{"cut off in a vector", "privacybot word vectors 1\n1 3\n\x04keep\x7f", `vector of "keep"`},
		{"cut off in a stem", "privacybot word vectors 1\n1 3\n\x04ke", "stem 0"},
		{"fewer stems than it says", "privacybot word vectors 1\n2 3\n\x04keep\x7f\x00\x00", "stem 1"},
		{"more stems than any vocabulary", "privacybot word vectors 1\n2000000000 100\n", "not a word-vectors file"},
		{"a zero vector", "privacybot word vectors 1\n1 3\n\x04keep\x00\x00\x00", `"keep" is zero`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readWordVectors([]byte(tt.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err = readWordVectors(nil)
	assert.Error(t, err, "an empty file")
}
