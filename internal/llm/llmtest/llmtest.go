// Package llmtest is a fake OpenAI-compatible model server on loopback for tests: it records
// every request (so tests can check what reached the model) and answers /v1/chat/completions,
// plain or streamed, with what the test decides.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Reply is what the fake model answers to one request.
type Reply struct {
	Status  int           // 0 for 200
	Content string        // the assistant's text
	Delay   time.Duration // sleep before answering (cut short when the client goes away)
}

// Model is a fake OpenAI-compatible server.
type Model struct {
	srv   *httptest.Server
	mu    sync.Mutex
	reqs  []openai.ChatCompletionRequest
	raw   []string
	reply func(req openai.ChatCompletionRequest) Reply
}

// New starts a fake model that answers each request with reply(request); it stops with the test.
func New(t testing.TB, reply func(req openai.ChatCompletionRequest) Reply) *Model {
	t.Helper()
	m := &Model{reply: reply}
	m.srv = httptest.NewServer(http.HandlerFunc(m.serve))
	t.Cleanup(m.srv.Close)
	return m
}

// URL is the base URL to configure (OPENAI_BASE_URL).
func (m *Model) URL() string { return m.srv.URL + "/v1" }

// Requests are the chat requests received so far.
func (m *Model) Requests() []openai.ChatCompletionRequest {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]openai.ChatCompletionRequest(nil), m.reqs...)
}

// RawBodies are the request bodies received so far, as sent: what a test searches for personal data.
func (m *Model) RawBodies() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return strings.Join(m.raw, "\n")
}

func (m *Model) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var req openai.ChatCompletionRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	m.mu.Lock()
	m.reqs = append(m.reqs, req)
	m.raw = append(m.raw, string(body))
	m.mu.Unlock()

	rep := m.reply(req)
	if rep.Delay > 0 {
		select {
		case <-time.After(rep.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if rep.Status != 0 && rep.Status != http.StatusOK {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.Status)
		fmt.Fprintf(w, `{"error":{"message":"fake failure %d","type":"server_error"}}`, rep.Status)
		return
	}
	if req.Stream {
		w.Header().Set("Content-Type", "text/event-stream")
		fl := w.(http.Flusher)
		for _, piece := range pieces(rep.Content, 7) {
			chunk := openai.ChatCompletionStreamResponse{ID: "c1", Object: "chat.completion.chunk", Model: req.Model,
				Choices: []openai.ChatCompletionStreamChoice{{Index: 0, Delta: openai.ChatCompletionStreamChoiceDelta{Content: piece}}}}
			b, _ := json.Marshal(chunk)
			fmt.Fprintf(w, "data: %s\n\n", b)
			fl.Flush()
		}
		done := openai.ChatCompletionStreamResponse{ID: "c1", Object: "chat.completion.chunk", Model: req.Model,
			Choices: []openai.ChatCompletionStreamChoice{{Index: 0, FinishReason: openai.FinishReasonStop}}}
		b, _ := json.Marshal(done)
		fmt.Fprintf(w, "data: %s\n\ndata: [DONE]\n\n", b)
		return
	}
	resp := openai.ChatCompletionResponse{ID: "c1", Object: "chat.completion", Model: req.Model,
		Choices: []openai.ChatCompletionChoice{{Index: 0, FinishReason: openai.FinishReasonStop,
			Message: openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: rep.Content}}}}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func pieces(s string, n int) []string {
	var out []string
	r := []rune(s)
	for len(r) > n {
		out = append(out, string(r[:n]))
		r = r[n:]
	}
	return append(out, string(r))
}

// UserPrompt is the last user message of a request: the numbered passages and the question.
func UserPrompt(req openai.ChatCompletionRequest) string {
	for i := len(req.Messages) - 1; i >= 0; i-- {
		if req.Messages[i].Role == openai.ChatMessageRoleUser {
			return req.Messages[i].Content
		}
	}
	return ""
}

var passageHeadRe = regexp.MustCompile(`(?m)^\[(\d+)\] `)

// PassageWith finds the number of the prompt's passage containing s, as a model reading it
// would cite it; 0 when none does.
func PassageWith(prompt, s string) int {
	locs := passageHeadRe.FindAllStringSubmatchIndex(prompt, -1)
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
