package form

import (
	"net/mail"
	"net/url"
	"strings"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// NewUser is the form adding a staff account, checked.
type NewUser struct {
	Email string
	Role  auth.Role
}

// ParseNewUser checks the form adding an account: one plain address (as
// it will be stored, or with capitals the store folds) and a known role.
func ParseNewUser(v url.Values) (NewUser, Errors) {
	errs := Errors{}
	u := NewUser{Email: strings.TrimSpace(v.Get("email"))}
	role, ok := auth.ParseRole(v.Get("role"))
	u.Role = role
	addr, err := mail.ParseAddress(u.Email)
	if err != nil || addr.Address != store.NormalizeEmail(u.Email) && addr.Address != u.Email || len(u.Email) > 254 {
		errs["email"] = "form.email"
	}
	if !ok {
		errs["role"] = "form.action"
	}
	return u, errs
}

// ParseRole reads an account's new role; a role that is none is a form
// from nowhere (the select offers only real ones).
func ParseRole(v url.Values) (auth.Role, bool) {
	return auth.ParseRole(v.Get("role"))
}
