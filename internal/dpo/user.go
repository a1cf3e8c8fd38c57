package dpo

import (
	"strings"
	"time"
)

// User is a member of the DPO's team who may sign in to the dashboard. Both stores keep them.
type User struct {
	Name          string
	PasswordHash  []byte   // bcrypt; never the password
	Organisations []string // whose cases they see; "*" means every organisation
	Created       time.Time
}

// SameName reports whether two names are one person's as the team types them: the same letters
// ignoring case ("maya patel" is Maya Patel) and the invisible marks PersonName takes out. A
// user is one name ignoring case (users add refuses a second so spelt).
func SameName(a, b string) bool { return strings.EqualFold(PersonName(a), PersonName(b)) }
