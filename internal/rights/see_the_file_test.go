package rights

import "testing"

// "can i see the file though?" asks about seeing a file kept on the writer, as "can I see my
// file?" does: access, asked as a question (a QA pass: no right at all, so no request offered).
func TestSeeingTheFileIsAccess(t *testing.T) {
	for _, text := range []string{
		"can i see the file though?",
		"im ok right now. can i see the file though?",
		"could I read the case file?",
	} {
		got := Classify(text)
		if got.Type != Access || got.Actionable || got.Safeguarding {
			t.Errorf("%q: %s (actionable %v, urgent %v), want access asked as a question", text, got.Type, got.Actionable, got.Safeguarding)
		}
	}
}
