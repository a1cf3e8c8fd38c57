package slack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
	"github.com/privacybot/privacybot/internal/rights"
)

var _ dpo.Notifier = (*App)(nil)

// NotifierName is the name to register the App under in dpo.Dispatcher.Notifiers: the outbox
// tracks delivery by it, so every process must use the same one.
const NotifierName = "slack"

// ErrNoDPOChannel is returned by Notify and Digest when SLACK_DPO_CHANNEL is not set.
var ErrNoDPOChannel = errors.New("SLACK_DPO_CHANNEL is not set")

// Notify posts a new case to the DPO's channel with no more personal data than the team needs to
// go and look: the reference, the kind of request, the organisation, the due date and a link to
// the dashboard — never the requester's name, contact or words. It is a dpo.Notifier, driven by
// the outbox Dispatcher, which retries it on error.
func (a *App) Notify(ctx context.Context, c dpo.Case) error {
	if a.cfg.DPOChannel == "" {
		return ErrNoDPOChannel
	}
	head := fmt.Sprintf(":inbox_tray: *New data protection request %s*", a.caseLink(c.Ref))
	body := fmt.Sprintf("%s · %s · %s", escape(typeLabel(c.Type)), escape(c.Organisation), dueWords(c))
	if c.Channel != "" {
		body += " · via " + escape(string(c.Channel))
	}
	blocks := []slackgo.Block{
		slackgo.NewSectionBlock(mrkdwn(head+"\n"+body), nil, nil),
		slackgo.NewActionBlock("case_actions",
			slackgo.NewButtonBlockElement(actionTake, c.Ref, plain("Take it")).WithStyle(slackgo.StylePrimary),
			slackgo.NewButtonBlockElement(actionInProgress, c.Ref, plain("Mark in progress"))),
	}
	text := fmt.Sprintf("New data protection request %s: %s, %s", c.Ref, typeLabel(c.Type), plainDue(c))
	_, err := a.post(ctx, replyTarget{Channel: a.cfg.DPOChannel}, text, blocks)
	return err
}

// Digest posts the morning summary to the DPO's channel: the open cases that are overdue and
// those due within seven days, soonest first (a possible law-enforcement one among them, marked),
// and then every other open law-enforcement (Part 3) case: those waiting for the DPO's decision,
// and confirmed ones, which have no UK GDPR date to bring them up.
func (a *App) Digest(ctx context.Context) error {
	if a.cfg.DPOChannel == "" {
		return ErrNoDPOChannel
	}
	if a.cases == nil {
		return errors.New("slack digest: no queue configured")
	}
	now := a.cfg.Now()
	cases, err := a.cases.List(ctx, dpo.Filter{DueWithin: 7 * 24 * time.Hour, Now: now})
	if err != nil {
		return fmt.Errorf("slack digest: list cases: %w", err)
	}
	// The open Part 3 cases only, chosen by the store: the queue may hold thousands of others.
	flagged, err := a.cases.List(ctx, dpo.Filter{Statuses: dpo.OpenStatuses(), LawEnforcement: true, Now: now})
	if err != nil {
		return fmt.Errorf("slack digest: list open law-enforcement cases: %w", err)
	}
	var part3 []dpo.Case
	for _, c := range flagged {
		if !slices.ContainsFunc(cases, func(d dpo.Case) bool { return d.Ref == c.Ref }) {
			part3 = append(part3, c) // not already listed among the overdue and due soon
		}
	}
	msgs := renderDigest(cases, part3, now, a.caseLink, a.unansweredLine(ctx, now))
	for _, blocks := range msgs {
		text := "Data protection requests: overdue and due this week"
		if _, err := a.post(ctx, replyTarget{Channel: a.cfg.DPOChannel}, text, blocks); err != nil {
			return fmt.Errorf("slack digest: %w", err)
		}
	}
	return nil
}

// unansweredLine tells the DPO how many website questions of the last day the notices didn't
// answer, with a link to them on the dashboard; "" when there were none or nobody counts them.
// A failure to count is logged: the cases matter more than the count.
func (a *App) unansweredLine(ctx context.Context, now time.Time) string {
	if a.cfg.Unanswered == nil {
		return ""
	}
	n, err := a.cfg.Unanswered(ctx, now.Add(-24*time.Hour))
	if err != nil {
		a.log.Warn("slack digest: count unanswered questions", "err", err)
		return ""
	}
	if n == 0 {
		return ""
	}
	what := fmt.Sprintf("%d %s residents asked on the website in the last day %s answered by the notices, or only unsure",
		n, plural(n, "question", "questions"), plural(n, "wasn't", "weren't"))
	if a.cfg.BaseURL != "" {
		what += ": " + link(a.cfg.BaseURL+"/dpo/unanswered?days=7", "see them on the dashboard")
	}
	return ":grey_question: " + what + "."
}

// renderDigest lists overdue then due-soon cases, one line each, then the other open
// law-enforcement cases, and then a closing line when there is one, within Slack's limits.
func renderDigest(cases, part3 []dpo.Case, now time.Time, linkTo func(string) string, closing string) [][]slackgo.Block {
	var overdue, soon, lawEnforcement []string
	for _, c := range part3 {
		line := fmt.Sprintf("• %s · %s · %s · %s · received %s", linkTo(c.Ref), escape(typeLabel(c.Type)),
			escape(c.Organisation), escape(c.LawEnforcement.Label()), c.Received.In(london()).Format("Mon 2 Jan"))
		if c.LawEnforcement == dpo.LawEnforcementConfirmed {
			// Its date is the time limit the DPO set, if any: say which, so one without is set.
			if c.Due.IsZero() {
				line += " · _no time limit set_"
			} else {
				line += " · time limit " + c.Due.Format("Mon 2 Jan 2006")
			}
		}
		lawEnforcement = append(lawEnforcement, line)
	}
	for _, c := range cases {
		line := fmt.Sprintf("• %s · %s · %s · %s", linkTo(c.Ref), escape(typeLabel(c.Type)), escape(c.Organisation), dueWords(c))
		if c.Due.IsZero() {
			continue // no clock running (awaiting ID): nothing is due
		}
		if c.Overdue(now) {
			days := int(deadline.LondonDate(now).Sub(c.Due).Hours() / 24)
			line += fmt.Sprintf(" — *%d %s overdue*", days, plural(days, "day", "days"))
		}
		if c.AssignedTo != "" {
			line += " · " + escape(c.AssignedTo)
		} else {
			line += " · _unassigned_"
		}
		if c.Overdue(now) {
			overdue = append(overdue, line)
		} else {
			soon = append(soon, line)
		}
	}
	day := now.In(london()).Format("Monday 2 January")
	head := fmt.Sprintf(":calendar: *Data protection requests, %s*\n%d overdue · %d due in the next 7 days",
		day, len(overdue), len(soon))
	if len(overdue)+len(soon) == 0 {
		head = fmt.Sprintf(":calendar: *Data protection requests, %s*\nNothing is overdue or due in the next 7 days.", day)
	}
	blocks := sections(head)
	if len(overdue) > 0 {
		blocks = append(blocks, sections("*Overdue*\n"+strings.Join(overdue, "\n"))...)
	}
	if len(soon) > 0 {
		blocks = append(blocks, sections("*Due in the next 7 days*\n"+strings.Join(soon, "\n"))...)
	}
	if len(lawEnforcement) > 0 {
		blocks = append(blocks, sections("*Law enforcement (Part 3), open:* to decide, or worked to the time limit the DPO sets.\n"+
			strings.Join(lawEnforcement, "\n"))...)
	}
	if closing != "" {
		blocks = append(blocks, sections(closing)...)
	}
	return splitBlocks(blocks, maxBlocks)
}

// RunDigests posts the digest every day at hour:minute UK time until ctx ends. A failed digest is
// logged and tried again the next day.
func (a *App) RunDigests(ctx context.Context, hour, minute int) error {
	for {
		wait := nextDigest(a.cfg.Now(), hour, minute).Sub(a.cfg.Now())
		if err := sleepCtx(ctx, wait); err != nil {
			return nil
		}
		dctx, cancel := context.WithTimeout(ctx, jobTimeout)
		if err := a.Digest(dctx); err != nil {
			a.log.Error("slack: digest", "err", err)
		}
		cancel()
	}
}

// nextDigest is the next hour:minute in London strictly after now.
func nextDigest(now time.Time, hour, minute int) time.Time {
	l := now.In(london())
	t := time.Date(l.Year(), l.Month(), l.Day(), hour, minute, 0, 0, london())
	if !t.After(now) {
		t = time.Date(l.Year(), l.Month(), l.Day()+1, hour, minute, 0, 0, london())
	}
	return t
}

func london() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC // the binary embeds time/tzdata; this is only a safety net
	}
	return loc
}

// caseLink links a reference to its page on the dashboard, when the dashboard's URL is known.
func (a *App) caseLink(ref string) string {
	if a.cfg.BaseURL == "" {
		return "`" + escape(ref) + "`"
	}
	return link(a.cfg.BaseURL+"/dpo/cases/"+ref, ref)
}

func typeLabel(t dpo.RequestType) string {
	label := rights.Type(t).Label()
	if label == "" {
		return string(t)
	}
	return label
}

func dueWords(c dpo.Case) string {
	if c.Due.IsZero() {
		return "no due date: " + c.NoDueDate()
	}
	due := "due *" + c.Due.Format("Mon 2 Jan 2006") + "*"
	switch c.LawEnforcement {
	case dpo.LawEnforcementSuspected:
		due += " under UK GDPR, unless the DPO confirms it is law enforcement (Part 3)"
	case dpo.LawEnforcementConfirmed:
		due += ", the time limit the DPO set (Part 3)"
	}
	return due
}

func plainDue(c dpo.Case) string {
	due := "no due date yet"
	if !c.Due.IsZero() {
		due = "due " + c.Due.Format("Mon 2 Jan 2006")
	}
	if c.LawEnforcement != dpo.NotLawEnforcement {
		due += ", " + c.LawEnforcement.Label()
	}
	return due
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
