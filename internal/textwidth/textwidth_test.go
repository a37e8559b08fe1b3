package textwidth

import (
	"testing"
	"unicode/utf8"
)

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":         0,
		"abc":      3,
		"教育装备":     8,
		"2027辽宁":   8,
		"ＡＢ":       4, // fullwidth Latin
		"ｶﾀｶﾅ":     4, // halfwidth katakana
		"e\u0301":  1, // e + combining acute
		"한국어":      6,
		"Expo 展会！": 11, // fullwidth "！"
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"Liaoning: Accelerating the Construction", 20, "Liaoning…"},
		{"辽宁省教育厅召开全省教育工作会议", 10, "辽宁省教…"},   // 4 CJK = 8 columns + … = 9
		{"辽宁省教育厅召开全省教育工作会议", 11, "辽宁省教育…"},  // 5 CJK = 10 + 1
		{"2027辽宁教育装备展示会开幕", 12, "2027辽宁教…"}, // mixed: 4 + 6 + 1
		{"关于印发《实施方案》的通知", 9, "关于印发…"},
		{"Notice of Liao Jiao Fa [2024] No. 2 on Issuing", 26, "Notice of Liao Jiao Fa…"},
		{"one, two, three", 6, "one…"},
		{"Smart classrooms in Shenyang", 14, "Smart…"}, // never "Smart classr…"
		{"Smart classrooms in Shenyang", 19, "Smart classrooms…"},
		{"Supercalifragilistic words", 12, "Supercalifr…"}, // one long word: cut inside it
		{"教育，装备", 6, "教育…"},                                // dangling comma dropped
		{"cafe\u0301 au lait", 5, "cafe\u0301…"},           // the accent stays with its e
		{"cafe\u0301 au lait", 4, "caf…"},
		{"abc", 1, "…"},
		{"abc", 0, "…"},
	} {
		got := Truncate(tc.in, tc.max)
		if got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) is not valid UTF-8", tc.in, tc.max)
		}
		if tc.max > 0 && Width(got) > tc.max {
			t.Errorf("Truncate(%q, %d) = %q is %d wide", tc.in, tc.max, got, Width(got))
		}
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("辽宁教育装备 Expo 2027", 7)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if !utf8.ValidString(s) || max < 1 || max > 200 {
			return
		}
		got := Truncate(s, max)
		if !utf8.ValidString(got) || Width(got) > max {
			t.Fatalf("Truncate(%q, %d) = %q (width %d)", s, max, got, Width(got))
		}
	})
}
