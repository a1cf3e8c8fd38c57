package rights

import "testing"

// An adviser tells of a caller's changed address in the third person: "wants us to update her
// address on our records" was read as the right of access (the wish, and "our records", the
// council's, taken for the caller asking for her own), and "we have her old address, she moved"
// as no request at all (a QA pass of advisers). "I've moved, please update my address" was
// already a correction; asked, the same words are still a question.
func TestAnAdviserTellingOfACallersChangedAddressIsARectification(t *testing.T) {
	assertClassified(t, []classified{
		{"caller has moved house, wants us to update her address on our records, she lives in Olney now", Rectification, true},
		{"caller says we have her old address, she moved last month", Rectification, true},
		{"Mr Shah wants us to change his email address, he has a new one", Rectification, true},
		{"we've still got his old address on file, he moved in June", Rectification, true},
		{"I've moved, please update my address", Rectification, true},
		{"do you still have my old address?", Rectification, false},
		{"how do I update my address on your records?", Rectification, false},
	})
	// Someone else holding it is no record of the council's to correct.
	if got := Classify("my ex has my old address"); got.Type == Rectification && got.Actionable {
		t.Error("an ex holding an old address is taken as a correction")
	}
}

// "caller wants to stop us sharing his data with the police": the adviser's "us" is the council,
// as "you" is in a resident's "stop sharing my data" (a QA pass answered it with the notices'
// list of recipients and offered nothing). Asked whether the data is shared, it is a question.
func TestAnAdviserTellingOfACallerStoppingASharingIsAnObjection(t *testing.T) {
	assertClassified(t, []classified{
		{"caller wants to stop us sharing his data with the police", Objection, true},
		{"she wants us to stop passing her details to the police", Objection, true},
		{"resident wants to stop us using her data for research", Objection, true},
		{"please stop sharing my data with the police", Objection, true},
	})
	if got := Classify("do you share my data with the police?"); got.Actionable {
		t.Errorf("a question of sharing is an actionable %s request", got.Type)
	}
}
