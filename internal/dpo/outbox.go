package dpo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"
)

// Notifier announces a new case to the DPO (an e-mail, a Slack message). It must not pass on the
// requester's personal data: the reference, type and due date are enough to go and look.
type Notifier interface {
	Notify(ctx context.Context, c Case) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, c Case) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, c Case) error { return f(ctx, c) }

// Dispatcher drains the outbox Submit fills: each new case is handed to every notifier, and
// delivery is tracked per notifier name, so one failing notifier neither blocks nor repeats the
// others. A row is claimed before it is sent (so two replicas never both send it), marked
// delivered after, and retried with backoff on failure — never lost and, unless the process dies
// between sending and marking, never sent twice.
type Dispatcher struct {
	Store Store
	// Notifiers by name; the name is what delivery is tracked under, so keep it stable.
	Notifiers map[string]Notifier
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Lease is how long a claimed row stays hidden from other dispatchers; it must outlast a
	// Notify call (each is cut off at Lease/2). Default 5 minutes.
	Lease time.Duration
	// Backoff gives the wait before retrying after the n-th failed attempt (n ≥ 1). Default:
	// 30s doubling up to 1h.
	Backoff func(attempt int) time.Duration
	// Batch is how many rows to claim per notifier per round; default 20.
	Batch int
	// Log receives one line per failed delivery (reference, notifier, error — no personal data).
	// Nil discards.
	Log *slog.Logger
}

// Result counts what one dispatch round did.
type Result struct {
	Delivered int
	Failed    int
}

// DefaultBackoff waits 30s after the first failure, doubling up to an hour.
func DefaultBackoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// DispatchOnce runs one round: for each notifier, claim what is due and send it. Notifier
// failures are counted and scheduled for retry; only store errors are returned.
func (d *Dispatcher) DispatchOnce(ctx context.Context) (Result, error) {
	var res Result
	var errs []error
	names := make([]string, 0, len(d.Notifiers))
	for name := range d.Notifiers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r, err := d.dispatch(ctx, name, d.Notifiers[name])
		res.Delivered += r.Delivered
		res.Failed += r.Failed
		if err != nil {
			errs = append(errs, err)
		}
	}
	return res, errors.Join(errs...)
}

func (d *Dispatcher) dispatch(ctx context.Context, name string, n Notifier) (Result, error) {
	var res Result
	now := d.now()
	lease := d.lease()
	batch := d.Batch
	if batch <= 0 {
		batch = 20
	}
	claimed, err := d.Store.ClaimOutbox(ctx, name, now, now.Add(lease), batch)
	if err != nil {
		return res, fmt.Errorf("claim outbox for %s: %w", name, err)
	}
	for _, del := range claimed {
		sendErr := d.send(ctx, n, del, lease/2)
		if sendErr == nil {
			if err := d.Store.MarkDelivered(ctx, del, d.now()); err != nil {
				return res, fmt.Errorf("mark %s delivered to %s: %w", del.Ref, name, err)
			}
			res.Delivered++
			continue
		}
		res.Failed++
		backoff := d.Backoff
		if backoff == nil {
			backoff = DefaultBackoff
		}
		retryAt := d.now().Add(backoff(del.Attempts))
		if d.Log != nil {
			d.Log.Warn("notify failed; will retry", "ref", del.Ref, "notifier", name,
				"attempt", del.Attempts, "retry_at", retryAt, "err", sendErr)
		}
		if err := d.Store.MarkFailed(ctx, del, retryAt, sendErr.Error()); err != nil {
			return res, fmt.Errorf("mark %s failed for %s: %w", del.Ref, name, err)
		}
	}
	return res, nil
}

func (d *Dispatcher) send(ctx context.Context, n Notifier, del Delivery, timeout time.Duration) error {
	c, err := d.Store.Get(ctx, del.Ref)
	if err != nil {
		return fmt.Errorf("load case: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return n.Notify(ctx, c)
}

// Run dispatches every interval until ctx ends. Store errors are logged and retried next round.
func (d *Dispatcher) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.DispatchOnce(ctx); err != nil && ctx.Err() == nil && d.Log != nil {
			d.Log.Error("dispatch outbox", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

func (d *Dispatcher) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}

func (d *Dispatcher) lease() time.Duration {
	if d.Lease <= 0 {
		return 5 * time.Minute
	}
	return d.Lease
}
