package conversation_test

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/conversation"
)

// An adviser's note-like "sar how long" asks how long the council has to answer, as "sar time
// limit" does (a QA pass: it gave the contacts only); keeping SAR records is still retention.
func TestAnAdvisersNoteAsksHowLongARequestTakes(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
	for _, says := range []string{"sar how long", "how long for a sar", "subject access request how long?"} {
		script(t, bot, "Milton Keynes", []line{{says: says, kind: conversation.KindAnswer, contains: []string{"must respond within one calendar month"}}})
	}
	script(t, bot, "Milton Keynes", []line{{says: "how long do you keep sar records", lacks: []string{"must respond within one calendar month"}}})
}

// What the law says on time limits is not in the notices, so it says where it comes from: a QA
// pass read "one calendar month … two further months" without a source as the bot's own period.
func TestWhatTheLawSaysNamesItsSource(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{{says: "how long does the council have to reply to a subject access request",
		kind: conversation.KindAnswer, contains: []string{"must respond within one calendar month", "Source: the Information Commissioner's Office's guidance on the right of access"}}})
}

// A follow-up that quotes a time limit again ("is it 40 days?") is told what the law says now
// too: a QA pass got the 2018 notice's 40 calendar days alone, after the first answer had given
// the one-month rule. A follow-up after a question of keeping records is not.
func TestAFollowUpQuotingATimeLimitAgainGetsTheLawToo(t *testing.T) {
	bot, _ := newBot(t, time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	script(t, bot, "Milton Keynes", []line{
		{says: "how long do you have to reply to a subject access request", contains: []string{"must respond within one calendar month"}},
		{says: "is it 40 days?", kind: conversation.KindAnswer, contains: []string{"40 calendar days", "must respond within one calendar month"}},
	})
	script(t, bot, "Milton Keynes", []line{
		{says: "how long do you keep complaint records?", contains: []string{"6 years"}},
		{says: "is it 6 years?", lacks: []string{"must respond within one calendar month"}},
	})
}
