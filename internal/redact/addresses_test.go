package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// Street addresses typed without a postcode that `privacybot transcripts` kept: an abbreviated
// street type, a street in lower case, a named house before its street.
func TestAddressesWithoutAPostcodeAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"Dr", "22 Windermere Dr", "[address]", redact.KindAddress},
		{"dr in lower case, then the town", "22 windermere dr, bletchley", "[address], bletchley", redact.KindAddress},
		{"Cl", "it's 4 Acacia Cl", "it's [address]", redact.KindAddress},
		{"Gdns", "9 Elm Gdns, who sees my data?", "[address], who sees my data?", redact.KindAddress},
		{"Cres", "send it to 31 Lime Cres", "send it to [address]", redact.KindAddress},
		{"lower case the, then the town", "7 the green, stony stratford", "[address], stony stratford", redact.KindAddress},
		{"lower case the, ending the message", "moved to 12 the close", "moved to [address]", redact.KindAddress},
		{"lower case the, ending a line", "14 the rise\nolney", "[address]\nolney", redact.KindAddress},
		{"The Old, then a house type", "The Old Rectory, Church Lane, Cublington", "[address], Cublington", redact.KindAddress},
		{"The Old, no house type", "The Old Post Office, High Street, Olney", "[address], Olney", redact.KindAddress},
		{"forge", "Smiths Forge, Mill Road", "[address]", redact.KindAddress},
		{"vicarage, lower-case street type", "The Vicarage, Church lane", "[address]", redact.KindAddress},
	})
}

// A number before "the" and a street type counts something else unless an address line ends
// there; a public hall is the council's or a village's, not a resident's; a place in a notice
// sentence stays.
func TestAddressLikeTextIsKept(t *testing.T) {
	keeps(t, []string{
		"reason 1 the way you handled it", "chapter 7 the way we process", "step 2 the park, then",
		"I got 3 the park.", "page 4 the green, form", "in 2 years the green bin", "option 3 the close, near",
		"I saw 2 different Dr", "we keep it for 2 the same",
		"County Hall, Walton Street, Aylesbury", "Town Hall, Market Square",
		"Village Hall, Church Lane, Olney", "Civic Hall, Quayside Road",
		"Church Lane depot keeps CCTV for 30 days", "our Church Lane depot opens at 8",
		"does Milton Keynes share with the police",
	})
}

// A lower-case street after a house number, with its town after it, is an address though the
// clause goes on ("hi im kevin o'donnell from 4 the crescent wolverton, how long …" kept it).
func TestALowerCaseStreetBeforeATownIsAnAddress(t *testing.T) {
	redactsTo(t, map[string]string{
		"hi im kevin o'donnell from 4 the crescent wolverton, how long do you keep complaint records": "hi im [name] from [address] wolverton, how long do you keep complaint records",
		"send it to 7 the green olney please": "send it to [address] olney please",
	})
	keeps(t, []string{"reason 1 the way olney council handled it", "we waited 3 the long way round"})
}

// "St" before a capitalised name is a saint's, in a village's name: "I live in Chalfont St Giles"
// was redacted to "[address] Giles", and the council the village names was lost (a QA pass).
func TestAVillageNamedForASaintIsNoStreet(t *testing.T) {
	keeps(t, []string{"I live in Chalfont St Giles, who is the DPO?", "I live in Chalfont St Peter"})
	redactsTo(t, map[string]string{"I live on Mill St, Olney": "I live on [address], Olney",
		// A town after "St" is no saint (a review found the street kept).
		"I live on High St Wendover and my neighbour has CCTV": "I live on [address] Wendover and my neighbour has CCTV"})
}
