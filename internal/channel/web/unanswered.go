package web

// The DPO's page of what residents asked that the notices don't answer, or may not: the
// questions the bot abstained on or answered unsure, from the redacted transcripts. It is where
// a council learns what to add to its notices, and where real questions for the evaluation sets
// come from.

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"slices"
	"strconv"
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

// unansweredDays reads ?days=, 30 by default, at most a year.
func unansweredDays(r *http.Request) int {
	if d, err := strconv.Atoi(r.URL.Query().Get("days")); err == nil && d >= 1 && d <= 366 {
		return d
	}
	return 30
}

// dayChoices are the spans the page offers: none longer than transcripts are kept, since a
// longer one could show nothing more (and would suggest it had).
func (s *Server) dayChoices() []int {
	var out []int
	for _, d := range []int{7, 30, 90} {
		if d <= s.transcriptDays() {
			out = append(out, d)
		}
	}
	if len(out) == 0 || out[len(out)-1] != s.transcriptDays() {
		out = append(out, s.transcriptDays())
	}
	return out
}

func (s *Server) handleUnanswered(w http.ResponseWriter, r *http.Request) {
	sess := sessionOf(r)
	days := unansweredDays(r)
	rows, err := s.unanswered(r, sess, days)
	if err != nil {
		s.dashError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "unanswered.html", map[string]any{
		"Title": "Questions the notices don't answer", "User": sess.user, "CSRF": sess.csrf, "Rows": rows,
		"Days": days, "DayChoices": s.dayChoices(), "All": sess.seesAll(),
	})
}

func (s *Server) handleUnansweredExport(w http.ResponseWriter, r *http.Request) {
	rows, err := s.unanswered(r, sessionOf(r), unansweredDays(r))
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
