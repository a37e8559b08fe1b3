package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

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

func (s *Server) eventEditor(r *http.Request, e store.Event) *view.EventEditor {
	titleKey := "schedule.admin.edit"
	if e.ID == 0 {
		titleKey = "schedule.admin.new"
	}
	v := &view.EventEditor{Admin: s.adminFrame(r, currentUser(r), titleKey), ID: e.ID, Kinds: store.EventKinds}
	v.Form = form.EventValues(e, v.Loc)
	return v
}

func (s *Server) newEvent(w http.ResponseWriter, r *http.Request) error {
	v := s.eventEditor(r, store.Event{Kind: "forum"})
	s.render(w, r, http.StatusOK, adminpages.EventEdit(v))
	return nil
}

func (s *Server) editEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	e, err := s.store.EventForEdit(r.Context(), id)
	if err != nil {
		return err
	}
	v := s.eventEditor(r, e)
	v.Saved = r.URL.Query().Get("saved") == "1"
	s.render(w, r, http.StatusOK, adminpages.EventEdit(v))
	return nil
}

// saveEvent creates (no id) or updates an event. Invalid input comes back
// with everything typed and the errors by the fields, and nothing saved;
// the public schedule, its calendar files and its feed change at once.
func (s *Server) saveEvent(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	current := store.Event{}
	if chi.URLParam(r, "id") != "" {
		id, err := idParam(r)
		if err != nil {
			return err
		}
		if current, err = s.store.EventForEdit(r.Context(), id); err != nil {
			return err
		}
	}
	v := s.eventEditor(r, current)
	v.Form = form.ParseEvent(r.PostForm, s.langCodes(), v.Loc)
	if v.Errors = v.Form.Validate(s.cat.Default().Code); len(v.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.EventEdit(v))
		return nil
	}
	saved, err := s.store.SaveEvent(r.Context(), v.Form.Apply(current), currentUser(r).ID)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/schedule/"+strconv.FormatInt(saved.ID, 10)+"?saved=1", http.StatusSeeOther)
	return nil
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
