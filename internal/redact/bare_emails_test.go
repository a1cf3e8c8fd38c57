package redact_test

import "testing"

// An address typed without its top-level domain is still an address, at a mail provider or
// where the words before say an address follows.
func TestEmailsWithoutTopLevelDomainAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"email me at sarah.okafor82@gmail re cookies": "email me at [email] re cookies",
		"sarah.okafor82@gmail re cookies":             "[email] re cookies",
		"my email is jo@btinternet":                   "my email is [email]",
		"you can reach me: dave@hotmail, cheers":      "you can reach me: [email], cheers",
		"email me at jo@work thanks":                  "email me at [email] thanks",
		"contact me on kwame@asante please":           "contact me on [email] please",
		"sarah@gmail.c is my address":                 "[email] is my address",
	})
}

// An '@' in other senses stays: a handle, "at" a time or a price, an image size.
func TestOtherAtSignsAreKept(t *testing.T) {
	keeps(t, []string{
		"the logo@2x is blurry", "meet@noon tomorrow", "follow @MKCouncil on twitter",
		"I'm @ home all day", "2 tickets @ £5", "email @ the council", "tickets@5pm",
		"is the dpo@ the council?", "email me at me@ gmail",
	})
}
