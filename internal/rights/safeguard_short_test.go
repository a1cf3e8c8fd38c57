package rights

import "testing"

// Short messages are the vocabulary's alone (the model doesn't judge them): a method asked for, a
// poison swallowed, a medical emergency, a fire, a door being broken down are urgent in a few
// words; the same words about something else are not. (From the short urgent messages the
// vocabulary missed among the training batches 10 and 11; the test sets' misses are never read.)
func TestShortMessagesOfDanger(t *testing.T) {
	assertUrgent(t, []urgentMessage{
		{"how many sleeping pills would it take", true},
		{"whats the easiest way to kill myself", true},
		{"how long does it take for bleach to work", true},
		{"my son swallowed drain cleaner", false},
		{"my dad collapsed and isn't breathing", false},
		{"flat on fire help", false},
		{"ordered a rope today", true},
		{"my ex is kicking the door in", false},
	})
	// The same words about something else don't make the vocabulary call them urgent (whether
	// the model does is its own test: a longer message may still be its false alarm).
	for _, text := range []string{
		"what's the best way to go about a SAR",
		"how many tablets does the council let you declare on the form",
		"do you keep records of house fires",
		"the fire door in our block is broken, who do I report it to",
		"my rope swing was taken down by the council",
	} {
		if score, fired := safeguardingScore(normalize(text)); score >= safeThreshold {
			t.Errorf("%q is not urgent to the vocabulary; %.1f %v", text, score, fired)
		}
	}
}

// A danger said outright stays urgent beside a data question, in either order (a tenth QA pass
// found "who do you share my data with? I don't want to live anymore" answered with the list of
// partners: the records and policy cues damped the danger under the threshold); the same
// question about a danger that is past stays calm.
func TestADangerBesideADataQuestion(t *testing.T) {
	assertUrgent(t, []urgentMessage{
		{"who do you share my data with? I don't want to live anymore", true},
		{"I don't want to live anymore. Who do you share my data with?", true},
		{"my neighbour's kid is being beaten, who do you share data with", false},
		{"a child next door is being beaten, who do you share data with?", false},
	})
	assertCalm(t, []string{
		"I attempted suicide years ago and I'm in a much better place now, who do you share my data with?",
		"my dad was violent when I was a child, who do you share my social care records with?",
	})
}
