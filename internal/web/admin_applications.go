package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// applicationFilter reads the inbox's filters; an unknown value filters
// nothing rather than failing.
func applicationFilter(r *http.Request) store.ApplicationFilter {
	q := r.URL.Query()
	f := store.ApplicationFilter{Status: q.Get("status"), Hall: strings.TrimSpace(q.Get("hall"))}
	if !slices.Contains(store.ApplicationStatuses, store.ApplicationStatus(f.Status)) {
		f.Status = ""
	}
	if utf8.RuneCountInString(f.Hall) > 40 {
		f.Hall = ""
	}
	return f
}

// listApplications is the organisers' inbox, newest first.
func (s *Server) listApplications(w http.ResponseWriter, r *http.Request) error {
	f := applicationFilter(r)
	v := &view.ApplicationsAdmin{Admin: s.adminFrame(r, currentUser(r), "apply.admin.title"), Status: f.Status, Hall: f.Hall}
	var err error
	if v.Items, err = s.store.Applications(r.Context(), f); err != nil {
		return err
	}
	if v.Counts, err = s.store.ApplicationCounts(r.Context(), f.Hall); err != nil {
		return err
	}
	if v.Halls, err = s.store.BoothHalls(r.Context()); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.Applications(v))
	return nil
}

// applicationDetail loads what the detail page shows, with its two forms
// empty.
func (s *Server) applicationDetail(r *http.Request, id int64) (*view.ApplicationDetail, error) {
	a, notes, err := s.store.Application(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v := &view.ApplicationDetail{Admin: s.adminFrame(r, currentUser(r), "apply.admin.title"), App: a, Notes: notes,
		Moves: store.ApplicationMoves(a.Status), Move: form.NewState(nil), Note: form.NewState(nil)}
	v.Title = a.Reference + " " + a.Company()
	booths, err := s.store.Booths(r.Context())
	if err != nil {
		return nil, err
	}
	for _, b := range booths {
		if b.Status == "available" {
			v.Booths = append(v.Booths, b)
		}
	}
	return v, nil
}

func (s *Server) showApplication(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	v, err := s.applicationDetail(r, id)
	if err != nil {
		return err
	}
	v.Moved, v.Noted = r.URL.Query().Get("moved") == "1", r.URL.Query().Get("noted") == "1"
	s.render(w, r, http.StatusOK, adminpages.ApplicationPage(v))
	return nil
}

// applicationForm shows the page of application id with st as the status
// form (note false) or the note form; taken names a booth taken meanwhile.
func (s *Server) applicationForm(id int64, note bool, taken string) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v, err := s.applicationDetail(r, id)
		if err != nil {
			return nil, err
		}
		if note {
			v.Note = st
		} else {
			v.Move = st
		}
		v.TakenNumber = taken
		if taken == "" && v.App.Booth != nil {
			v.TakenNumber = v.App.Booth.Number
		}
		return adminpages.ApplicationPage(v), nil
	}
}

// moveApplication changes an application's status; its booth follows (see
// store.MoveApplication). A refusal shows the page with the reason.
func (s *Server) moveApplication(w http.ResponseWriter, r *http.Request) error {
	id, st, err := postedTo(r)
	if err != nil {
		return err
	}
	m, errs := form.ParseMove(r.PostForm)
	var boothID *int64
	if m.Booth != "" && errs["booth"] == "" {
		b, err := s.store.BoothByNumber(r.Context(), m.Booth)
		if errors.Is(err, store.ErrNotFound) {
			errs["booth"] = "apply.admin.err.booth"
		} else if err != nil {
			return err
		}
		boothID = &b.ID
	}
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.applicationForm(id, false, m.Booth))
	}
	err = s.store.MoveApplication(r.Context(), id, m.Status, boothID, currentUser(r).ID)
	switch {
	case err == nil:
		http.Redirect(w, r, "/admin/applications/"+strconv.FormatInt(id, 10)+"?moved=1", http.StatusSeeOther)
		return nil
	case errors.Is(err, store.ErrMoveNotAllowed):
		st.Fail("status", "apply.admin.err.move")
	case errors.Is(err, store.ErrBoothNeeded):
		st.Fail("booth", "apply.admin.err.needed")
	case errors.Is(err, store.ErrBoothTaken):
		st.Fail("booth", "apply.admin.err.taken")
	default:
		return err
	}
	return invalidForm(st, s.applicationForm(id, false, m.Booth))
}

// addApplicationNote adds an internal note.
func (s *Server) addApplicationNote(w http.ResponseWriter, r *http.Request) error {
	id, st, err := postedTo(r)
	if err != nil {
		return err
	}
	body, errs := form.ParseNote(r.PostForm)
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.applicationForm(id, true, ""))
	}
	if err := s.store.AddApplicationNote(r.Context(), id, currentUser(r).ID, body); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/applications/"+strconv.FormatInt(id, 10)+"?noted=1", http.StatusSeeOther)
	return nil
}

// exportApplications downloads what the inbox shows (its filters
// honoured) as a spreadsheet Excel and WPS open straight away: UTF-8 with
// a byte-order mark, headers in the staff member's language.
func (s *Server) exportApplications(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.Applications(r.Context(), applicationFilter(r))
	if err != nil {
		return err
	}
	a := s.adminFrame(r, currentUser(r), "apply.admin.title")
	cols := []string{"reference", "received", "status", "company_zh", "company_en", "contact", "mobile", "email",
		"booth", "hall", "booth_type", "area", "categories", "message", "country"}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = a.T("apply.col." + c)
	}
	sep := "; "
	if a.Lang.Code == "zh" {
		sep = "、"
	}
	rows := make([][]string, 0, len(list))
	for _, app := range list {
		cats := make([]string, len(app.Categories))
		for i, c := range app.Categories {
			cats[i] = a.T("category." + c)
		}
		row := []string{app.Reference, app.CreatedAt.In(a.Loc).Format("2006-01-02 15:04"), a.T("apply.status." + string(app.Status)),
			app.CompanyZH, app.CompanyEN, app.Contact, app.Mobile, app.Email, "", "", a.T("booths.type." + app.BoothType), "",
			strings.Join(cats, sep), app.Message, a.RegionName(app.Country)}
		if app.Booth != nil {
			row[8], row[9], row[11] = app.Booth.Number, view.HallName(a, app.Booth.Hall), strconv.Itoa(app.Booth.Area())
		} else if app.Area != nil {
			row[11] = strconv.Itoa(*app.Area)
		}
		rows = append(rows, row)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="booth-applications-%s.csv"`, s.now().In(a.Loc).Format("20060102")))
	return csvimport.Write(w, header, rows)
}
