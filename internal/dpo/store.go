package dpo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/deadline"
)

// Store keeps cases, their audit trails and the outbox. It is the one large interface of the
// project, implemented by internal/sqlite and internal/postgres and proven by dpotest.Run (and
// their migrations that mend older data by dpotest.RunDataMigrations).
//
// The rules live in this package, not in the stores: Update hands the case to a function (one of
// Case's methods, via Queue) inside the store's transaction, so a store only loads, locks, saves
// and appends.
type Store interface {
	// Create stores a new case in one transaction with its first audit event and an outbox row.
	// It allocates the reference (RefYear of c.Received plus the next number in that year) inside
	// the transaction and returns the stored case. When c.IdempotencyKey is not empty and a case
	// with that key exists, Create stores nothing and returns that case with created=false; this
	// holds for concurrent calls too.
	Create(ctx context.Context, c Case, first Event) (stored Case, created bool, err error)
	// Get returns the case with the given canonical reference, or ErrNotFound.
	Get(ctx context.Context, ref string) (Case, error)
	// List returns the cases matching f, soonest due first (cases without a due date last). Its
	// search is matched in the store's query (SearchSQL) against each case's SearchText, which the
	// store keeps in SearchColumn: written by Create, and for the cases stored before, or under an
	// older SearchTextVersion, when the store opens. (Update saves none of the fields it is made
	// of; a store that comes to save one must write it again.)
	List(ctx context.Context, f Filter) ([]Case, error)
	// Update loads the case, locks it against concurrent updates, calls fn on it, and — when fn
	// succeeds — saves the changed case and appends the event fn returned, in one transaction.
	// An error from fn is returned (wrapped) and nothing is saved.
	Update(ctx context.Context, ref string, fn func(*Case) (Event, error)) (Case, error)
	// Events returns the case's audit trail, oldest first, or ErrNotFound.
	Events(ctx context.Context, ref string) ([]Event, error)
	// Assignees returns the names the cases f selects are assigned to (AssignedTo; nobody is no
	// name), each spelling once, sorted (byte order); f.Limit is not applied. It answers in one
	// query, reading names rather than cases: whom a queue of many thousand cases can be
	// filtered by.
	Assignees(ctx context.Context, f Filter) ([]string, error)
	// TrailAssignees returns every name an assignment on an audit trail gave a case to
	// (Event.Assignee), each spelling once, sorted: the names the cases' AssignedTo has since
	// forgotten too. It answers in one query, never reading each case's trail.
	TrailAssignees(ctx context.Context) ([]string, error)

	// ClaimOutbox claims up to limit outbox rows not yet delivered to the named notifier whose
	// next attempt is due at now, counting an attempt and hiding them from other claimers until
	// leaseUntil. Two claimers never get the same row while a lease runs.
	ClaimOutbox(ctx context.Context, notifier string, now, leaseUntil time.Time, limit int) ([]Delivery, error)
	// MarkDelivered records that d was delivered; it is never claimed again for that notifier.
	MarkDelivered(ctx context.Context, d Delivery, at time.Time) error
	// MarkFailed records a failed attempt at d; it can be claimed again from retryAt.
	MarkFailed(ctx context.Context, d Delivery, retryAt time.Time, reason string) error
}

// Filter selects cases for Store.List. Zero fields don't filter.
type Filter struct {
	Statuses      []Status
	Organisations []string // matched case-insensitively
	// Overdue keeps open cases whose due date has passed at Now (Due < OverdueBefore()).
	Overdue bool
	// DueWithin keeps open cases due by Now+DueWithin (Due <= DueBy()) — overdue ones included,
	// since those are the most urgent of all.
	DueWithin time.Duration
	// AssignedTo keeps the cases assigned to this member of the team: the name as assigned, in
	// any case ("Alice" finds alice's), never a part of it.
	AssignedTo string
	// Unassigned keeps the cases assigned to nobody. With AssignedTo too, nothing matches.
	Unassigned bool
	// Safeguarding keeps the cases whose chat read a risk to someone's safety (Case.Safeguarding).
	Safeguarding bool
	// NeedsTimeLimit keeps the open, confirmed law-enforcement (Part 3) requests whose time limit
	// the DPO has not set (Case.NeedsTimeLimit): those no deadline filter lists, found without
	// reading every case.
	NeedsTimeLimit bool
	// LawEnforcement keeps the cases flagged as law-enforcement (Part 3) requests, those the DPO
	// is still deciding on and those confirmed (Case.LawEnforcement is not NotLawEnforcement):
	// the digest's Part 3 list, found without reading every open case.
	LawEnforcement bool
	// Search keeps the cases whose reference, requester's name, the name of whom the request is
	// for, or contact holds each of its words, in any order, in any case, with or without accents
	// and apostrophes (a part is enough: "bloggs", "07700", "000123"; "sharma priya" finds Priya
	// Sharma, "osullivan" Niamh O’Sullivan); one it names by a reference in any form ParseRef
	// reads ("dpo 2026 5"); and, when it reads as a phone number, those whose contact is that
	// number however either is written ("07700 900123" finds +44 7700-900-123). Stores match it
	// in their query against the case's SearchText (SearchSQL).
	Search string
	// Now is the reference time for Overdue and DueWithin; required when either is set.
	Now   time.Time
	Limit int // 0: no limit
}

// OverdueBefore is the cut-off for Overdue: a case whose due date is before today's UK date is
// overdue (due dates are dates, stored as 00:00 UTC, and the whole due day counts).
func (f Filter) OverdueBefore() time.Time { return deadline.LondonDate(f.Now) }

// DueBy is the cut-off for DueWithin: the UK date of Now+DueWithin; cases due on or before it
// match.
func (f Filter) DueBy() time.Time { return deadline.LondonDate(f.Now.Add(f.DueWithin)) }

// SearchRef is the reference Search names (ParseRef's canonical form), or "".
func (f Filter) SearchRef() string {
	ref, err := ParseRef(f.Search)
	if err != nil {
		return ""
	}
	return ref
}

// MaxSearch is the most characters a search (Filter.Search) may have: a name or an address.
const MaxSearch = 200

// CheckSearch refuses a search no case could match: over MaxSearch characters, or holding a
// control character (a line break pasted with it).
func CheckSearch(s string) error {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxSearch {
		return fmt.Errorf("%d characters; at most %d (a reference, a name or a contact, or part of one)", utf8.RuneCountInString(s), MaxSearch)
	}
	if strings.ContainsFunc(s, unicode.IsControl) {
		return errors.New("a line break or control character; search for one line (a reference, a name or a contact)")
	}
	return nil
}

// Delivery is one outbox row claimed for one notifier.
type Delivery struct {
	OutboxID int64
	Ref      string
	Notifier string
	Attempts int // including the current one
}
