package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/privacybot/privacybot/internal/redact"
)

const redactSynopsis = "redact [--json] < text\n\n" +
	"Reads text on standard input and prints it with personal data replaced by placeholders\n" +
	"([email], [phone], [postcode], [NHS number], [NI number], [name], [address] …), the way\n" +
	"the bot redacts what it stores or sends to a language model. Offsets in --json are byte\n" +
	"offsets into the input.\n\nFlags:"

// maxRedactInput bounds what redact reads, so a mistaken pipe cannot exhaust memory.
const maxRedactInput = 32 << 20

// redactOutput is the JSON printed by `redact --json`.
type redactOutput struct {
	Text     string          `json:"text"`
	Findings []redactFinding `json:"findings"`
}

// redactFinding is one redacted span in `redact --json`.
type redactFinding struct {
	Kind  redact.Kind `json:"kind"`
	Start int         `json:"start"`
	End   int         `json:"end"`
}

// runRedact prints standard input redacted, so a DPO can check what would be stored.
func runRedact(ctx context.Context, app *App, args []string) error {
	fs := newFlags(app, "redact", redactSynopsis)
	asJSON := fs.Bool("json", false, `print {"text": …, "findings": [{"kind", "start", "end"}, …]}`)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("unexpected argument %q (pipe the text to standard input)", rest[0])
	}
	if app.Stdin == nil {
		return usageError("no standard input to read")
	}
	in, err := io.ReadAll(io.LimitReader(app.Stdin, maxRedactInput+1))
	if err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	if len(in) > maxRedactInput {
		return fmt.Errorf("standard input is larger than %d MiB; redact it in parts", maxRedactInput>>20)
	}
	text, findings := redact.New().Redact(string(in))
	if !*asJSON {
		_, err = io.WriteString(app.Stdout, text)
		return err
	}
	out := redactOutput{Text: text, Findings: make([]redactFinding, 0, len(findings))}
	for _, f := range findings {
		out.Findings = append(out.Findings, redactFinding{Kind: f.Kind, Start: f.Start, End: f.End})
	}
	enc := json.NewEncoder(app.Stdout)
	enc.SetEscapeHTML(false) // a DPO reads this; "<" should stay "<"
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
