package answer

// Choosing what to quote: scoring the sentences and bullets of the retrieved passages against
// the question, and picking the few that answer it.

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// candidate is a unit of a retrieved passage with its scores.
type candidate struct {
	hit      int // index into hits
	unit     unit
	order    int // position of the unit in its passage
	coverage float64
	score    float64
	// gap is the share of the question's weight in the heaviest topic word the unit, its
	// heading and the sentences beside it don't meet: "is there CCTV at Ridgeway Cemetery?" is
	// not answered by the sentence naming the cemetery.
	gap float64
	// met is how much of each requirement the unit meets (1 itself, less under a heading that
	// says it or beside a sentence that does); passCov and headCov are how much of the question
	// its passage and its heading cover. The abstention model reads them.
	met              []float64
	passCov, headCov float64
	// asked is the share of the words of the question's asking sentence the unit uses, which
	// helps choose it; askedInContext counts the words its context says too, as met does, for the
	// abstention model.
	asked, askedInContext float64
	// near is coverage counting, for what the unit doesn't name, a word of it near in meaning
	// ("cameras" for "CCTV"); gist is how near the unit as a whole is to the question.
	near, gist float64
}

// askedFor is what a question asks of the sentence that answers it, as candidates reads it.
type askedFor struct {
	reqs     []requirement
	total    float64
	kind     string          // the kind of fact asked for (a period, a phone number): a gate
	typ      string          // the answer type asked in (a reason for "why"): a preference
	defining bool            // "what is X?": the sentence saying what X is
	orgNamed bool            // the question, or its scope, names its council
	keeper   []string        // someone other than the council who keeps what is asked about
	words    map[string]bool // the asking sentence's own words (askingWords)
	gist     []float32       // what the question is about as a whole (questionGist); nil when no word of it has a vector
}

// candidates scores the units of the retrieved passages that could answer, best first. When the
// question asks for a kind of fact (a period, a phone number), only units stating one can; and
// only passages that name the question's topic (its most specific word the notices use) can.
//
// When the question names its council, an answer must also name the question's topic: "how
// long does Westmere keep children's records?" is not answered by how long Westmere keeps
// adults' records, nor by how long another council keeps children's.
func (c *Composer) candidates(hits []Hit, a askedFor) []candidate {
	top := hits[0].Score
	var out []candidate
	topic := -1 // with a kind asked for, the requirement every answer must name itself
	if a.kind != "" && a.orgNamed {
		topic = c.topicRequirement(a.reqs)
	}

	for hi, h := range hits {
		heading := c.acronyms.Concepts(h.Passage.Section())
		// Words of the notice's title and service say which notice, not which sentence: every
		// sentence of the notice has them, fully.
		scope := c.acronyms.Concepts(h.Passage.Title + " " + h.Passage.Service)
		// A heading that names what the question asks about marks the passage that answers it.
		var headGot float64
		for _, r := range a.reqs {
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
		if a.total > 0 {
			headCov = headGot / a.total
		}
		ps, ok := c.pieces[h.Passage.ID]
		if !ok || ps.concepts == nil && len(ps.units) > 0 { // a passage of another corpus
			ps = analyse(c.acronyms.Concepts, h.Passage.Text)
		}
		us, sets := ps.units, ps.concepts
		var kinds []kindSet
		if a.kind != "" {
			kinds = ps.kinds()
		}
		// The passage as a whole: how much of the question its sentences and heading cover
		// together marks the passage that answers, whichever of its sentences says it.
		// A passage of one sentence is read with the rest of its section, as its sentence is.
		sec := c.section[sectionKey(h.Passage)]
		if len(us) != 1 {
			sec = nil
		}
		passCov := 0.0
		if a.total > 0 && c.PassageWeight > 0 {
			all := append([]map[string]bool{heading, scope, sec}, sets...)
			var got float64
			for _, r := range a.reqs {
				if names(r, all...) {
					got += r.weight
				}
			}
			passCov = got / a.total
		}
		for ui, u := range us {
			concepts := sets[ui]
			if a.kind != "" && !kinds[ui].has(a.kind) && !(a.kind == KindContact && namesWho(u.text)) {
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
			if sec != nil {
				near = append(near, sec) // a sentence on its own has its section for context
			}
			if len(a.keeper) > 0 && !names(requirement{concepts: a.keeper, need: len(a.keeper)}, append([]map[string]bool{concepts, heading, scope}, near...)...) {
				// "How long does the Ombudsman keep my complaint?" is not answered by how long
				// the council keeps it.
				continue
			}
			if topic >= 0 && !names(a.reqs[topic], append([]map[string]bool{concepts, heading, scope}, near...)...) {
				// "How long do you keep children's records?" is not answered by how long adults'
				// records are kept: a period answers only for the records it names.
				continue
			}
			asked, askedInContext := shareIn(a.words, concepts), shareIn(a.words, concepts, heading, scope, sec)
			var got, gap float64
			met := make([]float64, len(a.reqs))
			for ri, r := range a.reqs {
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
					met[ri] = 1
				case n+nh >= r.need && u.block:
					met[ri] = 1 // an address block says nothing but what its heading names
				case n+nh >= r.need:
					met[ri] = 0.7 // the heading says it, the sentence is under it
				case n+nh+nn >= r.need:
					met[ri] = neighbourShare
				default:
					// A phrase ("for a subject access request") often says what the fact is
					// for, not what it is about: the address block answers without it.
					if !r.everyday && !r.phrase && r.weight > gap {
						gap = r.weight
					}
				}
				got += met[ri] * r.weight
			}
			cov := 1.0 // "what's the phone number?": the number is all it asks
			if a.total > 0 {
				cov = got / a.total
			}
			nearCov, gist := c.nearCoverage(a, met, concepts), 0.0
			if a.gist != nil {
				if ug := c.gist(concepts); ug != nil {
					gist = cosine(a.gist, ug)
				}
			}
			rank := 0.0
			if top > 0 {
				rank = h.Score / top
			}
			// The weights were chosen one at a time; fitted together (a ranker learnt on the
			// development sets, each left out in turn, round 33) they put the right sentence first
			// no more often: 1,257 times against these weights' 1,259, of 1,787 questions a
			// retrieved sentence answers. Nor did a ranker of boosted trees (1,220), or the ranker
			// reading the sentence's length, place, bigrams or exact words too.
			score := cov + c.RankWeight*rank + c.HeadingWeight*headCov + c.PassageWeight*passCov + c.AskingWordsWeight*asked +
				c.NearWordWeight*(nearCov-cov) + c.GistWeight*gist
			if u.leadIn && len(a.reqs) > 0 && !namesWho(u.text) {
				// Prefer the bullet that says it over the whole list. A lead-in that says who
				// holds a role ("Our Data Protection Officer is Helen Marchbank.") says it
				// itself, and its list gives the contact details.
				score -= leadInPenalty
			}
			if brokenOff(u.text) {
				score -= brokenOffPenalty
			}
			if a.defining && definitionRe.MatchString(u.text) {
				score += definitionBonus
			}
			if a.typ != "" && StatesType(u.read(), a.typ) {
				// "Why do you need my NI number?": of the sentences naming it, the one giving a
				// reason ("… to confirm your identity") answers.
				score += c.TypeWeight
			}
			if a.total > 0 {
				gap /= a.total
			}
			if a.kind != "" && gap >= maxKindGap {
				// "At what age can my child make a request?" is not answered by the age a
				// child's case file is kept to: the fact asked for must be about all the question
				// names.
				continue
			}
			out = append(out, candidate{hit: hi, unit: u, order: ui, coverage: cov, score: score, gap: gap,
				met: met, passCov: passCov, headCov: headCov, asked: asked, askedInContext: askedInContext, near: nearCov, gist: gist})
		}
	}
	wholeLists(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// askingWords are the concepts of a question's asking sentence among its requirements, everyday
// words included. The requirements already leave out the words every question about privacy
// notices has, the organisations' names and the words asking for a kind of fact (a sentence
// stating a phone number needn't say "phone").
func (c *Composer) askingWords(q string, reqs []requirement) map[string]bool {
	required := conceptsOf(reqs)
	words := conceptSet(c.Vocab, askingSentence(q))
	for k := range words {
		if !required[k] {
			delete(words, k)
		}
	}
	return words
}

// shareIn is the share of words that a sentence's concepts, or those of its context (its
// heading, its notice's title, the section of a sentence standing alone), include; 1 when there
// are no words to share.
func shareIn(words map[string]bool, concepts ...map[string]bool) float64 {
	if len(words) == 0 {
		return 1
	}
	n := 0
	for k := range words {
		if inAny(concepts, k) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// nearCoverage is the share of the question's weight a unit covers when each requirement it
// meets less than fully is met as far as the nearest in meaning of the unit's words comes to one
// of the requirement's: not at all at a cosine of NearWordFrom, fully at 1. "Will my kid's
// details go to the GP surgery?" is met better by "… with their doctor" than by "… with their
// school", which match its other words alike.
func (c *Composer) nearCoverage(a askedFor, met []float64, concepts map[string]bool) float64 {
	if a.total <= 0 {
		return 1
	}
	var got float64
	for ri, r := range a.reqs {
		m := met[ri]
		if m < 1 {
			if near := (c.Vocab.nearest(r, concepts) - c.NearWordFrom) / (1 - c.NearWordFrom); near > m {
				m = min(near, 1)
			}
		}
		got += m * r.weight
	}
	return got / a.total
}

// questionGist is what a question is about as a whole: the mean of its requirements' vectors,
// each weighed as the requirement is (a phrase's concepts share its weight).
func (c *Composer) questionGist(reqs []requirement) []float32 {
	var concepts []string
	weight := map[string]float64{}
	for _, r := range reqs {
		for _, k := range r.concepts {
			if _, ok := weight[k]; !ok {
				concepts = append(concepts, k)
			}
			weight[k] += r.weight / float64(len(r.concepts))
		}
	}
	return c.Vocab.weightedMean(concepts, func(k string) float64 { return weight[k] })
}

// gist is what a unit is about as a whole: the mean of its concepts' vectors, each weighed by
// its rarity in the notices.
func (c *Composer) gist(concepts map[string]bool) []float32 {
	ks := make([]string, 0, len(concepts))
	for k := range concepts {
		ks = append(ks, k)
	}
	sort.Strings(ks) // the same sum, whatever the map's order
	return c.Vocab.weightedMean(ks, c.weight)
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
		best, ties, bestScore := -1.0, 0, math.Inf(-1)
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
			bestScore = max(bestScore, o.score)
		}
		if ties >= need && lead.coverage >= best {
			// The list answers, and quotes every bullet that does: ahead of any one of them
			// ("What rights do I have?" quoted two of seven rights, by a hair's difference in rank).
			lead.score = max(lead.score+leadInPenalty, bestScore+1e-6)
		}
	}
}

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
var whoIsRe = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:both\s+|also\s+)?(?:the\s+)?(?:joint\s+)?(?:data\s+controller|controller|data\s+protection\s+officer)\b|\b(?:data\s+protection\s+officer|dpo|data\s+controller|controller)\s+(?:is|are)\s+\S`)

// namesWho reports whether a sentence names who holds a data protection role.
func namesWho(s string) bool { return whoIsRe.MatchString(s) }

// definitionBonus favours, for "what is X?", the sentence that says what X is ("A cookie is a
// small text file …") over the many that only mention X.
const definitionBonus = 0.1

// definitionRe finds a sentence that defines or describes what something is or does.
var definitionRe = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?[\w' -]{1,40}?\s+(?:is|are)\s+(?:an?|the)\s|\b(?:means|refers to|is known as|are known as|stands for)\b|^we are\b`)

// anaphoraRe finds a sentence that opens by pointing back at the one before it ("This is known
// as 'processing'."): quoted alone it doesn't say what "this" is.
var anaphoraRe = regexp.MustCompile(`^(?:This|These|That|Those|It|They|Such)\b`)

// withAntecedents adds, before a chosen sentence that points back ("This is known as …"), the
// sentence it points back to, so the quote says what it is about.
func (c *Composer) withAntecedents(hits []Hit, chosen []candidate) []candidate {
	out := make([]candidate, 0, len(chosen))
	for _, cd := range chosen {
		if cd.order > 0 && !cd.unit.block && (anaphoraRe.MatchString(cd.unit.text) || pointsAboveRe.MatchString(cd.unit.text)) {
			us := c.unitsOf(hits[cd.hit].Passage)
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

// pointsAboveRe finds a sentence that points back at what the notice said above it: "the
// requirement mentioned above will be our lawful basis", "the above services".
var pointsAboveRe = regexp.MustCompile(`(?i)\b(?:mentioned|stated|described|set out|listed|given|outlined|referred to|explained|detailed)\s+above\b|\bthe above\b|\babove-mentioned\b`)

// withWhatIsAbove adds, before a chosen sentence that points back at what the notice said above
// it and opens its passage, the last sentence of the passage before it in the same section: "If
// you access our services then the requirement mentioned above will be our lawful basis" was
// quoted without the Care Act 2014 duty it points back to, a paragraph of its own (a QA pass of
// advisers). A sentence within its passage has its antecedent added by withAntecedents.
func (c *Composer) withWhatIsAbove(hits []Hit, chosen []candidate) ([]Hit, []candidate) {
	out := make([]candidate, 0, len(chosen))
	for _, cd := range chosen {
		p := hits[cd.hit].Passage
		if cd.order == 0 && !cd.unit.block && pointsAboveRe.MatchString(cd.unit.text) {
			if before, ok := c.passageBefore(p); ok {
				at := slices.IndexFunc(hits, func(h Hit) bool { return h.Passage.ID == before.ID })
				if at < 0 {
					hits, at = append(hits, Hit{Passage: before, Score: hits[cd.hit].Score}), len(hits)
				}
				us := c.unitsOf(before)
				if last := len(us) - 1; last >= 0 && !us[last].leadIn && len(us[last].items) == 0 &&
					!hasUnit(chosen, at, us[last].text) && !hasUnit(out, at, us[last].text) {
					out = append(out, candidate{hit: at, unit: us[last], order: last, coverage: cd.coverage, score: cd.score})
				}
			}
		}
		out = append(out, cd)
	}
	return hits, out
}

// passageBefore is the passage before p in its notice, when it is under the same headings.
func (c *Composer) passageBefore(p notice.Passage) (notice.Passage, bool) {
	for _, q := range c.byOrg[c.canonical(p.Organisation)] {
		if q.NoticeID == p.NoticeID && q.Position == p.Position-1 {
			return q, slices.Equal(q.Headings, p.Headings)
		}
	}
	return notice.Passage{}, false
}

// qualifierRe finds a sentence that qualifies the one before it ("However, …", "There are
// exceptions to this …", "You can also …"): a quote that leaves it out says more than the
// notice does.
var qualifierRe = regexp.MustCompile(`^(?:However|But|Unless|Except)\b|^(?:There are|There may be|With)\s+(?:some\s+)?exceptions\b|\bexceptions to this\b|` +
	// Another route after the one quoted ("You can also report concerns to the national
	// regulator"): left out, the quote says the first is the only one.
	`^(?:You|They|Residents|People) (?:can|may|could) also\b|^(?:Alternatively|Otherwise)\b|^If you (?:are|remain) (?:still )?(?:not|un)(?:satisfied|happy)\b|` +
	// A rule limiting what the sentence before allows ("… we may need to pass it to our IT
	// section. We do not pass on any of your personal information … unless you have given us
	// permission"): left out, the quote says the council passes it on freely.
	`^We (?:do not|don't|will not|won't|never|cannot|can't|would not|wouldn't)\b[^.;]*\bunless\b`)

// continuationRe finds a sentence that goes on about what the one before it said, pointing back
// at it in its first words: "We publish an annual complaints report. It contains figures and
// lessons learned only …", "We also ask you to fill in an equality monitoring form. Answering it
// is voluntary …". What the first sentence introduces, the second often answers.
var continuationRe = regexp.MustCompile(`^(?:\S+\s+){0,3}?(?:it|this|these|that|those|they|them|such)\b`)

// pointsBackTo reports whether a sentence names, with a demonstrative, a thing the sentence before
// it named: "The council has a list of how long it keeps data for, called a 'retention
// schedule'. You can request to view this list." What the first names, the second says how to
// get.
func pointsBackTo(sentence, before string) bool {
	named := map[string]bool{}
	for _, w := range Words(before) {
		named[Stem(w)] = true
	}
	for _, m := range demonstrativeRe.FindAllStringSubmatch(strings.ToLower(sentence), -1) {
		if named[Stem(m[1])] && !stopWords[m[1]] {
			return true
		}
	}
	return false
}

// demonstrativeRe finds "this list", "these records", "that schedule": the noun after a
// demonstrative.
var demonstrativeRe = regexp.MustCompile(`\b(?:this|these|that|those|such)\s+([a-z]{3,})\b`)

// withFollowers adds, after a chosen sentence, the sentence that follows and qualifies it; and
// after the best one, the sentence that follows and goes on about it (bullets are items of a
// list, not sentences that go on).
func (c *Composer) withFollowers(hits []Hit, chosen []candidate) []candidate {
	out := make([]candidate, 0, len(chosen))
	for i, cd := range chosen {
		out = append(out, cd)
		if cd.unit.block || cd.unit.leadIn {
			continue
		}
		us := c.unitsOf(hits[cd.hit].Passage)
		next := cd.order + 1
		if next >= len(us) || hasUnit(chosen, cd.hit, us[next].text) || hasUnit(out, cd.hit, us[next].text) {
			continue
		}
		qualifies := !us[next].leadIn && qualifierRe.MatchString(us[next].text)
		continues := !cd.unit.item && !us[next].item &&
			(i == 0 && continuationRe.MatchString(strings.ToLower(us[next].text)) || pointsBackTo(us[next].text, cd.unit.text))
		if qualifies || continues || contactGoesOn(cd.unit, us[next]) {
			out = append(out, candidate{hit: cd.hit, unit: us[next], order: next, coverage: cd.coverage, score: cd.score})
		}
	}
	return out
}

// contactGoesOn reports whether a sentence carries on the contact details of the one before
// it: "Data Protection Officer, Caverstead Borough Council, Town Hall, Mercer Street, Caverstead
// CX3 8RL. Email dpo@caverstead.gov.uk, telephone 01632 960 418." Half a contact is no way to get
// in touch: the post address alone leaves out the email and phone a caller asked for.
func contactGoesOn(u, next unit) bool {
	return !u.item && !next.item && !next.leadIn && HasKind(u.text, KindContact) && HasKind(next.text, KindContact)
}

// withLeadIns quotes a bullet chosen without its list's lead-in with the lead-in, and the
// bullets of one list chosen together under it once, in the list's order, marking where bullets
// were left out ("– …"): "– Details about third parties involved in supporting you" alone doesn't
// say it is among what the council holds (a QA pass read it as an answer to "does MK sell my
// data?"), nor "– 6 years" what is kept.
func (c *Composer) withLeadIns(hits []Hit, chosen []candidate) []candidate {
	out := make([]candidate, 0, len(chosen))
	type list struct {
		at     int // its place in out
		all    []string
		chosen []string
	}
	var lists []*list
	under := map[[2]int]*list{} // a list's (hit, lead-in order)
	for _, cd := range chosen {
		if !cd.unit.item {
			out = append(out, cd)
			continue
		}
		us := c.unitsOf(hits[cd.hit].Passage)
		lead := leadInOf(us, cd.order, cd.unit.text)
		if lead < 0 || !introducesList(us[lead]) {
			out = append(out, cd)
			continue
		}
		key := [2]int{cd.hit, lead}
		if l, ok := under[key]; ok {
			l.chosen = append(l.chosen, cd.unit.text)
			continue
		}
		// The sentence that introduces the list, with the one before it when it points back:
		// "We only share what is needed. This may include:" — "This may include:" alone says
		// nothing; "Within our service, we keep the following information for the following
		// periods:" needs nothing of the paragraph before it.
		first := lead
		for first > 0 && anaphoraRe.MatchString(us[first].text) && us[first-1].leadIn && len(us[first-1].items) == 0 {
			first--
		}
		var text []string
		for _, u := range us[first : lead+1] {
			text = append(text, u.text)
		}
		listed := cd
		listed.order = first
		listed.unit = unit{text: strings.Join(text, " "), leadIn: true}
		l := &list{at: len(out), all: us[lead].items, chosen: []string{cd.unit.text}}
		under[key] = l
		lists = append(lists, l)
		out = append(out, listed)
	}
	for _, l := range lists {
		out[l.at].unit.items = elided(l.all, l.chosen)
	}
	return out
}

// leftOut stands for bullets of a list not quoted.
const leftOut = "…"

// elided are the chosen bullets of a list, in its order, with leftOut where bullets were left
// out before, between or after them.
func elided(all, chosen []string) []string {
	var out []string
	gap := false
	for _, b := range all {
		if !slices.Contains(chosen, b) {
			gap = true
			continue
		}
		if gap {
			out = append(out, leftOut)
		}
		gap = false
		out = append(out, b)
	}
	if gap {
		out = append(out, leftOut)
	}
	return out
}

// introducesList reports whether a lead-in reads as introducing its bullets: it ends with a
// colon, or is a whole sentence over a list of several ("We only keep information for as long
// as it is needed."). A line ending without a stop over one "bullet" is a captured page's
// heading or a sentence broken in two, and the bullet stands on its own.
func introducesList(u unit) bool {
	t := strings.TrimSpace(u.text)
	if strings.HasSuffix(t, ":") {
		return true
	}
	return len(u.items) >= 2 && strings.HasSuffix(t, ".")
}

// leadInOf is the place among us of the lead-in of the bullet at order, -1 when it has none.
func leadInOf(us []unit, order int, bullet string) int {
	for i := min(order, len(us)) - 1; i >= 0; i-- {
		if us[i].leadIn && len(us[i].items) > 0 {
			if slices.Contains(us[i].items, bullet) {
				return i
			}
			return -1
		}
	}
	return -1
}

// unitsOf are a passage's units: analysed when the corpus was, split now for a passage of
// another corpus.
func (c *Composer) unitsOf(p notice.Passage) []unit {
	if us := c.pieces[p.ID].units; us != nil {
		return us
	}
	return units(p.Text)
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

// maxKindGap is the share of a question's weight that may go unmet, in one topic word, by a
// sentence stating the kind of fact asked for.
const maxKindGap = 0.4

// neighbourShare is how much a requirement counts when only a neighbouring sentence meets it:
// the sentence is in its context, but doesn't say it.
const neighbourShare = 0.5

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
			if o.unit.quote() == cd.unit.quote() && orgOf(o.hit) == orgOf(cd.hit) { // the same sentence (or list) in two notices of one council
				return
			}
		}
		if quotedAlready(out, cd, orgOf) || cd.unit.leadIn && itemsChosen(out, cd) {
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
	for i, cd := range cands {
		if len(out) >= max(maxUnits, len(out)) && len(out) >= maxUnits {
			break
		}
		if cd.score < 0.8*best.score || cd.coverage < 0.75*best.coverage {
			break
		}
		if i > 0 && aboutTheNoticeRe.MatchString(cd.unit.text) {
			continue // beside an answer, the notice saying what it covers says nothing more
		}
		add(cd)
	}
	return out
}

// aboutTheNoticeRe finds a sentence in which a notice says what it is about ("This notice
// explains what we do with …", "A key part of this is being open about what personal information
// we hold about you, how we use it, …", "You also need to know what rights you have in this
// respect."): it uses many of a question's words, and answers none.
var aboutTheNoticeRe = regexp.MustCompile(`(?i)^(?:this|our) (?:privacy )?(?:notice|statement|policy) (?:explains|sets out|tells you|describes|covers)\b|^A key part of this is being open\b|^You (?:also )?need to know\b`)

// itemsChosen reports whether bullets of a lead-in's list are already chosen.
func itemsChosen(chosen []candidate, lead candidate) bool {
	for _, o := range chosen {
		if o.hit == lead.hit && slices.Contains(lead.unit.items, o.unit.text) {
			return true
		}
	}
	return false
}

// quotedAlready reports whether a bullet is already quoted as part of a chosen lead-in's list:
// that passage's, or another notice's of the same council with the same bullet (as a sentence
// said twice is quoted once; another council's saying it is its own answer).
func quotedAlready(chosen []candidate, cd candidate, orgOf func(hit int) string) bool {
	for _, o := range chosen {
		if o.unit.leadIn && slices.Contains(o.unit.items, cd.unit.text) && orgOf(o.hit) == orgOf(cd.hit) {
			return true
		}
	}
	return false
}

// narrowLists quotes, of a whole list chosen, only the bullets that say what its lead-in
// doesn't: "Do you share my data with the police?" is answered by "The types of recipients
// include: … – Law enforcement agencies, such as Thames Valley Police …", not by all ten kinds of
// recipient an adviser on the phone must read through to find it. A bullet scoring as well as
// one kept is kept too: a word of the question can meet a bullet by chance ("work out who owns
// the land" and "details of the works"). A list is quoted whole when its bullets answer together
// ("who do you share it with?": the lead-in says "recipients", no bullet adds more), when every
// bullet or none says the rest, and when what the question asks beyond the lead-in is not all
// said by the bullets kept: "can I stop you using my data without deleting it?" is not answered
// by the bullet on deleting alone.
func (c *Composer) narrowLists(hits []Hit, cands, chosen []candidate, reqs []requirement) []candidate {
	for i, cd := range chosen {
		u := cd.unit
		if !u.leadIn || len(u.items) < minNarrowedList || slices.Contains(u.items, leftOut) {
			continue
		}
		p := hits[cd.hit].Passage
		lead := []map[string]bool{
			c.acronyms.Concepts(u.text),
			c.acronyms.Concepts(p.Section()),
			c.acronyms.Concepts(p.Title + " " + p.Service),
		}
		itemSets := make([][]map[string]bool, len(u.items))
		for ii, concepts := range c.bulletConcepts(p, u.items) {
			itemSets[ii] = append([]map[string]bool{concepts}, lead...)
		}
		// What the question asks that the lead-in doesn't say, nor over a third of the bullets: "to
		// request …" opens three of seven rights of a list, and "what if the council says no to my data
		// request?" is not asked of those bullets.
		var beyond []requirement
		for _, r := range reqs {
			if r.context || names(r, lead...) {
				continue
			}
			n := 0
			for _, sets := range itemSets {
				if names(r, sets...) {
					n++
				}
			}
			if 3*n <= len(u.items) {
				beyond = append(beyond, r)
			}
		}
		said := make([]bool, len(beyond))
		scores := map[string]float64{} // each bullet's score as a unit of its own, the best first
		for _, o := range cands {
			if _, ok := scores[o.unit.text]; !ok && o.hit == cd.hit && o.unit.item {
				scores[o.unit.text] = o.score
			}
		}
		keeps, floor := make([]bool, len(u.items)), math.Inf(1)
		for ii, it := range u.items {
			for ri, r := range beyond {
				if names(r, itemSets[ii]...) {
					said[ri] = said[ri] || !r.everyday
					keeps[ii] = true
				}
			}
			if sc, ok := scores[it]; keeps[ii] && ok {
				floor = min(floor, sc) // a bullet not scored (not stating the fact asked for) sets no floor
			}
		}
		var keep []string
		for ii, it := range u.items {
			if sc, ok := scores[it]; keeps[ii] || ok && sc >= floor {
				keep = append(keep, it)
			}
		}
		// Everyday words ("what do I need to give when I apply?") keep a bullet that uses them but
		// don't narrow a list by themselves.
		asked, everySaid := false, true
		for ri, r := range beyond {
			asked = asked || !r.everyday
			everySaid = everySaid && (said[ri] || r.everyday)
		}
		if !asked || !everySaid || len(keep) == len(u.items) {
			continue
		}
		chosen[i].unit.items = elided(u.items, keep)
	}
	return chosen
}

// bulletConcepts are the concepts of a passage's bullets, as the corpus was analysed (a bullet
// not among them, of another corpus's passage, is analysed now).
func (c *Composer) bulletConcepts(p notice.Passage, items []string) []map[string]bool {
	ps := c.pieces[p.ID]
	out := make([]map[string]bool, len(items))
	for i, it := range items {
		for ui, u := range ps.units {
			if u.item && u.text == it && ui < len(ps.concepts) {
				out[i] = ps.concepts[ui]
				break
			}
		}
		if out[i] == nil {
			out[i] = c.acronyms.Concepts(it)
		}
	}
	return out
}

// minNarrowedList is the shortest list narrowLists cuts: three bullets read quickly enough.
const minNarrowedList = 4
