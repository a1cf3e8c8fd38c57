package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/privacybot/privacybot/internal/dpo"
	"golang.org/x/crypto/bcrypt"
)

// minPassword is the shortest password accepted for the dashboard (NCSC: length over rules).
const minPassword = 12

// userStore is what the users command needs; internal/sqlite and internal/postgres provide it.
type userStore interface {
	AddUser(ctx context.Context, name string, hash []byte, orgs []string, at time.Time) error
	Users(ctx context.Context) ([]dpo.User, error)
	RemoveUser(ctx context.Context, name string) error
}

func runUsers(ctx context.Context, app *App, args []string) error {
	flags := newFlags(app, "users", `users add NAME --org ORG [--org ORG…] [--password-stdin]
       privacybot users list [--json]
       privacybot users remove NAME

Manages who may sign in to the DPO dashboard (/dpo). Each user sees the cases of their
organisations only; --org '*' sees every organisation's. add reads the password from the first
line of standard input with --password-stdin, otherwise makes a random one and prints it once.`)
	var orgs multiFlag
	flags.Var(&orgs, "org", "an organisation whose cases the user sees (repeat for several; '*' for all)")
	pwStdin := flags.Bool("password-stdin", false, "read the password from standard input")
	asJSON := flags.Bool("json", false, "users list: print JSON [{name, organisations, created}]")
	rest, err := parseFlags(flags, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageError("say add, list or remove")
	}
	st, closeStore, err := openStore(ctx, app)
	if err != nil {
		return err
	}
	defer closeStore()
	us, ok := st.(userStore)
	if !ok {
		return fmt.Errorf("the store %T keeps no users", st)
	}
	switch verb := rest[0]; verb {
	case "add":
		if len(rest) != 2 {
			return usageError("users add NAME --org ORG")
		}
		if len(orgs) == 0 {
			return usageError("give at least one --org (or --org '*' for every organisation)")
		}
		named, unknown, known, err := canonicalOrgs(app, orgs)
		if err != nil {
			return err
		}
		if len(unknown) > 0 {
			// A user for a misspelt council would see no case at all.
			return usageError("--org: no notice is %q's; the organisations are %s (or '*' for all)", unknown[0], strings.Join(known, ", "))
		}
		orgs = named
		name := norm.NFC.String(strings.TrimSpace(rest[1])) // one form, as assignees are chosen (dpo.PersonName)
		if name == "" {
			return usageError("users add NAME: the name is empty")
		}
		if strings.ContainsFunc(name, func(r rune) bool {
			return unicode.IsControl(r) || dpo.HiddenFormatting(r) || r >= 0xFF01 && r <= 0xFF5E || unicode.IsSpace(r) && r != ' '
		}) {
			// "alice" with a zero-width space, or in full-width letters, would look like alice
			// on the dashboard and in the audit trail, and be someone else.
			return usageError("users add NAME: the name has a hidden, control or full-width character; use plain letters, digits and spaces")
		}
		if i := strings.IndexAny(name, "<>\"&;|`$\\{}[]*"); i >= 0 {
			// "bad name<>" was taken (a QA pass): markup and shell characters are no part of a
			// person's name, and awkward in `queue assign REF NAME` and on the audit trail.
			return usageError("users add NAME: the name has %q; use letters, digits, spaces and . ' - @ _", name[i:i+1])
		}
		if dpo.SystemActor(name) {
			// The user's changes are signed with the name: these would read as the requester's.
			return usageError("users add NAME: %q reads as one of the queue's own names on the audit trail (requester via web, for whoever sent a request; %s, for its own changes); use the person's name", name, dpo.SystemName)
		}
		existing, err := us.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range existing {
			if dpo.SameName(u.Name, name) && u.Name != name {
				// Cases are found by assignee ignoring case ("--assigned alice" finds Alice's):
				// two users so named would share a queue view they must not.
				return usageError("there is already a user %q: names that differ only in case are one name here", u.Name)
			}
		}
		pw, generated := "", false
		if *pwStdin {
			line, err := bufio.NewReader(app.Stdin).ReadString('\n')
			if err != nil && line == "" {
				return usageError("no password on standard input")
			}
			pw = strings.TrimRight(line, "\r\n")
		} else {
			pw, generated = randomPassword(), true
		}
		if len(pw) < minPassword {
			return usageError("the password must be at least %d characters", minPassword)
		}
		if len(pw) > 72 {
			return usageError("the password must be at most 72 bytes (bcrypt's limit)")
		}
		hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
		if err != nil {
			return fmt.Errorf("hash password: %w", err)
		}
		err = us.AddUser(ctx, name, hash, orgs, app.Now())
		if errors.Is(err, fs.ErrExist) {
			return usageError("there is already a user %q (remove it first to reset the password)", name)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(app.Stdout, "added %s (%s)\n", name, strings.Join(orgs, ", "))
		if generated {
			fmt.Fprintf(app.Stdout, "password: %s\n(shown once: give it to %s securely)\n", pw, name)
		}
		return nil
	case "list":
		users, err := us.Users(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			type userJSON struct {
				Name          string    `json:"name"`
				Organisations []string  `json:"organisations"`
				Created       time.Time `json:"created"`
			}
			out := make([]userJSON, len(users)) // never the password hash
			for i, u := range users {
				out[i] = userJSON{u.Name, u.Organisations, u.Created.UTC()}
			}
			return writeJSON(app.Stdout, out)
		}
		if len(users) == 0 {
			fmt.Fprintln(app.Stdout, "no users: add one with privacybot users add NAME --org ORG")
			return nil
		}
		tw := tabwriter.NewWriter(app.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tORGANISATIONS\tADDED")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Name, strings.Join(u.Organisations, ", "), u.Created.Format(time.DateOnly))
		}
		return tw.Flush()
	case "remove":
		if len(rest) != 2 {
			return usageError("users remove NAME")
		}
		err := us.RemoveUser(ctx, rest[1])
		if errors.Is(err, fs.ErrNotExist) {
			return usageError("there is no user %q", rest[1])
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(app.Stdout, "removed %s\n", rest[1])
		// Open cases left with someone who has gone would be worked by nobody: say which.
		cases, err := st.List(ctx, dpo.Filter{Statuses: dpo.OpenStatuses(), AssignedTo: rest[1], Now: app.Now()})
		if err != nil {
			return err
		}
		var theirs []string
		for _, c := range cases {
			if c.AssignedTo == rest[1] { // the filter ignores case; user names don't
				theirs = append(theirs, c.Ref)
			}
		}
		if len(theirs) > 0 {
			fmt.Fprintf(app.Stderr, "privacybot users: %s still has open cases: %s (give each to someone: privacybot queue assign REF NAME)\n",
				rest[1], strings.Join(theirs, ", "))
		}
		return nil
	default:
		return usageError("unknown users command %q: say add, list or remove", verb)
	}
}

// randomPassword makes a 26-character password with 130 bits of randomness.
func randomPassword() string { return rand.Text() }

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

// Set adds one value.
func (m *multiFlag) Set(v string) error {
	if v = strings.TrimSpace(v); v == "" {
		return errors.New("empty")
	}
	*m = append(*m, v)
	return nil
}
