package conversation

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A notice's subject is its title in lower case less the words every title has, as a question is
// searched for it; a title that is only those words names nothing.
func TestSubjectsOfNoticesAreTheirTitlesFolded(t *testing.T) {
	b := &Bot{Notices: []NoticeTitle{
		{Title: "Customer Services Privacy Notice", Organisation: "Milton Keynes City Council"},
		{Title: "Privacy Notice"},
		{Title: "Housing Team Privacy Statement"},
		{Title: "Council Tax privacy policy"},
	}}
	want := []string{"customer services", "", "housing", "council tax"}
	assert.Equal(t, want, b.subjectsOfNotices())
	assert.Equal(t, want, b.subjectsOfNotices(), "asked again")
}
