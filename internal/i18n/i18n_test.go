package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEveryKeyIsTranslated(t *testing.T) {
	t.Parallel()
	if _, err := New(); err != nil {
		t.Fatal(err)
	}
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	for key, tr := range messages {
		for _, lang := range []string{"zh", "en"} {
			if strings.TrimSpace(tr[lang]) == "" {
				t.Errorf("%s: no %s translation", key, lang)
			}
		}
		if len(tr) != 2 {
			t.Errorf("%s: %d languages, want zh and en", key, len(tr))
		}
		// Both languages must use the same arguments, or one drops a fact. Formats
		// are exempt: they are handed date parts to pick from.
		if strings.HasPrefix(key, "format.") {
			continue
		}
		if zh, en := argSet(verbs, tr["zh"]), argSet(verbs, tr["en"]); zh != en {
			t.Errorf("%s: arguments differ: zh %s, en %s", key, zh, en)
		}
	}
}

func argSet(re *regexp.Regexp, s string) string {
	seen := map[string]bool{}
	for _, m := range re.FindAllString(s, -1) {
		seen[m[:len(m)-1]] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

// TestKeysUsedInCodeExist catches a typo in a key: x/text would print the
// key itself to the visitor instead of failing.
func TestKeysUsedInCodeExist(t *testing.T) {
	t.Parallel()
	used := regexp.MustCompile(`\.T\("([a-z0-9_.]+)"[,)]`)
	prefix := regexp.MustCompile(`\.T\("([a-z0-9_.]+\.)" \+`)
	root := filepath.Join("..", "..")
	found := 0
	for _, dir := range []string{"templates", "internal"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".templ") || strings.HasSuffix(path, ".go")) ||
				strings.HasSuffix(path, "_templ.go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range used.FindAllStringSubmatch(string(src), -1) {
				found++
				if _, ok := messages[m[1]]; !ok {
					t.Errorf("%s uses %q, which the catalog lacks", path, m[1])
				}
			}
			for _, m := range prefix.FindAllStringSubmatch(string(src), -1) {
				ok := false
				for k := range messages {
					ok = ok || strings.HasPrefix(k, m[1])
				}
				if !ok {
					t.Errorf("%s builds keys from %q, which no catalog key starts with", path, m[1])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if found < 20 {
		t.Fatalf("found only %d uses of T(...): is the pattern still right?", found)
	}
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ cookie, accept, want string }{
		{"", "", "zh"},
		{"", "en", "en"},
		{"", "en-GB,en;q=0.8", "en"},
		{"", "zh-CN,zh;q=0.9,en;q=0.8", "zh"},
		{"", "zh-Hant-TW", "zh"},
		{"", "en;q=0.5,zh;q=0.9", "zh"},
		{"", "ja,en;q=0.3", "en"},
		{"", "ja,ko", "zh"},
		{"", "*", "zh"},
		{"", "not a header ;;;", "zh"},
		{"en", "zh-CN", "en"},
		{"zh", "en-US", "zh"},
		{"EN", "", "zh"}, // codes are lower case; anything else is no choice
		{"fr", "en", "en"},
	} {
		if got := c.Negotiate(tc.cookie, tc.accept).Code; got != tc.want {
			t.Errorf("Negotiate(cookie %q, Accept-Language %q) = %s, want %s", tc.cookie, tc.accept, got, tc.want)
		}
	}
}

func TestFormatting(t *testing.T) {
	t.Parallel()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	zh, en := c.Printer(c.langs[0]), c.Printer(c.langs[1])
	a := time.Date(2027, 4, 16, 9, 0, 0, 0, time.UTC)
	b := time.Date(2027, 4, 18, 16, 0, 0, 0, time.UTC)
	x := time.Date(2027, 5, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ got, want string }{
		{zh.Date(a), "2027年4月16日"},
		{en.Date(a), "16 April 2027"},
		{zh.DateRange(a, b), "2027年4月16日—18日"},
		{en.DateRange(a, b), "16–18 April 2027"},
		{zh.DateRange(a, x), "2027年4月16日—2027年5月2日"},
		{en.DateRange(a, x), "16 April 2027 – 2 May 2027"},
		{en.DateRange(a, a), "16 April 2027"},
		{zh.Number(549426), "549,426"},
		{en.Number(1234567), "1,234,567"},
		{en.T("footer.visitors", en.Number(549426)), "You are visitor No. 549,426"},
		{zh.T("footer.visitors", zh.Number(549426)), "您是第 549,426 位访客"},
		{zh.T("site.welcome", "展会"), "欢迎访问展会官方网站"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestPlainMessagesReadAsTheCatalogWould: T's shortcut for messages without
// verbs gives exactly what the catalog's formatting gives, in every
// language, and messages with verbs still format their arguments.
func TestPlainMessagesReadAsTheCatalogWould(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Langs() {
		p := c.Printer(l)
		shortcut := 0
		for key := range messages {
			if _, ok := p.plain[key]; ok {
				shortcut++
			}
			if got, want := p.T(key), p.p.Sprintf(key); got != want {
				t.Errorf("%s %s: T gives %q, the catalog %q", l.Code, key, got, want)
			}
		}
		if shortcut < len(messages)/2 {
			t.Errorf("%s: only %d of %d messages take the shortcut", l.Code, shortcut, len(messages))
		}
	}
	en, _ := c.Lookup("en")
	if got := c.Printer(en).T("footer.visitors", "1,234"); !strings.Contains(got, "1,234") {
		t.Errorf("a message with a verb lost its argument: %q", got)
	}
}
