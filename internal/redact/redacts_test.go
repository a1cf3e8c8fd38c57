package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// redactsTo checks that each text is redacted to what it maps to.
func redactsTo(t *testing.T, redacted map[string]string) {
	t.Helper()
	for in, want := range redacted {
		assert.Equal(t, want, redact.Text(in), "%q", in)
	}
}

// keeps checks that each text is left as it is: nothing in it is personal data.
func keeps(t *testing.T, texts []string) {
	t.Helper()
	for _, s := range texts {
		assert.Equal(t, s, redact.Text(s), "%q", s)
	}
}
