package conversation

import (
	"regexp"
	"slices"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
)

var followUpRe = regexp.MustCompile(`(?i)^\s*(and for|and what about|what about|how about|same (?:for|with|at|in)|what of|and|also|for|then|or)\b|^\s*(and|what about)?\s*(it|that|those|them|this|they)\b`)

// IsFollowUp reports whether a message leans on the previous question ("and for complaints?",
// "what about Bucks?", "is it free?", "can I turn them off?", "how long do you keep it?"): it
// opens like a continuation; or a pronoun stands in for what it is about and it names at most
// two things ("when would they share it?"); or it asks whether something is "the same"; or it
// names at most one thing besides the kind of fact it asks for and is too short to stand alone
// or points back, and asks no question of its own ("who is the DPO?" does).
func IsFollowUp(q string) bool {
	if claim, ok := checkedClaim(q); ok {
		q = claim // "someone told me you keep them forever, is that right?" is "you keep them forever"
	}
	if followUpRe.MatchString(q) {
		return true
	}
	topics := len(answer.TopicWords(q))
	if standsIn(q) && topics <= 2 || sameRe.MatchString(q) {
		return true
	}
	return topics <= 1 && (len(strings.Fields(q)) <= 4 || pointsBack(q)) && !asksOnItsOwn(q)
}

// heardRe opens a message with who said what it checks: "someone told me", "my neighbour said",
// "I heard", "I've read that". rightTagRe closes one asking whether it is so: "is that right?",
// ", true?", "isn't it?".
var (
	heardRe    = regexp.MustCompile(`(?i)^\s*(?:(?:some(?:one|body)|people|they|(?:a|my|our|the) [\w-]+(?: [\w-]+)?|i(?:'ve| have)? (?:was told|been told))\s+(?:told me|tells me|told us|said|says|reckons?)|i(?:'ve| have)? (?:heard|read|seen)|i was told)\s+(?:that\s+)?`)
	rightTagRe = regexp.MustCompile(`(?i)[\s,]*(?:(?:is|was) (?:that|this|it) (?:right|true|correct|so)|(?:is that|isn'?t it|aren'?t they|don'?t you|right|true|correct|yes)\??)\s*[?.!]*\s*$`)
)

// checkedClaim is what a message asks to be checked, without who said it or the asking whether
// it is so ("you keep them forever" of "someone told me you keep them forever is that right"),
// and whether it checks one. Those words name nothing: counted as what it is about, the message
// named too much to lean on the question before, and was asked alone.
func checkedClaim(q string) (string, bool) {
	claim := heardRe.ReplaceAllString(q, "")
	claim = strings.TrimSpace(rightTagRe.ReplaceAllString(claim, ""))
	if claim == strings.TrimSpace(q) || len(strings.Fields(claim)) < 2 {
		return q, false
	}
	return claim, true
}

// sameRe finds a message asking whether something else is the same: "is Milton Keynes's website
// the same?", "same for adults?".
var sameRe = regexp.MustCompile(`(?i)\b(?:the same|same (?:for|with|in|at|as|goes for))\b`)

// standsIn reports whether a message has a pronoun standing in for something it doesn't name:
// "when would they share it?" and "what's her address?" are about whoever or whatever the
// conversation was about. (One naming three things or more, "how long do they keep complaint
// records about noise?", is a question of its own as often as not: carrying the previous
// question's words over into those too got 3 fewer of the held-out conversations' turns right.)
func standsIn(q string) bool {
	ws := answer.Words(q)
	for i, w := range ws {
		switch {
		case slices.Contains(pronouns, w):
			return true
		case w == "that" || w == "this":
			// "is that a legal requirement?", "would that affect…", "can I say no to that?"; not
			// "do you check that I live here?" nor "this notice".
			if i == len(ws)-1 || i > 0 && slices.Contains(beforeThat, ws[i-1]) || i+1 < len(ws) && slices.Contains(afterThat, ws[i+1]) {
				return true
			}
		}
	}
	return false
}

// beforeThat and afterThat are words around a "that" or "this" standing for something said.
var (
	beforeThat = strings.Fields(`is was does do did to about with for of on against from`)
	afterThat  = strings.Fields(`is was will would could can might may means mean apply applies affect affects cover covers include includes happen happens count counts`)
)

// pronouns stand in for something said before.
var pronouns = strings.Fields(`it its they them their he she him his her`)

// pointsBack reports whether a message has a word that leans on the one before ("them").
func pointsBack(q string) bool {
	for _, w := range answer.Words(q) {
		if slices.Contains(pointingBack, w) {
			return true
		}
	}
	return false
}

// questionOpeners open a question: "who is the dpo?", "can I complain?".
var questionOpeners = strings.Fields(`who whos what whats when where why how which can could do does did is are will would should may`)

// whWords ask a question on their own: "why?", "how?".
var whWords = strings.Fields(`who what when where why how which`)

// pointingBack are the words with which a short question leans on the one before ("is it free?").
var pointingBack = strings.Fields(`it its that those them this these they their`)

// kindOnly are the stems of words that ask for a kind of fact but name no topic: "how long?"
// asks how long about the previous question's topic.
var kindOnly = []string{answer.Stem("long"), answer.Stem("much"), answer.Stem("many"), answer.Stem("often"),
	answer.Stem("soon"), answer.Stem("quickly"), answer.Stem("fast")}

// asksOnItsOwn reports whether a short message is a whole question: it opens with a question
// word, points back at nothing, and names a topic ("who is the dpo?", "what are cookies?").
func asksOnItsOwn(q string) bool {
	ws := answer.Words(q)
	if len(ws) < 2 || !slices.Contains(questionOpeners, ws[0]) || pointsBack(q) {
		return false
	}
	for _, t := range answer.Terms(q) {
		if !slices.Contains(kindOnly, t) && !slices.Contains(anyData, t) {
			return true
		}
	}
	return false
}

// anyData are the stems of words for whatever personal data the conversation is about: "who
// gets the data?" names no topic of its own.
var anyData = []string{answer.Stem("data"), answer.Stem("information"), answer.Stem("info"), answer.Stem("details"),
	answer.Stem("stuff")}

// ownQuestionRe finds a question of its own after what a follow-up names: ", do they share…".
var ownQuestionRe = regexp.MustCompile(`(?i)[,;:-]\s*(?:and\s+)?(?:who|whos|what|whats|when|where|why|how|which|can|could|do|does|did|is|are|will|would|should|may)\b`)

// conditionRe finds a follow-up that puts the question before in a case: "(and) if it went to
// the ombudsman?", "what if I was under 18?", "even if I ask?".
var conditionRe = regexp.MustCompile(`(?i)^(?:what\s+if|even\s+if|if|unless|only\s+if)\b`)

// prepositions open a phrase a follow-up may put in place of the same phrase of the question
// before ("with other countries" for "with the police"); prepositionRes find each as a word.
var (
	prepositions   = strings.Fields(`with to about from in on at by into outside within`)
	prepositionRes = func() map[string]*regexp.Regexp {
		m := map[string]*regexp.Regexp{}
		for _, p := range prepositions {
			m[p] = regexp.MustCompile(`(?i)\s` + p + `\s`)
		}
		return m
	}()
)

// kindFrames ask again for the kind of fact the previous question asked for, about a new topic.
var kindFrames = map[string]string{
	answer.KindDuration: "How long do you keep",
	answer.KindDeadline: "How long do you have to answer",
	answer.KindPhone:    "What is the phone number for",
	answer.KindPostcode: "What is the postal address for",
	answer.KindEmail:    "What is the email address for",
	answer.KindContact:  "Who is the data protection officer for",
}

// Rewrite makes a follow-up stand alone without a model: the question to ask, and what the
// conversation was about as its context, searched with it but not required of the answer.
//
// When the previous question asked for a kind of fact, the follow-up asks for the same kind
// about its own topic ("How long do you keep complaint records?" + "and for service requests?" →
// "How long do you keep service requests"), so a topic the notices don't cover is not answered
// with the previous topic's facts; one asking only for a kind of fact ("phone number?") asks it
// of the previous topic. A follow-up that asks a question of its own about what the previous one
// was about ("who sees them?" after "how long do you keep complaint records?") is asked as it is,
// in the context of the previous question's topic ("complaint records"), not how long anything is
// kept. One that names something and asks its own question of it ("what about employment
// support, do they share with debt collectors?") is asked as it is. A condition ("and if it went
// to the ombudsman?") is added to the question before, and a phrase opening with a preposition
// ("and with other countries?") takes the place of the same phrase in it. Otherwise the
// follow-up ("what about the press?") is asked in the context of the whole previous question
// ("does employment support share my info with employers"), whose words then count half.
func Rewrite(previous, followUp string) (question, about string) {
	return RewriteIn(Focus{}, previous, followUp)
}

// Focus is what a conversation is about besides the words of its last question, for RewriteIn.
type Focus struct {
	// Topic is what the last follow-up was asked about when it asked its own question of it:
	// "nhs number" for "can I opt out of that?". A follow-up asking only for a kind of fact ("how
	// long is it kept?") asks it of the topic, not of the last question's own words ("opt").
	Topic string
	// Subject is what the notice the conversation's answers quote is about ("employment support
	// services", "mk together"), when one is in focus.
	Subject string
}

// RewriteIn is Rewrite in a conversation with a focus: a follow-up asking only for a kind of
// fact asks it of the focus's topic, and of no more of it than names the subject in focus when
// it does ("employment support service" of "employment support service share info dwp
// employer"); one asking for a contact ("whats their phone number?") asks for the subject's.
func RewriteIn(focus Focus, previous, followUp string) (question, about string) {
	claim, checks := checkedClaim(followUp)
	if checks {
		followUp = claim
	}
	f := followUpRe.ReplaceAllString(sameFor(followUp), "")
	f = strings.TrimSpace(strings.Trim(f, "?.! "))
	before := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(previous), "?.!"))
	topic := strings.Join(answer.TopicWords(previous), " ")
	names := len(answer.TopicWords(f)) // how many things the follow-up names itself
	if checks && topic != "" {
		// "someone told me you keep them forever, is that right?" checks what it was told of what
		// the conversation is about: asked as a question of its own, the kind of fact the
		// question before asked for would ask "how long do you keep you keep them forever".
		return f, topic
	}
	if ownQuestionRe.MatchString(f) && names >= 2 {
		// "what about employment support, do they share with debt collectors?" asks its own
		// question of what it names: the question before's topic would only compete.
		return f, ""
	}
	if conditionRe.MatchString(f) {
		// "and if it went to the ombudsman?" asks the same of the same thing, in a case.
		return before + " " + f, ""
	}
	if ws := strings.Fields(f); len(ws) > 1 && slices.Contains(prepositions, strings.ToLower(ws[0])) {
		// "and with other countries?" after "does Bucks share my info with the police?" asks
		// the same with other countries in place of the police.
		// (Found in the question as written: lower-casing may change where its bytes are.)
		if all := prepositionRes[strings.ToLower(ws[0])].FindAllStringIndex(before, -1); len(all) > 0 && all[len(all)-1][0] > 0 {
			return before[:all[len(all)-1][0]] + " " + f, ""
		}
	}
	if frame, ok := kindFrames[answer.AskedKind(f)]; ok && names == 0 && (topic != "" || focus.Subject != "") {
		return frame + " " + focus.of(answer.AskedKind(f), topic), ""
	}
	if ws := answer.Words(f); len(ws) > 1 && slices.Contains(questionOpeners, ws[0]) || len(ws) == 1 && slices.Contains(whWords, ws[0]) {
		if topic != "" {
			return f, topic
		}
	}
	if frame, ok := kindFrames[answer.AskedKind(previous)]; ok && f != "" {
		return frame + " " + f, ""
	}
	if f != "" && topic != "" {
		return f, before
	}
	return strings.TrimSpace(previous) + " " + f, ""
}

// of is what a follow-up asking for a kind of fact and naming nothing asks it of, the last
// question's topic words given: the focus's topic, if a follow-up was asked about it; of those, the
// words naming the subject in focus, if any do; the subject itself, when a contact is asked for
// (whose number "their" number is: the service's, not the data's).
func (focus Focus) of(kind, topic string) string {
	if focus.Topic != "" {
		topic = focus.Topic
	}
	subject := map[string]bool{}
	for _, w := range answer.TopicWords(focus.Subject) {
		subject[answer.Stem(w)] = true
	}
	var naming []string
	for _, w := range strings.Fields(topic) {
		if subject[answer.Stem(w)] {
			naming = append(naming, w)
		}
	}
	switch {
	case len(naming) > 0:
		return strings.Join(naming, " ")
	case focus.Subject != "" && (kind == answer.KindPhone || kind == answer.KindEmail || kind == answer.KindPostcode || kind == answer.KindContact):
		return focus.Subject
	}
	return topic
}

// withoutSubject drops from a question the words naming a subject ("mk together"), when it has
// them all: "whats our lawful basis for" of "whats our lawful basis for MK Together".
func withoutSubject(question, subject string) string {
	stems := map[string]bool{}
	for _, w := range answer.Words(subject) {
		stems[answer.Stem(w)] = true
	}
	if len(stems) == 0 {
		return question
	}
	ws := strings.Fields(question)
	kept := ws[:0:0]
	for _, w := range ws {
		if stem := answer.Stem(strings.ToLower(strings.Trim(w, "?!.,;:()'\"’"))); stems[stem] {
			delete(stems, stem)
			continue
		}
		kept = append(kept, w)
	}
	if len(stems) > 0 {
		return question // it doesn't name the subject
	}
	return strings.Join(kept, " ")
}

// sameForRe and doesTheSameRe ask the question before again of something else: "is that the
// same for employment support?", "would it be the same at MK Together?", "does employment
// support do the same?" ("the same as …?" compares instead). Read as questions of their own,
// they were asked "is that the same" about employment support, not how long it keeps records.
var (
	sameForRe     = regexp.MustCompile(`(?i)^\s*(?:and\s+)?(?:(?:is|are|was|would|will|does|do)\s+(?:that|it|this|they|those|these)\s+(?:be\s+)?)?(?:the\s+)?same\s+(?:for|with|at|in|goes for)\s+(\S.*)$`)
	doesTheSameRe = regexp.MustCompile(`(?i)^\s*(?:and\s+)?(?:does|do|would|will|did)\s+(\S.*?)\s+(?:do|doing|say|have)\s+the\s+same\W*$`)
)

// sameFor is what a follow-up asking for the same of something else names ("employment
// support"), or the follow-up as it is.
func sameFor(followUp string) string {
	for _, re := range []*regexp.Regexp{sameForRe, doesTheSameRe} {
		if m := re.FindStringSubmatch(followUp); m != nil {
			return m[1]
		}
	}
	return followUp
}
