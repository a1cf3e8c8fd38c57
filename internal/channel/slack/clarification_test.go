package slack

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// awaitingClarification is a harness whose clock is proofNow (Friday 20 March 2026), with a
// request received on Monday 2 March (due Thursday 2 April) on which clarification was asked for
// on Thursday 5 March.
func awaitingClarification(t *testing.T) (*harness, dpo.Case) {
	t.Helper()
	h := proofHarness(t)
	c := h.submitForSelf(t, "everything you hold on me")
	require.Equal(t, "2026-04-02", c.Due.Format(time.DateOnly))
	c, err := h.queue.UpdateStatus(context.Background(), c.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex",
		At: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), Note: "asked which services' records she wants"})
	require.NoError(t, err)
	require.Equal(t, dpo.AwaitingClarification, c.Status)
	return h, c
}

// "Mark in progress" on a case waiting for clarification asks the day the requester's answer
// arrived (today unless changed), rather than ending the pause on the day of the click: an answer
// that came by post last week ends it last week, and the days from asking to the answer, both
// inclusive, are all that is added to the due date (reference rule 5). A day to come or before the
// clarification was asked for is refused under the date.
func TestMarkInProgressAsksTheDayTheClarificationArrived(t *testing.T) {
	tests := []struct {
		name    string
		day     string
		refused string // what is said under the date; "" when it is recorded
		due     string
	}{
		// 5–10 March is 6 days: 2 April + 6.
		{"by post last week", "2026-03-10", "", "Wed 8 Apr 2026"},
		// 5–20 March is 16 days: 2 April + 16 is Saturday 18 April, so Monday 20 April.
		{"today, as the form suggests", "2026-03-20", "", "Mon 20 Apr 2026"},
		// 5 March alone is 1 day: 3 April is Good Friday, then Easter Monday: Tuesday 7 April.
		{"on the day it was asked for", "2026-03-05", "", "Tue 7 Apr 2026"},
		{"a day to come", "2026-03-21", "That day is still to come: choose the day the answer arrived", ""},
		{"before the clarification was asked for", "2026-03-04", "The clarification was asked for on Thu 5 Mar 2026", ""},
		{"before the request was received", "2026-03-01", "The clarification was asked for on Thu 5 Mar 2026", ""},
		{"no day", "", "Choose the day the answer arrived.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, c := awaitingClarification(t)
			opened, blocks := h.assertArrivalFormOpens(t, c.Ref, dpo.AwaitingClarification)
			assert.Contains(t, mustJSON(t, opened.View["title"]), "Clarification arrived")
			assert.Contains(t, blocks, "The day the answer arrived")
			assert.Contains(t, blocks, "Asked for on Thu 5 Mar 2026")
			assert.NotContains(t, blocks, "proof of identity")
			assert.NotContains(t, blocks, "Proof not needed")

			r := h.submitArrivalView(t, opened, "VCLAR", tc.day, "letter narrowing it to her housing file")
			got, err := h.queue.Get(context.Background(), c.Ref)
			require.NoError(t, err)
			if tc.refused != "" {
				assert.Equal(t, "errors", r.ResponseAction)
				assert.Contains(t, r.Errors[fieldArrivedDate], tc.refused)
				assert.Equal(t, dpo.AwaitingClarification, got.Status, "nothing recorded")
				assert.True(t, got.Pauses[len(got.Pauses)-1].To.IsZero(), "the pause is still open")
				return
			}
			require.Equal(t, "update", r.ResponseAction, r.Errors)
			assert.Equal(t, dpo.InProgress, got.Status)
			require.Len(t, got.Pauses, 1)
			assert.Equal(t, "2026-03-05", got.Pauses[0].From.Format(time.DateOnly))
			assert.Equal(t, tc.day, got.Pauses[0].To.Format(time.DateOnly), "the pause runs to the day the answer arrived")
			assert.True(t, got.IDReceived.IsZero(), "no proof recorded")
			assert.Equal(t, tc.due, got.Due.Format("Mon 2 Jan 2006"))
			day, err := time.Parse(time.DateOnly, tc.day)
			require.NoError(t, err)
			said := "clarification recorded as arriving on " + day.Format("Mon 2 Jan 2006") +
				", so the days from asking for it (Thu 5 Mar 2026) to then, both inclusive, don't count; due *" + tc.due + "*"
			assert.Contains(t, mustJSON(t, r.View), "Clarification recorded")
			assert.Contains(t, mustJSON(t, r.View), c.Ref+" is in progress: "+said)
			events := h.assertToldAndRecorded(t, c.Ref, said, dpo.EventClarificationAnswered, "letter narrowing it to her housing file")

			// The same form sent again (a double click) records nothing more, and says the same.
			h.assertSentAgainRecordsNothing(t, h.submitArrivalView(t, opened, "VCLAR", tc.day, "letter narrowing it to her housing file"), c.Ref, said, events)
		})
	}
}

// Answering the clarification of an extended case keeps it extended (the queue's rule): the
// modal and the thread say so rather than "in progress".
func TestClarificationOfAnExtendedCaseKeepsItExtended(t *testing.T) {
	h := proofHarness(t)
	ctx := context.Background()
	c := h.submitForSelf(t, "everything you hold on me")
	_, err := h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Extended, Actor: "alex", At: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC),
		Note: "twenty years of social care records across four services"})
	require.NoError(t, err)
	_, err = h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex", At: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)

	opened := h.openArrivalForm(t, "TRIG-EXT", c.Ref)
	r := h.submitArrivalView(t, opened, "VEXT", "2026-03-12", "")
	require.Equal(t, "update", r.ResponseAction, r.Errors)
	got, err := h.queue.Get(ctx, c.Ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.Extended, got.Status)
	// Three months from 2 March is 2 June, plus 10–12 March (3 days): Friday 5 June.
	assert.Equal(t, "Fri 5 Jun 2026", got.Due.Format("Mon 2 Jan 2006"))
	assert.Contains(t, mustJSON(t, r.View), c.Ref+" is extended: clarification recorded as arriving on Thu 12 Mar 2026")
	h.waitToldInThread(t, "the team is told", "<@U2> moved "+c.Ref+" on (it stays extended): clarification recorded")
}

// A case awaiting nothing is still moved on by the button, without a form, beside one awaiting
// clarification, which gets one; a clarification form sent once the case has moved on (a
// colleague recorded the answer on the dashboard) records nothing.
func TestMarkInProgressOpensTheClarificationFormOnlyForACaseAwaitingIt(t *testing.T) {
	h, c := awaitingClarification(t)
	ctx := context.Background()
	other := h.assertMovesOnWithoutAForm(t)
	assert.Contains(t, h.slack.inThread("CDPO", "1800000000.000001")[0].Text, "<@U2> marked "+other+" in progress.")

	opened := h.openArrivalForm(t, "TRIG-CLAR", c.Ref)
	_, err := h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	r := h.submitArrivalView(t, opened, "VLATE", "2026-03-10", "")
	assert.Equal(t, "errors", r.ResponseAction)
	assert.Contains(t, r.Errors[fieldArrivedDate], "is no longer waiting for clarification (it is in progress now): nothing was recorded.")
	got, err := h.queue.Get(ctx, c.Ref)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-12", got.Pauses[0].To.Format(time.DateOnly), "the colleague's day stands")
}

// A case that came to wait for clarification between the click and the job (a colleague asked
// for it on the dashboard while the queue was busy) is not moved on, which would end its pause
// today: the DPO is told to press again, which asks the day.
func TestMarkInProgressOfACaseThatCameToWaitForClarificationRecordsNothing(t *testing.T) {
	h, c := awaitingClarification(t)
	h.runInProgressJob(c.Ref)
	got, err := h.queue.Get(context.Background(), c.Ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.AwaitingClarification, got.Status)
	assert.True(t, got.Pauses[len(got.Pauses)-1].To.IsZero(), "the pause is still open")
	eph := h.slack.posts("chat.postEphemeral")
	require.Len(t, eph, 1)
	assert.Contains(t, eph[0].Text, "is now waiting for the requester's clarification: press Mark in progress again")
}

// A proof form opened before the form asked about clarifications too carries no "waiting": it is
// still taken for what it was, a proof form.
func TestAProofFormOpenedBeforeTheUpgradeStillRecordsProof(t *testing.T) {
	h, c := awaitingProof(t)
	opened := apiCall{View: map[string]any{"private_metadata": `{"ref":"` + c.Ref + `","channel":"CDPO","thread":"1800000000.000001"}`}}
	r := h.submitProofView(t, opened, "VOLD", "2026-03-10")
	require.Equal(t, "update", r.ResponseAction, r.Errors)
	got, err := h.queue.Get(context.Background(), c.Ref)
	require.NoError(t, err)
	assert.Equal(t, dpo.InProgress, got.Status)
	assert.Equal(t, "2026-03-10", got.IDReceived.Format(time.DateOnly))
}
