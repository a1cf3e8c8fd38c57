package deadline

import (
	_ "embed"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"
)

// Holiday is one bank holiday: its date (00:00 UTC of that date) and its name as GOV.UK gives it.
type Holiday struct {
	Date time.Time
	Name string
}

// Calendar is the bank holidays of every region: the standing rules (computed for any year) plus
// a list of one-off changes (extra holidays, moved or cancelled ones). A Calendar is immutable and
// safe for concurrent use; always pass it by pointer.
type Calendar struct {
	changes []change
	cache   sync.Map // yearKey → []Holiday, each computed once
}

// change is one entry of a holidays file: an extra bank holiday, or (cancel) a date that is not
// one despite the rules.
type change struct {
	date    time.Time
	name    string
	regions []Region // empty: every region
	cancel  bool
}

func (ch change) appliesTo(r Region) bool {
	if len(ch.regions) == 0 {
		return true
	}
	for _, x := range ch.regions {
		if x == r {
			return true
		}
	}
	return false
}

type yearKey struct {
	region Region
	year   int
}

// embeddedHolidays is the one-off list shipped with the binary; an admin adds to it with
// PRIVACYBOT_HOLIDAYS (see LoadExtraHolidays) rather than waiting for a release.
//
//go:embed holidays.yaml
var embeddedHolidays []byte

// DefaultCalendar is the calendar of the standing rules plus the embedded one-off list. The
// package-level IsWorkingDay and BankHolidays, and a Clock without a Calendar, use it.
func DefaultCalendar() *Calendar { return defaultCalendar() }

var defaultCalendar = sync.OnceValue(func() *Calendar {
	cal, err := (&Calendar{}).WithChanges("holidays.yaml (embedded)", embeddedHolidays)
	if err != nil { // a broken embedded file is a build mistake; TestEmbeddedHolidaysParse catches it
		panic(fmt.Sprintf("deadline: %v", err))
	}
	return cal
})

// LoadExtraHolidays reads an admin's holidays file (YAML or JSON, the format of the embedded
// holidays.yaml; usually named by PRIVACYBOT_HOLIDAYS) and returns DefaultCalendar with its
// entries applied after the embedded ones, so the file can add, move or cancel holidays without a
// release. An empty path returns DefaultCalendar.
func LoadExtraHolidays(path string) (*Calendar, error) {
	if path == "" {
		return DefaultCalendar(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read holidays file: %w", err)
	}
	return DefaultCalendar().WithChanges(path, data)
}

// WithChanges returns a new Calendar with the entries of a holidays file (YAML or JSON; name is
// used in error messages) applied after cal's own. A file that can't be parsed gives a
// *ParseError.
func (cal *Calendar) WithChanges(name string, data []byte) (*Calendar, error) {
	parsed, err := parseChanges(name, data)
	if err != nil {
		return nil, err
	}
	changes := make([]change, 0, len(cal.changes)+len(parsed))
	changes = append(changes, cal.changes...)
	changes = append(changes, parsed...)
	return &Calendar{changes: changes}, nil
}

// IsWorkingDay reports whether date (read as its Europe/London date) is a working day in region r
// under DefaultCalendar: not a Saturday, Sunday or bank holiday.
func IsWorkingDay(r Region, date time.Time) bool { return DefaultCalendar().IsWorkingDay(r, date) }

// BankHolidays returns region r's bank holidays in year under DefaultCalendar, sorted by date.
func BankHolidays(r Region, year int) []Holiday { return DefaultCalendar().BankHolidays(r, year) }

// IsWorkingDay reports whether date (read as its Europe/London date) is a working day in region r:
// not a Saturday, Sunday or bank holiday. "" means England and Wales; for a region that is none
// of Regions only weekends count as non-working.
func (cal *Calendar) IsWorkingDay(r Region, date time.Time) bool {
	d := LondonDate(date)
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range cal.holidays(r, d.Year()) {
		if h.Date.Equal(d) {
			return false
		}
	}
	return true
}

// NextWorkingDay returns date (as its Europe/London date) if it is a working day in region r,
// else the first working day after it.
func (cal *Calendar) NextWorkingDay(r Region, date time.Time) time.Time {
	d := LondonDate(date)
	for !cal.IsWorkingDay(r, d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// BankHolidays returns region r's bank holidays in year, sorted by date. "" means England and
// Wales; a region that is none of Regions has none. The standing rules are today's (early May
// Monday since 1978); one-off changes come from the calendar's list, so years long past are only
// as right as that list.
func (cal *Calendar) BankHolidays(r Region, year int) []Holiday {
	hs := cal.holidays(r, year)
	out := make([]Holiday, len(hs))
	copy(out, hs)
	return out
}

// holidays returns the cached, shared list for (r, year); callers must not modify it.
func (cal *Calendar) holidays(r Region, year int) []Holiday {
	r, known := r.normal()
	if !known {
		return nil
	}
	key := yearKey{r, year}
	if v, ok := cal.cache.Load(key); ok {
		return v.([]Holiday)
	}
	hs := applyChanges(ruleHolidays(r, year), cal.changes, r, year)
	v, _ := cal.cache.LoadOrStore(key, hs)
	return v.([]Holiday)
}

// applyChanges applies the one-off changes for region r dated in year, in order, to hs.
func applyChanges(hs []Holiday, changes []change, r Region, year int) []Holiday {
	for _, ch := range changes {
		if ch.date.Year() != year || !ch.appliesTo(r) {
			continue
		}
		kept := hs[:0]
		for _, h := range hs {
			if !h.Date.Equal(ch.date) {
				kept = append(kept, h)
			}
		}
		hs = kept
		if !ch.cancel {
			hs = append(hs, Holiday{Date: ch.date, Name: ch.name})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
	return hs
}

// fixedDay is a holiday on the same date every year; when that falls on a weekend the next
// free weekday is a substitute day.
type fixedDay struct {
	month time.Month
	day   int
	name  string
}

var fixedDays = map[Region][]fixedDay{
	EnglandAndWales: {
		{time.January, 1, "New Year's Day"},
		{time.December, 25, "Christmas Day"},
		{time.December, 26, "Boxing Day"},
	},
	Scotland: {
		{time.January, 1, "New Year's Day"},
		{time.January, 2, "2nd January"},
		{time.November, 30, "St Andrew's Day"},
		{time.December, 25, "Christmas Day"},
		{time.December, 26, "Boxing Day"},
	},
	NorthernIreland: {
		{time.January, 1, "New Year's Day"},
		{time.March, 17, "St Patrick's Day"},
		{time.July, 12, "Battle of the Boyne (Orangemen's Day)"},
		{time.December, 25, "Christmas Day"},
		{time.December, 26, "Boxing Day"},
	},
}

// ruleHolidays computes region r's bank holidays in year from the standing rules, unsorted.
func ruleHolidays(r Region, year int) []Holiday {
	easter := Easter(year)
	hs := []Holiday{
		{easter.AddDate(0, 0, -2), "Good Friday"},
		{firstMonday(year, time.May), "Early May bank holiday"},
		{lastMonday(year, time.May), "Spring bank holiday"},
	}
	if r == Scotland {
		hs = append(hs, Holiday{firstMonday(year, time.August), "Summer bank holiday"})
	} else {
		hs = append(hs,
			Holiday{easter.AddDate(0, 0, 1), "Easter Monday"},
			Holiday{lastMonday(year, time.August), "Summer bank holiday"})
	}

	// Fixed dates on weekdays keep their date; those on a weekend take, in date order, the next
	// weekday that isn't already a holiday — so Christmas on a Sunday is made up on the Tuesday,
	// after Boxing Day's Monday, as GOV.UK lists it.
	taken := map[time.Time]bool{}
	for _, h := range hs {
		taken[h.Date] = true
	}
	var weekend []Holiday
	for _, f := range fixedDays[r] {
		d := time.Date(year, f.month, f.day, 0, 0, 0, 0, time.UTC)
		if isWeekend(d) {
			weekend = append(weekend, Holiday{d, f.name})
			continue
		}
		hs = append(hs, Holiday{d, f.name})
		taken[d] = true
	}
	for _, h := range weekend {
		d := h.Date
		for isWeekend(d) || taken[d] {
			d = d.AddDate(0, 0, 1)
		}
		taken[d] = true
		hs = append(hs, Holiday{d, h.Name + " (substitute day)"})
	}
	return hs
}

func isWeekend(d time.Time) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

func firstMonday(year int, m time.Month) time.Time {
	d := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, (int(time.Monday)-int(d.Weekday())+7)%7)
}

func lastMonday(year int, m time.Month) time.Time {
	d := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC) // day 0 of the next month: the last day of m
	return d.AddDate(0, 0, -((int(d.Weekday()) - int(time.Monday) + 7) % 7))
}

// Easter returns Easter Sunday of a Gregorian year (00:00 UTC), by the anonymous Gregorian
// computus (Meeus/Jones/Butcher).
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
