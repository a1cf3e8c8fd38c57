package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/redact"
)

// FuzzRedact checks, for any text around them, that Redact never panics, that its findings
// describe its output exactly, and that an e-mail address and an NI number written as separate
// words are always redacted whatever comes before or after them.
func FuzzRedact(f *testing.F) {
	for _, seed := range [][2]string{
		{"", ""},
		{"my name is", "and I live at 12 High Street"},
		{"NHS number", "943 476 5919"},
		{"+44 (0)7700", "900123 MK9 3HS"},
		{"44", "7700 900123 44(0"},
		{"0 7 7 0 0 9 0", "oh seven nine hundred"},
		{"a@b.cc.", "@example.com"},
		{"QQ 12 34 56", "C QQ123456C"},
		{"born 3/4/1985 I'm Zoë", "☕ 192.168.0.1 \xff\xfe"},
		{"4111 1111 1111", "1111 0000 0000 0000"},
		{"Kind regards,\n", "\nJane"},
	} {
		f.Add(seed[0], seed[1])
	}
	r := redact.New()
	f.Fuzz(func(t *testing.T, before, after string) {
		const email, ni = "jane.doe@example.com", "QQ 12 34 56 C"
		in := before + " " + email + " " + ni + " " + after
		emailAt := len(before) + 1
		niAt := emailAt + len(email) + 1

		out, findings := r.Redact(in)
		requireConsistent(t, in, out, findings)
		require.True(t, covered(findings, emailAt, emailAt+len(email)), "e-mail left in %q", out)
		require.True(t, covered(findings, niAt, niAt+len(ni)), "NI number left in %q", out)
	})
}

// covered reports whether one finding contains the whole of [start, end).
func covered(findings []redact.Finding, start, end int) bool {
	for _, f := range findings {
		if f.Start <= start && end <= f.End {
			return true
		}
	}
	return false
}
