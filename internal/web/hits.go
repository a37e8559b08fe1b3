package web

import (
	"log/slog"
	"net/http"
	"time"
)

// hits answers a request for a fresh page in the page cache before any
// other middleware runs: under a crowd nearly every request is one, and
// the chain (the router, a response wrapper per middleware, a request
// copy per context value, a label lookup for the metrics) cost more than
// sending the page. It still does, once per hit and from what the entry
// worked out when it was kept, what that chain does for such a request:
// counts the view and the article read (countVisits, serveCached), sends
// the security headers and the language cookie, counts the request under
// its route's pattern (metrics), and writes the access log line.
//
// What the chain would refuse never gets here: only a GET or HEAD without
// a body or credentials is looked up, and a page is only kept for a path
// and query that passed checkInput. Everything else, misses and stale
// pages included, goes on to next.
func (s *Server) hits(next http.Handler) http.Handler {
	if s.pages == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.serveHit(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// serveHit answers r from the page cache and says so, or, when r is not
// for a fresh kept page, writes nothing and says false.
func (s *Server) serveHit(w http.ResponseWriter, r *http.Request) bool {
	if s.pages == nil {
		return false
	}
	head := r.Method == http.MethodHead
	if !head && r.Method != http.MethodGet || r.ContentLength != 0 || len(r.TransferEncoding) > 0 ||
		len(r.Header["Authorization"]) > 0 {
		return false
	}
	start := time.Now()
	p := s.pages.fresh(r.URL.Path, r.URL.RawQuery, start)
	if p == nil {
		return false
	}
	s.metrics.CacheHit()
	status, n := s.writeHit(w, r, p, head)
	if !head {
		// A 304 is a read of the article but not a page view, as on
		// the way through the chain.
		view := ""
		if status == http.StatusOK && p.view {
			view = r.URL.Path
		}
		s.visits.View(r, view, p.article)
	}
	took := time.Since(start)
	p.seriesFor(s.metrics, head, status).Observe(took)
	if s.log.Enabled(r.Context(), slog.LevelInfo) { // else no id is made
		s.logRequest(r, requestIDOf(r), status, n, took)
	}
	return true
}
