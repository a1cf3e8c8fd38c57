package rights

import (
	"regexp"
	"slices"
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
	return asksWhatIsHeld(normalize(text))
}

// AsksWhatIsHeld is AsksWhatIsHeld(text), for the message in was read from: its normalised text,
// kept by Classify, is read, not made again (another message is normalised as usual).
func (in Intent) AsksWhatIsHeld(text string) bool {
	return asksWhatIsHeld(in.read.of(text))
}

// asksWhatIsHeld is AsksWhatIsHeld of a message already normalised.
func asksWhatIsHeld(s string) bool {
	words := strings.Fields(s)
	k := firstWord(words)
	if k >= len(words) || (words[k] != "what" && words[k] != "which" && words[k] != "what's") {
		return false
	}
	if !asksHeld(s, heldAboutMeRe) && !asksHeld(s, whichOfMineRe) {
		return false
	}
	var tr trace
	tr.scores = map[Type]float64{}
	if req, _ := sumCues(s, questionsOwnCues, &tr, "req"); req > 0 {
		return false
	}
	// An order may follow the question in a clause of its own ("what do you hold about me, send
	// it to me"): openings reads how each sentence starts, so each clause is read as one.
	req, _ := openings(clauseStarts.Replace(s), &tr)
	return req == 0
}

// clauseStarts marks where a clause after the question may start, as the end of a sentence does:
// "…, send it to me", "… and send it to me", "… then email it to me".
var clauseStarts = strings.NewReplacer(" , ", " . ", " ; ", " . ", " : ", " . ", " and ", " . ", " then ", " . ", " so ", " . ")

// heldAboutMeRe is what is held about the writer, asked: "what … hold/have/keep … about/on me".
var heldAboutMeRe = regexp.MustCompile(`\b(?:what|which|what's)\b(?: \S+){0,5} (?:hold|holds|have|has|got|keep|keeps|store|stores|held|kept|stored)\b(?: \S+){0,3} (?:about|on) me\b`)

// whichOfMineRe is the same asked of the writer's own details: "which of my details does
// housing keep", "what of my data do you store".
var whichOfMineRe = regexp.MustCompile(`\b(?:what|which)(?: of)? my (?:\S+ )?(?:data|details|information|records)\b(?: \S+){0,4} (?:hold|holds|have|has|got|keep|keeps|store|stores)\b`)

// asksHeld reports whether re (heldAboutMeRe, whichOfMineRe) matches a question of what is held
// in s: not of what follows, or what to do, if it is held ("what happens if you hold wrong data
// on me", "what can i do when you keep my details"), nor of it being wrong.
func asksHeld(s string, re *regexp.Regexp) bool {
	for _, at := range re.FindAllStringIndex(s, -1) {
		if !slices.ContainsFunc(strings.Fields(s[at[0]:at[1]]), func(w string) bool { return notAskingHeld[w] }) {
			return true
		}
	}
	return false
}

// notAskingHeld are the words that make "what … hold … on me" another question: what happens, or
// what to do, if or when it is held, or held wrong.
var notAskingHeld = map[string]bool{"if": true, "when": true, "whether": true, "unless": true, "once": true, "after": true,
	"because": true, "happens": true, "happen": true, "happened": true, "should": true, "wrong": true, "incorrect": true,
	"inaccurate": true, "false": true, "outdated": true}

// questionsOwnCues are the request cues less those the question itself fires (heldAboutMeCue,
// heldAboutTheCaseCue, known by their compiled patterns, not their names): what is left is a
// wish, an instruction or a polite request besides it. Built once.
var questionsOwnCues = func() []cue {
	var cues []cue
	for _, cu := range requestCues {
		if cu.re.Regexp == heldAboutMeCue.re.Regexp || cu.re.Regexp == heldAboutTheCaseCue.re.Regexp {
			continue
		}
		cues = append(cues, cu)
	}
	return cues
}()
