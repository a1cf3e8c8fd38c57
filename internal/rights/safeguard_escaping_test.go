package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A writer who fled abuse and fears being found through the council, or whose partner controls
// their post, is at risk from a partner (a verifying QA pass): "I fled domestic abuse and moved to
// Milton Keynes, how do I stop my ex finding my address through the council?" was calm ("I
// fled" damps as the past), and so was "my husband reads all my letters so please don't post
// anything to my house". Like someone being found, the reading is less sure than a cue's, so
// what the message asks is read too (ByModel). A past abuse with no fear of being found now, and
// someone reading the post for the writer, are calm.
func TestAWriterWhoFledAbuseOrWhosePostIsReadIsAtRisk(t *testing.T) {
	for _, text := range []string{
		"I fled domestic abuse and moved to Milton Keynes, how do I stop my ex finding my address through the council?",
		"I escaped an abusive relationship and moved to Milton Keynes, how do I stop my ex finding my address through the council?",
		"I escaped an abusive relationship last year and I'm worried my ex will get my new address from council letters",
		"I left my violent husband and moved, please make sure he can't find where I live through you",
		"we fled domestic violence, can my ex find out our new address from the council tax records?",
		"I'm fleeing a controlling partner, how do I keep my new address hidden?",
		"I got away from an abusive ex and I need to know nobody at the council will give him my address",
		"my husband reads all my letters so please don't post anything to my house",
		"my partner is controlling and reads all my post, can you email me instead?",
		"my boyfriend opens all my mail, please don't send letters to the house",
		"my ex still goes through my post, can you contact me by email instead of letters?",
		"my wife is controlling and checks my post, I don't want letters coming here",
	} {
		in, tr := classify(text)
		assert.True(t, in.Safeguarding && in.DomesticAbuse, "%q: %+v %s", text, in, tr)
		assert.False(t, in.OnBehalf, "%q: %s", text, tr)
	}
	for _, text := range []string{
		"I fled domestic abuse years ago, can I have a copy of my housing file?",
		"does the council share information with domestic abuse services?",
		"my wife reads my letters to me because my eyesight is bad, can you send them in large print?",
		"my husband usually opens the post, can you send the council tax bill in both our names?",
		"my mum reads my letters, please email me instead",
		"I moved to Milton Keynes, how do I update my address with the council?",
		"I escaped domestic abuse years ago and I'm safe now, can my old case file be deleted?",
	} {
		in, tr := classify(text)
		assert.False(t, in.Safeguarding, "%q: %s", text, tr)
	}
}
