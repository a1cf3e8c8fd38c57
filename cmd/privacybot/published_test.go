package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/redact"
)

// The councils' own postal addresses, postcodes and phone numbers, given in the notices' contact blocks, are
// no one's personal data: a question about where to send a request keeps them, as it keeps the
// DPO's published name. A resident's address in the same question still goes.
func TestPublishedAddressesAreKeptInQuestions(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	red := redact.Keeping(publishedDetails(c), redact.Text)
	for in, want := range map[string]string{
		"can I hand my form in at 1 Saxon Gate East?":                    "can I hand my form in at 1 Saxon Gate East?",
		"do I post it to 1 saxon gate east or email it":                  "do I post it to 1 saxon gate east or email it",
		"I live at 22 Tudeley Hale, should I write to 1 Saxon Gate East": "I live at [address], should I write to 1 Saxon Gate East",
		// The councils' postcodes too; a resident's goes.
		"is it Walton Street, Aylesbury HP20 1UA? I'm in MK6 2HY": "is it Walton Street, Aylesbury HP20 1UA? I'm in [postcode]",
		// And its published phone numbers; a resident's goes.
		"is 01908 254900 the right number? mine is 07700 900123": "is 01908 254900 the right number? mine is [phone]",
	} {
		assert.Equal(t, want, red(in), in)
	}
}
