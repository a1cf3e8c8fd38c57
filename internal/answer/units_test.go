package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/notice"
)

func TestUnitsQuoteLeadInsWithTheirBullets(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes []string // what each unit quotes, in order
		pieces []string // what Units returns, in order
	}{
		{
			name:   "list",
			text:   "We hold records. It may include:\n• Name\n• Date of Birth",
			quotes: []string{"We hold records.", "It may include:\n  – Name\n  – Date of Birth", "Name", "Date of Birth"},
			pieces: []string{"We hold records.", "It may include:", "It may include:\nName", "It may include:\nDate of Birth"},
		},
		{
			name:   "address block is one piece",
			text:   "Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East",
			quotes: []string{"Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East"},
			pieces: []string{"Tel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East"},
		},
		{
			name:   "sentences",
			text:   "We keep it for 6.5 years. Then it is deleted, e.g. shredded.",
			quotes: []string{"We keep it for 6.5 years.", "Then it is deleted, e.g. shredded."},
			pieces: []string{"We keep it for 6.5 years.", "Then it is deleted, e.g. shredded."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var quotes []string
			for _, u := range units(tt.text) {
				quotes = append(quotes, u.quote())
			}
			assert.Equal(t, tt.quotes, quotes)
			assert.Equal(t, tt.pieces, Units(tt.text))
		})
	}
}

func TestTermsDropInflectedStopWordsAndFillers(t *testing.T) {
	assert.Equal(t, []string{"pass", "landlord"}, Terms("caller asks whether we pass it to her landlord"))
	assert.Empty(t, Terms("asks actually stuff anyway"))
	assert.True(t, IsStopWord("asks"))
	assert.False(t, IsStopWord("landlord"))
}

// A phrase rule and a word of the same phrase ("how long do you keep") are one requirement, not
// two: otherwise retention questions weigh "keep" twice.
func TestRequirementsCountAPhraseWordOnce(t *testing.T) {
	comp := testComposer(t)
	reqs := comp.requirements("How long do you keep complaint records?")
	n := 0
	for _, r := range reqs {
		for _, k := range r.concepts {
			if k == comp.Vocab.Concept(Stem("keep")) {
				n++
			}
		}
	}
	assert.Equal(t, 1, n)
	for _, r := range reqs {
		assert.NotEqual(t, []string{"mk"}, r.concepts, "an organisation's name scopes, it is not asked about")
	}
}

// fixedRetriever returns every passage of a corpus, in order.
type fixedRetriever struct{ c *notice.Corpus }

func (f fixedRetriever) Retrieve(_ context.Context, _ Question) ([]Hit, error) {
	var hits []Hit
	for i, p := range f.c.Passages() {
		hits = append(hits, Hit{Passage: p, Score: 1 / float64(i+1)})
	}
	return hits, nil
}

func testComposer(t *testing.T) *Composer {
	t.Helper()
	fs := fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Milton Keynes City Council\n    aliases: [MK]\n")},
		"retention.md": {Data: []byte("---\nid: retention\ntitle: Customer services privacy notice\norganisation: Milton Keynes City Council\n---\n" +
			"How long we keep information\nAll records relating to complaints will be held for 6 years from when the case was closed.\n\n" +
			"Data Protection Officer\nTel. No: 01908 254900\nPost: Data Protection, 1 Saxon Gate East, MK9 3HS\n")},
	}
	c, err := notice.Load(fs)
	require.NoError(t, err)
	return NewComposer(fixedRetriever{c}, c, DefaultVocabulary())
}

func TestAbstainsWhenTheTopicIsNotInTheNotices(t *testing.T) {
	comp := testComposer(t)
	tests := []struct {
		question string
		abstain  bool
	}{
		{"How long do you keep complaint records?", false},
		{"How long do you keep parking ticket records?", true}, // "how long … records" match, the topic doesn't
		{"How long do you keep CCTV footage?", true},
		{"what's the phone number of the data protection officer?", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := comp.Answer(context.Background(), Question{Text: tt.question})
			require.NoError(t, err)
			assert.Equal(t, tt.abstain, ans.Abstained, ans.Answer)
			if tt.abstain {
				require.NotNil(t, ans.Contact)
				assert.Contains(t, ans.Contact.Text, "01908 254900")
			}
		})
	}
}
