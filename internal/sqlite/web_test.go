package sqlite

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openWebTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "queue.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestUsers(t *testing.T) {
	ctx := context.Background()
	s := openWebTemp(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.AddUser(ctx, "dpo", []byte("hash"), []string{"Milton Keynes City Council"}, at))
	assert.ErrorIs(t, s.AddUser(ctx, "dpo", []byte("x"), nil, at), fs.ErrExist)

	hash, orgs, err := s.LookupUser(ctx, "dpo")
	require.NoError(t, err)
	assert.Equal(t, []byte("hash"), hash)
	assert.Equal(t, []string{"Milton Keynes City Council"}, orgs)
	_, _, err = s.LookupUser(ctx, "nobody")
	assert.ErrorIs(t, err, fs.ErrNotExist)

	us, err := s.Users(ctx)
	require.NoError(t, err)
	require.Len(t, us, 1)
	assert.Equal(t, "dpo", us[0].Name)
	assert.True(t, us[0].Created.Equal(at))

	require.NoError(t, s.RemoveUser(ctx, "dpo"))
	assert.ErrorIs(t, s.RemoveUser(ctx, "dpo"), fs.ErrNotExist)
}

func TestPurgeTranscripts(t *testing.T) {
	ctx := context.Background()
	s := openWebTemp(t)
	old := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	recent := old.AddDate(0, 0, 40)
	require.NoError(t, s.AppendTranscript(ctx, "a", "web", "", "resident", "old question", old))
	require.NoError(t, s.AppendTranscript(ctx, "b", "web", "", "resident", "new question", recent))

	n, err := s.PurgeTranscripts(ctx, recent.AddDate(0, 0, -30))
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	a, err := s.Transcript(ctx, "a")
	require.NoError(t, err)
	assert.Empty(t, a)
	b, err := s.Transcript(ctx, "b")
	require.NoError(t, err)
	assert.Equal(t, []string{"resident: new question"}, b)
}
