package metrics_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// scrape returns the metrics page m serves.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/metrics: status %d", rec.Code)
	}
	return rec.Body.String()
}

// lines are the samples of page whose line starts with prefix.
func lines(page, prefix string) []string {
	var out []string
	for l := range strings.Lines(page) {
		if strings.HasPrefix(l, prefix) {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func TestRequestsAreLabelledByRoutePattern(t *testing.T) {
	t.Parallel()
	m := metrics.New(testdb.New(t))
	r := chi.NewRouter()
	r.Use(m.Middleware)
	r.Route("/{lang}", func(r chi.Router) {
		r.Get("/news/{id:[0-9]+}", func(w http.ResponseWriter, r *http.Request) {
			if chi.URLParam(r, "id") == "404" {
				http.NotFound(w, r) // a route that matched, answering 404
				return
			}
			io.WriteString(w, "article")
		})
	})
	r.Get("/static/*", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(r)
	defer srv.Close()
	for _, p := range []string{"/zh/news/12", "/zh/news/13", "/en/news/12", "/zh/news/404",
		"/zh/nothing/here", "/a/b/c", "/.env", "/static/app.css"} {
		res, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	req, _ := http.NewRequest("BREW", srv.URL+"/zh/news/12", nil) // methods are not free text either
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
	}

	page := scrape(t, m)
	got := strings.Join(lines(page, "portal_http_requests_total{"), "\n")
	for _, want := range []string{
		`portal_http_requests_total{method="GET",route="/{lang}/news/{id:[0-9]+}",status="200"} 3`,
		`portal_http_requests_total{method="GET",route="/{lang}/news/{id:[0-9]+}",status="404"} 1`,
		`portal_http_requests_total{method="GET",route="other",status="404"} 3`,
		`portal_http_requests_total{method="GET",route="/static/*",status="200"} 1`,
		`portal_http_requests_total{method="other",route="other",status="405"} 1`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	if strings.Contains(page, "/zh/news/12") || strings.Contains(page, "nothing") {
		t.Errorf("a raw path is a label:\n%s", got)
	}
	if n := len(lines(page, `portal_http_request_duration_seconds_count{method="GET",route="/{lang}/news/{id:[0-9]+}",status="200"} 3`)); n != 1 {
		t.Errorf("no latency histogram for the article route:\n%s", strings.Join(lines(page, "portal_http_request_duration_seconds_count"), "\n"))
	}
	if len(lines(page, `portal_http_request_duration_seconds_bucket{method="GET",route="/{lang}/news/{id:[0-9]+}",status="200",le="0.001"}`)) != 1 ||
		len(lines(page, `portal_http_request_duration_seconds_bucket{method="GET",route="/{lang}/news/{id:[0-9]+}",status="200",le="5"}`)) != 1 {
		t.Error("the latency buckets do not run from 1ms to 5s")
	}
}

func TestCountersPoolAndRuntime(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	m := metrics.New(pool)
	if err := pool.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	m.CacheHit()
	m.CacheHit()
	m.CacheMiss()
	m.CacheBytes(61440)
	m.ListenerReconnect()
	m.CounterFlush(nil)
	m.CounterFlush(nil)
	m.CounterFlush(errors.New("database gone"))

	page := scrape(t, m)
	for _, want := range []string{
		"portal_page_cache_hits_total 2",
		"portal_page_cache_misses_total 1",
		"portal_page_cache_bytes 61440",
		"portal_listener_reconnects_total 1",
		`portal_visit_flushes_total{result="ok"} 2`,
		`portal_visit_flushes_total{result="error"} 1`,
		"portal_db_pool_max_conns ",
		"portal_db_pool_total_conns ",
		"portal_db_pool_idle_conns ",
		"portal_db_pool_acquired_conns ",
		"portal_db_pool_acquires_total ",
		"portal_db_pool_acquire_duration_seconds_total ",
		"portal_db_pool_empty_acquires_total ",
		"go_goroutines ",
		"process_start_time_seconds ",
	} {
		if len(lines(page, want)) != 1 {
			t.Errorf("no %q in the metrics page", want)
		}
	}
	if l := lines(page, "portal_db_pool_acquires_total "); len(l) == 1 && l[0] == "portal_db_pool_acquires_total 0" {
		t.Error("the pool collector does not read the pool: no acquire after a ping")
	}
}

// A nil *Metrics is how code runs without metrics: every method is a no-op.
func TestNilMetricsDoNothing(t *testing.T) {
	var m *metrics.Metrics
	m.CacheHit()
	m.CacheMiss()
	m.CacheBytes(1)
	m.ListenerReconnect()
	m.CounterFlush(errors.New("x"))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	rec := httptest.NewRecorder()
	m.Middleware(h).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Body.String() != "ok" {
		t.Fatalf("the nil middleware did not pass the request on: %q", rec.Body.String())
	}
	rec = httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("nil Handler: status %d, want 404", rec.Code)
	}
}
