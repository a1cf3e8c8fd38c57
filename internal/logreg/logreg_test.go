package logreg

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A model learns which input separates the classes, gives the same model twice, and weighs a
// rare class up when asked to.
func TestTrainLearnsWhatSeparates(t *testing.T) {
	var xs [][]float64
	var ys []float64
	for k := range 40 {
		jitter, noise := float64(k%7)/7, float64(k*3%5)/5
		if k%4 == 0 { // a quarter positive: the first input is high, the second is noise
			xs, ys = append(xs, []float64{2 + jitter, noise}), append(ys, 1)
		} else {
			xs, ys = append(xs, []float64{jitter, noise}), append(ys, 0)
		}
	}
	m, err := Train(xs, ys, nil, 0.01, 500)
	require.NoError(t, err)
	assert.Greater(t, m.Weights[0], 1.0, "the input that separates")
	assert.Less(t, abs(m.Weights[1]), abs(m.Weights[0])/4, "the noise")
	assert.Greater(t, m.Probability([]float64{2.5, 0.5}), 0.9)
	assert.Less(t, m.Probability([]float64{0.5, 0.5}), 0.1)
	again, err := Train(xs, ys, nil, 0.01, 500)
	require.NoError(t, err)
	assert.Equal(t, m, again, "deterministic")

	weights := make([]float64, len(ys))
	for k, y := range ys {
		weights[k] = 1 + 2*y // the positives weigh as much as the negatives together
	}
	balanced, err := Train(xs, ys, weights, 0.01, 500)
	require.NoError(t, err)
	mid := []float64{1.2, 0.5}
	assert.Greater(t, balanced.Probability(mid), m.Probability(mid), "a weighed-up class is said more readily")
	assert.Len(t, m.Contributions(mid), 2)
	require.NoError(t, m.Check(2))
	assert.Error(t, m.Check(3))
}

// Bad training data is an error, not a panic.
func TestTrainRefusesWhatItCannotFit(t *testing.T) {
	_, err := Train(nil, nil, nil, 0, 1)
	assert.Error(t, err)
	_, err = Train([][]float64{{1}, {1, 2}}, []float64{0, 1}, nil, 0, 1)
	assert.ErrorContains(t, err, "example 1")
	_, err = Train([][]float64{{1}}, []float64{0, 1}, nil, 0, 1)
	assert.Error(t, err)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
