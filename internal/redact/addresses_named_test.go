package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// Addresses without a postcode or a street type that a QA pass found kept (the README's own
// examples among them): after an "address:" label, a flat or apartment in a named building, a
// house number before a farm's or a house's name, a Milton Keynes "Furlong", a house's name after
// "my address is".
func TestNamedBuildingsAndEstatesAreAddresses(t *testing.T) {
	assertRedacts(t, []redaction{
		{"address label, MK estate", "address: 22 Tudeley Hale Fishermead", "address: [address]", redact.KindAddress},
		{"address label, line start", "Name given\nAddress: 9 Pencarrow Place Fishermead\nRequest: access", "Name given\nAddress: [address]\nRequest: access", redact.KindAddress},
		{"home address label", "home address: 41 Bossiney Place, MK6", "home address: [address], MK6", redact.KindAddress},
		{"flat in a named building", "Flat 4a The Maltings", "[address]", redact.KindAddress},
		{"flat in a named building, town after", "I live at Flat 4a The Maltings, Olney", "I live at [address], Olney", redact.KindAddress},
		{"flat, lower case, house", "flat 3 kingsway house, wolverton", "[address], wolverton", redact.KindAddress},
		{"apartment, building, street", "Apartment 12, Vizion, Avebury Boulevard", "[address]", redact.KindAddress},
		{"apartment in a named block then a question", "it's apartment 7 Hampton Court Lofts, do you hold my data", "it's [address], do you hold my data", redact.KindAddress},
		{"number before a farm", "3 Kiln Farm", "[address]", redact.KindAddress},
		{"number before a cottage, then a town", "send it to 2 Mill Cottages, Haddenham", "send it to [address], Haddenham", redact.KindAddress},
		{"Furlong", "7 Ashpole Furlong, Loughton", "[address], Loughton", redact.KindAddress},
		{"Glade", "we are at 15 Hollin Glade", "we are at [address]", redact.KindAddress},
		{"house name after my address is", "my address is Rose Cottage, Haddenham", "my address is [address], Haddenham", redact.KindAddress},
		{"building name after I live at", "I live at Kingsway House and want my file", "I live at [address] and want my file", redact.KindAddress},
	})
	redactsTo(t, map[string]string{
		"Flat 4a The Maltings, Olney MK46 4BB": "[address], Olney [postcode]",
	})
}

// Numbers and flat words in other senses, and a council's halls, stay: counts, sections,
// periods, articles and sums, and words after "my address is" that are no address.
func TestNumbersAndLabelsThatAreNoAddressAreKept(t *testing.T) {
	keeps(t, []string{
		"I have 3 children", "see section 4 Data Rights", "we keep it for 2 years", "6 years after the case closes",
		"under Article 49(1) of the GDPR", "it costs £10 a year", "I own 2 holiday cottages",
		"we have 3 House rules", "there are 2 Town Hall meetings", "page 3 Data Protection Officer",
		"Unit 4 Data Rights covers this", "flat 5 pounds fee", "the flat 2 doors down is empty",
		"my address is wrong on your records", "my address is Milton Keynes", "my address has changed",
		"address: see the notice", "email address: unknown", "Address: County Hall, Walton Street, Aylesbury",
		"do you keep data in Olney", "I live at home with my mum", "Flat 3 is above mine",
		"the 2 Church Cottages are listed", "in 2 Farm Houses", "I rent 1 Holiday Cottage",
		"Room 101 Civic Offices", "Appendix 2 Retention Schedule", "Step 3 Manor Farm", "i live at the moment with mum",
	})
}
