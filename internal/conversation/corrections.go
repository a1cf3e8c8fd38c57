package conversation

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/editdist"
	"github.com/privacybot/privacybot/internal/redact"
	"github.com/privacybot/privacybot/internal/rights"
)

// Corrections mid-request. A resident who sees a mistake in what they gave says so at whatever
// step the bot has reached ("oh wait, the email is wrong, it's …", "sorry, my name is actually
// Katherine Hill not Kate"): read as the answer to the step, the correction became the service or
// was added to the details, and the case went to the DPO with the wrong name or address.

var (
	// myNameRe is the requester giving or correcting their own name: "my name is actually
	// Katherine Hill", "my name should be …", "my full name's …". Only "my name": in "my son's
	// name is Tom" the name is someone else's.
	myNameRe = regexp.MustCompile(`(?i)\bmy ` + nameIsTail)
	// theirNameRe is someone else's name given or corrected: "sorry, his name is actually Jon
	// Browne" (an adviser of the caller, or a resident of the person the request is for).
	theirNameRe = regexp.MustCompile(`(?i)\b(?:his|her|their|the (?:requester|caller|customer|resident|client|person)(?:'s|’s|s)|my (?:\w+ )?` + relativeWords + `(?:'s|’s|s))\s+` + nameIsTail +
		`|\bthe person (?:it'?s|it is|the request is) for (?:is|should be)\s+(?:actually\s+)?(.+)`)
	// surnameRe corrects only a surname, or only a first name: "her surname is Hall not Hal",
	// "her surname is spelt A-L-Y", "his dad's surname is Wilson", "her first name is spelt
	// Mohamed". Group 1 is whose ("her", "my"), group 2 who they are to the requester when said
	// ("dad"), group 3 which name, group 4 the name (a QA pass took "spelt" for it).
	surnameRe = regexp.MustCompile(`(?i)\b(?:(his|her|their|my|the)\s+)?(?:(?:\w+\s+)?(` + relativeWords + `)(?:'s|’s|s)\s+)?(surname|last name|family name|first name|forename|given name|christian name)` +
		`(?:\s+is|\s+should be|\s+was|'s)?\s+(?:actually\s+)?(?:(?:spelt|spelled|written)\s+(?:as\s+|like\s+)?)?(` + spelledOutPattern + `|[\p{L}'’-]+)`)
	// relativesNameRe is the name of the requester's relative given or corrected, in an adviser's
	// words or a resident's: "his dad's name is Francis Wilson", "sorry the dad's name is Francis
	// Wilson not Frank", "my mum's name should be …". Group 1 runs on from the name.
	relativesNameRe = regexp.MustCompile(`(?i)\b(?:(?:my|his|her|their|the)\s+)?(?:\w+\s+)?` + relativeWords + `(?:'s|’s|s)\s+` + nameIsTail)
	// bareNameFixRe opens a name given to correct one said before: "oops, it's Joan Hall", "I
	// meant Joan Hall", "sorry, it's Jon Browne".
	// The lead may say it is a typo ("typo, should be Jane Doe", "my mistake, it's Jane").
	bareNameFixRe = regexp.MustCompile(`(?i)^\s*(?:(?:oops|whoops|sorry|no|wait|oh|ah|actually|typo|a typo|my mistake|my bad|correction|hang on|hold on)[\s,.:!-]+)*` +
		`(?:i meant|i mean|it'?s|its|it is|it should be|should be|it should have been|should have been|it was meant to be)\s+(?:actually\s+)?(.+)$`)
	// meantRe opens a reply that takes back what was just said: "sorry I meant", "oops, I mean",
	// "no, I meant to type". What follows it is the answer meant, never part of it (a name was
	// saved as "I meant Jane", and "I meant yes" at the summary got the generic reply).
	meantRe = regexp.MustCompile(`(?i)^\s*(?:(?:no|sorry|oops|wait|oh|ah|actually)[\s,.!-]+)*i\s+mean(?:t)?\b(?:\s+to\s+(?:say|type|write|put))?\s*[,:;.!-]?\s*`)
	// changeNameRe asks for the name to be changed: "change my name to Tomas Hardy", "the name
	// should be Tomas Hardy".
	changeNameRe = regexp.MustCompile(`(?i)\b(?:(?:change|update|correct|amend)\s+(?:my|the)\s+name\s+to|the\s+name\s+(?:should\s+be|is)(?:\s+(?:spelt|spelled))?)\s+(.+)`)
	// nameEndRe is where a name given in a sentence ends: "Katherine Hill not Kate", "David
	// Pritchard, 14 Oakridge Road", "Jo Bloggs and I want a copy".
	nameEndRe = regexp.MustCompile(`(?i)[,;:!?()]|\p{L}{2}(\.)(?:\s|$)|\s(?:not|rather than|instead(?: of)?|and|but|from|of|at|in|living|i|i'?m|please|thanks|thank you|here)(?:\s|$)`)
	// notOldRe is a correction that says what it replaces: "Katherine Hill not Kate", "it's
	// sarah.okafor1982@gmail.com not 82".
	notOldRe = regexp.MustCompile(`(?i)\b(?:not|rather than|instead of)\s+([^\s,.;!?]+(?:\s+[^\s,.;!?]+)?)`)
	// leadInRe is what people put before an answer without it being part of it: "sorry, ",
	// "i already told you, ", "oh wait ". Not words that are also names ("So", "Well"), and "no"
	// only with its comma.
	leadInRe = regexp.MustCompile(`(?i)^\s*(?:(?:(?:ok(?:ay)?|oh|ah|oops|sorry|wait|yes|yeah|hi|hello|um+|erm|actually|as i said|like i said|as i (?:already )?(?:said|told you)|i (?:already |just )?(?:told you|said|gave (?:it|you it|you that|you my name))|already told you)(?:\s+(?:before|already|earlier|above))?[\s,.:;!-]+)|no[,.!]\s*)+`)
	// contactWordRe names a way of being contacted.
	contactWordRe = regexp.MustCompile(`(?i)\b(?:e-?mail|email address|phone|mobile|number|tel|telephone|contact|address)\b`)
	// phoneWordRe names a phone: only then is a number in a correction taken for one.
	phoneWordRe = regexp.MustCompile(`(?i)\b(?:phone|mobile|number|tel|telephone|landline|call me|ring me|text me)\b`)
	// fixCueRe says a message corrects something: "wrong", "typo", "should be", "actually". It
	// governs names; a contact changes on contactFixRe, whose cues are the contact's own.
	fixCueRe = regexp.MustCompile(`(?i)\b(?:wrong|typo|mistake|misspelt|incorrect|sorry|oops|wait|actually|should (?:be|say|read)|meant|instead|not|except|change|changed|update|correct|correction|new)\b`)
	// contactFixRe is a message correcting the resident's contact, its cue about the contact word:
	// "the email is wrong", "my number should be …", "my new email is …", "use my mobile …
	// instead". Not "emails sent to my old address x@…, not my current one", or "the email housing
	// sent from repairs@…, not the letters": there "not" and the e-mail address belong to the
	// details.
	contactFixRe = regexp.MustCompile(`(?i)\b(?:my|the|that|this)\s+(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|number|contact(?: details)?)(?:'s|\s+(?:is|was|has))?\s+(?:(?:wrong|incorrect|misspelt|misspelled|mistyped|a typo|a mistake|out of date|changed|actually|really|now)\b|should (?:be|say|read)\b)|` +
		`\b(?:wrong|incorrect|misspelt|misspelled|mistyped|new|correct|right|updated|proper)\s+(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|number|contact(?: details)?)\b|` +
		`\btypo\b|\b(?:e-?mail|number|address|phone|mobile|contact(?: details)?) (?:i|that i|you) (?:gave|typed|put|have)\b|\b(?:gave|typed|put) (?:you )?(?:the |a )?wrong\b|` +
		`\b(?:use|try|contact me (?:at|on)|e-?mail me (?:at|on)|call me on|ring me on|text me on|reach me (?:at|on)|send (?:it|everything|the reply) to)\b[^.?!]{0,50}\binstead\b`)
	// correctionLeadRe opens a message that takes back what was said: "no wait, ", "sorry - ".
	correctionLeadRe = regexp.MustCompile(`(?i)^\s*(?:(?:no|sorry|oops|wait|actually|oh|hang on|hold on)(?:\s*[,.:;!-]\s*|\s+))+`)
	// theirContactRe is the requester's contact as an adviser gives it: "his phone is …", "her
	// email should be …".
	theirContactRe = regexp.MustCompile(`(?i)\b(?:his|her|their|the (?:requester|caller)(?:'s|’s|s))\s+(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|number|contact(?: details)?)(?:'s|\s+(?:is|was|should be))\b`)
	// ownContactRe is the request's own contact named as such: in a request to correct records,
	// "my email is wrong, it should be …" at the details step is what to correct, but "the email I
	// gave you is wrong" is the contact.
	ownContactRe = regexp.MustCompile(`(?i)\b(?:contact(?: details)?|typo|(?:e-?mail|number|address|phone) (?:i|that i|you) (?:gave|typed|put|have)|(?:gave|typed) (?:you )?(?:the )?wrong)\b`)
	// phoneInRe is a phone number within a message.
	phoneInRe = regexp.MustCompile(phonePattern)
	// contactLeadRe is the label before a contact given alone: "my email is", "it's", "use".
	contactLeadRe = regexp.MustCompile(`(?i)^\s*(?:(?:please\s+)?(?:you can\s+)?(?:use|try|email me at|(?:contact|call|ring|text|phone|reach) me (?:at|on)|send it to)\s+|(?:my |the )?(?:new |correct |right )?(?:e-?mail(?: address)?|phone(?: number)?|mobile(?: number)?|number|contact)(?: is| should be|'s)?\s*:?\s*|it'?s\s+|its\s+|it is\s+)+`)
	// introNameRe is a first message that gives the requester's name: "My name is David
	// Pritchard, 14 Oakridge Road, … I want a copy of my data", "I'm called Jo Bloggs and …".
	introNameRe = regexp.MustCompile(`(?i)(?:^|[.!?,]\s*|\b(?:hi|hello|dear \w+)[,!.]?\s+)(?:my (?:full )?name is|my name's|i am called|i'm called|im called|name:)\s+(.+)`)
	// introFullNameRe is a first message that opens with the requester's full name, capitalised:
	// "I'm Priya Sharma, I want a copy of my data", "This is Gary Oldman, please delete…",
	// "Priya Sharma here, …". Group 1 runs on from the name, as introNameRe's does.
	introFullNameRe = regexp.MustCompile(`^\s*(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Gg]ood (?:morning|afternoon|evening))[,!.]?\s+)?(?:(?:[Ii]'m|[Ii]’m|[Ii]m|[Ii] am|[Tt]his is|[Ii]t's|[Ii]t’s)\s+([A-Z][\p{L}'’-]+\s+[A-Z][\p{L}'’-]+.*)|([A-Z][\p{L}'’-]+\s+[A-Z][\p{L}'’-]+)\s+here\b.*)`)
	// labelledContactRe is a contact a first message says is the requester's: "my email is …",
	// "contact me on …". An address in it without such words may be anyone's ("the emails I
	// sent to housing@…").
	labelledContactRe = regexp.MustCompile(`(?i)(?:\b(?:my (?:e-?mail(?: address)?|(?:tele)?phone(?: number)?|mobile(?: number)?|landline(?: number)?|number|contact)(?: is)?|(?:e-?mail|contact|call|ring|text) me (?:at|on))|(?:^|[.!?;,]\s*)(?:e-?mail|mobile|phone|tel|contact)\b)\s*:?\s*(` +
		anyEmailRe.String() + `|` + phonePattern + `)`)
	// houseRe is the first line of a postal address: a number or a house name, then a street.
	houseRe = regexp.MustCompile(`(?i)^\s*(?:(?:flat|apartment) \w+,?\s*)?\d+[a-z]?\s+\S+`)
)

// spelledOutPattern is a name spelt out letter by letter, as an adviser types what a caller
// spells: "A-L-Y", "A L Y" (three letters at least: "J-P" and "J K" are initials).
const spelledOutPattern = `\p{L}(?:-\p{L}){2,}\b|\p{L}(?:\s+\p{L}){2,}\b`

// spelledOutRe is a name spelt out within a name.
var spelledOutRe = regexp.MustCompile(`(?:^|\b)(?:` + spelledOutPattern + `)`)

// unspelt is a name with any word spelt out letter by letter written as the word: "A-L-Y" is
// Aly (a QA pass changed a name to "A-L-Y").
func unspelt(name string) string {
	return spelledOutRe.ReplaceAllStringFunc(name, func(spelt string) string {
		letters := []rune(strings.ToLower(strings.Map(func(r rune) rune {
			if r == '-' || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, spelt)))
		letters[0] = unicode.ToUpper(letters[0])
		return string(letters)
	})
}

// withNameWord is old with said in place of the word of it that said corrects, when said is one
// word and old has more ("her name is spelt Aly" of Mohammed Ali is Mohammed Aly: a QA pass made
// it "Aly"); said itself when it is a whole name. ok is false when no word of old is near enough
// to said to tell which it corrects: that is asked, not guessed.
func withNameWord(old, said string) (name string, ok bool) {
	words := strings.Fields(old)
	if len(strings.Fields(said)) != 1 || len(words) < 2 {
		return said, true
	}
	best, nearest := -1, 0
	for i, w := range words {
		d := editdist.Distance(strings.ToLower(w), strings.ToLower(said))
		most := 1 // "Ali" and "Aly"; a longer name may be two letters out ("Mohamed", "Muhammad")
		if utf8.RuneCountInString(said) > 5 {
			most = 2
		}
		if d <= most && (best < 0 || d < nearest) {
			best, nearest = i, d
		}
	}
	if best < 0 {
		return "", false
	}
	words[best] = said
	return strings.Join(words, " "), true
}

// nameIsTail is "name is …" as a name is given or corrected, after whose name it is: "name is
// actually Katherine Hill", "name should be spelt …", "name's …". Group 1 runs on from the name.
const nameIsTail = `(?:full |real |proper |actual )?name(?:\s+(?:is|was)\s+(?:wrong|incorrect|misspelt|misspelled|spelt wrong|spelled wrong|mistyped)[\s,.:;!-]*(?:(?:it'?s|its|it is|it should be|should be)\s+)?` +
	`|(?:\s+is\s+(?:actually\s+)?(?:spelt|spelled)(?:\s+as)?|\s+should\s+be\s+(?:spelt|spelled)(?:\s+as)?|'s|\s+is|\s+should (?:be|say|read))\s+(?:actually\s+|really\s+|in fact\s+)?)(.+)`

// meantAnswer is a reply without the "sorry I meant" that opens it: "sorry I meant Jane" is
// "Jane". A reply that is nothing else is kept as it is.
func meantAnswer(v string) string {
	if rest := meantRe.ReplaceAllString(v, ""); strings.TrimSpace(rest) != "" {
		return rest
	}
	return v
}

// nameGiven is the requester's own name in a message that gives or corrects it ("sorry my name
// is actually Katherine Hill not Kate"), or "" when it gives none that reads as a name.
func (b *Bot) nameGiven(v string) string {
	m := myNameRe.FindStringSubmatch(v)
	if m == nil {
		if m = changeNameRe.FindStringSubmatch(v); m == nil {
			return ""
		}
	}
	return b.nameFrom(m[1])
}

// nameFrom is the name at the start of text, up to where the sentence goes on; "" when that is
// no name ("Buckinghamshire", "wrong", "12 High Street").
func (b *Bot) nameFrom(text string) string {
	if loc := nameEndRe.FindStringSubmatchIndex(text); loc != nil {
		end := loc[0]
		if loc[2] >= 0 {
			end = loc[2] // "Jo Bloggs. I want…" ends at its full stop; "J. Bloggs" goes on
		}
		text = text[:end]
	}
	name := unspelt(strings.TrimSpace(text))
	if name == "" || !looksLikeName(name) || len(b.councilsNamed(name)) > 0 || withheldRe.MatchString(name) || notAValueRe.MatchString(name) {
		return ""
	}
	return name
}

// replacedName is the name in a message that says which name it replaces ("Katherine Hill, not
// Kate" when the name given was Kate Hill), or "".
func (b *Bot) replacedName(it *intake, v string) string {
	m := notOldRe.FindStringSubmatchIndex(v)
	if m == nil || it.name == "" || !sharesWord(it.name, v[m[2]:m[3]]) {
		return ""
	}
	return b.nameFrom(strings.TrimSpace(leadInRe.ReplaceAllString(v[:m[0]], "")))
}

// sharesWord reports whether old has a word of said (a name's "Kate" in "not Kate").
func sharesWord(old, said string) bool {
	for _, w := range strings.Fields(strings.ToLower(said)) {
		for _, o := range strings.Fields(strings.ToLower(old)) {
			if w == o {
				return true
			}
		}
	}
	return false
}

// contactsIn are the e-mail addresses and phone numbers in a message, in order, each once.
func contactsIn(v string) []string {
	type at struct {
		i int
		s string
	}
	var found []at
	emails := anyEmailRe.FindAllStringIndex(v, -1)
	for _, m := range emails {
		found = append(found, at{m[0], v[m[0]:m[1]]})
	}
	for _, m := range phoneInRe.FindAllStringIndex(refsMasked(v), -1) {
		p := strings.TrimSpace(v[m[0]:m[1]])
		if n := countDigits(p); n < 10 || n > 13 || !phoneLead(p) || insideAny(m[0], emails) {
			continue // an account or a reference, or the digits of an e-mail address
		}
		found = append(found, at{m[0], p})
	}
	slices.SortStableFunc(found, func(a, b at) int { return a.i - b.i }) // the one said first is the one meant
	var out []string
	for _, f := range found {
		if !slices.ContainsFunc(out, func(o string) bool { return sameContact(o, f.s) }) {
			out = append(out, f.s)
		}
	}
	return out
}

func insideAny(i int, spans [][]int) bool {
	for _, s := range spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

// sameContact reports whether two contacts are one, however punctuated or capitalised.
func sameContact(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '-' || r == '(' || r == ')' {
				return -1
			}
			return r
		}, strings.ToLower(s))
	}
	return norm(a) == norm(b)
}

// correctedContact is the contact a message gives in place of the one the request has, and any
// other it gives beside it ("it's x@… or my mobile 07…"); ok is false when it corrects none.
// At the contact step a contact is the answer, not a correction; at "Which council?", where a
// contact given early is noted (detailsBeside), only one the message says is a correction ("oh
// sorry wrong email, it's …") is one: a contact alone there is read as it always was. A phone number is returned
// though it is no full number ("actually my number is 0790 123"), to be asked about; phoneAgain,
// the number was asked for again, and the message may be it alone.
func correctedContact(it *intake, v string, phoneAgain bool) (contact string, others []string, ok bool) {
	if it.contact == "" || it.step == StepContact {
		return "", nil, false
	}
	// "it's oh seven seven double one …": read as the same words typed with the number in digits
	// (a QA pass filed it as the service, and the old number stayed).
	v = redact.SpokenPhonesInDigits(v)
	var fresh []string
	for _, c := range contactsIn(v) {
		if !sameContact(c, it.contact) {
			fresh = append(fresh, c)
		}
	}
	if len(fresh) == 0 {
		// "actually my number is 0790 123": too few digits for contactsIn (a reference's, an
		// account's), but a number the message calls the phone, and nothing else.
		said := strings.Trim(contactLeadRe.ReplaceAllString(leadInRe.ReplaceAllString(v, ""), ""), " .,!;:")
		if !shortPhoneRe.MatchString(said) || countDigits(said) < 6 || !phoneWordRe.MatchString(v) {
			return "", nil, false
		}
		fresh = []string{said}
	}
	contact, others = fresh[0], fresh[1:]
	email := emailRe.MatchString(contact)
	// Says what it replaces: "…1982@gmail.com not 82" when the address given was …82@gmail.com.
	m := notOldRe.FindStringSubmatch(v)
	replaces := m != nil && strings.Contains(strings.ToLower(it.contact), strings.ToLower(strings.Trim(m[1], "'\"")))
	// Nothing but the contact: "my email is jo2@example.com", "jo2@example.com".
	alone := strings.TrimSpace(strings.Trim(strings.Replace(contactLeadRe.ReplaceAllString(leadInRe.ReplaceAllString(v, ""), ""), contact, "", 1), " .,!;:")) == "" ||
		strings.EqualFold(strings.TrimSpace(strings.TrimRight(strings.Replace(v, contact, "", 1), " .!")), "please")
	// Said to correct the contact: bare "not" or "new" anywhere in a message ("emails sent to my
	// old address x@…, not my current one") say nothing of it.
	cue := contactFixRe.MatchString(v)
	switch {
	case it.step == StepOrg && !replaces && !cue:
		return "", nil, false
	case replaces:
	case it.typ == rights.Rectification && it.step == StepDescription:
		// "my email on file is wrong, it should be jo2@…" is what the request asks to correct.
		if !ownContactRe.MatchString(v) {
			return "", nil, false
		}
	case email && (alone || cue):
	case it.loggedByAdviser() && theirContactRe.MatchString(v):
		// "his phone is 07700 900999": the caller's, in an adviser's chat.
	case !email && cue && phoneWordRe.MatchString(v):
	case !email && alone && (it.step == StepName || it.step == StepOnBehalfOf || it.step == StepService):
		// A number alone at the details or the summary may be an account or a reference.
	case !email && alone && (phoneWordRe.MatchString(v) || phoneAgain):
		// Unless the words before it call it a phone, and nothing else is said: "call me on
		// 07900 123456", "my mobile is …" at the summary (a QA pass: the generic reply, or the
		// contact asked again from the start).
	default:
		return "", nil, false
	}
	if _, err := ContactOf(contact); err != nil && email && mistypedEmail(contact) == "" {
		return "", nil, false // a mistyped e-mail address is asked about (correction), a wrong number too
	}
	return contact, others, true
}

// signOffRe is a letter's or e-mail's signature at the end of a message: "Yours faithfully, Mrs
// Patricia Collins", "Kind regards,\nJohn Smith". Group 1 is the name, without its title.
var signOffRe = regexp.MustCompile(`(?i:yours (?:faithfully|sincerely|truly)|kind regards|best regards|best wishes|many thanks|regards)[,.]?\s+(?:(?i:mr|mrs|ms|miss|mx|dr)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*[.!]?\s*$`)

// introducedName is the requester's name in the message that starts a request, when it says
// it ("My name is David Pritchard, 14 Oakridge Road, …", or signs it as a letter is signed), and
// what follows it.
func (b *Bot) introducedName(text string) (name, rest string) {
	full := false
	m := introNameRe.FindStringSubmatchIndex(text)
	if m == nil {
		if s := signOffRe.FindStringSubmatch(text); s != nil {
			// "… Yours faithfully, Mrs Patricia Collins": the writer signs the letter they paste
			// (a QA pass: the name was asked for again, and "Patricia Collins, as I said" filed).
			if name := b.nameFrom(s[1]); name != "" {
				return name, ""
			}
		}
		// "I'm Priya Sharma, …", "This is Gary Oldman, …", "Priya Sharma here, …": a full name,
		// capitalised (so "I'm fed up" and "this is urgent" are none), opening the message or a
		// sentence of it ("Please delete my data. I'm John Smith, …").
		for _, start := range append(sentenceStarts(text), introClauseStarts(text)...) {
			if m = introFullNameRe.FindStringSubmatchIndex(text[start:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += start
					}
				}
				break
			}
		}
		if m == nil {
			return "", ""
		}
		if m[2] < 0 {
			m = m[2:] // "Priya Sharma here": the name is its second group
		}
		full = true
	}
	after := text[m[2]:m[3]]
	name = b.nameFrom(after)
	if name == "" || full && !ownFullName(name, after[len(name):]) {
		return "", ""
	}
	return name, strings.TrimSpace(strings.TrimPrefix(after, name))
}

// sentenceStarts are where a message's sentences start: 0, and after each full stop, question or
// exclamation mark followed by a space.
func sentenceStarts(text string) []int {
	starts := []int{0}
	for i := 1; i < len(text); i++ {
		if text[i] == ' ' && strings.ContainsRune(".!?", rune(text[i-1])) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// introClauseStarts are where a clause after a comma introduces the writer: "I want to see my
// data, I'm John Carter, john.carter@…" (a QA pass asked for the name and the e-mail again). Only
// "I'm"/"I am" clauses: "…, it's Council Tax" and "…, this is Urgent" name no one.
func introClauseStarts(text string) []int {
	var starts []int
	for _, m := range introClauseRe.FindAllStringSubmatchIndex(text, -1) {
		starts = append(starts, m[2])
	}
	return starts
}

// introClauseRe is a comma before "I'm …" or "I am …"; the clause starts after it.
var introClauseRe = regexp.MustCompile(`,\s*((?:[Ii]'m|[Ii]’m|[Ii]m|[Ii] am)\s)`)

// ownFullName reports whether two capitalised words opening a message ("I'm Priya Sharma") are
// the writer's name: not someone else's with what the writer is to them ("I'm Jane Smith's
// mother"), nor how they feel or a greeting ("I'm Very Upset", "Good Morning here").
func ownFullName(name, next string) bool {
	if strings.HasPrefix(next, "'") || strings.HasPrefix(next, "’") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if notAFullNameWord[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return false
		}
	}
	return true
}

// notAFullNameWord are the capitalised words that open a message without naming anyone.
var notAFullNameWord = map[string]bool{"very": true, "so": true, "really": true, "quite": true, "not": true, "just": true,
	"totally": true, "extremely": true, "good": true, "morning": true, "afternoon": true, "evening": true, "upset": true,
	"angry": true, "annoyed": true, "worried": true, "confused": true, "disappointed": true, "fed": true, "sorry": true}

// introducedContact is the contact the message that starts a request gives as the requester's:
// one it labels as theirs ("my email is …"), or a postal address written straight after their
// name ("My name is David Pritchard, 14 Oakridge Road, Bletchley, MK3 6AB, I want …"), up to its
// postcode. "" when it gives none.
func introducedContact(text, afterName string) string {
	if m := labelledContactRe.FindStringSubmatch(text); m != nil {
		if c, err := ContactOf(strings.TrimSpace(m[1])); err == nil {
			return c.Value
		}
	}
	if cs := contactsIn(afterName); len(cs) > 0 && strings.HasPrefix(strings.TrimLeft(afterName, " ,-:"), cs[0]) {
		// "I'm Dave Smyth, dave.smyth@btinternet.com, …": given straight after the name, the
		// writer's own.
		if c, err := ContactOf(cs[0]); err == nil {
			return c.Value
		}
	}
	parts := strings.Split(strings.TrimLeft(afterName, " ,"), ",")
	if len(parts) == 0 || !houseRe.MatchString(parts[0]) || !streetRe.MatchString(parts[0]) {
		return ""
	}
	for i := 0; i < len(parts) && i < 5; i++ {
		if loc := postcodeRe.FindStringIndex(parts[i]); loc != nil {
			address := strings.Join(append(append([]string{}, parts[:i]...), parts[i][:loc[1]]), ",")
			address = strings.Join(strings.Fields(address), " ")
			if c, err := ContactOf(address); err == nil && c.Kind == dpo.ContactPostal {
				return address
			}
			return ""
		}
	}
	return ""
}

// ownNameRe is the request's own name named as such: in a request to correct records, "my name
// should be Katherine Hill" at the details step is what to correct, but "I typed my name wrong"
// is the requester's.
var ownNameRe = regexp.MustCompile(`(?i)\b(?:typo|(?:typed|spelt|spelled|put|gave) (?:you )?my name (?:wrong|incorrectly)|name (?:i|that i) (?:gave|typed|put))\b`)

// correction applies a correction of the requester's name or contact made at any step but the
// one asking for it, and says what changed; ok is false when the message corrects neither. The
// step stays where it was: its question is asked again.
func (b *Bot) correction(it *intake, v string, phoneAgain bool) (text string, ok bool) {
	if contact, others, found := correctedContact(it, v, phoneAgain); found {
		if meant := mistypedEmail(contact); meant != "" {
			// "sorry, my email is actually tom@hotmial.com" at the details was filed as the
			// details: the address meant is asked about, the contact kept meanwhile.
			return it.didYouMean(mistypedLead, meant), true
		}
		if _, err := ContactOf(contact); err != nil {
			// "actually my number is 0790 123" at the summary wiped the contact, saying nothing
			// of why: the number is asked about as the contact step asks it, and the contact
			// kept meanwhile.
			text = it.questionContact(contact, err)
			it.phoneAgain = true
			return text + " I've kept the contact as " + it.contact + "; type the number again to change it.", true
		}
		// The contact replaced was wrong: it is no other way to reach them either, and the team
		// would see two addresses (a web QA pass).
		old := it.contact
		it.drop(old)
		it.contact = contact
		it.others = slices.DeleteFunc(it.others, func(o string) bool { return sameContact(o, old) || sameContact(o, contact) })
		it.addOthers(others)
		text = "I've changed the contact to " + contact + "."
		if len(others) > 0 {
			text += " " + othersNote(others)
		}
		return text, true
	}
	if it.step == StepName || it.step == StepOrg {
		return "", false // the name step reads a name itself; before it, there is none to correct
	}
	if it.name != "" && strings.EqualFold(nameIn(v), it.name) {
		// "i already told you, David Pritchard", the name taken from the first message: nothing
		// to change, and it is no service or detail.
		return "I have " + it.yourName() + " as " + it.name + " already.", true
	}
	if text, ok := b.theirNameCorrection(it, v); ok {
		return text, true
	}
	name := b.nameGiven(v)
	if name == "" {
		name = b.replacedName(it, v)
	}
	if lead := correctionLeadRe.FindString(v); name == "" && it.step == StepContact && lead != "" {
		// "no wait, Mary Jones-Smith" at the contact step: the name given before, corrected (it
		// was refused as no contact, and the name lost). Only a name sharing a word with it.
		if n := b.nameFrom(nameIn(v[len(lead):])); n != "" && sharesWord(it.name, n) && contactIn(v) == "" {
			name = n
		}
	}
	switch {
	case name == "" || strings.EqualFold(name, it.name):
		return "", false
	case it.step == StepContact && (len(contactsIn(v)) > 0 || contactIn(v) != ""):
		return "", false // "my name's Jo, email jo@…" answers the contact step
	case it.step == StepDescription && it.typ == rights.Rectification && !ownNameRe.MatchString(v):
		return "", false // "my name should be Kate Hill" may be what the records are to say
	case it.step == StepDescription && !fixCueRe.MatchString(v):
		return "", false // "my name is Jo Bloggs and I want the housing emails": details
	case it.step == StepOnBehalfOf && !fixCueRe.MatchString(v):
		return "", false // their name, asked for now, may be written "my name is…" by mistake
	}
	return it.renamed(&it.name, name), true
}

// sentenceSepRe ends a sentence of a message, or failing that a clause: where a name corrected
// beside a contact stops ("sorry my name is actually Jessica Moore not Jess. phone me on …").
var (
	sentenceSepRe = regexp.MustCompile(`[.!?;]+\s+`)
	clauseSepRe   = regexp.MustCompile(`[.!?;,]+\s+`)
)

// nameFixedBeside is a correction of the requester's name said in its own sentence (or clause) of
// a reply at the contact step that gives the contact in another ("sorry my name is actually
// Jessica Moore not Jess. phone me on 07700 900456 but only text dont call"): the name, and the
// message without that sentence, which answers the step. "" when the message corrects no name so,
// or gives no contact beside it (the step's own reading then stands: "my name's Jo, email jo@…").
func (b *Bot) nameFixedBeside(it *intake, v string) (name, rest string) {
	if it.name == "" || it.step != StepContact {
		return "", ""
	}
	for _, sep := range []*regexp.Regexp{sentenceSepRe, clauseSepRe} {
		start := 0
		for _, at := range append(sep.FindAllStringIndex(v, -1), []int{len(v), len(v)}) {
			part := v[start:at[0]]
			if len(contactsIn(part)) == 0 && contactIn(part) == "" && fixCueRe.MatchString(part) {
				n := b.nameGiven(part)
				if n == "" {
					n = b.replacedName(it, part)
				}
				if n != "" && !strings.EqualFold(n, it.name) {
					rest = strings.TrimSpace(v[:start] + v[at[1]:])
					if len(contactsIn(rest)) > 0 || contactIn(rest) != "" {
						return n, rest
					}
				}
			}
			start = at[1]
		}
	}
	return "", ""
}

// yourName is what the bot calls the requester's name: "your name" to a resident, "the
// requester's name" to an adviser logging a request for a caller.
func (it *intake) yourName() string {
	if it.loggedByAdviser() {
		return "the requester's name"
	}
	return "your name"
}

// theirNameCorrection applies "his name is actually Jon Browne": in an adviser's chat the
// requester's name (the caller is "he"), unless it shares a word with the name of the person the
// request is for and not with the caller's; in a resident's, the name of the person the request
// is for. ok is false when the message gives no such name, or there is none it can correct.
func (b *Bot) theirNameCorrection(it *intake, v string) (text string, ok bool) {
	if it.step == StepOnBehalfOf && !it.loggedByAdviser() || it.step == StepName || it.step == StepOrg {
		return "", false // asked for now, a name is the step's answer
	}
	if text, ok := b.surnameCorrection(it, v); ok {
		return text, true
	}
	if m := relativesNameRe.FindStringSubmatch(v); m != nil {
		// "his dad's name is Francis Wilson", "sorry the dad's name is Francis Wilson not Frank":
		// the person the request is for, never the requester (a QA pass asked the requester's
		// name again and put the dad's in its place, or refused it as no contact).
		name := b.nameFrom(m[1])
		if name == "" || !it.onBehalf || it.step == StepOnBehalfOf || it.step == StepDescription && !fixCueRe.MatchString(v) {
			return "", false // asked for now, their name is the step's answer; in the details, details
		}
		return it.renamed(&it.onBehalfOf, name), true
	}
	m := theirNameRe.FindStringSubmatchIndex(v)
	if m == nil {
		return b.bareNameCorrection(it, v)
	}
	name := b.nameFrom(submatch(v, m, 1) + submatch(v, m, 2))
	if name == "" || it.step == StepDescription && !fixCueRe.MatchString(v) {
		return "", false // "her name is Jo and she wants the housing emails": details
	}
	pronoun, _, _ := strings.Cut(v[m[0]:m[1]], " ")
	theirs := it.onBehalf && it.onBehalfOf != "" && (!it.loggedByAdviser() || sharesWord(it.onBehalfOf, name) && !sharesWord(it.name, name)) ||
		it.pronounIsTheirs(pronoun)
	switch {
	case theirs:
		if strings.EqualFold(name, it.onBehalfOf) {
			return "", false
		}
		return it.renamed(&it.onBehalfOf, name), true
	case it.loggedByAdviser() && it.name != "":
		return it.renamed(&it.name, name), true
	}
	return "", false
}

// submatch is group n of a match m of v (FindStringSubmatchIndex), or "" when it took no part.
func submatch(v string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return v[m[2*n]:m[2*n+1]]
}

// renamed puts name in place of the requester's name or the name of the person the request is
// for (whose is the field it is given), or the word of it that name corrects when name is one
// word ("her name is spelt Aly"), and says what it did: the name as it was when nothing changed,
// and the full name asked for when it cannot tell which word one corrects.
func (it *intake) renamed(whose *string, name string) string {
	label := it.yourName()
	if whose == &it.onBehalfOf {
		label = "the name of the person the request is for"
	}
	full, ok := withNameWord(*whose, name)
	switch {
	case !ok:
		return fmt.Sprintf("I have %s as %s, and can't tell which part of it %s replaces: please give the full name as it should be.", label, *whose, name)
	case strings.EqualFold(full, *whose):
		return fmt.Sprintf("I have %s as %s already.", label, *whose)
	}
	*whose = full
	return fmt.Sprintf("I've changed %s to %s.", label, full)
}

// bareNameCorrection applies "oops, it's Joan Hall" or "I meant Joan Hall" to the name it
// corrects: the one of the request's names it shares a word with (the person's it is for, or the
// requester's), not another step's answer (a QA pass filed it as the service).
func (b *Bot) bareNameCorrection(it *intake, v string) (string, bool) {
	m := bareNameFixRe.FindStringSubmatch(v)
	if m == nil || it.step == StepContact && contactIn(v) != "" {
		return "", false
	}
	name := b.nameFrom(m[1])
	if name == "" {
		return "", false
	}
	if len(strings.Fields(name)) < 2 {
		// One word ("sorry I meant Jane" of Janet Doe): the word of a name it is a letter or
		// two from, the rest kept (a verifying QA pass: refused as no contact, or saved as the
		// service). A word near none is no name correction ("sorry I meant Housing").
		return b.oneNameWordCorrection(it, name)
	}
	// The name it is nearer: a family shares a surname, so a first name counts for more ("sorry,
	// it's Mary Smith" corrects Mary Smtih, not her son John Smith; a review).
	theirs, own := nameNearness(it.onBehalfOf, name), nameNearness(it.name, name)
	switch {
	case theirs > own && !strings.EqualFold(it.onBehalfOf, name):
		it.onBehalfOf = name
		return "I've changed the name of the person the request is for to " + name + ".", true
	case own > theirs && !strings.EqualFold(it.name, name):
		it.name = name
		return "I've changed " + it.yourName() + " to " + name + ".", true
	}
	return "", false
}

// oneNameWordCorrection applies one word said to correct a name to the name with a word it is a
// letter or two from: the requester's, else the person the request is for's.
func (b *Bot) oneNameWordCorrection(it *intake, word string) (string, bool) {
	for _, whose := range []*string{&it.name, &it.onBehalfOf} {
		if *whose == "" {
			continue
		}
		if full, ok := withNameWord(*whose, word); ok && !strings.EqualFold(full, *whose) {
			return it.renamed(whose, word), true
		}
	}
	return "", false
}

// nameNearness is how near said is to old as a correction of it: 2 for the first name the same
// or a letter apart, and 1 for each other word so; 0 when nothing is near.
func nameNearness(old, said string) int {
	o, w := strings.Fields(strings.ToLower(old)), strings.Fields(strings.ToLower(said))
	if len(o) == 0 || len(w) == 0 {
		return 0
	}
	near := func(a, b string) bool { return a == b || len(a) >= 3 && len(b) >= 3 && editdist.Distance(a, b) <= 1 }
	n := 0
	if near(o[0], w[0]) {
		n += 2
	}
	for _, x := range w[1:] {
		for _, y := range o[1:] {
			if near(x, y) {
				n++
				break
			}
		}
	}
	return n
}

// surnameCorrection applies "her surname is Hall not Hal", or "her first name is spelt Mohamed",
// to the name whose part it is: the person the request is for's ("her", in a resident's chat, or
// "his dad's") or the requester's ("my", or an adviser's "his"/"her" of the caller).
func (b *Bot) surnameCorrection(it *intake, v string) (string, bool) {
	m := surnameRe.FindStringSubmatch(v)
	if m == nil {
		return "", false
	}
	part := unspelt(m[4]) // "her surname is spelt A-L-Y"
	if !looksLikeName(part) || len(b.councilsNamed(part)) > 0 {
		return "", false
	}
	if first, _ := utf8.DecodeRuneInString(m[4]); !unicode.IsUpper(first) && part == m[4] {
		return "", false // a name is written with a capital or spelt out: "my first name was changed by deed poll" gives none
	}
	if it.step == StepDescription && (!fixCueRe.MatchString(v) || it.typ == rights.Rectification) {
		// In the details, a name is what the request is about ("my surname Jones should be Smith
		// since I married"), unless the resident says they are correcting their own (a review:
		// the name was changed and the details lost).
		return "", false
	}
	whose := strings.ToLower(m[1])
	target := &it.name
	switch {
	case m[2] != "":
		// "his dad's surname is Wilson": the person the request is for, never the requester.
		if !it.onBehalf || it.step == StepOnBehalfOf {
			return "", false
		}
		target = &it.onBehalfOf
	case whose != "my" && it.onBehalfOf != "" && !it.loggedByAdviser() || it.pronounIsTheirs(whose):
		// A resident's "her surname" is the person the request is for; an adviser's "his" is
		// the caller's (the requester's), unless the adviser called the caller "her".
		target = &it.onBehalfOf
	}
	if *target == "" {
		return "", false
	}
	words := strings.Fields(*target)
	if which := strings.ToLower(m[3]); which == "surname" || which == "last name" || which == "family name" {
		words[len(words)-1] = part
	} else {
		words[0] = part // "her first name is spelt Mohamed"
	}
	*target = strings.Join(words, " ")
	if target == &it.onBehalfOf {
		return "I've changed the name of the person the request is for to " + *target + ".", true
	}
	return "I've changed " + it.yourName() + " to " + *target + ".", true
}

// addOthers keeps the contacts given beside the one the team will use: they go to the team in
// the request's details, not lost.
func (it *intake) addOthers(others []string) {
	for _, o := range others {
		if !sameContact(o, it.contact) && !slices.ContainsFunc(it.others, func(l string) bool { return sameContact(l, o) }) {
			it.others = append(it.others, o)
		}
	}
}

// othersNote tells the resident what happened to the contacts not used.
func othersNote(others []string) string {
	return "You also gave " + joinAnd(others) + ": I've added it to the request's details for the team."
}
