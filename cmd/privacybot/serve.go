package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/channel/discord"
	"github.com/privacybot/privacybot/internal/channel/slack"
	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/email"
	"github.com/privacybot/privacybot/internal/llm"
)

// Server timeouts. Answers are quick (extractive, or a model call bounded by its own timeout);
// these stop slow clients from holding connections.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 45 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownGrace     = 20 * time.Second
	purgeEvery        = time.Hour
	dispatchEvery     = 15 * time.Second
)

// webStore is what serve needs of the store beyond dpo.Store: dashboard users, their sign-in
// sessions (so every replica accepts them and a restart signs nobody out) and transcripts.
// Both internal/sqlite and internal/postgres provide it.
type webStore interface {
	dpo.Store
	web.SessionStore
	web.Users
	AppendTranscripts(ctx context.Context, entries []web.TranscriptEntry) error
	PurgeTranscripts(ctx context.Context, before time.Time) (int64, error)
	web.QuestionLog
}

func runServe(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "serve", `serve [--addr :8080]

Serves the chat API, the widget (/widget.js) and its demo page (/), the DPO dashboard (/dpo),
/healthz, /readyz and /metrics; and Slack's and Discord's endpoints when they are configured.
Environment: PRIVACYBOT_ADDR, PRIVACYBOT_BASE_URL, PRIVACYBOT_ALLOWED_ORIGINS (comma-separated
origins that may embed the widget), PRIVACYBOT_RATE_LIMIT (API requests per minute per client,
default 60; "off" for load tests), PRIVACYBOT_TRUSTED_PROXIES (comma-separated CIDRs of reverse
proxies whose X-Forwarded-For names the client), PRIVACYBOT_TRANSCRIPT_DAYS. Add dashboard users with
privacybot users add.`)
	var ef engineFlags
	ef.register(fs, cfg)
	addr := fs.String("addr", cfg.Addr, "address to listen on (PRIVACYBOT_ADDR)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("serve takes no arguments")
	}
	rateLimit, err := rateVar(app.Getenv("PRIVACYBOT_RATE_LIMIT"))
	if err != nil {
		return usageError("PRIVACYBOT_RATE_LIMIT: %v", err)
	}
	proxies, err := web.ParseTrustedProxies(app.Getenv("PRIVACYBOT_TRUSTED_PROXIES"))
	if err != nil {
		return usageError("PRIVACYBOT_TRUSTED_PROXIES: %v", err)
	}
	log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	eng, err := openEngine(app, ef)
	if err != nil {
		return err
	}
	defer eng.Close()
	for _, p := range noticeProblems(eng.composer) {
		log.Warn("a problem residents would meet in the notices", "problem", p)
	}
	st, closeStore, err := openStore(ctx, app)
	if err != nil {
		return err
	}
	defer closeStore()
	store, ok := st.(webStore)
	if !ok {
		return fmt.Errorf("the store %T keeps no users or transcripts", st)
	}
	queue, err := newQueue(app, store)
	if err != nil {
		return err
	}
	if err := recalendar(ctx, app, queue); err != nil {
		return err
	}
	bot, err := newBot(app, cfg, eng, queue)
	if err != nil {
		return err
	}
	bot.Chat = chatFacts(cfg)
	// Transcript lines are written in batches off the request path; closed after the server
	// has shut down (deferred before it), so every line a request handed over is written.
	transcripts := web.NewTranscriptWriter(store, web.TranscriptWriterOptions{Log: log})
	defer func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		if err := transcripts.Close(ctx); err != nil {
			log.Error("write transcripts at shutdown", "err", err)
		}
	}()
	srv := &web.Server{
		Bot: bot, Cases: queue, Users: store, Sessions: store, Transcripts: transcripts, Questions: store, Redact: bot.Redact, Chat: bot.Chat,
		TranscriptDays: cfg.TranscriptDays, Notices: eng.corpus.Notices, Orgs: bot.Orgs,
		CanonicalOrg:   eng.corpus.Organisations.Canonical,
		AllowedOrigins: splitList(app.Getenv("PRIVACYBOT_ALLOWED_ORIGINS")), BaseURL: cfg.BaseURL,
		RatePerMinute: rateLimit, TrustedProxies: proxies, Now: app.Now, Log: log,
		BadInput: badQuestion,
		Ready: func(ctx context.Context) error {
			_, err := queue.List(ctx, dpo.Filter{Limit: 1})
			return err
		},
	}

	if m, ok := eng.answerer.(*llm.Answerer); ok {
		// Every replaced generated answer is counted, by reason, and said on stderr (the first of
		// each reason, then now and then): a model that is down would otherwise go unnoticed.
		host := llm.Host(cfg.OpenAIBaseURL)
		fmt.Fprintf(app.Stderr, "privacybot: answers are generated by model %q at %s and checked against the notices; when the model fails, the notices' own words are shown\n", cfg.Model, host)
		rep := &llm.Reporter{W: app.Stderr, Model: cfg.Model, Host: host, Now: app.Now}
		m.OnFallback = func(reason string) {
			srv.CountFallback(reason)
			rep.Report(reason)
		}
	}
	notifiers := map[string]dpo.Notifier{"log": logNotifier(log)}
	mounts, closers, channelJobs, err := otherChannels(cfg, bot, queue, notifiers, log, app, srv.CountFeedback)
	if err != nil {
		return err
	}
	defer func() {
		for _, c := range closers {
			_ = c()
		}
	}()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(mounts...),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}

	// Background jobs stop with the server.
	jobs, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Go(func() { srv.RunPurger(jobs, purgeEvery) })
	wg.Go(func() {
		_ = (&dpo.Dispatcher{Store: store, Notifiers: notifiers, Now: app.Now, Log: log}).Run(jobs, dispatchEvery)
	})
	wg.Go(func() { runSessionPurge(jobs, bot.Sessions.Purge) })
	for _, job := range channelJobs {
		wg.Go(func() { job(jobs) })
	}
	defer func() { stopJobs(); wg.Wait() }()

	// Tests and scripts read the bound address (with --addr 127.0.0.1:0) from this line.
	fmt.Fprintf(app.Stderr, "privacybot: listening on %s\n", ln.Addr())
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()

	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Graceful shutdown: fail readiness, stop accepting, let requests in flight finish.
	srv.Drain()
	fmt.Fprintln(app.Stderr, "privacybot: shutting down; finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// otherChannels wires Slack's and Discord's HTTP endpoints onto the same server when their
// secrets are configured, and adds Slack's DPO channel as a notifier.
//
// Slack also runs over Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), and posts
// the morning digest when it has a DPO channel: both are returned as background jobs.
func otherChannels(cfg config.Config, bot *conversation.Bot, queue *dpo.Queue, notifiers map[string]dpo.Notifier,
	log *slog.Logger, app *App, feedback func(channel string, helpful bool)) ([]func(*http.ServeMux), []func() error, []func(context.Context), error) {
	var mounts []func(*http.ServeMux)
	var closers []func() error
	var jobs []func(context.Context)
	if cfg.SlackBotToken != "" && (cfg.SlackSigningSecret != "" || cfg.SlackAppToken != "") {
		orgs, err := slack.ParseChannelOrgs(cfg.SlackChannelOrgs)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("SLACK_CHANNEL_ORGS: %w", err)
		}
		sa, err := slack.New(slack.Config{BotToken: cfg.SlackBotToken, AppToken: cfg.SlackAppToken, SigningSecret: cfg.SlackSigningSecret,
			DPOChannel: cfg.SlackDPOChannel, ChannelOrgs: orgs, Orgs: bot.Orgs, BaseURL: cfg.BaseURL,
			OnFeedback: func(helpful bool) { feedback("slack", helpful) },
			Log:        log, Now: app.Now}, bot, queue)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("slack: %w", err)
		}
		closers = append(closers, sa.Close)
		if cfg.SlackSigningSecret != "" {
			mounts = append(mounts, sa.Routes)
			fmt.Fprintln(app.Stderr, "privacybot: Slack events at /slack/…")
		}
		if cfg.SlackAppToken != "" {
			jobs = append(jobs, func(ctx context.Context) {
				if err := sa.RunSocketMode(ctx); err != nil && ctx.Err() == nil {
					log.Error("slack socket mode stopped", "err", err)
				}
			})
			fmt.Fprintln(app.Stderr, "privacybot: Slack over Socket Mode")
		}
		if cfg.SlackDPOChannel != "" {
			notifiers[slack.NotifierName] = sa
			jobs = append(jobs, func(ctx context.Context) { _ = sa.RunDigests(ctx, 8, 30) })
		}
	}
	if cfg.DiscordPublicKey != "" {
		sess, err := discordgo.New("Bot " + cfg.DiscordBotToken)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("discord: %w", err)
		}
		da, err := discord.New(discord.Options{Bot: bot, Session: sess, PublicKey: cfg.DiscordPublicKey,
			ChannelOrgs: cfg.DiscordChannelOrgs, Orgs: bot.Orgs, Logger: log, Now: app.Now,
			OnFeedback: func(helpful bool) { feedback("discord", helpful) }})
		if err != nil {
			return nil, nil, nil, fmt.Errorf("discord: %w", err)
		}
		mounts = append(mounts, da.Routes)
		closers = append(closers, da.Close)
		fmt.Fprintln(app.Stderr, "privacybot: Discord interactions endpoint mounted")
	}
	emailCfg, ok, err := email.ConfigFromEnv(app.Getenv)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("e-mail notifier: %w", err)
	}
	if ok {
		notifiers["email"] = email.New(emailCfg)
		fmt.Fprintln(app.Stderr, "privacybot: new cases are e-mailed to the DPO")
	}
	return mounts, closers, jobs, nil
}

// logNotifier announces new cases in the log, so the outbox drains even when no Slack or e-mail
// notifier is configured. It logs the reference, type and due date only: no personal data.
func logNotifier(log *slog.Logger) dpo.Notifier {
	return dpo.NotifierFunc(func(ctx context.Context, c dpo.Case) error {
		due := "none yet"
		if !c.Due.IsZero() {
			due = c.Due.Format(time.DateOnly)
		}
		// Its status now: a case filed while the server was down may be worked (even closed,
		// from the CLI) before this announcement goes out.
		log.Info("new case on the DPO's queue", "ref", c.Ref, "type", c.Type, "organisation", c.Organisation, "due", due, "status", c.Status)
		return nil
	})
}

func runSessionPurge(ctx context.Context, purge func() int) {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			purge()
		}
	}
}

// rateVar reads PRIVACYBOT_RATE_LIMIT: requests per minute per client; "off" (or a negative
// number) turns the limit off; empty is the default.
func rateVar(s string) (float64, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return 0, nil
	case "off":
		return -1, nil
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("%q is not a number of requests per minute (or off)", s)
	}
	return n, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// chatFacts are what the web chat says of itself when asked: how long it keeps transcripts, and
// the language model it writes answers with, if any.
func chatFacts(cfg config.Config) conversation.ChatFacts {
	f := conversation.ChatFacts{TranscriptDays: cmp.Or(cfg.TranscriptDays, web.DefaultTranscriptDays)}
	if cfg.ModelEnabled() || cfg.HybridEnabled() { // an embedding model is sent the questions too
		f.ModelService = llm.Host(cfg.OpenAIBaseURL)
		f.ModelWrites, f.ModelSelfHosted = cfg.ModelEnabled(), cfg.ModelSelfHosted
	}
	return f
}
