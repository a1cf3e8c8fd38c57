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

// roundFourComposer is a small corpus with the shapes of fact round four taught the composer to
// read: a definition, a sentence that points back, a lone sentence under a section, a broken-off
// line and a contact block whose e-mail the captured page lost.
func roundFourComposer(t *testing.T) *Composer {
	t.Helper()
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Milton Keynes City Council\n    aliases: [MK]\n  - name: Buckinghamshire Council\n    aliases: [Bucks]\n")},
		"web.md": {Data: []byte("---\nid: web\ntitle: Website privacy statement\norganisation: Milton Keynes City Council\n---\n" +
			"Cookies\nWe use cookies on every page of the site. A cookie is a small text file that's sent to your computer when you visit a website. Cookies help the site remember you.\n\n" +
			"How to see your records\nYou can apply for access to a copy of your records using one of the request forms.\n\n" +
			"Once completed you should email it to\n\n" +
			"The Council has 40 calendar days in which to provide the information.\n\n" +
			"Complaints\nAll records relating to complaints will be held for 6 years from when the case was closed.\n\n" +
			"Organisation information\nTelephone: 01908 691691\n")},
		"bucks.md": {Data: []byte("---\nid: bucks\ntitle: Privacy policy\norganisation: Buckinghamshire Council\n---\n" +
			"About this policy\nWe have an obligation to explain how we collect and use your personal information. This is known as 'processing'.\n\n" +
			"Data Protection Officer\nMaria Damigos\nEmail: [email protected]\nThe Gateway, Aylesbury HP20 1UA\n")},
	}
	return composerOver(t, fs)
}

func TestComposerReadsQuestionsAsResidentsAskThem(t *testing.T) {
	comp := roundFourComposer(t)
	tests := []struct {
		name, question string
		want           []string // all in the answer
		notWant        []string // none in the answer
	}{
		{"a year in the question dates it, it is not the topic",
			"how long do you keep complaints for? i made one back in 2019", []string{"6 years"}, nil},
		{"with the kind asked for, everyday words are wording",
			"whats the main phone number for MK", []string{"01908 691691"}, nil},
		{"a deadline asked as how long is not a retention period",
			"how long does MK have to answer my subject access request", []string{"40 calendar days"}, nil},
		{"a lone sentence is read in the context of its section",
			"how many days do you have to reply to a subject access request", []string{"40 calendar days"}, nil},
		{"a definition question gets the defining sentence",
			"what even is a cookie", []string{"small text file"}, nil},
		{"a sentence that points back comes with what it points to",
			"what does 'processing' mean for Bucks", []string{"how we collect and use your personal information", "This is known as 'processing'."}, nil},
		{"a broken-off line is not quoted",
			"who do I email my completed request form to", nil, []string{"Once completed you should email it to"}},
		{"an e-mail the page lost is answered with the contact details left",
			"whats the email for the data protection officer at Bucks", []string{"HP20 1UA", "it is not an address to use"}, nil},
		{"only a quote with the lost address says so",
			"how long are complaint records kept at MK", []string{"6 years"}, []string{"not an address to use"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			if len(tt.want) > 0 {
				require.False(t, ans.Abstained, ans.Answer)
			}
			for _, w := range tt.want {
				assert.Contains(t, ans.Answer, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, ans.Answer, w)
			}
		})
	}
}

func TestIsDefinitionQuestion(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"what even is a cookie", true},
		{"what is MK Together", true},
		{"what does 'processing' mean", true},
		{"what does the employment support service actually do", true},
		{"what is the phone number for the DPO and when are you open", false},
		{"how long do you keep complaints", false},
		{"what do you do with my data when I move away", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, IsDefinitionQuestion(tt.question), tt.question)
	}
}

func TestBrokenOff(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Once completed you should email it to", true},
		{"You can contact us by emailing", true},
		{"For more information visit the ICO web site or email", true},
		{"Telephone: 01908 691691 or email", false}, // it still gives the number
		{"All records are held for 6 years.", false},
		{"Right to erasure (to request that data is deleted)", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, brokenOff(tt.text), tt.text)
	}
}

// A number the notices don't use is wording; one they use still counts as the topic.
func TestUnseenNumbersAreEverydayWords(t *testing.T) {
	comp := roundFourComposer(t)
	everyday := map[string]bool{}
	for _, r := range comp.requirements("complaints made in 2019, kept 6 years?") {
		everyday[r.concepts[0]] = r.everyday
	}
	require.Contains(t, everyday, "2019")
	require.Contains(t, everyday, "6")
	assert.True(t, everyday["2019"])
	assert.False(t, everyday["6"])
}

// roundFiveComposer is two councils whose notices state different facts: a question about one
// council is answered from its notices only, and abstains when they don't state it, however
// close the other council's answer is.
func roundFiveComposer(t testing.TB) *Composer {
	t.Helper()
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Eastby Borough Council\n    aliases: [Eastby]\n  - name: Northam County Council\n    aliases: [Northam]\n")},
		"care.md": {Data: []byte("---\nid: care\ntitle: Adult Social Care privacy notice\norganisation: Eastby Borough Council\n---\n" +
			"Eastby Borough Council is the data controller for the information in this notice.\n\n" +
			"What we collect\n\nWe collect your social care needs, your care records and your records of visits.\n\n" +
			"Why we use it\n\nWe use your social care records to plan your care. We share records with care providers.\n\n" +
			"How long we keep your information\n\nOur main retention periods are:\n\n" +
			"• adult social care case records: 8 years after the case is closed\n• complaints about adult social care: 6 years after the complaint is closed\n\n" +
			"Who we share it with\n\nWe never sell your information.\n\n" +
			"Contact our Data Protection Officer\n\nOur Data Protection Officer is Jane Example.\n\n• Email: dpo@eastby.gov.uk\n• Phone: 020 7946 0999\n")},
		"tax.md": {Data: []byte("---\nid: tax\ntitle: Council Tax privacy notice\norganisation: Northam County Council\n---\n" +
			"How long we keep it\n\nCouncil tax accounts are kept for 6 years after the account is closed.\n\n" +
			"Children's social care records are kept until the child is 75.\n")},
	}
	return composerOver(t, fs)
}

func TestComposerKeepsEachCouncilsFactsApart(t *testing.T) {
	comp := roundFiveComposer(t)
	tests := []struct {
		name, question, org string
		abstain             bool
		want                []string
	}{
		{"a period for the records the question names", "How long does Eastby keep adult social care case records?", "", false, []string{"8 years after the case is closed"}},
		{"another council's period for the records asked about is not this council's",
			"How long does Eastby keep children's social care records?", "", true, nil},
		{"scoped by org, the other council's period never answers",
			"what is the retention period for council tax records?", "Eastby Borough Council", true, nil},
		{"the person's own word answers, whatever the phrase expands to", "does Eastby sell my data", "", false, []string{"We never sell your information"}},
		{"who the officer is, with the contact list under it", "Who is the DPO at Eastby?", "", false, []string{"Jane Example", "dpo@eastby.gov.uk"}},
		{"who the controller is", "who is the data controller for adult social care", "", false, []string{"is the data controller"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question, Organisation: tt.org})
			require.NoError(t, err)
			require.Equal(t, tt.abstain, ans.Abstained, ans.Answer)
			for _, w := range tt.want {
				assert.Contains(t, ans.Answer, w)
			}
			if tt.abstain {
				assert.NotContains(t, ans.Answer, "75")
				assert.NotContains(t, ans.Answer, "6 years after the account")
			}
		})
	}
}

// An answer that abstains cites the council's data protection contact with the whole passage it
// is quoted from, as every citation does: /sources and the widget show the passage, and showed
// a blank one after "the notices don't answer that".
func TestAnAbstentionCitesTheContactsWholePassage(t *testing.T) {
	comp := roundFiveComposer(t)
	ans, err := comp.Answer(context.Background(), Question{Text: "How long does Eastby keep children's social care records?"})
	require.NoError(t, err)
	require.True(t, ans.Abstained, ans.Answer)
	require.NotEmpty(t, ans.Citations, "the contact is cited")
	for _, ct := range ans.Citations {
		assert.NotEmpty(t, ct.Excerpt, "[%d]", ct.N)
		assert.Contains(t, ct.Passage, "Our Data Protection Officer is Jane Example.", "[%d] carries its whole passage", ct.N)
	}
}

// missingRetriever retrieves every passage but those of one section: retrieval missing it.
type missingRetriever struct {
	c       *notice.Corpus
	section string
}

func (m missingRetriever) Retrieve(_ context.Context, _ Question) ([]Hit, error) {
	var hits []Hit
	for i, p := range m.c.Passages() {
		if p.Section() != m.section {
			hits = append(hits, Hit{Passage: p, Score: 1 / float64(i+1)})
		}
	}
	return hits, nil
}

// "Who's the DPO at Calderbrook?" is answered first from where organisations.yaml says the
// council states its data protection contact, even when retrieval ranked other passages that
// mention the officer above it, or missed it.
func TestDPOQuestionsAreAnsweredFromTheConfiguredContact(t *testing.T) {
	c, err := notice.Load(fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Calderbrook City Council\n    aliases: [Calderbrook]\n" +
			"    dpo_contact:\n      notice: main\n      section: How to contact our Data Protection Officer\n")},
		"schools.md": {Data: []byte("---\nid: schools\ntitle: School admissions\norganisation: Calderbrook City Council\n---\n" +
			"Contact us\nTo contact the Data Protection Officer, email dpo@calderbrook.gov.uk.\n")},
		"main.md": {Data: []byte("---\nid: main\ntitle: Privacy notice\norganisation: Calderbrook City Council\n---\n" +
			"How to contact our Data Protection Officer\nOur Data Protection Officer is Nadia Okonjo.\n\nCivic Centre, 1 Foundry Square, Calderbrook CL1 3DS\n")},
	})
	require.NoError(t, err)
	for name, r := range map[string]Retriever{
		"ranked below": fixedRetriever{c},
		"not found":    missingRetriever{c, "How to contact our Data Protection Officer"},
	} {
		t.Run(name, func(t *testing.T) {
			comp := NewComposer(r, c, DefaultVocabulary())
			ans, err := comp.Answer(context.Background(), Question{Text: "who's the DPO at calderbrook"})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			require.NotEmpty(t, ans.Citations)
			assert.Equal(t, "main", ans.Citations[0].Notice)
			assert.Contains(t, ans.Answer, "Nadia Okonjo")
		})
	}
}

// A quoted sentence keeps the sentence after it that qualifies it: "your details will not be
// disclosed" without "There are exceptions to this…" says more than the notice does. And the best
// sentence keeps the one after it that goes on about it: what the first introduces ("an equality
// monitoring form"), the second often answers ("Answering it is voluntary").
func TestQuotesKeepTheSentenceAfterThatQualifiesOrGoesOn(t *testing.T) {
	tests := []struct {
		name, org, notice, question string
		want                        []string
		notWant                     string
	}{
		{"a qualifier", "Milton Keynes City Council",
			"Information given in confidence\nIf you provide information in confidence about another individual, your details will not be disclosed. " +
				"There are exceptions to this such as court orders. We publish our annual report each June.\n",
			"will you disclose my details if I gave information in confidence?",
			[]string{"will not be disclosed", "There are exceptions to this such as court orders."}, "annual report"},
		{"a sentence going on", "Brackenholt Borough Council",
			"What we collect\nWe also ask you to fill in an equality monitoring form about your age, ethnicity and religion. " +
				"Answering it is voluntary and choosing not to will not affect your application. We keep applications for 6 months.\n",
			"do I have to fill in the equality monitoring form?",
			[]string{"equality monitoring form about your age", "Answering it is voluntary"}, "6 months"},
		// A rule limiting what the sentence before allows (a QA pass: the quote said the council
		// passes an enquiry on, and stopped there).
		{"a rule limiting it", "Milton Keynes City Council",
			"Enquiries\nWe publish a list of our services. If your question is technical, we may need to pass it to our IT section. " +
				"We do not pass on any of your personal information when dealing with your enquiry, unless you have given us permission to do so. We reply within 10 days.\n",
			"does my technical question go to IT?",
			[]string{"pass it to our IT section", "unless you have given us permission"}, "10 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			comp := composerOver(t, fstest.MapFS{
				"organisations.yaml": {Data: []byte("organisations:\n  - name: " + tt.org + "\n")},
				"n.md":               {Data: []byte("---\nid: n\ntitle: A privacy notice\norganisation: " + tt.org + "\n---\n" + tt.notice)},
			})
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			for _, w := range tt.want {
				assert.Contains(t, ans.Answer, w)
			}
			assert.NotContains(t, ans.Answer, tt.notWant)
		})
	}
}

// A long question that tells a story is answered by the sentence that matches what it asks, though
// that sentence covers little of the story; a question about something the notices don't say
// still gets no answer, however long.
func TestLongQuestionsAreAnsweredByWhatTheyAsk(t *testing.T) {
	notice := "---\nid: bb\ntitle: Blue Badge privacy notice\norganisation: Ravensholme Borough Council\n---\n" +
		"What we collect\nWe collect your name, address, date of birth and a photograph for your badge.\n\n" +
		"Medical evidence\nWe ask your GP or consultant to confirm your mobility needs when we cannot decide from the application.\n\n" +
		"Who we share it with\nWe share badge details with the Department for Transport and with parking enforcement officers.\n\n" +
		"How long we keep it\nRefused applications are kept for 12 months after the decision.\n\n" +
		"Cookies\nOur website uses cookies to remember your settings.\n\n" +
		"Your rights\nYou can ask for a copy of your information.\n\n" +
		"Security\nWe store information on secure servers in the UK.\n\n" +
		"Fraud\nWe investigate misuse of badges and may prosecute.\n\n" +
		"Contact\nData Protection Officer, Town Hall, Ravensholme RV1 2AB\n"
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Ravensholme Borough Council\n")},
		"bb.md":              {Data: []byte(notice)},
	})
	checkAnswers(t, comp, []answerCase{
		{"My wife's consultant sent a letter about her mobility needs and a photograph, the parking enforcement " +
			"officers were kind and the website settings were fine, but we were refused a blue badge. " +
			"How long do you keep a refused application?", false, "12 months"},
		{"My wife's consultant sent a letter about her mobility needs and a photograph, the parking enforcement " +
			"officers were kind and the website settings were fine. How long do you keep CCTV footage of the car park?", true, ""},
	})
}

// Two councils quoting the same fact (the ICO's helpline) say the same; two stating different
// periods answer differently, each with its own; two with no figure to compare say what each says.
func TestComposerSaysWhetherCouncilsAgree(t *testing.T) {
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Eastby Borough Council\n  - name: Northam County Council\n")},
		"eastby.md": {Data: []byte("---\nid: eastby\ntitle: Library privacy notice\norganisation: Eastby Borough Council\n---\n" +
			"How long we keep it\n\nLibrary membership records are kept for 2 years after your last loan.\n\n" +
			"Complaints\n\nYou can complain to the Information Commissioner's Office (ICO) on 0303 123 1113 or at ico.org.uk.\n\n" +
			"Sharing\n\nWe share library records with the schools library service.\n")},
		"northam.md": {Data: []byte("---\nid: northam\ntitle: Libraries privacy notice\norganisation: Northam County Council\n---\n" +
			"Retention\n\nLibrary membership records are kept for 6 years after your last loan.\n\n" +
			"Complaints\n\nIf you are unhappy, contact the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow SK9 5AF (phone 0303 123 1113).\n\n" +
			"Sharing\n\nWe share library records with the schools library service.\n")},
	}
	comp := composerOver(t, fs)
	tests := []struct{ question, opening string }{
		{"What is the ICO's phone number?", "The notices of 2 organisations say the same:"},
		{"How long do you keep library membership records?", "The notices of 2 organisations answer this differently:"},
		// Nothing to compare: what each says, not a difference claimed (a QA pass).
		{"Who do you share library records with?", "What the notices of each of 2 organisations say:"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			assert.True(t, strings.HasPrefix(ans.Answer, tt.opening), ans.Answer)
		})
	}
}

// A notice more than three years old is quoted after the council's current ones, however well
// it matches, with its date noted: an out-of-date "we share with no one" must not open an answer
// whose next quote lists the partners. Best still names the quote that answers best.
func TestComposerQuotesAnOutOfDateNoticeLast(t *testing.T) {
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Eastby Borough Council\n")},
		"old.md": {Data: []byte("---\nid: old\ntitle: Website privacy statement\norganisation: Eastby Borough Council\nupdated: 2018-05-17\n---\n" +
			"Who we share your information with\n\nWe do not share your information with any other organisation.\n")},
		"new.md": {Data: []byte("---\nid: new\ntitle: Housing privacy notice\norganisation: Eastby Borough Council\nupdated: 2025-01-10\n---\n" +
			"Who we share it with\n\nWe share your information with the police, the NHS and housing associations.\n")},
	}
	comp := composerOver(t, fs)
	ans, err := comp.Answer(context.Background(), Question{Text: "who do you share my information with?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	fresh, old := strings.Index(ans.Answer, "the police, the NHS"), strings.Index(ans.Answer, "We do not share")
	require.True(t, fresh >= 0 && old >= 0, "both are quoted: %s", ans.Answer)
	assert.Less(t, fresh, old, "the current notice first: %s", ans.Answer)
	assert.Contains(t, ans.Answer, "last updated 17 May 2018")
	assert.NotZero(t, ans.Best)
	assert.Equal(t, "new", ans.Citations[0].Notice)
}

// A town said as where the resident lives scopes the question as the council's name does: "I
// live in Eastbrook, who's the DPO?" was refused because no notice says "Eastbrook" (a QA pass of
// advisers). A town asked about is still a topic no notice covers.
func TestATownSaidAsWhereIsNoTopic(t *testing.T) {
	c, err := notice.Load(fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Calderbrook City Council\n    places: [Eastbrook, Low Fell]\n" +
			"    dpo_contact:\n      notice: main\n      section: How to contact our Data Protection Officer\n")},
		"main.md": {Data: []byte("---\nid: main\ntitle: Privacy notice\norganisation: Calderbrook City Council\n---\n" +
			"How to contact our Data Protection Officer\nOur Data Protection Officer is Nadia Okonjo.\n\nCivic Centre, 1 Foundry Square, Calderbrook CL1 3DS\n\n" +
			"Complaints\nWe keep records of complaints for 6 years after the complaint is closed.\n")},
	})
	require.NoError(t, err)
	comp := NewComposer(fixedRetriever{c}, c, DefaultVocabulary())
	for _, tc := range []struct {
		question, want string
	}{
		{"I live in Eastbrook, who's the DPO?", "Nadia Okonjo"},
		{"im from low fell - how long do you keep complaints?", "6 years"},
		{"Eastbrook Park events: how long do you keep the photos?", ""},
	} {
		ans, err := comp.Answer(context.Background(), Question{Text: tc.question})
		require.NoError(t, err)
		if tc.want == "" {
			assert.True(t, ans.Abstained, "%q: %s", tc.question, ans.Answer)
			continue
		}
		assert.False(t, ans.Abstained, "%q: %s", tc.question, ans.Answer)
		assert.Contains(t, ans.Answer, tc.want, tc.question)
	}
}

// Councils named side by side are each answered, or said not to answer: "How long do Eastby and
// Northam keep complaints?" quoted Eastby alone, which read out to a Northam resident is Northam's
// (a QA pass of advisers).
func TestEachCouncilNamedTogetherIsAnsweredOrSaidNotTo(t *testing.T) {
	comp := roundFiveComposer(t)
	ans, err := comp.Answer(context.Background(), Question{Text: "How long do Eastby and Northam keep complaints?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "6 years after the complaint is closed")
	assert.Contains(t, ans.Answer, "Northam County Council's privacy notices don't answer that.")
	assert.Contains(t, ans.Answer, "Please ask Northam County Council's data protection officer.")
	assert.Equal(t, []string{"Northam County Council"}, ans.NotAnsweredBy)

	// Each quoted: nothing said missing.
	ans, err = comp.Answer(context.Background(), Question{Text: "How long do Eastby and Northam keep records?"})
	require.NoError(t, err)
	assert.NotContains(t, ans.Answer, "don't answer", ans.Answer)
	// Named apart, one council is context, not asked about.
	ans, err = comp.Answer(context.Background(), Question{Text: "I live in Eastby but work for Northam, how long do you keep complaints?"})
	require.NoError(t, err)
	assert.NotContains(t, ans.Answer, "don't answer", ans.Answer)
}

// A sentence answering "how long do you keep …?" gives a period of keeping when it, or its
// section, says so; holding records and a reply time is no period of keeping.
func TestSaysKept(t *testing.T) {
	tests := []struct {
		section, sentence string
		want              bool
	}{
		{"How long we keep hold of information for", "All records relating to service requests: 3 years from when the record was created", true},
		{"Retention", "Applications: 2 years after the decision", true},
		{"Who we share it with", "Complaint records are held for 6 years after the case closes.", true},
		{"CCTV", "Footage is overwritten after 30 days unless it is needed for an investigation.", true},
		{"Your account", "We keep your account for as long as you use it.", true},
		{"How to see your records", "The Council has 40 calendar days in which to provide the information.", false},
		{"Your right to see the information we hold about you", "We will send you a copy within one month.", false},
		{"Your rights", "If we hold records about you, we will send them within 40 calendar days.", false},
		{"Consultations", "The survey will remain open for 28 days.", false},
		{"Projects", "We use your data for the life of the project.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, saysKept(notice.Passage{Headings: []string{tt.section}}, tt.sentence), tt.sentence)
	}
}

// A long heading is shortened at a word's start, never inside a word: "… time limits for eras…"
// read as a word of its own (a QA pass).
func TestShortenCutsBetweenWords(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"Data rights", 90, "Data rights"},
		{"Tier 2: How we collect and use data › 9 The time limits for erasure", 60, "Tier 2: How we collect and use data › 9 The time limits for…"},
		{"Who we share it with, and why", 21, "Who we share it with…"},
		{"Who we share it with, and why", 24, "Who we share it with…"},
		{"Tier 2: How we collect and use data › 4 The categories", 38, "Tier 2: How we collect and use data…"}, // not "data ›…" (a review)
		{"Supercalifragilisticexpialidocious heading", 10, "Supercalif…"},                                      // no word break in reach: cut the word
	} {
		assert.Equal(t, tt.want, shorten(tt.s, tt.n), tt.s)
	}
}

// A notice's record of processing gives the data controller's address and then the data
// protection officer's; an abstention gives the officer's, with their name (every unscoped
// abstention gave both, twelve lines for one council), and cites the whole block.
func TestAnAbstentionGivesTheOfficersPartOfAControllerBlock(t *testing.T) {
	tests := []struct {
		name, block string
		want        string // the contact's text
	}{
		{"the officer named", "Data Controller\nWestmere Borough Council\nTown Hall\nWM1 1AA\nJane Roe\nData Protection Officer\nWestmere Borough Council\nHigh Street\nWM1 2BB",
			"Jane Roe\nData Protection Officer\nWestmere Borough Council\nHigh Street\nWM1 2BB\nEmail: dpo@westmere.gov.uk"},
		{"no name before the officer", "Data Controller\nWestmere Borough Council\nTown Hall\nWM1 1AA\nData Protection Officer\nHigh Street\nWM1 2BB",
			"Data Protection Officer\nHigh Street\nWM1 2BB\nEmail: dpo@westmere.gov.uk"},
		{"the council's name before the officer", "Data Controller\nTown Hall\nWM1 1AA\nWestmere Borough Council\nData Protection Officer\nHigh Street\nWM1 2BB",
			"Data Protection Officer\nHigh Street\nWM1 2BB\nEmail: dpo@westmere.gov.uk"},
		{"no controller's block", "Write to the Data Protection Officer\nWestmere Borough Council\nTown Hall\nWM1 1AA",
			"Write to the Data Protection Officer\nWestmere Borough Council\nTown Hall\nWM1 1AA\nEmail: dpo@westmere.gov.uk"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := notice.Load(fstest.MapFS{
				"main.md": {Data: []byte("---\nid: main\ntitle: Privacy notice\norganisation: Westmere Borough Council\n---\n" +
					"Who we are\nWestmere Borough Council provides local services.\n" +
					"1 The name and contact details of the controller and the data protection officer\n" + tc.block + "\nEmail: dpo@westmere.gov.uk\n")},
			})
			require.NoError(t, err)
			comp := NewComposer(fixedRetriever{c}, c, DefaultVocabulary())
			ans, err := comp.Answer(context.Background(), Question{Text: "How long do you keep CCTV footage?"})
			require.NoError(t, err)
			require.True(t, ans.Abstained, ans.Answer)
			require.NotNil(t, ans.Contact)
			assert.Equal(t, tc.want, ans.Contact.Text)
			assert.Contains(t, ans.Answer, tc.want)
			require.NotEmpty(t, ans.Citations)
			assert.Contains(t, ans.Citations[len(ans.Citations)-1].Passage, tc.block, "the whole block is cited")
		})
	}
}

// Asked for the data protection team's e-mail address where the notices give none, the bot says
// they don't answer and gives the contact they do give: a QA pass got sentences about holding
// residents' e-mail addresses, as if they answered it.
func TestAnEmailAddressTheNoticesDontGiveIsNotAnswered(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure centres privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"What we hold\nWe hold your name, address, phone number and email address to run your membership.\n\n" +
			"Data protection\nFor more information on data protection, write to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC, or call 01632 960000.\n")},
	})
	ans, err := comp.Answer(context.Background(), Question{Text: "whats the data protection email for alderby", Organisation: "Alderby Borough Council"})
	require.NoError(t, err)
	assert.True(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "01632 960000")
	assert.NotContains(t, ans.Answer, "membership")
}

// "Do you sell my data?" is answered by a sentence saying whether it is sold, or not at all: a QA
// pass got a list of whom the council shares with, which reads as "yes". A notice that says it
// never sells is quoted, even below the list.
func TestWhetherDataIsSoldIsAnsweredOnlyByASentenceSayingIt(t *testing.T) {
	sharing := "Who we share it with\nWe share your details with:\n- our contractors who empty your bins\n- other councils, to check your address\n- companies that print our letters\n"
	silent := composerOver(t, fstest.MapFS{
		"waste.md": {Data: []byte("---\nid: waste\ntitle: Waste privacy notice\norganisation: Alderby Borough Council\n---\n" + sharing +
			"\nContact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
	})
	says := composerOver(t, fstest.MapFS{
		"waste.md": {Data: []byte("---\nid: waste\ntitle: Waste privacy notice\norganisation: Alderby Borough Council\n---\n" + sharing +
			"We never sell your information.\n\nContact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
	})
	for _, question := range []string{"do you sell my data to companies?", "does the council sell residents' details", "is my information sold?"} {
		ans, err := silent.Answer(context.Background(), Question{Text: question, Organisation: "Alderby Borough Council"})
		require.NoError(t, err)
		assert.True(t, ans.Abstained, "%s: %s", question, ans.Answer)

		ans, err = says.Answer(context.Background(), Question{Text: question, Organisation: "Alderby Borough Council"})
		require.NoError(t, err)
		assert.Contains(t, ans.Answer, "We never sell your information", question)
	}
}

// A phrase the vocabulary keeps as it is ("NHS number") is met by a sentence saying it, not by
// one saying "health" or "number" alone: asked of Buckinghamshire, whose notices never say it,
// "do you use my NHS number?" quoted "the number of people phoning the council" (a QA pass).
func TestAPhraseKeptAsItIsIsMetOnlyWhole(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Alderby Borough Council\n  - name: Fernshire County Council\n")},
		"care.md": {Data: []byte("---\nid: care\ntitle: Adult social care privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Your NHS number\nWe use your NHS number to share care records with your GP.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
		"council.md": {Data: []byte("---\nid: council\ntitle: Council privacy notice\norganisation: Fernshire County Council\n---\n" +
			"Data analysis\nWe might look at the number of people phoning the council to plan our contact centre.\n\n" +
			"Special categories\nWe may need this sort of information in connection with health and social care services that we provide.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Fernshire County Hall, Fernbury FE1 3XY.\n")},
	})
	ans, err := comp.Answer(context.Background(), Question{Text: "do you use my NHS number?", Organisation: "Fernshire County Council"})
	require.NoError(t, err)
	assert.True(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "FE1 3XY")

	ans, err = comp.Answer(context.Background(), Question{Text: "do you use my NHS number?", Organisation: "Alderby Borough Council"})
	require.NoError(t, err)
	assert.Contains(t, ans.Answer, "share care records with your GP")
}

// A quoted sentence that points back at what the notice said above it ("the requirement
// mentioned above") is quoted after it, from the paragraph before when it opens its own: the
// lawful basis of MK Together was quoted without the Care Act duty it names (a QA pass).
func TestASentencePointingAboveIsQuotedWithWhatItPointsTo(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"care.md": {Data: []byte("---\nid: care\ntitle: Carers privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Why we use your information\nThe Family Support Act 2001 requires us to help people who look after a relative.\n\n" +
			"If you use our carers service then the requirement mentioned above is our lawful basis for using your personal data.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
	})
	ans, err := comp.Answer(context.Background(), Question{Text: "why do you use my personal data if I use the carers service?", Organisation: "Alderby Borough Council"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "the requirement mentioned above is our lawful basis")
	require.Contains(t, ans.Answer, "Family Support Act 2001")
	assert.Less(t, strings.Index(ans.Answer, "Family Support Act 2001"), strings.Index(ans.Answer, "mentioned above"), "what it points to comes first")
}

// A quote whose end the captured page lost ("… please contact us on") says so, and the data
// protection contact the notices do give follows: quoted as it stood, it left the resident with
// no number (a QA pass).
func TestAQuoteThatLostItsEndIsFollowedByTheContact(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"care.md": {Data: []byte("---\nid: care\ntitle: Adult social care privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Your NHS number\nWe use your NHS number to share care records with your GP. You have the right to object to this. " +
			"If you wish to opt out from the use of your NHS number please contact us on\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC.\n")},
	})
	ans, err := comp.Answer(context.Background(), Question{Text: "how do I opt out of my NHS number being used?", Organisation: "Alderby Borough Council"})
	require.NoError(t, err)
	require.Contains(t, ans.Answer, "please contact us on”")
	assert.Contains(t, ans.Answer, "lost what followed it")
	assert.Contains(t, ans.Answer, "AL1 2BC")
	last := ans.Citations[len(ans.Citations)-1]
	assert.Contains(t, last.Excerpt, "AL1 2BC", "the contact is cited")
}
