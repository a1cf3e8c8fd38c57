package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A QA pass of residents on the web chat: someone finding, following or knowing where the writer
// lives, said with fear, is a danger ("my husband keeps finding my new address, … im scared" was
// filed as a request to correct records); either alone is not.
func TestFearOfBeingTrackedDownIsUrgent(t *testing.T) {
	assertUrgent(t, []urgentMessage{
		{text: "my husband keeps finding my new address, i need you to not give it out to anyone, im scared"},
		{text: "im scared my ex will find out where i live"},
		{text: "I'm frightened, my ex-partner somehow found my new address again"},
		{text: "my stepdad keeps following me home from school and im scared"},
		{text: "he's tracked down where we live now and I'm terrified"},
	})
	assertCalm(t, []string{
		"my ex knows my address, please update it on my council tax account",
		"i'm scared of the council tax bill",
		"i'm not scared, my dad knows my address anyway",
		"my mum found my new address on the letter you sent, can you correct the postcode",
	})
}

// Keeping an address from others, asked for as hiding it or not giving it out, is a request to
// keep it confidential (an objection to its disclosure), not a correction for its "new address".
func TestHidingAnAddressIsAConfidentialityRequest(t *testing.T) {
	for _, text := range []string{
		"my husband keeps finding my new address, i need you to not give it out to anyone",
		"can you hide my address",
		"hide my address please",
		"i want my address hidden from my ex",
		"please don't give out my address to anyone",
	} {
		if got := Classify(text); got.Type != Objection || !got.Actionable {
			t.Errorf("%q: %s (actionable %v), want an actionable objection", text, got.Type, got.Actionable)
		}
	}
	if got := Classify("please update my address to my new one"); got.Type != Rectification {
		t.Errorf("a new address to record is %s, want rectification", got.Type)
	}
}

// The records named as what is to be corrected or updated are a request to rectify them, not to
// see them ("i want to correct my records" was filed as access, for wanting one's records).
func TestCorrectingMyRecordsIsRectification(t *testing.T) {
	for _, text := range []string{
		"i want to correct my records",
		"i want to update my records",
		"I need to amend my personal details",
		"please can you change my details on file",
	} {
		if got := Classify(text); got.Type != Rectification || !got.Actionable {
			t.Errorf("%q: %s (actionable %v), want an actionable rectification", text, got.Type, got.Actionable)
		}
	}
	if got := Classify("I want a copy of my records so I can correct them"); got.Type != Access {
		t.Errorf("a copy asked for first is %s, want access", got.Type)
	}
}

// A question about what a request needs ("do i need id to get my data") is a question about the
// right, not the request itself (a QA pass started the request on the "i need" in "do i need").
func TestWhatARequestNeedsIsAQuestion(t *testing.T) {
	for _, text := range []string{
		"do i need id to get my data",
		"do I need to show ID to get a copy of my records?",
		"is id required for a subject access request",
		"what id do i need to get my file",
		"do i need a reason to ask for my data deleted",
	} {
		if got := Classify(text); got.Type == None || got.Actionable {
			t.Errorf("%q: %s (actionable %v), want a question about a right", text, got.Type, got.Actionable)
		}
	}
	if got := Classify("I need a copy of my data, I have ID ready"); got.Type != Access || !got.Actionable {
		t.Errorf("a request saying ID is ready is %s (actionable %v), want an access request", got.Type, got.Actionable)
	}
}

// "I want to delete my mum's data" asks for the mother's data to be erased: the "want … my mum's
// data" of a copy request outweighed "delete", and the case went to the queue as access (a QA
// pass). A copy preferred to deleting stays access.
func TestDeletingARelativesDataIsErasure(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Type
	}{
		{"i want to delete my mums data from your records", Erasure},
		{"i want to delete my mum's data", Erasure},
		{"i want to delete my husbands data", Erasure},
		{"i want you to erase my mothers information", Erasure},
		{"i want a copy of my mums data", Access},
		{"can i have a copy of my data instead of deleting it", Access},
	} {
		assert.Equal(t, tt.want, Classify(tt.text).Type, tt.text)
	}
}
