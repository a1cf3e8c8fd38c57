package rights

// Third review: failing tests. Run: go test ./internal/rights -run Test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// P1 (regression in ed0cbd3): the "threat to kill me" cue takes "shoot me an email" for a
// shooting, and stops the request beside it being taken.
func TestShootMeAnEmailIsNoThreat(t *testing.T) {
	for _, m := range []string{
		"The DPO said she'd shoot me an email with my records",
		"she'll shoot me a message when my SAR is ready",
		"they shoot me down every time I ask for my file",
		"my friend would stab me in the back",
	} {
		assert.False(t, Classify(m).Safeguarding, m)
	}
}

// P1: an idiom still hides harm told in the next clause: a comma ends the idiom's clause, and
// nothing after it is read as anything but another cue, of which injuries are none.
func TestInjuryBesideAnIdiomIsUrgent(t *testing.T) {
	for _, m := range []string{
		"my dad will kill me if I lose my phone again, he broke my arm last time",
		"my mum will kill me if I forget the bins, she burnt me with a cigarette last time",
		"my dad will kill me if I lose the post, and he means it",
		"I don't feel safe with the council holding my address, my abusive ex works there",
	} {
		assert.True(t, Classify(m).Safeguarding, m)
	}
}
