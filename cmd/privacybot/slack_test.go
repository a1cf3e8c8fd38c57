package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func TestSlackManifestCommand(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "slack", "manifest", "--url", "https://bot.example")
	require.Equal(t, exitOK, code, errOut)
	var m struct {
		Settings struct {
			SocketModeEnabled  bool `yaml:"socket_mode_enabled"`
			EventSubscriptions struct {
				RequestURL string   `yaml:"request_url"`
				BotEvents  []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		} `yaml:"settings"`
		OAuth struct {
			Scopes struct{ Bot []string } `yaml:"scopes"`
		} `yaml:"oauth_config"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(out), &m))
	assert.False(t, m.Settings.SocketModeEnabled)
	assert.Equal(t, "https://bot.example/slack/events", m.Settings.EventSubscriptions.RequestURL)
	assert.Contains(t, m.OAuth.Scopes.Bot, "commands")

	code, out, errOut = runCLI(t, nil, "slack", "manifest", "--json")
	require.Equal(t, exitOK, code, errOut)
	var j map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &j))
	assert.Equal(t, true, j["settings"].(map[string]any)["socket_mode_enabled"])
}

func TestSlackCommandLineErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want int
	}{
		{"no subcommand", nil, []string{"slack"}, exitUsage},
		{"unknown subcommand", nil, []string{"slack", "dance"}, exitUsage},
		{"manifest over http", nil, []string{"slack", "manifest", "--url", "http://bot.example"}, exitUsage},
		{"run without tokens", nil, []string{"slack", "run"}, exitFailure},
		{"run with a bad digest time", map[string]string{"SLACK_APP_TOKEN": "xapp", "SLACK_BOT_TOKEN": "xoxb"},
			[]string{"slack", "run", "--digest-at", "25:00"}, exitUsage},
		{"digest without a channel", map[string]string{"SLACK_BOT_TOKEN": "xoxb"}, []string{"slack", "digest"}, exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, _ := runCLI(t, tt.env, tt.args...)
			assert.Equal(t, tt.want, code)
		})
	}
}
