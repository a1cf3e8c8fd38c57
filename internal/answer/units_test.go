package answer

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/notice"
)

func TestUnitsQuoteLeadInsWithTheirBullets(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes []string // what each unit quotes, in order
		pieces []string // what Units returns, in order
	}{
		{
			name:   "list",
			text:   "We hold records. It may include:\n• Name\n• Date of Birth",
			quotes: []string{"We hold records.", "It may include:\n  – Name\n  – Date of Birth", "Name", "Date of Birth"},
			pieces: []string{"We hold records.", "It may include:", "It may include:\nName", "It may include:\nDate of Birth"},
		},
		{
			name:   "address block is one piece",
			text:   "Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East",
			quotes: []string{"Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East"},
			pieces: []string{"Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East"},
		},
		{
			name:   "sentences",
			text:   "We keep it for 6.5 years. Then it is deleted, e.g. shredded.",
			quotes: []string{"We keep it for 6.5 years.", "Then it is deleted, e.g. shredded."},
			pieces: []string{"We keep it for 6.5 years.", "Then it is deleted, e.g. shredded."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var quotes []string
			for _, u := range units(tt.text) {
				quotes = append(quotes, u.quote())
			}
			assert.Equal(t, tt.quotes, quotes)
			assert.Equal(t, tt.pieces, Units(tt.text))
		})
	}
}

func TestTermsDropInflectedStopWordsAndFillers(t *testing.T) {
	assert.Equal(t, []string{"pass", "landlord"}, Terms("caller asks whether we pass it to her landlord"))
	assert.Empty(t, Terms("asks actually stuff anyway"))
	assert.True(t, IsStopWord("asks"))
	assert.False(t, IsStopWord("landlord"))
}

// A phrase rule and a word of the same phrase ("how long do you keep") are one requirement, not
// two: otherwise retention questions weigh "keep" twice.
func TestRequirementsCountAPhraseWordOnce(t *testing.T) {
	comp := testComposer(t)
	reqs := comp.requirements("How long do you keep complaint records?")
	n := 0
	for _, r := range reqs {
		for _, k := range r.concepts {
			if k == comp.Vocab.Concept(Stem("keep")) {
				n++
			}
		}
	}
	assert.Equal(t, 1, n)
	for _, r := range reqs {
		assert.NotEqual(t, []string{"mk"}, r.concepts, "an organisation's name scopes, it is not asked about")
	}
}

// fixedRetriever returns every passage of a corpus, those sharing more of the question's words
// first (in the corpus's order when they share as many): a crude stand-in for the index, so
// that the composer is tested with passages ranked as a retriever would rank them.
type fixedRetriever struct{ c *notice.Corpus }

func (f fixedRetriever) Retrieve(_ context.Context, q Question) ([]Hit, error) {
	asked := map[string]bool{}
	for _, t := range Terms(q.Text) {
		asked[t] = true
	}
	var hits []Hit
	scope, _ := f.c.Organisations.Canonical(q.Organisation)
	for _, p := range f.c.Passages() {
		if org, _ := f.c.Organisations.Canonical(p.Organisation); scope != "" && org != scope {
			continue // scoped, as the index is
		}
		shared := map[string]bool{}
		for _, t := range Terms(p.Section() + " " + p.Text) {
			if asked[t] {
				shared[t] = true
			}
		}
		hits = append(hits, Hit{Passage: p, Score: float64(1 + len(shared))})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	return hits, nil
}

// composerOver is the extractive composer over a test's own notices, every passage retrieved.
func composerOver(t testing.TB, files fstest.MapFS) *Composer {
	t.Helper()
	c, err := notice.Load(files)
	require.NoError(t, err)
	return NewComposer(fixedRetriever{c}, c, DefaultVocabulary())
}

// requirementFor is the requirement a question makes of a word.
func requirementFor(t *testing.T, comp *Composer, question, word string) requirement {
	t.Helper()
	k := comp.Vocab.Concept(Stem(word))
	for _, r := range comp.requirements(question) {
		if slices.Contains(r.concepts, k) {
			return r
		}
	}
	t.Fatalf("%q has no requirement for %q", question, word)
	return requirement{}
}

// answerCase is a question, whether the bot should abstain on it, and what its answer (or its
// abstention's contact) must quote.
type answerCase struct {
	question string
	abstain  bool
	quote    string
}

// checkAnswers asks each question and checks the bot abstains or answers, quoting what it should.
func checkAnswers(t *testing.T, comp *Composer, cases []answerCase) {
	t.Helper()
	for _, tt := range cases {
		name := tt.question
		if len(name) > 80 {
			name = name[len(name)-40:] // a long story is named by how it asks
		}
		t.Run(name, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			assert.Equal(t, tt.abstain, ans.Abstained, ans.Answer)
			assert.Contains(t, ans.Answer, tt.quote)
		})
	}
}

func testComposer(t testing.TB) *Composer {
	t.Helper()
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Milton Keynes City Council\n    aliases: [MK]\n")},
		"retention.md": {Data: []byte("---\nid: retention\ntitle: Customer services privacy notice\norganisation: Milton Keynes City Council\n---\n" +
			"How long we keep information\nAll records relating to complaints will be held for 6 years from when the case was closed.\n\n" +
			"Data Protection Officer\nTel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East, MK9 3HS\n")},
	}
	return composerOver(t, fs)
}

func TestAbstainsWhenTheTopicIsNotInTheNotices(t *testing.T) {
	comp := testComposer(t)
	tests := []struct {
		question string
		abstain  bool
	}{
		{"How long do you keep complaint records?", false},
		{"How long do you keep parking ticket records?", true}, // "how long … records" match, the topic doesn't
		{"How long do you keep CCTV footage?", true},
		{"what's the phone number of the data protection officer?", false},
		{"what's the email address of the data protection officer?", true}, // the notice gives none
		{"how many days do you have to reply to a complaint?", true},       // a period kept is not a deadline
		{"how long does the ombudsman keep complaint records?", true},      // the council's period is not the ombudsman's
		{"how long does Citizens Advice keep my complaint records?", true},
		{"how long does MK keep complaint records?", false}, // the council, by its name
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			assert.Equal(t, tt.abstain, ans.Abstained, ans.Answer)
			if tt.abstain {
				require.NotNil(t, ans.Contact)
				assert.Contains(t, ans.Contact.Text, "01908 254900")
			}
		})
	}
}

func TestAskedKind(t *testing.T) {
	tests := []struct{ question, want string }{
		{"How long do you keep complaint records?", KindDuration},
		{"what's the retention period for case files?", KindDuration},
		{"how many days has the council got to answer a subject access request?", KindDeadline},
		{"how long does the council have to respond to my request?", KindDeadline},
		{"how long has the council got to send me my data once I ask for it", KindDeadline},
		{"It's been three weeks and nothing. How long are they allowed to take?", KindDeadline},
		// A request's reply, not a period of keeping (a QA pass quoted where Buckinghamshire's
		// retention periods are set out).
		{"how long does a SAR take", KindDeadline}, {"how long will my subject access request take?", KindDeadline},
		{"how long do you keep SAR records", KindDuration},
		{"retention complaints bucks", KindDuration}, {"complaints retention?", KindDuration}, // an adviser's note
		{"is there a retention schedule I can see for the libraries service please", ""},
		{"what's the phone number for the data protection officer?", KindPhone},
		{"who do I ring about my council tax?", KindPhone},
		{"what's the postal address for the DPO?", KindPostcode},
		{"where are they based", KindPostcode},
		{"what is the email address of the DPO?", KindEmail},
		// "What is the DPO?" asks who (a QA pass: it quoted security measures).
		{"what is the DPO?", KindContact}, {"whats a data protection officer", KindContact},
		{"what is the DPO's job?", ""},
		// Asked in everyday words (a QA pass: "… person for bucks" quoted security measures).
		{"who is the data protection person for bucks", KindContact}, {"who's the data protection contact at milton keynes", KindContact},
		{"when was this notice last updated?", KindDate},
		{"whats the ICO phone number", KindPhone}, // words between "the" and "phone number"
		{"MK Together phone number", KindPhone},   // a bare request for a number
		{"phone number for the family hubs team in ludcastle", KindPhone},
		{"email address for the data protection team at Bucks", KindEmail},
		{"do you keep my phone number for marketing?", ""}, // their number, not one to ring
		{"phone number?", KindPhone},                       // after "who is the DPO for Bucks?"
		{"and their phone number?", KindPhone},
		{"whats her address", KindPostcode},
		{"DPO email MK?", KindEmail}, // an adviser's note-like question
		// Words between "the" and "email" (a QA pass: quoted sentences about holding e-mail
		// addresses, where Milton Keynes's notices give its data protection team none).
		{"whats the data protection email for milton keynes", KindEmail}, {"what's the DPO's email?", KindEmail},
		{"what's the best way to email you", ""},
		{"bucks dpo phone", KindPhone},
		{"number?", KindPhone},
		{"and their number?", KindPhone},
		{"nhs number", ""},
		{"mk together address", KindPostcode},
		{"can I email you?", ""},
		{"my address has changed", ""},
		{"data protection officer phone number milton keynes", KindPhone},
		{"do you keep phone numbers of callers?", ""},  // asks about their data
		{"do you keep my phone number?", ""},           // asks about their data, not for a number
		{"does the website record my IP address?", ""}, // not a postal address
		{"where does the council write down its reasons?", ""},
		{"who can see my records?", ""},
		{"is there a fee for a subject access request", KindPrice},
		{"do i have to pay to get a copy of my records", KindPrice},
		{"how much is the fine for fly tipping", KindPrice},
		{"he could be fined for not sending the form back - how much?", KindPrice},
		{"can I pay my council tax online?", ""},             // asks how, not how much
		{"how much is a resident parking permit", KindPrice}, // "how much is" asks a price
		{"how much is the brown bin a year", KindPrice},
		{"how much of my information do you share", ""}, // a quantity, not a price
		{"what does a replacement bus pass cost?", KindPrice},
		{"how much to renew a blue badge", KindPrice},
		{"are there charges for a copy of the footage", KindPrice},
		{"at what age can my child ask for their own records", KindAge},
		{"my 13 year old wants his file, is he old enough to ask himself?", KindAge},
		{"how old is the privacy statement, when was it last changed", KindDate}, // the notice's age is a date
		{"what's the name of the milton keynes data protection officer", KindName},
		{"which software company makes the school admissions system", KindName},
		{"who is in charge of data protection there, I want a name not a job title", KindName},
		{"do you keep my name on file?", ""}, // asks about their data
		{"My blue badge was refused. How long do I have to ask for a review of the decision?", KindDeadline},
		{"how long do you have to keep records of my badge", KindDuration}, // their keeping, not my deadline
		{"what time does the blue badge team open", KindHours},
		{"how often is the case system backed up", KindOften},
		{"cctv retention - public space cameras?", KindDuration},
		{"NHS number retention policies are in line with which act", ""},
		{"how many councillors does tarrowby have", KindCount},
		{"why do Bucks count how many people phone them", ""},
		{"are my calls to the contact centre recorded?", KindCallRecording},
		{"do you record my phone calls to the council contact centre", KindCallRecording},
		{"how long is the record of my call kept", KindDuration}, // a record of a call, kept
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			assert.Equal(t, tt.want, AskedKind(tt.question))
		})
	}
}

// A question's topic words leave out how it asks, and the words asking for its kind of fact.
func TestTopicWords(t *testing.T) {
	for q, want := range map[string][]string{
		"How long do you keep complaint records?":       {"complaint", "records"},
		"What's the phone number for MK Together?":      {"mk", "together"},
		"Do you share my data with the police?":         {"share", "data", "police"},
		"how many years are the blue badge files kept?": {"blue", "badge", "files"},
	} {
		assert.Equal(t, want, TopicWords(q), q)
	}
}

func TestHasKind(t *testing.T) {
	tests := []struct {
		text, kind string
		want       bool
	}{
		{"Tel No: 01908 254373", KindPhone, true},
		{"Telephone: 0300 131 6000 or email", KindPhone, true},
		{"Records are held for 6 years from when the case was closed.", KindPhone, false},
		{"Records are held for 6 years from when the case was closed.", KindDuration, true},
		{"10 years or until the child turns 25", KindDuration, true},
		{"The council keeps a retention schedule.", KindDuration, true},
		{"We keep information about you.", KindDuration, false},
		{"The Council has 40 calendar days in which to provide the information", KindDeadline, true},
		{"Post: 1 Saxon Gate East, Milton Keynes MK9 3EJ", KindPostcode, true},
		{"Email: [email protected]", KindEmail, false}, // a placeholder, not an address
		{"Email: dpo@example.gov.uk", KindEmail, true},
		{"Last updated 17 May 2018", KindDate, true},
		{"There is no charge, unless a request is manifestly unfounded.", KindPrice, true},
		{"If you do not, you can be fined up to £1,000.", KindPrice, true},
		{"We may charge a reasonable fee for further copies.", KindPrice, true},
		{"Garden waste subscriptions are paid for online.", KindPrice, false},
		{"Subscriptions cost 52 pounds a year for the first bin.", KindPrice, true}, // prices in words
		{"A replacement card costs 50p.", KindPrice, true},
		{"Bins hold up to 240 litres.", KindPrice, false},
		{"Card payments for licence fees are taken by our payment provider.", KindPrice, false}, // how a fee is paid, not what it is
		{"Licence fees are set each April.", KindPrice, true},
		{"The fee is £40 for a five-year licence.", KindPrice, true},
		{"The fee for a replacement permit is shown on the form.", KindPrice, true},
		{"Children aged 12 or over can usually make a request themselves.", KindAge, true},
		{"Information relating to the case of a child (under 18) 10 years", KindAge, true},
		{"We keep information about children.", KindAge, false},
		{"Our Data Protection Officer is Nadia Okonjo.", KindName, true},
		{"HP19 8FF\nMaria Damigos\nData Protection Officer", KindName, true},
		{"Bins are emptied by Greenline Waste Services Ltd on our behalf.", KindName, true},
		{"Contact the Data Protection Officer at the Civic Centre.", KindName, false},
		{"Our email and office software provider may store data in the United States.", KindName, false},
		{"The team is open Monday to Friday, 9am to 5pm.", KindHours, true},
		{"Call us during office hours.", KindHours, false},
		{"Assisted collections are reviewed every two years.", KindOften, true},
		{"We review assisted collections.", KindOften, false},
		{"The council has 39 elected councillors.", KindCount, true},
		{"The council has elected councillors.", KindCount, false},
		{"Recordings of calls to our Contact Centre are kept for 6 months.", KindCallRecording, true},
		{"Telephone calls to the helpline are recorded for training.", KindCallRecording, true},
		{"We record your name and phone number.", KindCallRecording, false},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, HasKind(tt.text, tt.kind))
		})
	}
}

// Porter makes an employer an employment and an officer an office; the composer must not.
func TestStemKeepsAgentNounsApart(t *testing.T) {
	assert.NotEqual(t, Stem("employment"), Stem("employer"))
	assert.NotEqual(t, Stem("office"), Stem("officer"))
	assert.NotEqual(t, Stem("provide"), Stem("provider"))
	assert.Equal(t, Stem("employer"), Stem("Employers"))
	assert.Equal(t, Stem("keeps"), Stem("keeping"), "other words are still stemmed")
}

// A phrase still reads as itself with a function word or two inside it.
func TestPhrasesAllowFunctionWordsBetween(t *testing.T) {
	v, err := ParseVocabulary([]byte("phrases:\n  hand over: share\n  computer decides: automated decision\n"))
	require.NoError(t, err)
	assert.Contains(t, v.Rewrite("will you hand it over to them?"), "share")
	assert.Contains(t, v.Rewrite("is it a computer that decides?"), "automated decision")
	assert.NotContains(t, v.Rewrite("a computer at the library decides"), "automated", "content words part a phrase")
}

// An acronym reads as itself in the plural: "who are the DPOs?" asks for data protection officers.
func TestAcronymPhrasesTakeAPlural(t *testing.T) {
	v, err := ParseVocabulary([]byte("phrases:\n  dpo: data protection officer\n  hand over: share\n"))
	require.NoError(t, err)
	assert.Contains(t, v.Rewrite("who are the DPOs of Bucks and MK?"), "data protection officer")
	assert.NotContains(t, v.Rewrite("is it dposted?"), "data protection officer")
	assert.NotContains(t, v.Rewrite("do you hand overs?"), "share", "only an acronym takes a plural")
}

// Everyday words wrapped around a question ("after it's sorted", "even if") weigh less than the
// topic; the notices' own topics keep their full weight.
func TestEverydayWordsWeighLessThanTheTopic(t *testing.T) {
	comp := testComposer(t)
	weight := func(question, word string) float64 { return requirementFor(t, comp, question, word).weight }
	tests := []struct{ question, everyday, topic string }{
		{"how long do you keep complaints after it's sorted", "sorted", "complaints"},
		{"can you share complaints even if I tell you no", "even", "complaints"},
		{"how long is CCTV kept after I've rang", "rang", "CCTV"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			assert.Less(t, weight(tt.question, tt.everyday), weight(tt.question, tt.topic))
		})
	}
}

func TestAnswersDespiteEverydayWordsButNotUnseenTopics(t *testing.T) {
	comp := testComposer(t)
	tests := []struct {
		question string
		abstain  bool
	}{
		{"how long do u keep complaints on file after its sorted", false},
		{"how long do you keep complaints after the problem is sorted", false},
		{"how long do you keep CCTV footage after the problem is sorted", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			assert.Equal(t, tt.abstain, ans.Abstained, ans.Answer)
			if !tt.abstain {
				assert.Contains(t, ans.Answer, "6 years")
			}
		})
	}
}

// A word no notice uses is the topic of a question when people rarely say it ("parking"), and
// only its wording when they say it all the time ("husband", "paying"). The word as written counts,
// not its stem: "park" is everyday, "parking" is not.
func TestEverydaySpokenWordsAreWordingNotTopic(t *testing.T) {
	comp := testComposer(t)
	unseenTopic := func(question, word string) bool { return !requirementFor(t, comp, question, word).everyday }
	assert.False(t, unseenTopic("my husband made a complaint, how long is it kept", "husband"))
	assert.False(t, unseenTopic("how long are complaints kept once I stop paying", "paying"))
	assert.True(t, unseenTopic("how long are parking ticket records kept", "parking"))
	assert.True(t, unseenTopic("how long do you keep CCTV footage", "footage"))
	for _, k := range comp.requirements("do you sell residents' data") {
		assert.NotContains(t, k.concepts, comp.Vocab.Concept(Stem("residents")), "a council's residents are whom every notice is about")
	}
	for _, k := range comp.requirements("whats the phone number for the recruitment team") {
		assert.NotContains(t, k.concepts, Stem("team"), "the recruitment team is asked about as recruitment")
	}

	ans, err := comp.Answer(context.Background(), Question{Text: "need to ring whoever deals with data protection for my husband, what number do i call"})
	require.NoError(t, err)
	assert.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "01908 254900")
}

// A question asking what something costs is answered only by a sentence stating a price, or
// that there is no charge; one asking at what age only by a sentence stating an age.
func TestPriceAndAgeQuestionsNeedThatKindOfFact(t *testing.T) {
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Fenmarsh District Council\n")},
		"rights.md": {Data: []byte("---\nid: rights\ntitle: Privacy notice\norganisation: Fenmarsh District Council\n---\n" +
			"Your rights\nYou can ask for a copy of your records. There is no charge for a copy of your records.\n\n" +
			"Garden waste\nGarden waste subscriptions are paid for online and renewed every year.\n\n" +
			"Children\nChildren can ask for a copy of their own records.\n\n" +
			"Case files\nFiles about a child (under 18) are kept for 10 years.\n\n" +
			"Contact\nData Protection Officer, Council Offices, Fenmarsh FM7 2DN\n")},
	}
	comp := composerOver(t, fs)
	checkAnswers(t, comp, []answerCase{
		{"do I have to pay for a copy of my records?", false, "no charge"},
		{"how much does a garden waste subscription cost?", true, ""}, // paid for, but no price
		// The age a child's case file is kept to doesn't say at what age they may ask for it.
		{"at what age can a child ask for their own records?", true, ""},
	})
}

// Residents' words for what the notices say formally are one concept.
func TestVocabularyGroupsEverydayWords(t *testing.T) {
	v := DefaultVocabulary()
	for _, pair := range [][2]string{{"answering", "replied"}, {"companies", "organisations"}, {"mash", "combine"}, {"taxman", "tax"}, {"docs", "documents"}} {
		assert.Equal(t, v.Concept(Stem(pair[0])), v.Concept(Stem(pair[1])), pair)
	}
	assert.Contains(t, v.Rewrite("do you flog my details?"), "third party")
	assert.Contains(t, v.Rewrite("is it kept on file?"), "keep")
}

// A passage's kinds of fact, worked out from its units', are those read on the whole of it: the
// index favours the same passages either way.
func TestKindsOfUnitsAreThoseOfTheWholeText(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	texts := []string{
		"HP19 8FF\nMaria Damigos\nData Protection Officer\nTel: 01296 395000",
		"A cookie is a small text file. We keep it for 2 years. Bins are emptied by Greenline Waste Services Ltd every two weeks.",
		// A bullet's words begin a line of its unit, not of the list: no person's name here.
		"This may include:\n• the police\n• Westmere Carers Hub, if you are a carer and you agree to be referred",
	}
	for _, p := range c.Passages() {
		texts = append(texts, p.Text)
	}
	for _, text := range texts {
		us := Units(text)
		whole, each := KindsOfUnits(text, us)
		assert.Equal(t, Kinds(text), whole, text)
		require.Len(t, each, len(us))
		for i, u := range us {
			assert.Equal(t, Kinds(u), each[i], u)
		}
	}
}

// A question every bullet of a list answers alike is answered with the list, from its lead-in,
// even with a blank line between them: "What rights do I have?" quoted two rights of seven (a QA
// pass), which an adviser reading it out would have given as all the resident has.
func TestAListEveryBulletAnswersIsQuotedWhole(t *testing.T) {
	rights := "What rights you have\n\nYou have various rights around the data we hold about you.\n\n" +
		"  • Right of access (to receive a copy of your personal data)\n" +
		"  • Right to erasure (to request that data is deleted)\n" +
		"  • Right to restrict processing (to request we don’t use your data in a certain way)\n" +
		"  • Right to object (generally to make a complaint about any aspect of our use of your data)\n"
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Milton Keynes City Council\n")},
		"a.md":               {Data: []byte("---\nid: a\ntitle: Customer services privacy notice\norganisation: Milton Keynes City Council\n---\n" + rights)},
		"b.md":               {Data: []byte("---\nid: b\ntitle: Employment support privacy notice\norganisation: Milton Keynes City Council\n---\n" + rights)},
	})
	ans, err := comp.Answer(context.Background(), Question{Text: "What rights do I have?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained)
	for _, right := range []string{"Right of access", "Right to erasure", "Right to restrict processing", "Right to object"} {
		assert.Equal(t, 1, strings.Count(ans.Answer, right), "%s, quoted once though two notices list it:\n%s", right, ans.Answer)
	}
	assert.Len(t, ans.Citations, 1, "the same list in two notices is quoted once")

	// Another council's notice with the same list is that council's answer, quoted for it (a
	// review: its bullets were dropped as quoted already).
	comp = composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Milton Keynes City Council\n  - name: Eastby Borough Council\n")},
		"a.md":               {Data: []byte("---\nid: a\ntitle: Customer services privacy notice\norganisation: Milton Keynes City Council\n---\n" + rights)},
		"c.md":               {Data: []byte("---\nid: c\ntitle: Housing privacy notice\norganisation: Eastby Borough Council\n---\n" + rights)},
	})
	ans, err = comp.Answer(context.Background(), Question{Text: "What rights do I have?"})
	require.NoError(t, err)
	var orgs []string
	for _, c := range ans.Citations {
		orgs = append(orgs, c.Organisation)
	}
	assert.ElementsMatch(t, []string{"Milton Keynes City Council", "Eastby Borough Council"}, orgs, ans.Answer)
}

// A list quoted in part marks where its bullets were left out: before, between or after the
// ones quoted, so none reads as the list's first or last.
func TestElidedMarksWhereBulletsWereLeftOut(t *testing.T) {
	all := []string{"a", "b", "c", "d"}
	for _, tt := range []struct {
		chosen, want []string
	}{
		{[]string{"a", "b", "c", "d"}, []string{"a", "b", "c", "d"}},
		{[]string{"a"}, []string{"a", leftOut}},
		{[]string{"d"}, []string{leftOut, "d"}},
		{[]string{"b", "c"}, []string{leftOut, "b", "c", leftOut}},
		{[]string{"d", "a"}, []string{"a", leftOut, "d"}},
	} {
		assert.Equal(t, tt.want, elided(all, tt.chosen), "%v", tt.chosen)
	}
}

// A bullet is quoted under a line that introduces its list: one ending with a colon, or a whole
// sentence over several bullets; not a line broken off over one.
func TestIntroducesList(t *testing.T) {
	for _, tt := range []struct {
		u    unit
		want bool
	}{
		{unit{text: "This may include:", items: []string{"a"}}, true},
		{unit{text: "We only keep information for as long as it is needed.", items: []string{"a", "b"}}, true},
		{unit{text: "We only keep information for as long as it is needed.", items: []string{"a"}}, false},
		{unit{text: "it will be set out in our Information Asset Register and the associated Data Protection Impact Assessment", items: []string{"a", "b"}}, false},
	} {
		assert.Equal(t, tt.want, introducesList(tt.u), tt.u.text)
	}
}

// A list too long to paste is quoted to its limit and says how much is left: "– …" alone read as
// the end of what the notice lists, and an adviser gave the twelve bullets quoted as all of them.
func TestAListTooLongToQuoteSaysHowManyBulletsAreLeft(t *testing.T) {
	var items []string
	for i := 1; i <= maxQuotedItems+5; i++ {
		items = append(items, fmt.Sprintf("recipient %d", i))
	}
	q := unit{text: "The types of recipients include:", leadIn: true, items: items}.quote()
	assert.Contains(t, q, fmt.Sprintf("– recipient %d\n  – … (5 more in the notice)", maxQuotedItems))
	assert.NotContains(t, q, fmt.Sprintf("recipient %d\n", maxQuotedItems+1))

	// Where bullets were left out already, how many are left is not known here (a review: "1
	// more" stood for nine).
	items = append(items[:maxQuotedItems], leftOut, "recipient 30", leftOut)
	q = unit{text: "The types of recipients include:", leadIn: true, items: items}.quote()
	assert.True(t, strings.HasSuffix(q, "– … (more in the notice)"), q)

	// A list within the limit is quoted whole.
	q = unit{text: "We collect:", leadIn: true, items: items[:maxQuotedItems]}.quote()
	assert.Equal(t, maxQuotedItems, strings.Count(q, "\n  – recipient"))
	assert.NotContains(t, q, "more in the notice")
}

// A sentence that says what the one before it only points at ("These services are …") is quoted
// after it wherever it was chosen: "which services use data in other ways?" quoted "… except when
// specific services might use your data in other ways." without the services, because a bullet
// was chosen first (a QA pass).
func TestASentenceNamingWhatTheOneBeforePointsAtFollowsIt(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure privacy notice\norganisation: Alderby Borough Council\n---\n" +
		"Data analysis\nWe analyse data to plan our services. We will only ever analyse data for the reasons above, except when specific services might use your data in other ways. " +
		"These services are Lifeguard Training and Swimming Lessons. We publish what we find.\n")}})
	p := comp.Corpus.Passages()[0]
	hits := []Hit{{Passage: p}}
	us := comp.unitsOf(p)
	at := func(prefix string) candidate {
		for i, u := range us {
			if strings.HasPrefix(u.text, prefix) {
				return candidate{hit: 0, unit: u, order: i}
			}
		}
		t.Fatalf("no unit %q in %v", prefix, us)
		return candidate{}
	}
	var quoted []string
	for _, cd := range comp.withFollowers(hits, []candidate{at("We publish"), at("We will only ever")}) {
		quoted = append(quoted, cd.unit.text)
	}
	assert.Equal(t, []string{"We publish what we find.",
		"We will only ever analyse data for the reasons above, except when specific services might use your data in other ways.",
		"These services are Lifeguard Training and Swimming Lessons."}, quoted)
}

// A word over a third of a list's bullets use ("to request …" opens three rights of six) doesn't
// pick bullets: "can I request my data is deleted?", of the whole list, quotes the right to
// erasure alone; "what happens to my request?" asks nothing of any one bullet, and the list
// is quoted whole (a QA pass: it quoted the three rights saying "request", leaving out access).
func TestAWordManyBulletsUseDoesNotPickBullets(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{"housing.md": {Data: []byte("---\nid: housing\ntitle: Housing privacy notice\norganisation: Alderby Borough Council\n---\n" +
		"Your rights\nYou have various rights around the data we hold about you:\n" +
		"- Right of access (to receive a copy of your personal data)\n- Right to rectification (to request data is corrected)\n" +
		"- Right to erasure (to request that data is deleted)\n- Right to restrict processing (to request we don't use your data in a certain way)\n" +
		"- Right to object (to complain about our use of your data)\n- Right to data portability (to receive your data in a common format)\n")}})
	p := comp.Corpus.Passages()[0]
	var list candidate
	for i, u := range comp.unitsOf(p) {
		if u.leadIn {
			list = candidate{hit: 0, unit: u, order: i}
		}
	}
	require.Len(t, list.unit.items, 6)
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"can I request my data is deleted?", []string{leftOut, "Right to erasure (to request that data is deleted)", leftOut}},
		{"what happens to my request?", list.unit.items},
	} {
		reqs := comp.requirements(tt.question)
		got := comp.narrowLists([]Hit{{Passage: p}}, nil, []candidate{list}, reqs)
		assert.Equal(t, tt.want, got[0].unit.items, tt.question)
	}
}

// A table row is quoted without its header: "Name of right | What this means" opened every
// Buckinghamshire rights quote (two QA passes), where the heading over the quote names the row.
func TestATableRowIsQuotedWithoutItsHeader(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{"p.md": {Data: []byte("---\nid: p\ntitle: Privacy policy\norganisation: Alderby Borough Council\n---\n" +
		"Data rights\nName of right | What this means |\n---|---|\nAccess |\nYou have the right to be informed of the information we hold about you |\n" +
		"Erasure |\nYou have the right to ask us to delete information about you |\n")}})
	var quotes []string
	for _, p := range comp.Corpus.Passages() {
		for _, u := range comp.unitsOf(p) {
			quotes = append(quotes, u.quote())
		}
	}
	assert.Contains(t, quotes, "Erasure | You have the right to ask us to delete information about you")
	for _, q := range quotes {
		assert.NotContains(t, q, "Name of right")
	}
	// An address block of short lines is quoted whole.
	block := unit{text: "Data Protection Officer\nAlderby Town Hall\nAL1 2BC", block: true}
	assert.Equal(t, block.text, block.quote())
}

// A contact given in two sentences is quoted whole: "who do I contact about my data as a member
// of staff?" quoted the post address and left out the email and phone in the sentence after it.
func TestAContactInTwoSentencesIsQuotedWhole(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{"staff.md": {Data: []byte("---\nid: staff\ntitle: Staff privacy notice\norganisation: Alderby Borough Council\n---\n" +
		"Why we hold your information\nWe hold your information to pay you and to manage your employment.\n\n" +
		"Who to contact\nData Protection Officer, Alderby Borough Council, Civic Centre, Bridge Street, Alderby AL4 9QT. Email dpo@alderby.gov.uk, telephone 01632 960 733.\n\n" +
		"If you are unhappy you can complain to the Information Commissioner's Office.\n")}})
	ans, err := comp.Answer(context.Background(), Question{Text: "who is the data protection officer for staff and how do I reach them?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "Bridge Street, Alderby AL4 9QT")
	assert.Contains(t, ans.Answer, "dpo@alderby.gov.uk, telephone 01632 960 733")
}
