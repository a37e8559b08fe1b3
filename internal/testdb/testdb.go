// Package testdb gives each test a fresh, migrated PostgreSQL database,
// cloned from a template that is migrated once per test binary. The server is
// TEST_DATABASE_URL when set, else an embedded cluster in a temporary folder.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/pgembed"
)

// server is set by Run for the test binary's lifetime.
var server struct {
	mu       sync.Mutex // CREATE DATABASE ... TEMPLATE wants the template idle
	base     string     // connection string of the server's maintenance database
	admin    *pgx.ConnConfig
	template string
	extra    []string // seeded templates (NewSeeded), dropped with the template
}

// Run starts the server, migrates the template, runs the tests, and cleans
// up. Use it from TestMain: os.Exit(testdb.Run(m)).
func Run(m *testing.M) int { return RunSeeded(m, nil) }

// RunSeeded is Run with seed applied to the template after migrating, so
// every test's database starts with it (demo content, say) at no cost.
func RunSeeded(m *testing.M, seed func(context.Context, *pgxpool.Pool) error) int {
	ctx := context.Background()
	connString := os.Getenv("TEST_DATABASE_URL")
	if connString == "" {
		dir, err := os.MkdirTemp("", "portal-test")
		if err == nil {
			// The server's unprivileged user must be able to enter it when we are root.
			err = os.Chmod(dir, 0o755)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "testdb:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		cluster, err := pgembed.Start(ctx, pgembed.Options{Dir: dir + "/pg", Database: "postgres"})
		if err != nil {
			fmt.Fprintln(os.Stderr, "testdb:", err)
			return 1
		}
		defer cluster.Remove() // wherever the cluster really lives, relocated or not
		connString = cluster.ConnString("postgres")
		// A throwaway cluster need not survive a crash: without fsync every
		// test's CREATE DATABASE (the template copied through the WAL) and
		// commit stops waiting on the disk, which a busy machine's other
		// work keeps slow. Never done to TEST_DATABASE_URL's server.
		if err := disableDurability(ctx, connString); err != nil {
			fmt.Fprintln(os.Stderr, "testdb:", err)
			return 1
		}
	}
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testdb:", err)
		return 1
	}
	server.base, server.admin = connString, cfg
	server.template = "portal_tmpl_" + randomSuffix()
	if err := createTemplate(ctx, seed); err != nil {
		fmt.Fprintln(os.Stderr, "testdb:", err)
		return 1
	}
	defer dropDatabase(context.Background(), server.template)
	defer func() {
		for _, name := range server.extra {
			dropDatabase(context.Background(), name)
		}
	}()
	return m.Run()
}

// disableDurability turns off what only protects data against a crash;
// each of these settings takes effect on a reload.
func disableDurability(ctx context.Context, connString string) error {
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, sql := range []string{
		"ALTER SYSTEM SET fsync = off",
		"ALTER SYSTEM SET synchronous_commit = off",
		"ALTER SYSTEM SET full_page_writes = off",
		"SELECT pg_reload_conf()",
	} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			return fmt.Errorf("%s: %w", sql, err)
		}
	}
	return nil
}

func createTemplate(ctx context.Context, seed func(context.Context, *pgxpool.Pool) error) error {
	if err := execAdmin(ctx, "CREATE DATABASE "+ident(server.template)); err != nil {
		return err
	}
	pool, err := db.Open(ctx, connStringFor(server.template))
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := db.Migrate(ctx, pool); err != nil {
		return err
	}
	if seed != nil {
		return seed(ctx, pool)
	}
	return nil
}

// ConnString returns the connection string of a fresh migrated database
// that is dropped when the test ends.
func ConnString(t testing.TB) string {
	t.Helper()
	if server.admin == nil {
		t.Fatal("testdb: call testdb.Run from TestMain")
	}
	return cloneOf(t, server.template)
}

// cloneOf creates a copy of template, dropped when the test ends.
func cloneOf(t testing.TB, template string) string {
	t.Helper()
	ctx := context.Background()
	name := "portal_test_" + randomSuffix()
	server.mu.Lock()
	err := execAdmin(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", ident(name), ident(template)))
	server.mu.Unlock()
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() { dropDatabase(context.Background(), name) })
	return connStringFor(name)
}

// New returns a pool on a fresh migrated database, closed when the test ends.
func New(t testing.TB) *pgxpool.Pool {
	t.Helper()
	return open(t, ConnString(t))
}

// open returns a pool on connString, closed when the test ends (before the
// database is dropped: cleanups run last registered first).
func open(t testing.TB, connString string) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pool, err := db.Open(ctx, connString)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// seeded are the templates NewSeeded made, by key.
var seeded struct {
	mu    sync.Mutex
	names map[string]*seededTemplate
}

type seededTemplate struct {
	once sync.Once
	name string
	err  error
}

// NewSeeded is New on a database that starts with what seed wrote. The
// first test to ask for key runs seed once, on a template of its own cloned
// from the migrated one; every test asking for key after that (in parallel
// ones: waiting for it) gets a copy. For setup that is slow and the same
// for many tests, such as loading the demo content (40 CPU-seconds under
// -race). A seed that fails fails every test asking for its key.
func NewSeeded(t testing.TB, key string, seed func(context.Context, *pgxpool.Pool) error) *pgxpool.Pool {
	t.Helper()
	if server.admin == nil {
		t.Fatal("testdb: call testdb.Run from TestMain")
	}
	seeded.mu.Lock()
	if seeded.names == nil {
		seeded.names = map[string]*seededTemplate{}
	}
	st := seeded.names[key]
	if st == nil {
		st = &seededTemplate{}
		seeded.names[key] = st
	}
	seeded.mu.Unlock()
	st.once.Do(func() { st.name, st.err = makeSeeded(seed) })
	if st.err != nil {
		t.Fatalf("testdb: seeding %q: %v", key, st.err)
	}
	return open(t, cloneOf(t, st.name))
}

// makeSeeded clones the migrated template and runs seed on the clone. The
// clone is dropped with the server's cluster (or by Run when the server is
// TEST_DATABASE_URL's).
func makeSeeded(seed func(context.Context, *pgxpool.Pool) error) (string, error) {
	ctx := context.Background()
	name := "portal_tmpl_" + randomSuffix()
	server.mu.Lock()
	err := execAdmin(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", ident(name), ident(server.template)))
	server.mu.Unlock()
	if err != nil {
		return "", err
	}
	server.mu.Lock()
	server.extra = append(server.extra, name)
	server.mu.Unlock()
	pool, err := db.Open(ctx, connStringFor(name))
	if err != nil {
		return "", err
	}
	err = seed(ctx, pool)
	// CREATE DATABASE ... TEMPLATE wants no one else connected to it.
	pool.Close()
	return name, err
}

// Empty returns the connection string of a fresh database with no schema.
func Empty(t testing.TB) string {
	t.Helper()
	name := "portal_empty_" + randomSuffix()
	if err := execAdmin(context.Background(), "CREATE DATABASE "+ident(name)); err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() { dropDatabase(context.Background(), name) })
	return connStringFor(name)
}

// connStringFor is the server's connection string with the database swapped.
func connStringFor(name string) string {
	if u, err := url.Parse(server.base); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.Path = "/" + name
		return u.String()
	}
	// Keyword/value form: a later keyword overrides an earlier one.
	return server.base + " dbname=" + name
}

func execAdmin(ctx context.Context, sql string) error {
	conn, err := pgx.ConnectConfig(ctx, server.admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func dropDatabase(ctx context.Context, name string) {
	_ = execAdmin(ctx, "DROP DATABASE IF EXISTS "+ident(name)+" WITH (FORCE)")
}

func ident(s string) string { return pgx.Identifier{s}.Sanitize() }

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
