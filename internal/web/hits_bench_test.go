package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/internal/visits"
)

// discardWriter is the least a ResponseWriter can be: what a hit costs
// the portal itself, net/http's own work aside.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }
func (w *discardWriter) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

// BenchmarkCachedHit serves a kept article page through the whole
// handler, with metrics, the visitor counter and the access log on, as a
// browser without cookies asks for it.
func BenchmarkCachedHit(b *testing.B) {
	pool := testdb.New(b)
	site := newSiteOn(b, pool, func(o *Options, _ string) {
		o.PageCacheBytes, o.PageCacheTTL = 8<<20, time.Hour
		o.Logger, o.AccessLog = slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard
		o.Metrics = metrics.New(nil)
		o.Visits = visits.New(visits.Options{Store: store.New(pool), Interval: time.Hour})
	})
	site.listen(b)
	h := site.srv.Handler()
	var path string
	if err := pool.QueryRow(b.Context(), `SELECT '/zh/news/' || min(id) FROM articles WHERE status = 'published'`).Scan(&path); err != nil {
		b.Fatal(err)
	}
	probe := &discardWriter{h: http.Header{}}
	h.ServeHTTP(probe, httptest.NewRequest(http.MethodGet, path, nil))
	if loc := probe.h.Get("Location"); loc != "" {
		path = loc // the address with its slug
	}
	for _, accept := range []string{"", "gzip, deflate, br, zstd"} {
		b.Run("accept="+accept, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.RemoteAddr = "203.0.113.7:50000"
			req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36")
			if accept != "" {
				req.Header.Set("Accept-Encoding", accept)
			}
			w := &discardWriter{h: http.Header{}}
			h.ServeHTTP(w, req) // the miss that keeps it
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				w.h, w.status, w.n = make(http.Header), 0, 0
				h.ServeHTTP(w, req)
			}
			if w.status != http.StatusOK || w.h.Get("ETag") == "" {
				b.Fatalf("status %d, ETag %q: not a hit", w.status, w.h.Get("ETag"))
			}
		})
	}
}
