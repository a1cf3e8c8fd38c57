package main

import (
	"errors"
	"flag"
	"fmt"
)

// errHelp is returned when --help was asked for; it maps to exit code 0.
var errHelp = errors.New("help shown")

// newFlags makes a flag set for a subcommand whose help prints synopsis first.
func newFlags(app *App, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(app.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(app.Stdout, "Usage: privacybot %s\n", synopsis)
		fs.SetOutput(app.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(app.Stderr)
	}
	return fs
}

// parseFlags parses args, letting flags come after positional arguments too
// (`privacybot ask "question" --json`), and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
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
