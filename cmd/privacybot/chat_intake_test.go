package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/dpo"
)

// An adviser's /request asks again for a contact that is no contact ("no, it is for me" was filed
// as the caller's postal address, a QA pass), and the case holds the one given next.
func TestChatRequestAsksAgainForAContactThatIsNoAddress(t *testing.T) {
	env := map[string]string{"PRIVACYBOT_DATA": t.TempDir()}
	out := chatSession(t, env, time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC),
		"/request access\nMilton Keynes\nSam Jones\nno, it is for me\nsam@example.com\nskip\nmy records\nyes\n")
	assert.Contains(t, out, "That doesn't look like an e-mail address, a phone number or a postal address.")
	assert.NotContains(t, out, "Contact: no, it is for me")

	code, shown, errOut := runCLI(t, env, "queue", "show", "DPO-2026-000001", "--json")
	require.Equal(t, exitOK, code, errOut)
	var got struct {
		Case dpo.Case `json:"case"`
	}
	require.NoError(t, json.Unmarshal([]byte(shown), &got), shown)
	assert.Equal(t, dpo.Contact{Kind: dpo.ContactEmail, Value: "sam@example.com"}, got.Case.Requester.Contact)
}

// The adviser's commands say what was mistyped and what was meant (a QA pass): a misspelt flag
// is a flag, not a request type; a misspelt council gets a "did you mean"; "e-mail", as the
// README writes it, is email; a request dated --received without --via is asked how it came,
// never filed as a phone call; and /request alone says the usage, rights and flags.
func TestChatCommandsSayWhatWasMeant(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, input string
		says        []string
		lacks       []string
	}{
		{"a misspelt flag", "/request access --recieved 2026-12-01\n",
			[]string{`Unknown flag "--recieved": did you mean --received?`, "/request TYPE [--received YYYY-MM-DD] [--via phone|post|email]"},
			[]string{"Unknown request type"}},
		{"another misspelt flag", "/request access --vai post\n", []string{`Unknown flag "--vai": did you mean --via?`}, nil},
		{"an unknown flag", "/request access --urgent\n", []string{`Unknown flag "--urgent".`, "/request TYPE [--received"}, []string{"did you mean"}},
		// Not every flag starting with r is --received (a review: "--reset" was asked about it).
		{"an unknown flag like a known one's start", "/request access --reset\n", []string{`Unknown flag "--reset".`}, []string{"did you mean"}},
		{"another", "/request access --rubbish\n", []string{`Unknown flag "--rubbish".`}, []string{"did you mean"}},
		{"a misspelt council", "/org Bukcs\n", []string{`I don't know "Bukcs": did you mean Buckinghamshire Council?`}, nil},
		{"a misspelt council, in words", "/org Buckinghamshre\n", []string{"did you mean Buckinghamshire Council?"}, nil},
		{"no council like it", "/org Narnia\n", []string{`I don't know "Narnia". Known: Buckinghamshire Council, Milton Keynes City Council`}, []string{"did you mean"}},
		{"e-mail is email", "/request access --received 2026-12-04 --via e-mail\n", []string{"It sounds like you want to make a request"}, []string{"is not phone, post or email"}},
		{"dated, but how it came unsaid", "/request objection --received 2026-12-01\n",
			[]string{"--received dates a request that reached the council earlier: say how it came with --via phone (a voicemail), post or email"},
			[]string{"It sounds like you want to make a request"}},
		{"no right", "/request\n",
			[]string{"Which right is the request?", "/request TYPE [--received YYYY-MM-DD] [--via phone|post|email]", "Types: access, rectification"},
			[]string{"It sounds like you want to make a request"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, now, tc.input+"cancel\n/quit\n/quit\n")
			for _, s := range tc.says {
				assert.Contains(t, out, s)
			}
			for _, s := range tc.lacks {
				assert.NotContains(t, out, s)
			}
		})
	}
}

// /sources after a question answered while a request is being taken shows the passages behind
// that answer (a QA pass: "No answer yet." just after it).
func TestChatSourcesAfterAnAnswerMidRequest(t *testing.T) {
	out := chatSession(t, map[string]string{"PRIVACYBOT_DATA": t.TempDir()}, time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
		"/org MK\n/request objection\nGeorge Hill\nhow long do you keep complaint records?\ngeorge@example.net\n/sources\ncancel\n")
	require.Contains(t, out, "6 years")
	assert.NotContains(t, out, "No answer yet.")
	require.Contains(t, out, "> [1]")
	sources := out[strings.LastIndex(out, "> [1]"):]
	assert.Contains(t, sources, "How long we keep hold of information for")
	assert.Contains(t, sources, "held for 6 years from when the case was closed")
}
