// Package rights decides what a resident's message asks for: a plain
// information question, a data-protection rights request to put on the Data
// Protection Officer's queue, or an urgent safeguarding message that needs
// emergency contacts instead of intake.
//
// Classify is a transparent, weighted rule set (see rules.go): every cue is a
// named regular expression with a weight, so a reviewer can read why a message
// was routed the way it was, and no language model or network is needed. Safeguarding
// is scored first and separately (safeguard.go) from its own vocabulary,
// safeguarding.txt, embedded in the binary: cues grouped by the ways people
// describe risk without keywords (someone not seen for days, a child left
// alone or unfed, a carer who stopped coming, "I don't want to be here",
// threats, someone at the door, control, money taken, exploitation), weighed
// against damping cues for records and policy talk, a past event and "I'm
// safe now". Every cue carries a literal prefilter (prefilter.go) so most
// regular expressions never run. What no cue catches in a longer message, a
// small logistic regression over its mean word vector may (safeguard_model.go):
// phrases written from one QA pass caught none of another's. The labelled
// messages under testdata/rights measure both.
//
// Policy, applied consistently by the rules and the labelled data:
//
//   - A question of whether or how one may exercise a right ("can I ask you to
//     delete my data?", "how do I get a copy of my records?") is information.
//     Its Type still names the right, which helps retrieval; Actionable is false.
//   - So is a question of what follows from exercising it, asked as a conditional ("if I
//     withdraw my consent will you still provide the service?"): the supposition is no wish.
//     An order or a wish on a condition ("if you still have my old address please delete
//     it", "if you hold anything on me I want a copy") is a request.
//   - An explicit wish or instruction is actionable: imperatives ("delete my
//     records"), wishes ("I want / I'd like / I need …"), statements that
//     exercise the right ("I object", "I withdraw my consent", "this is a
//     subject access request"), polite requests addressed to the council ("can
//     you delete …", "could I please have a copy …"), a report that one's data
//     is wrong, or a grievance about how one's data was handled.
//   - "What do you hold about me?" is a subject access request: the UK GDPR
//     needs no special words for one, and the answer is the person's own data,
//     which a privacy notice cannot give. Asked bare, as a question
//     (AsksWhatIsHeld), the conversation answers what the notices say is held
//     and offers the request, one "yes" away; asked to be sent or shown it, the
//     request is taken.
//   - Objection is "stop using my data for a purpose" (marketing, research, NHS
//     number sharing); withdrawing consent is about something the person agreed
//     or signed up to (consent, newsletters, mailing lists); restriction is
//     keeping the data but limiting or pausing its use.
//   - Keeping an address or details confidential ("don't share my address
//     with anyone", "mark my records as confidential") is an objection: it
//     stops one use, disclosure, on grounds of the person's own situation,
//     while the council goes on using the address to provide its services;
//     restriction would pause every use. Asked "so my ex can't find me", it
//     is still a request, not an urgent message: it asks for the protective
//     step, which safeguarding routing would not take; a present risk in the
//     same words ("he's outside", "he'll kill me") still overrides.
//   - An ordinary service transaction (cancelling a blue badge or a permit,
//     changing a bin day or a direct debit) names no right.
//   - Complaint means a complaint about how personal data was handled. A
//     complaint about bins or roads is not a rights matter (Type None).
//   - Safeguarding (a present risk of harm to a child or adult, self-harm,
//     domestic violence) overrides everything: Type None, not actionable, so the
//     caller gives emergency contacts and starts no intake. Questions about how
//     safeguarding data is used, or requests for records of a past case, are
//     not urgent. On an urgent message OnBehalf says whether the person at
//     risk is someone other than the writer.
//
// This package is domain logic: it must not import network, database, chat or
// model libraries.
package rights

import (
	"errors"
	"fmt"
	"strings"
)

// Type names a data-protection right, or None for no right at all.
type Type string

// The rights a message can concern. The string values are stable: they are
// stored on cases and used in the labelled data.
const (
	None              Type = "none"
	Access            Type = "access"
	Rectification     Type = "rectification"
	Erasure           Type = "erasure"
	Restriction       Type = "restriction"
	Portability       Type = "portability"
	Objection         Type = "objection"
	AutomatedDecision Type = "automated_decision"
	WithdrawConsent   Type = "withdraw_consent"
	Complaint         Type = "complaint"
)

// ErrUnknownType is returned by ParseType for a name that is not a right.
var ErrUnknownType = errors.New("unknown right type")

// Types returns the nine rights in a fixed order (None is not included).
func Types() []Type {
	return []Type{Access, Rectification, Erasure, Restriction, Portability,
		Objection, AutomatedDecision, WithdrawConsent, Complaint}
}

// ParseType reads a type name as stored or typed by a person: case, spaces
// and hyphens are forgiven ("Automated decision" → AutomatedDecision).
func ParseType(s string) (Type, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer(" ", "_", "-", "_").Replace(k)
	if Type(k) == None {
		return None, nil
	}
	for _, t := range Types() {
		if Type(k) == t {
			return t, nil
		}
	}
	return None, fmt.Errorf("parse right %q: %w", s, ErrUnknownType)
}

// Label is the human name of the right, worded as residents see it.
func (t Type) Label() string {
	switch t {
	case None:
		return "No specific right"
	case Access:
		return "Right of access (a copy of your data)"
	case Rectification:
		return "Right to rectification (correcting inaccurate data)"
	case Erasure:
		return "Right to erasure (deleting your data)"
	case Restriction:
		return "Right to restrict processing (limiting how your data is used)"
	case Portability:
		return "Right to data portability (your data in a reusable electronic format)"
	case Objection:
		return "Right to object (stopping a particular use of your data)"
	case AutomatedDecision:
		return "Rights about automated decision-making and profiling"
	case WithdrawConsent:
		return "Right to withdraw consent"
	case Complaint:
		return "Complaint about how your personal data was handled"
	}
	return string(t)
}

// Intent is what a message asks for.
type Intent struct {
	// Type is the right concerned, None for a plain information question.
	// An information question may still be about a right (Actionable false).
	Type Type
	// Actionable is true when the person wants to exercise the right now, so
	// the conversation should start intake for a DPO case.
	Actionable bool
	// Confidence is a 0..1 heuristic from the rule margins (not a calibrated
	// probability); callers may ask a clarifying question when it is low.
	Confidence float64
	// Safeguarding marks an urgent risk of harm: give emergency contacts and
	// start no intake.
	Safeguarding bool
	// ByModel marks a safeguarding message that only the model over word
	// vectors took for urgent, none of the vocabulary's cues enough, or that
	// tells of someone who may be an abuser finding where the writer lives
	// with no word of fear (foundWhereTheyLive): the danger is less certain,
	// so what else the message asks is answered too, after the safeguarding
	// reply.
	ByModel bool
	// SelfHarm marks a safeguarding message about suicide or self-harm (the
	// writer's or someone else's), for which a crisis line helps more than a
	// safeguarding team.
	SelfHarm bool
	// DomesticAbuse marks a safeguarding message whose writer is themselves at risk from a
	// partner or former partner ("I've had to leave my partner because he was violent and I'm in
	// a refuge now"), not reporting someone else (OnBehalf): a domestic abuse helpline speaks to
	// them, where a safeguarding team is whom a concern about another is reported to.
	DomesticAbuse bool
	// OthersAtRisk marks a DomesticAbuse message that names a child or a relative too ("my
	// husband hits our daughter, I left him last week"): their safety is the safeguarding team's,
	// whom the reply names beside the helpline.
	OthersAtRisk bool
	// OnBehalf is true when the message concerns someone else's data (a
	// relative, client or person cared for), so intake must ask for authority.
	// On a Safeguarding message it is true when the person at risk is
	// someone other than the writer (a neighbour, a child, a parent).
	OnBehalf bool
	// read is the message Classify read, with its normalised text: the readings asked of the
	// same message after it (Intent.AsksWhatIsHeld, Intent.TellsOfPostRead, and those of an
	// address let out or asked after: Intent.TellsOfAddressGivenAway, TellsOfBeingFound …) take
	// that text, not normalising the message a second time.
	read normalized
}
