package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/index"
)

func runAsk(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "ask", `ask "QUESTION" [--org ORG] [--notice ID] [-k N] [--json]

Answers a question from the notices, quoting them with numbered citations. Exit codes: 0 answered,
3 the notices don't answer it (the data protection contact is given), 2 bad command line, 1 error.`)
	var ef engineFlags
	ef.register(fs, cfg)
	org := fs.String("org", "", "answer only from this organisation's notices (any of its names)")
	noticeID := fs.String("notice", "", "answer only from this notice (see privacybot notices)")
	k := fs.Int("k", 5, "passages to cite at most")
	asJSON := fs.Bool("json", false, "print the answer as JSON (the stable contract of the web API)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageError(`give a question: privacybot ask "How long do you keep complaint records?"`)
	}
	if *k < 1 || *k > index.MaxK {
		return usageError("-k must be between 1 and %d", index.MaxK)
	}
	eng, err := openEngine(app, ef)
	if err != nil {
		return err
	}
	defer eng.Close()
	bot, err := newBot(app, cfg, eng, nil)
	if err != nil {
		return err
	}
	ans, err := bot.Ask(ctx, answer.Question{Text: strings.Join(rest, " "), Organisation: *org, NoticeID: *noticeID, K: *k})
	if err != nil {
		return answerError(err)
	}
	if *asJSON {
		if err := writeJSON(app.Stdout, ans); err != nil {
			return err
		}
	} else {
		printAnswer(app.Stdout, ans)
	}
	if ans.Abstained {
		return errNoMatch
	}
	return nil
}

// answerError turns the answerer's input errors into usage errors.
func answerError(err error) error {
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion), errors.Is(err, answer.ErrQuestionTooLong),
		errors.Is(err, index.ErrUnknownOrganisation), errors.Is(err, index.ErrUnknownNotice):
		return usageError("%v", err)
	case err != nil:
		return fmt.Errorf("answer: %w", err)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printAnswer renders an answer as text for a terminal: the answer, then its sources.
func printAnswer(w io.Writer, ans answer.Answer) {
	fmt.Fprintln(w, ans.Answer)
	if len(ans.Citations) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources:")
	for _, c := range ans.Citations {
		fmt.Fprintf(w, "[%d] %s — %s", c.N, c.Title, c.Organisation)
		if c.Section != "" {
			fmt.Fprintf(w, " — %s", c.Section)
		}
		if c.Updated != "" {
			fmt.Fprintf(w, " (updated %s)", c.Updated)
		}
		if c.Source != "" {
			fmt.Fprintf(w, " %s", c.Source)
		}
		fmt.Fprintln(w)
	}
}
