package discord

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// Discord's limits on what one message may carry. Discord counts characters, so these are runes.
const (
	MaxContent          = 2000 // a message's content
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooter           = 2048
	MaxEmbedTotal       = 6000 // all titles, descriptions, field names and values and footers of a message
	MaxEmbedsPerMessage = 10
)

// Custom ids of the components the bot sends; Discord hands them back on a click or a submit.
const (
	idFeedbackYes = "privacybot:feedback:yes"
	idFeedbackNo  = "privacybot:feedback:no"
	idRaise       = "privacybot:raise:" // + the request type the classifier saw, possibly empty
	idForm        = "privacybot:form:"  // + the pre-filled type, so a resubmitted form keeps it
)

// Embed colours: they tell at a glance what kind of reply it is.
const (
	colourAnswer       = 0x2B6CB0
	colourAbstained    = 0x718096
	colourStale        = 0xD69E2E
	colourSafeguarding = 0xC53030
)

// Message is one Discord message's worth of a reply, within Discord's limits.
type Message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
}

// Render turns the bot's reply into Discord messages: an answer as embeds (the answer, each
// citation as a field, the stale-notice warning, the data protection contact when it abstains),
// anything else as text. Long replies are split across embeds and messages so every part stays
// within Discord's limits; the buttons go on the last message.
func Render(r conversation.Reply) []Message {
	var msgs []Message
	if r.Kind == conversation.KindAnswer || r.Kind == "" {
		msgs = packEmbeds(answerEmbeds(r.Answer))
	} else {
		for _, chunk := range splitText(r.Answer.Answer, MaxContent) {
			msgs = append(msgs, Message{Content: chunk})
		}
	}
	if len(msgs) == 0 {
		msgs = []Message{{Content: "Sorry, I have no answer to that."}}
	}
	if comps := buttons(r); len(comps) > 0 {
		msgs[len(msgs)-1].Components = comps
	}
	return msgs
}

// RenderText renders a plain notice (an error, a confirmation) as messages without buttons.
func RenderText(text string) []Message {
	var msgs []Message
	for _, chunk := range splitText(text, MaxContent) {
		msgs = append(msgs, Message{Content: chunk})
	}
	return msgs
}

// buttons are the feedback buttons and the way into a request: on answers (not on an urgent
// safeguarding reply) and while a request is being taken in, where the form is quicker than
// answering the steps one message at a time.
func buttons(r conversation.Reply) []discordgo.MessageComponent {
	// The form opens with the right the reply took or offered chosen: not a guess the classifier
	// was unsure of ("my ex found my new address on facebook" read as a correction, 0.25), which
	// would be picked over unnoticed.
	raise := discordgo.Button{Label: "Raise a request with the DPO", Style: discordgo.PrimaryButton, CustomID: idRaise + r.RightOffered()}
	switch r.Kind {
	case conversation.KindAnswer, "":
		if r.Safeguarding {
			return nil
		}
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Helpful", Style: discordgo.SuccessButton, CustomID: idFeedbackYes},
			discordgo.Button{Label: "Not helpful", Style: discordgo.SecondaryButton, CustomID: idFeedbackNo},
			raise,
		}}}
	case conversation.KindIntake:
		raise.Label = "Use a form instead"
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{raise}}}
	}
	return nil
}

// answerEmbeds lays an answer out as a sequence of embeds, each within the per-embed limits.
func answerEmbeds(a answer.Answer) []*discordgo.MessageEmbed {
	title := "From the privacy notices"
	colour := colourAnswer
	switch {
	case a.Safeguarding:
		title, colour = "Please get help now", colourSafeguarding
	case a.Abstained:
		title, colour = "The privacy notices don't answer that", colourAbstained
	case a.Hedged:
		title, colour = "The privacy notices may not answer that exactly", colourStale
	case len(a.Stale) > 0:
		colour = colourStale
	}
	b := &embedBuilder{colour: colour}
	b.start(title)
	for _, chunk := range splitText(a.Answer, MaxEmbedDescription) {
		b.description(chunk)
	}
	for _, c := range a.Citations {
		name := fmt.Sprintf("[%d] %s", c.N, c.Title)
		if c.Section != "" {
			name += " · " + c.Section
		}
		value := "> " + strings.Join(strings.Fields(c.Excerpt), " ")
		var meta []string
		if c.Organisation != "" {
			meta = append(meta, c.Organisation)
		}
		if c.Updated != "" {
			meta = append(meta, "updated "+c.Updated)
		}
		if c.Source != "" {
			meta = append(meta, c.Source)
		}
		if len(meta) > 0 {
			value += "\n" + strings.Join(meta, " · ")
		}
		b.field(name, value)
	}
	if len(a.Stale) > 0 {
		var lines []string
		for _, s := range a.Stale {
			note := s.Note
			if note == "" {
				note = "last updated " + s.Updated
			}
			lines = append(lines, fmt.Sprintf("%s: %s. It may be out of date; check with the council.", s.Title, note))
		}
		b.field("⚠ Possibly out of date", strings.Join(lines, "\n"))
	}
	if a.Contact != nil && a.Contact.Text != "" {
		name := "Data protection contact"
		if a.Contact.Organisation != "" {
			name += " · " + a.Contact.Organisation
		}
		b.field(name, a.Contact.Text)
	}
	footer := "Quoted from the council's privacy notices. This is not legal advice."
	if a.Mode == "generated" {
		footer = "Written from the council's privacy notices and checked against them. This is not legal advice."
	}
	b.footer(footer)
	return b.embeds
}

// embedBuilder fills embeds item by item, starting a new embed whenever the next item would break
// a limit. No single item exceeds a limit: descriptions and field values are split beforehand.
type embedBuilder struct {
	embeds []*discordgo.MessageEmbed
	cur    *discordgo.MessageEmbed
	size   int // characters in cur
	colour int
}

func (b *embedBuilder) start(title string) {
	title = truncate(title, MaxEmbedTitle)
	b.cur = &discordgo.MessageEmbed{Title: title, Color: b.colour}
	b.embeds = append(b.embeds, b.cur)
	b.size = runes(title)
}

func (b *embedBuilder) description(chunk string) {
	n := runes(chunk)
	if b.cur.Description != "" || len(b.cur.Fields) > 0 || b.size+n > MaxEmbedTotal {
		b.start("")
	}
	b.cur.Description = chunk
	b.size += n
}

// field adds a field, splitting a long value over continuation fields.
func (b *embedBuilder) field(name, value string) {
	name = truncate(name, MaxFieldName)
	for i, chunk := range splitText(value, MaxFieldValue) {
		n := name
		if i > 0 {
			n = truncate(name+" (continued)", MaxFieldName)
		}
		size := runes(n) + runes(chunk)
		if len(b.cur.Fields) >= MaxEmbedFields || b.size+size > MaxEmbedTotal {
			b.start("")
		}
		b.cur.Fields = append(b.cur.Fields, &discordgo.MessageEmbedField{Name: n, Value: chunk})
		b.size += size
	}
}

func (b *embedBuilder) footer(text string) {
	text = truncate(text, MaxFooter)
	if b.size+runes(text) > MaxEmbedTotal {
		b.start("")
	}
	b.cur.Footer = &discordgo.MessageEmbedFooter{Text: text}
	b.size += runes(text)
}

// packEmbeds puts embeds into as few messages as fit: at most ten embeds and 6,000 characters
// of embed text each.
func packEmbeds(embeds []*discordgo.MessageEmbed) []Message {
	var msgs []Message
	total := 0
	for _, e := range embeds {
		n := EmbedSize(e)
		if len(msgs) == 0 || len(msgs[len(msgs)-1].Embeds) >= MaxEmbedsPerMessage || total+n > MaxEmbedTotal {
			msgs = append(msgs, Message{})
			total = 0
		}
		last := &msgs[len(msgs)-1]
		last.Embeds = append(last.Embeds, e)
		total += n
	}
	return msgs
}

// EmbedSize is the number of characters Discord counts towards an embed's 6,000.
func EmbedSize(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	if e.Author != nil {
		n += runes(e.Author.Name)
	}
	return n
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// truncate shortens s to max runes, marking the cut with an ellipsis. It is for labels (titles,
// field names); text that matters is split instead.
func truncate(s string, max int) string {
	if runes(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// splitText cuts s into chunks of at most max runes, preferring to break between paragraphs,
// then lines, then sentences, then words; only a word longer than max is cut inside.
func splitText(s string, max int) []string {
	s = strings.TrimSpace(s)
	var out []string
	for s != "" {
		if runes(s) <= max {
			out = append(out, s)
			break
		}
		cut := byteIndexOfRune(s, max) // s[:cut] is exactly max runes
		window := s[:cut]
		// A break in the last two thirds of the window keeps chunks from being needlessly short;
		// failing that, any space will do, and failing that the word is cut.
		at := -1
		for _, sep := range []string{"\n\n", "\n", ". ", "; ", ", ", " "} {
			if i := strings.LastIndex(window, sep); i > 0 && i >= len(window)/3 {
				at = i + len(strings.TrimRight(sep, " \n")) // keep the full stop, drop the space
				break
			}
		}
		if at <= 0 {
			if i := strings.LastIndexAny(window, " \n"); i > 0 {
				at = i
			} else {
				at = cut
			}
		}
		chunk := strings.TrimSpace(s[:at])
		if chunk != "" {
			out = append(out, chunk)
		}
		s = strings.TrimSpace(s[at:])
	}
	return out
}

// byteIndexOfRune is the byte offset of the n-th rune of s (len(s) when s is shorter).
func byteIndexOfRune(s string, n int) int {
	i := 0
	for pos := range s {
		if i == n {
			return pos
		}
		i++
	}
	return len(s)
}
