package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/config"
	"github.com/privacybot/privacybot/internal/hybrid"
	"github.com/privacybot/privacybot/internal/index"
	"github.com/privacybot/privacybot/internal/llm"
	"github.com/privacybot/privacybot/internal/notice"
)

// engine is the answer engine every channel shares: the corpus, its index and the answerer.
type engine struct {
	corpus   *notice.Corpus
	index    *index.Index
	hybrid   *hybrid.Retriever // the index with embeddings fused in; nil when no embedding model is configured
	composer *answer.Composer
	answerer answer.Answerer // the composer, or the model wrapped around it
}

// embeddingStartup bounds embedding the corpus's passages at start-up.
const embeddingStartup = 2 * time.Minute

// engineFlags are the flags of every command that answers questions.
type engineFlags struct {
	corpusDir string
	indexDir  string
	// abstainThreshold overrides the abstention model's threshold when above 0.
	abstainThreshold float64
	cfg              config.Config // the environment's settings, for the optional model
}

func (f *engineFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}, cfg config.Config) {
	f.cfg = cfg
	fs.StringVar(&f.corpusDir, "corpus", cfg.CorpusDir, "directory of notices (.md, .txt) replacing the bundled ones (PRIVACYBOT_CORPUS)")
	fs.StringVar(&f.indexDir, "index", cfg.IndexDir, "persisted index directory to open, rebuilt when stale (PRIVACYBOT_INDEX); in memory when empty")
	f.abstainThreshold = cfg.AbstainThreshold
}

// registerThreshold adds --abstain-threshold, for the commands a person tries a threshold with
// before setting PRIVACYBOT_ABSTAIN_THRESHOLD for the servers.
func (f *engineFlags) registerThreshold(fs *flag.FlagSet) {
	fs.Float64Var(&f.abstainThreshold, "abstain-threshold", f.abstainThreshold,
		"abstain when the model gives less than this that the best sentence answers; 0 keeps the trained threshold (PRIVACYBOT_ABSTAIN_THRESHOLD)")
}

// loadCorpus reads the notices of dir, or the bundled ones when dir is empty.
func loadCorpus(dir string) (*notice.Corpus, error) {
	var fsys fs.FS = corpus.FS
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("corpus directory: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("corpus %s is not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	c, err := notice.Load(fsys)
	if err != nil {
		if dir == "" {
			dir = "bundled corpus"
		}
		return nil, fmt.Errorf("load notices from %s: %w", dir, err)
	}
	return c, nil
}

// openEngine loads the corpus and builds (or opens) its index.
func openEngine(app *App, f engineFlags) (*engine, error) {
	c, err := loadCorpus(f.corpusDir)
	if err != nil {
		return nil, err
	}
	vocab := answer.DefaultVocabulary()
	var ix *index.Index
	if f.indexDir != "" {
		var rebuilt bool
		ix, rebuilt, err = index.Open(f.indexDir, c, vocab)
		if err != nil {
			return nil, fmt.Errorf("open index: %w", err)
		}
		if rebuilt {
			fmt.Fprintf(app.Stderr, "privacybot: index %s was missing or stale; rebuilt it\n", f.indexDir)
		}
	} else if ix, err = index.Build(c, vocab); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	eng := &engine{corpus: c, index: ix}
	var retriever answer.Retriever = ix
	if f.cfg.HybridEnabled() {
		// Optional: any failure of the embedding model leaves Bleve's ranking alone.
		e := llm.NewEmbedder(modelOptions(f.cfg, f.cfg.EmbeddingModel))
		ctx, cancel := context.WithTimeout(context.Background(), embeddingStartup)
		hy, err := hybrid.New(ctx, ix, c, e, filepath.Join(f.cfg.DataDir, "embeddings"))
		cancel()
		if err != nil {
			fmt.Fprintf(app.Stderr, "privacybot: hybrid retrieval is off, answering from the index alone: %v\n", err)
		} else {
			hy.OnFallback = func(err error) {
				fmt.Fprintf(app.Stderr, "privacybot: embedding a question failed, answered from the index alone: %v\n", err)
			}
			eng.hybrid, retriever = hy, hy
		}
	}
	comp := answer.NewComposer(retriever, c, vocab)
	comp.Now = app.Now
	if err := withThreshold(comp, f.abstainThreshold); err != nil {
		ix.Close()
		return nil, err
	}
	eng.composer, eng.answerer = comp, comp
	if f.cfg.ModelEnabled() {
		// The model wraps the composer and falls back to it on any failure.
		o := modelOptions(f.cfg, f.cfg.Model)
		o.Dir = app.Getenv("PRIVACYBOT_PROMPTS")
		// The model reads the passages as the composer ranks them (Composer.Retrieve): the one
		// whose sentence answers first, not the one sharing the most words.
		m, err := llm.New(comp, comp, o)
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("language model: %w", err)
		}
		m.Now = app.Now
		m.Organisations = c.Organisations
		eng.answerer = m
	}
	return eng, nil
}

// withThreshold makes the composer abstain under threshold instead of the trained one (0 keeps
// that), refusing one that isn't a probability.
func withThreshold(comp *answer.Composer, threshold float64) error {
	if err := config.CheckAbstainThreshold(threshold); err != nil {
		return usageError("the abstention threshold %v", err)
	}
	if threshold == 0 {
		return nil
	}
	if comp.Abstention == nil {
		_, err := answer.DefaultAbstention()
		return fmt.Errorf("an abstention threshold is set but there is no abstention model to apply it to: %w", err)
	}
	m := *comp.Abstention
	m.Threshold = threshold
	comp.Abstention = &m
	return nil
}

// modelOptions are the endpoint settings of the configuration, for one of its models.
func modelOptions(cfg config.Config, model string) llm.Options {
	return llm.Options{BaseURL: cfg.OpenAIBaseURL, APIKey: cfg.OpenAIKey, Model: model,
		Timeout: cfg.ModelTimeout, SelfHosted: cfg.ModelSelfHosted}
}

func (e *engine) Close() error { return e.index.Close() }

// badQuestion reports whether an error answering a question is the asker's fault: an empty or
// pasted question, an unknown organisation or notice. The CLI makes it a usage error (exit 2),
// the web a 400.
func badQuestion(err error) bool {
	return errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrQuestionTooLong) || errors.Is(err, answer.ErrUnreadable) ||
		errors.Is(err, index.ErrUnknownOrganisation) || errors.Is(err, index.ErrUnknownNotice)
}

// questionError is the usage error of a question badQuestion blames on the asker, worded for
// the command line: a notice id is given with --notice ("retrieve passages: unknown notice" named
// the engine's step, not the flag).
func questionError(err error) error {
	if unknown := (*index.UnknownNoticeError)(nil); errors.As(err, &unknown) {
		if unknown.Organisation != "" {
			return usageError("--notice: %s", unknown.Detail()) // another council's notice: say whose
		}
		return usageError("--notice: I don't know %s; privacybot notices lists the notices' ids", unknown.Detail())
	}
	return usageError("%v", err)
}

// lookupFlags are the flags of the commands that look something up in the notices.
type lookupFlags struct {
	org, notice string
	k           int
	json        bool
}

func (f *lookupFlags) register(fs *flag.FlagSet, k int, what string) {
	fs.StringVar(&f.org, "org", "", what+" only from this organisation's notices (any of its names)")
	fs.StringVar(&f.notice, "notice", "", what+" only from this notice (see privacybot notices)")
	fs.IntVar(&f.k, "k", k, "passages at most")
	fs.BoolVar(&f.json, "json", false, "print JSON")
}

// question scopes text as the flags say, checking -k.
func (f lookupFlags) question(text string) (answer.Question, error) {
	if f.k < 1 || f.k > index.MaxK {
		return answer.Question{}, usageError("-k must be between 1 and %d", index.MaxK)
	}
	return answer.Question{Text: text, Organisation: f.org, NoticeID: f.notice, K: f.k}, nil
}

// scoped checks a question's --org against the notices' organisations, so that a misspelt council
// is a usage error naming the ones there are, not "unknown organisation" from the index.
func (e *engine) scoped(q answer.Question) error {
	if q.Organisation == "" {
		return nil
	}
	if _, ok := e.corpus.Organisations.Canonical(q.Organisation); ok {
		return nil
	}
	var names []string
	for _, o := range e.corpus.Organisations.All() {
		names = append(names, o.Name)
	}
	return usageError("--org: I don't know %q; the organisations are %s", q.Organisation, strings.Join(names, ", "))
}

// organisations reads the organisations the notices name, from the configured corpus.
func organisations(app *App) (*notice.Organisations, error) {
	cfg, err := config.FromEnv(app.Getenv)
	if err != nil {
		return nil, err
	}
	c, err := loadCorpus(cfg.CorpusDir)
	if err != nil {
		return nil, err
	}
	return c.Organisations, nil
}

// canonicalOrgs reads organisation names given on a command line (any of their names, "MK" or
// "Milton Keynes Council") as the canonical names the queue files cases under, so that a filter
// or a dashboard user names a council as the notices do. Names no notice's organisation has are
// kept as given and returned in unknown too, with the organisations there are, for the caller to
// refuse or to mention. "*" (every organisation) is kept as it is.
func canonicalOrgs(app *App, names []string) (out, unknown, known []string, err error) {
	if len(names) == 0 {
		return nil, nil, nil, nil
	}
	orgs, err := organisations(app)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, o := range orgs.All() {
		known = append(known, o.Name)
	}
	for _, n := range names {
		canon, ok := orgs.Canonical(n)
		switch {
		case n == "*":
			out = append(out, n)
		case ok:
			out = append(out, canon)
		default:
			out, unknown = append(out, n), append(unknown, n)
		}
	}
	return out, unknown, known, nil
}
