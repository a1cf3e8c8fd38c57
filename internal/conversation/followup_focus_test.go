package conversation_test

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/conversation"
)

// A follow-up asking only for a kind of fact ("how long do they keep my stuff?") asks it of what
// the conversation is about, the service whose notice is in focus, not of every word the question
// before asked with ("do they share my info with the dwp or my employer"): those outweighed the
// retention periods in the Employment Support notice (a QA pass).
func TestAKindOnlyFollowUpIsAskedOfTheServiceInFocus(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "i use the employment support service, do they share my info with the dwp or my employer", kind: conversation.KindAnswer},
		{says: "how long do they keep my stuff", kind: conversation.KindAnswer, contains: []string{"3 years"}, lacks: []string{"don't answer"}},
	})
}

// A follow-up asked in the context of what the conversation was about ("can i opt out of that?"
// after the NHS number) leaves it about that: "how long is it kept" asks how long the NHS number
// is kept, not how long "opt" is (a QA pass).
func TestAFollowUpKeepsTheTopicAFollowUpWasAskedAbout(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "", []line{
		{says: "what do you do with my nhs number", kind: conversation.KindAnswer},
		{says: "can i opt out of that?", kind: conversation.KindAnswer},
		{says: "how long is it kept", kind: conversation.KindAnswer, contains: []string{"retained in the adult social care system"}, lacks: []string{"don't answer"}},
	})
}

// A contact asked for after questions about one service ("whats their phone number") is that
// service's, whose notice is in focus: MK Together's own number, not "don't answer that" (a QA
// pass; the question before was about an adult's records, "their" is MK Together).
func TestAContactFollowUpIsTheServiceInFocus(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "what is mk together", kind: conversation.KindAnswer},
		{says: "how long do they keep info about a child", kind: conversation.KindAnswer},
		{says: "and an adult?", kind: conversation.KindAnswer},
		{says: "whats their phone number", kind: conversation.KindAnswer, contains: []string{"01908 254373"}, lacks: []string{"don't answer"}},
	})
}

// Someone checking what they were told about what was just answered ("someone told me you keep
// them forever is that right") is answered from it again: the 6 years, not "don't answer that"
// (a QA pass).
func TestAClaimCheckedAboutTheTopicIsAFollowUp(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "how long do you keep complaint records?", kind: conversation.KindAnswer, contains: []string{"6 years"}},
		{says: "someone told me you keep them forever is that right", kind: conversation.KindAnswer, contains: []string{"6 years", "10 years"}, lacks: []string{"don't answer"}},
	})
}

// A follow-up that asks the question before of another council ("and for Bucks?") leaves behind
// what named the first council's notice in focus ("MK Together", one of Milton Keynes's
// services): asked with it, Buckinghamshire's introduction was quoted, not its lawful basis (a QA
// pass of the adviser's chat).
func TestAnotherCouncilIsAskedWithoutTheServiceInFocus(t *testing.T) {
	for _, channel := range []string{"phone", "web"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		scriptOn(t, bot, channel, channel+"-basis", "", []line{
			{says: "whats our lawful basis for MK Together?", kind: conversation.KindAnswer, contains: []string{"MK Together"}},
			{says: "and for Bucks?", kind: conversation.KindAnswer, contains: []string{"Lawful basis and purposes of the processing"}, lacks: []string{"This page provides a general explanation"}},
		})
	}
}
