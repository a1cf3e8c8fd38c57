package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/eval"
)

func runEval(ctx context.Context, app *App, args []string) error {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return err
	}
	fs := newFlags(app, "eval", `eval --questions FILE.jsonl [--corpus DIR] [--scoped] [-k N] [--json] [--totals] [--sweep]
eval --conversations FILE.jsonl [--corpus DIR] [--json] [--totals]

Measures the answer engine on a question set: recall@1/3/5, MRR, answer accuracy, abstention
precision and recall, and each miss.

--conversations measures the bot as people chat with it instead: each line's turns are said in
one session, in order, as on the web widget, and each answer is measured as a question's is
(answer accuracy, of the follow-ups too, abstention precision and recall, each miss with what was
said before it). A line: {"id": "c1", "turns": [{"say": "how long do you keep complaint records?",
"notices": ["…"], "answer_contains": ["6 years"]}, {"say": "and who sees them?", …}, {"say": "and
CCTV?", "unanswerable": true}]}. --totals leaves the misses out: for held-out and test sets,
whose misses nobody should read (tuning on them would make them measure nothing).

--sweep shows instead what each abstention threshold from 0.05 to 0.95 would decide on the set:
right and wrong answers, wrong and right abstentions, questions the notices don't answer that got
an answer anyway. Choose a threshold for PRIVACYBOT_ABSTAIN_THRESHOLD with your own questions on
your own notices; the extractive answerer decides, whether or not a model rephrases its answers.
The sweep moves one threshold for every organisation: an organisation's own abstain_threshold in
organisations.yaml is left out of it (sweep that organisation's notices and questions to choose it).`)
	var ef engineFlags
	ef.register(fs, cfg)
	ef.registerThreshold(fs)
	file := fs.String("questions", "", "question set, one JSON object a line")
	conversations := fs.String("conversations", "", "conversation set, one conversation a line")
	scoped := fs.Bool("scoped", false, "search only each question's own notices (per-notice benchmark)")
	k := fs.Int("k", 5, "passages an answer may cite")
	asJSON := fs.Bool("json", false, "print one JSON object")
	totals := fs.Bool("totals", false, "print the numbers only, not the misses")
	sweep := fs.Bool("sweep", false, "show what each abstention threshold would decide, instead of the report")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *conversations != "" {
		if *file != "" || *sweep || *scoped || len(rest) > 0 {
			return usageError("--conversations takes no --questions, --sweep or --scoped")
		}
		return evalConversations(ctx, app, cfg, ef, *conversations, *asJSON, *totals)
	}
	if *file == "" || len(rest) > 0 {
		return usageError("give the question set: privacybot eval --questions testdata/eval/questions.jsonl")
	}
	qs, err := readSet(*file, "questions", eval.Load)
	if err != nil {
		return err
	}
	eng, err := openEngine(app, ef)
	if err != nil {
		return err
	}
	defer eng.Close()
	opt := eval.Options{K: *k, Scoped: *scoped}
	if *sweep {
		sw, err := eval.SweepThresholds(ctx, qs, eng.composer, eng.composer.Abstention, opt)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(app.Stdout, sw)
		}
		eval.PrintSweep(app.Stdout, sw)
		return nil
	}
	var rep eval.Report
	if eng.hybrid == nil {
		rep, err = eval.Run(ctx, qs, eng.composer, eng.answerer, opt)
	} else {
		rep, err = evalBothModes(ctx, qs, eng, opt)
	}
	if err != nil {
		return err
	}
	if *totals {
		rep.Misses = []eval.Miss{}
		for _, m := range rep.Modes {
			m.Misses = []eval.Miss{}
		}
	}
	if *asJSON {
		return writeJSON(app.Stdout, rep)
	}
	eval.Print(app.Stdout, rep)
	return nil
}

// evalBothModes evaluates the engine with hybrid retrieval (its own report) and with Bleve's
// ranking alone, reported side by side in Modes.
func evalBothModes(ctx context.Context, qs []eval.Question, eng *engine, opt eval.Options) (eval.Report, error) {
	lexicalOnly := answer.NewComposer(eng.index, eng.corpus, eng.composer.Vocab)
	lexicalOnly.Now = eng.composer.Now
	lexical, err := eval.Run(ctx, qs, lexicalOnly, lexicalOnly, opt)
	if err != nil {
		return eval.Report{}, err
	}
	rep, err := eval.Run(ctx, qs, eng.composer, eng.answerer, opt)
	if err != nil {
		return eval.Report{}, err
	}
	fused := rep
	rep.Modes = map[string]*eval.Report{"bm25": &lexical, "hybrid": &fused}
	return rep, nil
}

// evalConversations says a conversation set's turns to the bot, a session per conversation, and
// reports how it answered them.
func evalConversations(ctx context.Context, app *App, cfg config.Config, ef engineFlags, file string, asJSON, totals bool) error {
	cs, err := readSet(file, "conversations", eval.LoadConversations)
	if err != nil {
		return err
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
	rep, err := eval.RunConversations(ctx, cs, bot)
	if err != nil {
		return err
	}
	if totals {
		rep.Misses = []eval.ConversationMiss{}
	}
	if asJSON {
		return writeJSON(app.Stdout, rep)
	}
	eval.PrintConversations(app.Stdout, rep)
	return nil
}

// readSet reads a question or conversation set from a file, naming the file in any error.
func readSet[T any](file, what string, load func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", what, err)
	}
	defer f.Close()
	set, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return set, nil
}
