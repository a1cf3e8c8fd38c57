package conversation

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

// When and how a request an adviser logs reached the council. A request's month runs from the day
// it arrived, and an adviser's chat stamps it with the time of the call: a letter from last week
// typed in as the words that start a request was filed as a call received today, a week late on
// the trail (a QA pass). The first reply says how to log it with its day (the /request command's
// --received and --via), and the summary shows the day and the way, so a wrong one is caught.

var (
	// arrivedByPostRe, arrivedByEmailRe and arrivedByVoicemailRe say a request came other than by
	// the call being taken: "we got a letter", "he wrote in", "an email from", "left a voicemail".
	// "send it by email" is how the answer is to go, not how the request came.
	arrivedByPostRe      = regexp.MustCompile(`(?i)\b(?:an?|the|his|her|their)\s+(?:\w+\s+)?letter\b|\bletter\s+(?:from|dated|received|came|arrived)\b|\b(?:by|in the|through the)\s+post\b|\bwrote\s+(?:in|to us|to the council)\b`)
	arrivedByEmailRe     = regexp.MustCompile(`(?i)\b(?:an|the|his|her|their)\s+(?:\w+\s+)?e-?mail\b|\b(?:got|received|had)\s+(?:an?\s+)?e-?mail\b|\be-?mailed\s+(?:us|in|the council)\b|\bcame\s+(?:in\s+)?by\s+e-?mail\b`)
	arrivedByVoicemailRe = regexp.MustCompile(`(?i)\b(?:voice\s?-?mail|answerphone|answer phone|left (?:us )?a message)\b`)
	// arrivedEarlierRe says it came on a day before today: "yesterday", "last week", "3 days ago",
	// "on 1 Dec", "dated December 1st". Groups 1-2 are a day and a month, 3-4 a month and a day.
	arrivedEarlierRe = regexp.MustCompile(`(?i)\b(?:yesterday|last (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:a|one|two|three|four|five|six|a few|a couple of|\d+) (?:days?|weeks?) ago|` +
		`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|` +
		`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?)\b`)
	// yesterdayRe is the one earlier day said without a date that names a date.
	yesterdayRe = regexp.MustCompile(`(?i)\byesterday\b`)
)

// arrivedOtherwise reads an adviser's message that starts a request for how it came, when that
// was not the call being taken: by post, e-mail or voicemail, or on an earlier day. ok is false
// when the message says neither. day is the day it arrived when the message gives one (zero
// when not); via is how it came, phone when only the day is said.
func arrivedOtherwise(v string, now time.Time) (day time.Time, via dpo.Channel, ok bool) {
	switch {
	case arrivedByPostRe.MatchString(v):
		via, ok = dpo.ChannelPost, true
	case arrivedByEmailRe.MatchString(v):
		via, ok = dpo.ChannelEmail, true
	case arrivedByVoicemailRe.MatchString(v):
		via, ok = dpo.ChannelPhone, true
	}
	var m []string
	for _, said := range arrivedEarlierRe.FindAllStringSubmatch(v, -1) {
		if m == nil || said[1] != "" || said[3] != "" {
			m = said // "last week (1 Dec)": the date, when one is given
		}
	}
	if m == nil {
		return time.Time{}, via, ok
	}
	if via == "" {
		via = dpo.ChannelPhone // "he rang yesterday": an earlier call
	}
	today := deadline.LondonDate(now)
	switch {
	case yesterdayRe.MatchString(m[0]):
		return today.AddDate(0, 0, -1), via, true
	case m[1] != "":
		return pastDate(today, m[1], m[2]), via, true
	case m[3] != "":
		return pastDate(today, m[4], m[3]), via, true
	}
	return time.Time{}, via, true
}

// pastDate is the last day month and day named that is not after today: "1 Dec" said on 8
// December 2026 is 1 December 2026, said on 5 January 2027 it is 1 December 2026 too. Zero when
// there is no such day ("31 Feb").
func pastDate(today time.Time, day, month string) time.Time {
	d, err := strconv.Atoi(day)
	mon, ok := monthsByPrefix[strings.ToLower(month)[:3]]
	if err != nil || !ok {
		return time.Time{}
	}
	for y := today.Year(); y >= today.Year()-1; y-- {
		t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return time.Time{} // no such day: time.Date moved it on
		}
		if !t.After(today) {
			return t
		}
	}
	return time.Time{}
}

var monthsByPrefix = map[string]time.Month{"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December}

// arrivalNote is what the first reply to an adviser's request that came otherwise than by this
// call says: the month runs from the day it arrived, and how to log it with that day, the date
// filled in when the message gave one.
func arrivalNote(it *intake, day time.Time, via dpo.Channel) string {
	date := "YYYY-MM-DD"
	if !day.IsZero() {
		date = day.Format("2006-01-02")
	}
	return fmt.Sprintf("This request seems to have arrived before this call or another way: its one-month time limit runs from the day it reached the council, not today. "+
		"To log it with that day, type \"cancel\", then /request %s --received %s --via %s (the day it arrived; --via post for a letter, email for an e-mail, phone for a voicemail).",
		it.typ, date, via)
}

// receivedLine is the summary's line, for an adviser, of the day the request reached the
// council and how: "Received: Tuesday 8 December 2026, by phone".
func (b *Bot) receivedLine(it *intake) string {
	received := it.receivedAt
	if received.IsZero() {
		received = b.now()
	}
	via := it.channel
	if via == string(dpo.ChannelEmail) {
		via = "e-mail"
	}
	return fmt.Sprintf("- Received: %s, by %s\n", deadline.LondonDate(received).Format("Monday 2 January 2006"), via)
}
