package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An address spelt out with a name before "at" ("priya patel at gmail dot com") keeps the name:
// it was offered as patel@gmail.com, and a "yes" would have had the team write to a stranger (a
// QA pass). Whether the words are joined with a dot is not said, so both are offered and the
// resident says which; an address spelt out whole is offered as before.
func TestASpokenEmailKeepsTheNameBeforeAt(t *testing.T) {
	for _, tc := range []struct{ says, pick, want, offered, other string }{
		{"priya patel at gmail dot com", "the first", "priya.patel@gmail.com", "did you mean priya.patel@gmail.com or priyapatel@gmail.com?", ""},
		{"my email is priya patel at gmail dot com", "the second", "priyapatel@gmail.com", "did you mean priya.patel@gmail.com or priyapatel@gmail.com?", ""},
		{"john dot smith at yahoo dot co dot uk", "yes", "john.smith@yahoo.co.uk", "did you mean john.smith@yahoo.co.uk?", ""},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Priya Patel", "", ""),
				line{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.offered}, lacks: []string{"did you mean patel@"}},
				line{says: tc.pick, kind: conversation.KindIntake, contains: []string{tc.want, "service"}},
				line{says: "skip"},
				line{says: "all of it", contains: []string{"Contact: " + tc.want}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, tc.want, cases[0].Requester.Contact.Value)
		})
	}
}
