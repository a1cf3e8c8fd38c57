package conversation

import (
	"regexp"
	"strings"
)

// What a request's first message says besides the right: the services it is about, and the name
// of the person it is for. Taken, said back ("From your message I have …"), shown in the summary
// and not asked for again, as the requester's own name and contact are (introducedName).

// serviceNamesRe are council services as residents name them, longer names first ("housing
// benefit" before "housing"): a request's first message that names one ("what you hold on me for
// council tax and parking") is about it (a web QA pass asked the service again).
var serviceNamesRe = regexp.MustCompile(`(?i)\b(?:adult social care|adults'? social care|children'?s social care|social care|social services|children'?s services|` +
	`council tax(?: reduction| support)?|business rates|housing benefits?|council housing|housing|homelessness|tenancy|` +
	`parking(?: permits?| fines?| tickets?| enforcement)?|blue badges?|benefits|planning|building control|licensing|environmental health|` +
	`pest control|bins|waste|recycling|highways|libraries|library|school admissions|admissions|school transport|education|` +
	`special educational needs|electoral (?:register|registration|services)|elections|trading standards|registrars?|` +
	`bereavement services|cemeteries|leisure|cctv|public health|employment support|fostering|adoption|care homes?|home care|` +
	`bus pass(?:es)?|concessionary travel|anti-?social behaviour)\b`)

// servicesIn are the services a message names, each once, in the order it names them, written as
// it writes them; "" when it names none.
func servicesIn(text string) string {
	var found []string
	seen := map[string]bool{}
	for _, loc := range serviceNamesRe.FindAllStringIndex(text, -1) {
		if notThisServiceRe.MatchString(text[:loc[0]]) {
			continue // "all my data, not just housing"
		}
		s := text[loc[0]:loc[1]]
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			found = append(found, s)
		}
	}
	return joinAnd(found)
}

// notThisServiceRe ends the words before a service that say the request is not (only) about it:
// "not just housing", "apart from parking", "other than council tax".
var notThisServiceRe = regexp.MustCompile(`(?i)\b(?:not|except|excluding|apart from|other than|besides|beyond|rather than|instead of)(?:\s+(?:just|only|the|my|for|from|about|in))*\s+$`)

// namedForRe is the name of the person a request is for, said in its first message beside whom
// they are to the writer: "mum is Margaret Jenkins", "my son's name is Arjun Patel", "his name is
// John Smith", "she's called …", "my mum Margaret Jenkins's records". (relativeNamedRe reads "on
// behalf of my father, John Smith".)
var namedForRe = regexp.MustCompile(`(?:\b(?i:my\s+(?:late\s+)?)?(?i:` + relativeWords + `)(?:'s|’s)?\s+(?i:(?:full\s+)?name\s+)?(?i:is|was)\s+(?i:called\s+|named\s+)?` +
	`|\b(?i:(?:her|his|their)\s+(?:full\s+)?name(?:'s|’s|\s+is|\s+was)|(?:she|he)(?:'s|’s|\s+is)\s+called)\s+` +
	`|\b(?i:my\s+(?:late\s+)?)(?i:` + relativeWords + `),?\s+)` +
	`(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+.*)`)

// namedOutrightRe is the same said outright, "his name is", "my dad's name is", "she's called":
// the words say a name follows, so it is taken however it is typed ("i want a copy of my dads
// records his name is harold finch", which namedForRe, reading capitals for a name, missed: a QA
// pass asked for the father's name again).
var namedOutrightRe = regexp.MustCompile(`(?i)(?:\b(?:her|his|their)\s+(?:full\s+)?name(?:'s|’s|\s+is|\s+was)|\b(?:she|he)(?:'s|’s|\s+is)\s+called|` +
	`\b(?:my\s+(?:late\s+)?)?(?:` + relativeWords + `)(?:'s|’s|s)?\s+(?:full\s+)?name\s+(?:is|was))\s+` +
	`(\p{L}[\p{L}'’-]+\s+\p{L}[\p{L}'’-]+.*)`)

// possessiveEndRe is a name's possessive ("Margaret Jenkins's records"): where the name ends.
var possessiveEndRe = regexp.MustCompile(`(\p{L})(?:'s|’s)\b`)

// theirNameIn is the name of the person the request is for that its first message gives, not the
// writer's own; "" when it gives none.
func (b *Bot) theirNameIn(first, own string) string {
	for _, m := range append(namedForRe.FindAllStringSubmatch(first, -1), namedOutrightRe.FindAllStringSubmatch(first, -1)...) {
		who := b.nameBeforePossessive(m[1])
		if who != "" && !strings.EqualFold(who, own) {
			return who
		}
	}
	return ""
}

// nameBeforePossessive is the name v opens with, ended at its possessive: "Margaret Jenkins's
// records" is Margaret Jenkins.
func (b *Bot) nameBeforePossessive(v string) string {
	return b.nameFrom(possessiveEndRe.ReplaceAllString(v, "$1,"))
}
