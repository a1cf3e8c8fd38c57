package answer

// Abstaining: when the notices don't answer, say so and give the organisation's data protection
// contact as its notices state it.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/privacybot/privacybot/internal/notice"
)

// hasEmailPlaceholder reports whether text held an e-mail address the captured page replaced.
func hasEmailPlaceholder(s string) bool {
	return strings.Contains(s, "[email") && strings.Contains(s, "protected]")
}

// abstain says the notices don't cover the question and gives the data protection contact of
// the organisation(s) concerned, quoted from their notices.
func (c *Composer) abstain(ans Answer, q Question, hits []Hit) Answer {
	ans.Abstained = true
	ans.Citations = []Citation{}
	var orgs []string
	switch {
	case q.Organisation != "":
		orgs = []string{c.canonical(q.Organisation)}
	case q.NoticeID != "":
		if n, ok := c.Corpus.Notice(q.NoticeID); ok {
			orgs = []string{c.canonical(n.Organisation)}
		}
	default:
		_, orgs = c.councilsNamed(q)
	}
	if len(orgs) == 0 {
		orgs = c.organisationsWithNotices()
	}
	var b strings.Builder
	if len(orgs) == 1 && (q.Organisation != "" || q.NoticeID != "" || len(c.byOrg) > 1) {
		// Asked of one council among several: it is that council's notices that don't say;
		// another council's may.
		fmt.Fprintf(&b, "%s privacy notices don't answer that, so I can't give you a reliable answer.", Possessive(orgs[0]))
	} else {
		b.WriteString("The privacy notices I have don't answer that, so I can't give you a reliable answer.")
	}
	keeping := AskedKind(q.Text) == KindDuration
	for _, org := range orgs {
		if keeping {
			c.writeRetentionPointer(&b, &ans, org)
		}
		c.writeContact(&b, &ans, org)
	}
	ans.Answer = b.String()
	return ans
}

// organisationsWithNotices are the organisations the corpus has notices of.
func (c *Composer) organisationsWithNotices() []string {
	var orgs []string
	for _, o := range c.Corpus.Organisations.All() {
		if len(c.byOrg[o.Name]) > 0 {
			orgs = append(orgs, o.Name)
		}
	}
	return orgs
}

// writeContact writes an organisation's data protection contact, as its notices state it, on a
// line of its own, and cites it; or, when its notices give none, asks to ask its DPO.
func (c *Composer) writeContact(b *strings.Builder, ans *Answer, org string) {
	contact, n, ok := c.citeContact(ans, org)
	if !ok {
		fmt.Fprintf(b, "\nPlease ask %s's data protection officer.", org)
		return
	}
	fmt.Fprintf(b, "\nFor %s, contact the data protection team (from “%s”):\n%s [%d]", org, contact.Title, contact.Text, n)
}

// Contacts is the data protection contact of an organisation, or of each when org is empty,
// quoted and cited from the notices as an abstention gives it: whom to ask when the bot can't
// help ("I want to talk to a person"). It searches nothing and asks no model.
func (c *Composer) Contacts(org string) Answer {
	ans := Answer{Citations: []Citation{}, Mode: "extractive"}
	orgs := c.organisationsWithNotices()
	if org != "" {
		orgs = []string{c.canonical(org)}
	}
	var b strings.Builder
	for _, o := range orgs {
		c.writeContact(&b, &ans, o)
	}
	ans.Answer = strings.TrimPrefix(b.String(), "\n")
	return ans
}

// otherCouncilAsked is the council a question scoped to one council asks about when it is
// another ("who is Milton Keynes's DPO?" in Buckinghamshire's widget); "" when it names none or
// its own, or is scoped to a council the corpus doesn't know (the retriever says so).
func (c *Composer) otherCouncilAsked(q Question) string {
	if q.Organisation == "" {
		return ""
	}
	scope, known := c.Corpus.Organisations.Canonical(q.Organisation)
	named := c.namedOrganisation(q.Text, c.Corpus.Organisations.Mentioned(q.Text))
	if !known || named == "" || named == scope {
		return ""
	}
	return named
}

// otherCouncil answers a question about another council than the one the answer is scoped to:
// it says so, and gives that council's data protection contact as its notices state it, rather
// than quote this council's facts as if they were the other's.
func (c *Composer) otherCouncil(ans Answer, q Question, other string) Answer {
	ans.Abstained = true
	ans.Citations = []Citation{}
	var b strings.Builder
	fmt.Fprintf(&b, "That asks about %s, but I'm answering from %s's notices only here.", other, c.canonical(q.Organisation))
	c.writeContact(&b, &ans, other)
	ans.Answer = b.String()
	return ans
}

// hedgeLead opens an answer the bot is unsure of.
const hedgeLead = "The notices may not answer this exactly. The closest they come:"

// hedge marks an answer whose best sentence may not answer: it says so first, and ends with the
// data protection contact of each organisation it quotes, cited, so that whoever asked knows
// whom to ask when the quote isn't what they wanted.
func (c *Composer) hedge(ans Answer) Answer {
	ans.Hedged = true
	var orgs []string
	for _, cit := range ans.Citations {
		if org := c.canonical(cit.Organisation); !slices.Contains(orgs, org) {
			orgs = append(orgs, org)
		}
	}
	var b strings.Builder
	b.WriteString(hedgeLead + "\n" + ans.Answer)
	for _, org := range orgs {
		if _, n, ok := c.citeContact(&ans, org); ok {
			fmt.Fprintf(&b, "\nIf that isn't what you asked, contact %s's data protection team [%d].", org, n)
		} else {
			fmt.Fprintf(&b, "\nIf that isn't what you asked, please ask %s's data protection officer.", org)
		}
	}
	ans.Answer = b.String()
	return ans
}

// citeContact adds an organisation's data protection contact to an answer's citations (and as
// its Contact, when it has none yet), and gives the citation's number.
func (c *Composer) citeContact(ans *Answer, org string) (orgContact, int, bool) {
	contact, ok := c.Contact(org)
	if !ok {
		return orgContact{}, 0, false
	}
	if ans.Contact == nil {
		cc := contact.Contact
		ans.Contact = &cc
	}
	if !slices.ContainsFunc(ans.Contacts, func(k Contact) bool { return k.Organisation == contact.Organisation }) {
		ans.Contacts = append(ans.Contacts, contact.Contact)
	}
	n := len(ans.Citations) + 1
	ans.Citations = append(ans.Citations, Citation{N: n, Notice: contact.Notice, Title: contact.Title,
		Organisation: org, Section: contact.section, Excerpt: contact.Text, Source: contact.source, Updated: contact.updated,
		Passage: contact.passage})
	return contact, n, true
}

// orgContact is a Contact with the passage details a citation needs.
type orgContact struct {
	Contact
	section, source, updated string
	passage                  string // the whole passage, as captured: Contact.Text leaves out what the page lost
}

// Contact finds an organisation's data protection contact as its notices state it: where
// organisations.yaml points, else the passage that names the Data Protection Officer with a
// phone number, postal address or e-mail.
func (c *Composer) Contact(org string) (orgContact, bool) {
	org = c.canonical(org)
	passages := c.byOrg[org]
	if p, ok := c.configuredContact(org); ok && strings.TrimSpace(contactText(p.Text)) != "" {
		// A configured section whose only detail the captured page lost says nothing to quote.
		return contactFrom(org, p), true
	}
	best, bestScore := notice.Passage{}, 0
	for _, p := range passages {
		s := 0
		low := strings.ToLower(p.Section() + " " + p.Text)
		if strings.Contains(low, "data protection") {
			s += 2
		}
		if strings.Contains(low, "officer") || strings.Contains(low, "contact") {
			s++
		}
		if contactDetailRe.MatchString(p.Text) {
			s += 3
		}
		if s > bestScore && contactDetailRe.MatchString(p.Text) {
			best, bestScore = p, s
		}
	}
	if bestScore == 0 {
		return orgContact{}, false
	}
	return contactFrom(org, best), true
}

// configuredContact is the passage organisations.yaml says states an organisation's data
// protection contact.
func (c *Composer) configuredContact(org string) (notice.Passage, bool) {
	p, ok := c.dpoPassage[org]
	return p, ok
}

// findConfiguredContacts finds, once, each organisation's passage organisations.yaml names.
func (c *Composer) findConfiguredContacts() {
	c.dpoPassage = map[string]notice.Passage{}
	for _, o := range c.Corpus.Organisations.All() {
		if o.DPOContact.Notice == "" {
			continue
		}
		for _, p := range c.byOrg[o.Name] {
			if p.NoticeID == o.DPOContact.Notice && len(p.Headings) > 0 &&
				strings.HasPrefix(strings.ToLower(p.Headings[len(p.Headings)-1]), strings.ToLower(o.DPOContact.Section)) {
				c.dpoPassage[o.Name] = p
				break
			}
		}
	}
}

// withConfiguredContacts adds to the hits of a question about the data protection officer or
// team the passage organisations.yaml names as each organisation's contact, when retrieval
// missed it: the council says where its DPO is stated, so "who's the DPO at Calderbrook?" is
// answered from there, however many other passages mention the officer.
func (c *Composer) withConfiguredContacts(hits []Hit, q Question, reqs []requirement) []Hit {
	asksDPO := false
	for _, r := range reqs {
		if slices.Contains(r.concepts, c.Vocab.Concept(Stem("officer"))) && slices.Contains(r.concepts, c.Vocab.Concept(Stem("protection"))) ||
			slices.Contains(r.concepts, c.Vocab.Concept(Stem("dpo"))) {
			asksDPO = true
		}
	}
	if !asksDPO {
		return hits
	}
	var orgs []string
	switch {
	case q.Organisation != "":
		orgs = []string{c.canonical(q.Organisation)}
	case q.NoticeID != "":
		return hits // a question about one notice is answered from it
	default:
		_, orgs = c.councilsNamed(q)
	}
	top := 0.0
	if len(hits) > 0 {
		top = hits[0].Score
	}
	var first []Hit
	for _, org := range orgs {
		p, ok := c.configuredContact(org)
		if !ok {
			continue
		}
		// The council's own answer to "who is our DPO" goes first, where it was found or not.
		hits = slices.DeleteFunc(hits, func(h Hit) bool { return h.Passage.ID == p.ID })
		first = append(first, Hit{Passage: p, Score: top})
	}
	return append(first, hits...)
}

func contactFrom(org string, p notice.Passage) orgContact {
	return orgContact{
		Contact: Contact{Organisation: org, Text: contactText(officersPart(p.Text)), Notice: p.NoticeID, Title: p.Title},
		section: p.Section(), source: p.Source, updated: p.Updated, passage: p.Text,
	}
}

// officersPart is, of a block giving the data controller's address and then the data protection
// officer's (as a notice's record of processing does, "Data Controller / Buckinghamshire Council
// / The Gateway / … / Maria Damigos / Data Protection Officer / … / HP20 1UA"), the officer's
// part, with the officer's name on the line before: whom a resident writes to about their data.
// Every abstention gave both, twelve lines for one council. Any other text is kept whole.
func officersPart(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) < 3 || !strings.EqualFold(strings.TrimSpace(lines[0]), "data controller") {
		return s
	}
	for i := 1; i < len(lines); i++ {
		if !strings.EqualFold(strings.TrimSpace(lines[i]), "data protection officer") {
			continue
		}
		if prev := strings.TrimSpace(lines[i-1]); i > 1 && personNameRe.MatchString(prev) && !orgWordRe.MatchString(prev) {
			i--
		}
		return strings.Join(lines[i:], "\n")
	}
	return s
}

// personNameRe is a line that may be a person's name: two to four capitalised words; orgWordRe
// finds a word that makes them an organisation's ("Westmere Borough Council").
var (
	personNameRe = regexp.MustCompile(`^(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$`)
	orgWordRe    = regexp.MustCompile(`\b(?:Council|Borough|District|County|City|Authority|Trust|Office|House|Centre|Road|Street)\b`)
)

// contactText drops what the captured pages lost: "[email protected]" placeholders are not
// e-mail addresses and are never presented as one. The rest of their line stays: "Write to the
// Data Protection Officer, Town Hall, AL1 2BC, or email [email protected]" still gives the address.
func contactText(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if hasEmailPlaceholder(l) {
			l = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(emailPlaceholderRe.ReplaceAllString(l, "")), ",;:–-"))
			if !strings.ContainsFunc(l, unicode.IsDigit) && len(strings.Fields(l)) < 3 {
				continue // "Email:" with nothing left to say
			}
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// emailPlaceholderRe finds a lost e-mail address with the words that introduce it: ", or email
// [email protected]", "Email: [email protected]", "contact [email protected]".
var emailPlaceholderRe = regexp.MustCompile(`(?i)(?:,?\s*(?:or\s+|and\s+)?(?:by\s+)?(?:e-?mail(?:\s+(?:us|them))?(?:\s+at)?|contact(?:\s+us)?(?:\s+at)?|at)\s*:?\s*)?\[email\s*protected\]\.?`)

// contactDetailRe finds a phone number, a UK postcode or an e-mail address in a passage.
var contactDetailRe = regexp.MustCompile(`(?i)\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|[\w.+-]+@[\w-]+\.[\w.]+`)

// Possessive is "Buckinghamshire Council's"; a name ending in s takes an apostrophe alone.
func Possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}
