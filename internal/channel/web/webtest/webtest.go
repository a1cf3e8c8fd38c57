// Package webtest is the contract suite for the stores behind the web channel: dashboard users,
// their sign-in sessions and searches, and redacted transcripts. internal/sqlite and internal/postgres run the same tests, so the two
// behave alike. It imports testify and the transcript record; never a store or a database
// driver (the caller hands it an opened store).
package webtest

import (
	"context"
	"fmt"
	"io/fs"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/transcript"
)

// Store is what the web channel and the users command need of a store.
type Store interface {
	AddUser(ctx context.Context, name string, hash []byte, orgs []string, at time.Time) error
	LookupUser(ctx context.Context, name string) (hash []byte, orgs []string, err error)
	Users(ctx context.Context) ([]dpo.User, error)
	RemoveUser(ctx context.Context, name string) error
	AppendTranscript(ctx context.Context, session, channel, org, role, text string, at time.Time) error
	AppendTranscripts(ctx context.Context, entries []transcript.Entry) error
	Transcript(ctx context.Context, session string) ([]string, error)
	PurgeTranscripts(ctx context.Context, before time.Time) (int64, error)
	TranscriptsSince(ctx context.Context, since time.Time) ([]transcript.Entry, error)
	CreateDashSession(ctx context.Context, tokenHash, user, csrf string, created, expires time.Time) error
	DashSession(ctx context.Context, tokenHash string) (user, csrf string, expires time.Time, err error)
	DeleteDashSession(ctx context.Context, tokenHash string) error
	PurgeDashSessions(ctx context.Context, before time.Time) (int64, error)
	SaveDashSearch(ctx context.Context, id, tokenHash, term string, expires time.Time) error
	DashSearch(ctx context.Context, id, tokenHash string) (term string, expires time.Time, err error)
}

// Run runs the suite; open must return an empty store that lives until the test ends.
func Run(t *testing.T, open func(t *testing.T) Store) {
	t.Run("Users", func(t *testing.T) { testUsers(t, open(t)) })
	t.Run("TranscriptBatchKeepsOrder", func(t *testing.T) { testBatch(t, open(t)) })
	t.Run("PurgeTranscripts", func(t *testing.T) { testPurge(t, open(t)) })
	t.Run("TranscriptsSinceKeepWhatTheBotDid", func(t *testing.T) { testTranscriptsSince(t, open(t)) })
	t.Run("DashSessions", func(t *testing.T) { testDashSessions(t, open(t)) })
	t.Run("RemovingAUserEndsTheirSessions", func(t *testing.T) { testRemoveUserEndsSessions(t, open(t)) })
	t.Run("DashSearchesAreTheirSessions", func(t *testing.T) { testDashSearches(t, open(t)) })
	t.Run("DashSearchesGoWithTheirSession", func(t *testing.T) { testDashSearchesEnd(t, open(t)) })
}

// A search typed in the dashboard's Find box is read back only by the session that made it.
func testDashSearches(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.CreateDashSession(ctx, "mine", "dpo", "c", at, at.Add(8*time.Hour)))
	require.NoError(t, s.CreateDashSession(ctx, "theirs", "other", "c", at, at.Add(8*time.Hour)))
	require.NoError(t, s.SaveDashSearch(ctx, "search-1", "mine", "Priya Sharma", at.Add(time.Hour)))
	require.NoError(t, s.SaveDashSearch(ctx, "search-2", "mine", "07700 900123", at.Add(time.Hour)))
	assert.Error(t, s.SaveDashSearch(ctx, "search-1", "mine", "Zoë", at.Add(time.Hour)), "an id already in use")
	assert.Error(t, s.SaveDashSearch(ctx, "search-3", "no-such-session", "Zoë", at.Add(time.Hour)),
		"a search belongs to a session")

	term, expires, err := s.DashSearch(ctx, "search-1", "mine")
	require.NoError(t, err)
	assert.Equal(t, "Priya Sharma", term)
	assert.True(t, expires.Equal(at.Add(time.Hour)), "expires %s", expires)
	term, _, err = s.DashSearch(ctx, "search-2", "mine")
	require.NoError(t, err)
	assert.Equal(t, "07700 900123", term)

	_, _, err = s.DashSearch(ctx, "search-1", "theirs")
	assert.ErrorIs(t, err, fs.ErrNotExist, "another session's search")
	_, _, err = s.DashSearch(ctx, "no-such-search", "mine")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// A search is kept no longer than its own expiry or its session: signing out, the session's
// expiry and the user's removal each delete it (and a session made again with the same hash
// doesn't find it).
func testDashSearchesEnd(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.AddUser(ctx, "dpo", []byte("hash"), []string{"*"}, at))
	for _, h := range []string{"signs-out", "expires", "removed", "stays"} {
		user, expires := "other", at.Add(8*time.Hour)
		switch h {
		case "expires":
			expires = at.Add(-time.Minute)
		case "removed":
			user = "dpo"
		}
		require.NoError(t, s.CreateDashSession(ctx, h, user, "c", at.Add(-time.Hour), expires))
		require.NoError(t, s.SaveDashSearch(ctx, h+"-search", h, "Priya Sharma", at.Add(time.Hour)))
	}
	require.NoError(t, s.SaveDashSearch(ctx, "stale-search", "stays", "David Pritchard", at.Add(-time.Second)))

	require.NoError(t, s.DeleteDashSession(ctx, "signs-out"))
	n, err := s.PurgeDashSessions(ctx, at)
	require.NoError(t, err)
	assert.Equal(t, int64(1), n, "one session expired")
	require.NoError(t, s.RemoveUser(ctx, "dpo"))

	for _, h := range []string{"signs-out", "expires", "removed"} {
		require.NoError(t, s.CreateDashSession(ctx, h, "other", "c", at, at.Add(8*time.Hour)))
		_, _, err := s.DashSearch(ctx, h+"-search", h)
		assert.ErrorIs(t, err, fs.ErrNotExist, "the search of the session that %s is gone", h)
	}
	_, _, err = s.DashSearch(ctx, "stale-search", "stays")
	assert.ErrorIs(t, err, fs.ErrNotExist, "a search past its own expiry is purged")
	term, _, err := s.DashSearch(ctx, "stays-search", "stays")
	require.NoError(t, err, "a live session's live search stays")
	assert.Equal(t, "Priya Sharma", term)
}

func testDashSessions(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.CreateDashSession(ctx, "hash-a", "dpo", "csrf-a", at, at.Add(8*time.Hour)))
	require.NoError(t, s.CreateDashSession(ctx, "hash-b", "dpo", "csrf-b", at.Add(-9*time.Hour), at.Add(-time.Hour)))
	assert.Error(t, s.CreateDashSession(ctx, "hash-a", "other", "x", at, at.Add(time.Hour)), "a hash already in use")

	user, csrf, expires, err := s.DashSession(ctx, "hash-a")
	require.NoError(t, err)
	assert.Equal(t, "dpo", user)
	assert.Equal(t, "csrf-a", csrf)
	assert.True(t, expires.Equal(at.Add(8*time.Hour)), "expires %s", expires)
	_, _, _, err = s.DashSession(ctx, "no-such-hash")
	assert.ErrorIs(t, err, fs.ErrNotExist)

	n, err := s.PurgeDashSessions(ctx, at)
	require.NoError(t, err)
	assert.Equal(t, int64(1), n, "only the expired session is purged")
	_, _, _, err = s.DashSession(ctx, "hash-b")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	_, _, _, err = s.DashSession(ctx, "hash-a")
	assert.NoError(t, err, "the live session stays")

	require.NoError(t, s.DeleteDashSession(ctx, "hash-a"))
	_, _, _, err = s.DashSession(ctx, "hash-a")
	assert.ErrorIs(t, err, fs.ErrNotExist, "signed out")
	assert.NoError(t, s.DeleteDashSession(ctx, "hash-a"), "signing out twice is fine")
}

func testRemoveUserEndsSessions(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.AddUser(ctx, "dpo", []byte("hash"), []string{"*"}, at))
	require.NoError(t, s.AddUser(ctx, "other", []byte("hash"), []string{"*"}, at))
	for _, h := range []string{"laptop", "phone"} {
		require.NoError(t, s.CreateDashSession(ctx, h, "dpo", "c", at, at.Add(8*time.Hour)))
	}
	require.NoError(t, s.CreateDashSession(ctx, "theirs", "other", "c", at, at.Add(8*time.Hour)))

	require.NoError(t, s.RemoveUser(ctx, "dpo"))
	for _, h := range []string{"laptop", "phone"} {
		_, _, _, err := s.DashSession(ctx, h)
		assert.ErrorIs(t, err, fs.ErrNotExist, "%s signed out with the user", h)
	}
	user, _, _, err := s.DashSession(ctx, "theirs")
	require.NoError(t, err, "another user's session stays")
	assert.Equal(t, "other", user)
}

func testUsers(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.AddUser(ctx, "dpo", []byte("hash"), []string{"Milton Keynes City Council"}, at))
	require.NoError(t, s.AddUser(ctx, "admin", []byte("hash2"), []string{"*"}, at.Add(time.Hour)))
	assert.ErrorIs(t, s.AddUser(ctx, "dpo", []byte("x"), nil, at), fs.ErrExist, "a name already taken")

	hash, orgs, err := s.LookupUser(ctx, "dpo")
	require.NoError(t, err)
	assert.Equal(t, []byte("hash"), hash)
	assert.Equal(t, []string{"Milton Keynes City Council"}, orgs)
	_, _, err = s.LookupUser(ctx, "nobody")
	assert.ErrorIs(t, err, fs.ErrNotExist)

	us, err := s.Users(ctx)
	require.NoError(t, err)
	require.Len(t, us, 2)
	assert.Equal(t, "admin", us[0].Name, "listed by name")
	assert.True(t, us[0].Created.Equal(at.Add(time.Hour)), "created %s", us[0].Created)
	assert.Equal(t, "dpo", us[1].Name)

	require.NoError(t, s.RemoveUser(ctx, "dpo"))
	assert.ErrorIs(t, s.RemoveUser(ctx, "dpo"), fs.ErrNotExist)
	_, _, err = s.LookupUser(ctx, "dpo")
	assert.ErrorIs(t, err, fs.ErrNotExist, "a removed user can't sign in")
}

func testBatch(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	require.NoError(t, s.AppendTranscripts(ctx, nil), "an empty batch is no work")
	var batch []transcript.Entry
	var wantA, wantB []string
	for i := range 50 {
		session, want := "a", &wantA
		if i%3 == 0 {
			session, want = "b", &wantB
		}
		role := []string{"resident", "bot"}[i%2]
		text := fmt.Sprintf("line %d", i)
		batch = append(batch, transcript.Entry{Session: session, Channel: "web", Org: "Milton Keynes City Council",
			Role: role, Text: text, At: at.Add(time.Duration(i) * time.Second)})
		*want = append(*want, role+": "+text)
	}
	require.NoError(t, s.AppendTranscripts(ctx, batch))
	require.NoError(t, s.AppendTranscript(ctx, "a", "web", "", "resident", "after the batch", at.Add(time.Hour)))
	wantA = append(wantA, "resident: after the batch")

	a, err := s.Transcript(ctx, "a")
	require.NoError(t, err)
	assert.Equal(t, wantA, a)
	b, err := s.Transcript(ctx, "b")
	require.NoError(t, err)
	assert.Equal(t, wantB, b)
}

// The DPO's team lists what residents asked and what the bot did with it, from a date on.
func testTranscriptsSince(t *testing.T, s Store) {
	ctx := context.Background()
	old := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	recent := old.AddDate(0, 0, 40)
	in := []transcript.Entry{
		{Session: "a", Channel: "web", Role: "resident", Text: "old question", At: old},
		{Session: "a", Channel: "web", Role: "bot", Text: "old answer", At: old, Outcome: "answered"},
		{Session: "b", Channel: "web", Org: "Bucks", Role: "resident", Text: "how long is CCTV kept?", At: recent},
		{Session: "b", Channel: "web", Org: "Bucks", Role: "bot", Text: "The notices don't say.", At: recent, Outcome: "abstained"},
	}
	require.NoError(t, s.AppendTranscripts(ctx, in))
	got, err := s.TranscriptsSince(ctx, recent.Add(-time.Hour))
	require.NoError(t, err)
	require.Len(t, got, 2, "only the lines from then on")
	for i, e := range got {
		want := in[2+i]
		assert.True(t, want.At.Equal(e.At), "time %s", e.At)
		e.At = want.At
		assert.Equal(t, want, e)
	}
	all, err := s.TranscriptsSince(ctx, time.Time{})
	require.NoError(t, err)
	assert.Len(t, all, 4)
}

func testPurge(t *testing.T, s Store) {
	ctx := context.Background()
	old := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	recent := old.AddDate(0, 0, 40)
	require.NoError(t, s.AppendTranscripts(ctx, []transcript.Entry{
		{Session: "a", Channel: "web", Role: "resident", Text: "old question", At: old},
		{Session: "a", Channel: "web", Role: "bot", Text: "old answer", At: old.Add(time.Second)},
		{Session: "b", Channel: "web", Role: "resident", Text: "new question", At: recent},
	}))

	n, err := s.PurgeTranscripts(ctx, recent.AddDate(0, 0, -30))
	require.NoError(t, err)
	assert.Equal(t, int64(2), n)
	a, err := s.Transcript(ctx, "a")
	require.NoError(t, err)
	assert.Empty(t, a, "lines older than the cutoff are gone")
	b, err := s.Transcript(ctx, "b")
	require.NoError(t, err)
	assert.Equal(t, []string{"resident: new question"}, b, "recent lines stay")

	n, err = s.PurgeTranscripts(ctx, recent.AddDate(0, 0, -30))
	require.NoError(t, err)
	assert.Zero(t, n, "purging again finds nothing")
}
