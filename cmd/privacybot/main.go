// Command privacybot answers questions about councils' privacy notices with cited excerpts and
// takes data-protection rights requests onto the DPO's queue.
//
// main only wires: it reads configuration, opens what is needed and hands things to each other.
// Each subcommand lives in its own file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"

	_ "time/tzdata" // Europe/London must resolve on a machine without a zoneinfo database
)

// Exit codes scripts can rely on.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed (a store error, an unreachable file, …)
	exitUsage   = 2 // the command line was wrong
	exitNoMatch = 3 // ask/search: the notices don't answer (abstained / no passages)
)

// errUsage marks an error in the command line; it maps to exit code 2.
var errUsage = errors.New("usage")

// usageError wraps a message as a command-line error.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// errNoMatch marks a successful run that found nothing to answer with; it maps to exit code 3.
var errNoMatch = errors.New("no match")

// App is what every subcommand gets: its standard streams, its environment and a clock.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time
}

// command is one subcommand of privacybot.
type command struct {
	summary string
	run     func(ctx context.Context, app *App, args []string) error
}

// commands is the table of subcommands; each one's code is in <name>.go.
func commands() map[string]command {
	return map[string]command{
		// one line per subcommand, kept in alphabetical order
		"ask":         {summary: "answer a question from the notices, with citations", run: runAsk},
		"chat":        {summary: "interactive chat for advisers (follow-ups, /sources, /org, /request)", run: runChat},
		"eval":        {summary: "measure answers on a question set", run: runEval},
		"index":       {summary: "build a persisted index, or show index stats", run: runIndex},
		"notices":     {summary: "list the notices the bot answers from", run: runNotices},
		"queue":       {summary: "the DPO's queue: list, show, update, extend, export cases", run: runQueue},
		"redact":      {summary: "print standard input with personal data redacted (--json for spans)", run: runRedact},
		"search":      {summary: "list the passages that best match a query, with scores", run: runSearch},
		"serve":       {summary: "serve the chat API, the widget, the DPO dashboard and metrics", run: runServe},
		"slack":       {summary: "Slack: print the app manifest, run over Socket Mode, post the DPO digest", run: runSlack},
		"transcripts": {summary: "what residents asked on the web and what the bot did (abstained, unsure, …)", run: runTranscripts},
		"users":       {summary: "manage DPO dashboard users: add, list, remove", run: runUsers},
		"deadline":    {summary: "print a rights request's legal due date (UK rules)", run: runDeadline},
		"discord":     {summary: "Discord: register the /privacy command, or run the gateway bot", run: runDiscord},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
	os.Exit(Main(ctx, app, os.Args[1:]))
}

// Main runs privacybot with args (without the program name) and returns the exit code. Tests call
// it directly.
func Main(ctx context.Context, app *App, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(app.Stdout, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(app.Stderr, "privacybot: unknown command %q\n\n", args[0])
		printUsage(app.Stderr, cmds)
		return exitUsage
	}
	err := cmd.run(ctx, app, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errNoMatch):
		return exitNoMatch
	case errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(app.Stderr, "privacybot %s: %v\n", args[0], err)
		return exitUsage
	default:
		fmt.Fprintf(app.Stderr, "privacybot %s: %v\n", args[0], err)
		return exitFailure
	}
}

func printUsage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "privacybot answers questions about privacy notices and takes rights requests.")
	fmt.Fprintln(w, "\nUsage: privacybot <command> [flags]   (privacybot <command> --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, cmds[n].summary)
	}
}
