// Package config reads privacybot's configuration from the environment. Zero configuration
// works offline: bundled notices, extractive answers, a SQLite queue under ./data.
//
// It imports nothing of the project; main passes what it reads to the packages that need it.
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Config is everything privacybot reads from its environment. Flags override it per subcommand.
type Config struct {
	CorpusDir   string // PRIVACYBOT_CORPUS: a directory of notices replacing the bundled ones
	IndexDir    string // PRIVACYBOT_INDEX: a persisted index to open (rebuilt when stale)
	DataDir     string // PRIVACYBOT_DATA: where the SQLite queue and transcripts live (./data)
	DatabaseURL string // DATABASE_URL: PostgreSQL instead of SQLite, for several replicas
	Addr        string // PRIVACYBOT_ADDR: the HTTP server's address (:8080)
	Region      string // PRIVACYBOT_REGION: the council's part of the UK, for bank holidays
	Holidays    string // PRIVACYBOT_HOLIDAYS: a file of one-off bank holidays to add or cancel
	BaseURL     string // PRIVACYBOT_BASE_URL: the public URL of the server, for links

	// Safeguarding contacts shown for urgent messages.
	EmergencyContact    string // PRIVACYBOT_EMERGENCY_CONTACT
	SafeguardingContact string // PRIVACYBOT_SAFEGUARDING_CONTACT
	CrisisContact       string // PRIVACYBOT_CRISIS_CONTACT: for suicide or self-harm
	// DomesticAbuseContact is PRIVACYBOT_DOMESTIC_ABUSE_CONTACT: for a writer at risk themselves
	// from a partner or former partner, in place of SafeguardingContact.
	DomesticAbuseContact string

	TranscriptDays int // PRIVACYBOT_TRANSCRIPT_DAYS: how long redacted web transcripts are kept (30)

	// AbstainThreshold is PRIVACYBOT_ABSTAIN_THRESHOLD: the probability that its best sentence
	// answers under which the extractive answerer says the notices don't answer a question. 0
	// keeps the threshold the abstention model was trained with; a council that would rather
	// refer more questions to its DPO than risk a wrong answer raises it (privacybot eval --sweep
	// shows the trade-off on its own questions).
	AbstainThreshold float64

	// The optional language model.
	OpenAIKey       string        // OPENAI_API_KEY
	OpenAIBaseURL   string        // OPENAI_BASE_URL
	Model           string        // PRIVACYBOT_MODEL
	ModelTimeout    time.Duration // PRIVACYBOT_MODEL_TIMEOUT (10s)
	ModelSelfHosted bool          // PRIVACYBOT_MODEL_SELF_HOSTED: may see unredacted text
	EmbeddingModel  string        // PRIVACYBOT_EMBEDDING_MODEL: turns on hybrid retrieval

	// Slack and Discord.
	SlackBotToken      string // SLACK_BOT_TOKEN
	SlackAppToken      string // SLACK_APP_TOKEN (Socket Mode)
	SlackSigningSecret string // SLACK_SIGNING_SECRET (HTTP Events API)
	SlackDPOChannel    string // SLACK_DPO_CHANNEL
	SlackChannelOrgs   string // SLACK_CHANNEL_ORGS: "C123=Milton Keynes Council,C456=Bucks"
	DiscordBotToken    string // DISCORD_BOT_TOKEN
	DiscordPublicKey   string // DISCORD_PUBLIC_KEY
	DiscordAppID       string // DISCORD_APP_ID
	DiscordChannelOrgs string // DISCORD_CHANNEL_ORGS

	// E-mail notifications of new cases.
	SMTPAddr string // PRIVACYBOT_SMTP_ADDR
	SMTPFrom string // PRIVACYBOT_SMTP_FROM
	DPOEmail string // PRIVACYBOT_DPO_EMAIL
}

// Defaults for the settings that have one.
const (
	DefaultDataDir             = "data"
	DefaultAddr                = ":8080"
	DefaultRegion              = "england-and-wales"
	DefaultTranscriptDays      = 30
	DefaultModelTimeout        = 10 * time.Second
	DefaultEmergencyContact    = "If anyone is in immediate danger, call 999."
	DefaultSafeguardingContact = "To report a concern about a child or an adult at risk, contact your council's children's or adult social care safeguarding team; the police on 101 when it is not an emergency."
	// DefaultCrisisContact is the UK's national lines for someone thinking of suicide or
	// self-harm, or worried about someone who is: Samaritans (free, day or night) and NHS 111's
	// mental health option.
	DefaultCrisisContact = "If you are thinking about suicide or harming yourself, or you are worried about someone who is, you can talk to Samaritans for free, day or night, on 116 123, or call NHS 111 and choose the mental health option."
	// DefaultDomesticAbuseContact is the national line in England for someone experiencing
	// domestic abuse (run by Refuge), and the way to be heard on a 999 call without speaking
	// (the police's Silent Solution).
	DefaultDomesticAbuseContact = "The National Domestic Abuse Helpline is free and open 24 hours: call 0808 2000 247, or visit nationaldahelpline.org.uk. If you call 999 from a mobile and can't speak, press 55 when asked so the police know it's an emergency."
)

// FromEnv reads the configuration through getenv (os.Getenv, or a map's lookup in tests).
func FromEnv(getenv func(string) string) (Config, error) {
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		CorpusDir:            get("PRIVACYBOT_CORPUS", ""),
		IndexDir:             get("PRIVACYBOT_INDEX", ""),
		DataDir:              get("PRIVACYBOT_DATA", DefaultDataDir),
		DatabaseURL:          get("DATABASE_URL", ""),
		Addr:                 get("PRIVACYBOT_ADDR", DefaultAddr),
		Region:               get("PRIVACYBOT_REGION", DefaultRegion),
		Holidays:             get("PRIVACYBOT_HOLIDAYS", ""),
		BaseURL:              strings.TrimRight(get("PRIVACYBOT_BASE_URL", ""), "/"),
		EmergencyContact:     get("PRIVACYBOT_EMERGENCY_CONTACT", DefaultEmergencyContact),
		SafeguardingContact:  get("PRIVACYBOT_SAFEGUARDING_CONTACT", DefaultSafeguardingContact),
		CrisisContact:        get("PRIVACYBOT_CRISIS_CONTACT", DefaultCrisisContact),
		DomesticAbuseContact: get("PRIVACYBOT_DOMESTIC_ABUSE_CONTACT", DefaultDomesticAbuseContact),
		OpenAIKey:            get("OPENAI_API_KEY", ""),
		OpenAIBaseURL:        get("OPENAI_BASE_URL", ""),
		Model:                get("PRIVACYBOT_MODEL", ""),
		EmbeddingModel:       get("PRIVACYBOT_EMBEDDING_MODEL", ""),
		SlackBotToken:        get("SLACK_BOT_TOKEN", ""),
		SlackAppToken:        get("SLACK_APP_TOKEN", ""),
		SlackSigningSecret:   get("SLACK_SIGNING_SECRET", ""),
		SlackDPOChannel:      get("SLACK_DPO_CHANNEL", ""),
		SlackChannelOrgs:     get("SLACK_CHANNEL_ORGS", ""),
		DiscordBotToken:      get("DISCORD_BOT_TOKEN", ""),
		DiscordPublicKey:     get("DISCORD_PUBLIC_KEY", ""),
		DiscordAppID:         get("DISCORD_APP_ID", ""),
		DiscordChannelOrgs:   get("DISCORD_CHANNEL_ORGS", ""),
		SMTPAddr:             get("PRIVACYBOT_SMTP_ADDR", ""),
		SMTPFrom:             get("PRIVACYBOT_SMTP_FROM", ""),
		DPOEmail:             get("PRIVACYBOT_DPO_EMAIL", ""),
	}
	var err error
	if c.TranscriptDays, err = intVar(get("PRIVACYBOT_TRANSCRIPT_DAYS", ""), DefaultTranscriptDays); err != nil {
		return c, fmt.Errorf("PRIVACYBOT_TRANSCRIPT_DAYS: %w", err)
	}
	if c.ModelTimeout, err = durationVar(get("PRIVACYBOT_MODEL_TIMEOUT", ""), DefaultModelTimeout); err != nil {
		return c, fmt.Errorf("PRIVACYBOT_MODEL_TIMEOUT: %w", err)
	}
	if c.ModelSelfHosted, err = boolVar(get("PRIVACYBOT_MODEL_SELF_HOSTED", "")); err != nil {
		return c, fmt.Errorf("PRIVACYBOT_MODEL_SELF_HOSTED: %w", err)
	}
	if c.AbstainThreshold, err = floatVar(get("PRIVACYBOT_ABSTAIN_THRESHOLD", "")); err != nil {
		return c, fmt.Errorf("PRIVACYBOT_ABSTAIN_THRESHOLD: %w", err)
	}
	return c, c.Validate()
}

// Validate names the setting that is wrong.
func (c Config) Validate() error {
	if c.TranscriptDays < 1 {
		return fmt.Errorf("PRIVACYBOT_TRANSCRIPT_DAYS must be at least 1, not %d", c.TranscriptDays)
	}
	if c.ModelTimeout <= 0 {
		return fmt.Errorf("PRIVACYBOT_MODEL_TIMEOUT must be positive, not %s", c.ModelTimeout)
	}
	if err := CheckAbstainThreshold(c.AbstainThreshold); err != nil {
		return fmt.Errorf("PRIVACYBOT_ABSTAIN_THRESHOLD %w", err)
	}
	if c.OpenAIBaseURL != "" && !strings.HasPrefix(c.OpenAIBaseURL, "http://") && !strings.HasPrefix(c.OpenAIBaseURL, "https://") {
		return fmt.Errorf("OPENAI_BASE_URL must start with http:// or https://, not %q", c.OpenAIBaseURL)
	}
	if c.Model != "" && c.OpenAIKey == "" && c.OpenAIBaseURL == "" {
		return fmt.Errorf("PRIVACYBOT_MODEL is set but neither OPENAI_API_KEY nor OPENAI_BASE_URL says where the model is")
	}
	if c.EmbeddingModel != "" && c.OpenAIKey == "" && c.OpenAIBaseURL == "" {
		return fmt.Errorf("PRIVACYBOT_EMBEDDING_MODEL is set but neither OPENAI_API_KEY nor OPENAI_BASE_URL says where the model is")
	}
	return nil
}

// HybridEnabled reports whether an embedding model is configured for hybrid retrieval.
func (c Config) HybridEnabled() bool {
	return c.EmbeddingModel != "" && (c.OpenAIKey != "" || c.OpenAIBaseURL != "")
}

// ModelEnabled reports whether a language model is configured.
func (c Config) ModelEnabled() bool {
	return c.Model != "" && (c.OpenAIKey != "" || c.OpenAIBaseURL != "")
}

// CheckAbstainThreshold accepts 0 (the trained threshold) or a probability strictly between 0
// and 1: at 1 the bot would never answer, at a negative one always.
func CheckAbstainThreshold(t float64) error {
	if t != 0 && !(t > 0 && t < 1) {
		return fmt.Errorf("must be between 0 and 1 (0.6 answers when the model gives at least 60%% that the best sentence answers), not %v", t)
	}
	return nil
}

func floatVar(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number (write 0.7)", s)
	}
	return f, nil
}

func intVar(s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
}

func durationVar(s string, def time.Duration) (time.Duration, error) {
	if s == "" {
		return def, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration (write 10s or 500ms)", s)
	}
	return d, nil
}

func boolVar(s string) (bool, error) {
	if s == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, fmt.Errorf("%q is not true or false", s)
	}
	return b, nil
}
