package conversation

import (
	"fmt"
	"regexp"
	"strings"
)

// Questions about the chat itself ("is this chat recorded?", "who can see what I type?", "does
// this chat use cookies?", "are you ChatGPT?") are answered from what the chat does, as its own
// privacy notice (the web channel's /privacy) says it: the council's notices are about the
// council's services, and answered from them a question about the chat quoted the customer
// services team's "accessible only to staff who need to see it" as if it were about the chat (a
// QA pass). Only on the web, whose notice this is.

// ChatFacts are what the chat's own answers about itself depend on, as the deployment is set up.
type ChatFacts struct {
	// TranscriptDays is how long the redacted transcripts are kept; 0 when none are.
	TranscriptDays int
	// ModelService names the language-model service questions are sent to, when one is
	// configured ("api.openai.com"): to write the answers, or only to find the passages that
	// answer (embeddings); "" for the extractive answers alone.
	ModelService string
	// ModelWrites is set when the model writes the answers, not only finds passages.
	ModelWrites bool
	// ModelSelfHosted is set when the council runs that model itself, and it may see what is
	// typed as it is (PRIVACYBOT_MODEL_SELF_HOSTED).
	ModelSelfHosted bool
}

// keptFor is how long the redacted transcripts are kept, as said: "30 days", or "a limited time"
// when the deployment doesn't say.
func (f ChatFacts) keptFor() string {
	if f.TranscriptDays > 0 {
		return fmt.Sprintf("%d days", f.TranscriptDays)
	}
	return "a limited time"
}

// modelSees says what the language model does and is sent, when there is one.
func (f ChatFacts) modelSees() string {
	does := "helps find the passages that answer you"
	if f.ModelWrites {
		does = "writes my answers from those quotes"
	}
	if f.ModelSelfHosted {
		return "A language model the council runs itself " + does
	}
	return fmt.Sprintf("A language model service (%s) %s, sent your question with personal details such as names and contact details taken out", f.ModelService, does)
}

// modelDoes is what the model service does, for "… sent to the service that …".
func (f ChatFacts) modelDoes() string {
	if f.ModelWrites {
		return "writes the answers"
	}
	return "helps find the passages that answer"
}

// chatSubject names the chat, or what is typed into it.
const chatSubject = `(?:(?:this|the|your)\s+(?:chat|chatbot|chat ?bot|bot|web ?chat)|this conversation|our conversation|chat history|chat logs?|` +
	`what i (?:type|typed|write|wrote|send|sent)|what i (?:say|said|ask|asked|put) (?:here|to you|in (?:this|the) chat)|` +
	`my (?:questions to you|chat|messages here|conversation)|(?:this|these) messages?|(?:my )?messages (?:here|to you))`

var (
	// chatKeepsRe asks what the chat keeps: "is this chat recorded?", "how long do you keep this
	// conversation?", "what do you do with what I type?".
	chatKeepsRe = regexp.MustCompile(`(?i)\b` + chatSubject + `\b[^.?!]{0,40}\b(?:keep|kept|store|stored|save|saved|record|recorded|log|logged|delete|deleted|do with|happens? to|use|used)\b|` +
		`\b(?:keep|kept|store|stored|save|saved|record|recorded|log|logged|delete|deleted|do with|happens? to|use)\b[^.?!]{0,30}\b` + chatSubject + `\b`)
	// chatSeenRe asks who sees it: "who can see this?" on its own, "will the council see what I
	// asked?", "is my conversation private?" ("Who can access it?" after a sentence about an
	// EHCP asks about the EHCP).
	chatSeenRe = regexp.MustCompile(`(?i)^\s*(?:so\s+)?who\s+(?:can|will|would|could|else)?\s*(?:see|sees|read|reads)\s+(?:this|that)\s*\??\s*$|` +
		`\bwho\b[^.?!]{0,20}\b(?:see|sees|read|reads|access|look at)\s+` + chatSubject + `\b|` +
		`\b(?:see|read|look at|access)\s+` + chatSubject + `\b|\b` + chatSubject + `\b[^.?!]{0,20}\b(?:private|confidential|anonymous|secure|shared|passed on)\b`)
	// chatCookiesRe asks whether the chat tracks the person: cookies, an IP address.
	chatCookiesRe = regexp.MustCompile(`(?i)\b` + chatSubject + `\b[^.?!]{0,30}\b(?:cookies?|ip address(?:es)?|track|tracking|tracks)\b|` +
		`\b(?:cookies?|ip address(?:es)?|track|tracking)\b[^.?!]{0,30}\b` + chatSubject + `\b`)
	// elsewhereRe places a conversation or what was said somewhere else than the chat: "my
	// conversation with the housing officer", "what I say at the housing office".
	elsewhereRe = regexp.MustCompile(`(?i)\b(?:conversations?|talks?|calls?|meetings?|say|said)\s+(?:with|at|in|to)\s+(?:the|a|an|my|his|her|their|our|someone|somebody|council|housing|social)\b`)
	// chatDeleteRe asks the chat to delete what was typed into it: "can you delete this chat?" is
	// no erasure request for the council's records (a QA pass: it started one).
	chatDeleteRe = regexp.MustCompile(`(?i)\b(?:delete|erase|remove|wipe|clear|forget)\b[^.?!]{0,20}\b` + chatSubject + `\b`)
	// chatIsAIRe asks what the chat is: "are you ChatGPT?", "are you a robot?", "is this AI?".
	chatIsAIRe = regexp.MustCompile(`(?i)\bare you\s+(?:an?\s+)?(?:ai|a\.i\.|chat ?gpt|gpt|robot|bot|chat ?bot|computer|machine|real|human|person|real person)\b|` +
		`\b(?:is\s+)?(?:chat ?gpt|ai|a\.i\.|artificial intelligence)\s+(?:used|behind)\s+(?:for\s+)?(?:this|you|the chat)\b|` +

		`\b(?:is this|is it|is the chat|is this chat)\s+(?:an?\s+)?(?:ai|a\.i\.|chat ?gpt|robot|bot|chat ?bot|automated|a real person|a person|human)\b|\b(?:this chat|the chat|this bot|you)\s+use\s+(?:ai|chat ?gpt|artificial intelligence)\b`)
)

// councilsProcessingRe makes a question about AI one about what the council does with people's
// data, not about the chat: "do you use AI on my data?", "… to make decisions about my benefits?"
// (the notices say whether there is automated decision-making; a QA pass got the chat's notice).
var councilsProcessingRe = regexp.MustCompile(`(?i)\b(?:on|with|for|about|to (?:process|assess|score|check|profile))\s+(?:my|our|his|her|their|people'?s|residents'?|anyone'?s)\b|\b(?:decisions?|decide|deciding|profiling|profile|assess|score|scoring)\b`)

// chatPronounRe is a word that may stand for the chat in a follow-up to its answer about itself:
// the "it" of "how long do you keep it?".
var chatPronounRe = regexp.MustCompile(`(?i)\b(?:it|that|this|them|those|these|they)\b`)

// namedSubjectRe is a thing a follow-up names ("my council tax records"): its "them" is that, not
// the chat, unless it is the chat (chatWords).
var namedSubjectRe = regexp.MustCompile(`(?i)\b(?:my|our|his|her|their|the|your)\s+([\p{L}-]+)`)

// chatWords are what a follow-up may call the chat, or what is typed into it.
var chatWords = setOf(`chat chats chatbot bot conversation conversations messages message questions question webchat transcript transcripts`)

// chatFollowUp is a follow-up to the chat's answer about itself, read as about the chat: "how long
// do you keep it?", right after "This chat keeps what you type…", is "how long do you keep this
// chat?" (a web QA pass answered it from the councils' notices). "" when the last reply was no
// such answer, or the message leans on nothing said before.
func (s *session) chatFollowUp(text string) string {
	if !strings.Contains(s.lastReply(), aboutTheNotice) || !pointsBack(text) {
		return ""
	}
	for _, m := range namedSubjectRe.FindAllStringSubmatch(text, -1) {
		if !chatWords[strings.ToLower(m[1])] {
			return "" // "what about my council tax records, how long do you keep them?"
		}
	}
	loc := chatPronounRe.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	return text[:loc[0]] + "this chat" + text[loc[1]:]
}

// aboutThisChat answers a question about the chat itself, read as asked (read: the message, or
// a follow-up of its answer as chatFollowUp reads it); ok is false when the message is none.
func (b *Bot) aboutThisChat(s *session, t Turn, read string) (Reply, bool) {
	if elsewhereRe.MatchString(read) {
		return Reply{}, false // "is my conversation with the housing officer recorded?"
	}
	var text string
	switch {
	case chatDeleteRe.MatchString(read):
		text = "I can't delete it in the chat. The chat forgets this conversation after half an hour without messages, " +
			"and the record of what you typed, with personal details such as names and contact details taken out, is deleted automatically after " + b.Chat.keptFor() + ". " +
			"A request you made here is the data protection team's, with its details."
	case chatIsAIRe.MatchString(read) && !councilsProcessingRe.MatchString(read):
		text = "I'm an automated chat, not a person: I answer by quoting the council's privacy notices, and I can take a data protection request to the council's data protection team."
		if b.Chat.ModelService != "" {
			text += " " + b.Chat.modelSees() + "."
		}
		text += " To talk to a person, contact the data protection team." + aboutTheNotice
		return b.withContact(s, t, text), true
	case chatCookiesRe.MatchString(read):
		text = "This chat doesn't use cookies. The conversation is linked by a random number kept in your browser tab, forgotten when you close it. " +
			"Your internet (IP) address is held only in the server's memory while you chat, and for about ten minutes after, to stop any one computer sending too many messages; it is not kept with what you type."
	case chatSeenRe.MatchString(read):
		text = "Only the council's data protection team see the requests made to their council, signed in to their dashboard. " +
			"The people who run the chat can see what is typed here, with personal details taken out, to improve it."
		if b.Chat.ModelService != "" && !b.Chat.ModelSelfHosted {
			text += fmt.Sprintf(" Questions, with personal details taken out, are also sent to the language model service (%s) that %s.", b.Chat.ModelService, b.Chat.modelDoes())
		} else {
			text += " Nothing else is shared."
		}
	case chatKeepsRe.MatchString(read):
		text = "This chat keeps what you type, with personal details such as e-mail addresses, phone numbers and names taken out, for " + b.Chat.keptFor() +
			", to see what the council's notices don't answer and to fix the chat's mistakes; then it is deleted automatically. " +
			"The details of a request you make go to the council's data protection team with the request, not into that record."
	default:
		return Reply{}, false
	}
	return helpReply(s, t, text+aboutTheNotice), true
}

// aboutTheNotice points to the chat's own privacy notice.
const aboutTheNotice = " The chat's own privacy notice says more: the link \"How this chat uses your information\" under the chat."
