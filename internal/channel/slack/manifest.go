package slack

import "strings"

// Manifest is a Slack app manifest (https://api.slack.com/reference/manifests): pasted into
// "Create New App → From an app manifest", it sets up the bot user, /privacy, the events, the
// buttons and the scopes in one go.
type Manifest struct {
	DisplayInformation ManifestDisplay  `json:"display_information" yaml:"display_information"`
	Features           ManifestFeatures `json:"features" yaml:"features"`
	OAuthConfig        ManifestOAuth    `json:"oauth_config" yaml:"oauth_config"`
	Settings           ManifestSettings `json:"settings" yaml:"settings"`
}

// ManifestDisplay is how the app is shown in Slack.
type ManifestDisplay struct {
	Name            string `json:"name" yaml:"name"`
	Description     string `json:"description" yaml:"description"`
	LongDescription string `json:"long_description,omitempty" yaml:"long_description,omitempty"`
	BackgroundColor string `json:"background_color" yaml:"background_color"`
}

// ManifestFeatures are the app's surfaces: DMs, the bot user and the slash command.
type ManifestFeatures struct {
	AppHome       ManifestAppHome        `json:"app_home" yaml:"app_home"`
	BotUser       ManifestBotUser        `json:"bot_user" yaml:"bot_user"`
	SlashCommands []ManifestSlashCommand `json:"slash_commands" yaml:"slash_commands"`
}

// ManifestAppHome turns on the Messages tab, so people can DM the bot.
type ManifestAppHome struct {
	HomeTabEnabled             bool `json:"home_tab_enabled" yaml:"home_tab_enabled"`
	MessagesTabEnabled         bool `json:"messages_tab_enabled" yaml:"messages_tab_enabled"`
	MessagesTabReadOnlyEnabled bool `json:"messages_tab_read_only_enabled" yaml:"messages_tab_read_only_enabled"`
}

// ManifestBotUser is the bot's name in Slack.
type ManifestBotUser struct {
	DisplayName  string `json:"display_name" yaml:"display_name"`
	AlwaysOnline bool   `json:"always_online" yaml:"always_online"`
}

// ManifestSlashCommand is /privacy.
type ManifestSlashCommand struct {
	Command      string `json:"command" yaml:"command"`
	URL          string `json:"url,omitempty" yaml:"url,omitempty"`
	Description  string `json:"description" yaml:"description"`
	UsageHint    string `json:"usage_hint" yaml:"usage_hint"`
	ShouldEscape bool   `json:"should_escape" yaml:"should_escape"`
}

// ManifestOAuth lists the bot's scopes.
type ManifestOAuth struct {
	Scopes ManifestScopes `json:"scopes" yaml:"scopes"`
}

// ManifestScopes are the bot token's scopes.
type ManifestScopes struct {
	Bot []string `json:"bot" yaml:"bot"`
}

// ManifestSettings are the events, interactivity and the connection.
type ManifestSettings struct {
	EventSubscriptions   ManifestEvents        `json:"event_subscriptions" yaml:"event_subscriptions"`
	Interactivity        ManifestInteractivity `json:"interactivity" yaml:"interactivity"`
	OrgDeployEnabled     bool                  `json:"org_deploy_enabled" yaml:"org_deploy_enabled"`
	SocketModeEnabled    bool                  `json:"socket_mode_enabled" yaml:"socket_mode_enabled"`
	TokenRotationEnabled bool                  `json:"token_rotation_enabled" yaml:"token_rotation_enabled"`
}

// ManifestEvents are the events the bot subscribes to.
type ManifestEvents struct {
	RequestURL string   `json:"request_url,omitempty" yaml:"request_url,omitempty"`
	BotEvents  []string `json:"bot_events" yaml:"bot_events"`
}

// ManifestInteractivity turns on buttons and modals.
type ManifestInteractivity struct {
	IsEnabled  bool   `json:"is_enabled" yaml:"is_enabled"`
	RequestURL string `json:"request_url,omitempty" yaml:"request_url,omitempty"`
}

// Scopes are the bot scopes the channel needs, and no more: it reads mentions and its own DMs
// (not every channel message), posts, and takes /privacy.
var Scopes = []string{"app_mentions:read", "chat:write", "commands", "im:history"}

// BotEvents are the events the channel handles: mentions in channels and direct messages.
var BotEvents = []string{"app_mention", "message.im"}

// NewManifest returns the app's manifest. With baseURL empty the app uses Socket Mode (no public
// URL needed); with the public URL of `privacybot serve` it uses the HTTP Events API on
// baseURL/slack/events, /slack/commands and /slack/interactions.
func NewManifest(name, baseURL string) Manifest {
	if strings.TrimSpace(name) == "" {
		name = "Privacy bot"
	}
	baseURL = strings.TrimRight(strings.TrimSpace(baseURL), "/")
	url := func(path string) string {
		if baseURL == "" {
			return ""
		}
		return baseURL + path
	}
	return Manifest{
		DisplayInformation: ManifestDisplay{
			Name:        name,
			Description: "Answers questions about the council's privacy notices, with citations",
			LongDescription: "Ask with /privacy, by mentioning the bot, or in a direct message: the answer quotes the council's " +
				"privacy notices with numbered citations, in a thread. A request to the Data Protection Officer (a copy of " +
				"someone's data, a correction, a complaint) can be raised from any answer and goes onto the DPO's queue with " +
				"its legal deadline.",
			BackgroundColor: "#1d3557",
		},
		Features: ManifestFeatures{
			AppHome: ManifestAppHome{MessagesTabEnabled: true},
			BotUser: ManifestBotUser{DisplayName: "privacybot", AlwaysOnline: true},
			SlashCommands: []ManifestSlashCommand{{
				Command: "/privacy", URL: url("/slack/commands"),
				Description: "Ask about the council's privacy notices",
				UsageHint:   "how long are complaint records kept?",
			}},
		},
		OAuthConfig: ManifestOAuth{Scopes: ManifestScopes{Bot: append([]string(nil), Scopes...)}},
		Settings: ManifestSettings{
			EventSubscriptions: ManifestEvents{RequestURL: url("/slack/events"), BotEvents: append([]string(nil), BotEvents...)},
			Interactivity:      ManifestInteractivity{IsEnabled: true, RequestURL: url("/slack/interactions")},
			SocketModeEnabled:  baseURL == "",
		},
	}
}
