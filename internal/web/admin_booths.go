package web

import (
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// listBooths is the organisers' hall map: one hall (?hall=, the first
// without it) with its counts, the map whose booths open their editor, and
// the list with the application holding each held booth.
func (s *Server) listBooths(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a := s.adminFrame(r, currentUser(r), "booths.admin.title")
	all, inForce, err := s.hallData(ctx, s.now().In(a.Loc))
	if err != nil {
		return err
	}
	holders, err := s.store.BoothHolders(ctx)
	if err != nil {
		return err
	}
	// Every hall a booth may be put in has a tab, drawn or not yet.
	halls := a.Halls.Codes()
	if len(halls) == 0 {
		http.Redirect(w, r, "/admin/halls", http.StatusSeeOther) // no hall yet: make one first
		return nil
	}
	hall := r.URL.Query().Get("hall")
	if !slices.Contains(halls, hall) {
		hall = halls[0]
	}
	v := &view.BoothsAdmin{Admin: a, Hall: hall, Counts: map[string]int{}, Deleted: r.URL.Query().Get("deleted") == "1"}
	for _, h := range halls {
		v.Tabs = append(v.Tabs, view.HallTab{Hall: h, Label: a.HallName(h), Href: "/admin/booths?hall=" + url.QueryEscape(h), Current: h == hall})
	}
	var booths []store.Booth
	for _, b := range all {
		if b.Hall == hall {
			booths = append(booths, b)
			v.Counts[b.Status]++
		}
	}
	v.Booths = view.NewBoothItems(a.Printer, booths, inForce, func(b store.Booth) string {
		return "/admin/booths/" + strconv.FormatInt(b.ID, 10)
	})
	for i := range v.Booths {
		v.Booths[i].Holder = holders[v.Booths[i].ID]
	}
	h, _ := a.Halls.Find(hall)
	v.Map = view.NewHallMap(a.Printer, h, v.Booths, false)
	s.render(w, r, http.StatusOK, adminpages.BoothsList(v))
	return nil
}

// newBooth is the editor for a new booth, placed from ?hall=&x=&y= when
// given, as a standard 3 m × 3 m booth that is available.
func (s *Server) newBooth(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	values := url.Values{"x": {"0"}, "y": {"0"}, "width": {"3"}, "depth": {"3"}, "type": {"standard"}, "status": {"available"}}
	for _, k := range []string{"hall", "x", "y"} {
		if q.Get(k) != "" {
			values.Set(k, q.Get(k))
		}
	}
	return s.showForm(w, r, form.NewState(values), s.boothEditor(nil, ""))
}

func (s *Server) editBooth(w http.ResponseWriter, r *http.Request) error {
	return s.showStored(w, r, s.storedBooth)
}

// storedBooth is the booth at the route's id as saved, in its editor.
func (s *Server) storedBooth(r *http.Request) (*form.State, formView, error) {
	b, err := byID(r, s.store.Booth)
	return savedState(form.BoothValues(b), b.Version), s.boothEditor(&b, ""), err
}

// boothEditor shows the editor of the booth at the route's id (b when it
// has been read already), or of a new one; other is what a refusal by the
// store names. Whether an application holds the booth is read when the
// form is shown: then its status is shown, not asked.
func (s *Server) boothEditor(b *store.Booth, other string) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v := &view.BoothEditor{Form: st, Other: other, Saved: justSaved(r)}
		id, err := optionalID(r)
		if err != nil {
			return nil, err
		}
		if id != 0 {
			if v.Holder, err = s.store.BoothHolder(r.Context(), id); err != nil {
				return nil, err
			}
			if v.Holder != "" && b == nil {
				got, err := s.store.Booth(r.Context(), id)
				if err != nil {
					return nil, err
				}
				b = &got
			}
			if b != nil {
				v.Status = b.Status
			}
			v.ID = id
		}
		v.Admin = s.adminFrame(r, currentUser(r), editorTitle("booths.admin", id != 0))
		return adminpages.BoothEdit(v), nil
	}
}

// saveBooth creates or updates a booth. Typing errors, a taken number, an
// overlap or a booth past the walls show the form again (422) with what
// was typed and the message by its field; a save based on an old version
// comes back (409) with what is saved now beside it; nothing is saved
// then. A form opened while an application held the booth has no status
// field, and the status stays the application's.
func (s *Server) saveBooth(w http.ResponseWriter, r *http.Request) error {
	halls, err := s.halls(r)
	if err != nil {
		return err
	}
	var keepStatus bool
	return saveEdited(w, r, edit[store.Booth]{
		show: s.boothEditor(nil, ""),
		parse: func(values url.Values) (store.Booth, form.Errors) {
			// The status was shown read-only: the store keeps whatever the
			// application has made it by the time the row is locked.
			if keepStatus = chi.URLParam(r, "id") != "" && !values.Has("status"); keepStatus {
				values = url.Values(maps.Clone(values))
				values.Set("status", store.BoothStatuses[0])
			}
			return form.ParseBooth(values, halls.Codes())
		},
		save: func(st *form.State, id int64, b store.Booth) (string, error) {
			b.ID, b.Version = id, st.Version
			if keepStatus {
				b.Status = ""
			}
			saved, err := s.store.SaveBooth(r.Context(), b, currentUser(r).ID)
			var c *store.BoothConflict
			if errors.As(err, &c) {
				st.Fail(c.Field, "booths.err."+c.Reason)
				return "", invalidForm(st, s.boothEditor(nil, c.Other))
			}
			return "/admin/booths/" + strconv.FormatInt(saved, 10), err
		},
		stored: s.storedBooth,
	})
}

// deleteBooth asks first: without confirm=yes it shows what would go and a
// button that posts again with it. A booth an application holds cannot go:
// the page says which application (409).
func (s *Server) deleteBooth(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	id, err := idParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	b, err := s.store.Booth(ctx, id)
	if err != nil {
		return err
	}
	v := &view.BoothEditor{Admin: s.adminFrame(r, currentUser(r), "booths.admin.delete_title"), ID: id, Number: b.Number}
	holder, err := s.store.BoothHolder(ctx, id)
	if err != nil {
		return err
	}
	if holder == "" && r.PostForm.Get("confirm") != "yes" {
		s.render(w, r, http.StatusOK, adminpages.BoothDelete(v))
		return nil
	}
	if holder == "" {
		err = s.store.DeleteBooth(ctx, id, currentUser(r).ID)
		var c *store.BoothConflict
		if errors.As(err, &c) {
			holder = c.Other
		} else if err != nil {
			return err
		}
	}
	if holder != "" {
		v.Refused = v.T("booths.admin.delete_held", b.Number, holder)
		return takenForm(form.NewState(nil), shown(adminpages.BoothDelete(v)))
	}
	http.Redirect(w, r, "/admin/booths?deleted=1&hall="+url.QueryEscape(b.Hall), http.StatusSeeOther)
	return nil
}
