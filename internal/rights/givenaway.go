package rights

import (
	"regexp"
	"strings"
)

// The writer's address given by the council to a former partner or an abuser: "I think someone
// in housing gave my ex my new address", "the council sent my new address to my ex-husband" read
// as a complaint and started its intake with no word of where to turn (a QA pass). It is a
// personal data breach, and one that may put a writer who moved away from that person in danger.
// It is no alarm by itself (no fear is said: the conversation says where to turn if they feel
// unsafe, and takes the complaint), but on a message that is urgent it says whose the danger is:
// the writer's own, whoever at the council the message names. A calm misdirected letter ("you
// sent my letter to my old address") or a register ("the council gave my address to the
// electoral roll") names no one the writer may need to be kept safe from.
const (
	// givenTo is someone the writer may need to be kept safe from: a former partner or an abuser
	// by name. Not a partner, a relative or a neighbour: "the council sent my address to my
	// husband" is a misdirected letter as often as not: so formerPartners, without the partners
	// that abuseByAPartner reads too (safeguard.go). A partner is one only when said to be abusive.
	givenTo = `(?:(?:my|our) (?:` + formerPartners + `|` +
		`(?:violent|abusive|controlling) (?:ex|ex partner|partner|husband|wife|boyfriend|girlfriend|ex husband|ex wife))|` +
		`the (?:man|woman|person|people|family) (?:i|we) (?:fled|fled from|escaped|escaped from|left|ran away from|got away from))`
	// councilSide is the council, its services or its staff, as the one who passed the address on.
	// A council word may stand alone ("housing gave out my address"); a word for staff only after
	// a determiner, so that no other body's staff is read as the council's ("the police officer
	// told my ex where i live", "the hospital receptionist …"), and no bare officer at all.
	councilSide = `(?:(?:(?:the|my|your|a|an|one of the|one of your|someone (?:in|at|from)|somebody (?:in|at|from)|someone at the|somebody at the|a member of staff (?:in|at|from)) )?` +
		`(?:council|councils|housing|housing office|housing team|housing department|housing officer|council officer|council staff|housing staff|social worker|social services|children's services|` +
		`adult social care|council tax|council tax team|benefits team|electoral services|school|you|you lot)|` +
		`(?:the|my|your|a|an|one of the|one of your) (?:receptionist|staff|caseworker|case worker))`
	// givesOut is passing something on, said as done (never "can you give…", "please don't
	// send…", "never gave"): only the words that may stand between the council and the verb.
	givesOut = `(?: (?:has|have|had|just|then|apparently|actually|accidentally|mistakenly|somehow|must have|might have|may have|clearly|obviously|went and|only went and))* ` +
		`(?:gave|given|sent|passed|told|shared|leaked|disclosed|handed|posted|emailed|e-mailed|forwarded|showed|shown|revealed|let slip|gave out|gave away|passed on|handed over)`
	// myAddress is the writer's address or where they live.
	myAddress = `(?:my|our) (?:new |current |home |safe |latest |full )?(?:address|postcode|home|flat|house|contact details|details)|where (?:i|we) (?:live|am|are|stay|now live|live now|moved to|'ve moved|'m living|'re living)`
	// knowsNow is a former partner learning, or knowing, where the writer lives. Not a bare "got":
	// "my ex got the kids" is no address learnt.
	knowsNow = `(?: (?:now|then|has|have|had|just|somehow|already|suddenly|finally|also))* (?:knows|know|knew|found out|finds out|has found out|` +
		`(?:got|gets|has got)(?: hold of)? (?:it|them|my (?:new )?(?:address|details))|learned|learnt|worked out|tracked down|found|turned up|showed up|has turned up|is turning up)`
)

var addressGivenAway = regexp.MustCompile(
	// "the council sent my new address to my ex-husband", "housing gave my details to my abuser"
	`\b` + councilSide + givesOut + `(?: out| on| over)? (?:` + myAddress + `)\b(?: \S+){0,3}? to ` + givenTo + `\b|` +
		// "someone in housing gave my ex my new address", "the council told my ex where I live"
		`\b` + councilSide + givesOut + ` ` + givenTo + ` (?:\S+ ){0,2}?(?:` + myAddress + `)\b`)

// addressLetOut is the address given out, and a former partner knowing it after: "housing gave
// out my address and now my ex knows where I am". The words between (the submatch) are read by
// givenAway: the two halves are one telling only if nothing else stands between them.
var addressLetOut = regexp.MustCompile(`\b` + councilSide + givesOut + `(?: out| away| on)? (?:` + myAddress + `)\b((?: [^ .!?,;:]+){0,8}?)` +
	`(?: ,)?(?: and| so| and so)?(?: now| then)? ` + givenTo + knowsNow + `\b`)

// toSomeoneElse is the address sent to someone named who is not the former partner: "housing sent
// my details to my solicitor and my ex found out" says nothing of how the ex did.
var toSomeoneElse = regexp.MustCompile(`(?:^| )to (?:my|his|her|their|our|the|a|an|another|some)\b`)

// givenAway reports whether a normalised message tells of the council giving the writer's address
// to a former partner or an abuser, or letting it out so that one now knows it (addressGivenAway,
// addressLetOut); the second within one clause, with no other recipient named: "the council sent
// my details to the wrong person and my ex got the kids" is two things told.
func givenAway(s string) bool {
	if addressGivenAway.MatchString(s) {
		return true
	}
	for _, m := range addressLetOut.FindAllStringSubmatch(s, -1) {
		if oneTelling(m[1]) && !toSomeoneElse.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// oneTelling reports whether the words between the two halves of a telling (addressLetOut's or
// seenOnWhatTheCouncilSent's submatch) leave it one: no "and" or "but" begins another.
func oneTelling(between string) bool {
	return !strings.Contains(between+" ", " and ") && !strings.Contains(between+" ", " but ")
}

// TellsOfAddressGivenAway reports whether a message tells of the council giving the writer's
// address to a former partner or an abuser (addressGivenAway): the chat says it is serious, where
// to turn if they feel unsafe, and takes or offers the complaint — the breach report — to the
// data protection team.
func TellsOfAddressGivenAway(text string) bool {
	return givenAway(normalize(text))
}

// TellsOfAddressGivenAway is TellsOfAddressGivenAway(text), for the message in was read from:
// its normalised text, kept by Classify, is read, not made again (another message is normalised
// as usual).
func (in Intent) TellsOfAddressGivenAway(text string) bool {
	return givenAway(in.read.of(text))
}

// throughTheCouncil is the council as the way the writer's address got out: "from a council
// letter", "through housing", "off a council tax bill", "on a letter you sent", "because the
// council sent a letter to our old house". "On" and "in" name a place as often as a way ("on
// facebook", "on the council estate"), so with them a document must be named: "on a letter from
// the council", "on the council tax bill", "in the council's records".
var throughTheCouncil = regexp.MustCompile(`\b(?:from|through|via|off|by|because|because of|thanks to)` +
	`(?: (?:a|an|the|one|of|my|our|some|` + councilDocument + `|someone|somebody|at|council's))*? ` + councilNamed + `|` +
	`\b(?:on|in)(?: (?:a|an|the|one|of|my|our|some|your))*? ` + councilDocument + `\b(?: \S+){0,3}? ` + councilNamed + `|` +
	`\b(?:on|in)(?: (?:a|an|the|one|of|my|our|some))*? (?:council|councils|council's|housing) (?:\S+ )?` + councilDocument + `\b|` +
	`\b(?:from|through|via|off|by|because of|thanks to) (?:you|your (?:letter|letters|bill|form|email|e-mail|staff|website|system|records))\b|` +
	`\b(?:a|the|one of the) (?:letter|letters|bill|form|email|e-mail) you\b`)

const (
	// councilNamed is the council, or the part of it, the address got out through.
	councilNamed = `(?:council|councils|council's|housing|council tax|social services|social worker|electoral register|electoral roll)\b`
	// councilDocument is something the council sends or keeps the address on.
	councilDocument = `(?:letter|letters|bill|bills|form|forms|document|documents|email|e-mail|emails|post|paperwork|tax|website|site|portal|records?|register|statement|statements|envelope|notice)`
)

// throughTheCouncilReach is how far after the finding the way it was found may be told, within
// its sentence.
const throughTheCouncilReach = 60

// foundAlready is a beingFound said as done, or known now ("found out where I live", "knows where
// I live"): "how do I stop my ex finding my address through the council?" fears it, and is
// offered the request to keep the address confidential, not a complaint of what hasn't happened.
var foundAlready = regexp.MustCompile(`^(?:found|tracked|traced|knew|knows|got|worked|figured|looked|turned|showed|came|rocked)\b`)

// TellsOfFoundThroughTheCouncil reports whether a message tells of someone finding where the
// writer lives (TellsOfBeingFound, said as done: foundAlready) through the council: "my abuser found out where I live from a
// council letter" was urgent, and offered the request to keep the address confidential, but no
// word that the council may have let it out, nor a way to report it (a QA pass). Like
// TellsOfBeingFound it is no sign of danger alone ("my mum found my new address on a council
// letter"): the conversation weighs it on a message that is urgent only.
func TellsOfFoundThroughTheCouncil(text string) bool {
	return foundThroughTheCouncilBy(foundReading(normalize(text)), false)
}

// TellsOfFoundThroughTheCouncil is TellsOfFoundThroughTheCouncil(text), for the message in was
// read from: its normalised text, kept by Classify, is read, not made again.
func (in Intent) TellsOfFoundThroughTheCouncil(text string) bool {
	return foundThroughTheCouncilBy(foundReading(in.read.of(text)), false)
}

// TellsOfAnExFindingItThroughTheCouncil reports whether a message tells of a former partner or an
// abuser (givenTo) finding where the writer lives through the council, however calmly: "my ex
// found my new address on a letter from the council" got neither the complaint nor the request
// to keep the address confidential, which the same told with fear got (a review). Unlike
// TellsOfFoundThroughTheCouncil, whoever else finds it ("my mum found my new address on a council
// letter") is no address let out to someone the writer may need to be kept safe from.
func TellsOfAnExFindingItThroughTheCouncil(text string) bool {
	return foundThroughTheCouncilBy(foundReading(normalize(text)), true)
}

// TellsOfAnExFindingItThroughTheCouncil is TellsOfAnExFindingItThroughTheCouncil(text), for the
// message in was read from: its normalised text, kept by Classify, is read, not made again.
func (in Intent) TellsOfAnExFindingItThroughTheCouncil(text string) bool {
	return foundThroughTheCouncilBy(foundReading(in.read.of(text)), true)
}

// foundThroughTheCouncilBy reports whether s (foundReading) tells of a finding said as done
// and through the council, or of a former partner seeing the address on what the council sent
// (seenOnWhatTheCouncilSent). byAnEx asks that the one who found it be named just before the
// finding as someone the writer may need to be kept safe from (foundBy).
func foundThroughTheCouncilBy(s string, byAnEx bool) bool {
	for _, at := range beingFound.FindAllStringIndex(s, -1) {
		if foundAlready.MatchString(s[at[0]:at[1]]) && (!byAnEx || foundBy.MatchString(s[:at[0]])) && foundThroughTheCouncil(s[at[1]:]) {
			return true
		}
	}
	for _, m := range seenOnWhatTheCouncilSent.FindAllStringSubmatch(s, -1) {
		// As with addressLetOut, the two halves are one telling only if no other stands between.
		if oneTelling(m[1]) {
			return true
		}
	}
	return false
}

// foundBy is a former partner or an abuser (givenTo) at the end of the words before a finding,
// with only the words that may stand between them and it: "my ex has now found out where I
// live", "my abusive ex got my address".
var foundBy = regexp.MustCompile(`\b` + givenTo + `(?: (?:has|have|had|now|then|just|somehow|already|suddenly|finally|also|apparently|must have|might have|may have))* $`)

// seenOnWhatTheCouncilSent is the council sending something, and a former partner seeing the
// writer's address on it: "the council sent a letter to my old address and my ex saw my new
// address on it" tells the way before the finding, which beingFound reads no "saw" of. The words
// between the document and the "and" (the submatch) are read by foundThroughTheCouncilBy.
var seenOnWhatTheCouncilSent = regexp.MustCompile(`\b` + councilSide + givesOut + `(?: me)? (?:a|an|the|my|our|one|some)(?: \S+)?? ` + councilDocument + `\b` +
	`((?: [^ .!?,;:]+){0,8}?)(?: ,)?(?: and| so| and so)(?: now| then)? ` + givenTo +
	`(?: (?:has|have|had|then|just|must have))* (?:saw|seen|read|spotted|noticed|found|got|learned|learnt)(?: out)? (?:` + myAddress + `)\b`)

// foundThroughTheCouncil reports whether after (the message after a finding) opens by naming the
// council as the way (throughTheCouncil), in the finding's sentence and not denied: "… on
// facebook, not from the council", "… but it wasn't through housing" say it was not.
func foundThroughTheCouncil(after string) bool {
	for _, at := range throughTheCouncil.FindAllStringIndex(after, -1) {
		before := after[:at[0]]
		if at[0] > throughTheCouncilReach || strings.ContainsAny(before, ".!?") {
			return false
		}
		if !negated(before) && !deniedJustBefore(before) {
			return true
		}
	}
	return false
}

// deniedJustBefore reports whether "wasn't" or "weren't", which negated leaves to the cues that
// read them, stands in the last three words of before's clause: "it wasn't through the council".
func deniedJustBefore(before string) bool {
	words := strings.Fields(before)
	for k := len(words) - 1; k >= 0 && k >= len(words)-3; k-- {
		switch {
		case clauseBreak[words[k]]:
			return false
		case words[k] == "wasn't" || words[k] == "weren't":
			return true
		}
	}
	return false
}
