package conversation

import (
	"regexp"

	"github.com/privacybot/privacybot/internal/answer"
)

// responseTimeRe is a question of how long the council has to answer a request ("how long will
// it take to get my data?", "is it 20 working days?"), not of how long it keeps records.
var responseTimeRe = regexp.MustCompile(`(?i)\bhow (?:long|many (?:days|weeks))\b[^.?!]{0,60}\b(?:take|taking|until|till|before I|to (?:reply|respond|answer|get back|deal with|process|provide|send|supply|hand over)|have to (?:reply|respond|answer|provide|send)|get (?:my|a|the) (?:data|records|information|copy|file|reply|response|answer)|hear back|wait)\b|` +
	`\b(?:time ?limits?|deadlines?|timescales?|time ?frames?)\b[^.?!]{0,40}\b(?:requests?|sars?|dsars?|repl(?:y|ies)|respond|responses?|answer)\b|` +
	`\b(?:requests?|sars?|dsars?)\b[^.?!]{0,40}\b(?:time ?limits?|deadlines?|timescales?)\b|` +
	// An adviser's note: "sar how long", "how long for a sar".
	`\b(?:sars?|dsars?|subject access(?: requests?)?)\b[^.?!]{0,30}\bhow long\b|\bhow long\b[^.?!]{0,20}\b(?:for|is|on) (?:a |an |the )?(?:sars?|dsars?|subject access)\b|` +
	`\bwhen (?:will|should|do|can) I (?:get|receive|hear|expect)\b[^.?!]{0,40}\b(?:data|records|copy|information|file|reply|response|answer|back)\b|` +
	`\b(?:20|twenty) working days\b|\b(?:40|forty|30|thirty|28) (?:calendar )?days\b[^.?!]{0,30}\b(?:reply|respond|request|sar)`)

// keepingRe is a question of retention, which responseTimeRe's "until" could otherwise catch
// ("how long do you keep records until they are deleted?").
var keepingRe = regexp.MustCompile(`(?i)\b(?:keep|keeps|kept|retain\w*|hold on to|store[sd]?|held)\b`)

// timeLimitRe is a time limit in an answer: days, weeks or months (retention is in years).
var timeLimitRe = regexp.MustCompile(`(?i)\b(?:calendar|working) days\b|\b\d+ days\b|\bmonths?\b|\bweeks?\b`)

func asksResponseTime(text string) bool {
	return responseTimeRe.MatchString(text) && !keepingRe.MatchString(text)
}

// statutoryResponseTime is what the law says now (UK GDPR article 12, as the queue computes it):
// the same words the intake uses, so the chat never gives two answers to one question. It names
// where it comes from, as every other claim the bot makes cites its notice: a QA pass read it as
// a period the bot had written of its own.
const statutoryResponseTime = "What the law says now: when you make a request about your data, the council must respond within one calendar month of receiving it. It can extend that by up to two further months for complex requests, telling you why within the first month, and if it asks for proof of identity the month starts when that arrives. " + statutorySource

// statutorySource is where statutoryResponseTime is taken from: the Information Commissioner's
// guidance the queue's deadlines follow (internal/deadline).
const statutorySource = "(Source: the Information Commissioner's Office's guidance on the right of access.)"

// responseTime answers a question of how long the council has to reply: the notices' words when
// they state a time limit (a notice's own, perhaps out of date, is flagged as such already), or
// that they don't, with the contact, instead of a retention period that happens to match
// "how long"; then what the law says now.
func (b *Bot) responseTime(ans answer.Answer, org string) answer.Answer {
	if !ans.Abstained && !timeLimitRe.MatchString(ans.Answer) && b.Contacts != nil {
		contact := b.Contacts(org)
		ans = answer.Answer{Answer: "The notices don't say how long the council has to reply to a request.\n" + contact.Answer,
			Abstained: true, Citations: contact.Citations, Mode: ans.Mode}
	}
	ans.Answer += "\n\n" + statutoryResponseTime
	return ans
}
