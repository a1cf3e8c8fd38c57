package web_test

// These tests drive the real conversation, the real extractive answerer over the bundled
// notices and a real SQLite queue through the HTTP handler. Importing the index and sqlite
// adapters here (in tests only) is deliberate: the contract under test is what a resident and
// a DPO see over HTTP, end to end.

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/sqlite"
	"github.com/privacybot/privacybot/internal/transcript"
)

// engine is the real answer engine over the bundled notices, shared by the package's tests.
func engine(t testing.TB) (*answer.Composer, *notice.Corpus) {
	e := indextest.Bundled(t)
	return e.Composer, e.Corpus
}

// clock is a settable clock for sessions, the queue and transcripts.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type harness struct {
	srv     *web.Server
	h       http.Handler
	store   *sqlite.Store
	path    string // the store's file, to open it again as a restarted server would
	queue   *dpo.Queue
	clock   *clock
	orgs    []string
	cookies []*http.Cookie
	// submitted counts the requests submit sent, each made different from the last.
	submitted int
}

const (
	mk    = "Milton Keynes City Council"
	bucks = "Buckinghamshire Council"
)

func newHarness(t testing.TB, opts ...func(*web.Server)) *harness {
	t.Helper()
	comp, corp := engine(t)
	path := filepath.Join(t.TempDir(), "queue.db")
	store, err := sqlite.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	clk := &clock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	q := &dpo.Queue{Store: store, Now: clk.Now}
	var orgs []string
	for _, o := range corp.Organisations.All() {
		orgs = append(orgs, o.Name)
	}
	sessions := conversation.NewSessions(time.Hour)
	sessions.Now = clk.Now
	bot := &conversation.Bot{Answerer: comp, Queue: q, Orgs: orgs, Now: clk.Now, Sessions: sessions, Redact: redact.Text,
		Canonical: corp.Organisations.Canonical, Mentioned: corp.Organisations.Mentioned, Closest: corp.Organisations.Closest, Contacts: comp.Contacts} // as privacybot serve wires it
	srv := &web.Server{Bot: bot, Cases: q, Users: store, Transcripts: store, Questions: store, Redact: redact.Text, Notices: corp.Notices,
		Orgs: orgs, CanonicalOrg: corp.Organisations.Canonical, Now: clk.Now, AllowedOrigins: []string{"https://www.milton-keynes.gov.uk"}, RatePerMinute: -1}
	for _, o := range opts {
		o(srv)
	}
	return &harness{srv: srv, h: srv.Handler(), store: store, path: path, queue: q, clock: clk, orgs: orgs}
}

func (h *harness) do(t testing.TB, method, path, body string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if strings.HasPrefix(path, "/api/") {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	for _, c := range h.cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.h.ServeHTTP(rec, req)
	return rec
}

func (h *harness) chat(t testing.TB, session, message string) conversation.Reply {
	t.Helper()
	body, _ := json.Marshal(web.ChatRequest{Session: session, Message: message})
	rec := h.do(t, "POST", "/api/chat", string(body))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var r conversation.Reply
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
	return r
}

// intake answers each intake step the way a resident would until the request is submitted.
func (h *harness) intake(t testing.TB, session, opening string) conversation.Reply {
	t.Helper()
	r := h.chat(t, session, opening)
	require.Equal(t, conversation.KindIntake, r.Kind, r.Answer.Answer)
	answers := map[string]string{
		conversation.StepOrg: "Milton Keynes", conversation.StepName: "Jo Bloggs",
		conversation.StepOnBehalfOf: "Sam Bloggs", conversation.StepContact: "jo.bloggs@example.org",
		conversation.StepService: "council tax", conversation.StepDescription: "A copy of my council tax records",
		conversation.StepConfirm: "yes",
	}
	for i := 0; r.Kind == conversation.KindIntake && i < 12; i++ {
		require.NotNil(t, r.Intake)
		a, ok := answers[r.Intake.Step]
		require.True(t, ok, "unexpected step %q", r.Intake.Step)
		r = h.chat(t, r.Session, a)
	}
	return r
}

func TestChatAnswersWithCitations(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "How long do you keep complaint records?")
	assert.Equal(t, conversation.KindAnswer, r.Kind)
	assert.False(t, r.Abstained)
	assert.NotEmpty(t, r.Citations, "an answer quotes the notices")
	assert.NotEmpty(t, r.Session)
	assert.Equal(t, "How long do you keep complaint records?", r.Question)
	for _, c := range r.Citations {
		assert.NotEmpty(t, c.Excerpt)
		assert.Contains(t, r.Answer.Answer, fmt.Sprintf("[%d]", c.N))
	}
}

func TestFollowUpKeepsTheSession(t *testing.T) {
	h := newHarness(t)
	first := h.chat(t, "", "How long do you keep complaint records?")
	follow := h.chat(t, first.Session, "and for service requests?")
	assert.Equal(t, first.Session, follow.Session, "the follow-up continues the conversation")
	assert.Equal(t, conversation.KindAnswer, follow.Kind)
	assert.False(t, follow.Abstained, follow.Answer.Answer)
	assert.Contains(t, follow.Answer.Answer, "3 years")

	// A follow-up about something the notices don't cover is not answered with the last topic's
	// facts: the bot says so and gives the contact.
	tax := h.chat(t, first.Session, "and for council tax?")
	assert.True(t, tax.Abstained, tax.Answer.Answer)
	assert.NotContains(t, tax.Answer.Answer, "6 years")

	// The same words without the session have no topic to follow up on.
	alone := h.chat(t, "", "and for service requests?")
	assert.NotEqual(t, first.Session, alone.Session)
}

var refRe = regexp.MustCompile(`^DPO-\d{4}-\d{6}$`)

func TestIntakeThroughTheChatGivesAReference(t *testing.T) {
	h := newHarness(t)
	r := h.intake(t, "", "I want a copy of all the data you hold about me")
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	assert.Regexp(t, refRe, r.Reference)
	assert.Contains(t, r.Answer.Answer, r.Reference)

	c, err := h.queue.Get(context.Background(), r.Reference)
	require.NoError(t, err)
	assert.Equal(t, dpo.ChannelWeb, c.Channel)
	assert.Equal(t, "jo.bloggs@example.org", c.Requester.Contact.Value)
	assert.NotContains(t, c.Excerpt, "jo.bloggs@example.org", "the stored excerpt is redacted")
}

// A request's details in the chat may be as long as the request form's description (5,000
// characters, with the first words), in any script and even written as JSON escapes; past that
// the chat says so and asks again, as every channel does. A question stays at 2,000.
func TestChatTakesDetailsAsLongAsTheFormsDescription(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "I want a copy of my data")
	for _, says := range []string{"Milton Keynes", "Jo Bloggs", "jo.bloggs@example.org", "skip"} {
		r = h.chat(t, r.Session, says)
	}
	require.Equal(t, conversation.StepDescription, r.Intake.Step, r.Answer.Answer)
	send := func(escaped string) conversation.Reply {
		rec := h.do(t, "POST", "/api/chat", fmt.Sprintf(`{"session":%q,"message":"%s"}`, r.Session, escaped))
		require.Equal(t, http.StatusOK, rec.Code, "%.300s", rec.Body.String())
		var rep conversation.Reply
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &rep))
		return rep
	}
	over := send(strings.Repeat(`\ud83c\udfe0`, conversation.MaxDescriptionRunes)) // a house, as a surrogate pair: 12 bytes a character
	assert.Equal(t, conversation.KindIntake, over.Kind)
	assert.Contains(t, over.Answer.Answer, "the details are too long (at most 4,975 characters)")

	details := send(strings.Repeat(`y\u0175 `, 1300)) // "yŵ " in Welsh, 3,900 characters
	require.Equal(t, conversation.StepConfirm, details.Intake.Step, "%.300s", details.Answer.Answer)
	submitted := h.chat(t, r.Session, "yes")
	require.Equal(t, conversation.KindSubmitted, submitted.Kind)
	c, err := h.queue.Get(context.Background(), submitted.Reference)
	require.NoError(t, err)
	assert.Contains(t, c.Description, strings.Repeat("yŵ ", 1299))
}

func TestRequestForm(t *testing.T) {
	h := newHarness(t)
	ok := `{"type":"erasure","org":"MK Council","name":"Jo Bloggs","contact":"07700 900123","description":"Delete my old account","idempotency_key":"form-1"}`
	rec := h.do(t, "POST", "/api/request", ok)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var r conversation.Reply
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
	assert.Regexp(t, refRe, r.Reference)
	assert.Equal(t, conversation.KindSubmitted, r.Kind)

	again := h.do(t, "POST", "/api/request", ok)
	var r2 conversation.Reply
	require.NoError(t, json.Unmarshal(again.Body.Bytes(), &r2))
	assert.Equal(t, r.Reference, r2.Reference, "a retried form makes no second case")

	// Sent without a key, the same request twice on one day is one case (a QA pass: two); a
	// different one is another case.
	noKey := `{"type":"access","org":"Bucks","name":"Ann Lee","contact":"ann@example.com","description":"My housing file"}`
	var first, second, third conversation.Reply
	require.NoError(t, json.Unmarshal(h.do(t, "POST", "/api/request", noKey).Body.Bytes(), &first))
	require.NoError(t, json.Unmarshal(h.do(t, "POST", "/api/request", noKey).Body.Bytes(), &second))
	assert.Regexp(t, refRe, first.Reference)
	assert.Equal(t, first.Reference, second.Reference, "a form sent twice makes no second case")
	require.NoError(t, json.Unmarshal(h.do(t, "POST", "/api/request", strings.Replace(noKey, "housing", "council tax", 1)).Body.Bytes(), &third))
	assert.Regexp(t, refRe, third.Reference)
	assert.NotEqual(t, first.Reference, third.Reference, "another request is another case")
	// Once the first is closed, the same request again is a new one (a QA pass: sent to the
	// withdrawn case, it reached no one).
	_, err := h.queue.UpdateStatus(context.Background(), first.Reference, dpo.Change{To: dpo.Withdrawn, Note: "withdrew by phone", Actor: "dpo"})
	require.NoError(t, err)
	var again2 conversation.Reply
	require.NoError(t, json.Unmarshal(h.do(t, "POST", "/api/request", noKey).Body.Bytes(), &again2))
	assert.Regexp(t, refRe, again2.Reference)
	assert.NotEqual(t, first.Reference, again2.Reference, "a new case after the closed one")

	// Another person's request under the same key is not given Jo's reference as if filed.
	other := h.do(t, "POST", "/api/request", `{"type":"access","org":"Bucks","name":"Bo Lee","contact":"bo@example.com","description":"x","idempotency_key":"form-1"}`)
	assert.Equal(t, http.StatusConflict, other.Code, other.Body.String())
	assert.NotContains(t, other.Body.String(), r.Reference)
	// Nor is the same person's request for someone else, or about something else.
	forMum := h.do(t, "POST", "/api/request", `{"type":"erasure","org":"MK Council","name":"Jo Bloggs","contact":"07700 900123","on_behalf_of":"Pat Bloggs","description":"Delete my old account","idempotency_key":"form-1"}`)
	assert.Equal(t, http.StatusConflict, forMum.Code, forMum.Body.String())

	// Nor is a council the bot doesn't serve filed where no DPO looks.
	narnia := h.do(t, "POST", "/api/request", `{"type":"access","org":"Narnia Council","name":"Ann Lee","contact":"ann@example.com","description":"x"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, narnia.Code, narnia.Body.String())
	var ne web.ErrorResponse
	require.NoError(t, json.Unmarshal(narnia.Body.Bytes(), &ne))
	assert.Equal(t, "org", ne.Field)

	bad := h.do(t, "POST", "/api/request", `{"type":"erasure","org":"MK Council","name":"Jo","contact":"nope","description":"x"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, bad.Code)
	var e web.ErrorResponse
	require.NoError(t, json.Unmarshal(bad.Body.Bytes(), &e))
	assert.Equal(t, "contact", e.Field)

	// A field left out is named as the form names it, in words a resident understands.
	noName := h.do(t, "POST", "/api/request", `{"type":"erasure","org":"MK Council","name":"  ","contact":"jo@example.com","description":"x"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, noName.Code)
	require.NoError(t, json.Unmarshal(noName.Body.Bytes(), &e))
	assert.Equal(t, "name", e.Field)
	assert.Equal(t, "Please fill this in.", e.Error)
}

// A request form is refused, with the field and the reason, when a field is over its limit,
// holds a control character (a NUL byte cut "A\u0000B" to "A" in the store) or is a sentence
// for a name; never stored cut or as given. Names, addresses and details of ordinary lengths,
// with line breaks in the details, still go through.
func TestRequestFormRefusesWhatItCantKeep(t *testing.T) {
	h := newHarness(t)
	form := func(name, contact, description string) string {
		b, err := json.Marshal(map[string]string{"type": "access", "org": "MK Council", "name": name, "contact": contact, "description": description})
		require.NoError(t, err)
		return string(b)
	}
	for _, tc := range []struct {
		name, body, field, says string
	}{
		{"a sentence for a name", form("I want to cancel now", "jo@example.com", "x"), "name", "doesn't look like a person's name"},
		{"a name of 5,000 characters", form(strings.Repeat("a", 5000), "jo@example.com", "x"), "name", "at most 200 characters"},
		{"a description of 15,000 characters", form("Jo Bloggs", "jo@example.com", strings.Repeat("word ", 3000)), "description", "at most 5,000 characters"},
		{"a NUL in the name", form("A\u0000B", "jo@example.com", "x"), "name", "control character"},
		{"an escape in the contact", form("Jo Bloggs", "jo@example.com\u001b[2J", "x"), "contact", "control character"},
		{"a NUL in the description", form("Jo Bloggs", "jo@example.com", "my file\u0000"), "description", "control character"},
		{"a direction override in the name", form("Jo \u202eeknalB", "jo@example.com", "x"), "name", "hidden formatting"},
		{"an isolate in the contact", form("Jo Bloggs", "jo@exa\u2066mple.com", "x"), "contact", "hidden formatting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.do(t, "POST", "/api/request", tc.body) // the control characters go as JSON escapes ("\u0000")
			require.Equal(t, http.StatusUnprocessableEntity, rec.Code, rec.Body.String())
			var e web.ErrorResponse
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
			assert.Equal(t, tc.field, e.Field)
			assert.Contains(t, e.Error, tc.says)
		})
	}
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Empty(t, cases, "nothing refused was stored")

	for _, ok := range []string{
		form("Mary-Jo O'Neill", "Flat 2, 14 Church Lane, Wendover, HP22 6AA", "My housing file\n\tand the letters from 2019"),
		form("Can Yılmaz", "07700 900123", strings.Repeat("x", 5000)),
		form(strings.Repeat("a", 200), "jo@example.com", "x"),
		// 5,000 characters in any script, however the JSON writes them, are within the limit.
		form("Zoë Brontë", "07700 900124", strings.Repeat("😀", 5000)),
		form("مهرداد\u200cی", "07700 900126", "x"), // a Persian name with its zero-width non-joiner
		// Invisible marks a keyboard typed are taken out, not refused: the resident can't see them.
		form("Sara\u200f Ahmed", "sara@exa\u200bmple.com", "x"),
		`{"type":"access","org":"MK Council","name":"Zoë Brontë","contact":"07700 900125","description":"` + strings.Repeat(`\ud83d\ude00`, 5000) + `"}`,
	} {
		rec := h.do(t, "POST", "/api/request", ok)
		assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	}
}

func TestChatRejectsBadInput(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		name, body string
		code       int
	}{
		{"not JSON", `hello`, http.StatusBadRequest},
		{"empty message", `{"message":"   "}`, http.StatusBadRequest},
		{"body over the limit", `{"message":"` + strings.Repeat("a", 100<<10) + `"}`, http.StatusRequestEntityTooLarge},
		{"a question over the limit", `{"message":"` + strings.Repeat("a ", 1001) + `"}`, http.StatusRequestEntityTooLarge},
		{"a council the bot doesn't serve", `{"message":"how long do you keep complaints?","org":"Nowhere Council"}`, http.StatusBadRequest},
		{"a message that is no string", `{"message":42}`, http.StatusBadRequest},
		{"a body that is no object", `["how long?"]`, http.StatusBadRequest},
		{"two objects in one body", `{"message":"how long?"} {"message":"delete my data"}`, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.do(t, "POST", "/api/chat", tc.body)
			assert.Equal(t, tc.code, rec.Code, rec.Body.String())
			var e web.ErrorResponse
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
			assert.NotEmpty(t, e.Error)
			switch tc.name {
			case "a question over the limit":
				assert.Contains(t, e.Error, "under 2,000 characters", "the resident is told the limit")
			case "a message that is no string":
				// It is a JSON object: the field is what is wrong.
				assert.Equal(t, `The field "message" must be a string.`, e.Error)
			case "a body that is no object", "not JSON":
				assert.Equal(t, "The request body must be a JSON object.", e.Error)
			case "two objects in one body":
				// The second would be dropped unread: the client is told, not half-served.
				assert.Equal(t, "The request body must be one JSON object, with nothing after it.", e.Error)
			}
		})
	}
}

// A session id the server never issued starts a new conversation whatever its length: a 5 KB id
// was refused as "Unknown session." while a short unknown one was not (a QA pass).
func TestAnUnknownSessionStartsAfreshWhateverItsLength(t *testing.T) {
	h := newHarness(t)
	for _, id := range []string{"abc", strings.Repeat("s", 5<<10)} {
		r := h.chat(t, id, "how long do you keep complaint records?")
		assert.Equal(t, conversation.KindAnswer, r.Kind)
		assert.Len(t, r.Session, 32, "a session the server issued")
		assert.NotEqual(t, id, r.Session)
	}
	rec := h.do(t, "POST", "/api/chat", `{"message":"hello"}`+"\n")
	assert.Equal(t, http.StatusOK, rec.Code, "a body may end in white space")
}

// A widget whose data-org names no council the bot serves says so, and which councils it can be:
// the site's mistake is shown plainly, not as an internal error.
func TestChatNamesTheCouncilsItServesForAnUnknownOrg(t *testing.T) {
	h := newHarness(t)
	rec := h.do(t, "POST", "/api/chat", `{"message":"how long do you keep complaints?","org":"Nowhere Council"}`)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	var e web.ErrorResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
	assert.Contains(t, e.Error, `"Nowhere Council", which is not a council I answer for`)
	assert.Contains(t, e.Error, "Buckinghamshire Council")
	assert.Contains(t, e.Error, "Milton Keynes City Council")
	assert.NotContains(t, e.Error, "etrieve")
	assert.Equal(t, http.StatusOK, h.do(t, "POST", "/api/chat", `{"message":"how long do you keep complaints?","org":"MK Council"}`).Code,
		"any name of a council it serves is fine")
}

func TestStreamSendsDeltaThenAnswer(t *testing.T) {
	h := newHarness(t)
	rec := h.do(t, "POST", "/api/chat/stream", `{"message":"How long do you keep complaint records?"}`)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/event-stream"))
	body := rec.Body.String()
	d, a := strings.Index(body, "event: delta\n"), strings.Index(body, "event: answer\n")
	require.True(t, d >= 0 && a > d, body)
	data := strings.TrimPrefix(strings.SplitN(body[a:], "\n", 3)[1], "data: ")
	var r conversation.Reply
	require.NoError(t, json.Unmarshal([]byte(data), &r))
	assert.NotEmpty(t, r.Citations)
}

func TestRateLimit(t *testing.T) {
	h := newHarness(t, func(s *web.Server) { s.RatePerMinute, s.Burst = 1, 3 })
	for i := 0; i < 3; i++ {
		assert.Equal(t, http.StatusOK, h.do(t, "POST", "/api/chat", `{"message":"How long do you keep complaint records?"}`).Code)
	}
	rec := h.do(t, "POST", "/api/chat", `{"message":"How long do you keep complaint records?"}`)
	assert.Equal(t, http.StatusTooManyRequests, rec.Code)
	assert.NotEmpty(t, rec.Header().Get("Retry-After"))
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/healthz", "").Code, "health checks are not limited")
}

func TestCORSAllowList(t *testing.T) {
	h := newHarness(t)
	msg := `{"message":"How long do you keep complaint records?"}`
	for _, tc := range []struct {
		name, origin string
		code         int
		allow        string
	}{
		{"no origin (curl)", "", http.StatusOK, ""},
		{"same origin", "http://example.com", http.StatusOK, "http://example.com"},
		{"allowed council site", "https://www.milton-keynes.gov.uk", http.StatusOK, "https://www.milton-keynes.gov.uk"},
		{"other site", "https://evil.example", http.StatusForbidden, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hdr []string
			if tc.origin != "" {
				hdr = []string{"Origin", tc.origin}
			}
			rec := h.do(t, "POST", "/api/chat", msg, hdr...)
			assert.Equal(t, tc.code, rec.Code)
			assert.Equal(t, tc.allow, rec.Header().Get("Access-Control-Allow-Origin"))
		})
	}
	pre := h.do(t, "OPTIONS", "/api/chat", "", "Origin", "https://www.milton-keynes.gov.uk", "Access-Control-Request-Method", "POST")
	assert.Equal(t, http.StatusNoContent, pre.Code)
	assert.Contains(t, pre.Header().Get("Access-Control-Allow-Methods"), "POST")
	assert.Equal(t, http.StatusForbidden, h.do(t, "OPTIONS", "/api/chat", "", "Origin", "https://evil.example").Code)
}

func TestSecurityHeaders(t *testing.T) {
	h := newHarness(t)
	for _, path := range []string{"/", "/widget.js", "/privacy", "/dpo/sign-in", "/healthz"} {
		t.Run(path, func(t *testing.T) {
			rec := h.do(t, "GET", path, "")
			require.Equal(t, http.StatusOK, rec.Code)
			csp := rec.Header().Get("Content-Security-Policy")
			assert.Contains(t, csp, "script-src 'self'")
			assert.Contains(t, csp, "frame-ancestors 'none'")
			assert.NotContains(t, csp, "unsafe-inline")
			assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
			assert.Equal(t, "DENY", rec.Header().Get("X-Frame-Options"))
			assert.NotEmpty(t, rec.Header().Get("Referrer-Policy"))
		})
	}
	assert.Equal(t, "cross-origin", h.do(t, "GET", "/widget.js", "").Header().Get("Cross-Origin-Resource-Policy"),
		"council pages on other origins load the widget")
	// Pages have no inline scripts or styles, so the CSP needs no 'unsafe-inline'.
	for _, path := range []string{"/", "/privacy", "/dpo/sign-in"} {
		body := h.do(t, "GET", path, "").Body.String()
		assert.NotRegexp(t, `<script>|<script [^>]*>[^<]|style=|<style`, body, path)
	}
}

func TestHealthReadyAndDrain(t *testing.T) {
	h := newHarness(t)
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/healthz", "").Code)
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/readyz", "").Code)
	h.srv.Drain()
	assert.Equal(t, http.StatusServiceUnavailable, h.do(t, "GET", "/readyz", "").Code, "a draining server leaves the load balancer")
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/healthz", "").Code)
}

func TestNoticesAndOpenAPI(t *testing.T) {
	h := newHarness(t)
	rec := h.do(t, "GET", "/api/notices", "")
	require.Equal(t, http.StatusOK, rec.Code)
	var ns []web.NoticeInfo
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &ns))
	require.NotEmpty(t, ns)
	assert.NotEmpty(t, ns[0].Title)
	assert.NotEmpty(t, ns[0].Organisation)

	spec := h.do(t, "GET", "/api/openapi.yaml", "")
	require.Equal(t, http.StatusOK, spec.Code)
	for _, p := range []string{"/api/chat:", "/api/chat/stream:", "/api/request:", "/api/feedback:", "/api/notices:"} {
		assert.Contains(t, spec.Body.String(), p)
	}
}

func TestMetricsCountWhatHappened(t *testing.T) {
	h := newHarness(t)
	h.chat(t, "", "How long do you keep complaint records?")
	h.intake(t, "", "I want a copy of all the data you hold about me")
	assert.Equal(t, http.StatusNoContent, h.do(t, "POST", "/api/feedback", `{"helpful":true}`).Code)
	assert.Equal(t, http.StatusUnprocessableEntity, h.do(t, "POST", "/api/feedback", `{}`).Code, "a click on neither button is no feedback")
	body := h.do(t, "GET", "/metrics", "").Body.String()
	for _, want := range []string{
		`privacybot_http_requests_total{code="200",route="POST /api/chat"}`,
		`privacybot_http_request_duration_seconds_bucket{route="POST /api/chat",le=`,
		`privacybot_escalations_total{stage="started"} 1`,
		`privacybot_escalations_total{stage="submitted"} 1`,
		`privacybot_feedback_total{channel="web",helpful="true"} 1`,
		`privacybot_chat_abstentions_total`,
		`privacybot_chat_unsure_answers_total 0`,
	} {
		assert.Contains(t, body, want)
	}
}

// Unsure answers are counted apart: many of them say the notices are silent on what residents ask.
func TestMetricsCountUnsureAnswers(t *testing.T) {
	srv := &web.Server{Bot: hostileBot{}, RatePerMinute: -1} // it answers unsure
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for range 2 {
		res, err := http.Post(ts.URL+"/api/chat", "application/json", strings.NewReader(`{"message":"hello"}`))
		require.NoError(t, err)
		var reply map[string]any
		require.NoError(t, json.NewDecoder(res.Body).Decode(&reply))
		res.Body.Close()
		assert.Equal(t, true, reply["hedged"], "the reply carries the flag for the widget")
	}
	res, err := http.Get(ts.URL + "/metrics")
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	assert.Contains(t, string(body), "privacybot_chat_unsure_answers_total 2")
	assert.Contains(t, string(body), "privacybot_chat_abstentions_total 0")
}

func TestTranscriptsAreRedactedAndPurged(t *testing.T) {
	h := newHarness(t, func(s *web.Server) { s.TranscriptDays = 30 })
	ctx := context.Background()
	r := h.chat(t, "", "I'm jo.bloggs@example.org, how long do you keep complaint records?")
	lines, err := h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	require.Len(t, lines, 2, "the question and the answer are kept")
	assert.NotContains(t, lines[0], "jo.bloggs@example.org")
	assert.Contains(t, lines[0], "complaint records")

	h.clock.Add(29 * 24 * time.Hour)
	n, err := h.srv.PurgeTranscripts(ctx)
	require.NoError(t, err)
	assert.Zero(t, n, "kept for 30 days")

	h.clock.Add(2 * 24 * time.Hour)
	n, err = h.srv.PurgeTranscripts(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(2), n)
	lines, err = h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	assert.Empty(t, lines, "purged after 30 days")
}

// An address given without a postcode is stored redacted too: the README's own examples ("22
// Tudeley Hale Fishermead", "Flat 4a The Maltings") were kept in transcripts (a QA pass).
func TestTranscriptsKeepNoAddressWithoutAPostcode(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	for _, say := range []string{
		"address: 22 Tudeley Hale Fishermead. How long do you keep complaint records?",
		"I live at Flat 4a The Maltings, Olney - do you keep CCTV footage?",
		"my address is Rose Cottage, Haddenham, how long do you keep council tax records?",
	} {
		r := h.chat(t, "", say)
		lines, err := h.store.Transcript(ctx, r.Session)
		require.NoError(t, err)
		require.NotEmpty(t, lines)
		all := strings.Join(lines, "\n")
		for _, part := range []string{"Tudeley", "Maltings", "Rose Cottage", "22 ", "4a"} {
			assert.NotContains(t, all, part, say)
		}
		assert.Contains(t, all, "[address]", say)
	}
}

// The names a requester gives while a request is taken are not kept in the transcript, though
// on their own ("Kate Hill") no redactor could tell them from other words.
func TestTranscriptsKeepNoRequestersNames(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	r := h.chat(t, "", "my husband wants a copy of the data you hold about me")
	for _, say := range []string{"Milton Keynes", "Kate Hill", "my mum is Asha Patel", "Katherine Hill", "kate@example.com", "skip",
		"records my social worker Tom Baker wrote about me"} {
		r = h.chat(t, r.Session, say)
	}
	lines, err := h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	require.NotEmpty(t, lines)
	all := strings.Join(lines, "\n")
	for _, name := range []string{"Kate Hill", "Asha Patel", "Katherine", "kate@example.com", "Tom Baker"} {
		assert.NotContains(t, all, name)
	}
	// The message that started the request is the request's own words (often of health or
	// family): kept with the case, not in the transcript, which keeps only that one was started.
	assert.NotContains(t, all, "my husband wants a copy")
	assert.Contains(t, all, transcript.RequestStart)

	// Nor does the reply to it, which says back the name the message gave (a QA pass).
	r = h.chat(t, "", "My name is Li Wei and I live at 5 Park Road, Olney MK46 5AA. Please stop sending me marketing.")
	require.Equal(t, conversation.KindIntake, r.Kind)
	require.Contains(t, r.Answer.Answer, "Li Wei", "the reply says the name back")
	lines, err = h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	assert.NotContains(t, strings.Join(lines, "\n"), "Li Wei")
}

// A question asked without choosing a council but naming one is filed under it, so that
// council's DPO sees what its notices don't answer.
func TestAQuestionNamingACouncilIsFiledUnderIt(t *testing.T) {
	h := newHarness(t)
	h.chat(t, "", "does Buckinghamshire Council sell data to casinos?")
	entries, err := h.store.TranscriptsSince(context.Background(), time.Time{})
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		assert.Equal(t, "Buckinghamshire Council", e.Org, "%s: %q", e.Role, e.Text)
	}
}

// A request's lines are filed under its council once it is chosen, and the reply that sent it is
// kept as sent, not as "the request's next question" (a QA pass read the transcript so).
func TestTranscriptsFileARequestUnderItsCouncilAndSayItWasSent(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "I want a copy of my data")
	for _, say := range []string{"Buckinghamshire", "Kate Hill", "kate@example.com", "skip", "everything", "yes"} {
		r = h.chat(t, r.Session, say)
	}
	require.Equal(t, conversation.KindSubmitted, r.Kind, r.Answer.Answer)
	entries, err := h.store.TranscriptsSince(context.Background(), time.Time{})
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	last := entries[len(entries)-1]
	assert.Equal(t, transcript.RequestSent, last.Text)
	assert.Equal(t, "Buckinghamshire Council", last.Org)
	assert.NotContains(t, last.Text, r.Answer.Request.Type)
}

// --- the DPO dashboard ---

func (h *harness) addUser(t testing.TB, name, password string, orgs ...string) {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	require.NoError(t, err)
	require.NoError(t, h.store.AddUser(context.Background(), name, hash, orgs, h.clock.Now()))
}

func (h *harness) signIn(t testing.TB, name, password string) *httptest.ResponseRecorder {
	t.Helper()
	form := url.Values{"name": {name}, "password": {password}, "next": {"/dpo"}}
	rec := h.do(t, "POST", "/dpo/sign-in", form.Encode(), "Content-Type", "application/x-www-form-urlencoded",
		"Sec-Fetch-Site", "same-origin")
	h.cookies = rec.Result().Cookies()
	return rec
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func (h *harness) csrf(t testing.TB, page string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(h.do(t, "GET", page, "").Body.String())
	require.NotNil(t, m, "no CSRF token on %s", page)
	return m[1]
}

func (h *harness) submit(t testing.TB, org string) string {
	t.Helper()
	h.submitted++ // a different request each time: the same one twice in a day is one case
	return h.request(t, org, fmt.Sprintf("A copy of my records (%d)", h.submitted)).Reference
}

// request sends Jo Bloggs's access request, with a description, through the request form.
func (h *harness) request(t testing.TB, org, description string) conversation.Reply {
	t.Helper()
	body, _ := json.Marshal(conversation.RequestForm{Type: "access", Org: org, Name: "Jo Bloggs",
		Contact: "jo@example.org", Description: description})
	rec := h.do(t, "POST", "/api/request", string(body))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var r conversation.Reply
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
	return r
}

func TestDashboardNeedsSignIn(t *testing.T) {
	h := newHarness(t)
	for _, path := range []string{"/dpo", "/dpo/export.csv", "/dpo/cases/DPO-2026-000001", "/dpo/unanswered", "/dpo/unanswered.csv"} {
		rec := h.do(t, "GET", path, "")
		assert.Equal(t, http.StatusSeeOther, rec.Code, path)
		assert.True(t, strings.HasPrefix(rec.Header().Get("Location"), "/dpo/sign-in?next="), rec.Header().Get("Location"))
	}
	assert.Equal(t, http.StatusForbidden, h.do(t, "POST", "/dpo/cases/DPO-2026-000001/note", "note=x",
		"Content-Type", "application/x-www-form-urlencoded").Code)
	// A note sent after the session ended is not added, and what was typed is put on the page
	// to copy, with a way to sign in back to the case (a QA pass: it was lost).
	rec0 := h.do(t, "POST", "/dpo/cases/DPO-2026-000001/note", "note=Rang+the+requester%3A+ID+%3Cposted%3E+today",
		"Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusForbidden, rec0.Code)
	assert.Contains(t, rec0.Body.String(), "nothing was changed")
	assert.Contains(t, rec0.Body.String(), "Rang the requester: ID &lt;posted&gt; today", "typed text shown, escaped")
	assert.Contains(t, rec0.Body.String(), `href="/dpo/sign-in?next=%2Fdpo%2Fcases%2FDPO-2026-000001"`)
	// An old bookmark's search is not copied into the sign-in page's address (a review); its
	// filters are.
	rec := h.do(t, "GET", "/dpo?status=all&q=Pritchard", "")
	require.Equal(t, http.StatusSeeOther, rec.Code)
	assert.Equal(t, "/dpo/sign-in?next="+url.QueryEscape("/dpo?status=all"), rec.Header().Get("Location"))
}

func TestSignIn(t *testing.T) {
	h := newHarness(t)
	h.addUser(t, "dpo", "correct horse battery", mk)

	bad := h.signIn(t, "dpo", "wrong password")
	assert.Equal(t, http.StatusUnauthorized, bad.Code)
	assert.Empty(t, bad.Result().Cookies())
	assert.Equal(t, http.StatusUnauthorized, h.signIn(t, "nobody", "correct horse battery").Code)

	ok := h.signIn(t, "dpo", "correct horse battery")
	require.Equal(t, http.StatusSeeOther, ok.Code)
	assert.Equal(t, "/dpo", ok.Header().Get("Location"))
	require.Len(t, h.cookies, 1)
	c := h.cookies[0]
	assert.True(t, c.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, c.SameSite)
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/dpo", "").Code)
}

// A refused sign-in is logged with the account tried and where from, so guessing can be seen; a
// name no user has is left out (it may be a password typed in the name box), and so is the
// password.
func TestARefusedSignInIsLoggedWithTheAccountAndClient(t *testing.T) {
	var logged bytes.Buffer
	h := newHarness(t, func(s *web.Server) { s.Log = slog.New(slog.NewTextHandler(&logged, nil)) })
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "wrong password")
	h.signIn(t, "Tr0ub4dor&3", "whatever")
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	require.Len(t, lines, 2, logged.String())
	assert.Contains(t, lines[0], `msg="sign-in refused" user=dpo client=192.0.2.1`)
	assert.Contains(t, lines[1], `msg="sign-in refused" user="(no such user)" client=192.0.2.1`)
	assert.NotContains(t, logged.String(), "Tr0ub4dor")
	assert.NotContains(t, logged.String(), "wrong password")
}

func TestSecureCookieBehindHTTPS(t *testing.T) {
	h := newHarness(t, func(s *web.Server) { s.BaseURL = "https://privacy.example.gov.uk" })
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	require.Len(t, h.cookies, 1)
	assert.True(t, h.cookies[0].Secure)
	assert.True(t, strings.HasPrefix(h.cookies[0].Name, "__Host-"))
}

func TestDashboardChangesNeedTheCSRFToken(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	token := h.csrf(t, page)
	form := "application/x-www-form-urlencoded"

	for _, tc := range []struct {
		name string
		body string
		hdr  []string
		code int
	}{
		{"no token", "note=hello", nil, http.StatusForbidden},
		{"wrong token", "note=hello&csrf=" + strings.Repeat("0", len(token)), nil, http.StatusForbidden},
		{"cross-site with the token", "note=hello&csrf=" + token, []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"the dashboard's own form", "note=Called+the+requester&csrf=" + token, []string{"Sec-Fetch-Site", "same-origin"}, http.StatusSeeOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.do(t, "POST", page+"/note", tc.body, append([]string{"Content-Type", form}, tc.hdr...)...)
			assert.Equal(t, tc.code, rec.Code, rec.Body.String())
		})
	}
	events, err := h.queue.Events(context.Background(), ref)
	require.NoError(t, err)
	var notes []string
	for _, e := range events {
		if e.Kind == dpo.EventNote {
			notes = append(notes, e.Note)
		}
	}
	assert.Equal(t, []string{"Called the requester"}, notes, "only the change with the token was made")
}

func TestCasePageChangesStatusAndExtends(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	token := h.csrf(t, page)
	post := func(path, body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", path, body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	require.Equal(t, http.StatusSeeOther, post(page+"/status", "status=in_progress").Code)
	require.Equal(t, http.StatusSeeOther, post(page+"/extend", "reason=Many+records+across+services").Code)
	assert.Equal(t, http.StatusUnprocessableEntity, post(page+"/status", "status=awaiting_clarification&at=last+tuesday").Code, "a date the form can't read")
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Extended, c.Status)
	assert.Equal(t, "Many records across services", c.ExtensionReason)

	refused := post(page+"/status", "status=received")
	assert.Equal(t, http.StatusConflict, refused.Code, "the rule book refuses going back")

	// A case goes to a dashboard user who sees its council's cases, once.
	h.addUser(t, "bucksdpo", "correct horse battery", bucks)
	assert.Equal(t, http.StatusUnprocessableEntity, post(page+"/assign", "to=Sam+Patel").Code, "no such user")
	assert.Equal(t, http.StatusUnprocessableEntity, post(page+"/assign", "to=bucksdpo").Code, "can't see the case")
	require.Equal(t, http.StatusSeeOther, post(page+"/assign", "to=dpo").Code)
	assert.Equal(t, http.StatusConflict, post(page+"/assign", "to=dpo").Code, "already theirs")
	c, err = h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "dpo", c.AssignedTo)

	body := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, body, "Many records across services", "the audit trail shows the extension")
	assert.Contains(t, body, "assigned to dpo")
	assert.Contains(t, body, "jo@example.org")
}

// The status form chooses no status for the DPO: a note typed and "Change status" pressed used to
// ask for ID (the list's first entry), restarting the month. Now nothing is changed, the DPO is
// told to choose one, and the note is put back.
func TestCasePageStatusFormChoosesNoStatus(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	assert.Regexp(t, `<select id="status" name="status" required><option value="">— choose a status —</option><option value="awaiting_verification">`, loaded,
		"the first choice is none")
	before, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)

	token := h.csrf(t, page)
	for _, tc := range []struct{ name, status string }{{"nothing chosen", ""}, {"blank", "+"}} {
		t.Run(tc.name, func(t *testing.T) {
			rec := h.do(t, "POST", page+"/status", "status="+tc.status+"&note=Rang+the+requester&csrf="+token,
				"Content-Type", "application/x-www-form-urlencoded")
			assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
			assert.Contains(t, rec.Body.String(), "choose the status to change to; nothing was changed")
			assert.Contains(t, rec.Body.String(), `name="note" rows="2">Rang the requester</textarea>`, "what was typed is put back")
		})
	}
	after, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, before.Status, after.Status)
	assert.Equal(t, before.Due, after.Due, "the due date is where it was")
}

// The note form sent twice (a double click, a resubmitted page) adds the note once, and says so,
// keeping what was typed (a QA pass found it added twice).
func TestCasePageAddsANoteSentTwiceOnce(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	m := regexp.MustCompile(`action="/dpo/cases/[^"]+/note" class="stack">\s*<input type="hidden" name="csrf" value="[0-9a-f]+">\s*<input type="hidden" name="seen" value="([^"]+)"`).FindStringSubmatch(loaded)
	require.NotNil(t, m, "the note form says when the page was loaded")
	token := h.csrf(t, page)
	h.clock.Add(time.Minute)
	send := func() *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/note", "note=Rang+the+requester&seen="+url.QueryEscape(html.UnescapeString(m[1]))+"&csrf="+token,
			"Content-Type", "application/x-www-form-urlencoded")
	}
	require.Equal(t, http.StatusSeeOther, send().Code)
	again := send()
	assert.Equal(t, http.StatusConflict, again.Code)
	assert.Contains(t, again.Body.String(), "already has this note from dpo, added at 10:01 after the page was loaded (was the form sent twice?); it was not added again")
	assert.Contains(t, again.Body.String(), `name="note" rows="2" required>Rang the requester</textarea>`, "what was typed is put back")
	events, err := h.queue.Events(context.Background(), ref)
	require.NoError(t, err)
	notes := 0
	for _, e := range events {
		if e.Kind == dpo.EventNote {
			notes++
		}
	}
	assert.Equal(t, 1, notes)
}

// A user is one name ignoring case: "maya patel" assigns the case to Maya Patel, as she spells it;
// a name no user who sees the case has is refused naming those who do (a QA pass: "maya patel"
// was refused, naming nobody).
func TestCasePageAssignsAUserInAnyCase(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.addUser(t, "Maya Patel", "correct horse battery", "*")
	h.addUser(t, "bucksdpo", "correct horse battery", bucks)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	token := h.csrf(t, page)
	post := func(body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/assign", body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	for _, tc := range []struct{ to, says string }{
		{"Maya+Patal", `no dashboard user &#34;Maya Patal&#34; sees Milton Keynes City Council&#39;s cases (the users who do are Maya Patel, dpo)`},
		{"bucksdpo", `no dashboard user &#34;bucksdpo&#34; sees`},
	} {
		refused := post("to=" + tc.to + "&was=")
		assert.Equal(t, http.StatusUnprocessableEntity, refused.Code, tc.to)
		assert.Contains(t, refused.Body.String(), tc.says, tc.to)
		assert.NotContains(t, refused.Body.String(), "are Maya Patel, bucksdpo", "another council's team is not named")
	}
	require.Equal(t, http.StatusSeeOther, post("to=maya+patel&was=").Code)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "Maya Patel", c.AssignedTo, "as the user spells it")
	assert.Equal(t, http.StatusConflict, post("to=MAYA+PATEL&was=Maya+Patel").Code, "already hers, in any case")
}

// A request for what the council holds for a prosecution arrives flagged as possibly a
// law-enforcement (Part 3) one, the resident promised no date: the queue and the case page say
// so, the case is worked to its UK GDPR date meanwhile, and the DPO records the decision there,
// choosing it (none is chosen for them).
func TestCasePageDecidesALawEnforcementRequest(t *testing.T) {
	h := newHarness(t)
	reply := h.request(t, mk, "The file your trading standards officers used to prosecute me")
	assert.Empty(t, reply.Due, "no date is promised before the DPO decides")
	ref := reply.Reference

	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	assert.Contains(t, h.do(t, "GET", "/dpo", "").Body.String(), "possibly law enforcement (Part 3)")
	page := "/dpo/cases/" + ref
	casePage := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, casePage, "possibly law enforcement (Part 3): for the DPO to decide")
	assert.Contains(t, casePage, "Thu 2 Apr 2026", "worked to its UK GDPR date meanwhile")
	assert.Contains(t, casePage, `value="confirm"`)
	assert.NotContains(t, casePage, `value="confirm" checked`, "no decision is made for the DPO")

	token := h.csrf(t, page)
	post := func(body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/part3", body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	assert.Equal(t, http.StatusUnprocessableEntity, post("decision=clear").Code, "a decision needs its reason")
	require.Equal(t, http.StatusSeeOther, post("decision=clear&reason=a+licensing+file%2C+no+prosecution").Code)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.NotLawEnforcement, c.LawEnforcement)
	assert.False(t, c.Due.IsZero(), "the UK GDPR clock applies")
	after := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, after, "a licensing file, no prosecution")
	assert.Contains(t, after, "Record extension")
}

// Confirmed as a law-enforcement (Part 3) request, a case has no UK GDPR date: the case page
// takes the time limit the DPO sets, and the case is then due that day, on the queue too; a UK
// GDPR case offers no such form and is refused one.
func TestCasePageSetsAPart3TimeLimit(t *testing.T) {
	h := newHarness(t) // Monday 2 March 2026
	ref := h.request(t, mk, "The file your trading standards officers used to prosecute me").Reference
	ordinary := h.submit(t, mk)
	_, err := h.queue.MarkLawEnforcement(context.Background(), ref, dpo.LawEnforcementConfirmed, "prosecution file", "lead")
	require.NoError(t, err)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")

	page := "/dpo/cases/" + ref
	before := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, before, "none is set yet")
	assert.Contains(t, before, `action="/dpo/cases/`+ref+`/limit"`)
	assert.Contains(t, h.do(t, "GET", "/dpo", "").Body.String(), "No time limit set yet")
	assert.NotContains(t, h.do(t, "GET", "/dpo/cases/"+ordinary, "").Body.String(), "/limit\"", "a UK GDPR case has its clock")
	// No deadline filter lists it (it has no due date): the queue says so, on every filter.
	overdueView := h.do(t, "GET", "/dpo?due=overdue", "").Body.String()
	assert.Contains(t, overdueView, "1 confirmed law-enforcement (Part 3) request has no time limit set")
	assert.Contains(t, overdueView, `<a href="/dpo/cases/`+ref+`">`)

	token := h.csrf(t, page)
	post := func(path, body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", path+"/limit", body, "Content-Type", "application/x-www-form-urlencoded")
	}
	assert.Equal(t, http.StatusForbidden, post(page, "due=2026-03-20&reason=short").Code, "no CSRF token, no change")
	bad := post(page, "due=20%2F03%2F2026&reason=short&csrf="+token)
	assert.Equal(t, http.StatusUnprocessableEntity, bad.Code)
	assert.Contains(t, bad.Body.String(), "is not a date")
	assert.Equal(t, http.StatusUnprocessableEntity, post(page, "due=2026-03-20&csrf="+token).Code, "a time limit needs its reason")
	early := post(page, "due=2026-03-01&reason=x&csrf="+token)
	assert.Equal(t, http.StatusUnprocessableEntity, early.Code)
	assert.Contains(t, early.Body.String(), "before the request was received")
	decades := post(page, "due=2207-03-20&reason=x&csrf="+token)
	assert.Equal(t, http.StatusUnprocessableEntity, decades.Code, "a year typed wrong (a QA pass)")
	assert.Contains(t, decades.Body.String(), "more than a year after the request was received (2026-03-02); check the year")
	refused := post("/dpo/cases/"+ordinary, "due=2026-03-20&reason=x&csrf="+token)
	assert.Equal(t, http.StatusConflict, refused.Code)
	assert.Contains(t, refused.Body.String(), "it follows the UK GDPR clock")

	status := func() string {
		t.Helper()
		r := h.chat(t, "", ref+" jo@example.org")
		require.Equal(t, conversation.KindStatus, r.Kind, r.Answer.Answer)
		return r.Answer.Answer
	}
	assert.Contains(t, status(), "will confirm the time limit", "no date promised before the DPO sets one")

	done := post(page, "due=2026-03-20&reason=a+short+file%2C+s.45&csrf="+token)
	require.Equal(t, http.StatusSeeOther, done.Code, done.Body.String())
	after := h.do(t, "GET", done.Header().Get("Location"), "").Body.String()
	assert.Contains(t, after, "Time limit recorded.")
	assert.NotContains(t, h.do(t, "GET", "/dpo", "").Body.String(), "no time limit set", "once set, the notice goes")
	assert.Contains(t, after, "Fri 20 Mar 2026, set by the DPO: a short file, s.45")
	assert.Contains(t, after, "Part 3 time limit set: due 2026-03-20: a short file, s.45", "on the audit trail")
	assert.Contains(t, after, "<td>Part 3 time limit set</td>", "the trail's kinds read as words")
	assert.Contains(t, after, "<td>Law enforcement (Part 3) decision</td>", "no status change shown where there was none")
	assert.NotContains(t, after, "time_limit")
	assert.Contains(t, after, `value="2026-03-20"`, "the form offers to change it")
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-20", c.Due.Format(time.DateOnly))
	// The resident checking on it is given the date the DPO set (not the reasoning).
	told := status()
	assert.Contains(t, told, "It is due by Friday 20 March 2026.")
	assert.NotContains(t, told, "confirm the time limit")
	assert.NotContains(t, told, "s.45")

	h.clock.Add(20 * 24 * time.Hour) // Sunday 22 March
	h.signIn(t, "dpo", "correct horse battery")
	overdue := h.do(t, "GET", "/dpo?due=overdue", "").Body.String()
	assert.Contains(t, overdue, ref)
	assert.Contains(t, overdue, "Overdue</strong>")
	assert.NotContains(t, overdue, ordinary)
}

func TestDPOSeesOnlyTheirOrganisations(t *testing.T) {
	h := newHarness(t)
	mine, theirs := h.submit(t, mk), h.submit(t, bucks)
	h.addUser(t, "mkdpo", "correct horse battery", mk)
	h.signIn(t, "mkdpo", "correct horse battery")

	queue := h.do(t, "GET", "/dpo?status=all", "").Body.String()
	assert.Contains(t, queue, mine)
	assert.NotContains(t, queue, theirs)
	assert.Equal(t, http.StatusNotFound, h.do(t, "GET", "/dpo/cases/"+theirs, "").Code)
	token := h.csrf(t, "/dpo/cases/"+mine)
	assert.Equal(t, http.StatusNotFound, h.do(t, "POST", "/dpo/cases/"+theirs+"/note", "note=x&csrf="+token,
		"Content-Type", "application/x-www-form-urlencoded").Code)
	csv := h.do(t, "GET", "/dpo/export.csv?status=all", "").Body.String()
	assert.Contains(t, csv, mine)
	assert.NotContains(t, csv, theirs)
	// A filter the user can't have, or a status that doesn't exist, is said so: not a queue that
	// looks filtered.
	refused := h.do(t, "GET", "/dpo?org="+url.QueryEscape(bucks), "")
	assert.Equal(t, http.StatusBadRequest, refused.Code)
	assert.Contains(t, refused.Body.String(), "see the cases of")
	assert.NotContains(t, refused.Body.String(), mine)
	bogus := h.do(t, "GET", "/dpo?status=bogus", "")
	assert.Equal(t, http.StatusBadRequest, bogus.Code)
	assert.Contains(t, bogus.Body.String(), "There is no status")
	assert.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo/export.csv?status=bogus", "").Code)
	assert.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo?due=bogus", "").Code)

	// Who sees every council is told of a council there isn't, too.
	h.addUser(t, "lead", "correct horse battery", "*")
	h.signIn(t, "lead", "correct horse battery")
	nowhere := h.do(t, "GET", "/dpo?org=Nowhere", "")
	assert.Equal(t, http.StatusBadRequest, nowhere.Code)
	assert.Contains(t, nowhere.Body.String(), "There is no council")
	assert.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo/export.csv?org=Nowhere", "").Code)
}

// ID that arrived by post on Wednesday and is logged on Friday restarts the month on Wednesday:
// the case page takes the day it arrived.
func TestCasePageDatesWhenIDArrived(t *testing.T) {
	h := newHarness(t) // 10:00 on Monday 2 March 2026
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	token := h.csrf(t, page)
	post := func(body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/status", body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	require.Equal(t, http.StatusSeeOther, post("status=awaiting_verification").Code)
	h.clock.Add(4 * 24 * time.Hour) // Friday 6 March
	h.signIn(t, "dpo", "correct horse battery")
	token = h.csrf(t, page)
	require.Equal(t, http.StatusSeeOther, post("status=in_progress&at=2026-03-04").Code)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-07", c.Due.Format(time.DateOnly), "a month from Wednesday 4 March: 4 April is a Saturday, 6 April Easter Monday")
}

// A case page offers only the changes the rule book allows now: an overdue case offers neither
// an ID request nor an extension, which would only be refused.
func TestCasePageOffersOnlyAllowedChanges(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", "*")
	h.signIn(t, "dpo", "correct horse battery")
	fresh := h.do(t, "GET", "/dpo/cases/"+ref, "").Body.String()
	assert.Contains(t, fresh, "Record extension")
	assert.Contains(t, fresh, `value="awaiting_verification"`)

	h.clock.Add(45 * 24 * time.Hour) // past the due date and the first month
	h.signIn(t, "dpo", "correct horse battery")
	overdue := h.do(t, "GET", "/dpo/cases/"+ref, "").Body.String()
	assert.NotContains(t, overdue, "Record extension")
	assert.NotContains(t, overdue, `value="awaiting_verification"`)
	assert.NotContains(t, overdue, `value="awaiting_clarification"`)
	assert.Contains(t, overdue, `value="completed"`)
}

// Two of the team on one case: assigning from a page loaded before the other took it is refused
// (it would take the case from them without either knowing); the trail says whose it was.
func TestCasePageAssignFromAStalePage(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "alice", "correct horse battery", mk)
	h.addUser(t, "bob", "correct horse battery", mk)
	h.signIn(t, "alice", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, loaded, `name="was" value=""`, "the form says who had the case when the page was loaded")
	token := h.csrf(t, page)
	_, err := h.queue.Assign(context.Background(), ref, "bob", "bob") // bob takes it meanwhile
	require.NoError(t, err)

	stale := h.do(t, "POST", page+"/assign", "to=alice&was=&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, stale.Code)
	assert.Contains(t, stale.Body.String(), "is now assigned to bob; look again before changing it")
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "bob", c.AssignedTo, "bob keeps it")

	fresh := h.do(t, "POST", page+"/assign", "to=alice&was=bob&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, fresh.Code, "seen and taken on purpose")
	assert.Contains(t, h.do(t, "GET", page, "").Body.String(), "assigned to alice (was bob)")
}

// A change from a page loaded before a colleague's is refused, so it can't undo theirs unseen: a
// stale "in progress" after a colleague asked for ID would have marked the ID received and given
// the request a new month.
func TestCasePageRefusesAChangeFromAStalePage(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "alice", "correct horse battery", mk)
	h.signIn(t, "alice", "correct horse battery")
	page := "/dpo/cases/" + ref
	loaded := h.do(t, "GET", page, "").Body.String()
	m := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(loaded)
	require.NotNil(t, m, "the forms say when the page was loaded")
	seen := url.QueryEscape(html.UnescapeString(m[1]))
	token := h.csrf(t, page)
	h.clock.Add(time.Hour)
	_, err := h.queue.UpdateStatus(context.Background(), ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "bob"}) // bob asks for ID
	require.NoError(t, err)
	before, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)

	stale := h.do(t, "POST", page+"/status", "status=in_progress&note=picking+it+up&seen="+seen+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, stale.Code)
	assert.Contains(t, stale.Body.String(), "after you looked at it")
	assert.Contains(t, stale.Body.String(), `name="note" rows="2">picking it up</textarea>`, "what was typed is put back, not lost")
	after, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.AwaitingVerification, after.Status, "still waiting for ID")
	assert.Equal(t, before.Due, after.Due, "no new month")
	mangled := h.do(t, "POST", page+"/status", "status=in_progress&seen=yesterday&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, mangled.Code, "a 'seen' that says nothing is no licence to change it unchecked")

	// Looked at again, the change is made: the page's own "seen" matches the case as stored.
	fresh := regexp.MustCompile(`name="seen" value="([^"]+)"`).FindStringSubmatch(h.do(t, "GET", page, "").Body.String())
	require.NotNil(t, fresh)
	ok := h.do(t, "POST", page+"/status", "status=in_progress&note=ID+arrived&seen="+url.QueryEscape(html.UnescapeString(fresh[1]))+"&csrf="+token,
		"Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusSeeOther, ok.Code, ok.Body.String())
	after, err = h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.InProgress, after.Status)
}

// A case closed by mistake is reopened from its page, with a reason; an open case offers no
// reopening.
func TestCasePageReopensAClosedCase(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	assert.NotContains(t, h.do(t, "GET", page, "").Body.String(), "Reopen case", "an open case isn't reopened")
	token := h.csrf(t, page)
	post := func(path, body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+path, body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	require.Equal(t, http.StatusSeeOther, post("/status", "status=completed").Code)
	closed := h.do(t, "GET", page, "").Body.String()
	assert.Contains(t, closed, `action="/dpo/cases/`+ref+`/reopen"`)

	assert.Equal(t, http.StatusUnprocessableEntity, post("/reopen", "note=+").Code, "a reopening needs its reason")
	done := post("/reopen", "note=Closed+the+wrong+case")
	require.Equal(t, http.StatusSeeOther, done.Code)
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.InProgress, c.Status)
	after := h.do(t, "GET", done.Header().Get("Location"), "").Body.String()
	assert.Contains(t, after, "Case reopened.")
	assert.Contains(t, after, "Closed the wrong case", "on the audit trail")
	assert.NotContains(t, after, "Reopen case")
	assert.Equal(t, http.StatusConflict, post("/reopen", "note=again").Code, "an open case isn't reopened")
}

// The queue page's CSV link downloads the cases the page shows, with its filters.
func TestExportLinkKeepsTheFilters(t *testing.T) {
	h := newHarness(t)
	h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", "*")
	h.signIn(t, "dpo", "correct horse battery")
	page := h.do(t, "GET", "/dpo?status=received&due=overdue", "").Body.String()
	m := regexp.MustCompile(`href="(/dpo/export\.csv[^"]*)"`).FindStringSubmatch(page)
	require.NotNil(t, m, "the page links its export")
	link := html.UnescapeString(m[1])
	assert.Equal(t, "/dpo/export.csv?due=overdue&status=received", link)
	csv := h.do(t, "GET", link, "").Body.String()
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(csv), "\n")+1, "the header only: nothing is overdue, as the page says: %s", csv)
}

// The queue says who has each case, and lists everyone's, the signed-in user's, nobody's or a
// named person's; the CSV link downloads the same cases.
func TestQueueFiltersByAssignee(t *testing.T) {
	h := newHarness(t)
	mine, sams, nobodys := h.submit(t, mk), h.submit(t, mk), h.submit(t, mk)
	theirs := h.submit(t, bucks) // assigned to someone the MK DPO must not learn of
	ctx := context.Background()
	for ref, who := range map[string]string{mine: "dpo", sams: "Sam Patel", theirs: "Bucks Person"} {
		_, err := h.queue.Assign(ctx, ref, who, "lead")
		require.NoError(t, err)
	}
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")

	everyone := h.do(t, "GET", "/dpo", "").Body.String()
	assert.Contains(t, everyone, `<th scope="col">Assigned to</th>`)
	assert.Regexp(t, regexp.MustCompile(sams+`</a></th>(?s:.*?)<td>Sam Patel</td>`), everyone, "the row says who has it")
	assert.Regexp(t, regexp.MustCompile(nobodys+`</a></th>(?s:.*?)<td>Nobody yet</td>`), everyone)
	assert.Contains(t, everyone, `<option value="to:Sam Patel" >Sam Patel</option>`, "a named person, from the cases' assignees")
	assert.NotContains(t, everyone, "Bucks Person", "nobody of another council's cases")

	listed := func(query string) []string {
		t.Helper()
		rec := h.do(t, "GET", "/dpo?"+query, "")
		require.Equal(t, http.StatusOK, rec.Code, query)
		var refs []string
		for _, ref := range []string{mine, sams, nobodys, theirs} {
			if strings.Contains(rec.Body.String(), ref) {
				refs = append(refs, ref)
			}
		}
		return refs
	}
	assert.Equal(t, []string{mine, sams, nobodys}, listed(""))
	assert.Equal(t, []string{mine}, listed("assigned=me"))
	assert.Equal(t, []string{nobodys}, listed("assigned=none"))
	assert.Equal(t, []string{sams}, listed("assigned="+url.QueryEscape("to:Sam Patel")))
	assert.Empty(t, listed("assigned="+url.QueryEscape("to:Bucks Person")), "another council's assignee has none of mine")
	assert.Contains(t, h.do(t, "GET", "/dpo?assigned=none", "").Body.String(), `<option value="none" selected>`, "the choice is kept")
	assert.NotContains(t, everyone, `value="to:dpo"`, "the user is offered as me")
	assert.Contains(t, h.do(t, "GET", "/dpo?assigned=to%3Adpo", "").Body.String(), `<option value="me" selected>`)

	bogus := h.do(t, "GET", "/dpo?assigned=sam", "")
	assert.Equal(t, http.StatusBadRequest, bogus.Code)
	assert.Contains(t, bogus.Body.String(), "There is no assignee filter")
	assert.Equal(t, http.StatusBadRequest, h.do(t, "GET", "/dpo/export.csv?assigned=to:", "").Code)

	page := h.do(t, "GET", "/dpo?assigned=me", "").Body.String()
	m := regexp.MustCompile(`href="(/dpo/export\.csv[^"]*)"`).FindStringSubmatch(page)
	require.NotNil(t, m)
	link := html.UnescapeString(m[1])
	assert.Equal(t, "/dpo/export.csv?assigned=me", link)
	rows, err := csv.NewReader(h.do(t, "GET", link, "").Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2, "the header and my case")
	assert.Equal(t, mine, rows[1][0])
}

// The queue page's choice of people and its note of the Part 3 requests with no time limit are
// the user's councils' only, open cases' and closed ones', each person once, in order; asked of
// the store without reading the whole queue.
func TestQueueOffersTheUsersPeopleAndPart3Requests(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	assigned := func(org, who string, edit ...func(ref string)) string {
		ref := h.submit(t, org)
		if who != "" {
			_, err := h.queue.Assign(ctx, ref, who, "lead")
			require.NoError(t, err)
		}
		for _, e := range edit {
			e(ref)
		}
		return ref
	}
	closed := func(ref string) {
		_, err := h.queue.UpdateStatus(ctx, ref, dpo.Change{To: dpo.Completed, Actor: "lead"})
		require.NoError(t, err)
	}
	confirmed := func(ref string) {
		_, err := h.queue.MarkLawEnforcement(ctx, ref, dpo.LawEnforcementConfirmed, "prosecution file", "lead")
		require.NoError(t, err)
	}
	limited := func(ref string) {
		_, err := h.queue.SetTimeLimit(ctx, ref, time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), "a short file", "lead")
		require.NoError(t, err)
	}
	assigned(mk, "Zed Ames")
	assigned(mk, "Ann Lee", closed) // a closed case's person is still one to filter by
	assigned(mk, "Zed Ames")
	mkNeeds := assigned(mk, "", confirmed)
	assigned(mk, "", confirmed, limited)
	assigned(mk, "", confirmed, closed)
	bucksNeeds := assigned(bucks, "Bucks Person", confirmed)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.addUser(t, "lead", "correct horse battery", "*")

	offered := regexp.MustCompile(`<option value="to:([^"]*)"`)
	for _, tc := range []struct {
		user      string
		people    []string
		needLimit []string
	}{
		{"dpo", []string{"Ann Lee", "Zed Ames"}, []string{mkNeeds}},
		{"lead", []string{"Ann Lee", "Bucks Person", "Zed Ames"}, []string{mkNeeds, bucksNeeds}},
	} {
		h.signIn(t, tc.user, "correct horse battery")
		page := h.do(t, "GET", "/dpo", "").Body.String()
		var people []string
		for _, m := range offered.FindAllStringSubmatch(page, -1) {
			people = append(people, html.UnescapeString(m[1]))
		}
		assert.Equal(t, tc.people, people, tc.user)
		note := regexp.MustCompile(`(?s)<div class="needs-limit".*?</div>`).FindString(page)
		assert.Contains(t, note, fmt.Sprintf("%d confirmed law-enforcement (Part 3) request", len(tc.needLimit)), tc.user)
		assert.Equal(t, len(tc.needLimit), strings.Count(note, `<a href="/dpo/cases/`), tc.user)
		for _, ref := range tc.needLimit {
			assert.Contains(t, note, `<a href="/dpo/cases/`+ref+`">`, tc.user)
		}
	}
}

func TestQueueHighlightsOverdueAndDueThisWeek(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", "*")
	h.signIn(t, "dpo", "correct horse battery")
	assert.NotContains(t, h.do(t, "GET", "/dpo", "").Body.String(), "Overdue</strong>")

	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	h.clock.Add(c.Due.Sub(h.clock.Now()) - 3*24*time.Hour)
	assert.Equal(t, http.StatusSeeOther, h.do(t, "GET", "/dpo", "").Code, "a dashboard session expires")
	h.signIn(t, "dpo", "correct horse battery")
	soon := h.do(t, "GET", "/dpo?due=week", "").Body.String()
	assert.Contains(t, soon, ref)
	assert.Contains(t, soon, "Due this week</strong>")

	h.clock.Add(5 * 24 * time.Hour)
	h.signIn(t, "dpo", "correct horse battery")
	overdue := h.do(t, "GET", "/dpo?due=overdue", "").Body.String()
	assert.Contains(t, overdue, ref)
	assert.Contains(t, overdue, "Overdue</strong>")
}

func TestCSVExport(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	rec := h.do(t, "GET", "/dpo/export.csv", "")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv"))
	body, _ := io.ReadAll(rec.Body)
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	require.Len(t, lines, 2)
	assert.Equal(t, strings.Join(dpo.CSVColumns, ","), lines[0], "the columns of privacybot queue export --csv")
	assert.True(t, strings.HasPrefix(lines[1], ref+",access,received,"+mk+",england-and-wales,"), lines[1])
}

// With an answerer that streams, the widget gets the text as it is written, then the whole,
// checked answer as the final event.
func TestStreamPassesModelDeltasOn(t *testing.T) {
	h := newHarness(t, func(s *web.Server) {
		s.Bot.(*conversation.Bot).Answerer = indextest.Streaming{Answerer: s.Bot.(*conversation.Bot).Answerer}
	})
	rec := h.do(t, "POST", "/api/chat/stream", `{"message":"How long do you keep complaint records?"}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	body := rec.Body.String()
	assert.Greater(t, strings.Count(body, "event: delta"), 5)
	require.Equal(t, 1, strings.Count(body, "event: answer"))
	assert.Greater(t, strings.Index(body, "event: answer"), strings.LastIndex(body, "event: delta"), "the answer comes last")
	assert.Contains(t, body[strings.Index(body, "event: answer"):], "6 years")
}

func TestFallbacksAndChannelFeedbackAreCounted(t *testing.T) {
	h := newHarness(t)
	h.srv.CountFallback("unsupported_number")
	h.srv.CountFeedback("slack", false)
	body := h.do(t, "GET", "/metrics", "").Body.String()
	assert.Contains(t, body, `privacybot_model_fallbacks_total{reason="unsupported_number"} 1`)
	assert.Contains(t, body, `privacybot_feedback_total{channel="slack",helpful="false"} 1`)
}

// The DPO sees what residents of their councils asked that the notices don't answer, and can
// download it; another council's questions, answered ones and unscoped ones (unless they see
// every organisation) are not listed.
func TestDashboardListsQuestionsTheNoticesDontAnswer(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	at := h.clock.Now().Add(-time.Hour)
	require.NoError(t, h.store.AppendTranscripts(ctx, []web.TranscriptEntry{
		{Session: "a", Channel: "web", Org: mk, Role: "resident", Text: "how long do you keep CCTV footage?", At: at},
		{Session: "a", Channel: "web", Org: mk, Role: "bot", Text: "The privacy notices I have don't answer that", At: at, Outcome: "abstained"},
		{Session: "b", Channel: "web", Org: bucks, Role: "resident", Text: "do you share my bin photos?", At: at},
		{Session: "b", Channel: "web", Org: bucks, Role: "bot", Text: "The notices may not answer this exactly", At: at, Outcome: "unsure"},
		{Session: "c", Channel: "web", Org: mk, Role: "resident", Text: "how long do you keep complaint records?", At: at},
		{Session: "c", Channel: "web", Org: mk, Role: "bot", Text: "6 years", At: at, Outcome: "answered"},
		{Session: "d", Channel: "web", Role: "resident", Text: "=HYPERLINK(\"x\") what about parking fines?", At: at},
		{Session: "d", Channel: "web", Role: "bot", Text: "The privacy notices I have don't answer that", At: at, Outcome: "abstained"},
	}))
	h.addUser(t, "mkdpo", "correct horse battery", mk)
	require.Equal(t, http.StatusSeeOther, h.signIn(t, "mkdpo", "correct horse battery").Code)
	page := h.do(t, "GET", "/dpo/unanswered", "")
	require.Equal(t, http.StatusOK, page.Code)
	body := page.Body.String()
	assert.Contains(t, body, "how long do you keep CCTV footage?")
	assert.Contains(t, body, "Could not answer")
	assert.NotContains(t, body, "bin photos", "another council's question")
	assert.NotContains(t, body, "complaint records", "an answered question")
	assert.NotContains(t, body, "parking fines", "unscoped: for those who see every organisation")
	assert.Contains(t, body, `<option value="30"`)
	assert.NotContains(t, body, `<option value="90"`, "transcripts are kept 30 days: 90 would show nothing more")

	h.addUser(t, "all", "correct horse battery", "*")
	require.Equal(t, http.StatusSeeOther, h.signIn(t, "all", "correct horse battery").Code)
	csvRec := h.do(t, "GET", "/dpo/unanswered.csv?days=7", "")
	require.Equal(t, http.StatusOK, csvRec.Code)
	rows, err := csv.NewReader(csvRec.Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4, "the header and three unanswered questions")
	var questions []string
	for _, r := range rows[1:] {
		questions = append(questions, r[3])
	}
	assert.Contains(t, questions, "do you share my bin photos?")
	assert.Contains(t, questions, `'=HYPERLINK("x") what about parking fines?`, "a formula is not run by a spreadsheet")

	h.clock.Add(8 * 24 * time.Hour)
	require.Equal(t, http.StatusSeeOther, h.signIn(t, "all", "correct horse battery").Code, "sessions last hours, not days")
	rows, err = csv.NewReader(h.do(t, "GET", "/dpo/unanswered.csv?days=7", "").Body).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 1, "older than the period asked for")
}

// A message answered with the safeguarding reply is not kept in the transcript: a disclosure of
// harm is no question for the DPO's list, and the chat's notice says so.
func TestTranscriptsKeepNoDisclosures(t *testing.T) {
	h := newHarness(t)
	r := h.chat(t, "", "my partner hits me and I'm scared")
	lines, err := h.store.Transcript(context.Background(), r.Session)
	require.NoError(t, err)
	all := strings.Join(lines, "\n")
	assert.NotContains(t, all, "hits me")
	assert.Contains(t, all, transcript.Urgent)
}

// A status check keeps no reference in the transcript: it would tie the conversation to the
// named case (a QA pass found "status of DPO-2026-000001 please" stored as typed).
func TestTranscriptsKeepNoReferences(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	r := h.chat(t, "", "status of "+ref+" please")
	r2 := h.chat(t, r.Session, "jo@example.org")
	require.Equal(t, conversation.KindStatus, r2.Kind, r2.Answer.Answer)
	lines, err := h.store.Transcript(context.Background(), r.Session)
	require.NoError(t, err)
	all := strings.Join(lines, "\n")
	assert.NotContains(t, all, ref)
	assert.Contains(t, all, transcript.StatusCheck)

	// Withdrawing it, or adding to it, names it too (a review).
	for _, says := range []string{"cancel my request " + ref + " please", "can I add my old address to " + ref + "?"} {
		r := h.chat(t, "", says)
		lines, err := h.store.Transcript(context.Background(), r.Session)
		require.NoError(t, err)
		assert.NotContains(t, strings.Join(lines, "\n"), ref, says)
	}
	// A question with no reference is kept as asked; so is a greeting, whose reply shows an
	// example reference (a QA pass found those blanked).
	for _, says := range []string{"how long do you keep complaint records?", "hi", "what can you do?"} {
		r = h.chat(t, "", says)
		lines, err = h.store.Transcript(context.Background(), r.Session)
		require.NoError(t, err)
		assert.Contains(t, strings.Join(lines, "\n"), says)
	}
}

// What the bot quotes from the notices is published, and kept in the transcript as quoted: the
// DPO reviewing it sees which contact was given, not "[name]" and "[phone]" (a QA pass). The
// resident's own words are still redacted.
func TestTranscriptsKeepWhatTheNoticesSay(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	r := h.chat(t, "", "I'm jo.bloggs@example.org, who is the data protection officer at Bucks?")
	require.NotEmpty(t, r.Answer.Citations)
	require.Contains(t, r.Answer.Answer, "Maria Damigos")
	lines, err := h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.NotContains(t, lines[0], "jo.bloggs@example.org")
	assert.Contains(t, lines[1], "Maria Damigos", "the DPO the notice names, as quoted")
}

// The chat's own privacy notice says what is kept and for how long, and, when a language model
// writes the answers, which service is sent the (redacted) questions: "Nothing is shared with
// anyone else" alone would not be true then.
func TestThePrivacyNoticeSaysWhoIsSentWhat(t *testing.T) {
	plain := newHarness(t, func(s *web.Server) { s.TranscriptDays = 14 })
	page := plain.do(t, "GET", "/privacy", "").Body.String()
	assert.Contains(t, page, "<strong>14 days</strong>")
	assert.Contains(t, page, "what they typed is kept with their sign-in so that they can go back to the results: for at most two hours",
		"the DPO dashboard's searches (an hour, purged within the hour after)")
	assert.Contains(t, page, "Nothing is shared with anyone else.")
	assert.NotContains(t, page, "language model")

	withModel := newHarness(t, func(s *web.Server) {
		s.Chat = conversation.ChatFacts{ModelService: "api.example.net", ModelWrites: true}
	})
	page = withModel.do(t, "GET", "/privacy", "").Body.String()
	assert.Contains(t, page, "language model service (api.example.net)")
	assert.Contains(t, page, "personal details removed first")
	assert.Contains(t, page, "writes the chat's answers")

	embeddings := newHarness(t, func(s *web.Server) { s.Chat = conversation.ChatFacts{ModelService: "api.example.net"} })
	page = embeddings.do(t, "GET", "/privacy", "").Body.String()
	assert.Contains(t, page, "helps the chat find the passages")
	assert.NotContains(t, page, "writes the chat")
}

// A case page's address is read as the queue commands read a reference: zeros in front of the
// number, or fewer of them, find the case (a QA pass: "DPO-2026-0000005" was "not found").
func TestACasePageTakesTheReferenceAsTyped(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	require.Equal(t, "DPO-2026-000001", ref)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	for _, typed := range []string{"DPO-2026-000001", "DPO-2026-00001", "dpo-2026-1", "DPO-2026-0000001", "DPO-2026-0000000001"} {
		rec := h.do(t, "GET", "/dpo/cases/"+typed, "")
		assert.Equal(t, http.StatusOK, rec.Code, typed)
		assert.Contains(t, rec.Body.String(), ref, typed)
	}
	assert.Equal(t, http.StatusNotFound, h.do(t, "GET", "/dpo/cases/DPO-2026-00000000001", "").Code, "not any number of digits")
}

// A case is marked withdrawn only with how and when the requester withdrew, and refused only
// with grounds that say something: "." is neither (a QA pass). Nothing changes, and the form
// says what is needed.
func TestCasePageWithdrawalAndRefusalNeedANote(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	page := "/dpo/cases/" + ref
	assert.Contains(t, h.do(t, "GET", page, "").Body.String(), "when withdrawn: how and when the requester withdrew")
	token := h.csrf(t, page)
	post := func(body string) *httptest.ResponseRecorder {
		return h.do(t, "POST", page+"/status", body+"&csrf="+token, "Content-Type", "application/x-www-form-urlencoded")
	}
	for _, tc := range []struct{ body, says string }{
		{"status=withdrawn", "how and when the requester withdrew"},
		{"status=withdrawn&note=+-+", "how and when the requester withdrew"},
		{"status=refused&note=.", "grounds"},
	} {
		rec := post(tc.body)
		assert.Equal(t, http.StatusUnprocessableEntity, rec.Code, tc.body)
		assert.Contains(t, rec.Body.String(), tc.says, tc.body)
	}
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Received, c.Status, "nothing changed")
	require.Equal(t, http.StatusSeeOther, post("status=withdrawn&note="+url.QueryEscape("e-mailed on 2 March to withdraw it")).Code)
	events, err := h.queue.Events(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "e-mailed on 2 March to withdraw it", events[len(events)-1].Note)
}
