package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
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
// when the form is shown, or of a new one. A chosen logo cannot be kept by
// the browser, so a refused post asks for it again (unless the logo field
// has an error of its own).
func (s *Server) exhibitorEditor(e *store.Exhibitor) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		if e == nil && chi.URLParam(r, "id") != "" {
			got, err := byID(r, s.store.Exhibitor)
			if err != nil {
				return nil, err
			}
			e = &got
		}
		if r.Method == http.MethodPost && logoChosen(r) {
			st.Fail("logo", "exhibitors.admin.logo_again")
		}
		v := &view.ExhibitorEditor{Admin: s.adminFrame(r, currentUser(r), editorTitle("exhibitors.admin", e != nil)), Form: st,
			Saved: justSaved(r)}
		if e != nil {
			v.ID, v.PublicHref = e.ID, "/"+v.Lang.Code+e.Path()
			if e.Logo != nil {
				v.LogoURL = e.Logo.URL
			}
		}
		return adminpages.ExhibitorEdit(v), nil
	}
}

// logoChosen is true when the post sends a logo file.
func logoChosen(r *http.Request) bool {
	return r.MultipartForm != nil && len(r.MultipartForm.File["logo"]) > 0 && r.MultipartForm.File["logo"][0].Size > 0
}

// storedExhibitor is the exhibitor at the route's id as saved, in its editor.
func (s *Server) storedExhibitor(r *http.Request) (*form.State, formView, error) {
	e, err := byID(r, s.store.Exhibitor)
	return savedState(form.ExhibitorValues(e), e.Version), s.exhibitorEditor(&e), err
}

func (s *Server) newExhibitor(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.exhibitorEditor(nil))
}

func (s *Server) editExhibitor(w http.ResponseWriter, r *http.Request) error {
	return s.showStored(w, r, s.storedExhibitor)
}

// saveExhibitor creates (no id) or updates an exhibitor. Invalid input
// comes back (422) with everything typed and the errors by the fields; a
// save based on an old version comes back (409) with what is saved now
// beside it. The public directory shows a save at once.
func (s *Server) saveExhibitor(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, media.MaxImageBytes+(1<<20))
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return clientError(err)
	}
	halls, err := s.halls(r)
	if err != nil {
		return err
	}
	var drop bool
	return saveEdited(w, r, edit[store.ExhibitorInput]{
		show: s.exhibitorEditor(nil),
		parse: func(v url.Values) (store.ExhibitorInput, form.Errors) {
			in, errs := form.ParseExhibitor(v, s.langCodes(), halls.Codes())
			drop = v.Get("remove_logo") != ""
			if _, ok := errs["logo"]; !ok && drop && logoChosen(r) {
				if errs == nil {
					errs = form.Errors{}
				}
				errs["logo"] = "exhibitors.err.logo_and_removal"
			}
			return in, errs
		},
		save: func(st *form.State, id int64, in store.ExhibitorInput) (string, error) {
			// The upload only once the rest is valid: a refused form stores no file.
			var logo *int64
			if data, ok, err := uploaded(r, "logo"); err != nil {
				return "", err
			} else if ok {
				m, err := media.SaveImage(r.Context(), s.store, data)
				if err != nil {
					st.Fail("logo", imageError(err))
					return "", invalidForm(st, s.exhibitorEditor(nil))
				}
				logo = &m.ID
			}
			in.Version = st.Version
			saved, err := s.store.SaveExhibitor(r.Context(), currentUser(r).ID, id, in, logo, drop)
			var dup *store.DuplicateNameError
			if errors.As(err, &dup) {
				st.Fail("name_"+dup.Lang, "exhibitors.err.duplicate")
				return "", invalidForm(st, s.exhibitorEditor(nil))
			}
			return "/admin/exhibitors/" + strconv.FormatInt(saved, 10), err
		},
		stored: s.storedExhibitor,
	})
}

// deleteExhibitor asks first, then deletes.
func (s *Server) deleteExhibitor(w http.ResponseWriter, r *http.Request) error {
	return confirmDelete(s, w, r, s.store.Exhibitor, func(e store.Exhibitor) templ.Component {
		v := &view.ExhibitorDelete{Admin: s.adminFrame(r, currentUser(r), "exhibitors.admin.confirm_title"), ID: e.ID}
		v.Name, _ = e.Name(v.Lang.Code, s.langCodes())
		return adminpages.ExhibitorConfirmDelete(v)
	}, func(ctx context.Context, id, userID int64) error {
		return s.store.DeleteExhibitor(ctx, userID, id)
	}, "/admin/exhibitors?deleted=1")
}
