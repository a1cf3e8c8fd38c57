package conversation

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
)

// Intake steps, in order. The bot asks only for what the DPO needs.
const (
	// StepWhose asks whose records a first message meant when it could mean either ("my data for
	// my mum": the asker's, sent to her, or hers?): before anything else, as what happens next
	// depends on it.
	StepWhose       = "whose"
	StepOrg         = "organisation"
	StepName        = "name"
	StepOnBehalfOf  = "on_behalf_of"
	StepContact     = "contact"
	StepService     = "service"
	StepDescription = "description"
	StepConfirm     = "confirm"
)

// IntakeState is what a channel needs to render the current intake step (a form field, a
// prompt): the step, the prompt, choices when there are some, and what has been collected.
type IntakeState struct {
	Step    string            `json:"step"`
	Type    string            `json:"type"`
	Prompt  string            `json:"prompt"`
	Options []string          `json:"options,omitempty"`
	Fields  map[string]string `json:"fields"`
}

type intake struct {
	typ rights.Type
	// firstAsked and firstTyp are the words that started the request and the right they asked
	// for, kept when the right is changed: the details say what is wanted now, and note these.
	firstAsked string
	firstTyp   rights.Type
	step       string
	org        string
	// both are the councils the request was asked of when it named more than one ("delete my
	// data from both MK and Bucks"): each takes its own request, the next offered once this
	// one is sent.
	both     []string
	name     string
	onBehalf bool
	// askedAtStep is the question last answered at a free-text step (answeredMidRequest): sent
	// again, it is meant for the details, as the answer suggested.
	askedAtStep string
	// askedToStop is set when the last reply asked whether to stop the request (stopAskRe): a
	// "yes" to it cancels, a "no" asks the step again.
	askedToStop bool
	// stopSaid is the message that asked to stop it, read again when the "yes" cancels: "I'll
	// just phone them" gets the council's data protection contact.
	stopSaid string
	// dropped are contacts the resident gave and then corrected (one mistyped in the first
	// message, one replaced): they stay nowhere in the case, the details included.
	dropped []string
	// undo is what a step asked again from the summary held (reask): kept until the step is
	// answered, so that "keep it" (or a "yes") restores it, and a "no" wipes nothing.
	undo *undo
	// whose is the person the first message named the request "for" ("mum" of "my data for my
	// mum") while it is not known whether the records are theirs or the asker's: asked first
	// (StepWhose), "" once answered or when the message was clear.
	whose      string
	onBehalfOf string
	// died is set when the person a request is for is said to have died at the step that asks
	// their name ("Geoffrey Collins (deceased)"); forOneWhoDied reads the first message too.
	died    bool
	contact string
	service string
	desc    string
	// first is the request in the resident's own words: the message that started it, and any
	// that changed the right asked for. The details given at their step add to it.
	first string
	// details are what the resident typed at the details step, if anything.
	details    string
	receivedAt time.Time // when the first message of the request reached the council
	channel    string
	// lawEnforcement is set when the message that started the request reads as one for data
	// held for an investigation or prosecution (rights.LawEnforcement).
	lawEnforcement bool
	// second is another right the first message asked for ("a copy, and then delete it"), to
	// be offered once this request is sent.
	second offer
	// others are contacts given beside the one the team will use ("x@… or my mobile 07…"):
	// sent in the details rather than dropped.
	others []string
	// revising is set when the resident said no to the summary: a detail asked again goes back
	// to the summary, not on through the steps after it.
	revising bool
	// previous is the request this conversation sent last, if any: "same as before" at a step
	// takes its council, name or contact.
	previous *sentRequest
	// suggested are the e-mail addresses the last reply asked about ("did you mean
	// tom@hotmail.com?"), and doubted the mobile number it asked to check: the next reply may
	// answer with a "yes" (takeMeant). Any reply forgets them.
	suggested []string
	doubted   string
	// asTyped is the e-mail address as typed whose slip the last reply asked about (suggested
	// holds the address meant): "no, it's right" keeps it. Any reply forgets it. declined is the
	// one whose suggestion a plain "no" turned down: typed again, it is kept as typed. keptAsTyped
	// is an address kept so, which the request sends though it reads as a slip.
	asTyped, declined, keptAsTyped string
	// unsafe is a contact the resident said someone they fear can see (contactSeenBySomeoneFeared):
	// given again, it is asked about once before it is used.
	unsafe string
	// phoneAgain is set when the last reply asked for a phone number again, one given to
	// correct the contact being no full number: the next reply may be the number alone, which
	// at the summary or the details is otherwise no contact. Any reply forgets it.
	phoneAgain bool
	// log is the conversation the request came from, for the case's excerpt: the turns before it
	// began (up to maxTurns) and every turn since (up to maxIntakeLog lines). The session keeps
	// only its last turns, and a request takes that many: the excerpt lost its first message.
	log []string
	// opening is how many lines of log come before the request's own first message and its
	// reply: kept, with them, when the log is cut.
	opening int
	// riskTold is the conversation's record that the chat has given the safeguarding contacts
	// (session.riskTold), before the request or while it is taken: the team is told so on the
	// case (teamNotes), whose excerpt alone would leave it to be found.
	riskTold *bool
	// atRisk is the conversation's record that the writer is at risk themselves from a partner
	// or former partner (session.atRisk): the contact asked for is one safe to use, and the team
	// is told to check it is before using it (teamNotes).
	atRisk *bool
	// namedCouncil is the council the request's first words named, when the request was taken
	// for it: corrected later ("sorry, it's Buckinghamshire not MK"), the words kept with the
	// case still name it, and the team is told of the correction (teamNotes).
	namedCouncil string
	// firstOnBehalf is whether the request's first words asked for someone else's records (once
	// "whose?" is answered, when they didn't say): changed in the chat ("I want my mum's data",
	// then "all my records"), the first words kept with the case say otherwise, and the team is
	// told of the change (teamNotes).
	firstOnBehalf bool
	// byCommand is set when the request was begun by a command (an adviser's "/request access"):
	// it has no first words, so none read as the requester's own or as another's (teamNotes).
	byCommand bool
	// arrivedOtherwise is set when an adviser's message that started the request says it came
	// by post, e-mail or voicemail, or on an earlier day: no date from today is promised.
	arrivedOtherwise bool
	// callersPronoun is what an adviser called the caller when saying whom the request is for
	// ("her" of "it's for her husband"): their other "his" is the husband (pronounIsTheirs).
	callersPronoun string
	// postalAsked is set when the contact step asked for a postal address ("by post please", "I
	// have no e-mail"), and postalMissed counts the replies to it that could not be read as one:
	// after two, the council's own postal contact is given, so no one is stuck.
	postalAsked  bool
	postalMissed int
	// contactMissed counts the replies at the contact step that were no contact of any kind.
	contactMissed int
}

// toldOfRisk reports whether the chat has given the safeguarding contacts in this conversation.
func (it *intake) toldOfRisk() bool { return it.riskTold != nil && *it.riskTold }

// requesterAtRisk reports whether the chat read the requester as at risk from a partner or former
// partner, who may see their post or e-mail or answer their phone.
func (it *intake) requesterAtRisk() bool { return it.atRisk != nil && *it.atRisk }

// atRiskNote is the note on a request whose requester the chat read as at risk from a partner or
// former partner, or whose address such a person was given or found through the council: after
// "I think someone in housing gave my ex my new address" the note said the requester was at risk
// from a partner, which they hadn't said (a helper's note).
const atRiskNote = "The requester told the chat they are at risk from a partner or former partner, or that one was given or found their address: check it is safe to contact them at the contact given before using it, and send nothing to any other address or number."

// teamNotes are what the chat tells the data protection team of how the request was taken,
// besides the resident's words: a risk told of in the conversation (saying nothing of what was
// told, which is in the conversation's excerpt, redacted), a council corrected after the first
// words named another, and a request changed from the requester's own to someone else's, or back,
// after the first words read as the other.
//
// The first words are kept as they were said, not mended to name the council they now go to: they
// are the resident's, the excerpt holds the same words, and a quote changed by the chat would
// misquote them. Read after this note, "I want MK council to delete …" on Buckinghamshire's case
// is a slip the resident corrected, not a request sent to the wrong council.
func (it *intake) teamNotes() []string {
	var notes []string
	if it.toldOfRisk() {
		notes = append(notes, riskToldNote)
	}
	if it.requesterAtRisk() && !it.loggedByAdviser() {
		notes = append(notes, atRiskNote)
	}
	if it.namedCouncil != "" && it.org != "" && it.org != it.namedCouncil {
		notes = append(notes, fmt.Sprintf("The council was corrected in the chat to %s; the request's first words name %s.", it.org, it.namedCouncil))
	}
	switch {
	case it.whose != "" || it.onBehalf == it.firstOnBehalf || it.byCommand:
	case it.onBehalf && it.onBehalfOf != "":
		notes = append(notes, fmt.Sprintf("The request was changed in the chat to be for someone else (%s); the request's first words read as the requester's own.", it.onBehalfOf))
	case it.onBehalf:
		notes = append(notes, "The request was changed in the chat to be for someone else; the request's first words read as the requester's own.")
	default:
		notes = append(notes, "The request was changed in the chat to be the requester's own; the request's first words read as for someone else.")
	}
	return notes
}

// riskToldNote is the note on a request from a conversation in which the chat gave the
// safeguarding contacts; the case is flagged too (dpo.Case.Safeguarding), by the same condition.
const riskToldNote = dpo.SafeguardingNote

// caseDescription is the description the case is filed with: the chat's notes for the team
// first, so they are read before the resident's words, then the description.
func (it *intake) caseDescription() string {
	return withNotes(it.teamNotes(), it.description())
}

// withNotes puts the chat's notes for the team before a request's description.
func withNotes(notes []string, description string) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("Note from the chat: " + n + "\n")
	}
	return b.String() + description
}

// loggedByAdviser reports whether the request is being logged by an adviser for a requester who
// called, wrote or e-mailed (the adviser chat), not made by the requester in a chat.
func (it *intake) loggedByAdviser() bool {
	return dpo.Channel(it.channel).LoggedByStaff()
}

// changeNote notes in a request's words the right it was first asked as, and in which words,
// when it was changed during the chat; changeNoteRe finds it, to write it anew on another change.
const changeNote = "(Changed during the chat: first asked as %s, in the words \"%s\".)"

var changeNoteRe = regexp.MustCompile(`\(Changed during the chat: first asked as [^\n]*\.\)`)

// addWords adds to the request's own words what the resident said of it at another step (an
// old contact to delete, when to call, the right it now asks for): kept, with the details given
// at their step, in what the team reads.
func (it *intake) addWords(text string) {
	it.first = strings.TrimSpace(it.first + "\n" + text)
	it.desc = strings.TrimSpace(it.first + "\n" + it.details)
}

// maxIntakeLog bounds the lines of a request's log kept after its first ones.
const maxIntakeLog = 40

// logTurn adds a turn to the request's log, keeping the opening lines (the request in the
// resident's words) and the last ones when it is long.
func (it *intake) logTurn(lines ...string) {
	it.log = append(it.log, lines...)
	if over := len(it.log) - maxIntakeLog; over > 0 {
		// What came before the request, and the request itself, stay; the middle goes.
		keep := it.opening + 2
		it.log = slices.Delete(it.log, keep, keep+over)
	}
}

// logWith is the request's log with lines added, bounded as logTurn bounds it, leaving the log
// as it was: the confirming "yes" ends the case's excerpt before the case is sent.
func (it *intake) logWith(lines ...string) string {
	c := &intake{log: slices.Clone(it.log), opening: it.opening}
	c.logTurn(lines...)
	return strings.Join(c.log, "\n")
}

// longestAnswer is the most characters a reply to the step may have: the details take the room
// the description has left beside the request's first words (MaxDescriptionRunes, a request
// form's limit too); any other step's answer is no longer than a question.
func (it *intake) longestAnswer() int {
	if it.step != StepDescription {
		return answer.MaxQuestionRunes
	}
	kept := utf8.RuneCountInString(it.caseDescription())
	if kept > 0 {
		kept++ // the line break before the details
	}
	return MaxDescriptionRunes - kept
}

// tooLongFor says that a reply was longer than the step takes (longestAnswer).
func tooLongFor(it *intake, most int) string {
	if it.step == StepDescription {
		return fmt.Sprintf("Sorry, the details are too long (at most %s characters): please shorten them.", Thousands(most))
	}
	return fmt.Sprintf("Sorry, that is too long for an answer here (at most %s characters).", Thousands(most))
}

// description is what the case's description will be: the request in the resident's words, the
// details, and any other contact they gave.
func (it *intake) description() string {
	desc := it.detailsSent()
	if len(it.others) == 0 {
		return desc
	}
	return strings.TrimSpace(desc + "\nAlso given as a contact: " + strings.Join(it.others, ", "))
}

// detailsSent are the request's details as sent, without a contact since corrected.
func (it *intake) detailsSent() string {
	desc := it.desc
	if it.typ != rights.Rectification { // there an old address may be what to correct
		for _, d := range it.dropped {
			if sameContact(d, it.contact) {
				continue
			}
			instead := "[a contact since corrected]"
			if strings.Contains(d, "@") && strings.Contains(it.contact, "@") {
				instead = it.contact // "…my email is tom.hart@gmail.com", as meant
			}
			desc = strings.ReplaceAll(desc, d, instead)
		}
	}
	return desc
}

// drop records a contact corrected, to stay nowhere in the case.
func (it *intake) drop(contact string) {
	if contact != "" && !slices.Contains(it.dropped, contact) {
		it.dropped = append(it.dropped, contact)
	}
}

// RequestForm is a rights request filled in at once (the widget's form, a Slack or Discord
// modal, an adviser's /request).
type RequestForm struct {
	Type           string    `json:"type"`
	Org            string    `json:"org"`
	Name           string    `json:"name"`
	Contact        string    `json:"contact"`
	OnBehalfOf     string    `json:"on_behalf_of,omitempty"` // whose behalf; empty for oneself
	Service        string    `json:"service,omitempty"`
	Description    string    `json:"description"`
	Channel        string    `json:"channel"`
	ReceivedAt     time.Time `json:"received_at"`
	IdempotencyKey string    `json:"idempotency_key,omitempty"`
	// sameDay is set when the key is the same-day key SubmitForm made (sameDayKey): a closed
	// case under it is no reason to refuse a new one.
	sameDay bool
	Session string `json:"session,omitempty"`
	// lawEnforcement carries the intake's flag: the message that started the request may have
	// said what the description no longer does.
	lawEnforcement bool
	// safeguarding is set when the request comes from a conversation in which the chat gave the
	// safeguarding contacts: its description carries riskToldNote, and the case is flagged.
	safeguarding bool
	// dropped are contacts the resident gave and corrected: taken out of the excerpt as the
	// contact is.
	dropped []string
	// keptAsTyped is set when the chat kept the contact, an e-mail address that reads as a slip,
	// as the resident typed it, on their word that it is right.
	keptAsTyped bool
	// forTheDead is set when the chat was told the person the request is for has died: no month
	// is promised (forTheDeadNext).
	forTheDead bool
}

var (
	// cancelRe is a wish to stop the chat's request (its parts, stopping, dropping and the
	// reasons, are below). "stop", "quit" and "exit" count only on their own or as a wish ("stop
	// it", "can we stop please", "I'd like to stop now"): "stop using my data" is an objection,
	// not a command. A message that is only a way of dropping something ("nah leave it", "scrap
	// that", "don't bother"), or that and why ("nah leave it actually, I'll email them myself"),
	// stops it too, and so does a "no" with why ("no thanks, I'll phone them instead"); said with
	// more ("scrap that, I want the housing file") it is not. The why alone ("I'll do it later")
	// is asked about: stopAskRe.
	cancelRe = regexp.MustCompile(`(?i)^\s*` + cancelLead + `(?:` + cancelStop + `|` + cancelDrop + `)` + cancelMore + `$` +
		`|^\s*` + cancelLead + cancelNo + `[\s,.;:!-]+` + cancelLead + `(?:` + cancelReason + `)` + cancelMore + `$` +
		`|^\s*(?:/?cancel\b|never ?mind\b|forget it\b)` +
		`|\b(?:changed my mind|never ?mind|forget (?:it|about it)|(?:do not|don'?t|dont) want to (?:do this|do it|continue|carry on|go ahead|go on)(?: any ?more)?)\b`)
	// stopAskRe is only what the resident will do instead of the request, or when: "I'll do it
	// later", "actually I'll just phone the council". It may be the request dropped, or a detail
	// to come: asked whether to stop it (a verifying QA pass: "I'll do it later" was saved as the
	// service, and refused as a name).
	stopAskRe = regexp.MustCompile(`(?i)^\s*` + cancelLead + `(?:` + cancelReason + `)` + cancelMore + `$`)
	// cancelAskRe asks whether the request being taken may be cancelled or stopped: "can i
	// cancel it?", "can I stop this?", "how do I cancel this request", "is it possible to
	// withdraw my request". Its object is the request ("it", "this", "my request"), so "can I
	// withdraw my consent" is a right asked for, not this. Group 1 is the verb.
	cancelAskRe = regexp.MustCompile(`(?i)\b(?:can|could|may|how (?:do|can|would|should) (?:i|we)|is it (?:possible|too late) to|am i able to|how to)\s+(?:(?:i|we)\s+)?(?:still\s+|just\s+)?` +
		`(cancel|stop|withdraw|call off|abandon|scrap)\s+(?:it|this|that|(?:the|this|that|my) (?:request|application))\b`)
	// willContactRe says the resident will contact the council themselves: "ill ring them",
	// "I'll just phone the council", "I'll email them instead".
	willContactRe = regexp.MustCompile(`(?i)\b(?:i'?ll|ill|i will|i'?m going to|i'?m gonna|gonna|i'?d rather)\s+(?:just\s+)?(?:phone|ring|call|contact|e-?mail|write to|speak to|talk to|visit)\b`)
	// namePrefixRe is how people introduce their name: "my name is Sarah", "it's Kate Hill".
	namePrefixRe = regexp.MustCompile(`(?i)^\s*(?:(?:my )?(?:full )?name is(?:\s+(?:spelt|spelled)(?:\s+as)?)?|(?:my )?name'?s|i am|i'm|im|it is|it's|its|name:?|this is|sure\s*[-,:]?)\s+`)
	// nameSuffixRe ends a name said as people introduce themselves on the phone or in a chat:
	// "Priya Sharma here", "Kate Hill speaking".
	nameSuffixRe = regexp.MustCompile(`(?i)\s+(?:here|speaking)(?:\s+again)?$|,?\s+(?:thanks|thank you|cheers|ta)$|` +
		`,?\s+(?:as i (?:said|told you|mentioned|wrote)|like i said|as (?:above|before)|(?:as )?in my (?:first |last |earlier )?(?:message|letter))(?:\s+(?:before|already|earlier|above))?[.!]?$`)
	// whyStepRe asks why a detail is wanted: "why do you need my name?", "what do you need my
	// contact for?".
	whyStepRe = regexp.MustCompile(`(?i)\bwhy\b.*\b(?:name|contact|e-?mail|phone|number|address|need (?:it|that|this)|want (?:it|that|this))\b|\bwhat(?:'s| is| do you need| do you want)\s+(?:my \w+(?: details)?|it|that|them)\s+for\b`)
	// withheldRe is a name not given: "prefer not to say", "anonymous".
	withheldRe = regexp.MustCompile(`(?i)^\s*(?:i'?d )?(?:prefer|rather) not(?: to)?(?: say| give it)?\b|^\s*(?:anon|anonymous|no name|none of your business|not saying|n/?a)\s*[.!]?\s*$`)
	// selfRe says a request thought to be for someone else is for the person asking.
	selfRe = regexp.MustCompile(`(?i)^\s*(?:no[,.!]?\s+)?(?:it'?s\s+|its\s+|it is\s+)?(?:(?:just|only)\s+)?(?:for\s+)?(?:me|myself|my ?self|my own)\b(?:\s+(?:only|though|actually))?\s*[.!]?\s*$|\b(?:for me|it'?s me|its me|mine|myself|my own|my data|my records|my information|me not (?:him|her|them))\b|\bnot for (?:someone|anyone|somebody) else\b`)
	// switchCouncilRe is a person correcting the council mid-request: "actually I meant Bucks".
	switchCouncilRe = regexp.MustCompile(`(?i)\b(?:actually|meant|sorry|wrong council|change the council|not that|it'?s|its|should be|it was|instead|send it to|make (?:it|that)|should go to)\b`)
	// wrongCouncilRe says the request's council is wrong, without saying which is right.
	wrongCouncilRe = regexp.MustCompile(`(?i)\b(?:wrong|not (?:the right|that|this)) council\b|\bcouncil (?:is|was|'s) (?:wrong|not right|incorrect)\b|\bchange the council\b`)
	// switchTypeRe is a person changing the right they ask for mid-request: "actually I'd rather
	// have a copy", "sorry, I meant delete it", "a copy instead", "no wait, I want it corrected",
	// "I want it corrected - my address is wrong" (a QA pass: at the contact step these were
	// "not an e-mail address", and the erasure was filed).
	switchTypeRe = regexp.MustCompile(`(?i)\b(?:actually|rather|instead|i meant|meant to|sorry|on second thoughts?|not (?:to )?(?:delete|erase|remove|correct|a copy)|don'?t (?:delete|erase|remove)|` +
		`no,? wait|wait,? no|i (?:want|need|'?d like|would like) (?:it|them|that|this|my (?:data|details|records|information)) (?:all )?(?:corrected|fixed|updated|amended|deleted|erased|removed))\b`)
	// contactLabelRe is the label of a contact given after a name: "Kate Hill. Phone:", "Kate
	// Hill and my email is".
	contactLabelRe = regexp.MustCompile(`(?i)(?:^|[\s,.;]+)(?:and )?(?:my )?\b(?:phone|tel|telephone|mobile|email|e-mail|contact|number)(?: (?:number|address|no|is))*\s*:?\s*$`)
	// alreadySaidRe points back at something said before: "I already told you", "as I said".
	alreadySaidRe = regexp.MustCompile(`(?i)^\s*(?:i\s+)?(?:already|just)\s+(?:told|said|gave)|^\s*(?:as|like)\s+i\s+(?:said|told you)|^\s*(?:it'?s |its )?in my (?:first |last )?message|^\s*(?:as|see) above`)
	// orRe is what is left of "Lucy Brown, lucy@example.com or my mobile 07…" once the contacts
	// are taken out: no part of the name.
	orRe = regexp.MustCompile(`(?i)[\s,;]*\bor\b(?:\s+my)?(?:\s+(?:mobile|phone|e-?mail|number|landline|tel))*(?:\s+(?:is|on|at))?\s*$`)
	// correctionRe is what a correction says, whatever else it asks to delete.
	correctionRe = regexp.MustCompile(`(?i)\b(?:correct\w*|wrong|update|change|put|replace|fix|amend|should (?:be|say|read))\b`)
	// asAboveRe points back at the message that started the request.
	asAboveRe = regexp.MustCompile(`(?i)^\s*(?:yes,? that'?s (?:right|it|correct)|that'?s (?:right|it|correct)|correct|yes please|yes|yeah|yep|(?:as|see|like) (?:above|before|i said|said)|same as (?:above|before|i said)|(?:just )?what i (?:said|wrote|asked)(?: before| above| earlier)?|(?:i )?(?:already|just) (?:told|said)(?: you| that)?|nothing (?:else|more)|(?:it'?s |its )?in my (?:first |last )?message)\s*[.!]?\s*$`)
	skipRe    = regexp.MustCompile(`(?i)^\s*(skip|none|n/?a|no|(?:i'?m |i am )?not sure(?: which(?: service| one)?| what (?:it'?s called|service))?|(?:i )?(?:don'?t|do not) know(?: which(?: service| one)?)?|no idea|dunno|idk|-)\s*[.!]?\s*$`)
	// yesRe is a message that starts with a yes (the confirm step wants a plain one: plainYes).
	yesRe = regexp.MustCompile(`(?i)^\s*(y|yes|ye|yea|yeah|yep|yh|yup|ya|yas|yass|ok|okay|sure|please do|please send( it)?|confirm|correct|submit|send( it)?|go ahead|that'?s (?:right|fine|ok|okay|correct|great))\b`)
	// anyEmailRe is an e-mail address within a message.
	anyEmailRe = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	// confirmNameRe is a name corrected at the confirm step: "my name should be Joanna Bloggs".
	confirmNameRe = regexp.MustCompile(`(?i)\b(?:my )?(?:full |sur)?name (?:is|should be|should read|is actually|is spelt|is spelled)\s+([^,.;!?]+)`)
	// noRe is a message that starts with a no: "no", "nah", "nope, the email's wrong", "not quite".
	noRe    = regexp.MustCompile(`(?i)^\s*(?:n|no|nah|na|naw|nay|nope|noo+|wrong|incorrect|change|not (?:right|quite|correct|really))\b`)
	emailRe = regexp.MustCompile(`^(?:` + anyEmailRe.String() + `)$`) // a message that is an e-mail address
	phoneRe = regexp.MustCompile(`^\+?[\d ()-]{9,20}$`)
	// mobileRe is a UK mobile number written without the country code: 07…
	mobileRe = regexp.MustCompile(`^\(?0\s*7`)
	// intlMobileRe is one written with the country code: +44 7…, 0044 7…, +44 (0)7….
	intlMobileRe = regexp.MustCompile(`^(?:\+|00)\s*44\s*(?:\(0\)\s*)?7`)
	// shortPhoneRe is written as a UK phone number is, 0… or +44…, whatever its length:
	// "0790 123".
	shortPhoneRe = regexp.MustCompile(`^(?:(?:\+|00)\s*44\s*(?:\(0\)\s*)?|\(?0)[\d ()-]*\d$`)
)

// grievanceAskedRe is what went wrong asked as a question, the details of a complaint: "why did
// you send my file to my ex?", "how could you lose my records?".
var grievanceAskedRe = regexp.MustCompile(`(?i)^\s*(?:why|how)\s+(?:on earth\s+)?(?:did|could|would|have|has|was|were|is|are|do|does)\s+(?:you|they|the council|someone|somebody|anyone|staff|he|she)\b`)

// askedRe is a message at a request's step that asks rather than tells, to be answered and not
// filed: one that ends with a question mark, or opens as a question does, an auxiliary and its
// subject after a question word or alone ("will you tell the ICO", "what do they do with it",
// "is it free"). questionRe, which any message opening "when", "did" or "is" matches, took
// details for questions (a review: "When I moved house in 2019 you sent a letter to my old
// address", "Did not get any reply to my letter" were answered, and not filed).
var askedRe = regexp.MustCompile(`(?i)\?\s*$|^\s*(?:(?:what|who|how|when|where|why|which)\s+)?` + auxiliaryAndSubject)

// auxiliaryAndSubject is how a question opens after its question word, if any: an auxiliary and
// its subject ("will you", "is it", "does the council"). askedRe and stepAskRe share it, so that
// a word added to one is in both.
const auxiliaryAndSubject = `(?:do|does|did|will|would|is|are|was|were|can|could|should|has|have)\s+` +
	`(?:you|they|the council|the team|the dpo|it|my|i|we|this|that|anyone|someone|somebody|he|she)\b`

// stepAskRe is a clause that opens as a question does: a question word, its "what's" and "whats"
// too, or an auxiliary and its subject (askedRe). A name, a council or a contact never opens so.
var stepAskRe = regexp.MustCompile(`(?i)^\s*(?:(?:so|and|but|ok|okay|oh|wait|also|sorry|actually|um+|erm|hmm|quick question|one more thing)[\s,.!:-]+)*` +
	`(?:(?:what|who|how|when|where|why|which)(?:'s|s|'re|'ll|'d)?\b|` + auxiliaryAndSubject + `)`)

// aboutTheStepRe is a question about the step's own question, not one for the notices: "sorry,
// what do you mean", "can I stay anonymous", "do you need my phone number". The step's own reply
// says what it wants.
var aboutTheStepRe = regexp.MustCompile(`(?i)\bwhat do you mean\b|\bwhat does (?:that|this|it) mean\b|\banonym|\b(?:my|your|a) (?:full )?(?:name|e-?mail|phone|number|address|contact)\b|` +
	`\bwhat (?:should|do|shall|must) i (?:put|say|write|type|give|enter)\b|\b(?:don't|do not|dont) understand\b|\bpardon\b`)

// asksAtStep reports whether a reply at a request's step asks a question rather than answering
// it: it ends with a question mark, or a clause of it opens as a question ("i live in aylesbury,
// whats the dpo phone number").
func asksAtStep(v string) bool {
	if strings.HasSuffix(strings.TrimSpace(v), "?") {
		return true
	}
	for _, clause := range clauseSplitRe.Split(v, 8) {
		if stepAskRe.MatchString(clause) {
			return true
		}
	}
	return false
}

// clauseSplitRe splits a message into the clauses a question may open.
var clauseSplitRe = regexp.MustCompile(`[,.;:!?]+\s*|\s+-+\s+`)

// councilAnsweredBeside reports whether a message asking something at the council step also
// gives a council alone, in a clause of its own ("milton keynes. how long will it take?", "it's
// for bucks, what happens next"): that clause answers the step. A place said in passing ("i live
// in aylesbury, whats the dpo phone number") is not clearly the answer.
func (b *Bot) councilAnsweredBeside(v string) bool {
	for _, clause := range clauseSplitRe.Split(v, 8) {
		clause = strings.TrimSpace(clause)
		if clause == "" || stepAskRe.MatchString(clause) {
			continue
		}
		if len(b.councilOnly(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(clause), "it's "), "its "))) == 1 {
			return true
		}
	}
	return false
}

// answeredMidRequest answers a question asked at a request's step from the notices of the
// request's council, or says they don't answer it, and asks the step's question again. The
// request's details are not changed.
func (b *Bot) answeredMidRequest(ctx context.Context, s *session, t Turn, it *intake, v string) (Reply, bool) {
	if b.Answerer == nil {
		return Reply{}, false
	}
	org, another := it.org, false
	if named := b.councilsNamed(v); it.org != "" && len(named) > 0 && !slices.Contains(named, it.org) {
		// "who is the DPO for bucks?" during a Milton Keynes request asks of Buckinghamshire: it
		// is answered as it would be outside the request (a QA pass: Milton Keynes's notices,
		// asked of Bucks, "don't answer that").
		org, another = b.canonicalOrg(t.Org), true
	}
	ans, err := b.Answerer.Answer(ctx, answer.Question{Text: b.questionOf(v), Organisation: org})
	if err != nil {
		return Reply{}, false
	}
	if (ans.Abstained && !another) || strings.TrimSpace(ans.Answer) == "" {
		// (Another council's question keeps the answerer's own word, with that council's contact.)
		// Not lost, nor filed unsaid: the team can answer it, if the resident puts it in the
		// details, said for where the request is: the details asked for now, asked later (at the
		// council or the name, "write the question into the details" asked for what wasn't yet
		// asked, a QA pass), or given, at the summary, or on the way back to it.
		how := "add the question to the details when I ask for them."
		switch {
		case it.step == StepDescription:
			how = "write the question into the details."
		case it.step == StepConfirm || it.revising:
			how = "say \"the details\" and add the question."
		}
		ans = answer.Answer{Answer: "The council's privacy notices don't answer that. The data protection team can: to ask them with this request, " + how}
	}
	it.askedAtStep = v
	text := ans.Answer + "\n" + b.stillOpenAsk(it)
	s.remember(t.Text, text)
	cited := ans.Citations
	if cited == nil {
		cited = []answer.Citation{}
	}
	return Reply{Answer: answer.Answer{Question: t.Text, Answer: text, Citations: cited, Mode: ans.Mode,
		Request: &answer.Request{Type: string(it.typ), Actionable: true, Confidence: 1}},
		Session: s.ID, Kind: KindIntake, Intake: b.state(it)}, true
}

// stillOpenAsk says the request is still open and asks the step's question again, after a reply
// that did not answer it (a question, a greeting). At the summary, the summary is shown again
// whole: something came between it and the question it ends with.
func (b *Bot) stillOpenAsk(it *intake) string {
	if it.step == StepConfirm {
		return "Your request is still open (or type \"cancel\").\n" + b.prompt(it)
	}
	return "Your request is still open: when you're ready, " + lowerFirst(b.prompt(it)) + " (or type \"cancel\")"
}

// backAgainRe is a resident saying they are back, on a message folded to lower-case words:
// "I'm back", "sorry I'm back", "hi again", "ok I'm back now, sorry about that".
var backAgainRe = regexp.MustCompile(`^(?:(?:ok|okay|right|sorry|so|hi|hello|hey|hiya|yes|yeah)\s+)*` +
	`(?:(?:i'?m|i am|im) back|back now|back again|(?:i'?m|i am|im) here again|it'?s me again|(?:hi|hello|hey|hiya) again|sorry (?:about that|for the (?:wait|delay)))` +
	`(?:\s+(?:now|again|sorry|then|sorry about that|sorry for the (?:wait|delay)|where were we|where was i))*$`)

// The parts of cancelRe, each said once.
const (
	// cancelLead is what people say before stopping: "oh", "actually", "sorry".
	cancelLead = `(?:(?:no|nah|nope|ok|okay|oh|actually|just|um+|erm|hmm|sorry|wait|right|so)[\s,.!]+)*`
	// cancelNo is a "no" that declines the request: "no thanks", "not now".
	cancelNo = `(?:no|nah|nope|not now|not today)(?:[\s,]+(?:thanks|thank you|ta|cheers))?`
	// cancelStop is a wish to stop: "stop", "can we stop please", "I'd like to cancel this".
	cancelStop = `(?:(?:(?:can|could|shall|may) (?:we|i)|let'?s|let me|i'?d like to|i would like to|i want to|i wanna|i need to|please)\s+(?:just\s+)?)?` +
		`(?:stop|quit|exit|abort|cancel|end)` +
		`(?:\s+(?:it|this|that|now|please|the request|this request|my request|here|there|for now|for today|the chat|thanks|thank you))*`
	// cancelDrop is a way of dropping something: "leave it", "scrap that", "don't bother".
	cancelDrop = `(?:leave it|(?:scrap|drop|ditch|bin) (?:it|that|this|the (?:request|whole thing|lot))|don'?t bother|not bothered|` +
		`forget (?:that|this|the whole thing)|no longer (?:needed|necessary|wanted)|(?:i'?ll|let'?s|i will) leave it|` +
		`(?:i'?ve |i have )?changed my mind|never ?mind|not worth it|maybe later|no need|not needed)` +
		`(?:\s+(?:then|now|please|thanks|thank you|for now|for today|after all|actually|there|it|anyway))*`
	// cancelReason is why a request is dropped: the resident will go to the council themselves
	// or later ("I'll email them myself", "I'll do it another time", "I'll ring them tomorrow").
	// Only such a reason: "scrap that, I'll give you my mobile instead" goes on.
	cancelReason = `(?:(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|i can|i'?d rather|i might)\s+(?:just\s+)?(?:\S+\s+){0,5}?(?:myself|ourselves|another time|some other time|another day|later|tomorrow|next week|in person|directly|(?:by|in) (?:e-?mail|post|phone|writing))` +
		`|(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|i'?d rather)\s+(?:just\s+)?(?:e-?mail|contact|call|ring|phone|write to|speak to|talk to|visit|go (?:to|through))\s+(?:them|the council|the team|the dpo|the data protection (?:team|officer)|someone|somebody))` +
		`(?:\s+(?:then|now|please|thanks|thank you|for now|anyway|actually|instead))*`
	// cancelCourtesy ends a message that stops the request: "thanks anyway", "no worries".
	cancelCourtesy = `(?:thanks|thank you|cheers|ta)(?: anyway| though| all the same)?|no worries|it'?s (?:fine|ok|okay|alright)|all good|no rush|sorry`
	// cancelMore is what may follow the words that stop it: why, another way of saying so, thanks.
	cancelMore = `(?:[\s,.;:!-]+(?:` + cancelReason + `|` + cancelDrop + `|` + cancelNo + `|` + cancelCourtesy + `))*\s*[.!]*\s*`
)

// addsToDetails reports whether a message at the summary that is no yes, no, change or question
// says more of the request, to be added to its details: a few words, not small talk or a pause
// ("thanks", "hmm"), that the details have room for.
func addsToDetails(it *intake, v string, talk string) bool {
	words := strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return len(words) >= 3 && talk == smallTalkNone && !hesitates(v) &&
		utf8.RuneCountInString(it.caseDescription())+1+utf8.RuneCountInString(v) <= MaxDescriptionRunes
}

// asksToCancel reports whether a message asks to cancel or stop the request being taken
// (cancelAskRe). In the details of a request to stop something (an objection, a restriction,
// erasure, consent withdrawn), "can I stop this?" may be what it wants done: there only
// cancelling, or the request named, ask it.
func asksToCancel(it *intake, v string) bool {
	m := cancelAskRe.FindStringSubmatchIndex(v)
	if m == nil {
		return false
	}
	if it.step != StepDescription || !stopsSomething[it.typ] {
		return true
	}
	return strings.EqualFold(v[m[2]:m[3]], "cancel") || strings.Contains(strings.ToLower(v[m[0]:m[1]]), "request")
}

// stopsSomething are the rights whose requests ask the council to stop doing something.
var stopsSomething = map[rights.Type]bool{rights.Objection: true, rights.Restriction: true, rights.Erasure: true, rights.WithdrawConsent: true}

// StartIntake begins a request of the given type in a session (the CLI's /request, a button).
func (b *Bot) StartIntake(ctx context.Context, t Turn, typ rights.Type) (Reply, error) {
	s := b.sessionFor(t.Session, t.Channel)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.takeLost() // the command is the conversation's first message: a later "yes" answers its steps
	if t.Org == "" {
		t.Org = s.Org
	}
	if t.ReceivedAt.IsZero() {
		t.ReceivedAt = b.now()
	}
	return b.startIntake(ctx, s, t, rights.Intent{Type: typ, Actionable: true, Confidence: 1})
}

func (b *Bot) startIntake(ctx context.Context, s *session, t Turn, in rights.Intent) (Reply, error) {
	if b.Queue == nil {
		return Reply{}, ErrNoQueue
	}
	then := s.then // the request offered once this one is sent, if the offer taken had one
	s.then = nil
	named := b.councilsNamed(t.Text)
	if t.Org != "" && len(named) > 0 && !slices.Contains(named, b.canonicalOrg(t.Org)) {
		// A widget of one council asked for a request to another: not filed with the wrong
		// council's DPO. The answerer says whose notices these are and gives the other's contact.
		return b.otherCouncilsRequest(ctx, s, t, in)
	}
	desc := t.Text
	byAddress := "" // the council the town of an address in the message names
	byCommand := strings.HasPrefix(desc, "/")
	if byCommand {
		desc = "" // an adviser's "/request access" is no one's words: the details are asked for
	}
	it := &intake{typ: in.Type, org: b.canonicalOrg(t.Org), onBehalf: in.OnBehalf, receivedAt: t.ReceivedAt,
		channel: cmp.Or(t.Via, t.Channel), desc: desc, first: desc, lawEnforcement: flagsLawEnforcement(in.Type, false, desc),
		byCommand: byCommand}
	if it.org == "" && len(named) == 1 && !b.namesWhereTo(t.Text, named[0]) {
		it.org = named[0] // "I want a copy of my data from Buckinghamshire Council"
	}
	if len(named) == 1 && it.org == named[0] {
		it.namedCouncil = it.org
	}
	if len(named) > 1 {
		it.both = named
	}
	it.second = b.secondRight(t.Text, in.Type)
	if it.second.typ == "" && then != nil {
		it.second = *then
	}
	if desc != "" {
		// "My name is David Pritchard, 14 Oakridge Road, …, I want a copy of my data": what the
		// message already says is not asked for again.
		name, rest := b.introducedName(desc)
		it.name, it.contact = name, introducedContact(desc, rest)
		if it.org == "" && len(named) == 0 {
			// "…, 14 Oakridge Road, Bletchley, MK3 6AB, I want a copy of my data": the town of the
			// resident's address names the council, as "I live in Bletchley" does, and the reply
			// says so, to be corrected.
			it.org = b.councilOfAddress(desc)
			byAddress = it.org
		}
		if !it.onBehalf {
			// "I'd like to request the records you hold for my mum" is hers: the request goes
			// the way of one for someone else (a QA pass filed it as the asker's own). "I'd like
			// to request my data for my mum" may be either, and is asked. "Please delete my old
			// address, I moved in to care for my mum" is the asker's own: whose the records are
			// is read as the classifier reads it, not by a reader of the chat's own that said
			// otherwise (a review).
			switch r := rights.RecordsOf(desc); r.Whose {
			case rights.Theirs:
				it.onBehalf = true
			case rights.Unclear:
				it.whose = r.Relative
			}
		}
		if m := relativeNamedRe.FindStringSubmatch(desc); m != nil && it.onBehalf {
			// "I'm asking on behalf of my father, John Smith": his name is not asked again (a QA
			// pass).
			if who := b.nameFrom(m[1]); who != "" && !strings.EqualFold(who, it.name) {
				it.onBehalfOf = who
			}
		}
		if it.onBehalf && it.onBehalfOf == "" {
			// "I want a copy of my mum's social care records, mum is Margaret Jenkins": her name
			// is not asked again (a web QA pass).
			it.onBehalfOf = b.theirNameIn(desc, it.name)
		}
		// "… what you hold on me for council tax and parking": the service is not asked again.
		it.service = servicesIn(desc)
	}
	prefilled := s.prefill != nil
	var opened []string // how the request before this one began, when this one follows it
	if p := s.prefill; p != nil {
		opened = p.log
		// The second right of a message asking for two: asked for when that message came in, in
		// its words, by the same person.
		it.org, it.name, it.contact, it.onBehalf, it.onBehalfOf = p.org, p.name, p.contact, p.onBehalf, p.onBehalfOf
		it.whose = "" // whose the records are was settled by the first request, unless its own words say
		if strings.TrimSpace(t.Text) != strings.TrimSpace(p.first) {
			// The second right's own words ("I want a copy of my records for my mum and I want my
			// address corrected") say whose records it is about, whatever the first's were: the
			// address is the asker's own, not filed for the mum with no date (a review). Words
			// that say nothing ("and then delete them") are about the first request's records.
			whoseSecond(it, t.Text)
		}
		if strings.Contains(p.first, t.Text) {
			// Asked for in the message that started the first request: then, and in its words.
			it.receivedAt, it.first, it.desc, it.namedCouncil = p.receivedAt, p.first, p.first, p.namedCouncil
		} else if it.namedCouncil != it.org {
			it.namedCouncil = ""
		}
		it.lawEnforcement = flagsLawEnforcement(it.typ, p.lawEnforcement, it.first)
		it.both = nil // the second council's request, offered by the first
		s.prefill = nil
	}
	it.firstOnBehalf = it.onBehalf
	it.riskTold = &s.riskTold // a danger told before the request was asked for, or after
	it.atRisk = &s.atRisk
	it.log = slices.Clone(s.turns) // what was said before the request: its context
	if len(opened) > 0 {
		// Taken up after the request before it was sent: the chat's last lines are that request's
		// steps, whose opening may have gone ("Resident: Bucks" began a case's excerpt, a review).
		// The excerpt begins as that request did, then the lines that led to this one.
		it.log = append(slices.Clone(opened), "…")
		it.log = append(it.log, s.turns[max(0, len(s.turns)-2):]...)
	}
	it.opening = len(it.log)
	if n := len(s.submitted); n > 0 {
		it.previous = &s.submitted[n-1]
	}
	s.intake = it

	// Explain the right with a cited excerpt from the notices. Not the request to keep an address
	// confidential (keepAddressConfidential): the notices' right to object is about other uses
	// ("the processing of your NHS Number"), which opened the request and its case's excerpt (a
	// verifying QA pass); it says what it is for instead.
	keepsAddress := in.Type == rights.Objection && strings.HasPrefix(desc, keepAddressConfidential.question)
	var ans answer.Answer
	if b.Answerer != nil && (it.org != "" || len(b.Orgs) <= 1) && !keepsAddress {
		// Only the council's own notices: before the council is known, another's would be read to
		// a resident it is not about (a QA pass: a Buckinghamshire resident was read Milton
		// Keynes's rights).
		a, err := b.Answerer.Answer(ctx, answer.Question{Text: explainQuestion(in.Type), Organisation: it.org, K: 2})
		if err == nil && !a.Abstained {
			ans = a
		} else if name := rightName(in.Type); err == nil && name != "" {
			// A notice stating its rights in a table names each in a cell of its own ("Access |
			// You have the right to be informed of the information we hold about you …"), in words
			// of its own: the fuller question's "a copy of your personal data" found nothing
			// there (a QA pass: no excerpt for Buckinghamshire's right of access). The right's name
			// finds the row, as it does a list's item; only a sure answer is quoted.
			a, err := b.Answerer.Answer(ctx, answer.Question{Text: name, Organisation: it.org, K: 2})
			if err == nil && !a.Abstained && !a.Hedged {
				ans = a
			}
		}
	}
	if ans.Citations == nil {
		ans.Citations = []answer.Citation{}
	}
	ans.Question = t.Text
	ans.Mode = "extractive"
	ans.Request = requestOf(in)
	var intro strings.Builder
	if keepsAddress {
		fmt.Fprintf(&intro, "I'll take your request to keep your address confidential from now on, so that the council gives it to no one: %s.\n", requestLabel(in.Type, it.onBehalf))
	} else {
		fmt.Fprintf(&intro, "It sounds like you want to make a request: %s.\n", requestLabel(in.Type, it.onBehalf))
	}
	if other := b.otherCouncilIn(desc); it.org == "" && other != "" && !prefilled {
		// "I want a copy of my data from Luton council": said first, not asked "Which council?"
		// as though it were not said (a QA pass); the chat sends requests to its councils only.
		intro.WriteString(strings.TrimSpace(b.onlyOurCouncils(other)) + "\n")
	}
	if ans.Answer != "" {
		fmt.Fprintf(&intro, "What the notices say:\n%s\n", ans.Answer)
	}
	arrival := ""
	if it.loggedByAdviser() && !byCommand {
		if day, via, ok := arrivedOtherwise(desc, b.now()); ok {
			// "we got a letter last week (1 Dec) from Mr Jones…": stamped with this call, its
			// month would run from today, and no date from today is promised (arrival.go).
			arrival, it.arrivedOtherwise = arrivalNote(it, day, via), true
		}
	}
	if it.whose == "" {
		// (Whose records they are decides what happens next: said once that is answered.)
		intro.WriteString(b.whatHappensNext(it) + "\n")
	}
	if arrival != "" {
		intro.WriteString(arrival + "\n")
	}
	if it.second.typ != "" {
		intro.WriteString(it.second.alsoOffered() + ": it is a request of its own, and I'll offer to take it once this one is sent.\n")
	}
	if len(it.both) > 1 && it.org == "" {
		// "delete my data from both MK and Bucks": said at once, so that the council question
		// that follows isn't answered with the name (a QA pass).
		intro.WriteString("Each council's data protection team answers for its own records, so that's one request for each: I'll take this one first, and offer the other once it's sent.\n")
	}
	if given := givenInFirst(it); given != "" && !prefilled {
		fmt.Fprintf(&intro, "From your message I have %s: tell me if that's wrong.\n", given)
	}
	if it.org == "" && it.service != "" && !prefilled && len(it.both) < 2 {
		// "a copy of my employment support records": only Milton Keynes's notices name that
		// service, so the council is not asked for, only said (a QA pass asked "Which council?").
		// The notices are read only when the council is still to be asked.
		if org := b.councilOfServices(it.service); org != "" {
			it.org = org
			fmt.Fprintf(&intro, "Only %s's privacy notices cover %s, so this request goes to its data protection team: tell me if that's wrong.\n", org, it.service)
		}
	}
	if m := labelledContactRe.FindStringSubmatch(it.first); m != nil && it.contact == "" && !prefilled {
		if meant := mistypedEmail(m[1]); meant != "" {
			// "…, my email is tom.hart@gmial.com": asked about as at the contact step, a "yes"
			// taking the address meant (a verifying QA pass: it was asked for again later, and
			// the details kept the address mistyped).
			it.drop(m[1])
			intro.WriteString(it.didYouMean("The e-mail address in your message looks mistyped", meant) + "\n")
		}
	}
	if byAddress != "" && !prefilled {
		intro.WriteString(goesTo("Your address", byAddress) + "\n")
	} else if t.answeredFor && it.org == t.Org && !prefilled {
		// "yes" to a copy offered on an answer from Milton Keynes's notices alone: that council's
		// request, said so (a review: "Which council?" was asked after the answer).
		intro.WriteString("The answer was from " + it.org + "'s privacy notices, so this request goes to its data protection team: tell me if that's wrong.\n")
	} else if it.namedCouncil != "" && b.canonicalOrg(t.Org) == "" && !prefilled {
		// "I want a copy of my data from Milton Keynes Council": which council the request will
		// go to, as when it is asked for later, so that a council misread, or named for another
		// reason, can be corrected before the rest is asked. (A chat scoped to the council needs
		// no such word.)
		intro.WriteString(goesTo("", it.org) + "\n")
	}
	if it.loggedByAdviser() {
		intro.WriteString("No identity documents are taken here; the data protection team will contact the requester if they need proof of identity. Type \"cancel\" at any time.\n")
	} else {
		intro.WriteString(noIDHere + " You can type \"cancel\" at any time.\n")
	}
	b.advance(it)
	ans.Answer = intro.String() + b.prompt(it)
	s.remember(cmp.Or(t.said, t.Text), ans.Answer) // a "yes" that took up an offer, as said
	return Reply{Answer: ans, Session: s.ID, Kind: KindIntake, Intake: b.state(it)}, nil
}

// whoseSecond reads whose records the second of two requests asked for in one message is about,
// from its own words: the asker's own, someone else's (whose name is asked, unless the first
// request was for someone else too, whose name it keeps), or either, which is asked.
func whoseSecond(it *intake, words string) {
	switch r := rights.RecordsOf(words); r.Whose {
	case rights.Own:
		it.onBehalf, it.onBehalfOf = false, ""
	case rights.Theirs:
		if !it.onBehalf {
			it.onBehalf, it.onBehalfOf = true, ""
		}
	case rights.Unclear:
		it.onBehalf, it.onBehalfOf, it.whose = false, "", r.Relative
	}
}

// whatHappensNext is what happens to the request once sent, as its first reply says it.
func (b *Bot) whatHappensNext(it *intake) string {
	due, overdue := b.expectedDue(it.receivedAt) // the second of two rights was received with the first
	switch {
	case it.lawEnforcement:
		return "What happens next: I'll pass your request to the data protection team. " + lawEnforcementNext
	case it.typ == rights.Complaint:
		// A complaint is not a request under the rights with a statutory month: no ID check
		// restarts it and nothing is "extended". The queue keeps a date to answer it by.
		return fmt.Sprintf("What happens next: %s (They aim to by %s.)", complaintNext, due)
	case it.forOneWhoDied():
		return "What happens next: I'll pass your request to the data protection team. " + it.forSomeoneElseNext()
	case it.onBehalf:
		// Asked for someone else: the month starts when proof of authority arrives (reference
		// rule 2), so no date can be promised yet (a QA pass: the first reply gave one, the
		// last said otherwise).
		return "What happens next: I'll pass your request to the data protection team. " + onBehalfNext
	}
	if it.arrivedOtherwise {
		return "What happens next: I'll pass the request to the data protection team." // the day it arrived is asked for next
	}
	if overdue {
		// A letter logged after its month ran out: no ID check or extension can move a date
		// that has passed (a QA pass read "which restarts that month" above the overdue note).
		return fmt.Sprintf("What happens next: I'll pass your request to the data protection team. The council had to respond within one calendar month of receiving it, by %s, so it is overdue already.", due)
	}
	return fmt.Sprintf("What happens next: I'll pass your request to the data protection team. The council must respond within one calendar month of receiving it (by %s), though it may need to check your identity first, which restarts that month, or extend it for complex requests.", due)
}

// givenInFirst says what of the requester's details the first message gave: "your name (David
// Pritchard) and contact (jo@example.com)", or "".
func givenInFirst(it *intake) string {
	var parts []string
	if it.name != "" {
		parts = append(parts, "your name as "+it.name)
	}
	if it.onBehalfOf != "" {
		parts = append(parts, "the person it's for as "+it.onBehalfOf)
	}
	if it.contact != "" {
		parts = append(parts, "your contact as "+it.contact)
	}
	if it.service != "" && it.service != "-" {
		parts = append(parts, "the service as "+it.service)
	}
	return joinAnd(parts)
}

// lawEnforcementNext is what happens to a request that may be for data held for an investigation
// or prosecution: another law may apply (Part 3 of the Data Protection Act 2018), so no date is
// promised until the DPO has decided (reference rule 8). Both laws give a month (Part 3 in
// s.54), which a resident should know; what differs is the exemptions and any extension.
const lawEnforcementNext = "As it seems to be about information held for an investigation or a prosecution, different rules may apply to it: the council normally replies within one calendar month, and the team will confirm the time limit for their reply."

// onBehalfNext is what happens to a request for someone else, as the submitted reply says it.
const onBehalfNext = "Because you are asking for someone else, the team will first ask for proof that you may act for them; the one-month time limit starts when that arrives."

// onBehalfNextForStaff is onBehalfNext as an adviser logging a caller's request reads it.
const onBehalfNextForStaff = "Because the requester is asking for someone else, the team will first ask them for proof that they may act for them; the one-month time limit starts when that arrives."

// forTheDeadNext is what happens to a request for the records of someone who has died. The
// rights, and their month, are a living person's: the bot promises no time limit the notices
// don't give, and says the team will tell them how such a request is dealt with.
const forTheDeadNext = "As the person the request is for has died, the team will tell you how they deal with a request for their records, what they need from you, and when to expect an answer."

// forTheDeadNextForStaff is forTheDeadNext as an adviser logging a caller's request reads it.
const forTheDeadNextForStaff = "As the person the request is for has died, the team will tell the requester how they deal with a request for their records, what they need from them, and when to expect an answer."

// complaintNext is what happens to a complaint: not a request under the rights with a statutory
// month, so no ID check restarts it and nothing is "extended".
const complaintNext = "I'll pass your complaint to the data protection team, who will look into it and reply to you."

// flagsLawEnforcement reports whether a request of type typ is flagged as possibly law
// enforcement: once flagged (the flag stays until the DPO decides), or by these words; a
// complaint never is (it is no request under either law's rights).
func flagsLawEnforcement(typ rights.Type, flagged bool, words string) bool {
	return typ != rights.Complaint && (flagged || rights.LawEnforcement(words))
}

// councilsNamed are the councils a message names, by canonical name.
func (b *Bot) councilsNamed(text string) []string {
	if b.Mentioned == nil {
		return nil
	}
	return b.Mentioned(otherBodiesRe.ReplaceAllString(text, " "))
}

// otherBodiesRe is a council's short name as part of another body's name: "Bucks Fire and
// Rescue", "Buckinghamshire Healthcare NHS Trust", "MK College". A request about one is no
// request of the council (a QA pass filed a Milton Keynes objection about Bucks Fire and Rescue
// with Buckinghamshire Council).
var otherBodiesRe = regexp.MustCompile(`(?i)\b[\p{L}]+\s+(?:fire(?:\s+(?:and|&)\s+rescue)?|healthcare|hospitals?|nhs|college|university|police|constabulary)\b`)

// otherCouncilsRequest answers a request made, in a chat scoped to one council, of another: it
// is not that council's to take, and the person is told whose it is and how to reach them.
func (b *Bot) otherCouncilsRequest(ctx context.Context, s *session, t Turn, in rights.Intent) (Reply, error) {
	ans, err := b.Answerer.Answer(ctx, answer.Question{Text: t.Text, Organisation: t.Org})
	if err != nil {
		return Reply{}, err
	}
	ans.Question, ans.Request = t.Text, requestOf(in)
	ans.Request.Actionable = false // not taken here
	s.remember(t.Text, ans.Answer)
	return Reply{Answer: ans, Session: s.ID, Kind: KindAnswer}, nil
}

// explainQuestion is what a request's first reply searches the notices for to quote the right
// it is for.
func explainQuestion(t rights.Type) string {
	if w, ok := rightWords[t]; ok {
		return w.search
	}
	return "your rights"
}

// rightName is a right as notices name it, in a list ("Right of access") or in a table's first
// column ("Access"): what an excerpt is asked for by when explainQuestion's fuller words find
// nothing. "" for a request that is no right a notice names so.
func rightName(t rights.Type) string { return rightWords[t].name }

// rightWords are the words of each right: the fuller ones searched first (search), and its name
// (name; none for a complaint or automated decisions, which notices don't name as a right).
var rightWords = map[rights.Type]struct{ search, name string }{
	rights.Access:            {"right of access to receive a copy of your personal data", "right of access"},
	rights.Rectification:     {"right to rectification correct inaccurate data", "right to rectification"},
	rights.Erasure:           {"right to erasure delete data", "right to erasure"},
	rights.Restriction:       {"right to restrict processing", "right to restrict processing"},
	rights.Portability:       {"right to data portability", "right to data portability"},
	rights.Objection:         {"right to object", "right to object"},
	rights.AutomatedDecision: {"automated decision-making profiling", ""},
	rights.WithdrawConsent:   {"right to withdraw consent", "right to withdraw consent"},
	rights.Complaint:         {"complaint to the Data Protection Officer about how information has been used", ""},
}

// expectedDue is the due date of a request received then that needs no ID check, as a reply says
// it, and whether that date has passed already (a letter logged after its month ran out).
func (b *Bot) expectedDue(received time.Time) (due string, overdue bool) {
	d, ok, err := deadline.Clock{Received: received, Region: b.region(), Calendar: b.Calendar}.Due()
	if err != nil || !ok {
		return "one calendar month from receipt", false
	}
	return d.Format("Monday 2 January 2006"), d.Before(deadline.LondonDate(b.now()))
}

func (b *Bot) region() deadline.Region {
	if b.Region == "" {
		return deadline.EnglandAndWales
	}
	return b.Region
}

func (b *Bot) canonicalOrg(org string) string {
	if org == "" {
		if len(b.Orgs) == 1 {
			return b.Orgs[0]
		}
		return ""
	}
	if b.Canonical != nil {
		if name, ok := b.Canonical(org); ok {
			return name
		}
	}
	for _, o := range b.Orgs {
		if strings.EqualFold(o, org) {
			return o
		}
	}
	return org
}

// advance moves to the next step that still needs an answer.
func (b *Bot) advance(it *intake) {
	switch {
	case it.whose != "":
		it.step = StepWhose
	case it.org == "":
		it.step = StepOrg
	case it.name == "":
		it.step = StepName
	case it.onBehalf && it.onBehalfOf == "":
		it.step = StepOnBehalfOf
	case it.contact == "":
		it.step = StepContact
	case it.revising:
		// A detail changed after the summary: the summary again, not the steps after it.
		it.step = StepConfirm
	case it.service == "" && it.step != StepService && it.step != StepDescription && it.step != StepConfirm:
		it.step = StepService
	case it.step == StepService || it.step == StepOnBehalfOf || it.step == StepContact || it.step == StepName || it.step == StepOrg || it.step == "":
		it.step = StepDescription
	default:
		it.step = StepConfirm
	}
}

func (b *Bot) prompt(it *intake) string {
	q := b.question(it)
	if u := it.undo; u != nil && u.field == it.step && u.shown() != "" {
		q += fmt.Sprintf(" (Now: %s. Say \"keep it\" to keep it.)", u.shown())
	}
	if it.previous != nil && (it.step == StepOrg || it.step == StepName || it.step == StepContact) {
		q += ` (Or say "same as before" to use your last request's.)`
	}
	return q
}

// question is the question a step asks.
func (b *Bot) question(it *intake) string {
	if it.loggedByAdviser() {
		// An adviser logging a call, a letter or an e-mail is asked about the requester, not
		// addressed as them (a QA pass: "What is your full name?").
		switch it.step {
		case StepWhose:
			return "Is the request for the requester's own records, or for their " + possessive(it.whose) + "?"
		case StepName:
			return "What is the requester's full name?"
		case StepOnBehalfOf:
			return "They're asking for someone else: what is that person's name? (The data protection team will ask them for proof that they may act for them.)"
		case StepContact:
			return "How should the data protection team contact the requester? Give one of: an e-mail address, a phone number, or a postal address."
		case StepService:
			return "Which council service is it about, if known? (Type \"skip\" if not.)"
		case StepDescription:
			return "Briefly, what does the requester want the council to do? (For example, which records, or what is wrong.)"
		}
	}
	switch it.step {
	case StepWhose:
		return "Is this request for your own records, or for your " + possessive(it.whose) + "?"
	case StepOrg:
		return "Which council is this request for? (" + strings.Join(b.Orgs, " or ") + ")"
	case StepName:
		return "What is your full name?"
	case StepOnBehalfOf:
		return "You're asking for someone else: what is their name? (The data protection team will ask you for proof that you may act for them.)"
	case StepContact:
		if it.requesterAtRisk() && !it.onBehalf {
			// Someone escaping a partner's abuse: a letter or a call the partner sees or answers
			// may put them in danger (a QA pass offered a postal address as to anyone).
			return "How should the data protection team contact you, in a way that is safe for you? Give an e-mail address, a phone number, or a postal address, but only one where it is safe for the council to write to you or call you (not one that someone you're afraid of can see or answer). If none is safe, give a way that is: a support worker's, for example."
		}
		return "How should the data protection team contact you? Give one of: an e-mail address, a phone number, or a postal address."
	case StepService:
		return "Which council service is it about, if you know? (Type \"skip\" if you're not sure.)"
	case StepDescription:
		return "Briefly, what would you like the council to do? (For example, which records you want, or what is wrong.)"
	case StepConfirm:
		return b.summary(it) + "\nShall I send this to the data protection team? (yes / no)"
	}
	return ""
}

func (b *Bot) summary(it *intake) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Your request:\n- Type: %s\n- Council: %s\n- Name: %s\n", requestLabel(it.typ, it.onBehalf), it.org, it.name)
	if it.loggedByAdviser() {
		s.WriteString(b.receivedLine(it)) // the month runs from that day: a wrong one is caught here
	}
	if it.onBehalfOf != "" {
		fmt.Fprintf(&s, "- On behalf of: %s\n", it.onBehalfOf)
	}
	fmt.Fprintf(&s, "- Contact: %s\n", it.contact)
	if len(it.others) > 0 {
		fmt.Fprintf(&s, "- Also given (in the details): %s\n", strings.Join(it.others, ", "))
	}
	if it.service != "" && it.service != "-" {
		fmt.Fprintf(&s, "- Service: %s\n", it.service)
	}
	fmt.Fprintf(&s, "- Details: %s", it.detailsSent())
	for _, n := range it.teamNotes() {
		if n == riskToldNote || n == atRiskNote {
			// On the case for the team, not on a screen someone else may see: a note of a risk
			// read in the chat could put the resident at risk (a QA pass).
			continue
		}
		fmt.Fprintf(&s, "\n- Note for the team: %s", n) // sent with the request, so shown before it is
	}
	return s.String()
}

func (b *Bot) state(it *intake) *IntakeState {
	st := &IntakeState{Step: it.step, Type: string(it.typ), Prompt: b.prompt(it), Fields: map[string]string{}}
	if it.step == StepOrg {
		st.Options = append([]string(nil), b.Orgs...)
	}
	if it.step == StepConfirm {
		st.Options = []string{"yes", "no"}
	}
	if it.step == StepWhose {
		st.Options = []string{"My own", "My " + possessive(it.whose)}
	}
	for k, v := range map[string]string{"organisation": it.org, "name": it.name, "on_behalf_of": it.onBehalfOf,
		"contact": it.contact, "service": it.service, "description": it.description()} {
		if v != "" && v != "-" {
			st.Fields[k] = v
		}
	}
	if u := it.undo; u != nil {
		// A step asked again from the summary keeps what it held till a new value is given (a
		// "yes" or "keep it" files it): the fields say so, or a widget showed it blank (a
		// verifying QA pass). Not a council taken back ("sorry I meant Luton"): the resident said
		// it isn't theirs.
		for k, v := range map[string]string{"name": u.name, "on_behalf_of": u.onBehalfOf, "contact": u.contact, "service": u.service} {
			if _, set := st.Fields[k]; !set && v != "" && v != "-" {
				st.Fields[k] = v
			}
		}
	}
	return st
}

// intakeStep takes the answer to the current step.
func (b *Bot) intakeStep(ctx context.Context, s *session, t Turn) (Reply, error) {
	return b.takeStep(ctx, s, t, true)
}

// takeStep takes the answer to the current step; readForDanger, the message is first read for
// someone at risk.
func (b *Bot) takeStep(ctx context.Context, s *session, t Turn, readForDanger bool) (Reply, error) {
	it := s.intake
	reply := func(text string) Reply {
		return Reply{Answer: answer.Answer{Question: t.Text, Answer: text, Citations: []answer.Citation{}, Mode: "extractive",
			Request: &answer.Request{Type: string(it.typ), Actionable: true, Confidence: 1}},
			Session: s.ID, Kind: KindIntake, Intake: b.state(it)}
	}
	changed := "" // what the message changed besides answering the step, said first
	mk := func(text string) Reply {
		text = changed + text
		s.remember(t.Text, text)
		return reply(text)
	}
	if most := it.longestAnswer(); utf8.RuneCountInString(t.Text) > most {
		// Not remembered: the excerpt kept with the case would be the paste.
		return reply(tooLongFor(it, most) + " " + b.prompt(it)), nil
	}
	cancel := func() Reply {
		s.intake = nil
		text := "I've cancelled that request; nothing was sent. You can ask me anything else."
		if it.second.typ != "" {
			// A request asked for beside it (a confidential address, a second right) still stands.
			s.offered = it.second
			text += " " + it.second.alsoOffered() + ": say \"yes\" and I'll take that request now."
		}
		var cited []answer.Citation
		if it.org != "" && (willContactRe.MatchString(t.Text) || willContactRe.MatchString(it.stopSaid)) {
			// "nah leave it, ill ring them": whom to ring, so they need not ask again (a QA pass
			// cancelled with no word of it).
			text, cited, _ = b.withContactOf(it.org, text)
		}
		r := mk(text)
		r.Kind, r.Intake = KindCancelled, nil
		if cited != nil {
			r.Answer.Citations = cited
		}
		return r
	}
	if asked := it.askedToStop; asked {
		// The reply to "Do you want to stop this request?": before the summary reads a "yes"
		// as sending it.
		it.askedToStop = false
		switch v := meantAnswer(strings.TrimSpace(t.Text)); {
		case plainYes(v) || cancelRe.MatchString(v):
			return cancel(), nil
		case noRe.MatchString(v) || carryOnRe.MatchString(v):
			return mk("OK, nothing has changed. " + b.stillOpenAsk(it)), nil
		}
	}
	if cancelRe.MatchString(t.Text) {
		return cancel(), nil
	}
	if u := it.undo; u != nil && (u.field != it.step || it.step == StepConfirm) {
		it.undo = nil // the step asked again was answered
	} else if u != nil && (keepItRe.MatchString(t.Text) || plainYes(t.Text)) {
		// "yes", "keep it" to the step asked again from the summary: what it held, and the
		// summary again (a verifying QA pass: a "no" naming the phone wiped the contact, and
		// a "yes" to the question that followed was refused).
		u.restore(it)
		return mk("I've kept it as it was. " + b.prompt(it)), nil
	}
	if opening, ok := pauseOf(t.Text); ok {
		// "hang on", "sorry, phone rang", "ok I'm back, the doorbell went. where were we up to?":
		// no answer to the step, nothing taken, and (only a pause or a return, from closed lists)
		// no danger in it: read before the model, which took the doorbell for urgent and flagged
		// the case (a verifying QA pass; "erm" was filed as the details).
		return mk(opening + " " + b.stillOpenAsk(it)), nil
	}
	if stopAskRe.MatchString(t.Text) {
		// "I'll do it later": the request dropped, or something to come? Asked, and nothing
		// taken for the step's answer.
		it.askedToStop, it.stopSaid = true, t.Text
		return mk("Do you want to stop this request? Nothing has been sent. (yes / no)"), nil
	}
	if asksToCancel(it, t.Text) {
		// "can i cancel it?", "how do I cancel this request": asked of the request being taken,
		// whether it may be stopped. A QA pass changed "actually can i cancel it? i spoke to my
		// solicitor" into a request to withdraw consent, and answered "can i cancel it?" from
		// the notices with the request left open. Asked, as "I'll do it later" is.
		it.askedToStop, it.stopSaid = true, t.Text
		return mk("Yes, you can stop it: nothing has been sent yet. Do you want to stop this request? (yes / no)"), nil
	}
	v := strings.TrimSpace(t.Text)
	in := b.classify(v) // read once: for danger here, for a second right below
	if in.ByModel && spokenPhoneReply(v) != "" {
		// "oh 7 7 double 1 2 3 4 5 6 7 8", "call me on oh 7 7 double 1 …" have no word of
		// danger: the model, which never saw a number dictated, took them for urgent. Read as
		// contactIn reads the contact, lead-in and all; at any step, where it corrects the
		// contact (a QA pass: "call me on oh 7 7 …" at the service step got "call 999").
		in.Safeguarding, in.ByModel = false, false
	}
	if it.step == StepContact && contactSeenBySomeoneFeared(v) {
		// "my email is jsmith@outlook.com but my husband reads it and hes violent": the address
		// was taken and the request went on, with no word of where to turn and nothing on the
		// case (a QA pass). Where to turn first; the contact, which the one they fear sees, not
		// used; one safe to use asked for; and the case flagged and noted for the team, as for
		// anyone at risk from a partner (atRiskOf).
		atRiskOf(s)
		notUsed := "that contact"
		if c := contactIn(v); c != "" {
			notUsed, it.unsafe = c, c
		}
		text := "Thank you for telling me. I won't use " + notUsed + ", as someone you're afraid of can see it. " +
			"If you feel unsafe, help is there:\n" + b.safeguardingContacts(rights.Intent{Type: rights.None, Safeguarding: true, DomesticAbuse: true}, t.Org) +
			"\n" + b.stillOpenAsk(it)
		r := mk(text)
		r.Kind, r.Answer.Safeguarding = KindSafeguarding, true
		return r, nil
	}
	if readForDanger && in.Safeguarding {
		if in.ByModel {
			// Only the model took it for urgent, not a word of danger ("Joan Whitfield, she
			// lives at 22 Church Street…", "I am 84 and my carer comes Tuesdays": a QA pass lost
			// both): the safeguarding contacts first, and the answer taken for its step.
			s.riskTold = true // before the step, whose reply may be the summary
			before := it.taken()
			r, err := b.takeStep(ctx, s, t, false)
			if err != nil {
				return r, err
			}
			if s.intake == it && it.taken() == before {
				// Nothing taken ("my ex keeps turning up at my new flat" at the contact step): no
				// "that doesn't look like an e-mail address" after a danger told, but the request
				// still open, as for a danger said outright.
				return b.stillOpen(s, t, in), nil
			}
			r.Answer.Answer = b.safeguardingFor(in, t.Org) + "\n\n" + r.Answer.Answer
			r.Answer.Safeguarding = true
			return r, nil
		}
		// Someone at risk comes first: the request waits, and nothing said is taken for a
		// name, a council or the details. What the message asks of the request in a sentence of
		// its own ("… he'll find where I live. Please delete my old address records") is kept
		// with its words (a QA pass filed "Please delete my data" alone).
		r := b.safeguarding(s, t, in)
		kept := ""
		switch req, words := b.requestWords(v); {
		case words == "" || strings.Contains(it.first, words):
		case req.Type != it.typ && it.second.typ == "":
			// "He hit me. Stop sending letters to my address." during a request for a copy: a
			// request of its own, taken once this one is sent, not words added to the copy's
			// details (a review: the objection never became a request).
			it.second = offer{typ: req.Type, question: words, onBehalf: req.OnBehalf}
			kept = fmt.Sprintf("I'll offer to take \"%s\" as a request of its own (%s) once this one is sent. ", words, req.Type.Label())
		case req.Type != it.typ && it.second.typ == req.Type:
			// Already offered for later (a confidential address asked for beside the danger): no
			// words added to this request, whose type they are not.
		default:
			it.addWords(words)
			kept = fmt.Sprintf("I've kept \"%s\" with your request. ", words)
		}
		r.Answer.Answer += "\n" + kept + b.stillOpenAsk(it)
		s.rememberedAs(r.Answer.Answer) // what the next message answers, in the case's excerpt
		r.Intake = b.state(it)
		return r, nil
	}
	suggested, doubted, phoneAgain, asTyped := it.suggested, it.doubted, it.phoneAgain, it.asTyped
	it.suggested, it.doubted, it.phoneAgain, it.asTyped = nil, "", false, ""
	if text, ok := b.takeMeant(it, v, suggested, doubted, asTyped); ok {
		// "yes" to "did you mean tom@hotmail.com?": that address (a QA pass: refused as no
		// e-mail address, and the resident had to type it again). Before anything else reads
		// the reply: "correct" would change the request to one to correct records.
		return mk(text), nil
	}
	talk := smallTalkOf(v) // "help", "thanks": a reply to the bot, not an answer to the step
	if talk == smallTalkHelp {
		// "help" is not a council, a name or a service: say what is going on.
		return mk("I'm taking your request for the data protection team, a question at a time. Answer this one, " +
			"or type \"cancel\" to stop: " + b.prompt(it)), nil
	}
	if talk == smallTalkGreeting || talk == smallTalkBack || backAgainRe.MatchString(folded(v)) {
		// "hi", "sorry I'm back": someone back from a break, not answering the step (a web QA
		// pass: "hi" at the contact step was "That doesn't look like an e-mail address…").
		return mk("Hello again. " + b.stillOpenAsk(it)), nil
	}
	if contactIn(v) == "" && (closedRe.MatchString(v) || carryOnRe.MatchString(v) && askedRe.MatchString(v) && len(strings.Fields(v)) <= 10) {
		// "sorry the page closed, can I carry on?", with the request still held here: it is.
		return mk("Yes, you can carry on. " + b.stillOpenAsk(it)), nil
	}
	theirs := "" // the name of the person the request is for, said beside the step's answer
	if it.onBehalfOf == "" && (it.onBehalf || it.whose != "") && beforeTheirName(it.step) {
		// "his, his name is Harold Finch", "Milton Keynes, his name is Harold Finch", "Sam Finch,
		// his name is Harold Finch": their name is kept, and what comes before it answers the step
		// (a QA pass asked for the father's name again later).
		if loc := namedOutrightRe.FindStringSubmatchIndex(v); loc != nil {
			if who := b.nameBeforePossessive(v[loc[2]:loc[3]]); who != "" && !strings.EqualFold(who, it.name) {
				theirs = who
				v = strings.TrimSpace(andEndRe.ReplaceAllString(v[:loc[0]], ""))
			}
		}
	}
	if it.step == StepWhose {
		// Answered before anything else is asked: no name, contact or correction is in it yet.
		if theirs != "" && v == "" {
			v = "theirs" // "his name is Harold Finch" says whose
		}
		text := b.takeWhose(it, v)
		if theirs != "" && it.onBehalf && it.onBehalfOf == "" {
			it.onBehalfOf = theirs
			text = "I've noted that the request is for " + theirs + ". " + text
		}
		return mk(text), nil
	}
	if theirs != "" && it.onBehalf {
		it.onBehalfOf = theirs
		changed = "I've noted that the request is for " + theirs + ". "
		if v == "" {
			return mk(b.prompt(it)), nil
		}
	}
	if addrs := spokenEmailsOf(v); len(addrs) > 0 && it.step != StepContact && !strings.Contains(v, "@") && ownSpokenEmailRe.MatchString(v) &&
		!(it.typ == rights.Rectification && it.step == StepDescription) {
		// "my email is janet at example dot com" at a later step, the summary included: said back
		// as at the contact step, a "yes" making it the contact (it asked for the contact again).
		return mk(it.didYouMean("That reads as an e-mail address", addrs...) + " " + b.prompt(it)), nil
	}
	// "oh wait, the email is wrong, it's jo2@…" at the details, "sorry my name is actually
	// Katherine Hill" at the service step: the field it corrects changes, whatever step it is
	// said at, and that step's question is asked again.
	if text, ok := b.correction(it, v, phoneAgain); ok {
		return mk(text + " " + b.prompt(it)), nil
	}
	if m := numberEndsRe.FindStringSubmatch(v); m != nil && it.contact != "" && countDigits(it.contact) >= 10 &&
		!(it.typ == rights.Rectification && it.step == StepDescription && !ownContactRe.MatchString(v)) { // "it ends 98 not 99" may be what to correct
		// "sorry my number ends 98 not 99": the phone's last digits corrected (a QA pass filed
		// it as the details, and the number stayed wrong).
		if fixed, ok := withLastDigits(it.contact, m[1], m[2]); ok {
			it.contact = fixed
			return mk("I've changed the contact to " + fixed + ". " + b.prompt(it)), nil
		}
	}
	if service := serviceGiven(v); service != "" && it.step != StepService && it.step != StepConfirm && fixCueRe.MatchString(v) && it.service != "" {
		// "actually the service is housing not planning" at the details step.
		it.service = service
		return mk("I've changed the service to " + service + ". " + b.prompt(it)), nil
	}
	if it.contact != "" && it.step != StepContact && (alsoReachRe.MatchString(v) || onlyOwnContact(v) && !(it.typ == rights.Rectification && it.step == StepDescription)) &&
		!oldContactRe.MatchString(v) { // "also my phone … please delete it" is what to delete
		// "also my phone is 07700 900555", "oh and you can also call me on …": another way to
		// reach them, kept with the one given (a QA pass: the contact was cleared and asked
		// again, or the number filed as the service).
		var more []string
		for _, c := range contactsIn(redact.SpokenPhonesInDigits(v)) { // "… call me on oh seven seven …"
			if !sameContact(c, it.contact) {
				more = append(more, c)
			}
		}
		if len(more) > 0 {
			it.addOthers(more)
			return mk("I've added " + joinAnd(more) + " as another way to reach you. " + b.prompt(it)), nil
		}
	}
	if se, ok := b.someoneElseIn(it, v); ok && !it.onBehalf && it.step != StepName && it.step != StepOrg && se.saidAfterDetails(v) {
		// "actually I'm asking for my son Arjun Patel" after their own details, an adviser's
		// "it's for his son Liam Baker" at the summary: the request is his, and its month waits
		// for proof (a QA pass filed it as the writer's own, with the sentence as the service).
		noted := it.notedForSomeoneElse(se)
		if it.onBehalfOf != "" {
			return mk(noted + b.prompt(it)), nil
		}
		// Their name is asked, then the step that was asked when the resident said so: said at
		// the details, the details are still to come (a QA pass went from the name to the
		// summary, and the case had only the first words). Only from the summary does it go
		// back there.
		revising := it.revising || it.step == StepConfirm
		if it.step == StepDescription && saysMoreThanWhose(v, se) {
			// "it is for my mum, her address should be 2 Low Rd": what she wants is kept with
			// the request (a QA pass lost it: the details were asked again, and the case had
			// only what came after).
			it.addWords(v)
		}
		b.reask(it, StepOnBehalfOf)
		it.revising = revising
		return mk(noted + b.prompt(it)), nil
	}
	if wrongCouncilRe.MatchString(v) && it.step != StepOrg && it.step != StepDescription && len(strings.Fields(v)) <= 10 && len(b.councilsSwitchedTo(it, v)) == 0 &&
		b.requestScope(it, t) == "" { // a chat that takes one council's requests has no other to ask
		// (In the details, "my letters were sent to the wrong council" is what went wrong.)
		// "sorry wrong council": which one, asked again (its "wrong" made it a request to
		// correct records, filed with the council it said was wrong, a QA pass). Said before
		// the summary, the steps go on from the council: not to a summary without the details.
		revising := it.revising || it.step == StepConfirm
		b.reask(it, StepOrg)
		it.revising = revising
		return mk(b.prompt(it)), nil
	}
	// "sorry, the email is wrong: jo2@…" corrects a detail; "delete the old address, put the new
	// one instead" is a correction asking to delete.
	if typ := in.Type; alsoWantRe.MatchString(v) && typ != rights.None && typ != it.typ && it.second.typ == "" && !contactRe.MatchString(v) {
		// "I'd also like a copy of everything you hold on me": a second right, taken once this
		// one is sent, not this one changed into it.
		it.second = offer{typ: typ, question: v}
		return mk(fmt.Sprintf("I'll offer to take that too (%s) once this request is sent. %s", typ.Label(), b.prompt(it))), nil
	}
	if typ := b.wantedRight(v); typ != rights.None && typ != it.typ && !contactRe.MatchString(v) && !confirmNameRe.MatchString(v) && !(wrongCouncilRe.MatchString(v) && it.step != StepDescription) &&
		!(it.typ == rights.Rectification && correctionRe.MatchString(v)) {
		// "actually, I'd rather just get a copy": the right asked for changes; what was given
		// so far still stands, and this message is the request now. Filed as the first right,
		// the DPO would erase what was to be copied.
		// The details open with what is wanted now, and the change is noted with the first
		// words, which still say what the request is about ("my housing file"): a case for
		// erasure whose details began "can i have a copy of my housing file please" would leave
		// the DPO team unsure what to do (a QA pass). Any details given stay; the flag stays
		// until the DPO decides, unless it is now a complaint.
		if it.firstAsked == "" {
			it.firstAsked, it.firstTyp = it.first, it.typ
			it.first = "" // the first words are in the note of the change, below
		} else {
			// Changed again: what was said since the first change ("the tenancy ended in 2019",
			// a name) stays; only the note of the change is written anew (a review: it was lost).
			it.first = strings.TrimSpace(changeNoteRe.ReplaceAllString(it.first, ""))
		}
		it.typ = typ
		it.addWords(v)
		if it.firstAsked != "" && it.firstTyp != typ {
			it.addWords(fmt.Sprintf(changeNote, it.firstTyp.Label(), strings.Join(strings.Fields(it.firstAsked), " ")))
		}
		it.lawEnforcement = flagsLawEnforcement(typ, it.lawEnforcement, it.desc)
		if it.second.typ == typ {
			it.second = offer{} // the right offered for later is the one asked for now
		}
		return mk(fmt.Sprintf("I've changed the request to: %s. %s", it.typ.Label(), b.prompt(it))), nil
	}
	if wantsPersonRe.MatchString(v) && contactIn(v) == "" && it.step != StepDescription && it.step != StepContact {
		// "I want to talk to a real person" is no council, name or detail: whom to ask, and the
		// request waits.
		r := b.wantsPerson(s, t)
		r.Answer.Answer += "\n" + b.stillOpenAsk(it)
		r.Intake = b.state(it)
		return r, nil
	}
	if asksResponseTime(v) {
		// "how long will it take?" mid-request: the answer, and the request goes on.
		next := statutoryResponseTime
		switch {
		case it.lawEnforcement:
			next = lawEnforcementNext
		case it.typ == rights.Complaint:
			next = complaintNext
		}
		return mk(next + "\n" + b.prompt(it)), nil
	}
	if asksAboutIDRe.MatchString(v) {
		// "do you need my ID?" mid-request: what the chat does about proof of identity.
		return mk(noIDHere + "\n" + b.prompt(it)), nil
	}
	if it.step == StepService && postcodeRe.MatchString(v) && !postcodeRe.MatchString(it.contact) && !strings.Contains(it.contact, "@") && countDigits(it.contact) > 0 && countDigits(it.contact) < 9 {
		// "Flat 2, 10 Queens Court," then "Milton Keynes MK9 2AB": the rest of the postal address
		// given as the contact (a QA pass dropped it, and filed an address without its postcode).
		it.contact = strings.TrimRight(strings.TrimSpace(it.contact), ",") + ", " + v
		return mk("I've added that to your address: " + it.contact + ". " + b.prompt(it)), nil
	}
	if it.step == StepService && (postcodeRe.MatchString(v) || houseRe.MatchString(v) && streetRe.MatchString(v)) {
		// An address is no service ("12 High Street, Bletchley, MK2 2AB" was kept as one).
		return mk("That looks like an address, not a council service. " + b.prompt(it)), nil
	}
	if whyStepRe.MatchString(v) && (it.step == StepName || it.step == StepContact || it.step == StepOnBehalfOf) {
		// "why do you need my name?", "what do you need my contact for?" ask about this step:
		// why, and the question again.
		why := whyTheName
		switch it.step {
		case StepContact:
			why = "The data protection team needs a way to reach you to send their reply. "
		case StepOnBehalfOf:
			why = "The data protection team needs the name of the person the request is for to find what the council holds about them, and it stays with them. "
		}
		return mk(why + b.prompt(it)), nil
	}
	if it.step != StepDescription && it.step != StepConfirm && !in.Actionable && asksAtStep(v) && contactIn(v) == "" &&
		!aboutTheStepRe.MatchString(v) && !(it.step == StepOrg && b.councilAnsweredBeside(v)) {
		// "wait, how long do you keep complaint records anyway?", "who is the dpo" is not a
		// council, a name or an address: answered from the notices, and the step asked again, as
		// at the details and the summary (a QA pass: told to cancel the request to ask it, and an
		// adviser's next caller's "i live in aylesbury, whats the dpo phone number" taken for the
		// council). A council said on its own beside the question ("bucks. what happens next")
		// is still the answer.
		if r, ok := b.answeredMidRequest(ctx, s, t, it, v); ok {
			return r, nil
		}
		return mk("That looks like a question. I'm taking your request at the moment: type \"cancel\" to stop it and ask your question, or answer: " + b.prompt(it)), nil
	}
	if it.step == StepDescription && !in.Actionable && askedRe.MatchString(v) && !grievanceAskedRe.MatchString(v) &&
		!strings.EqualFold(v, it.askedAtStep) {
		// "what happens to a complaint, will the ICO be told?" asks something of the notices, and
		// is no detail of the request (a web QA pass filed it as the details, and showed the
		// summary): answered, and the details asked again. What the resident wants, asked ("can
		// you send me everything about my claim?"), reads as a request, and what went wrong,
		// asked ("why did you send my file to my ex?"), is a complaint's details.
		if r, ok := b.answeredMidRequest(ctx, s, t, it, v); ok {
			return r, nil
		}
	}
	named := b.councilsSwitchedTo(it, v)
	place := "" // a place of the council's area, said in its place ("sorry I meant Olney")
	if it.org != "" && it.step != StepName && it.step != StepOrg && len(named) == 1 && named[0] == it.org && b.councilSaidAgain(v) {
		// "oh wait, I meant Buckinghamshire" of the council the request has: no contact, service
		// or details (a QA pass kept it as the service), and nothing to change.
		return mk(fmt.Sprintf("The request is already for %s. %s", it.org, b.prompt(it))), nil
	}
	if takesCouncilBack(it.step) && len(named) == 0 {
		// Asked their name, or a later step, "sorry I meant Luton" corrects the council given, not
		// the answer (a QA pass filed "I meant Luton" as the name, and "sorry I meant Olney" as
		// the service): a place moves the request to its council as "I meant Milton Keynes"
		// does, and another council's is told where to go.
		p, org, other := b.councilMeant(v)
		if other && it.step != StepName && !b.otherCouncilMeant(v, p) {
			p, org, other = "", "", false // "sorry I meant Highways", at the service step
		}
		switch {
		case other && b.requestScope(it, t) != "":
			return mk(fmt.Sprintf("This chat takes requests for %s only. For %s, type \"cancel\" and contact that council's data protection team. %s", it.org, p, b.prompt(it))), nil
		case other:
			// The step it was at is asked next, as it was, unless from the summary, which is
			// shown again.
			revising := it.revising || it.step == StepConfirm
			b.reask(it, StepOrg)
			it.revising = revising
			return mk(b.onlyOurCouncils(p) + b.prompt(it)), nil
		case org == it.org:
			return mk(goesTo(p, org) + " " + b.prompt(it)), nil
		case org != "":
			named, place = []string{org}, p
		}
	}
	if it.step != StepOrg && len(named) == 1 && named[0] != it.org &&
		(place != "" || countDigits(v) == 0 && (switchCouncilRe.MatchString(v) || len(strings.Fields(v)) <= 4)) { // an address may name a council's town
		if b.requestScope(it, t) != "" {
			// A chat scoped to one council takes its requests only; the other council's contact,
			// as its notices give it, says where to go instead.
			text, cited, _ := b.withContactOf(named[0], fmt.Sprintf("This chat takes requests for %s only. To ask %s, type \"cancel\" and contact their data protection team.", it.org, named[0]))
			r := mk(text + "\nOr answer: " + b.prompt(it))
			if cited != nil {
				r.Answer.Citations = cited
			}
			return r, nil
		}
		// "actually I meant Buckinghamshire": the request goes to that council instead.
		it.org = named[0]
		scope := ""
		if own := b.canonicalOrg(t.Org); own != "" && own != it.org {
			// An adviser's chat scoped to a council: the request moves, and the scope, which the
			// next caller's questions are answered from too, stays the adviser's to change.
			scope = fmt.Sprintf(" (Questions in this chat are still answered from %s's notices.)", own)
		}
		area := ""
		if place != "" {
			area = fmt.Sprintf(" (%s is in its area)", place)
		}
		return mk(fmt.Sprintf("I've changed the council to %s%s.%s %s", it.org, area, scope, b.prompt(it))), nil
	}
	if sameAsBeforeRe.MatchString(v) && (it.step == StepOrg || it.step == StepName || it.step == StepContact || it.step == StepOnBehalfOf) {
		p := it.previous
		if p == nil {
			return mk("There's no earlier request in this conversation to copy. " + b.prompt(it)), nil
		}
		// "same as before" for a second request: the first one's council, name or contact (a QA
		// pass stored "same as before" as the name), said back, so nothing is taken unseen.
		var used []string
		switch it.step {
		case StepOrg:
			it.org, used = p.org, []string{"council (" + p.org + ")"}
			if !it.loggedByAdviser() && !namesOneDetailRe.MatchString(v) {
				// A resident's second request: "same as before" said once is their name and
				// contact too, not asked for three times over (a QA pass). An adviser's next
				// request may be another caller's.
				if it.name == "" {
					it.name, used = p.name, append(used, "name ("+p.name+")")
				}
				if it.contact == "" && p.contact != "" {
					it.contact, used = p.contact, append(used, "contact ("+p.contact+")")
				}
			}
		case StepName:
			it.name, used = p.name, []string{"name (" + p.name + ")"}
			if it.contact == "" && !namesOneDetailRe.MatchString(v) { // "same name" is the name only
				it.contact, used = p.contact, append(used, "contact ("+p.contact+")")
			}
		case StepContact:
			it.contact, used = p.contact, []string{"contact (" + p.contact + ")"}
		case StepOnBehalfOf:
			if p.onBehalfOf == "" {
				return mk("Your last request was for yourself. " + b.prompt(it)), nil
			}
			it.onBehalfOf, used = p.onBehalfOf, []string{"person it's for (" + p.onBehalfOf + ")"}
		}
		b.advance(it)
		return mk("I've used your last request's " + joinAnd(used) + ". " + b.prompt(it)), nil
	}
	switch it.step {
	case StepOrg:
		if named := b.councilsNamed(v); len(named) > 1 || bothRe.MatchString(v) {
			// "both", "bucks and mk": each council's data protection team answers for its own
			// records, so each gets its own request, the other offered once this one is sent.
			if it.both = named; len(named) < 2 {
				it.both = b.Orgs
			}
			return mk("Each council's data protection team answers for its own records, so that's one request for each. " +
				"Which council is this one for? You can make the other request once it's sent. (" + strings.Join(b.Orgs, " or ") + ")"), nil
		}
		if name, place, org := b.nameAndPlace(v); org != "" {
			// "Jane Doe, Olney", "Sarah Okafor from Aylesbury": the council the place is in, said
			// so (a QA pass: asked again, or Milton Keynes taken unsaid), and the name, asked next,
			// noted to be corrected.
			it.org = org
			text := ""
			if place != "" {
				text = goesTo(place, org) + " "
			}
			if name != "" && it.name == "" {
				it.name = name
				text += "I've noted " + it.yourName() + " as " + name + ": tell me if that's wrong. "
			}
			b.advance(it)
			return mk(text + b.prompt(it)), nil
		}
		if name, where := b.nameAndElsewhere(v); where != "" {
			// "Jane Doe, Luton": the place answered as it is said alone (a QA pass: "I need to know
			// which council…", as though none were said), and the name noted, not asked again.
			text := ""
			if it.name == "" {
				it.name = name
				text = "I've noted " + it.yourName() + " as " + name + ": tell me if that's wrong. "
			}
			if councilLikeRe.MatchString(where) {
				// "Jane Doe, Luton council": that council named, as "sorry I meant Luton" is told.
				return mk(text + b.onlyOurCouncils(placeAsSaid(councilWordRe.ReplaceAllString(where, ""))) + b.prompt(it)), nil
			}
			_, said := b.notACouncil(it, where, "", talk)
			return mk(text + said), nil
		}
		if name, postcode, place := b.nameAndPostcode(v); postcode != "" {
			// "Jane Doe, MK46 4BB": the council its district is in, as of a bare postcode, and the
			// name noted; the postcode is no contact (a QA pass kept it as one, and chose no
			// council).
			text := ""
			if it.name == "" {
				it.name = name
				text = "I've noted " + it.yourName() + " as " + name + ": tell me if that's wrong. "
			}
			org := b.matchOrg(postcode)
			if org == "" && place != "" {
				org = b.placeCouncil(place)
			}
			if org == "" {
				_, said := b.notACouncil(it, postcode, "", talk)
				return mk(text + said), nil
			}
			it.org = org
			b.advance(it)
			return mk(text + goesTo(postcode, org) + " " + b.prompt(it)), nil
		}
		org := b.matchOrg(v)
		noted := b.detailsBeside(it, v) // "mk, my name is Tom Hardy and my email is tom@…"
		if org == "" {
			if meant, said := b.mistypedCouncil(v); meant != "" {
				// "miltn keynes": a council or place a letter or two out, taken as questions'
				// typos are, and said back so it can be corrected (a QA pass: "I don't know which
				// council's area Miltn Keynes is in").
				it.org = meant
				b.advance(it)
				return mk(thanksFor(noted) + "I've taken \"" + said + "\" as " + meant + ": tell me if that's wrong. " + b.prompt(it)), nil
			}

			org, said := b.notACouncil(it, v, noted, talk)
			if org == "" {
				return mk(said), nil
			}
			it.org = org
			b.advance(it)
			return mk(said + " " + b.prompt(it)), nil
		}
		it.org = org
		if place := placeAsSaid(v); place != "" && noted == "" && b.placeCouncil(place) != "" {
			// "Stoke Mandeville", "mk6": the council its area is in, said so it can be corrected.
			b.advance(it)
			return mk(goesTo(place, org) + " " + b.prompt(it)), nil
		}
	case StepName:
		say, noted, saidWhose := mk, "", false // what this step says, after what it noted of whom the request is for
		if se, ok := b.someoneElseIn(it, v); ok {
			saidWhose = true
			// "it's for her husband", "she is calling on behalf of her mother", "caller is Tom
			// Baker, calling for his son Liam Baker": the request is that person's, and this step
			// still wants the requester's own name, which may come before it (a QA pass filed
			// Tom Baker's request as his own, with a due date and Liam's name nowhere).
			noted = it.notedForSomeoneElse(se)
			before := se.beforeIt(v)
			if cs := contactsIn(v[se.at:]); len(cs) > 0 && before != "" {
				before += ", " + strings.Join(cs, ", ") // "Linda Croft for her son Tom, 07700 900123"
			}
			if v = before; v == "" {
				return mk(askNameFirst(it, noted, b.prompt(it))), nil
			}
			say = func(text string) Reply { return mk(noted + text) }
		}
		var contact string
		var others []string
		if cs := contactsIn(v); len(cs) > 0 {
			// "Lucy Brown, lucy@example.com": the name, and the contact the next step asks for
			// (and any other given with it: "… or 07700 900123").
			rest := v
			for _, c := range cs {
				rest = strings.Replace(rest, c, "", 1)
			}
			rest = strings.Trim(rest, " ,;:-")
			rest = strings.Trim(orRe.ReplaceAllString(rest, ""), " ,;:-.")
			rest = strings.Trim(contactLabelRe.ReplaceAllString(rest, ""), " ,;:-.") // "Kate Hill. Phone:"
			rest = strings.Trim(reachMeAtRe.ReplaceAllString(rest, ""), " ,;:-.")    // "Sam Patel, you can email me at"
			if rest != "" {
				v, contact, others = rest, cs[0], cs[1:]
			}
		}
		if contact == "" {
			if name, postal := nameThenAddress(v); postal != "" {
				if theyLiveRe.MatchString(v) && it.onBehalf && it.onBehalfOf == "" {
					// "Joan Whitfield, she lives at 22 Church Street…" asked for the asker's own
					// name: the person the request is for, and where she lives (a QA pass filed
					// the mother as the requester, her address as the asker's contact).
					if who := theirName(name); looksLikeName(who) {
						it.onBehalfOf = who
						it.addWords("Their address: " + postal)
						return say("I've noted " + who + " as the person the request is for. Now your own name, please: " + b.prompt(it)), nil
					}
				}
				// "Priya Sharma here, 12 Acacia Avenue, Aylesbury HP19 8FF": the name, and the
				// address the contact step would ask for.
				v, contact = name, postal
			}
		}
		if onlyPointsBackRe.MatchString(v) || alreadySaidRe.MatchString(v) && strings.TrimSpace(leadInRe.ReplaceAllString(v+" ", "")) == "" {
			// "I already told you", "i told u", "scroll up", and no name with it: a name written
			// first ("Sam Patel. I want a copy of my data.") or signed ("…, thanks, Sam Patel"),
			// which the first message's reading leaves, or none the bot could find.
			if name := b.nameWrittenIn(it.first); name != "" && it.name == "" && !it.loggedByAdviser() {
				it.name = name
				b.advance(it)
				return say("I've taken your name as " + name + " from your first message (tell me if that's wrong). " + b.prompt(it)), nil
			}
			return say("Sorry, I couldn't find your name in what you wrote before. " + b.prompt(it)), nil
		}
		if myselfRe.MatchString(v) {
			// "myself", "me": whose the request is, not what they are called.
			return say("Please give " + it.yourName() + ". " + b.prompt(it)), nil
		}
		if relative, rest := askersRelation(v); relative != "" && rest != "" {
			// "im his son, Tom Hale": who the asker is to the person the request is for, then
			// their own name (a web QA pass stored the name "his son, Tom Hale"). Who they are
			// helps the team with proof of authority: kept in the details.
			v = rest
			if it.onBehalf {
				it.addWords("The requester is their " + relative + ".")
			}
		}
		name := b.nameGiven(v) // "sorry, my name is actually Katherine Hill"
		if name == "" && it.loggedByAdviser() {
			// The caller's name as an adviser says it: "her name is Linda Croft", "she's called
			// …", "the caller is Mrs …" (a QA pass: refused, and the next line filed as the name).
			if m := theirNameRe.FindStringSubmatch(v); m != nil {
				name = b.nameFrom(m[1] + m[2])
			} else if m := callerIsRe.FindStringSubmatch(v); m != nil {
				name = b.nameFrom(m[1])
			}
		}
		if name == "" {
			name = nameIn(v)
		}
		if len(b.councilsNamed(name)) > 0 && len(strings.Fields(name)) <= 3 {
			// "Buckinghamshire" on a Buckinghamshire widget is the council, not the person.
			return say("That's the council. Please give your own name. " + b.prompt(it)), nil
		}
		if withheldRe.MatchString(name) {
			return say(whyTheName + b.prompt(it)), nil
		}
		if hesitates(name) || hesitates(v) {
			// "erm", "hang on", "no just asking really": no name yet, and perhaps no request.
			return say(takeYourTime(b.prompt(it))), nil
		}
		if r := nameSymbolIn(name); r != 0 && r != '@' && !saidWhose {
			// `=HYPERLINK("…") Smith`, "<b>Jo</b>": a formula or markup, which the DPO's
			// spreadsheet or a page could run (a QA pass took one). An e-mail address is asked
			// for as the contact, below.
			return say("That doesn't look like a name: " + nameSymbolReason(r) + ". Please give " + it.yourName() + " as it is written. " + b.prompt(it)), nil
		}
		if tooLong(name, MaxNameRunes) {
			return say(nameTooLong(name) + " Please give " + it.yourName() + " as it is written. " + b.prompt(it)), nil
		}
		if !looksLikeName(name) || talk != smallTalkNone {
			if saidWhose {
				// "it's not for the caller, it's for her son": no name but whose it is.
				return mk(askNameFirst(it, noted, b.prompt(it))), nil
			}
			// "thanks" or "ok" is a reply to the bot, an e-mail address a contact, "I want to
			// cancel" a sentence: none is the requester's name. Why, when it can be said.
			return say(notANameReason(name) + "Please give " + it.yourName() + ". " + b.prompt(it)), nil
		}
		it.name = name
		if contact != "" && it.contact == "" {
			if _, err := ContactOf(contact); err == nil {
				it.contact = contact
				it.addOthers(others)
			} else if meant := mistypedEmail(contact); meant != "" && !it.onBehalf {
				// "Tom Hardy, tom@hotmial.com": the name, and the address asked about at the
				// contact step that comes next, not dropped unsaid.
				b.advance(it)
				it.asTyped = contact
				return say(it.didYouMean(mistypedLead, meant) + " " + b.prompt(it)), nil
			}
		}
		if saidWhose {
			b.advance(it)
			return mk(noted + b.prompt(it)), nil
		}
	case StepOnBehalfOf:
		if selfRe.MatchString(v) {
			// "no, it's for me": the request is the asker's own, and its month starts now. What
			// they want of their own ("all my records") is kept with the request's words.
			it.onBehalf = false
			if rights.RecordsOf(v).Whose == rights.Own {
				it.addWords(v)
			}
			break
		}
		if onlyPointsBackRe.MatchString(v) || asAboveRe.MatchString(v) && !plainYes(v) {
			// "as above", "i told u": their name as the first message gave it ("her name is
			// Margaret Green"), or asked again (a QA pass stored "On behalf of: as above").
			if m := theirNameRe.FindStringSubmatch(it.first); m != nil {
				if name := b.nameFrom(m[1] + m[2]); looksLikeName(name) && !hesitates(name) {
					it.onBehalfOf = name
					b.advance(it)
					return mk("I've taken their name as " + name + " from your first message (tell me if that's wrong). " + b.prompt(it)), nil
				}
			}
			return mk("Sorry, I couldn't find their name in what you wrote before. " + b.prompt(it)), nil
		}
		who, postal := nameThenAddress(v) // "Joan Whitfield, she lives at 22 Church Street, Amersham"
		name := theirName(who)
		if n := b.nameAfterRelative(who); n != "" {
			// "her mum Margaret Whitfield", "Copy of all records about her mother Margaret
			// Whitfield": the name that follows who they are (a QA pass filed "On behalf of: Copy").
			name = n
		} else if !looksLikeName(name) {
			if n, cut := b.nameFrom(name), strings.TrimSpace(name); n != "" && !runsOnAsSentence(cut, n) {
				name = n // "Jean Baker, she's 84": the name, up to where the sentence goes on
			}
		}
		if onlyRelativeRe.MatchString(name) || onlyRelativeRe.MatchString(who) {
			// "mum", "Dad", "my mother": who they are to the requester, not what they are called.
			return mk("Please give the name of the person the request is for, not who they are to the requester (for example \"Margaret Whitfield\"), or say \"it's for me\". " + b.prompt(it)), nil
		}
		if hesitates(name) || hesitates(v) {
			return mk(takeYourTime(b.prompt(it))), nil
		}
		if r := nameSymbolIn(name); r != 0 && r != '@' {
			return mk("That doesn't look like a name: " + nameSymbolReason(r) + ". Please give the name of the person the request is for, or say \"it's for me\". " + b.prompt(it)), nil
		}
		if tooLong(name, MaxNameRunes) {
			return mk(nameTooLong(name) + " Please give the name of the person the request is for, or say \"it's for me\". " + b.prompt(it)), nil
		}
		if !looksLikeName(name) || talk != smallTalkNone {
			return mk("Please give the name of the person the request is for, or say \"it's for me\". " + b.prompt(it)), nil
		}
		it.onBehalfOf = name
		if postal != "" {
			// Their address helps the team find their records; it is no contact for the asker.
			it.addWords("Their address: " + postal)
		}
		if diedRe.MatchString(v) || diedRe.MatchString(it.first) {
			// "Geoffrey Collins (deceased)": the team handles a dead person's records otherwise,
			// and the aside was dropped with the name's brackets (a QA pass).
			if !it.forOneWhoDied() {
				it.died = true
				changed = it.forSomeoneElseNext() + " " // the first reply promised a month
			}
			it.addWords("The person the request is for has died.")
		}
	case StepContact:
		if name, rest := b.nameFixedBeside(it, v); name != "" {
			// "sorry my name is actually Jessica Moore not Jess. phone me on 07700 900456 but only
			// text dont call": the name corrected, and the rest read for the contact and what is
			// said of it (a web QA pass kept "Jess", and the correction went into the details).
			changed, v = it.renamed(&it.name, name)+" ", rest
		}
		if m := spacedEmailRe.FindStringSubmatch(v); m != nil && !contactLabelWords[strings.ToLower(m[1])] {
			// "tom hardy@gmail.com" would be hardy@gmail.com, someone else's address.
			return mk(it.didYouMean("An e-mail address has no spaces", m[1]+m[2], m[1]+"."+m[2]) + " " + b.prompt(it)), nil
		}
		if addrs := spokenEmailsOf(v); len(addrs) > 0 && !strings.Contains(v, "@") {
			// "my email is janet at example dot com", as the redactor reads it: said back, to be
			// confirmed with a "yes" (a verifying QA pass: refused as no e-mail address).
			return mk(it.didYouMean("That reads as an e-mail address", addrs...) + " " + b.prompt(it)), nil
		}
		// "oh seven seven double one …, or post to 14 Mill Road …": read as the same words typed
		// with the number in digits, so what is given beside it is kept as it is beside a typed
		// number (a QA pass lost the address, and took an e-mail address said second unsaid).
		v = redact.SpokenPhonesInDigits(withLetterOhs(v))
		typed := v // as said, for what is said with the contact
		if said := contactSaidBefore(it, v); said != "" {
			// "the phone number in my message above": the contact the request's first message
			// gave (a QA pass: refused, though the pasted letter gave it).
			v = said
		}
		use, old := contactsByUse(v)
		if kept := takenBack(v, use); len(kept) < len(use) && len(old) == 0 {
			v, use = strings.Join(kept, " or "), kept
		} else if p := preferredAmong(v, use); p > 0 && len(old) == 0 {
			// "x@work is my work email so please use y@home", "mum's number is … but contact me
			// on …": the one asked for first (a QA pass: the first typed was used).
			use = append([]string{use[p]}, slices.Delete(slices.Clone(use), p, p+1)...)
			v = strings.Join(use, " or ")
		}
		if len(old) > 0 {
			// "my old address was s.o@hotmail.com, please delete it": what the request is about,
			// not where to reach them (a QA pass: the team would have written to the address the
			// resident wanted deleted).
			it.addWords(v)
			if len(use) == 0 {
				return mk("I've added that to the request's details. Which contact should the team use to reach you now? " + b.prompt(it)), nil
			}
			// "my old email was tom@old.com, use tom@new.com": the new one, said second.
			v = strings.Join(use, " or ")
		}
		contact, bare := contactIn(v), "" // "my email is jo@example.com": the address, not the sentence
		if contact == "" {
			contact, bare = v, withoutContactLead(v)
		}
		if it.unsafe != "" && strings.EqualFold(strings.TrimSpace(contact), it.unsafe) {
			// The contact they said the one they fear can see, given again: theirs to choose, but
			// not taken without a word (a "yes" takes it, as to "did you mean …?").
			it.unsafe, it.suggested = "", []string{strings.TrimSpace(contact)}
			return mk("You told me someone you're afraid of can see " + contact + ". If it is safe to use after all, say \"yes\" and I'll use it; " +
				"if not, please give a contact that is safe for you: another e-mail address, a phone number, or a postal address (a support worker's, for example)."), nil
		}
		if it.declined != "" && strings.EqualFold(contact, it.declined) && mistypedEmail(contact) != "" {
			// Typed again after a "no" to "did you mean …?": the address is theirs, as typed.
			return mk(b.keepAsTyped(it, contact)), nil
		}
		if _, err := ContactOf(contact); err != nil {
			// An e-mail address with a slip in it is an address, asked about (questionContact),
			// never one of the replies that are none, which contactAsked counts to its "I still
			// can't read that" (a QA pass: "tom@gmial.com" typed three times was told so).
			if mistypedEmail(contact) == "" {
				if text, cited, ok := b.contactAsked(it, typed, contact); ok {
					r := mk(text)
					if len(cited) > 0 {
						r.Answer.Citations = cited
					}
					return r, nil
				}
			}
			return mk(it.questionContact(contact, err) + " " + b.prompt(it)), nil
		}
		if bare != "" && bare != contact {
			// "send it to 22 Queensway", read as an address whole: "22 Queensway" is where to
			// write (a review found "postal: send it to 22 Queensway" on a case).
			contact = bare
		}
		it.contact = contact
		if note := saidWithContact(typed); note != "" {
			// "07700 900321, I work nights so mornings are no good", "text only, I'm deaf": what
			// is said of the contact goes to the team in the resident's words (a QA pass: "When
			// to contact: mornings" said the opposite, and "text only" was lost).
			it.addWords("Said with the contact: " + note)
		}
		var others []string
		cs := contactsIn(v)
		for _, c := range cs {
			if !sameContact(c, contact) {
				others = append(others, c)
			}
		}
		if postal, first := postalBeside(v, cs); postal != "" {
			// "ann@x.org and 14 Mill Road, Olney MK46 4BB": the address is not dropped either;
			// said first, it is the one meant.
			if first {
				it.contact, others = postal, cs
			} else {
				others = append(others, postal)
			}
			contact = it.contact
		}
		if len(others) > 0 {
			// "x@gmail.com or my mobile 07912 345678": one contact is used, and the other is not
			// silently dropped.
			it.addOthers(others)
			b.advance(it)
			return mk(fmt.Sprintf("The data protection team will contact you at %s. %s %s", contact, othersNote(others), b.prompt(it))), nil
		}
	case StepService:
		if skipRe.MatchString(v) || asAboveRe.MatchString(v) || sameAsBeforeRe.MatchString(v) { // "same": no service is kept from the last request
			it.service = "-"
		} else if service := serviceAsSaid(v); tooLong(service, MaxServiceRunes) {
			return mk(serviceTooLong(service) + " " + b.prompt(it)), nil
		} else {
			it.service = service
		}
	case StepDescription:
		if skipRe.MatchString(v) || asAboveRe.MatchString(v) {
			if it.desc == "" {
				return mk("The data protection team needs to know what the request is about. " + b.prompt(it)), nil
			}
			break // keep the message that started the request ("as above")
		}
		if it.first != "" && !strings.EqualFold(strings.TrimSpace(it.first), strings.TrimSpace(v)) {
			// The message that started the request says what right and why; the details add to
			// it. Replaced, the case would lose "I moved away" or "from the parking team".
			v = it.first + "\n" + v
		}
		it.details = strings.TrimSpace(strings.TrimPrefix(v, it.first))
		it.desc = v
		it.lawEnforcement = flagsLawEnforcement(it.typ, it.lawEnforcement, v)
	case StepConfirm:
		service, field, address := serviceGiven(v), fieldOf(v), newPostalAddress(v) // read once: each is a case below, and its value
		switch {
		case plainYes(v):
			return b.submitIntake(ctx, s, t)
		case address != "":
			// "my address is now 3 New Road, Marlow SL7 1AA": the new contact, and the summary again.
			it.contact = address
			return mk("I've changed the contact. " + b.prompt(it)), nil
		case len(anyEmailRe.FindAllString(v, 2)) == 1:
			// "send it to jo2@example.com": the new address, and the summary again to confirm.
			// (A number may be a reference or an account: not taken as a phone unless called one.)
			email := anyEmailRe.FindString(v)
			if meant := mistypedEmail(email); meant != "" {
				// "send it to jo2@hotmial.com" was taken as it was typed.
				return mk(it.didYouMean(mistypedLead, meant) + " " + b.prompt(it)), nil
			}
			it.contact = email
			return mk("I've changed the contact. " + b.prompt(it)), nil
		case detailsEditRe.MatchString(v):
			// "no, don't include the landlord licensing bit": the details typed again as they are
			// to be sent (a QA pass: asked what to change, and a "yes" sent them whole).
			b.reask(it, StepDescription)
			return mk("Please type the details again as you'd like them sent. " + b.prompt(it)), nil
		case startAgainRe.MatchString(v):
			it.name, it.contact, it.service, it.onBehalfOf, it.others = "", "", "", "", nil
			it.desc, it.details = it.first, "" // the details are asked again, and replace the ones given
			it.step, it.revising = "", false
			b.advance(it)
			return mk("Let's go through it again. " + b.prompt(it)), nil
		case service != "" && tooLong(service, MaxServiceRunes):
			return mk(serviceTooLong(service) + " " + b.prompt(it)), nil
		case service != "":
			// "the service is housing": that field, and the summary again.
			it.service = service
			return mk("I've changed the service. " + b.prompt(it)), nil
		case field != "":
			// "no, the name", "change the service": that question again, then the summary.
			b.reask(it, field)
			return mk(b.prompt(it)), nil
		case noRe.MatchString(meantAnswer(v)) || confirmNameRe.MatchString(v): // "sorry I meant no"
			// "no": which detail, not every question again. ("my son's name is Tom" names no
			// field the bot can be sure of.)
			return mk(it.whatToChange()), nil
		case !in.Actionable && askedRe.MatchString(v) && !strings.EqualFold(v, it.askedAtStep):
			// "is this going to cost me anything?" asked before sending: answered as at the
			// details step, and the confirmation asked again (a web QA pass: "Please answer yes…").
			if r, ok := b.answeredMidRequest(ctx, s, t, it, v); ok {
				return r, nil
			}
			fallthrough // not answered: asked again, as any other reply
		case !addsToDetails(it, v, talk):
			return mk("Please answer yes to send it, or tell me what to change (" + it.changeExamples() + "), or cancel."), nil
		default:
			// "all of it, including the referral from his school in 2024": more of what the
			// request is for, added to the details, and the summary again to confirm. A QA pass
			// asked for yes or a change, and the "yes" that followed sent the case without it.
			it.details = strings.TrimSpace(it.details + "\n" + v)
			it.desc = strings.TrimSpace(it.first + "\n" + it.details)
			it.lawEnforcement = flagsLawEnforcement(it.typ, it.lawEnforcement, it.desc)
			return mk("I've added that to the details. " + b.prompt(it)), nil
		}
	}
	b.advance(it)
	return mk(b.prompt(it)), nil
}

var (
	// postalLeadRe and postalTailRe are the words round a postal address given beside an e-mail
	// address or a phone number: "and my address is …", "… or my mobile".
	postalLeadRe = regexp.MustCompile(`(?i)^[\s,;:.&/-]*(?:(?:and|or|also|plus)\s+)?(?:(?:(?:my|his|her|their)\s+)?(?:postal\s+|home\s+)?address(?:\s+is)?\s*:?\s*|(?:i|he|she|they)\s+(?:lives?|is|are)\s+(?:living\s+)?at\s+|(?:by\s+)?post(?:\s+please)?(?:\s+(?:it\s+|letters\s+)?(?:to|at)\b|\s*:)\s*|(?:write|send (?:it|letters|post)) to me at\s+|send (?:it|letters|post) to\s+)?`)
	postalTailRe = regexp.MustCompile(`(?i)[\s,;:.&/-]*(?:\b(?:and|or|also|plus)(?:\s+(?:my\s+)?(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|number|tel)(?:\s+is)?)?)?[\s,;:&/-]*$`)
)

// postalBeside is a postal address a message gives beside the e-mail addresses and phone numbers
// contacts ("ann@x.org and 14 Mill Road, Olney MK46 4BB"), and whether it comes before them; ""
// when it gives none. Only an address with a postcode, a PO box or a numbered street is one: "my
// email is ann@x.org, thanks" has no address in it.
func postalBeside(v string, contacts []string) (postal string, first bool) {
	if len(contacts) == 0 {
		return "", false
	}
	rest := v
	for _, c := range contacts {
		rest = strings.Replace(rest, c, "\x00", 1)
	}
	for i, part := range strings.Split(rest, "\x00") {
		part = strings.TrimSpace(postalTailRe.ReplaceAllString(postalLeadRe.ReplaceAllString(part, ""), ""))
		if !postcodeRe.MatchString(part) && !poBoxRe.MatchString(part) && !(houseRe.MatchString(part) && streetRe.MatchString(part)) {
			continue
		}
		if c, err := ContactOf(part); err == nil && c.Kind == dpo.ContactPostal {
			return part, i == 0
		}
	}
	return "", false
}

// askNameFirst asks the requester's name after a message at the name step said whom the request
// is for, and what was noted of it: their name comes next, unless it was given.
func askNameFirst(it *intake, noted, prompt string) string {
	if it.onBehalfOf == "" {
		noted += "I'll ask for their name next. "
	}
	return noted + "First: " + lowerFirst(prompt)
}

// requestScope is the council whose requests alone a chat takes (a council's own widget or
// channel), or "". An adviser's chat scoped to a council (the CLI's /org) chooses the notices its
// questions are answered from, not whom a caller may ask: a caller who meant another council has
// the request moved there, as in a chat scoped to none (a QA pass: told to cancel, and a "yes"
// filed it with the council the caller said was wrong).
func (b *Bot) requestScope(it *intake, t Turn) string {
	if it.loggedByAdviser() {
		return ""
	}
	return b.canonicalOrg(t.Org)
}

// councilsSwitchedTo is the councils a message names, less the request's own when it says it
// is not that one: "actually make that Milton Keynes not Bucks" switches to Milton Keynes.
func (b *Bot) councilsSwitchedTo(it *intake, v string) []string {
	named := b.councilsNamed(v)
	if len(named) != 2 || it.org == "" {
		return named
	}
	if m := notOldRe.FindStringSubmatch(v); m != nil && slices.Contains(b.councilsNamed(m[1]), it.org) {
		return slices.DeleteFunc(named, func(n string) bool { return n == it.org })
	}
	return named
}

var (
	// theirsRe answers "your own records, or your mum's?" with the other person's: "hers", "my
	// mum's", "for her", "on her behalf".
	theirsRe = regexp.MustCompile(`(?i)\b(?:hers|his|theirs|(?:her|his|their)(?: own)? (?:records?|data|information|info|files?|details|account)|(?:for|of|on) (?:her|him|them)|on (?:her|his|their) behalf|` +
		`(?:for |on behalf of )?my (?:late )?(?:` + relativeWords + relativeOwns + `))\b`)
	// notMineRe and notTheirsRe take one of them out: "hers, not mine", "mine, not my mum's".
	notMineRe   = regexp.MustCompile(`(?i)\bnot (?:for )?(?:me|mine|myself|my own)\b|\bnot my (?:own )?(?:data|records|information)\b`)
	notTheirsRe = regexp.MustCompile(`(?i)\bnot (?:for )?(?:hers|his|theirs|her|him|them|my (?:late )?(?:` + relativeWords + relativeOwns + `))`)
	// bothOfUsRe answers it with both: "both", "mine and hers".
	bothOfUsRe = regexp.MustCompile(`(?i)\bboth\b|\beach of us\b|\bmine and (?:hers|his|theirs|my)\b|\b(?:hers|his|theirs) and mine\b`)
)

// beforeTheirName reports whether a step comes before the name of the person a request is for is
// asked: their name said at it is kept (see takeStep).
func beforeTheirName(step string) bool {
	switch step {
	case StepWhose, StepOrg, StepName:
		return true
	}
	return false
}

// andEndRe is what joins an answer to the words after it: "Milton Keynes, and", "his;".
var andEndRe = regexp.MustCompile(`(?i)[\s,;:.-]*(?:\b(?:and|also)\b[\s,;:.-]*)*$`)

// takeWhose takes the answer to "your own records, or your mum's?" and says what happens next, or
// asks again.
func (b *Bot) takeWhose(it *intake, v string) string {
	notMine, notTheirs := notMineRe.MatchString(v), notTheirsRe.MatchString(v)
	mine := selfRe.MatchString(v) && !notMine || notTheirs
	named := slices.ContainsFunc(strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return !unicode.IsLetter(r) }),
		func(w string) bool { return w == it.whose || w == it.whose+"s" }) // "Mum's", "mum", "mums", not the "son" of "person"
	theirs := (theirsRe.MatchString(v) || named) && !notTheirs || notMine
	switch {
	case bothOfUsRe.MatchString(v):
		// Each person's records are a request of their own, made with their own authority.
		return "Each person's records are a request of their own, so please choose one for now (you can make the other once this one is sent). " + b.prompt(it)
	case mine == theirs && (plainYes(v) || noRe.MatchString(v)):
		// "yes" to "your own records, or your mum's?" says neither (a QA pass: it was told
		// "Sorry, I didn't follow" again and again).
		return fmt.Sprintf("It could be either, so please say which: \"my own\" or \"my %s\".", possessive(it.whose))
	case mine == theirs:
		return "Sorry, I didn't follow. " + b.prompt(it)
	case theirs:
		it.onBehalf = true
		if m := relativeNamedRe.FindStringSubmatch(v); m != nil {
			// "for my mum, Anita Sharma": her name is not asked again.
			it.onBehalfOf = b.nameFrom(m[1])
		}
		if it.onBehalfOf == "" {
			// "I'd like to request my data for my dad, his name is Harold Finch", then "his": the
			// name the first message gave is theirs (a QA pass asked for it again).
			it.onBehalfOf = b.theirNameIn(it.first, it.name)
		}
	}
	it.whose = ""
	it.firstOnBehalf = it.onBehalf // the first words didn't say whose: the answer is no change
	b.advance(it)
	noted := ""
	if it.onBehalfOf != "" {
		noted = "I've noted that the request is for " + it.onBehalfOf + ". "
	}
	return noted + b.whatHappensNext(it) + "\n" + b.prompt(it)
}

// possessive is whose something is, of the person someone asks for: "mum's", "kids'".
func possessive(who string) string {
	switch {
	case who == "children":
		return "children's"
	case strings.HasSuffix(who, "s"):
		return who + "'"
	}
	return who + "'s"
}

// relativeOwns may follow one of relativeWords: what is theirs, with its apostrophe or typed
// without it ("my son's", "my sons records"), or more than one of them ("my sons").
const relativeOwns = `(?:'s|’s|s'|s)?`

// relativeWords are the people someone asks for: "my mum", "my son". They are the classifier's
// (rights.Relatives), so that the chat and the classifier agree on who is someone else.
const relativeWords = rights.Relatives

// movedToRe is where records are to go: "moved to", "transferred to", "sent over to".
var movedToRe = regexp.MustCompile(`(?i)\b(?:moved?|moving|transfer(?:red)?|send|sent|pass(?:ed)?|give|given|forward(?:ed)?)\b(?:\s+\S+){0,4}?\s+(?:over\s+)?(?:to|into)\s`)

// preferredRe says a contact is the one to use, before it ("please use", "contact me on") or after
// it ("(preferred)", "is better").
var (
	preferBeforeRe = regexp.MustCompile(`(?i)\b(?:(?:please |so |but )?use|contact me (?:on|at|via)|call me on|ring me on|text me on|e-?mail me (?:on|at)|reach me (?:on|at)|best (?:on|at|is))\s*:?\s*$`)
	preferAfterRe  = regexp.MustCompile(`(?i)^\s*,?\s*(?:\(?preferred\)?|is (?:better|best|preferred)|(?:is )?the (?:best|one to use))\b`)
)

// preferredAmong is the index in use of the contact a message says to use, when it is not the
// first; 0 when none is said to be.
func preferredAmong(v string, use []string) int {
	for i, c := range use {
		at := strings.Index(v, c)
		if i == 0 || at < 0 {
			continue
		}
		if preferBeforeRe.MatchString(v[:at]) || preferAfterRe.MatchString(v[at+len(c):]) {
			return i
		}
	}
	return 0
}

// saidWithContact is what a reply at the contact step says besides its contacts, each shown as
// "…", when it says more than their labels: "07700 900321, I work nights so mornings are no
// good"; "" for "my email is jo@example.com".
func saidWithContact(v string) string {
	note := v
	for _, c := range contactsIn(v) {
		note = strings.ReplaceAll(note, c, "…")
	}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(note), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
		if !contactFillerWords[w] {
			words++
		}
	}
	if words < 1 || !strings.Contains(note, "…") {
		return ""
	}
	return strings.TrimSpace(note)
}

// contactFillerWords label or join contacts and say nothing else: an adviser's "her number is
// …", "she says use …" too (a QA pass noted "Said with the contact: her number is …"), and a
// correction's "oh yes sorry …", "I meant …" (a QA pass noted "Said with the contact: oh yes sorry …").
var contactFillerWords = setOf(`my the a is it's its it or and on at please use email e-mail mail phone mobile number tel telephone landline
	home work contact me call ring text you can reach best preferred to thanks thank ok yes
	oh oops sorry yeah yep no nope okay right correct meant i i'm im typo mistake my bad that's thats should be
	her his their them him she he they she's he's they're says say said caller caller's requester requester's customer customer's`)

var (
	// contactSeenRe is someone reading, seeing or sharing what the contact given reaches: "my
	// husband reads it", "he checks my phone", "my ex knows my password".
	contactSeenRe = regexp.MustCompile(`\b(?:he|she|they|him|her|husband|wife|partner|ex|boyfriend|girlfriend|abuser|dad|father|mum|mother|stepdad|stepfather|brother|son|family)\b` +
		`[^.!?]{0,40}?\b(?:reads?|reading|sees?|seeing|checks?|checking|looks? (?:at|through)|goes through|going through|monitors?|monitoring|` +
		`has (?:access|the password|my password)|knows? (?:the|my) password|opens?|opening|answers?|picks? up|shares?|controls?|hacks?|hacked|logs? into|tracks?)\b`)
	// fearedRe is the one who sees it said to be a danger: violent, abusive, feared.
	fearedRe = regexp.MustCompile(`\b(?:violent|violence|abusive|abuses|abuse|dangerous|hurts?|hit|hits|hitting|beats?|beat me|threaten(?:s|ed|ing)?|` +
		`scared|afraid|frightened|terrified|unsafe|not safe|controlling|kill)\b`)
)

// contactSeenBySomeoneFeared reports whether a reply to "how should the team contact you" says
// the contact is read or seen by someone who is a danger to the resident ("… but my husband reads
// it and hes violent").
func contactSeenBySomeoneFeared(v string) bool {
	f := folded(v)
	return contactSeenRe.MatchString(f) && fearedRe.MatchString(f)
}

// spokenEmailsOf are the addresses a message spelling one out in words may mean ("janet at
// example dot com"), nil when it spells none. Words said just before the one the redactor reads
// as the local part, that are no words of a lead-in ("my email is"), are part of it: "priya patel
// at gmail dot com" was offered as patel@gmail.com, a stranger's address the team would have
// written to (a QA pass). Whether they are joined with a dot or without is not said, so both are
// offered, and the resident says which.
func spokenEmailsOf(v string) []string {
	addr, start := redact.SpokenEmailAt(v)
	if addr == "" {
		return nil
	}
	if start > 0 && !unicode.IsSpace(rune(v[start-1])) {
		return []string{addr} // "email:jo at …": joined to no word
	}
	local, domain, _ := strings.Cut(addr, "@")
	var words []string
	fields := strings.Fields(v[:start])
	for i := len(fields) - 1; i >= 0 && len(words) < 3; i-- {
		w := strings.ToLower(fields[i])
		if !spokenLocalWordRe.MatchString(w) || spokenLeadWords[w] {
			break
		}
		words = append([]string{w}, words...)
	}
	if len(words) == 0 {
		return []string{addr}
	}
	return []string{strings.Join(append(words, local), ".") + "@" + domain, strings.Join(words, "") + local + "@" + domain}
}

// spokenLocalWordRe is a word that may be said as part of an address's local part: letters and
// digits, no punctuation ("is:", "please," end the words before it).
var spokenLocalWordRe = regexp.MustCompile(`^[\p{L}\p{N}]+$`)

// spokenLeadWords are the words that lead into an address said in words, or say yes or no
// before it: none is part of it ("my email is janet at …", "yes it's janet at …").
var spokenLeadWords = setOf(`my me the a an is it its it's its email e mail emails address addy at on to use using
	please pls plz contact reply write send sent via by and or yes yeah yep no nope ok okay sure so just also can you i
	i'm im new correct right should be would like prefer that this here hi hello thanks thank cheers sorry actually
	oh um erm er well try then instead best main personal work home private of for from with in`)

// ownSpokenEmailRe says an address spelt out in words is the resident's own: "my email is …",
// "email me at …", "the right email is …".
var ownSpokenEmailRe = regexp.MustCompile(`(?i)\b(?:my (?:new |correct |right )?e-?mail(?: address)?(?:'s| is| should be)?|e-?mail me (?:at|on)|(?:the |my )?(?:new|correct|right) e-?mail(?: address)?(?: is)?|use)\s`)

// contactFillerRe is what a message giving only a contact may say besides it: "oh and my phone
// is …", "you can ring me on … too".
var contactFillerRe = regexp.MustCompile(`(?i)^(?:\s|[,.;:!-]|\b(?:oh|and|also|btw|by the way|ps|plus|sorry|so|you can|or|too|as well|thanks|thank you|please|if needed|if you need to)\b)*$`)

// onlyOwnContact reports whether a message gives the resident's own contact and nothing else:
// "oh and my phone is 07700 900123" at the service step is another way to reach them, not the
// service (a verifying QA pass).
func onlyOwnContact(v string) bool {
	loc := labelledContactRe.FindStringIndex(v)
	return loc != nil && contactFillerRe.MatchString(v[:loc[0]]+" "+v[loc[1]:])
}

// alsoReachRe gives another way to reach the person besides the contact given.
var alsoReachRe = regexp.MustCompile(`(?i)\b(?:also|as well|too|another)\b`)

// theirThingRe opens what follows "for my son" when it is what of theirs the request is for ("my
// sons records", "my son's housing file"), not their name.
var theirThingRe = regexp.MustCompile(`(?i)^\s*(?:\w+\s+){0,2}?(?:data|records?|information|info|details|files?|notes|account|stuff|address)\b`)

// detailsEditRe takes part of the details back at the summary: "don't include the … bit", "take
// out the part about …", "just the surveys".
var detailsEditRe = regexp.MustCompile(`(?i)\b(?:don'?t|do not) (?:include|mention|send)\b|\b(?:take|leave) (?:out|off)\b|\b(?:remove|drop|delete) the (?:\w+ ){0,4}?(?:bit|part|line|sentence)\b|^\s*(?:no,?\s+)?(?:just|only) the\b`)

// numberEndsRe corrects a phone number's last digits: "my number ends 98 not 99". Group 1 is the
// right ending, group 2 the wrong one if said.
var numberEndsRe = regexp.MustCompile(`(?i)\b(?:number|phone|mobile|it)\s+(?:should\s+)?ends?\s+(?:in\s+|with\s+)?(\d{1,4})(?:,?\s+not\s+(\d{1,4}))?\b`)

// withLastDigits is phone with its last digits changed to ending, when wrong (if said) is how it
// ended; ok is false otherwise.
func withLastDigits(phone, ending, wrong string) (string, bool) {
	var idx []int // positions of the digits
	for i := 0; i < len(phone); i++ {
		if phone[i] >= '0' && phone[i] <= '9' {
			idx = append(idx, i)
		}
	}
	if len(ending) > len(idx) {
		return "", false
	}
	tail := idx[len(idx)-len(ending):]
	var had strings.Builder
	for _, i := range tail {
		had.WriteByte(phone[i])
	}
	if wrong != "" && (len(wrong) != len(ending) || had.String() != wrong) || had.String() == ending {
		return "", false
	}
	b := []byte(phone)
	for k, i := range tail {
		b[i] = ending[k]
	}
	return string(b), true
}

// reachMeAtRe is what leads to a contact after a name: "…, you can email me at".
var reachMeAtRe = regexp.MustCompile(`(?i)[\s,;:-]*(?:you can |please |just )?(?:e-?mail|call|ring|text|contact|reach) me (?:at|on|via)?\s*$`)

// forWhomRe opens a reply saying whom the request is for: "it's for", "it is on behalf of".
var forWhomRe = regexp.MustCompile(`(?i)^\s*(?:(?:it'?s|its|it is|this is|the request is|i'?m asking|i am asking)\s+)?(?:for|on behalf of)\s+`)

// relativeNamedRe names the person a first message asks for: "on behalf of my father, John
// Smith", "for my son Arjun Patel". Group 1 runs on from the name, capitalised.
var relativeNamedRe = regexp.MustCompile(`(?:for|on behalf of|about) (?i:my (?:late )?)` + `(?i:` + relativeWords + `)` + `,?\s+(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+.*)`)

// requestLabel names the right a request is of, and, for someone else, whose data it is: "Right
// of access (a copy of their data)".
func requestLabel(typ rights.Type, onBehalf bool) string {
	if onBehalf {
		return strings.Replace(typ.Label(), "your data", "their data", 1)
	}
	return typ.Label()
}

// serviceFillerRe is what people put around a service's name: "Housing please", "it's about
// housing", "Council tax, I think" (a QA pass filed them whole).
var serviceFillerRe = regexp.MustCompile(`(?i)^\s*(?:(?:it'?s|its|it is|it was)\s+)?(?:about|for|with|regarding|re:?)?\s+|[\s,;.!-]*(?:please|thanks|thank you|i think|i guess|probably|i believe)?[\s,;.!?-]*$`)

// serviceAsSaid is the service a reply names, without the words around it.
func serviceAsSaid(v string) string {
	if s := strings.TrimSpace(serviceFillerRe.ReplaceAllString(v, "")); s != "" {
		return s
	}
	return v
}

// toThePerson are where records sent "to" someone go to the requester, not another council.
var toThePerson = setOf(`me us you my our him her them myself`)

// namesWhereTo reports whether a message names council only as where records are to go: "I'd
// like my records moved to Bucks council" is a request of the council that holds them (a QA pass
// filed it with Buckinghamshire). Only the words of that clause say where: in "what you passed to
// the police about me, Milton Keynes council" the council is the one asked (a QA pass asked
// "Which council?" of it).
func (b *Bot) namesWhereTo(text, council string) bool {
	loc := movedToRe.FindStringIndex(text)
	if loc == nil {
		return false
	}
	if next, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(text[loc[1]:])), " "); toThePerson[next] {
		return false // "sent to me by Bucks council": Bucks holds them
	}
	where := text[loc[1]:]
	if end := clauseEndRe.FindStringIndex(where); end != nil {
		where = where[:end[0]]
	}
	return slices.Contains(b.councilsNamed(where), council) && !slices.Contains(b.councilsNamed(text[:loc[0]]), council)
}

// clauseEndRe ends the clause that says where records are to go.
var clauseEndRe = regexp.MustCompile(`[,;:!?]|\.(?:\s|$)|\s(?:but|because|as|so)\s`)

// callerIsRe names the caller as an adviser says it: "she's called Linda Croft", "the caller is
// Mrs Linda Croft". Group 1 runs on from the name, without its title.
var callerIsRe = regexp.MustCompile(`(?i)^\s*(?:(?:she|he|they)(?:'s|’s| is| are) called|(?:the )?(?:caller|requester|customer|resident|lady|gentleman|man|woman)(?:'s name)? is)\s+(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?(.+)`)

// diedRe says the person a request is for has died.
var diedRe = regexp.MustCompile(`(?i)\b(?:deceased|died|passed away|late (?:husband|wife|partner|mum|mother|dad|father|son|daughter|brother|sister|nan|gran|grandmother|grandfather|grandad|aunt|uncle))\b`)

// theyLiveRe tells where someone else lives: "…, she lives at 22 Church Street".
var theyLiveRe = regexp.MustCompile(`(?i)[,.]\s*` + theyLive)

// theyLive is someone else said to live somewhere: "she lives", "they are living".
const theyLive = `(?:she|he|they)\s+(?:lives?|is living|are living|lived)\b`

// nameThenAddress splits a reply to "What is your full name?" that goes on to the postal
// address ("Kate Hill, 4 Park Lane, Olney MK46 4BB", "Joan Whitfield. she lives at 22 Church
// Street") at the first comma or full stop after which the rest is
// an address: a house number and a street, a postcode or a PO box. postal is empty when there is
// none.
func nameThenAddress(v string) (name, postal string) {
	for i := nextNameEnd(v, 0); i > 0; {
		rest := strings.TrimSpace(v[i+1:])
		rest = strings.TrimSpace(postalTailRe.ReplaceAllString(postalLeadRe.ReplaceAllString(rest, ""), ""))
		if houseRe.MatchString(rest) && streetRe.MatchString(rest) || postcodeRe.MatchString(rest) || poBoxRe.MatchString(rest) {
			if c, err := ContactOf(rest); err == nil && c.Kind == dpo.ContactPostal {
				return strings.TrimSpace(v[:i]), rest
			}
		}
		next := nextNameEnd(v, i+1)
		if next < 0 {
			break
		}
		i = next
	}
	if m := nameThenNumberRe.FindStringSubmatch(v); m != nil && looksLikeName(m[1]) && (postcodeRe.MatchString(m[2]) || streetRe.MatchString(m[2])) {
		// "Sam Patel 14 Oakridge Road Bletchley MK3 6AB": no comma between them, the house number
		// starts the address.
		if c, err := ContactOf(m[2]); err == nil && c.Kind == dpo.ContactPostal {
			return m[1], m[2]
		}
	}
	return v, ""
}

var (
	// myselfRe is "myself" or "me" given for a name.
	myselfRe = regexp.MustCompile(`(?i)^[\s.,!]*(?:it'?s\s+|its\s+|it\s+is\s+|just\s+)?(?:me|myself|my\s*self|me\s+myself)[\s.,!]*$`)
	// nameFirstRe is a full name written as a message's first sentence: "Sam Patel. I want …".
	nameFirstRe = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*(?:[.:\n]|,\s)`)
	// nameSignedRe is a full name signing a message off after thanks: "…, thanks, Sam Patel".
	nameSignedRe = regexp.MustCompile(`(?i:thanks|thank you|thankyou|cheers|ta|regards)[,.!]?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*[.!]?\s*$`)
)

// nameWrittenIn is a full name a message is written with, first or signed after thanks, that the
// reading of a request's first message (introducedName) leaves for a reply to point back at: ""
// when there is none, or it is a council's or a place's name ("Milton Keynes. I want …").
func (b *Bot) nameWrittenIn(first string) string {
	for _, re := range []*regexp.Regexp{nameFirstRe, nameSignedRe} {
		m := re.FindStringSubmatch(first)
		if m == nil {
			continue
		}
		name := b.nameFrom(m[1])
		if name == m[1] && looksLikeName(name) && !b.namesServed(name) && b.matchOrg(name) == "" {
			return name
		}
	}
	return ""
}

// nameThenNumberRe is a name of two to four words and an address starting with its house number.
var nameThenNumberRe = regexp.MustCompile(`^\s*(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){1,3})\s+(\d+[a-zA-Z]?\s+\S.*?)\s*$`)

// nextNameEnd is where, from byte from, a name may end before an address: a comma, or a full stop
// before "she lives …" ("Joan Whitfield. she lives at …"), not the one of "Mr. John Smith" or
// "John A. Smith"; -1 when there is none.
func nextNameEnd(v string, from int) int {
	for i := from; i < len(v); i++ {
		switch {
		case v[i] == ',':
			return i
		case v[i] == '.' && theyLiveAfterRe.MatchString(v[i:]):
			return i
		}
	}
	return -1
}

// theyLiveAfterRe is a full stop before where someone else lives: ". she lives at …".
var theyLiveAfterRe = regexp.MustCompile(`(?i)^\.\s*` + theyLive)

// spacedEmailRe is an e-mail address typed with a space in it: "tom hardy@gmail.com".
var spacedEmailRe = regexp.MustCompile(`^\s*([A-Za-z0-9._%+-]+)\s+([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*[.!]?\s*$`)

// contactLabelWords may stand before an e-mail address as words, not as part of it: "email
// jo@example.com", "it's jo@…".
var contactLabelWords = setOf(`email e-mail mail it's its is use at to on try contact me address my new current please yes ok okay so`)

// newAddressRe says a postal address that follows is the one to use now: "my address is now …",
// "new address: …", "I've moved to …".
var newAddressRe = regexp.MustCompile(`(?i)^\s*(?:(?:no,?\s+)?my (?:new |postal |home )?address is(?: now)?|new address(?: is)?:?|(?:i'?ve|i have) moved(?: house)? to|send it to|post it to)\s*:?\s*(.+)$`)

// newPostalAddress is the postal address a message gives as the one to use now, or "": a
// number and a street, or a postcode.
func newPostalAddress(v string) string {
	m := newAddressRe.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	addr := strings.TrimSpace(strings.TrimRight(m[1], " .!"))
	if c, err := ContactOf(addr); err != nil || c.Kind != dpo.ContactPostal || !postcodeRe.MatchString(addr) && !(houseRe.MatchString(addr) && streetRe.MatchString(addr)) {
		return ""
	}
	return addr
}

// oldContactRe says a contact given is an old one, or one to delete: not one to use.
var oldContactRe = regexp.MustCompile(`(?i)\b(?:old|previous|former|no longer|not in use|delete|remove|erase|don'?t use|do not use)\b`)

// sameAsBeforeRe answers a step of a second request with the first one's detail: "same as
// before", "same email as last time", "the same".
var sameAsBeforeRe = regexp.MustCompile(`(?i)^\s*(?:(?:it'?s|use)\s+)?(?:the\s+)?same(?:\s+(?:one|name|e-?mail(?:\s+address)?|address|number|phone(?:\s+number)?|details|council|contact))?(?:\s+(?:as|like)\s+(?:before|last\s+time|(?:the\s+)?(?:last|first|other)(?:\s+(?:one|time|request))?))?(?:\s+please)?[\s.!]*$|^\s*as before[\s.!]*$`)

// namesOneDetailRe is a "same …" naming the one detail meant: "same name".
var namesOneDetailRe = regexp.MustCompile(`(?i)\bsame\s+(?:name|council)\b`)

// noIDHere is what the chat does about proof of identity.
const noIDHere = "I won't ask for identity documents here; the data protection team will contact you if they need proof of identity."

// asksAboutIDRe asks whether proof of identity is needed: "do you need my ID?", "will I have to
// show my passport?".
var asksAboutIDRe = regexp.MustCompile(`(?i)\b(?:do|will|would|does)\s+(?:you|they|i|the team|the council)\s+(?:need|want|have to|require)\b[^?.!]{0,30}\b(?:id|identification|proof of (?:identity|id|address)|passport|driving licen[cs]e)\b`)

// whyTheName says why the name step asks, to someone who would rather not say or asks why.
const whyTheName = "The data protection team needs your name to find what the council holds about you, and it stays with them. "

// bothRe answers "which council?" with more than one.
var bothRe = regexp.MustCompile(`(?i)^\s*(?:both|all|both of them|both councils|all of them|either|each)(?: (?:of them|councils|please))?[\s.!]*$`)

// detailsBeside takes the requester's name and contact from an answer to another step that gives
// them too ("mk, my name is Tom Hardy and my email is tom@example.org", or an e-mail address
// alone at the council step), where the request has none yet, and says what it took ("your
// name and your contact details"); "" when none.
func (b *Bot) detailsBeside(it *intake, v string) string {
	var took []string
	if it.name == "" {
		name, _ := b.introducedName(v)
		for _, clause := range strings.Split(v, ",") {
			if name != "" {
				break
			}
			// "miltn keynes, I am Jane Smith, jane@…": a name introduced after the council, in a
			// clause of its own (a review: only the e-mail was kept).
			name, _ = b.introducedName(strings.TrimSpace(clause))
		}
		if name != "" {
			it.name = name
			took = append(took, it.yourName()) // "the requester's name", to an adviser
		}
	}
	if it.service == "" {
		if service := servicesIn(v); service != "" && !strings.EqualFold(strings.Trim(v, " .!?"), service) {
			// (A service alone is no answer to the step asked: "Housing" for the council.)
			// "…, about my employment support": the service, not asked for again.
			it.service = service
			took = append(took, "the service as "+service)
		}
	}
	if it.contact == "" {
		use, old := contactsByUse(v)
		if len(use) > 0 {
			it.contact = use[0]
			it.addOthers(use[1:])
			took = append(took, "your contact details")
		}
		if len(old) > 0 {
			// "my old email x@…, please delete it": what the request is about.
			it.addWords(v)
			took = append(took, "the old contact details in the request's details")
		}
	}
	return strings.Join(took, " and ")
}

// contactClauseRe ends the clause a contact is said in: a comma, a bracket, a semicolon, a
// sentence's end, or "and"/"but"/"or".
var contactClauseRe = regexp.MustCompile(`(?i)[,;()]|[.!?](?:\s|$)|\s(?:and|but|or)\s`)

// contactsByUse splits the contacts a message gives into those to reach the resident at and
// those the message says are old or to be deleted, each by the words of its own clause: in
// "jo@example.com, please don't use my old phone number" the e-mail address is to use; in "my old
// email s.o@hotmail.com, please delete it" it is not.
func contactsByUse(v string) (use, old []string) {
	for _, c := range contactsIn(v) {
		i := strings.Index(v, c)
		if i < 0 {
			use = append(use, c)
			continue
		}
		start := 0
		for _, m := range contactClauseRe.FindAllStringIndex(v[:i], -1) {
			start = m[1]
		}
		end := len(v)
		if m := contactClauseRe.FindStringIndex(v[i+len(c):]); m != nil {
			end = i + len(c) + m[0]
		}
		clause := v[start:i] + " " + v[i+len(c):end]
		// "… please delete it" after the clause still says what to do with the contact in it;
		// "… the gmail one is old" names it by its provider.
		clause = withoutOthersCalledOld(c, clause) // "use x@outlook.com, the gmail one is old"
		if rest := strings.TrimLeft(v[end:], " ,;.!?()"); oldContactRe.MatchString(clause) || deleteItRe.MatchString(rest) || namedOld(c, rest) {
			old = append(old, c)
			continue
		}
		use = append(use, c)
	}
	return use, old
}

// providerOldRe calls an e-mail address old by its provider: "the gmail one is old", "hotmail
// address is no longer used". Group 1 is the provider.
var providerOldRe = regexp.MustCompile(`(?i)\b(?:the\s+)?([a-z0-9-]{3,})(?:\s+(?:one|address|account|email|e-mail))?\s+(?:is|was|'s)\s+(?:\S+\s+)?(?:old|not in use|no longer used|dead|closed)\b`)

// providerOf is an e-mail address's provider ("gmail" of jo@gmail.com), or "".
func providerOf(contact string) string {
	at := strings.LastIndexByte(contact, '@')
	if at < 0 {
		return ""
	}
	provider, _, _ := strings.Cut(strings.ToLower(contact[at+1:]), ".")
	return provider
}

// notAProvider are words providerOldRe may read as a provider that name a contact of any kind.
var notAProvider = setOf(`number phone mobile email e-mail address one it this that contact account landline`)

// namedOld reports whether what follows an e-mail address calls it old by its provider: "the
// gmail one is old".
func namedOld(contact, after string) bool {
	p := providerOf(contact)
	for _, m := range providerOldRe.FindAllStringSubmatch(after, -1) {
		if p != "" && strings.EqualFold(m[1], p) {
			return true
		}
	}
	return false
}

// withoutOthersCalledOld takes out of a contact's clause what calls another address old by its
// provider: in "use x@outlook.com the gmail one is old", outlook is not.
func withoutOthersCalledOld(contact, clause string) string {
	p := providerOf(contact)
	return providerOldRe.ReplaceAllStringFunc(clause, func(m string) string {
		sub := providerOldRe.FindStringSubmatch(m)
		if notAProvider[strings.ToLower(sub[1])] || p != "" && strings.EqualFold(sub[1], p) {
			return m // "my number is old" is this contact's, whatever it is
		}
		return " "
	})
}

// takenBack drops the contacts a message takes back for a later one: in "tom@gmail.com no wait
// use tom.reed@outlook.com instead" the first was a slip, not another way to reach them.
func takenBack(v string, use []string) []string {
	for i := len(use) - 1; i > 0; i-- {
		from, to := strings.Index(v, use[i-1]), strings.Index(v, use[i])
		if from >= 0 && to > from && (takeBackRe.MatchString(v[from+len(use[i-1]):to]) || insteadRe.MatchString(v[to+len(use[i]):])) {
			return use[i:]
		}
	}
	return use
}

// takeBackRe says, where the words between two contacts start, that the first is taken back: "no
// wait use", "actually no", "sorry, I mean", "oh no my bad it's" (or the second is said
// "instead", insteadRe).
// Not "sorry" or "actually" anywhere: "jo@example.com, sorry I'm hopeless with computers, or my
// mobile …" gives two contacts (a review).
var takeBackRe = regexp.MustCompile(`(?i)^[\s,;:.!-]*(?:no wait|wait,? (?:no|use)|(?:oh )?no,? (?:wait|use|sorry|my bad|it'?s)|sorry,? (?:i mean|i meant|use|it'?s|wrong one)|i mean|i meant|actually,? (?:no|use|it'?s)|scratch that|correction|my bad|no)\b`)

// insteadRe follows a contact said in place of the one before it: "… use tom.reed@… instead".
var insteadRe = regexp.MustCompile(`(?i)^[\s,]*instead\b`)

// deleteItRe is a clause asking for the contact just said to be deleted: "…, please delete it".
var deleteItRe = regexp.MustCompile(`(?i)^(?:and\s+|so\s+)?(?:please\s+|can you\s+|could you\s+)?(?:delete|remove|erase|get rid of)\s+(?:it|that|this|that one|this one)\b`)

// takeYourTime asks a step's question again of someone who paused ("hang on") or was only
// musing ("no just asking really"), and says how to stop if they meant no request.
func takeYourTime(prompt string) string {
	return "No problem, take your time. When you're ready: " + prompt + " (If you only wanted to ask something, type \"cancel\" and ask it.)"
}

// changeExamples are the ways of changing a detail at the summary, as the one logging the request
// would say them.
func (it *intake) changeExamples() string {
	if it.loggedByAdviser() {
		return `for example "his name is …", "her email is …", "the service is …" or "the details", or "start again"`
	}
	return `for example "my name is …", "my email is …", "the service is …" or "the details", or "start again"`
}

// whatToChange answers "no" to the summary: which detail, rather than every question again.
func (it *intake) whatToChange() string {
	return "What would you like to change? Tell me, " + it.changeExamples() + ". Or say \"cancel\" to stop."
}

var (
	// startAgainRe asks to go through the whole request again.
	startAgainRe = regexp.MustCompile(`(?i)\b(?:start (?:again|over|afresh|from (?:the )?(?:beginning|start|scratch))|(?:begin|do it|go through it) again|restart|from scratch)\b`)
	// serviceIsRe gives the service at the summary: "the service is housing", "service should be
	// parking".
	serviceIsRe = regexp.MustCompile(`(?i)\bservice (?:is|was|should be|should say)\s+(?:actually\s+)?([^,.;!?]+)`)
	// fieldWordRes name each detail a resident may want to change at the summary.
	fieldWordRes = []struct {
		field string
		re    *regexp.Regexp
	}{
		{StepOnBehalfOf, regexp.MustCompile(`(?i)\b(?:their name|(?:his|her|my (?:\w+'s|mum's|son's)) name|on behalf of|the person it'?s for|` +
			`(?:his|her|their|the) (?:\w+ )?` + relativeWords + `(?:'s|’s|s)? name)\b`)}, // an adviser's "his dad's name"
		{StepName, regexp.MustCompile(`(?i)\b(?:my name|the name|name|surname)\b`)},
		{StepContact, regexp.MustCompile(`(?i)\b(?:contact(?: details)?|e-?mail(?: address)?|phone(?: number)?|mobile|number|address)\b`)},
		{StepService, regexp.MustCompile(`(?i)\bservice\b`)},
		{StepDescription, regexp.MustCompile(`(?i)\b(?:details?|description|what i (?:want|asked for|said))\b`)},
	}
)

// notAValueRe is what "the service is …" or "my name is …" says when it gives no new value:
// "wrong", "not right", "misspelt".
var notAValueRe = regexp.MustCompile(`(?i)^(?:wrong|incorrect|not (?:right|correct|it)|missing|blank|empty|a mistake|mistaken|misspelt|misspelled|spelt wrong|spelled wrong|mistyped|a typo)\b`)

// serviceGiven is the service a message at the summary gives ("the service is housing, not
// parking" is housing), or "" when it gives none ("the service is wrong").
// serviceNotRe ends a service named at the words that say what it is not ("housing, not
// council tax").
var serviceNotRe = regexp.MustCompile(`(?i)\s(?:not|rather than|instead(?: of)?)\b`)

func serviceGiven(v string) string {
	m := serviceIsRe.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	service := strings.TrimSpace(m[1])
	if loc := serviceNotRe.FindStringIndex(service); loc != nil {
		service = strings.TrimSpace(service[:loc[0]])
	}
	if service == "" || notAValueRe.MatchString(service) {
		return ""
	}
	return service
}

// fieldOf is the one detail a message at the summary asks to change without giving its new value
// ("no, the name is wrong", "change the email", "the details"), or "" when it names none or
// several.
func fieldOf(v string) string {
	if len(strings.Fields(v)) > 8 {
		return "" // a sentence may mention a field without asking to change it
	}
	found := ""
	for _, f := range fieldWordRes {
		if f.re.MatchString(v) {
			if found != "" && !(found == StepOnBehalfOf && f.field == StepName) {
				return ""
			}
			if found == "" {
				found = f.field
			}
		}
	}
	return found
}

// undo is what a step asked again held: its field, and the request's values before.
type undo struct {
	field                                   string
	org, name, onBehalfOf, contact, service string
	desc, details                           string
	others                                  []string
}

// shown is what the step asked again held, as the summary showed it, or "".
func (u *undo) shown() string {
	switch u.field {
	case StepOrg:
		return u.org
	case StepName:
		return u.name
	case StepOnBehalfOf:
		return u.onBehalfOf
	case StepContact:
		return u.contact
	case StepService:
		return u.service
	}
	return ""
}

// restore puts back what the step asked again held, and returns to the summary.
func (u *undo) restore(it *intake) {
	it.org, it.name, it.onBehalfOf, it.contact, it.service = u.org, u.name, u.onBehalfOf, u.contact, u.service
	it.desc, it.details, it.others = u.desc, u.details, u.others
	it.step, it.revising, it.undo = StepConfirm, false, nil
}

// keepItRe keeps what a step asked again from the summary held: "keep it", "it's fine as it
// is", "no change".
var keepItRe = regexp.MustCompile(`(?i)^\s*(?:(?:yes|yeah|yep|no|nah|ok|okay|actually|sorry)[\s,.!]+)*(?:keep (?:it|that|the (?:old|same) one|as (?:it is|it was|is))` +
	`|(?:it'?s|its|it is|that'?s|that is) (?:fine|ok|okay|right|correct|good)(?: as (?:it is|it was|is))?|leave it as (?:it is|it was|is)|no change|(?:the )?same(?: as before)?|unchanged|as (?:it is|it was))` +
	`(?:\s+(?:thanks|thank you|please))?\s*[.!]*\s*$`)

// reask goes back to one step of a request, to come back to the summary once it is answered.
// From the summary, what the step held is kept until it is (undo): a "no" wipes nothing.
func (b *Bot) reask(it *intake, field string) {
	if it.step == StepConfirm {
		it.undo = &undo{field: field, org: it.org, name: it.name, onBehalfOf: it.onBehalfOf, contact: it.contact, service: it.service,
			desc: it.desc, details: it.details, others: it.others}
		if field == StepOnBehalfOf && !it.onBehalf {
			it.undo.field = StepName
		}
	}
	it.revising = true
	switch field {
	case StepOrg:
		it.org = ""
	case StepName:
		it.name = ""
	case StepOnBehalfOf:
		if !it.onBehalf {
			field = StepName // no one else's name was asked for
			it.name = ""
		}
		it.onBehalfOf = ""
	case StepContact:
		it.contact, it.others = "", nil
	case StepService:
		it.service = ""
	case StepDescription:
		it.desc, it.details = it.first, "" // replaced, not added to
	}
	it.step = field
}

var (
	// theirNameIsRe opens a reply giving someone else's name: "his name is Arjun Sharma", "she's
	// called Joan".
	theirNameIsRe = regexp.MustCompile(`(?i)^\s*(?:(?:his|her|their)\s+(?:full\s+)?name\s+(?:is|was)|(?:his|her|their)\s+name's|(?:he|she)(?:'s|\s+is|\s+was)\s+called|they(?:'re|\s+are|\s+were)\s+called)\s+`)
	// relationRe is who the person is to the asker, said beside their name: "Arjun Sharma, my
	// son", "my mum, Joan Lewis", "Arjun Sharma (my son)".
	relationRe = regexp.MustCompile(`(?i)[(,\s-]*\b(?:my|our)\s+(?:(?:late|elderly|disabled|adult|young|little|eldest|youngest)\s+)?` +
		relativeWords + `(?:'s name is|\s+is)?[),:\s-]*`)
)

// theirName is the name in a reply to "what is their name?", without who they are to the asker.
func theirName(v string) string {
	if m := relativesNameRe.FindStringSubmatch(v); m != nil {
		v = m[1] // "his dad's name is Francis Wilson"
	}
	v = forWhomRe.ReplaceAllString(v, "") // "it's for my mother, Anita Sharma", "it's for Anita Sharma"
	v = theirNameIsRe.ReplaceAllString(v, "")
	v = asideRe.ReplaceAllString(v, " ") // "Arjun Sharma (son)"
	if stripped := strings.Trim(relationRe.ReplaceAllString(v, " "), " ,.;:()-"); stripped != "" {
		v = stripped
	}
	if possessiveStartRe.MatchString(v) {
		return "" // "his school attendance records" is what the request is for, not who
	}
	return nameIn(v)
}

var (
	// asideRe is a short aside in brackets after a name: "(son)", "(my mum)".
	asideRe = regexp.MustCompile(`\s*\([^()]{0,30}\)`)
	// possessiveStartRe opens a phrase about something of someone's, not a name.
	possessiveStartRe = regexp.MustCompile(`(?i)^\s*(?:his|her|their|my|our|your|the)\b`)
)

// nameIn is the name in a reply to "what is your name?": "my name is Sarah O'Brien" is
// Sarah O'Brien, and so are "sorry, I already told you, it's Sarah O'Brien" and "sorry I meant
// Sarah O'Brien".
func nameIn(v string) string {
	v = strings.TrimRight(namePrefixRe.ReplaceAllString(leadInRe.ReplaceAllString(meantAnswer(v), ""), ""), " .!")
	return strings.TrimSpace(nameSuffixRe.ReplaceAllString(v, ""))
}

// nameSymbols are characters no one's name has, which a spreadsheet formula, markup, a template
// or code does: `=HYPERLINK("…")`, "<b>", "{{name}}".
const nameSymbols = "=<>{}[]\"“”„«»\\|`^~*#$%;_/@"

// nameSymbolIn is the first character of v that no one's name has (one of nameSymbols, or a "+"
// or "-" before it starts, which a spreadsheet reads as a formula), or 0 when there is none.
// Letters of any script, marks, spaces, apostrophes, hyphens, full stops, commas, round brackets
// and "&" are a name's: O'Brien, Anne-Marie, Zoë, Nguyễn, "Mr. A. Khan", محمد, 王伟, "Jane Smith
// (née Jones)", "Mr & Mrs Patel". The form and the chat both refuse by it.
func nameSymbolIn(v string) rune {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "+") || strings.HasPrefix(v, "-") {
		return rune(v[0])
	}
	if i := strings.IndexAny(v, nameSymbols); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		return r
	}
	return 0
}

// nameSymbolReason says why a name with a character no name has is refused: it names the
// character.
func nameSymbolReason(r rune) string {
	if r == '+' || r == '-' {
		// Only before it starts (nameSymbolIn): "Anne-Marie" has one, and "-Mum" was told no name
		// has one (a QA pass).
		return fmt.Sprintf("a name can't start with %q", string(r))
	}
	return fmt.Sprintf("a name has no %q in it", string(r))
}

// tooLong reports whether v has more characters than a request form's field takes (max): the
// chat's steps take what the form does, and say so.
func tooLong(v string, max int) bool { return utf8.RuneCountInString(v) > max }

// nameTooLong says that a name is longer than a form's name field takes (MaxNameRunes), and how
// long it is (a QA pass: a 240-character name was told only "Please give your name").
func nameTooLong(name string) string {
	return fmt.Sprintf("That's too long for a name: a name can be at most %s characters, and that has %s.",
		Thousands(MaxNameRunes), Thousands(utf8.RuneCountInString(name)))
}

// serviceTooLong says that a service is longer than the form's service field takes
// (MaxServiceRunes), and where more can be said (a QA pass: the chat kept 250 characters that
// the form refuses).
func serviceTooLong(service string) string {
	return fmt.Sprintf("That's too long for the service: it can be at most %s characters, and that has %s. "+
		"Please give just the service, for example \"council tax\" or \"housing\": what you want from it goes in the details.",
		Thousands(MaxServiceRunes), Thousands(utf8.RuneCountInString(service)))
}

// looksLikeName reports whether a reply could be a person's name: some letters, not too long,
// and not an e-mail address or a phone number ("12345", "😀" and "jo@example.com" are not).
func looksLikeName(v string) bool {
	letters := 0
	for _, r := range v {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	words := strings.Fields(strings.ToLower(v))
	if letters < 2 || tooLong(v, MaxNameRunes) || countDigits(v) > 0 || len(words) > 6 && !longName(v) || strings.ContainsFunc(v, dpo.HiddenFormatting) ||
		nameSymbolIn(v) != 0 || // a formula or markup: `=HYPERLINK("…") Smith`, "<b>Jo</b>"
		strings.Contains(v, "@") || // an e-mail address, even one mistyped ("linda.jones@gmial.com"), is no name
		sameAsBeforeRe.MatchString(v) { // "same as before" with no request before it names no one
		return false
	}
	for _, w := range words {
		if notNameWords[strings.Trim(w, ".,!?;:")] {
			return false // "I want to cancel", "can I stay anonymous", "what happens to my name"
		}
	}
	if hesitates(v) {
		return false // "hang on", "just a sec": no answer yet
	}
	c, err := ContactOf(v)
	return err != nil || c.Kind == dpo.ContactPostal
}

// longName reports whether v, of more words than most names, is written as a name is: each word
// a capitalised name or a particle ("de", "los", "y", "van", "bin"). "Maria Fernanda de los
// Angeles Rodriguez-Villanueva y Garcia-Montenegro" was refused with no reason given (a QA pass);
// many cultures' names are that long. A sentence is seldom written so.
func longName(v string) bool {
	for _, w := range strings.Fields(v) {
		r, _ := utf8.DecodeRuneInString(w)
		if nameParticles[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune("-'’.", r)
		}) {
			return false
		}
	}
	return true
}

// nameParticles are the small words of long names, written in lower case: "de los", "van der",
// "bin", "y".
var nameParticles = setOf(`de del della dei der den des di da das do dos du la las le les lo los van von vom zu zum y e i
	bin binti bint ibn al el ap ab ter ten mac st`)

// notANameReason says why a reply at the name step was not taken for a name, when it can say:
// digits, or many words not written as a name is.
func notANameReason(v string) string {
	switch {
	case countDigits(v) > 0:
		return "A name has no digits in it. "
	case len(strings.Fields(v)) > 6 && !longName(v):
		return "That reads as a sentence rather than a name. A long name is fine: write it as it is written, each name with its capital letter. "
	}
	return ""
}

// hesitates reports whether a reply is no answer yet, but someone pausing or musing: "erm",
// "hang on", "no just asking", "one sec". Its words may be names ("Hang Nguyen", "So-yeon",
// "Joy Oh"), so it is one only when every word is such a word and all but the first (which a
// phone capitalises) are in lower case: "Hang on" is a pause, "Hang Nguyen" and "Hang" may be
// names. Fillers ("erm", "hmm") are no one's name however they are typed.
func hesitates(v string) bool {
	words := strings.FieldsFunc(strings.ReplaceAll(v, "’", "'"), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case fillerWords[lw]:
		case !hesitationWords[lw]:
			return false
		case w != lw && (i > 0 || len(words) == 1):
			return false // "Hang Nguyen", "Joy Oh", or one capitalised word: maybe a name
		}
	}
	return true
}

var (
	// fillerWords are sounds made while thinking, no one's name.
	fillerWords = setOf(`erm ermm errm errr err hmm hmmm hmmmm umm ummm uhm uhmm uhh uhhh mmm mmmm`)
	// hesitationWords are the words of a pause or an aside ("hang on", "no just asking really",
	// "let me think", "one sec"), which alone make no answer. Some are names too.
	hesitationWords = setOf(`no nope nah not just only still so well like actually really hang on hold wait sec secs second seconds
	moment moments minute minutes min mins mo let me think check see sure ok okay maybe perhaps er um uh ah oh eh hm a an one bit lol haha yet now then
	again here there asking wondering thinking looking i i'm im was am give bear with couple few please pls`)
)

// notNameWords are words of a sentence that no one's name has. Short words that are also
// initials or surnames ("I Khan", "A Patel", "Do Van Thanh", "To") are not among them.
var notNameWords = setOf(`i'm im my mine we you your it it's its is are was for of the this that what why how when where
	can can't cant could would won't dont don't does not yes want wanted need please cancel stop help data council request name
	anonymous happens happen give sorry thanks thank hello with about from have has
	skip idk dunno unknown none nothing nobody housing parking benefits tax social care services service planning
	asking wondering thinking she he they says said use using call ring`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

func (b *Bot) matchOrg(v string) string {
	if b.Canonical != nil {
		if name, ok := b.Canonical(v); ok {
			return name
		}
	}
	lv := strings.ToLower(v)
	for _, o := range b.Orgs {
		lo := strings.ToLower(o)
		if strings.Contains(lv, lo) || strings.Contains(lo, lv) && len(lv) >= 3 {
			return o
		}
		first := strings.Fields(lo)[0]
		if strings.Contains(lv, first) {
			return o
		}
	}
	// "the bucks one", "mk council": a council named by any of its aliases (organisations.yaml).
	if named := b.councilsNamed(v); len(named) == 1 {
		return named[0]
	}
	// "Aylesbury", answering "which council?": a town of its area, said alone as where.
	if named := b.councilsNamed("in " + v); len(named) == 1 && len(strings.Fields(v)) <= 3 {
		return named[0]
	}
	return ""
}

func (b *Bot) submitIntake(ctx context.Context, s *session, t Turn) (Reply, error) {
	it := s.intake
	service := it.service
	if service == "-" {
		service = ""
	}
	form := RequestForm{Type: string(it.typ), Org: it.org, Name: it.name, Contact: it.contact, OnBehalfOf: it.onBehalfOf,
		Service: service, Description: it.caseDescription(), Channel: it.channel, ReceivedAt: it.receivedAt,
		lawEnforcement: it.lawEnforcement, safeguarding: it.toldOfRisk(), dropped: it.dropped, // as teamNotes writes riskToldNote
		keptAsTyped: it.keptAsTyped != "" && it.keptAsTyped == it.contact, forTheDead: it.forOneWhoDied()}
	// The same request made again the same day, in this chat or a new one (the page reloaded, the
	// service restarted), is the case made first, as a form sent twice is (a QA pass: a resident
	// who started again after a restart was given a second case). A platform's retried delivery
	// is the same request too.
	form.IdempotencyKey, form.sameDay = sameDayKey(form), true
	// The excerpt runs to the confirmation: its last line is the resident's "yes" as said.
	excerpt := it.logWith("Resident: " + t.Text)
	r, err := b.submit(ctx, s, form, excerpt)
	if err != nil {
		return Reply{}, err
	}
	s.intake = nil
	r.Question = t.Text
	r.Council = it.org // the transcript files the request's last lines under its council too
	from := &intake{org: it.org, name: it.name, contact: it.contact, onBehalf: it.onBehalf, onBehalfOf: it.onBehalfOf,
		receivedAt: it.receivedAt, first: it.first, lawEnforcement: it.lawEnforcement, namedCouncil: it.namedCouncil,
		log: it.log[:min(it.opening+2, len(it.log))]} // what came before this request, and how it began
	switch other := otherThan(it.both, it.org); {
	case it.second.typ != "":
		s.offered = it.second
		s.offered.from = from
		if it.second.pitch != "" && r.Reference != "" {
			// The chat's own offer after this request: its case says which request it follows.
			s.offered.question += fmt.Sprintf(" (Asked after %s, in the same chat.)", r.Reference)
		}
		r.Answer.Answer += "\n\n" + it.second.alsoOffered() + ". Say \"yes\" and I'll take that request now."
	case other != "" && b.canonicalOrg(t.Org) != "":
		// A chat scoped to one council takes its requests only: the other's contact, as its
		// notices give it (a review: the other council was dropped without a word).
		text, cited, _ := b.withContactOf(other, fmt.Sprintf("\n\nYou asked %s too: this chat takes %s's requests only, so please contact %s's data protection team.", other, it.org, other))
		r.Answer.Answer += text
		r.Answer.Citations = append(r.Answer.Citations, cited...)
	case other != "":
		// "delete my data from both MK and Bucks": the other council's request, with the same
		// name and contact (a QA pass: it was never offered).
		from.org = other
		s.offered = offer{typ: it.typ, question: it.first, onBehalf: it.onBehalf, from: from}
		r.Answer.Answer += fmt.Sprintf("\n\nYou asked %s too, which answers for its own records: say \"yes\" and I'll take the same request for %s now, with the same name and contact.", other, other)
	}
	if it.loggedByAdviser() && s.offered.typ == "" {
		// An adviser logs one caller's request after another's in one chat: what this caller
		// said is not the next one's excerpt (a QA pass: the next caller's case held the last
		// one's details and reference). A request offered to this caller keeps it.
		s.turns = nil
	} else {
		s.remember(t.Text, r.Answer.Answer)
	}
	s.justSent = r.Reference // a "yes" next confirms what was sent
	return r, nil
}

// onlyPointsBackRe is a reply that points back at what was said before and says nothing else:
// "as above", "I told you already", "sorry, it's in my first message". At the name step, "as
// above" was filed as the name "as above", "I told you already" as "already" (a review).
var onlyPointsBackRe = regexp.MustCompile(`(?i)^[\s,.!?;:-]*(?:(?:sorry|ok(?:ay)?|well|yes|yeah|um+|erm|but|mate|please|look)\b[\s,.!?;:-]*)*` +
	`(?:(?:i\s+)?(?:already\s+|just\s+)?(?:told|gave)\s+(?:it\s+(?:to\s+)?)?(?:you|u|ya)(?:\s+(?:that|it|my name))?|i\s+(?:already\s+|just\s+)?said(?:\s+(?:that|it))?|` +
	`scroll\s+up|look\s+(?:above|up)|ditto|(?:it'?s\s+|its\s+|it\s+is\s+)(?:above|up\s+there)|` +
	`(?:as|like)\s+i\s+(?:already\s+|just\s+)?(?:said|told you|wrote|mentioned)|(?:it'?s\s+|its\s+|it\s+is\s+)?(?:in|from)\s+my\s+(?:first\s+|earlier\s+|last\s+|previous\s+|original\s+)?(?:message|letter|e-?mail)|` +
	`(?:as|see)\s+above|already\s+told\s+(?:you|u))` +
	`(?:[\s,.!?;:-]*\b(?:already|before|earlier|above|again|mate|please|lol)\b)*[\s,.!?;:-]*$`)

// pointsBackRe points at what an earlier message said: "in my message above", "as I said",
// "the number in my letter".
var pointsBackRe = regexp.MustCompile(`(?i)\b(?:in|from) my (?:first |earlier |last |previous |original )?(?:message|letter|e-?mail)\b|\b(?:as|see) above\b|\bas i (?:said|told you|wrote|mentioned)\b|\bi (?:already )?(?:gave|told) (?:it to )?you\b|\bin the letter\b`)

// contactSaidBefore is the contact the request's own words gave, when a reply at the contact step
// points back to them and gives none itself; "" otherwise.
func contactSaidBefore(it *intake, v string) string {
	if !pointsBackRe.MatchString(v) || len(contactsIn(v)) > 0 || contactIn(v) != "" {
		return ""
	}
	if c := introducedContact(it.first, ""); c != "" {
		return c
	}
	if cs := contactsIn(it.first); len(cs) == 1 {
		return cs[0]
	}
	return ""
}

// otherThan is the first of councils that is not org, or "".
func otherThan(councils []string, org string) string {
	for _, c := range councils {
		if c != org {
			return c
		}
	}
	return ""
}

// ratherThanRe is the part of a message that says what is no longer wanted: "a copy rather than
// deleting it", "instead of deleting", "not delete it".
var ratherThanRe = regexp.MustCompile(`(?i)\b(?:rather than|instead of|not to|not|don'?t)\b[^,.;]*`)

// wantedRight is the right a message changing its mind mid-request now asks for ("actually, I'd
// rather have a copy", "a copy of my data rather than deleting it"), or None when it asks for
// no other: the classifier reads what is wanted, with what is not cut out, and, unsure of a
// short correction, its plain words.
func (b *Bot) wantedRight(v string) rights.Type {
	if !switchTypeRe.MatchString(v) {
		return rights.None
	}
	wanted := strings.TrimSpace(ratherThanRe.ReplaceAllString(v, ""))
	if wanted == "" {
		wanted = v
	}
	if in := b.classify(wanted); in.Type != rights.None {
		return in.Type
	}
	for _, w := range []struct {
		re  *regexp.Regexp
		typ rights.Type
	}{{copyRe, rights.Access}, {eraseRe, rights.Erasure}, {correctWordRe, rights.Rectification}, {complainWordRe, rights.Complaint}} {
		if w.re.MatchString(wanted) {
			return w.typ
		}
	}
	return rights.None
}

var (
	copyRe         = regexp.MustCompile(`(?i)\b(?:a copy|copies|see (?:my|what)|what you (?:hold|have))\b`)
	eraseRe        = regexp.MustCompile(`(?i)\b(?:delete|erase|remove|wipe|get rid of)\b`)
	correctWordRe  = regexp.MustCompile(`(?i)\b(?:correct|fix|update|amend)\b`)
	complainWordRe = regexp.MustCompile(`(?i)\b(?:complain|complaint)\b`)
)

// clauseRe splits a request into the clauses that may each ask for a right: "send me a copy of
// my data and then delete it all".
var clauseRe = regexp.MustCompile(`(?i)\s*(?:[,;]\s*)?\b(?:and then|and also|and|then|also|after that|plus)\b\s*|[.;]\s+`)

// secondRight is another right than first that a message also asks for, in a clause of its own;
// none when it asks for one.
func (b *Bot) secondRight(text string, first rights.Type) offer {
	clauses := clauseRe.Split(text, -1)
	if len(clauses) < 2 {
		return offer{}
	}
	for _, c := range clauses { // "correct my address and get a copy": the first clause may be the other right
		if len(strings.Fields(c)) < 2 {
			continue
		}
		if in := b.classify(c); in.Actionable && in.Type != rights.None && in.Type != first {
			return offer{typ: in.Type, question: strings.TrimSpace(c)}
		}
	}
	return offer{}
}

// The longest a request form's fields may be, in characters. A request taken in the chat keeps
// its first message (a question, at most answer.MaxQuestionRunes) and the details, which take the
// room the description has left (intake.longestAnswer). A name is as long as the chat's name step
// and the Slack and Discord forms take (200); a name or an address longer than these is no name
// or address, and would be cut by whoever writes to it.
const (
	MaxNameRunes        = 200
	MaxContactRunes     = 300
	MaxServiceRunes     = 200
	MaxDescriptionRunes = 5000
	MaxKeyRunes         = 200 // the idempotency key
)

// checkForm refuses a form whose fields can't be what they say: over their limit, holding
// control characters (a NUL byte cut "A\u0000B" to "A" in the store: refused, never stored
// cut), or a sentence for a name ("I want to cancel now"). Each error names the form's field.
// maxSameDayCases bounds the closed cases one same-day key is followed past.
const maxSameDayCases = 20

// sameDayKey is the idempotency key of a form sent without one: the same request, word for word,
// sent again on the same (UK) day is a form sent twice (a double click, a retry after a timeout),
// and gets the case the first made rather than a second (a QA pass: two cases).
//
// Word for word, as the team would read it: a name or an e-mail address typed again with other
// capitals ("john smith", "John.Smith@Example.com"), or any field with other spacing, is the same
// request (a QA pass: each made a second case the same day). The type, council, service and what
// the request says keep their case: a request that says something else is another request.
func sameDayKey(f RequestForm) string {
	contact := f.Contact
	if strings.Contains(contact, "@") {
		contact = strings.ToLower(contact) // an e-mail address is delivered whatever its capitals
	}
	h := sha256.New()
	for _, v := range []string{f.Type, f.Org, strings.ToLower(f.Name), contact, strings.ToLower(f.OnBehalfOf), f.Service, f.Description, f.Channel,
		deadline.LondonDate(f.ReceivedAt).Format(time.DateOnly)} {
		h.Write([]byte(strings.Join(strings.Fields(v), " ")))
		h.Write([]byte{0})
	}
	return "form:" + hex.EncodeToString(h.Sum(nil))
}

func checkForm(f RequestForm) error {
	for _, c := range []struct {
		field, value string
		max          int
		lines        bool // may hold line breaks and tabs
	}{
		{"name", f.Name, MaxNameRunes, false},
		{"on_behalf_of", f.OnBehalfOf, MaxNameRunes, false},
		{"contact", f.Contact, MaxContactRunes, false},
		{"service", f.Service, MaxServiceRunes, false},
		{"description", f.Description, MaxDescriptionRunes, true},
		{"idempotency_key", f.IdempotencyKey, MaxKeyRunes, false},
	} {
		if n := utf8.RuneCountInString(c.value); n > c.max {
			return &dpo.FieldError{Field: c.field, Reason: fmt.Sprintf("this can be at most %s characters long (it has %s)", Thousands(c.max), Thousands(n))}
		}
		if !utf8.ValidString(c.value) || strings.ContainsFunc(c.value, func(r rune) bool {
			return unicode.IsControl(r) && !(c.lines && (r == '\n' || r == '\r' || r == '\t')) || !c.lines && dpo.HiddenFormatting(r)
		}) {
			return &dpo.FieldError{Field: c.field, Reason: "this contains a control character (such as a NUL byte), hidden formatting or invalid text: please remove it"}
		}
	}
	for _, c := range []struct{ field, value string }{{"name", f.Name}, {"on_behalf_of", f.OnBehalfOf}} {
		if r := nameSymbolIn(c.value); r != 0 {
			// A spreadsheet formula or markup, which the DPO's export or a page could run.
			return &dpo.FieldError{Field: c.field, Reason: "that doesn't look like a person's name: " + nameSymbolReason(r) + ". Please give just the name"}
		}
		if v := strings.TrimSpace(c.value); v != "" && sentenceForName(v) {
			return &dpo.FieldError{Field: c.field, Reason: "that doesn't look like a person's name: please give just the name"}
		}
	}
	return nil
}

// sentenceForName reports whether what a form gives as a name is a sentence ("I want to cancel
// now") or has no letter at all. A form's field is laxer than the chat's name step
// (looksLikeName): "Can Yilmaz" is a name, and only two or more of a sentence's words, or more
// words than a name has, refuse it.
func sentenceForName(v string) bool {
	words := strings.Fields(strings.ToLower(v))
	sentence := 0
	for _, w := range words {
		if notNameWords[strings.Trim(w, ".,!?;:")] {
			sentence++
		}
	}
	return sentence >= 2 || len(words) > 8 && !longName(v) || !strings.ContainsFunc(v, unicode.IsLetter)
}

// Thousands writes n as people read a limit: 5,000.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// SubmitForm puts a request filled in at once on the queue and returns the reference.
func (b *Bot) SubmitForm(ctx context.Context, f RequestForm) (Reply, error) {
	for _, field := range []*string{&f.Name, &f.OnBehalfOf, &f.Contact, &f.Service, &f.Description} {
		*field = dpo.WithoutMarks(*field) // marks a keyboard typed, that the resident can't see to remove
	}
	if err := checkForm(f); err != nil {
		return Reply{}, err
	}
	s := b.sessionFor(f.Session, f.Channel)
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.ReceivedAt.IsZero() {
		f.ReceivedAt = b.now()
	}
	if s.riskTold {
		// Sent from a conversation in which the chat gave the safeguarding contacts: the team is
		// told, as of a request taken in the chat.
		f.Description = withNotes([]string{riskToldNote}, f.Description)
		f.safeguarding = true
	}
	if f.Org != "" && b.Canonical != nil {
		if _, ok := b.Canonical(f.Org); !ok {
			return Reply{}, &dpo.FieldError{Field: "org", Reason: fmt.Sprintf("%q is not a council this service takes requests for (%s)",
				f.Org, strings.Join(b.Orgs, " or "))}
		}
	}
	f.Org = b.canonicalOrg(f.Org)
	if typ, err := rights.ParseType(f.Type); err == nil {
		// "Access" and "access" are one request: the same-day key reads the type as the queue
		// will (a QA pass: one form sent with each made two cases). A type that is none is
		// refused by submit.
		f.Type = string(typ)
	}
	if f.IdempotencyKey == "" {
		f.IdempotencyKey, f.sameDay = sameDayKey(f), true
	}
	return b.submit(ctx, s, f, strings.Join(s.turns, "\n"))
}

func (b *Bot) submit(ctx context.Context, s *session, f RequestForm, excerpt string) (Reply, error) {
	if b.Queue == nil {
		return Reply{}, ErrNoQueue
	}
	typ, err := rights.ParseType(f.Type)
	if err != nil || typ == rights.None {
		return Reply{}, &dpo.FieldError{Field: "type", Reason: fmt.Sprintf("%q is not a kind of request", f.Type)}
	}
	contact, err := ContactOf(f.Contact)
	if err != nil && f.keptAsTyped && mistypedEmail(f.Contact) != "" {
		// Kept as typed in the chat, the resident saying it was right (keepAsTyped).
		contact, err = dpo.Contact{Kind: dpo.ContactEmail, Value: strings.TrimSpace(f.Contact)}, nil
	}
	if err != nil {
		return Reply{}, &dpo.FieldError{Field: "contact", Reason: err.Error()}
	}
	if c, err := ContactOf(f.Name); err == nil && c.Kind != dpo.ContactPostal {
		// An e-mail address or a phone number is no one's name (the chat refuses it too).
		return Reply{}, &dpo.FieldError{Field: "name", Reason: "that is a contact, not a name"}
	}
	excerpt = withoutRequester(redact.Keeping(b.ownNumbers(), b.redacted)(excerpt), f)
	channel := f.Channel
	if channel == "" {
		channel = "web"
	}
	sub := dpo.Submission{
		IdempotencyKey: f.IdempotencyKey, Type: dpo.RequestType(typ), Organisation: f.Org, Region: b.region(),
		Received: f.ReceivedAt, Channel: dpo.Channel(channel),
		Requester: dpo.Requester{Name: strings.TrimSpace(f.Name), Contact: contact,
			OnBehalfOf: strings.TrimSpace(f.OnBehalfOf) != "", OnBehalfOfWhom: strings.TrimSpace(f.OnBehalfOf)},
		Service: strings.TrimSpace(f.Service), Description: strings.TrimSpace(f.Description), Excerpt: excerpt,
		AwaitingID:     strings.TrimSpace(f.OnBehalfOf) != "",
		LawEnforcement: flagsLawEnforcement(typ, f.lawEnforcement, f.Description),
		Safeguarding:   f.safeguarding,
	}
	c, filed, err := b.Queue.SubmitOnce(ctx, sub)
	for tries := 0; err == nil && f.sameDay && c.Status.Final() && tries < maxSameDayCases; tries++ {
		// The same request sent again the same day after the first was closed (withdrawn,
		// refused, completed) is a new request, not the closed one (a QA pass: the resident was
		// told it was being dealt with, and nothing reached the queue).
		sub.IdempotencyKey = f.IdempotencyKey + ":after:" + c.Ref
		c, filed, err = b.Queue.SubmitOnce(ctx, sub)
	}
	if err != nil {
		if errors.Is(err, dpo.ErrInvalid) {
			return Reply{}, err
		}
		return Reply{}, fmt.Errorf("submit request: %w", err)
	}
	// The same conversation may ask after it ("when will I hear back?") without repeating them.
	if !slices.ContainsFunc(s.submitted, func(r sentRequest) bool { return r.ref == c.Ref }) {
		s.submitted = append(s.submitted, sentRequest{ref: c.Ref, contact: contact.Value, org: c.Organisation, name: c.Requester.Name,
			onBehalfOf: c.Requester.OnBehalfOfWhom})
	}
	// The reference is shown only now, after the queue committed the case.
	var text strings.Builder
	staff := dpo.Channel(f.Channel).LoggedByStaff()
	sentToday := ""
	if f.sameDay {
		sentToday = " today"
	}
	switch {
	case !filed && staff:
		// The same request again (a retry, or made again in a new chat the same day): the case
		// filed before, not a second one, and said so (a QA pass: a resident who started again
		// was given a second reference).
		fmt.Fprintf(&text, "This request was already logged%s: it is with the data protection team, and its reference is %s — give it to the requester.", sentToday, c.Ref)
	case !filed:
		fmt.Fprintf(&text, "You already sent this request%s: it is with the data protection team, and your reference is %s — please keep it.", sentToday, c.Ref)
	case staff:
		// An adviser logged it for a caller or a letter: what to tell them (a QA pass: it spoke
		// to the adviser as the requester).
		fmt.Fprintf(&text, "The request is with the data protection team. Its reference is %s — give it to the requester.", c.Ref)
	default:
		fmt.Fprintf(&text, "Your request is with the data protection team. Your reference is %s — please keep it.", c.Ref)
	}
	r := Reply{Session: s.ID, Kind: KindSubmitted, Reference: c.Ref}
	switch {
	case c.LawEnforcement != dpo.NotLawEnforcement:
		text.WriteString(" " + lawEnforcementNext) // no date promised: another law may set it
		switch {
		case c.AwaitingID && c.Requester.OnBehalfOf && staff:
			text.WriteString(" As the requester is asking for someone else, the team will first ask them for proof that they may act for them.")
		case c.AwaitingID && c.Requester.OnBehalfOf:
			text.WriteString(" As you are asking for someone else, the team will first ask for proof that you may act for them.")
		case c.AwaitingID && staff:
			text.WriteString(" The team has asked the requester for proof of their identity first.")
		case c.AwaitingID:
			text.WriteString(" The team has asked you for proof of your identity first.")
		}
	case !c.Due.IsZero() && typ == rights.Complaint:
		r.Due = c.Due.Format(time.DateOnly)
		fmt.Fprintf(&text, " The team aims to reply by %s.", c.Due.Format("Monday 2 January 2006"))
	case !c.Due.IsZero() && c.Overdue(b.now()):
		// A letter logged late whose month has run out: "must respond by" a date gone by was
		// read to a caller as if there were time left (a QA pass).
		r.Due = c.Due.Format(time.DateOnly)
		fmt.Fprintf(&text, " The council had to respond by %s, so the request is overdue already", c.Due.Format("Monday 2 January 2006"))
		if staff {
			text.WriteString(": tell the data protection team now.")
		} else {
			text.WriteString(", and the team can see that.")
		}
	case !c.Due.IsZero():
		r.Due = c.Due.Format(time.DateOnly)
		fmt.Fprintf(&text, " The council must respond by %s.", c.Due.Format("Monday 2 January 2006"))
	case f.forTheDead && c.AwaitingID && c.Requester.OnBehalfOf && staff:
		text.WriteString(" " + forTheDeadNextForStaff)
	case f.forTheDead && c.AwaitingID && c.Requester.OnBehalfOf:
		text.WriteString(" " + forTheDeadNext)
	default:
		text.WriteString(" " + noTimeLimitYet(c, staff))
	}
	if staff {
		text.WriteString(" To check on it later, the requester gives the reference and the contact they gave.")
	} else {
		text.WriteString(" To check on it later, give me the reference and the contact you gave.")
	}
	r.Answer = answer.Answer{Answer: text.String(), Citations: []answer.Citation{}, Mode: "extractive",
		Request: &answer.Request{Type: string(typ), Actionable: true, Confidence: 1}}
	return r, nil
}

// noTimeLimitYet says why a case the submitted reply gives has no date to respond by, as its state
// says, to the requester or to the adviser who logged it (staff). A request sent again may find
// its case awaiting proof of the resident's own identity, or their answer to the team's
// question: a QA pass told a resident asking for their own records that they were asking for
// someone else.
func noTimeLimitYet(c dpo.Case, staff bool) string {
	switch {
	case c.AwaitingID && c.Requester.OnBehalfOf && staff:
		return onBehalfNextForStaff
	case c.AwaitingID && c.Requester.OnBehalfOf:
		return onBehalfNext
	case c.AwaitingID && staff:
		return "The team has asked the requester for proof of their identity; the one-month time limit starts when it arrives."
	case c.AwaitingID:
		return "The team has asked you for proof of your identity; the one-month time limit starts when it arrives."
	case c.Status == dpo.AwaitingClarification && staff:
		return "The team has asked the requester to clarify the request; the time limit is paused until their answer arrives."
	case c.Status == dpo.AwaitingClarification:
		return "The team has asked you to clarify the request; the time limit is paused until your answer arrives."
	case staff:
		return "The team will tell the requester the time limit for its reply."
	}
	return "The team will tell you the time limit for its reply."
}

// withoutRequester takes out of a conversation's excerpt what the requester gave at the intake's
// steps, whether or not the redactor recognised it ("Kate Hill" typed alone reads as two words):
// the case holds them in their own fields, and the excerpt is for what was asked.
func withoutRequester(excerpt string, f RequestForm) string {
	// Go's \b knows ASCII letters only: "Zoë" or "+44 7700 900123" would never match it.
	word := func(s string, fold bool) *regexp.Regexp {
		flags := ""
		if fold {
			flags = "(?i)"
		}
		return regexp.MustCompile(flags + `(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(s) + `($|[^\p{L}\p{N}])`)
	}
	for _, d := range f.dropped {
		excerpt = strings.ReplaceAll(excerpt, d, "[contact]") // a contact corrected, whatever its edges
	}
	for _, v := range []struct{ value, label string }{{f.Contact, "[contact]"}, {f.Name, "[name]"}, {f.OnBehalfOf, "[name]"}} {
		if value := strings.TrimSpace(v.value); value != "" {
			excerpt = word(value, true).ReplaceAllString(excerpt, "${1}"+v.label+"${2}")
		}
	}
	// "[name] Hill": a surname the redactor took for a word. Only as a name is written, with a
	// capital: "Will Smith" must not turn "I will" into "I [name]".
	for _, w := range strings.Fields(f.Name + " " + f.OnBehalfOf) {
		if rs := []rune(strings.Trim(w, ".,")); len(rs) >= 3 && unicode.IsLetter(rs[0]) {
			// As a name is written wherever it stands, however it was typed at the name step.
			capitalised := string(unicode.ToUpper(rs[0])) + string(rs[1:])
			excerpt = word(capitalised, false).ReplaceAllString(excerpt, "${1}[name]${2}")
		}
	}
	return excerpt
}

// postcodeRe is a UK postcode; streetRe a word of a street address, for the first line of one
// (houseRe); poBoxRe a PO box. What is a postal address is postalAddress's to say.
var (
	postcodeRe = regexp.MustCompile(`(?i)\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b`)
	poBoxRe    = regexp.MustCompile(`(?i)\bp\.?\s?o\.? box \d+`)
	streetRe   = regexp.MustCompile(`(?i)\b(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|court|ct|crescent|place|pl|gardens|grove|hill|park|row|square|terrace|walk|mews|green|flat|house|cottage|farm|view|rise|parade|vale|end|gate|chase|croft|boulevard|wood|heights|meadow|meadows|fields|common|bank|mount|yard|wharf|quay|dene|glade|copse|spinney|paddock|brow|crossing|circus|broadway|precinct|centre|apartments?)\b`)
)

// yesWords start a plain yes; yesFiller may follow it: "yes please", "yes ta", "yes thank you so
// much", "Yes that is correct :)". Anything else after a yes ("yes, but…", "yes, my email is…") is
// not a plain yes, and sends nothing.
var (
	yesWords  = setOf(`y yes ye yeah yep yup yh ya yea yess yas yass ok okay sure confirm confirmed correct submit send`)
	yesFiller = setOf(`please pls plz thanks thank thankyou thx ta cheers you so much very a lot that that's thats is it it's its
	correct right fine ok okay all good great perfect lovely brilliant send go ahead do yes yeah looks nothing to change
	absolutely definitely sure of course indeed exactly now`)
)

// plainYes reports whether a message is a yes and nothing more.
func plainYes(v string) bool {
	v = meantAnswer(v) // "sorry I meant yes"
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(v, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	if len(words) == 0 {
		return false
	}
	two := len(words) > 1
	switch {
	case yesWords[words[0]]:
	case two && words[0] == "please" && (yesWords[words[1]] || words[1] == "do"): // "please do", "please send it"
	case two && words[0] == "go" && words[1] == "ahead":
	case two && (words[0] == "that's" || words[0] == "thats") && yesFiller[words[1]]: // "that's right"
	default:
		return false
	}
	for _, w := range words[1:] {
		if !yesFiller[w] && !yesWords[w] {
			return false
		}
	}
	return true
}

// keepAsTypedRe is a reply to "did you mean …?" saying the address was right as typed, on a
// message folded to lower-case words: "no it's right", "no, that's correct", "it's right as I
// typed it", "keep it as it is", "not a typo". A bare "that's right" says yes to the one offered.
var keepAsTypedRe = regexp.MustCompile(`^(?:(?:no|nope|nah|sorry|honestly|actually)\s+)*` +
	`(?:(?:(?:no|nope|nah)\s+)(?:(?:it|that|this|the address|the email|my email|mine)(?:'s| is|s)?\s+)?(?:(?:really|actually|definitely|honestly|def)\s+)?(?:right|correct|fine|ok|okay|real|genuine|spelt right|spelled right|how it is|as it is|as typed)|` +
	`(?:(?:it|that|this)(?:'s| is|s)\s+)?(?:right|correct|fine) as (?:i )?(?:typed|wrote|written|spelt|spelled|it is)(?: it)?|` +
	`(?:(?:it|that|this)(?:'s| is|s)\s+)?not a (?:typo|mistake|slip)|(?:keep|use) it as (?:it is|i typed it|typed|written)|(?:keep|use) (?:it|what i typed|the one i typed))` +
	`(?:\s+(?:it|thanks|thank you|please|honestly|really|as typed|as i typed it|it's not a typo|it's a real one|its a real one|keep it|use it|thats my email|that's my email|thats my address|that's my address|it's my address|its my address|it's my email|its my email))*$`)

// keepAsTyped keeps an e-mail address as the resident typed it, though it reads as a slip: an
// unusual address may be right, and they know their own. Unless the data protection team's queue
// would refuse it as no address at all, which is said, with why.
func (b *Bot) keepAsTyped(it *intake, addr string) string {
	if (dpo.Contact{Kind: dpo.ContactEmail, Value: addr}).Validate() != nil {
		return "I can't keep " + addr + ": the data protection team's system takes only a complete e-mail address (like name@example.com), and that isn't one it can send to. " +
			"Please check it, or give another way to reach you. " + b.prompt(it)
	}
	had := it.contact
	it.drop(had)
	it.contact, it.keptAsTyped, it.declined = addr, addr, ""
	if it.step == StepContact {
		b.advance(it)
	}
	return "OK, I'll keep " + addr + " as you typed it: the data protection team will contact you there. " + b.prompt(it)
}

// mistypedLead opens what is said of an e-mail address with a slip in it.
const mistypedLead = "That e-mail address looks mistyped"

// didYouMean asks whether an address was meant to be one of those offered ("did you mean
// tom@hotmail.com?"), and remembers them for the reply, which may just say "yes" (takeMeant).
func (it *intake) didYouMean(lead string, meant ...string) string {
	it.suggested = meant
	if len(meant) == 1 {
		return fmt.Sprintf("%s: did you mean %s? Say \"yes\" to use it, or type it again.", lead, meant[0])
	}
	return fmt.Sprintf("%s: did you mean %s? Say which, or type it again.", lead, joinList(meant, "or"))
}

// questionContact is what is said of a contact that can't be used (err says why): the address it
// was probably meant to be, asked about, or the mobile number to check, remembered for a "yes".
func (it *intake) questionContact(contact string, err error) string {
	if meant := mistypedEmail(contact); meant != "" {
		it.asTyped = contact
		return it.didYouMean(mistypedLead, meant)
	}
	if n := mobileDigits(contact); n > 0 && n != 10 {
		it.doubted = contact
	}
	if _, want := otherPhoneDigits(contact); want != "" {
		it.doubted = contact
	}
	return err.Error()
}

var (
	// thatOneRe says yes to an address offered in other words than a plain yes: "that one",
	// "yes that's the one", "spot on".
	thatOneRe = regexp.MustCompile(`(?i)^\s*(?:(?:yes|yeah|yep|yup|ya|yh|oh|oops|sorry|ok|okay)[\s,.!]*)*` +
		`(?:(?:use )?(?:that|this|the) one|(?:that|this)(?:'s|’s| is) (?:it|the one|the right one|right|correct|my (?:e-?mail(?: address)?|address))|spot on|exactly|(?:please )?use (?:it|that))` +
		`(?:[\s,.!]+(?:please|thanks|thank you|cheers|sorry|oops))*[\s.!]*$`)
	// whichOfTwoRe picks one of two addresses offered: "the first", "second one", "yes the 1st".
	whichOfTwoRe = regexp.MustCompile(`(?i)^\s*(?:(?:yes|yeah|yep|ok|okay)[\s,.!]*)?(?:the\s+)?(first|1st|second|2nd)(?:\s+one)?(?:[\s,.!]+(?:please|thanks|thank you))*[\s.!]*$`)
)

// meantOf is the address a reply to "did you mean …?" takes of those offered: the one offered, on
// a yes ("yes", "yep that's right", "that one"), or the first or second of two. yes is true when
// the reply says yes, even to two without saying which.
func meantOf(v string, offered []string) (meant string, yes bool) {
	if m := whichOfTwoRe.FindStringSubmatch(v); m != nil && len(offered) == 2 {
		if m[1] == "first" || m[1] == "1st" {
			return offered[0], true
		}
		return offered[1], true
	}
	if !plainYes(v) && !thatOneRe.MatchString(v) {
		return "", false
	}
	if len(offered) == 1 {
		return offered[0], true
	}
	return "", true
}

// takeMeant answers a reply to the last reply's "did you mean …?" (the addresses suggested) or
// "please check it" (the mobile number doubted): a yes takes the address meant as the contact,
// a no keeps asking. ok is false when the reply answers neither, and is read as the step's answer.
func (b *Bot) takeMeant(it *intake, v string, suggested []string, doubted, asTyped string) (text string, ok bool) {
	if len(suggested) > 0 {
		meant, yes := meantOf(v, suggested)
		typed := strings.TrimSpace(meantAnswer(v)) // an address typed again, as "did you mean …?" invites
		slip := mistypedEmail(typed)
		switch {
		case asTyped != "" && meant == "" && keepAsTypedRe.MatchString(folded(v)):
			// "no, it's right" to "did you mean …hotmail.co.uk?": an unusual address, but theirs
			// (a QA pass: "OK, I won't use it", and the same question each time it was typed).
			return b.keepAsTyped(it, asTyped), true
		case meant != "":
			had := it.contact
			it.drop(had)
			it.contact = meant
			if it.step == StepContact {
				b.advance(it)
			}
			if had == "" {
				return "Thanks: the data protection team will contact you at " + meant + ". " + b.prompt(it), true
			}
			return "I've changed the contact to " + meant + ". " + b.prompt(it), true
		case slices.Contains(suggested, slip):
			// The same slip typed again: the resident insists, and is told why it is asked about,
			// not refused as no address (a QA pass: "I still can't read that as a way to reach
			// you", and the "yes" after it was refused too).
			it.asTyped = typed
			return it.didYouMean(typed+" looks like a slip, and the team's reply could go astray", slip) + " " + b.prompt(it) +
				" (If it is right as typed, say \"it's right\".)", true
		case it.step != StepContact && emailRe.MatchString(typed):
			// The address typed again, as "did you mean …?" invites, at a step that reads no
			// contact (the name step, after a first message's address was asked about).
			if slip != "" {
				return it.didYouMean(mistypedLead, slip) + " " + b.prompt(it), true
			}
			it.drop(it.contact)
			it.contact = typed
			return "Thanks: the data protection team will contact you at " + typed + ". " + b.prompt(it), true
		case yes:
			it.suggested = suggested
			return fmt.Sprintf("Which did you mean, %s? Say \"the first\" or \"the second\", or type it.", joinList(suggested, "or")), true
		case noRe.MatchString(v) && !strings.Contains(v, "@") && len(contactsIn(v)) == 0:
			it.declined = asTyped
			if it.contact == "" {
				return "OK, I won't use it. " + b.prompt(it), true
			}
			return "OK, the contact stays " + it.contact + ". " + b.prompt(it), true
		}
		return "", false
	}
	if doubted != "" && (plainYes(v) || thatOneRe.MatchString(v)) {
		// "yes it's right" to "please check it": it can't be, and saying so is more use than
		// "that doesn't look like a phone number".
		if n, want := otherPhoneDigits(doubted); want != "" {
			return fmt.Sprintf("A UK phone number like that has %s digits after the 0, and %s has %d, so the team couldn't reach you on it. "+
				"Please check it and type it again, or give another way to reach you.", want, doubted, n), true
		}
		return fmt.Sprintf("A UK mobile number has 11 digits, starting 07, and %s has %d after the 0, so the team couldn't reach you on it. "+
			"Please check it and type it again, or give another way to reach you.", doubted, mobileDigits(doubted)), true
	}
	return "", false
}

// ContactOf recognises the one way to reach a requester: e-mail, phone or postal address.
func ContactOf(v string) (dpo.Contact, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return dpo.Contact{}, errors.New("I need one way to contact you.")
	case emailRe.MatchString(v):
		if meant := mistypedEmail(v); meant != "" {
			// The team's reply would go nowhere, and the resident would think the council ignored them.
			return dpo.Contact{}, fmt.Errorf("That e-mail address looks mistyped: did you mean %s? Please type it again.", meant)
		}
		return dpo.Contact{Kind: dpo.ContactEmail, Value: v}, nil
	case caseRefRe.MatchString(v):
		// "DPO-2026-000004", or its digits: the team would ring a number that is no one's (a QA
		// pass filed "2026-000004" as the requester's phone number).
		return dpo.Contact{}, errNotAContactButARef
	case dateRe.MatchString(v):
		return dpo.Contact{}, errors.New("That looks like a date, not a way to reach you: please give an e-mail address, a phone number or a postal address.")
	case phoneRe.MatchString(v) && countDigits(v) >= 8 && !phoneLead(v):
		// "1234567890", "12-34-56 12345678": an account number, a reference, or a number with its
		// 0 left off, which the team could not ring.
		return dpo.Contact{}, errors.New("That isn't a phone number the team could ring: a UK number starts with 0 (or +44), and one from abroad with + and its country code. Please check it.")
	case intlPhoneLeadRe.MatchString(v) && !ukIntlLeadRe.MatchString(v) && phoneCharsRe.MatchString(v) && countDigits(v) >= 6:
		if err := intlPhoneError(v); err != nil {
			return dpo.Contact{}, err
		}
		return dpo.Contact{Kind: dpo.ContactPhone, Value: v}, nil
	case phoneRe.MatchString(v) && countDigits(v) >= 10 && countDigits(v) <= 14:
		if err := ukPhoneError(v); err != nil {
			return dpo.Contact{}, err
		}
		return dpo.Contact{Kind: dpo.ContactPhone, Value: v}, nil
	case shortPhoneRe.MatchString(v) && countDigits(v) >= 6 && countDigits(v) < 10:
		// "0790 123": a UK number with digits missing is asked about as one a digit short is,
		// not called no contact at all.
		if err := phoneLengthError(v); err != nil {
			return dpo.Contact{}, err
		}
		return dpo.Contact{}, errors.New("That doesn't look like a full UK phone number: please check it.")
	case strings.Contains(v, "@"):
		return dpo.Contact{}, errors.New("That e-mail address doesn't look complete.")
	case postalAddress(v):
		return dpo.Contact{Kind: dpo.ContactPostal, Value: v}, nil
	case refRe.MatchString(v):
		return dpo.Contact{}, errNotAContactButARef // "it's DPO-2026-000004"
	}
	return dpo.Contact{}, errors.New("That doesn't look like an e-mail address, a phone number or a postal address.")
}

// errNotAContactButARef refuses a case reference given as the contact.
var errNotAContactButARef = errors.New("That looks like a case reference, not a way to reach you: please give an e-mail address, a phone number or a postal address.")

var (
	// caseRefRe is a message that is a request's reference, as refRe reads one, or its digits
	// without the "DPO": "2026-000004".
	caseRefRe = regexp.MustCompile(`(?i)^(?:ref(?:erence)?\s*:?\s*)?(?:` + refRe.String() + `|20\d\d[-/ ]\d{6})[.!]?$`)
	// dateRe is a message that is a date in figures: "07/12/2026", "7-12-26", "2026-12-07".
	dateRe = regexp.MustCompile(`^(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$`)
	// ukPhoneLeadRe and intlPhoneLeadRe are how a phone number starts: 0 (or "(0"), and + or
	// 00 with a country code; ukIntlLeadRe is the UK's, +44 or 0044.
	ukPhoneLeadRe   = regexp.MustCompile(`^\(?0[\d (]`)
	intlPhoneLeadRe = regexp.MustCompile(`^(?:\+|\(?00)`)
	ukIntlLeadRe    = regexp.MustCompile(`^(?:\+|\(?00)\s*44`)
	// phoneCharsRe is a message of nothing but what a phone number is written with.
	phoneCharsRe = regexp.MustCompile(`^\+?[\d ()-]+$`)
)

// phoneLead reports whether v starts as a phone number does, with 0 or with + or 00 and a
// country code: "1234567890" and "2026-000004" do not.
func phoneLead(v string) bool {
	return ukPhoneLeadRe.MatchString(v) || intlPhoneLeadRe.MatchString(v)
}

// ukPhoneError says what is wrong with a UK phone number (0…, +44 …, 0044 …): a start no UK
// number has, or too many or too few digits for its kind; nil when there is nothing wrong.
func ukPhoneError(v string) error {
	d := phoneDigits(v)
	if ukIntlLeadRe.MatchString(v) {
		d = strings.TrimPrefix(strings.TrimPrefix(d, "00"), "44")
	}
	d = strings.TrimPrefix(d, "0")
	if d == "" || !strings.ContainsRune("1235789", rune(d[0])) {
		// 04 and 06 are no one's, and 00 is abroad's.
		return errors.New("That isn't a UK phone number: UK numbers start 01, 02, 03, 05, 07, 08 or 09. Please check it.")
	}
	if err := phoneLengthError(v); err != nil {
		return err
	}
	if len(d) < 9 || len(d) > 10 {
		return errors.New("That doesn't look like a full UK phone number: please check it.")
	}
	return nil
}

// intlPhoneError says what is wrong with a number from abroad (+CC …, 00CC …): a country code
// starting 0, or more or fewer digits than a country's numbers have (E.164: at most 15 with the
// country code; North America's, +1, have 11); nil when there is nothing wrong.
func intlPhoneError(v string) error {
	d := phoneDigits(v)
	if !strings.HasPrefix(strings.TrimLeft(v, " ("), "+") {
		d = strings.TrimPrefix(d, "00")
	}
	switch {
	case d == "" || d[0] == '0':
		return errors.New("That doesn't look like a phone number from abroad: after the + comes the country code, which doesn't start with 0. Please check it.")
	case d[0] == '1' && len(d) != 11:
		return fmt.Errorf("A North American number has 10 digits after the +1, and that has %d: please check it.", len(d)-1)
	case len(d) < 8 || len(d) > 15:
		return fmt.Errorf("That number has %d digits with its country code, and a phone number from abroad has 8 to 15: please check it.", len(d))
	}
	return nil
}

// phoneLengthError says how a UK phone number has too many or too few digits for its kind; nil
// when it has as many as its kind has, or is of no kind counted.
func phoneLengthError(v string) error {
	if n := mobileDigits(v); n > 0 && n != 10 {
		// A UK mobile number has 11 digits (07…), 10 after +44: one short or long would reach
		// nobody, or someone else.
		return fmt.Errorf("That mobile number has %d digits after the 0, not 10: please check it.", n)
	}
	if n, want := otherPhoneDigits(v); want != "" {
		// "019086441234": a landline or 03/08 number a digit long or short would reach nobody,
		// or someone else (a QA pass: only mobiles were counted).
		return fmt.Errorf("That phone number has %d digits after the 0, not %s: please check it.", n, want)
	}
	return nil
}

// mailDomainSlips are common slips in the domains of the e-mail services most residents use, and
// in their endings: "gmial.com", "hotmial.co.uk", "gmail.con".
var mailDomainSlips = map[string]string{
	"gmial.com": "gmail.com", "gmai.com": "gmail.com", "gamil.com": "gmail.com", "gnail.com": "gmail.com", "gmaill.com": "gmail.com",
	"gmal.com": "gmail.com", "gmail.co": "gmail.com", "gmail.con": "gmail.com", "gmail.cm": "gmail.com", "gmail.om": "gmail.com",
	"gmail.co.uk": "gmail.com", "googlemail.con": "googlemail.com",
	"hotmial.com": "hotmail.com", "hotmal.com": "hotmail.com", "hotnail.com": "hotmail.com", "hotmail.con": "hotmail.com",
	"hotmial.co.uk": "hotmail.co.uk", "hotmail.co.uj": "hotmail.co.uk", "hotmail.co": "hotmail.co.uk",
	"yahooo.com": "yahoo.com", "yaho.com": "yahoo.com", "yahoo.con": "yahoo.com", "yahoo.co.uj": "yahoo.co.uk",
	"outlok.com": "outlook.com", "outloo.com": "outlook.com", "outlook.con": "outlook.com",
	"btinternt.com": "btinternet.com", "btinterent.com": "btinternet.com", "btinternet.con": "btinternet.com",
	"icloud.con": "icloud.com", "iclod.com": "icloud.com", "live.con": "live.com", "live.co.uj": "live.co.uk",
}

// mistypedEmail is the address an e-mail address with a slip in a common service's domain, or a
// ".con" ending, was meant to be; "" when it has none.
func mistypedEmail(v string) string {
	at := strings.LastIndexByte(v, '@')
	if at < 0 {
		return ""
	}
	typed := strings.ToLower(strings.TrimRight(v[at+1:], "."))
	domain := typed
	for _, e := range endingSlips {
		if name, ok := strings.CutSuffix(domain, e.slip); ok {
			domain = name + e.meant
		}
	}
	if meant, ok := mailDomainSlips[domain]; ok {
		domain = meant
	}
	if domain == typed {
		return ""
	}
	return v[:at+1] + domain
}

// endingSlips are slips in an e-mail address's ending, in the order they are mended: a list, not a
// map, so that "….com.con" is mended the same way every time (a map's order is random; a review).
var endingSlips = []struct{ slip, meant string }{
	{".con", ".com"}, {".cmo", ".com"}, {".ocm", ".com"}, {".comm", ".com"}, {".com.com", ".com"},
	{".co.uj", ".co.uk"}, {".co.k", ".co.uk"}, {".co.ukk", ".co.uk"}, {".couk", ".co.uk"},
}

// phoneDigits are the digits of a phone number as typed, without the "(0)" of "+44 (0)1908 …".
func phoneDigits(v string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.Replace(v, "(0)", "", 1))
}

// mobileDigits is how many digits a UK mobile number has after its 0 (or +44), which is 10; 0
// when v is no UK mobile number.
func mobileDigits(v string) int {
	if !mobileRe.MatchString(v) && !intlMobileRe.MatchString(v) {
		return 0
	}
	d := phoneDigits(v)
	d = strings.TrimPrefix(d, "00")
	if intlMobileRe.MatchString(v) {
		d = strings.TrimPrefix(d, "44")
	}
	return len(strings.TrimPrefix(d, "0"))
}

// otherPhoneDigits is how many digits a UK number that is no mobile has after its 0 (or +44),
// and, when that is not as many as its kind has, how many it should have, as said to the
// resident: 10 for 02, 03 and 08 numbers, 9 or 10 for 01 (a few areas, 016977, have 9) and
// 0800. want is "" when the count is right or v is no UK number of those kinds.
func otherPhoneDigits(v string) (n int, want string) {
	d := phoneDigits(v)
	lead := strings.TrimLeft(v, " (")
	switch {
	case strings.HasPrefix(lead, "+44"), strings.HasPrefix(lead, "0044"):
		d = strings.TrimPrefix(strings.TrimPrefix(d, "00"), "44")
	case strings.HasPrefix(d, "0") && !strings.HasPrefix(d, "00"):
		d = d[1:]
	default:
		return 0, "" // another country's, or no number
	}
	n = len(d)
	switch {
	case d == "":
		return 0, ""
	case d[0] == '1' || strings.HasPrefix(d, "800"):
		if n != 9 && n != 10 {
			return n, "9 or 10"
		}
	case d[0] == '2' || d[0] == '3' || d[0] == '8':
		if n != 10 {
			return n, "10"
		}
	}
	return n, ""
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// CanonicalOrg resolves a name the bot knows to its canonical form.
func (b *Bot) CanonicalOrg(name string) (string, bool) {
	if o := b.matchOrg(name); o != "" {
		return o, true
	}
	return "", false
}
