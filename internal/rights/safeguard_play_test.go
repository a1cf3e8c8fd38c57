package rights

import "testing"

// Children hitting each other with a toy is play, not danger, and what the message asks is read:
// "my son keeps hitting his brother with a lightsaber, anyway who is the DPO for Bucks?" was
// urgent (a QA pass). Anyone else hitting a child, a child hit with something that hurts, or with
// nothing named, is still urgent.
func TestSiblingsPlayingWithAToyIsNoDanger(t *testing.T) {
	assertCalm(t, []string{
		"my son keeps hitting his brother with a lightsaber, anyway who is the DPO for Bucks?",
		"my son keeps hitting his brother with a lightsaber",
		"the kids keep whacking each other with pillows, how long do you keep school records?",
		"my daughter hit her little sister with a foam sword again, who do you share my data with?",
	})
	assertUrgent(t, []urgentMessage{
		{text: "my partner keeps hitting my son"},
		{text: "my son's dad hits him"},
		{text: "my partner keeps hitting my son with a lightsaber"},
		{text: "my son keeps hitting his brother with a belt"},
		{text: "my son keeps hitting his brother with a sword"},
		{text: "my son keeps hitting his brother with a lightsaber and my husband beats me, who is the DPO?"},
	})
}
