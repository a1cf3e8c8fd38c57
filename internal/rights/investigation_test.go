package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// What is held about a case against the writer (an investigation, a complaint, an allegation
// made against them) is their data asked for: an access request, not a complaint of theirs. A
// QA pass filed "I want all the information Buckinghamshire Council holds about the fly-tipping
// investigation against me" as a complaint, told the resident "I'll pass your complaint…", and
// the DPO could then neither flag it as Part 3 nor change its type. Labelled when found; a
// complaint of the writer's own about such a case stays a complaint.
func TestWhatIsHeldAboutACaseAgainstMeIsAnAccessRequest(t *testing.T) {
	assertClassified(t, []classified{
		{"I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me", Access, true},
		{"I want the file you have on me about the complaint against me", Access, true},
		{"the file you have on me about the complaint against me please", Access, true},
		{"please send me the information you hold about the investigation against me", Access, true},
		{"Can I have everything you hold about the complaint made against me by my neighbour?", Access, true},
		{"I'd like a copy of the notes on the noise complaint against me", Access, true},
		{"I want all the documents relating to the planning enforcement case against me", Access, true},
		{"I need the information you have about the allegations against me", Access, true},
		{"I want to see the evidence in the benefit investigation against my son", Access, true},
		{"what information do you hold about the complaint against me?", Access, true},
		{"send me everything about the fly-tipping allegation against me", Access, true},

		// A complaint of the writer's own about the case is a complaint; a question of how long
		// records are kept is a question.
		{"I want to complain about the fly-tipping investigation against me", Complaint, true},
		{"I want to make a complaint about how the investigation against me was handled", Complaint, true},
		{"I want to complain about the information you hold on the investigation against me", Complaint, true},
		{"the officer investigating the complaint against me shared my data with my neighbour", Complaint, false},
		{"how long do you keep the records of a complaint against me?", None, false},
	})
}

// Fly-tipping is one of the offences a council investigates and prosecutes itself (the README's
// Part 3 cues): a request for what is held about a fly-tipping case against the writer is flagged
// for the DPO however the case is named. Reporting fly-tipping is no such case.
func TestLawEnforcementFlagsAFlyTippingCaseAgainstTheWriter(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me", true},
		{"I want all the information you hold about the fly tipping investigation against me", true},
		{"I want all the information you hold about the flytipping investigation against me", true},
		{"send me everything about the fly-tipping allegation against me", true},
		{"I want the file on the investigation into fly-tipping outside my house that I was blamed for", true},
		{"copy of the fly tipping enforcement file on me", true},
		{"I want a copy of the fly-tipping penalty notice file", true},
		{"I want the records of your fly-tipping enquiry about me", true},
		{"I reported fly-tipping in my street, send me my report", false},
		{"I want a copy of my fly tipping report", false},
	} {
		assert.Equal(t, tc.want, LawEnforcement(tc.text), tc.text)
	}
}
