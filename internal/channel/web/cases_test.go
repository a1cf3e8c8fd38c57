package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// caseForm posts a form of the case page ref's (its last path part, "status"), with the page's
// CSRF token, as the signed-in user.
func (h *harness) caseForm(t *testing.T, ref, form, body string) *httptest.ResponseRecorder {
	t.Helper()
	page := "/dpo/cases/" + ref
	return h.do(t, "POST", page+"/"+form, body+"&csrf="+h.csrf(t, page), "Content-Type", "application/x-www-form-urlencoded")
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
