package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A case due today says so, on the queue and on its page: a QA pass found it tagged "Due this
// week", as if there were days left. Today is the UK's: at 00:30 on a summer morning (23:30 UTC
// the day before) a case due that day is due today; the next day it is overdue.
func TestCaseDueTodayIsTaggedDueToday(t *testing.T) {
	h := newHarness(t)
	ref := h.submit(t, mk) // received 2 March, due Thursday 2 April
	c, err := h.queue.Get(context.Background(), ref)
	require.NoError(t, err)
	require.Equal(t, "2026-04-02", c.Due.Format(time.DateOnly))
	h.addUser(t, "dpo", "correct horse battery", mk)
	for _, tc := range []struct {
		now, tag string
	}{
		{"2026-03-30T09:00:00Z", "Due this week</strong>"},
		{"2026-04-01T22:30:00Z", "Due this week</strong>"}, // 23:30 on 1 April, UK time
		{"2026-04-01T23:30:00Z", "Due today</strong>"},     // 00:30 on 2 April
		{"2026-04-02T16:00:00Z", "Due today</strong>"},
		{"2026-04-02T23:30:00Z", "Overdue</strong>"},
	} {
		at, err := time.Parse(time.RFC3339, tc.now)
		require.NoError(t, err)
		h.clock.Add(at.Sub(h.clock.Now()))
		h.signIn(t, "dpo", "correct horse battery")
		queue := h.do(t, "GET", "/dpo?due=week", "").Body.String()
		page := h.do(t, "GET", "/dpo/cases/"+ref, "").Body.String()
		for _, body := range []string{queue, page} {
			assert.Contains(t, body, tc.tag, tc.now)
			for _, other := range []string{"Due this week</strong>", "Due today</strong>", "Overdue</strong>"} {
				if other != tc.tag {
					assert.NotContains(t, body, other, tc.now)
				}
			}
		}
	}
}
