package redact

import (
	"strings"
	"testing"
)

// A word readNameToken reads, its full stop aside, neither starts nor ends with an apostrophe or
// a hyphen ("the Smiths' house" reads Smiths), so that lowerStreet need not look for them.
func FuzzReadNameTokenHasNoEdgeMarks(f *testing.F) {
	for _, s := range []string{"the Smiths' house", "O'Neil", "-Smith-", "’tis", "a-.", "J. Smith", "Zoë’s", "rock 'n' roll", "x'-'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) {
			tok, _ := readNameToken(s, i)
			tok = strings.TrimSuffix(tok, ".")
			if lw := strings.ToLower(tok); lw != strings.Trim(lw, "'’-") {
				t.Fatalf("readNameToken(%q, %d) = %q", s, i, tok)
			}
		}
	})
}
