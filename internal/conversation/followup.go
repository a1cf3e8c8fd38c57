package conversation

import (
	"regexp"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
)

var followUpRe = regexp.MustCompile(`(?i)^\s*(and for|and what about|what about|how about|same for|what of|and|also|for|then|or)\b|^\s*(and|what about)?\s*(it|that|those|them|this|they)\b`)

// IsFollowUp reports whether a message leans on the previous question ("and for complaints?",
// "what about Bucks?", "how long are they kept?"): it opens like a continuation or is too short
// to stand alone.
func IsFollowUp(q string) bool {
	if followUpRe.MatchString(q) {
		return true
	}
	return len(answer.Terms(q)) <= 1 && len(strings.Fields(q)) <= 4
}

// kindFrames ask again for the kind of fact the previous question asked for, about a new topic.
var kindFrames = map[string]string{
	answer.KindDuration: "How long do you keep",
	answer.KindDeadline: "How long do you have to answer",
	answer.KindPhone:    "What is the phone number for",
	answer.KindPostcode: "What is the postal address for",
	answer.KindEmail:    "What is the email address for",
	answer.KindContact:  "Who is the data protection officer for",
}

// Rewrite makes a follow-up stand alone without a model. When the previous question asked for a
// kind of fact, the follow-up asks for the same kind about its own topic ("How long do you keep
// complaint records?" + "and for service requests?" → "How long do you keep service requests"),
// so a topic the notices don't cover is not answered with the previous topic's facts. Otherwise
// the previous question's words are carried over with the follow-up's.
func Rewrite(previous, followUp string) string {
	f := followUpRe.ReplaceAllString(followUp, "")
	f = strings.TrimSpace(strings.Trim(f, "?.! "))
	if frame, ok := kindFrames[answer.AskedKind(previous)]; ok && f != "" {
		return frame + " " + f
	}
	return strings.TrimSpace(previous) + " " + f
}
