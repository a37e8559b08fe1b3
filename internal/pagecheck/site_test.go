//go:build pagecheck

// These tests need the checkers that `make check-pages` installs (Java, Node
// and the npm tools, Chromium); they run there and in `make test`.
package pagecheck

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	tools   Tools
	portal  string       // base URL of the portal under test
	session *http.Cookie // a test admin's, made for the run
)

func TestMain(m *testing.M) {
	os.Exit(func() int {
		var err error
		tools, err = FindTools(os.Getenv("PAGECHECK_MODULES"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		base, stop, err := startPortal()
		if err != nil {
			fmt.Fprintln(os.Stderr, "pagecheck: starting the portal:", err)
			return 1
		}
		defer stop()
		portal = base
		if session, err = signInTestAdmin(base); err != nil {
			fmt.Fprintln(os.Stderr, "pagecheck: test admin:", err)
			return 1
		}
		return m.Run()
	}())
}

// startPortal runs `portal serve` as a new user would: a fresh data folder,
// so a fresh embedded database with the demo content.
func startPortal() (base string, stop func(), err error) {
	dir, err := os.MkdirTemp("", "pagecheck")
	if err != nil {
		return "", nil, err
	}
	os.Chmod(dir, 0o755) // the embedded database's user must enter it when we are root
	cleanup := func() { os.RemoveAll(dir) }
	bin := os.Getenv("PORTAL_BIN")
	if bin == "" {
		bin = filepath.Join(dir, "portal")
		build := exec.Command("go", "build", "-o", bin, "github.com/expoportal/portal/cmd/portal")
		if out, err := build.CombinedOutput(); err != nil {
			cleanup()
			return "", nil, fmt.Errorf("go build: %w\n%s", err, out)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cleanup()
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	base = "http://" + addr
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL=", "PORTAL_DATA_DIR="+filepath.Join(dir, "var"), "PORTAL_ADDR="+addr, "PORTAL_BASE_URL="+base)
	logFile, _ := os.Create(filepath.Join(dir, "serve.log"))
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		cleanup()
		return "", nil, err
	}
	portalBin, portalEnv = bin, cmd.Env
	stop = func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		logFile.Close()
		cleanup()
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return base, stop, nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "serve.log"))
	stop()
	return "", nil, fmt.Errorf("not ready after 2 minutes:\n%s", log)
}

// portalBin and portalEnv run further portal commands on the same data.
var (
	portalBin string
	portalEnv []string
)

// signInTestAdmin makes an admin account for this run with `portal user
// add` (on the running portal's embedded database) and signs it in.
func signInTestAdmin(base string) (*http.Cookie, error) {
	const email, password = "pagecheck-admin@expo.example", "Pagecheck-Run-Password-1"
	add := exec.Command(portalBin, "user", "add", "--email", email, "--role", "admin")
	add.Env = portalEnv
	add.Stdin = strings.NewReader(password + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("portal user add: %w\n%s", err, out)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(base+"/admin/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return nil, err
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == "portal_session" {
			return c, nil
		}
	}
	return nil, fmt.Errorf("sign-in answered %d without a session", res.StatusCode)
}

// chooseLanguage sets the signed-in account's back-office language, as
// the admin header's switch does.
func chooseLanguage(base string, session *http.Cookie, lang string) error {
	req, err := http.NewRequest(http.MethodPost, base+"/admin/lang", strings.NewReader(url.Values{"lang": {lang}}.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("choosing %s for the back office answered %d", lang, res.StatusCode)
	}
	return nil
}

// contract is every page of the public URL contract without an id.
var contract = []string{
	"/",
	"/about/overview", "/about/scope", "/about/hall", "/about/review", "/about/highlights", "/about/organization",
	"/exhibit/apply", "/exhibit/why", "/exhibit/process", "/exhibit/exhibits", "/exhibit/schedule", "/exhibit/charges",
	"/exhibit/international",
	"/services/traffic", "/services/hotels", "/services/travel", "/services/dining",
	"/news/", "/news/expo/", "/news/industry/", "/news/media/", "/news/video/", "/news/photo/",
	"/exhibitors/", "/register", "/search", "/contact",
}

// check crawls base from start as browser b and runs every checker over
// what it finds.
func check(t *testing.T, base string, b Browser, skip func(string) bool, start ...string) ([]*Page, []Problem) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	header := http.Header{}
	for k, v := range b.Headers {
		header.Set(k, v)
	}
	for _, c := range b.Cookies {
		header.Add("Cookie", c.Name+"="+c.Value)
	}
	c := &Crawler{Base: base, Start: start, MaxBytes: 100 * 1024, Header: header, Skip: sampled(skip, perShape)}
	pages, problems, err := c.Crawl(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The Nu checker (a JVM) and axe (Chromium) check the same pages side by
	// side: each spends much of its time starting up or waiting.
	var valid []Problem
	var validErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		valid, validErr = tools.ValidateHTML(ctx, pages)
	}()
	a11y, err := tools.Accessibility(ctx, base, pages, b)
	<-done
	if validErr != nil {
		t.Fatal(validErr)
	}
	if err != nil {
		t.Fatal(err)
	}
	return pages, append(append(problems, valid...), a11y...)
}

// perShape caps the pages of one shape that a crawl checks (see sampled).
const perShape = 6

// idLike is what varies between pages of one template: ids with the slug
// that follows them (an article's, an exhibitor's), page numbers, dates,
// booth numbers (1A05).
var idLike = regexp.MustCompile(`[0-9][0-9A-Z]*(-[a-z0-9-]+)?`)

// sampled skips what next skips, and any page past the first max of its
// shape (its path with ids made "#"): the hall map links some 190 booths to
// the same application form, the back office has an editor per booth and
// exhibitor, and every article and exhibitor has a page of one template.
// Six of each (in each language) check the template as well as all of them
// would, in a fraction of CI's time; TestEveryPage starts at the video and
// photo lists, so the first articles found are those with a player and a
// gallery. Pages with words and no id in
// their paths (content pages) are all checked.
func sampled(next func(string) bool, max int) func(string) bool {
	counts := map[string]int{}
	return func(path string) bool {
		if next != nil && next(path) {
			return true
		}
		shape := idLike.ReplaceAllString(path, "#")
		if counts[shape] >= max {
			return true
		}
		counts[shape]++
		return false
	}
}

// adminOnly keeps a crawl in the back office (TestEveryPage checks the
// public site) and leaves out links that sign out or change something (a
// language preference); GET links change nothing else.
func adminOnly(path string) bool {
	return !strings.HasPrefix(path, "/admin/") || strings.HasPrefix(path, "/admin/logout") || strings.HasPrefix(path, "/admin/lang/")
}

// TestAdminPages crawls the back office as a signed-in admin, in each
// language the staff can choose.
func TestAdminPages(t *testing.T) {
	t.Parallel() // see TestLighthouse
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			// The back office speaks the account's own language, which the
			// staff member chooses (and which is kept with the account).
			if err := chooseLanguage(portal, session, lang); err != nil {
				t.Fatal(err)
			}
			b := Browser{Headers: map[string]string{"Accept-Language": lang}, Cookies: []*http.Cookie{session}}
			pages, problems := check(t, portal, b, adminOnly, "/admin/")
			admin := 0
			for _, p := range pages {
				if strings.HasPrefix(p.Path, "/admin/") {
					admin++
					if got := htmlLang(p.HTML); got != lang {
						t.Errorf("%s: <html lang=%q> for a staff member reading %s", p.Path, got, lang)
					}
				}
			}
			if admin == 0 {
				t.Fatal("no back-office page was reached: is the session valid?")
			}
			t.Logf("%s: %d back-office pages", lang, admin)
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
	// Signed out, the back office offers only its sign-in page.
	_, problems := check(t, portal, Browser{}, adminOnly, "/admin/login")
	for _, p := range problems {
		t.Error(p)
	}
}

var langAttr = regexp.MustCompile(`<html lang="([^"]*)"`)

func htmlLang(html []byte) string {
	if m := langAttr.FindSubmatch(html); m != nil {
		return string(m[1])
	}
	return ""
}

func TestEveryPage(t *testing.T) {
	t.Parallel() // see TestLighthouse
	pages, problems := check(t, portal, Browser{}, nil,
		"/zh/news/video/", "/zh/news/photo/", "/en/news/video/", "/en/news/photo/", "/zh/", "/en/")
	found := map[string]bool{}
	heaviest := 0
	for _, p := range pages {
		found[p.Path] = true
		heaviest = max(heaviest, p.Weight)
	}
	t.Logf("checked %d pages; the heaviest weighs %d bytes compressed (limit 102400)", len(pages), heaviest)
	for _, lang := range []string{"zh", "en"} {
		for _, path := range contract {
			if !found["/"+lang+path] {
				t.Errorf("/%s%s: unreachable: no link leads to this page of the URL contract", lang, path)
			}
		}
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestCheckerCatchesBrokenPages shows each rule fails a page that breaks it,
// and blames nothing on a good page, whichever fonts the machine has: once
// with the system's, once with every Chinese font hidden.
func TestCheckerCatchesBrokenPages(t *testing.T) {
	t.Parallel() // see TestLighthouse
	t.Run("system fonts", func(t *testing.T) { checkBrokenPages(t, Browser{}) })
	t.Run("no Chinese font", func(t *testing.T) { checkBrokenPages(t, Browser{Env: noChineseFonts(t)}) })
}

// noChineseFonts returns an environment whose fontconfig offers DejaVu
// only, as on a machine without a CJK font, and checks it really hides them.
func noChineseFonts(t *testing.T) []string {
	t.Helper()
	fcList, err := exec.LookPath("fc-list")
	if err != nil {
		t.Fatal("fc-list is missing: `make check-pages` installs fontconfig")
	}
	dir := t.TempDir()
	var dirs strings.Builder
	out, _ := exec.Command(fcList, "-f", "%{file}\n", ":family=DejaVu Sans").Output()
	for _, f := range strings.Fields(string(out)) {
		fmt.Fprintf(&dirs, "<dir>%s</dir>", filepath.Dir(f))
		break
	}
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		dirs.String()+`<cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	env := []string{"FONTCONFIG_FILE=" + conf}
	zh := exec.Command(fcList, ":lang=zh")
	zh.Env = append(os.Environ(), env...)
	if out, err := zh.Output(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("the font configuration still offers Chinese fonts (%v): %s", err, out)
	}
	return env
}

func checkBrokenPages(t *testing.T, b Browser) {
	head := `<meta charset="utf-8"><link rel="icon" href="data:,">` +
		// Targets big and apart under any font: a missing CJK font must not
		// shrink them below axe's 24 px.
		`<style>li{margin:8px 0}a{display:inline-block;min-width:44px;min-height:44px;line-height:44px}</style>`
	good := `<!DOCTYPE html><html lang="zh"><head>` + head + `<title>好</title></head>` +
		`<body><main><h1>好</h1><ul><li><a href="/zh/broken">一个坏页面</a></li><li><a href="/zh/heavy">一个很重的页面</a></li></ul></main></body></html>`
	broken := `<!DOCTYPE html><html lang="en"><head>` + head + `<title>Broken</title>` +
		`<script src="https://cdn.example.com/lib.js"></script></head>` +
		`<body><main><h1 id="x">One</h1><h1 id="x">Two</h1><img src="/pic.png">` +
		`<a href="/zh/missing">missing</a></main></body></html>`
	heavy := `<!DOCTYPE html><html lang="zh"><head>` + head + `<title>重</title></head><body><main><h1>重</h1><p>` +
		randomText(120*1024) + `</p></main></body></html>`
	mux := http.NewServeMux()
	serve := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, body)
		}
	}
	mux.HandleFunc("/zh/{$}", serve(good))
	mux.HandleFunc("/zh/broken", serve(broken))
	mux.HandleFunc("/zh/heavy", serve(heavy))
	mux.HandleFunc("/pic.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(onePixelPNG)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()

	_, problems := check(t, "http://"+ln.Addr().String(), b, nil, "/zh/")
	for _, p := range problems {
		t.Log(p)
	}
	for _, want := range []struct{ page, rule, detail string }{
		{"/zh/broken", "broken-link", "/zh/missing answers 404"},
		{"/zh/broken", "valid-html", "Duplicate ID"},
		{"/zh/broken", "axe:image-alt", ""},
		{"/zh/broken", "third-party", "cdn.example.com"},
		{"/zh/broken", "html-lang", `lang="en"`},
		{"/zh/broken", "h1", "2 <h1>"},
		{"/zh/heavy", "weight", "over the 102400 limit"},
	} {
		ok := false
		for _, p := range problems {
			ok = ok || (p.Page == want.page && p.Rule == want.rule && strings.Contains(p.Detail, want.detail))
		}
		if !ok {
			t.Errorf("no %s problem on %s mentioning %q", want.rule, want.page, want.detail)
		}
	}
	for _, p := range problems {
		if p.Page == "/zh/" {
			t.Errorf("the good page was blamed: %s", p)
		}
	}
}

// randomText does not compress away, so it really weighs n bytes.
func randomText(n int) string {
	var b strings.Builder
	x := uint32(2463534242)
	for b.Len() < n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789 "[x%37])
	}
	return b.String()
}

var onePixelPNG = []byte{
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
	0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
}
