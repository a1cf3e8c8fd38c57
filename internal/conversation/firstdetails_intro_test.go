package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// "I want to see my data, I'm John Carter, john.carter@example.com" as the first message gives the
// name and the contact: a QA pass asked for both again, and kept them only in the details.
func TestNameAndContactAfterTheRequestInTheFirstMessage(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want to see my data, I'm John Carter, john.carter@example.com", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, lacks: []string{"full name", "How should the data protection team contact you"}},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Name: John Carter", "john.carter@example.com"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "John Carter", q.cases()[0].Requester.Name)
	assert.Equal(t, "john.carter@example.com", q.cases()[0].Requester.Contact.Value)
}
