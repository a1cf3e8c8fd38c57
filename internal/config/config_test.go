package config_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// Zero configuration works offline: bundled notices, extractive answers, SQLite under ./data.
func TestZeroConfig(t *testing.T) {
	c, err := config.FromEnv(env(nil))
	require.NoError(t, err)
	assert.Equal(t, "", c.CorpusDir)
	assert.Equal(t, "data", c.DataDir)
	assert.Equal(t, ":8080", c.Addr)
	assert.Equal(t, "england-and-wales", c.Region)
	assert.Equal(t, 30, c.TranscriptDays)
	assert.Equal(t, 10*time.Second, c.ModelTimeout)
	assert.False(t, c.ModelEnabled())
	assert.Contains(t, c.EmergencyContact, "999")
	assert.Contains(t, c.DomesticAbuseContact, "0808 2000 247")
}

func TestFromEnvReadsEverything(t *testing.T) {
	c, err := config.FromEnv(env(map[string]string{
		"PRIVACYBOT_CORPUS": "/notices", "PRIVACYBOT_DATA": "/var/lib/pb", "DATABASE_URL": "postgres://x",
		"PRIVACYBOT_ADDR": "127.0.0.1:9000", "PRIVACYBOT_TRANSCRIPT_DAYS": "7", "PRIVACYBOT_MODEL_TIMEOUT": "2500ms",
		"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "PRIVACYBOT_MODEL": "llama", "PRIVACYBOT_MODEL_SELF_HOSTED": "true",
		"PRIVACYBOT_BASE_URL": "https://bot.example.gov.uk/", "PRIVACYBOT_ABSTAIN_THRESHOLD": "0.75",
	}))
	require.NoError(t, err)
	assert.Equal(t, "/notices", c.CorpusDir)
	assert.Equal(t, "/var/lib/pb", c.DataDir)
	assert.Equal(t, "postgres://x", c.DatabaseURL)
	assert.Equal(t, 7, c.TranscriptDays)
	assert.Equal(t, 2500*time.Millisecond, c.ModelTimeout)
	assert.True(t, c.ModelEnabled())
	assert.True(t, c.ModelSelfHosted)
	assert.Equal(t, "https://bot.example.gov.uk", c.BaseURL)
	assert.Equal(t, 0.75, c.AbstainThreshold)
}

// Each bad setting is named, so an admin knows what to fix.
func TestBadSettingsNameTheVariable(t *testing.T) {
	tests := map[string]map[string]string{
		"PRIVACYBOT_TRANSCRIPT_DAYS":   {"PRIVACYBOT_TRANSCRIPT_DAYS": "thirty"},
		"PRIVACYBOT_MODEL_TIMEOUT":     {"PRIVACYBOT_MODEL_TIMEOUT": "soon"},
		"PRIVACYBOT_MODEL_SELF_HOSTED": {"PRIVACYBOT_MODEL_SELF_HOSTED": "maybe"},
		"OPENAI_BASE_URL":              {"OPENAI_BASE_URL": "localhost:11434"},
		"PRIVACYBOT_MODEL":             {"PRIVACYBOT_MODEL": "gpt"},
		"PRIVACYBOT_EMBEDDING_MODEL":   {"PRIVACYBOT_EMBEDDING_MODEL": "nomic-embed-text"},
		"PRIVACYBOT_ABSTAIN_THRESHOLD": {"PRIVACYBOT_ABSTAIN_THRESHOLD": "high"},
	}
	for name, vars := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := config.FromEnv(env(vars))
			require.Error(t, err)
			assert.Contains(t, err.Error(), name)
		})
	}
	_, err := config.FromEnv(env(map[string]string{"PRIVACYBOT_TRANSCRIPT_DAYS": "0"}))
	assert.ErrorContains(t, err, "PRIVACYBOT_TRANSCRIPT_DAYS")
}

// A threshold the bot can't work with is refused at start-up, not found out by residents: at 1
// it would never answer, at 0 or below always.
func TestAbstainThresholdIsAProbability(t *testing.T) {
	for _, v := range []string{"1", "1.5", "-0.2", "NaN", "60"} {
		_, err := config.FromEnv(env(map[string]string{"PRIVACYBOT_ABSTAIN_THRESHOLD": v}))
		assert.ErrorContains(t, err, "PRIVACYBOT_ABSTAIN_THRESHOLD", v)
		assert.ErrorContains(t, err, "between 0 and 1", v)
	}
	c, err := config.FromEnv(env(nil))
	require.NoError(t, err)
	assert.Zero(t, c.AbstainThreshold, "unset keeps the threshold the model was trained with")
}
