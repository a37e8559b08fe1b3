package web

import (
	"encoding/xml"
	"github.com/expoportal/portal/internal/paths"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/store"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary,omitempty"`
	Lang      string   `xml:"xml:lang,attr,omitempty"`
}

// showFeed answers /feeds/{lang}/news.atom and /feeds/{lang}/{category}.atom:
// the latest 30 public articles.
func (s *Server) showFeed(w http.ResponseWriter, r *http.Request) error {
	lang, ok := s.cat.Lookup(chi.URLParam(r, "lang"))
	if !ok {
		return errNotFound
	}
	name, found := strings.CutSuffix(chi.URLParam(r, "feed"), ".atom")
	if !found {
		return errNotFound
	}
	category, listPath := "", "/news/"
	if name != "news" {
		known := false
		for _, c := range store.Categories {
			known = known || c == name
		}
		if !known {
			return errNotFound
		}
		category, listPath = name, "/news/"+name+"/"
	}
	p, err := s.page(r.Context(), lang, listPath, "")
	if err != nil {
		return err
	}
	items, _, err := s.store.PublishedArticles(r.Context(), lang.Code, category, s.now(), 30, 0)
	if err != nil {
		return err
	}
	self := s.baseURL + r.URL.Path
	feed := atomFeed{
		Lang: lang.Code, ID: self, Title: p.Title + " · " + p.Site.ExpoName,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + "/" + lang.Code + listPath},
		},
		Author:  atomPerson{Name: p.Site.ExpoName},
		Updated: p.Site.OpensAt.UTC().Format(time.RFC3339),
	}
	if len(items) > 0 {
		feed.Updated = items[0].ReleasedAt.UTC().Format(time.RFC3339)
	}
	for _, a := range items {
		url := s.baseURL + "/" + lang.Code + paths.Article(a.ID, a.Slug)
		at := a.ReleasedAt.UTC().Format(time.RFC3339)
		e := atomEntry{
			ID: url, Title: a.Title, Updated: at, Published: at,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: url}, Summary: a.Summary,
		}
		if a.Lang != lang.Code {
			e.Lang = a.Lang
		}
		feed.Entries = append(feed.Entries, e)
	}
	return writeAtom(w, feed, "public, max-age=300")
}

// writeAtom sends feed as an Atom document with the given caching.
func writeAtom(w http.ResponseWriter, feed atomFeed, cacheControl string) error {
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", cacheControl)
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
	return nil
}
