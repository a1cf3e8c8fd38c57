package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/dpo/dpotest"
)

// The cases filed before the safeguarding flag are flagged by the migration that adds it when
// their description opens with the chat's note (the chat read a risk to someone's safety); every
// other case keeps false, one that quotes the note further on too.
func TestMigrationFlagsTheCasesWhoseChatReadARisk(t *testing.T) {
	u := freshSchema(t)
	ctx := context.Background()
	s, err := Open(ctx, u)
	require.NoError(t, err)
	q := &dpo.Queue{Store: s, Now: func() time.Time { return dpotest.Date(t, "2026-03-02T10:05:00Z") }}
	submit := func(key, description string) string {
		sub := dpotest.Sample(dpotest.Date(t, "2026-03-02T10:00:00Z"), key)
		sub.Description = description
		c, err := q.Submit(ctx, sub)
		require.NoError(t, err)
		return c.Ref
	}
	warned := submit("warned", "Note from the chat: "+dpo.SafeguardingNote+"\nI want a copy of my housing file")
	warnedToo := submit("warned-too", "Note from the chat: "+dpo.SafeguardingNote+"\nNote from the chat: The council was corrected in the chat to Buckinghamshire Council; the request's first words name Milton Keynes City Council.\ndelete my data")
	calm := submit("calm", "I want a copy of my housing file")
	quoted := submit("quoted", "My friend's case said: Note from the chat: "+dpo.SafeguardingNote)
	// The database as it was before the flag: no column, the migration not yet applied.
	_, err = s.pool.Exec(ctx, `ALTER TABLE cases DROP COLUMN safeguarding`)
	require.NoError(t, err)
	_, err = s.pool.Exec(ctx, `DELETE FROM schema_migrations WHERE name = '0010_safeguarding.sql'`)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	s, err = Open(ctx, u)
	require.NoError(t, err)
	defer s.Close()
	for ref, want := range map[string]bool{warned: true, warnedToo: true, calm: false, quoted: false} {
		c, err := s.Get(ctx, ref)
		require.NoError(t, err)
		assert.Equal(t, want, c.Safeguarding, ref)
	}
}
