package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

const registrationsPerPage = 50

// registrationFilter reads the overview's GET form. Values it does not know
// are ignored, not an error: a stale bookmark still shows the list. The
// returned query holds the filters in use, for the pager and the export.
func registrationFilter(q url.Values) (store.RegistrationFilter, url.Values) {
	var f store.RegistrationFilter
	used := url.Values{}
	// PostgreSQL's calendar has no year 0, which time.Parse accepts.
	if d, err := time.Parse(time.DateOnly, q.Get("day")); err == nil && d.Year() >= 1 {
		f.Day = &d
		used.Set("day", d.Format(time.DateOnly))
	}
	if r := q.Get("role"); slices.Contains(store.RegistrationRoles, r) {
		f.Role = r
		used.Set("role", r)
	}
	if a := q.Get("arrived"); a == "yes" || a == "no" {
		f.Arrived = a
		used.Set("arrived", a)
	}
	if s := strings.TrimSpace(cleanQuery(q.Get("q"))); s != "" {
		f.Q = s
		used.Set("q", s)
	}
	return f, used
}

// listRegistrations is the organisers' overview: headline figures, counts
// by day, role and city, and the visitors the filters admit, 50 a page.
func (s *Server) listRegistrations(w http.ResponseWriter, r *http.Request) error {
	n, err := listPage(r)
	if err != nil {
		return err
	}
	a := s.adminFrame(r, currentUser(r), "registrations.admin.title")
	f, used := registrationFilter(r.URL.Query())
	v := &view.RegistrationsAdmin{Admin: a, Roles: store.RegistrationRoles, Role: f.Role, Arrived: f.Arrived, Q: f.Q,
		Query: used.Encode(), Page: n}
	if f.Day != nil {
		v.Day = f.Day.Format(time.DateOnly)
	}
	if v.Stats, err = s.store.RegistrationStats(r.Context()); err != nil {
		return err
	}
	v.Days, err = s.expoDays(r, a.Loc, v.Stats.Days)
	if err != nil {
		return err
	}
	if v.Items, v.Total, err = s.store.Registrations(r.Context(), f, registrationsPerPage, (n-1)*registrationsPerPage); err != nil {
		return err
	}
	v.Pages = max(1, (v.Total+registrationsPerPage-1)/registrationsPerPage)
	if n > v.Pages {
		return errNotFound
	}
	s.render(w, r, http.StatusOK, adminpages.RegistrationsList(v))
	return nil
}

// expoDays are the days the day filter offers: the expo's own days, and any
// other day someone registered for or arrived on.
func (s *Server) expoDays(r *http.Request, loc *time.Location, counted []store.DayCount) ([]time.Time, error) {
	var days []time.Time
	site, _, err := s.frame(r.Context(), s.requestLang(r).Code)
	if err != nil {
		return nil, err
	}
	first, last := site.OpensAt.In(loc), site.ClosesAt.In(loc)
	for d := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, time.UTC); !d.After(last) && len(days) < 31; d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	for _, c := range counted {
		if !slices.ContainsFunc(days, c.Day.Equal) {
			days = append(days, c.Day)
		}
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	return days, nil
}

// exportRegistrations downloads what the overview's filters admit as a
// spreadsheet (UTF-8 with a byte-order mark, so Excel reads the Chinese):
// headers and roles in the staff member's language, days as dates, times
// in the expo's time zone.
func (s *Server) exportRegistrations(w http.ResponseWriter, r *http.Request) error {
	a := s.adminFrame(r, currentUser(r), "registrations.admin.title")
	f, _ := registrationFilter(r.URL.Query())
	list, err := s.store.AllRegistrations(r.Context(), f)
	if err != nil {
		return err
	}
	cols := []string{"code", "name", "organisation", "role", "city", "phone", "email", "days", "registered_at", "checked_in_at", "checked_in_by"}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = a.T("registrations.col." + c)
	}
	const stamp = "2006-01-02 15:04"
	rows := make([][]string, 0, len(list))
	for _, e := range list {
		days := make([]string, len(e.Days))
		for i, d := range e.Days {
			days[i] = d.Format(time.DateOnly)
		}
		arrived := ""
		if e.CheckedInAt != nil {
			arrived = e.CheckedInAt.In(a.Loc).Format(stamp)
		}
		rows = append(rows, []string{store.FormatTicketCode(e.Code), e.Name, e.Organisation, a.T("register.role." + e.Role), e.City, e.Phone, e.Email,
			strings.Join(days, "; "), e.CreatedAt.In(a.Loc).Format(stamp), arrived, e.CheckedInByEmail})
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="registrations-%s.csv"`, s.now().In(a.Loc).Format("20060102")))
	return csvimport.Write(w, header, rows)
}
