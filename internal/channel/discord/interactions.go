package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// The fields of the request form. Discord allows five inputs in a modal.
const (
	inputType        = "type"
	inputOrg         = "org"
	inputName        = "name"
	inputContact     = "contact"
	inputOnBehalfOf  = "on_behalf_of"
	inputDescription = "description"
)

// noMentions stops anything the bot echoes (a quoted notice, a resident's own words) from
// pinging @everyone or anyone else.
var noMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// interaction decides the acknowledgement of an interaction and the work to do after it. It is
// shared by both modes: the HTTP endpoint writes the acknowledgement as its response, the gateway
// posts it to the interaction's callback. A delivery of an interaction already seen (a retry, a
// replay) gets the first acknowledgement again and no work, so there is never a second answer or
// a second case; dup reports it.
func (a *App) interaction(i *discordgo.Interaction) (ack *discordgo.InteractionResponse, work func(context.Context), dup bool) {
	if i.Type == discordgo.InteractionPing {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil, false
	}
	fresh := false
	ack = a.seen.once(i.ID, func() *discordgo.InteractionResponse {
		fresh = true
		ack, work = a.route(i)
		return ack
	})
	if !fresh {
		a.log.Info("discord: repeated interaction ignored", "interaction", i.ID)
		return ack, nil, true
	}
	return ack, work, false
}

// route maps an interaction to its acknowledgement and work; it does no I/O.
func (a *App) route(i *discordgo.Interaction) (*discordgo.InteractionResponse, func(context.Context)) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok || data.Name != "privacy" {
			return ephemeral("I only know the /privacy command."), nil
		}
		question := ""
		if opt := data.GetOption("question"); opt != nil {
			question, _ = opt.Value.(string)
		}
		// Deferred (type 5): the answer can take longer than Discord's three seconds, so
		// acknowledge now and edit the answer in.
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource},
			func(ctx context.Context) { a.answerInteraction(ctx, i, question) }

	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return ephemeral("Sorry, I didn't understand that."), nil
		}
		switch id := data.CustomID; {
		case id == idFeedbackYes, id == idFeedbackNo:
			helpful := id == idFeedbackYes
			return ephemeral("Thank you: your feedback helps us improve the answers."), func(context.Context) {
				if a.onFeedback != nil {
					a.onFeedback(helpful)
				}
			}
		case strings.HasPrefix(id, idRaise):
			return a.requestModal(strings.TrimPrefix(id, idRaise), a.orgFor(i.ChannelID, i.GuildID)), nil
		}
		return ephemeral("Sorry, that button no longer works."), nil

	case discordgo.InteractionModalSubmit:
		data, ok := i.Data.(discordgo.ModalSubmitInteractionData)
		if !ok || data.CustomID != idForm {
			return ephemeral("Sorry, that form no longer works."), nil
		}
		// Ephemeral: the reference (and any mistake in the contact) is for the requester only.
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}},
			func(ctx context.Context) { a.submitInteraction(ctx, i, modalValues(data)) }
	}
	return ephemeral("Sorry, I can't handle that here."), nil
}

func ephemeral(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions}}
}

// userID is whoever used the interaction: a member in a server, a user in a direct message.
func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// answerInteraction answers /privacy and edits the answer into the deferred response.
func (a *App) answerInteraction(ctx context.Context, i *discordgo.Interaction, question string) {
	rep, err := a.bot.Reply(ctx, conversation.Turn{
		Session:    sessionKey(i.ChannelID, userID(i)),
		Channel:    string(dpo.ChannelDiscord),
		Org:        a.orgFor(i.ChannelID, i.GuildID),
		Text:       question,
		ReceivedAt: a.receivedAt(i.ID),
		MessageID:  "discord:" + i.ID,
	})
	msgs := a.replyOrError(publicSafe(rep, i.GuildID != ""), err, "interaction", i.ID)
	if err := a.deliverInteraction(ctx, i, msgs, false); err != nil {
		a.log.Error("discord: deliver answer", "interaction", i.ID, "err", err)
	}
}

// publicNote steers a request out of a server channel, where everyone would read the name and
// contact the intake asks for next.
const publicNote = "\n\nThis channel is public: to keep your details private, use the form (only the data protection team sees it) or send me a direct message."

// publicSafe adds publicNote to an intake step shown in a server channel.
func publicSafe(rep conversation.Reply, inServer bool) conversation.Reply {
	if inServer && rep.Kind == conversation.KindIntake {
		rep.Answer.Answer += publicNote
	}
	return rep
}

// requestModal is the form behind "Raise a request with the DPO": five inputs at most, the type
// pre-filled from what the classifier made of the question.
func (a *App) requestModal(typ, org string) *discordgo.InteractionResponse {
	if _, err := rights.ParseType(typ); err != nil || typ == string(rights.None) {
		typ = ""
	}
	row := func(in discordgo.TextInput) discordgo.MessageComponent {
		return discordgo.ActionsRow{Components: []discordgo.MessageComponent{in}}
	}
	comps := []discordgo.MessageComponent{
		row(discordgo.TextInput{CustomID: inputType, Label: "Kind of request", Style: discordgo.TextInputShort,
			Value: typ, Placeholder: "access, rectification, erasure, objection, complaint…", Required: true, MaxLength: 40}),
	}
	askOrg := org == "" && len(a.allOrgs) > 1
	if askOrg {
		comps = append(comps, row(discordgo.TextInput{CustomID: inputOrg, Label: "Which council is it for?", Style: discordgo.TextInputShort,
			Placeholder: truncate(strings.Join(a.allOrgs, " or "), 100), Required: true, MaxLength: 100}))
	}
	comps = append(comps,
		row(discordgo.TextInput{CustomID: inputName, Label: "Your full name", Style: discordgo.TextInputShort, Required: true, MaxLength: 200}),
		row(discordgo.TextInput{CustomID: inputContact, Label: "E-mail, phone or postal address", Style: discordgo.TextInputShort,
			Placeholder: "How the data protection team should contact you", Required: true, MaxLength: 300}))
	descHint := "Which records, which service, what is wrong…"
	if askOrg {
		// No room for a sixth input: someone asking for another person says so here.
		descHint = "Which records or service; if it's for someone else, say who"
	} else {
		comps = append(comps, row(discordgo.TextInput{CustomID: inputOnBehalfOf, Label: "Asking for someone else? Their name",
			Style: discordgo.TextInputShort, Placeholder: "Leave empty if the request is about you", Required: false, MaxLength: 200}))
	}
	comps = append(comps, row(discordgo.TextInput{CustomID: inputDescription, Label: "What would you like the council to do?",
		Style: discordgo.TextInputParagraph, Placeholder: descHint, Required: true, MaxLength: discordMaxInput}))
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{
		CustomID: idForm, Title: "Data protection request", Components: comps}}
}

// modalValues collects a submitted form's inputs by custom id.
func modalValues(d discordgo.ModalSubmitInteractionData) map[string]string {
	vals := map[string]string{}
	for _, c := range d.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, rc := range row.Components {
			if in, ok := rc.(*discordgo.TextInput); ok {
				vals[in.CustomID] = strings.TrimSpace(in.Value)
			}
		}
	}
	return vals
}

// submitInteraction puts a submitted form on the DPO's queue and tells the requester the
// reference. The interaction id is the idempotency key, so a retried submit finds the same case.
func (a *App) submitInteraction(ctx context.Context, i *discordgo.Interaction, vals map[string]string) {
	org := a.orgFor(i.ChannelID, i.GuildID)
	var msgs []Message
	if org == "" && vals[inputOrg] != "" {
		if org = matchOrg(a.allOrgs, vals[inputOrg]); org == "" {
			msgs = RenderText(fmt.Sprintf("I don't know the council %q: it should be %s. Nothing was sent; press the button to try again.",
				vals[inputOrg], strings.Join(a.allOrgs, " or ")))
		}
	}
	if msgs == nil {
		rep, err := a.bot.SubmitForm(ctx, conversation.RequestForm{
			Type:           vals[inputType],
			Org:            org,
			Name:           vals[inputName],
			Contact:        vals[inputContact],
			OnBehalfOf:     vals[inputOnBehalfOf],
			Description:    vals[inputDescription],
			Channel:        string(dpo.ChannelDiscord),
			ReceivedAt:     a.receivedAt(i.ID),
			IdempotencyKey: "discord:" + i.ID,
			Session:        sessionKey(i.ChannelID, userID(i)),
		})
		msgs = a.replyOrError(rep, err, "interaction", i.ID)
	}
	if err := a.deliverInteraction(ctx, i, msgs, true); err != nil {
		a.log.Error("discord: deliver request reference", "interaction", i.ID, "err", err)
	}
}

// matchOrg finds the organisation a person typed, forgiving case and a partial name.
func matchOrg(orgs []string, typed string) string {
	t := strings.ToLower(strings.TrimSpace(typed))
	if t == "" {
		return ""
	}
	for _, o := range orgs {
		lo := strings.ToLower(o)
		if lo == t || (len(t) >= 3 && (strings.Contains(lo, t) || strings.Contains(t, lo))) {
			return o
		}
	}
	return ""
}

// deliverInteraction edits the first message into the deferred response and sends the rest as
// follow-ups. Every call goes through discordgo's rate limiter, which waits out a 429 and retries.
func (a *App) deliverInteraction(ctx context.Context, i *discordgo.Interaction, msgs []Message, private bool) error {
	if len(msgs) == 0 {
		return nil
	}
	first := msgs[0]
	content, embeds, comps := first.Content, nonNilEmbeds(first.Embeds), nonNilComponents(first.Components)
	edit := &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions}
	for attempt := 1; ; attempt++ {
		_, err := a.session.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx))
		if err == nil {
			break
		}
		// Over HTTP, the edit can overtake the acknowledgement Discord is still processing, and
		// the original response is not there yet: wait a moment and try again.
		var re *discordgo.RESTError
		if attempt < editAttempts && errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusNotFound {
			select {
			case <-time.After(time.Duration(attempt) * editRetryDelay):
				continue
			case <-ctx.Done():
				return fmt.Errorf("edit the deferred response: %w", ctx.Err())
			}
		}
		return fmt.Errorf("edit the deferred response: %w", err)
	}
	var flags discordgo.MessageFlags
	if private {
		flags = discordgo.MessageFlagsEphemeral
	}
	for n, m := range msgs[1:] {
		if _, err := a.session.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: m.Content, Embeds: m.Embeds, Components: nonNilComponents(m.Components),
			AllowedMentions: noMentions, Flags: flags,
		}, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("send follow-up %d of %d: %w", n+2, len(msgs), err)
		}
	}
	return nil
}

// How often, and after how long, an edit that found no original response is tried again.
const (
	editAttempts   = 4
	editRetryDelay = 250 * time.Millisecond
)

func nonNilEmbeds(e []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if e == nil {
		return []*discordgo.MessageEmbed{}
	}
	return e
}

func nonNilComponents(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}

// replyOrError renders a reply, or turns an error into what the person should read. It is the
// one place errors become Discord messages. Logs name the event, never the text.
func (a *App) replyOrError(rep conversation.Reply, err error, kind, id string) []Message {
	if err == nil {
		return Render(rep)
	}
	text, expected := userText(err)
	if !expected {
		a.log.Error("discord: reply failed", kind, id, "err", err)
	} else {
		a.log.Info("discord: reply refused", kind, id, "reason", reasonOf(err))
	}
	return RenderText(text)
}

// userText is what a person reads for an error; expected errors are their input's fault.
func userText(err error) (text string, expected bool) {
	var fe *dpo.FieldError
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "Please ask a question, for example: How long do you keep complaint records?", true
	case errors.Is(err, answer.ErrUnreadable):
		return "That doesn't look like a question (it is mostly unreadable characters).", true
	case errors.Is(err, answer.ErrQuestionTooLong):
		return "That is too long for me: " + answer.ErrQuestionTooLong.Error() + ".", true
	case errors.As(err, &fe):
		text := fmt.Sprintf("Please check the %s: %s", strings.ReplaceAll(fe.Field, "_", " "), fe.Reason)
		if fe.Field == "type" {
			var names []string
			for _, t := range rights.Types() {
				names = append(names, string(t))
			}
			text += ". Use one of: " + strings.Join(names, ", ")
		}
		return strings.TrimRight(text, ".") + ". Nothing was sent; press the button to try again.", true
	case errors.Is(err, dpo.ErrInvalid):
		return "Something in the form wasn't right. Nothing was sent; press the button to try again.", true
	case errors.Is(err, conversation.ErrNoQueue):
		return "Requests can't be taken here. Please contact the council's data protection officer directly.", true
	}
	return "Sorry, something went wrong on our side. Please try again in a few minutes.", false
}

// reasonOf names an expected error for the log without the personal data its text may hold
// (a FieldError's reason can quote the contact given).
func reasonOf(err error) string {
	var fe *dpo.FieldError
	if errors.As(err, &fe) {
		return "invalid " + fe.Field
	}
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "empty question"
	case errors.Is(err, answer.ErrUnreadable):
		return "unreadable question"
	case errors.Is(err, answer.ErrQuestionTooLong):
		return "question too long"
	case errors.Is(err, conversation.ErrNoQueue):
		return "no queue"
	}
	return "invalid input"
}

// seen remembers the interactions and messages already handled, for as long as Discord could
// deliver them again (an interaction token lives fifteen minutes), with the acknowledgement
// given so a repeated HTTP delivery gets the same one. It is per process: with several replicas
// the idempotency key on the queue is what keeps a request from becoming two cases.
type seen struct {
	mu  sync.Mutex
	now func() time.Time
	m   map[string]seenEntry
}

type seenEntry struct {
	at  time.Time
	ack *discordgo.InteractionResponse
}

const (
	seenTTL = 15 * time.Minute
	seenMax = 50000 // bounds memory under a flood; past it the oldest go first
)

func newSeen(now func() time.Time) *seen {
	return &seen{now: now, m: map[string]seenEntry{}}
}

// once records id and returns first()'s result the first time, and that same result after.
// first runs under the lock, so two simultaneous deliveries can't both be new; it must be cheap.
func (s *seen) once(id string, first func() *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if e, ok := s.m[id]; ok && now.Sub(e.at) <= seenTTL {
		return e.ack
	}
	if len(s.m) >= seenMax {
		s.evictLocked(now)
	}
	ack := first()
	s.m[id] = seenEntry{at: now, ack: ack}
	return ack
}

// firstTime reports whether id is new, recording it.
func (s *seen) firstTime(id string) bool {
	fresh := false
	s.once(id, func() *discordgo.InteractionResponse { fresh = true; return nil })
	return fresh
}

func (s *seen) evictLocked(now time.Time) {
	var oldestID string
	var oldest time.Time
	for id, e := range s.m {
		if now.Sub(e.at) > seenTTL {
			delete(s.m, id)
			continue
		}
		if oldestID == "" || e.at.Before(oldest) {
			oldestID, oldest = id, e.at
		}
	}
	if len(s.m) >= seenMax && oldestID != "" {
		delete(s.m, oldestID)
	}
}

// discordMaxInput is Discord's most for a modal's text input: the description takes it all (the
// queue takes 5,000), not 2,000.
const discordMaxInput = 4000
