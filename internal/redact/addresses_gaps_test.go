package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A street named in one word whose end is a street's ("Queensway", "Broadway", "Southgate"),
// after a house number and words that say an address follows, is an address: "send it to 22
// Queensway" was kept while "send it to 22 Tudeley Hale please" was redacted (a QA pass).
func TestOneWordStreetsAfterACueAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"send it to", "send it to 22 Queensway", "send it to [address]", redact.KindAddress},
		{"street type alone", "send it to 22 Broadway", "send it to [address]", redact.KindAddress},
		{"then please", "post it to 14 Kingsway please", "post it to [address] please", redact.KindAddress},
		{"gate", "write to me at 3 Southgate, Olney", "write to me at [address], Olney", redact.KindAddress},
		{"I'm at", "I'm at 22 Queensway, how long do you keep CCTV", "I'm at [address], how long do you keep CCTV", redact.KindAddress},
		{"lower case after send", "send it to 22 queensway", "send it to [address]", redact.KindAddress},
		{"no cue, a town after a comma", "22 Queensway, Bletchley", "[address], Bletchley", redact.KindAddress},
	})
	redactsTo(t, map[string]string{
		"we moved from 5 Ridgeway Bletchley MK2 2DD": "we moved from [address] Bletchley [postcode]",
		"7 Parkway MK6 2HY":                          "[address] [postcode]",
		"i'm at number 4 ashgrove pightle":           "i'm at number [address]",
	})
}

// Words that end as streets do but name none, and one-word streets with no house number or no
// cue, stay.
func TestOneWordStreetLikeWordsAreKept(t *testing.T) {
	keeps(t, []string{
		"send it to 2 anyway", "I'm at 3 Investigate", "I'm at 2 delegates", "send it to 2 Gateways",
		"I'm at 2 Broadway shows a week", "I'm at 3 halfway", "we saw 22 Queensway shops", "I'm at 2 Southgates",
		"Section 22 Broadway", "the Broadway in Bletchley", "page 4 Parkway", "I'm at 3 Ways",
	})
}

// "It's number" before a house number says an address follows as "I'm at number" does: "it's
// number 22 Tudeley Hale" was kept (a QA pass); a place in a list ("it's number 7 on your list")
// is none.
func TestItsNumberBeforeAnAddressIsACue(t *testing.T) {
	assertRedacts(t, []redaction{
		{"it's number", "it's number 22 Tudeley Hale", "it's number [address]", redact.KindAddress},
		{"its number, lower case", "its number 22 tudeley hale", "its number [address]", redact.KindAddress},
		{"it is number, one-word street", "it is number 7 Queensway", "it is number [address]", redact.KindAddress},
	})
	keeps(t, []string{
		"it's number 7 on your list", "it's number 2 in the queue", "its 3 Data Rights",
		"it's number 1 Priority", "it's number 3 different things", "I'm at number 3 in the queue",
	})
}

// "My address to", "the address is" and "you can find me at" say an address follows as "my
// address is" does ("can you update my address to 22 Tudeley Hale" was kept).
func TestMoreAddressCuesAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"update my address to", "can you update my address to 22 Tudeley Hale", "can you update my address to [address]", redact.KindAddress},
		{"change our address to", "change our address to 7 bossiney hale please", "change our address to [address] please", redact.KindAddress},
		{"the address is", "the address is 7 Bossiney Hale", "the address is [address]", redact.KindAddress},
		{"find me at", "you can find me at 22 Queensway", "you can find me at [address]", redact.KindAddress},
	})
	keeps(t, []string{
		"the address is wrong", "what is the address to write to?", "you can find me at work", "my address to 2 people",
		"the address is on page 4", "find me at 3 o'clock",
	})
}

// A house number and a street typed in lower case straight before a postcode are an address
// with no words before them to say so: "its 22 tudeley hale mk6 2hy" lost only its postcode.
func TestALowerCaseStreetBeforeItsPostcodeIsAnAddress(t *testing.T) {
	redactsTo(t, map[string]string{
		"its 22 tudeley hale mk6 2hy":     "its [address] [postcode]",
		"flat 2 12 bossiney hale mk6 2hy": "[address] [postcode]",
	})
	redactsTo(t, map[string]string{
		"we have 2 green bins MK6 2HY":  "we have 2 green bins [postcode]",
		"section 4 data rights MK6 2HY": "section 4 data rights [postcode]",
		"it took 3 years mk6 2hy":       "it took 3 years [postcode]",
	})
}

// A street whose type is an everyday word ("Kiln Bank", "Mill End", "Lake View"), after a house
// number and before its town or its postcode, is an address: "new one is 3 kiln bank bletchley
// mk2 2dd" lost only its postcode, since "bank" is no street type on its own.
func TestStreetsEndingInAnEverydayWordBeforeTheirTownAreAddresses(t *testing.T) {
	assertRedacts(t, []redaction{
		{"capitalised, town after a comma", "new one is 3 Kiln Bank, Bletchley", "new one is [address], Bletchley", redact.KindAddress},
		{"town alone", "3 kiln bank bletchley", "[address] bletchley", redact.KindAddress},
		{"after send it to", "send it to 9 kiln bank", "send it to [address]", redact.KindAddress},
		{"end, town after a comma", "we moved to 14 mill end, olney", "we moved to [address], olney", redact.KindAddress},
	})
	redactsTo(t, map[string]string{
		"new one is 3 kiln bank bletchley mk2 2dd": "new one is [address] bletchley [postcode]",
		"3 Kiln Bank Bletchley MK2 2DD":            "[address] Bletchley [postcode]",
		"4 lake view mk6 2hy":                      "[address] [postcode]",
	})
	keeps(t, []string{
		"paid 50 into lloyds bank bletchley", "we use 2 food bank olney", "section 3 river bank bletchley",
		"I have 2 points of view olney", "3 different view, Olney", "the 2 banks in Bletchley",
		"I gave 3 bags to the food bank in Bletchley",
	})
}
