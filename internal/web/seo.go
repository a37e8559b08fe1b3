package web

import (
	"encoding/xml"
	urlpaths "github.com/expoportal/portal/internal/paths"
	"net/http"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// robots lets search engines in everywhere but the back office.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write([]byte("User-agent: *\nDisallow: /admin/\n\nSitemap: " + s.baseURL + "/sitemap.xml\n"))
}

type sitemapURL struct {
	Loc        string          `xml:"loc"`
	LastMod    string          `xml:"lastmod,omitempty"`
	Alternates []sitemapAltern `xml:"xhtml:link"`
}

type sitemapAltern struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// alwaysListed are the menu's feature pages, which are there whatever the
// content tables hold.
var alwaysListed = map[string]bool{schedulePath: true, "/exhibitors/": true, "/exhibit/apply": true, "/register": true}

// sitemap lists every public page in every language, each with its
// alternates, so search engines pair the translations.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	_, nav, err := s.frame(r.Context(), s.cat.Default().Code)
	if err != nil {
		return err
	}
	updated, err := s.store.PublishedPagePaths(r.Context())
	if err != nil {
		return err
	}
	// The price list is a page once it has items.
	if at, ok, err := s.store.ChargesUpdatedAt(r.Context()); err != nil {
		return err
	} else if ok {
		updated["/exhibit/charges"] = at
	}
	// The hall map is a page once it has booths.
	if at, ok, err := s.store.BoothsUpdatedAt(r.Context()); err != nil {
		return err
	} else if ok {
		updated[boothsPath] = at
	}
	// The home page, the news lists, and every page with published content;
	// pages that only say "coming soon" wait until they have something.
	paths := []string{"/"}
	for _, sec := range nav {
		for _, it := range append([]store.NavItem{sec}, sec.Children...) {
			if it.Path == nil || *it.Path == "/" {
				continue
			}
			if _, content := updated[*it.Path]; content || strings.HasPrefix(*it.Path, "/news/") || alwaysListed[*it.Path] {
				paths = append(paths, *it.Path)
			}
		}
	}
	if _, ok := updated[boothsPath]; ok {
		paths = append(paths, boothsPath)
	}
	if _, ok := updated["/contact"]; ok {
		paths = append(paths, "/contact")
	}
	articles, err := s.store.PublishedArticleDates(r.Context(), s.now())
	if err != nil {
		return err
	}
	for _, a := range articles {
		path := urlpaths.Article(a.ID, a.Slug)
		paths = append(paths, path)
		updated[path] = a.ReleasedAt
	}
	exhibitors, err := s.store.AllExhibitors(r.Context())
	if err != nil {
		return err
	}
	for _, e := range exhibitors {
		paths = append(paths, e.Path())
		updated[e.Path()] = e.UpdatedAt
	}
	var urls []sitemapURL
	for _, path := range paths {
		var alts []sitemapAltern
		for _, l := range s.cat.Langs() {
			alts = append(alts, sitemapAltern{Rel: "alternate", Hreflang: l.Code, Href: s.baseURL + "/" + l.Code + path})
		}
		lastmod := ""
		if t, ok := updated[path]; ok {
			lastmod = t.UTC().Format(time.DateOnly)
		}
		for _, l := range s.cat.Langs() {
			urls = append(urls, sitemapURL{Loc: s.baseURL + "/" + l.Code + path, LastMod: lastmod, Alternates: alts})
		}
	}
	doc := struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		XHTML   string       `xml:"xmlns:xhtml,attr"`
		URLs    []sitemapURL `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml", URLs: urls}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
	return nil
}
