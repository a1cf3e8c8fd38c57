package answer

// Answer types: what the answer to a question sounds like when it asks for no kind of fact in
// particular. "Why do you need my NI number?" is answered by a sentence giving a reason ("… to
// check your identity"); "how do I ask for my records?" by one saying how ("use the online form",
// "email …"); "will you tell my neighbour?" by one that says yes or no ("We will not tell …").
// Unlike a kind of fact, a type is never a gate: it only favours the sentences that have it.

import "regexp"

// The answer types.
const (
	TypeReason    = "reason"    // why
	TypeMethod    = "method"    // how to do something
	TypeYesNo     = "yes-no"    // whether: a sentence that says yes, no, only or unless
	TypeRecipient = "recipient" // who: a body, a service or a kind of person
)

// askedTypeRes recognise how a question's asking clause asks, most specific first.
var askedTypeRes = []struct {
	typ string
	re  *regexp.Regexp
}{
	{TypeReason, regexp.MustCompile(`(?i)^\W*(?:so\s+|and\s+|but\s+)?why\b|\bwhy (?:do|does|did|is|are|would|should|must|have|has|was|were)\b|\bwhat(?:\s+is|\s+are|'s|s) (?:the )?(?:reason|point|purpose)\b|\bwhat (?:do|does|did) (?:you|they|the council|it) (?:need|want|use) [\w' ]{1,30}\bfor\b`)},
	{TypeMethod, regexp.MustCompile(`(?i)\bhow (?:do|can|should|would|could|might) (?:i|we|you|someone|my|a|the)\b|\bhow to\b|\bwhere (?:do|can|should) (?:i|we)\b|\bwhat (?:do|should) (?:i|we) (?:need to )?do\b|\bwhat(?:\s+is|'s|s) the (?:process|procedure)\b`)},
	{TypeRecipient, regexp.MustCompile(`(?i)^\W*(?:so\s+|and\s+)?who\b|\bwho (?:else|do|does|will|would|can|could|gets|sees|has|have)\b|\bwhich (?:organisations|bodies|agencies|partners|people|services|companies)\b|\b(?:with|to) whom\b`)},
	{TypeYesNo, regexp.MustCompile(`(?i)^\W*(?:so\s+|and\s+|but\s+|also\s+|ok\s+|okay\s+)?(?:can|could|may|do|does|did|will|would|is|are|was|were|must|should|am|have|has|r)\b`)},
}

// statesTypeRes find a sentence that has the answer type.
var statesTypeRes = map[string]*regexp.Regexp{
	TypeReason:    regexp.MustCompile(`(?i)\b(?:because|so that|so we can|so they can|in order to|to help|to make sure|to ensure|to check|to prevent|to detect|to protect|to confirm|to assess|to decide|to investigate|to keep (?:you|people|children|staff)|for the purposes? of|purposes?|reasons?|we need|we use)\b`),
	TypeMethod:    regexp.MustCompile(`(?i)\b(?:you can|you should|you will need to|you need to|please|by (?:email|emailing|phone|phoning|telephone|post|posting|writing|calling|filling|completing|using|visiting|contacting|asking)|contact|online|form|write to|call|ring|email|visit|apply)\b`),
	TypeYesNo:     regexp.MustCompile(`(?i)\b(?:not|never|no|only|cannot|can't|won't|don't|doesn't|unless|except|without|always|you can|you may|you must|you have the right|we will|we may|we must|we do|we can)\b`),
	TypeRecipient: regexp.MustCompile(`\b(?:[A-Z][\w'&-]*\s+){0,4}(?:Council|Service|Services|Office|Agency|Authority|Trust|Partnership|Board|Commission|Department|Police|NHS|Ombudsman|Ltd|Limited|Panel|Team|Court|Tribunal|Service|Commissioner)\b|(?i)\b(?:police|schools?|gps?|doctors?|health visitors?|social workers?|officers?|staff|contractors?|landlords?|partners?|agencies|organisations|providers?|suppliers?|processors?|councillors?|family|relatives)\b`),
}

// AskedType says how a question's asking clause asks ("" when in none of the typed ways).
func AskedType(clause string) string {
	for _, t := range askedTypeRes {
		if t.re.MatchString(clause) {
			return t.typ
		}
	}
	return ""
}

// StatesType reports whether a sentence has the answer type.
func StatesType(text, typ string) bool {
	re, ok := statesTypeRes[typ]
	return ok && re.MatchString(text)
}
