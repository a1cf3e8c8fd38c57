package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// The dashboard's download says a letter received on 1 July was received on 1 July, in its
// time as in its date (a QA pass found 2026-06-30T23:00:00Z beside received_date 2026-07-01), and
// that a request answered after its due date was answered late (it said overdue=false and
// nothing more).
func TestDashboardCSVSaysWhenInUKTimeAndWhatWasLate(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.clock.Add(time.Date(2026, 7, 2, 9, 0, 0, 0, time.UTC).Sub(h.clock.Now()))
	c, err := h.queue.Submit(ctx, dpo.Submission{Type: dpo.Access, Organisation: mk, Channel: dpo.ChannelPost,
		Received:    time.Date(2026, 6, 30, 23, 0, 0, 0, time.UTC), // midnight at the start of 1 July, British Summer Time
		Requester:   dpo.Requester{Name: "Jo Bloggs", Contact: dpo.Contact{Kind: dpo.ContactEmail, Value: "jo@example.org"}},
		Description: "A copy of my records"})
	require.NoError(t, err)
	require.Equal(t, "2026-08-03", c.Due.Format(time.DateOnly)) // 1 August is a Saturday
	h.clock.Add(time.Date(2026, 8, 10, 9, 0, 0, 0, time.UTC).Sub(h.clock.Now()))
	_, err = h.queue.UpdateStatus(ctx, c.Ref, dpo.Change{To: dpo.Completed, Actor: "dpo"})
	require.NoError(t, err)

	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	rec := h.do(t, "GET", "/dpo/export.csv?status=all", "")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	rows, err := csv.NewReader(rec.Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	cell := func(col string) string { return rows[1][slices.Index(rows[0], col)] }
	assert.Equal(t, "2026-07-01T00:00:00+01:00", cell("received"))
	assert.Equal(t, "2026-07-01", cell("received_date"))
	assert.Equal(t, "2026-08-10T10:00:00+01:00", cell("closed"))
	assert.Equal(t, "false", cell("overdue"), "closed: no longer overdue")
	assert.Equal(t, "true", cell("closed_late"))
	assert.Equal(t, "7", cell("days_late"))
}
