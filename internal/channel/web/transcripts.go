package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/privacybot/privacybot/internal/transcript"
)

// TranscriptEntry is one redacted line of a conversation, as the stores keep it.
type TranscriptEntry = transcript.Entry

// TranscriptWriter takes transcript lines off the request path: AppendTranscripts puts them in
// a bounded buffer and returns, and one goroutine writes them to the store in batches (one
// transaction each) when a batch fills or every Interval. When the buffer is full, appending
// waits for room (back-pressure) rather than dropping a line. Close writes what is buffered, so
// a clean shutdown loses nothing that was accepted.
//
// Text must be redacted before it is appended: the buffer holds what it is given, and so does
// the store. It implements Transcripts, passing purges straight to the store.
type TranscriptWriter struct {
	store    Transcripts
	batch    int
	interval time.Duration
	log      *slog.Logger

	in      chan TranscriptEntry
	flushes chan chan error
	done    chan struct{}
	err     error // the final write's error, read after done is closed

	mu     sync.RWMutex // held for reading while sending to in, for writing to close it
	closed bool
}

var _ Transcripts = (*TranscriptWriter)(nil)

// TranscriptWriterOptions tune a TranscriptWriter; zero values take the defaults.
type TranscriptWriterOptions struct {
	Buffer   int           // lines held before appending waits; default 4096
	Batch    int           // lines per transaction at most; default 512
	Interval time.Duration // how long a line may wait for its batch; default 250ms
	Log      *slog.Logger  // failed writes; nil discards
}

// NewTranscriptWriter starts a writer in front of store (*sqlite.Store and *postgres.Store are
// ones, writing each batch in one transaction). Call Close when done.
func NewTranscriptWriter(store Transcripts, o TranscriptWriterOptions) *TranscriptWriter {
	if o.Buffer <= 0 {
		o.Buffer = 4096
	}
	if o.Batch <= 0 {
		o.Batch = 512
	}
	if o.Interval <= 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	w := &TranscriptWriter{store: store, batch: o.Batch, interval: o.Interval, log: o.Log,
		in: make(chan TranscriptEntry, o.Buffer), flushes: make(chan chan error), done: make(chan struct{})}
	go w.run()
	return w
}

// errWriterClosed is returned by Flush after Close.
var errWriterClosed = errors.New("transcript writer closed")

// AppendTranscripts buffers entries, in order, and returns once they are accepted; it waits
// while the buffer is full and gives up (with ctx's error) only if ctx ends first. After Close
// it writes them to the store itself.
func (w *TranscriptWriter) AppendTranscripts(ctx context.Context, entries []TranscriptEntry) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return w.store.AppendTranscripts(ctx, entries)
	}
	for i, e := range entries {
		select {
		case w.in <- e:
		case <-ctx.Done():
			return fmt.Errorf("buffer transcript: %d of %d lines not accepted: %w", len(entries)-i, len(entries), ctx.Err())
		}
	}
	return nil
}

// PurgeTranscripts deletes stored lines older than before. Buffered lines are recent, so they
// need not be written first.
func (w *TranscriptWriter) PurgeTranscripts(ctx context.Context, before time.Time) (int64, error) {
	return w.store.PurgeTranscripts(ctx, before)
}

// Flush writes every line accepted before it was called and reports the store's error.
func (w *TranscriptWriter) Flush(ctx context.Context) error {
	reply := make(chan error, 1)
	select {
	case w.flushes <- reply:
	case <-w.done:
		return errWriterClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops accepting lines into the buffer, writes what it holds and waits for that, or
// for ctx to end (then buffered lines may be lost, and the error says so).
func (w *TranscriptWriter) Close(ctx context.Context) error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.in)
	}
	w.mu.Unlock()
	select {
	case <-w.done:
		return w.err
	case <-ctx.Done():
		return fmt.Errorf("close transcript writer: %d lines still buffered: %w", len(w.in), ctx.Err())
	}
}

// run collects lines into a batch and writes it when it is full, when Interval has passed since
// its first line, on Flush, and when the input is closed. A failed batch is kept and retried at
// the next tick; while it is failing no new lines are taken, so back-pressure reaches callers
// instead of memory growing.
func (w *TranscriptWriter) run() {
	defer close(w.done)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	pending := make([]TranscriptEntry, 0, w.batch)
	write := func() error {
		if len(pending) == 0 {
			return nil
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := w.store.AppendTranscripts(ctx, pending); err != nil {
			w.log.Error("write transcripts", "lines", len(pending), "err", err)
			return err
		}
		pending = pending[:0]
		return nil
	}
	in := w.in
	for {
		if len(pending) >= w.batch {
			if write() != nil {
				in = nil // stop taking lines until the store takes the batch
			}
		}
		select {
		case e, ok := <-in:
			if !ok {
				w.err = write()
				if w.err != nil {
					w.err = fmt.Errorf("close transcript writer: %d lines lost: %w", len(pending), w.err)
				}
				return
			}
			pending = append(pending, e)
		case <-t.C:
			if write() == nil {
				in = w.in
			}
		case reply := <-w.flushes:
			// Every line accepted before Flush was called is in the channel by now.
			n := len(w.in)
			var err error
			for n > 0 || len(pending) > 0 {
				for ; n > 0 && len(pending) < w.batch; n-- {
					e, ok := <-w.in
					if !ok {
						n = 0
						break
					}
					pending = append(pending, e)
				}
				if err = write(); err != nil {
					break
				}
			}
			reply <- err
		}
	}
}

// PurgeTranscripts deletes the transcript lines older than TranscriptDays at Now.
func (s *Server) PurgeTranscripts(ctx context.Context) (int64, error) {
	if s.Transcripts == nil {
		return 0, nil
	}
	cutoff := s.now().AddDate(0, 0, -s.transcriptDays())
	return s.Transcripts.PurgeTranscripts(ctx, cutoff)
}

// RunPurger purges old transcripts and expired dashboard sessions and searches at once and then
// every interval until ctx ends. Each run's count is logged; a failure is logged and retried at the
// next tick.
func (s *Server) RunPurger(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.PurgeTranscripts(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log().Error("purge transcripts", "err", err)
		case n > 0:
			s.log().Info("purged old transcripts", "lines", n, "days", s.transcriptDays())
		}
		n, err = s.PurgeSessions(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log().Error("purge dashboard sessions", "err", err)
		case n > 0:
			s.log().Info("purged expired dashboard sessions", "sessions", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
