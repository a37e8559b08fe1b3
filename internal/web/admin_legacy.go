package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// legacyListLimit bounds the list: an old site has hundreds or a few
// thousand addresses, found with the search box.
const legacyListLimit = 500

func (s *Server) listLegacyURLs(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(cleanQuery(r.URL.Query().Get("q")))
	rows, err := s.store.LegacyURLs(r.Context(), q, legacyListLimit+1)
	if err != nil {
		return err
	}
	v := &view.LegacyAdmin{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.title"), Q: q,
		Deleted: r.URL.Query().Get("deleted") == "1"}
	if len(rows) > legacyListLimit {
		rows, v.More = rows[:legacyListLimit], true
	}
	v.Rows = rows
	s.render(w, r, http.StatusOK, adminpages.LegacyList(v))
	return nil
}

func (s *Server) editLegacyURL(w http.ResponseWriter, r *http.Request) error {
	l, err := byID(r, s.store.LegacyURLByID)
	if err != nil {
		return err
	}
	return s.showForm(w, r, form.NewState(url.Values{"target": {l.Target}}), s.legacyEditor(l))
}

// legacyEditor is the editor of the old address l.
func (s *Server) legacyEditor(l store.LegacyURL) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v := &view.LegacyEditor{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.edit"), Row: l, Form: st, Saved: justSaved(r)}
		return adminpages.LegacyEdit(v), nil
	}
}

// validTarget accepts a path on this site only: a redirect to another
// host from the portal's own old addresses would be an open redirect.
func validTarget(t string) bool {
	if len(t) < 1 || len(t) > 1000 || t[0] != '/' || strings.HasPrefix(t, "//") || strings.HasPrefix(t, `/\`) ||
		strings.ContainsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\\' }) {
		return false
	}
	u, err := url.Parse(t)
	return err == nil && u.Scheme == "" && u.Host == ""
}

func (s *Server) saveLegacyURL(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	l, err := byID(r, s.store.LegacyURLByID)
	if err != nil {
		return err
	}
	st := form.Posted(r.PostForm)
	target := strings.TrimSpace(r.PostForm.Get("target"))
	if !validTarget(target) {
		st.Fail("target", "legacy.admin.target_invalid")
		return invalidForm(st, s.legacyEditor(l))
	}
	if err := s.store.SetLegacyTarget(r.Context(), l.ID, target, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/legacy/"+strconv.FormatInt(l.ID, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// deleteLegacyURL asks first, then deletes.
func (s *Server) deleteLegacyURL(w http.ResponseWriter, r *http.Request) error {
	return confirmDelete(s, w, r, s.store.LegacyURLByID, func(l store.LegacyURL) templ.Component {
		return adminpages.LegacyDelete(&view.LegacyEditor{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.delete_title"), Row: l, Confirm: true})
	}, s.store.DeleteLegacyURL, "/admin/legacy?deleted=1")
}
