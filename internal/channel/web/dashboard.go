package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

// maxFormBody bounds a dashboard form: a note or a reason is a paragraph.
const maxFormBody = 64 << 10

// dummyHash is compared against when a user doesn't exist, so sign-in takes as long either way
// and its timing doesn't tell which names exist.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("not a real password, only for timing"), bcrypt.DefaultCost)

// dashSession is a signed-in DPO, as a request sees it: the organisations are read afresh from
// Users on every request, so a changed or removed user takes effect at once.
type dashSession struct {
	user string
	orgs []string
	csrf string
	// tokenHash is the session's key in the SessionStore, which its searches are kept under.
	tokenHash string
}

// seesAll reports whether the signed-in user sees every organisation ("*").
func (sess *dashSession) seesAll() bool { return slices.Contains(sess.orgs, "*") }

// SessionStore keeps dashboard sign-in sessions where every replica can read them and a restart
// doesn't forget them; the SQLite and PostgreSQL stores are ones. Only the SHA-256 hash of the
// cookie's token is handed over, so a copy of the database gives no usable cookie. The CSRF token
// is kept as given: on its own it is worthless (every change also needs the session cookie).
// An unknown hash is an error wrapping fs.ErrNotExist. Expiry is enforced by the caller, which
// owns the clock; PurgeDashSessions deletes the sessions that expired before a time.
//
// A session's searches (what was typed in the queue's Find box, kept so that the results are at
// an address holding only a random id) are kept with it: SaveDashSearch refuses a session that
// doesn't exist, DashSearch finds a search only for the session that saved it (another's is
// fs.ErrNotExist), and a search goes when its session does (signing out, the user's removal,
// PurgeDashSessions) or, with PurgeDashSessions, when it expired itself.
type SessionStore interface {
	CreateDashSession(ctx context.Context, tokenHash, user, csrf string, created, expires time.Time) error
	DashSession(ctx context.Context, tokenHash string) (user, csrf string, expires time.Time, err error)
	DeleteDashSession(ctx context.Context, tokenHash string) error
	PurgeDashSessions(ctx context.Context, before time.Time) (int64, error)
	SaveDashSearch(ctx context.Context, id, tokenHash, term string, expires time.Time) error
	DashSearch(ctx context.Context, id, tokenHash string) (term string, expires time.Time, err error)
}

// sessionTTL is how long a DPO stays signed in.
const sessionTTL = 8 * time.Hour

// hashToken is what a SessionStore keeps instead of the cookie's token.
func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// memSessions is the SessionStore used when the server is given none (tests, zero config): one
// process only, forgotten on restart.
type memSessions struct {
	mu       sync.Mutex
	byHash   map[string]memSession
	searches map[string]memSearch // by id
}

type memSession struct {
	user, csrf string
	expires    time.Time
}

type memSearch struct {
	tokenHash, term string
	expires         time.Time
}

func newMemSessions() *memSessions {
	return &memSessions{byHash: map[string]memSession{}, searches: map[string]memSearch{}}
}

func (m *memSessions) CreateDashSession(_ context.Context, tokenHash, user, csrf string, _, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.byHash[tokenHash] = memSession{user: user, csrf: csrf, expires: expires}
	return nil
}

func (m *memSessions) DashSession(_ context.Context, tokenHash string) (string, string, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.byHash[tokenHash]
	if !ok {
		return "", "", time.Time{}, fmt.Errorf("dashboard session: %w", fs.ErrNotExist)
	}
	return s.user, s.csrf, s.expires, nil
}

func (m *memSessions) DeleteDashSession(_ context.Context, tokenHash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.deleteLocked(tokenHash)
	return nil
}

// deleteLocked ends a session and its searches; m.mu is held.
func (m *memSessions) deleteLocked(tokenHash string) {
	delete(m.byHash, tokenHash)
	for id, s := range m.searches {
		if s.tokenHash == tokenHash {
			delete(m.searches, id)
		}
	}
}

func (m *memSessions) PurgeDashSessions(_ context.Context, before time.Time) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for id, s := range m.searches {
		if s.expires.Before(before) {
			delete(m.searches, id)
		}
	}
	var n int64
	for h, s := range m.byHash {
		if s.expires.Before(before) {
			m.deleteLocked(h)
			n++
		}
	}
	return n, nil
}

func (m *memSessions) SaveDashSearch(_ context.Context, id, tokenHash, term string, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.byHash[tokenHash]; !ok {
		return fmt.Errorf("save dashboard search: no such session: %w", fs.ErrNotExist)
	}
	if _, taken := m.searches[id]; taken {
		return fmt.Errorf("save dashboard search: %w", fs.ErrExist)
	}
	m.searches[id] = memSearch{tokenHash: tokenHash, term: term, expires: expires}
	return nil
}

func (m *memSessions) DashSearch(_ context.Context, id, tokenHash string) (string, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.searches[id]
	if !ok || s.tokenHash != tokenHash {
		return "", time.Time{}, fmt.Errorf("dashboard search: %w", fs.ErrNotExist)
	}
	return s.term, s.expires, nil
}

func (s *Server) sessionStore() SessionStore {
	if s.Sessions != nil {
		return s.Sessions
	}
	return s.memSessions
}

func randomToken() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return hex.EncodeToString(b[:])
}

// createSession signs user in and returns the cookie's token.
func (s *Server) createSession(ctx context.Context, user string) (string, error) {
	token, now := randomToken(), s.now()
	if err := s.sessionStore().CreateDashSession(ctx, hashToken(token), user, randomToken(), now, now.Add(sessionTTL)); err != nil {
		return "", fmt.Errorf("create dashboard session: %w", err)
	}
	return token, nil
}

// session returns the signed-in DPO behind token. ok is false for an unknown or expired
// session (an expired one is deleted) or a user who no longer exists; err is set only when the
// stores couldn't be read.
func (s *Server) session(ctx context.Context, token string) (sess *dashSession, ok bool, err error) {
	store, h := s.sessionStore(), hashToken(token)
	user, csrf, expires, err := store.DashSession(ctx, h)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read dashboard session: %w", err)
	}
	if !s.now().Before(expires) {
		_ = store.DeleteDashSession(ctx, h)
		return nil, false, nil
	}
	if s.Users == nil {
		return nil, false, nil
	}
	_, orgs, err := s.Users.LookupUser(ctx, user)
	if errors.Is(err, fs.ErrNotExist) {
		// Removed since signing in: the session ends with the user.
		_ = store.DeleteDashSession(ctx, h)
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read dashboard user: %w", err)
	}
	return &dashSession{user: user, orgs: orgs, csrf: csrf, tokenHash: h}, true, nil
}

// PurgeSessions deletes the dashboard sessions that expired before Now, with their searches, and
// the searches that expired before Now.
func (s *Server) PurgeSessions(ctx context.Context) (int64, error) {
	s.init()
	return s.sessionStore().PurgeDashSessions(ctx, s.now())
}

func (s *Server) cookieName() string {
	if s.secure() {
		return "__Host-privacybot_dpo" // the prefix makes browsers insist on Secure, Path=/ and no Domain
	}
	return "privacybot_dpo"
}

func (s *Server) dashboardRoutes(mux *http.ServeMux) {
	// CrossOriginProtection refuses cross-site POSTs using Sec-Fetch-Site/Origin; the per-session
	// token below also covers old browsers that send neither.
	cop := http.NewCrossOriginProtection()
	if s.BaseURL != "" {
		_ = cop.AddTrustedOrigin(s.BaseURL)
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "This change was refused: it did not come from the dashboard.", http.StatusForbidden)
	}))
	page := func(pattern string, h http.HandlerFunc) {
		s.route(mux, pattern, func(w http.ResponseWriter, r *http.Request) { cop.Handler(h).ServeHTTP(w, r) })
	}
	page("GET /dpo/sign-in", s.handleSignInPage)
	page("POST /dpo/sign-in", s.limit(s.handleSignIn))
	page("POST /dpo/sign-out", s.signedIn(s.handleSignOut))
	page("GET /dpo", s.signedIn(s.handleQueue))
	page("GET /dpo/{$}", s.signedIn(s.handleQueue))
	// The queue's form is POSTed, so that a search (a resident's name or phone number) is sent
	// in the body, never in an address that access logs and browser history keep; its results
	// are then at an address holding only the saved search's random id (Post/Redirect/Get).
	page("POST /dpo", s.signedIn(s.handleQueue))
	page("GET /dpo/export.csv", s.signedIn(s.handleExport))
	page("POST /dpo/export.csv", s.signedIn(s.handleExport))
	page("GET /dpo/unanswered", s.signedIn(s.handleUnanswered))
	page("GET /dpo/unanswered.csv", s.signedIn(s.handleUnansweredExport))
	page("GET /dpo/cases/{ref}", s.signedIn(s.handleCase))
	page("POST /dpo/cases/{ref}/status", s.signedIn(s.caseChange("status", s.changeStatus)))
	page("POST /dpo/cases/{ref}/proof", s.signedIn(s.caseChange("proof", s.proofNotNeeded)))
	page("POST /dpo/cases/{ref}/retype", s.signedIn(s.caseChange("retyped", s.retype)))
	page("POST /dpo/cases/{ref}/extend", s.signedIn(s.caseChange("extended", s.extend)))
	page("POST /dpo/cases/{ref}/note", s.signedIn(s.caseChange("note", s.addNote)))
	page("POST /dpo/cases/{ref}/part3", s.signedIn(s.caseChange("part3", s.decideLawEnforcement)))
	page("POST /dpo/cases/{ref}/limit", s.signedIn(s.caseChange("limit", s.setTimeLimit)))
	page("POST /dpo/cases/{ref}/assign", s.signedIn(s.caseChange("assigned", s.assign)))
	page("POST /dpo/cases/{ref}/reopen", s.signedIn(s.caseChange("reopened", s.reopen)))
}

type sessionKey struct{}

// signedIn sends visitors without a session to sign in, and refuses every change (POST) without
// the session's CSRF token.
func (s *Server) signedIn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		c, err := r.Cookie(s.cookieName())
		var sess *dashSession
		ok := false
		if err == nil {
			if sess, ok, err = s.session(r.Context(), c.Value); err != nil {
				s.log().Error("dashboard session", "err", err)
				http.Error(w, "Something went wrong. Please try again.", http.StatusInternalServerError)
				return
			}
		}
		if !ok {
			if r.Method != http.MethodGet {
				s.signedOut(w, r)
				return
			}
			// Back to the page asked for, without a search in its address ("/dpo?q=…" of an old
			// bookmark): the sign-in page's own address would keep it.
			back := *r.URL
			if back.Query().Has("q") {
				q := back.Query()
				q.Del("q")
				back.RawQuery = q.Encode()
			}
			http.Redirect(w, r, "/dpo/sign-in?next="+url.QueryEscape(back.RequestURI()), http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
			if err := r.ParseForm(); err != nil {
				http.Error(w, "That form was too large.", http.StatusRequestEntityTooLarge)
				return
			}
			if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(sess.csrf)) != 1 {
				http.Error(w, "This change was refused: the form had expired or did not come from the dashboard. Go back, reload the page and try again.", http.StatusForbidden)
				return
			}
		}
		next(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess)))
	}
}

// typedFields are the fields of the dashboard's forms that hold what a DPO typed.
var typedFields = []string{"note", "reason"}

// signedOut answers a change sent after the session ended (eight hours, or signed out in another
// tab): nothing is changed, and what was typed is shown to copy, with a way to sign in back to
// the page it came from. A bare "Please sign in again." lost a note being written (a QA pass).
func (s *Server) signedOut(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	var typed []string
	if err := r.ParseForm(); err == nil {
		for _, f := range typedFields {
			if v := strings.TrimSpace(r.PostFormValue(f)); v != "" {
				typed = append(typed, v)
			}
		}
	}
	back := "/dpo"
	if ref := r.PathValue("ref"); ref != "" {
		back = "/dpo/cases/" + url.PathEscape(ref)
	}
	msg := "Your session had ended (after eight hours, or you signed out elsewhere), so nothing was changed. Sign in and make the change again."
	if len(typed) > 0 {
		msg += " What you typed is below, to copy."
	}
	s.render(w, r, http.StatusForbidden, "error.html", map[string]any{
		"Title": "Signed out", "Message": msg, "Typed": typed,
		"SignIn": "/dpo/sign-in?next=" + url.QueryEscape(back),
	})
}

func sessionOf(r *http.Request) *dashSession { return r.Context().Value(sessionKey{}).(*dashSession) }

// sees reports whether a DPO of orgs may see a case of org (comparing canonical names).
func (s *Server) sees(orgs []string, org string) bool {
	return dpo.Sees(orgs, org, s.CanonicalOrg)
}

// safeNext keeps the post-sign-in redirect on the dashboard (no open redirect).
func safeNext(next string) string {
	if strings.HasPrefix(next, "/dpo") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return "/dpo"
}

func (s *Server) handleSignInPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "signin.html", map[string]any{"Title": "Sign in", "Next": safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) handleSignIn(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "That form was too large.", http.StatusRequestEntityTooLarge)
		return
	}
	name, pw, next := strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password"), safeNext(r.PostFormValue("next"))
	ok, known := false, false
	if s.Users != nil && name != "" {
		hash, _, err := s.Users.LookupUser(r.Context(), name)
		if known = err == nil; !known {
			hash = dummyHash
		}
		ok = bcrypt.CompareHashAndPassword(hash, []byte(pw)) == nil && known
	}
	if !ok {
		// Who was tried, and from where, so that guessing at an account can be seen in the log.
		// A name no user has is not logged: it may be a password typed in the wrong box.
		user := "(no such user)"
		if known {
			user = name
		}
		s.log().Warn("sign-in refused", "user", user, "client", s.clientIP(r))
		s.render(w, r, http.StatusUnauthorized, "signin.html", map[string]any{"Title": "Sign in", "Next": next,
			"Error": "That name and password don't match. Check them and try again.", "Name": name})
		return
	}
	token, err := s.createSession(r.Context(), name)
	if err != nil {
		s.log().Error("sign-in", "err", err)
		s.render(w, r, http.StatusInternalServerError, "signin.html", map[string]any{"Title": "Sign in", "Next": next,
			"Error": "Something went wrong. Please try again.", "Name": name})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: token, Path: "/", HttpOnly: true, Secure: s.secure(),
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionTTL.Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) handleSignOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(s.cookieName()); err == nil {
		if err := s.sessionStore().DeleteDashSession(r.Context(), hashToken(c.Value)); err != nil {
			s.log().Error("sign-out", "err", err)
			http.Error(w, "Signing out failed. Please try again.", http.StatusInternalServerError)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: "", Path: "/", HttpOnly: true, Secure: s.secure(),
		SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/dpo/sign-in", http.StatusSeeOther)
}

// filterFields are the queue's filters that may be in an address: they hold no personal data, so
// a link, a bookmark or a redirect may carry them. The search ("q") is never one of them.
var filterFields = []string{"status", "org", "due", "assigned", "safeguarding"}

// filterQuery is the query string of the filters in v, and of nothing else: whatever else v
// holds (a search, an unknown parameter) stays out of the links built from it.
func filterQuery(v url.Values) string {
	out := url.Values{}
	for _, k := range filterFields {
		if x := v.Get(k); x != "" {
			out.Set(k, x)
		}
	}
	return out.Encode()
}

// filterValues are where a request's filters are read from: a POSTed form (parsed by signedIn,
// its values first, then the query string's), or the query string.
func filterValues(r *http.Request) url.Values {
	if r.Method == http.MethodPost {
		return r.Form
	}
	return r.URL.Query()
}

// searchInAddress is why a search given in the address (an old bookmark's or a script's
// "/dpo?q=…") is not run: a resident's name or phone number there is kept by proxies' access
// logs and browser history, which a search must not add to.
const searchInAddress = "Nothing was searched: a search is no longer taken from the page's address, where a resident's name or phone number " +
	"would be kept in browser history and server logs. It is in the Find box below: press Filter to search for it."

// exportSearchInAddress is searchInAddress for the CSV export, which has no Find box.
const exportSearchInAddress = "Nothing was exported: a search is no longer taken from the address, where a resident's name or phone number " +
	"would be kept in browser history and server logs. Search in the queue's Find box, then use its Download button."

// searchTTL is how long a search typed in the queue's Find box is kept, so that its results'
// address shows them again (Back from a case, Refresh): a caller's call and the work on it, no
// longer. Signing out, or the session's end, forgets it sooner; RunPurger deletes it at its next
// run after. (The bot's privacy notice, privacy.html, and the README say so: change them with it.)
const searchTTL = time.Hour

// searchParam is the parameter of the results' address holding the saved search's random id:
// the term itself is never in an address.
const searchParam = "search"

// searchExpired is said when the results' address names a search this session can't use: it
// expired, its session ended, or another session (another browser, another user) made it. (Its
// "an hour" is searchTTL.)
const searchExpired = "This search has expired, so nothing is listed: a search is kept for an hour, until you sign out, " +
	"and only for the browser it was made in. Type it in the Find box below to search again."

// exportSearchExpired is searchExpired for the CSV export.
const exportSearchExpired = "Nothing was exported: this search has expired (a search is kept for an hour, until you sign out, " +
	"and only for the browser it was made in). Search again in the queue's Find box, then use its Download button."

// searchOf is the search a queue request asks for: on a POST, the form's Find box; on a GET, the
// saved search named by its address's id (searchParam). expired is true when the address names
// one this session can't use (expired, or another session's: the same to the user, and no hint
// that it exists); err only when the store couldn't be read.
func (s *Server) searchOf(r *http.Request, sess *dashSession) (term string, expired bool, err error) {
	if r.Method == http.MethodPost {
		return strings.TrimSpace(r.PostFormValue("q")), false, nil
	}
	id := r.URL.Query().Get(searchParam)
	if id == "" {
		return "", false, nil
	}
	term, expires, err := s.sessionStore().DashSearch(r.Context(), id, sess.tokenHash)
	if errors.Is(err, fs.ErrNotExist) {
		return "", true, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read the queue's search: %w", err)
	}
	if !s.now().Before(expires) {
		return "", true, nil
	}
	return term, false, nil
}

// saveSearch keeps term for the session for searchTTL and returns the random id its results'
// address names it by.
func (s *Server) saveSearch(ctx context.Context, sess *dashSession, term string) (string, error) {
	id := randomToken()
	if err := s.sessionStore().SaveDashSearch(ctx, id, sess.tokenHash, term, s.now().Add(searchTTL)); err != nil {
		return "", fmt.Errorf("keep the queue's search: %w", err)
	}
	return id, nil
}

// resultsURL is the address of a saved search's results: its id and the filters (filterQuery's
// encoding), never the term.
func resultsURL(filters, id string) string {
	q, _ := url.ParseQuery(filters)
	q.Set(searchParam, id)
	return (&url.URL{Path: "/dpo", RawQuery: q.Encode()}).String()
}

// queueFilter reads the queue's filters, always scoped to the DPO's organisations: on a GET from
// the query string; on a POST (the queue page's own form) from the form, the query string
// filling in what the form doesn't give. The search is given by the caller (searchOf): from a
// POSTed form or the store, never from an address, so that what a DPO types in it never lands
// in a URL. problem says what was not understood, and so not applied: an unknown status or an
// organisation the user doesn't see must not look like a filtered queue.
func (s *Server) queueFilter(r *http.Request, sess *dashSession, search string) (f dpo.Filter, form map[string]string, problem string) {
	q := filterValues(r)
	f = dpo.Filter{Now: s.now()}
	form = map[string]string{"status": q.Get("status"), "org": q.Get("org"), "due": q.Get("due"), "assigned": q.Get("assigned"),
		"q": search, "safeguarding": q.Get("safeguarding")}
	if inURL := strings.TrimSpace(r.URL.Query().Get("q")); inURL != "" {
		// Refused, not run, so that no bookmark or script goes on putting residents' details in
		// addresses unnoticed; the term is put in the box (the response's body, which nothing
		// logs), one press from the search done the page's way. An empty "q=", which the
		// page's old form put in every filtered address, filters as it did.
		form["q"] = inURL
		return f, form, searchInAddress
	}
	switch st := q.Get("status"); st {
	case "", "open":
		form["status"] = "open"
		f.Statuses = dpo.OpenStatuses()
	case "all":
	default:
		v, err := dpo.ParseStatus(st)
		if err != nil {
			return f, form, fmt.Sprintf("There is no status %q.", st)
		}
		f.Statuses = []dpo.Status{v}
	}
	// The search box: a caller on the phone found by reference, name or contact (within the
	// user's organisations, as every filter is).
	if err := dpo.CheckSearch(form["q"]); err != nil {
		return f, form, fmt.Sprintf("The search can't be used: %v.", err)
	}
	f.Search = form["q"]
	switch due := q.Get("due"); due {
	case "":
	case "overdue":
		f.Overdue = true
	case "week":
		f.DueWithin = 7 * 24 * time.Hour
	default:
		return f, form, fmt.Sprintf("There is no due-date filter %q.", due)
	}
	switch sg := q.Get("safeguarding"); sg {
	case "":
	case "yes":
		// The cases whose chat read a risk to someone's safety.
		f.Safeguarding = true
	default:
		return f, form, fmt.Sprintf("There is no safeguarding filter %q.", sg)
	}
	switch a := q.Get("assigned"); {
	case a == "":
	case a == "me":
		f.AssignedTo = sess.user
	case a == "none":
		f.Unassigned = true
	case strings.HasPrefix(a, assignedToPrefix) && strings.TrimSpace(strings.TrimPrefix(a, assignedToPrefix)) != "":
		// A named person is "to:NAME", so a user called "me" or "none" is still one.
		f.AssignedTo = strings.TrimSpace(strings.TrimPrefix(a, assignedToPrefix))
	default:
		return f, form, fmt.Sprintf("There is no assignee filter %q.", a)
	}
	if org := q.Get("org"); org != "" && sess.seesAll() {
		// (Only who sees every council is told whether one has cases: another user learns
		// nothing of councils not theirs.)
		if _, known := s.canonicalKnown(org); !known && !s.hasCases(r, org) {
			// A council whose notices have gone still has its cases listed; a misspelt one is
			// said so, not shown as an empty queue.
			return f, form, fmt.Sprintf("There is no council %q here.", org)
		}
	}
	if org := q.Get("org"); org != "" && s.sees(sess.orgs, org) {
		f.Organisations = s.names(org)
	} else if org != "" {
		return f, form, fmt.Sprintf("You don't see the cases of %q.", org)
	} else {
		f.Organisations = s.scope(sess)
	}
	return f, form, ""
}

// assignedToPrefix begins the assignee filter's value for a named person ("to:Sam Patel").
const assignedToPrefix = "to:"

// scope is the spellings of the organisations whose cases the user sees, for a Filter: nil
// for who sees every one.
func (s *Server) scope(sess *dashSession) []string {
	if sess.seesAll() {
		return nil
	}
	var orgs []string
	for _, o := range sess.orgs {
		orgs = append(orgs, s.names(o)...)
	}
	if len(orgs) == 0 {
		orgs = []string{"\x00none"} // a user with no organisation sees nothing
	}
	return orgs
}

// assignees are the people the user's cases are assigned to, open or closed, sorted: whom the
// queue can be filtered by; and the confirmed Part 3 requests with no time limit set, which no
// deadline filter lists (a tenth QA pass lost one). A council's queue is tens of thousands of
// cases, so neither answer reads it: the store answers with the names, and with those cases.
func (s *Server) assignees(ctx context.Context, sess *dashSession) (names, needLimit []string, err error) {
	names, err = s.Cases.Assignees(ctx, dpo.Filter{Organisations: s.scope(sess)})
	if err != nil {
		return nil, nil, fmt.Errorf("list assignees: %w", err)
	}
	cases, err := s.Cases.List(ctx, dpo.Filter{Organisations: s.scope(sess), NeedsTimeLimit: true})
	if err != nil {
		return nil, nil, fmt.Errorf("list the Part 3 requests with no time limit: %w", err)
	}
	return names, dpo.NeedingTimeLimit(cases), nil
}

// hasCases reports whether any case is filed under org; a store that fails to say is taken to
// have some, so the failure shows when the queue is listed rather than as "no such council".
func (s *Server) hasCases(r *http.Request, org string) bool {
	cases, err := s.Cases.List(r.Context(), dpo.Filter{Organisations: []string{org}, Limit: 1})
	return err != nil || len(cases) > 0
}

// names are the spellings a case of org may be stored under: as given and canonical (cases
// keep the organisation the channel gave).
func (s *Server) names(org string) []string {
	if c := s.canonical(org); !strings.EqualFold(c, org) {
		return []string{org, c}
	}
	return []string{org}
}

// caseRow is a case as the queue shows it.
type caseRow struct {
	dpo.Case
	Overdue bool
	DueSoon bool // due within the week (today included), not overdue
	// DueToday is due today, UK time: the last day to answer, which "due this week" undersold.
	DueToday bool
}

func (s *Server) rows(cases []dpo.Case) []caseRow {
	now := s.now()
	week := deadline.LondonDate(now.Add(7 * 24 * time.Hour))
	out := make([]caseRow, len(cases))
	for i, c := range cases {
		out[i] = caseRow{Case: c, Overdue: c.Overdue(now)}
		out[i].DueSoon = !out[i].Overdue && c.Status.Open() && !c.Due.IsZero() && !c.Due.After(week)
		out[i].DueToday = c.DueToday(now)
	}
	return out
}

// assigneeChoice is a named person the queue can be filtered by.
type assigneeChoice struct{ Value, Name string }

func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	sess := sessionOf(r)
	if s.Cases == nil {
		s.dashError(w, r, errNoQueue)
		return
	}
	filters := filterQuery(filterValues(r))
	search, expired, err := s.searchOf(r, sess)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		// The form is answered with a redirect (Post/Redirect/Get): Back from a case and Refresh
		// show the page again without asking to send the form again.
		if search == "" {
			// Filters alone are shown at their address, which can be bookmarked.
			http.Redirect(w, r, (&url.URL{Path: "/dpo", RawQuery: filters}).String(), http.StatusSeeOther)
			return
		}
		if _, _, problem := s.queueFilter(r, sess, search); problem == "" {
			// A search is kept with the session and its results shown at an address naming it
			// by a random id: the term is in no address.
			id, err := s.saveSearch(r.Context(), sess, search)
			if err != nil {
				s.dashError(w, r, err)
				return
			}
			http.Redirect(w, r, resultsURL(filters, id), http.StatusSeeOther)
			return
		}
		// A search that can't be used is answered here, with the problem and the term put back
		// in the box (in the response's body, which nothing logs): there are no results to keep.
	}
	f, form, problem := s.queueFilter(r, sess, search)
	if problem == "" && expired {
		problem = searchExpired
	}
	var cases []dpo.Case
	code := http.StatusBadRequest
	if problem == searchExpired {
		code = http.StatusGone
	}
	if problem == "" {
		var err error
		if cases, err = s.Cases.List(r.Context(), f); err != nil {
			s.dashError(w, r, err)
			return
		}
		code = http.StatusOK
	}
	orgs := s.Orgs
	if !sess.seesAll() {
		orgs = sess.orgs
	}
	assignees, needLimit, err := s.assignees(r.Context(), sess)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	if f.AssignedTo == sess.user && sess.user != "" {
		form["assigned"] = "me" // the user's own name is offered as "me"
	} else if f.AssignedTo != "" && !slices.Contains(assignees, f.AssignedTo) {
		assignees = append(assignees, f.AssignedTo) // chosen, with no case now: still shown as chosen
	}
	var people []assigneeChoice
	for _, name := range assignees {
		if name != sess.user {
			people = append(people, assigneeChoice{Value: assignedToPrefix + name, Name: name})
		}
	}
	s.render(w, r, code, "queue.html", map[string]any{
		"Title": "Rights requests", "User": sess.user, "CSRF": sess.csrf, "Rows": s.rows(cases), "Form": form,
		"Statuses": dpo.Statuses, "Orgs": orgs, "Assignees": people, "Problem": problem, "NeedLimit": needLimit,
		// These problems point to the Find box, not to the filters.
		"FindBox": problem == searchInAddress || problem == searchExpired,
		// The export takes the same filters, and a search is POSTed to it with the page's form
		// (so it stays out of the address). Re-encoded here, the query is safe to put in the
		// link as it is: escaped by the template as text, "status=received&due=overdue" lost its
		// "=" and "&" and the file held every case.
		"ExportURL": template.URL((&url.URL{Path: "/dpo/export.csv", RawQuery: filters}).String()),
		// The queue with the same filters and no search.
		"ClearURL": template.URL((&url.URL{Path: "/dpo", RawQuery: filters}).String()),
	})
}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	sess := sessionOf(r)
	if s.Cases == nil {
		s.dashError(w, r, errNoQueue)
		return
	}
	search, expired, err := s.searchOf(r, sess)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	f, _, problem := s.queueFilter(r, sess, search)
	code := http.StatusBadRequest
	switch {
	case problem == searchInAddress:
		// A file has no Find box to point to.
		problem = exportSearchInAddress
	case problem == "" && expired:
		// Not the whole queue as if it were the search's cases.
		problem, code = exportSearchExpired, http.StatusGone
	}
	if problem != "" {
		http.Error(w, problem, code)
		return
	}
	cases, err := s.Cases.List(r.Context(), f)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="dpo-cases.csv"`)
	// The same columns as `privacybot queue export --csv`, of the cases the filters list.
	if err := dpo.WriteCSV(w, cases, s.now()); err != nil {
		// The header is sent: the download is cut short, which the log says.
		s.log().Error("dashboard export", "err", err)
	}
}

// loadCase returns the case at {ref} if the DPO may see it; another organisation's case is
// "not found", so its existence isn't disclosed.
func (s *Server) loadCase(r *http.Request) (dpo.Case, error) {
	if s.Cases == nil {
		return dpo.Case{}, errNoQueue
	}
	c, err := s.Cases.Get(r.Context(), r.PathValue("ref"))
	if err != nil {
		return c, err
	}
	if !s.sees(sessionOf(r).orgs, c.Organisation) {
		return dpo.Case{}, dpo.ErrNotFound
	}
	return c, nil
}

var doneMessages = map[string]string{"status": "Status changed.", "extended": "Extension recorded.", "note": "Note added.",
	"part3": "Decision on law enforcement (Part 3) recorded.", "assigned": "Assignment changed.", "limit": "Time limit recorded.",
	"reopened": "Case reopened.", "proof": "Moved on without proof: the audit trail says which day its month runs from.",
	"retyped": "Request type changed."}

func (s *Server) handleCase(w http.ResponseWriter, r *http.Request) {
	s.showCase(w, r, http.StatusOK, doneMessages[r.URL.Query().Get("done")], "")
}

func (s *Server) showCase(w http.ResponseWriter, r *http.Request, code int, msg, problem string) {
	sess := sessionOf(r)
	c, err := s.loadCase(r)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	events, err := s.Cases.Events(r.Context(), c.Ref)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	// Only the changes the rule book allows now are offered: an overdue case offers no ID request
	// and no extension, which would only be refused (tried on a copy of the case).
	allowed := func(st dpo.Status) bool {
		probe := c
		_, err := probe.Transition(dpo.Change{To: st, Actor: sess.user, Note: "(the dashboard checking what it may offer)"}, s.now())
		return err == nil
	}
	var next []dpo.Status
	for _, st := range dpo.Statuses {
		if st != dpo.Extended && allowed(st) {
			next = append(next, st)
		}
	}
	// The law-enforcement decisions other than the case's own state; none once it is closed.
	var part3 []lawEnforcementChoice
	if c.Status.Open() && c.Type != dpo.Complaint { // a complaint is no request under either law's rights
		for _, le := range []dpo.LawEnforcement{dpo.LawEnforcementConfirmed, dpo.NotLawEnforcement, dpo.LawEnforcementSuspected} {
			if le != c.LawEnforcement && (le != dpo.LawEnforcementSuspected || c.LawEnforcement == dpo.NotLawEnforcement) {
				part3 = append(part3, lawEnforcementChoices[le])
			}
		}
	}
	// A case waiting for proof of identity or authority is moved on one of two ways, each
	// saying the day its month will run from and the due date that gives (tried on copies).
	var proof *proofChoice
	if c.Status == dpo.AwaitingVerification && allowed(dpo.InProgress) {
		proof = &proofChoice{}
		proof.From, proof.FromEarlierProof = c.ProofNotNeededFrom()
		probe := c
		if _, err := probe.Transition(dpo.Change{To: dpo.InProgress, Actor: sess.user, ProofNotNeeded: true}, s.now()); err == nil {
			proof.DueNotNeeded, proof.OverdueNotNeeded = probe.Due, probe.Overdue(s.now())
		}
		probe = c
		if _, err := probe.Transition(dpo.Change{To: dpo.InProgress, Actor: sess.user}, s.now()); err == nil {
			proof.DueArrivedToday = probe.Due
		}
	}
	// The types a case filed as the wrong one can be changed to; none once it is closed.
	var types []dpo.RequestType
	if c.Status.Open() {
		for _, t := range dpo.RequestTypes {
			if t != c.Type {
				types = append(types, t)
			}
		}
	}
	row := s.rows([]dpo.Case{c})[0]
	s.render(w, r, code, "case.html", map[string]any{
		"Proof": proof, "Types": types,
		"Title": "Case " + c.Ref, "User": sess.user, "CSRF": sess.csrf, "Case": row, "Events": events, "Next": next,
		"Seen":      c.Updated.Format(time.RFC3339Nano), // a change from this page is refused once the case changes
		"Kept":      keptInput(r, problem),
		"MaxNote":   dpo.MaxNote,
		"CanExtend": allowed(dpo.Extended), "CanReopen": c.Status.Final(), "Part3": part3, "Message": msg, "Problem": problem,
		// Only a confirmed Part 3 request has a time limit the DPO sets (the others follow UK GDPR).
		"CanSetTimeLimit": c.Status.Open() && c.LawEnforcement == dpo.LawEnforcementConfirmed,
	})
}

// keptInput is what the person typed into the form a refused change came from, as "form.field"
// (the form named by the last part of its path: "status.note", "extend.reason"), to put back in
// it: a long note must not be lost because the case changed meanwhile. Nil when nothing was
// refused.
func keptInput(r *http.Request, problem string) map[string]string {
	if problem == "" || r.Method != http.MethodPost {
		return nil
	}
	form := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
	kept := map[string]string{}
	for _, field := range typedFields {
		if v := r.PostFormValue(field); v != "" {
			kept[form+"."+field] = v
		}
	}
	return kept
}

// afterChange shows the case again: on success with a message (after a redirect, so reloading
// doesn't repeat the change), on a refused change with the reason.
func (s *Server) afterChange(w http.ResponseWriter, r *http.Request, err error, done string) {
	var fe *dpo.FieldError
	switch {
	case err == nil:
		http.Redirect(w, r, "/dpo/cases/"+url.PathEscape(r.PathValue("ref"))+"?done="+url.QueryEscape(done), http.StatusSeeOther)
	case errors.As(err, &fe):
		s.showCase(w, r, http.StatusUnprocessableEntity, "", capitalise(fe.Error()))
	case errors.Is(err, dpo.ErrInvalidTransition), errors.Is(err, dpo.ErrExtensionTooLate), errors.Is(err, dpo.ErrIDTooLate), errors.Is(err, dpo.ErrClarificationTooLate),
		errors.Is(err, dpo.ErrChangedSince), errors.Is(err, dpo.ErrNoChange), errors.Is(err, dpo.ErrNotAllowed):
		s.showCase(w, r, http.StatusConflict, "", capitalise(errors.Unwrap(err).Error()))
	default:
		s.dashError(w, r, err)
	}
}

// casesSeen is the queue for a change from a case page: one that refuses it when the case
// changed after the page was loaded (the page's "seen", the case's Updated time), so that a page
// loaded before a colleague's change can't undo it unseen (dpo.Queue.Seen). A form without it
// (a script's) changes the case as it stands.
func (s *Server) casesSeen(r *http.Request) Cases {
	if seen, err := time.Parse(time.RFC3339Nano, r.PostFormValue("seen")); err == nil {
		return s.Cases.Seen(seen)
	}
	if r.PostFormValue("seen") != "" {
		// Mangled, it can't say when the page was loaded: judged as loaded long ago, the change
		// is refused and the page shown afresh, rather than made unchecked.
		return s.Cases.Seen(time.Unix(0, 0))
	}
	return s.Cases
}

// caseChange is the handler of one of the case page's forms: the case must be one the user may
// see; change makes the change, as the signed-in user, from the form's values; the page is shown
// again saying it was done, or why it was refused.
func (s *Server) caseChange(done string, change func(r *http.Request, c dpo.Case, actor string) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := s.loadCase(r)
		if err != nil {
			s.dashError(w, r, err)
			return
		}
		s.afterChange(w, r, change(r, c, sessionOf(r).user), done)
	}
}

// formDate is a form's date field (YYYY-MM-DD); the zero time when it is empty.
func formDate(r *http.Request, field string) (time.Time, error) {
	v := strings.TrimSpace(r.PostFormValue(field))
	if v == "" {
		return time.Time{}, nil
	}
	day, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, &dpo.FieldError{Field: field, Reason: fmt.Sprintf("%q is not a date", v)}
	}
	return day, nil
}

func (s *Server) changeStatus(r *http.Request, c dpo.Case, actor string) error {
	if strings.TrimSpace(r.PostFormValue("status")) == "" {
		// The form's first choice is no status: a note typed and "Change status" pressed must not
		// change the case to whatever the list happened to show first (asking for ID restarts the
		// month). The note is put back in the form.
		return &dpo.FieldError{Field: "status", Reason: "choose the status to change to; nothing was changed (to add the note alone, use “Add a note to the audit trail”)"}
	}
	st, err := dpo.ParseStatus(r.PostFormValue("status"))
	if err != nil {
		return err
	}
	// The day ID, proof of authority or a clarification answer arrived, when it is logged
	// later: rule 2 and rule 5 count from that day, not from the click.
	at, err := formDate(r, "at")
	if err != nil {
		return err
	}
	_, err = s.casesSeen(r).UpdateStatus(r.Context(), c.Ref, dpo.Change{To: st, Note: r.PostFormValue("note"), Actor: actor, At: at})
	return err
}

// proofChoice is what the case page says of a case waiting for proof of identity or authority:
// the day its month runs from if none was needed, and the due date each way of moving it on
// gives (zero when the clock would still be stopped, by a clarification pause).
type proofChoice struct {
	// From is the day the month runs from if no proof was needed: receipt, or the day an earlier
	// round of proof arrived (FromEarlierProof) when more was asked for after it.
	From             time.Time
	FromEarlierProof bool
	// DueNotNeeded is the due date when no proof was needed: a month from From.
	DueNotNeeded     time.Time
	OverdueNotNeeded bool
	// DueArrivedToday is the due date when the proof arrived today: a month from today.
	DueArrivedToday time.Time
}

// proofNotNeeded moves a case waiting for proof of identity or authority on without it: none was
// needed (the authority is on file, say), so its month runs from receipt (or from an earlier
// round of proof's arrival), not from today.
func (s *Server) proofNotNeeded(r *http.Request, c dpo.Case, actor string) error {
	_, err := s.casesSeen(r).UpdateStatus(r.Context(), c.Ref, dpo.Change{To: dpo.InProgress, ProofNotNeeded: true,
		Note: r.PostFormValue("note"), Actor: actor})
	return err
}

// retype corrects the type of request a case was filed as, with the reason for the audit trail.
func (s *Server) retype(r *http.Request, c dpo.Case, actor string) error {
	if strings.TrimSpace(r.PostFormValue("type")) == "" {
		// The list's first choice is none: a reason typed and the button pressed must not change
		// the case to whatever the list happened to show first.
		return &dpo.FieldError{Field: "type", Reason: "choose the type of request it is; nothing was changed"}
	}
	to, err := dpo.ParseRequestType(r.PostFormValue("type"))
	if err != nil {
		return err
	}
	_, err = s.casesSeen(r).Retype(r.Context(), c.Ref, to, r.PostFormValue("reason"), actor)
	return err
}

// reopen opens a closed case again, with the reason for the audit trail.
func (s *Server) reopen(r *http.Request, c dpo.Case, actor string) error {
	_, err := s.casesSeen(r).Reopen(r.Context(), c.Ref, r.PostFormValue("note"), actor)
	return err
}

func (s *Server) extend(r *http.Request, c dpo.Case, actor string) error {
	_, err := s.casesSeen(r).Extend(r.Context(), c.Ref, r.PostFormValue("reason"), actor)
	return err
}

// lawEnforcementChoice is one decision the case page offers on whether a request is a
// law-enforcement (Part 3) one.
type lawEnforcementChoice struct{ Value, Label string }

var lawEnforcementChoices = map[dpo.LawEnforcement]lawEnforcementChoice{
	dpo.LawEnforcementConfirmed: {"confirm", "Part 3 applies: handle it under the law-enforcement regime"},
	dpo.NotLawEnforcement:       {"clear", "Not law enforcement: UK GDPR's one-month clock applies from receipt"},
	dpo.LawEnforcementSuspected: {"suspect", "May be law enforcement: flag it for the DPO to decide"},
}

func (s *Server) decideLawEnforcement(r *http.Request, c dpo.Case, actor string) error {
	to, err := dpo.ParseLawEnforcement(r.PostFormValue("decision"))
	if err != nil {
		return err
	}
	_, err = s.casesSeen(r).MarkLawEnforcement(r.Context(), c.Ref, to, r.PostFormValue("reason"), actor)
	return err
}

// setTimeLimit records the date the DPO set for a confirmed Part 3 request to be answered by.
func (s *Server) setTimeLimit(r *http.Request, c dpo.Case, actor string) error {
	day, err := formDate(r, "due")
	if err != nil {
		return err
	}
	if day.IsZero() {
		return &dpo.FieldError{Field: "due", Reason: "give the date the request is to be answered by"}
	}
	_, err = s.casesSeen(r).SetTimeLimit(r.Context(), c.Ref, day, r.PostFormValue("reason"), actor)
	return err
}

// assign gives the case to a dashboard user who sees its council's cases (or to nobody), as
// dpo.Assignee allows; refused, the users who could take it are named.
func (s *Server) assign(r *http.Request, c dpo.Case, actor string) error {
	to := dpo.PersonName(r.PostFormValue("to")) // "Łukasz" with a keyboard's direction mark is Łukasz
	if to != "" && s.Users != nil {
		users, err := s.Users.Users(r.Context())
		if err != nil {
			return fmt.Errorf("list users to assign %s: %w", c.Ref, err) // the store failed, not the name
		}
		to, err = dpo.Assignee(users, c, to, s.CanonicalOrg)
		if refused := (*dpo.NotAssignableError)(nil); errors.As(err, &refused) {
			return &dpo.FieldError{Field: "assignee", Reason: refused.Error()}
		}
		if err != nil {
			return err
		}
	}
	if was, ok := r.PostForm["was"]; ok && len(was) == 1 {
		// The page says whose case it was when it was loaded: assigning from it must not take the
		// case from someone who took it since, without either knowing (judged in the store).
		_, err := s.Cases.AssignIf(r.Context(), c.Ref, was[0], to, actor)
		return err
	}
	_, err := s.Cases.Assign(r.Context(), c.Ref, to, actor)
	return err
}

// addNote adds a note to the audit trail; from the page (its "seen"), the same note sent twice is
// added once.
func (s *Server) addNote(r *http.Request, c dpo.Case, actor string) error {
	_, err := s.casesSeen(r).AddNote(r.Context(), c.Ref, r.PostFormValue("note"), actor)
	return err
}

// dashError maps a dashboard error to a page.
func (s *Server) dashError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := http.StatusInternalServerError, "Something went wrong. Please try again."
	switch {
	case errors.Is(err, dpo.ErrNotFound):
		code, msg = http.StatusNotFound, "There is no such case on your queue."
	case errors.Is(err, errNoQueue):
		code, msg = http.StatusServiceUnavailable, "No queue is configured for this server."
	case errors.Is(err, errNoQuestionLog):
		code, msg = http.StatusServiceUnavailable, "This server keeps no transcripts to read questions from."
	default:
		s.log().Error("dashboard", "path", r.URL.Path, "err", err)
	}
	data := map[string]any{"Title": "Problem", "Message": msg}
	if sess, ok := r.Context().Value(sessionKey{}).(*dashSession); ok {
		data["User"], data["CSRF"] = sess.user, sess.csrf
	}
	s.render(w, r, code, "error.html", data)
}
