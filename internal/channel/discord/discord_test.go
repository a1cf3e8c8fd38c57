package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/index/indextest"
)

const complaintQuestion = "How long do you keep complaint records?"

func TestPingGetsPong(t *testing.T) {
	h := newHarness(t)
	rec := h.post(t, []byte(`{"id":"1","application_id":"app1","type":1,"token":"t","version":1}`))
	require.Equal(t, http.StatusOK, rec.Code)
	assert.JSONEq(t, `{"type":1}`, rec.Body.String())
}

func TestUnverifiedRequestsAreRefused(t *testing.T) {
	h := newHarness(t)
	ping := []byte(`{"id":"1","application_id":"app1","type":1,"token":"t","version":1}`)
	_, otherKey, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)

	tests := []struct {
		name string
		send func() int
		want int
	}{
		{"signed with another key", func() int { return h.postSigned(t, ping, otherKey, h.now).Code }, http.StatusUnauthorized},
		{"timestamp six minutes old", func() int { return h.postSigned(t, ping, h.priv, h.now.Add(-6*time.Minute)).Code }, http.StatusUnauthorized},
		{"timestamp six minutes ahead", func() int { return h.postSigned(t, ping, h.priv, h.now.Add(6*time.Minute)).Code }, http.StatusUnauthorized},
		{"timestamp four minutes old is fine", func() int { return h.postSigned(t, ping, h.priv, h.now.Add(-4*time.Minute)).Code }, http.StatusOK},
		{"no signature", func() int {
			req, _ := http.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(ping))
			rec := newRecorder()
			h.handler.ServeHTTP(rec, req)
			return rec.Code
		}, http.StatusUnauthorized},
		{"body changed after signing", func() int {
			rec := newRecorder()
			req := signedRequest(t, ping, h.priv, h.now)
			req.Body = readCloser(bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1))
			h.handler.ServeHTTP(rec, req)
			return rec.Code
		}, http.StatusUnauthorized},
		{"body over the limit", func() int {
			big := append([]byte(`{"type":1,"pad":"`), bytes.Repeat([]byte("x"), MaxBody)...)
			return h.post(t, append(big, '"', '}')).Code
		}, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.send())
		})
	}
	// A refused slash command does no work.
	rec := h.postSigned(t, slashCommand(t, snowflake(h.now, 1), "c1", complaintQuestion), otherKey, h.now)
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
	h.app.Wait()
	assert.Empty(t, h.fake.received(http.MethodPatch, "/webhooks/"))
}

func TestRoutesRefuseEverythingWithoutAPublicKey(t *testing.T) {
	h := newHarness(t)
	app, err := New(Options{Bot: h.bot, Session: h.app.session, Now: func() time.Time { return h.now }})
	require.NoError(t, err)
	mux := http.NewServeMux()
	app.Routes(mux)
	rec := newRecorder()
	mux.ServeHTTP(rec, signedRequest(t, []byte(`{"type":1}`), h.priv, h.now))
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
}

func TestSlashCommandIsDeferredThenAnsweredWithACitedEmbed(t *testing.T) {
	h := newHarness(t)
	id := snowflake(h.now, 1)
	rec := h.post(t, slashCommand(t, id, "c1", complaintQuestion))
	require.Equal(t, http.StatusOK, rec.Code)
	assert.JSONEq(t, `{"type":5}`, rec.Body.String(), "a deferred response, within Discord's three seconds")

	h.app.Wait()
	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 1)
	var msg discordgo.Message
	require.NoError(t, json.Unmarshal(edits[0].Raw, &msg))
	require.NotEmpty(t, msg.Embeds)
	cited := false
	for _, f := range msg.Embeds[0].Fields {
		if strings.Contains(f.Name, "Customer services team privacy notice") && strings.Contains(f.Value, "6 years") {
			cited = true
		}
	}
	assert.True(t, cited, "a field cites the customer services notice's 6 years: %+v", msg.Embeds[0].Fields)
	assert.Contains(t, msg.Embeds[0].Description, "6 years")

	// Feedback buttons and the way into a request.
	assert.ElementsMatch(t, []string{idFeedbackYes, idFeedbackNo, idRaise}, customIDs(t, edits[0].Raw))
	// Quoted text pings nobody.
	mentions, _ := edits[0].Body["allowed_mentions"].(map[string]any)
	assert.Equal(t, []any{}, mentions["parse"])
}

func TestHTTPModeSendsNoEmptyBotToken(t *testing.T) {
	h := newHarness(t)
	s, err := discordgo.New("Bot ") // serve without DISCORD_BOT_TOKEN
	require.NoError(t, err)
	app, err := New(Options{Bot: h.bot, Session: s, PublicKey: fmt.Sprintf("%x", []byte(h.pub)), Now: func() time.Time { return h.now }})
	require.NoError(t, err)
	mux := http.NewServeMux()
	app.Routes(mux)
	id := snowflake(h.now, 1)
	mux.ServeHTTP(newRecorder(), signedRequest(t, slashCommand(t, id, "c1", complaintQuestion), h.priv, h.now))
	app.Wait()
	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 1)
	assert.Empty(t, edits[0].Header.Get("Authorization"), "the interaction token in the URL is the credential")
}

func TestRetriedInteractionIsAnsweredOnce(t *testing.T) {
	h := newHarness(t)
	body := slashCommand(t, snowflake(h.now, 1), "c1", complaintQuestion)
	first := h.post(t, body)
	again := h.post(t, body)
	assert.JSONEq(t, `{"type":5}`, first.Body.String())
	assert.JSONEq(t, first.Body.String(), again.Body.String(), "a retry gets the same acknowledgement")
	h.app.Wait()
	assert.Len(t, h.fake.received(http.MethodPatch, "/messages/@original"), 1)
	assert.Empty(t, h.fake.received(http.MethodPost, "/webhooks/"), "no follow-up either")
}

func TestRequestInAServerChannelIsSteeredToTheForm(t *testing.T) {
	h := newHarness(t)
	id := snowflake(h.now, 1)
	h.post(t, slashCommand(t, id, "c1", "I want a copy of all the data you hold about me"))
	h.app.Wait()
	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 1)
	assert.Contains(t, edits[0].Body["content"], "This channel is public")
	assert.Equal(t, []string{idRaise + "access"}, customIDs(t, edits[0].Raw), "the form, with the type filled in")
	assert.Empty(t, h.cases(t), "nothing is on the queue until the details are given")
}

func TestRaiseButtonOpensAFormWithTheClassifiedType(t *testing.T) {
	h := newHarness(t)
	rec := h.post(t, buttonClick(t, snowflake(h.now, 1), idRaise+"access"))
	require.Equal(t, http.StatusOK, rec.Code)
	var resp struct {
		Type int `json:"type"`
		Data struct {
			CustomID   string `json:"custom_id"`
			Title      string `json:"title"`
			Components []struct {
				Components []struct {
					CustomID string `json:"custom_id"`
					Value    string `json:"value"`
					Label    string `json:"label"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	assert.Equal(t, int(discordgo.InteractionResponseModal), resp.Type)
	assert.Equal(t, idForm, resp.Data.CustomID)
	require.LessOrEqual(t, len(resp.Data.Components), 5, "Discord allows five inputs")
	values := map[string]string{}
	for _, row := range resp.Data.Components {
		require.Len(t, row.Components, 1)
		assert.LessOrEqual(t, len([]rune(row.Components[0].Label)), 45)
		values[row.Components[0].CustomID] = row.Components[0].Value
	}
	assert.Equal(t, "access", values[inputType])
	assert.Contains(t, values, inputContact)
	assert.Contains(t, values, inputOnBehalfOf, "a scoped channel leaves room to ask whose request it is")
}

func TestFormInAnUnscopedChannelAsksForTheCouncil(t *testing.T) {
	h := newHarness(t)
	require.Greater(t, len(h.app.allOrgs), 1, "the bundled corpus has more than one council")
	resp := h.app.requestModal("", "")
	ids := modalInputIDs(resp)
	assert.Contains(t, ids, inputOrg)
	assert.LessOrEqual(t, len(ids), 5)
	// The description takes as much as Discord lets a text input take, not 2,000 of the queue's
	// 5,000 characters.
	for _, c := range resp.Data.Components {
		for _, in := range c.(discordgo.ActionsRow).Components {
			if in := in.(discordgo.TextInput); in.CustomID == inputDescription {
				assert.Equal(t, 4000, in.MaxLength)
			}
		}
	}
}

func TestFormSubmitCreatesOneCaseAndRepliesWithTheReference(t *testing.T) {
	h := newHarness(t)
	id := snowflake(h.now, 7)
	form := modalSubmit(t, id, map[string]string{
		inputType: "access", inputName: "Jo Bloggs", inputContact: "jo@example.org",
		inputDescription: "A copy of my council tax records",
	})
	rec := h.post(t, form)
	require.Equal(t, http.StatusOK, rec.Code)
	var ack discordgo.InteractionResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &ack))
	assert.Equal(t, discordgo.InteractionResponseDeferredChannelMessageWithSource, ack.Type)
	require.NotNil(t, ack.Data)
	assert.Equal(t, discordgo.MessageFlagsEphemeral, ack.Data.Flags, "only the requester sees the reference")
	h.app.Wait()

	cases := h.cases(t)
	require.Len(t, cases, 1)
	c := cases[0]
	assert.Regexp(t, refRe, c.Ref)
	assert.Equal(t, dpo.ChannelDiscord, c.Channel)
	assert.Equal(t, testOrg, c.Organisation, "the channel's scope")
	assert.Equal(t, dpo.Access, c.Type)
	assert.Equal(t, "jo@example.org", c.Requester.Contact.Value)
	assert.True(t, c.Received.Equal(h.now), "the clock starts when Discord received the form: %s", c.Received)

	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 1)
	assert.Contains(t, edits[0].Body["content"], c.Ref)

	// Delivered again, to this process and to another replica with no memory of it.
	h.post(t, form)
	h.app.Wait()
	other, err := New(Options{Bot: newBot(indextest.Bundled(t).Composer, indextest.Bundled(t).Orgs, h.store, func() time.Time { return h.now }),
		Session: h.app.session, PublicKey: fmt.Sprintf("%x", []byte(h.pub)), ChannelOrgs: "c1=" + testOrg,
		Now: func() time.Time { return h.now }})
	require.NoError(t, err)
	mux := http.NewServeMux()
	other.Routes(mux)
	rec = newRecorder()
	mux.ServeHTTP(rec, signedRequest(t, form, h.priv, h.now))
	require.Equal(t, http.StatusOK, rec.Code)
	other.Wait()

	assert.Len(t, h.cases(t), 1, "one case however often the form arrives")
	edits = h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 2, "the replica answered once; this process not again")
	assert.Contains(t, edits[1].Body["content"], c.Ref, "with the same reference")
}

func TestFormWithMistakesCreatesNoCase(t *testing.T) {
	tests := []struct {
		name   string
		fields map[string]string
		want   string
	}{
		{"unknown type", map[string]string{inputType: "refund", inputName: "Jo", inputContact: "jo@example.org", inputDescription: "x"}, "Use one of: access"},
		{"bad contact", map[string]string{inputType: "erasure", inputName: "Jo", inputContact: "somewhere", inputDescription: "x"}, "Please check the contact"},
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			id := snowflake(h.now, 20+n)
			h.post(t, modalSubmit(t, id, tt.fields))
			h.app.Wait()
			assert.Empty(t, h.cases(t))
			edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
			require.Len(t, edits, 1)
			assert.Contains(t, edits[0].Body["content"], tt.want)
			assert.Contains(t, edits[0].Body["content"], "Nothing was sent")
		})
	}
}

func TestFeedbackButtonsAreRecorded(t *testing.T) {
	h := newHarness(t)
	rec := h.post(t, buttonClick(t, snowflake(h.now, 1), idFeedbackYes))
	var resp discordgo.InteractionResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	assert.Equal(t, discordgo.InteractionResponseChannelMessageWithSource, resp.Type)
	assert.Equal(t, discordgo.MessageFlagsEphemeral, resp.Data.Flags)
	h.post(t, buttonClick(t, snowflake(h.now, 2), idFeedbackNo))
	h.post(t, buttonClick(t, snowflake(h.now, 2), idFeedbackNo)) // a retry counts once
	h.app.Wait()
	h.mu.Lock()
	defer h.mu.Unlock()
	assert.ElementsMatch(t, []bool{true, false}, h.helpful)
}

func TestRegisterOverwritesTheCommands(t *testing.T) {
	fake := newFakeDiscord(t)
	s, err := discordgo.New("Bot test-token")
	require.NoError(t, err)
	for _, guild := range []string{"", "g1", "g1"} { // twice for the guild: re-running is safe
		cmds, err := Register(context.Background(), s, "app1", guild)
		require.NoError(t, err)
		require.Len(t, cmds, 1)
		assert.Equal(t, "privacy", cmds[0].Name)
		assert.NotEmpty(t, cmds[0].ID)
	}
	global := fake.received(http.MethodPut, "/applications/app1/commands")
	guild := fake.received(http.MethodPut, "/applications/app1/guilds/g1/commands")
	require.Len(t, global, 1)
	require.Len(t, guild, 2)
	for _, c := range append(global, guild...) {
		var sent []discordgo.ApplicationCommand
		require.NoError(t, json.Unmarshal(c.Raw, &sent))
		require.Len(t, sent, 1, "the whole set, so nothing stale survives")
		assert.Equal(t, "privacy", sent[0].Name)
		require.Len(t, sent[0].Options, 1)
		assert.Equal(t, "question", sent[0].Options[0].Name)
		assert.True(t, sent[0].Options[0].Required)
	}
	_, err = Register(context.Background(), s, "", "")
	assert.Error(t, err, "no application id")
}

// stubBot replies with a fixed reply and remembers the turns it got.
type stubBot struct {
	mu    sync.Mutex
	reply conversation.Reply
	err   error
	turns []conversation.Turn
}

func (b *stubBot) Reply(_ context.Context, t conversation.Turn) (conversation.Reply, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.turns = append(b.turns, t)
	return b.reply, b.err
}

func (b *stubBot) SubmitForm(context.Context, conversation.RequestForm) (conversation.Reply, error) {
	return conversation.Reply{}, errors.New("not used")
}

func TestLongAnswerIsSplitIntoFollowUpsWithinLimits(t *testing.T) {
	h := newHarness(t)
	bot := &stubBot{reply: conversation.Reply{Kind: conversation.KindAnswer, Answer: longAnswer(40)}}
	app, err := New(Options{Bot: bot, Session: h.app.session, PublicKey: fmt.Sprintf("%x", []byte(h.pub)), Now: func() time.Time { return h.now }})
	require.NoError(t, err)
	mux := http.NewServeMux()
	app.Routes(mux)
	id := snowflake(h.now, 3)
	rec := newRecorder()
	mux.ServeHTTP(rec, signedRequest(t, slashCommand(t, id, "c1", "anything"), h.priv, h.now))
	require.Equal(t, http.StatusOK, rec.Code)
	app.Wait()

	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	follow := h.fake.received(http.MethodPost, "/webhooks/app1/token-"+id)
	require.Len(t, edits, 1)
	require.NotEmpty(t, follow, "the rest comes as follow-ups")
	fields := 0
	for _, c := range append(edits, follow...) {
		var msg discordgo.Message
		require.NoError(t, json.Unmarshal(c.Raw, &msg))
		assertWithinLimits(t, Message{Content: msg.Content, Embeds: msg.Embeds})
		for _, e := range msg.Embeds {
			fields += len(e.Fields)
		}
	}
	assert.GreaterOrEqual(t, fields, 40, "every citation is there")
	assert.Equal(t, "wait=true", follow[0].Query)
	// The buttons go once, on the last message.
	assert.Empty(t, customIDs(t, edits[0].Raw))
	assert.NotEmpty(t, customIDs(t, follow[len(follow)-1].Raw))
}

func TestRateLimitedEditIsRetried(t *testing.T) {
	h := newHarness(t)
	id := snowflake(h.now, 4)
	h.fake.rateLimit(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original", 1)
	h.post(t, slashCommand(t, id, "c1", complaintQuestion))
	h.app.Wait()
	edits := h.fake.received(http.MethodPatch, "/webhooks/app1/token-"+id+"/messages/@original")
	require.Len(t, edits, 1, "the 429 was waited out and the answer delivered once")
	h.fake.mu.Lock()
	defer h.fake.mu.Unlock()
	assert.Zero(t, h.fake.limited[http.MethodPatch+" /webhooks/app1/token-"+id+"/messages/@original"], "the 429 was given")
}

func TestTurnsCarryScopeSessionAndReceivedTime(t *testing.T) {
	h := newHarness(t)
	bot := &stubBot{reply: conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "ok"}}}
	app, err := New(Options{Bot: bot, Session: h.app.session, ChannelOrgs: "c1=" + testOrg + ", g2=Buckinghamshire Council",
		Now: func() time.Time { return h.now.Add(time.Hour) }})
	require.NoError(t, err)
	for n, ch := range []struct{ channel, guild string }{{"c1", "g1"}, {"c9", "g2"}, {"c9", "g3"}} {
		i := &discordgo.Interaction{ID: snowflake(h.now, n), AppID: "app1", Token: "t", Type: discordgo.InteractionApplicationCommand,
			ChannelID: ch.channel, GuildID: ch.guild, Member: &discordgo.Member{User: &discordgo.User{ID: "u1"}},
			Data: discordgo.ApplicationCommandInteractionData{Name: "privacy", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "q"}}}}
		_, work, dup := app.interaction(i)
		require.False(t, dup)
		work(context.Background())
	}
	require.Len(t, bot.turns, 3)
	assert.Equal(t, testOrg, bot.turns[0].Org, "the channel's own scope")
	assert.Equal(t, "Buckinghamshire Council", bot.turns[1].Org, "its server's scope")
	assert.Equal(t, "", bot.turns[2].Org, "no scope: all notices")
	assert.Equal(t, "discord:c1:u1", bot.turns[0].Session)
	assert.Equal(t, "discord", bot.turns[0].Channel)
	assert.True(t, bot.turns[0].ReceivedAt.Equal(h.now), "from the interaction's id, not the local clock")
	assert.NotEqual(t, bot.turns[0].MessageID, bot.turns[1].MessageID)
}

func TestMentionsAndDirectMessagesAreAnswered(t *testing.T) {
	h := newHarness(t)
	s := h.app.session
	// Discord's IDs are snowflakes: a mention is "<@" and digits.
	const bot, someoneElse = "110000000000000001", "220000000000000002"
	s.State.User = &discordgo.User{ID: bot}
	msg := func(id int, guild, author string, authorIsBot bool, content string, mentions ...string) *discordgo.MessageCreate {
		m := &discordgo.Message{ID: snowflake(h.now, id), ChannelID: "c1", GuildID: guild, Content: content,
			Author: &discordgo.User{ID: author, Bot: authorIsBot}}
		for _, u := range mentions {
			m.Mentions = append(m.Mentions, &discordgo.User{ID: u})
		}
		return &discordgo.MessageCreate{Message: m}
	}
	tests := []struct {
		name     string
		event    *discordgo.MessageCreate
		answered bool
	}{
		{"mention in a server", msg(1, "g1", "u1", false, "<@"+bot+"> "+complaintQuestion, bot), true},
		{"direct message", msg(2, "", "u1", false, complaintQuestion), true},
		{"server message not for the bot", msg(3, "g1", "u1", false, complaintQuestion), false},
		{"mention of someone else", msg(4, "g1", "u1", false, "<@"+someoneElse+"> "+complaintQuestion, someoneElse), false},
		{"another bot", msg(5, "", "b2", true, complaintQuestion), false},
		{"itself", msg(6, "", bot, false, complaintQuestion), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(h.fake.received(http.MethodPost, "/channels/c1/messages"))
			h.app.OnMessage(s, tt.event)
			h.app.OnMessage(s, tt.event) // delivered twice
			h.app.Wait()
			sent := h.fake.received(http.MethodPost, "/channels/c1/messages")[before:]
			if !tt.answered {
				assert.Empty(t, sent)
				return
			}
			require.Len(t, sent, 1, "answered once")
			var out struct {
				Embeds    []*discordgo.MessageEmbed   `json:"embeds"`
				Reference *discordgo.MessageReference `json:"message_reference"`
			}
			require.NoError(t, json.Unmarshal(sent[0].Raw, &out))
			require.NotEmpty(t, out.Embeds)
			assert.Contains(t, out.Embeds[0].Description, "6 years")
			require.NotNil(t, out.Reference)
			assert.Equal(t, tt.event.ID, out.Reference.MessageID, "a reply to the question")
		})
	}
}

func TestGatewayInteractionIsAcknowledgedThenAnswered(t *testing.T) {
	h := newHarness(t)
	var i discordgo.Interaction
	id := snowflake(h.now, 1)
	require.NoError(t, json.Unmarshal(slashCommand(t, id, "c1", complaintQuestion), &i))
	h.app.OnInteraction(h.app.session, &discordgo.InteractionCreate{Interaction: &i})
	h.app.OnInteraction(h.app.session, &discordgo.InteractionCreate{Interaction: &i}) // replayed after a reconnect
	h.app.Wait()
	acks := h.fake.received(http.MethodPost, "/interactions/"+id+"/token-"+id+"/callback")
	require.Len(t, acks, 1)
	assert.EqualValues(t, 5, acks[0].Body["type"])
	assert.Len(t, h.fake.received(http.MethodPatch, "/messages/@original"), 1)
}

func TestLogsNeverHoldMessageText(t *testing.T) {
	h := newHarness(t)
	var logs bytes.Buffer
	h.app.log = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h.post(t, slashCommand(t, snowflake(h.now, 1), "c1", complaintQuestion))
	h.post(t, modalSubmit(t, snowflake(h.now, 2), map[string]string{inputType: "access", inputName: "Jo Secretname",
		inputContact: "not-a-contact", inputDescription: "my secret records"}))
	h.app.Wait()
	h.app.bot = &stubBot{err: fmt.Errorf("answer %q: %w", "secret question", errors.New("boom"))}
	h.post(t, slashCommand(t, snowflake(h.now, 3), "c1", "secret question"))
	h.app.Wait()
	for _, secret := range []string{"complaint records", "Secretname", "not-a-contact", "my secret records"} {
		assert.NotContains(t, logs.String(), secret)
	}
	// The one unexpected failure is logged (with the error the bot made, which is its business).
	assert.Contains(t, logs.String(), "reply failed")
}

func TestParseChannelOrgs(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"", map[string]string{}, false},
		{"C1=Milton Keynes Council", map[string]string{"C1": "Milton Keynes Council"}, false},
		{" C1 = Milton Keynes Council , G2=Buckinghamshire Council,", map[string]string{"C1": "Milton Keynes Council", "G2": "Buckinghamshire Council"}, false},
		{"C1", nil, true},
		{"=Bucks", nil, true},
		{"C1=", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseChannelOrgs(tt.in)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	got, err := ParsePublicKey(fmt.Sprintf(" %x\n", []byte(pub)))
	require.NoError(t, err)
	assert.Equal(t, pub, got)
	for _, bad := range []string{"", "zz", fmt.Sprintf("%x", []byte(pub)[:31])} {
		_, err := ParsePublicKey(bad)
		assert.Error(t, err, bad)
	}
	_, err = New(Options{Bot: &stubBot{}, Session: &discordgo.Session{}, PublicKey: "nothex"})
	assert.ErrorContains(t, err, "DISCORD_PUBLIC_KEY")
}

// customIDs lists the custom ids of the buttons in a message's JSON.
func customIDs(t *testing.T, raw []byte) []string {
	t.Helper()
	var m struct {
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(raw, &m))
	var ids []string
	for _, row := range m.Components {
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

func modalInputIDs(resp *discordgo.InteractionResponse) []string {
	var ids []string
	for _, c := range resp.Data.Components {
		for _, in := range c.(discordgo.ActionsRow).Components {
			ids = append(ids, in.(discordgo.TextInput).CustomID)
		}
	}
	return ids
}

var refRe = regexp.MustCompile(`^DPO-\d{4}-\d{6}$`)
