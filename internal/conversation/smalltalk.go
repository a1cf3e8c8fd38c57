package conversation

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/rights"
)

// Small talk: a greeting, thanks, or asking what the bot is for. Searched as questions, "hello"
// and "thanks" got "the privacy notices don't answer that" and every council's data protection
// contact; a resident opening the widget with "hi" deserves to be told what to ask instead.

// Kinds of small talk.
const (
	smallTalkNone     = ""
	smallTalkGreeting = "greeting" // "hi", "good morning"
	smallTalkThanks   = "thanks"   // "thanks", "ok great, thank you"
	smallTalkBye      = "bye"      // "bye", "thanks, bye"
	smallTalkOK       = "ok"       // "ok", "right", "I see": an acknowledgement
	smallTalkYes      = "yes"      // "yes", "yes please": there is something else to ask
	smallTalkHelp     = "help"     // "help", "what can you do?"
	smallTalkFed      = "fed up"   // "you're useless", "stupid bot": the bot hasn't helped
	smallTalkBack     = "back"     // "sorry, my kids were fighting, where were we": back from a break
)

// whereWereWeRe is a resident back from a break asking where they were, on a message folded to
// lower-case words, after a few words of why they were away, or none: "where were we", "sorry,
// my kids were fighting, where were we", "what was I saying". Searched, it got a hedged answer
// quoting a notice about a child who died (a verifying QA pass).
var whereWereWeRe = regexp.MustCompile(`^(?:\S+\s+){0,12}?(?:where (?:were we|was i|are we|am i)(?: up to| at)?|where did (?:we|i) (?:get to|leave off|leave it|stop)|` +
	`what (?:was i|were we) (?:saying|doing|talking about|on about|up to)|remind me where (?:we were|i was))(?:\s+(?:then|now|again|sorry|please|with it|with this))*$`)

// smallTalkRes tell the kinds apart on a message folded to lower-case words. A message is small
// talk only when it is nothing else: "hi, how long do you keep my data?" is a question.
var smallTalkRes = []struct {
	kind string
	re   *regexp.Regexp
}{
	{smallTalkBye, regexp.MustCompile(`^(?:(?:ok|okay|right|great|thanks|thank you|cheers|no)\s+)*(?:bye|goodbye|bye bye|see you|that's all|thats all|that's it|thats it|no|nope|no thanks|no thank you|nothing|nothing else)(?:\s+(?:now|then|for now|thanks|thank you))*$`)},
	{smallTalkYes, regexp.MustCompile(`^(?:yes|yeah|yep|yup|yes please|sure|go on)$`)},
	{smallTalkThanks, regexp.MustCompile(`^(?:(?:ok|okay|ah|oh|right|great|perfect|brilliant|lovely|cool|fab|fantastic|excellent|super|awesome|good|nice|wonderful|that's|thats|that|is|was|very|really|so|helpful|useful)\s+)*` +
		`(?:thanks|thank you|thankyou|thank u|thx|ty|cheers|ta|many thanks|much appreciated|appreciated|that's helpful|thats helpful|that helps|got it|understood)` +
		`(?:\s+(?:a lot|again|so much|very much|loads|for (?:your|the|all your|all the) help|for that|for this|for the (?:info|information|answer)|for helping|bot|privacybot|mate|dear|love|that's helpful|thats helpful|that was helpful|that helps|that's great|thats great|that's brilliant|really helpful|very helpful))*$`)},
	{smallTalkOK, regexp.MustCompile(`^(?:ok|okay|k|kk|okey dokey|right|alright|all right|cool|great|perfect|fine|noted|i see|fair enough|makes sense|that makes sense|ah right|oh right|oh ok|ah ok|ah okay|oh okay|ok then|right then|hmm|hm|mm|oh|ah)$`)},
	{smallTalkGreeting, regexp.MustCompile(`^(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|hola|bonjour|salut|ciao|adios|danke|merci|gracias|dzien dobry|shalom|salaam|namaste)(?:\s+(?:there|all|everyone|bot|privacybot|dear|mate|love|friend))?(?:\s+(?:i )?hope (?:you are|you're|youre) (?:well|ok|okay|keeping well)|\s+how are you(?: (?:today|doing))?)?$`)},
	{smallTalkFed, regexp.MustCompile(`^(?:(?:you(?:'re| are|re)?|ur|u r|u|this(?: bot| chatbot| thing)? is|what a|absolutely|completely|totally)\s+)*(?:useless|rubbish|pointless|stupid|an idiot|idiotic|no help|no use|crap|shit|a joke|a waste of time|waste of time|hopeless|dumb|ridiculous)(?:\s+(?:bot|chatbot|thing|machine|robot|you \w+ bot))?$|^(?:(?:useless|rubbish|pointless|stupid|crap|dumb|bloody|fucking|f)\s+)+(?:bot|chatbot|thing|machine|robot)$|^(?:f|fuck|sod|piss|bugger)\s+off(?:\s+you(?:\s+\w+)?(?:\s+bot)?)?$`)},
	{smallTalkHelp, regexp.MustCompile(`^(?:(?:hi|hello|hey)(?:\s+there)?\s+)?(?:help|help me|help please|please help|i need help|menu|start|what can you do|what do you do|what can i ask|what can i ask you|what should i ask|how does this work|how do i use this|who are you|what are you|what is this|what's this|whats this|(?:can|could) you help(?: me)?(?: please)?|i have a question|i've got a question|quick question|(?:are you|is this) (?:a |an )?(?:bot|robot|computer|real person|person|human|automated)|am i (?:talking|speaking|chatting) to (?:a |an )?(?:bot|robot|computer|real person|person|human))$`)},
}

// wantsPersonRe finds a person asking to talk to someone rather than the bot: "I want to talk to
// a real person", "can someone call me back?". Read as a request about automated decisions, it
// put a case on the DPO's queue.
var wantsPersonRe = regexp.MustCompile(`(?i)\b(?:talk|speak|chat)(?:ing)? (?:to|with) (?:a |an )?(?:real |actual |proper |live )?(?:person|human|someone|somebody|advis[eo]r|member of staff|officer)\b|\b(?:someone|somebody|a person|an advis[eo]r) (?:to )?(?:call|ring|phone|contact) me(?: back)?\b|\b(?:call|ring|phone) me back\b|\b(?:get|put) me through to (?:a |an )?(?:person|human|someone|somebody)\b`)

// withdrawRequestRe finds a person asking to withdraw a request already sent: "cancel my
// request", "I want to withdraw my SAR". Read as the right to withdraw consent, it started a new
// request.
var withdrawRequestRe = regexp.MustCompile(`(?i)\b(?:cancel|withdraw|stop|take back|call off)\b[^.?!]{0,20}\b(?:my|the|that|this|our)\s+(?:\w+\s+){0,2}?(?:request|case|sar|dsar|application to the dpo)\b`)

// withdrawRequest answers a request to withdraw one already sent: only the data protection team
// can, given its reference. refs are the requests the conversation sent or checked: the one it
// must be, or those it may be.
func (b *Bot) withdrawRequest(s *session, t Turn, refs []string) Reply {
	var r Reply
	switch len(refs) {
	case 0:
		r = b.withContact(s, t, "A request that has been sent can't be withdrawn in this chat: tell the data protection team, giving its reference, and they will close it.")
	case 1:
		r = b.withContact(s, t, withdrawOne(refs[0]))
	default:
		r = b.withContact(s, t, fmt.Sprintf("A request that has been sent can't be withdrawn in this chat: tell the data protection team, giving its reference (%s), and they will close it.", joinList(refs, "or")))
	}
	r.AboutRequest = true
	return r
}

// withdrawOne says how to withdraw a request already sent, by its reference ("DPO-… and DPO-…").
func withdrawOne(ref string) string {
	return fmt.Sprintf("A request that has been sent can't be withdrawn in this chat: tell the data protection team that you want to withdraw %s, and they will close it.", ref)
}

// wantsPerson answers a person asking to talk to someone: the bot can't put them through, and
// says who they can contact, as the notices give it.
func (b *Bot) wantsPerson(s *session, t Turn) Reply {
	return b.withContact(s, t, "I'm an automated assistant, so I can't put you through to someone. To talk to a person about your personal data, contact the data protection team.")
}

// withContact is a reply of the bot's own followed by the data protection contact of the
// conversation's council (or of each), quoted and cited from the notices.
func (b *Bot) withContact(s *session, t Turn, text string) Reply {
	text, cited, ok := b.withContactOf(t.Org, text)
	r := helpReply(s, t, text)
	if ok {
		r.Answer.Citations = cited
	}
	return r
}

// withContactOf is text followed by an organisation's data protection contact as its notices
// give it (each council's when org is empty), with the contact's citations; ok is false, and
// text is as it was, when the notices give none.
func (b *Bot) withContactOf(org, text string) (with string, cited []answer.Citation, ok bool) {
	if b.Contacts == nil {
		return text, nil, false
	}
	contact := b.Contacts(org)
	if contact.Answer == "" {
		return text, nil, false
	}
	return text + "\n" + contact.Answer, contact.Citations, true
}

// bareRe are messages that ask nothing yet: "what?", "huh", "test", "anyone there?".
var bareRe = regexp.MustCompile(`^(?:what|huh|eh|pardon|sorry|test|testing|test test|anyone there|is anyone there|hello anyone there|hello is anyone there|hello are you there|are you there)$`)

// smallTalkPunct is what folded drops: "Thanks!!" and "thanks" are one.
var smallTalkPunct = regexp.MustCompile(`[^a-z' ]+`)

// folded is a message as the small talk, topic and notices patterns read it: lower case, a
// curly apostrophe typed straight, anything but letters and apostrophes a space, and one space
// between words.
func folded(text string) string {
	t := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	return strings.Join(strings.Fields(smallTalkPunct.ReplaceAllString(t, " ")), " ")
}

// smallTalkOf says which kind of small talk a message is, or "" when it is anything else.
func smallTalkOf(text string) string {
	t := folded(text)
	if bareRe.MatchString(t) || !strings.ContainsFunc(text, isWordRune) {
		// "?", "huh", "test", "😀😀😀": nothing asked yet (a phone number is no small talk)
		return smallTalkHelp
	}
	for _, s := range smallTalkRes {
		if s.re.MatchString(t) {
			return s.kind
		}
	}
	if whereWereWeRe.MatchString(t) {
		return smallTalkBack
	}
	return smallTalkNone
}

// smallTalk replies to a greeting, thanks or a request for help with what the bot does and how
// to ask. It claims nothing about the notices, so it cites none; the conversation's topic is
// kept, so "thanks" then "and for MK?" is still a follow-up.
func (b *Bot) smallTalk(s *session, t Turn, kind string) Reply {
	if kind == smallTalkFed {
		// "you're useless": not a question the notices fail to answer, but a person the bot
		// hasn't helped, who should know whom to ask.
		return b.withContact(s, t, "I'm sorry I haven't been able to help. To talk to a person about your personal data, contact the data protection team:")
	}
	var text string
	switch kind {
	case smallTalkThanks:
		text = "You're welcome. Ask me anything else about the privacy notices whenever you like."
	case smallTalkYes:
		text = "Go ahead: ask me about the privacy notices, for example \"Who do you share my information with?\""
		if cmd := requestHinted(s); cmd != "" {
			// The adviser's "yes" to "log it with /request access": the chat can't start it for
			// them, so it says again how (a QA pass: the generic "Go ahead" left them guessing).
			text = "Type " + cmd + " to log it."
		}
	case smallTalkOK:
		text = "Is there anything else you'd like to know about the privacy notices?"
	case smallTalkBye:
		text = "Goodbye. Come back whenever you have a question about the privacy notices."
	case smallTalkGreeting:
		text = "Hello. " + b.whatICanDo(t.Org)
	default:
		text = b.whatICanDo(t.Org)
	}
	return helpReply(s, t, text)
}

// requestHintRe is the adviser's chat's hint of how to log a request: "log it with /request
// access."
var requestHintRe = regexp.MustCompile(`log it with (/request [\w-]+)`)

// requestHinted is the command the bot's last reply said to log a request with, or "".
func requestHinted(s *session) string {
	if m := requestHintRe.FindStringSubmatch(s.lastReply()); m != nil {
		return m[1]
	}
	return ""
}

// helpReply is a reply of the bot's own (kind help): it claims nothing about the notices, so it
// cites none.
func helpReply(s *session, t Turn, text string) Reply {
	s.remember(t.Text, text)
	return Reply{
		Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Request: requestOf(rights.Intent{Type: rights.None})},
		Session: s.ID, Kind: KindHelp,
	}
}

// answersAStep reports whether a message is a bare reply to a request's question ("yes", "no",
// "skip"), which means nothing in a conversation that has just begun.
func answersAStep(text string) bool {
	v := strings.TrimSpace(text)
	return len(strings.Fields(v)) <= 3 && (yesRe.MatchString(v) || noRe.MatchString(v) || skipRe.MatchString(v))
}

// conversationLost answers a "yes" sent to a conversation that had ended. What it answered is
// gone with the conversation: a request confirmed before it ended was sent, and one not yet
// confirmed was not, and the bot can't tell which (a QA pass: "nothing was sent" was said of a
// request that had been). The reference says: one was given only for a request sent. Started
// again the same day, the same request is the case made first (sameDayKey), not a second.
func conversationLost(s *session, t Turn) Reply {
	return helpReply(s, t, "That conversation had ended (it was idle too long, or the service restarted), so I can't tell what that was a reply to. "+
		"If you confirmed a request and were given a reference (like DPO-2026-000123), it was sent: to see where it stands, ask \"what's happening with my request?\" and give the reference. "+
		"If you were making a request and didn't get a reference, please start it again: say what you'd like, for example \"I want a copy of my data\".")
}

// confirmsAgain reports whether a message confirms, as the summary's "yes" does: "yes",
// "confirm", "send it". An "ok" or a "thanks" acknowledges instead.
func confirmsAgain(text string) bool {
	kind := smallTalkOf(text)
	return answersAStep(text) && yesRe.MatchString(text) && kind != smallTalkOK && kind != smallTalkThanks
}

// alreadySent answers a confirmation sent right after the request it confirms was sent; one
// more is answered so too.
func alreadySent(s *session, t Turn, ref string) Reply {
	s.justSent = ref
	return helpReply(s, t, fmt.Sprintf("That request was already sent: it is with the data protection team, and its reference is %s. "+
		"There's nothing more to confirm. To check on it later, give me the reference and the contact given with it.", ref))
}

// unfinishedRe is a request said to have been begun and not finished, or asked to be carried
// on: "I started a request earlier", "I was halfway through making a request", "can I carry on
// with my request?".
var unfinishedRe = regexp.MustCompile(`(?i)\b(?:started|began|begun|was (?:making|doing|filling (?:in|out))|(?:half|part) ?way through|in the middle of)\b[^.?!]{0,40}?\b(?:request|form|sar|dsar|application)\b|` +
	`\b(?:carry on|continue|finish|resume|pick up|get back to)\b[^.?!]{0,15}\b(?:my|the|that|this) (?:request|form|sar|dsar|application)\b`)

// closedRe is the chat said to have been lost: "the page closed", "my browser crashed", "lost the
// chat".
var closedRe = regexp.MustCompile(`(?i)\b(?:page|window|browser|chat|tab|app|site|website|connection|laptop|phone|screen|internet|wi-?fi)\b[^.?!]{0,25}\b(?:closed|crashed|shut|refreshed|reloaded|timed out|froze|died|disconnected|dropped|went off|went blank|cut out)\b|\blost (?:it|the (?:chat|page|conversation|connection|request))\b`)

// carryOnRe asks to carry on where they were: "can I carry on?", "pick up where I left off".
var carryOnRe = regexp.MustCompile(`(?i)\b(?:carry on|continue|pick (?:it |this |that )?up|resume|finish (?:it|off|that|this)|get (?:it|that) back|where i (?:left off|was|got to))\b`)

// unfinishedRequest answers a resident asking to carry on a request begun in a conversation that
// ended: a request is sent only once confirmed, so that one was not, and the chat holds an
// unfinished request only in the conversation it was begun in (in memory, never stored or sent).
// It offers to start again: the right the message names, with "yes", or whichever they say; and
// says how to ask after one that was confirmed, by its reference.
func (b *Bot) unfinishedRequest(s *session, t Turn, intent rights.Intent) Reply {
	var text strings.Builder
	text.WriteString("A request is only sent to the data protection team once you confirm it at the end, so one that wasn't confirmed wasn't sent, " +
		"and I can't carry it on: an unfinished request is held only in the conversation it was started in, and isn't stored or sent. ")
	if b.Queue != nil && intent.Type != rights.None && intent.Type != "" {
		s.offered = offer{typ: intent.Type, question: t.Text, onBehalf: intent.OnBehalf}
		fmt.Fprintf(&text, "To start again (%s), say \"yes\" and I'll ask for the details again. ", intent.Type.Label())
	} else {
		text.WriteString("To start again, tell me what you'd like, for example \"I want a copy of my data\" or \"Please delete my data\". ")
	}
	text.WriteString("If you did confirm it, you were given a reference (like DPO-2026-000123): to see where it stands, ask \"what's happening with my request?\" and give the reference, with the contact you gave.")
	return helpReply(s, t, text.String())
}

// nothingToCancel answers "cancel" when no request is being taken.
func (b *Bot) nothingToCancel(s *session, t Turn) Reply {
	return helpReply(s, t, "There's no request under way, so there's nothing to cancel. "+b.whatICanDo(t.Org))
}

// whatICanDo says what the bot answers from (the council the conversation is scoped to, or every
// council it has notices of) and how to ask, and how to make a request when a queue takes them.
func (b *Bot) whatICanDo(org string) string {
	whose := "the councils' privacy notices"
	switch {
	case b.canonicalOrg(org) != "":
		whose = answer.Possessive(b.canonicalOrg(org)) + " privacy notices"
	case len(b.Orgs) > 1:
		whose = "the privacy notices of " + joinAnd(b.Orgs)
	}
	text := fmt.Sprintf("I'm an automated assistant: I answer questions about %s, quoting what they say and where, "+
		"for example \"How long do you keep complaint records?\" or \"Who is the data protection officer?\"", whose)
	if b.Queue == nil {
		return text + "."
	}
	return text + ". I can also pass a request about your personal data to the data protection team: " +
		"say, for example, \"I want a copy of my data\" or \"Please delete my data\". " +
		fmt.Sprintf("To check a request you've made, give its reference (DPO-%d-000123).", b.now().Year())
}

// ownDetailsWordsRe are what a message giving only the writer's details may say besides them,
// once they are redacted: a greeting, an introduction ("my name is", "I'm", "… here"), a title,
// and a postcode's first half ("mk6", which the redactor leaves).
var ownDetailsWordsRe = regexp.MustCompile(`(?i)\b(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|my (?:full )?name is|my name'?s|(?:my )?name|i'?m|i am|im|this is|it'?s|here|called|` +
	`mr|mrs|ms|miss|mx|dr|and|from|at|i live|my (?:address|postcode|phone|mobile|number|e-?mail)(?: is)?|[a-z]{1,2}\d{1,2}[a-z]?)\b`)

// onlyOwnDetails reports whether a message is the writer's name and nothing else but their
// address or other contact (and a greeting, or the town they live in): no question, and no
// request. The bot's redactor says what is a name: "Blue Badge" and "Council Tax" are none, and a
// name the notices publish ("Maria Damigos", the DPO) is kept, so asked about. redacted is text
// as the redactor left it (Bot.redacted).
func (b *Bot) onlyOwnDetails(text, redacted string) bool {
	if b.Redact == nil || strings.Contains(text, "?") || questionRe.MatchString(text) {
		return false
	}
	if !strings.Contains(redacted, "[name]") {
		return false // a contact alone is answered as one (notQuiteAReference)
	}
	rest := ownDetailsWordsRe.ReplaceAllString(placeholderRe.ReplaceAllString(redacted, " "), " ")
	left := strings.FieldsFunc(rest, func(r rune) bool { return !isWordRune(r) && r != '\'' })
	// "Priya Shah, 12 Elm Road, Bletchley": what is left is where they live (said as a place, not a
	// surname, once the address before it is gone).
	return len(left) == 0 || len(left) <= 3 && len(b.councilsNamed("in "+strings.Join(left, " "))) > 0
}

// whatWouldYouLike answers a message that asks nothing yet, opening with opening: what the
// person can ask, and that a request would take them.
func (b *Bot) whatWouldYouLike(org, opening string) string {
	who := "the council"
	if c := b.canonicalOrg(org); c != "" {
		who = c
	}
	text := fmt.Sprintf("%s You can ask how %s uses your data, for example \"Who do you share my information with?\"", opening, who)
	if b.Queue == nil {
		return text + "."
	}
	return text + ", or make a request about your data, such as for a copy of it: I'll ask for your name and how to reach you then."
}

// topicAloneRe is a message naming only what it is about: "my data", "personal information",
// "privacy". Searched, "my data" got "the privacy notices don't answer that" (a QA pass) and
// "my records" one service's retention periods, as if that were what was asked.
var topicAloneRe = regexp.MustCompile(`^(?:(?:about|re|regarding|my|our|personal|own|all|the)\s+)*` +
	`(?:data|information|info|details|records|record|file|files|personal data|privacy|data privacy)` +
	`(?:\s+(?:please|pls|plz|help|question|query|enquiry|request|urgent|urgently|asap|again|now|thanks|thank you))*$`)

// topicAlone reports whether a message names only what it is about, asking nothing of it.
func topicAlone(text string) bool {
	return topicAloneRe.MatchString(folded(text))
}

// NoticeTitle names a notice the bot answers from.
type NoticeTitle struct {
	Title, Organisation, Source string
}

// NoticeTitles are the notices of a corpus as the bot names them: what every channel's bot, and
// the evaluation's, is given.
func NoticeTitles(ns []notice.Notice) []NoticeTitle {
	out := make([]NoticeTitle, 0, len(ns))
	for _, n := range ns {
		out = append(out, NoticeTitle{Title: n.Title, Organisation: n.Organisation, Source: n.Source})
	}
	return out
}

// noticesRe asks for the privacy notices themselves: "where is your privacy notice?", "privacy
// policy", "can I read the council's privacy notice". Searched, it got "the privacy notices don't
// answer that", which contradicts itself (a QA pass).
var noticesRe = regexp.MustCompile(`^(?:(?:where|wheres|where's)\s+(?:is|are|can i (?:find|read|see))\s+|(?:can|could|how (?:do|can))\s+i\s+(?:see|read|find|get)\s+|` +
	`(?:show|send|give)\s+me\s+|link to\s+|i want to (?:see|read)\s+)?(?:(?:the|your|ur|a copy of (?:the|your))\s+)?(?:council'?s?\s+)?` +
	`(?:privacy|data protection)\s+(?:notices?|policy|policies|statements?)(?:\s+please)?$`)

// asksForTheNotices reports whether a message asks for the privacy notices themselves.
func asksForTheNotices(text string) bool {
	return noticesRe.MatchString(folded(text))
}

// theNotices lists the notices the bot answers from (the conversation's council's, or every
// council's), with where each is published when known.
func (b *Bot) theNotices(t Turn) string {
	org := b.canonicalOrg(t.Org)
	var lines []string
	for _, n := range b.Notices {
		if org != "" && b.canonicalOrg(n.Organisation) != org {
			continue
		}
		line := "• " + n.Title + " — " + n.Organisation
		if n.Source != "" {
			line += ": " + n.Source
		}
		lines = append(lines, line)
	}
	var text string
	if len(lines) == 0 {
		text = "I don't have that council's privacy notices."
	} else {
		text = "I answer from these privacy notices:\n" + strings.Join(lines, "\n") +
			"\nAsk me what they say, for example \"How long do you keep complaint records?\""
	}
	if t.Channel == "web" {
		text += "\n" + strings.TrimSpace(aboutTheNotice)
	}
	return text
}

// isWordRune reports whether r can be part of a word: a message without one asks nothing.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// A pause or a return: "hang on", "brb", "sorry, phone rang", "ok I'm back, the doorbell went.
// where were we up to?". Filed as a request's details, refused as no e-mail address, answered
// from the notices, and read by the word-vector model as urgent (the safeguarding reply, and a
// flagged case), by a verifying QA pass. It is read before the message is classified, so it is
// matched strictly: the whole message, from closed lists of what may be said around a pause
// (pauseAroundWords), the pause or return itself, and the everyday interruptions that explain
// it (pauseWhy). "I'm back, he hit me, where were we" is none, and is read for danger as ever.
const (
	// pauseAroundWords are what a pause or a return may be said with, and no pause alone.
	pauseAroundWords = `ok|okay|oh|right|alright|all right|so|sorry|so sorry|really sorry|apologies|sorry about that|` +
		`sorry for the (?:wait|delay)|hi|hello|hey|hiya|again|now|then|please|and|just|anyway`
	// pauseKids and pauseSchool are whom a resident took or fetched, and from where.
	pauseKids   = `(?:the|my) (?:kids|children|child|daughter|son|little one|little ones|baby|grandson|granddaughter|grandkids|grandchildren)`
	pauseSchool = `(?:the )?(?:school|nursery|childminder'?s?|playgroup|club)`
	pauseHadTo  = `(?:(?:i )?(?:had to|needed to) |i )?`
	// pauseWhy are the everyday interruptions a pause is explained by: a closed list.
	pauseWhy = `(?:the |my )?door ?bell(?: went| rang| was ringing| is ringing| went off| going)?|` +
		`(?:there'?s |there is |there was )?(?:someone|somebody)(?:'s| is| was)? (?:at the door|knocking)|` +
		`(?:the |a )?(?:postman|postie|post|delivery|delivery driver|courier|parcel)(?:'s| is| was)? (?:came|come|arrived|here|at the door|knocked|knocking)|` +
		`(?:the |my )?phone(?:'s| is| was)? (?:rang|ringing|went|went off|going)|` +
		pauseHadTo + `(?:take|took|answer|answered|get|got) (?:a|the) (?:call|phone|phone call)|` +
		pauseHadTo + `(?:feed|fed|let out|walk|walked|see to|saw to) (?:the|my) (?:dog|dogs|cat|cats)|` +
		pauseHadTo + `let (?:the|my) (?:dog|dogs|cat|cats) (?:out|in)|` +
		`(?:the )?kettle(?:(?:'s| has| is| was)? (?:boiled|boiling|went|went off))?|` + pauseHadTo + `(?:put|make|made) (?:the kettle on|a (?:cup of tea|cuppa|brew|coffee))|` +
		pauseHadTo + `(?:go to|nip to|use) the (?:loo|toilet|bathroom)|(?:i )?needed the loo|loo break|` +
		pauseHadTo + `(?:take|took|pick up|picked up|collect|collected|drop off|dropped off|get|fetch) ` + pauseKids + `(?: (?:to|from|at|off at|up from) ` + pauseSchool + `)?|` +
		pauseHadTo + `(?:pick|picked|drop|dropped) ` + pauseKids + ` (?:up|off)(?: (?:to|from|at) ` + pauseSchool + `)?|` +
		pauseHadTo + `do the school run|school run`
	// pauseReturn is a return: "I'm back", "where were we".
	pauseReturn = `(?:i'?m|i am) back|back|(?:i'?m|i am) here|here again|where (?:were we|was i)(?: up to| at)?|carry on|let'?s carry on`
	// pauseItself is a pause: "hang on", "one sec", "erm".
	pauseItself = `hang on|hold on|one sec|one second|a sec|a second|one moment|a moment|one min|one minute|a minute|` +
		`wait a (?:sec|second|moment|minute)|give me a (?:sec|second|moment|minute|min)|bear with me|brb|be right back|er+m*|u+m+|uh+`
	pauseWord = `(?:` + pauseAroundWords + `|` + pauseWhy + `|` + pauseReturn + `|` + pauseItself + `)`
)

var (
	// pauseRe is a message folded to lower-case words that is only a pause or a return, with
	// what may be said around it.
	pauseRe = regexp.MustCompile(`^` + pauseWord + `(?:\s+` + pauseWord + `)*$`)
	// pauseAroundRe is a message of only the words said around a pause ("ok", "sorry"): no pause.
	pauseAroundRe = regexp.MustCompile(`^(?:` + pauseAroundWords + `)(?:\s+(?:` + pauseAroundWords + `))*$`)
	// pauseReturnRe finds a return in a pause: it is met with "Hello again".
	pauseReturnRe = regexp.MustCompile(`\b(?:` + pauseReturn + `)\b`)
)

// maxPauseWords bounds a pause: a longer message is read as any other.
const maxPauseWords = 20

// pauseOf reads a message that is only a pause or a return, and gives what to open the reply
// with ("Hello again." to a return, "No problem, take your time." to a pause); ok is false for
// any other message.
func pauseOf(text string) (opening string, ok bool) {
	t := folded(text)
	if t == "" || len(strings.Fields(t)) > maxPauseWords || !pauseRe.MatchString(t) || pauseAroundRe.MatchString(t) {
		return "", false
	}
	if pauseReturnRe.MatchString(t) {
		return "Hello again.", true
	}
	return "No problem, take your time.", true
}
