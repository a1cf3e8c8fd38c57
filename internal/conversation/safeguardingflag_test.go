package conversation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// A request from a conversation in which the chat gave the safeguarding contacts is flagged on
// the case, as its note says, so the queue, its filter and the export show it (a QA pass found
// the warning only inside the case's text); the flag holds nothing of what was said. A form sent
// from such a chat is flagged too; one from another, or none, is not.
func TestARequestFromAChatThatReadARiskIsFlagged(t *testing.T) {
	const note = "Note from the chat: " + dpo.SafeguardingNote
	now := time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		lines []line
		want  bool
	}{
		{"a danger told mid-request", []line{
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"},
			{says: "he's threatening me and I'm scared he'll find where I live", kind: conversation.KindSafeguarding},
			{says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted}}, true},
		{"a danger told before the request", []line{
			{says: "my ex is threatening to kill me", kind: conversation.KindSafeguarding},
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"},
			{says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted}}, true},
		{"no danger", []line{
			{says: "I want a copy of my data"}, {says: "Sam Hill"}, {says: "sam@example.com"}, {says: "skip"},
			{says: "my council tax file"}, {says: "yes", kind: conversation.KindSubmitted}}, false},
	} {
		bot, q := newBot(t, now)
		script(t, bot, "Milton Keynes", tc.lines)
		cases := q.cases()
		require.Len(t, cases, 1, tc.name)
		assert.Equal(t, tc.want, cases[0].Safeguarding, tc.name)
		assert.Equal(t, tc.want, strings.HasPrefix(cases[0].Description, note), "%s: flagged as its note says", tc.name)
	}

	bot, q := newBot(t, now)
	first := script(t, bot, "Milton Keynes", []line{{says: "my ex is threatening to kill me", kind: conversation.KindSafeguarding}})
	for i, session := range []string{first.Session, ""} {
		_, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: "Jo Bloggs",
			Contact: "jo@example.org", Description: "my housing file", Channel: "web", Session: session, IdempotencyKey: fmt.Sprintf("form-%d", i)})
		require.NoError(t, err)
	}
	cases := q.cases()
	require.Len(t, cases, 2)
	assert.True(t, cases[0].Safeguarding, "a form from the chat that gave the contacts")
	assert.False(t, cases[1].Safeguarding, "a form from no chat")
	flagged, err := q.List(context.Background(), dpo.Filter{Safeguarding: true})
	require.NoError(t, err)
	require.Len(t, flagged, 1)
	assert.Equal(t, cases[0].Ref, flagged[0].Ref)
}

// Someone who may be an abuser finding where the resident lives, told with no word of fear, gets
// the safeguarding contacts first ("my husband keeps finding my address" was taken as a request
// to keep the address confidential, with no word of them), and the confidentiality request is
// still offered, and taken on a "yes", flagged.
func TestAnAbuserFindingTheirAddressGetsTheSafeguardingReply(t *testing.T) {
	for _, says := range []string{"my husband keeps finding my address", "my ex keeps turning up at my new flat, how does he know where I live"} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{{says: says, kind: conversation.KindSafeguarding, contains: []string{"Domestic Abuse Helpline"},
				lacks: []string{"It sounds like you want to make a request"}}})
		})
	}
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "my husband keeps finding my address", kind: conversation.KindSafeguarding, contains: []string{"Domestic Abuse Helpline", "keep your address confidential"}},
		{says: "yes", kind: conversation.KindIntake}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "objection", string(cases[0].Type))
	assert.True(t, cases[0].Safeguarding)
}

// A message only the model took for urgent is answered too when it asks something, even as "if
// …, will you …?" without a question mark: "if I report a neighbour in confidence will you tell
// them it was me" got the safeguarding contacts alone (a QA pass).
func TestALessCertainAlarmOnAConditionalQuestionAnswersItToo(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Classify = func(string) rights.Intent { return rights.Intent{Type: rights.None, Safeguarding: true, ByModel: true} }
	for says, answered := range map[string]bool{
		"if I report a neighbour in confidence will you tell them it was me": true,
		"when I ring the council do they record the call":                    true,
		"if he finds out where I live I don't know what I'll do":             false,
		"my neighbour keeps shouting at me in the street":                    false,
	} {
		rep := script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindSafeguarding, contains: []string{"Call the safeguarding team."}}})
		assert.Equal(t, answered, strings.Contains(rep.Answer.Answer, "And to what you asked"), says)
	}
}
