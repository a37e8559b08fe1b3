// Package view holds what every page template needs besides its own data:
// the language, the site's facts, the menu, the breadcrumb trail.
package view

import (
	"strconv"
	"time"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/static"
)

// Page is the frame around a page's content.
type Page struct {
	*i18n.Printer
	Alternates  []Alternate // the same page in every language, this one included
	Path        string      // after /{lang}; "" on pages with no language twin
	Title       string      // the page's own title; the site name is added to <title>
	Description string
	Canonical   string // absolute URL
	Site        store.Site
	Nav         []store.NavItem
	Section     *store.NavItem // the menu section the page is in, for its side menu
	Crumbs      []Crumb        // after Home; the last is the page itself
	Assets      *static.Assets
	Now         time.Time // in the site's time zone
	Visitors    int64     // the counter: the site's starting count plus those counted
	Origin      string    // the site's public origin ("https://expo.example.org"), for absolute URLs
	Feeds       []Feed
	// OGType and OGImage describe the page to link previews (og:type
	// "website" when empty; OGImage absolute).
	OGType, OGImage string
	Halls           store.Halls // every hall in order, for their names
	// Look is the home page's banner, figures and logos and the footer's
	// WeChat QR code, from the frame snapshot.
	Look store.HomeLook
}

// HallName is a hall's name in the page's language.
func (p *Page) HallName(code string) string { return p.Halls.Name(code, p.Lang.Code) }

// Alternate is the page in one language.
type Alternate struct {
	Lang    i18n.Lang
	Href    string // site-relative, for the language switch
	URL     string // absolute, for hreflang; empty when the page has no twin
	Current bool
}

// Crumb is one step of the breadcrumb trail; the current page has no Href.
type Crumb struct {
	Label, Href string
}

// NavLabel is the menu's label for the item with key ("home", "news"), or
// fallback when the menu has none.
func (p *Page) NavLabel(key, fallback string) string {
	for _, n := range p.Nav {
		if n.Key == key {
			return n.Label
		}
	}
	return fallback
}

// Href is a site path in the page's language.
func (p *Page) Href(path string) string { return "/" + p.Lang.Code + path }

// Asset is the content-hashed URL of a static file.
func (p *Page) Asset(name string) string { return p.Assets.URL(name) }

// FullTitle is the <title>: the page's title, then the expo's name.
func (p *Page) FullTitle() string {
	if p.Title == "" || p.Title == p.Site.ExpoName {
		return p.Site.ExpoName
	}
	return p.Title + " | " + p.Site.ExpoName
}

// Current reports whether href (a site path) is this page, for aria-current.
func (p *Page) Current(href string) bool { return href == p.Path }

// InSection reports whether the menu section holds this page.
func (p *Page) InSection(section store.NavItem) bool {
	if p.Section != nil && p.Section.Key == section.Key {
		return true
	}
	return section.Key == "home" && p.Path == "/"
}

// Local converts t to the site's time zone.
func (p *Page) Local(t time.Time) time.Time { return t.In(p.Now.Location()) }

// Locale is the Open Graph locale of the page's language.
func (p *Page) Locale() string {
	switch p.Lang.Code {
	case "zh":
		return "zh_CN"
	case "en":
		return "en_GB"
	}
	return p.Lang.Code
}

// Copyright is the footer's line: the years from the site's first to this
// one (not through the printer, which would group a year's digits) and the
// expo's name.
func (p *Page) Copyright() string {
	return p.T("footer.copyright", strconv.Itoa(p.Site.CopyrightSince), strconv.Itoa(p.Now.Year()), p.Site.ExpoName)
}

// fieldNamed finds a form's field by name; a template asking for a field
// its view does not describe is a bug, which the page tests meet at once.
func fieldNamed(fs []form.Field, name string) form.Field {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	panic("view: no form field " + name)
}
