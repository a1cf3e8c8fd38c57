package answer

// Analysing a question: what it asks for, how much each of its words weighs, and which word is
// its topic.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

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
	// context says the requirement is made only by what the conversation was about, not by the
	// question itself (Question.Context).
	context bool
}

// requirements analyses a question into weighted requirements.
func (c *Composer) requirements(question string) []requirement {
	var reqs []requirement
	rest := question
	lower := strings.ToLower(rest)
	for _, r := range c.Vocab.phraseRes {
		if !r.mayMatch(lower) {
			continue
		}
		matched := r.re.FindString(rest)
		if matched == "" {
			continue
		}
		rest = r.re.ReplaceAllString(rest, " ")
		lower = strings.ToLower(rest)
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
		need := (len(cs) + 1) / 2
		if slices.Equal(slices.Sorted(slices.Values(cs)), slices.Sorted(slices.Values(own))) {
			// A phrase kept as it is ("NHS number", "social care") is a term: a sentence meets it
			// with every word, not with "health" or "number" alone (a QA pass: "do you use my NHS
			// number?" asked of Buckinghamshire, whose notices never say it, quoted "the number
			// of people phoning the council" and "health and social care services").
			need = len(cs)
		}
		reqs = append(reqs, requirement{concepts: cs, need: need, weight: w / float64(len(cs)), phrase: true, own: own})
	}
	seen := conceptsOf(reqs) // the words the phrases already ask for ("how long do you keep")
	// A town said as where ("I live in Bletchley") scopes the question as a council's name does;
	// a word of it no notice uses is no topic the notices lack.
	place := map[string]bool{}
	if c.Corpus != nil {
		for _, p := range c.Corpus.Organisations.PlacesSaid(question) {
			for _, t := range Terms(p) {
				if k := c.Vocab.Concept(t); !c.usedByANotice(k) {
					place[k] = true
				}
			}
		}
	}
	for _, tw := range termWords(rest) {
		word, t := tw.word, tw.term
		k := c.Vocab.Concept(t)
		if seen[k] || isGenericConcept(k) || c.orgWord[k] || place[k] {
			continue
		}
		seen[k] = true
		w := c.weight(k)
		// A number the notices don't use ("back in 2019", "flat 3") dates or places the
		// question; it is not what it asks about.
		_, seenNumber := c.idf[k]
		// A word no notice uses is the question's topic ("CCTV", "parking") unless people say
		// it all the time ("whoever deals with data protection", "do I have to pay").
		everyday := commonWords[t] && !c.titleWord[k] || isNumber(t) && !seenNumber || !seenNumber && spokenWithin(word, everydaySpokenRank)
		if everyday {
			w *= commonShare
		}
		reqs = append(reqs, requirement{concepts: []string{k}, need: 1, weight: w, everyday: everyday})
	}
	return reqs
}

// usedByANotice reports whether a notice uses the concept.
func (c *Composer) usedByANotice(k string) bool {
	_, ok := c.idf[k]
	return ok
}

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
	case "council", "inform", "info", "data", "detail", "person", "privaci", "notic", "polici", "stuff", "thing", "resid", "citizen",
		"team", "depart": // "the recruitment team" asks about recruitment
		return true
	}
	return len(k) < 2 && !unicode.IsDigit(rune(k[0]))
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

// whoReceivesRe recognises a question asking who gets, sees or is sent someone's information.
var whoReceivesRe = regexp.MustCompile(`(?i)\bwho(?:m)?\b(?:\s+else)?\s+(?:\w+\s+){0,3}?(?:gets?|get to|sees?|see|receives?|has access|have access|access|sends?|send|sent|shares?|share|shared|passe?s?|pass|passed|given|gives?|tells?|told|hears?)\b|\b(?:with|to)\s+whom\b|\bwho\s+(?:do|does|will|would|might|can|could)\s+(?:you|we|they|the council|it)\s+(?:\w+\s+){0,2}?(?:share|send|pass|give|tell|disclose|show)\b`)

// AsksWhoReceives reports whether a question asks who is given, sent or shown information
// ("who else gets to see my email?", "NFI data - who do we send it to?").
func AsksWhoReceives(q string) bool { return whoReceivesRe.MatchString(q) }

// definitionQuestionRe recognises a question asking what something is, means or does.
var definitionQuestionRe = regexp.MustCompile(`(?i)^\W*(?:so\s+)?(?:what|who)(?:'s|\s+is|\s+are|\s+even\s+is|\s+exactly\s+is)\s+(?:an?\s+|the\s+)?[\w' -]{1,40}\W*$|\bwhat\s+(?:does|do)\b[^?.!]*\b(?:mean|stand for|do)\W*$|\bwhat\s+is\s+meant\s+by\b`)

// IsDefinitionQuestion reports whether a question asks what something is, means or does
// ("what even is a cookie", "what does 'processing' mean", "what does the service do").
func IsDefinitionQuestion(q string) bool {
	return definitionQuestionRe.MatchString(strings.TrimSpace(q))
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

// conceptsOf is the set of the concepts of requirements.
func conceptsOf(reqs []requirement) map[string]bool {
	m := map[string]bool{}
	for _, r := range reqs {
		for _, k := range r.concepts {
			m[k] = true
		}
	}
	return m
}

// madeIn reports whether a requirement of a question, other than an everyday word, is one that
// a part of the question (its asking sentence, its asking clause) makes too; part is the
// concepts of the part's requirements.
func madeIn(r requirement, part map[string]bool) bool {
	return len(r.concepts) > 0 && part[r.concepts[0]] && !r.everyday
}

func conceptSet(v *Vocabulary, s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range Terms(s) {
		m[v.Concept(t)] = true
	}
	return m
}

// keeperRe finds who a retention question asks about: "how long does the Ombudsman keep…",
// "how many years does the Department for Transport keep them".
var keeperRe = regexp.MustCompile(`(?i)\b(?:how long|how many (?:years|months|days))\s+(?:does|do|will|would|can|could|did)\s+(.{2,60}?)\s+(?:keep|hold|retain|store|hang on to)\b`)

// theCouncil are the ways a question names the council itself as who keeps something.
var theCouncil = setOf(`you we they it u ya council`)

// otherKeeper is the concepts of someone other than the council that a retention question asks
// about ("how long does Citizens Advice keep my details?"), or nil: a council's notice says how
// long the council keeps things, not how long others do, unless it names them.
func (c *Composer) otherKeeper(question string) []string {
	m := keeperRe.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	who := strings.ToLower(strings.TrimSpace(m[1]))
	who = strings.TrimPrefix(who, "the ")
	if theCouncil[who] || who == "you guys" || who == "you lot" || len(c.Corpus.Organisations.Mentioned(who)) > 0 {
		return nil
	}
	var ks []string
	for _, t := range Terms(who) {
		if k := c.Vocab.Concept(t); !isGenericConcept(k) && !c.orgWord[k] && !theCouncil[t] {
			ks = append(ks, k)
		}
	}
	return ks
}
