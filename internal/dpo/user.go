package dpo

import "time"

// User is a member of the DPO's team who may sign in to the dashboard. Both stores keep them.
type User struct {
	Name          string
	PasswordHash  []byte   // bcrypt; never the password
	Organisations []string // whose cases they see; "*" means every organisation
	Created       time.Time
}
