package deadline

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dates(hs []Holiday) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Date.Format(time.DateOnly)
	}
	return out
}

// TestBankHolidays checks whole years against GOV.UK's published lists.
func TestBankHolidays(t *testing.T) {
	tests := []struct {
		region Region
		year   int
		want   string
	}{
		{EnglandAndWales, 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"},
		{EnglandAndWales, 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28"},
		{EnglandAndWales, 2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27"},
		{EnglandAndWales, 2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26"},
		{EnglandAndWales, 2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"},
		{EnglandAndWales, 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26"},
		{EnglandAndWales, 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"},
		{"", 2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"},
		{Scotland, 2021, "2021-01-01 2021-01-04 2021-04-02 2021-05-03 2021-05-31 2021-08-02 2021-11-30 2021-12-27 2021-12-28"},
		{Scotland, 2022, "2022-01-03 2022-01-04 2022-04-15 2022-05-02 2022-06-02 2022-06-03 2022-08-01 2022-09-19 2022-11-30 2022-12-26 2022-12-27"},
		{Scotland, 2023, "2023-01-02 2023-01-03 2023-04-07 2023-05-01 2023-05-08 2023-05-29 2023-08-07 2023-11-30 2023-12-25 2023-12-26"},
		{Scotland, 2024, "2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27 2024-08-05 2024-12-02 2024-12-25 2024-12-26"},
		{NorthernIreland, 2020, "2020-01-01 2020-03-17 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-07-13 2020-08-31 2020-12-25 2020-12-28"},
		{NorthernIreland, 2023, "2023-01-02 2023-03-17 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-07-12 2023-08-28 2023-12-25 2023-12-26"},
		{NorthernIreland, 2024, "2024-01-01 2024-03-18 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-07-12 2024-08-26 2024-12-25 2024-12-26"},
		{"atlantis", 2024, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.region)+"/"+time.Date(tt.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			assert.Equal(t, strings.Fields(tt.want), dates(BankHolidays(tt.region, tt.year)))
		})
	}
}

func TestBankHolidayNames(t *testing.T) {
	names := map[string]string{}
	for _, h := range BankHolidays(Scotland, 2022) {
		names[h.Date.Format(time.DateOnly)] = h.Name
	}
	assert.Equal(t, "New Year's Day (substitute day)", names["2022-01-03"])
	assert.Equal(t, "2nd January (substitute day)", names["2022-01-04"])
	assert.Equal(t, "Boxing Day", names["2022-12-26"])
	assert.Equal(t, "Christmas Day (substitute day)", names["2022-12-27"])
	assert.Equal(t, "Spring bank holiday", names["2022-06-02"])
	assert.Equal(t, "Platinum Jubilee bank holiday", names["2022-06-03"])
	assert.Equal(t, "St Andrew's Day (substitute day)", BankHolidays(Scotland, 2024)[6].Name)
}

// TestBankHolidaysEveryYear checks properties that hold for the standing rules in any year.
func TestBankHolidaysEveryYear(t *testing.T) {
	want := map[Region]int{EnglandAndWales: 8, Scotland: 9, NorthernIreland: 10}
	oneOffYears := map[int]bool{1999: true, 2002: true, 2011: true, 2012: true, 2020: true, 2022: true, 2023: true}
	for _, r := range Regions {
		for year := 1980; year <= 2100; year++ {
			hs := BankHolidays(r, year)
			if !oneOffYears[year] {
				require.Len(t, hs, want[r], "%s %d", r, year)
			}
			for i, h := range hs {
				require.Equal(t, year, h.Date.Year(), "%s %s", r, h.Name)
				require.False(t, isWeekend(h.Date), "%s %d: %s on a weekend", r, year, h.Name)
				require.NotEmpty(t, h.Name)
				if i > 0 {
					require.True(t, hs[i-1].Date.Before(h.Date), "%s %d: sorted, no duplicates", r, year)
				}
				require.False(t, IsWorkingDay(r, h.Date), "%s %s", r, h.Date)
			}
		}
	}
}

func TestBankHolidaysReturnsACopy(t *testing.T) {
	hs := BankHolidays(EnglandAndWales, 2024)
	hs[0].Name = "changed"
	assert.Equal(t, "New Year's Day", BankHolidays(EnglandAndWales, 2024)[0].Name)
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		name   string
		region Region
		date   time.Time
		want   bool
	}{
		{"ordinary Tuesday", EnglandAndWales, day(t, "2024-04-02"), true},
		{"Saturday", EnglandAndWales, day(t, "2024-04-06"), false},
		{"Sunday", Scotland, day(t, "2024-04-07"), false},
		{"Easter Monday, England", EnglandAndWales, day(t, "2024-04-01"), false},
		{"Easter Monday, Scotland", Scotland, day(t, "2024-04-01"), true},
		{"Easter Monday, Northern Ireland", NorthernIreland, day(t, "2024-04-01"), false},
		{"Good Friday, Scotland", Scotland, day(t, "2024-03-29"), false},
		{"2 January, Scotland", Scotland, day(t, "2024-01-02"), false},
		{"2 January, England", EnglandAndWales, day(t, "2024-01-02"), true},
		{"17 March, Northern Ireland", NorthernIreland, day(t, "2025-03-17"), false},
		{"17 March, Scotland", Scotland, day(t, "2025-03-17"), true},
		{"12 July, Northern Ireland", NorthernIreland, day(t, "2024-07-12"), false},
		{"12 July, England", EnglandAndWales, day(t, "2024-07-12"), true},
		{"St Andrew's Day substitute", Scotland, day(t, "2024-12-02"), false},
		{"St Andrew's Day, England", EnglandAndWales, day(t, "2023-11-30"), true},
		{"23:30 UTC on Christmas Eve is still Christmas Eve in London (GMT)", EnglandAndWales, moment(t, "2024-12-24T23:30:00Z"), true},
		{"23:30 UTC on 31 March 2024 is Easter Monday 00:30 BST", EnglandAndWales, moment(t, "2024-03-31T23:30:00Z"), false},
		{"unknown region: weekdays work", "atlantis", day(t, "2024-12-25"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, IsWorkingDay(tt.region, tt.date))
		})
	}
}

func TestEaster(t *testing.T) {
	for _, want := range []string{
		"1961-04-02", "2000-04-23", "2008-03-23", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17",
		"2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", "2285-03-22",
	} {
		d := day(t, want)
		assert.Equal(t, want, Easter(d.Year()).Format(time.DateOnly))
	}
}

func BenchmarkBankHolidaysUncached(b *testing.B) {
	for b.Loop() {
		cal := &Calendar{changes: DefaultCalendar().changes}
		_ = cal.BankHolidays(Scotland, 2024)
	}
}
