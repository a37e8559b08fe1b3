package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// cheapParams keep test accounts fast to create; sign-in upgrades them to
// testParams, which TestMain makes auth.DefaultParams for the tests.
var (
	cheapParams = auth.Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32}
	testParams  = auth.Params{Memory: 2 * 1024, Time: 1, Threads: 1, KeyLen: 32}
)

func addUser(t testing.TB, site *testSite, email string, role auth.Role, password string) store.User {
	t.Helper()
	h, err := auth.Hash(password, cheapParams)
	if err != nil {
		t.Fatal(err)
	}
	u, err := store.New(site.pool).CreateUser(context.Background(), email, role, h)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// staff is a browser with its own cookies.
type staff struct {
	*http.Client
	site *testSite
}

func newStaff(t testing.TB, site *testSite) *staff {
	jar, _ := cookiejar.New(nil)
	// The test server is plain http; the Secure flag is tested on its own.
	site.srv.sessions.Cookie.Secure = false
	return &staff{Client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, site: site}
}

func (b *staff) post(t testing.TB, path string, form url.Values, headers ...string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

func (b *staff) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	res, err := b.Get(b.site.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var sb strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := res.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return res, sb.String()
}

// login signs in; headers ("Accept-Language: en") give the language the
// account keeps at its first sign-in.
func (b *staff) login(t testing.TB, email, password string, headers ...string) *http.Response {
	t.Helper()
	return b.post(t, "/admin/login", url.Values{"email": {email}, "password": {password}}, headers...)
}

func (b *staff) token() string {
	u, _ := url.Parse(b.site.URL + "/admin/")
	for _, c := range b.Jar.Cookies(u) {
		if c.Name == "portal_session" {
			return c.Value
		}
	}
	return ""
}

func TestLoginAndLogout(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	off := addUser(t, site, "gone@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	if err := store.New(site.pool).SetDisabled(context.Background(), off.ID, off.Version, true); err != nil {
		t.Fatal(err)
	}
	b := newStaff(t, site)

	if res, _ := b.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/login" {
		t.Fatalf("anonymous dashboard: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	// Wrong password, unknown account, disabled account: one message.
	for _, tc := range [][2]string{{"editor@expo.example", "wrong-password-1"}, {"nobody@expo.example", "Shenyang-Expo-2027"}, {"gone@expo.example", "Shenyang-Expo-2027"}} {
		req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/login", strings.NewReader(url.Values{"email": {tc[0]}, "password": {tc[1]}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept-Language", "en")
		res, err := b.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := goqueryParse(res)
		if res.StatusCode != http.StatusUnauthorized || d.Find(`[data-testid=form-notice]`).Text() != "The e-mail address or the password is not right." {
			t.Errorf("%s: %d %q", tc[0], res.StatusCode, d.Find(`[data-testid=form-notice]`).Text())
		}
		if got, _ := d.Find("#email").Attr("value"); got != tc[0] {
			t.Errorf("the e-mail typed is not kept: %q", got)
		}
	}

	res := b.login(t, "Editor@Expo.example", "Shenyang-Expo-2027")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/" {
		t.Fatalf("login: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	for _, c := range res.Cookies() {
		if c.Name == "portal_session" && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/admin") {
			t.Errorf("session cookie %+v", c)
		}
	}
	// The cheap hash was replaced by one at the current parameters.
	var hash string
	if err := site.pool.QueryRow(context.Background(), "SELECT password_hash FROM users WHERE email = 'editor@expo.example'").Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if _, stale, err := auth.Verify("Shenyang-Expo-2027", hash, auth.DefaultParams); err != nil || stale {
		t.Errorf("after sign-in the hash %.40s… is stale (%v), want it upgraded", hash, err)
	}
	first := b.token()
	res, body := b.get(t, "/admin/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "editor@expo.example") {
		t.Fatalf("dashboard after login: %d", res.StatusCode)
	}
	// Signing in again renews the token.
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	if b.token() == first || b.token() == "" {
		t.Error("the session token was not renewed at sign-in")
	}
	// The session lives in PostgreSQL: another instance knows it. It keeps
	// the test site's clock and request deadline, not the machine's.
	other := New(Options{Store: site.srv.store, Catalog: site.srv.cat, Assets: site.srv.assets, Sessions: site.srv.sessions,
		Now: site.srv.now, Timeout: site.srv.timeout})
	req := httptest.NewRequest(http.MethodGet, "/admin/", nil)
	req.AddCookie(&http.Cookie{Name: "portal_session", Value: b.token()})
	rec := httptest.NewRecorder()
	other.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("another instance: %d", rec.Code)
	}
	var stored int
	site.pool.QueryRow(context.Background(), "SELECT count(*) FROM sessions WHERE token = $1", b.token()).Scan(&stored)
	if stored != 1 {
		t.Error("the session is not in PostgreSQL")
	}

	if res := b.post(t, "/admin/logout", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	if res, _ := b.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("dashboard after logout: %d", res.StatusCode)
	}
}

func TestDisabledAccountLosesItsSession(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	u := addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	if err := store.New(site.pool).SetDisabled(context.Background(), u.ID, u.Version, true); err != nil {
		t.Fatal(err)
	}
	if res, _ := b.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a disabled account still gets the dashboard: %d", res.StatusCode)
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	form := url.Values{"email": {"editor@expo.example"}, "password": {"Shenyang-Expo-2027"}}
	if res := b.post(t, "/admin/login", form, "Sec-Fetch-Site: cross-site"); res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login post: %d, want 403", res.StatusCode)
	}
	if res := b.post(t, "/admin/login", form, "Origin: https://evil.example"); res.StatusCode != http.StatusForbidden {
		t.Errorf("foreign-origin login post: %d, want 403", res.StatusCode)
	}
	if b.token() != "" {
		t.Fatal("a refused post signed in")
	}
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	if res := b.post(t, "/admin/logout", nil, "Sec-Fetch-Site: cross-site"); res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site logout: %d, want 403", res.StatusCode)
	}
	if res, _ := b.get(t, "/admin/"); res.StatusCode != http.StatusOK {
		t.Error("a refused cross-site logout signed the user out")
	}
	if res := b.post(t, "/admin/logout", nil, "Sec-Fetch-Site: same-origin"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin logout: %d", res.StatusCode)
	}
}

func TestLoginThrottling(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	for i := range 5 {
		if res := b.login(t, "editor@expo.example", "wrong-password-x"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, res.StatusCode)
		}
	}
	// The sixth attempt is refused even with the right password.
	if res := b.login(t, "editor@expo.example", "Shenyang-Expo-2027"); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("6th attempt with the right password: %d, want 429", res.StatusCode)
	}
	// Another browser, same account: the count is in PostgreSQL, not in a client.
	if res := newStaff(t, site).login(t, "editor@expo.example", "Shenyang-Expo-2027"); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("another client: %d, want 429", res.StatusCode)
	}
	// The window passes.
	if _, err := site.pool.Exec(context.Background(), "UPDATE login_failures SET window_start = now() - interval '16 minutes'"); err != nil {
		t.Fatal(err)
	}
	if res := b.login(t, "editor@expo.example", "Shenyang-Expo-2027"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after the window: %d", res.StatusCode)
	}
}

func TestLoginRedirectStaysInTheBackOffice(t *testing.T) {
	t.Parallel()
	for next, want := range map[string]string{
		"/admin/news":               "/admin/news",
		"//evil.example/admin/":     "",
		"https://evil.example/":     "",
		"/admin/\\evil":             "",
		"/zh/":                      "",
		"/admin/x\r\nSet-Cookie: a": "",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
}

// adminRoutes lists every back-office route and the roles it admits
// (admin is always admitted). TestAdminRoles fails when a route is missing.
var adminRoutes = []struct {
	method, path string
	roles        []auth.Role
}{
	{"GET", "/admin/", []auth.Role{auth.RoleEditor, auth.RoleOrganiser}},
	{"POST", "/admin/logout", []auth.Role{auth.RoleEditor, auth.RoleOrganiser}},
	{"POST", "/admin/lang", []auth.Role{auth.RoleEditor, auth.RoleOrganiser}},
	{"GET", "/admin/audit", nil},
	{"GET", "/admin/launch", nil},
	{"GET", "/admin/legacy", nil},
	{"GET", "/admin/legacy/{id}", nil},
	{"POST", "/admin/legacy/{id}", nil},
	{"POST", "/admin/legacy/{id}/delete", nil},
	{"GET", "/admin/users", nil},
	{"GET", "/admin/settings", nil},
	{"POST", "/admin/settings", nil},
	{"GET", "/admin/settings/home", nil},
	{"POST", "/admin/settings/home", nil},
	{"POST", "/admin/users", nil},
	{"POST", "/admin/users/{id}/role", nil},
	{"POST", "/admin/users/{id}/password", nil},
	{"POST", "/admin/users/{id}/disabled", nil},
	{"GET", "/admin/news", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/pages", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/pages/{id}", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/pages/{id}", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/news/new", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/news/new", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/news/{id}", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/news/{id}", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/news/{id}/trash", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/news/{id}/restore", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/news/{id}/revisions", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/news/{id}/revisions/{version}", []auth.Role{auth.RoleEditor}},
	{"POST", "/admin/news/{id}/revisions/{version}/restore", []auth.Role{auth.RoleEditor}},
	{"GET", "/admin/charges", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/charges/new", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/charges/new", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/charges/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/charges/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/charges/{id}/delete", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/schedule", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/schedule/new", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/schedule/new", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/schedule/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/schedule/{id}", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/schedule/{id}/delete", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/schedule/{id}/delete", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/exhibitors", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/exhibitors/new", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/exhibitors/new", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/exhibitors/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/exhibitors/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/exhibitors/{id}/delete", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/exhibitors/import", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/exhibitors/import", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/exhibitors/import/confirm", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/exhibitors/export", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/registrations", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/registrations/export", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/checkin", []auth.Role{auth.RoleEditor, auth.RoleOrganiser}},
	{"POST", "/admin/checkin", []auth.Role{auth.RoleEditor, auth.RoleOrganiser}},
	{"GET", "/admin/booths", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/booths/new", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/booths/new", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/booths/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/booths/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/booths/{id}/delete", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/applications", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/applications/export", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/applications/{id}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/applications/{id}/status", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/applications/{id}/notes", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/halls", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/halls/new", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/halls/new", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/halls/{code}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/halls/{code}", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/halls/{code}/move", []auth.Role{auth.RoleOrganiser}},
	{"POST", "/admin/halls/{code}/delete", []auth.Role{auth.RoleOrganiser}},
	{"GET", "/admin/applications/visas", []auth.Role{auth.RoleOrganiser}},
}

// public back-office routes: no sign-in needed.
var adminPublic = map[string]bool{"GET /admin/login": true, "POST /admin/login": true, "GET /admin/lang/{lang}": true}

func TestAdminRoles(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	listed := map[string]bool{}
	for _, r := range adminRoutes {
		listed[r.method+" "+r.path] = true
	}
	chi.Walk(site.srv.router(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		route = strings.Replace(route, "/*/", "/", 1)
		if strings.HasPrefix(route, "/admin/") && method != "HEAD" && !adminPublic[method+" "+route] && !listed[method+" "+route] {
			t.Errorf("%s %s is not in the role table", method, route)
		}
		return nil
	})
	pw := "Shenyang-Expo-2027"
	for _, role := range []auth.Role{auth.RoleAdmin, auth.RoleEditor, auth.RoleOrganiser} {
		addUser(t, site, string(role)+"@expo.example", role, pw)
	}
	for _, r := range adminRoutes {
		path := strings.NewReplacer("{id}", "999999", "{version}", "1").Replace(r.path) // no such row: roles are checked before it is looked for
		anon := newStaff(t, site)
		req, _ := http.NewRequest(r.method, site.URL+path, nil)
		res, err := anon.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
			t.Errorf("anonymous %s %s: %d to %q", r.method, r.path, res.StatusCode, res.Header.Get("Location"))
		}
		for _, role := range []auth.Role{auth.RoleAdmin, auth.RoleEditor, auth.RoleOrganiser} {
			b := newStaff(t, site)
			b.login(t, string(role)+"@expo.example", pw)
			req, _ := http.NewRequest(r.method, site.URL+path, nil)
			res, err := b.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			allowed := role == auth.RoleAdmin
			for _, ok := range r.roles {
				allowed = allowed || ok == role
			}
			// (Signing out itself ends on the sign-in page.)
			toLogin := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/admin/login") && r.path != "/admin/logout"
			if allowed && (res.StatusCode == http.StatusForbidden || toLogin) {
				t.Errorf("%s %s as %s: %d, want access", r.method, r.path, role, res.StatusCode)
			}
			if !allowed && res.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s as %s: %d, want 403", r.method, r.path, role, res.StatusCode)
			}
		}
	}
}

func TestSessionCookieIsSecureOverHTTPS(t *testing.T) {
	t.Parallel()
	site := newSite(t) // its base URL is https
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	req := httptest.NewRequest(http.MethodPost, "/admin/login", strings.NewReader("email=editor%40expo.example&password=Shenyang-Expo-2027"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	site.srv.Handler().ServeHTTP(rec, req)
	if got := rec.Header().Get("Set-Cookie"); !strings.Contains(got, "Secure") || !strings.Contains(got, "HttpOnly") {
		t.Errorf("Set-Cookie %q", got)
	}
}

func goqueryParse(res *http.Response) (*goquery.Document, error) {
	defer res.Body.Close()
	return goquery.NewDocumentFromReader(res.Body)
}

func TestDashboardChartAndAuditLog(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	// testNow is 24 November in Shenyang too.
	if _, err := site.pool.Exec(context.Background(), `INSERT INTO visit_days (day, visitors, views) VALUES
		('2026-11-24', 40, 100), ('2026-11-23', 20, 50), ('2026-10-01', 999, 999)`); err != nil {
		t.Fatal(err)
	}
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	res, body := b.get(t, "/admin/")
	if res.StatusCode != http.StatusOK {
		t.Fatal(res.StatusCode)
	}
	d, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	rects := d.Find(`[data-testid=visits-chart] rect.visitors`)
	if rects.Length() != 30 {
		t.Fatalf("%d bars, want 30 days", rects.Length())
	}
	// The scale tops at 100 views (the October day is outside the 30 days).
	last, _ := rects.Last().Attr("height")
	prev, _ := rects.Eq(28).Attr("height")
	if last != "70" || prev != "35" { // 176 px for 100: 40 -> 70, 20 -> 35
		t.Errorf("bar heights %s and %s, want 70 and 35", last, prev)
	}
	if rects.First().AttrOr("height", "") != "0" {
		t.Error("a day without visits has a bar")
	}
	if _, page := b.get(t, "/admin/audit"); !strings.Contains(page, "登录") || !strings.Contains(page, "admin@expo.example") { // the sign-in, in the reader's language
		t.Error("the audit log lacks the sign-in")
	}
}

func TestAdminManagesAccounts(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	me := addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")

	res := b.post(t, "/admin/users", url.Values{"email": {"not an address"}, "role": {"editor"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad e-mail: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/users", strings.NewReader(url.Values{"email": {"new.editor@expo.example"}, "role": {"editor"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := goqueryParse(res)
	pw := d.Find(`[data-testid=new-password] code`).Text()
	if res.StatusCode != http.StatusOK || len(pw) != 20 {
		t.Fatalf("add: %d, password %q", res.StatusCode, pw)
	}
	// The new editor signs in with the password shown once.
	other := newStaff(t, site)
	if res := other.login(t, "new.editor@expo.example", pw); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new account's sign-in: %d", res.StatusCode)
	}
	u, _ := store.New(site.pool).UserByEmail(context.Background(), "new.editor@expo.example")
	if res := b.post(t, fmt.Sprintf("/admin/users/%d/disabled", u.ID), url.Values{"disabled": {"true"}, "version": {strconv.Itoa(u.Version)}}); res.StatusCode != http.StatusOK {
		t.Fatalf("disable: %d", res.StatusCode)
	}
	if res, _ := other.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Error("a disabled account keeps its session")
	}
	// No admin can lock themselves out.
	if res := b.post(t, fmt.Sprintf("/admin/users/%d/disabled", me.ID), url.Values{"disabled": {"true"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("disabling oneself: %d", res.StatusCode)
	}
	if res := b.post(t, fmt.Sprintf("/admin/users/%d/role", me.ID), url.Values{"role": {"editor"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("demoting oneself: %d", res.StatusCode)
	}
	if _, page := b.get(t, "/admin/audit"); !strings.Contains(page, "添加账户") || !strings.Contains(page, "停用或启用账户") { // user.add, user.disabled
		t.Error("account changes are not in the audit log")
	}
}

func TestAdminEditsSiteSettings(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	res, body := b.get(t, "/admin/settings")
	if res.StatusCode != http.StatusOK {
		t.Fatal(res.StatusCode)
	}
	d, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	f := url.Values{}
	d.Find("form.editor input").Each(func(_ int, s *goquery.Selection) {
		f.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
	})
	if f.Get("opens_at") != "2027-04-16T09:00" || f.Get("expo_name_en") != "Liaoning Educational Equipment Exhibition 2027" {
		t.Fatalf("the form does not hold the settings: %v", f)
	}
	bad := url.Values{}
	for k, v := range f {
		bad[k] = v
	}
	bad.Set("closes_at", "2027-04-15T16:00")
	bad.Set("expo_name_zh", "")
	bad.Set("hotline", "024-0000-0000")
	res2 := b.post(t, "/admin/settings", bad)
	if res2.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("closing before opening: %d", res2.StatusCode)
	}
	if hl := site.doc(t, "/zh/", http.StatusOK).Find("footer").Text(); strings.Contains(hl, "024-0000-0000") {
		t.Fatal("an invalid form saved a field")
	}
	f.Set("hotline", "024-8888-9999")
	f.Set("icp_number", "辽ICP备12345678号")
	f.Set("visitor_count_start", "600,000")
	if res := b.post(t, "/admin/settings", f); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	footer := site.doc(t, "/zh/", http.StatusOK).Find("footer")
	if !strings.Contains(footer.Text(), "024-8888-9999") || footer.Find(`[data-testid=icp]`).Text() != "辽ICP备12345678号" ||
		!strings.Contains(footer.Find(`[data-testid=visitor-count]`).Text(), "600,000") {
		t.Errorf("the footer does not follow the settings: %q", footer.Text())
	}
}

func TestThrottleHoldsUnderParallelGuesses(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	codes := make(chan int, 30)
	var wg sync.WaitGroup
	for range 30 {
		b := newStaff(t, site) // outside the goroutine: it sets the cookie options
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- b.login(t, "editor@expo.example", "wrong-password-x").StatusCode
		}()
	}
	wg.Wait()
	close(codes)
	checked := 0
	for c := range codes {
		if c == http.StatusUnauthorized {
			checked++
		}
	}
	if checked > loginLimitAccount {
		t.Errorf("%d passwords were checked in parallel, more than the limit of %d", checked, loginLimitAccount)
	}
}

func TestPasswordChangeEndsSessionsAndLastAdminStays(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	admin := addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	ed := addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	a, e := newStaff(t, site), newStaff(t, site)
	a.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	e.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	if res := a.post(t, fmt.Sprintf("/admin/users/%d/password", ed.ID), nil); res.StatusCode != http.StatusOK {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	if res, _ := e.get(t, "/admin/"); res.StatusCode != http.StatusSeeOther {
		t.Error("a session made with the old password still works")
	}
	if res, _ := a.get(t, "/admin/"); res.StatusCode != http.StatusOK {
		t.Error("the admin's own session ended")
	}
	st := store.New(site.pool)
	if err := st.SetDisabled(context.Background(), admin.ID, admin.Version, true); !errors.Is(err, store.ErrLastAdmin) {
		t.Errorf("disabling the last admin: %v", err)
	}
	if err := st.SetRole(context.Background(), admin.ID, admin.Version, auth.RoleEditor); !errors.Is(err, store.ErrLastAdmin) {
		t.Errorf("demoting the last admin: %v", err)
	}
	// Staff other than admins do not see account changes on the dashboard.
	org := addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	_ = org
	o := newStaff(t, site)
	o.login(t, "org@expo.example", "Shenyang-Expo-2027")
	if _, body := o.get(t, "/admin/"); strings.Contains(body, "admin@expo.example") {
		t.Error("an organiser's dashboard shows the admins' sign-ins")
	}
}

func TestSettingsAndPageAuditSayWhatChanged(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	st := store.New(site.pool)
	ctx := context.Background()
	before, err := st.SiteForEdit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := before // at the version loaded
	after.Facts.Hotline = "024-1111-2222"
	if err := st.SaveSite(ctx, after, 0); err != nil {
		t.Fatal(err)
	}
	log, _ := st.RecentAudit(ctx, 1)
	if len(log) != 1 || log[0].Summary != "hotline 400-885-6191 -> 024-1111-2222" {
		t.Errorf("settings audit %+v", log)
	}
	var id int64
	site.pool.QueryRow(ctx, "SELECT id FROM pages WHERE path = '/contact'").Scan(&id)
	if err := st.UpdatePage(ctx, id, 1, false, []store.PageText{{Lang: "zh", Title: "联系方式", Body: "电话"}}, 0); err != nil {
		t.Fatal(err)
	}
	log, _ = st.RecentAudit(ctx, 1)
	for _, want := range []string{"published true -> false", `zh title "联系我们" -> "联系方式"`, "en removed"} {
		if len(log) != 1 || !strings.Contains(log[0].Summary, want) {
			t.Errorf("page audit %+v lacks %q", log, want)
		}
	}
}
