package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

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
	id, err := idParam(r)
	if err != nil {
		return err
	}
	l, err := s.store.LegacyURLByID(r.Context(), id)
	if err != nil {
		return err
	}
	v := &view.LegacyEditor{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.edit"), Row: l, Target: l.Target,
		Saved: r.URL.Query().Get("saved") == "1"}
	s.render(w, r, http.StatusOK, adminpages.LegacyEdit(v))
	return nil
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
	id, err := idParam(r)
	if err != nil {
		return err
	}
	l, err := s.store.LegacyURLByID(r.Context(), id)
	if err != nil {
		return err
	}
	target := strings.TrimSpace(r.PostForm.Get("target"))
	if !validTarget(target) {
		v := &view.LegacyEditor{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.edit"), Row: l, Target: target,
			Errors: map[string]string{"target": "legacy.admin.target_invalid"}}
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.LegacyEdit(v))
		return nil
	}
	if err := s.store.SetLegacyTarget(r.Context(), id, target, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/legacy/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// deleteLegacyURL asks first: without confirm=yes it shows what would go.
func (s *Server) deleteLegacyURL(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "yes" {
		l, err := s.store.LegacyURLByID(r.Context(), id)
		if err != nil {
			return err
		}
		v := &view.LegacyEditor{Admin: s.adminFrame(r, currentUser(r), "legacy.admin.delete_title"), Row: l, Confirm: true}
		s.render(w, r, http.StatusOK, adminpages.LegacyDelete(v))
		return nil
	}
	if err := s.store.DeleteLegacyURL(r.Context(), id, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/legacy?deleted=1", http.StatusSeeOther)
	return nil
}
