package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// A request form whose contact is a reply with a comma ("no, thanks") is refused with 422 naming
// the contact and what it must be, and nothing reaches the queue (a QA pass: filed as a postal
// address, which the team could not write to). Real addresses go through as postal ones.
func TestRequestFormRefusesAContactThatIsNoAddress(t *testing.T) {
	h := newHarness(t)
	form := func(contact string) string {
		b, err := json.Marshal(map[string]string{"type": "access", "org": "Bucks", "name": "Ben Carter", "contact": contact, "description": "my parking permit records"})
		require.NoError(t, err)
		return string(b)
	}
	for _, contact := range []string{"no, thanks", "yes, please", "ok, fine", "sorry, what do you mean", "no, it is for me"} {
		rec := h.do(t, "POST", "/api/request", form(contact))
		require.Equal(t, http.StatusUnprocessableEntity, rec.Code, "%s: %s", contact, rec.Body.String())
		var e web.ErrorResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
		assert.Equal(t, "contact", e.Field, contact)
		assert.Equal(t, "That doesn't look like an e-mail address, a phone number or a postal address.", e.Error, contact)
	}
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Empty(t, cases, "nothing is filed with a contact the team can't use")

	for _, address := range []string{"12 High Street, Bletchley, MK2 2AB", "flat 2, 10 high st, olney", "The Old Rectory, Church Lane, Hanslope", "Holly Cottage, The Lee"} {
		rec := h.do(t, "POST", "/api/request", form(address))
		require.Equal(t, http.StatusOK, rec.Code, "%s: %s", address, rec.Body.String())
		var r conversation.Reply
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
		c, err := h.queue.Get(context.Background(), r.Reference)
		require.NoError(t, err)
		assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: address}, c.Requester.Contact)
	}
}

// The chat's contact step asks again after "yes, please", as the QA pass's conversation went, and
// the case holds the contact given next.
func TestChatAsksAgainForAContactThatIsNoAddress(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "I want a copy of my data from Buckinghamshire council")
	r = h.chat(t, r.Session, "Ben Carter")
	require.Equal(t, conversation.StepContact, r.Intake.Step, r.Answer.Answer)
	r = h.chat(t, r.Session, "yes, please")
	assert.Equal(t, conversation.KindIntake, r.Kind)
	assert.Equal(t, conversation.StepContact, r.Intake.Step, r.Answer.Answer)
	assert.Contains(t, r.Answer.Answer, "an e-mail address, a phone number, or a postal address")
	assert.Empty(t, r.Intake.Fields["contact"])
	for _, says := range []string{"ben.carter@example.com", "skip", "my parking permit records"} {
		r = h.chat(t, r.Session, says)
	}
	require.Equal(t, conversation.StepConfirm, r.Intake.Step, r.Answer.Answer)
	r = h.chat(t, r.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "ben.carter@example.com"}, c.Requester.Contact)
}

// A council named at the end of the first message is the request's: not asked "Which council?",
// and the case is filed with it (a QA pass).
func TestChatTakesACouncilNamedAtTheEnd(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "I want a copy of what you passed to the police about me, Milton Keynes council")
	require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
	assert.Equal(t, conversation.StepName, r.Intake.Step, r.Answer.Answer)
	assert.NotContains(t, r.Answer.Answer, "Which council")
	for _, says := range []string{"Ben Carter", "ben.carter@example.com", "skip", "as above"} {
		r = h.chat(t, r.Session, says)
	}
	r = h.chat(t, r.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, mk, c.Organisation)
}

// The README's "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of
// my data" is taken for Milton Keynes, Bletchley being in its area: its name and address are not
// asked again, nor is the council (a QA pass asked "Which council?").
func TestChatTakesTheCouncilOfTheAddressGiven(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data")
	require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
	assert.Equal(t, conversation.StepService, r.Intake.Step, r.Answer.Answer)
	assert.Equal(t, mk, r.Intake.Fields["organisation"])
	assert.Contains(t, r.Answer.Answer, "Your address is in "+mk+"'s area")
	assert.NotContains(t, r.Answer.Answer, "Which council is this request for")
	for _, says := range []string{"skip", "as above"} {
		r = h.chat(t, r.Session, says)
	}
	r = h.chat(t, r.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, mk, c.Organisation)
	assert.Equal(t, "David Pritchard", c.Requester.Name)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: "14 Oakridge Road, Bletchley, MK3 6AB"}, c.Requester.Contact)
}

// At "Which council?", a name, an e-mail address and "yes" each get what the step needs with the
// councils as its options, and the name and the e-mail address are kept: the case holds them
// without asking again (a QA pass: "Sorry, I didn't recognise that council", again and again).
func TestChatCouncilStepKeepsAnswersGivenEarly(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "I want a copy of my data")
	require.Equal(t, conversation.StepOrg, r.Intake.Step, r.Answer.Answer)
	// A bare "Ben Carter" would be read as a place there: the name is said as one.
	for _, says := range []string{"my name is Ben Carter", "ben@example.com", "yes"} {
		r = h.chat(t, r.Session, says)
		require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
		assert.Equal(t, conversation.StepOrg, r.Intake.Step, says)
		assert.Equal(t, []string{bucks, mk}, r.Intake.Options, says)
		assert.NotContains(t, r.Answer.Answer, "didn't recognise", says)
		assert.Contains(t, r.Answer.Answer, "Which council is this request for? ("+bucks+" or "+mk+")", says)
	}
	assert.Contains(t, r.Answer.Answer, "I need to know which council holds the records")
	assert.Equal(t, "Ben Carter", r.Intake.Fields["name"])
	assert.Equal(t, "ben@example.com", r.Intake.Fields["contact"])
	r = h.chat(t, r.Session, "Buckinghamshire")
	require.Equal(t, conversation.StepService, r.Intake.Step, r.Answer.Answer)
	for _, says := range []string{"skip", "my parking permit records"} {
		r = h.chat(t, r.Session, says)
	}
	r = h.chat(t, r.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, bucks, c.Organisation)
	assert.Equal(t, "Ben Carter", c.Requester.Name)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "ben@example.com"}, c.Requester.Contact)
}

// A request form whose contact is a number no one can be reached on (a case reference, its
// digits, a date, an account number) is refused with 422 naming the contact and saying what it
// looks like, and nothing reaches the queue (a QA pass: "2026-000004" made a case).
func TestRequestFormRefusesANumberNoOneCanBeReachedOn(t *testing.T) {
	h := newHarness(t)
	form := func(contact string) string {
		b, err := json.Marshal(map[string]string{"type": "access", "org": "Bucks", "name": "Ben Carter", "contact": contact, "description": "my social care records"})
		require.NoError(t, err)
		return string(b)
	}
	for contact, says := range map[string]string{
		"2026-000004":       "That looks like a case reference, not a way to reach you",
		"DPO-2026-000004":   "That looks like a case reference, not a way to reach you",
		"07/12/2026":        "That looks like a date, not a way to reach you",
		"1234567890":        "That isn't a phone number the team could ring",
		"12-34-56 12345678": "That isn't a phone number the team could ring",
	} {
		rec := h.do(t, "POST", "/api/request", form(contact))
		require.Equal(t, http.StatusUnprocessableEntity, rec.Code, "%s: %s", contact, rec.Body.String())
		var e web.ErrorResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
		assert.Equal(t, "contact", e.Field, contact)
		assert.Contains(t, e.Error, says, contact)
	}
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Empty(t, cases, "nothing is filed with a contact the team can't use")

	rec := h.do(t, "POST", "/api/request", form("+353 87 123 4567"))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
}

// A request form whose name, or whose on-behalf-of name, is a spreadsheet formula, markup or a
// template is refused with 422 naming the field, as the chat refuses it (a QA pass: a formula
// was taken as the requester's name); real names in any script go through.
func TestRequestFormRefusesAFormulaForAName(t *testing.T) {
	h := newHarness(t)
	form := func(name, onBehalfOf string) string {
		b, err := json.Marshal(map[string]string{"type": "access", "org": "Bucks", "name": name, "on_behalf_of": onBehalfOf, "contact": "jo@example.com", "description": "my records"})
		require.NoError(t, err)
		return string(b)
	}
	for _, tc := range []struct{ body, field string }{
		{form(`=HYPERLINK("http://evil","x") Smith`, ""), "name"},
		{form(`<script>alert(1)</script> Smith`, ""), "name"},
		{form(`{{name}}`, ""), "name"},
		{form(`@SUM(A1) Jo`, ""), "name"},
		{form("Jo Smith", `=HYPERLINK("http://evil","x")`), "on_behalf_of"},
	} {
		rec := h.do(t, "POST", "/api/request", tc.body)
		require.Equal(t, http.StatusUnprocessableEntity, rec.Code, "%s: %s", tc.body, rec.Body.String())
		var e web.ErrorResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
		assert.Equal(t, tc.field, e.Field, tc.body)
		assert.Contains(t, e.Error, "doesn't look like a person's name", tc.body)
	}
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Empty(t, cases, "nothing is filed with a formula for a name")

	for _, name := range []string{"Siobhan O'Brien", "Anne-Marie Smith", "Zoë Ward", "Nguyễn Văn An", "Dr Jane Smith", "Mr. A. Khan", "محمد علي", "王伟", "Jane Smith (née Jones)"} {
		rec := h.do(t, "POST", "/api/request", form(name, ""))
		assert.Equal(t, http.StatusOK, rec.Code, "%s: %s", name, rec.Body.String())
	}
}

// The same form sent twice on one day without a key is one case however its type is written
// ("access", "Access", " ACCESS ") and its council named ("Bucks", "Buckinghamshire Council"):
// the same-day rule reads them as the queue does (a QA pass: "access" then "Access" made two
// cases).
func TestRequestFormSentTwiceWithTheTypeCapitalisedIsOneCase(t *testing.T) {
	h := newHarness(t)
	var refs []string
	for _, f := range []struct{ typ, org string }{{"access", "Bucks"}, {"Access", "Bucks"}, {" ACCESS ", "Buckinghamshire Council"}} {
		body, err := json.Marshal(map[string]string{"type": f.typ, "org": f.org, "name": "Ann Lee", "contact": "ann@example.com", "description": "My housing file"})
		require.NoError(t, err)
		rec := h.do(t, "POST", "/api/request", string(body))
		require.Equal(t, http.StatusOK, rec.Code, "%v: %s", f, rec.Body.String())
		var r conversation.Reply
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
		refs = append(refs, r.Reference)
	}
	assert.Equal(t, []string{refs[0], refs[0], refs[0]}, refs, "one request, one case")
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Len(t, cases, 1)
}

// A form sent again finds its case as it now stands, and the reply says so: awaiting proof of the
// resident's own identity, awaiting their answer to the team's question, or a Part 3 request
// whose time limit is not set. Only a request for someone else is told it is one (a QA pass: a
// resident's own request, awaiting proof, was told "Because you are asking for someone else").
func TestRequestFormSentAgainSaysWhereItsCaseStands(t *testing.T) {
	for _, tc := range []struct {
		name       string
		onBehalfOf string
		moves      func(t *testing.T, h *harness, ref string)
		says       []string
		lacks      []string
	}{
		{"own, awaiting proof of identity", "", func(t *testing.T, h *harness, ref string) { h.moveTo(t, ref, dpo.AwaitingVerification) },
			[]string{"asked you for proof of your identity", "one-month time limit starts when it arrives"}, []string{"someone else", "must respond by"}},
		{"own, awaiting clarification", "", func(t *testing.T, h *harness, ref string) { h.moveTo(t, ref, dpo.AwaitingClarification) },
			[]string{"asked you to clarify the request", "paused until your answer arrives"}, []string{"someone else", "must respond by"}},
		{"own, Part 3 awaiting proof of identity", "", func(t *testing.T, h *harness, ref string) {
			h.moveTo(t, ref, dpo.AwaitingVerification)
			_, err := h.queue.MarkLawEnforcement(context.Background(), ref, dpo.LawEnforcementConfirmed, "records held for a prosecution", "dpo")
			require.NoError(t, err)
		}, []string{"confirm the time limit", "asked you for proof of your identity first"}, []string{"someone else", "must respond by"}},
		{"for someone else, awaiting proof", "Pat Lee", func(*testing.T, *harness, string) {},
			[]string{"Because you are asking for someone else"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			body, err := json.Marshal(map[string]string{"type": "access", "org": "Bucks", "name": "Ann Lee", "on_behalf_of": tc.onBehalfOf,
				"contact": "ann@example.com", "description": "My housing file"})
			require.NoError(t, err)
			send := func() conversation.Reply {
				rec := h.do(t, "POST", "/api/request", string(body))
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
				var r conversation.Reply
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
				return r
			}
			first := send()
			tc.moves(t, h, first.Reference)
			again := send()
			assert.Equal(t, first.Reference, again.Reference, "the same case")
			for _, want := range tc.says {
				assert.Contains(t, again.Answer.Answer, want)
			}
			for _, not := range tc.lacks {
				assert.NotContains(t, again.Answer.Answer, not)
			}
		})
	}
}

// moveTo is the data protection team moving a case on.
func (h *harness) moveTo(t *testing.T, ref string, to dpo.Status) {
	t.Helper()
	_, err := h.queue.UpdateStatus(context.Background(), ref, dpo.Change{To: to, Actor: "dpo", Note: "asked by e-mail"})
	require.NoError(t, err)
}

// A request confirmed in the chat is sent once. A second "yes" right after it is told the
// request was sent, with its reference; a "yes" after the chat ended is not told that nothing was
// sent; and the same request made again that day, in a new chat, is given the case made first
// (a QA pass: "Go ahead: ask me about the privacy notices…", then "nothing was sent", then a
// second identical case).
func TestChatRequestConfirmedAgainIsSentOnce(t *testing.T) {
	h := newHarness(t)
	chat := func(session, message string) conversation.Reply {
		t.Helper()
		body, err := json.Marshal(web.ChatRequest{Session: session, Message: message, Org: bucks})
		require.NoError(t, err)
		rec := h.do(t, "POST", "/api/chat", string(body))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		var r conversation.Reply
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
		return r
	}
	request := func() conversation.Reply {
		t.Helper()
		r := chat("", "please delete my data")
		for _, says := range []string{"Tom Hart", "tom.hart@example.com", "skip", "my old parking permit account", "yes"} {
			r = chat(r.Session, says)
		}
		require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
		return r
	}
	sent := request()
	for _, says := range []string{"yes", "confirm"} {
		again := chat(sent.Session, says)
		assert.Contains(t, again.Answer.Answer, "already sent", says)
		assert.Contains(t, again.Answer.Answer, sent.Reference, says)
		assert.NotContains(t, again.Answer.Answer, "Go ahead", says)
	}

	h.clock.Add(2 * time.Hour) // the chat ended: idle past its hour
	lost := chat(sent.Session, "yes")
	assert.NotContains(t, lost.Answer.Answer, "nothing was sent", "the request was sent")
	assert.Contains(t, lost.Answer.Answer, "didn't get a reference, please start it again")

	made := request()
	assert.Equal(t, sent.Reference, made.Reference, "the same request the same day is the case made first")
	assert.Contains(t, made.Answer.Answer, "You already sent this request today")
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Len(t, cases, 1)

	h.clock.Add(24 * time.Hour) // another day: another request
	assert.NotEqual(t, sent.Reference, request().Reference)
}

// A name that starts with "-" or "+" (which a spreadsheet reads as a formula) is refused with
// that rule, not told that no name has a hyphen: "Anne-Marie" has one (a QA pass: "-Mum" was
// told `a name has no "-" in it`).
func TestRequestFormSaysANameCantStartWithAHyphen(t *testing.T) {
	h := newHarness(t)
	for field, body := range map[string]map[string]string{
		"on_behalf_of": {"type": "access", "org": "Bucks", "name": "Ann Lee", "on_behalf_of": "-Mum", "contact": "ann@example.com", "description": "Mum's care records"},
		"name":         {"type": "access", "org": "Bucks", "name": "+Ann Lee", "contact": "ann@example.com", "description": "My care records"},
	} {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rec := h.do(t, "POST", "/api/request", string(b))
		require.Equal(t, http.StatusUnprocessableEntity, rec.Code, "%s: %s", field, rec.Body.String())
		var e web.ErrorResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
		assert.Equal(t, field, e.Field)
		assert.Contains(t, e.Error, "a name can't start with", field)
		assert.NotContains(t, e.Error, "a name has no", field)
	}
	b, err := json.Marshal(map[string]string{"type": "access", "org": "Bucks", "name": "Ann Lee", "on_behalf_of": "Anne-Marie Lee", "contact": "ann@example.com", "description": "Her care records"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, h.do(t, "POST", "/api/request", string(b)).Code)
}
