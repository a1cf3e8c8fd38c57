package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A way of dropping the request followed by why ("nah leave it actually, I'll email them
// myself") cancels it at any step, as the bare "nah leave it" does (a web QA pass: at the contact
// step it was "That doesn't look like an e-mail address…", and so was the "yes" after it).
func TestACancelWithAReasonCancelsAtAnyStep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []line
		says  string
	}{
		{"at the contact step", upTo("I want a copy of my data", "Sandra Okafor", "", ""), "nah leave it actually, I'll email them myself"},
		{"at the name step", upTo("I want a copy of my data", "", "", ""), "leave it, I'll do it another time"},
		{"at the service step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", ""), "no scrap that, don't bother"},
		{"at the details step", upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"), "ok forget that, I'll ring them tomorrow"},
		{"at the summary", toSummary("I want a copy of my data", "Sandra Okafor", "sandra@example.com"),
			"nah leave it then, I'll contact the council myself thanks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(tc.lines,
				line{says: tc.says, kind: conversation.KindCancelled, contains: []string{"cancelled"}},
				line{says: "yes", lacks: []string{"doesn't look like an e-mail address"}}))
			assert.Empty(t, q.cases())
		})
	}
	// Dropping one thing to say another is no cancel.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra@example.com", "housing"),
		line{says: "scrap that, I want the housing file", kind: conversation.KindIntake, contains: []string{"Shall I send"}}))
}

// A correction of the contact said at "Which council?" changes it, as at any other step; a bare
// contact there is not taken for one. The old address is in no field of the case (a web QA pass:
// the correction was answered "I need to know which council…", and the old address kept).
func TestAContactCorrectedAtTheCouncilStep(t *testing.T) {
	for _, says := range []string{
		"oh sorry wrong email, it's sandra_okafor@yahoo.co.uk with an underscore",
		"sorry the email is wrong, it should be sandra_okafor@yahoo.co.uk",
		"the email I gave you has a typo, it's sandra_okafor@yahoo.co.uk",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
				{says: "sandra.okafor@yahoo.co.uk", kind: conversation.KindIntake, contains: []string{"noted your contact details", "Which council"}},
				{says: says, kind: conversation.KindIntake, contains: []string{"I've changed the contact to sandra_okafor@yahoo.co.uk", "Which council"},
					lacks: []string{"I need to know which council"}},
				{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
				{says: "Sandra Okafor", kind: conversation.KindIntake, contains: []string{"service"}},
				{says: "skip"},
				{says: "everything", contains: []string{"Contact: sandra_okafor@yahoo.co.uk"}, lacks: []string{"sandra.okafor@"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "sandra_okafor@yahoo.co.uk", cases[0].Requester.Contact.Value)
			assert.NotContains(t, cases[0].Description, "sandra.okafor@", "the old address is no detail")
		})
	}
	// Corrected to the other address given with it, the request has one address, not two.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Sandra Okafor", "sandra.okafor@yahoo.co.uk or sandra_okafor@yahoo.co.uk", "skip"),
		line{says: "sorry the email is wrong, it should be sandra_okafor@yahoo.co.uk", contains: []string{"I've changed the contact"}},
		line{says: "everything", contains: []string{"Contact: sandra_okafor@yahoo.co.uk"}, lacks: []string{"Also given"}},
		line{says: "yes", kind: conversation.KindSubmitted}))
	require.Len(t, q.cases(), 1)
	assert.NotContains(t, q.cases()[0].Description, "yahoo", "no address in the details")

	// A contact alone at "Which council?", when the request has one, is read as it was.
	bot, _ = newBot(t, qaNow)
	last := script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "sandra.okafor@yahoo.co.uk", kind: conversation.KindIntake},
		{says: "sandra_okafor@yahoo.co.uk", kind: conversation.KindIntake, contains: []string{"Which council"}, lacks: []string{"I've changed"}},
	})
	require.NotNil(t, last.Intake)
	assert.Equal(t, "sandra.okafor@yahoo.co.uk", last.Intake.Fields["contact"])
}

// A name corrected in the message that gives the contact is corrected, and the contact taken
// with what is said of it (a web QA pass: the phone was taken, the name stayed "Jess", and the
// correction went into the details).
func TestANameCorrectedWithTheContact(t *testing.T) {
	for _, tc := range []struct{ says, name, contact, note string }{
		{"sorry my name is actually Jessica Moore not Jess. phone me on 07700 900456 but only text dont call", "Jessica Moore", "07700 900456", "only text dont call"},
		{"oh wait my name should be Jessica Moore. my email is jess.moore@example.com", "Jessica Moore", "jess.moore@example.com", ""},
		{"Jessica Moore not Jess, sorry. 07700 900456, text only please", "Jessica Moore", "07700 900456", "text only"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jess", "", ""),
				line{says: tc.says, kind: conversation.KindIntake, contains: []string{"Jessica Moore", "service"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, tc.name, last.Intake.Fields["name"])
			assert.Equal(t, tc.contact, last.Intake.Fields["contact"])
			assert.NotContains(t, last.Intake.Fields["description"], "my name", "the correction is no detail")
			assert.NotContains(t, last.Intake.Fields["description"], "Jessica", "the correction is no detail")
			if tc.note != "" {
				assert.Contains(t, last.Intake.Fields["description"], tc.note, "how to contact them, kept")
			}
			_ = q
		})
	}
}

// "can I get a copy of my data please, I live in High Wycombe" is a request, for the council of
// the place said (a web QA pass answered it with a sentence about cookies); and at "Which
// council?", a person's name is not taken for a place ("I don't know which council's area Sandra
// Okafor is in").
func TestAPoliteRequestWithWhereTheyLive(t *testing.T) {
	for _, tc := range []struct{ says, council string }{
		{"can I get a copy of my data please, I live in High Wycombe", "Buckinghamshire Council"},
		{"could I get a copy of my records please? I live in Aylesbury", "Buckinghamshire Council"},
		{"can I get all the data you hold about me please, I'm in Bletchley", "Milton Keynes City Council"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}, lacks: []string{"Which council", "cookie"}},
				{says: "Sandra Okafor", kind: conversation.KindIntake, contains: []string{"contact"}},
				{says: "sandra@example.com"}, {says: "skip"},
				{says: "everything", contains: []string{"Council: " + tc.council}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, tc.council, q.cases()[0].Organisation)
		})
	}
	for _, name := range []string{"Sandra Okafor", "Jessica Moore", "David Pritchard"} {
		t.Run(name, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: "I want a copy of my data", kind: conversation.KindIntake, contains: []string{"Which council"}},
				{says: name, kind: conversation.KindIntake, contains: []string{"Which council"}, lacks: []string{"area " + name, "area of " + name}},
				{says: "Milton Keynes", kind: conversation.KindIntake, contains: []string{"full name"}},
			})
		})
	}
	// A place the bot doesn't know is still asked about as a place.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake},
		{says: "Leighton Buzzard", kind: conversation.KindIntake, contains: []string{"I don't know which council's area Leighton Buzzard is in"}},
	})
}

// A plain question at the details step is answered from the notices and the step asked again;
// it is not added to the request (a web QA pass: "what happens to a complaint, will the ICO be
// told?" became the complaint's details, and the summary was shown).
func TestAQuestionAtTheDetailsStepIsAnswered(t *testing.T) {
	for _, says := range []string{
		"what happens to a complaint, will the ICO be told?",
		"will the ICO be told about my complaint?",
		"who will see my complaint?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("you sent my file to the wrong address, that's a data breach, I want to complain", "Sandra Okafor", "sandra@example.com", "housing"),
				line{says: says, kind: conversation.KindIntake, contains: []string{"still open", "what would you like the council to do?"}, lacks: []string{"Shall I send"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, conversation.StepDescription, last.Intake.Step)
			assert.NotContains(t, last.Intake.Fields["description"], says)
		})
	}
	// Sent again, as the reply to one the notices don't answer suggests, it is the details.
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("you sent my file to the wrong address, I want to complain", "Sandra Okafor", "sandra@example.com", "housing"),
		line{says: "who will see my complaint?", kind: conversation.KindIntake, contains: []string{"don't answer that", "still open"}},
		line{says: "who will see my complaint?", kind: conversation.KindIntake, contains: []string{"Shall I send", "who will see my complaint?"}}))
	// What they want, or what went wrong, said with a question mark, is still the details.
	for _, says := range []string{"can you send me everything about my housing benefit claim?", "why did you send my file to my ex?"} {
		bot, _ = newBot(t, qaNow)
		script(t, bot, "Milton Keynes", append(upTo("you sent my file to the wrong address, I want to complain", "Sandra Okafor", "sandra@example.com", "housing"),
			line{says: says, kind: conversation.KindIntake, contains: []string{"Shall I send", says}}))
	}
}

// A follow-up right after the chat's answer about itself stays about the chat, when its own
// notice answers it (a web QA pass: "how long do you keep it?" was answered from the councils'
// notices).
func TestAFollowUpAboutTheChatStaysAboutTheChat(t *testing.T) {
	for _, tc := range []struct{ first, then, want string }{
		{"what do you do with what I type here?", "how long do you keep it?", "for 30 days"},
		{"is this chat recorded?", "who can see it?", "data protection team"},
		{"what do you do with what I type here?", "and can you delete it?", "after 30 days"},
	} {
		t.Run(tc.then, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			bot.Chat = conversation.ChatFacts{TranscriptDays: 30}
			script(t, bot, "", []line{
				{says: tc.first, kind: conversation.KindHelp, contains: []string{"How this chat uses your information"}},
				{says: tc.then, kind: conversation.KindHelp, contains: []string{tc.want, "How this chat uses your information"}},
			})
		})
	}
	// A follow-up that names what it asks about is about that.
	bot, _ := newBot(t, qaNow)
	bot.Chat = conversation.ChatFacts{TranscriptDays: 30}
	script(t, bot, "", []line{
		{says: "what do you do with what I type here?", kind: conversation.KindHelp},
		{says: "what about my council tax records, how long do you keep them?", lacks: []string{"How this chat uses your information"}},
	})
	// After another answer, the same words ask about the councils' records.
	bot, _ = newBot(t, qaNow)
	bot.Chat = conversation.ChatFacts{TranscriptDays: 30}
	script(t, bot, "", []line{
		{says: "do you keep my council tax records?"},
		{says: "how long do you keep it?", lacks: []string{"How this chat uses your information"}},
	})
}
