package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chatModel is a fake OpenAI-compatible /v1/chat/completions that replies with reply(prompt),
// where prompt is the user message (the numbered passages and the question).
func chatModel(t *testing.T, delay time.Duration, reply func(prompt string) string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		var req struct {
			Messages []struct{ Role, Content string }
		}
		if err := json.Unmarshal(body, &req); err != nil || len(req.Messages) == 0 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		content := reply(req.Messages[len(req.Messages)-1].Content)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"id": "c1", "object": "chat.completion", "model": "test-model",
			"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
				"message": map[string]string{"role": "assistant", "content": content}}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// askWithModel runs `ask QUESTION --json` through Main with the model at baseURL.
func askWithModel(t *testing.T, baseURL, question string) (int, map[string]any, string) {
	t.Helper()
	env := map[string]string{
		"OPENAI_BASE_URL": baseURL, "OPENAI_API_KEY": "test", "PRIVACYBOT_MODEL": "test-model",
		"PRIVACYBOT_MODEL_TIMEOUT": "300ms",
	}
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) }}
	code := Main(context.Background(), app, []string{"ask", question, "--json"})
	var out map[string]any
	if stdout.Len() > 0 {
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), stdout.String())
	}
	return code, out, stderr.String()
}

var promptPassageRe = regexp.MustCompile(`(?m)^\[(\d+)\] `)

// citeOf returns the number of the prompt's passage that contains s, as a model would cite it.
func citeOf(prompt, s string) int {
	locs := promptPassageRe.FindAllStringSubmatchIndex(prompt, -1)
	for i, l := range locs {
		end := len(prompt)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if strings.Contains(prompt[l[0]:end], s) {
			var n int
			fmt.Sscanf(prompt[l[2]:l[3]], "%d", &n)
			return n
		}
	}
	return 0
}

func TestAskWithModel(t *testing.T) {
	const q = "How long do you keep complaint records?"
	wrong := chatModel(t, 0, func(string) string { return "Complaint records are kept for 2 years [1]" })
	right := chatModel(t, 0, func(p string) string {
		return fmt.Sprintf("Complaint records are kept for 6 years from when the case was closed [%d].", citeOf(p, "held for 6 years"))
	})
	slow := chatModel(t, time.Minute, func(string) string { return "too late" })
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL + "/v1"
	down.Close()

	tests := []struct {
		name, url, mode, reason string
	}{
		{"model invents a period", wrong.URL + "/v1", "extractive", "unsupported_number"},
		{"model answers with valid citations", right.URL + "/v1", "generated", ""},
		{"model too slow", slow.URL + "/v1", "extractive", "timeout"},
		{"model endpoint down", downURL, "extractive", "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := askWithModel(t, tt.url, q)
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, tt.mode, out["mode"])
			if tt.reason == "" {
				assert.NotContains(t, out, "fallback_reason")
			} else {
				assert.Equal(t, tt.reason, out["fallback_reason"])
			}
			assert.Contains(t, out["answer"], "6 years")
			assert.NotContains(t, out["answer"], "2 years")
			cits, _ := out["citations"].([]any)
			require.NotEmpty(t, cits)
			assert.Equal(t, "mkc-customer-services", cits[0].(map[string]any)["notice"])
		})
	}
}
