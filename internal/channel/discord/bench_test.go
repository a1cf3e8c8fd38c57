package discord

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// BenchmarkAcknowledge is the time the endpoint takes to verify a signed /privacy interaction
// and return its deferred acknowledgement: what counts against Discord's three seconds.
func BenchmarkAcknowledge(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	bot := &stubBot{reply: conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "ok"}}}
	s, _ := discordgo.New("")
	s.Client = &http.Client{Transport: roundTripper(func(*http.Request) (*http.Response, error) {
		return nil, fmt.Errorf("offline")
	})}
	app, err := New(Options{Bot: bot, Session: s, PublicKey: fmt.Sprintf("%x", []byte(pub)), Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	app.Routes(mux)
	t := &testing.T{}
	reqs := make([]*http.Request, b.N)
	for n := range reqs {
		reqs[n] = signedRequest(t, slashCommand(t, fmt.Sprint(1<<40+n), "c1", "How long do you keep complaint records?"), priv, now)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, reqs[n])
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
	b.StopTimer()
	app.Wait()
}

// BenchmarkRenderLongAnswer renders an answer that needs splitting across several messages.
func BenchmarkRenderLongAnswer(b *testing.B) {
	a := longAnswer(40)
	for n := 0; n < b.N; n++ {
		Render(conversation.Reply{Kind: conversation.KindAnswer, Answer: a})
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
