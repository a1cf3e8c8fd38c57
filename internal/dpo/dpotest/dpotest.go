// Package dpotest is the contract suite every dpo.Store must pass: Run it from each
// implementation's tests with a function that opens a fresh, empty store. It drives the stores
// through dpo.Queue and dpo.Dispatcher, so what it proves is what the DPO and the requesters rely
// on: references, idempotency, the rule book and audit trail, deadlines, filters, the status
// lookup and the outbox.
//
// It imports only dpo, deadline and test libraries — never a database driver.
package dpotest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

// Clock is a settable clock for Queue.Now and Dispatcher.Now, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Add moves the clock on by d.
func (c *Clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// Date parses "2006-01-02" or an RFC 3339 time, failing the test on error.
func Date(t testing.TB, s string) time.Time {
	t.Helper()
	if len(s) == len(time.DateOnly) {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	d, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return d
}

// Sample returns a valid submission received at the given time, for tests to adjust.
func Sample(received time.Time, key string) dpo.Submission {
	return dpo.Submission{
		IdempotencyKey: key,
		Type:           dpo.Access,
		Organisation:   "Leeds City Council",
		Region:         deadline.EnglandAndWales,
		Received:       received,
		Channel:        dpo.ChannelWeb,
		Requester: dpo.Requester{
			Name:    "Jo Bloggs",
			Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo.bloggs@example.org"},
		},
		Service:     "Council tax",
		Description: "Copies of all records about my council tax account since 2020.",
		Excerpt:     "resident: I want everything you hold about me for council tax",
	}
}

var refRE = regexp.MustCompile(`^DPO-(\d{4})-(\d{6})$`)

// listedRefs are the references of the cases q lists for f, in its order.
func listedRefs(t *testing.T, ctx context.Context, q *dpo.Queue, f dpo.Filter) []string {
	t.Helper()
	cases, err := q.List(ctx, f)
	require.NoError(t, err)
	out := []string{}
	for _, c := range cases {
		out = append(out, c.Ref)
	}
	return out
}

// setupFor is the subtests' setup over open: a new store for each subtest, which runs in
// parallel, with its queue and a clock set at now.
func setupFor(open func(t *testing.T) dpo.Store) func(t *testing.T, now string) (*dpo.Queue, dpo.Store, *Clock) {
	return func(t *testing.T, now string) (*dpo.Queue, dpo.Store, *Clock) {
		t.Parallel()
		s := open(t)
		clock := NewClock(Date(t, now))
		return &dpo.Queue{Store: s, Now: clock.Now}, s, clock
	}
}

// Run runs the contract suite. open must return a new, empty store for each call; it is called
// once per subtest, and subtests run in parallel.
func Run(t *testing.T, open func(t *testing.T) dpo.Store) {
	ctx := context.Background()
	setup := setupFor(open)

	// A request logged after the day it was received (a letter entered weeks on) says on its
	// first audit line when it was entered, as a backdated change does; one logged the day it
	// came in needs no such word.
	t.Run("ALateLoggedRequestSaysWhenItWasRecorded", func(t *testing.T) {
		q, _, _ := setup(t, "2026-12-07T09:30:00Z")
		for _, tc := range []struct{ received, key, note string }{
			{"2026-10-31T00:00:00Z", "post-1", "request received (recorded 2026-12-07 09:30 UTC)"},
			{"2026-12-06T23:59:00Z", "post-2", "request received (recorded 2026-12-07 09:30 UTC)"},
			{"2026-12-07T00:00:00Z", "post-3", "request received"},
		} {
			sub := Sample(Date(t, tc.received), tc.key)
			sub.Channel = dpo.ChannelPost
			sub.Description += " " + tc.key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			events, err := q.Events(ctx, c.Ref)
			require.NoError(t, err)
			require.Len(t, events, 1)
			assert.Equal(t, tc.note, events[0].Note, tc.received)
			assert.True(t, events[0].At.Equal(Date(t, tc.received)), "dated when it was received")
		}
		// A chat's request begun before midnight and sent after it is no late entry (a review).
		sub := Sample(Date(t, "2026-12-06T23:58:00Z"), "web-1")
		sub.Channel = dpo.ChannelWeb
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "request received", events[0].Note)
	})

	t.Run("SubmitThenGet", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "web:msg-1")
		sub.Requester.OnBehalfOf = true
		sub.Requester.OnBehalfOfWhom = "Sam Bloggs (my son, 12)"
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		assert.Regexp(t, refRE, c.Ref)
		assert.True(t, strings.HasPrefix(c.Ref, "DPO-2026-"), c.Ref)

		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, c.Ref, got.Ref)
		assert.Equal(t, dpo.Access, got.Type)
		assert.Equal(t, "Leeds City Council", got.Organisation)
		assert.Equal(t, deadline.EnglandAndWales, got.Region)
		assert.True(t, sub.Received.Equal(got.Received), "received %s", got.Received)
		assert.Equal(t, dpo.ChannelWeb, got.Channel)
		assert.Equal(t, sub.Requester, got.Requester)
		assert.Equal(t, sub.Service, got.Service)
		assert.Equal(t, sub.Description, got.Description)
		assert.Equal(t, sub.Excerpt, got.Excerpt)
		assert.Equal(t, dpo.Received, got.Status)
		// One calendar month from the day of receipt; 2 April 2026 is a working day.
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly))
		assert.True(t, got.Created.Equal(Date(t, "2026-03-02T10:05:00Z")), "created %s", got.Created)

		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, dpo.EventSubmitted, events[0].Kind)
		assert.Equal(t, dpo.Received, events[0].To)
		assert.True(t, sub.Received.Equal(events[0].At))

		// References may be typed or read out loosely.
		loose, err := q.Get(ctx, strings.ToLower(strings.ReplaceAll(c.Ref, "-", " ")))
		require.NoError(t, err)
		assert.Equal(t, c.Ref, loose.Ref)
	})

	t.Run("PostalContactAndUnknownRef", func(t *testing.T) {
		q, s, _ := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "")
		sub.Channel = dpo.ChannelPhone
		sub.Region = deadline.Scotland
		sub.Requester.Contact = dpo.Contact{Kind: dpo.ContactPostal, Value: "1 High Street\nEdinburgh\nEH1 1AA"}
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		got, err := s.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, sub.Requester.Contact, got.Requester.Contact)
		assert.Equal(t, deadline.Scotland, got.Region)

		_, err = s.Get(ctx, "DPO-2026-999999")
		assert.ErrorIs(t, err, dpo.ErrNotFound)
		_, err = s.Events(ctx, "DPO-2026-999999")
		assert.ErrorIs(t, err, dpo.ErrNotFound)
		_, err = q.UpdateStatus(ctx, "DPO-2026-999999", dpo.Change{To: dpo.InProgress, Actor: "dpo"})
		assert.ErrorIs(t, err, dpo.ErrNotFound)
	})

	t.Run("InvalidSubmissionStoresNothing", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.Requester.Contact.Value = "not an address"
		_, err := q.Submit(ctx, sub)
		var fe *dpo.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "contact", fe.Field)
		all, err := q.List(ctx, dpo.Filter{})
		require.NoError(t, err)
		assert.Empty(t, all)
	})

	t.Run("IdempotentResubmission", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "slack:T1:C1:1712345678.000100")
		first, filed, err := q.SubmitOnce(ctx, sub)
		require.NoError(t, err)
		assert.True(t, filed, "the first submission files the case")
		again, filed, err := q.SubmitOnce(ctx, sub)
		require.NoError(t, err)
		assert.Equal(t, first.Ref, again.Ref)
		assert.False(t, filed, "a retry is told the case was filed before")

		// A burst of retries at once (a platform redelivering while we were slow) still makes one.
		other := Sample(Date(t, "2026-03-02T11:00:00Z"), "discord:interaction-42")
		const n = 8
		refs := make([]string, n)
		filedBy := make([]bool, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				c, filed, err := q.SubmitOnce(ctx, other)
				refs[i], filedBy[i], errs[i] = c.Ref, filed, err
			})
		}
		wg.Wait()
		for i := range n {
			require.NoError(t, errs[i])
			assert.Equal(t, refs[0], refs[i])
		}
		filings := 0
		for _, filed := range filedBy {
			if filed {
				filings++
			}
		}
		assert.Equal(t, 1, filings, "one of the burst filed it, and only one is told so")
		assert.NotEqual(t, first.Ref, refs[0])

		all, err := q.List(ctx, dpo.Filter{})
		require.NoError(t, err)
		assert.Len(t, all, 2)
		events, err := q.Events(ctx, refs[0])
		require.NoError(t, err)
		assert.Len(t, events, 1, "one submitted event, not one per retry")
	})

	t.Run("ReferencesUniqueAndSequentialPerYear", func(t *testing.T) {
		q, _, _ := setup(t, "2027-01-05T09:00:00Z")
		const n = 12
		refs := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				c, err := q.Submit(ctx, Sample(Date(t, "2026-06-01T09:00:00Z"), fmt.Sprintf("k%d", i)))
				refs[i], errs[i] = c.Ref, err
			})
		}
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
		sort.Strings(refs)
		for i, ref := range refs {
			assert.Equal(t, fmt.Sprintf("DPO-2026-%06d", i+1), ref)
		}
		// A new year starts again at 1; the year is the year of receipt, not of storing.
		late, err := q.Submit(ctx, Sample(Date(t, "2026-12-31T23:30:00Z"), "late"))
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("DPO-2026-%06d", n+1), late.Ref)
		next, err := q.Submit(ctx, Sample(Date(t, "2027-01-01T00:30:00Z"), "new-year"))
		require.NoError(t, err)
		assert.Equal(t, "DPO-2027-000001", next.Ref)
	})

	t.Run("TransitionsAndAppendOnlyAuditTrail", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)

		steps := []struct {
			to   dpo.Status
			by   string
			note string
			kind dpo.EventKind
		}{
			{dpo.InProgress, "alex", "searching systems", dpo.EventStatus},
			{dpo.AwaitingClarification, "alex", "which years?", dpo.EventClarificationRequested},
			{dpo.InProgress, "alex", "2020 onwards", dpo.EventClarificationAnswered},
			{dpo.Completed, "sam", "sent by secure email", dpo.EventStatus},
		}
		trail, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		for i, st := range steps {
			clock.Add(24 * time.Hour)
			updated, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: st.to, Actor: st.by, Note: st.note})
			require.NoError(t, err, "step %d", i)
			assert.Equal(t, st.to, updated.Status)
			events, err := q.Events(ctx, c.Ref)
			require.NoError(t, err)
			require.Len(t, events, i+2)
			// Append-only: everything seen before is still there, unchanged, in order.
			assert.Equal(t, trail, events[:len(trail)])
			last := events[len(events)-1]
			assert.Equal(t, st.kind, last.Kind)
			assert.Equal(t, st.by, last.Actor)
			assert.Equal(t, st.note, last.Note)
			assert.Equal(t, st.to, last.To)
			assert.True(t, last.At.Equal(clock.Now()), "event at %s", last.At)
			assert.Equal(t, trail[len(trail)-1].To, last.From)
			trail = events
		}
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.Closed.Equal(clock.Now()))

		_, err = q.AddNote(ctx, c.Ref, "requester said thanks", "alex")
		require.NoError(t, err)
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		require.Len(t, events, len(trail)+1)
		assert.Equal(t, trail, events[:len(trail)])
		assert.Equal(t, dpo.EventNote, events[len(trail)].Kind)
		assert.Equal(t, dpo.Completed, events[len(trail)].To)
	})

	t.Run("InvalidTransitionRefused", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Withdrawn, Actor: "alex", Note: "requester withdrew by phone"})
		require.NoError(t, err)

		for _, to := range []dpo.Status{dpo.InProgress, dpo.Completed, dpo.Received, dpo.Withdrawn} {
			_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: to, Actor: "alex", Note: "x"})
			assert.ErrorIs(t, err, dpo.ErrInvalidTransition, "withdrawn → %s", to)
		}
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: "archived", Actor: "alex"})
		assert.ErrorIs(t, err, dpo.ErrInvalid)

		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.Withdrawn, got.Status)
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		assert.Len(t, events, 2, "refused changes leave no trace in the trail")
	})

	t.Run("ACaseClosedByMistakeIsReopened", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		clock.Add(2 * time.Hour)

		got, err := q.Reopen(ctx, c.Ref, "closed the wrong case", "sam")
		require.NoError(t, err)
		assert.Equal(t, dpo.InProgress, got.Status)
		stored, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.InProgress, stored.Status)
		assert.True(t, stored.Closed.IsZero(), "saved open")
		assert.True(t, stored.Due.Equal(c.Due), "with its due date")
		assert.Equal(t, []string{c.Ref}, listedRefs(t, ctx, q, dpo.Filter{Statuses: dpo.OpenStatuses()}), "back on the open queue")
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		last := events[len(events)-1]
		assert.Equal(t, dpo.EventReopened, last.Kind)
		assert.Equal(t, "sam", last.Actor)
		assert.Equal(t, "closed the wrong case", last.Note)
		assert.Equal(t, dpo.Completed, last.From)

		_, err = q.Reopen(ctx, c.Ref, "again", "sam")
		assert.ErrorIs(t, err, dpo.ErrInvalidTransition, "an open case isn't reopened")
	})

	// When the bank holidays in use change (PRIVACYBOT_HOLIDAYS edited), an open case's due date
	// is moved to the new calendar's once, on its trail by the queue, not silently by the next
	// unrelated change; a closed case keeps its own until it is reopened.
	t.Run("ADueDateFollowsTheBankHolidaysOnTheTrail", func(t *testing.T) {
		builtIn, _, clock := setup(t, "2026-11-27T10:05:00Z")
		cancelled, err := deadline.DefaultCalendar().WithChanges("hol.yaml", []byte("holidays:\n  - date: 2026-12-28\n    cancel: true\n"))
		require.NoError(t, err)
		edited := &dpo.Queue{Store: builtIn.Store, Now: clock.Now, Calendar: cancelled}
		received := Date(t, "2026-11-27T10:00:00Z") // a month on is Sunday 27 December; the 28th is a bank holiday
		open, err := builtIn.Submit(ctx, Sample(received, "open"))
		require.NoError(t, err)
		require.Equal(t, "2026-12-29", open.Due.Format(time.DateOnly))
		closedSub := Sample(received, "closed")
		closedSub.Description += " (another)"
		closed, err := builtIn.Submit(ctx, closedSub)
		require.NoError(t, err)
		_, err = builtIn.UpdateStatus(ctx, closed.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		trail := func(ref string) []string {
			events, err := builtIn.Events(ctx, ref)
			require.NoError(t, err)
			var out []string
			for _, e := range events {
				out = append(out, e.Actor+": "+string(e.Kind)+": "+e.Note)
			}
			return out
		}
		due := func(ref string) string {
			c, err := builtIn.Get(ctx, ref)
			require.NoError(t, err)
			return c.Due.Format(time.DateOnly)
		}

		clock.Add(24 * time.Hour)
		moved, err := edited.Recalendar(ctx)
		require.NoError(t, err)
		require.Len(t, moved, 1, "the open case only")
		assert.Equal(t, open.Ref, moved[0].Ref)
		assert.Equal(t, "2026-12-28", due(open.Ref))
		assert.Equal(t, "2026-12-29", due(closed.Ref), "a closed case keeps its due date")
		cases, err := edited.List(ctx, dpo.Filter{Statuses: dpo.OpenStatuses()})
		require.NoError(t, err)
		require.Len(t, cases, 1)
		assert.Equal(t, "2026-12-28", cases[0].Due.Format(time.DateOnly), "listed as the calendar gives it")
		again, err := edited.Recalendar(ctx)
		require.NoError(t, err)
		assert.Empty(t, again, "once")
		moveTo28 := "system: due_date_moved: due date moved from 2026-12-29 to 2026-12-28: bank holidays changed"
		assert.Equal(t, []string{"requester via web: submitted: request received", moveTo28}, trail(open.Ref))

		// A change by a process with the other calendar moves it back first, on the trail.
		clock.Add(time.Hour)
		got, err := builtIn.UpdateStatus(ctx, open.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)
		assert.Equal(t, "2026-12-29", got.Due.Format(time.DateOnly))
		assert.Equal(t, []string{"requester via web: submitted: request received", moveTo28,
			"system: due_date_moved: due date moved from 2026-12-28 to 2026-12-29: bank holidays changed",
			"alex: status: "}, trail(open.Ref))

		// Reopened, the closed case is open again, with the calendar's due date, said so.
		got, err = edited.Reopen(ctx, closed.Ref, "closed the wrong case", "sam")
		require.NoError(t, err)
		assert.Equal(t, "2026-12-28", got.Due.Format(time.DateOnly))
		closedTrail := trail(closed.Ref)
		assert.Equal(t, []string{"sam: reopened: closed the wrong case", moveTo28}, closedTrail[len(closedTrail)-2:])
	})

	// A command on one case brings that case alone to the calendar in use (RecalendarCase): the
	// others wait for whatever lists them, which moves each (Recalendar).
	t.Run("OneCaseFollowsTheBankHolidaysAlone", func(t *testing.T) {
		builtIn, _, clock := setup(t, "2026-11-27T10:05:00Z")
		cancelled, err := deadline.DefaultCalendar().WithChanges("hol.yaml", []byte("holidays:\n  - date: 2026-12-28\n    cancel: true\n"))
		require.NoError(t, err)
		edited := &dpo.Queue{Store: builtIn.Store, Now: clock.Now, Calendar: cancelled}
		submit := func(key string) dpo.Case {
			sub := Sample(Date(t, "2026-11-27T10:00:00Z"), key) // due 29 December, or the 28th without its holiday
			sub.Description += " " + key
			c, err := builtIn.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		a, b, closed := submit("a"), submit("b"), submit("closed")
		_, err = builtIn.UpdateStatus(ctx, closed.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		due := func(ref string) string {
			c, err := builtIn.Get(ctx, ref)
			require.NoError(t, err)
			return c.Due.Format(time.DateOnly)
		}
		clock.Add(24 * time.Hour)
		const note = "due date moved from 2026-12-29 to 2026-12-28: bank holidays changed"
		for _, tc := range []struct {
			name, ref string
			moved     string // the case moved, "" for none
			dues      []string
		}{
			{"a case, its reference as typed", strings.ToLower(strings.ReplaceAll(a.Ref, "-", " ")), a.Ref, []string{"2026-12-28", "2026-12-29"}},
			{"the same case again", a.Ref, "", []string{"2026-12-28", "2026-12-29"}},
			{"a closed case keeps its date", closed.Ref, "", []string{"2026-12-28", "2026-12-29"}},
			{"no such case: the command says so", "DPO-2026-999999", "", []string{"2026-12-28", "2026-12-29"}},
			{"no reference: the command says so", "not a reference", "", []string{"2026-12-28", "2026-12-29"}},
			{"the other case", b.Ref, b.Ref, []string{"2026-12-28", "2026-12-28"}},
		} {
			moved, err := edited.RecalendarCase(ctx, tc.ref)
			require.NoError(t, err, tc.name)
			if tc.moved == "" {
				assert.Empty(t, moved, tc.name)
			} else if assert.Len(t, moved, 1, tc.name) {
				assert.Equal(t, tc.moved, moved[0].Ref, tc.name)
				assert.Equal(t, dpo.SystemName, moved[0].Actor, tc.name)
				assert.Equal(t, note, moved[0].Note, tc.name)
			}
			assert.Equal(t, tc.dues, []string{due(a.Ref), due(b.Ref)}, tc.name)
			assert.Equal(t, "2026-12-29", due(closed.Ref), tc.name)
		}
		rest, err := edited.Recalendar(ctx)
		require.NoError(t, err)
		assert.Empty(t, rest, "each moved once")
	})

	t.Run("WhatAClosingHidIsDatedWhenItHappened", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex"})
		require.NoError(t, err)
		clock.Add(10 * 24 * time.Hour)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Withdrawn, Actor: "alex", Note: "no reply"})
		require.NoError(t, err)
		clock.Add(2 * 24 * time.Hour)
		_, err = q.Reopen(ctx, c.Ref, "the ID was in the post room since 9 March", "sam")
		require.NoError(t, err)
		got, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "sam", At: Date(t, "2026-03-09")})
		require.NoError(t, err, "the ID's own day, before the closing")
		assert.Equal(t, "2026-04-09", got.Due.Format(time.DateOnly), "a month from the day the ID arrived")
		assert.False(t, got.Reopened.IsZero(), "stored: when it was reopened")

		// Only what the closing hid goes back: closing it again "on time" in the past may not.
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "sam", At: Date(t, "2026-03-10")})
		require.ErrorIs(t, err, dpo.ErrInvalid)
		assert.Contains(t, err.Error(), "before the case was reopened")
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "sam"})
		require.NoError(t, err, "closed now")
	})

	t.Run("AChangeFromAnOldLookIsRefused", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		looked, err := q.Get(ctx, c.Ref) // as stored: its Updated as the store keeps it
		require.NoError(t, err)
		_, err = q.Seen(looked.Updated).AddNote(ctx, c.Ref, "nothing changed since I looked", "alice")
		require.NoError(t, err, "a look as recent as the case's last change")
		clock.Add(time.Minute)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "bob"})
		require.NoError(t, err)
		_, err = q.Seen(looked.Updated).UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alice"})
		require.ErrorIs(t, err, dpo.ErrChangedSince)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.AwaitingVerification, got.Status, "bob's change stands")
	})

	// A note sent twice from one look (a double click, a resubmitted form) is added once, and the
	// second time is told so; another note, or the same words from someone else, is added
	// whatever changed since (a note undoes nothing).
	t.Run("ANoteSentTwiceIsAddedOnce", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		looked, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		page := q.Seen(looked.Updated)
		clock.Add(time.Minute) // 10:01: the note is written
		_, err = page.AddNote(ctx, c.Ref, "Rang the requester\r\nabout the address", "alice")
		require.NoError(t, err)
		clock.Add(time.Second)
		_, err = page.AddNote(ctx, c.Ref, " Rang the requester\r\nabout the address ", "alice")
		require.ErrorIs(t, err, dpo.ErrNoChange)
		assert.Contains(t, err.Error(), c.Ref+" already has this note from alice, added at 10:01 after the page was loaded")
		clock.Add(time.Minute)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "bob"})
		require.NoError(t, err)
		_, err = page.AddNote(ctx, c.Ref, "Rang the requester\r\nabout the address", "alice")
		require.ErrorIs(t, err, dpo.ErrNoChange, "still the same note, whatever else changed")
		_, err = page.AddNote(ctx, c.Ref, "Rang the requester\r\nabout the address", "bob")
		require.NoError(t, err, "someone else's note")
		_, err = page.AddNote(ctx, c.Ref, "Left a voicemail", "alice")
		require.NoError(t, err, "another note, from a page older than bob's change")
		_, err = q.AddNote(ctx, c.Ref, "Left a voicemail", "alice")
		require.NoError(t, err, "from no page (the command line), as asked")
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		var notes []string
		for _, e := range events {
			if e.Kind == dpo.EventNote {
				notes = append(notes, e.Actor+": "+strings.ReplaceAll(e.Note, "\r\n", " / "))
			}
		}
		assert.Equal(t, []string{"alice: Rang the requester / about the address", "bob: Rang the requester / about the address",
			"alice: Left a voicemail", "alice: Left a voicemail"}, notes)
	})

	t.Run("AssignIfStillAsSeen", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		// Two of the team saw it unassigned; the first takes it, the second is told.
		_, err = q.AssignIf(ctx, c.Ref, "", "bob", "bob")
		require.NoError(t, err)
		_, err = q.AssignIf(ctx, c.Ref, "", "alice", "alice")
		require.ErrorIs(t, err, dpo.ErrChangedSince)
		assert.Contains(t, err.Error(), "is now assigned to bob; look again before changing it: the case has changed since you looked at it")
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "bob", got.AssignedTo)
		_, err = q.AssignIf(ctx, c.Ref, "bob", "alice", "alice")
		require.NoError(t, err, "seen as bob's, taken on purpose")
	})

	t.Run("ANoteTooLongIsRefusedWhole", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		long := strings.Repeat("é", dpo.MaxNote+1)
		_, err = q.AddNote(ctx, c.Ref, long, "alex")
		assert.ErrorIs(t, err, dpo.ErrInvalid)
		_, err = q.Extend(ctx, c.Ref, long, "alex")
		assert.ErrorIs(t, err, dpo.ErrInvalid, "a reason too")
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.False(t, got.Extended, "nothing of a refused change is saved")
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		assert.Len(t, events, 1)
		_, err = q.AddNote(ctx, c.Ref, strings.Repeat("é", dpo.MaxNote), "alex")
		assert.NoError(t, err, "a note of the most characters allowed is kept")
		_, err = q.AddNote(ctx, c.Ref, strings.Repeat("line\r\n", dpo.MaxNote/5), "alex")
		assert.NoError(t, err, "a browser's CRLF is one line break, one character")
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", Note: strings.Repeat("a", dpo.MaxNote),
			At: Date(t, "2026-03-02T12:00:00Z")})
		assert.NoError(t, err, "what the trail adds to a backdated change's note ('recorded …') doesn't count")
	})

	t.Run("UpdateErrorSavesNothing", func(t *testing.T) {
		q, s, _ := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		boom := errors.New("boom")
		_, err = s.Update(ctx, c.Ref, func(c *dpo.Case) (dpo.Event, error) {
			c.Status = dpo.Completed
			return dpo.Event{}, boom
		})
		assert.ErrorIs(t, err, boom)
		got, err := s.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.Received, got.Status)
	})

	t.Run("ExtensionInTime", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-20T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)
		_, err = q.Extend(ctx, c.Ref, "", "alex")
		assert.ErrorIs(t, err, dpo.ErrInvalid, "an extension needs a reason")

		ext, err := q.Extend(ctx, c.Ref, "records are in three archives", "alex")
		require.NoError(t, err)
		assert.Equal(t, dpo.Extended, ext.Status)
		assert.True(t, ext.Extended)
		assert.Equal(t, "records are in three archives", ext.ExtensionReason)
		// Three months from receipt instead of one.
		assert.Equal(t, "2026-06-02", ext.Due.Format(time.DateOnly))
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, ext.Due.Equal(got.Due))
		assert.Equal(t, "records are in three archives", got.ExtensionReason)

		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		last := events[len(events)-1]
		assert.Equal(t, dpo.EventExtended, last.Kind)
		assert.Equal(t, "records are in three archives", last.Note)

		_, err = q.Extend(ctx, c.Ref, "again", "alex")
		assert.ErrorIs(t, err, dpo.ErrInvalidTransition, "only one extension")
	})

	t.Run("ExtensionTooLate", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-10T10:00:00Z"))
		_, err = q.Extend(ctx, c.Ref, "we are busy", "alex")
		require.ErrorIs(t, err, dpo.ErrExtensionTooLate)
		assert.Contains(t, err.Error(), "its first month ended on Thursday 2 April 2026", "the team can check the day")
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.InProgress, got.Status)
		assert.False(t, got.Extended)
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly))
	})

	t.Run("BackdatedExtensionIsJudgedWhenRecorded", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-10T10:00:00Z")) // past the first month
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Extended, Actor: "alex", Note: "told on time", At: Date(t, "2026-03-20T00:00:00Z")})
		require.ErrorIs(t, err, dpo.ErrExtensionTooLate, "a date in the first month given now does not make it in time")
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.False(t, got.Extended)

		// A backdated change that is allowed says on the audit trail when it was entered.
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", Note: "started", At: Date(t, "2026-03-05T09:00:00Z")})
		require.NoError(t, err)
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		last := events[len(events)-1]
		assert.Equal(t, "2026-03-05", last.At.UTC().Format(time.DateOnly))
		assert.Contains(t, last.Note, "recorded 2026-04-10 10:00")
	})

	t.Run("IDAskedForAfterTheDueDateIsRefused", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-03T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-02T18:00:00Z")) // the due day itself: still in time
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex"})
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)

		late, err := q.Submit(ctx, Sample(Date(t, "2026-02-02T10:00:00Z"), "late")) // due 2 March, overdue
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, late.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex"})
		require.ErrorIs(t, err, dpo.ErrIDTooLate, "asking for ID now would give an overdue request a fresh month")
		got, err := q.Get(ctx, late.Ref)
		require.NoError(t, err)
		assert.Equal(t, "2026-03-02", got.Due.Format(time.DateOnly), "the due date stands")
		assert.Equal(t, dpo.Received, got.Status)
	})

	t.Run("ClarificationAskedForAfterTheDueDateIsRefused", func(t *testing.T) {
		q, _, _ := setup(t, "2026-04-10T10:00:00Z")
		late, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "late")) // due 2 April, overdue
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, late.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex", Note: "which?", At: Date(t, "2026-03-05T00:00:00Z")})
		require.ErrorIs(t, err, dpo.ErrClarificationTooLate, "a pause dated back into the month would move an overdue due date")
		got, err := q.Get(ctx, late.Ref)
		require.NoError(t, err)
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly))
	})

	t.Run("ChangesAreRecordedInTheOrderTheyHappened", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-10T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex", Note: "which account?"})
		require.NoError(t, err)
		clock.Set(Date(t, "2026-03-12T10:00:00Z"))
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: Date(t, "2026-03-08T10:00:00Z")})
		var fe *dpo.FieldError
		require.ErrorAs(t, err, &fe, "answered before it was asked")
		assert.Equal(t, "at", fe.Field)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: Date(t, "2026-03-11T10:00:00Z")})
		require.NoError(t, err)
	})

	t.Run("ABackdatedChangeCantComeBeforeTheLastStatusChange", func(t *testing.T) {
		// Overdue since 2 April, picked up on 20 April: a close dated 5 March would make it look
		// answered in time. And ID can't arrive before it was asked for.
		q, s, clock := setup(t, "2026-04-20T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "alex", At: Date(t, "2026-03-05T10:00:00Z")})
		var fe *dpo.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "at", fe.Field)
		got, err := s.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.StatusChanged.Equal(Date(t, "2026-04-20T10:00:00Z")), "stored: %s", got.StatusChanged)

		clock.Set(Date(t, "2026-03-20T10:00:00Z"))
		d, err := q.Submit(ctx, Sample(Date(t, "2026-03-09T10:00:00Z"), "k2"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, d.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex", At: Date(t, "2026-03-15T10:00:00Z")})
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, d.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: Date(t, "2026-03-12T10:00:00Z")})
		require.ErrorAs(t, err, &fe, "ID received before it was asked for")
	})

	t.Run("ADateOnTheDayOfReceipt", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-02T18:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex"})
		require.NoError(t, err)
		// "ID arrived today", given as the date: read as the moment the request came in at the earliest.
		got, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: Date(t, "2026-03-02T00:00:00Z")})
		require.NoError(t, err)
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly))
	})

	t.Run("ClarificationPauseShiftsDueDate", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-10T09:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		before := c.Due
		paused, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex", Note: "which account?"})
		require.NoError(t, err)
		assert.True(t, paused.Due.IsZero(), "no due date while waiting for the answer")
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.Due.IsZero())

		clock.Set(Date(t, "2026-03-14T12:00:00Z"))
		resumed, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", Note: "answered by email"})
		require.NoError(t, err)
		require.False(t, resumed.Due.IsZero())
		assert.True(t, resumed.Due.After(before), "pause of 10–14 March pushes %s later, got %s", before, resumed.Due)
		got, err = q.Get(ctx, c.Ref)
		require.NoError(t, err)
		require.Len(t, got.Pauses, 1)
		assert.True(t, got.Pauses[0].From.Equal(Date(t, "2026-03-10T09:00:00Z")))
		assert.True(t, got.Pauses[0].To.Equal(Date(t, "2026-03-14T12:00:00Z")))
		want, ok, err := got.Clock().Due()
		require.NoError(t, err)
		require.True(t, ok)
		assert.True(t, want.Equal(got.Due), "stored due %s, clock says %s", got.Due, want)
	})

	t.Run("AwaitingIDHasNoDueDateUntilIDArrives", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.AwaitingID = true
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		assert.Equal(t, dpo.AwaitingVerification, c.Status)
		assert.True(t, c.Due.IsZero())
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.Due.IsZero())
		assert.True(t, got.AwaitingID)

		// The ID letter arrived on the 20th; it was logged on the 23rd. The clock restarts on the 20th.
		clock.Set(Date(t, "2026-03-23T09:00:00Z"))
		started, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex",
			Note: "passport copy", At: Date(t, "2026-03-20T11:00:00Z")})
		require.NoError(t, err)
		assert.Equal(t, "2026-04-20", started.Due.Format(time.DateOnly))
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		last := events[len(events)-1]
		assert.Equal(t, dpo.EventIDReceived, last.Kind)
		assert.True(t, last.At.Equal(Date(t, "2026-03-20T11:00:00Z")))

		// Asking for ID again stops the clock again.
		stopped, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex", Note: "copy unreadable"})
		require.NoError(t, err)
		assert.True(t, stopped.Due.IsZero())
	})

	t.Run("LawEnforcementRequestIsFlaggedForTheDPO", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.Description = "The evidence your trading standards officers used to prosecute me."
		sub.LawEnforcement = true
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, dpo.LawEnforcementSuspected, got.LawEnforcement, "the flag is stored")
		// Undecided, it is worked to the date UK GDPR gives it, so it can't drop out of the
		// overdue and due-soon lists; the requester is promised no date.
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly))
		due, err := q.List(ctx, dpo.Filter{DueWithin: 40 * 24 * time.Hour, Now: clock.Now()})
		require.NoError(t, err)
		require.Len(t, due, 1)
		rep, err := q.Status(ctx, c.Ref, sub.Requester.Contact.Value)
		require.NoError(t, err)
		assert.True(t, rep.Due.IsZero())
		assert.True(t, rep.TimeLimitPending)

		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "", "alex")
		require.ErrorIs(t, err, dpo.ErrInvalid, "a decision needs its reason")

		// Confirmed, it has no UK GDPR date: rule 8.
		confirmed, err := q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "trading standards prosecution file", "alex")
		require.NoError(t, err)
		assert.Equal(t, dpo.LawEnforcementConfirmed, confirmed.LawEnforcement)
		assert.True(t, confirmed.Due.IsZero())
		assert.Contains(t, confirmed.NoDueDate(), "Part 3")
		// No extension of a UK GDPR date a Part 3 request doesn't have.
		_, err = q.Extend(ctx, c.Ref, "complex", "alex")
		require.ErrorIs(t, err, dpo.ErrInvalidTransition)
		rep, err = q.Status(ctx, c.Ref, sub.Requester.Contact.Value)
		require.NoError(t, err)
		assert.True(t, rep.TimeLimitPending, "confirmed, the requester is still told the team will give the time limit")

		// Cleared six days later: the UK GDPR clock ran from receipt all along.
		clock.Set(Date(t, "2026-03-08T09:00:00Z"))
		cleared, err := q.MarkLawEnforcement(ctx, c.Ref, dpo.NotLawEnforcement, "only the licensing file; no prosecution", "sam")
		require.NoError(t, err)
		assert.Equal(t, dpo.NotLawEnforcement, cleared.LawEnforcement)
		assert.Equal(t, "2026-04-02", cleared.Due.Format(time.DateOnly))
		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.NotLawEnforcement, "again", "sam")
		require.ErrorIs(t, err, dpo.ErrNoChange, "clearing twice is refused")
		assert.NotContains(t, err.Error(), "status transition", "no status was changed")

		// Undecided, it may be extended within its first month like any other: cleared after
		// the month, the chance would be gone.
		d, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k2"))
		require.NoError(t, err)
		_, err = q.MarkLawEnforcement(ctx, d.Ref, dpo.LawEnforcementSuspected, "mentions a caution", "alex")
		require.NoError(t, err)
		extended, err := q.Extend(ctx, d.Ref, "three services' records", "alex")
		require.NoError(t, err)
		assert.Equal(t, "2026-06-02", extended.Due.Format(time.DateOnly))

		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		require.Len(t, events, 3)
		assert.Equal(t, dpo.EventLawEnforcement, events[1].Kind)
		assert.Contains(t, events[1].Note, "trading standards prosecution file")
		assert.Equal(t, "sam", events[2].Actor)
		assert.Contains(t, events[2].Note, "UK GDPR applies")
	})

	t.Run("TheDPOSetsAPart3RequestsTimeLimit", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.LawEnforcement = true
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		other, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k2"))
		require.NoError(t, err)

		// Only a confirmed Part 3 request has a time limit the DPO sets; the others follow UK GDPR.
		for _, ref := range []string{c.Ref, other.Ref} {
			_, err = q.SetTimeLimit(ctx, ref, Date(t, "2026-03-20"), "investigation file is short", "alex")
			require.ErrorIs(t, err, dpo.ErrNotAllowed)
			assert.Contains(t, err.Error(), "UK GDPR clock (due 2026-04-02)")
		}
		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "trading standards prosecution file", "alex")
		require.NoError(t, err)
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-03-20"), "", "alex")
		require.ErrorIs(t, err, dpo.ErrInvalid, "a time limit needs its reason")
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-03-01"), "backdated", "alex")
		require.ErrorIs(t, err, dpo.ErrInvalid, "not before the request was received")
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-03-20T15:00:00Z"), "a moment", "alex")
		require.ErrorIs(t, err, dpo.ErrInvalid, "a date, not a time")

		set, err := q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-03-20"), "a short file; Part 3 s.45", "alex")
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, set, got)
		assert.Equal(t, "2026-03-20", got.Due.Format(time.DateOnly), "the time limit is its due date")
		assert.Equal(t, "2026-03-20", got.TimeLimit.Format(time.DateOnly))
		assert.Equal(t, "a short file; Part 3 s.45", got.TimeLimitReason)
		assert.Empty(t, got.NoDueDate())
		rep, err := q.Status(ctx, c.Ref, sub.Requester.Contact.Value)
		require.NoError(t, err)
		assert.False(t, rep.TimeLimitPending, "the requester is given the date")
		assert.Equal(t, "2026-03-20", rep.Due.Format(time.DateOnly))

		// It sorts, comes up as due this week and then as overdue, like any other.
		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		assert.Equal(t, []string{c.Ref, other.Ref}, refs(dpo.Filter{}), "soonest due first")
		clock.Set(Date(t, "2026-03-16T09:00:00Z"))
		assert.Equal(t, []string{c.Ref}, refs(dpo.Filter{DueWithin: 7 * 24 * time.Hour}))
		clock.Set(Date(t, "2026-03-21T09:00:00Z"))
		assert.Equal(t, []string{c.Ref}, refs(dpo.Filter{Overdue: true}))
		got, err = q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.Overdue(clock.Now()))

		// Changed (each change on the audit trail), then dropped when the flag is cleared.
		changed, err := q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-04-17"), "the police asked us to wait", "sam")
		require.NoError(t, err)
		assert.Equal(t, "2026-04-17", changed.Due.Format(time.DateOnly))
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-04-17"), "again", "sam")
		require.ErrorIs(t, err, dpo.ErrNoChange, "already due then")
		assert.Contains(t, err.Error(), "is already due 2026-04-17: nothing to change")
		cleared, err := q.MarkLawEnforcement(ctx, c.Ref, dpo.NotLawEnforcement, "only the licensing file", "sam")
		require.NoError(t, err)
		assert.True(t, cleared.TimeLimit.IsZero())
		assert.Empty(t, cleared.TimeLimitReason)
		assert.Equal(t, "2026-04-02", cleared.Due.Format(time.DateOnly), "the UK GDPR clock again, from receipt")
		reconfirmed, err := q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "it is the prosecution file after all", "alex")
		require.NoError(t, err)
		assert.True(t, reconfirmed.Due.IsZero(), "no time limit until the DPO sets one again")
		assert.Contains(t, reconfirmed.NoDueDate(), "none is set yet")

		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		var kinds []dpo.EventKind
		for _, e := range events {
			kinds = append(kinds, e.Kind)
		}
		assert.Equal(t, []dpo.EventKind{dpo.EventSubmitted, dpo.EventLawEnforcement, dpo.EventTimeLimit, dpo.EventTimeLimit,
			dpo.EventLawEnforcement, dpo.EventLawEnforcement}, kinds, "every change audited; refused ones not")
		assert.Equal(t, "alex", events[2].Actor)
		assert.Equal(t, "Part 3 time limit set: due 2026-03-20: a short file; Part 3 s.45", events[2].Note)
		assert.Equal(t, "Part 3 time limit changed from 2026-03-20 to 2026-04-17: the police asked us to wait", events[3].Note)
		assert.Contains(t, events[4].Note, "the Part 3 time limit, 2026-04-17, no longer applies")

		// A closed case has none to set.
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-04-30"), "late", "alex")
		require.ErrorIs(t, err, dpo.ErrNotAllowed)
	})

	// The confirmed Part 3 requests with no time limit, which no deadline filter lists, are the
	// store's to find (the dashboard says which on every page): exactly Case.NeedsTimeLimit's.
	t.Run("ListThePart3RequestsWithNoTimeLimit", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		submit := func(key, org string, le dpo.LawEnforcement, edit func(ref string)) string {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.Organisation, sub.AwaitingID = org, key == "awaiting-id"
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			if le != dpo.NotLawEnforcement {
				_, err = q.MarkLawEnforcement(ctx, c.Ref, le, "a prosecution file", "alex")
				require.NoError(t, err)
			}
			if edit != nil {
				edit(c.Ref)
			}
			return c.Ref
		}
		const leeds, bristol = "Leeds City Council", "Bristol City Council"
		needs := submit("needs", leeds, dpo.LawEnforcementConfirmed, nil)
		submit("set", leeds, dpo.LawEnforcementConfirmed, func(ref string) {
			_, err := q.SetTimeLimit(ctx, ref, Date(t, "2026-04-20"), "the police asked us to wait", "alex")
			require.NoError(t, err)
		})
		submit("suspected", leeds, dpo.LawEnforcementSuspected, nil)
		submit("uk-gdpr", leeds, dpo.NotLawEnforcement, nil)
		submit("awaiting-id", leeds, dpo.NotLawEnforcement, nil) // no due date either, but its clock's
		submit("closed", leeds, dpo.LawEnforcementConfirmed, func(ref string) {
			_, err := q.UpdateStatus(ctx, ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
			require.NoError(t, err)
		})
		bristols := submit("bristol", bristol, dpo.LawEnforcementConfirmed, func(ref string) {
			_, err := q.Assign(ctx, ref, "Sam Patel", "alex")
			require.NoError(t, err)
		})

		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		all, err := q.List(ctx, dpo.Filter{})
		require.NoError(t, err)
		require.Equal(t, []string{needs, bristols}, dpo.NeedingTimeLimit(all))
		for _, tc := range []struct {
			name string
			f    dpo.Filter
			want []string
		}{
			{"every council's", dpo.Filter{NeedsTimeLimit: true}, []string{needs, bristols}},
			{"of a council", dpo.Filter{NeedsTimeLimit: true, Organisations: []string{"leeds city council"}}, []string{needs}},
			{"of the open ones, as the queue asks", dpo.Filter{NeedsTimeLimit: true, Statuses: dpo.OpenStatuses()}, []string{needs, bristols}},
			{"of a person's", dpo.Filter{NeedsTimeLimit: true, AssignedTo: "sam patel"}, []string{bristols}},
			{"of nobody's", dpo.Filter{NeedsTimeLimit: true, Unassigned: true}, []string{needs}},
			{"none closed", dpo.Filter{NeedsTimeLimit: true, Statuses: dpo.ClosedStatuses()}, []string{}},
			{"with a limit", dpo.Filter{NeedsTimeLimit: true, Limit: 1}, []string{needs}},
		} {
			assert.Equal(t, tc.want, refs(tc.f), tc.name)
		}
	})

	// The requests flagged as law enforcement (Part 3), those the DPO is deciding on and those
	// confirmed, are the store's to find (the Slack digest lists the open ones): not a cleared
	// one, nor an ordinary request.
	t.Run("ListTheLawEnforcementRequests", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		submit := func(key, org string, flags []dpo.LawEnforcement, edit func(ref string)) string {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.Organisation = org
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			for _, le := range flags {
				_, err = q.MarkLawEnforcement(ctx, c.Ref, le, "a prosecution file", "alex")
				require.NoError(t, err)
			}
			if edit != nil {
				edit(c.Ref)
			}
			return c.Ref
		}
		const leeds, bristol = "Leeds City Council", "Bristol City Council"
		suspected := submit("suspected", leeds, []dpo.LawEnforcement{dpo.LawEnforcementSuspected}, nil)
		confirmed := submit("confirmed", leeds, []dpo.LawEnforcement{dpo.LawEnforcementConfirmed}, nil)
		closed := submit("closed", leeds, []dpo.LawEnforcement{dpo.LawEnforcementConfirmed}, func(ref string) {
			_, err := q.UpdateStatus(ctx, ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
			require.NoError(t, err)
		})
		ordinary := submit("uk-gdpr", leeds, nil, nil)
		cleared := submit("cleared", leeds, []dpo.LawEnforcement{dpo.LawEnforcementSuspected, dpo.NotLawEnforcement}, nil)
		bristols := submit("bristol", bristol, []dpo.LawEnforcement{dpo.LawEnforcementSuspected}, func(ref string) {
			_, err := q.Assign(ctx, ref, "Sam Patel", "alex")
			require.NoError(t, err)
		})

		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		now := Date(t, "2026-03-30T09:00:00Z")
		// Soonest due first: the suspected ones keep their UK GDPR date (2 April); the confirmed
		// ones have none (no time limit set), so come last.
		for _, tc := range []struct {
			name string
			f    dpo.Filter
			want []string
		}{
			{"every council's", dpo.Filter{LawEnforcement: true}, []string{suspected, bristols, confirmed, closed}},
			{"the open ones, as the digest asks", dpo.Filter{LawEnforcement: true, Statuses: dpo.OpenStatuses(), Now: now},
				[]string{suspected, bristols, confirmed}},
			{"of a council", dpo.Filter{LawEnforcement: true, Organisations: []string{"leeds city council"}}, []string{suspected, confirmed, closed}},
			{"of a person's", dpo.Filter{LawEnforcement: true, AssignedTo: "sam patel"}, []string{bristols}},
			{"due this week", dpo.Filter{LawEnforcement: true, DueWithin: 7 * 24 * time.Hour, Now: now}, []string{suspected, bristols}},
			{"closed", dpo.Filter{LawEnforcement: true, Statuses: dpo.ClosedStatuses()}, []string{closed}},
			{"with a limit", dpo.Filter{LawEnforcement: true, Limit: 1}, []string{suspected}},
			{"without the filter", dpo.Filter{}, []string{suspected, ordinary, cleared, bristols, confirmed, closed}},
		} {
			assert.Equal(t, tc.want, refs(tc.f), tc.name)
		}
	})

	t.Run("AFlagCantGiveAnOverdueRequestANewMonth", func(t *testing.T) {
		// Due 2 April, overdue on 20 April: flagged as possibly Part 3 (or confirmed), ID asked
		// for, the flag cleared, ID in: that would restart the month and hide that it was late.
		q, _, _ := setup(t, "2026-04-20T10:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		for _, flag := range []dpo.LawEnforcement{dpo.LawEnforcementSuspected, dpo.LawEnforcementConfirmed} {
			_, err = q.MarkLawEnforcement(ctx, c.Ref, flag, "mentions a prosecution", "alex")
			require.NoError(t, err)
			_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex"})
			require.ErrorIs(t, err, dpo.ErrIDTooLate, string(flag))
			assert.Contains(t, err.Error(), "(due 2026-04-02)", "the UK GDPR date it is past")
			_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingClarification, Actor: "alex"})
			require.ErrorIs(t, err, dpo.ErrClarificationTooLate, string(flag))
		}
	})

	t.Run("ListFilters", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-30T09:00:00Z")
		submit := func(received, org, key string) dpo.Case {
			sub := Sample(Date(t, received), key)
			sub.Organisation = org
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		overdue := submit("2026-02-02T10:00:00Z", "Leeds City Council", "overdue") // due early March
		soon := submit("2026-03-05T10:00:00Z", "Bristol City Council", "soon")     // due early April
		later := submit("2026-03-28T10:00:00Z", "Leeds City Council", "later")     // due late April
		done := submit("2026-02-03T10:00:00Z", "Bristol City Council", "done")     // would be overdue
		onBehalf := Sample(Date(t, "2026-02-04T10:00:00Z"), "waiting-on-id")       // no due date until authority arrives
		onBehalf.Organisation, onBehalf.AwaitingID = "Cardiff Council", true
		onBehalf.Requester.OnBehalfOf, onBehalf.Requester.OnBehalfOfWhom = true, "Pat Doe"
		waiting, err := q.Submit(ctx, onBehalf)
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, done.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-01T09:00:00Z"))

		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		assert.Equal(t, []string{overdue.Ref}, refs(dpo.Filter{Overdue: true}))
		assert.Equal(t, []string{overdue.Ref, soon.Ref}, refs(dpo.Filter{DueWithin: 7 * 24 * time.Hour}),
			"due within a week, most urgent first, overdue included")
		assert.Equal(t, []string{done.Ref}, refs(dpo.Filter{Statuses: []dpo.Status{dpo.Completed}}))
		assert.Equal(t, []string{overdue.Ref, later.Ref}, refs(dpo.Filter{Organisations: []string{"leeds city council"}}))
		assert.Equal(t, []string{overdue.Ref, soon.Ref, later.Ref, waiting.Ref},
			refs(dpo.Filter{Statuses: []dpo.Status{dpo.Received, dpo.AwaitingVerification}}),
			"soonest due first, no due date last")
		assert.Equal(t, []string{soon.Ref},
			refs(dpo.Filter{Organisations: []string{"Bristol City Council", "Cardiff Council"}, Statuses: []dpo.Status{dpo.Received}}))
		assert.Len(t, refs(dpo.Filter{}), 5)
		assert.Len(t, refs(dpo.Filter{Limit: 2}), 2)

		// The whole due day counts: on its due date a case is not yet overdue.
		c, err := q.Get(ctx, soon.Ref)
		require.NoError(t, err)
		clock.Set(c.Due.Add(20 * time.Hour))
		assert.NotContains(t, refs(dpo.Filter{Overdue: true}), soon.Ref)
		clock.Set(c.Due.Add(26 * time.Hour))
		assert.Contains(t, refs(dpo.Filter{Overdue: true}), soon.Ref)
	})

	// A caller on the phone is found by reference, name or contact, in any case and in part: the
	// store's query, with other filters.
	t.Run("ListBySearch", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		submit := func(key, name string, contact dpo.Contact, org string) dpo.Case {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.Requester.Name, sub.Requester.Contact, sub.Organisation = name, contact, org
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		jo := submit("jo", "Jo Bloggs", dpo.Contact{Kind: dpo.ContactEmail, Value: "Jo.Bloggs@Example.org"}, "Leeds City Council")
		zoe := submit("zoe", "ZOË ŁUKASZ", dpo.Contact{Kind: dpo.ContactPhone, Value: "07700-900-123"}, "Leeds City Council")
		pat := submit("pat", "Pat 100%_Sure", dpo.Contact{Kind: dpo.ContactPostal, Value: "14 Mill Road\nOlney MK46 4BB"}, "Bristol City Council")
		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		for _, tc := range []struct {
			search string
			want   []string
		}{
			{"bloggs", []string{jo.Ref}},
			{"  JO BLOGGS ", []string{jo.Ref}},
			{"jo.bloggs@example", []string{jo.Ref}},
			{"zoë łukasz", []string{zoe.Ref}},
			{"zoe\u0308", []string{zoe.Ref}}, // typed decomposed, stored composed (a review)
			{"07700-900", []string{zoe.Ref}},
			{"07700 900123", []string{zoe.Ref}},
			{"mk46", []string{pat.Ref}},
			{"100%_", []string{pat.Ref}},
			{"%", []string{pat.Ref}},
			{"_", []string{pat.Ref}},
			{"o_b", []string{}},
			{strings.ToLower(zoe.Ref), []string{zoe.Ref}},
			{"dpo 2026 2", []string{zoe.Ref}},
			{"DPO-2026-", []string{jo.Ref, zoe.Ref, pat.Ref}},
			{"nobody", []string{}},
		} {
			assert.Equal(t, tc.want, refs(dpo.Filter{Search: tc.search}), tc.search)
		}
		assert.Equal(t, []string{pat.Ref}, refs(dpo.Filter{Search: "dpo-2026", Organisations: []string{"Bristol City Council"}}),
			"with the other filters")
	})

	// A QA pass found callers' cases the search missed: a caller's name or number is found
	// however it was written when the case was logged and however the DPO types it on the phone
	// (curly or straight apostrophes or none, accents or none, names in any order, hyphens or
	// spaces, a UK number with +44, 0044 or 0), and so is the person an on-behalf request is for.
	t.Run("ListBySearchFindsACallerHoweverWritten", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		submit := func(key, name, whom string, contact dpo.Contact) dpo.Case {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.Requester.Name, sub.Requester.Contact = name, contact
			sub.Requester.OnBehalfOf, sub.Requester.OnBehalfOfWhom = whom != "", whom
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		email := func(v string) dpo.Contact { return dpo.Contact{Kind: dpo.ContactEmail, Value: v} }
		phone := func(v string) dpo.Contact { return dpo.Contact{Kind: dpo.ContactPhone, Value: v} }
		niamh := submit("niamh", "Niamh O’Sullivan", "", phone("+44 7700 900456"))
		priya := submit("priya", "Priya Sharma", "", phone("07700 900 321"))
		declan := submit("declan", "Declan O'Connor", "", email("declan@example.org"))
		siobhan := submit("siobhan", "Siobhán Murphy", "", email("s.murphy@example.org"))
		zoe := submit("zoe", "Zoë Evans", "", email("z.evans@example.org"))
		tom := submit("tom", "Tom Hughes", "Margaret Wright (my mother)", email("tom.hughes@example.org"))
		anne := submit("anne", "Anne-Marie Okafor", "", email("amo@example.org"))
		chidi := submit("chidi", "Chidi Okafor", "", phone("01908 654321"))
		yusuf := submit("yusuf", "Yusuf Al-Rashid", "", email("yusuf@example.org"))
		for _, tc := range []struct {
			search string
			want   []dpo.Case
		}{
			// A UK number whichever way it is written, on either side.
			{"07700 900456", []dpo.Case{niamh}},
			{"07700900456", []dpo.Case{niamh}},
			{"0044 7700 900456", []dpo.Case{niamh}},
			{"(07700) 900-456", []dpo.Case{niamh}},
			{"+44 (0)7700 900456", []dpo.Case{niamh}},
			{"7700 900456", []dpo.Case{niamh}},
			{"+44 7700 900321", []dpo.Case{priya}},
			{"+447700900321", []dpo.Case{priya}},
			{"0044-7700-900-321", []dpo.Case{priya}},
			{"447700900321", []dpo.Case{priya}},
			{"07700 900 321", []dpo.Case{priya}},
			{"+44 1908 654321", []dpo.Case{chidi}},
			{"07700 900 999", nil},
			// Apostrophes: curly, straight or none.
			{"O'Sullivan", []dpo.Case{niamh}},
			{"o’sullivan", []dpo.Case{niamh}},
			{"osullivan", []dpo.Case{niamh}},
			{"Niamh O'Sullivan", []dpo.Case{niamh}},
			{"O’Connor", []dpo.Case{declan}},
			{"oconnor", []dpo.Case{declan}},
			// Accents, typed or not.
			{"Siobhan", []dpo.Case{siobhan}},
			{"SIOBHÁN murphy", []dpo.Case{siobhan}},
			{"Zoe", []dpo.Case{zoe}},
			{"zoë evans", []dpo.Case{zoe}},
			// The person an on-behalf request is for.
			{"Margaret Wright", []dpo.Case{tom}},
			{"wright", []dpo.Case{tom}},
			// Each word, in any order, however spaced; a hyphen or a space between a name's parts.
			{"sharma priya", []dpo.Case{priya}},
			{"Priya  Sharma", []dpo.Case{priya}},
			{"Anne Marie", []dpo.Case{anne}},
			{"annemarie okafor", []dpo.Case{anne}},
			{"okafor", []dpo.Case{anne, chidi}},
			{"Al Rashid", []dpo.Case{yusuf}},
			{"alrashid", []dpo.Case{yusuf}},
			{"priya okafor", nil},
		} {
			want := []string{}
			for _, c := range tc.want {
				want = append(want, c.Ref)
			}
			assert.Equal(t, want, listedRefs(t, ctx, q, dpo.Filter{Search: tc.search}), tc.search)
		}
	})

	t.Run("ListByAssigneeInAnyCaseOfAnyLetter", func(t *testing.T) {
		// SQLite's lower() folds only ASCII letters: "émile zola" listed nothing of Émile Zola's
		// (a review), where the audit trail and the users matched it.
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "e"))
		require.NoError(t, err)
		_, err = q.Assign(ctx, c.Ref, "Émile Zola", "lead")
		require.NoError(t, err)
		assert.Equal(t, []string{c.Ref}, listedRefs(t, ctx, q, dpo.Filter{AssignedTo: "émile zola"}))
	})

	t.Run("ListByAssignee", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-30T09:00:00Z")
		submit := func(received, key string) dpo.Case {
			c, err := q.Submit(ctx, Sample(Date(t, received), key))
			require.NoError(t, err)
			return c
		}
		alexs, sams, nobodys := submit("2026-03-02T10:00:00Z", "a"), submit("2026-03-03T10:00:00Z", "s"), submit("2026-03-04T10:00:00Z", "n")
		alexClosed, handedBack := submit("2026-03-05T10:00:00Z", "ac"), submit("2026-03-06T10:00:00Z", "hb")
		for ref, who := range map[string]string{alexs.Ref: "alex", sams.Ref: "Sam Patel", alexClosed.Ref: "alex", handedBack.Ref: "alex"} {
			_, err := q.Assign(ctx, ref, who, "lead")
			require.NoError(t, err)
		}
		_, err := q.Assign(ctx, handedBack.Ref, "", "alex") // unassigned again: nobody's now
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, alexClosed.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-01T09:00:00Z"))

		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		assert.Equal(t, []string{alexs.Ref, alexClosed.Ref}, refs(dpo.Filter{AssignedTo: "alex"}))
		assert.Equal(t, []string{sams.Ref}, refs(dpo.Filter{AssignedTo: "Sam Patel"}))
		assert.Equal(t, []string{}, refs(dpo.Filter{AssignedTo: "Sam"}), "the name as assigned, not a part of it")
		assert.Equal(t, []string{sams.Ref}, refs(dpo.Filter{AssignedTo: "sam patel"}), "in any case")
		assert.Equal(t, []string{nobodys.Ref, handedBack.Ref}, refs(dpo.Filter{Unassigned: true}))
		assert.Equal(t, []string{alexs.Ref}, refs(dpo.Filter{AssignedTo: "alex", Statuses: dpo.OpenStatuses()}),
			"with the other filters")
		assert.Equal(t, []string{}, refs(dpo.Filter{AssignedTo: "alex", Unassigned: true}))
		assert.Len(t, refs(dpo.Filter{}), 5, "no assignee filter: everyone's")
	})

	// Whom a queue can be filtered by, and whom a case was ever given to, are each one query over
	// names, never a read of every case or every trail (a council has tens of thousands).
	t.Run("AssigneesOfTheCasesAndOnTheTrails", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-30T09:00:00Z")
		submit := func(received, key, org string, to ...string) dpo.Case {
			sub := Sample(Date(t, received), key)
			sub.Organisation = org
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			for _, who := range to {
				c, err = q.Assign(ctx, c.Ref, who, "lead")
				require.NoError(t, err)
			}
			return c
		}
		const leeds, bristol = "Leeds City Council", "Bristol City Council"
		noDate := submit("2026-02-01T10:00:00Z", "p3", leeds, "Last Person")
		_, err := q.MarkLawEnforcement(ctx, noDate.Ref, dpo.LawEnforcementConfirmed, "prosecution file", "lead")
		require.NoError(t, err)
		submit("2026-02-02T10:00:00Z", "maya", leeds, "Maya Patel")          // overdue on 1 April
		submit("2026-03-03T10:00:00Z", "sam", leeds, "alex", "Sam Patel")    // alex's no longer
		submit("2026-03-04T10:00:00Z", "maya2", leeds, "maya patel")         // the same person, spelt as typed
		submit("2026-03-05T10:00:00Z", "bristol", bristol, "Bristol Person") // another council
		submit("2026-03-06T10:00:00Z", "back", leeds, "Kit Ng", "")          // handed back: nobody's now
		submit("2026-03-07T10:00:00Z", "nobody", leeds)                      // nobody's ever
		closed := submit("2026-03-08T10:00:00Z", "closed", leeds, "Alex Reid")
		_, err = q.UpdateStatus(ctx, closed.Ref, dpo.Change{To: dpo.Completed, Actor: "lead"})
		require.NoError(t, err)
		_, err = q.AddNote(ctx, closed.Ref, "assigned to Not An Assignment", "lead") // a note, not an assignment
		require.NoError(t, err)
		clock.Set(Date(t, "2026-04-01T09:00:00Z"))

		for _, tc := range []struct {
			name string
			f    dpo.Filter
			want []string
		}{
			{"every case's, each spelling once, sorted", dpo.Filter{},
				[]string{"Alex Reid", "Bristol Person", "Last Person", "Maya Patel", "Sam Patel", "maya patel"}},
			{"of a council", dpo.Filter{Organisations: []string{"bristol city council"}}, []string{"Bristol Person"}},
			{"of the open cases", dpo.Filter{Statuses: dpo.OpenStatuses()},
				[]string{"Bristol Person", "Last Person", "Maya Patel", "Sam Patel", "maya patel"}},
			{"of the overdue ones", dpo.Filter{Overdue: true}, []string{"Maya Patel"}},
			{"of one person's cases, as spelt", dpo.Filter{AssignedTo: "MAYA PATEL"}, []string{"Maya Patel", "maya patel"}},
			{"with a search", dpo.Filter{Search: closed.Ref}, []string{"Alex Reid"}},
			{"no limit applied", dpo.Filter{Limit: 1},
				[]string{"Alex Reid", "Bristol Person", "Last Person", "Maya Patel", "Sam Patel", "maya patel"}},
			{"nobody's cases have none", dpo.Filter{Unassigned: true}, nil},
			{"no case, no name", dpo.Filter{Organisations: []string{"Cardiff Council"}}, nil},
		} {
			got, err := q.Assignees(ctx, tc.f)
			require.NoError(t, err, tc.name)
			if tc.want == nil {
				assert.Empty(t, got, tc.name)
				continue
			}
			assert.Equal(t, tc.want, got, tc.name)
		}
		_, err = q.Store.Assignees(ctx, dpo.Filter{Overdue: true})
		assert.Error(t, err, "a deadline filter needs its time, as List does")

		trail, err := q.TrailAssignees(ctx)
		require.NoError(t, err)
		assert.Equal(t, []string{"Alex Reid", "Bristol Person", "Kit Ng", "Last Person", "Maya Patel", "Sam Patel", "alex", "maya patel"}, trail,
			"every name ever given, each spelling once: not nobody, nor a note that reads like one")
	})

	t.Run("StatusLookupNeedsTheRightContact", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		phone := Sample(Date(t, "2026-03-02T10:00:00Z"), "k2")
		phone.Requester.Contact = dpo.Contact{Kind: dpo.ContactPhone, Value: "07700 900123"}
		p, err := q.Submit(ctx, phone)
		require.NoError(t, err)

		rep, err := q.Status(ctx, c.Ref, "  Jo.Bloggs@EXAMPLE.org ")
		require.NoError(t, err)
		assert.Equal(t, dpo.StatusReport{Ref: c.Ref, Status: dpo.Received, Due: c.Due, Organisation: "Leeds City Council"}, rep)
		rep, err = q.Status(ctx, strings.ToLower(p.Ref), "07700900123")
		require.NoError(t, err)
		assert.Equal(t, p.Ref, rep.Ref)

		for _, tc := range []struct{ ref, contact string }{
			{c.Ref, "someone.else@example.org"},
			{c.Ref, ""},
			{p.Ref, "jo.bloggs@example.org"}, // another case's contact
			{"DPO-2026-999999", "jo.bloggs@example.org"},
			{"not a reference", "jo.bloggs@example.org"},
		} {
			_, err := q.Status(ctx, tc.ref, tc.contact)
			assert.Equal(t, dpo.ErrNotFound, err, "%q/%q: the same bare error either way", tc.ref, tc.contact)
		}
	})

	t.Run("OutboxDeliveredExactlyOnceAcrossTwoDispatchers", func(t *testing.T) {
		q, s, clock := setup(t, "2026-03-02T10:05:00Z")
		const n = 10
		want := map[string]bool{}
		for i := range n {
			c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), fmt.Sprintf("k%d", i)))
			require.NoError(t, err)
			want[c.Ref] = true
		}
		email, slack := newRecorder(nil), newRecorder(nil)
		dispatcher := func() *dpo.Dispatcher {
			return &dpo.Dispatcher{Store: s, Now: clock.Now, Batch: 2,
				Notifiers: map[string]dpo.Notifier{"email": email, "slack": slack}}
		}
		var wg sync.WaitGroup
		for range 2 {
			d := dispatcher()
			wg.Go(func() {
				for range 3 * n {
					if _, err := d.DispatchOnce(ctx); !assert.NoError(t, err) {
						return
					}
				}
			})
		}
		wg.Wait()
		for _, r := range []*recorder{email, slack} {
			assert.Equal(t, n, len(r.counts()), "every case announced")
			for ref, count := range r.counts() {
				assert.True(t, want[ref], ref)
				assert.Equal(t, 1, count, "%s announced once", ref)
			}
		}
		res, err := dispatcher().DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{}, res, "nothing left to send")

		// A case submitted later is picked up by the next round.
		late, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T11:00:00Z"), "late"))
		require.NoError(t, err)
		res, err = dispatcher().DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{Delivered: 2}, res)
		assert.Equal(t, 1, email.counts()[late.Ref])
	})

	t.Run("NotifierFailureRetriedThenDelivered", func(t *testing.T) {
		q, s, clock := setup(t, "2026-03-02T10:05:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		failures := 1
		flaky := newRecorder(func() error {
			if failures > 0 {
				failures--
				return errors.New("smtp: 451 try again later")
			}
			return nil
		})
		steady := newRecorder(nil)
		d := &dpo.Dispatcher{Store: s, Now: clock.Now, Backoff: func(int) time.Duration { return time.Minute },
			Notifiers: map[string]dpo.Notifier{"email": flaky, "slack": steady}}

		res, err := d.DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{Delivered: 1, Failed: 1}, res)
		assert.Equal(t, 1, steady.counts()[c.Ref], "one notifier failing doesn't hold up the other")

		res, err = d.DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{}, res, "not retried before the backoff")

		clock.Add(61 * time.Second)
		res, err = d.DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{Delivered: 1}, res)
		assert.Equal(t, 2, flaky.calls())
		assert.Equal(t, 1, flaky.counts()[c.Ref])
		assert.Equal(t, 1, steady.counts()[c.Ref], "the other notifier is not repeated")

		clock.Add(time.Hour)
		res, err = d.DispatchOnce(ctx)
		require.NoError(t, err)
		assert.Equal(t, dpo.Result{}, res)
	})

	t.Run("ClaimLeaseHidesRowUntilItExpires", func(t *testing.T) {
		q, s, clock := setup(t, "2026-03-02T10:05:00Z")
		c, err := q.Submit(ctx, Sample(Date(t, "2026-03-02T10:00:00Z"), "k"))
		require.NoError(t, err)
		now := clock.Now()
		got, err := s.ClaimOutbox(ctx, "email", now, now.Add(5*time.Minute), 10)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, dpo.Delivery{OutboxID: got[0].OutboxID, Ref: c.Ref, Notifier: "email", Attempts: 1}, got[0])

		// The claimer died without marking: nobody else sends during the lease…
		again, err := s.ClaimOutbox(ctx, "email", now.Add(time.Minute), now.Add(6*time.Minute), 10)
		require.NoError(t, err)
		assert.Empty(t, again)
		// …another notifier is unaffected…
		other, err := s.ClaimOutbox(ctx, "slack", now, now.Add(5*time.Minute), 10)
		require.NoError(t, err)
		assert.Len(t, other, 1)
		// …and after it the row is claimed again, as a second attempt.
		after, err := s.ClaimOutbox(ctx, "email", now.Add(5*time.Minute), now.Add(10*time.Minute), 10)
		require.NoError(t, err)
		require.Len(t, after, 1)
		assert.Equal(t, 2, after[0].Attempts)
		require.NoError(t, s.MarkDelivered(ctx, after[0], now.Add(5*time.Minute)))
		done, err := s.ClaimOutbox(ctx, "email", now.Add(time.Hour), now.Add(2*time.Hour), 10)
		require.NoError(t, err)
		assert.Empty(t, done)
	})

	runCorrections(t, open)
}

// recorder is a Notifier that counts deliveries per reference, optionally failing.
type recorder struct {
	mu    sync.Mutex
	fail  func() error
	seen  map[string]int
	tries int
}

func newRecorder(fail func() error) *recorder {
	return &recorder{fail: fail, seen: map[string]int{}}
}

func (r *recorder) Notify(_ context.Context, c dpo.Case) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tries++
	if r.fail != nil {
		if err := r.fail(); err != nil {
			return err
		}
	}
	r.seen[c.Ref]++
	return nil
}

func (r *recorder) counts() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int, len(r.seen))
	for k, v := range r.seen {
		out[k] = v
	}
	return out
}

func (r *recorder) calls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tries
}
