package wordvec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bundled vectors load, one of unit length for each stem, and say what people mean: a word
// is nearer its near-synonym than an unrelated word, and a text's mean is nearest the texts
// about the same thing.
func TestWordVectorsSayWhichWordsAreNearInMeaning(t *testing.T) {
	require.Greater(t, Len(), 40000, "stems with a vector")
	for _, stem := range []string{Stem("keep"), Stem("photographs"), Stem("doctor")} {
		vec, ok := Lookup(stem)
		require.True(t, ok, stem)
		assert.InDelta(t, 1, vec.Cosine(vec), 1e-5, "%q with itself", stem)
	}
	near := func(a, b string) float64 {
		va, ok := Lookup(Stem(a))
		require.True(t, ok, a)
		vb, ok := Lookup(Stem(b))
		require.True(t, ok, b)
		return va.Cosine(vb)
	}
	assert.Greater(t, near("pictures", "photographs"), near("pictures", "payments"))
	assert.Greater(t, near("knife", "gun"), near("knife", "library"))
	_, ok := Lookup("alderbi")
	assert.False(t, ok, "a council's name has no vector")

	dot := func(a, b []float32) (s float32) {
		for i := range a {
			s += a[i] * b[i]
		}
		return s
	}
	threat, fear, bins := MeanOf("he said he will stab me tonight"), MeanOf("I'm terrified he will hurt me"), MeanOf("when is my bin collection day")
	assert.InDelta(t, 1, dot(threat, threat), 1e-5, "unit length")
	assert.Greater(t, dot(threat, fear), dot(threat, bins))
	assert.Nil(t, MeanOf("zzqx qqzz"), "no word with a vector")
}

// The people and bodies that do something keep their own stem.
func TestStemKeepsAgentNouns(t *testing.T) {
	assert.NotEqual(t, Stem("employment"), Stem("employer"))
	assert.Equal(t, "officer", Stem("Officers"))
	assert.Equal(t, Stem("photographs"), Stem("photograph"))
}

// A damaged vectors file is an error that says where, not a panic or a silent half table.
func TestReadNamesWhatIsBroken(t *testing.T) {
	good := "privacybot word vectors 1\n1 3\n\x04keep\x7f\x00\x00"
	m, err := Read([]byte(good))
	require.NoError(t, err)
	assert.Equal(t, []int8{127, 0, 0}, m["keep"].v)
	assert.InDelta(t, 1, m["keep"].Cosine(m["keep"]), 1e-6)

	for _, tt := range []struct{ name, data, want string }{
		{"another format", "word2vec 1\n1 3\n", "header"},
		{"cut off in a vector", "privacybot word vectors 1\n1 3\n\x04keep\x7f", `vector of "keep"`},
		{"cut off in a stem", "privacybot word vectors 1\n1 3\n\x04ke", "stem 0"},
		{"fewer stems than it says", "privacybot word vectors 1\n2 3\n\x04keep\x7f\x00\x00", "stem 1"},
		{"more stems than any vocabulary", "privacybot word vectors 1\n2000000000 100\n", "not a word-vectors file"},
		{"a zero vector", "privacybot word vectors 1\n1 3\n\x04keep\x00\x00\x00", `"keep" is zero`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err = Read(nil)
	assert.Error(t, err, "an empty file")
}
