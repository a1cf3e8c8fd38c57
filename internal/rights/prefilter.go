package rights

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// pattern is a compiled cue with a literal prefilter: lits holds strings of
// which every match must contain at least one, so a message containing none
// of them skips the regular expression. Most cues fail on most messages, and
// a substring search is far cheaper than running the regexp engine; this is
// what keeps a few hundred cues fast. A nil lits means no usable prefilter.
type pattern struct {
	*regexp.Regexp
	lits []string
}

// minPrefilterLen is the shortest literal worth testing for: shorter ones
// occur in almost every message and filter nothing.
const minPrefilterLen = 3

func mustPattern(expr string) pattern {
	re := regexp.MustCompile(expr)
	p := pattern{Regexp: re}
	if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
		p.lits = requiredLiterals(tree.Simplify())
	}
	return p
}

// possible reports whether s may match: false only when s contains none of
// the required literals.
func (p pattern) possible(s string) bool {
	if p.lits == nil {
		return true
	}
	for _, l := range p.lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// requiredLiterals returns a set of strings one of which occurs in every
// match of re, or nil when it cannot say.
func requiredLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			if l := requiredLiterals(sub); l != nil {
				if n := shortest(l); n > bestLen {
					best, bestLen = l, n
				}
			}
		}
		if bestLen < minPrefilterLen {
			return nil
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l := requiredLiterals(sub)
			if l == nil || shortest(l) < minPrefilterLen {
				return nil
			}
			all = append(all, l...)
		}
		return all
	}
	return nil
}

func shortest(ls []string) int {
	n := -1
	for _, l := range ls {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}
