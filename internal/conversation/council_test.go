package conversation_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
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

// At "Which council?", a reply that names none is told what the step needs, with the councils by
// name (and as the step's options), not "Sorry, I didn't recognise that council" again and again;
// and what it gives of a later step (a full name, an e-mail address, an address whose town names
// the council) is kept, not asked for again (a QA pass: a name, an e-mail and "yes" looped).
func TestTheCouncilStepSaysWhatItNeedsAndKeepsWhatItIsGiven(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	ctx := context.Background()
	session := ""
	say := func(l line) conversation.Reply {
		t.Helper()
		rep, err := bot.Reply(ctx, conversation.Turn{Session: session, Channel: "web", Text: l.says, MessageID: l.says})
		require.NoError(t, err)
		session = rep.Session
		l.check(t, 0, rep)
		return rep
	}
	councils := "Buckinghamshire Council or Milton Keynes City Council"
	say(line{says: "I want a copy of my data", contains: []string{"Which council is this request for? (" + councils + ")"}})
	// A bare reply is read as a place (TestABareReplyAtTheCouncilStepIsAPlace); said as a name, it is kept.
	rep := say(line{says: "my name is Ben Carter", kind: conversation.KindIntake, contains: []string{"I've noted your name", "Which council is this request for?"},
		lacks: []string{"didn't recognise"}})
	assert.Equal(t, "Ben Carter", rep.Intake.Fields["name"])
	say(line{says: "ben@example.com", contains: []string{"noted your contact details", "Which council is this request for?"}})
	rep = say(line{says: "yes", kind: conversation.KindIntake, contains: []string{"I need to know which council holds the records", "town or village", "(" + councils + ")"},
		lacks: []string{"didn't recognise"}})
	assert.Equal(t, conversation.StepOrg, rep.Intake.Step)
	assert.Equal(t, []string{"Buckinghamshire Council", "Milton Keynes City Council"}, rep.Intake.Options)
	say(line{says: "Bucks", contains: []string{"service"}, lacks: []string{"full name", "contact you"}})
	say(line{says: "skip"})
	say(line{says: "my parking permit records", contains: []string{"Council: Buckinghamshire Council", "Name: Ben Carter", "Contact: ben@example.com"}})
	say(line{says: "yes", kind: conversation.KindSubmitted})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "Buckinghamshire Council", cases[0].Organisation)
	assert.Equal(t, "Ben Carter", cases[0].Requester.Name)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "ben@example.com"}, cases[0].Requester.Contact)

	// An address at the council step is the contact, and its town the council.
	bot, q = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data"},
		{says: "14 Oakridge Road, Bletchley, MK3 6AB", contains: []string{"noted your address as the contact", "The address is in Milton Keynes City Council's area", "full name"}},
		{says: "Ben Carter", contains: []string{"service"}},
		{says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Milton Keynes City Council", q.cases()[0].Organisation)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: "14 Oakridge Road, Bletchley, MK3 6AB"}, q.cases()[0].Requester.Contact)

	// A council this chat doesn't serve is no one's name: the chat says which it serves.
	for _, says := range []string{"Central Bedfordshire", "Luton Borough Council"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		last := script(t, bot, "", []line{{says: "I want a copy of my data"},
			{says: says, contains: []string{"I can send requests only to " + councils, "Which council is this request for?"}, lacks: []string{"noted"}}})
		assert.Empty(t, last.Intake.Fields["name"], says)
	}

	// An adviser's caller's name said with a contact is the requester's (a bare one is read as a
	// place: TestABareNameAtTheCouncilStepIsNoName).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := logged(t, bot, "", rights.Access, []line{{says: "Linda Croft, linda@example.com", contains: []string{"the requester's name as Linda Croft", "Which council"}}})
	assert.Equal(t, "Linda Croft", last.Intake.Fields["name"])
}

// A bare full name typed at "Which council?", by a resident or an adviser typing the caller's
// name as they hear it, is read as a place first: the council is asked again, with the councils
// to choose from, and the name is asked for at its own step, not taken unasked (an adviser's
// "Linda Croft", and "Hemel Hempstead" too, was filed as the caller's name).
func TestABareNameAtTheCouncilStepIsNoName(t *testing.T) {
	councils := "(Buckinghamshire Council or Milton Keynes City Council)"
	for _, says := range []string{"Linda Croft", "linda croft", "Mrs Linda Croft", "Sarah O'Brien.", "Hemel Hempstead"} {
		t.Run("adviser/"+says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			logged(t, bot, "", rights.Access, []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"Which council is this request for? " + councils, "I'll ask for the requester's name next"},
					lacks: []string{"noted", "your postcode"}},
				{says: "Milton Keynes", contains: []string{"What is the requester's full name?"}},
				{says: "Linda Croft", contains: []string{"contact the requester"}},
				{says: "linda@example.com"}, {says: "skip"}, {says: "her housing file"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, "Linda Croft", q.cases()[0].Requester.Name)
			assert.Equal(t, "Milton Keynes City Council", q.cases()[0].Organisation)
		})
		t.Run("resident/"+says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			last := script(t, bot, "", []line{
				{says: "I want a copy of my data"},
				{says: says, kind: conversation.KindIntake, contains: []string{"Which council is this request for? " + councils, "I'll ask for your name next"}, lacks: []string{"noted"}},
				{says: "Bucks", contains: []string{"What is your full name?"}},
			})
			assert.Empty(t, last.Intake.Fields["name"])
		})
	}
}

// At "Which council?", after "tell me the town or village you live in", a bare reply is a place,
// never the resident's name: "Stoke Mandeville" was noted as the name and the name step skipped
// (a QA pass). A place or postcode district of a council's area picks the council, said so; one
// the bot doesn't know, or one that straddles both councils (MK17), is asked about, with the
// councils to choose from; "the council" gets help choosing. None is told to cancel.
func TestABareReplyAtTheCouncilStepIsAPlace(t *testing.T) {
	bucks, mk := "Buckinghamshire Council", "Milton Keynes City Council"
	for _, tc := range []struct{ says, council, reply string }{
		{"Stoke Mandeville", bucks, "Stoke Mandeville is in Buckinghamshire Council's area"},
		{"Great Horwood", bucks, "Great Horwood is in Buckinghamshire Council's area"},
		{"Flackwell Heath", bucks, "is in Buckinghamshire Council's area"},
		{"hp20", bucks, "HP20 is in Buckinghamshire Council's area"},
		{"Walnut Tree", mk, "Walnut Tree is in Milton Keynes City Council's area"},
		{"Tattenhoe Park", mk, "is in Milton Keynes City Council's area"},
		{"Water Eaton", mk, "is in Milton Keynes City Council's area"},
		{"i live in fishermead", mk, "Fishermead is in Milton Keynes City Council's area"},
		{"i live in mk6", mk, "MK6 is in Milton Keynes City Council's area"},
		{"mk6", mk, "MK6 is in Milton Keynes City Council's area"},
		{"Leighton Buzzard", "", "I don't know which council's area Leighton Buzzard is in"},
		{"Hemel Hempstead", "", "I don't know which council's area Hemel Hempstead is in"},
		{"I live in Hemel Hempstead", "", "I don't know which council's area Hemel Hempstead is in"},
		{"mk17", "", "I don't know which council's area MK17 is in"},
		{"the council", "", "If you're not sure which is yours, tell me the town"},
		{"the city council", "", "If you're not sure which is yours, tell me the town"},
		{"the county council", "", "If you're not sure which is yours, tell me the town"},
		{"i live in the county", "", "If you're not sure which is yours, tell me the town"},
		{"Housing", "", "I need to know which council holds the records"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			last := script(t, bot, "", []line{
				{says: "i want a copy of my data"},
				{says: "dunno", contains: []string{"tell me the town or village you live in"}},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.reply},
					lacks: []string{"noted your name", "I can send requests only to", "cancel"}},
			})
			assert.Empty(t, last.Intake.Fields["name"])
			assert.Equal(t, tc.council, last.Intake.Fields["organisation"])
			if tc.council == "" {
				assert.Equal(t, conversation.StepOrg, last.Intake.Step)
				assert.Contains(t, last.Answer.Answer, "("+bucks+" or "+mk+")")
			} else {
				assert.Contains(t, last.Answer.Answer, "full name")
			}
		})
	}
	// The name is asked for next, and the case holds the place's council and the name given then.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "i want a copy of my data"}, {says: "dunno"}, {says: "Stoke Mandeville", contains: []string{"full name"}},
		{says: "Sam Patel", contains: []string{"contact"}}, {says: "sam@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, bucks, q.cases()[0].Organisation)
	assert.Equal(t, "Sam Patel", q.cases()[0].Requester.Name)
}

// A request that names its council says which council it will go to, as one whose council is
// read from an address or a place does, so that the resident can correct it there and then (a
// council named for another reason, or by a name the bot reads otherwise); "buckinghamshire
// council - delete my data" is a request too, not a question about erasure. A chat scoped to the
// council needs no such word.
func TestACouncilNamedInTheRequestIsSaidBack(t *testing.T) {
	bucks, mk := "Buckinghamshire Council", "Milton Keynes City Council"
	for _, tc := range []struct{ says, council string }{
		{"I want a copy of my data from Milton Keynes Council", mk},
		{"buckinghamshire council - delete my data", bucks},
		{"Bucks council: please delete my data", bucks},
		{"I want a copy of what you passed to the police about me, Milton Keynes council", mk},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"The request will go to " + tc.council + ": tell me if it's for another council.", "full name"},
					lacks: []string{"Which council is this request for"}},
				{says: "Ben Carter"}, {says: "ben.carter@example.com"}, {says: "skip"}, {says: "as above", contains: []string{"Council: " + tc.council}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, tc.council, q.cases()[0].Organisation)
		})
	}
	// Corrected at once, the request goes to the other council.
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "I want a copy of my data from Milton Keynes Council", contains: []string{"The request will go to " + mk}},
		{says: "sorry I meant Buckinghamshire", contains: []string{"changed the council to " + bucks, "full name"}},
		{says: "Ben Carter"}, {says: "ben.carter@example.com"}, {says: "skip"}, {says: "as above"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, bucks, q.cases()[0].Organisation)
	// A chat scoped to the council, and a council asked for later, are not said back this way.
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data from Milton Keynes Council", contains: []string{"full name"}, lacks: []string{"The request will go to"}}})
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{{says: "I want a copy of my data", lacks: []string{"The request will go to"}}})
}

// Asked their name just after giving the council, a resident who takes the council back ("sorry
// I meant Luton", "actually it's Central Bedfordshire", "sorry I meant Olney") is correcting the
// council: a place of a council's area moves the request there, as "I meant Milton Keynes" does;
// another council is told which councils the chat sends requests to, and the council is asked
// again. None of it is the name (a QA pass filed "I meant Luton" as the resident's name).
func TestACouncilTakenBackAtTheNameQuestionIsNoName(t *testing.T) {
	only := "Sorry, I can send requests only to Buckinghamshire Council or Milton Keynes City Council."
	for _, tc := range []struct {
		says     string
		contains []string
		step     string
		council  string
	}{
		{"sorry I meant Luton", []string{only, "For Luton, type \"cancel\"", "Which council is this request for?"}, conversation.StepOrg, ""},
		{"actually it's Central Bedfordshire", []string{only, "For Central Bedfordshire", "Which council is this request for?"}, conversation.StepOrg, ""},
		{"sorry I meant Luton Borough Council", []string{only, "For Luton,", "Which council is this request for?"}, conversation.StepOrg, ""},
		{"sorry I meant Olney", []string{"I've changed the council to Milton Keynes City Council (Olney is in its area)", "full name"}, conversation.StepName, "Milton Keynes City Council"},
		{"I meant Milton Keynes", []string{"I've changed the council to Milton Keynes City Council", "full name"}, conversation.StepName, "Milton Keynes City Council"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "", []line{
				{says: "I want a copy of my data"}, {says: "Buckinghamshire", contains: []string{"full name"}},
				{says: tc.says, kind: conversation.KindIntake, contains: tc.contains, lacks: []string{"contact you"}},
			})
			assert.Empty(t, last.Intake.Fields["name"])
			assert.Equal(t, tc.step, last.Intake.Step)
			assert.Equal(t, tc.council, last.Intake.Fields["organisation"])
		})
	}
	// A name said with the same words is still the name.
	for says, name := range map[string]string{"it's Jane Doe": "Jane Doe", "sorry it's Jane Hampshire": "Jane Hampshire"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: "Buckinghamshire"}, {says: says, contains: []string{"contact you"}}})
		assert.Equal(t, name, last.Intake.Fields["name"], says)
	}
	// Already the council: said back, nothing changed, and no name taken.
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: "Milton Keynes"},
		{says: "sorry I meant Olney", contains: []string{"Olney is in Milton Keynes City Council's area", "full name"}}})
	assert.Empty(t, last.Intake.Fields["name"])
}

// A postcode alone at "Which council?" says where the resident lives, as a town does: its
// district chooses the council when the council's places list it, and otherwise the council is
// asked; it is never the contact, which it cannot be written to (a QA pass: "MK46 4BB" was noted
// as the contact and no council chosen, while "MK3 6AB" chose Milton Keynes).
func TestABarePostcodeAtTheCouncilStepIsNoContact(t *testing.T) {
	for _, tc := range []struct{ says, council, contains string }{
		{"MK3 6AB", "Milton Keynes City Council", "MK3 6AB is in Milton Keynes City Council's area"},
		{"HP20 1UA", "Buckinghamshire Council", "HP20 1UA is in Buckinghamshire Council's area"},
		{"MK46 4BB", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"mk46 4bb", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"MK17 8AA", "", "I don't know which council's area MK17 8AA is in"},
		{"my postcode is mk17 8aa", "", "I don't know which council's area MK17 8AA is in"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "", []line{
				{says: "I want a copy of my data"},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.contains}, lacks: []string{"noted"}},
			})
			assert.Empty(t, last.Intake.Fields["contact"])
			assert.Equal(t, tc.council, last.Intake.Fields["organisation"])
			if tc.council != "" {
				return
			}
			assert.Equal(t, conversation.StepOrg, last.Intake.Step)
			// Asked, the resident says which, and the contact is still asked for.
			script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: tc.says},
				{says: "Milton Keynes", contains: []string{"full name"}}, {says: "Jane Doe", contains: []string{"contact you"}}})
		})
	}
}

// A request of a council the chat doesn't send requests to is told so first, with where to go,
// before "Which council?" is asked (a QA pass: "… from Luton council" was asked "Which council?"
// as though no council had been named). A council served, or none named, is not.
func TestARequestOfACouncilNotServedSaysSoFirst(t *testing.T) {
	only := "Sorry, I can send requests only to Buckinghamshire Council or Milton Keynes City Council."
	for says, other := range map[string]string{
		"I want a copy of my data from Luton council":                 "Luton",
		"please delete my data held by Central Bedfordshire Council":  "Central Bedfordshire",
		"I want my data from luton borough council":                   "Luton",
		"I'd like a copy of everything Luton Borough Council has got": "Luton",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			rep := script(t, bot, "", []line{{says: says, kind: conversation.KindIntake,
				contains: []string{only, "For " + other + ", type \"cancel\"", "Which council is this request for?"}}})
			assert.Less(t, strings.Index(rep.Answer.Answer, only), strings.Index(rep.Answer.Answer, "What happens next"), "said first")
		})
	}
	for _, says := range []string{"I want a copy of my data from my local council", "I want a copy of my council tax records",
		"I want a copy of my data from Milton Keynes council", "I want a copy of my data from Olney town council", "I want a copy of my data"} {
		bot, _ := newBot(t, qaNow)
		script(t, bot, "", []line{{says: says, kind: conversation.KindIntake, lacks: []string{"I can send requests only to"}}})
	}
}

// A name given with the place at "Which council?" ("Jane Doe, Olney", "Jane Doe from Olney"):
// the place's council, said so to be corrected, and the name, asked next anyway, noted to be
// corrected too (a QA pass: "Jane Doe, Olney" was asked "Which council?" again, and "Jane Doe
// from Olney" went to Milton Keynes unsaid, the name dropped).
func TestANameWithThePlaceAtTheCouncilStep(t *testing.T) {
	for _, tc := range []struct{ says, council, place, name string }{
		{"Jane Doe, Olney", "Milton Keynes City Council", "Olney", "Jane Doe"},
		{"Sarah Okafor, Aylesbury", "Buckinghamshire Council", "Aylesbury", "Sarah Okafor"},
		{"Jane Doe from Olney", "Milton Keynes City Council", "Olney", "Jane Doe"},
		{"Olney, Jane Doe", "Milton Keynes City Council", "Olney", "Jane Doe"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "", []line{
				{says: "I want a copy of my data"},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.place + " is in " + tc.council + "'s area",
					"I've noted your name as " + tc.name + ": tell me if that's wrong", "contact you"}, lacks: []string{"I need to know which council"}},
				{says: "jane@example.com"}, {says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, tc.council, q.cases()[0].Organisation)
			assert.Equal(t, tc.name, q.cases()[0].Requester.Name)
		})
	}
	// An adviser's caller, the same way.
	bot, _ := newBot(t, qaNow)
	last := logged(t, bot, "", rights.Access, []line{{says: "Linda Croft, Aylesbury", contains: []string{"Aylesbury is in Buckinghamshire Council's area", "the requester's name as Linda Croft"}}})
	assert.Equal(t, "Linda Croft", last.Intake.Fields["name"])
	// Two places are no name: the place, and the name asked for.
	bot, _ = newBot(t, qaNow)
	last = script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: "Stoke Mandeville, Aylesbury", contains: []string{"full name"}}})
	assert.Empty(t, last.Intake.Fields["name"])
	assert.Equal(t, "Buckinghamshire Council", last.Intake.Fields["organisation"])
}

// At the steps after the name (the contact, the service, the details, the summary), a council
// taken back ("sorry I meant Olney", "oh wait, I meant Buckinghamshire", "sorry I meant Luton")
// corrects the council as it does at the name question, and the step is asked again: none of it
// is kept as the contact, the service or the details (a QA pass kept "sorry I meant Olney" as the
// service and added it to the details).
func TestACouncilTakenBackAtALaterStepIsNoAnswer(t *testing.T) {
	only := "Sorry, I can send requests only to Buckinghamshire Council or Milton Keynes City Council."
	before := []string{"Jane Doe", "jane@example.com", "skip", "as above"}
	for _, step := range []struct{ name, asks string }{
		{conversation.StepContact, "contact you"},
		{conversation.StepService, "Which council service"},
		{conversation.StepDescription, "what would you like the council to do"},
		{conversation.StepConfirm, "Shall I send this"},
	} {
		var lines []line
		for _, says := range before[:slices.Index([]string{conversation.StepContact, conversation.StepService, conversation.StepDescription, conversation.StepConfirm}, step.name)+1] {
			lines = append(lines, line{says: says})
		}
		for _, tc := range []struct {
			says, council string
			contains      []string
		}{
			{"sorry I meant Olney", "Milton Keynes City Council", []string{"I've changed the council to Milton Keynes City Council (Olney is in its area).", step.asks}},
			{"oh wait, I meant Buckinghamshire", "Buckinghamshire Council", []string{"The request is already for Buckinghamshire Council.", step.asks}},
			{"sorry I meant Luton", "", []string{only, "For Luton, type \"cancel\"", "Which council is this request for?"}},
			{"actually it's Central Bedfordshire", "", []string{only, "For Central Bedfordshire,", "Which council is this request for?"}},
		} {
			t.Run(step.name+"/"+tc.says, func(t *testing.T) {
				bot, _ := newBot(t, qaNow)
				said := append(append([]line{{says: "I want a copy of my data"}, {says: "Buckinghamshire"}}, lines...),
					line{says: tc.says, kind: conversation.KindIntake, contains: tc.contains})
				last := script(t, bot, "", said)
				assert.Equal(t, tc.council, last.Intake.Fields["organisation"])
				for _, f := range []string{"contact", "service", "description"} {
					assert.NotContains(t, last.Intake.Fields[f], tc.says[len(tc.says)-5:], f)
				}
				if tc.council == "" {
					// The council again, then the step it was at, and the request goes there.
					said = append(said, line{says: "Milton Keynes", contains: []string{step.asks}})
					bot, _ = newBot(t, qaNow)
					assert.Equal(t, step.name, script(t, bot, "", said).Intake.Step)
				}
				bot, q := newBot(t, qaNow)
				script(t, bot, "", append(said, finish(step.name)...))
				require.Len(t, q.cases(), 1)
				assert.Equal(t, map[string]string{"": "Milton Keynes City Council"}[tc.council]+tc.council, q.cases()[0].Organisation)
				assert.Equal(t, "jane@example.com", q.cases()[0].Requester.Contact.Value)
				assert.NotContains(t, q.cases()[0].Description, tc.says)
			})
		}
	}
	// Real answers at those steps are kept as they were.
	for _, tc := range []struct{ at, says, field, want string }{
		{conversation.StepService, "housing", "service", "housing"},
		{conversation.StepService, "sorry I meant Highways", "service", "Highways"},
		{conversation.StepDescription, "I meant to say my records from 2019", "description", "I meant to say my records from 2019"},
		{conversation.StepDescription, "I meant everything", "description", "everything"},
	} {
		bot, _ := newBot(t, qaNow)
		lines := []line{{says: "I want a copy of my data"}, {says: "Buckinghamshire"}, {says: "Jane Doe"}, {says: "jane@example.com"}}
		if tc.at == conversation.StepDescription {
			lines = append(lines, line{says: "skip"})
		}
		last := script(t, bot, "", append(lines, line{says: tc.says, lacks: []string{"changed the council", "I can send requests only to", "already for"}}))
		assert.Contains(t, last.Intake.Fields[tc.field], tc.want, tc.says)
		assert.Equal(t, "Buckinghamshire Council", last.Intake.Fields["organisation"], tc.says)
	}
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: "Buckinghamshire"}, {says: "Jane Doe"}, {says: "jane@example.com"}})
	assert.Equal(t, "jane@example.com", last.Intake.Fields["contact"])
}

// finish answers the steps of an intake from step on and sends it.
func finish(step string) []line {
	rest := map[string][]line{
		conversation.StepContact:     {{says: "jane@example.com"}, {says: "skip"}, {says: "as above"}},
		conversation.StepService:     {{says: "skip"}, {says: "as above"}},
		conversation.StepDescription: {{says: "as above"}},
	}[step]
	return append(rest, line{says: "yes", kind: conversation.KindSubmitted})
}

// A name given with a place or council none of whose areas the chat serves, at "Which council?"
// ("Jane Doe, Luton"), is answered as the place said alone is, the name noted (a QA pass: it got
// "I need to know which council…", as though no place were said).
func TestANameWithAnotherCouncilsPlaceAtTheCouncilStep(t *testing.T) {
	only := "Sorry, I can send requests only to Buckinghamshire Council or Milton Keynes City Council."
	for _, tc := range []struct {
		says     string
		contains []string
	}{
		{"Jane Doe, Luton", []string{"I don't know which council's area Luton is in"}},
		{"Jane Doe from Luton", []string{"I don't know which council's area Luton is in"}},
		{"Jane Doe, Luton council", []string{only, "For Luton, type \"cancel\""}},
		{"Jane Doe, Central Bedfordshire", []string{only, "For Central Bedfordshire, type \"cancel\""}},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: tc.says, kind: conversation.KindIntake,
				contains: append(tc.contains, "I've noted your name as Jane Doe: tell me if that's wrong.", "Which council is this request for?"),
				lacks:    []string{"I need to know which council", "I'll ask for your name next"}}})
			assert.Equal(t, conversation.StepOrg, last.Intake.Step)
			assert.Equal(t, "Jane Doe", last.Intake.Fields["name"])
			// The council then, and the name is not asked again.
			bot, _ = newBot(t, qaNow)
			script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: tc.says}, {says: "Milton Keynes", contains: []string{"contact you"}}})
		})
	}
}

// A name with a postcode at "Which council?" ("Jane Doe, MK46 4BB") is the name, and the postcode
// says where the resident lives, as a bare postcode does: its district chooses the council, or
// the council is asked. The postcode is never the contact, which it cannot be written to (a QA
// pass: "MK46 4BB" was noted as the contact, and no council chosen).
func TestANameWithAPostcodeAtTheCouncilStep(t *testing.T) {
	for _, tc := range []struct{ says, council, contains string }{
		{"Jane Doe, MK46 4BB", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"Jane Doe MK46 4BB", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"mk46 4bb, Jane Doe", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"Jane Doe, Olney MK46 4BB", "Milton Keynes City Council", "MK46 4BB is in Milton Keynes City Council's area"},
		{"Jane Doe, my postcode is HP20 1UA", "Buckinghamshire Council", "HP20 1UA is in Buckinghamshire Council's area"},
		{"Jane Doe, MK17 8AA", "", "I don't know which council's area MK17 8AA is in"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "", []line{
				{says: "I want a copy of my data"},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.contains, "I've noted your name as Jane Doe"}, lacks: []string{"as the contact"}},
			})
			assert.Empty(t, last.Intake.Fields["contact"])
			assert.Equal(t, "Jane Doe", last.Intake.Fields["name"])
			assert.Equal(t, tc.council, last.Intake.Fields["organisation"])
			if tc.council == "" {
				assert.Equal(t, conversation.StepOrg, last.Intake.Step)
				return
			}
			assert.Equal(t, conversation.StepContact, last.Intake.Step, "the contact asked next")
		})
	}
	// A full address with the name is still the contact.
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "", []line{{says: "I want a copy of my data"}, {says: "Jane Doe, 14 Mill Road, Olney MK46 4BB"}})
	assert.Equal(t, "14 Mill Road, Olney MK46 4BB", last.Intake.Fields["contact"])
}

// "skip" at "Which council?" is no place ("I don't know which council's area Skip is in", a QA
// pass): the council can't be skipped, and the town tells it.
func TestTheCouncilStepCantBeSkipped(t *testing.T) {
	for _, says := range []string{"skip", "Skip.", "n/a", "dunno"} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{
				{says: "I want a copy of my data"},
				{says: says, kind: conversation.KindIntake, contains: []string{"it can't be skipped", "tell me the town or village you live in", "Which council is this request for?"},
					lacks: []string{"council's area"}},
				{says: "Olney", contains: []string{"What is your full name?"}},
			})
		})
	}
}
