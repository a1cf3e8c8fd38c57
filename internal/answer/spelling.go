package answer

// Everyday words mistyped. A resident typing on a phone, or unsure of spelling, asks "how lng do
// u kepp complaint records", "wat is the dpo", "who do you shair my data with". The lexicon
// corrects a notice's own longer words (lexicon.go: "assesment"); these are the short everyday
// words a question is asked with, which carry what kind of answer is wanted ("how long",
// "keep", "share"), and the text-message spellings and abbreviations everyone knows. The
// composer asks a question again respelt only when the notices don't answer it as typed
// (Composer.answerRespelt), and says how it read it.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacybot/privacybot/internal/editdist"
)

// textSpeak maps text-message spellings and common abbreviations to the words meant. Only
// spellings that are no word of their own: "ill", "wont" and "cos" are words.
var textSpeak = map[string]string{
	"u": "you", "ur": "your", "yr": "your", "r": "are", "y": "why",
	"wat": "what", "wot": "what", "wht": "what", "hw": "how", "wen": "when", "wer": "where", "whr": "where",
	"wich": "which", "whic": "which", "thier": "their", "tho": "though", "thru": "through", "tht": "that",
	"pls": "please", "plz": "please", "abt": "about", "coz": "because", "cuz": "because", "bcoz": "because", "becoz": "because",
	"knw": "know", "dnt": "don't", "cnt": "can't", "cn": "can", "hav": "have", "giv": "give", "wil": "will",
	"wud": "would", "cud": "could", "shud": "should", "nd": "and", "wiv": "with", "woz": "was",
	"ppl": "people", "thx": "thanks", "fone": "phone", "txt": "text", "txts": "texts", "msg": "message", "msgs": "messages",
	"hrs": "hours", "wks": "weeks", "yrs": "years", "mths": "months", "mnths": "months",
	"dept": "department", "depts": "departments", "addr": "address", "appt": "appointment", "govt": "government", "cllr": "councillor",
	"im": "I'm", "dont": "don't", "cant": "can't", "doesnt": "doesn't", "didnt": "didn't", "whats": "what's",
}

// minEveryday is the shortest slip read as an everyday word: two letters are too few to tell
// what was meant ("mk" is a place).
const minEveryday = 3

// notSlipTargets are words a slip is never read as: a function word changes what is asked
// without saying it ("which dept" as "which debt" is one thing, "wich" as "with" another), and a
// rude one would be said back to the resident ("I read your question as …").
var notSlipTargets = setOf(`via per upon unto tits shit fuck fucking damn ass arse bitch crap dick piss cock bastard hell sex sexy`)

// chatWords are typed as they are meant, however unlike words they look: "lol" is no slip of
// "log".
var chatWords = setOf(`lol lols lmao rofl omg haha hahaha hehe hmm hmmm ugh tbh btw fyi idk imo ffs smh xx xxx ty np`)

// idBefore are the words after which "id" is identity ("proof of id", "photo id", "my id"), not
// "I'd" typed without its apostrophe.
var idBefore = setOf(`of photo my your their his her any some need needs without with show bring`)

// placeWords come before a place ("people in tring"): the word after them is a name, typed in
// lower case, not a slip.
var placeWords = setOf(`in at from near around outside`)

// Respell is a question with its mistyped everyday words as meant ("how lng do u kepp complant
// records" is "how long do you keep complaint records"). Every other word is left as typed.
func (l *Lexicon) Respell(q string) string {
	if l == nil {
		return q
	}
	return eachWord(q, l.respellWord)
}

// respellWord is a word as meant: a text-message spelling's word, the notices' word a slip of
// one is (as Expand reads it), or the everyday or notice word a lower-case slip that is no word
// was typed for. A name (capitals, or after "in" or "at"), a word the notices or the vocabulary
// use and the notices' initials ("lpa" is not "lap") are kept.
func (l *Lexicon) respellWord(w, before string) string {
	if w == "ID" || w == "id" && idBefore[before] {
		return "identity" // "proof of ID", "photo id"; a lone "id" may be "I'd"
	}
	if s, ok := textSpeak[w]; ok {
		return s // "wat", "hw": in lower case only, as "R" or "Y" may be an initial
	}
	low := strings.ToLower(w)
	if !isLowerWord(w) || placeWords[before] || chatWords[low] || l.known(low) || len(l.acronyms[low]) > 0 {
		return w
	}
	if c, ok := l.misspelt(low); ok {
		return c // "complant" is "complaint"
	}
	switch {
	case !englishWord(low):
		if c, ok := l.everyday(low, commonSpokenRank+1); ok {
			return c
		}
	case !hasVowel(low) && !spokenWithin(low, commonSpokenRank):
		// In the word vectors as an acronym ("lng", liquefied natural gas), and still typed for
		// an everyday word.
		if c, ok := l.everyday(low, everydaySpokenRank); ok {
			return c
		}
	}
	return w
}

// everyday finds the everyday word, or the notices' word, that a lower-case word which is no
// English word was typed for: one letter added, dropped, changed or two swapped ("lng", "kepp"),
// or, in a longer word, two letters that sound the same ("shair" for "share"). It starts with the
// same letter (people rarely slip on the first). A word the notices use wins over one they don't,
// the one they use more over one they use less ("shre" is "share", not "sure"), then the commoner
// in spoken English; none when two are as common. Candidates are the words of spoken English
// within maxRank, and the notices' own words when maxRank is beyond commonSpokenRank.
func (l *Lexicon) everyday(w string, maxRank int) (string, bool) {
	r := []rune(w)
	if len(r) < minEveryday {
		return "", false
	}
	key := soundex(w)
	best, bestN, bestRank, tie := "", 0, 0, false
	for _, c := range l.slipTargets()[r[0]] {
		cr := []rune(c)
		if abs(len(cr)-len(r)) > 1 {
			continue
		}
		rank, spoken := spokenRank[c]
		if !spoken || rank > commonSpokenRank {
			rank = commonSpokenRank + 1
		}
		if rank > maxRank {
			continue
		}
		switch d := editdist.Runes(r, cr); {
		case d == 1:
		case d == 2 && len(r) >= minCorrectedNonWord && soundex(c) == key:
		default:
			continue
		}
		n := l.words[c]
		switch {
		case best == "" || n > bestN || n == bestN && rank < bestRank:
			best, bestN, bestRank, tie = c, n, rank, false
		case n == bestN && rank == bestRank:
			tie = true
		}
	}
	return best, best != "" && !tie
}

// slipTargets are the words a slip may be read as, by first letter: the words of spoken English
// and of the notices, of three letters or more, but no stop word or notSlipTargets. Found once.
func (l *Lexicon) slipTargets() map[rune][]string {
	l.targetsOnce.Do(func() {
		l.targets = map[rune][]string{}
		add := func(c string) {
			if utf8.RuneCountInString(c) < minEveryday || stopWords[c] || notSlipTargets[c] {
				return
			}
			first, _ := utf8.DecodeRuneInString(c)
			l.targets[first] = append(l.targets[first], c)
		}
		for c, rank := range spokenRank {
			if rank <= commonSpokenRank {
				add(c)
			}
		}
		for c := range l.words {
			if _, spoken := spokenRank[c]; !spoken {
				add(c)
			}
		}
	})
	return l.targets
}

// soundex is a word's American Soundex code: its first letter and the sounds of the next three
// consonants, so that words spelt as they sound share it ("shair" and "share" are S600).
func soundex(w string) string {
	const codes = "01230120022455012623010202" // a to z
	out := make([]byte, 0, 4)
	var last byte
	for i := 0; i < len(w) && len(out) < 4; i++ {
		ch := w[i] | 0x20
		if ch < 'a' || ch > 'z' {
			continue
		}
		code := codes[ch-'a']
		if len(out) == 0 {
			out = append(out, ch-0x20)
			last = code
			continue
		}
		if code != '0' && code != last {
			out = append(out, code)
		}
		if ch != 'h' && ch != 'w' {
			last = code // h and w don't part two consonants of one sound; vowels do
		}
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}

// isLowerWord reports whether a word was typed without capitals (a slip, not a name).
func isLowerWord(w string) bool { return strings.IndexFunc(w, unicode.IsUpper) < 0 }

// hasVowel reports whether a lower-case word has a vowel (y counts: "fly", "my").
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }
