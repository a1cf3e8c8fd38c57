package llm

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// DefaultReportEvery is how often a Reporter says again that answers fall back for one reason.
const DefaultReportEvery = 5 * time.Minute

// Reporter tells an operator, on stderr, why generated answers are being replaced by quoted ones:
// the first fallback of each reason at once, then at most once every Every, with how many there
// were in between. Without it a misconfigured model only shows in a metric. It names the model and
// its host, never the key, the question or the answer. It is safe for concurrent use.
type Reporter struct {
	W     io.Writer
	Model string // PRIVACYBOT_MODEL
	Host  string // the endpoint's host (Host(OPENAI_BASE_URL))
	Every time.Duration
	Now   func() time.Time

	mu     sync.Mutex
	last   map[string]time.Time
	missed map[string]int
}

// Report is an OnFallback: it says why answers fall back, when it hasn't lately.
func (r *Reporter) Report(reason string) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	every := r.Every
	if every <= 0 {
		every = DefaultReportEvery
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.last == nil {
		r.last, r.missed = map[string]time.Time{}, map[string]int{}
	}
	t := now()
	if last, said := r.last[reason]; said && t.Sub(last) < every {
		r.missed[reason]++
		return
	}
	since := ""
	if n := r.missed[reason]; n > 0 {
		since = fmt.Sprintf(" (and %d more since it was last said)", n)
	}
	r.last[reason], r.missed[reason] = t, 0
	what := "a generated answer was replaced by the notices' own words"
	if strings.HasPrefix(reason, "rewrite_") {
		what = "a follow-up was not rewritten by the model"
	}
	fmt.Fprintf(r.W, "privacybot: %s: %s%s; %s\n", what, reason, since, r.hint(strings.TrimPrefix(reason, "rewrite_")))
}

// hint says what to check for a reason.
func (r *Reporter) hint(reason string) string {
	model := fmt.Sprintf("model %q at %s", r.Model, r.Host)
	switch reason {
	case ReasonError:
		return fmt.Sprintf("the %s failed: check OPENAI_BASE_URL, OPENAI_API_KEY and PRIVACYBOT_MODEL, and that the server is up", model)
	case ReasonTimeout:
		return fmt.Sprintf("the %s took longer than PRIVACYBOT_MODEL_TIMEOUT: check the server's load, or raise the timeout", model)
	case ReasonRateLimited:
		return fmt.Sprintf("the %s is rate-limiting requests (429): check the account's limits", model)
	case ReasonTruncated:
		return fmt.Sprintf("the %s stopped at its token limit: check the prompts in PRIVACYBOT_PROMPTS ask for short answers", model)
	case ReasonEmpty, ReasonNotAQuestion, ReasonAbstained:
		return fmt.Sprintf("the %s gave no usable reply: check it follows the prompts (PRIVACYBOT_PROMPTS)", model)
	case ReasonCancelled:
		return "the person left before the model answered"
	default:
		return fmt.Sprintf("the %s wrote something the notices don't say, which the checks caught: often now and then is normal; always, check the model and prompts", model)
	}
}
