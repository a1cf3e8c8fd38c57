package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundSevenComposer is a small corpus where the sentence with most of a question's words is not
// the one that answers it: the law sits in a list under a sentence about why, and who gets a
// comment sits in a list beside a sentence about how long it is kept.
func roundSevenComposer(t *testing.T) *Composer {
	t.Helper()
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Kingsford County Council\n    aliases: [Kingsford]\n")},
		"planning.md": {Data: []byte("---\nid: planning\ntitle: Planning privacy notice\norganisation: Kingsford County Council\n---\n" +
			"Why we need it\nWe use your information to process and decide planning applications and to keep the planning register.\n" +
			"The main laws are:\n- the Town and Country Planning Act 1990\n- the Planning (Listed Buildings and Conservation Areas) Act 1990\n\n" +
			"How long we keep it\nComments on planning applications are kept on the file permanently, but we take them off the website 6 months after the decision or any appeal.\n\n" +
			"Who we share it with\n- town and parish councils, who are consulted on planning applications\n- the Planning Inspectorate, if an applicant appeals against a decision\n\n" +
			"Fraud\nWe take part in the National Fraud Initiative, a data matching exercise. We are required to provide particular sets of data to the Minister for the Cabinet Office for each exercise.\n")},
	}
	return composerOver(t, fs)
}

func TestComposerQuotesTheSentenceOfTheKindAskedFor(t *testing.T) {
	comp := roundSevenComposer(t)
	tests := []struct {
		name, question string
		want           string // in the answer
		notWant        string // not in the answer
	}{
		{"a legal-basis question is answered by the law, not by why",
			"what's the legal basis for processing planning applications", "Town and Country Planning Act 1990", ""},
		{"a who-gets-it question is answered by a bullet under a sharing heading",
			"if the applicant appeals, who gets my comment", "Planning Inspectorate", ""},
		{"a who-gets-it question is answered by the sentence naming the receiver",
			"NFI data - who do we send it to?", "Minister for the Cabinet Office", ""},
		{"a question that asks neither is answered by what covers it best",
			"how long are comments on planning applications kept", "6 months after the decision", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			assert.Contains(t, ans.Answer, tt.want)
			if tt.notWant != "" {
				assert.NotContains(t, ans.Answer, tt.notWant)
			}
		})
	}
}

func TestPreferringAKindLeavesAbstentionAlone(t *testing.T) {
	comp := roundSevenComposer(t)
	for _, q := range []string{
		"what's the legal basis for CCTV cameras in car parks",
		"who gets the footage from parking enforcement cameras",
	} {
		ans, err := comp.Answer(context.Background(), Question{Text: q})
		require.NoError(t, err)
		assert.True(t, ans.Abstained, "%s: %s", q, ans.Answer)
	}
}

func TestAsksForLawAndWhoReceives(t *testing.T) {
	tests := []struct {
		q             string
		law, receives bool
	}{
		{"what's the legal basis for council tax records", true, false},
		{"gym health questionnaire - lawful basis?", true, false},
		{"under what law do you keep my records", true, false},
		{"who does westmere share my care records with", false, true},
		{"I emailed the council a question, who else gets to see my email?", false, true},
		{"NFI data - who do we send it to?", false, true},
		{"who is the data protection officer", false, false},
		{"how long do you keep complaints", false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.law, AsksForLaw(tt.q), tt.q)
		assert.Equal(t, tt.receives, AsksWhoReceives(tt.q), tt.q)
	}
}

func TestRecipientAndLawSentences(t *testing.T) {
	tests := []struct {
		s          string
		recipient  bool
		citesLawTo bool
	}{
		{"We are required to provide particular sets of data to the Minister for the Cabinet Office.", true, false},
		{"If your question is technical, we may need to pass it to our IT section.", true, false},
		{"We only share what is needed, and only with people who have a good reason to see it.", true, false},
		{"We may have to remove it before we send it to you.", false, false},
		{"plans, drawings and photographs sent with an application", false, false},
		{"the Local Government Finance Act 1992, for council tax", false, true},
		{"We use them only with your explicit consent (Article 9(2)(a)).", false, true},
		{"Cookies help the site remember you.", false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.recipient, recipientRe.MatchString(tt.s), tt.s)
		assert.Equal(t, tt.citesLawTo, citesLawRe.MatchString(tt.s), tt.s)
	}
}
