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

// An address said without its ending, "at" in words and a mail provider after it, is an address
// where the words before say one follows or its local part has a digit, a dot or an underscore:
// "email sarahokafor at gmail" was kept (a QA pass).
func TestSpelledOutEmailsWithoutTheirEndingAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"email sarahokafor at gmail":                   "email [email]",
		"my email is jo.bloggs82 at hotmail, thanks":   "my email is [email], thanks",
		"reply to kwame_a at outlook please":           "reply to [email] please",
		"sarah.okafor82 at gmail re cookies":           "[email] re cookies",
		"contact me: dave99 at yahoo.co.uk":            "contact me: [email]",
		"you can e-mail me, priyasharma at btinternet": "you can e-mail me, [email]",
	})
}

// A provider after "at" with no address before it stays: a pronoun, a word, a workplace.
func TestProviderWordsWithoutAnAddressAreKept(t *testing.T) {
	keeps(t, []string{
		"email me at gmail", "contact them at hotmail", "my account at gmail was hacked",
		"I work at sky", "email support at outlook never replied", "is my data at gmail safe?",
		"my son is at college",
		// "me", "live", "mail", "mac" and "sky" are words first (a review: the complaint itself
		// was lost to "[email]").
		"contact the team, they swore at me on the phone", "contact centre staff yelled at me",
		"reply to them, they laughed at me", "write to the council, I was shouted at live on air",
	})
	redactsTo(t, map[string]string{
		"my email is bob at live":  "my email is [email]",
		"mail me at bob at mac":    "mail me at [email]",
		"contact bob at me.com":    "contact [email]",
		"jo.bloggs82 at live":      "[email]",
		"reply to dave at sky.com": "reply to [email]",
	})
}
