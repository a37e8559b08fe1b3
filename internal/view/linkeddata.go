package view

import (
	"strconv"
	"time"

	"github.com/expoportal/portal/internal/textwidth"
)

// LinkedData is a page's own data described for search engines: one
// schema.org object (JSON-LD), derived while the page renders.
type LinkedData interface {
	LinkedData() map[string]any
}

// StructuredData is what the page tells search engines: its breadcrumb
// trail (when it has one and an address of its own), then what about
// describes (nil: nothing more).
func (p *Page) StructuredData(about LinkedData) []any {
	var out []any
	if len(p.Crumbs) > 0 && p.Canonical != "" {
		items := []map[string]any{{"@type": "ListItem", "position": 1, "name": p.NavLabel("home", p.Site.ExpoName), "item": p.Origin + p.Href("/")}}
		for i, c := range p.Crumbs {
			item := map[string]any{"@type": "ListItem", "position": i + 2, "name": c.Label, "item": p.Canonical}
			if c.Href != "" {
				item["item"] = p.Origin + c.Href
			}
			items = append(items, item)
		}
		out = append(out, map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
	}
	if about != nil {
		if ld := about.LinkedData(); ld != nil {
			out = append(out, ld)
		}
	}
	return out
}

// exhibitionEvent describes the expo itself.
func (p *Page) exhibitionEvent() map[string]any {
	ev := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "ExhibitionEvent",
		"name":                p.Site.ExpoName,
		"startDate":           p.Local(p.Site.OpensAt).Format(time.RFC3339),
		"endDate":             p.Local(p.Site.ClosesAt).Format(time.RFC3339),
		"eventStatus":         "https://schema.org/EventScheduled",
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"url":                 p.Canonical,
		"inLanguage":          p.Lang.Code,
		"location": map[string]any{
			"@type": "Place", "name": p.Site.Venue,
			"address": map[string]any{"@type": "PostalAddress", "streetAddress": p.Site.Address, "addressLocality": "Shenyang", "addressCountry": "CN"},
		},
	}
	if p.Site.Organisers != "" {
		ev["organizer"] = map[string]any{"@type": "Organization", "name": p.Site.Organisers}
	}
	if p.Description != "" {
		ev["description"] = p.Description
	}
	return ev
}

// LinkedData: the home page is the expo's.
func (h *Home) LinkedData() map[string]any { return h.exhibitionEvent() }

// LinkedData: the schedule is the expo with its events within it.
func (v *SchedulePage) LinkedData() map[string]any {
	ev := v.exhibitionEvent()
	var sub []map[string]any
	for _, d := range v.Days {
		for _, it := range d.Entries {
			if it.Kind == "hours" {
				continue // the exhibition itself, not an event within it
			}
			e := map[string]any{
				"@type": "Event", "name": it.Title,
				"startDate": it.Start.Format(time.RFC3339), "endDate": it.End.Format(time.RFC3339),
				"url": v.Canonical + "#event-" + strconv.FormatInt(it.ID, 10), "inLanguage": it.Lang,
			}
			if it.Venue != "" {
				e["location"] = map[string]any{"@type": "Place", "name": it.Venue, "address": v.Site.Address}
			}
			sub = append(sub, e)
		}
	}
	if len(sub) > 0 {
		ev["subEvent"] = sub
	}
	return ev
}

// LinkedData: an article is a NewsArticle.
func (v *ArticlePage) LinkedData() map[string]any {
	a := v.Article
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         textwidth.Truncate(a.Title, 110),
		"datePublished":    v.Local(a.ReleasedAt).Format("2006-01-02T15:04:05-07:00"),
		"dateModified":     v.Local(a.UpdatedAt).Format("2006-01-02T15:04:05-07:00"),
		"inLanguage":       a.Lang,
		"mainEntityOfPage": v.Canonical,
		"publisher":        map[string]any{"@type": "Organization", "name": v.Site.ExpoName},
	}
	if a.Source != "" {
		ld["author"] = map[string]any{"@type": "Organization", "name": a.Source}
	}
	if a.Cover != nil {
		ld["image"] = []string{v.Origin + a.Cover.URL}
	}
	return ld
}

// LinkedData: an exhibitor is an Organization.
func (v *ExhibitorPage) LinkedData() map[string]any {
	org := map[string]any{"@context": "https://schema.org", "@type": "Organization", "name": v.Name, "url": v.Canonical}
	if v.Website != "" {
		org["sameAs"] = v.Website
	}
	if v.About != "" {
		org["description"] = v.About
	}
	if v.LogoLarge != nil {
		org["logo"] = v.Origin + v.LogoLarge.URL
	}
	return org
}
