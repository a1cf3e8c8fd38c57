package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Someone at risk from a person finding where they live is offered the request to keep their
// address confidential however they put it, and "yes" takes it (a QA sweep: offered for "my
// husband keeps finding my address", not for "my ex keeps turning up at my new flat", whose
// "yes" got "Go ahead: ask me about the privacy notices"). Found through the council ("my abusive
// ex got my address from a council letter"), the complaint comes first and this request after it
// (TestAnAddressFoundThroughTheCouncilIsReportedThenKeptConfidential).
func TestTheConfidentialityOfferForAnyoneFoundWhereTheyLive(t *testing.T) {
	for _, says := range []string{
		"my ex keeps turning up at my new flat",
		"my ex has found out where I live",
		"he keeps finding out where I live",
		"my ex-partner keeps turning up at my new place",
		"my husband keeps finding my address",
		"I'm scared my ex will find my address",
		"my stalker found my new address",
	} {
		t.Run(says, func(t *testing.T) {
			bot, _ := newBot(t, gapsNow)
			script(t, bot, "Milton Keynes", []line{
				{says: says, kind: conversation.KindSafeguarding, contains: []string{"999", "keep your address confidential"}},
				{says: "yes", kind: conversation.KindIntake, contains: []string{"Right to object"}, lacks: []string{"Go ahead"}},
			})
		})
	}
}

// A calm statement that someone found an address, or that it is wrong, asks for no objection:
// "my mum found my new address on the letter" started a "Right to object" request (a QA sweep).
// Asked to keep it private, the request is still taken.
func TestFindingAnAddressCalmlyIsNoObjection(t *testing.T) {
	for _, says := range []string{
		"my mum found my new address on the letter",
		"the postman keeps finding my address wrong",
		"my new partner found my address book",
	} {
		t.Run(says, func(t *testing.T) {
			bot, q := newBot(t, gapsNow)
			last := script(t, bot, "Milton Keynes", []line{{says: says, lacks: []string{"Right to object", "999"}}})
			assert.NotEqual(t, conversation.KindIntake, last.Kind)
			assert.NotEqual(t, conversation.KindSafeguarding, last.Kind)
			assert.Empty(t, q.cases())
		})
	}
	bot, _ := newBot(t, gapsNow)
	script(t, bot, "Milton Keynes", []line{{says: "my mum found my new address on the letter, please keep it private from now on",
		kind: conversation.KindIntake, contains: []string{"Right to object"}}})
}
