package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/visits"
)

var cst = time.FixedZone("CST", 8*3600)

// testNow is the clock newSite gives the server.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// clearNews removes the demo articles so a test controls what exists.
func clearNews(t testing.TB, site *testSite) {
	t.Helper()
	if _, err := site.pool.Exec(context.Background(), "DELETE FROM articles"); err != nil {
		t.Fatal(err)
	}
}

type articleSpec struct {
	category, status string
	released         time.Time
	zh, en           string // titles; "" leaves the language out
	body             string
	cover            *int64
}

func addArticle(t *testing.T, site *testSite, a articleSpec) int64 {
	t.Helper()
	if a.status == "" {
		a.status = "published"
	}
	if a.category == "" {
		a.category = "expo"
	}
	n := store.NewArticle{Category: a.category, Status: store.ArticleStatus(a.status), ReleasedAt: a.released, CoverID: a.cover}
	if a.zh != "" {
		n.Texts = append(n.Texts, store.ArticleText{Lang: "zh", Title: a.zh, Summary: "摘要：" + a.zh, Body: a.body, Source: "展会组委会"})
	}
	if a.en != "" {
		n.Texts = append(n.Texts, store.ArticleText{Lang: "en", Title: a.en, Summary: "Summary: " + a.en, Body: a.body, Source: "Organising committee"})
	}
	id, err := store.New(site.pool).CreateArticle(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func listIDs(t *testing.T, d *goquery.Document) []string {
	var ids []string
	d.Find(`[data-testid=news-list] .news-title a`).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		id, _, _ := strings.Cut(strings.TrimPrefix(href[3:], "/news/"), "-")
		ids = append(ids, id)
	})
	return ids
}

func TestNewsPagingAndOrder(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	tie := time.Date(2026, 10, 1, 9, 0, 0, 0, cst)
	var want []string // newest first; ties by id, newest id first
	for i := range 45 {
		at := time.Date(2026, 1, 1, 9, 0, 0, 0, cst).AddDate(0, 0, i)
		if i >= 40 {
			at = tie // five articles released the same minute
		}
		id := addArticle(t, site, articleSpec{released: at, zh: fmt.Sprintf("展会新闻 %d", i), en: fmt.Sprintf("Expo news %d", i)})
		want = append([]string{fmt.Sprint(id)}, want...)
	}
	var got []string
	for page := 1; page <= 3; page++ {
		path := "/en/news/expo/"
		if page > 1 {
			path += fmt.Sprintf("?page=%d", page)
		}
		d := site.doc(t, path, http.StatusOK)
		ids := listIDs(t, d)
		if wantN := []int{20, 20, 5}[page-1]; len(ids) != wantN {
			t.Fatalf("page %d: %d items, want %d", page, len(ids), wantN)
		}
		got = append(got, ids...)
		if page == 2 {
			if canon, _ := d.Find(`link[rel=canonical]`).Attr("href"); canon != "https://expo.example.org/en/news/expo/?page=2" {
				t.Errorf("page 2 canonical %q", canon)
			}
			if d.Find(`[data-testid=pager] a[rel=prev]`).Length() != 1 || d.Find(`[data-testid=pager] a[rel=next]`).Length() != 1 {
				t.Error("page 2 lacks previous and next page links")
			}
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order across pages:\n got %v\nwant %v", got, want)
	}
	for _, bad := range []string{"?page=4", "?page=0", "?page=-1", "?page=abc", "?page=", "?page=99999999999"} {
		if res := site.get(t, "/en/news/expo/"+bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", bad, res.StatusCode)
		}
	}
	if d := site.doc(t, "/zh/news/photo/", http.StatusOK); d.Find(`[data-testid=news-empty]`).Length() != 1 {
		t.Error("an empty category does not say so")
	}
	// The all-news list holds them too, 20 a page.
	if ids := listIDs(t, site.doc(t, "/zh/news/", http.StatusOK)); len(ids) != 20 || ids[0] != want[0] {
		t.Errorf("all news: %d items, first %v", len(ids), ids)
	}
}

func TestUnreleasedArticlesAreInvisibleEverywhere(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	public := addArticle(t, site, articleSpec{released: testNow.Add(-48 * time.Hour), zh: "公开的文章", en: "A public article", body: "zebra 斑马"})
	draft := addArticle(t, site, articleSpec{status: "draft", released: testNow.Add(-72 * time.Hour), zh: "草稿文章", en: "Draft article", body: "zebra 斑马"})
	future := addArticle(t, site, articleSpec{status: "scheduled", released: testNow.Add(24 * time.Hour), zh: "定时文章", en: "Scheduled article", body: "zebra 斑马"})
	past := addArticle(t, site, articleSpec{status: "scheduled", released: testNow.Add(-time.Hour), zh: "已到时间的定时文章", en: "Scheduled article now due", body: "zebra 斑马"})

	hidden := []string{"草稿文章", "Draft article", "定时文章", "Scheduled article"}
	check := func(where, body string) {
		t.Helper()
		for _, h := range hidden {
			if strings.Contains(body, ">"+h+"<") {
				t.Errorf("%s shows %q", where, h)
			}
		}
		for _, id := range []int64{draft, future} {
			if strings.Contains(body, fmt.Sprintf("/news/%d-", id)) || strings.Contains(body, fmt.Sprintf("/news/%d\"", id)) {
				t.Errorf("%s links to unreleased article %d", where, id)
			}
		}
	}
	for _, path := range []string{"/zh/", "/en/", "/zh/news/", "/en/news/expo/", "/zh/search?q=zebra", "/en/search?q=%E6%96%91%E9%A9%AC",
		"/feeds/zh/news.atom", "/feeds/en/expo.atom", "/sitemap.xml", fmt.Sprintf("/en/news/%d", public)} {
		res := site.get(t, path)
		if res.StatusCode == http.StatusMovedPermanently {
			res.Body.Close()
			res = site.get(t, res.Header.Get("Location"))
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		check(path, string(body))
	}
	for _, id := range []int64{draft, future} {
		if res := site.get(t, fmt.Sprintf("/zh/news/%d", id)); res.StatusCode != http.StatusNotFound {
			t.Errorf("unreleased article %d answers %d", id, res.StatusCode)
		}
	}
	// A scheduled article whose time has come is public by itself.
	if res := site.get(t, fmt.Sprintf("/en/news/%d", past)); res.StatusCode != http.StatusMovedPermanently {
		t.Errorf("due scheduled article answers %d", res.StatusCode)
	}
}

func TestArticlePage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	cover, err := media.SaveImage(context.Background(), store.New(site.pool), testPNG(t, 1600, 900))
	if err != nil {
		t.Fatal(err)
	}
	older := addArticle(t, site, articleSpec{category: "industry", released: time.Date(2024, 1, 20, 9, 0, 0, 0, cst), zh: "较早的行业新闻", en: "An older industry story"})
	id := addArticle(t, site, articleSpec{category: "industry", released: time.Date(2024, 1, 22, 9, 30, 0, 0, cst),
		zh: "辽宁：加快建设教育强省", en: "Liaoning: Accelerating the Construction of an Education Strong Province", body: "## 会议\n\n正文 **要点**。", cover: &cover.ID})
	newer := addArticle(t, site, articleSpec{category: "industry", released: time.Date(2024, 2, 1, 9, 0, 0, 0, cst),
		zh: "关于印发《辽宁省推进教育数字化转型实施方案（2024—2027年）》的通知全文发布", en: "Notice of Liao Jiao Fa [2024] No. 2 on Issuing the Implementation Plan for Digital Education"})
	addArticle(t, site, articleSpec{category: "expo", released: time.Date(2024, 1, 21, 9, 0, 0, 0, cst), zh: "别的栏目", en: "Another category"})

	slug := "liaoning-accelerating-the-construction-of-an-education" // whole words, at most 60 characters
	for _, ref := range []string{fmt.Sprint(id), fmt.Sprintf("%d-wrong-slug", id), fmt.Sprintf("%d-", id)} {
		res := site.get(t, "/zh/news/"+ref)
		res.Body.Close()
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != fmt.Sprintf("/zh/news/%d-%s", id, slug) {
			t.Errorf("/zh/news/%s: %d to %q, want 301 to the canonical URL", ref, res.StatusCode, res.Header.Get("Location"))
		}
	}
	for _, lang := range []string{"zh", "en"} {
		d := site.doc(t, fmt.Sprintf("/%s/news/%d-%s", lang, id, slug), http.StatusOK)
		var crumbs []string
		d.Find(".crumbs li").Each(func(_ int, s *goquery.Selection) { crumbs = append(crumbs, strings.TrimSpace(s.Text())) })
		want := map[string]string{"zh": "首页 新闻中心 行业资讯 辽宁：加快建设教育强省", "en": "Home News centre Industry news Liaoning: Accelerating the Construction…"}[lang]
		if strings.Join(crumbs, " ") != want {
			t.Errorf("%s breadcrumb %q", lang, strings.Join(crumbs, " "))
		}
		if got := d.Find(`[data-testid=released]`).Text(); got != map[string]string{"zh": "2024年1月22日 09:30", "en": "22 January 2024 09:30"}[lang] {
			t.Errorf("%s release time %q", lang, got)
		}
		if got := d.Find(`[data-testid=source]`).Text(); got == "" {
			t.Errorf("%s: no source", lang)
		}
		if got := d.Find(`[data-testid=visits]`).Text(); got != "0" {
			t.Errorf("%s visits %q", lang, got)
		}
		if src, _ := d.Find(".article-cover").Attr("src"); !strings.HasPrefix(src, "/media/") {
			t.Errorf("%s cover %q", lang, src)
		}
		prev, _ := d.Find(`[data-testid=prev]`).Attr("href")
		next := d.Find(`[data-testid=next]`)
		nextHref, _ := next.Attr("href")
		if !strings.HasPrefix(prev, fmt.Sprintf("/%s/news/%d", lang, older)) || !strings.HasPrefix(nextHref, fmt.Sprintf("/%s/news/%d", lang, newer)) {
			t.Errorf("%s prev %q next %q", lang, prev, nextHref)
		}
		if lang == "zh" && next.Text() != "关于印发《辽宁省推进教育数字化转型实施方案（202…" { // 48 columns
			t.Errorf("next title not shortened by width: %q", next.Text())
		}
		if og, _ := d.Find(`meta[property="og:type"]`).Attr("content"); og != "article" {
			t.Errorf("og:type %q", og)
		}
		if img, _ := d.Find(`meta[property="og:image"]`).Attr("content"); !strings.HasPrefix(img, "https://expo.example.org/media/") {
			t.Errorf("og:image %q", img)
		}
		found := false
		d.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
			var ld map[string]any
			if json.Unmarshal([]byte(s.Text()), &ld) == nil && ld["@type"] == "NewsArticle" {
				found = ld["datePublished"] == "2024-01-22T09:30:00+08:00"
			}
		})
		if !found {
			t.Errorf("%s: no NewsArticle with the release time", lang)
		}
		if feed, _ := d.Find(`link[type="application/atom+xml"]`).Attr("href"); feed != "/feeds/"+lang+"/news.atom" {
			t.Errorf("%s feed link %q", lang, feed)
		}
	}
	// Only in Chinese: the English page shows it with a notice.
	zhOnly := addArticle(t, site, articleSpec{category: "industry", released: time.Date(2024, 3, 1, 9, 0, 0, 0, cst), zh: "只有中文的文章"})
	d := site.doc(t, fmt.Sprintf("/en/news/%d", zhOnly), http.StatusOK)
	if d.Find(`[data-testid=fallback-notice]`).Length() != 1 || d.Find("h1").Text() != "只有中文的文章" {
		t.Error("a Chinese-only article on the English site lacks its notice or its text")
	}
}

func TestArticleVisitsAreCountedExactly(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	id := addArticle(t, site, articleSpec{released: testNow.Add(-time.Hour), zh: "计数", en: "Counting"})
	counter := visits.New(visits.Options{Store: store.New(site.pool), Interval: time.Hour, Logger: slog.New(slog.DiscardHandler)})
	site.srv.visits = counter
	url := fmt.Sprintf("%s/en/news/%d-counting", site.URL, id)
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			method := http.MethodGet
			if i%20 == 5 {
				method = http.MethodHead // not a read
			}
			req, _ := http.NewRequest(method, url, nil)
			req.Header.Set("User-Agent", "Mozilla/5.0 (iPhone) Mobile Safari/604.1")
			if i%10 == 0 {
				req.Header.Set("User-Agent", "Baiduspider/2.0") // not counted
			}
			res, err := http.DefaultClient.Do(req)
			if err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	if err := counter.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	d := site.doc(t, fmt.Sprintf("/en/news/%d-counting", id), http.StatusOK)
	if got := d.Find(`[data-testid=visits]`).Text(); got != "170" {
		t.Errorf("visits %q after 170 reads by people, 10 HEAD requests and 20 reads by a bot", got)
	}
}

func TestMediaRangeRequests(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	video := make([]byte, 700_000) // three chunks
	rand.Read(video)
	copy(video, []byte("\x00\x00\x00\x18ftypmp42"))
	m, err := media.SaveVideo(context.Background(), store.New(site.pool), video)
	if err != nil {
		t.Fatal(err)
	}
	get := func(rng string, headers ...string) (*http.Response, []byte) {
		h := append([]string{}, headers...)
		if rng != "" {
			h = append(h, "Range: "+rng)
		}
		res := site.get(t, m.URL(), h...)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	res, body := get("")
	if res.StatusCode != http.StatusOK || !bytes.Equal(body, video) || res.Header.Get("Content-Type") != "video/mp4" {
		t.Fatalf("whole file: %d, %d bytes, %s", res.StatusCode, len(body), res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || res.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("headers %v", res.Header)
	}
	for _, tc := range []struct {
		rng        string
		start, end int // inclusive
	}{
		{"bytes=0-99", 0, 99},
		{"bytes=262100-262200", 262100, 262200}, // across the first chunk boundary
		{"bytes=600000-", 600000, len(video) - 1},
		{"bytes=-100", len(video) - 100, len(video) - 1},
	} {
		res, body := get(tc.rng)
		if res.StatusCode != http.StatusPartialContent || !bytes.Equal(body, video[tc.start:tc.end+1]) {
			t.Errorf("%s: %d with %d bytes", tc.rng, res.StatusCode, len(body))
		}
		if want := fmt.Sprintf("bytes %d-%d/%d", tc.start, tc.end, len(video)); res.Header.Get("Content-Range") != want {
			t.Errorf("%s: Content-Range %q, want %q", tc.rng, res.Header.Get("Content-Range"), want)
		}
	}
	if res, _ := get("bytes=900000-"); res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("unsatisfiable range: %d, want 416", res.StatusCode)
	}
	if res, body := get("bytes=0-0,262144-262144"); res.StatusCode != http.StatusPartialContent || !strings.HasPrefix(res.Header.Get("Content-Type"), "multipart/byteranges") || len(body) == 0 {
		t.Errorf("two ranges: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	many := "bytes=" + strings.Repeat("0-0,262144-262144,", 50) + "1-1"
	if res, _ := get(many); res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("101 ranges: %d, want 416", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodHead, site.URL+m.URL(), nil)
	head, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.StatusCode != http.StatusOK || head.ContentLength != int64(len(video)) {
		t.Errorf("HEAD: %d, Content-Length %d", head.StatusCode, head.ContentLength)
	}
	if res, _ := get("", `If-None-Match: "`+m.Hash+`"`); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", res.StatusCode)
	}
	for _, bad := range []string{"/media/" + m.Hash + ".jpg", "/media/" + strings.Repeat("0", 64) + ".mp4", "/media/../etc/passwd", "/media/xyz"} {
		if res := site.get(t, bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", bad, res.StatusCode)
		}
	}
}

func TestImageUploadsAreCheckedBeforeAnythingIsWritten(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	st := store.New(site.pool)
	ctx := context.Background()
	before, _ := st.MediaCount(ctx)
	good := testPNG(t, 800, 600)
	bomb := append([]byte{}, good[:33]...)                                    // signature and IHDR of a real PNG...
	copy(bomb[16:24], []byte{0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0}) // ...claiming 100000×100000
	for name, data := range map[string][]byte{
		"text":      []byte("<html><script>alert(1)</script></html>"),
		"truncated": good[:len(good)/2],
		"bomb":      bomb,
		"empty":     nil,
	} {
		if _, err := media.SaveImage(ctx, st, data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if after, _ := st.MediaCount(ctx); after != before {
		t.Fatalf("refused uploads wrote %d rows", after-before)
	}
	m, err := media.SaveImage(ctx, st, good)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := st.MediaCount(ctx); after != before+3 {
		t.Errorf("an image and its two renditions: %d rows", after-before)
	}
	res := site.get(t, m.URL())
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Errorf("uploaded image: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	a := addArticle(t, site, articleSpec{released: testNow.Add(-time.Hour), zh: "全省教育装备工作会议召开", en: "Provincial meeting on school equipment",
		body: "会议指出，要加快智慧教室建设。Smart classrooms were discussed."})
	b := addArticle(t, site, articleSpec{released: testNow.Add(-2 * time.Hour), zh: "体育器材采购指南", en: "Buying sports equipment",
		body: "学校体育器材的选购要点，包括教育部门的标准。"})
	for _, tc := range []struct {
		lang, q string
		want    []int64
	}{
		{"zh", "教育装备", []int64{a}},
		{"zh", "教育", []int64{a, b}}, // a has it in the title: ranked first
		{"zh", "教", []int64{a, b}},
		{"en", "smart classrooms", []int64{a}},
		{"en", "EQUIPMENT", []int64{a, b}},
		{"en", "器材", []int64{b}},
		{"zh", "robot", nil},
	} {
		d := site.doc(t, "/"+tc.lang+"/search?q="+url.QueryEscape(tc.q), http.StatusOK)
		var got []int64
		d.Find(`[data-testid=search-results] .news-title a`).Each(func(_ int, s *goquery.Selection) {
			href, _ := s.Attr("href")
			var id int64
			fmt.Sscanf(strings.TrimPrefix(href, "/"+tc.lang+"/news/"), "%d", &id)
			got = append(got, id)
		})
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s %q: %v, want %v", tc.lang, tc.q, got, tc.want)
		}
		if len(tc.want) > 0 && d.Find("mark").Length() == 0 {
			t.Errorf("%s %q: no highlighted match", tc.lang, tc.q)
		}
	}
	// (The demo's pages and exhibitors still speak of robots.)
	if d := site.doc(t, "/zh/search?q=zqxjv", http.StatusOK); d.Find(`[data-testid=search-nothing]`).Length() != 1 {
		t.Error("zqxjv: no 'nothing found'")
	}
	// Text whose lower case is longer in bytes than itself.
	addArticle(t, site, articleSpec{released: testNow.Add(-3 * time.Hour), zh: "İSTANBUL 展团", en: "İstanbul delegation", body: "İİİİİİİİİİ zebra KELVIN \u212a"})
	if d := site.doc(t, "/en/search?q=zebra", http.StatusOK); d.Find("mark").Text() != "zebra" {
		t.Errorf("highlight after İ: %q", d.Find("mark").Text())
	}
	d := site.doc(t, "/zh/search?q="+url.QueryEscape("智慧教室"), http.StatusOK)
	if got := d.Find("mark").First().Text(); got != "智慧教室" {
		t.Errorf("highlight %q", got)
	}
	if v, _ := d.Find("#search-q").Attr("value"); v != "智慧教室" {
		t.Errorf("the query is not kept in the form: %q", v)
	}
	// (A NUL is refused before any handler: TestHostileInputsNamedInTheIssue.)
	for _, q := range []string{strings.Repeat("教", 10000), "\x01\x1b[31m", `"unbalanced 'quotes`, "%", "' OR 1=1 --", "<script>alert(1)</script>", "   "} {
		res := site.get(t, "/zh/search?q="+url.QueryEscape(q))
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("query %.20q: %d", q, res.StatusCode)
		}
		if strings.Contains(string(body), "<script>alert") {
			t.Errorf("query %.20q reflected unescaped", q)
		}
	}
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	addArticle(t, site, articleSpec{category: "industry", released: testNow.Add(-time.Hour), zh: "行业新闻", en: "Industry story"})
	addArticle(t, site, articleSpec{category: "expo", released: testNow.Add(-2 * time.Hour), zh: "展会新闻", en: "Expo story"})
	for _, tc := range []struct {
		path  string
		title []string
	}{
		{"/feeds/en/news.atom", []string{"Industry story", "Expo story"}},
		{"/feeds/zh/industry.atom", []string{"行业新闻"}},
		{"/feeds/zh/photo.atom", nil},
	} {
		res := site.get(t, tc.path)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s: %d %s", tc.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Updated string   `xml:"updated"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(body, &feed); err != nil {
			t.Fatalf("%s is not Atom: %v", tc.path, err)
		}
		if feed.ID == "" || feed.Updated == "" {
			t.Errorf("%s lacks id or updated", tc.path)
		}
		var titles []string
		for _, e := range feed.Entries {
			titles = append(titles, e.Title)
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || !strings.HasPrefix(e.Link.Href, "https://expo.example.org/") {
				t.Errorf("%s entry %+v", tc.path, e)
			}
		}
		if fmt.Sprint(titles) != fmt.Sprint(tc.title) {
			t.Errorf("%s titles %v, want %v", tc.path, titles, tc.title)
		}
	}
	for _, bad := range []string{"/feeds/fr/news.atom", "/feeds/zh/nope.atom", "/feeds/zh/news.rss"} {
		if res := site.get(t, bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
	d := site.doc(t, "/zh/news/industry/", http.StatusOK)
	if d.Find(`link[rel=alternate][type="application/atom+xml"][href="/feeds/zh/industry.atom"]`).Length() != 1 {
		t.Error("the category page does not link its feed")
	}
}

func TestSitemapListsPublishedArticles(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	pub := addArticle(t, site, articleSpec{released: testNow.Add(-time.Hour), zh: "公开", en: "Open to all"})
	draft := addArticle(t, site, articleSpec{status: "draft", released: testNow.Add(-time.Hour), zh: "草稿", en: "Draft"})
	res := site.get(t, "/sitemap.xml")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, lang := range []string{"zh", "en"} {
		if !strings.Contains(string(body), fmt.Sprintf("https://expo.example.org/%s/news/%d-open-to-all<", lang, pub)) {
			t.Errorf("sitemap lacks the %s article", lang)
		}
	}
	if strings.Contains(string(body), fmt.Sprintf("/news/%d", draft)) {
		t.Error("sitemap lists a draft")
	}
}

func TestHomeShowsLatestNews(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearNews(t, site)
	addArticle(t, site, articleSpec{category: "expo", released: testNow.Add(-time.Hour), zh: "最新展会新闻", en: "Latest expo news"})
	addArticle(t, site, articleSpec{category: "industry", released: testNow.Add(-time.Hour), zh: "最新行业资讯", en: "Latest industry news"})
	d := site.doc(t, "/zh/", http.StatusOK)
	if !strings.Contains(d.Find(`[data-testid=home-news-0]`).Text(), "最新展会新闻") || !strings.Contains(d.Find(`[data-testid=home-news-1]`).Text(), "最新行业资讯") {
		t.Error("home page lacks the latest expo and industry news")
	}
}

// testPNG is an opaque w×h picture.
func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
