package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/answer"
	"github.com/privacybot/privacybot/internal/dpo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// askJSON runs `ask --json` and decodes its answer.
func askJSON(t *testing.T, args ...string) (int, answer.Answer, string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, append([]string{"ask", "--json"}, args...)...)
	var ans answer.Answer
	if stdout != "" {
		require.NoError(t, json.Unmarshal([]byte(stdout), &ans), stdout)
	}
	return code, ans, stderr
}

// The `ask --json` output is a contract: the golden files show every key, and changes to them
// are reviewed (go test ./cmd/privacybot -run TestAskJSONGolden -update rewrites them).
func TestAskJSONGolden(t *testing.T) {
	keys := []string{`"question"`, `"answer"`, `"abstained"`, `"citations"`, `"n"`, `"notice"`, `"title"`,
		`"organisation"`, `"section"`, `"excerpt"`, `"source"`, `"updated"`, `"score"`, `"request"`, `"safeguarding"`, `"mode"`, `"hedged"`}
	for _, tt := range []struct {
		question, golden string
		keys             []string
	}{
		{"How long do you keep complaint records?", "ask-complaints.golden.json", keys},
		// Asked again respelt: the question as typed, how it was read, unsure with the contact.
		{"how lng do u kepp complant records", "ask-respelt.golden.json", append(slices.Clone(keys), `"read_as"`, `"contact"`, `"contacts"`)},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, "ask", "--json", tt.question)
			require.Equal(t, exitOK, code, stderr)
			golden := filepath.Join("testdata", tt.golden)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			// Scores move whenever ranking is tuned; the golden file pins everything else.
			assert.JSONEq(t, withoutScores(t, string(want)), withoutScores(t, stdout))
			for _, key := range tt.keys {
				assert.Contains(t, stdout, key)
			}
		})
	}
}

func TestAskDoneMeans(t *testing.T) {
	t.Run("complaint records: 6 years, and 10 for the Ombudsman", func(t *testing.T) {
		code, ans, _ := askJSON(t, "How long do you keep complaint records?")
		require.Equal(t, exitOK, code)
		require.False(t, ans.Abstained)
		require.NotEmpty(t, ans.Citations)
		assert.Equal(t, "mkc-customer-services", ans.Citations[0].Notice)
		assert.Contains(t, ans.Citations[0].Excerpt, "6 years")
		assert.Contains(t, ans.Answer, "10 years")
		assert.Contains(t, ans.Answer, "Ombudsman")
	})
	t.Run("Buckinghamshire's DPO is named", func(t *testing.T) {
		code, ans, _ := askJSON(t, "Who is the data protection officer?", "--org", "Buckinghamshire Council")
		require.Equal(t, exitOK, code)
		assert.Contains(t, ans.Answer, "Maria Damigos")
		for _, c := range ans.Citations {
			assert.Equal(t, "Buckinghamshire Council", c.Organisation)
		}
	})
	t.Run("Milton Keynes gives its own contact", func(t *testing.T) {
		code, ans, _ := askJSON(t, "Who is the data protection officer?", "--org", "Milton Keynes Council")
		require.Equal(t, exitOK, code)
		assert.Contains(t, ans.Answer, "01908 254900")
		assert.NotContains(t, ans.Answer, "Maria Damigos")
	})
	t.Run("unscoped, it says which council is which", func(t *testing.T) {
		code, ans, _ := askJSON(t, "Who is the data protection officer?")
		require.Equal(t, exitOK, code)
		assert.Contains(t, ans.Answer, "Maria Damigos")
		assert.Contains(t, ans.Answer, "Buckinghamshire Council")
		assert.Contains(t, ans.Answer, "Milton Keynes")
	})
	t.Run("CCTV is not covered: abstain with a contact", func(t *testing.T) {
		code, ans, _ := askJSON(t, "How long do you keep CCTV footage?")
		assert.Equal(t, exitNoMatch, code)
		assert.True(t, ans.Abstained)
		require.NotNil(t, ans.Contact)
		assert.NotEmpty(t, ans.Contact.Text)
		assert.NotContains(t, ans.Answer, "[email")
	})
	t.Run("a stale notice is flagged", func(t *testing.T) {
		_, ans, _ := askJSON(t, "how many days does the council have to answer a request for my records", "--notice", "mkc-website-privacy-statement")
		if !ans.Abstained {
			require.NotEmpty(t, ans.Stale)
			assert.Equal(t, "last updated 17 May 2018", ans.Stale[0].Note)
			assert.Contains(t, ans.Answer, "17 May 2018")
		}
	})
}

// `ask --explain` tells a maintainer why the bot answered or abstained: the words it weighed,
// those no notice uses, the sentences it considered, and the decision.
func TestAskExplain(t *testing.T) {
	t.Run("an answer shows the sentence that answers", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, nil, "ask", "--explain", "--json", "How long do you keep complaint records?")
		require.Equal(t, exitOK, code, stderr)
		var ex answer.Explanation
		require.NoError(t, json.Unmarshal([]byte(stdout), &ex), stdout)
		assert.Equal(t, "answered", ex.Decision)
		require.NotEmpty(t, ex.Candidates)
		assert.Contains(t, ex.Candidates[0].Text, "6 years")
		assert.False(t, ex.Answer.Abstained)
	})
	t.Run("an abstention says why, naming the word no notice uses", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, nil, "ask", "--explain", "How long do you keep CCTV footage?")
		require.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stdout, "decision:   abstained")
		assert.Regexp(t, `(?m)^\s+cctv\s.*unseen`, stdout)
	})
}

func TestAskBadInput(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no question", []string{"ask"}, exitUsage, "give a question"},
		{"blank question", []string{"ask", "   "}, exitUsage, "empty"},
		{"100 KB question", []string{"ask", strings.Repeat("how long do you keep records ", 3500)}, exitUsage, "longer than"},
		{"unknown organisation", []string{"ask", "who is the DPO?", "--org", "Atlantis"}, exitUsage, `I don't know "Atlantis"`},
		{"unknown notice", []string{"ask", "who is the DPO?", "--notice", "nope"}, exitUsage, `--notice: I don't know "nope"; privacybot notices lists`},
		{"another council's notice", []string{"ask", "how long do you keep complaints?", "--org", "Bucks", "--notice", "mkc-customer-services"},
			exitUsage, `--notice: "mkc-customer-services" is Milton Keynes City Council's notice, not Buckinghamshire Council's`},
		{"bad k", []string{"ask", "q", "-k", "0"}, exitUsage, "-k"},
		{"unknown flag", []string{"ask", "q", "--bogus"}, exitUsage, "bogus"},
		{"missing corpus", []string{"ask", "q", "--corpus", "/nonexistent/dir"}, exitFailure, "corpus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, nil, tt.args...)
			assert.Equal(t, tt.wantCode, code)
			assert.Contains(t, stderr, tt.wantErr)
		})
	}
	t.Run("a few control characters get a graceful answer", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, nil, "ask", "\x00\x01 junk \x1b[31m")
		assert.Contains(t, []int{exitOK, exitNoMatch}, code, stderr)
		assert.NotEmpty(t, stdout)
	})
	// Mostly bytes that are no text: said so, as a usage error, not answered (a QA pass).
	t.Run("binary junk is said to be no question", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, nil, "ask", "\x00\x01\xff\xfe\x7f junk \x1b[31m")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, "that doesn't look like a question (it is mostly unreadable characters)")
		assert.Empty(t, stdout)
	})
	t.Run("a broken notice is named with its line", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\nid: bad\ntitle: x\n  oops: : y\n---\nText.\n"), 0o644))
		code, _, stderr := runCLI(t, nil, "ask", "q", "--corpus", dir)
		assert.Equal(t, exitFailure, code)
		assert.Contains(t, stderr, "bad.md:4")
	})
}

func TestSearchAndNotices(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "search", "complaints retention", "--json", "-k", "3")
	require.Equal(t, exitOK, code, stderr)
	var hits []searchHit
	require.NoError(t, json.Unmarshal([]byte(stdout), &hits))
	require.Len(t, hits, 3)
	assert.GreaterOrEqual(t, hits[0].Score, hits[1].Score)

	// The text says whose notice each passage is: two councils' notices share titles.
	code, stdout, _ = runCLI(t, nil, "search", "complaints retention", "-k", "3")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Milton Keynes Council — Customer services team privacy notice")

	code, stdout, _ = runCLI(t, nil, "notices")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "mkc-website-privacy-statement")
	assert.Contains(t, stdout, "2018-05-17")
}

// A misspelt council is a usage error naming the councils there are, as chat's /org says.
func TestAskAndSearchNameTheCouncilsForAnUnknownOne(t *testing.T) {
	for _, cmd := range []string{"ask", "search"} {
		code, _, stderr := runCLI(t, nil, cmd, "who is the data protection officer?", "--org", "Narnia")
		assert.Equal(t, exitUsage, code, cmd)
		assert.Contains(t, stderr, `I don't know "Narnia"; the organisations are Buckinghamshire Council, Milton Keynes City Council`, cmd)
	}
}

func TestIndexBuildThenOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	code, stdout, stderr := runCLI(t, nil, "index", "build", "--out", dir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "passages")
	code, stdout, stderr = runCLI(t, nil, "index", "stats", "--index", dir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, dir)
	assert.NotContains(t, stderr, "rebuilt", "a fresh index is not stale")

	// Another corpus makes the persisted index stale: it is rebuilt, and answers from the new one.
	corpusDir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(corpusDir, "cctv.txt"), []byte("CCTV notice\nHow long we keep footage\nCCTV footage is kept for 31 days.\n"), 0o644))
	code, stdout, stderr = runCLI(t, nil, "ask", "how long is cctv footage kept?", "--index", dir, "--corpus", corpusDir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "rebuilt")
	assert.Contains(t, stdout, "31 days")
}

// An adviser's chat, piped: a question, a follow-up, /sources, then a caller's request taken in
// and put on the queue with its reference.
func TestChatPiped(t *testing.T) {
	data := t.TempDir()
	input := strings.Join([]string{
		"how long do you keep complaint records?",
		"and for service requests?",
		"/sources",
		"/org Bucks",
		"who is the data protection officer?",
		"/sources",
		"/org",
		"I want a copy of all the information you hold about me",
		"Milton Keynes",
		"Jane Smith",
		"jane@example.com",
		"skip",
		"my housing records",
		"yes",
		"/quit",
	}, "\n") + "\n"
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(input), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return map[string]string{"PRIVACYBOT_DATA": data}[k] },
		Now:    func() time.Time { return time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC) }}
	code := Main(context.Background(), app, []string{"chat"})
	out := stdout.String()
	require.Equal(t, exitOK, code, stderr.String())
	assert.Contains(t, out, "6 years")
	assert.Contains(t, out, "3 years", "the follow-up keeps the topic")
	assert.Contains(t, out, "We only keep information for as long as it is needed.", "/sources prints the whole passage")
	assert.Contains(t, out, "Maria Damigos")
	assert.Contains(t, out, "not an address to give a caller", "/sources warns of the address the captured page lost")
	assert.Contains(t, out, "No identity documents are taken here") // said to the adviser, about the requester
	assert.Contains(t, out, "What is the requester's full name?")
	assert.NotContains(t, out, "What is your full name?")
	assert.Contains(t, out, "DPO-2026-000001")
	assert.Contains(t, out, "Monday 5 October 2026", "received 3 September 2026: due 3 October, a Saturday")

	code, stdout2, stderr2 := runCLI(t, map[string]string{"PRIVACYBOT_DATA": data}, "queue", "show", "DPO-2026-000001", "--json")
	require.Equal(t, exitOK, code, stderr2)
	assert.Contains(t, stdout2, "Jane Smith")
	assert.Contains(t, stdout2, `"channel": "phone"`, "the adviser's chat is a phone call")
	assert.Contains(t, stdout2, `"organisation": "Milton Keynes City Council"`, "/org alone lets the request name its council")
}

// An adviser logs a caller's spoken request with /request: a phone request, stamped with the
// time of the call.
func TestChatRequestCommand(t *testing.T) {
	data := t.TempDir()
	input := "/request erasure\nMilton Keynes\nSam Jones\n01908 123456\nskip\nskip\nplease delete my old housing file\nyes\n"
	chatted := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC), input)
	assert.Contains(t, chatted, "Right to erasure")
	assert.Contains(t, chatted, "DPO-2026-000001")

	code, out, errOut := runCLI(t, map[string]string{"PRIVACYBOT_DATA": data}, "queue", "show", "DPO-2026-000001", "--json")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, `"channel": "phone"`)
	assert.Contains(t, out, `"type": "erasure"`)
	assert.Contains(t, out, "2026-01-31T23:30:00Z", "received at the time of the call")
	assert.Contains(t, chatted, "needs to know what the request is about", "the details are asked for, not skipped")
	assert.Contains(t, out, `"description": "please delete my old housing file"`, "the adviser's command is not the caller's words")

	// A note is dated when it is added: --at is for status changes.
	code, _, errOut = runCLI(t, map[string]string{"PRIVACYBOT_DATA": data}, "queue", "update", "DPO-2026-000001", "--note", "called them", "--at", "2026-01-31")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--at dates a status change")
}

// An adviser scoped to Buckinghamshire logs a caller who meant Milton Keynes: the request goes to
// Milton Keynes, and the adviser's /org stays, whose notices answer the next question (a QA pass:
// told to cancel, and a "yes" filed it with Buckinghamshire). The scope is the adviser's desk,
// kept across callers: one caller's slip is no reason to change it unasked.
func TestChatScopedAdviserMovesARequestToTheCouncilMeant(t *testing.T) {
	data := t.TempDir()
	input := "/org Bucks\n/request access\nAnn Lee\nann@example.com\nskip\nher housing file\nactually I meant Milton Keynes\nyes\nwho is the data protection officer?\n"
	chatted := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC), input)
	assert.Contains(t, chatted, "I've changed the council to Milton Keynes City Council. (Questions in this chat are still answered from Buckinghamshire Council's notices.)")
	assert.Contains(t, chatted, "DPO-2026-000001")
	_, after, _ := strings.Cut(chatted, "DPO-2026-000001")
	assert.Contains(t, after, "Maria Damigos", "the next question is still answered from Buckinghamshire's notices")
	assert.NotContains(t, after, "— Milton Keynes City Council —", "and from no other council's")

	code, out, errOut := runCLI(t, map[string]string{"PRIVACYBOT_DATA": data}, "queue", "show", "DPO-2026-000001", "--json")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, `"organisation": "Milton Keynes City Council"`)
}

// withoutScores zeroes the citations' scores (after checking the first, a retrieved passage's,
// is positive: a data protection contact cited after the quotes has none).
func withoutScores(t *testing.T, js string) string {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(js), &v))
	cits, _ := v["citations"].([]any)
	for i, c := range cits {
		m := c.(map[string]any)
		if i == 0 {
			assert.Greater(t, m["score"], 0.0)
		}
		m["score"] = 0.0
	}
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return string(out)
}

func TestEvalJSONKeys(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(
		`{"id":"a","question":"How long do you keep complaint records?","notices":["mkc-customer-services"],"answer_contains":["6 years"],"unanswerable":false,"extra":"ignored"}`+"\n"+
			`{"id":"b","question":"How long do you keep CCTV footage?","notices":[],"answer_contains":[],"unanswerable":true}`+"\n"+
			`{"id":"c","question":"please delete all my data","request":"erasure"}`+"\n"), 0o644))
	code, stdout, stderr := runCLI(t, nil, "eval", "--questions", file, "--json")
	require.Equal(t, exitOK, code, stderr)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	for _, k := range []string{"recall_at_1", "recall_at_3", "recall_at_5", "mrr", "answer_accuracy", "abstain_precision",
		"abstain_recall", "questions", "misses", "intent_accuracy", "actionable_accuracy", "unsure_answers", "unsure_right", "unsure_unanswerable"} {
		assert.Contains(t, rep, k)
	}
	assert.Equal(t, 2.0, rep["questions"], "a question with only a request counts toward intent only")
	assert.Equal(t, 1.0, rep["answer_accuracy"])
	assert.Equal(t, 1.0, rep["abstain_recall"])
	assert.Equal(t, 1.0, rep["intent_accuracy"])

	code, stdout, stderr = runCLI(t, nil, "eval", "--questions", file, "--totals")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "answer accuracy")
	assert.NotContains(t, stdout, "misses", "--totals never shows what a held-out set misses")
	assert.NotContains(t, stdout, "How long do you keep")

	code, _, stderr = runCLI(t, nil, "eval")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--questions")
}

// eval --conversations says each line's turns in one session: the follow-up is answered about
// what the turn before asked, and a bad line is named.
func TestEvalConversations(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(
		`{"id":"c1","turns":[{"say":"How long do you keep complaint records?","notices":["mkc-customer-services"],"answer_contains":["6 years"]},`+
			`{"say":"and for service requests?","notices":["mkc-customer-services"],"answer_contains":["3 years"]},`+
			`{"say":"and CCTV footage?","unanswerable":true}]}`+"\n"), 0o644))
	code, stdout, stderr := runCLI(t, nil, "eval", "--conversations", file, "--json")
	require.Equal(t, exitOK, code, stderr)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	for _, k := range []string{"conversations", "turns", "follow_ups", "right", "follow_ups_right", "answer_accuracy",
		"follow_up_accuracy", "abstain_precision", "abstain_recall", "misses"} {
		assert.Contains(t, rep, k)
	}
	assert.Equal(t, 3.0, rep["turns"])
	assert.Equal(t, 3.0, rep["right"], stdout)
	assert.Equal(t, 2.0, rep["follow_ups_right"])

	require.NoError(t, os.WriteFile(file, []byte(`{"id":"c1","turns":[{"say":"who is the dpo?"}]}`+"\n"), 0o644))
	code, _, stderr = runCLI(t, nil, "eval", "--conversations", file)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "line 1: turn 1 has neither notices and answer_contains nor unanswerable")

	code, _, stderr = runCLI(t, nil, "eval", "--conversations", file, "--sweep")
	assert.Equal(t, exitUsage, code, stderr)
}

// A one-off bank holiday in PRIVACYBOT_HOLIDAYS moves the due date of cases on the queue, as it
// does the deadline command's.
func TestQueueDueDatesUseTheHolidaysFile(t *testing.T) {
	data := t.TempDir()
	holidays := filepath.Join(data, "holidays.yaml")
	// Received Thursday 3 September 2026: due Saturday 3 October, moved to Monday 5 October —
	// which this file makes a holiday, so Tuesday 6 October.
	require.NoError(t, os.WriteFile(holidays, []byte("holidays:\n  - date: 2026-10-05\n    name: Imaginary holiday\n"), 0o600))
	env := map[string]string{"PRIVACYBOT_DATA": data, "PRIVACYBOT_HOLIDAYS": holidays}
	input := "/request access\nMilton Keynes\nSam Jones\nsam@example.com\nskip\nmy records\nyes\n"
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(input), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC) }}
	require.Equal(t, exitOK, Main(context.Background(), app, []string{"chat"}), stderr.String())
	assert.Contains(t, stdout.String(), "(by Tuesday 6 October 2026)", "the intake says the due date the case will have")
	assert.Contains(t, stdout.String(), "must respond by Tuesday 6 October 2026")

	code, out, errOut := runCLI(t, env, "queue", "show", "DPO-2026-000001", "--json")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "2026-10-06")

	// The adviser's warning reads the same calendar: a letter of Friday 6 November 2026 is due
	// Monday 7 December, which the file makes a holiday, so it is not due today (a review: the
	// warning read the built-in calendar alone).
	require.NoError(t, os.WriteFile(holidays, []byte("holidays:\n  - date: 2026-12-07\n    name: Imaginary holiday\n"), 0o600))
	late := chatSession(t, env, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), "/request access --received 2026-11-06 --via post\n/quit\n/quit\n")
	assert.NotContains(t, late, "due today")
	assert.Contains(t, late, "(by Tuesday 8 December 2026)")
}

// An adviser asked how long the council has to reply reads out what the law says now, beside
// a notice's out-of-date "40 calendar days".
func TestAskHowLongToRespondGivesTheCurrentRule(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "ask", "How long do you have to respond to a subject access request?")
	require.Contains(t, []int{exitOK, exitNoMatch}, code, errOut)
	assert.Contains(t, out, "must respond within one calendar month")
}

// A letter or a voicemail logged days later is logged with the day it reached the council: its
// month runs from then. Two of one day are two requests.
func TestChatRequestReceivedEarlier(t *testing.T) {
	data := t.TempDir()
	letter := "Milton Keynes\nSam Jones\n01908 123456\nskip\nskip\nplease delete my old housing file\nyes\n"
	input := "/request erasure --received 2026-12-10\n/request erasure --received 4 Dec\n/request erasure --received 2016-12-04\n/request erasure --received 0001-01-01\n" +
		"/request erasure --received 2026-12-04 --received 2026-12-03\n/request erasure --via fax\n/request erasure --received=2026-12-04 --via post\n" + letter +
		"/request access --received 2026-12-04 --via e-mail\n" + strings.Replace(letter, "Sam Jones", "Kim Lee", 1)
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
	assert.Contains(t, out, "2026-12-10 is in the future")
	assert.Contains(t, out, `"4" is not a date like 2026-12-04`)
	assert.Contains(t, out, "2016-12-04 is more than a year ago; check the year")
	assert.Contains(t, out, "0001-01-01 is more than a year ago")
	assert.Contains(t, out, "--received is given twice")
	assert.Contains(t, out, `--via: "fax" is not phone, post or email.`)
	assert.NotContains(t, out, "overdue already", "a letter of last Friday is in time")

	// The right must be named, once: taken for access, a forgotten "erasure" was filed as the
	// wrong right (a QA pass).
	noType := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/request --received 2026-12-04 --via post\n/request access erasure\n/quit\n")
	assert.Contains(t, noType, "Which right is the request? /request TYPE")
	assert.Contains(t, noType, "names two rights (access, erasure)")
	guessed := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/request delete\n/request copy\n/request subject access\n/quit\n")
	assert.Contains(t, guessed, "did you mean /request erasure?")
	assert.Contains(t, guessed, `"subject access": did you mean /request access?`)
	assert.Contains(t, guessed, "did you mean /request access?")
	assert.NotContains(t, noType, "It sounds like you want to make a request")

	late := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/request access --received 2026-07-04 --via post\n"+letter+"/quit\n")
	assert.Contains(t, late, "this request was due by Tuesday 4 August 2026 and is overdue already", "the adviser is told at once")
	// and again when it is logged, not read "must respond by" a day gone by (a QA pass)
	assert.Contains(t, late, "The council had to respond by Tuesday 4 August 2026, so the request is overdue already: tell the data protection team now.")
	assert.NotContains(t, late, "must respond by Tuesday 4 August 2026")
	assert.NotContains(t, late, "which restarts that month", "no ID check moves a date gone by")
	// A letter logged on its last day is said to be due today.
	today := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/request access --received 2026-11-06 --via post\n/quit\n/quit\n")
	assert.Contains(t, today, "this request is due today; tell the data protection team now")
	assert.Contains(t, out, "DPO-2026-000001")
	assert.Contains(t, out, "DPO-2026-000002", "a second letter of the same day is a second request")

	for _, ref := range []string{"DPO-2026-000001", "DPO-2026-000002"} {
		code, out, errOut := runCLI(t, map[string]string{"PRIVACYBOT_DATA": data}, "queue", "show", ref, "--json")
		require.Equal(t, exitOK, code, errOut)
		var got struct{ Case dpo.Case }
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		assert.Equal(t, "2026-12-04", got.Case.Received.In(queueLondon()).Format(time.DateOnly), "received the day the letter came")
		assert.Equal(t, "2027-01-04", got.Case.Due.Format(time.DateOnly), "a month from Friday 4 December, not from Monday")
		if ref == "DPO-2026-000001" {
			assert.Equal(t, dpo.ChannelPost, got.Case.Channel, "a letter came by post")
		}
		if ref == "DPO-2026-000002" {
			assert.Equal(t, dpo.ChannelEmail, got.Case.Channel, `"--via e-mail" is email`)
		}
	}
}

// The adviser's chat never resumes a conversation the service lost: an "ok" as its first line, or
// after a request was filed, or after /new, gets a reply, never "that conversation had ended …
// nothing was sent", which had advisers filing requests twice.
func TestChatOKIsNotAnEndedConversation(t *testing.T) {
	for name, input := range map[string]string{
		"first line":      "ok\n",
		"after a request": "/request access\nBuckinghamshire\nIvy Lee\nivy@example.com\nskip\ncopy of everything\nyes\nyes\nok\n",
		"after /new":      "how long do you keep complaint records?\n/new\nyes\n",
		"after /org":      "/org Bucks\nskip\n",
	} {
		t.Run(name, func(t *testing.T) {
			out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
			assert.NotContains(t, out, "had ended")
		})
	}
}

// /sources after "the notices don't answer that" shows the passages of the contacts it gave, not
// their headings over blanks; a citation that carries no passage shows what it quoted.
func TestChatSourcesAfterAnAbstention(t *testing.T) {
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"how long do you keep housing records\n/sources\n")
	require.Contains(t, out, "don't answer that")
	sources := out[strings.LastIndex(out, "> [1]"):]
	assert.Contains(t, sources, "Maria Damigos", "the passage under [1]")
	assert.NotContains(t, sources, "\n\n\n", "no heading over a blank passage")

	var buf bytes.Buffer
	printSources(&buf, []answer.Citation{{N: 1, Title: "Privacy policy", Organisation: "Buckinghamshire Council", Section: "Contact", Excerpt: "Data Protection Officer, Walton Street"}})
	assert.Contains(t, buf.String(), "[1] Privacy policy — Buckinghamshire Council — Contact\nData Protection Officer, Walton Street\n")
}

// A caller's details in the adviser's chat may run past a question's 2,000 characters, up to a
// request's 5,000; past that the chat says how long they may be and asks again.
func TestChatTakesLongDetails(t *testing.T) {
	long := strings.Repeat("every record about my housing repairs ", 70) // 2,660 characters
	input := "/request access\nBuckinghamshire\nIvy Lee\nivy@example.com\nskip\n" + strings.Repeat("x", 5001) + "\n" + long + "\nyes\n"
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
	assert.Contains(t, out, "the details are too long (at most 5,000 characters)")
	assert.NotContains(t, out, "the question is longer")
	assert.Contains(t, out, "DPO-2026-000001")
}

// A line too long to read (QA piped 1.1 MB) is refused, and the chat reads on: the request being
// taken is not dropped with the program.
func TestChatReadsOnPastAnOverlongLine(t *testing.T) {
	huge := strings.Repeat("x", 1_100_000)
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		huge+"\n/request access\nBuckinghamshire\nIvy Lee\n"+huge+"\nivy@example.com\nskip\nmy housing file\nyes\n")
	assert.Equal(t, 2, strings.Count(out, "That line is too long"), "each over-long line is refused")
	assert.Contains(t, out, "That line is too long (over 1 MiB), so none of it was taken.\nHow should the data protection team contact the requester?", "the step is asked again")
	assert.Contains(t, out, "DPO-2026-000001")
	assert.NotContains(t, out, "xxxx")
}

// /new starts the next caller's conversation: the last caller's request and topic don't carry
// over to them.
func TestChatNewCaller(t *testing.T) {
	data := t.TempDir()
	input := "/request erasure\nMilton Keynes\nSam Jones\n01908 123456\nskip\nskip\nplease delete my old housing file\nyes\n" +
		"/new\nhow long will it take?\n"
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
	require.Contains(t, out, "DPO-2026-000001")
	require.Contains(t, out, "Next caller")
	after := out[strings.Index(out, "Next caller"):]
	assert.NotContains(t, after, "DPO-2026-000001", "the next caller is not told the last caller's request")
}

// /new mid-request starts the next caller afresh: the request half taken is said to be unsent,
// and the next caller's words are a new conversation's, not its answers (an adviser's QA pass:
// /new was refused, and the next caller's question taken for the council).
func TestChatNewCallerMidRequest(t *testing.T) {
	data := t.TempDir()
	input := "/request access\n/new\nhow long do you keep complaint records?\n"
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
	require.Contains(t, out, "The request being taken was NOT sent")
	after := out[strings.Index(out, "Next caller"):]
	assert.Contains(t, after, "6 years", "the next caller's question is answered")
	assert.NotContains(t, after, "Which council", "no step of the last caller's request is asked")
}

// A /request typed while one is being taken is refused, not started over it (the first would be
// lost unsent); /new keeps the adviser's council and says so.
func TestChatOneRequestAtATime(t *testing.T) {
	data := t.TempDir()
	input := "/org Milton Keynes\n/request access\nSam Jones\n/request erasure\n07700 900123\nskip\nmy housing file\nyes\n/new\n"
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": data}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), input)
	assert.Contains(t, out, "A request is being taken: finish it, or type \"cancel\", before logging another.")
	assert.Contains(t, out, "DPO-2026-000001", "the first request is sent")
	assert.NotContains(t, out, "DPO-2026-000002")
	assert.Contains(t, out, "still answering from Milton Keynes City Council's notices")
}

// chatSession runs privacybot chat at now with the environment env on input, and returns what it
// printed; the chat must end well.
func chatSession(t *testing.T, env map[string]string, now time.Time, input string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(input), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return now }}
	require.Equal(t, exitOK, Main(context.Background(), app, []string{"chat"}), stderr.String())
	return stdout.String()
}

func TestReadLine(t *testing.T) {
	type read struct {
		line    string
		tooLong bool
	}
	tests := []struct {
		name, input string
		want        []read
	}{
		{"lines", "ok\nyes\n", []read{{"ok", false}, {"yes", false}}},
		{"a Windows line ending", "ok\r\n", []read{{"ok", false}}},
		{"the last line without a line break", "ok\nyes", []read{{"ok", false}, {"yes", false}}},
		{"a line at the limit", "12345678\n", []read{{"12345678", false}}},
		{"a line over the limit, then one within it", "123456789\nok\n", []read{{"", true}, {"ok", false}}},
		{"a line over the buffer and the limit", strings.Repeat("x", 100) + "\nok", []read{{"", true}, {"ok", false}}},
		{"the last line over the limit", "ok\n123456789", []read{{"ok", false}, {"", true}}},
		{"an empty line", "\nok\n", []read{{"", false}, {"ok", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bufio.NewReaderSize(strings.NewReader(tt.input), 16) // the smallest buffer: lines span several reads
			var got []read
			for {
				line, tooLong, err := readLine(r, 8)
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				got = append(got, read{line, tooLong})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// A caller's question and request in one line: the adviser gets the answer, and the command that
// logs the request, not the request's first step in place of the answer (a QA pass).
func TestChatAnswersTheQuestionOfAQuestionAndARequest(t *testing.T) {
	for _, tc := range []struct{ line, answer, request string }{
		{"Who do you share data with? Caller wants it deleted.", "Who we share information with", "erasure"},
		// A question the whole line reads as, with the request in its own sentence (a QA pass of
		// advisers: the request was dropped without a word).
		{"How long do you keep complaint records? Please delete my data.", "6 years", "erasure"},
		{"who is the DPO? I want a copy of my data", "Data Protection", "access"},
	} {
		out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
			"/org Milton Keynes\n"+tc.line+"\n/quit\n")
		assert.Contains(t, out, tc.answer, tc.line)
		assert.Contains(t, out, "log it with /request "+tc.request, tc.line)
		assert.NotContains(t, out, "full name?", tc.line)
	}
}

// A caller's question the web would answer and offer to take as a request ("what do you hold about
// me?", then "say yes" to the copy) was only answered in the adviser's chat (a QA pass): the
// adviser is given the command that logs it, as for a request asked beside a question. Not for a
// question that offers nothing.
func TestChatGivesTheCommandForTheRequestAQuestionOffers(t *testing.T) {
	for _, tc := range []struct{ line, answer, request string }{
		{"what do you hold about me", "What information do we hold", "access"},
		{"how do I make a subject access request?", "", "access"},
	} {
		out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
			"/org Milton Keynes\n"+tc.line+"\n/quit\n")
		assert.Contains(t, out, tc.answer, tc.line)
		assert.Contains(t, out, "log it with /request "+tc.request, tc.line)
		assert.NotContains(t, out, "full name?", tc.line)
		assert.NotContains(t, out, `say "yes"`, tc.line)
	}
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/org Milton Keynes\nwho is the data protection officer?\n/quit\n")
	assert.NotContains(t, out, "/request ")
}
