package answer

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A council checks its notices before residents ask: what it is told must be what the bot will
// do (the contact it gives), and each thing its notices lack is named with the notice.
func TestCheckFindsWhatTheNoticesLack(t *testing.T) {
	long := strings.Repeat("We use the information to run the service well. ", 60)
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n" +
			"  - name: Alderby Borough Council\n    abstain_threshold: 0.8\n    dpo_contact:\n      notice: leisure\n      section: Data protection officer\n" +
			"  - name: Fernshire County Council\n")},
		"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure centres privacy notice\norganisation: Alderby Borough Council\n" +
			"source: https://alderby.example.gov.uk/leisure\nupdated: 2015-03-01\n---\n" +
			"Discounts\nPeople on benefits get a half-price leisure pass.\n\n" +
			"Contact us\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC, or email [email protected]\n")},
		"care.txt": {Data: []byte("Adult social care privacy notice\n" + long + "\n")},
		"parking.md": {Data: []byte("---\nid: parking\ntitle: Parking privacy notice\norganisation: Fernshire County Council\n---\n" +
			"Permits\nWe keep permit applications for 2 years.\n")},
	})
	comp.Now = func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) }
	findings := comp.Check()
	has := func(level, org, notice, text string) {
		t.Helper()
		for _, f := range findings {
			if f.Level == level && f.Organisation == org && f.Notice == notice && strings.Contains(f.Message, text) {
				return
			}
		}
		t.Errorf("no %s for %s %s saying %q in:\n%+v", level, org, notice, text, findings)
	}
	has(LevelProblem, "Alderby Borough Council", "leisure", `heading "Data protection officer"`)
	has(LevelInfo, "Alderby Borough Council", "leisure", "AL1 2BC")
	has(LevelInfo, "Alderby Borough Council", "", "at least 0.80")
	has(LevelWarning, "Alderby Borough Council", "leisure", "last updated 1 March 2015")
	has(LevelWarning, "Alderby Borough Council", "leisure", "[email protected]")
	has(LevelProblem, "Fernshire County Council", "", "no data protection contact found")
	has(LevelWarning, "Fernshire County Council", "parking", "no updated date")
	has(LevelWarning, "Fernshire County Council", "parking", "no source")
	for _, f := range findings {
		assert.False(t, f.Notice == "leisure" && strings.Contains(f.Message, "no source"), "leisure has a source")
		assert.False(t, f.Notice == "parking" && strings.Contains(f.Message, "no headings"), "parking has headings")
	}

	has(LevelProblem, "", "care", "no organisation")
	has(LevelWarning, "", "care", "no headings found")
	has(LevelWarning, "", "care", "a passage of")
}

// A captured page that lost an e-mail address keeps the rest of its contact: the address to
// write to is still given, the placeholder never.
func TestContactTextDropsOnlyTheLostAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Write to the Data Protection Officer, Town Hall, Alderby AL1 2BC, or email [email protected]", "Write to the Data Protection Officer, Town Hall, Alderby AL1 2BC"},
		{"Data Protection Officer\nEmail: [email protected]\nTel: 01234 567890", "Data Protection Officer\nTel: 01234 567890"},
		{"Contact the DPO at [email protected].", "Contact the DPO"},
		{"Tel: 01908 254900", "Tel: 01908 254900"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, contactText(tt.in), tt.in)
	}
}

// A notice whose data protection section gives another postcode, phone number or e-mail address
// than the contact the bot gives is reported (Milton Keynes's notices give MK9 3HS and MK9 3EJ):
// residents reading it write elsewhere. One that repeats the contact, adds a kind of detail the
// contact lacks, or gives another address outside a data protection section is not.
func TestCheckFindsADataProtectionContactThatDiffers(t *testing.T) {
	comp := composerOver(t, fstest.MapFS{
		"organisations.yaml": {Data: []byte("organisations:\n  - name: Alderby Borough Council\n    dpo_contact:\n      notice: leisure\n      section: Data protection officer\n")},
		"leisure.md": {Data: []byte("---\nid: leisure\ntitle: Leisure centres privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Data protection officer\nWrite to the Data Protection Officer, Alderby Town Hall, Alderby AL1 2BC, or phone 01632 960000.\n")},
		"parking.md": {Data: []byte("---\nid: parking\ntitle: Parking privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Permits\nWe keep permit applications for 2 years.\n\n" +
			"Data protection contact\nPostal address only: Data Protection, Alderby Civic Centre, Alderby AL9 9ZZ\n")},
		"library.md": {Data: []byte("---\nid: library\ntitle: Library privacy notice\norganisation: Alderby Borough Council\n---\n" +
			"Data protection\nWrite to the Data Protection Officer, Alderby Town Hall, AL1 2BC, or email dpo@alderby.example.gov.uk.\n\n" +
			"Contact the library\nAlderby Library, High Street, Alderby AL3 4DE, phone 01632 960123.\n")},
	})
	var differing []Finding
	for _, f := range comp.Check() {
		if strings.Contains(f.Message, "confirm which is right") {
			differing = append(differing, f)
		}
	}
	require.Len(t, differing, 1, "%+v", differing)
	assert.Equal(t, LevelWarning, differing[0].Level)
	assert.Equal(t, "parking", differing[0].Notice)
	assert.Contains(t, differing[0].Message, "AL9 9ZZ")
	assert.Contains(t, differing[0].Message, "AL1 2BC")
	assert.Contains(t, differing[0].Message, `"Leisure centres privacy notice"`)
}
