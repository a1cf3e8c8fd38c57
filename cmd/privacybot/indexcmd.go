package main

import (
	"context"
	"fmt"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/index"
)

func runIndex(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	if len(args) == 0 || (args[0] != "build" && args[0] != "stats") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(app.Stdout, "Usage: privacybot index build --out DIR [--corpus DIR] | privacybot index stats [--index DIR] [--corpus DIR]")
			return errHelp
		}
		return usageError("use: privacybot index build --out DIR, or privacybot index stats")
	}
	sub := args[0]
	fs := newFlags(app, "index "+sub, "index build --out DIR [--corpus DIR]   |   index stats [--index DIR] [--corpus DIR] [--json]")
	var ef engineFlags
	ef.register(fs, cfg)
	out := fs.String("out", "", "build: where to write the persisted index")
	asJSON := fs.Bool("json", false, "stats: print JSON")
	if rest, err := parseFlags(fs, args[1:]); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError("unexpected argument %q", rest[0])
	}
	c, err := loadCorpus(ef.corpusDir)
	if err != nil {
		return err
	}
	vocab := answer.DefaultVocabulary()
	switch sub {
	case "build":
		if *out == "" {
			return usageError("give --out DIR")
		}
		ix, err := index.BuildAt(*out, c, vocab)
		if err != nil {
			return err
		}
		defer ix.Close()
		st := ix.Stats()
		fmt.Fprintf(app.Stdout, "indexed %d passages of %d notices into %s\n", st.Passages, st.Notices, *out)
		return nil
	default:
		eng, err := openEngine(app, ef)
		if err != nil {
			return err
		}
		defer eng.Close()
		st := eng.index.Stats()
		if *asJSON {
			return writeJSON(app.Stdout, st)
		}
		where := st.Dir
		if where == "" {
			where = "(in memory)"
		}
		fmt.Fprintf(app.Stdout, "notices         %d\npassages        %d\nsynonym groups  %d\ncorpus hash     %s\nindex           %s\n", st.Notices, st.Passages, st.Synonyms, st.Hash, where)
		return nil
	}
}
