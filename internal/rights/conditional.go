package rights

import "strings"

// consequenceWeight is the information a conditional question adds: enough to outweigh a bare
// "will you delete …" in its question ("if I stop using the service will you delete my
// information straight away" asks what happens), not a "please" said with it.
const consequenceWeight = 2.5

// A conditional question's asking clause opens with an auxiliary before its subject ("will you",
// "would i", "does that", "is my …") or, after a comma, a question word.
var (
	modalAux  = setOf(`will would can could should shall must`)
	askingAux = setOf(`will would can could should shall must do does did is are am has have`)
	askedOf   = setOf(`you i we they it that this there he she my your the anyone someone`)
	// subjectWords stand before an auxiliary that follows its subject, as in a supposition's own
	// verb ("if you are …", "if i can …"), which asks nothing.
	subjectWords = setOf(`i you we they it he she that this there who which what`)
	// personal is a supposition's subject whose verb follows it at once ("if i withdraw …"), so an
	// auxiliary further on opens another clause. After another subject it may be the
	// supposition's own verb ("if the council has my address …"), unless it is a modal ("if my data
	// is shared will i be told").
	personal = setOf(`i you we they he she someone i'm i've you're we're they're`)
)

// consequenceQuestions finds the sentences that suppose and then ask: "if I withdraw my consent
// will you still provide the service", "if I object, who do I tell?". It returns s with each
// supposition taken out (what the request cues read: "I withdraw my consent" supposed is no
// withdrawal) and how many such questions it asks. A supposition followed by an order or a wish
// ("if you still have my old address please delete it", "if you hold anything on me I want a
// copy") asks nothing, and is left as it is.
func consequenceQuestions(s string) (without string, n int) {
	words := strings.Fields(s)
	keep := make([]bool, len(words))
	for k := range keep {
		keep[k] = true
	}
	start := true
	for k := 0; k < len(words); k++ {
		w := words[k]
		switch {
		case w == "." || w == "!" || w == "?" || w == ";":
			start = true
			continue
		case !start || greeting[w]:
			continue
		}
		start = false
		if w != "if" {
			continue
		}
		if a := askingClause(words, k); a > 0 {
			for j := k + 1; j < a; j++ {
				keep[j] = false
			}
			n++
			k = a - 1
		}
	}
	if n == 0 {
		return s, 0
	}
	var b strings.Builder
	b.WriteByte(' ')
	for k, w := range words {
		if keep[k] {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String(), n
}

// askingClause is the index of the word that opens the question asked after the supposition
// opened by the "if" at words[k], or 0 when the sentence asks none there.
func askingClause(words []string, k int) int {
	for j := k + 3; j < len(words)-1; j++ { // a supposition has a subject and a verb at least
		w := words[j]
		switch w {
		case ".", "!", "?", ";":
			return 0
		case ",", "then":
			// The supposition ends here: what follows asks, or it does not.
			a := j + 1
			if a < len(words) && words[a] == "then" {
				a++
			}
			if asks(words, a) {
				return a
			}
			return 0
		}
		if !subjectWords[words[j-1]] && (personal[words[k+1]] || modalAux[w]) && !whWords[w] && asks(words, j) {
			return j
		}
	}
	return 0
}

// asks reports whether the clause opening at words[a] is a question, not a polite order: "will you
// still …", "would i …", "what happens …", but not "can you delete it", nor a clause with a
// "please" in it.
func asks(words []string, a int) bool {
	if a >= len(words)-1 {
		return false
	}
	w, next := words[a], words[a+1]
	switch {
	case whWords[w]:
	case askingAux[w] && askedOf[next]:
		if (w == "can" || w == "could") && next == "you" && (a+2 >= len(words) || words[a+2] != "still") {
			return false // "if you have my data can you delete it" asks for it to be done
		}
	default:
		return false
	}
	for _, w := range words[a:] {
		switch w {
		case ".", "!", "?", ";":
			return true
		case "please", "kindly":
			return false
		}
	}
	return true
}
