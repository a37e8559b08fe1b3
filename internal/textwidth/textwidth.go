// Package textwidth measures and shortens text by display width: a CJK
// character takes two columns, a Latin letter one. Titles are cut here, by
// whole characters, never by bytes.
package textwidth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

const ellipsis = "…"

// RuneWidth is the columns r takes: 2 for wide and fullwidth characters,
// 0 for combining marks and zero-width characters, else 1.
func RuneWidth(r rune) int {
	if r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFE0F || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Width is the display width of s.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// Truncate shortens s to at most max columns, ending in "…" when it cut
// anything. It cuts between characters only, keeps a combining mark with
// its base, and drops spaces and punctuation left dangling before the
// ellipsis.
func Truncate(s string, max int) string {
	if Width(s) <= max {
		return s
	}
	room := max - Width(ellipsis)
	if room <= 0 {
		return ellipsis
	}
	used, cut := 0, 0
	for i, r := range s {
		w := RuneWidth(r)
		if used+w > room {
			break
		}
		used += w
		cut = i + utf8.RuneLen(r)
	}
	// A combining mark after the cut belongs to the last kept character:
	// drop that character rather than separate them.
	if r, _ := utf8.DecodeRuneInString(s[cut:]); RuneWidth(r) == 0 && r != utf8.RuneError {
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	// Inside a word of a spaced script, back up to the space before it, so
	// "Smart classrooms" is never shown as "Smart classr…"; a cut that would
	// lose more than two thirds of the room keeps the word cut instead.
	if before, _ := utf8.DecodeLastRuneInString(s[:cut]); inWord(before) {
		if after, _ := utf8.DecodeRuneInString(s[cut:]); inWord(after) {
			if sp := strings.LastIndexFunc(s[:cut], unicode.IsSpace); sp > 0 && Width(s[:sp]) >= room/3 {
				cut = sp
			}
		}
	}
	out := []rune(s[:cut])
	for len(out) > 0 && (unicode.IsSpace(out[len(out)-1]) || isTrailingPunct(out[len(out)-1])) {
		out = out[:len(out)-1]
	}
	return string(out) + ellipsis
}

// inWord reports a letter or digit of a script written with spaces
// between words (not Chinese, where any character boundary will do).
func inWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && RuneWidth(r) == 1
}

func isTrailingPunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '-', '，', '、', '；', '：', '。', '·':
		return true
	}
	return false
}
