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

// A search for someone is one however it is typed or put: "his new adress" (a QA pass filed it as
// a request to correct records), "where is he now" of a lodger owing rent, "need his forwarding
// adress" with no "I". A landlord's "tell me where he's gone" is no emergency (the safeguarding
// model gave it the safeguarding reply), while danger said, or a runaway child, still is.
func TestASearchForSomeoneIsOneHoweverTyped(t *testing.T) {
	for _, text := range []string{"my tenant left owing rent, i need his new adress", "my lodger left owing rent, where is he now",
		"tenant gone owing rent need his forwarding adress", "I need to find where my brother lives now",
		"I'm a landlord, my tenant did a runner, can you tell me where he's gone", "can u give me my ex's new e-mail, he owes me"} {
		assert.True(t, SomeoneElsesDetails(text), text)
	}
	for _, text := range []string{"my son is in care, where is he now", "I want my data, where is it now", "where is he now?",
		"my tenant left owing rent, i need his new adress removed from my file"} {
		assert.False(t, SomeoneElsesDetails(text), text)
	}

	assert.False(t, Classify("I'm a landlord, my tenant did a runner, can you tell me where he's gone").Safeguarding)
	for _, text := range []string{"I need to find where my daughter lives now, she ran away",
		"I'm a landlord, my tenant threatened me with a knife and did a runner, can you tell me where he's gone"} {
		assert.True(t, Classify(text).Safeguarding, text)
	}
}
