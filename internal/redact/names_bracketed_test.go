package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A first name in brackets after words that describe a person is that person's name:
// "Neighbour at number 12 (Gary)" was kept, being said with no "my" before it.
func TestAFirstNameInBracketsAfterAPersonIsRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"neighbour at a number", "Neighbour at number 12 (Gary)", "Neighbour at number 12 ([name])", redact.KindName},
		{"said again", "neighbour at number 12 (Gary) parks on my drive. Gary also shouts", "neighbour at number 12 ([name]) parks on my drive. [name] also shouts", redact.KindName},
		{"with a surname", "the man next door (Gary Holt) keeps parking across our drive", "the man next door ([name]) keeps parking across our drive", redact.KindName},
		{"words between my ex and the name", "my ex who still has a key (Liam) keeps coming round", "my ex who still has a key ([name]) keeps coming round", redact.KindName},
		// Short forms and names of every background are first names too (a helper's note).
		{"a short form", "Neighbour at number 12 (Dave)", "Neighbour at number 12 ([name])", redact.KindName},
		{"a Ghanaian name", "the man next door (Kwame) keeps parking across our drive", "the man next door ([name]) keeps parking across our drive", redact.KindName},
	})
	keeps(t, []string{
		"Fill in the form (optional)", "Neighbour's name (Optional)", "my neighbour films us (CCTV)",
		"under data protection law (GDPR) my neighbour can't", "my mum lives in (Milton Keynes)",
		"my neighbour is a tenant (Milton Keynes City Council)", "a relative (for example, my son)",
		"my son is allowed 2 hours (max)", "Section 4 (Amy)", "we're at number 7", "Neighbour at number 12",
	})
}
