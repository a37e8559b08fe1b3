package web

import (
	"errors"
	"net/http"
	"net/mail"
	"strconv"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) usersPage(r *http.Request) (*view.UsersPage, error) {
	v := &view.UsersPage{Admin: s.adminFrame(r, currentUser(r), "admin.users"), Role: auth.RoleEditor, Errors: map[string]string{}}
	var err error
	v.Users, err = s.store.Users(r.Context())
	return v, err
}

func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) error {
	v, err := s.usersPage(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.Users(v))
	return nil
}

// addUser creates an account with a generated password, shown once.
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	v, err := s.usersPage(r)
	if err != nil {
		return err
	}
	v.Email, v.Role = r.PostForm.Get("email"), r.PostForm.Get("role")
	addr, err := mail.ParseAddress(v.Email)
	if err != nil || addr.Address != store.NormalizeEmail(v.Email) && addr.Address != v.Email || len(v.Email) > 254 {
		v.Errors["email"] = "form.email"
	}
	if !auth.ValidRole(v.Role) {
		v.Errors["role"] = "form.action"
	}
	if len(v.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.Users(v))
		return nil
	}
	pw := auth.GeneratePassword()
	hash, err := auth.Hash(pw, auth.DefaultParams)
	if err != nil {
		return err
	}
	u, err := s.store.CreateUser(r.Context(), v.Email, v.Role, hash)
	if errors.Is(err, store.ErrDuplicate) {
		v.Errors["email"] = "form.email_taken"
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.Users(v))
		return nil
	} else if err != nil {
		return err
	}
	_ = s.store.Audit(r.Context(), currentUser(r).ID, "user.add", u.Email, "role "+u.Role)
	if v.Users, err = s.store.Users(r.Context()); err != nil {
		return err
	}
	v.Email, v.NewPassword, v.NewPasswordFor = "", pw, u.Email
	s.render(w, r, http.StatusOK, adminpages.Users(v))
	return nil
}

// changeUser applies one change to an account: its role, a new password,
// or disabling. Admins cannot lock themselves out.
func (s *Server) changeUser(what string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return clientError(err)
		}
		id, err := idParam(r)
		if err != nil {
			return err
		}
		u, err := s.store.UserByID(r.Context(), id)
		if err != nil {
			return err
		}
		me := currentUser(r)
		v, err := s.usersPage(r)
		if err != nil {
			return err
		}
		switch what {
		case "role":
			role := r.PostForm.Get("role")
			if !auth.ValidRole(role) {
				return clientError(errors.New("unknown role"))
			}
			if u.ID == me.ID && role != auth.RoleAdmin {
				v.Errors["self"] = "admin.self"
				break
			}
			if err := s.store.SetRole(r.Context(), id, role); errors.Is(err, store.ErrLastAdmin) {
				v.Errors["self"] = "admin.last_admin"
				break
			} else if err != nil {
				return err
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.role", u.Email, u.Role+" -> "+role)
		case "disabled":
			disable := r.PostForm.Get("disabled") == "true"
			if u.ID == me.ID && disable {
				v.Errors["self"] = "admin.self"
				break
			}
			if err := s.store.SetDisabled(r.Context(), id, disable); errors.Is(err, store.ErrLastAdmin) {
				v.Errors["self"] = "admin.last_admin"
				break
			} else if err != nil {
				return err
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.disabled", u.Email, strconv.FormatBool(disable))
		case "password":
			pw := auth.GeneratePassword()
			hash, err := auth.Hash(pw, auth.DefaultParams)
			if err != nil {
				return err
			}
			if err := s.store.SetPassword(r.Context(), id, hash); err != nil {
				return err
			}
			_ = s.store.Audit(r.Context(), me.ID, "user.passwd", u.Email, "reset")
			v.NewPassword, v.NewPasswordFor = pw, u.Email
		}
		if v.Users, err = s.store.Users(r.Context()); err != nil {
			return err
		}
		status := http.StatusOK
		if len(v.Errors) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.render(w, r, status, adminpages.Users(v))
		return nil
	}
}
