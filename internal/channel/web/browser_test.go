package web_test

// Browser tests: Debian's chromium, driven by chromedp, against the real handler. They run only
// with PRIVACYBOT_BROWSER_TESTS=1 (and need chromium, plus `npm ci --prefix testdata/browser` for
// axe-core), so `go test` stays fast and works without a browser.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/channel/web"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/index/indextest"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts a headless chromium for the test; extra options are added to the defaults.
func browser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if os.Getenv("PRIVACYBOT_BROWSER_TESTS") != "1" {
		t.Skip("browser tests are off: install chromium, run `npm ci --prefix testdata/browser`, then PRIVACYBOT_BROWSER_TESTS=1 go test ./internal/channel/web/ -run Browser")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("PRIVACYBOT_BROWSER_TESTS=1 but %s is missing: apt-get install -y chromium", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	require.NoError(t, chromedp.Do(ctx)) // start the browser
	return ctx
}

// eval runs JavaScript in the page, awaiting a promise if it returns one.
func eval(js string, out any) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := chromedp.Evaluate[any](js, chromedp.EvalAwaitPromise)(ctx, t)
		if err != nil || out == nil {
			return chromedp.Void{}, err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, json.Unmarshal(b, out)
	}
}

// text stores the visible text of the first element matching a CSS selector in out.
func text(sel string, out *string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := chromedp.Text(chromedp.CSS(sel))(ctx, t)
		*out = v
		return chromedp.Void{}, err
	}
}

// signIn fills in the dashboard's sign-in form the page shows, and sends it.
func signIn(name, password string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for _, a := range []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.CSS("#name"), name),
			chromedp.SendKeys(chromedp.CSS("#password"), password),
			chromedp.Submit(chromedp.CSS("#password")),
		} {
			if _, err := a(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
		}
		return chromedp.Void{}, nil
	}
}

// location stores the page's URL in out.
func location(out *string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := chromedp.Location()(ctx, t)
		*out = v
		return chromedp.Void{}, err
	}
}

// botMessages is how many replies the widget shows.
func botMessages(ctx context.Context, t *testing.T) int {
	var n int
	require.NoError(t, chromedp.Do(ctx, eval(`document.querySelectorAll(".pb-bot").length`, &n)))
	return n
}

// waitReplies waits until the widget shows n replies.
func waitReplies(ctx context.Context, t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for botMessages(ctx, t) < n {
		if time.Now().After(deadline) {
			var status string
			_ = chromedp.Do(ctx, eval(`document.querySelector(".pb-log").innerText + " | " + document.querySelector(".pb-status").innerText`, &status))
			t.Fatalf("reply %d never came; the chat shows: %s", n, status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// say types a message into the widget with the keyboard and sends it.
func say(ctx context.Context, t *testing.T, text string) {
	t.Helper()
	before := botMessages(ctx, t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(".pb-form textarea")),
		chromedp.SendKeys(chromedp.CSS(".pb-form textarea"), text),
		chromedp.Click(chromedp.CSS(".pb-form .pb-send")),
	))
	waitReplies(ctx, t, before+1)
}

func TestBrowserResidentAsksFollowsUpAndMakesARequest(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t)
	ts := httptest.NewServer(h.h)
	defer ts.Close()

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".pb-launcher")),
		chromedp.Click(chromedp.CSS(".pb-launcher")),
		chromedp.WaitVisible(chromedp.CSS(".pb-panel")),
	))
	var focused string
	require.NoError(t, chromedp.Do(ctx, eval(`document.activeElement.className`, &focused)))
	assert.Contains(t, focused, "pb-input", "opening the chat puts the keyboard in the message box")

	// A cited answer whose quote the resident can open.
	say(ctx, t, "How long do you keep complaint records?")
	var cites int
	var quote string
	require.NoError(t, chromedp.Do(ctx,
		eval(`document.querySelectorAll(".pb-bot")[0].querySelectorAll(".pb-cite").length`, &cites),
		chromedp.Click(chromedp.CSS(".pb-bot .pb-cite summary")),
		chromedp.WaitVisible(chromedp.CSS(".pb-bot .pb-cite .pb-quote")),
		text(".pb-bot .pb-cite .pb-quote", &quote),
	))
	assert.Positive(t, cites)
	assert.NotEmpty(t, strings.TrimSpace(quote))
	var live string
	require.NoError(t, chromedp.Do(ctx, eval(`document.querySelector(".pb-log").getAttribute("aria-live")`, &live)))
	assert.Equal(t, "polite", live)

	// A follow-up in the same conversation.
	say(ctx, t, "and for service requests?")
	var followCites int
	var followText string
	require.NoError(t, chromedp.Do(ctx,
		eval(`document.querySelectorAll(".pb-bot")[1].querySelectorAll(".pb-cite").length`, &followCites),
		eval(`document.querySelectorAll(".pb-bot")[1].innerText`, &followText)))
	assert.Positive(t, followCites, "the follow-up is answered with citations")
	assert.Contains(t, followText, "3 years", "the follow-up keeps the question and changes the topic")

	// A request, through the short form inside the conversation.
	say(ctx, t, "I want a copy of all the data you hold about me")
	answers := map[string]string{"name": "Jo Bloggs", "contact": "jo.bloggs@example.org", "service": "council tax",
		"description": "A copy of my council tax records", "on_behalf_of": "Sam Bloggs"}
	var ref string
	for i := 0; i < 10 && ref == ""; i++ {
		var step struct {
			Name    string   `json:"name"`
			Options []string `json:"options"`
			Ref     string   `json:"ref"`
		}
		require.NoError(t, chromedp.Do(ctx, eval(`(() => {
			const r = [...document.querySelectorAll(".pb-bot")].pop().querySelector(".pb-refno");
			if (r) return {ref: r.textContent};
			const f = [...document.querySelectorAll(".pb-intake")].pop();
			const i = f.querySelector("input:not(:disabled), textarea:not(:disabled)");
			return {name: i ? i.name : "", options: [...f.querySelectorAll(".pb-option")].map(b => b.textContent)};
		})()`, &step)))
		if step.Ref != "" {
			ref = step.Ref
			break
		}
		before := botMessages(ctx, t)
		if step.Name != "" {
			sel := fmt.Sprintf(`.pb-intake [name=%q]:not(:disabled)`, step.Name)
			require.NoError(t, chromedp.Do(ctx,
				eval(fmt.Sprintf(`document.querySelector(%q).value = ""`, sel), nil),
				chromedp.SendKeys(chromedp.CSS(sel), answers[step.Name]),
				chromedp.Click(chromedp.CSS(".pb-intake .pb-send:not(:disabled)"))))
		} else {
			require.NotEmpty(t, step.Options, "an intake step with neither a field nor choices")
			choice := step.Options[0] // "Yes, send it", or the first council
			for _, o := range step.Options {
				if strings.HasPrefix(o, "Milton Keynes") {
					choice = o
				}
			}
			require.NoError(t, chromedp.Do(ctx, eval(fmt.Sprintf(`[...document.querySelectorAll(".pb-intake .pb-option:not(:disabled)")].find(b => b.textContent === %q).click()`, choice), nil)))
		}
		waitReplies(ctx, t, before+1)
	}
	require.Regexp(t, refRe, ref, "the resident sees a reference")

	// The DPO signs in and finds that case.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo")))
	h.addUser(t, "dpo", "correct horse battery", mk)
	var url, caseText string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#password")),
		location(&url),
	))
	assert.Contains(t, url, "/dpo/sign-in", "no session: sent to sign in")
	require.NoError(t, chromedp.Do(ctx,
		signIn("dpo", "correct horse battery"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/dpo/cases/%s"]`, ref))),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		text("main", &caseText),
	))
	assert.Contains(t, caseText, "Case "+ref)
	assert.Contains(t, caseText, "jo.bloggs@example.org")
	assert.Contains(t, caseText, "A copy of my council tax records")
}

// hostileBot answers, unsure, with text, a citation and a contact that would run script if
// treated as HTML.
type hostileBot struct{}

const hostile = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`

func (hostileBot) Reply(ctx context.Context, t conversation.Turn) (conversation.Reply, error) {
	return conversation.Reply{Session: "s", Kind: conversation.KindAnswer, Answer: answer.Answer{
		Question: t.Text, Answer: "Quoted: " + hostile + " [1]", Mode: "extractive", Hedged: true,
		Contact: &answer.Contact{Organisation: "Org", Text: "Data Protection Officer " + hostile + "\n01234 567890"},
		Citations: []answer.Citation{{N: 1, Title: hostile, Organisation: "Org " + hostile, Excerpt: hostile,
			Source: "javascript:window.__xss=3"}}}}, nil
}

func (hostileBot) SubmitForm(context.Context, conversation.RequestForm) (conversation.Reply, error) {
	return conversation.Reply{}, conversation.ErrNoQueue
}

func TestBrowserAnswersAreRenderedAsText(t *testing.T) {
	ctx := browser(t)
	srv := &web.Server{Bot: hostileBot{}, RatePerMinute: -1}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Click(chromedp.CSS(".pb-launcher")),
	))
	say(ctx, t, "hello")
	var xss any
	var shown, contact string
	var imgs, links int
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".pb-bot .pb-cite summary")),
		chromedp.Sleep(100*time.Millisecond), // give an injected onerror a chance to fire
		eval(`window.__xss === undefined ? null : window.__xss`, &xss),
		text(".pb-bot", &shown),
		text(".pb-bot .pb-contact", &contact),
		eval(`document.querySelectorAll(".pb-log img, .pb-log script").length`, &imgs),
		eval(`document.querySelectorAll(".pb-log a[href^='javascript']").length`, &links),
	))
	assert.Nil(t, xss, "nothing from an answer runs")
	assert.Contains(t, shown, "<script>window.__xss=2</script>", "the markup is shown as text")
	assert.Contains(t, contact, "01234 567890", "an unsure answer shows the data protection contact")
	assert.Contains(t, contact, "Org")
	reportViolations(t, "an unsure answer with its contact", axeAudit(ctx, t))
	assert.Zero(t, imgs)
	assert.Zero(t, links, "a javascript: source is not linked")
}

// axeAudit injects axe-core and returns the serious and critical WCAG 2.x A/AA violations.
func axeAudit(ctx context.Context, t *testing.T) []map[string]any {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	axePath := filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "browser", "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(axePath)
	require.NoError(t, err, "run `npm ci --prefix testdata/browser` to install axe-core")
	var res struct {
		Passes     int              `json:"passes"`
		Violations []map[string]any `json:"violations"`
	}
	require.NoError(t, chromedp.Do(ctx,
		eval(string(src)+";true", nil),
		eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
			.then(r => ({passes: r.passes.length, violations: r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))}))`, &res),
	))
	require.Positive(t, res.Passes, "axe ran no rules")
	return res.Violations
}

func reportViolations(t *testing.T, page string, v []map[string]any) {
	t.Helper()
	if len(v) > 0 {
		b, _ := json.MarshalIndent(v, "", "  ")
		t.Errorf("axe found serious or critical violations on %s:\n%s", page, b)
	}
}

func TestBrowserAccessibility(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t)
	ref := h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	ts := httptest.NewServer(h.h)
	defer ts.Close()

	// The widget, opened, with an answer (citation opened) and an intake form showing.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Click(chromedp.CSS(".pb-launcher")),
	))
	say(ctx, t, "How long do you keep complaint records?")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".pb-bot .pb-cite summary"))))
	say(ctx, t, "I want a copy of all the data you hold about me")
	reportViolations(t, "the widget", axeAudit(ctx, t))

	// The same on a phone-sized screen.
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(375, 740)))
	reportViolations(t, "the widget on a phone", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))

	for _, page := range []string{"/privacy", "/dpo/sign-in"} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+page), chromedp.WaitVisible(chromedp.CSS("h1"))))
		reportViolations(t, page, axeAudit(ctx, t))
	}
	require.NoError(t, chromedp.Do(ctx,
		signIn("dpo", "correct horse battery"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
	))
	reportViolations(t, "the dashboard queue", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo/cases/"+ref), chromedp.WaitVisible(chromedp.CSS("h1"))))
	reportViolations(t, "a case page", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo/unanswered"), chromedp.WaitVisible(chromedp.CSS("h1"))))
	reportViolations(t, "the questions the notices don't answer", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo/unanswered?days=90"), chromedp.WaitVisible(chromedp.CSS(".period-note"))))
	reportViolations(t, "the questions of a period longer than kept, with its note", axeAudit(ctx, t))
}

// While a model streams, the resident sees the text being written in a draft that screen
// readers skip; the final answer, with its citations, then replaces it.
func TestBrowserShowsAStreamedAnswerAsItIsWritten(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t, func(s *web.Server) {
		s.Bot.(*conversation.Bot).Answerer = indextest.Streaming{Answerer: s.Bot.(*conversation.Bot).Answerer, Pause: 40 * time.Millisecond}
	})
	ts := httptest.NewServer(h.h)
	defer ts.Close()
	var draft string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".pb-launcher")),
		chromedp.Click(chromedp.CSS(".pb-launcher")),
		chromedp.WaitVisible(chromedp.CSS(".pb-panel")),
		chromedp.SendKeys(chromedp.CSS(".pb-form textarea"), "How long do you keep complaint records?"),
		chromedp.Click(chromedp.CSS(".pb-form .pb-send")),
		chromedp.WaitVisible(chromedp.CSS(".pb-draft")),
		text(".pb-draft", &draft),
	))
	assert.NotEmpty(t, strings.TrimSpace(strings.TrimSuffix(draft, "…")), "the draft shows text before the answer is final")
	var hidden string
	require.NoError(t, chromedp.Do(ctx, eval(`document.querySelector(".pb-draft").getAttribute("aria-hidden")`, &hidden)))
	assert.Equal(t, "true", hidden)
	waitReplies(ctx, t, 1)
	var drafts int
	var final string
	require.NoError(t, chromedp.Do(ctx,
		eval(`document.querySelectorAll(".pb-draft").length`, &drafts),
		text(".pb-bot", &final),
	))
	assert.Equal(t, 0, drafts, "the draft is replaced by the final answer")
	assert.Contains(t, final, "6 years")
	assert.NotContains(t, final, "couldn't be checked", "a draft that passed its check needs no note")
}

// A streamed draft is marked as not yet checked; when the check fails and the notices' own
// words replace it, the answer says why the text changed. Audited for accessibility while the
// draft shows and after.
func TestBrowserSaysADraftIsNotYetChecked(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t, func(s *web.Server) {
		s.Bot.(*conversation.Bot).Answerer = indextest.Streaming{Answerer: s.Bot.(*conversation.Bot).Answerer, Pause: 150 * time.Millisecond,
			Draft: "Complaint records are kept for 12 years [1]. They are then deleted securely by the council.", FallbackReason: "unsupported_number"}
	})
	ts := httptest.NewServer(h.h)
	defer ts.Close()
	var label, status string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".pb-launcher")),
		chromedp.Click(chromedp.CSS(".pb-launcher")),
		chromedp.WaitVisible(chromedp.CSS(".pb-panel")),
		chromedp.SendKeys(chromedp.CSS(".pb-form textarea"), "How long do you keep complaint records?"),
		chromedp.Click(chromedp.CSS(".pb-form .pb-send")),
		chromedp.WaitVisible(chromedp.CSS(".pb-draft .pb-draft-text")),
		text(".pb-draft .pb-draft-label", &label),
		text(".pb-status", &status),
	))
	assert.Contains(t, label, "not yet checked")
	assert.Contains(t, label, "Checking against the notices")
	assert.Contains(t, status, "Checking the answer against the notices")
	reportViolations(t, "the widget with a draft", axeAudit(ctx, t))

	waitReplies(ctx, t, 1)
	var final, note string
	require.NoError(t, chromedp.Do(ctx,
		text(".pb-bot", &final),
		text(".pb-bot .pb-note", &note),
	))
	assert.Contains(t, note, "couldn't be checked against the notices")
	assert.Contains(t, final, "6 years")
	assert.NotContains(t, final, "12 years")
	reportViolations(t, "the widget after a draft failed its check", axeAudit(ctx, t))
}

// A DPO searches for a caller from the queue page in a real browser: the cases are found, and no
// address the browser asked for or shows holds what was typed (the form is POSTed, and answered
// with a redirect to an address holding a random id for the search). Back from a case opened
// from the results, and Reload, show them again without sending the form again. Clearing the
// search keeps the other filters, which stay in the address.
//
// The back/forward cache is off: not every browser keeps a no-store page in it (Firefox doesn't;
// Chromium not always), and then Back asks the server for the results again, where before the
// redirect it showed "Confirm Form Resubmission". (Kept in that cache, the page is shown again
// without asking anything of the server.)
func TestBrowserDPOSearchKeepsTheTermOutOfAddresses(t *testing.T) {
	ctx := browser(t, chromedp.Flag("disable-features", "BackForwardCache"))
	h, cs := searchHarness(t)
	var mu sync.Mutex
	var asked []string // every address the browser requested
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.Method+" "+r.URL.RequestURI())
		mu.Unlock()
		h.h.ServeHTTP(w, r)
	}))
	defer ts.Close()
	searches := func() int { // how many times the queue's form was sent
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, a := range asked {
			if a == "POST /dpo" || strings.HasPrefix(a, "POST /dpo?") {
				n++
			}
		}
		return n
	}

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/dpo"),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		signIn("dpo", "correct horse battery"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
	))
	var addr, found string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#f-status"), "all"),
		chromedp.SendKeys(chromedp.CSS("#f-q"), "07700 900123"),
		chromedp.Click(chromedp.CSS(".filters button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".filters a")), // "Clear the search": the results are shown
		location(&addr),
		text("table.queue", &found),
	))
	results := addr
	assert.Regexp(t, `^`+regexp.QuoteMeta(ts.URL)+`/dpo\?search=[0-9a-f]{64}&status=all$`, results)
	assert.Contains(t, found, cs.dave)
	assert.NotContains(t, found, cs.priya)
	reportViolations(t, "the queue's search results", axeAudit(ctx, t))
	require.Equal(t, 1, searches())

	// Case, Back, Reload: the results each time, and the form never sent again. (Before the
	// redirect, Back showed the browser's "Confirm Form Resubmission" page.)
	var caseText, box string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/dpo/cases/%s"]`, cs.dave))),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		text("h1", &caseText),
	))
	require.Contains(t, caseText, cs.dave)
	for _, step := range []struct {
		name string
		act  chromedp.Action[chromedp.Void]
	}{
		{"Back from the case", chromedp.NavigateBack()},
		{"Reload", chromedp.Reload()},
	} {
		sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		err := chromedp.Do(sctx,
			step.act,
			chromedp.WaitVisible(chromedp.CSS("table.queue")),
			location(&addr),
			text("table.queue", &found),
			eval(`document.querySelector("#f-q").value`, &box),
		)
		cancel()
		require.NoError(t, err, "%s: the results are not shown", step.name)
		assert.Equal(t, results, addr, step.name)
		assert.Contains(t, found, cs.dave, step.name)
		assert.NotContains(t, found, cs.priya, step.name)
		assert.Equal(t, "07700 900123", box, "%s: the search is in the box", step.name)
		assert.Equal(t, 1, searches(), "%s sent the form again", step.name)
	}

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".filters a")),
		chromedp.WaitNotPresent(chromedp.CSS(".filters a")),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		location(&addr),
		text("table.queue", &found),
	))
	assert.Equal(t, ts.URL+"/dpo?status=all", addr, "the search cleared, the filters kept")
	assert.Contains(t, found, cs.priya)

	// An address of a search that is no longer kept says so, with the box to search again.
	var problem string
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/dpo?search="+strings.Repeat("0", 64)+"&status=all"),
		chromedp.WaitVisible(chromedp.CSS(".problem")),
		text(".problem", &problem),
	))
	assert.Contains(t, problem, "This search has expired")
	reportViolations(t, "an expired search", axeAudit(ctx, t))

	mu.Lock()
	defer mu.Unlock()
	assert.Contains(t, asked, "POST /dpo")
	for _, a := range asked {
		assert.NotContains(t, a, "07700", "an address the browser asked for holds the search")
		assert.NotContains(t, a, "900123")
	}
}

// A case page fits the screen whatever the resident typed: a description of one unbroken word
// (a pasted link, a reference run together) ran off the page, with the case's facts beside it
// (a QA pass read it in the CSS).
func TestBrowserACasePageWrapsLongWords(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t)
	ref := h.request(t, mk, "https://example.org/"+strings.Repeat("a1b2c3d4", 60)).Reference
	h.addUser(t, "dpo", "correct horse battery", mk)
	ts := httptest.NewServer(h.h)
	defer ts.Close()
	var overflows bool
	require.NoError(t, chromedp.Do(ctx,
		chromedp.EmulateViewport(1024, 800),
		chromedp.Navigate(ts.URL+"/dpo/sign-in"),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		signIn("dpo", "correct horse battery"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		chromedp.Navigate(ts.URL+"/dpo/cases/"+ref),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		eval(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflows),
	))
	assert.False(t, overflows, "the case page is wider than the screen")
}
