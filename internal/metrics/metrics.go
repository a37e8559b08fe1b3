// Package metrics collects what operators watch, for Prometheus to scrape
// from a private address: requests and latency by route, the page cache,
// the database pool, visitor counter flushes, listener reconnects, and the
// Go runtime and process. Every method of a nil *Metrics does nothing, so
// code and tests without metrics need no checks.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds one registry of its own: nothing goes to the global one,
// so two servers in one test process do not collide.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	cacheHits  prometheus.Counter
	cacheMiss  prometheus.Counter
	cacheBytes prometheus.Gauge
	reconnects prometheus.Counter
	flushOK    prometheus.Counter
	flushErr   prometheus.Counter
}

// New registers the portal's metrics, the Go and process collectors and,
// when pool is not nil, the database pool's statistics.
func New(pool *pgxpool.Pool) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "portal_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "portal_http_request_duration_seconds",
			Help: "Time to answer an HTTP request, by route pattern, method and status.",
			// A page from memory takes about a millisecond, the request
			// deadline is 30s; past 5s it is too slow whatever the cause.
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method", "status"}),
		cacheHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "portal_page_cache_hits_total", Help: "Pages served from the page cache.",
		}),
		cacheMiss: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "portal_page_cache_misses_total", Help: "Cacheable pages that had to be rendered.",
		}),
		cacheBytes: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "portal_page_cache_bytes", Help: "Bytes held by the page cache.",
		}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "portal_listener_reconnects_total", Help: "Times the LISTEN connection for cache invalidation was re-established.",
		}),
	}
	flushes := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "portal_visit_flushes_total", Help: "Visitor counter flushes to the database, by result.",
	}, []string{"result"})
	// Both series exist from the start, so an alert on errors sees a zero.
	m.flushOK, m.flushErr = flushes.WithLabelValues("ok"), flushes.WithLabelValues("error")
	m.reg.MustRegister(m.requests, m.latency, m.cacheHits, m.cacheMiss, m.cacheBytes, m.reconnects, flushes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if pool != nil {
		m.reg.MustRegister(newPoolCollector(pool))
	}
	return m
}

// Handler serves the metrics page; a nil *Metrics answers 404.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Middleware counts and times each request under its chi route pattern.
// It must run inside a chi router (r.Use), which fills in the pattern as
// it routes.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK // nothing written: net/http sends 200
		}
		labels := prometheus.Labels{"route": route(r, status), "method": method(r.Method), "status": strconv.Itoa(status)}
		m.requests.With(labels).Inc()
		m.latency.With(labels).Observe(time.Since(start).Seconds())
	})
}

// Series is one route's request count and latency for one method and
// status, resolved once: for answers that do not pass the router (a page
// from the page cache), which must not pay for a label lookup each time.
type Series struct {
	requests prometheus.Counter
	latency  prometheus.Observer
}

// Series returns the series Middleware would count a request to route
// (a chi pattern) in; a nil *Metrics gives one that counts nothing.
func (m *Metrics) Series(route, httpMethod string, status int) Series {
	if m == nil {
		return Series{}
	}
	labels := prometheus.Labels{"route": route, "method": method(httpMethod), "status": strconv.Itoa(status)}
	return Series{m.requests.With(labels), m.latency.With(labels)}
}

// Observe counts one request that took d.
func (s Series) Observe(d time.Duration) {
	if s.requests != nil {
		s.requests.Inc()
		s.latency.Observe(d.Seconds())
	}
}

// route is the pattern of the route that answered r, or "other" when none
// did. Labels are never raw paths: every scanned URL would be a series.
func route(r *http.Request, status int) string {
	rctx := chi.RouteContext(r.Context())
	pattern := rctx.RoutePattern()
	if pattern == "" {
		return "other"
	}
	// A path that fell into a mounted router and matched nothing inside
	// still carries the mount's pattern ("/{lang}/*"). Only errors pay for
	// the check.
	if (status == http.StatusNotFound || status == http.StatusMethodNotAllowed) &&
		rctx.Routes != nil && !reachedRoute(rctx.Routes, rctx.RoutePatterns) {
		return "other"
	}
	return pattern
}

// reachedRoute reports whether patterns, one per router level as chi
// recorded them, end in a route rather than in a mount. chi's own Find
// cannot tell: it takes a mount's stub ("/{lang}" for "/.env") for a route.
func reachedRoute(routes chi.Routes, patterns []string) bool {
	for i, p := range patterns {
		var sub chi.Routes
		for _, rt := range routes.Routes() {
			if rt.Pattern == p && rt.SubRoutes == nil {
				return i == len(patterns)-1
			}
			// A mount at P is recorded as P, P/ or P/*; Routes lists it as P/*.
			if rt.SubRoutes != nil && (rt.Pattern == p || rt.Pattern == p+"*" || rt.Pattern == p+"/*") {
				sub = rt.SubRoutes
			}
		}
		if sub == nil {
			return false
		}
		routes = sub
	}
	return false
}

// method keeps the label to the methods HTTP defines.
func method(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}

// CacheHit counts a page served from the page cache.
func (m *Metrics) CacheHit() {
	if m != nil {
		m.cacheHits.Inc()
	}
}

// CacheMiss counts a cacheable page that had to be rendered.
func (m *Metrics) CacheMiss() {
	if m != nil {
		m.cacheMiss.Inc()
	}
}

// CacheBytes sets the bytes the page cache holds now.
func (m *Metrics) CacheBytes(n int64) {
	if m != nil {
		m.cacheBytes.Set(float64(n))
	}
}

// ListenerReconnect counts a re-established LISTEN connection.
func (m *Metrics) ListenerReconnect() {
	if m != nil {
		m.reconnects.Inc()
	}
}

// CounterFlush counts one visitor counter flush, failed when err is not
// nil; it fits visits.Options.OnFlush.
func (m *Metrics) CounterFlush(err error) {
	if m == nil {
		return
	}
	if err != nil {
		m.flushErr.Inc()
	} else {
		m.flushOK.Inc()
	}
}
