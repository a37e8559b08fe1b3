package search

import (
	"slices"
	"strings"
	"unicode"

	"github.com/expoportal/portal/internal/textwidth"
)

// Part is a piece of a search result's snippet; Mark parts matched.
type Part struct {
	Text string
	Mark bool
}

// markup are the Markdown characters a snippet leaves out.
const markup = "#*_>`|~"

// PlainText strips the Markdown a snippet should not show: a link or an
// image keeps its text and loses its target, markup characters go, and
// runs of space close up. One pass, no regular expression: a search page
// strips every hit's whole body, and a backtracking link pattern over
// pages of Markdown cost more than the rest of the page together.
func PlainText(md string) string {
	var b strings.Builder
	b.Grow(len(md))
	keep := func(s string) {
		for i := 0; i < len(s); i++ {
			if strings.IndexByte(markup, s[i]) < 0 {
				b.WriteByte(s[i])
			}
		}
	}
	for i := 0; i < len(md); {
		open := i
		if md[i] == '!' && i+1 < len(md) && md[i+1] == '[' {
			open = i + 1
		}
		if md[open] == '[' {
			// [text](target): the first ] after [ must be followed by (, and
			// the target runs to the first ).
			if end := strings.IndexByte(md[open+1:], ']'); end >= 0 {
				closing := open + 1 + end
				if closing+1 < len(md) && md[closing+1] == '(' {
					if target := strings.IndexByte(md[closing+2:], ')'); target >= 0 {
						keep(md[open+1 : closing])
						i = closing + 2 + target + 1
						continue
					}
				}
			}
		}
		keep(md[i : i+1])
		i++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Snippet is about width columns of text around the first match of any
// term, with every match marked. It works on runes lower-cased one by one,
// so offsets in the folded text are offsets in the original (strings.ToLower
// may change a string's length in bytes: "İ" becomes "i̇").
func Snippet(text string, terms []string, width int) []Part {
	runes := []rune(text)
	folded := make([]rune, len(runes))
	for i, r := range runes {
		folded[i] = unicode.ToLower(r)
	}
	var needles [][]rune
	for _, t := range terms {
		if t == "" {
			continue
		}
		n := []rune(t)
		for i, r := range n {
			n[i] = unicode.ToLower(r)
		}
		needles = append(needles, n)
	}
	// match returns the earliest, then longest, needle at or after from.
	match := func(from int) (at, length int) {
		at = -1
		for _, n := range needles {
			if i := indexRunes(folded[from:], n); i >= 0 && (at < 0 || from+i < at || (from+i == at && len(n) > length)) {
				at, length = from+i, len(n)
			}
		}
		return at, length
	}
	start := 0
	if first, _ := match(0); first > 0 {
		// Begin a quarter of the width before the first match.
		back := 0
		for start = first; start > 0 && back < width/4; start-- {
			back += textwidth.RuneWidth(runes[start-1])
		}
	}
	end, used := start, 0
	for end < len(runes) && used+textwidth.RuneWidth(runes[end]) <= width {
		used += textwidth.RuneWidth(runes[end])
		end++
	}
	var parts []Part
	if start > 0 {
		parts = append(parts, Part{Text: "…"})
	}
	for i := start; i < end; {
		at, n := match(i)
		if at < 0 || at >= end {
			parts = append(parts, Part{Text: string(runes[i:end])})
			break
		}
		if at > i {
			parts = append(parts, Part{Text: string(runes[i:at])})
		}
		stop := min(at+n, end)
		parts = append(parts, Part{Text: string(runes[at:stop]), Mark: true})
		i = stop
	}
	if end < len(runes) {
		parts = append(parts, Part{Text: "…"})
	}
	return parts
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
