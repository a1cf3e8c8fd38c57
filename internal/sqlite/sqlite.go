// Package sqlite implements dpo.Store on a single SQLite file (modernc.org/sqlite, no cgo): the
// zero-setup store for one council running one privacybot. It runs in WAL mode with a busy
// timeout, foreign keys on and FULL synchronous commits, so a reference shown after Submit
// survives a crash or power cut; every transaction takes the write lock up front (BEGIN
// IMMEDIATE), so SQLite's single writer is also what makes outbox claims exclusive.
//
// It imports the domain (dpo) and database/sql; never another adapter, network or chat library.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

//go:embed migrations/*.sql
var migrations embed.FS

func init() {
	// SQLite's own lower() folds only ASCII letters: "émile zola" would miss Émile Zola's cases.
	// The assignee filter folds with Go's, as PostgreSQL's lower() does.
	sqlite.MustRegisterDeterministicScalarFunction("privacybot_lower", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return strings.ToLower(v), nil
		case []byte:
			return strings.ToLower(string(v)), nil
		}
		return args[0], nil
	})
}

// Store is a dpo.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
}

var _ dpo.Store = (*Store)(nil)

// Open opens (creating it and its parent directories if needed) the SQLite database at path and
// brings its schema up to date.
func Open(path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open queue %s: the path may not contain ? or #", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("open queue %s: %w", path, err)
		}
	}
	dsn := path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open queue %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	err = s.migrate(context.Background())
	for wait := 10 * time.Millisecond; busy(err) && wait < 3*time.Second; wait *= 2 {
		// Two processes creating the file at once: the one turning it to WAL mode holds a lock
		// SQLite's busy timeout doesn't wait for. Once it has, the schema is there to check.
		time.Sleep(wait)
		err = s.migrate(context.Background())
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open queue %s: %w", path, err)
	}
	return s, nil
}

// busy reports whether err is SQLite's "database is locked" (SQLITE_BUSY, in any of its
// extended forms).
func busy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 5
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// migrate applies the embedded migrations not yet recorded in schema_migrations, each in its own
// transaction. BEGIN IMMEDIATE makes a second process opening the file at the same moment wait,
// then see the versions the first one recorded.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a version number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				version, base, fmtTime(time.Now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return s.refreshSearchText(ctx)
}

// refreshSearchText writes the search text (dpo.SearchText) of the cases stored without one of
// the current dpo.SearchTextVersion: every case, when the migration that made the column has
// just run, or the cases a process of an older version stored since.
func (s *Store) refreshSearchText(ctx context.Context) error {
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT `+dpo.SearchSourceColumns+` FROM cases
			WHERE search_version < ? LIMIT ?`, dpo.SearchTextVersion, dpo.SearchRefreshBatch)
		if err != nil {
			return fmt.Errorf("read cases to index for search: %w", err)
		}
		stale, err := dpo.ScanSearchSources(rows)
		rows.Close()
		if err != nil {
			return fmt.Errorf("read cases to index for search: %w", err)
		}
		if len(stale) == 0 {
			return nil
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			for _, c := range stale {
				if err := writeSearchText(ctx, tx, c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("index cases for search: %w", err)
		}
	}
}

// writeSearchText stores the case's search text, of the current version.
func writeSearchText(ctx context.Context, tx *sql.Tx, c dpo.Case) error {
	_, err := tx.ExecContext(ctx, `UPDATE cases SET `+dpo.SearchColumn+` = ?, search_version = ? WHERE ref = ?`,
		dpo.SearchText(c), dpo.SearchTextVersion, c.Ref)
	if err != nil {
		return fmt.Errorf("index %s for search: %w", c.Ref, err)
	}
	return nil
}

// tx runs fn in a transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Create implements dpo.Store.
func (s *Store) Create(ctx context.Context, c dpo.Case, first dpo.Event) (dpo.Case, bool, error) {
	var ref string
	created := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if c.IdempotencyKey != "" {
			err := tx.QueryRowContext(ctx, `SELECT ref FROM cases WHERE idempotency_key = ?`, c.IdempotencyKey).Scan(&ref)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("look up idempotency key: %w", err)
			}
		}
		year := dpo.RefYear(c.Received)
		var seq int64
		err := tx.QueryRowContext(ctx, `INSERT INTO ref_seq (year, last) VALUES (?, 1)
			ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`, year).Scan(&seq)
		if err != nil {
			return fmt.Errorf("allocate reference: %w", err)
		}
		ref = dpo.FormatRef(year, seq)
		c.Ref = ref
		pauses, err := json.Marshal(c.Pauses)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO cases (ref, year, seq, idempotency_key, type, organisation,
			organisation_key, region, received_at, channel, requester_name, contact_kind, contact_value,
			on_behalf_of, on_behalf_of_whom, service, description, excerpt, status, due_at, awaiting_id,
			id_received_at, pauses, extended, extension_reason, assigned_to, law_enforcement, created_at, updated_at,
			closed_at, status_changed_at, time_limit_at, time_limit_reason, safeguarding, `+dpo.SearchColumn+`, search_version)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			ref, year, seq, nullString(c.IdempotencyKey), c.Type, c.Organisation,
			strings.ToLower(c.Organisation), c.Region, fmtTime(c.Received), c.Channel, c.Requester.Name,
			c.Requester.Contact.Kind, c.Requester.Contact.Value, c.Requester.OnBehalfOf,
			c.Requester.OnBehalfOfWhom, c.Service, c.Description, c.Excerpt, c.Status, nullTime(c.Due),
			c.AwaitingID, nullTime(c.IDReceived), string(pauses), c.Extended, c.ExtensionReason,
			c.AssignedTo, string(c.LawEnforcement), fmtTime(c.Created), fmtTime(c.Updated), nullTime(c.Closed),
			nullTime(c.StatusChanged), nullTime(c.TimeLimit), c.TimeLimitReason, c.Safeguarding,
			dpo.SearchText(c), dpo.SearchTextVersion)
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		first.Ref = ref
		if err := insertEvent(ctx, tx, first); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (ref, created_at) VALUES (?, ?)`, ref, fmtTime(c.Created)); err != nil {
			return fmt.Errorf("insert outbox row: %w", err)
		}
		created = true
		return nil
	})
	if err != nil {
		return dpo.Case{}, false, fmt.Errorf("create case: %w", err)
	}
	stored, err := s.Get(ctx, ref)
	return stored, created, err
}

func insertEvent(ctx context.Context, tx *sql.Tx, e dpo.Event) error {
	if e.Kind == "" || e.At.IsZero() {
		return fmt.Errorf("append event to %s: kind and time are required", e.Ref)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events (ref, at, actor, kind, from_status, to_status, note)
		VALUES (?,?,?,?,?,?,?)`, e.Ref, fmtTime(e.At), e.Actor, e.Kind, e.From, e.To, e.Note)
	if err != nil {
		return fmt.Errorf("append event to %s: %w", e.Ref, err)
	}
	return nil
}

const caseColumns = `ref, idempotency_key, type, organisation, region, received_at, channel, requester_name,
	contact_kind, contact_value, on_behalf_of, on_behalf_of_whom, service, description, excerpt, status,
	due_at, awaiting_id, id_received_at, pauses, extended, extension_reason, assigned_to, law_enforcement, created_at,
	updated_at, closed_at, status_changed_at, time_limit_at, time_limit_reason, reopened_at, safeguarding`

type scanner interface{ Scan(dest ...any) error }

func scanCase(row scanner) (dpo.Case, error) {
	var c dpo.Case
	var key, due, idReceived, closed, statusChanged, timeLimit, reopened sql.NullString
	var received, created, updated, pauses string
	err := row.Scan(&c.Ref, &key, &c.Type, &c.Organisation, &c.Region, &received, &c.Channel,
		&c.Requester.Name, &c.Requester.Contact.Kind, &c.Requester.Contact.Value, &c.Requester.OnBehalfOf,
		&c.Requester.OnBehalfOfWhom, &c.Service, &c.Description, &c.Excerpt, &c.Status, &due, &c.AwaitingID,
		&idReceived, &pauses, &c.Extended, &c.ExtensionReason, &c.AssignedTo, &c.LawEnforcement, &created, &updated, &closed,
		&statusChanged, &timeLimit, &c.TimeLimitReason, &reopened, &c.Safeguarding)
	if err != nil {
		return dpo.Case{}, err
	}
	c.IdempotencyKey = key.String
	var errs []error
	parse := func(dst *time.Time, s string) {
		if s == "" {
			return
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		errs = append(errs, err)
		*dst = t
	}
	parse(&c.Received, received)
	parse(&c.Due, due.String)
	parse(&c.IDReceived, idReceived.String)
	parse(&c.Created, created)
	parse(&c.Updated, updated)
	parse(&c.Closed, closed.String)
	parse(&c.StatusChanged, statusChanged.String)
	parse(&c.TimeLimit, timeLimit.String)
	parse(&c.Reopened, reopened.String)
	var ps []deadline.Pause
	errs = append(errs, json.Unmarshal([]byte(pauses), &ps))
	for i := range ps {
		ps[i].From, ps[i].To = utc(ps[i].From), utc(ps[i].To)
	}
	c.Pauses = ps
	if err := errors.Join(errs...); err != nil {
		return dpo.Case{}, fmt.Errorf("read case %s: %w", c.Ref, err)
	}
	return c, nil
}

// Get implements dpo.Store.
func (s *Store) Get(ctx context.Context, ref string) (dpo.Case, error) {
	return getCase(ctx, s.db, ref)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getCase(ctx context.Context, q querier, ref string) (dpo.Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE ref = ?`, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return dpo.Case{}, fmt.Errorf("%s: %w", ref, dpo.ErrNotFound)
	}
	if err != nil {
		return dpo.Case{}, fmt.Errorf("get %s: %w", ref, err)
	}
	return c, nil
}

// List implements dpo.Store.
func (s *Store) List(ctx context.Context, f dpo.Filter) ([]dpo.Case, error) {
	if err := s.searchable(ctx, f); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	where, args, err := caseWhere(f)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	query := `SELECT ` + caseColumns + ` FROM cases` + where + ` ORDER BY due_at IS NULL, due_at, ref`
	if f.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	var out []dpo.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	return out, nil
}

// searchable makes sure, before f's search is matched, that every case has its search text: a
// case a process of an older version stored since this one opened has none yet. (One indexed
// look-up finds none, almost always.)
func (s *Store) searchable(ctx context.Context, f dpo.Filter) error {
	if f.Search == "" {
		return nil
	}
	return s.refreshSearchText(ctx)
}

// caseWhere is the WHERE clause (with its leading space, or "" for every case) selecting the
// cases f keeps that also meet the conditions given (SQL taking no arguments), and its
// arguments; f's Limit is the caller's.
func caseWhere(f dpo.Filter, also ...string) (string, []any, error) {
	where := slices.Clone(also)
	var args []any
	in := func(column string, values []string) {
		where = append(where, column+` IN (`+strings.TrimSuffix(strings.Repeat("?,", len(values)), ",")+`)`)
		for _, v := range values {
			args = append(args, v)
		}
	}
	if len(f.Statuses) > 0 {
		vals := make([]string, len(f.Statuses))
		for i, st := range f.Statuses {
			vals[i] = string(st)
		}
		in("status", vals)
	}
	if len(f.Organisations) > 0 {
		vals := make([]string, len(f.Organisations))
		for i, o := range f.Organisations {
			vals[i] = strings.ToLower(strings.TrimSpace(o))
		}
		in("organisation_key", vals)
	}
	if f.AssignedTo != "" {
		where = append(where, `privacybot_lower(assigned_to) = privacybot_lower(?)`)
		args = append(args, f.AssignedTo)
	}
	if f.Unassigned {
		where = append(where, `assigned_to = ''`)
	}
	if f.Safeguarding {
		where = append(where, `safeguarding = 1`)
	}
	if f.LawEnforcement {
		where = append(where, `law_enforcement <> ?`)
		args = append(args, string(dpo.NotLawEnforcement))
	}
	if f.NeedsTimeLimit {
		var open []string
		for _, st := range dpo.OpenStatuses() {
			open = append(open, string(st))
		}
		in("status", open)
		where = append(where, `law_enforcement = ? AND due_at IS NULL`)
		args = append(args, string(dpo.LawEnforcementConfirmed))
	}
	if search := dpo.SearchSQL(f, func(v any) string { args = append(args, v); return "?" }); search != "" {
		where = append(where, search)
	}
	if f.Overdue || f.DueWithin > 0 {
		if f.Now.IsZero() {
			return "", nil, errors.New("a time to compare due dates with is required")
		}
		var final []string
		for _, st := range dpo.ClosedStatuses() {
			final = append(final, string(st))
		}
		where = append(where, `due_at IS NOT NULL AND status NOT IN (`+strings.TrimSuffix(strings.Repeat("?,", len(final)), ",")+`)`)
		for _, v := range final {
			args = append(args, v)
		}
	}
	if f.Overdue {
		where = append(where, `due_at < ?`)
		args = append(args, fmtTime(f.OverdueBefore()))
	}
	if f.DueWithin > 0 {
		where = append(where, `due_at <= ?`)
		args = append(args, fmtTime(f.DueBy()))
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return ` WHERE ` + strings.Join(where, ` AND `), args, nil
}

// Assignees implements dpo.Store: one query, whose rows are the names, not the cases.
func (s *Store) Assignees(ctx context.Context, f dpo.Filter) ([]string, error) {
	if err := s.searchable(ctx, f); err != nil {
		return nil, fmt.Errorf("list assignees: %w", err)
	}
	where, args, err := caseWhere(f, `assigned_to <> ''`)
	if err != nil {
		return nil, fmt.Errorf("list assignees: %w", err)
	}
	query := `SELECT DISTINCT assigned_to FROM cases` + where
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list assignees: %w", err)
	}
	return scanNames(rows, "list assignees", func(name string) string { return name })
}

// TrailAssignees implements dpo.Store: the assignment events' notes, each once, read in one
// query and the names taken from them as Event.Assignee does.
func (s *Store) TrailAssignees(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT note FROM events WHERE kind = ?`, string(dpo.EventAssigned))
	if err != nil {
		return nil, fmt.Errorf("list assignees on the audit trails: %w", err)
	}
	return scanNames(rows, "list assignees on the audit trails", func(note string) string {
		return dpo.Event{Kind: dpo.EventAssigned, Note: note}.Assignee()
	})
}

// scanNames reads rows of one text column, each turned into a name by name, and returns the
// names that are not empty, each spelling once, sorted in byte order (as the contract says; an
// ORDER BY would sort by the database's collation); doing says what for errors.
func scanNames(rows *sql.Rows, doing string, name func(string) string) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", doing, err)
		}
		if n := name(v); n != "" {
			out = append(out, n)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", doing, err)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Update implements dpo.Store. The transaction holds SQLite's write lock from its start, so the
// case cannot change between being read and being saved.
func (s *Store) Update(ctx context.Context, ref string, fn func(*dpo.Case) (dpo.Event, error)) (dpo.Case, error) {
	var out dpo.Case
	err := s.tx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, ref)
		if err != nil {
			return err
		}
		ev, err := fn(&c)
		if err != nil {
			return err
		}
		pauses, err := json.Marshal(c.Pauses)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE cases SET status = ?, due_at = ?, awaiting_id = ?,
			id_received_at = ?, pauses = ?, extended = ?, extension_reason = ?, assigned_to = ?,
			law_enforcement = ?, updated_at = ?, closed_at = ?, status_changed_at = ?, time_limit_at = ?,
			time_limit_reason = ?, reopened_at = ?, type = ? WHERE ref = ?`,
			c.Status, nullTime(c.Due), c.AwaitingID, nullTime(c.IDReceived), string(pauses), c.Extended,
			c.ExtensionReason, c.AssignedTo, string(c.LawEnforcement), fmtTime(c.Updated), nullTime(c.Closed),
			nullTime(c.StatusChanged), nullTime(c.TimeLimit), c.TimeLimitReason, nullTime(c.Reopened), c.Type, ref)
		if err != nil {
			return fmt.Errorf("save case: %w", err)
		}
		ev.Ref = ref
		if err := insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		out, err = getCase(ctx, tx, ref)
		return err
	})
	if err != nil {
		return dpo.Case{}, fmt.Errorf("update %s: %w", ref, err)
	}
	return out, nil
}

// Events implements dpo.Store.
func (s *Store) Events(ctx context.Context, ref string) ([]dpo.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ref, at, actor, kind, from_status, to_status, note
		FROM events WHERE ref = ? ORDER BY id`, ref)
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", ref, err)
	}
	defer rows.Close()
	var out []dpo.Event
	for rows.Next() {
		var e dpo.Event
		var at string
		if err := rows.Scan(&e.ID, &e.Ref, &at, &e.Actor, &e.Kind, &e.From, &e.To, &e.Note); err != nil {
			return nil, fmt.Errorf("events of %s: %w", ref, err)
		}
		if e.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("events of %s: %w", ref, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of %s: %w", ref, err)
	}
	if len(out) == 0 {
		// Every case has its submitted event, so no events means no case.
		return nil, fmt.Errorf("%s: %w", ref, dpo.ErrNotFound)
	}
	return out, nil
}

// ClaimOutbox implements dpo.Store. The immediate transaction is the lock: only one claimer
// runs at a time, and the lease it writes hides the rows from the next.
func (s *Store) ClaimOutbox(ctx context.Context, notifier string, now, leaseUntil time.Time, limit int) ([]dpo.Delivery, error) {
	var out []dpo.Delivery
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = nil
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox_delivery (outbox_id, notifier, next_attempt_at)
			SELECT o.id, ?, ? FROM outbox o WHERE NOT EXISTS (
				SELECT 1 FROM outbox_delivery d WHERE d.outbox_id = o.id AND d.notifier = ?)`,
			notifier, fmtTime(now), notifier); err != nil {
			return fmt.Errorf("track new outbox rows: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT d.outbox_id, o.ref, d.attempts FROM outbox_delivery d
			JOIN outbox o ON o.id = d.outbox_id
			WHERE d.notifier = ? AND d.delivered_at IS NULL AND d.next_attempt_at <= ?
			ORDER BY d.outbox_id LIMIT ?`, notifier, fmtTime(now), limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			d := dpo.Delivery{Notifier: notifier}
			if err := rows.Scan(&d.OutboxID, &d.Ref, &d.Attempts); err != nil {
				rows.Close()
				return err
			}
			d.Attempts++
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, d := range out {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox_delivery SET attempts = ?, next_attempt_at = ?
				WHERE outbox_id = ? AND notifier = ?`, d.Attempts, fmtTime(leaseUntil), d.OutboxID, notifier); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim outbox for %s: %w", notifier, err)
	}
	return out, nil
}

// MarkDelivered implements dpo.Store.
func (s *Store) MarkDelivered(ctx context.Context, d dpo.Delivery, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox_delivery SET delivered_at = ?, last_error = ''
		WHERE outbox_id = ? AND notifier = ?`, fmtTime(at), d.OutboxID, d.Notifier)
	if err != nil {
		return fmt.Errorf("mark %s delivered to %s: %w", d.Ref, d.Notifier, err)
	}
	return nil
}

// MarkFailed implements dpo.Store.
func (s *Store) MarkFailed(ctx context.Context, d dpo.Delivery, retryAt time.Time, reason string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox_delivery SET next_attempt_at = ?, last_error = ?
		WHERE outbox_id = ? AND notifier = ? AND delivered_at IS NULL`, fmtTime(retryAt), reason, d.OutboxID, d.Notifier)
	if err != nil {
		return fmt.Errorf("mark %s failed for %s: %w", d.Ref, d.Notifier, err)
	}
	return nil
}

// timeFormat is fixed-width UTC with nanoseconds, so stored times compare correctly as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return fmtTime(t)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
