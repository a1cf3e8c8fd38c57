package conversation

import (
	"regexp"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
)

var followUpRe = regexp.MustCompile(`(?i)^\s*(and|what about|how about|also|same for|and for|what of|for|then|or)\b|^\s*(and|what about)?\s*(it|that|those|them|this|they)\b`)

// IsFollowUp reports whether a message leans on the previous question ("and for complaints?",
// "what about Bucks?", "how long are they kept?"): it opens like a continuation or is too short
// to stand alone.
func IsFollowUp(q string) bool {
	if followUpRe.MatchString(q) {
		return true
	}
	return len(answer.Terms(q)) <= 1 && len(strings.Fields(q)) <= 4
}

// Rewrite makes a follow-up stand alone without a model: the previous question's words are
// carried over, and the follow-up's words replace the topic ("How long do you keep complaint
// records?" + "and for service requests?" → "How long do you keep … service requests").
func Rewrite(previous, followUp string) string {
	f := followUpRe.ReplaceAllString(followUp, "")
	f = strings.TrimSpace(strings.Trim(f, "?.! "))
	return strings.TrimSpace(previous) + " " + f
}
