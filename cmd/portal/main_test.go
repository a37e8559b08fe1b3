package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// The tests that do not load the demo content run in parallel, each on its
// own database. The three that load it (TestDemoIsIdempotent, serve on an
// empty database) do not: a process decodes only a few pictures at a time
// (media's decode slots), and two loads at once wait past their 10 s.
func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

var quiet = slog.New(slog.DiscardHandler)

func TestMigrateUpAndStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	getenv := env(map[string]string{"DATABASE_URL": testdb.Empty(t)})
	var out bytes.Buffer
	if err := run(ctx, []string{"migrate", "status"}, getenv, strings.NewReader(""), &out, quiet); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0001_create_site.sql") || !strings.Contains(out.String(), "pending") {
		t.Fatalf("status before up:\n%s", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"migrate", "up"}, getenv, strings.NewReader(""), &out, quiet); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "applied 0001_create_site.sql") {
		t.Fatalf("up:\n%s", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"migrate", "status"}, getenv, strings.NewReader(""), &out, quiet); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "pending") || !strings.Contains(out.String(), "applied 20") {
		t.Fatalf("status after up:\n%s", out.String())
	}
}

func TestDemoIsIdempotent(t *testing.T) {
	ctx := context.Background()
	getenv := env(map[string]string{"DATABASE_URL": testdb.Empty(t)})
	for range 2 {
		if err := run(ctx, []string{"demo"}, getenv, strings.NewReader(""), io.Discard, quiet); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBadUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"frobnicate"}, {"migrate"}, {"migrate", "down"}, {"serve", "-base-url", "not a url"}} {
		if err := run(context.Background(), args, env(nil), strings.NewReader(""), io.Discard, quiet); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	if err := run(context.Background(), nil, env(nil), strings.NewReader(""), io.Discard, quiet); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("no command: %v, want usage", err)
	}
}

// TestServeOnEmbeddedDatabase is `portal serve` as a new user runs it: no
// DATABASE_URL, a fresh data folder; then SIGTERM (here: the context).
func TestServeOnEmbeddedDatabase(t *testing.T) {
	dataDir, err := os.MkdirTemp("", "portal-serve")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dataDir, 0o755)
	defer os.RemoveAll(dataDir)
	addr := freeAddr(t)
	getenv := env(map[string]string{"PORTAL_DATA_DIR": dataDir, "PORTAL_ADDR": addr})

	for round := 1; round <= 2; round++ { // the second start reuses the cluster
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"serve"}, getenv, strings.NewReader(""), io.Discard, quiet) }()
		waitReady(t, "http://"+addr, done)
		status, body := browse("http://" + addr + "/en/")
		if status != http.StatusOK || !strings.Contains(body, "Liaoning Educational Equipment Exhibition") {
			t.Fatalf("round %d: /en/ answered %d without the demo content", round, status)
		}
		if round == 1 {
			killDatabase(t, dataDir, "http://"+addr)
		}
		if round == 2 {
			// The visit of round 1 was flushed when that server stopped: the
			// counter shows the old site's total (549,426) plus one.
			deadline := time.Now().Add(10 * time.Second)
			for !strings.Contains(body, "You are visitor No. 549,427") {
				if time.Now().After(deadline) {
					t.Fatal("the visit counted before the restart is not in the footer")
				}
				time.Sleep(100 * time.Millisecond)
				_, body = browse("http://" + addr + "/en/")
			}
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: serve: %v", round, err)
			}
		case <-time.After(60 * time.Second):
			t.Fatal("serve did not stop")
		}
		if _, err := os.Stat(filepath.Join(dataDir, "pg", "postmaster.pid")); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("round %d: the embedded database was left running", round)
		}
	}
}

// killDatabase kills the embedded postmaster outright (as the OOM killer
// would) and waits for the portal to answer a page that needs the database
// again: the portal starts the server again by itself.
func killDatabase(t *testing.T, dataDir, base string) {
	t.Helper()
	pidFile, err := os.ReadFile(filepath.Join(dataDir, "pg", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.SplitN(string(pidFile), "\n", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	search := base + "/zh/search?q=" + url.QueryEscape("展会") // never kept: needs the database
	// Backends outlive a killed postmaster for a moment and may still
	// answer: recovered means a new postmaster, and the page answering.
	restarted := func() bool {
		b, err := os.ReadFile(filepath.Join(dataDir, "pg", "postmaster.pid"))
		return err == nil && strings.SplitN(string(b), "\n", 2)[0] != strconv.Itoa(pid)
	}
	for {
		if restarted() {
			if status, _ := browse(search); status == http.StatusOK {
				break
			}
		}
		if time.Since(start) > 10*time.Second {
			status, _ := browse(search)
			t.Fatalf("10 s after the database was killed: restarted %v, search answers %d", restarted(), status)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("pages need the database again %s after it was killed", time.Since(start).Round(time.Millisecond))
}

// browse GETs url as a phone's browser (the counter ignores Go's client).
func browse(url string) (int, string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

var readyClient = &http.Client{Timeout: 10 * time.Second}

func waitReady(t *testing.T, base string, done <-chan error) {
	t.Helper()
	// A first start loads the demo content before it serves (40 CPU-seconds
	// under -race; minutes on a busy machine), and connections wait in the
	// listen queue meanwhile. go test's -timeout bounds the whole run.
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v", err)
		default:
		}
		// A bounded wait a request: one that hung (the server starved of
		// CPU) held a run here past go test's -timeout.
		if res, err := readyClient.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("serve never became ready")
}

func TestUserCommands(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	getenv := env(map[string]string{"DATABASE_URL": testdb.Empty(t)})
	var out bytes.Buffer
	do := func(stdin string, args ...string) error {
		out.Reset()
		return run(ctx, args, getenv, strings.NewReader(stdin), &out, quiet)
	}
	if err := do("", "user", "add", "--email", "Chief@Expo.example", "--role", "admin"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "created chief@expo.example (admin)") || !strings.Contains(out.String(), "password: ") {
		t.Fatalf("add without a password on stdin:\n%s", out.String())
	}
	if err := do("Shenyang-Expo-2027\n", "user", "add", "--email", "editor@expo.example", "--role", "editor"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "password: ") {
		t.Error("printed a password it was given")
	}
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"", []string{"user", "add", "--email", "chief@expo.example", "--role", "admin"}, "exists already"},
		{"", []string{"user", "add", "--email", "x@expo.example", "--role", "boss"}, "--role"},
		{"short\n", []string{"user", "add", "--email", "y@expo.example", "--role", "editor"}, "at least 10"},
		{"password123\n", []string{"user", "passwd", "--email", "editor@expo.example"}, "common"},
		{"", []string{"user", "passwd", "--email", "nobody@expo.example"}, "no account"},
		{"", []string{"user", "add", "--role", "editor"}, "usage"},
	} {
		if err := do(tc.stdin, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error about %q", tc.args, err, tc.want)
		}
	}
	if err := do("Another-Long-Pass\n", "user", "passwd", "--email", "editor@expo.example"); err != nil {
		t.Fatal(err)
	}
	if err := do("", "user", "disable", "--email", "editor@expo.example"); err != nil || !strings.Contains(out.String(), "disabled") {
		t.Fatalf("disable: %v %s", err, out.String())
	}
}

// TestServeMetrics: with PORTAL_METRICS_ADDR set, /metrics and the Go
// profiles are served there and only there; the public address answers
// them with 404.
func TestServeMetrics(t *testing.T) {
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	getenv := env(map[string]string{"DATABASE_URL": testdb.Empty(t), "PORTAL_ADDR": addr, "PORTAL_METRICS_ADDR": metricsAddr})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, getenv, strings.NewReader(""), io.Discard, quiet) }()
	waitReady(t, "http://"+addr, done)
	if status, _ := browse("http://" + addr + "/en/"); status != http.StatusOK {
		t.Fatalf("/en/: %d", status)
	}
	if status, _ := browse("http://" + addr + "/metrics"); status != http.StatusNotFound {
		t.Errorf("the public address answers /metrics with %d, want 404", status)
	}
	if status, _ := browse("http://" + metricsAddr + "/en/"); status != http.StatusNotFound {
		t.Errorf("the metrics address serves pages: /en/ answered %d", status)
	}
	if status, page := browse("http://" + metricsAddr + "/debug/pprof/"); status != http.StatusOK || !strings.Contains(page, "goroutine") {
		t.Errorf("the metrics address's /debug/pprof/: %d", status)
	}
	if status, _ := browse("http://" + addr + "/debug/pprof/"); status != http.StatusNotFound {
		t.Errorf("the public address answers /debug/pprof/ with %d, want 404", status)
	}
	// The counter's first flush runs beside the server: wait for it.
	status, page := browse("http://" + metricsAddr + "/metrics")
	for deadline := time.Now().Add(10 * time.Second); status == http.StatusOK &&
		strings.Contains(page, `portal_visit_flushes_total{result="ok"} 0`) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		status, page = browse("http://" + metricsAddr + "/metrics")
	}
	if status != http.StatusOK {
		t.Fatalf("metrics address /metrics: %d", status)
	}
	for _, want := range []string{`portal_http_requests_total{method="GET",route="/{lang}",status="200"} 1`,
		"portal_db_pool_max_conns ", `portal_visit_flushes_total{result="ok"} `, "go_goroutines ", "process_start_time_seconds "} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the metrics", want)
		}
	}
	if strings.Contains(page, `portal_visit_flushes_total{result="ok"} 0`) {
		t.Error("the counter's first flush is not counted")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop")
	}
	if c, err := net.Dial("tcp", metricsAddr); err == nil {
		c.Close()
		t.Error("the metrics address still listens after serve stopped")
	}
}

// portal demo on a database that holds what people wrote says what it
// would add and refuses, unless forced.
func TestDemoRefusesALiveDatabase(t *testing.T) {
	ctx := context.Background()
	url := testdb.Empty(t)
	getenv := env(map[string]string{"DATABASE_URL": url})
	demoRun := func(args ...string) (string, error) {
		var out strings.Builder
		err := run(ctx, append([]string{"demo"}, args...), getenv, strings.NewReader(""), &out, quiet)
		return out.String(), err
	}
	if _, err := demoRun(); err != nil {
		t.Fatalf("demo on an empty database: %v", err)
	}
	pool, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	st := store.New(pool)
	// A live site: staff wrote an article, and nobody has registered yet.
	if _, err := st.CreateArticle(ctx, store.NewArticle{Category: "expo", Status: "published", ReleasedAt: time.Now(),
		Texts: []store.ArticleText{{Lang: "zh", Title: "组委会发布的真实新闻", Body: "正文"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "DELETE FROM checkins; DELETE FROM registrations; DELETE FROM visitor_groups"); err != nil {
		t.Fatal(err)
	}
	count := func() (n int) {
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM registrations").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	out, err := demoRun()
	if err == nil || !strings.Contains(err.Error(), "news articles: 1 not from the demo") ||
		!strings.Contains(err.Error(), "visitor registrations: ") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("demo on a live database: %v", err)
	}
	if !strings.Contains(out, "would add: sample visitor registrations") {
		t.Errorf("demo does not say what it would add: %q", out)
	}
	if n := count(); n != 0 {
		t.Errorf("a refused demo added %d registrations", n)
	}

	if _, err := demoRun("--force"); err != nil {
		t.Fatalf("demo --force: %v", err)
	}
	if n := count(); n == 0 {
		t.Error("demo --force added no registrations")
	}
	// What the demo added is its own: only the article is people's now.
	kinds, err := demo.Survey(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		if want := map[string]int64{"articles": 1}[k.Kind]; k.Foreign() != want {
			t.Errorf("after --force, %s: %d rows not from the demo, want %d", k.Kind, k.Foreign(), want)
		}
	}
}

// portal demo --remove takes away exactly what the demo wrote: an article
// staff wrote, a demo article staff edited and a demo ticket checked in at
// the door stay; the rest of the samples go, and the site can be filled
// again afterwards.
func TestDemoRemoveDeletesOnlyUntouchedSamples(t *testing.T) {
	ctx := context.Background()
	url := testdb.Empty(t)
	getenv := env(map[string]string{"DATABASE_URL": url})
	demoRun := func(args ...string) string {
		t.Helper()
		var out strings.Builder
		if err := run(ctx, append([]string{"demo"}, args...), getenv, strings.NewReader(""), &out, quiet); err != nil {
			t.Fatalf("portal demo %v: %v", args, err)
		}
		return out.String()
	}
	demoRun()
	pool, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	st := store.New(pool)
	count := func(sql string) (n int) {
		t.Helper()
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM "+sql).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("articles") < 20 || count("exhibitors") == 0 || count("registrations") < 100 {
		t.Fatal("the demo wrote too little to test with")
	}
	staffID, err := st.CreateArticle(ctx, store.NewArticle{Category: "expo", Status: "published", ReleasedAt: time.Now(),
		Texts: []store.ArticleText{{Lang: "zh", Title: "组委会发布的真实新闻", Body: "正文"}}})
	if err != nil {
		t.Fatal(err)
	}
	var editedID int64
	_ = pool.QueryRow(ctx, "SELECT min(id) FROM articles").Scan(&editedID)
	edited, err := st.ArticleForEdit(ctx, editedID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Texts["zh"] = store.ArticleText{Lang: "zh", Title: "编辑改过的示例新闻", Body: "改过"}
	if _, err := st.SaveArticle(ctx, edited, 0, "article.update.publish"); err != nil {
		t.Fatal(err)
	}
	var ticket int64
	_ = pool.QueryRow(ctx, "SELECT min(id) FROM registrations").Scan(&ticket)
	if _, err := pool.Exec(ctx, "INSERT INTO checkins (registration_id, day, at) VALUES ($1, '2027-04-16', now())", ticket); err != nil {
		t.Fatal(err)
	}

	report := demoRun("--remove")
	for _, want := range []string{"articles", "kept 1 changed since", "registrations", "exhibitors"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	if got := count("articles"); got != 2 {
		t.Errorf("%d articles left, want the staff's and the edited one", got)
	}
	if count(fmt.Sprintf("articles WHERE id IN (%d, %d)", staffID, editedID)) != 2 {
		t.Error("the staff article or the edited sample was removed")
	}
	if got := count("registrations"); got != 1 {
		t.Errorf("%d tickets left, want the one checked in", got)
	}
	for _, table := range []string{"exhibitors", "schedule_events", "charge_items", "booth_applications"} {
		if n := count(table); n != 0 {
			t.Errorf("%s: %d sample rows left", table, n)
		}
	}
	if !strings.Contains(demoRun("--remove"), "removed 0") && strings.Contains(demoRun("--remove"), "removed 1") {
		t.Error("a second removal removed more")
	}
	// Emptied, the kinds can take the samples again.
	demoRun("--force")
	if count("exhibitors") == 0 {
		t.Error("portal demo did not fill the exhibitors again after their removal")
	}
}

// serve collects garbage at five times the live heap under a memory
// limit, unless the operator set GOGC or GOMEMLIMIT.
func TestTuneGCLeavesWhatTheOperatorSet(t *testing.T) {
	oldGC, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(oldGC); debug.SetMemoryLimit(oldLimit) })

	if gc, limit := tuneGC(env(map[string]string{}), 64<<20); gc != 400 || limit != 128<<20 {
		t.Errorf("tuneGC set %d and %d MB, want 400 and 128 MB", gc, limit>>20)
	}
	if gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); gc != 400 || limit != 128<<20 {
		t.Errorf("the runtime has GOGC %d and a limit of %d MB", gc, limit>>20)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	for _, set := range []map[string]string{{"GOGC": "50"}, {"GOMEMLIMIT": "1GiB"}} {
		if gc, _ := tuneGC(env(set), 64<<20); gc != 0 || debug.SetGCPercent(100) != 100 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
			t.Errorf("with %v set, tuneGC changed the collector", set)
		}
	}
}
