package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/notice"
)

// A question's mistyped everyday words are respelt as meant; names, words the notices use and
// the notices' initials are not.
func TestRespellReadsMistypedEverydayWords(t *testing.T) {
	var ps []notice.Passage
	for i, s := range []string{
		"We keep complaint records for 6 years. Apply online for a licence.",
		"You may hold a lasting power of attorney. We share reports with the courts.",
		"We share it with partners. Make sure you tell us. We share it with the police.",
	} {
		ps = append(ps, notice.Passage{ID: "n#" + string(rune('a'+i)), Text: s})
	}
	lex := NewLexicon(ps, DefaultVocabulary())
	tests := []struct{ name, question, want string }{
		{"text-message spellings", "wat do u tell the courts", "what do you tell the courts"},
		{"a capital letter may be an initial", "is R Smith the officer", "is R Smith the officer"},
		{"a slip of an everyday word", "how long do you kepp reports", "how long do you keep reports"},
		{"the notices' word before a commoner one", "how do i aply for a licence", "how do i apply for a licence"},
		{"a longer slip spelt as it sounds", "who do you shair it with", "who do you share it with"},
		{"a notice's longer word as the lexicon reads it", "complant records", "complaint records"},
		{"a word without vowels the word vectors know as an acronym", "how lng are reports kept", "how long are reports kept"},
		{"a capitalised word that is no English word is a name", "is Tkep the officer", "is Tkep the officer"},
		{"the notices' initials are kept", "lpa for my mum", "lpa for my mum"},
		{"an English word is meant as it is", "we are hoping to hear", "we are hoping to hear"},
		{"a slip near no word is left", "qzx", "qzx"},
		{"the word the notices use more", "do u shre my data", "do you share my data"},
		{"abbreviations", "which dept has my details, and opening hrs", "which department has my details, and opening hours"},
		{"never a function word", "wich council holds it", "which council holds it"},
		{"a slip is not read as a rude word", "do u keep my txts", "do you keep my texts"},
		{"a place in lower case is a name", "reports on people in tring", "reports on people in tring"},
		{"chat words are meant as typed", "lol", "lol"},
		{"ID is identity", "do I need ID for a sar", "do I need identity for a sar"},
		{"so is id after proof of", "do they need proof of id", "do they need proof of identity"},
		{"a lone id may be I'd", "id like my data", "id like my data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lex.Respell(tt.question))
		})
	}
	var none *Lexicon
	assert.Equal(t, "how lng", none.Respell("how lng"))
}

// A question the notices don't answer as typed is asked again respelt, and the answer says how it
// was read; one answered as typed, or not answered respelt either, is left as it was.
func TestAMistypedQuestionIsAskedAgainAsMeant(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Ravensholme Borough Council\n")},
		"n.md": {Data: []byte("---\nid: n\ntitle: Customer services privacy notice\norganisation: Ravensholme Borough Council\n---\n" +
			"How long we keep information\nComplaint records will be held for 6 years from when the case was closed.\n\n" +
			"Data Protection Officer\nData Protection, Town Hall, Ravensholme RV1 2AB\n")},
	})
	ctx := context.Background()

	const typed = "how lng do u kepp complant records"
	ans, err := comp.Answer(ctx, Question{Text: typed})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.True(t, strings.HasPrefix(ans.Answer, "I read your question as “how long do you keep complaint records”.\n"+hedgeLead), ans.Answer)
	assert.Contains(t, ans.Answer, "6 years")
	assert.True(t, ans.Hedged, "a respelling may be wrong: the answer is unsure, with the contact")
	assert.NotNil(t, ans.Contact)
	assert.Equal(t, typed, ans.Question, "the question is still what was asked")
	assert.Equal(t, "how long do you keep complaint records", ans.ReadAs)
	ex, err := comp.Explain(ctx, Question{Text: typed})
	require.NoError(t, err)
	assert.Contains(t, ex.Decision, "asked again as")
	assert.Equal(t, ans.Answer, ex.Answer.Answer, "the explanation is of the answer given")

	ans, err = comp.Answer(ctx, Question{Text: "How long do you keep complaint records?"})
	require.NoError(t, err)
	assert.Empty(t, ans.ReadAs)
	assert.NotContains(t, ans.Answer, "I read your question")

	ans, err = comp.Answer(ctx, Question{Text: "how lng do u kepp cctv footage"})
	require.NoError(t, err)
	assert.True(t, ans.Abstained, ans.Answer)
	assert.Empty(t, ans.ReadAs)
	assert.NotContains(t, ans.Answer, "I read your question")
}

// BenchmarkRespellGibberish is the worst a question can cost to respell: the longest question
// (2,000 characters) of lower-case words that are no word, each looked up among the slip
// targets of its first letter.
func BenchmarkRespellGibberish(b *testing.B) {
	comp := testComposer(b)
	words := []string{"qzxv", "blorf", "snerk", "glim", "trabble", "wexin", "kepp", "lng", "shre", "zorp"}
	var sb strings.Builder
	for i := 0; sb.Len() < 1990; i++ {
		sb.WriteString(words[i%len(words)] + " ")
	}
	q := sb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		comp.lex.Respell(q)
	}
}

// "Do I need ID …?" is about proving who you are: an answer quoting nothing of identity (asked
// again with "identity" too) is given as unsure, with the contact; a notice saying what proof
// it wants is quoted.
func TestAnAnswerAboutIDThatSaysNothingOfIdentityIsUnsure(t *testing.T) {
	notice := func(text string) fstest.MapFS {
		return fstest.MapFS{
			"organisations.yaml": {Data: []byte("organisations:\n  - name: Ravensholme Borough Council\n")},
			"n.md": {Data: []byte("---\nid: n\ntitle: Customer services privacy notice\norganisation: Ravensholme Borough Council\n---\n" +
				"Your rights\nYou can make a request to see the records we hold about you. " + text + "\n\n" +
				"How long we keep information\nRecords of requests are held for 2 years.\n\n" +
				"Data Protection Officer\nData Protection, Town Hall, Ravensholme RV1 2AB\n")},
		}
	}
	ctx := context.Background()
	const question = "do i need id to make a request to see my records"

	silent := composerOver(t, notice("We will reply within one month."))
	ans, err := silent.Answer(ctx, Question{Text: question})
	require.NoError(t, err)
	require.False(t, ans.Abstained, "the request sentence is quoted")
	assert.True(t, ans.Hedged, "nothing quoted says what proof is wanted: %s", ans.Answer)
	assert.NotNil(t, ans.Contact)

	says := composerOver(t, notice("You will be required to provide proof of identity."))
	ans, err = says.Answer(ctx, Question{Text: question})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "proof of identity")
}
