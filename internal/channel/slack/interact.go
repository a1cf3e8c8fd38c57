package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// requestCallback is the callback id of the request modal.
const requestCallback = "dpo_request"

// Block ids of the request modal's inputs; each input's element has action id "value".
const (
	fieldType        = "type"
	fieldOrg         = "org"
	fieldName        = "name"
	fieldContact     = "contact"
	fieldOnBehalfOf  = "on_behalf_of"
	fieldService     = "service"
	fieldDescription = "description"
	valueAction      = "value"
)

// onInteraction handles a button press or a modal submission (from HTTP or Socket Mode) and
// returns the immediate response: for a submission, the modal's next state or its field errors.
func (a *App) onInteraction(ic slackgo.InteractionCallback) (any, error) {
	switch ic.Type {
	case slackgo.InteractionTypeBlockActions:
		for _, act := range ic.ActionCallback.BlockActions {
			if !a.seen.first(actionKey(ic, act)) {
				continue
			}
			a.onAction(ic, act)
		}
		return nil, nil
	case slackgo.InteractionTypeViewSubmission:
		switch ic.View.CallbackID {
		case requestCallback:
			return a.submitRequest(ic), nil
		case arrivalCallback:
			return a.submitArrival(ic), nil
		}
		return nil, nil
	}
	return nil, nil
}

// actionKey is what a button press is deduplicated by: Slack's retries of one press share it.
func actionKey(ic slackgo.InteractionCallback, act *slackgo.BlockAction) string {
	return "action:" + ic.TriggerID + ":" + act.ActionID
}

// channelOf is the channel an interaction came from, also when Slack gave it only in its container.
func channelOf(ic slackgo.InteractionCallback) string {
	if ic.Channel.ID != "" {
		return ic.Channel.ID
	}
	return ic.Container.ChannelID
}

// enqueueUpdate handles a DPO-channel button on the worker queue (updateCase); a press that
// could not be queued is forgotten, so that pressing again is not taken for a retry.
func (a *App) enqueueUpdate(ic slackgo.InteractionCallback, act *slackgo.BlockAction, action, ref string) {
	if err := a.enqueue(func(ctx context.Context) { a.updateCase(ctx, ic, action, ref) }); err != nil {
		a.seen.forget(actionKey(ic, act))
	}
}

func (a *App) onAction(ic slackgo.InteractionCallback, act *slackgo.BlockAction) {
	channel, thread := channelOf(ic), ic.Container.ThreadTs
	switch act.ActionID {
	case actionHelpful, actionNotHelpful:
		if a.cfg.OnFeedback != nil {
			a.cfg.OnFeedback(act.ActionID == actionHelpful)
		}
		a.goNow(jobTimeout, func(ctx context.Context) {
			a.postEphemeral(ctx, channel, thread, ic.User.ID, "Thanks — your feedback helps us improve the answers.")
		})
	case actionRaise:
		var v raiseValue
		if err := json.Unmarshal([]byte(act.Value), &v); err != nil {
			a.log.Warn("slack: bad request button value", "err", err)
			return
		}
		view := a.requestModal(v)
		a.goNow(ackTimeout, func(ctx context.Context) {
			err := a.call(ctx, func(ctx context.Context) error {
				_, err := a.api.OpenViewContext(ctx, ic.TriggerID, view)
				return err
			})
			if err != nil {
				a.log.Error("slack: views.open", "err", err)
			}
		})
	case actionInProgress:
		a.markInProgress(ic, act)
	case actionTake:
		a.enqueueUpdate(ic, act, act.ActionID, act.Value)
	}
}

// requestModal is the form of a rights request: the nine rights, the organisation, who, how to
// reach them, and what they want. Where to reply travels in private_metadata.
func (a *App) requestModal(v raiseValue) slackgo.ModalViewRequest {
	var types []*slackgo.OptionBlockObject
	var initialType *slackgo.OptionBlockObject
	for _, t := range rights.Types() {
		o := slackgo.NewOptionBlockObject(string(t), plain(clip(t.Label(), 75)), nil)
		types = append(types, o)
		if string(t) == v.Type {
			initialType = o
		}
	}
	typeSel := slackgo.NewOptionsSelectBlockElement(slackgo.OptTypeStatic, plain("Choose the right"), valueAction, types...)
	if initialType != nil {
		typeSel.WithInitialOption(initialType)
	}

	var orgEl slackgo.BlockElement
	if len(a.cfg.Orgs) > 0 {
		var orgs []*slackgo.OptionBlockObject
		var initial *slackgo.OptionBlockObject
		scoped := a.cfg.ChannelOrgs[v.Channel]
		for _, o := range a.cfg.Orgs {
			opt := slackgo.NewOptionBlockObject(clip(o, 75), plain(clip(o, 75)), nil)
			orgs = append(orgs, opt)
			if strings.EqualFold(o, scoped) || len(a.cfg.Orgs) == 1 {
				initial = opt
			}
		}
		sel := slackgo.NewOptionsSelectBlockElement(slackgo.OptTypeStatic, plain("Choose the council"), valueAction, orgs...)
		if initial != nil {
			sel.WithInitialOption(initial)
		}
		orgEl = sel
	} else {
		orgEl = slackgo.NewPlainTextInputBlockElement(plain("The council"), valueAction).WithMaxLength(200)
	}

	text := func(placeholder string, maxLen int) *slackgo.PlainTextInputBlockElement {
		return slackgo.NewPlainTextInputBlockElement(plain(placeholder), valueAction).WithMaxLength(maxLen)
	}
	meta, _ := json.Marshal(v)
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		CallbackID:      requestCallback,
		Title:           plain("Request to the DPO"),
		Submit:          plain("Send"),
		Close:           plain("Cancel"),
		PrivateMetadata: string(meta),
		Blocks: slackgo.Blocks{BlockSet: []slackgo.Block{
			slackgo.NewSectionBlock(mrkdwn("The data protection team will receive this and must respond within one calendar month. "+
				"Don't attach identity documents here: the team will ask if they need proof of identity."), nil, nil),
			slackgo.NewInputBlock(fieldType, plain("What is the request?"), nil, typeSel),
			slackgo.NewInputBlock(fieldOrg, plain("Council"), nil, orgEl),
			slackgo.NewInputBlock(fieldName, plain("Requester's full name"), nil, text("Full name", 200)),
			slackgo.NewInputBlock(fieldContact, plain("How to contact them"),
				plain("One e-mail address, phone number or postal address."), text("e-mail, phone or address", 300)),
			slackgo.NewInputBlock(fieldOnBehalfOf, plain("On behalf of"),
				plain("If the request is for someone else, their name."), text("Their name", 200)).WithOptional(true),
			slackgo.NewInputBlock(fieldService, plain("Council service"), nil, text("e.g. Customer services", 200)).WithOptional(true),
			slackgo.NewInputBlock(fieldDescription, plain("What should the council do?"), nil,
				text("Which records, what is wrong, what to stop…", 3000).WithMultiline(true)),
		}},
	}
}

// submitRequest turns a modal submission into a case. The queue is idempotent on the view's id,
// so a double click or a resent submission makes one case; the reference is shown in the modal
// and posted in the thread the request was raised from.
func (a *App) submitRequest(ic slackgo.InteractionCallback) any {
	var meta raiseValue
	_ = json.Unmarshal([]byte(ic.View.PrivateMetadata), &meta) // empty metadata: no thread to reply in
	form := conversation.RequestForm{
		Type:           inputValue(ic.View, fieldType),
		Org:            inputValue(ic.View, fieldOrg),
		Name:           inputValue(ic.View, fieldName),
		Contact:        inputValue(ic.View, fieldContact),
		OnBehalfOf:     inputValue(ic.View, fieldOnBehalfOf),
		Service:        inputValue(ic.View, fieldService),
		Description:    inputValue(ic.View, fieldDescription),
		Channel:        "slack",
		ReceivedAt:     a.cfg.Now(),
		IdempotencyKey: "slack:view:" + ic.View.ID,
		Session:        meta.Session,
	}
	ctx, cancel := context.WithTimeout(a.ctx, ackTimeout)
	defer cancel()
	r, err := a.bot.SubmitForm(ctx, form)
	if err != nil {
		return slackgo.NewErrorsViewSubmissionResponse(a.fieldErrors(err))
	}
	if meta.Channel != "" && a.seen.first("view:"+ic.View.ID) {
		to := replyTarget{Channel: meta.Channel, Thread: meta.Thread, Session: meta.Session}
		if err := a.enqueue(func(ctx context.Context) {
			if err := a.postReply(ctx, to, r); err != nil {
				a.log.Error("slack: post reference", "channel", to.Channel, "ref", r.Reference, "err", err)
			}
		}); err != nil {
			a.log.Warn("slack: busy; reference shown in the modal only", "ref", r.Reference)
		}
	}
	return slackgo.NewUpdateViewSubmissionResponse(&slackgo.ModalViewRequest{
		Type:   slackgo.VTModal,
		Title:  plain("Request sent"),
		Close:  plain("Done"),
		Blocks: slackgo.Blocks{BlockSet: sections(escape(r.Answer.Answer))},
	})
}

// fieldErrors maps a submission error to the modal's inputs; the errors are shown under them.
func (a *App) fieldErrors(err error) map[string]string {
	var fe *dpo.FieldError
	switch {
	case errors.As(err, &fe):
		// The queue names a field as it stores it ("requester name"), the form's check as the
		// form names it ("name", "on_behalf_of"): both are shown under their input.
		block := map[string]string{
			"type": fieldType, "organisation": fieldOrg, "org": fieldOrg, "requester name": fieldName, "name": fieldName, "contact": fieldContact,
			"on behalf of": fieldOnBehalfOf, "on_behalf_of": fieldOnBehalfOf, "service": fieldService, "description": fieldDescription,
		}[fe.Field]
		if block == "" {
			block = fieldDescription
		}
		return map[string]string{block: clip(upperFirst(fe.Reason), 150)}
	case errors.Is(err, conversation.ErrNoQueue):
		return map[string]string{fieldType: "Requests can't be taken here yet: contact the data protection officer directly."}
	}
	a.log.Error("slack: submit request", "err", loggable(err))
	return map[string]string{fieldDescription: "Sorry, the request couldn't be saved. Please try again in a minute."}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// inputValue reads one input of a submitted modal: the text typed or the option chosen.
func inputValue(v slackgo.View, block string) string {
	if v.State == nil {
		return ""
	}
	act, ok := v.State.Values[block][valueAction]
	if !ok {
		return ""
	}
	if act.SelectedOption.Value != "" {
		return act.SelectedOption.Value
	}
	return strings.TrimSpace(act.Value)
}

// updateCase handles the DPO channel's buttons: take the case, or mark it in progress (one not
// waiting for proof of identity or authority, nor for a clarification: markInProgress asks when
// that arrived).
func (a *App) updateCase(ctx context.Context, ic slackgo.InteractionCallback, action, ref string) {
	channel, thread := channelOf(ic), ic.Container.MessageTs
	if a.cases == nil {
		a.postEphemeral(ctx, channel, "", ic.User.ID, "There is no queue configured here.")
		return
	}
	who := ic.User.Name
	if who == "" {
		who = ic.User.ID
	}
	actor := "slack:" + ic.User.ID
	if ic.User.Name != "" {
		actor += " (" + ic.User.Name + ")"
	}
	var err error
	var done string
	switch action {
	case actionTake:
		_, err = a.cases.Assign(ctx, ref, who, actor)
		done = fmt.Sprintf("<@%s> took %s.", ic.User.ID, ref)
	case actionInProgress:
		// Looked at again when the job runs: a case that came to wait for proof or for a
		// clarification since the click (a colleague asked for it on the dashboard while the
		// queue was busy) would have it recorded as arriving today; markInProgress asks the day
		// instead.
		if c, gerr := a.cases.Get(ctx, ref); gerr == nil {
			switch c.Status {
			case dpo.AwaitingVerification:
				a.postEphemeral(ctx, channel, "", ic.User.ID, ref+" is now waiting for proof of identity or authority: press Mark in progress again to record the day it arrived.")
				return
			case dpo.AwaitingClarification:
				a.postEphemeral(ctx, channel, "", ic.User.ID, ref+" is now waiting for the requester's clarification: press Mark in progress again to record the day their answer arrived.")
				return
			}
		}
		_, err = a.cases.UpdateStatus(ctx, ref, dpo.Change{To: dpo.InProgress, Actor: actor})
		done = fmt.Sprintf("<@%s> marked %s in progress.", ic.User.ID, ref)
	}
	switch {
	case errors.Is(err, dpo.ErrNotFound):
		a.postEphemeral(ctx, channel, "", ic.User.ID, ref+" wasn't found on the queue.")
	case errors.Is(err, dpo.ErrNoChange): // taken by whoever already has it
		a.postEphemeral(ctx, channel, "", ic.User.ID, ref+" is already yours.")
	case errors.Is(err, dpo.ErrInvalidTransition):
		a.postEphemeral(ctx, channel, "", ic.User.ID, ref+" can't be marked in progress from its current status; open it in the dashboard.")
	case err != nil:
		a.log.Error("slack: update case", "ref", ref, "action", action, "err", loggable(err))
		a.postEphemeral(ctx, channel, "", ic.User.ID, "Sorry, "+ref+" couldn't be updated. Please try again or use the dashboard.")
	default:
		// The team sees who has it, in the case's own thread.
		if _, err := a.post(ctx, replyTarget{Channel: channel, Thread: thread}, done, sections(done)); err != nil {
			a.log.Error("slack: post case update", "ref", ref, "err", err)
		}
	}
}
