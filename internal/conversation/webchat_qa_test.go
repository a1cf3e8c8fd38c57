package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// A QA pass of residents on the web chat: a message of danger that asks for the address to be
// kept from someone gets the safeguarding reply first, and then the offer to keep the address
// confidential, which "yes" starts ("my husband keeps finding my new address, …" was filed as a
// request to correct records; "can you hide my address from my ex" had no offer).
func TestDangerAndAHiddenAddressGetTheReplyAndTheOffer(t *testing.T) {
	for _, says := range []string{
		"my husband keeps finding my new address, i need you to not give it out to anyone, im scared",
		"im fleeing domestic violence, can you hide my address from my ex",
		// said without asking (a later QA pass: the safeguarding reply alone)
		"my husband keeps finding my new address, im scared",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindSafeguarding,
					contains: []string{"call 999", "Domestic Abuse Helpline", "keep your address confidential", `say "yes"`},
					lacks:    []string{"Right to rectification"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object", "full name"}},
				{says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"}, {says: "as above"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.RequestType("objection"), cases[0].Type)
		})
	}
	// Without danger, the same wish starts the request to keep the address confidential.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "can you hide my address please", kind: conversation.KindIntake, contains: []string{"Right to object", "full name"}, lacks: []string{"Right to rectification"}},
	})
}

// "i want to correct my records" starts a request to correct them, and the details ("my date of
// birth is wrong") go with it (a QA pass filed both as a request for a copy).
func TestCorrectingMyRecordsStartsARectification(t *testing.T) {
	for _, says := range []string{"i want to correct my records", "i want to update my records"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"want to make a request: Right to rectification", "full name"}},
				{says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
				{says: "my date of birth is wrong, it should be 12 March 1985", kind: conversation.KindIntake, contains: []string{"Right to rectification", "yes / no"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.RequestType("rectification"), cases[0].Type)
		})
	}
}

// Offered to take a request, a reply naming a council, with a yes or alone, takes it for that
// council (a QA pass: "yes for milton keynes" was answered as a question and the request lost,
// "yes please, bucks" was asked "Which council?" again, "MK" alone was answered).
func TestACouncilSaidToAnOfferTakesItForThatCouncil(t *testing.T) {
	for says, council := range map[string]string{
		"yes for milton keynes":        "Milton Keynes City Council",
		"yes please, bucks":            "Buckinghamshire Council",
		"yes, buckinghamshire council": "Buckinghamshire Council",
		"MK":                           "Milton Keynes City Council",
		"bucks":                        "Buckinghamshire Council",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{
				{says: "can i get a copy of my data", kind: conversation.KindAnswer, contains: []string{`say "yes" to start it`}},
				{says: says, kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}, lacks: []string{"Which council", "don't answer that"}},
				{says: "Kate Hill"}, {says: "kate@example.com"}, {says: "skip"},
				{says: "everything", contains: []string{"Council: " + council}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, council, cases[0].Organisation)
		})
	}
	// Anything more than a yes and a council is read as it stands.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "can i get a copy of my data", kind: conversation.KindAnswer},
		{says: "no thanks", kind: conversation.KindHelp, contains: []string{"I haven't made a request"}},
	})
}

// A relative's records asked for with their circumstances ("my nan is in a care home") are
// offered, for someone else, and "yes" starts it (a QA pass offered nothing, and "yes" was told to
// ask about the notices).
func TestARelativesRecordsAskedWithTheirCircumstancesAreOffered(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "my nan is in a care home, can i get her records", kind: conversation.KindAnswer,
			contains: []string{"for someone else", "proof that you may act for them", `say "yes" to start it`}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"a copy of their data", "full name"}, lacks: []string{"Go ahead"}},
		{says: "Kate Hill", kind: conversation.KindIntake, contains: []string{"what is their name?"}},
	})
}

// "do i need id to get my data" is answered, with the notices' words on proving who you are, and
// the request offered (a QA pass started the request instead).
func TestWhatARequestNeedsIsAnsweredAndOffered(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "do i need id to get my data", kind: conversation.KindAnswer,
			contains: []string{"proof of identity", "Right of access", `say "yes" to start it`}, lacks: []string{"What is your full name?"}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right of access", "full name"}},
	})
	assert.Empty(t, q.cases())
}
