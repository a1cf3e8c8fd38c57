package answer_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
)

// engineOver builds the bot over notices, with Bleve's ranking.
func engineOver(t *testing.T, files fstest.MapFS) *indextest.Engine {
	t.Helper()
	c, err := notice.Load(files)
	require.NoError(t, err)
	e, err := indextest.Build(c)
	require.NoError(t, err)
	t.Cleanup(func() { e.Index.Close() })
	return e
}

// alderbyNotice is the engine over one notice of Alderby Borough Council: its sections (each a
// heading line and its text, ending in a newline), then its data protection contact.
func alderbyNotice(t *testing.T, id, title, sections string) *indextest.Engine {
	t.Helper()
	return engineOver(t, fstest.MapFS{
		id + ".md": {Data: []byte("---\nid: " + id + "\ntitle: " + title + "\norganisation: Alderby Borough Council\n---\n" + sections +
			"\nContact\nData Protection Officer, Alderby Town Hall, Alderby AL1 2BC\n")},
	})
}

// bestSentence is the sentence the engine ranks first for a question, whether or not it answers.
func bestSentence(t *testing.T, e *indextest.Engine, question string) string {
	t.Helper()
	ex, err := e.Composer.Explain(context.Background(), answer.Question{Text: question})
	require.NoError(t, err)
	require.NotEmpty(t, ex.Candidates)
	return ex.Candidates[0].Text
}

// answered is the engine's answer to a question it must answer, not abstain on.
func answered(t *testing.T, e *indextest.Engine, q answer.Question) answer.Answer {
	t.Helper()
	ans, err := e.Composer.Answer(context.Background(), q)
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	return ans
}

// A story tells its context first and asks at the end: the sentence that answers is the one
// about what the asking sentence names, not the one that matches most of the story. (With Bleve's
// ranking, as the bot answers.)
func TestAStoryIsAnsweredByWhatItsAskingSentenceAsks(t *testing.T) {
	e := alderbyNotice(t, "waste", "Waste services privacy notice", "How long we keep it\n"+
		"Records of complaints about missed bin collections are kept for 6 years after the complaint is closed.\n"+
		"Compliments about our crews are kept for 1 year.\n")
	const story = "I complained about a missed collection last year. This week the crew were brilliant so I sent a thank you. How long do you keep compliments?"
	for _, tt := range []struct {
		sentenceWeight, wordsWeight float64
		want                        string
	}{
		{answer.DefaultAskingSentenceWeight, answer.DefaultAskingWordsWeight, "1 year"},
		{answer.DefaultAskingSentenceWeight, 0, "1 year"},
		{0, answer.DefaultAskingWordsWeight, "1 year"},
		{0, 0, "6 years"}, // weighed as one, the story's complaint outweighs the compliment asked about
	} {
		e.Composer.AskingSentenceWeight, e.Composer.AskingWordsWeight = tt.sentenceWeight, tt.wordsWeight
		assert.Contains(t, bestSentence(t, e, story), tt.want, "the best sentence with AskingSentenceWeight %v and AskingWordsWeight %v",
			tt.sentenceWeight, tt.wordsWeight)
	}
}

// What a question asks is often said in everyday words ("do they pick up what people say?"),
// which weigh little against the rarer words of its story ("the high street"): the sentence
// using the asking sentence's own words answers.
func TestTheAskingSentencesOwnWordsChooseTheSentence(t *testing.T) {
	e := alderbyNotice(t, "cctv", "Town centre CCTV privacy notice", "Our cameras\n"+
		"Cameras on the high street and in the market square record images around the clock, weekdays and Saturdays.\n"+
		"The cameras do not pick up what people say.\n")
	const story = "Last Saturday I had a row with my neighbour on the high street by the market square and I'm worried the council has it on camera. Do the cameras pick up what people say?"
	for _, tt := range []struct {
		weight float64
		want   string
	}{
		{answer.DefaultAskingWordsWeight, "do not pick up what people say"},
		{0, "high street"},
	} {
		e.Composer.AskingWordsWeight = tt.weight
		assert.Contains(t, bestSentence(t, e, story), tt.want, "the best sentence with AskingWordsWeight %v", tt.weight)
	}
}

// A question is often put in words its answer doesn't use ("GP surgery" for "doctor",
// "pictures" for "photographs"): of sentences matching its words alike, the one whose other
// words are nearest in meaning to the question's answers.
func TestWordsNearInMeaningChooseTheSentence(t *testing.T) {
	for _, tt := range []struct {
		name, section, question, want, wordForWord string
	}{
		{"who a child's details go to", "Your child\nWe share your child's details with their school.\nWe share your child's details with their doctor.\n",
			"will my kid's details go to the GP surgery?", "with their doctor", "with their school"},
		{"how long something is kept", "Your car\nWe keep your vehicle registration for 2 years.\nWe keep your vehicle photographs for 30 days.\n",
			"how long do you keep pictures of my vehicle?", "30 days", "2 years"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := alderbyNotice(t, "notice", "Privacy notice", tt.section)
			assert.Contains(t, bestSentence(t, e, tt.question), tt.want)
			e.Composer.NearWordWeight, e.Composer.GistWeight = 0, 0
			assert.Contains(t, bestSentence(t, e, tt.question), tt.wordForWord, "word for word, without the word vectors")
		})
	}
}

// A quote that gives one route keeps the sentence after it that gives another ("You can also
// report concerns to the regulator"): left out, the answer says the first is the only one.
func TestAQuoteKeepsTheOtherRouteThatFollowsIt(t *testing.T) {
	e := alderbyNotice(t, "leisure", "Leisure centres privacy notice", "Your rights\n"+
		"If you are unhappy with how we have used your information, you can make a complaint to the Data Protection Officer. "+
		"You can also report concerns to the national regulator, the Information Commissioner's Office.\n"+
		"How long we keep it\nMembership records are kept for 2 years after your membership ends.\n")
	ans := answered(t, e, answer.Question{Text: "who can I complain to about how my data was used?"})
	assert.Contains(t, ans.Answer, "complaint to the Data Protection Officer")
	assert.Contains(t, ans.Answer, "Information Commissioner's Office")
}

// A sentence that names with "this" what the sentence before it named goes on about it: quoted
// after it ("…called a 'retention schedule'. You can request to view this list."); one that
// doesn't point back is not.
func TestAQuoteKeepsTheSentenceThatPointsBackAtIt(t *testing.T) {
	e := alderbyNotice(t, "records", "Records privacy notice", "How long we keep it\n"+
		"The council has a list of how long it keeps data for, called a retention schedule. You can request to view this list.\n"+
		"Our records are reviewed every year. Staff are trained in data protection.\n")
	ans := answered(t, e, answer.Question{Text: "can I see the retention schedule?"})
	assert.Contains(t, ans.Answer, "You can request to view this list.")

	ans = answered(t, e, answer.Question{Text: "are records reviewed every year?"})
	assert.NotContains(t, ans.Answer, "Staff are trained", "a sentence that doesn't point back is not quoted with it")
}

// A bullet is quoted under the sentence that introduces its list (with the one before it when it
// points back: "These are …"), and
// the bullets that don't answer not at all, marked left out: "– Details about third parties" alone doesn't say it
// is among what the council holds, nor "– 6 years" what is kept.
func TestABulletIsQuotedWithItsListsLeadIn(t *testing.T) {
	e := alderbyNotice(t, "leisure", "Leisure centres privacy notice", "How long we keep it\n"+
		"We only keep information for as long as it is needed. These are our retention periods:\n"+
		"- membership records are kept for 2 years after your membership ends\n"+
		"- accident reports are kept for 3 years from the date of the accident\n"+
		"- swimming lesson registers are kept for 1 year\n")
	ans := answered(t, e, answer.Question{Text: "how long do you keep swimming lesson registers?"})
	require.Len(t, ans.Citations, 1)
	assert.Equal(t, "We only keep information for as long as it is needed. These are our retention periods:\n"+
		"  – …\n  – swimming lesson registers are kept for 1 year", ans.Citations[0].Excerpt, "the bullets left out are marked where they were")
	assert.Contains(t, ans.Answer, "• “We only keep information for as long as it is needed. These are our retention periods:\n  – …\n  – swimming lesson registers are kept for 1 year” [1]")

	// A lead-in that says what its list is needs nothing of the paragraph before it.
	e = alderbyNotice(t, "leisure", "Leisure centres privacy notice", "How long we keep it\n"+
		"We only keep information for as long as it is needed. Within our leisure service we keep the following records for the following periods:\n"+
		"- membership records are kept for 2 years after your membership ends\n"+
		"- swimming lesson registers are kept for 1 year\n")
	ans, err := e.Composer.Answer(context.Background(), answer.Question{Text: "how long do you keep swimming lesson registers?"})
	require.NoError(t, err)
	require.Len(t, ans.Citations, 1, ans.Answer)
	assert.Equal(t, "Within our leisure service we keep the following records for the following periods:\n"+
		"  – …\n  – swimming lesson registers are kept for 1 year", ans.Citations[0].Excerpt)
}

// Of a long list, the bullets that say what its lead-in doesn't are quoted, the rest marked left
// out: an adviser asked "do you share it with the police?" read through ten kinds of recipient to
// find the one (a QA pass). A question the lead-in answers, or one no bullet answers all of,
// gets the whole list.
func TestALongListIsQuotedByTheBulletsThatAnswer(t *testing.T) {
	e := alderbyNotice(t, "housing", "Housing privacy notice", "Who we share information with\n"+
		"The types of recipients include:\n"+
		"- our contractors, who repair council homes\n"+
		"- law enforcement agencies, such as Alderby Police\n"+
		"- health and social care organisations\n"+
		"- schools and colleges\n"+
		"- housing associations and landlords\n")
	for _, tt := range []struct {
		question    string
		quoted, not []string
	}{
		{"do you share my data with the police?", []string{"The types of recipients include:\n  – …\n  – law enforcement agencies, such as Alderby Police\n  – …"},
			[]string{"contractors", "schools"}},
		{"do you give my details to contractors or schools?", []string{"include:\n  – our contractors, who repair council homes\n  – …\n  – schools and colleges\n  – …"},
			[]string{"Police", "landlords"}},
		{"who do you share my information with?", []string{"contractors", "Police", "schools", "landlords"}, nil},
	} {
		t.Run(tt.question, func(t *testing.T) {
			ans := answered(t, e, answer.Question{Text: tt.question})
			require.NotEmpty(t, ans.Citations)
			for _, s := range tt.quoted {
				assert.Contains(t, ans.Citations[0].Excerpt, s)
			}
			for _, s := range tt.not {
				assert.NotContains(t, ans.Answer, s)
			}
		})
	}
}

// "Who is the data controller?" is answered by a sentence saying who is, however it puts it
// ("the Council is both the Data Controller and the Data Processor"), as by a contact block.
func TestASentenceSayingWhoIsTheControllerAnswersWhoItIs(t *testing.T) {
	e := alderbyNotice(t, "website", "Website privacy statement", "Who we are\n"+
		"In terms of the Data Protection Act the Council is both the Data Controller and the Data Processor.\n"+
		"Cookies\nWe use cookies to remember your choices.\n")
	ans := answered(t, e, answer.Question{Text: "who is the data controller?", Organisation: "Alderby Borough Council"})
	assert.Contains(t, ans.Answer, "the Council is both the Data Controller")
}

// Paragraphs of one section are quoted in the notice's order under its heading once: "We will
// only share information with these organisations …" came before the sentence naming them,
// under the same heading twice (a QA pass).
func TestParagraphsOfOneSectionAreQuotedInTheNoticesOrder(t *testing.T) {
	e := alderbyNotice(t, "leisure", "Leisure privacy notice", "Who we share it with\n"+
		"We sometimes need to share information with partners such as Alderby Leisure Trust and Alderby Police.\n"+
		"We will only share information with these organisations where it is legal to share it.\n")
	ans := answered(t, e, answer.Question{Text: "who do you share my information with?"})
	assert.Equal(t, 1, strings.Count(ans.Answer, "“Who we share it with”"), ans.Answer)
	named, these := strings.Index(ans.Answer, "partners such as"), strings.Index(ans.Answer, "these organisations")
	require.True(t, named >= 0 && these >= 0, ans.Answer)
	assert.Less(t, named, these, "the organisations are named before they are pointed back to:\n%s", ans.Answer)
}

// A table every row of which answers alike is quoted whole, under its heading, without its
// header: "what rights do I have?" quoted two of Buckinghamshire's eight rights (a QA sweep). A
// question one row answers is answered by that row.
func TestATableTheQuestionAsksAsAWholeIsQuotedWhole(t *testing.T) {
	e := alderbyNotice(t, "privacy", "Privacy policy", "Data rights\n"+
		"Data protection law gives you rights over your data.\n"+
		"Name of right | What this means |\n---|---|\n"+
		"Retention |\nYou have the right to be told how long we keep your data |\n"+
		"Access |\nYou have the right to be told what information we hold about you |\n"+
		"Erasure |\nYou have the right to ask us to delete information about you |\n"+
		"Portability |\nYou have the right to have your online form data moved to another organisation |\n"+
		"Complaint |\nYou have the right to complain to the Information Commissioner |\n")
	ans := answered(t, e, answer.Question{Text: "what rights do I have?"})
	for _, row := range []string{"Retention | You have", "Access | You have", "Erasure | You have", "Portability | You have", "Complaint | You have"} {
		assert.Contains(t, ans.Answer, row)
	}
	assert.Less(t, strings.Index(ans.Answer, "Retention |"), strings.Index(ans.Answer, "Complaint |"), "in the table's order")
	assert.NotContains(t, ans.Answer, "Name of right")
	assert.Equal(t, 1, strings.Count(ans.Answer, "“Data rights”"), "under the table's heading once:\n%s", ans.Answer)

	ans = answered(t, e, answer.Question{Text: "can I ask you to delete my data?"})
	assert.Contains(t, ans.Answer, "Erasure | You have the right to ask us to delete information about you")
	assert.NotContains(t, ans.Answer, "Portability")

	// Two rows a question asks of, each for itself, are those rows (a review: no test picked two).
	ans = answered(t, e, answer.Question{Text: "can I ask you to delete my data or see what you hold about me?"})
	assert.Contains(t, ans.Answer, "Erasure | You have the right")
	assert.Contains(t, ans.Answer, "Access | You have the right")
	assert.NotContains(t, ans.Answer, "Portability")
}

// Beside an answer, the notice saying what it covers is not quoted: "This notice explains what we
// record, why, who sees …" uses a question's words and answers none of it ("What rights do I
// have?" quoted "You also need to know what rights you have in this respect." after the rights,
// a QA pass).
func TestTheNoticeSayingWhatItCoversIsNotQuotedBesideAnAnswer(t *testing.T) {
	e := alderbyNotice(t, "cctv", "CCTV privacy notice", "About this notice\n"+
		"This notice explains what we record, why, who sees our recordings and how long we keep our recordings.\n\n"+
		"Who sees recordings\nOur control room staff and the police see recordings.\n")
	ans := answered(t, e, answer.Question{Text: "who sees the recordings?"})
	assert.Contains(t, ans.Answer, "Our control room staff and the police see recordings.")
	assert.NotContains(t, ans.Answer, "This notice explains")
}
