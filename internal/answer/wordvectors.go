package answer

// Word vectors: how near in meaning two words are, for a question put in words its answer
// doesn't use ("do the cameras record sound?" and "CCTV … does not record audio"). The vectors
// are GloVe's (wordvectors.bin, made by gen_wordvectors.go; licence in GLOVE-LICENSE), one for
// each stem of the 60,000 commonest English words, read on first use. The file is not compressed:
// signed bytes hardly compress (gzip saved 4%), and inflating them took half the 90 ms a first
// answer spent reading them.

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"
)

//go:embed wordvectors.bin
var wordVectorsData []byte

// wordVector is a stem's vector as stored, in signed bytes, with what scales it to unit length:
// a quarter of the memory of float32s (4 MB for 41,225 stems, not 16).
type wordVector struct {
	v     []int8
	scale float32
}

// wordVectors maps a stem to its vector.
var wordVectors = sync.OnceValue(func() map[string]wordVector {
	m, err := readWordVectors(wordVectorsData)
	if err != nil {
		panic("wordvectors.bin: " + err.Error()) // embedded; covered by tests
	}
	return m
})

// Limits on what a word-vectors file may say it holds: the bundled one has 41,225 stems of 100.
const (
	maxWordVectors = 1 << 20
	maxDimensions  = 1000
)

// readWordVectors reads gen_wordvectors.go's format: a header line, the count of stems and
// their dimensions, then each stem (a length byte and its bytes) and its signed bytes.
func readWordVectors(data []byte) (map[string]wordVector, error) {
	r := bytes.NewReader(data)
	var n, dims int
	if _, err := fmt.Fscanf(r, "privacybot word vectors 1\n%d %d\n", &n, &dims); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if n < 1 || n > maxWordVectors || dims < 1 || dims > maxDimensions {
		return nil, fmt.Errorf("header: %d stems of %d dimensions is not a word-vectors file", n, dims)
	}
	rest := data[len(data)-r.Len():]
	m := make(map[string]wordVector, n)
	all := make([]int8, n*dims) // one allocation for every vector
	for i := range n {
		if len(rest) == 0 {
			return nil, fmt.Errorf("stem %d: cut off", i)
		}
		size := int(rest[0])
		if len(rest) < 1+size {
			return nil, fmt.Errorf("stem %d: cut off", i)
		}
		stem := string(rest[1 : 1+size])
		rest = rest[1+size:]
		if len(rest) < dims {
			return nil, fmt.Errorf("vector of %q: cut off", stem)
		}
		v := all[i*dims : (i+1)*dims : (i+1)*dims]
		var sum int64
		for j, b := range rest[:dims] {
			v[j] = int8(b)
			sum += int64(v[j]) * int64(v[j])
		}
		rest = rest[dims:]
		if sum == 0 {
			return nil, fmt.Errorf("vector of %q is zero", stem)
		}
		m[stem] = wordVector{v: v, scale: float32(1 / math.Sqrt(float64(sum)))}
	}
	return m, nil
}

// conceptVector is a concept's vector: its own stem's, else that of the first of its
// equivalents that has one; false for a word GloVe doesn't know (a council's name, a
// misspelling).
func (v *Vocabulary) conceptVector(concept string) (wordVector, bool) {
	vecs := wordVectors()
	if vec, ok := vecs[concept]; ok {
		return vec, true
	}
	for _, e := range v.Equivalents(concept) {
		if vec, ok := vecs[e]; ok {
			return vec, true
		}
	}
	return wordVector{}, false
}

// cosine is the cosine of two words' vectors: 1 for the same word, near 0 for unrelated ones.
func (a wordVector) cosine(b wordVector) float64 {
	var dot int32
	for i, x := range a.v {
		dot += int32(x) * int32(b.v[i])
	}
	return float64(float32(dot) * a.scale * b.scale)
}

// cosine is the cosine of two unit vectors.
func cosine(a, b []float32) float64 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return float64(s)
}

// weightedMean is the unit-length mean of the vectors of concepts, each weighed by weight(k):
// what a question or a sentence is about as a whole. nil when no concept has a vector.
func (v *Vocabulary) weightedMean(concepts []string, weight func(k string) float64) []float32 {
	var out []float32
	for _, k := range concepts {
		vec, ok := v.conceptVector(k)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]float32, len(vec.v))
		}
		w := float32(weight(k)) * vec.scale
		for i, x := range vec.v {
			out[i] += w * float32(x)
		}
	}
	var sum float64
	for _, x := range out {
		sum += float64(x * x)
	}
	if sum == 0 {
		return nil
	}
	scale := float32(1 / math.Sqrt(sum))
	for i := range out {
		out[i] *= scale
	}
	return out
}

// nearest is the cosine of the nearest in meaning of a set of concepts to one of a
// requirement's; 0 when none has a vector.
func (v *Vocabulary) nearest(r requirement, concepts map[string]bool) float64 {
	best := 0.0
	for _, k := range r.concepts {
		a, ok := v.conceptVector(k)
		if !ok {
			continue
		}
		for j := range concepts {
			if b, ok := v.conceptVector(j); ok {
				best = max(best, a.cosine(b))
			}
		}
	}
	return best
}
