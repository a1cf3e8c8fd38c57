package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A writer whose address the council gave to a former partner is told plainly that it is serious,
// where to turn if they feel unsafe, and still gets the complaint to the data protection team,
// with its reference: "I think someone in housing gave my ex my new address" started a complaint
// with no word of where to turn (a QA pass). No fear said, no alarm; but the ex may know their
// e-mail or phone too, so the complaint asks for a contact safe to use, and its case is flagged
// for the team (a later pass: filed like any), and once it is sent the request to keep the
// address confidential is offered (a review: only an address found through the council had it).
// Told with danger ("… and now my ex knows where I am", urgent), the safety contacts come
// first and the complaint, the breach report, is offered where only the confidentiality request
// was; its case is flagged and asks for a contact safe to use.
func TestAnAddressGivenToAnExIsSeriousAndStillAComplaint(t *testing.T) {
	serious := []string{"serious", "personal data breach", "999", "0808 2000 247"}
	for _, tc := range []struct {
		says  string
		skips int // the optional steps after the contact: the service, when not named, and the details
	}{
		{"I think someone in housing gave my ex my new address", 1},
		{"the council sent my new address to my ex-husband", 2},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			lines := []line{
				{says: tc.says, kind: conversation.KindIntake, contains: append(serious, "Complaint", "full name", "keep your address confidential")},
				{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
				{says: "jo@example.com", kind: conversation.KindIntake},
			}
			for range tc.skips {
				lines = append(lines, line{says: "skip"})
			}
			lines = append(lines, line{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-", "keep your address confidential", `Say "yes"`}},
				line{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}, lacks: []string{"full name"}})
			script(t, bot, "Buckinghamshire", lines)
			assertOneFlaggedComplaint(t, q)
			assert.Contains(t, q.cases()[0].Description, "or that one was given or found their address", "the note says what they told")
		})
	}
	t.Run("urgent", func(t *testing.T) {
		bot, q := newBot(t, gapsNow)
		script(t, bot, "Buckinghamshire", []line{
			{says: "housing gave out my address and now my ex knows where I am", kind: conversation.KindSafeguarding,
				contains: append(serious, "complaint", "Information Commissioner's Office", `say "yes"`)},
			{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint", "full name"}},
			{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
			{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"},
			{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-"}},
		})
		assertOneFlaggedComplaint(t, q)
	})
	// A calm misdirection names no one to be kept safe from: the complaint alone.
	for _, says := range []string{
		"you sent my letter to my old address",
		"the council gave my address to the electoral roll",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Buckinghamshire", []line{
				{says: says, kind: conversation.KindIntake, contains: []string{"Complaint", "full name"}, lacks: []string{"999", "serious", "0808"}},
			})
		})
	}
}

// Told calmly as a grievance, with no request made ("my support worker gave my ex my new
// address"), the complaint is offered; taken, it asks for a contact safe to use and its case is
// flagged, as when the complaint is asked for (a later pass: filed like any); once it is sent, the
// request to keep the address confidential is offered.
func TestAComplaintOfferedForAnAddressToldToAnExAsksForASafeContact(t *testing.T) {
	bot, q := newBot(t, gapsNow)
	script(t, bot, "Buckinghamshire", []line{
		{says: "my support worker gave my ex my new address", kind: conversation.KindAnswer, contains: []string{"complain", `say "yes"`}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint", "full name"}},
		{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
		{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"}, {says: "skip"},
		{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-", "keep your address confidential", `Say "yes"`}},
		{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}, lacks: []string{"full name"}},
	})
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.True(t, cases[0].Safeguarding)
	assert.Contains(t, cases[0].Description, "check it is safe")
}

// Someone who fears a person found where they live through the council ("my abuser found out
// where I live from a council letter") got the safety contacts and the request to keep their
// address confidential, but no word that the council may have let it out, nor the complaint (a
// QA pass). One question at a time: the contacts, that it may be a breach, and the complaint
// offered; the complaint asks for a safe contact and is flagged; once it is sent, with its
// reference, the request to keep the address confidential is offered, and takes the same name
// and contact. Fearing it ("how do I stop my ex finding my address through the council?") is no
// breach to report: that gets the confidentiality request alone (TestAWriterWhoFledAbuse…).
func TestAnAddressFoundThroughTheCouncilIsReportedThenKeptConfidential(t *testing.T) {
	for _, says := range []string{
		"my abuser found out where I live from a council letter",
		"my abusive ex got my address from a council letter",
		"my violent ex tracked down my new address through the council",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Buckinghamshire", []line{
				{says: says, kind: conversation.KindSafeguarding,
					contains: []string{"999", "0808 2000 247", "serious", "personal data breach", "complaint", "Information Commissioner's Office", `say "yes"`, "keep your address confidential"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint", "full name", "keep your address confidential"}, lacks: []string{"Right to object"}},
				{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
				{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"}, {says: "skip"},
				{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-", "keep your address confidential", `Say "yes"`}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}, lacks: []string{"full name", "How should the data protection team contact you"}},
			})
			assertOneFlaggedComplaint(t, q)
		})
	}
}

// Told calmly, a former partner finding the writer's address through the council ("my ex found
// my new address on a letter from the council") got "the notices don't answer that", or a
// complaint started with no word of why, where the same told with fear got that it may be a
// breach and the complaint offered (a review). Calm, it gets that, where to turn if they are at
// risk (no alarm), and the regulator after the team; "yes" takes the complaint, which asks for a
// safe contact and is flagged, and once it is sent the request to keep the address confidential
// is offered. A message that makes the complaint has it started at once, the same said first.
// Found some other way, said not to be through the council, or a council letter alone, is none
// of this.
func TestAnExFindingTheAddressThroughTheCouncilCalmlyIsReportedThenKeptConfidential(t *testing.T) {
	said := []string{"personal data breach", "999", "0808 2000 247", "complaint", "Information Commissioner's Office", "keep your address confidential"}
	for _, tc := range []struct {
		says  string
		first line
	}{
		{"my ex found my new address on a letter from the council",
			line{kind: conversation.KindAnswer, contains: append(said, `say "yes"`)}},
		{"my ex found my new address on a council letter",
			line{kind: conversation.KindAnswer, contains: append(said, `say "yes"`)}},
		{"the council sent a letter to my old address and my ex saw my new address on it",
			line{kind: conversation.KindIntake, contains: append(said, "Complaint", "full name")}},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			first := tc.first
			first.says = tc.says
			first.lacks = []string{"don't answer that", "If you feel unsafe, please get help now"}
			lines := []line{first}
			if first.kind == conversation.KindAnswer {
				lines = append(lines, line{says: "yes", kind: conversation.KindIntake, contains: []string{"Complaint", "full name", "keep your address confidential"}})
			}
			lines = append(lines,
				line{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe for you"}},
				line{says: "jo@example.com", kind: conversation.KindIntake}, line{says: "skip"}, line{says: "skip"},
				line{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-", "keep your address confidential", `Say "yes"`}},
				line{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}, lacks: []string{"full name"}})
			script(t, bot, "Buckinghamshire", lines)
			assertOneFlaggedComplaint(t, q)
		})
	}
	for _, says := range []string{
		"my ex found my new address on facebook",
		"my ex found out where I live, not from the council",
		"I got a letter from the council about my council tax",
		"my mum found my new address on a council letter",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Buckinghamshire", []line{{says: says, lacks: []string{"personal data breach", "Information Commissioner's Office", "pass your complaint"}}})
			assert.Empty(t, q.cases())
		})
	}
}

// assertOneFlaggedComplaint: the queue holds one case, a complaint flagged for the team, whose
// note asks them to check the contact is safe.
func assertOneFlaggedComplaint(t *testing.T, q queue) {
	t.Helper()
	cases := q.cases()
	require.Len(t, cases, 1)
	assert.Equal(t, "complaint", string(cases[0].Type))
	assert.True(t, cases[0].Safeguarding)
	assert.Contains(t, cases[0].Description, "check it is safe")
}
