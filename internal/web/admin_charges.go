package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/internal/form"
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
	v := &view.ChargeEditor{Admin: s.adminFrame(r, currentUser(r), "charges.admin.new"),
		Values: url.Values{"kind": {"booth"}, "unit": {"booth"}, "sort": {"0"}}}
	s.render(w, r, http.StatusOK, adminpages.ChargeEdit(v))
	return nil
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
	v := &view.ChargeEditor{Admin: s.adminFrame(r, currentUser(r), "charges.admin.edit"), ID: id,
		Values: form.ChargeValues(c), Saved: r.URL.Query().Get("saved") == "1"}
	s.render(w, r, http.StatusOK, adminpages.ChargeEdit(v))
	return nil
}

// saveCharge creates or updates an item; the public price list shows it at
// once. Errors re-render the form with what was typed, and nothing is saved.
func (s *Server) saveCharge(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	var id int64
	title := "charges.admin.new"
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
		if _, err := s.store.Charge(r.Context(), id); err != nil {
			return err
		}
		title = "charges.admin.edit"
	}
	c, errs := form.ParseCharge(r.PostForm, s.langCodes())
	if len(errs) > 0 {
		v := &view.ChargeEditor{Admin: s.adminFrame(r, currentUser(r), title), ID: id, Values: r.PostForm, Errors: errs}
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.ChargeEdit(v))
		return nil
	}
	c.ID = id
	id, err := s.store.SaveCharge(r.Context(), c, currentUser(r).ID)
	if err != nil {
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
