package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/ical"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

const schedulePath = "/exhibit/schedule"

// scheduleFeed is the language's Atom feed of schedule changes.
func scheduleFeed(lang string) string { return "/feeds/" + lang + "/schedule.atom" }

// showSchedule answers /{lang}/exhibit/schedule: the events grouped by the
// local date they start on, read from the database on every request.
func (s *Server) showSchedule(w http.ResponseWriter, r *http.Request) error {
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, schedulePath, "")
	if err != nil {
		return err
	}
	items, err := s.store.Schedule(r.Context(), lang.Code)
	if err != nil {
		return err
	}
	v := &view.SchedulePage{Page: p, Days: view.GroupSchedule(items, p.Now.Location()), ICSHref: "/schedule.ics?lang=" + lang.Code}
	p.Feeds = []view.Feed{{Title: p.T("schedule.feed_title", p.Site.ExpoName), Href: scheduleFeed(lang.Code)}}
	p.Description = p.T("schedule.calname", p.Site.ExpoName) + " · " + p.DateRange(p.Local(p.Site.OpensAt), p.Local(p.Site.ClosesAt))
	s.render(w, r, http.StatusOK, pages.Schedule(v))
	return nil
}

// icsLang is the ?lang= of a calendar link: the default when absent, an
// unknown one is no such file.
func (s *Server) icsLang(r *http.Request) (i18n.Lang, error) {
	code := r.URL.Query().Get("lang")
	if code == "" {
		return s.cat.Default(), nil
	}
	l, ok := s.cat.Lookup(code)
	if !ok {
		return l, errNotFound
	}
	return l, nil
}

// scheduleICS answers /schedule.ics: the whole schedule as iCalendar.
func (s *Server) scheduleICS(w http.ResponseWriter, r *http.Request) error {
	lang, err := s.icsLang(r)
	if err != nil {
		return err
	}
	items, err := s.store.Schedule(r.Context(), lang.Code)
	if err != nil {
		return err
	}
	return s.writeICS(w, r, lang, items, "schedule-"+lang.Code+".ics")
}

// eventICS answers /schedule/{id}.ics: one event, to add to a calendar.
func (s *Server) eventICS(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	lang, err := s.icsLang(r)
	if err != nil {
		return err
	}
	it, err := s.store.ScheduleEvent(r.Context(), id, lang.Code)
	if err != nil {
		return err
	}
	return s.writeICS(w, r, lang, []store.ScheduleItem{it}, "event-"+strconv.FormatInt(id, 10)+".ics")
}

func (s *Server) writeICS(w http.ResponseWriter, r *http.Request, lang i18n.Lang, items []store.ScheduleItem, filename string) error {
	site, _, err := s.frame(r.Context(), lang.Code)
	if err != nil {
		return err
	}
	p := s.cat.Printer(lang)
	cal := ical.Calendar{ProdID: "-//" + site.ExpoName + "//Exhibition portal//" + strings.ToUpper(lang.Code), Name: p.T("schedule.calname", site.ExpoName)}
	now := s.now()
	for _, it := range items {
		loc := it.Venue
		if site.Venue != "" {
			// A calendar's map link needs the building, not only the room.
			loc = strings.Join(nonEmpty(it.Venue, site.Venue, site.Address), ", ")
		}
		cal.Events = append(cal.Events, ical.Event{
			UID: it.UID, Sequence: it.Sequence, Stamp: now, Start: it.StartsAt, End: it.EndsAt, Modified: it.UpdatedAt,
			Summary: it.Title, Description: it.Description, Location: loc,
			Categories: []string{p.T("schedule.kind." + it.Kind)},
			URL:        s.baseURL + "/" + lang.Code + schedulePath + "#event-" + strconv.FormatInt(it.ID, 10),
		})
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(cal.Encode())
	return nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// showScheduleFeed answers /feeds/{lang}/schedule.atom: the latest 50
// changes, newest first, so exhibitors learn when a time moves.
func (s *Server) showScheduleFeed(w http.ResponseWriter, r *http.Request) error {
	lang, ok := s.cat.Lookup(chi.URLParam(r, "lang"))
	if !ok {
		return errNotFound
	}
	p, err := s.page(r.Context(), lang, schedulePath, "")
	if err != nil {
		return err
	}
	changes, err := s.store.ScheduleChanges(r.Context(), 50)
	if err != nil {
		return err
	}
	self := s.baseURL + r.URL.Path
	page := s.baseURL + "/" + lang.Code + schedulePath
	feed := atomFeed{
		Lang: lang.Code, ID: self, Title: p.T("schedule.feed_title", p.Site.ExpoName),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: page},
		},
		Author:  atomPerson{Name: p.Site.ExpoName},
		Updated: p.Site.OpensAt.UTC().Format(time.RFC3339),
	}
	if len(changes) > 0 {
		feed.Updated = changes[0].ChangedAt.UTC().Format(time.RFC3339)
	}
	when := func(a, b *time.Time) string {
		if a == nil || b == nil {
			return ""
		}
		return timeSpan(p, p.Local(*a), p.Local(*b))
	}
	for _, c := range changes {
		title, in := c.Title(lang.Code)
		var text string
		switch c.What {
		case "moved":
			text = p.T("schedule.change.moved", title, when(c.OldStartsAt, c.OldEndsAt), when(c.NewStartsAt, c.NewEndsAt))
		case "cancelled":
			text = p.T("schedule.change.cancelled", title, when(c.OldStartsAt, c.OldEndsAt))
		default: // added, changed
			text = p.T("schedule.change."+c.What, title, when(c.NewStartsAt, c.NewEndsAt))
		}
		href := page
		if c.What != "cancelled" {
			href += "#event-" + strconv.FormatInt(c.EventID, 10)
		}
		at := c.ChangedAt.UTC().Format(time.RFC3339)
		e := atomEntry{
			// Stable: the change's own number, per language.
			ID: s.baseURL + scheduleFeed(lang.Code) + "#change-" + strconv.FormatInt(c.ID, 10), Title: text,
			Updated: at, Published: at, Link: atomLink{Rel: "alternate", Type: "text/html", Href: href},
		}
		if in != lang.Code {
			e.Lang = in
		}
		feed.Entries = append(feed.Entries, e)
	}
	return writeAtom(w, feed, "no-cache")
}

// timeSpan is a time range in words: its date, then start–end; an end on
// another day carries its date too.
func timeSpan(p interface {
	DateTime(time.Time) string
}, a, b time.Time) string {
	if a.Year() == b.Year() && a.YearDay() == b.YearDay() {
		return p.DateTime(a) + "–" + b.Format("15:04")
	}
	return p.DateTime(a) + " – " + p.DateTime(b)
}
