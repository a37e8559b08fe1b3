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
	Email, Role string
}

// ParseNewUser checks the form adding an account: one plain address (as
// it will be stored, or with capitals the store folds) and a known role.
func ParseNewUser(v url.Values) (NewUser, Errors) {
	errs := Errors{}
	u := NewUser{Email: strings.TrimSpace(v.Get("email")), Role: v.Get("role")}
	addr, err := mail.ParseAddress(u.Email)
	if err != nil || addr.Address != store.NormalizeEmail(u.Email) && addr.Address != u.Email || len(u.Email) > 254 {
		errs["email"] = "form.email"
	}
	if !auth.ValidRole(u.Role) {
		errs["role"] = "form.action"
	}
	return u, errs
}

// ParseRole reads an account's new role; a role that is none is a form
// from nowhere (the select offers only real ones).
func ParseRole(v url.Values) (string, bool) {
	r := v.Get("role")
	return r, auth.ValidRole(r)
}
