package rights

import "regexp"

// lawEnforcementRe finds the words of a request for data a council holds for law enforcement:
// investigating, cautioning or prosecuting an offence (trading standards, benefit or council tax
// fraud, fly-tipping and other environmental crime), or handing evidence to the police. Such a
// request may fall under Part 3 of the Data Protection Act 2018 rather than UK GDPR, so the
// queue flags it for the DPO instead of computing a due date.
//
// It is deliberately narrow: a false flag leaves an ordinary request without a due date until
// the DPO clears it, so "police" or "CCTV" alone is not enough, and a civil penalty (a parking
// ticket, a council tax summons) is not an offence.
var lawEnforcementRe = regexp.MustCompile(`(?i)\b(?:` +
	`prosecut\w*|criminal (?:investigation|proceedings|case|charges?|offences?|record)|` +
	`(?:interview(?:ed)?|statement) under caution|under caution|cautioned|` +
	`(?:fraud|trading standards|enforcement|criminal|police) investigat\w*|investigat\w* (?:into|of) (?:me|my|alleged|an? (?:alleged )?offence|fraud)|` +
	`(?:benefit|housing benefit|council tax(?: reduction)?|blue badge|tenancy|subletting) fraud|` +
	`fixed penalty(?: notice)?|fpn|fly[- ]?tipping (?:fine|offence|investigation|case|evidence)|` +
	`(?:gave|give|given|pass|passed|hand|handed|send|sent|share|shared|disclose|disclosed|told) (?:\w+ ){0,4}to the police|police (?:asked|requested|took|have|got|investigation|evidence|statement)|` +
	`evidence (?:(?:you|the council|your \w+(?: \w+)?) (?:used|gathered|collected|have|hold|holds)|against me)` +
	`)\b`)

// LawEnforcement reports whether a request's words suggest it is for data held for law
// enforcement (see lawEnforcementRe): a flag for the DPO to decide, never a decision.
func LawEnforcement(text string) bool { return lawEnforcementRe.MatchString(text) }
