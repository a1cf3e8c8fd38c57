package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// What is held, asked, is told from a request to be sent or shown it (a web QA pass: "what info
// does customer services hold about me" started a request at once).
func TestAsksWhatIsHeld(t *testing.T) {
	for text, want := range map[string]bool{
		"what info does customer services hold about me":        true,
		"what data do you have on me":                           true,
		"what do you hold about me?":                            true,
		"which of my details does housing keep":                 true,
		"hi, what personal information do you hold about me?":   true,
		"i want to see what you hold about me":                  false,
		"please send me everything you hold on me":              false,
		"can you tell me what data you have on me please":       false,
		"what do you hold about me? send it to me":              false,
		"what information do you hold about me, please send it": false,
		"what do you hold on my dad":                            false,
		// An order in a clause of its own after the question, as after a "?" (a review).
		"what do you hold about me, send it to me":               false,
		"what data do you have on me, email it to me":            false,
		"what do you hold about me and send me a copy":           false,
		"what info does customer services hold about me, thanks": true,
		"what data do you have on me and my kids":                true,
		// What follows if something is held, or what to do then, is no question of what is.
		"what happens if you hold wrong data on me":            false,
		"what can i do if you hold the wrong details about me": false,
		"what should i do if you have data on me":              false,
		"how long do you keep my data":                         false,
	} {
		if got := AsksWhatIsHeld(text); got != want {
			t.Errorf("AsksWhatIsHeld(%q) = %v, want %v", text, got, want)
		}
	}
}

// What is held, asked, then an order to send it, is a request however the order is set off
// (a review: "what do you hold about me, send it to me" was answered from the notices, and
// so was "…? send it to me"). A question of sending it asks.
func TestWhatIsHeldThenSendItIsARequest(t *testing.T) {
	for text, actionable := range map[string]bool{
		"what do you hold about me, send it to me":   true,
		"what do you hold about me? send it to me":   true,
		"what do you have on me and email me a copy": true,
		"how long will it take you to send it to me": false,
		"when will you send it to me?":               false,
	} {
		got, tr := classify(text)
		if actionable {
			assert.Equal(t, Access, got.Type, "%q; %s", text, tr)
		}
		assert.Equal(t, actionable, got.Actionable, "%q; %s", text, tr)
	}
}
