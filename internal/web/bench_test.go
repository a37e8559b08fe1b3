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

var benchWords = []string{"智慧教室", "实验室", "职业教育", "体育器材", "教育装备", "创客", "机器人", "图书馆",
	"smart classroom", "laboratory", "vocational", "robotics", "equipment", "library", "STEM", "maker"}

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
			w1, w2 := benchWords[i%8], benchWords[8+i%8]
			zhBody := fmt.Sprintf("第%d篇。本文介绍%s与%s的最新进展，辽宁多所学校参与了试点。", i, w1, benchWords[(i+3)%8])
			enBody := fmt.Sprintf("Article %d on %s and %s in schools across Liaoning.", i, w2, benchWords[8+(i+3)%8])
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
		q := benchWords[i%len(benchWords)]
		i++
		req := httptest.NewRequest(http.MethodGet, "/zh/search?q="+url.QueryEscape(q), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
