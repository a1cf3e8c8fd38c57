package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// Names the sixth QA pass found still stored.
func TestSixthPassNamesAreRedacted(t *testing.T) {
	for in, want := range map[string]string{
		"my son's dad, Jamal, won't let me see the school records":  "my son's dad, [name], won't let me see the school records",
		"the housing officer, Gemma Lloyd, said my file was shared": "the housing officer, [name], said my file was shared",
		"Gemma Lloyd from housing told me to ask here":              "[name] from housing told me to ask here",
		"my ex (Liam) says I can't see it":                          "my ex ([name]) says I can't see it",
		"He's called Tyrone Brown, can he see my records?":          "He's called [name], can he see my records?",
		"the man is Mohammed Ali Khan":                              "the man is [name]",
		"my dad is called Barry":                                    "my dad is called [name]",
		"the social worker was called Fatima":                       "the social worker was called [name]",
		"my foster carer Linda":                                     "my foster carer [name]",
		"our childminder Agnieszka":                                 "our childminder [name]",
		"Does Mark Jenkins work in council tax?":                    "Does [name] work in council tax?",
		"I spoke to Helen in the planning team":                     "I spoke to [name] in the planning team",
		"I spoke to Bob at the council":                             "I spoke to [name] at the council",
		"mrs jones next door":                                       "mrs [name] next door",
		"address is Rose Cottage, Church Lane, Olney":               "address is [address], Olney",
		"Jo Bloggs\njo@example.com":                                 "[name]\n[email]",
		"Kate Hill\nMrs Hill is my mum":                             "[name]\nMrs [name] is my mum",
	} {
		assert.Equal(t, want, redact.Text(in), "%q", in)
	}
}

// What the new contexts must not take for a name.
func TestSixthPassOrdinaryTextIsKept(t *testing.T) {
	for _, s := range []string{
		"council tax", "bus pass", "blue badge", "bin day", "food bank", "cctv footage",
		"tenancy agreement", "thank you", "green waste", "housing benefit",
		// Two lower-case words typed alone are far more often a topic than a name ("direct
		// payments", "exam results"), and the DPO's list of unanswered questions needs them. (A
		// common first name opening them makes them a name: "sam jones" was kept here until a QA
		// pass found such names in transcripts; see TestLowerCaseFullNamesAreRedacted.)
		"direct payments", "exam results",
		"the landlord never replied",
		"the housing officer said my file was shared",
		"I called the council twice",
		"It's called Universal Credit",
		"he is very rude",
		"she is Deaf",
		"Does Council Tax cover this?",
		"Is Church Lane closed?",
		"I spoke to Customer Services",
		"I spoke to the council",
		"Subject Access Request\nI want my records",
		"my partner hits me",
		"i miss my son",
		"mr men books",
	} {
		assert.Equal(t, s, redact.Text(s), "%q", s)
	}
}
