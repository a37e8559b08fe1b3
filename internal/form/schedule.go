package form

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Event field limits.
const (
	MaxEventTitle       = maxTitle
	MaxVenue            = 200
	MaxEventDescription = 4000
	// An event longer than this is surely a typo in a date.
	maxEventLength = 31 * 24 * time.Hour
)

// EventValues fills the editor's form from a stored event; the times are
// shown in loc.
func EventValues(e store.Event, loc *time.Location) url.Values {
	v := url.Values{"kind": {e.Kind}}
	if !e.StartsAt.IsZero() {
		v.Set("starts_at", e.StartsAt.In(loc).Format("2006-01-02T15:04"))
		v.Set("ends_at", e.EndsAt.In(loc).Format("2006-01-02T15:04"))
	}
	for l, t := range e.Texts {
		v.Set("title_"+l, t.Title)
		v.Set("venue_"+l, t.Venue)
		v.Set("description_"+l, t.Description)
	}
	return v
}

// ParseEvent checks the editor's form for langs, the first of which is the
// default language; the times are in loc. It wants a known kind; a start
// and an end that parse, the end after the start; a title in the default
// language and in every language with text; nothing too long. Languages
// without a title are left out of the event (and so removed).
func ParseEvent(v url.Values, langs []string, loc *time.Location) (store.Event, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	e := store.Event{Kind: get("kind"), Texts: map[string]store.EventText{}}
	if !slices.Contains(store.EventKinds, e.Kind) {
		errs["kind"] = "schedule.err.kind"
	}
	e.StartsAt, e.EndsAt = parseLocal(get("starts_at"), loc), parseLocal(get("ends_at"), loc)
	if e.StartsAt.IsZero() {
		errs["starts_at"] = "schedule.err.when"
	}
	if e.EndsAt.IsZero() {
		errs["ends_at"] = "schedule.err.when"
	} else if !e.StartsAt.IsZero() {
		if !e.EndsAt.After(e.StartsAt) {
			errs["ends_at"] = "schedule.err.ends_before"
		} else if e.EndsAt.Sub(e.StartsAt) > maxEventLength {
			errs["ends_at"] = "schedule.err.too_long_event"
		}
	}
	for i, l := range langs {
		t := store.EventText{
			Lang:        l,
			Title:       get("title_" + l),
			Description: strings.TrimSpace(strings.ReplaceAll(v.Get("description_"+l), "\r\n", "\n")),
			Venue:       get("venue_" + l),
		}
		if t.Title == "" && (i == 0 || t.Description != "" || t.Venue != "") {
			errs["title_"+l] = "form.title_needed"
			if i == 0 {
				errs["title_"+l] = "schedule.err.title_default"
			}
		}
		for _, f := range []struct {
			name, text string
			max        int
		}{{"title_" + l, t.Title, MaxEventTitle}, {"venue_" + l, t.Venue, MaxVenue}, {"description_" + l, t.Description, MaxEventDescription}} {
			if !utf8.ValidString(f.text) || strings.ContainsRune(f.text, 0) {
				errs[f.name] = "form.bad_text"
			} else if utf8.RuneCountInString(f.text) > f.max {
				errs[f.name] = "form.too_long"
			}
		}
		if t.Title != "" {
			e.Texts[l] = t
		}
	}
	return e, errs
}

// parseLocal reads a datetime-local value (seconds allowed, as some
// browsers send them, and dropped: the editor shows minutes, so an event of
// 09:00:30 to 09:00:45 would reopen as 09:00 to 09:00 and not save again);
// zero when it is not one.
func parseLocal(s string, loc *time.Location) time.Time {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc)
		}
	}
	return time.Time{}
}
