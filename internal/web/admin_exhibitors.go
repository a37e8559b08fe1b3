package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// listAdminExhibitors lists the exhibitors by name in the staff member's
// language, with a search box.
func (s *Server) listAdminExhibitors(w http.ResponseWriter, r *http.Request) error {
	v := &view.ExhibitorsAdmin{Admin: s.adminFrame(r, currentUser(r), "exhibitors.admin.menu"),
		Q: cleanQuery(r.URL.Query().Get("q")), Deleted: r.URL.Query().Get("deleted") == "1"}
	if q := r.URL.Query(); q.Has("created") {
		for _, k := range []string{"created", "updated", "skipped"} {
			n, _ := strconv.ParseInt(q.Get(k), 10, 64)
			v.Imported = append(v.Imported, n)
		}
	}
	list, err := s.store.Exhibitors(r.Context(), store.ExhibitorFilter{Q: v.Q})
	if err != nil {
		return err
	}
	langs := s.langCodes()
	store.SortExhibitors(list, v.Lang.Code, langs)
	for _, e := range list {
		v.Items = append(v.Items, exhibitorItem(e, v.Lang.Code, langs, "/admin/exhibitors/"+strconv.FormatInt(e.ID, 10)))
	}
	s.render(w, r, http.StatusOK, adminpages.ExhibitorsList(v))
	return nil
}

// exhibitorEditor shows the editor of e (its logo and public page beside
// the form), or, with e nil, of the exhibitor at the route's id, read only
// when the form is shown, or of a new one.
func (s *Server) exhibitorEditor(e *store.Exhibitor) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		if e == nil && chi.URLParam(r, "id") != "" {
			got, err := s.exhibitorFromURL(r)
			if err != nil {
				return nil, err
			}
			e = &got
		}
		title := "exhibitors.admin.new"
		if e != nil {
			title = "exhibitors.admin.edit"
		}
		v := &view.ExhibitorEditor{Admin: s.adminFrame(r, currentUser(r), title), Form: st,
			Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
		if e != nil {
			v.ID, v.PublicHref = e.ID, "/"+v.Lang.Code+e.Path()
			if e.Logo != nil {
				v.LogoURL = e.Logo.URL
			}
		}
		return adminpages.ExhibitorEdit(v), nil
	}
}

// exhibitorFromURL loads the exhibitor named by {id}.
func (s *Server) exhibitorFromURL(r *http.Request) (store.Exhibitor, error) {
	id, err := idParam(r)
	if err != nil {
		return store.Exhibitor{}, err
	}
	return s.store.Exhibitor(r.Context(), id)
}

func (s *Server) newExhibitor(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.exhibitorEditor(nil))
}

func (s *Server) editExhibitor(w http.ResponseWriter, r *http.Request) error {
	e, err := s.exhibitorFromURL(r)
	if err != nil {
		return err
	}
	st := form.NewState(form.ExhibitorValues(e))
	st.Version = e.Version
	return s.showForm(w, r, st, s.exhibitorEditor(&e))
}

// saveExhibitor creates (no id) or updates an exhibitor. Invalid input
// comes back (422) with everything typed and the errors by the fields; a
// save based on an old version comes back (409) with what is saved now
// beside it. A chosen logo cannot be kept by the browser, so a refused
// form asks for it again. The public directory shows a save at once.
func (s *Server) saveExhibitor(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, media.MaxImageBytes+(1<<20))
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return clientError(err)
	}
	if r.PostForm == nil {
		if err := r.ParseForm(); err != nil {
			return clientError(err)
		}
	}
	var id int64
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
	}
	st := form.Posted(r.PostForm)
	halls, err := s.halls(r)
	if err != nil {
		return err
	}
	in, errs := form.ParseExhibitor(r.PostForm, s.langCodes(), halls.Codes())
	st.Errors = errs
	drop := r.PostForm.Get("remove_logo") != ""
	chosen := r.MultipartForm != nil && len(r.MultipartForm.File["logo"]) > 0 && r.MultipartForm.File["logo"][0].Size > 0
	if chosen && drop {
		st.Fail("logo", "exhibitors.err.logo_and_removal")
	}
	// A refused form stores no file, and the browser cannot send it back:
	// the field asks for it again unless it has its own error.
	again := func() {
		if chosen {
			st.Fail("logo", "exhibitors.admin.logo_again")
		}
	}
	if st.Invalid() {
		again()
		return invalidForm(st, s.exhibitorEditor(nil))
	}
	// The upload only once the rest is valid: a refused form stores no file.
	var logo *int64
	if data, ok, err := uploaded(r, "logo"); err != nil {
		return err
	} else if ok {
		m, err := media.SaveImage(r.Context(), s.store, data)
		if err != nil {
			st.Fail("logo", imageError(err))
			return invalidForm(st, s.exhibitorEditor(nil))
		}
		logo = &m.ID
	}
	in.Version = st.Version
	id, err = s.store.SaveExhibitor(r.Context(), currentUser(r).ID, id, in, logo, drop)
	var dup *store.DuplicateNameError
	if errors.As(err, &dup) {
		st.Fail("name_"+dup.Lang, "exhibitors.err.duplicate")
		again()
		return invalidForm(st, s.exhibitorEditor(nil))
	} else if errors.Is(err, store.ErrConflict) {
		now, err := s.exhibitorFromURL(r)
		if err != nil {
			return err
		}
		st.Refuse(form.ExhibitorValues(now), now.Version)
		again()
		return staleForm(st, s.exhibitorEditor(&now))
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/exhibitors/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// deleteExhibitor asks first (a page with a second form, no script
// needed), and deletes when that form confirms.
func (s *Server) deleteExhibitor(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	e, err := s.exhibitorFromURL(r)
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "yes" {
		v := &view.ExhibitorDelete{Admin: s.adminFrame(r, currentUser(r), "exhibitors.admin.confirm_title"), ID: e.ID}
		v.Name, _ = e.Name(v.Lang.Code, s.langCodes())
		s.render(w, r, http.StatusOK, adminpages.ExhibitorConfirmDelete(v))
		return nil
	}
	if err := s.store.DeleteExhibitor(r.Context(), currentUser(r).ID, e.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/exhibitors?deleted=1", http.StatusSeeOther)
	return nil
}
