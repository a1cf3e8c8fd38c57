package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/redact"
)

// A card number given as one is redacted even when mistyped (its Luhn check fails): it is still
// nearly the resident's.
func TestMistypedCardNumbersAfterACueAreRedacted(t *testing.T) {
	require.False(t, redact.Luhn("4929123456789012"), "precondition: the example fails the Luhn check")
	assertRedacts(t, []redaction{
		{"card", "card 4929 1234 5678 9012", "card [card number]", redact.KindCard},
		{"card number, unbroken", "card number 4929123456789012", "card number [card number]", redact.KindCard},
		{"card no, dashes", "my card no: 4929-1234-5678-9012 exp soon", "my card no: [card number] exp soon", redact.KindCard},
		{"long number", "the long number on my card is 4929 1234 5678 9012", "the long number on my card is [card number]", redact.KindCard},
		{"card details", "debit card details 4929 1234 5678 9012, can you delete them?", "debit card details [card number], can you delete them?", redact.KindCard},
	})
}

// Numbers after "card" that are not card-shaped stay: a count, the last four digits, a library
// card's number, a card-shaped number with no cue and a failing check.
func TestCardWordsWithOtherNumbersAreKept(t *testing.T) {
	keeps(t, []string{
		"card 1 of 3", "my card was declined 3 times", "card ending 9012", "library card 12345678",
		"card number 4929 1234", "card 4929 12345 678 9012", "cardiff 4929 1234 5678 9012",
		"4929 1234 5678 9012", "we never keep your card number",
	})
}
