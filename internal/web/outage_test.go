package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/pgembed"
	"github.com/expoportal/portal/internal/store"
)

// While PostgreSQL is away, kept pages still answer, other pages and forms
// answer a translated 503 (a form with what was typed), /readyz says not
// ready; once it is back, everything recovers by itself.
func TestDatabaseOutage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "outage")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755) // the server's user must enter it when we are root
	opts := pgembed.Options{Dir: dir + "/pg", Database: "portal"}
	cluster, err := pgembed.Start(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.Stop(); os.RemoveAll(dir) })
	pool, err := db.Open(ctx, cluster.ConnString("portal"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if err := db.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, store.New(pool)); err != nil {
		t.Fatal(err)
	}
	site := newSiteOn(t, pool, func(o *Options, self string) {
		o.BaseURL, o.PageCacheBytes, o.PageCacheTTL = self, 8<<20, time.Minute
	})
	site.listen(t)
	status := func(path string) (int, string) {
		res, body := fetch(t, site.URL+path)
		return res.StatusCode, string(body)
	}
	home, _ := status("/zh/")
	form, _ := status("/zh/register") // the frame and the form's key are read once
	if home != 200 || form != 200 {
		t.Fatalf("before: home %d, form %d", home, form)
	}

	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	editor := newStaff(t, site)
	if res := editor.login(t, "editor@expo.example", "Shenyang-Expo-2027"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in before the outage: %d", res.StatusCode)
	}

	cluster.Stop()
	if code, _ := status("/zh/"); code != http.StatusOK {
		t.Errorf("kept home page while the database is away: %d", code)
	}
	if code, body := status("/zh/news/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "网站暂时无法访问") {
		t.Errorf("a page not kept: %d, want the translated 503", code)
	}
	if code, _ := status("/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz: %d", code)
	}
	visitor := goodVisitor(t, site)
	res, d := site.post(t, "/zh/register", visitor)
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(d.Text(), "网站暂时无法保存您的提交") {
		t.Errorf("a registration while the database is away: %d %q", res.StatusCode, d.Find(`[data-testid=form-notice]`).Text())
	}
	if v, _ := d.Find("#name").Attr("value"); v != "王晓梅" {
		t.Errorf("the visitor's name was not kept: %q", v)
	}

	// The back office: the editor's text comes back, to copy or to send
	// again as it was; a password never does.
	article := editorForm("publish", "0", "title_en", "Written while the database was away")
	res, body := editor.save(t, "/admin/news/new", article)
	kept := keptFields(t, res, body, "/admin/news/new")
	if kept.Get("title_en") != article.Get("title_en") || kept.Get("body_zh") != article.Get("body_zh") || kept.Get("action") != "publish" {
		t.Errorf("the editor's article was not kept: %v", kept)
	}
	if !strings.Contains(body, ">Written while the database was away</textarea>") || strings.Contains(body, ">publish</textarea>") {
		t.Error("the kept page shows the typed title, and never the form's own fields")
	}
	res, body = editor.save(t, "/admin/login", url.Values{"email": {"editor@expo.example"}, "password": {"Shenyang-Expo-2027"}})
	if kept := keptFields(t, res, body, "/admin/login"); kept.Get("email") != "editor@expo.example" || strings.Contains(body, "Shenyang-Expo-2027") {
		t.Errorf("sign-in while the database is away: e-mail kept %q, password echoed %v", kept.Get("email"), strings.Contains(body, "Shenyang-Expo-2027"))
	}

	if cluster, err = pgembed.Start(ctx, opts); err != nil {
		t.Fatal(err)
	}
	took := waitFor(t, 5*time.Second, func() bool {
		ready, _ := status("/readyz")
		news, _ := status("/zh/news/")
		return ready == http.StatusOK && news == http.StatusOK
	})
	t.Logf("recovered %s after the database came back", took.Round(time.Millisecond))
	if res, _ := site.post(t, "/zh/register", visitor); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the same registration sent again after recovery: %d", res.StatusCode)
	}
	if res, _ := editor.save(t, "/admin/news/new", kept); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the kept article sent again after recovery: %d", res.StatusCode)
	}
	if code, body := status("/en/news/"); code != http.StatusOK || !strings.Contains(body, "Written while the database was away") {
		t.Errorf("the article sent again is not published: %d", code)
	}
}

// keptFields checks a 503 that gives a post back and returns the values
// its form would send again.
func keptFields(t *testing.T, res *http.Response, body, action string) url.Values {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	form := d.Find("[data-testid=kept-form]")
	if res.StatusCode != http.StatusServiceUnavailable || form.AttrOr("action", "") != action || form.AttrOr("method", "") != "post" {
		t.Fatalf("POST %s while the database is away: %d, form to %q", action, res.StatusCode, form.AttrOr("action", ""))
	}
	if !strings.Contains(d.Find("[data-testid=form-notice]").Text(), "What you entered is kept below") {
		t.Errorf("POST %s: no translated notice", action)
	}
	v := url.Values{}
	form.Find("input[type=hidden]").Each(func(_ int, in *goquery.Selection) {
		v.Add(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	return v
}
