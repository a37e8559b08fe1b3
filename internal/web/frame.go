package web

import (
	"context"

	"github.com/expoportal/portal/internal/store"
)

// frameTables are the tables the page frame is read from: a change to any
// of them drops the frame snapshot (see changes.go).
var frameTables = map[string]bool{
	"languages": true, "site_settings": true, "site_settings_i18n": true, "nav_items": true, "nav_labels": true,
	"halls": true, "hall_names": true, "hall_doors": true,
	"home_look": true, "home_figures": true, "home_logos": true,
}

// frameParts is what every page's frame needs in one language: the site's
// facts and the menu, and the halls (site-wide, few, and named on many
// pages: the hall map, the directory, exhibitor pages, the application).
// Kept parts are shared by every request: read, never written.
type frameParts struct {
	site  store.Site
	nav   []store.NavItem
	halls store.Halls
	// look is the home page's banner, figures and logos and the footer's
	// QR code: kept here so that no page reads them itself.
	look store.HomeLook
}

// frameOf is the frame's parts in lang, from memory when this instance
// has read them since the last change, else from the database (and kept).
func (s *Server) frameOf(ctx context.Context, lang string) (frameParts, error) {
	load := func() (frameParts, error) {
		site, err := s.store.Site(ctx, lang)
		if err != nil {
			return frameParts{}, err
		}
		nav, err := s.store.Nav(ctx, lang)
		if err != nil {
			return frameParts{}, err
		}
		halls, err := s.store.Halls(ctx)
		if err != nil {
			return frameParts{}, err
		}
		look, err := s.store.HomeLook(ctx, lang)
		return frameParts{site, nav, halls, look}, err
	}
	var f frameParts
	var err error
	if s.listening.Load() {
		f, err = s.frames.get(lang, load)
	} else {
		f, err = load() // nothing would tell this instance of a change: read, don't keep
	}
	return f, err
}

// frame is the site and menu in lang, from memory when this instance has
// read them since the last change, else from the database (and kept).
func (s *Server) frame(ctx context.Context, lang string) (store.Site, []store.NavItem, error) {
	f, err := s.frameOf(ctx, lang)
	return f.site, f.nav, err
}

// dropFrame forgets the snapshot; the next page reads the frame afresh.
func (s *Server) dropFrame() { s.frames.drop() }
