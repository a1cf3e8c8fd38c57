package postgres

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// AddUser stores a new dashboard user. A name already taken is fs.ErrExist.
func (s *Store) AddUser(ctx context.Context, name string, hash []byte, orgs []string, at time.Time) error {
	if orgs == nil {
		orgs = []string{}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO users (name, password_hash, organisations, created_at) VALUES ($1,$2,$3,$4)`,
		name, hash, orgs, at)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return fmt.Errorf("add user %s: %w", name, fs.ErrExist)
	}
	if err != nil {
		return fmt.Errorf("add user %s: %w", name, err)
	}
	return nil
}

// LookupUser returns a user's password hash and organisations, or fs.ErrNotExist.
func (s *Store) LookupUser(ctx context.Context, name string) (hash []byte, orgs []string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT password_hash, organisations FROM users WHERE name = $1`, name).Scan(&hash, &orgs)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, fmt.Errorf("user %s: %w", name, fs.ErrNotExist)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("look up user %s: %w", name, err)
	}
	return hash, orgs, nil
}

// Users lists the dashboard users by name, without their password hashes.
func (s *Store) Users(ctx context.Context) ([]dpo.User, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, organisations, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []dpo.User
	for rows.Next() {
		var u dpo.User
		if err := rows.Scan(&u.Name, &u.Organisations, &u.Created); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// RemoveUser deletes a dashboard user and signs them out everywhere (their sessions go in the
// same transaction), or returns fs.ErrNotExist.
func (s *Store) RemoveUser(ctx context.Context, name string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM users WHERE name = $1`, name)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fs.ErrNotExist
		}
		_, err = tx.Exec(ctx, `DELETE FROM dash_sessions WHERE user_name = $1`, name)
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("user %s: %w", name, fs.ErrNotExist)
	}
	if err != nil {
		return fmt.Errorf("remove user %s: %w", name, err)
	}
	return nil
}

// CreateDashSession stores a dashboard sign-in session under the hash of its token (never the
// token itself).
func (s *Store) CreateDashSession(ctx context.Context, tokenHash, user, csrf string, created, expires time.Time) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dash_sessions (token_hash, user_name, csrf, created_at, expires_at)
		VALUES ($1,$2,$3,$4,$5)`, tokenHash, user, csrf, created, expires)
	if err != nil {
		return fmt.Errorf("create dashboard session for %s: %w", user, err)
	}
	return nil
}

// DashSession returns the session stored under tokenHash, expired or not, or fs.ErrNotExist.
func (s *Store) DashSession(ctx context.Context, tokenHash string) (user, csrf string, expires time.Time, err error) {
	err = s.pool.QueryRow(ctx, `SELECT user_name, csrf, expires_at FROM dash_sessions WHERE token_hash = $1`,
		tokenHash).Scan(&user, &csrf, &expires)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", time.Time{}, fmt.Errorf("dashboard session: %w", fs.ErrNotExist)
	}
	if err != nil {
		return "", "", time.Time{}, fmt.Errorf("read dashboard session: %w", err)
	}
	return user, csrf, expires, nil
}

// DeleteDashSession ends a session; an unknown one is no error (signing out twice is fine).
func (s *Store) DeleteDashSession(ctx context.Context, tokenHash string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM dash_sessions WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("delete dashboard session: %w", err)
	}
	return nil
}

// PurgeDashSessions deletes the sessions that expired before cutoff, with their searches, and
// the searches that expired before it; it says how many sessions.
func (s *Store) PurgeDashSessions(ctx context.Context, before time.Time) (int64, error) {
	if _, err := s.pool.Exec(ctx, `DELETE FROM dash_searches WHERE expires_at < $1`, before); err != nil {
		return 0, fmt.Errorf("purge dashboard searches: %w", err)
	}
	// The sessions' other searches go with them (ON DELETE CASCADE).
	tag, err := s.pool.Exec(ctx, `DELETE FROM dash_sessions WHERE expires_at < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("purge dashboard sessions: %w", err)
	}
	return tag.RowsAffected(), nil
}

// SaveDashSearch keeps a search of the dashboard's queue under id for the session tokenHash,
// until expires or the session's end (ON DELETE CASCADE). A session that doesn't exist is an
// error. The term is personal data: it is in no error this returns.
func (s *Store) SaveDashSearch(ctx context.Context, id, tokenHash, term string, expires time.Time) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dash_searches (id, session_hash, term, expires_at) VALUES ($1,$2,$3,$4)`,
		id, tokenHash, term, expires)
	if err != nil {
		return fmt.Errorf("save dashboard search: %w", err)
	}
	return nil
}

// DashSearch returns the search saved under id for the session tokenHash, expired or not, or
// fs.ErrNotExist, which is also what another session's search is.
func (s *Store) DashSearch(ctx context.Context, id, tokenHash string) (term string, expires time.Time, err error) {
	err = s.pool.QueryRow(ctx, `SELECT term, expires_at FROM dash_searches WHERE id = $1 AND session_hash = $2`,
		id, tokenHash).Scan(&term, &expires)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", time.Time{}, fmt.Errorf("dashboard search: %w", fs.ErrNotExist)
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("read dashboard search: %w", err)
	}
	return term, expires, nil
}

// AppendTranscript stores one line of a conversation. The caller redacts text first: this store
// keeps what it is given.
func (s *Store) AppendTranscript(ctx context.Context, session, channel, org, role, text string, at time.Time) error {
	return s.AppendTranscripts(ctx, []transcript.Entry{{Session: session, Channel: channel, Org: org, Role: role,
		Text: text, At: at}})
}

// AppendTranscripts stores lines of conversations with one COPY, which is atomic and keeps their
// order (ids are drawn in row order). The caller redacts text first.
func (s *Store) AppendTranscripts(ctx context.Context, entries []transcript.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	_, err := s.pool.CopyFrom(ctx, pgx.Identifier{"transcripts"},
		[]string{"session", "channel", "organisation", "role", "text", "at", "outcome"},
		pgx.CopyFromSlice(len(entries), func(i int) ([]any, error) {
			e := entries[i]
			return []any{e.Session, e.Channel, e.Org, e.Role, e.Text, e.At, e.Outcome}, nil
		}))
	if err != nil {
		return fmt.Errorf("append %d transcript lines: %w", len(entries), err)
	}
	return nil
}

// Transcript returns a session's stored lines as "role: text", oldest first.
func (s *Store) Transcript(ctx context.Context, session string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT role || ': ' || text FROM transcripts WHERE session = $1 ORDER BY id`, session)
	if err != nil {
		return nil, fmt.Errorf("read transcript: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read transcript: %w", err)
	}
	return out, nil
}

// TranscriptsSince returns the transcript lines stored at or after since, in the order they were
// said.
func (s *Store) TranscriptsSince(ctx context.Context, since time.Time) ([]transcript.Entry, error) {
	rows, err := s.pool.Query(ctx, `SELECT session, channel, organisation, role, text, at, outcome
		FROM transcripts WHERE at >= $1 ORDER BY id`, since)
	if err != nil {
		return nil, fmt.Errorf("read transcripts: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (transcript.Entry, error) {
		var e transcript.Entry
		err := row.Scan(&e.Session, &e.Channel, &e.Org, &e.Role, &e.Text, &e.At, &e.Outcome)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("read transcripts: %w", err)
	}
	return out, nil
}

// PurgeTranscripts deletes every transcript line stored before cutoff and says how many.
func (s *Store) PurgeTranscripts(ctx context.Context, before time.Time) (int64, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM transcripts WHERE at < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("purge transcripts: %w", err)
	}
	return tag.RowsAffected(), nil
}
