package conversation_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// residentLines are the resident's lines of a case's excerpt, in order.
func residentLines(excerpt string) []string {
	var said []string
	for _, l := range strings.Split(excerpt, "\n") {
		if rest, ok := strings.CutPrefix(l, "Resident: "); ok {
			said = append(said, rest)
		}
	}
	return said
}

// The excerpt a case keeps lists the resident's turns as they were said, redacted as it is, up
// to the "yes" that sent it. A "yes" that took up a request the chat offered was kept as a
// second copy of the question it answered (a web QA pass: DPO-2026-000010's excerpt repeated
// the first message where the resident said "yes"), and the confirming "yes" was left out.
func TestTheExcerptListsTheTurnsAsSaid(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []line
		want  []string
	}{
		{"a request offered, taken up with yes", []line{
			{says: "how do I make a subject access request?", kind: conversation.KindAnswer},
			{says: "yes", kind: conversation.KindIntake, contains: []string{"full name"}},
			{says: "Sandra Okafor"}, {says: "sandra@example.com"}, {says: "housing"}, {says: "my tenancy file"},
			{says: "yes", kind: conversation.KindSubmitted},
		}, []string{"how do I make a subject access request?", "yes", "[name]", "[contact]", "housing", "my tenancy file", "yes"}},
		{"a request offered, taken up with yes please", []line{
			{says: "how do I make a subject access request?", kind: conversation.KindAnswer},
			{says: "yes please", kind: conversation.KindIntake, contains: []string{"full name"}},
			{says: "Sandra Okafor"}, {says: "sandra@example.com"}, {says: "skip"}, {says: "skip"},
			{says: "yep", kind: conversation.KindSubmitted},
		}, []string{"how do I make a subject access request?", "yes please", "[name]", "[contact]", "skip", "skip", "yep"}},
		{"a request asked for", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: "Sandra Okafor"}, {says: "sandra@example.com"}, {says: "skip"}, {says: "all of it"},
			{says: "yes", kind: conversation.KindSubmitted},
		}, []string{"I want a copy of my data", "[name]", "[contact]", "skip", "all of it", "yes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", tc.lines)
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, tc.want, residentLines(cases[0].Excerpt), cases[0].Excerpt)
		})
	}

	// The second of two rights asked for in one message, taken up with "yes": its excerpt shows
	// the "yes", not the first message again.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data and then delete it", kind: conversation.KindIntake},
		{says: "Sandra Okafor"}, {says: "sandra@example.com"}, {says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to erasure"}},
		{says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	said := residentLines(cases[1].Excerpt)
	assert.Equal(t, 1, strings.Count(cases[1].Excerpt, "Resident: I want a copy of my data and then delete it"), cases[1].Excerpt)
	assert.Equal(t, []string{"yes", "yes", "skip", "skip", "yes"}, said[len(said)-5:])
}
