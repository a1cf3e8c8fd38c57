package dpotest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// RunDataMigrations is the contract for the stores' migrations that mend data an older version
// of the queue stored: each store's gives the cases the same fields back. open is as for Run;
// rerun must apply the store's migration numbered version to s again, as on the first start after
// an upgrade (forget it was applied, then migrate), so that the cases the suite stores in the
// older version's shape (through Store.Update) are mended as the stored ones were.
func RunDataMigrations(t *testing.T, open func(t *testing.T) dpo.Store, rerun func(t *testing.T, s dpo.Store, version int)) {
	ctx := context.Background()
	setup := setupFor(open)

	// Migration 12: a case asked for proof again after an earlier round arrived lost the day that
	// round did, when the queue still cleared IDReceived on asking; "proof not needed" then ran
	// its month from receipt, cutting it short. The day comes back from the trail's latest "ID
	// received" event, for the cases still awaiting proof only.
	t.Run("EarlierProofComesBackFromTheTrail", func(t *testing.T) {
		q, s, clock := setup(t, "2026-03-20T09:00:00Z")
		day := func(d string) time.Time { return Date(t, "2026-03-"+d+"T00:00:00Z") }
		awaiting := func(key string) dpo.Case {
			sub := Sample(Date(t, "2026-03-02T10:00:00Z"), key)
			sub.AwaitingID = true
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			return c
		}
		move := func(ref string, ch dpo.Change) {
			ch.Actor = "alex"
			_, err := q.UpdateStatus(ctx, ref, ch)
			require.NoError(t, err)
		}
		// askAgainAsBefore asks for proof again as the queue did before it kept IDReceived.
		askAgainAsBefore := func(ref string, at time.Time) {
			_, err := s.Update(ctx, ref, func(c *dpo.Case) (dpo.Event, error) {
				ev, err := c.Transition(dpo.Change{To: dpo.AwaitingVerification, Actor: "alex", At: at}, clock.Now())
				c.IDReceived = time.Time{}
				return ev, err
			})
			require.NoError(t, err)
		}
		get := func(ref string) dpo.Case {
			c, err := q.Get(ctx, ref)
			require.NoError(t, err)
			return c
		}

		// Two earlier rounds arrived (the 5th and the 10th): the later one counts.
		twice := awaiting("twice")
		move(twice.Ref, dpo.Change{To: dpo.InProgress, At: day("05")})
		askAgainAsBefore(twice.Ref, day("06"))
		move(twice.Ref, dpo.Change{To: dpo.InProgress, At: day("10")})
		askAgainAsBefore(twice.Ref, day("15"))
		// The earlier round was found not needed: nothing arrived, so receipt it stays.
		never := awaiting("never")
		move(never.Ref, dpo.Change{To: dpo.InProgress, At: day("05"), ProofNotNeeded: true})
		askAgainAsBefore(never.Ref, day("15"))
		// Already moved on without proof, from receipt as the queue then did: left as it is.
		moved := awaiting("moved")
		move(moved.Ref, dpo.Change{To: dpo.InProgress, At: day("10")})
		askAgainAsBefore(moved.Ref, day("15"))
		move(moved.Ref, dpo.Change{To: dpo.InProgress, At: day("16"), ProofNotNeeded: true})
		movedBefore := get(moved.Ref)
		require.Equal(t, "2026-04-02", movedBefore.Due.Format(time.DateOnly))

		from, earlier := get(twice.Ref).ProofNotNeededFrom()
		require.False(t, earlier, "stored as the older queue did: %s", from)

		rerun(t, s, 12)

		got := get(twice.Ref)
		assert.Equal(t, dpo.AwaitingVerification, got.Status)
		assert.True(t, got.Due.IsZero(), "no due date while proof is awaited")
		from, earlier = got.ProofNotNeededFrom()
		assert.True(t, earlier)
		assert.Equal(t, "2026-03-10", from.Format(time.DateOnly))
		move(twice.Ref, dpo.Change{To: dpo.InProgress, ProofNotNeeded: true})
		assert.Equal(t, "2026-04-10", get(twice.Ref).Due.Format(time.DateOnly), "a month from the earlier proof, not from receipt (2 April)")
		events, err := q.Events(ctx, twice.Ref)
		require.NoError(t, err)
		assert.Equal(t, "no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026",
			events[len(events)-1].Note)

		_, earlier = get(never.Ref).ProofNotNeededFrom()
		assert.False(t, earlier)
		move(never.Ref, dpo.Change{To: dpo.InProgress, ProofNotNeeded: true})
		assert.Equal(t, "2026-04-02", get(never.Ref).Due.Format(time.DateOnly), "a month from receipt")

		assert.Equal(t, movedBefore, get(moved.Ref))
	})
}

// CheckSearchTextRefilled is the part the stores share of their test that the search text is
// filled for cases stored before it existed (migration 11): s, opened again after the columns
// were dropped, has niamh's search text (stored reads the column and its version), the queue
// finds her by it, and a case stored with none, as a replica of an older version does (blank),
// is filled before a search.
func CheckSearchTextRefilled(t *testing.T, q *dpo.Queue, niamh dpo.Case, stored func(ref string) (text string, version int), blank func(ref string)) {
	t.Helper()
	ctx := context.Background()
	text, version := stored(niamh.Ref)
	assert.Equal(t, dpo.SearchText(niamh), text)
	assert.Equal(t, dpo.SearchTextVersion, version)
	found, err := q.List(ctx, dpo.Filter{Search: "o'sullivan"})
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, niamh.Ref, found[0].Ref)

	sub := Sample(Date(t, "2026-03-02T10:00:00Z"), "priya")
	sub.Requester.Name = "Priya Sharma"
	priya, err := q.Submit(ctx, sub)
	require.NoError(t, err)
	blank(priya.Ref)
	found, err = q.List(ctx, dpo.Filter{Search: "sharma priya"})
	require.NoError(t, err)
	require.Len(t, found, 1, "filled before the search")
	assert.Equal(t, priya.Ref, found[0].Ref)
}
