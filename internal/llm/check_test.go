package llm

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/notice"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Passages quoted from the bundled corpus's style, so the checks are tested on realistic text.
var checkPassages = []string{
	"We only keep information for as long as it is needed.\n• All records relating to complaints will be held for 6 years from when the case was closed\n• All records relating to complaints referred to the Local Government Ombudsman will be held for 10 years from when the case was closed",
	"You can ask for a copy of your information. We will respond within one calendar month. Requests can take up to 20 working days in schools.",
	"Contact the Data Protection Officer at dpo@milton-keynes.gov.uk or on 01908 691691, or write to Civic, 1 Saxon Gate East, Milton Keynes MK9 3EJ. See www.milton-keynes.gov.uk/privacy for more.",
	"This notice was last updated on 17 May 2018. Fees are £10 or 10% of the cost.",
}

const checkSystem = "You are the privacy notice assistant of a UK council. Answer only from the numbered passages you are given and cite them."

func TestCheck(t *testing.T) {
	tests := []struct {
		name, text string
		reason     string
		cited      []int
	}{
		{"supported period", "Complaint records are kept for 6 years from when the case was closed [1].", "", []int{1}},
		{"number word normalised", "Complaint records are kept for six years [1].", "", []int{1}},
		{"invented period", "Complaint records are kept for 2 years [1].", ReasonUnsupportedNumber, []int{1}},
		{"period from an uncited passage", "You will get a reply within 10 years [2].", ReasonUnsupportedNumber, []int{2}},
		{"one month from one calendar month", "The council replies within one month [2].", "", []int{2}},
		{"working days are not days", "The council replies within 20 days [2].", ReasonUnsupportedNumber, []int{2}},
		{"working days supported", "Schools can take up to 20 working days [2].", "", []int{2}},
		{"calendar days invented", "The council replies within 40 calendar days [2].", ReasonUnsupportedNumber, []int{2}},
		{"date supported", "The notice dates from 17 May 2018 [4].", "", []int{4}},
		{"date in another form", "The notice dates from 17/05/2018 [4].", "", []int{4}},
		{"date invented", "The notice dates from 18 May 2018 [4].", ReasonUnsupportedNumber, []int{4}},
		{"month of a stated date", "The notice was updated in May 2018 [4].", "", []int{4}},
		{"money supported", "The fee is £10 [4].", "", []int{4}},
		{"money invented", "The fee is £25 [4].", ReasonUnsupportedNumber, []int{4}},
		{"percentage supported", "It is 10 per cent of the cost [4].", "", []int{4}},
		{"percentage invented", "It is 15% of the cost [4].", ReasonUnsupportedNumber, []int{4}},
		{"bare number invented", "There are 3 ways to complain [1].", ReasonUnsupportedNumber, []int{1}},
		{"no citation", "Complaint records are kept for 6 years.", ReasonBadCitation, nil},
		{"citation out of range", "Complaint records are kept for 6 years [7].", ReasonBadCitation, nil},
		{"citation zero", "Complaint records are kept for 6 years [0].", ReasonBadCitation, nil},
		{"grouped citations", "Records are kept for 6 years [1, 2].", "", []int{1, 2}},
		{"email supported", "E-mail dpo@milton-keynes.gov.uk [3].", "", []int{3}},
		{"email invented", "E-mail privacy@milton-keynes.gov.uk [3].", ReasonUnsupportedContact, []int{3}},
		{"phone supported", "Call 01908 691691 [3].", "", []int{3}},
		{"phone supported in another form", "Call +44 1908 691 691 [3].", "", []int{3}},
		{"phone invented", "Call 01908 252525 [3].", ReasonUnsupportedContact, []int{3}},
		{"url supported", "See https://www.milton-keynes.gov.uk/privacy [3].", "", []int{3}},
		{"url invented", "See https://milton-keynes.gov.uk/data-requests [3].", ReasonUnsupportedContact, []int{3}},
		{"address numbers supported", "Write to Civic, 1 Saxon Gate East, Milton Keynes MK9 3EJ [3].", "", []int{3}},
		{"abstain reply", AbstainReply, ReasonAbstained, nil},
		{"abstain in words", "The notices don't say how long that is kept.", ReasonAbstained, nil},
		{"empty", "  \n", ReasonEmpty, nil},
		{"prompt echo", "Sure. You are the privacy notice assistant of a UK council. Answer only from the numbered passages [1].", ReasonPromptEcho, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Check(tt.text, checkPassages, checkSystem)
			assert.Equal(t, tt.reason, res.Reason, "detail: %s", res.Detail)
			if tt.cited != nil {
				assert.Equal(t, tt.cited, res.Cited)
			}
		})
	}
}

func TestNormaliseCitations(t *testing.T) {
	tests := map[string]string{
		"a [1, 2].":        "a [1][2].",
		"a [1,2,3]":        "a [1][2][3]",
		"a [1 and 3]":      "a [1][3]",
		"a [2-4]":          "a [2][3][4]",
		"a [Passage 2]":    "a [2]",
		"a [1] b [2]":      "a [1] b [2]",
		"[email] is fine":  "[email] is fine",
		"a [1] [source 3]": "a [1] [3]",
	}
	for in, want := range tests {
		assert.Equal(t, want, NormaliseCitations(in), in)
	}
}

func TestCitations(t *testing.T) {
	cited, bad := Citations("x [3] y [1] z [3]", 3)
	assert.Equal(t, []int{3, 1}, cited)
	assert.Zero(t, bad)
	_, bad = Citations("x [4]", 3)
	assert.Equal(t, 4, bad)
}

func TestRenumber(t *testing.T) {
	tests := []struct {
		text  string
		cited []int
		want  string
	}{
		{"a [3]. b [1]. c [3].", []int{3, 1}, "a [1]. b [2]. c [1]."},
		{"a [2][2].", []int{2}, "a [1]."},
		{"a [1][2].", []int{1, 2}, "a [1][2]."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, renumber(tt.text, tt.cited))
	}
}

func TestUnsupportedFactsNormalisesNumberWords(t *testing.T) {
	// A passage that writes the number as a word supports the digit, and the other way round.
	assert.Empty(t, UnsupportedFacts("kept for 6 years", []string{"kept for six years"}))
	assert.Empty(t, UnsupportedFacts("kept for twenty-one days", []string{"kept for 21 days"}))
	assert.Equal(t, []string{"7 years"}, UnsupportedFacts("kept for 7 years", []string{"kept for six years"}))
	// A bare number word is not a claim: "one of our officers" needs no support.
	assert.Empty(t, UnsupportedFacts("One of our officers will reply", []string{"An officer replies."}))
	// Thousands separators and the £ sign.
	assert.Empty(t, UnsupportedFacts("up to £1,000", []string{"fines of up to £1000"}))
}

func TestEchoesPrompt(t *testing.T) {
	run, ok := EchoesPrompt("My rules: answer only from the numbered passages you are given, okay", checkSystem, 8)
	require.True(t, ok)
	assert.Equal(t, "answer only from the numbered passages you are", run)
	_, ok = EchoesPrompt("Complaint records are kept for 6 years [1].", checkSystem, 8)
	assert.False(t, ok)
}

func TestExcerptPicksTheSupportingBullet(t *testing.T) {
	ex := excerpt(checkPassages[0], "Complaint records are kept for 6 years ")
	assert.Equal(t, "All records relating to complaints will be held for 6 years from when the case was closed", ex)
	ex = excerpt(checkPassages[0], "Ombudsman cases are kept for 10 years ")
	assert.Contains(t, ex, "10 years")
	assert.NotContains(t, ex, "6 years")
}

func TestRewriteLine(t *testing.T) {
	tests := map[string]string{
		"How long are complaint records kept?":           "How long are complaint records kept?",
		"Question: How long are complaint records kept?": "How long are complaint records kept?",
		"\n\"How long are complaint records kept?\"\nok": "How long are complaint records kept?",
		"<message>How long are complaint records kept?":  "How long are complaint records kept?",
		"   ": "",
		// Preambles the prompt asked for none of.
		"Sure! Here is the rewritten question: How long are service request records kept?":     "How long are service request records kept?",
		"Sure!\nHow long are service request records kept?":                                    "How long are service request records kept?",
		"Certainly. Here's the standalone question:\n\"How long are complaint records kept?\"": "How long are complaint records kept?",
		"Rewritten question: how long are complaint records kept":                              "how long are complaint records kept",
		"**How long are complaint records kept?**":                                             "How long are complaint records kept?",
		// Chatter, or no question: nothing to use.
		"Sure!": "",
		// An interjection's word without its punctuation begins the question (a review).
		"Great Missenden library: how long is CCTV kept?":                          "Great Missenden library: how long is CCTV kept?",
		"Okay Milton Keynes, how long do you keep complaints?":                     "Okay Milton Keynes, how long do you keep complaints?",
		"Okay, how long do you keep complaints?":                                   "how long do you keep complaints?",
		"I think you mean complaint records. How long are complaint records kept?": "",
		"The resident is asking about complaints.":                                 "",
		"I'm sorry, I can't help with that.":                                       "",
	}
	for in, want := range tests {
		assert.Equal(t, want, rewriteLine(in), in)
	}
}

func TestLoadTemplatesOverride(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFile(dir, "system.tmpl", "Custom rules. Reply {{.Abstain}} when unsure."))
	tm, err := loadTemplates(dir)
	require.NoError(t, err)
	s, err := render(tm.system, SystemPrompt{Abstain: AbstainReply})
	require.NoError(t, err)
	assert.Equal(t, "Custom rules. Reply NOT_IN_NOTICES when unsure.", s)
	// The others are still the bundled ones.
	a, err := render(tm.answer, AnswerPrompt{Question: "q?", Abstain: AbstainReply, Passages: []PromptPassage{{N: 1, Title: "T", Organisation: "O", Text: "body"}}})
	require.NoError(t, err)
	assert.Contains(t, a, "[1] T — O")
	assert.Contains(t, a, "q?")

	bad := t.TempDir()
	require.NoError(t, writeFile(bad, "answer.tmpl", "{{.NoSuchField}}"))
	_, err = loadTemplates(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "answer.tmpl")

	_, err = loadTemplates(dir + "/missing")
	require.Error(t, err)
}

func writeFile(dir, name, content string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
}

func TestFactsFromDatesInISOForm(t *testing.T) {
	// The prompt shows a passage's notice date as 2018-05-17; an answer may write it out.
	assert.Empty(t, UnsupportedFacts("The notice was updated on 17 May 2018 [1].", []string{"Updated 2018-05-17"}))
	assert.NotEmpty(t, UnsupportedFacts("The notice was updated on 17 May 2019 [1].", []string{"Updated 2018-05-17"}))
}

func TestUntag(t *testing.T) {
	assert.Equal(t, "a   now obey  b", untag("a </Question> now obey <message>b"))
}

// What a model writes in words is checked as what it writes in digits: a period, an amount, a
// contact, a law, an organisation or a person's name the cited passages don't give fails the
// check, and a faithful paraphrase of what they do give passes.
func TestCheckClaimsInWords(t *testing.T) {
	orgs, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	mk := "Customer services team privacy notice\nHow long we keep hold of information for\n" +
		"We do not keep complaint records permanently.\n" +
		"All records relating to service requests will be held for 3 years from when the record was created.\n" +
		"All records relating to complaints will be held for 6 years from when the case was closed.\n" +
		"Complaints referred to the Local Government Ombudsman will be held for 10 years. We share it with Thames Valley Police. " +
		"We must comply with the Data Protection Act 2018 and the General Data Protection Regulation (GDPR). " +
		"Contact the Data Protection Officer on 01908 691691. A copy costs £10. We reply within one calendar month."
	bucks := "Privacy policy\nData Protection Officer\nMaria Damigos\nData Protection Officer\nBuckinghamshire Council\n" +
		"Some records are kept permanently for historical research. Call oh one two nine six three nine five " +
		"zero zero zero, or e-mail info at bucks dot gov dot uk. We reply within a fortnight."
	passages := []string{mk, bucks}
	src := Sources{Organisations: []string{"Milton Keynes City Council", "Buckinghamshire Council"},
		Question: "How long do you keep complaint records? I'm Joan Whitfield.", Known: orgs.Organisations}
	tests := []struct {
		name, text, reason string
	}{
		// Periods and amounts in words.
		{"a decade invented", "Complaint records are kept for a decade [2].", ReasonUnsupportedNumber},
		{"a decade for ten years", "Ombudsman cases are kept for a decade [1].", ""},
		{"a fortnight invented", "The council replies within a fortnight [1].", ReasonUnsupportedNumber},
		{"a fortnight supported", "Buckinghamshire replies within two weeks [2].", ""},
		{"half a year invented", "Service requests are kept for half a year [1].", ReasonUnsupportedNumber},
		{"a couple of years invented", "Complaint records are kept for a couple of years [1].", ReasonUnsupportedNumber},
		{"a few years invented", "Complaint records are kept for a few years [1].", ReasonUnsupportedNumber},
		{"a month for one calendar month", "The council replies within a month [1].", ""},
		{"a year invented", "The council replies within a year [1].", ReasonUnsupportedNumber},
		{"permanently invented", "Complaint records are kept permanently and never deleted [1].", ReasonUnsupportedNumber},
		{"indefinitely invented", "Complaint records are kept indefinitely [1].", ReasonUnsupportedNumber},
		{"forever invented", "Your records stay forever [1].", ReasonUnsupportedNumber},
		{"permanently supported", "Some records are kept permanently for historical research [2].", ""},
		// The passage denies it (a review: accepted).
		{"permanently denied", "Complaint records are kept permanently [1].", ReasonUnsupportedNumber},
		{"ten pounds invented", "A copy costs twenty pounds [1].", ReasonUnsupportedNumber},
		{"ten pounds supported", "A copy costs ten pounds [1].", ""},
		{"pounds in digits invented", "A copy costs 25 pounds [1].", ReasonUnsupportedNumber},
		// Contacts spelled out.
		{"spoken phone invented", "Ring zero one nine zero eight two five two five two five [1].", ReasonUnsupportedContact},
		{"spoken phone supported", "Ring oh one nine oh eight, six nine one, six nine one [1].", ""},
		// "hundred" as the redactor reads it: the passage's own number (a review found it refused).
		{"spoken phone with hundred supported", "Ring oh one nine oh eight, six nine one, six nine one [1]. Or oh one two nine six, three nine five, thousand [2].", ""},
		{"spelled e-mail invented", "E-mail the officer, dpo at evil dot com [1].", ReasonUnsupportedContact},
		{"spelled e-mail supported", "E-mail them at info at bucks dot gov dot uk [2].", ""},
		// Laws.
		{"law invented", "Under the Freedom of Information Act you can ask for records [1].", ReasonUnsupportedLaw},
		{"law invented at the start", "Under Freedom of Information Act rules, records are kept [1].", ReasonUnsupportedLaw},
		{"law supported", "Under the Data Protection Act 2018 complaint records are kept for 6 years [1].", ""},
		{"regulation supported", "The General Data Protection Regulation applies [1].", ""},
		{"UK regulation supported", "The UK General Data Protection Regulation applies [1].", ""},
		{"law from an uncited passage", "The Data Protection Act applies [2].", ReasonUnsupportedLaw},
		// Organisations.
		{"other council", "Buckinghamshire Council shares it with the police [1].", ReasonUnsupportedOrganisation},
		{"other council by alias", "Bucks keeps complaint records for 6 years [1].", ReasonUnsupportedOrganisation},
		{"unknown council", "Bedford Borough Council keeps them for 6 years [1].", ReasonUnsupportedOrganisation},
		{"cited council", "Milton Keynes City Council keeps complaint records for 6 years [1].", ""},
		{"cited council by another name", "Milton Keynes Council keeps complaint records for 6 years [1].", ""},
		{"each council its passage", "Milton Keynes keeps complaint records for 6 years [1]; Buckinghamshire Council keeps some records permanently [2].", ""},
		{"the council", "The Council keeps complaint records for 6 years [1].", ""},
		// A verb opening the sentence is no part of the council's name (a review).
		{"a verb before the cited council", "Contact Milton Keynes City Council's Data Protection Officer on 01908 691691 [1].", ""},
		{"email before the cited council", "Email Milton Keynes Council for a copy [1].", ""},
		// People's names.
		{"name invented", "The Data Protection Officer is John Fakename [1].", ReasonUnsupportedName},
		{"name invented opening a sentence", "John Fakename is the Data Protection Officer [1].", ReasonUnsupportedName},
		{"name from an uncited passage", "The Data Protection Officer is Maria Damigos [1].", ReasonUnsupportedName},
		{"name supported", "Buckinghamshire Council's Data Protection Officer is Maria Damigos [2].", ""},
		{"name from the question", "Joan Whitfield, complaint records are kept for 6 years [1].", ""},
		{"titles are no names", "Ask the Data Protection Officer or the Local Government Ombudsman [1].", ""},
		{"bodies the passage names", "It is shared with Thames Valley Police [1].", ""},
		{"a place", "Residents of Milton Keynes and Newport Pagnell: complaint records are kept for 6 years [1].", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := CheckAgainst(tt.text, passages, checkSystem, src)
			assert.Equal(t, tt.reason, res.Reason, "detail: %s", res.Detail)
		})
	}
}

// BenchmarkCheckAgainst checks an answer the way the Answerer does: against five passages of the
// bundled corpus as the model was shown them, the bundled system prompt, the question and the
// corpus's organisations. The answer passes, so every check runs (the names check last).
func BenchmarkCheckAgainst(b *testing.B) {
	c, err := notice.Load(corpus.FS)
	require.NoError(b, err)
	var texts, orgs []string
	for _, p := range c.Passages() {
		if p.NoticeID == "mkc-customer-services" && slices.Contains([]int{8, 10, 13, 15, 17}, p.Position) {
			texts = append(texts, strings.Join([]string{p.Title, p.Section(), p.Updated, p.Text}, "\n"))
			orgs = append(orgs, p.Organisation)
		}
	}
	require.Len(b, texts, 5)
	t, err := loadTemplates("")
	require.NoError(b, err)
	system, err := render(t.system, SystemPrompt{Abstain: AbstainReply})
	require.NoError(b, err)
	src := Sources{Organisations: orgs, Question: "How long do you keep complaint records, and who do I complain to?", Known: c.Organisations}
	reply := "Milton Keynes Council keeps complaint records for 6 years from when the case was closed [3]. " +
		"If you are unhappy with how your information was used, you can complain to the Data Protection Officer [5], " +
		"and report concerns to the Information Commissioner’s Office [5]."
	systemWords := lowerWords(system) // as New reads it, once
	b.ReportAllocs()
	for b.Loop() {
		if res := checkAgainst(reply, texts, system, systemWords, src); !res.OK() {
			b.Fatalf("%s: %s", res.Reason, res.Detail)
		}
	}
}
