package redact_test

import "testing"

// A first name after the words residents use for friends and partners, as after "my friend": a
// QA pass found "my mate siobhan said you sell data is that true" kept while "my friend siobhan
// told me" was redacted.
func TestFriendsAndPartnersNamedAreRedacted(t *testing.T) {
	redactsTo(t, map[string]string{
		"my mate siobhan said you sell data is that true": "my mate [name] said you sell data is that true",
		"my friend siobhan told me":                       "my friend [name] told me",
		"my bestie siobhan said":                          "my bestie [name] said",
		"my bf jay has my passwords":                      "my bf [name] has my passwords",
		"my gf amy has my login":                          "my gf [name] has my login",
		"my boyfriend jay said":                           "my boyfriend [name] said",
		"my girlfriend amy said":                          "my girlfriend [name] said",
		"my partner siobhan said":                         "my partner [name] said",
		"my fiance jay said":                              "my fiance [name] said",
		"my fiancee amy said":                             "my fiancee [name] said",
		"my fiancé jay said":                              "my fiancé [name] said",
		"my fiancée amy said":                             "my fiancée [name] said",
		"my best friend siobhan said":                     "my best friend [name] said",
		"my best mate siobhan told me":                    "my best mate [name] told me",
		"my bff jo works at the council":                  "my bff [name] works at the council",
		"my hubby dave wants a copy":                      "my hubby [name] wants a copy",
		"My mate Siobhan Kelly said":                      "My mate [name] said",
		"my mate's name is dave":                          "my mate's name is [name]",
	})
}

// Those words with no name after them stay: what the friend did, "and I", a partner agency.
func TestFriendsAndPartnersUnnamedAreKept(t *testing.T) {
	keeps(t, []string{
		"my mate said", "my partner and I", "my partner agency", "my mate's house", "cheers mate",
		"my mate and i", "my bf is abusive", "my fiance and i are moving", "my mate reckons you sell data",
		"my mate lives next door", "my pal from work", "my mate told me", "my bf hits me",
		"my mate works for the council", "my fiancée moved in", "my fiancé said", "my mate at the council",
		"my mate has a blue badge", "my mate who works there", "my good friend data protection",
	})
}
