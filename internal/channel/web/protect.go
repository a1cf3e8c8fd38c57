package web

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// contentSecurityPolicy lets the widget and the dashboard work with nothing inline: scripts,
// styles and API calls come from this origin only, and no page may frame ours.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// headers sets the security headers every response carries.
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.secure() {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// originAllowed reports whether a browser on origin may call the API: the server's own origin,
// or one on the allow-list.
func (s *Server) originAllowed(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if u.Host == r.Host {
		return true
	}
	if s.BaseURL != "" && strings.EqualFold(strings.TrimRight(s.BaseURL, "/"), origin) {
		return true
	}
	for _, a := range s.AllowedOrigins {
		if a == "*" || strings.EqualFold(strings.TrimRight(a, "/"), origin) {
			return true
		}
	}
	return false
}

// cors answers browsers on allowed origins with the CORS headers and refuses the others: a
// council site not on the allow-list can't embed the widget.
func (s *Server) cors(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" { // not a browser's cross-origin call (curl, a server)
			next(w, r)
			return
		}
		w.Header().Add("Vary", "Origin")
		if !s.originAllowed(r, origin) {
			writeJSON(w, http.StatusForbidden, ErrorResponse{Error: "This site may not use the chat."})
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		next(w, r)
	}
}

func (s *Server) handlePreflight(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
	w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
	w.Header().Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// limit applies the per-client rate limit.
func (s *Server) limit(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.limiter.allow(clientIP(r), time.Now()) {
			w.Header().Set("Retry-After", "10")
			writeJSON(w, http.StatusTooManyRequests, ErrorResponse{Error: "You're sending messages too quickly. Please wait a few seconds."})
			return
		}
		next(w, r)
	}
}

// clientIP is the address the request came from. Behind a proxy every resident would share
// the proxy's address; the proxy must then be trusted to set X-Forwarded-For, which is the
// operator's choice, so it is not read here.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiter keeps a token bucket per client, forgetting clients idle for ten minutes.
type limiter struct {
	limit rate.Limit
	burst int

	mu      sync.Mutex
	clients map[string]*client
	swept   time.Time
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(l rate.Limit, burst int) *limiter {
	return &limiter{limit: l, burst: burst, clients: map[string]*client{}}
}

func (l *limiter) allow(key string, now time.Time) bool {
	if l.limit == rate.Inf {
		return true
	}
	l.mu.Lock()
	c, ok := l.clients[key]
	if !ok {
		c = &client{lim: rate.NewLimiter(l.limit, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	if now.Sub(l.swept) > time.Minute {
		for k, v := range l.clients {
			if now.Sub(v.seen) > 10*time.Minute {
				delete(l.clients, k)
			}
		}
		l.swept = now
	}
	l.mu.Unlock()
	return c.lim.AllowN(now, 1)
}
