package notice_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/corpus"
	"github.com/privacybot/privacybot/internal/notice"
)

func TestLoadBundledCorpus(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	require.Len(t, c.Notices, 5)
	ids := []string{}
	for _, n := range c.Notices {
		ids = append(ids, n.ID)
		assert.NotEmpty(t, n.Title, n.ID)
		assert.NotEmpty(t, n.Organisation, n.ID)
		assert.Empty(t, n.Source, "no source URLs were captured: %s", n.ID)
	}
	assert.Equal(t, []string{"buckinghamshire-privacy-policy", "mkc-customer-services", "mkc-employment-support", "mkc-mk-together", "mkc-website-privacy-statement"}, ids)
	web, ok := c.Notice("mkc-website-privacy-statement")
	require.True(t, ok)
	assert.Equal(t, "2018-05-17", web.UpdatedString())
}

// The bundled notices keep the seeds' wording exactly: the bot quotes them.
func TestBundledCorpusKeepsSeedWording(t *testing.T) {
	seeds := map[string]string{
		"mkc-customer-services":          "000_2926a737749a7384.txt",
		"mkc-employment-support":         "001_adb54d144ffe029a.txt",
		"mkc-website-privacy-statement":  "002_cb61ba2c2011f960.txt",
		"mkc-mk-together":                "003_70a33d2c29b00660.txt",
		"buckinghamshire-privacy-policy": "004_b362c1f9c01a41f8.txt",
	}
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	for id, file := range seeds {
		seed, err := os.ReadFile("../../../shared/seeds/" + file)
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("../shared/seeds is not beside this checkout")
		}
		require.NoError(t, err)
		n, ok := c.Notice(id)
		require.True(t, ok, id)
		assert.Equal(t, string(seed), n.Body, id)
	}
}

func TestOrganisationAliases(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	for _, name := range []string{"Milton Keynes Council", "milton keynes city council", "MK Council", "MKC"} {
		got, ok := c.Organisations.Canonical(name)
		assert.True(t, ok, name)
		assert.Equal(t, "Milton Keynes City Council", got, name)
	}
	got, ok := c.Organisations.Canonical("Bucks")
	assert.True(t, ok)
	assert.Equal(t, "Buckinghamshire Council", got)
	_, ok = c.Organisations.Canonical("Northshire District Council")
	assert.False(t, ok)
	assert.Equal(t, []string{"Buckinghamshire Council"}, c.Organisations.Mentioned("who is the DPO in bucks?"))
	// A possessive names its council too.
	for _, q := range []string{"what's MK's DPO phone number?", "Milton Keynes’s privacy notice", "the Milton Keynes City Council's website"} {
		assert.Equal(t, []string{"Milton Keynes City Council"}, c.Organisations.Mentioned(q), q)
	}
}

// Councils named side by side are named together; councils named apart, or one council by two of
// its names, are not.
func TestOrganisationsNamedTogether(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	both := []string{"Buckinghamshire Council", "Milton Keynes City Council"}
	for q, want := range map[string][]string{
		"do Bucks and MK share data with the police?":                         both,
		"who are the DPOs of Buckinghamshire Council, Milton Keynes Council?": both,
		"Milton Keynes or Bucks: who keeps complaints longer?":                {"Milton Keynes City Council", "Buckinghamshire Council"},
		"MK's and Bucks's retention periods":                                  {"Milton Keynes City Council", "Buckinghamshire Council"},
		"I live in Bucks but work in MK, who has my data?":                    nil,
		"how long does Milton Keynes Council keep complaints?":                nil,
		"Milton Keynes and MK Council":                                        nil, // one council
	} {
		assert.Equal(t, want, c.Organisations.NamedTogether(q), q)
	}
}

// A question naming a town of a council's area names the council; a notice naming a town is not
// made that council's by it; a place given to two councils is refused at start-up.
func TestOrganisationPlaces(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	for q, want := range map[string][]string{
		"i live in aylesbury, how long do you keep complaint records": {"Buckinghamshire Council"},
		"I'm from Bletchley, who is your DPO?":                        {"Milton Keynes City Council"},
		"i live in high wycombe but work in olney":                    {"Buckinghamshire Council", "Milton Keynes City Council"},
		"I live in Milton Keynes":                                     {"Milton Keynes City Council"},
		"how long do you keep CCTV footage?":                          nil,
		"i live in buckingham":                                        {"Buckinghamshire Council"},
		"im a high wycombe resident, who sees my data":                {"Buckinghamshire Council"},
		// A town that is a surname, said as one, names no council.
		"Kate Burnham":                        nil,
		"my neighbour Mr Olney reads my post": nil,
	} {
		assert.Equal(t, want, c.Organisations.Mentioned(q), q)
	}
	// A notice's text naming a town is not made that council's by it (NamedIn), though a
	// question saying so names it (Mentioned).
	assert.Equal(t, []string{"Buckinghamshire Council"}, c.Organisations.Mentioned("Our office is in Aylesbury"))
	assert.Empty(t, c.Organisations.NamedIn("Our office is in Aylesbury"), "a town names no council for a notice")

	// Named side by side, as an afterthought ending the question, or as both.
	for q, want := range map[string][]string{
		"How long does Bucks keep complaints, and MK?": {"Buckinghamshire Council", "Milton Keynes City Council"},
		"complaints retention Bucks v MK":              {"Buckinghamshire Council", "Milton Keynes City Council"},
		// The same asked of another council at the end (a QA pass: Buckinghamshire's part went
		// unanswered, unsaid).
		"how long do mk keep complaints and is it the same in bucks": {"Milton Keynes City Council", "Buckinghamshire Council"},
		"how long does MK keep complaint records, what about Bucks?": {"Milton Keynes City Council", "Buckinghamshire Council"},
		"does Bucks share data with the police, and for MK?":         {"Buckinghamshire Council", "Milton Keynes City Council"},
		"is MK the same as other councils, what about the ICO?":      nil,
		"how long do both councils keep complaints":                  {"Milton Keynes City Council", "Buckinghamshire Council"},
		"I live in Bucks but work in MK, who is the DPO?":            nil,
		"Bucks said MK would reply":                                  nil,
	} {
		got := c.Organisations.NamedTogether(q)
		if want == nil {
			assert.Empty(t, got, q)
			continue
		}
		assert.ElementsMatch(t, want, got, q)
	}

	// The places said as where, for the answer engine to read as scope, not topic.
	assert.Equal(t, []string{"bletchley"}, c.Organisations.PlacesSaid("I live in Bletchley, who is the DPO?"))
	assert.Equal(t, []string{"high wycombe", "olney"}, c.Organisations.PlacesSaid("i live in high wycombe but work in olney"))
	assert.Empty(t, c.Organisations.PlacesSaid("my neighbour Mr Olney reads my post"))
	assert.Empty(t, c.Organisations.PlacesSaid("I live in Milton Keynes"), "a council's name is no place")
	// An estate is lived on (a QA pass: "i live on fishermead" was asked which council).
	assert.Equal(t, []string{"fishermead"}, c.Organisations.PlacesSaid("i live on fishermead"))
	assert.Equal(t, []string{"oldbrook"}, c.Organisations.PlacesSaid("i live on the oldbrook estate"))

	orgs, err := notice.ParseOrganisations("organisations.yaml", []byte("organisations:\n  - name: Fernshire County Council\n    places: [Eastbrook]\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"Fernshire County Council"}, orgs.Mentioned("I live in Eastbrook"))
	_, err = notice.ParseOrganisations("organisations.yaml", []byte("organisations:\n  - name: A Council\n    places: [Eastbrook]\n  - name: B Council\n    places: [eastbrook]\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `the place "eastbrook" is given to both "A Council" and "B Council"`)
}

// A council's own abstain_threshold is read, and one the bot can't use is refused at start-up,
// naming the organisation.
func TestOrganisationAbstainThreshold(t *testing.T) {
	orgs, err := notice.ParseOrganisations("organisations.yaml", []byte("organisations:\n  - name: Fernshire County Council\n    abstain_threshold: 0.75\n"))
	require.NoError(t, err)
	o, ok := orgs.Get("Fernshire County Council")
	require.True(t, ok)
	assert.Equal(t, 0.75, o.AbstainThreshold)

	for _, bad := range []string{"1", "1.5", "-0.1"} {
		_, err := notice.ParseOrganisations("organisations.yaml", []byte("organisations:\n  - name: Fernshire County Council\n    abstain_threshold: "+bad+"\n"))
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "organisations.yaml")
		assert.Contains(t, err.Error(), "Fernshire County Council: abstain_threshold must be between 0 and 1")
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, file, body           string
		wantID, wantTitle, wantOrg string
		wantUpdated                string
	}{
		{name: "front matter", file: "a.md", body: "---\nid: custom\ntitle: T\norganisation: Org\nupdated: 2024-03-01\nextra: ignored\n---\nBody.\n",
			wantID: "custom", wantTitle: "T", wantOrg: "Org", wantUpdated: "2024-03-01"},
		{name: "markdown without front matter", file: "my-notice.md", body: "# Housing privacy\n\nBody.\n",
			wantID: "my-notice", wantTitle: "Housing privacy"},
		{name: "text file: title is the first line", file: "cctv.txt", body: "CCTV privacy notice\n\nWe record.\nLast updated: 12 January 2024\n",
			wantID: "cctv", wantTitle: "CCTV privacy notice", wantUpdated: "2024-01-12"},
		{name: "id defaults to the stem", file: "x.md", body: "---\ntitle: X\n---\nBody\n", wantID: "x", wantTitle: "X"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := notice.Parse(tt.file, []byte(tt.body))
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, n.ID)
			assert.Equal(t, tt.wantTitle, n.Title)
			assert.Equal(t, tt.wantOrg, n.Organisation)
			assert.Equal(t, tt.wantUpdated, n.UpdatedString())
		})
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, file, body, wantMsg string
		wantLine                  int
	}{
		{"unclosed front matter", "a.md", "---\ntitle: x\nBody\n", "never closed", 1},
		{"broken yaml", "b.md", "---\nid: b\ntitle: x\n  bad: : y\n---\nBody\n", "front matter", 4},
		{"bad date", "c.md", "---\nid: c\nupdated: someday\n---\nBody\n", "not a date", 3},
		{"binary junk", "d.txt", "Title\n\x00\x01\x02", "binary", 2},
		{"invalid utf-8", "e.txt", "Title\nok\n\xff\xfe\n", "UTF-8", 3},
		{"empty", "f.md", "---\nid: f\n---\n\n", "no text", 0},
		{"bad id", "g.md", "---\nid: ../etc/passwd\n---\nBody\n", "may contain only", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := notice.Parse(tt.file, []byte(tt.body))
			require.Error(t, err)
			var pe *notice.ParseError
			require.True(t, errors.As(err, &pe), "want a ParseError, got %T", err)
			assert.Equal(t, tt.file, pe.File)
			assert.Equal(t, tt.wantLine, pe.Line)
			assert.Contains(t, err.Error(), tt.wantMsg)
			if tt.wantLine > 0 {
				assert.Contains(t, err.Error(), tt.file+":")
			}
		})
	}
}

func TestLoadRejectsDuplicateIDsAndEmptyDirectories(t *testing.T) {
	_, err := notice.Load(fstest.MapFS{
		"a.md": {Data: []byte("---\nid: same\n---\nOne.\n")},
		"b.md": {Data: []byte("---\nid: same\n---\nTwo.\n")},
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "also used by")
	_, err = notice.Load(fstest.MapFS{"notes.csv": {Data: []byte("x")}})
	assert.ErrorIs(t, err, notice.ErrEmptyCorpus)
	_, err = notice.Load(os.DirFS("testdata/broken"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken.md:5")
}

func passagesOf(t *testing.T, id string) []notice.Passage {
	t.Helper()
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	n, ok := c.Notice(id)
	require.True(t, ok)
	return notice.Split(n)
}

func find(ps []notice.Passage, substr string) (notice.Passage, bool) {
	for _, p := range ps {
		if strings.Contains(p.Text, substr) {
			return p, true
		}
	}
	return notice.Passage{}, false
}

func TestSplitKeepsListsWithTheirLeadIn(t *testing.T) {
	ps := passagesOf(t, "mkc-customer-services")
	p, ok := find(ps, "held for 6 years")
	require.True(t, ok)
	assert.Contains(t, p.Text, "We only keep information for as long as it is needed.")
	assert.Contains(t, p.Text, "10 years from when the case was closed")
	assert.Equal(t, []string{"How long we keep hold of information for"}, p.Headings)
	assert.Equal(t, "Milton Keynes Council", p.Organisation)
	assert.Equal(t, "mkc-customer-services", p.NoticeID)
}

func TestSplitQuestionHeadings(t *testing.T) {
	ps := passagesOf(t, "mkc-employment-support")
	p, ok := find(ps, "(3 years)")
	require.True(t, ok)
	assert.Equal(t, []string{"How long do we keep hold of information?"}, p.Headings)
}

func TestSplitTableRowsKeepTheirHeader(t *testing.T) {
	ps := passagesOf(t, "buckinghamshire-privacy-policy")
	p, ok := find(ps, "Erasure | You have the right to ask us to delete")
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(p.Text, "Name of right | What this means\n"), p.Text)
	assert.Equal(t, "Erasure", p.Headings[len(p.Headings)-1])
	assert.Contains(t, p.Section(), "Data rights")
}

func TestSplitKeepsAddressBlocksWhole(t *testing.T) {
	ps := passagesOf(t, "buckinghamshire-privacy-policy")
	p, ok := find(ps, "Maria Damigos")
	require.True(t, ok)
	assert.Contains(t, p.Text, "Data Protection Officer")
	assert.Contains(t, p.Text, "HP20 1UA")
	assert.Contains(t, p.Section(), "1 The name and contact details")
}

// Every line of every bundled notice is in some passage or heading: nothing is lost.
func TestSplitLosesNoText(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	for _, n := range c.Notices {
		var all strings.Builder
		for _, p := range notice.Split(n) {
			all.WriteString(p.Section() + "\n" + p.Text + "\n")
		}
		got := strings.Join(strings.Fields(all.String()), " ")
		for _, line := range strings.Split(n.Body, "\n") {
			line = strings.Join(strings.Fields(line), " ")
			line = strings.TrimLeft(line, "•-| ")
			if line == "" || line == n.Title || strings.Trim(line, "-| ") == "" {
				continue
			}
			for _, cell := range strings.Split(line, "|") {
				if cell = strings.TrimSpace(cell); cell != "" {
					assert.Contains(t, got, cell, "%s lost %q", n.ID, cell)
				}
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Title\nHeading\nText here.\n• bullet\n| a | b |\n---|---|\nx |\ny |\n")
	f.Add("---\nid: x\n---\n")
	f.Fuzz(func(t *testing.T, body string) {
		n, err := notice.Parse("f.md", []byte(body))
		if err != nil {
			return
		}
		for i, p := range notice.Split(n) {
			if p.Position != i || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("passage %d: position %d, text %q", i, p.Position, p.Text)
			}
		}
	})
}

// A council's name typed with a letter or two wrong is offered as a "did you mean"; another name,
// or one as near to two councils, is not.
func TestOrganisationClosest(t *testing.T) {
	c, err := notice.Load(corpus.FS)
	require.NoError(t, err)
	for _, tc := range []struct{ typed, want string }{
		{"Bukcs", "Buckinghamshire Council"},
		{"Buckinghamshre", "Buckinghamshire Council"},
		{"Milton Keyens", "Milton Keynes City Council"},
		{"Miltn Keynes Council", "Milton Keynes City Council"},
		{"Aylesbuy", "Buckinghamshire Council"},
		{"Narnia", ""},
		{"MX", ""},
		{"Northshire District Council", ""},
	} {
		got, ok := c.Organisations.Closest(tc.typed)
		assert.Equal(t, tc.want != "", ok, tc.typed)
		assert.Equal(t, tc.want, got, tc.typed)
	}
}
