package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/channel/discord"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
)

const discordUsage = `discord <register|run> [flags]

  register [--guild ID]   register the /privacy slash command (a bulk overwrite: safe to re-run,
                          leaves no stale commands); --guild registers in one server only
  run                     connect to Discord's gateway and answer /privacy, mentions and direct
                          messages (needs DISCORD_BOT_TOKEN)

The HTTP interactions endpoint, POST /discord/interactions, is served by "privacybot serve" when
DISCORD_PUBLIC_KEY is set. Settings: DISCORD_BOT_TOKEN, DISCORD_APP_ID, DISCORD_PUBLIC_KEY,
DISCORD_CHANNEL_ORGS ("channelID=Organisation,…").`

func runDiscord(ctx context.Context, app *App, args []string) error {
	return dispatch(ctx, app, "discord", discordUsage, map[string]subcommand{
		"register": runDiscordRegister,
		"run":      runDiscordRun,
	}, args)
}

func runDiscordRegister(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "discord register", `discord register [--guild ID] [--app-id ID]

Registers the /privacy slash command with Discord, replacing the application's commands (so
re-running is safe). Global commands reach every server the bot is in; --guild limits them to one
server, which is handy for trying it out.`)
	guild := fs.String("guild", "", "register in this server (guild) only")
	appID := fs.String("app-id", cfg.DiscordAppID, "the application id (DISCORD_APP_ID)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("discord register takes no arguments")
	}
	if cfg.DiscordBotToken == "" {
		return errors.New("DISCORD_BOT_TOKEN is not set: registering commands needs the bot's token")
	}
	if *appID == "" {
		return usageError("give the application id: set DISCORD_APP_ID or pass --app-id")
	}
	s, err := discordgo.New("Bot " + cfg.DiscordBotToken)
	if err != nil {
		return fmt.Errorf("discord session: %w", err)
	}
	cmds, err := discord.Register(ctx, s, *appID, *guild)
	if err != nil {
		return err
	}
	where := "globally"
	if *guild != "" {
		where = "in server " + *guild
	}
	for _, c := range cmds {
		fmt.Fprintf(app.Stdout, "registered /%s %s\n", c.Name, where)
	}
	return nil
}

func runDiscordRun(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "discord run", `discord run [--corpus DIR] [--index DIR]

Connects to Discord's gateway with DISCORD_BOT_TOKEN and answers /privacy, mentions of the bot
and direct messages, until interrupted. Register the command first (privacybot discord register).`)
	var ef engineFlags
	ef.register(fs, cfg)
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("discord run takes no arguments")
	}
	if cfg.DiscordBotToken == "" {
		return errors.New("DISCORD_BOT_TOKEN is not set: the gateway needs the bot's token (or use the HTTP endpoint of privacybot serve)")
	}
	svc, closeService, err := openService(ctx, app, cfg, ef)
	if err != nil {
		return err
	}
	defer closeService()
	bot := svc.bot
	s, err := discordgo.New("Bot " + cfg.DiscordBotToken)
	if err != nil {
		return fmt.Errorf("discord session: %w", err)
	}
	d, err := newDiscordApp(app, cfg, bot, s, nil)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Attach(s)
	if err := s.Open(); err != nil {
		return fmt.Errorf("connect to Discord: %w", err)
	}
	defer s.Close()
	name := "the bot"
	if s.State != nil && s.State.User != nil {
		name = s.State.User.Username
	}
	fmt.Fprintf(app.Stderr, "privacybot: connected to Discord as %s; answering /privacy, mentions and direct messages (Ctrl-C to stop)\n", name)
	<-ctx.Done()
	return nil
}

// newDiscordApp wires the Discord adapter for `discord run`; onFeedback may be nil, and then
// feedback is logged (without the answer it was about).
func newDiscordApp(app *App, cfg config.Config, bot *conversation.Bot, s *discordgo.Session, onFeedback func(helpful bool)) (*discord.App, error) {
	logger := slog.New(slog.NewTextHandler(app.Stderr, nil))
	if onFeedback == nil {
		onFeedback = func(helpful bool) { logger.Info("discord: answer feedback", "helpful", helpful) }
	}
	d, err := discord.New(discord.Options{
		Bot:         bot,
		Session:     s,
		PublicKey:   cfg.DiscordPublicKey,
		ChannelOrgs: cfg.DiscordChannelOrgs,
		Orgs:        bot.Orgs,
		OnFeedback:  onFeedback,
		Logger:      logger,
		Now:         app.Now,
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
