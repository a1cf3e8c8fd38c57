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
	// husband" is a misdirected letter as often as not.
	givenTo = `(?:(?:my|our) (?:ex|ex partner|expartner|former partner|ex husband|ex wife|ex boyfriend|ex girlfriend|abuser|stalker|` +
		`(?:violent|abusive|controlling) (?:ex|ex partner|partner|husband|wife|boyfriend|girlfriend|ex husband|ex wife))|` +
		`the (?:man|woman|person|people|family) (?:i|we) (?:fled|fled from|escaped|escaped from|left|ran away from|got away from))`
	// councilSide is the council, its services or its staff, as the one who passed the address on.
	councilSide = `(?:(?:the|my|your|a|an|one of the|one of your|someone (?:in|at|from)|somebody (?:in|at|from)|someone at the|somebody at the|a member of staff (?:in|at|from))? ?` +
		`(?:council|councils|housing|housing office|housing team|housing department|housing officer|council officer|officer|social worker|social services|children's services|` +
		`adult social care|receptionist|staff|caseworker|case worker|council tax|council tax team|benefits team|electoral services|school|you|you lot))`
	// givesOut is passing something on, said as done (never "can you give…", "please don't
	// send…", "never gave"): only the words that may stand between the council and the verb.
	givesOut = `(?: (?:has|have|had|just|then|apparently|actually|accidentally|mistakenly|somehow|must have|might have|may have|clearly|obviously|went and|only went and))* ` +
		`(?:gave|given|sent|passed|told|shared|leaked|disclosed|handed|posted|emailed|e-mailed|forwarded|showed|shown|revealed|let slip|gave out|gave away|passed on|handed over)`
	// myAddress is the writer's address or where they live.
	myAddress = `(?:my|our) (?:new |current |home |safe |latest |full )?(?:address|postcode|home|flat|house|contact details|details)|where (?:i|we) (?:live|am|are|stay|now live|live now|moved to|'ve moved|'m living|'re living)`
	// knowsNow is a former partner learning, or knowing, where the writer lives.
	knowsNow = `(?: (?:now|then|has|have|had|just|somehow|already|suddenly|finally|also))* (?:knows|know|knew|found out|finds out|has found out|got|gets|has got|learned|learnt|worked out|tracked down|found|turned up|showed up|has turned up|is turning up)`
)

var addressGivenAway = regexp.MustCompile(
	// "the council sent my new address to my ex-husband", "housing gave my details to my abuser"
	`\b` + councilSide + givesOut + `(?: out| on| over)? (?:` + myAddress + `)\b(?: \S+){0,3}? to ` + givenTo + `\b|` +
		// "someone in housing gave my ex my new address", "the council told my ex where I live"
		`\b` + councilSide + givesOut + ` ` + givenTo + ` (?:\S+ ){0,2}?(?:` + myAddress + `)\b|` +
		// "housing gave out my address and now my ex knows where I am"
		`\b` + councilSide + givesOut + `(?: out| away| on)? (?:` + myAddress + `)\b[^.!?]{0,60}?\b` + givenTo + knowsNow + `\b`)

// TellsOfAddressGivenAway reports whether a message tells of the council giving the writer's
// address to a former partner or an abuser (addressGivenAway): the chat says it is serious, where
// to turn if they feel unsafe, and takes or offers the complaint — the breach report — to the
// data protection team.
func TellsOfAddressGivenAway(text string) bool {
	return addressGivenAway.MatchString(normalize(text))
}

// throughTheCouncil is the council as the way the writer's address got out: "from a council
// letter", "through housing", "off a council tax bill", "on a letter you sent", "because the
// council sent a letter to our old house".
var throughTheCouncil = regexp.MustCompile(`^[^.!?]{0,60}?\b(?:from|through|via|on|in|off|by|because|because of|thanks to)` +
	`(?: (?:a|an|the|one|of|my|our|some|letter|letters|bill|form|forms|document|documents|email|e-mail|post|paperwork|someone|somebody|at|council's))*? ` +
	`(?:council|councils|council's|housing|council tax|social services|social worker|electoral register|electoral roll)\b|` +
	`^[^.!?]{0,60}?\b(?:from|through|via|off|by|because of|thanks to) (?:you|your (?:letter|letters|bill|form|email|e-mail|staff|website|system|records))\b|` +
	`^[^.!?]{0,60}?\b(?:a|the|one of the) (?:letter|letters|bill|form|email|e-mail) you\b`)

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
	s := strings.ReplaceAll(normalize(text), "address book", "addressbook")
	for _, at := range beingFound.FindAllStringIndex(s, -1) {
		if foundAlready.MatchString(s[at[0]:at[1]]) && throughTheCouncil.MatchString(s[at[1]:]) {
			return true
		}
	}
	return false
}
