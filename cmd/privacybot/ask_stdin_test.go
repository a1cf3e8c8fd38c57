package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLIWithStdin is runCLI with stdin.
func runCLIWithStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) }}
	return Main(context.Background(), app, args), stdout.String(), stderr.String()
}

// `ask -` reads the question from standard input (a QA pass: "-" was asked, and abstained); its
// lines are one question, and none is a usage error.
func TestAskReadsTheQuestionFromStdin(t *testing.T) {
	code, want, errOut := runCLI(t, nil, "ask", "how long do we keep complaint records", "--json")
	require.Equal(t, exitOK, code, errOut)

	code, got, errOut := runCLIWithStdin(t, "how long do we keep\ncomplaint records\n", "ask", "-", "--json")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, want, got)

	code, _, errOut = runCLIWithStdin(t, " \n", "ask", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "no question on standard input")

	code, _, errOut = runCLIWithStdin(t, strings.Repeat("how long ", 10_000), "ask", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "longer than 2000 characters")

	code, help, _ := runCLI(t, nil, "ask", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, help, `"-" reads the question`)
}
