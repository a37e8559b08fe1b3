package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"

	"github.com/expoportal/portal/internal/testdb"
)

// listen runs site's change listener for the test and waits until it hears.
func (s *testSite) listen(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = s.srv.ListenForChanges(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	deadline := time.Now().Add(10 * time.Second)
	for !s.srv.listening.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the change listener did not connect in 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// cachedSite is a site with the page cache on and its listener running.
func cachedSite(t testing.TB) *testSite {
	t.Helper()
	site := newSiteOn(t, testdb.New(t), func(o *Options, _ string) { o.PageCacheBytes, o.PageCacheTTL = 8<<20, time.Minute })
	site.listen(t)
	return site
}

func fetch(t *testing.T, url string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	// The transport must not add or undo an encoding: the test reads the bytes sent.
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// A kept page is the same page in every encoding the visitor takes, with
// an ETag answered by 304; a change drops it.
func TestPageCacheServesEveryEncodingAndRevalidates(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	_, plain := fetch(t, site.URL+"/zh/exhibit/charges")
	if !bytes.Contains(plain, []byte("</html>")) {
		t.Fatalf("charges page: %.200s", plain)
	}
	decode := map[string]func([]byte) ([]byte, error){
		"gzip": func(b []byte) ([]byte, error) {
			r, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, err
			}
			return io.ReadAll(r)
		},
		"br": func(b []byte) ([]byte, error) { return io.ReadAll(brotli.NewReader(bytes.NewReader(b))) },
		"zstd": func(b []byte) ([]byte, error) {
			r, err := zstd.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, err
			}
			defer r.Close()
			return io.ReadAll(r)
		},
	}
	etags := map[string]bool{}
	for enc, dec := range decode {
		res, body := fetch(t, site.URL+"/zh/exhibit/charges", "Accept-Encoding: "+enc)
		if got := res.Header.Get("Content-Encoding"); got != enc {
			t.Errorf("asked for %s, got %q", enc, got)
			continue
		}
		if res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: Vary %q", enc, res.Header.Get("Vary"))
		}
		if out, err := dec(body); err != nil || !bytes.Equal(out, plain) {
			t.Errorf("%s: decodes to another page (%v)", enc, err)
		}
		etag := res.Header.Get("ETag")
		etags[etag] = true
		if res, _ := fetch(t, site.URL+"/zh/exhibit/charges", "Accept-Encoding: "+enc, "If-None-Match: "+etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("%s: If-None-Match %s answered %d", enc, etag, res.StatusCode)
		}
	}
	if len(etags) != 3 {
		t.Errorf("the encodings share ETags: %v", etags)
	}
	if res, _ := fetch(t, site.URL+"/zh/exhibit/charges", "Accept-Encoding: gzip;q=0, br;q=0"); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("q=0 refused, got %q", res.Header.Get("Content-Encoding"))
	}

	// A change anywhere (here: by SQL, as the listener hears it) shows at once.
	if _, err := site.pool.Exec(context.Background(), "UPDATE site_settings SET hotline = '024-8765-4321'"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool {
		_, b := fetch(t, site.URL+"/zh/exhibit/charges")
		return bytes.Contains(b, []byte("024-8765-4321"))
	})
}

// Forms with a stamp and tickets are never kept: each visitor gets a form
// of their own.
func TestPageCacheKeepsNoFormsOrPrivatePages(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	for _, path := range []string{"/zh/exhibit/apply", "/en/register", "/zh/register/group"} {
		a, _ := site.doc(t, path, http.StatusOK).Find(`input[name=form_started]`).Attr("value")
		b, _ := site.doc(t, path, http.StatusOK).Find(`input[name=form_started]`).Attr("value")
		if a == b {
			t.Errorf("%s was served from the cache: one stamp for two visitors", path)
		}
	}
	for _, path := range []string{"/admin/login", "/zh/exhibit/apply/abcdefghijklmnopqrstuvwxyz"} {
		if res, _ := fetch(t, site.URL+path); res.Header.Get("ETag") != "" {
			t.Errorf("%s carries a cache ETag", path)
		}
	}
	if res, _ := fetch(t, site.URL+"/zh/news/"); res.Header.Get("ETag") == "" {
		t.Error("the news list is not cached: this test would prove nothing")
	}
}

// Many visitors missing one page at once cost one rendering, and each
// of them is counted.
func TestPageCacheRendersAMissOnce(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	var renders sync.Map
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			res, body := fetch(t, site.URL+"/zh/exhibitors/")
			if res.StatusCode != http.StatusOK {
				t.Errorf("status %d", res.StatusCode)
			}
			renders.Store(res.Header.Get("ETag")+string(body[:min(len(body), 64)]), true)
		})
	}
	wg.Wait()
	n := 0
	renders.Range(func(any, any) bool { n++; return true })
	if n != 1 {
		t.Errorf("%d different answers to 20 concurrent requests", n)
	}
}

func waitFor(t *testing.T, limit time.Duration, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > limit {
			t.Fatalf("not within %s", limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// Two instances on one database: what staff change on A shows on B, whose
// pages were kept, within a moment (the NOTIFY's round trip).
func TestChangesOnOneInstanceShowOnAnother(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	cached := func(o *Options, _ string) { o.PageCacheBytes, o.PageCacheTTL = 8<<20, time.Hour }
	a, b := newSiteOn(t, pool, cached), newSiteOn(t, pool, cached)
	a.listen(t)
	b.listen(t)
	shows := func(path, text string) func() bool {
		return func() bool {
			res, body := fetch(t, b.URL+path)
			return res.StatusCode == http.StatusOK && strings.Contains(string(body), text)
		}
	}
	for _, path := range []string{"/zh/", "/zh/news/", "/zh/exhibit/charges"} {
		fetch(t, b.URL+path)
		if res, _ := fetch(t, b.URL+path); res.Header.Get("ETag") == "" {
			t.Fatalf("B does not keep %s: this test would prove nothing", path)
		}
	}
	addUser(t, a, "editor@expo.example", "admin", "Shenyang-Expo-2027")
	staff := newStaff(t, a)
	staff.login(t, "editor@expo.example", "Shenyang-Expo-2027")

	// A publish.
	res, _ := staff.save(t, "/admin/news/new", editorForm("publish", "0"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish on A: %d", res.StatusCode)
	}
	t.Logf("a publish on A showed on B after %s", waitFor(t, 5*time.Second, shows("/zh/news/", "后台发布的新闻")).Round(time.Millisecond))

	// A settings change.
	_, body := staff.get(t, "/admin/settings")
	d := parse(t, body)
	f := url.Values{}
	d.Find("form.editor input").Each(func(_ int, s *goquery.Selection) { f.Set(s.AttrOr("name", ""), s.AttrOr("value", "")) })
	f.Set("hotline", "024-5555-0000")
	if res := staff.post(t, "/admin/settings", f); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("settings on A: %d", res.StatusCode)
	}
	t.Logf("a settings change on A showed on B after %s", waitFor(t, 5*time.Second, shows("/zh/", "024-5555-0000")).Round(time.Millisecond))

	// A price change (any writer: the database itself says so).
	if _, err := pool.Exec(context.Background(), "UPDATE charge_items SET price_cny = 4321000 WHERE id = (SELECT min(id) FROM charge_items)"); err != nil {
		t.Fatal(err)
	}
	t.Logf("a price change showed on B after %s", waitFor(t, 5*time.Second, shows("/zh/exhibit/charges", "43,210")).Round(time.Millisecond))
}

// A kept page ends when the page changes by itself: here a scheduled
// article's release, long before the cache's own time is up.
func TestKeptPageEndsWhenAScheduledArticleIsDue(t *testing.T) {
	t.Parallel()
	site := cachedSite(t) // pages kept for a minute
	d := site.doc(t, "/zh/news/", http.StatusOK)
	href, _ := d.Find(`main a[href^="/zh/news/"][href*="-"]`).First().Attr("href")
	id := strings.TrimPrefix(href, "/zh/news/")
	id, _, _ = strings.Cut(id, "-")
	if id == "" {
		t.Fatal("no article on the news list")
	}
	now := site.srv.now()
	if _, err := site.pool.Exec(context.Background(), "UPDATE articles SET status = 'scheduled', released_at = $2 WHERE id = $1",
		id, now.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool {
		_, body := fetch(t, site.URL+"/zh/news/")
		return !strings.Contains(string(body), `href="`+href+`"`)
	})
	if res, _ := fetch(t, site.URL+"/zh/news/"); res.Header.Get("ETag") == "" {
		t.Fatal("the list is not kept: this test would prove nothing")
	}
	time.Sleep(1100 * time.Millisecond)
	site.srv.now = func() time.Time { return now.Add(2 * time.Second) }
	if _, body := fetch(t, site.URL+"/zh/news/"); !strings.Contains(string(body), `href="`+href+`"`) {
		t.Error("the article's time came, and the kept list still leaves it out")
	}
}

func TestNeverCachedPaths(t *testing.T) {
	for path, want := range map[string]bool{
		"/zh/exhibit/apply": true, "/en/exhibit/apply/abcdefghijklmnopqrstuvwxyz": true, "/zh/register": true,
		"/zh/register/group": true, "/en/tickets/abc": true, "/zh/search": false, "/admin/": true, "/admin/login": true,
		"/static/css/site.css": true, "/media/x.jpg": true, "/readyz": true,
		"/": false, "/zh/": false, "/zh/news/": false, "/en/exhibit/charges": false, "/zh/exhibitors/": false,
		"/sitemap.xml": false, "/feeds/zh/news.atom": false, "/zh/exhibit/booths": false,
		"/zh/news/?page=2": true, // a path with %3F in it
	} {
		if got := neverCached(path); got != want {
			t.Errorf("neverCached(%q) = %v, want %v", path, got, want)
		}
	}
}

// A search is kept like any page, so a crowd searching for the same words
// costs one search; but apart, in an eighth of the cache, so that a flood
// of made-up queries evicts older searches and never the pages the crowd
// reads.
func TestSearchPagesAreKeptApart(t *testing.T) {
	t.Parallel()
	site := newSiteOn(t, testdb.New(t), func(o *Options, _ string) { o.PageCacheBytes, o.PageCacheTTL = 1<<20, time.Minute })
	site.listen(t)
	c := site.srv.pages

	first, a := fetch(t, site.URL+"/zh/search?q=%E6%95%99%E8%82%B2")
	again, b := fetch(t, site.URL+"/zh/search?q=%E6%95%99%E8%82%B2")
	if first.StatusCode != http.StatusOK || again.Header.Get("ETag") == "" || !bytes.Equal(a, b) {
		t.Fatalf("a search asked twice: %d, ETag %q, same page %v", first.StatusCode, again.Header.Get("ETag"), bytes.Equal(a, b))
	}
	if !strings.Contains(string(a), `data-testid="search-found"`) {
		t.Fatalf("the kept search found nothing: %.300s", a)
	}
	if again.Header.Get("Set-Cookie") != "" && !strings.HasPrefix(again.Header.Get("Set-Cookie"), langCookie+"=") {
		t.Errorf("a kept search sets %q", again.Header.Get("Set-Cookie"))
	}

	fetch(t, site.URL+"/zh/")
	if c.fresh("/zh/", "", time.Now()) == nil {
		t.Fatal("the home page is not kept: this test would prove nothing")
	}
	// More made-up searches than the whole cache holds.
	var searched int64
	for i := 0; searched < 2*c.max; i++ {
		res, body := fetch(t, site.URL+"/zh/search?q="+url.QueryEscape(fmt.Sprintf("教育 %d", i)))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("search %d: %d", i, res.StatusCode)
		}
		searched += int64(len(body))
	}
	if c.fresh("/zh/", "", time.Now()) == nil {
		t.Error("a flood of searches pushed the home page out")
	}
	c.mu.Lock()
	apart, kept := c.apartSize, c.apart.Len()
	c.mu.Unlock()
	if apart > c.apartMax || kept == 0 {
		t.Errorf("searches kept: %d pages, %d bytes of at most %d", kept, apart, c.apartMax)
	}

	// A change shows in a kept search too.
	unicorn := "/zh/search?q=" + url.QueryEscape("独角兽")
	if _, b := fetch(t, site.URL+unicorn); !bytes.Contains(b, []byte(`data-testid="search-nothing"`)) {
		t.Fatalf("独角兽 found before it was written: %.300s", b)
	}
	if res, _ := fetch(t, site.URL+unicorn); res.Header.Get("ETag") == "" {
		t.Fatal("the search that found nothing is not kept")
	}
	if _, err := site.pool.Exec(context.Background(),
		"UPDATE page_translations SET title = title || ' 独角兽' WHERE lang = 'zh' AND page_id = (SELECT min(id) FROM pages WHERE published)"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool {
		_, b := fetch(t, site.URL+unicorn)
		return bytes.Contains(b, []byte(`data-testid="search-found"`))
	})
}

// A page kept for /a?b? is not the page of /a%3Fb, whose path holds the
// "?": both would be "/a?b?" as a key.
func TestPageCacheKeysDoNotMeet(t *testing.T) {
	c := newPageCache(1<<20, time.Minute)
	c.keep(&cachedPage{key: "/zh/news/?page=2", expires: time.Now().Add(time.Minute), size: 100})
	if c.fresh("/zh/news/", "page=2", time.Now()) == nil {
		t.Fatal("the kept page is not found under its own path and query: this test would prove nothing")
	}
	if c.fresh("/zh/news/?page=2", "", time.Now()) != nil {
		t.Error("a path with an escaped ? is answered with the page of another address")
	}
}
