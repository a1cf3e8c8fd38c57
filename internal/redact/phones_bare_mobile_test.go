package redact_test

import "testing"

// A mobile number typed in digits without its leading 0, after words that say a phone number
// follows, is the resident's number: "my mobile is 7700 900123, do you share it with the
// police?" and "ring me on 7700 900123" were stored unredacted (a QA pass). Only ten digits
// from 7 then 1–9 count, as a mobile's do with the 0 dropped.
func TestMobilesTypedWithoutTheZeroAfterPhoneWordsAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my mobile is 7700 900123, do you share it with the police?": "my mobile is [phone], do you share it with the police?",
		"ring me on 7700 900123":                                     "ring me on [phone]",
		"my number is 7911-123-456 thanks":                           "my number is [phone] thanks",
		"call me on 7700900123 after six":                            "call me on [phone] after six",
		"text me at 77009 00123.":                                    "text me at [phone].",
		"Phone: 7700 900 123":                                        "Phone: [phone]",
	})
}

// Without phone words, or with a count, a day or a broken phone after them, nothing is a mobile.
// ("my reference number is 7700 900123" is an account number, and stays one.)
func TestNumbersThatAreNoMobileAfterPhoneWordsAreKept(t *testing.T) {
	keeps(t, []string{
		"ring me on monday", "my mobile is broken", "7700 people signed", "7700 900123",
		"ring me on 7700 9001", "my number is 7700 900123 4", "call me on 7000 900123",
		"my mobile is 7700 years old", "call me at 7 on monday",
	})
}
