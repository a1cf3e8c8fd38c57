package answer

// Checking a council's notices before residents ask: what would make the bot's answers worse
// than the notices allow (no data protection contact to give when it can't answer, a
// dpo_contact in organisations.yaml that points nowhere, no date to tell an out-of-date notice
// by, no headings to cite a section by).

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/notice"
)

// Finding levels: a problem residents would meet, a weakness worth fixing, and what the bot
// found that the council should confirm.
const (
	LevelProblem = "problem"
	LevelWarning = "warning"
	LevelInfo    = "info"
)

// Finding is one thing a check of the notices found. Its JSON is the output of
// `privacybot notices --check --json`.
type Finding struct {
	Level        string `json:"level"`
	Organisation string `json:"organisation"`
	Notice       string `json:"notice,omitempty"` // empty for a finding about the organisation
	Message      string `json:"message"`
}

// longPassage is the length, in characters, past which a passage quotes badly: a notice
// without headings or paragraphs is one long passage, and an answer quotes from it without a
// section to cite.
const longPassage = 2500

// Check reports, organisation by organisation, what the notices lack for the bot to answer
// well, and which data protection contact it will give when it can't.
func (c *Composer) Check() []Finding {
	var out []Finding
	for _, n := range c.Corpus.Notices {
		if c.canonical(n.Organisation) == "" {
			out = append(out, Finding{Level: LevelProblem, Notice: n.ID,
				Message: "no organisation (front matter `organisation`): a question about a council never reaches it, and when it can't answer the bot can't say whom to ask"})
			out = append(out, c.checkNotice("", n)...)
		}
	}
	for _, o := range c.Corpus.Organisations.All() {
		if len(c.byOrg[o.Name]) == 0 {
			continue // named in organisations.yaml, no notice of its own
		}
		out = append(out, c.checkContact(o)...)
		if o.AbstainThreshold > 0 {
			out = append(out, Finding{Level: LevelInfo, Organisation: o.Name,
				Message: fmt.Sprintf("answers from its notices only when the abstention model gives at least %.2f that the sentence answers (abstain_threshold in organisations.yaml)", o.AbstainThreshold)})
		}
		for _, n := range c.Corpus.Notices {
			if c.canonical(n.Organisation) == o.Name {
				out = append(out, c.checkNotice(o.Name, n)...)
			}
		}
	}
	return out
}

// checkContact finds the contact an abstention gives, and whether organisations.yaml's
// dpo_contact points at a passage.
func (c *Composer) checkContact(o notice.Organisation) []Finding {
	var out []Finding
	if ref := o.DPOContact; ref.Notice != "" {
		if _, ok := c.configuredContact(o.Name); !ok {
			out = append(out, Finding{Level: LevelProblem, Organisation: o.Name, Notice: ref.Notice,
				Message: fmt.Sprintf("organisations.yaml says the data protection contact is under the heading %q of notice %q, but no passage of that notice has such a heading", ref.Section, ref.Notice)})
		}
	}
	contact, ok := c.Contact(o.Name)
	if !ok {
		return append(out, Finding{Level: LevelProblem, Organisation: o.Name,
			Message: "no data protection contact found: when the notices don't answer, the bot can only say \"ask the data protection officer\". Publish the officer's e-mail, phone number or address in a notice, or point dpo_contact in organisations.yaml at the section that gives it"})
	}
	where := fmt.Sprintf("%q", contact.Title)
	if contact.section != "" {
		where += " › " + contact.section
	}
	out = append(out, Finding{Level: LevelInfo, Organisation: o.Name, Notice: contact.Notice,
		Message: fmt.Sprintf("when the notices don't answer, the bot gives this data protection contact, from %s: %s", where, strings.Join(strings.Fields(contact.Text), " "))})
	return append(out, c.otherContacts(o.Name, contact)...)
}

// otherContacts finds the passages of an organisation's notices, under a data protection
// heading, that give another postcode, phone number or e-mail address than the contact the bot
// gives: a resident reading that notice writes elsewhere, and one of the two is likely out of
// date (Milton Keynes's notices give MK9 3HS and MK9 3EJ).
func (c *Composer) otherContacts(org string, given orgContact) []Finding {
	givenDetails := contactDetails(given.Text)
	var out []Finding
	seen := map[string]bool{}
	for _, p := range c.byOrg[org] {
		section := strings.ToLower(p.Section())
		if p.Text == given.passage || !strings.Contains(section, "data protection") && !strings.Contains(section, "dpo") {
			continue
		}
		var theirs, ours []string
		for kind, details := range contactDetails(p.Text) {
			for _, d := range details {
				if len(givenDetails[kind]) > 0 && !slices.Contains(givenDetails[kind], d) && !seen[d] {
					theirs, seen[d] = append(theirs, d), true
					ours = append(ours, givenDetails[kind]...)
				}
			}
		}
		if len(theirs) == 0 {
			continue
		}
		slices.Sort(theirs)
		slices.Sort(ours)
		out = append(out, Finding{Level: LevelWarning, Organisation: org, Notice: p.NoticeID,
			Message: fmt.Sprintf("its data protection contact under %q gives %s, where the contact the bot gives (from %q) has %s: confirm which is right and correct the other",
				shorten(p.Section(), 60), strings.Join(theirs, ", "), given.Title, strings.Join(slices.Compact(ours), ", "))})
	}
	return out
}

// contactDetails are the postcodes, phone numbers and e-mail addresses a text gives, by kind,
// written alike ("MK9 3HS", "01908 254900", "dpo@example.gov.uk").
func contactDetails(s string) map[string][]string {
	out := map[string][]string{}
	for _, d := range contactDetailRe.FindAllString(s, -1) {
		switch {
		case strings.Contains(d, "@"):
			out["email"] = append(out["email"], strings.ToLower(d))
		case unicode.IsDigit(rune(d[0])):
			out["phone"] = append(out["phone"], strings.Join(strings.Fields(d), ""))
		default:
			pc := strings.ToUpper(strings.Join(strings.Fields(d), ""))
			out["postcode"] = append(out["postcode"], pc[:len(pc)-3]+" "+pc[len(pc)-3:])
		}
	}
	return out
}

// checkNotice reports what one notice lacks.
func (c *Composer) checkNotice(org string, n notice.Notice) []Finding {
	var out []Finding
	add := func(level, format string, args ...any) {
		out = append(out, Finding{Level: level, Organisation: org, Notice: n.ID, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case n.Updated.IsZero():
		add(LevelWarning, "no updated date (front matter `updated`, or a \"Last updated\" line): the bot can't warn that it is out of date")
	case c.Now().Sub(n.Updated) > staleAfter:
		add(LevelWarning, "last updated %s: every answer quoting it says it may no longer be current", n.Updated.Format("2 January 2006"))
	}
	if n.Source == "" {
		add(LevelWarning, "no source (front matter `source`): citations can't link to the published notice")
	}
	headed, placeholders := false, 0
	for _, p := range c.byOrg[org] {
		if p.NoticeID != n.ID {
			continue
		}
		headed = headed || len(p.Headings) > 0
		if hasEmailPlaceholder(p.Text) {
			placeholders++
		}
		if l := utf8.RuneCountInString(p.Text); l > longPassage {
			add(LevelWarning, "a passage of %d characters%s: answers quote from it without a narrower section to cite; headings or blank lines would split it", l, underSection(p))
		}
	}
	if !headed {
		add(LevelWarning, "no headings found: answers cite it without a section (a heading is a short line without a full stop, or a Markdown #)")
	}
	if placeholders > 0 {
		add(LevelWarning, "\"[email protected]\" where the captured page lost an e-mail address (passages: %d): the bot never quotes those as addresses, so copy the addresses from the published page", placeholders)
	}
	return out
}

// underSection names a passage's section for a message, when it has one.
func underSection(p notice.Passage) string {
	if s := p.Section(); s != "" {
		return fmt.Sprintf(" under %q", shorten(s, 60))
	}
	return ""
}
