package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLawEnforcementFlagsRequestsAboutInvestigationsAndProsecutions(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"I want the evidence your trading standards team used to prosecute me", true},
		{"send me the notes of my interview under caution", true},
		{"copy of everything about the benefit fraud investigation into me", true},
		{"what did you pass on to the police about me?", true},
		{"I want a copy of the fixed penalty notice file for the littering", true},
		{"all data from the fly-tipping investigation", true},
		{"I need my records from the council tax fraud case", true},
		{"the statement the police took from your housing officer about me", true},

		// Ordinary requests keep their due date: the flag must not fire on them.
		{"I want a copy of all the data you hold about me", false},
		{"delete my housing application", false},
		{"my address is wrong on your records", false},
		{"I want the CCTV footage of me outside the library", false},
		{"copy of my parking penalty charge notice appeal", false},
		{"I object to you sharing my data for marketing", false},
		{"my council tax summons has the wrong name", false},
		{"I'm a police officer and want my own HR file", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, LawEnforcement(tc.text), tc.text)
	}
}
