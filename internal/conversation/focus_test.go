package conversation_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
)

// noticeAnswerer answers from two notices of one council: each question gets the answer its
// script gives for the notice it is asked of ("" for every notice), and every question asked is
// recorded.
type noticeAnswerer struct {
	script map[string]map[string]answer.Answer // question's first word → notice → answer
	asked  []answer.Question
}

func (f *noticeAnswerer) Answer(_ context.Context, q answer.Question) (answer.Answer, error) {
	f.asked = append(f.asked, q)
	first := strings.ToLower(strings.Fields(q.Text)[0])
	if a, ok := f.script[first][q.NoticeID]; ok && q.Organisation == "" {
		return a, nil
	}
	if q.Organisation != "" {
		return answer.Answer{Abstained: true, Answer: q.Organisation + "'s notices don't say: ask its DPO.", Citations: []answer.Citation{}}, nil
	}
	return answer.Answer{Abstained: true, Answer: "The notices don't say: ask any council's DPO.", Citations: []answer.Citation{}}, nil
}

func quoting(text string, notices ...string) answer.Answer {
	a := answer.Answer{Answer: text}
	for i, n := range notices {
		a.Citations = append(a.Citations, answer.Citation{N: i + 1, Notice: n, Organisation: "Quenbury City Council"})
	}
	return a
}

func hedged(a answer.Answer) answer.Answer { a.Hedged = true; return a }

// A follow-up is asked first of the notice the conversation's last answer quoted: after the
// landlord register, "how long does it stay up?" is about the register, not about how long the
// council's other notice keeps webcasts.
func TestFollowUpIsAskedOfTheNoticeInFocus(t *testing.T) {
	tests := []struct {
		name        string
		focused     answer.Answer // the follow-up's answer from the notice in focus
		wide        answer.Answer // its answer from every notice
		want        string
		askedWidely bool
	}{
		{"the notice in focus answers", quoting("for as long as the licence is in force", "hmo"), quoting("webcasts stay 6 months", "meetings"),
			"for as long as the licence is in force", false},
		{"it doesn't: every notice is asked", answer.Answer{Abstained: true, Answer: "no", Citations: []answer.Citation{}}, quoting("webcasts stay 6 months", "meetings"),
			"webcasts stay 6 months", true},
		{"unsure there, a sure answer elsewhere wins", hedged(quoting("maybe the register", "hmo")), quoting("webcasts stay 6 months", "meetings"),
			"webcasts stay 6 months", true},
		{"unsure everywhere, the notice in focus's closest passage stays", hedged(quoting("maybe the register", "hmo")), hedged(quoting("maybe webcasts", "meetings", "hmo")),
			"maybe the register", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &noticeAnswerer{script: map[string]map[string]answer.Answer{
				"what": {"": quoting("the register shows your name", "hmo", "hmo")},
				"how":  {"hmo": tt.focused, "": tt.wide},
			}}
			sessions := conversation.NewSessions(time.Hour)
			bot := &conversation.Bot{Answerer: f, Classify: rights.Classify, Sessions: sessions}
			first, err := bot.Reply(context.Background(), conversation.Turn{Text: "what does the landlord register show?"})
			require.NoError(t, err)
			rep, err := bot.Reply(context.Background(), conversation.Turn{Session: first.Session, Text: "how long does it stay up?"})
			require.NoError(t, err)
			assert.Equal(t, tt.want, rep.Answer.Answer)
			require.GreaterOrEqual(t, len(f.asked), 2)
			assert.Equal(t, "hmo", f.asked[1].NoticeID, "the follow-up is asked of the notice in focus first")
			assert.Equal(t, tt.askedWidely, len(f.asked) == 3, "asked of every notice too: %v", f.asked)
		})
	}
}

// A question of its own is asked of every notice, whatever the conversation quoted before.
func TestNewQuestionIsAskedOfEveryNotice(t *testing.T) {
	f := &noticeAnswerer{script: map[string]map[string]answer.Answer{
		"what": {"": quoting("the register shows your name", "hmo")},
		"do":   {"": quoting("meetings are webcast", "meetings")},
	}}
	bot := &conversation.Bot{Answerer: f, Classify: rights.Classify, Sessions: conversation.NewSessions(time.Hour)}
	first, err := bot.Reply(context.Background(), conversation.Turn{Text: "what does the landlord register show?"})
	require.NoError(t, err)
	_, err = bot.Reply(context.Background(), conversation.Turn{Session: first.Session, Text: "do you film council meetings and put them online?"})
	require.NoError(t, err)
	require.Len(t, f.asked, 2)
	assert.Empty(t, f.asked[1].NoticeID)
}

// A follow-up no notice answers gets the contact of the council whose notice the conversation is
// about, not every council's.
func TestUnansweredFollowUpGivesTheContactOfTheCouncilInFocus(t *testing.T) {
	f := &noticeAnswerer{script: map[string]map[string]answer.Answer{
		"what": {"": quoting("the register shows your name", "hmo")},
	}}
	bot := &conversation.Bot{Answerer: f, Classify: rights.Classify, Sessions: conversation.NewSessions(time.Hour)}
	first, err := bot.Reply(context.Background(), conversation.Turn{Text: "what does the landlord register show?"})
	require.NoError(t, err)
	rep, err := bot.Reply(context.Background(), conversation.Turn{Session: first.Session, Text: "and is it on the telly?"})
	require.NoError(t, err)
	assert.True(t, rep.Answer.Abstained)
	assert.Equal(t, "Quenbury City Council's notices don't say: ask its DPO.", rep.Answer.Answer)

	// A question of its own that no notice answers is not taken for one about that council.
	rep, err = bot.Reply(context.Background(), conversation.Turn{Session: first.Session, Text: "do you publish councillors' expenses online?"})
	require.NoError(t, err)
	assert.Equal(t, "The notices don't say: ask any council's DPO.", rep.Answer.Answer)
}

// "what about Milton Keynes?" after a question about Buckinghamshire asks that question of Milton
// Keynes: the council changes, not the topic ("how long do you keep Milton Keynes").
func TestFollowUpNamingOnlyACouncilAsksTheQuestionBeforeOfIt(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how long do you keep complaint records, bucks?", kind: conversation.KindAnswer},
		{says: "what about milton keynes?", kind: conversation.KindAnswer, contains: []string{"6 years", "Customer services"}, lacks: []string{"Employment Support"}},
	})
}

// "same with Bucks?" after an answer from a Milton Keynes notice, in a chat scoped to no
// council, asks Buckinghamshire's notices: it is not refused as if the chat were Milton Keynes's.
func TestAFollowUpNamingAnotherCouncilLeavesTheNoticeInFocus(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "", []line{
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
		{says: "same with Bucks?", kind: conversation.KindAnswer, lacks: []string{"answering from Milton Keynes City Council's notices only"}},
	})
	for _, c := range last.Citations {
		assert.NotEqual(t, "Milton Keynes Council", c.Organisation, "no Milton Keynes fact for a Buckinghamshire question")
	}
}

// A resident who says where they live or how to reach them before asking is asked the question:
// the notices that answer it without the introduction answer it with one.
func TestAnIntroductionDoesntHideTheQuestion(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Redact = redact.Text // the names and addresses are the ones the bot's redactor finds
	for _, says := range []string{"I live in Bletchley. do you share my data with the police?",
		"Hello. This is Mrs O'Neill-Brown from Woburn Sands. Do you share my data with the police?",
		"my mobile is 07700 900321. do you share my data with the police?",
		"Kwame Mensah here. do you share my data with the police?", "Mr Ahmed Khan asking: do you share my data with the police?",
		"i'm ahmed khan, do you share my data with the police?", "I live on Elm Grove in Bletchley, do you share my data with the police?",
		// The question after the comma asks, with or without its "?" (a QA pass: abstained).
		"i'm from bletchley, do you share my data with the police", "im a newport pagnell resident, do you share my data with the police",
		"I'm from Bletchley - do you share my data with the police?", "Bletchley resident, do you share my data with the police?",
		"I'm in Olney, do you share my data with the police?"} {
		plain := script(t, bot, "Milton Keynes", []line{{says: "do you share my data with the police?", kind: conversation.KindAnswer}})
		require.False(t, plain.Abstained)
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindAnswer, lacks: []string{"don't answer that"}}})
	}
}

// A message naming only what it is about ("my data", "privacy") is asked what the person would
// like: searched, "my data" got "the privacy notices don't answer that" with every council's
// contact, and "my records" one service's retention periods, as if that had been asked (a QA pass).
func TestATopicAloneIsAskedWhatTheyWouldLike(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, org := range []string{"Milton Keynes", ""} {
		for _, says := range []string{"my data", "My personal information please", "privacy", "info?", "my records", "Re: my details", "data", "my data URGENT", "my data asap"} {
			last := script(t, bot, org, []line{{says: says, kind: conversation.KindHelp,
				contains: []string{"What would you like to know about your data", "Who do you share my information with?", "a copy of"},
				lacks:    []string{"don't answer that", "years"}}})
			assert.Empty(t, last.Citations, says)
		}
	}
	// Saying anything of it is a question or a request, as before.
	script(t, bot, "Milton Keynes", []line{{says: "my data is wrong", lacks: []string{"What would you like to know about your data"}}})
	script(t, bot, "Milton Keynes", []line{{says: "how long do you keep my records?", kind: conversation.KindAnswer, lacks: []string{"What would you like"}}})
	script(t, bot, "Milton Keynes", []line{{says: "delete my data", kind: conversation.KindIntake}})
}

// Asked for the privacy notices themselves ("where is ur privacy notice"), the bot lists those
// it answers from, the conversation's council's only when it has one, and where the chat's own
// notice is: searched, it got "the privacy notices don't answer that" (a QA pass).
func TestThePrivacyNoticesAreListedWhenAskedFor(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Notices = []conversation.NoticeTitle{
		{Title: "Privacy policy", Organisation: "Buckinghamshire Council", Source: "https://www.buckinghamshire.gov.uk/privacy"},
		{Title: "Customer services team privacy notice", Organisation: "Milton Keynes Council"},
	}
	for _, says := range []string{"where is ur privacy notice", "privacy policy", "Can I read the council's privacy notice?", "show me your privacy notices please"} {
		last := script(t, bot, "", []line{{says: says, kind: conversation.KindHelp,
			contains: []string{"I answer from these privacy notices", "• Privacy policy — Buckinghamshire Council: https://www.buckinghamshire.gov.uk/privacy",
				"• Customer services team privacy notice — Milton Keynes Council", "How this chat uses your information"},
			lacks: []string{"don't answer that"}}})
		assert.Empty(t, last.Citations, says)
	}
	script(t, bot, "Buckinghamshire", []line{{says: "privacy notice", kind: conversation.KindHelp,
		contains: []string{"Privacy policy — Buckinghamshire Council"}, lacks: []string{"Milton Keynes"}}})
	// A question about what a notice says is a question.
	script(t, bot, "Milton Keynes", []line{{says: "what does the privacy notice say about complaints?", kind: conversation.KindAnswer,
		lacks: []string{"I answer from these privacy notices"}}})
}

// A message that only gives the writer's name, or their name and address, when no request step
// asks for them, is asked what they would like: searched, the redacted name was answered with the
// notices' lists of what they hold (• “Name” [1], a QA pass), and the details are not said back.
// Asked for at a request's name step, a name is taken as before.
func TestANameAloneIsAskedWhatTheyWouldLike(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Redact = redact.Text // the names and addresses are the ones the bot's redactor finds
	for _, org := range []string{"Milton Keynes", ""} {
		for _, says := range []string{"John Smith", "Priya Shah", "Priya Shah, 12 elm rd mk6", "my name is John Smith", "Hi, I'm Priya Shah",
			"Priya Shah, 12 Elm Road, Bletchley"} {
			last := script(t, bot, org, []line{{says: says, kind: conversation.KindHelp,
				contains: []string{"What would you like to know or ask for?", "uses your data", "a copy of"},
				lacks:    []string{"Name", "Smith", "Priya", "Shah", "elm rd", "Elm Road", "don't answer that"}}})
			assert.Empty(t, last.Citations, says)
		}
	}
	// Mid-chat, after a question, the same.
	script(t, bot, "Milton Keynes", []line{
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
		{says: "Priya Shah, 12 elm rd mk6", kind: conversation.KindHelp, contains: []string{"What would you like to know or ask for?"}, lacks: []string{"Priya", "elm rd", "6 years"}},
	})
	// A name with a question is the question; a topic in capitals is no name.
	script(t, bot, "Milton Keynes", []line{{says: "John Smith. Who is the data protection officer?", kind: conversation.KindAnswer, lacks: []string{"What would you like"}}})
	script(t, bot, "Milton Keynes", []line{{says: "Council Tax", lacks: []string{"What would you like"}}})
	// At a request's name step, the name is the answer.
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"full name"}},
		{says: "Priya Shah", kind: conversation.KindIntake, contains: []string{"contact"}, lacks: []string{"What would you like"}},
	})
	assert.Equal(t, "Priya Shah", last.Intake.Fields["name"])
	assert.Empty(t, q.cases())
}

// A council named only in the sentence that introduces the asker still says whose notices to ask:
// "I live in Bucks." before a question Milton Keynes's notices answer and Buckinghamshire's don't
// gets Buckinghamshire's "don't answer that", not Milton Keynes's facts.
func TestTheCouncilOfAnIntroductionScopesTheQuestion(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Redact = redact.Text
	for _, says := range []string{"I live in Bucks. How long do you keep complaint records?", "I live in Buckinghamshire. how long do you keep complaint records?",
		// A town of the council's area says it too (organisations.yaml's places).
		"i live in aylesbury, how long do you keep complaint records", "I'm from High Wycombe. How long do you keep complaint records?"} {
		last := script(t, bot, "", []line{{says: says, lacks: []string{"6 years"}}})
		for _, c := range last.Citations {
			assert.NotEqual(t, "Milton Keynes Council", c.Organisation, says)
		}
	}
}

// A follow-up the notice in focus answers only unsure is not answered instead from a notice out
// of date that seems sure: after complaint records, "who do they share it with" quoted the 2018
// website statement's "we do not pass on any of your personal information" (a QA pass), over the
// customer services notice's list of recipients.
func TestAFollowUpPrefersTheNoticeInFocusToAnOutOfDateOne(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "how long does Milton Keynes keep complaint records?", contains: []string{"6 years"}},
		{says: "who do they share it with", contains: []string{"Customer services team privacy notice", "Who we share information with"}, lacks: []string{"17 May 2018"}},
	})
}

// A name the notices publish (the DPO's) typed alone is asked about, not taken for the resident's
// own name: the bot's redactor keeps published names (redact.Keeping, as the service wires it),
// and a lower-case full name typed alone is the resident's (a review: untested with the
// production redactor).
func TestAPublishedNameAloneIsAskedAbout(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	bot.Redact = redact.Keeping([]string{"Maria Damigos"}, redact.Text)
	script(t, bot, "Buckinghamshire", []line{{says: "Maria Damigos", lacks: []string{"What would you like to know or ask for?"}}})
	script(t, bot, "Milton Keynes", []line{{says: "john smith", kind: conversation.KindHelp, contains: []string{"What would you like to know or ask for?"}, lacks: []string{"john", "smith"}}})
}
