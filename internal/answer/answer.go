// Package answer turns a question into a cited answer: it asks a Retriever for passages, picks
// the sentences that answer, and composes a short reply that quotes them with numbered citations,
// or abstains and names the data protection contact.
//
// The JSON of Answer is a public contract (ask --json, the web API, the chat channels): keys are
// added, never renamed. This package must not import Bleve, a database or a chat platform.
package answer

import (
	"context"

	"github.com/privacybot/privacybot/internal/notice"
)

// Question is what a person asked, with an optional scope.
type Question struct {
	Text         string
	Organisation string // restrict to this organisation (any of its names); empty for all
	NoticeID     string // restrict to this notice; empty for all
	K            int    // passages to retrieve; 0 means the default
	// Context is what the conversation so far was about ("complaint records" before "who sees
	// them?"): searched with the question, to find the passages about it, but never required of
	// the sentence that answers.
	Context string
	// AsTyped is the question and its context as the person wrote them, before the composer put
	// them in the notices' words: what an embedding model is sent (redacted there). Rewritten,
	// personal data escapes redaction ("MK2 3AB" with its acronyms expanded is "MK2 3accepted
	// business"). Empty when Text is that already.
	AsTyped string
}

// defaultK is how many passages a question that doesn't say reads.
const defaultK = 5

// k is how many passages the question asks for: K, or defaultK when it doesn't say.
func (q Question) k() int {
	if q.K <= 0 {
		return defaultK
	}
	return q.K
}

// Answer is the bot's reply to a question. Its JSON is the contract of `ask --json`.
type Answer struct {
	Question     string     `json:"question"`
	Answer       string     `json:"answer"`
	Abstained    bool       `json:"abstained"`
	Citations    []Citation `json:"citations"`
	Request      *Request   `json:"request,omitempty"`
	Safeguarding bool       `json:"safeguarding"`
	// Mode says how the answer text was made: "extractive" (quoted from the notices) or
	// "generated" (written by a language model and checked against the passages).
	Mode           string `json:"mode"`
	FallbackReason string `json:"fallback_reason,omitempty"`
	// Stale lists the cited notices last updated more than three years ago.
	Stale []StaleNotice `json:"stale,omitempty"`
	// Hedged says the bot is unsure its best sentence answers: the answer says so, quotes the
	// closest the notices come, and gives the data protection contact (Contact, and a citation).
	Hedged bool `json:"hedged"`
	// Contact is the data protection contact given when the bot abstains or hedges.
	Contact *Contact `json:"contact,omitempty"`
	// NotAnsweredBy are the organisations a question named side by side whose notices gave no
	// quote: the answer says so, with their contacts ("How long do Bucks and MK keep complaints?"
	// quoted Milton Keynes alone). A model rewording the answer would lose that.
	NotAnsweredBy []string `json:"not_answered_by,omitempty"`
	// Contacts are the data protection contacts of every organisation an abstention or a hedged
	// answer names, Contact first: a hedged answer quoting two councils says to contact each.
	Contacts []Contact `json:"contacts,omitempty"`
	// ReadAs is the question as the bot read it when it was asked again with its everyday words
	// as meant ("how long do you keep complaint records" for "how lng do u kepp complant
	// records"): the answer says so too. Empty when read as typed.
	ReadAs string `json:"read_as,omitempty"`
	// Best is the number (N) of the citation whose passage holds the sentence that answers best,
	// which need not be shown first (an out-of-date notice is quoted last); 0 when unknown. What
	// a follow-up is about.
	Best int `json:"-"`
}

// Citation is one quoted passage behind an answer; N is the number shown as [N].
type Citation struct {
	N            int     `json:"n"`
	Notice       string  `json:"notice"`
	Title        string  `json:"title"`
	Organisation string  `json:"organisation"`
	Section      string  `json:"section"`
	Excerpt      string  `json:"excerpt"`
	Source       string  `json:"source"`
	Updated      string  `json:"updated"`
	Score        float64 `json:"score"`
	// Passage is the whole passage the excerpt was taken from (for /sources and the widget).
	Passage string `json:"passage,omitempty"`
}

// Request is what the rights classifier made of the message.
type Request struct {
	Type       string  `json:"type"` // a right's name, or "none" for an information question
	Actionable bool    `json:"actionable"`
	Confidence float64 `json:"confidence"`
}

// StaleNotice flags a cited notice whose last update is old.
type StaleNotice struct {
	Notice  string `json:"notice"`
	Title   string `json:"title"`
	Updated string `json:"updated"`
	Note    string `json:"note"` // "last updated 17 May 2018"
}

// Contact is an organisation's data protection contact, quoted from its notices.
type Contact struct {
	Organisation string `json:"organisation"`
	Text         string `json:"text"`
	Notice       string `json:"notice"`
	Title        string `json:"title"`
}

// Hit is a retrieved passage with its relevance score.
type Hit struct {
	Passage notice.Passage
	Score   float64
}

// Retriever finds the passages most relevant to a question, best first.
type Retriever interface {
	Retrieve(ctx context.Context, q Question) ([]Hit, error)
}

// Answerer answers a question. The extractive Composer is one; the language-model answerer
// wraps it and falls back to it.
type Answerer interface {
	Answer(ctx context.Context, q Question) (Answer, error)
}
