package conversation_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// The chat's name and service steps take what the request form's fields take, and say the limit
// when a reply is over it (a QA pass: a 240-character name was told only "Please give your
// name", and a 250-character service was kept, which the form refuses).
func TestTheChatsStepsSayTheFormsLimits(t *testing.T) {
	longName := strings.Repeat("Abcdefghi ", 23) + "Abcdefghij" // 240 characters
	longService := strings.Repeat("housing ", 31) + "xx"        // 250 characters
	require.Len(t, []rune(longName), 240)
	require.Len(t, []rune(longService), 250)

	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: longName, kind: conversation.KindIntake, contains: []string{"a name can be at most 200 characters, and that has 240", "full name"}},
		{says: "Tom Hart", contains: []string{"contact"}},
		{says: "tom@example.com", contains: []string{"service"}},
		{says: longService, kind: conversation.KindIntake, contains: []string{"it can be at most 200 characters, and that has 250", "service"}},
		{says: "council tax", contains: []string{"what would you like"}},
		{says: "my council tax account", contains: []string{"Service: council tax"}},
		{says: "the service is " + longService, kind: conversation.KindIntake, contains: []string{"it can be at most 200 characters", "Service: council tax"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Tom Hart", cases[0].Requester.Name)
	assert.Equal(t, "council tax", cases[0].Service)
}
