package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The council giving the writer's address to a former partner or an abuser is read as such,
// and the complaint it makes still read ("I think someone in housing gave my ex my new address"
// started a complaint with no word of where to turn, a QA pass). Told with no fear it is no alarm
// (the conversation says where to turn if they feel unsafe); urgent by its own words, the danger
// is the writer's own, whoever at the council it names. A misdirected letter, a register, a
// question of whether the council would, a denial, or an ex telling the council are none.
func TestAnAddressGivenToAnExIsRead(t *testing.T) {
	for _, tc := range []struct {
		text       string
		actionable bool
	}{
		{"I think someone in housing gave my ex my new address", true},
		{"the council sent my new address to my ex-husband", true},
		{"the council told my ex where I live", true},
		{"housing gave out my address and now my ex knows where I am", false},
	} {
		assert.True(t, TellsOfAddressGivenAway(tc.text), "%q", tc.text)
		got, tr := classify(tc.text)
		assert.Equal(t, Complaint, got.Type, "%q: the complaint is still read; %s", tc.text, tr)
		assert.Equal(t, tc.actionable, got.Actionable, "%q; %s", tc.text, tr)
	}
	for _, text := range []string{
		"my social worker passed my details to my violent ex",
		"housing gave out my address and now my ex knows where I am",
	} {
		got, tr := classify(text)
		assert.True(t, got.Safeguarding, "%q must be urgent; %s", text, tr)
		assert.True(t, got.DomesticAbuse, "%q: the writer is at risk themselves; %s", text, tr)
		assert.False(t, got.OnBehalf, "%q: not a report about the social worker; %s", text, tr)
	}
	calm := []string{
		"you sent my letter to my old address",
		"the council gave my address to the electoral roll",
		"the council never gave my address to my ex",
		"can the council give my address to my ex?",
		"my ex told the council my new address",
		"the council sent my new address to my husband by mistake",
	}
	assertCalm(t, calm)
	for _, text := range calm {
		assert.False(t, TellsOfAddressGivenAway(text), "%q", text)
	}
}

// Someone finding where the writer lives through the council ("my abuser found out where I live
// from a council letter") is read as such, for the conversation to offer the complaint beside
// the safety contacts (a QA pass offered only the request to keep the address confidential).
// Found some other way, found somewhere that merely names the council, or only feared ("how do I
// stop my ex finding my address through the council?"), it is not.
func TestAnAddressFoundThroughTheCouncilIsRead(t *testing.T) {
	for _, text := range []string{
		"my abuser found out where I live from a council letter",
		"my abusive ex got my address from a council letter",
		"my violent ex tracked down my new address through the council",
		"my ex knows where I live now, he got it off a council tax bill",
		"my ex found out where I live because the council sent a letter to our old house",
		"my ex found out where I live from a letter you sent",
		"my ex found my address through someone at the council",
	} {
		assert.True(t, TellsOfFoundThroughTheCouncil(text), "%q", text)
	}
	for _, text := range []string{
		"my ex found out where I live",
		"my ex keeps turning up at my new flat",
		"my ex found out where I live in Bletchley, can you help",
		"my ex found out where I live. I called the council about it",
		"I fled domestic abuse and moved to Milton Keynes, how do I stop my ex finding my address through the council?",
		"I'm scared my ex will find my address through the council",
	} {
		assert.False(t, TellsOfFoundThroughTheCouncil(text), "%q", text)
	}
}
