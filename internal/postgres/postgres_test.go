package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
)

// testURL returns the database for these tests, or skips.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("PRIVACYBOT_TEST_POSTGRES_URL")
	if u == "" {
		t.Skip("set PRIVACYBOT_TEST_POSTGRES_URL=postgres://… to run the PostgreSQL store tests")
	}
	return u
}

// freshSchema creates a schema with a random name, dropped when the test ends, and returns a URL
// whose connections use it, so tests (and CI runs sharing a server) never see each other's rows.
func freshSchema(t testing.TB) string {
	t.Helper()
	base := testURL(t)
	ctx := context.Background()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "privacybot_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, base)
	require.NoError(t, err)
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `CREATE SCHEMA `+schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Logf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func openFresh(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), freshSchema(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStoreContract(t *testing.T) {
	testURL(t)
	dpotest.Run(t, func(t *testing.T) dpo.Store { return openFresh(t) })
}

func TestDataMigrationsContract(t *testing.T) {
	testURL(t)
	dpotest.RunDataMigrations(t, func(t *testing.T) dpo.Store { return openFresh(t) }, func(t *testing.T, s dpo.Store, version int) {
		st := s.(*Store)
		_, err := st.pool.Exec(context.Background(), `DELETE FROM schema_migrations WHERE version = $1`, version)
		require.NoError(t, err)
		require.NoError(t, st.migrate(context.Background()))
	})
}

func TestOpenConcurrentlyMigratesOnce(t *testing.T) {
	u := freshSchema(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), u)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	s, err := Open(context.Background(), u)
	require.NoError(t, err)
	defer s.Close()
	var n int
	require.NoError(t, s.pool.QueryRow(context.Background(), `SELECT count(*) FROM schema_migrations`).Scan(&n))
	entries, err := migrations.ReadDir("migrations")
	require.NoError(t, err)
	assert.Equal(t, len(entries), n)
}

func TestAuditTrailCannotBeRewritten(t *testing.T) {
	s := openFresh(t)
	ctx := context.Background()
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-02T10:05:00Z") }}
	c, err := q.Submit(ctx, dpotest.Sample(dpotest.Date(t, "2026-03-02T10:00:00Z"), "k"))
	require.NoError(t, err)
	_, err = s.pool.Exec(ctx, `UPDATE events SET note = 'nothing happened' WHERE ref = $1`, c.Ref)
	assert.ErrorContains(t, err, "append-only")
	_, err = s.pool.Exec(ctx, `DELETE FROM events WHERE ref = $1`, c.Ref)
	assert.ErrorContains(t, err, "append-only")
}

func TestOpenBadURLDoesNotEchoPassword(t *testing.T) {
	_, err := Open(context.Background(), "postgres://u:s3cret@host:notaport/db")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cret")
}

// BenchmarkSubmit measures one submission: case + event + outbox row in one transaction.
func BenchmarkSubmit(b *testing.B) {
	q := dpo.NewQueue(openFresh(b))
	received := time.Now()
	for i := 0; b.Loop(); i++ {
		if _, err := q.Submit(context.Background(), dpotest.Sample(received, fmt.Sprintf("k%d", i))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures the dashboard's Find box on a queue of dpotest.SearchBenchCases.
func BenchmarkSearch(b *testing.B) {
	dpotest.BenchSearch(b, openFresh(b))
}

// The cases stored before the search text existed are found like new ones: the migration that
// makes its column leaves them without, and the store fills it in Go as it opens. A case a
// replica of an older version stores meanwhile (with no search text) is filled before a search.
func TestSearchTextIsFilledForCasesStoredBefore(t *testing.T) {
	ctx := context.Background()
	u := freshSchema(t)
	s, err := Open(ctx, u)
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-02T10:05:00Z") }}
	sub := dpotest.Sample(dpotest.Date(t, "2026-03-02T10:00:00Z"), "niamh")
	sub.Requester.Name = "Niamh O’Sullivan"
	niamh, err := q.Submit(ctx, sub)
	require.NoError(t, err)
	// The queue as it was before migration 0011.
	for _, stmt := range []string{`ALTER TABLE cases DROP COLUMN search_text, DROP COLUMN search_version`,
		`DELETE FROM schema_migrations WHERE version = 11`} {
		_, err := s.pool.Exec(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, s.Close())

	s, err = Open(ctx, u)
	require.NoError(t, err)
	defer s.Close()
	q.Store = s
	dpotest.CheckSearchTextRefilled(t, q, niamh, func(ref string) (text string, version int) {
		require.NoError(t, s.pool.QueryRow(ctx, `SELECT search_text, search_version FROM cases WHERE ref = $1`, ref).Scan(&text, &version))
		return text, version
	}, func(ref string) {
		_, err := s.pool.Exec(ctx, `UPDATE cases SET search_text = '', search_version = 0 WHERE ref = $1`, ref) // as an older replica stores it
		require.NoError(t, err)
	})
}
