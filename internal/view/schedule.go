package view

import (
	"strconv"
	"time"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
)

// ScheduleEntry is an event with its times in the site's time zone.
type ScheduleEntry struct {
	store.ScheduleItem
	Start, End time.Time // local
	// EndsAnotherDay: the event runs past midnight, so its end shows its date.
	EndsAnotherDay bool
}

// EndLabel is the event's end: the time, with the date when it is another
// day.
func (e ScheduleEntry) EndLabel(p *i18n.Printer) string {
	if e.EndsAnotherDay {
		return p.DateTime(e.End)
	}
	return e.End.Format("15:04")
}

// ScheduleDay is the events that start on one local date.
type ScheduleDay struct {
	Date    time.Time // local midnight
	Entries []ScheduleEntry
}

// GroupSchedule groups events (in time order) by the local date of their
// start in loc: an event at 00:30 in Shenyang belongs to that day even
// though it is still the day before in UTC.
func GroupSchedule(items []store.ScheduleItem, loc *time.Location) []ScheduleDay {
	var days []ScheduleDay
	for _, it := range items {
		e := ScheduleEntry{ScheduleItem: it, Start: it.StartsAt.In(loc), End: it.EndsAt.In(loc)}
		y, m, d := e.Start.Date()
		date := time.Date(y, m, d, 0, 0, 0, 0, loc)
		// Judged by the event's last moment: an end at midnight exactly
		// still closes the day it started.
		e.EndsAnotherDay = !e.End.Add(-time.Nanosecond).Before(date.AddDate(0, 0, 1))
		if n := len(days); n == 0 || !days[n-1].Date.Equal(date) {
			days = append(days, ScheduleDay{Date: date})
		}
		days[len(days)-1].Entries = append(days[len(days)-1].Entries, e)
	}
	return days
}

// SchedulePage is the public schedule.
type SchedulePage struct {
	*Page
	Days    []ScheduleDay
	ICSHref string // the whole schedule as iCalendar, in the page's language
}

// EventICSHref is the "add to calendar" link of one event.
func (p *SchedulePage) EventICSHref(id int64) string {
	return "/schedule/" + strconv.FormatInt(id, 10) + ".ics?lang=" + p.Lang.Code
}

// ScheduleAdmin is the organisers' list of events.
type ScheduleAdmin struct {
	*Admin
	Days  []ScheduleDay
	Saved bool // an event was just deleted
}

// EventEditor edits one event, every language side by side.
type EventEditor struct {
	*Admin
	ID    int64 // 0 for a new event
	Form  *form.State
	Saved bool
}

// Fields are the editor's inputs in the order shown: the event, then its
// words in each language (the first language's title is required).
func (e *EventEditor) Fields() []form.Field {
	var kinds []form.Option
	for _, k := range store.EventKinds {
		kinds = append(kinds, form.Option{Value: k, Label: e.T("schedule.kind." + k)})
	}
	fs := []form.Field{
		{Name: "kind", Label: e.T("schedule.admin.kind"), Kind: form.Select, Required: true, Options: kinds},
		{Name: "starts_at", Label: e.T("schedule.admin.starts"), Kind: form.DateTime, Required: true, Describes: "tz-hint"},
		{Name: "ends_at", Label: e.T("schedule.admin.ends"), Kind: form.DateTime, Required: true, Describes: "tz-hint"},
	}
	for i, l := range e.Langs {
		fs = append(fs,
			form.Field{Name: "title_" + l.Code, Label: e.T("admin.title_col"), Kind: form.Text, Required: i == 0, Lang: l.Code, MaxLen: form.MaxEventTitle},
			form.Field{Name: "venue_" + l.Code, Label: e.T("schedule.admin.venue"), Kind: form.Text, Lang: l.Code, MaxLen: form.MaxVenue},
			form.Field{Name: "description_" + l.Code, Label: e.T("schedule.admin.description"), Kind: form.TextArea, Rows: 5, Lang: l.Code, MaxLen: form.MaxEventDescription})
	}
	return fs
}

// Field is one of Fields by name.
func (e *EventEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// EventDelete asks before an event is deleted.
type EventDelete struct {
	*Admin
	Event ScheduleEntry
}
