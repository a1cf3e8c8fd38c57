package deadline

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// day parses a YYYY-MM-DD date as 00:00 UTC, the package's date representation.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	require.NoError(t, err)
	return d
}

// moment parses an RFC 3339 timestamp.
func moment(t testing.TB, s string) time.Time {
	t.Helper()
	m, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return m
}

func TestParseRegion(t *testing.T) {
	tests := []struct {
		in      string
		want    Region
		wantErr bool
	}{
		{"", EnglandAndWales, false},
		{"england-and-wales", EnglandAndWales, false},
		{"Scotland", Scotland, false},
		{"NORTHERN-IRELAND", NorthernIreland, false},
		{"Northern Ireland", NorthernIreland, false},
		{" england_and_wales ", EnglandAndWales, false},
		{"wales", "", true},
		{"ireland", "", true},
		{"uk", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRegion(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, ErrUnknownRegion)
				assert.Contains(t, err.Error(), "england-and-wales", "the error should list the valid names")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDueOneMonth(t *testing.T) {
	tests := []struct {
		name     string
		received string // RFC 3339, or a date (00:00 UTC)
		region   Region
		want     string
	}{
		// The worked examples of the reference (England and Wales).
		{"guidance: weekend receipt, corresponding date", "2023-09-03", EnglandAndWales, "2023-10-03"},
		{"guidance: received on a bank holiday", "2024-01-01", EnglandAndWales, "2024-02-01"},
		{"guidance: no 31 February", "2023-01-31", EnglandAndWales, "2023-02-28"},
		{"guidance: leap year", "2024-01-31", EnglandAndWales, "2024-02-29"},
		{"guidance: no 31 April", "2025-03-31", EnglandAndWales, "2025-04-30"},
		{"guidance: Christmas and Boxing Day", "2024-11-25", EnglandAndWales, "2024-12-27"},
		// The brief's examples.
		{"due on a Saturday moves to Monday", "2026-09-03", EnglandAndWales, "2026-10-05"},
		{"end of February on a Sunday moves into March", "2027-01-31", EnglandAndWales, "2027-03-01"},
		{"empty region is England and Wales", "2026-09-03", "", "2026-10-05"},

		// Europe/London date of the moment of receipt.
		{"23:30 UTC on 30 June is 1 July in London (BST)", "2023-06-30T23:30:00Z", EnglandAndWales, "2023-08-01"},
		{"23:30 UTC on 31 December is still 31 December (GMT)", "2023-12-31T23:30:00Z", EnglandAndWales, "2024-01-31"},
		{"London midnight in BST", "2023-07-01T00:00:00+01:00", EnglandAndWales, "2023-08-01"},
		{"Paris 00:30 is London 23:30 the day before", "2023-07-01T00:30:00+02:00", EnglandAndWales, "2023-07-31"},
		{"New York evening is London next day", "2023-07-01T20:00:00-04:00", EnglandAndWales, "2023-08-02"},
		{"evening before clocks go forward (GMT)", "2024-03-30T23:30:00Z", EnglandAndWales, "2024-04-30"},
		{"first night of BST", "2024-03-31T23:30:00Z", EnglandAndWales, "2024-05-01"},
		{"last BST hour before clocks go back", "2024-10-26T23:30:00Z", EnglandAndWales, "2024-11-27"},
		{"first GMT evening after clocks go back", "2024-10-27T23:30:00Z", EnglandAndWales, "2024-11-27"},
		{"00:59 UTC on the October change day is 01:59 BST", "2024-10-27T00:59:00Z", EnglandAndWales, "2024-11-27"},

		// Leap years and short months.
		{"30 January in a leap year", "2028-01-30", EnglandAndWales, "2028-02-29"},
		{"2000 is a leap year", "2000-01-31", EnglandAndWales, "2000-02-29"},
		{"2100 is not a leap year (28 Feb 2100 is a Sunday)", "2100-01-31", EnglandAndWales, "2100-03-01"},
		{"29 February to 29 March: Good Friday then Easter Monday", "2024-02-29", EnglandAndWales, "2024-04-02"},
		{"29 February to 29 March in Scotland: no Easter Monday", "2024-02-29", Scotland, "2024-04-01"},
		{"29 February to 29 March in Northern Ireland", "2024-02-29", NorthernIreland, "2024-04-02"},
		{"31 May to 30 June", "2023-05-31", EnglandAndWales, "2023-06-30"},
		{"31 December to 31 January across the year", "2024-12-31", EnglandAndWales, "2025-01-31"},

		// Regional differences.
		{"Easter Monday in England", "2025-03-21", EnglandAndWales, "2025-04-22"},
		{"Easter Monday is a working day in Scotland", "2025-03-21", Scotland, "2025-04-21"},
		{"2 January is a working day in England", "2024-12-02", EnglandAndWales, "2025-01-02"},
		{"2 January in Scotland", "2024-12-02", Scotland, "2025-01-03"},
		{"New Year 2023 substitute in England", "2022-12-02", EnglandAndWales, "2023-01-03"},
		{"New Year 2023 in Scotland: 2 Jan, then 1 Jan's substitute on the 3rd", "2022-12-02", Scotland, "2023-01-04"},
		{"17 March is a working day in England", "2025-02-17", EnglandAndWales, "2025-03-17"},
		{"St Patrick's Day in Northern Ireland", "2025-02-17", NorthernIreland, "2025-03-18"},
		{"St Patrick's Day substitute (17 Mar 2024 a Sunday)", "2024-02-18", NorthernIreland, "2024-03-19"},
		{"12 July is a working day in England", "2023-06-12", EnglandAndWales, "2023-07-12"},
		{"Battle of the Boyne in Northern Ireland", "2023-06-12", NorthernIreland, "2023-07-13"},
		{"Battle of the Boyne substitute (12 Jul 2020 a Sunday)", "2020-06-13", NorthernIreland, "2020-07-14"},
		{"St Andrew's Day in Scotland", "2023-10-30", Scotland, "2023-12-01"},
		{"St Andrew's Day substitute (30 Nov 2024 a Saturday)", "2024-11-02", Scotland, "2024-12-03"},
		{"no St Andrew's substitute in England", "2024-11-02", EnglandAndWales, "2024-12-02"},
		{"first Monday of August in Scotland", "2024-07-05", Scotland, "2024-08-06"},
		{"first Monday of August is a working day in England", "2024-07-05", EnglandAndWales, "2024-08-05"},
		{"last Monday of August in England", "2024-07-26", EnglandAndWales, "2024-08-27"},
		{"last Monday of August is a working day in Scotland", "2024-07-26", Scotland, "2024-08-26"},

		// Substitute days when Christmas falls on a weekend.
		{"Christmas 2021 on a Saturday", "2021-11-25", EnglandAndWales, "2021-12-29"},
		{"Christmas 2021 substitute Monday", "2021-11-27", EnglandAndWales, "2021-12-29"},
		{"Christmas 2022 on a Sunday: Boxing Day Monday", "2022-11-26", EnglandAndWales, "2022-12-28"},
		{"Christmas 2022 substitute Tuesday", "2022-11-27", EnglandAndWales, "2022-12-28"},
		{"Boxing Day 2026 on a Saturday", "2026-11-26", Scotland, "2026-12-29"},

		// One-off holidays from the embedded file.
		{"Queen's funeral 2022", "2022-08-19", EnglandAndWales, "2022-09-20"},
		{"Platinum Jubilee 2 and 3 June 2022", "2022-05-02", Scotland, "2022-06-06"},
		{"30 May 2022 was not a holiday: spring bank holiday moved", "2022-04-30", EnglandAndWales, "2022-05-30"},
		{"coronation 2023", "2023-04-08", NorthernIreland, "2023-05-09"},
		{"4 May 2020 was not a holiday: moved to VE day", "2020-04-04", EnglandAndWales, "2020-05-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			received, err := time.Parse(time.RFC3339, tt.received)
			if err != nil {
				received = day(t, tt.received)
			}
			due, ok, err := Clock{Received: received, Region: tt.region}.Due()
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, tt.want, due.Format(time.DateOnly))
			assert.Equal(t, time.UTC, due.Location(), "dates are 00:00 UTC")
			assert.Zero(t, due.Hour()+due.Minute()+due.Second()+due.Nanosecond())
		})
	}
}

func TestStart(t *testing.T) {
	tests := []struct {
		name       string
		received   time.Time
		idReceived time.Time
		want       string
	}{
		{"London date of receipt", moment(t, "2023-06-30T23:30:00Z"), time.Time{}, "2023-07-01"},
		{"ID arrival restarts the clock", day(t, "2023-09-03"), moment(t, "2023-09-10T12:00:00+01:00"), "2023-09-10"},
		{"ID arrival late evening UTC in summer", day(t, "2023-09-03"), moment(t, "2023-09-10T23:15:00Z"), "2023-09-11"},
		{"an ID date before receipt can't shorten the clock", day(t, "2023-09-03"), day(t, "2023-09-01"), "2023-09-03"},
		{"no receipt", time.Time{}, time.Time{}, "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clock{Received: tt.received, IDReceived: tt.idReceived}.Start()
			assert.Equal(t, tt.want, got.Format(time.DateOnly))
		})
	}
}

func TestDueClockStates(t *testing.T) {
	received := day(t, "2023-03-01") // a Wednesday; one month is Sat 1 April 2023
	tests := []struct {
		name  string
		clock Clock
		want  string // "" means no due date yet
	}{
		{"plain month, Saturday moves to Monday", Clock{Received: received}, "2023-04-03"},
		{"awaiting ID: no due date", Clock{Received: received, AwaitingID: true}, ""},
		{"awaiting ID wins over an earlier ID arrival", Clock{Received: received, AwaitingID: true, IDReceived: day(t, "2023-03-05")}, ""},
		{"ID arrival restarts the month", Clock{Received: day(t, "2023-09-03"), IDReceived: day(t, "2023-09-10")}, "2023-10-10"},
		{"ID arrival on the 31st: month end", Clock{Received: day(t, "2023-01-20"), IDReceived: day(t, "2023-01-31")}, "2023-02-28"},

		{"five paused days", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-14")}}}, "2023-04-06"},
		{"one paused day: ask and answer the same day", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-10")}}}, "2023-04-03"},
		{"six paused days land on Good Friday, Easter Monday follows", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-15")}}}, "2023-04-11"},
		{"same pause in Scotland: Easter Monday is a working day", Clock{Received: received, Region: Scotland, Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-15")}}}, "2023-04-10"},
		{"two pauses add up", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-20"), day(t, "2023-03-21")}, {day(t, "2023-03-06"), day(t, "2023-03-08")}}}, "2023-04-06"},
		{"overlapping pauses count each day once", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-06"), day(t, "2023-03-08")}, {day(t, "2023-03-07"), day(t, "2023-03-10")}}}, "2023-04-06"},
		{"a pause inside another adds nothing", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-06"), day(t, "2023-03-10")}, {day(t, "2023-03-07"), day(t, "2023-03-08")}}}, "2023-04-06"},
		{"pause given as moments in other zones: London dates 10-14 March", Clock{Received: received, Pauses: []Pause{{moment(t, "2023-03-09T23:30:00-05:00"), moment(t, "2023-03-15T00:30:00+02:00")}}}, "2023-04-06"},
		{"open pause: no due date", Clock{Received: received, Pauses: []Pause{{From: day(t, "2023-03-10")}}}, ""},
		{"pause after the clock ran out is ignored", Clock{Received: received, Pauses: []Pause{{day(t, "2023-04-04"), day(t, "2023-04-20")}}}, "2023-04-03"},
		{"open pause after the clock ran out is ignored", Clock{Received: received, Pauses: []Pause{{From: day(t, "2023-04-04")}}}, "2023-04-03"},
		{"clarification asked on the moved due date: due the day after it arrives", Clock{Received: received, Pauses: []Pause{{day(t, "2023-04-03"), day(t, "2023-04-05")}}}, "2023-04-06"},
		{"clarification asked on the Sunday before the moved due date", Clock{Received: received, Pauses: []Pause{{day(t, "2023-04-02"), day(t, "2023-04-02")}}}, "2023-04-03"},
		{"pause that a first pause brought into time counts", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-14")}, {day(t, "2023-04-05"), day(t, "2023-04-05")}}}, "2023-04-11"},
		{"ID on 14 March, no pause", Clock{Received: received, IDReceived: day(t, "2023-03-14")}, "2023-04-14"},
		{"pause before the ID arrived doesn't count", Clock{Received: received, IDReceived: day(t, "2023-03-14"), Pauses: []Pause{{day(t, "2023-03-02"), day(t, "2023-03-09")}}}, "2023-04-14"},
		{"pause straddling the ID arrival counts from the restart", Clock{Received: received, IDReceived: day(t, "2023-03-14"), Pauses: []Pause{{day(t, "2023-03-10"), day(t, "2023-03-16")}}}, "2023-04-17"},

		{"extension: three months from the start", Clock{Received: day(t, "2023-09-03"), Extended: true}, "2023-12-04"},
		{"extension to the end of a leap February", Clock{Received: day(t, "2023-11-30"), Extended: true}, "2024-02-29"},
		{"extension onto Christmas", Clock{Received: day(t, "2024-09-25"), Extended: true}, "2024-12-27"},
		{"extension from the ID arrival", Clock{Received: day(t, "2023-09-03"), IDReceived: day(t, "2023-09-10"), Extended: true}, "2023-12-11"},
		{"extension plus a pause", Clock{Received: day(t, "2023-09-03"), Extended: true, Pauses: []Pause{{day(t, "2023-09-05"), day(t, "2023-09-06")}}}, "2023-12-05"},
		{"extension: a pause after the first month still counts", Clock{Received: day(t, "2023-09-03"), Extended: true, Pauses: []Pause{{day(t, "2023-11-01"), day(t, "2023-11-03")}}}, "2023-12-06"},
		{"extension in Scotland over St Andrew's Day", Clock{Received: day(t, "2023-08-30"), Region: Scotland, Extended: true}, "2023-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, ok, err := tt.clock.Due()
			require.NoError(t, err)
			if tt.want == "" {
				assert.False(t, ok)
				assert.True(t, due.IsZero())
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, due.Format(time.DateOnly))
		})
	}
}

func TestDueErrors(t *testing.T) {
	received := day(t, "2023-03-01")
	tests := []struct {
		name  string
		clock Clock
		want  error
	}{
		{"no receipt", Clock{}, ErrNoReceipt},
		{"unknown region", Clock{Received: received, Region: "wales"}, ErrUnknownRegion},
		{"pause without a start", Clock{Received: received, Pauses: []Pause{{To: day(t, "2023-03-02")}}}, ErrBadPause},
		{"pause ending before it starts", Clock{Received: received, Pauses: []Pause{{day(t, "2023-03-05"), day(t, "2023-03-04")}}}, ErrBadPause},
		{"errors beat awaiting ID", Clock{Received: received, AwaitingID: true, Region: "mars"}, ErrUnknownRegion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok, err := tt.clock.Due()
			require.ErrorIs(t, err, tt.want)
			assert.False(t, ok)
			assert.False(t, tt.clock.ExtensionAllowed(received), "an unusable clock allows no extension")
		})
	}
}

func TestExtensionAllowed(t *testing.T) {
	sep3 := Clock{Received: day(t, "2023-09-03")}  // due Tue 3 October 2023
	moved := Clock{Received: day(t, "2026-09-03")} // 3 Oct 2026 is a Saturday: due Mon 5 October
	paused := Clock{Received: day(t, "2023-09-03"), Pauses: []Pause{{day(t, "2023-09-10"), day(t, "2023-09-11")}}}
	tests := []struct {
		name  string
		clock Clock
		at    time.Time
		want  bool
	}{
		{"on the start day", sep3, day(t, "2023-09-03"), true},
		{"on the due date", sep3, day(t, "2023-10-03"), true},
		{"last minute of the due date in London", sep3, moment(t, "2023-10-03T22:59:00Z"), true},
		{"23:30 UTC on the due date is the next day in London", sep3, moment(t, "2023-10-03T23:30:00Z"), false},
		{"the day after", sep3, day(t, "2023-10-04"), false},
		{"the Extended flag doesn't move the boundary", Clock{Received: day(t, "2023-09-03"), Extended: true}, day(t, "2023-10-04"), false},
		{"due date moved off a weekend: Monday allowed", moved, day(t, "2026-10-05"), true},
		{"due date moved off a weekend: Tuesday refused", moved, day(t, "2026-10-06"), false},
		{"pauses lengthen the first month", paused, day(t, "2023-10-05"), true},
		{"…but not past it", paused, day(t, "2023-10-06"), false},
		{"awaiting ID: the month hasn't begun", Clock{Received: day(t, "2023-09-03"), AwaitingID: true}, day(t, "2023-12-01"), true},
		{"open pause: the month is stopped", Clock{Received: day(t, "2023-09-03"), Pauses: []Pause{{From: day(t, "2023-09-20")}}}, day(t, "2023-12-01"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.clock.ExtensionAllowed(tt.at))
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2023-09-03", 1, "2023-10-03"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-03-31", 1, "2023-04-30"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2023-12-31", 1, "2024-01-31"},
		{"2023-10-31", 3, "2024-01-31"},
		{"2023-12-15", 3, "2024-03-15"},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			assert.Equal(t, tt.want, AddMonths(day(t, tt.from), tt.n).Format(time.DateOnly))
		})
	}
}

// TestDueIsFirstWorkingDayOnOrAfterMonth checks, for every receipt day over a span of years and
// every region, that the due date is a working day, that it isn't before the calendar-month date,
// and that every day between the two is a non-working day.
func TestDueIsFirstWorkingDayOnOrAfterMonth(t *testing.T) {
	for _, r := range Regions {
		for d := day(t, "2019-01-01"); d.Year() < 2031; d = d.AddDate(0, 0, 1) {
			due, ok, err := Clock{Received: d, Region: r}.Due()
			require.NoError(t, err)
			require.True(t, ok)
			month := AddMonths(d, 1)
			require.False(t, due.Before(month), "%s %s", r, d)
			require.True(t, IsWorkingDay(r, due), "%s %s → %s", r, d, due)
			require.Less(t, daysBetween(month, due), 6, "%s %s: at most a long weekend plus substitutes", r, d)
			for x := month; x.Before(due); x = x.AddDate(0, 0, 1) {
				require.False(t, IsWorkingDay(r, x), "%s %s: skipped working day %s", r, d, x)
			}
		}
	}
}

func BenchmarkDue(b *testing.B) {
	c := Clock{
		Received: time.Date(2024, 11, 25, 10, 0, 0, 0, time.UTC),
		Region:   Scotland,
		Extended: true,
		Pauses:   []Pause{{time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC)}},
	}
	for b.Loop() {
		if _, _, err := c.Due(); err != nil {
			b.Fatal(err)
		}
	}
}
