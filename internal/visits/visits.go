// Package visits counts unique visitors per day and page views per path
// without cookies. A request only adds to a map in memory; every few
// seconds the counts go to PostgreSQL in one statement, so a page view costs
// no database write and several instances add to the same totals.
package visits

import (
	"context"
	"crypto/sha256"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Store is what the counter needs from the database.
type Store interface {
	DaySalt(ctx context.Context, day time.Time) ([]byte, error)
	RecordVisits(ctx context.Context, b store.VisitBatch) error
	CountedVisitors(ctx context.Context) (int64, error)
}

// Counter aggregates hits in memory and flushes them.
type Counter struct {
	store    Store
	log      *slog.Logger
	loc      *time.Location // days begin at midnight here
	now      func() time.Time
	interval time.Duration
	trusted  []netip.Prefix // proxies whose X-Forwarded-For is believed
	onFlush  func(error)    // nil: nobody listens

	mu      sync.Mutex
	pending map[time.Time]*batch

	salts  map[time.Time][]byte // used only by Flush, which runs one at a time
	flush  sync.Mutex
	total  atomic.Int64
	forgot time.Time // the day salts in memory were last cleared up to
}

// batch is one day's hits since the last flush. Visitor keys are address
// and user agent in the clear, held for seconds and hashed at flush with the
// day's shared salt.
type batch struct {
	visitors map[string]struct{}
	paths    map[string]int64
	articles map[int64]int64
	views    int64
}

func newBatch() *batch {
	return &batch{visitors: map[string]struct{}{}, paths: map[string]int64{}, articles: map[int64]int64{}}
}

// Options configure New.
type Options struct {
	Store          Store
	Logger         *slog.Logger
	Location       *time.Location   // the expo's time zone
	Now            func() time.Time // time.Now when nil
	Interval       time.Duration    // between flushes; 5s when zero
	TrustedProxies []netip.Prefix
	// OnFlush, when set, hears each flush's result (nil: written), for the
	// metrics; it runs on the flushing goroutine and must be quick.
	OnFlush func(error)
}

// New returns a Counter; call Run to flush it.
func New(o Options) *Counter {
	c := &Counter{
		store: o.Store, log: o.Logger, loc: o.Location, now: o.Now, interval: o.Interval,
		trusted: o.TrustedProxies, onFlush: o.OnFlush, pending: map[time.Time]*batch{}, salts: map[time.Time][]byte{},
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.loc == nil {
		c.loc = time.UTC
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.interval == 0 {
		c.interval = 5 * time.Second
	}
	return c
}

// Hit counts one view of path by the client that sent r; obvious bots are
// not counted. It never touches the database.
func (c *Counter) Hit(r *http.Request, path string) {
	c.View(r, path, 0)
}

// View counts, for the client that sent r, a view of path (none when "")
// and a read of article (none when 0): Hit and HitArticle in one look at
// the user agent and one lock, for pages served from memory. Bots are not
// counted.
func (c *Counter) View(r *http.Request, path string, article int64) {
	if c == nil || path == "" && article == 0 {
		return
	}
	ua := r.UserAgent()
	if IsBot(ua) {
		return
	}
	// The visitor's key is built on the stack and only copied to the heap
	// the first time it is seen today: most views are by a known visitor.
	var buf [256]byte
	var key []byte
	if path != "" {
		key = append(append(append(buf[:0], ClientIP(r, c.trusted)...), 0), ua...)
	}
	c.mu.Lock()
	b := c.today()
	if path != "" {
		if _, ok := b.visitors[string(key)]; !ok {
			b.visitors[string(key)] = struct{}{}
		}
		b.paths[path]++
		b.views++
	}
	if article != 0 {
		b.articles[article]++
	}
	c.mu.Unlock()
}

// today is the batch of the current day; the caller holds c.mu.
func (c *Counter) today() *batch {
	day := c.day(c.now())
	b := c.pending[day]
	if b == nil {
		b = newBatch()
		c.pending[day] = b
	}
	return b
}

// HitArticle counts a read of an article, for its visit count; the page
// view itself is counted by Hit. Bots are not counted.
func (c *Counter) HitArticle(r *http.Request, id int64) {
	if id != 0 {
		c.View(r, "", id)
	}
}

// Total is the number of unique visitors counted so far, as of the last
// flush, all instances together.
func (c *Counter) Total() int64 {
	if c == nil {
		return 0
	}
	return c.total.Load()
}

// Run flushes every interval until ctx ends, then flushes once more so that
// nothing counted is lost on a graceful shutdown.
func (c *Counter) Run(ctx context.Context) {
	if err := c.Flush(ctx); err != nil {
		c.log.Warn("visits: first flush failed", "err", err)
	}
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if err := c.Flush(ctx); err != nil {
				c.log.Warn("visits: flush failed; keeping the counts for the next one", "err", err)
			}
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := c.Flush(fctx); err != nil {
				c.log.Error("visits: final flush failed; these counts are lost", "err", err)
			}
			cancel()
			return
		}
	}
}

// Flush writes what was counted since the last flush and reloads the total.
// On failure the counts go back into memory for the next try.
func (c *Counter) Flush(ctx context.Context) (err error) {
	c.flush.Lock()
	defer c.flush.Unlock()
	if c.onFlush != nil {
		defer func() { c.onFlush(err) }()
	}
	c.mu.Lock()
	pending := c.pending
	c.pending = map[time.Time]*batch{}
	c.mu.Unlock()

	for day, b := range pending {
		if err := c.write(ctx, day, b); err != nil {
			c.restore(pending)
			return err
		}
		delete(pending, day)
	}
	today := c.day(c.now())
	// The hashes and salts of past days are deleted in the database by a
	// periodic job (outbox.ForgetVisitors), once for every instance; here
	// only this instance's memory of old salts goes.
	if yesterday := today.AddDate(0, 0, -1); c.forgot.Before(yesterday) {
		for d := range c.salts {
			if d.Before(yesterday) {
				delete(c.salts, d)
			}
		}
		c.forgot = yesterday
	}
	n, err := c.store.CountedVisitors(ctx)
	if err != nil {
		return err
	}
	c.total.Store(n)
	return nil
}

func (c *Counter) write(ctx context.Context, day time.Time, b *batch) error {
	salt, ok := c.salts[day]
	if !ok {
		var err error
		if salt, err = c.store.DaySalt(ctx, day); err != nil {
			return err
		}
		c.salts[day] = salt
	}
	hashes := make([][]byte, 0, len(b.visitors))
	for key := range b.visitors {
		h := sha256.New()
		h.Write(salt)
		h.Write([]byte(key))
		hashes = append(hashes, h.Sum(nil))
	}
	rec := store.VisitBatch{Day: day, Hashes: hashes, Views: b.views}
	for p, n := range b.paths {
		rec.Paths = append(rec.Paths, p)
		rec.PathViews = append(rec.PathViews, n)
	}
	for id, n := range b.articles {
		rec.Articles = append(rec.Articles, id)
		rec.ArticleVisits = append(rec.ArticleVisits, n)
	}
	return c.store.RecordVisits(ctx, rec)
}

// restore puts unwritten batches back, merged with hits that came since.
func (c *Counter) restore(unwritten map[time.Time]*batch) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for day, old := range unwritten {
		cur := c.pending[day]
		if cur == nil {
			c.pending[day] = old
			continue
		}
		for k := range old.visitors {
			cur.visitors[k] = struct{}{}
		}
		for p, n := range old.paths {
			cur.paths[p] += n
		}
		for id, n := range old.articles {
			cur.articles[id] += n
		}
		cur.views += old.views
	}
}

// day is t's calendar date in the expo's time zone, as a UTC midnight.
func (c *Counter) day(t time.Time) time.Time {
	y, m, d := t.In(c.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// botMarks are substrings of user agents that are not people browsing.
var botMarks = []string{"bot", "crawl", "spider", "slurp", "curl", "wget", "python", "go-http-client",
	"java/", "libwww", "httpclient", "okhttp", "headless", "lighthouse", "pingdom", "uptime", "monitor",
	"facebookexternalhit", "preview", "scan", "axios", "node-fetch", "postman"}

// marksByFirst are botMarks by their first byte: IsBot looks at each
// byte of a user agent once instead of searching it once per mark.
var marksByFirst = func() (t [256][]string) {
	for _, m := range botMarks {
		t[m[0]] = append(t[m[0]], m)
	}
	return t
}()

// IsBot reports whether a user agent is obviously not a person's browser.
// It runs on every view, so it neither allocates nor lowers the string
// first.
func IsBot(ua string) bool {
	if strings.TrimSpace(ua) == "" {
		return true
	}
	for i := 0; i < len(ua); i++ {
		c := ua[i]
		if c >= utf8.RuneSelf {
			// Unicode case folding can make ASCII of other letters (the
			// Kelvin sign is a k): the slow way, exactly.
			return isBotFolded(ua)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, m := range marksByFirst[c] {
			if hasLowerPrefix(ua[i:], m) {
				return true
			}
		}
	}
	return false
}

func isBotFolded(ua string) bool {
	ua = strings.ToLower(ua)
	for _, m := range botMarks {
		if strings.Contains(ua, m) {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports whether s, with ASCII letters lowered, begins
// with the lower-case ASCII prefix.
func hasLowerPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// ClientIP is the visitor's address: the connection's, or, when that is a
// trusted proxy, the last address in X-Forwarded-For that is not one.
func ClientIP(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	isTrusted := func(s string) bool {
		a, err := netip.ParseAddr(strings.TrimSpace(s))
		if err != nil {
			return false
		}
		for _, p := range trusted {
			if p.Contains(a.Unmap()) {
				return true
			}
		}
		return false
	}
	if !isTrusted(host) {
		return host
	}
	// Every X-Forwarded-For line, in order: a proxy may add its own line
	// after one the client forged, and only the last hops are believed.
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if hop == "" || isTrusted(hop) {
			continue
		}
		if a, err := netip.ParseAddr(hop); err == nil {
			return a.Unmap().String()
		}
		break // not an address: no proxy of ours wrote it
	}
	return host
}
