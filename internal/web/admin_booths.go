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
	id, err := idParam(r)
	if err != nil {
		return err
	}
	b, err := s.store.Booth(r.Context(), id)
	if err != nil {
		return err
	}
	st := form.NewState(form.BoothValues(b))
	st.Version = b.Version
	return s.showForm(w, r, st, s.boothEditor(&b, ""))
}

// boothEditor shows the editor of the booth at the route's id (b when it
// has been read already), or of a new one; other is what a refusal by the
// store names. Whether an application holds the booth is read when the
// form is shown: then its status is shown, not asked.
func (s *Server) boothEditor(b *store.Booth, other string) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v := &view.BoothEditor{Form: st, Other: other, Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
		title := "booths.admin.new"
		if chi.URLParam(r, "id") != "" {
			id, err := idParam(r)
			if err != nil {
				return nil, err
			}
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
			v.ID, title = id, "booths.admin.edit"
		}
		v.Admin = s.adminFrame(r, currentUser(r), title)
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
	values := r.PostForm
	// The status was shown read-only: the store keeps whatever the
	// application has made it by the time the row is locked.
	keepStatus := id != 0 && !values.Has("status")
	if keepStatus {
		values = url.Values(maps.Clone(values))
		values.Set("status", store.BoothStatuses[0])
	}
	halls, err := s.halls(r)
	if err != nil {
		return err
	}
	b, errs := form.ParseBooth(values, halls.Codes())
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.boothEditor(nil, ""))
	}
	b.ID, b.Version = id, st.Version
	if keepStatus {
		b.Status = ""
	}
	saved, err := s.store.SaveBooth(r.Context(), b, currentUser(r).ID)
	var c *store.BoothConflict
	if errors.As(err, &c) {
		st.Fail(c.Field, "booths.err."+c.Reason)
		return invalidForm(st, s.boothEditor(nil, c.Other))
	} else if errors.Is(err, store.ErrConflict) {
		now, err := s.store.Booth(r.Context(), id)
		if err != nil {
			return err
		}
		st.Refuse(form.BoothValues(now), now.Version)
		return staleForm(st, s.boothEditor(&now, ""))
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/booths/"+strconv.FormatInt(saved, 10)+"?saved=1", http.StatusSeeOther)
	return nil
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
