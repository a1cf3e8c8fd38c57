package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/dpo"
)

// syncBuffer is a bytes.Buffer safe to write from the server while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func envApp(env map[string]string, stdin string) (*App, *syncBuffer, *syncBuffer) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	return &App{Stdin: strings.NewReader(stdin), Stdout: out, Stderr: errb,
		Getenv: func(k string) string { return env[k] }, Now: time.Now}, out, errb
}

var listeningRe = regexp.MustCompile(`listening on (\S+)`)

// startServe runs `privacybot serve --addr 127.0.0.1:0` and returns its base URL and a stop
// function that shuts it down and returns the exit code.
func startServe(t *testing.T, env map[string]string) (string, func() int) {
	t.Helper()
	app, _, stderr := envApp(env, "")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Main(ctx, app, []string{"serve", "--addr", "127.0.0.1:0"}) }()
	var addr string
	require.Eventually(t, func() bool {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		default:
		}
		m := listeningRe.FindStringSubmatch(stderr.String())
		if m != nil {
			addr = m[1]
		}
		return m != nil
	}, 30*time.Second, 20*time.Millisecond)
	stopped := false
	stop := func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	return "http://" + addr, stop
}

func TestServeEndToEnd(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"PRIVACYBOT_DATA": data}

	app, out, _ := envApp(env, "correct horse battery staple\n")
	require.Equal(t, exitOK, Main(context.Background(), app, []string{"users", "add", "dpo", "--org", "Milton Keynes City Council", "--password-stdin"}))
	assert.Contains(t, out.String(), "added dpo")

	base, stop := startServe(t, env)
	res, err := http.Post(base+"/api/chat", "application/json", strings.NewReader(`{"message":"How long do you keep complaint records?"}`))
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	var reply struct {
		Answer    string            `json:"answer"`
		Citations []json.RawMessage `json:"citations"`
		Session   string            `json:"session"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&reply))
	assert.NotEmpty(t, reply.Citations)
	assert.NotEmpty(t, reply.Session)

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200, "/widget.js": 200, "/": 200, "/privacy": 200} {
		r, err := http.Get(base + path)
		require.NoError(t, err)
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
		assert.Equal(t, want, r.StatusCode, path)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := noFollow.Get(base + "/dpo")
	require.NoError(t, err)
	r.Body.Close()
	assert.Equal(t, http.StatusSeeOther, r.StatusCode)

	assert.Equal(t, exitOK, stop(), "a signal shuts the server down cleanly")
}

func TestServeFinishesRequestsInFlight(t *testing.T) {
	base, stop := startServe(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()})
	// Open many requests, then stop while they run: each must complete with a full answer.
	var wg sync.WaitGroup
	codes := make(chan int, 20)
	for i := 0; i < 20; i++ {
		wg.Go(func() {
			res, err := http.Post(base+"/api/chat", "application/json", strings.NewReader(`{"message":"How long do you keep complaint records?"}`))
			if err != nil {
				codes <- -1 // refused after shutdown began: not in flight
				return
			}
			defer res.Body.Close()
			var v map[string]any
			if json.NewDecoder(res.Body).Decode(&v) != nil {
				codes <- -2 // cut off mid-response
				return
			}
			codes <- res.StatusCode
		})
	}
	time.Sleep(5 * time.Millisecond)
	assert.Equal(t, exitOK, stop())
	wg.Wait()
	close(codes)
	for c := range codes {
		assert.NotEqual(t, -2, c, "no response was cut off")
	}
}

func TestUsersCommand(t *testing.T) {
	env := map[string]string{"PRIVACYBOT_DATA": t.TempDir()}
	run := func(stdin string, args ...string) (int, string, string) {
		app, out, errb := envApp(env, stdin)
		code := Main(context.Background(), app, args)
		return code, out.String(), errb.String()
	}
	code, out, _ := run("", "users", "add", "alex", "--org", "Buckinghamshire Council")
	require.Equal(t, exitOK, code)
	assert.Regexp(t, `password: \S{20,}`, out, "a generated password is shown once")

	code, _, errOut := run("short\n", "users", "add", "sam", "--org", "*", "--password-stdin")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "at least 12")

	code, _, _ = run("", "users", "add", "alex", "--org", "*")
	assert.Equal(t, exitUsage, code, "a name is taken once")
	code, _, errOut = run("", "users", "add", "Alex", "--org", "Milton Keynes")
	assert.Equal(t, exitUsage, code, "in any case: cases are found by assignee ignoring case")
	assert.Contains(t, errOut, `already a user "alex"`)
	for _, lookalike := range []string{"alex\u200b", "ａｌｅｘ", "al\tex", "al\nex"} {
		code, _, errOut = run("", "users", "add", lookalike, "--org", "*")
		assert.Equal(t, exitUsage, code, "%q looks like alex", lookalike)
		assert.Contains(t, errOut, "hidden, control or full-width character")
	}
	code, _, errOut = run("", "users", "add", "Requester via web", "--org", "*")
	assert.Equal(t, exitUsage, code, "the dashboard signs changes with the user's name")
	assert.Contains(t, errOut, "reads as the queue's own name for whoever sent a request")
	code, _, _ = run("", "users", "add", "nobody")
	assert.Equal(t, exitUsage, code, "an organisation is required")
	code, _, _ = run("", "users", "add", "  ", "--org", "*")
	assert.Equal(t, exitUsage, code, "a name is required")

	code, out, _ = run("", "users", "list")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "alex")
	assert.Contains(t, out, "Buckinghamshire Council")
	assert.NotContains(t, out, "$2a$", "hashes are never printed")
	code, out, _ = run("", "users", "list", "--json")
	require.Equal(t, exitOK, code)
	var users []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &users))
	require.Len(t, users, 1)
	assert.Equal(t, "alex", users[0]["name"])
	assert.Equal(t, []any{"Buckinghamshire Council"}, users[0]["organisations"])
	assert.NotContains(t, out, "$2a$", "hashes are never printed")

	code, _, _ = run("", "users", "remove", "alex")
	assert.Equal(t, exitOK, code)
	code, _, _ = run("", "users", "remove", "alex")
	assert.Equal(t, exitUsage, code)
}

// The log's announcement of a case says its status now, so one closed before the announcement
// went out (filed while the server was down, worked from the CLI) doesn't read as waiting.
func TestTheLogAnnouncesACaseWithItsStatus(t *testing.T) {
	var buf bytes.Buffer
	n := logNotifier(slog.New(slog.NewTextHandler(&buf, nil)))
	require.NoError(t, n.Notify(context.Background(), dpo.Case{Ref: "DPO-2026-000005", Type: "access", Organisation: "Buckinghamshire Council", Status: dpo.Completed}))
	assert.Contains(t, buf.String(), "ref=DPO-2026-000005")
	assert.Contains(t, buf.String(), "status=completed")
}

// What the chat says of a language model follows what is configured: an embedding model alone is
// sent the questions too, and "self-hosted" means nothing without a model.
func TestChatFactsFollowTheModelConfigured(t *testing.T) {
	none := chatFacts(config.Config{ModelSelfHosted: true})
	assert.Empty(t, none.ModelService)
	assert.False(t, none.ModelSelfHosted, "no model, so none the council runs")
	assert.Equal(t, 30, none.TranscriptDays)

	embeddings := chatFacts(config.Config{EmbeddingModel: "text-embedding-3-small", OpenAIKey: "k"})
	assert.Equal(t, "api.openai.com", embeddings.ModelService)
	assert.False(t, embeddings.ModelWrites)

	model := chatFacts(config.Config{Model: "m", OpenAIBaseURL: "https://llm.council.internal/v1", ModelSelfHosted: true, TranscriptDays: 14})
	assert.Equal(t, "llm.council.internal", model.ModelService)
	assert.True(t, model.ModelWrites)
	assert.True(t, model.ModelSelfHosted)
	assert.Equal(t, 14, model.TranscriptDays)
}
