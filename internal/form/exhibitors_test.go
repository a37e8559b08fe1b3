package form

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestExhibitorValidation(t *testing.T) {
	langs := []string{"zh", "en"}
	base := url.Values{"name_zh": {"沈阳启航教学设备有限公司"}, "booth": {"1a08"}, "hall": {"1"},
		"website": {"https://www.qihang-edu.example.cn"}, "category": {"stem", "smart-classroom"}}
	with := func(k string, v ...string) url.Values {
		c := url.Values{}
		for kk, vv := range base {
			c[kk] = vv
		}
		c[k] = v
		return c
	}
	in, errs := ParseExhibitor(base, langs, testHalls)
	if len(errs) != 0 {
		t.Fatalf("valid form refused: %v", errs)
	}
	if in.Booth != "1A08" || !slices.Equal(in.Categories, []string{"smart-classroom", "stem"}) || in.Names["en"] != "" {
		t.Errorf("input %+v", in)
	}
	for _, tc := range []struct {
		form       url.Values
		field, key string
	}{
		{with("name_zh", " "), "name_zh", "exhibitors.err.name_needed"},
		{with("description_en", "Teaching kits."), "name_en", "exhibitors.err.name_for_text"},
		{with("name_en", strings.Repeat("x", 201)), "name_en", "form.too_long"},
		{with("booth", "1A 08"), "booth", "exhibitors.err.booth"},
		{with("booth", "1A08-12345678"), "booth", "exhibitors.err.booth"},
		{with("hall", "3"), "hall", "exhibitors.err.hall"},
		{with("category", "toys"), "category", "exhibitors.err.category"},
		{with("website", "www.qihang-edu.example.cn"), "website", "exhibitors.err.website"},
		{with("website", "javascript:alert(1)"), "website", "exhibitors.err.website"},
		{with("website", "https://user:pw@example.cn/"), "website", "exhibitors.err.website"},
		{with("website", "https://exa mple.cn/"), "website", "exhibitors.err.website"},
	} {
		if _, got := ParseExhibitor(tc.form, langs, testHalls); got[tc.field] != tc.key {
			t.Errorf("%v: errors %v, want %s on %s", tc.form, got, tc.key, tc.field)
		}
	}
}
