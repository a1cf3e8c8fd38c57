package email

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/privacybot/privacybot/internal/deadline"
	"github.com/privacybot/privacybot/internal/dpo"
)

// fakeSMTP is a tiny SMTP server on 127.0.0.1 that records what it was sent. rcptReply, when
// set, replaces the reply to RCPT TO (to make delivery fail).
type fakeSMTP struct {
	ln        net.Listener
	rcptReply string

	mu   sync.Mutex
	mail []received
}

type received struct {
	from, to string
	data     string
}

func startFakeSMTP(t *testing.T, rcptReply string) *fakeSMTP {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	f := &fakeSMTP{ln: ln, rcptReply: rcptReply}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(conn)
		}
	}()
	return f
}

func (f *fakeSMTP) serve(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	reply := func(s string) { _, _ = conn.Write([]byte(s + "\r\n")) }
	reply("220 fake.test ESMTP")
	var cur received
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.TrimRight(line, "\r\n")
		upper := strings.ToUpper(cmd)
		switch {
		case strings.HasPrefix(upper, "EHLO"), strings.HasPrefix(upper, "HELO"):
			reply("250-fake.test\r\n250 8BITMIME")
		case strings.HasPrefix(upper, "MAIL FROM:"):
			cur = received{from: addrParam(cmd[len("MAIL FROM:"):])}
			reply("250 OK")
		case strings.HasPrefix(upper, "RCPT TO:"):
			if f.rcptReply != "" {
				reply(f.rcptReply)
				continue
			}
			cur.to = addrParam(cmd[len("RCPT TO:"):])
			reply("250 OK")
		case upper == "DATA":
			reply("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			cur.data = b.String()
			f.mu.Lock()
			f.mail = append(f.mail, cur)
			f.mu.Unlock()
			reply("250 queued")
		case upper == "QUIT":
			reply("221 bye")
			return
		case upper == "RSET", upper == "NOOP":
			reply("250 OK")
		default:
			reply("502 5.5.1 Unrecognized command") // the fake speaks only what the notifier needs
		}
	}
}

// addrParam takes the address out of "<a@b> BODY=8BITMIME".
func addrParam(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), ">")
	return strings.TrimPrefix(s, "<")
}

func (f *fakeSMTP) received() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.mail...)
}

func sampleCase() dpo.Case {
	return dpo.Case{
		Ref:          "DPO-2026-000123",
		Type:         dpo.AutomatedDecision,
		Organisation: "Leeds City Council",
		Region:       deadline.EnglandAndWales,
		Received:     time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Channel:      dpo.ChannelSlack,
		Requester: dpo.Requester{
			Name:           "Jo Bloggs",
			Contact:        dpo.Contact{Kind: dpo.ContactEmail, Value: "jo.bloggs@example.org"},
			OnBehalfOf:     true,
			OnBehalfOfWhom: "Sam Bloggs",
		},
		Service:     "Housing benefit",
		Description: "Why was my claim rejected by the computer?",
		Excerpt:     "resident: my NI number is [redacted]",
		Status:      dpo.Received,
		Due:         time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC),
	}
}

func TestNotifySendsReferenceNotPersonalData(t *testing.T) {
	srv := startFakeSMTP(t, "")
	n := New(Config{Addr: srv.ln.Addr().String(), From: "privacybot@leeds.example", To: "dpo@leeds.example",
		BaseURL: "https://privacy.leeds.example"})
	require.NoError(t, n.Notify(context.Background(), sampleCase()))

	mail := srv.received()
	require.Len(t, mail, 1)
	m := mail[0]
	assert.Equal(t, "privacybot@leeds.example", m.from)
	assert.Equal(t, "dpo@leeds.example", m.to)
	assert.Contains(t, m.data, "Subject: New automated decision request DPO-2026-000123, due Thu 2 Apr 2026\r\n")
	assert.Contains(t, m.data, "Reference:    DPO-2026-000123")
	assert.Contains(t, m.data, "Type:         automated_decision")
	assert.Contains(t, m.data, "Due:          Thursday 2 April 2026")
	assert.Contains(t, m.data, "https://privacy.leeds.example/queue/DPO-2026-000123")
	for _, personal := range []string{"Jo Bloggs", "jo.bloggs@example.org", "Sam Bloggs", "Housing benefit",
		"rejected by the computer", "NI number"} {
		assert.NotContains(t, m.data, personal)
	}
}

func TestNotifyWithoutDueDateOrLink(t *testing.T) {
	srv := startFakeSMTP(t, "")
	n := New(Config{Addr: srv.ln.Addr().String(), From: "bot@example.org", To: "dpo@example.org"})
	c := sampleCase()
	c.Due, c.LawEnforcement = time.Time{}, dpo.LawEnforcementConfirmed
	c.Organisation = "Evil\r\nBcc: everyone@example.org"
	require.NoError(t, n.Notify(context.Background(), c))
	m := srv.received()[0]
	assert.Contains(t, m.data, "Subject: New automated decision request DPO-2026-000123, law enforcement (Part 3)\r\n")
	assert.Contains(t, m.data, "Due:          none: a law-enforcement (Part 3) request: the DPO sets the time limit")
	assert.Contains(t, m.data, "privacybot queue show DPO-2026-000123")
	assert.NotContains(t, m.data, "\r\nBcc:", "no header smuggled in through a field")
}

func TestNotifyReportsServerRefusal(t *testing.T) {
	srv := startFakeSMTP(t, "550 mailbox unavailable")
	n := New(Config{Addr: srv.ln.Addr().String(), From: "bot@example.org", To: "dpo@example.org"})
	err := n.Notify(context.Background(), sampleCase())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "550")
	assert.Contains(t, err.Error(), "DPO-2026-000123")
	assert.Empty(t, srv.received())
}

func TestNotifyUnreachableServerFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	n := New(Config{Addr: addr, From: "bot@example.org", To: "dpo@example.org"})
	assert.Error(t, n.Notify(context.Background(), sampleCase()))
}

func TestConfigFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	_, ok, err := ConfigFromEnv(env(nil))
	require.NoError(t, err)
	assert.False(t, ok, "no SMTP address: e-mail is off")

	cfg, ok, err := ConfigFromEnv(env(map[string]string{
		"PRIVACYBOT_SMTP_ADDR": "smtp.example.org:587", "PRIVACYBOT_SMTP_FROM": "bot@example.org",
		"PRIVACYBOT_DPO_EMAIL": "dpo@example.org", "PRIVACYBOT_BASE_URL": "https://bot.example.org/",
	}))
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "https://bot.example.org", cfg.BaseURL)

	for _, tc := range []struct {
		name, key, value, want string
	}{
		{"no port", "PRIVACYBOT_SMTP_ADDR", "smtp.example.org", "PRIVACYBOT_SMTP_ADDR"},
		{"no sender", "PRIVACYBOT_SMTP_FROM", "", "PRIVACYBOT_SMTP_FROM"},
		{"display name", "PRIVACYBOT_DPO_EMAIL", "DPO <dpo@example.org>", "PRIVACYBOT_DPO_EMAIL"},
		{"bad link", "PRIVACYBOT_BASE_URL", "ftp://x", "PRIVACYBOT_BASE_URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := map[string]string{
				"PRIVACYBOT_SMTP_ADDR": "smtp.example.org:587", "PRIVACYBOT_SMTP_FROM": "bot@example.org",
				"PRIVACYBOT_DPO_EMAIL": "dpo@example.org",
			}
			m[tc.key] = tc.value
			_, _, err := ConfigFromEnv(env(m))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
