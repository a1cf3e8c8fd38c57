package llm

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The checks a generated answer must pass before anyone sees it. They are pure functions of the
// answer text and the passages the model was given, so they are table-tested without a model.
// Each failure names a reason, the same word the fallback counter and the JSON's
// "fallback_reason" use.

// Reasons a generated answer is replaced by the extractive one.
const (
	ReasonTimeout            = "timeout"             // the model took longer than the configured timeout
	ReasonRateLimited        = "rate_limited"        // the model's API answered 429
	ReasonError              = "error"               // any other failure to get an answer
	ReasonCancelled          = "cancelled"           // the caller gave up first
	ReasonEmpty              = "empty"               // the model returned no text
	ReasonAbstained          = "abstained"           // the model said the passages don't answer
	ReasonPromptEcho         = "prompt_echo"         // the answer repeats the system prompt
	ReasonBadCitation        = "bad_citation"        // no [n], or an [n] that wasn't supplied
	ReasonUnsupportedContact = "unsupported_contact" // an e-mail, phone or URL not in the passages, spelled out in words too
	ReasonUnsupportedNumber  = "unsupported_number"  // a period, date, amount or number not in the cited passages, in digits or words ("a decade", "ten pounds", "permanently")
)

// AbstainReply is what the system prompt tells the model to reply when the passages don't say.
const AbstainReply = "NOT_IN_NOTICES"

// CheckResult is the outcome of checking a generated answer.
type CheckResult struct {
	Text   string // the answer with its citation markers normalised to [n]
	Cited  []int  // the passage numbers cited, in order of first use
	Reason string // empty when the answer may be shown
	Detail string // what failed (a number, an address); for tests and debugging, never personal data of the user
}

// OK reports whether the answer passed every check.
func (r CheckResult) OK() bool { return r.Reason == "" }

// Check runs every check on a generated answer: text is the model's reply, passages the texts
// of the numbered passages it was given ([1] is passages[0]), system the system prompt it got.
func Check(text string, passages []string, system string) CheckResult {
	return CheckAgainst(text, passages, system, Sources{})
}

// CheckAgainst is Check that also knows the passages' organisations, the question and the
// corpus's organisations: an organisation named must be a cited passage's, and a person's name
// one a cited passage or the question gives.
func CheckAgainst(text string, passages []string, system string, src Sources) CheckResult {
	return checkAgainst(text, passages, system, lowerWords(system), src)
}

// checkAgainst is CheckAgainst given the words the system prompt writes in lower case
// (lowerWords), which an Answerer reads once from its prompt rather than at every check.
func checkAgainst(text string, passages []string, system string, systemWords map[string]bool, src Sources) CheckResult {
	text = NormaliseCitations(strings.TrimSpace(text))
	res := CheckResult{Text: text}
	fail := func(reason, detail string) CheckResult {
		res.Reason, res.Detail = reason, detail
		return res
	}
	if text == "" {
		return fail(ReasonEmpty, "")
	}
	// The echo first: the system prompt itself contains the abstain reply.
	if run, ok := EchoesPrompt(text, system, echoRun); ok {
		return fail(ReasonPromptEcho, run)
	}
	if Abstains(text) {
		return fail(ReasonAbstained, "")
	}
	cited, bad := Citations(text, len(passages))
	res.Cited = cited
	if bad != 0 {
		return fail(ReasonBadCitation, "["+strconv.Itoa(bad)+"]")
	}
	if len(cited) == 0 {
		return fail(ReasonBadCitation, "no citation")
	}
	if c := UnsupportedContacts(text, passages); len(c) > 0 {
		return fail(ReasonUnsupportedContact, c[0])
	}
	if c := UnsupportedSpelledContacts(text, passages); len(c) > 0 {
		return fail(ReasonUnsupportedContact, c[0])
	}
	var citedTexts, citedOrgs []string
	for _, n := range cited {
		citedTexts = append(citedTexts, passages[n-1])
		if n-1 < len(src.Organisations) {
			citedOrgs = append(citedOrgs, src.Organisations[n-1])
		}
	}
	if f := UnsupportedFacts(text, citedTexts); len(f) > 0 {
		return fail(ReasonUnsupportedNumber, f[0])
	}
	// The laws, organisations and names are looked for in the cited passages folded once.
	joined := strings.Join(citedTexts, "\n")
	folded := foldSpace(joined)
	if l := unsupportedLaws(text, folded); len(l) > 0 {
		return fail(ReasonUnsupportedLaw, l[0])
	}
	if src.Organisations != nil {
		if o := unsupportedOrganisations(text, joined, folded, citedOrgs, src.Known); len(o) > 0 {
			return fail(ReasonUnsupportedOrganisation, o[0])
		}
	}
	ordinary := &ordinaryWords{system: systemWords, texts: append(slices.Clip(passages), text)}
	if n := unsupportedNames(text, folded, src.Question, ordinary, src.Known); len(n) > 0 {
		return fail(ReasonUnsupportedName, n[0])
	}
	return res
}

var (
	// groupCiteRe finds the grouped citations models like to write: [1, 2], [1,2,3], [1 and 2], [1-3].
	groupCiteRe = regexp.MustCompile(`\[\s*\d+\s*(?:(?:,|and|&|–|-)\s*\d+\s*)+\]`)
	// sourceCiteRe finds [Passage 1] or [source 2].
	sourceCiteRe = regexp.MustCompile(`(?i)\[\s*(?:passage|source)\s+(\d+)\s*\]`)
	citeRe       = regexp.MustCompile(`\[(\d+)\]`)
	digitsRe     = regexp.MustCompile(`\d+`)
)

// NormaliseCitations rewrites grouped or labelled citations as a run of [n] markers, so
// "[1, 2]" becomes "[1][2]" and "[2-4]" becomes "[2][3][4]".
func NormaliseCitations(text string) string {
	text = sourceCiteRe.ReplaceAllString(text, "[$1]")
	return groupCiteRe.ReplaceAllStringFunc(text, func(m string) string {
		nums := digitsRe.FindAllString(m, -1)
		var b strings.Builder
		if len(nums) == 2 && (strings.Contains(m, "-") || strings.Contains(m, "–")) {
			lo, _ := strconv.Atoi(nums[0])
			hi, _ := strconv.Atoi(nums[1])
			if lo < hi && hi-lo < 20 {
				for n := lo; n <= hi; n++ {
					b.WriteString("[" + strconv.Itoa(n) + "]")
				}
				return b.String()
			}
		}
		for _, n := range nums {
			b.WriteString("[" + n + "]")
		}
		return b.String()
	})
}

// Citations returns the passage numbers text cites, in order of first use, and the first number
// that is not between 1 and n (0 when all are).
func Citations(text string, n int) (cited []int, bad int) {
	seen := map[int]bool{}
	for _, m := range citeRe.FindAllStringSubmatch(text, -1) {
		k, err := strconv.Atoi(m[1])
		if err != nil || k < 1 || k > n {
			if bad == 0 {
				bad = k
				if bad == 0 {
					bad = -1 // [0] or an absurdly long number: still bad
				}
			}
			continue
		}
		if !seen[k] {
			seen[k] = true
			cited = append(cited, k)
		}
	}
	return cited, bad
}

var abstainRe = regexp.MustCompile(`(?i)\b(?:don't|do not|doesn't|does not|can't|cannot|can not|couldn't|could not|am not able to|unable to)\s+(?:know|say|tell|answer|find|cover|mention|state|give)\b`)

// Abstains reports whether the model said it can't answer: the agreed reply, or a sentence
// saying so with nothing cited.
func Abstains(text string) bool {
	if strings.Contains(strings.ToUpper(text), AbstainReply) {
		return true
	}
	return !citeRe.MatchString(text) && abstainRe.MatchString(text)
}

// echoRun is how many consecutive words of the system prompt an answer may not repeat.
const echoRun = 8

// EchoesPrompt reports whether text repeats a run of at least run consecutive words of prompt,
// and returns the run.
func EchoesPrompt(text, prompt string, run int) (string, bool) {
	pw := plainWords(prompt)
	if len(pw) < run {
		return "", false
	}
	grams := map[string]bool{}
	for i := 0; i+run <= len(pw); i++ {
		grams[strings.Join(pw[i:i+run], " ")] = true
	}
	tw := plainWords(text)
	for i := 0; i+run <= len(tw); i++ {
		if g := strings.Join(tw[i:i+run], " "); grams[g] {
			return g, true
		}
	}
	return "", false
}

// plainWords splits text into lower-case words, dropping punctuation and citation markers.
func plainWords(s string) []string {
	s = citeRe.ReplaceAllString(s, " ")
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r > 127 && r != '’' && r != '“' && r != '”')
	})
}

var (
	emailRe = regexp.MustCompile(`(?i)[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`)
	urlRe   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()\[\]"'“”]+|\b(?:[a-z0-9-]+\.)+(?:uk|com|org|net|gov|info|io)\b(?:/[^\s<>()\[\]"'“”]*)?`)
	// phoneRe finds UK phone numbers: 0 or +44, then 9–10 more digits in groups.
	phoneRe = regexp.MustCompile(`(?:\+44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b`)
)

// phonesIn are the phone numbers text gives (outside its e-mail addresses), by their digits.
func phonesIn(text string) map[string]bool {
	phones := map[string]bool{}
	for _, p := range phoneRe.FindAllString(emailRe.ReplaceAllString(text, " "), -1) {
		phones[phoneDigits(p)] = true
	}
	return phones
}

// UnsupportedContacts returns the e-mail addresses, phone numbers and web addresses in text
// that no passage contains. A contact detail the model made up sends a resident's personal data
// to the wrong place, so these are checked against every passage, exactly.
func UnsupportedContacts(text string, passages []string) []string {
	var bad []string
	all := strings.ToLower(strings.Join(passages, "\n"))
	for _, e := range emailRe.FindAllString(text, -1) {
		e = strings.TrimRight(e, ".")
		if !strings.Contains(all, strings.ToLower(e)) {
			bad = append(bad, e)
		}
	}
	text = emailRe.ReplaceAllString(text, " ")
	pages := urlForm(all)
	for _, u := range urlRe.FindAllString(text, -1) {
		if n := urlForm(u); n != "" && !strings.Contains(pages, n) {
			bad = append(bad, u)
		}
	}
	phones := phonesIn(all)
	for _, p := range phoneRe.FindAllString(text, -1) {
		if !phones[phoneDigits(p)] {
			bad = append(bad, p)
		}
	}
	return bad
}

// urlForm is a web address without its scheme, "www." or trailing punctuation, lower case.
func urlForm(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"https://", "http://", "www."} {
		s = strings.ReplaceAll(s, p, "")
	}
	return strings.TrimRight(s, ".,;:!?/)'\"")
}

func phoneDigits(p string) string {
	var b strings.Builder
	if strings.HasPrefix(p, "+44") {
		b.WriteString("0")
		p = strings.TrimPrefix(p, "+44")
		p = strings.Replace(p, "(0)", "", 1)
	}
	for _, r := range p {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UnsupportedFacts returns the periods ("6 years", "20 working days"), dates ("17 May 2018"),
// percentages, amounts of money and other numbers in text that none of the cited passages
// states. Number words count as numbers when a unit follows ("six years" is "6 years"), and a
// period must keep its kind: "20 days" is not supported by "20 working days".
func UnsupportedFacts(text string, cited []string) []string {
	have := map[string]bool{}
	for _, p := range cited {
		for _, f := range facts(p) {
			have[f.key] = true
			for _, k := range f.implies {
				have[k] = true
			}
		}
	}
	var bad []string
	for _, f := range facts(text) {
		if !have[f.key] {
			bad = append(bad, f.text)
		}
	}
	return bad
}

// fact is a checkable claim found in text: key is its normal form ("period:6 year",
// "date:2018-05-17", "num:101"); implies are the keys a passage stating it also supports.
type fact struct {
	key     string
	text    string
	implies []string
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

const monthAlt = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

const (
	numWordAlt = `zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred`
	unitAlt    = `years?|months?|weeks?|days?|hours?|minutes?`
	qualAlt    = `calendar|working|business|clear|school|full`
)

var (
	dayMonthYearRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	monthDayYearRe = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	slashDateRe    = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`)
	isoDateRe      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	monthYearRe    = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	// wordPeriodRe finds "six years", "twenty-one days", "one calendar month".
	wordPeriodRe = regexp.MustCompile(`(?i)\b(` + numWordAlt + `)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?([\s-]+(?:(?:` + qualAlt + `)[\s-]+)?(?:` + unitAlt + `)\b)`)
	// moneyWordRe finds "ten pounds", "twenty-five quid"; moneyDigitsRe "10 pounds".
	moneyWordRe   = regexp.MustCompile(`(?i)\b(` + numWordAlt + `)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?\s+(?:pounds?|quid)\b`)
	moneyDigitsRe = regexp.MustCompile(`(?i)\b(\d+(?:\.\d\d)?)\s*(?:pounds?|quid)\b`)
	// vagueRe finds a period given without its number: "a few years", "several months".
	vagueRe = regexp.MustCompile(`(?i)\b(?:a\s+)?(few|several|many|some)\s+(` + unitAlt + `|decades?)\b`)
	// foreverRe finds a period without end: "kept permanently", "never deleted".
	foreverRe = regexp.MustCompile(`(?i)\b(?:permanent(?:ly)?|indefinite(?:ly)?|for\s*ever|in\s+perpetuity|never\s+(?:be\s+|being\s+|get\s+|gets\s+|are\s+|is\s+)?(?:deleted|destroyed|erased|removed|disposed\s+of|thrown\s+away))\b`)
	// notForeverRe finds a period without end denied: "not kept permanently", "no longer held indefinitely".
	notForeverRe = regexp.MustCompile(`(?i)\b(?:not|no longer|n't)\s+(?:\w+\s+){0,3}?(?:permanent(?:ly)?|indefinite(?:ly)?|for\s*ever|in\s+perpetuity)\b`)
	numberRe     = regexp.MustCompile(`(?i)(£\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(%|per\s?cent\b|percent\b)|[\s-]*(?:(` + qualAlt + `)[\s-]+)?(` + unitAlt + `)\b)?`)
)

// periodWords rewrite periods said without digits as the digits they mean, in passages and
// answers alike: "a decade" is 10 years, "a fortnight" 2 weeks, "half a year" 6 months, "a
// couple of years" 2 years, "within a month" 1 month.
var periodWords = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`(?i)\b(?:a|one|1)\s+(?:whole\s+|full\s+)?decade\b`), "10 years"},
	{regexp.MustCompile(`(?i)\btwo\s+decades\b`), "20 years"},
	{regexp.MustCompile(`(?i)\b(?:a|one|1)\s+fortnight\b`), "2 weeks"},
	{regexp.MustCompile(`(?i)\bhalf\s+(?:a|one)\s+year\b`), "6 months"},
	{regexp.MustCompile(`(?i)\bhalf\s+an\s+hour\b`), "30 minutes"},
	{regexp.MustCompile(`(?i)\b(?:a\s+)?couple\s+(?:of\s+)?((?:(?:` + qualAlt + `)\s+)?(?:` + unitAlt + `))\b`), "2 $1"},
	{regexp.MustCompile(`(?i)\ba\s+dozen\s+((?:(?:` + qualAlt + `)\s+)?(?:` + unitAlt + `))\b`), "12 $1"},
	{regexp.MustCompile(`(?i)\b(for|within|after|to|least|most|about|around|over|under|than|of|period|take|takes)\s+(?:a|an)\s+((?:(?:` + qualAlt + `)\s+)?(?:year|month|week|day|hour))\b`), "$1 1 $2"},
}

// facts finds the checkable claims of a text. Dates are taken first and blanked out, so their
// day and year aren't checked again as bare numbers; contact details and citation markers are
// blanked too (they are checked elsewhere).
func facts(text string) []fact {
	var out []fact
	text = citeRe.ReplaceAllString(text, " ")
	text = emailRe.ReplaceAllString(text, " ")
	text = urlRe.ReplaceAllString(text, " ")
	text = phoneRe.ReplaceAllString(text, " ")
	addDate := func(m string, y, mo, d int) {
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			out = append(out, fact{key: "text:" + strings.ToLower(m), text: m})
			return
		}
		ym := strconv.Itoa(y) + "-" + twoDigits(mo)
		out = append(out, fact{key: "date:" + ym + "-" + twoDigits(d), text: m,
			implies: []string{"month:" + ym, "num:" + strconv.Itoa(y), "num:" + strconv.Itoa(d)}})
	}
	text = replaceAll(dayMonthYearRe, text, func(m string, g []string) {
		addDate(m, atoi(g[3]), months[strings.ToLower(g[2])], atoi(g[1]))
	})
	text = replaceAll(monthDayYearRe, text, func(m string, g []string) {
		addDate(m, atoi(g[3]), months[strings.ToLower(g[1])], atoi(g[2]))
	})
	text = replaceAll(isoDateRe, text, func(m string, g []string) { addDate(m, atoi(g[1]), atoi(g[2]), atoi(g[3])) })
	// UK order: 17/05/2018 is the 17th of May.
	text = replaceAll(slashDateRe, text, func(m string, g []string) { addDate(m, atoi(g[3]), atoi(g[2]), atoi(g[1])) })
	text = replaceAll(monthYearRe, text, func(m string, g []string) {
		ym := g[2] + "-" + twoDigits(months[strings.ToLower(g[1])])
		out = append(out, fact{key: "month:" + ym, text: m, implies: []string{"num:" + g[2]}})
	})
	for _, w := range periodWords {
		text = w.re.ReplaceAllString(text, w.to)
	}
	text = replaceAll(vagueRe, text, func(m string, g []string) {
		out = append(out, fact{key: "period:" + strings.ToLower(g[1]) + " " + strings.TrimSuffix(strings.ToLower(g[2]), "s"), text: m})
	})
	text = replaceAll(notForeverRe, text, func(m string, _ []string) {
		// "We do not keep them permanently" supports no answer that they are (a review).
		out = append(out, fact{key: "period:not indefinite", text: m})
	})
	text = replaceAll(foreverRe, text, func(m string, _ []string) {
		out = append(out, fact{key: "period:indefinite", text: m})
	})
	text = moneyWordRe.ReplaceAllStringFunc(text, func(m string) string {
		g := moneyWordRe.FindStringSubmatch(m)
		n := numberWords[strings.ToLower(g[1])]
		if g[2] != "" {
			n += numberWords[strings.ToLower(g[2])]
		}
		return "£" + strconv.Itoa(n)
	})
	text = moneyDigitsRe.ReplaceAllString(text, "£$1")
	text = wordPeriodRe.ReplaceAllStringFunc(text, func(m string) string {
		g := wordPeriodRe.FindStringSubmatch(m)
		n := numberWords[strings.ToLower(g[1])]
		if g[2] != "" {
			n += numberWords[strings.ToLower(g[2])]
		}
		return strconv.Itoa(n) + g[3]
	})
	for _, g := range numberRe.FindAllStringSubmatch(text, -1) {
		m := strings.TrimSpace(g[0])
		num := strings.ReplaceAll(g[2], ",", "")
		num = strings.TrimLeft(num, "0")
		if num == "" {
			num = "0"
		}
		if frac := strings.TrimRight(g[3], "0"); frac != "" {
			num += "." + frac
		}
		if g[2][0] == '0' && len(g[2]) > 1 && g[3] == "" {
			num = g[2] // "01908": a code, not a quantity; keep its zeros
		}
		bare := "num:" + num
		switch {
		case g[1] != "":
			out = append(out, fact{key: "money:" + num, text: m, implies: []string{bare}})
		case g[4] != "":
			out = append(out, fact{key: "percent:" + num, text: m, implies: []string{bare}})
		case g[6] != "":
			unit := strings.TrimSuffix(strings.ToLower(g[6]), "s")
			qual := strings.ToLower(g[5])
			switch qual {
			case "calendar", "clear", "full":
				qual = "" // a calendar month is a month; what matters is working days vs days
			case "business":
				qual = "working"
			}
			key := "period:" + num + " " + strings.TrimSpace(qual+" "+unit)
			out = append(out, fact{key: key, text: m, implies: []string{bare}})
		default:
			out = append(out, fact{key: bare, text: m})
		}
	}
	return out
}

// replaceAll calls f for every match of re in s and returns s with the matches blanked.
func replaceAll(re *regexp.Regexp, s string, f func(m string, groups []string)) string {
	return re.ReplaceAllStringFunc(s, func(m string) string {
		f(m, re.FindStringSubmatch(m))
		return " "
	})
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// renumber rewrites the [n] markers of text so the passages are numbered 1, 2, … in order of
// first use; cited is that order (as Citations returns it).
func renumber(text string, cited []int) string {
	to := map[int]int{}
	for i, n := range cited {
		to[n] = i + 1
	}
	out := citeRe.ReplaceAllStringFunc(text, func(m string) string {
		n := atoi(m[1 : len(m)-1])
		return "[" + strconv.Itoa(to[n]) + "]"
	})
	return dropRepeatedCitations(out)
}

// dropRepeatedCitations turns "[1][1]" (left by renumbering "[1, 1]") into "[1]".
func dropRepeatedCitations(s string) string {
	locs := citeRe.FindAllStringIndex(s, -1)
	var b strings.Builder
	last, prev := 0, ""
	prevEnd := -1
	for _, l := range locs {
		m := s[l[0]:l[1]]
		if l[0] == prevEnd && m == prev {
			b.WriteString(s[last:l[0]])
			last = l[1]
		}
		prev, prevEnd = m, l[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
