package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/dpo"
)

// searchCases are the cases the search tests look for: two of Milton Keynes's (David's closed)
// and another council's Priya Sharma, whom the Milton Keynes DPO must not find.
type searchCases struct{ priya, dave, bucksPriya string }

// searchHarness is a harness with searchCases, signed in as Milton Keynes's DPO.
func searchHarness(t *testing.T, opts ...func(*web.Server)) (*harness, searchCases) {
	t.Helper()
	h := newHarness(t, opts...)
	ctx := context.Background()
	submit := func(org, name, contact string) string {
		t.Helper()
		kind := dpo.ContactEmail
		if !strings.Contains(contact, "@") {
			kind = dpo.ContactPhone
		}
		h.submitted++
		c, err := h.queue.Submit(ctx, dpo.Submission{Type: dpo.Access, Organisation: org, Received: h.clock.Now(), Channel: dpo.ChannelPhone,
			Requester:   dpo.Requester{Name: name, Contact: dpo.Contact{Kind: kind, Value: contact}},
			Description: fmt.Sprintf("A copy of my records (%d)", h.submitted)})
		require.NoError(t, err)
		return c.Ref
	}
	cs := searchCases{
		priya:      submit(mk, "Priya Sharma", "priya.sharma@example.org"),
		dave:       submit(mk, "David Pritchard", "07700 900123"),
		bucksPriya: submit(bucks, "Priya Sharma", "p.sharma@example.net"),
	}
	_, err := h.queue.UpdateStatus(ctx, cs.dave, dpo.Change{To: dpo.Completed, Actor: "dpo"})
	require.NoError(t, err)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	return h, cs
}

// post sends form to path as the dashboard's forms do, with the session's CSRF token.
func (h *harness) post(t testing.TB, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	form.Set("csrf", h.csrf(t, "/dpo"))
	return h.do(t, "POST", path, form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
}

func (cs searchCases) listedIn(body string) []string {
	var refs []string
	for _, ref := range []string{cs.priya, cs.dave, cs.bucksPriya} {
		if strings.Contains(body, ref) {
			refs = append(refs, ref)
		}
	}
	return refs
}

var urlAttrRe = regexp.MustCompile(`(?i)\b(?:href|action|src|formaction)="([^"]*)"`)

// assertNoTermInURLs checks that no address in page (a link, a form's action) or in the
// response's Location holds term, however escaped.
func assertNoTermInURLs(t *testing.T, rec *httptest.ResponseRecorder, term string) {
	t.Helper()
	urls := []string{rec.Header().Get("Location")}
	for _, m := range urlAttrRe.FindAllStringSubmatch(rec.Body.String(), -1) {
		urls = append(urls, html.UnescapeString(m[1]))
	}
	for _, u := range urls {
		plain, err := url.QueryUnescape(u)
		if err != nil {
			plain = u
		}
		assert.NotContains(t, strings.ToLower(plain), strings.ToLower(term), "an address on the page holds the search: %s", u)
	}
}

// A caller on the phone is found from the queue page's search box, by reference, name or
// contact, within the user's councils only. The search is POSTed and its results are the
// response: no address on the page (nor a redirect) holds what was typed, so it reaches no
// access log or browser history. The other filters, from the form or the query string, apply.
func TestQueueSearchIsPostedAndFindsACaller(t *testing.T) {
	h, cs := searchHarness(t)
	for _, tc := range []struct {
		name, query, q, status string
		want                   []string
	}{
		{"name, any case; not another council's Priya Sharma", "", "SHARMA", "", []string{cs.priya}},
		{"e-mail, in part", "", "priya.sharma@", "open", []string{cs.priya}},
		{"a closed case is not on the open queue", "", "07700900123", "open", nil},
		{"a phone number however spaced, status from the form", "", "07700900123", "all", []string{cs.dave}},
		{"status from the query string", "?status=all", "07700 900 123", "", []string{cs.dave}},
		{"reference", "", strings.ToLower(cs.dave), "all", []string{cs.dave}},
		{"nothing of another council's", "", "p.sharma", "all", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"q": {tc.q}}
			if tc.status != "" {
				form.Set("status", tc.status)
			}
			rec := h.post(t, "/dpo"+tc.query, form)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, tc.want, cs.listedIn(rec.Body.String()))
			assert.Contains(t, rec.Body.String(), fmt.Sprintf(`name="q" value="%s"`, html.EscapeString(tc.q)), "the search is kept in the box")
			if tc.want == nil || !strings.EqualFold(tc.q, tc.want[0]) {
				// (A reference found is linked to its case page: a reference is no personal data.)
				assertNoTermInURLs(t, rec, tc.q)
			}
		})
	}

	closed := h.post(t, "/dpo", url.Values{"q": {"07700900123"}}).Body.String()
	assert.Contains(t, closed, `choose Status "All" to include them`)

	// The CSV of the cases found is the page's export form, POSTed with the search; the filters
	// stay in its address, as in the link to clear the search.
	page := h.post(t, "/dpo", url.Values{"q": {"sharma"}, "status": {"all"}}).Body.String()
	export := regexp.MustCompile(`<form method="post" action="(/dpo/export\.csv[^"]*)" class="export">\s*<input type="hidden" name="csrf" value="[0-9a-f]+">\s*<input type="hidden" name="q" value="sharma">`).FindStringSubmatch(page)
	require.NotNil(t, export, "the page's export form sends the search: %s", page)
	action := html.UnescapeString(export[1])
	assert.Equal(t, "/dpo/export.csv?status=all", action)
	assert.Contains(t, page, `<a href="/dpo?status=all">Clear the search</a>`)
	rec := h.post(t, action, url.Values{"q": {"sharma"}})
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	rows, err := csv.NewReader(rec.Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2, "the header and the case found")
	assert.Equal(t, cs.priya, rows[1][0])

	bad := h.post(t, "/dpo", url.Values{"q": {strings.Repeat("a", 201)}})
	assert.Equal(t, http.StatusBadRequest, bad.Code)
	assert.Contains(t, bad.Body.String(), "The search can&#39;t be used")
}

// The queue's form is POSTed: its search is refused without the session's CSRF token, as every
// dashboard form is, and without a search the filters are shown at their own address (which
// can be bookmarked and reloaded), with no "q" in it.
func TestQueueFormNeedsItsTokenAndFiltersAloneGoToTheirAddress(t *testing.T) {
	h, cs := searchHarness(t)
	for _, tc := range []struct{ name, path, body string }{
		{"no token", "/dpo", "q=sharma"},
		{"a wrong token", "/dpo", "q=sharma&csrf=0123456789abcdef"},
		{"the export, no token", "/dpo/export.csv", "q=sharma"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.do(t, "POST", tc.path, tc.body, "Content-Type", "application/x-www-form-urlencoded")
			assert.Equal(t, http.StatusForbidden, rec.Code)
			assert.Contains(t, rec.Body.String(), "did not come from the dashboard")
			assert.Empty(t, cs.listedIn(rec.Body.String()))
		})
	}

	rec := h.post(t, "/dpo", url.Values{"q": {"  "}, "status": {"all"}, "due": {""}, "assigned": {"none"}})
	require.Equal(t, http.StatusSeeOther, rec.Code)
	assert.Equal(t, "/dpo?assigned=none&status=all", rec.Header().Get("Location"))
	page := h.do(t, "GET", rec.Header().Get("Location"), "")
	require.Equal(t, http.StatusOK, page.Code)
	assert.Equal(t, []string{cs.priya, cs.dave}, cs.listedIn(page.Body.String()))
	assert.Contains(t, page.Body.String(), `<form method="post" action="/dpo" class="filters"`)
	assert.NotContains(t, page.Body.String(), "Clear the search", "there is none to clear")
}

// A search in the address (an old bookmark's, a script's "/dpo?q=…") is refused, saying why,
// rather than run: honoured, it would go on putting residents' names and numbers in access logs
// and browser histories unnoticed. The term is put in the box, one press from being searched the
// page's way. An empty "q=", which the page's old GET form put in every filtered address, still
// filters.
func TestQueueSearchInTheAddressIsRefused(t *testing.T) {
	h, cs := searchHarness(t)
	rec := h.do(t, "GET", "/dpo?status=all&q=sharma", "")
	assert.Equal(t, http.StatusBadRequest, rec.Code)
	body := rec.Body.String()
	assert.Contains(t, body, "Nothing was searched: a search is no longer taken from the page&#39;s address")
	assert.Empty(t, cs.listedIn(body), "nothing listed")
	assert.Contains(t, body, `name="q" value="sharma"`)
	assertNoTermInURLs(t, rec, "sharma")

	export := h.do(t, "GET", "/dpo/export.csv?status=all&q=sharma", "")
	assert.Equal(t, http.StatusBadRequest, export.Code)
	assert.Contains(t, export.Body.String(), "Nothing was exported")
	assert.NotContains(t, export.Body.String(), "below", "a file has no Find box below")
	assert.NotContains(t, export.Body.String(), cs.priya)

	postedToIt := h.post(t, "/dpo?q=sharma", url.Values{"status": {"all"}, "q": {"pritchard"}})
	assert.Equal(t, http.StatusBadRequest, postedToIt.Code, "nor with a form posted to such an address")

	old := h.do(t, "GET", "/dpo?q=&status=all&org=&due=&assigned=", "")
	require.Equal(t, http.StatusOK, old.Code, old.Body.String())
	assert.Equal(t, []string{cs.priya, cs.dave}, cs.listedIn(old.Body.String()))
}

// Neither the log nor /metrics records what was searched: requests are counted by their route
// pattern, never by their address or form.
func TestSearchTermsStayOutOfLogsAndMetrics(t *testing.T) {
	var logged bytes.Buffer
	h, _ := searchHarness(t, func(s *web.Server) {
		s.Log = slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	const term = "Pritchard"
	require.Equal(t, http.StatusOK, h.post(t, "/dpo", url.Values{"q": {term}, "status": {"all"}}).Code)
	require.Equal(t, http.StatusOK, h.post(t, "/dpo/export.csv", url.Values{"q": {term}}).Code)
	require.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo?q="+term, "").Code)
	require.Equal(t, http.StatusForbidden, h.do(t, "POST", "/dpo", "q="+term, "Content-Type", "application/x-www-form-urlencoded").Code)

	metrics := h.do(t, "GET", "/metrics", "").Body.String()
	assert.Contains(t, metrics, `privacybot_http_requests_total{code="200",route="POST /dpo"} 1`)
	assert.Contains(t, metrics, `privacybot_http_requests_total{code="400",route="GET /dpo"} 1`)
	assert.NotContains(t, strings.ToLower(metrics), strings.ToLower(term))
	assert.NotContains(t, strings.ToLower(logged.String()), strings.ToLower(term))
}
