package llm

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The first fallback of each reason is said at once, the same again only after Every, with how
// many there were in between.
func TestReporterSaysEachReasonNowAndThen(t *testing.T) {
	var b strings.Builder
	now := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	r := &Reporter{W: &b, Model: "chat-small", Host: "llm.internal", Every: time.Minute, Now: func() time.Time { return now }}
	steps := []struct {
		after  time.Duration
		reason string
		said   string // "" when nothing is said
	}{
		{0, ReasonTimeout, "replaced by the notices' own words: timeout; the model \"chat-small\" at llm.internal took longer than PRIVACYBOT_MODEL_TIMEOUT"},
		{time.Second, ReasonTimeout, ""},
		{time.Second, ReasonTimeout, ""},
		{time.Second, ReasonError, "error; the model \"chat-small\" at llm.internal failed: check OPENAI_BASE_URL"},
		{time.Second, "rewrite_" + ReasonError, "a follow-up was not rewritten by the model: rewrite_error;"},
		{time.Minute, ReasonTimeout, "timeout (and 2 more since it was last said)"},
		{time.Second, ReasonUnsupportedName, "unsupported_name; the model \"chat-small\" at llm.internal wrote something the notices don't say"},
	}
	for i, s := range steps {
		now = now.Add(s.after)
		before := b.Len()
		r.Report(s.reason)
		got := b.String()[before:]
		if s.said == "" {
			assert.Empty(t, got, "step %d", i)
			continue
		}
		assert.Contains(t, got, s.said, "step %d", i)
		assert.Equal(t, 1, strings.Count(got, "\n"), "step %d: one line", i)
	}
}
