// Package ical writes iCalendar (RFC 5545) files: a calendar of events with
// times in UTC, text escaped and lines folded. Writing it by hand is a page
// of code; no library is needed for that.
package ical

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is a VCALENDAR published for subscription or download.
type Calendar struct {
	ProdID string // "-//Org//Product//EN"
	Name   string // X-WR-CALNAME, what calendar apps call it
	Events []Event
}

// Event is a VEVENT.
type Event struct {
	UID         string
	Sequence    int
	Stamp       time.Time // DTSTAMP: when this file was made
	Start, End  time.Time
	Modified    time.Time // LAST-MODIFIED; zero leaves it out
	Summary     string
	Description string
	Location    string
	Categories  []string
	URL         string
}

const utcFormat = "20060102T150405Z"

// Encode writes the calendar: CRLF line ends, lines folded at 75 octets.
func (c Calendar) Encode() []byte {
	var b bytes.Buffer
	line := func(name, value string) { writeLine(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", Text(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Text(c.Name))
	}
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", e.Stamp.UTC().Format(utcFormat))
		line("DTSTART", e.Start.UTC().Format(utcFormat))
		line("DTEND", e.End.UTC().Format(utcFormat))
		line("SEQUENCE", strconv.Itoa(e.Sequence))
		if !e.Modified.IsZero() {
			line("LAST-MODIFIED", e.Modified.UTC().Format(utcFormat))
		}
		line("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Text(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", Text(e.Location))
		}
		if len(e.Categories) > 0 {
			var cs []string
			for _, c := range e.Categories {
				cs = append(cs, Text(c))
			}
			line("CATEGORIES", strings.Join(cs, ","))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

// Text escapes a TEXT value: backslash, semicolon, comma and newline
// (RFC 5545 3.3.11). Carriage returns and other control characters, which
// a TEXT value may not hold, are dropped.
func Text(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t', r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeLine folds a content line so that no line is longer than 75
// octets, never inside a UTF-8 character: each continuation line starts
// with a space, which counts towards its 75.
func writeLine(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
