package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
)

var benchQuestions = []string{
	"How long do you keep complaint records?",
	"Who do you share my council tax information with?",
	"How do I contact the data protection officer?",
	"What is the lawful basis for processing my data?",
}

// BenchmarkChat measures POST /api/chat at the handler, in parallel, with fresh sessions.
func BenchmarkChat(b *testing.B) {
	h := newHarness(b, func(s *web.Server) { s.Transcripts = nil })
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			q := benchQuestions[n.Add(1)%int64(len(benchQuestions))]
			req := httptest.NewRequest("POST", "/api/chat", strings.NewReader(`{"message":"`+q+`"}`))
			rec := httptest.NewRecorder()
			h.h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}

// TestLoad runs 200 concurrent sessions against a loopback server for 30 s (a question, then a
// follow-up, in a loop) and prints throughput, latency percentiles and errors. It runs only with
// PRIVACYBOT_LOAD_TEST=1 (make bench): it is a measurement, not a unit test.
//
// Sessions start at random moments within the first think time and wait a jittered think time
// (PRIVACYBOT_LOAD_THINK ± half, default 1s) between messages, as residents reading answers
// do, rather than arriving in lock-step. PRIVACYBOT_LOAD_THINK=0 is a closed loop that measures
// saturation instead. Transcripts go through a TranscriptWriter as in production
// (PRIVACYBOT_LOAD_NO_TRANSCRIPTS=1 turns them off).
//
// PRIVACYBOT_LOAD_URL=http://127.0.0.1:PORT aims the load at a server in another process
// (privacybot serve with PRIVACYBOT_RATE_LIMIT=off), so the client's CPU is not the server's
// in the profile; both still share the machine's cores.
func TestLoad(t *testing.T) {
	if os.Getenv("PRIVACYBOT_LOAD_TEST") != "1" {
		t.Skip("set PRIVACYBOT_LOAD_TEST=1 to run the 200-session, 30-second load test")
	}
	sessions, dur, think := 200, 30*time.Second, time.Second
	if v := os.Getenv("PRIVACYBOT_LOAD_THINK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("PRIVACYBOT_LOAD_THINK: %v", err)
		}
		think = d
	}
	if v := os.Getenv("PRIVACYBOT_LOAD_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || d > 10*time.Minute {
			t.Fatalf("PRIVACYBOT_LOAD_DURATION: want a duration up to 10m, got %q", v)
		}
		dur = d
	}
	url := os.Getenv("PRIVACYBOT_LOAD_URL")
	if url == "" {
		var tw *web.TranscriptWriter
		h := newHarness(t, func(s *web.Server) {
			if os.Getenv("PRIVACYBOT_LOAD_NO_TRANSCRIPTS") == "1" {
				s.Transcripts = nil
				return
			}
			tw = web.NewTranscriptWriter(s.Transcripts, web.TranscriptWriterOptions{})
			s.Transcripts = tw
		}) // rate limit off: every session comes from one address
		ts := httptest.NewServer(h.h)
		defer ts.Close()
		if tw != nil {
			defer func() {
				if err := tw.Close(context.Background()); err != nil {
					t.Errorf("close transcripts: %v", err)
				}
			}()
		}
		url = ts.URL
	}
	tr := &http.Transport{MaxIdleConnsPerHost: sessions, MaxConnsPerHost: sessions}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	var mu sync.Mutex
	var lat []time.Duration
	var errs atomic.Int64
	start := time.Now()
	stop := start.Add(dur)
	// jitter is a duration in [d/2, 3d/2): think time varies around d.
	jitter := func(d time.Duration) time.Duration {
		if d <= 0 {
			return 0
		}
		return d/2 + rand.N(d)
	}
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Go(func() {
			if think > 0 {
				time.Sleep(rand.N(think)) // arrive spread over the first think time
			}
			session := ""
			var mine []time.Duration
			for j := 0; time.Now().Before(stop); j++ {
				msg := benchQuestions[(i+j)%len(benchQuestions)]
				if j%2 == 1 {
					msg = "and for complaints?"
				}
				body, _ := json.Marshal(web.ChatRequest{Session: session, Message: msg})
				t0 := time.Now()
				res, err := client.Post(url+"/api/chat", "application/json", strings.NewReader(string(body)))
				if err != nil {
					errs.Add(1)
					time.Sleep(jitter(think))
					continue
				}
				var r struct {
					Session string `json:"session"`
				}
				err = json.NewDecoder(res.Body).Decode(&r)
				res.Body.Close()
				mine = append(mine, time.Since(t0))
				if err != nil || res.StatusCode != http.StatusOK {
					errs.Add(1)
				} else {
					session = r.Session
				}
				time.Sleep(jitter(think))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(float64(len(lat)-1)*p)].Round(10 * time.Microsecond)
	}
	fmt.Printf("load: %d sessions, think %s±%s, %s: %d requests (%.0f/s), errors %d, p50 %s, p90 %s, p99 %s, max %s\n",
		sessions, think, think/2, elapsed.Round(time.Second), len(lat), float64(len(lat))/elapsed.Seconds(), errs.Load(),
		pct(.5), pct(.9), pct(.99), pct(1))
	if errs.Load() > 0 {
		t.Errorf("%d requests failed", errs.Load())
	}
}

// BenchmarkDashboardQueue measures the DPO's queue page, filtered to one person's cases, for a
// council with 5,000 open cases, one in fifty assigned to one of five people: the page's list,
// the people it can be filtered by and the Part 3 requests no deadline filter lists.
func BenchmarkDashboardQueue(b *testing.B) {
	h := newHarness(b)
	ctx := context.Background()
	people := []string{"Sam Patel", "Maya Patel", "Jo Khan", "Alex Reid", "Kit Ng"}
	received := h.clock.Now().Add(-5000 * 5 * time.Minute)
	for i := range 5000 {
		sub := dpotest.Sample(received.Add(time.Duration(i)*5*time.Minute), fmt.Sprintf("bench-%d", i))
		sub.Organisation = mk
		c, err := h.queue.Submit(ctx, sub)
		if err != nil {
			b.Fatal(err)
		}
		if i%50 == 0 {
			if _, err := h.queue.Assign(ctx, c.Ref, people[(i/50)%len(people)], "lead"); err != nil {
				b.Fatal(err)
			}
		}
	}
	h.addUser(b, "dpo", "correct horse battery", mk)
	h.signIn(b, "dpo", "correct horse battery")
	b.ReportAllocs()
	for b.Loop() {
		rec := h.do(b, "GET", "/dpo?assigned="+url.QueryEscape("to:Sam Patel"), "")
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Maya Patel") {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
