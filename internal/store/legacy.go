package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/expoportal/portal/internal/paths"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// LegacyKey is an old site's address as its server understood it: the
// path in lower case (IIS ignored case), the query's names in lower case
// and its pairs sorted (ASP read them by name, in any order), values as
// they were. /News/News_Show.asp?ID=1187&page=1 and
// /news/news_show.asp?page=1&id=1187 are the same key.
func LegacyKey(path, rawQuery string) string {
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	path = strings.ToLower(path)
	for strings.Contains(path, "//") {
		path = strings.ReplaceAll(path, "//", "/")
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	var pairs [][2]string
	for _, kv := range strings.FieldsFunc(rawQuery, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(kv, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
			pairs = append(pairs, [2]string{k, v})
		}
	}
	if len(pairs) == 0 {
		return path
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	q := make([]string, len(pairs))
	for i, p := range pairs {
		q[i] = url.QueryEscape(p[0]) + "=" + url.QueryEscape(p[1])
	}
	return path + "?" + strings.Join(q, "&")
}

// LegacyURL is a row of the old addresses' table.
type LegacyURL struct {
	ID           int64
	Key          string
	OldURL       string
	Target       string
	Kind         string // article, page, list, home
	Lang         string
	ArticleID    *int64
	PageID       *int64
	TargetEdited bool
	UpdatedAt    time.Time
}

const legacyColumns = `id, old_key, old_url, target, kind, lang, article_id, page_id, target_edited, updated_at`

func scanLegacy(row pgx.CollectableRow) (LegacyURL, error) {
	var l LegacyURL
	err := row.Scan(&l.ID, &l.Key, &l.OldURL, &l.Target, &l.Kind, &l.Lang, &l.ArticleID, &l.PageID, &l.TargetEdited, &l.UpdatedAt)
	return l, err
}

// LegacyTarget is where an old address now lives: the 404 handler asks,
// so only addresses nothing else answers cost a query.
func (s *Store) LegacyTarget(ctx context.Context, key string) (string, error) {
	var target string
	err := s.pool.QueryRow(ctx, "SELECT target FROM legacy_urls WHERE old_key = $1 -- Store.LegacyTarget", key).Scan(&target)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", ErrNotFound
	} else if err != nil {
		return "", fmt.Errorf("Store.LegacyTarget: %w", err)
	}
	return target, nil
}

// LegacyURLs lists old addresses by address; q filters on the old address
// or the target.
func (s *Store) LegacyURLs(ctx context.Context, q string, limit int) ([]LegacyURL, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+legacyColumns+` FROM legacy_urls
		WHERE $1 = '' OR strpos(old_key, lower($1)) > 0 OR strpos(lower(target), lower($1)) > 0
		ORDER BY old_key LIMIT $2 -- Store.LegacyURLs`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("Store.LegacyURLs: %w", err)
	}
	list, err := pgx.CollectRows(rows, scanLegacy)
	if err != nil {
		return nil, fmt.Errorf("Store.LegacyURLs: %w", err)
	}
	return list, nil
}

// LegacyURLByID loads one old address.
func (s *Store) LegacyURLByID(ctx context.Context, id int64) (LegacyURL, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+legacyColumns+` FROM legacy_urls WHERE id = $1 -- Store.LegacyURLByID`, id)
	l, err := oneRow(rows, scanLegacy)
	if err != nil {
		return l, fmt.Errorf("Store.LegacyURLByID(%d): %w", id, err)
	}
	return l, nil
}

// SetLegacyTarget points an old address somewhere else; later imports
// leave a target set here alone.
func (s *Store) SetLegacyTarget(ctx context.Context, id int64, target string, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var old, key string
		err := tx.QueryRow(ctx, `SELECT target, old_key FROM legacy_urls WHERE id = $1 FOR UPDATE -- Store.SetLegacyTarget`, id).Scan(&old, &key)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		if old == target {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE legacy_urls SET target = $2, target_edited = true, updated_at = now()
			WHERE id = $1 -- Store.SetLegacyTarget`, id, target); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "legacy_url.edit", "old address "+key, old+" -> "+target)
	})
	if err != nil {
		return fmt.Errorf("Store.SetLegacyTarget(%d): %w", id, err)
	}
	return nil
}

// DeleteLegacyURL forgets an old address: it answers 404 from now on, and
// a later import would bring it back.
func (s *Store) DeleteLegacyURL(ctx context.Context, id, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var key, target string
		err := tx.QueryRow(ctx, `DELETE FROM legacy_urls WHERE id = $1 RETURNING old_key, target -- Store.DeleteLegacyURL`, id).Scan(&key, &target)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "legacy_url.delete", "old address "+key, "was -> "+target)
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteLegacyURL(%d): %w", id, err)
	}
	return nil
}

// NavPaths maps the menu's labels (lower case, every language) to their
// paths: an old page titled 展会概况 or "Exhibition overview" belongs at
// /about/overview.
func (s *Store) NavPaths(ctx context.Context) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT lower(l.label), i.path FROM nav_labels l JOIN nav_items i ON i.key = l.nav_key
		WHERE i.parent_key IS NOT NULL AND i.path IS NOT NULL -- Store.NavPaths`)
	if err != nil {
		return nil, fmt.Errorf("Store.NavPaths: %w", err)
	}
	out := map[string]string{}
	var label, path string
	if _, err := pgx.ForEachRow(rows, []any{&label, &path}, func() error { out[label] = path; return nil }); err != nil {
		return nil, fmt.Errorf("Store.NavPaths: %w", err)
	}
	return out, nil
}

// LegacyOutcome is what an import did, or would do, with one old address.
type LegacyOutcome string

const (
	LegacyNew       LegacyOutcome = "imported"
	LegacyUpdated   LegacyOutcome = "updated"   // the mirror changed since the last import
	LegacyUnchanged LegacyOutcome = "unchanged" // imported before, as it is
	LegacyEdited    LegacyOutcome = "edited"    // staff changed it since: left alone
	LegacyDeleted   LegacyOutcome = "deleted"   // staff deleted it since: left alone
	LegacyKept      LegacyOutcome = "kept"      // a page staff wrote is there: left alone
)

// Writes tells whether the outcome writes anything.
func (o LegacyOutcome) Writes() bool { return o == LegacyNew || o == LegacyUpdated }

// LegacyArticle is an article read from an old site.
type LegacyArticle struct {
	Key, OldURL, Lang, Category string
	ReleasedAt                  time.Time
	Title, Body, Source         string
	Visits                      int64
	CoverID                     *int64
	Digest                      string // of all the above: a rerun with the same digest writes nothing
}

type legacyRow struct {
	found            bool
	id               int64
	kind, digest     string
	target           string
	targetEdited     bool
	articleID        *int64
	pageID           *int64
	version          *int
	stamp            *time.Time
	curVersion       *int // the article as it is now
	curDeleted       bool
	curStamp         *time.Time // the page as it is now
	curArticleExists bool
}

type legacyQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// legacyState reads an old address's row and the article or page it led
// to, as they are now.
func legacyState(ctx context.Context, q legacyQuerier, key string, lock bool) (legacyRow, error) {
	var r legacyRow
	forUpdate := ""
	if lock {
		forUpdate = " FOR UPDATE OF u"
	}
	err := q.QueryRow(ctx, `SELECT u.id, u.kind, u.digest, u.target, u.target_edited, u.article_id, u.page_id, u.version, u.stamp,
		       a.version, a.deleted_at IS NOT NULL, a.id IS NOT NULL,
		       (SELECT greatest(p.updated_at, max(t.updated_at)) FROM pages p LEFT JOIN page_translations t ON t.page_id = p.id
		        WHERE p.id = u.page_id GROUP BY p.id)
		FROM legacy_urls u LEFT JOIN articles a ON a.id = u.article_id
		WHERE u.old_key = $1`+forUpdate+` -- Store.legacyState`, key).Scan(
		&r.id, &r.kind, &r.digest, &r.target, &r.targetEdited, &r.articleID, &r.pageID, &r.version, &r.stamp,
		&r.curVersion, &r.curDeleted, &r.curArticleExists, &r.curStamp)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, nil
	}
	r.found = err == nil
	return r, err
}

func (r legacyRow) articleOutcome(digest string) LegacyOutcome {
	switch {
	case !r.found:
		return LegacyNew
	case r.articleID == nil || !r.curArticleExists:
		return LegacyDeleted
	case r.curDeleted || r.version == nil || r.curVersion == nil || *r.curVersion != *r.version:
		return LegacyEdited
	case r.digest == digest:
		return LegacyUnchanged
	}
	return LegacyUpdated
}

// PlanLegacyArticle says what ImportLegacyArticle would do, writing
// nothing: portal import legacy --dry-run.
func (s *Store) PlanLegacyArticle(ctx context.Context, key, digest string) (LegacyOutcome, error) {
	r, err := legacyState(ctx, s.pool, key, false)
	if err != nil {
		return "", fmt.Errorf("Store.PlanLegacyArticle(%q): %w", key, err)
	}
	return r.articleOutcome(digest), nil
}

// ImportLegacyArticle writes an old article and its address in one
// transaction: new, updated when the mirror changed and staff have not,
// or left alone. It returns what it did and the address's new target.
func (s *Store) ImportLegacyArticle(ctx context.Context, a LegacyArticle) (LegacyOutcome, string, error) {
	var outcome LegacyOutcome
	var target string
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Two imports of the same mirror at once would both find no row.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 19)) -- Store.ImportLegacyArticle", a.Key); err != nil {
			return err
		}
		r, err := legacyState(ctx, tx, a.Key, true)
		if err != nil {
			return err
		}
		outcome, target = r.articleOutcome(a.Digest), r.target
		if !outcome.Writes() {
			return nil
		}
		var id int64
		version := 1
		if outcome == LegacyNew {
			if id, err = insertArticleTx(ctx, tx, a.Category, Published, a.ReleasedAt, a.CoverID, nil, a.Visits); err != nil {
				return err
			}
		} else {
			id = *r.articleID
			if err := tx.QueryRow(ctx, `UPDATE articles SET category = $2, released_at = $3, cover_id = $4,
				visits = greatest(visits, $5), version = version + 1, updated_at = now()
				WHERE id = $1 RETURNING version -- Store.ImportLegacyArticle`,
				id, a.Category, a.ReleasedAt, a.CoverID, a.Visits).Scan(&version); err != nil {
				return err
			}
		}
		// An article staff edited is never written (see articleOutcome), so
		// its words are the import's alone and are replaced whole.
		if err := writeTextsTx(ctx, tx, id, []ArticleText{{Lang: a.Lang, Title: a.Title, Body: a.Body, Source: a.Source}}); err != nil {
			return err
		}
		snapshot, err := json.Marshal(EditArticle{ID: id, Version: version, Category: a.Category, Status: Published,
			ReleasedAt: a.ReleasedAt, CoverID: a.CoverID,
			Texts: map[string]ArticleText{a.Lang: {Lang: a.Lang, Title: a.Title, Body: a.Body, Source: a.Source}}})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO article_revisions (article_id, version, snapshot)
			VALUES ($1, $2, $3) -- Store.ImportLegacyArticle`, id, version, snapshot); err != nil {
			return err
		}
		// The article's own address, slug as the article page makes it.
		canonical := "/" + a.Lang + paths.Article(id, Slug(a.Title))
		if outcome == LegacyNew || !r.targetEdited {
			target = canonical
		}
		if _, err := tx.Exec(ctx, `INSERT INTO legacy_urls (old_key, old_url, target, kind, lang, article_id, digest, version)
			VALUES ($1, $2, $3, 'article', $4, $5, $6, $7)
			ON CONFLICT (old_key) DO UPDATE SET target = EXCLUDED.target, digest = EXCLUDED.digest,
			    version = EXCLUDED.version, updated_at = now() -- Store.ImportLegacyArticle`,
			a.Key, a.OldURL, target, a.Lang, id, a.Digest, version); err != nil {
			return err
		}
		return auditTx(ctx, tx, 0, "legacy.import_article", fmt.Sprintf("article %d", id), string(outcome)+" from "+a.OldURL)
	})
	if err != nil {
		return "", "", fmt.Errorf("Store.ImportLegacyArticle(%q): %w", a.Key, err)
	}
	return outcome, target, nil
}

// LegacyPage is a content page read from an old site, for the page at Path.
type LegacyPage struct {
	Key, OldURL, Lang, Path string
	Title, Body, Digest     string
}

func (r legacyRow) pageOutcome(digest string) LegacyOutcome {
	switch {
	case !r.found:
		return LegacyNew // or LegacyKept: decided against the pages table
	case r.stamp == nil:
		return LegacyKept
	case r.pageID == nil || r.curStamp == nil:
		return LegacyDeleted
	case !r.curStamp.Equal(*r.stamp):
		return LegacyEdited
	case r.digest == digest:
		return LegacyUnchanged
	}
	return LegacyUpdated
}

// pageIsOurs says whether the page at path may take an import's words:
// there is none, or an import made it and nobody has changed it since.
func pageIsOurs(ctx context.Context, q legacyQuerier, path string) (exists, ours bool, err error) {
	err = q.QueryRow(ctx, `SELECT true, EXISTS (SELECT 1 FROM legacy_urls u WHERE u.page_id = p.id AND u.stamp =
		    (SELECT greatest(p.updated_at, max(t.updated_at)) FROM page_translations t WHERE t.page_id = p.id))
		FROM pages p WHERE p.path = $1 -- Store.pageIsOurs`, path).Scan(&exists, &ours)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, false, nil
	}
	return exists, ours, err
}

// PlanLegacyPage says what ImportLegacyPage would do, writing nothing.
func (s *Store) PlanLegacyPage(ctx context.Context, p LegacyPage) (LegacyOutcome, error) {
	r, err := legacyState(ctx, s.pool, p.Key, false)
	if err != nil {
		return "", fmt.Errorf("Store.PlanLegacyPage(%q): %w", p.Key, err)
	}
	o := r.pageOutcome(p.Digest)
	if o == LegacyNew {
		if exists, ours, err := pageIsOurs(ctx, s.pool, p.Path); err != nil {
			return "", fmt.Errorf("Store.PlanLegacyPage(%q): %w", p.Key, err)
		} else if exists && !ours {
			o = LegacyKept
		}
	}
	return o, nil
}

// ImportLegacyPage writes an old content page as an unpublished draft of
// the portal's page at its path, for an editor to review, and its address:
// never over a page staff wrote or have changed since. A page staff wrote
// is kept and the old address still leads to it.
func (s *Store) ImportLegacyPage(ctx context.Context, p LegacyPage) (LegacyOutcome, error) {
	var outcome LegacyOutcome
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Pages by path too: two old pages may map to one.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 19)) -- Store.ImportLegacyPage", "page:"+p.Path); err != nil {
			return err
		}
		r, err := legacyState(ctx, tx, p.Key, true)
		if err != nil {
			return err
		}
		outcome = r.pageOutcome(p.Digest)
		target := "/" + p.Lang + p.Path
		if outcome == LegacyNew {
			exists, ours, err := pageIsOurs(ctx, tx, p.Path)
			if err != nil {
				return err
			}
			if exists && !ours {
				outcome = LegacyKept
				_, err := tx.Exec(ctx, `INSERT INTO legacy_urls (old_key, old_url, target, kind, lang, page_id)
					VALUES ($1, $2, $3, 'page', $4, (SELECT id FROM pages WHERE path = $5)) -- Store.ImportLegacyPage`,
					p.Key, p.OldURL, target, p.Lang, p.Path)
				return err
			}
		}
		if !outcome.Writes() {
			return nil
		}
		var id int64
		var before *time.Time
		if err := tx.QueryRow(ctx, `INSERT INTO pages (path, published) VALUES ($1, false)
			ON CONFLICT (path) DO UPDATE SET updated_at = pages.updated_at RETURNING id -- Store.ImportLegacyPage`,
			p.Path).Scan(&id); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT greatest(p.updated_at, max(t.updated_at)) FROM pages p
			LEFT JOIN page_translations t ON t.page_id = p.id WHERE p.id = $1 GROUP BY p.id`, id).Scan(&before); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO page_translations (page_id, lang, title, body) VALUES ($1, $2, $3, $4)
			ON CONFLICT (page_id, lang) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()
			-- Store.ImportLegacyPage`, id, p.Lang, p.Title, p.Body); err != nil {
			return err
		}
		var stamp time.Time
		if err := tx.QueryRow(ctx, `SELECT greatest(p.updated_at, max(t.updated_at)) FROM pages p
			JOIN page_translations t ON t.page_id = p.id WHERE p.id = $1 GROUP BY p.id`, id).Scan(&stamp); err != nil {
			return err
		}
		// Other old pages this import put here stay recognised as its own.
		if before != nil {
			if _, err := tx.Exec(ctx, `UPDATE legacy_urls SET stamp = $3 WHERE page_id = $1 AND stamp = $2`, id, *before, stamp); err != nil {
				return err
			}
		}
		if outcome == LegacyUpdated && r.targetEdited {
			target = r.target
		}
		if _, err := tx.Exec(ctx, `INSERT INTO legacy_urls (old_key, old_url, target, kind, lang, page_id, digest, stamp)
			VALUES ($1, $2, $3, 'page', $4, $5, $6, $7)
			ON CONFLICT (old_key) DO UPDATE SET target = EXCLUDED.target, digest = EXCLUDED.digest,
			    stamp = EXCLUDED.stamp, updated_at = now() -- Store.ImportLegacyPage`,
			p.Key, p.OldURL, target, p.Lang, id, p.Digest, stamp); err != nil {
			return err
		}
		return auditTx(ctx, tx, 0, "legacy.import_page", "page "+p.Path, string(outcome)+" (draft) from "+p.OldURL)
	})
	if err != nil {
		return "", fmt.Errorf("Store.ImportLegacyPage(%q): %w", p.Key, err)
	}
	return outcome, nil
}

// LegacyRedirect is an old address that only leads somewhere: a category
// list, the home page.
type LegacyRedirect struct {
	Key, OldURL, Lang, Kind, Target string
}

// ImportLegacyRedirect records a redirect (dry: only says what it would
// do). A target staff set in the back office is kept.
func (s *Store) ImportLegacyRedirect(ctx context.Context, l LegacyRedirect, dry bool) (LegacyOutcome, error) {
	r, err := legacyState(ctx, s.pool, l.Key, false)
	if err != nil {
		return "", fmt.Errorf("Store.ImportLegacyRedirect(%q): %w", l.Key, err)
	}
	outcome := LegacyNew
	switch {
	case r.found && (r.targetEdited || r.target == l.Target):
		outcome = LegacyUnchanged
	case r.found:
		outcome = LegacyUpdated
	}
	if dry || !outcome.Writes() {
		return outcome, nil
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO legacy_urls (old_key, old_url, target, kind, lang) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (old_key) DO UPDATE SET target = EXCLUDED.target, updated_at = now()
		WHERE NOT legacy_urls.target_edited -- Store.ImportLegacyRedirect`, l.Key, l.OldURL, l.Target, l.Kind, l.Lang)
	if err != nil {
		return "", fmt.Errorf("Store.ImportLegacyRedirect(%q): %w", l.Key, err)
	}
	return outcome, nil
}
