package redact_test

import (
	"testing"

	"github.com/privacybot/privacybot/internal/redact"
)

// A full name typed in lower case after "mr" or "mrs" loses its surname too: "mrs susan clarke"
// came out "mrs [name] clarke" (a set of web-chat complaints about neighbours). A verb after a
// first name ("mrs susan said") is no surname.
func TestLowerCaseFullNamesAfterATitleAreRedacted(t *testing.T) {
	assertRedacts(t, []redaction{
		{"mrs, first name, surname", "the lady next door, mrs susan clarke, has been feeding rats", "the lady next door, mrs [name], has been feeding rats", redact.KindName},
		{"mr, end of text", "complaint about mr ali khan", "complaint about mr [name]", redact.KindName},
	})
	redactsTo(t, map[string]string{
		"mrs susan said no":            "mrs [name] said no",
		"mr john keeps parking there":  "mr [name] keeps parking there",
		"mrs mary who lives next door": "mrs [name] who lives next door",
		"mr smith parks on my drive":   "mr [name] parks on my drive",
	})
}
