// Package web is privacybot's HTTP channel: the public chat API (/api/chat, its server-sent-events
// variant, /api/request, /api/feedback, /api/notices), the embeddable chat widget and its demo
// page, the bot's own privacy notice, the DPO dashboard (sign-in, queue, case pages, CSV export),
// health and readiness checks and Prometheus metrics — and what protects them: per-client rate
// limits, body limits, a CORS allow-list, security headers and a Content-Security-Policy, CSRF
// protection on every change.
//
// It holds no conversation logic: it translates HTTP into conversation.Turn and renders the
// Reply. It imports the domain (answer, conversation, dpo, notice) and the redact support
// package; never a database, another adapter or a chat-platform library. Storage comes in
// through the small interfaces declared here.
package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/notice"
)

//go:embed static templates openapi.yaml
var assets embed.FS

// Bot is the conversation behind the chat API; *conversation.Bot is one.
type Bot interface {
	Reply(ctx context.Context, t conversation.Turn) (conversation.Reply, error)
	SubmitForm(ctx context.Context, f conversation.RequestForm) (conversation.Reply, error)
}

// streamingBot is a Bot that can pass an answer's text on as it is written;
// *conversation.Bot is one.
type streamingBot interface {
	ReplyStream(ctx context.Context, t conversation.Turn, onDelta func(string)) (conversation.Reply, error)
}

// CountFeedback records a verdict on an answer from any channel (the widget, Slack, Discord).
func (s *Server) CountFeedback(channel string, helpful bool) {
	s.init()
	s.metrics.feedback(channel, helpful)
}

// CountFallback records a generated answer replaced by the extractive one, with the reason
// ("timeout", "unsupported_number", …).
func (s *Server) CountFallback(reason string) {
	s.init()
	s.metrics.fallbacks.WithLabelValues(reason).Inc()
}

// Cases is what the dashboard does with the DPO's queue; *dpo.Queue is one.
type Cases interface {
	List(ctx context.Context, f dpo.Filter) ([]dpo.Case, error)
	// Assignees are the names the cases f selects are assigned to, sorted (dpo.Store.Assignees).
	Assignees(ctx context.Context, f dpo.Filter) ([]string, error)
	Get(ctx context.Context, ref string) (dpo.Case, error)
	Events(ctx context.Context, ref string) ([]dpo.Event, error)
	UpdateStatus(ctx context.Context, ref string, ch dpo.Change) (dpo.Case, error)
	Extend(ctx context.Context, ref, reason, actor string) (dpo.Case, error)
	AddNote(ctx context.Context, ref, note, actor string) (dpo.Case, error)
	MarkLawEnforcement(ctx context.Context, ref string, to dpo.LawEnforcement, reason, actor string) (dpo.Case, error)
	SetTimeLimit(ctx context.Context, ref string, due time.Time, reason, actor string) (dpo.Case, error)
	Reopen(ctx context.Context, ref, note, actor string) (dpo.Case, error)
	// Retype corrects the type of request a case was filed as (dpo.Case.Retype).
	Retype(ctx context.Context, ref string, to dpo.RequestType, reason, actor string) (dpo.Case, error)
	AssignIf(ctx context.Context, ref, was, to, actor string) (dpo.Case, error)
	// Seen is the queue for a change by someone who looked at the case at seen.
	Seen(seen time.Time) *dpo.Queue
	Assign(ctx context.Context, ref, to, actor string) (dpo.Case, error)
}

// Users looks up a dashboard user: their bcrypt hash and the organisations whose cases they see
// ("*" for all). An unknown name is an error wrapping fs.ErrNotExist. Users lists them all (no
// hashes), for choosing whom a case is given to.
type Users interface {
	LookupUser(ctx context.Context, name string) (hash []byte, orgs []string, err error)
	Users(ctx context.Context) ([]dpo.User, error)
}

// Transcripts keeps redacted lines of web conversations and forgets them after a while. A
// store is one; a TranscriptWriter in front of a store takes the writes off the request path.
type Transcripts interface {
	AppendTranscripts(ctx context.Context, entries []TranscriptEntry) error
	PurgeTranscripts(ctx context.Context, before time.Time) (int64, error)
}

// Server is the web channel. Fill the fields, then call Handler; the zero values of the optional
// fields are safe defaults.
type Server struct {
	Bot   Bot
	Cases Cases // nil: the dashboard says no queue is configured
	Users Users // nil: nobody can sign in
	// Sessions keeps the dashboard's sign-in sessions and their searches (the store, so that
	// every replica accepts them and a restart signs nobody out); nil keeps them in this
	// process's memory.
	Sessions SessionStore
	// Transcripts, when set, receives every web exchange redacted by Redact. In production it
	// is a TranscriptWriter, so no request waits for a commit.
	Transcripts Transcripts
	// Questions reads the transcripts back for the dashboard's page of questions the notices
	// don't answer (the store); nil: the page says none are configured.
	Questions QuestionLog
	// Redact removes personal data before a transcript line is stored (in production the
	// conversation's own: redact.Text keeping the names the notices publish).
	Redact func(string) string
	// Chat is what the chat's own privacy notice says of the language model, if one is used.
	Chat conversation.ChatFacts
	// TranscriptDays is how long transcripts are kept (PRIVACYBOT_TRANSCRIPT_DAYS); default 30.
	TranscriptDays int
	Notices        []notice.Notice
	Orgs           []string // the organisations the bot serves, for forms and filters
	// CanonicalOrg maps any name of an organisation ("MK Council") to its canonical name, so a
	// widget's data-org, a case and a DPO's organisations compare equal; nil compares as given.
	CanonicalOrg func(name string) (string, bool)
	// AllowedOrigins may call the API from the browser (the council sites embedding the widget);
	// "*" allows any. The server's own origin is always allowed.
	AllowedOrigins []string
	// BaseURL is the public URL of the server (PRIVACYBOT_BASE_URL); https:// turns on HSTS and
	// __Host- cookies.
	BaseURL string
	// RatePerMinute and Burst limit each client's API calls; 0 means 60 a minute with bursts of
	// 20, a negative RatePerMinute turns the limit off (load tests).
	RatePerMinute float64
	Burst         int
	// TrustedProxies are the reverse proxies (PRIVACYBOT_TRUSTED_PROXIES) whose X-Forwarded-For
	// is believed when rate limiting; empty means the connection's own address is the client.
	TrustedProxies []netip.Prefix
	// BadInput reports errors from the answerer that are the asker's fault (an unknown
	// organisation), mapped to 400. answer's own input errors are always 400.
	BadInput func(error) bool
	// Ready reports whether the dependencies answer (the store); nil means ready.
	Ready func(ctx context.Context) error
	Now   func() time.Time
	Log   *slog.Logger
	// Registry receives the metrics; nil makes a private one (served at /metrics either way).
	Registry *prometheus.Registry

	initOnce    sync.Once
	metrics     *metrics
	limiter     *limiter
	memSessions *memSessions
	tmpl        *template.Template
	draining    atomic.Bool
}

// Drain marks the server as shutting down: /readyz fails so a load balancer stops sending
// traffic, while requests in flight finish.
func (s *Server) Drain() { s.draining.Store(true) }

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.DiscardHandler)
}

func (s *Server) transcriptDays() int {
	if s.TranscriptDays > 0 {
		return s.TranscriptDays
	}
	return DefaultTranscriptDays
}

// DefaultTranscriptDays is how long redacted transcripts are kept when PRIVACYBOT_TRANSCRIPT_DAYS
// doesn't say.
const DefaultTranscriptDays = 30

// canonical is the canonical name of an organisation, or the name as given when unknown.
func (s *Server) canonical(name string) string {
	c, _ := s.canonicalKnown(name)
	return c
}

// canonicalKnown is an organisation's canonical name, and whether it is one the bot serves
// (always, without CanonicalOrg).
func (s *Server) canonicalKnown(name string) (string, bool) {
	if s.CanonicalOrg == nil {
		return name, true
	}
	if c, ok := s.CanonicalOrg(name); ok {
		return c, true
	}
	return name, false
}

func (s *Server) secure() bool { return strings.HasPrefix(s.BaseURL, "https://") }

// Handler returns the whole site. mount adds other channels' routes (Slack, Discord) to the same
// mux; they get the security headers but not the browser-facing CORS and rate limits, since
// they verify their own signatures.
func (s *Server) Handler(mount ...func(*http.ServeMux)) http.Handler {
	s.init()
	mux := http.NewServeMux()
	api := func(pattern string, h http.HandlerFunc) {
		s.route(mux, pattern, s.limit(s.cors(h)))
	}
	api("POST /api/chat", s.handleChat)
	api("POST /api/chat/stream", s.handleChatStream)
	api("POST /api/request", s.handleRequest)
	api("POST /api/feedback", s.handleFeedback)
	api("GET /api/notices", s.handleNotices)
	api("OPTIONS /api/", s.handlePreflight)
	s.route(mux, "GET /api/openapi.yaml", s.handleOpenAPI)
	s.route(mux, "GET /healthz", s.handleHealth)
	s.route(mux, "GET /readyz", s.handleReady)
	s.route(mux, "GET /metrics", s.handleMetrics)
	s.route(mux, "GET /{$}", s.handleStatic("static/demo.html", "text/html; charset=utf-8"))
	s.route(mux, "GET /widget.js", s.handleStatic("static/widget.js", "text/javascript; charset=utf-8"))
	s.route(mux, "GET /widget.css", s.handleStatic("static/widget.css", "text/css; charset=utf-8"))
	s.route(mux, "GET /dashboard.css", s.handleStatic("static/dashboard.css", "text/css; charset=utf-8"))
	s.route(mux, "GET /privacy", s.handlePrivacy)
	s.dashboardRoutes(mux)
	for _, m := range mount {
		m(mux)
	}
	return s.headers(mux)
}

func (s *Server) init() { s.initOnce.Do(s.initFields) }

func (s *Server) initFields() {
	if s.metrics == nil {
		if s.Registry == nil {
			s.Registry = prometheus.NewRegistry()
		}
		s.metrics = newMetrics(s.Registry)
	}
	if s.limiter == nil {
		per, burst := s.RatePerMinute, s.Burst
		if per == 0 {
			per = 60
		}
		if burst <= 0 {
			burst = 20
		}
		lim := rate.Limit(per / 60)
		if per < 0 {
			lim = rate.Inf
		}
		s.limiter = newLimiter(lim, burst)
	}
	if s.memSessions == nil {
		s.memSessions = newMemSessions()
	}
	if s.tmpl == nil {
		s.tmpl = template.Must(template.New("").Funcs(templateFuncs).ParseFS(assets, "templates/*.html"))
	}
}

// route registers h under pattern, counting its requests and timing them under that pattern.
func (s *Server) route(mux *http.ServeMux, pattern string, h http.HandlerFunc) {
	mux.Handle(pattern, s.metrics.instrument(pattern, h))
}

func (s *Server) handleStatic(name, contentType string) http.HandlerFunc {
	body, err := fs.ReadFile(assets, name)
	if err != nil {
		panic("web: missing embedded " + name) // a broken build, not bad input
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "public, max-age=300")
		if name == "static/widget.js" || name == "static/widget.css" {
			// Council pages on other origins load these.
			w.Header().Set("Cross-Origin-Resource-Policy", "cross-origin")
		}
		_, _ = w.Write(body)
	}
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	body, _ := assets.ReadFile("openapi.yaml")
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	_, _ = w.Write(body)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.draining.Load() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	if s.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Ready(ctx); err != nil {
			s.log().Warn("not ready", "err", err)
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
	}
	_, _ = w.Write([]byte("ready\n"))
}

func (s *Server) handlePrivacy(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "privacy.html", map[string]any{
		"Title": "How this chat uses your information",
		"Days":  s.transcriptDays(),
		"Orgs":  s.Orgs,
		"Model": s.Chat, // a language model the answers are written with, if any
	})
}

// render executes a template into a buffer first, so a failure becomes a clean 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, data map[string]any) {
	var b strings.Builder
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		s.log().Error("render", "template", name, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(b.String()))
}

// errNoQueue is shown when the dashboard has no queue behind it.
var errNoQueue = errors.New("no queue configured")
