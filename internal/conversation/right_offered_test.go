package conversation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// A channel's own request form starts from the right a reply takes or offers: the request being
// taken, or the right asked for or about when the classifier is as sure of it as an offer needs;
// never a guess ("my ex found my new address on facebook" read as a correction at 0.25).
func TestRightOffered(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reply conversation.Reply
		want  string
	}{
		{"a request being taken", conversation.Reply{Kind: conversation.KindIntake, Intake: &conversation.IntakeState{Type: "erasure"},
			Answer: answer.Answer{Request: &answer.Request{Type: "access", Confidence: 0.9}}}, "erasure"},
		{"a right asked about", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Request: &answer.Request{Type: "erasure", Confidence: 0.7}}}, "erasure"},
		{"a right asked for", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Request: &answer.Request{Type: "access", Actionable: true, Confidence: 0.4}}}, "access"},
		{"a guess", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Request: &answer.Request{Type: "rectification", Confidence: 0.25}}}, ""},
		{"no right", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Request: &answer.Request{Type: "none", Confidence: 0.9}}}, ""},
		{"nothing classified", conversation.Reply{Kind: conversation.KindAnswer}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.reply.RightOffered())
		})
	}
}
