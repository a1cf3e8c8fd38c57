package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/llm/llmtest"
)

// With PRIVACYBOT_EMBEDDING_MODEL set, retrieval fuses the passages nearest the question by
// embedding into Bleve's ranking: the passages are embedded once and cached under the data
// directory, `eval` reports both modes side by side, and a failing embedding model leaves the
// answers to the index alone.
func TestHybridRetrieval(t *testing.T) {
	m := llmtest.New(t, nil)
	data := t.TempDir()
	env := map[string]string{"OPENAI_BASE_URL": m.URL(), "PRIVACYBOT_EMBEDDING_MODEL": "embed-small", "PRIVACYBOT_DATA": data}

	code, stdout, stderr := runCLI(t, env, "ask", "--json", "How long do you keep complaint records?")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "6 years")
	passages := len(m.EmbedInputs())
	require.Greater(t, passages, 100, "every passage embedded, and the question")
	cached, _ := filepath.Glob(filepath.Join(data, "embeddings", "embeddings-*.json"))
	require.Len(t, cached, 1)

	questions := filepath.Join(t.TempDir(), "q.jsonl")
	require.NoError(t, os.WriteFile(questions, []byte(
		`{"id":"a","question":"How long do you keep complaint records?","notices":["mkc-customer-services"],"answer_contains":["6 years"],"unanswerable":false}`+"\n"), 0o644))
	code, stdout, stderr = runCLI(t, env, "eval", "--json", "--questions", questions)
	require.Equal(t, exitOK, code, stderr)
	var rep struct {
		AnswerAccuracy float64 `json:"answer_accuracy"`
		Modes          map[string]struct {
			AnswerAccuracy float64 `json:"answer_accuracy"`
		} `json:"modes"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	assert.Contains(t, rep.Modes, "bm25")
	assert.Contains(t, rep.Modes, "hybrid")
	assert.Equal(t, 1.0, rep.Modes["hybrid"].AnswerAccuracy)
	assert.Less(t, len(m.EmbedInputs()), 2*passages, "the passages came from the cache the second time")

	code, stdout, _ = runCLI(t, env, "eval", "--questions", questions)
	require.Equal(t, exitOK, code)
	assert.Regexp(t, `answer accuracy\s+1\.000\s+1\.000`, stdout, "the two modes side by side")

	m.FailEmbeddings(http.StatusInternalServerError)
	code, stdout, stderr = runCLI(t, env, "ask", "--json", "How long do you keep complaint records?")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "6 years", "answered from the index alone")
	assert.Contains(t, stderr, "answered from the index alone")
}

// Personal data in a question reaches neither the embedding model nor the chat model, however
// the composer rewrote the question for the index: its acronyms expanded, "MK2 3AB" was "MK2
// 3accepted business", which no redaction recognised. And a question is embedded once a turn,
// though the composer and the model each retrieve for it.
func TestHybridRetrievalSendsNoPersonalData(t *testing.T) {
	m := llmtest.New(t, func(openai.ChatCompletionRequest) llmtest.Reply { return llmtest.Reply{Content: "NOT_IN_NOTICES"} })
	env := map[string]string{"OPENAI_BASE_URL": m.URL(), "PRIVACYBOT_EMBEDDING_MODEL": "embed-small",
		"PRIVACYBOT_MODEL": "chat-small", "PRIVACYBOT_DATA": t.TempDir()}
	questions := map[string][]string{
		"I'm at MK2 3AB, how long do you keep complaint records?":                 {"MK2", "3AB", "3accepted"},
		"I live at HP19 8BB, how long do you keep complaint records?":             {"HP19", "8BB", "8bed"},
		"My licence is SMITH851033J99AB, how long do you keep complaint records?": {"SMITH", "851033", "J99"},
		"My NI number is BB123456C, how long do you keep complaint records?":      {"BB123456", "bed blocking"},
		"How long do you keep complaint records?":                                 nil, // the model is asked too
	}
	for q, fragments := range questions {
		before, chats := len(m.EmbedInputs()), len(m.Requests())
		code, _, stderr := runCLI(t, env, "ask", "--json", q)
		require.Contains(t, []int{exitOK, exitNoMatch}, code, stderr)
		asked := m.EmbedInputs()[before:]
		if before == 0 {
			asked = asked[len(asked)-1:] // after the passages
		}
		assert.Len(t, asked, 1, "%s: embedded once", q)
		var sent []string
		// Answered, so the chat model is asked too, and what it is sent is checked (a review: the
		// questions with personal details abstained, and the chat model's checks couldn't fail).
		require.NotEmpty(t, m.Requests()[chats:], "%s: the model was asked", q)
		for _, r := range m.Requests()[chats:] {
			sent = append(sent, llmtest.Question(r))
		}
		for _, f := range fragments {
			assert.NotContains(t, strings.Join(asked, "\n"), f, q)
			assert.NotContains(t, strings.Join(sent, "\n"), f, q)
		}
	}
}
