package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TellsOfBeingFound reads someone finding, knowing or turning up at where the writer lives, or
// the fear of it, however put; the conversation offers the confidentiality request on an urgent
// message that does (a QA sweep: offered for "my husband keeps finding my address", not for "my
// ex keeps turning up at my new flat").
func TestTellsOfBeingFound(t *testing.T) {
	for text, want := range map[string]bool{
		"my ex keeps turning up at my new flat":              true,
		"my ex has found out where I live":                   true,
		"my abusive ex got my address from a council letter": true,
		"he keeps finding out where I live":                  true,
		"my ex-partner keeps turning up at my new place":     true,
		"my husband keeps finding my address":                true,
		"I'm scared my ex will find my address":              true,
		"my stalker found my new address":                    true,
		"my partner hits me":                                 false,
		"my new partner found my address book":               false,
		"I want a copy of my records":                        false,
	} {
		assert.Equal(t, want, TellsOfBeingFound(text), text)
	}
}
