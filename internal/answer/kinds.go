package answer

// Kinds of fact: which one a question asks for, and whether a sentence states it.

import (
	"regexp"
	"slices"
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// Answer kinds: what shape of fact a question asks for. "How long do you keep…" wants a period,
// "what's the phone number…" a phone number. A sentence without that shape of fact doesn't
// answer, however many of the question's words it shares; and when no sentence of the notices
// has it, the bot abstains. The shapes are those of any council's notice, not of particular ones.
const (
	KindPhone    = "phone"    // a telephone number
	KindPostcode = "postcode" // a postal address, which ends in a UK postcode
	KindEmail    = "email"    // an e-mail address
	KindDuration = "duration" // how long something is kept: a period, "until …", a retention schedule
	KindDeadline = "deadline" // how soon something must be done: a number of days, weeks or months
	KindDate     = "date"     // a calendar date
	KindPrice    = "price"    // what something costs: an amount, or that there is no charge
	KindAge      = "age"      // how old someone must be: "aged 12 or over", "under 18"
	KindName     = "name"     // a person's or a company's name: "Nadia Okonjo", "Greenline Waste Services Ltd"
	KindHours    = "hours"    // opening hours: "9am to 5pm", "Monday to Friday"
	KindOften    = "often"    // how often something happens: "every two years", "annually"
	KindCount    = "count"    // how many of something there are: "39 councillors", "three cameras"
	// KindCallRecording is whether telephone calls are recorded: asked about often, and answered
	// only by a sentence about recording calls, not by any sentence with "record" and "phone".
	KindCallRecording = "call-recording"
	// KindContact is any way to reach someone: a phone number, a postal address or an e-mail.
	// "Who is the data protection officer?" asks for it: the notices answer with a contact block.
	KindContact = "contact"
	// KindDefinition is a sentence saying what something is or does ("A cookie is a small text
	// file …", "We are a partnership team …"). It is never a gate, only a preference for
	// "what is …?" questions (IsDefinitionQuestion).
	KindDefinition = "definition"
)

const (
	numberWords = `\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|hundred`
	monthNames  = `january|february|march|april|may|june|july|august|september|october|november|december`
)

// kindRes find each kind of fact in a sentence.
var kindRes = map[string]*regexp.Regexp{
	KindPhone:         regexp.MustCompile(`(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b`),
	KindPostcode:      regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`),
	KindEmail:         regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`),
	KindDuration:      regexp.MustCompile(`(?i)\b(?:` + numberWords + `)(?:\s+|-)(?:calendar\s+|working\s+|business\s+|full\s+)?(?:years?|months?|weeks?|days?|hours?)\b|\buntil\b|\bfor as long as\b|\bno longer than\b|\bretention (?:schedules?|periods?|polic(?:y|ies))\b|\bpermanently\b|\bindefinitely\b|\bperiods? (?:of time )?(?:that|for which) (?:we|the|your|it)\b`),
	KindDeadline:      regexp.MustCompile(`(?i)\b(?:` + numberWords + `)(?:\s+|-)(?:calendar\s+|working\s+|business\s+|clear\s+)?(?:days?|weeks?|months?)\b`),
	KindPrice:         regexp.MustCompile(`(?i)£\s?\d|\b\d+(?:\.\d\d)?\s?(?:pounds|pence)\b|\b\d+p\b|\bfree of charge\b|\b(?:is|are|it's|is usually|are usually)\s+free\b|\bno (?:charge|fee|cost)\b|\bwithout (?:charge|a fee)\b|\bnot (?:charge|make a charge)\b|\b(?:a|an|the)\s+(?:reasonable\s+|administrative\s+|admin\s+|small\s+)?(?:fee|charge)\b|\bfees?\s+(?:of|for)\b|\bfees?\s+(?:is|are)\s+(?:£|\d|free|payable|charged|waived|set|not|no)\b`),
	KindHours:         regexp.MustCompile(`(?i)\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b24 hours\b|\bopening (?:hours|times)\b`),
	KindOften:         regexp.MustCompile(`(?i)\bevery\b|\b(?:hourly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b|\bonce (?:a|an|every)\b|\btimes? (?:a|an|per|each)\b|\beach (?:day|week|month|year)\b|\b(?:a|per) (?:day|week|month|year)\b`),
	KindCallRecording: regexp.MustCompile(`(?i)\b(?:calls?|telephone|phone)\b[^.;]{0,60}\brecord(?:ed|ing|ings)?\b|\brecord(?:ed|ing|ings)?\b[^.;]{0,60}\b(?:calls?|telephone conversations?)\b`),
	KindCount:         regexp.MustCompile(`(?i)\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b`),
	KindAge:           regexp.MustCompile(`(?i)\baged?\s+(?:\d+|under|over|between)\b|\b\d+\s+(?:years?\s+)?(?:or over|or older|and over|or above|or under|and under)\b|\b(?:under|over)(?: the age of)?\s+\d+\b|\b\d+\s*-?\s*years?\s*-?\s*old\b|\bages? of\s+\d+`),
	KindDate:          regexp.MustCompile(`(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:` + monthNames + `)\s+\d{4}\b|\b(?:` + monthNames + `)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b`),
}

// kindWords are the words with which a question asks for a kind of fact; a sentence that has
// the fact says them ("Tel No: 01908 …" answers "what's the phone number").
var kindWords = map[string]string{
	KindPhone:         "phone telephone number ring call contact helpline hotline",
	KindPostcode:      "postal post address write send based located",
	KindEmail:         "email address",
	KindDuration:      "long keep kept retention period years time",
	KindDeadline:      "long days weeks months quickly soon fast time limit deadline respond reply answer keep retention period years",
	KindDate:          "date updated changed reviewed published",
	KindAge:           "age aged old years year",
	KindHours:         "time times open opening hours close closing",
	KindOften:         "often frequently",
	KindCount:         "many number",
	KindCallRecording: "record recorded recording recordings",
	KindName:          "name named company companies firm supplier contractor provider person",
	KindPrice:         "cost costs charge charges fee fees pay price much free fine fined",
	KindContact:       "contact details reach touch address",
}

// askedKindRes recognise the questions that ask for a kind of fact, most specific first.
var askedKindRes = []struct {
	kind string
	re   *regexp.Regexp
}{
	{KindDeadline, regexp.MustCompile(`\bhow long (?:do|does|have|has|will|would) (?:i|we|you|they|he|she|it|the council|my \w+)\s+(?:have|got|get)\s+to\s+(?:ask|appeal|challenge|request|apply|complain|object|respond|reply|tell|report|pay|send|return|renew|decide|register)\b|\bhow many (?:working |calendar )?(?:days|weeks)\b|\bhow (?:quickly|soon|fast)\b|\btime ?limits?\b|\bdeadlines?\b|\bhow long\b[^?.!]*\b(?:to|till|until|before)\s+(?:respond|reply|answer|deal with|process|get back|send|provide|give|do|complete|take)\b|\bhow long (?:are|is) (?:they|you|the council|it) allowed\b|` +
		// "how long does a SAR take?": a request's reply, not a period of keeping anything.
		`\bhow long (?:does|do|will|would|should|can|could) (?:a |an |the |my |our |their )?(?:sars?|dsars?|(?:subject )?access requests?|requests?|foi(?: requests?)?|freedom of information requests?|complaints?)\s+(?:\w+\s+){0,2}?take\b`)},
	{KindPrice, regexp.MustCompile(`\bhow much (?:is|are|'s|to|for)\b|\bwhat (?:does|do|will|would) [^?.!]{0,60}\bcost\b|\bhow much\b[^?.!]*\b(?:cost|costs|charge|charges|charged|pay|fee|fees|fine|fined|price)\b|\b(?:cost|costs|charge|charged|fee|fees|fine|fined|price)\b[^.!]{0,80}\bhow much\b|\b(?:is|are) there (?:a\s+|an\s+|any\s+)?(?:[\w']+\s+)?(?:fee|fees|charge|charges|cost)\b|\b(?:do|does|will|would|did) (?:i|we|you|they|it|the council)\s+(?:have to\s+|need to\s+|still\s+)?(?:pay|charge)\b|\bis (?:it|that|this) free\b|\bfree of charge\b|\bwhat(?:'s| is| are)? the (?:fee|fees|charge|charges|cost|price)\b`)},
	{KindDuration, regexp.MustCompile(`\bhow long\b|\bretention (?:period|time)s?\b|` +
		// A note-like "retention complaints bucks", "complaints retention?" (a QA pass of advisers
		// got a hedged quote on complaining to the regulator).
		`^\W*(?:[\w'’]+\s+){0,3}?retention\b(?:\s+[\w'’]+){0,3}\W*$|\bretention\s*(?:[-–—?:]|$|(?:for|of|on)\b)|\bhow many (?:years|months)\b|\bfor how long\b`)},
	// "Is the privacy statement up to date?" is answered by when it was last updated.
	{KindDate, regexp.MustCompile(`\bwhen (?:was|were|did)\b[^?.!]*\b(?:updated?|changed?|reviewed?|published|written|revised)\b|\bwhat date\b|\blast (?:updated|changed|reviewed|revised)\b|` +
		`\b(?:notice|statement|policy)\s+(?:still\s+)?(?:up to date|up-to-date|current|out of date|out-of-date)\b`)},
	{KindCallRecording, regexp.MustCompile(`\bcalls?\b[^?.!]{0,40}\b(?:recorded|recording)\b|\b(?:recorded|recording|recordings)\b[^?.!]{0,30}\bcalls?\b|\b(?:do|does|did|will|would)\s+(?:you|they|the council|\w+)\s+record\s+(?:my\s+|your\s+|phone\s+)*calls?\b`)},
	{KindHours, regexp.MustCompile(`\bwhat time (?:does|do|is|are)\b[^?.!]*\b(?:open|close|shut|answer|staffed)\b|\bopening (?:hours|times)\b|\bwhen (?:is|are|does|do)\b[^?.!]*\bopen\b`)},
	{KindOften, regexp.MustCompile(`\bhow often\b|\bhow frequently\b`)},
	{KindCount, regexp.MustCompile(`^\W*(?:so\s+|and\s+)?how many\s+(?:[a-z]+\s+){0,2}?(?:do|does|did|are|is|were|has|have|will)\b`)},
	{KindAge, regexp.MustCompile(`\b(?:at )?what age\b|\bhow old\b|\b(?:minimum|youngest) age\b|\bage limit\b|\bold enough\b`)},
	{KindName, regexp.MustCompile(`\bwhat(?:'s|s| is| are)? (?:the |their |his |her |its )?names?\b|\bnames? of (?:the|your|their|its|our)\b|\bwhich (?:\w+ )?(?:company|companies|firm|firms|supplier|suppliers|contractor|contractors)\b|\bwho (?:is|are) (?:the )?named\b|\bnamed (?:person|officer|contact|individual)\b|\bi want a name\b`)},
	{KindEmail, regexp.MustCompile(`\b(?:what|what's|whats|which|give me|need)\b[^?.!]*\b(?:the|an|their|its|a)\s+e-?mail(?: address)?\b|` +
		// "whats the data protection email for milton keynes", "what's the DPO's email?": a few
		// words between, and the e-mail asked for, not something about e-mails ("the email
		// marketing policy").
		`\b(?:what|what's|whats|which|give me|need)\b[^?.!]*\b(?:the|an|their|its|a)\s+(?:[\w'’-]+\s+){1,3}?e-?mail(?:\s+address)?\s*(?:for|of|to|at|[?.!]|$)|^(?:[\w']+\s+){0,3}?(?:the\s+|an\s+)?e-?mail(?:\s+address)?\s+(?:for|of)\b`)},
	{KindPhone, regexp.MustCompile(`^(?:[\w']+\s+){0,6}(?:phone|telephone|tel|contact|helpline)\s*(?:number|no)\b[^?.!]{0,30}$|^(?:and\s+)?(?:(?:the|their|his|her|its|your)\s+)?(?:phone|telephone|tel|helpline)\s*(?:number|no)\s*[?.!]*$|^(?:[\w']+\s+){0,3}?(?:the\s+|a\s+)?(?:phone|telephone|tel|helpline|contact)\s*(?:number|no)\s+(?:for|of)\b|\b(?:what|what's|whats|which|give me|need)\b[^?.!]*\b(?:the|a|their|its)\s+(?:[\w']+\s+){0,3}?(?:phone|telephone|tel|contact|helpline)\s*(?:number|no)\b|\b(?:who|where|what number)\b[^?.!]*\b(?:do|should|can|could)\s+i\s+(?:ring|call|phone|telephone)\b|\bnumber\s+(?:to|for|i can)\s+(?:ring|call)\b`)},
	{KindContact, regexp.MustCompile(`\bwho(?:'s| is| are)\s+(?:the|your|their|its|our)?\s*(?:[\w']+\s+){0,3}?(?:data protection officer|dpo|data controller|controller|data protection (?:team|lead|person|people|contact|manager|officers?))\b|\bcontact (?:details|info|information)\b|` +
		// "What is the DPO?" asks who it is as "who is the DPO?" does: every council has one.
		`^\W*what(?:'s|s| is)\s+(?:the\s+|your\s+|a\s+|an\s+)?(?:dpo|data protection officer)\W*$`)},
	{KindPostcode, regexp.MustCompile(`\b(?:postal|post|mailing|office)\s+address\b|\baddress\s+(?:to|for)\s+(?:write|send|post)\b|\bwhere\b[^?.!]*\b(?:write to|send (?:a letter|post)|based|located)\b|\b(?:what|what's|whats|which)\b[^?.!]*\b(?:the|their|his|her|its|your)\s+(?:postal\s+)?address\b`)},
}

// AskedKind says what kind of fact a question asks for (KindPhone, KindDuration, …), or "" when
// it asks for none in particular.
func AskedKind(question string) string {
	q := strings.ToLower(question)
	for _, k := range askedKindRes {
		if k.re.MatchString(q) {
			return k.kind
		}
	}
	return terseKind(q)
}

// terseKind is the kind of contact a note-like message wants ("DPO email MK?", "bucks dpo
// phone", "mk together address"): a few words, none asking a question or saying whose, one of
// them naming the contact. "can I email you?" and "do you keep my phone number?" ask otherwise.
func terseKind(q string) string {
	ws := Words(q)
	if len(ws) > 5 {
		return ""
	}
	if slices.Equal(slices.DeleteFunc(slices.Clone(ws), isDeterminer), []string{"number"}) {
		return KindPhone // "number?", "and their number?": a "NHS number" is not one to ring
	}
	kind := ""
	for _, w := range ws {
		switch {
		case slices.Contains(notTerse, w):
			return ""
		case w == "email" || w == "e" && strings.Contains(q, "e-mail"):
			kind = KindEmail
		case (w == "phone" || w == "telephone" || w == "tel" || w == "helpline") && kind == "":
			kind = KindPhone
		case (w == "address" || w == "postcode") && kind == "":
			kind = KindPostcode
		}
	}
	return kind
}

// isDeterminer reports whether a word only points at a noun: "the", "their", "and".
func isDeterminer(w string) bool {
	return slices.Contains(determiners, w)
}

var determiners = strings.Fields(`and the a an their his her its your our what whats`)

// notTerse are the words of a message that asks a question or says whose something is.
var notTerse = strings.Fields(`can could do does did how should will would may might i we you me my our to is are was were why when who what whats where which keep kept hold store use share`)

// TopicWords are the words of a question that say what it is about, not how it asks: without
// stop words and the words asking for its kind of fact ("how long do you keep complaint
// records?" is about "complaint records"). A follow-up asking something else about the same
// thing ("who sees them?") borrows them.
func TopicWords(question string) []string {
	asking := map[string]bool{}
	for _, w := range strings.Fields(kindWords[AskedKind(question)]) {
		asking[Stem(w)] = true
	}
	var out []string
	for _, w := range Words(question) {
		if !IsStopWord(w) && !asking[Stem(w)] {
			out = append(out, w)
		}
	}
	return out
}

// HasKind reports whether text states a fact of the kind.
func HasKind(text, kind string) bool {
	if kind == KindDefinition {
		return definitionRe.MatchString(text)
	}
	if kind == KindName {
		return hasName(text)
	}
	if kind == KindContact {
		return HasKind(text, KindPhone) || HasKind(text, KindPostcode) || HasKind(text, KindEmail)
	}
	re, ok := kindRes[kind]
	if !ok {
		return false
	}
	if kind == KindEmail {
		text = strings.ReplaceAll(text, "[email protected]", "") // a placeholder the captured pages left
	}
	return re.MatchString(text)
}

// everyKind is every kind of fact HasKind tells, in the order of a kindSet's bits.
var everyKind = []string{KindPhone, KindPostcode, KindEmail, KindDuration, KindDeadline, KindDate, KindPrice, KindAge,
	KindName, KindHours, KindOften, KindCount, KindCallRecording, KindContact, KindDefinition}

// kindSet holds the kinds of fact a sentence states, one bit each in everyKind's order. The
// composer works it out once per sentence of the corpus: run on every candidate sentence of
// every answer, the expressions were a third of an answer's time.
type kindSet uint32

// kindsOf is the set of kinds of fact text states.
func kindsOf(text string) kindSet {
	var s kindSet
	for i, k := range everyKind {
		if HasKind(text, k) {
			s |= 1 << i
		}
	}
	return s
}

// has reports whether the set holds a kind; an unknown kind is never held, as HasKind says.
func (s kindSet) has(kind string) bool {
	i := slices.Index(everyKind, kind)
	return i >= 0 && s&(1<<i) != 0
}

// Kinds lists the kinds of fact text states, in a fixed order, for the index to favour a passage
// stating the kind a question asks for. A number (KindCount) is in most passages, so it is not
// listed: favouring every passage says nothing.
func Kinds(text string) []string {
	var out []string
	for _, k := range everyKind {
		if k != KindCount && HasKind(text, k) {
			out = append(out, k)
		}
	}
	return out
}

// KindsOfUnits lists the kinds of fact a text states, and those each of its units states,
// reading each unit once: a text states what its units state, except that a name or a
// definition is read on the whole text, whose lines and first words are not its units'. (Read on
// the text as well, the expressions took half the time to build an index.)
func KindsOfUnits(text string, units []string) (whole []string, each [][]string) {
	stated := map[string]bool{}
	for _, u := range units {
		ks := Kinds(u)
		each = append(each, ks)
		for _, k := range ks {
			stated[k] = true
		}
	}
	for _, k := range everyKind {
		switch k {
		case KindCount:
			continue // not listed, as Kinds says
		case KindName, KindDefinition:
			if HasKind(text, k) {
				whole = append(whole, k)
			}
		default:
			if stated[k] {
				whole = append(whole, k)
			}
		}
	}
	return whole, each
}

// companyRe finds a company's name: capitalised words ending in Ltd, Limited, plc or LLP.
var companyRe = regexp.MustCompile(`\b[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}\s+(?:Ltd|Limited|plc|PLC|LLP)\b`)

// personRe finds what may be a person's name: two or three capitalised words, after "is" or
// "by" or on a line of their own ("Our Data Protection Officer is Nadia Okonjo.", "Maria
// Damigos").
var personRe = regexp.MustCompile(`(?m)(?:\b(?:is|are|by)\s+|^\s*)((?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b\.?\s*(?:$|[,.;(])`)

// roleWords are capitalised words of roles, bodies and places, never of a person's name.
var roleWords = setOf(`data protection officer council team service services office information commissioner
customer customers centre center department city borough county district civic house hall square street road lane
general regulation act safeguarding board trust nhs health care social adult children library libraries
privacy notice policy statement website registration electoral elections cabinet national fraud initiative
the our your their a an this that`)

// hasName reports whether text names a person or a company.
func hasName(text string) bool {
	if companyRe.MatchString(text) {
		return true
	}
	for _, m := range personRe.FindAllStringSubmatch(text, -1) {
		role := false
		for _, w := range strings.Fields(m[2]) {
			if roleWords[strings.ToLower(w)] {
				role = true
			}
		}
		if !role {
			return true
		}
	}
	return false
}

// keptRe finds a question about keeping something: "how long do you keep / hold / store …".
var keptRe = regexp.MustCompile(`(?i)\b(?:keep|keeps|kept|keeping|hold|holds|held|holding|retain\w*|retention|stor(?:e|es|ed|ing|age)|destroy\w*|delet\w*|dispos\w*|eras\w*|archiv\w*|shred\w*|overwrit\w*|purg\w*)\b`)

// keptSentenceRe finds a sentence giving a period of keeping: "held for 6 years", "destroyed
// after 12 months", "overwritten after 30 days", "for as long as". Holding, storing or removing is
// keeping only when the period follows ("if we hold records about you, we will send them within
// 40 days" is not).
var keptSentenceRe = regexp.MustCompile(`(?i)\b(?:keep|keeps|kept|keeping|retain\w*|retention|destroy\w*|destruction|delet\w*|dispos\w*|eras(?:e|ed|es|ing|ure)|archiv\w*|shred\w*|anonymi[sz]\w*|overwrit\w*|purg\w*|wip(?:e|ed|es|ing))\b|\bfor as long as\b|` +
	`\b(?:hold|holds|held|holding|store|stores|stored|storing|remove|removes|removed)\b(?:\s+\S+){0,5}?\s+(?:for|until|after|up to|no longer than)\b`)

// keptHeadingRe finds a section about keeping: "How long we keep hold of information for",
// "Retention", "Storage and disposal". "The information we hold about you" is not one.
var keptHeadingRe = regexp.MustCompile(`(?i)\bhow long\b|\b(?:keep|keeps|kept|keeping|retain\w*|retention|storage|stored|destr\w*|delet\w*|dispos\w*)\b`)

// saysKept reports whether a sentence answering "how long do you keep …?" gives a period of
// keeping: the sentence or its section says so.
func saysKept(p notice.Passage, sentence string) bool {
	return keptSentenceRe.MatchString(sentence) || keptHeadingRe.MatchString(p.Section())
}
