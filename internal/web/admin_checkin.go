package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// maxTicketInput is longer than any ticket URL; a scanner left running into
// the field is cut, not stored anywhere.
const maxTicketInput = 512

// checkInPage builds the door's page with today's arrivals.
func (s *Server) checkInPage(r *http.Request) (*view.CheckInPage, error) {
	a := s.adminFrame(r, currentUser(r), "checkin.title")
	now := s.now().In(a.Loc)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, a.Loc)
	v := &view.CheckInPage{Admin: a, Today: now}
	var err error
	v.Arrived, err = s.store.CheckedInBetween(r.Context(), start, start.AddDate(0, 0, 1))
	return v, err
}

// allowCamera lets this page (and only it) ask for the camera, for the
// optional scanning with the browser's BarcodeDetector.
func allowCamera(w http.ResponseWriter) {
	w.Header().Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
}

func (s *Server) showCheckIn(w http.ResponseWriter, r *http.Request) error {
	v, err := s.checkInPage(r)
	if err != nil {
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
	if strings.TrimSpace(input) == "" {
		v, err := s.checkInPage(r)
		if err != nil {
			return err
		}
		v.Empty = true
		allowCamera(w)
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.CheckIn(v))
		return nil
	}
	zone := "Asia/Shanghai"
	if site, err := s.store.Site(r.Context(), s.requestLang(r).Code); err == nil {
		zone = site.TimeZone
	}
	res, err := s.store.CheckIn(r.Context(), input, currentUser(r).ID, s.now(), zone)
	if err != nil {
		return err
	}
	v, err := s.checkInPage(r)
	if err != nil {
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
	allowCamera(w)
	s.render(w, r, http.StatusOK, adminpages.CheckIn(v))
	return nil
}
