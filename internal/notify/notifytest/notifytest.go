// Package notifytest is a tiny SMTP server on 127.0.0.1 for tests: it
// accepts every message and hands each one over on a channel.
package notifytest

import (
	"bufio"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
)

// Message is one message as the server received it.
type Message struct {
	From    string
	To      []string
	Subject string // decoded
	Body    string // decoded
	Raw     string
}

// Server is a fake SMTP server.
type Server struct {
	Addr     string
	Messages chan Message
	ln       net.Listener
	wg       sync.WaitGroup
	mu       sync.Mutex
	failing  int // messages still to refuse (FailNext)
	refused  int
}

// FailNext makes the server refuse the next n messages with a temporary
// error (451 at MAIL FROM), as a mail server that is busy or down would.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failing = n
}

// Refused is how many messages the server has refused so far.
func (s *Server) Refused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refused
}

// refuse reports whether this message is one to refuse, counting it.
func (s *Server) refuse() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failing == 0 {
		return false
	}
	s.failing--
	s.refused++
	return true
}

// Start listens on a free loopback port until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), Messages: make(chan Message, 16), ln: ln}
	s.wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Go(func() { s.serve(conn) })
		}
	})
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

func (s *Server) serve(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	say := func(line string) { _, _ = io.WriteString(conn, line+"\r\n") }
	say("220 notifytest ESMTP")
	var m Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO" || verb == "HELO":
			say("250-notifytest")
			say("250 AUTH PLAIN")
		case verb == "AUTH":
			say("235 ok")
		case strings.HasPrefix(strings.ToUpper(line), "MAIL FROM:") && s.refuse():
			say("451 4.3.0 try again later")
		case strings.HasPrefix(strings.ToUpper(line), "MAIL FROM:"):
			m = Message{From: strings.Trim(line[len("MAIL FROM:"):], "<> ")}
			say("250 ok")
		case strings.HasPrefix(strings.ToUpper(line), "RCPT TO:"):
			m.To = append(m.To, strings.Trim(line[len("RCPT TO:"):], "<> "))
			say("250 ok")
		case verb == "DATA":
			say("354 go on")
			var raw strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				raw.WriteString(strings.TrimPrefix(l, "."))
			}
			m.Raw = raw.String()
			if msg, err := mail.ReadMessage(strings.NewReader(m.Raw)); err == nil {
				m.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
				body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
				m.Body = string(body)
			}
			s.Messages <- m
			say("250 queued")
		case verb == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}
