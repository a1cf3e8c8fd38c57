// Package deadline computes when a UK data-protection rights request is legally due: the
// calendar-month rule, its start on the Europe/London date of receipt (or of the ID that was asked
// for), clarification pauses, the three-month extension, and moving a due date off weekends and
// the bank holidays of England and Wales, Scotland or Northern Ireland. The rules it implements are
// summarised in shared/reference/uk-request-deadlines.md.
//
// Dates. Every calendar date this package returns is a time.Time at 00:00 UTC of that date
// (Date(y, m, d, 0, 0, 0, 0, time.UTC)), so == and Before compare dates, and Format("2006-01-02")
// prints them. Every time.Time it is given is read as an instant and converted to its
// Europe/London date. Because London is never behind UTC, a 00:00 UTC date value always converts to
// the same date, so callers may pass either dates in that form or real moments in any time zone.
//
// This package is pure domain logic: it must not import network, database, chat-platform or
// config packages, and it reads no environment variables (the caller loads PRIVACYBOT_HOLIDAYS
// with LoadExtraHolidays).
package deadline

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London must resolve on a machine without a zoneinfo database
)

// Region is a part of the UK with its own bank holidays.
type Region string

// The three bank-holiday regions of the UK.
const (
	EnglandAndWales Region = "england-and-wales"
	Scotland        Region = "scotland"
	NorthernIreland Region = "northern-ireland"
)

// Regions lists every Region, for help texts and validation.
var Regions = []Region{EnglandAndWales, Scotland, NorthernIreland}

// ErrUnknownRegion is returned (wrapped) for a region name that is none of Regions.
var ErrUnknownRegion = errors.New("unknown region")

// ParseRegion reads a region name case-insensitively, also accepting spaces or underscores for
// the hyphens ("Northern Ireland"). The empty string means England and Wales, where most councils
// are.
func ParseRegion(s string) (Region, error) {
	norm := strings.ToLower(strings.TrimSpace(s))
	norm = strings.NewReplacer(" ", "-", "_", "-").Replace(norm)
	if norm == "" {
		return EnglandAndWales, nil
	}
	for _, r := range Regions {
		if norm == string(r) {
			return r, nil
		}
	}
	return "", fmt.Errorf("%w %q (want %s)", ErrUnknownRegion, s, regionList())
}

func regionList() string {
	names := make([]string, len(Regions))
	for i, r := range Regions {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// normal returns r with "" read as England and Wales, and whether it is one of Regions.
func (r Region) normal() (Region, bool) {
	if r == "" {
		return EnglandAndWales, true
	}
	for _, known := range Regions {
		if r == known {
			return r, true
		}
	}
	return r, false
}

// Pause is a clarification pause: the days From..To (calendar dates, both inclusive) don't count.
// To.IsZero() means the council is still waiting for the clarification.
type Pause struct{ From, To time.Time }

// Clock is everything that moves a request's clock.
type Clock struct {
	Received   time.Time // the moment the request reached the council (any time zone)
	Region     Region    // "" means England and Wales
	AwaitingID bool      // ID / proof of authority asked for and not yet arrived: no due date
	IDReceived time.Time // when requested ID/authority arrived (zero if never asked): clock restarts that day
	Pauses     []Pause
	Extended   bool // extension to three months from the start

	// Calendar supplies the bank holidays; nil means DefaultCalendar (the embedded one-off list).
	// Set it to the result of LoadExtraHolidays to honour an admin's PRIVACYBOT_HOLIDAYS file.
	Calendar *Calendar
}

// Errors from Clock.Due, wrapped with the details.
var (
	ErrNoReceipt = errors.New("request has no received time")
	ErrBadPause  = errors.New("invalid clarification pause")
)

var london = mustLondon()

func mustLondon() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil { // cannot happen: time/tzdata is linked in
		panic(fmt.Sprintf("deadline: load Europe/London: %v", err))
	}
	return loc
}

// LondonDate returns the Europe/London calendar date of the instant t, as 00:00 UTC of that
// date. It returns the zero time for the zero time.
func LondonDate(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.In(london).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Start is the Europe/London calendar date the clock runs from, as 00:00 UTC of that date: the
// day the request was received, or, when ID or proof of authority was asked for and has arrived,
// the day it arrived (the later of the two, so a mistyped earlier ID date can't shorten the
// clock). It is the zero time when Received is zero.
func (c Clock) Start() time.Time {
	start := LondonDate(c.Received)
	if id := LondonDate(c.IDReceived); !id.IsZero() && (start.IsZero() || id.After(start)) {
		start = id
	}
	return start
}

// Due returns the legal due date (00:00 UTC of that date); ok is false when there is none yet
// (awaiting ID, or a clarification pause still open). err reports an unusable Clock: no Received
// time, an unknown Region, or a pause without a start or ending before it starts.
//
// The due date is the corresponding date one month (three when Extended) after Start, or that
// month's last day; plus every paused day on or after Start, each counted once (and never before
// the day after a clarification arrives); then moved to the next working day of the Region. A
// pause that begins after the due date so far is ignored: the clock had already run out and
// asking for clarification late cannot revive it.
func (c Clock) Due() (due time.Time, ok bool, err error) {
	months := 1
	if c.Extended {
		months = 3
	}
	return c.due(months)
}

func (c Clock) due(months int) (time.Time, bool, error) {
	region, known := c.Region.normal()
	if !known {
		return time.Time{}, false, fmt.Errorf("due date: %w %q (want %s)", ErrUnknownRegion, c.Region, regionList())
	}
	if c.Received.IsZero() {
		return time.Time{}, false, fmt.Errorf("due date: %w", ErrNoReceipt)
	}
	pauses, err := normalisePauses(c.Pauses)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("due date: %w", err)
	}
	if c.AwaitingID {
		return time.Time{}, false, nil
	}
	cal := c.calendar()
	start := c.Start()
	raw := AddMonths(start, months)
	due := cal.NextWorkingDay(region, raw)
	counted := start.AddDate(0, 0, -1) // the last day already counted as paused
	for _, p := range pauses {
		if p.From.After(due) {
			break // sorted by From: every later pause starts after the clock ran out too
		}
		if p.To.IsZero() {
			return time.Time{}, false, nil
		}
		from := p.From
		if !from.After(counted) {
			from = counted.AddDate(0, 0, 1)
		}
		if p.To.Before(from) {
			continue // wholly before Start or inside a pause already counted
		}
		raw = raw.AddDate(0, 0, daysBetween(from, p.To)+1)
		// A pause that began after the calendar-month date, on a day the due date had been moved
		// over (a weekend, or the moved due date itself), would otherwise end after the new due
		// date: the council still gets the day after the clarification arrives.
		if next := p.To.AddDate(0, 0, 1); raw.Before(next) {
			raw = next
		}
		counted = p.To
		due = cal.NextWorkingDay(region, raw)
	}
	return due, true, nil
}

// ExtensionAllowed reports whether an extension recorded at `at` is within the first month: on or
// before the original, unextended due date (pauses included). While there is no original due date
// yet (awaiting ID, or a pause still open) the first month has not run out, so it is allowed; an
// unusable Clock allows nothing.
func (c Clock) ExtensionAllowed(at time.Time) bool {
	original, ok, err := c.due(1)
	if err != nil {
		return false
	}
	if !ok {
		return true
	}
	return !LondonDate(at).After(original)
}

// IsWorkingDay reports whether date is a working day in the clock's region and calendar.
func (c Clock) IsWorkingDay(date time.Time) bool { return c.calendar().IsWorkingDay(c.Region, date) }

func (c Clock) calendar() *Calendar {
	if c.Calendar != nil {
		return c.Calendar
	}
	return DefaultCalendar()
}

// normalisePauses converts pauses to London dates, checks them and sorts them by From.
func normalisePauses(in []Pause) ([]Pause, error) {
	out := make([]Pause, 0, len(in))
	for i, p := range in {
		if p.From.IsZero() {
			return nil, fmt.Errorf("%w %d: no start date", ErrBadPause, i+1)
		}
		n := Pause{From: LondonDate(p.From), To: LondonDate(p.To)}
		if !n.To.IsZero() && n.To.Before(n.From) {
			return nil, fmt.Errorf("%w %d: ends %s before it starts %s", ErrBadPause, i+1,
				n.To.Format(time.DateOnly), n.From.Format(time.DateOnly))
		}
		out = append(out, n)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out, nil
}

// AddMonths returns the corresponding date n calendar months after the date d, or the last day
// of that month when it is shorter (31 January + 1 → 28 or 29 February). d is read as a date in
// its own location's fields; the result is 00:00 UTC.
func AddMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC) // Date normalises the month
	last := first.AddDate(0, 1, -1).Day()
	if day > last {
		day = last
	}
	return time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC)
}

// daysBetween counts the days from a to b, both 00:00 UTC dates (so every day is 24 hours).
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}
