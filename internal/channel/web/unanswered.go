package web

// The DPO's page of what residents asked that the notices don't answer, or may not: the
// questions the bot abstained on or answered unsure, from the redacted transcripts. It is where
// a council learns what to add to its notices, and where real questions for the evaluation sets
// come from.

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// QuestionLog reads the stored transcripts back; *sqlite.Store and *postgres.Store are one.
type QuestionLog interface {
	TranscriptsSince(ctx context.Context, since time.Time) ([]transcript.Entry, error)
}

// errNoQuestionLog is shown when the dashboard has no transcripts to read.
var errNoQuestionLog = errors.New("no transcripts configured")

// unansweredRow is one question on the page.
type unansweredRow struct {
	At           time.Time
	Organisation string
	Outcome      string
	Question     string
}

// unanswered lists the questions of the last days days that the bot abstained on or answered
// unsure, newest first, of the organisations the DPO sees. A question asked without choosing a
// council is shown only to those who see every organisation.
func (s *Server) unanswered(r *http.Request, sess *dashSession, days int) ([]unansweredRow, error) {
	if s.Questions == nil {
		return nil, errNoQuestionLog
	}
	entries, err := s.Questions.TranscriptsSince(r.Context(), s.now().AddDate(0, 0, -days))
	if err != nil {
		return nil, err
	}
	var rows []unansweredRow
	for _, q := range transcript.UnansweredQuestions(entries) {
		if q.Org == "" && !sess.seesAll() || q.Org != "" && !s.sees(sess.orgs, q.Org) {
			continue
		}
		rows = append(rows, unansweredRow{At: q.At, Organisation: q.Org, Outcome: q.Outcome, Question: q.Text})
	}
	slices.Reverse(rows)
	return rows, nil
}

// defaultUnansweredDays is the period the page shows when the address names none.
const defaultUnansweredDays = 30

// unansweredDays reads ?days=: the period, defaultUnansweredDays when none is given (or the
// whole time transcripts are kept, if that is shorter). A period longer than transcripts are
// kept is that time, and note says so: the page must not claim days it holds no questions of.
// One that is no whole number of days, or less than one, is bad (its value), to be refused, not
// silently replaced by the default, which would look like the period asked for.
func (s *Server) unansweredDays(r *http.Request) (days int, note, bad string) {
	kept := s.transcriptDays()
	v := strings.TrimSpace(r.URL.Query().Get("days"))
	if v == "" {
		return min(defaultUnansweredDays, kept), "", ""
	}
	d, err := strconv.Atoi(v)
	if err != nil || d < 1 {
		return min(defaultUnansweredDays, kept), "", v
	}
	if d > kept {
		return kept, fmt.Sprintf("Questions are kept for %s, so this shows the last %s, not %s.", daysText(kept), spanText(kept), daysText(d)), ""
	}
	return d, "", ""
}

// daysText is a number of days in words: "1 day", "30 days".
func daysText(d int) string {
	if d == 1 {
		return "1 day"
	}
	return strconv.Itoa(d) + " days"
}

// spanText is a period after "the last": "day", "30 days".
func spanText(d int) string {
	if d == 1 {
		return "day"
	}
	return daysText(d)
}

// dayChoice is a period the page offers.
type dayChoice struct {
	Days  int
	Label string
}

// dayChoices are the spans the page offers: none longer than transcripts are kept, since a
// longer one could show nothing more (and would suggest it had); and the one shown, so that the
// list says what the page does.
func (s *Server) dayChoices(shown int) []dayChoice {
	var days []int
	for _, d := range []int{7, 30, 90} {
		if d <= s.transcriptDays() {
			days = append(days, d)
		}
	}
	days = append(days, s.transcriptDays(), shown)
	slices.Sort(days)
	var out []dayChoice
	for _, d := range slices.Compact(days) {
		out = append(out, dayChoice{Days: d, Label: daysText(d)})
	}
	return out
}

func (s *Server) handleUnanswered(w http.ResponseWriter, r *http.Request) {
	sess := sessionOf(r)
	days, note, bad := s.unansweredDays(r)
	var rows []unansweredRow
	code, problem := http.StatusBadRequest, ""
	if bad != "" {
		problem = fmt.Sprintf("%q is not a number of days, so nothing is listed: choose a period below.", bad)
	} else {
		var err error
		if rows, err = s.unanswered(r, sess, days); err != nil {
			s.dashError(w, r, err)
			return
		}
		code = http.StatusOK
	}
	s.render(w, r, code, "unanswered.html", map[string]any{
		"Title": "Questions the notices don't answer", "User": sess.user, "CSRF": sess.csrf, "Rows": rows,
		"Days": days, "Span": spanText(days), "DayChoices": s.dayChoices(days), "All": sess.seesAll(),
		"Note": note, "Problem": problem,
	})
}

func (s *Server) handleUnansweredExport(w http.ResponseWriter, r *http.Request) {
	days, _, bad := s.unansweredDays(r)
	if bad != "" {
		// Not the default period's questions as if they were the period asked for.
		http.Error(w, fmt.Sprintf("Nothing was exported: %q is not a number of days (days=7 is the last week's questions).", bad), http.StatusBadRequest)
		return
	}
	rows, err := s.unanswered(r, sessionOf(r), days)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="unanswered-questions.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"asked", "organisation", "outcome", "question"})
	for _, q := range rows {
		_ = cw.Write([]string{q.At.Format(time.RFC3339), dpo.CSVSafe(q.Organisation), q.Outcome, dpo.CSVSafe(q.Question)})
	}
	cw.Flush()
}
