package answer

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAbstentionModelRefusesAModelItCannotUse(t *testing.T) {
	good, err := DefaultAbstention()
	require.NoError(t, err, "the embedded model reads the composer's signals (make train)")
	tests := []struct {
		name   string
		change func(m *AbstentionModel)
		want   string
	}{
		{"other signals", func(m *AbstentionModel) { m.Signals = append(m.Signals[:2:2], "something new") }, "make train"},
		{"a weight missing", func(m *AbstentionModel) { m.Weights = m.Weights[1:] }, "weights"},
		{"a threshold out of range", func(m *AbstentionModel) { m.Threshold = 1.5 }, "threshold"},
		{"a zero scale", func(m *AbstentionModel) { m.Scale = append([]float64{0}, m.Scale[1:]...) }, "scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := *good
			m.Signals, m.Mean, m.Scale, m.Weights = SignalNames(), append([]float64(nil), good.Mean...), append([]float64(nil), good.Scale...), append([]float64(nil), good.Weights...)
			tt.change(&m)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			_, err = ParseAbstentionModel(b)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	_, err = ParseAbstentionModel([]byte(`{"signals": [`))
	assert.ErrorContains(t, err, "read abstention model")
}

func TestTheAbstentionModelDecides(t *testing.T) {
	comp := testComposer(t)
	require.NotNil(t, comp.Abstention, "a composer decides with the embedded model")
	ctx := context.Background()

	ex, err := comp.Explain(ctx, Question{Text: "How long do you keep complaint records?"})
	require.NoError(t, err)
	assert.False(t, ex.Answer.Abstained, ex.Answer.Answer)
	assert.Contains(t, ex.Answer.Answer, "6 years")
	require.Len(t, ex.Signals, len(signalNames), "the explanation shows every signal the model read")
	require.NotNil(t, ex.Probability)
	assert.GreaterOrEqual(t, *ex.Probability, comp.Abstention.Threshold)

	// The same question, the same sentence: a model that never trusts a sentence abstains.
	sceptic := *comp.Abstention
	sceptic.Bias = -50
	comp.Abstention = &sceptic
	ex, err = comp.Explain(ctx, Question{Text: "How long do you keep complaint records?"})
	require.NoError(t, err)
	assert.True(t, ex.Answer.Abstained)
	assert.Contains(t, ex.Decision, "abstention model")
	assert.Contains(t, ex.Answer.Answer, "01908 254900", "an abstention gives the data protection contact")

	// AnswerAnyway answers whatever the model says, and gives the signals it would read.
	j, err := comp.AnswerAnyway(ctx, Question{Text: "How long do you keep complaint records?"})
	require.NoError(t, err)
	assert.False(t, j.Answer.Abstained)
	assert.Len(t, j.Signals, len(signalNames))
}

// Between the threshold and SureAt the bot answers, but says it may not answer exactly and gives
// the data protection contact: whoever asked knows whom to ask when the quote isn't it.
func TestAnUnsureAnswerSaysSoAndGivesTheContact(t *testing.T) {
	comp := testComposer(t)
	ctx := context.Background()
	const q = "How long do you keep complaint records?"
	sure, err := comp.Answer(ctx, Question{Text: q})
	require.NoError(t, err)
	require.False(t, sure.Hedged, "the model is sure of this one")
	assert.NotContains(t, sure.Answer, hedgeLead)
	assert.Nil(t, sure.Contact)

	// The same sentence, judged by a model that gives it 0.7: answered, unsure.
	ex, err := comp.Explain(ctx, Question{Text: q})
	require.NoError(t, err)
	doubtful := *comp.Abstention
	doubtful.Bias -= math.Log(*ex.Probability/(1-*ex.Probability)) - math.Log(0.7/0.3)
	comp.Abstention = &doubtful
	ex, err = comp.Explain(ctx, Question{Text: q})
	require.NoError(t, err)
	require.InDelta(t, 0.7, *ex.Probability, 0.01)
	assert.Contains(t, ex.Decision, "unsure")
	got := ex.Answer
	assert.False(t, got.Abstained)
	assert.True(t, got.Hedged)
	assert.True(t, strings.HasPrefix(got.Answer, hedgeLead), got.Answer)
	assert.Contains(t, got.Answer, "6 years", "the closest passage is still quoted")
	require.NotNil(t, got.Contact)
	assert.Equal(t, "Milton Keynes City Council", got.Contact.Organisation)
	last := got.Citations[len(got.Citations)-1]
	assert.Contains(t, last.Excerpt, "01908 254900", "the contact is cited from the notices")
	assert.Contains(t, got.Answer, fmt.Sprintf("data protection team [%d]", last.N))
	for _, c := range got.Citations[:len(got.Citations)-1] {
		assert.NotEqual(t, last.N, c.N)
	}

	// A council that sets its threshold above SureAt never hedges: what it answers, it is sure of.
	for _, tt := range []struct{ threshold, want float64 }{{0.6, SureAt}, {0.3, SureAt}, {0.9, 0.9}} {
		assert.Equal(t, tt.want, sureFrom(tt.threshold), "at threshold %.2f", tt.threshold)
	}
}

func TestAskingClauseIsWhereAStoryAsks(t *testing.T) {
	tests := []struct{ question, want string }{
		{"how long do you keep compliments", "how long do you keep compliments"},
		{"I sent in a thank you for a brilliant bin man. How long do you keep compliments?", "How long do you keep compliments?"},
		{"Can I see my file? I moved house last year.", "Can I see my file?"},
		{"My mum died last year. She had a blue badge. What happens to it now", "What happens to it now"},
		{"I sent in a thank you for a brilliant bin man, how long do you keep compliments", "how long do you keep compliments"},
		{"If I complain, will you tell my neighbour?", "will you tell my neighbour?"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, askingClause(tt.question), tt.question)
	}
}

// Without an abstention model (one that doesn't read the composer's signals is never loaded),
// the coverage and unseen-word thresholds decide.
func TestWithoutAModelTheThresholdsDecide(t *testing.T) {
	comp := testComposer(t)
	comp.Abstention = nil
	for _, tt := range []struct {
		question string
		abstain  bool
	}{
		{"How long do you keep complaint records?", false},
		{"How long do you keep CCTV footage?", true},
		{"How long do you keep parking ticket records?", true},
	} {
		ex, err := comp.Explain(context.Background(), Question{Text: tt.question})
		require.NoError(t, err)
		assert.Equal(t, tt.abstain, ex.Answer.Abstained, tt.question)
		assert.Nil(t, ex.Probability, "no model was asked")
	}
}

func TestAnswerTypes(t *testing.T) {
	asked := []struct{ clause, want string }{
		{"why do you need my national insurance number?", TypeReason},
		{"what's the reason for asking my religion", TypeReason},
		{"how do I ask for a copy of my records?", TypeMethod},
		{"where do I send the form", TypeMethod},
		{"who else gets to see my complaint?", TypeRecipient},
		{"which organisations do you share it with", TypeRecipient},
		{"will you tell my neighbour it was me?", TypeYesNo},
		{"can I complain without giving my name", TypeYesNo},
		{"what information do you collect", ""},
	}
	for _, tt := range asked {
		assert.Equal(t, tt.want, AskedType(tt.clause), tt.clause)
	}
	states := []struct {
		text, typ string
		want      bool
	}{
		{"We check your National Insurance number with the DWP to confirm your identity.", TypeReason, true},
		{"We collect your National Insurance number.", TypeReason, false},
		{"You can ask for a copy by emailing dpo@example.gov.uk.", TypeMethod, true},
		{"We share reports with the Safer Tarrowby Partnership.", TypeRecipient, true},
		{"We will not tell the person you complained about who you are.", TypeYesNo, true},
		{"Reports are kept on the case file.", TypeYesNo, false},
	}
	for _, tt := range states {
		assert.Equal(t, tt.want, StatesType(tt.text, tt.typ), "%s: %s", tt.typ, tt.text)
	}
}

// Of the sentences naming what a "why" question asks about, the one giving a reason is quoted
// first.
func TestAWhyQuestionIsAnsweredByAReason(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Brackenholt Borough Council\n")},
		"w.md": {Data: []byte("---\nid: w\ntitle: Welfare support privacy notice\norganisation: Brackenholt Borough Council\n---\n" +
			"What we collect\nWe collect your National Insurance number when you apply. We also ask about your income.\n\n" +
			"How we use it\nWe check your National Insurance number with the DWP to confirm your entitlement.\n")},
	})
	ex, err := comp.Explain(context.Background(), Question{Text: "why do you need my national insurance number?"})
	require.NoError(t, err)
	require.NotEmpty(t, ex.Candidates)
	assert.Contains(t, ex.Candidates[0].Text, "to confirm your entitlement")
}
