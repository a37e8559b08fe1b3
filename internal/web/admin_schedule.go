package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// listSchedule lists the events by day, in the staff member's language.
func (s *Server) listSchedule(w http.ResponseWriter, r *http.Request) error {
	v := &view.ScheduleAdmin{Admin: s.adminFrame(r, currentUser(r), "schedule.admin.menu"), Saved: r.URL.Query().Get("deleted") == "1"}
	items, err := s.store.Schedule(r.Context(), v.Lang.Code)
	if err != nil {
		return err
	}
	v.Days = view.GroupSchedule(items, v.Loc)
	s.render(w, r, http.StatusOK, adminpages.ScheduleList(v))
	return nil
}

// expoLoc is the expo's time zone, in which staff type the events' times
// (the one the back office frame shows them in).
func (s *Server) expoLoc(r *http.Request) *time.Location {
	site, _, err := s.frame(r.Context(), s.requestLang(r).Code)
	if err != nil {
		return s.location("Asia/Shanghai")
	}
	return s.location(site.TimeZone)
}

func (s *Server) newEvent(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(url.Values{"kind": {"forum"}}), s.eventEditor)
}

func (s *Server) editEvent(w http.ResponseWriter, r *http.Request) error {
	return s.showStored(w, r, s.storedEvent)
}

// storedEvent is the event at the route's id as saved, in its editor.
func (s *Server) storedEvent(r *http.Request) (*form.State, formView, error) {
	e, err := byID(r, s.store.EventForEdit)
	return savedState(form.EventValues(e, s.expoLoc(r)), e.Version), s.eventEditor, err
}

// eventEditor is the editor of the event at the route's id, or of a new one.
func (s *Server) eventEditor(r *http.Request, st *form.State) (templ.Component, error) {
	id, err := optionalID(r)
	if err != nil {
		return nil, err
	}
	v := &view.EventEditor{Admin: s.adminFrame(r, currentUser(r), editorTitle("schedule.admin", id != 0)), ID: id, Form: st,
		Saved: justSaved(r)}
	return adminpages.EventEdit(v), nil
}

// saveEvent creates (no id) or updates an event. Invalid input comes back
// with everything typed and the errors by the fields, and nothing saved;
// so does a save based on an old version, beside what is saved now. The
// public schedule, its calendar files and its feed change at once.
func (s *Server) saveEvent(w http.ResponseWriter, r *http.Request) error {
	return saveEdited(w, r, edit[store.Event]{
		show: s.eventEditor,
		parse: func(v url.Values) (store.Event, form.Errors) {
			return form.ParseEvent(v, s.langCodes(), s.expoLoc(r))
		},
		save: func(st *form.State, id int64, e store.Event) (string, error) {
			e.ID, e.Version = id, st.Version
			saved, err := s.store.SaveEvent(r.Context(), e, currentUser(r).ID)
			return "/admin/schedule/" + strconv.FormatInt(saved.ID, 10), err
		},
		stored: s.storedEvent,
	})
}

// confirmDeleteEvent asks before deleting: a form, so it works without
// JavaScript.
func (s *Server) confirmDeleteEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	v := &view.EventDelete{Admin: s.adminFrame(r, currentUser(r), "schedule.admin.delete_title")}
	it, err := s.store.ScheduleEvent(r.Context(), id, v.Lang.Code)
	if err != nil {
		return err
	}
	v.Event = view.GroupSchedule([]store.ScheduleItem{it}, v.Loc)[0].Entries[0]
	s.render(w, r, http.StatusOK, adminpages.EventDeletePage(v))
	return nil
}

// deleteEvent deletes an event; the feed reports it cancelled.
func (s *Server) deleteEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteEvent(r.Context(), id, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/schedule?deleted=1", http.StatusSeeOther)
	return nil
}
