package rights

import "regexp"

// lawOffence names an offence a council investigates or prosecutes itself.
const lawOffence = `(?:fraud|fly[- ]?tipping|littering|dog fouling|fly[- ]?posting|graffiti|counterfeit\w*|rogue trading|underage sales?|(?:an? |the |criminal )?offences?|crimes?|theft)`

// lawEnforcementRe finds the words of a request for data a council holds for law enforcement:
// investigating, cautioning or prosecuting an offence (trading standards, fraud of any kind,
// fly-tipping and other environmental crime), or handing evidence to the police. Such a request
// may fall under Part 3 of the Data Protection Act 2018 rather than UK GDPR, so the queue flags it
// for the DPO to decide, and the requester is promised no date.
//
// It is deliberately narrow: a false flag tells a resident no date and puts the request before the
// DPO for nothing (the queue still works it to its UK GDPR date), so "police", "CCTV" or "investigation" alone is not enough (an investigation
// into a complaint, a data breach, misconduct at work or a social care case is no offence), and a
// civil penalty (a parking ticket, a council tax summons) is not an offence. Fraud is: a request
// that mentions it at all, even from its victim, is worth the DPO's look.
var lawEnforcementRe = regexp.MustCompile(`(?i)\b(?:` +
	`prosecut\w*|criminal (?:investigation|proceedings|case|charges?|offences?|record)|` +
	`(?:interview(?:ed)?|statement) under caution|under caution|cautioned|` +
	`(?:fraud|trading standards|enforcement|criminal|police) investigat\w*|investigat\w* (?:into|of) (?:alleged|an? (?:alleged )?offence|fraud)|` +
	`fraud|trading standards|` +
	`fixed penalty(?: notice)?|fpn|fly[- ]?tipping (?:fine|offence|investigation|case|evidence|allegations?|accusations?|enforcement|penalty|prosecution|enquiry|inquiry|interview|caution)|` +
	// Suspected, accused or investigated for an offence, or an allegation of one.
	`(?:accus\w*|alleg\w*|suspect\w*|reported|investigated|charged|interviewed|caught|prosecuted|fined|arrested|questioned)(?: \w+){0,3} (?:for|of|over|about|with)(?: \w+){0,2} ` + lawOffence + `|` +
	`(?:allegations?|accusations?|investigations?|suspicions?) (?:of|about|over|into) (?:\w+ ){0,2}` + lawOffence + `|` +
	`(?:gave|give|given|pass|passed|hand|handed|send|sent|share|shared|disclose|disclosed|provide|provided|told|show|showed|shown) (?:\w+ ){0,4}to the police|` +
	`(?:gave|give|given|passed|handed|sent|shared|disclosed|provided|told|showed|shown) the police|` +
	`police (?:asked|requested|took|have|got|investigation|evidence|statement)|` +
	`evidence (?:(?:you|the council|your \w+(?: \w+)?) (?:used|gathered|collected|have|hold|holds)|against me)` +
	`)\b`)

// lawEnforcementMine is the writer taking action against someone else ("I want to prosecute my
// landlord"): masked before lawEnforcementRe runs, for it says nothing about what the council
// holds for an offence.
var lawEnforcementMine = regexp.MustCompile(`(?i)\b(?:i|we)(?:['’](?:d|m|re|ll))?(?: \w+){0,3} (?:prosecute|prosecuting|press charges)\b`)

// LawEnforcement reports whether a request's words suggest it is for data held for law
// enforcement (see lawEnforcementRe): a flag for the DPO to decide, never a decision.
func LawEnforcement(text string) bool {
	return lawEnforcementRe.MatchString(lawEnforcementMine.ReplaceAllString(text, " "))
}
