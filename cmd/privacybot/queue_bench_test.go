package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// benchCases is how many cases the queue benchmarks' council has: a few years of requests.
const benchCases = 5000

// benchQueue makes a data directory whose queue holds n open cases, received a few minutes
// apart from 2026-01-05, one in fifty assigned to one of five people, and returns the directory,
// the store (open) and the first case's reference.
func benchQueue(b *testing.B, n int) (dir string, s *sqlite.Store, first string) {
	b.Helper()
	dir = b.TempDir()
	s, err := sqlite.Open(filepath.Join(dir, "privacybot.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	base := dpotest.Date(b, "2026-01-05T09:00:00Z")
	q := &dpo.Queue{Store: s, Now: func() time.Time { return base.Add(time.Duration(n) * 5 * time.Minute) }}
	ctx := context.Background()
	people := []string{"Sam Patel", "Maya Patel", "Jo Khan", "Alex Reid", "Kit Ng"}
	for i := range n {
		sub := dpotest.Sample(base.Add(time.Duration(i)*5*time.Minute), fmt.Sprintf("bench-%d", i))
		sub.Description = fmt.Sprintf("%s (%d)", sub.Description, i)
		c, err := q.Submit(ctx, sub)
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			first = c.Ref
		}
		if i%50 == 0 {
			if _, err := q.Assign(ctx, c.Ref, people[(i/50)%len(people)], "lead"); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir, s, first
}

// BenchmarkKnownAssignee measures the check of a --assigned name no case has and no user has
// (a typo, refused), the path that reads the most: every case's assignee and whether any audit
// trail ever named it.
func BenchmarkKnownAssignee(b *testing.B) {
	_, s, _ := benchQueue(b, benchCases)
	q := &dpo.Queue{Store: s, Now: time.Now}
	ctx := context.Background()
	for b.Loop() {
		if err := knownAssignee(ctx, q, "Sam Patal"); !errors.Is(err, errUsage) {
			b.Fatalf("want the name refused, got %v", err)
		}
	}
}

// BenchmarkQueueShow measures `privacybot queue show REF` on a queue of benchCases open cases:
// the whole command, store opened and closed, as the DPO runs it.
func BenchmarkQueueShow(b *testing.B) {
	dir, s, ref := benchQueue(b, benchCases)
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	env := map[string]string{"PRIVACYBOT_DATA": dir, "USER": "alex"}
	now := dpotest.Date(b, "2026-02-01T09:00:00Z")
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
			Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return now }}
		if code := Main(context.Background(), app, []string{"queue", "show", ref}); code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
