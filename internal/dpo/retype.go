package dpo

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// ParseRequestType reads a request type as typed on a command line or posted by the dashboard
// ("access", "Withdraw consent", "automated-decision").
func ParseRequestType(s string) (RequestType, error) { return parseName("type", s, RequestTypes) }

// Retype changes the type of request a case was filed as, when it was filed as the wrong one (a
// resident's "I want all the information you hold about the investigation against me" taken as
// a complaint), with the reason, on the audit trail. What depends on the type follows it: a
// complaint is no request under either law's rights, so one retyped as a complaint loses any
// law-enforcement (Part 3) flag and the DPO's time limit with it; a complaint retyped as a
// request whose words suggest Part 3 (lawEnforcementCue, the classifier's reading of them, which
// this package does not hold) is flagged for the DPO to decide, as it would have been had it been
// filed as that request. The due date is computed afresh. The clock is not restarted: the request
// was received when it was, whatever it was filed as. A closed case can't change (reopen it first).
func (c *Case) Retype(to RequestType, reason, actor string, lawEnforcementCue bool, now time.Time) (Event, error) {
	reason = strings.TrimSpace(reason)
	actor, err := actorOf(actor, "changing the request type")
	switch {
	case err != nil:
		return Event{}, err
	case !to.Valid():
		return Event{}, invalid("type", "%q is not a request type", to)
	case !saysWhy(reason, ""):
		return Event{}, invalid("reason", "say why it is %s, in words of their own (for the audit trail)", to.Kind())
	case !c.Status.Open():
		return Event{}, fmt.Errorf("%s is %s; a closed case can't change (reopen it first if it was closed by mistake): %w", c.Ref, c.Status, ErrNotAllowed)
	case to == c.Type:
		return Event{}, fmt.Errorf("%s is already %s: %w", c.Ref, to.Kind(), ErrNoChange)
	}
	next := *c
	next.Type = to
	note := fmt.Sprintf("request type changed from %s to %s: %s", c.Type.Label(), to.Label(), reason)
	switch {
	case to == Complaint && c.LawEnforcement != NotLawEnforcement:
		note += fmt.Sprintf(" (it was %s; a complaint is no request under either law's rights", c.LawEnforcement.Label())
		if !c.TimeLimit.IsZero() {
			note += fmt.Sprintf(", and the Part 3 time limit, %s, no longer applies", c.TimeLimit.Format(time.DateOnly))
		}
		note += ")"
		next.LawEnforcement, next.TimeLimit, next.TimeLimitReason = NotLawEnforcement, time.Time{}, ""
	case c.Type == Complaint && c.LawEnforcement == NotLawEnforcement && lawEnforcementCue:
		note += " (its words suggest a law-enforcement (Part 3) request: flagged for the DPO to decide)"
		next.LawEnforcement = LawEnforcementSuspected
	}
	if err := next.recomputeDue(); err != nil {
		return Event{}, err
	}
	next.Updated = now
	*c = next
	return Event{Ref: c.Ref, At: now, Actor: actor, Kind: EventRetyped, From: c.Status, To: c.Status, Note: note}, nil
}

// Label is the request type in words ("automated decision", not "automated_decision").
func (t RequestType) Label() string { return strings.ReplaceAll(string(t), "_", " ") }

// Kind is what a case of the type is, in words: "an access request", "a complaint".
func (t RequestType) Kind() string {
	switch {
	case t == Complaint:
		return "a complaint"
	case t == "":
		return "a request"
	}
	if strings.ContainsRune("aeiou", rune(t.Label()[0])) {
		return "an " + t.Label() + " request"
	}
	return "a " + t.Label() + " request"
}

// Retype changes the type of request a case was filed as (see Case.Retype). Whether its words
// suggest a law-enforcement (Part 3) request is LawEnforcementCue's to say.
func (q *Queue) Retype(ctx context.Context, ref string, to RequestType, reason, actor string) (Case, error) {
	reason, err := noteText("reason", reason)
	if err != nil {
		return Case{}, err
	}
	return q.update(ctx, ref, func(c *Case) (Event, error) {
		cue := q.LawEnforcementCue != nil && q.LawEnforcementCue(c.Description)
		return c.Retype(to, reason, actor, cue, q.now())
	})
}
