package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDiscordCommands stands in for Discord's command endpoints; it changes discordgo's
// package-level endpoints, so tests using it must not run in parallel.
func fakeDiscordCommands(t *testing.T) (got func() []*http.Request, bodies func() [][]byte) {
	t.Helper()
	var mu sync.Mutex
	var reqs []*http.Request
	var raw [][]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs, raw = append(reqs, r), append(raw, b)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		var cmds []map[string]any
		_ = json.Unmarshal(b, &cmds)
		for _, c := range cmds {
			c["id"] = "1"
		}
		_ = json.NewEncoder(w).Encode(cmds)
	}))
	t.Cleanup(srv.Close)
	oldDiscord, oldAPI, oldApps := discordgo.EndpointDiscord, discordgo.EndpointAPI, discordgo.EndpointApplications
	t.Cleanup(func() {
		discordgo.EndpointDiscord, discordgo.EndpointAPI, discordgo.EndpointApplications = oldDiscord, oldAPI, oldApps
	})
	discordgo.EndpointDiscord = srv.URL + "/"
	discordgo.EndpointAPI = discordgo.EndpointDiscord + "api/v" + discordgo.APIVersion + "/"
	discordgo.EndpointApplications = discordgo.EndpointAPI + "applications"
	return func() []*http.Request { mu.Lock(); defer mu.Unlock(); return reqs },
		func() [][]byte { mu.Lock(); defer mu.Unlock(); return raw }
}

func TestDiscordRegister(t *testing.T) {
	reqs, bodies := fakeDiscordCommands(t)
	env := map[string]string{"DISCORD_BOT_TOKEN": "tok", "DISCORD_APP_ID": "app1"}

	code, stdout, stderr := runCLI(t, env, "discord", "register", "--guild", "g1")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "registered /privacy in server g1\n", stdout)
	code, _, stderr = runCLI(t, env, "discord", "register")
	require.Equal(t, exitOK, code, stderr)

	require.Len(t, reqs(), 2)
	assert.Equal(t, http.MethodPut, reqs()[0].Method, "a bulk overwrite")
	assert.Equal(t, "/api/v"+discordgo.APIVersion+"/applications/app1/guilds/g1/commands", reqs()[0].URL.Path)
	assert.Equal(t, "/api/v"+discordgo.APIVersion+"/applications/app1/commands", reqs()[1].URL.Path)
	assert.Equal(t, "Bot tok", reqs()[0].Header.Get("Authorization"))
	var sent []discordgo.ApplicationCommand
	require.NoError(t, json.Unmarshal(bodies()[0], &sent))
	require.Len(t, sent, 1)
	assert.Equal(t, "privacy", sent[0].Name)
}

func TestDiscordCommandLine(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr string
	}{
		{"no subcommand", nil, []string{"discord"}, exitUsage, "register"},
		{"unknown subcommand", nil, []string{"discord", "talk"}, exitUsage, "unknown discord subcommand"},
		{"register without a token", map[string]string{"DISCORD_APP_ID": "app1"}, []string{"discord", "register"}, exitFailure, "DISCORD_BOT_TOKEN"},
		{"register without an app id", map[string]string{"DISCORD_BOT_TOKEN": "tok"}, []string{"discord", "register"}, exitUsage, "DISCORD_APP_ID"},
		{"run without a token", nil, []string{"discord", "run"}, exitFailure, "DISCORD_BOT_TOKEN"},
		{"help", nil, []string{"discord", "--help"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.env, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}
