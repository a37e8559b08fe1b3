package web

import (
	"context"
	"github.com/expoportal/portal/internal/paths"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

const perPage = 20

// listPage reads ?page=: absent is 1; anything but a positive number is
// not a page of this list.
func listPage(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" && !r.URL.Query().Has("page") {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, errNotFound
	}
	return n, nil
}

// newsFeeds are the feeds a news page links to: all news, and its category's.
func (s *Server) newsFeeds(p *view.Page, category, label string) []view.Feed {
	all := p.NavLabel("news", "News")
	feeds := []view.Feed{{Title: p.T("news.feed", all), Href: "/feeds/" + p.Lang.Code + "/news.atom"}}
	if category != "" {
		feeds = append(feeds, view.Feed{Title: p.T("news.feed", label), Href: "/feeds/" + p.Lang.Code + "/" + category + ".atom"})
	}
	return feeds
}

// categoryLabel is the menu's name of a news category.
func categoryLabel(p *view.Page, category string) string {
	for _, sec := range p.Nav {
		for _, c := range sec.Children {
			if c.Key == "news."+category {
				return c.Label
			}
		}
	}
	return category
}

// showNewsList answers /news/ (category "") and /news/{category}/.
func (s *Server) showNewsList(category string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		n, err := listPage(r)
		if err != nil {
			return err
		}
		lang := s.requestLang(r)
		p, err := s.page(r.Context(), lang, pagePath(r), "")
		if err != nil {
			return err
		}
		items, total, err := s.store.PublishedArticles(r.Context(), lang.Code, category, s.now(), perPage, (n-1)*perPage)
		if err != nil {
			return err
		}
		last := max(1, (total+perPage-1)/perPage)
		if n > last {
			return errNotFound // past the last page: not an empty 200
		}
		pager := view.Pager{Current: n, Pages: last, Base: p.Href(p.Path)}
		if n > 1 {
			s.setPageURLs(p, "?page="+strconv.Itoa(n))
			p.Title = p.Title + " · " + p.T("page.n", strconv.Itoa(n))
		}
		p.Feeds = s.newsFeeds(p, category, p.Title)
		s.render(w, r, http.StatusOK, pages.NewsList(&view.NewsList{Page: p, Items: items, Pager: pager}))
		return nil
	}
}

// setPageURLs adds a query to the page's canonical and alternate URLs.
func (s *Server) setPageURLs(p *view.Page, query string) {
	p.Canonical += query
	for i := range p.Alternates {
		p.Alternates[i].Href += query
		p.Alternates[i].URL += query
	}
}

var refPattern = regexp.MustCompile(`^([0-9]{1,18})(?:-(.*))?$`)

// refID reads the id from a {ref} of the form {id} or {id}-{slug}.
func refID(r *http.Request) (int64, error) {
	m := refPattern.FindStringSubmatch(chi.URLParam(r, "ref"))
	if m == nil {
		return 0, errNotFound
	}
	id, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return 0, errNotFound
	}
	return id, nil
}

// toCanonical redirects (301) a {ref} that is not the thing's canonical
// path (a bare id, an old slug) there, keeping the query; it reports
// whether it did.
func toCanonical(w http.ResponseWriter, r *http.Request, lang, section, canonical string) bool {
	if section+chi.URLParam(r, "ref") == canonical {
		return false
	}
	target := "/" + lang + canonical
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}

// showArticle answers /news/{id} and /news/{id}-{slug}; any other slug
// than the article's own is redirected there.
func (s *Server) showArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := refID(r)
	if err != nil {
		return err
	}
	lang := s.requestLang(r)
	ctx := r.Context()
	a, err := s.store.PublishedArticle(ctx, id, lang.Code, s.now())
	if err != nil {
		return err
	}
	canonical := paths.Article(a.ID, a.Slug)
	if toCanonical(w, r, lang.Code, "/news/", canonical) {
		return nil
	}
	if !isHead(r) {
		s.visits.HitArticle(r, a.ID)
	}
	noteArticle(r, a.ID)
	pl := place{path: canonical, in: "/news/" + a.Category + "/", title: a.Title, description: a.Summary, ogType: "article"}
	if a.Cover != nil {
		pl.image = a.Cover.URL
	}
	p, err := s.frameFor(ctx, lang, pl)
	if err != nil {
		return err
	}
	body, err := s.md.HTML(a.Body)
	if err != nil {
		return err
	}
	label := categoryLabel(p, a.Category)
	p.Feeds = s.newsFeeds(p, a.Category, label)
	s.render(w, r, http.StatusOK, pages.Article(&view.ArticlePage{
		Page: p, Article: a, Body: string(body), CategoryLabel: label, Prev: a.Prev, Next: a.Next,
	}))
	return nil
}

// maxQueryBytes bounds the query read from the URL; the rest is ignored.
const maxQueryBytes = 400

// cleanQuery makes a visitor's query safe to search and to show: no
// control characters, no runs of spaces, bounded length.
func cleanQuery(q string) string {
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes]
		for !utf8.ValidString(q) {
			q = q[:len(q)-1]
		}
	}
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFFFD' {
			return ' '
		}
		return r
	}, q)
	return strings.Join(strings.Fields(q), " ")
}

// homeNews are the latest expo and industry news for the home page.
func (s *Server) homeNews(ctx context.Context, p *view.Page, lang i18n.Lang) ([]view.HomeNews, error) {
	cats := []string{"expo", "industry"}
	latest, err := s.store.LatestArticles(ctx, lang.Code, cats, s.now(), 5)
	if err != nil {
		return nil, err
	}
	var out []view.HomeNews
	for _, cat := range cats {
		out = append(out, view.HomeNews{Label: categoryLabel(p, cat), Href: p.Href("/news/" + cat + "/"), Items: latest[cat]})
	}
	return out, nil
}
