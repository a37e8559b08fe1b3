package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

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
	return s.showStored(w, r, s.storedCharge)
}

// storedCharge is the item at the route's id as saved, in its editor.
func (s *Server) storedCharge(r *http.Request) (*form.State, formView, error) {
	c, err := byID(r, s.store.Charge)
	return savedState(form.ChargeValues(c), c.Version), s.chargeEditor, err
}

// chargeEditor is the editor of the item at the route's id, or of a new one.
func (s *Server) chargeEditor(r *http.Request, st *form.State) (templ.Component, error) {
	id, err := optionalID(r)
	if err != nil {
		return nil, err
	}
	v := &view.ChargeEditor{Admin: s.adminFrame(r, currentUser(r), editorTitle("charges.admin", id != 0)), ID: id, Form: st,
		Saved: justSaved(r)}
	return adminpages.ChargeEdit(v), nil
}

// saveCharge creates or updates an item; the public price list shows it at
// once. Errors show the form again with what was typed, and nothing is
// saved; so does a save based on an old version, beside what is saved now.
func (s *Server) saveCharge(w http.ResponseWriter, r *http.Request) error {
	return saveEdited(w, r, edit[store.Charge]{
		show: s.chargeEditor,
		parse: func(v url.Values) (store.Charge, form.Errors) {
			return form.ParseCharge(v, s.langCodes())
		},
		save: func(st *form.State, id int64, c store.Charge) (string, error) {
			c.ID, c.Version = id, st.Version
			saved, err := s.store.SaveCharge(r.Context(), c, currentUser(r).ID)
			return "/admin/charges/" + strconv.FormatInt(saved, 10), err
		},
		stored: s.storedCharge,
	})
}

// deleteCharge asks first, then deletes.
func (s *Server) deleteCharge(w http.ResponseWriter, r *http.Request) error {
	return confirmDelete(s, w, r, s.store.Charge, func(c store.Charge) templ.Component {
		a := s.adminFrame(r, currentUser(r), "charges.admin.delete_title")
		list := view.ChargesAdmin{Admin: a}
		return adminpages.ChargeDelete(&view.ChargeEditor{Admin: a, ID: c.ID, Confirm: true, Name: list.Name(c)})
	}, s.store.DeleteCharge, "/admin/charges?deleted=1")
}
