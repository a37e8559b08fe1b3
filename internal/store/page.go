package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Page is a content page in one language.
type Page struct {
	ID        int64     `db:"id"`
	Path      string    `db:"path"`
	SortOrder int       `db:"sort_order"`
	Published bool      `db:"published"`
	UpdatedAt time.Time `db:"updated_at"`
	Lang      string    `db:"lang"` // the language of the words below
	Title     string    `db:"title"`
	Summary   string    `db:"summary"`
	Body      string    `db:"body"` // Markdown
}

// PageText is a page's words in one language, for SavePage.
type PageText struct {
	Lang, Title, Summary, Body string
}

// PublishedPage returns the published page at path with its words in lang,
// or, when lang has none, in the first language that has them (Page.Lang
// tells which).
func (s *Store) PublishedPage(ctx context.Context, path, lang string) (Page, error) {
	rows, _ := s.pool.Query(ctx, `-- Store.PublishedPage
		SELECT p.id, p.path, p.sort_order, p.published, greatest(p.updated_at, t.updated_at) AS updated_at,
		       t.lang, t.title, t.summary, t.body
		FROM pages p
		JOIN page_translations t ON t.page_id = p.id
		JOIN languages l ON l.code = t.lang
		WHERE p.path = $1 AND p.published
		ORDER BY t.lang = $2 DESC, l.position
		LIMIT 1`, path, lang)
	page, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Page])
	if errors.Is(err, pgx.ErrNoRows) {
		return Page{}, fmt.Errorf("Store.PublishedPage(%q, %q): %w", path, lang, ErrNotFound)
	} else if err != nil {
		return Page{}, fmt.Errorf("Store.PublishedPage(%q, %q): %w", path, lang, err)
	}
	return page, nil
}

// SavePage creates or updates the page at path with the given words, in one
// transaction. Languages not in texts keep what they had.
func (s *Store) SavePage(ctx context.Context, path string, sortOrder int, published bool, texts []PageText) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		if err := tx.QueryRow(ctx, `-- Store.SavePage
			INSERT INTO pages (path, sort_order, published) VALUES ($1, $2, $3)
			ON CONFLICT (path) DO UPDATE SET sort_order = EXCLUDED.sort_order,
			    published = EXCLUDED.published, updated_at = now()
			RETURNING id`, path, sortOrder, published).Scan(&id); err != nil {
			return err
		}
		for _, t := range texts {
			if _, err := tx.Exec(ctx, `-- Store.SavePage
				INSERT INTO page_translations (page_id, lang, title, summary, body) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (page_id, lang) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary,
				    body = EXCLUDED.body, updated_at = now()`,
				id, t.Lang, t.Title, t.Summary, t.Body); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.SavePage(%q): %w", path, err)
	}
	return nil
}

// InsertPageIfMissing creates the page with its words unless a page exists
// at path: demo content never overwrites an edit.
func (s *Store) InsertPageIfMissing(ctx context.Context, path string, sortOrder int, texts []PageText) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `-- Store.InsertPageIfMissing
			INSERT INTO pages (path, sort_order) VALUES ($1, $2)
			ON CONFLICT (path) DO NOTHING RETURNING id`, path, sortOrder).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // there already
		} else if err != nil {
			return err
		}
		for _, t := range texts {
			if _, err := tx.Exec(ctx, `-- Store.InsertPageIfMissing
				INSERT INTO page_translations (page_id, lang, title, summary, body) VALUES ($1, $2, $3, $4, $5)`,
				id, t.Lang, t.Title, t.Summary, t.Body); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertPageIfMissing(%q): %w", path, err)
	}
	return nil
}

// PublishedPagePaths lists the paths of published pages, for the sitemap.
func (s *Store) PublishedPagePaths(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.pool.Query(ctx, `-- Store.PublishedPagePaths
		SELECT p.path, max(greatest(p.updated_at, t.updated_at))
		FROM pages p JOIN page_translations t ON t.page_id = p.id
		WHERE p.published GROUP BY p.path`)
	if err != nil {
		return nil, fmt.Errorf("Store.PublishedPagePaths: %w", err)
	}
	out := map[string]time.Time{}
	var path string
	var at time.Time
	_, err = pgx.ForEachRow(rows, []any{&path, &at}, func() error { out[path] = at; return nil })
	if err != nil {
		return nil, fmt.Errorf("Store.PublishedPagePaths: %w", err)
	}
	return out, nil
}
