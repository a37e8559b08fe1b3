package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// The back-office editors share one shape: an address with the record's
// key (none for a new one), a form filled from what is saved, a save that
// refuses bad input and a save based on an old version, and a delete that
// asks first. What is the same lives here; each editor keeps its own
// fields, parser, store calls and page.

// optionalID is the route's {id}, or 0 on the address of a new record.
func optionalID(r *http.Request) (int64, error) {
	if chi.URLParam(r, "id") == "" {
		return 0, nil
	}
	return idParam(r)
}

// byID is the record read reads at the route's {id}.
func byID[R any](r *http.Request, read func(context.Context, int64) (R, error)) (R, error) {
	id, err := idParam(r)
	if err != nil {
		var none R
		return none, err
	}
	return read(r.Context(), id)
}

// editorTitle is the key of an editor's title: prefix.edit for a saved
// record, prefix.new for a new one.
func editorTitle(prefix string, saved bool) string {
	if saved {
		return prefix + ".edit"
	}
	return prefix + ".new"
}

// justSaved is true on the page a save redirects to (?saved=1), which
// says so; a refused post shown again on the same address is not.
func justSaved(r *http.Request) bool {
	return r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"
}

// storedForm is a record as saved, for its editor: the form's values at
// the record's version, and the editor that shows them.
type storedForm func(r *http.Request) (*form.State, formView, error)

// savedState is a form filled with what is saved at version.
func savedState(values url.Values, version int) *form.State {
	st := form.NewState(values)
	st.Version = version
	return st
}

// showStored shows the editor of the record at the route's key as saved.
func (s *Server) showStored(w http.ResponseWriter, r *http.Request, stored storedForm) error {
	st, show, err := stored(r)
	if err != nil {
		return err
	}
	return s.showForm(w, r, st, show)
}

// edit is what one editor's save has of its own.
type edit[T any] struct {
	show  formView                          // the editor, for input it refuses
	parse func(url.Values) (T, form.Errors) // the post as a row, or why not
	// save writes row as the record id (0: a new one) at st.Version and
	// returns the saved record's address; store.ErrConflict when that
	// version is old. A refusal of its own (a taken name) is an
	// invalidForm with st.
	save   func(st *form.State, id int64, row T) (string, error)
	stored storedForm // what is saved now, shown beside a refused save
}

// saveEdited is an editor's post: input that fails its checks comes back
// (422) with what was typed and the errors by the fields, a save based on
// an old version comes back (409) beside what is saved now, and nothing is
// saved then; a save goes to the editor with ?saved=1.
func saveEdited[T any](w http.ResponseWriter, r *http.Request, e edit[T]) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	id, err := optionalID(r)
	if err != nil {
		return err
	}
	st := form.Posted(r.PostForm)
	row, errs := e.parse(r.PostForm)
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, e.show)
	}
	href, err := e.save(st, id, row)
	if errors.Is(err, store.ErrConflict) {
		now, show, err := e.stored(r)
		if err != nil {
			return err
		}
		st.Refuse(now.Values, now.Version)
		return staleForm(st, show)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, href+"?saved=1", http.StatusSeeOther)
	return nil
}

// confirmDelete deletes the record at the route's {id} once the post says
// confirm=yes. Before that it reads the record and shows ask: what would
// go, and a button that posts again with it, so no script is needed.
// After it the list at back says it is gone.
func confirmDelete[R any](s *Server, w http.ResponseWriter, r *http.Request, read func(context.Context, int64) (R, error),
	ask func(R) templ.Component, del func(ctx context.Context, id, userID int64) error, back string) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "yes" {
		rec, err := read(r.Context(), id)
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusOK, ask(rec))
		return nil
	}
	if err := del(r.Context(), id, currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// postedTo parses a post to the record at the route's {id}, with the
// version it was based on.
func postedTo(r *http.Request) (int64, *form.State, error) {
	if err := r.ParseForm(); err != nil {
		return 0, nil, clientError(err)
	}
	id, err := idParam(r)
	if err != nil {
		return 0, nil, err
	}
	return id, form.Posted(r.PostForm), nil
}
