package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// seedAdminNews replaces the news with n articles released an hour apart
// (article i at hour i, so the newest is n), every third a draft, every
// third scheduled, the rest published; categories in turn. Two more have
// a LIKE wildcard in their title.
func seedAdminNews(t *testing.T, site *testSite, n int) {
	t.Helper()
	clearNews(t, site)
	ctx := context.Background()
	if _, err := site.pool.Exec(ctx, `
		WITH a AS (
			INSERT INTO articles (category, status, released_at)
			SELECT (ARRAY['expo','industry','media','video','photo'])[i % 5 + 1],
			       (ARRAY['draft','scheduled','published'])[i % 3 + 1],
			       '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 hour'
			FROM generate_series(1, $1) i
			RETURNING id, released_at
		)
		INSERT INTO article_translations (article_id, lang, title)
		SELECT id, l, CASE l WHEN 'zh' THEN '测试新闻 ' ELSE 'Test article ' END ||
		       extract(epoch FROM released_at - '2026-01-01T00:00:00Z')::int / 3600
		FROM a, unnest(ARRAY['zh','en']) l`, n); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"100% sure", "snake_case news"} {
		addArticle(t, site, articleSpec{category: "media", status: "published", released: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), en: title})
	}
}

func TestAdminNewsListPagesFiltersAndSearches(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	seedAdminNews(t, site, 120)
	u := addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	if err := store.New(site.pool).SetLang(context.Background(), u.ID, "en"); err != nil {
		t.Fatal(err)
	}
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	list := func(query string) (count string, titles []string, pager []string) {
		t.Helper()
		res, body := b.get(t, "/admin/news"+query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", query, res.StatusCode)
		}
		d := parse(t, body)
		d.Find(`[data-testid=admin-news] tbody tr td:first-child`).Each(func(_ int, s *goquery.Selection) {
			titles = append(titles, strings.TrimSpace(s.Text()))
		})
		d.Find(`[data-testid=pager] a`).Each(func(_ int, s *goquery.Selection) {
			pager = append(pager, s.AttrOr("href", ""))
		})
		return strings.TrimSpace(d.Find(`[data-testid=admin-news-count]`).Text()), titles, pager
	}

	// Newest release first, 50 a page, in the editor's own language.
	count, titles, pager := list("")
	if count != "122 articles" || len(titles) != 50 || titles[0] != "Test article 120" || titles[49] != "Test article 71" {
		t.Fatalf("first page: %q, %d rows, %q ... %q", count, len(titles), titles[0], titles[len(titles)-1])
	}
	if len(pager) == 0 || pager[len(pager)-1] != "/admin/news?page=2" {
		t.Errorf("pager links %q", pager)
	}
	_, titles, _ = list("?page=3")
	if len(titles) != 22 || titles[0] != "Test article 20" || titles[21] != "100% sure" && titles[21] != "snake_case news" {
		t.Errorf("last page: %d rows %q", len(titles), titles)
	}

	// Filters: every third article is a draft (i%3 == 0), categories in
	// turn (media: i%5 == 2).
	count, titles, pager = list("?status=draft&category=media")
	// i = 12, 27, ... 117: 8 articles.
	if count != "8 articles" || len(titles) != 8 || titles[0] != "Test article 117" || titles[7] != "Test article 12" {
		t.Errorf("drafts in media: %q %q", count, titles)
	}
	if len(pager) != 0 {
		t.Errorf("one page has page links %q", pager)
	}
	count, _, pager = list("?status=published&q=article")
	if count != "40 articles" || len(pager) != 0 {
		t.Errorf("published with 'article': %q, pager %q", count, pager)
	}
	_, _, pager = list("?category=expo&q=test")
	if len(pager) != 0 {
		t.Errorf("24 expo articles on %d page links", len(pager))
	}
	_, _, pager = list("?q=test&status=")
	if len(pager) == 0 || !strings.Contains(pager[len(pager)-1], "q=test") || !strings.Contains(pager[len(pager)-1], "page=2") {
		t.Errorf("the search is lost across pages: %q", pager)
	}

	// Typed wildcards are text: % finds the one title with a %, _ the one with a _.
	for q, want := range map[string]string{"%": "100% sure", "_": "snake_case news", "e_c": "snake_case news"} {
		count, titles, _ := list("?q=" + url.QueryEscape(q))
		if count != "1 article" || len(titles) != 1 || titles[0] != want {
			t.Errorf("q=%q: %q %q", q, count, titles)
		}
	}
	// Chinese titles are searched too.
	if count, _, _ := list("?q=" + url.QueryEscape("测试新闻 11")); count != "11 articles" { // 11, 110-119
		t.Errorf("zh search: %q", count)
	}

	// Bad parameters are ignored, never a failure: page 1, or the last page.
	for _, q := range []string{"?page=-1", "?page=abc", "?page=0", "?status=bogus", "?category=x%27", "?missing=xx", "?page=99999999999999999999"} {
		count, titles, _ := list(q)
		if count != "122 articles" || len(titles) != 50 {
			t.Errorf("%s: %q, %d rows", q, count, len(titles))
		}
	}
	if _, titles, _ := list("?page=999"); len(titles) != 22 {
		t.Errorf("a page past the end shows %d rows, want the last page's 22", len(titles))
	}
}

func TestBackOfficeKeepsEachStaffMembersLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	st := store.New(site.pool)
	ctx := context.Background()
	// An application moved, as the audit log keeps it, and a row of an
	// action no catalog knows (a later version's, or an old one's).
	if err := st.Audit(ctx, 0, "application.status", "EXPO-0001 Acme", "new -> withdrawn"); err != nil {
		t.Fatal(err)
	}
	if err := st.Audit(ctx, 0, "custom.thing", "article 7", "status draft -> published"); err != nil {
		t.Fatal(err)
	}

	// (An admin: other staff see only content changes.) Signing in from an English browser keeps English with the account...
	b := newStaff(t, site)
	res := b.post(t, "/admin/login", url.Values{"email": {"admin@expo.example"}, "password": {"Shenyang-Expo-2027"}}, "Accept-Language: en")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.StatusCode)
	}
	u, err := st.UserByEmail(ctx, "admin@expo.example")
	if err != nil || u.Lang != "en" {
		t.Fatalf("lang %q after an English sign-in (%v)", u.Lang, err)
	}
	// ...and the back office stays English though the public site's
	// cookie says Chinese.
	site.srv.sessions.Cookie.Secure = false
	pub, _ := url.Parse(site.URL + "/")
	b.Jar.SetCookies(pub, []*http.Cookie{{Name: langCookie, Value: "zh", Path: "/"}})
	dash := func(want string) *goquery.Document {
		t.Helper()
		res, body := b.get(t, "/admin/")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("dashboard: %d", res.StatusCode)
		}
		d := parse(t, body)
		if got := d.Find("html").AttrOr("lang", ""); got != want {
			t.Fatalf("dashboard in %q, want %q", got, want)
		}
		return d
	}
	d := dash("en")
	activity := strings.Join(strings.Fields(d.Find(`[aria-labelledby=recent-title] tbody`).Text()), " ")
	for _, want := range []string{"Booth application moved EXPO-0001 Acme New -> Withdrawn", "Signed in admin@expo.example", "custom.thing article 7 status Draft -> Published"} {
		if !strings.Contains(activity, want) {
			t.Errorf("English activity lacks %q:\n%s", want, activity)
		}
	}

	// The header's switch saves Chinese with the account.
	res = b.post(t, "/admin/lang", url.Values{"lang": {"zh"}, "next": {"/admin/"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/" {
		t.Fatalf("switch: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if u, _ := st.UserByID(ctx, u.ID); u.Lang != "zh" {
		t.Fatalf("lang %q after the switch", u.Lang)
	}
	b.Jar.SetCookies(pub, []*http.Cookie{{Name: langCookie, Value: "en", Path: "/"}})
	d = dash("zh")
	activity = strings.Join(strings.Fields(d.Find(`[aria-labelledby=recent-title] tbody`).Text()), " ")
	for _, want := range []string{"展位申请状态变更 EXPO-0001 Acme 新申请 -> 已撤回", "登录 admin@expo.example", "custom.thing 新闻 7 状态 草稿 -> 已发布"} {
		if !strings.Contains(activity, want) {
			t.Errorf("Chinese activity lacks %q:\n%s", want, activity)
		}
	}
	// A language the site does not have is a 400, not a save.
	if res := b.post(t, "/admin/lang", url.Values{"lang": {"fr"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("lang=fr: %d", res.StatusCode)
	}
	// A later sign-in keeps the chosen language, whatever the browser says.
	b2 := newStaff(t, site)
	b2.post(t, "/admin/login", url.Values{"email": {"admin@expo.example"}, "password": {"Shenyang-Expo-2027"}}, "Accept-Language: en")
	if u, _ := st.UserByID(ctx, u.ID); u.Lang != "zh" {
		t.Errorf("lang %q after a second sign-in from an English browser", u.Lang)
	}
}

// TestHallMapHintHasBothForms: the page carries the pointer's hint and the
// touch hint, translated; site.css shows one by (hover: none).
func TestHallMapHintHasBothForms(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for lang, want := range map[string][2]string{
		"zh": {"将鼠标移到展位上，或用Tab键选中展位，这里会显示展位详情。", "轻触展位，这里会显示展位详情。"},
		"en": {"Point at a booth, or move to it with the Tab key, to see its details here.", "Tap a booth to see its details here."},
	} {
		d := site.doc(t, "/"+lang+boothsPath, http.StatusOK)
		info := d.Find(`[data-testid=hallmap-info]`)
		if got := info.Find(".hint-pointer").Text(); got != want[0] {
			t.Errorf("%s pointer hint %q", lang, got)
		}
		if got := info.Find(".hint-touch").Text(); got != want[1] {
			t.Errorf("%s touch hint %q", lang, got)
		}
	}
}
