package dpo

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/deadline"
)

// Status is where a case is in its life.
type Status string

// The statuses a case moves through. A case starts Received (or AwaitingVerification when the
// channel already knows ID is needed) and ends Completed, Refused or Withdrawn.
const (
	Received              Status = "received"
	AwaitingVerification  Status = "awaiting_verification"
	AwaitingClarification Status = "awaiting_clarification"
	InProgress            Status = "in_progress"
	Extended              Status = "extended"
	Completed             Status = "completed"
	Refused               Status = "refused"
	Withdrawn             Status = "withdrawn"
)

// Statuses lists every status in the order a case usually meets them.
var Statuses = []Status{Received, AwaitingVerification, AwaitingClarification, InProgress,
	Extended, Completed, Refused, Withdrawn}

// transitions is the whole rule book: from each open status, where a case may go next.
// Final statuses have no entry, so nothing leaves them.
var transitions = map[Status][]Status{
	Received:              {AwaitingVerification, AwaitingClarification, InProgress, Extended, Completed, Refused, Withdrawn},
	AwaitingVerification:  {InProgress, Refused, Withdrawn},
	AwaitingClarification: {InProgress, Extended, Refused, Withdrawn},
	InProgress:            {AwaitingVerification, AwaitingClarification, Extended, Completed, Refused, Withdrawn},
	Extended:              {AwaitingClarification, Completed, Refused, Withdrawn},
}

// ParseStatus reads a status name as typed on a command line ("in-progress" and "In Progress"
// are accepted too).
func ParseStatus(s string) (Status, error) { return parseName("status", s, Statuses) }

// parseName reads one of all as typed on a command line or posted by a form: any case, with
// hyphens or spaces for underscores ("In Progress", "withdraw-consent"). field names what it
// is in the error.
func parseName[T ~string](field, s string, all []T) (T, error) {
	v := T(strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(s))))
	if !slices.Contains(all, v) {
		return "", invalid(field, "%q is not one of %s", s, Names(all))
	}
	return v, nil
}

// Names lists names comma-separated, in their order: for a usage line or an error.
func Names[T ~string](all []T) string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return strings.Join(out, ", ")
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// OpenStatuses are the statuses of cases still being worked, in Statuses' order.
func OpenStatuses() []Status {
	var out []Status
	for _, s := range Statuses {
		if s.Open() {
			out = append(out, s)
		}
	}
	return out
}

// ClosedStatuses are the statuses that end a case, in Statuses' order.
func ClosedStatuses() []Status {
	var out []Status
	for _, s := range Statuses {
		if s.Final() {
			out = append(out, s)
		}
	}
	return out
}

// Open reports whether a case in status s still needs work (and so can be overdue).
func (s Status) Open() bool { return s.Valid() && !s.Final() }

// Final reports whether s ends a case.
func (s Status) Final() bool { return s == Completed || s == Refused || s == Withdrawn }

// CanMoveTo reports whether the rule book allows going from s to to.
func (s Status) CanMoveTo(to Status) bool { return slices.Contains(transitions[s], to) }

// Change is a status change asked for by the DPO (or by a channel on the requester's behalf).
type Change struct {
	To    Status
	Actor string // who made the change; required
	Note  string // why; required for Extended (the reason), Refused (the grounds) and Withdrawn (how and when)
	// At is when the thing happened (the day the ID letter arrived, say); zero means now. It may
	// not be before the case was received nor after now.
	At time.Time
	// ProofNotNeeded, with To InProgress for a case awaiting verification, says no proof of
	// identity or authority was needed after all (the authority was already on file, say): the
	// clock never stopped for it (reference rule 2 stops it only while proof asked for is
	// awaited), so the month runs from when the council last had everything it needed: receipt,
	// or the day an earlier round of proof arrived when there was one (Case.IDReceived). Never
	// from the day this is recorded nor from At, which only dates the decision. Without it,
	// moving such a case to in progress records the proof's arrival, and the month runs from
	// that day.
	ProofNotNeeded bool
}

// Transition applies a change to the case, enforcing the rule book and keeping the clock: asking
// for ID stops the clock and receiving it restarts it; asking for clarification opens a pause and
// the answer closes it; an extension is refused after the first month. Due is recomputed. On
// error the case is left untouched. now is the current time (used when ch.At is zero).
//
// Answering a clarification on an extended case returns it to Extended even when In Progress was
// asked for, because the extension still stands.
func (c *Case) Transition(ch Change, now time.Time) (Event, error) {
	if !ch.To.Valid() {
		return Event{}, invalid("status", "%q is not a status", ch.To)
	}
	at, err := c.changeTime(ch.At, now)
	if err != nil {
		return Event{}, err
	}
	actor, err := actorOf(ch.Actor, "making the change")
	if err != nil {
		return Event{}, err
	}
	note := strings.TrimSpace(ch.Note)
	from, to := c.Status, ch.To
	if ch.ProofNotNeeded && (from != AwaitingVerification || to != InProgress) {
		return Event{}, invalid("proof not needed", "it moves a case awaiting proof of identity or authority to in progress; %s is %s, and %s was asked for",
			c.Ref, from, to)
	}
	if from == AwaitingClarification && to == InProgress && c.Extended {
		to = Extended
	}
	hidden := from == AwaitingVerification && to == InProgress || from == AwaitingClarification && (to == InProgress || to == Extended)
	if at.Before(c.Reopened) && !hidden {
		// Only what the closing hid (ID that arrived, a clarification answered) may be dated
		// before the reopening; closing it again "on time" in the past may not.
		return Event{}, invalid("at", "%s is before the case was reopened (%s); only ID arriving or a clarification answered may be dated earlier",
			londonWhen(at, isDate(ch.At)), londonWhen(c.Reopened, false))
	}
	switch {
	case from.Final():
		return Event{}, fmt.Errorf("%s was closed (%s) on %s; a closed case can't change (reopen it first if it was closed by mistake): %w",
			c.Ref, from, c.Closed.In(london).Format("2 January 2006"), ErrInvalidTransition)
	case from == to && to == Extended:
		return Event{}, fmt.Errorf("%s is already extended (due %s); the law allows one extension: %w", c.Ref,
			c.Due.Format(time.DateOnly), ErrInvalidTransition)
	case from == to:
		return Event{}, fmt.Errorf("%s is already %s: %w", c.Ref, from, ErrInvalidTransition)
	case !from.CanMoveTo(to):
		next := make([]string, len(transitions[from]))
		for i, st := range transitions[from] {
			next[i] = string(st)
		}
		return Event{}, fmt.Errorf("%s: %s → %s is not a step the rules allow (from %s: %s): %w", c.Ref, from, to, from,
			strings.Join(next, ", "), ErrInvalidTransition)
	}

	next := *c
	next.Pauses = append([]deadline.Pause(nil), c.Pauses...)
	kind := EventStatus
	switch {
	case to == AwaitingVerification:
		if due, past := c.pastUKGDPRDue(now); past {
			// Rule 2 restarts the month when asked-for ID arrives; asked for once the request is
			// overdue, it would hide that it was late.
			return Event{}, fmt.Errorf("%s (due %s): %w", c.Ref, due.Format(time.DateOnly), ErrIDTooLate)
		}
		// IDReceived keeps the day an earlier round of proof arrived, if one did: the clock
		// ignores it while ID is awaited, and should this round turn out not to be needed, the
		// month runs from that day again (ProofNotNeeded). Proof arriving replaces it.
		next.AwaitingID, kind = true, EventIDRequested
	case from == AwaitingVerification && to == InProgress && ch.ProofNotNeeded:
		// No proof was needed this round: the clock ran all along from when the council last
		// had everything it needed, receipt or the arrival of an earlier round of proof (kept
		// in IDReceived). Rule 2 could be read to count from the day this round was asked for
		// or from this decision; both give a later date than the law does, since a needless
		// request for proof stops no clock. The earlier round was recorded as proof that was
		// asked for and arrived (had it not been needed, it would have been recorded as such),
		// so it did start the month on its day, and pauses before that day don't count
		// (deadline.Clock). The trail says which day was used.
		next.AwaitingID, kind = false, EventProofNotNeeded
		note = strings.TrimSuffix(fmt.Sprintf("%s: %s", proofNotNeededNote(*c), note), ": ")
	case from == AwaitingVerification && to == InProgress:
		next.AwaitingID, next.IDReceived, kind = false, at, EventIDReceived
	case to == AwaitingClarification:
		if due, past := c.pastUKGDPRDue(now); past {
			// Judged when recorded, as an extension is: a pause dated back into the month
			// would move an overdue request's due date into the future (rule 5 is for
			// clarification asked for in time).
			return Event{}, fmt.Errorf("%s (due %s): %w", c.Ref, due.Format(time.DateOnly), ErrClarificationTooLate)
		}
		next.Pauses, kind = append(next.Pauses, deadline.Pause{From: at}), EventClarificationRequested
	case from == AwaitingClarification && (to == InProgress || to == Extended):
		if to == Extended && !c.Extended {
			return Event{}, fmt.Errorf("%s: answer the clarification first, then extend: %w", c.Ref, ErrInvalidTransition)
		}
		last := &next.Pauses[len(next.Pauses)-1]
		last.To, kind = at, EventClarificationAnswered
	case to == Extended:
		if c.Extended {
			return Event{}, fmt.Errorf("%s is already extended: %w", c.Ref, ErrInvalidTransition)
		}
		if c.LawEnforcement == LawEnforcementConfirmed {
			// Rule 6 extends a UK GDPR due date; a confirmed Part 3 request has none to extend.
			// (One the DPO is still deciding on keeps its UK GDPR date, and may be extended
			// within its first month like any other: cleared later, the window would be gone.)
			return Event{}, fmt.Errorf("%s is a law-enforcement (Part 3) request, which has no UK GDPR due date to extend (the DPO sets its time limit, and may change it); clear that first if it is not one: %w",
				c.Ref, ErrInvalidTransition)
		}
		if !c.Clock().ExtensionAllowed(now) {
			// Judged when it is recorded, whatever date it is said to have been decided on: a
			// backdated extension would otherwise get round rule 6.
			// The day the first month ended is said, so the team can check it (a QA pass).
			return Event{}, fmt.Errorf("%s (its first month ended on %s): %w", c.Ref, c.Due.Format("Monday 2 January 2006"), ErrExtensionTooLate)
		}
		if !saysWhy(note, to) {
			// The requester is told it (a status check reads it out): "x" tells them nothing.
			return Event{}, invalid("reason", "an extension needs the reason the requester will be told, in words of their own%s: why the request is complex or numerous (\"the records are held in three archives\")", saysNone(note, "none"))
		}
		next.Extended, next.ExtensionReason, kind = true, note, EventExtended
	case to == Refused && !saysWhy(note, to):
		return Event{}, invalid("note", "a refusal needs the grounds the requester will be told, in words of their own%s: which exemption applies and why (\"manifestly excessive: the same request was answered on 3 March\")", saysNone(note, "none"))
	case to == Withdrawn && !saysWhy(note, to):
		// The trail is the evidence the request was withdrawn, not closed unanswered.
		return Event{}, invalid("note", "a withdrawal needs how and when the requester withdrew, in words of their own%s: \"phoned on 3 March to withdraw it\"", saysNone(note, "neither"))
	}
	next.Status, next.StatusChanged = to, at
	if to.Final() {
		next.Closed = at
	}
	if err := next.recomputeDue(); err != nil {
		return Event{}, err
	}
	next.Updated = now
	*c = next
	if !at.Equal(now) {
		// The audit trail says when a backdated change was entered, not only the date given.
		note = strings.TrimSpace(note + recorded(now))
	}
	return Event{Ref: c.Ref, At: at, Actor: actor, Kind: kind, From: from, To: to, Note: note}, nil
}

// minWhyWords is how many words of their own a refusal's grounds, a withdrawal's how and when,
// an extension's reason or any other reason on the trail take at least: "manifestly excessive",
// "by phone", "three archives". One word ("vexatious", "phoned", "complex") says neither what the
// requester will be told nor what the trail must show.
const minWhyWords = 2

// placeholders are what is typed to get past a required note, and says nothing: "x", "n/a",
// "tbc", "see above", "case closed".
var placeholders = map[string]bool{
	"x": true, "xx": true, "xxx": true, "xyz": true, "n/a": true, "na": true, "none": true, "nil": true, "null": true,
	"nothing": true, "tbc": true, "tba": true, "tbd": true, "todo": true, "test": true, "testing": true, "asdf": true,
	"ok": true, "okay": true, "yes": true, "see": true, "above": true, "below": true, "as": true, "per": true,
	"same": true, "ditto": true, "idk": true, "dunno": true, "unknown": true, "blank": true, "placeholder": true,
	"etc": true, "misc": true, "other": true, "various": true, "status": true, "closed": true, "close": true,
	"done": true, "case": true, "request": true, "note": true, "notes": true, "reason": true, "grounds": true,
	"details": true, "info": true,
}

// statusWords are the words that say only the status a note closes a case with: "refused",
// "withdrawn" (the status's own word), and their kin.
var statusWords = map[Status][]string{
	Refused:   {"refused", "refuse", "refusal", "refusing", "declined", "decline", "rejected", "reject", "denied", "deny"},
	Withdrawn: {"withdrawn", "withdraw", "withdrew", "withdrawal", "withdrawing", "cancelled", "canceled", "cancel", "cancellation"},
	Extended:  {"extended", "extend", "extension", "extending"},
}

// saysWhy reports whether the note of a change to status to (or, with to "", any other reason
// the trail keeps: a reopening's, a Part 3 decision's, a time limit's) says something of its
// own: at least minWhyWords words that are neither placeholders nor the status's own words. "x", "n/a", ".",
// "withdrawn" and "requester withdrew" say nothing the trail can show; a word is two letters or
// digits, or a number ("phoned 3/3" is two).
func saysWhy(note string, to Status) bool {
	words := strings.FieldsFunc(strings.ToLower(note), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '\'' && r != '’'
	})
	n := 0
	for _, w := range words {
		w = strings.Trim(w, "/'’")
		if placeholders[w] || slices.Contains(statusWords[to], w) {
			continue
		}
		chars, digits := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				chars++
			}
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if chars >= 2 || digits > 0 {
			n++
		}
	}
	return n >= minWhyWords
}

// ProofNotNeededFrom is the London date the month of a case awaiting proof runs from should the
// DPO find none was needed (Change.ProofNotNeeded), and whether that is the day an earlier round
// of proof arrived rather than receipt.
func (c Case) ProofNotNeededFrom() (day time.Time, earlierProof bool) {
	if c.IDReceived.IsZero() {
		return deadline.LondonDate(c.Received), false
	}
	return deadline.LondonDate(c.IDReceived), true
}

// proofNotNeededNote begins the audit line of a case moved on without proof (Change.ProofNotNeeded):
// which day its month runs from, receipt or the arrival of an earlier round of proof.
func proofNotNeededNote(c Case) string {
	const needed = "no proof of identity or authority needed: the month runs from "
	day, earlier := c.ProofNotNeededFrom()
	if !earlier {
		return needed + "receipt, " + day.Format("2 January 2006")
	}
	return needed + "the day the earlier proof arrived, " + day.Format("2 January 2006")
}

// saysNone is what a refusal of a note that says nothing adds after "in words of their own":
// the note quoted, saying none (or neither) of what was needed; nothing for an empty or long one.
func saysNone(note, none string) string {
	if note == "" || utf8.RuneCountInString(note) > 40 {
		return ""
	}
	return fmt.Sprintf(" (%q says %s)", note, none)
}

// recorded is what an audit line dated other than when it was entered adds: when it was.
func recorded(now time.Time) string {
	return fmt.Sprintf(" (recorded %s)", now.UTC().Format("2006-01-02 15:04 MST"))
}

// Reopen opens a closed case again, with the reason for the audit trail: it was closed by mistake,
// or the requester shows the reply left something out. It goes back to where its clock stood
// when it was closed (still waiting for ID or a clarification answer, extended, or in progress),
// and keeps its due date: the law's month ran from the request, and reopening gives no new one.
func (c *Case) Reopen(note, actor string, now time.Time) (Event, error) {
	note = strings.TrimSpace(note)
	actor, err := actorOf(actor, "reopening the case")
	switch {
	case err != nil:
		return Event{}, err
	case !c.Status.Final():
		return Event{}, fmt.Errorf("%s is open (%s); only a closed case can be reopened: %w", c.Ref, c.Status, ErrInvalidTransition)
	case !saysWhy(note, ""):
		// The trail's evidence of why a closed case was opened again.
		return Event{}, invalid("note", "say why the case is reopened, in words of their own%s: \"closed the wrong case\", \"the reply left out the CCTV footage\"", saysNone(note, "nothing"))
	}
	next, was := *c, c.Status
	next.Status = c.statusWhenClosed()
	// The closing is undone, and so is the order it imposed: what it hid may be recorded on the
	// day it happened ("the ID was in the post room since 25 November"), bounded only by the
	// clock's own dates (ID received, clarification asked and answered).
	next.Closed, next.StatusChanged, next.Updated, next.Reopened = time.Time{}, time.Time{}, now, now
	// The due date is kept as it was: should the bank holidays have changed while it was
	// closed, Queue.Reopen has the queue move it, on the trail (Recalendar), not this reopening.
	*c = next
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventReopened, From: was, To: next.Status, Note: note}, nil
}

// statusWhenClosed is the open status a closed case's clock says it was in: closing doesn't
// touch the clock, so ID still awaited, a clarification pause not ended or an extension are
// still there to read.
func (c *Case) statusWhenClosed() Status {
	switch {
	case c.AwaitingID:
		return AwaitingVerification
	case len(c.Pauses) > 0 && c.Pauses[len(c.Pauses)-1].To.IsZero():
		return AwaitingClarification
	case c.Extended:
		return Extended
	}
	return InProgress
}

// AddNote records a note on the audit trail without changing anything else.
func (c *Case) AddNote(note, actor string, now time.Time) (Event, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return Event{}, invalid("note", "empty")
	}
	actor, err := actorOf(actor, "writing the note")
	if err != nil {
		return Event{}, err
	}
	c.Updated = now
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventNote, From: c.Status, To: c.Status, Note: note}, nil
}

// maxName is the longest name of a person the queue shows: whom a case is assigned to, who made
// a change.
const maxName = 100

// CheckName checks the name of a person the queue shows on its rows and audit trail, as field:
// a member of the team is named, not described, and a line break (which would start a forged
// line of the trail) or hidden formatting (a direction override showing another name) is no
// part of a name.
func CheckName(field, name string) error {
	if utf8.RuneCountInString(name) > maxName || strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || hidesOrBreaks(r) }) {
		return invalid(field, "a name of at most %d characters, without control characters or hidden formatting", maxName)
	}
	return nil
}

// CheckActor checks the name of whoever makes a change, as field: a name (CheckName), and not
// one the queue writes on the audit trail itself (SystemActor), which would make a person's
// change read as the system's.
func CheckActor(field, name string) error {
	if err := CheckName(field, name); err != nil {
		return err
	}
	if SystemActor(name) {
		return invalid(field, "a person's name, not one the queue writes itself (%q is how the audit trail names whoever sent the request), nor %q (its own changes)",
			submitter(ChannelWeb), SystemName)
	}
	return nil
}

// SystemName is how the audit trail names the queue itself, for a change nobody asked for: a due
// date moved because the bank holidays changed (Case.Recalendar).
const SystemName = "system"

// SystemActor reports whether name reads as one the queue itself writes on the audit trail:
// "requester via web" (whoever sent a request, as Submit records it) or SystemName, in any case
// or spacing.
func SystemActor(name string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(WithoutMarks(name)), " "))
	return n == "requester" || strings.HasPrefix(n, "requester via") || n == SystemName
}

// submitter is the actor of a submission's audit event: whoever sent the request, through ch.
func submitter(ch Channel) string { return "requester via " + string(ch) }

// actorOf is the name of whoever is doing a change, trimmed and checked: every change names one.
func actorOf(actor, doing string) (string, error) {
	actor = strings.TrimSpace(actor)
	if actor == "" {
		return "", invalid("actor", "say who is %s", doing)
	}
	return actor, CheckActor("actor", actor)
}

// Assign gives the case to someone (empty to unassign), recorded on the audit trail.
func (c *Case) Assign(to, actor string, now time.Time) (Event, error) {
	to = strings.TrimSpace(to)
	actor, err := actorOf(actor, "assigning the case")
	if err != nil {
		return Event{}, err
	}
	if err := CheckName("assignee", to); err != nil {
		return Event{}, err
	}
	if to == c.AssignedTo {
		if to == "" {
			return Event{}, fmt.Errorf("%s is not assigned to anyone: %w", c.Ref, ErrNoChange)
		}
		return Event{}, fmt.Errorf("%s is already assigned to %s: %w", c.Ref, to, ErrNoChange)
	}
	note := assignedNote + to
	if to == "" {
		note = "unassigned"
	}
	if c.AssignedTo != "" {
		note += " (was " + c.AssignedTo + ")" // the trail says whose case it was taken from
	}
	c.AssignedTo, c.Updated = to, now
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventAssigned, From: c.Status, To: c.Status, Note: note}, nil
}

// assignedNote begins the note of an assignment to someone; " (was NAME)" may follow the name.
const assignedNote = "assigned to "

// Assignee is whom an assignment event gave the case to, read from its note: "" for an
// unassignment or an event of another kind. The trail keeps the names a case was ever given to,
// which the case itself (its AssignedTo) forgets.
func (e Event) Assignee() string {
	name, ok := strings.CutPrefix(e.Note, assignedNote)
	if e.Kind != EventAssigned || !ok {
		return ""
	}
	if i := strings.LastIndex(name, " (was "); i >= 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	return name
}

// changeTime resolves when a change happened and checks it is plausible: not before receipt
// (the clock cannot run backwards past its start) and not in the future.
//
// A date alone (00:00 UTC of it, the deadline package's form for a calendar date, which is what
// a channel parses "2026-08-03" to; or London's midnight) is a London date, as a received date
// is: the change happened that day in London, at its start, or after the request came in and
// after what was already recorded that day. Read as 00:00 UTC, a summer date would be dated
// 01:00 on the trail and in the export.
func (c *Case) changeTime(at, now time.Time) (time.Time, error) {
	if at.IsZero() {
		return now, nil
	}
	last := c.lastChange()
	date := isDate(at)
	if date {
		day := deadline.LondonDate(at) // 00:00 UTC is 00:00 or 01:00 in London: the same day
		at = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, london)
		// "ID arrived today": that day, after the request came in and what was recorded on it.
		for _, t := range []time.Time{c.Received, last} {
			if at.Before(t) && deadline.LondonDate(at).Equal(deadline.LondonDate(t)) {
				at = t
			}
		}
		if at.After(now) && deadline.LondonDate(at).Equal(deadline.LondonDate(now)) {
			at = now // not possible at London's midnight, but a clock may disagree
		}
	}
	when := func(t time.Time) string { return londonWhen(t, date) }
	if at.Before(c.Received) {
		return time.Time{}, invalid("at", "%s is before the request was received (%s)", when(at), when(c.Received))
	}
	if at.Before(last) {
		// The audit trail must read in the order things happened: ID can't arrive before it was
		// asked for, nor a case close before the clarification asked on it.
		return time.Time{}, invalid("at", "%s is before the case's last change (%s); record the changes in the order they happened",
			when(at), when(last))
	}
	if at.After(now) {
		return time.Time{}, invalid("at", "%s is in the future", when(at))
	}
	return at, nil
}

// isDate reports whether at is a day given alone rather than a moment: 00:00 UTC (the calendar
// date form) or London's midnight.
func isDate(at time.Time) bool {
	if at.Equal(at.Truncate(24 * time.Hour)) {
		return true
	}
	h, m, s := at.In(london).Clock()
	return h == 0 && m == 0 && s == 0 && at.Nanosecond() == 0
}

// londonWhen says t as a person in the council reads it: its London date ("30 June 2026") when
// a date was given, or its London time and date ("14:05 on 30 June 2026").
func londonWhen(t time.Time, date bool) string {
	if date {
		return t.In(london).Format("2 January 2006")
	}
	return t.In(london).Format("15:04 on 2 January 2006")
}

// lastChange is when the last change happened: of status (ID asked for, work started), or of
// what the clock depends on (the last clarification asked or answered, ID received), dated as
// recorded or as given with --at.
func (c *Case) lastChange() time.Time {
	last := c.IDReceived
	if c.StatusChanged.After(last) {
		last = c.StatusChanged
	}
	for _, p := range c.Pauses {
		for _, t := range []time.Time{p.From, p.To} {
			if t.After(last) {
				last = t
			}
		}
	}
	return last
}
