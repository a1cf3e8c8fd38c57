package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

// A council named at the end of a request, after a clause about where something went, is the
// council asked: "Which council?" is not asked of it (a QA pass asked it, and the same sentence
// with the council first was taken). Records to be moved "to Bucks council" still name only
// where they go (TestCouncilsNamedInPassingAreNotTheRequestsCouncil).
func TestACouncilNamedAtTheEndIsTheRequestsCouncil(t *testing.T) {
	for says, council := range map[string]string{
		"I want a copy of what you passed to the police about me, Milton Keynes council":        "Milton Keynes City Council",
		"I want a copy of what you forwarded to the landlord about me, Buckinghamshire Council": "Buckinghamshire Council",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			first := script(t, bot, "", []line{{says: says, kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"Which council is this request for"}}})
			assert.Equal(t, council, first.Intake.Fields["organisation"])
		})
	}
	// And filed with it, flagged as the Part 3 request it may be.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of what you passed to the police about me, Milton Keynes council", lacks: []string{"Which council is this request for"}},
		{says: "Ben Carter"}, {says: "ben.carter@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Milton Keynes City Council", cases[0].Organisation)
	assert.Equal(t, dpo.LawEnforcementSuspected, cases[0].LawEnforcement)
}

// The town of the address a first message gives names the council, as "I live in Bletchley"
// does: the README's "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a
// copy of my data" is not asked "Which council?" (a QA pass), and the reply says which council it
// goes to, to be corrected. A council the message names comes first; an address in no council's
// area leaves the question asked.
func TestTheTownOfTheFirstMessagesAddressNamesItsCouncil(t *testing.T) {
	for _, tc := range []struct{ says, council, contact string }{
		{"My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data", "Milton Keynes City Council", "14 Oakridge Road, Bletchley, MK3 6AB"},
		{"I'm Priya Sharma, 12 Acacia Avenue, Aylesbury HP19 8FF, please delete my data", "Buckinghamshire Council", "12 Acacia Avenue, Aylesbury HP19 8FF"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"Your address is in " + tc.council + "'s area", "tell me if it's for another council", "service"},
					lacks: []string{"Which council is this request for"}},
				{says: "skip"}, {says: "as above", contains: []string{"Council: " + tc.council}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, tc.council, cases[0].Organisation)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: tc.contact}, cases[0].Requester.Contact)
		})
	}
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	named := script(t, bot, "", []line{{says: "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data from Buckinghamshire council",
		lacks: []string{"Which council is this request for", "Your address is in"}}})
	assert.Equal(t, "Buckinghamshire Council", named.Intake.Fields["organisation"])
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: "My name is Jo Bloggs, 3 High Street, Luton LU1 2AB, I want a copy of my data", contains: []string{"Which council is this request for"}}})
	// Said mid-request, "actually I meant Buckinghamshire" moves it there as ever.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data"},
		{says: "actually I meant Buckinghamshire", contains: []string{"changed the council to Buckinghamshire Council"}},
		{says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Buckinghamshire Council", q.cases()[0].Organisation)
}
