package web_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/sqlite"
)

const formType = "application/x-www-form-urlencoded"

// storeSessions keeps the harness's dashboard sessions in its SQLite store, as serve does.
func storeSessions(s *web.Server) { s.Sessions = s.Users.(*sqlite.Store) }

// replica is a second server over the same store, queue and clock (another replica behind the
// load balancer, or the same one after a restart when store is reopened), with h's cookies.
func (h *harness) replica(t *testing.T, store *sqlite.Store) *harness {
	t.Helper()
	srv := &web.Server{Bot: h.srv.Bot, Cases: &dpo.Queue{Store: store, Now: h.clock.Now}, Users: store, Sessions: store,
		Notices: h.srv.Notices, Orgs: h.orgs, CanonicalOrg: h.srv.CanonicalOrg, Now: h.clock.Now, RatePerMinute: -1}
	return &harness{srv: srv, h: srv.Handler(), store: store, path: h.path, queue: srv.Cases.(*dpo.Queue),
		clock: h.clock, orgs: h.orgs, cookies: h.cookies}
}

func signedInWithStore(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, storeSessions)
	h.addUser(t, "dpo", "correct horse battery", mk)
	require.Equal(t, http.StatusSeeOther, h.signIn(t, "dpo", "correct horse battery").Code)
	require.Len(t, h.cookies, 1)
	return h
}

// isSignedIn reports whether the dashboard shows the queue (rather than sending to sign-in).
func isSignedIn(t *testing.T, h *harness) bool {
	t.Helper()
	rec := h.do(t, "GET", "/dpo", "")
	return rec.Code == http.StatusOK
}

func TestSessionIsAcceptedByAnotherReplica(t *testing.T) {
	a := signedInWithStore(t)
	ref := a.submit(t, mk)
	b := a.replica(t, a.store)
	page := "/dpo/cases/" + ref

	require.True(t, isSignedIn(t, b), "replica B accepts replica A's session")
	assert.Equal(t, a.csrf(t, page), b.csrf(t, page), "both replicas show the session's CSRF token")

	rec := b.do(t, "POST", page+"/note", "note=hello", "Content-Type", formType, "Sec-Fetch-Site", "same-origin")
	assert.Equal(t, http.StatusForbidden, rec.Code, "a change without the CSRF token is refused on any replica")
	rec = b.do(t, "POST", page+"/note", "note=Called&csrf="+a.csrf(t, page), "Content-Type", formType,
		"Sec-Fetch-Site", "same-origin")
	assert.Equal(t, http.StatusSeeOther, rec.Code, rec.Body.String())
}

func TestRestartKeepsTheDPOSignedIn(t *testing.T) {
	h := signedInWithStore(t)
	require.NoError(t, h.store.Close())
	reopened, err := sqlite.Open(h.path)
	require.NoError(t, err)
	t.Cleanup(func() { reopened.Close() })

	assert.True(t, isSignedIn(t, h.replica(t, reopened)), "the restarted server knows the session")
}

func TestSignOutEndsTheSessionOnEveryReplica(t *testing.T) {
	a := signedInWithStore(t)
	b := a.replica(t, a.store)
	token := a.csrf(t, "/dpo")
	rec := b.do(t, "POST", "/dpo/sign-out", "csrf="+token, "Content-Type", formType, "Sec-Fetch-Site", "same-origin")
	require.Equal(t, http.StatusSeeOther, rec.Code)

	assert.False(t, isSignedIn(t, a), "signed out on B means signed out on A")
	assert.False(t, isSignedIn(t, b))
}

func TestRemovingTheUserEndsTheirSession(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  func(*web.Server)
	}{
		{"store", storeSessions},
		{"memory", func(*web.Server) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.opt)
			h.addUser(t, "dpo", "correct horse battery", mk)
			h.signIn(t, "dpo", "correct horse battery")
			require.True(t, isSignedIn(t, h))

			require.NoError(t, h.store.RemoveUser(context.Background(), "dpo"))
			assert.False(t, isSignedIn(t, h), "a removed user's cookie no longer opens the dashboard")
		})
	}
}

func TestExpiredSessionIsRefused(t *testing.T) {
	h := signedInWithStore(t)
	h.clock.Add(8*time.Hour - time.Minute)
	require.True(t, isSignedIn(t, h), "still signed in just before eight hours")
	h.clock.Add(2 * time.Minute)
	rec := h.do(t, "GET", "/dpo", "")
	assert.Equal(t, http.StatusSeeOther, rec.Code)
	assert.True(t, strings.HasPrefix(rec.Header().Get("Location"), "/dpo/sign-in"))
}

// dashRows reads the stored sessions straight from the database file.
func dashRows(t *testing.T, h *harness) [][3]string {
	t.Helper()
	db, err := sql.Open("sqlite", h.path)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT token_hash, user_name, csrf FROM dash_sessions`)
	require.NoError(t, err)
	defer rows.Close()
	var out [][3]string
	for rows.Next() {
		var r [3]string
		require.NoError(t, rows.Scan(&r[0], &r[1], &r[2]))
		out = append(out, r)
	}
	require.NoError(t, rows.Err())
	return out
}

func TestExpiredSessionsArePurged(t *testing.T) {
	h := signedInWithStore(t)
	require.Len(t, dashRows(t, h), 1)
	n, err := h.srv.PurgeSessions(context.Background())
	require.NoError(t, err)
	assert.Zero(t, n, "a live session is kept")

	h.clock.Add(9 * time.Hour)
	n, err = h.srv.PurgeSessions(context.Background())
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	assert.Empty(t, dashRows(t, h))
}

func TestSessionTokenIsNotStoredInClear(t *testing.T) {
	h := signedInWithStore(t)
	token := h.cookies[0].Value
	rows := dashRows(t, h)
	require.Len(t, rows, 1)
	for _, col := range rows[0] {
		assert.NotContains(t, col, token, "the cookie's token is in the database")
	}
	sum := sha256.Sum256([]byte(token))
	assert.Equal(t, hex.EncodeToString(sum[:]), rows[0][0], "only its SHA-256 is kept")
	assert.Equal(t, "dpo", rows[0][1])

	// A cookie made of what the database holds opens nothing.
	h.cookies = []*http.Cookie{{Name: h.cookies[0].Name, Value: rows[0][0]}}
	assert.False(t, isSignedIn(t, h))
}

func TestRateLimitKeysOnTheForwardedClientOnlyBehindATrustedProxy(t *testing.T) {
	h := newHarness(t, func(s *web.Server) {
		s.RatePerMinute, s.Burst = 1, 1
		s.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	})
	notices := func(peer, xff string) int {
		req, _ := http.NewRequest("GET", "/api/notices", nil)
		req.RemoteAddr = peer + ":4321"
		req.Header.Set("X-Forwarded-For", xff)
		rec := httptest.NewRecorder()
		h.h.ServeHTTP(rec, req)
		return rec.Code
	}
	assert.Equal(t, http.StatusOK, notices("10.0.0.1", "203.0.113.7"))
	assert.Equal(t, http.StatusOK, notices("10.0.0.1", "203.0.113.8"), "another resident behind the same proxy")
	assert.Equal(t, http.StatusTooManyRequests, notices("10.0.0.2", "203.0.113.7"), "the same resident via another proxy")

	assert.Equal(t, http.StatusOK, notices("198.51.100.1", "203.0.113.9"))
	assert.Equal(t, http.StatusTooManyRequests, notices("198.51.100.1", "203.0.113.10"),
		"an untrusted peer can't dodge the limit by inventing X-Forwarded-For")
}
