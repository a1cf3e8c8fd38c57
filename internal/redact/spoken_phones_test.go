package redact_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// A phone number typed as it is said, in words or words and digits, is a phone number.
func TestSpokenPhoneNumbersAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my number is oh seven seven double one two three four five six seven eight": "my number is [phone]",
		"ring me on 07700 nine double oh one two three":                              "ring me on [phone]",
		"my mobile is zero seven nine one two, three four five, six seven eight":     "my mobile is [phone]",
		"call plus four four seven seven double oh nine oh oh one two three please":  "call [phone] please",
		"Oh one nine oh eight, two five four, nine triple oh is the landline":        "[phone] is the landline",

		"oh seven seven double oh nine hundred one two three":   "[phone]",
		"ring oh one nine oh eight two five four nine thousand": "ring [phone]",
		"my number is 0 7 7 0 0 9 0 0 1 2 3 thanks":             "my number is [phone] thanks",
		"0-7-7-0-0-9-0-0-1-2-3":                                 "[phone]",
		"plus 4 4 7 7 0 0 9 0 0 1 2 3":                          "[phone]",
		"call me on 0 1 9 0 8 2 5 4 9 0 0 after 5":              "call me on [phone] after 5",
		// One or two number words among digits typed one by one (a QA pass found them kept in
		// transcripts).
		"my mobile is oh 7 7 double 1 2 3 4 5 6 7": "my mobile is [phone]",
		"call me on oh 1 9 0 8 2 5 4 9 0 0 thanks": "call me on [phone] thanks",
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

		// "hundred" after a digit, once, and digits typed one by one that make no whole number.
		"oh nine hundred hours", "my shifts are oh seven hundred, oh eight hundred, oh nine hundred",
		"zero one two three four five six seven eight nine hundred", "oh one two three four five six seven eight nine",
		"we had zero complaints and nine hundred replies", "oh seven seven double oh nine hundred",
		"3 4 5 times", "rate us 0 1 2 3 4 5 6 7 8 9 10", "0 1 2 3 4 5 6 7 8 9", "0 0 0 0 0 0 0 0 0 0 0",
		"answers 0 1 1 0 1 0 0 1 1 0 1", "0 7 7 0 0 9 0 0 1 2", "0 7 7 0 0 9 0 0 1 2 3 4",
		"scores 2 0 1 3 0 7 7 1 2 0 9 1", "DPO-2026-000123 on 12 05 2026 for £25",
	})
}

// A phone number typed as it is said is read in digits, for the team to dial (an older resident's
// "oh one nine oh eight, six double four, three two one" was filed as a postal address).
func TestSpokenPhoneNumberIsReadInDigits(t *testing.T) {
	for text, want := range map[string]string{
		"my phone is oh one nine oh eight, six double four, three two one": "01908644321",
		"07700 nine double oh one two three":                               "07700900123",
		"plus four four seven seven double oh nine oh oh one two three":    "+447700900123",
		"I live at 4 the crescent":                                         "",
		"zero one two three four five six seven eight nine":                "",
	} {
		if got := redact.SpokenPhoneNumber(text); got != want {
			t.Errorf("SpokenPhoneNumber(%q) = %q, want %q", text, got, want)
		}
	}
}

// Every phone number a text types as it is said is written in digits in its place, and the rest
// of the text is kept as it was, for the intake to read as though it had been typed so (a QA pass:
// a number said aloud beside an address lost the address, and a correction said aloud was none).
func TestSpokenPhonesInDigitsKeepsTheRest(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"oh seven seven double one two three four five six seven, or post to 14 Mill Road Olney MK46 4BB",
			"07711234567, or post to 14 Mill Road Olney MK46 4BB"},
		{"oh wait, the number is wrong, it's oh seven seven double one two three four five six seven",
			"oh wait, the number is wrong, it's 07711234567"},
		{"oh seven seven oh oh nine oh oh one two three or email jane@example.com", "07700900123 or email jane@example.com"},
		{"home oh one nine oh eight, six double four, three two one or mobile oh seven seven double one two three four five six seven",
			"home 01908644321 or mobile 07711234567"},
		{"oh one more thing, I have two or three questions", "oh one more thing, I have two or three questions"},
		{"07711 234567", "07711 234567"},
	} {
		assert.Equal(t, tc.want, redact.SpokenPhonesInDigits(tc.text), tc.text)
	}
}

// A reply that is nothing but a phone number said aloud is read in digits however it mixes digits
// and words ("oh 7 7 double 1 …" was refused at the contact step), whatever their count (the
// intake checks them as it checks a number typed in digits); a reply with anything else in it,
// or whose digits make no phone number, is none.
func TestSpokenPhoneAnswerIsReadInDigits(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"oh 7 7 double 1 2 3 4 5 6 7", "07711234567"},
		{"oh 7 7 double 1 2 3 4 5 6 7 8", "077112345678"}, // a digit too many, for the intake to say so
		{"zero seven seven one one, two three four, five six seven", "07711234567"},
		{"oh seven seven treble one two three four five six", "07711123456"},
		{"o seven seven one one two three four five six seven", "07711234567"},
		{"nought 1 9 0 8 double 6 4 3 2 1.", "01908664321"},
		{"Oh one nine oh eight, six double four, three two one", "01908644321"},

		{"oh 7 7 double 1 2 3 4 5", ""},             // nine digits
		{"oh 7 7 double 1 2 3 4 5 6 7 8 9 0 1", ""}, // longer than any phone number
		{"my number is oh 7 7 double 1 2 3 4 5 6 7", ""},
		{"oh 7 7 double 1 2 3 4 5 6 7 after six", ""},
		{"seven seven double 1 2 3 4 5 6 7 8", ""}, // no 0 to start it
		{"Otto Smith", ""}, {"one of my records", ""}, {"o", ""}, {"oh one two three four five six seven eight nine", ""},
		{"oh seven seven double oh nine hundred", ""}, {"0 1 1 0 1 0 0 1 1 0 1", ""},
	} {
		assert.Equal(t, tc.want, redact.SpokenPhoneAnswer(tc.text), tc.text)
	}
}

// A mobile number said without its leading 0 is still the resident's number: "call me on seven
// seven zero zero nine zero zero one two three" was kept (a QA pass). Only ten digits from 7 then
// 1–9 count, as a mobile's do with the 0 dropped.
func TestSpokenMobilesWithoutTheZeroAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"call me on seven seven zero zero nine zero zero one two three":       "call me on [phone]",
		"my mobile is seven nine one two, three four five, six seven eight":   "my mobile is [phone]",
		"ring seven seven double oh nine double oh one two three after six":   "ring [phone] after six",
		"Seven eight one two three four five six seven eight is my number ok": "[phone] is my number ok",
		"text 7 7 0 0 9 0 0 1 2 3 please":                                     "text [phone] please",
	})
	keeps(t, []string{
		"seven seven zero zero nine zero zero one two",            // nine digits
		"seven seven zero zero nine zero zero one two three four", // eleven
		"seven oh one two three four five six seven eight",        // 70: no mobile
		"seven days, seven weeks and two or three months",
		"seven eight nine ten eleven twelve", "rated 7 8 9 out of ten",
	})
}
