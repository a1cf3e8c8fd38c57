package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/redact"
)

// lineEndMessages are messages as residents type them into the web chat, which stores them
// without a final line break, while `privacybot redact` and pasted text usually end with one.
var lineEndMessages = []string{
	"im john smith born 14/03/1962",
	"im john smith born 14/03/1962, do you share my data with the NHS",
	"i'm ahmed khan",
	"john smith here, who is the dpo",
	"my names sarah okafor, do you use cookies",
	"my son is Gary Holt",
	"regards, jane doe",
	"Kind regards,\nJane Smith",
	"thanks - Jane Smith",
	"Andrei Popescu",
	"Jo Bloggs",
	"I need my records.\nKate Hill",
	"email me at sarah.okafor82@gmail",
	"card 4929 1234 5678 9012",
	"passport number 123456789",
	"driving licence OKAFO852128SJ9AB",
	"22 Windermere Dr",
	"7 the green, stony stratford",
	"7 the green",
	"The Old Rectory, Church Lane, Cublington",
	"I was born in April 1979",
	"my DOB is 12/03/1985",
	"It's Dave Smith",
	"hi it's dave",
	"I live at 12 High Street",
	"how long do you keep complaint records",
	"who is the data protection officer",
}

// What is redacted must not depend on whether the text ends with a line break: the web chat
// stores a message without one, and a transcript must keep no more than `privacybot redact`
// shows a DPO.
func TestRedactionDoesNotDependOnAFinalLineBreak(t *testing.T) {
	for _, s := range lineEndMessages {
		want := redact.Text(s)
		for _, end := range []string{"\n", "\r\n", " \n"} {
			got := strings.TrimSuffix(redact.Text(s+end), end)
			assert.Equal(t, want, got, "%q with %q after it", s, end)
		}
	}
}

// FuzzFinalLineBreak checks the same for any text.
func FuzzFinalLineBreak(f *testing.F) {
	for _, s := range lineEndMessages {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimRight(s, " \t\r\n")
		if got, want := strings.TrimSuffix(redact.Text(s+"\n"), "\n"), redact.Text(s); got != want {
			t.Fatalf("%q: %q without a line break, %q with one", s, want, got)
		}
	})
}
