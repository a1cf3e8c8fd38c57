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
