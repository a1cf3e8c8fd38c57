// Package corpus embeds the bundled privacy notices, so the bot answers from any directory
// with no files beside it. A council replaces them with --corpus DIR or PRIVACYBOT_CORPUS.
package corpus

import "embed"

// FS holds the bundled notices (<notice-id>.md with YAML front matter) and organisations.yaml.
//
//go:embed *.md organisations.yaml
var FS embed.FS
