// Package logreg is a logistic regression small enough to read: each input standardised, an L2
// penalty that treats them alike, fitted by gradient descent. It is deterministic — the same
// examples give the same model — so a trained model can be checked into the repository and its
// training checked by a test. The answer engine's abstention model and the safeguarding model
// are two.
package logreg

import (
	"errors"
	"fmt"
	"math"
)

// Model is a fitted regression, as it is stored.
type Model struct {
	Mean    []float64 `json:"mean"` // each input is standardised, (x − mean) / scale
	Scale   []float64 `json:"scale"`
	Weights []float64 `json:"weights"`
	Bias    float64   `json:"bias"`
}

// Check reports whether the model's parts agree, for n inputs.
func (m *Model) Check(n int) error {
	if len(m.Mean) != n || len(m.Scale) != n || len(m.Weights) != n {
		return fmt.Errorf("%d means, %d scales and %d weights for %d inputs", len(m.Mean), len(m.Scale), len(m.Weights), n)
	}
	for i, s := range m.Scale {
		if !(s > 0) {
			return fmt.Errorf("the scale of input %d is %v, not above 0", i, s)
		}
	}
	return nil
}

// Probability is the model's probability for the inputs x (as many as it has weights).
func (m *Model) Probability(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Contributions are what each input added to the log-odds.
func (m *Model) Contributions(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = m.Weights[i] * (v - m.Mean[i]) / m.Scale[i]
	}
	return out
}

// Train fits a model to inputs xs and targets ys (1 or 0) by gradient descent on the log loss,
// each example weighing weights[k] (nil: all alike), with an L2 penalty of l2.
func Train(xs [][]float64, ys, weights []float64, l2 float64, iterations int) (*Model, error) {
	if len(xs) == 0 {
		return nil, errors.New("no examples")
	}
	if len(ys) != len(xs) || weights != nil && len(weights) != len(xs) {
		return nil, fmt.Errorf("%d examples, %d targets and %d weights", len(xs), len(ys), len(weights))
	}
	n := len(xs[0])
	m := &Model{Mean: make([]float64, n), Scale: make([]float64, n), Weights: make([]float64, n)}
	for k, x := range xs {
		if len(x) != n {
			return nil, fmt.Errorf("example %d has %d inputs, want %d", k, len(x), n)
		}
		for i, v := range x {
			m.Mean[i] += v / float64(len(xs))
		}
	}
	for _, x := range xs {
		for i, v := range x {
			m.Scale[i] += (v - m.Mean[i]) * (v - m.Mean[i]) / float64(len(xs))
		}
	}
	for i := range m.Scale {
		m.Scale[i] = math.Sqrt(m.Scale[i])
		if m.Scale[i] < 1e-9 {
			m.Scale[i] = 1 // an input that never varies: its weight stays 0
		}
	}
	const rate = 0.5
	grad := make([]float64, n)
	for range iterations {
		clear(grad)
		var gb float64
		for k, x := range xs {
			d := m.Probability(x) - ys[k]
			if weights != nil {
				d *= weights[k]
			}
			for i, v := range x {
				grad[i] += d * (v - m.Mean[i]) / m.Scale[i]
			}
			gb += d
		}
		for i := range m.Weights {
			m.Weights[i] -= rate * (grad[i]/float64(len(xs)) + l2*m.Weights[i])
		}
		m.Bias -= rate * gb / float64(len(xs))
	}
	return m, nil
}
