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
	p.LD = append(p.LD, s.exhibitionEvent(p))
	p.Feeds = s.newsFeeds(p, "", "")
	h := view.NewHome(p)
	if h.News, err = s.homeNews(r.Context(), p, p.Lang); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, pages.Home(h))
	return nil
}

// exhibitionEvent describes the expo for search engines (schema.org).
func (s *Server) exhibitionEvent(p *view.Page) map[string]any {
	ev := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "ExhibitionEvent",
		"name":                p.Site.ExpoName,
		"startDate":           p.Local(p.Site.OpensAt).Format(time.RFC3339),
		"endDate":             p.Local(p.Site.ClosesAt).Format(time.RFC3339),
		"eventStatus":         "https://schema.org/EventScheduled",
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"url":                 p.Canonical,
		"inLanguage":          p.Lang.Code,
		"location": map[string]any{
			"@type": "Place", "name": p.Site.Venue,
			"address": map[string]any{"@type": "PostalAddress", "streetAddress": p.Site.Address, "addressLocality": "Shenyang", "addressCountry": "CN"},
		},
	}
	if p.Site.Organisers != "" {
		ev["organizer"] = map[string]any{"@type": "Organization", "name": p.Site.Organisers}
	}
	if p.Description != "" {
		ev["description"] = p.Description
	}
	return ev
}

// showPage answers a page of the URL contract from its content page, or,
// until staff have written one (or its feature is built), with a translated
// "coming soon". titleKey names the title of pages outside the menu.
func (s *Server) showPage(titleKey string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		lang := s.requestLang(r)
		path := pagePath(r)
		p, err := s.page(r.Context(), lang, path, titleKey)
		if err != nil {
			return err
		}
		content, err := s.store.PublishedPage(r.Context(), path, lang.Code)
		if errors.Is(err, store.ErrNotFound) {
			if p.Title == "" {
				return errNotFound // a route without a menu entry: a routes.go slip
			}
			s.withStructuredData(p)
			s.render(w, r, http.StatusOK, pages.ComingSoon(p))
			return nil
		} else if err != nil {
			return err
		}
		body, err := s.md.HTML(content.Body)
		if err != nil {
			return err
		}
		p.Title = content.Title
		if len(p.Crumbs) > 0 {
			p.Crumbs[len(p.Crumbs)-1].Label = content.Title
		}
		if content.Summary != "" {
			p.Description = content.Summary
		}
		s.withStructuredData(p)
		s.render(w, r, http.StatusOK, pages.Content(p, content, string(body)))
		return nil
	}
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
