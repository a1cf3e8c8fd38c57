// Package redact finds UK personal data in free text and replaces it with placeholders such as
// "[email]" or "[NHS number]". The same Redactor serves log lines, stored chat transcripts and
// anything sent to a language model, so all three leak the same (small) amount.
//
// It is tuned for what residents type to a council's privacy bot: e-mail addresses, UK phone
// numbers, postcodes, NHS numbers (including mistyped ones), National Insurance numbers, payment
// card numbers, passport and driving licence numbers, dates of birth given as such, account and
// reference numbers given as such, bank sort codes, vehicle registrations, self-introduced names
// and names of people close to the writer, street addresses and IPv4 addresses. It deliberately
// leaves alone what the bot needs to answer: retention periods ("6 years"), dates of notices ("17
// May 2018"), years, section numbers, money and case references such as "DPO-2026-000123".
//
// When detectors disagree about a stretch of text the spans are merged, so anything any detector
// flagged is removed; the placeholder names the most specific kind involved.
//
// This package uses only the standard library. It must not import other privacybot packages,
// network, database or chat libraries (everything may import it), and it must never log the text
// it is given.
package redact

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Kind is a category of personal data.
type Kind string

// The kinds of personal data a Redactor finds.
const (
	KindEmail       Kind = "email"
	KindPhone       Kind = "phone"
	KindPostcode    Kind = "postcode"
	KindNHSNumber   Kind = "nhs_number"
	KindNINumber    Kind = "ni_number"
	KindCard        Kind = "card"
	KindName        Kind = "name"
	KindAddress     Kind = "address"
	KindDateOfBirth Kind = "date_of_birth"
	KindIP          Kind = "ip"
	KindAccount     Kind = "account_number"       // an account, customer, tenancy or claim number given as such
	KindIDDocument  Kind = "id_document"          // a passport or driving licence number
	KindSortCode    Kind = "sort_code"            // a UK bank sort code
	KindVehicle     Kind = "vehicle_registration" // a UK vehicle registration ("number plate")
)

// kindOrder lists every kind, most specific first: when spans of different kinds overlap the
// merged span takes the earliest kind here (an NHS number written after "NHS no" that also looks
// like a phone number is reported as an NHS number).
var kindOrder = []Kind{
	KindEmail, KindNHSNumber, KindNINumber, KindIDDocument, KindCard, KindDateOfBirth, KindIP, KindAccount,
	KindSortCode, KindVehicle, KindPhone, KindPostcode, KindAddress, KindName,
}

// Kinds returns every kind a Redactor can find, most specific first.
func Kinds() []Kind { return append([]Kind(nil), kindOrder...) }

// Placeholder returns the text that replaces a span of kind k by default, such as "[email]".
func (k Kind) Placeholder() string {
	switch k {
	case KindNHSNumber:
		return "[NHS number]"
	case KindNINumber:
		return "[NI number]"
	case KindCard:
		return "[card number]"
	case KindDateOfBirth:
		return "[date of birth]"
	case KindIP:
		return "[IP address]"
	case KindAccount:
		return "[account number]"
	case KindIDDocument:
		return "[ID document number]"
	case KindSortCode:
		return "[sort code]"
	case KindVehicle:
		return "[vehicle registration]"
	default:
		return "[" + string(k) + "]"
	}
}

// Finding is one redacted span.
type Finding struct {
	Kind       Kind
	Start, End int // byte offsets into the input; the span is input[Start:End]
}

// Redactor redacts personal data; the zero value is not usable, use New. A Redactor is immutable
// and safe for concurrent use.
type Redactor struct {
	enabled     map[Kind]bool
	placeholder func(Kind) string
}

// Option configures a Redactor made by New.
type Option func(*Redactor)

// WithKinds restricts the Redactor to the given kinds (by default it finds all of them).
func WithKinds(kinds ...Kind) Option {
	return func(r *Redactor) {
		r.enabled = make(map[Kind]bool, len(kinds))
		for _, k := range kinds {
			r.enabled[k] = true
		}
	}
}

// WithoutKinds stops the Redactor finding the given kinds.
func WithoutKinds(kinds ...Kind) Option {
	return func(r *Redactor) {
		for _, k := range kinds {
			delete(r.enabled, k)
		}
	}
}

// WithPlaceholder replaces Kind.Placeholder as the text written in place of each span; f must be
// safe to call concurrently.
func WithPlaceholder(f func(Kind) string) Option {
	return func(r *Redactor) { r.placeholder = f }
}

// New returns a Redactor that finds every kind, changed by opts in order.
func New(opts ...Option) *Redactor {
	r := &Redactor{enabled: make(map[Kind]bool, len(kindOrder)), placeholder: Kind.Placeholder}
	for _, k := range kindOrder {
		r.enabled[k] = true
	}
	for _, o := range opts {
		o(r)
	}
	return r
}

// defaultRedactor serves Text.
var defaultRedactor = New()

// Text returns s with all personal data replaced, using a Redactor with default options.
func Text(s string) string {
	out, _ := defaultRedactor.Redact(s)
	return out
}

// span is a candidate found by one detector, before overlapping candidates are merged.
type span struct {
	kind       Kind
	start, end int
}

// detector appends the spans of one kind it finds in s to out.
type detector struct {
	kind Kind
	find func(s string, out []span) []span
}

// detectors run in this order; the order does not affect the result because spans are merged.
var detectors = []detector{
	{KindEmail, findEmails},
	{KindEmail, findSpelledEmails},
	{KindEmail, findProviderEmails},
	{KindNHSNumber, findNHSNumbers},
	{KindNINumber, findNINumbers},
	{KindIDDocument, findIDDocuments},
	{KindCard, findCards},
	{KindDateOfBirth, findDatesOfBirth},
	{KindIP, findIPs},
	{KindAccount, findAccountNumbers},
	{KindSortCode, findSortCodes},
	{KindVehicle, findVehicleRegistrations},
	{KindPhone, findPhones},
	{KindPhone, findSpokenPhones},
	{KindPhone, findCuedMobiles},
	{KindPostcode, findPostcodes},
	{KindAddress, findAddresses},
	{KindAddress, findNamedBuildings},
	{KindName, findNames},
}

// Redact returns s with each span of personal data replaced by its placeholder, and the spans it
// replaced, in order, with byte offsets into s. Findings never overlap.
func (r *Redactor) Redact(s string) (string, []Finding) {
	var spans []span
	for _, d := range detectors {
		if r.enabled[d.kind] {
			spans = d.find(s, spans)
		}
	}
	findings := merge(spans)
	if len(findings) == 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := 0
	for _, f := range findings {
		b.WriteString(s[prev:f.Start])
		b.WriteString(r.placeholder(f.Kind))
		prev = f.End
	}
	b.WriteString(s[prev:])
	return b.String(), findings
}

// rank orders kinds for merging: lower is more specific.
var rank = func() map[Kind]int {
	m := make(map[Kind]int, len(kindOrder))
	for i, k := range kindOrder {
		m[k] = i
	}
	return m
}()

// merge sorts spans and joins overlapping ones, so that nothing any detector flagged survives
// redaction even when two detectors disagree about where a span ends.
func merge(spans []span) []Finding {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	out := make([]Finding, 0, len(spans))
	for _, sp := range spans {
		if sp.end <= sp.start {
			continue
		}
		if n := len(out); n > 0 && sp.start < out[n-1].End {
			last := &out[n-1]
			last.End = max(last.End, sp.end)
			if rank[sp.kind] < rank[last.Kind] {
				last.Kind = sp.kind
			}
			continue
		}
		out = append(out, Finding{Kind: sp.kind, Start: sp.start, End: sp.end})
	}
	return out
}

// Keeping returns red keeping the names given, as written in any case, as whole words: the
// names the notices publish (a Data Protection Officer's) are no one's personal data to take out
// of "who is Maria Damigos?", which was kept as "who is [name]?" and answered as "who is".
func Keeping(names []string, red func(string) string) func(string) string {
	var res []*regexp.Regexp
	for _, name := range names {
		if len(name) > 3 {
			res = append(res, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(name)+`\b`))
		}
	}
	return func(s string) string {
		type found struct{ start, end int }
		var spans []found
		for _, re := range res {
			for _, m := range re.FindAllStringIndex(s, maxKept) {
				if !slices.ContainsFunc(spans, func(f found) bool { return m[0] < f.end && f.start < m[1] }) {
					spans = append(spans, found{m[0], m[1]})
				}
			}
		}
		if len(spans) > maxKept {
			spans = spans[:maxKept]
		}
		// Right to left, so that each span's offsets still hold; the marks are runes no one types.
		sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
		kept := make([]string, len(spans))
		for i, f := range spans {
			kept[i] = s[f.start:f.end]
			s = s[:f.start] + keptMark(i) + s[f.end:]
		}
		s = red(s)
		for i, name := range kept {
			s = strings.Replace(s, keptMark(i), name, 1)
		}
		return s
	}
}

// maxKept bounds the names kept in one text.
const maxKept = 20

// keptMark holds a kept name's place while the rest is redacted: private-use runes, which no
// one types and no rule reads as personal data.
func keptMark(i int) string { return "\ue000" + string(rune('a'+i)) + "\ue001" }
