// Package notice is the domain of privacy notices: what a notice is, how one is read from
// Markdown or plain text, and how it is split into passages small enough to quote.
//
// It must not import any search engine, database, network or chat-platform package.
package notice

import (
	"fmt"
	"strings"
	"time"
)

// Notice is one privacy notice as a council published it.
type Notice struct {
	ID           string // stable id, the file stem unless front matter says otherwise
	Title        string
	Organisation string // canonical organisation name (see Organisations)
	Service      string
	Source       string    // URL of the published notice; empty when unknown
	Updated      time.Time // zero when unknown
	Body         string    // the notice's text, exactly as published
	File         string    // where it was read from, for error messages
}

// UpdatedString renders Updated as YYYY-MM-DD, or "" when unknown.
func (n Notice) UpdatedString() string {
	if n.Updated.IsZero() {
		return ""
	}
	return n.Updated.Format(time.DateOnly)
}

// Passage is a quotable piece of a notice: a paragraph, a list with its lead-in, or a table row
// with its header. It carries enough of its notice to be cited on its own.
type Passage struct {
	ID           string   // "<notice id>#<position>"
	NoticeID     string   // the notice it comes from
	Title        string   // the notice's title
	Organisation string   // the notice's organisation
	Service      string   // the notice's service
	Source       string   // the notice's source URL, if known
	Updated      string   // the notice's updated date, YYYY-MM-DD, if known
	Headings     []string // heading path, outermost first
	Text         string   // the passage text, as published (white space tidied)
	Position     int      // 0-based order of the passage within its notice
}

// Section is the heading path joined for display ("Data rights › Erasure").
func (p Passage) Section() string { return strings.Join(p.Headings, " › ") }

// ParseError reports a notice file that can't be read, with the line at fault.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
