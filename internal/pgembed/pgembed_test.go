package pgembed

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strconv"
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

// helperEnv makes the test binary act as a portal that starts the cluster
// and waits to be killed (see TestMain).
const helperEnv = "PGEMBED_TEST_OWNER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		if _, err := Start(context.Background(), Options{Dir: dir}); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		select {}
	}
	os.Exit(m.Run())
}

func TestServerStopsWhenOwnerIsKilled(t *testing.T) {
	dir := filepath.Join(tempDataDir(t), "pg")
	owner := osexec.Command(os.Args[0])
	owner.Env = append(os.Environ(), helperEnv+"="+dir)
	out, err := owner.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := owner.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		owner.Process.Kill()
		t.Fatalf("owner: %q", line)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.SplitN(string(raw), "\n", 2)[0])
	if !isPostgres(pid, dir) {
		t.Fatalf("pid %d from postmaster.pid is not the server", pid)
	}
	owner.Process.Signal(syscall.SIGKILL) // no chance to clean up
	owner.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for isPostgres(pid, dir) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGQUIT)
			t.Fatal("the server outlived the killed portal")
		}
		time.Sleep(50 * time.Millisecond)
	}
	c := mustStart(t, dir)
	if !c.owned {
		t.Fatal("restart attached to a server instead of starting one")
	}
}

func TestHandStartedServerIsUsedNotClobbered(t *testing.T) {
	dir := filepath.Join(tempDataDir(t), "pg")
	c := mustStart(t, dir)
	run(t, c, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")
	c.Stop()
	// As QUALITY.md starts one by hand: pg_ctl, a relative -D with a slash.
	bin, err := findBinaries("")
	if err != nil {
		t.Fatal(err)
	}
	pgCtl := func(args ...string) {
		t.Helper()
		cmd := osexec.Command(filepath.Join(bin, "pg_ctl"), args...)
		cmd.Dir = filepath.Dir(dir)
		if owner, _ := serverUser(); owner != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: owner.uid, Gid: owner.gid}}
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pg_ctl %v: %v\n%s", args, err, out)
		}
	}
	pgCtl("-D", "pg/", "-l", "pg/hand.log", "-w", "-o", "-c listen_addresses= -k "+dir, "start")
	defer pgCtl("-D", "pg/", "-m", "fast", "-w", "stop")

	attached := mustStart(t, dir)
	if attached.owned {
		t.Fatal("a hand-started server was taken for a stale one")
	}
	if got := count(t, attached); got != 1 {
		t.Fatalf("rows %d, want 1", got)
	}
}

func TestRootRelocatesAnUnreachableFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another user")
	}
	private := tempDataDir(t)
	if err := os.Chmod(private, 0o700); err != nil { // like /root
		t.Fatal(err)
	}
	dir := filepath.Join(private, "pg")
	c := mustStart(t, dir)
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || !strings.HasPrefix(real, relocationRoot+"/") {
		t.Fatalf("%s resolves to %q (%v), want a folder under %s", dir, real, err, relocationRoot)
	}
	t.Cleanup(func() { os.RemoveAll(real) })
	run(t, c, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")
	c.Stop()
	again := mustStart(t, dir)
	if got := count(t, again); got != 1 {
		t.Fatalf("after restart through the link: %d rows", got)
	}
}

// A server killed under the portal is started again by Supervise; Stop
// ends the supervision, so a stopped server stays stopped.
func TestSuperviseStartsAKilledServerAgain(t *testing.T) {
	dir := filepath.Join(tempDataDir(t), "pg")
	c := mustStart(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { c.Supervise(ctx); close(done) }()
	run(t, c, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)")

	c.mu.Lock()
	pid := c.proc.Pid
	c.mu.Unlock()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for {
		conn, err := pgx.Connect(ctx, c.ConnString(""))
		if err == nil {
			conn.Close(ctx)
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("not accepting connections 10 s after the kill: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("accepting connections %s after the kill", time.Since(start).Round(time.Millisecond))
	if got := count(t, c); got != 1 {
		t.Errorf("after the restart: %d rows", got)
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Supervise went on after Stop")
	}
	if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); !os.IsNotExist(err) {
		t.Error("the server runs again after Stop")
	}
}

// Remove deletes a relocated cluster where it really lives, not only the
// link to it.
func TestRemoveDeletesARelocatedCluster(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another user")
	}
	private := tempDataDir(t)
	if err := os.Chmod(private, 0o700); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(private, "pg")
	c := mustStart(t, dir)
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || real == dir {
		t.Fatalf("not relocated: %q %v", real, err)
	}
	if err := c.Remove(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{real, dir} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there", p)
		}
	}
}
