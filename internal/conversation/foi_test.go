package conversation_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
)

// Someone wanting to make a Freedom of Information request is told what one is, that the bot
// can't take it, and who handles a request for their own data: "I want to make a freedom of
// information request" quoted the data protection rights as if it were one (a QA pass). A
// question about FOI that a notice may answer is answered as any other.
func TestAWishToMakeAnFOIRequestIsExplained(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"I want to make a freedom of information request", "how do i make an FOI request about the council budget",
		"FOI request - how much did the council spend on consultants?", "can I get the bin contract under the Freedom of Information Act?",
		"can I use freedom of information to get my own records", "whats the difference between a subject access request and a freedom of information request",
		"SAR or FOI?", "should I do a SAR or an FOI", "FOI vs SAR", "is a SAR the same as an FOI?", "what is FOI", "what's a freedom of information request", "is FOI free"} {
		script(t, bot, "Milton Keynes", []line{{says: says, contains: []string{"A Freedom of Information request asks for information the council holds about its work",
			"I can't take one here", "subject access request", "01908 254900"}, lacks: []string{"Right to rectification", "You have various rights"}}})
		ans, err := bot.Ask(context.Background(), answer.Question{Text: says, Organisation: "Milton Keynes City Council"})
		require.NoError(t, err)
		assert.True(t, ans.Abstained, says)
		assert.Contains(t, ans.Answer, "I can't take one here", says)
	}
	assert.Empty(t, q.cases(), "no request is started")
	// Questions of what such a request reveals (a review: "do FOI requests reveal …" matched "do … FOI").
	for _, says := range []string{"will my name be released under FOI?", "do FOI requests reveal who made a complaint?",
		"can my neighbour get my complaint under FOI?", "could someone see my planning comments under freedom of information?",
		"will you publish my name if I submit an FOI?"} {
		script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"asks for information the council holds about its work"}}})
	}
}

// A council whose own notice is about Freedom of Information requests answers from it.
func TestAnFOINoticeAnswersHowToMakeOne(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Answerer = foiNotice{}
	ans, err := bot.Ask(context.Background(), answer.Question{Text: "how do I make an FOI request?"})
	require.NoError(t, err)
	assert.Equal(t, "Email foi@example.gov.uk [1]", ans.Answer)
}

// foiNotice answers every question from a council's Freedom of Information notice.
type foiNotice struct{}

func (foiNotice) Answer(_ context.Context, q answer.Question) (answer.Answer, error) {
	return answer.Answer{Question: q.Text, Answer: "Email foi@example.gov.uk [1]", Citations: []answer.Citation{{N: 1,
		Title: "Freedom of Information requests privacy notice", Section: "How to ask", Excerpt: "Email foi@example.gov.uk"}}}, nil
}
