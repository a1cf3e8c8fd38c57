package answer

// Tables: a notice's "|" table is split row by row, each row a passage with the table's header,
// under a heading of its own. Quoted, rows are read under the table's heading, and a question
// the table answers as a whole is answered with every row.

import (
	"slices"
	"strings"

	"github.com/privacybot/privacybot/internal/notice"
)

// tableOf is the table a passage is a row of ("" when it is none): its notice, the headings over
// the table and its header line.
func tableOf(p notice.Passage) string {
	header, _, ok := splitTableRow(p.Text)
	if !ok || len(p.Headings) == 0 {
		return ""
	}
	return p.NoticeID + "\x00" + strings.Join(p.Headings[:len(p.Headings)-1], " › ") + "\x00" + header
}

// quotedSection is the heading a passage is quoted under: its section's, or for a table row the
// table's (the row names itself: "Erasure | You have the right …").
func quotedSection(p notice.Passage) []string {
	if tableOf(p) != "" {
		return p.Headings[:len(p.Headings)-1]
	}
	return p.Headings
}

// wholeTables quotes every row of a table when two or more of its rows were chosen and what the
// question asks the table's header and headings say already: "what rights do I have?" is asked
// of Buckinghamshire's table of rights ("Name of right | What this means"), and was answered with
// two of its eight rows, which an adviser reading it out gave as all the resident has. "Can I ask
// you to delete my data?" asks what one row says, and is answered by it. Rows not among the
// hits are added to them.
func (c *Composer) wholeTables(hits []Hit, chosen []candidate, reqs []requirement) ([]Hit, []candidate) {
	rows := map[string][]int{} // a table's chosen rows, by index into chosen
	var tables []string
	for i, cd := range chosen {
		if t := tableOf(hits[cd.hit].Passage); t != "" {
			if rows[t] == nil {
				tables = append(tables, t)
			}
			rows[t] = append(rows[t], i)
		}
	}
	for _, t := range tables {
		if len(rows[t]) < 2 {
			continue
		}
		first := chosen[rows[t][0]]
		p := hits[first.hit].Passage
		header, _, _ := strings.Cut(p.Text, "\n")
		said := []map[string]bool{c.acronyms.Concepts(header + " " + strings.Join(quotedSection(p), " ")), c.acronyms.Concepts(p.Title + " " + p.Service)}
		asksOfARow := false
		for _, r := range reqs {
			asksOfARow = asksOfARow || !r.context && !names(r, said...)
		}
		if asksOfARow {
			continue
		}
		all := c.tableRows[[2]string{c.canonical(p.Organisation), t}]
		if len(all) > maxQuotedItems || len(all) <= len(rows[t]) {
			continue
		}
		// The table's rows in its order, in the place of the first row chosen.
		var table []candidate
		for _, o := range all {
			hit := slices.IndexFunc(hits, func(h Hit) bool { return h.Passage.ID == o.ID })
			if hit < 0 {
				hits = append(hits, Hit{Passage: o})
				hit = len(hits) - 1
			}
			us := c.unitsOf(o)
			if len(us) != 1 {
				continue
			}
			table = append(table, candidate{hit: hit, unit: us[0], coverage: first.coverage, score: first.score})
		}
		var out []candidate
		for i, cd := range chosen {
			switch {
			case i == rows[t][0]:
				out = append(out, table...)
			case slices.Contains(rows[t], i):
			default:
				out = append(out, cd)
			}
		}
		return hits, out // one table a question: an answer of two whole tables is no short answer
	}
	return hits, chosen
}
