package redact_test

import (
	"testing"
)

// A QA pass found addresses stored in web transcripts after words that say one follows: "write
// to (me at)" was no cue, a street typed in lower case after "send it to" was kept, and so was an
// old address after "I moved from", in lower case ("flat 3 the maltings, olney").
func TestAddressesAfterWriteToAndMovedFromAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"you can write to me at 22 Tudeley Hale Fishermead, how long do you keep it": "you can write to me at [address], how long do you keep it",
		"write to 22 Tudeley Hale Fishermead":                                        "write to [address]",
		"please write to my mum at 7 Bossiney Hale":                                  "please write to my mum at [address]",
		"can you write the letter to 9 Ashpole Hale, Olney":                          "can you write the letter to [address], Olney",
		"we moved from 41 Ashgrove Pightle last year":                                "we moved from [address] last year",
		"I've moved to 22 Tudeley Hale, Fishermead":                                  "I've moved to [address], Fishermead",
	})
}

// After such a cue, a house or a flat number and words typed in lower case are an address, up
// to a comma, a postcode, a word that ends it ("please", "and") or the end of the clause, and
// at most four words.
func TestLowerCaseAddressesAfterACueAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"send it to 22 tudeley hale please":                                          "send it to [address] please",
		"send it to 22 tudeley hale":                                                 "send it to [address]",
		"post the form to 9 ashpole hale, olney":                                     "post the form to [address], olney",
		"write to me at 14 tudeley hale fishermead mk6 2hy":                          "write to me at [address] [postcode]",
		"I moved from flat 3 the maltings, olney, do you still keep my old address?": "I moved from [address], olney, do you still keep my old address?",
		"i moved from flat 12 kiln court. do you still have it":                      "i moved from [address]. do you still have it",
		"we moved from 7 bossiney hale and want the old file":                        "we moved from [address] and want the old file",
		"my address is flat 3 the maltings, olney":                                   "my address is [address], olney",
	})
}

// The cues with no address after them, counts and a move between flats stay: "flat 3" alone,
// with no building, is no one's address.
func TestLowerCaseCuesWithoutAnAddressAreKept(t *testing.T) {
	keeps(t, []string{
		"write to the council", "write to me", "write to me at the council", "you can write to us at any time",
		"I moved from flat 3 to flat 5", "we moved from 2 bedrooms to 3", "I moved from 3 different councils",
		"send it to 2 different addresses", "send it to 3 people please", "write to 2 different teams",
		"I moved from Bletchley last year", "write to Companies House", "write to County Hall, Aylesbury",
		"send it to 2 of my solicitors", "write to 4 the council offices", "send it to 1 address only",
		"we moved to 2 smaller houses", "send it to 3 separate offices", "we moved from a 4 bed semi",
		"I moved to a 3 bed house", "moving to 2 weekly collections", "send it to 2 email addresses please",
	})
}
