package conversation_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/conversation"
	"github.com/privacybot/privacybot/internal/index/indextest"
	"github.com/privacybot/privacybot/internal/notice"
	"github.com/privacybot/privacybot/internal/rights"
)

// A request's first reply quotes the right from a notice that states its rights in a table, as
// it does from one that lists them (a QA pass: Buckinghamshire's "Access | You have the right to
// be informed of the information we hold about you …" was never quoted, while Milton Keynes's
// list was).
func TestARequestQuotesItsRightFromATable(t *testing.T) {
	t.Run("Buckinghamshire", func(t *testing.T) {
		bot, _ := newBot(t, qaNow)
		rep, err := bot.StartIntake(context.Background(), conversation.Turn{Channel: "phone", Org: "Buckinghamshire Council", Text: "/request access"}, rights.Access)
		require.NoError(t, err)
		assert.Contains(t, rep.Answer.Answer, "What the notices say:")
		assert.Contains(t, rep.Answer.Answer, "Access | You have the right to be informed of the information we hold about you")
		assert.NotEmpty(t, rep.Citations)
	})
	t.Run("a council's own table", func(t *testing.T) {
		c, err := notice.Load(fstest.MapFS{"harbour.md": {Data: []byte(`---
id: "harbour-privacy"
title: "Privacy notice"
organisation: "Harbourside Council"
updated: ""
---
Privacy notice
Your rights
The law gives you rights over your information. To use one, write to our Data Protection Officer.
Right | What it means |
---|---|
Access |
You have the right to be told what we hold about you |
Erasure |
You can ask us to remove information about you that we no longer need |
How long we keep information
We keep case files for six years after the case is closed.
`)}})
		require.NoError(t, err)
		e, err := indextest.Build(c)
		require.NoError(t, err)
		bot, _ := newBot(t, qaNow) // its queue and the rest; the notices are the table's
		bot.Answerer, bot.Contacts, bot.Orgs = e.Composer, e.Composer.Contacts, e.Orgs
		bot.Canonical, bot.Mentioned, bot.Closest = c.Organisations.Canonical, c.Organisations.Mentioned, c.Organisations.Closest
		bot.Notices = conversation.NoticeTitles(c.Notices)
		for typ, want := range map[rights.Type]string{
			rights.Access:  "Access | You have the right to be told what we hold about you",
			rights.Erasure: "Erasure | You can ask us to remove information about you",
		} {
			rep, err := bot.StartIntake(context.Background(), conversation.Turn{Channel: "phone", Org: "Harbourside Council", Text: "/request " + string(typ)}, typ)
			require.NoError(t, err)
			assert.Contains(t, rep.Answer.Answer, "What the notices say:", typ)
			assert.Contains(t, rep.Answer.Answer, want, typ)
		}
	})
}
