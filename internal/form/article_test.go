package form

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
)

func TestArticleValidation(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, loc)
	base := url.Values{"category": {"expo"}, "action": {"draft"}, "released_at": {"2026-11-24T10:00"},
		"title_zh": {"标题"}, "version": {"3"}}
	with := func(k, v string) url.Values {
		c := url.Values{}
		for kk, vv := range base {
			c[kk] = vv
		}
		c.Set(k, v)
		return c
	}
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string
		key   string
	}{
		{"ok", base, "", ""},
		{"bad category", with("category", "sports"), "category", "form.category"},
		{"no time", with("released_at", "tomorrow"), "released_at", "form.released_at"},
		{"schedule in the past", with("action", "schedule"), "released_at", "form.schedule_past"},
		{"no language", with("title_zh", ""), "title_zh", "form.one_language"},
		{"body without title", with("body_en", "text"), "title_en", "form.title_needed"},
		{"long title", with("title_zh", strings.Repeat("长", 201)), "title_zh", "form.too_long"},
		{"nul", with("summary_zh", "a\x00b"), "summary_zh", "form.bad_text"},
		{"bad action", with("action", "delete-all"), "action", "form.action"},
		{"bad cover", with("cover_id", "abc"), "cover_id", "form.cover"},
		{"cover past int64", with("cover_id", "99999999999999999999"), "cover_id", "form.cover"},
		{"punctuation title", with("title_zh", "!!!"), "", ""},
		{"emoji title", with("title_zh", "😀"), "", ""},
		{"zero-width title", with("title_zh", "\u200b"), "title_zh", "form.title_invisible"},
		{"direction mark title", with("title_zh", "\u202e\u2066"), "title_zh", "form.title_invisible"},
		{"nul title", with("title_zh", "\x00"), "title_zh", "form.bad_text"},
	} {
		a := ParseArticle(tc.form, []string{"zh", "en"}, loc)
		errs := a.Validate(now)
		if tc.field == "" && len(errs) != 0 {
			t.Errorf("%s: %v", tc.name, errs)
		}
		if tc.field != "" && errs[tc.field] != tc.key {
			t.Errorf("%s: errors %v, want %s=%s", tc.name, errs, tc.field, tc.key)
		}
	}
	// A version the 32-bit column cannot hold is no version (a stale form),
	// not the largest int; the version is the form state's, as for every editor.
	for _, v := range []string{"99999999999999999999", "2147483648", "x"} {
		if st := Posted(with("version", v)); st.Version != 0 {
			t.Errorf("version %s parsed as %d", v, st.Version)
		}
	}
	if st := Posted(base); st.Version != 3 {
		t.Errorf("version 3 parsed as %d", st.Version)
	}
	a := ParseArticle(with("action", "publish"), []string{"zh", "en"}, loc)
	e := a.Apply(store.EditArticle{Version: 3}, now)
	if e.Status != "published" || len(e.Texts) != 1 || e.Version != 3 {
		t.Errorf("apply: %+v", e)
	}
}
