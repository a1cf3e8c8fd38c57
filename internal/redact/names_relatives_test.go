package redact_test

import "testing"

// Introductions `privacybot transcripts` kept: "my names" typed without an apostrophe, and
// someone close to the writer said to be a person by their full name ("my son is Gary Holt").
func TestIntroducedNamesAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my names sarah okafor, do you use cookies": "my names [name], do you use cookies",
		"My names Tyler":                                     "My names [name]",
		"his names Jake Smith and he is 9":                   "his names [name] and he is 9",
		"my name's jo":                                       "my name's [name]",
		"my son is Gary Holt and he is 12":                   "my son is [name] and he is 12",
		"my neighbour is Sandra Kowalski, she shares my bin": "my neighbour is [name], she shares my bin",
		"my husband was David Jones":                         "my husband was [name]",
		"My daughter is Amy-Leigh O'Brien.":                  "My daughter is [name].",
		"our landlord is Mr Ahmed Khan":                      "our landlord is [name]",
	})
}

// What a relation is, rather than who, stays; so do "names" in their other senses.
func TestRelationsDescribedAreKept(t *testing.T) {
	keeps(t, []string{
		"my names not on the tenancy", "my names and address are wrong", "my namesake",
		"what names do you keep?",
		"my daughter is Autistic", "my son is Year Five", "my mum is Power of Attorney",
		"my dad is Milton Keynes Council tenant", "my husband is Church Lane Surgery's manager",
		"my son is Looked After", "my partner is Blue Badge holder", "my daughter is in Year 5",
		"my mum is Irish", "my wife is Data Controller", "my dad was Station Road's postman",
		"my son is at Olney Middle School", "my neighbour is Buckinghamshire Council",
	})
}

// A possessive ends the name without its "'s", so what is the person's stays readable.
func TestAPossessiveEndsTheName(t *testing.T) {
	redactsTo(t, map[string]string{
		"my son Jack Brown's EHCP is late":               "my son [name]'s EHCP is late",
		"my daughter Lily Smith's school admission data": "my daughter [name]'s school admission data",
		"this is Dave's phone":                           "this is [name]'s phone",
	})
}
