// Package llmtest is a fake OpenAI-compatible model server on loopback for tests: it records
// every request (so tests can check what reached the model) and answers /v1/chat/completions,
// plain or streamed, with what the test decides, and /v1/embeddings with word-hash vectors.
package llmtest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

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
	// embedStatus, when not 0 or 200, is how /v1/embeddings fails.
	embedStatus int
	embedInputs []string
}

// FailEmbeddings makes /v1/embeddings answer with an HTTP status (0 to work again).
func (m *Model) FailEmbeddings(status int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.embedStatus = status
}

// EmbedInputs are the texts /v1/embeddings was asked to embed, in order.
func (m *Model) EmbedInputs() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.embedInputs...)
}

// Embedding is the fake model's vector of a text: its words hashed into 64 dimensions, so that
// texts sharing words are near each other.
func Embedding(text string) []float32 {
	v := make([]float32, 64)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h := fnv.New32a()
		_, _ = h.Write([]byte(w))
		v[h.Sum32()%64]++
	}
	return v
}

func (m *Model) serveEmbeddings(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req openai.EmbeddingRequestStrings
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	m.mu.Lock()
	status := m.embedStatus
	m.embedInputs = append(m.embedInputs, req.Input...)
	m.raw = append(m.raw, string(body))
	m.mu.Unlock()
	if status != 0 && status != http.StatusOK {
		fail(w, status)
		return
	}
	resp := openai.EmbeddingResponse{Object: "list", Model: openai.EmbeddingModel(req.Model)}
	for i, text := range req.Input {
		resp.Data = append(resp.Data, openai.Embedding{Object: "embedding", Embedding: Embedding(text), Index: i})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
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
	if r.URL.Path == "/v1/embeddings" && r.Method == http.MethodPost {
		m.serveEmbeddings(w, r)
		return
	}
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
		fail(w, rep.Status)
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

// fail answers with an HTTP error status and an OpenAI-shaped error body.
func fail(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"message":"fake failure %d","type":"server_error"}}`, status)
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

// Question is what the answer prompt of a request puts between its <question> tags: the
// resident's question as the model was sent it (the whole user prompt when there are none).
func Question(req openai.ChatCompletionRequest) string {
	p := UserPrompt(req)
	start, end := strings.Index(p, "<question>"), strings.Index(p, "</question>")
	if start < 0 || end < start {
		return p
	}
	return strings.TrimSpace(p[start+len("<question>") : end])
}
