package rights

import (
	"regexp"
	"strings"
)

// AsksWhatIsHeld reports whether a message only asks what the council holds about the writer:
// "what info does customer services hold about me", "what data do you have on me", "which of my
// details does housing keep". In law that may be a subject access request, and Classify reads
// the first two so (see the package comment); but it is asked as a question, which the notices
// answer in general (name, address, date of birth …), and the person may have wanted only that.
// The conversation answers it and offers the request, which one "yes" takes (a web QA pass: the
// question started a request at once, where "ask" answered it well).
//
// A message that asks to be sent or shown what is held is no such question: "send me everything
// you hold on me", "i want to see what you hold about me", "can you tell me what data you have on
// me please" each carry a request cue besides the question's own, and "what do you hold about
// my dad" asks of someone else's records, which Classify reads.
func AsksWhatIsHeld(text string) bool {
	s := normalize(text)
	words := strings.Fields(s)
	k := firstWord(words)
	if k >= len(words) || (words[k] != "what" && words[k] != "which" && words[k] != "what's") {
		return false
	}
	if !heldAboutMeRe.MatchString(s) && !whichOfMineRe.MatchString(s) {
		return false
	}
	var tr trace
	tr.scores = map[Type]float64{}
	if req, _ := sumCues(s, questionsOwnCues(), &tr, "req"); req > 0 {
		return false
	}
	req, _ := openings(s, &tr)
	return req == 0
}

// heldAboutMeRe is what is held about the writer, asked: "what … hold/have/keep … about/on me".
var heldAboutMeRe = regexp.MustCompile(`\b(?:what|which|what's)\b(?: \S+){0,5} (?:hold|holds|have|has|got|keep|keeps|store|stores|held|kept|stored)\b(?: \S+){0,3} (?:about|on) me\b`)

// whichOfMineRe is the same asked of the writer's own details: "which of my details does
// housing keep", "what of my data do you store".
var whichOfMineRe = regexp.MustCompile(`\b(?:what|which)(?: of)? my (?:\S+ )?(?:data|details|information|records)\b(?: \S+){0,4} (?:hold|holds|have|has|got|keep|keeps|store|stores)\b`)

// questionsOwnCues are the request cues less those the question itself fires: what is left
// is a wish, an instruction or a polite request besides it.
func questionsOwnCues() []cue {
	var cues []cue
	for _, cu := range requestCues {
		if cu.name == "what do you hold about me" || cu.name == "what do you hold about the case against me" {
			continue
		}
		cues = append(cues, cu)
	}
	return cues
}
