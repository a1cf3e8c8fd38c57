package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/postgres"
	"github.com/privacybot/privacybot/internal/rights"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// openStore opens the DPO's queue: PostgreSQL when DATABASE_URL is set (several replicas share
// it), otherwise the SQLite file privacybot.db in PRIVACYBOT_DATA (./data by default), created on
// first use. The returned function closes it.
func openStore(ctx context.Context, app *App) (dpo.Store, func() error, error) {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return nil, nil, err
	}
	if cfg.DatabaseURL != "" {
		s, err := postgres.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, nil, err
		}
		return s, s.Close, nil
	}
	s, err := sqlite.Open(filepath.Join(cfg.DataDir, "privacybot.db"))
	if err != nil {
		return nil, nil, fmt.Errorf("%w (set PRIVACYBOT_DATA to a writable directory)", err)
	}
	return s, s.Close, nil
}

// openQueueStore opens the queue the queue commands work: one that exists. A SQLite file that
// isn't there is a mistyped PRIVACYBOT_DATA (or a machine where nothing was filed yet), not an
// empty queue: "No cases." from the wrong directory would tell a DPO nothing is overdue.
func openQueueStore(ctx context.Context, app *App) (dpo.Store, func() error, error) {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return nil, nil, err
	}
	if cfg.DatabaseURL == "" {
		path := filepath.Join(cfg.DataDir, "privacybot.db")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("there is no queue at %s: nothing has been filed there (is PRIVACYBOT_DATA right?)", path)
		}
	}
	return openStore(ctx, app)
}

// newQueue puts the DPO's rules over a store: the app's clock and the bank holidays of
// PRIVACYBOT_HOLIDAYS on top of the built-in ones.
func newQueue(app *App, store dpo.Store) (*dpo.Queue, error) {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return nil, err
	}
	cal, err := deadline.LoadExtraHolidays(cfg.Holidays)
	if err != nil {
		return nil, fmt.Errorf("PRIVACYBOT_HOLIDAYS: %w", err)
	}
	// A complaint retyped as a request is flagged for the DPO when its words suggest Part 3, by
	// the cue the conversation flags a request with at intake.
	return &dpo.Queue{Store: store, Now: app.Now, Calendar: cal, LawEnforcementCue: rights.LawEnforcement}, nil
}

// recalendar moves the due dates of open cases to those the queue's bank holidays give, each on
// its audit trail (dpo.Queue.Recalendar), and says which on stderr: run as serve, the Slack
// digest and the queue's list and export start, so what they list agree with PRIVACYBOT_HOLIDAYS
// as it now is (the queue's commands on one case move that case only: withCase).
func recalendar(ctx context.Context, app *App, q *dpo.Queue) error {
	moved, err := q.Recalendar(ctx)
	sayMoved(app, moved)
	return err
}

// sayMoved says on stderr which due dates the bank holidays moved, one line each.
func sayMoved(app *App, moved []dpo.Event) {
	for _, e := range moved {
		fmt.Fprintf(app.Stderr, "privacybot: %s: %s\n", e.Ref, e.Note)
	}
}
