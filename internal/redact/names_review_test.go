package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// A lower-case name after "my son" followed by a preposition, a first name ending in "-ed", and a
// full name before "resident of" or "tenant of" are names.
func TestRelativesNamesAreStillRedacted(t *testing.T) {
	for in, want := range map[string]string{
		"my son oliver in year 5 has an EHCP, who sees it?":        "my son [name] in year 5 has an EHCP, who sees it?",
		"my daughter emily at st marys school was bullied":         "my daughter [name] at st marys school was bullied",
		"my son tom with me wants his records":                     "my son [name] with me wants his records",
		"my son tom for his records":                               "my son [name] for his records",
		"my son mohammed.":                                         "my son [name].",
		"my husband mohammed, he wants a copy":                     "my husband [name], he wants a copy",
		"my husband syed, he wants a copy":                         "my husband [name], he wants a copy",
		"my son ahmed wants his records":                           "my son [name] wants his records",
		"my son mohammed khan goes to school":                      "my son [name] goes to school",
		"Hi I'm Ahmed Khan resident of Bletchley, who is the DPO?": "Hi I'm [name] resident of Bletchley, who is the DPO?",
		"Hi I'm Ahmed resident of Bletchley":                       "Hi I'm [name] resident of Bletchley",
		"I'm John Smith tenant of MK council":                      "I'm [name] tenant of MK council",
		"I'm Mr Khan resident":                                     "I'm [name] resident",
	} {
		assert.Equal(t, want, redact.Text(in))
	}
}

// What a partner did, in the past tense or with "-ed", is no name, whatever follows it.
func TestPartnersPastDeedsAreNotNames(t *testing.T) {
	for _, s := range []string{
		"my partner hit me",
		"my partner hit my son",
		"my ex took the kids",
		"my partner beat the kids",
		"my husband cheated again",
		"my partner slapped me",
		"my partner drank too much",
		"my partner ran off",
		"my partner lied to me",
		"my partner shouted at me",
		"I'm Polish citizen",
		"I'm Bucks resident of 10 years",
	} {
		assert.Equal(t, s, redact.Text(s))
	}
}

// Council services typed alone are not names (over-redaction of the whole-message rule).
func TestCouncilServicesTypedAloneAreNotNames(t *testing.T) {
	for _, s := range []string{"Food Hygiene", "Missed Bin", "Garden Waste", "Bulky Waste", "Fly Tipping",
		"Dog Fouling", "Trading Standards", "Missed Collection", "Council Tax Arrears"} {
		assert.Equal(t, s, redact.Text(s))
	}
}
