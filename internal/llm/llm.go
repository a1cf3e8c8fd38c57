// Package llm writes answers with any OpenAI-compatible language model (OpenAI, Azure's
// compatible endpoint, Ollama, vLLM, llama.cpp …) and checks them before anyone sees them.
//
// The Answerer wraps the extractive answerer: for each question it retrieves the passages, redacts
// the question (unless the model is self-hosted), renders the prompts of package prompts with the
// passages numbered [1]..[n], calls the model with a per-call timeout, and checks the reply: every
// [n] is a supplied passage, every period, date, amount and number is in a cited passage (in
// digits or words), every e-mail address, phone number and web address is in the passages
// (spelled out too), every law, organisation and person's name is in a cited passage, and the
// system prompt isn't echoed. On any failure — timeout, error, rate limit, a reply that fails a check — it returns
// the extractive answer with Mode "extractive" and FallbackReason saying why, so "every failure
// falls back" holds by construction. When the extractive answerer abstains, is unsure its best
// sentence answers (Hedged), or says a council asked about doesn't answer (NotAnsweredBy), no
// model is asked.
//
// This is an adapter: it may import the domain (answer, notice), prompts, redact and go-openai;
// it must not import another adapter (index, a database, a chat platform). It never logs question
// text.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/redact"
)

// Modes of an answer (answer.Answer.Mode).
const (
	ModeGenerated  = "generated"
	ModeExtractive = "extractive"
)

// ReasonTruncated is the fallback reason when the model stopped at its token limit mid-answer.
const ReasonTruncated = "truncated"

// ReasonNotAQuestion is why a follow-up's rewrite by the model is not used: its reply is no one
// question ("Sure!", or chatter around one); the built-in rewrite is used instead.
const ReasonNotAQuestion = "not_a_question"

// Defaults for Options left zero.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultPassages  = 5
	DefaultMaxTokens = 500
	// maxHistory is how many earlier messages Rewrite shows the model.
	maxHistory = 6
)

// Options configure the model. main fills them from config.Config.
type Options struct {
	BaseURL    string        // OPENAI_BASE_URL, ending in /v1; empty for api.openai.com
	APIKey     string        // OPENAI_API_KEY; may be empty for a self-hosted server
	Model      string        // PRIVACYBOT_MODEL
	Timeout    time.Duration // per model call (PRIVACYBOT_MODEL_TIMEOUT); DefaultTimeout when zero
	SelfHosted bool          // PRIVACYBOT_MODEL_SELF_HOSTED: the model may see unredacted questions
	Dir        string        // PRIVACYBOT_PROMPTS: a directory whose *.tmpl replace the bundled prompts
	Passages   int           // passages shown to the model; DefaultPassages when zero
	MaxTokens  int           // bound on the reply; DefaultMaxTokens when zero
	HTTPClient *http.Client  // nil for a default client (the timeout comes from the context)
}

// Answerer answers with a language model and falls back to an extractive answerer. It is safe
// for concurrent use once configured; set the exported fields before the first question.
type Answerer struct {
	// Fallback is the extractive answerer whose answer is returned on any failure.
	Fallback answer.Answerer
	// Retriever finds the passages the model is shown.
	Retriever answer.Retriever
	// OnFallback, when set, is called with the reason every time the extractive answer is
	// returned in place of a generated one (the web layer counts them per reason), and with
	// "rewrite_<reason>" when Rewrite keeps a question unchanged after a model failure.
	OnFallback func(reason string)
	// Now is the clock that decides whether a cited notice is stale.
	Now func() time.Time
	// Organisations, when set, are the corpus's organisations: an answer may name only the cited
	// passages' ("Buckinghamshire Council shares it [1]" of Milton Keynes's passage fails), and
	// a capitalised name that is one of theirs or a place of their area is no person's.
	Organisations *notice.Organisations

	client     *openai.Client
	model      string
	timeout    time.Duration
	selfHosted bool
	passages   int
	maxTokens  int
	tmpl       *templates
	system     string // the rendered system prompt
	// systemWords are the words the system prompt writes in lower case (lowerWords): capitalised
	// in an answer, they are no one's name. Read once, not at every check.
	systemWords map[string]bool
}

// New makes an Answerer that asks the model described by o and falls back to fallback; r must
// retrieve from the same corpus as fallback. It fails only when a prompt template can't be read.
func New(fallback answer.Answerer, r answer.Retriever, o Options) (*Answerer, error) {
	t, err := loadTemplates(o.Dir)
	if err != nil {
		return nil, err
	}
	system, err := render(t.system, SystemPrompt{Abstain: AbstainReply})
	if err != nil {
		return nil, err
	}
	a := &Answerer{Fallback: fallback, Retriever: r, Now: time.Now,
		client: newClient(o), model: o.Model, timeout: o.Timeout,
		selfHosted: o.SelfHosted, passages: o.Passages, maxTokens: o.MaxTokens, tmpl: t, system: system, systemWords: lowerWords(system)}
	if a.timeout <= 0 {
		a.timeout = DefaultTimeout
	}
	if a.passages <= 0 {
		a.passages = DefaultPassages
	}
	if a.maxTokens <= 0 {
		a.maxTokens = DefaultMaxTokens
	}
	return a, nil
}

// Host is the host questions are sent to for baseURL (OPENAI_BASE_URL), go-openai's own when
// it is empty: what the chat's privacy notice names.
func Host(baseURL string) string {
	u := openai.DefaultConfig("").BaseURL
	if baseURL != "" {
		u = baseURL
	}
	if parsed, err := url.Parse(u); err == nil && parsed.Host != "" {
		return parsed.Host
	}
	return "(an OPENAI_BASE_URL that is no URL)" // never the text itself: it may hold a key
}

// newClient is an OpenAI-compatible client for the endpoint the options name.
func newClient(o Options) *openai.Client {
	cfg := openai.DefaultConfig(o.APIKey)
	if o.BaseURL != "" {
		cfg.BaseURL = strings.TrimRight(o.BaseURL, "/")
	}
	if o.HTTPClient != nil {
		cfg.HTTPClient = o.HTTPClient
	}
	return openai.NewClientWithConfig(cfg)
}

var _ answer.Answerer = (*Answerer)(nil)

// Answer answers q with the model, or returns the extractive answer with the reason it was used.
// Its errors are the extractive answerer's (an empty question, an unknown organisation …): a
// model failure is never an error.
func (a *Answerer) Answer(ctx context.Context, q answer.Question) (answer.Answer, error) {
	return a.answer(ctx, q, nil)
}

// AnswerStream is Answer with the model's reply streamed: onDelta gets each piece of text as it
// arrives, so a channel can show the answer being written. The pieces are unchecked and use the
// model's own citation numbers. The returned answer is the authoritative one: it is checked as a
// whole and, when it fails, replaced by the extractive answer; the web and Slack layers must
// replace what they streamed with it. onDelta is not called when the model is not asked (the
// extractive answerer abstained or is unsure) or fails before its first token.
func (a *Answerer) AnswerStream(ctx context.Context, q answer.Question, onDelta func(string)) (answer.Answer, error) {
	if onDelta == nil {
		onDelta = func(string) {}
	}
	return a.answer(ctx, q, onDelta)
}

func (a *Answerer) answer(ctx context.Context, q answer.Question, onDelta func(string)) (answer.Answer, error) {
	ext, ranked, err := a.extract(ctx, q)
	if err != nil || ext.Abstained || ext.Hedged || len(ext.NotAnsweredBy) > 0 {
		// The notices don't answer it, or may not: a model would only be guessing, and its
		// paraphrase would sound surer than the quote of the closest passage and its doubt. Nor
		// when a council asked about side by side isn't answered: the paraphrase would drop
		// saying so, and one council's figure would read as both's (a review).
		return ext, err
	}
	if ext.Mode == "" {
		ext.Mode = ModeExtractive
	}
	gen, reason := a.generate(ctx, q, ext, ranked, onDelta)
	if reason != "" {
		ext.FallbackReason = reason
		if a.OnFallback != nil {
			a.OnFallback(reason)
		}
		return ext, nil
	}
	return gen, nil
}

// ranker is an extractive answerer that ranks passages as it answers (answer.Composer).
type ranker interface {
	AnswerRanked(ctx context.Context, q, rank answer.Question) (answer.Answer, []answer.Hit, error)
}

// extract is the fallback's answer and, when the fallback is the Retriever too and ranks as it
// answers, the passages the model would be shown of it, which the Retriever would give (nil when
// it can't say: the model is shown fewer passages than an answer reads). The composer ranks
// passages by answering: asked for the answer, then the passages, it composed every question
// twice.
func (a *Answerer) extract(ctx context.Context, q answer.Question) (answer.Answer, []answer.Hit, error) {
	rk, ok := a.Fallback.(ranker)
	if !ok || any(rk) != any(a.Retriever) {
		ext, err := a.Fallback.Answer(ctx, q)
		return ext, nil, err
	}
	rq := a.promptQuestion(q, q.Text)
	ext, hits, err := rk.AnswerRanked(ctx, q, rq)
	if err != nil || ext.Question != q.Text {
		return ext, nil, err // the question was cleaned: the passages are ranked for it as cleaned
	}
	return ext, hits, nil
}

// promptQuestion is the question the passages shown to the model are retrieved for: the question
// as the extractive answerer cleaned it, with what the conversation was about as its context (the
// retriever weighs it below the question's own words, as the extractive answerer does), as many
// passages as the model is shown.
func (a *Answerer) promptQuestion(q answer.Question, cleaned string) answer.Question {
	rq := q
	rq.Text = cleaned
	rq.K = a.passages
	if q.K > 0 && q.K < rq.K {
		rq.K = q.K
	}
	return rq
}

// generate asks the model and checks its reply; a non-empty reason means it must not be shown.
// ranked are the passages to show it when the extractive answer ranked them (extract), else nil.
func (a *Answerer) generate(ctx context.Context, q answer.Question, ext answer.Answer, ranked []answer.Hit, onDelta func(string)) (answer.Answer, string) {
	rq := a.promptQuestion(q, ext.Question)
	about, _ := answer.CleanQuestion(q.Context)
	hits := ranked
	if hits == nil {
		var err error
		if hits, err = a.Retriever.Retrieve(ctx, rq); err != nil {
			return answer.Answer{}, classify(ctx, ctx, err)
		}
	}
	if len(hits) > rq.K {
		hits = hits[:rq.K]
	}
	if len(hits) == 0 {
		return answer.Answer{}, ReasonEmpty
	}
	question := ext.Question
	if !a.selfHosted {
		question, about = redact.Text(question), redact.Text(about)
	}
	data := AnswerPrompt{Question: untag(question), Context: untag(about), Organisation: q.Organisation, Abstain: AbstainReply}
	texts, orgs := make([]string, len(hits)), make([]string, len(hits))
	for i, h := range hits {
		p := h.Passage
		data.Passages = append(data.Passages, PromptPassage{N: i + 1, Title: p.Title,
			Organisation: p.Organisation, Section: p.Section(), Updated: p.Updated, Text: p.Text})
		// Checked against what the model was shown of the passage: its heading and date too.
		texts[i] = strings.Join([]string{p.Title, p.Section(), p.Updated, p.Text}, "\n")
		orgs[i] = p.Organisation
	}
	user, err := render(a.tmpl.answer, data)
	if err != nil {
		return answer.Answer{}, ReasonError
	}
	reply, reason := a.complete(ctx, a.system, user, onDelta)
	if reason != "" {
		return answer.Answer{}, reason
	}
	// A name the resident gave needs no passage (the question as they asked it: the model's copy
	// was redacted).
	res := checkAgainst(reply, texts, a.system, a.systemWords, Sources{Organisations: orgs,
		Question: strings.TrimSpace(ext.Question + " " + q.Context), Known: a.Organisations})
	if !res.OK() {
		return answer.Answer{}, res.Reason
	}

	gen := ext // carries Question, Request, Safeguarding and whatever the contract gains later
	gen.Mode, gen.FallbackReason, gen.Contact = ModeGenerated, "", nil
	gen.Answer = renumber(res.Text, res.Cited)
	gen.Citations = make([]answer.Citation, 0, len(res.Cited))
	claims := claimsByCitation(gen.Answer)
	for i, n := range res.Cited {
		h := hits[n-1]
		p := h.Passage
		gen.Citations = append(gen.Citations, answer.Citation{
			N: i + 1, Notice: p.NoticeID, Title: p.Title, Organisation: p.Organisation, Section: p.Section(),
			Excerpt: excerpt(p.Text, claims[i+1]), Source: p.Source, Updated: p.Updated,
			Score: float64(int(h.Score*1000+0.5)) / 1000, Passage: p.Text,
		})
	}
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	gen.Stale = answer.StaleAt(gen.Citations, now())
	for _, s := range gen.Stale {
		gen.Answer += fmt.Sprintf("\nNote: %s was %s; what it says may no longer be current.", s.Title, s.Note)
	}
	return gen, ""
}

// complete calls the model once, streaming when onDelta is set, within the configured timeout.
func (a *Answerer) complete(ctx context.Context, system, user string, onDelta func(string)) (string, string) {
	cctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	var msgs []openai.ChatCompletionMessage
	if system != "" {
		msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleSystem, Content: system})
	}
	msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: user})
	// max_tokens rather than max_completion_tokens: self-hosted servers understand it.
	req := openai.ChatCompletionRequest{Model: a.model, Messages: msgs, MaxTokens: a.maxTokens}

	if onDelta == nil {
		resp, err := a.client.CreateChatCompletion(cctx, req)
		if err != nil {
			return "", classify(ctx, cctx, err)
		}
		if len(resp.Choices) == 0 {
			return "", ReasonEmpty
		}
		if resp.Choices[0].FinishReason == openai.FinishReasonLength {
			return "", ReasonTruncated
		}
		return resp.Choices[0].Message.Content, ""
	}

	req.Stream = true
	stream, err := a.client.CreateChatCompletionStream(cctx, req)
	if err != nil {
		return "", classify(ctx, cctx, err)
	}
	defer stream.Close()
	var b strings.Builder
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return b.String(), ""
		}
		if err != nil {
			return "", classify(ctx, cctx, err)
		}
		for _, c := range chunk.Choices {
			if c.Index != 0 {
				continue
			}
			if c.Delta.Content != "" {
				b.WriteString(c.Delta.Content)
				onDelta(c.Delta.Content)
			}
			if c.FinishReason == openai.FinishReasonLength {
				return "", ReasonTruncated
			}
		}
	}
}

// classify names why a model call failed: parent is the caller's context, call the one with the
// model's timeout.
func classify(parent, call context.Context, err error) string {
	if errors.Is(parent.Err(), context.Canceled) {
		return ReasonCancelled
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(call.Err(), context.DeadlineExceeded) {
		return ReasonTimeout
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) && apiErr.HTTPStatusCode == http.StatusTooManyRequests {
		return ReasonRateLimited
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) && reqErr.HTTPStatusCode == http.StatusTooManyRequests {
		return ReasonRateLimited
	}
	return ReasonError
}

// Rewrite turns a follow-up ("and how long for those?") into a question that stands on its own,
// using the earlier messages of the conversation, oldest first. It returns the question unchanged
// when there is no history or the model fails or replies with something that isn't a question
// (the failure is counted through OnFallback as "rewrite_<reason>"). A preamble ("Sure! Here is
// the rewritten question:") is taken off; a reply of more than one sentence is chatter, not used. Its only errors are for a
// question that can't be asked at all (answer.ErrEmptyQuestion, answer.ErrQuestionTooLong).
// Unless the model is self-hosted, the model sees the history and question redacted, and so the
// rewrite carries placeholders such as "[email]" in place of personal data.
func (a *Answerer) Rewrite(ctx context.Context, history []string, question string) (string, error) {
	q, err := answer.CleanQuestion(question)
	if err != nil || len(history) == 0 {
		return q, err
	}
	if len(history) > maxHistory {
		history = history[len(history)-maxHistory:]
	}
	data := RewritePrompt{Question: q}
	for _, h := range history {
		h, err := answer.CleanQuestion(h)
		if err != nil {
			continue // an empty or pasted message says nothing a rewrite could use
		}
		if !a.selfHosted {
			h = redact.Text(h)
		}
		data.History = append(data.History, untag(h))
	}
	if !a.selfHosted {
		data.Question = redact.Text(q)
	}
	data.Question = untag(data.Question)
	if len(data.History) == 0 {
		return q, nil
	}
	keep := func(reason string) (string, error) {
		if a.OnFallback != nil {
			a.OnFallback("rewrite_" + reason)
		}
		return q, nil
	}
	user, err := render(a.tmpl.rewrite, data)
	if err != nil {
		return keep(ReasonError)
	}
	reply, reason := a.complete(ctx, "", user, nil)
	if reason != "" {
		return keep(reason)
	}
	if strings.TrimSpace(reply) == "" || strings.Contains(strings.ToUpper(reply), AbstainReply) {
		return keep(ReasonEmpty)
	}
	out := rewriteLine(reply)
	if out == "" {
		return keep(ReasonNotAQuestion)
	}
	out, err = answer.CleanQuestion(out)
	if err != nil {
		return keep(ReasonEmpty)
	}
	return out, nil
}

// tagReplacer removes the tags the prompts put around the resident's text, so that text can't
// close its own quotation and pose as the prompt.
var tagRe = regexp.MustCompile(`(?i)<\s*/?\s*(?:question|message|context)\s*>`)

func untag(s string) string { return tagRe.ReplaceAllString(s, " ") }

var (
	// rewritePreambleRe is what models put before the question despite the prompt: "Sure!",
	// "Here is the rewritten question:", "Question:". An interjection counts only with its
	// punctuation: "Great Missenden library: …" and "Okay Milton Keynes, …" keep their first word.
	rewritePreambleRe = regexp.MustCompile(`(?i)^(?:(?:sure|certainly|of course|ok|okay|absolutely|great|yes|no problem|happy to help)(?:[!,.:]+\s*|\s*$))*` +
		`(?:(?:here(?:'s|’s| is)|this is|below is)\s+(?:the|a|your|my)\s+(?:[\w-]+\s+){0,3}?question\s*[:\-–—]?\s*|` +
		`(?:the\s+)?(?:stand-?alone|rewritten|reformulated|rephrased|new)?\s*question(?:\s+is)?\s*[:\-–—]\s*)?`)
	// questionStartRe opens a question that doesn't end with "?".
	questionStartRe = regexp.MustCompile(`(?i)^(?:how|what|what's|who|whom|whose|when|where|why|which|can|could|do|does|did|is|are|was|were|will|would|should|may|might|has|have|must|shall)\b`)
	// sentenceEndRe ends a sentence before another: "I think you mean complaints. How long …?"
	sentenceEndRe = regexp.MustCompile(`[.!?]["”’)]?\s+["“‘(]?[A-Z]`)
)

// rewriteLine takes the question out of a rewrite reply: the first line that, without a
// preamble ("Sure! Here is the rewritten question:"), quotes or the <message> tags the prompt
// used, is one question; "" when there is none, or it comes with chatter of its own.
func rewriteLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.NewReplacer("<message>", "", "</message>", "").Replace(l))
		l = strings.Trim(l, "\"'“”`* ")
		l = strings.TrimSpace(rewritePreambleRe.ReplaceAllString(l, ""))
		l = strings.Trim(l, "\"'“”`* ")
		if l == "" {
			continue // a preamble on a line of its own: the question may follow
		}
		if !strings.HasSuffix(l, "?") && !questionStartRe.MatchString(l) {
			continue // "I can help with that." is no question; one may follow
		}
		if sentenceEndRe.MatchString(l) {
			return "" // more than one sentence: chatter, however it ends
		}
		return l
	}
	return ""
}

// claimsByCitation collects, for each citation number, the text the answer supports with it:
// the words between the previous marker (or line start) and the marker.
func claimsByCitation(text string) map[int]string {
	out := map[int]string{}
	for _, line := range strings.Split(text, "\n") {
		last := 0
		for _, loc := range citeRe.FindAllStringSubmatchIndex(line, -1) {
			n := atoi(line[loc[2]:loc[3]])
			out[n] += " " + line[last:loc[0]]
			last = loc[1]
		}
	}
	return out
}

// excerpt picks the sentences or bullets of a passage that best support a claim: the units
// sharing the claim's numbers count most, then those sharing its words. At most two, in the
// passage's order.
func excerpt(passage, claim string) string {
	units := passageUnits(passage)
	if len(units) == 0 {
		return passage
	}
	claimTerms := map[string]bool{}
	for _, t := range answer.Terms(claim) {
		claimTerms[t] = true
	}
	claimFacts := map[string]bool{}
	for _, f := range facts(claim) {
		claimFacts[f.key] = true
	}
	scores := make([]float64, len(units))
	for i, u := range units {
		seen := map[string]bool{}
		for _, t := range answer.Terms(u) {
			if claimTerms[t] && !seen[t] {
				seen[t] = true
				scores[i]++
			}
		}
		for _, f := range facts(u) {
			if claimFacts[f.key] {
				scores[i] += 3
			}
		}
	}
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return scores[order[i]] > scores[order[j]] })
	best := scores[order[0]]
	chosen := []int{order[0]}
	if len(order) > 1 && scores[order[1]] > 0 && scores[order[1]] >= 0.6*best {
		chosen = append(chosen, order[1])
	}
	sort.Ints(chosen)
	parts := make([]string, len(chosen))
	for i, c := range chosen {
		parts[i] = units[c]
	}
	return strings.Join(parts, " … ")
}

var (
	bulletRe        = regexp.MustCompile(`^(?:[•·▪◦‣*]|[-–—](?:\s|$))\s*`)
	sentenceBreakRe = regexp.MustCompile(`[.!?]["”’)]?\s+`)
)

// passageUnits splits a passage into its lines (bullets, table rows) and their sentences.
func passageUnits(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(bulletRe.ReplaceAllString(strings.TrimSpace(l), ""))
		if l == "" {
			continue
		}
		last := 0
		for _, loc := range sentenceBreakRe.FindAllStringIndex(l, -1) {
			// Break only before a capital letter: "e.g. the" and "No. 5" stay whole.
			if loc[1] < len(l) && l[loc[1]] >= 'A' && l[loc[1]] <= 'Z' {
				out = append(out, strings.TrimSpace(l[last:loc[1]]))
				last = loc[1]
			}
		}
		out = append(out, strings.TrimSpace(l[last:]))
	}
	return out
}
