package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A council checks its notices before the bot answers from them: the contact the bot will give,
// and what its notices lack.
func TestNoticesCheck(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "notices", "--check")
	require.Equal(t, exitOK, code, "the bundled notices have no problem residents would meet: %s", stderr)
	assert.Contains(t, stdout, "Maria Damigos", "Buckinghamshire's contact, as abstentions give it")
	assert.Contains(t, stdout, "01908 254900", "Milton Keynes's contact")
	assert.Contains(t, stdout, "last updated 17 May 2018")

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "parking.md"), []byte(
		"---\nid: parking\ntitle: Parking privacy notice\norganisation: Fernshire County Council\n---\nPermits\nWe keep permit applications for 2 years.\n"), 0o644))
	code, stdout, stderr = runCLI(t, nil, "notices", "--check", "--json", "--corpus", dir)
	assert.Equal(t, exitFailure, code, "a council without a data protection contact fails the check")
	assert.Contains(t, stderr, "1 problem")
	var findings []map[string]string
	require.NoError(t, json.Unmarshal([]byte(stdout), &findings), stdout)
	require.NotEmpty(t, findings)
	for _, k := range []string{"level", "organisation", "message"} {
		assert.Contains(t, findings[0], k)
	}
	assert.Equal(t, "problem", findings[0]["level"])
	assert.Contains(t, findings[0]["message"], "no data protection contact")

	// The bot still starts on such notices, and says at once what residents would meet.
	code, _, stderr = runCLI(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, "chat", "--corpus", dir)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "Fernshire County Council: no data protection contact found")
}
