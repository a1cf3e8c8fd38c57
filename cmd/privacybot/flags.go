package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// errHelp is returned when --help was asked for; it maps to exit code 0.
var errHelp = errors.New("help shown")

// newFlags makes a flag set for a subcommand whose help prints synopsis first.
func newFlags(app *App, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package prints a bad flag's error and the usage itself; the command's usage error
	// already says what is wrong, once. So what it prints is held, and only --help shows it
	// (parseFlags).
	out := &heldOutput{stdout: app.Stdout}
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: privacybot %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// heldOutput keeps what a flag set prints until parseFlags knows whether it was asked for.
type heldOutput struct {
	bytes.Buffer
	stdout io.Writer
}

// parseFlags parses args, letting flags come after positional arguments too
// (`privacybot ask "question" --json`), and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if out, ok := fs.Output().(*heldOutput); ok {
				if errors.Is(err, flag.ErrHelp) {
					_, _ = out.WriteTo(out.stdout)
				}
				out.Reset()
			}
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, fmt.Errorf("%w: %v (see --help)", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// subcommand is one verb of a command with verbs (privacybot queue list, slack run, …).
type subcommand func(ctx context.Context, app *App, args []string) error

// dispatch runs the verb args[0] of command name; usage is its synopsis.
func dispatch(ctx context.Context, app *App, name, usage string, verbs map[string]subcommand, args []string) error {
	if len(args) == 0 {
		return usageError("give a subcommand: privacybot %s", strings.SplitN(usage, "\n", 2)[0])
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprintf(app.Stdout, "Usage: privacybot %s\n", usage)
		return errHelp
	}
	run, ok := verbs[args[0]]
	if !ok {
		names := make([]string, 0, len(verbs))
		for v := range verbs {
			names = append(names, v)
		}
		sort.Strings(names)
		return usageError("unknown %s subcommand %q (%s)", name, args[0], strings.Join(names, ", "))
	}
	return run(ctx, app, args[1:])
}
