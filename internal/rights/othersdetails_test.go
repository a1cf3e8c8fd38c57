package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSomeoneElsesDetailsAreNoRightOfTheWriters(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		// Someone else's address, number or whereabouts, asked for by whoever wants them found.
		{"my tenant left owing rent, can you give me his new address?", true},
		{"My ex-partner moved out, can you tell me her phone number?", true},
		{"can I have my ex's new number please", true},
		{"I need my old tenant's forwarding address, he owes me £2,000", true},
		{"what is my neighbour's address? he owes me money", true},
		{"what’s my lodger’s new address", true},
		{"where does my ex live now?", true},
		{"can you tell me where my tenant has moved to", true},
		{"the family next door still owe me for the fence, please send me their contact details", true},

		// The writer's own details, or someone else's to correct, hide or delete, or asked for
		// with authority to act for them: requests, taken as before.
		{"can you give me my address as you have it on file", false},
		{"I want my mum's address updated, she moved in with me", false},
		{"my ex's phone number is on my file, please remove it", false},
		{"please don't give my new address to my ex", false},
		{"I have power of attorney and need my dad's address history for his pension", false},
		{"can you send my letters to where my mum lives", false},
		// The council's own people, whose contacts the notices publish.
		{"who is the DPO for Bucks? whats her address", false},
		{"I need to contact the housing team, can you give me their phone number?", false},
		// Asked about, not asked for.
		{"will the council give my ex my new address if he asks?", false},
		{"I want my dad's records but I don't know where he lives now", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, SomeoneElsesDetails(tt.text), tt.text)
	}
}
