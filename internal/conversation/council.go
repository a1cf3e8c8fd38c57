package conversation

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	if len(after) == 0 && postalAddressFound(text, found) {
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
// gives of a later step is taken, as detailsBeside takes a contact or "my name is …": a name said
// with a contact or an address ("Ben Carter 07700 900123", "Ben Carter, 14 Oakridge Road,
// Bletchley"), and a postal address, whose town may say the council (org, when it does). A bare
// reply is a place, never a name, from a resident or an adviser: "Stoke Mandeville", answering
// "tell me the town or village you live in", was filed as the resident's name and the name step
// skipped (a QA pass), and an adviser's "Linda Croft" or "Hemel Hempstead" as the caller's, with
// no council asked again; the name step, which comes next, asks for the name. A place the
// bot doesn't know is asked about, with the councils to choose from; "the council" gets help
// choosing; only a council or a place of another's ("Luton Borough Council", "Central
// Bedfordshire") is told which councils the chat sends requests to. noted is what detailsBeside
// took of it.
func (b *Bot) notACouncil(it *intake, v, noted, talk string) (org, text string) {
	took := func(what string) {
		if noted != "" {
			noted += " and "
		}
		noted += what
	}
	if m := barePostcodeRe.FindStringSubmatch(v); m != nil {
		// "MK46 4BB" alone says where the resident lives, as a town does: it is no address to
		// write to (a QA pass noted it as the contact, and chose no council). A district the
		// council's places list is taken before this (matchOrg); another is asked about.
		postcode := strings.ToUpper(strings.Join(strings.Fields(m[1]), " "))
		return "", thanksFor(noted) + "I don't know which council's area " + postcode + " is in: is it in the area of " + joinList(b.Orgs, "or") + "? " +
			"Say which, or tell me the town or village. " + askedNext(it) + b.prompt(it)
	}
	name, address := nameThenAddress(v) // "Ben Carter, 14 Oakridge Road, Bletchley"
	if address != "" && !looksLikeName(name) || address == "" && postalAddress(v) {
		name, address = "", v // "14 Oakridge Road, Bletchley, MK3 6AB" is all address
	}
	contacts := contactsIn(v)
	if address == "" {
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
	if said := nameIn(name); it.name == "" && said != "" && (address != "" || len(contacts) > 0) &&
		talk == smallTalkNone && !hesitates(said) && !councilLikeRe.MatchString(said) {
		// "Ben Carter 07700 900123": the answer to the next question, given first with a contact.
		// Only a full name and nothing else: "I live in Luton" is not "I live".
		if name := b.nameFrom(said); len(strings.Fields(name)) >= 2 && name == said {
			it.name = name
			took(it.yourName() + " as " + name)
		}
	}
	thanks := thanksFor(noted)
	councils := joinList(b.Orgs, "or")
	place := placeAsSaid(v)
	switch {
	case org != "":
		return org, thanks + goesTo("The address", org)
	case noted == "" && skipRe.MatchString(v):
		// "skip", "dunno": no place ("I don't know which council's area Skip is in", a QA pass);
		// a council can't be skipped, and where they live tells it.
		return "", "I need to know which council holds the records, so that the request reaches its data protection team; it can't be skipped. " +
			"If you're not sure, tell me the town or village you live in. " + b.prompt(it)
	case noted != "":
		return "", thanks + b.prompt(it)
	case vagueCouncilRe.MatchString(v) || livesInRe.MatchString(v) && place == "":
		// "the council", "the county council", "i live here": which of them, and how to tell.
		return "", "There are two councils I can send requests to: " + councils + ". " +
			"If you're not sure which is yours, tell me the town, village or estate you live in, or your postcode. " + b.prompt(it)
	case place != "" && !livesInRe.MatchString(v) && b.personsName(v):
		// "Sandra Okafor", the name typed a step early: no place to ask about (a web QA pass got
		// "I don't know which council's area Sandra Okafor is in"). Not taken for the name either:
		// an adviser's caller and a place opened by a first name may read so too.
		lead := "That looks like a name rather than a place. "
		if it.name == "" {
			lead = "That looks like a name rather than a place: I'll ask for " + it.yourName() + " next. "
		}
		return "", lead + "First, I need to know which council holds the records; if you're not sure, tell me the town or village you live in. " + b.prompt(it)
	case place != "" && (livesInRe.MatchString(v) || !councilLikeRe.MatchString(v)):
		// "Leighton Buzzard", "I live in Hemel Hempstead": a place the bot doesn't know may well
		// be in one of the areas; the resident knows which, or can say a nearby town.
		return "", "I don't know which council's area " + place + " is in: is it in the area of " + councils + "? " +
			"Say which, or tell me a nearby town or " + it.yourPostcode() + ". " + askedNext(it) + b.prompt(it)
	case councilLikeRe.MatchString(v):
		// A council this chat doesn't send requests to.
		return "", b.onlyOurCouncils("") + b.prompt(it)
	}
	return "", "I need to know which council holds the records, so that the request reaches its data protection team. " +
		"If you're not sure, tell me the town or village you live in. " + b.prompt(it)
}

// onlyOurCouncils says which councils the chat sends requests to, and where to go for another:
// other, when said, is that council as the resident named it ("Luton").
func (b *Bot) onlyOurCouncils(other string) string {
	forOther := "For another council"
	if other != "" {
		forOther = "For " + other
	}
	return "Sorry, I can send requests only to " + joinList(b.Orgs, "or") + ". " + forOther + ", type \"cancel\" and contact that council's data protection team. "
}

// otherCouncilRe is a council named in a message by its place and the word council: "from Luton
// council", "to Central Bedfordshire Council", "Luton Borough Council". Group 1 (after a word
// saying from or to whom) or group 2 (capitalised) is its place, perhaps with a word before it.
var otherCouncilRe = regexp.MustCompile(`(?i:\b(?:from|to|with|at|by|of|in)\s+(?:the\s+)?([\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s+(?:(?:city|county|district|borough|town|unitary|metropolitan borough)\s+)?council\b)|` +
	`\b(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+(?:(?:City|County|District|Borough|Town|Unitary)\s+)?[Cc]ouncil\b`)

// notCouncilPlaceWords are words before "council" that name no council: "my local council",
// "the parish council", "this council".
var notCouncilPlaceWords = setOf(`my your our their his her the a an this that local same other another new old right wrong parish town city county district borough`)

// otherCouncilIn is a council a message names that the chat doesn't send requests to, as named
// ("I want a copy of my data from Luton council" is "Luton"), or "": none, or one served.
func (b *Bot) otherCouncilIn(text string) string {
	for _, m := range otherCouncilRe.FindAllStringSubmatch(text, -1) {
		words := strings.Fields(m[1] + m[2])
		for len(words) > 0 && notCouncilPlaceWords[strings.ToLower(words[0])] {
			words = words[1:]
		}
		for len(words) > 0 && notCouncilPlaceWords[strings.ToLower(words[len(words)-1])] {
			words = words[:len(words)-1] // "luton borough", read as the place before "council"
		}
		if len(words) == 2 && !startsUpper(words[0]) && startsUpper(words[1]) {
			words = words[1:] // "of everything Luton Borough Council": the place is capitalised
		}
		place := placeAsSaid(strings.Join(words, " "))
		if place == "" || b.namesServed(place) || len(b.councilsNamed(m[0])) > 0 {
			continue // "my local council", "council tax", "Milton Keynes council", "Olney town council"
		}
		return place
	}
	return ""
}

// nameFromPlaceRe is a name and where its bearer is from: "Jane Doe from Olney", "Sarah Okafor in
// Aylesbury".
var nameFromPlaceRe = regexp.MustCompile(`(?i)^\s*(.+?)\s+(?:from|in|of|at)\s+(.+?)[\s.!]*$`)

// nameAndPlace reads a reply to "Which council?" that gives a name with the place ("Jane Doe,
// Olney", "Olney, Jane Doe", "Sarah Okafor from Aylesbury"): the council the place is in (or the
// council it names), the place as said ("" for a council's own name), and the name when it reads
// as a person's, opened by a first name. org is "" when the reply is no name and place.
func (b *Bot) nameAndPlace(v string) (name, place, org string) {
	for _, p := range namePlacePairs(v) {
		who, where := p[0], p[1]
		if b.namesServed(who) || !looksLikeName(who) || len(strings.Fields(who)) > 4 {
			continue
		}
		switch named := b.councilsNamed(where); {
		case len(named) == 1 && b.matchOrg(where) == named[0]:
			org = named[0] // "Jane Doe, Milton Keynes"
		default:
			place = placeAsSaid(where)
			if org = b.placeCouncil(place); place == "" || org == "" {
				place, org = "", ""
				continue
			}
		}
		if n := b.nameFrom(who); len(strings.Fields(n)) >= 2 && redact.FirstName(strings.Fields(n)[0]) {
			name = n
		}
		return name, place, org
	}
	return "", "", ""
}

// namePlacePairs are the ways a reply to "Which council?" may be a name and a place: "Jane Doe,
// Olney" either way round, "Jane Doe from Olney" one way. Each is who, then where; none for a
// contact or an address, notACouncil's.
func namePlacePairs(v string) [][2]string {
	if countDigits(v) > 0 || strings.Contains(v, "@") {
		return nil
	}
	var pairs [][2]string
	if before, after, ok := strings.Cut(v, ","); ok && !strings.Contains(after, ",") {
		pairs = append(pairs, [2]string{before, after}, [2]string{after, before})
	} else if m := nameFromPlaceRe.FindStringSubmatch(v); m != nil {
		pairs = append(pairs, [2]string{m[1], m[2]})
	}
	for i, p := range pairs {
		pairs[i] = [2]string{strings.Trim(p[0], " .!"), strings.Trim(p[1], " .!")}
	}
	return pairs
}

// postcodeLabelRe labels a postcode: "postcode", "my postcode is", "post code:".
var postcodeLabelRe = regexp.MustCompile(`(?i)\b(?:(?:my|the)\s+)?post\s?code(?:\s+is|'s)?\s*:?`)

// nameAndPostcode reads a reply to "Which council?" that gives a full name with a postcode, and
// perhaps the town before it ("Jane Doe, MK46 4BB", "MK46 4BB, Jane Doe", "Jane Doe, Olney MK46
// 4BB"): the postcode says where the resident lives, as a bare one does, and is no address to
// write to (a QA pass noted "MK46 4BB" as the contact). name is read as nameAndPlace reads it;
// postcode, as said back, is "" when the reply is no name and postcode. A reply with a house
// number, a house's name or a contact in it is an address or a contact: notACouncil's.
func (b *Bot) nameAndPostcode(v string) (name, postcode, place string) {
	locs := postcodeRe.FindAllStringIndex(v, -1)
	if len(locs) != 1 {
		return "", "", ""
	}
	at := locs[0]
	rest := postcodeLabelRe.ReplaceAllString(v[:at[0]]+","+v[at[1]:], "")
	if countDigits(rest) > 0 || strings.Contains(rest, "@") {
		return "", "", ""
	}
	var parts []string
	for _, p := range strings.Split(rest, ",") {
		if p = strings.Trim(p, " .!;:-"); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 || len(parts) > 2 {
		return "", "", ""
	}
	for i, p := range parts {
		n := b.nameFrom(p)
		if f := strings.Fields(n); n != p || len(f) < 2 || len(f) > 4 || !redact.FirstName(f[0]) || b.namesServed(p) {
			continue
		}
		if len(parts) == 2 {
			other := parts[1-i]
			if place = placeAsSaid(other); place == "" || houseNameEndRe.MatchString(other) {
				return "", "", "" // "Jane Doe, Rose Cottage MK46 4BB": an address
			}
		}
		return n, strings.ToUpper(strings.Join(strings.Fields(v[at[0]:at[1]]), " ")), place
	}
	return "", "", ""
}

// nameAndElsewhere reads a reply to "Which council?" that gives a full name, opened by a known
// first name, with a place or council none of whose areas the chat serves ("Jane Doe, Luton",
// "Jane Doe from Central Bedfordshire"): the name, and where as said, to be answered as that
// place said alone is. Both are "" otherwise (nameAndPlace reads a place that is served).
func (b *Bot) nameAndElsewhere(v string) (name, where string) {
	for _, p := range namePlacePairs(v) {
		who, w := p[0], p[1]
		n := b.nameFrom(who)
		if f := strings.Fields(n); len(f) < 2 || len(f) > 4 || n != who || !redact.FirstName(f[0]) || councilLikeRe.MatchString(who) ||
			b.namesServed(who) {
			continue // "Leighton Buzzard, Beds" is two places, as far as the chat can tell
		}
		if b.namesServed(w) {
			continue // a council served: nameAndPlace's
		}
		if placeAsSaid(councilWordRe.ReplaceAllString(w, "")) == "" {
			continue // "Jane Doe, not sure"
		}
		return n, w
	}
	return "", ""
}

// personsName reports whether a reply is a full name and nothing else, read as nameAndElsewhere
// reads one: two to four words opened by a common first name ("Sandra Okafor"), and no council's
// or place's word ("Leighton Buzzard" and "Ashley Green" open with none, or are places served).
func (b *Bot) personsName(v string) bool {
	v = strings.Trim(v, " .!")
	n := b.nameFrom(v)
	f := strings.Fields(n)
	return len(f) >= 2 && len(f) <= 4 && n == v && redact.FirstName(f[0]) && !councilLikeRe.MatchString(v) && !b.namesServed(v) &&
		b.placeCouncil(placeAsSaid(v)) == ""
}

// councilFixRe is a reply that takes back the council the request has, in the words a name is
// corrected with: "sorry I meant Luton", "actually it's Central Bedfordshire". Group 1 is what
// was meant; group 2 is set when it was said with "meant".
var councilFixRe = regexp.MustCompile(`(?i)^\s*(?:(?:oops|sorry|no|wait|oh|ah|actually)[\s,.!-]+)*(?:(i meant|i mean)|it'?s|its|it is|it should be|should be)\s+(?:in\s+)?(.+?)[\s.!]*$`)

// councilWordRe ends a council's name: "Luton council", "Luton Borough Council".
var councilWordRe = regexp.MustCompile(`(?i)\s+(?:(?:city|county|district|borough|town|unitary)\s+)?council$`)

// councilMeant reads a reply to the name question that corrects the council instead ("sorry I
// meant Olney", "actually it's Central Bedfordshire"): a QA pass filed "I meant Luton" as the
// resident's name. place is the place or council as said; org the council served whose area it
// is, or "" with other set when it is a council the chat doesn't send requests to. All are empty
// when the reply reads as a name ("it's Jane Doe", "sorry I meant Jane").
func (b *Bot) councilMeant(v string) (place, org string, other bool) {
	m := councilFixRe.FindStringSubmatch(v)
	if m == nil {
		return "", "", false
	}
	said := strings.TrimSpace(m[2])
	place = placeAsSaid(councilWordRe.ReplaceAllString(said, ""))
	if place == "" {
		return "", "", false // "it's about my council tax"
	}
	if org := b.placeCouncil(place); org != "" {
		return place, org, false // "sorry I meant Olney"
	}
	first := strings.Fields(place)[0]
	switch {
	case redact.FirstName(first):
		return "", "", false // "it's Jane Hampshire", "I meant Jane": a name
	case councilLikeRe.MatchString(said), m[1] != "" && len(strings.Fields(place)) == 1:
		// "it's Central Bedfordshire", "I meant Luton council", and "I meant Luton": no name is one
		// word, and what was meant in place of the council is a council.
		return place, "", true
	}
	return "", "", false
}

// thanksFor thanks the resident for what was noted of a later step, when anything was.
func thanksFor(noted string) string {
	if noted == "" {
		return ""
	}
	return "Thanks, I've noted " + noted + ". "
}

// barePostcodeRe is a reply that is a postcode and nothing else: "MK46 4BB", "it's mk46 4bb",
// "my postcode is HP20 1UA". Group 1 is the postcode.
var barePostcodeRe = regexp.MustCompile(`(?i)^\s*(?:(?:it'?s|its|it is|my postcode is|my postcode's|postcode:?|the postcode is)\s+)?([a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2})[\s.!]*$`)

var (
	// vagueCouncilRe is a council named by no name: "the council", "the city council", "my local
	// council".
	vagueCouncilRe = regexp.MustCompile(`(?i)^[\s.!,]*(?:(?:it'?s|it is|its)\s+)?(?:the|my|our|your|a|local)?\s*(?:local\s+)?(?:city|county|district|borough|town|unitary|parish)?\s*council\s*(?:please|thanks)?[\s.!]*$`)
	// livesInRe leads a place in with where someone lives: "I live in", "we're in", "near".
	livesInRe = regexp.MustCompile(`(?i)^[\s,.]*(?:(?:i|we)\s+(?:live|lives|living|am|are|'m|'re)\s+(?:in|at|near|by)|i'?m\s+(?:in|at|near|from)|(?:we'?re|we are)\s+(?:in|at|near|from)|(?:live|living|based)\s+(?:in|at|near)|(?:it'?s|it is|its)\s+(?:in|at|near)?|in|at|near|from)\b\s*`)
	// placeWordsRe is a place as a resident writes it: up to five words, and perhaps a postcode
	// district ("Leighton Buzzard", "Stoke Mandeville", "mk6").
	placeWordsRe = regexp.MustCompile(`^[\p{L}][\p{L}\d'’.-]*(?:\s+[\p{L}\d'’.-]+){0,4}$`)
)

// placeAsSaid is the place a reply to "Which council?" names ("I live in Leighton Buzzard" is
// "Leighton Buzzard"), as said; "" when it is no place: a word of conversation ("yes", "dunno",
// "not sure", "the council") or a sentence.
func placeAsSaid(v string) string {
	p := strings.Trim(livesInRe.ReplaceAllString(strings.TrimSpace(v), ""), " .!,;:")
	if !placeWordsRe.MatchString(p) || hesitates(p) {
		return ""
	}
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if notAddressWords[w] || notPlaceWords[w] {
			return ""
		}
	}
	if p != strings.ToLower(p) {
		return p
	}
	words := strings.Fields(p) // "water eaton" is said back as "Water Eaton", "mk6" as "MK6"
	for i, w := range words {
		if countDigits(w) > 0 {
			words[i] = strings.ToUpper(w)
		} else {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// notPlaceWords are words of a reply to "Which council?" that no place has.
var notPlaceWords = setOf(`dunno idk know unsure sure idea council here there this that which one either neither both any all none
	don't dont not can't cant help what where county city district borough area village england uk britain data request
	housing parking benefits benefit tax planning care social services service bins waste school schools education`)

// askedNext says the name is asked next, to a resident who may have given it where the council
// was asked ("Ben Carter" is read as a place there).
func askedNext(it *intake) string {
	if it.name != "" {
		return ""
	}
	return "(I'll ask for " + it.yourName() + " next.) "
}

// yourPostcode is the postcode that says where the requester lives, as the intake asks for it.
func (it *intake) yourPostcode() string {
	if it.loggedByAdviser() {
		return "the requester's postcode"
	}
	return "your postcode"
}

// goesTo says that the request goes to org, so that the resident can correct it: because where
// (the address, a place) is in its area, when the council was read, not said; or, where is "",
// because the request named it, perhaps by another name ("Milton Keynes Council", "bucks").
func goesTo(where, org string) string {
	goes := "the request will go to " + org + ": tell me if it's for another council."
	if where == "" {
		return "T" + goes[1:]
	}
	return where + " is in " + org + "'s area, so " + goes
}

// placeCouncil is the council whose area place is a place of, named by that place alone, not by
// one of the council's own names ("Bucks", "Milton Keynes"); "" when it is none, or several's.
func (b *Bot) placeCouncil(place string) string {
	if b.Canonical != nil {
		if _, ok := b.Canonical(place); ok {
			return ""
		}
	}
	if len(b.councilsNamed(place)) > 0 {
		return ""
	}
	if in := b.councilsNamed("in " + place); len(in) == 1 {
		return in[0]
	}
	return ""
}

// namesServed reports whether s names a council the chat serves, or a place of one's area.
func (b *Bot) namesServed(s string) bool {
	return len(b.councilsNamed(s)) > 0 || len(b.councilsNamed("in "+s)) > 0
}

// startsUpper reports whether a word starts with a capital letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// takesCouncilBack reports whether a reply at step may take back the council the request has
// ("sorry I meant Olney"): at the name question, and at the steps after it, whose answers are
// never a council or a place alone.
func takesCouncilBack(step string) bool {
	switch step {
	case StepName, StepOnBehalfOf, StepContact, StepService, StepDescription, StepConfirm:
		return true
	}
	return false
}

// councilSaidAgain reports whether v takes the council back in the words councilMeant reads, to
// say no more than a council the chat serves ("oh wait, I meant Buckinghamshire"), not a
// sentence that names it ("I meant to say my records from Buckinghamshire").
func (b *Bot) councilSaidAgain(v string) bool {
	m := councilFixRe.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	said := strings.TrimSpace(m[2])
	return b.matchOrg(said) != "" && (placeAsSaid(councilWordRe.ReplaceAllString(said, "")) != "" || councilWordRe.MatchString(said))
}

// notACouncilWords are one-word answers to the steps after the name that "sorry I meant …" may
// correct, not a council's place: a service ("Highways"), a way to be contacted ("email"), what
// is wanted ("everything").
var notACouncilWords = setOf(`highways highway roads libraries library licensing licence license revenues rates environmental
	environment recycling rubbish refuse transport travel adoption fostering safeguarding complaints complaint elections electoral
	registrars cemeteries leisure trading standards pensions payroll hr employment council-tax
	email e-mail mail post letter phone mobile landline text texts call
	everything all anything nothing some none both either whole full copy copies`)

// otherCouncilMeant reports whether what councilMeant read as another council in v, at a step
// after the name, is one: a council by its words ("Central Bedfordshire", "Luton council"), or
// a place that is no answer to these steps ("Luton", not "Highways" or "email").
func (b *Bot) otherCouncilMeant(v, place string) bool {
	if councilLikeRe.MatchString(v) {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(place)) {
		if notACouncilWords[w] || notPlaceWords[w] || notAddressWords[w] {
			return false
		}
	}
	return true
}

// mistypedCouncil is the council a reply to "which council?" names mistyped ("miltn keynes",
// "aylesbry"), with the words as said; "" when it names none closely enough, or is more than a
// few words, or reads as a person's name (a name typed a step early is no council).
func (b *Bot) mistypedCouncil(v string) (org, said string) {
	if b.Closest == nil {
		return "", ""
	}
	said = strings.TrimSpace(strings.Split(v, ",")[0])
	said = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(said), " council"), " area"))
	if n := len(strings.Fields(said)); n == 0 || n > 3 || strings.ContainsAny(said, "0123456789") || b.personsName(said) {
		// (A postcode's district, "mk17", is near another's and says nothing of a council.)
		return "", ""
	}
	meant, ok := b.Closest(said)
	if !ok || !slices.Contains(b.Orgs, meant) {
		return "", ""
	}
	return meant, said
}

// councilOfServices is the one council whose privacy notices are the services named (as
// servicesIn writes them) by their titles, the Employment Support Services notice being
// Milton Keynes's alone; "" when a service is in no notice's title, or in more than one
// council's.
func (b *Bot) councilOfServices(services string) string {
	var names []string
	for _, service := range serviceNamesRe.FindAllString(services, -1) {
		found := false
		for _, n := range b.Notices {
			if strings.Contains(strings.ToLower(n.Title), strings.ToLower(service)) {
				names, found = append(names, n.Organisation), true
			}
		}
		if !found {
			return ""
		}
	}
	return b.theOneCouncil(names)
}
