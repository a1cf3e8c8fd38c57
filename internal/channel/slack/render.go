package slack

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// Slack's limits on a message.
const (
	maxSectionText  = 3000 // characters in a section's text
	maxContextText  = 2000 // characters we allow in one context element (Slack: 3000)
	maxBlocks       = 50   // blocks in one message
	maxExcerpt      = 600  // characters of a citation's excerpt shown
	maxFallbackText = 300  // the notification text sent with the blocks
)

// Action ids of the buttons the channel renders and handles.
const (
	actionHelpful    = "feedback_helpful"
	actionNotHelpful = "feedback_not_helpful"
	actionRaise      = "raise_request"
	actionTake       = "dpo_take"
	actionInProgress = "dpo_in_progress"
)

// escape makes text safe inside mrkdwn: Slack reads &, < and > as markup.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// link renders a link when u is an http(s) URL, or just the escaped label otherwise, so a notice
// with a odd source cannot inject markup.
func link(u, label string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return escape(label)
	}
	safe := strings.NewReplacer("|", "%7C", ">", "%3E", "<", "%3C", " ", "%20").Replace(p.String())
	return "<" + safe + "|" + escape(label) + ">"
}

func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, false)
}

func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, true, false)
}

// raiseValue is what the "Raise a request" button carries to the modal: where to reply, and the
// right the reply offered (Type, empty on buttons from before it was carried), which the form
// opens with chosen.
type raiseValue struct {
	Channel string `json:"c"`
	Thread  string `json:"t,omitempty"`
	Session string `json:"s,omitempty"`
	Type    string `json:"k,omitempty"`
}

// replyTarget is where a reply goes.
type replyTarget struct {
	Channel string
	Thread  string // the thread's ts; empty posts at the top level (a DM)
	Session string
	Private bool // a direct message with the bot, which only the person sees
}

// renderReply turns the bot's reply into Block Kit messages, each within Slack's limits: the
// answer (split into sections of at most 3,000 characters), the stale-notice flags, one context
// block per citation, the data protection contact when the bot abstained or is unsure, and the
// buttons.
func renderReply(r conversation.Reply, to replyTarget, canRaise bool) [][]slackgo.Block {
	var blocks []slackgo.Block
	text := r.Answer.Answer
	if r.Kind == conversation.KindSubmitted && r.Reference != "" {
		// A reference has no &, < or >, so the emphasis survives escaping.
		text = strings.Replace(text, r.Reference, "*"+r.Reference+"*", 1)
	}
	blocks = append(blocks, sections(escape(text))...)
	for _, s := range r.Stale {
		note := fmt.Sprintf(":warning: *%s* was %s, so it may be out of date: check the council's current notice.",
			escape(s.Title), escape(s.Note))
		blocks = append(blocks, slackgo.NewContextBlock("", mrkdwn(clip(note, maxContextText))))
	}
	for _, c := range r.Citations {
		blocks = append(blocks, citationBlock(c))
	}
	if (r.Abstained || r.Hedged) && r.Contact != nil && r.Contact.Text != "" {
		who := r.Contact.Organisation
		if who == "" {
			who = "the council"
		}
		head := fmt.Sprintf("*Data protection contact for %s*\n", escape(who))
		blocks = append(blocks, sections(head+escape(r.Contact.Text))...)
	}
	if r.Kind == conversation.KindIntake && !to.Private && canRaise {
		// The intake asks for a name and a contact; in a channel everyone would read them.
		blocks = append(blocks, slackgo.NewContextBlock("", mrkdwn(":lock: Others in this channel can read this thread: "+
			"please give personal details in the form (*Raise a request with the DPO*), which only the data protection team sees.")))
	}
	if act := actions(r, to, canRaise); act != nil {
		blocks = append(blocks, act)
	}
	return splitBlocks(blocks, maxBlocks)
}

func citationBlock(c answer.Citation) slackgo.Block {
	title := c.Title
	if title == "" {
		title = c.Notice
	}
	parts := []string{fmt.Sprintf("[%d] *%s*", c.N, link(c.Source, title))}
	if c.Section != "" {
		parts = append(parts, escape(c.Section))
	}
	if c.Excerpt != "" {
		parts = append(parts, "“"+escape(clip(c.Excerpt, maxExcerpt))+"”")
	}
	return slackgo.NewContextBlock("", mrkdwn(clip(strings.Join(parts, " · "), maxContextText)))
}

// actions are the buttons under a reply: feedback on answers, and the request form wherever a
// request could follow (not under safeguarding contacts, nor once a request is submitted).
func actions(r conversation.Reply, to replyTarget, canRaise bool) slackgo.Block {
	var els []slackgo.BlockElement
	if r.Kind == conversation.KindAnswer && !r.Abstained {
		els = append(els,
			slackgo.NewButtonBlockElement(actionHelpful, "yes", plain("👍 Helpful")),
			slackgo.NewButtonBlockElement(actionNotHelpful, "no", plain("👎 Not helpful")))
	}
	if canRaise && (r.Kind == conversation.KindAnswer || r.Kind == conversation.KindIntake) {
		// The right the answer was about, or the request being taken, is chosen in the form
		// already, so that it isn't picked again.
		v := raiseValue{Channel: to.Channel, Thread: to.Thread, Session: to.Session, Type: r.RightOffered()}
		b, _ := json.Marshal(v)
		els = append(els, slackgo.NewButtonBlockElement(actionRaise, string(b), plain("Raise a request with the DPO")))
	}
	if len(els) == 0 {
		return nil
	}
	return slackgo.NewActionBlock("reply_actions", els...)
}

// sections splits already-escaped mrkdwn into section blocks of at most maxSectionText characters.
func sections(s string) []slackgo.Block {
	var out []slackgo.Block
	for _, part := range splitText(s, maxSectionText) {
		out = append(out, slackgo.NewSectionBlock(mrkdwn(part), nil, nil))
	}
	return out
}

// splitText cuts s into pieces of at most max characters, preferring to cut between paragraphs,
// then lines, then sentences, then words, and never inside an escape such as &amp;.
func splitText(s string, max int) []string {
	s = strings.TrimSpace(s)
	var out []string
	for utf8.RuneCountInString(s) > max {
		cut := byteOffset(s, max) // the longest prefix that fits
		at := -1
		for _, sep := range []string{"\n\n", "\n", ". ", " "} {
			if i := strings.LastIndex(s[:cut], sep); i > 0 {
				at = i + len(sep)
				if sep == ". " {
					at = i + 1
				}
				break
			}
		}
		if at <= 0 {
			at = cut
			if amp := strings.LastIndexByte(s[:at], '&'); amp >= 0 && amp > at-6 && !strings.Contains(s[amp:at], ";") {
				at = amp // don't split &amp; in two
			}
			if at == 0 {
				at = cut
			}
		}
		out = append(out, strings.TrimSpace(s[:at]))
		s = strings.TrimSpace(s[at:])
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// byteOffset is the byte index just after the first n runes of s.
func byteOffset(s string, n int) int {
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}

// splitBlocks groups blocks into messages of at most max blocks.
func splitBlocks(blocks []slackgo.Block, max int) [][]slackgo.Block {
	var out [][]slackgo.Block
	for len(blocks) > max {
		out = append(out, blocks[:max])
		blocks = blocks[max:]
	}
	if len(blocks) > 0 {
		out = append(out, blocks)
	}
	return out
}

// clip shortens s to at most n characters, ending with an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + "…"
}

// fallbackText is the plain text sent with the blocks, shown in notifications.
func fallbackText(s string) string {
	return clip(strings.Join(strings.Fields(s), " "), maxFallbackText)
}
