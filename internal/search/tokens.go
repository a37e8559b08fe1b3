// Package search builds the tokens that article search indexes and matches:
// lower-cased words for alphabetic text, and for Chinese, Japanese and
// Korean (which have no spaces) every character and every pair of adjacent
// characters. A query matches a text whose tokens include all of its own.
package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxQueryRunes bounds what a query may hold; the rest is ignored.
const MaxQueryRunes = 100

// Tokens returns the distinct tokens of text, for indexing. Text with no
// letter or digit ("!!!", an emoji) has none: the list is then empty, never
// nil, for an index column that holds no NULL.
func Tokens(text string) []string {
	set := tokenSet{list: []string{}}
	add := set.add
	each(text, func(word []rune, cjk bool) {
		if !cjk {
			add(string(word))
			return
		}
		for i := range word {
			add(string(word[i]))
			if i+1 < len(word) {
				add(string(word[i : i+2]))
			}
		}
	})
	return set.list
}

// tokenSet keeps tokens in first-seen order, each once.
type tokenSet struct {
	seen map[string]bool
	list []string
}

func (s *tokenSet) add(t string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[t] {
		s.seen[t] = true
		s.list = append(s.list, t)
	}
}

// QueryTokens returns the tokens a text must all hold to match q: for a CJK
// run the pairs that cover it (or the character alone), for other text its
// words. Empty when q has nothing searchable.
func QueryTokens(q string) []string {
	if r := []rune(q); len(r) > MaxQueryRunes {
		q = string(r[:MaxQueryRunes])
	}
	var set tokenSet
	add := set.add
	each(q, func(word []rune, cjk bool) {
		if !cjk || len(word) == 1 {
			add(string(word))
			return
		}
		for i := 0; i+1 < len(word); i++ {
			add(string(word[i : i+2]))
		}
	})
	return set.list
}

// Terms are the parts of q to highlight: its words and CJK runs.
func Terms(q string) []string {
	if r := []rune(q); len(r) > MaxQueryRunes {
		q = string(r[:MaxQueryRunes])
	}
	var out []string
	each(q, func(word []rune, _ bool) { out = append(out, string(word)) })
	return out
}

// Fold is s as tokens and terms see it: NFKC-normalised (full-width Ａ is
// A) and lower-cased.
func Fold(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

// each calls fn with every run of letters or digits in s, lower-cased and
// NFKC-normalised (full-width Ａ is A), split where CJK meets other text.
func each(s string, fn func(word []rune, cjk bool)) {
	s = Fold(s)
	var word []rune
	wordCJK := false
	flush := func() {
		if len(word) > 0 {
			fn(word, wordCJK)
			word = nil
		}
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		c := isCJK(r)
		if len(word) > 0 && c != wordCJK {
			flush()
		}
		wordCJK = c
		word = append(word, r)
	}
	flush()
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
