package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// "New address", "home addr", "the addr", "my addy" and "old address" typed with no "my" and no colon before a house
// number say an address follows ("new address 7 bossiney hale" was kept, a QA pass); the verb
// "address" ("we will address 3 main points") says none, and nor does the cue before no number.
func TestBareAddressCuesBeforeAHouseNumberAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"new address", "new address 7 bossiney hale", "new address [address]", redact.KindAddress},
		{"new addr", "new addr 22 queensway bletchley", "new addr [address]", redact.KindAddress},
		{"my new address, no is", "my new address 7 bossiney hale", "my new address [address]", redact.KindAddress},
		{"home address", "home address 12 bossiney hale please", "home address [address] please", redact.KindAddress},
		{"the addr is", "the addr is 7 Bossiney Hale", "the addr is [address]", redact.KindAddress},
		{"my addy is", "my addy is 12 Kiln Bank, Olney", "my addy is [address], Olney", redact.KindAddress},
		{"new addy", "new addy 7 bossiney hale", "new addy [address]", redact.KindAddress},
	})
	keeps(t, []string{
		"my buddy 3 doors down", "new addy 2 days ago",
		"we will address 3 main points", "your home address and phone", "the new address Data Protection holds",
		"new address 2 days ago", "old address 3 times", "we address 2 issues here",
	})
}

// "It's" with no "number" before a house number and a capitalised street says an address
// follows ("it's 7 Bossiney Hale" was kept); before a count or words in lower case it names none.
func TestItsBeforeACapitalisedStreetIsACue(t *testing.T) {
	assertRedacts(t, []redaction{
		{"it's", "it's 7 Bossiney Hale", "it's [address]", redact.KindAddress},
		{"its, one-word street", "its 22 Queensway", "its [address]", redact.KindAddress},
	})
	keeps(t, []string{
		"it's 3 data rights", "it's 2 Weeks late", "it's 6 years", "its 3 Data Rights", "it's 2 pm",
		"it's 10 Milton Keynes Council offices", "it's 4 O'Clock",
	})
}

// A street in one word with no street type ("Ashpole"), after a cue and a house number, is an
// address where a town of the councils' areas follows it ("I'm at 9 Ashpole, Olney" was kept).
func TestOneWordStreetsBeforeATownAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"I'm at, comma, town", "I'm at 9 Ashpole, Olney", "I'm at [address], Olney", redact.KindAddress},
		{"lower case", "im at 3 hillcrest, newport pagnell btw", "im at [address], newport pagnell btw", redact.KindAddress},
		{"from, no comma", "pls update address from 4 ashpole olney", "pls update address from [address] olney", redact.KindAddress},
		{"from a to b", "address from 4 ashpole olney to 19 kingsway, bletchley", "address from [address] olney to [address], bletchley", redact.KindAddress},
		{"no cue, lower-case -way street", "11 ridgeway, stony stratford", "[address], stony stratford", redact.KindAddress},
	})
	keeps(t, []string{
		"I'm at 2 different, Olney", "I'm at 3 Olney", "I'm at 2 weeks, Olney", "we're at number 7",
		"I'm at number 3 in the queue", "page 11 gateway, olney", "it took 11 ridgeway walks, Olney",
	})
}

// A house number alone after "at number" ("we're at number 7", "neighbour at no 16") is kept: a
// number with no street is shared by every street, and "I'm at number 3 in the queue" reads the
// same way, so taking it would take counts out of questions for no one's privacy.
func TestABareHouseNumberIsKept(t *testing.T) {
	keeps(t, []string{"we're at number 7", "my neighbour at no 16 plays music", "I'm at number 12, is that in Bucks?"})
}

// A flat's number straight before a house number and a street goes with them ("flat 2 12
// bossiney hale mk6 2hy" kept "flat 2").
func TestAFlatBeforeAStreetTypedInLowerCaseIsRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"flat 2 12 bossiney hale mk6 2hy":     "[address] [postcode]",
		"Flat 4a, 22 tudeley hale mk6 2hy":    "[address] [postcode]",
		"apt. 3 9 bossiney hale, mk6 2hy":     "[address], [postcode]",
		"the flat 2 12 bossiney hale mk6 2hy": "the [address] [postcode]",
	})
	redactsTo(t, map[string]string{"we have 2 12 green bins MK6 2HY": "we have 2 12 green bins [postcode]"})
}

// "It's number 1" ranks where words like "top priority" follow it: no address.
func TestItsNumberBeforeARankIsKept(t *testing.T) {
	keeps(t, []string{"it's number 1 top priority", "its number 1 Top Priority", "it's number 2 on my list", "it's number 1 choice"})
}

// A neighbour's address, said after "my neighbour at" or "my neighbour mr khan at", is personal
// data as the writer's is ("my neighbour at 18 bossiney hale" was kept); a time is none.
func TestANeighboursAddressIsRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"neighbour at", "my neighbour at 18 bossiney hale keeps parking on my drive", "my neighbour at [address] keeps parking on my drive", redact.KindAddress},
		{"neighbours, a name between", "the neighbours darren and kim at 18 bossiney hale, shout", "the neighbours darren and kim at [address], shout", redact.KindAddress},
	})
	keeps(t, []string{
		"my neighbour shouts at 2 am every night", "my neighbour starts drilling at 8 sharp", "neighbours complained at 3 different times",
		"the neighbour's party at 11 pm", "my neighbour was at 9 o'clock",
	})
}

// A point of the compass that ends a street's name goes with it: "1 Saxon Gate East", the
// council's address as a notice gives it, came out "[address] East".
func TestACompassPointEndingAStreetIsTaken(t *testing.T) {
	redactsTo(t, map[string]string{
		"Post: 1 Saxon Gate East, Milton Keynes MK9 3EJ": "Post: [address], Milton Keynes [postcode]",
		"I live at 4 Silbury Boulevard. East is best":    "I live at [address]. East is best",
		"Civic, 1 Saxon Gate West, Milton Keynes":        "Civic, [address], Milton Keynes",
	})
}
