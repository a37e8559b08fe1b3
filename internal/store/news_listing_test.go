package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// The news lists and search read tables that triggers keep (migration
// 0024). Whatever is written to the articles, by any statement, every page
// of every list, its total and the search must stay what a plain query of
// the articles says, now and later (a scheduled article becomes public by
// itself).
func TestNewsListingFollowsEveryChange(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(15, 24))
	statuses := []store.ArticleStatus{"published", "published", "published", "scheduled", "draft"}

	create := func(i int) int64 {
		// Spread over eight months around now, a few at the same minute.
		at := now.Add(time.Duration(rng.IntN(240*24)-200*24) * time.Hour).Truncate(time.Hour)
		if i%9 == 0 {
			at = now.Add(-30 * 24 * time.Hour)
		}
		texts := []store.ArticleText{{Lang: "zh", Title: fmt.Sprintf("新闻%d", i), Body: "展会新闻"}}
		if i%3 != 0 {
			texts = append(texts, store.ArticleText{Lang: "en", Title: fmt.Sprintf("News %d", i), Body: "expo news"})
		}
		id, err := st.CreateArticle(ctx, store.NewArticle{Category: store.Categories[rng.IntN(len(store.Categories))],
			Status: statuses[rng.IntN(len(statuses))], ReleasedAt: at, Texts: texts})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	var ids []int64
	for i := range 80 {
		ids = append(ids, create(i))
	}
	check := func(step string) {
		t.Helper()
		for _, at := range []time.Time{now, now.Add(40 * 24 * time.Hour)} {
			for _, cat := range append([]string{""}, store.Categories...) {
				checkList(t, pool, st, step, cat, at)
			}
			checkSearch(t, pool, st, step, at)
		}
	}
	check("created")

	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := pool.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	changes := []struct {
		name string
		do   func(id int64)
	}{
		{"status", func(id int64) {
			exec("UPDATE articles SET status = $2 WHERE id = $1", id, statuses[rng.IntN(len(statuses))])
		}},
		{"release", func(id int64) {
			exec("UPDATE articles SET released_at = released_at + $2 * interval '1 day' WHERE id = $1", id, rng.IntN(120)-60)
		}},
		{"category", func(id int64) {
			exec("UPDATE articles SET category = $2 WHERE id = $1", id, store.Categories[rng.IntN(len(store.Categories))])
		}},
		{"trash", func(id int64) { exec("UPDATE articles SET deleted_at = now() WHERE id = $1", id) }},
		{"restore", func(id int64) { exec("UPDATE articles SET deleted_at = NULL WHERE id = $1", id) }},
		{"no words", func(id int64) { exec("DELETE FROM article_translations WHERE article_id = $1", id) }},
		{"words again", func(id int64) {
			exec(`INSERT INTO article_translations (article_id, lang, title, body, tokens)
				VALUES ($1, 'en', 'News again', 'expo news', '{news,again,expo}') ON CONFLICT DO NOTHING`, id)
		}},
		{"retitle", func(id int64) {
			exec("UPDATE article_translations SET title = 'Expo news retitled', tokens = tokens || '{retitled}' WHERE article_id = $1", id)
		}},
		{"visits", func(id int64) { exec("UPDATE articles SET visits = visits + 1 WHERE id = $1", id) }},
		{"delete", func(id int64) { exec("DELETE FROM articles WHERE id = $1", id) }},
	}
	for step := range 60 {
		c := changes[rng.IntN(len(changes))]
		id := ids[rng.IntN(len(ids))]
		c.do(id)
		check(fmt.Sprintf("step %d: %s of %d", step, c.name, id))
	}
	// Statements over many articles at once, and a transaction that
	// changes an article twice.
	exec("UPDATE articles SET released_at = released_at - interval '33 days' WHERE id % 3 = 0")
	check("many moved")
	exec("UPDATE articles SET status = 'published', deleted_at = NULL WHERE id % 2 = 0")
	check("many published")
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE articles SET category = 'video' WHERE id % 5 = 1"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "DELETE FROM article_translations WHERE article_id % 5 = 1 AND lang = 'zh'")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	check("one transaction")
	exec("TRUNCATE articles CASCADE")
	check("truncated")
	for i := range 10 {
		create(i)
	}
	check("after truncate")
}

// checkList compares every page of a list (7 a page, so pages start
// inside months) and its total with the plain query.
func checkList(t *testing.T, pool *pgxpool.Pool, st *store.Store, step, cat string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	rows, err := pool.Query(ctx, `SELECT a.id FROM articles a
		WHERE a.status <> 'draft' AND a.released_at <= $1 AND a.deleted_at IS NULL
		  AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id)
		  AND ($2 = '' OR a.category = $2)
		ORDER BY a.released_at DESC, a.id DESC`, now, cat)
	if err != nil {
		t.Fatal(err)
	}
	want, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	const limit = 7
	for offset := 0; offset <= len(want)+limit; offset += limit {
		list, total, err := st.PublishedArticles(ctx, "en", cat, now, limit, offset)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, a := range list {
			got = append(got, a.ID)
		}
		w := want[min(offset, len(want)):min(offset+limit, len(want))]
		if total != len(want) || !slices.Equal(got, w) {
			t.Fatalf("%s: category %q at %s, offset %d: %v of %d, want %v of %d",
				step, cat, now.Format(time.DateOnly), offset, got, total, w, len(want))
		}
	}
}

// checkSearch compares a search that matches every article with the
// public articles, and the search copy of the words with the words.
func checkSearch(t *testing.T, pool *pgxpool.Pool, st *store.Store, step string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	var want []int64
	rows, err := pool.Query(ctx, `SELECT a.id FROM articles a
		WHERE a.status <> 'draft' AND a.released_at <= $1 AND a.deleted_at IS NULL
		  AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id AND x.tokens @> '{expo}')
		ORDER BY a.id`, now)
	if err != nil {
		t.Fatal(err)
	}
	if want, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
		t.Fatal(err)
	}
	var got []int64
	total := -1
	for offset := 0; total < 0 || offset < total; offset += 20 {
		hits, n, err := st.SearchArticles(ctx, "expo", "en", now, 20, offset)
		if err != nil {
			t.Fatal(err)
		}
		total = n
		for _, h := range hits {
			got = append(got, h.ID)
		}
		if len(hits) == 0 {
			break
		}
	}
	slices.Sort(got)
	if total != len(want) || !slices.Equal(got, want) {
		t.Fatalf("%s: search at %s: %v of %d, want %v", step, now.Format(time.DateOnly), got, total, want)
	}
	var stale int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM (
		(SELECT s.article_id, s.lang, s.released_at, s.title, s.tokens FROM news_search s
		 EXCEPT SELECT t.article_id, t.lang, a.released_at, lower(t.title), t.tokens
		 FROM article_translations t JOIN articles a ON a.id = t.article_id
		 WHERE a.status <> 'draft' AND a.deleted_at IS NULL)
		UNION ALL
		(SELECT t.article_id, t.lang, a.released_at, lower(t.title), t.tokens
		 FROM article_translations t JOIN articles a ON a.id = t.article_id
		 WHERE a.status <> 'draft' AND a.deleted_at IS NULL
		 EXCEPT SELECT s.article_id, s.lang, s.released_at, s.title, s.tokens FROM news_search s)) d`).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Fatalf("%s: %d rows of news_search differ from the words", step, stale)
	}
}

// Writers that change the same articles at the same time still leave the
// counts true: each sync waits for the other's transaction.
func TestNewsListingUnderConcurrentWriters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	var ids []int64
	for i := range 6 {
		id, err := st.CreateArticle(ctx, store.NewArticle{Category: "expo", Status: "published", ReleasedAt: now.AddDate(0, -i, 0),
			Texts: []store.ArticleText{{Lang: "zh", Title: fmt.Sprintf("新闻%d", i)}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	errs := make(chan error, 8)
	for w := range 8 {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for range 25 {
				id := ids[rng.IntN(len(ids))]
				err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
					var err error
					switch rng.IntN(4) {
					case 0:
						_, err = tx.Exec(ctx, "UPDATE articles SET status = CASE WHEN status = 'draft' THEN 'published' ELSE 'draft' END WHERE id = $1", id)
					case 1:
						_, err = tx.Exec(ctx, "UPDATE articles SET released_at = released_at + interval '20 days', category = 'media' WHERE id = $1", id)
					case 2:
						_, err = tx.Exec(ctx, "DELETE FROM article_translations WHERE article_id = $1 AND lang = 'en'", id)
					default:
						_, err = tx.Exec(ctx, `INSERT INTO article_translations (article_id, lang, title) VALUES ($1, 'en', 'News')
							ON CONFLICT DO NOTHING`, id)
					}
					return err
				})
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, cat := range append([]string{""}, store.Categories...) {
		checkList(t, pool, st, "after concurrent writers", cat, now.AddDate(1, 0, 0))
	}
	var wrong int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM news_months m FULL JOIN (
		SELECT category, date_trunc('month', released_at, 'UTC') AS month, count(*) AS n FROM news_listing GROUP BY 1, 2) c
		USING (category, month) WHERE coalesce(m.n, 0) <> coalesce(c.n, 0)`).Scan(&wrong); err != nil {
		t.Fatal(err)
	}
	if wrong != 0 {
		t.Errorf("%d month counts differ from the listing", wrong)
	}
}
