package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// transcriptStore is what the transcripts command reads; internal/sqlite and internal/postgres
// provide it.
type transcriptStore interface {
	TranscriptsSince(ctx context.Context, since time.Time) ([]transcript.Entry, error)
	PurgeTranscripts(ctx context.Context, before time.Time) (int64, error)
}

// outcomes are what the bot can have done with a message, as transcripts keep them.
var outcomes = []string{transcript.OutcomeAnswered, transcript.OutcomeUnsure, transcript.OutcomeAbstained,
	conversation.KindIntake, conversation.KindSubmitted, conversation.KindCancelled, conversation.KindSafeguarding, conversation.KindStatus,
	conversation.KindHelp}

func runTranscripts(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "transcripts", `transcripts [--since 30d|YYYY-MM-DD] [--outcome LIST] [--jsonl]

Lists what residents asked on the web widget (redacted, as stored) and what the bot did with
it: answered, unsure (answered with a doubt and the contact), abstained, or a request's intake.
--outcome abstained,unsure lists what the notices don't answer, or may not: what to add to them.
--jsonl writes each question as a line of an evaluation question set (id, question, org,
bot_outcome, asked) to label (notices and answer_contains, or unanswerable: true) and measure the
bot on real questions with privacybot eval. Transcripts are kept PRIVACYBOT_TRANSCRIPT_DAYS (30):
older lines are deleted before listing, as serve deletes them every hour.`)
	since := fs.String("since", "30d", "from this many days ago (30d) or this date (2026-11-01)")
	only := fs.String("outcome", "", "only these outcomes, comma-separated ("+strings.Join(outcomes, ", ")+")")
	jsonl := fs.Bool("jsonl", false, "write question-set lines to label, not a table")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("transcripts takes no arguments")
	}
	from, err := sinceTime(*since, app.Now())
	if err != nil {
		return err
	}
	var want []string
	for _, o := range strings.Split(*only, ",") {
		if o = strings.TrimSpace(o); o == "" {
			continue
		}
		if !slices.Contains(outcomes, o) {
			return usageError("unknown outcome %q (%s)", o, strings.Join(outcomes, ", "))
		}
		want = append(want, o)
	}
	st, closeStore, err := openStore(ctx, app)
	if err != nil {
		return err
	}
	defer closeStore()
	ts, ok := st.(transcriptStore)
	if !ok {
		return fmt.Errorf("the store %T keeps no transcripts", st)
	}
	// Lines kept past PRIVACYBOT_TRANSCRIPT_DAYS are deleted first, as serve does every hour: a
	// deployment whose server is down, or runs none, showed them (a QA pass), past the period its
	// own privacy notice promises.
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	if _, err := ts.PurgeTranscripts(ctx, app.Now().AddDate(0, 0, -cfg.TranscriptDays)); err != nil {
		return fmt.Errorf("purge old transcripts: %w", err)
	}
	entries, err := ts.TranscriptsSince(ctx, from)
	if err != nil {
		return err
	}
	var qs []transcript.Question
	for _, q := range transcript.Questions(entries) {
		if len(want) == 0 || slices.Contains(want, q.Outcome) {
			qs = append(qs, q)
		}
	}
	if *jsonl {
		return writeQuestionSet(app, qs)
	}
	tw := tabwriter.NewWriter(app.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ASKED\tOUTCOME\tORG\tQUESTION")
	for _, q := range qs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", q.At.Format("2006-01-02 15:04"), dash(q.Outcome), dash(q.Org), shortLine(q.Text, 120))
	}
	return tw.Flush()
}

// countUnanswered counts the questions since a time that the bot couldn't answer from the
// notices or answered unsure: for the DPO's Slack digest.
func countUnanswered(ctx context.Context, ts transcriptStore, since time.Time) (int, error) {
	entries, err := ts.TranscriptsSince(ctx, since)
	if err != nil {
		return 0, err
	}
	return len(transcript.UnansweredQuestions(entries)), nil
}

// writeQuestionSet writes questions as lines of an evaluation question set, unlabelled.
func writeQuestionSet(app *App, qs []transcript.Question) error {
	enc := json.NewEncoder(app.Stdout)
	enc.SetEscapeHTML(false)
	for _, q := range qs {
		if q.Text == transcript.StepAnswer {
			continue // a request's details, not a question
		}
		line := struct {
			ID         string `json:"id"`
			Question   string `json:"question"`
			Org        string `json:"org,omitempty"`
			BotOutcome string `json:"bot_outcome,omitempty"`
			Asked      string `json:"asked"`
		}{questionID(q), q.Text, q.Org, q.Outcome, q.At.Format(time.DateOnly)}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

// sinceTime reads --since: a date, or a span before now as queue's --due-within reads it ("30d").
func sinceTime(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	span, err := parseSpan(s)
	if err != nil {
		return time.Time{}, usageError("--since %q: write a number of days (30d) or a date (2026-11-01)", s)
	}
	return now.Add(-span), nil
}

// dash stands in a table cell for a value that is missing.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// shortLine is s on one line, cut to n characters, with any control character a resident typed
// shown as its escape ("\u001b"): printed raw, one could clear or forge lines of the DPO's
// terminal.
func shortLine(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		r = append(r[:n-1], '…')
	}
	var b strings.Builder
	for _, c := range r {
		if unicode.IsControl(c) || dpo.HiddenFormatting(c) { // a direction override too
			fmt.Fprintf(&b, "\\u%04x", c)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// questionID names a stored question the same way in every export, whatever the filters: its
// day, and a short hash of its conversation and moment (the session id itself is not written).
func questionID(q transcript.Question) string {
	sum := sha256.Sum256([]byte(q.Session + "\x00" + q.At.UTC().Format(time.RFC3339Nano)))
	return fmt.Sprintf("web-%s-%x", q.At.Format("20060102"), sum[:4])
}
