package conversation

import (
	"regexp"
	"strings"
	"unicode"
)

// A request for someone else said after it began: at the name step ("it's for my mum"), or later
// ("actually I'm asking for my son Arjun Patel"). An adviser says it in the third person, of the
// caller: "it's for her husband", "she is calling on behalf of her mother", "caller is Tom Baker,
// calling for his son Liam Baker" (a QA pass: each was refused as no name, or filed as the
// caller's own request with a firm due date and the son's name nowhere).

var (
	// someoneElseRe says whom a request is for, when it is someone else: "for my mum", "on behalf
	// of her son", "for his dad's records", "for someone else". Group 1 is whose relative they are
	// ("my", "her", "the caller's"), group 2 the apostrophe of "son's" (what of theirs it is for,
	// not their name), and group 3 runs on from them, for their name.
	someoneElseRe = regexp.MustCompile(`(?i)\b(?:for|on behalf of)\s+(?:(my|his|her|their|the (?:caller|requester|customer|resident)(?:'s|’s|s))\s+(?:\w+\s+)?(?:` +
		relativeWords + `|children)s?\b('s|’s|')?|(?:someone|somebody|another person|a relative|a family member)(?:\s+else)?\b)[,:;-]?\s*(.*)`)
	// notJustBeforeRe is a "not" just before it: "not for my mum", "not for someone else".
	notJustBeforeRe = regexp.MustCompile(`(?i)\bnot\s+$`)
	// someoneElseLeadRe is what comes just before it, said after the request's own details, to
	// be a change of whom the request is for: "it's …", "I'm asking …", "she is calling …", "the
	// caller is acting …". Without it, "for my son" may be part of the details ("the letters I
	// sent for my son's school").
	someoneElseLeadRe = regexp.MustCompile(`(?i)(?:\b(?:it'?s|its|it is|this is|(?:it|the request|the call) is)|(?:\b(?:i'?m|i am|(?:she|he|they)(?:'s|’s| is| are)|(?:the )?caller(?:'s| is)|who(?:'s| is))\s+)?\b(?:asking|calling|ringing|phoning|acting|writing|doing (?:it|this)|making (?:it|this)))\s+$`)
	// runOnRe is what may follow who someone is without being their name: "her mum as well".
	runOnRe = regexp.MustCompile(`(?i)^\s*(?:as well|too|also|instead|now|then|though|actually|please|thanks|thank you)\b[\s,.!]*`)
	// callingLeadRe is what ends the part of a message before it that may give the requester's
	// name: "caller is Tom Baker, calling", "Ann Lee who is asking", "I'm Ann Lee and it's".
	callingLeadRe = regexp.MustCompile(`(?i)[\s,;:.-]*(?:\b(?:and|but)\s+)?(?:\b(?:she|he|they|who|i|(?:the )?caller)(?:'s|’s|'m|’m| is| are| am)?\s+)?(?:\b(?:calling|ringing|phoning|asking|acting|writing|here)\s*)?(?:\b(?:it'?s|its|it is|this is|the request is)\s*)?[\s,;:.-]*$`)
)

// someoneElse is what a message says of the person a request is for.
type someoneElse struct {
	at    int    // where the saying starts: what comes before may be the requester's name
	name  string // their name, when it follows who they are ("his son Liam Baker"); "" if not
	whose string // whose relative they are: "my", an adviser's "her" of the caller; "" if not said
}

// someoneElseIn reads a message saying the request is for someone else; ok is false when it says
// no such thing. Only in an adviser's chat is "her son" the requester's son: in a resident's, it
// is someone else's.
func (b *Bot) someoneElseIn(it *intake, v string) (se someoneElse, ok bool) {
	for _, m := range someoneElseRe.FindAllStringSubmatchIndex(v, -1) {
		whose := ""
		if m[2] >= 0 {
			whose = strings.ToLower(v[m[2]:m[3]])
		}
		if whose != "" && whose != "my" && !it.loggedByAdviser() || notJustBeforeRe.MatchString(v[:m[0]]) {
			continue
		}
		if next := strings.Fields(strings.ToLower(v[m[6]:m[7]])); len(next) > 0 && servedAs[strings.Trim(next[0], ",.;:!?")] {
			continue // "for my child benefit claim", "for my carer's assessment": a service, no person
		}
		se.at, se.whose = m[0], whose
		if rest := runOnRe.ReplaceAllString(v[m[6]:m[7]], ""); m[4] < 0 && !theirThingRe.MatchString(rest) {
			se.name = b.nameFrom(rest)
		}
		return se, true
	}
	return someoneElse{}, false
}

// saidAfterDetails reports whether a message said after the request's own details changes whom it
// is for: its saying is led as one ("it's for her son", "she's calling on behalf of her mum").
func (se someoneElse) saidAfterDetails(v string) bool {
	return someoneElseLeadRe.MatchString(v[:se.at])
}

// beforeIt is the part of a message before it says whom the request is for, without the words
// that lead to that: "caller is Tom Baker" of "caller is Tom Baker, calling for his son Liam
// Baker", "" of "she is calling on behalf of her mother".
func (se someoneElse) beforeIt(v string) string {
	return strings.TrimSpace(callingLeadRe.ReplaceAllString(v[:se.at], ""))
}

// forSomeoneElseNext is what the chat says once a request is found to be for someone else: the
// month waits for proof of authority, so the date the first reply gave no longer holds.
func (it *intake) forSomeoneElseNext() string {
	switch {
	case it.forOneWhoDied() && it.loggedByAdviser():
		return forTheDeadNextForStaff
	case it.forOneWhoDied():
		return forTheDeadNext
	case it.loggedByAdviser():
		return onBehalfNextForStaff
	}
	return onBehalfNext
}

// forOneWhoDied reports whether the request is for someone said to have died, in the message
// that started it ("my mum died last month, can I get her records?") or when asked their name.
func (it *intake) forOneWhoDied() bool {
	return it.onBehalf && (it.died || diedRe.MatchString(it.first))
}

// notedForSomeoneElse takes the request as for someone else, and their name when the message
// gives it, and says so; the first time, what happens next (the first reply gave a date that no
// longer holds). An adviser's "her son" says the caller is "her": a later "his surname is …" is
// the son's (callersPronoun).
func (it *intake) notedForSomeoneElse(se someoneElse) string {
	noted := ""
	if se.name != "" && it.onBehalfOf == "" && !strings.EqualFold(se.name, it.name) {
		it.onBehalfOf = se.name
		noted = "I've noted that the request is for " + se.name + ". "
	}
	if !it.onBehalf {
		it.onBehalf = true
		noted += it.forSomeoneElseNext() + " "
	}
	if it.loggedByAdviser() && thirdPerson[se.whose] {
		it.callersPronoun = se.whose
	}
	return noted
}

// thirdPerson are the words an adviser says of whose something is, the caller's or another's.
var thirdPerson = map[string]bool{"his": true, "her": true, "their": true}

// pronounIsTheirs reports whether an adviser's "his" or "her" (pronoun) is the person the request
// is for, not the caller: the adviser said the other of the caller ("it's for her husband", then
// "his surname is …"). Unknown, it is the caller's, as advisers speak of the caller.
func (it *intake) pronounIsTheirs(pronoun string) bool {
	pronoun = strings.ToLower(pronoun)
	return it.loggedByAdviser() && it.onBehalf && it.onBehalfOf != "" && it.callersPronoun != "" &&
		thirdPerson[pronoun] && pronoun != it.callersPronoun
}

// saysMoreThanWhose reports whether a message saying whom a request is for says more of it than
// that and their name: "it is for my mum, her address should be 2 Low Rd", not "it's for my
// dad, not me" or "it's for her son Liam Baker".
func saysMoreThanWhose(v string, se someoneElse) bool {
	rest := someoneElseRe.ReplaceAllString(v, " $3") // what runs on after whom: a name, or more
	if se.name != "" {
		rest = strings.Replace(rest, se.name, " ", 1)
	}
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(rest), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
		if !whoseFiller[w] {
			n++
		}
	}
	return n >= 3
}

// whoseFiller are the words around saying whom a request is for that say nothing of what it is.
var whoseFiller = setOf(`actually sorry oh wait it it's its is this that the a not me mine myself i i'm im am and but please thanks caller requester calling she he they her his their`)

// servedAs are the words that make a relative word name a service or an entitlement rather than
// a person: "child benefit", "carer's allowance", "carer's assessment", "pupil premium" (a review:
// "it's for my child benefit claim" was filed on behalf of "benefit claim", with no due date).
var servedAs = setOf(`benefit benefits allowance allowances assessment assessments premium maintenance tax credit credits
	support payment payments care trust protection plan plans place places arrangements arrangement account grant
	transport pass badge card leave scheme group groups centre center services service`)

var (
	// relativeThenNameRe is who someone is to the requester followed by a capitalised name: "her
	// mum Margaret Whitfield", "about her mother Margaret Whitfield", "my son, Leo Grant". Group 1
	// is the name and what runs on after it.
	relativeThenNameRe = regexp.MustCompile(`(?i:\b(?:(?:my|his|her|their|our|the (?:caller|requester)(?:'s|’s))\s+)?(?:(?:late|elderly|disabled|adult|young|little|eldest|youngest|older|younger)\s+)?` +
		relativeWords + `)[,:\s-]+(\p{Lu}.*)`)
	// onlyRelativeRe is a reply naming who someone is and no more: "mum", "Dad", "my mother",
	// "her elderly mum".
	onlyRelativeRe = regexp.MustCompile(`(?i)^\s*(?:(?:my|his|her|their|our|the (?:caller|requester)(?:'s|’s))\s+)?(?:(?:late|elderly|disabled|adult|young|little|eldest|youngest|older|younger)\s+)?` +
		relativeWords + `[\s.!]*$`)
)

// nameAfterRelative is the name that follows who a person is to the requester in a reply to
// "what is that person's name?": "Margaret Whitfield" of "Copy of all records about her mother
// Margaret Whitfield". "" when no name follows one.
func (b *Bot) nameAfterRelative(v string) string {
	m := relativeThenNameRe.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	return b.nameFrom(m[1])
}

// runsOnAsSentence reports whether name, cut from the start of text, is only a sentence's first
// word: "Copy" of "Copy of all records about her", where the text goes on without a stop or a
// comma. "Jean Baker, she's 84" is a name, and what is said of her.
func runsOnAsSentence(text, name string) bool {
	if len(strings.Fields(name)) > 1 || !strings.HasPrefix(text, name) {
		return false
	}
	rest := text[len(name):]
	return strings.HasPrefix(rest, " ") && !strings.ContainsAny(strings.TrimSpace(rest)[:1], ",;:(")
}

// askersRelationRe is who the asker says they are to the person the request is for, said with
// their own name, before it ("im his son, Tom Hale", "her daughter - Amy Cole") or after it
// ("Tom Hale, his son", "Amy Cole (her daughter)"). Group 1 or 3 is who they are, group 2 or 4
// what remains.
var askersRelationRe = regexp.MustCompile(`(?i)^\s*(?:(?:i'?m|im|i am|this is|it'?s)\s+)?(?:his|her|their)\s+(?:(?:eldest|youngest|older|younger|only)\s+)?(` +
	relativeWords + `)\b[\s,:;.-]+(.+)$|^(.+?)[\s,(-]+(?:(?:i'?m|im|i am)\s+)?(?:his|her|their)\s+(?:(?:eldest|youngest|older|younger|only)\s+)?(` +
	relativeWords + `)\)?[\s.!]*$`)

// askersRelation is who the asker says they are to the person the request is for, said beside
// their own name ("son" of "im his son, Tom Hale"), and the rest ("Tom Hale"); "", v when they
// say no such thing.
func askersRelation(v string) (relative, rest string) {
	m := askersRelationRe.FindStringSubmatch(v)
	switch {
	case m == nil:
		return "", v
	case m[1] != "":
		return strings.ToLower(m[1]), strings.TrimSpace(m[2])
	}
	return strings.ToLower(m[4]), strings.Trim(m[3], " ,(-")
}
