package llm

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"

	"github.com/privacybot/privacybot/prompts"
)

// The prompt templates, by file name.
const (
	systemTemplate  = "system.tmpl"
	answerTemplate  = "answer.tmpl"
	rewriteTemplate = "rewrite.tmpl"
)

// SystemPrompt is the data of system.tmpl.
type SystemPrompt struct {
	Abstain string // the exact reply meaning "the passages don't say" (AbstainReply)
}

// AnswerPrompt is the data of answer.tmpl.
type AnswerPrompt struct {
	Question string // the resident's question, redacted unless the model is self-hosted
	// Context is what the conversation was about before a follow-up ("complaint records" before
	// "who sees them?"), redacted like the question; empty for a question on its own.
	Context      string
	Organisation string // the organisation the question is scoped to; empty for all
	Passages     []PromptPassage
	Abstain      string // AbstainReply
}

// PromptPassage is one numbered passage shown to the model.
type PromptPassage struct {
	N            int // the number the model cites as [N]
	Title        string
	Organisation string
	Section      string
	Updated      string
	Text         string
}

// RewritePrompt is the data of rewrite.tmpl.
type RewritePrompt struct {
	History  []string // earlier messages of the conversation, oldest first, redacted
	Question string   // the follow-up to rewrite, redacted
}

// templates are the parsed prompts.
type templates struct {
	system, answer, rewrite *template.Template
}

// loadTemplates parses the embedded prompts, each replaced by the file of the same name in dir
// when dir is set and has one, and renders each once with sample data so a broken override
// fails at start-up, not on a resident's question.
func loadTemplates(dir string) (*templates, error) {
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("prompts directory: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("prompts %s is not a directory", dir)
		}
	}
	parse := func(name string) (*template.Template, error) {
		var fsys fs.FS = prompts.FS
		src := "bundled " + name
		if dir != "" {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				fsys, src = os.DirFS(dir), filepath.Join(dir, name)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("prompt %s: %w", name, err)
			}
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read prompt %s: %w", src, err)
		}
		t, err := template.New(name).Option("missingkey=error").Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("parse prompt %s: %w", src, err)
		}
		return t, nil
	}
	var t templates
	var err error
	if t.system, err = parse(systemTemplate); err != nil {
		return nil, err
	}
	if t.answer, err = parse(answerTemplate); err != nil {
		return nil, err
	}
	if t.rewrite, err = parse(rewriteTemplate); err != nil {
		return nil, err
	}
	sample := AnswerPrompt{Question: "q", Abstain: AbstainReply,
		Passages: []PromptPassage{{N: 1, Title: "t", Organisation: "o", Section: "s", Text: "x"}}}
	if _, err := render(t.system, SystemPrompt{Abstain: AbstainReply}); err != nil {
		return nil, err
	}
	if _, err := render(t.answer, sample); err != nil {
		return nil, err
	}
	if _, err := render(t.rewrite, RewritePrompt{History: []string{"h"}, Question: "q"}); err != nil {
		return nil, err
	}
	return &t, nil
}

func render(t *template.Template, data any) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", t.Name(), err)
	}
	return b.String(), nil
}
