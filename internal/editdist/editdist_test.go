package editdist

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistanceCountsSwapsAsOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"assesment", "assessment", 1},
		{"recieve", "receive", 1},
		{"courts", "counts", 1},
		{"browse", "browser", 1},
		{"bukcs", "bucks", 1},
		{"analytics", "analysis", 2},
		{"zoë", "zoe", 1},
		{"", "abc", 3},
		{"same", "same", 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Distance(tt.a, tt.b), "%s → %s", tt.a, tt.b)
	}
}
