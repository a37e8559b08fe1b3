package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"time"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

func TestContentPageRoundTripAndFallback(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	st := store.New(site.pool)
	ctx := context.Background()
	err := st.SavePage(ctx, "/services/dining", 4, true, []store.PageText{
		{Lang: "zh", Title: "周边美食", Summary: "展馆附近的餐饮。", Body: "## 老边饺子\n\n沈阳名吃。<script>alert(1)</script> [x](javascript:alert(1))"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, `DELETE FROM page_translations t USING pages p WHERE p.id = t.page_id AND p.path = '/services/dining' AND t.lang = 'en'`); err != nil {
		t.Fatal(err)
	}
	zh := site.doc(t, "/zh/services/dining", http.StatusOK)
	if got := zh.Find("h1").Text(); got != "周边美食" {
		t.Errorf("zh h1 %q", got)
	}
	if zh.Find(`[data-testid=fallback-notice]`).Length() != 0 {
		t.Error("fallback notice on a page that has the language")
	}
	html, _ := zh.Find("article .prose").Html()
	if !strings.Contains(html, "<h2") || strings.Contains(html, "<script") || strings.Contains(html, "javascript:") {
		t.Errorf("body rendered as %s", html)
	}
	if got := zh.Find(".crumbs li:last-child").Text(); got != "周边美食" {
		t.Errorf("breadcrumb ends in %q, want the page's own title", got)
	}
	if got, _ := zh.Find(`meta[name=description]`).Attr("content"); got != "展馆附近的餐饮。" {
		t.Errorf("description %q, want the summary", got)
	}

	en := site.doc(t, "/en/services/dining", http.StatusOK)
	notice := en.Find(`[data-testid=fallback-notice]`)
	if !strings.Contains(notice.Text(), "not yet available in English") || !strings.Contains(notice.Text(), "中文") {
		t.Errorf("fallback notice %q", notice.Text())
	}
	if lang, _ := en.Find("article").Attr("lang"); lang != "zh" {
		t.Errorf("fallback article lang %q, want zh", lang)
	}
	if lang, _ := en.Find("html").Attr("lang"); lang != "en" {
		t.Errorf("page lang %q, want en (the frame is English)", lang)
	}

	if err := st.SavePage(ctx, "/services/dining", 4, false, nil); err != nil {
		t.Fatal(err)
	}
	d := site.doc(t, "/zh/services/dining", http.StatusOK)
	if d.Find(`[data-testid=coming-soon]`).Length() != 1 {
		t.Error("an unpublished page still shows")
	}
}

// Sample content does not say so on the public pages (visitors would read
// it as the site's own words); the back office's launch checklist lists
// what is left of the demo instead, and empties as staff replace it.
func TestLaunchChecklistListsWhatIsLeftOfTheDemo(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, lang := range []string{"zh", "en"} {
		text := site.doc(t, "/"+lang+"/about/overview", http.StatusOK).Find("article").Text()
		if strings.Contains(text, "示例内容") || strings.Contains(text, "sample content") {
			t.Errorf("%s: the About page still calls itself sample content", lang)
		}
	}
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	ctx := context.Background()
	// The test site's content is not the demo's until recorded as such.
	marks := map[string]int64{"pages": 0, "articles": 0, "exhibitors": 0, "schedule_events": 0, "charge_items": 0,
		"booth_applications": 0, "registrations": 0, "visitor_groups": 0, "booths": 0, "media": 0}
	if err := store.New(site.pool).RecordDemoRows(ctx, marks); err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "UPDATE site_settings SET email = 'expo@lnjyzb.example.cn'"); err != nil {
		t.Fatal(err)
	}
	checks := func() map[string]string {
		out := map[string]string{}
		b.page(t, "/admin/launch", http.StatusOK).Find(`[data-testid=launch-checks] li`).Each(func(_ int, s *goquery.Selection) {
			out[s.AttrOr("data-check", "")] = s.AttrOr("data-done", "")
		})
		return out
	}
	got := checks()
	if got["pages"] != "false" || got["articles"] != "false" || got["email"] != "false" {
		t.Errorf("with the demo's content and address: %v", got)
	}
	if _, err := site.pool.Exec(ctx, "DELETE FROM articles; UPDATE site_settings SET email = 'info@lnjyzb.org.cn'"); err != nil {
		t.Fatal(err)
	}
	if got := checks(); got["articles"] != "true" || got["email"] != "true" || got["pages"] != "false" {
		t.Errorf("after the news and address were replaced: %v", got)
	}
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	e := newStaff(t, site)
	e.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	res, _ := e.get(t, "/admin/launch")
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("an editor opened the launch checklist: %d", res.StatusCode)
	}
}

func TestHomeFollowsThePhase(t *testing.T) {
	t.Parallel()
	cst := time.FixedZone("CST", 8*3600)
	for _, tc := range []struct {
		name  string
		now   time.Time
		phase string
		check func(t *testing.T, d *goquery.Document)
	}{
		{"months before", time.Date(2026, 11, 24, 12, 0, 0, 0, cst), "before", func(t *testing.T, d *goquery.Document) {
			// 16 April 09:00 minus 24 Nov 12:00 = 142 days 21 hours
			if got := d.Find(`[data-unit=days]`).Text() + "d" + d.Find(`[data-unit=hours]`).Text() + "h"; got != "142d21h" {
				t.Errorf("countdown %s, want 142d21h", got)
			}
			if d.Find(`a[href="/en/exhibit/apply"].button`).Length() != 1 || d.Find(`a[href="/en/register"].button`).Length() != 1 {
				t.Error("no calls to apply and to pre-register")
			}
			if d.Find(`script[src*="countdown"]`).Length() != 1 {
				t.Error("no countdown script")
			}
		}},
		{"the evening before", time.Date(2027, 4, 15, 23, 59, 0, 0, cst), "before", func(t *testing.T, d *goquery.Document) {
			if got := d.Find(`[data-unit=days]`).Text() + "d" + d.Find(`[data-unit=hours]`).Text() + "h" + d.Find(`[data-unit=minutes]`).Text(); got != "0d9h1" {
				t.Errorf("countdown %s, want 0d9h1", got)
			}
		}},
		{"opening morning", time.Date(2027, 4, 16, 7, 30, 0, 0, cst), "during", func(t *testing.T, d *goquery.Document) {
			if got := d.Find(`[data-testid=today-hours]`).Text(); got != "Open today: 09:00–17:00" {
				t.Errorf("hours %q", got)
			}
			if d.Find(`a[href="/en/services/traffic"]`).Length() == 0 {
				t.Error("no way to get there")
			}
		}},
		{"closing day, UTC still the day before", time.Date(2027, 4, 17, 20, 0, 0, 0, time.UTC), "during", func(t *testing.T, d *goquery.Document) {
			if got := d.Find(`[data-testid=today-hours]`).Text(); got != "Open today: 09:00–16:00" {
				t.Errorf("closing day hours %q", got)
			}
		}},
		{"closing night", time.Date(2027, 4, 18, 23, 0, 0, 0, cst), "during", nil},
		{"day after", time.Date(2027, 4, 19, 0, 0, 1, 0, cst), "after", func(t *testing.T, d *goquery.Document) {
			if d.Find(`a[href="/en/about/review"]`).Length() == 0 {
				t.Error("no link to the past review")
			}
			if d.Find(`[data-testid=next-edition]`).Length() != 0 {
				t.Error("next edition shown though none is set")
			}
			if d.Find(`script[src*="countdown"]`).Length() != 0 {
				t.Error("countdown script after the show")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			site := newSite(t)
			site.srv.now = func() time.Time { return tc.now }
			d := site.doc(t, "/en/", http.StatusOK)
			if d.Find(`[data-testid=phase-`+tc.phase+`]`).Length() != 1 {
				t.Fatalf("not in phase %s", tc.phase)
			}
			if tc.check != nil {
				tc.check(t, d)
			}
		})
	}
	t.Run("next edition", func(t *testing.T) {
		t.Parallel()
		site := newSite(t)
		site.srv.now = func() time.Time { return time.Date(2027, 5, 1, 0, 0, 0, 0, cst) }
		if _, err := site.pool.Exec(context.Background(), "UPDATE site_settings SET next_opens_at = '2028-04-14 09:00+08'"); err != nil {
			t.Fatal(err)
		}
		for lang, want := range map[string]string{"en": "14 April 2028", "zh": "2028年4月14日"} {
			d := site.doc(t, "/"+lang+"/", http.StatusOK)
			if got := d.Find(`[data-testid=next-edition]`).Text(); !strings.Contains(got, want) {
				t.Errorf("%s: next edition %q, want %q", lang, got, want)
			}
		}
	})
}

func TestHomeStructuredData(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/zh/", http.StatusOK)
	var ev struct {
		Type      string `json:"@type"`
		Name      string `json:"name"`
		StartDate string `json:"startDate"`
		Location  struct{ Name string }
		Organizer struct{ Name string }
	}
	found := false
	d.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		if json.Unmarshal([]byte(s.Text()), &ev) == nil && ev.Type == "ExhibitionEvent" {
			found = true
		}
	})
	if !found {
		t.Fatal("no ExhibitionEvent on the home page")
	}
	if ev.Name != "2027辽宁教育装备展示会" || ev.StartDate != "2027-04-16T09:00:00+08:00" || ev.Location.Name != "辽宁工业展览馆" || ev.Organizer.Name == "" {
		t.Errorf("event %+v", ev)
	}
	if og, _ := d.Find(`meta[property="og:locale"]`).Attr("content"); og != "zh_CN" {
		t.Errorf("og:locale %q", og)
	}
}

func TestSitemapAndRobots(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	res := site.get(t, "/sitemap.xml")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(body, &sm); err != nil {
		t.Fatalf("sitemap is not XML: %v", err)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		if len(u.Links) != 2 {
			t.Errorf("%s: %d alternates, want 2", u.Loc, len(u.Links))
		}
	}
	for _, path := range contract {
		for _, lang := range []string{"zh", "en"} {
			// Pages that only say "coming soon" (and search results) are left out.
			if want := !notBuilt[path] && path != "/search"; locs["https://expo.example.org/"+lang+path] != want {
				t.Errorf("sitemap lists /%s%s: %v, want %v", lang, path, !want, want)
			}
		}
	}
	res = site.get(t, "/robots.txt")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "Disallow: /admin/") || !strings.Contains(string(body), "Sitemap: https://expo.example.org/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", body)
	}
}

func TestLongTitleIsShortenedInTheBreadcrumb(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	long := "辽宁：加快建设教育强省，为全面振兴新突破贡献更大力量——全省教育工作会议在沈阳召开"
	if err := store.New(site.pool).SavePage(context.Background(), "/about/hall", 3, true,
		[]store.PageText{{Lang: "zh", Title: long, Body: "正文"}}); err != nil {
		t.Fatal(err)
	}
	d := site.doc(t, "/zh/about/hall", http.StatusOK)
	crumb := d.Find(".crumbs li:last-child").Text()
	if crumb != "辽宁：加快建设教育强省，为全面振兴新突…" { // 19 CJK = 38 columns, and the ellipsis
		t.Errorf("crumb %q", crumb)
	}
	if d.Find("h1").Text() != long {
		t.Error("the h1 must keep the whole title")
	}
}
