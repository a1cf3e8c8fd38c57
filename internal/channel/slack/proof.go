package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

// proofCallback is the callback id of the modal asking the day proof of identity or authority
// arrived, opened by "Mark in progress" on a case waiting for it.
const proofCallback = "dpo_proof_arrived"

// Block ids of the proof modal's inputs; each input's element has action id valueAction.
const (
	fieldProofDate = "proof_date"
	fieldProofNote = "proof_note"
)

// proofMeta travels in the proof modal's private_metadata: the case, and the DPO channel's
// message whose thread is told.
type proofMeta struct {
	Ref     string `json:"ref"`
	Channel string `json:"channel"`
	Thread  string `json:"thread"`
}

// markInProgress handles "Mark in progress". A case waiting for proof of identity or authority
// is not simply moved on: that would record the proof as arriving today, and its month (rule 2)
// would run from today even when the letter came last week. A modal asks the day it arrived,
// as the dashboard does. Any other case is moved on as before, on the worker queue.
func (a *App) markInProgress(ic slackgo.InteractionCallback, act *slackgo.BlockAction) {
	ref := act.Value
	later := func() {
		if err := a.enqueue(func(ctx context.Context) { a.updateCase(ctx, ic, actionInProgress, ref) }); err != nil {
			a.seen.forget("action:" + ic.TriggerID + ":" + act.ActionID)
		}
	}
	if a.cases == nil {
		later()
		return
	}
	channel := ic.Channel.ID
	if channel == "" {
		channel = ic.Container.ChannelID
	}
	// At once, outside the queue: the trigger expires three seconds after the click.
	a.goNow(ackTimeout, func(ctx context.Context) {
		c, err := a.cases.Get(ctx, ref)
		switch {
		case errors.Is(err, dpo.ErrNotFound) || err == nil && c.Status != dpo.AwaitingVerification:
			later() // updateCase says what became of it, an unknown reference included
			return
		case err != nil:
			// Not knowing whether proof is awaited, nothing is recorded as arriving today.
			a.log.Error("slack: get case", "ref", ref, "err", loggable(err))
			a.seen.forget("action:" + ic.TriggerID + ":" + act.ActionID)
			a.postEphemeral(ctx, channel, "", ic.User.ID, "Sorry, "+ref+" couldn't be updated. Please try again or use the dashboard.")
			return
		}
		view := a.proofModal(c, proofMeta{Ref: ref, Channel: channel, Thread: ic.Container.MessageTs})
		err = a.call(ctx, func(ctx context.Context) error {
			_, err := a.api.OpenViewContext(ctx, ic.TriggerID, view)
			return err
		})
		if err != nil {
			a.log.Error("slack: views.open", "ref", ref, "err", err)
			a.seen.forget("action:" + ic.TriggerID + ":" + act.ActionID)
			a.postEphemeral(ctx, channel, "", ic.User.ID, "Sorry, the form asking when the proof arrived didn't open. Press the button again, or use the dashboard.")
		}
	})
}

// proofModal asks the day the proof of identity or authority arrived, today by default.
func (a *App) proofModal(c dpo.Case, meta proofMeta) slackgo.ModalViewRequest {
	received := deadline.LondonDate(c.Received).Format("Mon 2 Jan 2006")
	intro := fmt.Sprintf("*%s* is waiting for proof of identity or authority. Its month runs from the day the proof arrived: "+
		"if it came earlier (by post, say), choose that day.", c.Ref)
	if a.cfg.BaseURL != "" {
		intro += " If none was needed after all, use “Proof not needed” on " + a.caseLink(c.Ref) + " instead."
	}
	picker := slackgo.NewDatePickerBlockElement(valueAction)
	picker.InitialDate = deadline.LondonDate(a.cfg.Now()).Format(time.DateOnly)
	m, _ := json.Marshal(meta)
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		CallbackID:      proofCallback,
		Title:           plain("Proof arrived"),
		Submit:          plain("Record"),
		Close:           plain("Cancel"),
		PrivateMetadata: string(m),
		Blocks: slackgo.Blocks{BlockSet: []slackgo.Block{
			slackgo.NewSectionBlock(mrkdwn(intro), nil, nil),
			slackgo.NewInputBlock(fieldProofDate, plain("The day the proof arrived"),
				plain("Received "+received+": not before that, nor after today."), picker),
			slackgo.NewInputBlock(fieldProofNote, plain("Note"), plain("Optional, for the audit trail: what arrived, and how."),
				slackgo.NewPlainTextInputBlockElement(plain("e.g. passport copy by post"), valueAction).WithMaxLength(3000)).WithOptional(true),
		}},
	}
}

// submitProof records the proof as arrived on the day chosen, and the case in progress: its
// month runs from that day. A day to come, or before the request was received, is refused
// under the date; so is a case no longer waiting for proof. The team is told in the case's
// thread which day was recorded and the due date it gives.
func (a *App) submitProof(ic slackgo.InteractionCallback) any {
	var meta proofMeta
	if err := json.Unmarshal([]byte(ic.View.PrivateMetadata), &meta); err != nil || meta.Ref == "" || a.cases == nil {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{fieldProofDate: "Sorry, this form has expired: press “Mark in progress” again."})
	}
	refuse := func(why string) any {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{fieldProofDate: clip(why, 150)})
	}
	var picked string
	if ic.View.State != nil {
		picked = ic.View.State.Values[fieldProofDate][valueAction].SelectedDate
	}
	day, err := time.Parse(time.DateOnly, picked)
	if err != nil {
		return refuse("Choose the day the proof arrived.")
	}
	now := a.cfg.Now()
	today := deadline.LondonDate(now)
	if day.After(today) {
		return refuse("That day is still to come: choose the day the proof arrived, today at the latest.")
	}
	ctx, cancel := context.WithTimeout(a.ctx, ackTimeout)
	defer cancel()
	c, err := a.cases.Get(ctx, meta.Ref)
	switch {
	case errors.Is(err, dpo.ErrNotFound):
		return refuse(meta.Ref + " wasn't found on the queue.")
	case err != nil:
		a.log.Error("slack: get case", "ref", meta.Ref, "err", loggable(err))
		return refuse("Sorry, it couldn't be recorded. Please try again, or use the dashboard.")
	}
	if received := deadline.LondonDate(c.Received); day.Before(received) {
		return refuse(fmt.Sprintf("The request was received on %s: the proof can't have arrived before that.", received.Format("Mon 2 Jan 2006")))
	}
	if c.Status != dpo.AwaitingVerification {
		if c.Status == dpo.InProgress && deadline.LondonDate(c.IDReceived).Equal(day) {
			return a.proofRecorded(c) // the same form sent twice: it is recorded already
		}
		return refuse(fmt.Sprintf("%s is no longer waiting for proof (it is %s now): nothing was recorded.", c.Ref, strings.ReplaceAll(string(c.Status), "_", " ")))
	}
	at := day // a date: the queue places it after receipt and what was recorded before it
	if day.Equal(today) {
		at = time.Time{} // today: now, and not "recorded later" on the trail
	}
	actor := "slack:" + ic.User.ID
	if ic.User.Name != "" {
		actor += " (" + ic.User.Name + ")"
	}
	c, err = a.cases.UpdateStatus(ctx, meta.Ref, dpo.Change{To: dpo.InProgress, Actor: actor, At: at,
		Note: inputValue(ic.View, fieldProofNote)})
	var fe *dpo.FieldError
	switch {
	case errors.As(err, &fe):
		return refuse(upperFirst(fe.Reason))
	case errors.Is(err, dpo.ErrInvalidTransition):
		return refuse(meta.Ref + " can't be marked in progress from its current status; open it in the dashboard.")
	case err != nil:
		a.log.Error("slack: record proof", "ref", meta.Ref, "err", loggable(err))
		return refuse("Sorry, it couldn't be recorded. Please try again, or use the dashboard.")
	}
	done := fmt.Sprintf("<@%s> marked %s in progress: %s", ic.User.ID, c.Ref, proofWords(c))
	if meta.Channel != "" {
		to := replyTarget{Channel: meta.Channel, Thread: meta.Thread}
		if err := a.enqueue(func(ctx context.Context) {
			if _, err := a.post(ctx, to, done, sections(done)); err != nil {
				a.log.Error("slack: post case update", "ref", c.Ref, "err", err)
			}
		}); err != nil {
			a.log.Warn("slack: busy; proof recorded, shown in the modal only", "ref", c.Ref)
		}
	}
	return a.proofRecorded(c)
}

// proofRecorded is the modal once the proof is recorded: which day, and the due date it gives.
func (a *App) proofRecorded(c dpo.Case) *slackgo.ViewSubmissionResponse {
	return slackgo.NewUpdateViewSubmissionResponse(&slackgo.ModalViewRequest{
		Type:   slackgo.VTModal,
		Title:  plain("Proof recorded"),
		Close:  plain("Done"),
		Blocks: slackgo.Blocks{BlockSet: sections(c.Ref + " is in progress: " + proofWords(c))},
	})
}

// proofWords says the day the proof was recorded as arriving, and the due date that gives.
func proofWords(c dpo.Case) string {
	return fmt.Sprintf("proof recorded as arriving on %s, so its month runs from that day; %s.",
		deadline.LondonDate(c.IDReceived).Format("Mon 2 Jan 2006"), dueWords(c))
}
