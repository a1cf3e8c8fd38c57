package dpo

import (
	"fmt"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/deadline"
)

// LawEnforcement says whether a request is for personal data the council processes for law
// enforcement — investigating or prosecuting offences, as trading standards, benefit fraud or
// environmental crime teams do. Such requests fall under Part 3 of the Data Protection Act 2018,
// not UK GDPR: other exemptions, another time limit. The queue flags one for the DPO rather than
// computing its date (reference rule 8): the requester is promised none, and a confirmed one has
// none. While the DPO decides, the case keeps the date UK GDPR would give it, so that it stays
// among the overdue and due-soon cases instead of dropping out of sight, and it may be extended
// within its first month; a confirmed one can't. A complaint is never flagged.
type LawEnforcement string

// The law-enforcement states of a case.
const (
	// NotLawEnforcement is an ordinary UK GDPR request, with the statutory clock.
	NotLawEnforcement LawEnforcement = ""
	// LawEnforcementSuspected is a request whose words suggest Part 3 (flagged at intake, or by
	// a member of the team); the DPO confirms or clears it.
	LawEnforcementSuspected LawEnforcement = "suspected"
	// LawEnforcementConfirmed is a request the DPO has confirmed is handled under Part 3.
	LawEnforcementConfirmed LawEnforcement = "confirmed"
)

// ParseLawEnforcement reads a decision as typed on a command line or posted by the dashboard:
// "confirm" (Part 3 applies), "clear" (it does not: the UK GDPR clock applies) or "suspect"
// (flag it for the DPO to decide).
func ParseLawEnforcement(s string) (LawEnforcement, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "confirm", "confirmed", "part3", "part 3", "yes":
		return LawEnforcementConfirmed, nil
	case "clear", "cleared", "none", "no", "uk-gdpr", "uk gdpr":
		return NotLawEnforcement, nil
	case "suspect", "suspected", "flag", "flagged":
		return LawEnforcementSuspected, nil
	}
	return "", invalid("law enforcement", "%q is not confirm, clear or suspect", s)
}

// Label is the state in words.
func (l LawEnforcement) Label() string {
	switch l {
	case LawEnforcementSuspected:
		return "possibly law enforcement (Part 3): for the DPO to decide"
	case LawEnforcementConfirmed:
		return "law enforcement (Part 3)"
	}
	return "UK GDPR"
}

// MarkLawEnforcement records the DPO's decision on whether the request is a Part 3 one. Clearing
// the flag starts nothing new: the UK GDPR clock ran from receipt all along, so the due date is
// computed from the day the request was received (and may already have passed). A reason is
// required, since the decision changes the requester's rights.
func (c *Case) MarkLawEnforcement(to LawEnforcement, reason, actor string, now time.Time) (Event, error) {
	reason = strings.TrimSpace(reason)
	actor, err := actorOf(actor, "deciding")
	switch {
	case err != nil:
		return Event{}, err
	case !c.Status.Open():
		return Event{}, fmt.Errorf("%s is %s; a closed case can't change (reopen it first if it was closed by mistake): %w", c.Ref, c.Status, ErrNotAllowed)
	case c.Type == Complaint && to != NotLawEnforcement:
		return Event{}, fmt.Errorf("%s is a complaint, which is no request under either law's rights: %w", c.Ref, ErrNotAllowed)
	case to == c.LawEnforcement && to == NotLawEnforcement:
		return Event{}, fmt.Errorf("%s is not flagged as law enforcement: %w", c.Ref, ErrNoChange)
	case to == c.LawEnforcement:
		return Event{}, fmt.Errorf("%s is already %s: %w", c.Ref, to.Label(), ErrNoChange)
	case !saysWhy(reason, ""):
		// The decision changes the requester's rights: the trail says why, not "x".
		return Event{}, invalid("reason", "say why the request is or is not a law-enforcement (Part 3) one, in words of their own%s: \"trading standards prosecution file\"", saysNone(reason, "nothing"))
	}
	next := *c
	next.LawEnforcement = to
	var dropped time.Time
	if to != LawEnforcementConfirmed {
		// The time limit was the DPO's for a Part 3 request; any other follows UK GDPR's clock.
		dropped, next.TimeLimit, next.TimeLimitReason = c.TimeLimit, time.Time{}, ""
	}
	if err := next.recomputeDue(); err != nil {
		return Event{}, err
	}
	next.Updated = now
	*c = next
	note := to.Label() + ": " + reason
	if to == NotLawEnforcement {
		note = "not law enforcement (UK GDPR applies): " + reason
	}
	if !dropped.IsZero() {
		note += fmt.Sprintf(" (the Part 3 time limit, %s, no longer applies)", dropped.Format(time.DateOnly))
	}
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventLawEnforcement, From: c.Status, To: c.Status, Note: note}, nil
}

// SetTimeLimit records the date the DPO set for a confirmed law-enforcement (Part 3) request to
// be answered by, with why: from then it is the case's due date, so the case sorts, shows
// overdue and comes up in alerts like any other. due is a calendar date (00:00 UTC, as Due), not
// before the day the request was received nor more than a year after it; it may be changed
// later, each change on the audit trail. A case not confirmed as Part 3 is refused: it follows
// the UK GDPR clock.
func (c *Case) SetTimeLimit(due time.Time, reason, actor string, now time.Time) (Event, error) {
	reason = strings.TrimSpace(reason)
	actor, err := actorOf(actor, "setting the time limit")
	received := deadline.LondonDate(c.Received)
	switch {
	case err != nil:
		return Event{}, err
	case due.IsZero():
		return Event{}, invalid("due", "give the date the request is to be answered by")
	case !due.Equal(deadline.LondonDate(due)):
		return Event{}, invalid("due", "give a calendar date (YYYY-MM-DD), not a time")
	case !c.Status.Open():
		return Event{}, fmt.Errorf("%s is %s; a closed case has no time limit: %w", c.Ref, c.Status, ErrNotAllowed)
	case c.LawEnforcement != LawEnforcementConfirmed:
		what := "is not a law-enforcement (Part 3) request"
		if c.LawEnforcement == LawEnforcementSuspected {
			what = "is not confirmed as a law-enforcement (Part 3) request"
		}
		return Event{}, fmt.Errorf("%s %s: it follows the UK GDPR clock (due %s); only the DPO's time limit for a confirmed Part 3 request can be set (confirm Part 3 first if it applies): %w",
			c.Ref, what, dueOrNone(c.Due), ErrNotAllowed)
	case due.Before(received):
		return Event{}, invalid("due", "%s is before the request was received (%s)", due.Format(time.DateOnly), received.Format(time.DateOnly))
	case due.After(received.AddDate(1, 0, 0)):
		// A year typed wrong (2072 for 2027) would take the request off every deadline view for
		// decades: a year from receipt (that date allowed), as a receipt logged may be a year old.
		return Event{}, invalid("due", "%s is more than a year after the request was received (%s); check the year",
			due.Format(time.DateOnly), received.Format(time.DateOnly))
	case due.Equal(c.TimeLimit):
		return Event{}, fmt.Errorf("%s is already due %s: %w", c.Ref, due.Format(time.DateOnly), ErrNoChange)
	case !saysWhy(reason, ""):
		return Event{}, invalid("reason", "say why the request is due by then, for the audit trail, in words of their own%s: \"the police asked us to wait\"", saysNone(reason, "nothing"))
	}
	note := "Part 3 time limit set: due " + due.Format(time.DateOnly) + ": " + reason
	if !c.TimeLimit.IsZero() {
		note = fmt.Sprintf("Part 3 time limit changed from %s to %s: %s", c.TimeLimit.Format(time.DateOnly), due.Format(time.DateOnly), reason)
	}
	next := *c
	next.TimeLimit, next.TimeLimitReason = due, reason
	if err := next.recomputeDue(); err != nil {
		return Event{}, err
	}
	next.Updated = now
	*c = next
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventTimeLimit, From: c.Status, To: c.Status, Note: note}, nil
}

func dueOrNone(due time.Time) string {
	if due.IsZero() {
		return "none while its clock is stopped"
	}
	return due.Format(time.DateOnly)
}
