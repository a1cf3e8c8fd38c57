package redact_test

import "testing"

// A resident correcting their name gives it again: "sorry I meant Jane" was stored unredacted,
// and so was "Kate" in "sorry my name is Jane not Kate" (a QA pass), though the name given
// wrongly first may be theirs too.
func TestNamesGivenInACorrectionAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"sorry I meant Jane":                          "sorry I meant [name]",
		"Sorry, I meant Jane Smith, not my mum":       "Sorry, I meant [name], not my mum",
		"sorry i meant to say Priya":                  "sorry i meant to say [name]",
		"sorry my name is Jane not Kate":              "sorry my name is [name] not [name]",
		"my name is Jane, not Kate, can you fix that": "my name is [name], not [name], can you fix that",
		"my name is jane not kate":                    "my name is [name] not [name]",
		"I'm Jane not Kate":                           "I'm [name] not [name]",
	})
}

// A correction that names no one, and "not" before a word that is no name, stay.
func TestCorrectionsWithoutANameAreKept(t *testing.T) {
	keeps(t, []string{
		"sorry I meant yes", "sorry I meant the housing team", "sorry I meant Monday", "Sorry I meant Housing Benefit",
		"sorry I meant Milton Keynes Council", "sorry, I meant that I want a copy", "sorry I meant no",
		"sorry I meant March", "sorry I meant May", "sorry I meant DPO",
		"sorry I meant Freedom of Information", "sorry I meant Council Tax", "sorry I meant Tuesday", "sorry I meant Bletchley",
	})
	redactsTo(t, map[string]string{
		"my name is Jane not happy with this":       "my name is [name] not happy with this",
		"I'm Jane not sure what to do":              "I'm [name] not sure what to do",
		"my name is Jane, not that it matters here": "my name is [name], not that it matters here",
	})
}
