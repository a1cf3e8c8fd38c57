package discord

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/conversation"
)

// assertWithinLimits checks one message against every limit Discord enforces.
func assertWithinLimits(t *testing.T, m Message) {
	t.Helper()
	assert.LessOrEqual(t, runes(m.Content), MaxContent, "content")
	assert.LessOrEqual(t, len(m.Embeds), MaxEmbedsPerMessage, "embeds per message")
	total := 0
	for _, e := range m.Embeds {
		assert.LessOrEqual(t, runes(e.Title), MaxEmbedTitle, "title")
		assert.LessOrEqual(t, runes(e.Description), MaxEmbedDescription, "description")
		assert.LessOrEqual(t, len(e.Fields), MaxEmbedFields, "fields")
		for _, f := range e.Fields {
			assert.NotEmpty(t, f.Name)
			assert.NotEmpty(t, f.Value)
			assert.LessOrEqual(t, runes(f.Name), MaxFieldName, "field name")
			assert.LessOrEqual(t, runes(f.Value), MaxFieldValue, "field value")
		}
		if e.Footer != nil {
			assert.LessOrEqual(t, runes(e.Footer.Text), MaxFooter, "footer")
		}
		total += EmbedSize(e)
	}
	assert.LessOrEqual(t, total, MaxEmbedTotal, "embed characters in one message")
}

// longAnswer is an answer far over every limit: a long text and n citations with long excerpts
// and titles.
func longAnswer(n int) answer.Answer {
	var text strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&text, "Sentence %d of the answer says what the notice says about records. ", i)
		if i%40 == 39 {
			text.WriteString("\n\n")
		}
	}
	a := answer.Answer{Answer: text.String(), Mode: "extractive", Citations: []answer.Citation{}}
	for i := 1; i <= n; i++ {
		a.Citations = append(a.Citations, answer.Citation{N: i, Title: strings.Repeat("A very long notice title ", 12),
			Section: "Retention", Organisation: "Milton Keynes Council",
			Excerpt: fmt.Sprintf("Excerpt %d: ", i) + strings.Repeat("records are kept for 6 years after the case closes; ", 30)})
	}
	a.Stale = []answer.StaleNotice{{Notice: "old", Title: "Old notice", Updated: "2018-05-17", Note: "last updated 17 May 2018"}}
	return a
}

func TestRenderKeepsLongAnswersWithinLimits(t *testing.T) {
	a := longAnswer(40)
	msgs := Render(conversation.Reply{Kind: conversation.KindAnswer, Answer: a})
	require.Greater(t, len(msgs), 1)

	var desc strings.Builder
	cited := map[string]bool{}
	stale := false
	for _, m := range msgs {
		assertWithinLimits(t, m)
		for _, e := range m.Embeds {
			desc.WriteString(e.Description + " ")
			for _, f := range e.Fields {
				cited[strings.SplitN(f.Name, "]", 2)[0]+"]"] = true
				stale = stale || strings.Contains(f.Value, "last updated 17 May 2018")
			}
		}
	}
	// Nothing is lost in the split: every word of the answer, every citation, the warning.
	assert.Equal(t, strings.Fields(a.Answer), strings.Fields(desc.String()))
	for i := 1; i <= 40; i++ {
		assert.True(t, cited[fmt.Sprintf("[%d]", i)], "citation %d", i)
	}
	assert.True(t, stale, "the stale-notice warning")
	// Buttons only on the last message.
	for _, m := range msgs[:len(msgs)-1] {
		assert.Empty(t, m.Components)
	}
	assert.NotEmpty(t, msgs[len(msgs)-1].Components)
}

func TestRenderTextRepliesSplitAt2000(t *testing.T) {
	text := strings.Repeat("Please give the e-mail address you gave with the request. ", 120)
	msgs := Render(conversation.Reply{Kind: conversation.KindStatus, Answer: answer.Answer{Answer: text}})
	require.Greater(t, len(msgs), 1)
	var all []string
	for _, m := range msgs {
		assertWithinLimits(t, m)
		assert.Empty(t, m.Embeds)
		all = append(all, strings.Fields(m.Content)...)
	}
	assert.Equal(t, strings.Fields(text), all)
}

func TestRenderButtons(t *testing.T) {
	tests := []struct {
		name  string
		reply conversation.Reply
		want  []string
	}{
		{"answer", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "a", Request: &answer.Request{Type: "none"}}},
			[]string{idFeedbackYes, idFeedbackNo, idRaise}},
		{"answer about a right", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "a", Request: &answer.Request{Type: "erasure", Confidence: 0.8}}},
			[]string{idFeedbackYes, idFeedbackNo, idRaise + "erasure"}},
		{"answer about a right the classifier is unsure of", conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{Answer: "a", Request: &answer.Request{Type: "rectification", Confidence: 0.25}}},
			[]string{idFeedbackYes, idFeedbackNo, idRaise}},
		{"intake offers the form", conversation.Reply{Kind: conversation.KindIntake, Answer: answer.Answer{Answer: "What is your name?", Request: &answer.Request{Type: "access"}},
			Intake: &conversation.IntakeState{Type: "access"}},
			[]string{idRaise + "access"}},
		{"safeguarding: nothing in the way", conversation.Reply{Kind: conversation.KindSafeguarding, Answer: answer.Answer{Answer: "Call 999", Safeguarding: true}}, nil},
		{"submitted", conversation.Reply{Kind: conversation.KindSubmitted, Answer: answer.Answer{Answer: "Your reference is DPO-2026-000001"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := Render(tt.reply)
			var ids []string
			for _, row := range msgs[len(msgs)-1].Components {
				for _, c := range row.(discordgo.ActionsRow).Components {
					ids = append(ids, c.(discordgo.Button).CustomID)
				}
			}
			assert.Equal(t, tt.want, ids)
		})
	}
}

func TestRenderAbstentionGivesTheContact(t *testing.T) {
	msgs := Render(conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{
		Answer: "The notices don't say.", Abstained: true, Citations: []answer.Citation{},
		Contact: &answer.Contact{Organisation: "Milton Keynes Council", Text: "dpo@milton-keynes.gov.uk"}}})
	require.Len(t, msgs, 1)
	e := msgs[0].Embeds[0]
	assert.Equal(t, "The privacy notices don't answer that", e.Title)
	require.NotEmpty(t, e.Fields)
	assert.Contains(t, e.Fields[len(e.Fields)-1].Value, "dpo@milton-keynes.gov.uk")
}

func TestRenderUnsureAnswerSaysSoAndGivesTheContact(t *testing.T) {
	msgs := Render(conversation.Reply{Kind: conversation.KindAnswer, Answer: answer.Answer{
		Answer: "The notices may not answer this exactly. The closest they come: … [1]", Hedged: true,
		Citations: []answer.Citation{{N: 1, Title: "Customer services team privacy notice", Excerpt: "held for 6 years"}},
		Contact:   &answer.Contact{Organisation: "Milton Keynes Council", Text: "dpo@milton-keynes.gov.uk"}}})
	e := msgs[0].Embeds[0]
	assert.Equal(t, "The privacy notices may not answer that exactly", e.Title)
	assert.Contains(t, e.Fields[len(e.Fields)-1].Value, "dpo@milton-keynes.gov.uk")
}

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []string
	}{
		{"short", "Hello there.", 20, []string{"Hello there."}},
		{"at a sentence", "One two three. Four five six.", 20, []string{"One two three.", "Four five six."}},
		{"at a paragraph", "First part.\n\nSecond part here.", 25, []string{"First part.", "Second part here."}},
		{"at a word", "alpha beta gamma delta", 12, []string{"alpha beta", "gamma delta"}},
		{"a word longer than the limit", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"runes, not bytes", "ééééé ééééé", 5, []string{"ééééé", "ééééé"}},
		{"empty", "   ", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitText(tt.in, tt.max)
			assert.Equal(t, tt.want, got)
			for _, c := range got {
				assert.LessOrEqual(t, runes(c), tt.max)
			}
		})
	}
}
