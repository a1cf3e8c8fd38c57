package conversation_test

import (
	"testing"
	"time"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Questions about the chat itself are answered from what it does, as its own notice says, each
// with what was asked (a QA pass: "who can see this?" quoted a council notice, "does this chat use
// cookies?" got how long it keeps what is typed, "are you chatgpt" got "the notices don't answer
// that"). The facts depend on how the chat is set up: how long it keeps transcripts, and whether
// a language model writes the answers. A question about the council's own cookies or its use of
// computers to decide is still one for the notices.
func TestQuestionsAboutTheChatItself(t *testing.T) {
	tests := []struct {
		facts          conversation.ChatFacts
		says           string
		contains, lack []string
	}{
		{conversation.ChatFacts{TranscriptDays: 30}, "how long do you keep this conversation?", []string{"for 30 days"}, []string{"a limited time"}},
		{conversation.ChatFacts{TranscriptDays: 30}, "is this chat recorded?", []string{"for 30 days"}, nil},
		{conversation.ChatFacts{}, "who can see this conversation?", []string{"data protection team", "Nothing else is shared"}, []string{"language model"}},
		{conversation.ChatFacts{ModelService: "api.example.net", ModelWrites: true}, "will the council see what I asked here?", []string{"data protection team", "api.example.net", "writes the answers"}, []string{"Nothing else is shared"}},
		{conversation.ChatFacts{ModelService: "api.example.net"}, "who can read my conversation?", []string{"api.example.net", "helps find the passages"}, []string{"Nothing else is shared"}},
		{conversation.ChatFacts{}, "is my conversation private?", []string{"personal details taken out"}, nil},
		{conversation.ChatFacts{}, "does this chat use cookies?", []string{"doesn't use cookies", "IP"}, []string{"for 30 days"}},
		{conversation.ChatFacts{}, "are you chatgpt", []string{"automated chat, not a person"}, []string{"language model"}},
		{conversation.ChatFacts{ModelService: "api.example.net", ModelWrites: true}, "are you a robot?", []string{"automated chat", "api.example.net", "writes my answers", "personal details"}, nil},
		{conversation.ChatFacts{ModelService: "llm.council.internal", ModelWrites: true, ModelSelfHosted: true}, "is this AI?", []string{"the council runs itself"}, []string{"taken out"}},
		// A QA pass: these abstained, quoted a notice or started an erasure request.
		{conversation.ChatFacts{}, "is chatgpt used for this?", []string{"automated chat"}, nil},
		{conversation.ChatFacts{}, "Are my messages here shared with anyone?", []string{"Nothing else is shared"}, []string{"2018"}},
		{conversation.ChatFacts{TranscriptDays: 30}, "can you delete this chat?", []string{"can't delete it in the chat", "after 30 days"}, []string{"What is your full name"}},
		{conversation.ChatFacts{TranscriptDays: 30}, "can you delete what I typed here?", []string{"after 30 days"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.says, func(t *testing.T) {
			bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
			bot.Chat = tt.facts
			script(t, bot, "", []line{{says: tt.says, kind: conversation.KindHelp,
				contains: append(tt.contains, "How this chat uses your information"), lacks: append(tt.lack, "don't answer that")}})
		})
	}
	for _, says := range []string{"do you use cookies on your website?", "do you use computers to make decisions about me?",
		// About a record, not the chat (a review).
		"My son has an EHCP. Who can access it?", "What happens to my data if I stop using the service?",
		"do you delete my messages to the housing officer?",
		// The council's use of AI on people's data, not the chat (a QA pass got the chat's notice).
		"do you use AI on my data", "do you use AI to make decisions about my benefits",
		"Is my conversation with the housing officer recorded?", "Does the council keep a record of what I say at the housing office?"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{{says: says, lacks: []string{"How this chat uses your information"}}})
	}
	// A request with a question about who sees it is a request first (a review: the chat's own
	// answer took its place, and the request was lost).
	for _, says := range []string{"I want a copy of my social care file, who can see it?", "please delete my data, who else can access it"} {
		bot, _ := newBot(t, time.Date(2026, 9, 3, 9, 0, 0, 0, time.UTC))
		script(t, bot, "", []line{{says: says, kind: conversation.KindIntake}})
	}
}
