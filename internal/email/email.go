// Package email is the SMTP notifier: it tells the DPO's mailbox that a new case is on the queue.
// The message carries the reference, type, organisation, dates and a link — never the requester's
// name, contact details, description or conversation, which stay in the queue behind the DPO's
// own access controls. It uses net/smtp (STARTTLS when the server offers it).
//
// It imports the domain (dpo); never a database, another adapter or a chat library.
package email

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"github.com/privacybot/privacybot/internal/dpo"
)

// Config says where and how to send. Read it with ConfigFromEnv.
type Config struct {
	Addr     string // host:port of the SMTP server (PRIVACYBOT_SMTP_ADDR)
	From     string // envelope and header sender (PRIVACYBOT_SMTP_FROM)
	To       string // the DPO's mailbox (PRIVACYBOT_DPO_EMAIL)
	Username string // optional SMTP AUTH PLAIN user (PRIVACYBOT_SMTP_USERNAME)
	Password string // its password (PRIVACYBOT_SMTP_PASSWORD)
	// BaseURL is privacybot's public address (PRIVACYBOT_BASE_URL); the message links to
	// BaseURL/queue/<ref>. Empty: the message says how to open the case from the command line.
	BaseURL string
}

// ConfigFromEnv reads the notifier's settings. ok is false when PRIVACYBOT_SMTP_ADDR is unset:
// e-mail is simply off. A partial configuration is an error naming what is missing.
func ConfigFromEnv(getenv func(string) string) (cfg Config, ok bool, err error) {
	cfg = Config{
		Addr:     strings.TrimSpace(getenv("PRIVACYBOT_SMTP_ADDR")),
		From:     strings.TrimSpace(getenv("PRIVACYBOT_SMTP_FROM")),
		To:       strings.TrimSpace(getenv("PRIVACYBOT_DPO_EMAIL")),
		Username: getenv("PRIVACYBOT_SMTP_USERNAME"),
		Password: getenv("PRIVACYBOT_SMTP_PASSWORD"),
		BaseURL:  strings.TrimRight(strings.TrimSpace(getenv("PRIVACYBOT_BASE_URL")), "/"),
	}
	if cfg.Addr == "" {
		return cfg, false, nil
	}
	return cfg, true, cfg.Validate()
}

// Validate names the first setting that is wrong.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("PRIVACYBOT_SMTP_ADDR %q: want host:port", c.Addr)
	}
	if a, err := mail.ParseAddress(c.From); err != nil || a.Address != c.From {
		return fmt.Errorf("PRIVACYBOT_SMTP_FROM %q: want a bare e-mail address", c.From)
	}
	if a, err := mail.ParseAddress(c.To); err != nil || a.Address != c.To {
		return fmt.Errorf("PRIVACYBOT_DPO_EMAIL %q: want a bare e-mail address", c.To)
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("PRIVACYBOT_BASE_URL %q: want an http(s) URL", c.BaseURL)
		}
	}
	return nil
}

// Notifier sends one e-mail per new case. It implements dpo.Notifier.
type Notifier struct {
	cfg Config
	// Timeout bounds one whole SMTP conversation when the context has no earlier deadline.
	Timeout time.Duration
}

var _ dpo.Notifier = (*Notifier)(nil)

// New returns a notifier for cfg (already validated).
func New(cfg Config) *Notifier { return &Notifier{cfg: cfg, Timeout: 30 * time.Second} }

// Notify sends the announcement of c to the DPO's mailbox.
func (n *Notifier) Notify(ctx context.Context, c dpo.Case) error {
	if err := n.send(ctx, n.message(c, time.Now())); err != nil {
		return fmt.Errorf("e-mail %s to the DPO via %s: %w", c.Ref, n.cfg.Addr, err)
	}
	return nil
}

// Subject is the subject line for a case's announcement.
func Subject(c dpo.Case) string {
	s := fmt.Sprintf("New %s request %s", strings.ReplaceAll(string(c.Type), "_", " "), c.Ref)
	if !c.Due.IsZero() {
		s += ", due " + c.Due.Format("Mon 2 Jan 2006")
	}
	switch c.LawEnforcement {
	case dpo.LawEnforcementSuspected:
		s += ", possibly law enforcement (Part 3)"
	case dpo.LawEnforcementConfirmed:
		s += ", law enforcement (Part 3)"
	}
	return s
}

// message builds the RFC 5322 message. Only fields that identify the case, never the person, go in.
func (n *Notifier) message(c dpo.Case, now time.Time) []byte {
	var b strings.Builder
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, oneLine(v)) }
	header("From", n.cfg.From)
	header("To", n.cfg.To)
	header("Subject", mimeWord(Subject(c)))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(n.cfg.From))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")

	due := "none: " + c.NoDueDate()
	if !c.Due.IsZero() {
		due = c.Due.Format("Monday 2 January 2006")
	}
	if c.LawEnforcement == dpo.LawEnforcementSuspected && !c.Due.IsZero() {
		due += " under UK GDPR, unless the DPO confirms it is a law-enforcement (Part 3) request"
	}
	lines := []string{
		"A new data-protection request is on the queue.",
		"",
		"Reference:    " + c.Ref,
		"Type:         " + string(c.Type),
		"Organisation: " + oneLine(c.Organisation),
		"Received:     " + c.Received.In(ukTime()).Format("2 Jan 2006 15:04 MST") + " via " + string(c.Channel),
		"Due:          " + due,
		"",
	}
	if n.cfg.BaseURL != "" {
		lines = append(lines, "Open it: "+n.cfg.BaseURL+"/queue/"+url.PathEscape(c.Ref))
	} else {
		lines = append(lines, "Open it: privacybot queue show "+c.Ref)
	}
	lines = append(lines, "", "The requester's details are in the queue, not in this e-mail.")
	for _, l := range lines {
		b.WriteString(l + "\r\n") // CRLF as RFC 5322 asks; net/smtp's DATA writer dot-stuffs
	}
	return []byte(b.String())
}

func (n *Notifier) send(ctx context.Context, msg []byte) error {
	timeout := n.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", n.cfg.Addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	// Closing the connection is how a cancelled context interrupts a stuck SMTP exchange.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	host, _, _ := net.SplitHostPort(n.cfg.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello("privacybot.local"); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return err
		}
	}
	if n.cfg.Username != "" {
		// PlainAuth refuses to send the password unless the link is TLS or to localhost.
		if err := c.Auth(smtp.PlainAuth("", n.cfg.Username, n.cfg.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(n.cfg.From); err != nil {
		return err
	}
	if err := c.Rcpt(n.cfg.To); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := c.Quit(); err != nil && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// oneLine removes line breaks, so no value can smuggle in a header.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
}

// mimeWord encodes a header value with non-ASCII characters (RFC 2047).
func mimeWord(s string) string {
	for _, r := range s {
		if r > 127 {
			return mime.QEncoding.Encode("utf-8", s)
		}
	}
	return s
}

func messageID(from string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	domain := "privacybot.local"
	if i := strings.LastIndexByte(from, '@'); i >= 0 {
		domain = from[i+1:]
	}
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}

// ukTime is the council's time zone for the received time; UTC if the zone database is missing
// (the binary links time/tzdata, so only a test binary could lack it).
func ukTime() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	return time.UTC
}
