package store

import (
	"context"
	"errors"
	"fmt"
	"github.com/expoportal/portal/internal/paths"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/search"
)

// Categories of news, in menu order.
var Categories = []string{"expo", "industry", "media", "video", "photo"}

// Image is a picture's URL and size.
type Image struct {
	URL           string
	Width, Height int
}

// ArticleSummary is an article as a list shows it, in one language.
type ArticleSummary struct {
	ID         int64
	Category   string
	ReleasedAt time.Time
	Lang       string // the language of Title and Summary (a fallback when the page's has none)
	Title      string
	Summary    string
	Slug       string // from the English title: stable, ASCII
	Thumb      *Image
}

// Article is a whole article in one language.
type Article struct {
	ArticleSummary
	Body, Source string
	Visits       int64
	Cover        *Image // the article-width rendition
	CoverFull    *Image // the original
	Video        *Image // Width and Height unknown
	Photos       []Photo
	UpdatedAt    time.Time
	Prev, Next   *ArticleLink // the public neighbours in its category, older and newer; nil where none
}

// Photo is one picture of a photo story.
type Photo struct {
	Image   Image // the article-width rendition
	Full    Image
	Caption string
}

// ArticleLink is a neighbour in the same category.
type ArticleLink struct {
	ID    int64
	Title string
	Slug  string
}

// public is the condition for an article anyone may read at $now: not a
// draft, released, and written in some language. A scheduled article
// becomes public by itself when its time comes.
const public = `a.status <> 'draft' AND a.released_at <= $now AND a.deleted_at IS NULL
	AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id)`

// translation picks an article's words in $lang, or the first language that has them.
const translation = `CROSS JOIN LATERAL (
	SELECT t.lang, t.title, t.summary, t.body, t.source, t.updated_at
	FROM article_translations t JOIN languages l ON l.code = t.lang
	WHERE t.article_id = a.id ORDER BY t.lang = $lang DESC, l.position LIMIT 1) t`

// slugTitle is the English title the slug comes from (any title if none).
const slugTitle = `coalesce((SELECT e.title FROM article_translations e WHERE e.article_id = a.id AND e.lang = 'en'), t.title)`

// joinRendition joins alias to the rendition of media id; imageCols(alias)
// selects it for scanning into an *imageRow.
func joinRendition(alias, id, name string) string {
	return fmt.Sprintf(` LEFT JOIN media %s ON %s.parent_id = %s AND %s.rendition = '%s'`, alias, alias, id, alias, name)
}

// joinMedia joins alias to media id itself.
func joinMedia(alias, id string) string {
	return fmt.Sprintf(` LEFT JOIN media %s ON %s.id = %s`, alias, alias, id)
}

func imageCols(alias string) string {
	return fmt.Sprintf(`%s.hash, %s.content_type, %s.width, %s.height`, alias, alias, alias, alias)
}

// named replaces $name placeholders with $n in order of args' keys.
func named(sql string, names ...string) string {
	for i, n := range names {
		sql = strings.ReplaceAll(sql, "$"+n, fmt.Sprintf("$%d", i+1))
	}
	return sql
}

// imageRow receives imageCols; all nil when the join found nothing.
type imageRow struct {
	Hash        *string `json:"hash"`
	ContentType *string `json:"type"`
	Width       *int    `json:"w"`
	Height      *int    `json:"h"`
}

func (r *imageRow) dest() []any { return []any{&r.Hash, &r.ContentType, &r.Width, &r.Height} }

func (r *imageRow) image() *Image {
	if r.Hash == nil {
		return nil
	}
	img := &Image{URL: paths.Media(*r.Hash, *r.ContentType)}
	if r.Width != nil && r.Height != nil {
		img.Width, img.Height = *r.Width, *r.Height
	}
	return img
}

// PublishedArticles lists the public articles of a category ("" for all),
// newest first (the id breaks ties, so pages stay stable), and their total.
//
// It reads news_listing and news_months (migration 0024), which triggers
// keep true, so that its cost does not grow with the archive: the total is
// a sum of month counts less the listed articles not yet released, and the
// page starts after the newest month boundary that lies before it, so at
// most a month of articles is skipped. One round trip.
func (s *Store) PublishedArticles(ctx context.Context, lang, category string, now time.Time, limit, offset int) ([]ArticleSummary, int, error) {
	sql, args := listingSQL(category, now, limit, offset)
	rows, err := s.pool.Query(ctx, named(`-- Store.PublishedArticles
		`+sql+`
		SELECT a.id, a.category, a.released_at, t.lang, t.title, t.summary, `+slugTitle+`, `+imageCols("th")+`,
		       (SELECT total FROM stats)
		FROM page p JOIN articles a ON a.id = p.article_id `+translation+joinRendition("th", "a.cover_id", "thumb")+`
		WHERE `+public+`
		ORDER BY a.released_at DESC, a.id DESC`, "cat", "now", "limit", "offset", "lang"), append(args, lang)...)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.PublishedArticles: %w", err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ArticleSummary, error) {
		var a ArticleSummary
		var title string
		var thumb imageRow
		err := row.Scan(append(append([]any{&a.ID, &a.Category, &a.ReleasedAt, &a.Lang, &a.Title, &a.Summary, &title}, thumb.dest()...), &total)...)
		a.Slug, a.Thumb = Slug(title), thumb.image()
		return a, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("Store.PublishedArticles: %w", err)
	}
	if len(list) == 0 {
		// An empty page carries no total: ask for it alone (past the last
		// page, for the caller's 404; or no news at all).
		if err := s.pool.QueryRow(ctx, named(sql+` SELECT total FROM stats -- Store.PublishedArticles`, "cat", "now", "limit", "offset"),
			args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("Store.PublishedArticles: %w", err)
		}
	}
	return list, total, nil
}

// listingSQL is the start of a WITH query over the public articles of a
// category ("" for all) at now: stats (total) and page (article_id, the
// limit articles after offset in list order). Parameters $cat, $now,
// $limit, $offset, in that order; the SQL differs by whether there is a
// category so that each plan uses its own index.
func listingSQL(category string, now time.Time, limit, offset int) (string, []any) {
	cat := " AND $cat = ''" // true, a one-time filter: the plan walks news_listing_all
	if category != "" {
		cat = " AND category = $cat"
	}
	sql := `WITH
		-- Listed but still to come (scheduled): all newer than any public one.
		coming AS (SELECT count(*) AS n FROM news_listing WHERE released_at > $now` + cat + `),
		months AS (SELECT month, sum(n) AS n FROM news_months WHERE true` + cat + ` GROUP BY month),
		-- How many public articles were released in or after each month.
		newer AS (SELECT month, sum(n) OVER (ORDER BY month DESC) - (SELECT n FROM coming) AS n FROM months),
		stats AS (
			SELECT coalesce((SELECT sum(n) FROM months), 0) - (SELECT n FROM coming) AS total,
			       -- The page lies before the newest month start that at most
			       -- offset public articles come before ('infinity': the page
			       -- is in the newest months).
			       coalesce(b.month, 'infinity') AS before, coalesce(b.n, 0) AS skipped
			FROM (SELECT 1) one LEFT JOIN LATERAL (
				SELECT month, n FROM newer WHERE month <= $now AND n <= $offset ORDER BY month LIMIT 1) b ON true),
		page AS (
			SELECT article_id FROM news_listing
			WHERE released_at <= $now AND released_at < (SELECT before FROM stats)` + cat + `
			ORDER BY released_at DESC, article_id DESC
			LIMIT $limit OFFSET $offset - (SELECT skipped FROM stats))`
	return sql, []any{category, now, limit, offset}
}

func scanSummary(row pgx.CollectableRow) (ArticleSummary, error) {
	var a ArticleSummary
	var title string
	var thumb imageRow
	if err := row.Scan(append([]any{&a.ID, &a.Category, &a.ReleasedAt, &a.Lang, &a.Title, &a.Summary, &title}, thumb.dest()...)...); err != nil {
		return a, err
	}
	a.Slug, a.Thumb = Slug(title), thumb.image()
	return a, nil
}

// PublishedArticle returns a public article with its words in lang (or a
// fallback language), its media, its photos and its neighbours in its
// category (Prev, Next), in one round trip: a cold article page asks the
// database this once.
func (s *Store) PublishedArticle(ctx context.Context, id int64, lang string, now time.Time) (Article, error) {
	var a Article
	var title string
	var thumb, cover, full, video imageRow
	var photos []photoRow
	var prev, next neighbourRow
	dest := []any{&a.ID, &a.Category, &a.ReleasedAt, &a.Lang, &a.Title, &a.Summary, &title,
		&a.Body, &a.Source, &a.Visits, &a.UpdatedAt}
	dest = append(append(append(append(dest, thumb.dest()...), cover.dest()...), full.dest()...), video.dest()...)
	dest = append(dest, &photos, &prev.ID, &prev.Title, &prev.SlugTitle, &next.ID, &next.Title, &next.SlugTitle)
	err := s.pool.QueryRow(ctx, named(`-- Store.PublishedArticle
		SELECT a.id, a.category, a.released_at, t.lang, t.title, t.summary, `+slugTitle+`,
		       t.body, t.source, a.visits, greatest(a.updated_at, t.updated_at),
		       `+imageCols("th")+`, `+imageCols("ar")+`, `+imageCols("co")+`, `+imageCols("vi")+`,
		       (SELECT json_agg(json_build_object('a', `+imageJSON("pa")+`, 'f', `+imageJSON("pm")+`,
		               'c', coalesce(p.captions ->> t.lang, (SELECT v FROM jsonb_each_text(p.captions) AS c (k, v) LIMIT 1), ''))
		               ORDER BY p.position)
		        FROM article_photos p`+joinRendition("pa", "p.media_id", "article")+joinMedia("pm", "p.media_id")+`
		        WHERE p.article_id = a.id),
		       prev.id, prev.title, prev.slug_title, next.id, next.title, next.slug_title
		FROM articles a `+translation+joinRendition("th", "a.cover_id", "thumb")+
		joinRendition("ar", "a.cover_id", "article")+joinMedia("co", "a.cover_id")+joinMedia("vi", "a.video_id")+
		neighbour("prev", "<", "DESC")+neighbour("next", ">", "ASC")+`
		WHERE a.id = $id AND `+public, "lang", "now", "id"), lang, now, id).Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return Article{}, fmt.Errorf("Store.PublishedArticle(%d): %w", id, ErrNotFound)
	} else if err != nil {
		return Article{}, fmt.Errorf("Store.PublishedArticle(%d): %w", id, err)
	}
	a.Slug, a.Thumb, a.Cover, a.CoverFull, a.Video = Slug(title), thumb.image(), cover.image(), full.image(), video.image()
	if a.Cover == nil {
		a.Cover = a.CoverFull // an image too small to need a rendition
	}
	for _, r := range photos {
		var p Photo
		if f := r.Full.image(); f != nil {
			p.Full = *f
			p.Image = *f
		}
		if i := r.Article.image(); i != nil {
			p.Image = *i
		}
		p.Caption = r.Caption
		a.Photos = append(a.Photos, p)
	}
	a.Prev, a.Next = prev.link(), next.link()
	return a, nil
}

// neighbour joins alias to the public article just before (cmp "<", order
// DESC) or after (">", ASC) a in its category, by release and then id, with
// its title in $lang (or a fallback) and the title its slug comes from.
func neighbour(alias, cmp, order string) string {
	return ` LEFT JOIN LATERAL (
		SELECT n.id, nt.title, coalesce((SELECT e.title FROM article_translations e WHERE e.article_id = n.id AND e.lang = 'en'), nt.title) AS slug_title
		FROM articles n CROSS JOIN LATERAL (
			SELECT u.title FROM article_translations u JOIN languages l ON l.code = u.lang
			WHERE u.article_id = n.id ORDER BY u.lang = $lang DESC, l.position LIMIT 1) nt
		WHERE n.status <> 'draft' AND n.released_at <= $now AND n.deleted_at IS NULL
		  AND n.category = a.category AND (n.released_at, n.id) ` + cmp + ` (a.released_at, a.id)
		ORDER BY n.released_at ` + order + `, n.id ` + order + ` LIMIT 1) ` + alias + ` ON true`
}

// imageJSON is imageCols(alias) as a JSON object, for an imageRow.
func imageJSON(alias string) string {
	return fmt.Sprintf(`json_build_object('hash', %s.hash, 'type', %s.content_type, 'w', %s.width, 'h', %s.height)`, alias, alias, alias, alias)
}

// photoRow is one photo as PublishedArticle's JSON carries it.
type photoRow struct {
	Article imageRow `json:"a"`
	Full    imageRow `json:"f"`
	Caption string   `json:"c"`
}

// neighbourRow receives a neighbour's columns; all nil when there is none.
type neighbourRow struct {
	ID               *int64
	Title, SlugTitle *string
}

func (r neighbourRow) link() *ArticleLink {
	if r.ID == nil {
		return nil
	}
	return &ArticleLink{ID: *r.ID, Title: *r.Title, Slug: Slug(*r.SlugTitle)}
}

// SearchHit is an article that matches a search, in the language it matched.
type SearchHit struct {
	ArticleSummary
	Body string
}

// SearchArticles finds public articles whose title or body, in any
// language, holds every token of the query; a match in lang is preferred
// for each article. Ranked by how many of the query's terms the title
// holds, then newest first.
//
// It searches news_search (migration 0024), a narrow copy of the listed
// articles' tokens and titles, so that thousands of matches cost a few
// thousand small rows and no article text; only the page's articles are
// read whole. (The rank once counted matches in the body too, which read
// every match's body: most of a search's time at 100,000 articles.)
func (s *Store) SearchArticles(ctx context.Context, query, lang string, now time.Time, limit, offset int) ([]SearchHit, int, error) {
	q, ok := newArticleSearch(query, lang, now, limit, offset)
	if !ok {
		return nil, 0, nil
	}
	rows, err := s.pool.Query(ctx, q.page, q.pageArgs...)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.SearchArticles: %w", err)
	}
	hits, total, err := q.scan(rows)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.SearchArticles: %w", err)
	}
	if len(hits) == 0 && offset > 0 {
		// Past the last page: say how many there are, for the caller's 404.
		if err := s.pool.QueryRow(ctx, q.count, q.countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("Store.SearchArticles: %w", err)
		}
	}
	return hits, total, nil
}

// articleSearch is SearchArticles' SQL: a page of matches with their total,
// and the total alone; SearchSite sends them in its batch.
type articleSearch struct {
	page, count         string
	pageArgs, countArgs []any
}

// newArticleSearch builds the search for query; false when the query has
// nothing to search for.
func newArticleSearch(query, lang string, now time.Time, limit, offset int) (articleSearch, bool) {
	tokens, terms := search.QueryTokens(query), search.Terms(query)
	if len(tokens) == 0 {
		return articleSearch{}, false
	}
	// The rank is a sum written out term by term: a subquery over the
	// terms for each match cost a tenth of a common search.
	rank := "0"
	for i := range terms {
		rank += fmt.Sprintf(" + (strpos(s.title, ($terms::text[])[%d]) > 0)::int", i+1)
	}
	matches := `
		WITH m AS (
			SELECT DISTINCT ON (s.article_id) s.article_id, s.lang, s.released_at,
			       ` + rank + ` AS rank
			FROM news_search s
			WHERE s.tokens @> $tokens::text[] AND s.released_at <= $now
			ORDER BY s.article_id, s.lang = $lang DESC
		)`
	// One query: the total rides along with each row of the page.
	return articleSearch{
		page: named(matches+`, page AS (
			SELECT m.*, count(*) OVER () AS total FROM m
			ORDER BY m.rank DESC, m.released_at DESC, m.article_id DESC
			LIMIT $limit OFFSET $offset
		) -- Store.SearchArticles
		SELECT a.id, a.category, a.released_at, t.lang, t.title, t.summary, `+slugTitle+`,
		       `+imageCols("th")+`, t.body, p.total
		FROM page p JOIN articles a ON a.id = p.article_id
		JOIN article_translations t ON t.article_id = p.article_id AND t.lang = p.lang`+joinRendition("th", "a.cover_id", "thumb")+`
		WHERE `+public+`
		ORDER BY p.rank DESC, p.released_at DESC, p.article_id DESC`, "terms", "tokens", "now", "lang", "limit", "offset"),
		pageArgs:  []any{terms, tokens, now, lang, limit, offset},
		count:     named(matches+` SELECT count(*) FROM m -- Store.SearchArticles`, "terms", "tokens", "now", "lang"),
		countArgs: []any{terms, tokens, now, lang},
	}, true
}

// scan reads a page of hits and their total (0 when the page is empty).
func (articleSearch) scan(rows pgx.Rows) ([]SearchHit, int, error) {
	total := 0
	hits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (SearchHit, error) {
		var h SearchHit
		var title string
		var thumb imageRow
		err := row.Scan(append(append([]any{&h.ID, &h.Category, &h.ReleasedAt, &h.Lang, &h.Title, &h.Summary, &title}, thumb.dest()...), &h.Body, &total)...)
		h.Slug, h.Thumb = Slug(title), thumb.image()
		return h, err
	})
	return hits, total, err
}

// ArticleText is an article's words in one language, for SaveArticle.
type ArticleText struct {
	Lang, Title, Summary, Body, Source string
}

// NewArticle is what SaveArticle writes.
type NewArticle struct {
	Category         string
	Status           ArticleStatus
	ReleasedAt       time.Time
	CoverID, VideoID *int64
	Texts            []ArticleText
	Photos           []NewPhoto
	Visits           int64 // carried over: a count the old site or the demo gives
}

// NewPhoto is a picture of a photo story with its captions by language.
type NewPhoto struct {
	MediaID  int64
	Captions map[string]string
}

// CreateArticle writes an article, its words (with their search tokens)
// and its photos in one transaction, and returns its id.
func (s *Store) CreateArticle(ctx context.Context, n NewArticle) (int64, error) {
	if len(n.Texts) == 0 {
		return 0, errors.New("Store.CreateArticle: an article needs its words in at least one language")
	}
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var err error
		if id, err = insertArticleTx(ctx, tx, n.Category, n.Status, n.ReleasedAt, n.CoverID, n.VideoID, n.Visits); err != nil {
			return err
		}
		if err := writeTextsTx(ctx, tx, id, n.Texts); err != nil {
			return err
		}
		for i, p := range n.Photos {
			if _, err := tx.Exec(ctx, `INSERT INTO article_photos (article_id, position, media_id, captions)
				VALUES ($1, $2, $3, $4) -- Store.CreateArticle`, id, i, p.MediaID, p.Captions); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("Store.CreateArticle: %w", err)
	}
	return id, nil
}

// insertArticleTx writes a new article's row: the one INSERT that every
// writer (the editor's SaveArticle, CreateArticle for the demo, the legacy
// import) shares, so an article is made one way.
func insertArticleTx(ctx context.Context, tx pgx.Tx, category string, status ArticleStatus, releasedAt time.Time, coverID, videoID *int64, visits int64) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO articles (category, status, released_at, cover_id, video_id, visits)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id -- insertArticleTx`,
		category, status, releasedAt, coverID, videoID, visits).Scan(&id)
	return id, err
}

// writeTextsTx replaces an article's words with texts, each with the
// search tokens of its title, summary and body.
func writeTextsTx(ctx context.Context, tx pgx.Tx, id int64, texts []ArticleText) error {
	if _, err := tx.Exec(ctx, "DELETE FROM article_translations WHERE article_id = $1 -- writeTextsTx", id); err != nil {
		return err
	}
	for _, t := range texts {
		if _, err := tx.Exec(ctx, `INSERT INTO article_translations (article_id, lang, title, summary, body, source, tokens)
			VALUES ($1, $2, $3, $4, $5, $6, $7) -- writeTextsTx`,
			id, t.Lang, t.Title, t.Summary, t.Body, t.Source, search.Tokens(t.Title+"\n"+t.Summary+"\n"+t.Body)); err != nil {
			return err
		}
	}
	return nil
}

// HasArticles reports whether any article exists, public or not.
func (s *Store) HasArticles(ctx context.Context) (bool, error) {
	var ok bool
	if err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM articles) -- Store.HasArticles").Scan(&ok); err != nil {
		return false, fmt.Errorf("Store.HasArticles: %w", err)
	}
	return ok, nil
}

// PublishedArticleDates lists every public article's id, slug and last
// change, for the sitemap.
func (s *Store) PublishedArticleDates(ctx context.Context, now time.Time) ([]ArticleSummary, error) {
	rows, err := s.pool.Query(ctx, named(`-- Store.PublishedArticleDates
		SELECT a.id, a.category, greatest(a.updated_at, a.released_at), '', '', '',
		       coalesce((SELECT e.title FROM article_translations e WHERE e.article_id = a.id AND e.lang = 'en'),
		                (SELECT e.title FROM article_translations e JOIN languages l ON l.code = e.lang
		                 WHERE e.article_id = a.id ORDER BY l.position LIMIT 1)),
		       NULL::text, NULL::text, NULL::int, NULL::int
		FROM articles a WHERE `+public+` ORDER BY a.id`, "now"), now)
	if err != nil {
		return nil, fmt.Errorf("Store.PublishedArticleDates: %w", err)
	}
	list, err := pgx.CollectRows(rows, scanSummary)
	if err != nil {
		return nil, fmt.Errorf("Store.PublishedArticleDates: %w", err)
	}
	return list, nil
}

// Slug makes a URL-safe, ASCII suffix from a title: "Smart Classrooms in
// Shenyang!" -> "smart-classrooms-in-shenyang", whole words up to 60
// characters; empty for a title with no Latin letters or digits.
func Slug(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9')
	})
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 && b.Len()+1+len(w) > 60 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w[:min(len(w), 60)])
	}
	return b.String()
}

// ArticleCounts are the number of drafts and of articles scheduled for
// later than now, for the dashboard.
func (s *Store) ArticleCounts(ctx context.Context, now time.Time) (drafts, scheduled int, err error) {
	err = s.pool.QueryRow(ctx, `-- Store.ArticleCounts
		SELECT count(*) FILTER (WHERE status = 'draft'),
		       count(*) FILTER (WHERE status = 'scheduled' AND released_at > $1)
		FROM articles WHERE deleted_at IS NULL`, now).Scan(&drafts, &scheduled)
	if err != nil {
		return 0, 0, fmt.Errorf("Store.ArticleCounts: %w", err)
	}
	return drafts, scheduled, nil
}

// NextChange is the first moment after now at which a public page changes
// by itself, with no write: a scheduled article's release, a price window's
// start or end (dates in the expo's zone tz), the expo opening or closing.
// Zero when nothing is due.
func (s *Store) NextChange(ctx context.Context, now time.Time, tz string) (time.Time, error) {
	var next *time.Time
	err := s.pool.QueryRow(ctx, `-- Store.NextChange
		SELECT min(t) FROM (
			SELECT released_at FROM articles WHERE status = 'scheduled' AND deleted_at IS NULL
			UNION ALL SELECT valid_from::timestamp AT TIME ZONE $2 FROM charge_items
			UNION ALL SELECT (valid_until + 1)::timestamp AT TIME ZONE $2 FROM charge_items
			UNION ALL SELECT opens_at FROM site_settings
			UNION ALL SELECT closes_at FROM site_settings
			UNION ALL SELECT next_opens_at FROM site_settings
		) AS due (t) WHERE t > $1`, now, tz).Scan(&next)
	if err != nil {
		return time.Time{}, fmt.Errorf("Store.NextChange: %w", err)
	}
	if next == nil {
		return time.Time{}, nil
	}
	return *next, nil
}
