package dpo

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The queue's search (Filter.Search) finds a caller's cases however their name or number was
// written, on either side: on the phone, "O'Sullivan" must find "Niamh O’Sullivan" typed with a
// phone's curly apostrophe, "Siobhan" "Siobhán", "07700 900456" "+44 7700 900456", and "sharma
// priya" "Priya Sharma". Neither store can fold like that in SQL (SQLite's lower() knows only
// ASCII; PostgreSQL's unaccent is an extension a council's database may not have), and reading
// every case into Go to compare would cost a council of tens of thousands of cases a full read
// per search. So each case keeps its SearchText, folded here once when it is written, in a column
// (SearchColumn) that the store's query matches the folded term's words against (SearchSQL).

// SearchColumn is the column in which each store keeps a case's SearchText.
const SearchColumn = "search_text"

// SearchTextVersion numbers the way SearchText folds a case. A store fills the column again for
// every case written under an older version when it opens (so a case stored before this search
// existed, or before a change to it, is found like a new one): raise it whenever SearchText or
// SearchFold changes what they give.
const SearchTextVersion = 2

// SearchSourceColumns are the columns of a stored case its SearchText is made of, in the order
// ScanSearchSources reads them: what a store reads to fill the search column again.
const SearchSourceColumns = "ref, requester_name, contact_value, on_behalf_of_whom"

// SearchRefreshBatch is how many cases a store fills the search column of in one transaction, so
// that filling a large queue's (the first start after the migration) is done in short steps, never
// holding SQLite's write lock or a PostgreSQL transaction for long.
const SearchRefreshBatch = 500

// SearchSourceRows are rows of SearchSourceColumns, as either store's driver returns them.
type SearchSourceRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanSearchSources reads rows of SearchSourceColumns into cases holding what SearchText reads.
// The caller closes rows.
func ScanSearchSources(rows SearchSourceRows) ([]Case, error) {
	var out []Case
	for rows.Next() {
		var c Case
		if err := rows.Scan(&c.Ref, &c.Requester.Name, &c.Requester.Contact.Value, &c.Requester.OnBehalfOfWhom); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SearchText is what the queue's search finds a case by, folded (SearchFold): its reference, the
// requester's name, the name of the person the request is for (on-behalf requests), the contact,
// and, when the contact is a phone number, its digits as a UK number is dialled at home
// (SearchPhone: "+44 7700 900456" is 07700900456). A name is there as written and with its
// hyphens, apostrophes and spaces taken out ("Anne-Marie" is also annemarie), so that it is found
// however the caller's name is typed; a postal address is also there run together, for a postcode
// typed without its space. One field a line: a term's word, which holds no space,
// never matches across two.
func SearchText(c Case) string {
	lines := []string{SearchFold(c.Ref)}
	for _, name := range []string{c.Requester.Name, c.Requester.OnBehalfOfWhom} {
		folded := SearchFold(name)
		if folded == "" {
			continue
		}
		lines = append(lines, folded)
		if joined := runTogether(folded); joined != folded {
			lines = append(lines, joined)
		}
	}
	if contact := SearchFold(c.Requester.Contact.Value); contact != "" {
		lines = append(lines, contact)
		if c.Requester.Contact.Kind == ContactPostal {
			// A postcode is typed with its space or without ("mk464bb" for MK46 4BB): the
			// address run together holds it either way.
			lines = append(lines, runTogether(contact))
		}
	}
	if phone := SearchPhone(c.Requester.Contact.Value); phone != "" {
		lines = append(lines, phone)
	}
	return strings.Join(lines, "\n")
}

// runTogether is s with all but its letters and digits taken out: "anne-marie" is annemarie,
// "mk46 4bb" mk464bb.
func runTogether(s string) string {
	return strings.Join(strings.FieldsFunc(s, notLetterOrDigit), "")
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// apostrophes are the marks people put in names ("O’Sullivan", "D'Arcy", "N`Diaye"), on a
// phone's keyboard, a computer's or pasted from a letter: one name whichever was used, and the
// same name without one ("osullivan"), so the search takes them out.
const apostrophes = "'’‘ʼʹ`´′‛＇"

// letterFolds are the letters with no accent to take off (no Unicode decomposition) that people
// type without their stroke or as two letters: "Łukasz" is found by "lukasz", "Søren" by
// "soren", "Strauß" by "strauss".
var letterFolds = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h", 'ı': "i", 'ŀ': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// SearchFold is text as the queue's search compares it: in lower case, without accents
// ("Siobhán" is siobhan, "Zoë" zoe, however the accent was typed), apostrophes ("O’Connor" is
// oconnor), invisible marks or letters' special forms, every run of spaces one space.
func SearchFold(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(apostrophes, r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if fold, ok := letterFolds[unicode.ToLower(r)]; ok {
			b.WriteString(fold)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// searchSeparators split a search into its words besides spaces: the hyphens between the parts
// of a name ("Anne-Marie" is anne and marie, each found in "Anne Marie"), the comma of "Sharma,
// Priya", brackets and quotes. A dot or an @ is none: "p.sharma" is part of an e-mail address,
// not any P who is a Sharma. Nor are the wildcards % and _: they are searched for as written.
const searchSeparators = "-‐‑‒–—―,;:/()[]{}\"!?"

// SearchWords are the words of Filter.Search, folded (SearchFold), each of which a case's
// SearchText must hold (anywhere, in any order: "sharma priya" finds Priya Sharma, "al rashid"
// Al-Rashid); nil for no search. A search of nothing but separators is one word, as typed.
func (f Filter) SearchWords() []string {
	folded := SearchFold(f.Search)
	if folded == "" {
		return nil
	}
	words := strings.FieldsFunc(folded, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(searchSeparators, r)
	})
	if len(words) == 0 {
		return []string{folded}
	}
	return words
}

// phonePunctuation are the characters besides digits a phone number may be written with
// (SearchPhone).
const phonePunctuation = " +()-."

// SearchPhone is s's digits when it reads as a phone number, or part of one (at least six digits,
// and nothing but phonePunctuation besides), with a UK number's international prefix as dialled
// at home: "+44 7700 900456", "0044 (0)7700 900456" and "447700900456" are 07700900456, so that
// they find, and are found by, "07700 900456". Another country's number keeps its code without
// the + or 00 ("+353 87 123 4567" is 353871234567). "" when s is no phone number.
func SearchPhone(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case !strings.ContainsRune(phonePunctuation, r):
			return ""
		}
	}
	digits := b.String()
	if len(digits) < 6 {
		return ""
	}
	international := strings.HasPrefix(strings.TrimLeft(s, " ("), "+")
	if !international && len(digits) >= 8 && strings.HasPrefix(digits, "00") && digits[2] != '0' {
		// 00 dials out of the UK (0044 …); "000123", a reference's number, is no such call.
		international, digits = true, digits[2:]
	}
	switch {
	case international && strings.HasPrefix(digits, "44"):
		// +44 (0)7700 …: the (0) some write is the 0 dialled at home.
		digits = strings.TrimPrefix(digits, "44")
		if !strings.HasPrefix(digits, "0") {
			digits = "0" + digits
		}
	case !international && len(digits) == 12 && strings.HasPrefix(digits, "44"):
		// 447700900456: a UK mobile's whole international number, its + left off.
		digits = "0" + digits[2:]
	}
	return digits
}

// SearchSQL is the condition a Filter's search puts on a store's cases, or "" with no search: the
// case's SearchText (SearchColumn) holds every word of the search (SearchWords); or, when the
// search reads as a reference (SearchRef), the case is that one or its text holds the search as
// typed; or, when it reads as a phone number, its text holds the number's digits (SearchPhone) or
// the search as typed (a reference's number, "2026-000123"). The same in every store but for how
// it adds an argument (arg, which returns the argument's placeholder); both sides are folded
// already, so no lower() is needed, and LIKE's % _ and \ in a word are matched as written.
func SearchSQL(f Filter, arg func(v any) string) string {
	words := f.SearchWords()
	if len(words) == 0 {
		return ""
	}
	like := func(part string) string {
		return SearchColumn + ` LIKE ` + arg("%"+likeEscaper.Replace(part)+"%") + ` ESCAPE '\'`
	}
	// A reference or a phone number is not matched word by word: "dpo 2026 2" would find every
	// case with a 2 in it, and "07700 900 321" 07700 900123 on case DPO-2026-000321.
	asTyped := func() string { return like(SearchFold(strings.TrimSpace(f.Search))) }
	if ref := f.SearchRef(); ref != "" {
		return `(` + asTyped() + ` OR ref = ` + arg(ref) + `)`
	}
	if phone := SearchPhone(f.Search); phone != "" {
		return `(` + like(phone) + ` OR ` + asTyped() + `)`
	}
	all := make([]string, len(words))
	for i, w := range words {
		all[i] = like(w)
	}
	return `(` + strings.Join(all, ` AND `) + `)`
}

// likeEscaper escapes LIKE's wildcards and its escape character (ESCAPE '\').
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
