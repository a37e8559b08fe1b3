package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/search"
)

// The kinds of thing a site search finds, in the order the results show
// them.
const (
	KindPages      = "pages"
	KindExhibitors = "exhibitors"
	KindEvents     = "events"
	KindNews       = "news"
)

// SiteKinds are the kinds in the order the results show them.
var SiteKinds = []string{KindPages, KindExhibitors, KindEvents, KindNews}

// SiteQuery is a search of the whole site.
type SiteQuery struct {
	Query string
	Lang  string // the page's language: a match in it is shown first
	Now   time.Time
	// Kind is one of SiteKinds to page through, or "" for a page of news
	// with the first Preview of each other kind.
	Kind          string
	Limit, Offset int
	Preview       int
	// CategoryWords are each exhibitor category's names in every language
	// (by slug): an exhibitor matches its categories' words as its own.
	CategoryWords map[string]string
}

// SiteHit is a page, an exhibitor or an event that matches a search, in
// the language it matched (its page's language when it matched there).
type SiteHit struct {
	Kind     string
	ID       int64
	Path     string // after /{lang}
	Lang     string
	Title    string
	Text     string // what a snippet is cut from: the summary and body, a description
	Booth    string // exhibitors
	Hall     string
	StartsAt time.Time // events
}

// SiteResults are a site search's hits grouped by kind.
type SiteResults struct {
	Counts    map[string]int       // every kind's matches, whatever was asked for
	Hits      map[string][]SiteHit // the asked-for page of pages, exhibitors and events
	News      []SearchHit          // the asked-for page of news
	Straight  *SiteHit             // where the query leads at once: an exhibitor or a booth
	Searched  bool                 // false: the query holds nothing to search for
	NewsTotal int
}

// siteSearch matches every term of the query anywhere in a thing's words
// (lower-cased): content pages, the menu's other pages (charges, the hall
// map: pages with no text of their own), exhibitors (both names, booth,
// description, categories) and schedule events. These are hundreds of rows,
// not news' hundred thousand, so they are read whole, as the exhibitor
// directory's own filter does, and a CJK query matches as the phrase it is.
// Each thing is shown in the page's language when that matched, else in
// the first language that did. The first row of each kind is always sent,
// to carry the kind's count.
const siteSearch = `
	WITH docs AS (
		SELECT 'pages' AS kind, p.id, p.path, t.lang, t.title, t.summary || ' ' || t.body AS text,
		       '' AS booth, '' AS hall, NULL::timestamptz AS starts_at, '' AS slug, false AS exact,
		       lower(t.title || ' ' || t.summary || ' ' || t.body) AS doc, lower(t.title) AS head
		FROM pages p JOIN page_translations t ON t.page_id = p.id
		WHERE p.published
		UNION ALL
		SELECT 'pages', 0, n.path, l.lang, l.label, '', '', '', NULL, '', false, lower(l.label), lower(l.label)
		FROM nav_items n JOIN nav_labels l ON l.nav_key = n.key
		WHERE n.path <> '/' AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.path = n.path)
		UNION ALL
		SELECT 'exhibitors', e.id, '', t.lang, t.name, t.description, e.booth, e.hall, NULL,
		       coalesce((SELECT x.name FROM exhibitor_texts x WHERE x.exhibitor_id = e.id AND x.lang = 'en'), ''),
		       lower(btrim(t.name)) = $exact OR (e.booth <> '' AND lower(e.booth) = $exact),
		       lower(t.name || ' ' || e.booth || ' ' || t.description) || ' ' || coalesce((
		           SELECT string_agg(c.words, ' ') FROM unnest($catslugs::text[], $catwords::text[]) c (slug, words)
		           WHERE c.slug = ANY (e.categories)), ''),
		       lower(t.name)
		FROM exhibitors e JOIN exhibitor_texts t ON t.exhibitor_id = e.id
		UNION ALL
		SELECT 'events', e.id, '', t.lang, t.title, t.description || ' ' || t.venue, '', '', e.starts_at, '', false,
		       lower(t.title || ' ' || t.description || ' ' || t.venue), lower(t.title)
		FROM schedule_events e JOIN schedule_event_texts t ON t.event_id = e.id
	), hits AS (
		SELECT DISTINCT ON (d.kind, d.id, d.path) d.*, %s AS rank
		FROM docs d JOIN languages g ON g.code = d.lang
		WHERE %s
		ORDER BY d.kind, d.id, d.path, d.exact DESC, d.lang = $lang DESC, g.position
	), ranked AS (
		SELECT h.*, count(*) OVER (PARTITION BY h.kind) AS total,
		       count(*) FILTER (WHERE h.exact) OVER (PARTITION BY h.kind) AS exacts,
		       row_number() OVER (PARTITION BY h.kind ORDER BY h.exact DESC, h.rank DESC, h.starts_at, h.title, h.id) AS rn
		FROM hits h
	) -- Store.SearchSite
	SELECT kind, id, path, lang, title, text, booth, hall, starts_at, slug, exacts, total,
	       CASE WHEN $kind = '' THEN rn <= $preview WHEN kind = $kind THEN rn > $offset AND rn <= $offset + $limit ELSE false END, rn
	FROM ranked
	WHERE rn = 1 OR CASE WHEN $kind = '' THEN rn <= $preview WHEN kind = $kind THEN rn > $offset AND rn <= $offset + $limit ELSE false END
	UNION ALL
	SELECT 'booth', b.id, '', '', b.number, '', b.number, b.hall, NULL, '', 1, 0, false, 1
	FROM booths b WHERE lower(b.number) = $exact
	ORDER BY 1, 14`

// SearchSite searches pages, exhibitors, events and news in one round trip
// (a batch of two statements): the news part is SearchArticles' own query,
// on news_search, so a search costs what a news search did plus a scan of
// the few hundred other things.
func (s *Store) SearchSite(ctx context.Context, q SiteQuery) (SiteResults, error) {
	res := SiteResults{Counts: map[string]int{}, Hits: map[string][]SiteHit{}}
	newsLimit, newsOffset := q.Limit, q.Offset
	if q.Kind != "" && q.Kind != KindNews {
		newsLimit, newsOffset = 0, 0
	}
	news, ok := newArticleSearch(q.Query, q.Lang, q.Now, newsLimit, newsOffset)
	if !ok {
		return res, nil
	}
	res.Searched = true

	terms := search.Terms(q.Query)
	match := make([]string, len(terms))
	rank := "0"
	for i := range terms {
		match[i] = fmt.Sprintf("strpos(d.doc, ($terms::text[])[%d]) > 0", i+1)
		rank += fmt.Sprintf(" + (strpos(d.head, ($terms::text[])[%d]) > 0)::int", i+1)
	}
	var slugs, words []string
	for slug, w := range q.CategoryWords {
		slugs, words = append(slugs, slug), append(words, strings.ToLower(w))
	}
	exact := search.Fold(strings.TrimSpace(q.Query))

	b := &pgx.Batch{}
	b.Queue(named(fmt.Sprintf(siteSearch, rank, strings.Join(match, " AND ")),
		"terms", "exact", "catslugs", "catwords", "lang", "kind", "preview", "offset", "limit"),
		terms, exact, slugs, words, q.Lang, q.Kind, q.Preview, q.Offset, q.Limit)
	if newsLimit > 0 {
		b.Queue(news.page, news.pageArgs...)
	} else {
		b.Queue(news.count, news.countArgs...)
	}
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()

	rows, err := br.Query()
	if err != nil {
		return res, fmt.Errorf("Store.SearchSite: %w", err)
	}
	type row struct {
		SiteHit
		slug          string
		exacts, total int
		shown         bool
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var h row
		var startsAt *time.Time
		var rn int
		err := r.Scan(&h.Kind, &h.ID, &h.Path, &h.Lang, &h.Title, &h.Text, &h.Booth, &h.Hall, &startsAt, &h.slug, &h.exacts, &h.total, &h.shown, &rn)
		if startsAt != nil {
			h.StartsAt = *startsAt
		}
		return h, err
	})
	if err != nil {
		return res, fmt.Errorf("Store.SearchSite: %w", err)
	}
	var booth *SiteHit
	for _, h := range list {
		switch h.Kind {
		case "booth":
			// A booth on the hall map, whoever (if anyone) has it.
			if booth == nil {
				booth = &SiteHit{Kind: h.Kind, Booth: h.Booth, Hall: h.Hall}
			}
			continue
		case KindExhibitors:
			h.Path = Exhibitor{ID: h.ID, Names: map[string]string{"en": h.slug}}.Path()
		case KindEvents:
			h.Path = fmt.Sprintf("/exhibit/schedule#event-%d", h.ID)
		}
		res.Counts[h.Kind] = h.total
		// An exhibitor named exactly so, or alone at that booth, is where
		// the query leads (rows with an exact match come first).
		if h.Kind == KindExhibitors && h.exacts == 1 && res.Straight == nil && h.total > 0 && isExact(h.SiteHit, exact) {
			hit := h.SiteHit
			res.Straight = &hit
		}
		if h.shown {
			res.Hits[h.Kind] = append(res.Hits[h.Kind], h.SiteHit)
		}
	}
	if res.Straight == nil {
		res.Straight = booth
	}

	rows, err = br.Query()
	if err != nil {
		return res, fmt.Errorf("Store.SearchSite: %w", err)
	}
	if newsLimit > 0 {
		res.News, res.NewsTotal, err = news.scan(rows)
	} else {
		res.NewsTotal, err = pgx.CollectExactlyOneRow(rows, pgx.RowTo[int])
	}
	if err != nil {
		return res, fmt.Errorf("Store.SearchSite: %w", err)
	}
	if len(res.News) == 0 && newsOffset > 0 {
		// Past the last page of news: count them, for the caller's 404
		// (a second round trip, only for a page that does not exist).
		br.Close()
		if err := s.pool.QueryRow(ctx, news.count, news.countArgs...).Scan(&res.NewsTotal); err != nil {
			return res, fmt.Errorf("Store.SearchSite: %w", err)
		}
	}
	res.Counts[KindNews] = res.NewsTotal
	return res, nil
}

// isExact says whether the hit's name or booth is the folded query.
func isExact(h SiteHit, exact string) bool {
	return search.Fold(strings.TrimSpace(h.Title)) == exact || (h.Booth != "" && search.Fold(h.Booth) == exact)
}
