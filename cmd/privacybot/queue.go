package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

const queueSynopsis = `queue <list|show|update|assign|extend|part3|limit|reopen|retype|export> …

  queue list [--status S] [--overdue] [--due-within 7d] [--org ORG] [--assigned NAME | --unassigned] [--search TEXT] [--safeguarding] [--json]
                                                  --search: reference, name (requester's or whom it is for) or contact; each word, any order, in part;
                                                  its results name the requester and whom the request is for
                                                  --safeguarding: the cases whose chat read a risk to someone's safety
  queue show REF [--json]                         the case and its audit trail
  queue update REF --status S [--note "…"] [--by NAME] [--at DATE]
                                                  a refusal needs --note (its grounds), an extension too (its reason),
                                                  a withdrawal too (how and when the requester withdrew)
  queue update REF --proof-not-needed [--note "…"] [--by NAME]
                                                  awaiting proof of ID or authority, none needed: in progress,
                                                  the month running from receipt (not from today)
  queue update REF --note "…" [--by NAME]         add a note only
  queue assign REF NAME [--by NAME]               give the case to a member of the team ("" unassigns)
  queue extend REF --reason "…" [--by NAME]       the one extension, within the first month
  queue part3 REF confirm|clear|suspect --reason "…" [--by NAME]
                                                  whether it is a law-enforcement (Part 3) request
  queue limit REF --due YYYY-MM-DD --reason "…" [--by NAME]
                                                  the time limit the DPO sets for a confirmed Part 3 request
  queue reopen REF --note "…" [--by NAME]         open a closed case again (closed by mistake, reply incomplete)
  queue retype REF --type T --reason "…" [--by NAME]
                                                  correct the type of request a case was filed as (a complaint that asks for a file)
  queue export --csv [--status S] [--org ORG] …   the cases as CSV on stdout (every case, or list's filters)`

// runQueue is the DPO's command line onto the queue.
func runQueue(ctx context.Context, app *App, args []string) error {
	return dispatch(ctx, app, "queue", queueSynopsis, map[string]subcommand{
		"list":   queueList,
		"show":   queueShow,
		"update": queueUpdate,
		"assign": queueAssign,
		"extend": queueExtend,
		"part3":  queuePart3,
		"limit":  queueLimit,
		"reopen": queueReopen,
		"retype": queueRetype,
		"export": queueExport,
	}, args)
}

// withQueue opens the store, brings every open case's due date to the bank holidays in use
// (recalendar), hands a queue on it to fn, and closes it: for list and export, whose deadline
// filters and order are the store's query over the stored dates, so that no open case can be
// left on another calendar. That is one query reading the open cases, not one per case.
func withQueue(ctx context.Context, app *App, fn func(q *dpo.Queue) error) error {
	return openQueue(ctx, app, func(q *dpo.Queue) error { return recalendar(ctx, app, q) }, fn)
}

// withCase is withQueue for a command that shows or changes the one case ref: only that case's
// due date is brought to the bank holidays in use (said on stderr, as withQueue says each),
// since nothing else the command shows depends on another case's. The other cases are moved
// by the next list, export, digest or server start, or change to them.
func withCase(ctx context.Context, app *App, ref string, fn func(q *dpo.Queue) error) error {
	return openQueue(ctx, app, func(q *dpo.Queue) error {
		moved, err := q.RecalendarCase(ctx, ref)
		sayMoved(app, moved)
		return err
	}, fn)
}

// openQueue opens the store, puts a queue on it, runs first and then fn on it, and closes it.
func openQueue(ctx context.Context, app *App, first, fn func(q *dpo.Queue) error) (err error) {
	store, closeStore, err := openQueueStore(ctx, app)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := closeStore(); err == nil && cerr != nil {
			err = fmt.Errorf("close queue: %w", cerr)
		}
	}()
	q, err := newQueue(app, store)
	if err != nil {
		return err
	}
	if err := first(q); err != nil {
		return err
	}
	return fn(q)
}

// stringList is a flag that may be repeated and also takes comma-separated values.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// orgList is like stringList but splits only on repetition: organisation names may hold commas.
type orgList []string

func (l *orgList) String() string { return strings.Join(*l, "; ") }

func (l *orgList) Set(s string) error {
	*l = append(*l, strings.TrimSpace(s))
	return nil
}

// parseSpan reads "7d", "2w" or any Go duration ("48h").
func parseSpan(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("%q is not a span like 7d, 2w or 48h", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a span like 7d, 2w or 48h", s)
	}
	if d < time.Hour {
		// Deadlines are days apart: "1m" is more likely a month meant than a minute.
		return 0, fmt.Errorf("%q is under an hour; give days, weeks or hours (7d, 2w, 48h)", s)
	}
	return d, nil
}

func queueList(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "queue list", "queue list [--status S] [--overdue] [--due-within 7d] [--org ORG] [--assigned NAME | --unassigned] [--search TEXT] [--safeguarding] [--json]")
	var cf caseFilter
	cf.register(fs)
	limit := fs.Int("limit", 0, "at most `n` cases")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("queue list takes no arguments, got %q", pos)
	}
	if *limit < 0 {
		return usageError("--limit must be 0 (no limit) or more, got %d", *limit)
	}
	f, unknown, err := cf.filter(app, fs)
	if err != nil {
		return err
	}
	f.Limit = *limit
	return withQueue(ctx, app, func(q *dpo.Queue) error {
		cases, err := q.List(ctx, f)
		if err != nil {
			return err
		}
		if err := cf.filedUnder(ctx, app, q, unknown); err != nil {
			return err
		}
		if err := knownAssignee(ctx, q, f.AssignedTo); err != nil {
			return err
		}
		if f.Overdue || f.DueWithin > 0 {
			// A confirmed Part 3 request without the DPO's time limit has no due date, so a
			// deadline view can't list it: it says so (on stderr, beside the table scripts read).
			if err := warnNoTimeLimit(ctx, app, q, f); err != nil {
				return err
			}
		}
		if *asJSON {
			out := make([]caseJSON, len(cases))
			for i := range cases {
				out[i] = caseJSONOf(cases[i], app.Now())
			}
			return writeJSON(app.Stdout, out)
		}
		if len(cases) == 0 {
			fmt.Fprintln(app.Stdout, "No cases.")
			return nil
		}
		tw := tabwriter.NewWriter(app.Stdout, 0, 4, 2, ' ', 0)
		// A search's results name the requester, and whom the request is for, as the dashboard's
		// do: two callers called Okafor are told apart without opening each (a QA pass: only
		// references). The whole queue names nobody. The names come last: the columns before them
		// are where scripts read them.
		named := f.Search != ""
		header := "REF\tSTATUS\tTYPE\tDUE\tRECEIVED\tORGANISATION\tSAFEGUARDING\tASSIGNED TO"
		if named {
			header += "\tREQUESTER\tON BEHALF OF"
		}
		fmt.Fprintln(tw, header)
		for _, c := range cases {
			assigned := c.AssignedTo
			if assigned == "" {
				assigned = "-"
			}
			// Whether the chat read a risk to someone's safety: read the excerpt (queue show) before
			// contacting the requester.
			safeguarding := "-"
			if c.Safeguarding {
				safeguarding = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", c.Ref, c.Status, c.Type, dueText(c, f.Now),
				ukDate(c.Received), c.Organisation, safeguarding, assigned)
			if named {
				whom := "-"
				if c.Requester.OnBehalfOf && c.Requester.OnBehalfOfWhom != "" {
					whom = c.Requester.OnBehalfOfWhom
				}
				fmt.Fprintf(tw, "\t%s\t%s", c.Requester.Name, whom)
			}
			fmt.Fprintln(tw)
		}
		return tw.Flush()
	})
}

// caseFilter is the flags that choose cases, shared by queue list and queue export.
type caseFilter struct {
	statuses   stringList
	orgs       orgList
	overdue    *bool
	dueWithin  *string
	assigned   *string
	unassigned *bool
	search     *string
	// safeguarding keeps the cases whose chat read a risk to someone's safety.
	safeguarding *bool
	known        []string // the notices' councils, once filter has read --org
}

func (cf *caseFilter) register(fs *flag.FlagSet) {
	fs.Var(&cf.statuses, "status", "only cases in this `status` (repeat or comma-separate; open: every open status, closed: completed, refused, withdrawn)")
	fs.Var(&cf.orgs, "org", "only cases for this `organisation` (repeatable; case-insensitive)")
	cf.overdue = fs.Bool("overdue", false, "only open cases past their due date")
	cf.dueWithin = fs.String("due-within", "", "only open cases due within this `span` (7d, 48h), overdue included")
	cf.assigned = fs.String("assigned", "", "only cases assigned to this `name` (as assigned, in any case: queue show says it; a name never assigned and no user's is refused)")
	cf.unassigned = fs.Bool("unassigned", false, "only cases assigned to nobody")
	cf.search = fs.String("search", "", "only cases whose reference, names (the requester's, whom it is for) or contact hold each word of this `text` (any order or case, accents and apostrophes aside, a part is enough; a UK phone number however written)")
	cf.safeguarding = fs.Bool("safeguarding", false, "only cases whose chat read a risk to someone's safety and gave the safeguarding contacts (read the excerpt before contacting the requester)")
}

// filter checks the parsed flags and makes the filter. Councils no notice has are kept in it and
// returned in unknown, for filedUnder to check against the queue.
func (cf *caseFilter) filter(app *App, fs *flag.FlagSet) (f dpo.Filter, unknown []string, err error) {
	assignedSet := false
	fs.Visit(func(fl *flag.Flag) { assignedSet = assignedSet || fl.Name == "assigned" })
	switch {
	case assignedSet && strings.TrimSpace(*cf.assigned) == "":
		// An empty name would silently list everyone's cases: say which flag means nobody's.
		return f, nil, usageError("--assigned needs a name; --unassigned lists the cases assigned to nobody")
	case assignedSet && *cf.unassigned:
		return f, nil, usageError("--assigned and --unassigned can't both be given: a case is assigned to someone or to nobody")
	}
	named, unknown, known, err := canonicalOrgs(app, cf.orgs)
	if err != nil {
		return f, nil, err
	}
	if slices.Contains(named, "*") {
		named = nil // every council's, as a dashboard user's '*'
	}
	cf.known = known
	f = dpo.Filter{Organisations: named, Overdue: *cf.overdue, Now: app.Now(),
		AssignedTo: dpo.PersonName(*cf.assigned), Unassigned: *cf.unassigned} // "Zoe\u0308" is the Zoë assigned
	f.Safeguarding = *cf.safeguarding
	for _, s := range cf.statuses {
		// "open" is the working queue, as the dashboard shows it first; "closed" what is done.
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "open":
			f.Statuses = append(f.Statuses, dpo.OpenStatuses()...)
			continue
		case "closed":
			f.Statuses = append(f.Statuses, dpo.ClosedStatuses()...)
			continue
		}
		st, err := dpo.ParseStatus(s)
		if err != nil {
			return f, nil, usageError("--status: %v, or open or closed", err)
		}
		f.Statuses = append(f.Statuses, st)
	}
	if *cf.dueWithin != "" {
		if f.DueWithin, err = parseSpan(*cf.dueWithin); err != nil {
			return f, nil, usageError("--due-within: %v", err)
		}
	}
	if err := dpo.CheckSearch(*cf.search); err != nil {
		return f, nil, usageError("--search: %v", err)
	}
	f.Search = strings.TrimSpace(*cf.search)
	return f, unknown, nil
}

// filedUnder checks councils no notice has against the queue: cases of a council whose notices
// have gone can still be listed (said on stderr, with the councils there are), but a misspelt
// council, with no case filed under it, must not look like an empty queue.
func (cf *caseFilter) filedUnder(ctx context.Context, app *App, q *dpo.Queue, unknown []string) error {
	if len(unknown) == 0 {
		return nil
	}
	var none []string
	for _, org := range unknown {
		filed, err := q.List(ctx, dpo.Filter{Organisations: []string{org}, Limit: 1})
		if err != nil {
			return err
		}
		if len(filed) == 0 {
			none = append(none, org)
		}
	}
	if len(none) > 0 {
		return usageError("--org: no notice is %s's and no case is filed under it; the organisations are %s",
			strings.Join(quoteAll(none), ", "), strings.Join(cf.known, ", "))
	}
	fmt.Fprintf(app.Stderr, "privacybot queue: no notice is %s's (cases filed under it are listed); the organisations are %s\n",
		strings.Join(quoteAll(unknown), ", "), strings.Join(cf.known, ", "))
	return nil
}

// knownAssignee checks --assigned: a name no case was ever assigned to (open or closed, as the
// audit trails say) and no dashboard user has is a name mistyped ("Maya Patal"), which must not
// look like someone with nothing to do. It is refused naming who cases are assigned to and the
// users, as --org names the councils. The store answers with names (Assignees,
// TrailAssignees), one query each, so a queue of years of cases is not read case by case.
func knownAssignee(ctx context.Context, q *dpo.Queue, name string) error {
	if name == "" {
		return nil
	}
	if some, err := q.List(ctx, dpo.Filter{AssignedTo: name, Limit: 1}); err != nil || len(some) > 0 {
		return err
	}
	var known []string
	add := func(n string) {
		if n != "" && !slices.ContainsFunc(known, func(k string) bool { return dpo.SameName(k, n) }) {
			known = append(known, n)
		}
	}
	if us, ok := q.Store.(userStore); ok {
		users, err := us.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			if dpo.SameName(u.Name, name) {
				return nil // a user with no case yet
			}
			add(u.Name)
		}
	}
	assigned, err := q.Assignees(ctx, dpo.Filter{})
	if err != nil {
		return err
	}
	for _, n := range assigned {
		spellings := sameNames(assigned, n)
		if len(spellings) > 1 && !slices.ContainsFunc(known, func(k string) bool { return dpo.SameName(k, n) }) {
			// One person assigned under several spellings ("maya patel", "Maya Patel"): named
			// as the first case listed names them, as when every case was read in turn.
			if n, err = firstSpelling(ctx, q, spellings); err != nil {
				return err
			}
		}
		add(n)
	}
	// Not now assigned to anyone: perhaps it was (the trails keep the names the cases forgot).
	trail, err := q.TrailAssignees(ctx)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(trail, func(n string) bool { return dpo.SameName(n, name) }) {
		return nil
	}
	if len(known) == 0 {
		return usageError("--assigned: no case is assigned to %q, nor to anyone, and there are no dashboard users (--unassigned lists the cases assigned to nobody)", name)
	}
	slices.SortFunc(known, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return usageError("--assigned: no case is assigned to %q and no dashboard user has that name; the names are %s (--unassigned lists the cases assigned to nobody)",
		name, strings.Join(quoteAll(known), ", "))
}

// sameNames are the spellings among names of the name n (SameName), in their order.
func sameNames(names []string, n string) []string {
	var same []string
	for _, m := range names {
		if dpo.SameName(m, n) {
			same = append(same, m)
		}
	}
	return same
}

// firstSpelling is the spelling, of those of one name, that the first case assigned to any of
// them has, in List's order (soonest due first, no due date last, then by reference): one case
// read per spelling, for a name spelt more than one way.
func firstSpelling(ctx context.Context, q *dpo.Queue, spellings []string) (string, error) {
	var first dpo.Case
	for _, s := range spellings {
		cases, err := q.List(ctx, dpo.Filter{AssignedTo: s, Limit: 1})
		if err != nil {
			return "", err
		}
		if len(cases) == 0 {
			continue
		}
		c := cases[0]
		switch {
		case first.Ref == "",
			c.Due.IsZero() != first.Due.IsZero() && first.Due.IsZero(),
			!c.Due.IsZero() && !first.Due.IsZero() && c.Due.Before(first.Due),
			c.Due.Equal(first.Due) && c.Ref < first.Ref:
			first = c
		}
	}
	if first.Ref == "" {
		return spellings[0], nil // assigned elsewhere meanwhile
	}
	return first.AssignedTo, nil
}

// warnNoTimeLimit writes to stderr the confirmed Part 3 requests of f's councils (and assignee)
// that have no time limit yet, which no deadline view lists.
func warnNoTimeLimit(ctx context.Context, app *App, q *dpo.Queue, f dpo.Filter) error {
	open, err := q.List(ctx, dpo.Filter{Organisations: f.Organisations, Statuses: dpo.OpenStatuses(), AssignedTo: f.AssignedTo,
		Unassigned: f.Unassigned, NeedsTimeLimit: true, Now: f.Now}) // those cases only, not every open one
	if err != nil {
		return err
	}
	if refs := dpo.NeedingTimeLimit(open); len(refs) > 0 {
		fmt.Fprintf(app.Stderr, "privacybot queue: also %d confirmed law-enforcement (Part 3) request(s) with no time limit set, which no deadline view lists: %s (privacybot queue limit REF --due YYYY-MM-DD --reason …)\n",
			len(refs), strings.Join(refs, ", "))
	}
	return nil
}

// dueText is a case's due date for people, flagging an overdue one and one due today (as the
// dashboard highlights them).
func dueText(c dpo.Case, now time.Time) string {
	text := c.Due.Format(time.DateOnly)
	switch {
	case c.NeedsTimeLimit():
		return "Part 3: no time limit set yet (queue limit)"
	case c.Due.IsZero():
		text = "-"
	case c.Overdue(now):
		text += " OVERDUE"
	case c.DueToday(now):
		text += " DUE TODAY"
	}
	if c.Status.Open() && c.LawEnforcement == dpo.LawEnforcementConfirmed && !c.Due.IsZero() {
		text += " (Part 3: the DPO's time limit)"
	}
	if c.Status.Open() && c.LawEnforcement == dpo.LawEnforcementSuspected {
		text += " (Part 3? DPO to decide)" // the date UK GDPR gives it, unless the DPO confirms Part 3
	}
	return text
}

// ukDate is the council's calendar date of an instant.
func ukDate(t time.Time) string { return t.In(queueLondon()).Format(time.DateOnly) }

func ukDateTime(t time.Time) string { return t.In(queueLondon()).Format("2006-01-02 15:04") }

func queueLondon() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	return time.UTC
}

// oneRef takes the single REF argument of show/update/extend.
func oneRef(cmd string, pos []string) (string, error) {
	if len(pos) != 1 {
		return "", usageError("queue %s needs exactly one reference (like DPO-2026-000123), got %d arguments", cmd, len(pos))
	}
	return pos[0], nil
}

func queueShow(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "queue show", "queue show REF [--json]")
	asJSON := fs.Bool("json", false, "print JSON: {case, events}")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("show", pos)
	if err != nil {
		return err
	}
	return withCase(ctx, app, ref, func(q *dpo.Queue) error {
		c, err := q.Get(ctx, ref)
		if err != nil {
			return err
		}
		events, err := q.Events(ctx, c.Ref)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(app.Stdout, struct {
				Case   caseJSON    `json:"case"`
				Events []dpo.Event `json:"events"`
			}{caseJSONOf(c, app.Now()), events})
		}
		printCase(app.Stdout, c, events, app.Now())
		return nil
	})
}

func printCase(w io.Writer, c dpo.Case, events []dpo.Event, now time.Time) {
	fmt.Fprintf(w, "%s  %s request  [%s]\n\n", c.Ref, c.Type, c.Status)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", k, v)
		}
	}
	row("Organisation", fmt.Sprintf("%s (%s)", c.Organisation, c.Region))
	row("Service", printable(c.Service))
	row("Received", ukDateTime(c.Received)+" via "+string(c.Channel))
	due := dueText(c, now)
	if why := c.NoDueDate(); why != "" {
		due = "none: " + why
	}
	row("Due", due)
	if c.Safeguarding {
		row("Safeguarding", "the chat read a risk to someone's safety and gave the safeguarding contacts: read the conversation excerpt before contacting the requester")
	}
	if c.LawEnforcement != dpo.NotLawEnforcement {
		row("Law enforcement", c.LawEnforcement.Label())
	}
	if !c.TimeLimit.IsZero() {
		row("Time limit", c.TimeLimit.Format(time.DateOnly)+" set by the DPO (Part 3): "+printable(c.TimeLimitReason))
	}
	if c.Extended {
		row("Extended", c.ExtensionReason)
	}
	requester := fmt.Sprintf("%s (%s: %s)", c.Requester.Name, c.Requester.Contact.Kind,
		strings.ReplaceAll(c.Requester.Contact.Value, "\n", ", "))
	if c.Requester.OnBehalfOf {
		requester += ", on behalf of " + c.Requester.OnBehalfOfWhom
	}
	row("Requester", printable(requester))
	row("Assigned to", c.AssignedTo)
	if !c.Closed.IsZero() {
		row("Closed", ukDateTime(c.Closed))
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "\nDescription:\n%s\n", indent(printable(c.Description)))
	if c.Excerpt != "" {
		fmt.Fprintf(w, "\nConversation (redacted):\n%s\n", indent(printable(c.Excerpt)))
	}
	fmt.Fprintln(w, "\nAudit trail:")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, e := range events {
		change := string(e.To)
		if e.From != "" && e.From != e.To {
			change = string(e.From) + " → " + string(e.To)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", ukDateTime(e.At), printable(e.Actor), e.Kind, change,
			strings.ReplaceAll(printable(e.Note), "\n", " "))
	}
	_ = tw.Flush()
}

// printable drops control characters (keeping newlines) from text requesters wrote, so it
// cannot move the cursor or recolour the DPO's terminal.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// actorName is --by, who makes a change as the audit trail names them. A name that could forge
// the trail (a line break and a made-up event after it, hidden formatting) is refused as the
// flag is read, a usage error like any other bad flag, by the rule the queue itself applies.
type actorName string

func (a *actorName) String() string {
	if a == nil {
		return "" // the flag package asks a zero value what its default would print
	}
	return string(*a)
}

func (a *actorName) Set(s string) error {
	if err := dpo.CheckActor("--by", strings.TrimSpace(s)); err != nil {
		var fe *dpo.FieldError
		if errors.As(err, &fe) {
			return fmt.Errorf("give %s", fe.Reason) // the flag package names the flag and value
		}
		return err
	}
	*a = actorName(s)
	return nil
}

// byFlag registers --by on fs, who is doing what the command does: whoever runs it unless given.
func byFlag(fs *flag.FlagSet, app *App, doing string) *string {
	name := actorName(defaultActor(app))
	// The flag package adds the default's value; the text says only where it comes from.
	fs.Var(&name, "by", fmt.Sprintf("who is %s: the `NAME` on the audit trail ($USER)", doing))
	return (*string)(&name)
}

// defaultActor names whoever runs the command, for the audit trail.
func defaultActor(app *App) string {
	if u := strings.TrimSpace(app.Getenv("USER")); u != "" {
		return u
	}
	return "cli"
}

func queueUpdate(ctx context.Context, app *App, args []string) error {
	// The note is the rules' to require (Case.Transition): the grounds of a refusal, the reason for
	// an extension; any other change may go without one.
	fs := newFlags(app, "queue update", `queue update REF --status S [--note "…"] [--by NAME] [--at DATE]
       privacybot queue update REF --note "…" [--by NAME]
       privacybot queue update REF --proof-not-needed [--note "…"] [--by NAME] [--at DATE]

A case awaiting verification moved to in_progress records the proof of identity or authority as
arrived: its month runs from that day (today, or --at the day it came). When no proof was needed
after all (the authority is already on file), --proof-not-needed says so: the month runs from the
day the request was received, as if the clock had never stopped (or, when an earlier round of
proof had arrived, from the day it did).`)
	status := fs.String("status", "", "the new `status` (omit to add a note only)")
	proofNotNeeded := fs.Bool("proof-not-needed", false, "for a case awaiting verification: no proof of identity or authority was needed, so it goes in_progress with the month running from receipt, or from the day an earlier round of proof arrived (--status in_progress is implied)")
	note := fs.String("note", "", "why, for the audit trail: required for refused and extended (the grounds or the reason, which the requester is told) and withdrawn (how and when the requester withdrew), in two words or more of your own; without --status, added as a note")
	by := byFlag(fs, app, "making the change")
	at := fs.String("at", "", "when it happened, if not now: `YYYY-MM-DD` (a London date: that day from its start) or RFC 3339 (e.g. the day ID arrived)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("update", pos)
	if err != nil {
		return err
	}
	if *status == "" && strings.TrimSpace(*note) == "" && !*proofNotNeeded {
		return usageError("queue update needs --status, --note or both")
	}
	ch := dpo.Change{Note: *note, Actor: *by, ProofNotNeeded: *proofNotNeeded}
	if *status != "" {
		if ch.To, err = dpo.ParseStatus(*status); err != nil {
			return usageError("--status: %v", err)
		}
	}
	if *proofNotNeeded {
		if ch.To != "" && ch.To != dpo.InProgress {
			return usageError("--proof-not-needed moves a case awaiting verification to in_progress, not to %s", ch.To)
		}
		ch.To = dpo.InProgress
	}
	if *at != "" {
		if ch.To == "" {
			// A note is dated when it is written; a date in it would look like a dated change.
			return usageError("--at dates a status change; a note alone is dated when it is added (say the date in the note)")
		}
		if ch.At, err = parseDateArg(*at); err != nil {
			return usageError("--at: %v", err)
		}
	}
	return withCase(ctx, app, ref, func(q *dpo.Queue) error {
		if ch.To == "" {
			c, err := q.AddNote(ctx, ref, ch.Note, ch.Actor)
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "%s: note added\n", c.Ref)
			return nil
		}
		before, err := q.Get(ctx, ref)
		if err != nil {
			return err
		}
		c, err := q.UpdateStatus(ctx, ref, ch)
		if err != nil {
			return err
		}
		fmt.Fprintf(app.Stdout, "%s: %s → %s; due %s%s\n", c.Ref, before.Status, c.Status, dueText(c, app.Now()), clockFrom(before, c, ch))
		return nil
	})
}

// clockFrom says, for a case that was awaiting proof of identity or authority and now is not,
// which day its month runs from, and the other way it could have been recorded: the DPO sees which
// of the two they chose.
func clockFrom(before, after dpo.Case, ch dpo.Change) string {
	if before.Status != dpo.AwaitingVerification || after.AwaitingID || !after.Status.Open() {
		return ""
	}
	if ch.ProofNotNeeded {
		return fmt.Sprintf(" (no proof needed: the month runs from %s)", proofNotNeededFrom(before))
	}
	return fmt.Sprintf(" (the month runs from the day the proof arrived, %s; if none was needed, --proof-not-needed runs it from %s)",
		ukDate(after.IDReceived), proofNotNeededFrom(before))
}

// proofNotNeededFrom names the day the month of a case awaiting proof runs from if none was
// needed: "receipt, DATE", or the day an earlier round of proof arrived.
func proofNotNeededFrom(c dpo.Case) string {
	day, earlier := c.ProofNotNeededFrom()
	if earlier {
		return "the day the earlier proof arrived, " + ukDate(day)
	}
	return "receipt, " + ukDate(day)
}

// changeCase makes one change to the case ref and prints, on one line, what became of it.
func changeCase(ctx context.Context, app *App, ref string, change func(*dpo.Queue) (dpo.Case, error), done func(dpo.Case) string) error {
	return withCase(ctx, app, ref, func(q *dpo.Queue) error {
		c, err := change(q)
		if err != nil {
			return err
		}
		fmt.Fprintln(app.Stdout, done(c))
		return nil
	})
}

func queueExtend(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "queue extend", `queue extend REF --reason "…" [--by NAME]`)
	reason := fs.String("reason", "", "why the extra two months are needed, in two words or more of your own (the requester is told it)")
	by := byFlag(fs, app, "extending")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("extend", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*reason) == "" {
		return usageError("queue extend needs --reason")
	}
	return changeCase(ctx, app, ref, func(q *dpo.Queue) (dpo.Case, error) { return q.Extend(ctx, ref, *reason, *by) },
		func(c dpo.Case) string { return fmt.Sprintf("%s: extended; now due %s", c.Ref, dueText(c, app.Now())) })
}

func queueReopen(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "queue reopen", `queue reopen REF --note "…" [--by NAME]`+`

Opens a closed case again, where its clock stood when it was closed (waiting for ID or a
clarification answer, extended, or in progress), with its due date: reopening gives no new month.`)
	note := fs.String("note", "", "why it is reopened, for the audit trail, in two words or more of your own (required)")
	by := byFlag(fs, app, "reopening it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("reopen", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*note) == "" {
		return usageError("queue reopen needs --note: why the case is reopened")
	}
	return changeCase(ctx, app, ref, func(q *dpo.Queue) (dpo.Case, error) { return q.Reopen(ctx, ref, *note, *by) },
		func(c dpo.Case) string {
			return fmt.Sprintf("%s: reopened, %s; due %s", c.Ref, c.Status, dueText(c, app.Now()))
		})
}

func queueRetype(ctx context.Context, app *App, args []string) error {
	types := dpo.Names(dpo.RequestTypes)
	fs := newFlags(app, "queue retype", `queue retype REF --type T --reason "…" [--by NAME]`+`

Corrects the type of request a case was filed as, when it is another (a "complaint" that asks
for the information held about the writer is an access request), with the reason, on the audit
trail. What depends on the type follows: a complaint is never a law-enforcement (Part 3) request,
so one retyped as a complaint loses that flag (and the DPO's time limit); a complaint retyped as
a request whose words suggest Part 3 is flagged for the DPO to decide, as it would have been at
intake. The month still runs from when the request was received. A closed case is reopened first.`)
	typ := fs.String("type", "", "the request `type` it is: "+types)
	reason := fs.String("reason", "", "why it is that type of request, for the audit trail (required)")
	by := byFlag(fs, app, "changing it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("retype", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*typ) == "" {
		return usageError("queue retype needs --type: one of %s", types)
	}
	to, err := dpo.ParseRequestType(*typ)
	if err != nil {
		return usageError("--type: %v", err)
	}
	if strings.TrimSpace(*reason) == "" {
		return usageError("queue retype needs --reason: why it is %s", to.Kind())
	}
	return withCase(ctx, app, ref, func(q *dpo.Queue) error {
		before, err := q.Get(ctx, ref)
		if err != nil {
			return err
		}
		c, err := q.Retype(ctx, ref, to, *reason, *by)
		if err != nil {
			return err
		}
		line := fmt.Sprintf("%s: now %s (was %s)", c.Ref, c.Type.Kind(), before.Type.Kind())
		if c.LawEnforcement != before.LawEnforcement {
			line += "; " + c.LawEnforcement.Label()
		}
		fmt.Fprintf(app.Stdout, "%s; due %s\n", line, dueText(c, app.Now()))
		return nil
	})
}

func queueAssign(ctx context.Context, app *App, args []string) error {
	const usage = `queue assign REF NAME [--by NAME]   (NAME "" unassigns)`
	fs := newFlags(app, "queue assign", usage)
	by := byFlag(fs, app, "assigning")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError("%s", usage)
	}
	name := dpo.PersonName(pos[1]) // "Zoe\u0308" is the Zoë the users list holds
	if err := dpo.CheckName("name", name); err != nil {
		return usageError("%v", err)
	}
	return withCase(ctx, app, pos[0], func(q *dpo.Queue) error {
		if name, err = assignable(ctx, app, q, pos[0], name); err != nil {
			return err
		}
		c, err := q.Assign(ctx, pos[0], name, *by)
		if err != nil {
			return err
		}
		if c.AssignedTo == "" {
			fmt.Fprintf(app.Stdout, "%s: unassigned\n", c.Ref)
		} else {
			fmt.Fprintf(app.Stdout, "%s: assigned to %s\n", c.Ref, c.AssignedTo)
		}
		return nil
	})
}

// assignable checks a case can be given to name, and returns the name to give it to
// (dpo.Assignee: a dashboard user who sees the case's council, as they spell their name). A queue
// worked without the dashboard (no users) takes any name, as Slack's "Take it" does.
func assignable(ctx context.Context, app *App, q *dpo.Queue, ref, name string) (string, error) {
	us, ok := q.Store.(userStore)
	if !ok || name == "" {
		return name, nil
	}
	users, err := us.Users(ctx)
	if err != nil || len(users) == 0 {
		return name, err
	}
	c, err := q.Get(ctx, ref)
	if err != nil {
		return "", err
	}
	var canonical func(string) (string, bool) // nil: no notices to read names from, compare as given
	if orgs, err := organisations(app); err == nil {
		canonical = orgs.Canonical // a case may keep "MK Council"
	}
	name, err = dpo.Assignee(users, c, name, canonical)
	if refused := (*dpo.NotAssignableError)(nil); errors.As(err, &refused) {
		return "", usageError("%v", refused)
	}
	return name, err
}

func queuePart3(ctx context.Context, app *App, args []string) error {
	const usage = `queue part3 REF confirm|clear|suspect --reason "…" [--by NAME]`
	fs := newFlags(app, "queue part3", usage)
	reason := fs.String("reason", "", "why it is or is not a law-enforcement request, in two words or more of your own (for the audit trail)")
	by := byFlag(fs, app, "deciding")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError("%s", usage)
	}
	to, err := dpo.ParseLawEnforcement(pos[1])
	if err != nil {
		return usageError("%v", err)
	}
	if strings.TrimSpace(*reason) == "" {
		return usageError("queue part3 needs --reason")
	}
	return changeCase(ctx, app, pos[0], func(q *dpo.Queue) (dpo.Case, error) { return q.MarkLawEnforcement(ctx, pos[0], to, *reason, *by) },
		func(c dpo.Case) string {
			return fmt.Sprintf("%s: %s; due %s", c.Ref, c.LawEnforcement.Label(), dueText(c, app.Now()))
		})
}

func queueLimit(ctx context.Context, app *App, args []string) error {
	const usage = `queue limit REF --due YYYY-MM-DD --reason "…" [--by NAME]`
	fs := newFlags(app, "queue limit", usage+`

Records the time limit the DPO sets for a request confirmed as law enforcement (Part 3 of the
Data Protection Act 2018; queue part3 REF confirm), which has no UK GDPR due date: from then the
case is due on that date. Setting it again changes it; both are on the audit trail.`)
	due := fs.String("due", "", "the `date` (YYYY-MM-DD) the request is to be answered by; not before it was received nor more than a year after")
	reason := fs.String("reason", "", "why that time limit, in two words or more of your own (for the audit trail)")
	by := byFlag(fs, app, "setting it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneRef("limit", pos)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*due) == "" {
		return usageError("queue limit needs --due YYYY-MM-DD")
	}
	day, err := time.Parse(time.DateOnly, strings.TrimSpace(*due))
	if err != nil {
		return usageError("--due: %q is not a date like 2026-05-29", *due)
	}
	if strings.TrimSpace(*reason) == "" {
		return usageError("queue limit needs --reason")
	}
	return withCase(ctx, app, ref, func(q *dpo.Queue) error {
		c, err := q.SetTimeLimit(ctx, ref, day, *reason, *by)
		if err != nil {
			return err
		}
		fmt.Fprintf(app.Stdout, "%s: time limit set; due %s\n", c.Ref, dueText(c, app.Now()))
		if c.TimeLimitOnClosedDay() {
			fmt.Fprintf(app.Stderr, "privacybot queue: %s is not a working day (a weekend or bank holiday); a UK GDPR due date would move to the next one\n",
				c.TimeLimit.Format("Monday 2 January 2006"))
		}
		return nil
	})
}

func queueExport(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "queue export", "queue export --csv [--status S] [--overdue] [--due-within 7d] [--org ORG] [--assigned NAME | --unassigned] [--search TEXT] [--safeguarding]")
	asCSV := fs.Bool("csv", false, "write CSV (the only format so far)")
	var cf caseFilter
	cf.register(fs) // the cases queue list would list, as the dashboard's download keeps its filters
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("queue export takes no arguments, got %q", pos)
	}
	if !*asCSV {
		return usageError("say which format: queue export --csv")
	}
	f, unknown, err := cf.filter(app, fs)
	if err != nil {
		return err
	}
	return withQueue(ctx, app, func(q *dpo.Queue) error {
		if err := cf.filedUnder(ctx, app, q, unknown); err != nil {
			return err
		}
		if err := knownAssignee(ctx, q, f.AssignedTo); err != nil {
			return err
		}
		cases, err := q.List(ctx, f)
		if err != nil {
			return err
		}
		// The dashboard's download writes the same columns (dpo.WriteCSV), so a script reads either.
		return dpo.WriteCSV(app.Stdout, cases, app.Now())
	})
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// caseJSON is a case as `queue list --json` and `queue show --json` print it: with whether it is
// overdue now, which scripts would otherwise work out from the due date and the bank holidays,
// and the London date it was received, as the CSV export's received_date: "received" is an
// instant in UTC, whose date part is the day before for a letter of 1 July (a QA pass).
type caseJSON struct {
	dpo.Case
	Overdue      bool   `json:"overdue"`
	ReceivedDate string `json:"received_date"`
}

func caseJSONOf(c dpo.Case, now time.Time) caseJSON {
	return caseJSON{Case: c, Overdue: c.Overdue(now), ReceivedDate: deadline.LondonDate(c.Received).Format(time.DateOnly)}
}
