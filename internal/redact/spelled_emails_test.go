package redact_test

import "testing"

// An address spelt out in words, as people type one so that no robot reads it, is an address.
func TestSpelledOutEmailsAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"please reply to john.smith at gmail dot com":      "please reply to [email]",
		"email me: jo(at)example(dot)co(dot)uk thanks":     "email me: [email] thanks",
		"my email is sarah dot m at outlook dot com":       "my email is [email]",
		"reply to jane_b at btinternet dot com please":     "reply to [email] please",
		"you can email me, kwame at asante dot co dot uk":  "you can email me, [email]",
		"JO.BLOGGS AT HOTMAIL DOT CO DOT UK is my address": "[email] is my address",
	})
}

// A website, or "at" and "dot" in other senses, is not an address.
func TestWordsLikeSpelledEmailsAreKept(t *testing.T) {
	keeps(t, []string{
		"I work at tesco.com", "I was at home dot dot dot waiting", "look at gov dot uk for it",
		"my son is at school dot com", "find it at bbc dot co dot uk",
	})
}
