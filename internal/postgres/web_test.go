package postgres

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/channel/web/webtest"
)

// TestWebStoreContract runs the users and transcripts suite, each subtest in its own schema.
// It runs only with PRIVACYBOT_TEST_POSTGRES_URL set (see testURL).
func TestWebStoreContract(t *testing.T) {
	testURL(t)
	webtest.Run(t, func(t *testing.T) webtest.Store[User] { return openFresh(t) },
		func(u User) (string, time.Time) { return u.Name, u.Created })
}
