package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// apiCall is one call the fake Slack Web API received.
type apiCall struct {
	Method      string
	Channel     string
	ThreadTS    string
	Text        string
	Blocks      string // the blocks' JSON, as Slack would receive it
	UnfurlLinks string
	UnfurlMedia string
	User        string
	TriggerID   string
	View        map[string]any
	TS          string // the ts the fake answered with (for chat.update and chat.delete: the message's)
}

// fakeSlack is a Slack Web API on httptest: it records chat.postMessage, chat.postEphemeral,
// chat.update, chat.delete, views.open and response_url posts, and can answer 429 to the first
// calls of a method.
type fakeSlack struct {
	t   *testing.T
	srv *httptest.Server

	mu          sync.Mutex
	calls       []apiCall
	seq         int
	rateLimited map[string]int // method → how many calls get 429 first
	retryAfter  string
	notIn       map[string]bool // channels the bot isn't in: chat.postMessage fails there
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{t: t, rateLimited: map[string]int{}, retryAfter: "2", notIn: map[string]bool{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/")
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rateLimited[method] > 0 {
		f.rateLimited[method]--
		f.calls = append(f.calls, apiCall{Method: method + " (429)"})
		w.Header().Set("Retry-After", f.retryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	c := apiCall{Method: method}
	switch method {
	case "views.open":
		var req struct {
			TriggerID string         `json:"trigger_id"`
			View      map[string]any `json:"view"`
		}
		require.NoError(f.t, json.Unmarshal(body, &req))
		c.TriggerID, c.View = req.TriggerID, req.View
		f.calls = append(f.calls, c)
		_, _ = io.WriteString(w, `{"ok":true,"view":{"id":"VOPENED"}}`)
		return
	case "response":
		var msg struct {
			Text   string          `json:"text"`
			Blocks json.RawMessage `json:"blocks"`
		}
		require.NoError(f.t, json.Unmarshal(body, &msg))
		c.Text, c.Blocks = msg.Text, unescapedJSON(f.t, string(msg.Blocks))
		f.calls = append(f.calls, c)
		_, _ = io.WriteString(w, `ok`)
		return
	}
	form, err := url.ParseQuery(string(body))
	require.NoError(f.t, err)
	if method == "chat.postMessage" && f.notIn[form.Get("channel")] {
		f.calls = append(f.calls, apiCall{Method: method + " (not_in_channel)", Channel: form.Get("channel")})
		_, _ = io.WriteString(w, `{"ok":false,"error":"not_in_channel"}`)
		return
	}
	c.Channel, c.ThreadTS, c.Text, c.Blocks = form.Get("channel"), form.Get("thread_ts"), form.Get("text"), unescapedJSON(f.t, form.Get("blocks"))
	c.UnfurlLinks, c.UnfurlMedia, c.User = form.Get("unfurl_links"), form.Get("unfurl_media"), form.Get("user")
	if method == "chat.update" || method == "chat.delete" {
		c.TS = form.Get("ts") // an existing message, which keeps its ts
	} else {
		f.seq++
		c.TS = fmt.Sprintf("1800000000.%06d", f.seq)
	}
	f.calls = append(f.calls, c)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": c.Channel, "ts": c.TS, "message_ts": c.TS})
}

// unescapedJSON re-encodes JSON without Go's \u003c escapes, so tests can look for "<@U1>".
func unescapedJSON(t *testing.T, s string) string {
	if s == "" {
		return ""
	}
	var v any
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return strings.TrimSpace(b.String())
}

// posts returns the recorded calls of a method.
func (f *fakeSlack) posts(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// inThread returns the chat.postMessage calls in a channel's thread.
func (f *fakeSlack) inThread(channel, ts string) []apiCall {
	var out []apiCall
	for _, c := range f.posts("chat.postMessage") {
		if c.Channel == channel && c.ThreadTS == ts {
			out = append(out, c)
		}
	}
	return out
}

// waitFor polls until cond holds (bounded), failing the test otherwise.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, 20*time.Second, 10*time.Millisecond, what)
}

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// sign returns the headers Slack sends with body, signed at ts with secret.
func sign(secret string, ts time.Time, body string) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// send posts body to path on the app's routes with the given headers.
func send(t *testing.T, handler http.Handler, path, body string, h http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	for k, v := range h {
		req.Header[k] = v
	}
	if path != "/slack/events" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	return rec
}

// sharedEngine is the real answer engine over the bundled notices, as cmd/privacybot's
// openEngine builds it, shared by the package's tests.
func sharedEngine(t *testing.T) answer.Answerer { return indextest.Bundled(t).Composer }

var testOrgs = []string{"Milton Keynes City Council", "Buckinghamshire Council"}

// harness is an App wired to the real engine, a real conversation, a SQLite queue and a fake
// Slack Web API.
type harness struct {
	app   *App
	slack *fakeSlack
	queue *dpo.Queue
	store *sqlite.Store
	mux   *http.ServeMux
}

func newHarness(t *testing.T, edit func(*Config)) *harness {
	t.Helper()
	return newHarnessWith(t, sharedEngine(t), edit)
}

// newHarnessWith is newHarness with another answer engine (one that streams, say).
func newHarnessWith(t *testing.T, engine answer.Answerer, edit func(*Config)) *harness {
	t.Helper()
	f := newFakeSlack(t)
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "queue.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })
	queue := dpo.NewQueue(store)
	bot := &conversation.Bot{
		Answerer: engine,
		Queue:    queue,
		Region:   deadline.EnglandAndWales,
		Orgs:     testOrgs,
		Now:      time.Now,
		Sessions: conversation.NewSessions(time.Hour),
	}
	cfg := Config{
		BotToken:      "xoxb-test",
		SigningSecret: testSecret,
		DPOChannel:    "CDPO",
		Orgs:          testOrgs,
		BaseURL:       "https://privacy.example.gov.uk",
		APIURL:        f.srv.URL + "/",
		Log:           slog.New(slog.NewTextHandler(testWriter{t}, nil)),
		Workers:       1, // one worker answers in order, so "no duplicate" can be checked without sleeping
	}
	if edit != nil {
		edit(&cfg)
	}
	app, err := New(cfg, bot, queue)
	require.NoError(t, err)
	app.sleep = func(context.Context, time.Duration) error { return nil }
	t.Cleanup(func() { _ = app.Close() })
	mux := http.NewServeMux()
	app.Routes(mux)
	return &harness{app: app, slack: f, queue: queue, store: store, mux: mux}
}

// signedSend signs body now and posts it.
func (h *harness) signedSend(t *testing.T, path, body string) *httptest.ResponseRecorder {
	return send(t, h.mux, path, body, sign(testSecret, time.Now(), body))
}

// testWriter sends the app's log to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// interaction builds the form body Slack posts to /slack/interactions.
func interaction(t *testing.T, payload map[string]any) string {
	b, err := json.Marshal(payload)
	require.NoError(t, err)
	return url.Values{"payload": {string(b)}}.Encode()
}

// blocksOf decodes the blocks of a recorded call.
func blocksOf(t *testing.T, c apiCall) []map[string]any {
	t.Helper()
	var out []map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.Blocks), &out), c.Blocks)
	return out
}
