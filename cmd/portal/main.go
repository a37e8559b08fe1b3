// Command portal serves the exhibition portal and manages its database.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"
	_ "time/tzdata" // Asia/Shanghai must resolve on machines without zoneinfo

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/config"
	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/notify"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/pgembed"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/visits"
	"github.com/expoportal/portal/internal/web"
	"github.com/expoportal/portal/static"
)

const usage = `usage: portal <command> [flags]

commands:
  serve            migrate, load demo content into an empty database, serve HTTP
  migrate up       apply pending schema migrations
  migrate status   list applied and pending migrations
  demo [--force]   load the demo content into empty kinds (refuses a database
                   holding content people wrote, unless --force)
  demo --remove    delete what the demo added and nobody has changed since
  backup FILE      write the whole site (database and media) to FILE
  restore [--force] FILE
                   read a backup into an empty database (--force: replace
                   the site the database holds)
  import legacy [--dry-run] [--lang zh|en] DIR
                   import an old site's mirror (wget --mirror): articles,
                   draft pages, images, and 301s from its old addresses
  user add|passwd|disable --email E [--role R]
                   manage staff accounts (password from stdin, or generated)

Run 'portal <command> -h' for the flags; each flag has an environment
variable (DATABASE_URL, PORTAL_ADDR, PORTAL_DATA_DIR, PORTAL_BASE_URL).
`

func main() {
	logw := newLogWriter(os.Stderr, 200*time.Millisecond)
	log := slog.New(textLog{slog.NewTextHandler(logw, nil), logw})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first signal, a second one ends the process at once instead
	// of waiting for the graceful shutdown.
	go func() { <-ctx.Done(); stop() }()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, log)
	logw.Close()
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, in io.Reader, out io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		fmt.Fprint(out, usage)
		return flag.ErrHelp
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, args, getenv, log)
	case "migrate":
		if len(args) == 0 || (args[0] != "up" && args[0] != "status") {
			return errors.New("usage: portal migrate up|status [flags]")
		}
		return migrate(ctx, args[0], args[1:], getenv, out, log)
	case "demo":
		return loadDemo(ctx, args, getenv, out, log)
	case "user":
		return userCommand(ctx, args, getenv, in, out, log)
	case "backup":
		return backupCommand(ctx, args, getenv, out, log)
	case "restore":
		return restoreCommand(ctx, args, getenv, out, log)
	case "import":
		return importCommand(ctx, args, getenv, out, log)
	case "help", "-h", "--help":
		fmt.Fprint(out, usage)
		return nil
	default:
		return fmt.Errorf("unknown command %q\n\n%s", cmd, usage)
	}
}

func loadConfig(name string, args []string, getenv func(string) string) (config.Config, error) {
	fs := flag.NewFlagSet("portal "+name, flag.ContinueOnError)
	return config.Load(fs, args, getenv)
}

// openDatabase connects to DATABASE_URL, or starts the embedded cluster
// when it is unset. close stops what open started.
func openDatabase(ctx context.Context, cfg config.Config, log *slog.Logger) (pool *pgxpool.Pool, close func(), err error) {
	pool, _, close, err = connect(ctx, cfg, log)
	return pool, close, err
}

// openStore is openDatabase with the schema brought up to date, for a
// command that reads and writes through the store.
func openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.Store, func(), error) {
	pool, closeDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	if err := db.Migrate(ctx, pool); err != nil {
		closeDB()
		return nil, nil, err
	}
	return store.New(pool), closeDB, nil
}

// connect is openDatabase that also returns the connection string, for
// the PostgreSQL programs backup runs.
func connect(ctx context.Context, cfg config.Config, log *slog.Logger) (pool *pgxpool.Pool, conn string, close func(), err error) {
	if cfg.DatabaseURL != "" {
		pool, err := db.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, "", nil, err
		}
		return pool, cfg.DatabaseURL, pool.Close, nil
	}
	cluster, err := pgembed.Start(ctx, pgembed.Options{Dir: cfg.EmbeddedDir(), Database: "portal", Logger: log})
	if err != nil {
		return nil, "", nil, err
	}
	conn = cluster.ConnString("")
	pool, err = db.Open(ctx, conn)
	if err != nil {
		cluster.Stop()
		return nil, "", nil, err
	}
	// A server that exits under us (killed, crashed) is started again;
	// the pool reconnects and pages recover by themselves.
	go cluster.Supervise(ctx)
	return pool, conn, func() { pool.Close(); cluster.Stop() }, nil
}

func serve(ctx context.Context, args []string, getenv func(string) string, log *slog.Logger) error {
	cfg, err := loadConfig("serve", args, getenv)
	if err != nil {
		return err
	}
	if gc, limit := tuneGC(getenv, int64(cfg.PageCacheMB)<<20); gc != 0 {
		log.Info("garbage collection", "gogc", gc, "memory_limit_mb", limit>>20)
	}
	cat, err := i18n.New()
	if err != nil {
		return err
	}
	assets, err := static.New()
	if err != nil {
		return err
	}
	// Listen first: a port in use is reported before any database work.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	var metricsLn net.Listener
	if cfg.MetricsAddr != "" {
		if metricsLn, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			ln.Close()
			return err
		}
		defer metricsLn.Close() // in case serving never starts
	}
	pool, closeDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		ln.Close()
		return err
	}
	defer closeDB()
	if err := db.Migrate(ctx, pool); err != nil {
		return err
	}
	st := store.New(pool)
	if has, err := st.HasSite(ctx); err != nil {
		return err
	} else if !has {
		log.Info("empty database: loading the demo content")
		if err := demo.Load(ctx, st); err != nil {
			return err
		}
	}
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return err
	}
	var m *metrics.Metrics // nil without an address: every call to it does nothing
	if metricsLn != nil {
		m = metrics.New(pool)
	}
	counter := visits.New(visits.Options{Store: st, Logger: log, Location: shanghai, TrustedProxies: cfg.TrustedProxies,
		OnFlush: m.CounterFlush})
	// The counter outlives the server by its final flush: it stops after the
	// last request has been answered, and before the database closes.
	counterCtx, stopCounter := context.WithCancel(context.Background())
	counted := make(chan struct{})
	go func() { counter.Run(counterCtx); close(counted) }()
	defer func() { stopCounter(); <-counted }()

	sessions := scs.New()
	sessions.Store = pgxstore.New(pool) // sessions survive restarts and work on every instance
	opts := web.Options{Store: st, Catalog: cat, Assets: assets, Visits: counter, Logger: log, BaseURL: cfg.BaseURL,
		BaseURLGuessed: cfg.BaseURLGuessed, Sessions: sessions, TrustedProxies: cfg.TrustedProxies,
		PageCacheBytes: int64(cfg.PageCacheMB) << 20, Metrics: m}
	if t, ok := log.Handler().(textLog); ok {
		opts.AccessLog = t.w
	}
	// Background jobs: e-mails (only with a mail server: without one none
	// are written, so none pile up) and the periodic clean-ups, which
	// river's elected leader schedules once for all instances.
	jobOpts := outbox.Options{Pool: pool, Store: st, Location: shanghai, Logger: log}
	if cfg.SMTPEnabled() {
		jobOpts.Sender = &notify.Mailer{Addr: cfg.SMTPAddr, From: cfg.SMTPFrom, To: cfg.SMTPTo, User: cfg.SMTPUser, Password: cfg.SMTPPassword}
		log.Info("e-mailing organisers about booth applications, and visitors their e-tickets", "smtp", cfg.SMTPAddr, "to", len(cfg.SMTPTo))
	}
	jobs, err := outbox.New(jobOpts)
	if err != nil {
		return err
	}
	if err := jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	// Jobs stop after the last request, before the database closes; one
	// cut short is tried again by the next instance to run.
	stopJobs := sync.OnceFunc(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := jobs.Stop(sctx); err != nil {
			log.Warn("stopping background jobs", "err", err)
		}
	})
	defer stopJobs()
	opts.Outbox = jobs
	srv := web.New(opts)
	// Every instance hears every change, so what it keeps stays true.
	listenCtx, stopListening := context.WithCancel(context.Background())
	listened := make(chan struct{})
	go func() { _ = srv.ListenForChanges(listenCtx); close(listened) }()
	defer func() { stopListening(); <-listened }()
	// The metrics server stops with the public one, whichever way that ends.
	serveCtx, stopServing := context.WithCancel(ctx)
	defer stopServing()
	metricsDone := make(chan struct{})
	if metricsLn != nil {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", m.Handler())
		// Profiles of the running portal, for finding where its time goes
		// under real load; on the private address only.
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mlog := log.With("server", "metrics")
		go func() {
			defer close(metricsDone)
			// A broken metrics server is no reason to stop serving visitors.
			if err := web.Serve(serveCtx, metricsLn, mux, mlog, 5*time.Second); err != nil {
				mlog.Error("metrics server stopped", "err", err)
			}
		}()
		log.Info("serving metrics", "url", "http://"+metricsLn.Addr().String()+"/metrics")
	} else {
		close(metricsDone)
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "base_url", cfg.BaseURL)
	err = srv.Serve(serveCtx, ln, 30*time.Second)
	stopServing()
	<-metricsDone
	stopJobs()
	return err
}

func migrate(ctx context.Context, verb string, args []string, getenv func(string) string, out io.Writer, log *slog.Logger) error {
	cfg, err := loadConfig("migrate "+verb, args, getenv)
	if err != nil {
		return err
	}
	pool, closeDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	m, err := db.NewMigrator(pool)
	if err != nil {
		return err
	}
	defer m.Close()
	if verb == "up" {
		res, err := m.Up(ctx)
		for _, r := range res {
			fmt.Fprintf(out, "applied %s (%s)\n", r.Source.Path, r.Duration.Round(time.Millisecond))
		}
		if err == nil && len(res) == 0 {
			fmt.Fprintln(out, "no pending migrations")
		}
		if err != nil {
			return err
		}
		return db.MigrateJobs(ctx, pool) // the job queue's tables come with ours
	}
	st, err := m.Status(ctx)
	if err != nil {
		return err
	}
	for _, s := range st {
		when := "pending"
		if s.State == "applied" {
			when = "applied " + s.AppliedAt.Format(time.RFC3339)
		}
		fmt.Fprintf(out, "%-40s %s\n", s.Source.Path, when)
	}
	return nil
}

func loadDemo(ctx context.Context, args []string, getenv func(string) string, out io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("portal demo", flag.ContinueOnError)
	force := fs.Bool("force", false, "load the samples even into a database that holds content people wrote")
	remove := fs.Bool("remove", false, "delete what the demo added and nobody has changed since, instead of loading")
	cfg, err := config.Load(fs, args, getenv)
	if err != nil {
		return err
	}
	st, closeDB, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	if *remove {
		return removeDemo(ctx, st, out)
	}
	kinds, err := demo.Survey(ctx, st)
	if err != nil {
		return err
	}
	// Samples in a live site would hold real booths and mix fake visitors
	// into real ones: say what is there and what would come, and stop.
	var foreign, fills []string
	for _, k := range kinds {
		if n := k.Foreign(); n > 0 {
			foreign = append(foreign, fmt.Sprintf("%s: %d not from the demo", k.Label, n))
		}
		if k.Fills() {
			fills = append(fills, "sample "+k.Label)
		}
	}
	if len(fills) == 0 {
		fmt.Fprintln(out, "every kind of content holds rows already: no samples to add")
	} else {
		fmt.Fprintf(out, "would add: %s\n", strings.Join(fills, ", "))
	}
	if len(foreign) > 0 && !*force {
		if len(fills) == 0 {
			return nil
		}
		return fmt.Errorf("this database holds content people wrote (%s); nothing was added. Run portal demo --force to add the samples anyway", strings.Join(foreign, "; "))
	}
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	log.Info("demo content loaded")
	return nil
}

// removeDemo takes the samples away before launch and says, table by
// table, what went and what stayed because people changed or use it.
func removeDemo(ctx context.Context, st *store.Store, out io.Writer) error {
	report, err := st.RemoveDemo(ctx)
	if err != nil {
		return err
	}
	total := 0
	for _, r := range report {
		total += r.Removed + r.Edited + r.InUse
		if r.Removed+r.Edited+r.InUse == 0 {
			continue
		}
		fmt.Fprintf(out, "%-20s removed %d", r.Table, r.Removed)
		if r.Edited > 0 {
			fmt.Fprintf(out, ", kept %d changed since the demo wrote them", r.Edited)
		}
		if r.InUse > 0 {
			fmt.Fprintf(out, ", kept %d still used by content people made", r.InUse)
		}
		fmt.Fprintln(out)
	}
	if total == 0 {
		fmt.Fprintln(out, "no demo rows on record: nothing to remove")
	}
	return nil
}

// tuneGC sets the garbage collector for serving, unless GOGC or
// GOMEMLIMIT say otherwise: a cold page allocates about 150 KB, and at
// Go's default (collect when the heap has doubled) the collector took a
// quarter of a cold page's CPU under load. It collects at five times the
// live heap instead (GOGC=400), with a soft limit of the page cache's
// bytes plus 64 MB, which keeps the process well under 200 MB however it
// is loaded (at plus 96 MB it reached 185 MB under make bench-memory).
// It returns what it set (0, 0: nothing).
func tuneGC(getenv func(string) string, cacheBytes int64) (gogc int, limit int64) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return 0, 0
	}
	gogc, limit = 400, cacheBytes+64<<20
	debug.SetGCPercent(gogc)
	debug.SetMemoryLimit(limit)
	return gogc, limit
}
