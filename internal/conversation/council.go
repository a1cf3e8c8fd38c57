package conversation

import (
	"regexp"
	"slices"
	"strings"

	"github.com/privacybot/privacybot/internal/redact"
)

// councilOfAddress is the council whose area a postal address in text is in, by the town or
// village written after its street ("14 Oakridge Road, Bletchley, MK3 6AB" is in Milton Keynes,
// Bletchley being a place of its area in organisations.yaml); "" when the text has no address, or
// its places are no council's or more than one's. A place written after a street is where the
// house is, though it follows no "in" (a QA pass asked "Which council?" of a message the README
// says is taken).
func (b *Bot) councilOfAddress(text string) string {
	var after []string // what follows each address, up to the sentence's end
	_, found := addressFinder.Redact(text)
	for i, f := range found {
		if f.Kind != redact.KindAddress {
			continue
		}
		end := len(text)
		if i+1 < len(found) && found[i+1].Kind == redact.KindAddress {
			end = found[i+1].Start
		}
		rest := text[f.End:end]
		if loc := sentenceEndRe.FindStringIndex(rest); loc != nil {
			rest = rest[:loc[0]]
		}
		after = append(after, rest)
	}
	if len(after) == 0 && postalAddress(text) {
		// "PO Box 123, Aylesbury", "Holly Cottage, The Lee": the places after the first line.
		_, rest, _ := strings.Cut(text, ",")
		after = append(after, rest)
	}
	var councils []string
	for _, rest := range after {
		for i, part := range strings.Split(rest, ",") {
			if i > 3 {
				break // a town is within the next few parts of an address, or not in it
			}
			words := strings.Fields(postcodeRe.ReplaceAllString(part, " "))
			if len(words) == 0 {
				continue
			}
			// A place of up to four words ("Chalfont St Giles"), said as where.
			for _, c := range b.councilsNamed("in " + strings.Join(words[:min(len(words), 4)], " ")) {
				if !slices.Contains(councils, c) {
					councils = append(councils, c)
				}
			}
		}
	}
	if len(councils) != 1 {
		return ""
	}
	return councils[0]
}

// sentenceEndRe ends the sentence an address is written in.
var sentenceEndRe = regexp.MustCompile(`[;!?]|\.(?:\s|$)`)

// councilLikeRe is a council or a place the bot doesn't know: "Luton Borough Council", "Central
// Bedfordshire", "I live in Luton". Such a reply to "Which council?" is no one's name.
var councilLikeRe = regexp.MustCompile(`(?i)\b(?:council|borough|district|county|city|parish|authority|unitary|\p{L}+shire)\b|\b(?:live|living|lives|based)\s+(?:in|at|near)\b`)

// withoutContacts is v without the e-mail addresses and phone numbers in it, and the words that
// introduce them: "Ben Carter, my email is ben@example.com" is "Ben Carter".
func withoutContacts(v string) string {
	for _, c := range contactsIn(v) {
		v = strings.Replace(v, c, "", 1)
	}
	v = strings.Trim(v, " ,;:-.")
	v = strings.Trim(orRe.ReplaceAllString(v, ""), " ,;:-.")
	return strings.Trim(contactLabelRe.ReplaceAllString(v, ""), " ,;:-.")
}

// notACouncil answers a reply to "Which council?" that names no council the bot serves. What it
// gives of a later step is taken, as detailsBeside takes a contact or "my name is …": a full name
// alone ("Ben Carter"), or a postal address, whose town may say the council (org, when it does).
// The reply then says what the step needs, and offers the councils by name (the step's options
// too): "Sorry, I didn't recognise that council" again and again, to a name, an e-mail address
// or "yes", kept a resident in a loop (a QA pass). noted is what detailsBeside took of it.
func (b *Bot) notACouncil(it *intake, v, noted, talk string) (org, text string) {
	took := func(what string) {
		if noted != "" {
			noted += " and "
		}
		noted += what
	}
	name, address := nameThenAddress(v) // "Ben Carter, 14 Oakridge Road, Bletchley"
	if address != "" && !looksLikeName(name) || address == "" && postalAddress(v) {
		name, address = "", v // "14 Oakridge Road, Bletchley, MK3 6AB" is all address
	} else if address == "" {
		name = withoutContacts(v) // "Ben Carter 07700 900123": detailsBeside took the number
	}
	if address != "" {
		if said := contactIn(address); said != "" {
			address = said // "my address is …": the address, not the sentence
		}
		if it.contact == "" {
			it.contact = address
			took(strings.Replace(it.yourName(), "name", "address", 1) + " as the contact")
		}
		org = b.councilOfAddress(address)
	}
	if said := nameIn(name); it.name == "" && said != "" && talk == smallTalkNone && !hesitates(said) && !councilLikeRe.MatchString(said) {
		// "Ben Carter": the answer to the next question, given first. Only a reply that is a full
		// name and nothing else: "I live in Luton" is not "I live".
		if name := b.nameFrom(said); len(strings.Fields(name)) >= 2 && name == said {
			it.name = name
			took(it.yourName() + " as " + name)
		}
	}
	thanks := ""
	if noted != "" {
		thanks = "Thanks, I've noted " + noted + ". "
	}
	switch {
	case org != "":
		return org, thanks + "The address is in " + org + "'s area, so the request will go to " + org + ": tell me if it's for another council."
	case noted != "":
		return "", thanks + b.prompt(it)
	case councilLikeRe.MatchString(v):
		// A council this chat doesn't send requests to.
		return "", "Sorry, I can send requests only to " + joinList(b.Orgs, "or") + ". For another council, type \"cancel\" and contact that council's data protection team. " + b.prompt(it)
	}
	return "", "I need to know which council holds the records, so that the request reaches its data protection team. " +
		"If you're not sure, tell me the town or village you live in. " + b.prompt(it)
}
