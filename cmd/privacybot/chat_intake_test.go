package main

import (
	"encoding/json"
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
