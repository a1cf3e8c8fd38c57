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
	"github.com/privacybot/privacybot/internal/redact"
)

// scriptOn is script on a channel other than the web.
func scriptOn(t *testing.T, bot *conversation.Bot, channel, session, org string, lines []line) conversation.Reply {
	t.Helper()
	var last conversation.Reply
	for i, l := range lines {
		rep, err := bot.Reply(context.Background(), conversation.Turn{Session: session, Channel: channel, Org: org, Text: l.says, MessageID: fmt.Sprintf("%s/%d", session, i)})
		require.NoError(t, err, "line %d: %q", i, l.says)
		session = rep.Session
		l.check(t, i, rep)
		last = rep
	}
	return last
}

// "what do you hold about me", answered, offers the copy on every channel with a queue: the
// intake took it everywhere before it was answered, and Slack, Discord and the CLI dropped it.
func TestWhatIsHeldIsOfferedOnEveryChannel(t *testing.T) {
	for _, channel := range []string{"slack", "discord", "cli"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		scriptOn(t, bot, channel, channel+"-held", "Milton Keynes", []line{
			{says: "what info does customer services hold about me", kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request — Right of access"}},
			{says: "yes", kind: conversation.KindIntake, contains: []string{"full name"}},
		})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	scriptOn(t, bot, "phone", "desk-held", "Milton Keynes", []line{
		{says: "what info does customer services hold about me", kind: conversation.KindAnswer, contains: []string{"log it with /request access"}},
	})
	// Staff asking how a request is made are answered only, as before.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	scriptOn(t, bot, "slack", "slack-how", "Milton Keynes", []line{
		{says: "how do I make a subject access request?", kind: conversation.KindAnswer, lacks: []string{"If you'd like to make this request"}},
	})
}

// A question naming another council, asked at a step of one council's request, is answered for
// that council as it would be outside the request, and the step asked again (a QA pass: "who is
// the DPO for bucks?" during a Milton Keynes request was "not answered" by Milton Keynes's notices).
func TestAnotherCouncilsQuestionMidRequest(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "who is the DPO for bucks?", kind: conversation.KindIntake, contains: []string{"Buckinghamshire Council", "Maria Damigos", "still open", "contact you"}, lacks: []string{"don't answer that"}},
		{says: "who is the DPO for MK?", kind: conversation.KindIntake, contains: []string{"01908 254900", "still open"}},
		{says: "jane@example.com", kind: conversation.KindIntake, contains: []string{"service"}},
	})
	// A chat of one council answers as it does outside a request: whose contact to use instead.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "who is the DPO for bucks?", kind: conversation.KindIntake, contains: []string{"For Buckinghamshire Council, contact", "Maria Damigos", "still open"}, lacks: []string{"don't answer that"}},
	})
}

// A council mistyped at the council step is taken as the council it looks like, said back; the
// name and the service said beside it are kept, not only the e-mail (a review).
func TestAMistypedCouncilAndTheDetailsBesideIt(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "miltn keynes", kind: conversation.KindIntake, contains: []string{`I've taken "miltn keynes" as Milton Keynes City Council`, "full name"}},
	})
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "miltn keynes, I am Jane Smith, jane@example.com, about my employment support", kind: conversation.KindIntake,
			contains: []string{"Milton Keynes City Council", "what would you like"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Jane Smith", last.Intake.Fields["name"])
	assert.Equal(t, "employment support", last.Intake.Fields["service"])
	assert.Equal(t, "Milton Keynes City Council", last.Intake.Fields["organisation"])
	// A name typed a step early is still no council.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "Sandra Okafor", kind: conversation.KindIntake, contains: []string{"looks like a name"}},
	})
}

// A service only one council's notices cover says which council the request is for: it is said,
// not asked (a QA pass asked "Which council?" of employment support, Milton Keynes's alone).
func TestAServiceOfOneCouncilSaysWhichCouncil(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my employment support records", kind: conversation.KindIntake,
			contains: []string{"Only Milton Keynes City Council's privacy notices cover employment support", "full name"}, lacks: []string{"Which council"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
	})
	script(t, bot, "", []line{
		{says: "I want a copy of my housing records", kind: conversation.KindIntake, contains: []string{"Which council"}},
	})
}

// A contact is stored without the words leading to it: "send it to 22 Queensway" is written to
// "22 Queensway" (a review found "postal: send it to 22 Queensway" on a case).
func TestAContactIsStoredWithoutItsLeadIn(t *testing.T) {
	for says, want := range map[string]string{
		"send it to 22 Queensway":            "22 Queensway",
		"my address is 22 Queensway":         "22 Queensway",
		"post it to 22 Queensway, Bletchley": "22 Queensway, Bletchley",
		"email me at jane@example.com":       "jane@example.com",
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"full name"}},
			{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
			{says: says, kind: conversation.KindIntake, contains: []string{"service"}},
		})
		require.NotNil(t, last.Intake)
		assert.Equal(t, want, last.Intake.Fields["contact"], says)
	}
}

// A right changed twice keeps what was said with the first change (a review: "the tenancy ended
// in 2019" was lost on the second change, though "any details given stay").
func TestARightChangedTwiceKeepsWhatWasSaid(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "I want a copy of my housing file", kind: conversation.KindIntake, contains: []string{"Which council"}},
		{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "actually I would rather you delete my housing file, the tenancy ended in 2019", kind: conversation.KindIntake, contains: []string{"Right to erasure"}},
		{says: "Jane Smith", kind: conversation.KindIntake, contains: []string{"contact"}},
		{says: "jane@example.com", kind: conversation.KindIntake},
		{says: "actually I want you to correct my housing file instead", kind: conversation.KindIntake, contains: []string{"Right to rectification"}},
	})
	require.NotNil(t, last.Intake)
	desc := last.Intake.Fields["description"]
	assert.Contains(t, desc, "the tenancy ended in 2019")
	assert.Contains(t, desc, "correct my housing file")
	assert.Equal(t, 1, strings.Count(desc, "(Changed during the chat"), desc)
	assert.Contains(t, desc, `first asked as Right of access (a copy of your data), in the words "I want a copy of my housing file"`)
}

// "yes" to the copy offered on an answer from one council's notices alone takes the request for
// that council, said so, not asked "Which council?" (a review).
func TestYesAfterOneCouncilsAnswerTakesThatCouncil(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "what info does customer services hold about me", kind: conversation.KindAnswer, contains: []string{"Customer services team privacy notice", "If you'd like to make this request"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"The answer was from Milton Keynes City Council's privacy notices", "full name"}, lacks: []string{"Which council"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "Milton Keynes City Council", last.Intake.Fields["organisation"])
}

// A question that points to no council is asked which, whichever notices answered it.
func TestYesAfterAnAnswerOfNoCouncilAsked(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "what do you hold about me?", kind: conversation.KindAnswer, contains: []string{"If you'd like to make this request"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Which council"}},
	})
}

// The request to keep an address confidential, taken after the complaint that it was let out,
// says what it asks, not the complaint's words; its excerpt begins where the conversation did,
// not in the complaint's steps; and the helpline the bot gave keeps its number (a review).
func TestTheConfidentialityRequestAfterTheComplaintSaysWhatItAsks(t *testing.T) {
	bot, q := newBot(t, gapsNow)
	bot.Redact = redact.Text // as the service redacts: phone numbers too
	script(t, bot, "Buckinghamshire", []line{
		{says: "my abuser found out where I live from a council letter", kind: conversation.KindSafeguarding, contains: []string{"0808 2000 247"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint", "full name"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
		{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"DPO-2026-000001", "keep your address confidential"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}},
		{says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 2)
	kept := cases[1]
	assert.Equal(t, "objection", string(kept.Type))
	assert.Contains(t, kept.Description, "keep my address confidential")
	assert.Contains(t, kept.Description, "DPO-2026-000001")
	assert.NotContains(t, kept.Description, "my abuser found out where I live")
	assert.True(t, strings.HasPrefix(kept.Excerpt, "Resident: my abuser found out where I live"), kept.Excerpt)
	for _, c := range cases {
		assert.Contains(t, c.Excerpt, "Helpline on 0808 2000 247", c.Ref)
		assert.NotContains(t, c.Excerpt, "jo@example.com", c.Ref)
	}
}
