package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/notice"
)

func runNotices(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "notices", `notices [--corpus DIR] [--json] [--check]

Lists the notices the bot answers from. --check instead reports what a council's notices lack for
the bot to answer well: each organisation's data protection contact (given when the notices don't
answer) or its absence, notices without an updated date, a source or headings. It exits 1 when
it finds a problem residents would meet, so a council can run it before publishing its notices.`)
	dir := fs.String("corpus", cfg.CorpusDir, "directory of notices (PRIVACYBOT_CORPUS); the bundled ones when empty")
	asJSON := fs.Bool("json", false, "print JSON")
	check := fs.Bool("check", false, "report what the notices lack for the bot to answer well")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("notices takes no arguments")
	}
	c, err := loadCorpus(*dir)
	if err != nil {
		return err
	}
	if *check {
		return checkNotices(app, c, *asJSON)
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Title, r.Organisation, dash(r.Updated))
	}
	return tw.Flush()
}

// checkNotices prints what the notices lack, organisation by organisation, and fails when a
// resident would meet a problem.
func checkNotices(app *App, c *notice.Corpus, asJSON bool) error {
	comp := answer.NewComposer(nil, c, answer.DefaultVocabulary()) // checks read the notices, never search them
	comp.Now = app.Now
	findings := comp.Check()
	problems := 0
	for _, f := range findings {
		if f.Level == answer.LevelProblem {
			problems++
		}
	}
	if asJSON {
		if err := writeJSON(app.Stdout, findings); err != nil {
			return err
		}
	} else {
		org := ""
		for _, f := range findings {
			if f.Organisation != org {
				if org != "" {
					fmt.Fprintln(app.Stdout)
				}
				org = f.Organisation
				fmt.Fprintln(app.Stdout, org)
			}
			where := ""
			if f.Notice != "" {
				where = f.Notice + ": "
			}
			fmt.Fprintf(app.Stdout, "  %-8s %s%s\n", f.Level, where, f.Message)
		}
	}
	if problems > 0 {
		return fmt.Errorf("the notices have %d problem(s) residents would meet", problems)
	}
	return nil
}
