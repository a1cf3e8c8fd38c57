package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/eval"
	"github.com/privacybot/privacybot/internal/sqlite"
	"github.com/privacybot/privacybot/internal/transcript"
)

// The DPO's team lists what residents asked that the notices don't answer, and turns it into a
// question set to label: the bot measured on real questions, not only written ones.
func TestTranscriptsListWhatTheNoticesDontAnswer(t *testing.T) {
	data := t.TempDir()
	st, err := sqlite.Open(filepath.Join(data, "privacybot.db"))
	require.NoError(t, err)
	asked := time.Date(2025, 12, 20, 10, 0, 0, 0, time.UTC) // runCLI's clock is 2026-01-01
	require.NoError(t, st.AppendTranscripts(context.Background(), []transcript.Entry{
		{Session: "a", Channel: "web", Role: "resident", Text: "how long do you keep CCTV footage?", At: asked},
		{Session: "a", Channel: "web", Role: "bot", Text: "The privacy notices I have don't answer that", At: asked, Outcome: "abstained"},
		{Session: "b", Channel: "web", Org: "Buckinghamshire Council", Role: "resident", Text: "who is the DPO?", At: asked},
		{Session: "b", Channel: "web", Org: "Buckinghamshire Council", Role: "bot", Text: "Maria Damigos", At: asked, Outcome: "answered"},
		{Session: "d", Channel: "web", Role: "resident", Text: "\x1b[2J\x1b[31mFAKE\x00 line", At: asked},
		{Session: "c", Channel: "web", Role: "resident", Text: "do you keep my bin photos?", At: asked.AddDate(0, 0, -60)},
		{Session: "c", Channel: "web", Role: "bot", Text: "The notices may not answer this exactly.", At: asked.AddDate(0, 0, -60), Outcome: "unsure"},
	}))
	n, err := countUnanswered(context.Background(), st, asked.AddDate(0, 0, -90))
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the Slack digest's count: abstained and unsure, not answered")
	n, err = countUnanswered(context.Background(), st, asked.Add(-time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 1, n, "from the time asked")
	require.NoError(t, st.Close())
	env := map[string]string{"PRIVACYBOT_DATA": data, "PRIVACYBOT_TRANSCRIPT_DAYS": "90"}

	code, stdout, stderr := runCLI(t, env, "transcripts")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "abstained")
	assert.Contains(t, stdout, "who is the DPO?")
	assert.NotContains(t, stdout, "bin photos", "older than 30 days")
	assert.Contains(t, stdout, `\u001b[2J\u001b[31mFAKE\u0000 line`, "a control character typed is shown, never sent to the terminal")
	assert.NotContains(t, stdout, "\x1b")

	code, stdout, stderr = runCLI(t, env, "transcripts", "--since", "2025-01-01", "--outcome", "abstained,unsure", "--jsonl")
	require.Equal(t, exitOK, code, stderr)
	qs, err := eval.Load(strings.NewReader(stdout))
	require.NoError(t, err, "the lines are a question set eval reads")
	var got []string
	for _, q := range qs {
		got = append(got, q.Question)
	}
	assert.ElementsMatch(t, []string{"how long do you keep CCTV footage?", "do you keep my bin photos?"}, got)
	assert.Contains(t, stdout, `"bot_outcome":"abstained"`)

	// A question keeps its id whatever the filters, so exports can be added together.
	idOf := func(args ...string) map[string]string {
		t.Helper()
		code, out, errOut := runCLI(t, env, append([]string{"transcripts", "--since", "2025-01-01", "--jsonl"}, args...)...)
		require.Equal(t, exitOK, code, errOut)
		qs, err := eval.Load(strings.NewReader(out))
		require.NoError(t, err)
		ids := map[string]string{}
		for _, q := range qs {
			ids[q.Question] = q.ID
		}
		return ids
	}
	all, unanswered := idOf(), idOf("--outcome", "abstained,unsure")
	assert.Equal(t, all["how long do you keep CCTV footage?"], unanswered["how long do you keep CCTV footage?"])
	assert.Equal(t, all["do you keep my bin photos?"], unanswered["do you keep my bin photos?"])
	assert.NotEqual(t, all["how long do you keep CCTV footage?"], all["who is the DPO?"])

	for _, bad := range [][]string{{"--since", "last week"}, {"--outcome", "ignored"}} {
		code, _, stderr = runCLI(t, env, append([]string{"transcripts"}, bad...)...)
		assert.Equal(t, exitUsage, code, bad)
		assert.NotEmpty(t, stderr)
	}
}

// Lines older than PRIVACYBOT_TRANSCRIPT_DAYS are deleted before the transcripts are listed, as
// serve deletes them every hour: with no server running, the command showed them (a QA pass),
// past the period the bot's own notice promises, whatever --since asked.
func TestTranscriptsPastTheirDaysAreDeletedNotListed(t *testing.T) {
	data := t.TempDir()
	st, err := sqlite.Open(filepath.Join(data, "privacybot.db"))
	require.NoError(t, err)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) // runCLI's clock
	require.NoError(t, st.AppendTranscripts(context.Background(), []transcript.Entry{
		{Session: "old", Channel: "web", Role: "resident", Text: "do you keep my bin photos?", At: now.AddDate(0, 0, -40)},
		{Session: "new", Channel: "web", Role: "resident", Text: "who is the DPO?", At: now.AddDate(0, 0, -3)},
	}))
	require.NoError(t, st.Close())
	env := map[string]string{"PRIVACYBOT_DATA": data} // kept 30 days

	code, stdout, stderr := runCLI(t, env, "transcripts", "--since", "2025-01-01")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "who is the DPO?")
	assert.NotContains(t, stdout, "bin photos")

	st, err = sqlite.Open(filepath.Join(data, "privacybot.db"))
	require.NoError(t, err)
	defer st.Close()
	left, err := st.TranscriptsSince(context.Background(), now.AddDate(-1, 0, 0))
	require.NoError(t, err)
	require.Len(t, left, 1, "deleted, not only hidden")
	assert.Equal(t, "new", left[0].Session)
}
