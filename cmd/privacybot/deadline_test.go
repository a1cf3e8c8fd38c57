package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs privacybot with args and env, returning the exit code, stdout and stderr.
func runCLI(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{
		Stdin:  strings.NewReader(""),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) },
	}
	code := Main(context.Background(), app, args)
	return code, stdout.String(), stderr.String()
}

func TestDeadlineCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"corresponding date", []string{"--received", "2023-09-03"}, "2023-10-03\n"},
		{"Saturday moves to Monday", []string{"--received", "2026-09-03"}, "2026-10-05\n"},
		{"end of a short February on a Sunday", []string{"--received", "2027-01-31"}, "2027-03-01\n"},
		{"leap year", []string{"--received", "2024-01-31"}, "2024-02-29\n"},
		{"Christmas", []string{"--received", "2024-11-25"}, "2024-12-27\n"},
		{"RFC 3339 moment: its London date", []string{"--received", "2023-06-30T23:30:00Z"}, "2023-08-01\n"},
		{"Easter Monday in England", []string{"--received", "2025-03-21", "--region", "england-and-wales"}, "2025-04-22\n"},
		{"not in Scotland", []string{"--received", "2025-03-21", "--region", "Scotland"}, "2025-04-21\n"},
		{"St Patrick's Day", []string{"--received", "2025-02-17", "--region", "northern-ireland"}, "2025-03-18\n"},
		{"extended", []string{"--received", "2023-09-03", "--extended"}, "2023-12-04\n"},
		{"one clarification", []string{"--received", "2023-03-01", "--clarification", "2023-03-10:2023-03-14"}, "2023-04-06\n"},
		{"two clarifications", []string{"--received", "2023-03-01", "--clarification", "2023-03-06:2023-03-08", "--clarification=2023-03-20:2023-03-21"}, "2023-04-06\n"},
		{"clarification, extension and region", []string{"--region", "scotland", "--extended", "--clarification", "2023-03-10:2023-03-15", "--received", "2023-01-01"}, "2023-04-10\n"},
		{"ID restarts the month", []string{"--received", "2023-09-03", "--id-received", "2023-09-10"}, "2023-10-10\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, append([]string{"deadline"}, tt.args...)...)
			assert.Equal(t, exitOK, code, stderr)
			assert.Equal(t, tt.want, stdout)
			assert.Empty(t, stderr)
		})
	}
}

func TestDeadlineCommandUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no received date", nil, "--received YYYY-MM-DD is required"},
		{"bad date", []string{"--received", "2023-02-30"}, `"2023-02-30" is not a date`},
		{"British date order", []string{"--received", "03/09/2023"}, "is not a date YYYY-MM-DD"},
		{"unknown region", []string{"--received", "2023-09-03", "--region", "wales"}, "unknown region"},
		{"clarification without TO", []string{"--received", "2023-09-03", "--clarification", "2023-09-05"}, "FROM:TO"},
		{"open clarification", []string{"--received", "2023-09-03", "--clarification", "2023-09-05:"}, "TO"},
		{"clarification backwards", []string{"--received", "2023-09-03", "--clarification", "2023-09-06:2023-09-05"}, "ends before it starts"},
		{"bad ID date", []string{"--received", "2023-09-03", "--id-received", "tomorrow"}, "--id-received"},
		{"stray argument", []string{"--received", "2023-09-03", "scotland"}, `unexpected argument "scotland"`},
		{"unknown flag", []string{"--received", "2023-09-03", "--days", "30"}, "days"},
		{"ID before the request", []string{"--received", "2023-09-03", "--id-received", "2023-08-10"}, "before the request was received"},
		{"pause before the request", []string{"--received", "2023-09-03", "--clarification", "2023-08-01:2023-08-05"}, "starts before the request"},
		{"year typed wrong", []string{"--received", "2203-09-03"}, "a year from 2000 to 2199"},
		{"year 0, said as typed", []string{"--received", "0000-06-15"}, "--received 0000-06-15: a year from 2000 to 2199"},
		{"year 1, the zero date", []string{"--received", "0001-01-01"}, "--received 0001-01-01: a year from 2000 to 2199"},
		{"ID year typed wrong", []string{"--received", "2026-09-03", "--id-received", "2400-01-01"}, "--id-received 2400-01-01"},
		{"pause year typed wrong", []string{"--received", "2026-09-03", "--clarification", "2026-09-10:2300-01-01"}, "--clarification 2300-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, append([]string{"deadline"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			// (flags.go's shared usage text goes to stdout on flag-package errors; no date must.)
			assert.NotRegexp(t, `(?m)^\d{4}-\d{2}-\d{2}$`, stdout, "nothing a script could mistake for a date")
			assert.Contains(t, stderr, tt.want)
		})
	}
}

// PRIVACYBOT_REGION, which the chat and the queue use, is the deadline command's region too, so
// a Scottish council's officer checking a date by hand gets the queue's date; --region overrides.
func TestDeadlineCommandTakesTheRegionFromTheEnvironment(t *testing.T) {
	scotland := map[string]string{"PRIVACYBOT_REGION": "scotland"}
	code, out, _ := runCLI(t, scotland, "deadline", "--received", "2024-07-05")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "2024-08-06\n", out, "5 August 2024 is Scotland's summer bank holiday")
	code, out, _ = runCLI(t, scotland, "deadline", "--received", "2024-07-05", "--region", "england-and-wales")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "2024-08-05\n", out)
	code, _, errOut := runCLI(t, map[string]string{"PRIVACYBOT_REGION": "bogus"}, "deadline", "--received", "2024-07-05")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "PRIVACYBOT_REGION")
}

func TestDeadlineCommandHolidaysFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "holidays.yaml")
	require.NoError(t, os.WriteFile(good, []byte("holidays:\n  - date: 2027-06-07\n    name: Imaginary jubilee\n"), 0o600))
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("holidays:\n  - date: 7 June\n    name: X\n"), 0o600))
	args := []string{"deadline", "--received", "2027-05-07"}

	code, stdout, _ := runCLI(t, nil, args...)
	require.Equal(t, exitOK, code)
	assert.Equal(t, "2027-06-07\n", stdout, "without the file 7 June 2027 is a working Monday")

	code, stdout, stderr := runCLI(t, map[string]string{"PRIVACYBOT_HOLIDAYS": good}, args...)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "2027-06-08\n", stdout, "PRIVACYBOT_HOLIDAYS adds the holiday")

	code, stdout, stderr = runCLI(t, nil, append(args, "--holidays", good)...)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "2027-06-08\n", stdout, "--holidays adds the holiday")

	code, stdout, stderr = runCLI(t, map[string]string{"PRIVACYBOT_HOLIDAYS": bad}, args...)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "bad.yaml:2:")

	code, _, stderr = runCLI(t, map[string]string{"PRIVACYBOT_HOLIDAYS": filepath.Join(dir, "missing.yaml")}, args...)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "missing.yaml")
}

func TestDeadlineCommandHelp(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "deadline", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Usage: privacybot deadline --received")
	assert.Contains(t, stdout, "-clarification")

	code, stdout, _ = runCLI(t, nil, "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "deadline")
}

// A flag's help gives its default once: the flag package adds the value, so the text doesn't say
// it too (QA saw `(default $USER) (default "cli")`).
func TestFlagHelpGivesADefaultOnce(t *testing.T) {
	env := map[string]string{"USER": "alex", "PRIVACYBOT_REGION": "scotland", "PRIVACYBOT_HOLIDAYS": "holidays.yaml"}
	for _, cmd := range [][]string{
		{"queue", "update"}, {"queue", "extend"}, {"queue", "reopen"}, {"queue", "assign"}, {"queue", "part3"}, {"queue", "limit"},
		{"deadline"},
	} {
		t.Run(strings.Join(cmd, " "), func(t *testing.T) {
			code, stdout, _ := runCLI(t, env, append(cmd, "--help")...)
			require.Equal(t, exitOK, code)
			require.Contains(t, stdout, "(default ")
			for _, l := range strings.Split(stdout, "\n") {
				assert.LessOrEqual(t, strings.Count(l, "(default"), 1, l)
			}
		})
	}
}

// A pause the clock ignores is said on stderr, not dropped silently (a QA pass of the DPO's
// side): one starting after the due date, one over before the month started; one that counts
// says nothing.
func TestDeadlineCommandSaysWhichPausesDontCount(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		due, notes string
	}{
		{[]string{"--received", "2024-01-01", "--clarification", "2024-03-01:2024-03-05"}, "2024-02-01\n", "starts after the due date"},
		{[]string{"--received", "2024-01-01", "--id-received", "2024-01-15", "--clarification", "2024-01-05:2024-01-06"}, "2024-02-15\n", "ends before the month started (2024-01-15)"},
		{[]string{"--received", "2024-01-01", "--clarification", "2024-01-10:2024-01-12"}, "2024-02-05\n", ""},
	} {
		code, stdout, stderr := runCLI(t, nil, append([]string{"deadline"}, tc.args...)...)
		require.Equal(t, exitOK, code, stderr)
		assert.Equal(t, tc.due, stdout, tc.args)
		if tc.notes == "" {
			assert.Empty(t, stderr, tc.args)
		} else {
			assert.Contains(t, stderr, tc.notes, tc.args)
		}
	}
}
