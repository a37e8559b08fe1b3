package web

import (
	"errors"
	"net/http"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) editSettings(w http.ResponseWriter, r *http.Request) error {
	saved, err := s.store.SiteForEdit(r.Context())
	if err != nil {
		return err
	}
	st := form.NewState(form.SettingsValues(saved, s.expoLoc(r)))
	st.Version = saved.Version
	return s.showForm(w, r, st, s.settingsEditor)
}

func (s *Server) settingsEditor(r *http.Request, st *form.State) (templ.Component, error) {
	v := &view.SettingsEditor{Admin: s.adminFrame(r, currentUser(r), "admin.settings"), Form: st,
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	return adminpages.Settings(v), nil
}

// saveSettings saves the settings; every page shows them at once. Errors
// show the form again with what was typed; a save based on an old version
// is refused and shows what is saved now beside it.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	st := form.Posted(r.PostForm)
	settings, errs := form.ParseSettings(r.PostForm, s.langCodes(), s.expoLoc(r))
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.settingsEditor)
	}
	settings.Version = st.Version
	err := s.store.SaveSite(r.Context(), settings, currentUser(r).ID)
	if errors.Is(err, store.ErrConflict) {
		now, err := s.store.SiteForEdit(r.Context())
		if err != nil {
			return err
		}
		st.Refuse(form.SettingsValues(now, s.expoLoc(r)), now.Version)
		return staleForm(st, s.settingsEditor)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/settings?saved=1", http.StatusSeeOther)
	return nil
}
