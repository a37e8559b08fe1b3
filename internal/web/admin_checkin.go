package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// maxTicketInput is longer than any ticket URL; a scanner left running into
// the field is cut, not stored anywhere.
const maxTicketInput = 512

// checkInPage builds the door's page; its frame knows the expo's time zone.
func (s *Server) checkInPage(r *http.Request) *view.CheckInPage {
	a := s.adminFrame(r, currentUser(r), "checkin.title")
	return &view.CheckInPage{Admin: a, Today: s.now().In(a.Loc)}
}

// countArrivals fills in today's arrivals at the door.
func (s *Server) countArrivals(r *http.Request, v *view.CheckInPage) error {
	start := time.Date(v.Today.Year(), v.Today.Month(), v.Today.Day(), 0, 0, 0, 0, v.Loc)
	var err error
	v.Arrived, err = s.store.CheckedInBetween(r.Context(), start, start.AddDate(0, 0, 1))
	return err
}

// allowCamera lets this page (and only it) ask for the camera, for the
// optional scanning with the browser's BarcodeDetector.
func allowCamera(w http.ResponseWriter) {
	w.Header().Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
}

func (s *Server) showCheckIn(w http.ResponseWriter, r *http.Request) error {
	v := s.checkInPage(r)
	if err := s.countArrivals(r, v); err != nil {
		return err
	}
	allowCamera(w)
	s.render(w, r, http.StatusOK, adminpages.CheckIn(v))
	return nil
}

// checkIn admits the ticket scanned or typed, and answers with the same
// page: the result in large type and the field empty for the next scan.
// Every outcome is a 200: the door asked a question and got its answer.
func (s *Server) checkIn(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	input := r.PostForm.Get("ticket")
	if len(input) > maxTicketInput {
		input = input[:maxTicketInput]
	}
	input = strings.ToValidUTF8(input, "")
	allowCamera(w)
	if strings.TrimSpace(input) == "" {
		st := form.NewState(nil)
		st.Fail("ticket", "checkin.empty")
		return invalidForm(st, s.emptyCheckIn)
	}
	v := s.checkInPage(r)
	res, err := s.store.CheckIn(r.Context(), input, currentUser(r).ID, s.now(), v.Loc.String())
	if err != nil {
		return err
	}
	// Counted after the check-in, so an admission shows in today's number.
	if err := s.countArrivals(r, v); err != nil {
		return err
	}
	v.Result = &res
	if res.Outcome == store.CheckInUnknown {
		v.Entered = cleanQuery(input)
	}
	if res.Outcome == store.CheckInAdmitted {
		today := time.Date(v.Today.Year(), v.Today.Month(), v.Today.Day(), 0, 0, 0, 0, time.UTC)
		v.NotToday = true
		for _, d := range res.Registration.Days {
			if d.Equal(today) {
				v.NotToday = false
			}
		}
	}
	s.render(w, r, http.StatusOK, adminpages.CheckIn(v))
	return nil
}

// emptyCheckIn is the door's page after a post with no ticket in it.
func (s *Server) emptyCheckIn(r *http.Request, st *form.State) (templ.Component, error) {
	v := s.checkInPage(r)
	if err := s.countArrivals(r, v); err != nil {
		return nil, err
	}
	v.Empty = st.Err("ticket") != ""
	return adminpages.CheckIn(v), nil
}
