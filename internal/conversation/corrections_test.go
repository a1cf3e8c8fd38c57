package conversation_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
)

var qaNow = time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC)

// upTo is a request taken as far as the step after the ones given: the name, contact and
// service, as a resident answers them.
func upTo(first, name, contact, service string) []line {
	lines := []line{{says: first, kind: conversation.KindIntake}}
	for _, says := range []string{name, contact, service} {
		if says != "" {
			lines = append(lines, line{says: says, kind: conversation.KindIntake})
		}
	}
	return lines
}

// toSummary is a request taken to its summary, its service and details skipped.
func toSummary(first, name, contact string) []line {
	return append(upTo(first, name, contact, "skip"), line{says: "skip"})
}

// A correction of the name or the contact, said at whatever step the bot has reached, changes
// that field and asks the same step's question again; it is not taken for the service or added
// to the details (an eleventh QA pass).
func TestACorrectionChangesItsFieldAtAnyStep(t *testing.T) {
	for _, tc := range []struct {
		name    string
		lines   []line
		says    string
		step    string
		field   string
		want    string
		details string // the details the case keeps; "" to send nothing
	}{
		{"the contact, at the details step", upTo("I want a copy of my data", "Sarah Okafor", "sarah.okafor82@gmail.com", "housing"),
			"oh wait sorry the email is wrong its sarah.okafor1982@gmail.com not 82", conversation.StepDescription, "contact", "sarah.okafor1982@gmail.com", "I want a copy of my data"},
		{"the name, at the service step", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", ""),
			"sorry my name is actually Katherine Hill not Kate", conversation.StepService, "name", "Katherine Hill", ""},
		{"the name, said as what it replaces", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", ""),
			"Katherine Hill, not Kate", conversation.StepService, "name", "Katherine Hill", ""},
		{"the name, at the summary", toSummary("I want a copy of my data", "Kate Hill", "kate@example.com"),
			"my name should be Katherine Hill", conversation.StepConfirm, "name", "Katherine Hill", ""},
		{"a phone number called one, at the summary", toSummary("I want a copy of my data", "Kate Hill", "kate@example.com"),
			"actually please use my mobile 07912 345678 instead", conversation.StepConfirm, "contact", "07912 345678", ""},
		{"the contact said to be wrong, at the details step", upTo("I want a copy of my data", "Sam Old", "sam@example.com", "housing"),
			"sorry, my email is wrong, it should be sam.old@hotmail.co.uk", conversation.StepDescription, "contact", "sam.old@hotmail.co.uk", "I want a copy of my data"},
		{"the contact given, at the details step", upTo("I want a copy of my data", "Sam Old", "sam@example.com", "housing"),
			"the email I gave you is out of date, it's sam.old@hotmail.co.uk", conversation.StepDescription, "contact", "sam.old@hotmail.co.uk", "I want a copy of my data"},
		{"a new e-mail address, at the details step", upTo("I want a copy of my data", "Sam Old", "sam@example.com", "housing"),
			"oh, my new email is sam.old@hotmail.co.uk", conversation.StepDescription, "contact", "sam.old@hotmail.co.uk", "I want a copy of my data"},
		// A phone number said aloud corrects as one typed in digits does (a QA pass filed it as
		// the service or the details, and the old number stayed).
		{"a number said aloud, at the service step", upTo("I want a copy of my data", "Jane Doe", "07700 900123", ""),
			"oh wait, the number is wrong, it's oh seven seven double one two three four five six seven", conversation.StepService, "contact", "07711234567", ""},
		{"a number said aloud as what it actually is", upTo("I want a copy of my data", "Jane Doe", "07700 900123", ""),
			"sorry my number is actually oh seven seven double one two three four five six seven", conversation.StepService, "contact", "07711234567", ""},
		{"a number said aloud, at the details step", upTo("I want a copy of my data", "Jane Doe", "07700 900123", "housing"),
			"my number should be oh seven seven double one two three four five six seven", conversation.StepDescription, "contact", "07711234567", "I want a copy of my data"},
		{"a number said aloud, at the summary", toSummary("I want a copy of my data", "Jane Doe", "07700 900123"),
			"my number should be oh seven seven double one two three four five six seven", conversation.StepConfirm, "contact", "07711234567", ""},
		// Digits and words mixed, as dictated, with or without a lead-in (a QA pass: saved as the
		// service, or "call 999" from the safeguarding model).
		{"a number dictated with digits, at the service step", upTo("I want a copy of my data", "Jane Doe", "jane@example.com", ""),
			"call me on oh 7 7 double 1 2 3 4 5 6 7", conversation.StepService, "contact", "07711234567", ""},
		{"a number dictated with digits, at the details step", upTo("I want a copy of my data", "Jane Doe", "jane@example.com", "housing"),
			"my number should be oh 7 7 double 1 2 3 4 5 6 7", conversation.StepDescription, "contact", "07711234567", "I want a copy of my data"},
		{"a number dictated with digits, at the summary", toSummary("I want a copy of my data", "Jane Doe", "jane@example.com"),
			"my number should be oh 7 7 double 1 2 3 4 5 6 7", conversation.StepConfirm, "contact", "07711234567", ""},
		// A number given as the phone to call, at the summary, is the contact corrected, spoken or
		// typed: "call me on …" was the generic reply there.
		{"a number to call me on, at the summary", toSummary("I want a copy of my data", "Jane Doe", "jane.doe@example.com"),
			"call me on 07900 123456", conversation.StepConfirm, "contact", "07900 123456", ""},
		{"a landline to ring, at the summary", toSummary("I want a copy of my data", "Jane Doe", "jane.doe@example.com"),
			"you can ring me on 01908 123456", conversation.StepConfirm, "contact", "01908 123456", ""},
		{"my mobile, at the summary", toSummary("I want a copy of my data", "Jane Doe", "jane.doe@example.com"),
			"actually my mobile is 07912 345678", conversation.StepConfirm, "contact", "07912 345678", ""},
		{"a number to call me on said aloud, at the summary", toSummary("I want a copy of my data", "Jane Doe", "jane.doe@example.com"),
			"call me on oh seven nine double oh one two three four five six", conversation.StepConfirm, "contact", "07900123456", ""},
		{"a number to text, at the details step", upTo("I want a copy of my data", "Jane Doe", "jane.doe@example.com", "housing"),
			"text me on 07912 345678", conversation.StepDescription, "contact", "07912 345678", "I want a copy of my data"},
		{"the name, when asked whose behalf", upTo("I want a copy of my mum's data, it's for my mum", "Kate Hill", "", ""),
			"sorry, my name is actually Katherine Hill", conversation.StepOnBehalfOf, "name", "Katherine Hill", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(tc.lines, line{says: tc.says, kind: conversation.KindIntake, contains: []string{"I've changed"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, tc.step, last.Intake.Step, "the same question again")
			assert.Equal(t, tc.want, last.Intake.Fields[tc.field])
			if tc.details != "" {
				assert.Equal(t, tc.details, last.Intake.Fields["description"], "nothing added to the details")
			}
		})
	}
}

// What must stay as it was: details that mention a name or an address, a request to correct
// records that says what they should say, and "my name is wrong" with no new name.
func TestWhatIsNoCorrection(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []line
		says  string
		field string
		want  string
	}{
		{"someone else's name in the details", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"the letters about my son, his name is Tom Hill", "name", "Kate Hill"},
		{"a name introducing the details", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"my name is Katherine Hill on the tenancy and I want those records", "name", "Kate Hill"},
		{"an address the details are about", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"the emails I sent to housing@milton-keynes.gov.uk", "contact", "kate@example.com"},
		{"what a correction of records should say", upTo("Please correct my email address on my council tax account", "Kate Hill", "kate@example.com", ""),
			"my email is wrong on your system, it should be k.hill@example.com", "contact", "kate@example.com"},
		{"a number in the details", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"my council tax account 07912345678", "contact", "kate@example.com"},
		// Review B: "not" and "address" in details about e-mails are no correction of the contact.
		{"an old address the details are about", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "housing"),
			"emails sent to my old address sam.old@hotmail.co.uk, not my current one", "contact", "kate@example.com"},
		{"the council's mailbox", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "housing"),
			"I want the email housing sent from repairs@milton-keynes.gov.uk, not the letters", "contact", "kate@example.com"},
		{"new e-mails the details are about", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "housing"),
			"the new emails between me and repairs@milton-keynes.gov.uk about my boiler", "contact", "kate@example.com"},
		{"someone else's address", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"anything you sent to my son's address tom.hill@gmail.com instead of mine", "contact", "kate@example.com"},
		{"a phone number the details are about", upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "skip"),
			"the calls from 01908 252525 to my phone, not the letters", "contact", "kate@example.com"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(tc.lines, line{says: tc.says, kind: conversation.KindIntake, contains: []string{"Shall I send"}, lacks: []string{"I've changed"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, tc.want, last.Intake.Fields[tc.field])
			assert.Contains(t, last.Intake.Fields["description"], tc.says, "kept as details")
		})
	}
}

// "no" at the summary asks what to change, and the detail named is asked again, then the summary:
// not every question from the start ("start again" does that).
func TestNoAtTheSummaryAsksWhatToChange(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Kate Hill", "kate@example.com", "parking"),
		line{says: "my parking permit", kind: conversation.KindIntake, contains: []string{"Shall I send"}},
		line{says: "no", kind: conversation.KindIntake, contains: []string{"What would you like to change?"}},
		line{says: "the email", kind: conversation.KindIntake, contains: []string{"How should the data protection team contact you"}},
		line{says: "k.hill@example.com", kind: conversation.KindIntake, contains: []string{"Contact: k.hill@example.com", "Shall I send"}},
		line{says: "no, the service is wrong", kind: conversation.KindIntake, contains: []string{"Which council service"}, lacks: []string{"Service: wrong"}},
		line{says: "housing", kind: conversation.KindIntake, contains: []string{"Service: housing", "Name: Kate Hill", "Details: I want a copy of my data\nmy parking permit", "Shall I send"}},
		line{says: "my name is wrong", kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"Name: wrong"}},
		line{says: "Katherine Hill", kind: conversation.KindIntake, contains: []string{"Name: Katherine Hill", "Shall I send"}},
		line{says: "the service should be parking not housing", kind: conversation.KindIntake, contains: []string{"Service: parking", "Shall I send"}},
		line{says: "yes", kind: conversation.KindSubmitted},
	))
	require.Len(t, q.cases(), 1)
	c := q.cases()[0]
	assert.Equal(t, "Katherine Hill", c.Requester.Name)
	assert.Equal(t, "k.hill@example.com", c.Requester.Contact.Value)
	assert.Equal(t, "parking", c.Service)
}

// A name (and an address) the first message gives is not asked for again, and "I already told
// you, David Pritchard" is a name; a first message without one, or with someone else's e-mail
// address, still asks.
func TestANameAlreadyGivenIsTaken(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data", kind: conversation.KindIntake,
			contains: []string{"your name as David Pritchard", "your contact as 14 Oakridge Road, Bletchley, MK3 6AB", "Which council service"}, lacks: []string{"full name"}},
		{says: "i already told you, David Pritchard", kind: conversation.KindIntake, contains: []string{"Which council service"}},
		{says: "skip", kind: conversation.KindIntake},
		{says: "as above", kind: conversation.KindIntake, contains: []string{"Name: David Pritchard", "Contact: 14 Oakridge Road, Bletchley, MK3 6AB"}, lacks: []string{"Service:"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "David Pritchard", q.cases()[0].Requester.Name)

	for _, tc := range []struct{ first, then, name string }{
		{"I want a copy of my data", "i already told you, David Pritchard", "David Pritchard"},
		{"I want a copy of my data", "as I said, it's Kate Hill", "Kate Hill"},
		{"hi my name's Jo Bloggs and I want a copy of my data, my email is jo@example.com", "", "Jo Bloggs"},
		// A verification QA pass: a full name opening the message, however it is introduced.
		{"I'm Priya Sharma, I want a copy of my data", "", "Priya Sharma"},
		{"Priya Sharma here, I want a copy of my data", "", "Priya Sharma"},
		{"This is Gary Oldman, please delete my data", "", "Gary Oldman"},
	} {
		bot, _ := newBot(t, qaNow)
		lines := []line{{says: tc.first, kind: conversation.KindIntake}}
		if tc.then != "" {
			lines = append(lines, line{says: tc.then, kind: conversation.KindIntake, contains: []string{"contact"}})
		}
		last := script(t, bot, "Milton Keynes", lines)
		require.NotNil(t, last.Intake)
		assert.Equal(t, tc.name, last.Intake.Fields["name"], tc.first)
	}

	for _, first := range []string{"Hi, I'm a tenant and I want a copy of my data", "I want a copy of the emails I sent to housing@milton-keynes.gov.uk",
		"my name is on the tenancy, I want a copy of my data", "I'm fed up, I want a copy of my data", "I'm Kate and I want a copy of my data",
		"This is Milton Keynes Council's fault, I want a copy of my data", "I'm Jane Smith's mother and I want a copy of her records",
		"I'm Very Upset, please delete my data", "Good Morning here, I want a copy of my data"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{{says: first, kind: conversation.KindIntake, contains: []string{"full name"}}})
		require.NotNil(t, last.Intake, first)
		assert.Empty(t, last.Intake.Fields["contact"], first)
	}
	// However it points back, a reply that gives no name is no name: "as above" was filed as the
	// name "as above", "I told you already" as "already" (a review).
	for _, says := range []string{"I already told you", "as above", "I told you already", "as I already said", "sorry, I already told you",
		"I told you", "it's in my first message", "see above"} {
		bot, _ = newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: says, kind: conversation.KindIntake, contains: []string{"couldn't find your name", "full name"}},
		})
		require.NotNil(t, last.Intake, says)
		assert.Empty(t, last.Intake.Fields["name"], says)
	}
}

// "nah leave it", "scrap that" and "don't bother" stop a request at any step; "nah" at the
// summary is a no. Said with more, they are what they say.
func TestMoreWaysOfStopping(t *testing.T) {
	for _, says := range []string{"nah leave it", "scrap that", "don't bother", "just drop it", "ok forget that then"} {
		for _, lines := range [][]line{upTo("I want a copy of my data", "", "", ""), upTo("I want a copy of my data", "Jo Bloggs", "jo@example.com", "skip")} {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(lines, line{says: says, kind: conversation.KindCancelled, contains: []string{"nothing was sent"}}))
			assert.Empty(t, q.cases(), says)
		}
	}
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Bloggs", "jo@example.com", "skip"),
		line{says: "scrap that, I want the housing file", kind: conversation.KindIntake, contains: []string{"Shall I send"}}))
	assert.Contains(t, last.Intake.Fields["description"], "I want the housing file")
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Bloggs", "jo@example.com", "skip"),
		line{says: "skip"}, line{says: "nah", kind: conversation.KindIntake, contains: []string{"What would you like to change?"}, lacks: []string{"Please answer yes"}}))
	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{{says: "nah leave it", kind: conversation.KindHelp, contains: []string{"nothing to cancel"}}})
}

// Two contacts given at once: the first is the one the team uses, and the other goes to them in
// the details, not dropped; the resident is told which.
func TestASecondContactIsNotDropped(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Bloggs", "", ""),
		line{says: "its x@gmail.com or my mobile 07912 345678", kind: conversation.KindIntake,
			contains: []string{"contact you at x@gmail.com", "You also gave 07912 345678", "Which council service"}},
		line{says: "skip"},
		line{says: "as above", contains: []string{"Contact: x@gmail.com", "Also given (in the details): 07912 345678"}},
		line{says: "yes", kind: conversation.KindSubmitted},
	))
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "x@gmail.com", q.cases()[0].Requester.Contact.Value)
	assert.Contains(t, q.cases()[0].Description, "07912 345678")

	bot, _ = newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "", "", ""),
		line{says: "Lucy Brown, lucy@example.com or 07700 900123", kind: conversation.KindIntake, contains: []string{"Which council service"}}))
	assert.Equal(t, "Lucy Brown", last.Intake.Fields["name"])
	assert.Equal(t, "lucy@example.com", last.Intake.Fields["contact"])
	assert.Contains(t, last.Intake.Fields["description"], "07700 900123")

	// One contact is one contact.
	bot, _ = newBot(t, qaNow)
	last = script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jo Bloggs", "", ""),
		line{says: "my email is jo@example.com", kind: conversation.KindIntake, lacks: []string{"You also gave"}}))
	assert.Equal(t, "I want a copy of my data", last.Intake.Fields["description"])

	// An e-mail address and a postal address, in either order: the one said first is used, and
	// the other goes to the team in the details (a QA pass: the address was dropped).
	for _, tc := range []struct{ says, contact, other string }{
		{"ann@x.org and 14 Mill Road, Olney MK46 4BB", "ann@x.org", "14 Mill Road, Olney MK46 4BB"},
		{"my email is ann@x.org, my address is 14 Mill Road, Olney MK46 4BB", "ann@x.org", "14 Mill Road, Olney MK46 4BB"},
		{"14 Mill Road, Olney MK46 4BB or ann@x.org", "14 Mill Road, Olney MK46 4BB", "ann@x.org"},
		{"07912 345678 or post to 14 Mill Road, Olney", "07912 345678", "14 Mill Road, Olney"},
		// A number said aloud is one typed in digits: the address or e-mail address said after
		// it is not lost, or taken in its place unsaid (a QA pass).
		{"oh seven seven double one two three four five six seven, or post to 14 Mill Road Olney MK46 4BB", "07711234567", "14 Mill Road Olney MK46 4BB"},
		{"oh seven seven oh oh nine oh oh one two three or email jane@example.com", "07700900123", "jane@example.com"},
	} {
		bot, q := newBot(t, qaNow)
		script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Ann Lee", "", ""),
			line{says: tc.says, kind: conversation.KindIntake, contains: []string{"contact you at " + tc.contact, "You also gave " + tc.other, "Which council service"}},
			line{says: "skip"},
			line{says: "as above", contains: []string{"Contact: " + tc.contact, "Also given (in the details): " + tc.other}},
			line{says: "yes", kind: conversation.KindSubmitted},
		))
		require.Len(t, q.cases(), 1, tc.says)
		assert.Equal(t, tc.contact, q.cases()[0].Requester.Contact.Value, tc.says)
		assert.Contains(t, q.cases()[0].Description, tc.other, tc.says)
	}
	// Words beside one contact are no address.
	for _, says := range []string{"ann@x.org, thanks", "ann@x.org (I live in Olney, near the park)", "email ann@x.org, I'm at work until 5"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Ann Lee", "", ""),
			line{says: says, kind: conversation.KindIntake, lacks: []string{"You also gave"}}))
		assert.Equal(t, "ann@x.org", last.Intake.Fields["contact"], says)
	}
}

// Another number said aloud later ("oh and you can also call me on oh seven seven …") is kept
// beside the contact, as one typed in digits is; it is not filed as the service.
func TestAnotherNumberSaidAloudIsKeptBesideTheContact(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jane Doe", "jane@example.com", ""),
		line{says: "oh and you can also call me on oh seven seven double one two three four five six seven", kind: conversation.KindIntake,
			contains: []string{"I've added 07711234567 as another way to reach you", "Which council service"}}))
	assert.Equal(t, "jane@example.com", last.Intake.Fields["contact"])
	assert.Empty(t, last.Intake.Fields["service"])
}

// In a chat scoped to one council, a request meant for another gets that council's contact as
// its notices give it, cited, and the request waits.
func TestAnotherCouncilMidRequestGetsItsContact(t *testing.T) {
	bot, q := newBot(t, qaNow)
	last := script(t, bot, "Buckinghamshire", append(upTo("I want a copy of my data", "Jo Bloggs", "", ""),
		line{says: "actually i meant milton keynes council, sorry", kind: conversation.KindIntake,
			contains: []string{"takes requests for Buckinghamshire Council only", "01908 254900", "How should the data protection team contact you"}, lacks: []string{"HP20 1UA"}}))
	assert.NotEmpty(t, last.Citations, "the contact is cited")
	assert.Equal(t, "Buckinghamshire Council", last.Intake.Fields["organisation"])
	assert.Empty(t, q.cases())
}

// A name with the postal address after it, as people answer "What is your full name?" on the
// phone or in a chat: the name is the name, the address the contact (a QA pass: "Priya Sharma
// here, 12 Acacia Avenue, …" was refused as no name). "here" and "speaking" are not part of it.
func TestANameWithItsAddressIsBoth(t *testing.T) {
	for _, tc := range []struct{ says, name, contact string }{
		{"Priya Sharma here, 12 Acacia Avenue, Aylesbury HP19 8FF", "Priya Sharma", "12 Acacia Avenue, Aylesbury HP19 8FF"},
		{"Kate Hill, 4 Park Lane, Olney MK46 4BB", "Kate Hill", "4 Park Lane, Olney MK46 4BB"},
		{"Kate Hill, Rose Cottage, Olney MK46 4BB", "Kate Hill", "Rose Cottage, Olney MK46 4BB"},
		{"my name is Priya Sharma, my address is Flat 2, 12 Acacia Avenue, Aylesbury", "Priya Sharma", "Flat 2, 12 Acacia Avenue, Aylesbury"},
		{"Priya Sharma here", "Priya Sharma", ""},
		{"Kate Hill speaking.", "Kate Hill", ""},
		{"Kate Burnham", "Kate Burnham", ""}, // a town of Buckinghamshire, and a surname: no change of council
		{"Olney", "Olney", ""},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "", "", ""),
				line{says: tc.says, kind: conversation.KindIntake}))
			assert.Equal(t, tc.name, last.Intake.Fields["name"])
			assert.Equal(t, tc.contact, last.Intake.Fields["contact"])
		})
	}
}

// A first message that labels its e-mail address as a sentence of its own ("… council. email
// dave@…"), or gives it straight after the writer's name ("i'm Dave Smyth, dave@…"), has given
// the contact, and the name with a lower-case "i'm" (a QA pass: both asked again). An address
// the message is about is no contact.
func TestAFirstMessagesOwnContactIsTaken(t *testing.T) {
	for _, tc := range []struct{ says, name, contact string }{
		{"i want a copy of my data from bucks council. email dave.smyth@btinternet.com", "", "dave.smyth@btinternet.com"},
		{"i'm Dave Smyth, dave.smyth@btinternet.com, i want a copy of my data from bucks", "Dave Smyth", "dave.smyth@btinternet.com"},
		{"I want copies of the emails I sent to housing@example.gov.uk", "", ""},
		{"I'm fed up, delete my data", "", ""},
		// The name opening a later sentence (a QA pass: both asked again).
		{"I'd like you to delete all my data please. I'm John Smith, john.smith@example.com, it's for Bucks", "John Smith", "john.smith@example.com"},
	} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "", []line{{says: tc.says, kind: conversation.KindIntake}})
		assert.Equal(t, tc.name, last.Intake.Fields["name"], tc.says)
		assert.Equal(t, tc.contact, last.Intake.Fields["contact"], tc.says)
	}
}

// A right-to-left keyboard types invisible direction marks: a name with one is taken without it,
// not refused again and again for a character the resident can't see (a review). A name that
// reorders itself ("Jo \u202eeknalB") is still refused.
func TestANameTypedWithInvisibleMarks(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"},
		{says: "Sara\u200f Ahmed", contains: []string{"contact"}},
		{says: "sara@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Sara Ahmed", q.cases()[0].Requester.Name)

	bot, _ = newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo \u202eeknalB", contains: []string{"Please give your name"}}})

	rep, err := bot.SubmitForm(context.Background(), conversation.RequestForm{Type: "access", Org: "Milton Keynes", Name: "Sara\u200f Ahmed",
		Contact: "sara@example.com", Description: "my file", Channel: "web"})
	require.NoError(t, err)
	assert.Equal(t, conversation.KindSubmitted, rep.Kind)
}

// A name corrected at the summary as people say it: "my name is spelled …", "change my name to
// …", "the name should be …" (a QA pass stored "spelled Tomas Hardy"); "Kate Bush, thanks" at the
// name step is Kate Bush.
func TestANameCorrectedAsPeopleSayIt(t *testing.T) {
	for _, says := range []string{"my name is spelled Tomas Hardy", "no, my name is spelt Tomas Hardy", "change my name to Tomas Hardy", "the name should be Tomas Hardy"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data"}, {says: "Tom Hardy"}, {says: "tom@example.com"}, {says: "skip"}, {says: "everything"},
			{says: says, kind: conversation.KindIntake},
		})
		assert.Equal(t, "Tomas Hardy", last.Intake.Fields["name"], says)
	}
	for _, says := range []string{"my name is spelt Tomas Hardy", "Kate Bush, thanks"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: says, contains: []string{"contact"}}})
		assert.NotContains(t, last.Intake.Fields["name"], "spel")
		assert.NotContains(t, last.Intake.Fields["name"], "thanks")
	}
}

// A phone number written with its area code in brackets keeps them (a QA pass stored
// "01908) 123456").
func TestABracketedAreaCodeIsKept(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "call me on (01908) 123456 please", contains: []string{"service"}}})
	assert.Equal(t, "(01908) 123456", last.Intake.Fields["contact"])
}

// When to use a contact, said with it, goes to the team with the request (a QA pass: "after 5pm"
// was lost).
func TestWhenToContactIsKept(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
		{says: "my mobile 07700 900123 after 5pm", contains: []string{"service"}},
		{says: "skip"}, {says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "07700 900123", q.cases()[0].Requester.Contact.Value)
	assert.Contains(t, q.cases()[0].Description, "Said with the contact: my mobile … after 5pm")
}

// An e-mail address with a council's name in it is a contact, not a change of council (a QA
// pass: "jo.bucks@gmail.com" moved a Milton Keynes request to Buckinghamshire and was lost).
func TestAnEmailNamingACouncilIsAContact(t *testing.T) {
	for _, contact := range []string{"jo.bucks@gmail.com", "jo@buckinghamshire.gov.uk"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "", []line{
			{says: "I want a copy of my data"}, {says: "mk"}, {says: "Jo Bloggs"},
			{says: contact, contains: []string{"service"}, lacks: []string{"changed the council"}},
		})
		assert.Equal(t, "Milton Keynes City Council", last.Intake.Fields["organisation"])
		assert.Equal(t, contact, last.Intake.Fields["contact"])
	}
}

// A new postal address at the summary is the contact to use (a QA pass: not understood).
func TestANewAddressAtTheSummary(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "everything"},
		{says: "my address is now 3 New Road, Marlow SL7 1AA", contains: []string{"changed the contact", "Contact: 3 New Road, Marlow SL7 1AA"}},
	})
	assert.Equal(t, "3 New Road, Marlow SL7 1AA", last.Intake.Fields["contact"])
}

// "I'd also like …" mid-request is a second right, offered once this one is sent, not this one
// changed into it (a QA pass: ignored at the summary).
func TestAnotherRightAskedForMidRequest(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Buckinghamshire", []line{
		{says: "please delete my old parking account"}, {says: "Jo Bloggs"}, {says: "jo@example.com"}, {says: "skip"}, {says: "the account from 2019"},
		{says: "I'd also like a copy of everything you hold on me", contains: []string{"once this request is sent", "Type: Right to erasure"}},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"You also asked for something else"}},
		{says: "yes", kind: conversation.KindIntake},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Erasure, q.cases()[0].Type)
}

// "any time after 6pm" is kept whole: "any time" alone told the team to ring at times the
// requester ruled out (a QA pass).
func TestAnyTimeAfterIsKeptWhole(t *testing.T) {
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
		{says: "ring me on 07700 900123 any time after 6pm", contains: []string{"service"}},
		{says: "skip"}, {says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Contains(t, q.cases()[0].Description, "Said with the contact: ring me on … any time after 6pm")
}

// What is said with a contact goes to the team in the resident's words, negations and all, and
// the contact asked for is the one used (a QA pass: "mornings are no good" was filed as "When to
// contact: mornings", "text only, I'm deaf" was lost, and "x is my work email so please use y"
// used x).
func TestWhatIsSaidWithAContactIsKeptAsSaid(t *testing.T) {
	for says, want := range map[string][2]string{
		"07700 900321, I work nights so mornings are no good":                                      {"07700 900321", "Said with the contact: …, I work nights so mornings are no good"},
		"text only 07700900789, I'm deaf":                                                          {"07700900789", "Said with the contact: text only …, I'm deaf"},
		"joanne.king@buckinghamshire.gov.uk is my work email so please use jo.king.home@gmail.com": {"jo.king.home@gmail.com", "my work email"},
		"mum's number is 07700 900222 but contact me on 07700 900111":                              {"07700 900111", "mum's number"},
		"home: 01908 111222, mobile 07700 900444 (preferred)":                                      {"07700 900444", "Also given as a contact: 01908 111222"},
	} {
		bot, q := newBot(t, qaNow)
		script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data"}, {says: "Jo King"}, {says: says, contains: []string{"service"}},
			{says: "skip"}, {says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted},
		})
		require.Len(t, q.cases(), 1, says)
		assert.Equal(t, want[0], q.cases()[0].Requester.Contact.Value, says)
		assert.Contains(t, q.cases()[0].Description, want[1], says)
	}
	// A contact alone says nothing more.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo King"}, {says: "my email is jo@example.com"},
		{says: "skip"}, {says: "my housing file"}, {says: "yes", kind: conversation.KindSubmitted}})
	assert.NotContains(t, q.cases()[0].Description, "Said with the contact")
}

// Contacts as people label them: "…, email mary@…" in a first message (it was asked for again)
// and "post please: 22 church street, …" (kept with its label) (a QA pass).
func TestContactsAsPeopleLabelThem(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "", []line{{says: "please delete my data, I'm with Bucks, email mary.evans@btinternet.com", kind: conversation.KindIntake}})
	assert.Equal(t, "mary.evans@btinternet.com", last.Intake.Fields["contact"])
	last = script(t, bot, "Milton Keynes", []line{{says: "I want a copy of my data"}, {says: "Jo Bloggs"}, {says: "post please: 22 church street, olney mk46 4aa"}})
	assert.Equal(t, "22 church street, olney mk46 4aa", last.Intake.Fields["contact"])
}

// Text-speak pointing back ("i told u", "scroll up", "ditto") is no name at the name step, nor
// "myself"; and at the on-behalf step "as above" is no relative's name (a QA pass stored
// "On behalf of: as above"). A name the first message was written with, first or signed after
// thanks, or the relative's name it gave ("her name is Margaret Green"), is the one pointed at.
func TestPointingBackInTextSpeakIsNoName(t *testing.T) {
	for _, says := range []string{"i already told u", "i told u", "told u already", "scroll up", "look above", "ditto", "its above", "myself"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data", kind: conversation.KindIntake},
			{says: says, kind: conversation.KindIntake, contains: []string{"full name"}, lacks: []string{"contact you"}},
		})
		assert.Empty(t, last.Intake.Fields["name"], says)
	}
	for _, first := range []string{"Sam Patel. I want a copy of my data.", "i want a copy of my data. thanks, Sam Patel"} {
		bot, q := newBot(t, qaNow)
		script(t, bot, "Milton Keynes", []line{
			{says: first, contains: []string{"full name"}},
			{says: "as above", contains: []string{"I've taken your name as Sam Patel from your first message", "contact you"}},
			{says: "sam@example.com"}, {says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
		})
		require.Len(t, q.cases(), 1, first)
		assert.Equal(t, "Sam Patel", q.cases()[0].Requester.Name, first)
	}
	bot, _ := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{{says: "Milton Keynes. I want a copy of my data."},
		{says: "as above", contains: []string{"couldn't find your name"}}})

	for _, says := range []string{"as above", "i told u"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my mum's data"}, {says: "Sam Patel", contains: []string{"what is their name"}},
			{says: says, contains: []string{"couldn't find their name", "what is their name"}},
		})
		assert.Empty(t, last.Intake.Fields["on_behalf_of"], says)
	}
	// Her name in the first message is taken from it, and not asked for.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my mum's data, her name is Margaret Green", contains: []string{"the person it's for as Margaret Green"}},
		{says: "Sam Patel", contains: []string{"contact you"}, lacks: []string{"what is their name"}},
		{says: "sam@example.com"}, {says: "skip"}, {says: "as above", contains: []string{"On behalf of: Margaret Green"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Sam Patel", q.cases()[0].Requester.Name)
	assert.Equal(t, "Margaret Green", q.cases()[0].Requester.OnBehalfOfWhom)
}

// "I meant …" takes back what was just said, and is never part of the answer: at the name
// question "sorry I meant Jane" is the name Jane (it was saved as "I meant Jane"), and at the
// summary "I meant yes" is a yes (it got the generic reply).
func TestIMeantGivesTheAnswerMeant(t *testing.T) {
	for _, tc := range []struct{ says, name string }{
		{"sorry I meant Jane", "Jane"},
		{"sorry, I meant Jane Smith", "Jane Smith"},
		{"oops, I mean Jane Smith", "Jane Smith"},
		{"no I meant to type Jane Smith", "Jane Smith"},
		{"I meant: Jane Smith", "Jane Smith"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data", contains: []string{"full name"}},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"contact you"}},
			})
			assert.Equal(t, tc.name, last.Intake.Fields["name"])
		})
	}
	for _, says := range []string{"I meant yes", "sorry I meant yes", "oops, I meant yes please", "no sorry, I meant to say yes"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jane Smith", "jane@example.com", "skip"),
				line{says: "as above", contains: []string{"Shall I send"}},
				line{says: says, kind: conversation.KindSubmitted}))
			assert.Len(t, q.cases(), 1)
		})
	}
	for _, says := range []string{"sorry I meant no", "I meant no"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", append(upTo("I want a copy of my data", "Jane Smith", "jane@example.com", "skip"),
				line{says: "as above", contains: []string{"Shall I send"}},
				line{says: says, kind: conversation.KindIntake, contains: []string{"What would you like to change?"}}))
			assert.Empty(t, q.cases())
		})
	}
}

// A phone number given to correct the contact that is no full UK number ("actually my number is
// 0790 123" at the summary) keeps the contact there was, and is asked again as the contact step
// asks a number of the wrong length (it wiped the contact, saying nothing); the number typed
// again is the contact.
func TestAShortNumberGivenAsACorrectionKeepsTheContact(t *testing.T) {
	summary := toSummary("I want a copy of my data", "Jane Doe", "jane.doe@example.com")
	for _, tc := range []struct {
		name  string
		lines []line
		says  string
		step  string
		want  string
	}{
		{"a short mobile number, at the summary", summary, "actually my number is 0790 123", conversation.StepConfirm, "6 digits after the 0, not 10"},
		{"a mobile number a digit short, at the summary", summary, "call me on 07900 12345", conversation.StepConfirm, "9 digits after the 0, not 10"},
		{"a short landline, at the summary", summary, "sorry my phone number is 01908 1234", conversation.StepConfirm, "8 digits after the 0, not 9 or 10"},
		{"a short number, at the service step", upTo("I want a copy of my data", "Jane Doe", "jane.doe@example.com", ""),
			"my mobile should be 07900 1234", conversation.StepService, "8 digits after the 0, not 10"},
		{"a short number, at the details step", upTo("I want a copy of my data", "Jane Doe", "jane.doe@example.com", "housing"),
			"oops, my number is +44 7900 123", conversation.StepDescription, "7 digits after the 0, not 10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", append(tc.lines, line{says: tc.says, kind: conversation.KindIntake,
				contains: []string{tc.want, "jane.doe@example.com"}, lacks: []string{"I've changed", "How should the data protection team contact you"}}))
			require.NotNil(t, last.Intake)
			assert.Equal(t, tc.step, last.Intake.Step, "the same question again")
			assert.Equal(t, "jane.doe@example.com", last.Intake.Fields["contact"], "the contact kept")
		})
	}
	// Typed again, the number alone is the contact.
	bot, q := newBot(t, qaNow)
	script(t, bot, "Milton Keynes", append(summary,
		line{says: "actually my number is 0790 123", contains: []string{"6 digits after the 0, not 10"}},
		line{says: "07900 123456", contains: []string{"I've changed the contact to 07900 123456", "Shall I send"}},
		line{says: "yes", kind: conversation.KindSubmitted}))
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: "07900 123456"}, q.cases()[0].Requester.Contact)
}

// A contact given again with an apology ("oh yes sorry sarah.okafor@gmail.com") is the contact:
// the words around it say nothing to the team (a QA pass noted "Said with the contact: oh yes
// sorry …" on the case).
func TestAnApologyWithACorrectedContactIsNoNote(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "hi i want a copy of all the data you hold about me"}, {says: "sarah okafor"},
		{says: "sarah.okafor@gmial.com", contains: []string{"sarah.okafor@gmail.com"}},
		{says: "oh yes sorry sarah.okafor@gmail.com"}, {says: "skip"},
		{says: "everything", lacks: []string{"Said with the contact"}},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "sarah.okafor@gmail.com", q.cases()[0].Requester.Contact.Value)
	assert.NotContains(t, q.cases()[0].Description, "Said with the contact")
}
