package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// queueFixture is a data directory holding a queue with three cases, and the CLI pointed at it.
type queueFixture struct {
	env                     map[string]string
	overdue, soon, awaiting dpo.Case
}

func newQueueFixture(t *testing.T) *queueFixture {
	t.Helper()
	dir := t.TempDir()
	s, err := sqlite.Open(filepath.Join(dir, "privacybot.db"))
	require.NoError(t, err)
	defer s.Close()
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-30T09:00:00Z") }}
	submit := func(received, key string, edit func(*dpo.Submission)) dpo.Case {
		sub := dpotest.Sample(dpotest.Date(t, received), key)
		if edit != nil {
			edit(&sub)
		}
		c, err := q.Submit(context.Background(), sub)
		require.NoError(t, err)
		return c
	}
	f := &queueFixture{env: map[string]string{"PRIVACYBOT_DATA": dir, "USER": "alex"}}
	f.overdue = submit("2026-02-02T10:00:00Z", "a", func(s *dpo.Submission) {
		s.Requester.Name = "=HYPERLINK(\"http://evil.example\",\"click\")"
		s.Description = "@SUM(A1:A9) and a line\nwith \"quotes\", commas"
	})
	f.soon = submit("2026-03-05T10:00:00Z", "b", func(s *dpo.Submission) {
		s.Organisation = "Bristol City Council"
		s.Type = dpo.Erasure
	})
	f.awaiting = submit("2026-03-20T10:00:00Z", "c", func(s *dpo.Submission) { s.AwaitingID = true })
	return f
}

// run runs privacybot at the given time against the fixture's data directory.
func (f *queueFixture) run(t *testing.T, now string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return f.env[k] },
		Now:    func() time.Time { return dpotest.Date(t, now) },
	}
	code := Main(context.Background(), app, args)
	return code, stdout.String(), stderr.String()
}

const april1 = "2026-04-01T09:00:00Z"

func TestQueueList(t *testing.T) {
	f := newQueueFixture(t)
	tests := []struct {
		name string
		args []string
		want []dpo.Case
	}{
		{"everything, soonest due first", nil, []dpo.Case{f.overdue, f.soon, f.awaiting}},
		{"overdue", []string{"--overdue"}, []dpo.Case{f.overdue}},
		{"due within a week", []string{"--due-within", "7d"}, []dpo.Case{f.overdue, f.soon}},
		{"due within 48 hours", []string{"--due-within", "48h"}, []dpo.Case{f.overdue}},
		{"by status", []string{"--status", "awaiting-verification"}, []dpo.Case{f.awaiting}},
		{"by organisation", []string{"--org", "bristol city council"}, []dpo.Case{f.soon}},
		{"nothing matches", []string{"--status", "completed"}, nil},
		{"by reference, in part", []string{"--search", f.soon.Ref[len(f.soon.Ref)-3:]}, []dpo.Case{f.soon}},
		{"by requester name, any case", []string{"--search", "HYPERLINK"}, []dpo.Case{f.overdue}},
		{"by contact", []string{"--search", "JO.BLOGGS@"}, []dpo.Case{f.overdue, f.soon, f.awaiting}},
		{"by search and organisation", []string{"--search", "jo.bloggs", "--org", "bristol city council"}, []dpo.Case{f.soon}},
		{"no one so named", []string{"--search", "nobody"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := f.run(t, april1, append([]string{"queue", "list", "--json"}, tc.args...)...)
			require.Equal(t, exitOK, code, errOut)
			var got []dpo.Case
			require.NoError(t, json.Unmarshal([]byte(out), &got))
			var refs, want []string
			for _, c := range got {
				refs = append(refs, c.Ref)
			}
			for _, c := range tc.want {
				want = append(want, c.Ref)
			}
			assert.Equal(t, want, refs)
		})
	}

	// Scripts read whether a case is overdue without working it out.
	code, out, _ := f.run(t, april1, "queue", "list", "--json")
	require.Equal(t, exitOK, code)
	var flagged []struct {
		Ref     string `json:"ref"`
		Overdue bool   `json:"overdue"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &flagged))
	for _, c := range flagged {
		assert.Equal(t, c.Ref == f.overdue.Ref, c.Overdue, c.Ref)
	}

	code, out, _ = f.run(t, april1, "queue", "list")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[0], "REF")
	assert.Contains(t, lines[1], f.overdue.Ref)
	assert.Contains(t, lines[1], "OVERDUE")
	assert.Contains(t, lines[2], "Bristol City Council")
	assert.NotContains(t, out, "Jo Bloggs", "the list shows cases, not people")

	code, out, _ = f.run(t, april1, "queue", "list", "--status", "completed")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "No cases.\n", out)
}

func TestQueueListUsageErrors(t *testing.T) {
	f := newQueueFixture(t)
	for _, args := range [][]string{
		{"queue"},
		{"queue", "frobnicate"},
		{"queue", "list", "--due-within", "soon"},
		{"queue", "list", "--due-within", "-3d"},
		{"queue", "list", "--due-within", "1m"}, // a month meant, a minute read
		{"queue", "list", "--limit", "-1"},
		{"queue", "list", "--status", "archived"},
		{"queue", "list", "--search", "jo\nbloggs"},
		{"queue", "list", "--search", strings.Repeat("a", 201)},
		{"queue", "show"},
		{"queue", "update", f.soon.Ref},
		{"queue", "update", f.soon.Ref, "--status", "done"},
		{"queue", "update", f.soon.Ref, "--status", "in_progress", "--at", "yesterday"},
		{"queue", "extend", f.soon.Ref},
		{"queue", "export"},
	} {
		code, _, errOut := f.run(t, april1, args...)
		assert.Equal(t, exitUsage, code, "%q: %s", args, errOut)
	}
}

func TestQueueShow(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, april1, "queue", "show", strings.ToLower(f.soon.Ref))
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, f.soon.Ref+"  erasure request  [received]")
	assert.Contains(t, out, "Bristol City Council")
	assert.Contains(t, out, "Jo Bloggs (email: jo.bloggs@example.org)")
	assert.Contains(t, out, "Audit trail:")
	assert.Contains(t, out, "requester via web")

	code, out, errOut = f.run(t, april1, "queue", "show", f.awaiting.Ref, "--json")
	require.Equal(t, exitOK, code, errOut)
	var got struct {
		Case   dpo.Case
		Events []dpo.Event
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, f.awaiting.Ref, got.Case.Ref)
	assert.Equal(t, dpo.AwaitingVerification, got.Case.Status)
	assert.True(t, got.Case.Due.IsZero())
	assert.NotContains(t, out, `"due"`, "no due date while awaiting ID")
	require.Len(t, got.Events, 1)
	assert.Equal(t, dpo.EventSubmitted, got.Events[0].Kind)

	code, _, errOut = f.run(t, april1, "queue", "show", "DPO-2026-000999")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "not found")
}

func TestQueueUpdateAndExtend(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, "2026-03-06T09:00:00Z", "queue", "update", f.soon.Ref,
		"--status", "in-progress", "--note", "searching the archive")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "received → in_progress")

	code, out, errOut = f.run(t, "2026-03-07T09:00:00Z", "queue", "extend", f.soon.Ref, "--reason", "three archives", "--by", "sam")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "extended; now due 2026-06-05")

	code, out, errOut = f.run(t, "2026-03-08T09:00:00Z", "queue", "update", f.soon.Ref, "--note", "called the requester")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "note added")

	code, out, _ = f.run(t, "2026-03-08T09:00:00Z", "queue", "show", f.soon.Ref, "--json")
	require.Equal(t, exitOK, code)
	var got struct {
		Case   dpo.Case
		Events []dpo.Event
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, dpo.Extended, got.Case.Status)
	require.Len(t, got.Events, 4)
	assert.Equal(t, "alex", got.Events[1].Actor, "--by defaults to $USER")
	assert.Equal(t, "searching the archive", got.Events[1].Note)
	assert.Equal(t, dpo.EventExtended, got.Events[2].Kind)
	assert.Equal(t, "sam", got.Events[2].Actor)
	assert.Equal(t, dpo.EventNote, got.Events[3].Kind)

	// Refused transitions and late extensions fail with a message saying why, and change nothing.
	code, _, errOut = f.run(t, "2026-03-09T09:00:00Z", "queue", "update", f.soon.Ref, "--status", "received")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "invalid status transition")
	code, _, errOut = f.run(t, april1, "queue", "extend", f.overdue.Ref, "--reason", "busy")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "too late")

	// The ID letter for the awaiting case arrived on the 25th: the clock starts then.
	code, out, errOut = f.run(t, april1, "queue", "update", f.awaiting.Ref, "--status", "in_progress",
		"--note", "passport copy", "--at", "2026-03-25")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "due 2026-04-27") // 25 April is a Saturday
}

func TestQueueExportCSV(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, april1, "queue", "export", "--csv")
	require.Equal(t, exitOK, code, errOut)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err, "stdout is valid CSV")
	require.Len(t, records, 4)
	assert.Equal(t, dpo.CSVColumns, records[0])
	col := func(name string) int {
		for i, c := range dpo.CSVColumns {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	row := records[1]
	assert.Equal(t, f.overdue.Ref, row[col("ref")])
	assert.Equal(t, "true", row[col("overdue")])
	// Formula injection is defused; the text itself survives quoting intact.
	assert.Equal(t, `'=HYPERLINK("http://evil.example","click")`, row[col("requester_name")])
	assert.Equal(t, "'@SUM(A1:A9) and a line\nwith \"quotes\", commas", row[col("description")])
	assert.Equal(t, "", records[3][col("due")], "awaiting ID: no due date")
}

// The dashboard's download and the command line's export are one export: for the same case, the
// same header and the same row, a cell a requester began with a formula defused in both.
func TestCLIAndDashboardExportTheSameCSV(t *testing.T) {
	f := newQueueFixture(t)
	code, cli, errOut := f.run(t, april1, "queue", "export", "--csv")
	require.Equal(t, exitOK, code, errOut)

	s, err := sqlite.Open(filepath.Join(f.env["PRIVACYBOT_DATA"], "privacybot.db"))
	require.NoError(t, err)
	defer s.Close()
	now := func() time.Time { return dpotest.Date(t, april1) }
	hash, err := bcrypt.GenerateFromPassword([]byte("correct horse battery"), bcrypt.MinCost)
	require.NoError(t, err)
	require.NoError(t, s.AddUser(context.Background(), "dpo", hash, []string{"*"}, now()))
	h := (&web.Server{Cases: &dpo.Queue{Store: s, Now: now}, Users: s, Now: now, RatePerMinute: -1}).Handler()
	signIn := httptest.NewRequest("POST", "/dpo/sign-in", strings.NewReader("name=dpo&password=correct+horse+battery"))
	signIn.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	signIn.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, signIn)
	require.Equal(t, http.StatusSeeOther, rec.Code, rec.Body.String())
	get := httptest.NewRequest("GET", "/dpo/export.csv?status=all", nil)
	for _, c := range rec.Result().Cookies() {
		get.AddCookie(c)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, get)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())

	read := func(s string) [][]string {
		records, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		require.NoError(t, err)
		return records
	}
	fromCLI, fromDashboard := read(cli), read(rec.Body.String())
	require.Len(t, fromCLI, 4)
	assert.Equal(t, fromCLI, fromDashboard, "the same header and rows")
	assert.Equal(t, `'=HYPERLINK("http://evil.example","click")`, fromDashboard[1][slices.Index(dpo.CSVColumns, "requester_name")])
}

func TestPrintableDropsTerminalEscapes(t *testing.T) {
	assert.Equal(t, "[31mred\nline", printable("\x1b[31mred\nline\r"))
}

// A DPO filters by any name of their council, as the notices and the dashboard know it; a name
// no notice has is said so, not shown as an empty queue.
func TestQueueListByAnyNameOfACouncil(t *testing.T) {
	f := newQueueFixture(t)
	s, err := sqlite.Open(filepath.Join(f.env["PRIVACYBOT_DATA"], "privacybot.db"))
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, april1) }}
	sub := dpotest.Sample(dpotest.Date(t, "2026-03-25T10:00:00Z"), "mk")
	sub.Organisation = "Milton Keynes City Council"
	mk, err := q.Submit(context.Background(), sub)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	for _, name := range []string{"MK", "Milton Keynes Council", "milton keynes city council"} {
		code, out, errOut := f.run(t, april1, "queue", "list", "--json", "--org", name)
		require.Equal(t, exitOK, code, errOut)
		var got []dpo.Case
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		require.Len(t, got, 1, "--org %q", name)
		assert.Equal(t, mk.Ref, got[0].Ref)
		assert.Empty(t, errOut)
	}
	// A misspelt council is a bad command line a script can see, not an empty queue.
	code, out, errOut := f.run(t, april1, "queue", "list", "--org", "Milton Keynse")
	assert.Equal(t, exitUsage, code)
	assert.NotContains(t, out, "No cases.")
	assert.Contains(t, errOut, `no notice is "Milton Keynse"'s and no case is filed under it; the organisations are Buckinghamshire Council, Milton Keynes City Council`)
	assert.Equal(t, 1, strings.Count(errOut, "no notice is"), "said once")
	// A council whose notices are gone still lists its cases, saying so; and exports them.
	code, out, errOut = f.run(t, april1, "queue", "list", "--org", "Bristol City Council")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, f.soon.Ref)
	assert.Contains(t, errOut, `no notice is "Bristol City Council"'s (cases filed under it are listed)`)
	code, out, errOut = f.run(t, april1, "queue", "export", "--csv", "--org", "Bristol City Council")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, f.soon.Ref)
	assert.NotContains(t, out, f.overdue.Ref, "the export keeps list's filters")
	code, _, _ = f.run(t, april1, "queue", "export", "--csv", "--org", "Milton Keynse")
	assert.Equal(t, exitUsage, code)
	code, out, errOut = f.run(t, april1, "queue", "list", "--org", "*")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, f.soon.Ref, "'*' is every council's")
	assert.Contains(t, out, f.overdue.Ref)
	code, out, errOut = f.run(t, april1, "queue", "list", "--org", "Bristol City Council", "--status", "completed")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "No cases.", "none in that status is a true answer")
}

// A dashboard user for a council no notice has would see nothing: refused, with the councils.
func TestUsersAddRefusesAnUnknownCouncil(t *testing.T) {
	f := newQueueFixture(t)
	f.env["PRIVACYBOT_DATA"] = t.TempDir()
	code, _, errOut := f.run(t, april1, "users", "add", "typo", "--org", "Milton Keynse")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "Buckinghamshire Council")
	code, out, errOut := f.run(t, april1, "users", "add", "sam", "--org", "MK")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "added sam (Milton Keynes City Council)")
}

// An adviser's chat scoped to a council the notices don't have would file every /request where no
// DPO looks: it doesn't start.
func TestChatRefusesAnUnknownCouncil(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, april1, "chat", "--org", "Narnia Council")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "Milton Keynes City Council")
}

// A bad flag is said once, on standard error, with where to look; --help prints the usage on
// standard output.
func TestABadFlagIsSaidOnce(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, april1, "queue", "list", "--bogus")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errOut, "flag provided but not defined: -bogus"), errOut)
	assert.Contains(t, errOut, "--help")
	code, out, _ = f.run(t, april1, "queue", "list", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "Usage: privacybot queue list")
}

// /org in the middle of a request leaves the request as it is and says why.
func TestChatOrgWaitsForTheRequest(t *testing.T) {
	f := newQueueFixture(t)
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader("/request erasure\n/org Bucks\nJo Bloggs\njo@example.com\nskip\nx\nyes\n/org Bucks\n"),
		Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return f.env[k] },
		Now: func() time.Time { return dpotest.Date(t, april1) }}
	require.Equal(t, exitOK, Main(context.Background(), app, []string{"chat", "--org", "MK"}), stderr.String())
	out := stdout.String()
	assert.Contains(t, out, "A request is being taken")
	assert.Contains(t, out, "Council: Milton Keynes City Council")
	assert.Contains(t, out, "Answering from Buckinghamshire Council's notices only", "after the request, /org works")
}

// A request that may be a law-enforcement (Part 3) one is on the queue marked for the DPO's
// decision, with the date UK GDPR gives it meanwhile; the DPO confirms or clears it from the
// command line, with a reason, and a cleared one keeps the date counted from its receipt.
func TestQueuePart3(t *testing.T) {
	f := newQueueFixture(t)
	s, err := sqlite.Open(filepath.Join(f.env["PRIVACYBOT_DATA"], "privacybot.db"))
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-10T09:00:00Z") }}
	sub := dpotest.Sample(dpotest.Date(t, "2026-03-10T08:00:00Z"), "part3")
	sub.LawEnforcement = true
	flagged, err := q.Submit(context.Background(), sub)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	code, out, errOut := f.run(t, "2026-03-11T09:00:00Z", "queue", "list")
	require.Equal(t, exitOK, code, errOut)
	assert.Regexp(t, flagged.Ref+`\s+received\s+access\s+2026-04-10 \(Part 3\? DPO to decide\)`, out)
	code, out, _ = f.run(t, "2026-03-11T09:00:00Z", "queue", "show", flagged.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "possibly law enforcement (Part 3): for the DPO to decide")

	code, _, errOut = f.run(t, "2026-03-11T09:00:00Z", "queue", "part3", flagged.Ref, "confirm")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--reason")
	code, _, errOut = f.run(t, "2026-03-11T09:00:00Z", "queue", "part3", flagged.Ref, "maybe", "--reason", "x")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "confirm, clear or suspect")

	code, out, errOut = f.run(t, "2026-03-12T09:00:00Z", "queue", "part3", flagged.Ref, "clear", "--reason", "licensing file only")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "UK GDPR; due 2026-04-10", "the month runs from receipt, not from the decision")
	code, out, _ = f.run(t, "2026-03-12T09:00:00Z", "queue", "show", flagged.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "not law enforcement (UK GDPR applies): licensing file only")

	code, out, _ = f.run(t, "2026-03-12T09:00:00Z", "queue", "export", "--csv")
	require.Equal(t, exitOK, code)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Contains(t, records[0], "law_enforcement")
	receivedDate := slices.Index(records[0], "received_date")
	require.NotEqual(t, -1, receivedDate, "the London date of receipt, for monthly reports")
	found := false
	for _, r := range records[1:] {
		if r[0] == flagged.Ref {
			found = true
			assert.Equal(t, "2026-03-10", r[receivedDate])
		}
	}
	require.True(t, found, "the case is in the export")
}

// The DPO's team gives a case to someone from the command line, as the Slack button does.
func TestQueueAssign(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, april1, "queue", "assign", f.soon.Ref, "Sam Patel")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "assigned to Sam Patel")
	code, out, _ = f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Assigned to:")
	assert.Regexp(t, `alex\s+assigned\s+.*assigned to Sam Patel`, out, "the audit trail says who assigned it")
	code, out, _ = f.run(t, april1, "queue", "assign", f.soon.Ref, "")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "unassigned")
	code, _, errOut = f.run(t, april1, "queue", "assign", f.soon.Ref)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "queue assign REF NAME")
	code, _, _ = f.run(t, april1, "queue", "assign", "DPO-2026-999999", "Sam")
	assert.Equal(t, exitFailure, code)

	// With dashboard users, a case goes to one of them, once.
	code, _, errOut = f.run(t, april1, "users", "add", "alex", "--org", "*")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "users", "add", "carol", "--org", "Milton Keynes")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "assign", f.soon.Ref, "Sam Patel")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `no dashboard user "Sam Patel" sees Bristol City Council's cases (the users who do are alex)`)
	assert.NotContains(t, errOut, "carol", "another council's team is not named")
	code, _, _ = f.run(t, april1, "queue", "assign", f.soon.Ref, "carol")
	assert.Equal(t, exitUsage, code, "carol can't open a Bristol case")
	code, out, errOut = f.run(t, april1, "queue", "assign", f.soon.Ref, "ALEX")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "assigned to alex", "a user in any case, as they spell it")
	code, _, errOut = f.run(t, april1, "queue", "assign", f.soon.Ref, "alex")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "already assigned to alex")

	// Removing a user who still has open cases says which, to give them to someone else.
	code, _, errOut = f.run(t, april1, "users", "remove", "alex")
	require.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "alex still has open cases: "+f.soon.Ref)
}

// Leaving the adviser chat while a caller's request is being taken doesn't lose it silently:
// /quit warns first, and input that ends mid-request fails with a message saying it wasn't sent.
func TestChatQuitDuringARequest(t *testing.T) {
	f := newQueueFixture(t)
	chat := func(input string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		app := &App{Stdin: strings.NewReader(input), Stdout: &stdout, Stderr: &stderr,
			Getenv: func(k string) string { return f.env[k] }, Now: func() time.Time { return dpotest.Date(t, april1) }}
		return Main(context.Background(), app, []string{"chat", "--org", "MK"}), stdout.String(), stderr.String()
	}
	code, out, _ := chat("/request access\nPat Lee\n/quit\npat@example.com\nskip\nmy records\nyes\n")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "has NOT been sent. Type /quit again")
	assert.Contains(t, out, "DPO-2026-", "carrying on after the warning sends it")

	code, _, errOut := chat("/request access\nPat Lee\n/quit\n/quit\n")
	assert.Equal(t, exitOK, code, "a second /quit leaves, as asked")
	assert.Empty(t, errOut)

	code, _, errOut = chat("/request access\nPat Lee\npat@example.com\n")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "it was NOT sent")
}

// A queue command pointed at a directory with no queue (a mistyped PRIVACYBOT_DATA) says so and
// fails, rather than creating an empty queue and reporting "No cases.".
func TestQueueCommandsNeedAQueue(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dat")
	code, out, errOut := runCLI(t, map[string]string{"PRIVACYBOT_DATA": dir}, "queue", "list", "--overdue")
	assert.Equal(t, exitFailure, code)
	assert.NotContains(t, out, "No cases.")
	assert.Contains(t, errOut, "there is no queue at "+filepath.Join(dir, "privacybot.db"))
	_, err := os.Stat(dir)
	assert.ErrorIs(t, err, fs.ErrNotExist, "nothing is created")
}

// The team lists one member's cases, or the cases nobody has taken yet.
func TestQueueListByAssignee(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, april1, "queue", "assign", f.soon.Ref, "Sam Patel")
	require.Equal(t, exitOK, code, errOut)
	list := func(args ...string) []string {
		t.Helper()
		code, out, errOut := f.run(t, april1, append([]string{"queue", "list", "--json"}, args...)...)
		require.Equal(t, exitOK, code, errOut)
		var got []dpo.Case
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		refs := []string{}
		for _, c := range got {
			refs = append(refs, c.Ref)
		}
		return refs
	}
	assert.Equal(t, []string{f.soon.Ref}, list("--assigned", "Sam Patel"))
	assert.Equal(t, []string{f.overdue.Ref, f.awaiting.Ref}, list("--unassigned"))
	assert.Equal(t, []string{}, list("--assigned", "Sam Patel", "--org", "Leeds City Council"), "with the other filters")

	code, out, _ := f.run(t, april1, "queue", "list", "--assigned", "Sam Patel")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, f.soon.Ref)
	assert.NotContains(t, out, f.overdue.Ref)

	// The table says who has each case, and which have nobody.
	code, out, _ = f.run(t, april1, "queue", "list")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.True(t, strings.HasSuffix(lines[0], "ASSIGNED TO"), lines[0])
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, f.soon.Ref) {
			assert.True(t, strings.HasSuffix(line, "Sam Patel"), line)
		} else {
			assert.True(t, strings.HasSuffix(line, " -"), line)
		}
	}

	for _, args := range [][]string{{"--assigned", ""}, {"--assigned", " "}, {"--assigned", "Sam Patel", "--unassigned"}} {
		code, out, errOut := f.run(t, april1, append([]string{"queue", "list"}, args...)...)
		assert.Equal(t, exitUsage, code, "%q", args)
		assert.Empty(t, out, "%q: no list that looks filtered", args)
		assert.Contains(t, errOut, "--unassigned", "%q", args)
	}
	code, out, _ = f.run(t, april1, "queue", "list", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "-assigned name")
	assert.Contains(t, out, "-unassigned")

	// A name no case is assigned to and no dashboard user has is mistyped, not someone with
	// nothing to do (a QA pass: "Maya Patal" listed "No cases."): refused, naming who there is.
	for _, cmd := range [][]string{{"queue", "list"}, {"queue", "export", "--csv"}} {
		code, out, errOut := f.run(t, april1, append(cmd, "--assigned", "Sam Patal")...)
		assert.Equal(t, exitUsage, code, "%q", cmd)
		assert.Empty(t, out, "%q: no list that looks filtered", cmd)
		assert.Contains(t, errOut, `--assigned: no case is assigned to "Sam Patal" and no dashboard user has that name; the names are "Sam Patel"`, "%q", cmd)
	}
	code, _, errOut = f.run(t, april1, "users", "add", "alex", "--org", "*")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, []string{}, list("--assigned", "Alex"), "a dashboard user with no case has none")
	assert.Equal(t, []string{f.soon.Ref}, list("--assigned", "sam patel"), "a name in any case")
	code, _, errOut = f.run(t, april1, "queue", "list", "--assigned", "Maya")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `the names are "alex", "Sam Patel"`, "the users too")
	code, _, errOut = f.run(t, april1, "queue", "assign", f.soon.Ref, "alex")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "users", "remove", "alex")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, []string{f.soon.Ref}, list("--assigned", "alex"), "a user gone still has the cases assigned to them")
	assert.Equal(t, []string{}, list("--assigned", "Sam Patel"), "no longer Sam's, but Sam had cases: no typo")
}

// The DPO records the time limit of a request confirmed as law enforcement (Part 3): the case
// is then due that day, listed by it and overdue after it; a UK GDPR request is refused one.
func TestQueueLimit(t *testing.T) {
	f := newQueueFixture(t)
	const mar9 = "2026-03-09T09:00:00Z"
	code, _, errOut := f.run(t, mar9, "queue", "limit", f.soon.Ref, "--due", "2026-03-20", "--reason", "short file")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "is not a law-enforcement (Part 3) request: it follows the UK GDPR clock (due 2026-04-07)")

	code, out, errOut := f.run(t, mar9, "queue", "part3", f.soon.Ref, "confirm", "--reason", "benefit fraud investigation")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "due Part 3: no time limit set yet (queue limit)")
	code, out, _ = f.run(t, mar9, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "none is set yet (set one with queue limit")
	// With no due date, no deadline view lists it: each says so (a tenth QA pass lost such a case).
	for _, view := range [][]string{{"--overdue"}, {"--due-within", "7d"}, {"--overdue", "--json"}} {
		code, out, errOut := f.run(t, mar9, append([]string{"queue", "list"}, view...)...)
		require.Equal(t, exitOK, code, errOut)
		assert.NotContains(t, out, f.soon.Ref, "%q", view)
		assert.Contains(t, errOut, "1 confirmed law-enforcement (Part 3) request(s) with no time limit set", "%q", view)
		assert.Contains(t, errOut, f.soon.Ref, "%q", view)
	}
	_, _, errOut = f.run(t, mar9, "queue", "list")
	assert.Empty(t, errOut, "the whole queue lists it")

	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{f.soon.Ref, "--reason", "x"}, "needs --due"},
		{[]string{f.soon.Ref, "--due", "20/03/2026", "--reason", "x"}, `"20/03/2026" is not a date like 2026-05-29`},
		{[]string{f.soon.Ref, "--due", "2026-03-20T10:00:00Z", "--reason", "x"}, "is not a date"},
		{[]string{f.soon.Ref, "--due", "2026-03-20"}, "needs --reason"},
		{[]string{"--due", "2026-03-20", "--reason", "x"}, "exactly one reference"},
	} {
		code, _, errOut := f.run(t, mar9, append([]string{"queue", "limit"}, tc.args...)...)
		assert.Equal(t, exitUsage, code, "%q", tc.args)
		assert.Contains(t, errOut, tc.says, "%q", tc.args)
	}
	code, _, errOut = f.run(t, mar9, "queue", "limit", f.soon.Ref, "--due", "2026-03-04", "--reason", "x")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "before the request was received (2026-03-05)")
	code, _, errOut = f.run(t, mar9, "queue", "limit", f.soon.Ref, "--due", "2072-03-20", "--reason", "x")
	assert.Equal(t, exitFailure, code, "a year typed wrong (a QA pass)")
	assert.Contains(t, errOut, "2072-03-20 is more than a year after the request was received (2026-03-05); check the year")

	// A Sunday is allowed, with a word that it is no working day (a tenth QA pass).
	code, _, errOut = f.run(t, mar9, "queue", "limit", f.soon.Ref, "--due", "2026-03-22", "--reason", "first go", "--by", "dpo")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "Sunday 22 March 2026 is not a working day")

	code, out, errOut = f.run(t, mar9, "queue", "limit", f.soon.Ref, "--due", "2026-03-20", "--reason", "s.45 file is short", "--by", "dpo")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, f.soon.Ref+": time limit set; due 2026-03-20 (Part 3: the DPO's time limit)\n", out)
	assert.Empty(t, errOut, "a Friday is a working day")
	code, out, _ = f.run(t, mar9, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Time limit:       2026-03-20 set by the DPO (Part 3): s.45 file is short")
	assert.Regexp(t, `dpo\s+time_limit\s+.*Part 3 time limit changed from 2026-03-22 to 2026-03-20: s.45 file is short`, out, "audited")

	// Past it, the case is overdue like any other.
	code, out, errOut = f.run(t, "2026-03-23T09:00:00Z", "queue", "list", "--overdue")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, f.soon.Ref)
	assert.Contains(t, out, "2026-03-20 OVERDUE (Part 3: the DPO's time limit)")

	code, out, _ = f.run(t, "2026-03-23T09:00:00Z", "queue", "limit", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "queue limit REF --due YYYY-MM-DD")
}

func TestQueueReopen(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, "2026-03-06T09:00:00Z", "queue", "update", f.soon.Ref, "--status", "completed")
	require.Equal(t, exitOK, code, errOut)

	// Closed by mistake: the status can't simply be set back, and the refusal says what to do.
	code, _, errOut = f.run(t, "2026-03-06T10:00:00Z", "queue", "update", f.soon.Ref, "--status", "in_progress")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "reopen it first")

	code, _, errOut = f.run(t, "2026-03-06T10:00:00Z", "queue", "reopen", f.soon.Ref)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "needs --note")

	code, out, errOut := f.run(t, "2026-03-06T10:00:00Z", "queue", "reopen", f.soon.Ref, "--note", "closed the wrong case", "--by", "sam")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "reopened, in_progress; due "+f.soon.Due.Format(time.DateOnly))

	code, out, _ = f.run(t, "2026-03-06T10:00:00Z", "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Regexp(t, `sam +reopened +completed → in_progress +closed the wrong case`, out, "on the audit trail")

	code, _, errOut = f.run(t, "2026-03-06T11:00:00Z", "queue", "reopen", f.soon.Ref, "--note", "again")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "only a closed case can be reopened")
}

// The working queue is the open cases: "--status open" lists them, as the dashboard does first,
// and "--status closed" what is done.
func TestQueueListOpenOrClosed(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, "2026-03-06T09:00:00Z", "queue", "update", f.soon.Ref, "--status", "completed")
	require.Equal(t, exitOK, code, errOut)
	refs := func(args ...string) []string {
		t.Helper()
		code, out, errOut := f.run(t, april1, append([]string{"queue", "list", "--json"}, args...)...)
		require.Equal(t, exitOK, code, errOut)
		var got []dpo.Case
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		var refs []string
		for _, c := range got {
			refs = append(refs, c.Ref)
		}
		return refs
	}
	assert.Equal(t, []string{f.overdue.Ref, f.awaiting.Ref}, refs("--status", "open"))
	assert.Equal(t, []string{f.soon.Ref}, refs("--status", "Closed"))
	assert.Equal(t, []string{f.overdue.Ref, f.soon.Ref, f.awaiting.Ref}, refs("--status", "open,closed"))
	code, _, errOut = f.run(t, april1, "queue", "list", "--status", "done")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "or open or closed")
}

// Every queue command that makes a change refuses a --by that could forge the audit trail (a line
// break and a made-up event after it, or the name the queue gives whoever sent the request), as
// a usage error, and changes nothing.
func TestQueueChangesRefuseAForgedBy(t *testing.T) {
	f := newQueueFixture(t)
	ref := f.soon.Ref
	for _, forged := range []struct{ by, says string }{
		{"mallory\n  2026-11-03 00:00  dpo  id_requested  fake", "without control characters or hidden formatting"},
		{"requester via web", `not one the queue writes itself ("requester via web" is how the audit trail names whoever sent the request)`},
		{"Requester  Via Slack", "not one the queue writes itself"},
	} {
		for _, args := range [][]string{
			{"update", ref, "--status", "in_progress"},
			{"update", ref, "--note", "called them"},
			{"extend", ref, "--reason", "complex"},
			{"reopen", ref, "--note", "closed by mistake"},
			{"part3", ref, "confirm", "--reason", "police request"},
			{"limit", ref, "--due", "2026-05-29", "--reason", "agreed"},
			{"assign", ref, "sam"},
		} {
			t.Run(strings.Join(args[:1], " ")+" "+args[len(args)-1]+" by "+forged.by, func(t *testing.T) {
				code, _, errOut := f.run(t, april1, append(append([]string{"queue"}, args...), "--by", forged.by)...)
				assert.Equal(t, exitUsage, code, errOut)
				assert.Contains(t, errOut, forged.says)
			})
		}
	}
	// Nor is a case given to a name that hides formatting, the same rule.
	code, _, errOut := f.run(t, april1, "queue", "assign", ref, "sam\u202e")
	assert.Equal(t, exitUsage, code, errOut)
	assert.Contains(t, errOut, "without control characters or hidden formatting")

	code, out, errOut := f.run(t, april1, "queue", "show", ref)
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "mallory")
	assert.NotContains(t, out, "assigned to")
	assert.Equal(t, 1, strings.Count(strings.ToLower(out), "requester via"), "only the submission names the requester")
}

// queue update's help says what its rules do: --note is optional with --status, except the
// grounds of a refusal and the reason for an extension, and a note alone needs no status.
func TestQueueUpdateHelpSaysWhenANoteIsNeeded(t *testing.T) {
	f := newQueueFixture(t)
	code, out, _ := f.run(t, april1, "queue", "update", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `queue update REF --status S [--note "…"]`, "the note is optional with a status")
	assert.Contains(t, out, "required for refused and extended")
	assert.Contains(t, out, "and withdrawn (how and when the requester withdrew)")
	code, out, _ = f.run(t, april1, "queue", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `queue update REF --status S [--note "…"]`)

	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "refused")
	assert.NotEqual(t, exitOK, code, "a refusal needs its grounds")
	assert.Contains(t, errOut, "grounds")
	code, _, errOut = f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "extended")
	assert.NotEqual(t, exitOK, code, "an extension needs its reason")
	assert.Contains(t, errOut, "reason")
	for _, args := range [][]string{
		{"--status", "withdrawn"},
		{"--status", "withdrawn", "--note", "  .  "},
		{"--status", "refused", "--note", "."},
	} {
		code, _, errOut = f.run(t, april1, append([]string{"queue", "update", f.soon.Ref}, args...)...)
		assert.NotEqual(t, exitOK, code, "%q: the trail needs the grounds, or how and when it was withdrawn", args)
		assert.Regexp(t, "grounds|how and when the requester withdrew", errOut)
	}
	code, out, _ = f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "[received]", "nothing changed")
	code, _, errOut = f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "withdrawn", "--note", "phoned on 31 March to withdraw it")
	assert.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "update", f.overdue.Ref, "--status", "completed")
	assert.Equal(t, exitOK, code, errOut)
}

// A bank holiday cancelled in PRIVACYBOT_HOLIDAYS reaches the cases already on the queue as the
// queue commands start: the due date is the one `deadline` gives, moved once, on the trail by the
// system, and moved back (on the trail too) by a command run without the file, never silently
// by a status change.
func TestQueueCommandsFollowTheBankHolidays(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(filepath.Join(dir, "privacybot.db"))
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-11-27T10:05:00Z") }}
	c, err := q.Submit(context.Background(), dpotest.Sample(dpotest.Date(t, "2026-11-27T10:00:00Z"), "k"))
	require.NoError(t, err)
	require.NoError(t, s.Close())
	require.Equal(t, "2026-12-29", c.Due.Format(time.DateOnly))
	hol := filepath.Join(dir, "hol.yaml")
	require.NoError(t, os.WriteFile(hol, []byte("holidays:\n  - date: 2026-12-28\n    cancel: true\n"), 0o600))
	f := &queueFixture{env: map[string]string{"PRIVACYBOT_DATA": dir, "USER": "alex", "PRIVACYBOT_HOLIDAYS": hol}}
	const now = "2026-12-07T09:00:00Z"

	code, out, _ := f.run(t, now, "deadline", "--received", "2026-11-27")
	require.Equal(t, 0, code)
	require.Contains(t, out, "2026-12-28")
	code, out, errOut := f.run(t, now, "queue", "list")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2026-12-28")
	assert.NotContains(t, out, "2026-12-29")
	assert.Contains(t, errOut, c.Ref+": due date moved from 2026-12-29 to 2026-12-28: bank holidays changed")
	code, out, errOut = f.run(t, now, "queue", "show", c.Ref)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut, "moved once")
	assert.Regexp(t, `system\s+.*due date moved from 2026-12-29 to 2026-12-28: bank holidays changed`, out)

	delete(f.env, "PRIVACYBOT_HOLIDAYS")
	code, _, errOut = f.run(t, now, "queue", "update", c.Ref, "--status", "in_progress")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, c.Ref+": due date moved from 2026-12-28 to 2026-12-29: bank holidays changed")
	code, out, _ = f.run(t, now, "queue", "show", c.Ref, "--json")
	require.Equal(t, 0, code)
	var shown struct {
		Case   dpo.Case    `json:"case"`
		Events []dpo.Event `json:"events"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &shown))
	assert.Equal(t, "2026-12-29", shown.Case.Due.Format(time.DateOnly))
	var kinds []string
	for _, e := range shown.Events {
		kinds = append(kinds, e.Actor+" "+string(e.Kind))
	}
	assert.Equal(t, []string{"requester via web submitted", "system due_date_moved", "system due_date_moved", "alex status"}, kinds)
}

// A reference is read with any number of zeros in front of its number, within reason, as it is
// with fewer: the case is found whichever way it was typed.
// With the bank holidays changed, a command on one case moves that case's due date first (said
// on stderr and on its trail, as before the command's own change), and no other case's: the
// others are moved by whatever lists them (queue list and export), each once.
func TestQueueCommandsOnOneCaseMoveThatCaseOnly(t *testing.T) {
	ctx := context.Background()
	const now = "2026-12-07T09:00:00Z"
	moved := func(ref string) string {
		return "privacybot: " + ref + ": due date moved from 2026-12-29 to 2026-12-28: bank holidays changed\n"
	}
	// queue makes a queue of three open cases due 29 December (28 December is a bank holiday)
	// and one closed, and the CLI pointed at it with 28 December cancelled.
	queue := func(t *testing.T) (f *queueFixture, a, b, c, closed dpo.Case, due func(ref string) string, trail func(ref string) []string) {
		dir := t.TempDir()
		s, err := sqlite.Open(filepath.Join(dir, "privacybot.db"))
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-11-27T10:05:00Z") }}
		submit := func(key string) dpo.Case {
			sub := dpotest.Sample(dpotest.Date(t, "2026-11-27T10:00:00Z"), key)
			sub.Description += " " + key
			c, err := q.Submit(ctx, sub)
			require.NoError(t, err)
			require.Equal(t, "2026-12-29", c.Due.Format(time.DateOnly))
			return c
		}
		a, b, c, closed = submit("a"), submit("b"), submit("c"), submit("closed")
		_, err = q.UpdateStatus(ctx, closed.Ref, dpo.Change{To: dpo.Completed, Actor: "alex"})
		require.NoError(t, err)
		hol := filepath.Join(dir, "hol.yaml")
		require.NoError(t, os.WriteFile(hol, []byte("holidays:\n  - date: 2026-12-28\n    cancel: true\n"), 0o600))
		f = &queueFixture{env: map[string]string{"PRIVACYBOT_DATA": dir, "USER": "alex", "PRIVACYBOT_HOLIDAYS": hol}}
		due = func(ref string) string {
			c, err := s.Get(ctx, ref)
			require.NoError(t, err)
			return c.Due.Format(time.DateOnly)
		}
		trail = func(ref string) []string {
			events, err := s.Events(ctx, ref)
			require.NoError(t, err)
			var out []string
			for _, e := range events {
				out = append(out, e.Actor+" "+string(e.Kind))
			}
			return out
		}
		return f, a, b, c, closed, due, trail
	}

	for _, tc := range []struct {
		name   string
		args   func(a, closed dpo.Case) []string
		out    string // in stdout
		movesA bool   // whether a's move is said on stderr
		code   int
	}{
		{"show", func(a, _ dpo.Case) []string { return []string{"show", a.Ref} }, "2026-12-28", true, exitOK},
		{"show --json", func(a, _ dpo.Case) []string { return []string{"show", a.Ref, "--json"} }, `"due": "2026-12-28`, true, exitOK},
		{"a note", func(a, _ dpo.Case) []string { return []string{"update", a.Ref, "--note", "rang back"} }, "note added", true, exitOK},
		{"a status", func(a, _ dpo.Case) []string { return []string{"update", a.Ref, "--status", "in_progress"} },
			"received → in_progress; due 2026-12-28", true, exitOK},
		{"assign", func(a, _ dpo.Case) []string { return []string{"assign", a.Ref, "Sam Patel"} }, "assigned to Sam Patel", true, exitOK},
		{"extend", func(a, _ dpo.Case) []string { return []string{"extend", a.Ref, "--reason", "many files"} }, "extended; now due", true, exitOK},
		{"part3", func(a, _ dpo.Case) []string { return []string{"part3", a.Ref, "suspect", "--reason", "police file"} },
			"due 2026-12-28 (Part 3? DPO to decide)", true, exitOK},
		{"reopen a closed case, on its trail", func(_, closed dpo.Case) []string {
			return []string{"reopen", closed.Ref, "--note", "closed the wrong one"}
		}, "reopened, in_progress; due 2026-12-28", false, exitOK},
		{"a reference no case has", func(dpo.Case, dpo.Case) []string { return []string{"show", "DPO-2026-000999"} }, "", false, exitFailure},
		{"no reference", func(dpo.Case, dpo.Case) []string { return []string{"update", "nonsense", "--note", "x"} }, "", false, exitFailure},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, a, b, c, closed, due, trail := queue(t)
			code, out, errOut := f.run(t, now, append([]string{"queue"}, tc.args(a, closed)...)...)
			require.Equal(t, tc.code, code, errOut)
			assert.Contains(t, out, tc.out)
			if tc.movesA {
				assert.Equal(t, moved(a.Ref), errOut, "the case's move, and no other")
				assert.Equal(t, "system due_date_moved", trail(a.Ref)[1], "moved before the command's change")
			} else {
				assert.NotContains(t, errOut, "due date moved")
			}
			assert.Equal(t, []string{"2026-12-29", "2026-12-29"}, []string{due(b.Ref), due(c.Ref)}, "the other cases wait")

			// Listed, every other open case is moved, once.
			code, _, errOut = f.run(t, now, "queue", "list")
			require.Equal(t, exitOK, code, errOut)
			want := moved(b.Ref) + moved(c.Ref)
			if !tc.movesA {
				want = moved(a.Ref) + want
			}
			assert.Equal(t, want, errOut)
			assert.Equal(t, []string{"2026-12-28", "2026-12-28"}, []string{due(b.Ref), due(c.Ref)})
			code, _, errOut = f.run(t, now, "queue", "export", "--csv")
			require.Equal(t, exitOK, code, errOut)
			assert.Empty(t, errOut, "once")
		})
	}

	// An export moves them all, as a list does.
	f, a, b, c, _, _, _ := queue(t)
	code, _, errOut := f.run(t, now, "queue", "export", "--csv")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, moved(a.Ref)+moved(b.Ref)+moved(c.Ref), errOut)
}

func TestQueueReadsAReferenceWithZerosInFront(t *testing.T) {
	f := newQueueFixture(t)
	require.Equal(t, "DPO-2026-000001", f.overdue.Ref)
	for _, typed := range []string{"DPO-2026-000001", "DPO-2026-00001", "dpo-2026-1", "DPO-2026-0000001", "dpo 2026 0000000001"} {
		code, out, errOut := f.run(t, april1, "queue", "show", typed)
		assert.Equal(t, exitOK, code, "%s: %s", typed, errOut)
		assert.Contains(t, out, f.overdue.Ref, typed)
	}
	code, _, errOut := f.run(t, april1, "queue", "update", "DPO-2026-0000001", "--note", "called back")
	assert.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "show", "DPO-2026-1000001")
	assert.NotEqual(t, exitOK, code)
	assert.Contains(t, errOut, "case not found")
}

// knownAssignee's answers, table by table: whom it takes (a case's assignee, a user, a name a
// trail gave a case to, in any case and form) and how it refuses a name no one has, naming
// each person once, spelt as the user or the first case listed (by due date) spells them.
func TestKnownAssignee(t *testing.T) {
	ctx := context.Background()
	open := func(t *testing.T) (*sqlite.Store, *dpo.Queue) {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "privacybot.db"))
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		return s, &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-30T09:00:00Z") }}
	}
	s, q := open(t)
	submit := func(received, key string, to ...string) dpo.Case {
		c, err := q.Submit(ctx, dpotest.Sample(dpotest.Date(t, received), key))
		require.NoError(t, err)
		for _, who := range to {
			_, err = q.Assign(ctx, c.Ref, who, "lead")
			require.NoError(t, err)
		}
		return c
	}
	submit("2026-03-10T10:00:00Z", "later", "Maya Patel")
	first := submit("2026-03-02T10:00:00Z", "first", "maya patel") // due first: its spelling is kept
	submit("2026-03-05T10:00:00Z", "handed-on", "Kit Ng", "Zoë Łukasz", "Jo Khan")
	// One person under spellings that differ by more than case (composed, decomposed): kept as
	// the first case has it, by due date, or by reference on the same day.
	submit("2026-03-06T10:00:00Z", "zoe-first", "Zo\u00eb Ng")
	submit("2026-03-09T10:00:00Z", "zoe-later", "Zoe\u0308 Ng")
	submit("2026-03-11T10:00:00Z", "asa-first", "\u00c5sa Berg")
	submit("2026-03-11T11:00:00Z", "asa-second", "A\u030asa Berg")
	_, err := q.AddNote(ctx, first.Ref, "assigned to Fake Person", "lead") // a note, not an assignment
	require.NoError(t, err)
	require.NoError(t, s.AddUser(ctx, "Alex Reid", []byte("x"), []string{"*"}, time.Now()))

	_, empty := open(t)
	const names = "the names are \"Alex Reid\", \"Jo Khan\", \"maya patel\", \"Zo\u00eb Ng\", \"\u00c5sa Berg\""
	for _, tc := range []struct {
		name, assigned string
		q              *dpo.Queue
		refused        string // "" when the name is taken
	}{
		{"no name", "", q, ""},
		{"a case's assignee", "Jo Khan", q, ""},
		{"in any case", "JO KHAN", q, ""},
		{"a user with no case", "alex reid", q, ""},
		{"once assigned, no longer", "kit ng", q, ""},
		{"once assigned, typed decomposed", "zoe\u0308 łukasz", q, ""},
		{"a typo", "Maya Patal", q, `--assigned: no case is assigned to "Maya Patal" and no dashboard user has that name; ` + names},
		{"only a note's words", "Fake Person", q, `no case is assigned to "Fake Person" and no dashboard user has that name; ` + names},
		{"an empty queue", "Anyone", empty, `--assigned: no case is assigned to "Anyone", nor to anyone, and there are no dashboard users`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := knownAssignee(ctx, tc.q, tc.assigned)
			if tc.refused == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, errUsage)
			assert.Contains(t, err.Error(), tc.refused)
		})
	}
}

// A letter received on 1 July is received on 1 July in the JSON too: "received" is an instant in
// UTC ("2026-06-30T23:00:00Z"), whose date part a script took for the day (a QA pass), so the
// JSON gives received_date, the London date, as the CSV export does.
func TestQueueJSONGivesTheLondonDateOfReceipt(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(filepath.Join(dir, "privacybot.db"))
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-07-02T09:00:00Z") }}
	c, err := q.Submit(context.Background(), dpotest.Sample(dpotest.Date(t, "2026-06-30T23:00:00Z"), "letter"))
	require.NoError(t, err)
	require.NoError(t, s.Close())
	f := &queueFixture{env: map[string]string{"PRIVACYBOT_DATA": dir, "USER": "alex"}}

	code, out, errOut := f.run(t, "2026-07-02T09:00:00Z", "queue", "list", "--json")
	require.Equal(t, exitOK, code, errOut)
	var listed []struct {
		Ref          string `json:"ref"`
		ReceivedDate string `json:"received_date"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &listed))
	require.Len(t, listed, 1)
	assert.Equal(t, "2026-07-01", listed[0].ReceivedDate)

	code, out, errOut = f.run(t, "2026-07-02T09:00:00Z", "queue", "show", c.Ref, "--json")
	require.Equal(t, exitOK, code, errOut)
	var shown struct {
		Case struct {
			ReceivedDate string `json:"received_date"`
		} `json:"case"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &shown))
	assert.Equal(t, "2026-07-01", shown.Case.ReceivedDate)
}

// queue list --search names each case's requester, and whom the request is for, as the
// dashboard's search does (a QA pass: two callers called Okafor showed as references alone); the
// whole queue names nobody.
func TestQueueListSearchNamesTheRequesters(t *testing.T) {
	f := newQueueFixture(t)
	s, err := sqlite.Open(filepath.Join(f.env["PRIVACYBOT_DATA"], "privacybot.db"))
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-30T09:00:00Z") }}
	for key, edit := range map[string]func(*dpo.Submission){
		"okafor-1": func(s *dpo.Submission) {
			s.Requester.Name, s.Requester.Contact.Value = "Grace Okafor", "grace@example.org"
		},
		"okafor-2": func(s *dpo.Submission) {
			s.Requester.Name, s.Requester.Contact.Value = "Daniel Okafor", "daniel@example.org"
			s.Requester.OnBehalfOf, s.Requester.OnBehalfOfWhom = true, "Ada Okafor"
		},
	} {
		sub := dpotest.Sample(dpotest.Date(t, "2026-03-25T10:00:00Z"), key)
		edit(&sub)
		_, err := q.Submit(context.Background(), sub)
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())

	code, out, errOut := f.run(t, april1, "queue", "list", "--search", "okafor")
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, out)
	assert.Regexp(t, `ASSIGNED TO\s+REQUESTER\s+ON BEHALF OF$`, lines[0])
	assert.Contains(t, out, "Grace Okafor")
	assert.Regexp(t, `Daniel Okafor\s+Ada Okafor\n`, out)
	assert.Regexp(t, `Grace Okafor\s+-\n`, out)

	code, out, _ = f.run(t, april1, "queue", "list")
	require.Equal(t, exitOK, code)
	assert.NotContains(t, out, "REQUESTER")
	assert.NotContains(t, out, "Okafor", "the whole queue names nobody")
}
