package conversation

import (
	"regexp"
	"strings"

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
	if _, found := addressFinder.Redact(v); len(found) > 0 {
		return true
	}
	return houseWithoutStreet(v)
}

var (
	// flatLeadRe is a flat's number before the house's: "flat 2, ".
	flatLeadRe = regexp.MustCompile(`(?i)^\s*(?:flat|apartment|apt|unit)\s+\w+\s*,?\s*`)
	// houseNameEndRe is a house's name: a few words ending in a house's word ("Holly Cottage",
	// "Hillside", "Lake View") or "The Old …" ("The Old Forge").
	houseNameEndRe = regexp.MustCompile(`(?i)^(?:[\p{L}'’-]+\s+){0,3}(?:` + houseWords + `|hillside|orchard|view|grange|vicarage|forge)$|^the\s+old(?:\s+[\p{L}'’-]+){1,3}$`)
	// placeRe is a town or a village after a house's name: words, and a postcode if any.
	placeRe = regexp.MustCompile(`^[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}$`)
)

// notAddressWords are words of a reply that no address has: "yes, please", "no, it is for me",
// "sorry, what do you mean".
var notAddressWords = setOf(`yes yeah yep no nope nah ok okay fine please thanks thank cheers sorry i i'm im me my mine you your
	it it's its is are was be for not what why how do does mean want need just only myself someone else`)

// houseWithoutStreet reports whether v is the first line of an address without a street type the
// redactor knows, with its place: a house number and a street the chat reads as one ("14 Church
// End, Haddenham") or with the place after it ("10 Queensway, Bletchley"), or a house's name and
// the village it is in ("Holly Cottage, The Lee").
func houseWithoutStreet(v string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '!' || r == '?' }) {
		if notAddressWords[w] {
			return false
		}
	}
	first, rest, _ := strings.Cut(flatLeadRe.ReplaceAllString(v, ""), ",")
	first = strings.TrimSpace(first)
	if houseRe.MatchString(first) && streetRe.MatchString(lastWord(first)) {
		return true // "14 Church End", with its place or without
	}
	// "10 Queensway, Bletchley": a house number and a street of no street type, with its place.
	numbered := houseRe.MatchString(first) && len(strings.Fields(first)) <= 4
	if !numbered && !houseNameEndRe.MatchString(first) {
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

// lastWord is the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
