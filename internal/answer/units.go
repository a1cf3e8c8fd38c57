package answer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is the smallest quotable piece of a passage: a sentence, a bullet, a table row, or a
// contact block (quoted whole: an address cut in half is useless).
type unit struct {
	text   string
	leadIn bool     // the sentence that introduces a list
	items  []string // the list a lead-in introduces, quoted with it
	block  bool     // a contact or address block: its heading says what it is
	item   bool     // a bullet of a list
}

// maxQuotedItems bounds the bullets quoted with their lead-in: a longer list is cited, not
// pasted, and says how much of it is left to read. Twelve cut "who does employment support share
// data with?" before courts, debt collectors and the press, and an adviser reading it out gave
// the rest as the whole list (a QA pass).
const maxQuotedItems = 20

// maxReadItems bounds the bullets a lead-in is read with, for what it is about: the words of
// every bullet of a long list would have its lead-in answer almost anything. Each bullet is also
// read as a unit of its own.
const maxReadItems = 12

// tableRow is the row of a table row read with its header as a block of two short lines
// ("Name of right | What this means" over "Access | You have the right …"): quoted, the header
// is left out, as a heading is (a QA pass found it opening every rights quote).
func (u unit) tableRow() (string, bool) {
	if !u.block {
		return "", false
	}
	_, row, ok := splitTableRow(u.text)
	return row, ok
}

// splitTableRow splits a table row with its header, as the notice splitter writes one (a header
// line over a row line, each with a "|"), into the two.
func splitTableRow(text string) (header, row string, ok bool) {
	header, row, ok = strings.Cut(text, "\n")
	if !ok || strings.Contains(row, "\n") || !tableRowRe.MatchString(header) || !tableRowRe.MatchString(row) {
		return "", "", false
	}
	return header, row, true
}

// read is the text a unit is analysed by: a lead-in with its first bullets.
func (u unit) read() string {
	return u.withItems(maxReadItems, func([]string) string { return leftOut })
}

// quote is how a unit is quoted: a lead-in with the bullets it introduces, so "may include:" is
// never left hanging.
func (u unit) quote() string {
	if row, ok := u.tableRow(); ok {
		return row
	}
	return u.withItems(maxQuotedItems, func(rest []string) string {
		if slices.Contains(rest, leftOut) {
			// A leftOut among them stands for bullets not counted here.
			return leftOut + " (more in the notice)"
		}
		return fmt.Sprintf("%s (%d more in the notice)", leftOut, len(rest))
	})
}

// withItems is the unit's text with its bullets, at most limit of them, then what rest says of
// the bullets left.
func (u unit) withItems(limit int, rest func(left []string) string) string {
	if len(u.items) == 0 {
		return u.text
	}
	items := u.items
	if len(items) > limit {
		items = append(items[:limit:limit], rest(items[limit:]))
	}
	return u.text + "\n  – " + strings.Join(items, "\n  – ")
}

var (
	bulletLineRe = regexp.MustCompile(`^(?:[•·▪◦‣*]|[-–—](?:\s|$))\s*`)
	tableRowRe   = regexp.MustCompile(`\|`)
)

// units splits a passage's text into quotable units.
func units(text string) []unit {
	lines := strings.Split(text, "\n")
	if isBlockOfShortLines(lines) {
		return []unit{{text: strings.Join(lines, "\n"), block: true}}
	}
	if _, row, ok := splitTableRow(text); ok {
		// A table row with its header: the row is the unit, the header is context.
		return []unit{{text: row}}
	}
	var out []unit
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if bulletLineRe.MatchString(l) {
			out = append(out, unit{text: strings.TrimSpace(bulletLineRe.ReplaceAllString(l, "")), item: true})
			continue
		}
		next := nextLine(lines, i) // a blank line may stand between a list and its lead-in
		isLeadIn := next > 0 && bulletLineRe.MatchString(strings.TrimSpace(lines[next]))
		ss := sentences(l)
		for si, s := range ss {
			u := unit{text: s, leadIn: isLeadIn}
			if isLeadIn && si == len(ss)-1 {
				u.items = bulletsAfter(lines, i)
			}
			out = append(out, u)
		}
	}
	return out
}

// Units splits a passage's text into the pieces the composer quotes: sentences, bullets, table
// rows, whole contact blocks. A bullet comes with the sentence that introduces its list, so it
// still says what it is a list of. Indexes use it to find a passage by its best piece.
func Units(text string) []string {
	var out []string
	lead := ""
	for _, u := range units(text) {
		switch {
		case u.leadIn:
			lead = u.text
			out = append(out, u.text)
		case lead != "" && isBulletOf(text, u.text):
			out = append(out, lead+"\n"+u.text)
		default:
			out = append(out, u.text)
		}
	}
	return out
}

// nextLine is the index of the first line after line i with text on it; 0 when none has.
func nextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return 0
}

// bulletsAfter returns the bullets of the list that starts after line i (after any blank line).
func bulletsAfter(lines []string, i int) []string {
	var out []string
	start := nextLine(lines, i)
	if start == 0 {
		return nil
	}
	for _, l := range lines[start:] {
		l = strings.TrimSpace(l)
		if !bulletLineRe.MatchString(l) {
			break
		}
		out = append(out, strings.TrimSpace(bulletLineRe.ReplaceAllString(l, "")))
	}
	return out
}

// isBulletOf reports whether s is a bullet line of text.
func isBulletOf(text, s string) bool {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if bulletLineRe.MatchString(l) && strings.TrimSpace(bulletLineRe.ReplaceAllString(l, "")) == s {
			return true
		}
	}
	return false
}

// isBlockOfShortLines is true for an address or contact block: several lines, all short.
func isBlockOfShortLines(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 140 || bulletLineRe.MatchString(strings.TrimSpace(l)) {
			return false
		}
	}
	return true
}

// sentences splits a paragraph at full stops, question and exclamation marks that are followed
// by a space and a capital letter, so "e.g. the NHS" or "6.5 years" stay whole.
func sentences(p string) []string {
	var out []string
	start := 0
	runes := []rune(p)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		j := i + 1
		for j < len(runes) && (runes[j] == ')' || runes[j] == '"' || runes[j] == '”' || runes[j] == '’') {
			j++
		}
		if j >= len(runes) || runes[j] != ' ' {
			continue
		}
		k := j
		for k < len(runes) && runes[k] == ' ' {
			k++
		}
		if k >= len(runes) || !(unicode.IsUpper(runes[k]) || unicode.IsDigit(runes[k]) || runes[k] == '“' || runes[k] == '(') {
			continue
		}
		if r == '.' && isAbbreviation(runes[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(runes[start:j])))
		start = k
		i = k - 1
	}
	if rest := strings.TrimSpace(string(runes[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbreviation reports whether the text before a full stop ends with a common abbreviation.
func isAbbreviation(before []rune) bool {
	s := strings.ToLower(string(before))
	for _, a := range []string{" e.g", " i.e", " mr", " mrs", " ms", " dr", " no", " tel", " st", " approx", " govt"} {
		if strings.HasSuffix(" "+s, a) {
			return true
		}
	}
	return false
}
