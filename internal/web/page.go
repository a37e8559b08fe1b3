package web

import (
	"bytes"
	"context"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
)

// page builds the frame of the page at path (after /{lang}) in lang: site
// facts, menu, breadcrumbs, language alternates. titleKey names the title in
// the catalog for pages that are not in the menu.
func (s *Server) page(ctx context.Context, lang i18n.Lang, path, titleKey string) (*view.Page, error) {
	site, nav, err := s.frame(ctx, lang.Code)
	if err != nil {
		return nil, err
	}
	p := &view.Page{
		Printer:  s.cat.Printer(lang),
		Path:     path,
		Site:     site,
		Nav:      nav,
		Assets:   s.assets,
		Now:      s.now().In(s.location(site.TimeZone)),
		Visitors: site.VisitorCountStart + s.visits.Total(),
	}
	for _, l := range s.cat.Langs() {
		p.Alternates = append(p.Alternates, view.Alternate{
			Lang: l, Href: "/" + l.Code + path, URL: s.baseURL + "/" + l.Code + path, Current: l.Code == lang.Code,
		})
	}
	if path != "" {
		p.Canonical = s.baseURL + "/" + lang.Code + path
	}
	p.Description = p.T("site.description", site.ExpoName)
	if titleKey != "" {
		p.Title = p.T(titleKey)
		p.Crumbs = []view.Crumb{{Label: p.Title}}
	} else {
		s.placeInMenu(p)
	}
	return p, nil
}

// withStructuredData adds the BreadcrumbList search engines read; call it
// once the page's crumbs are final.
func (s *Server) withStructuredData(p *view.Page) {
	if len(p.Crumbs) == 0 || p.Canonical == "" {
		return
	}
	items := []map[string]any{{"@type": "ListItem", "position": 1, "name": p.NavLabel("home", p.Site.ExpoName), "item": s.baseURL + p.Href("/")}}
	for i, c := range p.Crumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 2, "name": c.Label}
		if c.Href != "" {
			item["item"] = s.baseURL + c.Href
		} else {
			item["item"] = p.Canonical
		}
		items = append(items, item)
	}
	p.LD = append(p.LD, map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
}

// placeInMenu finds the page in the menu: its title, its section and the
// breadcrumb trail from the section to the page.
func (s *Server) placeInMenu(p *view.Page) {
	for i := range p.Nav {
		sec := &p.Nav[i]
		if sec.Key == "home" {
			continue
		}
		if sec.Href() == p.Path && sec.Path != nil {
			p.Title, p.Section = sec.Label, sec
			p.Crumbs = []view.Crumb{{Label: sec.Label}}
			return
		}
		for _, c := range sec.Children {
			if c.Href() == p.Path {
				p.Title, p.Section = c.Label, sec
				p.Crumbs = []view.Crumb{{Label: sec.Label, Href: p.Href(sec.Href())}, {Label: c.Label}}
				return
			}
		}
	}
}

// barePage is the frame for an error page when the database cannot be read.
func (s *Server) barePage(lang i18n.Lang) *view.Page {
	p := &view.Page{Printer: s.cat.Printer(lang), Assets: s.assets, Now: s.now()}
	p.Site = store.Site{ExpoName: p.T("site.name"), CopyrightSince: p.Now.Year()}
	for _, l := range s.cat.Langs() {
		p.Alternates = append(p.Alternates, view.Alternate{Lang: l, Href: "/" + l.Code + "/", Current: l.Code == lang.Code})
	}
	return p
}

// render writes a component with status. It renders into memory first, so a
// template error becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.log.Error("render failed", "id", middleware.GetReqID(r.Context()), "path", r.URL.Path, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
