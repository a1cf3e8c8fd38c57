package redact

import (
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes shared by the patterns. Residents paste numbers from documents and phones, so
// spaces may be no-break spaces and dashes may be typographic ones.
const (
	spaceClass = `[ \x{00A0}\x{202F}]`
	sepClass   = `[ \-\x{00A0}\x{202F}\x{2010}-\x{2013}]` // a space or a dash between digit groups
)

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isWordRune reports whether r is part of a word (a letter, digit or underscore in any script).
func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// runeBefore returns the rune ending at byte i of s, or -1 at the start.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAfter returns the rune starting at byte i of s, or -1 at the end.
func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// wordBefore and wordAfter report whether a word continues across byte i. Go's \b only knows
// ASCII, and the scanners below search slices of s where \b cannot see what came before.
func wordBefore(s string, i int) bool { return isWordRune(runeBefore(s, i)) }
func wordAfter(s string, i int) bool  { return isWordRune(runeAfter(s, i)) }

// inReference reports whether the number starting at byte i continues something before it: the
// tail of a hyphenated or slashed reference such as "DPO-2026-000123" (residents quote those for
// status checks, so they must survive), or of a decimal or version number ("10.0.19045").
func inReference(s string, i int) bool {
	if i < 2 {
		return false
	}
	r := runeBefore(s, i-1)
	switch s[i-1] {
	case '-', '/':
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	case '.', ',', ':':
		return unicode.IsDigit(r)
	}
	return false
}

// digitsOf returns the ASCII digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// digitGroups returns the lengths of the runs of ASCII digits in s.
func digitGroups(s string) []int {
	var groups []int
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
			continue
		}
		if n > 0 {
			groups = append(groups, n)
			n = 0
		}
	}
	if n > 0 {
		groups = append(groups, n)
	}
	return groups
}

// shorterAtSeparator returns the end of the candidate s[start:end] with its last digit group and
// the separators before it removed, or start if nothing would be left. It lets a scanner that
// swallowed too much ("01908 254900 2 copies") retry with less.
func shorterAtSeparator(s string, start, end int) int {
	i := end - 1
	for i > start && isDigit(s[i]) {
		i--
	}
	for i > start && !isDigit(s[i]) {
		i--
	}
	if i <= start {
		return start
	}
	return i + 1
}

// --- e-mail ---------------------------------------------------------------------------------

var emailRE = regexp.MustCompile(`^[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,}`)

// isLocalRune reports whether r may appear in the local part of an address (emailRE's class).
func isLocalRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("._%+'-", r)
}

// findEmails looks only around each '@': it walks back to the start of the local part and
// matches from there.
func findEmails(s string, out []span) []span {
	last := 0 // end of the previous address; the next one cannot start before it
	for at := 0; at < len(s); {
		j := strings.IndexByte(s[at:], '@')
		if j < 0 {
			break
		}
		at += j
		start := at
		for start > last {
			r, size := utf8.DecodeLastRuneInString(s[last:start])
			if !isLocalRune(r) {
				break
			}
			start -= size
		}
		m := emailRE.FindStringIndex(s[start:min(len(s), at+256)])
		if m == nil {
			m = bareEmail(s, start, at)
		}
		if m == nil {
			at++
			continue
		}
		end := start + m[1]
		// A local part does not start with a dot or a quote; those belong to the sentence.
		for start < at && strings.IndexByte(".'-", s[start]) >= 0 {
			start++
		}
		out = append(out, span{KindEmail, start, end})
		last, at = end, end
	}
	return out
}

// bareEmailRE is an address typed without its top-level domain, as residents do in a hurry:
// "sarah.okafor82@gmail", "jo@btinternet". Group 1 is the domain's first label.
var bareEmailRE = regexp.MustCompile(`^[\p{L}\p{N}._%+'\-]*[\p{L}\p{N}]@([\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)(?:\.[\p{L}\p{N}]+)*`)

// bareEmail returns the offsets, relative to start, of an address without a top-level domain
// whose local part starts at byte start and whose '@' is at byte at, or nil. It counts at a mail
// provider ("sarah.okafor82@gmail re cookies") or where the words before say an address follows
// ("email me at jo@work"): "logo@2x" and "meet@noon" in other text are kept.
func bareEmail(s string, start, at int) []int {
	if start == at {
		return nil
	}
	m := bareEmailRE.FindStringSubmatchIndex(s[start:min(len(s), at+256)])
	if m == nil {
		return nil
	}
	domain := strings.ToLower(s[start+m[2] : start+m[3]])
	if !strings.ContainsFunc(domain, unicode.IsLetter) {
		return nil
	}
	if mailProviders[domain] || emailCued(s[max(0, start-40):start]) {
		return m[:2]
	}
	return nil
}

// emailCued reports whether before ends with the words that introduce an address (emailCueRE).
// It looks for the words themselves first: '@' is common in some pastes, and the expression is
// many times slower than the search.
func emailCued(before string) bool {
	for _, w := range []string{"mail", "reply", "write", "contact", "address"} {
		if containsFold(before, w) {
			return emailCueRE.MatchString(before)
		}
	}
	return false
}

// spelledEmailRE is an address spelt out so that no robot reads it, as people type one into a
// chat: "john.smith at gmail dot com", "sarah dot m at outlook dot com",
// "jo(at)example(dot)co(dot)uk". Groups: 1 the local part, 2 "at", 3 the domain. An "at" in words
// needs a "dot" in words after it: "I work at tesco.com" gives a website, not an address.
var spelledEmailRE = regexp.MustCompile(`(?i)((?:[\p{L}\p{N}._%+\-]+\s+dot\s+)*[\p{L}\p{N}._%+\-]*[\p{L}\p{N}])` +
	`(\s*[(\[]at[)\]]\s*|\s+at\s+)([\p{L}\p{N}\-]+)` +
	`(?:(?:\s*[(\[]dot[)\]]\s*|\s+dot\s+|\.)[\p{L}\p{N}\-]+)*` +
	`(?:\s*[(\[]dot[)\]]\s*|\s+dot\s+)(?:com|net|org|uk|co|gov|ac|nhs|sch|io|me|info|biz|ie|eu|de|fr|pl|ro)\b`)

// SpokenEmail is the e-mail address a text spells out in words (as the redactor finds one:
// "janet at example dot com", "jo(at)example(dot)co(dot)uk"), written as it is typed
// ("janet@example.com"), or "" when it spells none: the contact a resident gave so, to be said
// back for them to confirm.
func SpokenEmail(s string) string {
	addr, _ := SpokenEmailAt(s)
	return addr
}

// SpokenEmailAt is SpokenEmail and the byte offset in s where the address's local part starts:
// what comes before it may be words said as part of it ("priya patel at gmail dot com" reads as
// patel@gmail.com, one word of the local part, and "priya" is before it). start is -1 when s
// spells no address.
func SpokenEmailAt(s string) (addr string, start int) {
	for m := range spelledEmails(s) {
		local := spokenDotRE.ReplaceAllString(s[m[2]:m[3]], ".")
		domain := spokenDotRE.ReplaceAllString(s[m[6]:m[1]], ".")
		return strings.ToLower(strings.Join(strings.Fields(local), "") + "@" + strings.Join(strings.Fields(domain), "")), m[2]
	}
	return "", -1
}

// spokenDotRE is "dot" spelt out in an address: " dot ", "(dot)", "[dot]".
var spokenDotRE = regexp.MustCompile(`(?i)\s*[(\[]dot[)\]]\s*|\s+dot\s+`)

// mailProviders are the domains residents' addresses are most often at.
var mailProviders = setOf(`gmail googlemail hotmail outlook live msn yahoo ymail btinternet btopenworld icloud me
	mac aol sky virginmedia ntlworld blueyonder talktalk tiscali protonmail proton gmx mail`)

// emailCueRE ends the words that introduce an address: "email me on", "reply to", "my address is".
// An address spelt out in words or typed without its top-level domain needs one, or a provider.
var emailCueRE = regexp.MustCompile(`(?i)(?:e-?mail|mail|reply|write|contact|address)\b[^.!?\n]{0,24}$`)

// findSpelledEmails appends the spans of addresses spelt out in words (spelledEmails).
func findSpelledEmails(s string, out []span) []span {
	for m := range spelledEmails(s) {
		out = append(out, span{KindEmail, m[0], m[1]})
	}
	return out
}

// spelledEmails yields spelledEmailRE's matches, as indices into s, of the addresses s spells
// out in words: those written in brackets, with a local part no word has ("john.smith", "sarah
// dot m"), at a mail provider, or introduced as an address. "look at gov dot uk" is a website.
func spelledEmails(s string) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		last := 0
		// Only around an "at" with a "dot" soon after: the expression run over a whole 100 KB
		// transcript took a second (Go's matcher is linear, not fast).
		for p := 0; p < len(s); {
			k := indexFold(s[p:], "at")
			if k < 0 {
				break
			}
			at := p + k
			p = at + 2
			if at < last || wordBefore(s, at) || at+2 < len(s) && isASCIILetter(s[at+2]) || !containsFold(s[at:min(len(s), at+100)], "dot") {
				continue
			}
			from, to := max(last, at-80), min(len(s), at+120)
			for _, m := range spelledEmailRE.FindAllStringSubmatchIndex(s[from:to], -1) {
				for g := range m {
					m[g] += from // every group takes part in a match
				}
				if m[4] > at || m[5] < at+2 {
					continue // another "at" of the window
				}
				local, sep, domain := s[m[2]:m[3]], s[m[4]:m[5]], strings.ToLower(s[m[6]:m[7]])
				if strings.ContainsAny(sep, "([") || strings.ContainsAny(local, "._%+0123456789") || containsFold(local, " dot ") ||
					mailProviders[domain] || emailCued(s[max(0, m[0]-40):m[0]]) {
					if !yield(m) {
						return
					}
					last = m[1]
				}
			}
		}
	}
}

// findProviderEmails appends the spans of addresses said without their ending: a local part,
// "at" in words and a mail provider ("email sarahokafor at gmail", "jo.bloggs82 at hotmail"),
// with any ending typed after it ("dave99 at yahoo.co.uk"). Without "dot" to show it is an
// address, the words before must say one follows (emailCued) or the local part must have what
// words lack, a digit, a dot or an underscore; and no ordinary word is one ("email me at gmail",
// "my account at gmail was hacked", "email support at outlook").
func findProviderEmails(s string, out []span) []span {
	for p := 0; p < len(s); {
		k := indexFold(s[p:], " at ")
		if k < 0 {
			break
		}
		at := p + k + 1
		p = at + 2
		ds := at + 3
		de := ds
		for de < len(s) && isASCIILetter(s[de]) {
			de++
		}
		provider := strings.ToLower(s[ds:de])
		if !mailProviders[provider] || wordAfter(s, de) {
			continue
		}
		providerEnd := de
		for de+1 < len(s) && s[de] == '.' && isASCIILetter(s[de+1]) { // ".co.uk", if typed
			de++
			for de < len(s) && isASCIILetter(s[de]) {
				de++
			}
		}
		ls := at - 1
		for ls > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:ls])
			if !isLocalRune(r) || r == '\'' {
				break
			}
			ls -= size
		}
		local := strings.TrimLeft(s[ls:at-1], ".-")
		ls = at - 1 - len(local)
		if local == "" || ordinaryWord(strings.ToLower(local)) || !strings.ContainsFunc(local, unicode.IsLetter) {
			continue
		}
		cued := emailCued(s[max(0, ls-40):ls])
		if wordProviders[provider] && de == providerEnd {
			// "they swore at me", "staff yelled at me", "I'm at home, live at mail…": "me", "live",
			// "mail", "mac" and "sky" are words first. Without an ending typed, only an address
			// said to be one ("my email is bob at live") or a local part no word has is read so.
			cued = emailSaidRE.MatchString(s[max(0, ls-20):ls])
		}
		if cued || strings.ContainsAny(local, "._0123456789") {
			out = append(out, span{KindEmail, ls, de})
			p = de
		}
	}
	return out
}

// wordProviders are the mail providers whose names are everyday words.
var wordProviders = setOf(`me mac live mail sky`)

// emailSaidRE ends the words that say an address follows straight after them: "my email is",
// "e-mail address:", "email me at".
var emailSaidRE = regexp.MustCompile(`(?i)(?:e-?mail(?:\s+address)?(?:\s+is|\s*:)?|(?:e-?)?mail\s+me\s+(?:at|on))\s*$`)

// indexFold is the index of the first instance of sub (ASCII, lower case) in s in any case, or
// -1.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return i
		}
	}
	return -1
}

// containsFold reports whether s contains the ASCII sub in any case.
func containsFold(s, sub string) bool { return indexFold(s, sub) >= 0 }

// --- phone numbers ----------------------------------------------------------------------------

// phoneRE finds candidates: an international or national prefix followed by digits and the
// punctuation people put in phone numbers, or the country code without its plus ("447700900123",
// as phones show a number and residents copy it). validPhone decides.
var phoneRE = newPattern(`(?:\+`+spaceClass+`?44|0044|44|\(0|0)[0-9 ().\-\x{00A0}\x{202F}\x{2010}-\x{2013}]{7,24}[0-9]`, 64,
	func(s string, i int) bool {
		switch s[i] {
		case '+':
			return true
		case '(':
			return i+1 < len(s) && s[i+1] == '0'
		case '0':
			return !wordBefore(s, i)
		case '4':
			// 44 and a mobile, geographic or 03 number, or a separator: not "4444 5555".
			return i+2 < len(s) && s[i+1] == '4' && (strings.IndexByte("1237 -(", s[i+2]) >= 0 || s[i+2] >= 0x80) && !wordBefore(s, i)
		}
		return false
	})

func findPhones(s string, out []span) []span {
	// "(0" with no closing bracket fails here, and the scan goes on to the "0" after the bracket.
	phoneRE.each(s, func(m []int) int {
		e, ok := acceptPhone(s, m[0], m[1])
		if !ok {
			return -1
		}
		out = append(out, span{KindPhone, m[0], e})
		return e
	})
	return out
}

// phoneCueRE finds words that say a phone number follows: "my mobile is", "phone number:",
// "ring me on", "text me at".
var phoneCueRE = newPattern(`(?i)(?:(?:mobile|mob|phone|telephone|tel|number)(?:`+spaceClass+`+(?:number|no\.?))?(?:`+spaceClass+`+is|['’]s|`+spaceClass+`*[:\-])|`+
	`(?:ring|call|phone|text|whatsapp|reach|contact)(?:`+spaceClass+`+(?:me|us|him|her|them))?`+spaceClass+`+(?:on|at))`+spaceClass+`*`, 40,
	wordStartWith("mob", "phone", "tel", "number", "ring", "call", "text", "whatsapp", "reach", "contact"))

// findCuedMobiles finds a mobile number typed in digits without its leading 0 after words that
// say a phone number follows ("my mobile is 7700 900123", "ring me on 7700900123"): ten digits,
// 7 then 1–9 (see noZeroMobile), in groups split by spaces, dashes or dots and with no digit or
// word straight after. Elsewhere ten such digits may be anything ("7700 people" is a count).
func findCuedMobiles(s string, out []span) []span {
	phoneCueRE.each(s, func(m []int) int {
		i := m[1]
		if i >= len(s) || s[i] != '7' || wordBefore(s, i) {
			return -1
		}
		var num []byte
		end := i
		for j := i; j < len(s) && len(num) <= 10; j++ {
			switch {
			case isDigit(s[j]):
				num = append(num, s[j])
				end = j + 1
			case s[j] == ' ' || s[j] == '-' || s[j] == '.':
				if j+1 >= len(s) || !isDigit(s[j+1]) {
					j = len(s)
				}
			default:
				j = len(s)
			}
		}
		if !noZeroMobile(num) || wordAfter(s, end) {
			return -1
		}
		out = append(out, span{KindPhone, i, end})
		return end
	})
	return out
}

// findSpokenPhones finds a phone number typed as it is said: "oh seven seven double one, two
// three four…", digits and number words mixed ("07700 nine double oh…"), "hundred" after a digit
// ("… double oh nine hundred one two three"), or digits typed one by one as a screen reader or
// dictation gives them ("0 7 7 0 0 9 0 0 1 2 3"). It starts only at a word that can open a UK
// number ("oh", "zero", "nought", a group starting 0, "plus" before "four four"), so ordinary
// prose costs a word scan; a run of ten to thirteen digits, three or more of them said in words,
// is a number, and so is a whole run of single digits that makes a UK number (spacedPhone). A run
// that counts up from its start ("zero one two three four five six seven …") is counting. A
// mobile number said without its 0 ("seven seven oh oh nine oh oh one two three") is one too
// (noZeroMobile), here only: the intake, reading a contact to dial, asks for the whole number.
func findSpokenPhones(s string, out []span) []span {
	eachSpokenPhone(s, false, true, func(start, end int, _ []byte) bool {
		out = append(out, span{KindPhone, start, end})
		return true
	})
	return out
}

// SpokenPhoneNumber is the phone number a text types as it is said ("oh one nine oh eight, six
// double four, three two one"), in digits ("01908644321"), or "" when it types none: the number
// a resident gave in words, written as the team can dial it.
func SpokenPhoneNumber(s string) string {
	var number string
	eachSpokenPhone(s, false, false, func(_, _ int, num []byte) bool {
		number = string(num)
		return false
	})
	return number
}

// SpokenPhonesInDigits is s with each phone number it types as it is said (as SpokenPhoneNumber
// reads one) written in digits in its place, and the rest as it was: "oh seven seven double one
// two three four five six seven, or post to 14 Mill Road" is "07711234567, or post to 14 Mill
// Road", which reads as the same words typed with the number in digits.
func SpokenPhonesInDigits(s string) string {
	var b strings.Builder
	last := 0
	eachSpokenPhone(s, false, false, func(start, end int, num []byte) bool {
		b.WriteString(s[last:start])
		b.Write(num)
		last = end
		return true
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// SpokenPhoneAnswer is the number a whole reply types as it is said, in digits: ten to thirteen
// of them from a 0 or "plus", not counting up and not only noughts and ones; "" when the reply is
// anything else. Given as the answer to "how should we contact you?", digits and words mix as a
// resident dictates them ("oh 7 7 double 1 2 3 4 5 6 7 8"), which SpokenPhoneNumber, reading a
// number out of any prose, takes only with three number words said: a reply that is nothing but
// a number said aloud needs no such proof. The caller checks it as a number typed in digits.
func SpokenPhoneAnswer(s string) string {
	var number string
	eachSpokenPhone(s, true, false, func(start, end int, num []byte) bool {
		if onlySeparators(strings.TrimSpace(s[:start])) && strings.Trim(s[end:], " .!,") == "" &&
			(num[0] == '0' || num[0] == '+') && strings.Trim(string(num), "+01") != "" {
			number = string(num)
		}
		return false
	})
	return number
}

// eachSpokenPhone calls found with each phone number typed as it is said in s (see
// findSpokenPhones), its span and its digits, until found returns false. whole reads s as a reply
// that may be nothing but a number: a run from its first word is passed to found however few of
// its digits were said in words (found checks that it is the whole reply and a number).
// noZero also reads a mobile number said without its leading 0 (noZeroMobile), for redaction.
func eachSpokenPhone(s string, whole, noZero bool, found func(start, end int, num []byte) bool) {
	for i := 0; i < len(s); {
		ws, we := nextASCIIWord(s, i)
		if ws < 0 {
			break
		}
		i = we
		// "seven seven oh oh …": a mobile without its 0.
		bare := noZero && opensBareMobile(s[ws:we])
		if !opensSpokenNumber(s[ws:we]) && !bare && !(whole && strings.EqualFold(s[ws:we], "o")) { // "o seven seven …", said alone
			if whole {
				return
			}
			continue
		}
		var num [maxSpokenDigits + 1]byte // the digits read, after a '+' for "plus"
		n, digits, words, end := 0, 0, 0, we
		repeat, last := 1, 0 // last: how many digits the word before gave
		singles := true      // every group typed in digits is one digit
		hundred := false     // "hundred" or "thousand" was read
		for p := ws; ; {
			a, b := nextASCIIWord(s, p)
			if a < 0 || !onlySeparators(s[p:a]) || p != ws && a == p {
				break
			}
			w := s[a:b]
			switch k, d := spokenDigits(w); {
			case k > 0:
				if digits += k * repeat; digits > maxSpokenDigits {
					// Longer than any phone number: no need to read on (a pasted table of
					// zeros would otherwise be read from each of its words to its end).
					goto done
				}
				for range repeat {
					switch {
					case !d:
						num[n] = digitWordValue(w)
						n++
					case len(w) == 1: // a digit typed alone, as most are in a run of them
						num[n] = w[0]
						n++
					default:
						n += copy(num[n:], w)
					}
				}
				if !d {
					words++
				} else if k > 1 {
					singles = false
				}
				repeat, last, end = 1, k, b
			case repeat == 1 && spokenRepeat(w) > 1:
				repeat = spokenRepeat(w)
			case (strings.EqualFold(w, "hundred") || strings.EqualFold(w, "thousand")) && repeat == 1 && last == 1 && !hundred:
				// Once: "oh seven hundred, oh eight hundred, oh nine hundred" are times.
				hundred = true
				zeros := 2
				if len(w) == len("thousand") {
					zeros = 3
				}
				if digits += zeros; digits > maxSpokenDigits {
					goto done
				}
				for range zeros {
					num[n] = '0'
					n++
				}
				words++
				last, end = 0, b
			case strings.EqualFold(w, "plus") && p == ws:
				num[n] = '+'
				n++
			default:
				goto done
			}
			p = b
		}
	done:
		if whole {
			if digits >= 10 && digits <= maxSpokenDigits && !countsUp(num[:n]) && !countingOn(s, end) {
				found(ws, end, num[:n])
			}
			return // the reply's first number, or none
		}
		// Fewer than three number words is a number when, as one typed digit by digit, it makes a
		// whole UK number: "oh 7 7 double 1 2 3 4 5 6 7" was kept in transcripts, and not read as
		// a correction of the contact (a QA pass).
		if bare && !opensSpokenNumber(s[ws:we]) {
			if noZeroMobile(num[:n]) && (words >= 3 || singles && !digitBefore(s, ws)) && !countingOn(s, end) {
				if !found(ws, end, num[:n]) {
					return
				}
				i = end
			}
			continue
		}
		if digits >= 10 && digits <= maxSpokenDigits && (words >= 3 || singles && spacedPhone(num[:n]) && !digitBefore(s, ws)) && !countsUp(num[:n]) && !countingOn(s, end) {
			if !found(ws, end, num[:n]) {
				return
			}
			i = end
		}
	}
}

// spokenRepeat is how many times w says the digit after it is said: 2 for "double", 3 for
// "triple" or "treble", 1 for any other word.
func spokenRepeat(w string) int {
	switch {
	case strings.EqualFold(w, "double"):
		return 2
	case strings.EqualFold(w, "triple") || strings.EqualFold(w, "treble"):
		return 3
	}
	return 1
}

// opensBareMobile reports whether w, "seven" or "7", may open a mobile number said without its
// leading 0.
func opensBareMobile(w string) bool { return w == "7" || strings.EqualFold(w, "seven") }

// noZeroMobile reports whether num, digits read from "seven" on, is a UK mobile number said
// without its leading 0: exactly ten digits, 7 then 1–9 (07xxx xxxxxx with the 0 dropped, as
// people who give it to someone abroad or read it off a contact card say it), and valid with
// the 0 put back. Nine or eleven digits, or "seven oh …", are some other number.
func noZeroMobile(num []byte) bool {
	return len(num) == 10 && num[0] == '7' && num[1] != '0' && validPhone("0"+string(num))
}

// spacedPhone reports whether num, digits typed one by one with nothing said in words, makes a
// whole UK number: eleven digits from 0 (or "plus" and 44 and ten more) that validPhone takes,
// and not only noughts and ones ("0 1 1 0 1 0 0 1 1 0 1" is binary, or a tally).
func spacedPhone(num []byte) bool {
	c := string(num)
	if c[0] == '+' && len(c) != 13 || c[0] != '+' && len(c) != 11 {
		return false
	}
	return strings.Trim(c, "+01") != "" && validPhone(c)
}

// digitBefore reports whether a digit comes before byte i, spaces and the separators of a
// spoken number aside: digits typed one by one from there are the tail of a longer run ("scores 2
// 0 1 3 …").
func digitBefore(s string, i int) bool {
	j := i
	for j > 0 && i-j < 4 && strings.IndexByte(" ,-.\t", s[j-1]) >= 0 {
		j--
	}
	return j < i && j > 0 && isDigit(s[j-1])
}

// countsUp reports whether the first seven digits of num each go up by one ("0 1 2 3 4 5 6 …",
// "zero one two three four five six …"): counting, not a number.
func countsUp(num []byte) bool {
	if len(num) < 7 || num[0] == '+' {
		return false
	}
	for k := 1; k < 7; k++ {
		if num[k] != num[k-1]+1 {
			return false
		}
	}
	return true
}

// digitWordValue is the digit a number word (digitWords) stands for.
func digitWordValue(w string) byte {
	switch strings.ToLower(w) {
	case "one":
		return '1'
	case "two":
		return '2'
	case "three":
		return '3'
	case "four":
		return '4'
	case "five":
		return '5'
	case "six":
		return '6'
	case "seven":
		return '7'
	case "eight":
		return '8'
	case "nine":
		return '9'
	}
	return '0' // oh, o, zero, nought
}

// maxSpokenDigits is the most digits a phone number said aloud has ("plus four four" and ten
// more, or a national number's eleven).
const maxSpokenDigits = 13

// countingOn reports whether the word after a run of number words goes on counting ("… nine ten
// eleven"): counting, not a phone number.
func countingOn(s string, end int) bool {
	a, b := nextASCIIWord(s, end)
	if a < 0 || !onlySeparators(s[end:a]) {
		return false
	}
	switch w := s[a:b]; strings.ToLower(w) { // once per spoken number, not per word
	case "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand":
		return true
	}
	return false
}

// nextASCIIWord is the next run of ASCII letters or digits from i: its start and end, or -1.
func nextASCIIWord(s string, i int) (int, int) {
	for i < len(s) && !isASCIILetter(s[i]) && !isDigit(s[i]) {
		i++
	}
	if i == len(s) {
		return -1, -1
	}
	j := i
	for j < len(s) && (isASCIILetter(s[j]) || isDigit(s[j])) {
		j++
	}
	return i, j
}

// onlySeparators reports whether what stands between two words of a spoken number is spaces,
// commas, dashes or dots (not a sentence's end followed by more words: ". " is allowed once).
func onlySeparators(gap string) bool {
	if len(gap) > 4 {
		return false
	}
	for k := 0; k < len(gap); k++ {
		switch gap[k] {
		case ' ', ',', '-', '.', '\t':
		default:
			return false
		}
	}
	return true
}

// opensSpokenNumber reports whether a word can begin a UK phone number said aloud.
func opensSpokenNumber(w string) bool {
	switch lowerASCII(w[0]) {
	case '0':
		return allDigits(w)
	case 'o', 'z', 'n', 'p':
		return strings.EqualFold(w, "oh") || strings.EqualFold(w, "zero") || strings.EqualFold(w, "nought") || strings.EqualFold(w, "plus")
	}
	return false
}

// spokenDigits is how many digits a word of a spoken number gives (a digit group gives its
// length), and whether it was written in digits; 0 for a word that is no digit.
func spokenDigits(w string) (int, bool) {
	if allDigits(w) {
		return len(w), true
	}
	if inSetFold(digitWords, w) {
		return 1, false
	}
	return 0, false
}

var digitWords = setOf(`oh o zero nought one two three four five six seven eight nine`)

func allDigits(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isDigit(w[k]) {
			return false
		}
	}
	return w != ""
}

// acceptPhone returns the end of the longest phone number starting at start within s[:end].
func acceptPhone(s string, start, end int) (int, bool) {
	if (s[start] == '0' || s[start] == '4') && (wordBefore(s, start) || inReference(s, start)) {
		return 0, false
	}
	if s[start] == '4' && strings.ContainsRune("£$€", runeBefore(s, start)) {
		return 0, false // money, not a country code
	}
	for e := end; e > start; e = shorterAtSeparator(s, start, e) {
		if e < len(s) && isDigit(s[e]) {
			continue
		}
		if validPhone(s[start:e]) {
			return e, true
		}
	}
	return 0, false
}

// validPhone reports whether c is a UK phone number: 0 and 9–10 digits starting 1, 2, 3, 5, 7, 8
// or 9, or the same after +44/0044 with an optional "(0)", written with at most one space, dash or
// dot between digit groups (brackets aside) and no group of a single digit except the "(0)". After
// 44 without the plus only a mobile or a geographic or 03 number of the full ten digits counts
// ("447700900123", "44 1908 254900"), and no 0 but "(0)": another twelve-digit run starting 44 is
// as likely some reference, and "44 07700 900123" counts 44 of something before a number.
func validPhone(c string) bool {
	depth := 0
	sepRunes := 0
	prevDigit := false
	groups := 0
	for _, r := range c {
		switch {
		case r >= '0' && r <= '9':
			if !prevDigit {
				groups++
			}
			prevDigit, sepRunes = true, 0
			continue
		case r == '(':
			depth++
			if depth > 1 {
				return false
			}
		case r == ')':
			depth--
			if depth < 0 {
				return false
			}
		case r == '+':
		default:
			sepRunes++
			if sepRunes > 1 {
				return false
			}
		}
		prevDigit = false
	}
	if depth != 0 || groups > 6 {
		return false
	}
	for _, g := range strings.FieldsFunc(c, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(g) == 1 && g != "0" {
			return false
		}
	}
	d := digitsOf(c)
	var national string
	switch {
	case strings.HasPrefix(c, "+") || strings.HasPrefix(c, "0044"):
		rest, ok := strings.CutPrefix(strings.TrimPrefix(d, "00"), "44")
		if !ok {
			return false
		}
		national = strings.TrimPrefix(rest, "0") // "(0)", or a 0 written out of habit
	case strings.HasPrefix(c, "44"):
		if len(c) < 3 || c[2] == '.' {
			return false // a decimal: "44.7700900123"
		}
		national = d[2:]
		if strings.Contains(c, "(0)") {
			national = strings.TrimPrefix(national, "0")
		}
		return len(national) == 10 && strings.IndexByte("1237", national[0]) >= 0
	case len(d) >= 2 && d[0] == '0':
		national = d[1:]
	default:
		return false
	}
	return (len(national) == 9 || len(national) == 10) && strings.IndexByte("1235789", national[0]) >= 0
}

// --- postcodes --------------------------------------------------------------------------------

// postcodeRE matches the shape of every UK postcode format (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA,
// A9A 9AA, AA9A 9AA, GIR 0AA) in any case, with or without the space; the inward code's letters
// exclude C, I, K, M, O and V as Royal Mail does. The area must also be a real postcode area.
var postcodeRE = newPattern(`(?i)([A-Z]{1,2})[0-9][0-9A-Z]?`+spaceClass+`?[0-9][ABD-HJLNP-UW-Z]{2}\b|GIR ?0AA\b`, 16,
	func(s string, i int) bool {
		return isASCIILetter(s[i]) && i+2 < len(s) && (isDigit(s[i+1]) || isDigit(s[i+2]) || lowerASCII(s[i]) == 'g') && !wordBefore(s, i)
	})

// postcodeAreas are the UK postcode areas (plus BF for BFPO and BX, non-geographic), so that
// "A1 2ND" in ordinary text is not a postcode.
var postcodeAreas = setOf(`AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW
	DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE
	KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH
	RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS
	WV YO ZE`)

func findPostcodes(s string, out []span) []span {
	postcodeRE.each(s, func(m []int) int {
		if m[2] >= 0 && !postcodeAreas[strings.ToUpper(s[m[2]:m[3]])] {
			return -1
		}
		out = append(out, span{KindPostcode, m[0], m[1]})
		return m[1]
	})
	return out
}

// --- NHS numbers ------------------------------------------------------------------------------

var (
	// nhsContextRE finds a number of 9–11 digits shortly after "NHS number"/"NHS no": residents
	// mistype them (a digit dropped, added or swapped) and a mistyped one still identifies them.
	nhsContextRE = newPattern(`(?i)NHS`+sepClass+`*(?:(?:number|num|no)\b\.?|#)[^0-9\n.?!]{0,25}?([0-9](?:`+sepClass+`?[0-9]){8,10})`, 96,
		func(s string, i int) bool { return lowerASCII(s[i]) == 'n' && !wordBefore(s, i) })
	// nhsGroupedRE finds ten digits grouped 3-3-4, the way NHS numbers are printed.
	nhsGroupedRE = newPattern(`[0-9]{3}`+sepClass+`[0-9]{3}`+sepClass+`[0-9]{4}\b`, 32, digitStart)
)

func findNHSNumbers(s string, out []span) []span {
	nhsContextRE.each(s, func(m []int) int {
		if m[3] < len(s) && isDigit(s[m[3]]) {
			return -1 // longer than any NHS number, even a mistyped one
		}
		out = append(out, span{KindNHSNumber, m[2], m[3]})
		return m[1]
	})
	nhsGroupedRE.each(s, func(m []int) int {
		if s[m[0]] == '0' || inReference(s, m[0]) || moreGroups(s, m[0], m[1]) {
			return -1 // NHS numbers never start with 0; that is a phone number or something else
		}
		out = append(out, span{KindNHSNumber, m[0], m[1]})
		return m[1]
	})
	// Ten digits in a row count only if the check digit is right.
	for i := 0; i < len(s); i++ {
		if !digitStart(s, i) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 10 && s[i] != '0' && !wordAfter(s, j) && !inReference(s, i) && NHSNumberValid(s[i:j]) {
			out = append(out, span{KindNHSNumber, i, j})
		}
		i = j
	}
	return out
}

// moreGroups reports whether the digit groups s[start:end] continue on either side ("4111 111 111
// 1111"), in which case they are part of some longer number.
func moreGroups(s string, start, end int) bool {
	if start >= 2 && (s[start-1] == ' ' || s[start-1] == '-') && isDigit(s[start-2]) {
		return true
	}
	return end+1 < len(s) && (s[end] == ' ' || s[end] == '-') && isDigit(s[end+1])
}

// NHSNumberValid reports whether digits (exactly ten ASCII digits, no spaces) is an NHS number
// with a correct modulus-11 check digit.
func NHSNumberValid(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		if !isDigit(digits[i]) {
			return false
		}
		if i < 9 {
			sum += int(digits[i]-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	switch check {
	case 11:
		check = 0
	case 10:
		return false // no number with this remainder is ever issued
	}
	return check == int(digits[9]-'0')
}

// --- National Insurance numbers -----------------------------------------------------------------

var (
	// niRE matches two letters, three pairs of digits and a suffix A–D, spaced or not.
	niRE = newPattern(`(?i)([A-Z]{2})`+sepClass+`?[0-9]{2}`+sepClass+`?[0-9]{2}`+sepClass+`?[0-9]{2}`+sepClass+`?[A-D]\b`, 32,
		func(s string, i int) bool {
			return isASCIILetter(s[i]) && i+2 < len(s) && isASCIILetter(s[i+1]) && !wordBefore(s, i)
		})
	// niContextRE accepts a mistyped prefix, a missing suffix or lower case ("my NI is qq 12 34 56
	// c") when the resident says it is their National Insurance number.
	niContextRE = newPattern(niWords+`(?:is`+spaceClass+`+)?([A-Z]{2}`+sepClass+`?[0-9]{2}`+sepClass+`?[0-9]{2}`+sepClass+`?[0-9]{2}(?:`+sepClass+`?[A-D])?)\b`, 96, niWordsAt)
	// niCueRE is niContextRE's words alone, for a number said aloud after them (spokenNI).
	niCueRE = newPattern(niWords+`(?:(?:is|was)`+spaceClass+`+)?`, 64, niWordsAt)
)

// niWords are the words that name a National Insurance number ("national insurance number",
// "NI no", "NINO") and the punctuation after them, which niContextRE and niCueRE start with.
const niWords = `(?i)(?:national` + spaceClass + `+insurance(?:` + spaceClass + `+(?:number|no))?|NI(?:` + spaceClass + `*(?:number|num|no))?|NINO)\b\.?[^A-Za-z0-9\n]{0,5}`

// niWordsAt reports whether niWords may start at byte i: an "n" that starts a word.
func niWordsAt(s string, i int) bool { return lowerASCII(s[i]) == 'n' && !wordBefore(s, i) }

func findNINumbers(s string, out []span) []span {
	niRE.each(s, func(m []int) int {
		// Lower case counts only written solidly ("ab123456c"): "on 12 34 56 a" is prose.
		if c := s[m[0]:m[1]]; c != strings.ToUpper(c) && (c != strings.ToLower(c) || m[1]-m[0] != 9) {
			return -1
		}
		if !NIPrefixValid(s[m[2]:m[3]]) {
			return -1
		}
		out = append(out, span{KindNINumber, m[0], m[1]})
		return m[1]
	})
	niContextRE.each(s, func(m []int) int {
		out = append(out, span{KindNINumber, m[2], m[3]})
		return m[1]
	})
	niCueRE.each(s, func(m []int) int {
		start, end := spokenNI(s, m[1])
		if end <= start {
			return -1
		}
		out = append(out, span{KindNINumber, start, end})
		return end
	})
	return out
}

// spokenNI returns the span of a National Insurance number said aloud from byte i, after the
// words that name one: two letters, spaced or not ("q q", "qq", "j-k"), six digits in digits or
// words ("one two double three four five", "12 34 56"), and the suffix letter A–D if said. Said
// so, no letter or digit can be checked, and the words before are what make it a number: "my
// national insurance number is on my payslip" has no two letters then six digits.
func spokenNI(s string, i int) (start, end int) {
	// The prefix: one word of two letters, or two of one.
	a, b := nextASCIIWord(s, i)
	if a < 0 || !onlySeparators(s[i:a]) || !allLetters(s[a:b]) || b-a > 2 {
		return 0, 0
	}
	start, end = a, b
	if b-a == 1 {
		c, d := nextASCIIWord(s, b)
		if c < 0 || !onlySeparators(s[b:c]) || d-c != 1 || !allLetters(s[c:d]) {
			return 0, 0
		}
		end = d
	}
	// Six digits, in digits or in words, "double" and "triple" repeating the next.
	digits, repeat := 0, 1
	for p := end; ; {
		c, d := nextASCIIWord(s, p)
		if c < 0 || !onlySeparators(s[p:c]) {
			break
		}
		w := s[c:d]
		if k, _ := spokenDigits(w); k > 0 {
			digits += k * repeat
			repeat, end = 1, d
		} else if repeat == 1 && spokenRepeat(w) > 1 {
			repeat = spokenRepeat(w)
		} else {
			break
		}
		p = d
	}
	if digits != 6 {
		return 0, 0
	}
	// The suffix, if said, is one letter A–D on its own.
	if c, d := nextASCIIWord(s, end); c >= 0 && onlySeparators(s[end:c]) && d-c == 1 && strings.IndexByte("abcdABCD", s[c]) >= 0 {
		end = d
	}
	return start, end
}

// allLetters reports whether w is ASCII letters only.
func allLetters(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isASCIILetter(w[k]) {
			return false
		}
	}
	return w != ""
}

// NIPrefixValid reports whether the two letters p may begin a National Insurance number under
// HMRC's rules: neither letter is D, F, I, Q, U or V, the second is not O, and the pair is not
// BG, GB, KN, NK, NT, TN or ZZ. QQ, HMRC's specimen prefix ("QQ 12 34 56 C"), is accepted too:
// residents copy it from guidance and it is harmless to redact.
func NIPrefixValid(p string) bool {
	if len(p) != 2 {
		return false
	}
	p = strings.ToUpper(p)
	if p == "QQ" {
		return true
	}
	if strings.IndexByte("DFIQUV", p[0]) >= 0 || strings.IndexByte("DFIOQUV", p[1]) >= 0 {
		return false
	}
	switch p {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// --- passports and driving licences --------------------------------------------------------------

// idNumberTail ends the words that introduce a document's number: "number", "no.", "#", then "is"
// or "was", then a few punctuation marks ("passport no: …").
const idNumberTail = `(?:` + spaceClass + `*(?:number|num|no\b\.?|#))?(?:` + spaceClass + `+(?:is|was)\b)?[^\p{L}\p{N}\n]{0,4}`

var (
	// passportRE finds a number the resident says is their passport's: nine digits for a UK one,
	// up to two letters and digits for others ("PA1234567"), spaced or not. findIDDocuments
	// checks the digits. Group 1 is the number.
	passportRE = newPattern(`(?i)passport`+idNumberTail+`((?:[A-Z]{1,2}`+sepClass+`?)?[0-9]{2,}(?:`+sepClass+`?[0-9]{2,}){0,4})`, 80,
		wordStartWith("passport"))
	// licenceRE finds a code the resident says is their driving licence number ("driving licence
	// OKAFO852128SJ9AB", "licence no: okafo 852128 sj9ab"), typed in any case and grouped any
	// way; a group after the first has a digit in it, so that words after the number are not
	// taken. findIDDocuments checks the digits. Group 1 is the code.
	licenceRE = newPattern(`(?i)(?:(?:driving|driver['’]?s)`+spaceClass+`+licen[cs]e|licen[cs]e(?:`+spaceClass+`*(?:number|num|no\b\.?|#))|DL`+spaceClass+`*(?:number|no\b\.?))`+idNumberTail+
		`([A-Z0-9]{5,18}(?:[ \-][A-Z]{0,7}[0-9][A-Z0-9]{0,7}){0,3})\b`, 112,
		wordStartWith("driving", "driver", "licen", "dl"))
	// dvlaRE is the shape of a GB driving licence number, which is distinctive enough to redact
	// without words before it: five characters of the surname padded with 9s, six digits (the
	// date of birth, the month plus 5 for a woman), two initials padded with 9s, a digit and two
	// check characters: "MORGA753116SM9IJ". dvlaNumber checks the parts.
	dvlaRE = newPattern(`[A-Z][A-Z9]{4} ?[0-9]{6} ?[A-Z9]{2}[0-9][A-Z0-9]{2}\b`, 26,
		func(s string, i int) bool {
			// Typed whole or in its three groups ("MORGA 657054 SM9IJ").
			return 'A' <= s[i] && s[i] <= 'Z' && i+16 <= len(s) && (isDigit(s[i+5]) || s[i+5] == ' ' && isDigit(s[i+6])) && !wordBefore(s, i)
		})
)

func findIDDocuments(s string, out []span) []span {
	passportRE.each(s, func(m []int) int {
		if n := len(digitsOf(s[m[2]:m[3]])); n < 6 || n > 10 || wordAfter(s, m[3]) {
			return -1 // "passport 2019", "passport no. 12 weeks"
		}
		out = append(out, span{KindIDDocument, m[2], m[3]})
		return m[1]
	})
	licenceRE.each(s, func(m []int) int {
		if len(digitsOf(s[m[2]:m[3]])) < 5 {
			return -1 // "licence number is missing", "licence no. 2024"
		}
		out = append(out, span{KindIDDocument, m[2], m[3]})
		return m[1]
	})
	dvlaRE.each(s, func(m []int) int {
		if !dvlaNumber(strings.ReplaceAll(s[m[0]:m[1]], " ", "")) {
			return -1
		}
		out = append(out, span{KindIDDocument, m[0], m[1]})
		return m[1]
	})
	return out
}

// dvlaNumber reports whether c, 16 characters in dvlaRE's shape, is a GB driving licence number:
// the surname's part is letters then only 9s, and the month (plus 5 for a woman) and day can be
// a date.
func dvlaNumber(c string) bool {
	name := strings.TrimRight(c[:5], "9")
	if strings.ContainsRune(name, '9') {
		return false
	}
	month := int(c[6]-'0')%5*10 + int(c[7]-'0') // the tens digit is 0 or 1, plus 5 for a woman
	if c[6] > '6' || c[6] > '1' && c[6] < '5' {
		return false
	}
	day := int(c[8]-'0')*10 + int(c[9]-'0')
	return 1 <= month && month <= 12 && 1 <= day && day <= 31
}

// --- payment cards ------------------------------------------------------------------------------

// cardRE finds up to 19 digits; Visa, Mastercard, Amex, Discover, Diners, JCB and Maestro numbers
// start with 2–6.
var cardRE = newPattern(`[0-9](?:[ \-]?[0-9]){12,18}`, 48,
	func(s string, i int) bool { return '2' <= s[i] && s[i] <= '6' && !wordBefore(s, i) })

// cardContextRE finds a number the resident says is their card's: "card 4929 1234 5678 9012",
// "card no: …", "the long number on my card is …". Residents mistype card numbers, and one that
// fails the Luhn check is still nearly theirs, so after these words only its shape is checked.
// Group 1 is the number.
var cardContextRE = newPattern(`(?i)(?:card|long`+spaceClass+`+number)(?:`+spaceClass+`*(?:number|num|no\b\.?|#|details))?`+
	`(?:`+spaceClass+`+(?:on`+spaceClass+`+(?:my|the)`+spaceClass+`+card`+spaceClass+`+)?(?:is|was)\b)?[^\p{L}\p{N}\n]{0,4}([0-9](?:[ \-]?[0-9]){12,18})`, 96,
	wordStartWith("card", "long"))

func findCards(s string, out []span) []span {
	cardRE.each(s, func(m []int) int {
		e, ok := acceptCard(s, m[0], m[1], true)
		if !ok {
			return -1
		}
		out = append(out, span{KindCard, m[0], e})
		return e
	})
	cardContextRE.each(s, func(m []int) int {
		e, ok := acceptCard(s, m[2], m[3], false)
		if !ok {
			return -1
		}
		out = append(out, span{KindCard, m[2], e})
		return e
	})
	return out
}

// acceptCard returns the end of the longest card number starting at start within s[:end]; luhn
// says whether its check digit must be right.
func acceptCard(s string, start, end int, luhn bool) (int, bool) {
	if inReference(s, start) {
		return 0, false
	}
	for e := end; e > start; e = shorterAtSeparator(s, start, e) {
		if wordAfter(s, e) {
			continue
		}
		c := s[start:e]
		if d := digitsOf(c); len(d) >= 13 && cardGrouping(c) && (!luhn || Luhn(d)) {
			return e, true
		}
	}
	return 0, false
}

// cardGrouping reports whether c is written as cards are: unbroken, in fours (the last group
// shorter), or 4-6-4/4-6-5 like American Express and Diners, with one kind of separator.
func cardGrouping(c string) bool {
	if strings.Contains(c, " ") && strings.Contains(c, "-") {
		return false
	}
	g := digitGroups(c)
	if len(g) == 1 {
		return true
	}
	if len(g) == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 4 || g[2] == 5) {
		return true
	}
	for i, n := range g {
		if i < len(g)-1 && n != 4 || i == len(g)-1 && (n < 1 || n > 4) {
			return false
		}
	}
	return true
}

// Luhn reports whether digits (ASCII digits only) passes the Luhn check used by payment cards.
func Luhn(digits string) bool {
	if digits == "" {
		return false
	}
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		if !isDigit(digits[i]) {
			return false
		}
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// --- dates of birth -----------------------------------------------------------------------------

// A date is redacted only when it is given as a date of birth, so that notice dates such as
// "17 May 2018" and years stay.
const (
	monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	datePattern  = `(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})` +
		`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}` +
		`|[0-9]{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthPattern + `\.?(?:,?\s+[0-9]{4}|\s+'?[0-9]{2})?` +
		`|[0-9]{1,2}[/.\-]` + monthPattern + `[/.\-](?:[0-9]{4}|[0-9]{2})` + // "5-jun-80"
		// "5 6 80", "05 06 1985": spaces for slashes, the day and the month in range, as no count is.
		`|(?:0?[1-9]|[12][0-9]|3[01])[ \t](?:0?[1-9]|1[0-2])[ \t](?:(?:19|20)[0-9]{2}|[0-9]{2})` +
		`|` + monthPattern + `\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?)\b`
)

// Days and years said in words, as residents dictate a date of birth ("the fifth of June
// nineteen eighty", "June the first two thousand and three").
const (
	unitWords    = `(?:one|two|three|four|five|six|seven|eight|nine)`
	ordinalWords = `(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|` +
		`first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|` +
		`fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`
	// yearWords: "nineteen eighty", "nineteen seventy-six", "nineteen oh five", "two thousand and three".
	yearWords = `(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+` + unitWords + `)?|` +
		`ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-]+` + unitWords + `)` +
		`|two[\s-]+thousand(?:(?:[\s-]+and)?[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]+` + unitWords + `)?|` + unitWords + `))?`
	// shortYearWords: a year said without its century, "eighty", "seventy-six".
	shortYearWords = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+` + unitWords + `)?`
	spokenDay      = `(?:the\s+)?(?:` + ordinalWords + `|[0-9]{1,2}(?:st|nd|rd|th)?)`
	spokenYear     = `(?:,?\s+(?:[0-9]{4}|` + yearWords + `)|\s+` + shortYearWords + `)?`
)

// spokenDateRE finds a date with its day or its year in words: "the fifth of June 1980",
// "fifth June nineteen eighty", "June the first two thousand and three", "5th June nineteen
// eighty". dateRE finds those written in digits; where both match, the spans merge.
var spokenDateRE = newPattern(`(?i)(?:`+spokenDay+`(?:\s+of)?\s+`+monthPattern+`\.?`+spokenYear+
	`|`+monthPattern+`\.?\s+`+spokenDay+spokenYear+`)\b`, 96, wordStartIn("0123456789jfmasondte"))

// ordinalMonthDateRE finds a date with its month said as an ordinal, as residents read a date of
// birth out ("the 5th of the 6th 80" for 5/6/80, "the fifth of the sixth nineteen eighty", "5th
// 6th 80"). It is looked for only where dates of birth are (findDates), and where a word such as
// "form" or "floor" follows, the ordinal is no month ("the 5th of the 6th form"). Group 1 is "of",
// group 2 the month; without "of" a year must follow ("born 1st 2nd" may rank twins).
var ordinalMonthDateRE = newPattern(`(?i)`+spokenDay+`(\s+of)?\s+(?:the\s+)?`+
	`((?:0?[1-9]|1[0-2])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)`+
	`(?:,?\s+(?:[0-9]{4}|'?[0-9]{2}|`+yearWords+`|`+shortYearWords+`))?\b`,
	96, wordStartIn("0123456789ftsenth"))

// notMonthAfter follow an ordinal that is no month: "the 5th of the 6th form", "the 2nd of the
// 3rd floor".
var notMonthAfter = setOf(`form forms former floor floors year years grade time times week weeks
	day days row rows place places class generation century house`)

// dobTriggerRE finds the words that say a date is a date of birth.
var dobTriggerRE = newPattern(`(?i)(?:born|d\.?o\.?b|date\s+of\s+birth|birth\s*date|birthday)\b\.?`, 24, wordStartIn("bd"))

// dateRE finds a date with a day and a month.
var dateRE = newPattern(`(?i)`+datePattern, 48, dateStart)

func dateStart(s string, i int) bool { return digitStart(s, i) || monthStart(s, i) }

// monthStart reports whether a month's name may start at byte i.
var monthStart = wordStartIn("jfmasond")

// findDatesOfBirth redacts every date in the sentence that says it gives a date of birth, or in
// the next one if that has none: residents correct one ("my DOB is 12/03/1985 not 12/03/1958",
// "my date of birth is wrong. It should be 12/03/1985"), and the wrong one is as close to theirs.
func findDatesOfBirth(s string, out []span) []span {
	scanned := 0 // dates before this byte were looked for already
	dobTriggerRE.each(s, func(m []int) int {
		from := max(sentenceStartBefore(s, m[0]), scanned)
		to := sentenceEndAfter(s, m[1])
		n := len(out)
		out = findDates(s, from, to, out)
		if len(out) == n && writersBirth(s, m[0]) {
			out = findMonthYear(s, m[1], to, out) // "I was born in April 1979"
		}
		if len(out) == n && to < len(s) && ownDOB(s, m[0]) {
			from, to = to, sentenceEndAfter(s, to+1)
			out = findDates(s, from, to, out)
		}
		scanned = to
		return max(m[1], to)
	})
	return out
}

// ownDOB reports whether the date-of-birth words at byte i are someone's ("my date of birth",
// "my son's DOB", "I was born"), not a notice's ("your date of birth is kept for 6 years").
func ownDOB(s string, i int) bool {
	w := strings.ToLower(lastWord(s[:i]))
	switch w {
	case "my", "his", "her", "their", "our", "was", "were", "i", "i'm", "i’m":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// monthYearRE is a month and a year with no day: "April 1979", "Sept. of '85", "04/1979".
var monthYearRE = newPattern(`(?i)(?:`+monthPattern+`\.?,?(?:\s+of)?\s+(?:[0-9]{4}|'[0-9]{2})|(?:0?[1-9]|1[0-2])[/.\-](?:19|20)[0-9]{2})\b`, 32, dateStart)

// findMonthYear appends a date-of-birth span for a month and year (monthYearRE) that follows the
// words saying a date of birth comes, ending at byte from, closely: at most three words between,
// each a place or a word of birthYearGap ("I was born in April 1979", "born in Bletchley in May
// 1980", "my DOB is 04/1979"). "Date of birth and address, kept since May 2018" and "my date of
// birth changed in May 2018" stay.
func findMonthYear(s string, from, to int, out []span) []span {
	limit := min(to, from+32)
	monthYearRE.eachFrom(s[:to], from, func(m []int) int {
		if m[0] > limit || !birthYearGap(s[from:m[0]]) {
			return len(s) // too far from the words: no later one is nearer
		}
		if !plausibleDate(s, m[0], m[1]) {
			return -1
		}
		out = append(out, span{KindDateOfBirth, m[0], m[1]})
		return len(s)
	})
	return out
}

// birthYearWords may stand between "born" or "my DOB is" and a month and year.
var birthYearWords = setOf(`is was in on of around about approx approximately circa roughly
	sometime early mid late the`)

// birthYearGap reports whether gap, the text between the date-of-birth words and a month and
// year, holds at most three words, each a capitalised place or a word of birthYearWords, and
// punctuation.
func birthYearGap(gap string) bool {
	words := strings.FieldsFunc(gap, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(":-–,.=", r) })
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !birthYearWords[strings.ToLower(w)] && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// writersBirth reports whether the date-of-birth words at byte i are about the writer or someone
// close ("I was born", "my son was born", "DOB:", "jane doe, born"), where a month and year alone
// are theirs, and not about whoever reads a notice ("if your child was born", "children born").
func writersBirth(s string, i int) bool {
	before := strings.TrimRight(s[sentenceStartBefore(s, i):i], " \t")
	if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ":") {
		return true
	}
	words := strings.Fields(lowerTail(before, 40))
	if len(words) > 4 {
		words = words[len(words)-4:]
	}
	own := false
	for _, w := range words {
		switch w {
		case "your", "you", "whose":
			return false
		case "i", "i'm", "im", "i’m", "my", "our", "his", "her", "their", "we":
			own = true
		}
		own = own || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
	}
	return own
}

// findDates appends a date-of-birth span for each date within s[from:to].
func findDates(s string, from, to int, out []span) []span {
	// From the words on, not from the text's start: a transcript saying "date of birth" on
	// every line would be scanned again from byte 0 for each.
	dateRE.eachFrom(s[:to], from, func(m []int) int {
		if !plausibleDate(s, m[0], m[1]) {
			return -1
		}
		out = append(out, span{KindDateOfBirth, m[0], m[1]})
		return m[1]
	})
	spokenDateRE.eachFrom(s[:to], from, func(m []int) int {
		if !plausibleDate(s, m[0], m[1]) {
			return -1
		}
		if next, _ := readNameToken(s, skipSpaces(s, m[1])); quantityWords[strings.ToLower(next)] {
			// "born on the fifth of June twenty minutes late": a count, not the year.
			m[1] = shorterSpokenDate(s, m[0], m[1])
		}
		out = append(out, span{KindDateOfBirth, m[0], m[1]})
		return m[1]
	})
	ordinalMonthDateRE.eachFrom(s[:to], from, func(m []int) int {
		next, _ := readNameToken(s, skipSpaces(s, m[1]))
		noYear := m[1] == m[5]
		if !plausibleDate(s, m[0], m[1]) || noYear && (m[2] < 0 || notMonthAfter[strings.ToLower(next)]) {
			return -1
		}
		out = append(out, span{KindDateOfBirth, m[0], m[1]})
		return m[1]
	})
	return out
}

// shorterSpokenDate returns the end of the spoken date s[start:end] without the number words
// that end it, which count something after it rather than say its year.
func shorterSpokenDate(s string, start, end int) int {
	for {
		sp := strings.LastIndexAny(s[start:end], " \t-")
		if sp < 0 {
			return end
		}
		lw := strings.ToLower(s[start+sp+1 : end])
		if !digitWords[lw] && !tensWords[lw] {
			return end
		}
		end = start + sp
	}
}

// tensWords are the number words of the tens.
var tensWords = setOf(`twenty thirty forty fifty sixty seventy eighty ninety`)

// plausibleDate reports whether the date s[start:end] stands alone rather than being part of a
// longer dotted or slashed number ("81.2.69.160"). A date of birth given as such is redacted even
// if mistyped ("32/13/1985").
func plausibleDate(s string, start, end int) bool {
	return !inReference(s, start) && !(end+1 < len(s) && strings.IndexByte("./-:", s[end]) >= 0 && isDigit(s[end+1]))
}

// sentenceStartBefore returns where the sentence containing byte i starts.
func sentenceStartBefore(s string, i int) int {
	for j := i - 1; j > 0; j-- {
		switch s[j] {
		case '\n':
			return j + 1
		case ' ':
			if c := s[j-1]; c == '.' || c == '!' || c == '?' {
				return j + 1
			}
		}
	}
	return 0
}

// sentenceEndAfter returns where the sentence containing byte i ends: at a line break, or at a
// full stop, "!" or "?" followed by a space or the end (so "03.04.85" is one date).
func sentenceEndAfter(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\n':
			return j
		case '.', '!', '?':
			if j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\n' {
				return j + 1
			}
		}
	}
	return len(s)
}

// --- IP addresses -------------------------------------------------------------------------------

const octet = `(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])`

var ipRE = newPattern(octet+`(?:\.`+octet+`){3}\b`, 24, digitStart)

// ipNotBefore are words after which a dotted number is a section or version, not an address.
const docPartWords = `section sections s para paragraph clause article schedule part chapter
	rule regulation reg version ver release`

var ipNotBefore = setOf(docPartWords)

func findIPs(s string, out []span) []span {
	ipRE.each(s, func(m []int) int {
		start, end := m[0], m[1]
		if start >= 2 && s[start-1] == '.' && isDigit(s[start-2]) || end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
			return -1 // part of a longer dotted number
		}
		if end-start == 7 {
			return -1 // all four parts single digits: a section number ("3.4.1.2"), not a client
		}
		if ipNotBefore[strings.ToLower(strings.TrimRight(lastWord(s[:start]), "."))] {
			return -1
		}
		out = append(out, span{KindIP, start, end})
		return end
	})
	return out
}

// lastWord returns the last whitespace-separated word of s.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[i+1:]
	}
	return s
}

// --- account numbers ---------------------------------------------------------------------------

// accountRE finds a number the resident says is an account ("acc no 12345678" too), customer,
// tenancy, claim or reference number: group 1 a code of letters and digits ("my tenancy ref is HSG-0045123"), which
// accountCode checks, group 2 a run of 6–20 digits ("my council tax account number is 12345678").
// A case reference such as "DPO-2026-000123" stays for status checks.
var accountRE = newPattern(`(?i)(?:account|acct|acc|a/c|customer|tenancy|claim|reference|ref)\b\.?`+idNumberTail+
	`(?:([A-Z]{1,6} [0-9][0-9A-Z]*(?:[-/][0-9A-Z]+){0,3}|(?:[0-9]+[-/]?)*[A-Z][0-9A-Z]*(?:[-/][0-9A-Z]+){0,3})|([0-9](?:`+sepClass+`?[0-9]){5,19}))`, 96,
	wordStartWith("acc", "a/c", "customer", "tenancy", "claim", "ref"))

func findAccountNumbers(s string, out []span) []span {
	// A bank account's number given straight after its sort code: "20-00-00 12345678". Most text
	// has no eight digits in a row, and a byte loop is cheaper than looking for sort codes.
	if hasDigitRun(s, 8) {
		eachSortCode(s, func(_, end int) {
			if e := accountAfterSortCode(s, end); e > 0 {
				out = append(out, span{KindAccount, e - 8, e})
			}
		})
	}
	accountRE.each(s, func(m []int) int {
		start, end := m[4], m[5]
		if start < 0 {
			start, end = m[2], m[3]
			if !accountCode(s[start:end]) {
				return -1
			}
		}
		if wordAfter(s, end) || inReference(s, start) || end < len(s) && (s[end] == '-' || s[end] == '/') {
			return -1 // part of a longer code or a case reference ("ref X-123456")
		}
		out = append(out, span{KindAccount, start, end})
		return m[1]
	})
	return out
}

// --- bank sort codes ---------------------------------------------------------------------------

// sortCodeRE finds a sort code: group 1 one the resident says is one, written in any of the
// ways banks print it ("sort code 20-00-00", "sort code: 20 00 00", "sortcode 200000", "sort code
// and account number are 20-00-00 12345678"), even where it could be a date; group 2 the printed
// shape, which needs no words before it: two digits three times with a dash between
// ("20-00-00"). A date has that shape too ("20-10-26"), so only one that can be no date counts
// there (maybeDate).
var sortCodeRE = newPattern(`(?i)sort`+sepClass+`?codes?(?:`+spaceClass+`*(?:&|and)`+spaceClass+`*(?:account|acc|acct|a/c)(?:`+spaceClass+`*(?:numbers?|num|no\b\.?|#))?)?`+
	`(?:`+spaceClass+`+(?:is|are|was|were)\b)?[^\p{L}\p{N}\n]{0,4}([0-9]{2}`+sepClass+`?[0-9]{2}`+sepClass+`?[0-9]{2})`+
	`|([0-9]{2}[\-\x{2010}-\x{2013}][0-9]{2}[\-\x{2010}-\x{2013}][0-9]{2})`, 96,
	func(s string, i int) bool {
		if isDigit(s[i]) {
			return i+2 < len(s) && isDigit(s[i+1]) && (s[i+2] == '-' || s[i+2] == 0xE2) && !wordBefore(s, i)
		}
		return (s[i] == 's' || s[i] == 'S') && hasPrefixFold(s[i:], "sort") && !wordBefore(s, i)
	})

func findSortCodes(s string, out []span) []span {
	eachSortCode(s, func(start, end int) { out = append(out, span{KindSortCode, start, end}) })
	return out
}

// eachSortCode calls fn with the span of each sort code in s (sortCodeRE): "sort code 20 00 00",
// "20-00-00", "40-47-84", not "20-10-26", "01-02-03" or "12-31-99". None is part of a longer
// number ("20-00-00-12", "DPO-20-00-00") or a count ("20-30-40 minutes").
func eachSortCode(s string, fn func(start, end int)) {
	sortCodeRE.each(s, func(m []int) int {
		start, end := m[2], m[3]
		if start < 0 {
			start, end = m[4], m[5]
			if maybeDate(s[start:end]) || followedByAny(s, end, quantityWords) {
				return -1
			}
		}
		if !standsAlone(s, start, end) {
			return -1
		}
		fn(start, end)
		return m[1]
	})
}

// standsAlone reports whether the digits s[start:end] are a number of their own: not the tail
// of a reference or a decimal, and no digit, letter or further group of digits after them.
func standsAlone(s string, start, end int) bool {
	return !inReference(s, start) && !wordAfter(s, end) &&
		!(end+1 < len(s) && strings.IndexByte("-/.:", s[end]) >= 0 && isDigit(s[end+1]))
}

// maybeDate reports whether c, three pairs of digits, can be a day, a month and a year in
// either order residents use (13-05-24, 05-13-24).
func maybeDate(c string) bool {
	d := digitsOf(c)
	a, b := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0')
	return 1 <= a && a <= 31 && 1 <= b && b <= 12 || 1 <= a && a <= 12 && 1 <= b && b <= 31
}

// quantityWords follow numbers that count: "20-30-40 minutes".
var quantityWords = setOf(`minutes mins minute hours hrs hour days day weeks week months month years
	year times people percent per mph miles kg`)

// hasDigitRun reports whether s holds n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			run = 0
		} else if run++; run == n {
			return true
		}
	}
	return false
}

// accountAfterSortCode returns the end of an eight-digit account number that follows a sort code
// ending at byte i after a space, a comma or a slash, or "and" ("20-00-00 12345678", "20-00-00,
// 12345678", "20 00 00 and 12345678"), or 0.
func accountAfterSortCode(s string, i int) int {
	j := i
	for j < len(s) && j-i < 3 && (s[j] == ' ' || s[j] == ',' || s[j] == '/' || s[j] == ';') {
		j++
	}
	if rest := s[j:]; hasPrefixFold(rest, "and ") || hasPrefixFold(rest, "& ") {
		j = skipSpaces(s, j+strings.IndexByte(rest, ' '))
	}
	if j == i || j+8 > len(s) || !allDigits(s[j:j+8]) || wordAfter(s, j+8) {
		return 0
	}
	return j + 8
}

// accountCode reports whether c, letters and digits given as an account or reference number, is
// one: at least five digits, letters in capitals if a space splits it ("HSG 0045123", not "sent
// 12345"), and not a DPO case reference ("DPO-2026-000123"), which the bot needs to see.
func accountCode(c string) bool {
	if len(digitsOf(c)) < 5 || hasPrefixFold(c, "dpo") {
		return false
	}
	return !strings.Contains(c, " ") || c == strings.ToUpper(c)
}

// --- street addresses ---------------------------------------------------------------------------

// streetSuffix are the street types, with the abbreviations residents type ("22 Windermere Dr",
// "4 Acacia Cl", "9 Elm Gdns"), and those of Milton Keynes's estates ("7 Ashpole Furlong").
const streetSuffix = `(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|cl|way|crescent|cres|court|ct|place|pl|gardens|gdns|grove|gr|terrace|terr?|hill|row|square|sq|mews|walk|park|rise|green|parade|pde|boulevard|gate|wharf|yard|vale|meadows?|mount|heights|fields|croft|chase|quay|circus|embankment|broadway|passage|approach|orchard|paddock|spinney|leys|furlong|glade|copse)`

// addressRE matches "12 High Street", "12a Mill Lane", "3-5 Station Road" and "Flat 3, 45 Station
// Road": a house number, one to four words and a street type.
var addressRE = newPattern(`(?i)(?:(?:flat|apartment|apt|unit|studio|room|maisonette)\.?`+spaceClass+`*[0-9]{1,4}[a-z]?,?`+spaceClass+`+)?`+
	`[0-9]{1,4}[a-z]?(?:-[0-9]{1,4}[a-z]?)?,?`+spaceClass+`+((?:\p{L}[\p{L}\p{M}'’\-]*`+spaceClass+`+){1,4}?)`+streetSuffix+`\b`, 256,
	func(s string, i int) bool { return houseNumberAt(s, i) || flatWordAt(s, i) })

// flatWordNames are the words that say a flat's number follows: "Flat", "Apartment" and the like.
const flatWordNames = `flat apartment apt unit studio room maisonette`

// flatWordAt reports whether one of flatWordNames starts at byte i; flatWords holds them whole.
var (
	flatWordAt = wordStartWith(strings.Fields(flatWordNames)...)
	flatWords  = setOf(flatWordNames)
)

// houseNumberAt reports whether what starts at byte i could be a house number: up to four digits
// followed by a letter, a space, a comma or a dash.
func houseNumberAt(s string, i int) bool {
	if !digitStart(s, i) {
		return false
	}
	j := i
	for j < len(s) && j-i <= 4 && isDigit(s[j]) {
		j++
	}
	return j-i <= 4 && j < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == '-' || isASCIILetter(s[j]) || s[j] >= 0x80) // 0x80 and up: a no-break space
}

// houseNumberEnd returns the end of the house number at byte i (see houseNumberAt): its digits
// and a letter after them that ends the word ("12a").
func houseNumberEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j < len(s) && isASCIILetter(s[j]) && !wordAfter(s, j+1) {
		j++ // "12a"
	}
	return j
}

// addressStop are lowercase words that show a number is a quantity ("kept for 6 years in the
// park"), not a house number.
var addressStop = setOf(`a an the and or of on in at to for from by near with without per than
	years year months month weeks week days day hours hour minutes times people residents copies
	pages my your our their his her its this that these those is are was were be been it we you they`)

// addressIntroRE finds an address the resident says is theirs, or labels as one in a note
// ("Address: 22 Tudeley Hale Fishermead"), so the street needs no street type ("I live at Flat
// 3, 22 Queensway", "my address is 7 the green", "change my address to 22 Tudeley Hale", "the
// address is 7 Bossiney Hale", "new address 7 bossiney hale", "the addr is …", "my addy is …"):
// a flat number, a house number and up to four words, or both. Groups: 1 the flat, 2 the house
// number, 3 the words; findAddresses trims the words at the first ordinary one, and reads a
// house's or a building's name where neither number is given ("my address is Rose Cottage,
// Haddenham").
var addressIntroRE = newPattern(`(?i)(?:(?:live|living|lives|lived|reside|resides|residing|staying)`+spaceClass+`+at|(?:my|our|his|her|the)`+spaceClass+`+(?:(?:home|postal|new|old|current|full)`+spaceClass+`+)?(?:address|addr\b\.?|addy\b)(?:`+spaceClass+`+(?:is|was|to)\b|`+spaceClass+`*:)|`+
	`(?:home|postal|new|old|current)`+spaceClass+`+(?:address|addr\b\.?|addy\b)(?:`+spaceClass+`+(?:is|was|to|now)\b)?|`+
	`(?:(?:home|postal|current|full)`+spaceClass+`+)?(?:address|addr\b\.?|addy\b)`+spaceClass+`*:)`+spaceClass+`*`+
	`((?:flat|apartment|apt|unit|studio|room|maisonette)\.?`+spaceClass+`*[0-9]{1,4}[a-z]?\b)?,?`+spaceClass+`*`+
	`(?:([0-9]{1,4}[a-z]?(?:-[0-9]{1,4}[a-z]?)?)\b,?((?:`+spaceClass+`+\p{L}[\p{L}\p{M}'’\-]*){1,4}))?`, 160,
	wordStartWith("live", "living", "lives", "lived", "reside", "residing", "staying", "my", "our", "his", "her",
		"addr", "addy", "home", "postal", "current", "full", "new addr", "old addr", "new addy", "old addy", // "addr" starts "address" too
		// Not "the" alone: a notice says it in every sentence, and the pattern tried at each
		// cost prose a third of its speed.
		"the addr", "the home", "the postal", "the new", "the old", "the current", "the full"))

// bareAddressCue reports whether the cue read by addressIntroRE is "new address" or "home addr"
// with no "my" before it and no colon after it, as residents type in a hurry ("new address 7
// bossiney hale"): it says an address follows only where a house or a flat number does.
func bareAddressCue(cue string) bool {
	first, _, _ := strings.Cut(strings.ToLower(cue), " ")
	switch first {
	case "home", "postal", "new", "old", "current":
		switch strings.ToLower(lastWord(cue)) {
		case "is", "was", "to", "now":
			return false // "new address is Rose Cottage"
		}
		return !strings.Contains(cue, ":")
	}
	return false
}

// notAddressLabels come before "address:" where the address is no home's: "Email address:",
// "IP address:".
var notAddressLabels = setOf(`email e-mail ip web website mac`)

// streetIntroRE finds a street the resident says they live on, without a house number ("I live on
// Elm Grove in Bletchley", "we live in Station Road"): up to three words and a street type. A town
// alone ("I live in Bletchley") has no street type and stays. Group 1 is the street.
var streetIntroRE = newPattern(`(?i)(?:live|living|lives|lived|reside|resides|residing|staying)`+spaceClass+`+(?:on|in|at|off)`+spaceClass+`+`+
	`((?:\p{L}[\p{L}\p{M}'’\-]*`+spaceClass+`+){1,3}?`+streetSuffix+`)\b`, 96,
	wordStartWith("live", "living", "lives", "lived", "reside", "residing", "staying"))

// addressIntroStop end the street read after "I live at" ("22 Queensway and want to know").
var addressIntroStop = setOf(`but so if when where who which how what why please can could would
	do does have has need want wanted since because now currently near next i i'm im`)

// endsStreet reports whether lw, a word in lower case read after a house number, ends the street
// rather than naming it: it shows the number counts things (addressStop) or the sentence goes on
// (addressIntroStop).
func endsStreet(lw string) bool {
	return addressStop[lw] || addressIntroStop[lw]
}

// houseNameRE matches a house name and the street after it: "Rose Cottage, Church Lane", "The Old
// Barn, Mill Road", "The Old Rectory, Church Lane", "The Old Post Office, High Street": capitalised
// words ending in a type of house, or any capitalised words after "The Old", which names only
// houses. The house and street types may be in any case. Group 1 is the house's first word,
// group 2 the street's words.
var houseNameRE = newPattern(`(?:(\p{Lu}[\p{L}'’\-]*)\s+(?:\p{Lu}[\p{L}'’\-]*\s+){0,2}(?i:`+houseTypes+`)|The\s+Old(?:\s+\p{Lu}[\p{L}'’\-]*){1,3})\b,?\s+((?:\p{Lu}[\p{L}'’\-]*\s+){1,3})(?i:`+streetSuffix+`)\b`, 160,
	houseNameStart)

// houseTypes end a house's name.
const houseTypes = `cottage|cottages|house|farm|farmhouse|lodge|barn|villa|bungalow|manor|grange|mill|hall|rectory|vicarage|parsonage|manse|forge|smithy|stables|granary|dairy|oast|chapel|schoolhouse|gatehouse`

// houseTypeWords are the words of houseTypes.
var houseTypeWords = setOf(strings.ReplaceAll(houseTypes, "|", " "))

// inSetFold reports whether the ASCII word w, in any case, is in set (of short lower-case words),
// without lower-casing a copy: it is asked of every capitalised word of a text.
func inSetFold(set map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for j := 0; j < len(w); j++ {
		buf[j] = lowerASCII(w[j])
	}
	return set[string(buf[:len(w)])]
}

// houseNameStart reports whether a house's name may start at byte i: a capitalised word, with a
// house type among it and the next three words or "The Old" opening it. Every capital in a text
// starts a word, and houseNameRE tried at each cost a 100 KB transcript a tenth of its time.
func houseNameStart(s string, i int) bool {
	if s[i] < 'A' || s[i] > 'Z' || wordBefore(s, i) {
		return false
	}
	first, _ := readNameToken(s, i)
	pos := i
	for k := 0; k < 4 && pos < len(s); k++ {
		tok, _ := readNameToken(s, pos)
		if tok == "" {
			return false
		}
		if k > 0 && inSetFold(houseTypeWords, tok) || k == 1 && first == "The" && tok == "Old" {
			return true
		}
		pos += len(tok)
		for pos < len(s) && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r') {
			pos++
		}
	}
	return false
}

func findAddresses(s string, out []span) []span {
	houseNameRE.each(s, func(m []int) int {
		if !streetNameOK(s[m[4]:m[5]], false) || strings.ContainsAny(s[m[0]:m[1]], "\n\r") ||
			m[2] >= 0 && publicHall(s[m[2]:m[3]], strings.TrimRight(s[m[0]:m[4]], ", \t")) {
			return -1
		}
		out = append(out, span{KindAddress, m[0], m[1]})
		return m[1]
	})
	addressIntroRE.each(s, func(m []int) int {
		if notAddressLabels[strings.ToLower(lastWord(s[:m[0]]))] {
			return -1
		}
		start, end := m[2], m[3]
		if start < 0 && m[4] < 0 && bareAddressCue(s[m[0]:m[1]]) {
			return -1 // "the new address Data Protection holds": a bare cue counts before a number only
		}
		if start < 0 && m[4] < 0 {
			// No number: a house's or a building's name ("I live at Kingsway House").
			if e := buildingName(s, m[1], buildingAny); e > 0 {
				start, end = skipSpaces(s, m[1]), e
			}
		}
		if m[2] >= 0 && m[4] < 0 {
			// A flat in a building named in any case: "my address is flat 3 the maltings".
			if e := max(buildingName(s, m[3], buildingAny), lowerStreet(s, m[3])); e > 0 {
				end = e
			}
		}
		if m[4] >= 0 {
			if start < 0 {
				start = m[4]
			}
			end = m[3] // "I live at 12 with my mum": a number alone is no address
			i := m[6]
			for n := 0; ; n++ {
				w := strings.TrimLeftFunc(s[i:m[7]], unicode.IsSpace)
				if w == "" {
					break
				}
				i = m[7] - len(w)
				if k := strings.IndexFunc(w, unicode.IsSpace); k >= 0 {
					w = w[:k]
				}
				lw := strings.ToLower(w)
				if endsStreet(lw) && (n > 0 || lw != "the") {
					break
				}
				i += len(w)
				end = i
			}
		}
		if start < 0 || end <= start {
			return -1
		}
		out = append(out, span{KindAddress, start, end})
		return end
	})
	streetIntroRE.each(s, func(m []int) int {
		if !streetNameOK(s[m[2]:m[3]], false) || saintFollows(s[m[2]:m[3]], s[m[3]:]) {
			return -1
		}
		out = append(out, span{KindAddress, m[2], m[3]})
		return m[1]
	})
	addressRE.each(s, func(m []int) int {
		// "7 the green, stony stratford": a street typed in lower case is an address where it
		// ends the line or a town follows, not in "reason 1 the way you handled it".
		lowerThe := strings.HasPrefix(s[m[2]:m[3]], "the") && (clauseEndsAt(s, m[1], ",\n\r") || townFollows(s, m[1])) &&
			!numberLabels[strings.ToLower(strings.TrimRight(lastWord(s[:m[0]]), ".:"))]
		if !streetNameOK(s[m[2]:m[3]], lowerThe) || titleLikeDr(s[m[2]:m[3]], s[m[3]:m[1]]) {
			return -1
		}
		end := compassAfter(s, m[1])
		out = append(out, span{KindAddress, m[0], end})
		return end
	})
	return out
}

// compassAfter returns the end of a capitalised point of the compass that ends the street ending
// at byte i ("1 Saxon Gate East", "12 High Street North"), or i: "[address] East" left a word
// of the street dangling.
func compassAfter(s string, i int) int {
	if i >= len(s) || s[i] != ' ' {
		return i
	}
	tok, _ := readNameToken(s, i+1)
	switch tok {
	case "East", "West", "North", "South":
		if !wordAfter(s, i+1+len(tok)) {
			return i + 1 + len(tok)
		}
	}
	return i
}

// flatNumberRE is a flat's, an apartment's or a unit's number ("Flat 4a", "apartment 12,"), before
// the name of the building it is in.
var flatNumberRE = newPattern(`(?i)(flat|apartment|apt|maisonette|unit|studio|room)\.?`+spaceClass+`*[0-9]{1,4}[a-z]?\b`, 24, flatWordAt)

// findNamedBuildings appends the addresses that name a building or a house rather than a street
// (none of the patterns above has a street type to end them): a flat in a named building ("Flat
// 4a The Maltings", "flat 3 kingsway house", "Apartment 12, Vizion, Avebury Boulevard") and a
// house number before a house's name ("3 Kiln Farm", "2 Mill Cottages"). See buildingName.
func findNamedBuildings(s string, out []span) []span {
	flatNumberRE.each(s, func(m []int) int {
		e := flatBuildingEnd(s, m)
		if e == 0 {
			return -1
		}
		out = append(out, span{KindAddress, m[0], e})
		return e
	})
	for i := 0; i < len(s); i++ {
		if !houseNumberAt(s, i) {
			continue
		}
		// Only at a house number: the word before is found by scanning back, which at every
		// byte of a long word made redacting 20 KB take a second (a review).
		if before := strings.ToLower(strings.TrimRight(lastWord(s[:i]), ".:")); numberLabels[before] || countDeterminers[before] {
			continue
		}
		j := houseNumberEnd(s, i)
		e := buildingName(s, j, buildingHouse)
		if e == 0 {
			// "22 Tudeley Hale, Fishermead, MK6 2HY": no house type, but a postcode or a town
			// after it says it is an address.
			if e = buildingName(s, j, buildingAny); e > 0 && !placeOrPostcodeFollows(s, e) {
				e = 0
			}
		}
		if e == 0 {
			// "22 Queensway, Bletchley", "7 Parkway MK6 2HY": a street in one word, with the
			// place or the postcode that says it is one.
			if e = oneWordStreet(s, j, false); e > 0 && !placeOrPostcodeFollows(s, e) && !townFollows(s, e) {
				e = 0
			}
		}
		if e == 0 {
			// "11 ridgeway, stony stratford": typed in lower case, before a comma and its town.
			if e = oneWordStreet(s, j, true); e > 0 && !(e < len(s) && s[e] == ',' && townAfter(s, e)) {
				e = 0
			}
		}
		if e == 0 {
			// "22 tudeley hale mk6 2hy", "3 kiln bank bletchley mk2 2dd": a street typed in lower
			// case, before its postcode, or before its town where a street type ends it ("3
			// Kiln Bank, Bletchley").
			if e = lowerStreet(s, j); e > 0 && !postcodeAt(s, skipPlaces(s, e)) &&
				!(wordStreetTypes[strings.ToLower(lastWord(s[j:e]))] && townAfter(s, e)) {
				e = 0
			}
		}
		if e > 0 {
			out = append(out, span{KindAddress, flatBefore(s, i), e})
			i = e
			continue
		}
		i = j
	}
	return findCuedAddresses(s, out)
}

// flatBuildingEnd returns the end of the building named after a flat's number matched by
// flatNumberRE (m), or 0. A unit, a studio or a room needs a building typed so ("Unit 4 Data
// Rights", "Room 2 Committee Papers" are no home). A flat's or an apartment's building may also
// be typed in lower case ("flat 2 the maltings", lowerStreet): a QA pass found it kept when no
// cue such as "I live at" came before it.
func flatBuildingEnd(s string, m []int) int {
	switch strings.ToLower(s[m[2]:m[3]]) {
	case "unit", "studio", "room":
		return buildingName(s, m[1], buildingTyped)
	}
	return max(buildingName(s, m[1], buildingAny), lowerStreet(s, m[1]))
}

// flatAddressAt returns the end of a flat in a named building starting at byte i ("flat 2 the
// maltings", "Flat 4a Rose Court"), or 0.
func flatAddressAt(s string, i int) int {
	if i >= len(s) || !flatWordAt(s, i) {
		return 0
	}
	m := flatNumberRE.re.FindStringSubmatchIndex(s[i:min(len(s), i+4*flatNumberRE.maxLen)])
	if m == nil {
		return 0
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += i
		}
	}
	return flatBuildingEnd(s, m)
}

// flatBefore returns where a flat's number before the house number at byte i starts ("flat 2 12
// bossiney hale" kept "flat 2"), or i where none comes straight before it.
func flatBefore(s string, i int) int {
	k := i
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	d := k
	if d > 1 && isASCIILetter(s[d-1]) && isDigit(s[d-2]) {
		d-- // "flat 4a"
	}
	for d > 0 && k-d < 5 && isDigit(s[d-1]) {
		d--
	}
	if k == i || d == k || d == 0 || !isDigit(s[d]) || s[d-1] != ' ' && s[d-1] != '.' {
		return i
	}
	before := strings.TrimRight(s[:d], " .")
	w := lastWord(before)
	if !flatWords[strings.ToLower(w)] {
		return i // a whole word after a space, so flatWordAt would say so too
	}
	return len(before) - len(w)
}

// addressCueRE finds the words that say an address follows, short of "I live at" (see
// addressIntroRE): where the writer is ("I'm at", "we're at"), where to send something ("send
// it to", "post the form to", "write to me at", "send my records to me at") or where they moved
// ("I moved from", "we've moved to", "update address from"), where a neighbour lives ("my
// neighbour at", "my neighbour mr khan at"), with "number" before a house number ("I'm at number
// 22").
// Group 1 is "I'm at", "find me at" and "it's", which say less (see findCuedAddresses); group 2
// is "it" of "it's", which says an address follows only before "number" ("it's number 22 Tudeley
// Hale", not "it's 3 Data Rights"); group 3 "number", if said.
var addressCueRE = newPattern(`(?i)(?:((?:i['’]?m|i`+spaceClass+`+am|we['’]?re|we`+spaceClass+`+are|they['’]?re|they`+spaceClass+`+are)`+spaceClass+`+(?:(?:now|still|currently)`+spaceClass+`+)?at|`+
	`find`+spaceClass+`+(?:me|us|him|her|them)`+spaceClass+`+at|(it)(?:['’]?s|`+spaceClass+`+is))|`+
	`(?:send|post|mail|deliver|forward|return|write)(?:`+spaceClass+`+(?:it|them|this|that|everything|copies|(?:the|my|a|any|all|our)(?:`+spaceClass+`+\p{L}+){1,2}))?`+spaceClass+`+to(?:`+spaceClass+`+(?:me|us|him|her|them|(?:my|our)`+spaceClass+`+\p{L}+)`+spaceClass+`+at)?|`+
	`(?:moved|moving|(?:address|addr\.?))`+spaceClass+`+(?:from|to)|`+
	`neighbou?rs?(?:`+spaceClass+`+[\p{L}.'’]+){0,3}?`+spaceClass+`+at)`+
	spaceClass+`+(?:(number|no\.)`+spaceClass+`*)?`, 100,
	wordStartWith("i'", "i’", "im", "i ", "it's", "it’s", "its ", "it is", "we", "they", "find", "send", "post", "mail", "deliver", "forward", "return", "write",
		"moved", "moving", "addr", "neighbo")) // "addr" starts "address" too

// findCuedAddresses appends the addresses said after addressCueRE: a house number before a
// building's or a house's name ("I'm at number 22 Tudeley Hale", "send it to 9 Kiln Bank"; see
// buildingName), or, with no number, a house's name ("post it to Rose Cottage, Haddenham", "send
// it to The Maltings, Olney"). "I'm at work", "send it to me", "I'm at 2 minutes past" and "post
// it to the council" name none.
func findCuedAddresses(s string, out []span) []span {
	addressCueRE.each(s, func(m []int) int {
		i := m[1]
		// After "send it to", "write to" or "I moved from" a house or a flat number is one
		// whatever the case of the street typed after it ("send it to 22 tudeley hale", "I
		// moved from flat 3 the maltings"); after "I'm at" it may be a count ("I'm at 3
		// different places") unless a building's name follows.
		// "number" said before it makes it a house number in any case too ("its number 22
		// tudeley hale").
		lower := m[2] < 0 || m[6] >= 0
		// "it's" with no "number" says an address follows only before a capitalised street:
		// "it's 7 Bossiney Hale", not "it's 3 data rights".
		its := m[4] >= 0 && m[6] < 0
		if flatWordAt(s, i) {
			if f := flatNumberRE.re.FindStringIndex(s[i:min(len(s), i+flatNumberRE.maxLen)]); f != nil && lower {
				j := i + f[1]
				if e := lowerStreet(s, j); e > 0 {
					out = append(out, span{KindAddress, i, e})
					return e
				}
			}
			return -1 // a flat in a named building is findNamedBuildings's
		}
		if houseNumberAt(s, i) {
			e := cuedHouse(s, i, lower, its)
			if e > 0 && m[4] >= 0 && rankWordIn(s[i:e]) {
				e = 0 // "it's number 1 top priority"
			}
			if e == 0 {
				return -1
			}
			out = append(out, span{KindAddress, i, e})
			// "from 4 ashpole olney to 19 kingsway, bletchley": the second is said as the first.
			for {
				k := skipPlaces(s, e)
				if !hasPrefixFold(s[k:], "to ") {
					break
				}
				if k = skipSpaces(s, k+3); !houseNumberAt(s, k) {
					break
				}
				if e = cuedHouse(s, k, true, false); e == 0 {
					break
				}
				out = append(out, span{KindAddress, k, e})
			}
			return e
		}
		if m[6] >= 0 || its {
			return -1 // "number" or "it's" and no house number
		}
		e := buildingName(s, i, buildingAny)
		if e == 0 {
			return -1
		}
		// Without a number, only a house's name ("Rose Cottage") or a building named "The …"
		// before a town or a postcode ("The Maltings, Olney"): "send it to Jane Smith" is a name.
		first, _ := readNameToken(s, i)
		last := strings.ToLower(lastWord(strings.TrimRight(s[i:e], ".")))
		if r, _ := utf8.DecodeRuneInString(first); !unicode.IsUpper(r) ||
			!(houseTypeWords[last] || first == "The" && placeOrPostcodeFollows(s, e)) {
			return -1
		}
		out = append(out, span{KindAddress, i, e})
		return e
	})
	return out
}

// cuedHouse returns the end of the street after the house number at byte i, said after an
// address cue (see findCuedAddresses), or 0: a building's name ("22 Tudeley Hale"), a street
// typed in lower case where lower says the cue allows it, a street in one word ("22 Queensway")
// or, before a town, any word ("9 Ashpole, Olney"). Where its says the cue was "it's" alone,
// only a capitalised name will do.
func cuedHouse(s string, i int, lower, its bool) int {
	j := houseNumberEnd(s, i)
	if tok, _ := readNameToken(s, skipSpaces(s, j)); countedWord(strings.ToLower(tok)) {
		return 0 // "I moved to a 3 bed house"
	}
	if its {
		if r, _ := utf8.DecodeRuneInString(s[skipSpaces(s, j):]); !unicode.IsUpper(r) {
			return 0
		}
	}
	e := buildingName(s, j, buildingAny)
	if e == 0 && lower {
		e = lowerStreet(s, j)
	}
	if e == 0 {
		e = oneWordStreet(s, j, lower) // "send it to 22 Queensway"
	}
	if e == 0 {
		e = oneWordBeforeTown(s, j)
	}
	return e
}

// rankWords follow "it's number 1" where it ranks, not a house: "it's number 1 top priority".
var rankWords = setOf(`top priority priorities choice pick favourite favorite seller hit fan spot place
	concern reason rule thing goal aim`)

// rankWordIn reports whether a word of the phrase is one of rankWords.
func rankWordIn(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if rankWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// oneWordBeforeTown returns the end of a street named in one word at byte i, after a house
// number and an address cue, where a town or an estate of the councils' areas or a postcode
// follows it ("I'm at 9 Ashpole, Olney", "from 4 ashpole olney", "im at 3 hillcrest, newport
// pagnell"), or 0. The word has no street type to say it is a street; the cue, the number and the
// town together do. An ordinary word ("I'm at 2 different, Olney"), a count and a town itself
// ("I'm at 3 Olney") name none.
func oneWordBeforeTown(s string, i int) int {
	i = skipSpaces(s, i)
	tok, _ := readNameToken(s, i)
	lw := strings.ToLower(tok)
	if len(tok) < 4 || !allLetters(lw) || ordinaryWord(lw) || endsStreet(lw) ||
		quantityWords[lw] || countedWord(lw) || areaWords[lw] || townSurnames[lw] || placeOpeners[lw] {
		return 0
	}
	end := i + len(tok)
	if !townAfter(s, end) && !postcodeAt(s, skipSpaces(s, end)) {
		return 0
	}
	return end
}

// skipPlaces returns where what follows byte i starts after spaces, commas and up to three
// words of towns and estates of the councils' areas ("bletchley mk2 2dd", ", newport pagnell to").
func skipPlaces(s string, i int) int {
	for n := 0; ; n++ {
		j := skipSpacesComma(s, i)
		tok, _ := readNameToken(s, j)
		if n == 3 || postcodeAt(s, j) || !townWord(strings.ToLower(tok)) {
			return j
		}
		i = j + len(tok)
	}
}

// skipSpacesComma returns where the word after byte i starts: past spaces, and past a comma and
// the spaces after it where one comes first (", Olney", " olney").
func skipSpacesComma(s string, i int) int {
	j := skipSpaces(s, i)
	if j < len(s) && s[j] == ',' {
		j = skipSpaces(s, j+1)
	}
	return j
}

// townWord reports whether lw, a word in lower case, is a word of a town or an estate of the
// councils' areas ("olney", "stony", "fishermead").
func townWord(lw string) bool {
	return placeWords[lw] || townSurnames[lw] || areaWords[lw]
}

// placeOpeners open the names of the councils' towns, before words that placeWords hold: "Milton
// Keynes", "Great Linford", "Kents Hill" are no street before a town.
var placeOpeners = setOf(`milton great little central kents shenley emerson gerrards high chalfont`)

// townAfter reports whether a town or an estate of the councils' areas, in any case, follows byte
// i after a space or a comma: ", Olney", " stony stratford".
func townAfter(s string, i int) bool {
	j := skipSpacesComma(s, i)
	if j == i {
		return false
	}
	tok, _ := readNameToken(s, j)
	return townWord(strings.ToLower(tok))
}

// lowerStreet returns the end of a street or a building named in any case at byte i, after a
// house or a flat number and an address cue ("tudeley hale", "the maltings"), or 0: up to four
// words, none of them ordinary ("the" may open them), ending where a comma, a postcode, an
// ordinary word ("please", "and", "today") or the clause does, or with a street type that is an
// everyday word after a word of the name ("kiln bank", wordStreetTypes). Two words are needed,
// or "the" and one, so that a count ("send it to 2 addresses", "moved from 2 bedrooms to 3")
// names none; a fifth word means prose, not an address.
func lowerStreet(s string, i int) int {
	n, the, end, count := 0, false, 0, false
	for pos, tok := range nameWords(s, skipSpacesComma(s, i)) {
		tok = strings.TrimSuffix(tok, ".")
		lw := strings.ToLower(tok)
		streetType := n > 0 && wordStreetTypes[lw]
		if n == 0 && !the && lw == "the" {
			the = true
		} else if !streetType && (ordinaryWord(lw) || endsStreet(lw)) {
			break
		} else if n++; n > 4 {
			return 0
		} else {
			count = count || countedWord(lw)
		}
		end = pos + len(tok)
		if streetType {
			break
		}
	}
	if n < 2 && !(the && n == 1) || count && !the {
		return 0
	}
	return end
}

// oneWordStreet returns the end of a street named in one word at byte i, after a house number
// ("22 Queensway", "14 Kingsway", "3 Southgate", "2 Broadway"), or 0: a word of six letters or
// more that is a street type itself or ends as one, in "way" or in "gate" after a consonant
// ("Westgate", not "delegate" or "investigate"), and is no ordinary word ("anyway"). It must
// be capitalised unless anyCase, and end the street: punctuation, an ordinary word, a town or the
// end of the text follows, not another word of a name ("22 Queensway shops" counts shops).
func oneWordStreet(s string, i int, anyCase bool) int {
	i = skipSpaces(s, i)
	tok, _ := readNameToken(s, i)
	if len(tok) < 6 || len(tok) > 16 {
		return 0
	}
	if r := tok[0]; !anyCase && (r < 'A' || r > 'Z') {
		return 0
	}
	lw := strings.ToLower(tok)
	if !allLetters(lw) || ordinaryWord(lw) || halfwayWords[lw] {
		return 0
	}
	streetLike := streetWords[lw] || strings.HasSuffix(lw, "way") ||
		strings.HasSuffix(lw, "gate") && !strings.ContainsRune("aeiou", rune(lw[len(lw)-5]))
	if !streetLike {
		return 0
	}
	end := i + len(tok)
	if j := skipSpaces(s, end); j > end {
		next, _ := readNameToken(s, j)
		ln := strings.ToLower(next)
		if next != "" && (!(ordinaryWord(ln) || endsStreet(ln) || townSurnames[ln] || areaWords[ln]) || quantityWords[ln]) {
			return 0
		}
	}
	return end
}

// wordStreetTypes end streets ("Kiln Bank", "Mill End", "Lake View", "Brook Side") but are
// everyday words, so streetSuffix leaves them out: "paid 50 into lloyds bank" is no address.
// After a house number and a word of the street's name they end it where its town or its
// postcode follows (lowerStreet, findNamedBuildings).
var wordStreetTypes = setOf(`bank end side view`)

// halfwayWords end in "way" and name no street.
var halfwayWords = setOf(`anyway halfway midway someway underway noway sideway`)

// countedWord reports whether lw, read after a number, shows the number counts things: a plural
// that is no street's or house's ("send it to 3 separate offices", "we moved to 2 smaller
// houses"; "2 mill cottages" and "9 ashpole fields" are addresses), a word ending "ly" ("2
// weekly collections") or "bed" ("we moved from a 4 bed semi").
func countedWord(lw string) bool {
	if lw == "bed" || strings.HasSuffix(lw, "ly") {
		return true
	}
	return strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "'s") && !strings.HasSuffix(lw, "’s") &&
		!streetWords[lw] && !houseTypeWords[lw] && !areaWords[lw]
}

// placeOrPostcodeFollows reports whether a postcode, or a comma and a town or an estate of the
// councils' areas, follows byte i: ", Fishermead, MK6 2HY", " MK6 2HY", ", Olney".
func placeOrPostcodeFollows(s string, i int) bool {
	j := skipSpaces(s, i)
	if postcodeAt(s, j) {
		return true
	}
	if j >= len(s) || s[j] != ',' {
		return false
	}
	j = skipSpaces(s, j+1)
	if postcodeAt(s, j) {
		return true
	}
	tok, _ := readNameToken(s, j)
	tok = strings.TrimSuffix(tok, ".")
	r, _ := utf8.DecodeRuneInString(tok)
	if tok == "" || !unicode.IsUpper(r) {
		return false
	}
	if townWord(strings.ToLower(tok)) {
		return true
	}
	// An estate no list holds, then the postcode: "…, Fishermead, MK6 2HY".
	return postcodeAt(s, skipSpacesComma(s, j+len(tok)))
}

// postcodeAt reports whether a UK postcode starts at byte i.
func postcodeAt(s string, i int) bool {
	if i >= len(s) || !postcodeRE.canStart(s, i) {
		return false
	}
	m := postcodeRE.re.FindStringSubmatchIndex(s[i:min(len(s), i+postcodeRE.maxLen)])
	return m != nil && (m[2] < 0 || postcodeAreas[strings.ToUpper(s[i+m[2]:i+m[3]])])
}

// areaWords are the towns, villages and Milton Keynes estates residents give after their street
// ("14 Tudeley Hale, Fishermead") that placeWords, kept short for the sake of names, leaves out.
var areaWords = setOf(`fishermead conniburrow netherfield beanhill eaglestone oldbrook springfield
	heelands bradwell loughton shenley woughton wavendon stewkley winslow stantonbury pennyland
	willen monkston broughton kingsmead furzton tattenhoe westcroft crownhill oakgrove brooklands
	walnut linford stony fenny newport denham iver burnham hazlemere princes`)

// countDeterminers before a number show it counts: "the 2 Church Cottages are listed".
var countDeterminers = setOf(`the these those all both some any every`)

// publicBuildingWords end the names of buildings the public use, which notices give as the
// council's address ("Civic Offices", "Saxon Court Centre"), not a resident's.
var publicBuildingWords = setOf(`offices centre center library hub depot station surgery hospital
	school academy college church`)

// publicHouses are public bodies named for a house, where residents are told to send things:
// "send it to Companies House".
var publicHouses = map[string]bool{"companies house": true, "somerset house": true, "mansion house": true, "trinity house": true}

// buildingNeed says what a building's name read by buildingName must be.
type buildingNeed int

const (
	buildingAny   buildingNeed = iota // capitalised words ("The Maltings") or ending in a house or street type ("kingsway house")
	buildingTyped                     // ending in a house or street type
	buildingHouse                     // capitalised words ending in a house type ("Kiln Farm")
)

// buildingName returns the end of the name of a building or a house that starts at byte i, after
// spaces and a comma, with the street after it if one follows a comma ("Vizion, Avebury
// Boulevard"), or 0. The name is up to four words, which end at an ordinary word ("and", "is"),
// a town ("Kingsway House Wolverton") or punctuation. It must be two words or more (one will do
// before a street: "Vizion"), with no ordinary word among them ("Data Rights", "Town Hall
// meetings"), no public hall ("County Hall"), and capitalised or ending in a type of house or
// street, as need says: "I have 3 children", "flat 5 pounds fee" and "I own 2 holiday cottages"
// name none.
func buildingName(s string, i int, need buildingNeed) int {
	i = skipSpacesComma(s, i)
	var toks []string
	end := 0
	for pos, tok := range nameWords(s, i) {
		tok = strings.TrimSuffix(tok, ".")
		lw := strings.ToLower(tok)
		if placeWords[lw] || endsStreet(lw) && (len(toks) > 0 || lw != "the") {
			break
		}
		toks = append(toks, tok)
		end = pos + len(tok)
		if len(toks) == 4 {
			break
		}
	}
	if len(toks) == 0 {
		return 0
	}
	last := strings.ToLower(toks[len(toks)-1])
	house := houseTypeWords[last]
	typed := house || streetWords[last]
	capitals := true
	for k, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		capitals = capitals && unicode.IsUpper(r)
		// "The Old Rectory", capitalised so, names a house (houseNameRE); "the old house" is none.
		theOld := k == 1 && t == "Old" && toks[0] == "The"
		if lw := strings.ToLower(t); ordinaryWord(lw) && !(k == 0 && lw == "the") && !(k == len(toks)-1 && typed) && !theOld {
			return 0
		}
	}
	if house && publicHall(toks[0], strings.Join(toks, " ")) || publicBuildingWords[last] || publicHouses[strings.ToLower(strings.Join(toks, " "))] {
		return 0 // "Address: County Hall, …", "Civic Offices": the council's, quoted from a notice
	}
	streetEnd := streetAfterComma(s, end)
	switch need {
	case buildingHouse:
		if !house || !capitals || len(toks) < 2 {
			return 0
		}
	case buildingTyped:
		if !typed || len(toks) < 2 {
			return 0
		}
	default:
		if !(typed && len(toks) >= 2 || capitals && (len(toks) >= 2 || streetEnd > 0)) {
			return 0
		}
	}
	return max(end, streetEnd)
}

// streetAfterComma returns the end of a street named after a comma at byte i (", Avebury
// Boulevard": capitalised words ending in a street type), or 0.
func streetAfterComma(s string, i int) int {
	if i >= len(s) || s[i] != ',' {
		return 0
	}
	pos := skipSpaces(s, i+1)
	for n := 0; n < 4 && pos > 0; n++ {
		tok, next := readNameToken(s, pos)
		tok = strings.TrimSuffix(tok, ".")
		r, _ := utf8.DecodeRuneInString(tok)
		if tok == "" || !unicode.IsUpper(r) {
			return 0
		}
		if n > 0 && streetWords[strings.ToLower(tok)] {
			return pos + len(tok)
		}
		pos = next
	}
	return 0
}

// saintFollows reports whether a street ending "St" goes on with a saint's name, so that "St" is
// a saint's: "I live in Chalfont St Giles" is a village (it was redacted to "[address] Giles",
// and the council it names was lost).
func saintFollows(street, after string) bool {
	if !strings.HasSuffix(strings.ToLower(street), " st") && !strings.EqualFold(street, "st") {
		return false
	}
	after = strings.TrimPrefix(after, ".")
	if !strings.HasPrefix(after, " ") {
		return false
	}
	tok, _ := readNameToken(after, 1)
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) && placeSaints[strings.ToLower(tok)] // "High St Wendover" is a street and its town
}

// placeSaints are the saints places are named for after "St": "Chalfont St Giles", "St Albans".
var placeSaints = setOf(`giles peter peters albans leonards leonard neots ives helens helen austell davids andrews
	edmunds johns john marys mary margarets margaret pauls paul michaels michael georges george asaph osyth
	columb mawes agnes just blazey budeaux germans catherine catherines nicholas lawrence annes anne brides`)

// townFollows reports whether a town of the councils' areas is the next word after byte i: "4 the
// crescent wolverton, how long …".
func townFollows(s string, i int) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	tok, _ := readNameToken(s, i+1)
	lw := strings.ToLower(strings.TrimSuffix(tok, "."))
	return placeWords[lw] || townSurnames[lw]
}

// streetNameOK reports whether the words before a street type can name a street: none is an
// ordinary word that shows a quantity or a phrase ("6 years in the park", "live in a quiet road"),
// though "The" may start one ("12 The Green"), and so may "the" where lowerThe says so.
func streetNameOK(words string, lowerThe bool) bool {
	for i, w := range strings.FieldsFunc(words, unicode.IsSpace) {
		lw := strings.ToLower(w)
		if !addressStop[lw] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); i == 0 && lw == "the" && (lowerThe || unicode.IsUpper(r)) {
			continue
		}
		return false
	}
	return true
}

// titleLikeDr reports whether the street type suffix, after the street's words, is "Dr" read as
// a doctor rather than a drive: "I saw 2 different Dr", not "22 Windermere Dr".
func titleLikeDr(words, suffix string) bool {
	if !strings.EqualFold(suffix, "dr") {
		return false
	}
	for _, w := range strings.Fields(words) {
		if ordinaryWord(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// numberLabels are words after which a number counts something in a document or a list ("step 2
// the park"), not a house.
var numberLabels = setOf(docPartWords + ` page pages p pg step steps point points question
	questions q option options item items stage phase level reason`)

// publicHall reports whether the house name, whose first word is first, is a hall the public
// use, not a home: "County Hall, Walton Street", "Village Hall, Church Lane". "Church Cottage"
// and "Town House" may be homes.
func publicHall(first, name string) bool {
	lw := strings.ToLower(first)
	return strings.EqualFold(lastWord(name), "hall") && (orgWords[lw] || publicHallWords[lw])
}

// publicHallWords open the names of halls the public use.
var publicHallWords = setOf(`village community civic memorial scout scouts guide guides sports
	leisure church chapel parish mission masonic`)

// setOf makes a set from whitespace-separated words.
func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
