package notice

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split cuts a notice into passages along its own structure:
//   - headings (Markdown "#" lines, short lines without a full stop, question headings such as
//     "What rights do you have?", numbered section lines such as "6 Where possible, …") start a
//     new section and become the heading path of the passages under them;
//   - a bullet list stays with the sentence that introduces it;
//   - a "|" table becomes one passage per row, each with the table's header;
//   - runs of short lines (an address block) stay together, and so do short neighbouring
//     paragraphs of one section (a phone line and a postal line).
func Split(n Notice) []Passage {
	blocks := splitBlocks(n.Body, n.Title)
	blocks = mergeShort(blocks)
	out := make([]Passage, 0, len(blocks))
	for _, b := range blocks {
		text := strings.TrimSpace(b.text)
		if text == "" {
			continue
		}
		pos := len(out)
		out = append(out, Passage{
			ID:           fmt.Sprintf("%s#%d", n.ID, pos),
			NoticeID:     n.ID,
			Title:        n.Title,
			Organisation: n.Organisation,
			Service:      n.Service,
			Source:       n.Source,
			Updated:      n.UpdatedString(),
			Headings:     append([]string(nil), b.headings...),
			Text:         text,
			Position:     pos,
		})
	}
	return out
}

// block is a passage before it is numbered.
type block struct {
	headings []string
	text     string
	kind     blockKind
}

type blockKind int

const (
	kindParagraph blockKind = iota
	kindList                // a lead-in with its bullets
	kindTableRow
	kindLines // a run of short lines: an address or contact block
)

type lineKind int

const (
	lineBlank lineKind = iota
	lineText
	lineBullet
	lineTable
	lineHeading
	lineShort // short, unpunctuated, not clearly a heading on its own (part of a run)
)

var (
	numberedHeadingRe = regexp.MustCompile(`^\d{1,2}\.?\s+[A-Z]`)
	tierHeadingRe     = regexp.MustCompile(`^(Tier|Part|Section|Schedule)\s+\d+\s*[:.-]`)
	contactLineRe     = regexp.MustCompile(`^[A-Za-z][A-Za-z. ]{0,20}:\s*\S`)
	tableSeparatorRe  = regexp.MustCompile(`^[\s|:-]+$`)
	bulletRe          = regexp.MustCompile(`^(?:[•·▪◦‣*]|[-–—](?:\s|$))\s*`)
	// boldHeadingRe is a Markdown line that is all bold ("**Library members**"): a subheading.
	boldHeadingRe = regexp.MustCompile(`^(?:\*\*|__)([^*_].{0,118}?)(?:\*\*|__):?$`)
	// phoneOrEmailRe finds what makes a "label: value" line a contact line, however long its
	// label ("Planning and building control enquiries: 01632 960 540").
	phoneOrEmailRe = regexp.MustCompile(`(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|[\w.+-]+@[\w-]+\.[\w.]+`)
)

// splitBlocks walks the lines of a notice body and groups them into blocks.
func splitBlocks(body, title string) []block {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	kinds := make([]lineKind, len(lines))
	for i, l := range lines {
		kinds[i] = classify(l)
	}
	markShortRuns(lines, kinds)

	var (
		blocks   []block
		headings []headingAt
		cur      *block // the open list or paragraph that bullets may join
		bare     = -1   // index into headings of a heading nothing has been written under yet
	)
	path := func() []string {
		hs := make([]string, len(headings))
		for i, h := range headings {
			hs[i] = h.text
		}
		return hs
	}
	flush := func() {
		if cur != nil {
			blocks = append(blocks, *cur)
			cur = nil
			bare = -1
		}
	}
	// keepBare turns a heading with nothing under it ("Data Request Form - for self") into a
	// passage of its own, so no line of a notice is lost.
	keepBare := func() {
		if bare >= 0 && bare < len(headings) {
			h := headings[bare]
			hs := make([]string, bare)
			for i := range hs {
				hs[i] = headings[i].text
			}
			blocks = append(blocks, block{headings: hs, text: h.text, kind: kindParagraph})
		}
		bare = -1
	}
	for i := 0; i < len(lines); i++ {
		line := tidy(lines[i])
		switch kinds[i] {
		case lineBlank:
			// A blank line ends a paragraph but not a list: bullets after a blank line still
			// belong to the lead-in before it.
			if cur != nil && cur.kind == kindParagraph && !strings.HasSuffix(cur.text, ":") && !nextIsBullet(kinds, i) {
				flush()
			}
		case lineHeading:
			flush()
			text := headingText(line)
			if strings.EqualFold(text, strings.TrimSpace(title)) && len(blocks) == 0 && len(headings) == 0 {
				continue // the title repeated as the first line
			}
			level := headingLevel(line)
			if bare >= 0 && headings[bare].level >= level {
				keepBare()
			}
			for len(headings) > 0 && headings[len(headings)-1].level >= level {
				headings = headings[:len(headings)-1]
			}
			headings = append(headings, headingAt{level: level, text: text})
			bare = len(headings) - 1
		case lineBullet:
			if cur == nil {
				cur = &block{headings: path(), kind: kindList}
			}
			cur.kind = kindList
			cur.text = joinLine(cur.text, line)
		case lineTable:
			flush()
			j := i
			for j < len(lines) && (kinds[j] == lineTable || kinds[j] == lineBlank) {
				j++
			}
			blocks = append(blocks, tableRows(lines[i:j], path())...)
			bare = -1
			i = j - 1
		case lineShort:
			flush()
			j := i
			var run []string
			for j < len(lines) && kinds[j] == lineShort {
				run = append(run, tidy(lines[j]))
				j++
			}
			blocks = append(blocks, block{headings: path(), text: strings.Join(run, "\n"), kind: kindLines})
			bare = -1
			i = j - 1
		default: // text
			if cur != nil && (cur.kind == kindList || !strings.HasSuffix(cur.text, ":")) {
				flush()
			}
			if cur != nil { // a lead-in ending with ":" takes the lines that follow it
				cur.text = joinLine(cur.text, line)
				continue
			}
			cur = &block{headings: path(), text: line, kind: kindParagraph}
		}
	}
	flush()
	keepBare()
	return blocks
}

type headingAt struct {
	level int
	text  string
}

func nextIsBullet(kinds []lineKind, i int) bool {
	for j := i + 1; j < len(kinds); j++ {
		if kinds[j] == lineBlank {
			continue
		}
		return kinds[j] == lineBullet
	}
	return false
}

func joinLine(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// tidy trims a line and folds runs of spaces and tabs, keeping the words exactly.
func tidy(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' }), " ")
}

// classify decides what one line of a notice is, on its own.
func classify(raw string) lineKind {
	l := tidy(raw)
	switch {
	case l == "":
		return lineBlank
	case strings.HasPrefix(l, "#"), boldHeadingRe.MatchString(l):
		return lineHeading
	case bulletRe.MatchString(l) && !tableSeparatorRe.MatchString(l):
		return lineBullet
	case strings.Count(l, "|") >= 2 || strings.HasSuffix(l, "|") || tableSeparatorRe.MatchString(l) && strings.Contains(l, "|"):
		return lineTable
	case tierHeadingRe.MatchString(l):
		return lineHeading
	case numberedHeadingRe.MatchString(l) && !endsSentence(l) && utf8.RuneCountInString(l) <= 400:
		return lineHeading
	}
	if looksLikeHeading(l) {
		return lineHeading
	}
	return lineText
}

// looksLikeHeading is true for short lines that name a section: no closing full stop, a capital
// first letter, at most twelve words, and not a "Tel: 01908 …" contact line. A question of at most
// twelve words ("What rights do you have?") is a heading too.
func looksLikeHeading(l string) bool {
	first, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	words := len(strings.Fields(l))
	if startsLikeSentence(l) {
		return false
	}
	if strings.HasSuffix(l, "?") {
		return words <= 12
	}
	if endsSentence(l) || strings.HasSuffix(l, ":") || strings.HasSuffix(l, ",") || strings.HasSuffix(l, "(") {
		return false
	}
	if brokenOff(l) || downloadLinkRe.MatchString(l) {
		return false // a broken-off sentence, or a link to a document ("… form (DOC, 94KB)")
	}
	if contactLineRe.MatchString(l) && strings.ContainsAny(l[strings.Index(l, ":"):], "0123456789@") {
		return false
	}
	if phoneOrEmailRe.MatchString(l) {
		return false // a contact line: headings don't give phone numbers or e-mail addresses
	}
	if postcodeRe.MatchString(l) || strings.Count(l, ",") >= 2 {
		return false // an address, not a heading
	}
	return words <= 12 && utf8.RuneCountInString(l) <= 100
}

// downloadLinkRe matches the file type and size a web page shows after a link to a document.
var downloadLinkRe = regexp.MustCompile(`(?i)\((?:pdf|docx?|xlsx?|odt|rtf|csv|pptx?)\b[^)]*\d\s*[km]b\)\s*$`)

// brokenOff is true for a sentence that lost its end: captured pages drop the link or e-mail
// address a sentence ended with ("Once completed you should email it to", "contact us at"),
// leaving a short line with no full stop that is not a heading. Headings don't end on an
// article or a conjunction, nor on "to" after a modal verb.
func brokenOff(l string) bool {
	words := strings.Fields(strings.ToLower(l))
	if len(words) < 3 {
		return false
	}
	switch words[len(words)-1] {
	case "the", "a", "an", "at", "via", "and", "or", "our", "your", "their", "its":
		return true
	case "to":
		for _, w := range words[:len(words)-1] {
			switch w {
			case "should", "must", "can", "could", "will", "may", "would":
				return true
			}
		}
	}
	return false
}

func endsSentence(l string) bool {
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, ".)") || strings.HasSuffix(l, ";")
}

// markShortRuns turns three or more consecutive short lines (no blank line between them) into
// one block: in a notice that has no blank lines, an address is a run of short lines, and each
// of them would otherwise look like a heading.
func markShortRuns(lines []string, kinds []lineKind) {
	isShort := func(i int) bool {
		l := tidy(lines[i])
		if kinds[i] != lineHeading && kinds[i] != lineText {
			return false
		}
		if strings.HasPrefix(l, "#") || boldHeadingRe.MatchString(l) || tierHeadingRe.MatchString(l) || numberedHeadingRe.MatchString(l) {
			return false
		}
		return utf8.RuneCountInString(l) <= 60 && !endsSentence(l) && !strings.HasSuffix(l, "?")
	}
	for i := 0; i < len(lines); {
		if !isShort(i) {
			i++
			continue
		}
		j := i
		for j < len(lines) && isShort(j) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				kinds[k] = lineShort
			}
		}
		i = j
	}
}

// headingText is what a heading line says, without its Markdown marks.
func headingText(line string) string {
	if m := boldHeadingRe.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[1])
	}
	return strings.TrimSpace(strings.TrimLeft(line, "#"))
}

// boldLevel ranks a bold line below every Markdown heading: it names a part of a section.
const boldLevel = 7

// headingLevel ranks headings: Markdown by its #s, "Tier 2:" above numbered and plain headings,
// a bold line below them all.
func headingLevel(l string) int {
	if boldHeadingRe.MatchString(l) {
		return boldLevel
	}
	if strings.HasPrefix(l, "#") {
		return len(l) - len(strings.TrimLeft(l, "#"))
	}
	if tierHeadingRe.MatchString(l) {
		return 1
	}
	return 2
}

// tableRows turns the lines of a "|" table into one block per row, each starting with the header.
// A row may be written over several lines ("Erasure |" then its description "… |"): cells are
// gathered until a row has as many cells as the header.
func tableRows(lines []string, headings []string) []block {
	var cells []string
	for _, l := range lines {
		l = tidy(l)
		if l == "" || tableSeparatorRe.MatchString(l) {
			continue
		}
		l = strings.TrimPrefix(l, "|")
		l = strings.TrimSuffix(l, "|")
		for _, c := range strings.Split(l, "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
	}
	if len(cells) == 0 {
		return nil
	}
	width := 0
	// The header is the first line's cells.
	first := strings.TrimSuffix(strings.TrimPrefix(tidy(lines[0]), "|"), "|")
	width = len(strings.Split(first, "|"))
	if width < 2 {
		width = 2
	}
	header := cells[:min(width, len(cells))]
	var out []block
	for i := width; i < len(cells); i += width {
		row := cells[i:min(i+width, len(cells))]
		text := strings.Join(header, " | ") + "\n" + strings.Join(row, " | ")
		hs := append(append([]string(nil), headings...), row[0])
		out = append(out, block{headings: hs, text: text, kind: kindTableRow})
	}
	return out
}

// mergeShort joins neighbouring short paragraphs of one section ("Tel. No: …", then "Post: …"),
// which mean little apart.
func mergeShort(blocks []block) []block {
	const short, limit = 160, 420
	var out []block
	for _, b := range blocks {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if prev.kind != kindTableRow && b.kind != kindTableRow && b.kind != kindList &&
				sameHeadings(prev.headings, b.headings) &&
				(len(prev.text) <= short || prev.kind == kindLines) && len(b.text) <= short && len(prev.text)+len(b.text) <= limit &&
				(prev.kind == kindLines || isContactish(prev.text)) && (b.kind == kindLines || isContactish(b.text)) {
				prev.text += "\n" + b.text
				prev.kind = kindLines
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

var postcodeRe = regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`)

var contactishRe = regexp.MustCompile(`(?i)(\b(tel|telephone|phone|post|email|e-mail|address)\b.*[:\d])|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`)

func isContactish(s string) bool { return contactishRe.MatchString(s) || phoneOrEmailRe.MatchString(s) }

func sameHeadings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// startsLikeSentence is true for lines that open the way sentences do and headings don't
// ("If you have any questions … please contact us" has no full stop but is not a heading).
func startsLikeSentence(l string) bool {
	fields := strings.Fields(l)
	first := strings.ToLower(fields[0])
	if first == "our" && len(fields) <= 4 && !endsSentence(l) {
		return false // "Our lawful basis" names a section; "Our … is …" sentences are longer
	}
	switch first {
	case "if", "please", "you", "we", "our", "this", "these", "it", "they", "any", "all", "for", "to", "and", "but", "or", "see":
		return true
	}
	return false
}
