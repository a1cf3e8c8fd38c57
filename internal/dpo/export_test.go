package dpo

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/deadline"
)

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+44 7700": "'+44 7700", "-2": "'-2", "@cmd": "'@cmd", "\t=x": "'\t=x", "\r=x": "'\r=x",
		"plain": "plain", "": "", "a=b": "a=b",
	} {
		assert.Equal(t, want, CSVSafe(in), "%q", in)
	}
}

// A case's row: every column under its name, the cells a requester wrote defused.
func TestWriteCSV(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Type: Access, Status: Received, Organisation: "Leeds City Council",
		Region: deadline.EnglandAndWales, Received: at(t, "2026-06-30T23:30:00Z"), Channel: ChannelWeb,
		Requester:   Requester{Name: "=HYPERLINK(\"http://evil.example\")", Contact: Contact{Kind: ContactPhone, Value: "+44 7700 900123"}},
		Description: "@SUM(A1) and a line\nwith \"quotes\", commas", Due: at(t, "2026-08-03T00:00:00Z"),
		AssignedTo: "-sam", Created: at(t, "2026-06-30T23:31:00Z"), Updated: at(t, "2026-06-30T23:31:00Z")}
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, []Case{c}, at(t, "2026-08-04T09:00:00Z")))
	records, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, "valid CSV")
	require.Len(t, records, 2)
	require.Equal(t, CSVColumns, records[0])
	got := map[string]string{}
	for i, name := range records[0] {
		got[name] = records[1][i]
	}
	assert.Equal(t, map[string]string{
		"ref": "DPO-2026-000001", "type": "access", "status": "received", "organisation": "Leeds City Council",
		"region": "england-and-wales", "service": "", "received": "2026-07-01T00:30:00+01:00", "channel": "web",
		"due": "2026-08-03", "overdue": "true", "extended": "false", "extension_reason": "", "assigned_to": "'-sam",
		"closed": "", "requester_name": `'=HYPERLINK("http://evil.example")`, "contact_kind": "phone",
		"contact": "'+44 7700 900123", "on_behalf_of": "false", "on_behalf_of_whom": "",
		"description": "'@SUM(A1) and a line\nwith \"quotes\", commas", "created": "2026-07-01T00:31:00+01:00",
		"updated": "2026-07-01T00:31:00+01:00", "law_enforcement": "",
		"received_date": "2026-07-01", // 23:30 UTC on 30 June is 1 July in London
		"closed_late":   "",           // open
		"days_late":     "1",          // due 3 August, overdue on the 4th
		"safeguarding":  "false",
	}, got)

	// A case whose chat read a risk to someone's safety says so, in the last column.
	c.Safeguarding = true
	buf.Reset()
	require.NoError(t, WriteCSV(&buf, []Case{c}, at(t, "2026-08-04T09:00:00Z")))
	records, err = csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "safeguarding", records[0][len(records[0])-1])
	assert.Equal(t, "true", records[1][len(records[1])-1])
}

// A time reads as UK clocks showed it, with their offset: "received" says the same day as
// received_date (a QA pass found a letter received on 1 July exported as 30 June, in UTC), and
// the instant is the one stored, whatever a spreadsheet makes of it.
func TestCSVTimesAreUKTimes(t *testing.T) {
	for stored, want := range map[string]string{
		"2026-06-30T23:00:00Z": "2026-07-01T00:00:00+01:00", // British Summer Time
		"2026-12-01T09:15:00Z": "2026-12-01T09:15:00Z",      // Greenwich Mean Time: no offset
	} {
		c := Case{Ref: "DPO-2026-000001", Received: at(t, stored), Closed: at(t, stored), Created: at(t, stored), Updated: at(t, stored)}
		row := csvRow(c, at(t, "2026-12-02T09:00:00Z"))
		for _, col := range []string{"received", "closed", "created", "updated"} {
			got := row[slices.Index(CSVColumns, col)]
			assert.Equal(t, want, got, "%s %s", col, stored)
			parsed, err := time.Parse(time.RFC3339, got)
			require.NoError(t, err)
			assert.True(t, parsed.Equal(at(t, stored)), "the same instant")
		}
	}
}

// A case closed after its due date says so: overdue is of open cases only, so a request answered
// late exported overdue=false and nothing else, where a DPO reporting to the ICO counts the
// requests answered late. Days are UK dates: closed at 00:30 on the day after the due date (23:30
// UTC on the due date) is a day late.
func TestCSVSaysWhatWasClosedLate(t *testing.T) {
	now := at(t, "2026-08-20T09:00:00Z")
	for _, tc := range []struct {
		name           string
		status         Status
		due, closed    string // "" : none
		late, daysLate string
	}{
		{"completed on its due date", Completed, "2026-08-03", "2026-08-03T22:30:00Z", "false", "0"},
		{"completed in time", Completed, "2026-08-03", "2026-07-20T10:00:00Z", "false", "0"},
		{"completed just after midnight, UK time", Completed, "2026-08-03", "2026-08-03T23:30:00Z", "true", "1"},
		{"completed a week late", Completed, "2026-08-03", "2026-08-10T15:00:00Z", "true", "7"},
		{"refused late", Refused, "2026-08-03", "2026-08-05T09:00:00Z", "true", "2"},
		{"withdrawn late", Withdrawn, "2026-08-03", "2026-08-04T09:00:00Z", "true", "1"},
		{"refused awaiting ID: no due date", Refused, "", "2026-08-10T09:00:00Z", "", ""},
		{"open and overdue", InProgress, "2026-08-03", "", "", "17"},
		{"open, not yet due", InProgress, "2026-08-25", "", "", "0"},
		{"open, no due date", AwaitingClarification, "", "", "", ""},
	} {
		c := Case{Ref: "DPO-2026-000001", Status: tc.status}
		if tc.due != "" {
			c.Due = at(t, tc.due+"T00:00:00Z")
		}
		if tc.closed != "" {
			c.Closed = at(t, tc.closed)
		}
		row := csvRow(c, now)
		assert.Equal(t, tc.late, row[slices.Index(CSVColumns, "closed_late")], tc.name)
		assert.Equal(t, tc.daysLate, row[slices.Index(CSVColumns, "days_late")], tc.name)
	}
}
