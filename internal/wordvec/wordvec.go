// Package wordvec says how near in meaning two English words are: GloVe's vectors
// (wordvectors.bin, made by gen_wordvectors.go; licence in GLOVE-LICENSE), one for each stem of
// the 60,000 commonest English words, read on first use. The answer engine reads a question's
// paraphrases with them ("do the cameras record sound?" and "CCTV … does not record audio"); the
// safeguarding scorer what a message is about as a whole ("stood on the bridge", "engine
// running in the garage").
//
// The file is not compressed: signed bytes hardly compress (gzip saved 4%), and inflating them
// took half the 90 ms a first answer spent reading them.
package wordvec

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
)

//go:embed wordvectors.bin
var data []byte

// Vector is a stem's vector as stored, in signed bytes, with what scales it to unit length: a
// quarter of the memory of float32s (4 MB for 41,225 stems, not 16).
type Vector struct {
	v     []int8
	scale float32
}

// table maps a stem to its vector.
var table = sync.OnceValue(func() map[string]Vector {
	m, err := Read(data)
	if err != nil {
		panic("wordvectors.bin: " + err.Error()) // embedded; covered by tests
	}
	return m
})

// Lookup is the vector of a stem (Stem's); false for a word GloVe doesn't know (a council's
// name, a misspelling).
func Lookup(stem string) (Vector, bool) {
	v, ok := table()[stem]
	return v, ok
}

// Len is how many stems have a vector.
func Len() int { return len(table()) }

// Limits on what a word-vectors file may say it holds: the bundled one has 41,225 stems of 100.
const (
	maxStems      = 1 << 20
	maxDimensions = 1000
)

// Read reads gen_wordvectors.go's format: a header line, the count of stems and their
// dimensions, then each stem (a length byte and its bytes) and its signed bytes.
func Read(data []byte) (map[string]Vector, error) {
	r := bytes.NewReader(data)
	var n, dims int
	if _, err := fmt.Fscanf(r, "privacybot word vectors 1\n%d %d\n", &n, &dims); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if n < 1 || n > maxStems || dims < 1 || dims > maxDimensions {
		return nil, fmt.Errorf("header: %d stems of %d dimensions is not a word-vectors file", n, dims)
	}
	rest := data[len(data)-r.Len():]
	m := make(map[string]Vector, n)
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
		m[stem] = Vector{v: v, scale: float32(1 / math.Sqrt(float64(sum)))}
	}
	return m, nil
}

// Cosine is the cosine of two words' vectors: 1 for the same word, near 0 for unrelated ones.
func (a Vector) Cosine(b Vector) float64 {
	var dot int32
	for i, x := range a.v {
		dot += int32(x) * int32(b.v[i])
	}
	return float64(float32(dot) * a.scale * b.scale)
}

// AddTo adds weight times the unit vector to sum, made when nil, and returns it.
func (a Vector) AddTo(sum []float32, weight float32) []float32 {
	if sum == nil {
		sum = make([]float32, len(a.v))
	}
	w := weight * a.scale
	for i, x := range a.v {
		sum[i] += w * float32(x)
	}
	return sum
}

// Unit scales v to unit length in place and returns it; nil when it is zero.
func Unit(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x * x)
	}
	if sum == 0 {
		return nil
	}
	scale := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i] *= scale
	}
	return v
}

// MeanOf is the unit-length mean of the vectors of a text's words (letters and digits), each
// weighed alike: what the text is about as a whole. nil when no word has a vector.
func MeanOf(text string) []float32 {
	var sum []float32
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if v, ok := Lookup(Stem(w)); ok {
			sum = v.AddTo(sum, 1)
		}
	}
	return Unit(sum)
}

// Stem is the Porter stem of a word, except that the people and bodies that do something keep
// their own stem: Porter makes "employer" and "employment", "officer" and "office", "provider"
// and "provide" one word, and a question about an employer is not answered by the name of an
// employment service.
func Stem(w string) string {
	w = strings.ToLower(w)
	if agentNouns[w] {
		return w
	}
	if one := strings.TrimSuffix(w, "s"); agentNouns[one] {
		return one
	}
	return porter.StemString(w)
}

// agentNouns are the "-er" and "-or" nouns of privacy notices whose Porter stem is that of a
// different word (employ, offic, provid, control, review, manag, advis, process, own, use).
var agentNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`employer officer provider controller reviewer manager adviser advisor
		processor owner user carer worker volunteer supplier partner commissioner`) {
		m[w] = true
	}
	return m
}()
