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

// The name of someone close said to be called so, typed in lower case: a transcript kept "my
// partner is called jamie" whole.
func TestCloseOnesCalledSoInLowerCaseAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my partner is called jamie":                       "my partner is called [name]",
		"my partner is called jamie  smith and he hits me": "my partner is called [name] and he hits me", // two spaces (a review)
		"my partner is called jamie\tsmith, he hits me":    "my partner is called [name], he hits me",
		"my partner is called jamie, he hits me":           "my partner is called [name], he hits me",
		"my partner is called jamie he is violent":         "my partner is called [name] he is violent",
		"my son is called oliver smith and he is 5":        "my son is called [name] and he is 5",
		"my son's called oliver":                           "my son's called [name]",
		"my ex is named liam. liam has my address":         "my ex is named [name]. [name] has my address",
		"my mum's carer is called bev, who sees this":      "my mum's carer is called [name], who sees this",
		"she's called jo":                                  "she's called [name]",
	})
}

// What "called" says of someone close that is no name, and what things are called, stays.
func TestCalledThatIsNoNameIsKept(t *testing.T) {
	keeps(t, []string{
		"my son is called names at school", "my son is called racist names",
		"my daughter is called thick by other kids", "my son is called fat", "my son was called ugly",
		"my partner is called into work a lot", "my son is called up for jury service",
		"my husband is called back to the army", "my son is named after his grandad",
		"my partner is named on the tenancy", "my dad was called to court",
		"the app is called fixmystreet", "my condition is called fibromyalgia",
		"my dog is called buster", "it's called council tax support", "the form is called sar",
	})
}
