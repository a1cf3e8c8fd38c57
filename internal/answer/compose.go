package answer

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/notice"
)

// Limits on what a question may be.
const (
	// MaxQuestionRunes bounds a question: longer text is not a question but a paste.
	MaxQuestionRunes = 2000
	// staleAfter is how old a notice may be before its citation carries a warning.
	staleAfter = 3 * 365 * 24 * time.Hour
)

// Errors for questions that can't be answered as asked.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = fmt.Errorf("the question is longer than %d characters; ask it in a sentence or two", MaxQuestionRunes)
)

// Composer is the extractive answerer: it quotes the notices and never writes a fact of its own.
// It is the default, and the fallback of every other answerer.
type Composer struct {
	Retriever Retriever
	Corpus    *notice.Corpus
	Vocab     *Vocabulary
	Now       func() time.Time

	// MinCoverage is the share of the question's weighted terms that the best sentence must
	// cover for the bot to answer rather than abstain.
	MinCoverage float64
	// UnseenWeight is the weight of a question word no notice uses, as a multiple of the
	// largest weight. Such a word may be the topic ("CCTV") or a turn of phrase ("hang on to").
	UnseenWeight float64

	idf     map[string]float64
	maxIDF  float64
	orgWord map[string]bool // concepts of the organisations' names: they scope, not ask
	byOrg   map[string][]notice.Passage
	passage map[string]notice.Passage
	pieces  map[string]pieces // passage ID → its units, analysed once
	// section maps a notice's section (notice ID and heading path) to the concepts of all its
	// passages: a one-sentence passage ("The Council has 40 calendar days …") is read in the
	// context of the passages beside it under the same heading ("apply … using request forms").
	section map[string]map[string]bool
	// titleWord are the concepts of the notices' titles and services: what a notice is about
	// ("Planning and Building Control") is a topic, however everyday the word.
	titleWord map[string]bool
	// lex reads a question's words the notices don't use ("hb", "assesment") as theirs.
	lex *Lexicon
}

func sectionKey(p notice.Passage) string { return p.NoticeID + "\x00" + p.Section() }

// pieces are a passage's units and the concepts of each.
type pieces struct {
	units    []unit
	concepts []map[string]bool
}

// DefaultMinCoverage is the abstention threshold chosen on testdata/eval/questions.jsonl.
const DefaultMinCoverage = 0.35

// DefaultUnseenWeight is the weight of a word no notice uses, chosen with DefaultMinCoverage.
const DefaultUnseenWeight = 0.6

// NewComposer makes an extractive answerer over a corpus and a retriever of the same corpus.
func NewComposer(r Retriever, c *notice.Corpus, v *Vocabulary) *Composer {
	comp := &Composer{Retriever: r, Corpus: c, Vocab: v, Now: time.Now, MinCoverage: DefaultMinCoverage, UnseenWeight: DefaultUnseenWeight,
		idf: map[string]float64{}, orgWord: map[string]bool{}, byOrg: map[string][]notice.Passage{}, passage: map[string]notice.Passage{},
		pieces: map[string]pieces{}, section: map[string]map[string]bool{}}
	df := map[string]int{}
	passages := c.Passages()
	for _, p := range passages {
		seen := map[string]bool{}
		for _, t := range Terms(p.Section() + " " + p.Text) {
			seen[v.Concept(t)] = true
		}
		for t := range seen {
			df[t]++
		}
		org := comp.canonical(p.Organisation)
		comp.byOrg[org] = append(comp.byOrg[org], p)
		comp.passage[p.ID] = p
		ps := pieces{units: units(p.Text)}
		for _, u := range ps.units {
			// A lead-in answers with its list: "may include:" covers what the bullets name.
			ps.concepts = append(ps.concepts, conceptSet(v, u.quote()))
		}
		comp.pieces[p.ID] = ps
		sec := comp.section[sectionKey(p)]
		if sec == nil {
			sec = map[string]bool{}
			comp.section[sectionKey(p)] = sec
		}
		for _, cs := range ps.concepts {
			for k := range cs {
				sec[k] = true
			}
		}
	}
	for _, o := range c.Organisations.All() {
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			for _, t := range Terms(name) {
				comp.orgWord[v.Concept(t)] = true
			}
		}
	}
	comp.lex = NewLexicon(passages, v)
	comp.titleWord = map[string]bool{}
	for _, n := range c.Notices {
		for k := range conceptSet(v, n.Title+" "+n.Service) {
			comp.titleWord[k] = true
		}
	}
	n := float64(len(passages))
	comp.maxIDF = math.Log(1 + n/0.5)
	for t, d := range df {
		comp.idf[t] = math.Log(1 + n/(float64(d)+0.5))
	}
	return comp
}

func (c *Composer) canonical(org string) string {
	if name, ok := c.Corpus.Organisations.Canonical(org); ok {
		return name
	}
	return org
}

func (c *Composer) weight(concept string) float64 {
	if w, ok := c.idf[concept]; ok {
		return w
	}
	return c.UnseenWeight * c.maxIDF
}

// requirement is something the question asks about: satisfied by any of its concepts (a plain
// word has one; a phrase such as "how long" is satisfied by enough of its expansion).
type requirement struct {
	concepts []string
	need     int
	weight   float64
	everyday bool // an everyday word ("sorted"): the notices not using it says nothing of the topic
	phrase   bool // the expansion of a phrase ("how long" → keep retention years period)
	// own are the concepts of the phrase's words as the question put them: a sentence using the
	// person's own word ("We never sell your information" for "sell") says what they asked,
	// whatever the expansion says.
	own []string
}

// requirements analyses a question into weighted requirements.
func (c *Composer) requirements(question string) []requirement {
	var reqs []requirement
	rest := question
	for _, r := range c.Vocab.phraseRes {
		matched := r.re.FindString(rest)
		if matched == "" {
			continue
		}
		rest = r.re.ReplaceAllString(rest, " ")
		var own []string
		for _, t := range Terms(matched) {
			if k := c.Vocab.Concept(t); !isGenericConcept(k) && !c.orgWord[k] && !slices.Contains(own, k) {
				own = append(own, k)
			}
		}
		seen := map[string]bool{}
		var cs []string
		var w float64
		for _, t := range Terms(r.with) {
			k := c.Vocab.Concept(t)
			if isGenericConcept(k) && len(Terms(r.with)) > 1 {
				continue // "information" in "information commissioner" is in every notice
			}
			if !seen[k] {
				seen[k] = true
				cs = append(cs, k)
				w += c.weight(k)
			}
		}
		if len(cs) == 0 {
			continue
		}
		reqs = append(reqs, requirement{concepts: cs, need: (len(cs) + 1) / 2, weight: w / float64(len(cs)), phrase: true, own: own})
	}
	seen := map[string]bool{}
	for _, r := range reqs {
		for _, k := range r.concepts {
			seen[k] = true // a word the phrase already asks for ("how long do you keep")
		}
	}
	for _, t := range Terms(rest) {
		k := c.Vocab.Concept(t)
		if seen[k] || isGenericConcept(k) || c.orgWord[k] {
			continue
		}
		seen[k] = true
		w := c.weight(k)
		// A number the notices don't use ("back in 2019", "flat 3") dates or places the
		// question; it is not what it asks about.
		_, seenNumber := c.idf[k]
		everyday := commonWords[t] && !c.titleWord[k] || isNumber(t) && !seenNumber
		if everyday {
			w *= commonShare
		}
		reqs = append(reqs, requirement{concepts: []string{k}, need: 1, weight: w, everyday: everyday})
	}
	return reqs
}

// maxUnseenShare is the share of a question's weight, in words no notice uses ("CCTV footage",
// "parking tickets"), at which the question is about something the notices don't cover, however
// well its other words ("how long", "records") match.
const maxUnseenShare = 0.4

// unseenShare is the share of the topic words' weight that no notice can satisfy. Everyday words
// are not topic words: a notice not saying "problem" doesn't make a question's topic one it lacks,
// and "taken off" doesn't dilute "electoral".
func (c *Composer) unseenShare(reqs []requirement) float64 {
	var w, topic float64
	for _, r := range reqs {
		if r.everyday {
			continue
		}
		topic += r.weight
		seen := false
		for _, k := range r.concepts {
			if _, ok := c.idf[k]; ok {
				seen = true
			}
		}
		if !seen {
			w += r.weight
		}
	}
	if topic == 0 {
		return 0
	}
	return w / topic
}

// isNumber reports whether a term is all digits.
func isNumber(t string) bool {
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t != ""
}

// isGenericConcept is true for words every question about privacy notices shares; they say
// nothing about whether a sentence answers this one.
func isGenericConcept(k string) bool {
	switch k {
	case "council", "inform", "info", "data", "detail", "person", "privaci", "notic", "polici", "stuff", "thing":
		return true
	}
	return len(k) < 2 && !unicode.IsDigit(rune(k[0]))
}

// candidate is a unit of a retrieved passage with its scores.
type candidate struct {
	hit      int // index into hits
	unit     unit
	order    int // position of the unit in its passage
	coverage float64
	score    float64
}

// Answer answers a question by quoting the notices, or abstains.
func (c *Composer) Answer(ctx context.Context, q Question) (Answer, error) {
	text, err := CleanQuestion(q.Text)
	if err != nil {
		return Answer{}, err
	}
	q.Text = text
	asked := q // the question in the notices' words
	asked.Text = c.lex.Expand(text)
	k := q.K
	if k <= 0 {
		k = 5
	}
	retrieve := asked
	retrieve.K = max(k, 8) // look a little wider than we cite
	hits, err := c.Retriever.Retrieve(ctx, retrieve)
	if err != nil {
		return Answer{}, fmt.Errorf("retrieve passages: %w", err)
	}
	if q.Organisation != "" {
		// A question scoped to a council is answered from its notices only, whatever the
		// retriever returned: one council's facts are never given as another's.
		hits = ofOrganisation(hits, c.canonical(q.Organisation), c)
	}
	ans := Answer{Question: q.Text, Citations: []Citation{}, Mode: "extractive"}
	reqs := c.requirements(asked.Text)
	var total float64
	for _, r := range reqs {
		total += r.weight
	}
	if len(hits) == 0 || total == 0 {
		return c.abstain(ans, q, hits), nil
	}

	kind := AskedKind(asked.Text)
	defining := IsDefinitionQuestion(asked.Text)
	if kind != "" {
		// The kind is a gate (a sentence without a period doesn't say how long); what the
		// sentence must also cover is what the question asks it about.
		reqs, total = withoutKindWords(reqs, conceptSet(c.Vocab, kindWords[kind]))
		if onlyEveryday(reqs) {
			// "what's the main phone number?": with the kind asked for, what is left is wording.
			reqs, total = nil, 0
		}
		if q.Organisation == "" {
			// A phone number or a period is the named organisation's own, never another's.
			if orgs := c.Corpus.Organisations.Mentioned(q.Text); len(orgs) == 1 {
				hits = ofOrganisation(hits, orgs[0], c)
			}
		}
		if len(hits) == 0 {
			return c.abstain(ans, q, hits), nil
		}
	}
	orgNamed := q.Organisation != "" || len(c.Corpus.Organisations.Mentioned(q.Text)) > 0
	cands := c.candidates(hits, reqs, total, kind, defining, orgNamed)
	if len(cands) == 0 && kind == KindEmail {
		// Captured pages often lose e-mail addresses to a placeholder ("[email protected]"):
		// where a notice had one, the contact details it still gives (a postal address, a phone
		// number) answer "what's their e-mail?". A notice that never gave one doesn't answer.
		cands = nil
		for _, cd := range c.candidates(hits, reqs, total, KindContact, defining, orgNamed) {
			if hasEmailPlaceholder(cd.unit.quote()) {
				cands = append(cands, cd)
			}
		}
	}
	if len(cands) == 0 || cands[0].coverage < c.MinCoverage || total > 0 && c.unseenShare(reqs) >= maxUnseenShare {
		return c.abstain(ans, q, hits), nil
	}
	if AsksForLaw(asked.Text) {
		// Whether to answer is settled; which sentence to quote is not: "what's the legal
		// basis for …?" is answered by the sentence naming the law, not the one saying why
		// the council uses the information, however many of the question's words that uses.
		cands = preferred(cands, func(cd candidate) bool { return citesLawRe.MatchString(cd.unit.quote()) }, lawFloor)
	}
	if kind == "" && !defining && AsksWhoReceives(asked.Text) {
		// "Who gets my comment if the applicant appeals?" is answered by whom it goes to ("the
		// Planning Inspectorate, if an applicant appeals …"), not by how long it is kept.
		cands = preferred(cands, func(cd candidate) bool { return c.namesRecipient(hits[cd.hit].Passage, cd.unit) }, recipientFloor)
	}
	// A question scoped to an organisation or a notice gets no other council's answer.
	scoped := q.Organisation != "" || q.NoticeID != ""
	chosen := choose(cands, k, func(hit int) string { return c.canonical(hits[hit].Passage.Organisation) },
		scoped, c.MinCoverage)
	chosen = c.withAntecedents(hits, chosen)
	return c.compose(ans, q, hits, chosen), nil
}

// CleanQuestion makes user input safe to process: valid UTF-8, no control characters, folded
// white space, bounded length.
func CleanQuestion(s string) (string, error) {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFFFD' || unicode.Is(unicode.Co, r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", ErrEmptyQuestion
	}
	if utf8.RuneCountInString(s) > MaxQuestionRunes {
		return "", ErrQuestionTooLong
	}
	return s, nil
}

// candidates scores the units of the retrieved passages that could answer, best first. When the
// question asks for a kind of fact (a period, a phone number), only units stating one can; and
// only passages that name the question's topic (its most specific word the notices use) can.
//
// When the question names its council, an answer must also name the question's topic: "how
// long does Westmere keep children's records?" is not answered by how long Westmere keeps
// adults' records, nor by how long another council keeps children's.
func (c *Composer) candidates(hits []Hit, reqs []requirement, total float64, kind string, defining, orgNamed bool) []candidate {
	top := hits[0].Score
	var out []candidate
	topic := -1 // with a kind asked for, the requirement every answer must name itself
	if kind != "" && orgNamed {
		topic = c.topicRequirement(reqs)
	}

	for hi, h := range hits {
		heading := conceptSet(c.Vocab, h.Passage.Section())
		// Words of the notice's title and service say which notice, not which sentence: every
		// sentence of the notice has them, fully.
		scope := conceptSet(c.Vocab, h.Passage.Title+" "+h.Passage.Service)
		// A heading that names what the question asks about marks the passage that answers it.
		var headGot float64
		for _, r := range reqs {
			n := 0
			for _, k := range r.concepts {
				if heading[k] {
					n++
				}
			}
			if n >= r.need {
				headGot += r.weight
			}
		}
		headCov := 0.0
		if total > 0 {
			headCov = headGot / total
		}
		ps, ok := c.pieces[h.Passage.ID]
		if !ok || ps.concepts == nil && len(ps.units) > 0 { // a passage of another corpus
			ps = pieces{units: units(h.Passage.Text)}
			for _, u := range ps.units {
				ps.concepts = append(ps.concepts, conceptSet(c.Vocab, u.quote()))
			}
		}
		us, sets := ps.units, ps.concepts
		for ui, u := range us {
			concepts := sets[ui]
			if kind != "" && !HasKind(u.quote(), kind) && !(kind == KindContact && namesWho(u.text)) {
				// "Who is the data controller?" is answered by a contact, or by the sentence
				// saying who it is ("Westmere Borough Council is the data controller …").
				continue
			}
			// The sentences either side are its context: "Telephone: 01908 …" follows "Should
			// you have any queries about the site, you can contact us at …".
			var near []map[string]bool
			if ui > 0 {
				near = append(near, sets[ui-1])
			}
			if ui+1 < len(us) {
				near = append(near, sets[ui+1])
			}
			if sec := c.section[sectionKey(h.Passage)]; sec != nil && len(us) == 1 {
				near = append(near, sec) // a sentence on its own has its section for context
			}
			if topic >= 0 && !names(reqs[topic], append([]map[string]bool{concepts, heading, scope}, near...)...) {
				// "How long do you keep children's records?" is not answered by how long adults'
				// records are kept: a period answers only for the records it names.
				continue
			}
			var got float64
			for _, r := range reqs {
				n, nh, nn := 0, 0, 0
				for _, k := range r.concepts {
					switch {
					case concepts[k] || scope[k]:
						n++
					case heading[k]:
						nh++
					case inAny(near, k):
						nn++
					}
				}
				switch {
				case n >= r.need || hasAll(concepts, r.own):
					got += r.weight
				case n+nh >= r.need && u.block:
					got += r.weight // an address block says nothing but what its heading names
				case n+nh >= r.need:
					got += 0.7 * r.weight // the heading says it, the sentence is under it
				case n+nh+nn >= r.need:
					got += neighbourShare * r.weight
				}
			}
			cov := 1.0 // "what's the phone number?": the number is all it asks
			if total > 0 {
				cov = got / total
			}
			rank := 0.0
			if top > 0 {
				rank = h.Score / top
			}
			score := cov + 0.25*rank + 0.15*headCov
			if u.leadIn && len(reqs) > 0 && !namesWho(u.text) {
				// Prefer the bullet that says it over the whole list. A lead-in that says who
				// holds a role ("Our Data Protection Officer is Helen Marchbank.") says it
				// itself, and its list gives the contact details.
				score -= leadInPenalty
			}
			if brokenOff(u.text) {
				score -= brokenOffPenalty
			}
			if defining && definitionRe.MatchString(u.text) {
				score += definitionBonus
			}
			out = append(out, candidate{hit: hi, unit: u, order: ui, coverage: cov, score: score})
		}
	}
	wholeLists(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// wholeLists lifts the penalty of a lead-in whose bullets answer together: when no one bullet
// answers better than another ("what do you collect?" and the bullets of "we may collect:" name
// what is collected), the question is about the list, not one of its items. A lead-in that is a
// sentence of its own ("We only keep information for as long as it is needed.") needs three
// bullets to tie: its bullets are separate facts, and the two that answer are quoted alone.
func wholeLists(cands []candidate) {
	for i := range cands {
		lead := &cands[i]
		if !lead.unit.leadIn || len(lead.unit.items) < 2 {
			continue
		}
		need := 2
		if !strings.HasSuffix(strings.TrimSpace(lead.unit.text), ":") {
			need = 3
		}
		best, ties := -1.0, 0
		for _, o := range cands {
			if o.hit != lead.hit || o.unit.leadIn || !slices.Contains(lead.unit.items, o.unit.text) {
				continue
			}
			switch {
			case o.coverage > best+1e-9:
				best, ties = o.coverage, 1
			case o.coverage > best-1e-9:
				ties++
			}
		}
		if ties >= need && lead.coverage >= best {
			lead.score += leadInPenalty
		}
	}
}

// topicShare is the share of a question's weight its most specific word must have to be its
// topic: in a short question it is ("children's records"); a long one tells a story around its
// topic ("… after a serious case review"), and its rarest word may be a detail of the story.
const topicShare = 0.4

// topicRequirement is the index of the question's most specific requirement the notices can
// meet (its topic: "children" in "how long do you keep children's records?"), or -1 when no
// requirement stands out.
func (c *Composer) topicRequirement(reqs []requirement) int {
	best, bestW, total := -1, 0.0, 0.0
	for _, r := range reqs {
		total += r.weight
	}
	for i, r := range reqs {
		if r.everyday {
			continue
		}
		seen := false
		for _, k := range r.concepts {
			if _, ok := c.idf[k]; ok {
				seen = true
			}
		}
		if seen && r.weight > bestW {
			best, bestW = i, r.weight
		}
	}
	if bestW < topicShare*total {
		return -1
	}
	return best
}

// names reports whether a unit, the heading it is under or its notice's title names what a
// requirement asks for (the sentences beside it don't).
func names(r requirement, sets ...map[string]bool) bool {
	n := 0
	for _, k := range r.concepts {
		if inAny(sets, k) {
			n++
		}
	}
	return n >= r.need
}

// lawQuestionRe recognises a question asking which law or legal basis something rests on.
var lawQuestionRe = regexp.MustCompile(`(?i)\b(?:legal|lawful)\s+(?:basis|bases|grounds?|power|powers|gateway)\b|\b(?:what|which)\s+(?:laws?|legislation|acts?)\b|\bunder\s+what\s+(?:laws?|power|authority|legislation)\b`)

// AsksForLaw reports whether a question asks which law or legal basis something rests on
// ("what's the legal basis for council tax records?", "under what law do you …").
func AsksForLaw(q string) bool { return lawQuestionRe.MatchString(q) }

// citesLawRe finds a sentence naming a law: an Act of Parliament ("the Care Act 2014"),
// regulations ("the Housing Benefit Regulations 2006") or an article of the GDPR ("Article
// 6(1)(e)").
var citesLawRe = regexp.MustCompile(`\bAct\s+(?:of\s+)?\d{4}\b|\bRegulations\s+\d{4}\b|\bArticles?\s+\d+\s*\(\d+\)`)

// lawFloor is the share of the best sentence's coverage a sentence naming a law must have to be
// quoted first for a legal-basis question: it must still be about what was asked.
const lawFloor = 0.35

// preferred moves to the front, in their order, the candidates of a kind the question asks for
// that cover at least floor times what the best candidate covers. It changes only which
// sentence is quoted: the best coverage, which decides whether to answer, was read before.
func preferred(cands []candidate, want func(candidate) bool, floor float64) []candidate {
	if len(cands) == 0 {
		return cands
	}
	min := floor * cands[0].coverage
	var first, rest []candidate
	for _, cd := range cands {
		if cd.coverage >= min && want(cd) {
			first = append(first, cd)
		} else {
			rest = append(rest, cd)
		}
	}
	if len(first) == 0 {
		return cands
	}
	return append(first, rest...)
}

// whoReceivesRe recognises a question asking who gets, sees or is sent someone's information.
var whoReceivesRe = regexp.MustCompile(`(?i)\bwho(?:m)?\b(?:\s+else)?\s+(?:\w+\s+){0,3}?(?:gets?|get to|sees?|see|receives?|has access|have access|access|sends?|send|sent|shares?|share|shared|passe?s?|pass|passed|given|gives?|tells?|told|hears?)\b|\b(?:with|to)\s+whom\b|\bwho\s+(?:do|does|will|would|might|can|could)\s+(?:you|we|they|the council|it)\s+(?:\w+\s+){0,2}?(?:share|send|pass|give|tell|disclose|show)\b`)

// AsksWhoReceives reports whether a question asks who is given, sent or shown information
// ("who else gets to see my email?", "NFI data - who do we send it to?").
func AsksWhoReceives(q string) bool { return whoReceivesRe.MatchString(q) }

// recipientRe finds a sentence saying to whom information goes: a verb of passing it on with
// the receiver close after ("provide particular sets of data to the Minister for the Cabinet
// Office", "pass it to our IT section", "share information with partner agencies"). Being sent
// something oneself ("send it to you") or sending it along with something ("sent with an
// application") doesn't say who else gets it.
var recipientRe = regexp.MustCompile(`(?i)\b(?:shares?|shared|sharing)\b(?:[\s,]+[\w'’]+){0,6}?[\s,]+with\s+(?:the\s+|our\s+|other\s+)?(?:[a-tvwxz]|u[^s]|y[^o])|\b(?:send|sends|sent|pass|passes|passed|passing|provide|provides|provided|disclose|discloses|disclosed|forward|forwards|forwarded|give|gives|given|contact|consult|consults|notify|refer|referred)\b(?:\s+[\w'’]+){0,6}?\s+to\s+(?:the\s+|our\s+|other\s+|a\s+|an\s+)?(?:[a-tvwxz]|u[^s]|y[^o])|\brecipients?\b|\bhave access\b|\bavailable only to\b`)

// recipientHeadingRe finds a heading over who information goes to ("Who we share it with").
var recipientHeadingRe = regexp.MustCompile(`(?i)\bshar(?:e|es|ed|ing)\b|\brecipients?\b|\bdisclos`)

// recipientFloor is the share of the best sentence's coverage a sentence naming a recipient must
// have to be quoted first for a "who gets it?" question.
const recipientFloor = 0.5

// namesRecipient reports whether a unit says who is given information: a sentence saying it, a
// bullet of a list introduced by one ("We only share what is needed … This may include: – care
// homes …"), or anything under a heading about it ("WHO WE SHARE IT WITH").
func (c *Composer) namesRecipient(p notice.Passage, u unit) bool {
	if recipientRe.MatchString(u.text) || u.item && recipientHeadingRe.MatchString(p.Section()) {
		return true
	}
	us := c.pieces[p.ID].units
	for i, o := range us {
		if !o.leadIn || !slices.Contains(o.items, u.text) {
			continue
		}
		// The lead-in is its line: "We only share … with people who … . This may include:".
		for j := i; j >= 0 && us[j].leadIn && (j == i || len(us[j].items) == 0); j-- {
			if recipientRe.MatchString(us[j].text) {
				return true
			}
		}
	}
	return false
}

// leadInPenalty keeps a whole list out of an answer that one of its bullets gives.
const leadInPenalty = 0.1

// whoIsRe finds a sentence saying who someone is or who holds a role ("Our Data Protection
// Officer is Helen Marchbank.", "Westmere Borough Council is the data controller …").
var whoIsRe = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:the\s+)?(?:data\s+controller|controller|data\s+protection\s+officer)\b|\b(?:data\s+protection\s+officer|dpo|data\s+controller|controller)\s+(?:is|are)\s+\S`)

// namesWho reports whether a sentence names who holds a data protection role.
func namesWho(s string) bool { return whoIsRe.MatchString(s) }

// hasEmailPlaceholder reports whether text held an e-mail address the captured page replaced.
func hasEmailPlaceholder(s string) bool {
	return strings.Contains(s, "[email") && strings.Contains(s, "protected]")
}

// definitionBonus favours, for "what is X?", the sentence that says what X is ("A cookie is a
// small text file …") over the many that only mention X.
const definitionBonus = 0.1

// definitionRe finds a sentence that defines or describes what something is or does.
var definitionRe = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?[\w' -]{1,40}?\s+(?:is|are)\s+(?:an?|the)\s|\b(?:means|refers to|is known as|are known as|stands for)\b|^we are\b`)

// definitionQuestionRe recognises a question asking what something is, means or does.
var definitionQuestionRe = regexp.MustCompile(`(?i)^\W*(?:so\s+)?(?:what|who)(?:'s|\s+is|\s+are|\s+even\s+is|\s+exactly\s+is)\s+(?:an?\s+|the\s+)?[\w' -]{1,40}\W*$|\bwhat\s+(?:does|do)\b[^?.!]*\b(?:mean|stand for|do)\W*$|\bwhat\s+is\s+meant\s+by\b`)

// IsDefinitionQuestion reports whether a question asks what something is, means or does
// ("what even is a cookie", "what does 'processing' mean", "what does the service do").
func IsDefinitionQuestion(q string) bool {
	return definitionQuestionRe.MatchString(strings.TrimSpace(q))
}

// anaphoraRe finds a sentence that opens by pointing back at the one before it ("This is known
// as 'processing'."): quoted alone it doesn't say what "this" is.
var anaphoraRe = regexp.MustCompile(`^(?:This|These|That|Those|It|They|Such)\b`)

// withAntecedents adds, before a chosen sentence that points back ("This is known as …"), the
// sentence it points back to, so the quote says what it is about.
func (c *Composer) withAntecedents(hits []Hit, chosen []candidate) []candidate {
	out := make([]candidate, 0, len(chosen))
	for _, cd := range chosen {
		if cd.order > 0 && !cd.unit.block && anaphoraRe.MatchString(cd.unit.text) {
			us := c.pieces[hits[cd.hit].Passage.ID].units
			if us == nil {
				us = units(hits[cd.hit].Passage.Text)
			}
			if cd.order < len(us) && cd.order-1 < len(us) {
				prev := us[cd.order-1]
				if !prev.leadIn && len(prev.items) == 0 && !hasUnit(chosen, cd.hit, prev.text) && !hasUnit(out, cd.hit, prev.text) {
					out = append(out, candidate{hit: cd.hit, unit: prev, order: cd.order - 1, coverage: cd.coverage, score: cd.score})
				}
			}
		}
		out = append(out, cd)
	}
	return out
}

// hasUnit reports whether a unit of a hit is among the candidates.
func hasUnit(cs []candidate, hit int, text string) bool {
	for _, o := range cs {
		if o.hit == hit && o.unit.text == text {
			return true
		}
	}
	return false
}

// brokenOffPenalty keeps a sentence that lost its end out of an answer while a whole one answers.
const brokenOffPenalty = 0.3

// brokenOff reports whether a sentence lost its end: captured pages drop the link or address a
// sentence ended with ("Once completed you should email it to", "visit the ICO web site or
// email"), and what is left doesn't answer.
func brokenOff(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;)\"”") || strings.Contains(s, "\n") {
		return false
	}
	ws := Words(s)
	if len(ws) < 3 {
		return false
	}
	switch ws[len(ws)-1] {
	case "the", "a", "an", "at", "via", "and", "or", "to", "our", "your", "their", "on", "from",
		"email", "emailing", "e", "mail", "mailing", "contact", "contacting", "visit", "visiting", "call", "calling":
		return !HasKind(s, KindContact) // "Telephone: 01908 691691 or email" still gives the number
	}
	return false
}

// withoutKindWords drops the requirements that only ask for the kind of fact ("how long",
// "phone number"), returning the rest and their total weight. A phrase that names the kind
// ("how many days" → days provide information) is how the question asks for it, whatever else
// its expansion says.
func withoutKindWords(reqs []requirement, kindConcepts map[string]bool) ([]requirement, float64) {
	var out []requirement
	var total float64
	for _, r := range reqs {
		other := 0
		for _, k := range r.concepts {
			if !kindConcepts[k] {
				other++
			}
		}
		if other == 0 || r.phrase && other < len(r.concepts) {
			continue
		}
		out = append(out, r)
		total += r.weight
	}
	return out, total
}

// onlyEveryday reports whether every requirement is an everyday word.
func onlyEveryday(reqs []requirement) bool {
	for _, r := range reqs {
		if !r.everyday {
			return false
		}
	}
	return true
}

// ofOrganisation keeps the hits of one organisation.
func ofOrganisation(hits []Hit, org string, c *Composer) []Hit {
	var out []Hit
	for _, h := range hits {
		if c.canonical(h.Passage.Organisation) == org {
			out = append(out, h)
		}
	}
	return out
}

// neighbourShare is how much a requirement counts when only a neighbouring sentence meets it:
// the sentence is in its context, but doesn't say it.
const neighbourShare = 0.5

// hasAll reports whether a set has every one of some concepts (false for none).
func hasAll(set map[string]bool, ks []string) bool {
	for _, k := range ks {
		if !set[k] {
			return false
		}
	}
	return len(ks) > 0
}

func inAny(sets []map[string]bool, k string) bool {
	for _, s := range sets {
		if s[k] {
			return true
		}
	}
	return false
}

func conceptSet(v *Vocabulary, s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range Terms(s) {
		m[v.Concept(t)] = true
	}
	return m
}

// maxUnits bounds what one answer quotes: a short answer is one that gets read.
const maxUnits = 3

// choose keeps the best unit and the others nearly as good: at most maxUnits units, from at most
// k passages, each sentence once. When the question isn't scoped and several organisations'
// notices answer it, each of them first gets its own best unit (one that covers the question
// nearly as well as the best), so the answer says which council says what, instead of showing
// one council's answer as if it were every council's.
func choose(cands []candidate, k int, orgOf func(hit int) string, scoped bool, minCoverage float64) []candidate {
	best := cands[0]
	var out []candidate
	passages := map[int]bool{}
	add := func(cd candidate) {
		if !passages[cd.hit] && len(passages) >= k {
			return
		}
		for _, o := range out {
			if o.unit.text == cd.unit.text { // the same sentence in two notices of one council
				return
			}
		}
		if quotedAlready(out, cd) || cd.unit.leadIn && itemsChosen(out, cd) {
			return // the list is quoted already, or the bullets that say it are
		}
		passages[cd.hit] = true
		out = append(out, cd)
	}
	if !scoped {
		seen := map[string]bool{}
		for _, cd := range cands {
			org := orgOf(cd.hit)
			if seen[org] || cd.coverage < minCoverage || cd.coverage < 0.75*best.coverage {
				continue
			}
			seen[org] = true
			add(cd)
		}
	}
	for _, cd := range cands {
		if len(out) >= max(maxUnits, len(out)) && len(out) >= maxUnits {
			break
		}
		if cd.score < 0.8*best.score || cd.coverage < 0.75*best.coverage {
			break
		}
		add(cd)
	}
	return out
}

// itemsChosen reports whether bullets of a lead-in's list are already chosen.
func itemsChosen(chosen []candidate, lead candidate) bool {
	for _, o := range chosen {
		if o.hit == lead.hit && slices.Contains(lead.unit.items, o.unit.text) {
			return true
		}
	}
	return false
}

// quotedAlready reports whether a bullet is already quoted as part of a chosen lead-in's list.
func quotedAlready(chosen []candidate, cd candidate) bool {
	for _, o := range chosen {
		if o.hit == cd.hit && o.unit.leadIn && slices.Contains(o.unit.items, cd.unit.text) {
			return true
		}
	}
	return false
}

// compose writes the answer from the chosen units: grouped by organisation (naming each, so two
// councils' facts are never blended), then by passage, in the notice's own order.
func (c *Composer) compose(ans Answer, q Question, hits []Hit, chosen []candidate) Answer {
	// Citation numbers in order of first use.
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].hit != chosen[j].hit {
			return chosen[i].hit < chosen[j].hit
		}
		return chosen[i].order < chosen[j].order
	})
	num := map[int]int{}
	var orgs []string
	byOrg := map[string][]candidate{}
	for _, cd := range chosen {
		org := c.canonical(hits[cd.hit].Passage.Organisation)
		if _, ok := byOrg[org]; !ok {
			orgs = append(orgs, org)
		}
		byOrg[org] = append(byOrg[org], cd)
	}
	for _, org := range orgs {
		for _, cd := range byOrg[org] {
			if _, ok := num[cd.hit]; !ok {
				num[cd.hit] = len(num) + 1
				p := hits[cd.hit].Passage
				ans.Citations = append(ans.Citations, Citation{
					N: num[cd.hit], Notice: p.NoticeID, Title: p.Title, Organisation: p.Organisation,
					Section: p.Section(), Source: p.Source, Updated: p.Updated,
					Score: round(hits[cd.hit].Score), Passage: p.Text,
				})
			}
		}
	}
	// Excerpts: the chosen units of each cited passage, in the passage's order.
	for i := range ans.Citations {
		var parts []string
		for _, cd := range chosen {
			if num[cd.hit] == ans.Citations[i].N {
				parts = append(parts, cd.unit.quote())
			}
		}
		ans.Citations[i].Excerpt = strings.Join(parts, " … ")
	}

	var b strings.Builder
	if len(orgs) > 1 {
		fmt.Fprintf(&b, "The notices of %d organisations answer this differently:\n", len(orgs))
	}
	for oi, org := range orgs {
		if oi > 0 {
			b.WriteString("\n")
		}
		lastHit := -1
		for _, cd := range byOrg[org] {
			p := hits[cd.hit].Passage
			if cd.hit != lastHit {
				if lastHit >= 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s — %s", p.Organisation, p.Title)
				if s := p.Section(); s != "" {
					fmt.Fprintf(&b, ", “%s”", shorten(s, 90))
				}
				b.WriteString(":\n")
				lastHit = cd.hit
			}
			fmt.Fprintf(&b, "• “%s” [%d]\n", cd.unit.quote(), num[cd.hit])
		}
	}
	ans.Answer = strings.TrimRight(b.String(), "\n")
	ans.Stale = c.stale(ans.Citations)
	for _, s := range ans.Stale {
		ans.Answer += fmt.Sprintf("\nNote: %s was %s; what it says may no longer be current.", s.Title, s.Note)
	}
	return ans
}

// stale lists cited notices last updated more than three years ago.
func (c *Composer) stale(cits []Citation) []StaleNotice {
	var out []StaleNotice
	seen := map[string]bool{}
	now := c.Now()
	for _, ct := range cits {
		if seen[ct.Notice] || ct.Updated == "" {
			continue
		}
		seen[ct.Notice] = true
		t, err := time.Parse(time.DateOnly, ct.Updated)
		if err != nil || now.Sub(t) <= staleAfter {
			continue
		}
		out = append(out, StaleNotice{Notice: ct.Notice, Title: ct.Title, Updated: ct.Updated,
			Note: "last updated " + t.Format("2 January 2006")})
	}
	return out
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
		orgs = c.Corpus.Organisations.Mentioned(q.Text)
	}
	if len(orgs) == 0 {
		for _, o := range c.Corpus.Organisations.All() {
			if len(c.byOrg[o.Name]) > 0 {
				orgs = append(orgs, o.Name)
			}
		}
	}
	var b strings.Builder
	b.WriteString("The privacy notices I have don't answer that, so I can't give you a reliable answer.")
	for _, org := range orgs {
		contact, ok := c.Contact(org)
		if !ok {
			fmt.Fprintf(&b, "\nPlease ask %s's data protection officer.", org)
			continue
		}
		if ans.Contact == nil {
			cc := contact.Contact
			ans.Contact = &cc
		}
		fmt.Fprintf(&b, "\nFor %s, contact the data protection team (from “%s”):\n%s", org, contact.Title, contact.Text)
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, Citation{N: n, Notice: contact.Notice, Title: contact.Title,
			Organisation: org, Section: contact.section, Excerpt: contact.Text, Source: contact.source, Updated: contact.updated})
		fmt.Fprintf(&b, " [%d]", n)
	}
	ans.Answer = b.String()
	return ans
}

// orgContact is a Contact with the passage details a citation needs.
type orgContact struct {
	Contact
	section, source, updated string
}

// Contact finds an organisation's data protection contact as its notices state it: where
// organisations.yaml points, else the passage that names the Data Protection Officer with a
// phone number, postal address or e-mail.
func (c *Composer) Contact(org string) (orgContact, bool) {
	org = c.canonical(org)
	passages := c.byOrg[org]
	if o, ok := c.Corpus.Organisations.Get(org); ok && o.DPOContact.Notice != "" {
		for _, p := range passages {
			if p.NoticeID == o.DPOContact.Notice && len(p.Headings) > 0 &&
				strings.HasPrefix(strings.ToLower(p.Headings[len(p.Headings)-1]), strings.ToLower(o.DPOContact.Section)) {
				return contactFrom(org, p), true
			}
		}
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

func contactFrom(org string, p notice.Passage) orgContact {
	return orgContact{
		Contact: Contact{Organisation: org, Text: contactText(p.Text), Notice: p.NoticeID, Title: p.Title},
		section: p.Section(), source: p.Source, updated: p.Updated,
	}
}

// contactText drops what the captured pages lost: "[email protected]" placeholders are not
// e-mail addresses and are never presented as one.
func contactText(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "[email") && strings.Contains(l, "protected]") {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

// contactDetailRe finds a phone number, a UK postcode or an e-mail address in a passage.
var contactDetailRe = regexp.MustCompile(`(?i)\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|[\w.+-]+@[\w-]+\.[\w.]+`)
