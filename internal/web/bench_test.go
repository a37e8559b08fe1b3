package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/search"
)

// The news grows by about a thousand articles a year; a hundred thousand is
// a site that has imported decades of an old one. The benchmarks run at both
// sizes so a page whose cost grows with the archive shows it. Seeding only
// happens under -bench: go test ./... runs no benchmark.
var benchSizes = []int{1000, 100000}

// benchTopic is the vocabulary of the seeded articles, 8×8 Chinese
// compounds and 8×8 English pairs: each article mentions two, so a query
// for one matches a few percent of the articles.
func benchTopic(i int) (zh, en string) {
	zhA := []string{"智慧", "数字", "绿色", "安全", "创新", "实践", "综合", "特色"}
	zhB := []string{"教室", "校园", "实验室", "图书馆", "体育馆", "食堂", "宿舍", "操场"}
	enA := []string{"smart", "digital", "green", "safe", "creative", "practical", "open", "modern"}
	enB := []string{"classroom", "campus", "laboratory", "library", "gym", "canteen", "dormitory", "playground"}
	return zhA[i%8] + zhB[(i/8)%8], enA[i%8] + " " + enB[(i/8)%8]
}

// benchTexts are article i's words, zh and en: a title, a summary and a
// body of a few paragraphs, about the size of a real news item.
func benchTexts(i int) [2][3]string {
	w1, e1 := benchTopic(i % 64)
	w2, e2 := benchTopic((i * 7) % 61)
	var zh, en strings.Builder
	for p := range 4 {
		fmt.Fprintf(&zh, "第%d段。本文介绍%s与%s的最新进展，辽宁省多所中小学参与了试点，"+
			"教师和学生对新设备的反馈总体积极，展会期间将举办专题论坛和现场演示。\n\n", p+1, w1, w2)
		fmt.Fprintf(&en, "Paragraph %d. Schools across Liaoning report on %s and %s projects; "+
			"teachers and pupils tried the new equipment, and the expo holds a forum and live demonstrations.\n\n", p+1, e1, e2)
	}
	return [2][3]string{
		{fmt.Sprintf("%s建设新进展（%d）", w1, i), fmt.Sprintf("%s与%s的试点情况。", w1, w2), zh.String()},
		{fmt.Sprintf("Progress in %s, part %d", e1, i), fmt.Sprintf("Pilots in %s and %s.", e1, e2), en.String()},
	}
}

// seedArticles removes the demo news and bulk-loads n public articles in
// both languages with COPY, released every 30 minutes up to just before the
// server's clock. It returns their ids, oldest first.
func seedArticles(b *testing.B, site *testSite, n int) []int64 {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	clearNews(b, site)
	var ids []int64
	err := pgx.BeginFunc(ctx, site.pool, func(tx pgx.Tx) error {
		// The search index (on news_search, which triggers fill from the
		// words) is built once after the load, as a restore does: kept up
		// row by row (fastupdate off) it takes most of the time.
		rows, err := tx.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename IN ('article_translations', 'news_search')
			  AND indexname NOT IN ('article_translations_pkey', 'news_search_pkey')`)
		if err != nil {
			return err
		}
		indexes, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Name, Def string }])
		if err != nil {
			return err
		}
		for _, ix := range indexes {
			if _, err := tx.Exec(ctx, "DROP INDEX "+pgx.Identifier{ix.Name}.Sanitize()); err != nil {
				return err
			}
		}
		// The ids come from the table's own sequence, so articles written
		// later (none here) would not collide; COPY writes an identity
		// column as given.
		rows, err = tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1)`, n)
		if err != nil {
			return err
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			return err
		}
		categories := []string{"expo", "industry", "media", "video", "photo"}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"articles"}, []string{"id", "category", "status", "released_at"},
			pgx.CopyFromSlice(n, func(i int) ([]any, error) {
				return []any{ids[i], categories[i%5], "published", testNow.Add(-time.Duration(n-i) * 30 * time.Minute)}, nil
			})); err != nil {
			return err
		}
		// The tokens Store.CreateArticle stores, Tokens(title+"\n"+summary+"\n"+body):
		// the union of each part's, as words never span a line break. Only
		// a few thousand summaries and bodies differ, so theirs are worked
		// out once each, which saves most of a minute.
		done := map[string][]string{}
		tokens := func(title, summary, body string) []string {
			text := summary + "\n" + body
			if done[text] == nil {
				done[text] = search.Tokens(text)
			}
			return slices.Compact(slices.Sorted(slices.Values(append(search.Tokens(title), done[text]...))))
		}
		_, err = tx.CopyFrom(ctx, pgx.Identifier{"article_translations"}, []string{"article_id", "lang", "title", "summary", "body", "tokens"},
			pgx.CopyFromSlice(2*n, func(k int) ([]any, error) {
				i, l := k/2, k%2
				t := benchTexts(i)[l]
				tok := tokens(t[0], t[1], t[2])
				if i < 10 && !slices.Equal(tok, slices.Sorted(slices.Values(search.Tokens(t[0]+"\n"+t[1]+"\n"+t[2])))) {
					return nil, fmt.Errorf("article %d: the tokens differ from Store.CreateArticle's", i)
				}
				return []any{ids[i], []string{"zh", "en"}[l], t[0], t[1], t[2], tok}, nil
			}))
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '256MB'"); err != nil {
			return err
		}
		for _, ix := range indexes {
			if _, err := tx.Exec(ctx, ix.Def); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "VACUUM ANALYZE articles, article_translations, news_listing, news_months, news_search"); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d articles in %v", n, time.Since(start).Round(time.Millisecond))
	return ids
}

// BenchmarkNews serves the news pages through the whole handler stack, as a
// visitor's request meets it, with 1,000 and with 100,000 articles:
//
//	article    article pages spread over the whole archive
//	list       the first page of the news centre and of each category
//	list-deep  list pages spread over the whole archive (OFFSET paging)
//	search     searches for one topic (a few percent of the articles
//	           match), reporting the 95th percentile as p95-ms
func BenchmarkNews(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			site := newSite(b)
			ids := seedArticles(b, site, n)
			h := site.srv.Handler()

			// The canonical URLs of 1,000 articles spread over the archive.
			var articles []string
			for i := range 1000 {
				path := fmt.Sprintf("/zh/news/%d", ids[i*n/1000])
				rec := serve(h, path)
				if rec.Code != http.StatusMovedPermanently {
					b.Fatalf("GET %s: status %d", path, rec.Code)
				}
				articles = append(articles, rec.Header().Get("Location"))
			}
			b.Run("article", func(b *testing.B) { benchGet(b, h, articles) })

			lists := []string{"/zh/news/"}
			for _, c := range []string{"expo", "industry", "media", "video", "photo"} {
				lists = append(lists, "/zh/news/"+c+"/")
			}
			b.Run("list", func(b *testing.B) { benchGet(b, h, lists) })

			var deep []string
			last := (n + perPage - 1) / perPage
			for i := range 50 {
				deep = append(deep, fmt.Sprintf("/zh/news/?page=%d", 1+i*(last-1)/49))
			}
			b.Run("list-deep", func(b *testing.B) { benchGet(b, h, deep) })

			var searches []string
			for i := range 64 {
				zh, en := benchTopic(i)
				searches = append(searches, "/zh/search?q="+url.QueryEscape(zh), "/zh/search?q="+url.QueryEscape(en))
			}
			b.Run("search", func(b *testing.B) { benchGet(b, h, searches) })
		})
	}
}

func serve(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// benchGet requests the paths in turn, each answer a 200, and reports the
// 95th percentile of the time a request took (p95-ms) beside the mean.
func benchGet(b *testing.B, h http.Handler, paths []string) {
	b.ReportAllocs()
	var took []time.Duration
	i := 0
	get := func() {
		path := paths[i%len(paths)]
		i++
		t0 := time.Now()
		rec := serve(h, path)
		took = append(took, time.Since(t0))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", path, rec.Code)
		}
	}
	for b.Loop() {
		get()
	}
	// A page slower than -benchtime/100 leaves too few for a percentile:
	// more, outside the timed loop, so ns/op stays b.Loop's own.
	for len(took) < minSamples {
		get()
	}
	slices.Sort(took)
	p95 := took[int(math.Ceil(0.95*float64(len(took))))-1] // nearest rank
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
}

// minSamples is how many requests a p95 is taken over at the least.
const minSamples = 100
