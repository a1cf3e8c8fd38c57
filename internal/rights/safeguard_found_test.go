package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Someone who may be an abuser finding where the writer lives is urgent without a word of fear
// when it goes on, is a mystery to the writer, or happens at a new home: "my husband keeps
// finding my address" was offered a confidentiality request and no safeguarding contacts. As
// with the model, what else the message asks is read too (the address kept confidential).
// Someone merely knowing an address, a relative reading a letter, a past event or a question
// about how the council found one is not (TestFearOfBeingTrackedDownIsUrgent's calm ones too).
func TestAnAbuserFindingWhereTheyLiveIsUrgent(t *testing.T) {
	urgent := []string{
		"my husband keeps finding my address",
		"my ex keeps turning up at my new flat, how does he know where I live",
		"how does my ex know my new address",
		"she keeps finding out where we live",
		"my ex partner has somehow found my new address again",
		"he keeps turning up at my house",
		"how did my boyfriend find my new flat",
	}
	assertUrgent(t, func() (u []urgentMessage) {
		for _, text := range urgent {
			u = append(u, urgentMessage{text: text})
		}
		return u
	}())
	for _, text := range urgent {
		assert.True(t, foundWhereILive.MatchString(normalize(text)), "%q: the rule, not only the model, finds it", text)
	}
	got := Classify("my husband keeps finding my new address, i need you to not give it out to anyone")
	assert.True(t, got.Safeguarding, "a request to hide the address is urgent too")
	assert.Equal(t, Objection, got.Type, "and still asks for the address to be kept confidential")
	assert.True(t, got.Actionable)

	assertCalm(t, []string{
		"my ex knows my address, please update it on my council tax account",
		"i'm not scared, my dad knows my address anyway",
		"my mum found my new address on the letter you sent, can you correct the postcode",
		"Back in 2015 my ex kept turning up at my new flat. Is there an audit log?",
		"how did they find my address?",
		"how does the council know where I live?",
		"my landlord keeps turning up at my flat without notice",
	})
}
