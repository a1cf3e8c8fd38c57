package slack

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

func TestRequestsMustBeSignedAndFresh(t *testing.T) {
	h := newHarness(t, nil)
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	now := time.Now()
	tests := []struct {
		name     string
		path     string
		headers  http.Header
		wantCode int
	}{
		{"correctly signed", "/slack/events", sign(testSecret, now, body), http.StatusOK},
		{"signed with another secret", "/slack/events", sign("not-the-secret", now, body), http.StatusUnauthorized},
		{"signed 10 minutes ago", "/slack/events", sign(testSecret, now.Add(-10*time.Minute), body), http.StatusUnauthorized},
		{"signed 10 minutes ahead", "/slack/events", sign(testSecret, now.Add(10*time.Minute), body), http.StatusUnauthorized},
		{"unsigned", "/slack/events", http.Header{}, http.StatusUnauthorized},
		{"signature over another body", "/slack/events", sign(testSecret, now, body+" "), http.StatusUnauthorized},
		{"unsigned command", "/slack/commands", http.Header{}, http.StatusUnauthorized},
		{"unsigned interaction", "/slack/interactions", http.Header{}, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := send(t, h.mux, tt.path, body, tt.headers)
			assert.Equal(t, tt.wantCode, rec.Code)
			if tt.wantCode == http.StatusOK {
				assert.Equal(t, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", rec.Body.String())
			} else {
				assert.NotContains(t, rec.Body.String(), "3eZbrw1a")
			}
		})
	}
}

func TestNoSigningSecretRefusesEverything(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.SigningSecret = "" })
	body := `{"type":"url_verification","challenge":"abc"}`
	rec := send(t, h.mux, "/slack/events", body, sign("", time.Now(), body))
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
}

func TestSlashCommandGetsThreadedAnswerCitingTheNotice(t *testing.T) {
	h := newHarness(t, nil)
	body := url.Values{
		"command": {"/privacy"}, "text": {"how long are complaint records kept"},
		"channel_id": {"C1"}, "user_id": {"U1"}, "trigger_id": {"TRIG1"},
		"response_url": {h.slack.srv.URL + "/response"},
	}.Encode()
	rec := h.signedSend(t, "/slack/commands", body)
	require.Equal(t, http.StatusOK, rec.Code)

	var question apiCall
	waitFor(t, "the question is posted in the channel", func() bool {
		for _, c := range h.slack.posts("chat.postMessage") {
			if c.Channel == "C1" && c.ThreadTS == "" {
				question = c
				return true
			}
		}
		return false
	})
	assert.Contains(t, question.Blocks, "<@U1> asked: how long are complaint records kept")
	waitFor(t, "the answer is posted in the question's thread", func() bool {
		return len(h.slack.inThread("C1", question.TS)) > 0
	})
	ans := h.slack.inThread("C1", question.TS)[0]
	assert.Equal(t, "false", ans.UnfurlLinks)
	assert.Equal(t, "false", ans.UnfurlMedia)

	blocks := blocksOf(t, ans)
	var types []string
	cited := false
	for _, b := range blocks {
		types = append(types, b["type"].(string))
		if b["type"] == "context" && strings.Contains(mustJSON(t, b), "Customer services team privacy notice") {
			cited = true
		}
	}
	assert.True(t, cited, "a context block cites the customer services notice: %s", ans.Blocks)
	assert.Equal(t, "section", types[0], "the answer comes first")
	assert.Equal(t, "actions", types[len(types)-1], "the buttons come last")
	assert.Contains(t, ans.Blocks, actionRaise)
	assert.Contains(t, ans.Blocks, actionHelpful)
}

func TestChannelScopeChoosesTheOrganisation(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.ChannelOrgs = map[string]string{"CBUCKS": "Bucks"} })
	ev := appMention("Ev1", "CBUCKS", "1700000000.000100", "<@UBOT> how long do you keep my data?")
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", ev).Code)
	waitFor(t, "an answer in the thread", func() bool { return len(h.slack.inThread("CBUCKS", "1700000000.000100")) > 0 })
	got := h.slack.inThread("CBUCKS", "1700000000.000100")[0].Blocks
	assert.NotContains(t, got, "Customer services team privacy notice", "a Bucks channel doesn't cite Milton Keynes' notices")
	assert.NotContains(t, got, "Milton Keynes")
}

func appMention(eventID, channel, ts, text string) string {
	b, _ := json.Marshal(map[string]any{
		"type": "event_callback", "token": "x", "team_id": "T1", "api_app_id": "A1", "event_id": eventID,
		"event_time": 1700000000,
		"event": map[string]any{"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": channel,
			"event_ts": ts},
	})
	return string(b)
}

func TestRetriedEventMakesNoSecondAnswer(t *testing.T) {
	h := newHarness(t, nil)
	first := appMention("Ev1", "C1", "1700000000.000100", "<@UBOT> how long are complaint records kept?")
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", first).Code)
	waitFor(t, "the first answer", func() bool { return len(h.slack.inThread("C1", "1700000000.000100")) > 0 })

	// Slack's retry: the same event id, with the retry headers.
	retry := sign(testSecret, time.Now(), first)
	retry.Set("X-Slack-Retry-Num", "1")
	retry.Set("X-Slack-Retry-Reason", "http_timeout")
	require.Equal(t, http.StatusOK, send(t, h.mux, "/slack/events", first, retry).Code)
	// A mis-signed event is refused and does nothing.
	forged := appMention("Ev3", "C1", "1700000000.000300", "<@UBOT> forged question")
	require.Equal(t, http.StatusUnauthorized, send(t, h.mux, "/slack/events", forged, sign("wrong", time.Now(), forged)).Code)
	// A later event: with one worker answering in order, once it is answered anything queued
	// before it has been too.
	later := appMention("Ev2", "C1", "1700000000.000200", "<@UBOT> who do you share information with?")
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", later).Code)
	waitFor(t, "the later answer", func() bool { return len(h.slack.inThread("C1", "1700000000.000200")) > 0 })

	assert.Len(t, h.slack.inThread("C1", "1700000000.000100"), 1, "the retry made no second answer")
	assert.Empty(t, h.slack.inThread("C1", "1700000000.000300"), "the forged event was not answered")
}

func TestModalSubmissionCreatesCaseAndPostsItToTheDPOChannel(t *testing.T) {
	h := newHarness(t, nil)
	// The "Raise a request" button under an answer opens the modal.
	raise := mustJSON(t, raiseValue{Channel: "C1", Thread: "1700000000.000100", Session: "C1:1700000000.000100"})
	rec := pressRaise(t, h, raise)
	require.Equal(t, http.StatusOK, rec.Code)
	waitFor(t, "views.open", func() bool { return len(h.slack.posts("views.open")) == 1 })
	opened := h.slack.posts("views.open")[0]
	assert.Equal(t, "TRIG-RAISE", opened.TriggerID)
	assert.Equal(t, requestCallback, opened.View["callback_id"])
	for _, field := range []string{fieldType, fieldOrg, fieldName, fieldContact, fieldOnBehalfOf, fieldService, fieldDescription} {
		assert.Contains(t, mustJSON(t, opened.View["blocks"]), `"block_id":"`+field+`"`)
	}

	submit := func(viewID, contact string) *responseJSON {
		rec := h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
			"type": "view_submission", "trigger_id": "TRIG-SUBMIT-" + viewID, "user": map[string]any{"id": "U1"},
			"view": map[string]any{
				"id": viewID, "callback_id": requestCallback, "private_metadata": opened.View["private_metadata"],
				"state": map[string]any{"values": map[string]any{
					fieldType:        selected("access"),
					fieldOrg:         selected("Milton Keynes City Council"),
					fieldName:        typed("Jo Bloggs"),
					fieldContact:     typed(contact),
					fieldOnBehalfOf:  typed(""),
					fieldService:     typed("Customer services"),
					fieldDescription: typed("A copy of the notes of my call about my council tax in March"),
				}},
			},
		}))
		require.Equal(t, http.StatusOK, rec.Code)
		var r responseJSON
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r), rec.Body.String())
		return &r
	}

	// A contact that isn't one is shown under the contact field, and nothing is created.
	bad := submit("VBAD", "not a contact")
	assert.Equal(t, "errors", bad.ResponseAction)
	assert.Contains(t, bad.Errors, fieldContact)
	// Nor is a case reference's digits, which the chat and the web form refuse by the same rule.
	ref := submit("VREF", "2026-000004")
	assert.Equal(t, "errors", ref.ResponseAction)
	assert.Contains(t, ref.Errors[fieldContact], "case reference")
	cases, err := h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Empty(t, cases)

	ok := submit("V1", "jo@example.org")
	assert.Equal(t, "update", ok.ResponseAction)
	cases, err = h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	require.Len(t, cases, 1)
	c := cases[0]
	assert.Equal(t, dpo.Access, c.Type)
	assert.Equal(t, dpo.ChannelSlack, c.Channel)
	assert.Equal(t, "Jo Bloggs", c.Requester.Name)
	assert.Contains(t, mustJSON(t, ok.View), c.Ref, "the modal shows the reference")

	// Submitting the same view again (a double click, a resend) makes no second case.
	again := submit("V1", "jo@example.org")
	assert.Contains(t, mustJSON(t, again.View), c.Ref)
	cases, err = h.queue.List(context.Background(), dpo.Filter{})
	require.NoError(t, err)
	assert.Len(t, cases, 1)

	waitFor(t, "the reference in the thread", func() bool {
		for _, p := range h.slack.inThread("C1", "1700000000.000100") {
			if strings.Contains(p.Blocks, c.Ref) {
				return true
			}
		}
		return false
	})

	// The outbox announces the case to the DPO's channel, without the requester's details.
	d := &dpo.Dispatcher{Store: h.store, Notifiers: map[string]dpo.Notifier{"slack": h.app}}
	res, err := d.DispatchOnce(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, res.Delivered)
	var dpoPost apiCall
	for _, p := range h.slack.posts("chat.postMessage") {
		if p.Channel == "CDPO" {
			dpoPost = p
		}
	}
	require.NotEmpty(t, dpoPost.Blocks, "a post to the DPO channel")
	assert.Contains(t, dpoPost.Blocks, c.Ref)
	assert.Contains(t, dpoPost.Blocks, "https://privacy.example.gov.uk/dpo/cases/"+c.Ref)
	assert.Contains(t, dpoPost.Blocks, c.Due.Format("Mon 2 Jan 2006"))
	for _, personal := range []string{"Jo Bloggs", "jo@example.org", "council tax"} {
		assert.NotContains(t, dpoPost.Blocks+dpoPost.Text, personal)
	}

	// "Take it" assigns the case to whoever pressed it.
	rec = h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
		"type": "block_actions", "trigger_id": "TRIG-TAKE", "user": map[string]any{"id": "U2", "name": "sam.dpo"},
		"channel":   map[string]any{"id": "CDPO"},
		"container": map[string]any{"type": "message", "channel_id": "CDPO", "message_ts": dpoPost.TS},
		"actions":   []map[string]any{{"action_id": actionTake, "block_id": "case_actions", "type": "button", "value": c.Ref}},
	}))
	require.Equal(t, http.StatusOK, rec.Code)
	waitFor(t, "the case is assigned", func() bool {
		got, err := h.queue.Get(context.Background(), c.Ref)
		return err == nil && got.AssignedTo == "sam.dpo"
	})
	waitFor(t, "the team is told in the case's thread", func() bool { return len(h.slack.inThread("CDPO", dpoPost.TS)) == 1 })

	// Pressed again, it is already theirs: said so, not "can't be marked in progress".
	rec = h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
		"type": "block_actions", "trigger_id": "TRIG-TAKE-2", "user": map[string]any{"id": "U2", "name": "sam.dpo"},
		"channel":   map[string]any{"id": "CDPO"},
		"container": map[string]any{"type": "message", "channel_id": "CDPO", "message_ts": dpoPost.TS},
		"actions":   []map[string]any{{"action_id": actionTake, "block_id": "case_actions", "type": "button", "value": c.Ref}},
	}))
	require.Equal(t, http.StatusOK, rec.Code)
	waitFor(t, "sam is told the case is theirs already", func() bool {
		for _, p := range h.slack.posts("chat.postEphemeral") {
			if strings.Contains(p.Text, c.Ref+" is already yours.") {
				return true
			}
		}
		return false
	})
}

type responseJSON struct {
	ResponseAction string            `json:"response_action"`
	Errors         map[string]string `json:"errors"`
	View           map[string]any    `json:"view"`
}

func selected(v string) map[string]any {
	return map[string]any{valueAction: map[string]any{"type": "static_select", "selected_option": map[string]any{"value": v}}}
}

func typed(v string) map[string]any {
	return map[string]any{valueAction: map[string]any{"type": "plain_text_input", "value": v}}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestRateLimitedPostIsRetriedAfterRetryAfter(t *testing.T) {
	h := newHarness(t, nil)
	var waits []time.Duration
	h.app.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	h.slack.mu.Lock()
	h.slack.rateLimited["chat.postMessage"] = 1
	h.slack.retryAfter = "2"
	h.slack.mu.Unlock()

	c := dpo.Case{Ref: "DPO-2026-000007", Type: dpo.Erasure, Organisation: "Buckinghamshire Council",
		Due: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}
	require.NoError(t, h.app.Notify(context.Background(), c))
	assert.Equal(t, []time.Duration{2 * time.Second}, waits, "waited as long as Retry-After said")
	require.Len(t, h.slack.posts("chat.postMessage"), 1)
	assert.Len(t, h.slack.posts("chat.postMessage (429)"), 1)

	// Slack that keeps refusing: the retries are capped and the error reaches the dispatcher.
	waits = nil
	h.slack.mu.Lock()
	h.slack.rateLimited["chat.postMessage"] = 100
	h.slack.mu.Unlock()
	err := h.app.Notify(context.Background(), c)
	require.Error(t, err)
	assert.Len(t, waits, maxRetries)
}

func TestDigestListsOverdueAndDueSoonCases(t *testing.T) {
	h := newHarness(t, nil)
	now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)
	h.app.cfg.Now = func() time.Time { return now }
	h.queue.Now = func() time.Time { return now }
	submit := func(received time.Time) dpo.Case {
		c, err := h.queue.Submit(context.Background(), dpo.Submission{
			Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: received, Channel: dpo.ChannelWeb,
			Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
			Description: "copy of my records",
		})
		require.NoError(t, err)
		return c
	}
	overdue := submit(now.AddDate(0, -2, 0))
	soon := submit(now.AddDate(0, 0, -27))
	later := submit(now.AddDate(0, 0, -1))
	// Law-enforcement (Part 3) cases: one the DPO is deciding on, overdue by its UK GDPR date,
	// counts with the overdue; a confirmed one has no date to bring it up, and is listed apart.
	flag := func(received time.Time, to dpo.LawEnforcement) dpo.Case {
		c, err := h.queue.Submit(context.Background(), dpo.Submission{
			Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: received, Channel: dpo.ChannelWeb,
			Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
			Description: "the file used to prosecute me", LawEnforcement: true,
		})
		require.NoError(t, err)
		if to == dpo.LawEnforcementConfirmed {
			c, err = h.queue.MarkLawEnforcement(context.Background(), c.Ref, to, "a prosecution file", "alex")
			require.NoError(t, err)
		}
		return c
	}
	undecided := flag(now.AddDate(0, -2, -1), dpo.LawEnforcementSuspected)
	confirmed := flag(now.AddDate(0, 0, -3), dpo.LawEnforcementConfirmed)

	require.NoError(t, h.app.Digest(context.Background()))
	posts := h.slack.posts("chat.postMessage")
	require.Len(t, posts, 1)
	got := posts[0].Blocks
	assert.Equal(t, "CDPO", posts[0].Channel)
	assert.Contains(t, got, "2 overdue · 1 due in the next 7 days")
	assert.Contains(t, got, overdue.Ref)
	assert.Contains(t, got, soon.Ref)
	assert.NotContains(t, got, later.Ref)
	assert.Less(t, strings.Index(got, overdue.Ref), strings.Index(got, soon.Ref), "overdue first")
	assert.NotContains(t, got, "Jo Bloggs")
	assert.Contains(t, got, undecided.Ref)
	assert.Contains(t, got, "under UK GDPR, unless the DPO confirms it is law enforcement (Part 3)")
	assert.Contains(t, got, "Law enforcement (Part 3), open:")
	assert.Contains(t, got, confirmed.Ref)
}

// A confirmed Part 3 case is due by the time limit the DPO set: due this week, it is listed
// with the cases due soon, once; due later, among the Part 3 cases with its time limit; with
// none, it says so.
func TestDigestListsAPart3CaseByItsTimeLimit(t *testing.T) {
	h := newHarness(t, nil)
	now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC) // Monday
	h.app.cfg.Now = func() time.Time { return now }
	h.queue.Now = func() time.Time { return now }
	ctx := context.Background()
	confirmed := func(limit string) dpo.Case {
		c, err := h.queue.Submit(ctx, dpo.Submission{
			Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: now.AddDate(0, 0, -3), Channel: dpo.ChannelWeb,
			Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
			Description: "the file used to prosecute me", LawEnforcement: true,
		})
		require.NoError(t, err)
		c, err = h.queue.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "a prosecution file", "alex")
		require.NoError(t, err)
		if limit != "" {
			day, err := time.Parse(time.DateOnly, limit)
			require.NoError(t, err)
			c, err = h.queue.SetTimeLimit(ctx, c.Ref, day, "s.45 of the DPA 2018", "alex")
			require.NoError(t, err)
		}
		return c
	}
	soon, later, unset := confirmed("2026-06-18"), confirmed("2026-07-31"), confirmed("")

	require.NoError(t, h.app.Digest(ctx))
	posts := h.slack.posts("chat.postMessage")
	require.Len(t, posts, 1)
	got := posts[0].Blocks
	assert.Contains(t, got, "0 overdue · 1 due in the next 7 days")
	assert.Equal(t, 1, strings.Count(got, "|"+soon.Ref+">"), "listed once, with the cases due soon: %s", got)
	assert.Contains(t, got, "due *Thu 18 Jun 2026*, the time limit the DPO set (Part 3)")
	assert.Regexp(t, regexp.QuoteMeta(later.Ref)+`[^•]*time limit Fri 31 Jul 2026`, got)
	assert.Regexp(t, regexp.QuoteMeta(unset.Ref)+`[^•]*no time limit set`, got)
}

// listing records what the digest asks the queue for, and how many cases it is given.
type listing struct {
	Cases
	filters []dpo.Filter
	read    int
}

func (l *listing) List(ctx context.Context, f dpo.Filter) ([]dpo.Case, error) {
	l.filters = append(l.filters, f)
	cases, err := l.Cases.List(ctx, f)
	l.read += len(cases)
	return cases, err
}

// The digest asks the queue for the cases it lists and no others: the due-soon ones, and the open
// Part 3 ones (which a due date may not bring up), chosen by the store's query; never every open
// case, of which a council's queue may hold thousands.
func TestDigestReadsOnlyTheCasesItLists(t *testing.T) {
	h := newHarness(t, nil)
	now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC) // Monday
	h.app.cfg.Now = func() time.Time { return now }
	h.queue.Now = func() time.Time { return now }
	rec := &listing{Cases: h.queue}
	h.app.cases = rec
	ctx := context.Background()
	submit := func(received time.Time, description string, flag dpo.LawEnforcement) dpo.Case {
		c, err := h.queue.Submit(ctx, dpo.Submission{
			Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: received, Channel: dpo.ChannelWeb,
			Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
			Description: description, LawEnforcement: flag != dpo.NotLawEnforcement,
		})
		require.NoError(t, err)
		if flag == dpo.LawEnforcementConfirmed {
			c, err = h.queue.MarkLawEnforcement(ctx, c.Ref, flag, "a prosecution file", "alex")
			require.NoError(t, err)
		}
		return c
	}
	var ordinary []string
	for range 20 {
		ordinary = append(ordinary, submit(now.AddDate(0, 0, -1), "copy of my records", dpo.NotLawEnforcement).Ref) // due in a month
	}
	soon := submit(now.AddDate(0, 0, -27), "copy of my records", dpo.NotLawEnforcement)
	suspected := submit(now.AddDate(0, 0, -1), "the file used to prosecute me", dpo.LawEnforcementSuspected)
	confirmed := submit(now.AddDate(0, 0, -2), "the file used to prosecute me", dpo.LawEnforcementConfirmed)

	require.NoError(t, h.app.Digest(ctx))
	posts := h.slack.posts("chat.postMessage")
	require.Len(t, posts, 1)
	got := posts[0].Blocks
	for _, c := range []dpo.Case{soon, suspected, confirmed} {
		assert.Contains(t, got, c.Ref)
	}
	for _, ref := range ordinary {
		assert.NotContains(t, got, ref)
	}
	assert.Equal(t, []dpo.Filter{
		{DueWithin: 7 * 24 * time.Hour, Now: now},
		{Statuses: dpo.OpenStatuses(), LawEnforcement: true, Now: now},
	}, rec.filters)
	assert.Equal(t, 3, rec.read, "the cases listed, and none of the %d others", len(ordinary))
}

// The digest tells the DPO how many website questions of the last day the notices didn't
// answer, and links to them; not a word of the questions themselves.
func TestDigestCountsQuestionsTheNoticesDidntAnswer(t *testing.T) {
	var since time.Time
	h := newHarness(t, func(c *Config) {
		c.Unanswered = func(_ context.Context, from time.Time) (int, error) { since = from; return 3, nil }
	})
	now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)
	h.app.cfg.Now = func() time.Time { return now }
	require.NoError(t, h.app.Digest(context.Background()))
	posts := h.slack.posts("chat.postMessage")
	require.Len(t, posts, 1)
	assert.Contains(t, posts[0].Blocks, "3 questions residents asked on the website in the last day weren't answered by the notices")
	assert.Contains(t, posts[0].Blocks, "https://privacy.example.gov.uk/dpo/unanswered?days=7")
	assert.Equal(t, now.Add(-24*time.Hour), since)

	// None, or a count that failed: the digest of cases goes out without the line.
	for _, count := range []func(context.Context, time.Time) (int, error){
		func(context.Context, time.Time) (int, error) { return 0, nil },
		func(context.Context, time.Time) (int, error) { return 0, errors.New("store down") },
	} {
		h := newHarness(t, func(c *Config) { c.Unanswered = count })
		require.NoError(t, h.app.Digest(context.Background()))
		posts := h.slack.posts("chat.postMessage")
		require.Len(t, posts, 1)
		assert.NotContains(t, posts[0].Blocks, "residents asked on the website")
	}
}

func TestNextDigest(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	tests := []struct {
		now, want time.Time
	}{
		{time.Date(2026, 6, 15, 6, 0, 0, 0, london), time.Date(2026, 6, 15, 8, 30, 0, 0, london)},
		{time.Date(2026, 6, 15, 8, 30, 0, 0, london), time.Date(2026, 6, 16, 8, 30, 0, 0, london)},
		{time.Date(2026, 12, 31, 23, 0, 0, 0, london), time.Date(2027, 1, 1, 8, 30, 0, 0, london)},
		// The clocks go forward on 29 March 2026: 08:30 is still 08:30 in London.
		{time.Date(2026, 3, 28, 12, 0, 0, 0, london), time.Date(2026, 3, 29, 8, 30, 0, 0, london)},
	}
	for _, tt := range tests {
		got := nextDigest(tt.now.UTC(), 8, 30)
		assert.True(t, tt.want.Equal(got), "after %s: got %s, want %s", tt.now, got, tt.want)
	}
}

func TestCommandWhereTheBotIsNotAnswersPrivatelyAndLogsNoText(t *testing.T) {
	var logs strings.Builder
	var mu sync.Mutex
	h := newHarness(t, func(c *Config) {
		c.Log = slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	h.slack.mu.Lock()
	h.slack.notIn["CPRIVATE"] = true
	h.slack.mu.Unlock()
	body := url.Values{
		"command": {"/privacy"}, "text": {"how long are complaint records kept"},
		"channel_id": {"CPRIVATE"}, "user_id": {"U1"}, "trigger_id": {"TRIG9"},
		"response_url": {h.slack.srv.URL + "/response"},
	}.Encode()
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/commands", body).Code)
	waitFor(t, "the answer through response_url", func() bool { return len(h.slack.posts("response")) == 1 })
	resp := h.slack.posts("response")[0]
	assert.Contains(t, resp.Blocks, "Customer services team privacy notice")
	assert.NotContains(t, resp.Blocks, actionRaise, "no request button without a thread to reply in")

	mu.Lock()
	defer mu.Unlock()
	assert.Contains(t, logs.String(), "answering privately", "the fallback was logged")
	assert.NotContains(t, logs.String(), "complaint records", "message text is never logged")
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// A form error is shown under the input it is about, whether the queue named the field ("requester
// name") or the form's check did ("name", "on_behalf_of"); one about no input shows under the
// description.
func TestFieldErrorsShowUnderTheirInput(t *testing.T) {
	a := &App{}
	for field, block := range map[string]string{"name": fieldName, "requester name": fieldName, "on_behalf_of": fieldOnBehalfOf,
		"on behalf of": fieldOnBehalfOf, "contact": fieldContact, "org": fieldOrg, "idempotency_key": fieldDescription} {
		assert.Contains(t, a.fieldErrors(&dpo.FieldError{Field: field, Reason: "this can be at most 200 characters long"}), block, field)
	}
}

// A new mention that only says "ok" or "yes" starts a conversation of its own: it is answered,
// not told that a conversation had ended.
func TestANewMentionIsNoEndedConversation(t *testing.T) {
	h := newHarness(t, nil)
	ev := appMention("Ev1", "C1", "1700000000.000100", "<@UBOT> ok")
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", ev).Code)
	waitFor(t, "an answer in the thread", func() bool { return len(h.slack.inThread("C1", "1700000000.000100")) > 0 })
	assert.NotContains(t, h.slack.inThread("C1", "1700000000.000100")[0].Blocks, "had ended")
}
