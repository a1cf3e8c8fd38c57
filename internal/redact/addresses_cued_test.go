package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// Addresses said after "I'm at", "send it to" or "post it to", which a QA pass found kept (and
// stored in transcripts): a house number before capitalised words that have no street type
// ("22 Tudeley Hale"), or a house's name ("Rose Cottage"). "number 10 Downing Street" is an
// address wherever it stands, so redacting it is right.
func TestAddressesAfterWhereCuesAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"I'm at number", "I'm at number 22 Tudeley Hale", "I'm at number [address]", redact.KindAddress},
		{"we're at", "we're at 7 Bossiney Hale, can you check", "we're at [address], can you check", redact.KindAddress},
		{"I am at, lower case cue", "i am at number 41 Ashgrove Pightle", "i am at number [address]", redact.KindAddress},
		{"send it to", "send it to 22 Tudeley Hale please", "send it to [address] please", redact.KindAddress},
		{"post the form to", "please post the form to 9 Ashpole Hale", "please post the form to [address]", redact.KindAddress},
		{"send my records to me at", "send my records to me at 14 Tudeley Hale, Fishermead", "send my records to me at [address], Fishermead", redact.KindAddress},
		{"send it to my solicitor at", "send it to my solicitor at 4 Silbury Arcade", "send it to my solicitor at [address]", redact.KindAddress},
		{"post it to a cottage", "post it to Rose Cottage, Haddenham", "post it to [address], Haddenham", redact.KindAddress},
		{"send the letter to a farmhouse", "send the letter to Kiln Farmhouse, Stewkley", "send the letter to [address], Stewkley", redact.KindAddress},
		{"post my copy to The Maltings", "please post my copy to The Maltings, Olney", "please post my copy to [address], Olney", redact.KindAddress},
		{"number 10", "number 10 Downing Street is famous", "number [address] is famous", redact.KindAddress},
	})
}

// A house number and capitalised words before a postcode, or before a comma and a town or an
// estate, are an address: "22 Tudeley Hale, Fishermead, MK6 2HY" lost only its postcode.
func TestHouseNumberAndNameBeforeAPostcodeOrTownIsAnAddress(t *testing.T) {
	redactsTo(t, map[string]string{
		"22 Tudeley Hale, Fishermead, MK6 2HY":        "[address], Fishermead, [postcode]",
		"22 Tudeley Hale MK6 2HY":                     "[address] [postcode]",
		"it's 5 Ashgrove Hale, Bletchley MK2 3AB":     "it's [address], Bletchley [postcode]",
		"my mum lives 3 Penhale Pightle, Olney":       "my mum lives [address], Olney",
		"Ewa's details: 14 Tudeley Hale, Fishermead.": "Ewa's details: [address], Fishermead.",
	})
}

// Houses named "The Old …" are houses: "my address is The Old Rectory, Stewkley" was kept.
func TestTheOldHouseNamesAreAddresses(t *testing.T) {
	redactsTo(t, map[string]string{
		"my address is The Old Rectory, Stewkley":     "my address is [address], Stewkley",
		"I live at The Old Vicarage and want my file": "I live at [address] and want my file",
		"send it to The Old Forge, Haddenham":         "send it to [address], Haddenham",
	})
}

// Cues with no address after them, numbers that are times, pages or sections, and the
// council's or the public's buildings stay.
func TestWhereCuesWithoutAnAddressAreKept(t *testing.T) {
	keeps(t, []string{
		"I'm at work", "I'm at work until 5", "send it to me", "post it to the council", "I'm at 2 minutes past",
		"page 22 Data Rights", "Section 22 Tudeley", "see section 22 Tudeley Hale, Fishermead",
		"send it to the Data Protection Officer", "post it to Milton Keynes Council", "send it to County Hall, Aylesbury",
		"I'm at 3 different places", "send it to 2 addresses", "I'm at 2 PM Monday", "I'm at 16 Weeks pregnant",
		"send it to Companies House", "I live at the old house with my mum", "In 2019 Milton Keynes Council, Bletchley",
		"Article 22 Data Rights, GDPR", "I'm at Stage 2", "post it to 1 Address only",
		"I'm at the Civic Offices, Milton Keynes", "we sent 3 Blue Badges, Olney",
	})
}
