package rights

import (
	"regexp"
)

// A message asking the council for another person's contact details or whereabouts ("my tenant
// left owing rent, can you give me his new address?", "can I have my ex's phone number?") asks
// for no right of the writer's: the rights are to one's own data, and another person's are
// theirs. Read for a right, "his new address" made it a request to correct records, filed as the
// writer's own (a QA pass); the writer needs telling plainly that this is no way to get them.

// othersPerson is someone a resident might want found: a former tenant, an ex, a neighbour, a
// relative, a debtor. The council's own people (its DPO, an officer) are asked after in other
// words, and their published contacts are what the notices answer ("who is the DPO? whats her
// address").
const othersPerson = `(?:ex-?(?:partner|husband|wife|boyfriend|girlfriend)|former (?:partner|husband|wife|tenant|lodger)|old (?:tenant|lodger|flatmate|housemate)|` +
	`lodgers|flatmate|housemate|neighbours|neighbors|debtor|builder|` + Relatives + `)`

// othersDetail is what locates a person: an address, a phone number, an e-mail address.
const othersDetail = `(?:(?:new|current|present|home|forwarding|latest|mobile|phone|telephone|e[- ]?mail|contact)\s+)*` +
	`(?:address(?:es)?|phone(?: number)?|(?:mobile )?number|mobile|e[- ]?mail(?: address)?|contact (?:details|number)|whereabouts)`

// goneTo is where someone has gone, said of them by a pronoun: "where he's gone", "where is she
// now", "where they live".
const goneTo = `(?:(?:he|she|they)(?:'s|'re|\s+(?:is|are|has|have|was|were))?\s+(?:gone|moved(?: to)?|went|living|staying|lives?|now)|` +
	`(?:is|are|has|have|did)\s+(?:he|she|they)\s+(?:gone|moved|go|went|living|staying|now|live)|(?:he|she|they)\s+(?:lives?|went|moved))`

// askedFor is a message asking to be given or told something: "can you give me", "I need",
// "what's".
const askedFor = `(?:(?:(?:can|could|will|would) you\s+)?(?:please\s+)?(?:give|tell|send|pass|forward|provide|e[- ]?mail|text)\s+(?:me|us)|let (?:me|us) (?:have|know)|` +
	`(?:can|could|may) (?:i|we)\s+(?:please\s+)?(?:have|get|know|find(?: out)?)|(?:(?:i|we)\s+)?(?:need|want|would like|'d like)(?:\s+to\s+(?:have|get|know|find(?: out)?))?|` +
	`(?:do|can|could) you (?:know|find out)|what(?:'s|s|\s+is))`

var (
	// othersDetailsRe asks to be given someone's details or whereabouts: "give me his new
	// address", "can I have my ex's number", "I need my tenant's forwarding address", "where does
	// my ex live now".
	othersDetailsRe = regexp.MustCompile(`(?i)\b(?:` +
		askedFor + `\s+(?:(?:the|a)\s+)?(?:(?:his|her|their)\s+|(?:my|our|the)\s+(?:\w+\s+)?` + othersPerson + `(?:'s|s'?)\s+)` + othersDetail + `\b|` +
		`(?:` + askedFor + `\s+where|where\s+(?:does|do|did|has|have|is|are))\s+(?:my|our|the)\s+(?:\w+\s+)?` + othersPerson +
		`\s+(?:lives?|living|moved|has moved|gone|went|is staying|stays|is now)\b|` +
		// "my tenant did a runner, can you tell me where he's gone": the person the message names
		// (othersPersonRe).
		askedFor + `\s+where(?:'s)?\s+` + goneTo + `\b)`)
	// whereaboutsRe asks where someone is without asking to be told: "where is he now". Only of a
	// debtor (owedRe): of a son in care or a runaway daughter it may be a worry, not a search.
	whereaboutsRe = regexp.MustCompile(`\bwhere(?:'s)?\s+` + goneTo + `\b`)
	// owedRe is what a landlord or creditor seeking someone says: the rent, a debt, a tenant who
	// "did a runner".
	owedRe = regexp.MustCompile(`\b(?:owes?|owing|owed|debts?|arrears|rent|landlord|landlady|tenants?|lodgers?|(?:did|done|doing) a runner|without paying)\b`)
	// othersPersonRe names such a person in the message, for a "his" or "her" to be theirs.
	othersPersonRe = regexp.MustCompile(`(?i)\b(?:my|our|the)\s+(?:\w+\s+)?` + othersPerson + `\b|\b(?:owes?|owing|owed|debt|arrears|unpaid rent)\b`)
	// ownOrAuthorisedRe is what makes it no such message: details to correct, hide or delete, or
	// asked for with authority to act for the person ("I need my mum's address history for her
	// benefits claim, I have power of attorney").
	ownOrAuthorisedRe = regexp.MustCompile(`(?i)\b(?:updat\w*|chang\w*|correct\w*|amend\w*|wrong|remov\w*|delet\w*|eras\w*|hid(?:e|den|ing)|confidential|withh[oe]ld\w*|` +
		`power of attorney|attorney|appointee|executor|deputy|on (?:her|his|their) behalf|on behalf of|act for|acting for)\b|` +
		// On or off the writer's own records: "I want my ex's phone number taken off my account",
		// "my mum's new address put on my account" (a review: refused).
		`\b(?:on|off|onto|into|from|out of) my (?:[a-z]+\s+){0,2}?(?:records?|account|file|files|details|data|information|notes)\b|` +
		`\b(?:take|taken|taking|took)\s+(?:it\s+|them\s+)?off\b|\bput\s+(?:it\s+|them\s+)?on\b`)
)

// SomeoneElsesDetails reports whether a message asks the council to give the writer another
// person's address, phone number or whereabouts: no data-protection right of the writer's, however
// Classify reads it, and no request to take.
//
// The message is read normalised, as Classify reads it: "i need his new adress" asks for an
// address as "i need his new address" does (a QA pass filed the one as a request to correct
// records, and refused the other).
func SomeoneElsesDetails(text string) bool {
	return someoneElsesDetails(normalize(text))
}

// someoneElsesDetails is SomeoneElsesDetails of a normalised message.
func someoneElsesDetails(s string) bool {
	if !(askedForDetails(s) || whereaboutsRe.MatchString(s) && owedRe.MatchString(s)) || ownOrAuthorisedRe.MatchString(s) {
		return false
	}
	// "give me his address" is someone's whom the message names ("my tenant left owing rent, …"),
	// not the council's officer it asks after.
	return othersPersonRe.MatchString(s)
}

// seeksADebtor reports whether a normalised message is a landlord or creditor asking for someone's
// whereabouts or details ("I'm a landlord, my tenant did a runner, can you tell me where he's
// gone"): a search for someone, which the safeguarding model, reading "where he's gone", took for
// someone missing or fleeing (a QA pass gave it the safeguarding reply).
func seeksADebtor(s string) bool {
	return owedRe.MatchString(s) && someoneElsesDetails(s)
}

// askedForDetails reports whether a normalised message asks to be given someone's details or
// whereabouts (othersDetailsRe), not in a clause that says it doesn't want them: "I don't want my
// ex-husband's address on my records any more" wants nothing of his (a review: refused).
func askedForDetails(s string) bool {
	for _, loc := range othersDetailsRe.FindAllStringIndex(s, 8) {
		if !negated(s[:loc[0]]) {
			return true
		}
	}
	return false
}
