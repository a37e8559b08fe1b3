package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/internal/visits"
	adminpages "github.com/expoportal/portal/templates/admin"
	"github.com/expoportal/portal/templates/pages"
)

// intlPath is the page for international exhibitors.
const intlPath = "/exhibit/international"

// visaLimit is how many invitation letter requests one address may send in
// an hour: a company's delegation gets through, a flood does not.
const visaLimit = 10

// visaListLimit is how many requests the back office lists.
const visaListLimit = 500

// intlForm shows the page for international exhibitors with the visa
// request form in st: the menu's title, the content page staff keep at
// this address (freight, travel) above it.
func (s *Server) intlForm(r *http.Request, st *form.State) (templ.Component, error) {
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, intlPath, "")
	if err != nil {
		return nil, err
	}
	v := &view.IntlPage{Page: p, Form: st}
	if err := s.contentIntro(r.Context(), lang, p, &v.Summary, &v.IntroHTML); err != nil {
		return nil, err
	}
	if v.Stamp, err = s.formStamp(r.Context(), st); err != nil {
		return nil, err
	}
	return pages.International(v), nil
}

// contentIntro puts the content page staff keep at p's path, in lang,
// into p's title and description and summary and body. A page only in
// another language is left out: the form around it is in lang. Without
// the database the form still shows, without its text.
func (s *Server) contentIntro(ctx context.Context, lang i18n.Lang, p *view.Page, summary, body *string) error {
	content, err := s.store.PublishedPage(ctx, p.Path, lang.Code)
	switch {
	case err == nil && content.Lang == lang.Code:
		html, err := s.md.HTML(content.Body)
		if err != nil {
			return err
		}
		p.Title, *summary, *body = content.Title, content.Summary, string(html)
		if n := len(p.Crumbs); n > 0 {
			p.Crumbs[n-1].Label = content.Title
		}
		if content.Summary != "" {
			p.Description = content.Summary
		}
	case err != nil && !errors.Is(err, store.ErrNotFound) && !dbUnavailable(err):
		return err
	}
	return nil
}

func (s *Server) showInternational(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.intlForm)
}

// submitVisa checks and stores an invitation letter request, in the order
// submitApply keeps: robots away first, then the visitor's own mistakes
// (free), then the address is counted, and only then one row is written.
// Whatever went wrong, the form comes back with everything typed.
func (s *Server) submitVisa(w http.ResponseWriter, r *http.Request) (err error) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	st, show := form.Posted(r.PostForm), s.intlForm
	defer s.keepFormOnOutage(w, r, &err, st, show)
	lang := s.requestLang(r)
	site, _, err := s.frame(r.Context(), lang.Code)
	if err != nil {
		return err
	}
	q, errs := form.ParseVisaRequest(r.PostForm, s.now().In(s.location(site.TimeZone)))
	if st.Notice, err = s.checkFormBot(r); err != nil {
		return err
	} else if st.Notice != "" {
		return invalidForm(st, show)
	}
	stamp, digest := r.PostForm.Get(stampField), submissionDigest(r.PostForm)
	if done, err := s.visaSentWith(w, r, st, show, stamp, digest); done || err != nil {
		return err
	}
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, show)
	}
	if err := s.allowFormPost(r, st, show, "visa", 1, visaLimit, "form.err.too_many"); err != nil {
		return err
	}
	q.Lang = lang.Code
	q.Address = addressKey(visits.ClientIP(r, s.trustedProxies))
	q.FormStamp, q.FormDigest = stamp, digest
	q, err = s.store.CreateVisaRequest(r.Context(), q, func(ctx context.Context, tx pgx.Tx, q store.VisaRequest) error {
		return s.outbox.Enqueue(ctx, tx, s.visaMail(q))
	})
	if errors.Is(err, store.ErrDuplicatePost) {
		// A double tap's second post: the first one's confirmation.
		if done, err := s.visaSentWith(w, r, st, show, stamp, digest); done || err != nil {
			return err
		}
		return s.stampUsed(r, st, show)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/"+lang.Code+intlPath+"/"+q.Token, http.StatusSeeOther)
	return nil
}

// visaSentWith is appliedWith for invitation letter requests.
func (s *Server) visaSentWith(w http.ResponseWriter, r *http.Request, st *form.State, show formView, stamp, digest string) (bool, error) {
	token, err := s.store.VisaRequestTokenByStamp(r.Context(), stamp, digest)
	if errors.Is(err, store.ErrStampUsed) {
		return true, s.stampUsed(r, st, show)
	}
	if err != nil || token == "" {
		return false, err
	}
	http.Redirect(w, r, "/"+s.requestLang(r).Code+intlPath+"/"+token, http.StatusSeeOther)
	return true, nil
}

// visaMail tells the organisers of a new request, in the site's default
// language, like organisersMail; queued with the request, sent later.
func (s *Server) visaMail(q store.VisaRequest) outbox.Mail {
	p := s.cat.Printer(s.cat.Default())
	return outbox.Mail{
		Subject: p.T("visa.mail.subject", q.ID, q.Name),
		Body: p.T("visa.mail.body", q.Name, q.Company, p.RegionName(q.Nationality), q.PassportNo,
			p.DateRange(q.ArrivesOn, q.DepartsOn), q.Email, s.baseURL+"/admin/applications/visas"),
		About: "visa invitation request " + strconv.FormatInt(q.ID, 10),
	}
}

// showVisaDone confirms a request. Only the sender has its address (it
// shows a passport number): no index, no cache, no Referer.
func (s *Server) showVisaDone(w http.ResponseWriter, r *http.Request) error {
	q, err := s.store.VisaRequestByToken(r.Context(), chi.URLParam(r, "token"))
	if err != nil {
		return err
	}
	lang := s.requestLang(r)
	p, err := s.page(r.Context(), lang, intlPath, "")
	if err != nil {
		return err
	}
	p.Title = p.T("visa.done.title")
	if n := len(p.Crumbs); n > 0 {
		p.Crumbs[n-1].Href = p.Href(intlPath)
	}
	p.Crumbs = append(p.Crumbs, view.Crumb{Label: p.Title})
	p.Path, p.Canonical = intlPath+"/"+q.Token, ""
	for i := range p.Alternates {
		p.Alternates[i].Href, p.Alternates[i].URL = "/"+p.Alternates[i].Lang.Code+p.Path, ""
	}
	w.Header().Set("X-Robots-Tag", "noindex, nofollow")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.render(w, r, http.StatusOK, pages.VisaDone(&view.VisaDone{Page: p, Req: q}))
	return nil
}

// listVisaRequests is the organisers' list of invitation letter requests.
func (s *Server) listVisaRequests(w http.ResponseWriter, r *http.Request) error {
	v := &view.VisaAdmin{Admin: s.adminFrame(r, currentUser(r), "visa.admin.title")}
	var err error
	if v.Items, v.Total, err = s.store.VisaRequests(r.Context(), visaListLimit); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.VisaRequests(v))
	return nil
}
