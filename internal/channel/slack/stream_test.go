package slack

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
)

// streamingEngine is the real answer engine made to stream like a language model: it writes
// the answer word by word, pausing between words.
type streamingEngine struct {
	answer.Answerer
	pause time.Duration
	// shown reports that the first words are on screen; the engine waits for it before writing
	// on, so the test knows a message was posted while the answer was being written.
	shown func() bool
	// unchecked, when set, is streamed instead of the answer, and the answer returned is the
	// extractive one with a fallback reason: a model's answer that failed its checks.
	unchecked string
}

func (e *streamingEngine) AnswerStream(ctx context.Context, q answer.Question, onDelta func(string)) (answer.Answer, error) {
	ans, err := e.Answer(ctx, q)
	if err != nil {
		return ans, err
	}
	streamed := ans.Answer
	if e.unchecked != "" {
		streamed = e.unchecked
		ans.Mode, ans.FallbackReason = "extractive", "a sentence is not supported by the notices"
	}
	for i, w := range strings.SplitAfter(streamed, " ") {
		onDelta(w)
		if i == 0 && e.shown != nil {
			for deadline := time.Now().Add(20 * time.Second); !e.shown() && time.Now().Before(deadline); {
				time.Sleep(5 * time.Millisecond)
			}
		}
		time.Sleep(e.pause)
	}
	return ans, nil
}

const streamQuestion = "how long are complaint records kept?"

// wantAnswer is what the engine answers the question, asked at the top of a thread.
func wantAnswer(t *testing.T) answer.Answer {
	t.Helper()
	ans, err := sharedEngine(t).Answer(context.Background(), answer.Question{Text: streamQuestion})
	require.NoError(t, err)
	require.NotEmpty(t, ans.Citations, "the question is one the notices answer")
	return ans
}

// streamHarness is a harness whose engine streams, and a mention of the bot in C1 to ask with.
func streamHarness(t *testing.T, every time.Duration, unchecked string, edit func(*Config)) (*harness, string) {
	t.Helper()
	const thread = "1700000000.000100"
	engine := &streamingEngine{Answerer: sharedEngine(t), pause: 10 * time.Millisecond, unchecked: unchecked}
	h := newHarnessWith(t, engine, edit)
	h.app.streamEvery = every
	engine.shown = func() bool { return len(h.slack.inThread("C1", thread)) > 0 }
	return h, appMention("Ev1", "C1", thread, "<@UBOT> "+streamQuestion)
}

// finalUpdate waits for the chat.update that is no longer marked as being written and returns it.
func finalUpdate(t *testing.T, h *harness) apiCall {
	t.Helper()
	var final apiCall
	waitFor(t, "the message is edited into the final answer", func() bool {
		for _, u := range h.slack.posts("chat.update") {
			if !strings.Contains(u.Blocks, "Writing…") {
				final = u
				return true
			}
		}
		return false
	})
	return final
}

// citesIn reports whether a message has the context block citing c (the answer's text may name
// the notice too, so the block itself is looked for).
func citesIn(t *testing.T, msg apiCall, c answer.Citation) bool {
	t.Helper()
	if msg.Blocks == "" {
		return false
	}
	for _, b := range blocksOf(t, msg) {
		if b["type"] != "context" {
			continue
		}
		text := mustJSON(t, b)
		if strings.Contains(text, fmt.Sprintf("[%d] *", c.N)) && strings.Contains(text, c.Title) {
			return true
		}
	}
	return false
}

func TestStreamedAnswerIsPostedOnceThenEditedIntoTheCitedAnswer(t *testing.T) {
	const every = 50 * time.Millisecond
	h, mention := streamHarness(t, every, "", nil)
	want := wantAnswer(t)

	start := time.Now()
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", mention).Code)
	final := finalUpdate(t, h)
	elapsed := time.Since(start)

	posts := h.slack.inThread("C1", "1700000000.000100")
	require.Len(t, posts, 1, "one message, edited as the answer is written")
	placeholder := posts[0]
	assert.Contains(t, placeholder.Blocks, "Writing…", "the first words are marked as still being written")
	assert.True(t, strings.HasPrefix(want.Answer, strings.TrimSpace(placeholder.Text)),
		"the message starts with the answer's first words: %q", placeholder.Text)
	assert.False(t, citesIn(t, placeholder, want.Citations[0]), "no citations before the answer is final")

	updates := h.slack.posts("chat.update")
	require.NotEmpty(t, updates)
	for _, u := range updates {
		assert.Equal(t, "C1", u.Channel)
		assert.Equal(t, placeholder.TS, u.TS, "every edit is of the message first posted")
	}
	assert.Equal(t, final, updates[len(updates)-1], "the final answer is the last edit")
	assert.Equal(t, fallbackText(want.Answer), final.Text)
	assert.True(t, citesIn(t, final, want.Citations[0]), "the final edit cites the notice: %s", final.Blocks)
	assert.Contains(t, final.Blocks, actionHelpful, "and carries the buttons")
	for _, u := range updates[:len(updates)-1] {
		assert.Contains(t, u.Blocks, "Writing…", "edits before the final one are marked as being written")
		assert.False(t, citesIn(t, u, want.Citations[0]))
		assert.True(t, strings.HasPrefix(strings.Join(strings.Fields(want.Answer), " "), strings.TrimSuffix(u.Text, "…")),
			"a provisional edit shows the answer so far: %q", u.Text)
	}
	t.Logf("%d edits (%d provisional) in %s", len(updates), len(updates)-1, elapsed)
	// The post and each edit after it are at least `every` apart, all within elapsed.
	assert.LessOrEqual(t, len(updates), int(elapsed/every)+1, "edits are throttled: %d in %s", len(updates), elapsed)
}

func TestStreamThatFailsItsChecksEndsWithTheExtractiveAnswer(t *testing.T) {
	// An hour between edits: however the stream goes, there is no provisional edit, only the
	// final one.
	const unchecked = "Complaint records are kept forever and shared with anyone who asks."
	h, mention := streamHarness(t, time.Hour, unchecked, nil)
	want := wantAnswer(t)

	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", mention).Code)
	final := finalUpdate(t, h)

	posts := h.slack.inThread("C1", "1700000000.000100")
	require.Len(t, posts, 1)
	assert.Contains(t, posts[0].Text, "Complaint", "the model's words were shown while it wrote")
	assert.Len(t, h.slack.posts("chat.update"), 1, "throttled: no edit but the final one")
	assert.Equal(t, posts[0].TS, final.TS)
	assert.NotContains(t, final.Blocks, "forever", "the unchecked text is gone")
	assert.Equal(t, fallbackText(want.Answer), final.Text, "the final edit is the extractive answer")
	assert.True(t, citesIn(t, final, want.Citations[0]), final.Blocks)
}

func TestFailedEditStillDeliversTheFinalAnswer(t *testing.T) {
	var logs strings.Builder
	var mu sync.Mutex
	h, mention := streamHarness(t, 20*time.Millisecond, "", func(c *Config) {
		c.Log = slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	h.slack.mu.Lock()
	h.slack.rateLimited["chat.update"] = 1000
	h.slack.retryAfter = "0"
	h.slack.mu.Unlock()
	want := wantAnswer(t)

	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", mention).Code)
	var posts []apiCall
	waitFor(t, "the final answer is posted anew", func() bool {
		posts = h.slack.inThread("C1", "1700000000.000100")
		return len(posts) == 2
	})
	assert.Contains(t, posts[0].Blocks, "Writing…")
	assert.Equal(t, fallbackText(want.Answer), posts[1].Text)
	assert.True(t, citesIn(t, posts[1], want.Citations[0]), posts[1].Blocks)
	assert.NotContains(t, posts[1].Blocks, "Writing…")
	waitFor(t, "the provisional message is deleted", func() bool {
		dels := h.slack.posts("chat.delete")
		return len(dels) == 1 && dels[0].TS == posts[0].TS
	})
	assert.Empty(t, h.slack.posts("chat.update"), "no edit got through")

	mu.Lock()
	defer mu.Unlock()
	assert.Contains(t, logs.String(), "posting it anew")
	assert.NotContains(t, logs.String(), "complaint records", "message text is never logged")
}

func TestExtractiveAnswerIsPostedOnceAndNeverEdited(t *testing.T) {
	h := newHarness(t, nil)
	want := wantAnswer(t)
	mention := appMention("Ev1", "C1", "1700000000.000100", "<@UBOT> "+streamQuestion)
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", mention).Code)
	// With one worker answering in order, once a later question is answered the first is done.
	later := appMention("Ev2", "C1", "1700000000.000200", "<@UBOT> who do you share information with?")
	require.Equal(t, http.StatusOK, h.signedSend(t, "/slack/events", later).Code)
	waitFor(t, "both answers", func() bool {
		return len(h.slack.inThread("C1", "1700000000.000100")) > 0 && len(h.slack.inThread("C1", "1700000000.000200")) > 0
	})

	posts := h.slack.inThread("C1", "1700000000.000100")
	require.Len(t, posts, 1)
	assert.Equal(t, fallbackText(want.Answer), posts[0].Text)
	assert.True(t, citesIn(t, posts[0], want.Citations[0]), posts[0].Blocks)
	assert.NotContains(t, posts[0].Blocks, "Writing…")
	assert.Empty(t, h.slack.posts("chat.update"))
	assert.Empty(t, h.slack.posts("chat.delete"))
}
