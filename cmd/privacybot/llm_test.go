package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/llm/llmtest"
	"github.com/sashabaranov/go-openai"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chatModel is a fake OpenAI-compatible model that replies with reply(prompt), where prompt
// is the user message (the numbered passages and the question).
func chatModel(t *testing.T, delay time.Duration, reply func(prompt string) string) *llmtest.Model {
	t.Helper()
	return llmtest.New(t, func(req openai.ChatCompletionRequest) llmtest.Reply {
		return llmtest.Reply{Delay: delay, Content: reply(llmtest.UserPrompt(req))}
	})
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

// citeOf returns the number of the prompt's passage that contains s, as a model would cite it.
var citeOf = llmtest.PassageWith

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
		{"model invents a period", wrong.URL(), "extractive", "unsupported_number"},
		{"model answers with valid citations", right.URL(), "generated", ""},
		{"model too slow", slow.URL(), "extractive", "timeout"},
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

// The model is given the passages as the composer ranks them: for "what's the phone number for MK
// Together?", MK Together's contact passage first, where Bleve's ranking put the website
// statement's opening paragraph, which shares more of the question's words.
func TestTheModelReadsThePassageThatAnswersFirst(t *testing.T) {
	var first int
	model := chatModel(t, 0, func(p string) string {
		first = citeOf(p, "01908 254373")
		return fmt.Sprintf("MK Together's number is 01908 254373 [%d].", first)
	})
	code, out, stderr := askWithModel(t, model.URL(), "what's the phone number for MK Together?")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 1, first, "MK Together's contact is the first passage the model reads")
	assert.Equal(t, "generated", out["mode"], out["fallback_reason"])
}
