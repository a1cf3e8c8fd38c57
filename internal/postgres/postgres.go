// Package postgres implements dpo.Store on PostgreSQL (pgx/v5 with a pgxpool), for councils that
// run several privacybot replicas against one database. Migrations are embedded and applied at
// Open under an advisory lock, so replicas starting together don't race; outbox rows are claimed
// with FOR UPDATE SKIP LOCKED, so two dispatchers never send the same announcement.
//
// It imports the domain (dpo) and pgx; never another adapter, network or chat library.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the first key of the advisory lock held while migrating; the second is the
// schema's name, so test schemas in one database don't wait for each other.
const migrationLock = 0x70627462 // "pbtb"

// Store is a dpo.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ dpo.Store = (*Store)(nil)

// Open connects to the database at url (a postgres:// URL or key=value string; a search_path
// parameter selects the schema) and brings the schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The error may quote the URL, password included: say only what went wrong.
		return nil, errors.New("open queue: DATABASE_URL is not a valid PostgreSQL connection string")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open queue on %s: %w", cfg.ConnConfig.Host, err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open queue on %s: %w", cfg.ConnConfig.Host, err)
	}
	return s, nil
}

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, hashtext(current_schema()))`, migrationLock); err != nil {
		return fmt.Errorf("lock for migration: %w", err)
	}
	defer func() {
		// A fresh context: the unlock must happen even when ctx was cancelled mid-migration.
		_, _ = conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, migrationLock)
	}()
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a version number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, version).Scan(&done); err != nil {
				return err
			}
			if done {
				return nil
			}
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, version, base)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	// Under the migration lock still: replicas starting together index each case once.
	return s.refreshSearchText(ctx)
}

// refreshSearchText writes the search text (dpo.SearchText) of the cases stored without one of
// the current dpo.SearchTextVersion: every case, when the migration that made the column has
// just run, or the cases a replica of an older version stored since.
func (s *Store) refreshSearchText(ctx context.Context) error {
	for {
		rows, err := s.pool.Query(ctx, `SELECT `+dpo.SearchSourceColumns+` FROM cases
			WHERE search_version < $1 LIMIT $2`, dpo.SearchTextVersion, dpo.SearchRefreshBatch)
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
		refs, texts := make([]string, len(stale)), make([]string, len(stale))
		for i, c := range stale {
			refs[i], texts[i] = c.Ref, dpo.SearchText(c)
		}
		// One statement a batch: a round trip a case took 2 s for 5,000 cases.
		_, err = s.pool.Exec(ctx, `UPDATE cases SET `+dpo.SearchColumn+` = v.text, search_version = $3
			FROM unnest($1::text[], $2::text[]) AS v (ref, text) WHERE cases.ref = v.ref`, refs, texts, dpo.SearchTextVersion)
		if err != nil {
			return fmt.Errorf("index cases for search: %w", err)
		}
	}
}

// searchable makes sure, before f's search is matched, that every case has its search text: a
// case a replica of an older version stored since this one opened has none yet. (One indexed
// look-up finds none, almost always.)
func (s *Store) searchable(ctx context.Context, f dpo.Filter) error {
	if f.Search == "" {
		return nil
	}
	return s.refreshSearchText(ctx)
}

// Create implements dpo.Store. Concurrent submissions with one idempotency key race on the
// key's unique index: the losers' transactions roll back (returning their reference numbers
// unused) and they return the winner's case.
func (s *Store) Create(ctx context.Context, c dpo.Case, first dpo.Event) (dpo.Case, bool, error) {
	for attempt := 0; ; attempt++ {
		ref, created, err := s.create(ctx, c, first)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "cases_idempotency_key_key" && attempt < 3 {
			continue
		}
		if err != nil {
			return dpo.Case{}, false, fmt.Errorf("create case: %w", err)
		}
		stored, err := s.Get(ctx, ref)
		return stored, created, err
	}
}

func (s *Store) create(ctx context.Context, c dpo.Case, first dpo.Event) (ref string, created bool, err error) {
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if c.IdempotencyKey != "" {
			err := tx.QueryRow(ctx, `SELECT ref FROM cases WHERE idempotency_key = $1`, c.IdempotencyKey).Scan(&ref)
			if err == nil {
				return nil
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("look up idempotency key: %w", err)
			}
		}
		year := dpo.RefYear(c.Received)
		var seq int64
		// The row lock on this year's counter serialises allocation until commit, so numbers are
		// unique and, because a rolled-back transaction undoes its increment, without gaps.
		err := tx.QueryRow(ctx, `INSERT INTO ref_seq (year, last) VALUES ($1, 1)
			ON CONFLICT (year) DO UPDATE SET last = ref_seq.last + 1 RETURNING last`, year).Scan(&seq)
		if err != nil {
			return fmt.Errorf("allocate reference: %w", err)
		}
		ref = dpo.FormatRef(year, seq)
		c.Ref = ref // its search text holds it
		pauses, err := json.Marshal(c.Pauses)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO cases (ref, year, seq, idempotency_key, type, organisation,
			organisation_key, region, received_at, channel, requester_name, contact_kind, contact_value,
			on_behalf_of, on_behalf_of_whom, service, description, excerpt, status, due_at, awaiting_id,
			id_received_at, pauses, extended, extension_reason, assigned_to, law_enforcement, created_at, updated_at,
			closed_at, status_changed_at, time_limit_at, time_limit_reason, safeguarding, `+dpo.SearchColumn+`, search_version)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,
			$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36)`,
			ref, year, seq, nullString(c.IdempotencyKey), string(c.Type), c.Organisation,
			strings.ToLower(c.Organisation), string(c.Region), c.Received, string(c.Channel), c.Requester.Name,
			string(c.Requester.Contact.Kind), c.Requester.Contact.Value, c.Requester.OnBehalfOf,
			c.Requester.OnBehalfOfWhom, c.Service, c.Description, c.Excerpt, string(c.Status), nullTime(c.Due),
			c.AwaitingID, nullTime(c.IDReceived), json.RawMessage(pauses), c.Extended, c.ExtensionReason,
			c.AssignedTo, string(c.LawEnforcement), c.Created, c.Updated, nullTime(c.Closed), nullTime(c.StatusChanged),
			nullTime(c.TimeLimit), c.TimeLimitReason, c.Safeguarding, dpo.SearchText(c), dpo.SearchTextVersion)
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		first.Ref = ref
		if err := insertEvent(ctx, tx, first); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO outbox (ref, created_at) VALUES ($1, $2)`, ref, c.Created); err != nil {
			return fmt.Errorf("insert outbox row: %w", err)
		}
		created = true
		return nil
	})
	return ref, created, err
}

func insertEvent(ctx context.Context, tx pgx.Tx, e dpo.Event) error {
	if e.Kind == "" || e.At.IsZero() {
		return fmt.Errorf("append event to %s: kind and time are required", e.Ref)
	}
	_, err := tx.Exec(ctx, `INSERT INTO events (ref, at, actor, kind, from_status, to_status, note)
		VALUES ($1,$2,$3,$4,$5,$6,$7)`, e.Ref, e.At, e.Actor, string(e.Kind), string(e.From), string(e.To), e.Note)
	if err != nil {
		return fmt.Errorf("append event to %s: %w", e.Ref, err)
	}
	return nil
}

const caseColumns = `ref, idempotency_key, type, organisation, region, received_at, channel, requester_name,
	contact_kind, contact_value, on_behalf_of, on_behalf_of_whom, service, description, excerpt, status,
	due_at, awaiting_id, id_received_at, pauses, extended, extension_reason, assigned_to, law_enforcement, created_at,
	updated_at, closed_at, status_changed_at, time_limit_at, time_limit_reason, reopened_at, safeguarding`

func scanCase(row pgx.Row) (dpo.Case, error) {
	var c dpo.Case
	var key *string
	var typ, region, channel, kind, status string
	var due, idReceived, closed, statusChanged, timeLimit, reopened *time.Time
	var pauses []byte
	err := row.Scan(&c.Ref, &key, &typ, &c.Organisation, &region, &c.Received, &channel,
		&c.Requester.Name, &kind, &c.Requester.Contact.Value, &c.Requester.OnBehalfOf,
		&c.Requester.OnBehalfOfWhom, &c.Service, &c.Description, &c.Excerpt, &status, &due, &c.AwaitingID,
		&idReceived, &pauses, &c.Extended, &c.ExtensionReason, &c.AssignedTo, &c.LawEnforcement, &c.Created, &c.Updated, &closed,
		&statusChanged, &timeLimit, &c.TimeLimitReason, &reopened, &c.Safeguarding)
	if err != nil {
		return dpo.Case{}, err
	}
	if key != nil {
		c.IdempotencyKey = *key
	}
	c.Type, c.Region, c.Channel = dpo.RequestType(typ), deadline.Region(region), dpo.Channel(channel)
	c.Requester.Contact.Kind, c.Status = dpo.ContactKind(kind), dpo.Status(status)
	c.Received, c.Created, c.Updated = c.Received.UTC(), c.Created.UTC(), c.Updated.UTC()
	c.Due, c.IDReceived, c.Closed, c.StatusChanged = deref(due), deref(idReceived), deref(closed), deref(statusChanged)
	c.TimeLimit, c.Reopened = deref(timeLimit), deref(reopened)
	var ps []deadline.Pause
	if err := json.Unmarshal(pauses, &ps); err != nil {
		return dpo.Case{}, fmt.Errorf("read case %s: pauses: %w", c.Ref, err)
	}
	for i := range ps {
		ps[i].From, ps[i].To = utc(ps[i].From), utc(ps[i].To)
	}
	c.Pauses = ps
	return c, nil
}

type queryRower interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func getCase(ctx context.Context, q queryRower, ref string, lock bool) (dpo.Case, error) {
	query := `SELECT ` + caseColumns + ` FROM cases WHERE ref = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	c, err := scanCase(q.QueryRow(ctx, query, ref))
	if errors.Is(err, pgx.ErrNoRows) {
		return dpo.Case{}, fmt.Errorf("%s: %w", ref, dpo.ErrNotFound)
	}
	if err != nil {
		return dpo.Case{}, fmt.Errorf("get %s: %w", ref, err)
	}
	return c, nil
}

// Get implements dpo.Store.
func (s *Store) Get(ctx context.Context, ref string) (dpo.Case, error) {
	return getCase(ctx, s.pool, ref, false)
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
	query := `SELECT ` + caseColumns + ` FROM cases` + where + ` ORDER BY due_at NULLS LAST, ref`
	if f.Limit > 0 {
		args = append(args, f.Limit)
		query += ` LIMIT $` + strconv.Itoa(len(args))
	}
	rows, err := s.pool.Query(ctx, query, args...)
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

// caseWhere is the WHERE clause (with its leading space, or "" for every case) selecting the
// cases f keeps that also meet the conditions given (SQL taking no arguments), and its
// arguments ($1 on); f's Limit is the caller's.
func caseWhere(f dpo.Filter, also ...string) (string, []any, error) {
	where := slices.Clone(also)
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if len(f.Statuses) > 0 {
		vals := make([]string, len(f.Statuses))
		for i, st := range f.Statuses {
			vals[i] = string(st)
		}
		where = append(where, `status = ANY(`+arg(vals)+`)`)
	}
	if len(f.Organisations) > 0 {
		vals := make([]string, len(f.Organisations))
		for i, o := range f.Organisations {
			vals[i] = strings.ToLower(strings.TrimSpace(o))
		}
		where = append(where, `organisation_key = ANY(`+arg(vals)+`)`)
	}
	if f.AssignedTo != "" {
		where = append(where, `lower(assigned_to) = lower(`+arg(f.AssignedTo)+`)`)
	}
	if f.Unassigned {
		where = append(where, `assigned_to = ''`)
	}
	if f.Safeguarding {
		where = append(where, `safeguarding`)
	}
	if f.LawEnforcement {
		where = append(where, `law_enforcement <> `+arg(string(dpo.NotLawEnforcement)))
	}
	if f.NeedsTimeLimit {
		var open []string
		for _, st := range dpo.OpenStatuses() {
			open = append(open, string(st))
		}
		where = append(where, `status = ANY(`+arg(open)+`) AND law_enforcement = `+arg(string(dpo.LawEnforcementConfirmed))+` AND due_at IS NULL`)
	}
	if search := dpo.SearchSQL(f, arg); search != "" {
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
		where = append(where, `due_at IS NOT NULL AND NOT status = ANY(`+arg(final)+`)`)
	}
	if f.Overdue {
		where = append(where, `due_at < `+arg(f.OverdueBefore()))
	}
	if f.DueWithin > 0 {
		where = append(where, `due_at <= `+arg(f.DueBy()))
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
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list assignees: %w", err)
	}
	return scanNames(rows, "list assignees", func(name string) string { return name })
}

// TrailAssignees implements dpo.Store: the assignment events' notes, each once, read in one
// query and the names taken from them as Event.Assignee does.
func (s *Store) TrailAssignees(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT note FROM events WHERE kind = $1`, string(dpo.EventAssigned))
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
func scanNames(rows pgx.Rows, doing string, name func(string) string) ([]string, error) {
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

// Update implements dpo.Store; the case row is locked (FOR UPDATE) from read to commit.
func (s *Store) Update(ctx context.Context, ref string, fn func(*dpo.Case) (dpo.Event, error)) (dpo.Case, error) {
	var out dpo.Case
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, ref, true)
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
		_, err = tx.Exec(ctx, `UPDATE cases SET status = $1, due_at = $2, awaiting_id = $3,
			id_received_at = $4, pauses = $5, extended = $6, extension_reason = $7, assigned_to = $8,
			law_enforcement = $9, updated_at = $10, closed_at = $11, status_changed_at = $12, time_limit_at = $13,
			time_limit_reason = $14, reopened_at = $15, type = $16 WHERE ref = $17`,
			string(c.Status), nullTime(c.Due), c.AwaitingID, nullTime(c.IDReceived), json.RawMessage(pauses),
			c.Extended, c.ExtensionReason, c.AssignedTo, string(c.LawEnforcement), c.Updated, nullTime(c.Closed), nullTime(c.StatusChanged),
			nullTime(c.TimeLimit), c.TimeLimitReason, nullTime(c.Reopened), string(c.Type), ref)
		if err != nil {
			return fmt.Errorf("save case: %w", err)
		}
		ev.Ref = ref
		if err := insertEvent(ctx, tx, ev); err != nil {
			return err
		}
		out, err = getCase(ctx, tx, ref, false)
		return err
	})
	if err != nil {
		return dpo.Case{}, fmt.Errorf("update %s: %w", ref, err)
	}
	return out, nil
}

// Events implements dpo.Store.
func (s *Store) Events(ctx context.Context, ref string) ([]dpo.Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, ref, at, actor, kind, from_status, to_status, note
		FROM events WHERE ref = $1 ORDER BY id`, ref)
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", ref, err)
	}
	defer rows.Close()
	var out []dpo.Event
	for rows.Next() {
		var e dpo.Event
		var kind, from, to string
		if err := rows.Scan(&e.ID, &e.Ref, &e.At, &e.Actor, &kind, &from, &to, &e.Note); err != nil {
			return nil, fmt.Errorf("events of %s: %w", ref, err)
		}
		e.At, e.Kind, e.From, e.To = e.At.UTC(), dpo.EventKind(kind), dpo.Status(from), dpo.Status(to)
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

// ClaimOutbox implements dpo.Store. Rows locked by another claimer are skipped (SKIP LOCKED);
// rows it has already claimed carry a next_attempt_at in the future, which the locking read
// re-checks on the latest row version, so they are skipped too.
func (s *Store) ClaimOutbox(ctx context.Context, notifier string, now, leaseUntil time.Time, limit int) ([]dpo.Delivery, error) {
	var out []dpo.Delivery
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		out = nil
		if _, err := tx.Exec(ctx, `INSERT INTO outbox_delivery (outbox_id, notifier, next_attempt_at)
			SELECT o.id, $1, $2 FROM outbox o WHERE NOT EXISTS (
				SELECT 1 FROM outbox_delivery d WHERE d.outbox_id = o.id AND d.notifier = $1)
			ORDER BY o.id
			ON CONFLICT DO NOTHING`, notifier, now); err != nil {
			return fmt.Errorf("track new outbox rows: %w", err)
		}
		rows, err := tx.Query(ctx, `UPDATE outbox_delivery d SET attempts = d.attempts + 1, next_attempt_at = $3
			FROM outbox o
			WHERE o.id = d.outbox_id AND d.notifier = $1 AND d.outbox_id IN (
				SELECT outbox_id FROM outbox_delivery
				WHERE notifier = $1 AND delivered_at IS NULL AND next_attempt_at <= $2
				ORDER BY outbox_id LIMIT $4
				FOR UPDATE SKIP LOCKED)
			RETURNING d.outbox_id, o.ref, d.attempts`, notifier, now, leaseUntil, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d := dpo.Delivery{Notifier: notifier}
			if err := rows.Scan(&d.OutboxID, &d.Ref, &d.Attempts); err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim outbox for %s: %w", notifier, err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].OutboxID < out[j].OutboxID })
	return out, nil
}

// MarkDelivered implements dpo.Store.
func (s *Store) MarkDelivered(ctx context.Context, d dpo.Delivery, at time.Time) error {
	_, err := s.pool.Exec(ctx, `UPDATE outbox_delivery SET delivered_at = $1, last_error = ''
		WHERE outbox_id = $2 AND notifier = $3`, at, d.OutboxID, d.Notifier)
	if err != nil {
		return fmt.Errorf("mark %s delivered to %s: %w", d.Ref, d.Notifier, err)
	}
	return nil
}

// MarkFailed implements dpo.Store.
func (s *Store) MarkFailed(ctx context.Context, d dpo.Delivery, retryAt time.Time, reason string) error {
	_, err := s.pool.Exec(ctx, `UPDATE outbox_delivery SET next_attempt_at = $1, last_error = $2
		WHERE outbox_id = $3 AND notifier = $4 AND delivered_at IS NULL`, retryAt, reason, d.OutboxID, d.Notifier)
	if err != nil {
		return fmt.Errorf("mark %s failed for %s: %w", d.Ref, d.Notifier, err)
	}
	return nil
}

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
