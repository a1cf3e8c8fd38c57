package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

func TestEscape(t *testing.T) {
	assert.Equal(t, "&lt;script&gt; &amp; &lt;!channel&gt;", escape("<script> & <!channel>"))
}

func TestLinkOnlyForWebAddresses(t *testing.T) {
	tests := []struct{ url, label, want string }{
		{"https://www.milton-keynes.gov.uk/privacy", "Notice", "<https://www.milton-keynes.gov.uk/privacy|Notice>"},
		{"", "Notice", "Notice"},
		{"javascript:alert(1)", "Notice", "Notice"},
		{"https://x.example/a|b>c", "A & B", "<https://x.example/a%7Cb%3Ec|A &amp; B>"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, link(tt.url, tt.label), tt.url)
	}
}

func TestSplitText(t *testing.T) {
	para := strings.Repeat("word ", 500) // 2,500 characters
	tests := []struct {
		name string
		in   string
		max  int
	}{
		{"short", "one paragraph", 3000},
		{"paragraphs", para + "\n\n" + para + "\n\n" + para, 3000},
		{"one long line", strings.Repeat("a sentence. ", 1000), 3000},
		{"no spaces", strings.Repeat("x", 7000), 3000},
		{"escapes at the cut", strings.Repeat("&amp;", 1000), 3000},
		{"multi-byte", strings.Repeat("é", 6500), 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitText(tt.in, tt.max)
			for _, p := range parts {
				assert.LessOrEqual(t, utf8.RuneCountInString(p), tt.max)
				assert.True(t, utf8.ValidString(p))
				assert.NotEmpty(t, p)
			}
			assert.Equal(t, strings.Join(strings.Fields(tt.in), ""), strings.Join(strings.Fields(strings.Join(parts, "")), ""),
				"nothing is lost or reordered")
			if tt.name == "escapes at the cut" {
				for _, p := range parts {
					assert.True(t, strings.HasSuffix(p, ";"), "an escape is never cut in two")
				}
			}
		})
	}
}

func TestLongRepliesAreSplitWithinSlacksLimits(t *testing.T) {
	var text strings.Builder
	for i := range 400 {
		fmt.Fprintf(&text, "Sentence %d of a long answer about how records are kept & shared. ", i)
	}
	var cites []answer.Citation
	for i := 1; i <= 70; i++ {
		cites = append(cites, answer.Citation{N: i, Title: "Notice " + fmt.Sprint(i), Section: "Retention",
			Excerpt: strings.Repeat("excerpt ", 200), Source: "https://example.gov.uk/n"})
	}
	r := conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: text.String(), Citations: cites}}
	msgs := renderReply(r, replyTarget{Channel: "C1", Thread: "1.2"}, true)
	require.Greater(t, len(msgs), 1, "more than 50 blocks make several messages")

	var sectionText strings.Builder
	var contexts, actionsSeen int
	for i, m := range msgs {
		assert.LessOrEqual(t, len(m), maxBlocks, "message %d", i)
		for _, b := range m {
			switch b := b.(type) {
			case *slackgo.SectionBlock:
				assert.LessOrEqual(t, utf8.RuneCountInString(b.Text.Text), maxSectionText)
				sectionText.WriteString(b.Text.Text + " ")
			case *slackgo.ContextBlock:
				contexts++
				for _, el := range b.ContextElements.Elements {
					assert.LessOrEqual(t, utf8.RuneCountInString(el.(*slackgo.TextBlockObject).Text), 3000)
				}
			case *slackgo.ActionBlock:
				actionsSeen++
				assert.Equal(t, len(msgs)-1, i, "the buttons are in the last message")
			}
		}
	}
	assert.Equal(t, 70, contexts, "every citation is kept")
	assert.Equal(t, 1, actionsSeen)
	assert.Equal(t, strings.Join(strings.Fields(escape(text.String())), " "), strings.Join(strings.Fields(sectionText.String()), " "),
		"the whole answer, escaped, in order")
}

func TestRenderReplyKinds(t *testing.T) {
	to := replyTarget{Channel: "C1", Thread: "1.2", Session: "C1:1.2"}
	tests := []struct {
		name        string
		reply       conversation.Reply
		wantButtons []string
		wantText    []string
	}{
		{"answer", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "Six years [1].",
			Citations: []answer.Citation{{N: 1, Title: "Customer services team privacy notice", Section: "How long", Excerpt: "held for 6 years"}},
			Stale:     []answer.StaleNotice{{Title: "Old notice", Note: "last updated 17 May 2018"}}}},
			[]string{actionHelpful, actionNotHelpful, actionRaise}, []string{"Six years [1].", "[1] *Customer services team privacy notice* · How long · “held for 6 years”", "last updated 17 May 2018"}},
		{"abstained gives the contact", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "The notices don't say.",
			Abstained: true, Contact: &answer.Contact{Organisation: "Buckinghamshire Council", Text: "dpo@example.gov.uk"}}},
			[]string{actionRaise}, []string{"Data protection contact for Buckinghamshire Council", "dpo@example.gov.uk"}},
		{"unsure gives the contact too", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "The notices may not answer this exactly. [1]",
			Hedged: true, Contact: &answer.Contact{Organisation: "Milton Keynes City Council", Text: "01908 254900"}}},
			[]string{actionHelpful, actionNotHelpful, actionRaise}, []string{"Data protection contact for Milton Keynes City Council", "01908 254900"}},
		{"safeguarding has no buttons", conversation.Reply{Kind: conversation.KindSafeguarding, Answer: answer.Answer{Answer: "call 999"}},
			nil, []string{"call 999"}},
		{"submitted shows the reference", conversation.Reply{Kind: conversation.KindSubmitted, Reference: "DPO-2026-000001",
			Answer: answer.Answer{Answer: "Your reference is DPO-2026-000001 — please keep it."}},
			nil, []string{"*DPO-2026-000001*"}},
		{"intake offers the form", conversation.Reply{Kind: conversation.KindIntake, Intake: &conversation.IntakeState{Type: "erasure"},
			Answer: answer.Answer{Answer: "What is your full name?"}},
			[]string{actionRaise}, []string{"What is your full name?", `\"k\":\"erasure\"`, "Others in this channel can read this thread"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := renderReply(tt.reply, to, true)
			require.Len(t, msgs, 1)
			b, err := json.Marshal(msgs[0])
			require.NoError(t, err)
			got := string(b)
			for _, want := range tt.wantText {
				assert.Contains(t, got, want)
			}
			for _, id := range []string{actionHelpful, actionNotHelpful, actionRaise} {
				has := strings.Contains(got, `"action_id":"`+id+`"`)
				want := false
				for _, w := range tt.wantButtons {
					want = want || w == id
				}
				assert.Equal(t, want, has, "button %s", id)
			}
		})
	}
}

func TestParseChannelOrgs(t *testing.T) {
	got, err := ParseChannelOrgs("C123=Milton Keynes Council, C456=Bucks,")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"C123": "Milton Keynes Council", "C456": "Bucks"}, got)

	empty, err := ParseChannelOrgs("")
	require.NoError(t, err)
	assert.Empty(t, empty)

	for _, bad := range []string{"C123", "=Bucks", "C123=", "#privacy=Bucks"} {
		_, err := ParseChannelOrgs(bad)
		assert.Error(t, err, bad)
	}
}

func TestManifest(t *testing.T) {
	socket := NewManifest("", "")
	assert.True(t, socket.Settings.SocketModeEnabled)
	assert.Empty(t, socket.Settings.EventSubscriptions.RequestURL)
	assert.Equal(t, "/privacy", socket.Features.SlashCommands[0].Command)
	assert.ElementsMatch(t, []string{"app_mentions:read", "chat:write", "commands", "im:history"}, socket.OAuthConfig.Scopes.Bot)
	assert.ElementsMatch(t, []string{"app_mention", "message.im"}, socket.Settings.EventSubscriptions.BotEvents)
	assert.True(t, socket.Settings.Interactivity.IsEnabled)
	assert.True(t, socket.Features.AppHome.MessagesTabEnabled, "people can DM the bot")

	web := NewManifest("MK Privacy", "https://bot.example/")
	assert.False(t, web.Settings.SocketModeEnabled)
	assert.Equal(t, "https://bot.example/slack/events", web.Settings.EventSubscriptions.RequestURL)
	assert.Equal(t, "https://bot.example/slack/interactions", web.Settings.Interactivity.RequestURL)
	assert.Equal(t, "https://bot.example/slack/commands", web.Features.SlashCommands[0].URL)
	assert.Equal(t, "MK Privacy", web.DisplayInformation.Name)
}

// fakeAcker records Socket Mode acknowledgements.
type fakeAcker struct {
	ids      []string
	payloads []any
}

func (f *fakeAcker) AckCtx(_ context.Context, id string, payload any) error {
	f.ids = append(f.ids, id)
	f.payloads = append(f.payloads, payload)
	return nil
}

func TestSocketModeSharesTheHandlers(t *testing.T) {
	h := newHarness(t, nil)
	ack := &fakeAcker{}
	ctx := context.Background()

	// A slash command with no question is answered at once with the usage, in the ack.
	h.app.onSocketEvent(ctx, ack, socketmode.Event{Type: socketmode.EventTypeSlashCommand,
		Data:    slackgo.SlashCommand{Command: "/privacy", ChannelID: "C1", UserID: "U1", TriggerID: "T0"},
		Request: &socketmode.Request{EnvelopeID: "env-1"}})
	require.Equal(t, []string{"env-1"}, ack.ids)
	assert.Contains(t, fmt.Sprint(ack.payloads[0]), "/privacy how long are complaint records kept?")

	// A direct message is acknowledged, then answered at the top level of the DM.
	raw := appMessageIM("EvDM", "D1", "1700000000.000500", "how long are complaint records kept?")
	ev, err := parseEvent(raw)
	require.NoError(t, err)
	h.app.onSocketEvent(ctx, ack, socketmode.Event{Type: socketmode.EventTypeEventsAPI, Data: ev,
		Request: &socketmode.Request{EnvelopeID: "env-2"}})
	assert.Equal(t, []string{"env-1", "env-2"}, ack.ids)
	waitFor(t, "the DM is answered", func() bool { return len(h.slack.inThread("D1", "")) > 0 })
	assert.Contains(t, h.slack.inThread("D1", "")[0].Blocks, "Customer services team privacy notice")

	// The bot's own messages are not answered (no loop).
	own := appMessageIM("EvBot", "D1", "1700000000.000600", "")
	ev, err = parseEvent(strings.Replace(own, `"user":"U1"`, `"bot_id":"B1","user":"UBOT"`, 1))
	require.NoError(t, err)
	q, ok := h.app.questionOf(ev.InnerEvent)
	assert.False(t, ok, "%+v", q)
}

func appMessageIM(eventID, channel, ts, text string) string {
	b, _ := json.Marshal(map[string]any{
		"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1", "event_id": eventID,
		"event": map[string]any{"type": "message", "channel_type": "im", "user": "U1", "text": text, "ts": ts,
			"channel": channel, "event_ts": ts},
	})
	return string(b)
}

func parseEvent(raw string) (slackevents.EventsAPIEvent, error) {
	return slackevents.ParseEvent(json.RawMessage(raw), slackevents.OptionNoVerifyToken())
}

func BenchmarkRenderReply(b *testing.B) {
	r := conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{
		Answer: strings.Repeat("All records relating to complaints will be held for 6 years [1]. ", 20)}}
	for i := 1; i <= 5; i++ {
		r.Citations = append(r.Citations, answer.Citation{N: i, Title: "Customer services team privacy notice",
			Section: "How long we keep hold of information for", Excerpt: strings.Repeat("held for 6 years ", 20)})
	}
	to := replyTarget{Channel: "C1", Thread: "1.2", Session: "C1:1.2"}
	for b.Loop() {
		renderReply(r, to, true)
	}
}
