package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) listPages(w http.ResponseWriter, r *http.Request) error {
	v := &view.PagesAdmin{Admin: s.adminFrame(r, currentUser(r), "admin.pages")}
	var err error
	if v.Pages, err = s.store.Pages(r.Context()); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.PagesList(v))
	return nil
}

func (s *Server) editPage(w http.ResponseWriter, r *http.Request) error {
	return s.showStored(w, r, s.storedPage)
}

// storedPage is the page at the route's id as saved, in its editor.
func (s *Server) storedPage(r *http.Request) (*form.State, formView, error) {
	id, err := idParam(r)
	if err != nil {
		return nil, nil, err
	}
	p, texts, _, err := s.store.PageForEdit(r.Context(), id)
	return savedState(form.PageValues(p.Published, texts), p.Version), s.pageEditor, err
}

// pageEditor is the editor of the page at the route's id. It reads the
// page for its path alone: the fields come from st.
func (s *Server) pageEditor(r *http.Request, st *form.State) (templ.Component, error) {
	id, err := idParam(r)
	if err != nil {
		return nil, err
	}
	p, _, _, err := s.store.PageForEdit(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v := &view.PageEditor{Admin: s.adminFrame(r, currentUser(r), "admin.edit_page"), Page: p, Form: st, Saved: justSaved(r)}
	return adminpages.PageEdit(v), nil
}

// savePage saves a content page; the public site shows it at once. Errors
// show the form again with what was typed, and nothing is saved; so does a
// save based on an old version, beside what is saved now.
func (s *Server) savePage(w http.ResponseWriter, r *http.Request) error {
	return saveEdited(w, r, edit[form.Page]{
		show: s.pageEditor,
		parse: func(v url.Values) (form.Page, form.Errors) {
			p := form.ParsePage(v, s.langCodes())
			return p, p.Validate()
		},
		save: func(st *form.State, id int64, p form.Page) (string, error) {
			err := s.store.UpdatePage(r.Context(), id, st.Version, p.Published, p.Written(), currentUser(r).ID)
			return "/admin/pages/" + strconv.FormatInt(id, 10), err
		},
		stored: s.storedPage,
	})
}
