package llm

// Embeddings through the same OpenAI-compatible endpoint's /v1/embeddings, for hybrid retrieval.

import (
	"context"
	"fmt"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/privacybot/privacybot/internal/redact"
)

// embedBatch is how many texts one /v1/embeddings request carries.
const embedBatch = 64

// Embedder turns text into vectors with an embedding model. It is safe for concurrent use.
type Embedder struct {
	client     *openai.Client
	model      string
	timeout    time.Duration
	selfHosted bool
}

// NewEmbedder makes an embedder from the model options; o.Model is the embedding model
// (PRIVACYBOT_EMBEDDING_MODEL).
func NewEmbedder(o Options) *Embedder {
	e := &Embedder{client: newClient(o), model: o.Model, timeout: o.Timeout, selfHosted: o.SelfHosted}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	return e
}

// Model is the embedding model's name: a cache of vectors is only good for the model that made it.
func (e *Embedder) Model() string { return e.model }

// EmbedPassages embeds the notices' passages, in batches. Notices are published text: they are
// sent as they are.
func (e *Embedder) EmbedPassages(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += embedBatch {
		batch := texts[start:min(start+embedBatch, len(texts))]
		vs, err := e.embed(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("embed passages %d-%d: %w", start, start+len(batch)-1, err)
		}
		out = append(out, vs...)
	}
	return out, nil
}

// EmbedQuestion embeds a question, its personal data redacted first unless the model is
// self-hosted.
func (e *Embedder) EmbedQuestion(ctx context.Context, q string) ([]float32, error) {
	if !e.selfHosted {
		q = redact.Text(q)
	}
	vs, err := e.embed(ctx, []string{q})
	if err != nil {
		return nil, fmt.Errorf("embed question: %w", err)
	}
	return vs[0], nil
}

func (e *Embedder) embed(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	resp, err := e.client.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: texts, Model: openai.EmbeddingModel(e.model)})
	if err != nil {
		return nil, err
	}
	if len(resp.Data) != len(texts) {
		return nil, fmt.Errorf("asked for %d embeddings, got %d", len(texts), len(resp.Data))
	}
	out := make([][]float32, len(texts))
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= len(texts) || out[d.Index] != nil {
			return nil, fmt.Errorf("embedding index %d out of place", d.Index)
		}
		out[d.Index] = d.Embedding
	}
	return out, nil
}
