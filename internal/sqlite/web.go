package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// AddUser stores a new dashboard user. A name already taken is fs.ErrExist.
func (s *Store) AddUser(ctx context.Context, name string, hash []byte, orgs []string, at time.Time) error {
	o, err := json.Marshal(orgs)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO users (name, password_hash, organisations, created_at) VALUES (?,?,?,?)`,
		name, hash, string(o), fmtTime(at))
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("add user %s: %w", name, fs.ErrExist)
	}
	if err != nil {
		return fmt.Errorf("add user %s: %w", name, err)
	}
	return nil
}

// LookupUser returns a user's password hash and organisations, or fs.ErrNotExist.
func (s *Store) LookupUser(ctx context.Context, name string) (hash []byte, orgs []string, err error) {
	var o string
	err = s.db.QueryRowContext(ctx, `SELECT password_hash, organisations FROM users WHERE name = ?`, name).Scan(&hash, &o)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("user %s: %w", name, fs.ErrNotExist)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("look up user %s: %w", name, err)
	}
	if err := json.Unmarshal([]byte(o), &orgs); err != nil {
		return nil, nil, fmt.Errorf("read user %s: %w", name, err)
	}
	return hash, orgs, nil
}

// Users lists the dashboard users by name, without their password hashes.
func (s *Store) Users(ctx context.Context) ([]dpo.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, organisations, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []dpo.User
	for rows.Next() {
		var u dpo.User
		var o, created string
		if err := rows.Scan(&u.Name, &o, &created); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		if err := json.Unmarshal([]byte(o), &u.Organisations); err != nil {
			return nil, fmt.Errorf("read user %s: %w", u.Name, err)
		}
		u.Created, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, u)
	}
	return out, rows.Err()
}

// RemoveUser deletes a dashboard user and signs them out everywhere (their sessions go in the
// same transaction), or returns fs.ErrNotExist.
func (s *Store) RemoveUser(ctx context.Context, name string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fs.ErrNotExist
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM dash_sessions WHERE user_name = ?`, name)
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
	_, err := s.db.ExecContext(ctx, `INSERT INTO dash_sessions (token_hash, user_name, csrf, created_at, expires_at)
		VALUES (?,?,?,?,?)`, tokenHash, user, csrf, fmtTime(created), fmtTime(expires))
	if err != nil {
		return fmt.Errorf("create dashboard session for %s: %w", user, err)
	}
	return nil
}

// DashSession returns the session stored under tokenHash, expired or not, or fs.ErrNotExist.
func (s *Store) DashSession(ctx context.Context, tokenHash string) (user, csrf string, expires time.Time, err error) {
	var exp string
	err = s.db.QueryRowContext(ctx, `SELECT user_name, csrf, expires_at FROM dash_sessions WHERE token_hash = ?`,
		tokenHash).Scan(&user, &csrf, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", time.Time{}, fmt.Errorf("dashboard session: %w", fs.ErrNotExist)
	}
	if err != nil {
		return "", "", time.Time{}, fmt.Errorf("read dashboard session: %w", err)
	}
	expires, err = time.Parse(time.RFC3339Nano, exp)
	if err != nil {
		return "", "", time.Time{}, fmt.Errorf("read dashboard session expiry: %w", err)
	}
	return user, csrf, expires, nil
}

// DeleteDashSession ends a session; an unknown one is no error (signing out twice is fine).
func (s *Store) DeleteDashSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM dash_sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("delete dashboard session: %w", err)
	}
	return nil
}

// PurgeDashSessions deletes the sessions that expired before cutoff, with their searches, and
// the searches that expired before it; it says how many sessions.
func (s *Store) PurgeDashSessions(ctx context.Context, before time.Time) (int64, error) {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM dash_searches WHERE expires_at < ?`, fmtTime(before)); err != nil {
		return 0, fmt.Errorf("purge dashboard searches: %w", err)
	}
	// The sessions' other searches go with them (ON DELETE CASCADE).
	res, err := s.db.ExecContext(ctx, `DELETE FROM dash_sessions WHERE expires_at < ?`, fmtTime(before))
	if err != nil {
		return 0, fmt.Errorf("purge dashboard sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// SaveDashSearch keeps a search of the dashboard's queue under id for the session tokenHash,
// until expires or the session's end (ON DELETE CASCADE). A session that doesn't exist is an
// error. The term is personal data: it is in no error this returns.
func (s *Store) SaveDashSearch(ctx context.Context, id, tokenHash, term string, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO dash_searches (id, session_hash, term, expires_at) VALUES (?,?,?,?)`,
		id, tokenHash, term, fmtTime(expires))
	if err != nil {
		return fmt.Errorf("save dashboard search: %w", err)
	}
	return nil
}

// DashSearch returns the search saved under id for the session tokenHash, expired or not, or
// fs.ErrNotExist, which is also what another session's search is.
func (s *Store) DashSearch(ctx context.Context, id, tokenHash string) (term string, expires time.Time, err error) {
	var exp string
	err = s.db.QueryRowContext(ctx, `SELECT term, expires_at FROM dash_searches WHERE id = ? AND session_hash = ?`,
		id, tokenHash).Scan(&term, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, fmt.Errorf("dashboard search: %w", fs.ErrNotExist)
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("read dashboard search: %w", err)
	}
	if expires, err = time.Parse(time.RFC3339Nano, exp); err != nil {
		return "", time.Time{}, fmt.Errorf("read dashboard search expiry: %w", err)
	}
	return term, expires, nil
}

// AppendTranscript stores one line of a conversation. The caller redacts text first: this store
// keeps what it is given.
func (s *Store) AppendTranscript(ctx context.Context, session, channel, org, role, text string, at time.Time) error {
	return s.AppendTranscripts(ctx, []transcript.Entry{{Session: session, Channel: channel, Org: org, Role: role,
		Text: text, At: at}})
}

// AppendTranscripts stores lines of conversations in one transaction, in order: one commit (one
// fsync under synchronous=FULL) for the whole batch instead of one per line. The caller redacts
// text first.
func (s *Store) AppendTranscripts(ctx context.Context, entries []transcript.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO transcripts (session, channel, organisation, role, text, at, outcome)
			VALUES (?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, e := range entries {
			if _, err := st.ExecContext(ctx, e.Session, e.Channel, e.Org, e.Role, e.Text, fmtTime(e.At), e.Outcome); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("append %d transcript lines: %w", len(entries), err)
	}
	return nil
}

// Transcript returns a session's stored lines as "role: text", oldest first.
func (s *Store) Transcript(ctx context.Context, session string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT role, text FROM transcripts WHERE session = ? ORDER BY id`, session)
	if err != nil {
		return nil, fmt.Errorf("read transcript: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var role, text string
		if err := rows.Scan(&role, &text); err != nil {
			return nil, fmt.Errorf("read transcript: %w", err)
		}
		out = append(out, role+": "+text)
	}
	return out, rows.Err()
}

// TranscriptsSince returns the transcript lines stored at or after since, in the order they were
// said.
func (s *Store) TranscriptsSince(ctx context.Context, since time.Time) ([]transcript.Entry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT session, channel, organisation, role, text, at, outcome
		FROM transcripts WHERE at >= ? ORDER BY id`, fmtTime(since))
	if err != nil {
		return nil, fmt.Errorf("read transcripts: %w", err)
	}
	defer rows.Close()
	var out []transcript.Entry
	for rows.Next() {
		var e transcript.Entry
		var at string
		if err := rows.Scan(&e.Session, &e.Channel, &e.Org, &e.Role, &e.Text, &at, &e.Outcome); err != nil {
			return nil, fmt.Errorf("read transcripts: %w", err)
		}
		if e.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("read transcripts: time %q: %w", at, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PurgeTranscripts deletes every transcript line stored before cutoff and says how many.
func (s *Store) PurgeTranscripts(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM transcripts WHERE at < ?`, fmtTime(before))
	if err != nil {
		return 0, fmt.Errorf("purge transcripts: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
