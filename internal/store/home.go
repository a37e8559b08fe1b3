package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// LatestArticles is the newest n public articles of each category in
// categories, by category, in lang (or a fallback): what
// PublishedArticles(lang, category, now, n, 0) lists for each, in one round
// trip, so the home page asks the database once.
func (s *Store) LatestArticles(ctx context.Context, lang string, categories []string, now time.Time, n int) (map[string][]ArticleSummary, error) {
	rows, err := s.pool.Query(ctx, named(`-- Store.LatestArticles
		WITH top AS (
			SELECT a.id, row_number() OVER (PARTITION BY a.category ORDER BY a.released_at DESC, a.id DESC) AS rank
			FROM articles a WHERE `+public+` AND a.category = ANY ($cats))
		SELECT a.id, a.category, a.released_at, t.lang, t.title, t.summary, `+slugTitle+`, `+imageCols("th")+`
		FROM top JOIN articles a ON a.id = top.id `+translation+joinRendition("th", "a.cover_id", "thumb")+`
		WHERE top.rank <= $n
		ORDER BY a.category, a.released_at DESC, a.id DESC`, "lang", "now", "cats", "n"), lang, now, categories, n)
	if err != nil {
		return nil, fmt.Errorf("Store.LatestArticles: %w", err)
	}
	list, err := pgx.CollectRows(rows, scanSummary)
	if err != nil {
		return nil, fmt.Errorf("Store.LatestArticles: %w", err)
	}
	out := make(map[string][]ArticleSummary, len(categories))
	for _, a := range list {
		out[a.Category] = append(out[a.Category], a)
	}
	return out, nil
}
