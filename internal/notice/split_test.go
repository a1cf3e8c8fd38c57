package notice_test

import (
	"strings"
	"testing"

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
