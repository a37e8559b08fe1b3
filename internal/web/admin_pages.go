package web

import (
	"net/http"
	"strconv"

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

func (s *Server) pageEditor(r *http.Request) (*view.PageEditor, int64, error) {
	id, err := idParam(r)
	if err != nil {
		return nil, 0, err
	}
	p, texts, _, err := s.store.PageForEdit(r.Context(), id)
	if err != nil {
		return nil, 0, err
	}
	v := &view.PageEditor{Admin: s.adminFrame(r, currentUser(r), "admin.edit_page"), Page: p,
		Form: form.Page{Published: p.Published, Texts: texts}}
	return v, id, nil
}

func (s *Server) editPage(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.pageEditor(r)
	if err != nil {
		return err
	}
	v.Saved = r.URL.Query().Get("saved") == "1"
	s.render(w, r, http.StatusOK, adminpages.PageEdit(v))
	return nil
}

// savePage saves a content page; the public site shows it at once.
func (s *Server) savePage(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	v, id, err := s.pageEditor(r)
	if err != nil {
		return err
	}
	v.Form = form.ParsePage(r.PostForm, s.langCodes())
	if v.Errors = v.Form.Validate(); len(v.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.PageEdit(v))
		return nil
	}
	if err := s.store.UpdatePage(r.Context(), id, v.Form.Published, v.Form.Written(), currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/pages/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}
