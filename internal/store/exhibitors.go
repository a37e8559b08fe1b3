package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// ExhibitorCategories are the display scope's eleven categories as stable
// slugs, in the scope page's order.
var ExhibitorCategories = []string{
	"smart-classroom", "laboratory", "stem", "vocational", "sports", "arts",
	"preschool", "furniture", "safety", "library", "publishing",
}

// Exhibitor is a company in the directory, with every language it has.
type Exhibitor struct {
	ID                  int64
	Booth, Hall         string
	Website             string
	Categories          []string
	Names, Descriptions map[string]string // by language; a missing language has no entry
	LogoID              *int64
	Logo                *Image // the thumbnail rendition, when there is a logo
	UpdatedAt           time.Time
	Version             int // counts saves, imports included
}

// Name is the exhibitor's name in lang, or in the first of fallbacks that
// has one, with the language it is in.
func (e Exhibitor) Name(lang string, fallbacks []string) (name, in string) {
	return pick(e.Names, lang, fallbacks)
}

// Description is like Name, for the description.
func (e Exhibitor) Description(lang string, fallbacks []string) (text, in string) {
	return pick(e.Descriptions, lang, fallbacks)
}

func pick(m map[string]string, lang string, fallbacks []string) (string, string) {
	if v := m[lang]; v != "" {
		return v, lang
	}
	for _, l := range fallbacks {
		if v := m[l]; v != "" {
			return v, l
		}
	}
	for _, l := range slices.Sorted(maps.Keys(m)) {
		if m[l] != "" {
			return m[l], l
		}
	}
	return "", lang
}

// Path is the exhibitor's page after /{lang}: the id, and a slug of the
// English name when it has one.
func (e Exhibitor) Path() string {
	p := fmt.Sprintf("/exhibitors/%d", e.ID)
	if s := Slug(e.Names["en"]); s != "" {
		p += "-" + s
	}
	return p
}

// ExhibitorInput is what staff (or an import row) give for one exhibitor.
type ExhibitorInput struct {
	Names        map[string]string // lang -> name; at least one
	Descriptions map[string]string // lang -> description
	Booth, Hall  string
	Website      string
	Categories   []string // slugs from ExhibitorCategories
	// Version is the version the editor opened; SaveExhibitor refuses an
	// update based on another (the import does not look at it).
	Version int
}

// DuplicateNameError says which language's name another exhibitor has.
type DuplicateNameError struct{ Lang, Name string }

func (e *DuplicateNameError) Error() string {
	return fmt.Sprintf("another exhibitor is called %q (%s)", e.Name, e.Lang)
}

// Unwrap makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateNameError) Unwrap() error { return ErrDuplicate }

// check is what the database would refuse anyway, said plainly: an import
// row that fails it stops the whole import.
func (in ExhibitorInput) check() error {
	named := false
	for _, n := range in.Names {
		named = named || strings.TrimSpace(n) != ""
	}
	if !named {
		return errors.New("no name in any language")
	}
	for _, c := range in.Categories {
		if !slices.Contains(ExhibitorCategories, c) {
			return fmt.Errorf("unknown category %q", c)
		}
	}
	if w := strings.ToLower(in.Website); w != "" && !strings.HasPrefix(w, "https://") && !strings.HasPrefix(w, "http://") {
		return fmt.Errorf("website %q is not an http(s) address", in.Website)
	}
	return nil
}

// ExhibitorFilter narrows the directory; empty fields do not filter.
type ExhibitorFilter struct {
	Category, Hall string
	Q              string // a substring of a name (any language), the booth or a description
}

const exhibitorCols = `e.id, e.booth, e.hall, e.categories, e.website, e.logo_id, e.updated_at, e.version,
	coalesce((SELECT jsonb_object_agg(t.lang, t.name) FROM exhibitor_texts t WHERE t.exhibitor_id = e.id), '{}'),
	coalesce((SELECT jsonb_object_agg(t.lang, t.description) FROM exhibitor_texts t WHERE t.exhibitor_id = e.id AND t.description <> ''), '{}'),
	` + `lg.hash, lg.content_type, lg.width, lg.height`

// joinLogo joins the logo's thumbnail, or the logo itself when it is too
// small to have one.
const joinLogo = ` LEFT JOIN LATERAL (SELECT m.hash, m.content_type, m.width, m.height FROM media m
	WHERE (m.parent_id = e.logo_id AND m.rendition = 'thumb') OR m.id = e.logo_id
	ORDER BY m.parent_id IS NULL LIMIT 1) lg ON true`

func scanExhibitor(row pgx.CollectableRow) (Exhibitor, error) {
	var e Exhibitor
	var logo imageRow
	err := row.Scan(append([]any{&e.ID, &e.Booth, &e.Hall, &e.Categories, &e.Website, &e.LogoID, &e.UpdatedAt, &e.Version, &e.Names, &e.Descriptions}, logo.dest()...)...)
	e.Logo = logo.image()
	return e, err
}

// Exhibitors lists the exhibitors that match f, in no particular order:
// SortExhibitors orders them for a language.
func (s *Store) Exhibitors(ctx context.Context, f ExhibitorFilter) ([]Exhibitor, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+exhibitorCols+` FROM exhibitors e`+joinLogo+`
		WHERE ($1 = '' OR $1 = ANY (e.categories)) AND ($2 = '' OR e.hall = $2)
		  AND ($3 = '' OR strpos(lower(e.booth), lower($3)) > 0 OR EXISTS (SELECT 1 FROM exhibitor_texts t
		       WHERE t.exhibitor_id = e.id AND (strpos(lower(t.name), lower($3)) > 0 OR strpos(lower(t.description), lower($3)) > 0)))
		ORDER BY e.id -- Store.Exhibitors`, f.Category, f.Hall, f.Q)
	list, err := pgx.CollectRows(rows, scanExhibitor)
	if err != nil {
		return nil, fmt.Errorf("Store.Exhibitors: %w", err)
	}
	return list, nil
}

// AllExhibitors is every exhibitor with all languages, by id, for export.
func (s *Store) AllExhibitors(ctx context.Context) ([]Exhibitor, error) {
	return s.Exhibitors(ctx, ExhibitorFilter{})
}

// Exhibitor loads one exhibitor with every language.
func (s *Store) Exhibitor(ctx context.Context, id int64) (Exhibitor, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+exhibitorCols+` FROM exhibitors e`+joinLogo+` WHERE e.id = $1 -- Store.Exhibitor`, id)
	e, err := oneRow(rows, scanExhibitor)
	if err != nil {
		return e, fmt.Errorf("Store.Exhibitor(%d): %w", id, err)
	}
	return e, nil
}

// ExhibitorPage is an exhibitor with its logo's article-width rendition
// (or the logo itself when too small to have one; nil without a logo) for
// its public page, in one round trip.
func (s *Store) ExhibitorPage(ctx context.Context, id int64) (Exhibitor, *Image, error) {
	var large imageRow
	rows, _ := s.pool.Query(ctx, `SELECT `+exhibitorCols+`, lx.hash, lx.content_type, lx.width, lx.height
		FROM exhibitors e`+joinLogo+` LEFT JOIN LATERAL (SELECT m.hash, m.content_type, m.width, m.height FROM media m
			WHERE (m.parent_id = e.logo_id AND m.rendition = 'article') OR m.id = e.logo_id
			ORDER BY m.parent_id IS NULL LIMIT 1) lx ON true
		WHERE e.id = $1 -- Store.ExhibitorPage`, id)
	e, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (Exhibitor, error) {
		var e Exhibitor
		var logo imageRow
		err := row.Scan(append(append([]any{&e.ID, &e.Booth, &e.Hall, &e.Categories, &e.Website, &e.LogoID, &e.UpdatedAt, &e.Version, &e.Names, &e.Descriptions},
			logo.dest()...), large.dest()...)...)
		e.Logo = logo.image()
		return e, err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return e, nil, fmt.Errorf("Store.ExhibitorPage(%d): %w", id, ErrNotFound)
	} else if err != nil {
		return e, nil, fmt.Errorf("Store.ExhibitorPage(%d): %w", id, err)
	}
	return e, large.image(), nil
}

// SaveExhibitor creates (id 0) or updates an exhibitor with its words in
// one transaction, with an audit entry. Languages without a name are
// removed. logo replaces the logo when not nil; dropLogo removes it.
// A name another exhibitor has comes back as a *DuplicateNameError; an
// update based on another version than in.Version writes nothing and
// returns ErrConflict.
func (s *Store) SaveExhibitor(ctx context.Context, userID, id int64, in ExhibitorInput, logo *int64, dropLogo bool) (int64, error) {
	if err := in.check(); err != nil {
		return id, fmt.Errorf("Store.SaveExhibitor(%d): %w", id, err)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before *Exhibitor
		if id != 0 {
			rows, _ := tx.Query(ctx, `SELECT `+exhibitorCols+` FROM exhibitors e`+joinLogo+` WHERE e.id = $1 FOR UPDATE OF e -- Store.SaveExhibitor`, id)
			b, err := lockedAt(rows, scanExhibitor, in.Version)
			if err != nil {
				return err
			}
			before = &b
		}
		if err := checkNames(ctx, tx, id, in.Names); err != nil {
			return err
		}
		var err error
		if id, err = writeExhibitor(ctx, tx, id, in, logo, dropLogo, true); err != nil {
			return err
		}
		action := "exhibitor.update"
		if before == nil {
			action = "exhibitor.create"
		}
		return auditTx(ctx, tx, userID, action, fmt.Sprintf("exhibitor %d", id), exhibitorChanges(before, in, logo != nil, dropLogo))
	})
	if err != nil {
		return id, fmt.Errorf("Store.SaveExhibitor(%d): %w", id, err)
	}
	return id, nil
}

// checkNames refuses a name that another exhibitor (not id) has.
func checkNames(ctx context.Context, tx pgx.Tx, id int64, names map[string]string) error {
	for _, l := range slices.Sorted(maps.Keys(names)) {
		n := strings.TrimSpace(names[l])
		if n == "" {
			continue
		}
		var taken bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM exhibitor_texts WHERE lang = $1
			AND lower(btrim(name)) = lower($2) AND exhibitor_id <> $3) -- Store.checkNames`, l, n, id).Scan(&taken); err != nil {
			return err
		}
		if taken {
			return &DuplicateNameError{Lang: l, Name: n}
		}
	}
	return nil
}

// writeExhibitor inserts or updates one exhibitor's row and words. With
// replace, languages without a name are removed; without, they are kept.
func writeExhibitor(ctx context.Context, tx pgx.Tx, id int64, in ExhibitorInput, logo *int64, dropLogo, replace bool) (int64, error) {
	cats := in.Categories
	if cats == nil {
		cats = []string{}
	}
	if id == 0 {
		if err := tx.QueryRow(ctx, `INSERT INTO exhibitors (booth, hall, categories, website, logo_id)
			VALUES ($1, $2, $3, $4, $5) RETURNING id -- Store.writeExhibitor`,
			in.Booth, in.Hall, cats, in.Website, logo).Scan(&id); err != nil {
			return 0, err
		}
	} else if _, err := tx.Exec(ctx, `UPDATE exhibitors SET booth = $2, hall = $3, categories = $4, website = $5,
		logo_id = CASE WHEN $7 THEN NULL ELSE coalesce($6, logo_id) END, updated_at = now(), version = version + 1
		WHERE id = $1 -- Store.writeExhibitor`, id, in.Booth, in.Hall, cats, in.Website, logo, dropLogo); err != nil {
		return 0, err
	}
	if replace {
		if _, err := tx.Exec(ctx, "DELETE FROM exhibitor_texts WHERE exhibitor_id = $1 -- Store.writeExhibitor", id); err != nil {
			return 0, err
		}
	}
	for _, l := range slices.Sorted(maps.Keys(in.Names)) {
		n := strings.TrimSpace(in.Names[l])
		if n == "" {
			continue
		}
		_, err := tx.Exec(ctx, `INSERT INTO exhibitor_texts (exhibitor_id, lang, name, description) VALUES ($1, $2, $3, $4)
			ON CONFLICT (exhibitor_id, lang) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description -- Store.writeExhibitor`,
			id, l, n, strings.TrimSpace(in.Descriptions[l]))
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" {
			return 0, &DuplicateNameError{Lang: l, Name: n}
		} else if err != nil {
			return 0, err
		}
	}
	return id, nil
}

// exhibitorChanges says what a save changed, before -> after.
func exhibitorChanges(before *Exhibitor, in ExhibitorInput, newLogo, dropLogo bool) string {
	var parts []string
	if before == nil {
		before = &Exhibitor{}
		parts = append(parts, "new")
	}
	field := func(name, a, b string) {
		if a != b {
			parts = append(parts, fmt.Sprintf("%s %q -> %q", name, a, b))
		}
	}
	field("booth", before.Booth, in.Booth)
	field("hall", before.Hall, in.Hall)
	field("website", before.Website, in.Website)
	field("categories", strings.Join(before.Categories, ","), strings.Join(in.Categories, ","))
	langs := map[string]bool{}
	for l := range before.Names {
		langs[l] = true
	}
	for l, n := range in.Names {
		if strings.TrimSpace(n) != "" {
			langs[l] = true
		}
	}
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		n := strings.TrimSpace(in.Names[l])
		switch {
		case n == "":
			parts = append(parts, fmt.Sprintf("%s name %q removed", l, before.Names[l]))
		case before.Names[l] != n:
			parts = append(parts, fmt.Sprintf("%s name %q -> %q", l, before.Names[l], n))
		}
		if n != "" && before.Descriptions[l] != strings.TrimSpace(in.Descriptions[l]) {
			parts = append(parts, l+" description edited")
		}
	}
	switch {
	case dropLogo && before.LogoID != nil:
		parts = append(parts, "logo removed")
	case newLogo:
		parts = append(parts, "logo replaced")
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}

// DeleteExhibitor removes an exhibitor (its logo file stays, as media are
// shared), with an audit entry naming it.
func (s *Store) DeleteExhibitor(ctx context.Context, userID, id int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var names map[string]string
		var booth string
		err := tx.QueryRow(ctx, `DELETE FROM exhibitors e WHERE id = $1 RETURNING booth,
			coalesce((SELECT jsonb_object_agg(t.lang, t.name) FROM exhibitor_texts t WHERE t.exhibitor_id = e.id), '{}') -- Store.DeleteExhibitor`,
			id).Scan(&booth, &names)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		var desc []string
		for _, l := range slices.Sorted(maps.Keys(names)) {
			desc = append(desc, fmt.Sprintf("%s %q", l, names[l]))
		}
		return auditTx(ctx, tx, userID, "exhibitor.delete", fmt.Sprintf("exhibitor %d", id),
			fmt.Sprintf("deleted: %s, booth %q", strings.Join(desc, ", "), booth))
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteExhibitor(%d): %w", id, err)
	}
	return nil
}

// UpsertExhibitors writes many exhibitors in one transaction: a row whose
// name (in any language, tried in the languages' order, case and outer
// spaces ignored) an exhibitor has updates that exhibitor, languages the
// row lacks and the logo untouched; any other row creates one. A row that
// fails stops the whole import and nothing is written; the error names
// the row (1-based). One audit entry sums it up.
func (s *Store) UpsertExhibitors(ctx context.Context, userID int64, rows []ExhibitorInput) (created, updated int, err error) {
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var order []string
		r, _ := tx.Query(ctx, "SELECT code FROM languages ORDER BY position -- Store.UpsertExhibitors")
		if order, err = pgx.CollectRows(r, pgx.RowTo[string]); err != nil {
			return err
		}
		for i, in := range rows {
			if err := in.check(); err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
			var id int64
			for _, l := range order {
				n := strings.TrimSpace(in.Names[l])
				if n == "" {
					continue
				}
				err := tx.QueryRow(ctx, `SELECT exhibitor_id FROM exhibitor_texts WHERE lang = $1 AND lower(btrim(name)) = lower($2)
					-- Store.UpsertExhibitors`, l, n).Scan(&id)
				if err == nil {
					break
				} else if !errors.Is(err, pgx.ErrNoRows) {
					return err
				}
			}
			if err := checkNames(ctx, tx, id, in.Names); err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
			if id == 0 {
				created++
			} else {
				updated++
			}
			if _, err := writeExhibitor(ctx, tx, id, in, nil, false, false); err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
		}
		return auditTx(ctx, tx, userID, "exhibitor.import", "exhibitors",
			fmt.Sprintf("%d rows: %d created, %d updated", len(rows), created, updated))
	})
	if err != nil {
		return 0, 0, fmt.Errorf("Store.UpsertExhibitors: %w", err)
	}
	return created, updated, nil
}

// SortExhibitors orders list by the name shown in lang (falling back as
// Exhibitor.Name does), the way a reader of lang expects: pinyin for
// Chinese, alphabetical ignoring case for English; the id breaks ties.
func SortExhibitors(list []Exhibitor, lang string, fallbacks []string) {
	cmp := NameCompare(lang)
	keys := make(map[int64]string, len(list))
	for _, e := range list {
		keys[e.ID], _ = e.Name(lang, fallbacks)
	}
	slices.SortStableFunc(list, func(a, b Exhibitor) int {
		if c := cmp(keys[a.ID], keys[b.ID]); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
}

// NameCompare compares names as a reader of lang orders them. A collator
// is not safe for concurrent use, so each call makes its own.
func NameCompare(lang string) func(a, b string) int {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	c := collate.New(tag, collate.IgnoreCase)
	if tag == language.Chinese || strings.HasPrefix(lang, "zh") {
		return func(a, b string) int { return c.CompareString(pinyinReading.Replace(a), pinyinReading.Replace(b)) }
	}
	return c.CompareString
}

// pinyinReading works round CLDR's pinyin order, which files a character
// with several readings under one of them: 沈 as chén, 长 as zhǎng, 重 as
// zhòng, 厦 as shà, 蚌 as bàng. In company names these are nearly always
// the place names below, so a homophone with the right reading stands in.
var pinyinReading = strings.NewReplacer(
	"沈", "审", // shěn: Shenyang, and the surname
	"长春", "常春", "长沙", "常沙", "长城", "常城", "长江", "常江", "长安", "常安", "长白", "常白", "长虹", "常虹",
	"重庆", "崇庆",
	"厦门", "夏门",
	"蚌埠", "泵埠",
)

// InsertExhibitorsIfEmpty writes the demo exhibitors into an empty
// directory.
func (s *Store) InsertExhibitorsIfEmpty(ctx context.Context, rows []ExhibitorInput) error {
	err := s.fillIfEmpty(ctx, "exhibitors", "SELECT 1 FROM exhibitors", func(tx pgx.Tx) error {
		for i, in := range rows {
			if err := in.check(); err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
			if _, err := writeExhibitor(ctx, tx, 0, in, nil, false, false); err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertExhibitorsIfEmpty: %w", err)
	}
	return nil
}
