package discord

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// Intents are the gateway events the bot needs: messages in servers (to see mentions) and direct
// messages. Neither is privileged: Discord gives a bot the content of messages that mention it
// and of its direct messages without the Message Content intent.
const Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// Attach makes the app answer on s's gateway connection: interactions (the slash command,
// buttons, the form) and messages that mention the bot or are sent to it directly. Call it
// before s.Open.
func (a *App) Attach(s *discordgo.Session) {
	s.Identify.Intents = Intents
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { a.OnInteraction(s, ic) })
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { a.OnMessage(s, m) })
}

// OnInteraction handles an interaction from the gateway: it posts the acknowledgement to the
// interaction's callback, then does the work. A repeated delivery (after a reconnect) is dropped.
func (a *App) OnInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	i := ic.Interaction
	ack, work, dup := a.interaction(i)
	if dup {
		return
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		// The acknowledgement has Discord's three seconds; the work has the token's fifteen minutes.
		ctx, cancel := context.WithTimeout(a.base, ackTimeout)
		err := a.session.InteractionRespond(i, ack, discordgo.WithContext(ctx))
		cancel()
		if err != nil {
			a.log.Error("discord: acknowledge interaction", "interaction", i.ID, "err", err)
			return
		}
		if work != nil {
			a.goWork(work)
		}
	}()
}

// ackTimeout is Discord's deadline for acknowledging an interaction.
const ackTimeout = 3 * time.Second

var mentionRe = regexp.MustCompile(`<@!?(\d+)>`)

// OnMessage answers a message that mentions the bot in a server, or any direct message to it. It
// ignores bots, itself included, so two bots can't talk each other into a loop.
func (a *App) OnMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m == nil || m.Message == nil || m.Author == nil || m.Author.Bot {
		return
	}
	self := ""
	if s.State != nil && s.State.User != nil {
		self = s.State.User.ID
	}
	if self == "" || m.Author.ID == self {
		return
	}
	direct := m.GuildID == ""
	if !direct && !mentions(m.Message, self) {
		return
	}
	if !a.seen.firstTime("message:" + m.ID) {
		return
	}
	text := strings.TrimSpace(mentionRe.ReplaceAllStringFunc(m.Content, func(tok string) string {
		if mentionRe.FindStringSubmatch(tok)[1] == self {
			return " "
		}
		return tok
	}))
	msg := m.Message
	a.goWork(func(ctx context.Context) { a.answerMessage(ctx, msg, text) })
}

func mentions(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return false
}

// answerMessage answers a mention or direct message with a reply in the same channel.
func (a *App) answerMessage(ctx context.Context, m *discordgo.Message, text string) {
	// "is typing…" while the answer is worked out; a failure here is not worth a word.
	_ = a.session.ChannelTyping(m.ChannelID, discordgo.WithContext(ctx))
	rep, err := a.bot.Reply(ctx, conversation.Turn{
		Session:    sessionKey(m.ChannelID, m.Author.ID),
		Channel:    string(dpo.ChannelDiscord),
		Org:        a.orgFor(m.ChannelID, m.GuildID),
		Text:       text,
		ReceivedAt: a.receivedAt(m.ID),
		MessageID:  "discord:" + m.ID,
	})
	msgs := a.replyOrError(publicSafe(rep, m.GuildID != ""), err, "message", m.ID)
	if err := a.sendMessages(ctx, m, msgs); err != nil {
		a.log.Error("discord: send reply", "message", m.ID, "err", err)
	}
}

// sendMessages posts msgs to m's channel, the first as a reply to m.
func (a *App) sendMessages(ctx context.Context, m *discordgo.Message, msgs []Message) error {
	for n, msg := range msgs {
		send := &discordgo.MessageSend{Content: msg.Content, Embeds: msg.Embeds, Components: msg.Components, AllowedMentions: noMentions}
		if n == 0 {
			send.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
		}
		if _, err := a.session.ChannelMessageSendComplex(m.ChannelID, send, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("send message %d of %d: %w", n+1, len(msgs), err)
		}
	}
	return nil
}
