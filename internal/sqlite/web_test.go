package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/channel/web/webtest"
)

func openWebTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "queue.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestWebStoreContract(t *testing.T) {
	webtest.Run(t, func(t *testing.T) webtest.Store { return openWebTemp(t) })
}
