package rights

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// comparison marks a question that sets two rights side by side.
var comparison = regexp.MustCompile(`\b(?:same as|same thing as|difference between|different from|differ from|versus|vs|compared (?:to|with))\b`)

// comparisonMargin is how much weaker the first-named right may be and still
// be taken as the topic of a comparison.
const comparisonMargin = 1.5

// headingNoun and headingAfter recognise a message that opens with a short
// noun phrase naming a request ("subject access request for …",
// "complaint: …"): the word after the noun shows it is a heading.
var (
	headingNoun  = map[string]bool{"request": true, "complaint": true, "objection": true}
	headingAfter = map[string]bool{"for": true, ":": true, "under": true, "of": true, "re": true, "regarding": true, "about": true, "concerning": true}
)

// On-behalf evidence: a representative's words, or a relative's data (relatives is the one list
// of them, Relatives).
const relatives = Relatives

var (
	behalfStrong = regexp.MustCompile(`\bon behalf of\b|\b(?:my|our) client\b|\bpower of attorney\b|\bappointee\b|` +
		`\bas (?:his|her|their) (?:solicitor|representative|advocate|carer|guardian)\b|\b(?:i'm|i am) (?:his|her|their) carer\b|` +
		`\bsomeone else's (?:records|data|file|information|details)\b|\b(?:for|of) someone else\b|` +
		`\bi act for\b|\bacting for\b|\bas (?:his|her|their|the) (?:executor|next of kin|attorney)\b|\bas executor\b|` +
		`\b` + relatives + `'s (?:\S+ ){0,2}(?:data|details|information|records?|files?|account|notes|name|photo|photos|picture|video|address|report|charges)\b|` +
		`\bmy (?:late )?` + relatives + `\b(?: \S+){0,6} (?:wants|would like|needs|requests|objects|doesn't want|does not want|has withdrawn|is moving|signed up)\b|` +
		// "… please delete my mum's.": the records of the sentence before, the relative's.
		`\bmy (?:late )?` + relatives + `'s(?: too| as well)? *(?:[.!?,;]|$)|` +
		// "my son Jack Hall's school records", "the data you hold on my son Jack".
		`\bmy (?:late )?` + relatives + `(?: [a-z][a-z'-]+){1,2}'s (?:\S+ ){0,2}(?:data|details|information|records?|files?|account|notes)\b|` +
		`\b(?:hold|holds|have|has|keep|keeps|kept|held) (?:on|about) (?:my|his|her|their) (?:late )?` + relatives + `\b`)
	// recordsForRelative names records for a relative ("records for my dad", "the data you hold on
	// my dad"); group 1 is who they are. "My housing file for my son's school application" is for
	// what of the son's follows, which is no record of his.
	recordsForRelative = regexp.MustCompile(`\b` + data + `(?: \S+){0,3} (?:for|on|about) my (?:late )?(` + relatives + `)(?:'s (?:\S+ ){0,2}?` + data + `\b|\b(?:[^']|$))`)
	misdirectedRe      = mustPattern(misdirected)
	behalfRelative     = regexp.MustCompile(`\bmy (?:late )?(` + relatives + `)\b`) // group 1: who
	behalfTheirs       = regexp.MustCompile(`\b(?:his|her|their) (?:\S+ ){0,3}(?:data|details|information|records?|files?|account|notes)\b`)
	// behalfThem: the relative is then spoken of in the third person ("my
	// son … he doesn't", "my daughter … delete it … of her").
	behalfThem = regexp.MustCompile(`\b(?:he|she|him|her|his|they|them|their|he's|she's|they're|hes|shes)\b`)
)

// Sentence openings: a question word asks; a bare verb instructs.
var (
	greeting    = map[string]bool{"hi": true, "hello": true, "hey": true, "dear": true, "good": true, "morning": true, "afternoon": true, "evening": true, "ok": true, "okay": true, "so": true, "right": true, "yes": true, "um": true, "also": true, "and": true, "then": true, "sir": true, "madam": true, "team": true, "dpo": true, "there": true, ",": true, ":": true}
	whWords     = map[string]bool{"what": true, "what's": true, "how": true, "how's": true, "when": true, "which": true, "who": true, "where": true, "why": true}
	leadingPrep = map[string]bool{"in": true, "on": true, "at": true, "for": true, "by": true, "to": true, "from": true, "with": true, "under": true}
	auxWords    = map[string]bool{"do": true, "does": true, "did": true, "is": true, "are": true, "am": true, "will": true, "can": true, "could": true, "may": true, "should": true, "have": true, "has": true, "would": true, "was": true, "were": true, "shall": true}
	imperative  = map[string]bool{"delete": true, "remove": true, "erase": true, "wipe": true, "send": true, "give": true, "stop": true, "cease": true, "get": true, "correct": true, "update": true, "change": true, "fix": true, "amend": true, "unsubscribe": true, "take": true, "cancel": true, "restrict": true, "freeze": true, "transfer": true, "export": true, "keep": true, "opt": true, "provide": true, "confirm": true, "explain": true, "forward": true, "rectify": true, "limit": true, "pause": true, "withdraw": true, "revoke": true, "move": true, "port": true, "lock": true, "disclose": true, "email": true, "release": true, "kill": true, "nuke": true, "mark": true, "flag": true, "hide": true, "ensure": true, "withhold": true, "request": true, "don't": true}
	// notOrder follows a "don't" that opens a sentence without giving an order ("don't know what you hold").
	notOrder = map[string]bool{"know": true, "understand": true, "think": true, "see": true, "have": true, "mind": true, "worry": true, "care": true, "get": true, "remember": true, "want": true}
)

// trace records why a message was classified as it was; tests print it.
type trace struct {
	scores map[Type]float64
	req    float64
	info   float64
	fired  []string
}

func (t trace) String() string {
	return fmt.Sprintf("scores=%v req=%.1f info=%.1f fired=%v", t.scores, t.req, t.info, t.fired)
}

// Classify reads one message and says what it asks for. It never panics and
// does bounded work on any input (see maxBytes and maxTokens).
func Classify(text string) Intent {
	in, _ := classify(text)
	return in
}

func classify(text string) (Intent, trace) {
	s := normalize(text)
	in, tr := classifyNormalized(text, s)
	in.read = normalized{text: text, s: s}
	return in, tr
}

// classifyNormalized is classify of text, whose normalised text is s.
func classifyNormalized(text, s string) (Intent, trace) {
	tr := trace{scores: make(map[Type]float64, 10)}

	blanked, idioms := blankIdioms(s)
	score, fired := scoreBlanked(blanked, idioms)
	if score >= safeThreshold {
		tr.fired = append(tr.fired, "safeguarding:"+strings.Join(fired, "+"))
		in := Intent{Type: None, Safeguarding: true, SelfHarm: slices.ContainsFunc(fired, selfHarmCues.has), OnBehalf: safeOnBehalf(s),
			Confidence: min(0.99, logistic(score-safeThreshold+1))}
		markAbuse(&in, s, false)
		return in, tr
	}
	// A landlord or creditor seeking someone, with no cue of danger, is no emergency whatever the
	// model makes of "where he's gone": the reply that the council gives out no one's details is
	// what protects the person sought. A cue of danger ("he threatened me", "she's only 14") still
	// makes it urgent, and a child or relative sought with no debt said stays the model's to judge.
	if p := safeguardProbability(text, s); p >= safeguardModel().Threshold && modelMayJudge(fired) && !(score <= 0 && seeksADebtor(s)) {
		// A sign the cues found, said in words they don't weigh enough ("he's just thrown me
		// down the stairs"): the model, reading the whole message, is sure. The cues that fired
		// still say whether it is self-harm. The danger is less certain than a cue's, so the
		// message is read for a request too: a polite "hi, I'm Kate and I want a copy of
		// everything you hold on me please" may read as urgent to the model, and must still be
		// taken (the conversation gives the safeguarding reply first).
		tr.fired = append(tr.fired, fmt.Sprintf("safeguarding-model:%.2f:%s", p, strings.Join(fired, "+")))
		in := classifyRequest(s, &tr)
		in.Safeguarding, in.ByModel, in.SelfHarm = true, true, slices.ContainsFunc(fired, selfHarmCues.has)
		in.OnBehalf = in.OnBehalf || safeOnBehalf(s)
		markAbuse(&in, s, false)
		return in, tr
	}
	if foundWhereTheyLive(s, fired) {
		// "my husband keeps finding my address": someone finding where the writer lives, told
		// with no word of fear. Urgent, and, as with the model, what the message asks ("… don't
		// give it out") is read too.
		tr.fired = append(tr.fired, "safeguarding-found-where-they-live:"+strings.Join(fired, "+"))
		in := classifyRequest(s, &tr)
		in.Safeguarding, in.ByModel = true, true
		in.OnBehalf = in.OnBehalf || safeOnBehalf(s)
		markAbuse(&in, s, false)
		return in, tr
	}
	if fledAndFearsBeingFound(s, fired) {
		// "I fled domestic abuse … how do I stop my ex finding my address", "my husband reads all
		// my letters so please don't post anything to my house": at risk from a partner, and, as
		// with the model, what the message asks is read too.
		tr.fired = append(tr.fired, "safeguarding-fled-abuse:"+strings.Join(fired, "+"))
		in := classifyRequest(s, &tr)
		in.Safeguarding, in.ByModel = true, true
		markAbuse(&in, s, true)
		in.OnBehalf = false // the writer is the one at risk
		return in, tr
	}
	if reportsAChildAtRisk(s, fired) {
		// "I want to report child neglect, will the parents know it was me": whom to report to
		// first, and, as with the model, the question answered too.
		tr.fired = append(tr.fired, "safeguarding-reports-a-child:"+strings.Join(fired, "+"))
		in := classifyRequest(s, &tr)
		in.Safeguarding, in.ByModel = true, true
		in.OnBehalf = true // the child at risk is someone else
		return in, tr
	}
	if len(fired) > 0 {
		tr.fired = append(tr.fired, fmt.Sprintf("safeguarding-below:%.1f:%s", score, strings.Join(fired, "+")))
	}
	return classifyRequest(s, &tr), tr
}

// classifyRequest reads a normalised message for the right it concerns and whether it asks to
// exercise it now.
func classifyRequest(s string, tr *trace) Intent {
	// Score every type; None starts at noneBase, so a right needs evidence.
	// A tie goes to the right mentioned first: in "what's the difference
	// between restricting and deleting", restriction is the topic.
	best, bestScore, bestPos, second := None, 0.0, len(s), 0.0
	var firstAt [10]int
	for k, t := range append([]Type{None}, Types()...) {
		score, pos := sumCues(s, typeCues[t], tr, string(t))
		if t == None {
			score += noneBase
		}
		tr.scores[t] = score
		firstAt[k] = pos
		switch {
		case score > bestScore || (score == bestScore && pos < bestPos):
			best, bestScore, bestPos, second = t, score, pos, bestScore
		case score > second:
			second = score
		}
	}

	// In a comparison ("is portability the same as a subject access
	// request?") the right named first is the topic, even when the second
	// has a little more evidence.
	if best != None && comparison.MatchString(s) {
		for k, t := range append([]Type{None}, Types()...) {
			if t != None && t != best && tr.scores[t] > noneBase && tr.scores[t] >= bestScore-comparisonMargin && firstAt[k] < bestPos {
				best, bestPos = t, firstAt[k]
				tr.fired = append(tr.fired, "comparison:"+string(t))
			}
		}
	}

	// A supposition is no wish: in "if I withdraw my consent will you still provide the service"
	// the withdrawal is supposed, and the question after it asks what follows (a QA pass started
	// the request). The request cues read the message without it; the question is information.
	supposed, asking := consequenceQuestions(s)
	req, _ := sumCues(supposed, requestCues, tr, "req")
	info, _ := sumCues(s, infoCues, tr, "info")
	if asking > 0 {
		info += consequenceWeight
		tr.fired = append(tr.fired, "info:consequence")
	}
	r, i := openings(s, tr)
	req, info = req+r, info+i
	tr.req, tr.info = req, info

	in := Intent{Type: best, OnBehalf: onBehalf(s)}
	typeConf := logistic(bestScore - second)
	if best == None {
		// With no information cue at all, None is only the absence of a
		// right, so it is reported with modest confidence.
		in.Confidence = logistic(bestScore - second - 1)
		return in
	}
	// Ties go to information: intake starts only on a clear wish, and the
	// conversation can still offer to make the request.
	in.Actionable = req > info
	in.Confidence = typeConf * logistic(math.Abs(req-info))
	return in
}

// sumCues adds the weight of each cue that matches s (once per cue),
// skipping negated matches, and says where the earliest counted match starts.
func sumCues(s string, cues []cue, tr *trace, tag string) (total float64, first int) {
	first = len(s)
	for _, cu := range cues {
		if !cu.re.possible(s) || (cu.requires != nil && !(cu.requires.possible(s) && cu.requires.MatchString(s))) ||
			(cu.excludes != nil && cu.excludes.possible(s) && cu.excludes.MatchString(s)) {
			continue
		}
		for _, loc := range cu.re.FindAllStringIndex(s, 8) {
			if !cu.negOK && negated(s[:loc[0]]) {
				continue
			}
			total += cu.weight
			first = min(first, loc[0])
			tr.fired = append(tr.fired, tag+":"+cu.name)
			break
		}
	}
	return total, first
}

// clauseBreak ends the reach of a negator: in "I don't want to complain, I
// just want my file" the "don't" says nothing about the file.
var clauseBreak = map[string]bool{".": true, ",": true, ";": true, "!": true, "?": true, ":": true, "but": true, "and": true, "just": true, "only": true, "instead": true}

var negators = map[string]bool{"not": true, "don't": true, "never": true, "no": true, "without": true, "doesn't": true, "didn't": true, "isn't": true, "aren't": true, "won't": true, "wouldn't": true, "shouldn't": true, "nothing": true, "nor": true}

// negated reports whether a negator stands within the last five words of
// the clause that ends where a match begins.
func negated(before string) bool {
	words := strings.Fields(before)
	for k, n := len(words)-1, 0; k >= 0 && n < 5; k, n = k-1, n+1 {
		w := words[k]
		if clauseBreak[w] {
			return false
		}
		if negators[w] {
			return true
		}
	}
	return false
}

// openings scores how each sentence starts, after greetings and "please":
// a question word is information, a bare verb is an instruction, and an
// auxiliary ("can …", "do …") leans to a question.
func openings(s string, tr *trace) (req, info float64) {
	words := strings.Fields(s)
	start := true
	for k := 0; k < len(words); k++ {
		w := words[k]
		switch w {
		case ".", "!", "?", ";":
			start = true
			continue
		}
		if !start {
			continue
		}
		if greeting[w] || w == "please" || w == "kindly" {
			continue
		}
		if leadingPrep[w] && k+1 < len(words) && whWords[words[k+1]] {
			continue // "in what format…", "for how long…"
		}
		if n := councilAddressed(words[k:]); n > 0 {
			// "buckinghamshire council - delete my data" (the dash is gone once normalised): the
			// council addressed, as a greeting is, and the order after it opens the message.
			k += n - 1
			continue
		}
		first := k == firstWord(words)
		start = false
		if first && !whWords[w] && !auxWords[w] && heading(words[k:]) {
			req += 3
			tr.fired = append(tr.fired, "open:heading")
			continue
		}
		next := ""
		if k+1 < len(words) {
			next = words[k+1]
		}
		switch {
		case whWords[w] && next != "dare":
			info += 2.5
			tr.fired = append(tr.fired, "open:wh")
		case auxWords[w]:
			info += 1.5
			tr.fired = append(tr.fired, "open:aux")
		case imperative[w] && next != "you" && !(w == "don't" && notOrder[next]):
			req += 2.5
			tr.fired = append(tr.fired, "open:imperative")
		}
	}
	return req, info
}

// firstWord is the index of the first word after greetings and "please".
func firstWord(words []string) int {
	for k, w := range words {
		if !greeting[w] && w != "please" && w != "kindly" && w != "." {
			return k
		}
	}
	return len(words)
}

// councilAddressed is how many words open words with a council addressed by its name, up to
// and including "council" ("milton keynes council", "bucks county council"), when an order
// follows it; 0 when they don't. "does the council delete …" asks, and "my council …" and "the
// council delete my data after a year?" tell or ask, so no word before "council" may be a
// question's, an order's, an article or a pronoun.
func councilAddressed(words []string) int {
	for n := 1; n <= 4 && n < len(words); n++ {
		if words[n-1] != "council" {
			continue
		}
		for _, w := range words[:n-1] {
			if whWords[w] || auxWords[w] || imperative[w] || leadingPrep[w] || notCouncilName[w] || negators[w] || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
				return 0
			}
		}
		j := n
		for j < len(words)-1 && (words[j] == "," || words[j] == ":" || words[j] == "please" || words[j] == "kindly") {
			j++ // "Milton Keynes Council, please stop …"
		}
		if !imperative[words[j]] {
			return 0
		}
		return n
	}
	return 0
}

// notCouncilName are words that open a sentence about a council, not its name: "my council …".
var notCouncilName = setOf(`i you we they he she it my your our their his her this that if a an any every the`)

// heading reports whether the words open with a short noun phrase naming a
// request or complaint followed by what it is for.
func heading(words []string) bool {
	for k := 0; k < len(words)-1 && k < 6; k++ {
		w := words[k]
		if w == "." || w == "?" || w == "!" {
			return false
		}
		if headingNoun[w] && headingAfter[words[k+1]] {
			return true
		}
	}
	return false
}

// onBehalf reports whether the message concerns someone else's data.
func onBehalf(s string) bool {
	return recordsOf(s).Whose == Theirs
}

func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
