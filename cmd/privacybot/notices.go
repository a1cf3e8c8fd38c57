package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/privacybot/privacybot/internal/config"
)

func runNotices(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "notices", "notices [--corpus DIR] [--json]\n\nLists the notices the bot answers from.")
	dir := fs.String("corpus", cfg.CorpusDir, "directory of notices (PRIVACYBOT_CORPUS); the bundled ones when empty")
	asJSON := fs.Bool("json", false, "print JSON")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("notices takes no arguments")
	}
	c, err := loadCorpus(*dir)
	if err != nil {
		return err
	}
	type row struct {
		ID           string `json:"id"`
		Title        string `json:"title"`
		Organisation string `json:"organisation"`
		Service      string `json:"service"`
		Updated      string `json:"updated"`
		Source       string `json:"source"`
	}
	rows := make([]row, len(c.Notices))
	for i, n := range c.Notices {
		rows[i] = row{n.ID, n.Title, n.Organisation, n.Service, n.UpdatedString(), n.Source}
	}
	if *asJSON {
		return writeJSON(app.Stdout, rows)
	}
	tw := tabwriter.NewWriter(app.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tORGANISATION\tUPDATED")
	for _, r := range rows {
		upd := r.Updated
		if upd == "" {
			upd = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Title, r.Organisation, upd)
	}
	return tw.Flush()
}
