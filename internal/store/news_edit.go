package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrConflict is returned when a save was based on an older version: someone
// else saved in between.
var ErrConflict = errors.New("changed by someone else since it was opened")

// EditArticle is an article as the editor shows it: every language.
type EditArticle struct {
	ID         int64                  `json:"id"`
	Version    int                    `json:"version"`
	Category   string                 `json:"category"`
	Status     ArticleStatus          `json:"status"`
	ReleasedAt time.Time              `json:"released_at"`
	CoverID    *int64                 `json:"cover_id,omitempty"`
	Texts      map[string]ArticleText `json:"texts"` // by language; a missing language has no entry
	DeletedAt  *time.Time             `json:"-"`
	UpdatedAt  time.Time              `json:"-"`
}

// AdminArticle is a row of the editor's list.
type AdminArticle struct {
	ID         int64
	Category   string
	Status     ArticleStatus
	ReleasedAt time.Time
	UpdatedAt  time.Time
	Title      string   // in the asked language, else another
	Langs      []string // the languages it is written in
}

// ArticleFilter picks the editor's list: Status "" is every live article,
// "trash" the deleted ones; Missing names a language the article lacks; Q
// is found in a title in any language, as typed (% and _ are no wildcards).
type ArticleFilter struct {
	Lang     string // the language of the titles shown
	Status   string
	Category string
	Missing  string
	Q        string
	ByChange bool // newest change first instead of newest release first
	Offset   int
	Limit    int
}

// AdminArticles lists a page of articles for the editor, newest release
// first (every article has a release time, drafts too: the editor fills
// in when it was opened), the id breaking ties so pages do not overlap.
// total is how many match the filter.
func (s *Store) AdminArticles(ctx context.Context, f ArticleFilter) (list []AdminArticle, total int, err error) {
	// Only the filters given go into the query, so its plan can use the
	// partial indexes of migration 0035 (a "$1 = '' OR" would hide them).
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where := " WHERE a.deleted_at IS NULL"
	if f.Status == "trash" {
		where = " WHERE a.deleted_at IS NOT NULL"
	} else if f.Status != "" {
		where += " AND a.status = " + arg(f.Status)
	}
	if f.Category != "" {
		where += " AND a.category = " + arg(f.Category)
	}
	if f.Missing != "" {
		where += " AND NOT EXISTS (SELECT 1 FROM article_translations t WHERE t.article_id = a.id AND t.lang = " + arg(f.Missing) + ")"
	}
	if f.Q != "" {
		where += " AND EXISTS (SELECT 1 FROM article_translations t WHERE t.article_id = a.id AND t.title ILIKE " +
			arg("%"+likeEscaper.Replace(f.Q)+"%") + ")"
	}
	// The count is a query of its own: a window count would work out every
	// matching row's title first.
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles a`+where+` -- Store.AdminArticles`,
		args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("Store.AdminArticles: %w", err)
	}
	order := "a.released_at DESC, a.id DESC"
	if f.ByChange {
		order = "a.updated_at DESC, a.id DESC"
	}
	// The page is picked first and only its rows get their titles: a
	// projection under OFFSET would look up the titles of every row skipped.
	lang := arg(f.Lang)
	rows, err := s.pool.Query(ctx, `-- Store.AdminArticles
		SELECT a.id, a.category, a.status, a.released_at, a.updated_at,
		       coalesce((SELECT t.title FROM article_translations t JOIN languages l ON l.code = t.lang
		                 WHERE t.article_id = a.id ORDER BY t.lang = `+lang+` DESC, l.position LIMIT 1), ''),
		       coalesce((SELECT array_agg(t.lang ORDER BY t.lang) FROM article_translations t WHERE t.article_id = a.id), '{}')
		FROM (SELECT a.id, a.category, a.status, a.released_at, a.updated_at FROM articles a`+where+`
		      ORDER BY `+order+` OFFSET `+arg(f.Offset)+` LIMIT `+arg(f.Limit)+`) a
		ORDER BY `+order, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.AdminArticles: %w", err)
	}
	list, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (AdminArticle, error) {
		var a AdminArticle
		err := row.Scan(&a.ID, &a.Category, &a.Status, &a.ReleasedAt, &a.UpdatedAt, &a.Title, &a.Langs)
		return a, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("Store.AdminArticles: %w", err)
	}
	return list, total, nil
}

// likeEscaper makes typed text literal in a LIKE pattern (backslash is
// the default escape).
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// ArticleForEdit loads an article with its words in every language.
func (s *Store) ArticleForEdit(ctx context.Context, id int64) (EditArticle, error) {
	a := EditArticle{ID: id, Texts: map[string]ArticleText{}}
	err := s.pool.QueryRow(ctx, `SELECT version, category, status, released_at, cover_id, deleted_at, updated_at
		FROM articles WHERE id = $1 -- Store.ArticleForEdit`, id).Scan(
		&a.Version, &a.Category, &a.Status, &a.ReleasedAt, &a.CoverID, &a.DeletedAt, &a.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("Store.ArticleForEdit(%d): %w", id, ErrNotFound)
	} else if err != nil {
		return a, fmt.Errorf("Store.ArticleForEdit(%d): %w", id, err)
	}
	rows, _ := s.pool.Query(ctx, `SELECT lang, title, summary, body, source FROM article_translations
		WHERE article_id = $1 -- Store.ArticleForEdit`, id)
	var t ArticleText
	_, err = pgx.ForEachRow(rows, []any{&t.Lang, &t.Title, &t.Summary, &t.Body, &t.Source}, func() error {
		a.Texts[t.Lang] = t
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("Store.ArticleForEdit(%d): %w", id, err)
	}
	return a, nil
}

// SaveArticle creates (ID 0) or updates an article in one transaction: its
// fields, its words (a language without a title is removed), a revision,
// and the audit log. An update must name the version it was based on;
// if someone saved since, nothing is written and ErrConflict returned.
func (s *Store) SaveArticle(ctx context.Context, a EditArticle, userID int64, action string) (EditArticle, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before *EditArticle
		if a.ID != 0 {
			b := EditArticle{Texts: map[string]ArticleText{}}
			if err := tx.QueryRow(ctx, "SELECT status, category, released_at FROM articles WHERE id = $1 -- Store.SaveArticle",
				a.ID).Scan(&b.Status, &b.Category, &b.ReleasedAt); err == nil {
				rows, _ := tx.Query(ctx, "SELECT lang, title, summary, body, source FROM article_translations WHERE article_id = $1", a.ID)
				var t ArticleText
				if _, err := pgx.ForEachRow(rows, []any{&t.Lang, &t.Title, &t.Summary, &t.Body, &t.Source}, func() error {
					b.Texts[t.Lang] = t
					return nil
				}); err != nil {
					return err
				}
				before = &b
			}
		}
		if a.ID == 0 {
			a.Version = 1
			var err error
			if a.ID, err = insertArticleTx(ctx, tx, a.Category, a.Status, a.ReleasedAt, a.CoverID, nil, 0); err != nil {
				return err
			}
		} else {
			err := tx.QueryRow(ctx, `UPDATE articles SET category = $3, status = $4, released_at = $5, cover_id = $6,
				version = version + 1, updated_at = now()
				WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING version -- Store.SaveArticle`,
				a.ID, a.Version, a.Category, a.Status, a.ReleasedAt, a.CoverID).Scan(&a.Version)
			if errors.Is(err, pgx.ErrNoRows) {
				var exists bool
				if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1 AND deleted_at IS NULL)", a.ID).Scan(&exists); err != nil {
					return err
				}
				if exists {
					return ErrConflict
				}
				return ErrNotFound
			} else if err != nil {
				return err
			}
		}
		texts := make([]ArticleText, 0, len(a.Texts))
		for _, lang := range slices.Sorted(maps.Keys(a.Texts)) {
			t := a.Texts[lang]
			t.Lang = lang
			texts = append(texts, t)
		}
		if err := writeTextsTx(ctx, tx, a.ID, texts); err != nil {
			return err
		}
		snapshot, err := json.Marshal(a)
		if err != nil {
			return err
		}
		var uid *int64
		if userID != 0 {
			uid = &userID
		}
		if _, err := tx.Exec(ctx, `INSERT INTO article_revisions (article_id, version, user_id, snapshot)
			VALUES ($1, $2, $3, $4) -- Store.SaveArticle`, a.ID, a.Version, uid, snapshot); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, action, fmt.Sprintf("article %d", a.ID), changeSummary(before, a))
	})
	if err != nil {
		return a, fmt.Errorf("Store.SaveArticle(%d): %w", a.ID, err)
	}
	return a, nil
}

// RevisionCount is how many revisions an article has.
func (s *Store) RevisionCount(ctx context.Context, id int64) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM article_revisions WHERE article_id = $1 -- Store.RevisionCount", id).Scan(&n); err != nil {
		return 0, fmt.Errorf("Store.RevisionCount(%d): %w", id, err)
	}
	return n, nil
}

// TrashArticle moves an article to the trash (deleted) or back; either way
// it is audited and nothing is lost.
func (s *Store) TrashArticle(ctx context.Context, id int64, deleted bool, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE articles SET deleted_at = CASE WHEN $2 THEN now() END,
			version = version + 1, updated_at = now() WHERE id = $1 -- Store.TrashArticle`, id, deleted)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrNotFound
		}
		action := "article.restore_from_trash"
		if deleted {
			action = "article.trash"
		}
		return auditTx(ctx, tx, userID, action, fmt.Sprintf("article %d", id), "")
	})
	if err != nil {
		return fmt.Errorf("Store.TrashArticle(%d): %w", id, err)
	}
	return nil
}

// Revision is a saved version of an article.
type Revision struct {
	Version int
	SavedAt time.Time
	Email   *string
	Article EditArticle
}

// Revisions lists an article's revisions, newest first (without bodies).
func (s *Store) Revisions(ctx context.Context, id int64) ([]Revision, error) {
	rows, err := s.pool.Query(ctx, `SELECT r.version, r.saved_at, u.email FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = $1 ORDER BY r.version DESC -- Store.Revisions`, id)
	if err != nil {
		return nil, fmt.Errorf("Store.Revisions(%d): %w", id, err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Revision, error) {
		var r Revision
		err := row.Scan(&r.Version, &r.SavedAt, &r.Email)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("Store.Revisions(%d): %w", id, err)
	}
	return list, nil
}

// ArticleRevision loads one revision with the article as it was then.
func (s *Store) ArticleRevision(ctx context.Context, id int64, version int) (Revision, error) {
	var r Revision
	var snapshot []byte
	err := s.pool.QueryRow(ctx, `SELECT r.version, r.saved_at, u.email, r.snapshot FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = $1 AND r.version = $2 -- Store.ArticleRevision`,
		id, version).Scan(&r.Version, &r.SavedAt, &r.Email, &snapshot)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, fmt.Errorf("Store.ArticleRevision(%d, %d): %w", id, version, ErrNotFound)
	} else if err != nil {
		return r, fmt.Errorf("Store.ArticleRevision(%d, %d): %w", id, version, err)
	}
	if err := json.Unmarshal(snapshot, &r.Article); err != nil {
		return r, fmt.Errorf("Store.ArticleRevision(%d, %d): %w", id, version, err)
	}
	return r, nil
}

// changeSummary says what a save changed, before -> after, for the audit log.
func changeSummary(before *EditArticle, after EditArticle) string {
	var parts []string
	if before == nil {
		parts = append(parts, fmt.Sprintf("new: %s, %s", after.Status, after.Category))
	} else {
		if before.Status != after.Status {
			parts = append(parts, fmt.Sprintf("status %s -> %s", before.Status, after.Status))
		}
		if before.Category != after.Category {
			parts = append(parts, fmt.Sprintf("category %s -> %s", before.Category, after.Category))
		}
		if !before.ReleasedAt.Equal(after.ReleasedAt) {
			parts = append(parts, fmt.Sprintf("release %s -> %s", before.ReleasedAt.UTC().Format("2006-01-02 15:04Z"), after.ReleasedAt.UTC().Format("2006-01-02 15:04Z")))
		}
	}
	langs := map[string]bool{}
	for l := range after.Texts {
		langs[l] = true
	}
	if before != nil {
		for l := range before.Texts {
			langs[l] = true
		}
	}
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		var b ArticleText
		if before != nil {
			b = before.Texts[l]
		}
		t, ok := after.Texts[l]
		switch {
		case !ok:
			parts = append(parts, l+" removed")
		case b.Title != t.Title:
			parts = append(parts, fmt.Sprintf("%s title %q -> %q", l, b.Title, t.Title))
		case b.Body != t.Body || b.Summary != t.Summary || b.Source != t.Source:
			parts = append(parts, l+" text edited")
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("version %d, no change", after.Version)
	}
	return fmt.Sprintf("version %d: %s", after.Version, strings.Join(parts, "; "))
}
