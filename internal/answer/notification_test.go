package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "Will you tell me before you give my details to the police?" asks whether the person is told.
// A list of recipients naming the police doesn't say (a QA pass saw it answered sure with one);
// a sentence saying the family is told first does, and is quoted first.
func TestWhetherThePersonIsToldIsAnsweredOnlyBySaying(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Alderby Borough Council\n")},
		"housing.md": {Data: []byte("---\nid: housing\ntitle: Housing privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Who we share your information with\nThe types of recipients include:\n- Law enforcement agencies, such as the police\n- Housing associations\n- Our contractors\n\n" +
			"How long we keep it\nWe keep tenancy records for 6 years after the tenancy ends.\n")},
		"family.md": {Data: []byte("---\nid: family\ntitle: Family support privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Referrals to social care\nIf we believe a child is at risk of harm we refer the family to Children's Social Care. " +
			"We will usually tell you first, unless telling you would put a child at greater risk.\n\n" +
			"Sharing with schools\nWith your agreement we share the family plan with your child's school.\n")},
	})
	ask := func(question string) Answer {
		t.Helper()
		ans, err := comp.Answer(context.Background(), Question{Text: question})
		require.NoError(t, err)
		return ans
	}
	for _, q := range []string{"will you tell me before you give my housing details to the police?", "would I be told if you passed my tenancy records to a housing association?"} {
		ans := ask(q)
		assert.True(t, ans.Abstained, "%s: %s", q, ans.Answer)
	}
	ans := ask("will you tell me before you refer my family to social care?")
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "We will usually tell you first")
	// Who the council shares with is still answered by the recipients.
	ans = ask("do you give my housing details to the police?")
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "Law enforcement agencies")
}

// Judged for the abstention model's training and the threshold sweep, a question the rule
// abstains on is answered anyway and marked vetoed: the sweep counts it abstained at every
// threshold, as the engine does.
func TestAQuestionTheToldRuleAbstainsOnIsJudgedVetoed(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"housing.md": {Data: []byte("---\nid: housing\ntitle: Housing privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Who we share your information with\nThe types of recipients include:\n- Law enforcement agencies, such as the police\n- Housing associations\n")},
	})
	j, err := comp.AnswerAnyway(context.Background(), Question{Text: "will you tell me before you give my housing details to the police?"})
	require.NoError(t, err)
	assert.True(t, j.Vetoed)
	assert.NotNil(t, j.Signals)
	j, err = comp.AnswerAnyway(context.Background(), Question{Text: "do you give my housing details to the police?"})
	require.NoError(t, err)
	assert.False(t, j.Vetoed)
}
