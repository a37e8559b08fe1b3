package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	got := Tokens("教育装备 Expo 2027，ＡＢＣ!")
	for _, want := range []string{"教", "育", "装", "备", "教育", "育装", "装备", "expo", "2027", "abc"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tokens lacks %q: %v", want, got)
		}
	}
	if slices.Contains(got, "备expo") || slices.Contains(got, "教育装备") {
		t.Errorf("unexpected token in %v", got)
	}
}

// Text with nothing to index still gives a list: the database column that
// holds it takes no NULL, and a nil slice is sent as one.
func TestTokensOfTextWithoutWords(t *testing.T) {
	for _, text := range []string{"", "!!!", "😀", "\u200b", "\u202e", "——\n\n"} {
		if got := Tokens(text); got == nil || len(got) != 0 {
			t.Errorf("Tokens(%q) = %#v, want an empty list", text, got)
		}
	}
}

func TestQueryMatchesText(t *testing.T) {
	text := Tokens("辽宁省召开全省教育装备工作会议。Smart classrooms and STEM labs.")
	for _, tc := range []struct {
		q     string
		match bool
	}{
		{"教育装备", true},
		{"教", true},
		{"教育", true},
		{"装备会议", false}, // 备会 is not in the text
		{"smart", true},
		{"SMART Classrooms", true},
		{"ｓｍａｒｔ", true},
		{"stem 教育", true},
		{"robot", false},
	} {
		qt := QueryTokens(tc.q)
		all := len(qt) > 0
		for _, tok := range qt {
			all = all && slices.Contains(text, tok)
		}
		if all != tc.match {
			t.Errorf("%q (tokens %v): match %v, want %v", tc.q, qt, all, tc.match)
		}
	}
}

func TestAbsurdQueries(t *testing.T) {
	for _, q := range []string{"", "   ", "\x00\x01\x02", `"""`, "'; DROP TABLE articles; --", strings.Repeat("教", 10000)} {
		qt := QueryTokens(q)
		if len(qt) > MaxQueryRunes {
			t.Errorf("%.20q: %d tokens", q, len(qt))
		}
	}
	if len(QueryTokens("\x00\x01")) != 0 {
		t.Error("control characters make tokens")
	}
}
