package dpo

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/deadline"
)

// CSVColumns is the header of the queue's CSV export, the same from `privacybot queue export
// --csv` and the dashboard's download. Other tools read these names: add columns at the end,
// never rename or reorder one.
var CSVColumns = []string{"ref", "type", "status", "organisation", "region", "service", "received", "channel",
	"due", "overdue", "extended", "extension_reason", "assigned_to", "closed", "requester_name", "contact_kind",
	"contact", "on_behalf_of", "on_behalf_of_whom", "description", "created", "updated", "law_enforcement",
	"received_date", "closed_late", "days_late", "safeguarding"}

// WriteCSV writes cases as CSV with the CSVColumns header: times in RFC 3339 as UK clocks showed
// them (2026-07-01T00:30:00+01:00, the instant of 2026-06-30T23:30:00Z: a letter received on 1
// July reads as 1 July, as its received_date does), due dates as dates, overdue as of now,
// received_date the London date of receipt (for monthly reports), closed_late and days_late as
// lateness reads (see lateness), safeguarding whether the chat read a risk to someone's
// safety (Case.Safeguarding). Every cell goes through CSVSafe, since requesters write several
// of them.
func WriteCSV(w io.Writer, cases []Case, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return fmt.Errorf("write CSV header: %w", err)
	}
	for _, c := range cases {
		row := csvRow(c, now)
		for i := range row {
			row[i] = CSVSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV row %s: %w", c.Ref, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// csvRow is a case's cells in CSVColumns' order.
func csvRow(c Case, now time.Time) []string {
	rfc := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(london).Format(time.RFC3339)
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	row := []string{c.Ref, string(c.Type), string(c.Status), c.Organisation, string(c.Region), c.Service,
		rfc(c.Received), string(c.Channel), date(c.Due), strconv.FormatBool(c.Overdue(now)),
		strconv.FormatBool(c.Extended), c.ExtensionReason, c.AssignedTo, rfc(c.Closed), c.Requester.Name,
		string(c.Requester.Contact.Kind), c.Requester.Contact.Value, strconv.FormatBool(c.Requester.OnBehalfOf),
		c.Requester.OnBehalfOfWhom, c.Description, rfc(c.Created), rfc(c.Updated), string(c.LawEnforcement),
		deadline.LondonDate(c.Received).Format(time.DateOnly)}
	closedLate, daysLate := lateness(c, now)
	return append(row, closedLate, daysLate, strconv.FormatBool(c.Safeguarding))
}

// lateness is what a DPO reporting how many requests were answered in time needs besides
// overdue, which is of open cases only: closed_late, for a closed case with a due date, whether
// it was closed on a UK date after it ("true" or "false"; "" for an open case, or one closed with
// its clock stopped, awaiting ID or clarification, which had none); and days_late, the days
// past its due date the case was closed on, or, open, is now (0 when not late; "" with no due
// date). Whether it was answered, refused or withdrawn late is its status.
func lateness(c Case, now time.Time) (closedLate, daysLate string) {
	if c.Due.IsZero() {
		return "", ""
	}
	day := deadline.LondonDate(now)
	if c.Status.Final() {
		day = deadline.LondonDate(c.Closed)
		closedLate = strconv.FormatBool(day.After(c.Due))
	}
	days := 0
	if day.After(c.Due) {
		days = int(day.Sub(c.Due) / (24 * time.Hour)) // both dates are 00:00 UTC: whole days
	}
	return closedLate, strconv.Itoa(days)
}

// CSVSafe defuses CSV formula injection: a spreadsheet runs a cell starting with = + - @ (or a
// tab or carriage return that hides one) as a formula, and requesters and residents write some
// of the cells exported. A leading apostrophe makes it text.
func CSVSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
