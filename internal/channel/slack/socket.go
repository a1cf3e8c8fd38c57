package slack

import (
	"context"
	"errors"
	"fmt"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// RunSocketMode connects to Slack over Socket Mode (no public URL needed) and handles events,
// commands and interactions with the same code as the HTTP Events API, until ctx ends. It needs
// SLACK_APP_TOKEN (an app-level token with connections:write).
func (a *App) RunSocketMode(ctx context.Context) error {
	if a.cfg.AppToken == "" {
		return errors.New("SLACK_APP_TOKEN is required for Socket Mode")
	}
	smc := socketmode.New(a.api)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-smc.Events:
				a.onSocketEvent(ctx, smc, evt)
			}
		}
	}()
	err := smc.RunContext(ctx)
	cancel()
	<-done
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("slack socket mode: %w", err)
	}
	return nil
}

// acker is the part of the Socket Mode client that acknowledges a request.
type acker interface {
	AckCtx(ctx context.Context, reqID string, payload any) error
}

// onSocketEvent handles one Socket Mode event. A request is acknowledged with the same response
// the HTTP handlers would write; one that can't be queued (busy) is left unacknowledged, so Slack
// delivers it again.
func (a *App) onSocketEvent(ctx context.Context, ack acker, evt socketmode.Event) {
	var resp any
	var err error
	switch evt.Type {
	case socketmode.EventTypeConnecting, socketmode.EventTypeConnected, socketmode.EventTypeHello:
		a.log.Debug("slack: socket mode", "state", string(evt.Type))
		return
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth, socketmode.EventTypeIncomingError,
		socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		// The payload of a bad message may hold message text, so only the kind is logged.
		a.log.Warn("slack: socket mode problem", "kind", string(evt.Type))
		return
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		err = a.onEvent(ev)
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if !ok {
			return
		}
		resp, err = a.onCommand(cmd)
	case socketmode.EventTypeInteractive:
		ic, ok := evt.Data.(slackgo.InteractionCallback)
		if !ok {
			return
		}
		resp, err = a.onInteraction(ic)
	default:
		return
	}
	if errors.Is(err, errBusy) || evt.Request == nil {
		return
	}
	if err := ack.AckCtx(ctx, evt.Request.EnvelopeID, resp); err != nil {
		a.log.Warn("slack: socket mode ack", "err", err)
	}
}
