package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
	"github.com/privacybot/privacybot/internal/rights"
)

// caseForm posts a form of the case page ref's (its last path part, "status"), with the page's
// CSRF token, as the signed-in user.
func (h *harness) caseForm(t *testing.T, ref, form, body string) *httptest.ResponseRecorder {
	t.Helper()
	page := "/dpo/cases/" + ref
	return h.do(t, "POST", page+"/"+form, body+"&csrf="+h.csrf(t, page), "Content-Type", "application/x-www-form-urlencoded")
}

// requestForFather sends, through the JSON API, Jo Bloggs's access request for her father's care
// records, made for someone else and so waiting for proof of authority, and returns its reference.
func (h *harness) requestForFather(t *testing.T) string {
	t.Helper()
	body := `{"type":"access","org":"` + mk + `","name":"Jo Bloggs","contact":"jo@example.org","on_behalf_of":"Pat Bloggs (my father)","description":"A copy of my father's care records"}`
	rec := h.do(t, "POST", "/api/request", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var sent struct{ Reference string }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &sent))
	return sent.Reference
}

// A refusal's grounds or a withdrawal's how and when typed as a placeholder ("x", "n/a",
// "withdrawn") is refused as "." is, saying what is needed, and what was typed is put back in
// the form (a QA pass).
func TestCasePageRefusesAPlaceholderForGroundsOrAWithdrawal(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	for _, tc := range []struct{ status, note, says string }{
		{"refused", "x", "grounds the requester will be told, in words of their own"},
		{"refused", "n/a", "grounds"},
		{"refused", "refused", "grounds"},
		{"withdrawn", "n/a", "how and when the requester withdrew, in words of their own"},
		{"withdrawn", "withdrawn", "how and when the requester withdrew"},
	} {
		rec := h.caseForm(t, ref, "status", "status="+tc.status+"&note="+url.QueryEscape(tc.note))
		assert.Equal(t, http.StatusUnprocessableEntity, rec.Code, tc.note)
		assert.Contains(t, rec.Body.String(), tc.says, tc.note)
		assert.Contains(t, rec.Body.String(), `name="note" rows="2">`+tc.note+`</textarea>`, "%q is put back in the form", tc.note)
	}
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Received, c.Status, "nothing changed")
	require.Equal(t, http.StatusSeeOther, h.caseForm(t, ref, "status", "status=refused&note="+url.QueryEscape("manifestly excessive: a fourth copy in a month")).Code)
}

// A hidden direction control (U+202E and its kin) in a request sent to /api/request, or in a
// note typed on a case page, would make it show in another order than it was written: the queue
// keeps the words as typed, and the page shows them so.
func TestHiddenDirectionControlsAreTakenOutOfRequestsAndNotes(t *testing.T) {
	h := newHarness(t)
	r := h.request(t, mk, "please send \u202egnp.exe records\u202c from \u2067housing\u2069")
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	require.Equal(t, http.StatusSeeOther, h.caseForm(t, r.Reference, "note", "note="+url.QueryEscape("called \u202eback\u202c on Tuesday")).Code)
	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, "please send gnp.exe records from housing", c.Description)
	events, err := h.queue.Events(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, "called back on Tuesday", events[len(events)-1].Note)
	page := h.do(t, "GET", "/dpo/cases/"+r.Reference, "").Body.String()
	assert.Contains(t, page, "please send gnp.exe records from housing")
	assert.NotContains(t, page, "\u202e")
	assert.NotContains(t, page, "\u2067")
}

// A request made for someone else waits for proof of authority from receipt. Its page says which
// day the month runs from each way it can move on; "Proof not needed" runs it from receipt (a
// QA pass: moving it to in progress ran it from the click, weeks later), on the audit trail,
// with the CSRF token and refused from a stale page as every change is.
func TestCasePageProofNotNeededRunsTheMonthFromReceipt(t *testing.T) {
	h := newHarness(t) // 10:00 on Monday 2 March 2026
	ref := h.requestForFather(t)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	require.Equal(t, dpo.AwaitingVerification, c.Status)

	h.clock.Add(18 * 24 * time.Hour) // Friday 20 March
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, loaded, "In progress: the proof arrived (the month runs from that day)")
	assert.Contains(t, loaded, "arrived today, the case is due Mon 20 Apr 2026")
	assert.Contains(t, loaded, "its month running from receipt, Mon 2 Mar 2026, not from today: due Thu 2 Apr 2026.")
	assert.Contains(t, loaded, "Proof not needed: the month runs from receipt</button>")

	token := h.csrf(t, page)
	noToken := h.do(t, "POST", page+"/proof", "note=on+file", "Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusForbidden, noToken.Code)

	m := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(loaded)
	require.NotNil(t, m)
	seen := url.QueryEscape(html.UnescapeString(m[1]))
	_, err = h.queue.AddNote(context.Background(), ref, "phoned the requester", "bob") // a colleague's change meanwhile
	require.NoError(t, err)
	stale := h.do(t, "POST", page+"/proof", "note=LPA+on+file&seen="+seen+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, stale.Code)
	assert.Contains(t, stale.Body.String(), "after you looked at it")
	assert.Contains(t, stale.Body.String(), `aria-describedby="proof-help">LPA on file</textarea>`, "what was typed is put back")
	c, err = h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.AwaitingVerification, c.Status, "nothing changed")

	fresh := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(h.do(t, "GET", page, "").Body.String())
	require.NotNil(t, fresh)
	done := h.do(t, "POST", page+"/proof", "note=LPA+on+file&seen="+url.QueryEscape(html.UnescapeString(fresh[1]))+"&csrf="+token,
		"Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, done.Code, done.Body.String())
	c, err = h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.InProgress, c.Status)
	assert.Equal(t, "2026-04-02", c.Due.Format(time.DateOnly), "a month from receipt, not from 20 March")
	after := h.do(t, "GET", page+"?done=proof", "").Body.String()
	assert.Contains(t, after, "Moved on without proof: the audit trail says which day its month runs from.")
	assert.Contains(t, after, "Proof not needed")
	assert.Contains(t, after, "no proof of identity or authority needed: the month runs from receipt, 2 March 2026: LPA on file")
	assert.NotContains(t, after, `action="/dpo/cases/`+ref+`/proof"`, "only a case waiting for proof offers it")
}

// Proof asked for again after a first round arrived: the page says "Proof not needed" runs the
// month from the day the first round arrived, and it does.
func TestCasePageProofNotNeededAfterAnEarlierRound(t *testing.T) {
	h := newHarness(t) // 10:00 on Monday 2 March 2026
	ref := h.requestForFather(t)
	h.clock.Add(18 * 24 * time.Hour) // Friday 20 March
	ctx := context.Background()
	_, err := h.queue.UpdateStatus(ctx, ref, dpo.Change{To: dpo.InProgress, Actor: "bob", At: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	_, err = h.queue.UpdateStatus(ctx, ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "bob", Note: "the authority had expired"})
	require.NoError(t, err)

	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, loaded, "its month running from the day the earlier proof arrived, Tue 10 Mar 2026, not from today: due Fri 10 Apr 2026.")
	assert.Contains(t, loaded, "Proof not needed: the month runs from the earlier proof</button>")
	assert.NotContains(t, loaded, "running from receipt")

	token := h.csrf(t, page)
	seen := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(loaded)
	require.NotNil(t, seen)
	done := h.do(t, "POST", page+"/proof", "note=the+old+one+was+enough&seen="+url.QueryEscape(html.UnescapeString(seen[1]))+"&csrf="+token,
		"Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, done.Code, done.Body.String())
	c, err := h.queue.Get(ctx, ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.InProgress, c.Status)
	assert.Equal(t, "2026-04-10", c.Due.Format(time.DateOnly), "a month from the earlier proof, not from receipt nor today")
}

// A case filed as the wrong type is corrected from its page, with a reason, on the audit trail,
// with the CSRF token and refused from a stale page as every change is; a complaint corrected to
// a request whose words suggest Part 3 is flagged, and the page then offers the DPO's decision
// (a QA pass: the fly-tipping investigation's file, filed as a complaint, could be neither).
func TestCasePageRetypesACaseFiledAsTheWrongType(t *testing.T) {
	h := newHarness(t)
	h.queue.LawEnforcementCue = rights.LawEnforcement // as privacybot serve wires it
	body := `{"type":"complaint","org":"` + bucks + `","name":"Jo Bloggs","contact":"jo@example.org",` +
		`"description":"I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me"}`
	rec := h.do(t, "POST", "/api/request", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var sent struct{ Reference string }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &sent))
	ref := sent.Reference
	h.addUser(t, "dpo", "correct horse battery", bucks)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, loaded, "Change the request type from complaint to")
	assert.Contains(t, loaded, `<option value="access">access</option>`)
	assert.NotContains(t, loaded, `<option value="complaint">`, "not the type it has")
	assert.NotContains(t, loaded, `action="/dpo/cases/`+ref+`/part3"`, "a complaint is never Part 3")

	token := h.csrf(t, page)
	form := func(body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/retype", body, "Content-Type", "application/x-www-form-urlencoded")
	}
	assert.Equal(t, http.StatusForbidden, form("type=access&reason=asks+for+the+file").Code, "no CSRF token")
	none := form("type=&reason=asks+for+the+file&csrf=" + token)
	assert.Equal(t, http.StatusUnprocessableEntity, none.Code)
	assert.Contains(t, none.Body.String(), "choose the type of request it is")
	assert.Contains(t, none.Body.String(), `name="reason" rows="2" required>asks for the file</textarea>`, "what was typed is put back")
	placeholder := form("type=access&reason=n%2Fa&csrf=" + token)
	assert.Equal(t, http.StatusUnprocessableEntity, placeholder.Code)
	assert.Contains(t, placeholder.Body.String(), "say why it is an access request")

	m := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(loaded)
	require.NotNil(t, m)
	h.clock.Add(time.Hour)
	_, err := h.queue.AddNote(context.Background(), ref, "phoned the requester", "bob") // a colleague's change meanwhile
	require.NoError(t, err)
	stale := form("type=access&reason=asks+for+the+investigation+file&seen=" + url.QueryEscape(html.UnescapeString(m[1])) + "&csrf=" + token)
	assert.Equal(t, http.StatusConflict, stale.Code)
	assert.Contains(t, stale.Body.String(), "after you looked at it")
	assert.Contains(t, stale.Body.String(), `name="reason" rows="2" required>asks for the investigation file</textarea>`)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Complaint, c.Type, "nothing changed")

	fresh := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(h.do(t, "GET", page, "").Body.String())
	require.NotNil(t, fresh)
	done := form("type=access&reason=asks+for+the+investigation+file&seen=" + url.QueryEscape(html.UnescapeString(fresh[1])) + "&csrf=" + token)
	require.Equal(t, http.StatusSeeOther, done.Code, done.Body.String())
	c, err = h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Access, c.Type)
	assert.Equal(t, dpo.LawEnforcementSuspected, c.LawEnforcement)
	after := h.do(t, "GET", page+"?done=retyped", "").Body.String()
	assert.Contains(t, after, "Request type changed.")
	assert.Contains(t, after, "request type changed from complaint to access: asks for the investigation file (its words suggest a law-enforcement (Part 3) request: flagged for the DPO to decide)")
	assert.Contains(t, after, `action="/dpo/cases/`+ref+`/part3"`, "the DPO's decision is offered now")
	assert.Contains(t, after, "Change the request type from access to")
}

// A case whose chat read a risk to someone's safety is marked in the queue and on its page, the
// queue filters by it (its address, the redirect of the form and the CSV link keep the filter),
// and the download says so (a QA pass found the warning only inside the case's text).
func TestQueueShowsAndFiltersTheSafeguardingFlag(t *testing.T) {
	h := newHarness(t)
	calm := h.submit(t, mk)
	sub := dpotest.Sample(h.clock.Now(), "warned")
	sub.Organisation, sub.Safeguarding = mk, true
	sub.Description = "Note from the chat: " + dpo.SafeguardingNote + "\nmy housing file"
	warned, err := h.queue.Submit(context.Background(), sub)
	require.NoError(t, err)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")

	all := h.do(t, "GET", "/dpo", "").Body.String()
	assert.Equal(t, 1, strings.Count(all, `class="tag tag-safeguarding"`), "one case is marked")
	assert.Contains(t, all, `<a href="/dpo/cases/`+warned.Ref+`">`+warned.Ref+`</a> <strong class="tag tag-safeguarding">Safeguarding</strong>`)
	assert.Contains(t, all, `<label for="f-safeguarding">Safeguarding</label>`)

	filtered := h.do(t, "GET", "/dpo?safeguarding=yes", "")
	require.Equal(t, http.StatusOK, filtered.Code)
	body := filtered.Body.String()
	assert.Contains(t, body, warned.Ref)
	assert.NotContains(t, body, calm)
	assert.Contains(t, body, `<option value="yes" selected>Only cases with a safeguarding warning</option>`)
	m := regexp.MustCompile(`href="(/dpo/export\.csv[^"]*)"`).FindStringSubmatch(body)
	require.NotNil(t, m)
	link := html.UnescapeString(m[1])
	assert.Equal(t, "/dpo/export.csv?safeguarding=yes", link)
	records, err := csv.NewReader(strings.NewReader(h.do(t, "GET", link, "").Body.String())).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 2, "the header and the one case")
	assert.Equal(t, warned.Ref, records[1][0])
	assert.Equal(t, "true", records[1][slices.Index(dpo.CSVColumns, "safeguarding")])

	bad := h.do(t, "GET", "/dpo?safeguarding=maybe", "")
	assert.Equal(t, http.StatusBadRequest, bad.Code)
	assert.Contains(t, bad.Body.String(), `There is no safeguarding filter &#34;maybe&#34;.`)

	token := h.csrf(t, "/dpo")
	posted := h.do(t, "POST", "/dpo", "csrf="+token+"&status=open&safeguarding=yes", "Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, posted.Code)
	assert.Equal(t, "/dpo?safeguarding=yes&status=open", posted.Header().Get("Location"), "the filter is kept in the address")

	// Only the chat sets the flag: a form can't ask for it.
	rec := h.do(t, "POST", "/api/request", `{"type":"access","org":"`+mk+`","name":"Jo Bloggs","contact":"jo@example.org","description":"my file","safeguarding":true}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var sent struct{ Reference string }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &sent))
	formCase, err := h.queue.Get(context.Background(), sent.Reference)
	require.NoError(t, err)
	assert.False(t, formCase.Safeguarding)

	page := h.do(t, "GET", "/dpo/cases/"+warned.Ref, "").Body.String()
	assert.Contains(t, page, "Safeguarding warning:")
	assert.Contains(t, page, "Read the conversation excerpt before contacting the requester.")
	assert.NotContains(t, h.do(t, "GET", "/dpo/cases/"+calm, "").Body.String(), "Safeguarding warning:")
}

// An extension's reason (which the requester is told) and a Part 3 decision's typed as a
// placeholder are refused as a refusal's grounds are, saying what is wanted, with what was typed
// put back in the form (a QA pass extended a case with the reason "x").
func TestCasePageRefusesAPlaceholderForAReason(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	for _, tc := range []struct{ form, body, kept, says string }{
		{"extend", "reason=x", `id="reason" name="reason" rows="2" required>x</textarea>`, "the reason the requester will be told, in words of their own"},
		{"extend", "reason=complex", `required>complex</textarea>`, "the reason the requester will be told"},
		{"status", "status=extended&note=y", `name="note" rows="2">y</textarea>`, "the reason the requester will be told"},
		{"part3", "decision=suspect&reason=n%2Fa", `id="part3-reason" name="reason" rows="2" required>n/a</textarea>`, "in words of their own"},
	} {
		rec := h.caseForm(t, ref, tc.form, tc.body)
		assert.Equal(t, http.StatusUnprocessableEntity, rec.Code, tc.body)
		assert.Contains(t, rec.Body.String(), tc.says, tc.body)
		assert.Contains(t, rec.Body.String(), tc.kept, "%q is put back in the form", tc.body)
	}
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Received, c.Status, "nothing changed")
	assert.Equal(t, dpo.NotLawEnforcement, c.LawEnforcement, "nothing changed")
	require.Equal(t, http.StatusSeeOther, h.caseForm(t, ref, "extend", "reason="+url.QueryEscape("the records are held in three archives")).Code)
}

// The day a change happened, chosen on the case page, is a London date: refused, it is said as a
// date (not "2026-03-10T00:00:00Z"), and a change dated in summer time is at the start of that
// London day, not 01:00 (a QA pass).
func TestCasePageDatesAChangeOnALondonDay(t *testing.T) {
	h := newHarness(t) // 10:00 on Monday 2 March 2026
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	for _, tc := range []struct{ at, says string }{
		{"2026-03-01", "1 March 2026 is before the request was received (2 March 2026)"},
		{"2026-03-10", "10 March 2026 is in the future"},
	} {
		rec := h.caseForm(t, ref, "status", "status=completed&note=sent+the+records&at="+tc.at)
		assert.Equal(t, http.StatusUnprocessableEntity, rec.Code, tc.at)
		assert.Contains(t, rec.Body.String(), tc.says, tc.at)
		assert.NotContains(t, rec.Body.String(), "T00:00:00Z", tc.at)
	}
	h.clock.Add(30 * 24 * time.Hour)            // Wednesday 1 April, in summer time
	h.signIn(t, "dpo", "correct horse battery") // the session has expired
	require.Equal(t, http.StatusSeeOther, h.caseForm(t, ref, "status", "status=completed&note=sent+the+records&at=2026-03-31").Code)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-31T00:00:00+01:00", c.Closed.In(london(t)).Format(time.RFC3339))
}

func london(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	return loc
}
