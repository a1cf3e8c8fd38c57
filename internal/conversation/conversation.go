// Package conversation is the bot's side of a conversation, shared by every channel (CLI chat,
// the web widget, Slack, Discord): it classifies each message, answers information questions
// (rewriting follow-ups from the session), runs the intake of a rights request step by step,
// answers requesters' status checks, and gives safeguarding contacts at once when someone is at
// risk.
//
// Channels translate their platform's events into a Turn and render the Reply; they hold no
// conversation logic. This package imports only the domain (answer, rights, dpo).
package conversation

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
	"github.com/privacybot/privacybot/internal/transcript"
)

// Turn is one message to the bot.
type Turn struct {
	Session    string    // the conversation (a thread, a widget session, a chat)
	Channel    string    // "cli", "web", "slack", "discord", "phone"
	Org        string    // the organisation the channel is scoped to; "" for all
	Text       string    // what the person wrote
	ReceivedAt time.Time // when the message reached the council: it starts a request's clock
	// MessageID is the platform's id of the message. A retried delivery makes no second case
	// without it: a request's idempotency key is its same-day key (sameDayKey), which holds
	// across conversations too.
	MessageID string
	// Via is how a request started by this turn reached the council when it is not the channel:
	// a letter ("post") or an e-mail an adviser logs in their chat. Empty: the channel.
	Via string
	// Starts is set by a channel that knows the message begins a conversation under a session
	// id of its own (a new Slack mention, whose thread is its own): an id the bot has not seen
	// is then no conversation that ended, and "ok" is not told that nothing was sent.
	Starts bool
	// said is what the person typed when Text is not it: a "yes" to a request offered starts
	// it with the words it was offered for, and the case's excerpt shows the "yes".
	said string
	// heldAsked is set when the message asks what is held about the writer, which the intake
	// used to take on every channel: its answer offers the copy wherever a queue takes it.
	heldAsked bool
	// requestBeside is set when the message makes a request beside the question answered
	// (answerAndOffer), which tells the adviser of the caller's request in its own words: the
	// answer gives no second command for it.
	requestBeside bool
	// answeredFor is set when Org is the council whose notices answered the question a "yes"
	// took up, not the chat's own: the request's first reply says so, to be corrected.
	answeredFor bool
}

// Reply kinds.
const (
	KindAnswer       = "answer"       // an answer to an information question (or an abstention)
	KindIntake       = "intake"       // a step of a rights request's intake
	KindSubmitted    = "submitted"    // the request is on the DPO's queue; Reference is set
	KindCancelled    = "cancelled"    // the person cancelled the intake
	KindSafeguarding = "safeguarding" // urgent: emergency and safeguarding contacts
	KindStatus       = "status"       // a requester's status check
	KindHelp         = "help"         // a reply to a greeting, thanks or "what can you do?": no claim, no citation
)

// Reply is the bot's answer to a Turn. Its JSON is the `ask --json` object plus the session and,
// while a request is being taken in, the intake state.
type Reply struct {
	answer.Answer
	Session   string       `json:"session"`
	Kind      string       `json:"kind"`
	Intake    *IntakeState `json:"intake,omitempty"`
	Reference string       `json:"reference,omitempty"`
	Due       string       `json:"due,omitempty"` // YYYY-MM-DD, when a case has one
	// AnsweredStep is set when the message answered a question of a request being taken (a name,
	// a contact, the details, "yes"): the request's, kept with the case, not a question for the
	// notices, so a transcript need not keep it.
	AnsweredStep bool `json:"-"`
	// AboutRequest is set on a reply about requests this conversation made or checked (withdrawing
	// one, adding to one), which names their references: a transcript keeping it would be tied to
	// the named cases.
	AboutRequest bool `json:"-"`
	// Council is the one council an answered question was about, when it named one or the
	// conversation was about one: a transcript files the question under it, so that council's
	// DPO sees what its notices don't answer.
	Council string `json:"-"`
}

// Outcome says what the bot did with the message, as transcripts keep it: "answered",
// "unsure" (answered, hedged, with the data protection contact), "abstained", or the reply's
// kind ("intake", "submitted", "safeguarding", …).
func (r Reply) Outcome() string {
	switch {
	case r.Kind != KindAnswer:
		return r.Kind
	case r.Abstained:
		return transcript.OutcomeAbstained
	case r.Hedged:
		return transcript.OutcomeUnsure
	}
	return transcript.OutcomeAnswered
}

// Streamer is an Answerer that passes its text on as it is written (a language model). The
// streamed text is provisional: the returned answer, checked as a whole, is what counts.
type Streamer interface {
	AnswerStream(ctx context.Context, q answer.Question, onDelta func(string)) (answer.Answer, error)
}

// Rewriter turns a follow-up into a question that stands alone, given the earlier questions
// (a language model); it returns the question unchanged when it can't.
type Rewriter interface {
	Rewrite(ctx context.Context, history []string, question string) (string, error)
}

// Submitter puts a request on the DPO's queue; *dpo.Queue is one. SubmitOnce says whether the
// case was filed by this call or before it (dpo.Queue.SubmitOnce), which the reply tells.
type Submitter interface {
	SubmitOnce(ctx context.Context, s dpo.Submission) (dpo.Case, bool, error)
	Status(ctx context.Context, ref, contact string) (dpo.StatusReport, error)
}

// The queue the service runs is a Submitter, and is what the tests run against.
var _ Submitter = (*dpo.Queue)(nil)

// Bot holds what a conversation needs. The zero value is not usable; fill the fields.
type Bot struct {
	Answerer answer.Answerer
	// Decider says whether the notices answer a question before the bot decides what to do with
	// a message (answer a question asked beside a request, or only take the request): the
	// extractive answerer, whose abstentions a language model's answers follow, so that no
	// model call is spent on a question only checked. Nil asks Answerer.
	Decider  answer.Answerer
	Queue    Submitter
	Classify func(string) rights.Intent // rights.Classify by default
	Region   deadline.Region            // the council's part of the UK
	Calendar *deadline.Calendar         // its bank holidays; nil is the built-in calendar
	Orgs     []string                   // the organisations a request may be for (canonical names)
	// Canonical resolves any name of an organisation ("MK council", "Bucks") to its canonical
	// name; notice.Organisations.Canonical is one.
	Canonical func(string) (string, bool)
	// Mentioned lists the organisations a text names, by canonical name
	// (notice.Organisations.Mentioned): a follow-up keeps the council its question named.
	Mentioned func(string) []string
	// Closest is the organisation a mistyped name or place looks like ("miltn keynes"), false
	// when none is near enough (notice.Organisations.Closest): the council step takes it, said
	// back so it can be corrected.
	Closest func(string) (string, bool)
	// Contacts gives the data protection contact of a council, or of each for "", quoted and
	// cited from the notices (answer.Composer.Contacts): whom to ask when the bot can't help.
	Contacts func(org string) answer.Answer
	// Notices are the notices the bot answers from, for "where is your privacy notice?".
	Notices   []NoticeTitle
	Now       func() time.Time
	Sessions  *Sessions
	Emergency string // "If anyone is in immediate danger, call 999."
	// Safeguarding is the configured safeguarding contact text.
	Safeguarding string
	// Crisis is the configured text for a message about suicide or self-harm (crisis lines).
	Crisis string
	// DomesticAbuse is the configured text for a writer at risk themselves from a partner or
	// former partner (a domestic abuse helpline): said to them in place of Safeguarding, which
	// tells how to report a concern about someone else.
	DomesticAbuse string
	// Redact is applied to the conversation excerpt stored with a case, and to a question before
	// it is answered (its personal details are not what it asks about). It should keep the names
	// the notices publish (redact.Keeping): "who is Maria Damigos?" was asked as "who is".
	Redact func(string) string
	// Chat is what the web chat says of itself when asked ("how long do you keep this chat?").
	Chat ChatFacts
	// Rewriter, when set, rewrites follow-ups; without it the previous topic is carried over.
	Rewriter Rewriter

	// noticeSubjects are the Notices' titles folded as oneCouncilAsked looks for them in a
	// question, made once (noticeSubjectsOnce) from the Notices the bot was given.
	noticeSubjectsOnce sync.Once
	noticeSubjects     []string
}

// Errors a channel maps to its outcome.
var (
	ErrNoQueue = errors.New("rights requests can't be taken here: no queue is configured")
)

// refRe is a request's reference as people type it: "DPO-2026-000123", "DPO 2026 000123",
// "dpo2026000123", with zeros more in front of its number, "DPO-2026-0000123" (up to four, as
// dpo.ParseRef reads), and with its number's leading zeros left out, "DPO-2026-123" or "dpo 2026
// 1" (then the year and number must be apart, or "dpo20261" could be any split). A short number
// set off by a space is a reference only where refAt says.
var refRe = regexp.MustCompile(`(?i)\bDPO(?:[-\s]?\d{4}[-\s]?0{0,4}\d{6}|[-\s]?\d{4}[-\s]\d{1,5})\b`)

var (
	// spacedShortRefRe is a reference whose short number is set off by a space: "dpo 2026 1",
	// which ordinary words make too ("I emailed the DPO 2025 3 times").
	spacedShortRefRe = regexp.MustCompile(`(?i)^DPO[-\s]?\d{4}\s\d{1,5}$`)
	// afterRefRe is what may follow such a reference: nothing, a question mark, a word asking
	// after it ("update", "status", "please"), the contact given with it, or another reference.
	afterRefRe = regexp.MustCompile(`(?i)^[\s.!?]*$|^\s*\?|^[\s,;:.-]*(?:any |an |for (?:an )?)?(?:updates?|status|please|pls|plz|progress|news|thanks|thank you|cheers|where is it|what's happening|whats happening)\b|` +
		`^[\s,;:-]*(?:(?:my )?(?:e-?mail|contact|phone|number)(?: is)?\s*:?\s*)?(?:[\w.+-]+@|\+?\d[\d ]{8,}\d)|^[\s,;:&/-]*(?:and\s+)?DPO\b`)
)

// houseWords name a house without a number: "Rose Cottage", "Mill Farm".
const houseWords = `cottage|farm|house|lodge|barn|manor|hall|mill|bungalow|rectory|croft|oast|villa`

// houseWordRe finds one of houseWords (houseNameEndRe reads the other ways a house is named).
var houseWordRe = regexp.MustCompile(`(?i)\b(?:` + houseWords + `)\b`)

// refAt reports whether the text refRe matched at loc is a reference: "DPO-2026-1" or "status of
// dpo 2026 1 please" is one; "I emailed the DPO 2025 3 times" is not.
func refAt(text string, loc []int) bool {
	return !spacedShortRefRe.MatchString(text[loc[0]:loc[1]]) || afterRefRe.MatchString(text[loc[1]:])
}

// Reply answers one message.
func (b *Bot) Reply(ctx context.Context, t Turn) (Reply, error) {
	return b.ReplyStream(ctx, t, nil)
}

// ReplyStream answers one message like Reply, passing the answer's text to onDelta as it is
// written when the answerer streams. Only information answers stream; onDelta may be nil.
func (b *Bot) ReplyStream(ctx context.Context, t Turn, onDelta func(string)) (Reply, error) {
	// How long a message may be depends on what it answers (a request's details are longer than
	// a question), which the session says.
	text, err := answer.CleanText(dpo.WithoutMarks(t.Text)) // "Sara\u200f Ahmed" is Sara Ahmed
	if err != nil {
		return Reply{}, err
	}
	t.Text = text
	if t.ReceivedAt.IsZero() {
		t.ReceivedAt = b.now()
	}
	s := b.sessionFor(t.Session, t.Channel)
	s.mu.Lock()
	defer s.mu.Unlock()
	defer b.Sessions.touch(s)
	if s.intake == nil && utf8.RuneCountInString(t.Text) > answer.MaxQuestionRunes {
		return Reply{}, answer.ErrQuestionTooLong
	}
	lost := s.takeLost() && !t.Starts
	justSent := s.takeJustSent()
	// A conversation keeps the organisation it was scoped to (the widget's data-org, a channel's
	// council) for the turns that don't say.
	if t.Org == "" {
		t.Org = s.Org
	} else {
		s.Org = t.Org
	}

	if s.intake != nil {
		r, err := b.intakeStep(ctx, s, t)
		r.AnsweredStep = true
		return r, err
	}
	if opening, ok := pauseOf(t.Text); ok {
		// "hang on", "ok I'm back, the doorbell went. where were we up to?": only a pause or a
		// return, from closed lists, so no danger is in it; read before the model, which took the
		// doorbell for urgent. What the bot can do, and an offer made stands.
		return helpReply(s, t, opening+" "+b.whatICanDo(t.Org)), nil
	}
	// Someone at risk comes first, whatever else the message says (a reference, a "yes").
	intent := b.classify(t.Text)
	if intent.Safeguarding {
		if intent.DomesticAbuse && b.Queue != nil && (intent.Type == rights.Complaint || !intent.Actionable) {
			// "housing gave out my address and now my ex knows where I am", "my abuser found out
			// where I live from a council letter": serious, where to turn, and the complaint (the
			// breach report) offered, not only the safety contacts.
			if intent.TellsOfAddressGivenAway(t.Text) {
				return b.addressGivenAwayUrgent(ctx, s, t, intent, addressGivenAwaySerious)
			}
			if intent.TellsOfFoundThroughTheCouncil(t.Text) {
				return b.addressGivenAwayUrgent(ctx, s, t, intent, addressLeakedSerious)
			}
		}
		if reach, _ := intent.AsksWhetherTheyCanGetIt(t.Text); reach != rights.ReachNone && !intent.Actionable && b.Queue != nil {
			// "im in a refuge. if my husband asks the council where i live will they tell him":
			// the safety contacts first, then what the notices say of it, whom to ask, and the
			// request to keep the address confidential (a QA pass: the contacts alone).
			s.offered = offer{}
			safe := b.safeguardingReply(s, t, intent)
			return b.answerWhetherTheyCanGetIt(ctx, s, t, reach, &safe)
		}
		if intent.ByModel && intent.Actionable && intent.Type != rights.None && b.Queue != nil {
			// Only the model took it for urgent, and it asks to exercise a right ("hi, I'm Kate
			// and I want a copy of everything you hold on me please"): the safeguarding reply
			// first, and the request taken, not left for the resident to ask again.
			safe := b.safeguardingFor(intent, t.Org)
			asked := intent
			asked.Safeguarding, asked.ByModel, asked.SelfHarm = false, false, false
			s.riskToldFor(intent) // before the request starts, whose summary reads it
			r, err := b.startIntake(ctx, s, t, asked)
			if err != nil {
				return Reply{}, err
			}
			r.Answer.Answer = safe + "\n\n" + r.Answer.Answer
			r.Answer.Safeguarding = true
			return r, nil
		}
		if !alsoAnswered(intent, t.Text) {
			return b.safeguarding(s, t, intent), nil
		}
		r := b.safeguardingReply(s, t, intent)
		offered := s.offered // what the safeguarding reply offered, if anything
		var ans Reply        // either way, the exchange is remembered
		if rights.SomeoneElsesDetails(t.Text) {
			// "my ex-partner moved out, can you tell me her phone number?" is told what anyone
			// asking for someone else's details is, not "the notices don't answer that".
			ans = b.withContact(s, t, someoneElsesDetails)
		} else if ans, err = b.answer(ctx, s, t, b.questionOf(b.dangerQuestion(intent, t.Text)), rights.Intent{Type: rights.None}, nil); err != nil {
			return Reply{}, err
		}
		if !intent.ByModel && !answeredSurely(ans.Answer) {
			// A cue was sure of the danger, and the notices answer the question only doubtfully
			// or not at all: the safeguarding reply alone, not "the notices don't answer that"
			// after it.
			s.rememberedAs(r.Answer.Answer)
			return r, nil
		}
		if offered.typ != "" {
			// "I fled domestic abuse … how do I stop my ex finding my address through the
			// council?": the request offered is the answer; the notices' silence adds nothing, and
			// the answer doesn't offer it twice (a verifying QA pass).
			s.offered = offered
			ans.Answer.Answer = strings.TrimSuffix(ans.Answer.Answer, "\n\n"+confidentialityOffer)
			if ans.Answer.Abstained {
				s.rememberedAs(r.Answer.Answer)
				return r, nil
			}
		}
		if offered.typ == "" && reportedAlready(intent, t.Text) {
			// "the neighbour threatened to kill my cat and i reported it, do you share that with
			// police": a danger to someone else, reported already, and a question asked calmly.
			// The answer first, and the contacts as a short line after it (a QA pass: the
			// contacts instead of the answer).
			r.Answer = answerThenContacts(r.Answer, ans.Answer, b.safeguardingContacts(intent, t.Org))
			s.rememberedAs(r.Answer.Answer)
			return r, nil
		}
		r.Answer = withAnswer(r.Answer, ans.Answer)
		s.rememberedAs(r.Answer.Answer) // the one reply, safeguarding first
		return r, nil
	}
	if offered := s.offered; offered.typ != "" {
		s.offered = offer{}
		if council := b.councilTakingUp(t.Text); council != "" {
			// "yes for milton keynes", "yes please, bucks", or "MK" alone: the offer taken for
			// that council (a QA pass: answered as a question, or asked "Which council?" again).
			start := s.takeUp(offered, t)
			if own := b.canonicalOrg(t.Org); own == "" {
				start.Org = council
			} else if own != council {
				// A widget of one council: the other council's request is not taken here, and
				// startIntake says whose contact to use instead.
				start.Text = offered.question + " (" + t.Text + ")"
			}
			return b.startIntake(ctx, s, start, offered.intent())
		}
		if takesUp(t.Text) {
			// "yes" to "I can take this request now": the question it answered says what is wanted.
			start := s.takeUp(offered, t)
			if b.canonicalOrg(t.Org) == "" && offered.org != "" {
				start.Org, start.answeredFor = offered.org, true // the council whose notices answered, alone
			}
			return b.startIntake(ctx, s, start, offered.intent())
		}
		if offered.onBehalf {
			if whom, ok := saysItIsForThem(t.Text); ok {
				// "no its for him, im his mum" after an offer of a request for someone else: whom
				// it is for, said again, not a question; the offer stands (a QA pass: answered
				// with a quote about recipients, and "yes please" then started nothing).
				s.offered = offered
				return helpReply(s, t, fmt.Sprintf("Thanks: the request would be for %s, and the data protection team will ask for proof that you may act for %s. Say \"yes\" to start it, or ask me anything else.", whom, whom)), nil
			}
		}
		if declinesRe.MatchString(t.Text) {
			// "no" to the offer declines it, and is no goodbye (a QA pass).
			return helpReply(s, t, "OK, I haven't made a request. Ask me anything else about the council's privacy notices."), nil
		}
	}
	if justSent != "" && confirmsAgain(t.Text) {
		// "yes" again, or "confirm", right after the request was sent: it was, and the reply
		// says so with its reference (a QA pass: "Go ahead: ask me about the privacy notices",
		// and no word of the request).
		return alreadySent(s, t, justSent), nil
	}
	if lost && answersAStep(t.Text) {
		return conversationLost(s, t), nil
	}
	if refs := refsIn(t.Text); len(refs) > 0 {
		if org := s.orgOf(refs); org != "" {
			t.Org = org // a request this conversation made or found: its council's contact, not the chat's
		}
		if withdrawRequestRe.MatchString(t.Text) || cancelWordRe.MatchString(t.Text) {
			// "cancel my request DPO-…": how to withdraw it, not its status.
			return b.withContact(s, t, withdrawOne(joinAnd(refs))), nil
		}
		if s.addsToRequest(t.Text, refs) {
			return b.addToRequest(s, t, refs), nil
		}
		return b.statusCheck(ctx, s, t, refs)
	}
	if b.Queue != nil && len(s.pendingRefs) == 0 {
		if text, contact := notQuiteAReference(t.Text); text != "" {
			if contact != "" {
				s.contactGiven = contact // kept for the reference that may follow ("sarah@…", then "DPO-2026-000001")
			}
			r := statusReply(s, t, text)
			s.remember(t.Text, text)
			return r, nil
		}
	}
	if len(s.pendingRefs) > 0 {
		if contactIn(t.Text) != "" {
			return b.statusCheck(ctx, s, t, s.pendingRefs)
		}
		if triesAContact(t.Text, intent) {
			// "sarah.okafor@gmail", a name: no contact the queue could match. Said plainly, and
			// nothing about the request; the next message with a contact checks it again.
			return statusReply(s, t, fmt.Sprintf("That doesn't match a contact given with %s. Please give the e-mail address, phone number or postal address exactly as you gave it with the request. "+
				"If you can't remember it, contact the data protection team.", joinAnd(s.pendingRefs))), nil
		}
		// Asked for the contact, the person asked something else instead: answer that.
		s.pendingRefs = nil
	}
	if s.addsToRequest(t.Text, nil) {
		// "can I add my old address to the request?": a sent request is the team's now.
		var refs []string
		for _, r := range s.sentAndChecked() {
			refs = append(refs, r.ref)
		}
		if org := s.orgOf(refs); org != "" {
			t.Org = org
		}
		return b.addToRequest(s, t, refs), nil
	}
	if wantsPersonRe.MatchString(t.Text) && smallTalkOf(t.Text) != smallTalkHelp { // "am I talking to a real person?" asks about the bot
		return b.wantsPerson(s, t), nil
	}
	if !notCancelRe.MatchString(t.Text) && (withdrawRequestRe.MatchString(t.Text) || cancelsASentOne(s, t.Text)) {
		var refs []string
		for _, r := range s.sentAndChecked() {
			refs = append(refs, r.ref)
		}
		if org := s.orgOf(refs); org != "" {
			// The requests this conversation sent or checked went to that council: its contact,
			// whatever council the chat is about.
			t.Org = org
		} else if n := len(s.submitted); n > 0 {
			t.Org = s.submitted[n-1].org
		}
		return b.withdrawRequest(s, t, refs), nil
	}
	if (cancelRe.MatchString(t.Text) || wantsToCancelRe.MatchString(t.Text)) && len(strings.Fields(t.Text)) <= 5 {
		// "cancel" with no request under way: nothing to cancel, and no request to start.
		return b.nothingToCancel(s, t), nil
	}
	if unfinishedRe.MatchString(t.Text) && (closedRe.MatchString(t.Text) || carryOnRe.MatchString(t.Text)) {
		// "I started a request earlier but the page closed, can I carry on?": no request under
		// way here, so the one begun was in a conversation that ended (a web QA pass: a hedged
		// list of rights).
		return b.unfinishedRequest(s, t, intent), nil
	}
	if !intent.Actionable && (noReferenceRe.MatchString(t.Text) || s.askedReference && madeElsewhereRe.MatchString(t.Text)) {
		// A request made by e-mail, post or phone, or a reference lost: nothing here can look it
		// up, and the person needs whom to ask, not a quote.
		s.askedReference = false
		return b.withContact(s, t, noReferenceHelp), nil
	}
	s.askedReference = false
	if b.Queue != nil && len(s.submitted) > 0 && nextStepsRe.MatchString(t.Text) {
		// "what happens now?" right after a request: that request's status, and what the team
		// may ask for before the month is up.
		r, err := b.statusOfEach(ctx, s, t, s.submitted)
		if err == nil {
			r.Answer.Answer += "\n\n" + nextSteps + " " + statutoryResponseTime
		}
		return r, err
	}
	if b.Queue != nil && len(s.submitted) == 0 && s.checked.ref == "" && requestMadeRe.MatchString(t.Text) &&
		(lateReplyRe.MatchString(t.Text) || lateWeakRe.MatchString(t.Text) && dataRequestRe.MatchString(t.Text)) {
		// "I've been waiting 3 months for my subject access request and nobody has replied, who
		// do I complain to?": not a new request (it was offered one), but where that one stands,
		// the time limit, and whom to complain to.
		return b.lateReply(ctx, s, t)
	}
	made := s.madeHere(t)
	if b.Queue != nil && len(made) > 0 && whatToTellRe.MatchString(t.Text) {
		// An adviser's "what do I tell her?" after logging a caller's request: where that request
		// stands, to read out (a QA pass: "the notices don't answer that", with both councils'
		// contacts).
		return b.statusOfEach(ctx, s, t, made)
	}
	if b.Queue != nil && (asksAfterRequest(t.Text) || asksAfterItRe.MatchString(t.Text) || waitingRe.MatchString(t.Text) && !intent.Actionable ||
		(len(made) > 0 || s.checked.ref != "") && asksResponseTime(t.Text)) {
		// (Right after a request, or a status check, "how long will it take?" asks about that
		// one: its own date, which for a law-enforcement request is the one the DPO set.)
		if len(made) > 0 {
			// The requests this conversation just made: their references and contacts are known.
			return b.statusOfEach(ctx, s, t, made)
		}
		if c := s.checked; c.ref != "" {
			// "when is it due?" after a status check: that request.
			return b.statusOfEach(ctx, s, t, []sentRequest{c})
		}
		if asksAfterRequest(t.Text) || waitingRe.MatchString(t.Text) {
			return b.askForReference(s, t), nil
		}
		if asksAfterItRe.MatchString(t.Text) {
			// "what is my reference again?" in a conversation that made no request: it can't be
			// found here, and the data protection team can find it.
			return b.withContact(s, t, noReferenceHelp), nil
		}
	}
	if rights.SomeoneElsesDetails(t.Text) {
		// "my tenant left owing rent, can you give me his new address?" asks for no right of the
		// writer's (its "new address" started a request to correct records, a QA pass): said
		// plainly, and who decides whether the law lets anything be shared.
		return b.withContact(s, t, someoneElsesDetails), nil
	}
	if reach, byAnEx := intent.AsksWhetherTheyCanGetIt(t.Text); byAnEx && reach != rights.ReachNone && !intent.Actionable && b.Queue != nil {
		// "can my ex get my records?", "my ex husband works for the council, can he look up my
		// address on the system?", asked calmly: what the notices say of it, not a copy of the
		// writer's own data offered; where to turn if they are at risk, and the request to keep
		// the address confidential.
		return b.answerWhetherTheyCanGetIt(ctx, s, t, reach, nil)
	} else if reach == rights.ReachRecords && !byAnEx && !intent.Actionable {
		// "can my husband get my records?", asked calmly: whose the right is, and no danger
		// read into it.
		return b.answerWhetherAPartnerCanGetThem(ctx, s, t)
	}
	if b.Queue != nil && (intent.Type == rights.Complaint || !intent.Actionable) && !intent.TellsOfAddressGivenAway(t.Text) &&
		intent.TellsOfAnExFindingItThroughTheCouncil(t.Text) {
		// "my ex found my new address on a letter from the council", told calmly: that the council
		// may have let it out, the complaint, and then the request to keep it confidential, as
		// when told with fear. (An address given to the ex is told the grievance's way, below.)
		return b.addressFoundByAnEx(ctx, s, t, intent)
	}
	if !intent.Actionable && lookedUpRe.MatchString(t.Text) && asksBesidesConfidentiality(t.Text) {
		// "she looked up my address on the system and told my ex. is that allowed? who at the
		// council can see my records": the question answered, and a complaint offered.
		return b.answerGrievance(ctx, s, t, onDelta)
	}
	if !intent.Actionable && toldAnExRe.MatchString(t.Text) && councilStaffRe.MatchString(t.Text) && !confidentialRe.MatchString(t.Text) {
		// "I'm worried my social worker told my ex where I live", asking nothing: the same
		// grievance, told with no question (a verifying QA pass got a hedged quote only).
		return b.answerGrievance(ctx, s, t, onDelta)
	}
	if !intent.Actionable && confidentialRe.MatchString(t.Text) && !questionRe.MatchString(t.Text) && !asksBesidesConfidentiality(t.Text) {
		// "mark my records as confidential so my ex can't find me": an objection to disclosure.
		intent = rights.Intent{Type: rights.Objection, Actionable: true, Confidence: 0.8}
	}
	if intent.Type != rights.None && !intent.Actionable && alsoWantRe.MatchString(t.Text) {
		// "I'd also like you to delete my old account": a wish, whatever "also" did to the reading.
		intent.Actionable = true
	}
	if intent.Type == rights.Complaint && icoRe.MatchString(t.Text) && !councilComplaintRe.MatchString(t.Text) {
		intent.Actionable = false // a complaint to the regulator: what the notices say of it, not one to the council
	}
	if t.Channel == "web" {
		if about := s.chatFollowUp(t.Text); about != "" {
			// "how long do you keep it?" right after the chat's answer about itself: still about
			// the chat, when its own notice answers it ("can you delete it?" too, which is no
			// erasure request of the council's records).
			if r, ok := b.aboutThisChat(s, t, about); ok {
				return r, nil
			}
		}
	}
	if t.Channel == "web" && chatDeleteRe.MatchString(t.Text) {
		// "can you delete this chat?" asks about the chat, not for the council's records to go.
		if r, ok := b.aboutThisChat(s, t, t.Text); ok {
			return r, nil
		}
	}
	if intent.Actionable && intent.Type == rights.Complaint && b.Queue != nil && intent.TellsOfAddressGivenAway(t.Text) {
		// "I think someone in housing gave my ex my new address": the complaint, with that it is
		// serious and where to turn before it (a QA pass: the intake alone).
		// Once it is sent, the request to keep the address confidential is offered, as after an
		// address found through the council.
		then := keepAddressConfidential
		return b.addressGivenAwayComplaint(ctx, s, t, intent, addressGivenAwaySerious, &then)
	}
	if (intent.Type == rights.Access || intent.Type == rights.None) && !intent.OnBehalf && intent.AsksWhatIsHeld(t.Text) {
		// "what info does customer services hold about me" asks what is held: the notices answer
		// it (name, address, date of birth …), and a copy of the person's own data is offered, one
		// "yes" away, as for "can I get my data deleted?" (a web QA pass: the question started a
		// request at once). "send me what you hold about me" asks for it, and is taken.
		intent = rights.Intent{Type: rights.Access, Confidence: max(intent.Confidence, 0.5)}
		t.heldAsked = true
	}
	if intent.Actionable && intent.Type != rights.None {
		if b.Queue != nil && (t.Channel == "web" || t.Channel == "phone") {
			if req, rest, ok := b.requestAmong(t.Text); ok && asksSomething(rest) && !aboutTheRequestRe.MatchString(rest) {
				if q := b.questionOf(rest); b.answers(ctx, q, t.Org) || dependsOnTheAnswerRe.MatchString(t.Text) {
					// "Do you share my data with the police? Please delete it.": the question is
					// answered and the request offered, not the question dropped for the request's
					// first step (a QA pass). Only a question the notices answer: "Please delete my
					// account. Can you do that?" asks about the request, which is taken. A request
					// made only if the answer is yes ("Do you sell my data? If so I want it
					// deleted.") waits for the answer, whether or not the notices give it.
					req.OnBehalf = req.OnBehalf || intent.OnBehalf
					return b.answerAndOffer(ctx, s, t, rest, q, req, onDelta)
				}
			}
		}
		return b.startIntake(ctx, s, t, intent)
	}
	if b.Queue != nil && (t.Channel == "web" || t.Channel == "phone") {
		if req, rest, ok := b.requestAmong(t.Text); ok {
			if aboutTheRequestRe.MatchString(rest) || !asksSomething(rest) {
				// "I want my data deleted. What happens next?": the request, whose first reply
				// says what happens next; "can you also delete my old parking account? same
				// details" asks nothing else.
				req.Actionable = true
				return b.startIntake(ctx, s, t, req)
			}
			return b.answerAndOffer(ctx, s, t, rest, b.questionOf(rest), req, onDelta)
		}
	}
	if t.Channel == "web" { // what the web chat keeps: its own notice says (a request comes first)
		if r, ok := b.aboutThisChat(s, t, t.Text); ok {
			return r, nil
		}
	}
	if st := smallTalkOf(t.Text); st != smallTalkNone {
		return b.smallTalk(s, t, st), nil
	}
	redacted := b.redacted(t.Text) // read for the writer's details alone, and searched
	if b.onlyOwnDetails(t.Text, redacted) {
		// "John Smith", "Priya Shah, 12 elm rd mk6" with no request step asking for them: searched,
		// the redacted "[name]" was answered with the notices' lists of what they hold ("• “Name”",
		// a QA pass). What they would like is asked, and nothing of them said back.
		return helpReply(s, t, b.whatWouldYouLike(t.Org, "Thanks. What would you like to know or ask for?")), nil
	}
	if asksForTheNotices(t.Text) {
		return helpReply(s, t, b.theNotices(t)), nil
	}
	if topicAlone(t.Text) {
		// "my data": what about it? Asked, not guessed at.
		return helpReply(s, t, b.whatWouldYouLike(t.Org, "What would you like to know about your data, or ask for?")), nil
	}
	if notEnglish(t.Text) {
		// Not a question the notices fail to answer (the DPO's list of those), but one the bot
		// can't read: say so, and who can help.
		return b.withContact(s, t, "Sorry, I can only read and answer messages in English. The data protection team can help you in other ways:"), nil
	}
	q := b.questionOfRedacted(redacted)
	if intent.Type == rights.Access {
		q = b.fileAsRecords(ctx, q, t.Org)
	}
	return b.answer(ctx, s, t, q, intent, onDelta)
}

// fileAsRecords is an access question asking for "the file" searched as the records the notices
// speak of, when they answer that surely and not the question as asked: "can i see the file
// though?" found the website's log files, hedged (a QA pass). A notice that answers of files
// keeps its answer.
func (b *Bot) fileAsRecords(ctx context.Context, q, org string) string {
	records := fileAsRecordsRe.ReplaceAllString(q, "${1}records")
	if records == q {
		return q
	}
	if asked, err := b.Answerer.Answer(ctx, answer.Question{Text: q, Organisation: org}); err != nil || answeredSurely(asked) {
		return q
	}
	if again, err := b.Answerer.Answer(ctx, answer.Question{Text: records, Organisation: org}); err == nil && answeredSurely(again) {
		return records
	}
	return q
}

// fileAsRecordsRe is a file someone's data is kept in, as a resident names it: "the file", "my
// case file", "his social care file"; not the website's "log files".
var fileAsRecordsRe = regexp.MustCompile(`(?i)\b((?:the|my|our|his|her|their|your|a|this|that) (?:(?:case|social care|social services|council|whole|full|entire) )?)files?\b`)

// maxSentencesRead bounds the sentences of a message read one by one for a request.
const maxSentencesRead = 12

// requestAmong finds the request one sentence of a message makes when the message as a whole
// reads as a question: "Who do you share my data with? Please delete it.", "How long do you keep
// blue badge records? I want mine deleted." (a QA pass: answered, and the request never
// offered). A wish joined to the question in one sentence is read as a sentence of its own (see
// wishClauses). It returns the request, for an offer, and the message's other sentences, to
// answer.
func (b *Bot) requestAmong(text string) (req rights.Intent, rest string, ok bool) {
	var ss []string
	for _, sentence := range sentenceRe.FindAllString(text, maxSentencesRead+1) {
		ss = append(ss, wishClauses(sentence)...)
	}
	if len(ss) < 2 || len(ss) > maxSentencesRead {
		return rights.Intent{}, "", false
	}
	for i, sentence := range ss {
		if reportsRequestRe.MatchString(sentence) {
			continue // "My husband asked for his records to be erased last year.": no request now
		}
		in := b.classify(sentence)
		if !in.Actionable || in.Safeguarding || in.Type == rights.None || in.Type == rights.Complaint {
			continue
		}
		others := strings.TrimSpace(strings.Join(slices.Delete(slices.Clone(ss), i, i+1), " "))
		if !strings.ContainsFunc(others, unicode.IsLetter) {
			return rights.Intent{}, "", false
		}
		return rights.Intent{Type: in.Type, Confidence: max(in.Confidence, 0.5), OnBehalf: in.OnBehalf}, others, true
	}
	return rights.Intent{}, "", false
}

// wishJoinRe joins a wish to the clause before it in one sentence, with "and", "but", "so" or a
// comma: "how long do you keep my data and I want it deleted", "…, please delete it". The wish
// starts at group 1.
var wishJoinRe = regexp.MustCompile(`(?i)(?:\s*,\s*(?:(?:and|but|so)\s+)?|\s+(?:and|but|so)\s+)((?:i|we)\b|please\b)`)

// wishClauses splits a sentence before each wish joined to it (wishJoinRe): read whole, "how long
// do you keep my data and I want it deleted" is a question of retention, and the wish beside it
// went unoffered (a QA pass of advisers: only the answer, no command to log it). Whether a clause
// is a request is still the classifier's to say; "how long do you keep it and I need to know
// today" is no request.
func wishClauses(sentence string) []string {
	var clauses []string
	for {
		loc := wishJoinRe.FindStringSubmatchIndex(sentence)
		if loc == nil || strings.TrimSpace(sentence[:loc[0]]) == "" {
			return append(clauses, sentence)
		}
		clauses = append(clauses, sentence[:loc[0]])
		sentence = sentence[loc[2]:]
	}
}

// requestWords are the sentences of a message that ask for something of the council about data,
// apart from what else it says ("I'm scared he'll find where I live. Please delete my old address
// records."): the request in the resident's words, and the right the first of them asks for; ""
// if no sentence is one on its own.
func (b *Bot) requestWords(text string) (rights.Intent, string) {
	ss := sentenceRe.FindAllString(text, maxSentencesRead+1)
	if len(ss) > maxSentencesRead {
		return rights.Intent{}, ""
	}
	var first rights.Intent
	var words []string
	for _, sentence := range ss {
		in := b.classify(sentence)
		if !in.Actionable || in.Safeguarding || in.Type == rights.None || reportsRequestRe.MatchString(sentence) {
			continue
		}
		if len(words) == 0 {
			first = in
		}
		words = append(words, strings.TrimSpace(sentence))
	}
	return first, strings.Join(words, " ")
}

// declinesRe answers an offer with no: "no", "no thanks", "not now", "no I'm fine".
var declinesRe = regexp.MustCompile(`(?i)^\s*(?:no|nope|nah|not now|not yet|not right now|maybe later|later|another time|no thanks?|no thank you|i'?m ok|i'?m fine|no,? (?:i'?m|that'?s) (?:ok|fine|alright))[\s.!,]*(?:thanks?|thank you|cheers)?[\s.!]*$`)

// reportsRequestRe is a sentence telling of a request made before, or of someone else's: "I asked
// for my records to be deleted in March.", "My husband asked for his records to be erased." A
// relative's circumstances are not one: "my nan is in a care home, can i get her records" is
// offered the request (a QA pass offered nothing).
var reportsRequestRe = regexp.MustCompile(`(?i)\b(?:asked|requested|applied|wanted|made a request|put in a request|was told)\b|` +
	`^\s*(?:my\s+` + relativeWords + `|he|she|they)\s+(?:wants|would like|(?:has|had|is|was)\s+(?:already\s+|just\s+|also\s+)?(?:asking|requesting|applying|making|made|putting|put|sending|sent|submitting|submitted|trying|going to ask|got a request|a request))\b`)

// aboutTheRequestRe is a question about the request the message makes, not one for the notices:
// "Can you do that?", "What do I need to do?", "What happens next?".
var aboutTheRequestRe = regexp.MustCompile(`(?i)^\s*(?:(?:can|could|will|would) you (?:do|sort|action|arrange) (?:that|this|it)|what (?:do|should|must) i (?:need to |have to )?do|` +
	`what happens (?:next|now|then)|how (?:long )?(?:will|does|would) (?:it|that|this) take|what (?:info|information|details|documents?) (?:do|will) you need|` +
	`is (?:that|this|it) (?:ok|okay|possible|alright|all right)|how do i (?:do|start) (?:that|this|it)|can i do (?:that|this|it) here)\b`)

// answers reports whether the notices answer a question as it is searched (questionOf), not
// abstaining, asked of the council the conversation is about.
func (b *Bot) answers(ctx context.Context, question, org string) bool {
	decider := b.Decider
	if decider == nil {
		decider = b.Answerer
	}
	if decider == nil {
		return false
	}
	ans, err := decider.Answer(ctx, answer.Question{Text: question, Organisation: org})
	return err == nil && !ans.Abstained
}

// asksSomething reports whether text asks a question: a question mark, or the words one starts
// with.
func asksSomething(text string) bool {
	return strings.Contains(text, "?") || questionRe.MatchString(text)
}

// asksBesidesConfidentiality reports whether a sentence of text that says nothing of keeping an
// address confidential asks a question: "my neighbour works at the council and i think she looked
// up my address on the system and told my ex. is that allowed? who at the council can see my
// records" tells a grievance and asks about it (a QA pass started an objection, its "looked up my
// address" read as the wish, and answered nothing). The question is answered, and the request
// offered.
func asksBesidesConfidentiality(text string) bool {
	return len(questionsBesidesConfidentiality(text)) > 0
}

// questionsBesidesConfidentiality is each sentence of text, trimmed, that asks a question and
// says nothing of keeping an address confidential (asksBesidesConfidentiality).
func questionsBesidesConfidentiality(text string) []string {
	var asks []string
	for _, sentence := range sentenceRe.FindAllString(text, maxSentencesRead) {
		if !confidentialRe.MatchString(sentence) && asksSomething(sentence) {
			asks = append(asks, strings.TrimSpace(sentence))
		}
	}
	return asks
}

// thatAllowedRe is a question that only points back at what the message told: "is that
// allowed?", "is this even legal". Searched alone, it finds nothing the notices say of it.
var thatAllowedRe = regexp.MustCompile(`(?i)^\s*(?:and |so |but )?(?:is|was|are|were|can|could|should) (?:that|this|it|she|he|they) (?:\w+ ){0,2}(?:allowed|legal|lawful|ok|okay|right|fair|normal|permitted|a breach)\b[^.?!]*[.?!]*\s*$`)

// toldAnExRe tells of the writer's details passed to a former partner, or an abuser: "she looked
// up my address and told my ex".
var toldAnExRe = regexp.MustCompile(`(?i)\b(?:told|tell|tells|telling|gave|given|give|passed|passing|shared|sharing|sent|showed|shown|leaked|handed)\b[^.?!]{0,40}\b(?:my|our) (?:ex|ex-\w+|ex (?:partner|husband|wife|boyfriend|girlfriend)|former partner|abuser|stalker)\b`)

// councilStaffRe is someone at the council, or who works for it: whose passing on the writer's
// address to an ex is a grievance against the council ("my social worker told my ex where I
// live"), not a sister's.
var councilStaffRe = regexp.MustCompile(`(?i)\b(?:social worker|housing officer|council officer|caseworker|case worker|support worker|key worker|officer|receptionist|member of staff|staff|the council|council worker|someone in housing|somebody in housing|housing department|housing team|social services|children's services|adult social care)\b`)

// answerGrievance answers a message telling of someone looking up the writer's address and
// asking about it: only its questions are searched (not what the grievance tells, whose words
// found a passage on the website's log files, nor "is that allowed?", which points back at it),
// and a complaint is offered, not started: the data protection team can find out who looked, and
// keep the address confidential.
func (b *Bot) answerGrievance(ctx context.Context, s *session, t Turn, onDelta func(string)) (Reply, error) {
	asks := slices.DeleteFunc(questionsBesidesConfidentiality(t.Text), thatAllowedRe.MatchString)
	question := strings.Join(asks, " ")
	if question == "" {
		question = t.Text
	}
	asked := t
	asked.Text = question
	r, err := b.answer(ctx, s, asked, b.questionOf(question), rights.Intent{Type: rights.None}, onDelta)
	if err != nil {
		return r, err
	}
	r.Answer.Question = t.Text
	if toldAnExRe.MatchString(t.Text) && b.DomesticAbuse != "" {
		// "… and told my ex": no fear is said, so no alarm; but an ex learning where someone
		// lives can be a danger, and they are told where to turn if it is. The complaint, if
		// taken, asks for a contact safe to use, and its case is flagged (offer.atRisk).
		r.Answer.Answer += "\n\n" + b.ifAtRisk()
	}
	if b.Queue != nil && t.Channel == "web" {
		r.Answer.Answer += "\n\nIf someone at the council looked at your details without a work reason, or passed them on, you can complain to the council's data protection team, who can look into it and keep your address confidential. I can pass your complaint to them now: say \"yes\" to start it."
		s.offered = offer{typ: rights.Complaint, question: t.Text, atRisk: toldAnExRe.MatchString(t.Text)}
		if s.offered.atRisk {
			// Told to an ex: once the complaint is sent, the request to keep the address
			// confidential is offered, as after an address given away or found.
			then := keepAddressConfidential
			s.offered.then = &then
		}
	}
	s.askedAs(t.Text)
	s.rememberedAs(r.Answer.Answer)
	return r, nil
}

// answerAndOffer answers question, the question of a message that also makes a request
// (requestAmong), whose questionOf is searched, and offers to take the request: the whole message
// is what the resident said, and what the request, if taken, starts from.
// dependsOnTheAnswerRe is a request made only if a question's answer is yes: "if so", "if you
// do", "if they are".
var dependsOnTheAnswerRe = regexp.MustCompile(`(?i)\bif (?:so|yes|you do|they do|it does|it is|you are|they are|that's (?:so|true|the case)|that is (?:so|true|the case))\b`)

func (b *Bot) answerAndOffer(ctx context.Context, s *session, t Turn, question, searched string, req rights.Intent, onDelta func(string)) (Reply, error) {
	asked := t
	asked.Text = question
	asked.requestBeside = true
	r, err := b.answer(ctx, s, asked, searched, req, onDelta)
	if err != nil {
		return r, err
	}
	r.Answer.Question = t.Text
	if s.offered.typ != "" {
		s.offered.question = t.Text
	}
	if t.Channel == "phone" {
		// The adviser logs the caller's request by command.
		r.Answer.Answer += fmt.Sprintf("\n\nThe caller also asked for a request (%s): log it with /request %s.", req.Type.Label(), req.Type)
	}
	s.askedAs(t.Text)
	return r, nil
}

func (b *Bot) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

func (b *Bot) classify(text string) rights.Intent {
	if b.Classify != nil {
		return b.Classify(text)
	}
	return rights.Classify(text)
}

func requestOf(in rights.Intent) *answer.Request {
	return &answer.Request{Type: string(in.Type), Actionable: in.Actionable, Confidence: in.Confidence}
}

// Ask answers one information question without a session, classifying it: what `ask` prints.
func (b *Bot) Ask(ctx context.Context, q answer.Question) (answer.Answer, error) {
	intent := b.classify(q.Text)
	asked := q
	if b.Redact != nil {
		// "Who is the DPO? My dob is 03/03/1985", "I'm at MK2 3AB, how long …": the details are
		// not what is asked (they made the answer abstain), as in the chat.
		asked.Text = b.questionOf(q.Text)
	}
	ans, err := b.Answerer.Answer(ctx, asked)
	if err != nil {
		return ans, err
	}
	ans.Question = q.Text
	if asksResponseTime(q.Text) {
		ans = b.responseTime(ans, q.Organisation) // an adviser reads out what the chat says
	}
	if asksToMakeFOI(q.Text) {
		ans = b.foi(ans, q.Organisation)
	}
	ans.Request = requestOf(intent)
	ans.Safeguarding = intent.Safeguarding
	if intent.Safeguarding {
		// The adviser reads out what the chat would say: the safeguarding reply, not a quote or
		// "the notices don't answer that" beside it (unless the danger is less certain).
		safe := answer.Answer{Question: q.Text, Answer: b.safeguardingFor(intent, q.Organisation), Citations: []answer.Citation{},
			Mode: ans.Mode, Safeguarding: true, Request: requestOf(intent)}
		if asked := b.dangerQuestion(intent, q.Text); alsoAnswered(intent, q.Text) && asked != q.Text {
			// The question said after a danger a cue was sure of, as the chat asks it.
			scoped := q
			scoped.Text = b.questionOf(asked)
			if again, err := b.Answerer.Answer(ctx, scoped); err == nil {
				again.Question = q.Text
				ans = again
			}
		}
		if alsoAnswered(intent, q.Text) && (intent.ByModel || answeredSurely(ans)) {
			safe = withAnswer(safe, ans)
		}
		ans = safe
	}
	return ans, nil
}

// alsoAnswered reports whether a safeguarding message's question is answered too, after the
// safeguarding reply: when only the model took it for urgent (the danger is less certain:
// "I told the council something about my neighbour in confidence. Will they tell him it was
// me?") and it asks something. A false alarm then costs the resident nothing but a paragraph.
// A message a cue took for urgent is answered too when it asks the notices something (what is
// shared, held or seen), and not of self-harm: "the neighbour threatened to kill my cat and i
// reported it, do you share that with police" got the safety contacts alone (a QA pass). The
// caller then adds the answer only when the notices answer it surely (answeredSurely).
func alsoAnswered(intent rights.Intent, text string) bool {
	asks := questionRe.MatchString(text) || strings.Contains(text, "?") || conditionalQuestionRe.MatchString(text)
	return asks && (intent.ByModel || !intent.SelfHarm && asksTheNoticesRe.MatchString(text))
}

// asksTheNoticesRe is what the notices tell of: what is shared, held, kept or seen, and by whom.
var asksTheNoticesRe = regexp.MustCompile(`(?i)\b(?:share|shares|shared|sharing|pass(?:es|ed)? (?:it |that |this )?on|disclos\w*|records?|files?|data|information|info|details|hold|holds|held|keep|keeps|kept|see|access|cop(?:y|ies)|delete|police|privacy)\b`)

// dangerQuestion is what is searched of an urgent message that asks the notices something: the
// question said after the danger ("…, do you share that with police"), when a cue was sure of
// the danger, for the danger's words find passages on safeguarding and not what is asked; the
// whole message otherwise.
func (b *Bot) dangerQuestion(intent rights.Intent, text string) string {
	if intent.ByModel {
		return text
	}
	clauses := clauseBreakRe.Split(text, -1)
	for i := len(clauses) - 1; i >= 0; i-- {
		c := strings.TrimSpace(clauses[i])
		if asksClauseRe.MatchString(c) && asksTheNoticesRe.MatchString(c) {
			return asksClauseRe.ReplaceAllString(c, "$1")
		}
	}
	return text
}

var (
	clauseBreakRe = regexp.MustCompile(`[,;.!?]+\s+|[,;.!?]+$`)
	// asksClauseRe is a clause that asks: "do you share that with police", "and will they see it".
	asksClauseRe = regexp.MustCompile(`(?i)^(?:(?:and|but|so)\s+)?((?:how|what|why|when|where|which|who|will|would|do|does|did|can|could|is|are|should|may)\b.*)$`)
)

// answeredSurely reports whether the notices answer a question neither doubtfully nor not at all:
// beside a danger a cue was sure of, only such an answer is worth its paragraph.
func answeredSurely(ans answer.Answer) bool {
	return !ans.Abstained && !ans.Hedged
}

// conditionalQuestionRe is a question asked after the case it is about, without a question mark:
// "if I report a neighbour in confidence will you tell them it was me", and after what the
// writer says first: "I'm worried about a child next door, if I report it will they know it was
// me", "I want to report child neglect, will the parents know it was me".
var conditionalQuestionRe = regexp.MustCompile(`(?i)(?:^|[,;.]\s*)(?:if|when|once|after|say)\b[^.?!]{0,80}?\b(?:will|would|do|does|can|could|should|is|are)\s+(?:you|they|the council|he|she|it|i|we|my|anyone|someone)\b|` +
	`[,;]\s*(?:and\s+)?(?:will|would|do|does|can|could|should|is|are)\s+(?:you|they|the|he|she|it|anyone|someone|somebody|his|her|their)\b`)

// withAnswer is a safeguarding reply followed by the answer to what the message asked, with
// the answer's citations (the safeguarding reply cites nothing).
func withAnswer(safe, ans answer.Answer) answer.Answer {
	safe.Answer += "\n\nAnd to what you asked:\n" + ans.Answer
	safe.Citations = ans.Citations
	safe.Abstained, safe.Hedged, safe.Stale = ans.Abstained, ans.Hedged, ans.Stale
	return safe
}

// reportedAlready reports whether an urgent message a cue found tells of a danger to someone
// else that the writer has reported already ("… and i reported it"), with no self-harm or abuse
// of the writer in it.
func reportedAlready(intent rights.Intent, text string) bool {
	return !intent.ByModel && intent.OnBehalf && !intent.SelfHarm && !intent.DomesticAbuse && reportedAlreadyRe.MatchString(text)
}

// reportedAlreadyRe is a report made already: "i reported it", "we've already told the police".
var reportedAlreadyRe = regexp.MustCompile(`(?i)\b(?:i|we|i've|we've|ive|i have|we have|i had|we had)\s+(?:already\s+|just\s+|now\s+)?(?:reported|told the police|called the police|rang the police|phoned the police|contacted the police)\b`)

// answerThenContacts is the answer to what an urgent message asked, and then the safeguarding
// contacts as one short line: the reply to a danger reported already.
func answerThenContacts(safe, ans answer.Answer, contacts string) answer.Answer {
	safe.Answer = ans.Answer + "\n\n" + strings.Join(strings.Fields(strings.ReplaceAll(contacts, "\n", " ")), " ")
	safe.Citations = ans.Citations
	safe.Abstained, safe.Hedged, safe.Stale = ans.Abstained, ans.Hedged, ans.Stale
	return safe
}

// answer answers an information question, carrying the topic of the last question over to a
// follow-up ("and for complaints?"). q is the message as it is searched (questionOf), which the
// caller may have made already.
func (b *Bot) answer(ctx context.Context, s *session, t Turn, q string, intent rights.Intent, onDelta func(string)) (Reply, error) {
	about := "" // what the conversation was about, when the follow-up is asked in its context
	previous := s.lastQuestion
	followUp := previous != "" && IsFollowUp(q)
	if followUp {
		var rewritten string
		rewritten, about = b.rewrite(ctx, s, q)
		q = b.ofCouncilsNamed(q, rewritten)
	}
	unfocused := q
	if t.Org == "" {
		q = b.inFocus(s, q) // a conversation scoped to a council is about it already
	}
	aq := answer.Question{Text: q, Organisation: t.Org, Context: about}
	ans, err := b.askInFocus(ctx, s, aq, followUp, onDelta)
	if err != nil {
		return Reply{}, err
	}
	if ans.Abstained && q != unfocused {
		ans.Answer += b.elsewhere(ctx, unfocused, about, s.council)
	}
	if ans.Abstained && followUp && s.notice.org != "" && aq.Organisation == "" && q == unfocused && !b.namesAnotherCouncil(q, s.notice.org) {
		// No notice answers a follow-up about one council's notice: the contact to ask is that
		// council's, not every council's.
		scoped := aq
		scoped.Organisation = s.notice.org
		if own, err := b.Answerer.Answer(ctx, scoped); err == nil && own.Abstained {
			ans = own
		}
	}
	if asksResponseTime(t.Text) || followUp && asksResponseTime(previous) && timeLimitRe.MatchString(ans.Answer) {
		// "is it 40 days?" after "how long do you have to reply to a subject access request?"
		// quoted the 2018 notice's 40 calendar days alone (a QA pass): what the law says now
		// follows any time limit quoted for it.
		ans = b.responseTime(ans, aq.Organisation)
	}
	if asksToMakeFOI(t.Text) {
		ans = b.foi(ans, aq.Organisation)
	}
	s.notice = noticeInFocus(s.notice, ans, followUp)
	ans.Question = t.Text
	ans.Request = requestOf(intent)
	confidentialAddress := confidentialRe.MatchString(t.Text) && addressWordRe.MatchString(t.Text)
	// The web offers a request a question asks about; Slack and Discord (staff, asking for
	// others) only the copy of "what do you hold about me", which they took as a request before
	// it was answered (a review: the request was dropped there). The adviser is given a command.
	offersHere := t.Channel == "web" || (t.heldAsked && t.Channel != "phone")
	offerable := b.Queue != nil && offersRequest(intent) && !reportsRequestRe.MatchString(t.Text) && !(intent.Type == rights.Objection && confidentialAddress)
	if offerable && offersHere {
		// "how do I make a subject access request?" asks how; the bot can also just take it.
		// (Residents ask on the web; staff in Slack and advisers with /request ask for others.)
		if ans.Abstained && askedHereRe.MatchString(t.Text) {
			// "can I do my SAR here?": the notices not saying how is no reason to say "I can't
			// answer" and then offer to take it. (Only that: "can my ex get a copy?" answered
			// "Yes" would say the ex can.)
			ans = answer.Answer{Question: ans.Question, Answer: "Yes: I can take this request here.", Citations: []answer.Citation{}, Mode: ans.Mode}
		}
		// The offer names the right, so that one made on a question ("do you have CCTV on the
		// bin lorries?") says what "yes" would start.
		label := requestLabel(intent.Type, intent.OnBehalf)
		if intent.OnBehalf {
			// "a copy of my tenant's records": someone else's, which only someone acting for them
			// may ask for (a QA pass: offered "a copy of your data" to a landlord).
			label += ", for someone else: the data protection team will ask for proof that you may act for them"
		}
		ans.Answer += fmt.Sprintf("\n\nIf you'd like to make this request — %s — I can pass it to the data protection team for you now: say \"yes\" to start it.", label)
		s.offered = offer{typ: intent.Type, question: t.Text, onBehalf: intent.OnBehalf, org: b.oneCouncilAsked(t.Text, ans)}
	} else if offerable && t.Channel == "phone" && !t.requestBeside {
		// The adviser's chat, where the web offers the request: a caller's "what do you hold about
		// me?" was answered with no word of the copy (a QA pass). The adviser logs it by command,
		// as a request asked for beside a question is (answerAndOffer).
		ans.Answer += fmt.Sprintf("\n\nIf the caller wants to make this request — %s — log it with /request %s.", requestLabel(intent.Type, intent.OnBehalf), intent.Type)
	} else if b.Queue != nil && confidentialAddress {
		// "Is it possible to keep my address hidden from my ex?": answered, and the request offered
		// in its own words (an objection to the address's disclosure).
		ans.Answer += "\n\n" + offerConfidentiality(s, t)
	}
	last := q
	if own := b.canonicalOrg(t.Org); own != "" && ans.Abstained && b.namesAnotherCouncil(q, own) {
		// Refused as another council's question in a chat scoped to one: the next follow-up
		// leans on its topic, asked of this chat's council ("and MK?" refused, "how long do you
		// keep it?" was refused again, a QA pass of advisers).
		last = b.withoutCouncilsBut(q, []string{own})
	}
	s.lastQuestion = strings.TrimSpace(last + " " + about) // what the next follow-up leans on
	if about == "" || !followUp {
		s.topic = ""
	} else if s.topic == "" {
		s.topic = strings.Join(answer.TopicWords(about), " ")
	}
	s.questions = append(s.questions, q)
	if len(s.questions) > maxTurns {
		s.questions = s.questions[len(s.questions)-maxTurns:]
	}
	s.remember(t.Text, ans.Answer)
	council := b.canonicalOrg(t.Org)
	if council == "" {
		council = s.council
	}
	return Reply{Answer: ans, Session: s.ID, Kind: KindAnswer, Council: council}, nil
}

// askInFocus answers a question. A follow-up is first asked of the notice the conversation is
// about: after the HMO register, "how long does it stay on there?" is about the register, not
// how long another notice of the council keeps its webcasts. Unsure there, it is asked of every
// notice, and that answer is taken if it is sure; unsure everywhere, the notice in focus's closest
// passage is quoted rather than another notice's.
func (b *Bot) askInFocus(ctx context.Context, s *session, aq answer.Question, followUp bool, onDelta func(string)) (answer.Answer, error) {
	ask := func(aq answer.Question) (answer.Answer, error) {
		if st, ok := b.Answerer.(Streamer); ok && onDelta != nil {
			// An answer abstained or unsure of streams nothing: the next attempt may.
			return st.AnswerStream(ctx, aq, onDelta)
		}
		return b.Answerer.Answer(ctx, aq)
	}
	var focused answer.Answer
	var inFocus answer.Question
	if followUp && s.notice.id != "" && !b.namesAnotherCouncil(aq.Text, s.notice.org) {
		inFocus = aq
		inFocus.NoticeID = s.notice.id
		var err error
		if focused, err = ask(inFocus); err != nil {
			return focused, err
		}
		if !focused.Abstained && !focused.Hedged {
			return focused, nil
		}
	}
	wide, err := ask(aq)
	if err == nil && focused.Abstained && inFocus.Context != "" && !wide.Abstained && onlyStale(wide) {
		// Answered only by a notice out of date: the notice in focus is asked the follow-up's own
		// words. Within it, the context's words ("complaint records") can outweigh what is asked
		// now ("who do they share it with"), and the passages that say it go unread.
		own := inFocus
		own.Context = ""
		if mine, err := ask(own); err != nil || !mine.Abstained {
			return mine, err
		}
	}
	if err != nil || focused.Answer == "" || focused.Abstained || !wide.Abstained && !wide.Hedged && !onlyStale(wide) {
		return wide, err
	}
	// Unsure everywhere, or sure only from a notice out of date: the notice in focus's own answer
	// (a QA pass: after complaint records, "who do they share it with" quoted the 2018 website
	// statement's "we do not pass on any of your personal information" over the customer
	// services notice's list).
	return focused, nil
}

// onlyStale reports whether every notice an answer cites is out of date.
func onlyStale(ans answer.Answer) bool {
	if len(ans.Stale) == 0 {
		return false
	}
	for _, c := range ans.Citations {
		if !slices.ContainsFunc(ans.Stale, func(st answer.StaleNotice) bool { return st.Notice == c.Notice }) {
			return false
		}
	}
	return true
}

// namesAnotherCouncil reports whether a question names a council other than org: "same with
// Bucks?" after an answer from a Milton Keynes notice is not asked of that notice.
func (b *Bot) namesAnotherCouncil(q, org string) bool {
	if b.Mentioned == nil {
		return false
	}
	own := b.canonicalOrg(org)
	for _, named := range b.Mentioned(q) {
		if named != own {
			return true
		}
	}
	return false
}

// askedHereRe is a question about making a request in this chat: "can I do my SAR here?".
var askedHereRe = regexp.MustCompile(`(?i)\b(?:here|in this chat|through (?:you|this(?: chat)?)|with you|(?:on|via) (?:this|the) (?:chat|site|website)|online)\b`)

// offer is a request an answer offered to take, and the question it answered.
type offer struct {
	typ      rights.Type
	question string
	onBehalf bool // the message offered asks for someone else ("… please delete my mum's")
	// from is the request just sent, when the offer is of a second right it asked for: its
	// council, name and contact are this one's too, and aren't asked again.
	from *intake
	// pitch is how the offer is put once the request before it is sent, when the writer didn't
	// ask for it: the chat did (keepAddressConfidential). Empty, it is "You also asked for
	// something else".
	pitch string
	// then is the request offered once the one this offers is sent: the request to keep an
	// address confidential after the complaint that it was let out (addressGivenAwayUrgent).
	then *offer
	// atRisk is set on the complaint offered to a writer who told, calmly, of someone at the
	// council telling their ex where they live (answerGrievance): taken, it asks for a contact
	// safe to use and is flagged for the team, as one started at once is (atRiskOf).
	atRisk bool
	// org is the one council whose notices the answer offering the request was from: "yes"
	// takes the request for it, not asked "Which council?" again (a review).
	org string
}

// intent is the request o offers, as taken: actionable, for whom it was offered.
func (o offer) intent() rights.Intent {
	return rights.Intent{Type: o.typ, Actionable: true, Confidence: 1, OnBehalf: o.onBehalf}
}

// takeUp is the turn that starts the request o offers, taken up by t: o's question, with t as
// what was said; the session carries into startIntake what o knows (the request before it, the
// one offered after it, and that the writer is at risk).
func (s *session) takeUp(o offer, t Turn) Turn {
	start := t
	start.Text, start.said = o.question, t.Text
	s.prefill, s.then = o.from, o.then
	if o.atRisk {
		atRiskOf(s)
	}
	return start
}

// alsoOffered is the first words of a reply offering o once the request before it is sent or
// cancelled: what was asked for, with its label, or what the chat offers (o.pitch).
func (o offer) alsoOffered() string {
	if o.pitch != "" {
		return o.pitch
	}
	return fmt.Sprintf("You also asked for something else (%s)", o.typ.Label())
}

// forThemRe is a short message saying whom a request is for, someone else, and nothing more:
// "no its for him, im his mum", "it's for her", "for my son", "im his dad". Group 1 is "for …"
// (group 2 its pronoun), group 3 the writer's relation to them (group 4 its possessive).
var forThemRe = regexp.MustCompile(`(?i)^\s*(?:(?:no|nope|yes|yeah|sorry|well)\b[\s,.!-]*)?(?:(?:it'?s|its|it is|this is|the request is|i'?m asking|im asking)\s+)?` +
	`((?:for|on behalf of)\s+(?:(him|her|them)|my\s+(?:\w+\s+)?` + relativeWords + `s?)\b(?:\s+not me)?)?[\s,.!;-]*` +
	`((?:and\s+)?(?:i'?m|im|i am)\s+(his|her|their)\s+(?:` + relativeWords + `|guardian|carer)\b)?[\s,.!]*$`)

// saysItIsForThem reads a message saying whom a request offered for someone else is for: who
// ("him", "them"), and whether it says so at all.
func saysItIsForThem(text string) (whom string, ok bool) {
	m := forThemRe.FindStringSubmatch(text)
	if m == nil || m[1] == "" && m[3] == "" {
		return "", false
	}
	switch {
	case m[2] != "":
		return strings.ToLower(m[2]), true
	case strings.EqualFold(m[4], "his"):
		return "him", true
	case strings.EqualFold(m[4], "her"):
		return "her", true
	}
	return "them", true
}

// offersRequest reports whether an information question is about making a request the bot can
// take ("how do I make a subject access request?", "can I get my data deleted?"), surely enough
// to offer to take it.
func offersRequest(in rights.Intent) bool {
	switch in.Type {
	case rights.None, rights.Complaint:
		return false
	}
	return !in.Actionable && in.Confidence >= offerConfidence
}

// offerConfidence is how sure the classifier must be of the right a question asks about before
// a request for it is offered: below it, "my ex found my new address on facebook" read as a
// correction (0.25).
const offerConfidence = 0.5

// RightOffered is the right a reply takes or offers, for a channel's own request form to start
// from (Slack's "Raise a request with the DPO"): the request being taken, or the right the
// message asked for or asked about, when the classifier is as sure of it as an offer needs
// (offerConfidence). "" when there is none: a guess filled in would be picked over, unnoticed.
func (r Reply) RightOffered() string {
	if r.Intake != nil {
		return r.Intake.Type
	}
	if q := r.Request; q != nil && q.Type != "" && q.Type != string(rights.None) && (q.Actionable || q.Confidence >= offerConfidence) {
		return q.Type
	}
	return ""
}

// oneCouncilAsked is the council a question was answered for, when the answer quotes that
// council's notices alone and the question points to it: it names the council, a notice only
// that council publishes ("what info does customer services hold about me"), or a service only
// its notices cover. "" otherwise: "what do you hold about me?" answered from one council's
// notices says nothing of where the person lives.
func (b *Bot) oneCouncilAsked(q string, ans answer.Answer) string {
	org := b.oneCouncilOf(ans)
	if org == "" {
		return ""
	}
	if named := b.councilsNamed(q); len(named) > 0 {
		if len(named) == 1 && named[0] == org {
			return org
		}
		return ""
	}
	if service := servicesIn(q); service != "" && b.councilOfServices(service) == org {
		return org
	}
	lq := strings.ToLower(q)
	for i, what := range b.subjectsOfNotices() {
		if what == "" || !strings.Contains(lq, what) {
			continue
		}
		if b.canonicalOrg(b.Notices[i].Organisation) != org {
			return "" // another council's notice named too
		}
		return org
	}
	return ""
}

// subjectsOfNotices is what each of Notices is about, by its title in lower case less the words
// every notice's title has ("Customer Services Privacy Notice" is "customer services"), in the
// order of Notices: folded once, on the first request offered, not on every one.
func (b *Bot) subjectsOfNotices() []string {
	b.noticeSubjectsOnce.Do(func() {
		b.noticeSubjects = make([]string, len(b.Notices))
		for i, n := range b.Notices {
			what := strings.ToLower(n.Title)
			for _, w := range []string{"privacy notice", "privacy policy", "privacy statement", " team"} {
				what = strings.ReplaceAll(what, w, "")
			}
			b.noticeSubjects[i] = strings.TrimSpace(what)
		}
	})
	return b.noticeSubjects
}

// oneCouncilOf is the council every notice an answer quotes is of, by its canonical name; ""
// when it quotes none, abstains, or quotes two councils' notices.
func (b *Bot) oneCouncilOf(ans answer.Answer) string {
	if ans.Abstained {
		return ""
	}
	names := make([]string, 0, len(ans.Citations))
	for _, c := range ans.Citations {
		names = append(names, c.Organisation)
	}
	return b.theOneCouncil(names)
}

// theOneCouncil is the council every one of names is (any of its names), by its canonical name;
// "" when there are none, they are of two councils, or the council is none this bot serves.
func (b *Bot) theOneCouncil(names []string) string {
	if len(names) == 0 {
		return ""
	}
	org := b.canonicalOrg(names[0])
	for _, n := range names[1:] {
		if b.canonicalOrg(n) != org {
			return ""
		}
	}
	if !slices.Contains(b.Orgs, org) {
		return ""
	}
	return org
}

// focusNotice is the notice a conversation is about, and whose it is.
type focusNotice struct{ id, org, title string }

// noticeInFocus is the notice a conversation is about after an answer: the notice of the
// passage it quotes first, if it answers surely and from one council; the one before, if a
// follow-up found no answer; else none.
func noticeInFocus(before focusNotice, ans answer.Answer, followUp bool) focusNotice {
	if ans.Abstained || ans.Hedged || len(ans.Citations) == 0 {
		if followUp {
			return before
		}
		return focusNotice{}
	}
	first := ans.Citations[0]
	for _, c := range ans.Citations[1:] {
		if c.Organisation != first.Organisation {
			return focusNotice{} // two councils' notices answer together
		}
		if c.N == ans.Best {
			first = c // the best sentence's notice, shown later (an out-of-date one is quoted last)
		}
	}
	return focusNotice{id: first.Notice, org: first.Organisation, title: first.Title}
}

var placeholderRe = regexp.MustCompile(`\[[A-Za-z ]{2,20}\]`)

// introRe is a sentence in which a person says who they are, where they live or how to reach
// them: "I live in Bletchley.", "hi, this is Priya.", "I'm a High Wycombe resident", "my mobile
// is [phone]". Not "I'm a
// landlord applying for an HMO licence.", which says what the question is about.
var introRe = regexp.MustCompile(`(?i)^(?:(?:hi|hello|hey|good (?:morning|afternoon|evening)|dear [\w ]{1,20})[,!.\s]*)?(?:my name is|my name's|i'?m called|i am called|call me|this is|it'?s|i live|we live|i'?m from|i am from|(?:i'?m|i am) an? (?:[\w-]+ ){1,3}resident|(?:[\w-]+ ){1,3}resident$|(?:i'?m|i am|we'?re|we are) (?:based )?in|my (?:mobile|phone|number|email|e-mail|address|postcode) is)\b|^(?:hi|hello|hey|good (?:morning|afternoon|evening))[,!.\s]*$`)

// sentenceRe splits a message into sentences, each with its closing punctuation.
var sentenceRe = regexp.MustCompile(`[^.!?]+[.!?]*`)

// leadRe is a clause that opens a message before its question: "Mr [name] asking:", "i'm
// [name],", "I live on [address] in Bletchley,", "I'm from Bletchley -".
var leadRe = regexp.MustCompile(`^([^,:;?]{1,80}?)(?:[,:;]|\s[-–—]\s)\s*(.+)$`)

// withoutIntroductions asks only the question of a message that introduces its asker first: "I
// live in Bletchley. do you share my data with the police?" is asked as its last sentence, which
// the notices answer, where "Bletchley" made it look like a question they don't. A short
// sentence, or a clause before the question, counts as an introduction when it is one ("I live
// in…", "this is…") or holds only the asker's redacted details ("[name] here.", "Mr [name]
// asking:"), and another sentence is left to ask; "I'm a GP practice manager and we've been
// asked to send patient info to MK Together…" says what the question is about, and stays.
func withoutIntroductions(q string) (question, dropped string) {
	introduces := func(s string) bool {
		return !strings.HasSuffix(s, "?") && len(strings.Fields(s)) <= 10 && (introRe.MatchString(s) || placeholderRe.MatchString(s))
	}
	var kept, left []string
	for _, s := range sentenceRe.FindAllString(q, -1) {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if m := leadRe.FindStringSubmatch(s); m != nil && len(kept) == 0 && introduces(strings.TrimSpace(m[1])) && !introduces(strings.TrimSpace(m[2])) {
			// "i'm [name], who is the DPO?", "i'm from bletchley, who is your data protection
			// officer": the clause after the introduction asks, with or without its "?".
			left = append(left, m[1])
			kept = append(kept, m[2])
			continue
		}
		if introduces(s) {
			left = append(left, s)
			continue
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		return q, ""
	}
	return strings.Join(kept, " "), strings.Join(left, " ")
}

// changesSubjectRe is the words with which a message turns from what it told to what it asks:
// "…, anyway who is the DPO for Bucks?", "… btw how long do you keep it". Only at the start of
// a clause ("is there any way to …" asks, and turns from nothing).
var changesSubjectRe = regexp.MustCompile(`(?i)(?:^|[,.;:!?]|\s[-–—])\s*(?:anyway|anyways|anyhow|by the way|btw|on another note|on a different note|changing the subject)\b[,:;]?\s+(.+)$`)

// afterTheSubjectChanges is the question a message asks after turning from what it told, and
// what it told: "my son keeps hitting his brother with a lightsaber, anyway who is the DPO for
// Bucks?" asks only who the DPO is (a QA pass searched the whole, and the notices "don't answer
// that"). A message that asks nothing after the turn, or asks before it too ("who is the DPO?
// btw how long do you keep it?"), is kept whole.
func afterTheSubjectChanges(q string) (question, aside string) {
	loc := changesSubjectRe.FindStringSubmatchIndex(q)
	if loc == nil {
		return q, ""
	}
	rest, told := strings.TrimSpace(q[loc[2]:loc[3]]), strings.TrimSpace(q[:loc[0]])
	if !asksSomething(rest) || asksSomething(told) {
		return q, ""
	}
	return rest, told
}

// questionOf is what of a message is searched (or sent to a model): without the resident's own
// details, and without what only introduces them. "my email is jo@x.com, how long…" asks only
// "how long…".
func (b *Bot) questionOf(q string) string {
	return b.questionOfRedacted(b.redacted(q))
}

// questionOfRedacted is questionOf of a message already redacted: a turn that reads the redacted
// message for something else too redacts it once.
func (b *Bot) questionOfRedacted(q string) string {
	q, aside := afterTheSubjectChanges(q)
	question, dropped := withoutIntroductions(q)
	dropped = strings.TrimSpace(aside + " " + dropped)
	if named := b.councilsNamed(dropped); len(named) > 0 && len(b.councilsNamed(question)) == 0 {
		// "I live in Bucks." introduces the asker and says whose notices to ask: Milton Keynes's
		// "6 years" is no answer for them.
		question += " (" + strings.Join(named, ", ") + ")"
	}
	out := strings.Join(strings.Fields(placeholderRe.ReplaceAllString(question, " ")), " ")
	if out == "" {
		return q
	}
	return out
}

// redacted is text without the personal details Redact finds; text as it is when there is no
// Redact.
func (b *Bot) redacted(text string) string {
	if b.Redact == nil {
		return text
	}
	return b.Redact(text)
}

// ownNumbers are the phone numbers of the contacts the bot is configured to give (a helpline,
// the emergency number): published, no one's personal data, and kept in a case's excerpt, where
// "Call the National Domestic Abuse Helpline on [phone]" told the team nothing (a review).
func (b *Bot) ownNumbers() []string {
	var numbers []string
	for _, text := range []string{b.Emergency, b.Safeguarding, b.Crisis, b.DomesticAbuse} {
		_, found := phoneFinder.Redact(text)
		for _, f := range found {
			numbers = append(numbers, text[f.Start:f.End])
		}
	}
	return numbers
}

// phoneFinder finds phone numbers alone.
var phoneFinder = redact.New(redact.WithKinds(redact.KindPhone))

// ofCouncilsNamed asks a rewritten follow-up that names a council of that council only: "same
// with Bucks?" after a question about Milton Keynes asks it of Buckinghamshire, not of both.
func (b *Bot) ofCouncilsNamed(followUp, rewritten string) string {
	if b.Mentioned == nil {
		return rewritten
	}
	if named := b.Mentioned(followUp); len(named) > 0 {
		return b.withoutCouncilsBut(rewritten, named)
	}
	return rewritten
}

// inFocus keeps a conversation about one council about it: after "who is the DPO for Bucks?",
// "and their phone number?" asks for Buckinghamshire's number, not any council's (rewritten, it
// asks "Who is the data protection officer for their phone number", which Milton Keynes's notices
// answered), and "do staff get data protection training?" about Buckinghamshire's staff. A
// question naming a council changes the focus; one naming two ends it.
func (b *Bot) inFocus(s *session, q string) string {
	if b.Mentioned == nil {
		return q
	}
	switch named := b.Mentioned(q); {
	case len(named) == 1:
		s.council = named[0]
	case len(named) > 1:
		s.council = ""
	case s.council != "":
		return q + " (" + s.council + ")"
	}
	return q
}

// elsewhere says which other councils' notices answer a question the council in focus's
// notices don't ("how long do you keep complaint records?" after a question about
// Buckinghamshire), without quoting them: their facts are not this council's, but the person
// should know to ask. "" when none do.
func (b *Bot) elsewhere(ctx context.Context, q, about, focus string) string {
	other, err := b.Answerer.Answer(ctx, answer.Question{Text: q, Context: about})
	if err != nil || other.Abstained || other.Hedged {
		return ""
	}
	var orgs []string
	for _, c := range other.Citations {
		if org := b.canonicalOrg(c.Organisation); org != focus && !slices.Contains(orgs, org) {
			orgs = append(orgs, org)
		}
	}
	if len(orgs) == 0 {
		return ""
	}
	return fmt.Sprintf("\n%s privacy notices do say something about it: ask about %s to see what they say.",
		answer.Possessive(strings.Join(orgs, " and ")), strings.Join(orgs, " or "))
}

// withoutCouncilsBut drops from a text the names of councils other than those named.
func (b *Bot) withoutCouncilsBut(rewritten string, named []string) string {
	if b.Canonical == nil {
		return rewritten
	}
	ws := strings.Fields(rewritten)
	out := ws[:0:0]
	for i := 0; i < len(ws); {
		if n := b.otherCouncilAt(ws[i:], named); n > 0 {
			i += n
			continue
		}
		out = append(out, ws[i])
		i++
	}
	return strings.Join(out, " ")
}

// maxCouncilWords is the most words a council's name has ("Milton Keynes City Council").
const maxCouncilWords = 4

// otherCouncilAt is how many words, from the first, name a council other than those named; 0
// when they name none.
func (b *Bot) otherCouncilAt(ws []string, named []string) int {
	for n := min(maxCouncilWords, len(ws)); n > 0; n-- {
		name := strings.Trim(strings.Join(ws[:n], " "), "?.!,;:()")
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if org, ok := b.Canonical(name); ok && !slices.Contains(named, org) {
			return n
		}
	}
	return 0
}

// rewrite makes a follow-up stand alone: by the model when there is one, else (and when the
// model fails) by Rewrite, which may also give the context the question is asked in.
func (b *Bot) rewrite(ctx context.Context, s *session, q string) (question, about string) {
	if b.Rewriter != nil {
		if r, err := b.Rewriter.Rewrite(ctx, s.questions, q); err == nil && r != "" && r != q {
			return r, ""
		}
	}
	if named := b.councilOnly(q); len(named) > 0 {
		// "what about Milton Keynes?" asks the question before of that council: the council is
		// what changes, not the topic ("how long do you keep Milton Keynes").
		// Nor what named the notice in focus, when it is another council's: "MK Together" asked of
		// Buckinghamshire matched its introduction ("together with details…"), not its lawful basis.
		before := s.lastQuestion
		if s.notice.org != "" && !slices.Contains(named, b.canonicalOrg(s.notice.org)) {
			before = withoutSubject(before, b.subjectOf(s.notice))
		}
		return b.withoutCouncilsBut(before, named) + " (" + strings.Join(named, " and ") + ")", ""
	}
	return RewriteIn(Focus{Topic: s.topic, Subject: b.subjectOf(s.notice)}, s.lastQuestion, q)
}

// subjectOf is what a notice in focus is about, by its title ("mk together"); "" for none, or
// for a notice about its whole council ("Milton Keynes Council Privacy Statement").
func (b *Bot) subjectOf(n focusNotice) string {
	if n.title == "" {
		return ""
	}
	what := strings.ToLower(n.title)
	for _, w := range []string{"privacy notice", "privacy policy", "privacy statement", " team"} {
		what = strings.ReplaceAll(what, w, "")
	}
	what = strings.TrimSpace(what)
	if b.Canonical != nil {
		if _, ok := b.Canonical(what); ok {
			return ""
		}
	}
	return what
}

// councilOnlyFiller are the words with which a follow-up names nothing but a council: "what
// about MK?", "and for Bucks?", "same for Milton Keynes please".
var councilOnlyFiller = map[string]bool{"what": true, "about": true, "and": true, "how": true, "for": true, "same": true,
	"with": true, "at": true, "in": true, "the": true, "whats": true, "what's": true, "ok": true, "okay": true, "then": true,
	"also": true, "too": true, "please": true, "is": true, "it": true, "that": true, "there": true, "over": true, "council": true}

// councilOnly is the councils a follow-up names when it names nothing else, or nil.
func (b *Bot) councilOnly(q string) []string {
	if b.Mentioned == nil || b.Canonical == nil {
		return nil
	}
	named := b.Mentioned(q)
	if len(named) == 0 {
		return nil
	}
	for _, w := range strings.Fields(strings.ToLower(b.withoutCouncilsBut(q, nil))) {
		if w = strings.Trim(w, "?!.,;:'\""); w != "" && !councilOnlyFiller[w] {
			return nil
		}
	}
	return named
}

func (b *Bot) safeguardingText() string {
	em := b.Emergency
	if em == "" {
		em = "If anyone is in immediate danger, call 999."
	}
	text := em
	if b.Safeguarding != "" {
		text += "\n" + b.Safeguarding
	}
	return text
}

// safeguardingFor is the reply to an urgent message, the same on every channel: emergency first,
// crisis lines for suicide or self-harm, then the safeguarding team (the chat's council's).
func (b *Bot) safeguardingFor(intent rights.Intent, org string) string {
	return b.safeguardingContacts(intent, org) + "\nThis chat can't act on safeguarding concerns, so please contact them now."
}

// safeguardingContacts are the contacts of safeguardingFor, one a line, without its last word.
func (b *Bot) safeguardingContacts(intent rights.Intent, org string) string {
	text := b.safeguardingText()
	if intent.DomesticAbuse && b.DomesticAbuse != "" {
		// "I've had to leave my partner because he was violent and I'm in a refuge now": a
		// helpline that speaks to them, not how to report a concern about someone else (a QA pass).
		em, rest, _ := strings.Cut(text, "\n")
		text = em + "\n" + b.DomesticAbuse
		if intent.OthersAtRisk && rest != "" {
			// "my husband hits our daughter, I left him last week": the child's safety is the
			// safeguarding team's, beside the helpline for the writer (a review: it was dropped).
			text += "\n" + rest
		}
	}
	if intent.SelfHarm && b.Crisis != "" {
		// "I don't want to live any more" needs someone to talk to now, before a team to report to.
		em, rest, _ := strings.Cut(text, "\n")
		text = strings.TrimSuffix(em+"\n"+b.Crisis+"\n"+rest, "\n")
	}
	if council := b.canonicalOrg(org); council != "" {
		text = strings.ReplaceAll(text, "your council's", answer.Possessive(council)) // the chat is that council's
	}
	return text
}

func (b *Bot) safeguarding(s *session, t Turn, intent rights.Intent) Reply {
	r := b.safeguardingReply(s, t, intent)
	s.remember(t.Text, r.Answer.Answer)
	return r
}

// safeguardingReply is the reply to an urgent message, not yet remembered.
func (b *Bot) safeguardingReply(s *session, t Turn, intent rights.Intent) Reply {
	s.riskToldFor(intent)
	text := b.safeguardingFor(intent, t.Org)
	confidential := confidentialRe.MatchString(t.Text)
	// At risk from someone who knows or may learn the address ("my ex keeps turning up at my new
	// flat"), and asking for nothing else: the request to keep it confidential is offered, as if
	// asked for. (Told calmly, "my mum found my new address on the letter" asks for nothing, and
	// is offered nothing.)
	// ("can my abusive ex get my records?" asks for nothing of the writer's: offered a copy of
	// their own data, "yes" would start the wrong request.)
	reach, _ := intent.AsksWhetherTheyCanGetIt(t.Text)
	asksSomething := requestWordsRe.MatchString(t.Text) && reach == rights.ReachNone
	found := !asksSomething && intent.TellsOfBeingFound(t.Text)
	if asksSomething && !confidential && s.intake == nil && b.Queue != nil {
		// "my partner hits me, I want a copy of my records": the danger first; the request, when
		// they are ready, is not lost. Said in a sentence of its own ("… he'll find where I live.
		// Please delete my old address records"), it is offered in those words, which a "yes"
		// starts it with.
		if req, words := b.requestWords(t.Text); words != "" {
			text += fmt.Sprintf("\nWhen you're ready, I can still take your request — \"%s\", %s — say \"yes\" to start it, or tell me what you'd like.", words, requestLabel(req.Type, req.OnBehalf))
			s.offered = offer{typ: req.Type, question: words, onBehalf: req.OnBehalf}
		} else {
			text += "\nWhen you're ready, I can still take your request about your data: just tell me what you'd like."
		}
	}
	if intent.DomesticAbuse && !confidential && !found && s.intake == nil && b.Queue != nil && intent.TellsOfPostRead(t.Text) {
		// "my husband reads all my letters so please don't post anything to my house": what the
		// council can do for them, said to them; the request asks for a contact safe to use.
		offerConfidentiality(s, t)
		text += "\nYou can ask the council to keep your details confidential and to contact you only in a way that is safe for you, not by letters someone else may read. I can pass that request to the data protection team: say \"yes\" to start it."
	}
	if (confidential || found) && b.Queue != nil {
		// "please don't give my new address to anyone, I've fled domestic abuse": the danger
		// first, and then the request that protects them (an objection to the disclosure).
		if s.intake != nil && s.intake.second.typ == "" {
			// A request is being taken: one question at a time, or "yes" answers the wrong one.
			// The confidentiality request is offered once this one is sent.
			text += "\nOnce this request is sent, I'll offer to take a request to keep your address confidential too."
			s.intake.second = offer{typ: rights.Objection, question: t.Text}
		} else if s.intake == nil && intent.DomesticAbuse {
			// What the council can do for them, said to them.
			offerConfidentiality(s, t)
			text += "\n" + keepItConfidential
		} else if s.intake == nil {
			text += "\n" + offerConfidentiality(s, t)
		}
	}
	return Reply{
		Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Safeguarding: true, Request: requestOf(intent)},
		Session: s.ID, Kind: KindSafeguarding,
	}
}

// stillOpen is the reply, while a request is taken, to a message telling of a danger that was no
// answer to the step: the safeguarding reply, then the request still open and what it needs
// next, replacing what the step said of the message in the conversation's record.
func (b *Bot) stillOpen(s *session, t Turn, intent rights.Intent) Reply {
	it := s.intake
	r := b.safeguardingReply(s, t, intent)
	r.Answer.Answer += "\n" + b.stillOpenAsk(it)
	s.rememberedAs(r.Answer.Answer)
	r.Intake = b.state(it)
	return r
}

// intakeTaken is what a request has taken from the resident's answers so far.
type intakeTaken struct {
	typ                                                                        rights.Type
	step, org, name, whose, onBehalfOf, contact, service, desc, first, details string
	onBehalf                                                                   bool
	others                                                                     int
	second                                                                     rights.Type
}

// taken is what it has taken so far: compared before and after a message, whether the message
// was taken for its step, or for anything else of the request.
func (it *intake) taken() intakeTaken {
	return intakeTaken{typ: it.typ, step: it.step, org: it.org, name: it.name, whose: it.whose, onBehalfOf: it.onBehalfOf, contact: it.contact,
		service: it.service, desc: it.desc, first: it.first, details: it.details, onBehalf: it.onBehalf, others: len(it.others), second: it.second.typ}
}

// statusCheck answers "what's happening with DPO-2026-000123?", or with several: it needs the
// contact the requester gave, which it reads from the message, and tells nothing but the status
// and due date of each. Without the contact it asks for it once, naming every reference, and the
// next message giving one checks them all.
func (b *Bot) statusCheck(ctx context.Context, s *session, t Turn, refs []string) (Reply, error) {
	if b.Queue == nil {
		return Reply{}, ErrNoQueue
	}
	contact := contactIn(strings.TrimSpace(withoutRefs(t.Text)))
	if contact == "" && s.contactGiven != "" {
		contact = s.contactGiven // given in the message before, alone (a QA pass: asked for again)
	}
	if contact == "" {
		s.pendingRefs = refs
		with := "the request"
		if len(refs) > 1 {
			// One question for all of them. Requests made with different contacts still work:
			// the ones the contact given doesn't find wait for the next (statusOfEach).
			with = "the requests"
		}
		return statusReply(s, t, fmt.Sprintf("To check %s, please give the e-mail address, phone number or postal address you gave with %s.", joinAnd(refs), with)), nil
	}
	each := make([]sentRequest, len(refs))
	for i, ref := range refs {
		each[i] = sentRequest{ref: ref, contact: contact}
	}
	return b.statusOfEach(ctx, s, t, each)
}

// statusOfEach answers message t about several requests (or one) with the status of each, in
// order, each checked with its own contact. The ones not found are kept for the next message
// giving a contact ("sorry, typo: it's jo@example.com"), without hiding the others' status.
func (b *Bot) statusOfEach(ctx context.Context, s *session, t Turn, reqs []sentRequest) (Reply, error) {
	if b.Queue == nil {
		return Reply{}, ErrNoQueue
	}
	s.pendingRefs = nil
	var texts []string
	var r Reply
	var last Reply // the last request found: its reference and due date are the reply's
	for _, req := range reqs {
		var found bool
		var err error
		if r, found, err = b.statusOf(ctx, s, t, req); err != nil {
			return r, err
		}
		if found {
			last = r
		} else {
			s.pendingRefs = append(s.pendingRefs, req.ref)
		}
		texts = append(texts, r.Answer.Answer)
	}
	if last.Reference != "" {
		r.Reference, r.Due = last.Reference, last.Due
		if len(r.Answer.Citations) == 0 {
			r.Answer.Citations = last.Answer.Citations
		}
	}
	r.Answer.Answer = strings.Join(texts, "\n")
	return r, nil
}

// statusOf looks up one request with the contact given for it, and says how it is going, or
// that no request with that reference and contact was found.
func (b *Bot) statusOf(ctx context.Context, s *session, t Turn, req sentRequest) (r Reply, found bool, err error) {
	ref, contact := req.ref, req.contact
	rep, err := b.Queue.Status(ctx, ref, contact)
	if i := strings.IndexFunc(contact, unicode.IsDigit); errors.Is(err, dpo.ErrNotFound) && i > 0 {
		// "Any update? 14 Church Lane, Wendover": a postal address begins at its number.
		rep, err = b.Queue.Status(ctx, ref, contact[i:])
	}
	if errors.Is(err, dpo.ErrNotFound) {
		return statusReply(s, t, fmt.Sprintf("I couldn't find a request %s with that contact. Check the reference and give the contact exactly as you gave it with the request.", ref)), false, nil
	}
	if err != nil {
		return Reply{}, false, fmt.Errorf("look up %s: %w", ref, err)
	}
	s.checked = sentRequest{ref: rep.Ref, contact: contact, org: rep.Organisation}
	words := statusWords(rep.Status)
	if rep.Status == dpo.Received && rep.Assigned {
		words = "received, and a member of the data protection team has it" // picked up, if not yet started
	}
	r = statusReply(s, t, fmt.Sprintf("Request %s is %s.", rep.Ref, words))
	r.Reference = rep.Ref
	if !rep.Due.IsZero() && rep.Status.Open() { // a closed request is due by nothing any more
		r.Due = rep.Due.Format(time.DateOnly)
		due := rep.Due.Format("Monday 2 January 2006")
		if rep.Overdue(b.now()) {
			r.Answer.Answer += fmt.Sprintf(" It was due by %s, which has passed. You can ask the data protection team why, and if you're not happy with their answer, complain to the Information Commissioner's Office (ico.org.uk).", due)
		} else {
			r.Answer.Answer += fmt.Sprintf(" It is due by %s.", due)
		}
	}
	if rep.Status == dpo.Extended && rep.ExtensionReason != "" {
		r.Answer.Answer += " The reason for the extension: " + asSentence(rep.ExtensionReason)
	}
	switch {
	case rep.TimeLimitPending && rep.Status == dpo.Extended:
		r.Answer.Answer += " The data protection team will confirm the time limit for their reply."
	case rep.TimeLimitPending:
		r.Answer.Answer += " The council normally replies within one calendar month; the data protection team will confirm the time limit for their reply."
	}
	if rep.Status == dpo.AwaitingClarification || !rep.Due.IsZero() && rep.Status.Open() && rep.Overdue(b.now()) {
		// "reply to the team, or contact them", "ask them why it's late": whom, as the notices
		// give it.
		if text, cited, ok := b.withContactOf(rep.Organisation, r.Answer.Answer); ok {
			r.Answer.Answer, r.Answer.Citations = text, cited
		}
	}
	return r, true, nil
}

// asSentence is text the DPO typed, trimmed and ended as a sentence, so that what the bot says
// next reads as a new one: a full stop added unless it ends with one, a question or an
// exclamation mark (or one of those inside a closing quote or bracket).
func asSentence(text string) string {
	text = strings.TrimSpace(text)
	end := strings.TrimRight(text, "\"'’”)]")
	if text == "" || strings.HasSuffix(end, ".") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, "!") || strings.HasSuffix(end, "…") {
		return text
	}
	return text + "."
}

// statusReply is a reply to a status check saying text.
func statusReply(s *session, t Turn, text string) Reply {
	return Reply{Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
		Request: &answer.Request{Type: "none"}}, Session: s.ID, Kind: KindStatus}
}

// nearRefRe is something typed as a request's reference that is not one: a letter for a digit or
// the other way round ("DP0-2026-000001", "DPO-2O26-000001"), the letters swapped ("DOP-…"), a
// digit too many ("DPO-2026-1234567"; zeros in front, "DPO-2026-0000001", are read as the
// reference they pad). Only written as one, with six digits or more: "I emailed
// the DPO 2025 3 times" is no reference.
var nearRefRe = regexp.MustCompile(`(?i)\b(?:DPO|DOP|DP0|D0P|PDO|OPD|DPD|D0O)-?[0-9OIl]{4}-?[0-9OIl]{6,9}\b`)

// notQuiteAReference is the reply to a message that looks like a status check but can't be
// one: a reference mistyped, or a contact alone (and then the contact, for the reference that may
// follow). "" when the message is neither. Answered from the notices, both were counted as
// questions the notices don't answer (a QA pass).
func notQuiteAReference(text string) (reply, contact string) {
	if nearRefRe.MatchString(text) && len(refsIn(text)) == 0 {
		return "That looks like a request's reference, but I can't read it as one. References look like DPO-2026-000123: the letters D, P, O, the year, then six digits. " +
			"Please check it and send it again with the e-mail address, phone number or postal address you gave with the request.", ""
	}
	if onlyContactDetails(text) {
		return "That looks like contact details. If you're checking on a request, send its reference (it looks like DPO-2026-000123) with them. " +
				"If you'd like to make a request, tell me what you'd like the council to do. Otherwise there's no need to give me your contact details.",
			strings.TrimSpace(strings.TrimRight(cmp.Or(contactIn(text), text), " .!?"))
	}
	return "", ""
}

// onlyContactDetails reports whether a message is contact details and little else: an e-mail
// address, a phone number or a postal address alone, labelled ("my email is …"), or asking after
// something ("jo@example.com - any update?"). A question with a contact in it is a question.
func onlyContactDetails(text string) bool {
	v := strings.TrimSpace(strings.TrimRight(text, " .!"))
	if questionRe.MatchString(v) && !updateRe.MatchString(v) {
		return false
	}
	if c, err := ContactOf(v); err == nil {
		// An address is read loosely (three commas make one): only a short message with a
		// postcode is an address alone, not "My name is …, 14 Oakridge Road, …, I want a copy".
		return c.Kind != dpo.ContactPostal && len(strings.Fields(v)) <= 4 ||
			c.Kind == dpo.ContactPostal && postcodeRe.MatchString(v) && len(strings.Fields(v)) <= 10 && !strings.Contains(v, "?")
	}
	cs := contactsIn(v)
	if len(cs) == 0 {
		return false
	}
	rest := v
	for _, c := range cs {
		rest = strings.Replace(rest, c, " ", 1)
	}
	rest = updateRe.ReplaceAllString(contactLabelRe.ReplaceAllString(rest, " "), " ")
	return len(strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })) == 0
}

// updateRe asks after something with no question of its own: "any update?", "any news".
var updateRe = regexp.MustCompile(`(?i)\b(?:any\s+)?(?:updates?|news|progress)\b[\s?!.]*|\bmy\s+(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|mobile(?:\s+number)?|number|address)\s+is\b`)

// MentionsReference reports whether text gives a request's reference, as a resident types one
// ("dpo 2026 1") or the bot writes it: a transcript keeping it would be tied to the named case.
func MentionsReference(text string) bool {
	return len(refsIn(text)) > 0 || nearRefRe.MatchString(text)
}

// refsIn is the references a message gives, in order, each once, in their canonical spelling
// ("dpo 2026 000123" is DPO-2026-000123).
func refsIn(text string) []string {
	type at struct {
		i   int
		ref string
	}
	var found []at
	for _, loc := range refRe.FindAllStringIndex(text, -1) {
		if refAt(text, loc) {
			found = append(found, at{loc[0], text[loc[0]:loc[1]]})
		}
	}
	for _, m := range refWordRe.FindAllStringSubmatchIndex(text, -1) {
		// "ref 2026-000001": the year and number of a reference, introduced as one; but not
		// another service's ("my council tax reference is 2026 123456", "planning ref 2026-123456").
		if otherServiceRefRe.MatchString(text[max(0, m[0]-30):m[0]]) {
			continue
		}
		found = append(found, at{m[0], "DPO-" + text[m[2]:m[3]] + "-" + text[m[4]:m[5]]})
	}
	slices.SortStableFunc(found, func(a, b at) int { return a.i - b.i })
	var refs []string
	for _, f := range found {
		ref := f.ref
		if canon, err := dpo.ParseRef(ref); err == nil {
			ref = canon
		}
		if ref = strings.ToUpper(ref); !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	return refs
}

// refWordRe is a reference's year and number without its "DPO", introduced as a reference:
// "has anything happened with ref 2026-000001", "my reference number is 2026 000001". Only the
// whole number, set apart from a year of this century: "reference 2025-26" is a year's, and
// "my council tax reference 2026000001" an account's.
var refWordRe = regexp.MustCompile(`(?i)\b(?:ref|reference)(?:\s+(?:no|number|num|is)){0,2}\.?\s*[:#]?\s*(20\d\d)[-\s](0{0,4}\d{6})\b`)

// otherServiceRefRe is a service's name just before "reference": its reference is not the DPO's.
var otherServiceRefRe = regexp.MustCompile(`(?i)\b(?:tax|planning|application|account|claim|benefit|housing|parking|penalty|pcn|licen[cs]e|permit|badge|case|complaint|booking|invoice|order|tenancy|payment)(?:\s+(?:no|number))?\s*$|\b(?:tax|planning|account|claim|benefit|parking|badge|tenancy|payment)\s+\w+\s*$`)

// refListRe is a reference with what lists it after another: ", DPO-…", " and DPO-…".
var refListRe = regexp.MustCompile(`(?i)(?:\s*(?:,|&|/|\band\b)\s*)?` + refRe.String())

// withoutRefs is a message without its references, and without the commas and "and"s that
// listed them: "DPO-2026-000001, DPO-2026-000002 and DPO-2026-000003" leaves no commas that would
// read as a postal address's.
func withoutRefs(text string) string {
	var out strings.Builder
	last := 0
	for _, m := range refListRe.FindAllStringIndex(text, -1) {
		ref := refRe.FindStringIndex(text[m[0]:m[1]])
		if !refAt(text, []int{m[0] + ref[0], m[0] + ref[1]}) {
			continue // "the DPO 2025 3 times": words, kept
		}
		out.WriteString(text[last:m[0]])
		out.WriteString(" ")
		last = m[1]
	}
	out.WriteString(text[last:])
	return refWordRe.ReplaceAllString(out.String(), " ") // its digits would read as a phone number
}

// joinAnd lists things as a sentence does: "A", "A and B", "A, B and C".
func joinAnd(refs []string) string { return joinList(refs, "and") }

// joinList joins items as a list is said: "a, b or c".
func joinList(items []string, conj string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// takesUp reports whether a message takes up an offer: "yes", "sure", "please do".
func takesUp(text string) bool {
	return answersAStep(text) && yesRe.MatchString(text) || smallTalkOf(text) == smallTalkYes || acceptRe.MatchString(text)
}

// councilTakingUp is the council a reply to an offer takes it up for, "" if it names none or
// says more than yes and a council: "yes for milton keynes", "yes please, bucks", "it's for
// Buckinghamshire Council", "MK". Every word but the yes and a few small ones must be needed to
// name the council, so "delete it, bucks" or "no, bucks" take nothing up.
func (b *Bot) councilTakingUp(text string) string {
	if strings.Contains(text, "?") || declinesRe.MatchString(text) {
		return ""
	}
	rest := yesRe.ReplaceAllString(text, " ")
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(rest), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		if !councilReplyFiller[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	named := b.councilsNamed(strings.Join(words, " "))
	if len(named) != 1 {
		return ""
	}
	for i := range words {
		// A word the council's name needs: without it, the council is not named.
		without := strings.Join(slices.Delete(slices.Clone(words), i, i+1), " ")
		if len(b.councilsNamed(without)) > 0 {
			return ""
		}
	}
	return named[0]
}

// councilReplyFiller are the words a reply naming a council may have beside the name: "yes
// please, it's for the city council".
var councilReplyFiller = setOf(`yes please pls plz thanks thank you ta cheers for the it its it's is that one to with in from at council city county borough district i i'm im live`)

// acceptRe is taking up an offer in words other than yes: "please do", "go on then".
var acceptRe = regexp.MustCompile(`(?i)^\s*(?:please do|go on(?: then)?|sure(?: thing)?|ok(?:ay)?,? please|do it|yes,? do it|let'?s do (?:it|that)|that would be (?:great|good|helpful))\s*[.!]?\s*$`)

// sentRequest is a request a conversation put on the queue: what a status check needs.
type sentRequest struct{ ref, contact, org, name, onBehalfOf string }

// sentAndChecked are the requests a conversation made, and the one it checked the status of.
func (s *session) sentAndChecked() []sentRequest {
	reqs := slices.Clone(s.submitted)
	if s.checked.ref != "" && !slices.ContainsFunc(reqs, func(r sentRequest) bool { return r.ref == s.checked.ref }) {
		reqs = append(reqs, s.checked)
	}
	return reqs
}

// orgOf is the council of the requests refs, when the conversation made or checked them all and
// they went to one council; "" otherwise. Of a reference it only heard of, it knows nothing: the
// queue says whose it is only to the contact given with it.
func (s *session) orgOf(refs []string) string {
	org := ""
	for _, ref := range refs {
		i := slices.IndexFunc(s.sentAndChecked(), func(r sentRequest) bool { return r.ref == ref })
		if i < 0 {
			return ""
		}
		switch o := s.sentAndChecked()[i].org; {
		case o == "" || org != "" && o != org:
			return ""
		default:
			org = o
		}
	}
	return org
}

// addToRequestRe is a wish to add to or change a request: "can I add my old address to the
// request?", "I need to change my SAR"; its noun is group 1. anyRequestRe is a request that can
// only be one made to the data protection team ("my SAR", "the data request I sent"), and
// addToItRe a wish to add to what was just sent ("I forgot to mention…", "can you add my council
// tax records to it?"). An update as a noun ("can I get an update on my request?") asks how it is
// going.
var (
	addToRequestRe = regexp.MustCompile(`(?i)\b(?:can|could|may|how (?:do|can|would|should) i|i (?:want|need|would like|wish)|i'?d like|i have|please|let me|is it possible)\b[^.?!]{0,20}?` +
		`\b(?:add|include|attach|put|mention|give|send|tell (?:them|the team|you)|update|change|amend|correct)\b[^.?!]{0,60}?\b` +
		`(?:(?:to|in|on|into|with|about|for)\s+)?(?:the|my|that|this|our)\s+((?:\w+\s+){0,3}?(?:request|sar|dsar)\b(?:\s+(?:i|we) (?:made|sent|submitted|put in))?)`)
	anyRequestRe = regexp.MustCompile(`(?i)\b(?:sar|dsar|subject access|data (?:protection )?request|dpo|(?:request|sar) (?:i|we) (?:made|sent|submitted|put in))\b`)
	addToItRe    = regexp.MustCompile(`(?i)\b(?:forgot|forgotten|meant) to (?:mention|say|add|include|tell|give)\b|\badd (?:something|more|this|that) to (?:it|that)\b|\b(?:add|include|attach|amend|change|correct)\b[^.?!]{0,40}\b(?:to|in|on)\s+DPO\b|` +
		`\b(?:add|adding|include|including|attach)\b[^.?!]{0,60}?\b(?:to|in|into|on|with)\s+(?:it|that one|that request)\b|` +
		// "can I add my phone number too?", right after a request was sent.
		`\b(?:add|include|give you|send you)\b[^.?!]{0,40}?\b(?:too|as well)\b|\b(?:also|can i|could i) (?:add|include)\b`)
	updateNounRe = regexp.MustCompile(`(?i)\b(?:an|any|the|no|for|get) updates?\b`)
	// sentBeforeRe says the request named was made before: "the SAR I sent last week", "my
	// existing request", "I've already put in a subject access request". Tied to the request:
	// "the emails I sent to housing" says nothing of one.
	sentBeforeRe = regexp.MustCompile(`(?i)\b(?:request|sar|dsar)s?\s+(?:that\s+|which\s+)?(?:(?:i|we)(?:'ve|'d)?|i have|we have|i had|we had|you have|you'?ve)\s+(?:already\s+|just\s+|recently\s+|previously\s+)?(?:made|sent|submitted|put in|lodged|filed|raised|got|had|emailed|posted)\b|` +
		`\b(?:request|sar|dsar)s?\s+(?:that\s+|which\s+)?(?:was|were|has been|had been|is|went)\s+(?:already\s+)?(?:made|sent|submitted|put in|lodged|filed|raised|in)\b|` +
		`\b(?:i|we)(?:'ve|'d| have| had)?\s+(?:already\s+|just\s+|recently\s+|previously\s+)?(?:made|sent|submitted|put in|lodged|filed|raised)(?:\s+(?:you|them|the council|in))?\s+(?:a|an|my|the|our|one)\s+(?:\w+\s+){0,3}?(?:request|sar|dsar)\b|` +
		`\b(?:my|the|our|that)\s+(?:existing|previous|earlier|original|current|open|pending|outstanding|ongoing|recent|last|old)\s+(?:\w+\s+){0,3}?(?:request|sar|dsar)\b|` +
		`\b(?:request|sar|dsar)s?\s+(?:from|of)\s+(?:last|yesterday|earlier)\b|\balready\b[^.?!]{0,40}\b(?:request|sar|dsar)\b|\b(?:request|sar|dsar)\b[^.?!]{0,30}\balready\b`)
)

// addsToRequest reports whether a message asks to add to or change a request already made: one
// this conversation made or checked, one of refs, or one it can only mean and says was made
// before. "Please include my council tax records in my subject access request", in a
// conversation that sent none, asks for one to be made: read as adding to one already sent, it
// was turned away with "a request that has been sent can't be changed", and nothing was taken.
func (s *session) addsToRequest(text string, refs []string) bool {
	if updateNounRe.MatchString(text) {
		return false
	}
	known := len(refs) > 0 || len(s.sentAndChecked()) > 0
	if m := addToRequestRe.FindStringSubmatch(text); m != nil && (known || anyRequestRe.MatchString(m[1]) && sentBeforeRe.MatchString(text)) {
		return true
	}
	// "I've already put in a SAR, can I include my council tax records in it?": the request
	// "it" is, said to have been made.
	saysMade := anyRequestRe.MatchString(text) && sentBeforeRe.MatchString(text)
	return (known || saysMade) && addToItRe.MatchString(text)
}

// addToRequest answers a wish to add to a request already sent: this chat can't change it, the
// data protection team can, quoting its reference; with their contact, as the notices give it.
func (b *Bot) addToRequest(s *session, t Turn, refs []string) Reply {
	which := "the request's reference"
	if len(refs) > 0 {
		which = joinAnd(refs)
	}
	r := b.withContact(s, t, fmt.Sprintf("A request that has been sent can't be changed in this chat. To add to it or correct it, reply to the data protection team's message about it, or contact them, quoting %s:", which))
	r.AboutRequest = true
	return r
}

// triesAContact reports whether a message, sent when the bot asked for the contact given with a
// request, is an attempt at one rather than something else: not a question, thanks or a request
// of its own, and with an "@", digits or a contact's name in it, or a name ("Sarah Okafor", which
// is no contact). "tell me about CCTV" is something else.
func triesAContact(text string, intent rights.Intent) bool {
	if strings.HasSuffix(strings.TrimSpace(text), "?") || questionRe.MatchString(text) || intent.Actionable ||
		smallTalkOf(text) != smallTalkNone || cancelRe.MatchString(text) || noReferenceRe.MatchString(text) {
		return false
	}
	return strings.Contains(text, "@") || countDigits(text) >= 5 || contactWordRe.MatchString(text) || looksLikeName(strings.TrimSpace(text))
}

// cancelOneRe is a wish to cancel one of the requests the conversation is about: "cancel the
// first one".
var cancelOneRe = regexp.MustCompile(`(?i)\b(?:cancel|withdraw|call off|stop)\b[^.?!]{0,20}\b(?:the|that|this) (?:first|second|other|last|earlier|previous|latest)?\s*(?:one|request)\b`)

// confidentialRe is asking for an address or records to be kept confidential: an objection to
// their disclosure.
var confidentialRe = regexp.MustCompile(`(?i)\b(?:make sure|ensure|so that|so)\b[^.?!]{0,30}\b(?:can'?t|cannot|won'?t|never)\b[^.?!]{0,20}\baddress\b|\b(?:keep|mark|make|treat|flag)\b[^.?!]{0,40}\b(?:confidential|private|secret|hidden)\b|\b(?:don'?t|do not|never|not to) (?:give|share|pass|disclose|tell|send)\b[^.?!]{0,40}\baddress\b|` +
	`\b(?:don'?t|do not) want (?:him|her|them|my ex|anyone|anybody|people)\b[^.?!]{0,30}\b(?:find|finding|know|knowing|get|getting|see|seeing|have|having)\b[^.?!]{0,20}\baddress\b|` +
	`\baddress\b[^.?!]{0,30}\b(?:is not|isn'?t|not be|never be|won'?t be) (?:given|shared|passed|disclosed|sent|told)\b|` +
	// Someone with access looking it up: "he's been looking up my new address on the system, can
	// you stop him seeing my records".
	lookedUp + `|` +
	`\bstop (?:him|her|my ex|my ex-\w+|my ex \w+)(?: from)? (?:seeing|looking at|looking up|accessing|finding|getting)\b[^.?!]{0,30}\b(?:address|records|details|file|information)\b|` +
	// A verification QA pass: "please don't let him get my new address", "stop them giving my
	// address out".
	`\b(?:don'?t|do not|never) let (?:him|her|them|my ex|anyone|anybody)\b[^.?!]{0,20}\b(?:get|have|find|see|know)\b[^.?!]{0,20}\baddress\b|` +
	`\bstop (?:them|you|the council|anyone|people)(?: from)? (?:giving|passing|sharing|handing|sending|releasing) (?:out )?my (?:new |current )?address\b|` +
	// A QA pass of residents: "can you hide my address from my ex", "my new address, i need you to
	// not give it out to anyone".
	`\b(?:hide|conceal|withhold|protect) (?:my|our) (?:new |current |home )?address\b|\b(?:my|our) (?:new |current |home )?address (?:to be |be |kept )?(?:hidden|concealed|withheld)\b|` +
	`\baddress\b[^.?!]{0,60}\b(?:don'?t|do not|never|not|not to) (?:\w+ )?(?:give|share|pass|disclose|hand|release) (?:it|them) (?:out|on|over)?\b`)

// lookedUp is someone with access looking up the writer's address (lookedUpRe).
const lookedUp = `\b(?:he|she|they|hes|shes|someone|somebody|a member of staff|staff|an? (?:officer|worker|employee))(?: (?:at|in|from|who works (?:at|in|for)) (?:the council|the office|housing|(?:the )?\w+ (?:department|team)))?(?:'s| has| have| is| was| keeps| kept)?(?: been)? (?:looking|looked|looks) up my (?:new |current )?address\b`

// lookedUpRe tells of someone with access looking up the writer's address: a grievance, which is
// a wish to keep the address confidential only when the message asks nothing else.
var lookedUpRe = regexp.MustCompile(`(?i)` + lookedUp)

// notCancelRe is a message saying it does not want to cancel: "I don't want to cancel the
// first one".
var notCancelRe = regexp.MustCompile(`(?i)\b(?:don'?t|do not|not|never|please don'?t) (?:want (?:you )?to |wish to |need (?:you )?to |going to )?(?:cancel|withdraw|close)\b`)

// withdrawItRe is a wish to withdraw what the conversation is about, in loose words: "please
// withdraw it", "can I cancel it?", "I don't need it any more, you can close it". withdrawAskRe
// asks about it instead: "when will you close it?".
var (
	withdrawItRe = regexp.MustCompile(`(?i)\b(?:withdraw|cancel|close|call off|scrap)\s+(?:it|(?:my|the|that|this) (?:\w+ )?(?:request|sar|dsar|case))\b|\bcall it off\b|` +
		`\bno longer (?:need|want) (?:it|(?:my|the|that) (?:\w+ )?(?:request|sar|dsar))\b|\b(?:don'?t|do not) (?:need|want) (?:it|(?:my|the|that) (?:\w+ )?(?:request|sar|dsar))\s+(?:any ?more|after all)\b`)
	withdrawAskRe = regexp.MustCompile(`(?i)^\s*(?:when|why|where|who|how (?:long|soon|quickly))\b`)
	// councilClosesRe tells of the council closing it, not the resident's wish: "you would close
	// it after a month".
	councilClosesRe = regexp.MustCompile(`(?i)\b(?:you|they|the council|the team)(?:'ll|'d| will| would| might| are going to| said)\s+(?:\w+\s+)?(?:close|cancel|withdraw)\b`)
)

// cancelsASentOne reports whether a message asks to cancel one of the requests this conversation
// sent or checked: "cancel the first one" after two were sent, "please withdraw it" after one
// (which read as the right to withdraw consent started a request). (The second of two, only
// offered, was never sent: "cancel" then is not this.)
func cancelsASentOne(s *session, text string) bool {
	if withdrawItRe.MatchString(text) && !withdrawAskRe.MatchString(text) && !councilClosesRe.MatchString(text) { // the caller has ruled out notCancelRe
		// "please don't close it, I still need it" and "the letter said you would close it after a
		// month, is that right?" are no wish to withdraw; "can I cancel it?" is one.
		return len(s.sentAndChecked()) > 0
	}
	if !cancelOneRe.MatchString(text) {
		return false
	}
	n := len(s.submitted)
	if s.checked.ref != "" {
		n++
	}
	switch {
	case n == 0:
		return false
	case strings.Contains(strings.ToLower(text), "second"):
		return n >= 2
	}
	return true
}

// offerConfidentiality offers to take a request to keep an address confidential (an objection
// to its disclosure), asked for in t, and says so.
func offerConfidentiality(s *session, t Turn) string {
	s.offered = offer{typ: rights.Objection, question: t.Text}
	return confidentialityOffer
}

// confidentialityOffer is what offerConfidentiality says.
const confidentialityOffer = "If you want the council to keep your address confidential, I can pass that request to the data protection team: say \"yes\" to start it."

// requestWordsRe is a message that also asks for something about the writer's data.
var requestWordsRe = regexp.MustCompile(`(?i)\b(?:(?:a )?copy of (?:my|everything|all)|delete my|erase my|correct my|(?:want|need|see|get|read) my (?:records?|data|information|details|file|notes)|` +
	`(?:want|need|like) to (?:see|read|know|get|have) (?:what|everything|all) (?:they|you|the council|social services|social workers?|the school|housing)(?: have)? (?:wrote|written|said|put|say|hold|holds?|has|have|recorded|keeps?) (?:about|on) me)\b`)

// addressWordRe is a message about where someone lives: whose address a confidentiality offer
// is about (not "do you keep CCTV footage private?").
var addressWordRe = regexp.MustCompile(`(?i)\b(?:address|where i live|where we live|my location)\b`)

// alsoWantRe is a further wish: "I'd also like you to delete…", "I also want a copy…".
var alsoWantRe = regexp.MustCompile(`(?i)\b(?:i'?d|i would|i) also (?:like|want|need)\b|\b(?:can|could|will|would) you also\b|\bsame details\b`)

// icoRe is complaining to the regulator: "I want to complain to the ICO" is about that, not a
// complaint to the council ("…or I'll go to the ICO" still is one).
var icoRe = regexp.MustCompile(`(?i)\b(?:want|need|would like|'d like|how (?:do|can) i|can i|going) (?:to )?(?:complain|make a complaint|report (?:this|it|you|the council))\b[^.?!]{0,15}\b(?:to|with) (?:the )?(?:ico|information commissioner)\b`)

// councilComplaintRe is a complaint made to the council as well: "… and make a complaint to the
// council".
var councilComplaintRe = regexp.MustCompile(`(?i)\b(?:complain|complaint)\b[^.?!]{0,15}\b(?:to|with) (?:the |you|your )?(?:council|dpo|data protection)`)

// questionRe is a message asking rather than telling: "how do you keep my data private?".
var questionRe = regexp.MustCompile(`(?i)^\s*(?:how|what|why|when|where|which|who|will|would|do|does|did|can|could|is|are|should|may)\b|\?\s*$`)

// cancelWordRe is a wish to cancel, said beside a reference: "please cancel DPO-2026-000001".
var cancelWordRe = regexp.MustCompile(`(?i)\b(?:cancel|withdraw|call off|changed my mind)\b`)

// asksAfterItRe finds a question about the request just made, in the conversation that made it:
// "when will I hear back?", "what is my reference again?", "has it been received?".
var asksAfterItRe = regexp.MustCompile(`(?i)\b(?:what (?:are|were) (?:my|the) (?:references|reference numbers|refs)|(?:my|the) reference numbers|status of (?:my|the|both) requests|when is it (?:due|coming)|why (?:has|was|is) it (?:been )?(?:extended|delayed|late)|chase it up|when will (?:i|we) hear|hear back|what(?:'s| is| was) (?:my|the) reference|my reference (?:number|again)|reference again|has it (?:been )?(?:received|sent|gone through|arrived)|did it (?:go through|send|work)|is it (?:sent|received|through)|` +
	`is (?:it|anyone|someone) (?:being )?(?:dealt with|looked at|handled|worked on|looking at it|dealing with it)|has (?:anyone|someone) (?:looked at|picked up|dealt with) it|any (?:progress|news) on it)\b`)

// madeHere are the requests a message may ask after: those this conversation made. An adviser's
// chat logs one caller's request after another's: there only the one just logged, and only
// right after it (nothing said since) and not of a new caller ("new caller asks about CCTV,
// what do I tell him?" read out the last caller's request, a review).
func (s *session) madeHere(t Turn) []sentRequest {
	if !dpo.Channel(t.Channel).LoggedByStaff() || len(s.submitted) == 0 {
		return s.submitted
	}
	if len(s.turns) > 0 || newCallerRe.MatchString(t.Text) {
		return nil
	}
	return s.submitted[len(s.submitted)-1:]
}

// newCallerRe is an adviser turning to another caller: "new caller asks …", "next caller".
var newCallerRe = regexp.MustCompile(`(?i)\b(?:new|next|another|different|other) (?:caller|customer|resident|person on the (?:phone|line))\b`)

// whatToTellRe is an adviser asking what to say to the caller about the request just logged:
// "what do I tell her?", "what should I say to the caller?".
var whatToTellRe = regexp.MustCompile(`(?i)\bwhat (?:do|should|can|shall) i (?:tell|say to|let) (?:her|him|them|the caller|the customer|the resident|the requester)\b`)

// nextStepsRe asks what happens after a request is made: "what happens now?", "what's next?",
// "so what do I do now?".
var nextStepsRe = regexp.MustCompile(`(?i)^\s*(?:so|ok(?:ay)?|and|right|thanks|thank you)?[,.!]?\s*(?:what (?:happens|will happen) (?:now|next)|what(?:'s| is) next|what (?:are )?the next steps|what (?:do|should) i do (?:now|next)|what now|now what)\b`)

// nextSteps is what the data protection team may do after a request, before replying.
const nextSteps = "What happens next: the data protection team will deal with your request, and will contact you with the details you gave if they need proof of your identity or need to know more exactly what you want."

// wantsToCancelRe is "I want to cancel" said with nothing named to cancel.
var wantsToCancelRe = regexp.MustCompile(`(?i)^\s*i(?:'d| would)? (?:want|like|wanna|need) to (?:cancel|stop)(?: it| this)?\s*[.!]?\s*$`)

// requestNamedRe and progressRe find a requester asking how their request is going without its
// reference: "what's happening with my request?", "I made a request last week, has anyone
// looked at it?".
var (
	requestNamedRe = regexp.MustCompile(`(?i)\b(?:my|our|his|her|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:request|case|sar|dsar)\b`)
	progressRe     = regexp.MustCompile(`(?i)\b(?:happening|status|progress|updates?|news|heard|hear back|looked at|dealt with|chase|chasing|processed|where is|where's|any word|been done|ready yet|finished|(?:is|are) up to)\b`)
)

// someoneElsesDetails answers a request for another person's address, phone number or
// whereabouts (rights.SomeoneElsesDetails).
const someoneElsesDetails = "I can't help with that: the council doesn't give out another person's details, such as their address or phone number, through this chat. " +
	"Your data protection rights are to your own information, not someone else's, so this isn't a request I can take. " +
	"Whether the law lets the council share anything about another person is for its data protection team to decide:"

// noReferenceHelp is what to do about a request the chat can't look up.
const noReferenceHelp = "I can only look up requests made in this chat, by their reference. For a request made another way, or if you've lost the reference, contact the data protection team and say when and how you made it. The council must respond within one calendar month of receiving a request."

// waitingRe is a person waiting for a request's answer: "I've been waiting 3 months for my
// data", which asks how it is going.
var waitingRe = regexp.MustCompile(`(?i)\b(?:waiting|waited|still not (?:had|got|received)|heard nothing|no (?:reply|response|answer))\b[^.?!]{0,40}\b(?:my|the) (?:data|records?|file|sar|request|information|copy|reply|response)\b`)

// lateReplyRe says a request has had no reply: "nobody has replied", "still haven't heard",
// "I've been waiting 3 months for …", "it's way past the deadline".
var lateReplyRe = regexp.MustCompile(`(?i)\b(?:(?:been|still|kept) waiting|waited|heard nothing|not heard|(?:no|not had an?y?|not got an?y?|never got an?y?|still no) (?:reply|response|answer)|` +
	`(?:haven'?t|havent|hasn'?t|hasnt|have not|has not|not|never|nobody has|no one has|noone has|nobody's|they still) (?:replied|responded|answered|got back|come back|sent (?:it|anything|me anything))|` +
	`past the (?:deadline|time limit|month)|overdue)\b`)

// lateWeakRe says something is late in words said of anything ("my request for a new bin was
// ignored"): a late reply only of a data protection request named as one (dataRequestRe).
var lateWeakRe = regexp.MustCompile(`(?i)\b(?:ignored|ignoring|still nothing|(?:is|are|was) (?:very |so |really )?late)\b`)

// dataRequestRe names a data protection request: "my SAR", "my request for my records".
var dataRequestRe = regexp.MustCompile(`(?i)\b(?:sar|dsar|subject access|(?:data|information|records?|access) request|request (?:for|of) (?:a copy of )?(?:my|our|his|her|their) (?:data|records?|file|information|details)|(?:asked|emailed|wrote|applied) (?:\w+ ){0,2}for (?:a copy of )?(?:my|our|his|her|their) (?:data|records?|file|information|details))\b`)

// requestMadeRe names a request made before: "my subject access request", "I asked for my
// records", "a SAR to Milton Keynes". Not "my file" or "my data" alone: "I have been waiting for a
// repair. How long do you keep my file?" asks the notices (a review).
var requestMadeRe = regexp.MustCompile(`(?i)\b(?:sar|dsar|subject access|(?:my|the|a|an|our|that) (?:\w+ ){0,2}request|(?:asked|applied|wrote|emailed|requested) (?:\w+ ){0,2}for (?:a copy of )?(?:my|our|his|her|their) (?:data|records?|file|information|details)|requested (?:my|our|his|her|their) (?:data|records?|file|information))\b`)

// lateReply answers a person whose request has had no reply: how to check it, if made here; the
// time limit; and whom the notices say to complain to.
func (b *Bot) lateReply(ctx context.Context, s *session, t Turn) (Reply, error) {
	s.askedReference = true
	text := fmt.Sprintf("If you made the request in this chat, give its reference (it looks like DPO-%d-000123) with the "+
		"e-mail address, phone number or postal address you gave with it, and I'll tell you where it stands.\n%s", b.now().Year(), statutoryResponseTime)
	org := t.Org
	if named := b.councilsNamed(t.Text); org == "" && len(named) == 1 {
		org = named[0]
	}
	var cited []answer.Citation
	if b.Answerer != nil {
		ans, err := b.Answerer.Answer(ctx, answer.Question{Text: "Who do I complain to?", Organisation: org})
		if err != nil {
			return Reply{}, err
		}
		if !ans.Abstained {
			text += "\n\nIf the reply is late, what the notices say about complaining:\n" + ans.Answer
			cited = ans.Citations
		}
	}
	if cited == nil {
		text, cited, _ = b.withContactOf(org, text+"\n\nIf the reply is late, contact the data protection team.")
	}
	s.remember(t.Text, text)
	r := statusReply(s, t, text)
	if cited != nil {
		r.Answer.Citations = cited
	}
	return r, nil
}

// noReferenceRe is a person saying they have no reference to give: "I don't have a reference",
// "I've lost my reference".
var noReferenceRe = regexp.MustCompile(`(?i)\b(?:(?:don'?t|do not|dont|didn'?t|never) (?:have|had|get|got|receive|received) (?:a|the|my|any) (?:reference|ref)|no (?:reference|ref)(?: number)?|(?:forgot|forgotten|lost|can'?t find) (?:my |the )?(?:reference|ref)(?: number)?)\b`)

// madeElsewhereRe is a request made outside the chat: "I emailed them", "I sent a letter".
var madeElsewhereRe = regexp.MustCompile(`(?i)\b(?:e-?mailed|wrote to|posted|phoned|rang|called|sent (?:it|a letter|an e-?mail)|(?:by|via|through) (?:e-?mail|post|letter|phone|the website|a form))\b`)

// asksAfterRequest reports whether a message asks how a request is going.
func asksAfterRequest(text string) bool {
	return requestNamedRe.MatchString(text) && progressRe.MatchString(text)
}

// askForReference answers "what's happening with my request?": only the reference and the
// contact given with it tell the bot which request, and that the person asking made it.
func (b *Bot) askForReference(s *session, t Turn) Reply {
	s.askedReference = true
	text := fmt.Sprintf("To check a request you've made, give its reference (it looks like DPO-%d-000123) with the "+
		"e-mail address, phone number or postal address you gave with the request.", b.now().Year())
	s.remember(t.Text, text)
	return statusReply(s, t, text)
}

// letterOhRe is a phone number typed with the letter O for its first zero: "o1908 644321".
var letterOhRe = regexp.MustCompile(`\b[oO](\d{3,})`)

// withLetterOhs writes a phone number's first zero typed as the letter O as a zero (a QA pass:
// "o1908 644321" was kept as 1908 644321, and the status check with it failed).
func withLetterOhs(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if !strings.Contains(w, "@") { // "o1908@example.com" is an address as typed
			words[i] = letterOhRe.ReplaceAllString(w, "0$1")
		}
	}
	return strings.Join(words, " ")
}

var contactRe = regexp.MustCompile(`(?i)[\w.+-]+@[\w-]+\.[\w.-]+|` + phonePattern)

// phonePattern is a phone number as people type one within a message: digits with spaces,
// brackets and dashes.
const phonePattern = `(?:\+|\()?\d[\d ()-]{8,}\d` // "(01908) 123456" keeps its bracket

// refsMasked is s with every case reference in it ("DPO-2026-000004") masked, byte for byte, so
// that its digits are not found as a phone number ("2026-000004", a QA pass's contact) and what
// is found is at the same place in s.
func refsMasked(s string) string {
	return refRe.ReplaceAllStringFunc(s, func(ref string) string { return strings.Repeat("#", len(ref)) })
}

// noEmailLeadRe is a clause saying there is no e-mail or phone, before the address given instead:
// "i dont have email, 14 Oakridge Road …" was stored whole (a QA pass).
var noEmailLeadRe = regexp.MustCompile(`(?i)^(?:(?:sorry|no|nope)[\s,.]+)?(?:i\s+)?(?:don'?t|dont|do\s+not|haven'?t|have\s+not|have\s+no|got\s+no|not\s+got|no)\s+(?:got\s+|have\s+)?(?:an?\s+|any\s+)?(?:e-?mail|phone|mobile|computer)(?:\s+(?:or|and|nor)\s+(?:an?\s+|any\s+)?(?:e-?mail|phone|mobile))?(?:\s+address)?[\s,.;:-]+(?:(?:so|but)[\s,]+)?`)

// spokenPhoneReply is the number, in digits, of a reply that is nothing but a phone number said
// aloud, after any lead-in ("call me on …", "it's …", "my mobile is …"), or "". contactIn takes
// the contact with it and the contact step clears the model's alarm with it, so the two agree:
// the alarm read the raw reply, and "call me on oh 7 7 double 1 …" was told to call 999.
func spokenPhoneReply(s string) string {
	return redact.SpokenPhoneAnswer(contactLeadRe.ReplaceAllString(withLetterOhs(s), ""))
}

// withoutContactLead is a contact as given without the words leading to it: "send it to 22
// Queensway" is "22 Queensway", "my address is …" the address. A contact is stored as it is to be
// used (a review found "postal: send it to 22 Queensway" on a case).
func withoutContactLead(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,.:;-"))
	s = noEmailLeadRe.ReplaceAllString(s, "") // "i don't have email, 14 Oakridge Road …"
	s = postalIntroRe.ReplaceAllString(s, "") // "please post it to …", "i live at …"
	for _, p := range []string{"my contact is", "my email is", "my phone is", "it's", "it is", "status of", "status", "what's happening with", "check",
		"my address is", "my postal address is", "address:", "post please:", "by post please:", "by post:", "post:", "post it to", "send it to", "write to me at",
		"email me at", "e-mail me at", "email me on", "call me on", "ring me on", "text me on", "phone me on", "to"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && (s[len(p)] == ' ' || strings.HasSuffix(p, ":")) {
			s = strings.TrimSpace(s[len(p):]) // "my address is 12 High Street, …": the address, not "Tonbridge" cut to "nbridge"
		}
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimRight(s, " .!")), "please"))
	return strings.TrimRight(s, " ,")
}

// contactIn picks the contact out of a status message ("it's jo@example.com"); a postal address
// is taken as written, when it looks like one as the intake would take it ("can I withdraw my
// request?" is no address).
func contactIn(s string) string {
	s = withLetterOhs(s)
	if n := spokenPhoneReply(s); n != "" && strings.ContainsFunc(s, unicode.IsLetter) && phoneRe.MatchString(n) {
		// "oh 7 7 double 1 2 3 4 5 6 7", "my mobile is o seven seven treble one …": a reply that
		// is nothing but a number said aloud, in digits (its "1 2 3 4 5 6 7" was taken for the
		// number, or nothing was), and checked as one typed in digits is: a mobile a digit short
		// or long is told so. One typed in digits alone is kept as typed.
		return n
	}
	if ms := contactRe.FindAllStringIndex(refsMasked(s), -1); ms != nil {
		// Not the digits of a case reference given with it, and an e-mail address or a number
		// written as a phone number is ("07700 900123", "+33 …") before one that is not
		// ("account 1234567890, call 07700 900123"); that one is refused for what it is.
		for _, m := range ms {
			if c := strings.TrimSpace(s[m[0]:m[1]]); strings.Contains(c, "@") || phoneLead(c) {
				return s[m[0]:m[1]]
			}
		}
		return s[ms[0][0]:ms[0][1]]
	}
	if n := redact.SpokenPhoneNumber(s); n != "" {
		// "oh one nine oh eight, six double four, three two one": the number, in digits (it
		// was taken for a postal address, and the resident could never check their request).
		return n
	}
	s = withoutContactLead(s)
	if c, err := ContactOf(s); err != nil || c.Kind != dpo.ContactPostal {
		return ""
	}
	if countDigits(s) == 0 && !poBoxRe.MatchString(s) && !houseWordRe.MatchString(s) {
		// Three commas make an address loosely ("hello, reference …, what's the status?" was
		// checked as one, and not found): an address said in a sentence has a number, a
		// postcode or a house's name.
		return ""
	}
	return s
}

func statusWords(s dpo.Status) string {
	switch s {
	case dpo.Received:
		return "received and waiting to be picked up by the data protection team"
	case dpo.AwaitingVerification:
		return "waiting for proof of identity, or of your authority to act for the person it is about (the data protection team will contact you about it)"
	case dpo.AwaitingClarification:
		return "waiting for you to clarify what you need: please reply to the data protection team's message, or contact them (this chat can't pass your answer on, and a new request here would be a second one)"
	case dpo.InProgress:
		return "being worked on"
	case dpo.Extended:
		return "being worked on, with the deadline extended"
	case dpo.Completed:
		return "completed"
	case dpo.Refused:
		return "closed: refused (the data protection team will have written to you with the reasons)"
	case dpo.Withdrawn:
		return "withdrawn"
	}
	return string(s)
}

// Sessions keeps conversations in memory for a while, so follow-ups and intake work.
type Sessions struct {
	TTL time.Duration
	Now func() time.Time

	mu   sync.Mutex
	byID map[string]*session
	seq  int
}

// NewSessions keeps sessions idle for up to ttl.
func NewSessions(ttl time.Duration) *Sessions {
	return &Sessions{TTL: ttl, Now: time.Now, byID: map[string]*session{}}
}

// maxSessions bounds memory: past it, the least recently used session is dropped.
const maxSessions = 50000

// maxTurns is how many turns a session keeps for context and for a case's excerpt.
const maxTurns = 6

type session struct {
	ID           string
	Org          string
	mu           sync.Mutex
	last         time.Time
	lastQuestion string
	// contactGiven is a contact sent alone, kept for the reference of a status check that follows.
	contactGiven string
	council      string      // the one council the conversation is about, when it named one
	notice       focusNotice // the one notice the conversation's answers quote, while they quote one
	// topic is what the last follow-up asked its own question of ("nhs number" for "can I opt out
	// of that?"), kept through the follow-ups asked in its context (Focus.Topic).
	topic     string
	questions []string // the questions asked, as searched (personal data removed)
	turns     []string // redacted by the caller before they leave the process
	intake    *intake
	// pendingRefs are the references a status check is waiting for the contact of: asked for,
	// or not found with the one given.
	pendingRefs []string
	offered     offer         // a request the last answer offered to take
	submitted   []sentRequest // the requests this conversation has put on the queue
	// channel is where the conversation began ("web", "slack", "discord", "phone"): only that
	// channel resumes it.
	channel string
	// checked is the request a status check in this conversation found: "when is it due?"
	// next asks about it.
	checked sentRequest
	// askedReference is set when the bot has just asked for a request's reference: "I emailed
	// them" then says the request was made elsewhere.
	askedReference bool
	// then is the request to offer once the one being started is sent (offer.then), taken by
	// startIntake.
	then *offer
	// prefill is what a request being started already knows (the second of two rights asked
	// for at once), taken by startIntake.
	prefill *intake
	// lost is set on a session made for an id the caller gave that had expired or was unknown,
	// until its first message is answered: a "yes" then confirmed nothing.
	lost bool
	// justSent is the reference of the request the last reply said was sent, until the next
	// message is answered: a "yes" then confirms what was already sent (takeJustSent).
	justSent string
	// riskTold is set once the chat has given the safeguarding contacts in this conversation: a
	// request it then takes, or is taking, reads it (intake.riskTold) and tells the team so. The
	// disclosure itself stays where the conversation goes, and the team is told to look (a QA
	// pass: a danger told mid-request left no trace on the case).
	riskTold bool
	// atRisk is set once the chat has read the writer as at risk themselves from a partner or
	// former partner (rights.Intent.DomesticAbuse): a request then asks for a contact that is safe
	// to use, and tells the team to check before using it (intake.atRisk).
	atRisk bool
}

// takeLost reports whether the session was made for an id that had ended, and clears it: only the
// session's first message can be a reply to the ended conversation, whichever way it is answered
// (a request begun by command, a safeguarding reply). Left set, it outlived a whole request taken
// after it, and the "ok" after that request was told nothing had been sent.
func (s *session) takeLost() bool {
	lost := s.lost
	s.lost = false
	return lost
}

// takeJustSent is the reference of the request the last reply said was sent ("" when it said
// none), and clears it: only the message right after that reply can be a second "yes" to it.
func (s *session) takeJustSent() string {
	ref := s.justSent
	s.justSent = ""
	return ref
}

// rememberedAs replaces the bot's last remembered reply with the one sent, added to after it was
// remembered ("Your request is still open: …"): the case's excerpt shows what the resident's next
// message answered.
func (s *session) rememberedAs(bot string) {
	if n := len(s.turns); n > 0 {
		s.turns[n-1] = "Bot: " + bot
	}
	if s.intake != nil {
		if n := len(s.intake.log); n > 0 {
			s.intake.log[n-1] = "Bot: " + bot
		}
	}
}

// riskToldFor records that the safeguarding contacts were given for intent (session.riskTold),
// and that the writer is at risk themselves when it reads them so (session.atRisk).
func (s *session) riskToldFor(intent rights.Intent) {
	s.riskTold = true
	s.atRisk = s.atRisk || intent.DomesticAbuse
}

// lastReply is the bot's last remembered reply, "" when the last thing remembered is not one.
func (s *session) lastReply() string {
	if n := len(s.turns); n > 0 {
		if bot, ok := strings.CutPrefix(s.turns[n-1], "Bot: "); ok {
			return bot
		}
	}
	return ""
}

// askedAs replaces the resident's last remembered message with the whole of what they said,
// when only its question was answered (answerGrievance, answerAndOffer).
func (s *session) askedAs(user string) {
	if n := len(s.turns); n >= 2 {
		s.turns[n-2] = "Resident: " + user
	}
}

func (s *session) remember(user, bot string) {
	s.turns = append(s.turns, "Resident: "+user, "Bot: "+bot)
	if s.intake != nil {
		s.intake.logTurn("Resident: "+user, "Bot: "+bot)
	}
	if len(s.turns) > 2*maxTurns {
		s.turns = s.turns[len(s.turns)-2*maxTurns:]
	}
}

// sessionFor is the conversation a message belongs to, on the channel that began it. On the web,
// where anyone can send any id, only an id the bot issued there and still holds resumes one:
// another gets a new, random id, so a guessable id ("1", or a Discord conversation's
// "discord:<channel>:<user>", whose parts any member of the server can see) can't show one person
// another's request. Slack's and Discord's ids are their threads and channels, which the
// platform vouches for.
func (b *Bot) sessionFor(id, channel string) *session {
	if channel == "" {
		channel = "web"
	}
	return b.Sessions.get(id, channel)
}

// get returns the session with id begun on channel; an unknown or expired id, or one of another
// channel, makes a new session: with that id, or on the web (where ids are issued, not chosen)
// with a new random one.
func (ss *Sessions) get(id, channel string) *session {
	issuedOnly := channel == "web"
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.Now()
	if s, ok := ss.byID[id]; ok && id != "" {
		switch {
		case s.channel != channel:
			// Another channel's conversation: not this caller's to resume.
			if !issuedOnly {
				delete(ss.byID, id)
			}
		case now.Sub(s.last) <= ss.TTL:
			return s
		default:
			delete(ss.byID, id)
		}
	}
	if len(ss.byID) >= maxSessions {
		ss.evictLocked(now)
	}
	resumed := id != "" // a conversation the caller thought was going on, expired or unknown
	if id == "" || issuedOnly {
		id = newSessionID()
	}
	s := &session{ID: id, channel: channel, last: now, lost: resumed}
	ss.byID[id] = s
	return s
}

func (ss *Sessions) touch(s *session) {
	ss.mu.Lock()
	s.last = ss.Now()
	ss.mu.Unlock()
}

// Purge drops expired sessions; call it from time to time.
func (ss *Sessions) Purge() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.evictLocked(ss.Now())
}

func (ss *Sessions) evictLocked(now time.Time) int {
	n := 0
	var oldest *session
	for id, s := range ss.byID {
		if now.Sub(s.last) > ss.TTL {
			delete(ss.byID, id)
			n++
			continue
		}
		if oldest == nil || s.last.Before(oldest.last) {
			oldest = s
		}
	}
	if n == 0 && oldest != nil && len(ss.byID) >= maxSessions {
		delete(ss.byID, oldest.ID)
		n++
	}
	return n
}

// newSessionID makes an unguessable session id: a session holds what a resident said.
func newSessionID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err)) // the platform has no randomness: nothing is safe
	}
	return hex.EncodeToString(b[:])
}
