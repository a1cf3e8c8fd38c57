package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "privacybot.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStoreContract(t *testing.T) {
	dpotest.Run(t, func(t *testing.T) dpo.Store { return openTemp(t) })
}

func TestDataMigrationsContract(t *testing.T) {
	dpotest.RunDataMigrations(t, func(t *testing.T) dpo.Store { return openTemp(t) }, func(t *testing.T, s dpo.Store, version int) {
		st := s.(*Store)
		_, err := st.db.Exec(`DELETE FROM schema_migrations WHERE version = ?`, version)
		require.NoError(t, err)
		require.NoError(t, st.migrate(context.Background()))
	})
}

func TestOpenIsIdempotentAndSafeConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "q.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(path)
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
	s, err := Open(path)
	require.NoError(t, err)
	defer s.Close()
	var n int
	require.NoError(t, s.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n))
	entries, err := migrations.ReadDir("migrations")
	require.NoError(t, err)
	assert.Equal(t, len(entries), n, "each migration recorded once")
}

func TestAuditTrailCannotBeRewritten(t *testing.T) {
	s := openTemp(t)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-02T10:05:00Z") }}
	c, err := q.Submit(context.Background(), dpotest.Sample(dpotest.Date(t, "2026-03-02T10:00:00Z"), "k"))
	require.NoError(t, err)
	_, err = s.db.Exec(`UPDATE events SET note = 'nothing happened' WHERE ref = ?`, c.Ref)
	assert.ErrorContains(t, err, "append-only")
	_, err = s.db.Exec(`DELETE FROM events WHERE ref = ?`, c.Ref)
	assert.ErrorContains(t, err, "append-only")
	events, err := s.Events(context.Background(), c.Ref)
	require.NoError(t, err)
	assert.Equal(t, "request received", events[0].Note)
}

// durabilityEnv tells the re-executed test binary to act as the submitting process.
const durabilityEnv = "PRIVACYBOT_TEST_SUBMIT_AND_DIE"

// TestReferenceSurvivesKillAfterShown submits in a child process that prints the reference and
// exits at once, without closing the database — as if killed right after showing the requester
// their reference — and checks the parent then finds the case in the file.
func TestReferenceSurvivesKillAfterShown(t *testing.T) {
	if path := os.Getenv(durabilityEnv); path != "" {
		submitAndDie(path)
		return
	}
	path := filepath.Join(t.TempDir(), "privacybot.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestReferenceSurvivesKillAfterShown$")
	cmd.Env = append(os.Environ(), durabilityEnv+"="+path)
	out, err := cmd.Output()
	require.NoError(t, err, "child: %s", out)
	var ref string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if r, ok := strings.CutPrefix(sc.Text(), "REF "); ok {
			ref = r
		}
	}
	require.NotEmpty(t, ref, "child printed no reference: %s", out)

	s, err := Open(path)
	require.NoError(t, err)
	defer s.Close()
	c, err := s.Get(context.Background(), ref)
	require.NoError(t, err)
	assert.Equal(t, "Jo Bloggs", c.Requester.Name)
	claimed, err := s.ClaimOutbox(context.Background(), "email", time.Now(), time.Now().Add(time.Minute), 10)
	require.NoError(t, err)
	require.Len(t, claimed, 1, "the announcement survived too")
	assert.Equal(t, ref, claimed[0].Ref)
}

func submitAndDie(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	q := dpo.NewQueue(s)
	sub := dpotest.Sample(time.Now(), "child")
	c, err := q.Submit(context.Background(), sub)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	fmt.Println("REF " + c.Ref)
	os.Exit(0) // no Close, no deferred cleanup: the process is gone
}

// BenchmarkSubmit measures one durable submission: case + event + outbox row, FULL sync commit.
func BenchmarkSubmit(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "privacybot.db"))
	require.NoError(b, err)
	defer s.Close()
	q := dpo.NewQueue(s)
	received := time.Now()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := q.Submit(context.Background(), dpotest.Sample(received, fmt.Sprintf("k%d", i))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures the dashboard's Find box on a queue of dpotest.SearchBenchCases.
func BenchmarkSearch(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "privacybot.db"))
	require.NoError(b, err)
	defer s.Close()
	dpotest.BenchSearch(b, s)
}

// The cases stored before the search text existed are found like new ones: the migration that
// makes its column leaves them without, and the store fills it in Go as it opens. A case an
// older process stores while this one is open (with no search text) is filled before a search.
func TestSearchTextIsFilledForCasesStoredBefore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "privacybot.db")
	s, err := Open(path)
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-02T10:05:00Z") }}
	sub := dpotest.Sample(dpotest.Date(t, "2026-03-02T10:00:00Z"), "niamh")
	sub.Requester.Name = "Niamh O’Sullivan"
	niamh, err := q.Submit(ctx, sub)
	require.NoError(t, err)
	// The queue as it was before migration 0011.
	for _, stmt := range []string{`DROP INDEX cases_search_version`, `ALTER TABLE cases DROP COLUMN search_text`,
		`ALTER TABLE cases DROP COLUMN search_version`, `DELETE FROM schema_migrations WHERE version = 11`} {
		_, err := s.db.Exec(stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, s.Close())

	s, err = Open(path)
	require.NoError(t, err)
	defer s.Close()
	q.Store = s
	dpotest.CheckSearchTextRefilled(t, q, niamh, func(ref string) (text string, version int) {
		require.NoError(t, s.db.QueryRow(`SELECT search_text, search_version FROM cases WHERE ref = ?`, ref).Scan(&text, &version))
		return text, version
	}, func(ref string) {
		_, err := s.db.Exec(`UPDATE cases SET search_text = '', search_version = 0 WHERE ref = ?`, ref) // as an older process stores it
		require.NoError(t, err)
	})
}
