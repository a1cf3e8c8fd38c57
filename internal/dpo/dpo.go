// Package dpo is the Data Protection Officer's queue: what a case is, the statuses it moves
// through and the rules for moving it, the append-only audit trail, the idempotent Submit that
// turns a rights request into a case with its legal deadline, the requester's status lookup, and
// the outbox Dispatcher that announces new cases to Notifiers exactly once.
//
// Persistence is behind Store, proven by the contract suite in dpotest and implemented in
// internal/sqlite and internal/postgres. This package must not import any database, network,
// e-mail or chat-platform package: the adapters import it, never the other way round.
package dpo

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/deadline"
)

// Sentinel errors callers map to their own outcome (a 404, an exit code, a polite message).
var (
	// ErrNotFound is returned for an unknown reference, and also by Queue.Status when the contact
	// does not match, so a lookup never tells a stranger that a reference exists.
	ErrNotFound = errors.New("case not found")
	// ErrInvalidTransition is returned when a status change is not allowed from the current status.
	ErrInvalidTransition = errors.New("invalid status transition")
	// ErrNoChange is returned for a change other than of status that would change nothing: a case
	// given to whom it is already assigned (or unassigned when it is nobody's), a time limit set
	// to the date it already has, a law-enforcement decision the case already has.
	ErrNoChange = errors.New("nothing to change")
	// ErrNotAllowed is returned for a change other than of status that the case's state rules
	// out: a time limit for a request not confirmed as Part 3, a decision on a closed case.
	ErrNotAllowed = errors.New("not allowed for this case")
	// ErrExtensionTooLate is returned when an extension is recorded after the first month.
	ErrExtensionTooLate = errors.New("extension recorded too late: it must be decided within the first month")
	// ErrIDTooLate is returned when identity (or authority) is asked for after the request's due
	// date: asking then would start a fresh month for a request already overdue.
	ErrIDTooLate = errors.New("identity asked for too late: the request is already past its due date (if it was asked for in time and recorded late, add a note saying when, for the DPO)")
	// ErrClarificationTooLate is returned when clarification is asked for after the request's due
	// date: the pause would move an overdue request's due date into the future.
	ErrClarificationTooLate = errors.New("clarification asked for too late: the request is already past its due date (if it was asked for in time and recorded late, add a note saying when, for the DPO)")
	// ErrInvalid is returned (wrapped in a FieldError) for a submission or change that is incomplete
	// or malformed.
	ErrInvalid = errors.New("invalid")
	// ErrChangedSince is returned for a change made from a view of the case older than its last
	// change (Queue.Seen): a colleague's change must not be undone unseen.
	ErrChangedSince = errors.New("the case has changed since you looked at it")
	// ErrKeyReused is returned when an idempotency key already made a case that is another
	// request (another type, council or requester): a retry of it would be the same request.
	ErrKeyReused = errors.New("the idempotency key was already used for a different request")
)

// FieldError names the field of a Submission or Change that is wrong, so a channel can ask the
// requester again for just that. It unwraps to ErrInvalid.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason) }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *FieldError) Unwrap() error { return ErrInvalid }

func invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// RequestType is the data-protection right being exercised. Its values are the same strings as
// rights.Type (kept as a plain string here so the queue does not depend on the classifier).
type RequestType string

// The request types the queue accepts.
const (
	Access            RequestType = "access"
	Rectification     RequestType = "rectification"
	Erasure           RequestType = "erasure"
	Restriction       RequestType = "restriction"
	Portability       RequestType = "portability"
	Objection         RequestType = "objection"
	AutomatedDecision RequestType = "automated_decision"
	WithdrawConsent   RequestType = "withdraw_consent"
	Complaint         RequestType = "complaint"
)

// RequestTypes lists every accepted RequestType, in the order a form would offer them.
var RequestTypes = []RequestType{Access, Rectification, Erasure, Restriction, Portability,
	Objection, AutomatedDecision, WithdrawConsent, Complaint}

// Valid reports whether t is one of RequestTypes.
func (t RequestType) Valid() bool { return slices.Contains(RequestTypes, t) }

// Channel is where a request came in.
type Channel string

// The channels a request can arrive through.
const (
	ChannelCLI     Channel = "cli"
	ChannelWeb     Channel = "web"
	ChannelSlack   Channel = "slack"
	ChannelDiscord Channel = "discord"
	ChannelPhone   Channel = "phone"
	// ChannelPost and ChannelEmail are a letter or an e-mail to the council, logged by an adviser.
	ChannelPost  Channel = "post"
	ChannelEmail Channel = "email"
)

// LoggedByStaff reports whether requests of the channel are entered by staff for the requester (a
// call, a letter, an e-mail an adviser logs), who may enter them days after they came.
func (c Channel) LoggedByStaff() bool {
	return c == ChannelPhone || c == ChannelPost || c == ChannelEmail
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool {
	switch c {
	case ChannelCLI, ChannelWeb, ChannelSlack, ChannelDiscord, ChannelPhone, ChannelPost, ChannelEmail:
		return true
	}
	return false
}

// ContactKind says how the council can reach a requester.
type ContactKind string

// The kinds of contact a requester can give.
const (
	ContactEmail  ContactKind = "email"
	ContactPhone  ContactKind = "phone"
	ContactPostal ContactKind = "postal"
)

// Contact is the one way to reach a requester; it is also what they must repeat to look up
// their case's status.
type Contact struct {
	Kind  ContactKind `json:"kind"`
	Value string      `json:"value"`
}

// Requester is the person who made the request (possibly for someone else).
type Requester struct {
	Name       string  `json:"name"`
	Contact    Contact `json:"contact"`
	OnBehalfOf bool    `json:"on_behalf_of"`
	// OnBehalfOfWhom names the data subject when OnBehalfOf is set.
	OnBehalfOfWhom string `json:"on_behalf_of_whom,omitempty"`
}

// Case is one rights request on the DPO's queue. The fields after Status are the state of the
// statutory clock; Due is derived from them (see Clock) after every event.
type Case struct {
	Ref            string          `json:"ref"`
	IdempotencyKey string          `json:"-"`
	Type           RequestType     `json:"type"`
	Organisation   string          `json:"organisation"`
	Region         deadline.Region `json:"region"`
	// Received is when the message reached the council, which starts the clock; it is given by the
	// channel, not taken from when the case happened to be stored.
	Received    time.Time `json:"received"`
	Channel     Channel   `json:"channel"`
	Requester   Requester `json:"requester"`
	Service     string    `json:"service,omitempty"`
	Description string    `json:"description"`
	// Excerpt is the conversation that led to the request, already redacted by the caller.
	Excerpt string `json:"excerpt,omitempty"`
	// Safeguarding is set when the chat the request came from read a risk to someone's safety and
	// gave the safeguarding contacts (SafeguardingNote): the team reads the excerpt before
	// contacting the requester. It says that much, and nothing of what was said.
	Safeguarding bool `json:"safeguarding,omitempty"`

	Status Status `json:"status"`
	// Due is the statutory deadline; zero while there is none (awaiting ID, an open clarification).
	Due        time.Time `json:"due,omitzero"`
	AwaitingID bool      `json:"awaiting_id,omitempty"`
	// IDReceived is when the proof of identity or authority asked for last arrived (zero if none
	// has). While more is awaited (AwaitingID) it still says when the earlier round came, which
	// the clock ignores until that round is found to be all that was needed (ProofNotNeeded).
	IDReceived      time.Time        `json:"id_received,omitzero"`
	Pauses          []deadline.Pause `json:"pauses,omitempty"`
	Extended        bool             `json:"extended,omitempty"`
	ExtensionReason string           `json:"extension_reason,omitempty"`
	AssignedTo      string           `json:"assigned_to,omitempty"`
	// LawEnforcement is set when the request may be for data the council holds for law
	// enforcement (Part 3 of the Data Protection Act 2018), which follows another regime: the
	// DPO decides (reference rule 8). See LawEnforcement for what the clock does meanwhile.
	LawEnforcement LawEnforcement `json:"law_enforcement,omitempty"`
	// TimeLimit is the date the DPO set for a confirmed law-enforcement (Part 3) request to be
	// answered by: Part 3 has its own time limit, which the DPO decides rather than the queue
	// computing one (reference rule 8). While set, it is the case's Due; zero until the DPO sets
	// one, and dropped when the Part 3 flag is cleared (the UK GDPR clock applies again).
	TimeLimit time.Time `json:"time_limit,omitzero"`
	// TimeLimitReason is why the DPO chose that time limit, for the audit trail and the team
	// (the requester is told the date, not the reasoning, which may concern an investigation).
	TimeLimitReason string `json:"time_limit_reason,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// Closed is when the case reached a final status; zero while open.
	Closed time.Time `json:"closed,omitzero"`
	// StatusChanged is when the case last changed status, as dated (--at), not as recorded: a
	// later change may not be dated before it.
	StatusChanged time.Time `json:"status_changed,omitzero"`
	// Reopened is when the case was last reopened (zero if never): no change may be dated before
	// it but what the closing hid, ID arriving or a clarification answered.
	Reopened time.Time `json:"reopened,omitzero"`

	// calendar holds the bank holidays the due date is moved past; nil is the built-in one.
	// The Queue sets it from its Calendar before the clock is used.
	calendar *deadline.Calendar
}

// SafeguardingNote is what the chat notes first in a request's description when it read a risk
// to someone's safety in the conversation and gave the safeguarding contacts, after "Note from
// the chat: ": the team is told to look, and nothing of what was said (that stays in the
// redacted excerpt). A case whose chat did so is flagged (Case.Safeguarding); the stores' migration
// flags the cases filed before the flag by this note.
const SafeguardingNote = "In this conversation the requester said something the chat read as a risk to someone's safety, and was given the safeguarding contacts (see the conversation excerpt)."

// Clock is the case's statutory clock, from which Due is computed.
func (c *Case) Clock() deadline.Clock {
	return deadline.Clock{
		Received:   c.Received,
		Region:     c.Region,
		AwaitingID: c.AwaitingID,
		IDReceived: c.IDReceived,
		Pauses:     append([]deadline.Pause(nil), c.Pauses...),
		Extended:   c.Extended,
		Calendar:   c.calendar,
	}
}

// recomputeDue sets Due from the clock; no due date (awaiting ID, open pause) leaves it zero. A
// confirmed law-enforcement request is due by the time limit the DPO set, and has no due date
// until they set one.
func (c *Case) recomputeDue() error {
	if c.LawEnforcement == LawEnforcementConfirmed {
		c.Due = c.TimeLimit
		return nil
	}
	due, ok, err := c.Clock().Due()
	if err != nil {
		return fmt.Errorf("compute due date for %s: %w", c.Ref, err)
	}
	if !ok {
		c.Due = time.Time{}
		return nil
	}
	c.Due = due
	return nil
}

// calendarDue is the due date the calendar in use gives an open case whose due date comes from
// its clock, and whether it differs from the one stored: bank holidays added or cancelled since
// it was computed (PRIVACYBOT_HOLIDAYS, a release's rules). A closed case keeps its due date, a
// confirmed law-enforcement one has the DPO's, and a stopped clock has none under any calendar.
func (c *Case) calendarDue() (due time.Time, moved bool) {
	if !c.Status.Open() || c.LawEnforcement == LawEnforcementConfirmed || c.Due.IsZero() {
		return time.Time{}, false
	}
	due, ok, err := c.Clock().Due()
	if err != nil || !ok || due.Equal(c.Due) {
		return time.Time{}, false
	}
	return due, true
}

// Recalendar gives an open case the due date the calendar in use gives it, when the bank
// holidays changed since it was computed, and returns the audit event saying so, by SystemName:
// nobody asked for the change, and it must not pass unseen, nor ride on someone's unrelated
// one. ErrNoChange when the due date is already the calendar's (and for a closed case, which
// keeps its own).
func (c *Case) Recalendar(now time.Time) (Event, error) {
	due, moved := c.calendarDue()
	if !moved {
		return Event{}, fmt.Errorf("%s: its due date is the calendar's: %w", c.Ref, ErrNoChange)
	}
	note := fmt.Sprintf("due date moved from %s to %s: bank holidays changed", c.Due.Format(time.DateOnly), due.Format(time.DateOnly))
	c.Due, c.Updated = due, now
	return Event{Ref: c.Ref, At: now, Actor: SystemName, Kind: EventDueDateMoved, From: c.Status, To: c.Status, Note: note}, nil
}

// TimeLimitOnClosedDay reports whether the DPO's time limit falls on a weekend or a bank holiday
// of the case's region: allowed (the DPO sets it), but worth a second look, since a UK GDPR due
// date never does.
func (c *Case) TimeLimitOnClosedDay() bool {
	return !c.TimeLimit.IsZero() && !c.Clock().IsWorkingDay(c.TimeLimit)
}

// NeedsTimeLimit reports whether the case is an open, confirmed law-enforcement (Part 3) request
// whose time limit the DPO has not set: it has no due date, so no deadline view lists it.
func (c Case) NeedsTimeLimit() bool {
	return c.Status.Open() && c.LawEnforcement == LawEnforcementConfirmed && c.Due.IsZero()
}

// NeedingTimeLimit are the references of the cases that need the DPO's time limit
// (NeedsTimeLimit), in order.
func NeedingTimeLimit(cases []Case) []string {
	var refs []string
	for _, c := range cases {
		if c.NeedsTimeLimit() {
			refs = append(refs, c.Ref)
		}
	}
	return refs
}

// NoDueDate says why a case has no due date, for the DPO's team ("" when it has one or is
// closed).
func (c Case) NoDueDate() string {
	switch {
	case !c.Due.IsZero() || !c.Status.Open():
		return ""
	case c.LawEnforcement == LawEnforcementConfirmed:
		return "a law-enforcement (Part 3) request: the DPO sets the time limit, and none is set yet (set one with queue limit or on the case page)"
	case c.AwaitingID:
		return "the clock is stopped: awaiting proof of identity or authority"
	}
	return "the clock is stopped: awaiting clarification"
}

// pastUKGDPRDue reports whether the case is open and past the date UK GDPR gives it, flagged as
// law enforcement or not: what a change that would restart or pause the clock is judged by, so
// that flagging and clearing a case can't give an overdue request a new month.
func (c *Case) pastUKGDPRDue(now time.Time) (due time.Time, past bool) {
	due, ok, err := c.Clock().Due()
	return due, err == nil && ok && overdue(c.Status, due, now)
}

// Overdue reports whether the case is still open and its due date (a whole day: the council has
// until the end of it) has passed at now.
func (c *Case) Overdue(now time.Time) bool { return overdue(c.Status, c.Due, now) }

// DueToday reports whether the case is still open and today, on London's calendar at now, is
// the last day of its due date: the day to answer, which every view marks as it marks Overdue.
func (c *Case) DueToday(now time.Time) bool {
	return c.Status.Open() && !c.Due.IsZero() && c.Due.Equal(deadline.LondonDate(now))
}

// overdue reports whether a request in a status, due on a date, is past it on London's calendar
// at now.
func overdue(status Status, due, now time.Time) bool {
	return status.Open() && !due.IsZero() && due.Before(deadline.LondonDate(now))
}

// Event is one entry of a case's audit trail: who did what, when, why, and the status before and
// after. Events are only ever appended.
type Event struct {
	ID    int64     `json:"id"`
	Ref   string    `json:"ref"`
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	Kind  EventKind `json:"kind"`
	From  Status    `json:"from,omitempty"`
	To    Status    `json:"to,omitempty"`
	Note  string    `json:"note,omitempty"`
}

// EventKind says what an Event recorded; the kinds that move the clock are named for what
// happened rather than for the status they lead to.
type EventKind string

// The kinds of audit event.
const (
	EventSubmitted              EventKind = "submitted"
	EventStatus                 EventKind = "status"
	EventIDRequested            EventKind = "id_requested"
	EventIDReceived             EventKind = "id_received"
	EventClarificationRequested EventKind = "clarification_requested"
	EventClarificationAnswered  EventKind = "clarification_answered"
	EventExtended               EventKind = "extended"
	EventNote                   EventKind = "note"
	EventAssigned               EventKind = "assigned"
	EventLawEnforcement         EventKind = "law_enforcement"
	EventTimeLimit              EventKind = "time_limit"
	EventReopened               EventKind = "reopened"
	// EventDueDateMoved records a due date the queue itself moved (Actor SystemName) because the
	// bank holidays in use changed since it was computed (Case.Recalendar).
	EventDueDateMoved EventKind = "due_date_moved"
	// EventProofNotNeeded records a case awaiting proof of identity or authority moved on without
	// it, none being needed: its month runs from receipt (Change.ProofNotNeeded).
	EventProofNotNeeded EventKind = "proof_not_needed"
	// EventRetyped records a case's request type changed, when it was filed as the wrong one
	// (Case.Retype).
	EventRetyped EventKind = "retyped"
)

// eventLabels are the kinds as the DPO's team reads them on the audit trail.
var eventLabels = map[EventKind]string{
	EventSubmitted: "Submitted", EventStatus: "Status changed", EventIDRequested: "Proof of identity asked for",
	EventIDReceived: "Proof of identity received", EventClarificationRequested: "Clarification asked for",
	EventClarificationAnswered: "Clarification received", EventExtended: "Extended", EventNote: "Note",
	EventAssigned: "Assigned", EventLawEnforcement: "Law enforcement (Part 3) decision", EventTimeLimit: "Part 3 time limit set",
	EventReopened: "Reopened", EventDueDateMoved: "Due date moved", EventProofNotNeeded: "Proof not needed",
	EventRetyped: "Request type changed",
}

// Label is the kind as people read it ("Part 3 time limit set", not "time_limit").
func (k EventKind) Label() string {
	if l, ok := eventLabels[k]; ok {
		return l
	}
	return string(k)
}

// london is where reference years and dates are counted: the council's own calendar.
var london = mustLoadLondon()

func mustLoadLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// The binary embeds time/tzdata; a failure here means a broken build, not bad input.
		panic(fmt.Sprintf("load Europe/London: %v", err))
	}
	return loc
}

// RefYear is the year a reference is numbered in: the UK calendar year of receipt.
func RefYear(received time.Time) int { return received.In(london).Year() }

// FormatRef renders a reference as people read it out on the phone: DPO-2026-000123.
func FormatRef(year int, seq int64) string { return fmt.Sprintf("DPO-%04d-%06d", year, seq) }

// refPattern is a reference as typed: its number may have up to four zeros more in front than
// the six digits it is written with ("DPO-2026-0000005"), or fewer ("dpo 2026 5"); within
// reason, since a number of a dozen digits is no reference mistyped but something else.
var refPattern = regexp.MustCompile(`^DPO[-\s]*(\d{4})[-\s]*0{0,4}(\d{1,6})$`)

// ParseRef normalises a reference as a person might type or say it ("dpo 2026 123",
// " DPO-2026-000123 ", "DPO-2026-0000123") to its canonical form. A malformed reference is
// ErrNotFound, because no case can have it.
func ParseRef(s string) (string, error) {
	m := refPattern.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return "", fmt.Errorf("reference %q: %w", s, ErrNotFound)
	}
	year, _ := strconv.Atoi(m[1])
	seq, _ := strconv.ParseInt(m[2], 10, 64)
	if seq == 0 {
		return "", fmt.Errorf("reference %q: %w", s, ErrNotFound)
	}
	return FormatRef(year, seq), nil
}
