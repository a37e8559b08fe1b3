package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

// boothsPath is the public hall map, in the exhibition centre section
// though not in its menu (the charges and exhibits pages link to it).
const boothsPath = "/exhibit/booths"

// showBooths is the public hall map: one hall at a time, chosen by ?hall=
// (the first hall without it), the list filtered by ?available=1. Prices
// are today's in the expo's time zone, read on each request like the
// price list. An unknown hall answers 404 with the halls to choose from.
func (s *Server) showBooths(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.page(ctx, s.requestLang(r), boothsPath, "")
	if err != nil {
		return err
	}

	all, inForce, err := s.hallData(ctx, p.Now)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := &view.Booths{Page: p, OnlyAvailable: q.Get("available") == "1"}
	halls := p.Halls.Codes()
	hall := q.Get("hall")
	status := http.StatusOK
	switch {
	case len(halls) == 0:
	case hall == "":
		hall = halls[0]
	case !slices.Contains(halls, hall):
		v.Unknown, hall, status = hall, "", http.StatusNotFound
	}
	link := func(hall string, available bool) string {
		u := url.Values{"hall": {hall}}
		if available {
			u.Set("available", "1")
		}
		return p.Href(boothsPath) + "?" + u.Encode()
	}
	for _, h := range halls {
		v.Tabs = append(v.Tabs, view.HallTab{Hall: h, Label: p.HallName(h), Href: link(h, v.OnlyAvailable), Current: h == hall})
	}
	if hall != "" {
		var booths []store.Booth
		for _, b := range all {
			if b.Hall == hall {
				booths = append(booths, b)
			}
		}
		items := view.NewBoothItems(p.Printer, booths, inForce, func(b store.Booth) string {
			if b.Status != "available" {
				return ""
			}
			return p.Href("/exhibit/apply") + "?" + url.Values{"booth": {b.Number}}.Encode()
		})
		h, _ := p.Halls.Find(hall)
		if !h.Drawn() && len(items) == 0 {
			v.Empty = true
			s.render(w, r, status, pages.Booths(v))
			return nil
		}
		v.Map = view.NewHallMap(p.Printer, h, items, true)
		for _, it := range items {
			v.Total++
			if it.Apply() {
				v.Available++
			}
			if !v.OnlyAvailable || it.Apply() {
				v.List = append(v.List, it)
			}
		}
		v.AllHref, v.AvailableHref = link(hall, false)+"#booth-list", link(hall, true)+"#booth-list"
	}
	s.render(w, r, status, pages.Booths(v))
	return nil
}

// hallData is what a hall map is drawn from besides the halls (the frame
// has them): every booth, and the prices in force on day (which price
// each booth).
func (s *Server) hallData(ctx context.Context, day time.Time) ([]store.Booth, []store.Charge, error) {
	return s.store.HallMap(ctx, day)
}
