package deadline

import (
	"errors"
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// ParseError reports a holidays file that can't be used, with the line at fault when known.
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

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// parseChanges reads a holidays file. The format (YAML, or the same shape in JSON) is
//
//	holidays:
//	  - date: 2022-06-03                # required, YYYY-MM-DD
//	    name: Platinum Jubilee bank holiday  # required unless cancel
//	    regions: [scotland]             # optional; omitted means every region
//	    moved_from: 2022-05-30          # optional: the rules' holiday on that date is not one
//	    cancel: true                    # optional: date is NOT a bank holiday after all
//	    note: proclaimed 2021-…         # optional, ignored (JSON has no comments)
//
// Entries apply in order, after the standing rules, each to its own year.
func parseChanges(file string, data []byte) ([]change, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file changes nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &ParseError{File: file, Line: root.Line, Err: errors.New(`want a mapping with a "holidays" list`)}
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "holidays" {
			return nil, &ParseError{File: file, Line: k.Line, Err: fmt.Errorf(`unknown key %q (want "holidays")`, k.Value)}
		}
		list = v
	}
	if list == nil || (list.Kind == yaml.ScalarNode && list.Tag == "!!null") {
		return nil, nil
	}
	if list.Kind != yaml.SequenceNode {
		return nil, &ParseError{File: file, Line: list.Line, Err: errors.New(`"holidays" must be a list`)}
	}
	var out []change
	for _, item := range list.Content {
		chs, err := parseEntry(item)
		if err != nil {
			return nil, &ParseError{File: file, Line: item.Line, Err: err}
		}
		out = append(out, chs...)
	}
	return out, nil
}

// parseEntry reads one list item; a move becomes a cancellation followed by an addition.
func parseEntry(item *yaml.Node) ([]change, error) {
	if item.Kind != yaml.MappingNode {
		return nil, errors.New("each holiday must be a mapping with date and name")
	}
	var (
		ch        change
		movedFrom time.Time
		seen      = map[string]bool{}
	)
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if seen[k.Value] {
			return nil, fmt.Errorf("%q given twice", k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "date":
			ch.date, err = parseDate(v)
		case "moved_from":
			movedFrom, err = parseDate(v)
		case "name":
			err = v.Decode(&ch.name)
		case "cancel":
			err = v.Decode(&ch.cancel)
		case "note":
		case "regions":
			var names []string
			if err = v.Decode(&names); err != nil {
				break
			}
			for _, n := range names {
				if n == "" {
					return nil, errors.New("empty region name")
				}
				r, perr := ParseRegion(n)
				if perr != nil {
					return nil, perr
				}
				ch.regions = append(ch.regions, r)
			}
		default:
			return nil, fmt.Errorf("unknown key %q (want date, name, regions, moved_from, cancel, note)", k.Value)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.Value, err)
		}
	}
	switch {
	case ch.date.IsZero():
		return nil, errors.New("no date")
	case ch.cancel && !movedFrom.IsZero():
		return nil, errors.New("cancel and moved_from together: cancel the old date, or move it to this one")
	case !ch.cancel && ch.name == "":
		return nil, fmt.Errorf("holiday on %s has no name", ch.date.Format(time.DateOnly))
	}
	if movedFrom.IsZero() {
		return []change{ch}, nil
	}
	return []change{{date: movedFrom, regions: ch.regions, cancel: true}, ch}, nil
}

func parseDate(v *yaml.Node) (time.Time, error) {
	if v.Kind != yaml.ScalarNode {
		return time.Time{}, errors.New("want a date YYYY-MM-DD")
	}
	d, err := time.Parse(time.DateOnly, v.Value)
	if err != nil {
		return time.Time{}, fmt.Errorf("want a date YYYY-MM-DD, got %q", v.Value)
	}
	return d, nil
}
