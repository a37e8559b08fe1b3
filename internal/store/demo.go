package store

import (
	"context"
	"fmt"
	"strings"
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
	rows, err := s.pool.Query(ctx, strings.Join(parts, " UNION ALL ")+" -- Store.ContentCounts")
	if err != nil {
		return nil, fmt.Errorf("Store.ContentCounts: %w", err)
	}
	defer rows.Close()
	counts := map[string]int64{}
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, fmt.Errorf("Store.ContentCounts: %w", err)
		}
		counts[kind] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("Store.ContentCounts: %w", err)
	}
	return counts, nil
}

// DemoCounts is how many rows of each kind portal demo last left; a kind
// it never wrote is absent.
func (s *Store) DemoCounts(ctx context.Context) (map[string]int64, error) {
	rows, err := s.pool.Query(ctx, "SELECT kind, rows FROM demo_content -- Store.DemoCounts")
	if err != nil {
		return nil, fmt.Errorf("Store.DemoCounts: %w", err)
	}
	defer rows.Close()
	counts := map[string]int64{}
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, fmt.Errorf("Store.DemoCounts: %w", err)
		}
		counts[kind] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("Store.DemoCounts: %w", err)
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
