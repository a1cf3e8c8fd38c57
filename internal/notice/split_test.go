package notice_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/notice"
)

// A short line without a full stop is a heading unless it is a sentence that lost its end (the
// captured page dropped the link or address) or a link to a document: neither names the
// section the text after it belongs to.
func TestSplitBrokenOffLinesAndDownloadLinksAreNotHeadings(t *testing.T) {
	tests := []struct {
		name, line string
		heading    bool
	}{
		{"a heading", "How to see your records", true},
		{"a heading ending in a verb", "Who we are", true},
		{"a sentence that lost its address", "Once completed you should email it to", false},
		{"a sentence that lost its link", "For details please see the", false},
		{"a document link", "Data Request Form - for self (DOC, 76KB)", false},
		{"a PDF link", "Retention schedule (PDF, 1.2MB)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := notice.Notice{ID: "n", Title: "Notice", Organisation: "Org",
				Body: "Intro paragraph of the notice.\n\n" + tt.line + "\n\nThe Council has 40 calendar days to provide the information.\n"}
			var under []string
			found := false
			for _, p := range notice.Split(n) {
				if strings.Contains(p.Text, "The Council has 40 calendar days") {
					under, found = p.Headings, true
				}
			}
			require.True(t, found)
			if tt.heading {
				require.NotEmpty(t, under)
				assert.Equal(t, tt.line, under[len(under)-1])
			} else {
				assert.NotContains(t, under, tt.line)
			}
		})
	}
}

// Notices of other councils come in other shapes: Markdown with bold subheadings, plain text
// with ALL-CAPS headings and contact lines, short headings that start with "Our". Each passage
// lands under the heading it belongs to.
func TestSplitOtherFormats(t *testing.T) {
	tests := []struct {
		name, body, passage string
		headings            []string
	}{
		{"a bold line is a subheading of its section",
			"## What we collect\n\n**Library members**\n\n- your name\n- your card number\n\n**Leisure customers**\n\n- your bank details\n",
			"- your bank details", []string{"What we collect", "Leisure customers"}},
		{"a long label with a phone number is a contact line, not a heading",
			"CONTACT US\n\nPlanning and building control enquiries: 01632 960 540\nEmail: planning@example.gov.uk\n\nCOMPLAINTS\n\nPlease contact us first.\n",
			"Planning and building control enquiries: 01632 960 540\nEmail: planning@example.gov.uk", []string{"CONTACT US"}},
		{"a short heading starting with Our",
			"Why we use it\n\nWe use it to help you.\n\nOur lawful basis\n\nMost of what we do is required by law.\n",
			"Most of what we do is required by law.", []string{"Our lawful basis"}},
		{"a sentence starting with Our is not a heading",
			"Contact us\n\nOur Data Protection Officer is Jane Example.\n\nEmail: dpo@example.gov.uk\n",
			"Our Data Protection Officer is Jane Example.", []string{"Contact us"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := notice.Notice{ID: "n", Title: "Notice", Organisation: "Org", Body: tt.body}
			var found *notice.Passage
			ps := notice.Split(n)
			for i := range ps {
				if strings.Contains(ps[i].Text, tt.passage) {
					found = &ps[i]
				}
			}
			require.NotNil(t, found, "no passage has %q", tt.passage)
			assert.Equal(t, tt.headings, found.Headings)
		})
	}
}

// A plain-text notice has no front matter: its organisation is the known one its title or its
// text names, and never one it doesn't name.
func TestLoadFindsTheOrganisationANoticeNames(t *testing.T) {
	orgs := "organisations:\n  - name: Kingsford County Council\n    aliases: [Kingsford]\n  - name: Westmere Borough Council\n"
	tests := []struct{ name, file, body, want string }{
		{"named in the title", "p.txt", "Planning privacy notice - Kingsford County Council\n\nWestmere Borough Council is mentioned here.\n", "Kingsford County Council"},
		{"named first in the text", "p.txt", "Planning privacy notice\n\nKingsford is the planning authority. We talk to Westmere Borough Council.\n", "Kingsford County Council"},
		{"naming none", "p.txt", "Planning privacy notice\n\nWe are the planning authority.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := notice.Load(fstest.MapFS{"organisations.yaml": {Data: []byte(orgs)}, tt.file: {Data: []byte(tt.body)}})
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.Notices[0].Organisation)
		})
	}
}
