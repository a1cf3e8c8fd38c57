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

// arrivalCallback is the callback id of the modal asking the day what a case waits for from the
// requester arrived (proof of identity or authority, or their clarification), opened by "Mark in
// progress" on a case waiting for it. Its value dates from when only proof was asked about, and
// stays so that a form open across an upgrade can still be sent.
const arrivalCallback = "dpo_proof_arrived"

// Block ids of the arrival modal's inputs; each input's element has action id valueAction.
// (Their values, too, date from when only proof was asked about.)
const (
	fieldArrivedDate = "proof_date"
	fieldArrivedNote = "proof_note"
	// fieldProofNeeded is the proof form's choice: the proof arrived (on the day chosen), or none
	// was needed after all.
	fieldProofNeeded = "proof_needed"
)

// The proof form's choices (fieldProofNeeded).
const (
	proofArrivedChoice   = "arrived"
	proofNotNeededChoice = "not_needed"
)

// arrivalMeta travels in the arrival modal's private_metadata: the case, what it was waiting for
// (its status then; empty in a form opened before clarification was asked about, which was a
// proof form), and the DPO channel's message whose thread is told.
type arrivalMeta struct {
	Ref     string     `json:"ref"`
	Waiting dpo.Status `json:"waiting,omitempty"`
	Channel string     `json:"channel"`
	Thread  string     `json:"thread"`
}

// awaited is something a case waits for from the requester, whose arrival moves it on, and how
// the form and the thread speak of it.
type awaited struct {
	status     dpo.Status
	what       string // what arrives, in the form's sentences: "the proof"
	waitingFor string // in "no longer waiting for …"
	title      string // the modal's title (24 characters at most)
	done       string // its title once recorded (24 characters at most)
	example    string // the note's placeholder
}

// awaitedThings are what "Mark in progress" asks the arrival day of: proof of identity or
// authority (rule 2: the month runs from the day it arrived) and a clarification's answer (rule
// 5: the days from asking to the answer, both inclusive, don't count).
var awaitedThings = []awaited{
	{status: dpo.AwaitingVerification, what: "the proof", waitingFor: "proof", title: "Proof arrived", done: "Proof recorded",
		example: "e.g. passport copy by post"},
	{status: dpo.AwaitingClarification, what: "the answer", waitingFor: "clarification", title: "Clarification arrived", done: "Clarification recorded",
		example: "e.g. letter narrowing it to the 2024 housing file"},
}

// awaitedBy is what a case in status s waits for; false when it waits for nothing the button asks
// about.
func awaitedBy(s dpo.Status) (awaited, bool) {
	for _, w := range awaitedThings {
		if w.status == s {
			return w, true
		}
	}
	return awaited{}, false
}

// intro is the modal's first paragraph: what the case waits for, and why the day matters.
func (w awaited) intro(a *App, c dpo.Case) string {
	if w.status == dpo.AwaitingClarification {
		asked, _ := clarificationAsked(c)
		return fmt.Sprintf("*%s* is waiting for the requester to clarify their request, asked for on %s. The days from asking to "+
			"the day the answer arrived, both inclusive, don't count towards its due date: if it came earlier (by post, say), choose that day.",
			c.Ref, asked.Format("Mon 2 Jan 2006"))
	}
	return fmt.Sprintf("*%s* is waiting for proof of identity or authority. Its month runs from the day the proof arrived: "+
		"if it came earlier (by post, say), choose that day. If none was needed after all (the authority is on file, say), "+
		"choose that below, and the day isn't used: its month then runs from %s.", c.Ref, notNeededFrom(c))
}

// notNeededFrom says the day a case awaiting proof has its month run from should none be needed:
// "receipt, Mon 2 Mar 2026", or the day an earlier round of proof arrived.
func notNeededFrom(c dpo.Case) string {
	day, earlier := c.ProofNotNeededFrom()
	if earlier {
		return "the day the earlier proof arrived, " + day.Format("Mon 2 Jan 2006")
	}
	return "receipt, " + day.Format("Mon 2 Jan 2006")
}

// earliest is the first day what is awaited can have arrived (London's date): the request's
// receipt for proof, the day it was asked for for a clarification; hint says so under the date,
// and why refuses a day before it.
func (w awaited) earliest(c dpo.Case) (day time.Time, hint, why string) {
	if w.status == dpo.AwaitingClarification {
		if asked, ok := clarificationAsked(c); ok {
			d := asked.Format("Mon 2 Jan 2006")
			return asked, "Asked for on " + d + ": not before that, nor after today.",
				"The clarification was asked for on " + d + ": the answer can't have arrived before that."
		}
	}
	received := deadline.LondonDate(c.Received)
	d := received.Format("Mon 2 Jan 2006")
	return received, "Received " + d + ": not before that, nor after today.",
		"The request was received on " + d + ": " + w.what + " can't have arrived before that."
}

// arrived is the day (London's) what was awaited was recorded as arriving on a case moved on:
// zero if none was.
func (w awaited) arrived(c dpo.Case) time.Time {
	if w.status == dpo.AwaitingClarification {
		if n := len(c.Pauses); n > 0 && !c.Pauses[n-1].To.IsZero() {
			return deadline.LondonDate(c.Pauses[n-1].To)
		}
		return time.Time{}
	}
	if c.IDReceived.IsZero() {
		return time.Time{}
	}
	return deadline.LondonDate(c.IDReceived)
}

// words says the day what was awaited was recorded as arriving, and the due date that gives.
func (w awaited) words(c dpo.Case) string {
	if w.status == dpo.AwaitingClarification {
		if n := len(c.Pauses); n > 0 {
			p := c.Pauses[n-1]
			return fmt.Sprintf("clarification recorded as arriving on %s, so the days from asking for it (%s) to then, both inclusive, don't count; %s.",
				deadline.LondonDate(p.To).Format("Mon 2 Jan 2006"), deadline.LondonDate(p.From).Format("Mon 2 Jan 2006"), dueWords(c))
		}
	}
	return fmt.Sprintf("proof recorded as arriving on %s, so its month runs from that day; %s.",
		deadline.LondonDate(c.IDReceived).Format("Mon 2 Jan 2006"), dueWords(c))
}

// clarificationAsked is the day (London's) the clarification a case waits for was asked for: the
// start of its last pause, still open.
func clarificationAsked(c dpo.Case) (time.Time, bool) {
	if n := len(c.Pauses); n > 0 {
		return deadline.LondonDate(c.Pauses[n-1].From), true
	}
	return time.Time{}, false
}

// markInProgress handles "Mark in progress". A case waiting for proof of identity or authority,
// or for the requester to clarify their request, is not simply moved on: that would record what
// it waited for as arriving today, and its month (rule 2) would run from today, or its
// clarification pause (rule 5) run to today, even when the letter came last week. A modal asks
// the day it arrived, as the dashboard does. Any other case is moved on as before, on the worker
// queue.
func (a *App) markInProgress(ic slackgo.InteractionCallback, act *slackgo.BlockAction) {
	ref := act.Value
	later := func() { a.enqueueUpdate(ic, act, actionInProgress, ref) }
	if a.cases == nil {
		later()
		return
	}
	channel := channelOf(ic)
	// At once, outside the queue: the trigger expires three seconds after the click.
	a.goNow(ackTimeout, func(ctx context.Context) {
		c, err := a.cases.Get(ctx, ref)
		var w awaited
		switch {
		case err == nil:
			var ok bool
			if w, ok = awaitedBy(c.Status); !ok {
				later() // nothing awaited: moved on as of now
				return
			}
		case errors.Is(err, dpo.ErrNotFound):
			later() // updateCase says what became of it, an unknown reference included
			return
		default:
			// Not knowing whether anything is awaited, nothing is recorded as arriving today.
			a.log.Error("slack: get case", "ref", ref, "err", loggable(err))
			a.seen.forget(actionKey(ic, act))
			a.postEphemeral(ctx, channel, "", ic.User.ID, "Sorry, "+ref+" couldn't be updated. Please try again or use the dashboard.")
			return
		}
		view := a.arrivalModal(c, w, arrivalMeta{Ref: ref, Waiting: w.status, Channel: channel, Thread: ic.Container.MessageTs})
		err = a.call(ctx, func(ctx context.Context) error {
			_, err := a.api.OpenViewContext(ctx, ic.TriggerID, view)
			return err
		})
		if err != nil {
			a.log.Error("slack: views.open", "ref", ref, "err", err)
			a.seen.forget(actionKey(ic, act))
			a.postEphemeral(ctx, channel, "", ic.User.ID, "Sorry, the form asking when "+w.what+" arrived didn't open. Press the button again, or use the dashboard.")
		}
	})
}

// arrivalModal asks the day what the case waits for arrived, today by default.
func (a *App) arrivalModal(c dpo.Case, w awaited, meta arrivalMeta) slackgo.ModalViewRequest {
	_, hint, _ := w.earliest(c)
	picker := slackgo.NewDatePickerBlockElement(valueAction)
	picker.InitialDate = deadline.LondonDate(a.cfg.Now()).Format(time.DateOnly)
	m, _ := json.Marshal(meta)
	blocks := []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(w.intro(a, c)), nil, nil)}
	if w.status == dpo.AwaitingVerification {
		// As the dashboard's "Proof not needed" does: asked for needlessly, proof stops no clock.
		arrived := slackgo.NewOptionBlockObject(proofArrivedChoice, plain("The proof arrived"), nil)
		notNeeded := slackgo.NewOptionBlockObject(proofNotNeededChoice, plain("None was needed after all"),
			plain(clip("Its month runs from "+notNeededFrom(c)+".", 75))) // Slack's limit
		choice := slackgo.NewRadioButtonsBlockElement(valueAction, arrived, notNeeded)
		choice.InitialOption = arrived
		blocks = append(blocks, slackgo.NewInputBlock(fieldProofNeeded, plain("Proof"), nil, choice))
	}
	blocks = append(blocks,
		slackgo.NewInputBlock(fieldArrivedDate, plain("The day "+w.what+" arrived"), plain(hint), picker),
		slackgo.NewInputBlock(fieldArrivedNote, plain("Note"), plain("Optional, for the audit trail: what arrived, and how."),
			slackgo.NewPlainTextInputBlockElement(plain(w.example), valueAction).WithMaxLength(3000)).WithOptional(true))
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		CallbackID:      arrivalCallback,
		Title:           plain(w.title),
		Submit:          plain("Record"),
		Close:           plain("Cancel"),
		PrivateMetadata: string(m),
		Blocks:          slackgo.Blocks{BlockSet: blocks},
	}
}

// submitArrival records what the case waited for as arrived on the day chosen, and the case in
// progress: for proof its month runs from that day, for a clarification its pause ends that day.
// A day to come, or before the request was received (before the clarification was asked for), is
// refused under the date; so is a case no longer waiting for it. Proof said not to be needed after
// all moves the case on with its month from receipt (Change.ProofNotNeeded), the day unread. The team is told in the case's
// thread which day was recorded and the due date it gives.
func (a *App) submitArrival(ic slackgo.InteractionCallback) any {
	var meta arrivalMeta
	if err := json.Unmarshal([]byte(ic.View.PrivateMetadata), &meta); err != nil || meta.Ref == "" || a.cases == nil {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{fieldArrivedDate: "Sorry, this form has expired: press “Mark in progress” again."})
	}
	if meta.Waiting == "" {
		meta.Waiting = dpo.AwaitingVerification // a form opened before clarification was asked about
	}
	w, ok := awaitedBy(meta.Waiting)
	if !ok {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{fieldArrivedDate: "Sorry, this form has expired: press “Mark in progress” again."})
	}
	// None needed: the day isn't read, and what is refused is said under the choice.
	notNeeded := w.status == dpo.AwaitingVerification && inputValue(ic.View, fieldProofNeeded) == proofNotNeededChoice
	field := fieldArrivedDate
	if notNeeded {
		field = fieldProofNeeded
	}
	refuse := func(why string) any {
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{field: clip(why, 150)})
	}
	now := a.cfg.Now()
	today := deadline.LondonDate(now)
	var day time.Time
	if !notNeeded {
		var picked string
		if ic.View.State != nil {
			picked = ic.View.State.Values[fieldArrivedDate][valueAction].SelectedDate
		}
		var err error
		if day, err = time.Parse(time.DateOnly, picked); err != nil {
			return refuse("Choose the day " + w.what + " arrived.")
		}
		if day.After(today) {
			return refuse("That day is still to come: choose the day " + w.what + " arrived, today at the latest.")
		}
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
	if c.Status != w.status {
		if (c.Status == dpo.InProgress || c.Status == dpo.Extended) && a.sameFormRecorded(ctx, c, w, notNeeded, day) {
			return a.arrivalRecorded(c, w, notNeeded) // the same form sent twice: it is recorded already
		}
		return refuse(fmt.Sprintf("%s is no longer waiting for %s (it is %s now): nothing was recorded.", c.Ref, w.waitingFor, statusWords(c.Status)))
	}
	if earliest, _, why := w.earliest(c); !notNeeded && day.Before(earliest) {
		return refuse(why)
	}
	at := day // a date: the queue places it after receipt and what was recorded before it
	if notNeeded || day.Equal(today) {
		at = time.Time{} // today: now, and not "recorded later" on the trail
	}
	actor := "slack:" + ic.User.ID
	if ic.User.Name != "" {
		actor += " (" + ic.User.Name + ")"
	}
	c, err = a.cases.UpdateStatus(ctx, meta.Ref, dpo.Change{To: dpo.InProgress, Actor: actor, At: at, ProofNotNeeded: notNeeded,
		Note: inputValue(ic.View, fieldArrivedNote)})
	var fe *dpo.FieldError
	switch {
	case errors.As(err, &fe):
		return refuse(upperFirst(fe.Reason))
	case errors.Is(err, dpo.ErrInvalidTransition):
		return refuse(meta.Ref + " can't be marked in progress from its current status; open it in the dashboard.")
	case err != nil:
		a.log.Error("slack: record arrival", "ref", meta.Ref, "awaited", w.waitingFor, "err", loggable(err))
		return refuse("Sorry, it couldn't be recorded. Please try again, or use the dashboard.")
	}
	moved := "marked " + c.Ref + " in progress"
	if c.Status == dpo.Extended {
		moved = "moved " + c.Ref + " on (it stays extended)" // answering a clarification keeps the extension
	}
	done := fmt.Sprintf("<@%s> %s: %s", ic.User.ID, moved, w.recorded(c, notNeeded))
	if meta.Channel != "" {
		to := replyTarget{Channel: meta.Channel, Thread: meta.Thread}
		if err := a.enqueue(func(ctx context.Context) {
			if _, err := a.post(ctx, to, done, sections(done)); err != nil {
				a.log.Error("slack: post case update", "ref", c.Ref, "err", err)
			}
		}); err != nil {
			a.log.Warn("slack: busy; arrival recorded, shown in the modal only", "ref", c.Ref)
		}
	}
	return a.arrivalRecorded(c, w, notNeeded)
}

// sameFormRecorded reports whether a case no longer waiting is so because this form was sent
// already (a double click): the proof recorded as arriving on the day chosen, or as not needed
// by the last change on its trail.
func (a *App) sameFormRecorded(ctx context.Context, c dpo.Case, w awaited, notNeeded bool, day time.Time) bool {
	if !notNeeded {
		return w.arrived(c).Equal(day)
	}
	events, err := a.cases.Events(ctx, c.Ref)
	if err != nil {
		a.log.Error("slack: case events", "ref", c.Ref, "err", loggable(err))
		return false
	}
	return len(events) > 0 && events[len(events)-1].Kind == dpo.EventProofNotNeeded
}

// recorded says what was recorded of a case moved on, and the due date it gives.
func (w awaited) recorded(c dpo.Case, notNeeded bool) string {
	if notNeeded {
		return fmt.Sprintf("no proof was needed, so its month runs from %s; %s.", notNeededFrom(c), dueWords(c))
	}
	return w.words(c)
}

// arrivalRecorded is the modal once the arrival is recorded: which day, and the due date it gives.
func (a *App) arrivalRecorded(c dpo.Case, w awaited, notNeeded bool) *slackgo.ViewSubmissionResponse {
	return slackgo.NewUpdateViewSubmissionResponse(&slackgo.ModalViewRequest{
		Type:   slackgo.VTModal,
		Title:  plain(w.done),
		Close:  plain("Done"),
		Blocks: slackgo.Blocks{BlockSet: sections(c.Ref + " is " + statusWords(c.Status) + ": " + w.recorded(c, notNeeded))},
	})
}

// statusWords is a status as said in a sentence: "in progress".
func statusWords(s dpo.Status) string { return strings.ReplaceAll(string(s), "_", " ") }
