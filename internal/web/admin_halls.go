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

// halls are the halls in order, from the frame snapshot: this instance
// drops it after its own writes and on every other's NOTIFY, and the
// database's references stand behind it.
func (s *Server) halls(r *http.Request) (store.Halls, error) {
	f, err := s.frameOf(r.Context(), s.requestLang(r).Code)
	return f.halls, err
}

// listHalls is the organisers' list of halls: order, names, outline, and
// how many booths and exhibitors each has.
func (s *Server) listHalls(w http.ResponseWriter, r *http.Request) error {
	a := s.adminFrame(r, currentUser(r), "halls.admin.title")
	halls, err := s.store.Halls(r.Context())
	if err != nil {
		return err
	}
	uses, err := s.store.HallUses(r.Context())
	if err != nil {
		return err
	}
	v := view.NewHallsAdmin(a, halls, uses)
	v.Deleted, v.Moved = r.URL.Query().Get("deleted") == "1", r.URL.Query().Get("moved") == "1"
	s.render(w, r, http.StatusOK, adminpages.HallsList(v))
	return nil
}

// newHall is the editor for a new hall, placed after the last one.
func (s *Server) newHall(w http.ResponseWriter, r *http.Request) error {
	next, err := s.store.NextHallPosition(r.Context())
	if err != nil {
		return err
	}
	return s.showForm(w, r, form.NewState(url.Values{"position": {strconv.Itoa(next)}}), s.hallEditor(""))
}

func (s *Server) editHall(w http.ResponseWriter, r *http.Request) error {
	return s.showStored(w, r, s.storedHall)
}

// storedHall is the hall at the route's code as saved, in its editor.
func (s *Server) storedHall(r *http.Request) (*form.State, formView, error) {
	h, err := s.store.Hall(r.Context(), chi.URLParam(r, "code"))
	return savedState(form.HallValues(h), h.Version), s.hallEditor(""), err
}

// hallEditor shows the editor of the hall at the route's code, or of a new
// one; other is what a refusal by the store names. An existing hall is
// drawn as saved, with its booths, under the form.
func (s *Server) hallEditor(other string) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		code := chi.URLParam(r, "code")
		a := s.adminFrame(r, currentUser(r), editorTitle("halls.admin", code != ""))
		v := &view.HallEditor{Admin: a, Code: code, Form: st, Other: other, Saved: justSaved(r)}
		if code != "" {
			h, err := s.store.Hall(r.Context(), code)
			if err != nil {
				return nil, err
			}
			all, err := s.store.Booths(r.Context())
			if err != nil {
				return nil, err
			}
			var booths []store.Booth
			for _, b := range all {
				if b.Hall == code {
					booths = append(booths, b)
				}
			}
			items := view.NewBoothItems(a.Printer, booths, nil, func(b store.Booth) string {
				return "/admin/booths/" + strconv.FormatInt(b.ID, 10)
			})
			v.Map = view.NewHallMap(a.Printer, h, items, false)
			v.Name = h.Name(a.Lang.Code)
			v.Public = "/" + a.Lang.Code + boothsPath + "?" + url.Values{"hall": {code}}.Encode()
		}
		return adminpages.HallEdit(v), nil
	}
}

// saveHall creates or updates a hall. Typing errors, a taken code and an
// outline that would leave a booth outside show the form again (422) with
// what was typed and the message by its field; a save based on an old
// version comes back (409) with what is saved now beside it; nothing is
// saved then.
func (s *Server) saveHall(w http.ResponseWriter, r *http.Request) error {
	code := chi.URLParam(r, "code")
	return saveEdited(w, r, edit[store.Hall]{
		show: s.hallEditor(""),
		parse: func(v url.Values) (store.Hall, form.Errors) {
			return form.ParseHall(v, s.langCodes(), code == "")
		},
		save: func(st *form.State, _ int64, h store.Hall) (string, error) {
			if code != "" {
				h.Code = code
			}
			h.Version = st.Version
			err := s.store.SaveHall(r.Context(), h, code == "", currentUser(r).ID)
			var c *store.HallConflict
			if errors.As(err, &c) {
				st.Fail(c.Field, "halls.err."+c.Reason)
				return "", invalidForm(st, s.hallEditor(c.Other))
			}
			return view.HallHref(h.Code), err
		},
		stored: s.storedHall,
	})
}

// moveHall moves a hall one place up or down the list (?dir=up|down).
func (s *Server) moveHall(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	dir := r.PostForm.Get("dir")
	if dir != "up" && dir != "down" {
		return clientError(errors.New("dir is up or down"))
	}
	if err := s.store.MoveHall(r.Context(), chi.URLParam(r, "code"), dir == "up", currentUser(r).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/halls?moved=1", http.StatusSeeOther)
	return nil
}

// deleteHall asks first: without confirm=yes it shows what would go and a
// button that posts again with it. A hall with booths or exhibitors in it
// cannot go: the page says how many and names the first (409).
func (s *Server) deleteHall(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	ctx := r.Context()
	h, err := s.store.Hall(ctx, chi.URLParam(r, "code"))
	if err != nil {
		return err
	}
	a := s.adminFrame(r, currentUser(r), "halls.admin.delete_title")
	v := &view.HallEditor{Admin: a, Code: h.Code, Name: h.Name(a.Lang.Code)}
	if r.PostForm.Get("confirm") == "yes" {
		err = s.store.DeleteHall(ctx, h.Code, currentUser(r).ID)
		if err == nil {
			http.Redirect(w, r, "/admin/halls?deleted=1", http.StatusSeeOther)
			return nil
		}
	} else {
		err = s.store.HallUnused(ctx, h.Code)
	}
	if !errors.As(err, &v.InUse) && err != nil {
		return err
	}
	if v.InUse != nil {
		// Booths or exhibitors are still in the hall (409): the page says which.
		return takenForm(form.NewState(nil), shown(adminpages.HallDelete(v)))
	}
	s.render(w, r, http.StatusOK, adminpages.HallDelete(v))
	return nil
}
