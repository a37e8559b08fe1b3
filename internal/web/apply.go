package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"
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

// applyChoice is what a post learned about the booth the form names, for
// the form shown again: the booth chosen on the map, or the one that was
// chosen but is taken now.
type applyChoice struct {
	booth *store.Booth
	taken string
}

// drop takes a taken booth off the form and says so: the form comes back
// without it, so it can go in with a type and area, or another booth.
func (c *applyChoice) drop(st *form.State) {
	c.taken, c.booth = c.booth.Number, nil
	st.Values = cloneValues(st.Values)
	st.Values.Del("booth")
	st.Notice = "apply.err.booth_taken"
}

// applyForm shows the application: the menu's title, the content page
// staff keep at this address (its text goes above the form), and the
// booth choice.
func (s *Server) applyForm(c *applyChoice) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		lang := s.requestLang(r)
		p, err := s.page(r.Context(), lang, "/exhibit/apply", "")
		if err != nil {
			return nil, err
		}
		v := &view.ApplyForm{Page: p, Form: st, Booth: c.booth, Taken: c.taken}
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
		if v.Stamp, err = s.formStamp(r.Context(), st); err != nil {
			return nil, err
		}
		return pages.Apply(v), nil
	}
}

// showApply is the empty form, with the booth chosen on the map when the
// address names one (?booth=1A05).
func (s *Server) showApply(w http.ResponseWriter, r *http.Request) error {
	st, c := form.NewState(nil), &applyChoice{}
	if number := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("booth"))); number != "" {
		b, err := s.store.BoothByNumber(r.Context(), number)
		switch {
		case errors.Is(err, store.ErrNotFound):
			st.Fail("booth", "apply.err.no_booth")
		case err != nil:
			return err
		case b.Status != "available":
			c.taken, st.Notice = b.Number, "apply.err.booth_taken"
		default:
			c.booth = &b
		}
		// One page, whatever booth was asked for: search engines index the plain form.
		w.Header().Set("X-Robots-Tag", "noindex")
	}
	return s.showForm(w, r, st, s.applyForm(c))
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
	st, c := form.Posted(r.PostForm), &applyChoice{}
	show := s.applyForm(c)
	defer s.keepFormOnOutage(w, r, &err, st, show)
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
			c.booth = &b
		}
	}
	if st.Notice, err = s.checkFormBot(r); err != nil {
		return err
	} else if st.Notice != "" {
		return invalidForm(st, show)
	}
	// The same form again (a double tap, a resend): its confirmation.
	stamp, digest := r.PostForm.Get(stampField), submissionDigest(r.PostForm)
	if done, err := s.appliedWith(w, r, st, show, stamp, digest); done || err != nil {
		return err
	}
	taken := c.booth != nil && c.booth.Status != "available"
	if st.Errors = errs; st.Invalid() {
		if taken {
			c.drop(st) // said now, with the rest, not after they are fixed
		}
		return invalidForm(st, show)
	}
	if taken {
		c.drop(st)
		return takenForm(st, show)
	}
	if err := s.allowFormPost(r, st, show, "apply", 1, applyLimit, "form.err.too_many"); err != nil {
		return err
	}
	lang := s.requestLang(r)
	a := in.Application
	a.Lang = lang.Code
	a.Address = addressKey(visits.ClientIP(r, s.trustedProxies))
	if c.booth != nil {
		a.BoothID, a.BoothType, a.Area = &c.booth.ID, c.booth.Type, nil
	}
	year, err := s.expoYear(r.Context(), lang.Code)
	if err != nil {
		return err
	}
	a.FormStamp, a.FormDigest = stamp, digest
	a, err = s.store.CreateApplication(r.Context(), a, year, func(ctx context.Context, tx pgx.Tx, a store.Application) error {
		a.Booth = c.booth
		return s.outbox.Enqueue(ctx, tx, s.organisersMail(a))
	})
	if errors.Is(err, store.ErrBoothTaken) || errors.Is(err, store.ErrDuplicatePost) {
		// A double tap's second post waited for the first, which took the
		// booth: it is the same company, shown its own confirmation.
		if done, err := s.appliedWith(w, r, st, show, stamp, digest); done || err != nil {
			return err
		}
		c.drop(st)
		return takenForm(st, show)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/"+lang.Code+"/exhibit/apply/"+a.Token, http.StatusSeeOther)
	return nil
}

// expoYear is the year of the expo's references: the year it opens, else
// this year, in the expo's time zone.
func (s *Server) expoYear(ctx context.Context, lang string) (int, error) {
	site, _, err := s.frame(ctx, lang)
	if err != nil {
		return 0, err
	}
	loc := s.location(site.TimeZone)
	if !site.OpensAt.IsZero() {
		return site.OpensAt.In(loc).Year(), nil
	}
	return s.now().In(loc).Year(), nil
}

// appliedWith sends the visitor to the confirmation of the application
// their form (its stamp) already made from this very submission, and says
// whether there was one. A different submission with that stamp is not
// shown it: the form comes back, as typed, with a stamp of its own.
func (s *Server) appliedWith(w http.ResponseWriter, r *http.Request, st *form.State, show formView, stamp, digest string) (bool, error) {
	token, err := s.store.ApplicationTokenByStamp(r.Context(), stamp, digest)
	if errors.Is(err, store.ErrStampUsed) {
		return true, s.stampUsed(r, st, show)
	}
	if err != nil || token == "" {
		return false, err
	}
	http.Redirect(w, r, "/"+s.requestLang(r).Code+"/exhibit/apply/"+token, http.StatusSeeOther)
	return true, nil
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
