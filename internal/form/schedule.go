package form

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Event is the schedule editor's form, as typed.
type Event struct {
	Kind         string
	Starts, Ends string // "2006-01-02T15:04", the expo's time zone
	Texts        map[string]store.EventText
	ParsedStart  time.Time
	ParsedEnd    time.Time
}

// Event field limits.
const (
	maxVenue       = 200
	maxDescription = 4000
	// An event longer than this is surely a typo in a date.
	maxEventLength = 31 * 24 * time.Hour
)

// EventValues fills the form from a stored event.
func EventValues(e store.Event, loc *time.Location) Event {
	f := Event{Kind: e.Kind, Texts: map[string]store.EventText{}}
	if !e.StartsAt.IsZero() {
		f.Starts = e.StartsAt.In(loc).Format("2006-01-02T15:04")
		f.Ends = e.EndsAt.In(loc).Format("2006-01-02T15:04")
	}
	for l, t := range e.Texts {
		f.Texts[l] = t
	}
	return f
}

// ParseEvent reads the form for langs; the times are in loc.
func ParseEvent(v url.Values, langs []string, loc *time.Location) Event {
	f := Event{
		Kind:   strings.TrimSpace(v.Get("kind")),
		Starts: strings.TrimSpace(v.Get("starts_at")),
		Ends:   strings.TrimSpace(v.Get("ends_at")),
		Texts:  map[string]store.EventText{},
	}
	for _, l := range langs {
		f.Texts[l] = store.EventText{
			Lang:        l,
			Title:       strings.TrimSpace(v.Get("title_" + l)),
			Description: strings.TrimSpace(strings.ReplaceAll(v.Get("description_"+l), "\r\n", "\n")),
			Venue:       strings.TrimSpace(v.Get("venue_" + l)),
		}
	}
	f.ParsedStart = parseLocal(f.Starts, loc)
	f.ParsedEnd = parseLocal(f.Ends, loc)
	return f
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

// Validate: a known kind; start and end that parse, end after start; a
// title in the default language and in every language with text; nothing
// too long.
func (f Event) Validate(defaultLang string) Errors {
	errs := Errors{}
	if !slices.Contains(store.EventKinds, f.Kind) {
		errs["kind"] = "schedule.err.kind"
	}
	if f.ParsedStart.IsZero() {
		errs["starts_at"] = "schedule.err.when"
	}
	if f.ParsedEnd.IsZero() {
		errs["ends_at"] = "schedule.err.when"
	} else if !f.ParsedStart.IsZero() {
		if !f.ParsedEnd.After(f.ParsedStart) {
			errs["ends_at"] = "schedule.err.ends_before"
		} else if f.ParsedEnd.Sub(f.ParsedStart) > maxEventLength {
			errs["ends_at"] = "schedule.err.too_long_event"
		}
	}
	for l, t := range f.Texts {
		if t.Title == "" && (l == defaultLang || t.Description != "" || t.Venue != "") {
			errs["title_"+l] = "form.title_needed"
			if l == defaultLang {
				errs["title_"+l] = "schedule.err.title_default"
			}
		}
		for field, limit := range map[string]struct {
			text string
			max  int
		}{"title_" + l: {t.Title, maxTitle}, "venue_" + l: {t.Venue, maxVenue}, "description_" + l: {t.Description, maxDescription}} {
			if utf8.RuneCountInString(limit.text) > limit.max {
				errs[field] = "form.too_long"
			}
			if !utf8.ValidString(limit.text) || strings.ContainsRune(limit.text, 0) {
				errs[field] = "form.bad_text"
			}
		}
	}
	if _, ok := f.Texts[defaultLang]; !ok {
		errs["title_"+defaultLang] = "schedule.err.title_default"
	}
	return errs
}

// Apply turns a valid form into the event to save; languages without a
// title are left out (and so removed).
func (f Event) Apply(e store.Event) store.Event {
	e.Kind, e.StartsAt, e.EndsAt = f.Kind, f.ParsedStart, f.ParsedEnd
	e.Texts = map[string]store.EventText{}
	for l, t := range f.Texts {
		if t.Title != "" {
			e.Texts[l] = t
		}
	}
	return e
}
