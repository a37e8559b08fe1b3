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
	ID     int64 // 0 for a new event
	Form   form.Event
	Errors form.Errors
	Saved  bool
	Kinds  []string
}

// Err is the translated error of a field, or "".
func (e *EventEditor) Err(field string) string {
	return e.FieldError(e.Errors, field)
}

// EventDelete asks before an event is deleted.
type EventDelete struct {
	*Admin
	Event ScheduleEntry
}
