package web

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/expoportal/portal/internal/store"
)

// frameTables are the tables the page frame is read from: a change to any
// of them drops the frame snapshot (see changes.go).
var frameTables = map[string]bool{
	"languages": true, "site_settings": true, "site_settings_i18n": true, "nav_items": true, "nav_labels": true,
}

// frameSnapshot is what every page's frame needs, per language: the site's
// facts and the menu. Once published it is never changed, so any number of
// requests read it without locks; a change publishes a new one.
type frameSnapshot map[string]frameParts

type frameParts struct {
	site store.Site
	nav  []store.NavItem // shared by every request: read, never written
}

// frames holds the current snapshot. gen counts drops, so a load that
// began before a drop does not publish what it read.
type frames struct {
	mu  sync.Mutex // one publisher at a time
	cur atomic.Pointer[frameSnapshot]
	gen atomic.Uint64
}

// frame is the site and menu in lang, from memory when this instance has
// read them since the last change, else from the database (and kept).
func (s *Server) frame(ctx context.Context, lang string) (store.Site, []store.NavItem, error) {
	if !s.listening.Load() {
		// Nothing would tell this instance of a change: read, don't keep.
		site, err := s.store.Site(ctx, lang)
		if err != nil {
			return site, nil, err
		}
		nav, err := s.store.Nav(ctx, lang)
		return site, nav, err
	}
	if snap := s.frames.cur.Load(); snap != nil {
		if f, ok := (*snap)[lang]; ok {
			return f.site, f.nav, nil
		}
	}
	gen := s.frames.gen.Load()
	site, err := s.store.Site(ctx, lang)
	if err != nil {
		return site, nil, err
	}
	nav, err := s.store.Nav(ctx, lang)
	if err != nil {
		return site, nil, err
	}
	s.frames.mu.Lock()
	defer s.frames.mu.Unlock()
	if s.frames.gen.Load() == gen {
		next := frameSnapshot{}
		if snap := s.frames.cur.Load(); snap != nil {
			for k, v := range *snap {
				next[k] = v
			}
		}
		next[lang] = frameParts{site: site, nav: nav}
		s.frames.cur.Store(&next)
	}
	return site, nav, nil
}

// dropFrame forgets the snapshot; the next page reads the frame afresh.
func (s *Server) dropFrame() {
	s.frames.mu.Lock()
	defer s.frames.mu.Unlock()
	s.frames.gen.Add(1)
	s.frames.cur.Store(nil)
}
