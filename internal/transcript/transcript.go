// Package transcript defines one line of a stored conversation, the record that the web channel
// hands to the SQLite and PostgreSQL stores in batches. It exists so those adapters can share the
// type without importing each other or the web channel; it imports nothing of the project and
// must stay that way.
package transcript

import "time"

// Entry is one line of a conversation as it is stored. Text is already redacted: stores keep
// what they are given.
type Entry struct {
	Session string
	Channel string // "web", "slack", …
	Org     string // the organisation the conversation was scoped to, or ""
	Role    string // "resident" or "bot"
	Text    string
	At      time.Time
}
