package web

import (
	"net/http"

	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/templates/pages"
)

// showCharges is the public price list: the items in force on today's date
// in the expo's time zone, read on each request so a change shows at once
// and an early-bird price gives way to the regular one at midnight.
func (s *Server) showCharges(w http.ResponseWriter, r *http.Request) error {
	p, err := s.page(r.Context(), s.requestLang(r), pagePath(r), "")
	if err != nil {
		return err
	}
	items, err := s.store.ChargesInForce(r.Context(), p.Now)
	if err != nil {
		return err
	}
	p.Description = p.T("charges.in_force", p.Date(p.Now)) + " " + p.T("charges.vat")
	s.render(w, r, http.StatusOK, pages.Charges(view.NewCharges(p, items)))
	return nil
}
