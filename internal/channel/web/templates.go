package web

import (
	"html/template"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
)

// templateFuncs format dates the UK way and statuses as words.
var templateFuncs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(london).Format("Mon 2 Jan 2006")
	},
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(london).Format("2 Jan 2006 15:04")
	},
	"statusLabel": func(s dpo.Status) string {
		w := strings.ReplaceAll(string(s), "_", " ")
		return strings.ToUpper(w[:1]) + w[1:]
	},
}

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()
