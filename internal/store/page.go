package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	page, err := oneRow(rows, pgx.RowToStructByName[Page])
	if err != nil {
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
			    published = EXCLUDED.published, updated_at = now(), version = pages.version + 1
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

// PageSummary is a row of the content-page editor's list.
type PageSummary struct {
	ID        int64
	Path      string
	Published bool
	UpdatedAt time.Time
	Titles    map[string]string // by language
	Version   int               // set by PageForEdit, for the editor
}

// Pages lists every content page by path.
func (s *Store) Pages(ctx context.Context) ([]PageSummary, error) {
	rows, err := s.pool.Query(ctx, `SELECT p.id, p.path, p.published, p.updated_at,
		coalesce((SELECT jsonb_object_agg(t.lang, t.title) FROM page_translations t WHERE t.page_id = p.id), '{}')
		FROM pages p ORDER BY p.path -- Store.Pages`)
	if err != nil {
		return nil, fmt.Errorf("Store.Pages: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (PageSummary, error) {
		var p PageSummary
		err := row.Scan(&p.ID, &p.Path, &p.Published, &p.UpdatedAt, &p.Titles)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("Store.Pages: %w", err)
	}
	return list, nil
}

// PageForEdit loads a content page with its words in every language.
func (s *Store) PageForEdit(ctx context.Context, id int64) (PageSummary, map[string]PageText, int, error) {
	p, texts, sort, err := pageForEdit(ctx, s.pool, id, "")
	if err != nil {
		return p, nil, 0, fmt.Errorf("Store.PageForEdit(%d): %w", id, err)
	}
	return p, texts, sort, nil
}

// pageForEdit reads a page and its words through q (the pool, or a
// transaction that locks the row with lock "FOR UPDATE").
func pageForEdit(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, id int64, lock string) (PageSummary, map[string]PageText, int, error) {
	var p PageSummary
	var sort int
	err := q.QueryRow(ctx, "SELECT id, path, published, updated_at, sort_order, version FROM pages WHERE id = $1 "+lock+" -- Store.PageForEdit", id).
		Scan(&p.ID, &p.Path, &p.Published, &p.UpdatedAt, &sort, &p.Version)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, nil, 0, ErrNotFound
	} else if err != nil {
		return p, nil, 0, err
	}
	texts := map[string]PageText{}
	rows, _ := q.Query(ctx, "SELECT lang, title, summary, body FROM page_translations WHERE page_id = $1 -- Store.PageForEdit", id)
	var t PageText
	_, err = pgx.ForEachRow(rows, []any{&t.Lang, &t.Title, &t.Summary, &t.Body}, func() error { texts[t.Lang] = t; return nil })
	if err != nil {
		return p, nil, 0, err
	}
	return p, texts, sort, nil
}

// UpdatePage replaces a content page's words (a language without a title
// is removed) and its published flag, with an audit entry, in one
// transaction. A save based on another version than the saved one writes
// nothing and returns ErrConflict.
func (s *Store) UpdatePage(ctx context.Context, id int64, version int, published bool, texts []PageText, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Locked so that two saves at once audit what each really replaced.
		old, oldTexts, _, err := pageForEdit(ctx, tx, id, "FOR UPDATE")
		if err != nil {
			return err
		}
		if old.Version != version {
			return ErrConflict
		}
		path := old.Path
		if _, err := tx.Exec(ctx, "UPDATE pages SET published = $2, updated_at = now(), version = version + 1 WHERE id = $1 -- Store.UpdatePage",
			id, published); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM page_translations WHERE page_id = $1 -- Store.UpdatePage", id); err != nil {
			return err
		}
		for _, t := range texts {
			if _, err := tx.Exec(ctx, `INSERT INTO page_translations (page_id, lang, title, summary, body)
				VALUES ($1, $2, $3, $4, $5) -- Store.UpdatePage`, id, t.Lang, t.Title, t.Summary, t.Body); err != nil {
				return err
			}
		}
		var parts []string
		if old.Published != published {
			parts = append(parts, fmt.Sprintf("published %v -> %v", old.Published, published))
		}
		kept := map[string]bool{}
		for _, t := range texts {
			kept[t.Lang] = true
			o := oldTexts[t.Lang]
			switch {
			case o.Title != t.Title:
				parts = append(parts, fmt.Sprintf("%s title %q -> %q", t.Lang, o.Title, t.Title))
			case o.Body != t.Body || o.Summary != t.Summary:
				parts = append(parts, t.Lang+" text edited")
			}
		}
		for l := range oldTexts {
			if !kept[l] {
				parts = append(parts, l+" removed")
			}
		}
		summary := strings.Join(parts, "; ")
		if summary == "" {
			summary = "no change"
		}
		return auditTx(ctx, tx, userID, "page.update", path, summary)
	})
	if err != nil {
		return fmt.Errorf("Store.UpdatePage(%d): %w", id, err)
	}
	return nil
}
