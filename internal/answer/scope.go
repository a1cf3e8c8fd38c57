package answer

// Scoping: which organisation a question asks about, when it names one. "How long does
// Gatterley keep my care assessment?" is answered from Gatterley's notices or not at all: another
// council's period is not Gatterley's, however well it matches.

import (
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// namedOrganisation is the one organisation a question names (of those it mentions), or "" when
// it names none or several. A question that tells a story naming several councils asks about the
// one its asking sentence names: "My sister in Hollowmere was charged for hers. What does
// Brindlecote charge for wasps?" is answered from Brindlecote's notices. A name that begins the
// name of a body another organisation's notices mention names that body, not the council: "do you
// share with Bucks Fire and Rescue?" asks Milton Keynes, whose notices list Bucks Fire and Rescue
// Services, not Buckinghamshire Council.
func (c *Composer) namedOrganisation(question string, orgs []string) string {
	if len(orgs) > 1 {
		question = askingSentence(question)
		orgs = c.Corpus.Organisations.Mentioned(question)
	}
	if len(orgs) != 1 {
		return ""
	}
	folded := " " + notice.FoldName(question) + " "
	for _, o := range c.Corpus.Organisations.All() {
		if o.Name != orgs[0] {
			continue
		}
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			n := notice.FoldName(name)
			at := strings.Index(folded, " "+n+" ")
			if at < 0 {
				continue
			}
			if next := strings.Fields(folded[at+len(n)+2:]); len(next) > 0 && c.othersSay(o.Name, n+" "+next[0]) {
				return ""
			}
		}
	}
	return orgs[0]
}

// othersSay reports whether the notices of an organisation other than org use a phrase.
func (c *Composer) othersSay(org, phrase string) bool {
	for other, text := range c.foldedByOrg {
		if other != org && strings.Contains(text, " "+phrase+" ") {
			return true
		}
	}
	return false
}

// councilsNamed are the councils a question names or, when it names none, its context does
// ("who sees them?" after a question about Buckinghamshire's complaint records is about
// Buckinghamshire), with the text that names them.
func (c *Composer) councilsNamed(q Question) (text string, orgs []string) {
	if orgs = c.Corpus.Organisations.Mentioned(q.Text); len(orgs) > 0 || q.Context == "" {
		return q.Text, orgs
	}
	return q.Context, c.Corpus.Organisations.Mentioned(q.Context)
}
