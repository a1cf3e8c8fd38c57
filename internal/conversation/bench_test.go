package conversation_test

import (
	"context"
	"testing"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/redact"
)

// BenchmarkReply measures one chat turn in a new conversation on the web, answered from the
// bundled notices and redacted by the production redactor: a question, a question asked without a
// question mark or a question word (which is read for the writer's details alone first), and a
// question with a request beside it (answered, and the request offered). It reports how many
// times a turn runs the redactor, which the time on a shared machine hides.
func BenchmarkReply(b *testing.B) {
	for _, bm := range []struct{ name, text string }{
		{"question", "How long do you keep complaint records?"},
		{"no question mark", "complaint records retention period please"},
		{"question and request", "Do you share my data with the police? Please delete it."},
	} {
		b.Run(bm.name, func(b *testing.B) {
			bot, _ := newBot(b, qaNow)
			redactions := 0
			bot.Redact = func(s string) string {
				redactions++
				return redact.Text(s)
			}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bot.Reply(ctx, conversation.Turn{Channel: "web", Org: "Milton Keynes", Text: bm.text}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(redactions)/float64(b.N), "redactions/op")
		})
	}
}
