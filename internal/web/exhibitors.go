package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/textwidth"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

const exhibitorsPerPage = 24

// exhibitorItem is e as a page in lang shows it.
func exhibitorItem(e store.Exhibitor, lang string, langs []string, href string) view.ExhibitorItem {
	it := view.ExhibitorItem{Exhibitor: e, Href: href}
	it.Name, it.NameLang = e.Name(lang, langs)
	it.About, it.AboutLang = e.Description(lang, langs)
	return it
}

// showExhibitors answers /exhibitors/: the directory filtered by the GET
// form (unknown values are ignored, not an error), ordered by name for the
// page's language, 24 a page.
func (s *Server) showExhibitors(w http.ResponseWriter, r *http.Request) error {
	n, err := listPage(r)
	if err != nil {
		return err
	}
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, "/exhibitors/", "")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := &view.ExhibitorList{Page: p, Categories: store.ExhibitorCategories, Q: cleanQuery(q.Get("q"))}
	if c := q.Get("category"); slices.Contains(store.ExhibitorCategories, c) {
		v.Category = c
	}
	if h := q.Get("hall"); slices.Contains(p.Halls.Codes(), h) {
		v.Hall = h
	}
	list, err := s.exhibitorsInOrder(r.Context(), lang.Code, store.ExhibitorFilter{Category: v.Category, Hall: v.Hall, Q: v.Q})
	if err != nil {
		return err
	}
	langs := s.langCodes()
	v.Total = len(list)
	last := max(1, (v.Total+exhibitorsPerPage-1)/exhibitorsPerPage)
	if n > last {
		return errNotFound
	}
	for _, e := range list[(n-1)*exhibitorsPerPage : min(v.Total, n*exhibitorsPerPage)] {
		v.Items = append(v.Items, exhibitorItem(e, lang.Code, langs, p.Href(e.Path())))
	}
	filters := url.Values{}
	for k, val := range map[string]string{"category": v.Category, "hall": v.Hall, "q": v.Q} {
		if val != "" {
			filters.Set(k, val)
		}
	}
	extra := filters.Encode()
	v.Filtered = extra != ""
	v.Pager = view.Pager{Current: n, Pages: last, Base: p.Href("/exhibitors/"), Extra: extra}
	if query := v.Pager.Href(n)[len(v.Pager.Base):]; query != "" {
		s.setPageURLs(p, query) // the language switch keeps the filters
	}
	if v.Q != "" {
		w.Header().Set("X-Robots-Tag", "noindex")
	}
	if n > 1 {
		p.Title = p.Title + " · " + p.T("page.n", strconv.Itoa(n))
	}
	s.render(w, r, http.StatusOK, pages.ExhibitorList(v))
	return nil
}

// showExhibitor answers /exhibitors/{id} and /exhibitors/{id}-{slug}; any
// other slug than the exhibitor's own is redirected there.
func (s *Server) showExhibitor(w http.ResponseWriter, r *http.Request) error {
	id, err := refID(r)
	if err != nil {
		return err
	}
	lang := s.requestLang(r)
	ctx := r.Context()
	e, logo, err := s.store.ExhibitorPage(ctx, id)
	if err != nil {
		return err
	}
	canonical := e.Path()
	if toCanonical(w, r, lang.Code, "/exhibitors/", canonical) {
		return nil
	}
	item := exhibitorItem(e, lang.Code, s.langCodes(), "/"+lang.Code+canonical)
	pl := place{path: canonical, in: "/exhibitors/", title: item.Name, description: textwidth.Truncate(item.About, 160)}
	if logo != nil {
		pl.image = logo.URL
	}
	p, err := s.frameFor(ctx, lang, pl)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, pages.Exhibitor(&view.ExhibitorPage{Page: p, ExhibitorItem: item,
		ListHref: p.Href("/exhibitors/"), LogoLarge: logo}))
	return nil
}

// directoryTables are what the exhibitor directory is read from.
var directoryTables = map[string]bool{"exhibitors": true, "exhibitor_texts": true, "media": true}

// exhibitorsInOrder is the directory filtered by f, ordered by name for
// lang. The order is worked out once per change of the exhibitors (a
// collator over every name is the page's dearest part), kept while this
// instance hears changes; a search still asks the database which match.
func (s *Server) exhibitorsInOrder(ctx context.Context, lang string, f store.ExhibitorFilter) ([]store.Exhibitor, error) {
	if !s.listening.Load() {
		list, err := s.store.Exhibitors(ctx, f)
		store.SortExhibitors(list, lang, s.langCodes())
		return list, err
	}
	all, err := s.directory.get(lang, func() ([]store.Exhibitor, error) {
		list, err := s.store.Exhibitors(ctx, store.ExhibitorFilter{})
		store.SortExhibitors(list, lang, s.langCodes())
		return list, err
	})
	if err != nil {
		return nil, err
	}
	var match map[int64]bool
	if f.Q != "" {
		found, err := s.store.Exhibitors(ctx, f)
		if err != nil {
			return nil, err
		}
		match = make(map[int64]bool, len(found))
		for _, e := range found {
			match[e.ID] = true
		}
	}
	var list []store.Exhibitor
	for _, e := range all {
		if (f.Category == "" || slices.Contains(e.Categories, f.Category)) && (f.Hall == "" || e.Hall == f.Hall) &&
			(match == nil || match[e.ID]) {
			list = append(list, e)
		}
	}
	return list, nil
}
