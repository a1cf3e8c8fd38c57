package redact_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// Passport and driving licence numbers given as such, and GB driving licence numbers anywhere
// (their shape is distinctive), are redacted.
func TestIDDocumentNumbersAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"passport number", "passport number 123456789", "passport number [ID document number]", redact.KindIDDocument},
		{"passport no", "passport no 123456789", "passport no [ID document number]", redact.KindIDDocument},
		{"passport no. is, spaced", "my passport no. is 123 456 789, who sees it?", "my passport no. is [ID document number], who sees it?", redact.KindIDDocument},
		{"passport with letters", "Passport: PA1234567", "Passport: [ID document number]", redact.KindIDDocument},
		{"driving licence", "driving licence OKAFO852128SJ9AB", "driving licence [ID document number]", redact.KindIDDocument},
		{"licence number", "licence number OKAFO852128SJ9AB", "licence number [ID document number]", redact.KindIDDocument},
		{"licence, lower case and spaced", "my driving license number is okafo 852128 sj9ab please", "my driving license number is [ID document number] please", redact.KindIDDocument},
		{"DL no, with the issue number", "DL no: MORGA753116SM9IJ 35", "DL no: [ID document number]", redact.KindIDDocument},
		{"licence shape alone", "it's MORGA753116SM9IJ on the card", "it's [ID document number] on the card", redact.KindIDDocument},
		{"licence shape, short surname", "JONES610102J99AB", "[ID document number]", redact.KindIDDocument},
		{"licence shape, short surname padded", "LI999702265J99AB", "[ID document number]", redact.KindIDDocument},
		// A verification QA pass: the licence in its three printed groups.
		{"licence shape in its groups", "my licence is MORGA 657054 SM9IJ", "my licence is [ID document number]", redact.KindIDDocument},
	})
}

// Questions about these documents, and codes of a similar shape that cannot be a licence number,
// stay.
func TestIDDocumentWordsAreKept(t *testing.T) {
	keeps(t, []string{
		"passport photo", "passport number is on page 2", "passport no longer valid", "passport 2019",
		"passport number 12 weeks", "do you keep my passport number?",
		"how long do you keep driving licence details", "licence number is missing",
		"premises licence no. 2024", "taxi licence number TX1234",
		"ABCDE123456AB1CD", // no month 34
		"AB9DE852128SJ9AB", // a 9 inside the surname
		"MORGA753116SM9IJX",
	})
}

// The placeholder has the shape internal/conversation recognises placeholders by (up to 20
// letters and spaces in brackets), so it is dropped from a question like "[email]" is.
func TestIDDocumentPlaceholderLooksLikeTheOthers(t *testing.T) {
	assert.Regexp(t, regexp.MustCompile(`^\[[A-Za-z ]{2,20}\]$`), redact.KindIDDocument.Placeholder())
}
