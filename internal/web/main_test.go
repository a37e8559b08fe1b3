package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/static"
)

// Every test's database starts with the demo content.
func TestMain(m *testing.M) {
	// Sign-in re-hashes a password below auth.DefaultParams at them, and an
	// unknown e-mail is checked against a dummy hash made with them: at the
	// production 64 MiB and 3 passes each costs a CPU-second or more under
	// -race, dozens of times a run. Tests hash at 2 MiB, 1 pass: still above
	// cheapParams, so sign-in still upgrades test accounts' hashes.
	auth.DefaultParams = testParams
	os.Exit(testdb.RunSeeded(m, func(ctx context.Context, pool *pgxpool.Pool) error {
		return demo.Load(ctx, store.New(pool))
	}))
}

// syncBuffer collects log output written from handler goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type testSite struct {
	*httptest.Server
	srv  *Server
	pool *pgxpool.Pool
	logs *syncBuffer
}

// newSite serves the portal with the demo content on a fresh database,
// as https://expo.example.org (the test server itself is plain http).
func newSite(t testing.TB) *testSite {
	t.Helper()
	return newSiteWith(t, nil)
}

// newLocalSite is newSite at its own plain-http address, the way a
// browser driven by a test sees it: a browser's posts come from there.
func newLocalSite(t testing.TB) *testSite {
	t.Helper()
	return newSiteWith(t, func(o *Options, self string) { o.BaseURL = self })
}

// newSiteWith is newSite with its options changed by change, which is
// told the test server's own address ("http://127.0.0.1:port").
func newSiteWith(t testing.TB, change func(o *Options, self string)) *testSite {
	t.Helper()
	return newSiteOn(t, testdb.New(t), change)
}

// newSiteOn is newSiteWith on pool.
func newSiteOn(t testing.TB, pool *pgxpool.Pool, change func(o *Options, self string)) *testSite {
	t.Helper()
	st := store.New(pool)
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	sessions := scs.New()
	sessions.Store = pgxstore.NewWithCleanupInterval(pool, 0)
	ts := httptest.NewUnstartedServer(nil)
	opts := Options{
		Store: st, Catalog: cat, Assets: assets, BaseURL: "https://expo.example.org", Sessions: sessions,
		Logger: slog.New(slog.NewTextHandler(logs, nil)), AccessLog: logs,
		Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) },
		// The request deadline runs on the wall clock. Many tests signing in
		// at once (argon2id) on a busy machine can take longer than the
		// production 30 s, and the deadline would turn a slow answer into a
		// 500; a hung request is still caught by go test's -timeout.
		Timeout: 10 * time.Minute,
	}
	if change != nil {
		change(&opts, "http://"+ts.Listener.Addr().String())
	}
	srv := New(opts)
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return &testSite{Server: ts, srv: srv, pool: pool, logs: logs}
}

// noRedirect is a client that reports redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get fetches path with optional request headers ("Name: value").
func (s *testSite) get(t *testing.T, path string, headers ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// doc fetches path and parses it, checking the status.
func (s *testSite) doc(t *testing.T, path string, wantStatus int) *goquery.Document {
	t.Helper()
	res := s.get(t, path)
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d\n%s", path, res.StatusCode, wantStatus, body)
	}
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parse(t *testing.T, html string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
