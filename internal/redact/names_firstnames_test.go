package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A full name said without an introduction, mid-sentence, reached the language model and the
// transcripts ("does the council share data about Jane Smith with the police?", a follow-up "and
// for Gary Wilson?"): a common first name says it is a person's. In lower case, only after a word
// saying whom something is about.
func TestNamesOpenedByAFirstNameAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"does the council share data about Jane Smith with the police?": "does the council share data about [name] with the police?",
		"and for Gary Wilson?":                          "and for [name]?",
		"what about Jane Smith":                         "what about [name]",
		"who sees the records about Tommy Smith?":       "who sees the records about [name]?",
		"I want Jack Hall's school records":             "I want [name]'s school records",
		"its for jane doe her dob is 1 jan 1950":        "its for [name] her dob is [date of birth]",
		"what about gary wilson, do you hold his data?": "what about [name], do you hold his data?",
		"Ask Sarah Jones in housing":                    "Ask [name] in housing",
		"and for Piotr Nowak?":                          "and for [name]?",
		"does housing share data about Steve Hughes?":   "does housing share data about [name]?",
	})
}

// Places, services and streets are not opened by a first name, and a first name followed by an
// ordinary word is no full name.
func TestPhrasesWithoutAFirstNameAreKept(t *testing.T) {
	keeps(t, []string{
		"what about Milton Keynes?", "I live in Newport Pagnell", "Adult Social Care records for Victoria Road",
		"for jane please", "what about Council Tax?", "is it the same for Blue Badge holders?",
		"records about Stony Stratford library", "how long for John Lewis Partnership staff?",
		"What about the Elizabeth Line?", // a name's "the" says it is no person (a review)
	})
}

// A full name followed by a contact is a person's, whatever the first name: "Ravi Patel, 07700
// 900456" was kept in transcripts (a QA pass). A council's service or a place with its number
// stays.
func TestANameBeforeAContactIsRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"Ravi Patel, 07700 900456":    "[name], [phone]",
		"Wei Zhang - wei@example.com": "[name] - [email]",
	})
	keeps(t, []string{"Adult Social Care, call us", "Thames Valley Police - 101"})
	redactsTo(t, map[string]string{"Milton Keynes, 01908 691691": "Milton Keynes, [phone]"})
}

// Places and buildings opened by a first name are no people: "Victoria Road Surgery", "Lloyd
// Park", "Stacey Bushes", "Ashley Green" were redacted (a QA pass and a review).
func TestPlacesOpenedByAFirstNameAreKept(t *testing.T) {
	keeps(t, []string{"Is Victoria Road Surgery part of the NHS sharing?", "I live near Lloyd Park", "I live in Stacey Bushes",
		"Is Ashley Green in Buckinghamshire?"})
	redactsTo(t, map[string]string{"Does Jane Smith work for you?": "Does [name] work for you?"})
}

// FirstName knows a common first name in any case, and no place or word.
func TestFirstName(t *testing.T) {
	for w, want := range map[string]bool{"Jane": true, "priya": true, "MOHAMMED": true, "Luton": false, "Olney": false, "central": false, "": false} {
		if got := redact.FirstName(w); got != want {
			t.Errorf("FirstName(%q) = %v, want %v", w, got, want)
		}
	}
}
