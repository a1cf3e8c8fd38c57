package answer

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/notice"
)

// A question's acronyms and misspellings are read as the words the notices spell out; words of
// the question's own, and acronyms that would only match small words, are left alone.
func TestLexiconExpandsAcronymsAndMisspellings(t *testing.T) {
	texts := []string{
		"We use the Deprivation of Liberty Safeguards when a person lacks capacity.",
		"If you claim Housing Benefit we also hold your income.",
		"- Discretionary housing payment applications: 2 years after the decision",
		"We run discretionary housing payments for tenants.",
		"Make a subject access request by email.",
		"You may hold a lasting power of attorney.",
		"We keep accident and incident reports. We take an assessment of your needs.",
		"Health questionnaire (PAR-Q) answers. Taking part in a survey is up to you.",
		"Send it to the courts.",
		"We keep a license for each driver. This notice does not cover other websites.",
		"Tell Fire and Rescue. Report Anti-Social Behaviour to us. We share it under section 115 of the Act.",
		"Write to the Data Protection Officer. No hopping between queues.",
	}
	var ps []notice.Passage
	for i, s := range texts {
		ps = append(ps, notice.Passage{ID: "n#" + string(rune('a'+i)), Text: s})
	}
	lex := NewLexicon(ps, DefaultVocabulary())
	tests := []struct{ name, question, want string }{
		{"an acronym with a small word skipped", "how long are DoLS kept", "how long are Deprivation of Liberty Safeguards kept"},
		{"a lower-case acronym of a proper name", "hb claim records", "Housing Benefit claim records"},
		{"singular and plural are one phrase", "DHP application", "Discretionary housing payment application"},
		{"an acronym of lower-case words written in capitals", "I have LPA for my mum", "I have lasting power of attorney for my mum"},
		{"a misspelt long word", "my care assesment", "my care assessment"},
		{"a lower-case acronym of ordinary words is not expanded", "lpa for my mum", "lpa for my mum"},
		{"two letters never skip a small word", "do you use AI", "do you use AI"},
		{"a short word is not corrected", "what counts as health data", "what counts as health data"},
		{"a short slip that is no word is corrected", "who is the data protection oficer", "who is the data protection officer"},
		{"a five-letter slip too", "a subject acess request", "a subject access request"},
		{"a short English word is meant as it is, slip or not", "we are hoping to hear", "we are hoping to hear"},
		{"part of a hyphenated name is not a word", "my PAR-Q", "my PAR-Q"},
		{"a word the notices use is kept", "a survey", "a survey"},
		{"a rarer word is read as its WordNet synonym the notices use", "my driving licence", "my driving license"},
		{"an inflected word is read by its lemma", "how long are licences kept", "how long are license kept"},
		{"an everyday word keeps its own meaning", "what does it cover", "what does it cover"},
		{"a synonym the notices don't use is no help", "my lorry", "my lorry"},
		{"a lower-case everyday word is not an acronym", "he can't walk far", "he can't walk far"},
		{"a hyphenated word gives each part's initial", "how do I report asb", "how do I report Anti Social Behaviour"},
		{"a section of an Act in shorthand", "is it shared under s115?", "is it shared under section 115?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lex.Expand(tt.question))
		})
	}
	var nilLex *Lexicon
	assert.Equal(t, "hb", nilLex.Expand("hb"), "no lexicon changes nothing")
}
