package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
)

func runAsk(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "ask", `ask "QUESTION" [--org ORG] [--notice ID] [-k N] [--json] [--explain]
       privacybot ask - [same flags] < question.txt

Answers a question from the notices, quoting them with numbered citations; "-" reads the question
from standard input (its lines are one question). Exit codes: 0 answered, 3 the notices don't
answer it (the data protection contact is given), 2 bad command line, 1 error.
--explain shows, instead, what the extractive answerer made of the question and why it answered
or abstained: for whoever maintains the vocabulary or adds notices.`)
	var ef engineFlags
	ef.register(fs, cfg)
	ef.registerThreshold(fs)
	var lf lookupFlags
	lf.register(fs, 5, "answer")
	explain := fs.Bool("explain", false, "say why the extractive answerer answered or abstained")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageError(`give a question: privacybot ask "How long do you keep complaint records?"`)
	}
	text := strings.Join(rest, " ")
	if len(rest) == 1 && rest[0] == "-" {
		// `echo "how long …" | privacybot ask -` asked "-" (a QA pass).
		if text, err = readQuestion(app.Stdin); err != nil {
			return err
		}
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
	if *explain {
		return explainAnswer(ctx, app, eng, q, lf.json)
	}
	bot, err := newBot(app, cfg, eng, nil)
	if err != nil {
		return err
	}
	ans, err := bot.Ask(ctx, q)
	switch {
	case badQuestion(err):
		return questionError(err)
	case err != nil:
		return fmt.Errorf("answer: %w", err)
	}
	if lf.json {
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

// maxStdinQuestion bounds what `ask -` reads: far past a question's length, which the answerer
// checks and says; longer is no question, not read into memory.
const maxStdinQuestion = 64 << 10

// readQuestion reads the question `ask -` is given on standard input.
func readQuestion(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxStdinQuestion+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("read the question from standard input: %w", err)
	case len(b) > maxStdinQuestion:
		return "", usageError("%v", answer.ErrQuestionTooLong)
	case strings.TrimSpace(string(b)) == "":
		return "", usageError(`ask -: no question on standard input: echo "How long do you keep complaint records?" | privacybot ask -`)
	}
	return strings.Join(strings.Fields(string(b)), " "), nil // its lines are one question
}

// explainAnswer prints why the extractive answerer answered or abstained.
func explainAnswer(ctx context.Context, app *App, eng *engine, q answer.Question, asJSON bool) error {
	ex, err := eng.composer.Explain(ctx, q)
	switch {
	case badQuestion(err):
		return questionError(err)
	case err != nil:
		return fmt.Errorf("explain: %w", err)
	}
	if asJSON {
		return writeJSON(app.Stdout, ex)
	}
	ex.Print(app.Stdout)
	return nil
}

// printUnsureContact prints the data protection contact under an answer the bot is unsure of, so
// that an adviser can read it out without looking up the source. (An abstention's text has it.)
func printUnsureContact(w io.Writer, ans answer.Answer) {
	if !ans.Hedged {
		return
	}
	contacts := ans.Contacts
	if len(contacts) == 0 && ans.Contact != nil {
		contacts = []answer.Contact{*ans.Contact}
	}
	for _, c := range contacts { // each council the answer quotes: "contact X's team [5]" gave only Y's
		if c.Text != "" {
			fmt.Fprintf(w, "\nData protection contact, %s:\n%s\n", c.Organisation, c.Text)
		}
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printAnswer renders an answer as text for a terminal: the answer, the data protection contact
// when the bot is unsure, then its sources.
func printAnswer(w io.Writer, ans answer.Answer) {
	fmt.Fprintln(w, ans.Answer)
	printUnsureContact(w, ans)
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
