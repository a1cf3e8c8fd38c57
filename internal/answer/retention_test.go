package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A question of how long something is kept that the notices don't answer says where the
// council's retention periods are set out, when its notices say so, quoted and cited: "don't
// answer that" alone left a resident with no way to find out (a QA pass). It is still an
// abstention, with the contact; a council whose notices name no such list, or give their
// periods in a list of their own, gets the contact alone, and so does any other question.
func TestAnAbstentionOnHowLongSaysWhereTheRetentionPeriodsAre(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Alderby Borough Council\n  - name: Fernshire County Council\n")},
		"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure centres privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Swimming lessons\nWe record your child's swimming level. These records are kept in line with our records retention policy.\n\n" +
			"Keeping your information\nWe keep your information only for as long as we need it, in line with the council's retention schedule. " +
			"How long that depends on the service. Our retention schedule is published on our website.\n\n" +
			"Memberships\nWe use your details to run your leisure membership and send you renewal reminders.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
		"parking.md": {Data: []byte("---\nid: parking\ntitle: Parking privacy notice\norganisation: Fernshire County Council\n---\n" +
			"How long we keep it\nWe keep information in line with the council's retention schedule:\n- Permit applications: 2 years\n- Penalty notices: 6 years\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Fernshire County Hall, Fernbury FE1 3XY.\n")},
	})
	ask := func(question, org string) Answer {
		t.Helper()
		ans, err := comp.Answer(context.Background(), Question{Text: question, Organisation: org})
		require.NoError(t, err)
		return ans
	}

	ans := ask("how long do you keep CCTV footage from the swimming pool?", "Alderby Borough Council")
	require.True(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "“We keep your information only for as long as we need it, in line with the council's retention schedule. "+
		"How long that depends on the service. Our retention schedule is published on our website.”")
	assert.Contains(t, ans.Answer, "AL1 2BC", "the contact is still given")
	require.Len(t, ans.Citations, 2)
	assert.Equal(t, "leisure", ans.Citations[0].Notice)
	assert.Contains(t, ans.Citations[0].Excerpt, "retention schedule is published")
	assert.Contains(t, ans.Answer, "[1]")

	ans = ask("who do you share CCTV footage from the swimming pool with?", "Alderby Borough Council")
	require.True(t, ans.Abstained, ans.Answer)
	assert.NotContains(t, ans.Answer, "retention schedule", "not asked how long")

	ans = ask("how long do you keep CCTV footage from car parks?", "Fernshire County Council")
	require.True(t, ans.Abstained, ans.Answer)
	assert.NotContains(t, ans.Answer, "retention schedule", "its notice gives its periods in a list: none of them is for what was asked")
	assert.True(t, strings.Contains(ans.Answer, "FE1 3XY"), ans.Answer)

	// Asked of two councils, one of which gives no period: it says so, where its periods are
	// set out, and whom to ask (a QA pass: its part went unanswered, unsaid).
	ans = ask("how long does Fernshire County Council keep permit applications, and is it the same at Alderby Borough Council?", "")
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "2 years")
	assert.Contains(t, ans.Answer, "Alderby Borough Council's privacy notices don't answer that.")
	assert.Contains(t, ans.Answer, "Our retention schedule is published on our website.")
	assert.Contains(t, ans.Answer, "AL1 2BC")
}

// "What do you keep about me?" asks what is held, not for how long: the keeping words are read
// as retention, and the answer quoted the retention periods. Asked how long, they still are.
func TestWhatIsKeptAboutSomeoneIsWhatIsHeld(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"library.md": {Data: []byte("---\nid: library\ntitle: Library services privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"What information we hold\nWe hold your name, address, date of birth and the items you have borrowed.\n\n" +
			"How long we keep it\nWe keep your membership details for 2 years after your last loan, and then delete them.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
	})
	for question, want := range map[string]string{
		"what do you keep about me?":                               "items you have borrowed",
		"what information is stored on my children?":               "items you have borrowed",
		"which details does the library keep on file about me":     "items you have borrowed",
		"how long do you keep information about me?":               "2 years",
		"what is the period you keep data about me for, how long?": "2 years",
	} {
		ans, err := comp.Answer(context.Background(), Question{Text: question, Organisation: "Alderby Borough Council"})
		require.NoError(t, err)
		require.False(t, ans.Abstained, question)
		assert.Contains(t, ans.Answer, want, question)
	}
}
