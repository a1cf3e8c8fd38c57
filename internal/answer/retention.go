package answer

// Where an organisation's retention periods are set out: what an abstention on "how long do
// you keep …?" quotes when the notices give no period for what was asked, but say where the
// periods are, or that they can be asked for.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// retentionPointerRe finds a sentence naming the list an organisation keeps of how long it
// keeps things ("called a 'retention schedule'", "in line with our records retention policy").
var retentionPointerRe = regexp.MustCompile(`(?i)\bretention\s+(?:schedules?|polic(?:y|ies))\b|\brecords?\s+(?:management|retention)\s+polic(?:y|ies)\b|\blist of how long\b`)

// maxPointerSentences bounds what is quoted from the first sentence naming the list: the ones
// after it say where it is or how to see it ("You can request to view this list.", "Our
// retention schedule is published on our website.").
const maxPointerSentences = 3

// retentionPointer is the text of an organisation's notices saying where its retention
// periods are set out, and the passage it is from.
type retentionPointer struct {
	passage notice.Passage
	text    string
}

// findRetentionPointers finds, for each organisation, the first sentence of its notices that
// names its list of retention periods without giving one, with the sentences after it in its
// passage up to one that gives a figure or opens a list: those state periods of their own.
func (c *Composer) findRetentionPointers() {
	c.retentionPointers = map[string]retentionPointer{}
	for org, ps := range c.byOrg {
		for _, p := range ps {
			if lower := strings.ToLower(p.Text); !strings.Contains(lower, "retention") && !strings.Contains(lower, "how long") {
				continue
			}
			if text := pointerIn(c.pieces[p.ID].units); text != "" {
				c.retentionPointers[org] = retentionPointer{passage: p, text: text}
				break
			}
		}
	}
}

// pointerIn is the run of sentences of a passage that names its organisation's list of
// retention periods, or "".
func pointerIn(us []unit) string {
	plain := func(u unit) bool { return !u.leadIn && !u.item && !u.block && len(figures(u.text)) == 0 }
	for i, u := range us {
		if !plain(u) || !retentionPointerRe.MatchString(u.text) || anaphoraRe.MatchString(u.text) {
			// "These data are retained … in line with the Council's record retention policies"
			// is about what the sentence before it names (NHS numbers in adult social care), not
			// all the council keeps.
			continue
		}
		run := []string{u.text}
		for _, next := range us[i+1:] {
			if len(run) == maxPointerSentences || !plain(next) {
				break
			}
			run = append(run, next.text)
		}
		return strings.Join(run, " ")
	}
	return ""
}

// writeRetentionPointer writes, for a question of how long something is kept that the notices
// don't answer, where the organisation's notices say its retention periods are set out, and
// cites it: "don't answer that" alone left a resident of Buckinghamshire asking about complaint
// records with no way to find out, though its notice says the list can be asked for (a QA pass).
func (c *Composer) writeRetentionPointer(b *strings.Builder, ans *Answer, org string) {
	rp, ok := c.retentionPointers[org]
	if !ok {
		return
	}
	n := len(ans.Citations) + 1
	p := rp.passage
	ans.Citations = append(ans.Citations, Citation{N: n, Notice: p.NoticeID, Title: p.Title, Organisation: org,
		Section: p.Section(), Excerpt: rp.text, Source: p.Source, Updated: p.Updated, Passage: p.Text})
	fmt.Fprintf(b, "\nWhat %s notices say about how long it keeps information (from “%s”): “%s” [%d]", Possessive(org), p.Title, rp.text, n)
}

// personalDataWords say what is kept without saying which record: "my records", "my data", "my
// details", "my file". ("Stuff" is a stop word: it makes no requirement, and no concept.)
const personalDataWords = "record records data information info detail details file files personal stuff"

// retentionPointerFor is the retention pointer of the one council a question of how long its
// information is kept asks about, when the question names no record in particular (its
// requirements are all words for personal data, or everyday ones).
func (c *Composer) retentionPointerFor(q Question, naming string, mentioned []string, reqs []requirement) (retentionPointer, bool) {
	org := c.canonical(q.Organisation)
	if q.Organisation == "" {
		if org = c.namedOrganisation(naming, mentioned); org == "" {
			return retentionPointer{}, false
		}
	}
	for _, r := range reqs {
		if r.everyday || r.context {
			continue
		}
		for _, k := range r.concepts {
			if !c.personalDataConcepts[k] {
				return retentionPointer{}, false
			}
		}
	}
	rp, ok := c.retentionPointers[org]
	return rp, ok
}
