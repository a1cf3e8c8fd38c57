package dpo

import (
	"fmt"
	"slices"
	"strings"
)

// Sees reports whether a member of the team who sees orgs' cases sees a case of org: "*" is every
// organisation, and names are compared in any case as the canonical names canonical gives
// ("MK Council" is Milton Keynes City Council, as a case may still be filed). A name canonical
// doesn't know, or every name when canonical is nil (no notices to read names from), is compared
// as given.
func Sees(orgs []string, org string, canonical func(name string) (string, bool)) bool {
	name := func(o string) string {
		if canonical != nil {
			if c, ok := canonical(o); ok {
				return c
			}
		}
		return o
	}
	org = name(org)
	return slices.ContainsFunc(orgs, func(o string) bool { return o == "*" || strings.EqualFold(name(o), org) })
}

// Assignee returns the name to give case c to when the team asks for name: a case may go only to
// a dashboard user who sees its organisation's cases (Sees, with canonical), or one who can't open
// it would never work it. name is that user's in any case and with the marks PersonName takes out
// (SameName: "maya patel" is Maya Patel), and is returned as the user spells it. No name ("")
// is nobody, and always allowed. Refused, the error is a *NotAssignableError naming the users
// who could take it. users are all the dashboard's users; the caller decides what a queue with
// none allows.
func Assignee(users []User, c Case, name string, canonical func(name string) (string, bool)) (string, error) {
	if name == "" {
		return "", nil
	}
	// Only the users who could take it are named: the others are no answer, and another
	// council's team is not this one's to learn of.
	var choosable []string
	for _, u := range users {
		if !Sees(u.Organisations, c.Organisation, canonical) {
			continue
		}
		if SameName(u.Name, name) {
			return u.Name, nil
		}
		choosable = append(choosable, u.Name)
	}
	return "", &NotAssignableError{Name: name, Organisation: c.Organisation, Choosable: choosable}
}

// NotAssignableError refuses a case to a name that no dashboard user who sees the case's
// organisation has (Assignee).
type NotAssignableError struct {
	Name         string   // the name asked for
	Organisation string   // the case's organisation, as the case has it
	Choosable    []string // the users who see the organisation's cases, as they spell their names; none if nobody does
}

func (e *NotAssignableError) Error() string {
	if len(e.Choosable) == 0 {
		return fmt.Sprintf("no dashboard user %q sees %s's cases, and no user does", e.Name, e.Organisation)
	}
	return fmt.Sprintf("no dashboard user %q sees %s's cases (the users who do are %s)", e.Name, e.Organisation, strings.Join(e.Choosable, ", "))
}
