package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/search"
)

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

// seedArticles bulk-loads n public articles in both languages.
func seedArticles(b *testing.B, site *testSite, n int) int64 {
	b.Helper()
	ctx := context.Background()
	var first int64
	err := pgx.BeginFunc(ctx, site.pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO articles (category, status, released_at)
			SELECT (ARRAY['expo','industry','media','video','photo'])[1 + i % 5], 'published',
			       timestamptz '2020-01-01 09:00+08' + i * interval '3 hours'
			FROM generate_series(1, $1) i RETURNING id`, n).Scan(&first); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT id FROM articles ORDER BY id")
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		var data [][]any
		for i, id := range ids {
			w1, w2 := benchTopic(i % 64)
			v1, v2 := benchTopic((i * 7) % 61)
			zhBody := fmt.Sprintf("第%d篇。本文介绍%s与%s的最新进展，辽宁多所学校参与了试点。", i, w1, v1)
			enBody := fmt.Sprintf("Article %d on %s and %s in schools across Liaoning.", i, w2, v2)
			zhTitle := fmt.Sprintf("%s建设新进展（%d）", w1, i)
			enTitle := fmt.Sprintf("Progress in %s, part %d", w2, i)
			data = append(data,
				[]any{id, "zh", zhTitle, zhBody, search.Tokens(zhTitle + "\n" + zhBody)},
				[]any{id, "en", enTitle, enBody, search.Tokens(enTitle + "\n" + enBody)})
		}
		_, err = tx.CopyFrom(ctx, pgx.Identifier{"article_translations"}, []string{"article_id", "lang", "title", "body", "tokens"}, pgx.CopyFromRows(data))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return first
}

// benchSetup is a site with 10,000 articles and nothing else in the news.
func benchSetup(b *testing.B) (*testSite, int64) {
	site := newSite(b)
	clearNews(b, site)
	return site, seedArticles(b, site, 10000)
}

// BenchmarkArticlePage renders article pages (of 10,000) through the whole
// handler stack, as a visitor's request meets it.
func BenchmarkArticlePage(b *testing.B) {
	site, first := benchSetup(b)
	h := site.srv.Handler()
	// The canonical URLs of 1,000 articles spread over the 10,000.
	var urls []string
	for i := range 1000 {
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/zh/news/%d", first+int64(i*10)), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMovedPermanently {
			b.Fatalf("status %d", rec.Code)
		}
		urls = append(urls, rec.Header().Get("Location"))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, urls[i%len(urls)], nil)
		i++
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkSearch runs search queries over 10,000 articles in two languages.
func BenchmarkSearch(b *testing.B) {
	site, _ := benchSetup(b)
	h := site.srv.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		zh, en := benchTopic(i % 64)
		q := []string{zh, en}[i%2]
		i++
		req := httptest.NewRequest(http.MethodGet, "/zh/search?q="+url.QueryEscape(q), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
