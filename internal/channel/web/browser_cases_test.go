package web_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
)

// The queue with a safeguarding warning and its filter, and the case page of a request made for
// someone else with one (its "Proof not needed" and retype forms showing) pass the accessibility
// audit as every dashboard page does.
func TestBrowserSafeguardingAndProofFormsAreAccessible(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t)
	sub := dpotest.Sample(h.clock.Now(), "warned")
	sub.Organisation, sub.Safeguarding, sub.AwaitingID = mk, true, true
	sub.Requester.OnBehalfOf, sub.Requester.OnBehalfOfWhom = true, "Pat Bloggs"
	sub.Description = "Note from the chat: " + dpo.SafeguardingNote + "\nmy father's care records"
	c, err := h.queue.Submit(context.Background(), sub)
	require.NoError(t, err)
	h.submit(t, mk)
	h.addUser(t, "dpo", "correct horse battery", mk)
	ts := httptest.NewServer(h.h)
	defer ts.Close()

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/dpo/sign-in"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		signIn("dpo", "correct horse battery"),
		chromedp.WaitVisible(chromedp.CSS("table.queue .tag-safeguarding")),
	))
	reportViolations(t, "the queue with a safeguarding warning", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo?safeguarding=yes"), chromedp.WaitVisible(chromedp.CSS("table.queue"))))
	reportViolations(t, "the queue filtered by safeguarding", axeAudit(ctx, t))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dpo/cases/"+c.Ref), chromedp.WaitVisible(chromedp.CSS(".safeguarding")),
		chromedp.WaitVisible(chromedp.CSS("#proof-note")), chromedp.WaitVisible(chromedp.CSS("#retype-type"))))
	reportViolations(t, "a case page with a safeguarding warning, awaiting proof", axeAudit(ctx, t))
}
