package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A flat's number before a named building is an address in any case, with no "I live at" before
// it, and a full name typed in lower case before such an address is the writer's. A QA pass found
// "tom hart, flat 2 the maltings olney. how long …" kept whole, and "flat 2 the maltings" kept
// after a name redacted. The town after the building stays, as elsewhere.
func TestLowerCaseFlatsInNamedBuildingsAreAddresses(t *testing.T) {
	assertRedacts(t, []redaction{
		{"flat, lower case, town after", "flat 2 the maltings olney. how long", "[address] olney. how long", redact.KindAddress},
		{"flat, capitals", "FLAT 2 THE MALTINGS", "[address]", redact.KindAddress},
		{"flat with a letter, court", "flat 4a rose court", "[address]", redact.KindAddress},
		{"apartment, lower case", "it's apartment 7 the sidings, can i see my file", "it's [address], can i see my file", redact.KindAddress},
	})
	redactsTo(t, map[string]string{
		"tom hart, flat 2 the maltings olney. how long do you keep complaint records": "[name], [address] olney. how long do you keep complaint records",
		"this is tomasz wisniewski, flat 2 the maltings olney. how long":              "this is [name], [address] olney. how long",
		"tomasz wisniewski, flat 2 the maltings olney. how long":                      "[name], [address] olney. how long",
		"hi. jane doe, flat 4a rose court":                                            "hi. [name], [address]",
	})
}

// Flats counted or measured, and topics before an address, stay as they are.
func TestLowerCaseFlatsThatAreNoAddressAreKept(t *testing.T) {
	keeps(t, []string{
		"i moved into flat 2 two weeks ago", "I rent a flat 2 miles away", "apartment 2 bedrooms upstairs",
		"flat 2 mould problem", "the flat 2 floors up has mould", "flat 12 the council owns it",
		"unit 4 the maltings", "flat 2 then flat 3",
	})
	redactsTo(t, map[string]string{
		"council tax, flat 2 the maltings":   "council tax, [address]",
		"parking fines, flat 2 the maltings": "parking fines, [address]",
	})
}
