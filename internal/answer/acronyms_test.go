package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAcronymsAreReadWhereTheNoticesDefineThem(t *testing.T) {
	v := DefaultVocabulary()
	a := NewAcronyms(v, []string{
		"This notice covers how we license houses in multiple occupation (HMOs) in the city.",
		"We send a list to the Department for Work and Pensions (DWP) each month.",
		"We may tell HM Revenue and Customs (HMRC).",
		"Complain to the Information Commissioner's Office (ICO).",
		"We use software (IT) and an external provider (XYZ).",
	})
	tests := []struct {
		name, text string
		names      []string // concepts the text must name
		lacks      []string
	}{
		{"a phrase in lower case names its acronym", "Houses in multiple occupation and landlord licensing", []string{"hmo"}, nil},
		{"the acronym names its phrase", "Every HMO licence is on the register", []string{"hous", "multipl", "occup"}, nil},
		{"small words are skipped", "we tell the department for work and pensions", []string{"dwp"}, nil},
		{"a word in capitals gives all its letters", "a letter from HM Revenue and Customs", []string{"hmrc"}, nil},
		{"a possessive keeps its initial", "the Information Commissioner's Office", []string{"ico"}, nil},
		{"the phrase must be whole and in order", "multiple houses in occupation", nil, []string{"hmo"}},
		{"brackets that spell nothing define nothing", "an external provider", nil, []string{"xyz"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.Concepts(tt.text)
			for _, k := range tt.names {
				assert.True(t, got[v.Concept(k)], "%q should name %q: %v", tt.text, k, got)
			}
			for _, k := range tt.lacks {
				assert.False(t, got[v.Concept(k)], "%q should not name %q", tt.text, k)
			}
		})
	}
}

// A question using an acronym is answered by the row of a notice that spells it out only in
// its title; before, "HMO" was a word no sentence named, and the bot abstained.
func TestAnAcronymIsAnsweredWhereItsNoticeSpellsItOut(t *testing.T) {
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Quenbury City Council\n    aliases: [Quenbury]\n")},
		"hmo.md": {Data: []byte("---\nid: hmo\ntitle: Houses in multiple occupation licensing privacy notice\norganisation: Quenbury City Council\n---\n" +
			"About this notice\nThis notice explains how we use your information when we license houses in multiple occupation (HMOs).\n\n" +
			"How long we keep it\n| Record | How long we keep it |\n|---|---|\n| Licence applications and licences | 6 years after the licence ends |\n| Inspection photographs | 2 years after the last visit |\n")},
		"petitions.md": {Data: []byte("---\nid: petitions\ntitle: Petitions privacy notice\norganisation: Quenbury City Council\n---\n" +
			"How long we keep it\nWe keep petitions and the names of those who sign them for 1 year after the petition is closed.\n")},
		// Licences and applications are everywhere; HMOs are the question's topic.
		"taxi.md": {Data: []byte("---\nid: taxi\ntitle: Taxi licensing privacy notice\norganisation: Quenbury City Council\n---\n" +
			"What we collect\nWhen you apply for a licence we collect your name and address. Licence applications are checked by officers.\n\n" +
			"Who sees it\nLicence applications are shared with the police.\n\n" +
			"Your rights\nYou can ask for a copy of your licence application.\n\n" +
			"Premises licences\nApplications for premises licences are published.\n")},
	}
	comp := composerOver(t, fs)
	ans, err := comp.Answer(context.Background(), Question{Text: "retention of HMO licence applications?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "6 years after the licence ends")
}

// Whatever a notice says, reading its acronyms never fails.
func FuzzAcronyms(f *testing.F) {
	f.Add("houses in multiple occupation (HMOs)", "HMO licence")
	f.Add("the Information Commissioner’s Office (ICO).", "ico")
	f.Add("((AB)) (A) (ABCDEFG) ’s (s) - (UK)", "")
	v := DefaultVocabulary()
	f.Fuzz(func(t *testing.T, notice, text string) {
		a := NewAcronyms(v, []string{notice})
		_ = a.Concepts(text)
		_ = a.Concepts(notice)
	})
}
