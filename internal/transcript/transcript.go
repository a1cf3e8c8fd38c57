// Package transcript defines one line of a stored conversation, the record that the web channel
// hands to the SQLite and PostgreSQL stores in batches, and reads the questions residents asked
// back out of them. It exists so those adapters can share the type without importing each other
// or the web channel; it imports nothing of the project and must stay that way.
package transcript

import "time"

// Entry is one line of a conversation as it is stored. Text is already redacted: stores keep
// what they are given.
type Entry struct {
	Session string
	Channel string // "web", "slack", …
	Org     string // the organisation the conversation was scoped to, or ""
	Role    string // "resident" or "bot"
	Text    string
	At      time.Time
	// Outcome is, on the bot's line, what it did: "answered", "unsure" (answered, hedged, with
	// the data protection contact), "abstained", or the reply's kind ("intake", "safeguarding",
	// …). Empty on a resident's line, and on lines stored before outcomes were.
	Outcome string
}

// Outcomes of an answer, as a bot's line keeps them; other replies keep their kind ("intake",
// "safeguarding", …).
const (
	OutcomeAnswered  = "answered"
	OutcomeUnsure    = "unsure" // answered, hedged, with the data protection contact
	OutcomeAbstained = "abstained"
)

// What a line holds in place of a resident's answer to a request's question (a name, a
// contact, the details), and of the bot's next question: the request's details are kept with
// the case, not in transcripts.
const (
	StepAnswer   = "[an answer to a request's question]"
	StepQuestion = "[the request's next question]"
	// RequestSent holds the place of the reply that sent a request: it gives the reference, which
	// would tie the transcript to the case.
	RequestSent = "[the request was sent; its reference is kept with the case]"
	// RequestStart holds the place of the message that started a request: it is the request's
	// own details ("I look after my mother who has dementia…"), kept with the case.
	RequestStart = "[a message starting a request]"
	// Urgent holds the place of a message answered with the safeguarding reply: a disclosure of
	// harm is not the DPO's list of questions the notices don't answer, and is kept by no one here.
	Urgent = "[an urgent message, answered with the safeguarding reply]"
	// StatusCheck holds the place of a message checking on a request (its status, withdrawing
	// it, adding to it), and StatusReply of the bot's reply: a request's reference ties the
	// transcript to the named case, and such a message is no question for the notices.
	StatusCheck = "[a message about a request made]"
	StatusReply = "[the reply about that request]"
)

// Roles of a line.
const (
	RoleResident = "resident"
	RoleBot      = "bot"
)

// Question is something a resident said, with what the bot did with it.
type Question struct {
	Session string    `json:"session"`
	Channel string    `json:"channel"`
	Org     string    `json:"org,omitempty"`
	At      time.Time `json:"at"`
	Text    string    `json:"question"`
	Outcome string    `json:"outcome"` // the bot's line's Outcome; "" when it has none
	Answer  string    `json:"answer"`  // the bot's reply, redacted as stored
}

// Questions pairs each resident's line with the bot's reply to it (the next bot line of the same
// session), in the order the entries come (the stores give them in the order they were said).
func Questions(entries []Entry) []Question {
	var out []Question
	open := map[string]int{} // session → index in out of its question awaiting a reply
	for _, e := range entries {
		switch e.Role {
		case RoleResident:
			open[e.Session] = len(out)
			out = append(out, Question{Session: e.Session, Channel: e.Channel, Org: e.Org, At: e.At, Text: e.Text})
		case RoleBot:
			if i, ok := open[e.Session]; ok {
				out[i].Outcome, out[i].Answer = e.Outcome, e.Text
				delete(open, e.Session)
			}
		}
	}
	return out
}

// Unanswered reports whether the bot couldn't answer the question from the notices, or answered
// it unsure: what the notices could say and don't.
func (q Question) Unanswered() bool {
	return q.Outcome == OutcomeAbstained || q.Outcome == OutcomeUnsure
}

// UnansweredQuestions are the questions of entries the bot couldn't answer, or answered unsure.
func UnansweredQuestions(entries []Entry) []Question {
	var out []Question
	for _, q := range Questions(entries) {
		if q.Unanswered() {
			out = append(out, q)
		}
	}
	return out
}
