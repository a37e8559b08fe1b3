package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	"github.com/expoportal/portal/internal/visits"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// Sign-in throttling: failures in a row per account, and per address (a
// password spray over many accounts), within a window.
const (
	loginWindow         = 15 * time.Minute
	loginLimitAccount   = 5
	loginLimitAddress   = 20
	sessionUserKey      = "user_id"
	sessionPasswordKey  = "pw"
	sessionAbsoluteLife = 12 * time.Hour
	sessionIdleTimeout  = 2 * time.Hour
)

type userKey struct{}

// currentUser is the signed-in user of a request behind requireRole.
func currentUser(r *http.Request) *store.User {
	u, _ := r.Context().Value(userKey{}).(*store.User)
	return u
}

// requireRole lets through signed-in users whose role is one of roles
// (admin always); others see the sign-in page or a 403.
func (s *Server) requireRole(roles ...auth.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			id := s.sessions.GetInt64(r.Context(), sessionUserKey)
			var u store.User
			var err error
			if id != 0 {
				u, err = s.store.UserByID(r.Context(), id)
			}
			// A changed password ends the sessions made with the old one.
			stale := err == nil && s.sessions.GetString(r.Context(), sessionPasswordKey) != passwordMark(u.PasswordHash)
			if id == 0 || errors.Is(err, store.ErrNotFound) || (err == nil && (u.Disabled || stale)) {
				if id != 0 {
					_ = s.sessions.Destroy(r.Context())
				}
				target := "/admin/login"
				if r.Method == http.MethodGet && r.URL.Path != "/admin/" {
					target += "?next=" + url.QueryEscape(r.URL.RequestURI())
				}
				http.Redirect(w, r, target, http.StatusSeeOther)
				return
			} else if err != nil {
				s.handle(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
				return
			}
			if u.Role != auth.RoleAdmin && !slices.Contains(roles, u.Role) {
				a := s.adminFrame(r, &u, "admin.forbidden")
				w.Header().Set("Cache-Control", "no-store")
				s.render(w, r, http.StatusForbidden, adminpages.Forbidden(a))
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, &u)))
		})
	}
}

// noStore keeps back-office pages out of shared and browser caches.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// adminFrame builds the back office's frame in the staff member's language:
// the one kept with their account, else (signing in) the request's.
func (s *Server) adminFrame(r *http.Request, u *store.User, titleKey string) *view.Admin {
	lang := s.adminLang(r, u)
	a := &view.Admin{
		Printer: s.cat.Printer(lang), User: u, Path: r.URL.Path, Langs: s.cat.Langs(),
		Assets: s.assets, Loc: s.expoLoc(r),
	}
	a.ExpoName = a.T("site.name")
	if f, err := s.frameOf(r.Context(), lang.Code); err == nil {
		a.ExpoName = f.site.ExpoName
		a.Loc = s.location(f.site.TimeZone)
		a.Halls = f.halls
	}
	a.Title = a.T(titleKey)
	// The menu's badge: a failed count leaves the badge off, not the page.
	if u != nil && (u.Role == auth.RoleAdmin || u.Role == auth.RoleOrganiser) {
		if n, err := s.store.NewApplicationCount(r.Context()); err == nil {
			a.NewApplications = n
		}
	}
	return a
}

// adminLang is the back office's language for u: their account's, not
// the public site's cookie, which follows what they last read there.
func (s *Server) adminLang(r *http.Request, u *store.User) i18n.Lang {
	if u != nil {
		if l, ok := s.cat.Lookup(u.Lang); ok {
			return l
		}
	}
	return s.requestLang(r)
}

func (s *Server) showLogin(w http.ResponseWriter, r *http.Request) error {
	if s.sessions.GetInt64(r.Context(), sessionUserKey) != 0 {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return nil
	}
	st := form.NewState(url.Values{"next": {safeNext(r.URL.Query().Get("next"))}})
	return s.showForm(w, r, st, s.loginView)
}

func (s *Server) loginView(r *http.Request, st *form.State) (templ.Component, error) {
	return adminpages.LoginPage(&view.Login{Admin: s.adminFrame(r, nil, "admin.login"), Form: st}), nil
}

// login checks the e-mail and password. Whatever was wrong, the visitor
// reads one message; after too many failures in a row, even the right
// password waits for the window to pass.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	ctx := r.Context()
	email := store.NormalizeEmail(r.PostForm.Get("email"))
	password := r.PostForm.Get("password")
	// What comes back: the address as typed and where to go; never the password.
	st := form.NewState(url.Values{"email": {r.PostForm.Get("email")}, "next": {safeNext(r.PostForm.Get("next"))}})
	// A failed sign-in is 401, not a form's 422: the form was fine, the
	// credentials were not.
	refuse := func() error {
		st.Notice = "admin.bad_login"
		return deniedForm(st, s.loginView)
	}
	if len(email) > 254 || len(password) > 1024 {
		return refuse()
	}
	keys := []string{"account:" + email, "address:" + addressKey(visits.ClientIP(r, s.trustedProxies))}
	// Counted before the password is checked: parallel guesses cannot all
	// slip under the limit.
	blocked, err := s.store.CountLoginAttempt(ctx, keys, []int{loginLimitAccount, loginLimitAddress}, loginWindow)
	if err != nil {
		return err
	}
	if blocked {
		st.Notice = "admin.throttled"
		return limitedForm(st, s.loginView)
	}
	u, err := s.store.UserByEmail(ctx, email)
	ok := false
	switch {
	case err == nil:
		var stale bool
		ok, stale, err = auth.Verify(password, u.PasswordHash, auth.DefaultParams)
		if err != nil {
			return err
		}
		ok = ok && !u.Disabled
		if ok && stale {
			if h, err := auth.Hash(password, auth.DefaultParams); err == nil && s.store.SetPassword(ctx, u.ID, h) == nil {
				u.PasswordHash = h // the session is marked with the hash now stored
			}
		}
	case errors.Is(err, store.ErrNotFound):
		// Spend the same time as for a real account: timing tells nothing.
		_, _, _ = auth.Verify(password, s.dummyHash(), auth.DefaultParams)
	default:
		return err
	}
	if !ok {
		return refuse()
	}
	if err := s.store.ForgiveLoginAttempt(ctx, keys[0], keys[1]); err != nil {
		return err
	}
	// A new token at sign-in: a token planted before cannot be ridden.
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, sessionUserKey, u.ID)
	s.sessions.Put(ctx, sessionPasswordKey, passwordMark(u.PasswordHash))
	if _, ok := s.cat.Lookup(u.Lang); !ok {
		// The first sign-in keeps the language it was made in; a failure
		// only leaves it to be kept next time.
		_ = s.store.SetLang(ctx, u.ID, s.requestLang(r).Code)
	}
	_ = s.store.Audit(ctx, u.ID, "login", u.Email, "")
	target := st.Get("next")
	if target == "" {
		target = "/admin/"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if u := currentUser(r); u != nil {
		_ = s.store.Audit(r.Context(), u.ID, "logout", u.Email, "")
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
	return nil
}

// safeNext keeps a post-sign-in destination inside the back office.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/admin/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	return next
}

// setAdminLanguage switches the back office's language (a cookie) and goes
// back to the page.
func (s *Server) setAdminLanguage(w http.ResponseWriter, r *http.Request) error {
	lang, ok := s.cat.Lookup(chi.URLParam(r, "lang"))
	if !ok {
		return errNotFound
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang.Code, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.https})
	next := safeNext(r.URL.Query().Get("next"))
	if next == "" {
		next = "/admin/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// saveAdminLanguage keeps the signed-in user's choice of language with
// their account and goes back to the page.
func (s *Server) saveAdminLanguage(w http.ResponseWriter, r *http.Request) error {
	lang, ok := s.cat.Lookup(r.PostForm.Get("lang"))
	if !ok {
		return clientError(errors.New("no such language"))
	}
	if err := s.store.SetLang(r.Context(), currentUser(r).ID, lang.Code); err != nil {
		return err
	}
	next := safeNext(r.PostForm.Get("next"))
	if next == "" {
		next = "/admin/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) showDashboard(w http.ResponseWriter, r *http.Request) error {
	v := &view.Dashboard{Admin: s.adminFrame(r, currentUser(r), "admin.dashboard")}
	var err error
	if v.Drafts, v.Scheduled, err = s.store.ArticleCounts(r.Context(), s.now()); err != nil {
		return err
	}
	// Staff other than admins see the changes to content, not to accounts.
	var kinds []string
	if currentUser(r).Role != auth.RoleAdmin {
		kinds = []string{"article.", "page."}
	}
	if v.Recent, err = s.store.RecentAudit(r.Context(), 20, kinds...); err != nil {
		return err
	}
	if u := currentUser(r); u.Role == auth.RoleAdmin || u.Role == auth.RoleEditor {
		// The dashboard's short lists: drafts by their latest change, what is
		// scheduled by when it goes out.
		if v.DraftList, _, err = s.store.AdminArticles(r.Context(), store.ArticleFilter{Lang: v.Lang.Code, Status: string(store.Draft), ByChange: true, Limit: 10}); err != nil {
			return err
		}
		if v.ScheduledList, _, err = s.store.AdminArticles(r.Context(), store.ArticleFilter{Lang: v.Lang.Code, Status: string(store.Scheduled), Limit: 10}); err != nil {
			return err
		}
	}
	// Admins and organisers hear of e-mails that keep failing: they run
	// the mail settings and answer the applications.
	if u := currentUser(r); u.Role == auth.RoleAdmin || u.Role == auth.RoleOrganiser {
		if v.FailingJobs, err = s.store.FailingJobs(r.Context(), 20); err != nil {
			return err
		}
	}
	y, m, d := s.now().In(v.Loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if v.Days, err = s.store.VisitDays(r.Context(), today.AddDate(0, 0, -29), today); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.DashboardPage(v))
	return nil
}

func (s *Server) showAudit(w http.ResponseWriter, r *http.Request) error {
	v := &view.AuditPage{Admin: s.adminFrame(r, currentUser(r), "admin.audit")}
	var err error
	if v.Entries, err = s.store.RecentAudit(r.Context(), 300); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.AuditLog(v))
	return nil
}

// passwordMark stands for the password a session was made with.
func passwordMark(hash string) string {
	sum := sha256.Sum256([]byte(hash))
	return hex.EncodeToString(sum[:8])
}

// addressKey throttles IPv6 clients per /64, the block one subscriber gets.
func addressKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil || a.Is4() || a.Is4In6() {
		return ip
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// showLaunch is the launch checklist: what of the demo is still there.
func (s *Server) showLaunch(w http.ResponseWriter, r *http.Request) error {
	left, err := s.store.DemoLeft(r.Context())
	if err != nil {
		return err
	}
	site, err := s.store.SiteForEdit(r.Context())
	if err != nil {
		return err
	}
	v := view.NewLaunch(s.adminFrame(r, currentUser(r), "launch.title"), left,
		site.Facts.Email, site.Facts.Hotline, demo.Email, demo.Hotline)
	// Foreign exhibitors cannot dial the hotline: the number they are
	// shown must be a real one too.
	v.Checks = append(v.Checks, view.LaunchCheck{Key: "intl_phone", Fix: "/admin/settings",
		Done: site.Facts.IntlPhone != "" && site.Facts.IntlPhone != demo.IntlPhone})
	v.Checks = append(v.Checks, s.bannerCheck(r))
	s.render(w, r, http.StatusOK, adminpages.Launch(v))
	return nil
}
