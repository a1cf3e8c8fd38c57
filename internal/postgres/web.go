package postgres

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/privacybot/privacybot/internal/transcript"
)

// User is a member of the DPO's team who may sign in to the dashboard.
type User struct {
	Name          string
	PasswordHash  []byte   // bcrypt; never the password
	Organisations []string // whose cases they see; "*" means every organisation
	Created       time.Time
}

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
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, organisations, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.Name, &u.Organisations, &u.Created); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// RemoveUser deletes a dashboard user, or returns fs.ErrNotExist.
func (s *Store) RemoveUser(ctx context.Context, name string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM users WHERE name = $1`, name)
	if err != nil {
		return fmt.Errorf("remove user %s: %w", name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("user %s: %w", name, fs.ErrNotExist)
	}
	return nil
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
		[]string{"session", "channel", "organisation", "role", "text", "at"},
		pgx.CopyFromSlice(len(entries), func(i int) ([]any, error) {
			e := entries[i]
			return []any{e.Session, e.Channel, e.Org, e.Role, e.Text, e.At}, nil
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

// PurgeTranscripts deletes every transcript line stored before cutoff and says how many.
func (s *Store) PurgeTranscripts(ctx context.Context, before time.Time) (int64, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM transcripts WHERE at < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("purge transcripts: %w", err)
	}
	return tag.RowsAffected(), nil
}
