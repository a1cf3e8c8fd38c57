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

// A review found the address let out read where the council let nothing out, each starting a
// complaint flagged as a danger to the writer: an officer not the council's, a recipient named who
// is not the ex, an ex who "got" something else. What is told of the council stays read.
func TestAnAddressGivenAwayIsTheCouncilsAndOneTelling(t *testing.T) {
	for _, text := range []string{
		"the housing officer told my ex where I live",
		"one of your staff gave my ex my new address",
		"housing gave out my address by mistake and now my ex knows where I am",
		"the council gave my address out and my abuser found out where I live",
		"housing gave out my address, and now my ex knows where I am",
		"housing sent my details out and my ex got hold of them",
	} {
		assert.True(t, TellsOfAddressGivenAway(text), "%q", text)
	}
	for _, text := range []string{
		"the police officer told my ex where i live",
		"the officer told my ex where i live",
		"the hospital receptionist gave my ex my new address",
		"housing sent my details to my solicitor and my ex found out",
		"the council sent my details to the wrong person and my ex got the kids",
		"housing gave out my address to my landlord, my ex found out anyway",
	} {
		assert.False(t, TellsOfAddressGivenAway(text), "%q", text)
	}
}

// Found on a place, not through the council ("on facebook", "on the council estate"), or said not
// to be through it, is no address let out by the council (a review: each read as a possible
// breach, with a complaint offered). Found on what the council sent or keeps still is.
func TestAnAddressFoundNotThroughTheCouncilIsNotRead(t *testing.T) {
	for _, text := range []string{
		"my ex found my new address on a council letter",
		"my ex found out where I live on a letter from the council",
		"my ex found out where I live in the council tax records",
		"my ex got my address off the council website",
	} {
		assert.True(t, TellsOfFoundThroughTheCouncil(text), "%q", text)
	}
	for _, text := range []string{
		"my ex found out where i live on facebook, not from the council",
		"my ex knows where i live, on the council estate",
		"my ex found out where I live in the council flats",
		"my ex found out where I live but it wasn't through the council",
		"my ex found my address, not through housing but through a friend",
	} {
		assert.False(t, TellsOfFoundThroughTheCouncil(text), "%q", text)
	}
}

// A former partner finding the writer's address through the council is read however calmly it
// is told, and whichever way round ("the council sent a letter … and my ex saw my new address on
// it"), for the conversation to say it may be a breach and offer the complaint (a review: told
// calmly it got neither). Anyone else finding it, found some other way, said not to be through
// the council, or a council letter with no one finding anything, is not.
func TestAnExFindingTheAddressThroughTheCouncilIsRead(t *testing.T) {
	for _, text := range []string{
		"my ex found my new address on a letter from the council",
		"my ex found out where I live from a letter you sent",
		"the council sent a letter to my old address and my ex saw my new address on it",
		"my ex found my new address on a council letter",
		"my ex-husband has found out where I live through the council",
		"my abusive ex got my address from a council letter",
		"you sent a letter to our old house and my ex saw my new address",
	} {
		assert.True(t, TellsOfAnExFindingItThroughTheCouncil(text), "%q", text)
		assert.True(t, TellsOfFoundThroughTheCouncil(text), "%q", text)
	}
	for _, text := range []string{
		"my ex found my new address on facebook",
		"my ex found out where I live, not from the council",
		"I got a letter from the council about my council tax",
		"my mum found my new address on a council letter",
		"my ex found out where I live",
		"I'm scared my ex will find my address through the council",
		"the council sent a letter to my old address and I moved and my ex saw my new address",
		"the council sent a letter to my old address and my mum saw my new address on it",
	} {
		assert.False(t, TellsOfAnExFindingItThroughTheCouncil(text), "%q", text)
	}
}
