package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/expoportal/portal/internal/search"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/textwidth"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

// searchPreview is how many pages, exhibitors and events the first page of
// results shows of each; the kind's own results list the rest.
const searchPreview = 5

// showSearch answers /search?q=: content pages, exhibitors, the schedule
// and news, in every language, grouped by kind with their counts; ?kind=
// pages through one kind. A query that is an exhibitor's exact name or a
// booth number leads straight to it.
func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) error {
	n, err := listPage(r)
	if err != nil {
		return err
	}
	kind := r.URL.Query().Get("kind")
	if kind != "" && !slices.Contains(store.SiteKinds, kind) {
		return errNotFound
	}
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, "/search", "search.title")
	if err != nil {
		return err
	}
	v := &view.SearchPage{Page: p, Query: cleanQuery(r.URL.Query().Get("q")), Kind: kind}
	if v.Query == "" {
		s.render(w, r, http.StatusOK, pages.Search(v))
		return nil
	}
	q := "q=" + url.QueryEscape(v.Query)
	more := ""
	if kind != "" {
		more = "&kind=" + kind
	}
	if n > 1 {
		more += "&page=" + strconv.Itoa(n)
	}
	s.setPageURLs(p, "?"+q+more)
	p.Title = p.T("search.title") + ": " + textwidth.Truncate(v.Query, 40)
	w.Header().Set("X-Robots-Tag", "noindex")

	sq := store.SiteQuery{Query: v.Query, Lang: lang.Code, Now: s.now(), Kind: kind,
		Limit: perPage, Offset: (n - 1) * perPage, CategoryWords: s.categoryWords()}
	if kind == "" && n == 1 {
		sq.Preview = searchPreview
	}
	res, err := s.store.SearchSite(r.Context(), sq)
	if err != nil {
		return err
	}
	if !res.Searched {
		v.Unusable = true
		s.render(w, r, http.StatusOK, pages.Search(v))
		return nil
	}
	if st := res.Straight; st != nil && kind == "" && n == 1 {
		to := st.Path
		if st.Kind == "booth" {
			to = boothsPath + "?hall=" + url.QueryEscape(st.Hall) + "#booth-list"
		}
		http.Redirect(w, r, p.Href(to), http.StatusFound)
		return nil
	}

	paged := res.NewsTotal
	if kind != "" {
		paged = res.Counts[kind]
	}
	last := max(1, (paged+perPage-1)/perPage)
	if n > last {
		return errNotFound
	}
	v.Searched = true
	base := p.Href("/search")
	v.AllHref = base + "?" + q
	v.Pager = view.Pager{Current: n, Pages: last, Base: base, Extra: q}
	if kind != "" {
		v.Pager.Extra += "&kind=" + kind
	}
	terms := search.Terms(v.Query)
	for _, k := range store.SiteKinds {
		count := res.Counts[k]
		v.Total += count
		if count == 0 {
			continue
		}
		g := view.SearchGroup{Kind: k, Label: p.T("search.kind." + k), Count: count, Href: base + "?" + q + "&kind=" + k, Current: k == kind}
		v.Kinds = append(v.Kinds, g)
		for _, h := range res.Hits[k] {
			it := view.SearchItem{SiteHit: h, Href: p.Href(h.Path)}
			switch k {
			case store.KindExhibitors:
				it.Meta = p.T("exhibitors.booth") + " " + h.Booth
				if h.Hall != "" && h.Booth != "" {
					it.Meta = p.T("exhibitors.where", p.HallName(h.Hall), h.Booth)
				}
			case store.KindEvents:
				it.Meta = p.DateTime(p.Local(h.StartsAt))
			}
			if h.Text != "" {
				it.Snippet = search.Snippet(search.PlainText(h.Text), terms, 120)
			}
			g.Items = append(g.Items, it)
		}
		if k == store.KindNews {
			for _, h := range res.News {
				v.Hits = append(v.Hits, view.SearchHit{ArticleSummary: h.ArticleSummary, Snippet: search.Snippet(h.Summary+" "+search.PlainText(h.Body), terms, 120)})
			}
		} else {
			g.More = kind == "" && count > len(g.Items)
		}
		if len(g.Items) > 0 || (k == store.KindNews && len(v.Hits) > 0) {
			v.Groups = append(v.Groups, g)
		}
	}
	s.render(w, r, http.StatusOK, pages.Search(v))
	return nil
}

// categoryWords are each exhibitor category's names in every language, so
// that "实验室" and "laboratory" both find the laboratory suppliers.
func (s *Server) categoryWords() map[string]string {
	out := make(map[string]string, len(store.ExhibitorCategories))
	for _, l := range s.cat.Langs() {
		pr := s.cat.Printer(l)
		for _, c := range store.ExhibitorCategories {
			out[c] += pr.T("category."+c) + " "
		}
	}
	return out
}
