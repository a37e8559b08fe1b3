package visits_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/internal/visits"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

var shanghai = time.FixedZone("CST", 8*3600)

func newCounter(st *store.Store, now func() time.Time) *visits.Counter {
	return visits.New(visits.Options{Store: st, Location: shanghai, Now: now, Interval: time.Hour})
}

// hitFrom is a request from visitor v (one of a few browsers on many addresses).
func hitFrom(c *visits.Counter, v int, path string) {
	r := httptest.NewRequest("GET", path, nil)
	r.RemoteAddr = fmt.Sprintf("10.0.%d.%d:5%04d", v/10, v%10, v)
	r.Header.Set("User-Agent", []string{
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
	}[v%2])
	c.Hit(r, path)
}

func totals(t *testing.T, st *store.Store, path string) (visitors, views int64) {
	t.Helper()
	visitors, err := st.CountedVisitors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if views, err = st.PageViews(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return visitors, views
}

func TestConcurrentHitsFromFiftyVisitors(t *testing.T) {
	t.Parallel()
	st := store.New(testdb.New(t))
	now := func() time.Time { return time.Date(2027, 4, 16, 10, 0, 0, 0, shanghai) }
	a, b := newCounter(st, now), newCounter(st, now) // two instances, one database

	var wg sync.WaitGroup
	for i := range 1000 {
		wg.Add(1)
		go func() { defer wg.Done(); hitFrom(a, i%50, "/zh/") }()
	}
	wg.Wait()
	if err := a.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v, n := totals(t, st, "/zh/"); v != 50 || n != 1000 {
		t.Fatalf("after 1,000 hits from 50 visitors: %d visitors, %d views", v, n)
	}
	if a.Total() != 50 {
		t.Errorf("Total() = %d after flush, want 50", a.Total())
	}

	// The second instance sees 10 of the same visitors and 5 new ones.
	for i := range 15 {
		hitFrom(b, 40+i, "/zh/")
	}
	if err := b.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v, n := totals(t, st, "/zh/"); v != 55 || n != 1015 {
		t.Fatalf("with a second instance: %d visitors, %d views; want 55 and 1015", v, n)
	}
	if b.Total() != 55 {
		t.Errorf("second instance Total() = %d, want 55", b.Total())
	}
}

func TestNewDayNewVisitors(t *testing.T) {
	t.Parallel()
	st := store.New(testdb.New(t))
	clock := time.Date(2027, 4, 16, 23, 59, 0, 0, shanghai)
	c := newCounter(st, func() time.Time { return clock })
	hitFrom(c, 1, "/en/")
	clock = clock.Add(2 * time.Minute) // past midnight in Shenyang
	hitFrom(c, 1, "/en/")
	if err := c.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v, n := totals(t, st, "/en/"); v != 2 || n != 2 {
		t.Fatalf("one visitor on two days: %d visitors, %d views; want 2 and 2", v, n)
	}
}

func TestGracefulStopFlushes(t *testing.T) {
	t.Parallel()
	st := store.New(testdb.New(t))
	c := newCounter(st, time.Now)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { c.Run(ctx); close(done) }()
	for i := range 7 {
		hitFrom(c, i, "/zh/about/overview")
	}
	cancel() // the interval is an hour: only the final flush can write these
	<-done
	if v, n := totals(t, st, "/zh/about/overview"); v != 7 || n != 7 {
		t.Fatalf("after a graceful stop: %d visitors, %d views; want 7 and 7", v, n)
	}
}

func TestFailedFlushKeepsCounts(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	st := store.New(pool)
	var flushes []error // what OnFlush heard (metrics count it)
	c := visits.New(visits.Options{Store: st, Location: shanghai, Interval: time.Hour,
		OnFlush: func(err error) { flushes = append(flushes, err) }})
	hitFrom(c, 1, "/zh/")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Flush(ctx); err == nil {
		t.Fatal("flush with a cancelled context succeeded")
	}
	hitFrom(c, 2, "/zh/")
	if err := c.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(flushes) != 2 || flushes[0] == nil || flushes[1] != nil {
		t.Errorf("OnFlush heard %v, want the failure then a success", flushes)
	}
	if v, n := totals(t, st, "/zh/"); v != 2 || n != 2 {
		t.Fatalf("after a failed then a good flush: %d visitors, %d views; want 2 and 2", v, n)
	}
}

func TestBots(t *testing.T) {
	t.Parallel()
	for ua, bot := range map[string]bool{
		"": true,
		"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)": true,
		"Mozilla/5.0 (compatible; Baiduspider/2.0)":                                true,
		"curl/8.5.0":                     true,
		"Go-http-client/1.1":             true,
		"Mozilla/5.0 HeadlessChrome/120": true,
		"Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36": false,
		"Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.47":                    false,
	} {
		if visits.IsBot(ua) != bot {
			t.Errorf("IsBot(%q) = %v", ua, !bot)
		}
	}
}

func TestClientIP(t *testing.T) {
	t.Parallel()
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	for _, tc := range []struct{ remote, xff, want string }{
		{"203.0.113.5:4000", "", "203.0.113.5"},
		{"203.0.113.5:4000", "1.2.3.4", "203.0.113.5"}, // not a trusted proxy: the header is ignored
		{"10.1.1.1:4000", "198.51.100.7", "198.51.100.7"},
		{"10.1.1.1:4000", "6.6.6.6, 198.51.100.7, 10.2.2.2", "198.51.100.7"},
		{"10.1.1.1:4000", "", "10.1.1.1"},
		// A forged first line, and the line the proxy added after it.
		{"10.1.1.1:4000", "6.6.6.6\n198.51.100.7", "198.51.100.7"},
		{"10.1.1.1:4000", "not-an-address", "10.1.1.1"},
		{"10.1.1.1:4000", "::ffff:198.51.100.9", "198.51.100.9"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		for _, line := range strings.Split(tc.xff, "\n") {
			if line != "" {
				r.Header.Add("X-Forwarded-For", line)
			}
		}
		if got := visits.ClientIP(r, proxies); got != tc.want {
			t.Errorf("ClientIP(%s, %q) = %s, want %s", tc.remote, tc.xff, got, tc.want)
		}
	}
}

// IsBot looks at a user agent byte by byte; it must say what lowering the
// whole string and searching it for every mark says.
func TestBotsAsTheLoweredSearchSays(t *testing.T) {
	t.Parallel()
	marks := []string{"bot", "crawl", "spider", "slurp", "curl", "wget", "python", "go-http-client",
		"java/", "libwww", "httpclient", "okhttp", "headless", "lighthouse", "pingdom", "uptime", "monitor",
		"facebookexternalhit", "preview", "scan", "axios", "node-fetch", "postman"}
	lowered := func(ua string) bool {
		if strings.TrimSpace(ua) == "" {
			return true
		}
		ua = strings.ToLower(ua)
		for _, m := range marks {
			if strings.Contains(ua, m) {
				return true
			}
		}
		return false
	}
	uas := []string{"", " ", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
		"YandexBOT/3.0", "Mozilla/5.0 (compatible; bingbot/2.0)", "SCANNER", "bo", "b", "crawL", "Wget/1.21",
		"Python-urllib/3.12", "Java/17", "java", "PostmanRuntime/7", "x-NODE-FETCH", "okhtt", "Mozilla ro\u212Abot",
		"spİder", "\u212Aurl", "Mozilla/5.0 中文 MicroMessenger", "Mozilla/5.0 中文 spider", "lighthous", "uptimerobot"}
	for _, ua := range uas {
		if got, want := visits.IsBot(ua), lowered(ua); got != want {
			t.Errorf("IsBot(%q) = %v, the lowered search says %v", ua, got, want)
		}
	}
}
