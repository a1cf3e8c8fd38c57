package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A refusal's grounds or a withdrawal's how and when typed as a placeholder is refused, saying
// what is needed, and the case is not closed (a QA pass accepted "x", "n/a" and "withdrawn").
func TestQueueUpdateRefusesAPlaceholderNote(t *testing.T) {
	f := newQueueFixture(t)
	for _, args := range [][]string{
		{"--status", "refused", "--note", "x"},
		{"--status", "refused", "--note", "N/A"},
		{"--status", "refused", "--note", "tbc"},
		{"--status", "withdrawn", "--note", "n/a"},
		{"--status", "withdrawn", "--note", "withdrawn"},
		{"--status", "withdrawn", "--note", "-"},
	} {
		code, _, errOut := f.run(t, april1, append([]string{"queue", "update", f.soon.Ref}, args...)...)
		assert.Equal(t, exitFailure, code, "%q: %s", args, errOut)
		assert.Regexp(t, `(grounds the requester will be told|how and when the requester withdrew), in words of their own`, errOut, args)
	}
	code, out, _ := f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "[received]", "nothing changed")
	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "refused", "--note", "manifestly unfounded")
	assert.Equal(t, exitOK, code, errOut)
}

// A hidden direction control in a note typed on the command line is taken out: the trail, and
// queue show, read as it was typed.
func TestQueueNoteLosesHiddenDirectionControls(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--note", "please send \u202egnp.exe records\u202c by post")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "withdrawn", "--note", "phoned \u2066on 31 March\u2069 to withdraw")
	require.Equal(t, exitOK, code, errOut)
	code, out, _ := f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "please send gnp.exe records by post")
	assert.Contains(t, out, "phoned on 31 March to withdraw")
	assert.NotContains(t, out, "\u202e")
	assert.NotContains(t, out, "\u2066")
}
