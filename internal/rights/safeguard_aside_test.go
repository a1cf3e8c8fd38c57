package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A resident back from seeing to their children, picking up where they left off, tells of no
// danger: "sorry had to go and get the kids, where was I?" read as urgent to the model (its
// children's words), at the intake's service step, and the request was flagged. The aside is
// read as an idiom, so neither the cues nor the model weigh it; what else the message says
// still counts.
func TestBackFromTheKidsIsNoDanger(t *testing.T) {
	for _, text := range []string{
		"sorry had to go and get the kids, where was I?",
		"sorry, had to pick up the kids",
		"back now, had to sort the kids out",
		"sorry the baby was crying, where were we",
		"sorry had to pick up the kids from school, where was I?",
		"sorry the baby was crying and I had to settle her, where were we",
		"back now, had to sort the kids out, what was the next question?",
		"apologies, I had to go and collect the children from school, where were we?",
		"sorry about that, the kids were playing up, where was I",
		"ok I'm back, had to put the baby down for a nap, what did you need next?",
	} {
		in, tr := classify(text)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
	for _, text := range []string{
		"sorry had to get the kids out, he was smashing the place up and screaming he'll kill me",
		"sorry the baby was crying because he hit her, where were we",
		"back now, had to sort the kids out, he's outside my house again and I'm terrified he'll find where we live",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding, "%q: %s", text, tr)
	}
}

// The same aside in other words (a verifying QA pass: 6 of 10 such messages were urgent, two by
// the cues — "my toddler fell over and was crying", "my little boy hurt himself" — four by the
// model): an ordinary interruption by the children, said with "sorry", "back", "carry on" or
// "where were we", is no danger, wherever the apology stands. A danger told beside it ("because
// his dad hit him", "he's got a knife") still is. The paraphrases, both ways, are a labelled
// development set (testdata/rights/safeguarding-asides-dev.jsonl).
func TestOrdinaryChildcareAsidesAreNoDanger(t *testing.T) {
	for _, text := range []string{
		"the kids were screaming so I had to go, can I carry on with my request",
		"back now, my toddler fell over and was crying. can we carry on?",
		"had to pop out to pick up my son, where were we",
		"sorry my little boy hurt himself, I'm back now",
		"I'm back, had to stop my two fighting over the ipad",
		"my son was screaming the house down, sorry, carry on",
	} {
		in, tr := classify(text)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
	for _, text := range []string{
		"I had to get the kids out, he's smashing the place up",
		"my son is screaming because his dad hit him",
		"the baby was crying because he hit her",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding, "%q: %s", text, tr)
	}
	for _, m := range loadPass(t, "safeguarding-asides-dev.jsonl") {
		in, tr := classify(m.Text)
		assert.Equal(t, m.Urgent, in.Safeguarding, "%q: %s", m.Text, tr)
	}
}
