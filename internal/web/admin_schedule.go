package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"
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
	id, err := idParam(r)
	if err != nil {
		return err
	}
	e, err := s.store.EventForEdit(r.Context(), id)
	if err != nil {
		return err
	}
	st := form.NewState(form.EventValues(e, s.expoLoc(r)))
	st.Version = e.Version
	return s.showForm(w, r, st, s.eventEditor)
}

// eventEditor is the editor of the event at the route's id, or of a new one.
func (s *Server) eventEditor(r *http.Request, st *form.State) (templ.Component, error) {
	id, title := int64(0), "schedule.admin.new"
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return nil, err
		}
		title = "schedule.admin.edit"
	}
	v := &view.EventEditor{Admin: s.adminFrame(r, currentUser(r), title), ID: id, Form: st,
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	return adminpages.EventEdit(v), nil
}

// saveEvent creates (no id) or updates an event. Invalid input comes back
// with everything typed and the errors by the fields, and nothing saved;
// so does a save based on an old version, beside what is saved now. The
// public schedule, its calendar files and its feed change at once.
func (s *Server) saveEvent(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	var id int64
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
	}
	st := form.Posted(r.PostForm)
	e, errs := form.ParseEvent(r.PostForm, s.langCodes(), s.expoLoc(r))
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.eventEditor)
	}
	e.ID, e.Version = id, st.Version
	saved, err := s.store.SaveEvent(r.Context(), e, currentUser(r).ID)
	if errors.Is(err, store.ErrConflict) {
		now, err := s.store.EventForEdit(r.Context(), id)
		if err != nil {
			return err
		}
		st.Refuse(form.EventValues(now, s.expoLoc(r)), now.Version)
		return staleForm(st, s.eventEditor)
	} else if err != nil {
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
