package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/internal/visits"
	"github.com/expoportal/portal/templates/pages"
)

// applyLimit is how many applications one address may send in an hour: a
// company applying for a few booths gets through, a flood does not.
const applyLimit = 10

// applyForm builds the application page's frame: the menu's title, and the
// content page staff keep at this address (its text goes above the form).
func (s *Server) applyForm(r *http.Request, values url.Values) (*view.ApplyForm, error) {
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, "/exhibit/apply", "")
	if err != nil {
		return nil, err
	}
	v := &view.ApplyForm{Page: p, Values: values, Errors: form.Errors{}}
	content, err := s.store.PublishedPage(r.Context(), "/exhibit/apply", lang.Code)
	switch {
	case err == nil && content.Lang == lang.Code:
		body, err := s.md.HTML(content.Body)
		if err != nil {
			return nil, err
		}
		p.Title, v.IntroHTML = content.Title, string(body)
		if len(p.Crumbs) > 0 {
			p.Crumbs[len(p.Crumbs)-1].Label = content.Title
		}
		if content.Summary != "" {
			p.Description = content.Summary
		}
	case err != nil && !errors.Is(err, store.ErrNotFound) && !dbUnavailable(err):
		return nil, err // (without the database the form still shows, without its intro)
	}
	if v.Stamp, err = s.formStamp(r); err != nil {
		return nil, err
	}
	return v, nil
}

// showApply is the empty form, with the booth chosen on the map when the
// address names one (?booth=1A05).
func (s *Server) showApply(w http.ResponseWriter, r *http.Request) error {
	v, err := s.applyForm(r, url.Values{})
	if err != nil {
		return err
	}
	if number := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("booth"))); number != "" {
		b, err := s.store.BoothByNumber(r.Context(), number)
		switch {
		case errors.Is(err, store.ErrNotFound):
			v.Errors["booth"] = "apply.err.no_booth"
		case err != nil:
			return err
		case b.Status != "available":
			v.Problem = v.T("apply.err.booth_taken", b.Number)
		default:
			v.Booth = &b
		}
		// One page, whatever booth was asked for: search engines index the plain form.
		w.Header().Set("X-Robots-Tag", "noindex")
	}
	s.render(w, r, http.StatusOK, pages.Apply(v))
	return nil
}

// submitApply checks and stores an application. The order matters: robots
// are turned away first, then the visitor's own mistakes are shown (they
// cost nothing against the rate limit), then the address is counted, and
// only then is anything written. Whatever went wrong, the form comes back
// with everything typed.
func (s *Server) submitApply(w http.ResponseWriter, r *http.Request) (err error) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	v, err := s.applyForm(r, r.PostForm)
	if err != nil {
		return err
	}
	defer s.keepFormOnOutage(w, r, &err, pages.Apply(v), func() { v.Problem = v.T("form.err.unavailable") })
	in, errs := form.ParseApplication(r.PostForm)
	// The chosen booth is shown again whatever else is wrong.
	if in.BoothNumber != "" && errs["booth"] == "" {
		b, err := s.store.BoothByNumber(r.Context(), in.BoothNumber)
		switch {
		case errors.Is(err, store.ErrNotFound):
			errs["booth"] = "apply.err.no_booth"
		case err != nil:
			return err
		default:
			v.Booth = &b
		}
	}
	if key, err := s.checkFormBot(r); err != nil {
		return err
	} else if key != "" {
		v.Problem = v.T(key)
		s.render(w, r, http.StatusUnprocessableEntity, pages.Apply(v))
		return nil
	}
	// The same form again (a double tap, a resend): its confirmation.
	stamp, digest := r.PostForm.Get(stampField), submissionDigest(r.PostForm)
	if done, err := s.appliedWith(w, r, v, stamp, digest); done || err != nil {
		return err
	}
	if len(errs) > 0 {
		v.Errors = errs
		if v.Booth != nil && v.Booth.Status != "available" {
			dropTakenBooth(v) // said now, with the rest, not after they are fixed
		}
		s.render(w, r, http.StatusUnprocessableEntity, pages.Apply(v))
		return nil
	}
	if v.Booth != nil && v.Booth.Status != "available" {
		s.boothTaken(w, r, v)
		return nil
	}
	if ok, err := s.allowFormPost(r, "apply", 1, applyLimit); err != nil {
		return err
	} else if !ok {
		v.Problem = v.T("form.err.too_many")
		s.render(w, r, http.StatusTooManyRequests, pages.Apply(v))
		return nil
	}
	a := in.Application
	a.Lang = v.Lang.Code
	a.Address = addressKey(visits.ClientIP(r, s.trustedProxies))
	if v.Booth != nil {
		a.BoothID, a.BoothType, a.Area = &v.Booth.ID, v.Booth.Type, nil
	}
	year := v.Now.Year()
	if !v.Site.OpensAt.IsZero() {
		year = v.Local(v.Site.OpensAt).Year()
	}
	a.FormStamp, a.FormDigest = stamp, digest
	a, err = s.store.CreateApplication(r.Context(), a, year, func(ctx context.Context, tx pgx.Tx, a store.Application) error {
		a.Booth = v.Booth
		return s.outbox.Enqueue(ctx, tx, s.organisersMail(a))
	})
	if errors.Is(err, store.ErrBoothTaken) || errors.Is(err, store.ErrDuplicatePost) {
		// A double tap's second post waited for the first, which took the
		// booth: it is the same company, shown its own confirmation.
		if done, err := s.appliedWith(w, r, v, stamp, digest); done || err != nil {
			return err
		}
		s.boothTaken(w, r, v)
		return nil
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, v.Href("/exhibit/apply/"+a.Token), http.StatusSeeOther)
	return nil
}

// appliedWith sends the visitor to the confirmation of the application
// their form (its stamp) already made from this very submission, and says
// whether there was one. A different submission with that stamp is not
// shown it: the form comes back, as typed, with a stamp of its own.
func (s *Server) appliedWith(w http.ResponseWriter, r *http.Request, v *view.ApplyForm, stamp, digest string) (bool, error) {
	token, err := s.store.ApplicationTokenByStamp(r.Context(), stamp, digest)
	if errors.Is(err, store.ErrStampUsed) {
		if v.Stamp, err = s.freshFormStamp(r); err != nil {
			return true, err
		}
		v.Problem = v.T("form.err.stamp_used")
		s.render(w, r, http.StatusConflict, pages.Apply(v))
		return true, nil
	}
	if err != nil || token == "" {
		return false, err
	}
	http.Redirect(w, r, v.Href("/exhibit/apply/"+token), http.StatusSeeOther)
	return true, nil
}

// boothTaken answers an application for a booth someone else has just
// taken: 409, the form without that booth (so it can go in with a type
// and area instead, or another booth), everything else kept.
func (s *Server) boothTaken(w http.ResponseWriter, r *http.Request, v *view.ApplyForm) {
	dropTakenBooth(v)
	s.render(w, r, http.StatusConflict, pages.Apply(v))
}

// dropTakenBooth says the chosen booth is gone and takes it off the form.
func dropTakenBooth(v *view.ApplyForm) {
	v.Problem = v.T("apply.err.booth_taken", v.Booth.Number)
	v.Booth = nil
	v.Values = cloneValues(v.Values)
	v.Values.Del("booth")
}

func cloneValues(in url.Values) url.Values {
	out := url.Values{}
	for k, vs := range in {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// organisersMail is the organisers' e-mail about a new application, in
// the site's default language. It is queued in the transaction that
// stores the application, so neither exists without the other, and sent
// by the outbox's worker: the applicant does not wait for the mail server.
func (s *Server) organisersMail(a store.Application) outbox.Mail {
	p := s.cat.Printer(s.cat.Default())
	booth := view.ApplicationSpace(p, a)
	return outbox.Mail{
		Subject: p.T("apply.mail.subject", a.Reference, a.Company()),
		Body: p.T("apply.mail.body", a.Reference, a.Company(), a.Contact, a.Mobile, a.Email, booth,
			s.baseURL+"/admin/applications/"+strconv.FormatInt(a.ID, 10)),
		About: "booth application " + a.Reference,
	}
}

// showApplyDone is an application's confirmation page. Only the applicant
// has its address; search engines are asked to stay away and caches to
// keep nothing.
func (s *Server) showApplyDone(w http.ResponseWriter, r *http.Request) error {
	token := chi.URLParam(r, "token")
	if len(token) < 20 || len(token) > 64 {
		return errNotFound
	}
	a, err := s.store.ApplicationByToken(r.Context(), token)
	if err != nil {
		return err
	}
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, "/exhibit/apply", "")
	if err != nil {
		return err
	}
	p.Title = p.T("apply.done.title")
	if n := len(p.Crumbs); n > 0 {
		p.Crumbs[n-1].Href = p.Href("/exhibit/apply")
	}
	p.Crumbs = append(p.Crumbs, view.Crumb{Label: p.Title})
	// The twin in the other language is this confirmation, not the form;
	// no canonical or hreflang for a private page.
	p.Path, p.Canonical = "/exhibit/apply/"+token, ""
	for i := range p.Alternates {
		p.Alternates[i].Href, p.Alternates[i].URL = "/"+p.Alternates[i].Lang.Code+p.Path, ""
	}
	w.Header().Set("X-Robots-Tag", "noindex, nofollow")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.render(w, r, http.StatusOK, pages.ApplyDone(&view.ApplyDone{Page: p, App: a}))
	return nil
}
