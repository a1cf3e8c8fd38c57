package web

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/privacybot/privacybot/internal/conversation"
)

// metrics are what /metrics exposes. Labels are routes, kinds and codes, never message text.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	replies     *prometheus.CounterVec
	abstentions prometheus.Counter
	unsure      prometheus.Counter
	escalations *prometheus.CounterVec
	feedbacks   *prometheus.CounterVec
	fallbacks   *prometheus.CounterVec

	mu       sync.Mutex
	inIntake map[string]time.Time // sessions with an intake under way
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		reg: reg, inIntake: map[string]time.Time{},
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "privacybot_http_requests_total",
			Help: "HTTP requests by route and status code."}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "privacybot_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, []string{"route"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "privacybot_chat_replies_total",
			Help: "Chat replies by kind (answer, intake, submitted, …)."}, []string{"kind"}),
		abstentions: prometheus.NewCounter(prometheus.CounterOpts{Name: "privacybot_chat_abstentions_total",
			Help: "Answers where the notices didn't answer and the bot gave the data protection contact."}),
		unsure: prometheus.NewCounter(prometheus.CounterOpts{Name: "privacybot_chat_unsure_answers_total",
			Help: "Answers the bot gave unsure that its best sentence answers (hedged, with the data protection contact)."}),
		escalations: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "privacybot_escalations_total",
			Help: "Rights requests: intakes started and requests submitted to the DPO's queue."}, []string{"stage"}),
		feedbacks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "privacybot_feedback_total",
			Help: "Verdicts on answers, by channel (web, slack, discord)."}, []string{"channel", "helpful"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "privacybot_model_fallbacks_total",
			Help: "Generated answers replaced by the extractive answer, by reason."}, []string{"reason"}),
	}
	reg.MustRegister(m.requests, m.latency, m.replies, m.abstentions, m.unsure, m.escalations, m.feedbacks, m.fallbacks)
	// The Go and process collectors may already be registered by whoever made reg.
	_ = reg.Register(collectors.NewGoCollector())
	_ = reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		m.requests.WithLabelValues(route, strconv.Itoa(sw.code)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

func (m *metrics) reply(r conversation.Reply) {
	m.replies.WithLabelValues(r.Kind).Inc()
	if r.Kind == conversation.KindAnswer && r.Abstained {
		m.abstentions.Inc()
	}
	if r.Kind == conversation.KindAnswer && r.Hedged {
		// Many unsure answers on one subject say the notices are silent on it, or that the
		// threshold (PRIVACYBOT_ABSTAIN_THRESHOLD) suits this council's notices badly.
		m.unsure.Inc()
	}
	// An intake is "started" by the first intake reply of a session; later steps are not counted.
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	switch r.Kind {
	case conversation.KindIntake:
		if _, ok := m.inIntake[r.Session]; !ok {
			m.escalations.WithLabelValues("started").Inc()
		}
		m.inIntake[r.Session] = now
	case conversation.KindSubmitted:
		m.escalations.WithLabelValues("submitted").Inc()
		delete(m.inIntake, r.Session)
	default:
		delete(m.inIntake, r.Session)
	}
	if len(m.inIntake) > 10000 { // abandoned intakes: forget the ones idle for an hour
		for id, at := range m.inIntake {
			if now.Sub(at) > time.Hour {
				delete(m.inIntake, id)
			}
		}
	}
}

func (m *metrics) feedback(channel string, helpful bool) {
	m.feedbacks.WithLabelValues(channel, strconv.FormatBool(helpful)).Inc()
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}

// statusWriter remembers the status code for the metrics; it passes Flush on for SSE.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach Flush and SetWriteDeadline.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
