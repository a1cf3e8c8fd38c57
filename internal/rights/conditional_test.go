package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A question about what follows from exercising a right, asked as a conditional ("if I withdraw
// my consent will you still provide the service"), is information: the supposition is no wish,
// and the clause after it asks. A QA pass found the first three started requests. An order given
// on a condition ("if you still have my old address please delete it") is still a request.
func TestAConsequenceAskedAsAConditionalIsAQuestion(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Type
	}{
		{"if I withdraw my consent will you still provide the service", WithdrawConsent},
		{"if I object to you using my NHS number will I still get care", Objection},
		{"if I stop using employment support will you delete my information straight away", Erasure},
		{"ok so if i withdraw my consent will you stop the service", WithdrawConsent},
		{"If I withdraw consent, can you still use the data you already have", WithdrawConsent},
		{"if i withdraw my consent would that affect my child's place at nursery", WithdrawConsent},
		{"if I unsubscribe from the newsletter will you still send me bin reminders", WithdrawConsent},
		{"if I object to marketing will it affect my account", Objection},
		{"if i object to the processing of my data would i still be able to get help", Objection},
		{"if I ask you to delete my housing file will I lose my place on the list", Erasure},
		{"if I want my records deleted will my benefit claim stop", Erasure},
		{"If I delete my account will you keep any of my data", Erasure},
		{"if i restrict how you use my data will my care package be affected", Restriction},
		{"if I request a copy of my file will the social worker find out", Access},
		{"if I object, who do I tell", Objection},
		{"would I still get care if I object to you using my NHS number", Objection},
	} {
		got := Classify(tt.text)
		assert.False(t, got.Actionable, "%q: a question, not a request", tt.text)
		assert.Equal(t, tt.want, got.Type, "%q: still about the right, for the answer and the offer", tt.text)
	}
}

// An order given on a condition, or a wish said after one, is a request: the condition is only
// when it applies.
func TestAnOrderGivenOnAConditionIsARequest(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Type
	}{
		{"if you still have my old address please delete it", Erasure},
		{"if you hold anything on me I want a copy", Access},
		{"if you have any CCTV footage of me please send me a copy", Access},
		{"if my details are on your database please remove them", Erasure},
		{"if you hold my NHS number I object to it being shared", Objection},
		{"if I ever signed up to your mailing list I withdraw my consent", WithdrawConsent},
		{"if you are still sending me newsletters i withdraw my consent", WithdrawConsent},
		{"if the council has my old address I want it removed", Erasure},
		{"if you have my data can you delete it", Erasure},
		{"if you have my details will you please remove them", Erasure},
		{"if there is anything on file about me I would like a copy", Access},
		{"if my address is wrong on your system please correct it", Rectification},
		{"I want to withdraw my consent", WithdrawConsent},
	} {
		got := Classify(tt.text)
		assert.True(t, got.Actionable, "%q: a request", tt.text)
		assert.Equal(t, tt.want, got.Type, tt.text)
	}
}
