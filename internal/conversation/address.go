package conversation

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/privacybot/privacybot/internal/answer"

	"github.com/privacybot/privacybot/internal/redact"
)

// addressFinder reads a postal address as the redactor does, so that what the chat takes for an
// address is what it keeps out of transcripts as one: a house number or a house's name with a
// street ("14 Church Lane", "flat 2, 10 high st", "The Old Rectory, Church Lane"), or a UK
// postcode.
var addressFinder = redact.New(redact.WithKinds(redact.KindAddress, redact.KindPostcode))

// postalAddress reports whether v looks like a postal address: one the redactor finds, a PO box,
// or a first line the redactor's street types miss, with the place after it ("14 Church End,
// Haddenham", "Holly Cottage, The Lee", "Hillside, Chartridge"). A reply with a comma is none by
// that alone: "yes, please" and "no, it is for me" were filed as the contact (a QA pass), and
// the team could not reach the resident.
func postalAddress(v string) bool {
	if poBoxRe.MatchString(v) {
		return true
	}
	_, found := addressFinder.Redact(v)
	return postalAddressFound(v, found)
}

// postalAddressFound is postalAddress of v, given what addressFinder found in it already.
func postalAddressFound(v string, found []redact.Finding) bool {
	return len(found) > 0 || poBoxRe.MatchString(v) || houseWithoutStreet(v)
}

var (
	// houseNameEndRe is a house's name: a few words ending in a house's word ("Holly Cottage",
	// "Hillside", "Lake View") or "The Old …" ("The Old Forge").
	houseNameEndRe = regexp.MustCompile(`(?i)^(?:[\p{L}'’-]+\s+){0,3}(?:` + houseWords + `|hillside|orchard|view|grange|vicarage|forge)$|^the\s+old(?:\s+[\p{L}'’-]+){1,3}$`)
	// placeRe is a town or a village after a house's name: words, and a postcode if any.
	placeRe = regexp.MustCompile(`^[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}$`)
)

// notAddressWords are words of a reply that no address has: "yes, please", "no, it is for me",
// "sorry, what do you mean", "2 mins", "hang on".
var notAddressWords = setOf(`yes yeah yep no nope nah ok okay fine please thanks thank cheers sorry i i'm im me my mine you your
	it it's its is are was be for not what why how do does mean want need just only myself someone else whatever
	hi hello hiya dear here there this that these those they we he she him her them us our their live lives people
	sec secs second seconds min mins minute minutes moment mo hour hours hr hrs day days week weeks month months year years ago
	am pm hang hold wait erm um umm er hmm today tomorrow yesterday kids children times things records
	january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// firstLineRe is how the first line of an address starts, and its rest: a house number ("5, …",
// "22 Tudeley Hale …", "4a …"), a flat, apartment, room or unit and its number ("Flat 4a The
// Maltings, …", "Room 3, …"), each followed by the rest of the address.
var firstLineRe = regexp.MustCompile(`(?i)^\s*(?:(?:flat|apartment|apt|room|unit|studio|suite|maisonette)\s+\w+|\d+[a-z]?)\b[\s,]*(.*)$`)

// houseWithoutStreet reports whether v is the first line of an address without a street type the
// redactor knows, with what follows it: a reply of no conversational word ("yes", "please",
// "me", "mins") that starts with a house number, a flat, apartment, room or unit, or a house's
// name, and has something after it, a street, a place or a postcode ("5, Kingsmead, Stony
// Stratford", "Flat 3 Block B, Oldbrook", "rose cottage haddenham", "Greenacres, Hughenden
// Valley"). "22", "flat 3", "Rose Cottage" alone are no address: the team could not post to it.
func houseWithoutStreet(v string) bool {
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '!' || r == '?' || r == '(' || r == ')' || r == ';' || r == ':'
	})
	for _, w := range words {
		if notAddressWords[w] {
			return false
		}
	}
	if len(words) < 2 || hesitates(v) {
		return false
	}
	if m := firstLineRe.FindStringSubmatch(v); m != nil {
		// "22 Tudeley Hale Fishermead", "Flat 1 above the Co-op, High Street, Winslow": a
		// street or a house's name and its place after the number.
		// The words after it are words: "1 2 3 4 5 6 7", a phone number read out, is none.
		lettered := 0
		for _, w := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' }) {
			if strings.ContainsFunc(w, unicode.IsLetter) {
				lettered++
			}
		}
		return lettered >= 2
	}
	first, rest, comma := strings.Cut(v, ",")
	first, rest = strings.TrimSpace(first), strings.TrimSpace(rest)
	if !comma {
		// "rose cottage haddenham", "ivy house stewkley": a house's name and its place, run on.
		f := strings.Fields(first)
		for i := 1; i < len(f)-1 && i < 4; i++ {
			if houseNameEndRe.MatchString(strings.Join(f[:i+1], " ")) && houseWordRe.MatchString(f[i]) {
				return true
			}
		}
		return false
	}
	// "Holly Cottage, The Lee", "The Flat, The Swan, Mursley", "Greenacres, Hughenden Valley": a
	// house's name (or one capitalised word, as a house is named) and the places after it.
	if !houseNameEndRe.MatchString(first) && !theHouseRe.MatchString(first) && !oneNameRe.MatchString(first) {
		return false
	}
	places := 0
	for _, p := range strings.Split(rest, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !placeRe.MatchString(p) && !postcodeRe.MatchString(p) {
			return false
		}
		places++
	}
	return places > 0
}

var (
	// theHouseRe is a house or a part of one named with "the": "The Flat", "The Annexe".
	theHouseRe = regexp.MustCompile(`(?i)^the\s+(?:flat|annexe|annex|coach house|maisonette|studio|cottage|bungalow|lodge|barn)$`)
	// oneNameRe is one capitalised word, as a house is named: "Greenacres", "Kingsmead".
	oneNameRe = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]{2,}$`)
)

var (
	// byPostRe asks to be written to: "by post please", "post", "send me a letter".
	byPostRe = regexp.MustCompile(`(?i)^[\s.,!]*(?:(?:by|via|in\s+the)\s+)?(?:post|letter|mail|snail\s*mail)\b|\b(?:post\s+it(?:\s+to\s+me)?|write\s+to\s+me|send\s+(?:me\s+)?(?:it\s+)?(?:a\s+)?letter|by\s+(?:post|letter))\s*(?:please|pls|thanks)?[\s.!]*$`)
	// byTextRe asks to be texted or called: "text me", "call me please", "by phone".
	byTextRe = regexp.MustCompile(`(?i)\b(?:text|txt|sms|call|ring|phone)\s+me\b|^[\s.,!]*(?:(?:by|via)\s+)?(?:text|txt|sms|phone|mobile|telephone)\b`)
	// byEmailRe asks to be e-mailed: "email me", "by email please".
	byEmailRe = regexp.MustCompile(`(?i)\be-?mail\s+me\b|^[\s.,!]*(?:(?:by|via)\s+)?e-?mail\b`)
	// noEmailRe says the resident has no e-mail or phone: "I don't have email", "no phone".
	noEmailRe = regexp.MustCompile(`(?i)\b(?:(?:don'?t|do\s+not|dont|doesn'?t|does\s+not)\s+(?:have|use|do)|(?:have|has|got)n'?t\s+got|(?:have|has|got)\s+no|not\s+got|no|without)\s+(?:an?\s+|any\s+)?(?:e-?mail|computer|internet|phone|mobile|smart\s*phone)`)
)

// contactAsked is what the contact step says to a reply it can't use as a contact, when the
// reply says how to be reached, or when a postal address is being asked for: "by post please"
// is asked the postal address, "text me" the mobile number, "email me" the e-mail address, "I
// don't have email" a postal address; a reply to that which is no address is asked again with
// what an address needs, and after two such replies the council's own data protection contact
// is given (as its notices state it), so that a resident who can't give one is not stuck. ok is
// false when none of these applies.
func (b *Bot) contactAsked(it *intake, typed, contact string) (text string, cited []answer.Citation, ok bool) {
	your := "your"
	if it.loggedByAdviser() {
		your = "the requester's"
	}
	postal := "What's " + your + " postal address, with its postcode? (The house number or name, the street, the town and the postcode.)"
	switch {
	case hesitates(typed): // "1 sec", "hang on"
		return takeYourTime(b.prompt(it)), nil, true
	case noEmailRe.MatchString(typed):
		it.postalAsked = true
		return "That's fine: the data protection team can write to you by post. " + postal, nil, true
	case byPostRe.MatchString(typed):
		it.postalAsked = true
		return postal, nil, true
	case byEmailRe.MatchString(typed):
		return "What's " + your + " e-mail address?", nil, true
	case byTextRe.MatchString(typed):
		return "What's " + your + " mobile number?", nil, true
	case !it.postalAsked && !partialAddress(contact):
		if it.contactMissed++; it.contactMissed < 3 {
			return "", nil, false
		}
		// "yes", "yes", "the usual": a third reply that is no contact gets the council's own
		// contact too, so no one is stuck (a QA pass: the same refusal five times).
		text = "Sorry, I still can't read that as a way to reach you. Give an e-mail address, a phone number or a postal address with its postcode, or type \"cancel\" and contact the data protection team yourself."
		if with, cited, found := b.withContactOf(it.org, text); found {
			return with + "\n" + b.prompt(it), cited, true
		}
		return text + " " + b.prompt(it), nil, true
	}
	it.postalAsked = true
	if it.postalMissed++; it.postalMissed < 2 {
		return "Sorry, I can't read that as a full postal address. " + postal + " Or give an e-mail address or a phone number.", nil, true
	}
	text = "Sorry, I still can't read that as a postal address. You can type it again with its postcode, or type \"cancel\" and write to " +
		it.org + "'s data protection team yourself."
	if with, cited, found := b.withContactOf(it.org, text); found {
		return with + "\n" + b.prompt(it), cited, true
	}
	return text + " " + b.prompt(it), nil, true
}

// partialAddress reports whether v is part of an address, not enough to post to: "22", "flat
// 3", "Rose Cottage".
func partialAddress(v string) bool {
	for _, w := range strings.Fields(strings.ToLower(v)) {
		if notAddressWords[strings.Trim(w, ",.!?")] {
			return false // "1 sec", "2 mins"
		}
	}
	if strings.Contains(v, "@") || countDigits(v) >= 6 {
		return false // an e-mail address or a phone number, asked about as one
	}
	return countDigits(v) > 0 || firstLineRe.MatchString(v) || houseWordRe.MatchString(v)
}

// postalIntroRe are the words that lead a postal address in: "post to", "please post it to", "i
// live at", "address is", "you can write to me at", "send it to my address", "1 sec, its" (QA
// passes kept them with the address, and a status check with the address found nothing).
var postalIntroRe = regexp.MustCompile(`(?i)^(?:(?:1|one|a|2|two)\s+(?:sec|secs|second|min|mins|minute|moment)\s*[,.]?\s*)?(?:(?:please|pls|just|you\s+can|can\s+you|could\s+you)\s+)*` +
	`(?:(?:post|send|write|mail)(?:\s+(?:it|them|letters|everything|the\s+reply|the\s+letter|a\s+letter))?(?:\s+to\s+me)?\s+(?:to|at)(?:\s+my\s+(?:postal\s+|home\s+)?address(?:\s*[,:]|\s+which\s+is|\s+at)?)?|` +
	`(?:i|we)\s+(?:live|am|are|'m|'re)\s+(?:living\s+)?at|i'?m\s+at|(?:my\s+)?(?:postal\s+|home\s+)?address(?:\s+is|\s*:)?|it'?s|its)\s+`)
