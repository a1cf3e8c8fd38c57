package llm_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/llm"
	"github.com/privacybot/privacybot/internal/llm/llmtest"
)

// Passages are embedded in batches and come back in order; a question is redacted before it is
// sent, unless the model is self-hosted; a failing endpoint is an error the caller falls back from.
func TestEmbedder(t *testing.T) {
	m := llmtest.New(t, nil)
	e := llm.NewEmbedder(llm.Options{BaseURL: m.URL(), Model: "embed-small"})
	assert.Equal(t, "embed-small", e.Model())

	texts := make([]string, 150) // three requests
	for i := range texts {
		texts[i] = fmt.Sprintf("passage number %d about complaints", i)
	}
	vs, err := e.EmbedPassages(context.Background(), texts)
	require.NoError(t, err)
	require.Len(t, vs, len(texts))
	assert.Equal(t, llmtest.Embedding(texts[149]), vs[149])
	assert.Equal(t, texts, m.EmbedInputs())

	_, err = e.EmbedQuestion(context.Background(), "I'm on 07700 900123, how long are complaints kept?")
	require.NoError(t, err)
	assert.NotContains(t, m.RawBodies(), "07700 900123", "personal data never reaches the model")

	self := llm.NewEmbedder(llm.Options{BaseURL: m.URL(), Model: "embed-small", SelfHosted: true})
	_, err = self.EmbedQuestion(context.Background(), "my number is 07700 900456")
	require.NoError(t, err)
	assert.Contains(t, m.RawBodies(), "07700 900456", "a self-hosted model may see the question as asked")

	m.FailEmbeddings(http.StatusTooManyRequests)
	_, err = e.EmbedQuestion(context.Background(), "how long are complaints kept?")
	assert.Error(t, err)
}
