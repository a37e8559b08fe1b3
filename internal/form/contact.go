package form

import (
	"net/mail"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ParsePhone reads a mobile number as people type it: spaces, dashes, dots
// and brackets, full-width digits, a +86 / 0086 prefix. A mainland number
// must be a mobile one (11 digits, 1[3-9]…) and comes back bare
// ("13812345678"); any other country must be written internationally (+ or
// 00 and the country code) and comes back as +digits (E.164). The key is ""
// or the message to show.
func ParsePhone(s string) (string, string) {
	s = width.Fold.String(strings.TrimSpace(s))
	if s == "" {
		return "", "form.err.phone_needed"
	}
	plus := false
	switch {
	case strings.HasPrefix(s, "+"):
		plus, s = true, s[1:]
	case strings.HasPrefix(s, "00"):
		plus, s = true, s[2:]
	}
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case strings.ContainsRune(" -.()/", r):
		default:
			return "", "form.err.phone"
		}
	}
	d := digits.String()
	if plus && strings.HasPrefix(d, "86") {
		plus, d = false, d[2:]
	}
	if !plus {
		if len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' {
			return d, ""
		}
		return "", "form.err.phone"
	}
	// E.164: a country code that does not start with 0, at most 15 digits.
	if len(d) < 8 || len(d) > 15 || d[0] == '0' {
		return "", "form.err.phone"
	}
	return "+" + d, ""
}

// ParseEmail checks one plain address ("name@example.org", no display
// name) and returns it lower-cased.
func ParseEmail(s string) (string, string) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" {
		return "", "form.err.email_needed"
	}
	a, err := mail.ParseAddress(s)
	// The limit holds for the address kept: lower case can be longer (Ⱥ, ⱥ).
	if err != nil || a.Address != s || len(strings.ToLower(s)) > 254 || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "", "form.err.email"
	}
	return strings.ToLower(s), ""
}

// BadText reports text that cannot be saved as typed: invalid UTF-8, or a
// control character (line breaks and tabs only where multiline). A name
// with a line break in it would break CSV rows and mail headers.
func BadText(s string, multiline bool) bool {
	return !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			return false
		}
		return r < ' ' || r == 0x7f
	})
}
