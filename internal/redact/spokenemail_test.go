package redact

import "testing"

func TestSpokenEmail(t *testing.T) {
	for in, want := range map[string]string{
		"my email is janet at example dot com":    "janet@example.com",
		"john.smith at gmail dot com":             "john.smith@gmail.com",
		"sarah dot m at outlook dot com please":   "sarah.m@outlook.com",
		"jo(at)example(dot)co(dot)uk":             "jo@example.co.uk",
		"email me: Dave99 at yahoo dot co dot uk": "dave99@yahoo.co.uk",
		"I work at tesco.com":                     "",
		"look at gov dot uk":                      "",
		"janet@example.com":                       "",
	} {
		if got := SpokenEmail(in); got != want {
			t.Errorf("SpokenEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

// Of two addresses spelt out, the first is the one said back.
func TestSpokenEmailTakesTheFirst(t *testing.T) {
	in := "email jo at gmail dot com or sam99 at outlook dot com"
	if got, want := SpokenEmail(in), "jo@gmail.com"; got != want {
		t.Errorf("SpokenEmail(%q) = %q, want %q", in, got, want)
	}
}
