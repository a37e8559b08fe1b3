package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzTokens checks the tokens of any text: never empty, valid UTF-8,
// lower-cased and NFKC-normalised as the package says, made of letters and
// digits only, each once, the same on every call; CJK tokens are one
// character or a pair, other tokens hold no CJK; and a text of query length
// matches itself, word by word.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"教育装备 Expo 2027，ＡＢＣ!", "辽宁省召开全省教育装备工作会议。Smart classrooms and STEM labs.", "STEM教育robot机器人",
		"", " ", "\x00", "\xff\xfe", "a\x00b", "\uFEFF标题", "１２３４５", "ｓｍａｒｔ", "İstanbul", "ß STRASSE", "Ǆ ǅ ǆ", "ﬁle", "㍿ ㋿ ㌀",
		"e\u0301 é", "한국어 にほんご カタカナ", "𠀀𠀁𠀂", "🙂👍🏽", "x\u200by", "\u202eevil", "99999999999999999999999999",
		"=cmd|'/c calc'!A0", "<script>alert(1)</script>", "a\r\nb", strings.Repeat("教", MaxQueryRunes+1), strings.Repeat("ab ", 60),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tokens, query, terms := Tokens(text), QueryTokens(text), Terms(text)
		if !slices.Equal(Tokens(text), tokens) || !slices.Equal(QueryTokens(text), query) || !slices.Equal(Terms(text), terms) {
			t.Fatalf("%q: tokens differ from call to call", text)
		}
		for _, list := range [][]string{tokens, query} {
			seen := map[string]bool{}
			for _, tok := range list {
				checkToken(t, text, tok)
				if seen[tok] {
					t.Fatalf("%q: token %q twice in %q", text, tok, list)
				}
				seen[tok] = true
			}
		}
		for _, term := range terms {
			if term == "" || !utf8.ValidString(term) {
				t.Fatalf("%q: term %q", text, term)
			}
		}
		if len(query) > MaxQueryRunes {
			t.Fatalf("%q: %d query tokens", text, len(query))
		}
		if utf8.RuneCountInString(text) <= MaxQueryRunes {
			for _, q := range query {
				if !slices.Contains(tokens, q) {
					t.Fatalf("%q does not match itself: query token %q is not among %q", text, q, tokens)
				}
			}
		}
	})
}

func checkToken(t *testing.T, text, tok string) {
	t.Helper()
	if tok == "" || !utf8.ValidString(tok) || tok != strings.ToLower(tok) || !norm.NFKC.IsNormalString(tok) {
		t.Fatalf("%q: token %q is empty, not UTF-8, not lower-cased or not NFKC", text, tok)
	}
	cjk := 0
	for _, r := range tok {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			t.Fatalf("%q: token %q holds %q", text, tok, r)
		}
		if isCJK(r) {
			cjk++
		}
	}
	if n := utf8.RuneCountInString(tok); cjk != 0 && (cjk != n || n > 2) {
		t.Fatalf("%q: token %q mixes CJK and other text or is longer than a pair", text, tok)
	}
}
