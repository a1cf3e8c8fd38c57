package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// call is one request the fake Discord REST API received.
type call struct {
	Method string
	Path   string
	Query  string
	Body   map[string]any
	Raw    []byte
	Header http.Header
}

// fakeDiscord is Discord's REST API as far as the adapter uses it. Tests that use it change
// discordgo's package-level endpoints, so they must not run in parallel.
type fakeDiscord struct {
	srv *httptest.Server

	mu    sync.Mutex
	calls []call
	// limited is how many 429s to answer on the next matching request paths, before succeeding.
	limited map[string]int
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{limited: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)

	saved := []*string{&discordgo.EndpointDiscord, &discordgo.EndpointAPI, &discordgo.EndpointWebhooks,
		&discordgo.EndpointApplications, &discordgo.EndpointChannels, &discordgo.EndpointUsers, &discordgo.EndpointGuilds}
	old := make([]string, len(saved))
	for i, p := range saved {
		old[i] = *p
	}
	t.Cleanup(func() {
		for i, p := range saved {
			*p = old[i]
		}
	})
	// The derived endpoints are computed once at package init, so each one used is set here.
	discordgo.EndpointDiscord = f.srv.URL + "/"
	discordgo.EndpointAPI = discordgo.EndpointDiscord + "api/v" + discordgo.APIVersion + "/"
	discordgo.EndpointWebhooks = discordgo.EndpointAPI + "webhooks/"
	discordgo.EndpointApplications = discordgo.EndpointAPI + "applications"
	discordgo.EndpointChannels = discordgo.EndpointAPI + "channels/"
	discordgo.EndpointUsers = discordgo.EndpointAPI + "users/"
	discordgo.EndpointGuilds = discordgo.EndpointAPI + "guilds/"
	return f
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	c := call{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/api/v"+discordgo.APIVersion), Query: r.URL.RawQuery, Raw: raw, Header: r.Header.Clone()}
	if len(raw) > 0 {
		var body any
		if err := json.Unmarshal(raw, &body); err == nil {
			if m, ok := body.(map[string]any); ok {
				c.Body = m
			}
		}
	}
	f.mu.Lock()
	key := c.Method + " " + c.Path
	if n := f.limited[key]; n > 0 {
		f.limited[key] = n - 1
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "0.01")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"message":"You are being rate limited.","retry_after":0.01,"global":false}`))
		return
	}
	f.calls = append(f.calls, c)
	seq := len(f.calls)
	f.mu.Unlock()

	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(c.Path, "/callback"), strings.HasSuffix(c.Path, "/typing"):
		w.WriteHeader(http.StatusNoContent)
	case c.Method == http.MethodPut && strings.HasSuffix(c.Path, "/commands"):
		var cmds []map[string]any
		_ = json.Unmarshal(raw, &cmds)
		for i, cmd := range cmds {
			cmd["id"] = strconv.Itoa(1000 + i)
		}
		_ = json.NewEncoder(w).Encode(cmds)
	default: // a message: an edit, a follow-up, a channel message
		msg := map[string]any{"id": strconv.Itoa(2000 + seq), "channel_id": "c1"}
		for k, v := range c.Body {
			msg[k] = v
		}
		_ = json.NewEncoder(w).Encode(msg)
	}
}

// rateLimit makes the next n requests with this method and path get a 429.
func (f *fakeDiscord) rateLimit(method, path string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limited[method+" "+path] = n
}

// received returns the calls made so far whose method matches and whose path contains part.
func (f *fakeDiscord) received(method, part string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.Method == method && strings.Contains(c.Path, part) {
			out = append(out, c)
		}
	}
	return out
}

// testAnswerer is the real answer engine over the bundled notices, shared by the package's tests.
func testAnswerer(t *testing.T) (*answer.Composer, []string) {
	e := indextest.Bundled(t)
	return e.Composer, e.Orgs
}

// harness is an App over a real conversation, a real SQLite queue and the fake Discord.
type harness struct {
	app     *App
	fake    *fakeDiscord
	store   *sqlite.Store
	bot     *conversation.Bot
	pub     ed25519.PublicKey
	priv    ed25519.PrivateKey
	now     time.Time
	handler http.Handler
	mu      sync.Mutex
	helpful []bool
}

const testOrg = "Milton Keynes Council"

func newHarness(t *testing.T) *harness {
	t.Helper()
	fake := newFakeDiscord(t)
	comp, orgs := testAnswerer(t)
	store, err := sqlite.Open(t.TempDir() + "/q.db")
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	h := &harness{fake: fake, store: store, now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	h.pub, h.priv, err = ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	h.bot = newBot(comp, orgs, store, func() time.Time { return h.now })
	s, err := discordgo.New("")
	require.NoError(t, err)
	h.app, err = New(Options{
		Bot: h.bot, Session: s, PublicKey: hex.EncodeToString(h.pub),
		ChannelOrgs: "c1=" + testOrg, Orgs: orgs,
		OnFeedback: func(helpful bool) { h.mu.Lock(); h.helpful = append(h.helpful, helpful); h.mu.Unlock() },
		Now:        func() time.Time { return h.now },
	})
	require.NoError(t, err)
	t.Cleanup(func() { h.app.Close() })
	mux := http.NewServeMux()
	h.app.Routes(mux)
	h.handler = mux
	return h
}

func newBot(comp *answer.Composer, orgs []string, store *sqlite.Store, now func() time.Time) *conversation.Bot {
	q := dpo.NewQueue(store)
	q.Now = now
	sessions := conversation.NewSessions(time.Hour)
	sessions.Now = now
	return &conversation.Bot{Answerer: comp, Queue: q, Orgs: orgs, Now: now, Sessions: sessions}
}

// post sends a body to the interactions endpoint signed at the harness's time with its key.
func (h *harness) post(t *testing.T, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	return h.postSigned(t, body, h.priv, h.now)
}

func (h *harness) postSigned(t *testing.T, body []byte, key ed25519.PrivateKey, at time.Time) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.handler.ServeHTTP(rec, signedRequest(t, body, key, at))
	return rec
}

// snowflake makes a Discord id for an event at t (the n distinguishes events in the same ms).
func snowflake(t time.Time, n int) string {
	return strconv.FormatInt((t.UnixMilli()-1420070400000)<<22|int64(n), 10)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// slashCommand is a /privacy interaction as Discord sends it.
func slashCommand(t *testing.T, id, channel, question string) []byte {
	return mustJSON(t, map[string]any{
		"id": id, "application_id": "app1", "type": 2, "token": "token-" + id, "version": 1,
		"channel_id": channel, "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "u1", "username": "resident"}},
		"data": map[string]any{"id": "cmd1", "name": "privacy", "type": 1,
			"options": []any{map[string]any{"name": "question", "type": 3, "value": question}}},
	})
}

// modalSubmit is a submitted request form as Discord sends it.
func modalSubmit(t *testing.T, id string, fields map[string]string) []byte {
	var rows []any
	for k, v := range fields {
		rows = append(rows, map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 4, "custom_id": k, "value": v}}})
	}
	return mustJSON(t, map[string]any{
		"id": id, "application_id": "app1", "type": 5, "token": "token-" + id, "version": 1,
		"channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "u1", "username": "resident"}},
		"data":   map[string]any{"custom_id": idForm, "components": rows},
	})
}

func buttonClick(t *testing.T, id, customID string) []byte {
	return mustJSON(t, map[string]any{
		"id": id, "application_id": "app1", "type": 3, "token": "token-" + id, "version": 1,
		"channel_id": "c1", "guild_id": "g1",
		"member":  map[string]any{"user": map[string]any{"id": "u1", "username": "resident"}},
		"message": map[string]any{"id": "m1", "channel_id": "c1"},
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
	})
}

func (h *harness) cases(t *testing.T) []dpo.Case {
	t.Helper()
	cs, err := h.store.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	return cs
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func readCloser(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

// signedRequest is a POST to the interactions endpoint signed with key at time at.
func signedRequest(t *testing.T, body []byte, key ed25519.PrivateKey, at time.Time) *http.Request {
	t.Helper()
	ts := strconv.FormatInt(at.Unix(), 10)
	req := httptest.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return req
}
