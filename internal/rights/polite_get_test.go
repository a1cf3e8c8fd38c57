package rights

import "testing"

// "can I get a copy of my data please" asks for it, as "could I have a copy" does (a web QA pass
// answered it as a question); without the "please", or asked how, it may ask whether one can,
// and is information.
func TestCanIGetItPleaseIsARequest(t *testing.T) {
	for text, actionable := range map[string]bool{
		"can I get a copy of my data please, I live in High Wycombe":        true,
		"can I get a copy of my data please":                                true,
		"could I get a copy of my records please? I live in Aylesbury":      true,
		"can I get all the data you hold about me please, I'm in Bletchley": true,
		"can i get a copy of my data":                                       false,
		"how can I get a copy of my data please?":                           false,
		"can I ask for a copy of my data please":                            false,
	} {
		got := Classify(text)
		if got.Type != Access || got.Actionable != actionable {
			t.Errorf("%q: %s (actionable %v), want access (actionable %v)", text, got.Type, got.Actionable, actionable)
		}
	}
}
