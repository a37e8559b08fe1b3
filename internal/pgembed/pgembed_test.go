package pgembed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// tempDataDir returns a folder the server's user can enter when tests run as root.
func tempDataDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "pgembed")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(d, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func mustStart(t *testing.T, dir string) *Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := Start(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { c.Stop() })
	return c
}

func run(t *testing.T, c *Cluster, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.ConnString(""))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func count(t *testing.T, c *Cluster) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.ConnString(""))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM kept").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStartStopReuse(t *testing.T) {
	dir := filepath.Join(tempDataDir(t), "pg")
	c := mustStart(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
		t.Fatalf("cluster not initialised: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".s.PGSQL.5432")); err != nil {
		t.Fatalf("no unix socket inside the cluster folder: %v", err)
	}
	run(t, c, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2)")
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("server still running after Stop (postmaster.pid: %v)", err)
	}

	c2 := mustStart(t, dir)
	if got := count(t, c2); got != 2 {
		t.Fatalf("after restart the cluster has %d rows, want the 2 written before", got)
	}
}

func TestAttachesToRunningServer(t *testing.T) {
	dir := filepath.Join(tempDataDir(t), "pg")
	first := mustStart(t, dir)
	run(t, first, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")
	second := mustStart(t, dir)
	if second.owned {
		t.Fatal("second Start on a running cluster started another server")
	}
	second.Stop()
	if got := count(t, first); got != 1 {
		t.Fatalf("server unusable after the attached client stopped: %d rows", got)
	}
}

func TestRecoversFromStalePid(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stale func(t *testing.T, c *Cluster) // leaves a postmaster.pid behind
	}{
		{"killed server", func(t *testing.T, c *Cluster) {
			// SIGKILL, as when the machine or the process is killed hard.
			if err := c.proc.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-c.exited
			c.proc = nil
		}},
		{"pid reused by another program", func(t *testing.T, c *Cluster) {
			c.Stop()
			// The test binary is alive and is not postgres.
			pid := fmt.Sprintf("%d\n%s\n", os.Getpid(), c.dir)
			if err := os.WriteFile(filepath.Join(c.dir, "postmaster.pid"), []byte(pid), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(tempDataDir(t), "pg")
			c := mustStart(t, dir)
			run(t, c, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")
			tc.stale(t, c)
			if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); err != nil {
				t.Fatalf("setup left no postmaster.pid: %v", err)
			}
			c2 := mustStart(t, dir)
			if !c2.owned {
				t.Fatal("a stale pid was taken for a running server")
			}
			if got := count(t, c2); got != 1 {
				t.Fatalf("after recovery: %d rows, want 1", got)
			}
		})
	}
}

func TestNoServerBinaries(t *testing.T) {
	_, err := Start(context.Background(), Options{Dir: filepath.Join(t.TempDir(), "pg"), BinDir: t.TempDir()})
	if !errors.Is(err, ErrNoServer) {
		t.Fatalf("err = %v, want ErrNoServer", err)
	}
	if !strings.Contains(err.Error(), "apt-get install postgresql") {
		t.Fatalf("error does not name the package to install: %v", err)
	}
}

func TestSocketPathTooLong(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("d", 120))
	_, err := Start(context.Background(), Options{Dir: long})
	if err == nil || !strings.Contains(err.Error(), "PORTAL_DATA_DIR") {
		t.Fatalf("err = %v, want advice about PORTAL_DATA_DIR", err)
	}
}
