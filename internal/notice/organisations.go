package notice

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/privacybot/privacybot/internal/editdist"
)

// Organisation is one council (or other controller), with every name it goes by.
type Organisation struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Places are the towns and villages of its area, as residents say where they live: "I live in
	// Aylesbury, how long do you keep …" asks about Buckinghamshire Council. A question naming a
	// place names its council (Mentioned); a notice's text naming one does not make the notice
	// that council's (NamedIn), since notices give addresses in other areas.
	Places     []string   `yaml:"places"`
	DPOContact ContactRef `yaml:"dpo_contact"`
	// AbstainThreshold, when set, is how sure the bot must be that a sentence of this
	// organisation's notices answers before it answers with it (between 0 and 1): a council
	// that would rather refer residents to its DPO than risk a wrong answer sets it higher than
	// the deployment's. 0 keeps the deployment's.
	AbstainThreshold float64 `yaml:"abstain_threshold"`
}

// ContactRef says which notice section states an organisation's data protection contact.
type ContactRef struct {
	Notice  string `yaml:"notice"`
	Section string `yaml:"section"` // a heading, or the start of one
}

// Organisations resolves the many names of an organisation to one canonical name, so that
// "Milton Keynes Council", "Milton Keynes City Council" and "MK council" scope alike.
type Organisations struct {
	list   []Organisation
	index  map[string]int // folded name → position in list
	places map[string]int // folded place → position in list
}

// ParseOrganisations reads organisations.yaml.
func ParseOrganisations(file string, data []byte) (*Organisations, error) {
	var doc struct {
		Organisations []Organisation `yaml:"organisations"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &ParseError{File: file, Line: yamlLine(err), Err: errors.New(yamlMessage(err))}
	}
	o := &Organisations{}
	for _, org := range doc.Organisations {
		if strings.TrimSpace(org.Name) == "" {
			return nil, &ParseError{File: file, Err: errors.New("an organisation has no name")}
		}
		if t := org.AbstainThreshold; t != 0 && !(t > 0 && t < 1) {
			return nil, &ParseError{File: file, Err: fmt.Errorf("%s: abstain_threshold must be between 0 and 1, not %v", org.Name, t)}
		}
		for _, name := range append([]string{org.Name}, org.Aliases...) {
			if i, ok := o.lookup(name); ok {
				return nil, &ParseError{File: file, Err: fmt.Errorf("the name %q is given to both %q and %q", name, o.list[i].Name, org.Name)}
			}
			o.indexName(name, len(o.list))
		}
		for _, place := range org.Places {
			if i, ok := o.placeOf(place); ok {
				return nil, &ParseError{File: file, Err: fmt.Errorf("the place %q is given to both %q and %q", place, o.list[i].Name, org.Name)}
			}
			if o.places == nil {
				o.places = map[string]int{}
			}
			o.places[FoldName(place)] = len(o.list)
		}
		o.list = append(o.list, org)
	}
	return o, nil
}

func (o *Organisations) placeOf(place string) (int, bool) {
	i, ok := o.places[FoldName(place)]
	return i, ok
}

// add registers a name met in a notice; an unknown name becomes its own organisation.
func (o *Organisations) add(name string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if _, ok := o.lookup(name); ok {
		return
	}
	o.indexName(name, len(o.list))
	o.list = append(o.list, Organisation{Name: name})
}

func (o *Organisations) indexName(name string, i int) {
	if o.index == nil {
		o.index = map[string]int{}
	}
	o.index[FoldName(name)] = i
}

func (o *Organisations) lookup(name string) (int, bool) {
	if o == nil || o.index == nil {
		return 0, false
	}
	i, ok := o.index[FoldName(name)]
	return i, ok
}

// Canonical returns the canonical name for any of an organisation's names.
func (o *Organisations) Canonical(name string) (string, bool) {
	i, ok := o.lookup(name)
	if !ok {
		return "", false
	}
	return o.list[i].Name, true
}

// Get returns the organisation known by name (any of its names).
func (o *Organisations) Get(name string) (Organisation, bool) {
	i, ok := o.lookup(name)
	if !ok {
		return Organisation{}, false
	}
	return o.list[i], true
}

// All returns every organisation, sorted by canonical name.
func (o *Organisations) All() []Organisation {
	if o == nil {
		return nil
	}
	out := append([]Organisation(nil), o.list...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Mentioned returns the canonical names of the organisations a text names ("in Bucks",
// "Milton Keynes Council"), in the order of their first mention. Short aliases must stand as
// whole words.
func (o *Organisations) Mentioned(text string) []string {
	return o.named(text, true)
}

// NamedIn returns the canonical names of the organisations a text names by one of their names,
// not by a place of their area, in the order of their first mention.
func (o *Organisations) NamedIn(text string) []string {
	return o.named(text, false)
}

// PlacesSaid returns the places of the organisations' areas a text says as where ("I live in
// Bletchley"), folded as FoldName folds them, each once: they scope a question, as a council's
// name does, rather than ask about the place.
func (o *Organisations) PlacesSaid(text string) []string {
	folded, ms := o.mentions(text, true)
	var out []string
	for _, m := range ms {
		p := strings.TrimSpace(folded[m.at:m.end])
		if _, isPlace := o.places[p]; isPlace && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// named is the organisations a text mentions (withPlaces: by a place of their area too), each
// once, in the order of their first mention.
func (o *Organisations) named(text string, withPlaces bool) []string {
	_, ms := o.mentions(text, withPlaces)
	var out []string
	for _, m := range ms {
		if !slices.Contains(out, m.name) {
			out = append(out, m.name)
		}
	}
	return out
}

// NamedTogether returns the organisations a text names side by side, two or more joined by
// nothing but "and", "or", "vs" or punctuation ("do Bucks and MK share data with the police?"),
// in the order named; nil when it names fewer, or names them apart ("I live in Sedgeholme and a
// friend in Brantwick opted out: how do I?" asks about one of them).
func (o *Organisations) NamedTogether(text string) []string {
	folded, ms := o.mentions(text, true)
	if o != nil && len(o.list) == 2 && bothCouncilsRe.MatchString(folded) {
		// "how long do both councils keep complaints?"
		return []string{o.list[0].Name, o.list[1].Name}
	}
	var names []string
	last := -1
	for _, m := range ms {
		if m.at < last {
			continue // a name within another ("Milton Keynes" in "Milton Keynes Council") is the same mention
		}
		if last >= 0 && !addedLast(folded[last:m.at], folded[m.end:]) {
			for _, w := range strings.Fields(folded[last:m.at]) {
				if !joiningWords[w] {
					return nil
				}
			}
		}
		if !slices.Contains(names, m.name) {
			names = append(names, m.name)
		}
		last = m.end
	}
	if len(names) < 2 {
		return nil
	}
	return names
}

// joiningWords set councils side by side: "Bucks and MK", "Bucks v MK".
var joiningWords = map[string]bool{"and": true, "or": true, "vs": true, "v": true, "versus": true}

// bothCouncilsRe asks of every council at once, in folded text.
var bothCouncilsRe = regexp.MustCompile(`\b(?:both|each|either) (?:of the )?councils\b|\bboth of you\b`)

// addedLast reports whether a council is named as an afterthought ending the question: "how long
// does Bucks keep complaints, and MK?", between being what comes before it and after the rest.
func addedLast(between, after string) bool {
	if len(strings.Fields(after)) > 1 {
		return false
	}
	b := strings.Fields(between)
	return len(b) > 0 && joiningWords[b[len(b)-1]] || askedTheSameOfRe.MatchString(between)
}

// askedTheSameOfRe ends a question with the same asked of another council, in folded text: "how
// long do mk keep complaints and is it the same in bucks", "…, what about bucks" (a QA pass:
// Buckinghamshire's part went unanswered, unsaid).
var askedTheSameOfRe = regexp.MustCompile(`\b(?:and|but|,)?\s*(?:is it|is that|are they|would it be|is this)?\s*(?:the same|similar|any different|different)\s+(?:in|for|at|with)\s*$|\b(?:what|how) about\s*$|\b(?:and|also) (?:for|in|at)\s*$`)

// mention is where a text names an organisation, in the text as FoldName folds it.
type mention struct {
	at, end int // the space before the name, the space after it
	name    string
}

// mentions finds every place a text names an organisation by any of its names (and, withPlaces,
// by a place of its area), in the order they stand, the longest name first where two start at
// one place; and the folded text the places are in.
func (o *Organisations) mentions(text string, withPlaces bool) (string, []mention) {
	if o == nil {
		return "", nil
	}
	// An e-mail or web address names no one: "jo.bucks@gmail.com" given on a Milton Keynes
	// request moved it to Buckinghamshire (a QA pass).
	text = addressesRe.ReplaceAllString(text, " ")
	folded := " " + FoldName(possessiveRe.ReplaceAllString(text, "$1")) + " "
	var ms []mention
	for alias, i := range o.index {
		needle := " " + alias + " "
		for from := 0; ; {
			j := strings.Index(folded[from:], needle)
			if j < 0 {
				break
			}
			ms = append(ms, mention{from + j, from + j + len(needle) - 1, o.list[i].Name})
			from += j + 1
		}
	}
	if withPlaces {
		for place, i := range o.places {
			if _, named := o.index[place]; named {
				continue // "Milton Keynes" is a name and a place: one mention
			}
			needle := " " + place + " "
			for from := 0; ; {
				j := strings.Index(folded[from:], needle)
				if j < 0 {
					break
				}
				if end := j + len(needle) - 1; saysWhere(folded[:from+j], folded[from+end:]) {
					ms = append(ms, mention{from + j, from + end, o.list[i].Name})
				}
				from += j + 1
			}
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		return ms[i].at < ms[j].at || ms[i].at == ms[j].at && ms[i].end > ms[j].end
	})
	return folded, ms
}

// saysWhere reports whether a place named between before and after (folded text) is said as where
// someone lives or what they ask about: "in Aylesbury", "from Bletchley", "an Olney resident",
// "the Marlow area". Towns are surnames too ("Kate Burnham", "Mr Olney"), and a name is no place.
func saysWhere(before, after string) bool {
	prev := before[strings.LastIndexByte(strings.TrimRight(before, " "), ' ')+1:]
	next, _, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
	return placeBefore[strings.TrimSpace(prev)] || placeAfter[next]
}

var (
	// placeBefore are the words a place follows when it says where: "I live in Aylesbury".
	// An estate is lived on: "I live on Fishermead".
	placeBefore = map[string]bool{"in": true, "from": true, "at": true, "near": true, "around": true, "of": true, "to": true, "outside": true, "on": true}
	// placeAfter are the words a place comes before when it says where: "an Olney resident",
	// "the Oldbrook estate".
	placeAfter = map[string]bool{"resident": true, "residents": true, "area": true, "based": true, "born": true, "council": true, "office": true, "library": true, "estate": true}
)

// addressesRe finds e-mail and web addresses.
var addressesRe = regexp.MustCompile(`(?i)[\w.%+-]+@[\w.-]+|\bhttps?://\S+|\bwww\.\S+`)

// possessiveRe finds a possessive ending: "MK's DPO" and "Milton Keynes's notice" name MK and
// Milton Keynes.
var possessiveRe = regexp.MustCompile(`(\pL)['’]s\b`)

// FoldName lower-cases a name and reduces punctuation to single spaces: "Milton Keynes City
// Council's" and "milton-keynes city councils" fold alike.
func FoldName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// Closest returns the canonical name of the organisation one of whose names (or places) name
// looks like a mistyping of, for a "did you mean": a letter or two wrong, missing, extra or
// swapped ("Bukcs" for Bucks, "Milton Keyens"), the fewer the closer; false when none is near
// enough, or two are as near.
func (o *Organisations) Closest(name string) (string, bool) {
	if o == nil {
		return "", false
	}
	want := []rune(FoldName(name))
	if len(want) < 3 {
		return "", false
	}
	best, bestD, tied := -1, 0, false
	try := func(folded string, i int) {
		fr := []rune(folded)
		d := editdist.Runes(want, fr)
		// A slip of one letter in a short name, two in a longer one: more is another name.
		if d > 2 || d > len(want)/3+1 || d >= len(fr) {
			return
		}
		switch {
		case best < 0 || d < bestD:
			best, bestD, tied = i, d, false
		case d == bestD && i != best:
			tied = true
		}
	}
	for folded, i := range o.index {
		try(folded, i)
	}
	for folded, i := range o.places {
		try(folded, i)
	}
	if best < 0 || tied {
		return "", false
	}
	return o.list[best].Name, true
}
