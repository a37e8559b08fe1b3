package i18n

import (
	"regexp"
	"testing"
)

// TestCountsAgreeInEnglish: a count of one takes the singular in English
// (as Number writes it); other counts and Chinese keep
// the one form.
func TestCountsAgreeInEnglish(t *testing.T) {
	t.Parallel()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	en, _ := c.Lookup("en")
	zh, _ := c.Lookup("zh")
	pe, pz := c.Printer(en), c.Printer(zh)
	for _, tc := range []struct {
		p    *Printer
		args []any
		want string
	}{
		{pe, []any{"1"}, "1 article"},
		{pe, []any{"0"}, "0 articles"},
		{pe, []any{"12"}, "12 articles"},
		{pe, []any{pe.Number(12345)}, "12,345 articles"},
		{pz, []any{"1"}, "共 1 篇文章"},
		{pz, []any{"12"}, "共 12 篇文章"},
	} {
		if got := tc.p.T("admin.news.count", tc.args...); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.p.Lang.Code, tc.args, got, tc.want)
		}
	}
	if got := pe.T("hallmap.count", "1", "0"); got != "1 booth in this hall, 0 available." {
		t.Errorf("hallmap.count: %q", got)
	}
	if got := pe.T("exhibitors.import.summary", "a.csv", "UTF-8", "1", "1", "0", "0"); got != "“a.csv” (UTF-8) has 1 row: 1 new, 0 to update, 0 with errors that will be skipped." {
		t.Errorf("exhibitors.import.summary: %q", got)
	}
}

// TestSingularsUseTheirMessagesArguments: a singular says every fact its
// plural says, so neither drops one nor prints %!(EXTRA).
func TestSingularsUseTheirMessagesArguments(t *testing.T) {
	t.Parallel()
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	for key, o := range singulars {
		tr, ok := messages[key]
		if !ok {
			t.Errorf("%s: a singular without its message", key)
			continue
		}
		if got, want := argSet(verbs, o.text), argSet(verbs, tr[o.lang]); got != want && !(want == "%" && got == "%[1]") {
			t.Errorf("%s: singular's arguments %s, message's %s", key, got, want)
		}
	}
}
