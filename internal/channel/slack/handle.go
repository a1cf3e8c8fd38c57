package slack

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// question is a message to answer, whichever way it was asked.
type question struct {
	to        replyTarget
	user      string
	text      string
	received  time.Time
	messageID string // the platform's id, so a retried delivery makes no second case
	starts    bool   // a new mention, not a reply in a thread: a conversation of its own begins
}

// onEvent handles an Events API event (from HTTP or Socket Mode). It returns errBusy when the
// answer can't be queued; the caller then doesn't acknowledge and Slack tries again.
func (a *App) onEvent(ev slackevents.EventsAPIEvent) error {
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok {
		return nil
	}
	if !a.seen.first("event:" + cb.EventID) {
		a.log.Info("slack: dropped a repeated event", "event_id", cb.EventID)
		return nil
	}
	q, ok := a.questionOf(ev.InnerEvent)
	if !ok {
		return nil
	}
	err := a.enqueue(func(ctx context.Context) { a.answer(ctx, q) })
	if err != nil {
		a.seen.forget("event:" + cb.EventID)
		a.log.Warn("slack: busy; leaving the event for Slack to retry", "event_id", cb.EventID)
	}
	return err
}

var mentionRe = regexp.MustCompile(`<@[A-Z0-9]+(\|[^>]*)?>`)

// questionOf translates a mention or a direct message; other events are ignored.
func (a *App) questionOf(inner slackevents.EventsAPIInnerEvent) (question, bool) {
	switch e := inner.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" {
			return question{}, false
		}
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		return question{
			starts: e.ThreadTimeStamp == "", // a new mention begins its own thread's conversation
			to:     replyTarget{Channel: e.Channel, Thread: thread, Session: e.Channel + ":" + thread},
			user:   e.User, text: mentionRe.ReplaceAllString(e.Text, " "),
			received: tsTime(e.TimeStamp, a.cfg.Now), messageID: "slack:" + e.Channel + ":" + e.TimeStamp,
		}, true
	case *slackevents.MessageEvent:
		// Only people's new messages in a DM with the bot: not edits, joins, or the bot itself.
		if e.ChannelType != "im" || e.SubType != "" || e.BotID != "" || e.User == "" {
			return question{}, false
		}
		// A DM is one conversation: follow-ups and a request's intake continue at the top level.
		// A reply in a thread of the DM keeps to that thread.
		to := replyTarget{Channel: e.Channel, Session: e.Channel, Private: true}
		if e.ThreadTimeStamp != "" {
			to.Thread, to.Session = e.ThreadTimeStamp, e.Channel+":"+e.ThreadTimeStamp
		}
		return question{to: to, user: e.User, text: mentionRe.ReplaceAllString(e.Text, " "),
			received: tsTime(e.TimeStamp, a.cfg.Now), messageID: "slack:" + e.Channel + ":" + e.TimeStamp}, true
	}
	return question{}, false
}

// tsTime reads a Slack ts ("1712345678.123456") as the time the message reached Slack, which
// starts a request's clock.
func tsTime(ts string, now func() time.Time) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 {
		return now()
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000)
}

// answer asks the bot and posts its reply.
func (a *App) answer(ctx context.Context, q question) {
	t := conversation.Turn{Session: q.to.Session, Channel: "slack", Org: a.cfg.ChannelOrgs[q.to.Channel],
		Text: q.text, ReceivedAt: q.received, MessageID: q.messageID, Starts: q.starts}
	var r conversation.Reply
	var err error
	placeholder := "" // the ts of the message the streamed text was shown in, if any
	var next time.Time
	if sc, ok := a.bot.(streamingConversation); ok {
		w := a.newStreamWriter(ctx, q.to)
		r, err = sc.ReplyStream(ctx, t, w.add)
		placeholder, next = w.stop()
	} else {
		r, err = a.bot.Reply(ctx, t)
	}
	if err != nil {
		a.log.Warn("slack: no answer", "channel", q.to.Channel, "err", loggable(err))
		text := userMessage(err)
		if placeholder == "" {
			a.postText(ctx, q.to, text)
			return
		}
		a.waitToEdit(ctx, next)
		if err := a.replace(ctx, q.to, placeholder, text, [][]slackgo.Block{sections(escape(text))}); err != nil {
			a.log.Error("slack: post message", "channel", q.to.Channel, "err", err)
		}
		return
	}
	if placeholder == "" {
		err = a.postReply(ctx, q.to, r)
	} else {
		a.waitToEdit(ctx, next)
		err = a.replace(ctx, q.to, placeholder, fallbackText(r.Answer.Answer), renderReply(r, q.to, true))
	}
	if err != nil {
		a.log.Error("slack: post answer", "channel", q.to.Channel, "kind", r.Kind, "err", err)
	}
}

// loggable keeps personal data out of the log: a field error's reason may quote what the person
// typed (their e-mail address), so only the field is logged.
func loggable(err error) string {
	var fe *dpo.FieldError
	if errors.As(err, &fe) {
		return "invalid " + fe.Field
	}
	return err.Error()
}

// userMessage maps an error to what the person is told: never the internals.
func userMessage(err error) string {
	var fe *dpo.FieldError
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "Ask me a question about the council's privacy notices, for example: how long are complaint records kept?"
	case errors.Is(err, answer.ErrUnreadable):
		return "That doesn't look like a question (it is mostly unreadable characters)."
	case errors.Is(err, answer.ErrQuestionTooLong):
		return fmt.Sprintf("That's too long for me: please ask in a sentence or two (at most %d characters).", answer.MaxQuestionRunes)
	case errors.Is(err, conversation.ErrNoQueue):
		return "Requests can't be taken here yet: please contact the council's data protection officer directly."
	case errors.As(err, &fe):
		return "That request isn't complete: " + fe.Reason + "."
	}
	return "Sorry, something went wrong on my side. Please try again in a minute."
}

// postReply posts a rendered reply, split into as many messages as Slack's limits need.
func (a *App) postReply(ctx context.Context, to replyTarget, r conversation.Reply) error {
	msgs := renderReply(r, to, true)
	for _, blocks := range msgs {
		if _, err := a.post(ctx, to, fallbackText(r.Answer.Answer), blocks); err != nil {
			return err
		}
	}
	return nil
}

// post sends one message, links not unfurled (a notice's source is cited, not previewed).
func (a *App) post(ctx context.Context, to replyTarget, text string, blocks []slackgo.Block) (string, error) {
	opts := []slackgo.MsgOption{
		slackgo.MsgOptionText(text, false),
		slackgo.MsgOptionDisableLinkUnfurl(),
		slackgo.MsgOptionDisableMediaUnfurl(),
	}
	if len(blocks) > 0 {
		opts = append(opts, slackgo.MsgOptionBlocks(blocks...))
	}
	if to.Thread != "" {
		opts = append(opts, slackgo.MsgOptionTS(to.Thread))
	}
	var ts string
	err := a.call(ctx, func(ctx context.Context) error {
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, to.Channel, opts...)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("chat.postMessage to %s: %w", to.Channel, err)
	}
	return ts, nil
}

func (a *App) postText(ctx context.Context, to replyTarget, text string) {
	if _, err := a.post(ctx, to, text, sections(escape(text))); err != nil {
		a.log.Error("slack: post message", "channel", to.Channel, "err", err)
	}
}

// postEphemeral tells one person something only they see (feedback thanks, a button's error).
func (a *App) postEphemeral(ctx context.Context, channel, thread, user, text string) {
	if channel == "" || user == "" {
		return
	}
	opts := []slackgo.MsgOption{slackgo.MsgOptionText(escape(text), false)}
	if thread != "" {
		opts = append(opts, slackgo.MsgOptionTS(thread))
	}
	err := a.call(ctx, func(ctx context.Context) error {
		_, err := a.api.PostEphemeralContext(ctx, channel, user, opts...)
		return err
	})
	if err != nil {
		a.log.Warn("slack: ephemeral message", "channel", channel, "err", err)
	}
}

// commandResponse is the immediate reply to a slash command (Slack shows it to the user alone).
type commandResponse struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

const usage = "Ask me about the council's privacy notices: `/privacy how long are complaint records kept?` " +
	"I'll answer in a thread, quoting the notices. To make a request (a copy of your data, a correction, a complaint…), " +
	"say so — or use the *Raise a request with the DPO* button under an answer."

// onCommand handles /privacy. It returns the immediate response (nil for none) and errBusy when
// the answer can't be queued.
func (a *App) onCommand(cmd slackgo.SlashCommand) (any, error) {
	text := strings.TrimSpace(cmd.Text)
	if text == "" || strings.EqualFold(text, "help") {
		return commandResponse{ResponseType: "ephemeral", Text: usage}, nil
	}
	if !a.seen.first("command:" + cmd.TriggerID) {
		return nil, nil
	}
	err := a.enqueue(func(ctx context.Context) { a.answerCommand(ctx, cmd, text) })
	if err != nil {
		a.seen.forget("command:" + cmd.TriggerID)
		return commandResponse{ResponseType: "ephemeral", Text: "I'm busy right now; please ask again in a minute."}, nil
	}
	return nil, nil
}

// answerCommand posts the question to the channel, so the answer has a thread to go in and
// follow-ups (mentioning the bot in that thread) keep its context. Where the bot can't post (a
// channel it isn't in, a DM between two people), the answer goes back privately through the
// command's response_url instead.
func (a *App) answerCommand(ctx context.Context, cmd slackgo.SlashCommand, text string) {
	received := a.cfg.Now()
	q := fmt.Sprintf("<@%s> asked: %s", cmd.UserID, escape(text))
	ts, err := a.post(ctx, replyTarget{Channel: cmd.ChannelID}, fallbackText("Asked: "+text), sections(q))
	if err == nil {
		a.answer(ctx, question{
			to:   replyTarget{Channel: cmd.ChannelID, Thread: ts, Session: cmd.ChannelID + ":" + ts},
			user: cmd.UserID, text: text, received: received, messageID: "slack:" + cmd.ChannelID + ":" + ts,
		})
		return
	}
	a.log.Info("slack: can't post in the channel; answering privately", "channel", cmd.ChannelID, "err", err)
	t := conversation.Turn{Session: "slack-cmd:" + cmd.ChannelID + ":" + cmd.UserID, Channel: "slack",
		Org: a.cfg.ChannelOrgs[cmd.ChannelID], Text: text, ReceivedAt: received, MessageID: "slack:cmd:" + cmd.TriggerID}
	r, err := a.bot.Reply(ctx, t)
	var blocks []slackgo.Block
	if err != nil {
		blocks = sections(escape(userMessage(err)))
	} else {
		// No thread to come back to, so no request button: the modal needs somewhere to reply.
		for _, m := range renderReply(r, replyTarget{}, false) {
			blocks = append(blocks, m...)
		}
		blocks = splitBlocks(blocks, maxBlocks)[0]
	}
	if cmd.ResponseURL == "" {
		return
	}
	no := false
	msg := &slackgo.WebhookMessage{ResponseType: "ephemeral", Text: fallbackText(text), Blocks: &slackgo.Blocks{BlockSet: blocks},
		UnfurlLinks: &no, UnfurlMedia: &no}
	if err := a.call(ctx, func(ctx context.Context) error { return slackgo.PostWebhookContext(ctx, cmd.ResponseURL, msg) }); err != nil {
		a.log.Error("slack: respond to command", "channel", cmd.ChannelID, "err", err)
	}
}
