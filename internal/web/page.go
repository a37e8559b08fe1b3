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

// page builds the frame of the page at path (after /{lang}) in lang, as
// declared in places or found in the menu; titleKey names the title in
// the catalog for a page that is neither.
func (s *Server) page(ctx context.Context, lang i18n.Lang, path, titleKey string) (*view.Page, error) {
	pl, ok := places[path]
	if !ok {
		pl.titleKey = titleKey
	}
	pl.path = path
	return s.frameFor(ctx, lang, pl)
}

// frameFor builds the frame of the page pl describes, in lang: site facts,
// menu, language alternates, and from pl and the menu its title, section,
// breadcrumb trail and description. The one place a public page's frame
// is made; structured data is derived from it while rendering
// (view.Page.StructuredData).
func (s *Server) frameFor(ctx context.Context, lang i18n.Lang, pl place) (*view.Page, error) {
	f, err := s.frameOf(ctx, lang.Code)
	if err != nil {
		return nil, err
	}
	site, nav := f.site, f.nav
	p := &view.Page{
		Look:     f.look,
		Printer:  s.cat.Printer(lang),
		Path:     pl.path,
		Site:     site,
		Nav:      nav,
		Assets:   s.assets,
		Origin:   s.baseURL,
		Now:      s.now().In(s.location(site.TimeZone)),
		Visitors: site.VisitorCountStart + s.visits.Total(),
		OGType:   pl.ogType,
		Halls:    f.halls,
	}
	for _, l := range s.cat.Langs() {
		p.Alternates = append(p.Alternates, view.Alternate{
			Lang: l, Href: "/" + l.Code + pl.path, URL: s.baseURL + "/" + l.Code + pl.path, Current: l.Code == lang.Code,
		})
	}
	if pl.path != "" {
		p.Canonical = s.baseURL + "/" + lang.Code + pl.path
	}
	switch {
	case pl.description != "":
		p.Description = pl.description
	case pl.descriptionKey != "":
		p.Description = p.T(pl.descriptionKey)
	default:
		p.Description = p.T("site.description", site.ExpoName)
	}
	if pl.image != "" {
		p.OGImage = s.baseURL + pl.image
	}
	switch {
	case pl.in != "":
		// Under a menu item it is not itself: the side menu marks the
		// item and the trail leads through it.
		p.Path = pl.in
		s.placeInMenu(p)
		if n := len(p.Crumbs); n > 0 {
			p.Crumbs[n-1].Href = p.Href(pl.in)
		}
		p.Title = pl.title
		p.Crumbs = append(p.Crumbs, view.Crumb{Label: pl.title})
		return p, nil
	case pl.titleKey != "":
		p.Title = p.T(pl.titleKey)
		p.Crumbs = []view.Crumb{{Label: p.Title}}
		for i := range p.Nav {
			if sec := &p.Nav[i]; sec.Key == pl.section {
				p.Section = sec
				p.Crumbs = []view.Crumb{{Label: sec.Label, Href: p.Href(sec.Href())}, {Label: p.Title}}
			}
		}
	default:
		s.placeInMenu(p)
	}
	if pl.title != "" {
		p.Title = pl.title
		if n := len(p.Crumbs); n > 0 {
			p.Crumbs[n-1].Label = pl.title
		}
	}
	return p, nil
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
	p := &view.Page{Printer: s.cat.Printer(lang), Assets: s.assets, Origin: s.baseURL, Now: s.now()}
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
