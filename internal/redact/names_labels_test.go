package redact_test

import "testing"

// A name after a label that says whose it is ("Caller name:", "Customer name:") is a name, as
// after "Name:": call handlers paste such notes into the chat, and names no list of first names
// holds ("Ewa Nowak", "Li Wei") were kept (a QA pass).
func TestNamesAfterAPersonsLabelAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"Caller name: Wojciech Kowalski":            "Caller name: [name]",
		"Caller name: Ewa Nowak":                    "Caller name: [name]",
		"Caller name: Li Wei":                       "Caller name: [name]",
		"Customer name: Ewa Nowak":                  "Customer name: [name]",
		"caller's name: Li Wei\nrequest: access":    "caller's name: [name]\nrequest: access",
		"Resident name: Tomasz Zielinski, MK6":      "Resident name: [name], MK6",
		"Ref 12. Tenant name: Aiko Tanaka, flat 2.": "Ref 12. Tenant name: [name], flat 2.",
	})
}

// A label of something that is no person, or a person's label with no name after it, stays.
func TestLabelsThatNameNoPersonAreKept(t *testing.T) {
	keeps(t, []string{
		"Controller name: Milton Keynes Council", "Caller name: not given", "Caller name: Data Protection Officer",
		"Service name: Adult Social Care", "what does the customer name field hold?",
	})
}

// "… speaking" and "… calling" after a name typed in lower case end it as a comma would: the
// way callers open ("this is john smith speaking" was kept, a QA pass).
func TestLowerCaseNamesBeforeSpeakingAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"this is john smith speaking":                      "this is [name] speaking",
		"hello this is ewa nowak calling about my records": "hello this is [name] calling about my records",
		"hi, it's dave brown calling, can i see my file":   "hi, it's [name] calling, can i see my file",
		"this is priya sharma speaking from olney":         "this is [name] speaking from olney",
	})
	keeps(t, []string{"this is fly tipping speaking frankly", "this is adult social care calling", "this is the council speaking"})
}
