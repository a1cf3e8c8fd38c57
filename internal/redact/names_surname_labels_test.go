package redact_test

import "testing"

// A name after "surname", "first name", "forename" or "last name", with no colon, is a name, and
// "Surname, Forename" after a "Name:" label is one name: a QA pass found "surname Kowalski, first
// name Wojciech" kept and "Name: Kowalski, Wojciech" redacted to "Name: [name], Wojciech".
func TestNamesAfterSurnameAndForenameLabelsAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"surname Kowalski, first name Wojciech":               "surname [name], first name [name]",
		"my surname is Nowak and my forename is Ewa":          "my surname is [name] and my forename is [name]",
		"last name Okonkwo first name Chidi":                  "last name [name] first name [name]",
		"family name Tanaka, given name Aiko. I want my file": "family name [name], given name [name]. I want my file",
		"Name: Kowalski, Wojciech":                            "Name: [name]",
		"Caller name: Nowak, Ewa\nRequest: access":            "Caller name: [name]\nRequest: access",
		"Full name: Okonkwo, Chidi.":                          "Full name: [name].",
	})
}

// The labels with no name after them, and a "Name:" label's name before a comma and a word that
// is no forename, stay as they were.
func TestSurnameLabelsWithoutANameAreKept(t *testing.T) {
	keeps(t, []string{
		"surname is required on the form", "what is your first name?", "first name and surname please",
		"the last name field is blank", "do you keep my maiden name", "surname of the tenant",
		"Forename is optional", "surname is Polish",
	})
	redactsTo(t, map[string]string{
		"Name: Kowalski, Olney":               "Name: [name], Olney",
		"my name is Sam, I need help":         "my name is [name], I need help",
		"Name: Kowalski, thanks for the help": "Name: [name], thanks for the help",
	})
}
