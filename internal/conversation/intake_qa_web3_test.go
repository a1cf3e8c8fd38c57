package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A question asked at the summary is answered from the notices (or told they don't answer it),
// and the confirmation asked again; the request is not changed, and a "yes" then sends it (a web
// QA pass: "is this going to cost me anything?" got "Please answer yes…").
func TestAQuestionAtTheSummaryIsAnswered(t *testing.T) {
	for _, asks := range []string{
		"is this going to cost me anything?",
		"will I have to pay for this?",
		"how long do you keep my request?",
	} {
		t.Run(asks, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "skip"),
				line{says: "all of it", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
				line{says: asks, kind: conversation.KindIntake, contains: []string{"still open", "Shall I send this to the data protection team? (yes / no)"},
					lacks: []string{"Please answer yes"}},
				line{says: "yes", kind: conversation.KindSubmitted}))
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "I want a copy of my data\nall of it", cases[0].Description, "the question is no detail")
		})
	}
}

// More of what the request is for, typed at the summary, is added to the details and the summary
// shown again, so the "yes" that follows sends it (a QA pass: "all of it, including the referral
// from his school in 2024" got "Please answer yes…", and the "yes" sent the case without it). A
// word that says nothing ("hmm") is still asked about.
func TestMoreDetailsAtTheSummaryAreAddedToThem(t *testing.T) {
	const more = "all of it, including the referral from his school in 2024"
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "can i get a copy of what childrens services have on my son? hes 12. his name is Leo Grant"},
		{says: "yes"}, {says: "Rachel Grant"}, {says: "07700900111"},
		{says: "his social care file", contains: []string{"Shall I send"}},
		{says: "hmm", kind: conversation.KindIntake, lacks: []string{"added that to the details"}},
		{says: more, kind: conversation.KindIntake, contains: []string{"I've added that to the details.", more, "Shall I send this to the data protection team? (yes / no)"},
			lacks: []string{"Please answer yes"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Contains(t, cases[0].Description, "his social care file\n"+more)
}

// A resident back from a break mid-request ("hi", "sorry I'm back") is told the request is still
// open and asked the step's question again; the greeting is no answer to it (a web QA pass: "hi"
// at the contact step got "That doesn't look like an e-mail address…").
func TestAGreetingMidRequestAsksTheStepAgain(t *testing.T) {
	for _, says := range []string{"hi", "hello", "I'm back", "sorry I'm back", "Hi again!", "ok I'm back now, sorry about that"} {
		t.Run("at the contact step: "+says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "", ""),
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "how should the data protection team contact you"},
					lacks: []string{"doesn't look like"}},
				line{says: "sandra@example.com", kind: conversation.KindIntake, contains: []string{"service"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, "sandra@example.com", last.Intake.Fields["contact"])
			assert.Empty(t, q.cases())
		})
	}
	for _, tc := range []struct {
		name  string
		lines []line
		says  string
		asks  string
	}{
		{"at the name step", upTo("I want a copy of my data", "", "", ""), "hello", "full name"},
		{"at the service step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", ""), "hi, sorry I'm back", "which council service"},
		{"at the details step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), "hiya", "what would you like the council to do"},
		{"at the summary", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "skip"), line{says: "all of it"}), "I'm back", "Shall I send this"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(tc.lines,
				line{says: tc.says, kind: conversation.KindIntake, contains: []string{"still open", tc.asks}, lacks: []string{"Please answer yes"}}))
			require.NotNil(t, last.Intake)
			assert.NotContains(t, last.Intake.Fields["name"], tc.says, "the greeting is no name")
			assert.NotContains(t, last.Intake.Fields["service"], tc.says)
			assert.NotContains(t, last.Intake.Fields["description"], tc.says)
			assert.Empty(t, q.cases())
		})
	}
}

// "I started a request earlier but the page closed, can I carry on?" in a new conversation is
// told that a request is sent only once confirmed, so that one was not, and that nothing of it
// is kept to carry on; how to start again; and, if it was sent and has a reference, how to ask
// where it stands (a web QA pass: a hedged list of rights).
func TestAnUnfinishedRequestAskedAboutInANewConversation(t *testing.T) {
	for _, says := range []string{
		"I started a request earlier but the page closed, can I carry on?",
		"i was halfway through making a request and my browser crashed, can I continue it?",
		"Hi, I began filling in a subject access request before but lost the chat. Can I pick up where I left off?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", []line{
				{says: says, contains: []string{"wasn't sent", "start again", "what's happening with my request?", "reference"},
					lacks: []string{"The notices may not answer", "Right of access (to receive"}},
			})
			assert.Empty(t, q.cases())
		})
	}
	// Naming the right, "yes" starts it again.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I started a request for a copy of my data earlier but the page closed, can I carry on?",
			kind: conversation.KindHelp, contains: []string{"wasn't sent", "say \"yes\""}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}},
	})
	// Naming none, the right is asked for, and said it starts.
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I started a request earlier but the page closed, can I carry on?", kind: conversation.KindHelp, contains: []string{"what you'd like"}},
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}},
	})
	// In the same conversation, the request under way is still open, and its question asked again.
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "", ""),
		line{says: "sorry the page closed, can I carry on?", kind: conversation.KindIntake,
			contains: []string{"still open", "how should the data protection team contact you"}, lacks: []string{"looks like a question"}}))
}
