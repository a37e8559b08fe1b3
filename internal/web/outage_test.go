package web

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

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
}
