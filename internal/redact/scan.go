package redact

import "regexp"

// pattern is a regular expression tried only at the positions where a match could start. Go's
// regexp has no DFA, so searching a 100 KB transcript with a dozen patterns is slow; a cheap test
// of one or two bytes followed by an anchored match on a short window is many times faster, and
// it also lets the tests of what precedes a match see the whole text (a regexp searching a slice
// takes its start for a word boundary).
type pattern struct {
	re       *regexp.Regexp // anchored at the start of the window
	maxLen   int            // no match is longer than this many bytes
	canStart func(s string, i int) bool
}

// newPattern compiles expr to be matched at positions of s where canStart(s, i) holds.
func newPattern(expr string, maxLen int, canStart func(s string, i int) bool) pattern {
	return pattern{re: regexp.MustCompile(`^(?:` + expr + `)`), maxLen: maxLen, canStart: canStart}
}

// each calls fn for each match, leftmost first, with the submatch offsets (as from
// FindStringSubmatchIndex) made relative to s. fn returns the offset at which to look for the next
// match, normally the end of what it accepted, or -1 to look again one byte on.
func (p pattern) each(s string, fn func(m []int) int) { p.eachFrom(s, 0, fn) }

// eachFrom is each for the matches that start at byte from or after.
func (p pattern) eachFrom(s string, from int, fn func(m []int) int) {
	for i := from; i < len(s); i++ {
		if !p.canStart(s, i) {
			continue
		}
		hi := min(len(s), i+p.maxLen)
		m := p.re.FindStringSubmatchIndex(s[i:hi])
		if m != nil && i+m[1] == hi && hi < len(s) {
			// The window may have cut the match (or a trailing \b) short: look once at a wider
			// one, never at the whole rest, so that no input can make the scan quadratic.
			m = p.re.FindStringSubmatchIndex(s[i:min(len(s), i+4*p.maxLen)])
		}
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		if next := fn(m); next > i {
			i = next - 1
		}
	}
}

// digitStart reports whether a number starts at byte i.
func digitStart(s string, i int) bool { return isDigit(s[i]) && !wordBefore(s, i) }

// lowerASCII returns b in lower case if it is an ASCII letter.
func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool { b = lowerASCII(b); return 'a' <= b && b <= 'z' }

// wordStartIn reports whether a word starts at byte i with one of the (lower-case) letters in
// first.
func wordStartIn(first string) func(s string, i int) bool {
	var set [256]bool
	for j := 0; j < len(first); j++ {
		set[first[j]] = true
	}
	return func(s string, i int) bool { return set[lowerASCII(s[i])] && !wordBefore(s, i) }
}

// wordStartWith reports whether a word starts at byte i with one of prefixes (lower-case ASCII),
// ignoring case: a cheap test before trying a pattern that begins with those words.
func wordStartWith(prefixes ...string) func(s string, i int) bool {
	var first [256]bool
	for _, p := range prefixes {
		first[p[0]] = true
	}
	return func(s string, i int) bool {
		if !first[lowerASCII(s[i])] || wordBefore(s, i) {
			return false
		}
		for _, p := range prefixes {
			if hasPrefixFold(s[i:], p) {
				return true
			}
		}
		return false
	}
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if lowerASCII(s[j]) != prefix[j] {
			return false
		}
	}
	return true
}
