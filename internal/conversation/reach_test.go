package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A writer who asks whether someone they may need to be kept safe from can get their address or
// records through the council is answered from the notices, told whom to ask and where to turn,
// and offered the request to keep the address confidential (a QA pass): "im in a refuge. if my
// husband asks the council where i live will they tell him" got the safety contacts alone, "my
// ex husband works for the council, can he look up my address on the system?" that the notices
// don't answer, and "can my ex get my records?" the offer of a copy of the writer's own data.
// "yes" takes the confidentiality request, which asks for a contact safe to use and is flagged.
func TestAskingWhetherAnExCanGetTheAddressIsAnsweredAndOfferedConfidentiality(t *testing.T) {
	offered := []string{"keep your address confidential", `say "yes"`, "01908 254900"}
	for _, tc := range []struct {
		says, kind string
		contains   []string
	}{
		{"im in a refuge. if my husband asks the council where i live will they tell him", conversation.KindSafeguarding,
			[]string{"999", "0808 2000 247", "court order", "risk of harm to you or another person"}},
		{"my ex husband works for the council, can he look up my address on the system?", conversation.KindAnswer,
			[]string{"accessible only to staff who need to see it to do their jobs", "If someone knowing where you live puts you at risk", "0808 2000 247"}},
		{"can my ex get my records?", conversation.KindAnswer,
			[]string{"their own records", "the right to see most records", "containing personal information about you", "If someone knowing where you live puts you at risk"}},
		{"my abusive ex keeps threatening me, can he get my records from the council?", conversation.KindSafeguarding,
			[]string{"999", "0808 2000 247", "the right to see most records"}},
		{"I fled domestic abuse, please keep my address confidential. will the council tell my ex where I live?", conversation.KindSafeguarding,
			[]string{"999", "0808 2000 247", "court order"}},
	} {
		t.Run(tc.says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: tc.says, kind: tc.kind, contains: append(tc.contains, offered...),
					lacks: []string{"Right of access (a copy of your data)", "I can still take your request", "don't answer that", "This chat can't act on safeguarding concerns, so please contact them now.\n\nYou can ask",
						"If you want the council to keep your address confidential"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object", "full name"}},
				{says: "Jo Bloggs", kind: conversation.KindIntake, contains: []string{"safe"}},
				{says: "jo@example.com", kind: conversation.KindIntake}, {says: "skip"}, {says: "skip"},
				{says: "yes", kind: conversation.KindSubmitted, contains: []string{"Your reference is DPO-"}},
			})
			cases := q.cases()
			require.Len(t, cases, 1)
			assert.Equal(t, "objection", string(cases[0].Type))
			assert.True(t, cases[0].Safeguarding)
			assert.Contains(t, cases[0].Description, "keep my address confidential")
		})
	}
	// Someone else's getting them, or a partner beside another question, is no danger told.
	for _, says := range []string{
		"can my mum get a copy of my records",
		"my husband works for the council, how long do you keep CCTV",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindAnswer, lacks: []string{"999", "0808", "keep your address confidential"}},
			})
		})
	}
}

// A partner's "can my husband get my records?", asked calmly, is told whose the right of access
// is and what the notices say of it, with whom to ask: it was offered a copy of the writer's own
// data, as if they had asked for one. No danger is read into it, and a "yes" after it starts
// nothing.
func TestAskingCalmlyWhetherAPartnerCanGetTheRecordsIsAnswered(t *testing.T) {
	for _, says := range []string{
		"can my husband get my records?",
		"can my partner get my data from milton keynes council?",
		"could my wife see my file?",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			org := "Milton Keynes"
			if says == "can my partner get my data from milton keynes council?" {
				org = "" // the council named is the one asked
			}
			script(t, bot, org, []line{
				{says: says, kind: conversation.KindAnswer,
					contains: []string{"their own records", "you or your representative the right to see most records", "01908 254900"},
					lacks:    []string{"Right of access (a copy of your data)", `say "yes"`, "999", "0808", "keep your address confidential", "Buckinghamshire"}},
				{says: "yes", lacks: []string{"full name"}},
			})
			assert.Empty(t, q.cases())
		})
	}
}
