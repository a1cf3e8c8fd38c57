package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// An e-mail address with a slip in its domain ("tom@gmial.com") is a readable address, asked
// about, never one of the replies that are no address: said again it is asked about again, and
// a "yes" takes the address suggested, after a refused date too (a QA pass: "Sorry, I still can't
// read that as a way to reach you").
func TestAMistypedEmailIsAskedAboutNotCountedAsNoAddress(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before []string // what the resident says at the contact step before the address
		then   []string // what they say after "did you mean …?", the last taking the suggestion
	}{
		{"yes after a date", []string{"07/12/2026", "tom@gmial.com"}, []string{"yes"}},
		{"the address again, then yes, after a date", []string{"07/12/2026", "tom@gmial.com"}, []string{"tom@gmial.com", "yes"}},
		{"the address three times, then yes", []string{"tom@gmial.com"}, []string{"tom@gmial.com", "tom@gmial.com", "yes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			lines := upTo("I want a copy of my data", "Tom Hart", "", "")
			for _, says := range tc.before {
				lines = append(lines, line{says: says, kind: conversation.KindIntake})
			}
			lines[len(lines)-1].contains = []string{"did you mean tom@gmail.com?"}
			for _, says := range tc.then[:len(tc.then)-1] {
				lines = append(lines, line{says: says, kind: conversation.KindIntake, contains: []string{"tom@gmial.com looks like a slip", "did you mean tom@gmail.com?"}, lacks: []string{"still can't read"}})
			}
			lines = append(lines,
				line{says: tc.then[len(tc.then)-1], kind: conversation.KindIntake, contains: []string{"will contact you at tom@gmail.com", "service"}, lacks: []string{"still can't read"}},
				line{says: "skip"}, line{says: "my council tax records"},
				line{says: "yes", kind: conversation.KindSubmitted})
			script(t, bot, "Milton Keynes", lines)
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "tom@gmail.com"}, cases[0].Requester.Contact)
		})
	}
}
