package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A month and year given as the writer's (or someone close's) date of birth is one: with the day
// left out it still narrows who they are to a few hundred people in a council's area.
func TestMonthAndYearOfBirthAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"born in", "I was born in April 1979", "I was born in [date of birth]", redact.KindDateOfBirth},
		{"born in, then a question", "I was born in April 1979, do you keep it?", "I was born in [date of birth], do you keep it?", redact.KindDateOfBirth},
		{"someone close, abbreviated month", "my son was born in Sept 2015 and goes to school", "my son was born in [date of birth] and goes to school", redact.KindDateOfBirth},
		{"date of birth is", "my date of birth is April 1979", "my date of birth is [date of birth]", redact.KindDateOfBirth},
		{"DOB label, numeric", "DOB: 04/1979", "DOB: [date of birth]", redact.KindDateOfBirth},
		{"after a name, lower case", "jane doe, born april 1979", "jane doe, born [date of birth]", redact.KindDateOfBirth},
		{"opening the message", "Born March 1990, want my records", "Born [date of birth], want my records", redact.KindDateOfBirth},
		{"short year", "i was born in april of '79", "i was born in [date of birth]", redact.KindDateOfBirth},
		{"a place between", "I was born in Bletchley in April 1979", "I was born in Bletchley in [date of birth]", redact.KindDateOfBirth},
	})
}

// A month and year that is no one's birth, or not the writer's, stays: a notice's admissions
// rules, the date something changed, a year alone.
func TestMonthsAndYearsNearBirthWordsAreKept(t *testing.T) {
	keeps(t, []string{
		"born in 1985", "I was born in Bletchley in 1979",
		"if your child was born in September 2020 they start school in 2024",
		"children born between September 2019 and August 2020",
		"Date of birth, address and phone number are kept from April 2018",
		"my date of birth changed in May 2018 records", "my dob is wrong since April 2018",
		"how long do you keep complaint records from April 2019",
	})
}

// A date of birth given in words, its day an ordinal and its year said too, is one: "born on the
// fifth of June 1980" and "date of birth: fifth June nineteen eighty" were kept (a QA pass).
func TestDatesOfBirthInWordsAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"ordinal of month", "born on the fifth of June 1980", "born on [date of birth]", redact.KindDateOfBirth},
		{"year in words", "date of birth: fifth June nineteen eighty", "date of birth: [date of birth]", redact.KindDateOfBirth},
		{"hyphenated ordinal and year", "my DOB is the twenty-third of March nineteen seventy-six, is that kept?", "my DOB is [date of birth], is that kept?", redact.KindDateOfBirth},
		{"month first, two thousand and", "I was born on June the first two thousand and three", "I was born on [date of birth]", redact.KindDateOfBirth},
		{"digits and a year in words", "my son's date of birth is 5th June nineteen eighty", "my son's date of birth is [date of birth]", redact.KindDateOfBirth},
		{"no year", "her birthday is the thirty first of december", "her birthday is [date of birth]", redact.KindDateOfBirth},
	})
}

// Dates in words with no birth words in the sentence, and ordinals that are no day, stay.
func TestDatesInWordsThatAreNoBirthAreKept(t *testing.T) {
	keeps(t, []string{
		"the first of June 1980 is when the notice began",
		"your date of birth is kept for the first six years",
		"date of birth is asked for the second time",
		"Updated on the fifth of June 2018.",
		"born on the fifth floor? no, I was born at home",
	})
}

// A date of birth read out with its month as an ordinal ("the 5th of the 6th 80", as for
// 5/6/80) is one: a QA pass found it kept.
func TestDatesOfBirthWithAnOrdinalMonthAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"digits, short year", "my dob is the 5th of the 6th 80", "my dob is [date of birth]", redact.KindDateOfBirth},
		{"words, year in words", "I was born on the fifth of the sixth nineteen eighty", "I was born on [date of birth]", redact.KindDateOfBirth},
		{"label, full year, then more", "date of birth: 12th of the 3rd 1985, can I see my file", "date of birth: [date of birth], can I see my file", redact.KindDateOfBirth},
		{"short spoken year", "her birthday is the 1st of the 11th eighty two", "her birthday is [date of birth]", redact.KindDateOfBirth},
	})
}

// Ordinals of ordinals with no birth words, or with a word after that shows the second is no
// month, stay.
func TestOrdinalsThatAreNoMonthAreKept(t *testing.T) {
	keeps(t, []string{
		"the 5th of the 6th form", "my son was born in 2010 and is the 2nd of the 6th form students",
		"the 3rd of the 4th floor flats", "the second of the third year reports",
	})
}
