package answer

import (
	"regexp"
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// namedRecipientRe finds whom a yes-or-no question asks the council gives information to: "do
// you share my data with the Home Office for immigration checks?" names the Home Office; "can I
// hand it to a housing association?" is the asker's doing, and "which framework do you follow
// when sharing with partners?" asks something else.
var namedRecipientRe = regexp.MustCompile(`(?i)^\W*(?:(?:and|so|but|also|then)\s+)?(?:do|does|did|will|would|can|could|might|may|is|are|has|have)\s+((?:[\w'’]+\s+){1,5}?)(?:ever\s+|also\s+|still\s+|usually\s+|normally\s+)?(?:share|sharing|shared|pass|passing|passed|give|giving|send|sending|disclose|disclosing|sell|selling|hand|handing|tell|telling)\b(?:\s+[\w'’]+){0,4}?\s+(?:with|to)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?:\s+(?:for|about|if|when|without|because|so|as|in|on|or|and|too|also|at)\b|\s*[?.!,;]|\s*$)`)

// recipientAsked is whom a question's asking clause asks the council gives its information to:
// the requirements of its words, everyday ones left out, and its name when it is written as one
// ("the Home Office"); none when it names none.
func (c *Composer) recipientAsked(clause string) (reqs []requirement, name string) {
	m := namedRecipientRe.FindStringSubmatch(clause)
	if m == nil || strings.EqualFold(strings.TrimSpace(m[1]), "i") {
		return nil, ""
	}
	if n := properNameRe.FindStringSubmatch(m[2]); n != nil {
		name = n[1]
	} else if n := officeNameRe.FindStringSubmatch(m[2]); n != nil {
		name = n[1] // "the home office", typed in lower case, is still not the Cabinet Office
	}
	for _, w := range Words(m[2]) {
		if recipientKinds[w] {
			return nil, ""
		}
	}
	for _, r := range c.requirements(m[2]) {
		if !r.everyday {
			reqs = append(reqs, r)
		}
	}
	return reqs, name
}

// properNameRe is a name of two to four capitalised words, after an optional "the": "the Home
// Office", "Thames Valley Police".
var properNameRe = regexp.MustCompile(`^(?:the\s+)?((?:[A-Z][\w'’-]*\s+){1,3}[A-Z][\w'’-]*)$`)

// officeNameRe is an office or board named in lower case: "the home office", "the passport
// office", "the parole board". Its words are "home" (an everyday word) and "office", which the
// Cabinet Office also has; as a name, it must be named whole.
var officeNameRe = regexp.MustCompile(`(?i)^(?:the\s+)?((?:[a-z'’-]+\s+){1,3}(?:office|ministry|board|commission|bureau))$`)

// namesAskedRecipient reports whether a passage, with the section it is under, names whom a question
// asks about: its name, when it was written as one, or any of its words ("the police" is met by
// "law enforcement agencies, such as Thames Valley Police"). By its words alone "the Home
// Office" was met by "the Cabinet Office" ("home" is an everyday word).
func (c *Composer) namesAskedRecipient(p notice.Passage, reqs []requirement, name string) bool {
	if name != "" {
		// "Domestic Homicide Reviews" in "a domestic homicide review".
		return containsRun(stems(p.Section()+" "+p.Text), stems(name))
	}
	return c.namesAnyOf(p, reqs)
}

// stems are the stems of a text's words, in order.
func stems(text string) []string {
	ws := Words(text)
	for i, w := range ws {
		ws[i] = Stem(w)
	}
	return ws
}

// namesAnyOf reports whether a passage, with the section it is under, names any of reqs.
func (c *Composer) namesAnyOf(p notice.Passage, reqs []requirement) bool {
	sets := []map[string]bool{c.section[sectionKey(p)], c.acronyms.Concepts(p.Section())}
	for _, r := range reqs {
		if names(r, sets...) {
			return true
		}
	}
	return false
}

// recipientKinds name a kind of recipient rather than one ("the government", "other
// organisations", "third parties"): a notice names its members ("the Department for Education"),
// which the bot can't tell are of the kind, so a question asking about one is left to the
// abstention model. (Word vectors can't tell either: "office" is as near "department" as
// "government" is.)
var recipientKinds = setOf("government governments organisation organisations company companies business businesses agency agencies " +
	"body bodies party parties partner partners anyone anybody someone somebody people others other outside external third " +
	"authority authorities department departments service services firm firms")
