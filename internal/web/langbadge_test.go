package web

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/store"
)

// An article written only in Chinese shows on the English home page and
// news list marked as Chinese (a badge, and lang on its title); an article
// in both languages carries no badge.
func TestOtherLanguageItemsAreMarked(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	_, err := store.New(site.pool).CreateArticle(context.Background(), store.NewArticle{Category: "expo", Status: "published",
		ReleasedAt: site.srv.now().Add(-time.Minute), Texts: []store.ArticleText{{Lang: "zh", Title: "只有中文的最新消息", Summary: "摘要", Body: "正文"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/en/", "/en/news/expo/"} {
		d := site.doc(t, path, http.StatusOK)
		var marked, plain int
		d.Find(`a[href^="/en/news/"]`).Each(func(_ int, a *goquery.Selection) {
			badge := a.Parent().Find(`[data-testid=lang-badge]`)
			switch {
			case a.Text() == "只有中文的最新消息":
				if a.AttrOr("lang", "") != "zh" || badge.Text() != "(in 中文)" {
					t.Errorf("%s: the Chinese-only headline has lang %q and badge %q", path, a.AttrOr("lang", ""), badge.Text())
				}
				marked++
			case a.AttrOr("lang", "") == "en" && badge.Length() == 0:
				plain++
			}
		})
		if marked != 1 || plain == 0 {
			t.Errorf("%s: %d marked Chinese-only items, %d unmarked English ones", path, marked, plain)
		}
	}
}
