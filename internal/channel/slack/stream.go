package slack

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/conversation"
)

// streamingConversation is a Conversation that can pass an answer's text on as a language model
// writes it; *conversation.Bot is one. The streamed text is provisional: the Reply returned,
// checked as a whole, is what the message finally shows.
type streamingConversation interface {
	ReplyStream(ctx context.Context, t conversation.Turn, onDelta func(string)) (conversation.Reply, error)
}

// streamUpdateEvery is the least time between two edits of a message: Slack allows about one
// chat.update a second in a channel.
const streamUpdateEvery = time.Second

// writingNote marks a message whose text is still being written and not yet checked.
const writingNote = ":writing_hand: _Writing… this answer is checked against the notices before it is final._"

// streamWriter shows an answer in Slack while it is written: the first text posts a message in
// the thread, later text edits it, at most once every App.streamEvery. Slack is called from its
// own goroutine, so a slow or rate-limited Slack never holds up the model.
type streamWriter struct {
	a   *App
	ctx context.Context
	to  replyTarget

	mu      sync.Mutex
	text    strings.Builder
	started bool
	stopped bool

	wake   chan struct{} // holds one token when there is text not yet shown
	done   chan struct{} // closed by stop: the reply is final
	exited chan struct{} // closed when run returns

	// Owned by run until exited is closed, then read by stop.
	ts   string    // the message showing the streamed text; empty until posted
	next time.Time // when the message may next be edited
}

func (a *App) newStreamWriter(ctx context.Context, to replyTarget) *streamWriter {
	return &streamWriter{a: a, ctx: ctx, to: to,
		wake: make(chan struct{}, 1), done: make(chan struct{}), exited: make(chan struct{})}
}

// add takes a piece of the answer as it is written. It never blocks on Slack.
func (w *streamWriter) add(delta string) {
	if delta == "" {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return
	}
	w.text.WriteString(delta)
	if !w.started {
		w.started = true
		go w.run()
	}
	select {
	case w.wake <- struct{}{}:
	default: // a wake-up is already pending; it will show this text too
	}
}

func (w *streamWriter) snapshot() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.text.String()
}

// stop ends the streaming once the reply is final. It returns the ts of the message that showed
// the streamed text ("" when none was posted: nothing streamed, or posting failed) and the time
// from which that message may be edited without breaking the rate limit.
func (w *streamWriter) stop() (ts string, next time.Time) {
	w.mu.Lock()
	w.stopped = true
	started := w.started
	w.mu.Unlock()
	close(w.done)
	if !started {
		return "", time.Time{}
	}
	<-w.exited
	return w.ts, w.next
}

// run posts the streamed text, then edits it with what has been added, throttled.
func (w *streamWriter) run() {
	defer close(w.exited)
	shown := ""
	for {
		select {
		case <-w.done:
			return
		case <-w.wake:
		}
		if wait := time.Until(w.next); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-w.done:
				t.Stop()
				return
			case <-t.C:
			}
		}
		text := strings.TrimSpace(w.snapshot())
		if text == shown || text == "" {
			continue
		}
		blocks := provisionalBlocks(text)
		if w.ts == "" {
			ts, err := w.a.post(w.ctx, w.to, fallbackText(text), blocks)
			if err != nil {
				// Stop streaming: the final answer is posted as a message of its own.
				w.a.log.Warn("slack: post the answer being written", "channel", w.to.Channel, "err", err)
				return
			}
			w.ts, shown, w.next = ts, text, time.Now().Add(w.a.streamEvery)
			continue
		}
		// One try, no retry: the next edit carries this text and more, and the final answer
		// is sent with retries whatever happens here.
		_, _, _, err := w.a.api.UpdateMessageContext(w.ctx, w.to.Channel, w.ts,
			slackgo.MsgOptionText(fallbackText(text), false), slackgo.MsgOptionBlocks(blocks...))
		w.next = time.Now().Add(w.a.streamEvery)
		var rl *slackgo.RateLimitedError
		switch {
		case errors.As(err, &rl):
			w.next = time.Now().Add(min(max(rl.RetryAfter, w.a.streamEvery), maxRetryWait))
			w.wakeLater()
		case err != nil:
			w.a.log.Warn("slack: update the answer being written", "channel", w.to.Channel, "err", err)
			w.wakeLater()
		default:
			shown = text
		}
	}
}

// wakeLater makes sure the loop comes round again for text that wasn't shown.
func (w *streamWriter) wakeLater() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// provisionalBlocks renders text still being written: as it stands, with an ellipsis, marked as
// not final.
func provisionalBlocks(text string) []slackgo.Block {
	blocks := sections(escape(text) + " …")
	if len(blocks) > maxBlocks-1 {
		blocks = blocks[:maxBlocks-1]
	}
	return append(blocks, slackgo.NewContextBlock("", mrkdwn(writingNote)))
}

// waitToEdit waits until next, so the final edit doesn't follow the last provisional one faster
// than Slack allows, but never longer than streamUpdateEvery: the final answer shouldn't wait
// long, and a 429 is waited out by call anyway.
func (a *App) waitToEdit(ctx context.Context, next time.Time) {
	if wait := min(time.Until(next), streamUpdateEvery); wait > 0 {
		_ = sleepCtx(ctx, wait)
	}
}

// replace turns the message ts into the final reply: msgs[0] replaces it and any further messages
// follow it in the thread. If it can't be edited, the reply is posted anew and the message with
// the provisional text is deleted (or left, if even that fails): the final answer is never lost.
func (a *App) replace(ctx context.Context, to replyTarget, ts, text string, msgs [][]slackgo.Block) error {
	if len(msgs) == 0 {
		return nil
	}
	err := a.call(ctx, func(ctx context.Context) error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, to.Channel, ts,
			slackgo.MsgOptionText(text, false), slackgo.MsgOptionBlocks(msgs[0]...))
		return err
	})
	updated := err == nil
	rest := msgs[1:]
	if !updated {
		a.log.Warn("slack: replace the answer being written; posting it anew", "channel", to.Channel,
			"err", fmt.Errorf("chat.update in %s: %w", to.Channel, err))
		rest = msgs
	}
	for _, blocks := range rest {
		if _, err := a.post(ctx, to, text, blocks); err != nil {
			return err
		}
	}
	if !updated {
		// Only once the final answer is up: until then the provisional text is better than none.
		a.discard(ctx, to.Channel, ts)
	}
	return nil
}

// discard deletes a message showing text that is not the final answer.
func (a *App) discard(ctx context.Context, channel, ts string) {
	err := a.call(ctx, func(ctx context.Context) error {
		_, _, err := a.api.DeleteMessageContext(ctx, channel, ts)
		return err
	})
	if err != nil {
		a.log.Warn("slack: delete the answer being written", "channel", channel, "err", err)
	}
}
