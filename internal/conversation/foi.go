package conversation

import (
	"regexp"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
)

// makeFOIRe is a wish to make a Freedom of Information (or Environmental Information) request:
// "how do I make an FOI request?", "I want to put in a freedom of information request", "FOI
// request about the leisure centre budget", "can I ask for the contract under the Freedom of
// Information Act?"; or asks which of the two a request for one's own data is ("SAR or FOI?"),
// or what one is ("what is FOI?", "is FOI free?"). A question of what such a request reveals
// ("will my name be released under FOI?", "can my neighbour get my complaint under FOI?", "will
// you publish my name if I submit an FOI?") is not one (revealsRe): the notices may answer it.
var makeFOIRe = regexp.MustCompile(`(?i)\b(?:make|making|submit|submitting|send|sending|put|putting|lodge|raise|file|start)\b(?:\s+(?:in|an|a|my|the|new|another))*\s+(?:foi|foia|freedom of information|eir|environmental information)\b|` +
	`^\s*(?:an?\s+)?(?:foi|freedom of information|eir)\s+(?:request|application)\b|` +
	`\bI\b[^.?!]{0,30}\b(?:request|ask for|get|see|obtain)\b[^.?!]{0,50}\bunder\s+(?:the\s+)?(?:foi|foia|freedom of information|eir|environmental information)\b|` +
	// Which of the two a request for one's own records is: "can I use freedom of information to
	// get my own records?", "what's the difference between a SAR and an FOI?".
	`\b(?:use|using|through|via)\s+(?:an?\s+|the\s+)?(?:foi|foia|freedom of information)\b[^.?!]{0,40}\b(?:my|me|myself)\b|` +
	`\bdifference between\b[^.?!]{0,60}\b(?:foi|foia|freedom of information)\b|` +
	`\b(?:sar|dsar|subject access(?: request)?)\s+(?:or|vs\.?|versus)\s+(?:an?\s+)?(?:foi|foia|freedom of information)\b|` +
	`\b(?:foi|foia|freedom of information)(?: request)?\s+(?:or|vs\.?|versus)\s+(?:an?\s+)?(?:sar|dsar|subject access)\b|` +
	`\b(?:sar|dsar|subject access(?: request)?|foi|foia|freedom of information(?: request)?)\s+(?:the same as|same as|different from|different to)\s+(?:an?\s+)?(?:sar|dsar|subject access|foi|foia|freedom of information)\b|` +
	// What one is, or costs: "what is FOI?", "what does FOI mean?", "is FOI free?".
	`^\s*(?:what(?:'s|’s| is| are| does)?|whats|is|are)\s+(?:an?\s+|the\s+)?(?:foi|foia|freedom of information)(?:\s+(?:requests?|act))?\s*(?:mean|free|\?|$)`)

// aboutFOIRe finds a notice's words about Freedom of Information, in a quote or where it is from.
var aboutFOIRe = regexp.MustCompile(`(?i)\bfreedom of information\b|\bFOIA?\b|\benvironmental information regulations\b|\bEIR\b`)

// foiExplained says what a Freedom of Information request is, and what is instead the resident's
// to ask of the data protection team: residents asking to make one got a quote of their data
// protection rights (a QA pass), which the bot can't take an FOI request as.
const foiExplained = "A Freedom of Information request asks for information the council holds about its work, " +
	"not for your own personal data. The privacy notices I answer from don't cover Freedom of Information requests, and I can't take one here: please make it to the council directly.\n" +
	"If it is the information the council holds about you that you want, that is a subject access request, which goes to the data protection team."

// foi answers a wish to make a Freedom of Information request, when the notices' answer is
// not about such requests (a council's own FOI notice answers it): what one is, and the data
// protection contact for a request about the resident's own data.
func (b *Bot) foi(ans answer.Answer, org string) answer.Answer {
	if !ans.Abstained && citesFOI(ans) || b.Contacts == nil {
		return ans
	}
	contact := b.Contacts(org)
	return answer.Answer{Question: ans.Question, Answer: foiExplained + "\n" + contact.Answer, Abstained: true,
		Citations: contact.Citations, Mode: ans.Mode}
}

// citesFOI reports whether an answer quotes a notice about Freedom of Information requests.
func citesFOI(ans answer.Answer) bool {
	for _, c := range ans.Citations {
		if aboutFOIRe.MatchString(strings.Join([]string{c.Excerpt, c.Section, c.Title}, " ")) {
			return true
		}
	}
	return false
}

// revealsRe is a question of what someone learns through a Freedom of Information request.
var revealsRe = regexp.MustCompile(`(?i)\b(?:reveal|reveals|revealed|release|released|publish|published|disclose|disclosed|disclosure|find out|identify|identity|my name|who (?:made|complained|reported|asked))\b`)

// asksToMakeFOI reports whether a message asks to make a Freedom of Information request.
func asksToMakeFOI(text string) bool {
	return makeFOIRe.MatchString(text) && !revealsRe.MatchString(text)
}
