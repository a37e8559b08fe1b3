package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

// errNotFound is what a handler returns for "no such page".
var errNotFound = store.ErrNotFound

// idParam reads the route's {id}; a malformed id is a missing thing (404).
func idParam(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// errBadRequest marks a request that cannot be read (a broken or oversized
// form): the visitor gets a 400 page, the log no error.
var errBadRequest = errors.New("bad request")

func clientError(err error) error { return fmt.Errorf("%w: %w", errBadRequest, err) }

// handle adapts a handler that returns an error, which fail answers; the
// error text never reaches a visitor.
func (s *Server) handle(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ww := &watchedWriter{ResponseWriter: w}
		if err := h(ww, r); err != nil && !s.showRefused(ww, r, err) {
			s.fail(ww, r, err)
		}
	}
}

// watchedWriter notes when writing the answer failed: the visitor left
// (a closed connection during a long export). Its error looks like a lost
// database connection's, so only the writer can tell them apart.
type watchedWriter struct {
	http.ResponseWriter
	broken bool
}

func (w *watchedWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	if err != nil {
		w.broken = true
	}
	return n, err
}

func (w *watchedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// fail answers a request that went wrong with the page its error calls
// for: not found the 404 page, a body past its limit 413, an unreadable
// request 400 (logged as information), the database away 503, anything
// else a logged 500.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case clientGone(w, r, err):
		// The visitor went away; nobody is left to answer.
	case errors.Is(err, store.ErrNotFound):
		s.notFoundPage(w, r)
	case errors.As(err, &tooLarge) || errors.Is(err, multipart.ErrMessageTooLarge):
		// Before errBadRequest: a form read past its limit is wrapped in one.
		s.log.Info("body too large", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", err)
		s.renderError(w, r, http.StatusRequestEntityTooLarge)
	case errors.Is(err, errBadRequest):
		s.log.Info("bad request", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", err)
		s.renderError(w, r, http.StatusBadRequest)
	case dbUnavailable(err):
		// Not a bug here: the database is away, and will be back.
		s.log.Warn("database unavailable", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", err)
		w.Header().Set("Retry-After", "5")
		if kept := keptPost(w, r); kept != nil {
			p := s.errorPage(r, http.StatusServiceUnavailable)
			w.Header().Set("Cache-Control", "no-store")
			s.render(w, r, http.StatusServiceUnavailable, pages.Unavailable(p, kept))
			return
		}
		s.renderError(w, r, http.StatusServiceUnavailable)
	default:
		s.log.Error("request failed", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", err)
		s.renderError(w, r, http.StatusInternalServerError)
	}
}

// clientGone reports whether err comes of the visitor leaving: the request
// was canceled, or writing the answer failed before the request's context
// noticed.
func clientGone(w http.ResponseWriter, r *http.Request, err error) bool {
	ww, watched := w.(*watchedWriter)
	return errors.Is(err, context.Canceled) && r.Context().Err() != nil || watched && ww.broken
}

// addSlash sends the visitor (301) to the address with a trailing slash,
// keeping the query.
func addSlash(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Path + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

// notFound redirects a missing trailing slash to the page that has one
// ("/zh/news" -> "/zh/news/") and answers anything else with the 404 page.
func (s *Server) notFound(mux *chi.Mux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasSuffix(r.URL.Path, "/") {
			if mux.Match(chi.NewRouteContext(), http.MethodGet, r.URL.Path+"/") {
				addSlash(w, r)
				return
			}
		}
		s.notFoundPage(w, r)
	}
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	if s.legacyRedirect(w, r) {
		return
	}
	s.renderError(w, r, http.StatusNotFound)
}

// renderError writes the status's error page in the request's language. When
// the database is what failed, the page is drawn without the site's settings.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int) {
	p := s.errorPage(r, status)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, pages.Error(p, p.T(errorKey(status)+".lead")))
}

// errorKey is the catalog prefix of status's page.
func errorKey(status int) string {
	key := "error.500"
	switch status {
	case http.StatusNotFound:
		key = "error.404"
	case http.StatusBadRequest:
		key = "error.400"
	case http.StatusForbidden:
		key = "error.403"
	case http.StatusServiceUnavailable:
		key = "error.503"
	case http.StatusRequestEntityTooLarge:
		key = "error.413"
	}
	return key
}

// errorPage is the frame of status's error page in the request's language.
func (s *Server) errorPage(r *http.Request, status int) *view.Page {
	lang := s.requestLang(r)
	key := errorKey(status)
	p, err := s.page(r.Context(), lang, "", "")
	if err != nil {
		p = s.barePage(lang)
	}
	p.Title = p.T(key + ".title")
	p.Path, p.Canonical, p.Section = "", "", nil
	p.Crumbs = []view.Crumb{{Label: p.Title}}
	// The switch leads to the home page in the other language: this URL has no twin.
	for i := range p.Alternates {
		p.Alternates[i].Href, p.Alternates[i].URL = "/"+p.Alternates[i].Lang.Code+"/", ""
	}
	return p
}

// dbUnavailable tells an error of reaching the database (stopped,
// restarting, out of connections, the network) from one of a query.
func dbUnavailable(err error) bool {
	var connect *pgconn.ConnectError
	var pg *pgconn.PgError
	var netErr net.Error
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr):
		return true
	case errors.As(err, &pg):
		// 08: connection exception; 57P: shut down, starting, gone; 53300: too many connections.
		return strings.HasPrefix(pg.Code, "08") || strings.HasPrefix(pg.Code, "57P") || pg.Code == "53300"
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || pgconn.SafeToRetry(err) ||
		errors.Is(err, puddle.ErrClosedPool) || strings.Contains(err.Error(), "conn closed")
}
