package redact_test

import "testing"

// A phone number typed as it is said, in words or words and digits, is a phone number.
func TestSpokenPhoneNumbersAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my number is oh seven seven double one two three four five six seven eight": "my number is [phone]",
		"ring me on 07700 nine double oh one two three":                              "ring me on [phone]",
		"my mobile is zero seven nine one two, three four five, six seven eight":     "my mobile is [phone]",
		"call plus four four seven seven double oh nine oh oh one two three please":  "call [phone] please",
		"Oh one nine oh eight, two five four, nine triple oh is the landline":        "[phone] is the landline",
	})
}

// Number words in prose, counts and references are not a phone number.
func TestNumberWordsThatAreNoPhoneAreKept(t *testing.T) {
	keeps(t, []string{
		"oh one more thing, I have two or three questions about four things",
		"the reference is one two three four five six seven eight nine ten",
		"zero hours contracts, one or two of them",
		"oh seven, that's my floor number",
		"zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
	})
}
