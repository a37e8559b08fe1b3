package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// DaySalt returns the salt for day's visitor hashes, making it on first use.
// Every instance gets the same salt, so a visitor is one visitor whichever
// instance served them.
func (s *Store) DaySalt(ctx context.Context, day time.Time) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("Store.DaySalt: %w", err)
	}
	var salt []byte
	// DO UPDATE with no change returns the existing row's salt.
	err := s.pool.QueryRow(ctx, `-- Store.DaySalt
		INSERT INTO visitor_salts (day, salt) VALUES ($1, $2)
		ON CONFLICT (day) DO UPDATE SET day = EXCLUDED.day
		RETURNING salt`, day, fresh).Scan(&salt)
	if err != nil {
		return nil, fmt.Errorf("Store.DaySalt(%s): %w", day.Format(time.DateOnly), err)
	}
	return salt, nil
}

// VisitBatch is one flush of the visitor counter for one day.
type VisitBatch struct {
	Day           time.Time
	Hashes        [][]byte // salted hashes of the day's visitors
	Views         int64
	Paths         []string
	PathViews     []int64
	Articles      []int64 // article ids
	ArticleVisits []int64
}

// RecordVisits adds one flush of the visitor counter in a single statement:
// hashes not yet seen that day become new unique visitors, views add to the
// day's, each path's and each article's totals.
func (s *Store) RecordVisits(ctx context.Context, b VisitBatch) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Only counts change: no page needs dropping (migration 0023).
		if _, err := tx.Exec(ctx, "SELECT set_config('portal.quiet', 'on', true) -- Store.RecordVisits"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `-- Store.RecordVisits
		WITH fresh AS (
			INSERT INTO visitor_hashes (day, hash)
			SELECT $1, h FROM unnest($2::bytea[]) AS h
			ON CONFLICT DO NOTHING
			RETURNING 1
		), per_path AS (
			INSERT INTO page_views (path, views)
			SELECT p, n FROM unnest($4::text[], $5::bigint[]) AS u (p, n)
			ON CONFLICT (path) DO UPDATE SET views = page_views.views + EXCLUDED.views
		), per_article AS (
			UPDATE articles SET visits = articles.visits + u.n
			FROM unnest($6::bigint[], $7::bigint[]) AS u (id, n)
			WHERE articles.id = u.id
		)
		INSERT INTO visit_days (day, visitors, views)
		VALUES ($1, (SELECT count(*) FROM fresh), $3)
		ON CONFLICT (day) DO UPDATE SET visitors = visit_days.visitors + EXCLUDED.visitors,
		                                views = visit_days.views + EXCLUDED.views`,
			b.Day, b.Hashes, b.Views, b.Paths, b.PathViews, b.Articles, b.ArticleVisits)
		return err
	})
	if err != nil {
		return fmt.Errorf("Store.RecordVisits(%s): %w", b.Day.Format(time.DateOnly), err)
	}
	return nil
}

// CountedVisitors is the number of unique visitors counted so far, all
// days together (the site's starting count not included).
func (s *Store) CountedVisitors(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, "SELECT coalesce(sum(visitors), 0)::bigint FROM visit_days -- Store.CountedVisitors").Scan(&n); err != nil {
		return 0, fmt.Errorf("Store.CountedVisitors: %w", err)
	}
	return n, nil
}

// PageViews is the number of views counted for path.
func (s *Store) PageViews(ctx context.Context, path string) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, "SELECT coalesce((SELECT views FROM page_views WHERE path = $1), 0) -- Store.PageViews", path).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("Store.PageViews(%q): %w", path, err)
	}
	return n, nil
}

// ForgetVisitorsBefore deletes the hashes and salts of days before day;
// only the counts remain.
func (s *Store) ForgetVisitorsBefore(ctx context.Context, day time.Time) error {
	_, err := s.pool.Exec(ctx, `-- Store.ForgetVisitorsBefore
		WITH h AS (DELETE FROM visitor_hashes WHERE day < $1)
		DELETE FROM visitor_salts WHERE day < $1`, day)
	if err != nil {
		return fmt.Errorf("Store.ForgetVisitorsBefore: %w", err)
	}
	return nil
}

// VisitDay is one day's counts.
type VisitDay struct {
	Day      time.Time
	Visitors int64
	Views    int64
}

// VisitDays are the counts of the days from first to last, a zero for a day
// without visits.
func (s *Store) VisitDays(ctx context.Context, first, last time.Time) ([]VisitDay, error) {
	rows, err := s.pool.Query(ctx, `-- Store.VisitDays
		SELECT d::date, coalesce(v.visitors, 0), coalesce(v.views, 0)
		FROM generate_series($1::date, $2::date, interval '1 day') AS d
		LEFT JOIN visit_days v ON v.day = d::date
		ORDER BY d`, first, last)
	if err != nil {
		return nil, fmt.Errorf("Store.VisitDays: %w", err)
	}
	var out []VisitDay
	var d VisitDay
	_, err = pgx.ForEachRow(rows, []any{&d.Day, &d.Visitors, &d.Views}, func() error { out = append(out, d); return nil })
	if err != nil {
		return nil, fmt.Errorf("Store.VisitDays: %w", err)
	}
	return out, nil
}
