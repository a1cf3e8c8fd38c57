package dpo

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/privacybot/privacybot/internal/deadline"
)

// Queue is the DPO's queue: it validates, applies the rules and keeps the clock, and leaves
// persistence to its Store.
type Queue struct {
	Store Store
	// Now is the clock; tests replace it. Nil means time.Now.
	Now func() time.Time
	// Calendar is the bank holidays due dates are moved past (PRIVACYBOT_HOLIDAYS adds one-off
	// holidays to the built-in rules); nil means deadline.DefaultCalendar.
	Calendar *deadline.Calendar
	// LawEnforcementCue reports whether a request's words suggest a law-enforcement (Part 3)
	// request (rights.LawEnforcement, wired by the command that makes the queue): a complaint
	// retyped as a request is flagged for the DPO when they do, as Submit's caller flags one at
	// intake. Nil flags none.
	LawEnforcementCue func(text string) bool
	// seen, when set, is when the person changing a case last looked at it (Seen).
	seen time.Time
}

// Seen is the queue for a change made by someone who looked at the case at seen (the case's
// Updated time their page showed): the change is refused with ErrChangedSince when the case was
// changed after that, judged inside the store's transaction. A page loaded before a colleague
// asked for ID must not mark the case in progress and restart its month unseen.
func (q *Queue) Seen(seen time.Time) *Queue {
	guarded := *q
	guarded.seen = seen
	return &guarded
}

// NewQueue returns a queue over s using the real clock.
func NewQueue(s Store) *Queue { return &Queue{Store: s, Now: time.Now} }

func (q *Queue) now() time.Time {
	if q.Now == nil {
		return time.Now()
	}
	return q.Now()
}

// Submission is a rights request as a channel's intake collected it.
type Submission struct {
	// IdempotencyKey makes retries safe: a second Submit with the same key returns the first
	// case instead of making another. Channels derive it from the platform's message id or a form
	// token. Empty means no protection.
	IdempotencyKey string
	Type           RequestType
	Organisation   string
	Region         deadline.Region
	// Received is when the message reached the council (the platform's timestamp), which starts
	// the statutory clock.
	Received    time.Time
	Channel     Channel
	Requester   Requester
	Service     string
	Description string
	// Excerpt is the conversation that led to the request, already redacted.
	Excerpt string
	// AwaitingID starts the case in AwaitingVerification, with no due date until ID arrives.
	AwaitingID bool
	// LawEnforcement flags a request that may be a law-enforcement (Part 3) one for the DPO.
	LawEnforcement bool
	// Safeguarding flags a request from a chat that read a risk to someone's safety and gave the
	// safeguarding contacts (Case.Safeguarding).
	Safeguarding bool
}

// HiddenFormatting reports whether r changes how text around it shows without showing itself:
// Unicode's format characters (a direction mark, override or isolate, a zero-width space, a word
// joiner, a byte-order mark, a soft hyphen). The joiners some scripts write names with (U+200C,
// U+200D) are not among them. Every check of names and of what a terminal prints uses this one.
func HiddenFormatting(r rune) bool {
	return unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D
}

// PersonName is a name as the team types it to choose a person (an assignee, a dashboard user),
// in one form: invisible marks taken out, composed (NFC: "Zoe" with a combining diaeresis is
// "Zoë", as stored), trimmed. Two spellings that look the same then are the same.
func PersonName(s string) string {
	return strings.TrimSpace(norm.NFC.String(WithoutMarks(s)))
}

// BreaksLine reports whether r is Unicode's line or paragraph separator (U+2028, U+2029): no
// control character, but a line break in many viewers, so in a name it could start a forged line
// of the audit trail.
func BreaksLine(r rune) bool { return unicode.In(r, unicode.Zl, unicode.Zp) }

// hidesOrBreaks reports whether r has no place in a name or a contact: hidden formatting, or a
// line break that is no control character.
func hidesOrBreaks(r rune) bool { return HiddenFormatting(r) || BreaksLine(r) }

// WithoutMarks removes the invisible marks that keyboards and pasted text put into what people
// type, which change nothing a reader sees or needs: direction marks (a right-to-left keyboard
// types U+200F), soft hyphens, zero-width spaces, word joiners, byte-order marks. Left in, a
// name with one is refused (HiddenFormatting) for a character its writer can't see to remove.
// Overrides and isolates, which reorder what is shown, stay, to be refused.
func WithoutMarks(s string) string {
	if !strings.ContainsFunc(s, HiddenFormatting) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if HiddenFormatting(r) && !reorders(r) && !(r >= 0xE0020 && r <= 0xE007F) { // tags make flags: 🏴󠁧󠁢󠁷󠁬󠁳󠁿 stays Wales's
			return -1
		}
		return r
	}, s)
}

// freeText is what someone wrote in their own words (a request's description, a note or a
// reason on the audit trail) as the queue keeps it: WithoutMarks, and the direction overrides and
// isolates it leaves (U+202A–U+202E, U+2066–U+2069) taken out too. A name holding one is refused
// (it would be stored other than it reads, and its writer can retype it); in a paragraph it
// would only make the words show in another order than they were written ("please send
// \u202egnp.exe records" shows "exe.png"), on the dashboard, in a terminal and in the CSV, and
// taken out the words read as they were typed. The queue applies it where text enters it
// (Submit, and every change's note or reason), whichever channel sent it.
func freeText(s string) string {
	s = WithoutMarks(s)
	if !strings.ContainsFunc(s, reorders) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if reorders(r) {
			return -1
		}
		return r
	}, s)
}

// reorders reports whether r is a direction override or isolate: it changes the order in which
// the text around it is shown ("Jo \u202eeknalB" shows as "Jo Blanke").
func reorders(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// Validate checks a submission, naming the first field that is wrong.
func (s Submission) Validate() error {
	switch {
	case !s.Type.Valid():
		return invalid("type", "%q is not a request type", s.Type)
	case strings.TrimSpace(s.Organisation) == "":
		return invalid("organisation", "empty")
	case s.Received.IsZero():
		return invalid("received", "the time the message reached the council is required")
	case !s.Channel.Valid():
		return invalid("channel", "%q is not a channel", s.Channel)
	case strings.TrimSpace(s.Requester.Name) == "":
		return invalid("requester name", "empty")
	case strings.ContainsFunc(s.Requester.Name+s.Requester.OnBehalfOfWhom+s.Requester.Contact.Value, hidesOrBreaks):
		// Whatever the channel: a name that reads one way on the dashboard and is stored another.
		return invalid("requester", "a name or contact holds hidden formatting (a direction override, a zero-width space)")
	case strings.TrimSpace(s.Description) == "":
		return invalid("description", "empty")
	case s.Requester.OnBehalfOf && strings.TrimSpace(s.Requester.OnBehalfOfWhom) == "":
		return invalid("on behalf of", "say whose behalf the request is made on")
	}
	if _, err := deadline.ParseRegion(string(s.Region)); err != nil {
		return invalid("region", "%v", err)
	}
	return s.Requester.Contact.Validate()
}

// Validate says why the queue would refuse a contact, or nil: an e-mail address it can send to, a
// phone number of at least 7 digits, a postal address that says something. The chat asks it
// before keeping a contact the queue would refuse.
func (c Contact) Validate() error {
	v := strings.TrimSpace(c.Value)
	switch c.Kind {
	case ContactEmail:
		if a, err := mail.ParseAddress(v); err != nil || a.Address != v {
			return invalid("contact", "%q is not an e-mail address", v)
		}
	case ContactPhone:
		digits := 0
		for _, r := range v {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune(" +()-.", r):
			default:
				return invalid("contact", "a phone number has only digits, spaces and + ( ) - .")
			}
		}
		if digits < 7 {
			return invalid("contact", "a phone number needs at least 7 digits")
		}
	case ContactPostal:
		if v == "" {
			return invalid("contact", "empty postal address")
		}
	default:
		return invalid("contact", "kind %q is not email, phone or postal", c.Kind)
	}
	return nil
}

// Submit turns a submission into a case on the queue, with its due date, first audit event and
// outbox row stored in one transaction. The returned case (and so its reference) exists only
// once the transaction has committed, so a reference shown to a requester is never lost. A retry
// with the same IdempotencyKey returns the same case.
func (q *Queue) Submit(ctx context.Context, s Submission) (Case, error) {
	c, _, err := q.SubmitOnce(ctx, s)
	return c, err
}

// SubmitOnce is Submit, and says whether this call filed the case: false when a case was
// already filed under the submission's idempotency key (a retry, a form sent twice, a chat's
// request made again), and that case is returned. A requester given its reference is told they
// sent the request before, not that it has just been made.
func (q *Queue) SubmitOnce(ctx context.Context, s Submission) (Case, bool, error) {
	// Whichever channel sent it: the form's fields, the chat's words and the excerpt of it.
	s.Description, s.Service, s.Excerpt = freeText(s.Description), freeText(s.Service), freeText(s.Excerpt)
	if err := s.Validate(); err != nil {
		return Case{}, false, err
	}
	now := q.now()
	region, _ := deadline.ParseRegion(string(s.Region)) // checked by Validate; "" → England and Wales
	c := Case{
		IdempotencyKey: strings.TrimSpace(s.IdempotencyKey),
		Type:           s.Type,
		Organisation:   strings.TrimSpace(s.Organisation),
		Region:         region,
		Received:       s.Received,
		Channel:        s.Channel,
		Requester:      s.Requester,
		Service:        strings.TrimSpace(s.Service),
		Description:    strings.TrimSpace(s.Description),
		Excerpt:        s.Excerpt,
		Safeguarding:   s.Safeguarding,
		Status:         Received,
		StatusChanged:  s.Received,
		AwaitingID:     s.AwaitingID,
		Created:        now,
		Updated:        now,
	}
	c.Requester.Contact.Value = strings.TrimSpace(c.Requester.Contact.Value)
	if s.LawEnforcement && s.Type != Complaint { // a complaint is no request under either law's rights
		c.LawEnforcement = LawEnforcementSuspected
	}
	if s.AwaitingID {
		c.Status = AwaitingVerification
	}
	c.calendar = q.Calendar
	if err := c.recomputeDue(); err != nil {
		return Case{}, false, err
	}
	note := "request received"
	if s.Channel.LoggedByStaff() && !deadline.LondonDate(s.Received).Equal(deadline.LondonDate(now)) {
		// Logged late (a letter entered weeks on): the trail says when, as a backdated change's
		// does. A chat's own request is received when its first message came (a request begun
		// before midnight and sent after it is no late entry; a review).
		note += recorded(now)
	}
	first := Event{At: s.Received, Actor: submitter(s.Channel), Kind: EventSubmitted, To: c.Status, Note: note}
	stored, created, err := q.Store.Create(ctx, c, first)
	if err != nil {
		return Case{}, false, fmt.Errorf("submit %s request: %w", s.Type, err)
	}
	if !created && !sameRequest(stored, c) {
		// Another request under a key already used must not be answered with the first one's
		// reference, as if it had been filed.
		return Case{}, false, fmt.Errorf("submit %s request: %w", s.Type, ErrKeyReused)
	}
	return stored, created, nil
}

// sameRequest reports whether a case already stored under an idempotency key is the request
// now submitted under it (a retry): the same type, council, requester, person it is for and
// details.
func sameRequest(stored, c Case) bool {
	same := func(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
	return stored.Type == c.Type && same(stored.Organisation, c.Organisation) &&
		same(stored.Requester.Name, c.Requester.Name) && same(stored.Requester.OnBehalfOfWhom, c.Requester.OnBehalfOfWhom) &&
		normaliseContact(stored.Requester.Contact.Value) == normaliseContact(c.Requester.Contact.Value) &&
		same(stored.Description, c.Description)
}

// StatusReport is everything a requester may learn about their case: no more.
type StatusReport struct {
	Ref    string    `json:"ref"`
	Status Status    `json:"status"`
	Due    time.Time `json:"due,omitzero"`
	// TimeLimitPending is set for a request that may be, or is, a law-enforcement one: the
	// requester will be told the time limit by the DPO's team, and is given no date here.
	TimeLimitPending bool `json:"time_limit_pending,omitempty"`
	// ExtensionReason is the reason for an extension, which the requester is told.
	ExtensionReason string `json:"extension_reason,omitempty"`
	// Organisation is the council the request went to: whom the requester contacts about it.
	Organisation string `json:"organisation,omitempty"`
	// Assigned is set when a member of the team has the request (who is not said).
	Assigned bool `json:"assigned,omitempty"`
}

// Overdue reports whether the request is open and past its due date at now, as Case.Overdue.
func (r StatusReport) Overdue(now time.Time) bool { return overdue(r.Status, r.Due, now) }

// Status is the requester's lookup: it returns the status and due date of the case with ref when
// contact is the contact they gave (compared case-insensitively, ignoring whitespace). A wrong
// contact, an unknown or malformed reference all return the same ErrNotFound, so the lookup
// cannot be used to learn which references exist.
func (q *Queue) Status(ctx context.Context, ref, contact string) (StatusReport, error) {
	canon, err := ParseRef(ref)
	if err != nil {
		return StatusReport{}, ErrNotFound
	}
	c, err := q.Store.Get(ctx, canon)
	if errors.Is(err, ErrNotFound) {
		return StatusReport{}, ErrNotFound
	}
	if err != nil {
		return StatusReport{}, fmt.Errorf("look up status: %w", err)
	}
	want, got := normaliseContact(c.Requester.Contact.Value), normaliseContact(contact)
	if got == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		return StatusReport{}, ErrNotFound
	}
	rep := StatusReport{Ref: c.Ref, Status: c.Status, Due: c.Due, ExtensionReason: c.ExtensionReason, Organisation: c.Organisation,
		Assigned: c.AssignedTo != ""}
	switch {
	case !c.Status.Open():
	case c.LawEnforcement == LawEnforcementConfirmed && !c.TimeLimit.IsZero():
		// The DPO has set the Part 3 time limit (its Due): the requester is given that date.
	case c.LawEnforcement != NotLawEnforcement:
		// Another law may set the time limit: the DPO tells the requester, the bot promises none.
		rep.Due, rep.TimeLimitPending = time.Time{}, true
	}
	return rep, nil
}

// normaliseContact keeps only a contact's letters and digits, lower-cased, and reads a UK number
// given with +44 as dialled at home, so "Jo@Example.org ", "+44 7700 900123" and "07700-900-123",
// and "14 church lane, wendover" and "14 Church Lane Wendover", match what was typed at intake
// however it is spaced or punctuated.
func normaliseContact(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	if t := strings.TrimSpace(s); (strings.HasPrefix(t, "+44") || strings.HasPrefix(t, "0044")) && strings.HasPrefix(strings.TrimPrefix(n, "00"), "44") {
		n = strings.TrimPrefix(n, "00")
		n = "0" + strings.TrimPrefix(strings.TrimPrefix(n, "44"), "0") // "+44 (0)7700 …" too
	}
	return n
}

// Get returns a case by reference (in any spelling ParseRef accepts).
func (q *Queue) Get(ctx context.Context, ref string) (Case, error) {
	canon, err := ParseRef(ref)
	if err != nil {
		return Case{}, err
	}
	return q.Store.Get(ctx, canon)
}

// Events returns a case's audit trail, oldest first.
func (q *Queue) Events(ctx context.Context, ref string) ([]Event, error) {
	canon, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	return q.Store.Events(ctx, canon)
}

// List returns the cases matching f; a zero f.Now is filled with the queue's clock.
func (q *Queue) List(ctx context.Context, f Filter) ([]Case, error) {
	if f.Now.IsZero() {
		f.Now = q.now()
	}
	return q.Store.List(ctx, f)
}

// Assignees returns the names the cases f selects are assigned to (Store.Assignees); a zero
// f.Now is filled with the queue's clock, as List does.
func (q *Queue) Assignees(ctx context.Context, f Filter) ([]string, error) {
	if f.Now.IsZero() {
		f.Now = q.now()
	}
	return q.Store.Assignees(ctx, f)
}

// TrailAssignees returns every name an audit trail ever assigned a case to
// (Store.TrailAssignees).
func (q *Queue) TrailAssignees(ctx context.Context) ([]string, error) {
	return q.Store.TrailAssignees(ctx)
}

// UpdateStatus moves a case to another status (see Case.Transition for the rules).
func (q *Queue) UpdateStatus(ctx context.Context, ref string, ch Change) (Case, error) {
	note, err := noteText("note", ch.Note)
	if err != nil {
		return Case{}, err
	}
	ch.Note = note
	return q.update(ctx, ref, func(c *Case) (Event, error) { return c.Transition(ch, q.now()) })
}

// Extend records the one extension the law allows, with the reason the requester will be told.
// It fails with ErrExtensionTooLate after the first month.
func (q *Queue) Extend(ctx context.Context, ref, reason, actor string) (Case, error) {
	reason, err := noteText("reason", reason)
	if err != nil {
		return Case{}, err
	}
	return q.update(ctx, ref, func(c *Case) (Event, error) {
		return c.Transition(Change{To: Extended, Note: reason, Actor: actor}, q.now())
	})
}

// MarkLawEnforcement records whether a case is a law-enforcement (Part 3) request (see
// Case.MarkLawEnforcement).
func (q *Queue) MarkLawEnforcement(ctx context.Context, ref string, to LawEnforcement, reason, actor string) (Case, error) {
	reason, err := noteText("reason", reason)
	if err != nil {
		return Case{}, err
	}
	return q.update(ctx, ref, func(c *Case) (Event, error) { return c.MarkLawEnforcement(to, reason, actor, q.now()) })
}

// SetTimeLimit records the time limit the DPO set for a confirmed law-enforcement (Part 3)
// request (see Case.SetTimeLimit).
func (q *Queue) SetTimeLimit(ctx context.Context, ref string, due time.Time, reason, actor string) (Case, error) {
	reason, err := noteText("reason", reason)
	if err != nil {
		return Case{}, err
	}
	return q.update(ctx, ref, func(c *Case) (Event, error) { return c.SetTimeLimit(due, reason, actor, q.now()) })
}

// Reopen opens a closed case again (see Case.Reopen).
func (q *Queue) Reopen(ctx context.Context, ref, note, actor string) (Case, error) {
	note, err := noteText("note", note)
	if err != nil {
		return Case{}, err
	}
	c, err := q.update(ctx, ref, func(c *Case) (Event, error) { return c.Reopen(note, actor, q.now()) })
	if err != nil {
		return Case{}, err
	}
	// Closed, it kept its due date; open again, it has the calendar's (bank holidays changed
	// meanwhile), moved on the trail by the queue.
	if moved, _, err := q.recalendar(ctx, c.Ref); err != nil || moved != nil {
		if err != nil {
			return Case{}, err
		}
		return *moved, nil
	}
	return c, nil
}

// AddNote appends a note to a case's audit trail. From a page (Seen), a note the same person
// added since the page was loaded, word for word, is not added again (the form sent twice, a
// double click): ErrNoChange says it is there. Any other change since is no reason to refuse a
// note, which undoes nothing: it is added, judged afresh against the case as it now stands.
func (q *Queue) AddNote(ctx context.Context, ref, note, actor string) (Case, error) {
	note, err := noteText("note", note)
	if err != nil {
		return Case{}, err
	}
	add := func(q *Queue) (Case, error) {
		return q.update(ctx, ref, func(c *Case) (Event, error) { return c.AddNote(note, actor, q.now()) })
	}
	if q.seen.IsZero() {
		return add(q)
	}
	guarded := q
	for range 5 { // a colleague changing the case between each look is all that repeats this
		c, err := add(guarded)
		if !errors.Is(err, ErrChangedSince) {
			return c, err
		}
		// Judged inside the transaction, the change since was made: read what it was, and the
		// case as it now is, to add the note against that if it is not this very note.
		canon, err := ParseRef(ref)
		if err != nil {
			return Case{}, err
		}
		now, err := q.Store.Get(ctx, canon)
		if err != nil {
			return Case{}, fmt.Errorf("add note to %s: %w", canon, err)
		}
		events, err := q.Store.Events(ctx, canon)
		if err != nil {
			return Case{}, fmt.Errorf("add note to %s: %w", canon, err)
		}
		for _, e := range events {
			if e.Kind == EventNote && e.At.After(q.seen) && sameNote(e, note, actor) {
				return Case{}, fmt.Errorf("add note to %s: %w", canon, fmt.Errorf(
					"%s already has this note from %s, added at %s after the page was loaded (was the form sent twice?); it was not added again: %w",
					canon, e.Actor, e.At.In(london).Format("15:04"), ErrNoChange))
			}
		}
		guarded = q.Seen(now.Updated)
	}
	return add(q.Seen(time.Time{}))
}

// sameNote reports whether e is note, written by actor: the same words, trimmed, with a line
// break however the browser sent it.
func sameNote(e Event, note, actor string) bool {
	norm := func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n") }
	return strings.TrimSpace(e.Actor) == strings.TrimSpace(actor) && norm(e.Note) == norm(note)
}

// Assign gives a case to a member of the DPO's team.
func (q *Queue) Assign(ctx context.Context, ref, to, actor string) (Case, error) {
	return q.update(ctx, ref, func(c *Case) (Event, error) { return c.Assign(to, actor, q.now()) })
}

// AssignIf gives a case to someone only while it is still assigned to was (empty: to nobody),
// the assignee the person assigning saw: judged inside the store's transaction, so of two people
// assigning from pages loaded at the same time, the second is told, not silently obeyed.
func (q *Queue) AssignIf(ctx context.Context, ref, was, to, actor string) (Case, error) {
	return q.update(ctx, ref, func(c *Case) (Event, error) {
		if c.AssignedTo != strings.TrimSpace(was) {
			holder := c.AssignedTo
			if holder == "" {
				holder = "nobody"
			}
			return Event{}, fmt.Errorf("%s is now assigned to %s; look again before changing it: %w",
				c.Ref, holder, ErrChangedSince)
		}
		return c.Assign(to, actor, q.now())
	})
}

func (q *Queue) update(ctx context.Context, ref string, fn func(*Case) (Event, error)) (Case, error) {
	canon, err := ParseRef(ref)
	if err != nil {
		return Case{}, err
	}
	// A due date another calendar gave (a process started with other bank holidays moved it)
	// is moved first, on the trail by the queue: the change asked for must not move it silently.
	if _, _, err := q.recalendar(ctx, canon); err != nil {
		return Case{}, err
	}
	return q.Store.Update(ctx, canon, func(c *Case) (Event, error) {
		c.calendar = q.Calendar
		if !q.seen.IsZero() && c.Updated.After(q.seen) {
			return Event{}, fmt.Errorf("%s was changed at %s, after you looked at it; look again before changing it: %w",
				c.Ref, c.Updated.In(london).Format("15:04 on 2 January"), ErrChangedSince)
		}
		return fn(c)
	})
}

// Recalendar gives every open case the due date the queue's Calendar gives it, where the bank
// holidays changed since it was computed (PRIVACYBOT_HOLIDAYS edited, a release's rules): each
// move is on the case's audit trail, by SystemName ("due date moved from … to …: bank holidays
// changed"). It returns those events, in the order of the list. Run at start-up, it makes what a
// queue shows and what it changes agree with the calendar the process uses; a case another
// replica moved meanwhile is left as it found it. Whatever lists cases by due date needs it
// first (the overdue and due-soon filters, and the order, are the store's query over the stored
// dates, so no open case can be left on another calendar): it reads the open cases in one query
// and writes only those that move. A command on one case needs only RecalendarCase.
func (q *Queue) Recalendar(ctx context.Context) ([]Event, error) {
	cases, err := q.Store.List(ctx, Filter{Statuses: OpenStatuses()})
	if err != nil {
		return nil, fmt.Errorf("recompute due dates for the bank holidays: %w", err)
	}
	var events []Event
	for _, c := range cases {
		c.calendar = q.Calendar
		if _, moved := c.calendarDue(); !moved {
			continue
		}
		e, err := q.moveDue(ctx, c.Ref)
		if err != nil {
			return events, err
		}
		if e != nil {
			events = append(events, *e)
		}
	}
	return events, nil
}

// RecalendarCase is Recalendar for the one case ref (in any form ParseRef reads): all that a
// command showing or changing that case alone needs, since nothing else it shows depends on
// other cases' dates. It returns the move's event, or none: when the due date is the calendar's,
// and when the reference is malformed or no case has it (the command itself says so).
func (q *Queue) RecalendarCase(ctx context.Context, ref string) ([]Event, error) {
	canon, err := ParseRef(ref)
	if err != nil {
		return nil, nil
	}
	_, e, err := q.recalendar(ctx, canon)
	if e == nil {
		return nil, err
	}
	return []Event{*e}, err
}

// recalendar moves the due date of the case ref to the calendar's, when another calendar gave it
// (see Recalendar), returning the case moved and the move's event (nil if another process made
// it first), or nils when it needed no move.
func (q *Queue) recalendar(ctx context.Context, ref string) (*Case, *Event, error) {
	c, err := q.Store.Get(ctx, ref)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, nil, nil // the change itself says so
		}
		return nil, nil, fmt.Errorf("recompute the due date of %s: %w", ref, err)
	}
	c.calendar = q.Calendar
	if _, moved := c.calendarDue(); !moved {
		return nil, nil, nil
	}
	e, err := q.moveDue(ctx, ref) // nil when another process moved it meanwhile
	if err != nil {
		return nil, nil, err
	}
	c, err = q.Store.Get(ctx, ref)
	if err != nil {
		return nil, e, fmt.Errorf("recompute the due date of %s: %w", ref, err)
	}
	return &c, e, nil
}

// moveDue records the move of one case's due date to the calendar's, judged again inside the
// store's transaction: nil when, by then, it needs none.
func (q *Queue) moveDue(ctx context.Context, ref string) (*Event, error) {
	var ev Event
	_, err := q.Store.Update(ctx, ref, func(c *Case) (Event, error) {
		c.calendar = q.Calendar
		e, err := c.Recalendar(q.now())
		ev = e
		return e, err
	})
	switch {
	case errors.Is(err, ErrNoChange):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("recompute the due date of %s: %w", ref, err)
	}
	return &ev, nil
}

// MaxNote is the most characters a note, a reason or grounds on the audit trail may have: a
// paragraph, as the dashboard's form holds.
const MaxNote = 10000

// noteText is a note, reason or grounds for the audit trail as the queue keeps it (freeText),
// refused when it is over MaxNote characters as typed (not counting what the audit trail adds,
// "(recorded …)").
func noteText(field, text string) (string, error) {
	text = freeText(text)
	// A browser sends each line break as CRLF: a line break is one character, as it typed it.
	if n := utf8.RuneCountInString(strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n")); n > MaxNote {
		return "", invalid(field, "%d characters; at most %d (attach long documents elsewhere and say where)", n, MaxNote)
	}
	return text, nil
}
