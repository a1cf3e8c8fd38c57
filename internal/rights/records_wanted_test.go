package rights

import "testing"

// Records of what happened, wanted by the writer ("i want the safeguarding review records"), are
// access, asked as much as asked for: whether the council holds them as personal data is unsaid,
// so the chat offers the request. Named after a relative, they are the relative's (a QA pass: no
// right at all). The writer spoken of keeps them the writer's; the council's own documents are no
// one's data.
func TestRecordsWantedAreAccess(t *testing.T) {
	for text, onBehalf := range map[string]bool{
		"my son was hurt at school and i want the safeguarding review records":    true,
		"my daughter was excluded from school, I need the notes from the meeting": true,
		"I need the notes from the meeting":                                       false,
	} {
		got := Classify(text)
		if got.Type != Access || got.Actionable || got.OnBehalf != onBehalf || got.Confidence < 0.5 {
			t.Errorf("%q: %s (actionable %v, on behalf %v, confidence %.2f), want access asked, on behalf %v", text, got.Type, got.Actionable, got.OnBehalf, got.Confidence, onBehalf)
		}
	}
	for _, text := range []string{"i want the records of processing activities", "my neighbour complained about me, i want the file"} {
		if got := Classify(text); got.OnBehalf {
			t.Errorf("%q: on behalf, want the writer's or no one's", text)
		}
	}
	if got := Classify("i want the records of processing activities"); got.Type == Access {
		t.Errorf("the council's own document read as access")
	}
}
