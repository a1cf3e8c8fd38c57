// Package slack is privacybot's Slack channel: staff ask with /privacy, by mentioning the bot or
// in a direct message and get cited answers in a thread; "Raise a request with the DPO" opens a
// modal whose submission becomes a case; the DPO's channel gets each new case (as a dpo.Notifier)
// and a morning digest of overdue and due-soon cases.
//
// It is thin: it verifies Slack's signatures, drops Slack's retries, acknowledges within Slack's
// three seconds, translates events into conversation.Turn and renders conversation.Reply as Block
// Kit. When a language model writes the answer, it is shown as it is written and then edited into
// the final, checked answer (stream.go). Both transports share that code: the HTTP Events API
// (Routes) and Socket Mode (RunSocketMode). Message text is never logged.
//
// It imports the domain (answer, conversation, dpo, rights, deadline) and slack-go; it must not
// import another adapter (a database, the web channel, the language model).
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// Conversation is what the channel asks of the bot; *conversation.Bot is one.
type Conversation interface {
	Reply(ctx context.Context, t conversation.Turn) (conversation.Reply, error)
	SubmitForm(ctx context.Context, f conversation.RequestForm) (conversation.Reply, error)
}

// Cases is what the DPO channel's buttons and digest need from the queue; *dpo.Queue is one.
type Cases interface {
	Get(ctx context.Context, ref string) (dpo.Case, error)
	List(ctx context.Context, f dpo.Filter) ([]dpo.Case, error)
	Assign(ctx context.Context, ref, to, actor string) (dpo.Case, error)
	UpdateStatus(ctx context.Context, ref string, ch dpo.Change) (dpo.Case, error)
	Events(ctx context.Context, ref string) ([]dpo.Event, error)
}

// Config is what the Slack channel needs; cmd/privacybot fills it from the environment.
type Config struct {
	BotToken      string // SLACK_BOT_TOKEN (xoxb-…): every Web API call
	AppToken      string // SLACK_APP_TOKEN (xapp-…): Socket Mode only
	SigningSecret string // SLACK_SIGNING_SECRET: the HTTP Events API only
	// DPOChannel is the channel ID new cases and the digest are posted to; empty turns both off.
	DPOChannel string
	// ChannelOrgs scopes a channel to one organisation's notices (see ParseChannelOrgs).
	ChannelOrgs map[string]string
	// Orgs are the organisations offered in the request modal.
	Orgs []string
	// BaseURL is the public URL of the dashboard, for links to cases; empty leaves links out.
	BaseURL string
	// APIURL replaces https://slack.com/api/ (tests point it at a fake); it must end in "/".
	APIURL string
	// Workers bounds how many questions are answered at once (default 4); Queue bounds how many
	// wait (default 100). Past that, an event is not acknowledged, so Slack delivers it again later.
	Workers int
	Queue   int
	// Unanswered counts the questions residents asked on the website since a time that the bot
	// couldn't answer from the notices or answered unsure; the digest says how many there were
	// in the last day. Nil leaves the line out.
	Unanswered func(ctx context.Context, since time.Time) (int, error)
	// OnFeedback is called for each 👍 (true) or 👎 (false) on an answer; nil ignores them.
	OnFeedback func(helpful bool)
	// Log gets one line per failure (ids, kinds and errors — never message text). Nil discards.
	Log *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// App is a running Slack channel. Make it with New and stop it with Close.
type App struct {
	cfg   Config
	api   *slackgo.Client
	bot   Conversation
	cases Cases
	log   *slog.Logger

	seen *seenSet // event ids, trigger ids and view ids already handled

	ctx    context.Context // cancelled by Close: the parent of every job
	cancel context.CancelFunc
	jobs   chan func(context.Context)
	mu     sync.Mutex // guards closed, so nothing is sent on a closed jobs channel
	closed bool
	wg     sync.WaitGroup

	// sleep waits out a rate limit; tests replace it to record the wait.
	sleep func(ctx context.Context, d time.Duration) error
	// streamEvery is the least time between two edits of an answer being streamed
	// (streamUpdateEvery); tests shorten it.
	streamEvery time.Duration
}

// Limits Slack sets and that we set ourselves.
const (
	maxBody        = 1 << 20         // a request body we read at most
	jobTimeout     = 2 * time.Minute // one answer or post, including rate-limit waits
	ackTimeout     = 2500 * time.Millisecond
	closeGrace     = 15 * time.Second // shutdown: how long answers in hand may take
	maxRetries     = 3                // rate-limited Web API calls retried at most this often
	maxRetryWait   = 60 * time.Second // and never waiting longer than this for one
	seenTTL        = time.Hour        // Slack retries an event for a few minutes; keep ids longer
	maxSeen        = 20000
	defaultWorkers = 4
	defaultQueue   = 100
)

// New starts the channel's workers. bot answers; cases may be nil when there is no queue (the
// DPO channel's buttons then say so).
func New(cfg Config, bot Conversation, cases Cases) (*App, error) {
	if strings.TrimSpace(cfg.BotToken) == "" {
		return nil, errors.New("SLACK_BOT_TOKEN is required")
	}
	if bot == nil {
		return nil, errors.New("slack: a conversation is required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = defaultWorkers
	}
	if cfg.Queue <= 0 {
		cfg.Queue = defaultQueue
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	opts := []slackgo.Option{}
	if cfg.APIURL != "" {
		opts = append(opts, slackgo.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(cfg.AppToken))
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := &App{
		cfg: cfg, api: slackgo.New(cfg.BotToken, opts...), bot: bot, cases: cases, log: log,
		seen: newSeenSet(seenTTL, maxSeen, cfg.Now), ctx: ctx, cancel: cancel,
		jobs: make(chan func(context.Context), cfg.Queue), sleep: sleepCtx, streamEvery: streamUpdateEvery,
	}
	for range cfg.Workers {
		a.wg.Add(1)
		go a.worker()
	}
	return a, nil
}

// Close stops taking work and gives the answers in hand closeGrace to finish, then cancels them.
func (a *App) Close() error {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.jobs)
	}
	a.mu.Unlock()
	done := make(chan struct{})
	go func() { a.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(closeGrace):
		a.cancel()
		<-done
	}
	a.cancel()
	return nil
}

func (a *App) worker() {
	defer a.wg.Done()
	for job := range a.jobs {
		ctx, cancel := context.WithTimeout(a.ctx, jobTimeout)
		job(ctx)
		cancel()
	}
}

// errBusy means the queue is full: the caller does not acknowledge, so Slack tries again later.
var errBusy = errors.New("slack channel busy")

// enqueue hands a job to the workers without waiting.
func (a *App) enqueue(job func(context.Context)) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return errBusy
	}
	select {
	case a.jobs <- job:
		return nil
	default:
		return errBusy
	}
}

// goNow runs a job at once, outside the queue: opening a modal must beat the trigger's 3-second
// expiry, whatever is waiting.
func (a *App) goNow(timeout time.Duration, job func(context.Context)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer func() {
			// A bug reached by one message must not stop the server for everyone (net/http
			// recovers its handlers so; these goroutines are the app's own).
			if r := recover(); r != nil {
				a.log.Error("slack: a reply failed", "panic", fmt.Sprint(r))
			}
		}()
		ctx, cancel := context.WithTimeout(a.ctx, timeout)
		defer cancel()
		job(ctx)
	}()
}

// call runs one Web API call, waiting out Slack's rate limit (the Retry-After it sends, capped)
// up to maxRetries times.
func (a *App) call(ctx context.Context, fn func(context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		var rl *slackgo.RateLimitedError
		if !errors.As(err, &rl) || attempt >= maxRetries {
			return err
		}
		wait := min(max(rl.RetryAfter, time.Second), maxRetryWait)
		if err := a.sleep(ctx, wait); err != nil {
			return fmt.Errorf("waiting out a rate limit: %w", err)
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// ParseChannelOrgs reads SLACK_CHANNEL_ORGS, "C123=Milton Keynes Council,C456=Bucks": which
// organisation's notices each channel answers from. Channels not listed answer from all.
func ParseChannelOrgs(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		ch, org, ok := strings.Cut(part, "=")
		ch, org = strings.TrimSpace(ch), strings.TrimSpace(org)
		if !ok || ch == "" || org == "" {
			return nil, fmt.Errorf("%q is not CHANNEL_ID=Organisation", part)
		}
		if strings.ContainsAny(ch, " #") {
			return nil, fmt.Errorf("%q is not a channel ID (like C0123ABCD; not a #name)", ch)
		}
		out[ch] = org
	}
	return out, nil
}

// seenSet remembers keys for a while, bounded in size, so a retried delivery is recognised.
type seenSet struct {
	ttl   time.Duration
	max   int
	now   func() time.Time
	mu    sync.Mutex
	at    map[string]time.Time
	order []string // insertion order, for expiry and eviction
}

func newSeenSet(ttl time.Duration, max int, now func() time.Time) *seenSet {
	return &seenSet{ttl: ttl, max: max, now: now, at: map[string]time.Time{}}
}

// first records key and reports whether this is the first time it is seen (within the TTL).
// An empty key is never a duplicate.
func (s *seenSet) first(key string) bool {
	if key == "" {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for len(s.order) > 0 {
		k := s.order[0]
		if t, ok := s.at[k]; ok && now.Sub(t) <= s.ttl && len(s.order) < s.max {
			break
		}
		delete(s.at, k)
		s.order = s.order[1:]
	}
	if t, ok := s.at[key]; ok && now.Sub(t) <= s.ttl {
		return false
	}
	if _, ok := s.at[key]; !ok {
		s.order = append(s.order, key)
	}
	s.at[key] = now
	return true
}

// forget removes key, so a delivery we could not take is taken when Slack retries it.
func (s *seenSet) forget(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.at, key)
}
