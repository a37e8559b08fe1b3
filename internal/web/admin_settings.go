package web

import (
	"net/http"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) editSettings(w http.ResponseWriter, r *http.Request) error {
	v := &view.SettingsEditor{Admin: s.adminFrame(r, currentUser(r), "admin.settings"), Saved: r.URL.Query().Get("saved") == "1"}
	st, err := s.store.SiteForEdit(r.Context())
	if err != nil {
		return err
	}
	v.Values = form.SettingsValues(st, v.Loc)
	s.render(w, r, http.StatusOK, adminpages.Settings(v))
	return nil
}

// saveSettings saves the settings; every page shows them at once.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	v := &view.SettingsEditor{Admin: s.adminFrame(r, currentUser(r), "admin.settings"), Values: r.PostForm}
	st, errs := form.ParseSettings(r.PostForm, s.langCodes(), v.Loc)
	if len(errs) > 0 {
		v.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.Settings(v))
		return nil
	}
	if err := s.store.SaveSite(r.Context(), st, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/settings?saved=1", http.StatusSeeOther)
	return nil
}
