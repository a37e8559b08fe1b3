package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// DemoKinds are the kinds of content portal demo writes (each into an
// empty table), named by their table.
var DemoKinds = []string{
	"site_settings", "pages", "charge_items", "articles", "schedule_events",
	"exhibitors", "booths", "booth_applications", "registrations",
}

// ContentCounts counts the rows of each of DemoKinds, in one query.
func (s *Store) ContentCounts(ctx context.Context) (map[string]int64, error) {
	parts := make([]string, len(DemoKinds))
	for i, k := range DemoKinds {
		parts[i] = fmt.Sprintf("SELECT '%s', count(*) FROM %s", k, k) // names from the list above, never input
	}
	return s.countsByKind(ctx, "Store.ContentCounts", strings.Join(parts, " UNION ALL "))
}

// DemoCounts is how many rows of each kind portal demo last left; a kind
// it never wrote is absent.
func (s *Store) DemoCounts(ctx context.Context) (map[string]int64, error) {
	return s.countsByKind(ctx, "Store.DemoCounts", "SELECT kind, rows FROM demo_content")
}

// countsByKind reads (kind, count) rows into a map.
func (s *Store) countsByKind(ctx context.Context, name, sql string) (map[string]int64, error) {
	rows, err := s.pool.Query(ctx, sql+" -- "+name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	counts := map[string]int64{}
	var kind string
	var n int64
	if _, err := pgx.ForEachRow(rows, []any{&kind, &n}, func() error { counts[kind] = n; return nil }); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return counts, nil
}

// RecordDemo notes how many rows of a kind are the demo's.
func (s *Store) RecordDemo(ctx context.Context, kind string, rows int64) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO demo_content (kind, rows) VALUES ($1, $2)
		ON CONFLICT (kind) DO UPDATE SET rows = excluded.rows, loaded_at = now() -- Store.RecordDemo`, kind, rows)
	if err != nil {
		return fmt.Errorf("Store.RecordDemo(%s): %w", kind, err)
	}
	return nil
}

// Analyze gathers the planner's statistics for the whole database, as
// autovacuum would once a table had grown enough.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "ANALYZE -- Store.Analyze"); err != nil {
		return fmt.Errorf("Store.Analyze: %w", err)
	}
	return nil
}
