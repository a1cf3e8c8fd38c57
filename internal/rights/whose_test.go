package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Whose records a message asks about, read once for the classifier's OnBehalf and the
// conversation's "whose?" question (a review: the conversation's own reader filed "delete my old
// address, I moved in to care for my mum" for the mum, and asked "whose?" of "my data for my mum"
// but not of "… for my grandson").
func TestRecordsOf(t *testing.T) {
	for _, tc := range []struct {
		text     string
		whose    Whose
		relative string
	}{
		{"Please delete my old address, I moved in to care for my mum", Own, ""},
		{"I want a copy of my housing file for my son's school application", Own, ""},
		{"please delete my account, my sons name is on it too", Own, ""},
		{"I don't want my ex-husband's address on my records any more", Own, ""},
		{"I want my ex's phone number taken off my account", Own, ""},
		{"I want my mum's new address put on my account", Own, ""},
		{"my ex is threatening me, please don't give him my address", Own, ""},
		{"I'd like my data for my grandson", Unclear, "grandson"},
		{"I'd like my data for my nephew", Unclear, "nephew"},
		{"my data for my mum", Unclear, "mum"},
		{"I want a copy of my records for my kids", Unclear, "kids"},
		{"the records you hold for my dad", Theirs, "dad"},
		{"I want a copy of my son's school records", Theirs, "son"},
		{"records for my son's file", Theirs, "son"},
		{"please delete my son's name from the register", Theirs, "son"},
		{"delete my mum's new address from your records", Theirs, "mum"},
		{"I'm asking on behalf of my client", Theirs, "client"},
		{"delete it", Unsaid, ""},
		{"stop sending letters", Unsaid, ""},
		{"my name is Kate Hill, stop the letters", Unsaid, ""},
	} {
		got := RecordsOf(tc.text)
		assert.Equal(t, tc.whose, got.Whose, tc.text)
		if tc.whose == Unclear {
			assert.Equal(t, tc.relative, got.Relative, tc.text)
		}
		assert.Equal(t, tc.whose == Theirs, Classify(tc.text).OnBehalf, "OnBehalf is RecordsOf's Theirs: %s", tc.text)
	}
}

// One list of relatives: every word of it is read as someone else's by the possessive repair, and
// the classifier's readers agree on it (a review: six lists, and "my data for my grandson" was
// asked "whose?" by one reader and not the other).
func TestRelativesAreOneList(t *testing.T) {
	for w := range relations {
		assert.Regexp(t, `^`+Relatives+`$`, w)
	}
	for _, w := range []string{"grandson", "nephew", "stepdad", "cousin", "tenant", "ex"} {
		assert.True(t, Classify("I want a copy of the records you hold for my "+w).OnBehalf, w)
		assert.Equal(t, Unclear, RecordsOf("I'd like my data for my "+w).Whose, w)
	}
	// "My client" is a representative's words, whatever else is said.
	assert.Equal(t, Theirs, RecordsOf("I'd like my data for my client").Whose)
}

// A relative's detail on the writer's records ("my mum's new address put on my account") is no
// request for someone else's details; asking to be given them still is.
func TestAnothersDetailOnTheWritersRecordsIsNoSearch(t *testing.T) {
	for _, text := range []string{"I don't want my ex-husband's address on my records any more", "I want my ex's phone number taken off my account",
		"I want my mum's new address put on my account", "please take my ex's number off my file"} {
		assert.False(t, SomeoneElsesDetails(text), text)
		got := Classify(text)
		assert.True(t, got.Actionable && (got.Type == Erasure || got.Type == Rectification) && !got.OnBehalf, "%s: %+v", text, got)
	}
	for _, text := range []string{"I want my ex's phone number", "I don't have it any more, can you give me my ex's phone number",
		"can you give me my nephew's address", "I need my tenant's forwarding address"} {
		assert.True(t, SomeoneElsesDetails(text), text)
	}
}
