package web

import (
	"errors"
	"net/http"
	"path"
	"strconv"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
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
	v := &view.PageEditor{Admin: s.adminFrame(r, currentUser(r), "admin.edit_page"), Page: p, Form: st,
		Saved: justSaved(r)}
	// An image just uploaded with a save: its Markdown line, to copy into a body.
	if m := mediaName.FindStringSubmatch(r.URL.Query().Get("image")); m != nil && r.Method == http.MethodGet {
		v.Inserted = "![](/media/" + m[0] + ")"
	}
	return adminpages.PageEdit(v), nil
}

// savePage saves a content page; the public site shows it at once. Errors
// show the form again with what was typed, and nothing is saved; so does a
// save based on an old version, beside what is saved now.
func (s *Server) savePage(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, media.MaxImageBytes+(1<<20))
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return clientError(err)
	}
	id, st, err := postedTo(r) // a no-op parse after a multipart one
	if err != nil {
		return err
	}
	p := form.ParsePage(r.PostForm, s.langCodes())
	if st.Errors = p.Validate(); st.Invalid() {
		return invalidForm(st, s.pageEditor)
	}
	// An image for the body, stored once the rest is valid: the editor then
	// shows the line that puts it in the text.
	image, err := s.bodyImage(r, st, s.pageEditor)
	if err != nil {
		return err
	}
	err = s.store.UpdatePage(r.Context(), id, st.Version, p.Published, p.Written(), currentUser(r).ID)
	if errors.Is(err, store.ErrConflict) {
		now, texts, _, err := s.store.PageForEdit(r.Context(), id)
		if err != nil {
			return err
		}
		st.Refuse(form.PageValues(now.Published, texts), now.Version)
		return staleForm(st, s.pageEditor)
	} else if err != nil {
		return err
	}
	to := "/admin/pages/" + strconv.FormatInt(id, 10) + "?saved=1"
	if image != "" {
		to += "&image=" + path.Base(image)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
