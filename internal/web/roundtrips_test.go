package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/testdb"
)

// countedKey marks a request whose database round trips are counted.
type countedKey struct{}

// roundTrips records the statements sent on behalf of counted requests:
// each query and each batch is one round trip (once pgx has prepared the
// statement on the connection, which the warm-up does).
type roundTrips struct {
	mu  sync.Mutex
	sql []string
}

func (c *roundTrips) note(ctx context.Context, sql string) {
	if ctx.Value(countedKey{}) == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sql = append(c.sql, strings.Join(strings.Fields(sql), " "))
}

func (c *roundTrips) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.note(ctx, d.SQL)
	return ctx
}

func (c *roundTrips) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *roundTrips) TraceBatchStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchStartData) context.Context {
	c.note(ctx, "batch of "+strings.Repeat("*", d.Batch.Len()))
	return ctx
}

func (c *roundTrips) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}
func (c *roundTrips) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData)     {}

func (c *roundTrips) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.sql
	c.sql = nil
	return out
}

// tracedSite is a test site, cache off and listening, whose every query
// tracer sees; maxConns 0 keeps pgxpool's default.
func tracedSite(tb testing.TB, tracer pgx.QueryTracer, maxConns int32) *testSite {
	tb.Helper()
	cfg, err := pgxpool.ParseConfig(testdb.ConnString(tb))
	if err != nil {
		tb.Fatal(err)
	}
	cfg.ConnConfig.Tracer = tracer
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(pool.Close)
	site := newSiteOn(tb, pool, nil)
	site.listen(tb)
	return site
}

// TestColdPagesTakeOneRoundTrip: with the page cache off, once the frame is
// read and the instance hears changes, a public page asks the database at
// most once. An opening-day crowd on cold pages then costs one query a
// page, not six.
func TestColdPagesTakeOneRoundTrip(t *testing.T) {
	trips := &roundTrips{}
	// Few connections, so the warm-up prepares each statement on each.
	site := tracedSite(t, trips, 2) // PageCacheBytes 0: the cache is off

	// The first article on the news list, as the benchmark picks it.
	list := site.doc(t, "/zh/news/", http.StatusOK)
	article, _ := list.Find(`a[href^="/zh/news/"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		h, _ := s.Attr("href")
		return regexp.MustCompile(`^/zh/news/[0-9]`).MatchString(h)
	}).First().Attr("href")
	if article == "" {
		t.Fatal("no article on /zh/news/")
	}
	exhibitor, _ := site.doc(t, "/zh/exhibitors/", http.StatusOK).Find(`a[href^="/zh/exhibitors/1"], a[href^="/zh/exhibitors/2"], a[href^="/zh/exhibitors/3"]`).First().Attr("href")
	if exhibitor == "" {
		t.Fatal("no exhibitor on /zh/exhibitors/")
	}

	var paths []string
	for _, lang := range []string{"zh", "en"} {
		for _, p := range []string{"/", strings.TrimPrefix(article, "/zh"), "/news/", "/news/expo/", "/news/industry/?page=1",
			"/exhibitors/", "/exhibitors/?hall=E1", strings.TrimPrefix(exhibitor, "/zh"),
			"/exhibit/charges", "/exhibit/schedule", "/exhibit/booths",
			"/about/overview", "/about/scope", "/services/hotels", "/contact"} {
			paths = append(paths, "/"+lang+p)
		}
	}
	h := site.srv.Handler()
	get := func(path string) int {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req = req.WithContext(context.WithValue(req.Context(), countedKey{}, true))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	// Warm: the frame and the directory are read, and every statement is
	// prepared on every connection of the pool.
	for range 3 {
		for _, p := range paths {
			if code := get(p); code != http.StatusOK {
				t.Fatalf("GET %s: %d", p, code)
			}
		}
	}
	// Pages that still take two, and why: drop the entry once fixed.
	trips.take()
	for _, p := range paths {
		get(p)
		sql := trips.take()
		t.Logf("%-40s %d round trip(s)", p, len(sql))
		if len(sql) > 1 {
			t.Errorf("GET %s: %d round trips, want at most 1:\n  %s", p, len(sql), strings.Join(sql, "\n  "))
		}
	}
}

// TestDemoLeavesPlannerStatistics: the demo's tables are too small for
// autovacuum ever to analyze them, and without statistics the planner took
// one row a table and read the news list's page 53 times over.
func TestDemoLeavesPlannerStatistics(t *testing.T) {
	site := newSite(t)
	for _, table := range []string{"articles", "news_listing", "article_translations", "exhibitors"} {
		var n int
		if err := site.pool.QueryRow(context.Background(),
			"SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1", table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s has no planner statistics after the demo", table)
		}
	}
}
