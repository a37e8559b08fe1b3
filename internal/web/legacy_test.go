package web

import (
	"context"
	"github.com/expoportal/portal/internal/paths"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/legacy"
	"github.com/expoportal/portal/internal/store"
)

// importSample imports the legacy package's sample mirror into the site.
func importSample(t *testing.T, site *testSite) {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	dir, err := filepath.Abs("../legacy/testdata/mirror")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
	rep, err := legacy.Import(context.Background(), store.New(site.pool), legacy.Options{Dir: dir, Lang: "zh", Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles[store.LegacyNew] != 3 {
		t.Fatalf("imported %v", rep.Articles)
	}
}

func TestLegacyAddressesRedirect(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	var before string
	aboutPage := `SELECT p.published::text || p.updated_at::text || t.body FROM pages p JOIN page_translations t ON t.page_id = p.id
		WHERE p.path = '/about/overview' AND t.lang = 'zh'`
	if err := site.pool.QueryRow(context.Background(), aboutPage).Scan(&before); err != nil {
		t.Fatal(err)
	}
	importSample(t, site)
	// The site's own About page is kept, the old one only leads there.
	var after string
	if err := site.pool.QueryRow(context.Background(), aboutPage).Scan(&after); err != nil || after != before {
		t.Errorf("the About page changed: %q -> %q (%v)", before, after, err)
	}
	var id1187, id88 int64
	if err := site.pool.QueryRow(context.Background(), `SELECT
		(SELECT article_id FROM legacy_urls WHERE old_key = '/news/news_show.asp?id=1187'),
		(SELECT article_id FROM legacy_urls WHERE old_key = '/en/news/news_show.asp?id=88')`).Scan(&id1187, &id88); err != nil {
		t.Fatal(err)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	zh1187 := "/zh" + paths.Article(id1187, "2024")
	en88 := "/en" + paths.Article(id88, "liaoning-accelerating-the-construction-of-an-education")
	for _, c := range []struct{ old, want string }{
		{"/news/news_show.asp?id=1187", zh1187},
		{"/NEWS/News_Show.asp?ID=1187", zh1187},         // IIS ignored case
		{"/news/news_show.asp?from=home&id=1187", ""},   // another query is another address
		{"/news/list.asp?cid=2", "/zh/news/industry/"},  // the category list
		{"/about/about.asp?id=1", "/zh/about/overview"}, // the About page
		{"/index.asp", "/zh/"},
		{"/en/news/news_show.asp?id=88", en88},
		{"/news/news_show.asp?id=9999", ""}, // never imported: a 404
	} {
		res, err := noFollow.Get(site.URL + c.old)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if c.want == "" {
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d to %q, want 404", c.old, res.StatusCode, res.Header.Get("Location"))
			}
			continue
		}
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != c.want {
			t.Errorf("%s: %d to %q, want 301 to %q", c.old, res.StatusCode, res.Header.Get("Location"), c.want)
		}
	}
	// The new addresses are the articles' own: no second redirect.
	for _, p := range []string{zh1187, en88} {
		res, err := noFollow.Get(site.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := goqueryParse(res)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if h := strings.TrimSpace(d.Find("h1").First().Text()); h == "" {
			t.Errorf("%s: no title", p)
		}
	}
	res, err := noFollow.Get(site.URL + zh1187)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := goqueryParse(res)
	if got := strings.TrimSpace(d.Find("h1").First().Text()); got != "2024辽宁教育装备展展位预订火热进行中" {
		t.Errorf("zh article title %q", got)
	}
	if src, _ := d.Find(`main img[src^="/media/"]`).Attr("src"); !strings.HasSuffix(src, ".png") {
		t.Errorf("the picture: %q", src)
	}
}

func TestLegacyAddressesInTheBackOffice(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	importSample(t, site)
	editor := signIn(t, site, auth.RoleEditor, "en")
	if res, _ := editor.get(t, "/admin/legacy"); res.StatusCode != http.StatusForbidden {
		t.Errorf("an editor sees the list: %d", res.StatusCode)
	}
	b := signIn(t, site, auth.RoleAdmin, "en")
	d := b.page(t, "/admin/legacy", http.StatusOK)
	if n := d.Find(`[data-testid=legacy-urls] tbody tr`).Length(); n != 6 {
		t.Fatalf("%d rows, want 6", n)
	}
	var id int64
	if err := site.pool.QueryRow(context.Background(), "SELECT id FROM legacy_urls WHERE old_key = '/news/list.asp?cid=2'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	path := "/admin/legacy/" + strconv.FormatInt(id, 10)
	// Another host is refused with the translated message.
	for _, bad := range []string{"https://elsewhere.example/", "//elsewhere.example/x", "zh/news/", "/a b"} {
		req, _ := http.NewRequest(http.MethodPost, site.URL+path, strings.NewReader(url.Values{"target": {bad}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := b.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := goqueryParse(res)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#target-err").Text(), "a path on this site") {
			t.Errorf("target %q: %d %q", bad, res.StatusCode, d.Find("#target-err").Text())
		}
	}
	if res := b.post(t, path, url.Values{"target": {"/zh/news/"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	res, err := http.Get(site.URL + "/news/list.asp?cid=2")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Request.URL.Path != "/zh/news/" {
		t.Errorf("after the edit it leads to %s", res.Request.URL.Path)
	}
	// Delete asks, then the old address is a 404.
	if res := b.post(t, path+"/delete", nil); res.StatusCode != http.StatusOK {
		t.Errorf("delete without confirming: %d", res.StatusCode)
	}
	if res := b.post(t, path+"/delete", url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	res, err = http.Get(site.URL + "/news/list.asp?cid=2")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("deleted address: %d", res.StatusCode)
	}
}
