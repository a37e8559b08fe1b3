package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// NavItem is a menu entry: a section with its pages, or a page.
type NavItem struct {
	Key       string    `db:"key"`
	ParentKey *string   `db:"parent_key"`
	Path      *string   `db:"path"` // after /{lang}; nil for a section without its own page
	Label     string    `db:"label"`
	Children  []NavItem `db:"-"`
}

// Href is the item's path, or its first page's for a section without one.
func (n NavItem) Href() string {
	if n.Path != nil {
		return *n.Path
	}
	if len(n.Children) > 0 {
		return n.Children[0].Href()
	}
	return "/"
}

// Nav returns the menu as a tree of sections in order, labelled in lang, or
// in the first language that has a label when lang has none.
func (s *Store) Nav(ctx context.Context, lang string) ([]NavItem, error) {
	rows, _ := s.pool.Query(ctx, `-- Store.Nav
		SELECT n.key, n.parent_key, n.path,
		       (SELECT l.label FROM nav_labels l JOIN languages g ON g.code = l.lang
		        WHERE l.nav_key = n.key ORDER BY l.lang = $1 DESC, g.position LIMIT 1) AS label
		FROM nav_items n
		ORDER BY n.parent_key NULLS FIRST, n.position`, lang)
	items, err := pgx.CollectRows(rows, pgx.RowToStructByName[NavItem])
	if err != nil {
		return nil, fmt.Errorf("Store.Nav(%q): %w", lang, err)
	}
	var tree []NavItem
	index := map[string]int{}
	for _, it := range items {
		if it.ParentKey == nil {
			index[it.Key] = len(tree)
			tree = append(tree, it)
		} else if i, ok := index[*it.ParentKey]; ok {
			tree[i].Children = append(tree[i].Children, it)
		}
	}
	return tree, nil
}
