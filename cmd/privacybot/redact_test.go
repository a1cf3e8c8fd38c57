package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runRedactCLI runs `privacybot redact args…` with stdin, returning the exit code and output.
func runRedactCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{
		Stdin:  bytes.NewBufferString(stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(string) string { return "" },
		Now:    time.Now,
	}
	code := Main(context.Background(), app, append([]string{"redact"}, args...))
	return code, stdout.String(), stderr.String()
}

func TestRedactCommandPrintsRedactedText(t *testing.T) {
	in := "Hi, I'm Jane Smith (jane@example.com, 07700 900123).\nMy ref is DPO-2026-000123.\n"
	code, out, stderr := runRedactCLI(t, in)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "Hi, I'm [name] ([email], [phone]).\nMy ref is DPO-2026-000123.\n", out)
}

func TestRedactCommandJSON(t *testing.T) {
	in := "NHS number 943 476 5919, postcode MK9 3HS"
	code, out, stderr := runRedactCLI(t, in, "--json")
	require.Equal(t, exitOK, code, stderr)

	var got struct {
		Text     string `json:"text"`
		Findings []struct {
			Kind       string `json:"kind"`
			Start, End int
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.Equal(t, "NHS number [NHS number], postcode [postcode]", got.Text)
	require.Len(t, got.Findings, 2)
	assert.Equal(t, "nhs_number", got.Findings[0].Kind)
	assert.Equal(t, "943 476 5919", in[got.Findings[0].Start:got.Findings[0].End])
	assert.Equal(t, "postcode", got.Findings[1].Kind)
	assert.Equal(t, "MK9 3HS", in[got.Findings[1].Start:got.Findings[1].End])
}

func TestRedactCommandJSONWithNothingToRedact(t *testing.T) {
	code, out, _ := runRedactCLI(t, "We keep records for 6 years.", "--json")
	require.Equal(t, exitOK, code)
	assert.JSONEq(t, `{"text": "We keep records for 6 years.", "findings": []}`, out)
}

func TestRedactCommandUsage(t *testing.T) {
	code, out, _ := runRedactCLI(t, "", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "Usage: privacybot redact")
	assert.Contains(t, out, "-json")

	code, _, stderr := runRedactCLI(t, "", "some text")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "standard input")

	code, _, _ = runRedactCLI(t, "", "--nope")
	assert.Equal(t, exitUsage, code)
}

func TestRedactCommandIsListed(t *testing.T) {
	var stdout bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stdout, Getenv: func(string) string { return "" }, Now: time.Now}
	require.Equal(t, exitOK, Main(context.Background(), app, []string{"help"}))
	assert.Contains(t, stdout.String(), "redact")
}
