package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// search flags a passage of a notice more than three years old as ask does (a QA pass: the 2018
// privacy statement was listed with no sign of its age), in the text and in --json's "stale".
func TestSearchFlagsStaleNotices(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "search", "complaints retention", "--json", "-k", "10")
	require.Equal(t, exitOK, code, stderr)
	var hits []searchHit
	require.NoError(t, json.Unmarshal([]byte(stdout), &hits))
	var old, current int
	for _, h := range hits {
		switch h.Notice {
		case "mkc-website-privacy-statement": // updated 2018-05-17
			old++
			if assert.NotNil(t, h.Stale, h.Passage) {
				assert.Equal(t, "2018-05-17", h.Stale.Updated)
				assert.Equal(t, "last updated 17 May 2018", h.Stale.Note)
			}
		default:
			current++
			assert.Nil(t, h.Stale, h.Passage)
		}
	}
	require.NotZero(t, old, "a passage of the 2018 statement is among the hits")
	require.NotZero(t, current)

	code, stdout, stderr = runCLI(t, nil, "search", "complaints retention", "-k", "10")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "Note: Milton Keynes Council Privacy Statement was last updated 17 May 2018; what it says may no longer be current.")
}
