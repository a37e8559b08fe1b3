package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/internal/visits"
)

// hitSite is a cached site that counts visits and requests, as in
// production, and the address of its first article.
func hitSite(t *testing.T) (*testSite, *visits.Counter, *metrics.Metrics, string) {
	t.Helper()
	pool := testdb.New(t)
	counter := visits.New(visits.Options{Store: store.New(pool), Interval: time.Hour, Logger: slog.New(slog.DiscardHandler)})
	m := metrics.New(nil)
	site := newSiteOn(t, pool, func(o *Options, _ string) {
		o.PageCacheBytes, o.PageCacheTTL = 8<<20, time.Minute
		o.Visits, o.Metrics = counter, m
	})
	site.listen(t)
	d := site.doc(t, "/zh/news/", http.StatusOK)
	article, _ := d.Find(`main a[href^="/zh/news/"][href*="-"]`).First().Attr("href")
	if article == "" {
		t.Fatal("no article on the news list")
	}
	return site, counter, m, article
}

const browserUA = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.47"

// A page in the cache is answered before the middleware chain: the chain
// never runs for it, and what the chain did still happens.
func TestCacheHitSkipsTheChainAndKeepsItsWork(t *testing.T) {
	t.Parallel()
	site, counter, m, article := hitSite(t)
	// The demo's articles come with visits of their own: count from there.
	var readsBefore int64
	articleID, _, _ := strings.Cut(strings.TrimPrefix(article, "/zh/news/"), "-")
	if err := site.pool.QueryRow(context.Background(), "SELECT visits FROM articles WHERE id = $1", articleID).Scan(&readsBefore); err != nil {
		t.Fatal(err)
	}
	first, body := fetch(t, site.URL+article, "User-Agent: "+browserUA) // rendered and kept
	if first.StatusCode != http.StatusOK || first.Header.Get("ETag") == "" {
		t.Fatalf("first view: %d, ETag %q", first.StatusCode, first.Header.Get("ETag"))
	}

	// Straight to the fast path, with a chain that fails the test if it runs.
	chain := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { t.Errorf("the chain ran for a kept page") })
	req := httptest.NewRequest(http.MethodGet, article, nil)
	req.Header.Set("User-Agent", browserUA)
	req.Header.Set("X-Request-Id", "hit-test-1")
	rec := httptest.NewRecorder()
	site.srv.hits(chain).ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.String() != string(body) {
		t.Fatalf("hit: %d, %d bytes, want the %d bytes of the first view", rec.Code, rec.Body.Len(), len(body))
	}
	for k, want := range map[string]string{
		"Content-Security-Policy":   csp,
		"X-Content-Type-Options":    "nosniff",
		"Referrer-Policy":           "strict-origin-when-cross-origin",
		"X-Frame-Options":           "DENY",
		"Permissions-Policy":        "camera=(), microphone=(), geolocation=()",
		"Strict-Transport-Security": "max-age=31536000", // the site is https://expo.example.org
		"Content-Type":              "text/html; charset=utf-8",
		"Vary":                      "Accept-Encoding",
		"ETag":                      first.Header.Get("ETag"),
		"Set-Cookie":                "lang=zh; Path=/; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax",
	} {
		if got := rec.Header().Values(k); len(got) != 1 || got[0] != want {
			t.Errorf("hit: %s %q, want %q", k, got, want)
		}
	}
	if got := rec.Header().Get("Content-Length"); got != first.Header.Get("Content-Length") {
		t.Errorf("hit: Content-Length %q, first view %q", got, first.Header.Get("Content-Length"))
	}

	// Through the server: a hit in every way a browser asks.
	res, b := fetch(t, site.URL+article, "User-Agent: "+browserUA, "Cookie: lang=zh")
	if res.StatusCode != http.StatusOK || string(b) != string(body) || res.Header.Get("Set-Cookie") != "" {
		t.Errorf("with the cookie: %d, %d bytes, Set-Cookie %q", res.StatusCode, len(b), res.Header.Get("Set-Cookie"))
	}
	if res, _ := fetch(t, site.URL+article, "User-Agent: "+browserUA, "Cookie: lang=en"); res.Header.Get("Set-Cookie") == "" {
		t.Error("an English visitor on a Chinese page is not given the Chinese cookie")
	}
	res, b = fetch(t, site.URL+article, "User-Agent: "+browserUA, "If-None-Match: "+first.Header.Get("ETag"))
	if res.StatusCode != http.StatusNotModified || len(b) != 0 || res.Header.Get("Content-Type") != "" ||
		res.Header.Get("ETag") != first.Header.Get("ETag") || res.Header.Get("Content-Security-Policy") != csp {
		t.Errorf("revalidation: %d, %d bytes, %v", res.StatusCode, len(b), res.Header)
	}
	head, _ := http.NewRequest(http.MethodHead, site.URL+article, nil)
	head.Header.Set("User-Agent", browserUA)
	hres, err := http.DefaultTransport.RoundTrip(head)
	if err != nil {
		t.Fatal(err)
	}
	hb, _ := io.ReadAll(hres.Body)
	hres.Body.Close()
	if hres.StatusCode != http.StatusOK || len(hb) != 0 || hres.Header.Get("Content-Length") != first.Header.Get("Content-Length") ||
		hres.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q", hres.StatusCode, len(hb), hres.Header.Get("Content-Length"))
	}
	fetch(t, site.URL+article, "User-Agent: Baiduspider/2.0") // a bot: not counted

	// Views: the first (the chain), the fast path's, the two with cookies;
	// not the 304, the HEAD or the bot. Reads: those and the 304.
	if err := counter.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	views, err := store.New(site.pool).PageViews(context.Background(), article)
	if err != nil {
		t.Fatal(err)
	}
	if views != 4 {
		t.Errorf("%d page views counted, want 4", views)
	}
	var reads int64
	id, _, _ := strings.Cut(strings.TrimPrefix(article, "/zh/news/"), "-")
	if err := site.pool.QueryRow(context.Background(), "SELECT visits FROM articles WHERE id = $1", id).Scan(&reads); err != nil {
		t.Fatal(err)
	}
	if reads-readsBefore != 5 {
		t.Errorf("the article counts %d reads more, want 5", reads-readsBefore)
	}

	// The metrics count hits under the route's pattern, the log has a line each.
	mrec := httptest.NewRecorder()
	m.Handler().ServeHTTP(mrec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	for _, want := range []string{
		`portal_http_requests_total{method="GET",route="/{lang}/news/{ref:[0-9][^/]*}",status="200"} 5`,
		`portal_http_requests_total{method="GET",route="/{lang}/news/{ref:[0-9][^/]*}",status="304"} 1`,
		`portal_http_requests_total{method="HEAD",route="/{lang}/news/{ref:[0-9][^/]*}",status="200"} 1`,
		`portal_page_cache_hits_total 6`,
	} {
		if !strings.Contains(mrec.Body.String(), want) {
			t.Errorf("no %s in\n%s", want, grep(mrec.Body.String(), "portal_"))
		}
	}
	logs := site.logs.String()
	if want := "msg=request id=hit-test-1 method=GET path=" + article + " status=200 bytes=" + first.Header.Get("Content-Length"); !strings.Contains(logs, want) {
		t.Errorf("no %q in the log:\n%s", want, grep(logs, "msg=request"))
	}
	if n := strings.Count(logs, "path="+article+" status=304 bytes=0"); n != 1 {
		t.Errorf("%d log lines for the 304, want 1", n)
	}
}

// What the fast path must not answer goes on to the chain: a request with
// a body, credentials, another method, or a page not kept.
func TestCacheHitLeavesTheRestToTheChain(t *testing.T) {
	t.Parallel()
	site, _, _, article := hitSite(t)
	fetch(t, site.URL+article) // kept
	ran := false
	chain := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ran = true })
	for name, req := range map[string]*http.Request{
		"a body": httptest.NewRequest(http.MethodGet, article, strings.NewReader("x")),
		"credentials": func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, article, nil)
			r.SetBasicAuth("a", "b")
			return r
		}(),
		"a post":    httptest.NewRequest(http.MethodPost, article, nil),
		"a query":   httptest.NewRequest(http.MethodGet, article+"?x=1", nil),
		"the admin": httptest.NewRequest(http.MethodGet, "/admin/", nil),
	} {
		ran = false
		site.srv.hits(chain).ServeHTTP(httptest.NewRecorder(), req)
		if !ran {
			t.Errorf("with %s the fast path answered", name)
		}
	}
}

// Staff signed in never get a page from the cache: the back office is
// never kept, however often it is asked for.
func TestSignedInStaffGetNoCachedPage(t *testing.T) {
	t.Parallel()
	site, _, _, article := hitSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	staff := newStaff(t, site)
	if res := staff.login(t, "editor@expo.example", "Shenyang-Expo-2027"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	staff.get(t, article)
	for range 3 {
		res, body := staff.get(t, "/admin/")
		if res.StatusCode != http.StatusOK || res.Header.Get("ETag") != "" || !strings.Contains(body, "logout") {
			t.Fatalf("dashboard: %d, ETag %q", res.StatusCode, res.Header.Get("ETag"))
		}
	}
	// Signed out, the dashboard sends them to the login page, not to a
	// copy of what they saw.
	anon := newStaff(t, site)
	if res, _ := anon.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous dashboard after staff saw it: %d", res.StatusCode)
	}
}

// The language cookie is read as r.Cookie reads it.
func TestCookieIs(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   bool
	}{
		{nil, false},
		{[]string{"lang=zh"}, true},
		{[]string{"a=b; lang=zh; c=d"}, true},
		{[]string{"a=b", " lang=zh "}, true},
		{[]string{"lang=en"}, false},
		{[]string{`lang="zh"`}, true},
		{[]string{"lang=en; lang=zh"}, false},
		{[]string{"lang; lang=zh"}, false},
		{[]string{`lang=z\h; lang=zh`}, true}, // not a valid value: skipped
		{[]string{"xlang=zh"}, false},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header["Cookie"] = tc.header
		c, err := r.Cookie("lang")
		want := err == nil && c.Value == "zh"
		if want != tc.want {
			t.Fatalf("%q: the test expects %v, r.Cookie says %v", tc.header, tc.want, want)
		}
		if got := cookieIs(r, "lang", "zh"); got != want {
			t.Errorf("cookieIs(%q) = %v, want %v", tc.header, got, want)
		}
	}
}

// Served as in production (Serve), a kept page larger than net/http's
// buffer is corked while written: it must still arrive whole, and at
// once, not when the kernel gives up holding it back (200 ms).
func TestCorkedHitsArriveWholeAndAtOnce(t *testing.T) {
	t.Parallel()
	site, _, _, article := hitSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, site.srv.Handler(), slog.New(slog.DiscardHandler), time.Second) }()
	t.Cleanup(func() { stop(); <-done })
	url := "http://" + ln.Addr().String() + article
	_, want := fetch(t, url) // kept
	if len(want) <= corkAbove {
		t.Fatalf("the article is %d bytes: too small to be corked, this test would prove nothing", len(want))
	}
	var took []time.Duration
	for _, accept := range []string{"", "", "", "", "", "gzip", "br"} {
		start := time.Now()
		res, body := fetch(t, url, "Accept-Encoding: "+accept)
		took = append(took, time.Since(start))
		if res.StatusCode != http.StatusOK || accept == "" && string(body) != string(want) ||
			res.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Fatalf("Accept-Encoding %q: %d, %d bytes of %s", accept, res.StatusCode, len(body), res.Header.Get("Content-Length"))
		}
	}
	slices.Sort(took)
	if median := took[len(took)/2]; median >= 150*time.Millisecond {
		t.Errorf("a kept page takes %s (median of %v): held back by the cork", median, took)
	}
}
