package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// usersPage is the accounts page as saved now, with add as the form adding
// one; the caller fills in what the post did.
func (s *Server) usersPage(r *http.Request, add *form.State) (*view.UsersPage, error) {
	v := &view.UsersPage{Admin: s.adminFrame(r, currentUser(r), "admin.users"), Add: add}
	var err error
	v.Users, err = s.store.Users(r.Context())
	return v, err
}

func newUserForm() *form.State { return form.NewState(url.Values{"role": {string(auth.RoleEditor)}}) }

func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, newUserForm(), s.usersView)
}

// usersView shows the page with st as the form adding an account.
func (s *Server) usersView(r *http.Request, st *form.State) (templ.Component, error) {
	v, err := s.usersPage(r, st)
	if err != nil {
		return nil, err
	}
	return adminpages.Users(v), nil
}

// rowView shows the page with st as the refused form of account id's row.
func (s *Server) rowView(id int64) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v, err := s.usersPage(r, newUserForm())
		if err != nil {
			return nil, err
		}
		v.Row, v.RowID = st, id
		return adminpages.Users(v), nil
	}
}

// addUser creates an account with a generated password, shown once.
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	st := form.Posted(r.PostForm)
	nu, errs := form.ParseNewUser(r.PostForm)
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.usersView)
	}
	pw := auth.GeneratePassword()
	hash, err := auth.Hash(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	u, err := s.store.CreateUser(r.Context(), nu.Email, nu.Role, hash)
	if errors.Is(err, store.ErrDuplicate) {
		st.Fail("email", "form.email_taken")
		return invalidForm(st, s.usersView)
	} else if err != nil {
		return err
	}
	_ = s.store.Audit(r.Context(), currentUser(r).ID, "user.add", u.Email, "role "+string(u.Role))
	// The password is shown once, on this answer, never in a URL.
	v, err := s.usersPage(r, newUserForm())
	if err != nil {
		return err
	}
	v.NewPassword, v.NewPasswordFor = pw, u.Email
	s.render(w, r, http.StatusOK, adminpages.Users(v))
	return nil
}

// changeUser applies one change to an account: its role, a new password,
// or disabling. Admins cannot lock themselves out. A role or disabled
// change based on an old version of the account is refused.
func (s *Server) changeUser(what string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, st, err := postedTo(r)
		if err != nil {
			return err
		}
		u, err := s.store.UserByID(r.Context(), id)
		if err != nil {
			return err
		}
		me := currentUser(r)
		if !st.Values.Has("role") {
			st.Values.Set("role", string(u.Role)) // the disable button's row shows the role as saved
		}
		show := s.rowView(id)
		// refused is the outcome of a store error: the account changed
		// meanwhile, or the change would leave no enabled admin.
		refused := func(err error) error {
			switch {
			case errors.Is(err, store.ErrConflict):
				now, err := s.store.UserByID(r.Context(), id)
				if err != nil {
					return err
				}
				st.Refuse(url.Values{"role": {string(now.Role)}}, now.Version)
				return staleForm(st, show)
			case errors.Is(err, store.ErrLastAdmin):
				st.Fail("role", "admin.last_admin")
				return invalidForm(st, show)
			}
			return err
		}
		var newPassword string
		switch what {
		case "role":
			role, ok := form.ParseRole(r.PostForm)
			if !ok {
				return clientError(errors.New("unknown role"))
			}
			if u.ID == me.ID && role != auth.RoleAdmin {
				st.Fail("role", "admin.self")
				return invalidForm(st, show)
			}
			if err := s.store.SetRole(r.Context(), id, st.Version, role); err != nil {
				return refused(err)
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.role", u.Email, string(u.Role)+" -> "+string(role))
		case "disabled":
			disable := r.PostForm.Get("disabled") == "true"
			if u.ID == me.ID && disable {
				st.Fail("role", "admin.self")
				return invalidForm(st, show)
			}
			if err := s.store.SetDisabled(r.Context(), id, st.Version, disable); err != nil {
				return refused(err)
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.disabled", u.Email, strconv.FormatBool(disable))
		case "password":
			newPassword = auth.GeneratePassword()
			hash, err := auth.Hash(newPassword, auth.DefaultParams)
			if err != nil {
				return err
			}
			if err := s.store.SetPassword(r.Context(), id, hash); err != nil {
				return err
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.passwd", u.Email, "reset")
		}
		v, err := s.usersPage(r, newUserForm())
		if err != nil {
			return err
		}
		if newPassword != "" {
			v.NewPassword, v.NewPasswordFor = newPassword, u.Email
		}
		s.render(w, r, http.StatusOK, adminpages.Users(v))
		return nil
	}
}
