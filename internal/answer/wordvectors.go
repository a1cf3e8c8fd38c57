package answer

// Word vectors (internal/wordvec): how near in meaning two words are, for a question put in words
// its answer doesn't use ("do the cameras record sound?" and "CCTV … does not record audio").

import (
	"github.com/privacybot/privacybot/internal/wordvec"
)

// conceptVector is a concept's vector: its own stem's, else that of the first of its
// equivalents that has one; false for a word GloVe doesn't know (a council's name, a
// misspelling).
func (v *Vocabulary) conceptVector(concept string) (wordvec.Vector, bool) {
	if vec, ok := wordvec.Lookup(concept); ok {
		return vec, true
	}
	for _, e := range v.Equivalents(concept) {
		if vec, ok := wordvec.Lookup(e); ok {
			return vec, true
		}
	}
	return wordvec.Vector{}, false
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
		if vec, ok := v.conceptVector(k); ok {
			out = vec.AddTo(out, float32(weight(k)))
		}
	}
	return wordvec.Unit(out)
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
				best = max(best, a.Cosine(b))
			}
		}
	}
	return best
}
