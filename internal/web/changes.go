package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"
)

// ListenForChanges keeps this instance's frame snapshot and page cache true
// to the database: any instance's write (and staff editing by SQL) sends a
// NOTIFY naming its table, and what depends on it is dropped here. It runs
// until ctx ends, reconnecting as needed.
func (s *Server) ListenForChanges(ctx context.Context) error {
	connected, failing := false, false
	err := s.store.ListenForChanges(ctx, s.changed, func() {
		failing = false
		// Connected (again): what changed meanwhile went unheard.
		if connected {
			s.log.Info("change listener reconnected: dropping cached pages and the frame")
			s.metrics.ListenerReconnect()
		}
		connected = true
		s.dropCaches()
		s.listening.Store(true)
	}, func(err error) {
		// What is kept stays in use: while the listener is away the
		// database mostly is too, and nothing changes; once back, the
		// reconnect drops it all.
		if ctx.Err() == nil && !failing { // once per outage, not every second of it
			s.log.Warn("change listener lost the database; retrying every second", "err", err)
			failing = true
		}
	})
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// changed drops what depends on table. Every public page may show the
// frame, and most show news or exhibitors, so any change drops the cached
// pages; the frame and the directory only for their own tables.
func (s *Server) changed(table string) {
	if frameTables[table] {
		s.dropFrame()
	}
	if directoryTables[table] {
		s.directory.drop()
	}
	s.dueTimes.drop()
	s.pages.dropAll()
}

// dropCaches is what this instance does at once after its own staff saved
// something: they see it on their next page, without waiting for the
// NOTIFY's round trip (which still tells every other instance).
func (s *Server) dropCaches() {
	s.dropFrame()
	s.directory.drop()
	s.dueTimes.drop()
	s.pages.dropAll()
}

// dropCachesAfterWrites drops this instance's caches after every request
// that may have written (anything but GET and HEAD), so the writer sees
// its change at once, before the notification comes round. A post that
// was refused (4xx, 5xx) wrote nothing, and signing in or out changes no
// page: the caches stay, which keeps pages answering while the database
// is away.
func (s *Server) dropCachesAfterWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		if ww.Status() < http.StatusBadRequest && !sessionOnly[r.URL.Path] {
			s.dropCaches()
		}
	})
}

// sessionOnly are the back office's posts that write a session, nothing else.
var sessionOnly = map[string]bool{"/admin/login": true, "/admin/logout": true}
