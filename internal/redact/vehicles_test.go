package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// Vehicle registrations identify their keepers, and residents give them when they ask about
// parking fines: a QA pass found "my car reg is AB12 CDE" kept. The current format counts
// anywhere, in any case, with or without its space; older formats after a cue only.
func TestVehicleRegistrationsAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"current, after reg", "my car reg is AB12 CDE, how long do you keep parking fine records", "my car reg is [vehicle registration], how long do you keep parking fine records", redact.KindVehicle},
		{"current, lower case, solid", "ab12cde", "[vehicle registration]", redact.KindVehicle},
		{"current, no cue", "I was fined on AB12 CDE twice", "I was fined on [vehicle registration] twice", redact.KindVehicle},
		{"current, labelled", "VRM: AB12CDE.", "VRM: [vehicle registration].", redact.KindVehicle},
		{"prefix format after reg", "reg A123 BCD please", "reg [vehicle registration] please", redact.KindVehicle},
		{"suffix format after number plate", "my number plate is ABC 123D", "my number plate is [vehicle registration]", redact.KindVehicle},
		{"prefix format after registration number", "registration number: a123bcd", "registration number: [vehicle registration]", redact.KindVehicle},
		{"after plate", "the plate was K789 XYZ on the CCTV", "the plate was [vehicle registration] on the CCTV", redact.KindVehicle},
	})
	onlyVehicles := redact.New(redact.WithKinds(redact.KindVehicle))
	got, _ := onlyVehicles.Redact("Jane Smith, reg AB12 CDE")
	assert.Equal(t, "Jane Smith, reg [vehicle registration]", got, "the kind can be chosen alone")
}

// What shares a registration's shape but is none stays: older formats with no cue, postcodes,
// NHS and NI numbers, case references, a postcode district or a financial year before a word.
func TestNoVehicleRegistrationIsKept(t *testing.T) {
	keeps(t, []string{
		"A123 BCD", "ABC 123D", "I live in MK10 and want my data", "FY24 the budget", "plate A1 was bent",
		"reg is 12 weeks", "DPO-2026-000001", "DPO-AB12CDE", "AB12 CDEF", "the registration of births",
		"register to vote", "regulation 12 of the act", "the registration number is missing", "covid19 and flu",
	})
	redactsTo(t, map[string]string{
		"MK9 3HS":                                 "[postcode]",
		"HP20 1UA":                                "[postcode]",
		"my postcode is mk9 3hs":                  "my postcode is [postcode]",
		"my NHS number is 943 476 5918":           "my NHS number is [NHS number]",
		"NI number QQ123456C":                     "NI number [NI number]",
		"my reg is AB12 CDE, ref DPO-2026-000001": "my reg is [vehicle registration], ref DPO-2026-000001",
	})
}
