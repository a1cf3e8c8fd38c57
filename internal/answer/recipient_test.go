package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "Do you share my data with the Home Office?" is not answered by a list of recipients that
// doesn't name it, however many of its words the list uses ("the Cabinet Office"): the notices
// don't say. A recipient the list names is answered, its name's plural too ("Domestic Homicide
// Reviews"), and so is a kind of recipient ("the government", whose member the list names as
// "the Department for Education"), which is left to the abstention model.
func TestARecipientTheNoticesDoNotNameIsNotAnswered(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Alderby Borough Council\n")},
		"schools.md": {Data: []byte("---\nid: schools\ntitle: School admissions privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Who we share your information with\nWe share admissions information with the schools you apply to, with the police when a child may be at risk, " +
			"with the Department for Education for its statistics, with the Cabinet Office for fraud checks " +
			"and with a domestic homicide review when one is held.\n\n" +
			"How long we keep it\nWe keep admission applications for 2 years after the offer day.\n\n" +
			"Complaints\nYou can complain to the Information Commissioner's Office. Your landlord and the press are never told about your application.\n")},
	})
	ask := func(question string) Answer {
		t.Helper()
		ans, err := comp.Answer(context.Background(), Question{Text: question})
		require.NoError(t, err)
		return ans
	}
	for _, q := range []string{"do you share my child's admission details with the Home Office?", "will you pass my admissions information to my landlord?",
		"does the council share my info with the home office"} { // in lower case too (a QA pass)
		ans := ask(q)
		assert.True(t, ans.Abstained, "%s: %s", q, ans.Answer)
	}
	for _, q := range []string{"do you share admissions information with the police?", "does the council share admissions information with the government?",
		"do you share admissions information with the cabinet office?",
		"do you share admissions information with Domestic Homicide Reviews?"} {
		ans := ask(q)
		assert.False(t, ans.Abstained, q)
		assert.Contains(t, ans.Answer, "Department for Education", q)
	}
}
