package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

// redirectToLanguage sends "/" to the visitor's language: the cookie set on an
// earlier visit, then Accept-Language, then the default.
func (s *Server) redirectToLanguage(w http.ResponseWriter, r *http.Request) {
	lang := s.requestLang(r)
	w.Header().Add("Vary", "Cookie, Accept-Language")
	w.Header().Set("Cache-Control", "private, no-cache")
	http.Redirect(w, r, "/"+lang.Code+"/", http.StatusFound)
}

// pagePath is the request's path after the language prefix.
func pagePath(r *http.Request) string {
	p := r.URL.Path
	if i := strings.IndexByte(p[1:], '/'); i >= 0 {
		return p[i+1:]
	}
	return "/"
}

func (s *Server) showHome(w http.ResponseWriter, r *http.Request) error {
	p, err := s.page(r.Context(), s.requestLang(r), "/", "")
	if err != nil {
		return err
	}
	p.Title = p.Site.ExpoName
	p.Feeds = s.newsFeeds(p, "", "")
	h := view.NewHome(p)
	if h.News, err = s.homeNews(r.Context(), p, p.Lang); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, pages.Home(h))
	return nil
}

// showPage answers a page of the URL contract from its content page, or,
// until staff have written one (or its feature is built), with a translated
// "coming soon". The menu or places name it until its content does.
func (s *Server) showPage(w http.ResponseWriter, r *http.Request) error {
	lang := s.requestLang(r)
	pl := places[pagePath(r)]
	pl.path = pagePath(r)
	content, err := s.store.PublishedPage(r.Context(), pl.path, lang.Code)
	if errors.Is(err, store.ErrNotFound) {
		p, err := s.frameFor(r.Context(), lang, pl)
		if err != nil {
			return err
		}
		if p.Title == "" {
			return errNotFound // a route without a menu entry: a routes.go slip
		}
		s.render(w, r, http.StatusOK, pages.ComingSoon(p))
		return nil
	} else if err != nil {
		return err
	}
	body, err := s.md.HTML(content.Body)
	if err != nil {
		return err
	}
	pl.title, pl.description = content.Title, content.Summary
	p, err := s.frameFor(r.Context(), lang, pl)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, pages.Content(p, content, string(body)))
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz says whether this instance can serve pages: the database answers.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("readyz: database unreachable", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("database unreachable\n"))
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}
