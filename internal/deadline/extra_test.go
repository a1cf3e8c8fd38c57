package deadline

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedHolidaysParse(t *testing.T) {
	changes, err := parseChanges("holidays.yaml", embeddedHolidays)
	require.NoError(t, err)
	assert.NotEmpty(t, changes)
	for _, d := range []string{"2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"} {
		for _, r := range Regions {
			assert.False(t, IsWorkingDay(r, day(t, d)), "%s in %s", d, r)
		}
	}
	for _, d := range []string{"2022-05-30", "2020-05-04"} { // moved away
		for _, r := range Regions {
			assert.True(t, IsWorkingDay(r, day(t, d)), "%s in %s", d, r)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	return path
}

func TestLoadExtraHolidays(t *testing.T) {
	path := writeFile(t, "holidays.yaml", `
holidays:
  - date: 2027-06-07
    name: Imaginary jubilee
  - date: 2027-03-01
    name: St David's Day
    regions: [england-and-wales]
  - date: 2027-05-31
    name: Spring bank holiday
    cancel: true
    regions: [Scotland]
  - date: 2027-08-09
    name: Summer bank holiday (moved)
    moved_from: 2027-08-02
    regions: [scotland]
`)
	cal, err := LoadExtraHolidays(path)
	require.NoError(t, err)

	assert.False(t, cal.IsWorkingDay(EnglandAndWales, day(t, "2027-06-07")), "added for every region")
	assert.False(t, cal.IsWorkingDay(NorthernIreland, day(t, "2027-06-07")))
	assert.False(t, cal.IsWorkingDay(EnglandAndWales, day(t, "2027-03-01")), "added for one region")
	assert.True(t, cal.IsWorkingDay(Scotland, day(t, "2027-03-01")))
	assert.True(t, cal.IsWorkingDay(Scotland, day(t, "2027-05-31")), "cancelled in Scotland")
	assert.False(t, cal.IsWorkingDay(EnglandAndWales, day(t, "2027-05-31")), "still a holiday elsewhere")
	assert.True(t, cal.IsWorkingDay(Scotland, day(t, "2027-08-02")), "moved away")
	assert.False(t, cal.IsWorkingDay(Scotland, day(t, "2027-08-09")), "moved here")
	assert.Contains(t, dates(cal.BankHolidays(Scotland, 2027)), "2027-08-09")
	assert.NotContains(t, dates(cal.BankHolidays(Scotland, 2027)), "2027-08-02")

	assert.True(t, IsWorkingDay(EnglandAndWales, day(t, "2027-06-07")), "the default calendar is untouched")
	assert.False(t, cal.IsWorkingDay(EnglandAndWales, day(t, "2023-05-08")), "embedded one-offs still apply")

	// A Clock uses the calendar it is given: received 7 May 2027 is due on the added 7 June.
	received := day(t, "2027-05-07")
	plain, _, err := Clock{Received: received}.Due()
	require.NoError(t, err)
	assert.Equal(t, "2027-06-07", plain.Format(time.DateOnly))
	withFile, _, err := Clock{Received: received, Calendar: cal}.Due()
	require.NoError(t, err)
	assert.Equal(t, "2027-06-08", withFile.Format(time.DateOnly))
}

func TestLoadExtraHolidaysJSON(t *testing.T) {
	path := writeFile(t, "holidays.json", `{"holidays": [{"date": "2027-06-07", "name": "Imaginary jubilee", "note": "test"}]}`)
	cal, err := LoadExtraHolidays(path)
	require.NoError(t, err)
	assert.False(t, cal.IsWorkingDay(Scotland, day(t, "2027-06-07")))
}

func TestLoadExtraHolidaysEmpty(t *testing.T) {
	cal, err := LoadExtraHolidays("")
	require.NoError(t, err)
	assert.Same(t, DefaultCalendar(), cal)

	for _, text := range []string{"", "# nothing yet\n", "holidays:\n", "holidays: []\n"} {
		cal, err := LoadExtraHolidays(writeFile(t, "h.yaml", text))
		require.NoError(t, err, "%q", text)
		assert.Equal(t, dates(BankHolidays(EnglandAndWales, 2024)), dates(cal.BankHolidays(EnglandAndWales, 2024)))
	}
}

func TestLoadExtraHolidaysErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		line int
		want string
	}{
		{"not YAML", "holidays: [\n", 0, "yaml"},
		{"a list at the top", "- date: 2027-06-07\n", 1, `"holidays"`},
		{"unknown top key", "holiday:\n  - date: 2027-06-07\n", 1, `unknown key "holiday"`},
		{"holidays not a list", "holidays: 2027-06-07\n", 1, "must be a list"},
		{"bad date", "holidays:\n  - date: 2027-02-30\n    name: X\n", 2, `"2027-02-30"`},
		{"US date", "holidays:\n  - date: 06/07/2027\n    name: X\n", 2, "YYYY-MM-DD"},
		{"no date", "holidays:\n  - name: X\n", 2, "no date"},
		{"no name", "holidays:\n  - date: 2027-06-07\n", 2, "no name"},
		{"typo in a key", "holidays:\n  - date: 2027-06-07\n    name: X\n    region: [scotland]\n", 2, `unknown key "region"`},
		{"unknown region", "holidays:\n  - date: 2027-06-07\n    name: X\n    regions: [wales]\n", 2, "unknown region"},
		{"regions not a list", "holidays:\n  - date: 2027-06-07\n    name: X\n    regions: scotland\n", 2, "regions"},
		{"cancel and move", "holidays:\n  - date: 2027-06-07\n    cancel: true\n    moved_from: 2027-05-31\n", 2, "cancel and moved_from"},
		{"key twice", "holidays:\n  - date: 2027-06-07\n    name: X\n    name: Y\n", 2, "twice"},
		{"entry not a mapping", "holidays:\n  - 2027-06-07\n", 2, "mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "h.yaml", tt.text)
			_, err := LoadExtraHolidays(path)
			require.Error(t, err)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, path, pe.File)
			if tt.line > 0 {
				assert.Equal(t, tt.line, pe.Line)
			}
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoadExtraHolidaysMissingFile(t *testing.T) {
	_, err := LoadExtraHolidays(filepath.Join(t.TempDir(), "nope.yaml"))
	require.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), "nope.yaml")
}
