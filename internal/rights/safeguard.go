package rights

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The safeguarding scorer is separate from the rights rules because its job
// is different: it must notice a person at risk however they put it, with or
// without words like "abuse" or "danger", and it must not fire on questions
// about safeguarding records or on a past, resolved event. Its vocabulary is
// the embedded file safeguarding.txt, where each cue is a weighted pattern
// grouped by the way people describe risk (self-harm, violence, control,
// children left alone or unfed, an adult not seen or not cared for, …), plus
// negative cues that damp records and policy talk, past framing and
// "I'm safe now".

//go:embed safeguarding.txt
var safeguardingVocab string

// safeThreshold is the score at which a message is urgent. A cue of weight 5
// stays urgent even beside a records request (5 − 2); a worrying word alone
// (1.5) never is.
const safeThreshold = 3

// safePerson, safeObject, safeElder, safeAux, safeChore, safeBill,
// safeChoreGap and safeClauseEnd expand {P}, {ME}, {ELDER}, {AUX}, {CHORE},
// {BILL}, {GAP} and {END} in the vocabulary: a person who may be at risk, the
// object of a harmful verb ("hits me", "beating his partner"), a parent or a
// boss whose "kill me" over a chore is a figure of speech (never a partner,
// "he" or "she": from them the same words may be coercive control), the
// auxiliaries between that person and "kill me" ("'s going to", "will"), an
// everyday thing one loses, misses or forgets ("the bin day", "my keys"), a
// bill or permit one pays to an office (never rent, which is paid to a
// person), the few words that may stand between the errand's verb and the
// thing (no person: "pay him the rent" is no chore), and the end of a clause. safeFound expands
// {FOUND}, someone finding, tracing or following the writer, which a cue says with fear either
// side of it.
const (
	safePerson    = `(?:partner|partner's|wife|husband|girlfriend|boyfriend|ex|mum|mother|mom|dad|father|stepdad|stepmum|step dad|son|daughter|kid|kids|children|child|baby|babies|sister|brother|gran|nan|grandmother|grandad|grandfather|carer|neighbour|neighbours|neighbour's|friend|uncle|aunt|auntie|nephew|niece|parent|parents|man|woman|lady|boy|girl|lad|teenager|tenant|family|landlord|landlady|boss|teacher|officer|council officer|social worker)`
	safeObject    = `(?:me|her|him|them|us|someone|somebody|anyone|anybody|people|everyone|(?:my|his|her|their|the|our|a|the next) (?:\S+ )?` + safePerson + `)\b`
	safeElder     = `(?:mum|mom|mam|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|boss|manager|teacher)(?:'s|'ll|'d)?`
	safeAux       = `(?: (?:is|was|will|would|might|going|to|gonna|literally|actually|definitely|absolutely|honestly|seriously|probably|so))*`
	safeChore     = `(?:bins?|bin day|bin bags?|recycling|rubbish|letters?|bills?|permits?|forms?|fines?|tickets?|council tax|homework|appointment|deadline|payments?|direct debit|keys|phone|car|licence|license|badge|post|parcel|shopping|dishes|washing|books?)\b`
	safeBill      = `(?:bills?|council tax|fines?|tickets?|direct debit|payments?|licence|license|permits?)\b`
	safeChoreGap  = `(?: (?:the|my|our|a|an|this|that|to|put|renew|pay|take|bring|post|send|parking|council|tax|water|gas|electric|electricity|phone|tv|car|school|library|blue|green|black|brown|food|garden|last|whole|bloody|stupid)){0,3}`
	safeClauseEnd = `(?: (?:out|in|again|today|tomorrow|tonight|yesterday|on time|this week|back|either|too))* ?(?:$|[.!?,;:])`
	safeFound     = `(?:he|she|they|he's|she's|they've|(?:my|her|his|the|our) (?:\S+ )?{P})(?: (?:keeps?|kept|has|have|had|is|was|already|just|still|always|somehow|now|again|been|managed to|manages to|will|might|could|would|'ll)){0,3} (?:(?:find|finds|finding|found|track|tracks|tracking|tracked|trace|traces|traced|tracing|know|knows|knowing|knew)(?: out| down)? (?:my (?:new |current |home |safe )?address|where (?:i|we) (?:live|am|are|stay|now live|live now|moved to|'ve moved to))|(?:find|finds|finding|found|track|tracks|tracking|tracked|trace|traces|traced|follow|follows|following|followed) (?:me|us)(?: down)?)`
)

// cueSet is a set of cue names.
type cueSet map[string]bool

func (s cueSet) has(name string) bool { return s[name] }

// selfHarmCues are the cues of safeguarding.txt's section on suicide and self-harm.
var selfHarmCues = cueSet{"suicide": true, "suicide or self-harm named": true, "self-harm": true, "overdose": true,
	"want to die": true, "don't want to be here": true, "end it": true, "can't go on": true, "jump": true,
	"suicide in other words": true, "taken pills": true, "ready to die": true, "method asked": true, "rope bought": true,
	"lethal dose": true, "not wake up": true, "finality": true, "place to jump": true, "means ready": true, "life ended": true, "a plan to die": true, "at a height": true, "exhaust": true, "quantity taken": true, "want it all to end": true, "had enough of life": true}

// safeCue is one line of safeguarding.txt.
type safeCue struct {
	name   string
	weight float64
	re     pattern
}

// safeCues are the scored cues; safeIdioms the idioms, whose first group's
// words are blanked before scoring (weight 0 in the struct); safeAsides the
// asides, blanked alike but only in a message that picks the chat up again
// (safeResumes).
var safeCues, safeIdioms, safeAsides = mustParseSafeVocab(safeguardingVocab)

// safeResumes is a message picking the chat up after an interruption: an apology, "I'm back",
// "carry on", "where were we". Not "I can't carry on", nor any "back" ("he came back"). Its first
// group is the words, blanked with an aside: the model read "…, sorry, I'm back now. where were
// we?" as urgent once the aside was gone.
var safeResumes = regexp.MustCompile(`(?:^ |[.!?,;:] |\b)((?:sorry|soz|sry|apologies)\b(?: (?:about that|about the wait|for the wait|for the delay))?|` +
	`(?:i'm|im|i am|ok|okay|right) back(?: now| again)?\b|back (?:now|again|with you)\b|` +
	`(?:can|could|shall|may|let's|lets) (?:i |we |you )?(?:carry on|continue|go on)(?: with (?:my|the|this) (?:request|form|questions?|sar|subject access request))?\b|` +
	`where (?:were we|was i|did (?:we|i) (?:get to|leave off|get up to))\b|as i was saying\b)|` +
	`(?:^ |[.!?,;:] )((?:please |ok |okay )?(?:back|carry on|continue))(?: [.!?,;:]| ?$)`)

// mustParseSafeVocab reads "weight | name | pattern" lines, and "idiom |
// name | pattern" and "aside | name | pattern" lines apart; the vocabulary is
// compiled into the binary, so a bad line is a programming error.
func mustParseSafeVocab(src string) (cues, idioms, asides []safeCue) {
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			panic(fmt.Sprintf("safeguarding.txt:%d: want weight | name | pattern", n+1))
		}
		pat := strings.TrimSpace(parts[2])
		pat = strings.ReplaceAll(pat, "{FOUND}", safeFound) // before {P}, which it holds
		pat = strings.ReplaceAll(pat, "{ME}", safeObject)
		pat = strings.ReplaceAll(pat, "{P}", safePerson)
		pat = strings.ReplaceAll(pat, "{ELDER}", safeElder)
		pat = strings.ReplaceAll(pat, "{AUX}", safeAux)
		pat = strings.ReplaceAll(pat, "{CHORE}", safeChore)
		pat = strings.ReplaceAll(pat, "{BILL}", safeBill)
		pat = strings.ReplaceAll(pat, "{GAP}", safeChoreGap)
		pat = strings.ReplaceAll(pat, "{END}", safeClauseEnd)
		cu := safeCue{name: strings.TrimSpace(parts[1]), re: mustPattern(pat)}
		switch strings.TrimSpace(parts[0]) {
		case "idiom":
			idioms = append(idioms, cu)
			continue
		case "aside":
			asides = append(asides, cu)
			continue
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
		if err != nil {
			panic(fmt.Sprintf("safeguarding.txt:%d: weight: %v", n+1, err))
		}
		cu.weight = w
		cues = append(cues, cu)
	}
	return cues, idioms, asides
}

// blankIdioms replaces the words of each idiom's first group (its whole
// match when it has none) with "_", so "kill me" in "my mum will kill me if I
// miss the bin day" counts for nothing while the rest of the message still
// counts. It lists the idioms it blanked.
//
// An aside ("sorry, the kids were fighting over the ipad") is blanked alike, but only in a message
// that picks the chat up again (safeResumes).
func blankIdioms(s string) (string, []string) {
	s, blanked := blankEach(s, safeIdioms)
	if safeResumes.MatchString(s) {
		var asides []string
		if s, asides = blankEach(s, safeAsides); len(asides) > 0 {
			blanked = append(blanked, asides...)
			s = blankGroups(s, safeResumes)
		}
	}
	return s, blanked
}

// blankEach blanks the first group of each of ids in s (blankIdioms), listing those it blanked.
func blankEach(s string, ids []safeCue) (string, []string) {
	var blanked []string
	for _, id := range ids {
		if !id.re.possible(s) {
			continue
		}
		locs := id.re.FindAllStringSubmatchIndex(s, 4)
		if len(locs) == 0 {
			continue
		}
		s = blankMatches(s, locs, firstGroupOrMatch)
		blanked = append(blanked, "idiom:"+id.name)
	}
	return s, blanked
}

// blankGroups replaces the words of re's matched group in each match with "_".
func blankGroups(s string, re *regexp.Regexp) string {
	return blankMatches(s, re.FindAllStringSubmatchIndex(s, -1), matchedGroup)
}

// blankMatches replaces the part span picks of each of locs (submatch indexes in s, in order)
// with "_", leaving a match whose span starts below 0 as it is.
func blankMatches(s string, locs [][]int, span func(loc []int) (from, to int)) string {
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		from, to := span(loc)
		if from < 0 {
			continue
		}
		b.WriteString(s[last:from])
		b.WriteString("_")
		last = to
	}
	b.WriteString(s[last:])
	return b.String()
}

// firstGroupOrMatch is a match's first group, or the whole match when that took no part.
func firstGroupOrMatch(loc []int) (from, to int) {
	if len(loc) >= 4 && loc[2] >= 0 {
		return loc[2], loc[3]
	}
	return loc[0], loc[1]
}

// matchedGroup is the first group that took part in a match, or -1, -1 when none did.
func matchedGroup(loc []int) (from, to int) {
	for g := 2; g+1 < len(loc); g += 2 {
		if loc[g] >= 0 {
			return loc[g], loc[g+1]
		}
	}
	return -1, -1
}

// safeguardingScore adds the weights of the cues that match s (each once),
// skipping a positive cue whose every match is negated, and lists the cues
// that counted.
func safeguardingScore(s string) (score float64, fired []string) {
	return scoreBlanked(blankIdioms(s))
}

// scoreBlanked is safeguardingScore of a message whose idioms are blanked already (blankIdioms),
// with the idioms it blanked: classify blanks once for the cues and the model.
func scoreBlanked(s string, idioms []string) (score float64, fired []string) {
	fired = idioms
	strongest, topicOnly := 0.0, true
	for _, cu := range safeCues {
		if !cu.re.possible(s) {
			continue
		}
		locs := cu.re.FindAllStringIndex(s, 4)
		if len(locs) == 0 {
			continue
		}
		counted := cu.weight < 0 // damping cues count as they stand
		for _, loc := range locs {
			if counted {
				break
			}
			counted = !safeNegated(s[:loc[0]])
		}
		if counted {
			score += cu.weight
			fired = append(fired, cu.name)
			strongest = max(strongest, cu.weight)
			if cu.weight < 0 && !dataTopicCues[cu.name] {
				topicOnly = false
			}
		}
	}
	if strongest >= 5 && topicOnly {
		// A danger said outright (a cue of 5: "I don't want to live anymore", "the kid next door
		// is being beaten") stays urgent beside any data question ("who do you share my data
		// with?"), however many of its words the topic cues damp; only the danger being past,
		// resolved or a subject makes it calm.
		score = max(score, safeThreshold)
	}
	return score, fired
}

// dataTopicCues are the damping cues that say a message is also about data or a service, not
// that its danger is past, resolved or a subject.
var dataTopicCues = cueSet{"records topic": true, "policy question": true, "service topic": true, "governance talk": true}

// safeHedge words after a negator make it doubt rather than deny: "I don't
// think he's safe", "not sure if she's being hurt" still worry.
var safeHedge = map[string]bool{"think": true, "know": true, "sure": true, "believe": true, "want": true, "care": true, "mind": true}

// safeNegated reports whether a negator stands among the three words before
// a match, in the same clause, and is not a hedge ("he's not hitting her",
// "no one is hurting me" count as denials).
func safeNegated(before string) bool {
	words := strings.Fields(before)
	for k, n := len(words)-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		w := words[k]
		if clauseBreak[w] {
			return false
		}
		if negators[w] || w == "no" {
			if k+1 < len(words) && safeHedge[words[k+1]] {
				return false
			}
			return true
		}
	}
	return false
}

// Whose risk it is, for OnBehalf on an urgent message: someone else's when a
// third person is named and the writer does not speak as the one at risk.
var (
	safeSelf = regexp.MustCompile(`\b(?:myself|meself)\b|` +
		`\b(?:hits|hitting|hit|beats|beating|hurting|hurt|kill|attack|attacking|following|followed|threatening|threatened|locks|locked|shouts at|shouting at|touches|touching|let) me\b|` +
		`\b(?:i'm|i am|im|i feel|i've been|i have been) (?:\S+ )?(?:scared|afraid|frightened|terrified|not safe|in danger|homeless|being|[1-9]|1[0-7])\b|` +
		`\bi (?:don't|do not) (?:feel safe|want to (?:be|live))\b|\bi (?:just )?(?:want to (?:die|end)|can't cope)\b|\bi've got the\b|` +
		`\bmy (?:money|room|bedroom|door|front door|house|flat|home|window)\b|\bhurt me\b|` +
		// Where the writer lives, and their leaving or hiding from someone: "my husband keeps
		// finding my address", "I've had to leave my partner … I'm in a refuge now".
		`\bmy (?:new |current |home |safe )?(?:address|flat|house|home|place)\b|\bwhere (?:i|we) (?:live|am|are|stay|'m living|moved to)\b|` +
		`\b(?:i|i've|i have|we|we've|we have)(?: had to| have had to| just)? (?:leave|left|fled|flee|escaped|got away from|ran away from|run away from)\b|` +
		`\b(?:i'm|i am|im|we're|we are|i've been|we've been) (?:\S+ )?(?:fleeing|hiding|in (?:a|the) (?:\S+ )?refuge)\b|\bfind me\b`)
	safeOther = regexp.MustCompile(`\b(?:my|our|the|a|an|his|her|their|this|that) (?:\S+ ){0,3}` + safePerson + `\b|\b(?:mrs|mr|ms|miss|someone|somebody)\b|\bnext door\b`)
)

func safeOnBehalf(s string) bool {
	return !safeSelf.MatchString(s) && safeOther.MatchString(s)
}

// The partner words, one list for the readings of a partner's danger: formerPartners are the
// people the writer may need to be kept safe from by name, whom givenTo (an address given away)
// reads alone; partners are a partner now, whom abuseByAPartner and safePartner read beside them,
// and reachWho (reach.go) beside givenTo.
// partnerReadsPost keeps a shorter list of its own (see there).
const (
	formerPartners = `ex|ex partner|expartner|former partner|ex husband|ex wife|ex boyfriend|ex girlfriend|abuser|stalker`
	partners       = `partner|husband|wife|boyfriend|girlfriend`
)

// abuseByAPartner is a sign that the danger is a partner's or former partner's, or domestic abuse
// by name: the writer's own partner ("my ex", never "my sister's boyfriend"), a refuge, fleeing.
var abuseByAPartner = regexp.MustCompile(`\bdomestic (?:violence|abuse)\b|\brefuge\b|\bfleeing\b|` +
	// A partner said to be abusive ("I left my violent husband", "I got away from an abusive ex").
	`\b(?:abusive|violent|controlling|coercive) (?:relationship|marriage|partner|ex|husband|wife|boyfriend|girlfriend)\b|` +
	`\b(?:my|our) (?:` + formerPartners + `|` + partners + `|fiance|fiancé|fiancee)(?: |$)`)

// escapingAbuse reports whether an urgent message (normalised) is of a writer at risk themselves
// from a partner or former partner: no one else is the one at risk (safeOnBehalf), and the abuse
// is a partner's (abuseByAPartner). It is Intent.DomesticAbuse.
func escapingAbuse(s string) bool {
	return !safeOnBehalf(s) && abuseByAPartner.MatchString(s)
}

// markAbuse marks an urgent message (normalised) of a writer at risk from a partner
// (escapingAbuse, or fled as fledAndFearsBeingFound reads it, or whose address the council gave
// one: givenAway), and whether it names a child or a relative too (OthersAtRisk).
func markAbuse(in *Intent, s string, fled bool) {
	if givenAway(s) {
		// "my social worker passed my details to my violent ex": the writer is the one at risk,
		// whoever at the council the message names (urgent by its cues, it read as a report about
		// someone else).
		fled, in.OnBehalf = true, false
	}
	in.DomesticAbuse = fled || escapingAbuse(s)
	in.OthersAtRisk = in.DomesticAbuse && relativeNamed.MatchString(s)
}

// relativeNamed is a child or a relative named in a message: "our daughter", "my son", "the kids".
var relativeNamed = regexp.MustCompile(`\b(?:my|our|his|her|their|the) (?:\S+ )?(?:daughters?|sons?|kids?|child|children|bab(?:y|ies)|toddlers?|` +
	`grandsons?|granddaughters?|grandchild(?:ren)?|stepsons?|stepdaughters?|nieces?|nephews?|little (?:boy|girl)|mum|mother|dad|father|sisters?|brothers?|nan|gran|grandad)\b`)

// safeAtMyHome is at or outside where the writer lives, as someone turns up there ("turning up at
// my new flat"): foundWhereILive and beingFound read it alike.
const safeAtMyHome = `(?:at|outside) (?:my|our) (?:new |current |safe )?(?:flat|house|home|door|place|address|refuge)\b`

// Someone who may be an abuser finding where the writer lives, told with no word of fear: "my
// husband keeps finding my address", "my ex keeps turning up at my new flat, how does he know
// where I live" got a request to keep the address confidential, or an answer, and no
// safeguarding contacts. The cues weigh such a sign only beside fear ("afraid of being tracked
// down"), and "my ex knows my address, please update it" is no danger; what makes these urgent
// is that it goes on, or is a mystery to the writer, or that they are found again at a new
// home. Like the model's, the reading is less sure than a cue's, so what else the message asks
// (to hide the address) is taken too.

var (
	// safePartner is a partner or former partner (never a parent or a neighbour, whose finding
	// an address is mostly a letter read); safeAbuser is one, or "he" or "she", which only
	// something that goes on makes one: "how did he get my new address?" is as often a bailiff's
	// letter ("the bailiff wrote to my new flat, …", a review).
	safePartner = `(?:(?:my|her|his|our|the) (?:` + formerPartners + `|` + partners + `|stepdad|stepfather))`
	safeAbuser  = `(?:` + safePartner + `|he|she)`
	// safeWhereILive is the writer's home: "my (new) address", "where I live", "my new flat".
	safeWhereILive  = `(?:my (?:new |current |home |safe |latest )?(?:address|flat|house|home|place)|where (?:i|we) (?:live|am|are|stay|'m living|'re living|moved to|now live|live now))`
	foundWhereILive = regexp.MustCompile(
		// It goes on: "keeps finding my address", "somehow found where I live again". Not
		// "getting": "my husband keeps getting my address wrong" on a form (a review).
		`\b` + safeAbuser + `(?: (?:keeps?|kept|keeps on|always|somehow|still|again|just|has|have|had|'s|already|managed to|manages to|been)){1,3} ` +
			`(?:finding|find|finds|found|tracking|tracks|tracked|tracing|traces|traced|knowing|working)(?: out| down)? ` + safeWhereILive + `\b|` +
			// Found at home again: "keeps turning up at my new flat".
			`\b` + safeAbuser + `(?: (?:keeps?|kept|keeps on|always|still|again|just|has|'s|had|been)){1,3} (?:turning|turned|turns|showing|showed|shows|coming|rocking) up ` + safeAtMyHome + `|` +
			// A mystery to the writer, of a partner or an ex: "how did my ex get my new address".
			`\bhow (?:does|did|do|has|could|can|would|is|the hell does|on earth does|on earth did) ` + safePartner + ` (?:\S+ )?(?:know|knows|knew|find|found|get|got|keep finding|work)(?: out)? ` + safeWhereILive + `\b`)
)

// foundWhereTheyLive reports whether s (normalised) tells of someone who may be an abuser
// finding where the writer lives (foundWhereILive), with no cue saying it is past, resolved, or
// someone else's subject (fired are the cues that counted).
func foundWhereTheyLive(s string, fired []string) bool {
	return !saidToBePast(fired) && foundWhereILive.MatchString(s)
}

// saidToBePast reports whether a damping cue other than a data topic counted (fired): the danger
// is past, resolved or someone else's subject ("back in 2015 my ex kept turning up at my flat").
func saidToBePast(fired []string) bool {
	for _, name := range fired {
		if w, ok := cueWeights[name]; ok && w < 0 && !dataTopicCues[name] {
			return true
		}
	}
	return false
}

// A writer who fled a partner's abuse and fears being found through the council, or whose partner
// controls their post, told with no word of danger now (a verifying QA pass): "I fled domestic
// abuse and moved to Milton Keynes, how do I stop my ex finding my address through the council?"
// was calm ("I fled" damps as the past, rightly for "I fled domestic abuse years ago, can I have my
// file?"), and "my husband reads all my letters so please don't post anything to my house" was a
// question about recipients. Like someone being found, the reading is less sure than a cue's, so
// what the message asks is read too.
var (
	// fledAbuse is fleeing, escaping or leaving abuse by a partner, or a refuge; not having been a
	// victim ("I was a victim of domestic violence and need my address hidden on the electoral
	// register" is labelled calm: the past, and a register).
	fledAbuse = regexp.MustCompile(`\b(?:fled|flee|fleeing|escaped|escaping|escape|left|leaving|leave|got away from|getting away from|get away from|ran away from|run away from|running away from|moved away from|got out of|getting out of)` +
		`(?: (?:a|an|my|our|the|from))? (?:(?:very|really|physically|emotionally|financially) )?(?:abusive|violent|controlling|coercive) (?:relationship|marriage|partner|ex|husband|wife|boyfriend|girlfriend|home|household)\b|` +
		`\b(?:fled|flee|fleeing|escaped|escaping|left|leaving|got away from|getting away from|ran away from|running away from)(?: \S+){0,2}? domestic (?:abuse|violence)\b|` +
		`\b(?:in|at|into|from) (?:a|the) (?:\S+ )?refuge\b`)
	// addressKept is the address kept from someone, or given to them: "how do I keep my new
	// address hidden?", "nobody at the council will give him my address".
	addressKept = regexp.MustCompile(`\b(?:keep|kept|keeping|hide|hidden|withhold|withheld|protect|conceal)\b[^.!?]{0,30}\baddress\b|` +
		`\baddress\b[^.!?]{0,30}\b(?:secret|confidential|hidden|private)\b|` +
		`\b(?:give|gives|giving|gave|pass|passes|passing|tell|tells|share|shares|disclose|discloses)(?: (?:him|her|them|out))? (?:my|our) (?:new |current )?address\b`)
	// partnerReadsPost is a partner or former partner reading or taking the writer's post. Its
	// partners are its own, written for the QA pass's messages, and fewer than formerPartners and
	// partners: no "former partner", "expartner" or "stalker" ("my former partner reads my post"
	// does not match; TestPartnerReadsPostReadsFewerPartners pins it). Sharing the list would
	// make such messages read as post read, and urgent beside a wish not to be written to: a
	// change of behaviour, to be measured on its own, not a tidy-up.
	partnerReadsPost = regexp.MustCompile(`\b(?:my|our) (?:ex|ex partner|partner|husband|wife|boyfriend|girlfriend|ex husband|ex wife|ex boyfriend|ex girlfriend|abuser)` +
		`(?: (?:still|always|keeps|is|has|just|also|even|controlling|abusive|and|,|very|really|been|often|sometimes))* ` +
		`(?:reads|read|reading|opens|opened|opening|goes through|went through|going through|checks|checked|checking|takes|took|hides|hid|intercepts|intercepted|steals|stole|controls|controlled)(?: (?:all|every|any))?(?: of)? my (?:post|letters|mail|letter)\b`)
	// readsItForMe is post read for the writer: "my wife reads my letters to me".
	readsItForMe = regexp.MustCompile(`\bmy (?:post|letters|mail|letter) (?:to|for) me\b`)
	// controlOrNoPost says the reading is control, or asks the council not to write there:
	// "my partner is controlling", "please don't post anything to my house", "email me instead".
	controlOrNoPost = regexp.MustCompile(`\b(?:controlling|controls|abusive|abuse|violent|coercive|scared|afraid|frightened)\b|` +
		`\b(?:don't|do not|never|not|stop|no more|no)(?: \S+)? (?:post|posting|send|sending|write|writing|letters?|mail)\b|` +
		`\b(?:email|e-mail|text|call|ring|phone|contact) me\b[^.!?]{0,30}\binstead\b|\binstead of (?:post|letters|writing|by post)\b`)
)

// fledAndFearsBeingFound reports whether s (normalised) is of a writer who fled a partner's abuse
// and fears being found, or whose partner controls their post, and who doesn't say they are safe
// now (fired are the cues that counted).
func fledAndFearsBeingFound(s string, fired []string) bool {
	if slices.Contains(fired, "resolved") {
		return false
	}
	if fledAbuse.MatchString(s) && (beingFound.MatchString(s) || addressKept.MatchString(s)) {
		return true
	}
	return postRead(s) && controlOrNoPost.MatchString(s)
}

// TellsOfPostRead reports whether a message tells of a partner or former partner reading or taking
// the writer's post ("my husband reads all my letters"), not reading it for them. On a message
// about a writer at risk from a partner, the chat offers the request that keeps their details
// confidential, which asks for a contact safe to use.
func TellsOfPostRead(text string) bool {
	return postRead(normalize(text))
}

// TellsOfPostRead is TellsOfPostRead(text), for the message in was read from: its normalised
// text, kept by Classify, is read, not made again (another message is normalised as usual).
func (in Intent) TellsOfPostRead(text string) bool {
	return postRead(in.read.of(text))
}

// postRead is TellsOfPostRead of a message already normalised.
func postRead(s string) bool {
	return partnerReadsPost.MatchString(s) && !readsItForMe.MatchString(s)
}

// Someone wanting to report a child at risk, and asking whether they will be known for it: "I
// want to report child neglect, will the parents know it was me" was answered with a passage on
// child deaths, and "will the family find out who reported them to social services" with a list
// of recipients, and neither was told whom to report to. The report is the writer's, so it is
// said with "I" or asked of "who reported them", never "who reported me" (the writer's own
// records). Like the model's, the reading is less sure than a cue's: the question is answered
// too. "If I report my neighbour for noise will they find out it was me" names no child.
var (
	// reportsAChild is a report the writer makes or means to, of a child or to children's
	// social care.
	reportsAChild = regexp.MustCompile(`\b(?:i|i'm|i am|i've|i have|i'd|i would|i'll|i will|should i|can i|could i|do i|if i|when i)` +
		`(?: (?:want|need|like|would|going|thinking|think|about|of|to|just|really|have|had|already|might|may|must|be|been|wish|planning|decided|should))* ` +
		`(?:report|reporting|reported|refer|referring|referred|raise|raising|raised)\b` +
		`(?: \S+){0,8}? (?:(?:a |the |this |that |next door's |my neighbour's )?(?:child|children|kid|kids|baby|babies|toddler|little one|little ones)\b|` +
		`(?:child |children's |kids )?(?:neglect|abuse|cruelty)\b)|` +
		`\b(?:worried|concerned|concerns?|worry) (?:about|for) (?:a|the|this|that|my neighbour's|next door's|our neighbour's) (?:\S+ )?(?:child|children|kid|kids|baby|babies|toddler|little one|little ones)\b[^.?!]{0,80}\breport\b|` +
		`\breport(?:ed|ing)? ` + reportedOnes + ` to (?:social services|children's services|social care|children's social care|the nspcc)\b`)
	// knownForIt is the writer's fear of being known as the one who reported (not "who reported
	// me": the writer reported, whose records those are).
	knownForIt = regexp.MustCompile(`\b(?:know|knows|find out|found out|told|tell them|be told)(?: that)? (?:it was|it's|it is|it were) me\b|` +
		`\b(?:know|knows|find out|found out|tell them|be told) who (?:reported|referred|rang social services about|called social services about) ` + reportedOnes + `\b`)
)

// reportedOnes are the people a writer reports to children's social care.
const reportedOnes = `(?:them|him|her|the family|the parents|the mum|the mother|the dad|the father|my neighbours?|the neighbours?|next door)`

// reportsAChildAtRisk reports whether s (normalised) is the writer reporting, or meaning to
// report, a child at risk and fearing to be known for it, with no cue saying the danger is past.
func reportsAChildAtRisk(s string, fired []string) bool {
	return !saidToBePast(fired) && knownForIt.MatchString(s) && reportsAChild.MatchString(s)
}

// cueWeights are the vocabulary's cues' weights, by name.
var cueWeights = func() map[string]float64 {
	m := make(map[string]float64, len(safeCues))
	for _, cu := range safeCues {
		m[cu.name] = cu.weight
	}
	return m
}()

// beingFound is someone finding, knowing, tracing or turning up at where the writer lives, or
// the fear of it: "my ex keeps turning up at my new flat", "he got my address from a council
// letter", "I'm scared he'll find my address". It says nothing of danger by itself ("my mum
// found my new address on the letter").
var beingFound = regexp.MustCompile(`\b(?:find|finds|finding|found|track|tracks|tracking|tracked|trace|traces|tracing|traced|know|knows|knowing|knew|get|gets|getting|got|work|works|working|worked|figure|figured|look|looks|looking|looked)(?: out| down| up| hold of)? ` +
	`(?:my|our) (?:new |current |home |safe |latest )?address\b|` +
	`\b(?:find|finds|finding|found|track|tracks|tracking|tracked|trace|traces|tracing|traced)(?: out| down)? (?:my|our) (?:new |current |home |safe |latest )?(?:flat|house|home|place|refuge)\b|` +
	`\b(?:find|finds|finding|found|know|knows|knowing|knew|work|works|working|worked|get|gets|got|figure|figured)(?: out)? where (?:i|we) (?:live|am|are|stay|'m living|'re living|moved to|'ve moved to|now live|live now)\b|` +
	`\b(?:turning|turned|turns|turn|showing|showed|shows|show|coming|came|comes|come|rocking|rocked) up ` + safeAtMyHome)

// TellsOfBeingFound reports whether a message tells of someone finding where the writer lives,
// or the fear of it. It is no sign of danger alone: on a message that is urgent, it says the
// writer is at risk from someone who knows, or may learn, their address, to whom the chat offers
// a request to keep it confidential.
func TellsOfBeingFound(text string) bool {
	return beingFound.MatchString(foundReading(normalize(text)))
}

// TellsOfBeingFound is TellsOfBeingFound(text), for the message in was read from: its
// normalised text, kept by Classify, is read, not made again.
func (in Intent) TellsOfBeingFound(text string) bool {
	return beingFound.MatchString(foundReading(in.read.of(text)))
}

// foundReading is a normalised message as beingFound reads it: an "address book" is no address
// of the writer's ("my ex found my number in my address book").
func foundReading(s string) string {
	return strings.ReplaceAll(s, "address book", "addressbook")
}
