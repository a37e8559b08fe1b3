package web

import (
	"context"
	"errors"
	"io"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/internal/visits"
	"github.com/expoportal/portal/templates/pages"
)

// registerLimit is how many tickets one address may make an hour: a
// school's network makes many honest ones (the largest delegation's list,
// teachers registering one by one), a robot far more. A delegation counts
// each of its tickets.
const registerLimit = form.MaxGroupMembers + 1 + 100

// registerFrame is the frame of a page under /register: the visitor
// registration's place in the menu, then the page itself (titleKey) as the
// last crumb, at path.
func (s *Server) registerFrame(ctx context.Context, lang i18n.Lang, path, titleKey string) (*view.Page, error) {
	p, err := s.page(ctx, lang, "/register", "")
	if err != nil {
		return nil, err
	}
	if path == "/register" {
		return p, nil
	}
	p.Path = path
	p.Canonical = s.baseURL + "/" + lang.Code + path
	for i := range p.Alternates {
		a := &p.Alternates[i]
		a.Href, a.URL = "/"+a.Lang.Code+path, s.baseURL+"/"+a.Lang.Code+path
	}
	if n := len(p.Crumbs); n > 0 {
		p.Crumbs[n-1].Href = p.Href("/register")
	}
	p.Title = p.T(titleKey)
	p.Crumbs = append(p.Crumbs, view.Crumb{Label: p.Title})
	return p, nil
}

// privatePage marks a page whose address is its key (a ticket, a
// delegation): search engines leave it out, no Referer carries the token
// to another site, and no shared cache keeps a copy.
func privatePage(w http.ResponseWriter) {
	h := w.Header()
	h.Set("X-Robots-Tag", "noindex, nofollow")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "private, no-cache")
}

// registerCheck is what both registration forms check first: a robot, or
// a form sent too fast or too late (st's notice), and the dates a visitor
// may still choose, in the expo's time zone, for the post's language.
func (s *Server) registerCheck(r *http.Request, st *form.State) (lang i18n.Lang, days []time.Time, err error) {
	if st.Notice, err = s.checkFormBot(r); err != nil {
		return lang, nil, err
	}
	lang = s.requestLang(r)
	site, _, err := s.frame(r.Context(), lang.Code)
	if err != nil {
		return lang, nil, err
	}
	loc := s.location(site.TimeZone)
	return lang, form.RegistrationDays(site.OpensAt.In(loc), site.ClosesAt.In(loc), s.now().In(loc)), nil
}

// registerForm builds the view of the form at path (titleKey names it
// under /register) around st: the days on offer and the form's stamp.
func (s *Server) registerForm(r *http.Request, st *form.State, path, titleKey string) (*view.RegisterForm, error) {
	p, err := s.registerFrame(r.Context(), s.requestLang(r), path, titleKey)
	if err != nil {
		return nil, err
	}
	stamp, err := s.formStamp(r.Context(), st)
	if err != nil {
		return nil, err
	}
	return &view.RegisterForm{Page: p, Form: st, Stamp: stamp, MailsTickets: s.outbox.Mails(),
		Days: form.RegistrationDays(p.Local(p.Site.OpensAt), p.Local(p.Site.ClosesAt), p.Local(s.now()))}, nil
}

// registerPage shows the visitor's form.
func (s *Server) registerPage(r *http.Request, st *form.State) (templ.Component, error) {
	f, err := s.registerForm(r, st, "/register", "")
	if err != nil {
		return nil, err
	}
	return pages.Register(f), nil
}

func (s *Server) showRegister(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.registerPage)
}

// postRegister issues one visitor's ticket. A robot, a form filled too fast
// and every typing mistake get the form back (422) with what was typed;
// only a clean form counts against the address's hourly limit.
func (s *Server) postRegister(w http.ResponseWriter, r *http.Request) (err error) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	st := form.Posted(r.PostForm)
	defer s.keepFormOnOutage(w, r, &err, st, s.registerPage)
	lang, days, err := s.registerCheck(r, st)
	if err != nil {
		return err
	}
	reg, errs := form.ParseRegistration(r.PostForm, days)
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.registerPage)
	}
	if err := s.allowFormPost(r, st, s.registerPage, "register", 1, registerLimit, "form.err.too_many"); err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), lang, "/register", "") // the e-mail's words
	if err != nil {
		return err
	}
	reg.Lang, reg.FormStamp, reg.FormDigest = lang.Code, r.PostForm.Get(stampField), submissionDigest(r.PostForm)
	// The same person again (the ticket page was closed and lost) gets the
	// ticket they have, not a second one that would count twice.
	if token, found, err := s.store.SameVisitor(r.Context(), reg); err != nil {
		return err
	} else if found {
		http.Redirect(w, r, "/"+lang.Code+"/tickets/"+token+"?again=1", http.StatusSeeOther)
		return nil
	}
	reg.Address = addressKey(visits.ClientIP(r, s.trustedProxies))
	// A double tap's second post gets the ticket the first one made.
	reg, err = s.store.CreateRegistration(r.Context(), reg, func(ctx context.Context, tx pgx.Tx, reg store.Registration) error {
		if reg.Email == "" {
			return nil
		}
		return s.outbox.Enqueue(ctx, tx, s.ticketMail(p, reg))
	})
	if errors.Is(err, store.ErrStampUsed) {
		return s.stampUsed(r, st, s.registerPage)
	}
	if err != nil && !errors.Is(err, store.ErrDuplicatePost) {
		return err
	}
	http.Redirect(w, r, "/"+lang.Code+"/tickets/"+reg.Token, http.StatusSeeOther)
	return nil
}

// ticketMail is the e-mail with the link to r's e-ticket, to the address
// the visitor gave, in the language they registered in. It is queued in
// the transaction that issues the ticket.
func (s *Server) ticketMail(p *view.Page, r store.Registration) outbox.Mail {
	code := store.FormatTicketCode(r.Code)
	return outbox.Mail{
		To:      []string{r.Email},
		Subject: p.T("register.mail.subject", p.Site.ExpoName, code),
		Body:    p.T("register.mail.body", r.Name, p.Site.ExpoName, code, s.baseURL+p.Href("/tickets/"+r.Token)),
		About:   "e-ticket " + code,
	}
}

// queueGroupMails queues, in the transaction that issues a delegation's
// tickets, the leader's e-mail with the link to the group's page (every
// ticket, the leader's too) and a ticket e-mail to each member who gave an
// address of their own.
func (s *Server) queueGroupMails(ctx context.Context, tx pgx.Tx, p *view.Page, g store.VisitorGroup, tickets []store.Registration) error {
	if g.LeaderEmail != "" {
		m := outbox.Mail{
			To:      []string{g.LeaderEmail},
			Subject: p.T("register.group.mail.subject", p.Site.ExpoName, g.Organisation),
			Body: p.T("register.group.mail.body", g.LeaderName, p.Site.ExpoName, g.Organisation,
				strconv.Itoa(len(tickets)), s.baseURL+p.Href("/register/group/"+g.Token)),
			About: "group tickets " + g.Organisation,
		}
		if err := s.outbox.Enqueue(ctx, tx, m); err != nil {
			return err
		}
	}
	for _, t := range tickets {
		if t.Email == "" || strings.EqualFold(t.Email, g.LeaderEmail) {
			continue
		}
		if err := s.outbox.Enqueue(ctx, tx, s.ticketMail(p, t)); err != nil {
			return err
		}
	}
	return nil
}

// ticket draws r's ticket for a page in p's language: the QR code holds
// the ticket's absolute address in that language.
func (s *Server) ticket(p *view.Page, r store.Registration) (view.Ticket, error) {
	return view.NewTicket(r, s.baseURL+p.Href("/tickets/"+r.Token))
}

// showTicket is a visitor's e-ticket. The token is the only key: an
// unknown one is the ordinary 404, with nothing that tells it apart.
func (s *Server) showTicket(w http.ResponseWriter, r *http.Request) error {
	token := chi.URLParam(r, "token")
	reg, err := s.store.RegistrationByToken(r.Context(), token)
	if err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), s.requestLang(r), "/tickets/"+token, "register.ticket.title")
	if err != nil {
		return err
	}
	t, err := s.ticket(p, reg)
	if err != nil {
		return err
	}
	privatePage(w)
	s.render(w, r, http.StatusOK, pages.TicketPage(&view.Tickets{Page: p, Tickets: []view.Ticket{t}, Again: r.URL.Query().Get("again") == "1"}))
	return nil
}

// groupPage shows the delegation form; rows and file are what a post
// found wrong in the member file (nil on a blank form), and more asks for
// more member rows than the form had.
func (s *Server) groupPage(rows []form.RowError, file string, more bool) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		f, err := s.registerForm(r, st, "/register/group", "register.group.title")
		if err != nil {
			return nil, err
		}
		return pages.GroupRegister(&view.GroupForm{RegisterForm: *f, RowErrors: rows, FileName: file,
			Rows: form.GroupRows(st.Values, more)}), nil
	}
}

func (s *Server) showGroupForm(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.groupPage(nil, "", false))
}

// memberVocabulary collects the words a member file may use: the columns'
// names and the roles' labels in every language, and the slugs.
func (s *Server) memberVocabulary() form.MemberVocabulary {
	voc := form.MemberVocabulary{Columns: map[string]string{}, Roles: map[string]string{}}
	for _, c := range form.MemberColumns {
		voc.Columns[form.Fold(c)] = c
	}
	for synonym, c := range memberSynonyms {
		voc.Columns[form.Fold(synonym)] = c
	}
	for _, l := range s.cat.Langs() {
		p := s.cat.Printer(l)
		for _, c := range form.MemberColumns {
			voc.Columns[form.Fold(p.T("register.group.col."+c))] = c
		}
		for _, role := range store.RegistrationRoles {
			voc.Roles[form.Fold(p.T("register.role."+role))] = role
		}
	}
	for _, role := range store.RegistrationRoles {
		voc.Roles[form.Fold(role)] = role
	}
	return voc
}

// memberSynonyms are headers teachers write by hand for the member columns.
var memberSynonyms = map[string]string{
	"名字": "name", "学生姓名": "name", "full name": "name",
	"角色": "role", "类别": "role", "类型": "role",
	"mobile": "phone", "手机号": "phone", "手机号码": "phone", "电话": "phone", "联系电话": "phone", "tel": "phone",
	"email": "email", "e-mail": "email", "电子邮箱": "email", "电子邮件": "email", "mail": "email",
}

// memberFileKey translates why a member file as a whole could not be read.
func memberFileKey(err error) string {
	for _, e := range []struct {
		err error
		key string
	}{
		{csvimport.ErrEmpty, "register.group.err.empty"}, {form.ErrNoMembers, "register.group.err.empty"},
		{csvimport.ErrTooLarge, "register.group.err.too_large"},
		{csvimport.ErrTooMany, "register.group.err.too_many"}, {form.ErrTooManyRows, "register.group.err.too_many"},
		{csvimport.ErrEncoding, "register.group.err.encoding"}, {csvimport.ErrMalformed, "register.group.err.malformed"},
		{form.ErrNoMemberName, "register.group.err.no_name"},
	} {
		if errors.Is(err, e.err) {
			return e.key
		}
	}
	return ""
}

// maxMemberFile is the largest member list accepted: 200 rows are a few
// kilobytes, so anything near this is the wrong file.
const maxMemberFile = 1 << 20

// postGroup registers a delegation: the leader's fields and the members,
// typed as rows or sent as a file. Any problem, in a field or in any row,
// sends the whole form back (422) with every problem shown and nothing
// written; all good, the group and a ticket per member are written in one
// transaction. The "add rows" button posts the form too: it comes back as
// typed with more empty rows, nothing checked or written.
func (s *Server) postGroup(w http.ResponseWriter, r *http.Request) (err error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxMemberFile+(64<<10))
	tooBig := false
	if err := r.ParseMultipartForm(maxMemberFile + (64 << 10)); err != nil {
		var mbe *http.MaxBytesError
		if !errors.As(err, &mbe) {
			return clientError(err)
		}
		tooBig = true
	}
	st := form.Posted(r.PostForm)
	var rows []form.RowError
	var fileName string
	// The view is built only if the form is shown again, and then with
	// whatever the member file turned out to hold.
	show := func(r *http.Request, st *form.State) (templ.Component, error) {
		return s.groupPage(rows, fileName, false)(r, st)
	}
	if r.PostForm.Get(form.AddRowsField) != "" && !tooBig {
		return s.showForm(w, r, st, s.groupPage(nil, "", true))
	}
	defer s.keepFormOnOutage(w, r, &err, st, show)
	lang, days, err := s.registerCheck(r, st)
	if err != nil {
		return err
	}
	lead, errs := form.ParseGroup(r.PostForm, days)
	typed, rowErrs := form.ParseMemberRows(r.PostForm)
	maps.Copy(errs, rowErrs)
	st.Errors = errs
	var members []store.Registration
	var memberFile []byte // what was sent, for the submission's digest
	switch f, hdr, err := r.FormFile("members"); {
	case tooBig:
		st.Fail("members", "register.group.err.too_large")
	case err != nil && len(typed) == 0 && len(rowErrs) == 0:
		st.Fail("rows", "register.group.err.no_members")
	case err != nil:
		members = typed
	case len(typed) > 0:
		f.Close()
		st.Fail("members", "register.group.err.both")
	default:
		defer f.Close()
		fileName = hdr.Filename
		data, err := io.ReadAll(io.LimitReader(f, maxMemberFile+1))
		if err != nil {
			return clientError(err)
		}
		memberFile = data
		tab, err := csvimport.Read(data)
		if err == nil {
			members, rows, err = form.ReadMembers(tab, s.memberVocabulary())
		}
		if len(data) > maxMemberFile {
			err = csvimport.ErrTooLarge
		}
		if key := memberFileKey(err); key != "" {
			st.Fail("members", key)
		} else if err != nil {
			return err
		} else if len(rows) > 0 {
			st.Fail("members", "register.group.err.rows")
		}
	}
	if st.Invalid() {
		return invalidForm(st, show)
	}
	lead.Group.Lang = lang.Code
	// The leader comes too: their ticket first, unless the list has them.
	leader := store.Registration{Name: lead.Group.LeaderName, Role: "teacher", Phone: lead.Group.LeaderPhone, Email: lead.Group.LeaderEmail}
	listed := false
	for _, m := range members {
		listed = listed || (m.Phone != "" && m.Phone == leader.Phone)
	}
	if !listed {
		members = append([]store.Registration{leader}, members...)
	}
	for i := range members {
		m := &members[i]
		m.Lang, m.Organisation, m.City, m.Days = lang.Code, lead.Group.Organisation, lead.City, lead.Days
		m.Address = addressKey(visits.ClientIP(r, s.trustedProxies))
	}
	lead.Group.FormStamp, lead.Group.FormDigest = r.PostForm.Get(stampField), submissionDigest(r.PostForm, memberFile)
	// The same list again (a double tap, a resend) is its delegation's page,
	// before the tickets count against the limit a second time.
	token, err := s.store.GroupTokenByStamp(r.Context(), lead.Group.FormStamp, lead.Group.FormDigest)
	if errors.Is(err, store.ErrStampUsed) {
		return s.stampUsed(r, st, show)
	} else if err != nil {
		return err
	} else if token != "" {
		http.Redirect(w, r, "/"+lang.Code+"/register/group/"+token, http.StatusSeeOther)
		return nil
	}
	// Every ticket counts, so a list cannot make hundreds in one post.
	if err := s.allowFormPost(r, st, show, "register", len(members), registerLimit, "register.group.err.hourly"); err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), lang, "/register/group", "register.group.title") // the e-mails' words
	if err != nil {
		return err
	}
	group, _, err := s.store.CreateGroup(r.Context(), lead.Group, members, func(ctx context.Context, tx pgx.Tx, made store.VisitorGroup, tickets []store.Registration) error {
		return s.queueGroupMails(ctx, tx, p, made, tickets)
	})
	if errors.Is(err, store.ErrStampUsed) {
		return s.stampUsed(r, st, show)
	}
	if err != nil && !errors.Is(err, store.ErrDuplicatePost) {
		return err
	}
	http.Redirect(w, r, "/"+lang.Code+"/register/group/"+group.Token, http.StatusSeeOther)
	return nil
}

// groupTemplate is a member list to fill in: headers in the page's
// language (any language's are read back) and two example rows.
func (s *Server) groupTemplate(w http.ResponseWriter, r *http.Request) error {
	p := s.cat.Printer(s.requestLang(r))
	var header []string
	for _, c := range form.MemberColumns {
		header = append(header, p.T("register.group.col."+c))
	}
	rows := [][]string{
		strings.Split(p.T("register.group.example1"), "|"),
		strings.Split(p.T("register.group.example2"), "|"),
	}
	var b strings.Builder
	if err := csvimport.Write(&b, header, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+p.T("register.group.template_file")+`"; filename*=UTF-8''`+
		url.PathEscape(p.T("register.group.template_file")))
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := io.WriteString(w, b.String())
	return err
}

// showGroup lists a delegation's members with a link to each ticket.
func (s *Server) showGroup(w http.ResponseWriter, r *http.Request) error {
	token := chi.URLParam(r, "token")
	group, members, err := s.store.GroupByToken(r.Context(), token)
	if err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), s.requestLang(r), "/register/group/"+token, "register.group.done_title")
	if err != nil {
		return err
	}
	privatePage(w)
	s.render(w, r, http.StatusOK, pages.GroupTickets(&view.GroupPage{Page: p, Group: group, Members: members}))
	return nil
}

// printGroup is every ticket of a delegation, one per printed page.
func (s *Server) printGroup(w http.ResponseWriter, r *http.Request) error {
	token := chi.URLParam(r, "token")
	group, members, err := s.store.GroupByToken(r.Context(), token)
	if err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), s.requestLang(r), "/register/group/"+token+"/print", "register.group.print_title")
	if err != nil {
		return err
	}
	v := &view.Tickets{Page: p, Group: &group, Back: p.Href("/register/group/" + token)}
	// The trail passes through the delegation's page.
	n := len(p.Crumbs)
	p.Crumbs = append(p.Crumbs[:n-1:n-1], view.Crumb{Label: p.T("register.group.done_title"), Href: v.Back}, p.Crumbs[n-1])
	for _, m := range members {
		t, err := s.ticket(p, m)
		if err != nil {
			return err
		}
		v.Tickets = append(v.Tickets, t)
	}
	privatePage(w)
	s.render(w, r, http.StatusOK, pages.TicketsPrint(v))
	return nil
}

// findTicketLimit is how many look-ups one address may make an hour: a
// teacher tries a few spellings; a script trying numbers gets nowhere.
const findTicketLimit = 10

// findTicketPage is the form that sends a lost ticket again; sent says the
// answer is being shown (the same whether or not a ticket was found).
func (s *Server) findTicketPage(sent bool) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		f, err := s.registerForm(r, st, "/register/find", "register.find.title")
		if err != nil {
			return nil, err
		}
		return pages.FindTicket(f, sent), nil
	}
}

func (s *Server) showFindTicket(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.findTicketPage(false))
}

// postFindTicket e-mails the tickets issued to a mobile number and name
// again, to the address given when registering. The answer never says
// whether a ticket was found, so nobody learns who registered.
func (s *Server) postFindTicket(w http.ResponseWriter, r *http.Request) (err error) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		return clientError(err)
	}
	st := form.Posted(r.PostForm)
	defer s.keepFormOnOutage(w, r, &err, st, s.findTicketPage(false))
	lang, _, err := s.registerCheck(r, st)
	if err != nil {
		return err
	}
	name, phone, errs := form.ParseFindTicket(r.PostForm)
	if st.Errors = errs; st.Invalid() {
		return invalidForm(st, s.findTicketPage(false))
	}
	if err := s.allowFormPost(r, st, s.findTicketPage(false), "find-ticket", 1, findTicketLimit, "form.err.too_many"); err != nil {
		return err
	}
	p, err := s.registerFrame(r.Context(), lang, "/register", "")
	if err != nil {
		return err
	}
	if _, err := s.store.ResendTickets(r.Context(), phone, name, func(ctx context.Context, tx pgx.Tx, found []store.Registration) error {
		for _, reg := range found {
			if err := s.outbox.Enqueue(ctx, tx, s.ticketMail(p, reg)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return s.showForm(w, r, form.NewState(nil), s.findTicketPage(true))
}
