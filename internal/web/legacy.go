package web

import (
	"errors"
	"net/http"

	"github.com/expoportal/portal/internal/store"
)

// legacyRedirect answers an address of the organiser's old site, brought
// over by portal import legacy, with a 301 to where its page lives now
// (/news/news_show.asp?id=1187 -> /zh/news/5-...). It runs only where the
// answer would otherwise be 404, so the portal's own pages never pay for
// the lookup; an address never imported stays a 404.
func (s *Server) legacyRedirect(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	target, err := s.store.LegacyTarget(r.Context(), store.LegacyKey(r.URL.EscapedPath(), r.URL.RawQuery))
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Warn("legacy address lookup", "path", loggedPath(r.URL.Path), "err", err)
		}
		return false
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}
