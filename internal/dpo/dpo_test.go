package dpo

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/deadline"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func TestParseRef(t *testing.T) {
	tests := []struct{ in, want string }{
		{"DPO-2026-000123", "DPO-2026-000123"},
		{" dpo-2026-000123 ", "DPO-2026-000123"},
		{"DPO 2026 123", "DPO-2026-000123"},
		{"dpo2026000123", "DPO-2026-000123"},
		{"DPO-2026-1", "DPO-2026-000001"},
		{"DPO-2026-00005", "DPO-2026-000005"},
		{"dpo-2026-5", "DPO-2026-000005"},
		{"DPO-2026-0000005", "DPO-2026-000005"},
		{"DPO-2026-0000000005", "DPO-2026-000005"},
		{"dpo 2026 0000123", "DPO-2026-000123"},
		{"DPO-2026-0123456", "DPO-2026-123456"},
	}
	for _, tc := range tests {
		got, err := ParseRef(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got)
	}
	for _, bad := range []string{"", "DPO-26-000123", "DPO-2026-1234567", "DPO-2026-00000000005", "DPO-2026-0000000", "DPO-2026-000000", "REF-2026-000123", "DPO-2026-12a"} {
		_, err := ParseRef(bad)
		assert.ErrorIs(t, err, ErrNotFound, bad)
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{"in_progress": InProgress, "In Progress": InProgress,
		"awaiting-verification": AwaitingVerification, " COMPLETED ": Completed} {
		got, err := ParseStatus(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := ParseStatus("done")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "status", fe.Field)
	assert.Contains(t, err.Error(), "in_progress", "the error lists the valid statuses")
}

func TestTransitionRules(t *testing.T) {
	tests := []struct {
		from, to Status
		note     string
		wantErr  error
	}{
		{Received, InProgress, "", nil},
		{Received, AwaitingVerification, "", nil},
		{Received, Completed, "", nil},
		{Received, Refused, "manifestly unfounded", nil},
		{Received, Refused, "", ErrInvalid},
		{Received, Refused, " . ", ErrInvalid},
		{Received, Refused, "-- ?!", ErrInvalid},
		{Received, Withdrawn, "", ErrInvalid},
		{InProgress, Withdrawn, "…", ErrInvalid},
		{InProgress, Withdrawn, "phoned 3 March to withdraw", nil},
		{Received, Withdrawn, "2", ErrInvalid}, // one character says neither how nor when (a QA pass)
		{AwaitingVerification, InProgress, "", nil},
		{AwaitingVerification, Completed, "", ErrInvalidTransition},
		{AwaitingVerification, Extended, "x", ErrInvalidTransition},
		{InProgress, Received, "", ErrInvalidTransition},
		{InProgress, InProgress, "", ErrInvalidTransition},
		{InProgress, Extended, "", ErrInvalid},
		{InProgress, Extended, "records in three archives", nil},
		{Extended, Completed, "", nil},
		{Extended, InProgress, "", ErrInvalidTransition},
		{Completed, InProgress, "", ErrInvalidTransition},
		{Refused, InProgress, "", ErrInvalidTransition},
		{Withdrawn, Received, "", ErrInvalidTransition},
		{InProgress, "archived", "", ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(string(tc.from)+"→"+string(tc.to), func(t *testing.T) {
			c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"),
				Status: tc.from, AwaitingID: tc.from == AwaitingVerification}
			before := c
			ev, err := c.Transition(Change{To: tc.to, Actor: "alex", Note: tc.note}, at(t, "2026-03-05T10:00:00Z"))
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Equal(t, before, c, "a refused change leaves the case untouched")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.to, c.Status)
			assert.Equal(t, tc.from, ev.From)
			assert.Equal(t, tc.to, ev.To)
			assert.Equal(t, tc.to.Final(), !c.Closed.IsZero())
		})
	}
}

// A refusal's grounds and a withdrawal's how and when are the audit trail's evidence: a note
// typed to get past the field says neither (a QA pass accepted "x", "n/a" and "withdrawn").
func TestARefusalOrWithdrawalNeedsWordsOfItsOwn(t *testing.T) {
	tests := []struct {
		to   Status
		note string
		ok   bool
	}{
		{Refused, "x", false},
		{Refused, "X.", false},
		{Refused, "n/a", false},
		{Refused, "N/A", false},
		{Refused, "na", false},
		{Refused, "none", false},
		{Refused, "tbc", false},
		{Refused, "-", false},
		{Refused, "refused", false},
		{Refused, "Refusal - refused", false},
		{Refused, "vexatious", false},
		{Refused, "see above", false},
		{Refused, "n/a tbc", false},
		{Withdrawn, "n/a", false},
		{Withdrawn, "withdrawn", false},
		{Withdrawn, "Withdrawn.", false},
		{Withdrawn, "requester withdrew", false},
		{Withdrawn, "request cancelled", false},
		{Withdrawn, "x x x", false},
		{Withdrawn, "phoned", false},
		// Grounds, and how and when, however short.
		{Refused, "manifestly unfounded", true},
		{Refused, "manifestly excessive: the same request was answered on 3 March", true},
		{Refused, "no answer", true},
		{Refused, "Section 31", true},
		{Withdrawn, "by phone", true},
		{Withdrawn, "phoned 3/3", true},
		{Withdrawn, "e-mailed to withdraw", true},
		{Withdrawn, "phoned on 3 March to withdraw it", true},
		{Withdrawn, "Le demandeur a retiré sa demande", true},
	}
	for _, tc := range tests {
		c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: InProgress}
		_, err := c.Transition(Change{To: tc.to, Actor: "alex", Note: tc.note}, at(t, "2026-03-05T10:00:00Z"))
		if tc.ok {
			assert.NoError(t, err, "%s %q", tc.to, tc.note)
			continue
		}
		var fe *FieldError
		if assert.ErrorAs(t, err, &fe, "%s %q", tc.to, tc.note) {
			assert.Equal(t, "note", fe.Field)
			assert.Contains(t, fe.Reason, "in words of their own", tc.note)
			assert.Contains(t, fe.Reason, map[Status]string{Refused: "grounds", Withdrawn: "how and when"}[tc.to], tc.note)
			assert.Contains(t, fe.Reason, fmt.Sprintf("%q", tc.note), "the note said is quoted")
		}
		assert.Equal(t, InProgress, c.Status, "nothing changed")
	}
}

func TestARefusedStepSaysWhichAreAllowed(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: Extended, Extended: true}
	_, err := c.Transition(Change{To: InProgress, Actor: "alex"}, at(t, "2026-03-05T10:00:00Z"))
	require.ErrorIs(t, err, ErrInvalidTransition)
	assert.Contains(t, err.Error(), "from extended: awaiting_clarification, completed, refused, withdrawn")
}

func TestTransitionNeedsActorAndPlausibleTime(t *testing.T) {
	now := at(t, "2026-03-05T10:00:00Z")
	c := Case{Ref: "DPO-2026-000001", Received: at(t, "2026-03-02T10:00:00Z"), Status: Received}
	_, err := c.Transition(Change{To: InProgress}, now)
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = c.Transition(Change{To: InProgress, Actor: "a", At: at(t, "2026-03-01T10:00:00Z")}, now)
	assert.ErrorIs(t, err, ErrInvalid, "before receipt")
	_, err = c.Transition(Change{To: InProgress, Actor: "a", At: at(t, "2026-03-06T10:00:00Z")}, now)
	assert.ErrorIs(t, err, ErrInvalid, "in the future")
}

func TestClarificationOnExtendedCaseReturnsToExtended(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: Received}
	_, err := c.Transition(Change{To: Extended, Actor: "a", Note: "records in three archives"}, at(t, "2026-03-03T10:00:00Z"))
	require.NoError(t, err)
	extendedDue := c.Due
	_, err = c.Transition(Change{To: AwaitingClarification, Actor: "a"}, at(t, "2026-03-10T10:00:00Z"))
	require.NoError(t, err)
	assert.True(t, c.Due.IsZero())
	ev, err := c.Transition(Change{To: InProgress, Actor: "a"}, at(t, "2026-03-12T10:00:00Z"))
	require.NoError(t, err)
	assert.Equal(t, Extended, c.Status, "the extension still stands")
	assert.Equal(t, EventClarificationAnswered, ev.Kind)
	assert.True(t, c.Due.After(extendedDue), "three paused days added to the extended date")
}

func TestSubmissionValidate(t *testing.T) {
	good := Submission{Type: Access, Organisation: "Leeds City Council", Received: at(t, "2026-03-02T10:00:00Z"),
		Channel: ChannelWeb, Description: "my records",
		Requester: Requester{Name: "Jo", Contact: Contact{Kind: ContactEmail, Value: "jo@example.org"}}}
	require.NoError(t, good.Validate())
	tests := []struct {
		field string
		edit  func(*Submission)
	}{
		{"type", func(s *Submission) { s.Type = "gossip" }},
		{"organisation", func(s *Submission) { s.Organisation = " " }},
		{"received", func(s *Submission) { s.Received = time.Time{} }},
		{"channel", func(s *Submission) { s.Channel = "fax" }},
		{"requester name", func(s *Submission) { s.Requester.Name = "" }},
		{"description", func(s *Submission) { s.Description = "" }},
		{"on behalf of", func(s *Submission) { s.Requester.OnBehalfOf = true }},
		{"region", func(s *Submission) { s.Region = "wales-and-england" }},
		{"contact", func(s *Submission) { s.Requester.Contact.Value = "jo at example" }},
		{"contact", func(s *Submission) { s.Requester.Contact = Contact{Kind: ContactPhone, Value: "123"} }},
		{"contact", func(s *Submission) { s.Requester.Contact = Contact{Kind: ContactPhone, Value: "call me maybe"} }},
		{"contact", func(s *Submission) { s.Requester.Contact = Contact{Kind: ContactPostal, Value: " "} }},
		{"contact", func(s *Submission) { s.Requester.Contact = Contact{Kind: "pigeon", Value: "loft 3"} }},
		{"requester", func(s *Submission) { s.Requester.Name = "Jo \u202eeknalB" }},
		{"requester", func(s *Submission) { s.Requester.Contact.Value = "jo@exa\u200bmple.org" }},
		// A direction mark is as invisible as an override: "Maria\u200e" shows as Maria.
		{"requester", func(s *Submission) { s.Requester.Name = "Maria\u200e Damigos" }},
		{"requester", func(s *Submission) { s.Requester.Name = "Jo\u00adBloggs" }}, // a soft hyphen
		{"requester", func(s *Submission) { s.Requester.Name = "Zoë\u2028Fake" }},  // a line separator (a QA pass)
	}
	for _, tc := range tests {
		s := good
		tc.edit(&s)
		err := s.Validate()
		var fe *FieldError
		require.True(t, errors.As(err, &fe), "%s: %v", tc.field, err)
		assert.Equal(t, tc.field, fe.Field)
		assert.ErrorIs(t, err, ErrInvalid)
	}
}

// The joiners some scripts write names with are part of the name, not hidden formatting.
func TestJoinersAreNoHiddenFormatting(t *testing.T) {
	assert.False(t, HiddenFormatting('\u200c'))
	assert.False(t, HiddenFormatting('\u200d'))
	assert.True(t, HiddenFormatting('\u200f'))
	assert.True(t, HiddenFormatting('\u2066'))
}

func TestNormaliseContact(t *testing.T) {
	assert.Equal(t, normaliseContact("Jo.Bloggs@Example.org"), normaliseContact("  jo.bloggs@example.ORG\n"))
	assert.Equal(t, normaliseContact("07700 900123"), normaliseContact("07700900123"))
	assert.NotEqual(t, normaliseContact("07700 900123"), normaliseContact("07700 900124"))
	// The same number dialled from abroad, or written with hyphens, is the same contact.
	assert.Equal(t, normaliseContact("07700 900456"), normaliseContact("+44 7700 900456"))
	assert.Equal(t, normaliseContact("07700 900456"), normaliseContact("+44 (0)7700 900456"))
	assert.Equal(t, normaliseContact("07700 900456"), normaliseContact("07700-900-456"))
	assert.Equal(t, normaliseContact("07700 900456"), normaliseContact("0044 7700 900456"))
	// A postal address however it is punctuated.
	assert.Equal(t, normaliseContact("14 church lane, wendover"), normaliseContact("14 Church Lane Wendover"))
	assert.NotEqual(t, normaliseContact("14 Church Lane Wendover"), normaliseContact("41 Church Lane Wendover"))
}

func TestDefaultBackoffGrowsAndCaps(t *testing.T) {
	assert.Equal(t, 30*time.Second, DefaultBackoff(1))
	assert.Equal(t, time.Minute, DefaultBackoff(2))
	assert.Equal(t, 2*time.Minute, DefaultBackoff(3))
	assert.Equal(t, time.Hour, DefaultBackoff(50))
}

func TestRefYearIsUKYearOfReceipt(t *testing.T) {
	assert.Equal(t, 2026, RefYear(at(t, "2026-12-31T23:59:59Z")))
	assert.Equal(t, 2027, RefYear(at(t, "2026-12-31T23:30:00-01:00")), "already 2027 in the UK")
	assert.Equal(t, "DPO-2026-000123", FormatRef(2026, 123))
}

// A repeated or impossible action says what the case already is, not only "invalid transition".
func TestRefusedRepeatsSayWhy(t *testing.T) {
	now := at(t, "2026-03-05T10:00:00Z")
	extended := Case{Ref: "DPO-2026-000001", Received: at(t, "2026-03-02T10:00:00Z"), Status: Extended, Extended: true,
		Due: at(t, "2026-06-02T00:00:00Z")}
	_, err := extended.Transition(Change{To: Extended, Actor: "a", Note: "again"}, now)
	require.ErrorIs(t, err, ErrInvalidTransition)
	assert.Contains(t, err.Error(), "already extended (due 2026-06-02)")

	closed := Case{Ref: "DPO-2026-000002", Received: at(t, "2026-03-02T10:00:00Z"), Status: Completed,
		Closed: at(t, "2026-03-04T10:00:00Z")}
	_, err = closed.Transition(Change{To: Completed, Actor: "a"}, now)
	require.ErrorIs(t, err, ErrInvalidTransition)
	assert.Contains(t, err.Error(), "was closed (completed) on 4 March 2026")

	working := Case{Ref: "DPO-2026-000003", Received: at(t, "2026-03-02T10:00:00Z"), Status: InProgress}
	_, err = working.Transition(Change{To: InProgress, Actor: "a"}, now)
	assert.Contains(t, err.Error(), "is already in_progress")
}

// A date given for a change is a London date: 30 June is the day before a request received at
// 00:30 on 1 July in London (23:30 UTC on 30 June), so it is refused, not read as the moment of
// receipt.
func TestADateIsALondonDate(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Received: at(t, "2026-06-30T23:30:00Z"), Status: Received, StatusChanged: at(t, "2026-06-30T23:30:00Z")}
	_, err := c.Transition(Change{To: InProgress, Actor: "a", At: at(t, "2026-06-30T00:00:00Z")}, at(t, "2026-07-05T10:00:00Z"))
	assert.ErrorIs(t, err, ErrInvalid)
	ev, err := c.Transition(Change{To: InProgress, Actor: "a", At: at(t, "2026-07-01T00:00:00Z")}, at(t, "2026-07-05T10:00:00Z"))
	require.NoError(t, err)
	assert.Equal(t, "2026-07-01", deadline.LondonDate(ev.At).Format(time.DateOnly))
}

// A complaint is no request under either law's rights: it can't be flagged as law enforcement.
func TestAComplaintIsNeverFlaggedAsLawEnforcement(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Type: Complaint, Received: at(t, "2026-03-02T10:00:00Z"), Status: Received}
	for _, to := range []LawEnforcement{LawEnforcementSuspected, LawEnforcementConfirmed} {
		_, err := c.MarkLawEnforcement(to, "mentions the police", "alex", at(t, "2026-03-03T10:00:00Z"))
		assert.ErrorIs(t, err, ErrNotAllowed, string(to))
	}
}

// "Today", typed as a date in the first hour of a London summer day (before 00:00 UTC), is today,
// from its start in London, not refused as in the future.
func TestTodayInTheFirstHourOfASummerDay(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Received: at(t, "2026-06-20T10:00:00Z"), Status: Received, StatusChanged: at(t, "2026-06-20T10:00:00Z")}
	now := at(t, "2026-07-01T23:30:00Z") // 00:30 on 2 July in London
	ev, err := c.Transition(Change{To: InProgress, Actor: "a", At: at(t, "2026-07-02T00:00:00Z")}, now)
	require.NoError(t, err)
	assert.True(t, ev.At.Equal(at(t, "2026-07-01T23:00:00Z")), "00:00 on 2 July in London, not %s", ev.At)
}

// Only a confirmed Part 3 request, open, takes a time limit the DPO sets: a date with a reason,
// not before the day of receipt nor more than a year after it (a year typed wrong). Refused, the case is left as it was.
func TestSetTimeLimit(t *testing.T) {
	now := at(t, "2026-03-10T09:00:00Z")
	date := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	base := func() Case {
		c := Case{Ref: "DPO-2026-000001", Type: Access, Status: InProgress, Region: deadline.EnglandAndWales,
			Received: at(t, "2026-03-01T23:30:00Z"), LawEnforcement: LawEnforcementConfirmed} // 1 March in London
		require.NoError(t, c.recomputeDue())
		return c
	}
	tests := []struct {
		name    string
		edit    func(*Case)
		due     time.Time
		reason  string
		wantErr error
		says    string
	}{
		{name: "set", due: date("2026-03-31"), reason: "s.45: a month"},
		{name: "on the day of receipt", due: date("2026-03-01"), reason: "urgent: a court date"},
		{name: "already overdue is still recorded, as set", due: date("2026-03-05"), reason: "agreed on the phone on the 2nd"},
		{name: "before receipt", due: date("2026-02-28"), reason: "x", wantErr: ErrInvalid, says: "before the request was received (2026-03-01)"},
		{name: "a year after receipt", due: date("2027-03-01"), reason: "a long investigation"},
		{name: "more than a year after receipt", due: date("2027-03-02"), reason: "x", wantErr: ErrInvalid,
			says: "2027-03-02 is more than a year after the request was received (2026-03-01); check the year"},
		{name: "a year typed wrong", due: date("2072-03-31"), reason: "x", wantErr: ErrInvalid, says: "check the year"},
		{name: "no reason", due: date("2026-03-31"), reason: "  ", wantErr: ErrInvalid, says: "reason"},
		{name: "no date", reason: "x", wantErr: ErrInvalid, says: "give the date"},
		{name: "a time, not a date", due: at(t, "2026-03-31T12:00:00Z"), reason: "x", wantErr: ErrInvalid, says: "calendar date"},
		{name: "suspected only", edit: func(c *Case) { c.LawEnforcement = LawEnforcementSuspected; _ = c.recomputeDue() },
			due: date("2026-03-31"), reason: "x", wantErr: ErrNotAllowed, says: "not confirmed as a law-enforcement (Part 3) request: it follows the UK GDPR clock (due 2026-04-01)"},
		{name: "UK GDPR", edit: func(c *Case) { c.LawEnforcement = NotLawEnforcement; _ = c.recomputeDue() },
			due: date("2026-03-31"), reason: "x", wantErr: ErrNotAllowed, says: "not a law-enforcement (Part 3) request: it follows the UK GDPR clock"},
		{name: "closed", edit: func(c *Case) { c.Status = Completed }, due: date("2026-03-31"), reason: "x", wantErr: ErrNotAllowed, says: "closed"},
		{name: "the same date again", edit: func(c *Case) { c.TimeLimit = date("2026-03-31"); _ = c.recomputeDue() },
			due: date("2026-03-31"), reason: "x", wantErr: ErrNoChange, says: "already due 2026-03-31: nothing to change"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			if tc.edit != nil {
				tc.edit(&c)
			}
			before := c
			ev, err := c.SetTimeLimit(tc.due, tc.reason, "alex", now)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Contains(t, err.Error(), tc.says)
				assert.Equal(t, before, c, "a refused change leaves the case as it was")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.due, c.Due, "the time limit is the due date")
			assert.Equal(t, tc.due, c.TimeLimit)
			assert.Equal(t, tc.reason, c.TimeLimitReason)
			assert.Equal(t, EventTimeLimit, ev.Kind)
			assert.Equal(t, "alex", ev.Actor)
			assert.Contains(t, ev.Note, tc.due.Format(time.DateOnly))
			assert.Equal(t, tc.due.Before(date("2026-03-10")), c.Overdue(now))
		})
	}
}

// Why a case has no due date, for the team: a confirmed Part 3 request says to set its time limit.
func TestNoDueDate(t *testing.T) {
	confirmed := Case{Status: InProgress, LawEnforcement: LawEnforcementConfirmed}
	assert.Contains(t, confirmed.NoDueDate(), "the DPO sets the time limit, and none is set yet")
	confirmed.TimeLimit = at(t, "2026-03-31T00:00:00Z")
	require.NoError(t, confirmed.recomputeDue())
	assert.Empty(t, confirmed.NoDueDate(), "a time limit is a due date")
	assert.Contains(t, Case{Status: AwaitingVerification, AwaitingID: true}.NoDueDate(), "awaiting proof of identity")
}

// Every kind of audit event reads as words on the dashboard's trail.
func TestEventKindsHaveLabels(t *testing.T) {
	for _, k := range []EventKind{EventSubmitted, EventStatus, EventIDRequested, EventIDReceived, EventClarificationRequested,
		EventClarificationAnswered, EventExtended, EventNote, EventAssigned, EventLawEnforcement, EventTimeLimit} {
		assert.NotEqual(t, string(k), k.Label(), "%s has a label", k)
	}
	assert.Equal(t, "something_new", EventKind("something_new").Label(), "an unknown kind reads as it is")
}

func TestReopenReturnsACaseToWhereItsClockStood(t *testing.T) {
	received := at(t, "2026-03-02T10:00:00Z")
	tests := []struct {
		name  string
		steps []Change
		want  Status
	}{
		{"completed while in progress", []Change{{To: InProgress}, {To: Completed}}, InProgress},
		{"withdrawn while ID was awaited", []Change{{To: AwaitingVerification}, {To: Withdrawn, Note: "e-mailed to withdraw"}}, AwaitingVerification},
		{"refused while a clarification was awaited", []Change{{To: AwaitingClarification}, {To: Refused, Note: "no answer"}}, AwaitingClarification},
		{"completed after an extension", []Change{{To: Extended, Note: "records in three archives"}, {To: Completed}}, Extended},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: Received}
			now := received
			for _, ch := range tc.steps {
				now = now.Add(24 * time.Hour)
				ch.Actor = "alex"
				_, err := c.Transition(ch, now)
				require.NoError(t, err)
			}
			due := c.Due
			reopened := now.Add(24 * time.Hour)
			ev, err := c.Reopen("closed by mistake", "sam", reopened)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Status)
			assert.True(t, c.Status.Open())
			assert.True(t, c.Closed.IsZero(), "an open case has no closing date")
			assert.Equal(t, due, c.Due, "reopening gives no new month")
			assert.Equal(t, Event{Ref: c.Ref, At: reopened, Actor: "sam", Kind: EventReopened, From: tc.steps[len(tc.steps)-1].To, To: tc.want,
				Note: "closed by mistake"}, ev)
			// And it is worked as before: the next change is judged by the same rules.
			_, err = c.Transition(Change{To: Completed, Actor: "sam"}, reopened.Add(time.Hour))
			if tc.want == InProgress || tc.want == Extended {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, ErrInvalidTransition, "still waiting: ID or the answer comes first")
			}
		})
	}
}

func TestReopenIsRefusedWithoutAReasonOrForAnOpenCase(t *testing.T) {
	now := at(t, "2026-03-05T10:00:00Z")
	closed := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: Received}
	_, err := closed.Transition(Change{To: Completed, Actor: "alex"}, now)
	require.NoError(t, err)
	before := closed
	_, err = closed.Reopen("  ", "sam", now)
	assert.ErrorIs(t, err, ErrInvalid, "a reason is required")
	_, err = closed.Reopen("mistake", "", now)
	assert.ErrorIs(t, err, ErrInvalid, "so is who reopens it")
	assert.Equal(t, before, closed, "a refused reopening leaves the case untouched")

	open := Case{Ref: "DPO-2026-000002", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: InProgress}
	_, err = open.Reopen("mistake", "sam", now)
	assert.ErrorIs(t, err, ErrInvalidTransition)

	_, err = closed.Transition(Change{To: InProgress, Actor: "sam"}, now)
	require.ErrorIs(t, err, ErrInvalidTransition)
	assert.Contains(t, err.Error(), "reopen it first", "the refusal says what to do instead")
}

// A case is assigned to a name, not to a paragraph or a name dressed to look like another's.
func TestAssignRefusesWhatIsNoName(t *testing.T) {
	c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: Received}
	now := at(t, "2026-03-03T10:00:00Z")
	for _, to := range []string{strings.Repeat("a", 101), "alice\u200b", "al\nice"} {
		_, err := c.Assign(to, "lead", now)
		assert.ErrorIs(t, err, ErrInvalid, "%q", to)
	}
	_, err := c.Assign(strings.Repeat("a", 100), "lead", now)
	assert.NoError(t, err)
}

// Whoever makes a change is named on the audit trail, so every change refuses, as an assignee
// is refused, a name that could forge a line of it (a line break and a made-up event after it)
// or show another name (hidden formatting). QA forged a trail with queue update --by.
func TestEveryChangeRefusesAnActorThatIsNoName(t *testing.T) {
	now := at(t, "2026-03-03T10:00:00Z")
	open := func() Case {
		c := Case{Ref: "DPO-2026-000001", Type: Access, Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: InProgress}
		require.NoError(t, c.recomputeDue())
		return c
	}
	closed := func() Case {
		c := open()
		c.Status, c.Closed = Completed, now
		return c
	}
	partThree := func() Case {
		c := open()
		c.LawEnforcement = LawEnforcementConfirmed
		return c
	}
	changes := []struct {
		name   string
		change func(actor string) error
	}{
		{"status", func(a string) error {
			c := open()
			_, err := c.Transition(Change{To: Completed, Actor: a}, now)
			return err
		}},
		{"extension", func(a string) error {
			c := open()
			_, err := c.Transition(Change{To: Extended, Note: "records in three archives", Actor: a}, now)
			return err
		}},
		{"reopening", func(a string) error { c := closed(); _, err := c.Reopen("closed by mistake", a, now); return err }},
		{"note", func(a string) error { c := open(); _, err := c.AddNote("called them", a, now); return err }},
		{"assignment", func(a string) error { c := open(); _, err := c.Assign("sam", a, now); return err }},
		{"Part 3 decision", func(a string) error {
			c := open()
			_, err := c.MarkLawEnforcement(LawEnforcementConfirmed, "the police asked for it", a, now)
			return err
		}},
		{"Part 3 time limit", func(a string) error {
			c := partThree()
			_, err := c.SetTimeLimit(time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), "agreed with the police", a, now)
			return err
		}},
	}
	forged := []string{"mallory\n  2026-11-03 00:00  dpo  id_requested  fake", "mal\rlory", "mal\tlory", "\u202emallory", "mallory\u200b", strings.Repeat("a", 101), " ",
		"Zoë\u2028Fake", "Zoë\u2029Fake",
		"requester via web", "Requester  via Slack", " REQUESTER VIA\u00a0phone", "requester"} // the queue's own name for whoever sent the request
	for _, ch := range changes {
		t.Run(ch.name, func(t *testing.T) {
			for _, actor := range forged {
				err := ch.change(actor)
				var fe *FieldError
				if assert.ErrorAs(t, err, &fe, "%q", actor) {
					assert.Equal(t, "actor", fe.Field, "%q", actor)
				}
			}
			assert.NoError(t, ch.change("  Sam O'Brien-Jones  "), "a name")
			assert.NoError(t, ch.change("slack:U0123ABCD (sam)"), "a channel's name for someone")
		})
	}
}

// The invisible marks keyboards type are taken out of what residents type; what reorders text
// stays, to be refused.
func TestWithoutMarks(t *testing.T) {
	assert.Equal(t, "Sara Ahmed", WithoutMarks("Sara\u200f Ahmed"))
	assert.Equal(t, "JoBloggs", WithoutMarks("Jo\u00adBloggs"))
	assert.Equal(t, "Jo \u202eeknalB", WithoutMarks("Jo \u202eeknalB"))
	assert.Equal(t, "نور\u200dا", WithoutMarks("نور\u200dا"), "a joiner is part of the name")
	wales := "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"
	assert.Equal(t, "for "+wales, WithoutMarks("for "+wales), "the tags of a flag are kept (a QA pass)")
}

// A person's name typed to choose them is in one form: a keyboard's invisible mark or a
// decomposed accent doesn't make another person (a QA pass: "Zoë O'Neill" was refused as no
// user, by a message naming Zoë O'Neill).
func TestPersonName(t *testing.T) {
	assert.Equal(t, "Zoë O'Neill", PersonName(" Zoe\u0308 O'Neill "))
	assert.Equal(t, "Łukasz", PersonName("Łukasz\u200f"))
	assert.Equal(t, "محمد", PersonName("محمد"))
}

// An assignment event names whom the case was given to, whatever it was taken from; the trail
// keeps the names the case has forgotten.
func TestEventAssignee(t *testing.T) {
	now := at(t, "2026-03-10T09:00:00Z")
	c := Case{Ref: "DPO-2026-000001", Status: InProgress}
	var got []string
	for _, to := range []string{"Maya Patel", "Sam (was) Lee", "", "Jo"} {
		ev, err := c.Assign(to, "alex", now)
		require.NoError(t, err)
		got = append(got, ev.Assignee())
	}
	assert.Equal(t, []string{"Maya Patel", "Sam (was) Lee", "", "Jo"}, got)
	assert.Empty(t, Event{Kind: EventNote, Note: "assigned to Maya"}.Assignee(), "a note is no assignment")
}

// A refused change that is no change of status says so in its own words: not "invalid status
// transition" (a QA pass read "is already assigned to Maya Patel: invalid status transition").
func TestNonStatusRefusalsSayWhatTheyAre(t *testing.T) {
	now := at(t, "2026-03-10T09:00:00Z")
	open := func() Case {
		c := Case{Ref: "DPO-2026-000001", Type: Access, Status: InProgress, Region: deadline.EnglandAndWales,
			Received: at(t, "2026-03-02T10:00:00Z")}
		require.NoError(t, c.recomputeDue())
		return c
	}
	tests := []struct {
		name    string
		refuse  func(c *Case) error
		wantErr error
		says    string
	}{
		{"unassigning nobody's", func(c *Case) error { _, err := c.Assign("", "alex", now); return err },
			ErrNoChange, "DPO-2026-000001 is not assigned to anyone: nothing to change"},
		{"assigning to whom it is", func(c *Case) error {
			c.AssignedTo = "Maya Patel"
			_, err := c.Assign("Maya Patel", "alex", now)
			return err
		}, ErrNoChange, "DPO-2026-000001 is already assigned to Maya Patel: nothing to change"},
		{"the same time limit", func(c *Case) error {
			c.LawEnforcement, c.TimeLimit = LawEnforcementConfirmed, at(t, "2027-01-15T00:00:00Z")
			_, err := c.SetTimeLimit(c.TimeLimit, "again", "alex", now)
			return err
		}, ErrNoChange, "DPO-2026-000001 is already due 2027-01-15: nothing to change"},
		{"a time limit for UK GDPR", func(c *Case) error {
			_, err := c.SetTimeLimit(at(t, "2026-04-15T00:00:00Z"), "x", "alex", now)
			return err
		}, ErrNotAllowed, "confirm Part 3 first if it applies): not allowed for this case"},
		{"clearing what isn't flagged", func(c *Case) error {
			_, err := c.MarkLawEnforcement(NotLawEnforcement, "x", "alex", now)
			return err
		}, ErrNoChange, "is not flagged as law enforcement: nothing to change"},
		{"deciding on a closed case", func(c *Case) error {
			c.Status = Completed
			_, err := c.MarkLawEnforcement(LawEnforcementConfirmed, "x", "alex", now)
			return err
		}, ErrNotAllowed, "is completed; a closed case can't change"},
		{"flagging a complaint", func(c *Case) error {
			c.Type = Complaint
			_, err := c.MarkLawEnforcement(LawEnforcementSuspected, "x", "alex", now)
			return err
		}, ErrNotAllowed, "no request under either law's rights: not allowed for this case"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := open()
			err := tc.refuse(&c)
			require.ErrorIs(t, err, tc.wantErr)
			assert.NotErrorIs(t, err, ErrInvalidTransition)
			assert.Contains(t, err.Error(), tc.says)
			assert.NotContains(t, err.Error(), "status transition")
		})
	}
}

// cancelled28Dec is the built-in calendar with the 28 December 2026 bank holiday (Boxing Day's
// substitute) cancelled, as a PRIVACYBOT_HOLIDAYS file would.
func cancelled28Dec(t *testing.T) *deadline.Calendar {
	t.Helper()
	cal, err := deadline.DefaultCalendar().WithChanges("hol.yaml", []byte("holidays:\n  - date: 2026-12-28\n    cancel: true\n"))
	require.NoError(t, err)
	return cal
}

// An open case whose due date another calendar gave is given the calendar's, on the trail by the
// queue itself; a closed case, a Part 3 time limit and a stopped clock keep theirs.
func TestRecalendarMovesAnOpenCasesDueDateOnTheTrail(t *testing.T) {
	received := at(t, "2026-11-27T10:00:00Z") // a month on is Sunday 27 December; 28th is a bank holiday
	now := at(t, "2026-12-07T09:00:00Z")
	base := func(edit func(*Case)) Case {
		c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: InProgress,
			StatusChanged: received, Due: at(t, "2026-12-29T00:00:00Z")}
		if edit != nil {
			edit(&c)
		}
		return c
	}
	tests := []struct {
		name    string
		c       Case
		cal     *deadline.Calendar
		wantDue string // "" : not moved (ErrNoChange)
	}{
		{"holiday cancelled", base(nil), cancelled28Dec(t), "2026-12-28"},
		{"holiday back", base(func(c *Case) { c.Due = at(t, "2026-12-28T00:00:00Z") }), nil, "2026-12-29"},
		{"already the calendar's", base(nil), nil, ""},
		{"closed keeps its own", base(func(c *Case) { c.Status, c.Closed = Completed, now }), cancelled28Dec(t), ""},
		{"Part 3 time limit is the DPO's", base(func(c *Case) {
			c.LawEnforcement, c.TimeLimit = LawEnforcementConfirmed, c.Due
		}), cancelled28Dec(t), ""},
		{"awaiting ID has none", base(func(c *Case) { c.Status, c.AwaitingID, c.Due = AwaitingVerification, true, time.Time{} }), cancelled28Dec(t), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			c.calendar = tc.cal
			was := c
			ev, err := c.Recalendar(now)
			if tc.wantDue == "" {
				assert.ErrorIs(t, err, ErrNoChange)
				assert.Equal(t, was, c, "unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantDue, c.Due.Format(time.DateOnly))
			assert.Equal(t, now, c.Updated)
			assert.Equal(t, Event{Ref: c.Ref, At: now, Actor: SystemName, Kind: EventDueDateMoved, From: c.Status, To: c.Status,
				Note: "due date moved from " + was.Due.Format(time.DateOnly) + " to " + tc.wantDue + ": bank holidays changed"}, ev)
		})
	}
}

// No person may sign a change as the queue's own name for its moves.
func TestSystemIsNoPersonsName(t *testing.T) {
	for _, name := range []string{"system", " System ", "SYSTEM"} {
		assert.ErrorIs(t, CheckActor("actor", name), ErrInvalid, name)
	}
	assert.NoError(t, CheckActor("actor", "Systema Jones"))
}

// An on-behalf request waits for proof of authority from receipt; when the DPO finds none is
// needed (the authority is on file), the month runs from receipt (reference rule 2: the clock
// stops only while proof asked for is awaited), not from the day they move it on. Proof that
// did arrive still starts the month on its day.
func TestProofNotNeededRunsTheMonthFromReceipt(t *testing.T) {
	received := at(t, "2026-03-02T10:00:00Z") // a month on: Thursday 2 April
	now := at(t, "2026-03-20T09:00:00Z")
	tests := []struct {
		name     string
		ch       Change
		due      string
		kind     EventKind
		note     string
		eventDay string
	}{
		{"no proof needed", Change{ProofNotNeeded: true}, "2026-04-02", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from receipt, 2 March 2026", "2026-03-20"},
		{"no proof needed, with why", Change{ProofNotNeeded: true, Note: "LPA on file since 2024"}, "2026-04-02", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from receipt, 2 March 2026: LPA on file since 2024", "2026-03-20"},
		{"no proof needed, decided on the 10th", Change{ProofNotNeeded: true, At: at(t, "2026-03-10T00:00:00Z")}, "2026-04-02", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from receipt, 2 March 2026 (recorded 2026-03-20 09:00 UTC)", "2026-03-10"},
		{"proof arrived today", Change{Note: "signed authority"}, "2026-04-20", EventIDReceived, "signed authority", "2026-03-20"},
		{"proof arrived on the 10th", Change{At: at(t, "2026-03-10T00:00:00Z")}, "2026-04-10", EventIDReceived,
			"(recorded 2026-03-20 09:00 UTC)", "2026-03-10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: AwaitingVerification,
				AwaitingID: true, StatusChanged: received}
			ev := assertMovedOnFromProof(t, &c, tc.ch, now, tc.due, tc.kind, tc.note)
			assert.Equal(t, tc.eventDay, ev.At.Format(time.DateOnly))
		})
	}

	// Only a case awaiting proof can be moved on without it.
	for _, from := range []Status{Received, AwaitingClarification, InProgress} {
		c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: from}
		before := c
		_, err := c.Transition(Change{To: InProgress, Actor: "alex", ProofNotNeeded: true}, now)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, from)
		assert.Equal(t, "proof not needed", fe.Field)
		assert.Equal(t, before, c)
	}
	c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: AwaitingVerification, AwaitingID: true}
	_, err := c.Transition(Change{To: Withdrawn, Actor: "alex", Note: "phoned to withdraw", ProofNotNeeded: true}, now)
	assert.ErrorIs(t, err, ErrInvalid, "a withdrawal is no moving on without proof")
	assert.Equal(t, "Proof not needed", EventProofNotNeeded.Label())
}

// Proof asked for a second time (the first round arrived, then more was asked for) and found not
// needed after all: the clock never stopped for it, so the month runs from when the council last
// had everything it needed, the day the earlier proof arrived, not from receipt (which would cut
// the month the law gives short) nor from the second request or the decision (which would
// lengthen it). Clarification pauses count as they always do: only on or after that day.
func TestProofNotNeededAfterAnEarlierRoundRunsFromThatProof(t *testing.T) {
	received := at(t, "2026-03-02T10:00:00Z")
	now := at(t, "2026-03-20T09:00:00Z")
	step := func(to Status, day string, notNeeded bool) Change {
		return Change{To: to, At: at(t, "2026-03-"+day+"T12:00:00Z"), ProofNotNeeded: notNeeded}
	}
	tests := []struct {
		name  string
		steps []Change
		last  Change
		due   string
		kind  EventKind
		note  string
	}{
		{"one round, not needed: from receipt", []Change{step(AwaitingVerification, "03", false)},
			Change{ProofNotNeeded: true}, "2026-04-02", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from receipt, 2 March 2026"},
		{"earlier proof arrived on the 10th", []Change{step(AwaitingVerification, "03", false), step(InProgress, "10", false),
			step(AwaitingVerification, "15", false)},
			Change{ProofNotNeeded: true, Note: "the birth certificate was enough"}, "2026-04-10", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026: the birth certificate was enough"},
		{"decided on the 18th, still from the earlier proof", []Change{step(AwaitingVerification, "03", false), step(InProgress, "10", false),
			step(AwaitingVerification, "15", false)},
			Change{ProofNotNeeded: true, At: at(t, "2026-03-18T00:00:00Z")}, "2026-04-10", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026 (recorded 2026-03-20 09:00 UTC)"},
		{"a clarification after the earlier proof pauses it", []Change{step(AwaitingVerification, "03", false), step(InProgress, "10", false),
			step(AwaitingClarification, "11", false), step(InProgress, "13", false), step(AwaitingVerification, "15", false)},
			Change{ProofNotNeeded: true}, "2026-04-13", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026"},
		{"a clarification before the earlier proof doesn't count", []Change{step(AwaitingClarification, "03", false), step(InProgress, "05", false),
			step(AwaitingVerification, "06", false), step(InProgress, "10", false), step(AwaitingVerification, "15", false)},
			Change{ProofNotNeeded: true}, "2026-04-10", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from the day the earlier proof arrived, 10 March 2026"},
		{"the earlier round not needed either: from receipt", []Change{step(AwaitingVerification, "03", false), step(InProgress, "05", true),
			step(AwaitingVerification, "15", false)},
			Change{ProofNotNeeded: true}, "2026-04-02", EventProofNotNeeded,
			"no proof of identity or authority needed: the month runs from receipt, 2 March 2026"},
		{"proof of the second round arriving restarts it", []Change{step(AwaitingVerification, "03", false), step(InProgress, "10", false),
			step(AwaitingVerification, "15", false)},
			Change{At: at(t, "2026-03-18T00:00:00Z")}, "2026-04-20", EventIDReceived, "(recorded 2026-03-20 09:00 UTC)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: received, Status: Received}
			for _, ch := range tc.steps {
				ch.Actor = "alex"
				_, err := c.Transition(ch, now)
				require.NoError(t, err)
			}
			require.Equal(t, AwaitingVerification, c.Status)
			require.True(t, c.Due.IsZero(), "no due date while proof is awaited, whatever arrived before")
			assertMovedOnFromProof(t, &c, tc.last, now, tc.due, tc.kind, tc.note)
		})
	}
}

// assertMovedOnFromProof moves c, waiting for proof, on to in progress by ch (made by "alex" at
// now) and checks it no longer waits for proof, is due on due (YYYY-MM-DD) and recorded an event
// of kind with note, which it returns.
func assertMovedOnFromProof(t *testing.T, c *Case, ch Change, now time.Time, due string, kind EventKind, note string) Event {
	t.Helper()
	ch.To, ch.Actor = InProgress, "alex"
	ev, err := c.Transition(ch, now)
	require.NoError(t, err)
	assert.Equal(t, InProgress, c.Status)
	assert.False(t, c.AwaitingID)
	assert.Equal(t, due, c.Due.Format(time.DateOnly))
	assert.Equal(t, kind, ev.Kind)
	assert.Equal(t, note, ev.Note)
	return ev
}

// A case filed as the wrong type of request is corrected with a reason, on the trail; what
// depends on the type follows it: a complaint is never Part 3, and a complaint retyped as a
// request whose words suggest Part 3 is flagged for the DPO (a QA pass: "I want all the
// information … holds about the fly-tipping investigation against me" was filed as a complaint,
// and could be neither corrected nor flagged).
func TestRetype(t *testing.T) {
	received, now := at(t, "2026-03-02T10:00:00Z"), at(t, "2026-03-05T10:00:00Z")
	base := Case{Ref: "DPO-2026-000001", Type: Complaint, Region: deadline.EnglandAndWales, Received: received, Status: Received,
		Due: at(t, "2026-04-02T00:00:00Z")}
	confirmed := base
	confirmed.Type, confirmed.LawEnforcement = Access, LawEnforcementConfirmed
	confirmed.TimeLimit, confirmed.TimeLimitReason, confirmed.Due = at(t, "2026-03-20T00:00:00Z"), "short file", at(t, "2026-03-20T00:00:00Z")
	tests := []struct {
		name   string
		c      Case
		to     RequestType
		cue    bool
		le     LawEnforcement
		due    string
		note   string
		reason string
	}{
		{"a complaint that is an access request", base, Access, false, NotLawEnforcement, "2026-04-02",
			"request type changed from complaint to access: asks for the file on the investigation", ""},
		{"a complaint that is a Part 3 access request", base, Access, true, LawEnforcementSuspected, "2026-04-02",
			"request type changed from complaint to access: asks for the file on the investigation (its words suggest a law-enforcement (Part 3) request: flagged for the DPO to decide)", ""},
		{"a Part 3 request that is a complaint", confirmed, Complaint, false, NotLawEnforcement, "2026-04-02",
			"request type changed from access to complaint: asks for the file on the investigation (it was law enforcement (Part 3); a complaint is no request under either law's rights, and the Part 3 time limit, 2026-03-20, no longer applies)", ""},
		{"between two rights, the flag stays", confirmed, Erasure, true, LawEnforcementConfirmed, "2026-03-20",
			"request type changed from access to erasure: asks for the file on the investigation", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			ev, err := c.Retype(tc.to, "asks for the file on the investigation", "alex", tc.cue, now)
			require.NoError(t, err)
			assert.Equal(t, tc.to, c.Type)
			assert.Equal(t, tc.le, c.LawEnforcement)
			assert.Equal(t, tc.due, c.Due.Format(time.DateOnly))
			assert.Equal(t, EventRetyped, ev.Kind)
			assert.Equal(t, tc.note, ev.Note)
			assert.Equal(t, tc.c.Status, ev.From)
			assert.Equal(t, tc.c.Status, ev.To)
			assert.True(t, c.Updated.Equal(now))
			if tc.le != LawEnforcementConfirmed {
				assert.True(t, c.TimeLimit.IsZero())
				assert.Empty(t, c.TimeLimitReason)
			}
		})
	}

	closed := base
	closed.Status, closed.Closed = Completed, now
	for _, tc := range []struct {
		name   string
		c      Case
		to     RequestType
		reason string
		want   error
	}{
		{"no reason", base, Access, "", ErrInvalid},
		{"a placeholder for a reason", base, Access, "n/a", ErrInvalid},
		{"no such type", base, "archive", "misfiled by the chat", ErrInvalid},
		{"the type it is", base, Complaint, "misfiled by the chat", ErrNoChange},
		{"a closed case", closed, Access, "misfiled by the chat", ErrNotAllowed},
	} {
		c := tc.c
		_, err := c.Retype(tc.to, tc.reason, "alex", true, now)
		assert.ErrorIs(t, err, tc.want, tc.name)
		assert.Equal(t, tc.c, c, "%s: nothing changed", tc.name)
	}
	c := base
	_, err := c.Retype(Access, "misfiled by the chat", "", false, now)
	assert.ErrorIs(t, err, ErrInvalid, "who changed it is on the trail")
	assert.Equal(t, "Request type changed", EventRetyped.Label())
}

func TestParseRequestType(t *testing.T) {
	for in, want := range map[string]RequestType{"access": Access, " Withdraw consent ": WithdrawConsent, "automated-decision": AutomatedDecision, "COMPLAINT": Complaint} {
		got, err := ParseRequestType(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := ParseRequestType("sar")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Reason, "access, rectification", "the error lists the types")
	assert.Equal(t, "an access request", Access.Kind())
	assert.Equal(t, "a complaint", Complaint.Kind())
	assert.Equal(t, "an erasure request", Erasure.Kind())
	assert.Equal(t, "a portability request", Portability.Kind())
}

// An extension's reason is what the requester is told, and a reopening's, a Part 3 decision's and
// a time limit's reasons are the trail's evidence: a placeholder says none of them (a QA pass
// extended a case with the reason "x", which a resident's status check then read out).
func TestReasonsNeedWordsOfTheirOwn(t *testing.T) {
	now := at(t, "2026-03-05T10:00:00Z")
	open := func() Case {
		return Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-03-02T10:00:00Z"), Status: InProgress}
	}
	closed := func() Case {
		c := open()
		c.Status, c.Closed, c.StatusChanged = Completed, at(t, "2026-03-04T10:00:00Z"), at(t, "2026-03-04T10:00:00Z")
		return c
	}
	confirmed := func() Case { c := open(); c.LawEnforcement = LawEnforcementConfirmed; return c }
	do := map[string]func(reason string) error{
		"extend": func(r string) error {
			c := open()
			_, err := c.Transition(Change{To: Extended, Actor: "alex", Note: r}, now)
			return err
		},
		"reopen": func(r string) error { c := closed(); _, err := c.Reopen(r, "alex", now); return err },
		"suspect": func(r string) error {
			c := open()
			_, err := c.MarkLawEnforcement(LawEnforcementSuspected, r, "alex", now)
			return err
		},
		"limit": func(r string) error {
			c := confirmed()
			_, err := c.SetTimeLimit(at(t, "2026-04-15T00:00:00Z"), r, "alex", now)
			return err
		},
	}
	tests := []struct {
		reason string
		ok     bool
	}{
		{"x", false},
		{"y", false},
		{".", false},
		{"n/a", false},
		{"tbc", false},
		{"complex", false},
		{"extended", false},
		{"x x x", false},
		{"records are in three archives", true},
		{"three services' records", true},
		{"Le dossier est complexe", true},
	}
	for name, fn := range do {
		for _, tc := range tests {
			err := fn(tc.reason)
			if tc.ok {
				assert.NoError(t, err, "%s %q", name, tc.reason)
				continue
			}
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe, "%s %q", name, tc.reason) {
				assert.Contains(t, fe.Reason, "in words of their own", "%s %q: says what is wanted", name, tc.reason)
			}
		}
	}
	err := do["extend"]("y")
	assert.ErrorContains(t, err, "the reason the requester will be told")
	assert.ErrorContains(t, err, `("y" says none)`)
}

// A change dated with a day alone happened on that London day: at its start, or after receipt and
// what was recorded before it that day; never at 01:00 in summer, as 00:00 UTC is (a QA pass). A
// date refused is said as it was typed, not as a UTC timestamp.
func TestADatedChangeIsALondonDay(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	summer := func() Case {
		return Case{Ref: "DPO-2026-000001", Region: deadline.EnglandAndWales, Received: at(t, "2026-07-01T09:30:00Z"), Status: InProgress,
			StatusChanged: at(t, "2026-07-01T09:30:00Z")}
	}
	now := at(t, "2026-08-05T10:00:00Z")
	tests := []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"a summer day, as a date", at(t, "2026-08-03T00:00:00Z"), time.Date(2026, 8, 3, 0, 0, 0, 0, london)},
		{"a summer day, as London's midnight", time.Date(2026, 8, 3, 0, 0, 0, 0, london), time.Date(2026, 8, 3, 0, 0, 0, 0, london)},
		{"the day it was received", at(t, "2026-07-01T00:00:00Z"), at(t, "2026-07-01T09:30:00Z")},
		{"today", at(t, "2026-08-05T00:00:00Z"), time.Date(2026, 8, 5, 0, 0, 0, 0, london)},
		{"a moment is kept", at(t, "2026-08-03T14:05:00Z"), at(t, "2026-08-03T14:05:00Z")},
	}
	for _, tc := range tests {
		c := summer()
		ev, err := c.Transition(Change{To: Completed, Actor: "alex", At: tc.at}, now)
		require.NoError(t, err, tc.name)
		assert.True(t, tc.want.Equal(ev.At), "%s: the event is dated %s, not %s", tc.name, ev.At.In(london), tc.want.In(london))
		assert.True(t, tc.want.Equal(c.Closed), "%s: closed %s", tc.name, c.Closed.In(london))
	}

	for _, tc := range []struct {
		name string
		at   time.Time
		says string
	}{
		{"before receipt", at(t, "2026-06-30T00:00:00Z"), "30 June 2026 is before the request was received (1 July 2026)"},
		{"a moment before receipt", at(t, "2026-07-01T07:00:00Z"), "08:00 on 1 July 2026 is before the request was received (10:30 on 1 July 2026)"},
		{"in the future", at(t, "2026-12-10T00:00:00Z"), "10 December 2026 is in the future"},
	} {
		c := summer()
		_, err := c.Transition(Change{To: Completed, Actor: "alex", At: tc.at}, now)
		require.ErrorIs(t, err, ErrInvalid, tc.name)
		assert.Contains(t, err.Error(), tc.says, tc.name)
		assert.NotContains(t, err.Error(), "T00:00:00Z", tc.name)
	}
	c := summer()
	july := at(t, "2026-07-20T10:00:00Z") // within the month: clarification may be asked
	_, err = c.Transition(Change{To: AwaitingClarification, Actor: "alex", At: at(t, "2026-07-10T00:00:00Z")}, july)
	require.NoError(t, err)
	_, err = c.Transition(Change{To: InProgress, Actor: "alex", At: at(t, "2026-07-08T00:00:00Z")}, july)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "8 July 2026 is before the case's last change (10 July 2026)")
}
