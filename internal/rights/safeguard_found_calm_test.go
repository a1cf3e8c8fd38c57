package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Someone getting an address wrong, or a bailiff or a debt collector writing to a new home, is no
// abuser finding where the writer lives: the rule took "getting my address" for finding it, and a
// bare "he"/"she" in "how did he get my new address?" for a partner (a review found all three
// told to call 999). A bare he or she still counts where it goes on ("he keeps turning up at my
// house"); a mystery needs a partner or an ex named ("how did my boyfriend find my new flat").
func TestAnAddressGotWrongOrABailiffWritingIsNoAbuserFindingIt(t *testing.T) {
	calm := []string{
		"my husband keeps getting my address wrong when he fills in the council tax form",
		"the bailiff wrote to my new flat, how did he get my new address?",
		"how did she find my address? the debt collector sent a letter",
	}
	for _, text := range calm {
		assert.False(t, foundWhereILive.MatchString(normalize(text)), "%q: no abuser finding the writer", text)
	}
	assertCalm(t, calm)
}
