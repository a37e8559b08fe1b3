package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/brotli"
)

// contract is every page of the public URL contract that takes no id.
var contract = []string{
	"/",
	"/about/overview", "/about/scope", "/about/hall", "/about/review", "/about/highlights", "/about/organization",
	"/exhibit/apply", "/exhibit/why", "/exhibit/process", "/exhibit/exhibits", "/exhibit/schedule", "/exhibit/charges",
	"/exhibit/booths", "/exhibit/international",
	"/services/traffic", "/services/hotels", "/services/travel", "/services/dining",
	"/news/", "/news/expo/", "/news/industry/", "/news/media/", "/news/video/", "/news/photo/",
	"/exhibitors/", "/register", "/search", "/contact",
}

// catalogKey matches a message key that x/text printed for want of a translation.
var catalogKey = regexp.MustCompile(`\b(home|nav|site|footer|soon|error|search|format|schedule)\.[a-z0-9_]+`)

// notBuilt are the contract's pages whose feature a later issue builds.
var notBuilt = map[string]bool{}

// features are the contract's pages that are not content pages.
var features = map[string]bool{
	"/news/": true, "/news/expo/": true, "/news/industry/": true, "/news/media/": true, "/news/video/": true, "/news/photo/": true,
	"/search":           true,
	"/exhibit/schedule": true,
	"/exhibit/charges":  true,
	"/exhibit/booths":   true,
	"/exhibitors/":      true,
	"/register":         true,
	"/exhibit/apply":    true,
	// A content page's text around the visa request form.
	"/exhibit/international": true,
}

func TestContractPagesAnswerInEveryLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, lang := range []string{"zh", "en"} {
		titles := map[string]string{} // h1 -> path: every page has its own
		t.Cleanup(func() {
			if len(titles) != len(contract) {
				t.Errorf("%s: %d distinct titles for %d pages", lang, len(titles), len(contract))
			}
		})
		for _, path := range contract {
			url := "/" + lang + path
			t.Run(url, func(t *testing.T) {
				d := site.doc(t, url, http.StatusOK)
				if got, _ := d.Find("html").Attr("lang"); got != lang {
					t.Errorf("<html lang=%q>, want %q", got, lang)
				}
				if n := d.Find("h1").Length(); n != 1 {
					t.Errorf("%d <h1>, want 1", n)
				}
				h1 := strings.TrimSpace(d.Find("h1").Text())
				titles[h1] = path
				if title := d.Find("title").Text(); !strings.HasPrefix(title, h1) {
					t.Errorf("<title> %q does not begin with the page's h1 %q", title, h1)
				}
				text := d.Find("body").Text()
				if key := catalogKey.FindString(text); key != "" {
					t.Errorf("an untranslated catalog key shows on the page: %s", key)
				}
				if strings.TrimSpace(d.Find("title").Text()) == "" {
					t.Error("empty <title>")
				}
				if got, _ := d.Find(`link[rel=canonical]`).Attr("href"); got != "https://expo.example.org"+url {
					t.Errorf("canonical %q", got)
				}
				for _, alt := range []string{"zh", "en"} {
					href, _ := d.Find(`link[rel=alternate][hreflang=` + alt + `]`).Attr("href")
					if want := "https://expo.example.org/" + alt + path; href != want {
						t.Errorf("hreflang %s = %q, want %q", alt, href, want)
					}
				}
				other := map[string]string{"zh": "en", "en": "zh"}[lang]
				if href, _ := d.Find(`[data-testid=lang-switch]`).Attr("href"); href != "/"+other+path {
					t.Errorf("language switch goes to %q, want the same page in %s", href, other)
				}
				if path != "/" {
					if d.Find(".crumbs li").Length() < 2 {
						t.Error("no breadcrumb trail")
					}
					soon := d.Find(`[data-testid=coming-soon]`).Length() == 1
					if notBuilt[path] && !soon {
						t.Error("not built yet, but no coming-soon notice")
					}
					if !notBuilt[path] && !features[path] && (soon || d.Find("article .prose p").Length() == 0) {
						t.Error("a content page without its content")
					}
					var crumbs struct {
						Type  string `json:"@type"`
						Items []struct {
							Position int    `json:"position"`
							Name     string `json:"name"`
							Item     string `json:"item"`
						} `json:"itemListElement"`
					}
					d.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
						if crumbs.Type != "BreadcrumbList" {
							_ = json.Unmarshal([]byte(s.Text()), &crumbs)
						}
					})
					if crumbs.Type != "BreadcrumbList" || len(crumbs.Items) != d.Find(".crumbs li").Length() {
						t.Errorf("BreadcrumbList %+v does not match the %d breadcrumbs", crumbs, d.Find(".crumbs li").Length())
					} else if last := crumbs.Items[len(crumbs.Items)-1]; last.Item != "https://expo.example.org"+url || last.Position != len(crumbs.Items) {
						t.Errorf("BreadcrumbList ends in %+v", last)
					}
				}
			})
		}
	}
}

func TestBreadcrumbAndSectionMenu(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/en/news/industry/", http.StatusOK)
	var crumbs []string
	d.Find(".crumbs li").Each(func(_ int, s *goquery.Selection) { crumbs = append(crumbs, strings.TrimSpace(s.Text())) })
	if got := strings.Join(crumbs, " › "); got != "Home › News centre › Industry news" {
		t.Errorf("breadcrumb %q", got)
	}
	if got, _ := d.Find(".crumbs li:last-child").Attr("aria-current"); got != "page" {
		t.Error("last crumb is not marked as the current page")
	}
	if got := d.Find(`.side a[aria-current=page]`).Text(); got != "Industry news" {
		t.Errorf("section menu marks %q as current", got)
	}
	zh := site.doc(t, "/zh/about/hall", http.StatusOK)
	if got := zh.Find(".crumbs").Text(); !strings.Contains(got, "您当前的位置：") || !strings.Contains(got, "展会介绍") {
		t.Errorf("Chinese breadcrumb %q", got)
	}
}

func TestFooterShowsSiteSettings(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/en/", http.StatusOK)
	footer := d.Find("footer").Text()
	for _, want := range []string{"400-885-6191", "024-2281-6190", "expo@lnjyzb.example.cn", "Shifu Avenue", "2006–2026", "549,426"} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer lacks %q", want)
		}
	}
	if _, err := site.pool.Exec(t.Context(), "UPDATE site_settings SET hotline = '024-1234-5678'"); err != nil {
		t.Fatal(err)
	}
	d = site.doc(t, "/zh/", http.StatusOK)
	if !strings.Contains(d.Find("footer").Text(), "024-1234-5678") {
		t.Error("footer does not follow the settings")
	}
}

func TestRootRedirectsToVisitorsLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, tc := range []struct {
		name    string
		headers []string
		want    string
	}{
		{"nothing", nil, "/zh/"},
		{"english browser", []string{"Accept-Language: en-US,en;q=0.9"}, "/en/"},
		{"chinese browser", []string{"Accept-Language: zh-CN,zh;q=0.9,en;q=0.8"}, "/zh/"},
		{"taiwan browser", []string{"Accept-Language: zh-TW"}, "/zh/"},
		{"french then english", []string{"Accept-Language: fr-FR,fr;q=0.9,en;q=0.5"}, "/en/"},
		{"unsupported only", []string{"Accept-Language: fr, de"}, "/zh/"},
		{"garbage header", []string{"Accept-Language: ;;;q=x"}, "/zh/"},
		{"cookie beats header", []string{"Cookie: lang=en", "Accept-Language: zh-CN"}, "/en/"},
		{"cookie zh beats english", []string{"Cookie: lang=zh", "Accept-Language: en"}, "/zh/"},
		{"unknown cookie ignored", []string{"Cookie: lang=xx", "Accept-Language: en"}, "/en/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := site.get(t, "/", tc.headers...)
			res.Body.Close()
			if res.StatusCode != http.StatusFound {
				t.Fatalf("status %d, want 302", res.StatusCode)
			}
			if got := res.Header.Get("Location"); got != tc.want {
				t.Errorf("Location %q, want %q", got, tc.want)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Language") {
				t.Error("redirect does not Vary on Accept-Language")
			}
		})
	}
}

func TestLanguagePageRemembersChoice(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	res := site.get(t, "/en/about/scope")
	res.Body.Close()
	var got string
	for _, c := range res.Cookies() {
		if c.Name == "lang" {
			got = c.Value
		}
	}
	if got != "en" {
		t.Fatalf("lang cookie %q after reading in English", got)
	}
	res = site.get(t, "/en/about/scope", "Cookie: lang=en")
	res.Body.Close()
	if len(res.Cookies()) != 0 {
		t.Error("cookie set again although it already says en")
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, tc := range []struct {
		path, lang, title string
	}{
		{"/zh/no-such-page", "zh", "页面未找到"},
		{"/en/no-such-page", "en", "Page not found"},
		{"/en/about/nothing", "en", "Page not found"},
		{"/fr/", "zh", "页面未找到"},
		{"/news/1", "zh", "页面未找到"},
		{"/en/news/123", "en", "Page not found"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			d := site.doc(t, tc.path, http.StatusNotFound)
			if got, _ := d.Find("html").Attr("lang"); got != tc.lang {
				t.Errorf("lang %q, want %q", got, tc.lang)
			}
			if got := d.Find("h1").Text(); got != tc.title {
				t.Errorf("h1 %q, want %q", got, tc.title)
			}
			if d.Find("nav.mainnav a").Length() < 5 {
				t.Error("404 page has no navigation")
			}
			if d.Find(`link[rel=canonical]`).Length() != 0 {
				t.Error("404 page claims a canonical URL")
			}
		})
	}
}

func TestMissingSlashRedirects(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for from, to := range map[string]string{"/zh": "/zh/", "/en/news": "/en/news/", "/zh/news/expo?page=2": "/zh/news/expo/?page=2", "/en/exhibitors": "/en/exhibitors/"} {
		res := site.get(t, from)
		res.Body.Close()
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %q", from, res.StatusCode, res.Header.Get("Location"), to)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/zh/", http.StatusOK)
	css, _ := d.Find(`link[rel=stylesheet]`).Attr("href")
	for _, path := range []string{"/zh/", "/en/nope", "/", "/zh", css, "/healthz"} {
		res := site.get(t, path)
		res.Body.Close()
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP lacks frame-ancestors or default-src: %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func TestStaticFilesAreHashedAndImmutable(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/zh/", http.StatusOK)
	css, _ := d.Find(`link[rel=stylesheet]`).Attr("href")
	if !strings.HasPrefix(css, "/static/css/site.") || css == "/static/css/site.css" {
		t.Fatalf("stylesheet URL %q is not content-hashed", css)
	}
	res := site.get(t, css, "Accept-Encoding: gzip")
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", css, res.StatusCode)
	}
	if got := res.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control %q", got)
	}
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("CSS not compressed: %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if !strings.Contains(string(body), ":root") {
		t.Error("compressed body is not the stylesheet")
	}
	// Made once at start, in the best encoding the browser takes, with an
	// ETag of its own that a revalidation matches.
	br := site.get(t, css, "Accept-Encoding: gzip, br")
	defer br.Body.Close()
	brBody, _ := io.ReadAll(brotli.NewReader(br.Body))
	if br.Header.Get("Content-Encoding") != "br" || !bytes.Equal(brBody, body) || br.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("brotli: %q, %d bytes decoded of %d", br.Header.Get("Content-Encoding"), len(brBody), len(body))
	}
	if again := site.get(t, css, "Accept-Encoding: br", "If-None-Match: "+br.Header.Get("ETag")); again.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %s: %d", br.Header.Get("ETag"), again.StatusCode)
	}
	if br.Header.Get("ETag") == res.Header.Get("ETag") {
		t.Error("the gzip and brotli bytes share an ETag")
	}
	if res := site.get(t, "/static/css/site.css"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unhashed URL answered %d; only hashed URLs may be cached forever", res.StatusCode)
	}
	if res := site.get(t, "/static/css/site.000000000000.css"); res.StatusCode != http.StatusNotFound {
		t.Errorf("stale hash answered %d", res.StatusCode)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		res := site.get(t, path)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
	site.pool.Close() // the database goes away
	if res := site.get(t, "/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with no database: %d, want 503", res.StatusCode)
	}
	if res := site.get(t, "/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("/healthz with no database: %d, want 200 (the process is alive)", res.StatusCode)
	}
	// Pages answer the translated 503 page, drawn without the settings
	// (and without a date it does not know).
	d := site.doc(t, "/en/about/scope", http.StatusServiceUnavailable)
	if got := d.Find("h1").Text(); got != "Briefly unavailable" {
		t.Errorf("503 page h1 %q", got)
	}
	if d.Find(".when").Length() != 0 {
		t.Errorf("the 503 page shows dates it does not know: %q", d.Find(".when").Text())
	}
	if strings.Contains(d.Text(), "closed pool") {
		t.Error("the error text reached the visitor")
	}
	if logs := site.logs.String(); !strings.Contains(logs, "database unavailable") || strings.Contains(logs, "request failed") {
		t.Error("the outage was not logged as one, or was logged as a bug")
	}
}

func TestHeadAnswersLikeGet(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	d := site.doc(t, "/zh/", http.StatusOK)
	css, _ := d.Find(`link[rel=stylesheet]`).Attr("href")
	for _, path := range []string{"/", "/zh/", "/en/about/scope", "/healthz", "/readyz", css, "/zh/nope"} {
		get := site.get(t, path)
		get.Body.Close()
		req, _ := http.NewRequest(http.MethodHead, site.URL+path, nil)
		head, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(head.Body)
		head.Body.Close()
		if head.StatusCode != get.StatusCode || len(body) != 0 {
			t.Errorf("HEAD %s: %d with %d body bytes; GET: %d", path, head.StatusCode, len(body), get.StatusCode)
		}
	}
}
