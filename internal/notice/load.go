package notice

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Corpus is a set of notices and what is known about the organisations behind them.
type Corpus struct {
	Notices       []Notice
	Organisations *Organisations
}

// Notice returns the notice with the given id.
func (c *Corpus) Notice(id string) (Notice, bool) {
	for _, n := range c.Notices {
		if n.ID == id {
			return n, true
		}
	}
	return Notice{}, false
}

// Passages splits every notice of the corpus into passages, in notice order.
func (c *Corpus) Passages() []Passage {
	var out []Passage
	for _, n := range c.Notices {
		out = append(out, Split(n)...)
	}
	return out
}

// maxNoticeBytes bounds a single notice file; privacy notices are tens of kilobytes.
const maxNoticeBytes = 4 << 20

// ErrEmptyCorpus is returned when a directory holds no notices.
var ErrEmptyCorpus = errors.New("no notices (.md or .txt files) found")

// Load reads every .md and .txt file at the top of fsys as a notice, and organisations.yaml when
// present. Notices are sorted by id; two notices with one id are an error.
func Load(fsys fs.FS) (*Corpus, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read corpus directory: %w", err)
	}
	c := &Corpus{}
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		ext := strings.ToLower(path.Ext(name))
		if ext != ".md" && ext != ".txt" || strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read notice %s: %w", name, err)
		}
		n, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[n.ID]; dup {
			return nil, &ParseError{File: name, Err: fmt.Errorf("notice id %q is also used by %s", n.ID, other)}
		}
		seen[n.ID] = name
		c.Notices = append(c.Notices, n)
	}
	if len(c.Notices) == 0 {
		return nil, ErrEmptyCorpus
	}
	sort.Slice(c.Notices, func(i, j int) bool { return c.Notices[i].ID < c.Notices[j].ID })

	orgs := &Organisations{}
	if data, err := fs.ReadFile(fsys, "organisations.yaml"); err == nil {
		if orgs, err = ParseOrganisations("organisations.yaml", data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read organisations.yaml: %w", err)
	}
	for i, n := range c.Notices {
		if strings.TrimSpace(n.Organisation) == "" {
			n.Organisation = namedOrganisation(orgs, n)
		}
		orgs.add(n.Organisation)
		c.Notices[i].Organisation = strings.TrimSpace(n.Organisation)
	}
	c.Organisations = orgs
	return c, nil
}

// frontMatter is the YAML header of a Markdown notice. Unknown keys are ignored.
type frontMatter struct {
	ID           string `yaml:"id"`
	Title        string `yaml:"title"`
	Organisation string `yaml:"organisation"`
	Organization string `yaml:"organization"`
	Service      string `yaml:"service"`
	Source       string `yaml:"source"`
	Updated      string `yaml:"updated"`
}

// Parse reads one notice file. Markdown may start with YAML front matter between "---" lines;
// a .txt file's first line is its title. The id defaults to the file stem.
func Parse(name string, data []byte) (Notice, error) {
	if len(data) > maxNoticeBytes {
		return Notice{}, &ParseError{File: name, Err: fmt.Errorf("file is %d bytes, more than the %d a notice may have", len(data), maxNoticeBytes)}
	}
	if !utf8.Valid(data) {
		return Notice{}, &ParseError{File: name, Line: firstInvalidLine(data), Err: errors.New("not valid UTF-8 text")}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return Notice{}, &ParseError{File: name, Line: 1 + bytes.Count(data[:bytes.IndexByte(data, 0)], []byte("\n")), Err: errors.New("binary data (a NUL byte) in a text notice")}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	stem := strings.TrimSuffix(path.Base(name), path.Ext(name))
	n := Notice{ID: stem, File: name}

	body := text
	if strings.EqualFold(path.Ext(name), ".md") && (strings.HasPrefix(text, "---\n") || text == "---") {
		end := strings.Index(text[4:], "\n---")
		if end < 0 {
			return Notice{}, &ParseError{File: name, Line: 1, Err: errors.New("front matter opened with --- is never closed")}
		}
		header := text[4 : 4+end]
		body = text[4+end+4:]
		body = strings.TrimPrefix(body, "\n")
		var fm frontMatter
		if err := yaml.Unmarshal([]byte(header), &fm); err != nil {
			return Notice{}, &ParseError{File: name, Line: 1 + yamlLine(err), Err: fmt.Errorf("front matter: %s", yamlMessage(err))}
		}
		if fm.ID != "" {
			n.ID = strings.TrimSpace(fm.ID)
		}
		n.Title = strings.TrimSpace(fm.Title)
		n.Organisation = firstNonEmpty(fm.Organisation, fm.Organization)
		n.Service = strings.TrimSpace(fm.Service)
		n.Source = strings.TrimSpace(fm.Source)
		if fm.Updated != "" {
			t, err := parseDate(fm.Updated)
			if err != nil {
				return Notice{}, &ParseError{File: name, Line: 1 + keyLine(header, "updated"), Err: err}
			}
			n.Updated = t
		}
	}
	if strings.TrimSpace(body) == "" {
		return Notice{}, &ParseError{File: name, Err: errors.New("the notice has no text")}
	}
	if n.Title == "" {
		n.Title = firstLine(body)
	}
	if !validID(n.ID) {
		return Notice{}, &ParseError{File: name, Err: fmt.Errorf("notice id %q may contain only letters, digits, '-', '_' and '.'", n.ID)}
	}
	if n.Updated.IsZero() {
		n.Updated = lastUpdatedInText(body)
	}
	n.Body = body
	return n, nil
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

func validID(id string) bool { return idPattern.MatchString(id) }

// parseDate accepts the date forms notices and admins write.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "2 January 2006", "2 Jan 2006", "January 2, 2006", "02/01/2006", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("updated: %q is not a date (write YYYY-MM-DD)", s)
}

// lastUpdatedRe finds a "Last updated: 17 May 2018" line in a notice without front matter.
var lastUpdatedRe = regexp.MustCompile(`(?im)^\s*last\s+updated:?\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$`)

func lastUpdatedInText(body string) time.Time {
	m := lastUpdatedRe.FindStringSubmatch(body)
	if m == nil {
		return time.Time{}
	}
	t, err := parseDate(m[1])
	if err != nil {
		return time.Time{}
	}
	return t
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#"))
		if l != "" {
			if len(l) > 200 {
				l = l[:200]
			}
			return l
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// yamlLine extracts the line number yaml.v3 puts in its messages (1-based within the header).
func yamlLine(err error) int {
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			return n
		}
	}
	return 1
}

func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = yamlLineRe.ReplaceAllString(msg, "")
	return strings.Trim(strings.TrimSpace(msg), ": ")
}

// keyLine finds the 1-based line of key within a YAML header.
func keyLine(header, key string) int {
	for i, l := range strings.Split(header, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key+":") {
			return i + 1
		}
	}
	return 1
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// namedOrganisation is the organisation a notice without front matter belongs to: the known
// organisation its title names ("Planning privacy notice - Kingsford County Council"), else the
// one its text names first (a notice introduces its data controller at the start). "" when it
// names none of them: a notice is never given an organisation it doesn't name.
func namedOrganisation(orgs *Organisations, n Notice) string {
	if named := orgs.NamedIn(n.Title); len(named) > 0 {
		return named[0]
	}
	if named := orgs.NamedIn(n.Body); len(named) > 0 {
		return named[0]
	}
	return ""
}
