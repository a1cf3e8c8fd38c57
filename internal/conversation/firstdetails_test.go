package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// The person a request is for, named in its first message, is taken, shown in the summary and not
// asked for again (a web QA pass: "… mum is Margaret Jenkins, she's given me permission" was
// asked who the request is for).
func TestThePersonNamedInTheFirstMessageIsNotAskedAgain(t *testing.T) {
	for _, tc := range []struct{ says, who string }{
		{"I want a copy of my mum's social care records, mum is Margaret Jenkins, she's given me permission", "Margaret Jenkins"},
		{"I'd like to see the records you hold on my dad, his name is John Smith, I have power of attorney", "John Smith"},
		{"Can I get a copy of my mum Margaret Jenkins's records please", "Margaret Jenkins"},
		{"I want a copy of my son's data. My son's name is Arjun Patel", "Arjun Patel"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", []line{
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"the person it's for as " + tc.who, "full name"}},
				{says: "Sandra Okafor", kind: conversation.KindIntake, contains: []string{"contact"}, lacks: []string{"what is their name"}},
				{says: "sandra@example.com", kind: conversation.KindIntake},
			})
			require.NotNil(t, last.Intake)
			assert.Equal(t, tc.who, last.Intake.Fields["on_behalf_of"])
			assert.Equal(t, "Sandra Okafor", last.Intake.Fields["name"])
			_ = q
		})
	}
}

// The service or services a first message names are taken, shown in the summary, and the service
// question skipped (a web QA pass: "… for council tax and parking" was asked the service again).
func TestTheServiceNamedInTheFirstMessageIsNotAskedAgain(t *testing.T) {
	for _, tc := range []struct{ says, service string }{
		{"I want to see what you hold on me for council tax and parking", "council tax and parking"},
		{"Please send me a copy of my housing records", "housing"},
		{"I'd like all the data you have about me from council tax, housing benefit and planning", "council tax, housing benefit and planning"},
		{"I want a copy of my mum's social care records, mum is Margaret Jenkins, she's given me permission", "social care"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			lines := []line{{says: tc.says, kind: conversation.KindIntake, contains: []string{"the service as " + tc.service}}, {says: "Sandra Okafor"}}
			if tc.service == "social care" {
				lines = append(lines[:1], line{says: "Sandra Okafor", contains: []string{"contact"}})
			}
			lines = append(lines,
				line{says: "sandra@example.com", kind: conversation.KindIntake, contains: []string{"what would you like the council to do"}, lacks: []string{"Which council service"}},
				line{says: "everything", kind: conversation.KindIntake, contains: []string{"- Service: " + tc.service, "Shall I send"}},
				line{says: "yes", kind: conversation.KindSubmitted})
			script(t, bot, "Milton Keynes", lines)
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, tc.service, cases[0].Service)
		})
	}
	// A service said wrongly in it is corrected as any is.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want to see what you hold on me for council tax and parking", kind: conversation.KindIntake},
		{says: "Sandra Okafor"}, {says: "sandra@example.com"},
		{says: "actually the service is just parking", kind: conversation.KindIntake, contains: []string{"I've changed the service to"}},
		{says: "everything", contains: []string{"- Service: "}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Contains(t, q.cases()[0].Service, "parking")
	assert.NotContains(t, q.cases()[0].Service, "council tax")
	// A message naming no service is asked for one.
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data", kind: conversation.KindIntake, lacks: []string{"the service as"}},
		{says: "Sandra Okafor"},
		{says: "sandra@example.com", contains: []string{"Which council service"}},
	})
}

// A service the first message says the request is not (only) about is not taken for it.
func TestAServiceTheFirstMessageRulesOutIsNotTaken(t *testing.T) {
	for _, says := range []string{"I want a copy of all my data, not just housing", "Please send me everything you hold apart from parking"} {
		bot, _ := newBot(t, qaNow)
		script(t, bot, "Milton Keynes", []line{
			{says: says, kind: conversation.KindIntake, lacks: []string{"the service as"}},
			{says: "Sandra Okafor"},
			{says: "sandra@example.com", contains: []string{"Which council service"}},
		})
	}
}
