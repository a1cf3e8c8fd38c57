package discord

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// MaxBody bounds an interaction request's body; Discord's are a few kilobytes.
const MaxBody = 64 << 10

// MaxSignatureAge is how old (or how far in the future) a signed request's timestamp may be.
// The signature covers the timestamp, so this stops a captured request being replayed later.
const MaxSignatureAge = 5 * time.Minute

// Routes adds the HTTP interactions endpoint, POST /discord/interactions, to mux. Give its URL
// (https://your-server/discord/interactions) as the application's Interactions Endpoint URL.
func (a *App) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /discord/interactions", a.serveInteractions)
}

// serveInteractions verifies, parses and acknowledges one interaction, then does the work after
// the response has gone.
func (a *App) serveInteractions(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "could not read the request", http.StatusBadRequest)
		return
	}
	if err := a.verify(r, body); err != nil {
		a.log.Info("discord: interaction refused", "reason", err.Error())
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	ack, work, _ := a.interaction(&i)
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(ack); err != nil {
		a.log.Error("discord: write acknowledgement", "interaction", i.ID, "err", err)
		return
	}
	if work != nil {
		if f, ok := w.(http.Flusher); ok {
			f.Flush() // the acknowledgement must reach Discord before the work begins
		}
		a.goWork(work)
	}
}

// Errors of signature verification; they go to the log, never to the caller.
var (
	errNoKey        = errors.New("no public key configured")
	errBadSignature = errors.New("bad signature")
	errBadTimestamp = errors.New("timestamp missing or malformed")
	errStale        = errors.New("timestamp too old or too far ahead")
)

// verify checks the request's Ed25519 signature (X-Signature-Ed25519 over X-Signature-Timestamp
// followed by the body) with discordgo, then the age of the timestamp, which discordgo doesn't.
func (a *App) verify(r *http.Request, body []byte) error {
	return Verify(a.publicKey, r.Header, body, a.now())
}

// Verify checks a signed interaction request as Discord sends it: the signature must be valid
// for key and the timestamp (Unix seconds) within MaxSignatureAge of now.
func Verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) error {
	if len(key) != ed25519.PublicKeySize {
		return errNoKey
	}
	req := &http.Request{Header: h, Body: io.NopCloser(bytes.NewReader(body))}
	if !discordgo.VerifyInteraction(req, key) {
		return errBadSignature
	}
	ts, err := strconv.ParseInt(h.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil {
		return errBadTimestamp
	}
	if age := now.Sub(time.Unix(ts, 0)); age > MaxSignatureAge || age < -MaxSignatureAge {
		return errStale
	}
	return nil
}
