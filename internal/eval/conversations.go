package eval

// Conversations: the bot measured as people use it, a follow-up at a time. A question set asks
// each question on its own; in a chat, "and for service requests?" and "who sees them?" mean
// something only after the question before, and the bot must carry it over.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/privacybot/privacybot/internal/conversation"
)

// Conversation is one line of a conversation set (JSONL): what one person says, in order, in one
// session, each turn labelled with what it means there.
type Conversation struct {
	ID    string `json:"id"`
	Turns []Turn `json:"turns"`
}

// Turn is one message of a conversation and the answer it should get, labelled like a Question:
// the notices that answer it and strings the answer quotes, or unanswerable.
type Turn struct {
	Say            string   `json:"say"`
	Notices        []string `json:"notices"`
	AnswerContains []string `json:"answer_contains"`
	Unanswerable   bool     `json:"unanswerable"`
}

// LoadConversations reads a JSONL conversation set, naming the line of any error.
func LoadConversations(r io.Reader) ([]Conversation, error) {
	return loadLines(r, "conversations", func(c *Conversation) (*string, error) {
		if len(c.Turns) == 0 {
			return nil, errors.New("no turns")
		}
		for i, t := range c.Turns {
			if strings.TrimSpace(t.Say) == "" {
				return nil, fmt.Errorf("turn %d says nothing", i+1)
			}
			if !t.Unanswerable && (len(t.Notices) == 0 || len(t.AnswerContains) == 0) {
				return nil, fmt.Errorf("turn %d has neither notices and answer_contains nor unanswerable", i+1)
			}
		}
		return &c.ID, nil
	})
}

// Replier answers a message in its session; *conversation.Bot is one.
type Replier interface {
	Reply(ctx context.Context, t conversation.Turn) (conversation.Reply, error)
}

// ConversationReport is the result of a conversation set; its JSON keys are those of
// `eval --conversations --json`.
type ConversationReport struct {
	Conversations int `json:"conversations"`
	Turns         int `json:"turns"`
	// FollowUps are the turns after a conversation's first: the ones that lean on it.
	FollowUps int `json:"follow_ups"`
	// Right is how many turns were decided right (answered right, or abstained on when the
	// notices don't answer them); FollowUpsRight how many of the follow-ups.
	Right            int                `json:"right"`
	FollowUpsRight   int                `json:"follow_ups_right"`
	AnswerAccuracy   float64            `json:"answer_accuracy"`
	FollowUpAccuracy float64            `json:"follow_up_accuracy"` // of the answerable follow-ups
	AbstainPrecision float64            `json:"abstain_precision"`
	AbstainRecall    float64            `json:"abstain_recall"`
	Misses           []ConversationMiss `json:"misses"`
}

// ConversationMiss is a turn the bot got wrong, with what was said before it.
type ConversationMiss struct {
	ID     string   `json:"id"`
	Turn   int      `json:"turn"` // from 1
	Before []string `json:"before,omitempty"`
	Say    string   `json:"say"`
	// Kind is "answer", "false_abstention", "missed_abstention", or "not_an_answer" when the
	// message got a reply of another kind (a request's intake, small talk) instead.
	Kind     string   `json:"kind"`
	Expected []string `json:"expected,omitempty"`
	Got      string   `json:"got,omitempty"`
}

// RunConversations says each conversation's turns in one session of the bot's, in order, and
// measures each answer as Run measures a question's. A bot without a queue takes no request: a
// message it would have taken one for is a miss, not an error.
func RunConversations(ctx context.Context, cs []Conversation, bot Replier) (ConversationReport, error) {
	rep := ConversationReport{Misses: []ConversationMiss{}}
	// Of the turns the notices answer (and of those that are follow-ups), how many were
	// answered right; of the turns they don't answer, how many were abstained on; of the
	// abstentions, how many were right.
	var answerable, followUps, unanswerable, abstentions tally
	for _, c := range cs {
		rep.Conversations++
		session := ""
		var said []string
		for i, t := range c.Turns {
			reply, err := bot.Reply(ctx, conversation.Turn{Session: session, Channel: "eval", Text: t.Say})
			switch {
			case errors.Is(err, conversation.ErrNoQueue):
				reply = conversation.Reply{Session: session, Kind: conversation.KindIntake}
			case err != nil:
				return rep, fmt.Errorf("conversation %s, turn %d: %w", c.ID, i+1, err)
			}
			session = reply.Session
			followUp := i > 0
			abstained := reply.Kind == conversation.KindAnswer && reply.Abstained
			var right bool
			if t.Unanswerable {
				right = abstained
				unanswerable.add(right)
			} else {
				right = reply.Kind == conversation.KindAnswer &&
					answeredRight(reply.Answer, Question{Notices: t.Notices, AnswerContains: t.AnswerContains})
				answerable.add(right)
				if followUp {
					followUps.add(right)
				}
			}
			if abstained {
				abstentions.add(t.Unanswerable)
			}
			rep.Turns++
			if right {
				rep.Right++
			}
			if followUp {
				rep.FollowUps++
				if right {
					rep.FollowUpsRight++
				}
			}
			if !right {
				rep.Misses = append(rep.Misses, conversationMiss(c.ID, i, said, t, reply))
			}
			said = append(said[:len(said):len(said)], t.Say)
		}
	}
	rep.AnswerAccuracy, rep.FollowUpAccuracy = answerable.share(), followUps.share()
	rep.AbstainPrecision, rep.AbstainRecall = abstentions.share(), unanswerable.share()
	sort.SliceStable(rep.Misses, func(i, j int) bool { return rep.Misses[i].Kind < rep.Misses[j].Kind })
	return rep, nil
}

// tally counts outcomes and how many of them were right.
type tally struct{ n, right int }

func (t *tally) add(right bool) {
	t.n++
	if right {
		t.right++
	}
}

// share is the share right, and 1 when there was nothing to get wrong (as ratio says).
func (t tally) share() float64 { return ratio(float64(t.right), float64(t.n)) }

// conversationMiss says how the reply to turn i (from 0) of a conversation was wrong.
func conversationMiss(id string, i int, before []string, t Turn, reply conversation.Reply) ConversationMiss {
	m := ConversationMiss{ID: id, Turn: i + 1, Before: before, Say: t.Say, Expected: t.AnswerContains}
	switch {
	case reply.Kind != conversation.KindAnswer:
		m.Kind, m.Got = "not_an_answer", "a reply of kind "+reply.Kind
	case t.Unanswerable:
		m.Kind, m.Got = "missed_abstention", firstLine(reply.Answer.Answer)
	case reply.Abstained:
		m.Kind = "false_abstention"
	default:
		m.Kind, m.Got = "answer", firstLine(reply.Answer.Answer)
	}
	return m
}

// PrintConversations writes a conversation report for people.
func PrintConversations(w io.Writer, rep ConversationReport) {
	fmt.Fprintf(w, "conversations      %d (%d turns, %d of them follow-ups)\n", rep.Conversations, rep.Turns, rep.FollowUps)
	fmt.Fprintf(w, "answer accuracy    %.3f\nfollow-up accuracy %.3f\nabstain precision  %.3f\nabstain recall     %.3f\n",
		rep.AnswerAccuracy, rep.FollowUpAccuracy, rep.AbstainPrecision, rep.AbstainRecall)
	fmt.Fprintf(w, "decided right      %d of %d turns (%d of %d follow-ups)\n", rep.Right, rep.Turns, rep.FollowUpsRight, rep.FollowUps)
	if len(rep.Misses) == 0 {
		return
	}
	fmt.Fprintf(w, "\nmisses (%d):\n", len(rep.Misses))
	for _, m := range rep.Misses {
		fmt.Fprintf(w, "  %-18s %s turn %d: %s\n", m.Kind, m.ID, m.Turn, m.Say)
		if len(m.Before) > 0 {
			fmt.Fprintf(w, "  %-18s   after %q\n", "", m.Before)
		}
		if len(m.Expected) > 0 {
			fmt.Fprintf(w, "  %-18s   expected %q\n", "", m.Expected)
		}
		if m.Got != "" {
			fmt.Fprintf(w, "  %-18s   got %s\n", "", m.Got)
		}
	}
}
