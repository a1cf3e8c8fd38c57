package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/deadline"
)

const deadlineSynopsis = "deadline --received YYYY-MM-DD [--region england-and-wales|scotland|northern-ireland] " +
	"[--extended] [--clarification FROM:TO]... [--id-received YYYY-MM-DD] [--holidays FILE]"

// runDeadline prints the legal due date of a rights request as YYYY-MM-DD.
func runDeadline(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "deadline", deadlineSynopsis)
	received := fs.String("received", "", "`date` the request was received: YYYY-MM-DD, or an RFC 3339 moment (its Europe/London date counts)")
	region := fs.String("region", app.Getenv("PRIVACYBOT_REGION"), "bank-holiday `region`: england-and-wales, scotland or northern-ireland (PRIVACYBOT_REGION; england-and-wales when neither is set)")
	extended := fs.Bool("extended", false, "extended by two months: due three months from the start")
	idReceived := fs.String("id-received", "", "`date` the requested ID or proof of authority arrived; the month restarts then")
	holidays := fs.String("holidays", app.Getenv("PRIVACYBOT_HOLIDAYS"), "extra bank holidays `file` (YAML/JSON; PRIVACYBOT_HOLIDAYS)")
	var pauses pauseFlags
	fs.Var(&pauses, "clarification", "clarification pause `FROM:TO` (dates, both inclusive, don't count); repeatable")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("unexpected argument %q (the date goes after --received)", rest[0])
	}
	if *received == "" {
		return usageError("--received YYYY-MM-DD is required")
	}
	clock := deadline.Clock{Extended: *extended, Pauses: pauses}
	if clock.Received, err = parseDateArg(*received); err != nil {
		return usageError("--received: %v", err)
	}
	if *idReceived != "" {
		if clock.IDReceived, err = parseDateArg(*idReceived); err != nil {
			return usageError("--id-received: %v", err)
		}
	}
	if clock.Region, err = deadline.ParseRegion(*region); err != nil {
		return usageError("--region (or PRIVACYBOT_REGION): %v", err)
	}
	if err := plausibleClock(clock); err != nil {
		return usageError("%v", err)
	}
	if clock.Calendar, err = deadline.LoadExtraHolidays(*holidays); err != nil {
		return err // the file is wrong, not the command line: exit 1 with the file and line
	}
	due, ok, err := clock.Due()
	if err != nil {
		return err
	}
	if !ok { // cannot happen from the command line: every pause has an end and ID isn't awaited
		return fmt.Errorf("no due date yet")
	}
	// A pause the clock ignored is said, not dropped silently (a QA pass): one after the due
	// date (the request was late already), or one over before the month started.
	for _, p := range clock.Pauses {
		from, to := deadline.LondonDate(p.From), deadline.LondonDate(p.To)
		switch {
		case from.After(due):
			fmt.Fprintf(app.Stderr, "Note: --clarification %s:%s starts after the due date, so it does not count: the request was late already.\n",
				from.Format(time.DateOnly), to.Format(time.DateOnly))
		case to.Before(clock.Start()):
			fmt.Fprintf(app.Stderr, "Note: --clarification %s:%s ends before the month started (%s), so it does not count.\n",
				from.Format(time.DateOnly), to.Format(time.DateOnly), clock.Start().Format(time.DateOnly))
		}
	}
	_, err = fmt.Fprintln(app.Stdout, due.Format(time.DateOnly))
	return err
}

// plausibleClock refuses what no request can have had, as queue update does: ID that arrived
// before the request, a pause outside the request's life, a year typed wrong (2203 for 2023).
func plausibleClock(c deadline.Clock) error {
	type dated struct {
		flag string
		t    time.Time
	}
	dates := []dated{{"--received", c.Received}, {"--id-received", c.IDReceived}}
	for _, p := range c.Pauses {
		dates = append(dates, dated{"--clarification", p.From}, dated{"--clarification", p.To})
	}
	for _, d := range dates {
		// --received is required: its zero is "0001-01-01" typed, not a date left out.
		if y := d.t.UTC().Year(); (d.flag == "--received" || !d.t.IsZero()) && (y < 2000 || y > 2199) {
			return fmt.Errorf("%s %s: a year from 2000 to 2199, please", d.flag, d.t.UTC().Format(time.DateOnly))
		}
	}
	received := deadline.LondonDate(c.Received)
	if !c.IDReceived.IsZero() && deadline.LondonDate(c.IDReceived).Before(received) {
		return fmt.Errorf("--id-received %s is before the request was received (%s)",
			deadline.LondonDate(c.IDReceived).Format(time.DateOnly), received.Format(time.DateOnly))
	}
	for _, p := range c.Pauses {
		if p.From.Before(received) {
			return fmt.Errorf("--clarification %s:%s starts before the request was received (%s)",
				p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), received.Format(time.DateOnly))
		}
	}
	return nil
}

// parseDateArg reads YYYY-MM-DD as that calendar date (00:00 UTC, the deadline package's date
// form) or an RFC 3339 moment, which the deadline package converts to its London date.
func parseDateArg(s string) (time.Time, error) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date YYYY-MM-DD or a moment such as 2023-06-30T23:30:00Z", s)
}

// pauseFlags collects repeated --clarification FROM:TO flags.
type pauseFlags []deadline.Pause

func (p *pauseFlags) String() string {
	if p == nil {
		return ""
	}
	parts := make([]string, len(*p))
	for i, x := range *p {
		parts[i] = x.From.Format(time.DateOnly) + ":" + x.To.Format(time.DateOnly)
	}
	return strings.Join(parts, ",")
}

func (p *pauseFlags) Set(s string) error {
	from, to, found := strings.Cut(s, ":")
	if !found {
		return fmt.Errorf("want FROM:TO, two dates YYYY-MM-DD, got %q", s)
	}
	var (
		pause deadline.Pause
		err   error
	)
	if pause.From, err = time.Parse(time.DateOnly, from); err != nil {
		return fmt.Errorf("FROM %q is not a date YYYY-MM-DD", from)
	}
	if pause.To, err = time.Parse(time.DateOnly, to); err != nil {
		return fmt.Errorf("TO %q is not a date YYYY-MM-DD (the day the clarification arrived)", to)
	}
	if pause.To.Before(pause.From) {
		return fmt.Errorf("%s ends before it starts", s)
	}
	*p = append(*p, pause)
	return nil
}
