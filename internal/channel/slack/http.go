package slack

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Routes mounts the HTTP Events API on mux: POST /slack/events, /slack/commands and
// /slack/interactions. Every request must carry a valid v0 signature made with the signing
// secret within the last five minutes; anything else gets 401 and does nothing.
func (a *App) Routes(mux *http.ServeMux) {
	mux.Handle("POST /slack/events", a.verified(a.serveEvents))
	mux.Handle("POST /slack/commands", a.verified(a.serveCommand))
	mux.Handle("POST /slack/interactions", a.verified(a.serveInteraction))
}

// verified reads the body (bounded), checks Slack's signature over it, and hands the checked
// body on; the request's body is replaced so form parsers can read it again.
func (a *App) verified(next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := a.verify(r.Header, body); err != nil {
			a.log.Warn("slack: refused a request", "path", r.URL.Path, "err", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r, body)
	})
}

// errNoSecret is why every request is refused when no signing secret is configured.
var errNoSecret = errors.New("SLACK_SIGNING_SECRET is not set")

// verify checks the v0 signature and the timestamp (slack-go refuses more than five minutes off).
func (a *App) verify(h http.Header, body []byte) error {
	if a.cfg.SigningSecret == "" {
		return errNoSecret
	}
	sv, err := slackgo.NewSecretsVerifier(h, a.cfg.SigningSecret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

func (a *App) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	var outer struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
	}
	if err := json.Unmarshal(body, &outer); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if outer.Type == slackevents.URLVerification {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, outer.Challenge)
		return
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type we don't subscribe to handle: acknowledge it so Slack doesn't retry.
		w.WriteHeader(http.StatusOK)
		return
	}
	if err := a.onEvent(ev); errors.Is(err, errBusy) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *App) serveCommand(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slackgo.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := a.onCommand(cmd)
	writeResponse(w, resp, err)
}

func (a *App) serveInteraction(w http.ResponseWriter, r *http.Request, _ []byte) {
	ic, err := slackgo.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := a.onInteraction(ic)
	writeResponse(w, resp, err)
}

func writeResponse(w http.ResponseWriter, resp any, err error) {
	if errors.Is(err, errBusy) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	if resp == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}
