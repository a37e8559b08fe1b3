package web

import (
	"errors"
	"net/http"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
)

// formView builds a form's page from its state. A handler's GET shows it
// with the state of what is saved; a refused post shows it again with what
// was typed, and only then is the page built.
type formView func(r *http.Request, st *form.State) (templ.Component, error)

// showForm shows a form with st (what is saved, or a new record's defaults).
func (s *Server) showForm(w http.ResponseWriter, r *http.Request, st *form.State, show formView) error {
	c, err := show(r, st)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, c)
	return nil
}

// refusedForm is a post that is not saved: the form comes back with what
// was typed and why. Handlers return it; handle renders the form with its
// status, so no handler writes a status for a refused post itself.
type refusedForm struct {
	status int
	st     *form.State
	show   formView
}

func (e *refusedForm) Error() string { return http.StatusText(e.status) }

// invalidForm refuses input that does not pass its checks (422).
func invalidForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusUnprocessableEntity, st, show}
}

// staleForm refuses a save based on an old version (409): st has been
// through Refuse, so the fields show what is saved now beside what was typed.
func staleForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusConflict, st, show}
}

// takenForm refuses a post for what another post took first: the form's
// stamp, the booth it asks for, or a booth to delete that an exhibitor
// holds (409). Unlike staleForm there is no
// saved record to show beside what was typed; the notice says what to do.
func takenForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusConflict, st, show}
}

// deniedForm refuses a sign-in (401): the form was filled in right, but
// what it says does not let the visitor in.
func deniedForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusUnauthorized, st, show}
}

// shown is a view already built, for a refusal that is not a form of
// fields (a deletion's confirmation page with why it was refused).
func shown(c templ.Component) formView {
	return func(*http.Request, *form.State) (templ.Component, error) { return c, nil }
}

// unavailableForm refuses a post the database could not take (503): the
// form comes back as typed, to send again when it is back.
func unavailableForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusServiceUnavailable, st, show}
}

// limitedForm refuses a post over a rate limit (429).
func limitedForm(st *form.State, show formView) error {
	return &refusedForm{http.StatusTooManyRequests, st, show}
}

// showRefused renders a refused form; false when err is not one.
func (s *Server) showRefused(w http.ResponseWriter, r *http.Request, err error) bool {
	var rf *refusedForm
	if !errors.As(err, &rf) {
		return false
	}
	c, err := rf.show(r, rf.st)
	if err != nil {
		s.fail(w, r, err)
		return true
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, rf.status, c)
	return true
}
