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

// A date of birth read out as two ordinals and a year ("5th 6th 80"), typed with spaces ("dob 5 6
// 80"), with its month abbreviated between dashes ("5-jun-80") or its year in words after a
// month ("the 5th of june eighty") is one: a QA pass found each kept.
func TestDatesOfBirthAsTypedInAHurryAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"two ordinals and a year", "my dob is 5th 6th 80", "my dob is [date of birth]", redact.KindDateOfBirth},
		{"two ordinals, full year", "born 5th 6th 1980", "born [date of birth]", redact.KindDateOfBirth},
		{"ordinals in words", "date of birth fifth sixth eighty", "date of birth [date of birth]", redact.KindDateOfBirth},
		{"spaces", "dob: 5 6 80", "dob: [date of birth]", redact.KindDateOfBirth},
		{"spaces, full year", "my son's dob is 05 06 2015 can I see his file", "my son's dob is [date of birth] can I see his file", redact.KindDateOfBirth},
		{"month between dashes", "dob 5-jun-80", "dob [date of birth]", redact.KindDateOfBirth},
		{"short year in words", "born on the 5th of june eighty", "born on [date of birth]", redact.KindDateOfBirth},
		{"short year in words, month first", "I was born June the fifth eighty two", "I was born [date of birth]", redact.KindDateOfBirth},
	})
}

// A count said in words after a date of birth is no year of it.
func TestACountAfterASpokenDateOfBirthIsKept(t *testing.T) {
	redactsTo(t, map[string]string{
		"born on the fifth of June twenty minutes late": "born on [date of birth] twenty minutes late",
		"born June the first, forty weeks on":           "born [date of birth], forty weeks on",
	})
}

// Ordinals and spaced numbers near birth words that are no date stay: no year after two ordinals,
// counts, and days or months out of range.
func TestNumbersNearBirthWordsThatAreNoDateAreKept(t *testing.T) {
	keeps(t, []string{
		"my son was born 2nd, 3rd in line", "born 3 2 weeks early", "my dob is the 2nd 3rd time I ask",
		"born 40 13 80", "born in 2010, 5 6 of us", "dob changed 2 3 times", "born 1st 2nd",
		"Updated on 5 6 80 places", "5th 6th 80 is no date without birth words",
	})
}
