package conversation_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/rights"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// queue is the DPO's real queue over a SQLite store in the test's temporary directory, as the
// service runs it: references, idempotency, due dates and what a requester may learn of a
// law-enforcement (Part 3) request are the queue's own rules, so a change to them is one these
// tests see rather than a copy of them that stays behind.
type queue struct {
	*dpo.Queue
	t testing.TB
}

// cases is what was put on the queue, in the order it was filed (by reference: the store lists
// soonest due first).
func (q queue) cases() []dpo.Case {
	q.t.Helper()
	cs, err := q.List(context.Background(), dpo.Filter{})
	require.NoError(q.t, err)
	slices.SortFunc(cs, func(a, b dpo.Case) int { return strings.Compare(a.Ref, b.Ref) })
	return cs
}

// setStatus is the data protection team moving a case on, through the queue's rule book.
func (q queue) setStatus(ref string, to dpo.Status) {
	q.t.Helper()
	_, err := q.UpdateStatus(context.Background(), ref, dpo.Change{To: to, Actor: "dpo@test", Note: "set by the test"})
	require.NoError(q.t, err)
}

func newBot(t testing.TB, now time.Time) (*conversation.Bot, queue) {
	t.Helper()
	e := indextest.Bundled(t)
	composer, orgs, canonical := e.Composer, e.Orgs, e.Corpus.Organisations.Canonical
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "privacybot.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })
	q := queue{Queue: &dpo.Queue{Store: store, Now: func() time.Time { return now }}, t: t}
	sessions := conversation.NewSessions(30 * time.Minute)
	sessions.Now = func() time.Time { return now }
	return &conversation.Bot{Answerer: composer, Queue: q.Queue, Classify: rights.Classify, Region: deadline.EnglandAndWales,
		Orgs: orgs, Canonical: canonical, Mentioned: e.Corpus.Organisations.Mentioned, Closest: e.Corpus.Organisations.Closest,
		Notices: conversation.NoticeTitles(e.Corpus.Notices), Contacts: composer.Contacts, Now: func() time.Time { return now }, Sessions: sessions,
		Emergency: "If anyone is in immediate danger, call 999.", Safeguarding: "Call the safeguarding team.",
		DomesticAbuse: "Call the National Domestic Abuse Helpline on 0808 2000 247.",
		Redact:        func(s string) string { return strings.ReplaceAll(s, "jane@example.com", "[email]") }}, q
}

// line is one exchange of a scripted conversation: what the person says, and what the bot's
// reply must contain (and be).
type line struct {
	says     string
	kind     string
	contains []string
	lacks    []string
}

// check checks the reply to line i of a scripted conversation.
func (l line) check(t *testing.T, i int, rep conversation.Reply) {
	t.Helper()
	if l.kind != "" {
		assert.Equal(t, l.kind, rep.Kind, "line %d: %q → %s", i, l.says, rep.Answer.Answer)
	}
	for _, want := range l.contains {
		assert.Contains(t, rep.Answer.Answer, want, "line %d: %q", i, l.says)
	}
	for _, not := range l.lacks {
		assert.NotContains(t, rep.Answer.Answer, not, "line %d: %q", i, l.says)
	}
}

// script plays a conversation through Reply and checks every reply; it returns the last one.
func script(t *testing.T, bot *conversation.Bot, org string, lines []line) conversation.Reply {
	t.Helper()
	var last conversation.Reply
	session := ""
	for i, l := range lines {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: "web", Org: org, Text: l.says, MessageID: fmt.Sprintf("m%d", i)})
		require.NoError(t, err, "line %d: %q", i, l.says)
		session = rep.Session
		l.check(t, i, rep)
		last = rep
	}
	return last
}

// A question asked while a request is being taken is not taken for the council, the name or the
// contact asked for: it is answered, and the step asked again.
func TestAQuestionMidRequestIsNotTakenAsAnAnswer(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of all the information you hold about me", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "how long do you keep it?", kind: conversation.KindIntake, contains: []string{"still open", "which council"}, lacks: []string{"looks like a question"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "who gets this?", kind: conversation.KindIntake, contains: []string{"still open", "full name"}, lacks: []string{"looks like a question"}},
		{says: "ok thanks", kind: conversation.KindIntake, contains: []string{"Please give your name", "full name"}},
		{says: "help", kind: conversation.KindIntake, contains: []string{"a question at a time", "cancel", "full name"}},
		{says: "cancel", kind: conversation.KindCancelled},
	})
}

func TestAccessRequestIntake(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes Council", []line{
		{says: "I want a copy of all the information you hold about me", kind: conversation.KindIntake,
			contains: []string{"Right of access", "one calendar month", "Monday 5 October 2026", "won't ask for identity documents", "full name"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "not an address", kind: conversation.KindIntake, contains: []string{"doesn't look like"}},
		{says: "jane@example.com", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "skip", kind: conversation.KindIntake, contains: []string{"what would you like"}},
		{says: "everything about my housing benefit claim", kind: conversation.KindIntake, contains: []string{"Jane Smith", "jane@example.com", "yes / no"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001", "Monday 5 October 2026"}},
	})
	assert.Equal(t, "DPO-2026-000001", last.Reference)
	assert.Equal(t, "2026-10-05", last.Due)
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, dpo.RequestType("access"), c.Type)
	assert.Equal(t, "Milton Keynes City Council", c.Organisation)
	assert.Equal(t, dpo.ContactEmail, c.Requester.Contact.Kind)
	assert.Equal(t, "I want a copy of all the information you hold about me\neverything about my housing benefit claim", c.Description,
		"the details add to the message that started the request")
	assert.NotContains(t, c.Excerpt, "jane@example.com", "the excerpt stored with the case is redacted")
	assert.Equal(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC), c.Received, "the clock starts when the message arrived")

	// The requester checks on it later: with the right contact they learn status and due date only.
	script(t, bot, "", []line{
		{says: "what's happening with my request?", kind: conversation.KindStatus, contains: []string{"reference", "DPO-2026-"}},
		{says: "what's happening with DPO-2026-000001?", kind: conversation.KindStatus, contains: []string{"e-mail address"}},
		{says: "jane@example.com", kind: conversation.KindStatus, contains: []string{"received", "Monday 5 October 2026"}, lacks: []string{"Jane Smith", "housing"}},
	})
	script(t, bot, "", []line{
		{says: "DPO-2026-000001 someone@else.com", kind: conversation.KindStatus, contains: []string{"couldn't find"}, lacks: []string{"received"}},
	})
}

// fileRequests puts one request on the queue for each contact, in order, as a form would (an
// adviser's /request): DPO-2026-000001 is the first contact's, and so on.
func fileRequests(t *testing.T, bot *conversation.Bot, contacts ...string) {
	t.Helper()
	for i, contact := range contacts {
		rep, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: "Jo Bloggs",
			Contact: contact, Description: "my housing file", Channel: "web", IdempotencyKey: fmt.Sprintf("form-%d", i)})
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("DPO-2026-%06d", i+1), rep.Reference)
	}
}

// Asked after several requests without the contact, the bot asks for it once, naming each, and
// then gives the status of each with it: not only the first one's.
func TestSeveralReferencesWithoutAContact(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com", "jo@example.com")
	q.setStatus("DPO-2026-000002", dpo.InProgress) // a status of its own, so each answer is that request's
	script(t, bot, "", []line{
		{says: "Any news on DPO-2026-000001 and DPO-2026-000002?", kind: conversation.KindStatus,
			contains: []string{"To check DPO-2026-000001 and DPO-2026-000002, please give the e-mail address, phone number or postal address"},
			lacks:    []string{"is received", "being worked on"}},
		{says: "jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is received", "Request DPO-2026-000002 is being worked on"}, lacks: []string{"couldn't find"}},
	})

	// Three, spelt as people type them, and one of them given twice.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com", "jo@example.com", "jo@example.com")
	script(t, bot, "", []line{
		{says: "what about dpo 2026 000001, DPO-2026-000002, DPO-2026-000001 and DPO2026000003", kind: conversation.KindStatus,
			contains: []string{"To check DPO-2026-000001, DPO-2026-000002 and DPO-2026-000003, please give"}},
		{says: "it's jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is", "Request DPO-2026-000002 is", "Request DPO-2026-000003 is"}},
	})
	// Wanting to withdraw several: how to withdraw each of them.
	script(t, bot, "", []line{{says: "please cancel DPO-2026-000001 and DPO-2026-000002",
		contains: []string{"withdraw DPO-2026-000001 and DPO-2026-000002"}}})
}

// A reference not found with the contact given says so for that one, and the others' status is
// still given; the contact given again ("sorry, typo") checks again the ones not found.
func TestSeveralReferencesOneNotFound(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com", "sam@example.com")
	q.setStatus("DPO-2026-000002", dpo.InProgress)
	script(t, bot, "", []line{
		{says: "Any news on DPO-2026-000001 and DPO-2026-000002?", kind: conversation.KindStatus, contains: []string{"To check DPO-2026-000001 and DPO-2026-000002"}},
		{says: "jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is received", "It is due by Monday 5 October 2026", "I couldn't find a request DPO-2026-000002 with that contact"},
			lacks:    []string{"couldn't find a request DPO-2026-000001", "being worked on"}},
		{says: "sorry, the other one was with sam@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000002 is being worked on"}, lacks: []string{"couldn't find", "DPO-2026-000001"}},
	})

	// Neither found with a mistyped contact: the typo corrected finds both.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com", "jo@example.com")
	script(t, bot, "", []line{
		{says: "Any news on DPO-2026-000001 and DPO-2026-000002?", kind: conversation.KindStatus},
		{says: "jo@exmaple.com", kind: conversation.KindStatus,
			contains: []string{"couldn't find a request DPO-2026-000001", "couldn't find a request DPO-2026-000002"}},
		{says: "sorry, typo: it's jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is received", "Request DPO-2026-000002 is received"}, lacks: []string{"couldn't find"}},
	})

	// A reference that was never given out, beside one that was.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com")
	script(t, bot, "", []line{
		{says: "status of DPO-2026-000001 and DPO-2026-000009 please", kind: conversation.KindStatus, contains: []string{"To check DPO-2026-000001 and DPO-2026-000009"}},
		{says: "jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is received", "I couldn't find a request DPO-2026-000009"}},
	})
}

// What a tenth QA pass found after a status check: an overdue request's reply says whom to ask
// and where to complain; "how long will it take?" then asks about that request, not the law in
// general; a request someone has is not "waiting to be picked up"; and of two references, the one
// found is the reply's reference.
func TestAfterAStatusCheck(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com")
	bot.Now = func() time.Time { return time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC) } // past its 5 October
	rep := script(t, bot, "", []line{
		{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus,
			contains: []string{"due by Monday 5 October 2026, which has passed", "Information Commissioner", "01908"}},
	})
	assert.NotEmpty(t, rep.Citations, "the contact is cited")

	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com")
	script(t, bot, "", []line{
		{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus, contains: []string{"due by Monday 5 October 2026"}},
		{says: "how long will it take?", kind: conversation.KindStatus, contains: []string{"DPO-2026-000001", "Monday 5 October 2026"},
			lacks: []string{"don't say"}},
	})

	// A request a member of the team has taken is not "waiting to be picked up" (who has it is
	// not said).
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com")
	_, err := q.Assign(context.Background(), "DPO-2026-000001", "alex", "dpo@test")
	require.NoError(t, err)
	script(t, bot, "", []line{{says: "DPO-2026-000001 jo@example.com", kind: conversation.KindStatus,
		contains: []string{"a member of the data protection team has it"}, lacks: []string{"waiting to be picked up", "alex"}}})

	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	fileRequests(t, bot, "jo@example.com")
	rep = script(t, bot, "", []line{
		{says: "status of DPO-2026-000001 and DPO-2026-000009, jo@example.com", kind: conversation.KindStatus,
			contains: []string{"Request DPO-2026-000001 is received", "I couldn't find a request DPO-2026-000009"}},
	})
	assert.Equal(t, "DPO-2026-000001", rep.Reference)
	assert.Equal(t, "2026-10-05", rep.Due)
}

// A status check reads only a contact from the message: a question about the request is no
// address, and a person asked for the contact who asks something else gets that answered.
func TestStatusCheckTakesOnlyAContact(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes Council", []line{
		{says: "please delete everything you hold about me", kind: conversation.KindIntake},
		{says: "Sam Jones", kind: conversation.KindIntake},
		{says: "12 Acacia Avenue, Bletchley, MK2 2AB", kind: conversation.KindIntake, contains: []string{"service"}},
		{says: "skip", kind: conversation.KindIntake},
		{says: "my old housing application", kind: conversation.KindIntake},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001"}},
	})
	script(t, bot, "", []line{
		{says: "is there any news on my request DPO-2026-000001?", kind: conversation.KindStatus,
			contains: []string{"please give the e-mail address, phone number or postal address"}, lacks: []string{"couldn't find"}},
		{says: "12 Acacia Avenue, Bletchley, MK2 2AB", kind: conversation.KindStatus, contains: []string{"received"}},
	})
	script(t, bot, "", []line{
		{says: "what's the status of DPO-2026-000001", kind: conversation.KindStatus, contains: []string{"please give"}},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
	})
}

func TestInformationIsNotIntake(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := script(t, bot, "", []line{
		{says: "What is the right to erasure?", kind: conversation.KindAnswer},
	})
	assert.NotEmpty(t, rep.Citations)
	require.NotNil(t, rep.Request)
	assert.False(t, rep.Request.Actionable)
	assert.Empty(t, q.cases())
}

func TestCancelAtAnyStep(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Bucks", []line{
		{says: "please delete all my records", kind: conversation.KindIntake, contains: []string{"Right to erasure"}},
		{says: "Sam Jones", kind: conversation.KindIntake},
		{says: "cancel", kind: conversation.KindCancelled, contains: []string{"nothing was sent"}},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer},
	})
	assert.Empty(t, q.cases())
}

func TestOnBehalfOfSomeoneElseHasNoDueDateUntilAuthorityArrives(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I'm requesting a copy of my mother's records on her behalf", kind: conversation.KindIntake},
		{says: "Alex Doe", kind: conversation.KindIntake, contains: []string{"their name"}},
		{says: "Pat Doe", kind: conversation.KindIntake},
		{says: "07700 900123", kind: conversation.KindIntake},
		{says: "adult social care", kind: conversation.KindIntake},
		{says: "her care records", kind: conversation.KindIntake, contains: []string{"On behalf of: Pat Doe"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"proof that you may act for them"}},
	})
	require.Len(t, q.cases(), 1)
	assert.True(t, q.cases()[0].Requester.OnBehalfOf)
	assert.Equal(t, "Pat Doe", q.cases()[0].Requester.OnBehalfOfWhom)
	assert.True(t, q.cases()[0].Due.IsZero())
}

func TestSafeguardingGivesContactsAndNoIntake(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := script(t, bot, "", []line{
		{says: "my neighbour's child is being hit and I think they're in danger", kind: conversation.KindSafeguarding,
			contains: []string{"999", "safeguarding"}},
	})
	assert.True(t, rep.Safeguarding)
	assert.Empty(t, q.cases())
}

// When only the model over word vectors took a question for a danger, the safeguarding reply
// comes first and the question is answered after it, with its citations: a false alarm costs the
// resident a paragraph, not the answer. A danger the vocabulary found is answered too when the
// question asks the notices something they answer surely (a QA pass: "the neighbour threatened to
// kill my cat and i reported it, do you share that with police" got the safety contacts alone);
// self-harm gets the safeguarding reply alone, as before.
func TestALessCertainDangerIsAnsweredToo(t *testing.T) {
	for _, tt := range []struct {
		name     string
		byModel  bool
		selfHarm bool
		answered bool
	}{
		{"found by the model alone", true, false, true},
		{"found by the vocabulary", false, false, true},
		{"self-harm found by the vocabulary", false, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			bot.Classify = func(string) rights.Intent {
				return rights.Intent{Safeguarding: true, ByModel: tt.byModel, SelfHarm: tt.selfHarm, Confidence: 0.9}
			}
			rep := script(t, bot, "Milton Keynes", []line{{says: "how long do you keep complaint records?", kind: conversation.KindSafeguarding,
				contains: []string{"999"}}})
			assert.True(t, rep.Safeguarding)
			assert.Equal(t, tt.answered, strings.Contains(rep.Answer.Answer, "6 years"), rep.Answer.Answer)
			assert.Equal(t, tt.answered, len(rep.Citations) > 0, "the answer's citations")
			if tt.answered {
				assert.Less(t, strings.Index(rep.Answer.Answer, "999"), strings.Index(rep.Answer.Answer, "6 years"), "the safeguarding reply first")
			}

			// An adviser's look-up (privacybot ask) reads the same.
			ans, err := bot.Ask(context.Background(), answer.Question{Text: "how long do you keep complaint records?", Organisation: "Milton Keynes"})
			require.NoError(t, err)
			assert.True(t, ans.Safeguarding)
			assert.Equal(t, tt.answered, strings.Contains(ans.Answer, "6 years"), ans.Answer)

			// A statement, not a question, is not "answered".
			statement := script(t, bot, "Milton Keynes", []line{{says: "my neighbour shouts a lot", kind: conversation.KindSafeguarding}})
			assert.Empty(t, statement.Citations)
		})
	}
}

func TestFollowUpKeepsTheTopic(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "and for service requests?", contains: []string{"3 years"}},
	})
}

func TestSubmitFormIsIdempotent(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	form := conversation.RequestForm{Type: "rectification", Org: "Bucks", Name: "Kim Lee", Contact: "kim@example.com",
		Description: "my address is wrong", Channel: "slack", IdempotencyKey: "view-1"}
	a, err := bot.SubmitForm(context.Background(), form)
	require.NoError(t, err)
	b, err := bot.SubmitForm(context.Background(), form)
	require.NoError(t, err)
	assert.Equal(t, a.Reference, b.Reference)
	assert.Len(t, q.cases(), 1)

	form.Contact = "nope"
	_, err = bot.SubmitForm(context.Background(), form)
	assert.True(t, errors.Is(err, dpo.ErrInvalid), "%v", err)
	form.Contact, form.Type = "kim@example.com", "world-domination"
	_, err = bot.SubmitForm(context.Background(), form)
	assert.True(t, errors.Is(err, dpo.ErrInvalid), "%v", err)
}

func TestContactOf(t *testing.T) {
	tests := []struct {
		in   string
		kind dpo.ContactKind
		ok   bool
	}{
		{"jane@example.com", dpo.ContactEmail, true},
		{"07700 900123", dpo.ContactPhone, true},
		{"+44 1908 254900", dpo.ContactPhone, true},
		{"12 High Street, Bletchley, MK2 2AB", dpo.ContactPostal, true},
		{"jane@", "", false},
		{"call me", "", false},
		// A UK mobile number has 11 digits (a QA pass: one a digit short was taken).
		{"0770090012", "", false},
		{"077009001234", "", false},
		{"(07700) 900123", dpo.ContactPhone, true},
		{"+44 7700 900123", dpo.ContactPhone, true},
		{"+44 (0)7700 900123", dpo.ContactPhone, true},
		{"+44 7700 90012", "", false}, // a digit short, as a QA pass found accepted
		{"tom@gmail.cmo", "", false},
		{"tom@hotmail.co.k", "", false},
		{"tom.hardy@gmail.com.com", "", false},
		{"01908 25490", dpo.ContactPhone, true}, // some landlines have 10 digits
		// Other UK numbers are counted too: 10 digits after the 0, or 9 for a few 01 areas (a
		// QA pass: "019086441234" was taken).
		{"019086441234", "", false},
		{"01908 644 1234", "", false},
		{"016977 4123", dpo.ContactPhone, true},
		{"020 7946 0958", dpo.ContactPhone, true},
		{"020 7946 09581", "", false},
		{"0207 946 095", "", false},
		{"0300 123 4567", dpo.ContactPhone, true},
		{"0300 123 45678", "", false},
		{"0845 123 456", "", false},
		{"0800 123 456", dpo.ContactPhone, true},
		{"+44 20 7946 0958", dpo.ContactPhone, true},
		{"+44 (0)1908 254900", dpo.ContactPhone, true},
		{"+44 1908 2549001", "", false},
		// A slip in a common service's domain would send the team's reply nowhere (a QA pass).
		{"tom.hardy@gmial.con", "", false},
		{"tom.hardy@hotmial.co.uk", "", false},
		{"jo@example.con", "", false},
		{"jo@gmail.com", dpo.ContactEmail, true},
		{"jo@conwy.gov.uk", dpo.ContactEmail, true},
		{"jo@falcon.co.uk", dpo.ContactEmail, true},
		{"", "", false},
	}
	_, err := conversation.ContactOf("019086441234")
	require.Error(t, err)
	assert.Equal(t, "That phone number has 11 digits after the 0, not 9 or 10: please check it.", err.Error())
	_, err = conversation.ContactOf("tom.hardy@gmial.con")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "did you mean tom.hardy@gmail.com?")
	for _, tt := range tests {
		c, err := conversation.ContactOf(tt.in)
		if !tt.ok {
			assert.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.kind, c.Kind, tt.in)
	}
}

func TestIsFollowUp(t *testing.T) {
	for q, want := range map[string]bool{
		"and for complaints?":                      true,
		"what about Bucks?":                        true,
		"how long are they kept?":                  true, // kept how long, what? What the question before was about
		"how long do you keep it?":                 true,
		"Who is the data protection officer?":      false,
		"do you share my data with the police":     false,
		"and how long do you keep service records": true,
		// Short, but a question of its own.
		"who is the dpo?":        false,
		"what are cookies?":      false,
		"what data do you hold?": false,
		"can I complain?":        false,
		// Short, and leaning on the one before.
		"is it free?":        true,
		"how long?":          true,
		"how much?":          true,
		"Bucks?":             true,
		"cookies?":           true,
		"who gets the data?": true, // whatever data the question before was about
		// Longer, but naming one thing and pointing back at the question before.
		"can I turn them off please?": true,
		"how do I stop it, please?":   true,
		// "there" points at nothing.
		"is there any CCTV?": false,
		// A pronoun stands in for what the conversation was about.
		"whats her address":                                         true,
		"when would they share it?":                                 true,
		"is that a legal requirement?":                              true,
		"can I say no to that?":                                     true,
		"is Milton Keynes council's website the same with cookies?": true,
		"do you check that I live in the borough?":                  false,
		"do they have personal info in them?":                       true,
		// A question of its own, however it refers to the council.
		"how long do they keep complaint records about noisy neighbours?": false,
	} {
		assert.Equal(t, want, conversation.IsFollowUp(q), q)
	}
}

func TestPersonalDataIsNotSearched(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "my email is jane@example.com - how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
	})
}

func TestReplyStreamPassesDeltasOn(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Answerer = indextest.Streaming{Answerer: indextest.Bundled(t).Composer}
	var streamed strings.Builder
	rep, err := bot.ReplyStream(context.Background(), conversation.Turn{Text: "how long do you keep complaint records?"},
		func(d string) { streamed.WriteString(d) })
	require.NoError(t, err)
	assert.Equal(t, rep.Answer.Answer, streamed.String())
	assert.Contains(t, streamed.String(), "6 years")

	// An intake step doesn't stream.
	streamed.Reset()
	rep, err = bot.ReplyStream(context.Background(), conversation.Turn{Text: "please delete all my records"}, func(d string) { streamed.WriteString(d) })
	require.NoError(t, err)
	assert.Equal(t, conversation.KindIntake, rep.Kind)
	assert.Empty(t, streamed.String())
}

// rewriterFunc is a model's follow-up rewriting, faked.
type rewriterFunc func(history []string, q string) (string, error)

func (f rewriterFunc) Rewrite(_ context.Context, history []string, q string) (string, error) {
	return f(history, q)
}

func TestFollowUpsAreRewrittenByTheModelWhenThereIsOne(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	var gotHistory []string
	bot.Rewriter = rewriterFunc(func(history []string, q string) (string, error) {
		gotHistory = history
		return "How long are records of service requests kept?", nil
	})
	script(t, bot, "", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "and for service requests?", contains: []string{"3 years"}},
	})
	assert.Equal(t, []string{"how long do you keep complaint records?"}, gotHistory)

	// A failing model leaves the topic carried over.
	bot2, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot2.Rewriter = rewriterFunc(func([]string, string) (string, error) { return "", errors.New("model down") })
	script(t, bot2, "", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "and for service requests?", contains: []string{"3 years"}},
	})
}

// A follow-up about a topic the notices don't cover is not answered with the previous topic's
// facts.
func TestFollowUpOnAnUncoveredTopicAbstains(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := script(t, bot, "", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "and for council tax?", kind: conversation.KindAnswer, lacks: []string{"6 years", "10 years"}},
	})
	assert.True(t, rep.Abstained)
}

func TestRewriteAsksForTheSameKindOfFact(t *testing.T) {
	for _, tt := range []struct{ previous, followUp, question, context string }{
		{"How long do you keep complaint records?", "and for service requests?", "How long do you keep service requests", ""},
		{"Who is the DPO?", "what about Bucks?", "Who is the data protection officer for Bucks", ""},
		{"Do you share my data with the police?", "and schools?", "schools", "Do you share my data with the police"},
		// A question of its own about the same thing is asked in the context of the previous
		// question's topic.
		{"How long do you keep complaint records?", "who sees them?", "who sees them", "complaint records"},
		{"How long do you keep complaint records?", "and can I get them deleted?", "can I get them deleted", "complaint records"},
		{"Do you share my data with the police?", "why?", "why", "share data police"},
		// A follow-up putting the question in a case asks the same of the same thing.
		{"How long do you keep complaint records?", "and if it went to the ombudsman?", "How long do you keep complaint records if it went to the ombudsman", ""},
		// A follow-up naming something and asking its own question of it asks that question.
		{"does MK customer services share data with fraud prevention agencies?", "what about employment support, do they share with debt collectors?",
			"employment support, do they share with debt collectors", ""},
		// A follow-up opening with a preposition puts its phrase in place of the same one before.
		{"does Bucks share my info with the police?", "and with other countries?", "does Bucks share my info with other countries", ""},
		// A follow-up asking for a kind of fact, and naming nothing else, asks it of the previous topic.
		{"who is the DPO for Bucks?", "phone number?", "What is the phone number for dpo bucks", ""},
		{"how do I contact MK Together about how they use my info", "email address?", "What is the email address for contact mk together info", ""},
		// Asking for the same of something else asks the question before of it.
		{"How long do you keep complaint records?", "is that the same for service requests?", "How long do you keep service requests", ""},
		{"How long do you keep complaint records?", "would it be the same at MK Together?", "How long do you keep MK Together", ""},
		{"How long do you keep complaint records?", "does employment support do the same?", "How long do you keep employment support", ""},
	} {
		question, context := conversation.Rewrite(tt.previous, tt.followUp)
		assert.Equal(t, tt.question, question, "%q after %q", tt.followUp, tt.previous)
		assert.Equal(t, tt.context, context, "%q after %q", tt.followUp, tt.previous)
	}
}

// "is that the same for employment support?" after customer services' complaint records asks
// how long employment support keeps its records: asked as a question of its own, it quoted
// customer services' "staff who need to see it to do their jobs" ("jobs" is employment's word).
func TestAFollowUpNamingAnotherServiceIsAskedOfIt(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"is that the same for employment support?", "what about employment support?"} {
		rep := script(t, bot, "", []line{
			{says: "how long does Milton Keynes keep complaint records?", contains: []string{"6 years"}},
			{says: says, kind: conversation.KindAnswer, contains: []string{"Employment Support Services privacy notice", "3 years"}, lacks: []string{"6 years", "do their jobs"}},
		})
		assert.False(t, rep.Abstained, says)
	}
}

// "same with Bucks?" after a question about Milton Keynes asks it of Buckinghamshire alone, not
// of both councils.
func TestFollowUpNamingAnotherCouncilAsksItOfThatOne(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "does Milton Keynes Council share my information with the police?", contains: []string{"Milton Keynes"}},
		{says: "same with Bucks?", kind: conversation.KindAnswer, contains: []string{"Buckinghamshire", "police"}, lacks: []string{"Milton Keynes"}},
	})
}

// "who sees them?" after a question about how long complaint records are kept asks who sees
// complaint records, not how long anything is kept.
func TestFollowUpAskingSomethingElseAboutTheSameThing(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "who sees them?", kind: conversation.KindAnswer, contains: []string{"staff who need to see it"}, lacks: []string{"6 years"}},
	})
}

// A follow-up asking its own question about what the conversation was about is answered by the
// sentence that answers it, the conversation's topic only finding the passages: "would that stop
// my care?" is answered by what stops care, and "do they use google analytics?", which no notice
// says, is not answered by what the question before was about.
func TestFollowUpIsAnsweredAboutItsOwnQuestion(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "why would the NHS give my NHS number to adult social care in Milton Keynes?", contains: []string{"NHS"}},
		{says: "can I say no to that?", kind: conversation.KindAnswer},
		{says: "would that stop my care?", kind: conversation.KindAnswer, contains: []string{"will not stop you from receiving care"}},
	})
	script(t, bot, "", []line{
		{says: "how long does MK customer services keep complaint files?", contains: []string{"6 years"}},
		{says: "and if it went to the ombudsman?", contains: []string{"10 years"}},
		{says: "who can actually see them?", kind: conversation.KindAnswer, contains: []string{"staff who need to see it"}},
	})
	rep := script(t, bot, "", []line{
		{says: "does buckinghamshire council collect my IP address when I'm on their site?", contains: []string{"IP address"}},
		{says: "do they use google analytics?", kind: conversation.KindAnswer},
	})
	assert.True(t, rep.Abstained, rep.Answer.Answer)
}

// A short question of its own after another is answered as asked, not as a follow-up: "who is
// the dpo?" after a question about retention is not "how long do you keep who is the dpo".
func TestShortQuestionAfterAnotherStandsAlone(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := script(t, bot, "Buckinghamshire Council", []line{
		{says: "how long do you keep complaint records?"},
		{says: "who is the dpo?", kind: conversation.KindAnswer, contains: []string{"Maria Damigos"}},
	})
	assert.False(t, rep.Abstained, rep.Answer.Answer)
}

// A follow-up keeps the council its question named: Buckinghamshire's DPO, then "their phone
// number", is never Milton Keynes's number.
func TestFollowUpKeepsTheCouncilItsQuestionNamed(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "who is the dpo for bucks?", contains: []string{"Maria Damigos"}},
		{says: "and their phone number?", kind: conversation.KindAnswer, contains: []string{"Buckinghamshire"}, lacks: []string{"01908", "Milton Keynes"}},
		{says: "what about Milton Keynes?", contains: []string{"01908"}},
	})
}

// "her" is the person the question before was about: Buckinghamshire's DPO's address, not any
// council's.
func TestPronounFollowUpIsAboutWhatWasAsked(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "who is the DPO for Bucks?", contains: []string{"Maria Damigos"}},
		{says: "whats her address", kind: conversation.KindAnswer, contains: []string{"HP20 1UA"}, lacks: []string{"Milton Keynes"}},
	})
}

// A conversation about one council stays about it: a question of its own that names no council
// is asked of the council the conversation named last, until a question names another, or two.
func TestConversationKeepsItsCouncilInFocus(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "who is the DPO for Bucks?", contains: []string{"Maria Damigos"}},
		{says: "do staff get data protection training?", kind: conversation.KindAnswer,
			contains: []string{"annual individual mandatory training"}, lacks: []string{"Milton Keynes"}},
		{says: "how long does Milton Keynes keep complaint records?", contains: []string{"6 years"}},
		{says: "who is the data protection officer?", kind: conversation.KindAnswer, contains: []string{"01908 254900"}, lacks: []string{"Maria Damigos"}},
		{says: "who are the DPOs of Bucks and MK?", contains: []string{"Maria Damigos", "01908 254900"}},
		{says: "do staff get data protection training?", kind: conversation.KindAnswer, contains: []string{"Milton Keynes"}},
	})
}

// In a conversation scoped to a council (its widget), a question about another council is
// answered as such, and the next question is still about the scoped council, not the other.
func TestScopedConversationKeepsItsCouncil(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire Council", []line{
		{says: "who is the DPO for Milton Keynes?", kind: conversation.KindAnswer, contains: []string{"01908"}, lacks: []string{"Maria Damigos"}},
		{says: "who is the data protection officer?", kind: conversation.KindAnswer, contains: []string{"Maria Damigos"}},
	})
}

// When the council a conversation is about has no answer but another council's notices have
// one, the bot says so, without quoting the other council's facts as this one's.
func TestFocusedAbstentionSaysAnotherCouncilAnswers(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	rep := script(t, bot, "", []line{
		{says: "who is the DPO for Bucks?", contains: []string{"Maria Damigos"}},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer,
			contains: []string{"Buckinghamshire Council's privacy notices don't answer that", "Milton Keynes City Council's privacy notices do say something about it"},
			lacks:    []string{"6 years"}},
		{says: "how long do you keep CCTV footage?", kind: conversation.KindAnswer, lacks: []string{"do say something"}},
	})
	assert.True(t, rep.Abstained)
}

// A session remembers the council it was scoped to for turns that don't say.
func TestSessionKeepsItsOrganisation(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	first, err := bot.Reply(context.Background(), conversation.Turn{Org: "Buckinghamshire Council", Text: "how long do you keep complaint records?"})
	require.NoError(t, err)
	rep, err := bot.Reply(context.Background(), conversation.Turn{Session: first.Session, Text: "who is the data protection officer?"})
	require.NoError(t, err)
	assert.Contains(t, rep.Answer.Answer, "Maria Damigos")
	assert.NotContains(t, rep.Answer.Answer, "01908", "no Milton Keynes contact in a Buckinghamshire conversation")
}

// Transcripts keep what the bot did with each message, in words the DPO's team filters on.
func TestReplyOutcome(t *testing.T) {
	tests := []struct {
		reply conversation.Reply
		want  string
	}{
		{conversation.Reply{Kind: conversation.KindAnswer}, "answered"},
		{conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Hedged: true}}, "unsure"},
		{conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Abstained: true}}, "abstained"},
		{conversation.Reply{Kind: conversation.KindIntake}, "intake"},
		{conversation.Reply{Kind: conversation.KindSafeguarding, Answer: answer.Answer{Abstained: true}}, "safeguarding"},
		{conversation.Reply{Kind: conversation.KindHelp}, "help"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.reply.Outcome())
	}
}

// A greeting, thanks or "what can you do?" is small talk: the bot says what it does, instead of
// searching the notices for "hello" and abstaining with every council's contact. A message with
// a question in it is a question, whatever it opens or ends with.
func TestSmallTalkIsNotSearched(t *testing.T) {
	tests := []struct {
		says string
		kind string
	}{
		{"hi", conversation.KindHelp},
		{"Hello there!", conversation.KindHelp},
		{"Good morning", conversation.KindHelp},
		{"thanks", conversation.KindHelp},
		{"Thank you so much!", conversation.KindHelp},
		{"ok great, thanks for your help", conversation.KindHelp},
		{"cheers", conversation.KindHelp},
		{"That’s helpful, thank you", conversation.KindHelp},
		{"bye", conversation.KindHelp},
		{"ok", conversation.KindHelp}, // not "how long do you keep ok" after a question about retention
		{"Right.", conversation.KindHelp},
		{"i see", conversation.KindHelp},
		{"yes", conversation.KindHelp},
		{"no thanks", conversation.KindHelp},
		{"ok thanks, bye for now", conversation.KindHelp},
		{"help", conversation.KindHelp},
		{"What can you do?", conversation.KindHelp},
		{"Hi there, can you help me?", conversation.KindHelp},
		{"Am I talking to a real person?", conversation.KindHelp},
		{"hi, how long do you keep complaint records?", conversation.KindAnswer},
		{"thanks - and who is the data protection officer?", conversation.KindAnswer},
		{"help me understand what cookies you use", conversation.KindAnswer},
		{"good morning, I want a copy of my data", conversation.KindIntake},
		{"hello, my neighbour's child is being hurt", conversation.KindSafeguarding},
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, tt := range tests {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Channel: "web", Text: tt.says})
		require.NoError(t, err, tt.says)
		assert.Equal(t, tt.kind, rep.Kind, "%q → %s", tt.says, rep.Answer.Answer)
		if tt.kind == conversation.KindHelp {
			assert.False(t, rep.Abstained, tt.says)
			assert.Empty(t, rep.Citations, "small talk claims nothing, so it cites nothing: %q", tt.says)
			assert.NotContains(t, rep.Answer.Answer, "don't answer", tt.says)
		}
	}
}

// The reply to a greeting says whose notices the bot answers from (only the council the widget
// is scoped to) and how to make a request; thanks keeps the topic for a follow-up.
func TestGreetingSaysWhatTheBotDoes(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "hello", kind: conversation.KindHelp,
			contains: []string{"Hello", "automated assistant", "Buckinghamshire Council", "Milton Keynes", "I want a copy of my data", "DPO-2026-"}},
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
		{says: "thanks!", kind: conversation.KindHelp, contains: []string{"welcome"}},
		{says: "and for service requests?", kind: conversation.KindAnswer, contains: []string{"3 years"}},
	})
	script(t, bot, "Bucks", []line{
		{says: "hi", kind: conversation.KindHelp, contains: []string{"Buckinghamshire Council's privacy notices"}, lacks: []string{"Milton Keynes"}},
	})
	bot.Queue = nil
	script(t, bot, "", []line{
		{says: "what can you do?", kind: conversation.KindHelp, contains: []string{"privacy notices"}, lacks: []string{"request"}},
	})
}

// Whatever people type, telling a follow-up and rewriting it never panics, and a rewrite after a
// question asks something.
func FuzzRewrite(f *testing.F) {
	for _, seed := range [][2]string{
		{"How long do you keep complaint records?", "and for service requests?"},
		{"does Bucks share my info with the police?", "and with other countries?"},
		{"İSTANBUL İN THE POLİCE WİTH İT", "with İt"},
		{"who is the DPO for Bucks?", "phone number?"},
		{"", "?"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, previous, followUp string) {
		conversation.IsFollowUp(followUp)
		q, about := conversation.Rewrite(previous, followUp)
		if strings.TrimSpace(previous) != "" && strings.TrimSpace(q+about) == "" {
			t.Errorf("%q after %q rewritten to nothing", followUp, previous)
		}
	})
}

// Asked how a request is going without its reference, the bot asks for the reference and the
// contact given with it, instead of searching the notices for "my request"; a question about
// making a request is still a question.
func TestAskingAfterARequestWithoutItsReference(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, tt := range []struct {
		says string
		kind string
	}{
		{"what's happening with my request?", conversation.KindStatus},
		{"I made a request last week, has anyone looked at it?", conversation.KindStatus},
		{"any news on my subject access request?", conversation.KindStatus},
		{"how do I make a request?", conversation.KindAnswer},
		{"what's the status of my data if I move away?", conversation.KindAnswer},
	} {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Channel: "web", Text: tt.says})
		require.NoError(t, err, tt.says)
		assert.Equal(t, tt.kind, rep.Kind, "%q → %s", tt.says, rep.Answer.Answer)
	}
}

// A request typed in text-speak is taken as its plain words are (a QA pass: refused as a question
// the notices don't answer, or answered with no offer): a wish starts the request, and a question
// of whether one may is answered and the request offered.
func TestARequestInTextSpeakIsTaken(t *testing.T) {
	for says, right := range map[string]string{
		"can u stp usin my info":           "Right to object",
		"wrong adress on my file":          "Right to rectification",
		"u got my adress wrong":            "Right to rectification",
		"i dont want u emailin me no more": "Right to object",
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindIntake, contains: []string{"It sounds like you want to make a request: " + right}}})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "cn i get a copy of my recrods", kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access"}},
		{says: "yh", kind: conversation.KindIntake, contains: []string{"full name"}},
	})
	// What is held, asked: answered, and the copy offered (AsksWhatIsHeld).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "wot info do u hav on me", kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access"}},
		{says: "yh", kind: conversation.KindIntake, contains: []string{"full name"}},
	})
}

// How the council came by the resident's data, asked after what prompted the question, is
// answered from the notices (or abstained on), not filed as a complaint (a QA pass: "the council
// sent a letter to my old address, how did they get my new one" started one).
func TestHowTheCouncilGotMyDataIsAnswered(t *testing.T) {
	for _, says := range []string{
		"the council sent a letter to my old address, how did they get my new one",
		"you wrote to me at my new flat, where did you get my address from",
		"the council emailed my work address, why do they even have it",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{{says: says, kind: conversation.KindAnswer, lacks: []string{"I'll pass your complaint", "Which council is this request for"}}})
			assert.Empty(t, q.cases())
		})
	}
}
