package redact_test

import "testing"

// A full name typed in lower case after "this is" or an opening "it's" (a resident writing as
// they would speak on the phone) was kept in logs and transcripts; and "It's" was redacted with
// the name after it.
func TestOpeningNamesAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"this is sam jones from flat 2":          "this is [name] from flat 2",
		"this is kirsty mcdonald, tenant at 4":   "this is [name], tenant at 4",
		"it's jane smith here":                   "it's [name] here",
		"hello\nit’s kofi mensah here, flat 3":   "hello\nit’s [name] here, flat 3",
		"It's Jane Smith here, I rang yesterday": "It's [name] here, I rang yesterday",
		"It's Jane Smith, I rang yesterday":      "It's [name], I rang yesterday",
	})
}

// What the opening contexts must not take for a name: a topic, a complaint.
func TestOpeningTopicsAreKept(t *testing.T) {
	keeps(t, []string{
		"this is direct payments stuff", "this is really annoying", "this is council tax related",
		"this is about my bins", "this is blue badge renewal", "this is housing benefit", "this is not right",
		"it's council tax again", "it’s really urgent", "it is about my bins", "it's tuesday again",
		"its broken, please fix", "It's Council Tax again", "It's Milton Keynes Council here",
		"this is tenancy fraud, how do i report it", "this is damp mould, who do i tell",
		"im cctv footage, can i see it", "its tenancy agreement, where is it",
	})
}

// A role in law the writer acts in is not their name; a surname that is also the word still is.
func TestLegalRolesAreNotNames(t *testing.T) {
	redactsTo(t, map[string]string{
		"I'm Power of Attorney for my mum":       "I'm Power of Attorney for my mum",
		"I am Lasting Power of Attorney for dad": "I am Lasting Power of Attorney for dad",
		"I'm Executor of her estate":             "I'm Executor of her estate",
		"I'm Appointee for my son":               "I'm Appointee for my son",
		"I'm Deputy for my brother":              "I'm Deputy for my brother",
		"my name is Samantha Power":              "my name is [name]",
		"I'm Samantha Power":                     "I'm [name]",
	})
}
