package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fernshireAndAlderby is a composer over two councils' notices: Alderby's leisure centres, which
// share accident reports with a body named after Fernshire, and Fernshire's adult social care.
func fernshireAndAlderby(t *testing.T) *Composer {
	t.Helper()
	return composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n" +
			"  - name: Fernshire County Council\n    aliases: [Fernshire]\n" +
			"  - name: Alderby Borough Council\n    aliases: [Alderby]\n")},
		"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure centres privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Discounts\nPeople on benefits get a half-price leisure pass discount when they show proof of their benefit.\n\n" +
			"Sharing\nWe share accident reports with Fernshire Fire and Rescue Service when they investigate a fire.\n\n" +
			"Data Protection Officer\nData Protection Officer, Alderby Town Hall, Alderby AL1 2BC\n")},
		"care.md": {Data: []byte("---\nid: care\ntitle: Adult social care privacy notice\norganisation: Fernshire County Council\n---\n" +
			"Assessments\nWe use your information to assess your care needs.\n\n" +
			"Data Protection Officer\nData Protection Officer, County Hall, Fernshire FE1 4XY\n")},
	})
}

// A question naming its council is answered from that council's notices or not at all; a
// council's name that begins the name of another body ("Fernshire Fire and Rescue") names that body.
func TestAQuestionNamingItsCouncilIsAnsweredFromItsNotices(t *testing.T) {
	comp := fernshireAndAlderby(t)
	checkAnswers(t, comp, []answerCase{
		{"does Fernshire have a leisure pass discount for people on benefits?", true, "FE1 4XY"},
		{"does Alderby have a leisure pass discount for people on benefits?", false, "half-price"},
		{"do you share accident reports with Fernshire Fire and Rescue?", false, "Fernshire Fire and Rescue Service"},
		// A story may name several councils: the asking sentence names the one asked about.
		{"My sister in Alderby got a half-price pass. Does Fernshire have a leisure pass discount for people on benefits?", true, "FE1 4XY"},
		{"I moved from Fernshire last year. Does Alderby have a leisure pass discount for people on benefits?", false, "half-price"},
	})
}

// An answer scoped to one council (its widget, `ask --org`, a chat's /org) asked about another
// says so and gives the other council's contact, rather than quote its own council's facts as
// if they were the other's; a question naming its own council, or a body named after another
// ("Fernshire Fire and Rescue"), is answered as usual.
func TestAScopedQuestionAboutAnotherCouncilSaysSo(t *testing.T) {
	comp := fernshireAndAlderby(t)
	ask := func(org, q string) Answer {
		ans, err := comp.Answer(context.Background(), Question{Text: q, Organisation: org})
		require.NoError(t, err)
		return ans
	}
	other := ask("Alderby Borough Council", "where do I write to Fernshire's data protection officer?")
	assert.True(t, other.Abstained)
	assert.Contains(t, other.Answer, "That asks about Fernshire County Council, but I'm answering from Alderby Borough Council's notices only here.")
	assert.Contains(t, other.Answer, "FE1 4XY", "the council asked about's own contact")
	assert.NotContains(t, other.Answer, "AL1 2BC", "not this council's contact, as if it were the other's")

	own := ask("Alderby Borough Council", "is there a leisure pass discount in Alderby for people on benefits?")
	assert.False(t, own.Abstained, own.Answer)
	assert.Contains(t, own.Answer, "half-price")

	body := ask("Alderby Borough Council", "do you share accident reports with Fernshire Fire and Rescue?")
	assert.NotContains(t, body.Answer, "That asks about", "the fire service is not the council")
}

// A council that would rather refer residents to its DPO than risk a wrong answer sets its own
// abstain_threshold in organisations.yaml; the other councils of the deployment keep theirs.
func TestAnOrganisationsOwnAbstainThreshold(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n" +
			"  - name: Fernshire County Council\n    abstain_threshold: 0.999\n" +
			"  - name: Alderby Borough Council\n")},
		"alderby.md": {Data: []byte("---\nid: alderby\ntitle: Feedback privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"How long we keep it\nCompliments are kept for 1 year after we receive them.\n\n" +
			"Contact\nData Protection Officer, Alderby Town Hall, Alderby AL1 2BC\n")},
		"fernshire.md": {Data: []byte("---\nid: fernshire\ntitle: Feedback privacy notice\norganisation: Fernshire County Council\n---\n" +
			"How long we keep it\nCompliments are kept for 1 year after we receive them.\n\n" +
			"Contact\nData Protection Officer, County Hall, Fernshire FE1 4XY\n")},
	})
	ctx := context.Background()
	ans, err := comp.Answer(ctx, Question{Text: "How long do you keep compliments?", Organisation: "Alderby Borough Council"})
	require.NoError(t, err)
	assert.False(t, ans.Abstained, "Alderby keeps the deployment's threshold: %s", ans.Answer)
	ans, err = comp.Answer(ctx, Question{Text: "How long do you keep compliments?", Organisation: "Fernshire County Council"})
	require.NoError(t, err)
	assert.True(t, ans.Abstained, "the same sentence is not sure enough for Fernshire")
	assert.Contains(t, ans.Answer, "FE1 4XY", "and Fernshire's contact is given")
}

// An abstention on a question asked of one council of several says it is that council's notices
// that don't answer: another council's may.
func TestAbstentionSaysWhoseNoticesDontAnswer(t *testing.T) {
	comp := fernshireAndAlderby(t)
	for _, tt := range []struct{ question, org, says string }{
		{"does Fernshire have a leisure pass discount for people on benefits?", "", "Fernshire County Council's privacy notices don't answer that"},
		{"how long do you keep CCTV footage?", "Alderby", "Alderby Borough Council's privacy notices don't answer that"},
		{"how long do you keep CCTV footage?", "", "The privacy notices I have don't answer that"},
	} {
		ans, err := comp.Answer(context.Background(), Question{Text: tt.question, Organisation: tt.org})
		require.NoError(t, err)
		assert.True(t, ans.Abstained, tt.question)
		assert.True(t, strings.HasPrefix(ans.Answer, tt.says), "%q (%s): %s", tt.question, tt.org, ans.Answer)
	}
	assert.Equal(t, "St Albans'", Possessive("St Albans"), "a name ending in s takes an apostrophe alone")
}
