package dpotest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// runCorrections is the part of the contract suite for what a QA pass of the DPO team's work
// found the queue let through or could not do: text that shows in another order than it was
// written. Run calls it, with the same open.
func runCorrections(t *testing.T, open func(t *testing.T) dpo.Store) {
	ctx := context.Background()
	setup := setupFor(open)

	// A case filed as the wrong type of request is corrected, stored, on the trail; a complaint
	// retyped as a request whose words suggest Part 3 is flagged for the DPO, and one retyped
	// back to a complaint loses the flag and the DPO's time limit with it.
	t.Run("ACaseFiledAsTheWrongTypeIsRetyped", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		q.LawEnforcementCue = func(text string) bool { return strings.Contains(text, "fly-tipping investigation") }
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.Type = dpo.Complaint
		sub.LawEnforcement = true // a complaint is never flagged
		sub.Description = "I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me"
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		require.Equal(t, dpo.NotLawEnforcement, c.LawEnforcement)
		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementSuspected, "fly-tipping", "alex")
		require.ErrorIs(t, err, dpo.ErrNotAllowed, "a complaint can't be flagged")

		clock.Add(time.Hour)
		retyped, err := q.Retype(ctx, c.Ref, dpo.Access, "asks for the investigation file: an access request", "alex")
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, retyped, got)
		assert.Equal(t, dpo.Access, got.Type, "the type is stored")
		assert.Equal(t, dpo.LawEnforcementSuspected, got.LawEnforcement, "flagged for the DPO, as at intake")
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly), "the month from receipt, not from the correction")
		assert.Equal(t, dpo.Received, got.Status)
		rep, err := q.Status(ctx, c.Ref, sub.Requester.Contact.Value)
		require.NoError(t, err)
		assert.True(t, rep.TimeLimitPending, "the requester is promised no date while the DPO decides")

		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementConfirmed, "the fly-tipping prosecution file", "sam")
		require.NoError(t, err)
		_, err = q.SetTimeLimit(ctx, c.Ref, Date(t, "2026-03-27"), "a short file", "sam")
		require.NoError(t, err)
		_, err = q.Retype(ctx, c.Ref, dpo.Access, "again, twice over", "alex")
		require.ErrorIs(t, err, dpo.ErrNoChange)
		back, err := q.Retype(ctx, c.Ref, dpo.Complaint, "the resident says it is a complaint about the officer after all", "sam")
		require.NoError(t, err)
		assert.Equal(t, dpo.Complaint, back.Type)
		assert.Equal(t, dpo.NotLawEnforcement, back.LawEnforcement)
		assert.True(t, back.TimeLimit.IsZero())
		assert.Equal(t, "2026-04-02", back.Due.Format(time.DateOnly), "the UK GDPR clock again, from receipt")

		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		var kinds []dpo.EventKind
		for _, e := range events {
			kinds = append(kinds, e.Kind)
		}
		assert.Equal(t, []dpo.EventKind{dpo.EventSubmitted, dpo.EventRetyped, dpo.EventLawEnforcement, dpo.EventTimeLimit, dpo.EventRetyped}, kinds,
			"every change audited; refused ones not")
		assert.Equal(t, "alex", events[1].Actor)
		assert.Equal(t, "request type changed from complaint to access: asks for the investigation file: an access request "+
			"(its words suggest a law-enforcement (Part 3) request: flagged for the DPO to decide)", events[1].Note)
		assert.Contains(t, events[4].Note, "the Part 3 time limit, 2026-03-27, no longer applies")

		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "sam"})
		require.NoError(t, err)
		_, err = q.Retype(ctx, c.Ref, dpo.Access, "misfiled by the chat", "sam")
		require.ErrorIs(t, err, dpo.ErrNotAllowed, "a closed case can't change")
	})

	// A request from a chat that read a risk to someone's safety is flagged, stored, kept through
	// the case's changes, and found by the filter with any other.
	t.Run("ASafeguardingWarningIsAFlagOnTheCase", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-30T09:00:00Z")
		submit := func(key, org string, safeguarding bool) dpo.Case {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.Organisation, sub.Safeguarding = org, safeguarding
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		warned := submit("warned", "Leeds City Council", true)
		calm := submit("calm", "Leeds City Council", false)
		bristol := submit("bristol", "Bristol City Council", true)
		got, err := q.Get(ctx, warned.Ref)
		require.NoError(t, err)
		assert.True(t, got.Safeguarding)
		got, err = q.Get(ctx, calm.Ref)
		require.NoError(t, err)
		assert.False(t, got.Safeguarding)

		_, err = q.UpdateStatus(ctx, warned.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex"})
		require.NoError(t, err)
		_, err = q.Assign(ctx, bristol.Ref, "Sam Patel", "alex")
		require.NoError(t, err)
		got, err = q.Get(ctx, warned.Ref)
		require.NoError(t, err)
		assert.True(t, got.Safeguarding, "a change keeps the flag")

		refs := func(f dpo.Filter) []string { return listedRefs(t, ctx, q, f) }
		for _, tc := range []struct {
			name string
			f    dpo.Filter
			want []string
		}{
			{"every council's", dpo.Filter{Safeguarding: true}, []string{warned.Ref, bristol.Ref}},
			{"of a council", dpo.Filter{Safeguarding: true, Organisations: []string{"leeds city council"}}, []string{warned.Ref}},
			{"of a status", dpo.Filter{Safeguarding: true, Statuses: []dpo.Status{dpo.Received}}, []string{bristol.Ref}},
			{"of a person's", dpo.Filter{Safeguarding: true, AssignedTo: "sam patel"}, []string{bristol.Ref}},
			{"none closed", dpo.Filter{Safeguarding: true, Statuses: dpo.ClosedStatuses()}, []string{}},
			{"without the filter", dpo.Filter{}, []string{warned.Ref, calm.Ref, bristol.Ref}},
		} {
			assert.Equal(t, tc.want, refs(tc.f), tc.name)
		}
	})

	// An on-behalf request starts awaiting proof of authority; the DPO finding none is needed
	// moves it on with the month counted from receipt, as stored, on the trail.
	t.Run("ProofNotNeededRunsTheMonthFromReceipt", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-20T09:00:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.AwaitingID = true
		sub.Requester.OnBehalfOf, sub.Requester.OnBehalfOfWhom = true, "Pat Bloggs"
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		require.True(t, c.Due.IsZero())
		moved, err := q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", ProofNotNeeded: true,
			Note: "lasting power of attorney already on file"})
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, moved, got)
		assert.Equal(t, dpo.InProgress, got.Status)
		assert.False(t, got.AwaitingID)
		assert.True(t, got.IDReceived.IsZero(), "no proof arrived")
		assert.Equal(t, "2026-04-02", got.Due.Format(time.DateOnly), "a month from receipt, not from 20 March")
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		last := events[len(events)-1]
		assert.Equal(t, dpo.EventProofNotNeeded, last.Kind)
		assert.Equal(t, "no proof of identity or authority needed: the month runs from receipt, 2 March 2026: lasting power of attorney already on file", last.Note)
		assert.Equal(t, dpo.AwaitingVerification, last.From)
		assert.Equal(t, dpo.InProgress, last.To)
	})

	// Proof asked for again after a first round arrived, then found not needed: the store keeps
	// the day the first round arrived while the second is awaited, and the month runs from it.
	t.Run("ProofNotNeededAfterAnEarlierRoundRunsFromThatProof", func(t *testing.T) {
		q, _, _ := setup(t, "2026-03-20T09:00:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.AwaitingID = true
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", At: Date(t, "2026-03-10T00:00:00Z")})
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.AwaitingVerification, Actor: "alex", Note: "the authority had expired"})
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.True(t, got.Due.IsZero(), "no due date while proof is awaited")
		day, earlier := got.ProofNotNeededFrom()
		assert.True(t, earlier)
		assert.Equal(t, "2026-03-10", day.Format(time.DateOnly))
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.InProgress, Actor: "alex", ProofNotNeeded: true})
		require.NoError(t, err)
		got, err = q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "2026-04-10", got.Due.Format(time.DateOnly), "a month from the earlier proof, not from receipt (2 April)")
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026",
			events[len(events)-1].Note)
	})

	// A direction override or isolate (U+202A–U+202E, U+2066–U+2069) in a request's description
	// or a note makes it show in another order than it was written ("please send \u202egnp.exe
	// records" shows "exe.png"): whichever channel sent it, the queue keeps the words as typed.
	t.Run("HiddenDirectionControlsAreTakenOutOfWhatIsWritten", func(t *testing.T) {
		q, _, clock := setup(t, "2026-03-02T10:05:00Z")
		sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "k")
		sub.Description = "please send \u202egnp.exe records\u202c and \u2067the \u2066file\u2069\u2069"
		sub.Service = "Hou\u202esing"
		sub.Excerpt = "resident: please send \u202egnp.exe records"
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		got, err := q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "please send gnp.exe records and the file", got.Description)
		assert.Equal(t, "Housing", got.Service)
		assert.Equal(t, "resident: please send gnp.exe records", got.Excerpt)

		sub = Sample(Date(t, "2026-03-02T10:00:00Z"), "k2")
		sub.Description = "\u202e\u2066 \u202c"
		_, err = q.Submit(ctx, sub)
		require.ErrorIs(t, err, dpo.ErrInvalid, "a description of nothing but direction controls is empty")

		clock.Add(time.Hour)
		_, err = q.AddNote(ctx, c.Ref, "called back: \u202ekcab dellac", "alex")
		require.NoError(t, err)
		_, err = q.Extend(ctx, c.Ref, "three \u2066archives\u2069", "alex")
		require.NoError(t, err)
		_, err = q.MarkLawEnforcement(ctx, c.Ref, dpo.LawEnforcementSuspected, "mentions a \u202dcaution", "alex")
		require.NoError(t, err)
		_, err = q.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Refused, Actor: "alex", Note: "\u202emanifestly unfounded\u202c"})
		require.NoError(t, err)
		_, err = q.Reopen(ctx, c.Ref, "refused \u202aby mistake", "alex")
		require.NoError(t, err)
		events, err := q.Events(ctx, c.Ref)
		require.NoError(t, err)
		var notes []string
		for _, e := range events[1:] {
			notes = append(notes, e.Note)
		}
		assert.Equal(t, []string{"called back: kcab dellac", "three archives", "possibly law enforcement (Part 3): for the DPO to decide: mentions a caution",
			"manifestly unfounded", "refused by mistake"}, notes)
		got, err = q.Get(ctx, c.Ref)
		require.NoError(t, err)
		assert.Equal(t, "three archives", got.ExtensionReason)
	})
}
