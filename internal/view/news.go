package view

import (
	"strconv"

	"github.com/expoportal/portal/internal/search"
	"github.com/expoportal/portal/internal/store"
)

// Feed is an Atom feed a page links to.
type Feed struct {
	Title, Href string
}

// Pager is a list's page links. Base is the list's URL; page n > 1 adds ?page=n.
type Pager struct {
	Current, Pages int
	Base           string
	Extra          string // more query, e.g. "q=..." (already escaped)
}

// Href is the URL of page n.
func (g Pager) Href(n int) string {
	q := g.Extra
	if n > 1 {
		if q != "" {
			q += "&"
		}
		q += "page=" + strconv.Itoa(n)
	}
	if q == "" {
		return g.Base
	}
	return g.Base + "?" + q
}

// Window is the page numbers to show: the first, the last, and two either
// side of the current one; 0 marks a gap.
func (g Pager) Window() []int {
	var out []int
	for n := 1; n <= g.Pages; n++ {
		if n == 1 || n == g.Pages || (n >= g.Current-2 && n <= g.Current+2) {
			out = append(out, n)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// NewsList is a news list page.
type NewsList struct {
	*Page
	Items []store.ArticleSummary
	Pager Pager
}

// ArticlePage is one article.
type ArticlePage struct {
	*Page
	Article       store.Article
	Body          string // the body rendered and sanitised
	CategoryLabel string
	Prev, Next    *store.ArticleLink
}

// SnippetPart is a piece of a search snippet (search.Snippet makes them).
type SnippetPart = search.Part

// SearchHit is a search result.
type SearchHit struct {
	store.ArticleSummary
	Snippet []SnippetPart
}

// HomeNews are the latest articles of a category, for the home page.
type HomeNews struct {
	Label, Href string
	Items       []store.ArticleSummary
}
