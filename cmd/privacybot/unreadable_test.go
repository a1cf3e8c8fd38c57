package main

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A question with control characters and a terminal's colour in it is the question without them
// (a QA pass: it abstained while the same words answered).
func TestAskWithoutEscapeSequences(t *testing.T) {
	env := map[string]string{"PRIVACYBOT_DATA": t.TempDir()}
	code, clean, errOut := runCLI(t, env, "ask", "who is the dpo")
	require.Equal(t, exitOK, code, errOut)
	code, escaped, errOut := runCLI(t, env, "ask", "who is the \x01\x02\x1b[31m dpo")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, clean, escaped)
}

// Lines of random bytes piped into the chat are each told they don't look like a question, and
// nothing else: no answer, no safeguarding, no change of council; a message in another script, or
// with emoji, is read as before.
func TestChatRefusesUnreadableLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var lines []string
	for range 30 {
		b := make([]byte, 30+rng.IntN(300))
		for i := range b {
			if b[i] = byte(rng.UintN(256)); b[i] == '\n' || b[i] == '\r' || b[i] == '/' {
				b[i] = 0xff
			}
		}
		lines = append(lines, string(b))
	}
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/org MK\n"+strings.Join(lines, "\n")+"\n")
	assert.Equal(t, 30, strings.Count(out, "> That doesn't look like a question (it is mostly unreadable characters).\n"))
	assert.NotContains(t, out, "999")
	assert.NotContains(t, out, "Buckinghamshire")
	assert.NotContains(t, out, "notices don't answer")

	out = chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"میں اپنا ڈیٹا کیسے حاصل کروں؟\nhow long do you keep complaint records? 👍\n")
	assert.NotContains(t, out, "unreadable")
	assert.Contains(t, out, "6 years")
}
