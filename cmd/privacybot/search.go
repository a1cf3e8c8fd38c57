package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
)

// searchHit is one ranked passage of `search --json`.
type searchHit struct {
	Rank         int     `json:"rank"`
	Score        float64 `json:"score"`
	Passage      string  `json:"passage"`
	Notice       string  `json:"notice"`
	Title        string  `json:"title"`
	Organisation string  `json:"organisation"`
	Section      string  `json:"section"`
	Text         string  `json:"text"`
	// Stale is set for a passage of a notice last updated more than three years ago, as an
	// answer's "stale" says of the notices it cites.
	Stale *answer.StaleNotice `json:"stale,omitempty"`
}

func runSearch(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "search", `search "QUERY" [--org ORG] [--notice ID] [-k N] [--json]

Lists the passages that best match a query, best answering first, with the score of the sentence that
answers best (0 for a passage none of whose sentences could). Exit code 3 when nothing matches.`)
	var ef engineFlags
	ef.register(fs, cfg)
	var lf lookupFlags
	lf.register(fs, 10, "search")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	text, err := answer.CleanQuestion(strings.Join(rest, " "))
	if err != nil {
		return usageError(`give a query: privacybot search "complaints retention" (%v)`, err)
	}
	q, err := lf.question(text)
	if err != nil {
		return err
	}
	eng, err := openEngine(app, ef)
	if err != nil {
		return err
	}
	defer eng.Close()
	if err := eng.scoped(q); err != nil {
		return err
	}
	hits, err := eng.composer.Retrieve(ctx, q) // ranked as the composer reads the query, which is what an answer quotes
	if badQuestion(err) {
		return questionError(err)
	}
	if err != nil {
		return err
	}
	out := make([]searchHit, len(hits))
	for i, h := range hits {
		p := h.Passage
		out[i] = searchHit{Rank: i + 1, Score: h.Score, Passage: p.ID, Notice: p.NoticeID, Title: p.Title,
			Organisation: p.Organisation, Section: p.Section(), Text: p.Text}
		// A passage of the 2018 privacy statement was listed with no sign of its age, which ask
		// flags (a QA pass).
		if stale := eng.composer.Stale([]answer.Citation{{Notice: p.NoticeID, Title: p.Title, Updated: p.Updated}}); len(stale) > 0 {
			out[i].Stale = &stale[0]
		}
	}
	if lf.json {
		if err := writeJSON(app.Stdout, out); err != nil {
			return err
		}
	} else {
		for _, h := range out {
			// The organisation too: two councils' notices share titles ("Privacy policy").
			score := fmt.Sprintf("%.3f", h.Score)
			if h.Score == 0 {
				score = "  –  " // no sentence of it could answer: ranked by shared words alone
			}
			fmt.Fprintf(app.Stdout, "%2d. %s  %s — %s  [%s]\n    %s\n", h.Rank, score, h.Organisation, h.Title, h.Section, strings.ReplaceAll(h.Text, "\n", "\n    "))
			if h.Stale != nil {
				fmt.Fprintf(app.Stdout, "    Note: %s was %s; what it says may no longer be current.\n", h.Stale.Title, h.Stale.Note)
			}
		}
	}
	if len(hits) == 0 {
		if !lf.json {
			fmt.Fprintln(app.Stderr, "No passage matches that.")
		}
		return errNoMatch
	}
	return nil
}
