package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) listCharges(w http.ResponseWriter, r *http.Request) error {
	a := s.adminFrame(r, currentUser(r), "charges.admin.title")
	items, err := s.store.Charges(r.Context())
	if err != nil {
		return err
	}
	v := &view.ChargesAdmin{Admin: a, Groups: view.GroupCharges(items), Today: s.now().In(a.Loc),
		Deleted: r.URL.Query().Get("deleted") == "1"}
	s.render(w, r, http.StatusOK, adminpages.ChargesList(v))
	return nil
}

func (s *Server) newCharge(w http.ResponseWriter, r *http.Request) error {
	st := form.NewState(url.Values{"kind": {"booth"}, "unit": {"booth"}, "sort": {"0"}})
	return s.showForm(w, r, st, s.chargeEditor)
}

func (s *Server) editCharge(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	c, err := s.store.Charge(r.Context(), id)
	if err != nil {
		return err
	}
	st := form.NewState(form.ChargeValues(c))
	st.Version = c.Version
	return s.showForm(w, r, st, s.chargeEditor)
}

// chargeEditor is the editor of the item at the route's id, or of a new one.
func (s *Server) chargeEditor(r *http.Request, st *form.State) (templ.Component, error) {
	id, title := int64(0), "charges.admin.new"
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return nil, err
		}
		title = "charges.admin.edit"
	}
	v := &view.ChargeEditor{Admin: s.adminFrame(r, currentUser(r), title), ID: id, Form: st,
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	return adminpages.ChargeEdit(v), nil
}

// saveCharge creates or updates an item; the public price list shows it at
// once. Errors show the form again with what was typed, and nothing is
// saved; so does a save based on an old version, beside what is saved now.
func (s *Server) saveCharge(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	var id int64
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
	}
	st := form.Posted(r.PostForm)
	c, errs := form.ParseCharge(r.PostForm, s.langCodes())
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.chargeEditor)
	}
	c.ID, c.Version = id, st.Version
	id, err := s.store.SaveCharge(r.Context(), c, currentUser(r).ID)
	if errors.Is(err, store.ErrConflict) {
		now, err := s.store.Charge(r.Context(), c.ID)
		if err != nil {
			return err
		}
		st.Refuse(form.ChargeValues(now), now.Version)
		return staleForm(st, s.chargeEditor)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/charges/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// deleteCharge asks first: without confirm=yes it shows what would go and a
// button that posts again with it, so no script is needed.
func (s *Server) deleteCharge(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "yes" {
		c, err := s.store.Charge(r.Context(), id)
		if err != nil {
			return err
		}
		a := s.adminFrame(r, currentUser(r), "charges.admin.delete_title")
		list := view.ChargesAdmin{Admin: a}
		v := &view.ChargeEditor{Admin: a, ID: id, Confirm: true, Name: list.Name(c)}
		s.render(w, r, http.StatusOK, adminpages.ChargeDelete(v))
		return nil
	}
	if err := s.store.DeleteCharge(r.Context(), id, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/charges?deleted=1", http.StatusSeeOther)
	return nil
}
