package rights

import "testing"

// Where the council sends data, asked, is no portability request, with "my" or without it (a QA
// pass: "does milton keynes council transfer data outside the uk" was offered one); moving one's
// own data to another provider still is.
func TestTransfersAbroadAreNoPortability(t *testing.T) {
	for _, text := range []string{
		"does milton keynes council transfer data outside the uk",
		"do you transfer information outside the EU",
		"is data transferred overseas",
		"do you transfer my data outside the UK?",
	} {
		if in := Classify(text); in.Type != None || in.Actionable {
			t.Errorf("Classify(%q) = %s (actionable %v), want none", text, in.Type, in.Actionable)
		}
	}
	for _, text := range []string{"can I move my data to another provider", "Can my data be transferred to another council?"} {
		if in := Classify(text); in.Type != Portability {
			t.Errorf("Classify(%q) = %s, want portability", text, in.Type)
		}
	}
}
