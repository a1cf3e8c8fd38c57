// Package discord is privacybot on Discord: the /privacy slash command, mentions and direct
// messages, answered with the same conversation as every other channel and rendered as embeds
// with citations, feedback buttons and a "Raise a request with the DPO" form.
//
// It works in both of Discord's modes: the gateway (a bot token, `privacybot discord run`), and
// the HTTP interactions endpoint on the `serve` server (POST /discord/interactions, every request
// verified against the application's Ed25519 public key). The adapter stays thin: it verifies,
// drops retried deliveries, acknowledges within Discord's three seconds, translates events into
// conversation.Turn and RequestForm, and renders conversation.Reply. Conversation logic lives in
// internal/conversation.
//
// This package may import discordgo and the domain; it must not import another adapter (Slack,
// the web widget, a database) and it never logs message text.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Bot is the conversation the adapter talks to; *conversation.Bot is one.
type Bot interface {
	Reply(ctx context.Context, t conversation.Turn) (conversation.Reply, error)
	SubmitForm(ctx context.Context, f conversation.RequestForm) (conversation.Reply, error)
}

// Options configure an App.
type Options struct {
	Bot Bot
	// Session is the discordgo client used for REST calls (interaction responses, follow-ups,
	// channel messages) and, in gateway mode, the gateway. The HTTP interactions endpoint needs
	// no bot token: its follow-ups go to webhook URLs carrying the interaction's own token.
	Session *discordgo.Session
	// PublicKey is the application's public key in hex (DISCORD_PUBLIC_KEY); required for the
	// HTTP interactions endpoint, which refuses every request without it.
	PublicKey string
	// ChannelOrgs scopes channels (or whole servers) to an organisation:
	// "channelID=Milton Keynes Council,guildID=Buckinghamshire Council" (DISCORD_CHANNEL_ORGS).
	ChannelOrgs string
	// Orgs are the organisations a request may be for. When a channel has no scope and there
	// is more than one, the request form asks which.
	Orgs []string
	// OnFeedback records a click on "Helpful" or "Not helpful".
	OnFeedback func(helpful bool)
	// Logger gets one line per failure, never the text of a message. Nil discards.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// App is privacybot's Discord adapter.
type App struct {
	bot        Bot
	session    *discordgo.Session
	publicKey  ed25519.PublicKey
	orgs       map[string]string
	allOrgs    []string
	onFeedback func(bool)
	log        *slog.Logger
	now        func() time.Time

	seen *seen
	wg   sync.WaitGroup
	// base is the context of the work done after an acknowledgement; Close cancels it.
	base   context.Context
	cancel context.CancelFunc
}

// New checks the options and returns an App.
func New(o Options) (*App, error) {
	if o.Bot == nil {
		return nil, errors.New("discord: no bot")
	}
	if o.Session == nil {
		return nil, errors.New("discord: no session")
	}
	if strings.TrimSpace(strings.TrimPrefix(o.Session.Token, "Bot")) == "" {
		// "Bot " with an empty token (HTTP-only mode without DISCORD_BOT_TOKEN) would be sent as
		// an invalid Authorization header; the webhook calls need none at all.
		o.Session.Token, o.Session.Identify.Token = "", ""
	}
	a := &App{bot: o.Bot, session: o.Session, allOrgs: o.Orgs, onFeedback: o.OnFeedback, log: o.Logger, now: o.Now}
	if o.PublicKey != "" {
		k, err := ParsePublicKey(o.PublicKey)
		if err != nil {
			return nil, err
		}
		a.publicKey = k
	}
	orgs, err := ParseChannelOrgs(o.ChannelOrgs)
	if err != nil {
		return nil, err
	}
	a.orgs = orgs
	if a.log == nil {
		a.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if a.now == nil {
		a.now = time.Now
	}
	a.seen = newSeen(a.now)
	a.base, a.cancel = context.WithCancel(context.Background())
	return a, nil
}

// ParsePublicKey reads an application's Ed25519 public key as Discord's developer portal shows
// it (64 hexadecimal digits).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("DISCORD_PUBLIC_KEY must be %d hexadecimal digits (the application's public key)", 2*ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// ParseChannelOrgs reads "id=Organisation,id=Organisation", where an id is a channel's or a
// server's (a channel's own entry wins).
func ParseChannelOrgs(s string) (map[string]string, error) {
	m := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, org, ok := strings.Cut(part, "=")
		id, org = strings.TrimSpace(id), strings.TrimSpace(org)
		if !ok || id == "" || org == "" {
			return nil, fmt.Errorf("DISCORD_CHANNEL_ORGS: %q is not channelID=Organisation", part)
		}
		m[id] = org
	}
	return m, nil
}

// orgFor is the organisation a channel is scoped to: its own entry, else its server's, else "".
func (a *App) orgFor(channelID, guildID string) string {
	if org, ok := a.orgs[channelID]; ok {
		return org
	}
	if guildID != "" {
		return a.orgs[guildID]
	}
	return ""
}

// sessionKey keeps one conversation per person per channel, so follow-up questions and an
// intake carry on between a slash command and the next.
func sessionKey(channelID, userID string) string {
	return "discord:" + channelID + ":" + userID
}

// receivedAt is when Discord received the message: the time in its snowflake id. A request's
// statutory clock starts then, not when this process got round to it.
func (a *App) receivedAt(id string) time.Time {
	if t, err := discordgo.SnowflakeTimestamp(id); err == nil && t.Unix() > 1420070400 {
		return t
	}
	return a.now()
}

// goWork runs work after an acknowledgement, bounded by the fifteen minutes an interaction
// token lives.
func (a *App) goWork(work func(ctx context.Context)) {
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer func() {
			// A bug reached by one message must not stop the server for everyone.
			if r := recover(); r != nil {
				a.log.Error("discord: a reply failed", "panic", fmt.Sprint(r))
			}
		}()
		ctx, cancel := context.WithTimeout(a.base, 14*time.Minute)
		defer cancel()
		work(ctx)
	}()
}

// Wait blocks until the work started by earlier events has finished.
func (a *App) Wait() { a.wg.Wait() }

// Close cancels work in flight and waits for it to stop.
func (a *App) Close() error {
	a.cancel()
	a.wg.Wait()
	return nil
}

// Commands are the application commands privacybot registers.
func Commands() []*discordgo.ApplicationCommand {
	dm := true
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	return []*discordgo.ApplicationCommand{{
		Type:         discordgo.ChatApplicationCommand,
		Name:         "privacy",
		Description:  "Ask about the council's privacy notices, or how to make a data protection request",
		DMPermission: &dm,
		Contexts:     &contexts,
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "question",
			Description: "For example: How long do you keep complaint records?",
			Required:    true,
			MaxLength:   1000,
		}},
	}}
}

// Register replaces the application's commands with Commands(), globally or in one server. It
// is a bulk overwrite, so running it again is safe and leaves no stale commands behind.
func Register(ctx context.Context, s *discordgo.Session, appID, guildID string) ([]*discordgo.ApplicationCommand, error) {
	if appID == "" {
		return nil, errors.New("register commands: no application id (DISCORD_APP_ID)")
	}
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, guildID, Commands(), discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("register commands: %w", err)
	}
	return cmds, nil
}
