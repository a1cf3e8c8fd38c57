// Package indextest builds the answer engine over the bundled notices for tests: the corpus, its
// in-memory index and the extractive composer, once per test binary, so every package's tests
// answer from the real notices without each building them its own way.
package indextest

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/index"
	"github.com/privacybot/privacybot/internal/notice"
)

// Engine is the answer engine over one corpus.
type Engine struct {
	Corpus   *notice.Corpus
	Index    *index.Index
	Composer *answer.Composer
	// Orgs are the corpus's organisations' canonical names, sorted.
	Orgs []string
}

var (
	once    sync.Once
	bundled *Engine
	err     error
)

// Bundled returns the engine over the bundled notices, built on first use. Tests share it: it
// is safe for concurrent use, and tests must not change its fields.
func Bundled(tb testing.TB) *Engine {
	tb.Helper()
	once.Do(func() {
		var c *notice.Corpus
		if c, err = notice.Load(corpus.FS); err != nil {
			return
		}
		bundled, err = Build(c)
	})
	if err != nil {
		tb.Fatalf("build the engine over the bundled notices: %v", err)
	}
	return bundled
}

// Build makes an engine over any corpus (an unseen council's notices, a test's own).
func Build(c *notice.Corpus) (*Engine, error) {
	vocab := answer.DefaultVocabulary()
	ix, err := index.Build(c, vocab)
	if err != nil {
		return nil, err
	}
	e := &Engine{Corpus: c, Index: ix, Composer: answer.NewComposer(ix, c, vocab)}
	for _, o := range c.Organisations.All() {
		e.Orgs = append(e.Orgs, o.Name)
	}
	return e, nil
}

// Streaming wraps an answerer so it streams its answer a word at a time, pausing between words,
// as a language model would: for testing how channels show an answer while it is written.
type Streaming struct {
	answer.Answerer
	Pause time.Duration
	// Draft, when set, is streamed in place of the answer, which is then returned with
	// FallbackReason: a model's draft that failed its check.
	Draft, FallbackReason string
}

// AnswerStream passes the answer's words (or the Draft's) to onDelta, then returns the whole
// answer.
func (s Streaming) AnswerStream(ctx context.Context, q answer.Question, onDelta func(string)) (answer.Answer, error) {
	ans, err := s.Answer(ctx, q)
	streamed := ans.Answer
	if s.Draft != "" {
		streamed, ans.FallbackReason = s.Draft, s.FallbackReason
	}
	for _, w := range strings.SplitAfter(streamed, " ") {
		onDelta(w)
		if s.Pause > 0 {
			time.Sleep(s.Pause)
		}
	}
	return ans, err
}

// CountingRetriever counts the searches made of a retriever: how a test tells a question was
// composed once, not answered and then composed again to rank its passages.
type CountingRetriever struct {
	R answer.Retriever
	n atomic.Int32
}

// Retrieve searches R and counts the search.
func (c *CountingRetriever) Retrieve(ctx context.Context, q answer.Question) ([]answer.Hit, error) {
	c.n.Add(1)
	return c.R.Retrieve(ctx, q)
}

// Searches is how many searches were made since the last Reset.
func (c *CountingRetriever) Searches() int { return int(c.n.Load()) }

// Reset starts the count again.
func (c *CountingRetriever) Reset() { c.n.Store(0) }
