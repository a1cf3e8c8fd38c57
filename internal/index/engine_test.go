package index_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/index"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
)

// engine builds the retriever and the extractive composer over the bundled corpus.
func engine(tb testing.TB) (*index.Index, *answer.Composer) {
	tb.Helper()
	c, err := notice.Load(corpus.FS)
	require.NoError(tb, err)
	e, err := indextest.Build(c)
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = e.Index.Close() })
	e.Composer.Now = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	return e.Index, e.Composer
}

func TestAnswersTheSeedQuestions(t *testing.T) {
	_, comp := engine(t)
	tests := []struct {
		name, question, org string
		want                []string // all must appear in the answer
		notice              string   // one citation must be of this notice
	}{
		{"complaint retention", "How long do you keep complaint records?", "", []string{"6 years", "Ombudsman", "10 years"}, "mkc-customer-services"},
		{"Bucks DPO", "Who is the data protection officer?", "Buckinghamshire", []string{"Maria Damigos"}, "buckinghamshire-privacy-policy"},
		{"MK DPO", "Who is the data protection officer?", "Milton Keynes", []string{"01908 254900"}, ""},
		{"unscoped DPO names each council", "Who is the data protection officer?", "", []string{"Buckinghamshire Council", "Milton Keynes"}, ""},
		// Everyday wording around the topic doesn't make the bot abstain.
		{"everyday words", "how long do u keep complaints on file after its sorted", "", []string{"6 years"}, "mkc-customer-services"},
		{"a bare request for a number", "MK Together phone number", "", []string{"01908"}, "mkc-mk-together"},
		// Residents' words for what the notices call otherwise (a tenth QA pass).
		{"data kept safe is data kept securely", "how do you keep my data safe", "Milton Keynes", []string{"securely"}, ""},
		// Sending data abroad, or to the US, is what the notices call disclosing it to third
		// countries: "the US" was read as "us", and "send" as sending the council an e-mail.
		{"sent abroad is disclosed to third countries", "do you send my data abroad", "", []string{"third countries"}, "buckinghamshire-privacy-policy"},
		{"the US is a third country", "does the council send data to the US?", "", []string{"third countries"}, "buckinghamshire-privacy-policy"},
		{"sent to America", "is my information sent to America?", "", []string{"third countries"}, "buckinghamshire-privacy-policy"},
		// Data moved to another organisation is data portability; a notice "up to date" is
		// answered by when it was last updated (a QA pass: links to other sites, and Twitter
		// keeping residents "up to date", were quoted).
		{"moving data is portability", "how do I get my data moved to another organisation", "", []string{"Portability"}, "buckinghamshire-privacy-policy"},
		{"a notice up to date", "is the milton keynes privacy statement up to date?", "", []string{"Last Updated: 17 May 2018"}, "mkc-website-privacy-statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), answer.Question{Text: tt.question, Organisation: tt.org})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			for _, w := range tt.want {
				assert.Contains(t, ans.Answer, w)
			}
			if tt.notice != "" {
				var notices []string
				for _, c := range ans.Citations {
					notices = append(notices, c.Notice)
				}
				assert.Contains(t, notices, tt.notice)
			}
		})
	}
}

// Questions on topics no notice covers abstain and give a contact, even when they share words
// ("how long", "records") with passages that answer other questions.
// A question naming two councils side by side gets each council's answer: searched once,
// Buckinghamshire's notices, which use "share" most, took every place, and Milton Keynes's
// answer was left out.
func TestAQuestionNamingTwoCouncilsGetsEachCouncilsAnswer(t *testing.T) {
	_, comp := engine(t)
	ans, err := comp.Answer(context.Background(), answer.Question{Text: "do Bucks and MK share data with the police?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	orgs := map[string]bool{}
	for _, c := range ans.Citations {
		orgs[c.Organisation] = true
	}
	assert.True(t, orgs["Buckinghamshire Council"], ans.Answer)
	assert.True(t, orgs["Milton Keynes Council"] || orgs["Milton Keynes City Council"], ans.Answer)
	assert.Contains(t, ans.Answer, "Thames Valley Police")
}

// A question's context (what the conversation was about) finds the passages about it but is not
// required of the answer, nor does it make the question look answered: asked with its context as
// words of its own, "do they use google analytics?" got Buckinghamshire's sentences about IP
// addresses, which don't say.
func TestContextIsSearchedNotRequired(t *testing.T) {
	_, comp := engine(t)
	q := answer.Question{Text: "do they use google analytics?", Context: "buckinghamshire council collect ip address site"}
	ans, err := comp.Answer(context.Background(), q)
	require.NoError(t, err)
	assert.True(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "Buckinghamshire Council", "the context's council is the one whose contact is given")
	assert.NotContains(t, ans.Answer, "Milton Keynes")
	q = answer.Question{Text: "who sees them?", Context: "complaint records"}
	ans, err = comp.Answer(context.Background(), q)
	require.NoError(t, err)
	assert.Contains(t, ans.Answer, "staff who need to see it")
}

func TestAbstainsOnTopicsTheNoticesDoNotCover(t *testing.T) {
	_, comp := engine(t)
	for _, q := range []string{
		"How long do you keep CCTV footage?",
		"does the council use ChatGPT to answer residents' emails?",
		"if the council leaks my data how much compensation will I get?",
	} {
		t.Run(q, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), answer.Question{Text: q})
			require.NoError(t, err)
			assert.True(t, ans.Abstained, ans.Answer)
			assert.NotNil(t, ans.Contact)
			assert.NotEmpty(t, ans.Citations)
		})
	}
}

// One bullet of a long list is found: pieces of passages are indexed on their own.
func TestRetrievesOneBulletOfALongList(t *testing.T) {
	ix, _ := engine(t)
	hits, err := ix.Retrieve(context.Background(), answer.Question{Text: "do you pass my details to my landlord?", K: 3})
	require.NoError(t, err)
	require.NotEmpty(t, hits)
	var found bool
	ids := map[string]bool{}
	for _, h := range hits {
		assert.False(t, ids[h.Passage.ID], "a passage is returned once")
		ids[h.Passage.ID] = true
		found = found || strings.Contains(h.Passage.Text, "landlords")
	}
	assert.True(t, found, "a passage listing landlords is in the top 3")
}

// A lead-in is quoted with its bullets, so "may include:" is never left hanging: all of them, or
// those that answer and "– …" for the rest.
func TestQuotesListLeadInWithItsBullets(t *testing.T) {
	_, comp := engine(t)
	ans, err := comp.Answer(context.Background(), answer.Question{Text: "what personal details does the customer service team record about people?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	if _, after, ok := strings.Cut(ans.Answer, "may include:"); ok {
		assert.True(t, strings.HasPrefix(after, "\n  – "), "bullets follow the lead-in: %s", ans.Answer)
		if !strings.Contains(after, "Date of Birth") {
			assert.Contains(t, after, "\n  – …", "a list quoted in part says so: %s", ans.Answer)
		}
	}
}

func BenchmarkAnswer(b *testing.B) {
	_, comp := engine(b)
	q := answer.Question{Text: "how long does employment support keep my details once I've stopped going?"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := comp.Answer(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// "How long do you keep …?" answered with a period of something else (how long the council has
// to send a copy of someone's records), or asked of no record in particular of a council with
// several notices, says it may not answer exactly and gives the contact; a period of keeping
// the records asked about is quoted as sure.
func TestAPeriodOfSomethingElseIsNoSureRetentionAnswer(t *testing.T) {
	_, comp := engine(t)
	tests := []struct {
		question   string
		quoted     string
		wantHedged bool
	}{
		{"how long do you keep records about my son?", "40 calendar days", true},
		{"how long do you keep complaint records?", "6 years", false},
		{"how long does the council have to provide my records?", "40 calendar days", false},
		// No record named: Milton Keynes's notices each keep their service's records for their
		// own period, and one of them is not the answer (a QA pass).
		{"how long do mk council keep my info", "keep", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), answer.Question{Text: tt.question})
			require.NoError(t, err)
			require.False(t, ans.Abstained, ans.Answer)
			assert.Contains(t, ans.Answer, tt.quoted)
			assert.Equal(t, tt.wantHedged, ans.Hedged, ans.Answer)
			if tt.wantHedged {
				assert.NotNil(t, ans.Contact, "an unsure answer gives the data protection contact")
			}
		})
	}
}

// A question for a kind of fact finds the piece that states one, though it shares few words with
// the question ("Tel No: …" under a "please contact:" lead-in).
func TestFindsThePieceWithTheKindOfFactAsked(t *testing.T) {
	_, comp := engine(t)
	ans, err := comp.Answer(context.Background(), answer.Question{Text: "give me the telephone number of MK Together please"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "01908 254373")
}

// A kind of fact asked adds to a passage's score; it doesn't halve those that only share the
// question's words. Bleve scales a disjunction by the share of its clauses a passage meets, so
// "what is special category data?" read eight definitions of other things ("Access | You have
// the right …") and abstained, while "special category data" found the passage that says it.
func TestAKindOfFactAskedDoesNotOutweighTheTopic(t *testing.T) {
	ix, comp := engine(t)
	for _, q := range []string{"what is special category data?", "what is special category data"} {
		hits, err := ix.Retrieve(context.Background(), answer.Question{Text: q, K: 3})
		require.NoError(t, err)
		require.NotEmpty(t, hits)
		assert.Contains(t, hits[0].Passage.Text, "Special category data is personal data", q)
		ans, err := comp.Answer(context.Background(), answer.Question{Text: q})
		require.NoError(t, err)
		assert.False(t, ans.Abstained, ans.Answer)
		assert.Contains(t, ans.Answer, "more sensitive", q)
	}
}

// What a conversation was about is searched beside a follow-up, weighing less than what it
// asks now. Searched as one text, the context's words ("complaint records", said in every
// passage of a complaints notice) filled the passages the composer reads, and "can I ask for
// them to be deleted?" went unanswered though the notice says so. A follow-up asking nothing of
// its own ("and for Bucks?") is searched as its context.
func TestAFollowUpsOwnWordsOutweighItsContext(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nid: complaints\ntitle: Complaints privacy notice\norganisation: Eastby Council\n---\n")
	for _, what := range []string{"Housing", "Parking", "Waste", "Planning", "Libraries", "Leisure", "Schools", "Highways", "Council tax"} {
		fmt.Fprintf(&b, "%s complaints\n\nComplaint records about %s are kept on the complaints records system, and complaint records are checked by the complaints records team.\n\n", what, strings.ToLower(what))
	}
	b.WriteString("Your rights\n\nYou can ask us to delete information we hold about you when we no longer need it.\n")
	c, err := notice.Load(fstest.MapFS{"complaints.md": {Data: []byte(b.String())}})
	require.NoError(t, err)
	e, err := indextest.Build(c)
	require.NoError(t, err)
	t.Cleanup(func() { _ = e.Index.Close() })

	ans, err := e.Composer.Answer(context.Background(), answer.Question{Text: "can I ask for them to be deleted?", Context: "how long do you keep complaint records"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "You can ask us to delete information")

	hits, err := e.Index.Retrieve(context.Background(), answer.Question{Text: "and for Eastby?", Context: "complaint records", K: 3})
	require.NoError(t, err)
	require.NotEmpty(t, hits, "the context is searched when the follow-up has no words of its own")
}

// A data protection contact asked of no council in particular is answered for each council:
// Milton Keynes's phone number alone read as the only number there is, and Buckinghamshire's
// notices give none, so the answer says so, with the contact they do give.
func TestADataProtectionContactAskedOfNoCouncilAnswersForEach(t *testing.T) {
	_, comp := engine(t)
	ans, err := comp.Answer(context.Background(), answer.Question{Text: "whats the phone number for the council's data protection team"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "01908 254900")
	assert.Contains(t, ans.Answer, "Buckinghamshire Council's privacy notices don't answer that.")
	assert.Contains(t, ans.Answer, "Maria Damigos")
	assert.Equal(t, []string{"Buckinghamshire Council"}, ans.NotAnsweredBy)

	// A service's own number is not a council's data protection contact.
	ans, err = comp.Answer(context.Background(), answer.Question{Text: "MK Together phone number"})
	require.NoError(t, err)
	assert.NotContains(t, ans.Answer, "Buckinghamshire")
}

// "How long does Buckinghamshire keep my records?" asks of no record in particular, and no
// sentence of its notices gives a period for "records"; where its periods are set out (its
// "retention schedule", which can be asked for) is the answer there is, given as unsure, with the
// contact. It abstained. A record the notices don't cover still abstains, quoting it beside.
func TestHowLongMyRecordsAreKeptQuotesWhereThePeriodsAre(t *testing.T) {
	_, comp := engine(t)
	ans, err := comp.Answer(context.Background(), answer.Question{Text: "how long does Buckinghamshire council keep my records?"})
	require.NoError(t, err)
	require.False(t, ans.Abstained, ans.Answer)
	assert.True(t, ans.Hedged)
	assert.Contains(t, ans.Answer, "called a 'retention schedule'. You can request to view this list.")
	require.Len(t, ans.Citations, 2)
	assert.Contains(t, ans.Citations[1].Excerpt, "Maria Damigos", "the contact")

	ans, err = comp.Answer(context.Background(), answer.Question{Text: "how long does Buckinghamshire council keep CCTV footage?"})
	require.NoError(t, err)
	assert.True(t, ans.Abstained, ans.Answer)
	assert.Contains(t, ans.Answer, "retention schedule")
}

// "Do I need ID …?" is about proving who one is: "ID" is no word the composer reads, and the
// answer quoted how long records are kept. Asked again as "identity", the notices' "proof of
// identity" is quoted, and the answer says how the question was read.
func TestIDIsAskedAboutAsIdentity(t *testing.T) {
	_, comp := engine(t)
	for _, q := range []string{"do I need ID to get my records?", "do they need proof of id for a sar"} {
		ans, err := comp.Answer(context.Background(), answer.Question{Text: q})
		require.NoError(t, err)
		require.False(t, ans.Abstained, ans.Answer)
		assert.Contains(t, ans.Answer, "proof of identity", q)
		assert.NotEmpty(t, ans.ReadAs, q)
		assert.True(t, ans.Hedged, q)
	}
}

// BenchmarkBuild is the start-up cost: loading the bundled notices, splitting them and building
// the in-memory index (the target is well under a second).
func BenchmarkBuild(b *testing.B) {
	vocab := answer.DefaultVocabulary()
	for i := 0; i < b.N; i++ {
		c, err := notice.Load(corpus.FS)
		if err != nil {
			b.Fatal(err)
		}
		ix, err := index.Build(c, vocab)
		if err != nil {
			b.Fatal(err)
		}
		_ = answer.NewComposer(ix, c, vocab)
		_ = ix.Close()
	}
}

// BenchmarkRetrieve is one Bleve retrieval alone, over the questions people ask most.
func BenchmarkRetrieve(b *testing.B) {
	ix, _ := engine(b)
	qs := []string{"how long do you keep complaint records?", "who is the data protection officer?",
		"do you share my data with the police?", "can I get a copy of my data?", "what cookies do you use?"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Retrieve(context.Background(), answer.Question{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// The domain's synonyms work in the in-memory index (Bleve's synonym search needs a scorch
// index) and in a persisted one alike: "wipe" finds the notices' "deleted".
func TestSynonymsExpandTheQuery(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	vocab := answer.DefaultVocabulary()
	mem, err := index.Build(c, vocab)
	require.NoError(t, err)
	defer mem.Close()
	disk, err := index.BuildAt(t.TempDir()+"/idx", c, vocab)
	require.NoError(t, err)
	defer disk.Close()
	for name, ix := range map[string]*index.Index{"in memory": mem, "on disk": disk} {
		hits, err := ix.Retrieve(context.Background(), answer.Question{Text: "wipe", K: 10})
		require.NoError(t, err, name)
		require.NotEmpty(t, hits, name)
		found := false
		for _, h := range hits {
			if strings.Contains(strings.ToLower(h.Passage.Text), "delete") {
				found = true
			}
		}
		assert.True(t, found, "%s: no passage about deleting among %d hits", name, len(hits))
	}
}

// A question's acronym finds the passage that spells it out ("hb" → "Housing Benefit").
func TestRetrievesByTheWordsAnAcronymStandsFor(t *testing.T) {
	c, err := notice.Load(fstest.MapFS{
		"a.md": {Data: []byte("---\nid: a\ntitle: Revenues privacy notice\norganisation: Eastby Council\n---\n" +
			"How long we keep it\n\nHousing Benefit claims are kept for 4 years after the claim ends.\n\n" +
			"Council tax accounts are kept for 6 years after the account is closed.\n\n" +
			"Who we share it with\n\nWe share claims with the Department for Work and Pensions.\n")},
	})
	require.NoError(t, err)
	e, err := indextest.Build(c)
	require.NoError(t, err)
	t.Cleanup(func() { _ = e.Index.Close() })
	tests := []struct{ question, want string }{
		{"hb claim retention period", "Housing Benefit claims"},
		{"do you share with the DWP", "Department for Work and Pensions"},
	}
	for _, tt := range tests {
		hits, err := e.Index.Retrieve(context.Background(), answer.Question{Text: tt.question, K: 3})
		require.NoError(t, err)
		require.NotEmpty(t, hits, tt.question)
		assert.Contains(t, hits[0].Passage.Text, tt.want, tt.question)
	}
}

// The same question always gets the same answer: passages that tie (two notices of one council
// share a paragraph word for word) come in passage ID order, though Bleve sums a score's parts in
// no fixed order.
func TestTiesAreBrokenTheSameWayEveryTime(t *testing.T) {
	shared := "You can also report concerns to the national regulator, the Information Commissioner's Office.\n"
	c, err := notice.Load(fstest.MapFS{
		// Loaded (and indexed) in file order, a before b; the IDs sort the other way.
		"a.md": {Data: []byte("---\nid: z-support\ntitle: Support notice\norganisation: MK\n---\nYour rights\n" + shared)},
		"b.md": {Data: []byte("---\nid: y-services\ntitle: Services notice\norganisation: MK\n---\nYour rights\n" + shared)},
		"c.md": {Data: []byte("---\nid: c-other\ntitle: Other notice\norganisation: MK\n---\nCookies\nWe use cookies on our website.\n")},
	})
	require.NoError(t, err)
	ix, err := index.Build(c, answer.DefaultVocabulary())
	require.NoError(t, err)
	defer ix.Close()
	for range 30 {
		hits, err := ix.Retrieve(context.Background(), answer.Question{Text: "can I report concerns to the regulator?", K: 3})
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(hits), 2)
		assert.Equal(t, hits[0].Score, hits[1].Score, "the same words score the same")
		assert.Equal(t, "y-services", hits[0].Passage.NoticeID, "a tie is broken by passage ID")
	}
}

// Whatever is asked, the bot either says it can't answer or quotes the notices: every line of
// every excerpt is in the passage it cites, word for word. Never a panic, never an error but
// the two a question itself can cause.
func FuzzAnswersQuoteTheNotices(f *testing.F) {
	_, comp := engine(f)
	passages := map[string]string{}
	c, err := notice.Load(corpus.FS)
	require.NoError(f, err)
	for _, p := range c.Passages() {
		passages[p.NoticeID] += "\n" + p.Text
	}
	for _, seed := range []string{
		"How long do you keep complaint records?",
		"who is the dpo at bucks",
		"I rang about my bin last year, it was never collected. Is the call recorded, and how long do you keep it?",
		"cookies?", "", "   ", "\x00\xff", strings.Repeat("data ", 500),
		"what's the legal basis for employment support, under what law?",
		"do Bucks and MK share data with the police?", "DPO email MK?",
	} {
		f.Add(seed, "")
	}
	f.Add("who sees them?", "complaint records")
	f.Add("do they use google analytics?", "buckinghamshire council collect ip address site")
	f.Add("why?", strings.Repeat("complaint records ", 2000))
	f.Add("why?", "\x00\xff")
	f.Fuzz(func(t *testing.T, question, about string) {
		ans, err := comp.Answer(context.Background(), answer.Question{Text: question, Context: about})
		if err != nil {
			require.True(t, errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrQuestionTooLong), "%q: %v", question, err)
			return
		}
		require.NotEmpty(t, ans.Citations, "an answer or an abstention always cites a notice (the contact, when abstaining)")
		for _, ct := range ans.Citations {
			text := strings.Join(strings.Fields(passages[ct.Notice]), " ")
			for _, part := range strings.Split(ct.Excerpt, " … ") {
				for _, line := range strings.Split(part, "\n") {
					line = strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "– ")), " ")
					if line == "" || line == "…" {
						continue
					}
					assert.Contains(t, text, line, "%q: the excerpt of %s is not in the notice", question, ct.Notice)
				}
			}
		}
	})
}

// A question scoped to a notice the corpus doesn't have, or to another council's, is refused
// with the notice's id (and whose it is), and is still ErrUnknownNotice.
func TestUnknownNoticeSaysWhichNotice(t *testing.T) {
	ix, _ := engine(t)
	tests := []struct {
		name string
		q    answer.Question
		want index.UnknownNoticeError
		msg  string
	}{
		{"no such notice", answer.Question{Text: "who is the DPO?", NoticeID: "nope"},
			index.UnknownNoticeError{ID: "nope"}, `unknown notice: "nope"`},
		{"another council's", answer.Question{Text: "who is the DPO?", NoticeID: "mkc-customer-services", Organisation: "Buckinghamshire"},
			index.UnknownNoticeError{ID: "mkc-customer-services", Organisation: "Milton Keynes City Council", QuestionOrganisation: "Buckinghamshire Council"},
			`unknown notice: "mkc-customer-services" is Milton Keynes City Council's notice, not Buckinghamshire Council's`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ix.Retrieve(context.Background(), tc.q)
			require.ErrorIs(t, err, index.ErrUnknownNotice)
			var unknown *index.UnknownNoticeError
			require.True(t, errors.As(err, &unknown))
			assert.Equal(t, tc.want, *unknown)
			assert.EqualError(t, err, tc.msg)
		})
	}
}
