package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web"
)

// The page of unanswered questions says the period it shows, and only one it can: a QA pass
// found "?days=90" saying "in the last 90 days" of transcripts kept 30, "?days=1" saying "1 days",
// and "?days=abc" showing 30 days as if asked for.
func TestUnansweredPeriodIsTheOneShown(t *testing.T) {
	selected := regexp.MustCompile(`<option value="(\d+)" selected>([^<]*)</option>`)
	for _, tc := range []struct {
		name     string
		kept     int // PRIVACYBOT_TRANSCRIPT_DAYS; 0 for its default, 30
		query    string
		code     int
		says     []string
		selected string // the period the list of choices shows chosen; "" for the default's
	}{
		{"no period: 30 days", 0, "", http.StatusOK, []string{"in the last 30 days that", `unanswered.csv?days=30"`}, "30 days"},
		{"longer than kept: what is kept, saying so", 0, "?days=90", http.StatusOK,
			[]string{"in the last 30 days that", "Questions are kept for 30 days, so this shows the last 30 days, not 90 days.", `unanswered.csv?days=30"`}, "30 days"},
		{"kept longer: 90 days", 90, "?days=90", http.StatusOK, []string{"in the last 90 days that"}, "90 days"},
		{"one day", 0, "?days=1", http.StatusOK, []string{"in the last day that", `unanswered.csv?days=1"`}, "1 day"},
		{"a period not among the choices is shown chosen", 0, "?days=14", http.StatusOK, []string{"in the last 14 days that"}, "14 days"},
		{"kept one day", 1, "", http.StatusOK, []string{"in the last day that"}, "1 day"},
		{"no number", 0, "?days=abc", http.StatusBadRequest, []string{`&#34;abc&#34; is not a number of days, so nothing is listed: choose a period below.`}, ""},
		{"none", 0, "?days=0", http.StatusBadRequest, []string{`&#34;0&#34; is not a number of days`}, ""},
		{"fewer than none", 0, "?days=-7", http.StatusBadRequest, []string{`&#34;-7&#34; is not a number of days`}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(s *web.Server) { s.TranscriptDays = tc.kept })
			h.addUser(t, "dpo", "correct horse battery", mk)
			h.signIn(t, "dpo", "correct horse battery")
			rec := h.do(t, "GET", "/dpo/unanswered"+tc.query, "")
			require.Equal(t, tc.code, rec.Code, rec.Body.String())
			body := rec.Body.String()
			for _, s := range tc.says {
				assert.Contains(t, body, s)
			}
			assert.NotContains(t, body, " 1 days")
			if tc.code != http.StatusOK {
				assert.NotContains(t, body, "Download these questions", "no file of another period's questions")
				assert.NotContains(t, body, "No questions went unanswered", "nothing was looked at")
				return
			}
			m := selected.FindStringSubmatch(body)
			require.NotNil(t, m, "a period is chosen in the list")
			assert.Equal(t, tc.selected, m[2])
			assert.Equal(t, tc.query == "?days=90" && tc.kept == 0, strings.Contains(body, `class="period-note"`),
				"the note is there only when the page shows less than asked for")
		})
	}
}

// The download refuses a period that is no number of days, rather than give the default's.
func TestUnansweredCSVRefusesAPeriodThatIsNoNumber(t *testing.T) {
	h := newHarness(t)
	h.addUser(t, "dpo", "correct horse battery", mk)
	h.signIn(t, "dpo", "correct horse battery")
	rec := h.do(t, "GET", "/dpo/unanswered.csv?days=abc", "")
	assert.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Contains(t, rec.Body.String(), `Nothing was exported: "abc" is not a number of days`)
	assert.Equal(t, http.StatusOK, h.do(t, "GET", "/dpo/unanswered.csv?days=90", "").Code, "all that is kept")
}
