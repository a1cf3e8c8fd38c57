package web_test

import (
	"bytes"
	"context"
	"database/sql"
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
	"time"
	"unicode"

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

// search sends the queue page's form with a search, as the Filter button does, and follows the
// redirect it must be answered with, as a browser does: the POST's response and the results'.
func (h *harness) search(t testing.TB, path string, form url.Values) (posted, results *httptest.ResponseRecorder) {
	t.Helper()
	posted = h.post(t, path, form)
	require.Equal(t, http.StatusSeeOther, posted.Code, "a search is answered with a redirect to its results: %s", posted.Body.String())
	return posted, h.do(t, "GET", posted.Header().Get("Location"), "")
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
// contact, within the user's councils only. The search is POSTed and its results shown at the
// address it is redirected to: no address on the page (nor the redirect) holds what was typed,
// so it reaches no access log or browser history. The other filters, from the form or the query
// string, apply.
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
			posted, rec := h.search(t, "/dpo"+tc.query, form)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, tc.want, cs.listedIn(rec.Body.String()))
			assert.Contains(t, rec.Body.String(), fmt.Sprintf(`name="q" value="%s"`, html.EscapeString(tc.q)), "the search is kept in the box")
			assertNoTermInURLs(t, posted, tc.q)
			if tc.want == nil || !strings.EqualFold(tc.q, tc.want[0]) {
				// (A reference found is linked to its case page: a reference is no personal data.)
				assertNoTermInURLs(t, rec, tc.q)
			}
		})
	}

	_, closed := h.search(t, "/dpo", url.Values{"q": {"07700900123"}})
	assert.Contains(t, closed.Body.String(), `choose Status "All" to include them`)

	// The CSV of the cases found is the page's export form, POSTed with the search; the filters
	// stay in its address, as in the link to clear the search.
	_, results := h.search(t, "/dpo", url.Values{"q": {"sharma"}, "status": {"all"}})
	page := results.Body.String()
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

	// A search that can't be used is answered at once, with nothing kept to redirect to.
	bad := h.post(t, "/dpo", url.Values{"q": {strings.Repeat("a", 201)}})
	assert.Equal(t, http.StatusBadRequest, bad.Code)
	assert.Contains(t, bad.Body.String(), "The search can&#39;t be used")
}

// Two callers called Okafor are told apart in the results without opening each: a search's
// results name who made each request, and whom it is for. The queue itself, which lists every
// open case, names nobody.
func TestQueueSearchResultsNameTheRequesters(t *testing.T) {
	h, _ := searchHarness(t)
	ctx := context.Background()
	submit := func(name, whom string) string {
		h.submitted++
		c, err := h.queue.Submit(ctx, dpo.Submission{Type: dpo.Access, Organisation: mk, Received: h.clock.Now(), Channel: dpo.ChannelPhone,
			Requester: dpo.Requester{Name: name, Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: fmt.Sprintf("caller%d@example.org", h.submitted)},
				OnBehalfOf: whom != "", OnBehalfOfWhom: whom},
			Description: fmt.Sprintf("A copy of my records (%d)", h.submitted)})
		require.NoError(t, err)
		return c.Ref
	}
	anne, chidi := submit("Anne-Marie Okafor", ""), submit("Chidi Okafor", "Grace Okafor (my daughter)")
	_, results := h.search(t, "/dpo", url.Values{"q": {"okafor"}})
	require.Equal(t, http.StatusOK, results.Code)
	row := func(page, ref string) string {
		return regexp.MustCompile(`(?s)<tr[^>]*>\s*<th scope="row"><a href="/dpo/cases/` + ref + `">.*?</tr>`).FindString(page)
	}
	page := results.Body.String()
	assert.Contains(t, page, `<th scope="col">Requester</th>`)
	assert.Contains(t, row(page, anne), "<td>Anne-Marie Okafor</td>")
	assert.Contains(t, row(page, chidi), "<td>Chidi Okafor, for Grace Okafor (my daughter)</td>")

	queue := h.do(t, "GET", "/dpo", "").Body.String()
	require.Contains(t, queue, anne)
	assert.NotContains(t, queue, "Okafor", "the queue names no requester")
	assert.NotContains(t, queue, `<th scope="col">Requester</th>`)
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
	posted, results := h.search(t, "/dpo", url.Values{"q": {term}, "status": {"all"}})
	require.Equal(t, http.StatusOK, results.Code)
	require.Equal(t, http.StatusOK, h.post(t, "/dpo/export.csv", url.Values{"q": {term}}).Code)
	require.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo?q="+term, "").Code)
	require.Equal(t, http.StatusForbidden, h.do(t, "POST", "/dpo", "q="+term, "Content-Type", "application/x-www-form-urlencoded").Code)
	h.clock.Add(2 * time.Hour)
	require.Equal(t, http.StatusGone, h.do(t, "GET", posted.Header().Get("Location"), "").Code, "the search has expired")
	_, err := h.srv.PurgeSessions(context.Background())
	require.NoError(t, err)

	metrics := h.do(t, "GET", "/metrics", "").Body.String()
	assert.Contains(t, metrics, `privacybot_http_requests_total{code="303",route="POST /dpo"} 1`)
	assert.Contains(t, metrics, `privacybot_http_requests_total{code="400",route="GET /dpo"} 1`)
	assert.NotContains(t, strings.ToLower(metrics), strings.ToLower(term))
	assert.NotContains(t, strings.ToLower(logged.String()), strings.ToLower(term))
}

// sessionKinds are where the dashboard's sessions, and so its searches, are kept: the store, as
// serve has it (shared by every replica), and the memory of a server given none.
var sessionKinds = []struct {
	name string
	opt  func(*web.Server)
}{
	{"store", storeSessions},
	{"memory", func(*web.Server) {}},
}

// as is another browser signed in to h's server as name.
func (h *harness) as(t testing.TB, name, password string) *harness {
	t.Helper()
	other := *h
	other.cookies = nil
	require.Equal(t, http.StatusSeeOther, other.signIn(t, name, password).Code)
	return &other
}

var searchIDRe = regexp.MustCompile(`^[0-9a-f]{64}$`)

// assertResultsAddress checks that a search's redirect goes to the queue at an address holding
// the saved search's random id and the filters (want, with "ID" for the id), and nothing of the
// term: not the whole, nor a word or a number of it, nor its digits run together.
func assertResultsAddress(t *testing.T, loc, term, want string) {
	t.Helper()
	u, err := url.Parse(loc)
	require.NoError(t, err)
	id := u.Query().Get("search")
	require.Regexp(t, searchIDRe, id, "the address names the search by a random id: %s", loc)
	withoutID := strings.Replace(loc, id, "ID", 1)
	assert.Equal(t, want, withoutID)
	plain, err := url.QueryUnescape(withoutID)
	require.NoError(t, err)
	plain = strings.ToLower(plain)
	parts := strings.FieldsFunc(strings.ToLower(term), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	parts = append(parts, strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, term))
	for _, p := range parts {
		if len(p) >= 3 {
			assert.NotContains(t, plain, p, "the results' address holds part of the search")
		}
	}
}

// The search box answers with a redirect (Post/Redirect/Get): the results are at an address
// holding only a random id for the search (and the filters), so that going back to them from a
// case, or reloading them, shows them again without the browser asking to send the form again,
// and the name, e-mail address or phone number typed is in no address.
func TestSearchResultsAreShownAgainWithoutResendingTheForm(t *testing.T) {
	for _, kind := range sessionKinds {
		h, cs := searchHarness(t, kind.opt)
		for _, tc := range []struct {
			name, term, status, wantAddr, want string
		}{
			{"a name", "Priya Sharma", "", "/dpo?search=ID", cs.priya},
			{"an e-mail address", "priya.sharma@example.org", "", "/dpo?search=ID", cs.priya},
			{"a phone number, among closed cases", "07700 900123", "all", "/dpo?search=ID&status=all", cs.dave},
		} {
			t.Run(kind.name+"/"+tc.name, func(t *testing.T) {
				form := url.Values{"q": {tc.term}}
				if tc.status != "" {
					form.Set("status", tc.status)
				}
				posted, results := h.search(t, "/dpo", form)
				loc := posted.Header().Get("Location")
				assertResultsAddress(t, loc, tc.term, tc.wantAddr)
				assert.NotContains(t, strings.ToLower(posted.Body.String()), strings.ToLower(tc.term), "nor its body")

				require.Equal(t, http.StatusOK, results.Code, results.Body.String())
				assert.Equal(t, []string{tc.want}, cs.listedIn(results.Body.String()), "the case searched for, and only it")
				assert.Contains(t, results.Body.String(), fmt.Sprintf(`name="q" value="%s"`, html.EscapeString(tc.term)), "the search is in the box")
				assertNoTermInURLs(t, results, tc.term)

				// Back from the case, or Reload: the same address, the same results, no form sent.
				again := h.do(t, "GET", loc, "")
				require.Equal(t, http.StatusOK, again.Code)
				assert.Equal(t, []string{tc.want}, cs.listedIn(again.Body.String()))
				assert.Contains(t, again.Body.String(), fmt.Sprintf(`name="q" value="%s"`, html.EscapeString(tc.term)))

				// The CSV of those results, by the page's export form or by the id.
				export := regexp.MustCompile(`<form method="post" action="(/dpo/export\.csv[^"]*)" class="export">`).FindStringSubmatch(again.Body.String())
				require.NotNil(t, export, "the results offer their CSV")
				byForm := h.post(t, html.UnescapeString(export[1]), url.Values{"q": {tc.term}})
				byID := h.do(t, "GET", strings.Replace(loc, "/dpo?", "/dpo/export.csv?", 1), "")
				for _, rec := range []*httptest.ResponseRecorder{byForm, byID} {
					require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
					rows, err := csv.NewReader(rec.Body).ReadAll()
					require.NoError(t, err)
					require.Len(t, rows, 2, "the header and the case found")
					assert.Equal(t, tc.want, rows[1][0])
				}
			})
		}
	}
}

// A search's results are only for the session that searched: a colleague who sees the same
// cases, the same DPO in another browser, or the same browser signed in again, given the
// address, are told the search has expired and shown the box to search again; nothing is
// listed or exported, and nothing fails.
func TestSearchResultsAreOnlyForTheSessionThatSearched(t *testing.T) {
	for _, kind := range sessionKinds {
		for _, tc := range []struct {
			name string
			who  func(t *testing.T, h *harness) *harness
		}{
			{"a colleague who sees the same cases", func(t *testing.T, h *harness) *harness {
				h.addUser(t, "colleague", "another horse battery", mk)
				return h.as(t, "colleague", "another horse battery")
			}},
			{"the same DPO in another browser", func(t *testing.T, h *harness) *harness {
				return h.as(t, "dpo", "correct horse battery")
			}},
			{"the same browser, signed out and in again", func(t *testing.T, h *harness) *harness {
				require.Equal(t, http.StatusSeeOther, h.post(t, "/dpo/sign-out", url.Values{}).Code)
				require.Equal(t, http.StatusSeeOther, h.signIn(t, "dpo", "correct horse battery").Code)
				return h
			}},
		} {
			t.Run(kind.name+"/"+tc.name, func(t *testing.T) {
				h, cs := searchHarness(t, kind.opt)
				posted, _ := h.search(t, "/dpo", url.Values{"q": {"Priya Sharma"}})
				loc := posted.Header().Get("Location")
				other := tc.who(t, h)

				rec := other.do(t, "GET", loc, "")
				assert.Equal(t, http.StatusGone, rec.Code)
				body := rec.Body.String()
				assert.Contains(t, body, "This search has expired")
				assert.Contains(t, body, "Type it in the Find box below to search again")
				assert.NotContains(t, body, "Choose from the filters below", "the message points to the box, not the filters")
				assert.Contains(t, body, `<input type="search" id="f-q" name="q" value=""`, "an empty box to search again")
				assert.Empty(t, cs.listedIn(body), "nothing listed")
				assert.NotContains(t, body, "Priya Sharma")
				assert.NotContains(t, body, "Download these cases", "no file of every case offered as the search's")

				export := other.do(t, "GET", strings.Replace(loc, "/dpo?", "/dpo/export.csv?", 1), "")
				assert.Equal(t, http.StatusGone, export.Code)
				assert.Contains(t, export.Body.String(), "Nothing was exported: this search has expired")
				assert.Empty(t, cs.listedIn(export.Body.String()))
			})
		}
	}
}

// A search is kept for an hour, then its address says it has expired (the box is there to
// search again, which works as the first time), and the store forgets it at its next purge,
// though the DPO is still signed in.
func TestSearchExpires(t *testing.T) {
	for _, kind := range sessionKinds {
		t.Run(kind.name, func(t *testing.T) {
			h, cs := searchHarness(t, kind.opt)
			posted, _ := h.search(t, "/dpo", url.Values{"q": {"Priya Sharma"}})
			loc := posted.Header().Get("Location")
			h.clock.Add(time.Hour - time.Minute)
			assert.Equal(t, []string{cs.priya}, cs.listedIn(h.do(t, "GET", loc, "").Body.String()), "still there just before the hour")
			h.clock.Add(2 * time.Minute)

			rec := h.do(t, "GET", loc, "")
			assert.Equal(t, http.StatusGone, rec.Code)
			assert.Contains(t, rec.Body.String(), "This search has expired")
			assert.Empty(t, cs.listedIn(rec.Body.String()))

			_, err := h.srv.PurgeSessions(context.Background())
			require.NoError(t, err)
			if kind.name == "store" {
				assert.Zero(t, searchRows(t, h), "the expired search is deleted")
				assert.Len(t, dashRows(t, h), 1, "the session is not")
			}
			assert.True(t, isSignedIn(t, h))

			posted, again := h.search(t, "/dpo", url.Values{"q": {"Priya Sharma"}})
			assert.NotEqual(t, loc, posted.Header().Get("Location"), "a new search, a new id")
			assert.Equal(t, []string{cs.priya}, cs.listedIn(again.Body.String()))
		})
	}
}

// searchRows is how many searches the database file holds.
func searchRows(t *testing.T, h *harness) int {
	t.Helper()
	db, err := sql.Open("sqlite", h.path)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM dash_searches`).Scan(&n))
	return n
}

// Behind a load balancer, the results' address may be asked of another replica than the one
// the search was POSTed to: the search is kept in the store, with the session.
func TestSearchResultsOnAnotherReplica(t *testing.T) {
	a, cs := searchHarness(t, storeSessions)
	b := a.replica(t, a.store)
	posted, _ := a.search(t, "/dpo", url.Values{"q": {"07700 900123"}, "status": {"all"}})
	rec := b.do(t, "GET", posted.Header().Get("Location"), "")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, []string{cs.dave}, cs.listedIn(rec.Body.String()))

	// Signing out on B forgets it on A.
	require.Equal(t, http.StatusSeeOther, b.post(t, "/dpo/sign-out", url.Values{}).Code)
	assert.Zero(t, searchRows(t, a))
}
