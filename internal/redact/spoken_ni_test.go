package redact_test

import "testing"

// A National Insurance number said aloud after the words that name it, its letters spaced and its
// digits in words ("q q one two three four five six c"), is one (a QA pass found it kept).
func TestSpokenNINumbersAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my national insurance number is q q one two three four five six c": "my national insurance number is [NI number]",
		"my ni no is a b one two double three four five d thanks":           "my ni no is [NI number] thanks",
		"National Insurance: J K 1 2 3 4 5 6 A, DOB to follow":              "National Insurance: [NI number], DOB to follow",
		"NI number is QQ one two three four five six and I moved":           "NI number is [NI number] and I moved",
		"my NINO is j-k zero one, two three, four five c":                   "my NINO is [NI number]",
	})
}

// The words without a number after them, or with too few or too many digits, stay.
func TestNINumberWordsWithoutANumberAreKept(t *testing.T) {
	keeps(t, []string{
		"my national insurance number is on my payslip",
		"national insurance number is a 9 character code",
		"is my NI number is needed for one or two forms?",
		"national insurance is a b c of tax",
		"NI number is q q one two three four five six seven eight nine ten",
	})
}
