package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestSearchFindsEveryKind: on the demo site, the queries issue 18 named
// (酒店, 收费, hotel) find their pages in both languages, results are
// grouped by kind with counts, a result in the other language says so, and
// an exhibitor's exact name or booth number leads straight to it.
func TestSearchFindsEveryKind(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	search := func(lang, q string, more ...string) *goquery.Document {
		t.Helper()
		return site.doc(t, "/"+lang+"/search?q="+url.QueryEscape(q)+strings.Join(more, ""), http.StatusOK)
	}
	links := func(d *goquery.Document, kind string) []string {
		var out []string
		d.Find(`[data-testid=search-` + kind + `] .news-title a`).Each(func(_ int, s *goquery.Selection) {
			out = append(out, s.AttrOr("href", ""))
		})
		return out
	}
	has := func(list []string, want string) bool {
		for _, s := range list {
			if s == want {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct{ lang, q, page string }{
		{"zh", "酒店", "/services/hotels"},
		{"en", "酒店", "/services/hotels"},
		{"zh", "hotel", "/services/hotels"},
		{"en", "hotel", "/services/hotels"},
		{"zh", "收费", "/exhibit/charges"},
		{"en", "charges", "/exhibit/charges"},
	} {
		d := search(tc.lang, tc.q)
		if got := links(d, "pages"); !has(got, "/"+tc.lang+tc.page) {
			t.Errorf("%s %q: pages %v, want %s among them", tc.lang, tc.q, got, tc.page)
		}
		n, _ := strconv.Atoi(d.Find(`[data-testid=search-count-pages]`).AttrOr("data-count", ""))
		if n < 1 || d.Find(`[data-testid=search-group-pages] h2`).Length() != 1 {
			t.Errorf("%s %q: pages counted %d, or no heading", tc.lang, tc.q, n)
		}
	}
	// 酒店 on the English site: the hotel page matched in Chinese only, and
	// says so; on the Chinese site it does not.
	if d := search("en", "酒店"); d.Find(`[data-testid=search-group-pages] [data-testid=lang-badge]`).Length() == 0 {
		t.Error("en 酒店: no page says it is in Chinese")
	}
	if d := search("zh", "酒店"); d.Find(`[data-testid=search-group-pages] [data-testid=lang-badge]`).Length() != 0 {
		t.Error("zh 酒店: a Chinese page is marked as another language")
	}

	// A word found in several kinds: each is a group with its count, and
	// the news keep their own list.
	d := search("zh", "实验室")
	for _, kind := range []string{"pages", "exhibitors", "events", "news"} {
		n, _ := strconv.Atoi(d.Find(`[data-testid=search-count-`+kind+`]`).AttrOr("data-count", ""))
		if n < 1 || d.Find(`[data-testid=search-group-`+kind+`]`).Length() != 1 {
			t.Errorf("zh 实验室: %s counted %d, or not grouped", kind, n)
		}
	}
	if d.Find(`[data-testid=search-results] .news-title a[href^="/zh/news/"]`).Length() == 0 {
		t.Error("zh 实验室: no article in the news list")
	}
	// One kind alone: its own page of results, nothing else.
	d = search("en", "laboratory", "&kind=exhibitors")
	if n := len(links(d, "exhibitors")); n < 2 || d.Find(`[data-testid=search-group-pages], [data-testid=search-results]`).Length() != 0 {
		t.Errorf("en laboratory, exhibitors alone: %d exhibitors, or other kinds shown", n)
	}
	if a := d.Find(`[data-testid=search-count-exhibitors][aria-current=page]`); a.Length() != 1 {
		t.Error("en laboratory, exhibitors alone: the kind is not marked current")
	}

	// Straight to an exhibitor: by booth, in any case, and by either name.
	var id int64
	var booth, zhName, enName string
	if err := site.pool.QueryRow(context.Background(), `SELECT e.id, e.booth, z.name, n.name FROM exhibitors e
		JOIN exhibitor_texts z ON z.exhibitor_id = e.id AND z.lang = 'zh' JOIN exhibitor_texts n ON n.exhibitor_id = e.id AND n.lang = 'en'
		WHERE e.booth <> '' ORDER BY e.id LIMIT 1`).Scan(&id, &booth, &zhName, &enName); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{booth, strings.ToLower(booth), zhName, strings.ToUpper(enName)} {
		for _, lang := range []string{"zh", "en"} {
			res := site.get(t, "/"+lang+"/search?q="+url.QueryEscape(q))
			res.Body.Close()
			to := res.Header.Get("Location")
			if res.StatusCode != http.StatusFound || !strings.HasPrefix(to, "/"+lang+"/exhibitors/"+strconv.FormatInt(id, 10)+"-") {
				t.Errorf("%s %q: %d to %q, want straight to exhibitor %d", lang, q, res.StatusCode, to, id)
			}
		}
	}

	// A kind that does not exist, or a page past the last: translated 404s.
	for _, path := range []string{"/en/search?q=hotel&kind=hotels", "/zh/search?q=hotel&kind=pages&page=9"} {
		d := site.doc(t, path, http.StatusNotFound)
		if lang, _ := d.Find("html").Attr("lang"); lang != path[1:3] {
			t.Errorf("%s: 404 in %q", path, lang)
		}
	}
}

// TestSearchTakesOneRoundTrip: a search of every kind, news included, is
// one batch: one round trip to the database.
func TestSearchTakesOneRoundTrip(t *testing.T) {
	trips := &roundTrips{}
	site := tracedSite(t, trips, 2)
	h := site.srv.Handler()
	get := func(path string) int {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req = req.WithContext(context.WithValue(req.Context(), countedKey{}, true))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	paths := []string{"/zh/search?q=" + url.QueryEscape("实验室"), "/en/search?q=hotel", "/en/search?q=hotel&kind=pages", "/zh/search?q=1A02"}
	for range 3 { // warm: the frame, and every statement prepared on each connection
		for _, p := range paths {
			if code := get(p); code != http.StatusOK && code != http.StatusFound {
				t.Fatalf("GET %s: %d", p, code)
			}
		}
	}
	trips.take()
	for _, p := range paths {
		get(p)
		sql := trips.take()
		t.Logf("%-40s %d round trip(s)", p, len(sql))
		if len(sql) != 1 {
			t.Errorf("GET %s: %d round trips, want 1:\n  %s", p, len(sql), strings.Join(sql, "\n  "))
		}
	}
}
