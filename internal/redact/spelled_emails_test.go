package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// An address spelt out in words, as people type one so that no robot reads it, is an address.
func TestSpelledOutEmailsAreRedacted(t *testing.T) {
	for in, want := range map[string]string{
		"please reply to john.smith at gmail dot com":      "please reply to [email]",
		"email me: jo(at)example(dot)co(dot)uk thanks":     "email me: [email] thanks",
		"my email is sarah dot m at outlook dot com":       "my email is [email]",
		"reply to jane_b at btinternet dot com please":     "reply to [email] please",
		"you can email me, kwame at asante dot co dot uk":  "you can email me, [email]",
		"JO.BLOGGS AT HOTMAIL DOT CO DOT UK is my address": "[email] is my address",
	} {
		assert.Equal(t, want, redact.Text(in), "%q", in)
	}
}

// A website, or "at" and "dot" in other senses, is not an address.
func TestWordsLikeSpelledEmailsAreKept(t *testing.T) {
	for _, s := range []string{
		"I work at tesco.com", "I was at home dot dot dot waiting", "look at gov dot uk for it",
		"my son is at school dot com", "find it at bbc dot co dot uk",
	} {
		assert.Equal(t, s, redact.Text(s), "%q", s)
	}
}
