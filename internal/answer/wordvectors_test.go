package answer

import (
	"bytes"
	"compress/gzip"
	"math"
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
		v := vecs[stem]
		require.NotNil(t, v, stem)
		var sum float64
		for _, x := range v {
			sum += float64(x * x)
		}
		assert.InDelta(t, 1, math.Sqrt(sum), 1e-4, "length of %q", stem)
	}
	v := DefaultVocabulary()
	near := func(a, b string) float64 {
		return cosine(v.conceptVector(v.Concept(Stem(a))), v.conceptVector(v.Concept(Stem(b))))
	}
	for _, tt := range []struct{ word, nearer, further string }{
		{"pictures", "photographs", "payments"},
		{"doctor", "GP", "school"},
		{"boss", "employer", "landlord"},
		{"cameras", "CCTV", "pension"},
	} {
		assert.Greater(t, near(tt.word, tt.nearer), near(tt.word, tt.further), "%q is nearer %q than %q", tt.word, tt.nearer, tt.further)
	}
	assert.Nil(t, v.conceptVector("alderbi"), "a council's name has no vector")
}

// A damaged vectors file is an error that says where, not a panic or a silent half table.
func TestReadWordVectorsNamesWhatIsBroken(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	good := "privacybot word vectors 1\n1 3\n\x04keep\x7f\x00\x00"
	m, err := readWordVectors(gz(good))
	require.NoError(t, err)
	assert.Equal(t, []float32{1, 0, 0}, m["keep"])

	for _, tt := range []struct{ name, data, want string }{
		{"another format", "word2vec 1\n1 3\n", "header"},
		{"cut off in a vector", "privacybot word vectors 1\n1 3\n\x04keep\x7f", `vector of "keep"`},
		{"fewer stems than it says", "privacybot word vectors 1\n2 3\n\x04keep\x7f\x00\x00", "stem 1"},
		{"more stems than any vocabulary", "privacybot word vectors 1\n2000000000 100\n", "not a word-vectors file"},
		{"a zero vector", "privacybot word vectors 1\n1 3\n\x04keep\x00\x00\x00", `"keep" is zero`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readWordVectors(gz(tt.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err = readWordVectors([]byte("not gzip"))
	assert.Error(t, err)
}
