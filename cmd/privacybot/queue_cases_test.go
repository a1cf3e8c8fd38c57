package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
	"github.com/privacybot/privacybot/internal/sqlite"
)

// A refusal's grounds or a withdrawal's how and when typed as a placeholder is refused, saying
// what is needed, and the case is not closed (a QA pass accepted "x", "n/a" and "withdrawn").
func TestQueueUpdateRefusesAPlaceholderNote(t *testing.T) {
	f := newQueueFixture(t)
	for _, args := range [][]string{
		{"--status", "refused", "--note", "x"},
		{"--status", "refused", "--note", "N/A"},
		{"--status", "refused", "--note", "tbc"},
		{"--status", "withdrawn", "--note", "n/a"},
		{"--status", "withdrawn", "--note", "withdrawn"},
		{"--status", "withdrawn", "--note", "-"},
	} {
		code, _, errOut := f.run(t, april1, append([]string{"queue", "update", f.soon.Ref}, args...)...)
		assert.Equal(t, exitFailure, code, "%q: %s", args, errOut)
		assert.Regexp(t, `(grounds the requester will be told|how and when the requester withdrew), in words of their own`, errOut, args)
	}
	code, out, _ := f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "[received]", "nothing changed")
	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "refused", "--note", "manifestly unfounded")
	assert.Equal(t, exitOK, code, errOut)
}

// A hidden direction control in a note typed on the command line is taken out: the trail, and
// queue show, read as it was typed.
func TestQueueNoteLosesHiddenDirectionControls(t *testing.T) {
	f := newQueueFixture(t)
	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--note", "please send \u202egnp.exe records\u202c by post")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "withdrawn", "--note", "phoned \u2066on 31 March\u2069 to withdraw")
	require.Equal(t, exitOK, code, errOut)
	code, out, _ := f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "please send gnp.exe records by post")
	assert.Contains(t, out, "phoned on 31 March to withdraw")
	assert.NotContains(t, out, "\u202e")
	assert.NotContains(t, out, "\u2066")
}

// A case awaiting proof of authority that needed none is moved on with its month from receipt,
// said as it is done; proof that arrived still starts the month on its day, and the output says
// which day the month runs from, and the other way.
func TestQueueUpdateProofNotNeeded(t *testing.T) {
	f := newQueueFixture(t) // f.awaiting was received on Friday 20 March 2026, awaiting ID
	code, out, _ := f.run(t, april1, "queue", "update", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "--proof-not-needed")
	assert.Contains(t, out, "the month runs from the\nday the request was received")
	code, out, _ = f.run(t, april1, "queue", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "queue update REF --proof-not-needed")

	code, _, errOut := f.run(t, april1, "queue", "update", f.awaiting.Ref, "--proof-not-needed", "--status", "completed")
	assert.Equal(t, exitUsage, code, errOut)
	code, _, errOut = f.run(t, april1, "queue", "update", f.soon.Ref, "--proof-not-needed")
	assert.Equal(t, exitFailure, code, "a case not awaiting proof")
	assert.Contains(t, errOut, "awaiting proof of identity or authority")

	code, out, errOut = f.run(t, april1, "queue", "update", f.awaiting.Ref, "--proof-not-needed", "--note", "authority on file since 2024")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, f.awaiting.Ref+": awaiting_verification → in_progress; due 2026-04-20 (no proof needed: the month runs from receipt, 2026-03-20)\n", out)
	code, out, _ = f.run(t, april1, "queue", "show", f.awaiting.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "proof_not_needed")
	assert.Contains(t, out, "no proof of identity or authority needed: the month runs from receipt, 20 March 2026: authority on file since 2024")
}

// Proof asked for again after a first round arrived, and then found not needed, runs the month
// from the day the first round arrived, not from receipt; both ways of moving it on say so.
func TestQueueUpdateProofNotNeededAfterAnEarlierRound(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not needed", []string{"--proof-not-needed"},
			"due 2026-04-23 (no proof needed: the month runs from the day the earlier proof arrived, 2026-03-23)\n"},
		{"arrived", []string{"--status", "in_progress"},
			"due 2026-05-01 (the month runs from the day the proof arrived, 2026-04-01; if none was needed, --proof-not-needed runs it from the day the earlier proof arrived, 2026-03-23)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newQueueFixture(t) // f.awaiting was received on Friday 20 March 2026, awaiting ID
			for _, args := range [][]string{
				{"--status", "in_progress", "--at", "2026-03-23"},
				{"--status", "awaiting_verification", "--note", "the signature does not match; asked for a passport"},
			} {
				code, _, errOut := f.run(t, "2026-03-25T09:00:00Z", append([]string{"queue", "update", f.awaiting.Ref}, args...)...)
				require.Equal(t, exitOK, code, errOut)
			}
			code, out, errOut := f.run(t, april1, append([]string{"queue", "update", f.awaiting.Ref}, tc.args...)...)
			require.Equal(t, exitOK, code, errOut)
			assert.Equal(t, f.awaiting.Ref+": awaiting_verification → in_progress; "+tc.want, out)
		})
	}
}

// Proof that arrived starts the month on its day, and the output says so, naming the other way.
func TestQueueUpdateProofArrivedSaysWhichDayTheMonthRunsFrom(t *testing.T) {
	f := newQueueFixture(t)
	code, out, errOut := f.run(t, april1, "queue", "update", f.awaiting.Ref, "--status", "in_progress")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, f.awaiting.Ref+": awaiting_verification → in_progress; due 2026-05-01 (the month runs from the day the proof arrived, 2026-04-01; "+
		"if none was needed, --proof-not-needed runs it from receipt, 2026-03-20)\n", out)
}

// submit adds a case to the fixture's queue, received at received, as edit makes it.
func (f *queueFixture) submit(t *testing.T, received, key string, edit func(*dpo.Submission)) dpo.Case {
	t.Helper()
	s, err := sqlite.Open(filepath.Join(f.env["PRIVACYBOT_DATA"], "privacybot.db"))
	require.NoError(t, err)
	defer s.Close()
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, received).Add(time.Minute) }}
	sub := dpotest.Sample(dpotest.Date(t, received), key)
	edit(&sub)
	c, err := q.Submit(context.Background(), sub)
	require.NoError(t, err)
	return c
}

// A case filed as the wrong type is corrected from the command line, with a reason, on the
// trail, and flagged for the DPO when its words suggest Part 3 (a QA pass: the fly-tipping
// investigation's file, filed as a complaint, could be neither corrected nor flagged).
func TestQueueRetype(t *testing.T) {
	f := newQueueFixture(t)
	c := f.submit(t, "2026-03-23T10:00:00Z", "fly", func(s *dpo.Submission) {
		s.Type = dpo.Complaint
		s.Description = "I want all the information Buckinghamshire Council holds about the fly-tipping investigation against me"
	})
	code, out, _ := f.run(t, april1, "queue", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `queue retype REF --type T --reason "…"`)
	code, out, _ = f.run(t, april1, "queue", "retype", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Corrects the type of request a case was filed as")
	assert.Contains(t, out, "access, rectification, erasure")

	for _, args := range [][]string{
		{"queue", "retype", c.Ref, "--reason", "asks for the file"},
		{"queue", "retype", c.Ref, "--type", "sar", "--reason", "asks for the file"},
		{"queue", "retype", c.Ref, "--type", "access"},
		{"queue", "retype", "--type", "access", "--reason", "asks for the file"},
	} {
		code, _, errOut := f.run(t, april1, args...)
		assert.Equal(t, exitUsage, code, "%q: %s", args, errOut)
	}
	code, _, errOut := f.run(t, april1, "queue", "part3", c.Ref, "suspect", "--reason", "fly-tipping investigation")
	assert.Equal(t, exitFailure, code, "a complaint can't be flagged")
	assert.Contains(t, errOut, "is a complaint")

	code, out, errOut = f.run(t, april1, "queue", "retype", c.Ref, "--type", "access", "--reason", "asks for the investigation file", "--by", "sam")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, c.Ref+": now an access request (was a complaint); possibly law enforcement (Part 3): for the DPO to decide; due 2026-04-23 (Part 3? DPO to decide)\n", out)
	code, out, _ = f.run(t, april1, "queue", "show", c.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, c.Ref+"  access request  [received]")
	assert.Contains(t, out, "sam")
	assert.Contains(t, out, "retyped")
	assert.Contains(t, out, "request type changed from complaint to access: asks for the investigation file (its words suggest a law-enforcement (Part 3) request: flagged for the DPO to decide)")

	code, _, errOut = f.run(t, april1, "queue", "retype", c.Ref, "--type", "Access", "--reason", "asks for the file again")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errOut, "is already an access request")
	code, _, errOut = f.run(t, april1, "queue", "part3", c.Ref, "confirm", "--reason", "the fly-tipping prosecution file")
	assert.Equal(t, exitOK, code, errOut)
}

// A case whose chat read a risk to someone's safety is marked in the queue's list and on the
// case, found by --safeguarding, and exported with it (a QA pass found the warning only inside
// the case's text).
func TestQueueShowsAndFiltersTheSafeguardingFlag(t *testing.T) {
	f := newQueueFixture(t)
	warned := f.submit(t, "2026-03-23T10:00:00Z", "warned", func(s *dpo.Submission) {
		s.Safeguarding = true
		s.Description = "Note from the chat: " + dpo.SafeguardingNote + "\nmy housing file"
	})
	code, out, errOut := f.run(t, april1, "queue", "list")
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5)
	assert.Regexp(t, `SAFEGUARDING\s+ASSIGNED TO$`, lines[0], "the assignee stays last")
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, warned.Ref) {
			assert.Regexp(t, `\byes\s+-$`, l)
		} else {
			assert.Regexp(t, `\s-\s+-$`, l)
		}
	}

	code, out, errOut = f.run(t, april1, "queue", "list", "--safeguarding", "--json")
	require.Equal(t, exitOK, code, errOut)
	var listed []struct {
		Ref          string `json:"ref"`
		Safeguarding bool   `json:"safeguarding"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &listed))
	require.Len(t, listed, 1)
	assert.Equal(t, warned.Ref, listed[0].Ref)
	assert.True(t, listed[0].Safeguarding)
	code, out, _ = f.run(t, april1, "queue", "list", "--safeguarding", "--org", "bristol city council")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "No cases.\n", out)
	code, out, _ = f.run(t, april1, "queue", "list", "--help")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "-safeguarding")

	code, out, _ = f.run(t, april1, "queue", "show", warned.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Safeguarding:")
	assert.Contains(t, out, "read the conversation excerpt before contacting the requester")
	code, out, _ = f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.NotContains(t, out, "Safeguarding:")

	code, out, errOut = f.run(t, april1, "queue", "export", "--csv", "--safeguarding")
	require.Equal(t, exitOK, code, errOut)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 2)
	assert.Equal(t, warned.Ref, records[1][0])
	assert.Equal(t, "true", records[1][slices.Index(dpo.CSVColumns, "safeguarding")])
}

// An extension's reason (which the requester is told), a reopening's and a Part 3 decision's or
// time limit's reasons typed as a placeholder are refused, saying what is wanted, and nothing
// changes (a QA pass extended a case with the reason "x").
func TestQueueReasonsNeedWordsOfTheirOwn(t *testing.T) {
	f := newQueueFixture(t)
	const mar9 = "2026-03-09T09:00:00Z"
	code, _, errOut := f.run(t, mar9, "queue", "update", f.overdue.Ref, "--status", "completed")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = f.run(t, mar9, "queue", "part3", f.awaiting.Ref, "confirm", "--reason", "benefit fraud investigation")
	require.Equal(t, exitOK, code, errOut)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"extend", f.soon.Ref, "--reason", "x"}, `the reason the requester will be told, in words of their own ("x" says none)`},
		{[]string{"extend", f.soon.Ref, "--reason", "complex"}, "the reason the requester will be told, in words of their own"},
		{[]string{"update", f.soon.Ref, "--status", "extended", "--note", "y"}, "the reason the requester will be told, in words of their own"},
		{[]string{"reopen", f.overdue.Ref, "--note", "."}, "say why the case is reopened, in words of their own"},
		{[]string{"part3", f.soon.Ref, "suspect", "--reason", "n/a"}, "or is not a law-enforcement (Part 3) one, in words of their own"},
		{[]string{"limit", f.awaiting.Ref, "--due", "2026-04-20", "--reason", "tbc"}, "say why the request is due by then, for the audit trail, in words of their own"},
	} {
		code, out, errOut := f.run(t, mar9, append([]string{"queue"}, tc.args...)...)
		assert.Equal(t, exitFailure, code, "%q: %s", tc.args, out)
		assert.Contains(t, errOut, tc.says, tc.args)
	}
	code, out, _ := f.run(t, mar9, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "[received]", "nothing changed")
	assert.NotContains(t, out, "law enforcement", "nothing changed")
	code, out, _ = f.run(t, mar9, "queue", "show", f.overdue.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "[completed]", "still closed")

	code, _, errOut = f.run(t, mar9, "queue", "extend", f.soon.Ref, "--reason", "the records are held in three archives")
	assert.Equal(t, exitOK, code, errOut)
}

// A date given alone with --at is a London date, as received dates are: a change dated in summer
// time is at 00:00 that day on the trail and in the export, not 01:00 (00:00 UTC), and a date
// refused is said as a date, not a UTC timestamp (a QA pass).
func TestQueueUpdateAtIsALondonDate(t *testing.T) {
	f := newQueueFixture(t) // f.soon was received on 5 March 2026; summer time began on 29 March
	for _, tc := range []struct{ at, says string }{
		{"2026-03-01", "1 March 2026 is before the request was received (5 March 2026)"},
		{"2026-04-10", "10 April 2026 is in the future"},
	} {
		code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "completed", "--at", tc.at, "--note", "sent the records")
		assert.Equal(t, exitFailure, code, tc.at)
		assert.Contains(t, errOut, tc.says)
		assert.NotContains(t, errOut, "T00:00:00Z")
	}
	code, _, errOut := f.run(t, april1, "queue", "update", f.soon.Ref, "--status", "completed", "--at", "2026-03-31", "--note", "sent the records")
	require.Equal(t, exitOK, code, errOut)
	code, out, _ := f.run(t, april1, "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "2026-03-31 00:00")
	assert.NotContains(t, out, "2026-03-31 01:00")
	code, out, errOut = f.run(t, april1, "queue", "export", "--csv")
	require.Equal(t, exitOK, code, errOut)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	closed := slices.Index(rows[0], "closed")
	require.GreaterOrEqual(t, closed, 0, rows[0])
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[closed])
	}
	assert.Contains(t, got, "2026-03-31T00:00:00+01:00")
}

// queue list marks a case due today, London time, as it marks an overdue one (the dashboard
// highlighted it; the list said nothing).
func TestQueueListMarksACaseDueToday(t *testing.T) {
	f := newQueueFixture(t) // f.soon is due on Tuesday 7 April 2026
	line := func(out, ref string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, ref) {
				return l
			}
		}
		return ""
	}
	for _, tc := range []struct{ now, want, lacks string }{
		{april1, "2026-04-07 ", "DUE TODAY"},
		{"2026-04-07T09:00:00Z", "2026-04-07 DUE TODAY", "OVERDUE"},
		{"2026-04-06T23:30:00Z", "2026-04-07 DUE TODAY", "OVERDUE"}, // 00:30 on the 7th in London
		{"2026-04-07T23:30:00Z", "2026-04-07 OVERDUE", "DUE TODAY"}, // 00:30 on the 8th
	} {
		code, out, errOut := f.run(t, tc.now, "queue", "list")
		require.Equal(t, exitOK, code, errOut)
		got := line(out, f.soon.Ref)
		assert.Contains(t, got, tc.want, tc.now)
		assert.NotContains(t, got, tc.lacks, tc.now)
	}
	code, out, _ := f.run(t, "2026-04-07T09:00:00Z", "queue", "show", f.soon.Ref)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "2026-04-07 DUE TODAY")
}
