package web_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web"
)

// hour is an interval no test waits for: writes happen only on a full batch, Flush or Close.
const hour = time.Hour

func TestTranscriptWriterStoresRedactedLinesOnFlush(t *testing.T) {
	var w *web.TranscriptWriter
	h := newHarness(t, func(s *web.Server) {
		w = web.NewTranscriptWriter(s.Transcripts, web.TranscriptWriterOptions{Interval: hour})
		s.Transcripts = w
	})
	t.Cleanup(func() { _ = w.Close(context.Background()) })
	ctx := context.Background()

	r := h.chat(t, "", "I'm jo.bloggs@example.org, how long do you keep complaint records?")
	lines, err := h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	assert.Empty(t, lines, "the answer did not wait for the store")

	require.NoError(t, w.Flush(ctx))
	lines, err = h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	require.Len(t, lines, 2, "the question and the answer are kept")
	assert.NotContains(t, lines[0], "jo.bloggs@example.org", "redacted before it was buffered")
	assert.Contains(t, lines[0], "complaint records")

	// Purging goes through the writer to the store.
	h.clock.Add(31 * 24 * time.Hour)
	n, err := h.srv.PurgeTranscripts(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(2), n)
	lines, err = h.store.Transcript(ctx, r.Session)
	require.NoError(t, err)
	assert.Empty(t, lines, "purged after 30 days")
}

func TestTranscriptWriterCloseWritesEverythingAccepted(t *testing.T) {
	ctx := context.Background()
	st := &fakeTranscripts{}
	w := web.NewTranscriptWriter(st, web.TranscriptWriterOptions{Batch: 3, Interval: hour})
	for i := range 7 {
		require.NoError(t, w.AppendTranscripts(ctx, []web.TranscriptEntry{line(i)}))
	}
	require.NoError(t, w.Close(ctx))
	assert.Equal(t, texts(7), st.texts(), "every line, in order")
	assert.Equal(t, []int{3, 3, 1}, st.sizes(), "full batches, then the rest at close")

	// A line arriving after Close (a request that outlived the shutdown) is written at once.
	require.NoError(t, w.AppendTranscripts(ctx, []web.TranscriptEntry{line(7)}))
	assert.Equal(t, texts(8), st.texts())
	assert.NoError(t, w.Close(ctx), "closing twice is harmless")
}

func TestTranscriptWriterAppliesBackPressureInsteadOfDropping(t *testing.T) {
	ctx := context.Background()
	st := &fakeTranscripts{gate: make(chan struct{})}
	w := web.NewTranscriptWriter(st, web.TranscriptWriterOptions{Buffer: 2, Batch: 1, Interval: hour})

	// The first line is taken into a batch whose write is stuck; two more fill the buffer.
	for i := range 3 {
		require.NoError(t, w.AppendTranscripts(ctx, []web.TranscriptEntry{line(i)}))
	}
	// Once the buffer is full, a caller waits; when its deadline passes it hears so.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	var err error
	for i := 3; err == nil && i < 10; i++ {
		err = w.AppendTranscripts(short, []web.TranscriptEntry{line(i)})
	}
	require.ErrorIs(t, err, context.DeadlineExceeded)

	close(st.gate) // the store recovers
	require.NoError(t, w.Close(ctx))
	got := st.texts()
	require.GreaterOrEqual(t, len(got), 3)
	assert.Equal(t, texts(len(got)), got, "every accepted line is written, in order; only the refused one is not")
}

func TestTranscriptWriterFlushReportsStoreErrors(t *testing.T) {
	ctx := context.Background()
	st := &fakeTranscripts{fail: errors.New("disk full")}
	w := web.NewTranscriptWriter(st, web.TranscriptWriterOptions{Interval: hour})
	require.NoError(t, w.AppendTranscripts(ctx, []web.TranscriptEntry{line(0)}))
	assert.ErrorContains(t, w.Flush(ctx), "disk full")

	st.mu.Lock()
	st.fail = nil
	st.mu.Unlock()
	require.NoError(t, w.Flush(ctx), "the failed batch is kept and retried")
	assert.Equal(t, texts(1), st.texts())
	require.NoError(t, w.Close(ctx))
}

func line(i int) web.TranscriptEntry {
	return web.TranscriptEntry{Session: "s", Channel: "web", Role: "resident", Text: fmt.Sprint("line ", i),
		At: time.Date(2026, 3, 2, 9, 0, i, 0, time.UTC)}
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint("line ", i)
	}
	return out
}

// fakeTranscripts records the batches it is given; gate, when set, holds every write until it
// is closed, and fail fails them.
type fakeTranscripts struct {
	gate    chan struct{}
	mu      sync.Mutex
	fail    error
	batches [][]web.TranscriptEntry
}

func (f *fakeTranscripts) AppendTranscripts(ctx context.Context, es []web.TranscriptEntry) error {
	if f.gate != nil {
		<-f.gate
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	f.batches = append(f.batches, append([]web.TranscriptEntry(nil), es...))
	return nil
}

func (f *fakeTranscripts) PurgeTranscripts(ctx context.Context, before time.Time) (int64, error) {
	return 0, nil
}

func (f *fakeTranscripts) texts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, b := range f.batches {
		for _, e := range b {
			out = append(out, e.Text)
		}
	}
	return out
}

func (f *fakeTranscripts) sizes() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []int
	for _, b := range f.batches {
		out = append(out, len(b))
	}
	return out
}

// Each bot line says what the bot did, so the DPO's team can list what residents ask that the
// notices don't answer.
func TestTranscriptsKeepWhatTheBotDid(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.chat(t, "", "How long do you keep complaint records?")
	h.chat(t, "", "How long do you keep CCTV footage?")
	lines, err := h.store.TranscriptsSince(ctx, time.Time{})
	require.NoError(t, err)
	var outcomes []string
	for _, l := range lines {
		outcomes = append(outcomes, l.Role+":"+l.Outcome)
	}
	assert.Equal(t, []string{"resident:", "bot:answered", "resident:", "bot:abstained"}, outcomes)
}

// A resident's line is kept as the bot read it: control characters typed or pasted into the
// chat ("\x00\x1b[31m") reached the unanswered-questions CSV raw, a NUL and an escape byte in a
// file the DPO opens in a spreadsheet (a QA pass).
func TestTranscriptsKeepNoControlCharacters(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.chat(t, "", "How long do you keep\x00 CCTV \x1b[31mfootage?")
	lines, err := h.store.TranscriptsSince(ctx, time.Time{})
	require.NoError(t, err)
	require.NotEmpty(t, lines)
	assert.Equal(t, "How long do you keep CCTV footage?", lines[0].Text, "the whole escape sequence is gone, not only its ESC")
}
