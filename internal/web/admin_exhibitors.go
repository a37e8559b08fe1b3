package web

import (
	"errors"
	"net/http"
	"strconv"

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

// exhibitorEditor is the editor filled with e as stored.
func (s *Server) exhibitorEditor(r *http.Request, e store.Exhibitor) *view.ExhibitorEditor {
	title := "exhibitors.admin.edit"
	if e.ID == 0 {
		title = "exhibitors.admin.new"
	}
	v := &view.ExhibitorEditor{Admin: s.adminFrame(r, currentUser(r), title), ID: e.ID, Form: form.ExhibitorFrom(e),
		Categories: store.ExhibitorCategories, Halls: store.ExhibitorHalls}
	if e.Logo != nil {
		v.LogoURL = e.Logo.URL
	}
	if e.ID != 0 {
		v.PublicHref = "/" + v.Lang.Code + e.Path()
	}
	return v
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
	s.render(w, r, http.StatusOK, adminpages.ExhibitorEdit(s.exhibitorEditor(r, store.Exhibitor{})))
	return nil
}

func (s *Server) editExhibitor(w http.ResponseWriter, r *http.Request) error {
	e, err := s.exhibitorFromURL(r)
	if err != nil {
		return err
	}
	v := s.exhibitorEditor(r, e)
	v.Saved = r.URL.Query().Get("saved") == "1"
	s.render(w, r, http.StatusOK, adminpages.ExhibitorEdit(v))
	return nil
}

// saveExhibitor creates (no id) or updates an exhibitor. Invalid input
// comes back (422) with everything typed and the errors by the fields; a
// chosen logo cannot be kept by the browser, so the page asks for it
// again. The public directory shows a save at once.
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
	var current store.Exhibitor
	if r.URL.Path != "/admin/exhibitors/new" {
		var err error
		if current, err = s.exhibitorFromURL(r); err != nil {
			return err
		}
	}
	v := s.exhibitorEditor(r, current)
	v.Form = form.ParseExhibitor(r.PostForm, s.langCodes())
	v.Errors = v.Form.Validate()
	chosen := r.MultipartForm != nil && len(r.MultipartForm.File["logo"]) > 0 && r.MultipartForm.File["logo"][0].Size > 0
	if chosen && v.Form.RemoveLogo {
		v.Errors["logo"] = "exhibitors.err.logo_and_removal"
	}
	fail := func() error {
		v.LogoAgain = chosen && v.Errors["logo"] == ""
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.ExhibitorEdit(v))
		return nil
	}
	if len(v.Errors) > 0 {
		return fail()
	}
	// The upload only once the rest is valid: a refused form stores no file.
	var logo *int64
	if data, ok, err := uploaded(r, "logo"); err != nil {
		return err
	} else if ok {
		m, err := media.SaveImage(r.Context(), s.store, data)
		if err != nil {
			v.Errors["logo"] = imageError(err)
			return fail()
		}
		logo = &m.ID
	}
	id, err := s.store.SaveExhibitor(r.Context(), currentUser(r).ID, current.ID, v.Form.Input(), logo, v.Form.RemoveLogo)
	var dup *store.DuplicateNameError
	if errors.As(err, &dup) {
		v.Errors["name_"+dup.Lang] = "exhibitors.err.duplicate"
		return fail()
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
