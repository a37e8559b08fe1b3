package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/paths"
)

// Picture is a stored image and its renditions, for a <picture>'s srcset.
type Picture struct {
	ID       int64
	Original PictureFile
	// Sizes are the renditions (JPEG), narrowest first; an image smaller
	// than a rendition's width has none of that name.
	Sizes []PictureFile
}

// PictureFile is one encoded file of a picture.
type PictureFile struct {
	URL           string
	Width, Height int
	Rendition     string // "" for the original
}

// Widest is the widest file at most maxW wide (the narrowest when none is),
// for an <img>'s src beside its srcset.
func (p Picture) Widest(maxW int) PictureFile {
	best := p.Original
	all := append(slices.Clone(p.Sizes), p.Original)
	for _, f := range all {
		if f.Width <= maxW && (best.Width > maxW || f.Width > best.Width) {
			best = f
		}
	}
	return best
}

// Figure is one headline figure in one language: 1,200 exhibitors.
type Figure struct {
	Value  int64
	Suffix string // "+", "m²": after the number, in every language
	Label  string
}

// Logo is one partner's or organiser's logo in the home page's strip.
type Logo struct {
	Name, Link string
	Picture    Picture
}

// HomeLook is how the home page looks, in one language: read with the
// frame snapshot, so no page asks the database for it.
type HomeLook struct {
	Banner         *Picture
	FocalX, FocalY int // the banner's focal point, in percent
	BannerAlt      string
	// BannerDemo says the banner is the demo's: the launch checklist asks
	// for a real one.
	BannerDemo bool
	WeChat     *Picture
	Figures    []Figure
	Logos      []Logo
}

// HomeLook reads the home page's look with words in lang (or another
// language's when lang has none).
func (s *Store) HomeLook(ctx context.Context, lang string) (HomeLook, error) {
	e, err := homeLookForEdit(ctx, s.pool, "")
	if errors.Is(err, ErrNotFound) {
		return HomeLook{}, nil // no look set: every page still shows (migration 0033 writes the row)
	} else if err != nil {
		return HomeLook{}, fmt.Errorf("Store.HomeLook: %w", err)
	}
	ids := []int64{}
	for _, id := range []*int64{e.BannerID, e.WeChatID} {
		if id != nil {
			ids = append(ids, *id)
		}
	}
	for _, l := range e.Logos {
		ids = append(ids, l.MediaID)
	}
	pics, err := s.Pictures(ctx, ids)
	if err != nil {
		return HomeLook{}, fmt.Errorf("Store.HomeLook: %w", err)
	}
	look := HomeLook{FocalX: e.FocalX, FocalY: e.FocalY, BannerAlt: inLang(e.BannerAlt, lang), BannerDemo: e.BannerDemo}
	if p, ok := pics[deref(e.BannerID)]; ok {
		look.Banner = &p
	}
	if p, ok := pics[deref(e.WeChatID)]; ok {
		look.WeChat = &p
	}
	for _, f := range e.Figures {
		look.Figures = append(look.Figures, Figure{Value: f.Value, Suffix: f.Suffix, Label: inLang(f.Labels, lang)})
	}
	for _, l := range e.Logos {
		if p, ok := pics[l.MediaID]; ok {
			look.Logos = append(look.Logos, Logo{Name: l.Name, Link: l.Link, Picture: p})
		}
	}
	return look, nil
}

func deref(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// inLang is words[lang], or else the first language's words that are set
// (by language code, so the choice is stable).
func inLang(words map[string]string, lang string) string {
	if w := words[lang]; w != "" {
		return w
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if words[k] != "" {
			return words[k]
		}
	}
	return ""
}

// Pictures reads images and their renditions by the originals' ids, in one
// query; an id that is not an image is left out.
func (s *Store) Pictures(ctx context.Context, ids []int64) (map[int64]Picture, error) {
	out := map[int64]Picture{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, _ := s.pool.Query(ctx, `-- Store.Pictures
		SELECT coalesce(parent_id, id), hash, content_type, width, height, rendition
		FROM media WHERE kind = 'image' AND width IS NOT NULL AND (id = ANY ($1) OR parent_id = ANY ($1))
		ORDER BY coalesce(parent_id, id), width`, ids)
	var id int64
	var hash, ct, rendition string
	var w, h int
	_, err := pgx.ForEachRow(rows, []any{&id, &hash, &ct, &w, &h, &rendition}, func() error {
		p := out[id]
		p.ID = id
		f := PictureFile{URL: paths.Media(hash, ct), Width: w, Height: h, Rendition: rendition}
		if rendition == "" {
			p.Original = f
		} else {
			p.Sizes = append(p.Sizes, f)
		}
		out[id] = p
		return nil
	})
	for id, p := range out {
		if p.Original.URL == "" { // a rendition asked for by its own id
			delete(out, id)
		}
	}
	return out, err
}

// LookEdit is the home page's look as the editor shows and saves it, every
// language's words included.
type LookEdit struct {
	BannerID       *int64
	FocalX, FocalY int
	BannerAlt      map[string]string // by language
	BannerDemo     bool
	WeChatID       *int64
	Figures        []FigureEdit // in the order shown
	Logos          []LogoEdit   // in the order shown
	Version        int
}

// FigureEdit is a headline figure with its labels by language; ID is 0 for
// a new one.
type FigureEdit struct {
	ID     int64
	Value  int64
	Suffix string
	Labels map[string]string
}

// LogoEdit is a logo of the strip; ID is 0 for a new one.
type LogoEdit struct {
	ID         int64
	MediaID    int64
	Name, Link string
}

// HomeLookForEdit reads the look for its editor.
func (s *Store) HomeLookForEdit(ctx context.Context) (LookEdit, error) {
	e, err := homeLookForEdit(ctx, s.pool, "")
	if err != nil {
		return e, fmt.Errorf("Store.HomeLookForEdit: %w", err)
	}
	return e, nil
}

func homeLookForEdit(ctx context.Context, q querier, lock string) (LookEdit, error) {
	e := LookEdit{BannerAlt: map[string]string{}}
	err := q.QueryRow(ctx, `SELECT banner_id, focal_x, focal_y, banner_alt, wechat_id, version,
		EXISTS (SELECT 1 FROM demo_rows d WHERE d.tbl = 'media' AND d.id = banner_id)
		FROM home_look `+lock+` -- Store.HomeLookForEdit`).Scan(&e.BannerID, &e.FocalX, &e.FocalY, &e.BannerAlt, &e.WeChatID, &e.Version, &e.BannerDemo)
	if errors.Is(err, pgx.ErrNoRows) {
		return e, ErrNotFound
	} else if err != nil {
		return e, err
	}
	rows, _ := q.Query(ctx, "SELECT id, value, suffix, labels FROM home_figures ORDER BY position, id -- Store.HomeLookForEdit")
	var f FigureEdit
	if _, err := pgx.ForEachRow(rows, []any{&f.ID, &f.Value, &f.Suffix, &f.Labels}, func() error {
		e.Figures = append(e.Figures, f)
		f.Labels = nil // a fresh map for the next row
		return nil
	}); err != nil {
		return e, err
	}
	rows, _ = q.Query(ctx, "SELECT id, media_id, name, link FROM home_logos ORDER BY position, id -- Store.HomeLookForEdit")
	var l LogoEdit
	_, err = pgx.ForEachRow(rows, []any{&l.ID, &l.MediaID, &l.Name, &l.Link}, func() error {
		e.Logos = append(e.Logos, l)
		return nil
	})
	return e, err
}

// SaveHomeLook writes the look, its figures and logos and an audit entry in
// one transaction. Rows left out are deleted; a row is rewritten (and its
// updated_at moved) only when it changed, so the demo's rows nobody touched
// stay the demo's. A save based on another version than e.Version writes
// nothing and returns ErrConflict.
func (s *Store) SaveHomeLook(ctx context.Context, e LookEdit, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		before, err := homeLookForEdit(ctx, tx, "FOR UPDATE")
		if err != nil {
			return err
		}
		if before.Version != e.Version {
			return ErrConflict
		}
		if _, err := tx.Exec(ctx, `UPDATE home_look SET banner_id = $1, focal_x = $2, focal_y = $3, banner_alt = $4,
			wechat_id = $5, version = version + 1, updated_at = now() -- Store.SaveHomeLook`,
			e.BannerID, e.FocalX, e.FocalY, e.BannerAlt, e.WeChatID); err != nil {
			return err
		}
		var parts []string
		if deref(before.BannerID) != deref(e.BannerID) {
			parts = append(parts, "banner")
		}
		if deref(before.WeChatID) != deref(e.WeChatID) {
			parts = append(parts, "wechat")
		}
		keep := map[int64]bool{}
		old := map[int64]FigureEdit{}
		for _, f := range before.Figures {
			old[f.ID] = f
		}
		for i, f := range e.Figures {
			was, ok := old[f.ID]
			switch {
			case f.ID == 0 || !ok:
				if _, err := tx.Exec(ctx, `INSERT INTO home_figures (position, value, suffix, labels) VALUES ($1, $2, $3, $4) -- Store.SaveHomeLook`,
					i, f.Value, f.Suffix, f.Labels); err != nil {
					return err
				}
				parts = append(parts, "figure added")
				continue
			case was.Value != f.Value || was.Suffix != f.Suffix || fmt.Sprint(was.Labels) != fmt.Sprint(f.Labels) || positionOf(before.Figures, f.ID) != i:
				if _, err := tx.Exec(ctx, `UPDATE home_figures SET position = $2, value = $3, suffix = $4, labels = $5, updated_at = now()
					WHERE id = $1 -- Store.SaveHomeLook`, f.ID, i, f.Value, f.Suffix, f.Labels); err != nil {
					return err
				}
				parts = append(parts, "figure changed")
			}
			keep[f.ID] = true
		}
		for _, f := range before.Figures {
			if !keep[f.ID] {
				if _, err := tx.Exec(ctx, "DELETE FROM home_figures WHERE id = $1 -- Store.SaveHomeLook", f.ID); err != nil {
					return err
				}
				parts = append(parts, "figure removed")
			}
		}
		oldLogos := map[int64]LogoEdit{}
		for _, l := range before.Logos {
			oldLogos[l.ID] = l
		}
		for i, l := range e.Logos {
			was, ok := oldLogos[l.ID]
			switch {
			case l.ID == 0 || !ok:
				if _, err := tx.Exec(ctx, `INSERT INTO home_logos (position, media_id, name, link) VALUES ($1, $2, $3, $4) -- Store.SaveHomeLook`,
					i, l.MediaID, l.Name, l.Link); err != nil {
					return err
				}
				parts = append(parts, "logo added")
				continue
			case was != l || logoPosition(before.Logos, l.ID) != i:
				if _, err := tx.Exec(ctx, `UPDATE home_logos SET position = $2, media_id = $3, name = $4, link = $5, updated_at = now()
					WHERE id = $1 -- Store.SaveHomeLook`, l.ID, i, l.MediaID, l.Name, l.Link); err != nil {
					return err
				}
				parts = append(parts, "logo changed")
			}
			keep[-l.ID] = true // logo ids apart from figure ids
		}
		for _, l := range before.Logos {
			if !keep[-l.ID] {
				if _, err := tx.Exec(ctx, "DELETE FROM home_logos WHERE id = $1 -- Store.SaveHomeLook", l.ID); err != nil {
					return err
				}
				parts = append(parts, "logo removed")
			}
		}
		summary := "look"
		if len(parts) > 0 {
			summary = strings.Join(parts, "; ")
		}
		return auditTx(ctx, tx, userID, "settings.home", "home", summary)
	})
	if err != nil {
		return fmt.Errorf("Store.SaveHomeLook: %w", err)
	}
	return nil
}

func positionOf(list []FigureEdit, id int64) int {
	return slices.IndexFunc(list, func(f FigureEdit) bool { return f.ID == id })
}

func logoPosition(list []LogoEdit, id int64) int {
	return slices.IndexFunc(list, func(l LogoEdit) bool { return l.ID == id })
}

// SetDemoLook gives the home page the demo's banner, figures and logos
// where none are set: it never replaces what staff chose.
func (s *Store) SetDemoLook(ctx context.Context, bannerID int64, focalX, focalY int, alt map[string]string,
	wechatID int64, figures []FigureEdit, logos []LogoEdit) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE home_look SET banner_id = $1, focal_x = $2, focal_y = $3, banner_alt = $4
			WHERE banner_id IS NULL -- Store.SetDemoLook`, bannerID, focalX, focalY, alt); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE home_look SET wechat_id = $1 WHERE wechat_id IS NULL -- Store.SetDemoLook`, wechatID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, "SELECT (SELECT count(*) FROM home_figures) + (SELECT count(*) FROM home_logos) -- Store.SetDemoLook").Scan(&n); err != nil || n > 0 {
			return err
		}
		for i, f := range figures {
			if _, err := tx.Exec(ctx, `INSERT INTO home_figures (position, value, suffix, labels) VALUES ($1, $2, $3, $4) -- Store.SetDemoLook`,
				i, f.Value, f.Suffix, f.Labels); err != nil {
				return err
			}
		}
		for i, l := range logos {
			if _, err := tx.Exec(ctx, `INSERT INTO home_logos (position, media_id, name, link) VALUES ($1, $2, $3, $4) -- Store.SetDemoLook`,
				i, l.MediaID, l.Name, l.Link); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.SetDemoLook: %w", err)
	}
	return nil
}
