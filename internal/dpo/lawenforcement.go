package dpo

import (
	"fmt"
	"strings"
	"time"
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
	reason, actor = strings.TrimSpace(reason), strings.TrimSpace(actor)
	switch {
	case actor == "":
		return Event{}, invalid("actor", "say who is deciding")
	case reason == "":
		return Event{}, invalid("reason", "say why the request is or is not a law-enforcement (Part 3) one")
	case !c.Status.Open():
		return Event{}, fmt.Errorf("%s is %s: %w", c.Ref, c.Status, ErrInvalidTransition)
	case c.Type == Complaint && to != NotLawEnforcement:
		return Event{}, fmt.Errorf("%s is a complaint, which is no request under either law's rights: %w", c.Ref, ErrInvalidTransition)
	case to == c.LawEnforcement && to == NotLawEnforcement:
		return Event{}, fmt.Errorf("%s is not flagged as law enforcement: %w", c.Ref, ErrInvalidTransition)
	case to == c.LawEnforcement:
		return Event{}, fmt.Errorf("%s is already %s: %w", c.Ref, to.Label(), ErrInvalidTransition)
	}
	next := *c
	next.LawEnforcement = to
	if err := next.recomputeDue(); err != nil {
		return Event{}, err
	}
	next.Updated = now
	*c = next
	note := to.Label() + ": " + reason
	if to == NotLawEnforcement {
		note = "not law enforcement (UK GDPR applies): " + reason
	}
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventLawEnforcement, From: c.Status, To: c.Status, Note: note}, nil
}
