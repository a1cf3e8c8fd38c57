package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// proofNow is when the proof tests run: Friday 20 March 2026, 09:00 in London.
var proofNow = time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)

// awaitingProof is a harness whose clock is proofNow, with a request made for someone else on
// Monday 2 March, waiting for proof of authority.
func awaitingProof(t *testing.T) (*harness, dpo.Case) {
	t.Helper()
	h := proofHarness(t)
	c, err := h.queue.Submit(context.Background(), dpo.Submission{
		Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Channel: dpo.ChannelWeb, AwaitingID: true,
		Requester: dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"},
			OnBehalfOf: true, OnBehalfOfWhom: "Pat Bloggs"},
		Description: "my father's care records",
	})
	require.NoError(t, err)
	require.Equal(t, dpo.AwaitingVerification, c.Status)
	return h, c
}

// proofHarness is a harness whose clock, the app's and the queue's, is proofNow.
func proofHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, nil)
	h.app.cfg.Now = func() time.Time { return proofNow }
	h.queue.Now = func() time.Time { return proofNow }
	return h
}

// submitForSelf submits Jo Bloggs's own access request, received on Monday 2 March by the web
// form and so waiting for nothing, asking for description.
func (h *harness) submitForSelf(t *testing.T, description string) dpo.Case {
	t.Helper()
	c, err := h.queue.Submit(context.Background(), dpo.Submission{
		Type: dpo.Access, Organisation: "Milton Keynes City Council", Received: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Channel:     dpo.ChannelWeb,
		Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
		Description: description,
	})
	require.NoError(t, err)
	return c
}

// pressInProgress presses "Mark in progress" under the case's post in the DPO channel.
func (h *harness) pressInProgress(t *testing.T, trigger, ref string) {
	t.Helper()
	rec := h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
		"type": "block_actions", "trigger_id": trigger, "user": map[string]any{"id": "U2", "name": "sam.dpo"},
		"channel":   map[string]any{"id": "CDPO"},
		"container": map[string]any{"type": "message", "channel_id": "CDPO", "message_ts": "1800000000.000001"},
		"actions":   []map[string]any{{"action_id": actionInProgress, "block_id": "case_actions", "type": "button", "value": ref}},
	}))
	require.Equal(t, http.StatusOK, rec.Code)
}

// assertMovesOnWithoutAForm submits another case, waiting for nothing, presses "Mark in progress"
// on it and checks it is moved on, the team told once in the thread, with no form opened; it
// returns the case's reference.
func (h *harness) assertMovesOnWithoutAForm(t *testing.T) string {
	t.Helper()
	other := h.submitForSelf(t, "copy of my records")
	h.pressInProgress(t, "TRIG-OTHER", other.Ref)
	waitFor(t, "the case is in progress", func() bool {
		got, err := h.queue.Get(context.Background(), other.Ref)
		return err == nil && got.Status == dpo.InProgress
	})
	waitFor(t, "the team is told", func() bool { return len(h.slack.inThread("CDPO", "1800000000.000001")) == 1 })
	assert.Empty(t, h.slack.posts("views.open"))
	return other.Ref
}

// runInProgressJob runs the worker queue's job for "Mark in progress" pressed by sam.dpo under
// the case's post, as if the case's state changed between the click and the job.
func (h *harness) runInProgressJob(ref string) {
	ic := slackgo.InteractionCallback{User: slackgo.User{ID: "U2", Name: "sam.dpo"}}
	ic.Channel.ID = "CDPO"
	ic.Container.MessageTs = "1800000000.000001"
	h.app.updateCase(context.Background(), ic, actionInProgress, ref)
}

// openArrivalForm presses "Mark in progress" on the case and waits for the form asking the day
// what was awaited arrived (the only one opened in the test).
func (h *harness) openArrivalForm(t *testing.T, trigger, ref string) apiCall {
	t.Helper()
	h.pressInProgress(t, trigger, ref)
	waitFor(t, "views.open", func() bool { return len(h.slack.posts("views.open")) == 1 })
	return h.slack.posts("views.open")[0]
}

// assertArrivalFormOpens presses "Mark in progress" on the case ref, waiting (status), and checks
// that the arrival form opens for the click, suggesting today in London and naming no requester,
// and that the click records nothing; it returns the form and its blocks as JSON.
func (h *harness) assertArrivalFormOpens(t *testing.T, ref string, waiting dpo.Status) (apiCall, string) {
	t.Helper()
	opened := h.openArrivalForm(t, "TRIG-PROGRESS", ref)
	assert.Equal(t, "TRIG-PROGRESS", opened.TriggerID)
	assert.Equal(t, arrivalCallback, opened.View["callback_id"])
	blocks := mustJSON(t, opened.View["blocks"])
	assert.Contains(t, blocks, `"initial_date":"2026-03-20"`, "today, in London")
	assert.NotContains(t, blocks, "Jo Bloggs")
	got, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, waiting, got.Status, "nothing is recorded by the click")
	return opened, blocks
}

// waitToldInThread waits for a post in the case's thread in the DPO channel that says text.
func (h *harness) waitToldInThread(t *testing.T, why, text string) {
	t.Helper()
	waitFor(t, why, func() bool {
		for _, p := range h.slack.inThread("CDPO", "1800000000.000001") {
			if strings.Contains(p.Blocks, text) {
				return true
			}
		}
		return false
	})
}

// assertToldAndRecorded checks that the team is told in the case's thread that sam.dpo marked
// the case ref in progress, saying said, and that the trail's last event is of kind, by sam.dpo,
// with note in its note; it returns the trail.
func (h *harness) assertToldAndRecorded(t *testing.T, ref, said string, kind dpo.EventKind, note string) []dpo.Event {
	t.Helper()
	h.waitToldInThread(t, "the team is told in the case's thread", "<@U2> marked "+ref+" in progress: "+said)
	events, err := h.queue.Events(context.Background(), ref)
	require.NoError(t, err)
	last := events[len(events)-1]
	assert.Equal(t, kind, last.Kind)
	assert.Equal(t, "slack:U2 (sam.dpo)", last.Actor)
	assert.Contains(t, last.Note, note)
	return events
}

// assertSentAgainRecordsNothing checks the same form sent again (a double click): it records
// nothing more on the case's trail, which had events, and says the same.
func (h *harness) assertSentAgainRecordsNothing(t *testing.T, again responseJSON, ref, said string, events []dpo.Event) {
	t.Helper()
	assert.Equal(t, "update", again.ResponseAction, again.Errors)
	assert.Contains(t, mustJSON(t, again.View), said)
	events2, err := h.queue.Events(context.Background(), ref)
	require.NoError(t, err)
	assert.Len(t, events2, len(events))
}

// submitProofView submits the proof modal opened as opened, with the day picked (YYYY-MM-DD, or
// "" for none).
func (h *harness) submitProofView(t *testing.T, opened apiCall, viewID, day string) responseJSON {
	t.Helper()
	return h.submitArrivalView(t, opened, viewID, day, "copy of the lasting power of attorney, by post")
}

// submitArrivalView submits the arrival modal (proof or clarification) opened as opened, with
// the day picked (YYYY-MM-DD, or "" for none) and the note typed.
func (h *harness) submitArrivalView(t *testing.T, opened apiCall, viewID, day, note string) responseJSON {
	t.Helper()
	return h.submitArrivalChoice(t, opened, viewID, "", day, note)
}

// submitArrivalChoice submits the arrival modal as submitArrivalView does, with the proof form's
// choice (fieldProofNeeded) made: "" leaves it out, as the clarification form has none.
func (h *harness) submitArrivalChoice(t *testing.T, opened apiCall, viewID, choice, day, note string) responseJSON {
	t.Helper()
	values := map[string]any{
		fieldArrivedDate: map[string]any{valueAction: map[string]any{"type": "datepicker", "selected_date": day}},
		fieldArrivedNote: typed(note),
	}
	if choice != "" {
		values[fieldProofNeeded] = map[string]any{valueAction: map[string]any{"type": "radio_buttons",
			"selected_option": map[string]any{"value": choice}}}
	}
	rec := h.signedSend(t, "/slack/interactions", interaction(t, map[string]any{
		"type": "view_submission", "trigger_id": "TRIG-SUBMIT-" + viewID, "user": map[string]any{"id": "U2", "name": "sam.dpo"},
		"view": map[string]any{
			"id": viewID, "callback_id": arrivalCallback, "private_metadata": opened.View["private_metadata"],
			"state": map[string]any{"values": values},
		},
	}))
	require.Equal(t, http.StatusOK, rec.Code)
	var r responseJSON
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r), rec.Body.String())
	return r
}

// "Mark in progress" on a case waiting for proof asks the day the proof arrived (today unless
// changed), rather than recording it as arriving on the day of the click: a letter that came last
// week starts the month last week. A day to come or before receipt is refused under the date.
func TestMarkInProgressAsksTheDayTheProofArrived(t *testing.T) {
	tests := []struct {
		name    string
		day     string
		refused string // what is said under the date; "" when it is recorded
		due     string
	}{
		{"by post last week", "2026-03-10", "", "Fri 10 Apr 2026"},
		{"today, as the form suggests", "2026-03-20", "", "Mon 20 Apr 2026"},
		{"on the day it was received", "2026-03-02", "", "Thu 2 Apr 2026"},
		{"a day to come", "2026-03-21", "That day is still to come", ""},
		{"before the request was received", "2026-03-01", "The request was received on Mon 2 Mar 2026", ""},
		{"no day", "", "Choose the day the proof arrived.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, c := awaitingProof(t)
			opened, blocks := h.assertArrivalFormOpens(t, c.Ref, dpo.AwaitingVerification)
			assert.Contains(t, blocks, "Received Mon 2 Mar 2026")
			assert.Contains(t, blocks, "None was needed after all", "where to say none was needed")
			assert.Contains(t, blocks, `"initial_option":{"text":{"emoji":true,"text":"The proof arrived"`, "proof arriving is what is recorded unless changed")

			r := h.submitProofView(t, opened, "VPROOF", tc.day)
			got, err := h.queue.Get(context.Background(), c.Ref)
			require.NoError(t, err)
			if tc.refused != "" {
				assert.Equal(t, "errors", r.ResponseAction)
				assert.Contains(t, r.Errors[fieldArrivedDate], tc.refused)
				assert.Equal(t, dpo.AwaitingVerification, got.Status, "nothing recorded")
				return
			}
			require.Equal(t, "update", r.ResponseAction, r.Errors)
			assert.Equal(t, dpo.InProgress, got.Status)
			assert.Equal(t, tc.day, got.IDReceived.Format(time.DateOnly))
			assert.Equal(t, tc.due, got.Due.Format("Mon 2 Jan 2006"))
			day, err := time.Parse(time.DateOnly, tc.day)
			require.NoError(t, err)
			said := "proof recorded as arriving on " + day.Format("Mon 2 Jan 2006") + ", so its month runs from that day; due *" + tc.due + "*"
			assert.Contains(t, mustJSON(t, r.View), said)
			events := h.assertToldAndRecorded(t, c.Ref, said, dpo.EventIDReceived, "copy of the lasting power of attorney, by post")

			// The same form sent again (a double click) records nothing more, and says the same.
			h.assertSentAgainRecordsNothing(t, h.submitProofView(t, opened, "VPROOF", tc.day), c.Ref, said, events)
		})
	}
}

// The proof form also says none was needed after all (the authority was on file, say), as the
// dashboard's "Proof not needed" does: the month runs from receipt, or from the day an earlier
// round of proof arrived, never from the day chosen or the day of the click; the day isn't read.
func TestTheProofFormRecordsThatNoneWasNeeded(t *testing.T) {
	tests := []struct {
		name        string
		earlier     bool   // an earlier round of proof arrived on Tue 10 March, then more was asked for
		day         string // the form's day, not read
		runs, due   string
		opensSaying string
	}{
		{"first round", false, "2026-03-20", "receipt, Mon 2 Mar 2026", "Thu 2 Apr 2026", "its month then runs from receipt, Mon 2 Mar 2026"},
		{"the day left to come", false, "2026-03-25", "receipt, Mon 2 Mar 2026", "Thu 2 Apr 2026", "Its month runs from receipt, Mon 2 Mar 2026."},
		{"after an earlier round of proof", true, "2026-03-20", "the day the earlier proof arrived, Tue 10 Mar 2026", "Fri 10 Apr 2026",
			"Its month runs from the day the earlier proof arrived, Tue 10 Mar 2026."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, c := awaitingProof(t)
			ctx := context.Background()
			if tc.earlier {
				_, err := h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex",
					At: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), Note: "passport copy"})
				require.NoError(t, err)
				_, err = h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex", Note: "the copy is unreadable"})
				require.NoError(t, err)
			}
			opened := h.openArrivalForm(t, "TRIG-NONE", c.Ref)
			assert.Contains(t, mustJSON(t, opened.View["blocks"]), tc.opensSaying)

			r := h.submitArrivalChoice(t, opened, "VNONE", proofNotNeededChoice, tc.day, "LPA already on file")
			require.Equal(t, "update", r.ResponseAction, r.Errors)
			got, err := h.queue.Get(ctx, c.Ref)
			require.NoError(t, err)
			assert.Equal(t, dpo.InProgress, got.Status)
			assert.Equal(t, tc.due, got.Due.Format("Mon 2 Jan 2006"))
			said := "no proof was needed, so its month runs from " + tc.runs + "; due *" + tc.due + "*"
			assert.Contains(t, mustJSON(t, r.View), said)
			events := h.assertToldAndRecorded(t, c.Ref, said, dpo.EventProofNotNeeded, "LPA already on file")

			// The same form sent again (a double click) records nothing more, and says the same.
			again := h.submitArrivalChoice(t, opened, "VNONE", proofNotNeededChoice, tc.day, "LPA already on file")
			h.assertSentAgainRecordsNothing(t, again, c.Ref, said, events)
		})
	}
}

// A form saying no proof was needed, sent once proof was recorded as arriving (a colleague got
// there first), records nothing, and says so under the choice.
func TestProofNotNeededAfterProofArrivedRecordsNothing(t *testing.T) {
	h, c := awaitingProof(t)
	opened := h.openArrivalForm(t, "TRIG-NONE", c.Ref)
	_, err := h.queue.UpdateStatus(context.Background(), c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", Note: "passport copy"})
	require.NoError(t, err)
	r := h.submitArrivalChoice(t, opened, "VNONE", proofNotNeededChoice, "2026-03-20", "")
	assert.Equal(t, "errors", r.ResponseAction)
	assert.Contains(t, r.Errors[fieldProofNeeded], "is no longer waiting for proof (it is in progress now): nothing was recorded.")
	events, err := h.queue.Events(context.Background(), c.Ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.EventIDReceived, events[len(events)-1].Kind)
}

// A case not waiting for proof is moved on by the button as before: nothing to ask.
func TestMarkInProgressOfACaseNotWaitingForProofOpensNoForm(t *testing.T) {
	h, c := awaitingProof(t)
	h.assertMovesOnWithoutAForm(t)

	// A proof form sent once the case has moved on (a colleague got there first) records nothing.
	opened := h.openArrivalForm(t, "TRIG-PROOF", c.Ref)
	_, err := h.queue.UpdateStatus(context.Background(), c.Ref, dpo.Change{To: dpo.Withdrawn, Actor: "alex", Note: "phoned to withdraw it"})
	require.NoError(t, err)
	r := h.submitProofView(t, opened, "VLATE", "2026-03-10")
	assert.Equal(t, "errors", r.ResponseAction)
	assert.Contains(t, r.Errors[fieldArrivedDate], "is no longer waiting for proof (it is withdrawn now): nothing was recorded.")
}

// "Mark in progress" on a case not waiting for proof is moved on by a job on the worker queue; a
// case that came to wait for proof before the job ran (a colleague asked for ID on the dashboard
// while the queue was busy) is not moved on, which would record its proof as arriving today (a
// review): the DPO is told to press again, which asks the day.
func TestMarkInProgressOfACaseThatCameToWaitForProofRecordsNothing(t *testing.T) {
	h, c := awaitingProof(t)
	h.runInProgressJob(c.Ref)
	got, err := h.queue.Get(context.Background(), c.Ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.AwaitingVerification, got.Status)
	assert.True(t, got.IDReceived.IsZero(), "no proof recorded")
	eph := h.slack.posts("chat.postEphemeral")
	require.Len(t, eph, 1)
	assert.Contains(t, eph[0].Text, "is now waiting for proof of identity or authority: press Mark in progress again")
}

// The proof form's day is London's: half an hour after midnight in summer, the UTC date is still
// yesterday's (a review: nothing tested it).
func TestTheProofFormOffersLondonsToday(t *testing.T) {
	h, c := awaitingProof(t)
	h.app.cfg.Now = func() time.Time { return time.Date(2026, 6, 10, 23, 30, 0, 0, time.UTC) } // 00:30 on 11 June, BST
	opened := h.openArrivalForm(t, "TRIG-NIGHT", c.Ref)
	assert.Contains(t, mustJSON(t, opened.View["blocks"]), `"initial_date":"2026-06-11"`)
}
