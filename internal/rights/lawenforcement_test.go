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
		// Found by a QA pass as residents: trading standards, fraud in any words, an offence the
		// writer was suspected of, what was given to the police.
		{"I want a copy of the information trading standards hold on me for their investigation", true},
		{"I want a copy of what trading standards hold about me", true},
		{"I'd like a copy of the information you gave the police about me", true},
		{"what have you shown the police about me", true},
		{"I want a copy of my data. I was investigated for fly-tipping", true},
		{"I want everything about when I was accused of dog fouling", true},
		{"Please send me all records about the fraud allegation against me", true},
		{"I want a copy of my data, someone reported me for fraud", true},
		{"Send me the data from the benefit fraud investigation into me", true},
		{"I want a copy of the council tax fraud file on me", true},
		{"I want a copy of the fraud investigation file on me", true},
		{"I want a copy of everything about the housing fraud investigation into my tenancy", true},
		{"I want the evidence you have for prosecuting me", true},
		{"I want my data please, I'm a victim of fraud and need evidence", true},
		{"I'm being prosecuted by the council and want my file", true},

		// Ordinary requests keep their due date: the flag must not fire on them.
		{"I want a copy of all the data you hold about me", false},
		{"delete my housing application", false},
		{"my address is wrong on your records", false},
		{"I want the CCTV footage of me outside the library", false},
		{"copy of my parking penalty charge notice appeal", false},
		{"I object to you sharing my data for marketing", false},
		{"my council tax summons has the wrong name", false},
		{"I'm a police officer and want my own HR file", false},
		// An investigation that is no offence, "police" alone, the writer prosecuting someone.
		{"I want a copy of the investigation into my complaint about a housing officer", false},
		{"I want a copy of the records of your investigation into my data breach complaint", false},
		{"I want a copy of my data. I want to prosecute my landlord and need evidence", false},
		{"we'd like to prosecute the builder, please send our planning file", false},
		{"I want a copy of the data from the investigation into my noise complaint about my neighbour", false},
		{"I want the notes of the HR misconduct investigation into me", false},
		{"send me the social services investigation into me and my kids", false},
		{"I want a copy of the planning enforcement file on my extension", false},
		{"the police told me to ask you for the CCTV", false},
		{"I want all the data you hold about my parking fine", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, LawEnforcement(tc.text), tc.text)
	}
}
