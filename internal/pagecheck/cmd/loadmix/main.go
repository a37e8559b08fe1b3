// Command loadmix runs portal instances on one PostgreSQL of its own, with
// deploy/nginx-portal.conf in front of them when asked, and puts a mix of
// what an expo's users do on them: visitors reading public pages, an editor
// publishing every second, visitors registering, staff checking tickets in.
// It can kill one instance with SIGKILL halfway and start it again. It
// prints, per interval, the reads, the failed reads, their p99 and each
// instance's resident memory, then what was acknowledged against what the
// database holds, and exits 1 when a goal is missed:
//
//	0 failed reads, 0 acknowledged registrations missing, every publish
//	seen on every running instance within 5 s; with -soak also resident
//	memory flat (the last interval within 10 % of the second).
//
// make cluster-test and make soak run it.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/pgembed"
)

type options struct {
	bin, site          string
	instances, readers int
	registrars         int
	duration, every    time.Duration
	nginx, kill, soak  bool
	checkins, keep     bool
}

func main() {
	var o options
	flag.StringVar(&o.bin, "portal", "", "the portal binary (required)")
	flag.StringVar(&o.site, "site", "deploy/nginx-portal.conf", "the nginx site config put in front with -nginx")
	flag.IntVar(&o.instances, "instances", 1, "portal instances on the one database")
	flag.IntVar(&o.readers, "readers", 8, "visitors reading public pages at once")
	flag.IntVar(&o.registrars, "registrars", 2, "visitors registering at once (each takes 3 s to fill the form)")
	flag.DurationVar(&o.duration, "duration", time.Minute, "how long the load runs")
	flag.DurationVar(&o.every, "every", 10*time.Second, "the interval of the printed table")
	flag.BoolVar(&o.nginx, "nginx", false, "put nginx in front (deploy/nginx-portal.conf)")
	flag.BoolVar(&o.kill, "kill", false, "kill one instance with SIGKILL halfway and start it again")
	flag.BoolVar(&o.checkins, "checkins", false, "check the registered tickets in at the door, one a second")
	flag.BoolVar(&o.soak, "soak", false, "also require flat memory: the last interval within 10 % of the second")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder (logs) after the run")
	flag.Parse()
	if o.bin == "" || o.instances < 1 || (o.kill && o.instances < 2 && !o.nginx) {
		fmt.Fprintln(os.Stderr, "usage: loadmix -portal BIN [-instances N] [-nginx] [-kill] [-checkins] [-soak] [-duration D] [-every D]")
		os.Exit(2)
	}
	ok, err := run(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadmix:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "loadmix %s: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// instance is one running portal.
type instance struct {
	n    int
	addr string
	cmd  *exec.Cmd
	log  *os.File
	env  []string
	bin  string
	up   atomic.Bool
}

func (in *instance) start() error {
	in.cmd = exec.Command(in.bin, "serve")
	in.cmd.Env = in.env
	in.cmd.Stdout, in.cmd.Stderr = in.log, in.log
	if err := in.cmd.Start(); err != nil {
		return err
	}
	if err := waitReady("http://"+in.addr, 2*time.Minute); err != nil {
		return fmt.Errorf("instance %d: %w", in.n, err)
	}
	in.up.Store(true)
	return nil
}

func (in *instance) stop() {
	if in.cmd == nil || in.cmd.Process == nil {
		return
	}
	in.up.Store(false)
	_ = in.cmd.Process.Signal(syscall.SIGTERM)
	_ = in.cmd.Wait()
}

// rss is the instance's resident memory in MB (0 when it is not running).
func (in *instance) rss() float64 {
	if !in.up.Load() {
		return 0
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", in.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitReady(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready after %s", base, limit)
}

func run(o options) (bool, error) {
	ctx := context.Background()
	work, err := os.MkdirTemp("", "loadmix")
	if err != nil {
		return false, err
	}
	os.Chmod(work, 0o755) // PostgreSQL's user must enter it when we are root
	if !o.keep {
		defer os.RemoveAll(work)
	} else {
		logf("work folder: %s", work)
	}

	logf("starting PostgreSQL")
	cluster, err := pgembed.Start(ctx, pgembed.Options{Dir: filepath.Join(work, "pg"), Database: "portal"})
	if err != nil {
		return false, err
	}
	defer cluster.Remove()
	dbURL := cluster.ConnString("")

	front := ""
	var nginxAddr string
	if o.nginx {
		if nginxAddr, err = freeAddr(); err != nil {
			return false, err
		}
		front = "http://" + nginxAddr
	}
	var instances []*instance
	for i := range o.instances {
		addr, err := freeAddr()
		if err != nil {
			return false, err
		}
		logFile, err := os.Create(filepath.Join(work, fmt.Sprintf("portal-%d.log", i+1)))
		if err != nil {
			return false, err
		}
		defer logFile.Close()
		if front == "" {
			front = "http://" + addr
		}
		instances = append(instances, &instance{n: i + 1, addr: addr, log: logFile, bin: o.bin,
			env: append(os.Environ(), "DATABASE_URL="+dbURL, "PORTAL_ADDR="+addr, "PORTAL_BASE_URL="+front,
				"PORTAL_TRUSTED_PROXIES=127.0.0.1/32")})
	}
	env := instances[0].env
	portal := func(stdin string, args ...string) error {
		cmd := exec.Command(o.bin, args...)
		cmd.Env, cmd.Stdin = env, strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("portal %s: %w\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	logf("loading the demo site and a staff account")
	if err := portal("", "demo"); err != nil {
		return false, err
	}
	const staffEmail, staffPassword = "loadmix@expo.example", "Loadmix-Password-2027"
	if err := portal(staffPassword+"\n", "user", "add", "--email", staffEmail, "--role", "admin"); err != nil {
		return false, err
	}
	for _, in := range instances {
		logf("starting instance %d on %s", in.n, in.addr)
		if err := in.start(); err != nil {
			return false, err
		}
		defer in.stop()
	}
	if o.nginx {
		stop, err := startNginx(work, o.site, nginxAddr, instances)
		if err != nil {
			return false, err
		}
		defer stop()
	}

	m := &mix{o: o, front: front, instances: instances, start: time.Now()}
	if err := m.prepare(staffEmail, staffPassword); err != nil {
		return false, err
	}
	logf("load for %s through %s", o.duration, front)
	m.run()

	pool, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return false, err
	}
	defer pool.Close(ctx)
	return m.report(ctx, pool), nil
}

// startNginx runs the deploy site config with its upstream pointed at the
// instances and its cache and temporary files in work.
func startNginx(work, site, addr string, instances []*instance) (func(), error) {
	conf, err := os.ReadFile(site)
	if err != nil {
		return nil, err
	}
	var servers strings.Builder
	for _, in := range instances {
		fmt.Fprintf(&servers, "    server %s max_fails=1 fail_timeout=5s;\n", in.addr)
	}
	text := regexp.MustCompile(`(?m)^\s*server 127\.0\.0\.1:\d+[^\n]*\n`).ReplaceAllString(string(conf), "")
	text = strings.Replace(text, "keepalive 32;", strings.TrimLeft(servers.String(), " ")+"    keepalive 32;", 1)
	text = strings.Replace(text, "listen 80;", "listen "+addr+";", 1)
	text = strings.Replace(text, "/var/cache/nginx/portal", filepath.Join(work, "nginx-cache"), 1)
	if err := os.WriteFile(filepath.Join(work, "site.conf"), []byte(text), 0o644); err != nil {
		return nil, err
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;\n"
	}
	main := fmt.Sprintf(`%sworker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/nginx-error.log;
daemon off;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path %[2]s/tmp-body;
    proxy_temp_path %[2]s/tmp-proxy;
    fastcgi_temp_path %[2]s/tmp-fastcgi;
    uwsgi_temp_path %[2]s/tmp-uwsgi;
    scgi_temp_path %[2]s/tmp-scgi;
    include %[2]s/site.conf;
}
`, user, work)
	if err := os.WriteFile(filepath.Join(work, "nginx.conf"), []byte(main), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command("nginx", "-p", work, "-c", filepath.Join(work, "nginx.conf"))
	out, _ := os.Create(filepath.Join(work, "nginx.out"))
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("nginx: %w", err)
	}
	stop := func() { _ = cmd.Process.Signal(syscall.SIGQUIT); _ = cmd.Wait(); out.Close() }
	if err := waitReady("http://"+addr, 20*time.Second); err != nil {
		stop()
		log, _ := os.ReadFile(filepath.Join(work, "nginx-error.log"))
		return nil, fmt.Errorf("nginx: %w\n%s", err, log)
	}
	logf("nginx in front on %s", addr)
	return stop, nil
}

// bucket is one interval's reads.
type bucket struct {
	reads, failed int
	ms            []float64
	rss           []float64
}

type mix struct {
	o         options
	front     string
	instances []*instance
	start     time.Time
	pages     []string
	staff     *http.Client

	mu       sync.Mutex
	buckets  []*bucket
	failures map[string]int // what the failed reads were, for the report

	published, publishFailed, seen, unseen atomic.Int64
	registered, registerFailed             atomic.Int64
	checkedIn, checkInFailed               atomic.Int64
	killedAt, backAt                       time.Duration
	tokensMu                               sync.Mutex
	tokens                                 []string
}

var reader = &http.Client{
	Timeout:       10 * time.Second,
	Transport:     &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: false},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// prepare signs the staff member in and collects the public pages to read:
// the sections and a spread of articles.
func (m *mix) prepare(email, password string) error {
	jar, _ := cookiejar.New(nil)
	m.staff = &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := m.post(m.staff, "/admin/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("staff sign-in: %d", res.StatusCode)
	}
	m.pages = []string{"/zh/", "/en/", "/zh/news/", "/en/news/", "/zh/news/expo/", "/zh/exhibitors/",
		"/en/exhibitors/", "/zh/exhibit/charges", "/en/exhibit/charges", "/zh/about/overview", "/zh/exhibit/schedule", "/zh/services/hotels"}
	res, err = reader.Get(m.front + "/zh/news/")
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, a := range regexp.MustCompile(`href="(/zh/news/\d+-[^"]+)"`).FindAllStringSubmatch(string(body), 8) {
		m.pages = append(m.pages, a[1])
	}
	// Only pages that answer 200 now: a failure later is the load's.
	var ok []string
	for _, p := range m.pages {
		if res, err := reader.Get(m.front + p); err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				ok = append(ok, p)
			}
		}
	}
	m.pages = ok
	logf("%d public pages to read", len(m.pages))
	m.failures = map[string]int{}
	return nil
}

func (m *mix) post(c *http.Client, path string, form url.Values) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodPost, m.front+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", m.front)
	// Each visitor from an address of its own, as behind a real proxy: the
	// portal limits forms per address.
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", rand.IntN(256), rand.IntN(256), 1+rand.IntN(254)))
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res, nil
}

func (m *mix) bucket(at time.Time) *bucket {
	i := int(at.Sub(m.start) / m.o.every)
	for len(m.buckets) <= i {
		m.buckets = append(m.buckets, &bucket{})
	}
	return m.buckets[i]
}

func (m *mix) read(path string) {
	t0 := time.Now()
	res, err := reader.Get(m.front + path)
	status := 0
	if err == nil {
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		status = res.StatusCode
	}
	took := time.Since(t0)
	m.mu.Lock()
	defer m.mu.Unlock()
	b := m.bucket(t0)
	b.reads++
	b.ms = append(b.ms, float64(took.Microseconds())/1000)
	if err != nil || status < 200 || status >= 400 {
		b.failed++
		what := strconv.Itoa(status)
		if err != nil {
			what = err.Error()
		}
		m.failures[path+": "+what]++
	}
}

func (m *mix) run() {
	m.start = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), m.o.duration)
	defer cancel()
	var wg sync.WaitGroup
	for i := range m.o.readers {
		wg.Go(func() {
			for n := i; ctx.Err() == nil; n++ {
				m.read(m.pages[n%len(m.pages)])
			}
		})
	}
	wg.Go(func() { m.publish(ctx) })
	for range m.o.registrars {
		wg.Go(func() { m.register(ctx) })
	}
	if m.o.checkins {
		wg.Go(func() { m.checkIn(ctx) })
	}
	if m.o.kill {
		wg.Go(func() { m.killOne(ctx) })
	}
	wg.Go(func() { // resident memory at the end of each interval
		for ctx.Err() == nil {
			next := m.start.Add(m.o.every * (time.Since(m.start)/m.o.every + 1))
			select {
			case <-ctx.Done():
			case <-time.After(time.Until(next) - 50*time.Millisecond):
			}
			var rss []float64
			for _, in := range m.instances {
				rss = append(rss, in.rss())
			}
			m.mu.Lock()
			m.bucket(time.Now()).rss = rss
			m.mu.Unlock()
		}
	})
	wg.Wait()
}

// publish posts an article every second and checks, a second later, that
// every running instance lists it.
func (m *mix) publish(ctx context.Context) {
	cst := time.FixedZone("CST", 8*3600)
	var checks sync.WaitGroup
	defer checks.Wait()
	for n := 1; ; n++ {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
		title := fmt.Sprintf("Load test bulletin %d at %s", n, time.Now().Format("15:04:05.000"))
		res, err := m.post(m.staff, "/admin/news/new", url.Values{
			"version": {"0"}, "category": {"expo"}, "action": {"publish"},
			"released_at": {time.Now().Add(-time.Minute).In(cst).Format("2006-01-02T15:04")},
			"title_zh":    {"压测新闻 " + strconv.Itoa(n)}, "summary_zh": {"压测"}, "body_zh": {"正文。"}, "source_zh": {"组委会"},
			"title_en": {title}, "summary_en": {"Load"}, "body_en": {"Body."}, "source_en": {"Organisers"},
		})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			m.publishFailed.Add(1)
			continue
		}
		m.published.Add(1)
		checks.Go(func() { m.checkSeen(title) })
	}
}

// checkSeen looks for a published title on every running instance's news
// list, directly, for up to 5 s.
func (m *mix) checkSeen(title string) {
	deadline := time.Now().Add(5 * time.Second)
	for _, in := range m.instances {
		for {
			if !in.up.Load() {
				break // killed: it starts with nothing kept
			}
			res, err := reader.Get("http://" + in.addr + "/en/news/")
			if err == nil {
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if strings.Contains(string(body), title) {
					break
				}
			}
			if time.Now().After(deadline) {
				m.unseen.Add(1)
				logf("%q not on instance %d after 5 s", title, in.n)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	m.seen.Add(1)
}

var stampRe = regexp.MustCompile(`name="form_started" value="([^"]+)"`)

// register fills the registration form as a visitor does (3 s or more) and
// keeps the ticket of each acknowledged registration.
func (m *mix) register(ctx context.Context) {
	for ctx.Err() == nil {
		res, err := reader.Get(m.front + "/zh/register")
		if err != nil {
			m.registerFailed.Add(1)
			time.Sleep(time.Second)
			continue
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		stamp := stampRe.FindStringSubmatch(string(body))
		if stamp == nil {
			m.registerFailed.Add(1)
			time.Sleep(time.Second)
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(3200 * time.Millisecond):
		}
		phone := fmt.Sprintf("139%08d", rand.IntN(100_000_000))
		res, err = m.post(reader, "/zh/register", url.Values{
			"form_started": {stamp[1]}, "homepage": {""}, "name": {"压测访客" + phone[7:]}, "organisation": {"沈阳市压测中学"},
			"role": {"teacher"}, "city": {"沈阳"}, "phone": {phone}, "email": {""}, "days": {"2027-04-16"},
		})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			m.registerFailed.Add(1)
			continue
		}
		token := res.Header.Get("Location")[strings.LastIndex(res.Header.Get("Location"), "/")+1:]
		m.registered.Add(1)
		m.tokensMu.Lock()
		m.tokens = append(m.tokens, token)
		m.tokensMu.Unlock()
	}
}

// checkIn admits one registered ticket a second at the door.
func (m *mix) checkIn(ctx context.Context) {
	next := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
		m.tokensMu.Lock()
		if next >= len(m.tokens) {
			m.tokensMu.Unlock()
			continue
		}
		token := m.tokens[next]
		next++
		m.tokensMu.Unlock()
		res, err := m.post(m.staff, "/admin/checkin", url.Values{"ticket": {token}})
		if err != nil || res.StatusCode != http.StatusOK {
			m.checkInFailed.Add(1)
			continue
		}
		m.checkedIn.Add(1)
	}
}

// killOne kills the last instance outright halfway and starts it again
// three seconds later.
func (m *mix) killOne(ctx context.Context) {
	select {
	case <-ctx.Done():
		return
	case <-time.After(m.o.duration / 2):
	}
	in := m.instances[len(m.instances)-1]
	in.up.Store(false)
	_ = in.cmd.Process.Kill()
	_ = in.cmd.Wait()
	m.killedAt = time.Since(m.start)
	logf("killed instance %d (SIGKILL)", in.n)
	time.Sleep(3 * time.Second)
	if err := in.start(); err != nil {
		logf("instance %d did not start again: %v", in.n, err)
		return
	}
	m.backAt = time.Since(m.start)
	logf("instance %d serving again", in.n)
}

func p99(ms []float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*0.99))]
}

// report prints the table and the totals, and says whether the goals held.
func (m *mix) report(ctx context.Context, db *pgx.Conn) bool {
	for len(m.buckets) > 1 && m.buckets[len(m.buckets)-1].reads == 0 {
		m.buckets = m.buckets[:len(m.buckets)-1] // the memory sample taken as the load ended
	}
	fmt.Printf("\n%-9s %8s %8s %9s", "interval", "reads", "failed", "p99 ms")
	for _, in := range m.instances {
		fmt.Printf("  %8s", fmt.Sprintf("RSS#%d MB", in.n))
	}
	fmt.Println()
	var reads, failed int
	var all []float64
	for i, b := range m.buckets {
		reads, failed = reads+b.reads, failed+b.failed
		all = append(all, b.ms...)
		fmt.Printf("%-9s %8d %8d %9.1f", fmt.Sprintf("%v", time.Duration(i+1)*m.o.every), b.reads, b.failed, p99(b.ms))
		for j := range m.instances {
			if j < len(b.rss) {
				fmt.Printf("  %8.0f", b.rss[j])
			} else {
				fmt.Printf("  %8s", "-")
			}
		}
		fmt.Println()
	}
	var found int64
	if err := db.QueryRow(ctx, "SELECT count(*) FROM registrations WHERE token = ANY($1)", m.tokens).Scan(&found); err != nil {
		logf("counting registrations: %v", err)
	}
	elapsed := time.Since(m.start).Seconds()
	fmt.Printf("\nreads: %d (%.0f/s), failed (non-2xx/3xx or no answer): %d, p99 %.1f ms\n", reads, float64(reads)/elapsed, failed, p99(all))
	for what, n := range m.failures {
		fmt.Printf("  failed read %s: %d\n", what, n)
	}
	fmt.Printf("publishes acknowledged: %d (not taken: %d); seen on every running instance within 5 s: %d, not seen: %d\n",
		m.published.Load(), m.publishFailed.Load(), m.seen.Load(), m.unseen.Load())
	fmt.Printf("registrations acknowledged: %d, rows found: %d, not taken: %d\n", m.registered.Load(), found, m.registerFailed.Load())
	if m.o.checkins {
		fmt.Printf("check-ins admitted: %d, failed: %d\n", m.checkedIn.Load(), m.checkInFailed.Load())
	}
	if m.o.kill {
		fmt.Printf("instance %d killed at %s, serving again at %s\n", len(m.instances), m.killedAt.Round(time.Second), m.backAt.Round(time.Second))
	}
	var missed []string
	if failed > 0 {
		missed = append(missed, fmt.Sprintf("%d failed reads", failed))
	}
	if found != m.registered.Load() {
		missed = append(missed, fmt.Sprintf("%d acknowledged registrations missing", m.registered.Load()-found))
	}
	if m.unseen.Load() > 0 || m.published.Load() == 0 {
		missed = append(missed, "publishes not seen everywhere")
	}
	if m.o.checkins && m.checkInFailed.Load() > 0 {
		missed = append(missed, fmt.Sprintf("%d check-ins failed", m.checkInFailed.Load()))
	}
	if m.o.soak && len(m.buckets) >= 3 {
		second, last := m.buckets[1].rss, m.buckets[len(m.buckets)-1].rss
		for i := range min(len(second), len(last)) {
			if second[i] > 0 && last[i] > second[i]*1.10 {
				missed = append(missed, fmt.Sprintf("instance %d memory grew %.0f → %.0f MB", i+1, second[i], last[i]))
			}
		}
	}
	if len(missed) > 0 {
		fmt.Printf("GOAL MISSED: %s\n", strings.Join(missed, "; "))
		return false
	}
	fmt.Println("goals met: 0 failed reads, 0 lost acknowledged writes, every publish seen on every running instance")
	return true
}
