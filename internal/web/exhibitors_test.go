package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func names(d *goquery.Document) []string {
	var out []string
	d.Find(`[data-testid=exhibitor-list] .exh-name a`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}

func TestExhibitorDirectory(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	all, err := store.New(site.pool).AllExhibitors(context.Background())
	if err != nil || len(all) < 64 {
		t.Fatalf("%d demo exhibitors, %v", len(all), err)
	}
	total := len(all)
	pages := (total + 23) / 24

	// Chinese: pinyin order across the pages, 24 a page.
	var zh []string
	for n := 1; n <= pages; n++ {
		path := "/zh/exhibitors/"
		if n > 1 {
			path += "?page=" + strconv.Itoa(n)
		}
		d := site.doc(t, path, http.StatusOK)
		got := names(d)
		if n < pages && len(got) != 24 {
			t.Errorf("%s: %d exhibitors, want 24", path, len(got))
		}
		zh = append(zh, got...)
		if n == 1 && !strings.Contains(d.Find(`[data-testid=exhibitor-count]`).Text(), "68") && total == 68 {
			t.Errorf("count %q", d.Find(`[data-testid=exhibitor-count]`).Text())
		}
	}
	if len(zh) != total {
		t.Fatalf("%d exhibitors over the pages, want %d", len(zh), total)
	}
	pos := func(list []string, prefix string) int {
		return slices.IndexFunc(list, func(s string) bool { return strings.HasPrefix(s, prefix) })
	}
	// 长春 (cháng) before 大连 (dà), 沈阳 (shěn) after 上海 (shàng), 中科 last-ish.
	if !(pos(zh, "阿里山") == 0 && pos(zh, "长春") < pos(zh, "大连") && pos(zh, "上海") < pos(zh, "沈阳") && pos(zh, "重庆") < pos(zh, "大连")) {
		t.Errorf("not in pinyin order: %v", zh)
	}
	site.doc(t, "/zh/exhibitors/?page="+strconv.Itoa(pages+1), http.StatusNotFound)

	// English: alphabetical.
	en := names(site.doc(t, "/en/exhibitors/", http.StatusOK))
	if !slices.IsSortedFunc(en, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) || !strings.HasPrefix(en[0], "Alishan") {
		t.Errorf("English not alphabetical: %v", en)
	}

	// Filters: category and hall, search; the form keeps them.
	d := site.doc(t, "/en/exhibitors/?category=arts&hall=2", http.StatusOK)
	if got := names(d); len(got) == 0 || !slices.Contains(got, "Dalian Haiyun Musical Instruments Co., Ltd.") {
		t.Errorf("arts in hall 2: %v", got)
	}
	if v, _ := d.Find(`#exh-category option[selected]`).Attr("value"); v != "arts" {
		t.Errorf("category select shows %q", v)
	}
	if href, _ := d.Find(`[data-testid=lang-switch]`).Attr("href"); href != "/zh/exhibitors/?category=arts&hall=2" {
		t.Errorf("language switch %q loses the filters", href)
	}
	if got := names(site.doc(t, "/zh/exhibitors/?q=1a08", http.StatusOK)); len(got) != 1 || got[0] != "长春光华实验设备有限公司" {
		t.Errorf("booth search: %v", got)
	}
	if got := names(site.doc(t, "/en/exhibitors/?q=haiyun", http.StatusOK)); len(got) != 1 {
		t.Errorf("name search: %v", got)
	}
	for _, q := range []string{strings.Repeat("展", 3000), "<script>alert(1)</script>", "'; DROP TABLE exhibitors; --", "\x1b%", "100%_"} {
		d := site.doc(t, "/en/exhibitors/?q="+url.QueryEscape(q)+"&category=nonsense&hall=9", http.StatusOK)
		if d.Find(`[data-testid=exhibitors-empty]`).Length() != 1 || d.Find("script:not([type])").Length() != 0 {
			t.Errorf("query %.20q: no calm empty result", q)
		}
	}
	if all, _ := store.New(site.pool).AllExhibitors(context.Background()); len(all) != total {
		t.Error("a query changed the table")
	}
}

func TestExhibitorPage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	list, err := store.New(site.pool).Exhibitors(context.Background(), store.ExhibitorFilter{Q: "1A08"})
	if err != nil || len(list) != 1 {
		t.Fatalf("%v, %v", list, err)
	}
	e := list[0]
	if res := site.get(t, "/en/exhibitors/"+strconv.FormatInt(e.ID, 10)); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/en"+e.Path() {
		t.Errorf("bare id: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	site.doc(t, "/en/exhibitors/999999", http.StatusNotFound)
	for lang, want := range map[string][2]string{
		"zh": {"长春光华实验设备有限公司", "一号馆 1A08 展位"},
		"en": {"Changchun Guanghua Laboratory Equipment Co., Ltd.", "Hall 1, booth 1A08"},
	} {
		d := site.doc(t, "/"+lang+e.Path(), http.StatusOK)
		if h1 := strings.TrimSpace(d.Find("h1").Text()); h1 != want[0] {
			t.Errorf("%s: h1 %q", lang, h1)
		}
		if got := d.Find(`[data-testid=exhibitor-where]`).Text(); got != want[1] {
			t.Errorf("%s: where %q", lang, got)
		}
		a := d.Find(`[data-testid=exhibitor-website]`)
		if href, _ := a.Attr("href"); href != "https://www.guanghua-lab.example.cn" || a.AttrOr("rel", "") != "nofollow noopener" {
			t.Errorf("%s: website link %q rel %q", lang, href, a.AttrOr("rel", ""))
		}
		if href, _ := d.Find(`[data-testid=exhibitor-categories] a`).Attr("href"); href != "/"+lang+"/exhibitors/?category=laboratory" {
			t.Errorf("%s: category link %q", lang, href)
		}
		if n := d.Find(".crumbs li").Length(); n != 4 {
			t.Errorf("%s: %d crumbs, want Home, the section, the directory, the exhibitor", lang, n)
		}
		var org map[string]any
		d.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
			var m map[string]any
			if json.Unmarshal([]byte(s.Text()), &m) == nil && m["@type"] == "Organization" {
				org = m
			}
		})
		if org == nil || org["name"] != want[0] {
			t.Errorf("%s: Organization JSON-LD %v", lang, org)
		}
	}
	// The exhibits page leads to the directory.
	if d := site.doc(t, "/en/exhibit/exhibits", http.StatusOK); d.Find(`.prose a[href="/en/exhibitors/"]`).Length() != 1 {
		t.Error("the exhibits page does not link to the directory")
	}
}

func TestExhibitorEditor(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "organiser@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "organiser@expo.example", "Shenyang-Expo-2027")
	st := store.New(site.pool)
	before, _ := st.AllExhibitors(context.Background())

	// Invalid: the page comes back with what was typed and the errors by the fields.
	form := url.Values{"name_zh": {"沈阳新星教具有限公司"}, "name_en": {"Dalian Haiyun Musical Instruments Co., Ltd."},
		"description_en": {"Teaching aids."}, "booth": {"1A 99"}, "hall": {"1"}, "website": {"www.xinxing.example.cn"},
		"category": {"stem", "arts"}}
	res := b.post(t, "/admin/exhibitors/new", form, "Accept-Language: en")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid form: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/exhibitors/new", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := goqueryParse(res)
	if v, _ := d.Find("#name_zh").Attr("value"); v != "沈阳新星教具有限公司" {
		t.Errorf("typed name lost: %q", v)
	}
	if v, _ := d.Find("#booth").Attr("value"); v != "1A 99" {
		t.Errorf("typed booth lost: %q", v)
	}
	for _, f := range []string{"booth", "website"} {
		if d.Find("#"+f+"-err").Length() != 1 || d.Find("#"+f).AttrOr("aria-invalid", "") != "true" ||
			!strings.Contains(d.Find("#"+f).AttrOr("aria-describedby", ""), f+"-err") {
			t.Errorf("%s: error not tied to the field", f)
		}
	}
	if d.Find(`input[name=category][value=arts][checked]`).Length() != 1 {
		t.Error("ticked category lost")
	}
	// A name another exhibitor has: a field error, not a 500.
	form.Set("booth", "1a99")
	form.Set("website", "https://www.xinxing.example.cn")
	res, err = b.Do(postReq(site.URL+"/admin/exhibitors/new", form))
	if err != nil {
		t.Fatal(err)
	}
	d, _ = goqueryParse(res)
	if res.StatusCode != http.StatusUnprocessableEntity || d.Find("#name_en-err").Length() != 1 {
		t.Errorf("duplicate name: %d, error %q", res.StatusCode, d.Find("#name_en-err").Text())
	}
	if after, _ := st.AllExhibitors(context.Background()); len(after) != len(before) {
		t.Fatal("a refused form wrote something")
	}
	// Valid: saved, audited, shown on the public site at once.
	form.Set("name_en", "Shenyang Xinxing Teaching Aids Co., Ltd.")
	res = b.post(t, "/admin/exhibitors/new", form)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?saved=1") {
		t.Fatalf("save: %d to %q", res.StatusCode, loc)
	}
	list := names(site.doc(t, "/en/exhibitors/?q=xinxing", http.StatusOK))
	if len(list) != 1 || list[0] != "Shenyang Xinxing Teaching Aids Co., Ltd." {
		t.Errorf("public list after save: %v", list)
	}
	audit, _ := st.RecentAudit(context.Background(), 1, "exhibitor.")
	if len(audit) != 1 || audit[0].Action != "exhibitor.create" || !strings.Contains(audit[0].Summary, `booth "" -> "1A99"`) {
		t.Errorf("audit %+v", audit)
	}
	// Delete asks first; the confirming form deletes.
	path := strings.TrimSuffix(loc, "?saved=1")
	res, err = b.Do(postReq(site.URL+path+"/delete", url.Values{}))
	if err != nil {
		t.Fatal(err)
	}
	d, _ = goqueryParse(res)
	if res.StatusCode != http.StatusOK || d.Find(`[data-testid=confirm-delete]`).Length() != 1 {
		t.Fatalf("delete without confirming: %d", res.StatusCode)
	}
	if names(site.doc(t, "/en/exhibitors/?q=xinxing", http.StatusOK)) == nil {
		t.Fatal("deleted before confirming")
	}
	if res := b.post(t, path+"/delete", url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed delete: %d", res.StatusCode)
	}
	if got := names(site.doc(t, "/en/exhibitors/?q=xinxing", http.StatusOK)); got != nil {
		t.Errorf("still listed after delete: %v", got)
	}
	if res, _ := b.get(t, path); res.StatusCode != http.StatusNotFound {
		t.Errorf("editor of a deleted exhibitor: %d", res.StatusCode)
	}
}

func postReq(u string, form url.Values) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// The directory's order, worked out once per change when the site hears
// changes, is the order worked out per request, for every filter; a
// renamed exhibitor moves at once.
func TestKeptDirectoryOrderIsTheDatabasesOrder(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	kept := newSiteOn(t, pool, nil) // page cache off: the directory alone is kept
	kept.listen(t)
	fresh := newSiteOn(t, pool, nil)
	names := func(site *testSite, path string) []string {
		var out []string
		site.doc(t, path, http.StatusOK).Find(`[data-testid=exhibitor-list] .exh-name`).Each(func(_ int, s *goquery.Selection) {
			out = append(out, strings.TrimSpace(s.Text()))
		})
		return out
	}
	paths := []string{"/zh/exhibitors/", "/en/exhibitors/", "/zh/exhibitors/?page=2", "/en/exhibitors/?hall=2",
		"/zh/exhibitors/?category=" + store.ExhibitorCategories[0], "/zh/exhibitors/?q=教育", "/en/exhibitors/?q=lab&hall=1"}
	for _, path := range paths {
		want, got := names(fresh, path), names(kept, path)
		if len(want) == 0 && path == "/zh/exhibitors/" {
			t.Fatal("no exhibitors listed: this test would prove nothing")
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: kept order %q, want %q", path, got, want)
		}
	}
	// The first on the Chinese list is renamed to come last.
	first := names(kept, "/zh/exhibitors/")[0]
	if _, err := pool.Exec(context.Background(), "UPDATE exhibitor_texts SET name = '鑫' || name WHERE lang = 'zh' AND name = $1", first); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool {
		return names(kept, "/zh/exhibitors/")[0] != first
	})
	if got, want := names(kept, "/zh/exhibitors/"), names(fresh, "/zh/exhibitors/"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after the rename: %q, want %q", got, want)
	}
}

func TestExhibitorEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "organiser@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "organiser@expo.example", "Shenyang-Expo-2027")
	res := b.post(t, "/admin/exhibitors/new", url.Values{"name_zh": {"沈阳新星教具有限公司"}, "name_en": {"Shenyang Xinxing Teaching Aids Co., Ltd."},
		"booth": {"1A99"}, "hall": {"1"}, "category": {"stem"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	path := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	first, second := openedForm(t, b, path), openedForm(t, b, path)
	if first.Get("version") != "1" || first.Get("booth") != "1A99" || first.Get("category") != "stem" {
		t.Fatalf("the editor opened on %v", first)
	}
	first.Set("booth", "1B01")
	first["category"] = []string{"stem", "arts"}
	if res := b.post(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("website", "https://www.xinxing.example.cn")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#website").AttrOr("value", "") != "https://www.xinxing.example.cn" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#booth-stored .field-stored-value").Text(); got != "1B01" {
		t.Errorf("the booth saved meanwhile shows as %q, want 1B01", got)
	}
	if d.Find("#category-stored").Length() != 1 || d.Find("#name_zh-stored").Length() != 0 {
		t.Error("the changed categories show no saved value, or an unchanged name shows one")
	}
	e, err := store.New(site.pool).Exhibitor(context.Background(), mustID(t, strings.TrimPrefix(path, "/admin/exhibitors/")))
	if err != nil || e.Booth != "1B01" || e.Website != "" || e.Version != 2 {
		t.Fatalf("the refused save wrote: %+v %v", e, err)
	}
	if res := b.post(t, path, editorFormValues(d)); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
