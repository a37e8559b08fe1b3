// Package notify sends the organisers short plain-text e-mails (a new
// booth application) through an SMTP server of their choosing.
package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"
)

// Mailer sends to a fixed list of organisers.
type Mailer struct {
	Addr     string   // host:port of the SMTP server
	From     string   // the sender address
	To       []string // the organisers
	User     string   // optional: PLAIN auth, only over TLS or to localhost
	Password string
	// TLSConfig is for tests that trust their own certificate; nil uses the
	// system's roots and the server's host name.
	TLSConfig *tls.Config
}

// Send delivers one message to the organisers with subject and a
// plain-text body, in UTF-8. ctx bounds the whole conversation with the
// server.
func (m *Mailer) Send(ctx context.Context, subject, body string) error {
	return m.SendTo(ctx, nil, subject, body)
}

// SendTo is Send to other recipients (a visitor's own address); nil or
// empty to is the organisers.
func (m *Mailer) SendTo(ctx context.Context, to []string, subject, body string) error {
	if len(to) == 0 && m != nil {
		to = m.To
	}
	if m == nil || m.Addr == "" || m.From == "" || len(to) == 0 {
		return errors.New("notify: no SMTP server, sender or recipient")
	}
	host, port, err := net.SplitHostPort(m.Addr)
	if err != nil {
		return fmt.Errorf("notify: PORTAL_SMTP_ADDR %q: %w", m.Addr, err)
	}
	tlsConfig := m.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	// Port 465 speaks TLS from the first byte (SMTPS); others may offer STARTTLS.
	if port == "465" {
		conn = tls.Client(conn, tlsConfig)
	}
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("notify: %w", err)
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok && port != "465" {
		if err := c.StartTLS(tlsConfig); err != nil {
			return fmt.Errorf("notify: STARTTLS: %w", err)
		}
	}
	if m.User != "" {
		// net/smtp's PLAIN refuses to send the password over a plain
		// connection to anything but localhost.
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Password, host)); err != nil {
			return fmt.Errorf("notify: auth: %w", err)
		}
	}
	msg, err := m.message(to, subject, body, time.Now())
	if err != nil {
		return err
	}
	if err := c.Mail(m.From); err != nil {
		return fmt.Errorf("notify: MAIL FROM: %w", err)
	}
	for _, to := range to {
		if err := c.Rcpt(to); err != nil {
			return fmt.Errorf("notify: RCPT TO %s: %w", to, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("notify: DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	return c.Quit()
}

// message builds the RFC 5322 text: the subject encoded by RFC 2047 (it
// holds Chinese), the body quoted-printable UTF-8 with CRLF line ends.
func (m *Mailer) message(to []string, subject, body string, now time.Time) ([]byte, error) {
	for _, a := range append([]string{m.From}, to...) {
		if p, err := mail.ParseAddress(a); err != nil || p.Address != a {
			return nil, fmt.Errorf("notify: address %q: not a plain e-mail address", a)
		}
	}
	id := make([]byte, 12)
	_, _ = rand.Read(id)
	domain := m.From[strings.LastIndexByte(m.From, '@')+1:]
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", m.From)
	header("To", strings.Join(to, ", "))
	header("Subject", mime.BEncoding.Encode("UTF-8", strings.NewReplacer("\r", " ", "\n", " ").Replace(subject)))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", "<"+hex.EncodeToString(id)+"@"+domain+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	header("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
