package rights

import (
	"regexp"
	"strings"
)

// Relatives are the people a resident asks for or about, as alternatives of a regular expression:
// "my son", "my mum's records", "on behalf of my client". It is the one list: the rights' readers
// of whose records a message is about and the conversation's (who "it's for my nan" is, "my
// grandson's" as the answer to whose records they are) agree on who is someone else. A plural
// stands before its singular, so that "my kids" is read as said.
const Relatives = `(?:grandchildren|grandchild|grandkids|grandkid|grandsons?|granddaughters?|grandmother|grandfather|grandma|grandpa|grandad|granddad|` +
	`children|child|kids|kid|sons|son|daughters|daughter|stepsons?|stepdaughters?|stepmum|stepdad|baby|` +
	`mummy|mum|mom|mam|mother|daddy|dad|father|parents|parent|husband|wife|partner|boyfriend|girlfriend|fiancee|fiance|ex|` +
	`brothers|brother|sisters|sister|sibling|nanna|nana|nan|granny|gran|auntie|aunty|aunt|uncle|nephew|niece|cousin|` +
	`friend|neighbour|neighbor|tenants|tenant|lodger|client|carer|patient|pupil|employee|ward)`

// relations are the words of Relatives, each a person someone names ("son", "kids").
var relations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(Relatives, "(?:"), ")"), "|") {
		if base, ok := strings.CutSuffix(w, "s?"); ok {
			m[base], m[base+"s"] = true, true
			continue
		}
		m[w] = true
	}
	return m
}()

// Whose is whose records a message asks about.
type Whose int

// Whose records a message may ask about.
const (
	// Unsaid: the message names no one's records ("delete it", "stop the letters"); a request is the
	// writer's own unless something else says otherwise.
	Unsaid Whose = iota
	// Own: the writer's own ("my data", "my housing file for my son's school application", "my ex's
	// number taken off my account").
	Own
	// Theirs: someone else's ("my mum's records", "the data you hold on my dad", "on behalf of my
	// client").
	Theirs
	// Unclear: the writer's records, for someone else ("my data for my mum"): either may be meant,
	// and the resident is asked.
	Unclear
)

// Records is whose records a message asks about, and, when they may be a relative's, who that is
// to the writer ("mum").
type Records struct {
	Whose    Whose
	Relative string
}

// RecordsOf reads whose records a message asks about. Classify's OnBehalf is its Theirs.
func RecordsOf(text string) Records {
	return recordsOf(normalize(text))
}

var (
	// ownRecords names records of the writer's: "my data", "my housing file", "my council tax
	// account", "everything you hold on me". A relative's ("my son's file") is no own record: the
	// words between "my" and the record hold no apostrophe.
	ownRecords = regexp.MustCompile(`\bmy (?:own )?(?:[a-z]+ ){0,2}?` + data + `\b|\b(?:hold|holds|have|has|held|keep|keeps|kept|about|on) me\b`)
	// ownItem names one of the writer's details, or what is theirs: "my old address", "my phone
	// number", "mine".
	ownItem = regexp.MustCompile(`\bmy (?:own )?(?:[a-z]+ ){0,2}?` + item + `\b|\bmine\b`)
	// theirsOnMine is a relative's detail on the writer's own records, to go on or come off them:
	// "my ex husband's address on my records", "my ex's phone number taken off my account", "my
	// mum's new address put on my account", "my son's name is on it too". The records are the
	// writer's; "delete my son's name from the register" is still his.
	theirsOnMine = regexp.MustCompile(`\bmy (?:late |ex )?` + relatives + `'s (?:\S+ ){0,2}?` + item + `\b(?: \S+){0,4}? (?:on|off|from|in|into|onto) (?:it|my (?:\S+ ){0,2}?` + data + `)\b`)
)

// recordsOf is RecordsOf of a normalised message.
func recordsOf(s string) Records {
	// Having received someone else's data is the writer's own grievance.
	if misdirectedRe.possible(s) {
		s = misdirectedRe.ReplaceAllString(s, " ")
	}
	own := false
	if theirsOnMine.MatchString(s) {
		s, own = theirsOnMine.ReplaceAllString(s, " my records "), true
	}
	own = own || namesOwn(s)
	relative, loc := "", behalfRelative.FindStringSubmatchIndex(s)
	if loc != nil {
		relative = s[loc[2]:loc[3]]
	}
	if behalfStrong.MatchString(s) {
		return Records{Whose: Theirs, Relative: relative}
	}
	if m := recordsForRelative.FindStringSubmatch(s); m != nil {
		if ownRecordsIn(s) {
			// "the records you hold for my dad" are his; "my data for my mum" may be the writer's.
			return Records{Whose: Unclear, Relative: m[1]}
		}
		return Records{Whose: Theirs, Relative: m[1]}
	}
	// A relative then spoken of ("my son … he doesn't want it") is theirs, unless the writer's own
	// records are what is asked about: "my ex is threatening me, please don't give him my address".
	if loc != nil && (behalfTheirs.MatchString(s) || !own && behalfThem.MatchString(s[loc[1]:])) {
		return Records{Whose: Theirs, Relative: relative}
	}
	// A relative, then a record of what happened asked for, with no word of the writer's own:
	// "my son was hurt at school and i want the safeguarding review records" are his (a QA
	// pass). "my neighbour complained about me, can I see the file" is the writer's.
	if loc != nil && !own && theRecordsOf.MatchString(s[loc[1]:]) && !mentionsMe.MatchString(s) {
		return Records{Whose: Theirs, Relative: relative}
	}
	if own {
		return Records{Whose: Own}
	}
	return Records{}
}

var (
	// theRecordsOf is records named as "the" records, no one's said: "the safeguarding review
	// records", "the file".
	theRecordsOf = regexp.MustCompile(`\bthe (?:\S+ ){0,3}?(?:records?|files?|notes)\b`)
	// mentionsMe is the writer spoken of: "about me", "reported me".
	mentionsMe = regexp.MustCompile(`\b(?:me|myself|i'm|i've been|i was)\b`)
)

// namesOwn reports whether a normalised message names records or a detail of the writer's own.
func namesOwn(s string) bool {
	return ownRecordsIn(s) || ownItem.MatchString(s) && !strings.Contains(s, " my name is ")
}

// ownRecordsIn reports whether a normalised message names records of the writer's own, not a
// relative's ("my mum records" typed without its apostrophe is hers).
func ownRecordsIn(s string) bool {
	for _, m := range ownRecords.FindAllString(s, -1) {
		if !strings.HasPrefix(m, "my ") || !anyRelation(strings.Fields(m)[1:]) {
			return true
		}
	}
	return false
}

// anyRelation reports whether one of the words is a relation ("mum").
func anyRelation(words []string) bool {
	for _, w := range words {
		if relations[w] {
			return true
		}
	}
	return false
}
