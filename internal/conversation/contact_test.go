package conversation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

// contactWanted is what the contact step says it wants, in every refusal.
const contactWanted = "an e-mail address, a phone number, or a postal address"

// repliesWithAComma are replies to "How should the team contact you?" that a QA pass saw filed
// as postal addresses, for their comma alone: the team could not reach the resident.
var repliesWithAComma = []string{"yes, please", "no, thanks", "ok, fine", "sorry, what do you mean", "no, it is for me"}

// A reply with a comma is no postal address: the contact step asks again, saying what it
// wants, and the case holds the contact given next.
func TestAReplyWithACommaIsNoPostalAddress(t *testing.T) {
	for _, says := range repliesWithAComma {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "", []line{
				{says: "I want a copy of my data from Buckinghamshire council", kind: conversation.KindIntake, contains: []string{"full name"}},
				{says: "Ben Carter", contains: []string{contactWanted}},
				{says: says, kind: conversation.KindIntake, contains: []string{"doesn't look like an e-mail address, a phone number or a postal address", contactWanted},
					lacks: []string{"service"}},
				{says: "ben.carter@example.com", contains: []string{"service"}},
				{says: "skip"},
				{says: "my parking permit records", contains: []string{"Contact: ben.carter@example.com"}, lacks: []string{"Contact: " + says}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "ben.carter@example.com"}, cases[0].Requester.Contact)
		})
	}
}

// The addresses people type are still taken as the contact: with or without a postcode, in lower
// case, a flat's, a house's name with its street or its village, a PO box.
func TestRealAddressesAreTakenAsTheContact(t *testing.T) {
	for _, address := range []string{"12 High Street, Bletchley, MK2 2AB", "14 oakridge road bletchley", "flat 2, 10 high st, olney",
		"The Old Rectory, Church Lane, Hanslope", "Holly Cottage, The Lee", "Hillside, Chartridge", "PO Box 123, Aylesbury",
		"14 Church End, Haddenham", "rose cottage, mill lane, olney", "7 the green, stony stratford", "Flat 3, 45 Station Road", "MK3 6AB",
		"10 Queensway, Bletchley", "22 Tudeley Hale, Fishermead"} {
		t.Run(address, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Ben Carter"},
				{says: address, contains: []string{"service"}, lacks: []string{"doesn't look like"}},
				{says: "skip"}, {says: "my parking permit records"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: address}, cases[0].Requester.Contact)
		})
	}
}

func TestContactOfTakesOnlyAnAddressAsPostal(t *testing.T) {
	for _, v := range append([]string{"no thanks", "my house, please", "no, for my house", "Rose Cottage", "yes, that's fine", "well, I don't know"}, repliesWithAComma...) {
		_, err := conversation.ContactOf(v)
		assert.Error(t, err, v)
	}
	for _, v := range []string{"12 High Street, Bletchley, MK2 2AB", "flat 2, 10 high st, olney", "The Old Rectory, Church Lane, Hanslope",
		"Holly Cottage, The Lee", "Hillside, Chartridge", "PO Box 123, Aylesbury", "14 Church Lane, Wendover", "Manor Farm, Nash, MK17 0EP"} {
		c, err := conversation.ContactOf(v)
		require.NoError(t, err, v)
		assert.Equal(t, dpo.ContactPostal, c.Kind, v)
	}
}

// An adviser logging a call is asked again too: "no, it is for me" was filed as the caller's
// postal address.
func TestAnAdvisersContactWithACommaIsAskedAgain(t *testing.T) {
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	logged(t, bot, "", rights.Access, []line{
		{says: "MK"}, {says: "Sam Jones"},
		{says: "no, it is for me", kind: conversation.KindIntake, contains: []string{"doesn't look like", "an e-mail address, a phone number, or a postal address"}},
		{says: "07700 900123", contains: []string{"service"}},
		{says: "skip"}, {says: "the housing file"},
		{says: "yes", kind: conversation.KindSubmitted},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: "07700 900123"}, cases[0].Requester.Contact)
}

// The first lines residents type for a house whose street the redactor's street types miss, or
// with no comma before the town, are postal addresses (a QA pass: refused at the contact step
// after 5cbebf8's tighter reading). Replies of conversation, time or part of an address are not.
func TestFirstLinesOfAddressesAreTakenAsTheContact(t *testing.T) {
	addresses := []string{"5, Kingsmead, Stony Stratford", "Flat 4a, The Maltings, Olney", "Flat 4a The Maltings, Olney",
		"Room 3, Park House, Wolverton", "Apartment 14, The Hub, CMK", "Flat 3 Block B, Oldbrook", "The Flat, The Swan, Mursley",
		"22 Tudeley Hale (flat at back), Fishermead", "Greenacres, Hughenden Valley", "Flat 1 above the Co-op, High Street, Winslow",
		"4 the green great kingshill", "Apartment 3 The Exchange Aylesbury", "22 Tudeley Hale Fishermead", "12 ashpole furlong loughton",
		"rose cottage haddenham", "ivy house stewkley", "15 Kingsbury Aylesbury"}
	for _, v := range addresses {
		c, err := conversation.ContactOf(v)
		require.NoError(t, err, v)
		assert.Equal(t, dpo.ContactPostal, c.Kind, v)
	}
	for _, v := range append([]string{"yes", "whatever", "22", "flat 3", "1 sec", "2 mins", "hang on", "erm", "Rose Cottage", "12 March 1985", "3 kids at home"}, repliesWithAComma...) {
		_, err := conversation.ContactOf(v)
		assert.Error(t, err, v)
	}
	for _, address := range addresses[:4] {
		t.Run(address, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Ben Carter"},
				{says: address, contains: []string{"service"}, lacks: []string{"doesn't look like", "can't read"}},
				{says: "skip"}, {says: "my parking permit records"},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: address}, q.cases()[0].Requester.Contact)
		})
	}
}

// A reply saying how to be reached is asked for that contact; one without e-mail or phone is
// asked for the postal address, with its postcode; and after two replies that are no address,
// the council's own data protection contact is given, so no one is stuck.
func TestTheContactStepAsksForTheWayAsked(t *testing.T) {
	for says, asks := range map[string]string{
		"by post please":                "What's your postal address, with its postcode?",
		"text me":                       "What's your mobile number?",
		"email me":                      "What's your e-mail address?",
		"i don't have email or a phone": "can write to you by post. What's your postal address, with its postcode?",
		"1 sec":                         "take your time",
		"5 minutes":                     "take your time",
		"10 mins":                       "take your time",
		"give me a minute":              "take your time",
		"bear with me":                  "take your time",
		"1 moment please":               "take your time",
		"22":                            "Sorry, I can't read that as a full postal address. What's your postal address, with its postcode?",
		"1 2 3 4 5 6 7":                 "doesn't look like",
	} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "Buckinghamshire", []line{{says: "I want a copy of my data"}, {says: "Ben Carter"},
			{says: says, kind: conversation.KindIntake, contains: []string{asks}, lacks: []string{"service"}}})
	}
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my data"}, {says: "Ben Carter"},
		{says: "I haven't got email", contains: []string{"postal address, with its postcode"}},
		{says: "my house", contains: []string{"can't read that as a full postal address"}, lacks: []string{"For Buckinghamshire Council"}},
		{says: "the white one", contains: []string{"write to Buckinghamshire Council's data protection team yourself",
			"For Buckinghamshire Council, contact the data protection team", "How should the data protection team contact you?"}},
		{says: "12 Acacia Avenue, Aylesbury HP19 8FF", contains: []string{"service"}},
		{says: "skip"}, {says: "my parking permit records"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: "12 Acacia Avenue, Aylesbury HP19 8FF"}, q.cases()[0].Requester.Contact)

	// Replies that are no contact of any kind get the council's own contact at the third (a
	// later QA pass: the same refusal five times).
	bot, _ = newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Buckinghamshire", []line{
		{says: "I want a copy of my data"}, {says: "Ben Carter"},
		{says: "yes", contains: []string{"doesn't look like"}, lacks: []string{"For Buckinghamshire Council"}},
		{says: "the usual", contains: []string{"doesn't look like"}, lacks: []string{"For Buckinghamshire Council"}},
		{says: "yes", contains: []string{"still can't read that as a way to reach you", "For Buckinghamshire Council, contact the data protection team",
			"How should the data protection team contact you?"}},
	})
}

// The words that lead a postal address in are not kept with it: "post to 14 oakridge road …" was
// stored whole, and a status check with the address found nothing (a QA pass). A name and an
// address given together at "Which council?" are kept apart.
func TestWordsRoundAnAddressAreNotKeptWithIt(t *testing.T) {
	for says, address := range map[string]string{
		"post to 14 oakridge road bletchley mk3 6ab":           "14 oakridge road bletchley mk3 6ab",
		"i live at 14 Oakridge Road, Bletchley, MK3 6AB":       "14 Oakridge Road, Bletchley, MK3 6AB",
		"address is 14 Oakridge Road, Bletchley, MK3 6AB":      "14 Oakridge Road, Bletchley, MK3 6AB",
		"please post it to 14 Oakridge Road Bletchley MK3 6AB": "14 Oakridge Road Bletchley MK3 6AB",
		"you can write to me at 14 Oakridge Road, MK3 6AB":     "14 Oakridge Road, MK3 6AB",
		"you can write to me at 22 Tudeley Hale, Fishermead":   "22 Tudeley Hale, Fishermead",
		// a later QA pass
		"send it to my address 9 elm close, bletchley":           "9 elm close, bletchley",
		"1 sec, its 5 High Street, Olney":                        "5 High Street, Olney",
		"i dont have email, 14 Oakridge Road, Bletchley MK3 6AB": "14 Oakridge Road, Bletchley MK3 6AB",
		"no email or phone so 14 Oakridge Road, MK3 6AB":         "14 Oakridge Road, MK3 6AB",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			last := script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Ben Carter"},
				{says: says, contains: []string{"service"}}, {says: "skip"}, {says: "my parking permit records", contains: []string{"Contact: " + address + "\n"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			require.Len(t, q.cases(), 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: address}, q.cases()[0].Requester.Contact)
			// The status is found with the address as the resident types it.
			script(t, bot, "", []line{
				{says: last.Reference, kind: conversation.KindStatus},
				{says: address, kind: conversation.KindStatus, contains: []string{"is received"}},
			})
		})
	}
	bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "i want a copy of my data"},
		{says: "Sam Patel 14 Oakridge Road Bletchley MK3 6AB", contains: []string{"your name as Sam Patel", "Milton Keynes City Council's area", "service"}},
		{says: "skip"}, {says: "as above"}, {says: "yes", kind: conversation.KindSubmitted},
	})
	require.Len(t, q.cases(), 1)
	assert.Equal(t, "Sam Patel", q.cases()[0].Requester.Name)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactPostal, Value: "14 Oakridge Road Bletchley MK3 6AB"}, q.cases()[0].Requester.Contact)
}

// A phone number said aloud at the contact step, as a resident dictates it or a screen reader
// types it ("oh 7 7 double 1 …", "o seven seven treble one …"), is the phone number, in digits:
// it was refused as no contact, and "oh 7 7 double 1 2 3 4 5 6 7 8" read as a safeguarding
// concern. One typed in digits is kept as typed; number words elsewhere stay words.
func TestAPhoneNumberSaidAloudIsTheContact(t *testing.T) {
	for _, tc := range []struct{ says, contact string }{
		{"oh 7 7 double 1 2 3 4 5 6 7", "07711234567"},
		{"zero seven seven one one, two three four, five six seven", "07711234567"},
		{"oh seven seven treble one two three four five six", "07711123456"},
		{"o seven seven triple one two three four five six", "07711123456"},
		{"nought one nine oh eight, six double four, three two one", "01908644321"},
		{"my mobile is oh 7 7 double 1 2 3 4 5 6 7", "07711234567"},
		{"07711 234 567", "07711 234 567"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Otto Bauer"},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{"service"}, lacks: []string{"doesn't look like", "danger"}},
				{says: "skip"},
				{says: "one of my records", contains: []string{"Name: Otto Bauer", "Contact: " + tc.contact, "one of my records"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: tc.contact}, cases[0].Requester.Contact)
			assert.Equal(t, "Otto Bauer", cases[0].Requester.Name)
		})
	}
	// A number said aloud that is no UK number is told what is wrong with it, as one typed in
	// digits is: "oh 7 7 double 1 2 3 4 5 6 7 8" has a digit too many.
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Otto Bauer"},
		{says: "oh 7 7 double 1 2 3 4 5 6 7 8", kind: conversation.KindIntake, contains: []string{"11 digits after the 0, not 10", contactWanted}, lacks: []string{"danger"}},
	})
	assert.Empty(t, last.Intake.Fields["contact"])
}

// A landline or 03/08 number a digit long or short is refused as a mobile one is, saying how many
// digits it has and should have (a QA pass: "019086441234" was taken, and the team could never
// have rung it); "yes it's right" is told why it can't be.
func TestALandlineOfTheWrongLengthIsRefused(t *testing.T) {
	for _, tc := range []struct{ says, wants string }{
		{"019086441234", "That phone number has 11 digits after the 0, not 9 or 10"},
		{"020 7946 09581", "That phone number has 11 digits after the 0, not 10"},
		{"0300 123 45678", "That phone number has 11 digits after the 0, not 10"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, _ := newBot(t, qaNow)
			last := script(t, bot, "Milton Keynes", []line{
				{says: "I want a copy of my data"}, {says: "Jane Doe"},
				{says: tc.says, kind: conversation.KindIntake, contains: []string{tc.wants, "please check it", contactWanted}, lacks: []string{"service"}},
				{says: "yes it's right", kind: conversation.KindIntake, contains: []string{tc.says + " has 11", "couldn't reach you"}, lacks: []string{"doesn't look like"}},
				{says: "01908 644123", contains: []string{"service"}},
			})
			assert.Equal(t, "01908 644123", last.Intake.Fields["contact"])
		})
	}
}

// Numbers no one can be reached on are refused as the contact, saying what they look like: a case
// reference, a date, an account number, a number without the 0 or + a phone number starts with,
// or a number from abroad of no country's length (a QA pass: "2026-000004", the digits of a case
// reference, was filed as the requester's phone number, and the team could not reach them).
func TestContactOfRefusesANumberNoOneCanBeReachedOn(t *testing.T) {
	for _, tc := range []struct{ v, wants string }{
		{"2026-000004", "looks like a case reference"},
		{"DPO-2026-000004", "looks like a case reference"},
		{"dpo 2026 000004", "looks like a case reference"},
		{"07-12-2026", "looks like a date"},
		{"2026-12-07", "looks like a date"},
		{"07/12/2026", "looks like a date"},
		{"1234567890", "starts with 0"},
		{"12345678901", "starts with 0"},
		{"5551234567", "starts with 0"},
		{"12-34-56 12345678", "starts with 0"},
		{"0607 123 4567", "01, 02, 03, 05, 07, 08 or 09"},
		{"+44 6700 900123", "01, 02, 03, 05, 07, 08 or 09"},
		{"+1 415 555 267", "check it"},
		{"+353 87 123 4567 8901 23", "check it"},
		{"+0 123 456 7890", "check it"},
	} {
		_, err := conversation.ContactOf(tc.v)
		if assert.Error(t, err, tc.v) {
			assert.Contains(t, err.Error(), tc.wants, tc.v)
		}
	}
	for _, v := range []string{"07700 900123", "+44 (0)7700 900123", "0044 7700 900123", "01908 644123", "(01908) 644123", "020 7946 0000",
		"0800 123 4567", "0300 123 4567", "+1 415 555 2671", "+33 1 23 45 67 89", "0033 1 23 45 67 89", "+353 87 123 4567", "+49 30 1234567"} {
		c, err := conversation.ContactOf(v)
		require.NoError(t, err, v)
		assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: v}, c, v)
	}
}

// A case reference typed at the contact step is told for what it is, not filed as a phone
// number made of its digits (a QA pass: "Contact: 2026-000004"); the contact given next is kept.
func TestACaseReferenceIsNoContact(t *testing.T) {
	for _, says := range []string{"DPO-2026-000004", "it's DPO-2026-000004", "dpo2026000004", "2026-000004"} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, qaNow)
			script(t, bot, "Milton Keynes", []line{
				{says: "caller wants a copy of all their records"}, {says: "Jo Bloggs", contains: []string{contactWanted}},
				{says: says, kind: conversation.KindIntake, contains: []string{"That looks like a case reference, not a way to reach you", contactWanted},
					lacks: []string{"noted your contact", "service"}},
				{says: "07700 900123", contains: []string{"service"}},
				{says: "skip"},
				{says: "all of it", contains: []string{"Contact: 07700 900123"}, lacks: []string{"Contact: 2026", "Contact: DPO"}},
				{says: "yes", kind: conversation.KindSubmitted},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, dpo.Contact{Kind: dpo.ContactPhone, Value: "07700 900123"}, cases[0].Requester.Contact)
		})
	}
}

// A case reference given beside the contact does not hide it: the phone number is the contact.
func TestACaseReferenceBesideTheContactLeavesTheContact(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	last := script(t, bot, "Milton Keynes", []line{
		{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
		{says: "ref DPO-2026-000004, 07700 900123", contains: []string{"service"}},
	})
	assert.Equal(t, "07700 900123", last.Intake.Fields["contact"])
}

// A number that is no phone number, beside a name at "Which council?", is not noted as the contact
// (a QA pass: "Thanks, I've noted your contact details", and "Contact: 2026-000004"); the contact
// is asked for in its turn. Beside a real phone number at the contact step, it leaves that one.
func TestANumberThatIsNoPhoneIsNotNotedAsTheContact(t *testing.T) {
	bot, _ := newBot(t, qaNow)
	script(t, bot, "", []line{
		{says: "caller wants a copy of all their social care records", contains: []string{"Which council"}},
		{says: "Jo Bloggs 2026-000004", lacks: []string{"noted your contact details"}},
		{says: "Milton Keynes"},
	})
	for _, says := range []string{"account 1234567890, call 07700 900123", "my ref is 2026-000004 and my mobile is 07700 900123"} {
		bot, _ := newBot(t, qaNow)
		last := script(t, bot, "Milton Keynes", []line{
			{says: "I want a copy of my data"}, {says: "Jo Bloggs"},
			{says: says, contains: []string{"service"}},
		})
		assert.Equal(t, "07700 900123", last.Intake.Fields["contact"], says)
	}
}
