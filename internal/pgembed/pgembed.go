// Package pgembed runs a private PostgreSQL cluster from the server binaries
// installed on the machine, so that the portal and its tests need no database
// set up by hand. The cluster listens only on a unix socket inside its folder.
package pgembed

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoServer is returned when no PostgreSQL server binaries can be found.
var ErrNoServer = errors.New("PostgreSQL server binaries (initdb, postgres) not found on PATH or under /usr/lib/postgresql/*/bin: install the server package (Debian/Ubuntu: apt-get install postgresql), or set DATABASE_URL to an existing server")

// superuser is the cluster's bootstrap role; auth is trust over a private socket.
const superuser = "postgres"

// maxSocketPath is the room a unix socket path has on Linux (sun_path minus NUL).
const maxSocketPath = 107

// Options configure Start.
type Options struct {
	// Dir holds the cluster's data and its socket; created when missing.
	Dir string
	// Database is created on first start when it does not exist; default "portal".
	Database string
	// BinDir, when set, is the only place looked at for initdb and postgres.
	BinDir string
	Logger *slog.Logger
}

// Cluster is a running PostgreSQL server, started by this process or found
// already running on the same folder (then it is left running on Stop).
type Cluster struct {
	dir      string
	link     string // the folder asked for, when the cluster lives elsewhere (reachableDir)
	database string
	log      *slog.Logger
	binDir   string
	owner    *account
	owned    bool

	mu     sync.Mutex // proc and exited change when the server is started again
	proc   *os.Process
	exited chan struct{}
	// stopped closes on Stop: Supervise must not start the server again.
	stopped  chan struct{}
	stopOnce sync.Once
}

// Start initialises the cluster in opts.Dir on first use, then starts it, or
// attaches to the server another process already runs there.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	if opts.Database == "" {
		opts.Database = "portal"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	binDir, err := findBinaries(opts.BinDir)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("pgembed: %w", err)
	}
	if n := len(filepath.Join(dir, ".s.PGSQL.5432")); n > maxSocketPath {
		return nil, fmt.Errorf("pgembed: the socket path under %s would be %d bytes, more than the %d a unix socket allows: choose a shorter PORTAL_DATA_DIR", dir, n, maxSocketPath)
	}
	owner, err := serverUser()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("pgembed: %w", err)
	}

	// Several processes (serve, a CLI command, parallel test binaries) may
	// start at once on the same folder: one at a time decides what to do.
	unlock, err := lockFile(dir + ".lock")
	if err != nil {
		return nil, err
	}
	defer unlock()

	asked := dir
	if dir, err = reachableDir(dir, owner, opts.Logger); err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, database: opts.Database, log: opts.Logger, binDir: binDir, owner: owner, stopped: make(chan struct{})}
	if dir != asked {
		c.link = asked
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		if err := initdb(ctx, binDir, dir, owner, opts.Logger); err != nil {
			return nil, err
		}
	}

	if running, err := c.liveServer(); err != nil {
		return nil, err
	} else if running {
		opts.Logger.Info("embedded database already running; using it", "dir", dir)
		if err := c.waitReady(ctx); err != nil {
			return nil, err
		}
	} else {
		c.mu.Lock()
		err := c.start(ctx, binDir, owner)
		c.mu.Unlock()
		if err != nil {
			return nil, err
		}
		c.owned = true
	}
	if err := c.ensureDatabase(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// ConnString is a libpq keyword/value connection string for the named
// database (the cluster's default database when name is empty).
func (c *Cluster) ConnString(name string) string {
	if name == "" {
		name = c.database
	}
	return fmt.Sprintf("host=%s user=%s dbname=%s sslmode=disable", quote(c.dir), superuser, quote(name))
}

// Dir is the cluster's folder.
func (c *Cluster) Dir() string { return c.dir }

// Stop shuts the server down if this process started it (fast shutdown:
// open transactions roll back, data on disk stays consistent).
func (c *Cluster) Stop() error {
	if c == nil || !c.owned {
		return nil
	}
	c.stopOnce.Do(func() { close(c.stopped) })
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.proc == nil {
		return nil
	}
	_ = c.proc.Signal(syscall.SIGINT)
	select {
	case <-c.exited:
	case <-time.After(30 * time.Second):
		_ = c.proc.Signal(syscall.SIGQUIT)
		<-c.exited
	}
	c.log.Info("embedded database stopped", "dir", c.dir)
	c.proc = nil
	return nil
}

// Supervise starts the server again whenever it exits without Stop (a
// crash, an operator's kill, the OOM killer), waiting 200 ms before the
// first try and doubling up to 30 s while tries fail, until ctx ends or
// Stop is called. A server another process started is not watched.
func (c *Cluster) Supervise(ctx context.Context) {
	if c == nil || !c.owned {
		return
	}
	const first, most = 200 * time.Millisecond, 30 * time.Second
	wait := first
	for {
		c.mu.Lock()
		exited := c.exited
		c.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-c.stopped:
			return
		case <-exited:
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.stopped:
				return
			case <-time.After(wait):
			}
			c.mu.Lock()
			select {
			case <-c.stopped: // Stop ran while we waited for the lock
				c.mu.Unlock()
				return
			default:
			}
			c.log.Warn("embedded database exited; starting it again", "dir", c.dir, "after", wait)
			err := c.start(ctx, c.binDir, c.owner)
			c.mu.Unlock()
			if err == nil {
				c.log.Info("embedded database running again", "dir", c.dir)
				wait = first
				break
			}
			c.log.Error("embedded database did not start again", "dir", c.dir, "err", err)
			wait = min(2*wait, most)
		}
	}
}

// Remove stops the server and deletes the cluster: the folder it really
// lives in (relocated or not) and the link to it. For tests and tools that
// made a cluster of their own.
func (c *Cluster) Remove() error {
	if err := c.Stop(); err != nil {
		return err
	}
	err := os.RemoveAll(c.dir)
	for _, p := range []string{c.link, c.dir + ".lock", c.link + ".lock"} {
		if p != "" && p != ".lock" {
			if e := os.RemoveAll(p); err == nil {
				err = e
			}
		}
	}
	return err
}

// findBinaries returns the folder holding initdb and postgres: binDir when
// given, else PATH, else the newest /usr/lib/postgresql/*/bin.
func findBinaries(binDir string) (string, error) {
	has := func(d string) bool {
		for _, name := range []string{"initdb", "postgres"} {
			if fi, err := os.Stat(filepath.Join(d, name)); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	if binDir != "" {
		if has(binDir) {
			return binDir, nil
		}
		return "", ErrNoServer
	}
	if p, err := exec.LookPath("initdb"); err == nil && has(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if has(d) {
			return d, nil
		}
	}
	return "", ErrNoServer
}

// Tool is the path of a PostgreSQL client program (pg_dump, pg_restore)
// from the installation the embedded server runs from, else from PATH: a
// dump taken by an older pg_dump than the server is refused.
func Tool(name string) (string, error) {
	if dir, err := findBinaries(""); err == nil {
		if p := filepath.Join(dir, name); fileExists(p) {
			return p, nil
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("pgembed: %s not found beside the server binaries nor on PATH: install the PostgreSQL client package", name)
	}
	return p, nil
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

func versionOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// account is the unprivileged user the server runs as when we are root.
type account struct {
	name     string
	uid, gid uint32
}

// serverUser returns nil when the server can run as the current user;
// PostgreSQL refuses to run as root, so root hands it to "postgres" (made by
// Debian's package) or else "nobody".
func serverUser() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.ParseUint(u.Uid, 10, 32)
		gid, _ := strconv.ParseUint(u.Gid, 10, 32)
		return &account{name: name, uid: uint32(uid), gid: uint32(gid)}, nil
	}
	return nil, errors.New("pgembed: running as root and neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL as")
}

// relocationRoot holds clusters whose requested folder the server's user
// cannot enter (a checkout under /root, say).
const relocationRoot = "/var/lib/portal-pg"

// reachableDir returns the folder the cluster really lives in. When the
// server runs as another user who cannot enter dir's parent, the cluster is
// kept under relocationRoot instead, with dir a symlink to it, so the portal
// still finds it at $PORTAL_DATA_DIR/pg.
func reachableDir(dir string, owner *account, log *slog.Logger) (string, error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if owner == nil || unreachable(filepath.Dir(dir), owner) == "" {
		return dir, nil
	}
	sum := sha256.Sum256([]byte(dir))
	real := filepath.Join(relocationRoot, hex.EncodeToString(sum[:8]))
	if err := os.MkdirAll(relocationRoot, 0o755); err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	if unreachable(relocationRoot, owner) != "" {
		return "", fmt.Errorf("pgembed: PostgreSQL runs as user %q, which cannot enter %s nor %s; choose a PORTAL_DATA_DIR it can reach", owner.name, filepath.Dir(dir), relocationRoot)
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("pgembed: PostgreSQL runs as user %q, which cannot enter %s, and %s is not empty: %w", owner.name, filepath.Dir(dir), dir, err)
	}
	if err := os.Symlink(real, dir); err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	log.Warn("PostgreSQL's user cannot enter the data folder; the cluster lives elsewhere, linked from it",
		"user", owner.name, "link", dir, "cluster", real)
	return real, nil
}

// unreachable returns the first folder on the way to dir that owner cannot
// enter, or "" when it can reach dir.
func unreachable(dir string, owner *account) string {
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err == nil {
			st := fi.Sys().(*syscall.Stat_t)
			perm := fi.Mode().Perm()
			if perm&0o001 == 0 && !(st.Uid == owner.uid && perm&0o100 != 0) && !(st.Gid == owner.gid && perm&0o010 != 0) {
				return d
			}
		}
		if d == filepath.Dir(d) {
			return ""
		}
	}
}

func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pgembed: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("pgembed: lock: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

func initdb(ctx context.Context, binDir, dir string, owner *account, log *slog.Logger) error {
	log.Info("creating the embedded database cluster", "dir", dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	if err := chown(dir, owner); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, filepath.Join(binDir, "initdb"),
		"-D", dir, "-U", superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions")
	cmd.SysProcAttr = procAttr(owner)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pgembed: initdb failed: %w\n%s", err, out)
	}
	return nil
}

func chown(dir string, owner *account) error {
	if owner == nil {
		return nil
	}
	if err := os.Chown(dir, int(owner.uid), int(owner.gid)); err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	return nil
}

func procAttr(owner *account) *syscall.SysProcAttr {
	// Own process group: a Ctrl-C in the terminal reaches the portal, which
	// then stops the server after its own requests have finished.
	attr := &syscall.SysProcAttr{Setpgid: true}
	if owner != nil {
		attr.Credential = &syscall.Credential{Uid: owner.uid, Gid: owner.gid}
	}
	return attr
}

// liveServer reports whether a postmaster is running on this cluster. A
// postmaster.pid whose process is gone (or is some other program that reused
// the pid) is stale, left by a killed run: it is removed so the server starts.
func (c *Cluster) liveServer() (bool, error) {
	pidFile := filepath.Join(c.dir, "postmaster.pid")
	f, err := os.Open(pidFile)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("pgembed: %w", err)
	}
	first, _ := bufio.NewReader(f).ReadString('\n')
	f.Close()
	pid, _ := strconv.Atoi(strings.TrimSpace(first))
	if pid > 0 && isPostgres(pid, c.dir) {
		return true, nil
	}
	c.log.Warn("removing stale postmaster.pid left by an earlier run", "pid", pid, "dir", c.dir)
	for _, name := range []string{"postmaster.pid", ".s.PGSQL.5432", ".s.PGSQL.5432.lock"} {
		if err := os.Remove(filepath.Join(c.dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return false, fmt.Errorf("pgembed: removing stale %s: %w", name, err)
		}
	}
	return false, nil
}

// isPostgres tells whether pid is a live postgres server for dataDir. The
// server changes into its data folder, so its working directory tells,
// however it was started (portal, pg_ctl, a relative -D).
func isPostgres(pid int, dataDir string) bool {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil || !strings.HasPrefix(filepath.Base(exe), "postgres") {
		return false
	}
	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	return err == nil && cwd == dataDir
}

// start runs the server. After a crash (a killed server), the old server's
// children may hold its shared memory for a moment: postgres refuses to
// start until they are gone, so start tries again for a few seconds.
func (c *Cluster) start(ctx context.Context, binDir string, owner *account) error {
	logPath := filepath.Join(c.dir, "server.log")
	for attempt := 0; ; attempt++ {
		var offset int64
		if fi, err := os.Stat(logPath); err == nil {
			offset = fi.Size()
		}
		err := c.startOnce(ctx, binDir, owner, logPath)
		if err == nil || attempt >= 40 || !strings.Contains(readFrom(logPath, offset), "pre-existing shared memory block") {
			return err
		}
		c.log.Info("the previous server's processes are still exiting; retrying", "dir", c.dir)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// readFrom is the file's text from offset on.
func readFrom(path string, offset int64) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return ""
	}
	b, _ := io.ReadAll(f)
	return string(b)
}

func (c *Cluster) startOnce(ctx context.Context, binDir string, owner *account, logPath string) error {
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	defer logFile.Close()
	// Not CommandContext: the server must outlive a cancelled start-up context.
	cmd := exec.Command(filepath.Join(binDir, "postgres"),
		"-D", c.dir, "-k", c.dir, "-c", "listen_addresses=", "-c", "unix_socket_permissions=0770")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = procAttr(owner)
	// If the portal is killed outright, the server stops too: the kernel
	// sends it SIGINT (fast shutdown) when the thread that started it dies,
	// so that thread is locked to the goroutine that waits for the server.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	c.exited = make(chan struct{})
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		_ = cmd.Wait()
		close(c.exited)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("pgembed: starting postgres: %w", err)
	}
	c.proc = cmd.Process
	c.log.Info("embedded database starting", "dir", c.dir, "bin", binDir)
	if err := c.waitReady(ctx); err != nil {
		_ = cmd.Process.Signal(syscall.SIGQUIT)
		<-c.exited
		c.proc = nil
		return fmt.Errorf("%w\n%s", err, tail(logPath, 20))
	}
	return nil
}

// waitReady polls until the server accepts connections, the server process
// exits, or 60 seconds pass.
func (c *Cluster) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, c.ConnString("postgres"))
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case <-c.exited:
			return errors.New("pgembed: postgres exited during start-up")
		case <-ctx.Done():
			return fmt.Errorf("pgembed: postgres did not accept connections: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (c *Cluster) ensureDatabase(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, c.ConnString("postgres"))
	if err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", c.database).Scan(&exists); err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	if exists {
		return nil
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{c.database}.Sanitize()); err != nil {
		return fmt.Errorf("pgembed: creating database %q: %w", c.database, err)
	}
	return nil
}

func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
