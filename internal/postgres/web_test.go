package postgres

import (
	"testing"

	"github.com/privacybot/privacybot/internal/channel/web/webtest"
)

// TestWebStoreContract runs the users and transcripts suite, each subtest in its own schema.
// It runs only with PRIVACYBOT_TEST_POSTGRES_URL set (see testURL).
func TestWebStoreContract(t *testing.T) {
	testURL(t)
	webtest.Run(t, func(t *testing.T) webtest.Store { return openFresh(t) })
}
