package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/privacybot/privacybot/internal/channel/slack"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

const slackUsage = `slack <manifest|run|digest> [flags]

  manifest [--url URL] [--name NAME] [--json]
                 print the Slack app manifest to paste into api.slack.com/apps → Create New App
                 → From an app manifest. Without --url the app uses Socket Mode (no public URL);
                 with the public URL of "privacybot serve" it uses the HTTP Events API.
  run            connect over Socket Mode and answer /privacy, mentions and direct messages;
                 post new cases and a morning digest to SLACK_DPO_CHANNEL
                 (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN)
  digest         post the digest of overdue and due-soon cases to SLACK_DPO_CHANNEL once (for cron)

Settings: SLACK_BOT_TOKEN, SLACK_APP_TOKEN (Socket Mode), SLACK_SIGNING_SECRET (HTTP mode, served
by "privacybot serve" at /slack/events, /slack/commands, /slack/interactions), SLACK_DPO_CHANNEL
(a channel ID), SLACK_CHANNEL_ORGS ("C123=Milton Keynes Council,C456=Bucks"), PRIVACYBOT_BASE_URL
(for links to the dashboard).`

func runSlack(ctx context.Context, app *App, args []string) error {
	return dispatch(ctx, app, "slack", slackUsage, map[string]subcommand{
		"manifest": func(_ context.Context, app *App, args []string) error { return runSlackManifest(app, args) },
		"run":      runSlackRun,
		"digest":   runSlackDigest,
	}, args)
}

func runSlackManifest(app *App, args []string) error {
	fs := newFlags(app, "slack manifest", `slack manifest [--url https://bot.example] [--name NAME] [--json]

Prints a Slack app manifest: the bot user, /privacy, the app_mention and message.im events,
interactivity (buttons and the request form) and the scopes app_mentions:read, chat:write,
commands and im:history. Without --url it turns on Socket Mode; with --url the request URLs point
at URL/slack/events, URL/slack/commands and URL/slack/interactions.`)
	url := fs.String("url", "", "public https URL of privacybot serve, for the HTTP Events API (default: Socket Mode)")
	name := fs.String("name", "Privacy bot", "the app's name in Slack")
	asJSON := fs.Bool("json", false, "print JSON instead of YAML")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("slack manifest takes no arguments")
	}
	if *url != "" && !strings.HasPrefix(*url, "https://") {
		return usageError("--url must start with https:// (Slack only calls https URLs), not %q", *url)
	}
	m := slack.NewManifest(*name, *url)
	if *asJSON {
		enc := json.NewEncoder(app.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	}
	enc := yaml.NewEncoder(app.Stdout)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return enc.Close()
}

func runSlackRun(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "slack run", `slack run [--corpus DIR] [--index DIR] [--digest-at 08:30]

Connects to Slack over Socket Mode with SLACK_APP_TOKEN and SLACK_BOT_TOKEN and answers /privacy,
mentions of the bot and direct messages, until interrupted. With SLACK_DPO_CHANNEL set, new cases
are posted there and a digest of overdue and due-soon cases every morning.`)
	var ef engineFlags
	ef.register(fs, cfg)
	digestAt := fs.String("digest-at", "08:30", `UK time of the daily digest in SLACK_DPO_CHANNEL; "off" for none`)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("slack run takes no arguments")
	}
	hour, minute, digest, err := parseClock(*digestAt)
	if err != nil {
		return usageError("--digest-at: %v", err)
	}
	if cfg.SlackAppToken == "" || cfg.SlackBotToken == "" {
		return errors.New("SLACK_APP_TOKEN and SLACK_BOT_TOKEN must both be set for Socket Mode (see privacybot slack manifest)")
	}
	log := slog.New(slog.NewTextHandler(app.Stderr, nil))
	svc, closeService, err := openService(ctx, app, cfg, ef)
	if err != nil {
		return err
	}
	defer closeService()
	bot, queue := svc.bot, svc.queue
	sa, err := newSlackApp(app, cfg, bot.Orgs, bot, queue, log)
	if err != nil {
		return err
	}
	defer sa.Close()

	jobs, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { stop(); wg.Wait() }()
	if cfg.SlackDPOChannel != "" {
		wg.Go(func() {
			_ = (&dpo.Dispatcher{Store: svc.store, Notifiers: map[string]dpo.Notifier{slack.NotifierName: sa},
				Now: app.Now, Log: log}).Run(jobs, dispatchEvery)
		})
		if digest {
			wg.Go(func() { _ = sa.RunDigests(jobs, hour, minute) })
		}
	} else {
		fmt.Fprintln(app.Stderr, "privacybot: SLACK_DPO_CHANNEL is not set, so new cases and the digest are not posted to Slack")
	}
	wg.Go(func() { runSessionPurge(jobs, bot.Sessions.Purge) })
	fmt.Fprintln(app.Stderr, "privacybot: connecting to Slack over Socket Mode; answering /privacy, mentions and direct messages (Ctrl-C to stop)")
	return sa.RunSocketMode(ctx)
}

func runSlackDigest(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "slack digest", `slack digest

Posts the digest of overdue cases and cases due within 7 days to SLACK_DPO_CHANNEL once.`)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("slack digest takes no arguments")
	}
	if cfg.SlackBotToken == "" || cfg.SlackDPOChannel == "" {
		return errors.New("SLACK_BOT_TOKEN and SLACK_DPO_CHANNEL must both be set to post the digest")
	}
	store, closeStore, err := openStore(ctx, app)
	if err != nil {
		return err
	}
	defer closeStore()
	queue, err := newQueue(app, store)
	if err != nil {
		return err
	}
	if err := recalendar(ctx, app, queue); err != nil { // the digest lists what is due
		return err
	}
	log := slog.New(slog.NewTextHandler(app.Stderr, nil))
	sa, err := newSlackApp(app, cfg, nil, noConversation{}, queue, log)
	if err != nil {
		return err
	}
	defer sa.Close()
	return sa.Digest(ctx)
}

// newSlackApp wires the Slack adapter from the environment.
func newSlackApp(app *App, cfg config.Config, orgs []string, bot slack.Conversation, queue *dpo.Queue, log *slog.Logger) (*slack.App, error) {
	var unanswered func(context.Context, time.Time) (int, error)
	if ts, ok := queue.Store.(transcriptStore); ok {
		unanswered = func(ctx context.Context, since time.Time) (int, error) { return countUnanswered(ctx, ts, since) }
	}
	channelOrgs, err := slack.ParseChannelOrgs(cfg.SlackChannelOrgs)
	if err != nil {
		return nil, fmt.Errorf("SLACK_CHANNEL_ORGS: %w", err)
	}
	return slack.New(slack.Config{
		BotToken: cfg.SlackBotToken, AppToken: cfg.SlackAppToken, SigningSecret: cfg.SlackSigningSecret,
		DPOChannel: cfg.SlackDPOChannel, ChannelOrgs: channelOrgs, Orgs: orgs, BaseURL: cfg.BaseURL,
		Unanswered: unanswered,
		OnFeedback: func(helpful bool) { log.Info("slack: answer feedback", "helpful", helpful) },
		Log:        log, Now: app.Now,
	}, bot, queue)
}

// noConversation stands in for the bot where only the DPO channel is used (slack digest).
type noConversation struct{}

var errNoConversation = errors.New("this command only posts to the DPO channel")

func (noConversation) Reply(context.Context, conversation.Turn) (conversation.Reply, error) {
	return conversation.Reply{}, errNoConversation
}

func (noConversation) SubmitForm(context.Context, conversation.RequestForm) (conversation.Reply, error) {
	return conversation.Reply{}, errNoConversation
}

// parseClock reads "08:30" (UK time); "off" turns the digest off.
func parseClock(s string) (hour, minute int, on bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "off") {
		return 0, 0, false, nil
	}
	h, m, ok := strings.Cut(s, ":")
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, false, fmt.Errorf("%q is not a time like 08:30", s)
	}
	return hour, minute, true, nil
}
