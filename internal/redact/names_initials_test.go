package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// An initial and a surname after words that say a name follows are a name, as a full name there
// is: "in name of k. wright" was kept (it was redacted only after "my name is").
func TestAnInitialAndASurnameAfterANameCueAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"in name of, lower case", "the account is in name of k. wright", "the account is in name of [name]", redact.KindName},
		{"in the name of", "it's in the name of K. Wright", "it's in the name of [name]", redact.KindName},
		{"capital initial without a full stop", "in the name of K Wright please", "in the name of [name] please", redact.KindName},
		{"name is", "the name is k. wright", "the name is [name]", redact.KindName},
		{"name's", "name's J. Smith", "name's [name]", redact.KindName},
		{"called", "he's called j. smith", "he's called [name]", redact.KindName},
		{"possessive", "it's in the name of k. wright's mum", "it's in the name of [name]'s mum", redact.KindName},
		{"surname said again", "in name of k. wright. Wright is my married name", "in name of [name]. [name] is my married name", redact.KindName},
	})
	keeps(t, []string{
		"in the name of the council", "in name of God", "what's the name of the DPO?", "the name is on the form",
		"he called u earlier", "I called a cab", "it's called A Guide to Your Rights",
		"named in section 4", "called 3 times",
	})
}
