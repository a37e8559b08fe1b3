package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/static"
)

// The public site counts its requests by route, and never serves them:
// /metrics belongs on the private address only.
func TestMetricsCountRoutesAndStayPrivate(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.New(pool)
	ts := httptest.NewServer(New(Options{Store: store.New(pool), Catalog: cat, Assets: assets, Metrics: m}).Handler())
	defer ts.Close()

	var ids []string
	rows, err := pool.Query(context.Background(), `SELECT a.id::text FROM articles a
		WHERE a.status <> 'draft' AND a.released_at <= now() AND a.deleted_at IS NULL
		AND EXISTS (SELECT 1 FROM article_translations x WHERE x.article_id = a.id) ORDER BY a.id LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if rows.Err() != nil || len(ids) != 2 {
		t.Fatalf("want two demo articles, got %v (%v)", ids, rows.Err())
	}
	get := func(path string) int {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	for _, id := range ids {
		if st := get("/zh/news/" + id); st != http.StatusOK {
			t.Fatalf("/zh/news/%s: %d", id, st)
		}
	}
	for _, p := range []string{"/metrics", "/zh/metrics", "/metrics/"} {
		if st := get(p); st != http.StatusNotFound {
			t.Errorf("the public site answers %s with %d, want 404", p, st)
		}
	}

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	page := rec.Body.String()
	if want := `portal_http_requests_total{method="GET",route="/{lang}/news/{ref:[0-9][^/]*}",status="200"} 2`; !strings.Contains(page, want) {
		t.Errorf("no %s in\n%s", want, grep(page, "portal_http_requests_total{"))
	}
	if want := `portal_http_requests_total{method="GET",route="other",status="404"} 3`; !strings.Contains(page, want) {
		t.Errorf("no %s in\n%s", want, grep(page, "portal_http_requests_total{"))
	}
	if strings.Contains(page, "/zh/news/"+ids[0]) {
		t.Error("a raw path is a label")
	}
}

func grep(page, prefix string) string {
	var b strings.Builder
	for l := range strings.Lines(page) {
		if strings.HasPrefix(l, prefix) {
			b.WriteString(l)
		}
	}
	return b.String()
}
