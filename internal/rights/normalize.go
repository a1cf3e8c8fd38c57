package rights

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Input limits. Requests are stated near the start of a message (a letter
// opens with "subject access request"), so the first 400 words decide; capping the
// work keeps a pasted document or junk input cheap and bounded.
const (
	maxBytes  = 8 << 10
	maxTokens = 400
)

// typos rewrites common text-message spellings and misspellings to the words
// the rules are written for. Values may hold several words.
var typos = map[string]string{
	"u": "you", "ur": "your", "yr": "your", "r": "are", "y": "why",
	"pls": "please", "plz": "please", "plse": "please", "pleas": "please", "plese": "please", "pleae": "please", "kindy": "kindly",
	"im": "i'm", "ive": "i've", "ill": "i'll", "iam": "i am",
	"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "wont": "won't",
	"isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "havent": "haven't", "wouldnt": "wouldn't",
	"hasnt": "hasn't", "hadnt": "hadn't", "couldnt": "couldn't", "shouldnt": "shouldn't", "werent": "weren't",
	"shes": "she's", "hes": "he's", "theyre": "they're", "youve": "you've", "youre": "you're", "thats": "that's",
	"whats": "what's", "hows": "how's",
	"dnt": "don't", "tmrw": "tomorrow", "tmrow": "tomorrow", "2moro": "tomorrow", "tonite": "tonight", "2nite": "tonight", "whos": "who's",
	"wanna": "want to", "gonna": "going to", "gimme": "give me", "lemme": "let me", "wud": "would", "cud": "could", "cn": "can",
	"wot": "what", "wat": "what", "wut": "what", "hav": "have", "hve": "have", "stp": "stop",
	"mums": "mum's", "dads": "dad's", "elses": "else's", "mothers": "mother's", "fathers": "father's",
	"info": "information", "informations": "information", "datas": "data", "documentations": "documents", "infomation": "information", "informaton": "information", "imformation": "information",
	"detials": "details", "detail": "details",
	"suicidial": "suicidal", "sucidial": "suicidal",
	"kil": "kill", "kll": "kill", "suicidel": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal", "suicial": "suicidal", "myslef": "myself", "mysefl": "myself",
	"wnat": "want", "wamt": "want", "whant": "want", "wnt": "want", "acess": "access", "acces": "access", "accesss": "access",
	"requst": "request", "reqest": "request", "reques": "request", "subjet": "subject", "subjetc": "subject",
	"recrods": "records", "reocrds": "records", "recods": "records", "recordes": "records",
	"delte": "delete", "delet": "delete", "deleat": "delete", "dlete": "delete", "deleet": "delete",
	"earse": "erase", "errase": "erase",
	"adress": "address", "addres": "address",
	"personnal": "personal", "persnal": "personal", "personel": "personal",
	"recieve": "receive", "copie": "copy", "coppy": "copy",
	"concent": "consent", "consnet": "consent", "withdrawl": "withdrawal",
	"complant": "complaint", "complaine": "complain", "compliant": "complaint",
	"unsubscibe": "unsubscribe", "unsubcribe": "unsubscribe", "unsubsribe": "unsubscribe",
	"seperate": "separate", "wierd": "weird", "dpo's": "dpo",
	"email's": "emails", "emial": "email", "emai": "email",
	"analyze": "analyse", "analyzing": "analysing", "analyzed": "analysed",
	"authorized":   "authorised",
	"safegaurding": "safeguarding", "safeguardin": "safeguarding",
	"selfharm": "self harm",
}

// droppedG are the -ing words the rules read of how data is used and how people are contacted,
// which text-speak types without their g ("usin", "emailin", "sharin"): a word that is one of
// them less its g is read as it.
var droppedG = setOf(`using sharing sending passing giving selling keeping holding storing processing
		deleting removing recording tracking monitoring marketing contacting emailing texting calling phoning ringing
		messaging writing posting spamming bothering chasing asking getting putting telling`)

// keywords are the words the rules depend on most; an unknown token one
// edit away from one of them is taken to be a typo of it.
var keywords = []string{
	"delete", "erase", "records", "information", "personal", "consent",
	"complaint", "complain", "correct", "rectify", "restrict", "object",
	"portability", "automated", "decision", "unsubscribe", "withdraw",
	"safeguarding", "address", "request", "profiling", "processing",
	"incorrect", "inaccurate", "electronic", "transfer", "subject",
}

// realWords are genuine words one edit from a keyword; they are never
// "corrected" (remote backup is not remove backup, content is not consent).
var realWords = map[string]bool{
	"remote": true, "content": true, "contest": true, "consents": true, "objects": true,
	"directs": true, "subjects": true, "requests": true, "records": true,
	"restricts": true, "decisions": true, "erased": true, "eraser": true, "deleted": true,
	"deletes": true, "corrects": true, "complains": true, "complaints": true,
	"addressed": true, "addresses": true, "transfers": true, "recorded": true, "recorder": true,
	"corrupt": true, "collect": true, "connect": true, "project": true, "reject": true,
	"select": true, "elect": true, "effect": true, "affect": true,
}

// normalize lower-cases and tokenises text into single-space separated
// tokens, with sentence punctuation kept as tokens and padding spaces at
// both ends so rules can anchor on " word ".
func normalize(text string) string {
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	b.WriteByte(' ')
	n := 0
	emit := func(tok string) {
		if tok == "" || n >= maxTokens {
			return
		}
		n++
		b.WriteString(tok)
		b.WriteByte(' ')
	}
	var word []rune
	flush := func() {
		if len(word) == 0 {
			return
		}
		w := strings.Trim(string(word), "'")
		word = word[:0]
		if w == "" {
			return
		}
		if r, ok := typos[w]; ok {
			w = r
		} else if strings.HasSuffix(w, "in") && droppedG[w+"g"] {
			w += "g"
		} else if f := fuzzyKeyword(w); f != "" {
			w = f
		}
		for _, part := range strings.Fields(w) {
			emit(part)
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = append(word, unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == '´':
			word = append(word, '\'')
		case r == '?' || r == '!' || r == '.' || r == ',' || r == ';' || r == ':':
			flush()
			emit(string(r))
		case r == '\n' || r == '\r':
			flush()
			emit(".")
		default:
			flush()
		}
	}
	flush()
	out := idLike.ReplaceAllString(b.String(), "${1}i'd $2")
	if strings.Contains(out, " my ") || strings.Contains(out, " our ") {
		out = possessives(out)
	}
	if strings.Contains(out, " no more ") {
		out = noMoreAfterNot.ReplaceAllString(out, "${1}any more ${2}")
	}
	return out
}

// normalized is a message and its normalised text, kept from one reading for the next.
type normalized struct{ text, s string }

// of is text normalised: the normalised text kept, when it is of text, else made anew.
func (n normalized) of(text string) string {
	if n.s != "" && n.text == text { // normalize never returns "": it pads with spaces
		return n.s
	}
	return normalize(text)
}

// noMoreAfterNot is "no more" ending a clause that a "not" began, typed for "any more" ("i dont
// want u emailin me no more", "i can't cope no more"), as the rules read it. Not "no more emails",
// which asks for none.
var noMoreAfterNot = regexp.MustCompile(`(\b(?:not|don't|doesn't|didn't|won't|can't|cannot|isn't|aren't|never|wouldn't|shouldn't|couldn't) (?:[^.,;:!?]+? )?)no more ((?:[.,;:!?] )?$|[.,;:!?] )`)

// idLike is "id like" typed for "I'd like" where a clause opens, as "ID like a passport" can't.
var idLike = regexp.MustCompile(`((?:^|[.,!;:?]|\b(?:hi|hello|hey|yes|ok|okay|please|so|and|but|now)) )id (like|love|prefer|rather|appreciate)\b`)

// fuzzyKeyword returns the keyword that w is a one-edit typo of, or "".
// Inflections (deleted, records) start with the keyword and are left alone.
func fuzzyKeyword(w string) string {
	if len(w) < 5 || realWords[w] {
		return ""
	}
	for _, k := range keywords {
		if w == k || strings.HasPrefix(w, k) || strings.HasPrefix(k, w) {
			continue
		}
		if d := len(w) - len(k); d > 1 || d < -1 {
			continue
		}
		if withinOneEdit(w, k) {
			return k
		}
	}
	return ""
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or adjacent transposition (ASCII-oriented; other
// runes just count as bytes, which only makes a match less likely).
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return len(b)-len(a) <= 1
	}
	switch {
	case len(a) == len(b):
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // transposition
	default:
		return a[i:] == b[i+1:] // insertion into a
	}
}

// theirs are the things of a person's that a request is about: "my son's data", "my wife's
// address", "my daughter's school file".
var theirs = setOf(`data information details record records file files address addresses account accounts
		notes name number phone mobile email photo photos picture pictures video videos footage image images report reports
		history documents document stuff case assessment plan ehcp profile application claim dob`)

// notBetween are words that, standing between a relation and one of theirs, make the relation
// no possessive: "my sons have records" and "my sons and their data" say what the sons do or
// have, not whose the records are.
var notBetween = setOf(`are were is was be been being have has had do does did don't doesn't didn't and or but
		who whom which that at in on to for with from of about by as the a an his her their my our your its it they them
		he she him all both also still not never will would can could should may might want wants need needs got get gets
		live lives moved went go goes asked told said say says`)

// possessives restores the apostrophe of a relation's possessive typed without one, where what
// follows is theirs: "my sons info" is "my son's information" (a QA pass filed it as the asker's
// own request), while "my sons are at school" keeps its meaning. Up to two words may stand
// between ("my daughters school file"), and one before the relation ("my late husbands records").
func possessives(s string) string {
	words := strings.Fields(s)
	changed := false
	for k := 1; k < len(words); k++ {
		w := words[k]
		if !strings.HasSuffix(w, "s") || !relations[strings.TrimSuffix(w, "s")] {
			continue
		}
		owner := words[k-1]
		if owner != "my" && owner != "our" && !(k > 1 && (words[k-2] == "my" || words[k-2] == "our") && ownerModifier[owner]) {
			continue
		}
		for j := k + 1; j < len(words) && j <= k+3; j++ {
			if theirs[words[j]] {
				words[k] = strings.TrimSuffix(w, "s") + "'s"
				changed = true
				break
			}
			if notBetween[words[j]] || !isWord(words[j]) {
				break
			}
		}
	}
	if !changed {
		return s
	}
	return " " + strings.Join(words, " ") + " "
}

// ownerModifier may stand between "my" and a relation: "my late husbands records".
var ownerModifier = map[string]bool{"late": true, "little": true, "eldest": true, "oldest": true, "youngest": true, "younger": true,
	"older": true, "elder": true, "elderly": true, "disabled": true, "adult": true, "teenage": true, "baby": true, "step": true, "ex": true, "two": true}

// isWord reports whether a token is a word, not a punctuation mark.
func isWord(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// setOf makes a set of whitespace-separated words.
func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
